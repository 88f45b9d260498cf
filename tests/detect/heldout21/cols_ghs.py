"""Categories g (look-alikes), h (hard names) and s (staff)."""

from . import pools
from . import values as v


def _col(rng, rows, make, blank=0.04):
    return [None if rng.random() < blank else v.maybe_space(rng, make(rng)) for _ in range(rows)]


# ------------------------------------------------------------------ g
def ecm_tag_serial(rng, rows):
    def make(r):
        n = v.mod11_failing(r, lead=str(r.randint(3, 8)))
        return f"{n[:3]} {n[3:6]} {n[6:]}" if r.random() < 0.3 else n

    return _col(rng, rows, make, 0.02)


def agency_worker_ref(rng, rows):
    def make(r):
        while True:
            a = r.choice("DFIQUVABCEGHJKLMNPRSTWXYZ")
            b = r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            suffix = r.choice("ABCDEFGHJKLMNPXYZ")
            code = a + b + f"{r.randint(0, 999999):06d}" + suffix
            if not v.ni_valid(code):
                return code

    return _col(rng, rows, make, 0.03)


def equipment_model(rng, rows):
    models = [
        "Arjo Sara Stedy",
        "Molift Smart 150",
        "Oxford Midi 180",
        "Invacare Birdie",
        "Sidhil Bradshaw bed",
        "Alaris GP pump",
        "McKinley T34",
        "Arjo Maxi Move",
        "Liko Viking M",
        "Casey Ariel hoist",
        "Drive Florence bath lift",
        "Harvest Lola bed",
        "Kendall SCD 700",
        "Marie chair (Sherborne)",
        "Ella riser recliner",
        "Hoyer Oxford Presence",
        "Rosa air mattress",
    ]
    return _col(rng, rows, lambda r: r.choice(models), 0.05)


def town(rng, rows):
    return _col(rng, rows, lambda r: r.choice(pools.NAME_LIKE_TOWNS), 0.03)


def organisation(rng, rows):
    orgs = [
        "St Luke's Hospice",
        "Sue Ryder",
        "Marie Curie",
        "Martin House",
        "Helen & Douglas House",
        "Dorothy Kerin Trust",
        "Florence Nightingale Hospice",
        "St Gemma's Hospice",
        "Acorns",
        "The Fircroft Trust",
        "Manorlands (Sue Ryder)",
        "Kirkwood Hospice",
        "Overgate Hospice",
        "Joseph Rowntree Foundation",
        "Mary Stevens Hospice",
        "Rowcroft",
        "Douglas Macmillan Hospice",
        "Cynthia Spencer Hospice",
        "Ty Hafan",
        "Teenage Cancer Trust",
    ]
    return _col(rng, rows, lambda r: r.choice(orgs), 0.02)


def jic_drug(rng, rows):
    def make(r):
        d = r.choice(pools.DRUGS)
        return r.choice(
            [
                f"{d} {r.choice(['2.5', '5', '10', '20', '0.4'])}",
                f"{d} {r.choice(['2.5mg', '5 mg', '10mg/ml', '400mcg'])}",
                d,
            ]
        )

    return _col(rng, rows, make, 0.05)


def fund_name(rng, rows):
    funds = [
        "Dorothy Whitaker Memorial Fund",
        "Sir Harold Entwistle Charitable Trust",
        "The Ada Lumb Bequest",
        "Thomas Ackroyd Relief in Need",
        "The Edna Pugh Fund",
        "Joseph Haworth Almshouse Charity",
        "The Margaret Threlfall Award",
        "Walter & Gladys Sutcliffe Trust",
        "Lady Eleanor Vaughan Fund",
        "The Samuel Ormerod Benevolent Fund",
        "Agnes Cartwright Winter Grant",
        "The Arthur Greenhalgh Trust",
    ]
    return _col(rng, rows, lambda r: r.choice(funds), 0.06)


def ods_code(rng, rows):
    def make(r):
        x = r.randrange(4)
        if x == 0:
            return (
                r.choice(["RX", "RW", "RA", "RT", "RJ"])
                + r.choice("1234567ABCDEFGH")
                + str(r.randint(0, 9))
            )
        if x == 1:
            return f"{r.choice('ABCDEFGHJKLMNPY')}{r.randint(10000, 99999)}"
        if x == 2:
            return f"{r.choice(['8', 'V', 'N'])}{r.choice('ABCDEFGHJK')}{r.randint(100, 999)}"
        return f"{r.randint(0, 99):02d}{r.choice('ABCDEFGHJKLMNPQRSTUVWXY')}"

    return _col(rng, rows, make, 0.03)


