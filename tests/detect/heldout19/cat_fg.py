"""Category f (one identifier written several ways) and category g (look-alikes that
identify nobody)."""

from . import pools
from . import values as v

# --- f ------------------------------------------------------------------------------


def mixed_phone(rng, rows):
    out = []
    for _ in range(rows):
        d = v.phone_digits(rng)
        r = rng.random()
        if r < 0.25:
            out.append(v.format_uk(d))
        elif r < 0.4:
            out.append(d)
        elif r < 0.55:
            out.append("+44 " + v.format_uk(d)[1:])
        elif r < 0.65:
            out.append("0044" + d[1:])
        elif r < 0.75:
            out.append("+44 (0)" + v.format_uk(d)[1:])
        elif r < 0.85:
            out.append("-".join(v.format_uk(d).split()))
        elif r < 0.93:
            out.append(f"tel. {v.format_uk(d)} (dom)")
        else:
            out.append(None)
    return out


def mixed_nhs(rng, rows):
    out = []
    for _ in range(rows):
        n = v.nhs_number(rng)
        r = rng.random()
        if r < 0.3:
            out.append(f"{n[:3]} {n[3:6]} {n[6:]}")
        elif r < 0.5:
            out.append(n)
        elif r < 0.65:
            out.append(f"{n[:3]}-{n[3:6]}-{n[6:]}")
        elif r < 0.75:
            out.append(f"NHS: {n}")
        elif r < 0.85:
            out.append(f"{n[:3]}  {n[3:6]}  {n[6:]}")
        elif r < 0.93:
            out.append(f"GIG {n[:3]} {n[3:6]} {n[6:]}")
        else:
            out.append(None)
    return out


def mixed_dob(rng, rows):
    return [v.date_text(rng, v.dob(rng, 1930, 2015)) for _ in range(rows)]


def mixed_postcode(rng, rows):
    out = []
    for _ in range(rows):
        p = v.postcode(rng)
        r = rng.random()
        if r < 0.4:
            out.append(p)
        elif r < 0.55:
            out.append(p.replace(" ", ""))
        elif r < 0.7:
            out.append(p.lower())
        elif r < 0.8:
            out.append(p.replace(" ", "  "))
        elif r < 0.9:
            out.append(f" {p.lower().replace(' ', '')} ")
        else:
            out.append(p[:-3].ljust(4) + p[-3:])
    return out


def mixed_ni(rng, rows):
    out = []
    for _ in range(rows):
        n = v.ni_number(rng)
        r = rng.random()
        if r < 0.35:
            out.append(n)
        elif r < 0.55:
            out.append(f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}")
        elif r < 0.7:
            out.append(f"{n[:2]}-{n[2:4]}-{n[4:6]}-{n[6:8]}-{n[8]}")
        elif r < 0.85:
            out.append(n.lower())
        else:
            out.append(f"{n[:2]} {n[2:8]} {n[8]}")
    return out


def mixed_email(rng, rows):
    out = []
    for _ in range(rows):
        f, s = v.pick(rng, pools.FORENAMES), v.pick(rng, pools.SURNAMES)
        e = v.email(rng, f, s)
        r = rng.random()
        if r < 0.4:
            out.append(e)
        elif r < 0.6:
            out.append(f"{f} {s} <{e}>")
        elif r < 0.7:
            out.append(f"mailto:{e}")
        elif r < 0.82:
            out.append(e.upper())
        elif r < 0.9:
            out.append(f'"{s}, {f}" <{e}>')
        else:
            out.append(None)
    return out


def mixed_vreg(rng, rows):
    out = []
    for _ in range(rows):
        reg = v.vehicle_reg(rng)
        r = rng.random()
        if r < 0.4:
            out.append(reg)
        elif r < 0.6:
            out.append(reg.replace(" ", ""))
        elif r < 0.75:
            out.append(reg.lower())
        elif r < 0.85:
            out.append(reg.replace(" ", "-"))
        else:
            out.append(" ".join(reg.replace(" ", "")))
    return out


