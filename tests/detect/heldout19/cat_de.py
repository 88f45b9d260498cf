"""Category d (misleading headers) and category e (headerless or coded headers)."""

from . import pools
from . import values as v
from .cat_bc import _name

# --- d ------------------------------------------------------------------------------

MUSEUM_NOTES = [
    "Covered front desk in the Turner gallery",
    "Helped hang the Gwen John loan exhibition",
    "Stewarded Kyffin Williams talk in the Penrhyn Room",
    "Tour of the Brunel collection for U3A group from Abergavenny",
    "Condition checked Nantgarw porcelain in Store B",
    "Trained on the collections database",
    "Handling session: Roman finds from Caerleon",
    "Cataloguing the Ebbw Vale steelworks photographs",
    "Led Victorian schoolroom sessions for Ysgol Gymraeg Bro Morgannwg",
    "Dusted the Darwin cabinet and the whale skeleton",
    "Half-term trail: Dinosaurs of the Jurassic Coast",
    "Moved boxes of Swansea Pottery to the new store",
    "Assisted at the Picasso print evening",
    "Welcome desk, Santes Dwynwen family day",
    "Audio guide recording in the Rembrandt room",
    "Photographed coal tokens from Merthyr Tydfil",
]


def museum_notes(rng, rows):
    out = []
    for _ in range(rows):
        if rng.random() < 0.12:
            out.append(None)
            continue
        parts = [v.pick(rng, MUSEUM_NOTES) for _ in range(rng.randint(1, 2))]
        if rng.random() < 0.3:
            parts.append(f"{rng.randint(2, 7)} hrs")
        out.append(v.messy_case(rng, ". ".join(parts)))
    return out


def nhs_ref_failing(rng, rows):
    out = []
    for _ in range(rows):
        n = v.mod11_failing(rng, "4679")
        out.append(f"{n[:3]} {n[3:6]} {n[6:]}" if rng.random() < 0.7 else n)
    return out


def bland_nhs(rng, rows):
    return [v.nhs_number(rng) for _ in range(rows)]


def bland_email(rng, rows):
    return [v.messy_case(rng, v.email(rng)) if rng.random() < 0.93 else None for _ in range(rows)]


def bland_full_name(rng, rows):
    return [_name(rng, 0.15) for _ in range(rows)]


def bland_dob(rng, rows):
    return [v.dob(rng, 1932, 2010).strftime("%d/%m/%Y") for _ in range(rows)]


def dob_header_event_dates(rng, rows):
    out = []
    for _ in range(rows):
        d = v.date_between(rng, 2024, 2026)
        out.append(v.date_text(rng, d, rng.choice([0, 0, 1, 6])))
    return out


def ip_mac(rng, rows):
    out = []
    for _ in range(rows):
        r = rng.random()
        if r < 0.45:
            out.append(
                f"192.168.{rng.randint(0, 3)}.{rng.randint(2, 254)}"
                if rng.random() < 0.5
                else f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"
            )
        elif r < 0.75:
            out.append(":".join(f"{rng.randrange(256):02X}" for _ in range(6)))
        elif r < 0.9:
            out.append(f"2001:db8:{rng.randrange(65536):x}::{rng.randrange(65536):x}")
        else:
            out.append(f"198.51.100.{rng.randint(1, 254)}")
    return out


DEVICE_MODELS = [
    "iPhone 12",
    "iPhone SE (2nd gen)",
    "Samsung Galaxy A13",
    "Kindle Paperwhite",
    "Kobo Clara HD",
    "Kindle Fire HD 8",
    "iPad (9th generation)",
    "Pixel 6a",
    "Moto G Power",
    "Nokia 105",
    "Doro 6820",
    "Galaxy Tab A7 Lite",
    "Huawei P30 lite",
    "Android (unknown)",
    "Windows PC",
    "Chromebook",
    "Alexa Echo Show",
]


def phone_models(rng, rows):
    return [v.pick(rng, DEVICE_MODELS) for _ in range(rows)]


CROP_VARIETIES = [
    "Charlotte",
    "King Edward",
    "Maris Piper",
    "Arran Pilot",
    "Desiree",
    "Kerr's Pink",
    "Pink Fir Apple",
    "Lady Christl",
    "Anya",
    "Nicola",
    "Marfona",
    "Sarpo Mira",
    "Alicante",
    "Shirley",
    "Ailsa Craig",
    "Moneymaker",
    "Sungold",
    "Gardener's Delight",
    "Scarlet Emperor",
    "Kelvedon Wonder",
    "Hurst Green Shaft",
    "Lady Godiva",
    "Crown Prince",
    "Bramley",
    "Cox's Orange Pippin",
    "Egremont Russet",
    "Victoria",
    "Doyenné du Comice",
    "Cambridge Favourite",
    "Glen Ample",
    "Ben Sarek",
    "Ben Connan",
    "Jenny Lind",
    "Little Gem",
    "Musselburgh",
    "Boltardy",
    "Autumn King",
    "Sturon",
    "Red Baron",
    "Red Duke of York",
    "Duke of York",
    "Sharpe's Express",
    "Pentland Javelin",
    "Maris Peer",
    "Gertrude Jekyll",
    "Albertine",
    "Ena Harkness",
    "Margaret Merril",
    "Paul's Himalayan Musk",
    "Queen Elizabeth",
    "Marshall's Elsanta",
]
CROPS = ["Potato", "Tomato", "Onion", "Bean", "Pea", "Squash", "Apple", "Rose", "Pear"]