def batch_lot(rng, rows):
    def make(r):
        lot = f"{r.choice('ABCDEFGHKLMNPRSTWX')}{r.randint(10000, 99999)}{r.choice(['', 'A', 'B'])}"
        return r.choice(
            [
                f"LOT {lot} exp {r.randint(1, 12):02d}/{r.randint(25, 28)}",
                lot,
                f"{lot} / {r.randint(1, 12):02d}-20{r.randint(25, 28)}",
            ]
        )

    return _col(rng, rows, make, 0.05)


def reading(rng, rows):
    books = [
        "John",
        "Luke",
        "Mark",
        "Matthew",
        "Ruth",
        "Esther",
        "Timothy",
        "Samuel",
        "Daniel",
        "James",
        "Peter",
        "Philemon",
        "Jude",
        "Isaiah",
        "Psalm",
        "Micah",
    ]

    def make(r):
        b = r.choice(books)
        pre = r.choice(["", "", "1 ", "2 "]) if b in ("Timothy", "Samuel", "Peter", "John") else ""
        return r.choice(
            [
                f"{pre}{b} {r.randint(1, 20)}:{r.randint(1, 30)}",
                f"{pre}{b} {r.randint(1, 20)}:{r.randint(1, 12)}-{r.randint(13, 30)}",
                f"{pre}{b} ch. {r.randint(1, 20)}",
            ]
        )

    return _col(rng, rows, make, 0.1)


def unit_or_lounge(rng, rows):
    units = [
        "Rose Unit",
        "Jasmine Lounge",
        "Florence Wing",
        "Nightingale",
        "Holly",
        "Iris Suite",
        "Willow",
        "Bluebell",
        "Heather Lodge",
        "Primrose",
        "Seacole",
        "Cavell",
        "Elsie Inglis Unit",
        "Lily",
        "Daisy Lounge",
        "Rowan",
    ]
    return _col(rng, rows, lambda r: r.choice(units), 0.04)


def venue(rng, rows):
    venues = [
        "St Mary's Church Hall",
        "Gurdwara Sahib",
        "Jamia Masjid",
        "Quaker Meeting House",
        "Kingdom Hall",
        "St Columba's",
        "Bethel Pentecostal",
        "Shri Krishna Mandir",
        "Capel Seion",
        "Eaglais na h-Alba Steornabhagh",
        "Beth Shalom Synagogue",
        "Salvation Army Citadel",
        "St Joseph's RC",
        "Redeemed Christian Church of God",
        "Guru Nanak Gurdwara",
        "Makki Masjid",
    ]
    return _col(rng, rows, lambda r: r.choice(venues), 0.06)


def _isbn13(r) -> str:
    body = "978" + f"{r.randint(0, 999999999):09d}"
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def isbn(rng, rows):
    def make(r):
        n = _isbn13(r)
        return r.choice([n, f"{n[:3]}-{n[3]}-{n[4:8]}-{n[8:12]}-{n[12]}", f"ISBN {n}"])

    return _col(rng, rows, make, 0.1)


def primary_condition(rng, rows):
    conds = [
        "Parkinson's disease",
        "Huntington's disease",
        "Alzheimer's",
        "Crohn's disease",
        "Addison's disease",
        "Hodgkin lymphoma",
        "Guillain-Barré syndrome",
        "Down syndrome",
        "Creutzfeldt-Jakob disease",
        "Lewy body dementia",
        "Paget's disease",
        "Raynaud's",
        "Motor neurone disease",
        "Wilson's disease",
        "Charcot-Marie-Tooth",
        "Sjögren's syndrome",
        "Korsakoff syndrome",
    ]
    return _col(rng, rows, lambda r: r.choice(conds), 0.04)