def mixed_address(rng, rows):
    out = []
    for _ in range(rows):
        r = rng.random()
        if r < 0.4:
            out.append(v.address(rng))
        elif r < 0.6:
            out.append(v.address(rng, sep="\n"))
        elif r < 0.75:
            out.append(v.address(rng).upper())
        elif r < 0.9:
            out.append(v.address(rng, sep=" ,"))
        else:
            out.append(v.address(rng, sep="\r\n"))
    return out


def mixed_client_name(rng, rows):
    out = []
    for _ in range(rows):
        f, s = v.pick(rng, pools.FORENAMES), v.pick(rng, pools.SURNAMES)
        r = rng.random()
        if r < 0.3:
            out.append(f"{f} {s}")
        elif r < 0.5:
            out.append(f"{s.upper()}, {f}")
        elif r < 0.65:
            out.append(f"{v.pick(rng, pools.TITLES)} {f[0]}. {s}")
        elif r < 0.75:
            out.append(f"{s} {f}")
        elif r < 0.85:
            out.append(f"{f.lower()} {s.lower()}")
        else:
            out.append(f"{v.pick(rng, pools.TITLES)} {f} {s}")
    return out


def mixed_chi(rng, rows):
    out = []
    for _ in range(rows):
        c = v.chi_number(rng)
        r = rng.random()
        if r < 0.4:
            out.append(c)
        elif r < 0.6:
            out.append(f"{c[:6]} {c[6:]}")
        elif r < 0.75:
            out.append(f"{c[:6]}-{c[6:]}")
        elif r < 0.85:
            out.append(f"{c[:2]} {c[2:4]} {c[4:6]} {c[6:]}")
        else:
            out.append(f"CHI {c}")
    return out


def mixed_mrn(rng, rows):
    out = []
    for _ in range(rows):
        h = v.hospital_number(rng)
        r = rng.random()
        if r < 0.5:
            out.append(h)
        elif r < 0.65:
            out.append(h.lower())
        elif r < 0.8:
            out.append(f"{h[:3]} {h[3:]}")
        else:
            out.append(f"MRN: {h}")
    return out


def mixed_uprn(rng, rows):
    out = []
    for _ in range(rows):
        u = v.uprn(rng)
        r = rng.random()
        if r < 0.4:
            out.append(u)
        elif r < 0.6:
            out.append(f"UPRN:{u}")
        elif r < 0.8:
            out.append(u.zfill(12))
        elif r < 0.9:
            out.append(f"UPRN {u}")
        else:
            out.append(None)
    return out


def mixed_mprn(rng, rows):
    out = []
    for _ in range(rows):
        m = str(rng.randint(10**5, 10**10 - 1))
        r = rng.random()
        if r < 0.4:
            out.append(m)
        elif r < 0.6:
            out.append(f"MPRN {m}")
        elif r < 0.8:
            out.append(m.zfill(10))
        else:
            out.append(f"{m}.0")
    return out


# --- g ------------------------------------------------------------------------------