def crop_varieties(rng, rows):
    out = []
    for _ in range(rows):
        var = v.pick(rng, CROP_VARIETIES)
        r = rng.random()
        if r < 0.6:
            out.append(var)
        elif r < 0.8:
            out.append(f"{v.pick(rng, CROPS)} - {var}")
        elif r < 0.9:
            out.append(f"{var} ({v.pick(rng, CROPS).lower()})")
        else:
            out.append(None)
    return out


def bland_address(rng, rows):
    return [v.address(rng, sep=v.pick(rng, [", ", ", ", " ", "\n"])) for _ in range(rows)]


def bland_vreg(rng, rows):
    return [v.vehicle_reg(rng) for _ in range(rows)]


ARCHIVE_COMMENTS = [
    "Produced Quarter Sessions rolls for 1791",
    "Tithe apportionment for Llanfihangel Ystrad",
    "Parish registers of St Mary's, Cardigan, 1780-1812 on microfilm",
    "Estate papers of the Vaughans of Trawsgoed",
    "Diocese of St Davids probate records",
    "Great Sessions gaol files",
    "Ordnance Survey 25 inch, Carmarthenshire sheet XXXIX",
    "Board of Guardians minute books, Aberaeron Union",
    "Calvinistic Methodist chapel records, Tregaron",
    "Enclosure award for Cors Caron",
    "Manorial court rolls of the lordship of Cemais",
    "Electoral registers 1918-1939 consulted",
    "Harbour trust letter books, New Quay",
    "School log books, Ysgol Gynradd Llanddewi Brefi",
    "Shipping registers, port of Aberystwyth",
    "Copy order for {n} images",
]


def archive_comments(rng, rows):
    out = []
    for _ in range(rows):
        if rng.random() < 0.1:
            out.append(None)
            continue
        text = v.pick(rng, ARCHIVE_COMMENTS).format(n=rng.randint(2, 40))
        if rng.random() < 0.3:
            text += f"; {v.pick(rng, ARCHIVE_COMMENTS).format(n=rng.randint(2, 40))}"
        out.append(text)
    return out


def bland_ni(rng, rows):
    return [v.ni_number(rng) for _ in range(rows)]


# --- e ------------------------------------------------------------------------------


def plain_nhs(rng, rows):
    return [v.nhs_number(rng) if rng.random() < 0.9 else None for _ in range(rows)]


def plain_email(rng, rows):
    return [v.email(rng) if rng.random() < 0.85 else None for _ in range(rows)]


def plain_postcode(rng, rows):
    return [v.postcode(rng) if rng.random() < 0.95 else None for _ in range(rows)]


def plain_phone(rng, rows):
    return [v.phone_display(rng) if rng.random() < 0.88 else None for _ in range(rows)]


PSR_CODES = [
    ("01", "Pensionable age"),
    ("02", "Physical impairment"),
    ("03", "Unable to answer door"),
    ("07", "Dementia"),
    ("08", "Heart, lung or ventilator"),
    ("09", "Dialysis"),
    ("10", "Chronic serious illness"),
    ("12", "Hearing impairment"),
    ("14", "Blind"),
    ("15", "Stair lift, hoist, electric bed"),
    ("18", "Medicine refrigeration"),
    ("19", "Oxygen use"),
    ("22", "Mental health"),
    ("25", "Water dependent"),
    ("26", "Young children under 5"),
    ("31", "Temporary - post hospital recovery"),
    ("35", "Nebuliser and apnoea monitor"),
    ("36", "Careline/telecare system"),
]


def psr_codes(rng, rows):
    out = []
    for _ in range(rows):
        code, desc = v.pick(rng, PSR_CODES)
        r = rng.random()
        if r < 0.4:
            out.append(code)
        elif r < 0.75:
            out.append(f"{code} - {desc}")
        else:
            second = v.pick(rng, PSR_CODES)[0]
            out.append(f"{code};{second}")
    return out


def plot_ids(rng, rows):
    out = []
    for _ in range(rows):
        r = rng.random()
        if r < 0.5:
            out.append(f"{rng.randint(1, 120)}{rng.choice(['', 'A', 'B', 'a', 'b'])}")
        elif r < 0.8:
            out.append(f"{rng.choice('ABCDEFG')}-{rng.randint(1, 40):02d}")
        else:
            out.append(f"Plot {rng.randint(1, 120)} (half)")
    return out


def surname_comma_forename(rng, rows):
    out = []
    for _ in range(rows):
        f, s = v.pick(rng, pools.FORENAMES), v.pick(rng, pools.SURNAMES)
        r = rng.random()
        if r < 0.7:
            out.append(f"{s.upper()}, {f}")
        elif r < 0.9:
            out.append(f"{s}, {f} {rng.choice('ABCDEJKLMRS')}")
        else:
            out.append(f"{s.upper()},{f.upper()}")
    return out


def single_line_address(rng, rows):
    return [
        v.address(rng, sep=" ").upper() if rng.random() < 0.4 else v.address(rng)
        for _ in range(rows)
    ]


def coded_hospno(rng, rows):
    return [v.hospital_number(rng) for _ in range(rows)]


def hex_tokens(rng, rows):
    return [
        "".join(rng.choice("0123456789abcdef") for _ in range(rng.choice([16, 32, 64])))
        for _ in range(rows)
    ]


def row_index(rng, rows):
    return [str(i) for i in range(rows)]


def coded_licence(rng, rows):
    return [v.driving_licence(rng) if rng.random() < 0.9 else None for _ in range(rows)]


def iso_dob(rng, rows):
    return [v.dob(rng, 1930, 2012).isoformat() for _ in range(rows)]


def coded_surname(rng, rows):
    return [v.messy_case(rng, v.pick(rng, pools.SURNAMES)) for _ in range(rows)]