# ------------------------------------------------------------------ h
def client_full_name(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        return r.choice([f"{f} {s}", f"{f} {r.choice(pools.FORENAMES)} {s}"])

    return _col(rng, rows, make, 0.02)


def first_name(rng, rows):
    return _col(rng, rows, lambda r: r.choice(pools.WORD_FORENAMES), 0.03)


def last_name(rng, rows):
    return _col(rng, rows, lambda r: r.choice(pools.WORD_SURNAMES), 0.03)


def name_on_record(rng, rows):
    return _col(rng, rows, lambda r: r.choice(pools.MONONYMS), 0.03)


def service_user_name(rng, rows):
    def make(r):
        f = r.choice(pools.HYPHEN_FORENAMES + pools.FORENAMES[:20])
        s = r.choice(pools.HYPHEN_SURNAMES)
        return f"{f} {s}"

    return _col(rng, rows, make, 0.03)


def resident(rng, rows):
    def make(r):
        f, s = r.choice(pools.PARTICLE_NAMES)
        return r.choice([f"{f} {s}", f"{s}, {f}", f"{f} {s}".upper()])

    return _col(rng, rows, make, 0.03)


def patient_caps(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        return r.choice([f"{s.upper()}, {f}", f"{s.upper()}, {f.upper()}", f"{s.upper()} {f}"])

    return _col(rng, rows, make, 0.02)


def signatory(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        f2 = r.choice(pools.FORENAMES)
        return r.choice(
            [
                f"{f[0]} {f2[0]} {s}",
                f"{f[0]}.{f2[0]}. {s}",
                f"{f[0]}. {s}",
                f"{s} {f[0]}{f2[0]}",
                f"{f[0]}{f2[0]} {s.upper()}",
            ]
        )

    return _col(rng, rows, make, 0.05)


def enw_llawn(rng, rows):
    def make(r):
        f, s = r.choice(pools.WELSH_NAMES)
        return f"{f} {s}"

    return _col(rng, rows, make, 0.03)


def ainm(rng, rows):
    def make(r):
        f, s = r.choice(pools.GAELIC_NAMES)
        return r.choice([f"{f} {s}", f"{f} {s}".replace("ò", "o").replace("è", "e")])

    return _col(rng, rows, make, 0.03)


def _mojibake(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", errors="replace")


def imie_nazwisko(rng, rows):
    def make(r):
        f, s = r.choice(pools.POLISH_NAMES)
        name = f"{f} {s}"
        return _mojibake(name) if r.random() < 0.33 else name

    return _col(rng, rows, make, 0.03)


def naam(rng, rows):
    def make(r):
        f, m, s = r.choice(pools.PUNJABI_NAMES)
        return " ".join(p for p in (f, m, s) if p)

    return _col(rng, rows, make, 0.03)


def family_first(rng, rows):
    def make(r):
        fam, given = r.choice(pools.EAST_ASIAN_NAMES)
        return r.choice([f"{fam} {given}", f"{fam.upper()}, {given}"])

    return _col(rng, rows, make, 0.03)


def caller(rng, rows):
    def make(r):
        return f"{r.choice(pools.PLACE_FORENAMES)} {r.choice(pools.PLACE_SURNAMES)}"

    return _col(rng, rows, make, 0.05)


# ------------------------------------------------------------------ s
def carer_name(rng, rows):
    def make(r):
        f, s = v.staff_name(r)
        return r.choice([f"{f} {s}", f"{s}, {f}", f"{f} {s[0]}"])

    return _col(rng, rows, make, 0.03)


def signed_off_by(rng, rows):
    def make(r):
        f, s = v.staff_name(r)
        t = r.choice(["Sister", "Dr", "Nurse", "Staff Nurse", "Charge Nurse", ""])
        pn = r.choice(pools.POSTNOMINALS)
        return r.choice(
            [f"{t} {f[0]}. {s} {pn}".strip(), f"{f} {s}, {pn}", f"{t} {f} {s} ({pn})".strip()]
        )

    return _col(rng, rows, make, 0.08)


def advocate(rng, rows):
    def make(r):
        f, s = v.staff_name(r)
        return r.choice([f"{f} {s}", f"{f} {s} (IMCA)", f"{f} {s} - IMHA"])

    return _col(rng, rows, make, 0.04)


def volunteer(rng, rows):
    return _col(rng, rows, lambda r: r.choice(pools.STAFF_FORENAMES), 0.04)


def registered_manager(rng, rows):
    def make(r):
        f, s = v.staff_name(r)
        t = r.choice(["Mrs", "Mr", "Ms", ""])
        return r.choice([f"{t} {f} {s} (RM)".strip(), f"{f} {s}", f"{f} {s} - Registered Manager"])

    return _col(rng, rows, make, 0.06)


def referrer(rng, rows):
    def make(r):
        s = r.choice(pools.STAFF_SURNAMES)
        return r.choice([f"Dr {s}", f"Nurse {s}", f"GP - Dr {s}", f"DR {s.upper()}", f"Dr. {s}"])

    return _col(rng, rows, make, 0.08)