TARIFFS = [
    "Fixed Saver Jun26 v3",
    "Standard Variable (Economy 7)",
    "Simply Fixed 12M",
    "Green Flex Tracker",
    "Cosy Octave",
    "EV Night Plus",
    "Prepay Standard",
    "Warm Home Fix 24M",
    "Blue+ Price Promise",
    "Social Tariff (Water Support)",
    "WaterSure Plus",
    "HelpU Tariff",
    "Assessed Charge - Single Occupier",
    "Pension Credit Discount",
]
EQUIPMENT = [
    "Home haemodialysis machine",
    "Oxygen concentrator",
    "Nebuliser",
    "Apnoea monitor",
    "Feeding pump (enteral)",
    "Stair lift",
    "Profiling bed",
    "Ventilator (BiPAP)",
    "Insulin - fridge storage",
    "Suction unit",
    "Warfarin",
    "Apixaban",
    "Levodopa",
    "Hoist (ceiling track)",
    "CPAP machine",
    "Peritoneal dialysis cycler",
]
EXHIBIT_FORMS = [
    "Portrait of Sir {f} {s}, c.1740",
    "Sampler worked by {f} {s}, aged 11, 1823",
    "Love spoon carved by {f} {s} of Llangeitho",
    "Letter from {f} {s} to the Turnpike Trust",
    "Bust of Lady {f} {s}",
    "Miner's lamp (Davy type)",
    "Nantgarw porcelain plate",
    "Photograph: Chartists at the Westgate Hotel",
    "Quilt, Welsh flannel, c.1890",
    "Medal awarded to Pte {f} {s}, 1916",
    "Coracle, River Teifi",
]
CATALOGUE_FORMS = [
    "D/DX {a}/{b}/{c}",
    "Q/SR/{y}/{b}",
    "P/{a}/CW/{b}",
    "HDX/{a}/{b}",
    "DD/{a}/{b}",
    "ACC {y}/{a}",
    "GB 0210 NLWMS {a}",
    "T/{y}/{a}",
    "BG/1/{a}",
    "MS {a}B",
]
BUSINESS_FORMS = [
    "{s} & Sons Ltd",
    "{s} Roofing Ltd",
    "{s} and {s2} Solicitors LLP",
    "{f}'s Kitchen",
    "{s} Motors",
    "{s} Lettings (Wales) Ltd",
    "Ty {s} Cyf",
    "{s} Bros Building Contractors",
    "The {s} Partnership",
    "{s}-{s2} Estates Ltd",
]
VENUES = [
    "Neuadd y Sir, Caerfyrddin",
    "Council Chamber, Guildhall",
    "Register Office - Room 2",
    "Marriage Room, Town Hall",
    "Ystafell Ddinesig",
    "Victoria Room, City Chambers",
    "Council Chamber, Comhairle nan Eilean Siar",
    "Mansion House",
    "Registrar's office (foyer)",
    "Pankhurst Suite",
    "Nye Bevan Room",
    "Glyndŵr Room",
]
COUNTRIES = [
    "Nigeria",
    "India",
    "Pakistan",
    "Poland",
    "Romania",
    "Philippines",
    "Somalia",
    "Syria",
    "Afghanistan",
    "Ukraine",
    "Zimbabwe",
    "Sri Lanka",
    "Hong Kong (SAR)",
    "Bangladesh",
    "Ghana",
    "Eritrea",
    "Iran",
    "Brazil",
    "Jamaica",
    "Kenya",
    "Nigerian",
    "Indian",
    "Polish",
    "Stateless",
    "St Kitts and Nevis",
    "Côte d'Ivoire",
]
EBOOKS = [
    "Emma",
    "Oliver Twist",
    "Jane Eyre",
    "Rebecca",
    "Anne of Green Gables",
    "Matilda",
    "Eleanor Oliphant Is Completely Fine",
    "Daisy Jones & The Six",
    "David Copperfield",
    "Educated",
    "Becoming",
    "Shuggie Bain",
    "Elmet",
    "Hamnet",
    "Normal People",
    "Stig of the Dump",
    "Horrid Henry",
    "Harry Potter and the Philosopher's Stone",
    "Pride and Prejudice",
    "Heidi",
    "Tracy Beaker",
    "Alex Rider: Stormbreaker",
    "Marvellous Ways",
    "Mr Penumbra's 24-Hour Bookstore",
    "Nella Last's War",
]
SCAMS = [
    "HMRC impersonation call",
    "Courier fraud",
    "Romance scam",
    "Investment - crypto",
    "Parcel delivery text",
    "Doorstep rogue trader",
    "Bank impersonation (safe account)",
    "Lottery / prize draw mail",
    "Pension liberation",
    "Energy rebate phishing",
    "Fake TV licence email",
    "Tech support pop-up",
    "Clairvoyant mail",
    "Hi Mum WhatsApp",
]
SITES = [
    "Sir Harry's Field",
    "Bishop's Meadow",
    "Heol Llan",
    "Victoria Park Allotments",
    "Maes Dafydd",
    "Gladstone Road",
    "Railway Cutting",
    "Lady Hill",
    "Ffordd Pen-y-Bryn",
    "St Woolos",
    "Queen Mary's Walk",
    "Cae Mawr",
    "Morgan Jones Park",
    "Pennard Road",
]


