"""Category f (mixed formats), g (look-alikes), h (hard names) and s (staff)."""

from __future__ import annotations

import random

from . import pools
from . import values as v

NBSP = "\u00a0"

# f ----------------------------------------------------------------------------------


def nhs_mixed(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        n = v.nhs_number(r)
        return r.choice(
            [
                n,
                f"{n[:3]} {n[3:6]} {n[6:]}",
                f"{n[:3]}-{n[3:6]}-{n[6:]}",
                f"NHS: {n}",
                f"{n[:3]}{NBSP}{n[3:6]}{NBSP}{n[6:]}",
                f" {n} ",
            ]
        )

    return v.blanks(rng, rows, 0.92, one)


def dob_mixed(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.95, lambda r: v.fmt_date(r, v.dob(r)))


def phone_mixed(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        if r.random() < 0.5:
            m = v.mobile(r)
            return r.choice(
                [
                    m,
                    f"{m[:5]} {m[5:]}",
                    f"+44 {m[1:5]} {m[5:]}",
                    f"{m[:5]} {m[5:8]} {m[8:]}",
                    f"+44(0){m[1:]}",
                ]
            )
        area, local = v.landline(r)
        return r.choice(
            [
                f"({area}) {local}",
                f"{area} {local}",
                f"{area}{local}",
                f"+44 {area[1:]} {local}",
                f"{area}-{local}",
            ]
        )

    return v.blanks(rng, rows, 0.85, one)


def postcode_mixed(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        pc = v.postcode(r)
        return r.choice(
            [pc, pc.lower(), pc.replace(" ", ""), pc.replace(" ", "  "), pc.title(), f"{pc} "]
        )

    return v.blanks(rng, rows, 0.9, one)


def ni_mixed(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        n = v.ni_number(r)
        return r.choice(
            [
                n,
                f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}",
                n.lower(),
                f"{n[:2]}-{n[2:4]}-{n[4:6]}-{n[6:8]}-{n[8]}",
                f"{n[:2]} {n[2:8]} {n[8]}",
            ]
        )

    return v.blanks(rng, rows, 0.85, one)


def name_mixed(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        f, s = v.forename(r), v.surname(r)
        return r.choice(
            [
                f"{s.upper()}, {f}",
                f"{f} {s}",
                f"{s} {f[0]}",
                f"{f.lower()}.{s.lower()}",
                f"{s}, {f[0]}.",
                f"{f} {s.upper()}",
            ]
        )

    return v.blanks(rng, rows, 0.96, one)


def email_mixed(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        e = v.email(r)
        return r.choice([e, f"{v.full_name(r)} <{e}>", f"mailto:{e}", e.upper(), f"{e};", f" {e}"])

    return v.blanks(rng, rows, 0.8, one)


def chi_mixed(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        c = v.chi_number(r)
        return r.choice([c, f"{c[:6]} {c[6:]}", f"{c[:6]}-{c[6:]}", f"CHI {c}"])

    return v.blanks(rng, rows, 0.9, one)


def reg_mixed(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        g = v.vehicle_registration(r)
        return r.choice([g, g.replace(" ", ""), g.lower(), g.replace(" ", "  ")])

    return v.blanks(rng, rows, 0.75, one)


def uprn_mixed(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        u = v.uprn(r)
        return r.choice([u, f"UPRN {u}", u.zfill(12), f"UPRN:{u}"])

    return v.blanks(rng, rows, 0.85, one)


def address_mixed(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        a = v.address(r, sep=r.choice([", ", "\n", " ", ",", "\r\n"]))
        return a.upper() if r.random() < 0.2 else a

    return v.blanks(rng, rows, 0.9, one)


def licence_mixed(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        d = v.driving_licence(r)
        return r.choice([d, f"{d[:5]} {d[5:11]} {d[11:]}", d.lower(), f"{d[:5]} {d[5:]}"])

    return v.blanks(rng, rows, 0.6, one)


def passport_mixed(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        p = v.passport_number(r)
        return r.choice([p, f"{p[:3]} {p[3:6]} {p[6:]}", f"GBR {p}", f"No. {p}", f"GBR{p}"])

    return v.blanks(rng, rows, 0.55, one)


def session_date_mixed(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        d = v.random_date(r, 2019, 2025)
        return v.fmt_date(r, d)

    return v.blanks(rng, rows, 0.98, one)


# g ----------------------------------------------------------------------------------
_CULTIVARS = [
    "Gertrude Jekyll",
    "Charles Darwin",
    "Lady Emma Hamilton",
    "Kiftsgate",
    "Jude the Obscure",
    "Maris Piper",
    "King Edward",
    "Charlotte",
    "Anya",
    "Desiree",
    "Bramley",
    "Cox's Orange Pippin",
    "Egremont Russet",
    "James Grieve",
    "Mrs Collier (sweet pea)",
    "Lord Derby",
    "Ellison's Orange",
    "Harry Wheatcroft",
    "Ena Harkness",
    "Albertine",
    "Kerr's Pink",
    "Golden Wonder",
    "Pink Fir Apple",
    "Arran Pilot",
    "Charles Ross",
]


def rose_variety(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.85, lambda r: r.choice(_CULTIVARS))


_SONGS = [
    "Danny Boy",
    "Sweet Caroline",
    "Delilah",
    "Jolene",
    "Daisy Bell",
    "Molly Malone",
    "Eleanor Rigby",
    "Annie's Song",
    "Sloop John B",
    "Bring Me Sunshine",
    "Calon Lân",
    "Mairi's Wedding",
    "Maggie May",
    "Lily the Pink",
    "Mack the Knife",
    "Johnny B. Goode",
    "Auld Lang Syne",
    "Cwm Rhondda",
    "Roxanne",
    "Layla",
    "Peggy Sue",
    "Oh! Carol",
]


def song_title(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.95, lambda r: r.choice(_SONGS))


def tool_model(rng: random.Random, rows: int) -> list[str | None]:
    tools = [
        "Stanley No.4",
        "Makita DHP482",
        "Bosch PSB 500 RE",
        "Record 52E vice",
        "Axminster AW305",
        "Draper 84665",
        "Dewalt DCD796",
        "Rexon BS-10",
        "Ryobi R18PD3",
        "Marples M444",
        "Spear & Jackson 9500",
        "Record No. 05",
    ]
    return v.blanks(rng, rows, 0.9, lambda r: r.choice(tools))


def accession_no(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        return r.choice(
            [
                f"LEEDM.E.{r.randint(1900, 2020)}.{r.randint(1, 999):04d}",
                f"{r.randint(1950, 2020)}.{r.randint(1, 99)}.{r.randint(1, 40)}",
                f"NMW A {r.randint(100, 9999)}",
                f"GLAHM:{r.randint(10000, 99999)}",
            ]
        )

    return v.blanks(rng, rows, 0.96, one)


def venue(rng: random.Random, rows: int) -> list[str | None]:
    venues = [
        "Eleanor Rathbone Hall",
        "Sir Tom Morgan Leisure Centre",
        "Amy Johnson Suite",
        "Ponds Forge",
        "Kelvin Hall",
        "Gurnos Leisure Centre",
        "St Aidan's Church Hall",
        "Masjid Noor community room",
        "Edith Cavell Room",
        "Nye Bevan Centre",
        "Mary Seacole House",
        "Keir Hardie Hall",
        "Jessie Kesson Library",
    ]
    return v.blanks(rng, rows, 0.97, lambda r: r.choice(venues))


def gp_practice(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        return r.choice(
            [
                f"Dr {r.choice(pools.SURNAMES)} & Partners",
                "The Grange Surgery",
                f"Dr {r.choice(pools.SURNAMES)}'s Practice",
                "Meddygfa Dewi Sant",
                "Park Lane Medical Centre",
                f"{r.choice(pools.SURNAMES)} Street Surgery",
            ]
        )

    return v.blanks(rng, rows, 0.95, one)


def walk_route(rng: random.Random, rows: int) -> list[str | None]:
    routes = [
        "Offa's Dyke loop",
        "Captain Cook's Monument",
        "St Cuthbert's Way",
        "Brontë Way",
        "Wainwright's Coast to Coast (stage 3)",
        "John Muir Way",
        "St Winefride's Well walk",
        "Lady Anne's Way",
        "Dylan Thomas trail",
        "Rob Roy Way",
        "Owain Glyndŵr's Way",
    ]
    return v.blanks(rng, rows, 0.9, lambda r: r.choice(routes))


def bp_device_serial(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        return r.choice(
            [
                f"SN {r.randint(2015, 2024)} {r.randint(0, 9999999):07d}",
                "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(10)),
                f"HEM-7155T-{r.randint(100000, 999999)}",
            ]
        )

    return v.blanks(rng, rows, 0.9, one)


def ean13(rng: random.Random) -> str:
    body = "50" + "".join(str(rng.randint(0, 9)) for _ in range(10))
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def product_barcode(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.95, ean13)


def fish_species(rng: random.Random, rows: int) -> list[str | None]:
    fish = [
        "Pike",
        "Roach",
        "Tench",
        "Perch",
        "Bream",
        "Carp",
        "Rudd",
        "Chubb",
        "Barbel",
        "Dace",
        "Gudgeon",
        "Brown trout",
        "Grayling",
        "Ide",
        "Crucian carp",
    ]
    return v.blanks(rng, rows, 0.8, lambda r: r.choice(fish))


def medication(rng: random.Random, rows: int) -> list[str | None]:
    meds = [
        "Amlodipine 5mg",
        "Ramipril 2.5mg",
        "Bendroflumethiazide 2.5mg",
        "Lisinopril 10mg",
        "Candesartan 8mg",
        "Doxazosin 4mg",
        "Indapamide 1.5mg",
        "Losartan 50mg",
        "Bisoprolol 2.5mg",
        "Atenolol 50mg",
        "Felodipine 5mg",
    ]
    return v.blanks(rng, rows, 0.85, lambda r: r.choice(meds))


def funder(rng: random.Random, rows: int) -> list[str | None]:
    funders = [
        "Sport England",
        "Arts Council Wales",
        "The National Lottery Community Fund",
        "Paul Hamlyn Foundation",
        "Esmée Fairbairn Foundation",
        "Henry Smith Charity",
        "Joseph Rowntree Foundation",
        "Lloyds Bank Foundation",
        "Barbour Foundation",
        "Garfield Weston Foundation",
        "Tudor Trust",
        "Sobell Foundation",
    ]
    return v.blanks(rng, rows, 0.9, lambda r: r.choice(funders))


def faith_venue(rng: random.Random, rows: int) -> list[str | None]:
    fv = [
        "St Mary Magdalene",
        "Gurdwara Guru Nanak Darbar",
        "Masjid-e-Umar",
        "Bethel Pentecostal",
        "St Patrick's RC",
        "Shri Ram Mandir",
        "Capel Tabernacl",
        "St Columba's Kirk",
        "Guru Har Rai Gurdwara",
        "Jamia Masjid Bilal",
        "Holy Trinity",
        "Ebenezer Baptist",
        "St Teilo's",
    ]
    return v.blanks(rng, rows, 0.97, lambda r: r.choice(fv))


def choir_name(rng: random.Random, rows: int) -> list[str | None]:
    names = [
        "The Silver Linings",
        "Singing for the Brain - Cardiff",
        "Sheffield Songbirds",
        "Hilda's Harmonies",
        "Côr Cofio",
        "Mabel's Memory Choir",
        "Together in Song",
        "The Golden Oldies",
        "Doris & Friends",
        "Còisir Cuimhne",
    ]
    return v.blanks(rng, rows, 0.95, lambda r: r.choice(names))


def radio_show(rng: random.Random, rows: int) -> list[str | None]:
    shows = [
        "Breakfast with Big Al",
        "Auntie Pat's Allotment Hour",
        "Sunday Soul with DJ Kev",
        "Bhangra Beats",
        "The Mo Show",
        "Uncle Tony's Oldies",
        "Radio Ramadan Live",
        "Gwen's Welsh Hour",
        "Country Roads with Tex",
        "Desi Vibes",
    ]
    return v.blanks(rng, rows, 0.9, lambda r: r.choice(shows))


# h ----------------------------------------------------------------------------------


def participant_name(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(
        rng, rows, 0.97, lambda r: f"{v.forename(r)} {r.choice(pools.PARTICLE_SURNAMES)}"
    )


def last_name(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.97, lambda r: r.choice(pools.WORD_SURNAMES))


def first_name(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.97, lambda r: r.choice(pools.WORD_FORENAMES))


def member(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        x = r.random()
        if x < 0.5:
            return r.choice(pools.MONONYMS)
        if x < 0.8:
            return f"{v.forename(r)[0]}. {v.forename(r)[0]}. {v.surname(r)}"
        return f"{v.forename(r)[0]}{v.forename(r)[0]} {v.surname(r)}"

    return v.blanks(rng, rows, 0.95, one)


def enw_llawn(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        return f"{r.choice(pools.WELSH_FORENAMES)} {r.choice(pools.WELSH_SURNAMES)}"

    return v.blanks(rng, rows, 0.95, one)


def ainm(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        f = r.choice(pools.GAELIC_FORENAMES)
        pool = pools.GAELIC_SURNAMES_F if f in pools.GAELIC_FEMALE else pools.GAELIC_SURNAMES_M
        return f"{f} {r.choice(pool)}"

    return v.blanks(rng, rows, 0.95, one)


def imie_nazwisko(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        n = f"{r.choice(pools.POLISH_FORENAMES)} {r.choice(pools.POLISH_SURNAMES)}"
        return n.upper() if r.random() < 0.2 else n

    return v.blanks(rng, rows, 0.95, one)


def naam(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        f = r.choice(pools.PUNJABI_FORENAMES)
        mid = r.choice(["Kaur", "Singh"])
        return r.choice(
            [
                f"{f} {mid} {r.choice(pools.PUNJABI_FAMILY)}",
                f"{f} {mid}",
                f"{f} {r.choice(pools.PUNJABI_FAMILY)}",
            ]
        )

    return v.blanks(rng, rows, 0.95, one)


def attendee(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        s = v.surname(r)
        i = v.forename(r)[0]
        return r.choice(
            [
                f"{i}.{v.forename(r)[0]}. {s.upper()}",
                f"Dr. {i.lower()}. {s.lower()}",
                f"{r.choice(pools.TITLES)} {i} {s}",
                f"{s.upper()} {i}{v.forename(r)[0]}",
            ]
        )

    return v.blanks(rng, rows, 0.95, one)


def chosen_name(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.9, lambda r: r.choice(pools.SHORT_FORENAMES))


def family_name(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        s = r.choice(pools.SHORT_SURNAMES)
        return r.choice([s, s.upper(), s.lower()])

    return v.blanks(rng, rows, 0.95, one)


def patient(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        f, s = v.forename(r), v.surname(r)
        t = r.choice(pools.TITLES)
        pn = f" {r.choice(pools.POSTNOMINALS)}" if r.random() < 0.3 else ""
        return r.choice([f"{s.upper()}, {f} ({t}){pn}", f"{t} {f} {s}{pn}"])

    return v.blanks(rng, rows, 0.96, one)


def _mojibake(text: str) -> str:
    """UTF-8 bytes read back as Windows-1252, as Excel does with a BOM-less CSV."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(bytes([byte]).decode("latin-1"))
    return "".join(out)


def reg_name(rng: random.Random, rows: int) -> list[str | None]:
    accented_f = [
        "José",
        "Zoë",
        "Renée",
        "Søren",
        "Björn",
        "Łukasz",
        "Siân",
        "Inês",
        "François",
        "Małgorzata",
        "Chloë",
        "Dóra",
    ]
    accented_s = [
        "García",
        "Müller",
        "Núñez",
        "Gonçalves",
        "Ó Súilleabháin",
        "Wiśniewski",
        "Öztürk",
        "Håkansson",
        "Jørgensen",
        "Dvořák",
    ]

    def one(r):
        n = f"{r.choice(accented_f)} {r.choice(accented_s)}"
        return _mojibake(n) if r.random() < 0.7 else n

    return v.blanks(rng, rows, 0.95, one)


def name_on_card(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        f = v.forename(r)
        x = r.random()
        if x < 0.5:
            return f"{f} {r.choice(pools.APOSTROPHE_SURNAMES)}"
        mid = v.forename(r)
        return f"{f} {mid} {v.surname(r)} {r.choice(pools.SUFFIXES)}"

    return v.blanks(rng, rows, 0.95, one)


# s ----------------------------------------------------------------------------------


def referring_gp(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        return r.choice(
            [
                f"Dr {v.forename(r)[0]} {v.surname(r)}",
                f"Dr. {v.full_name(r)} MRCGP",
                f"DR {v.surname(r).upper()}",
                f"{v.full_name(r)} (ANP)",
            ]
        )

    return v.blanks(rng, rows, 0.9, one)


def instructor(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        lv = r.choice(["L3 PT", "L4 GP referral", "L3 ERS", "aqua L2"])
        return r.choice([f"{v.full_name(r)} ({lv})", v.full_name(r)])

    return v.blanks(rng, rows, 0.95, one)


def walk_leader(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.9, lambda r: r.choice([v.forename(r), f"{v.forename(r)} (WL)"]))


def link_worker(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        return r.choice([f"{v.full_name(r)} \u2013 SPLW", f"{v.full_name(r)} (link worker, PCN 4)"])

    return v.blanks(rng, rows, 0.85, one)


def facilitator_surname(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.9, v.surname)


def checked_by(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        role = r.choice(["barber", "pharmacist", "HCA", "vol. nurse"])
        return f"{v.forename(r)[0]}. {v.surname(r)} ({role})"

    return v.blanks(rng, rows, 0.88, one)