def _from(rng, rows, items, blank=0.03):
    return [None if rng.random() < blank else v.pick(rng, items) for _ in range(rows)]


def tariffs(rng, rows):
    return _from(rng, rows, TARIFFS)


def equipment(rng, rows):
    return _from(rng, rows, EQUIPMENT, 0.2)


def exhibits(rng, rows):
    out = []
    for _ in range(rows):
        out.append(
            v.pick(rng, EXHIBIT_FORMS).format(
                f=v.pick(rng, pools.WELSH_M + pools.FORENAMES_F), s=v.pick(rng, pools.SURNAMES)
            )
        )
    return out


def catalogue_refs(rng, rows):
    out = []
    for _ in range(rows):
        out.append(
            v.pick(rng, CATALOGUE_FORMS).format(
                a=rng.randint(1, 999),
                b=rng.randint(1, 60),
                c=rng.randint(1, 30),
                y=rng.randint(1740, 1990),
            )
        )
    return out


def businesses(rng, rows):
    out = []
    for _ in range(rows):
        out.append(
            v.pick(rng, BUSINESS_FORMS)
            .format(
                s=v.pick(rng, pools.SURNAMES),
                s2=v.pick(rng, pools.SURNAMES),
                f=v.pick(rng, pools.FORENAMES),
            )
            .upper()
            if rng.random() < 0.3
            else v.pick(rng, BUSINESS_FORMS).format(
                s=v.pick(rng, pools.SURNAMES),
                s2=v.pick(rng, pools.SURNAMES),
                f=v.pick(rng, pools.FORENAMES),
            )
        )
    return out


def streets(rng, rows):
    return _from(rng, rows, pools.STREETS)


def venues(rng, rows):
    return _from(rng, rows, VENUES)


def countries(rng, rows):
    return _from(rng, rows, COUNTRIES)


def frame_serials(rng, rows):
    out = []
    for _ in range(rows):
        r = rng.random()
        if r < 0.4:
            out.append(
                "WTU"
                + str(rng.randint(100, 999))
                + rng.choice("CGX")
                + str(rng.randint(1000, 9999))
                + rng.choice("GJ")
            )
        elif r < 0.7:
            out.append(rng.choice(["GS", "RB", "TD"]) + str(rng.randint(10**7, 10**8 - 1)))
        else:
            out.append(
                f"{rng.choice('ABCDEFGHJK')}{rng.randint(10, 99)}"
                f"{rng.choice('ABCDEFGH')}{rng.randint(10000, 99999)}"
            )
    return out


def ebooks(rng, rows):
    return _from(rng, rows, EBOOKS, 0.0)


def device_serials(rng, rows):
    chars = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    out = []
    for _ in range(rows):
        s = "G0" + "".join(rng.choice(chars) for _ in range(14))
        out.append(" ".join(s[i : i + 4] for i in range(0, 16, 4)) if rng.random() < 0.5 else s)
    return out


def epc_rrns(rng, rows):
    return ["-".join(f"{rng.randint(0, 9999):04d}" for _ in range(5)) for _ in range(rows)]


def scam_types(rng, rows):
    return _from(rng, rows, SCAMS, 0.1)


def sites(rng, rows):
    return _from(rng, rows, SITES, 0.0)
