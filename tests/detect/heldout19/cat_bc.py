"""Category b (spreadsheet-damaged numbers, numeric look-alikes) and category c
(annotated name columns with many blanks)."""

from . import pools
from . import values as v

# --- b ------------------------------------------------------------------------------


def nhs_trailing_zero(rng, rows):
    out = []
    for _ in range(rows):
        n = v.nhs_number(rng)
        r = rng.random()
        out.append(n + ".0" if r < 0.8 else (n if r < 0.95 else None))
    return out


def nhs_scientific(rng, rows):
    out = []
    for _ in range(rows):
        n = v.nhs_number(rng)
        r = rng.random()
        if r < 0.45:
            out.append(v.sci(n))
        elif r < 0.6:
            out.append(v.sci(n).replace("E+", "e+"))
        elif r < 0.85:
            out.append(v.sci(n, precision=5))
        elif r < 0.97:
            out.append(n)
        else:
            out.append(None)
    return out


def chi_lost_zero(rng, rows):
    out = []
    for _ in range(rows):
        c = v.chi_number(rng)
        if c.startswith("0"):
            c = c[1:]
        out.append(c + ".0" if rng.random() < 0.25 else c)
    return out


def mobile_lost_zero(rng, rows):
    out = []
    for _ in range(rows):
        p = v.phone_digits(rng, 0.8)[1:]
        r = rng.random()
        if r < 0.5:
            out.append(p)
        elif r < 0.75:
            out.append(p + ".0")
        elif r < 0.85:
            out.append("44" + p)
        elif r < 0.93:
            out.append(v.sci(p))
        else:
            out.append(None)
    return out


def nhs_thousands(rng, rows):
    out = []
    for _ in range(rows):
        n = v.nhs_number(rng)
        r = rng.random()
        if r < 0.55:
            out.append(v.thousands(n))
        elif r < 0.8:
            out.append(n + ".00")
        elif r < 0.9:
            out.append(f'"{v.thousands(n)}.00"')
        else:
            out.append(f" {v.thousands(n)} ")
    return out


def uprn_float(rng, rows):
    out = []
    for _ in range(rows):
        u = v.uprn(rng)
        r = rng.random()
        if r < 0.45:
            out.append(u + ".0")
        elif r < 0.75:
            out.append(v.sci(u, precision=rng.choice([5, 6])))
        elif r < 0.95:
            out.append(u)
        else:
            out.append(None)
    return out


def supplier_account(rng, rows):
    out = []
    for _ in range(rows):
        n = v.mod11_failing(rng, "1234")
        out.append(n + ".0" if rng.random() < 0.3 else n)
    return out


def mpan_core(rng, rows):
    out = []
    for _ in range(rows):
        n = str(rng.randint(10, 23)) + "".join(str(rng.randrange(10)) for _ in range(11))
        r = rng.random()
        out.append(v.sci(n, precision=5) if r < 0.3 else (n + ".0" if r < 0.5 else n))
    return out


def txn_ref(rng, rows):
    out = []
    for _ in range(rows):
        if rng.random() < 0.6:
            n = v.mod11_failing(rng, "56789")
        else:
            n = str(rng.randint(10**10, 10**11 - 1))
        out.append(n + ".0")
    return out


def dob_excel_serial(rng, rows):
    out = []
    for _ in range(rows):
        d = v.dob(rng, 1930, 2015)
        r = rng.random()
        if r < 0.8:
            out.append(str(v.excel_serial(d)))
        elif r < 0.9:
            out.append(f"{v.excel_serial(d)}.0")
        elif r < 0.96:
            out.append(d.strftime("%d/%m/%Y"))
        else:
            out.append(None)
    return out


def _isbn13(rng):
    twelve = "978" + "".join(str(rng.randrange(10)) for _ in range(9))
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(twelve))
    return twelve + str((10 - total % 10) % 10)


def isbn_float(rng, rows):
    out = []
    for _ in range(rows):
        i = _isbn13(rng)
        r = rng.random()
        out.append(v.sci(i, precision=5) if r < 0.35 else (i + ".0" if r < 0.65 else i))
    return out


def hospno_lost_zero(rng, rows):
    out = []
    for _ in range(rows):
        n = f"{rng.randint(1, 9999999):08d}"
        stripped = n.lstrip("0")
        r = rng.random()
        if r < 0.6:
            out.append(stripped)
        elif r < 0.85:
            out.append(stripped + ".0")
        else:
            out.append(n)
    return out


def policy_float(rng, rows):
    return [
        f"{rng.randint(10**8, 10**9 - 1)}{rng.randint(0, 99):02d}.0"
        if rng.random() < 0.7
        else v.sci(str(rng.randint(10**10, 10**11 - 1)), precision=5)
        for _ in range(rows)
    ]


def meter_reading(rng, rows):
    out = []
    for _ in range(rows):
        reading = rng.randint(100, 9999999)
        r = rng.random()
        if r < 0.5:
            out.append(f"{reading}.0")
        elif r < 0.8:
            out.append(f"{reading:07d}")
        else:
            out.append(f"{reading / 10:.1f}")
    return out


# --- c ------------------------------------------------------------------------------

REL_EN = [
    "daughter",
    "son",
    "wife",
    "husband",
    "partner",
    "sister",
    "brother",
    "niece",
    "nephew",
    "neighbour",
    "friend",
    "son-in-law",
    "daughter in law",
    "grandson",
    "granddaughter",
    "cousin",
    "carer",
    "lodger",
]
REL_CY = ["merch", "mab", "gŵr", "gwraig", "chwaer", "brawd", "ffrind", "cymydog", "nai"]
REL_PL = ["syn", "córka", "żona", "mąż", "siostra", "brat", "sąsiad", "wnuczka", "kuzyn"]


def _annotated(rng, rows, blank, make):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def _name(rng, title_p=0.2):
    f, s = v.pick(rng, pools.FORENAMES), v.pick(rng, pools.SURNAMES)
    r = rng.random()
    if r < title_p:
        return f"{v.pick(rng, pools.TITLES)} {f[0]} {s}"
    if r < title_p + 0.1:
        return f"{s.upper()}, {f}"
    return f"{f} {s}"


def next_of_kin(rng, rows):
    def make(r):
        rel = v.pick(r, REL_EN)
        return v.pick(r, [f"{_name(r)} ({rel})", f"{_name(r)} - {rel}", f"{rel}: {_name(r)}"])

    return _annotated(rng, rows, 0.62, make)


def enw_cyswllt(rng, rows):
    def make(r):
        rel = v.pick(r, REL_CY)
        return v.pick(r, [f"{_name(r)} ({rel})", f"{_name(r)} - {rel}", f"{_name(r)} [{rel}]"])

    return _annotated(rng, rows, 0.7, make)


def alt_contact_forename(rng, rows):
    notes = [
        "neighbour, has key",
        "next door",
        "works nights",
        "daughter - call first",
        "lives 2 doors down",
        "friend from chapel",
        "(son)",
        "only if urgent",
    ]

    def make(r):
        return f"{v.pick(r, pools.FORENAMES)} {v.pick(r, ['-', '', '/', ','])} {v.pick(r, notes)}"

    return _annotated(rng, rows, 0.75, make)


def poa_attorney(rng, rows):
    notes = [
        "LPA registered",
        "LPA seen",
        "EPA - pre 2007",
        "not yet registered",
        "joint & several",
        "OPG ref awaited",
        "deputy (COP order)",
    ]

    def make(r):
        return f"{_name(r, 0.45)} ({v.pick(r, notes)} {r.randint(2009, 2025)})"

    return _annotated(rng, rows, 0.78, make)


def suspected_perpetrator(rng, rows):
    def make(r):
        f, s = v.pick(r, pools.FORENAMES), v.pick(r, pools.SURNAMES)
        return v.pick(
            r,
            [
                f"nephew? {f} {s}",
                f"{f} {s} (grandson)",
                f"possibly {f} {s} - unconfirmed",
                f"'{f}' {s}?? lodger",
                f"{f.upper()} {s.upper()}",
                f"{f} {s} & partner",
            ],
        )

    return _annotated(rng, rows, 0.82, make)


def emergency_contact(rng, rows):
    def make(r):
        rel = v.pick(r, ["MUM", "Dad", "Nan", "Aunt", "Grandad", "mum", "Step-dad"])
        return v.pick(
            r,
            [
                f"{rel} - {_name(r, 0)} {v.phone_display(r)}",
                f"{_name(r, 0)} ({rel}) {v.phone_display(r)}",
                f"{rel}: {_name(r, 0)}",
            ],
        )

    return _annotated(rng, rows, 0.55, make)


def previous_surname(rng, rows):
    def make(r):
        s = v.pick(r, pools.SURNAMES)
        return v.pick(r, [f"(née {s})", f"formerly {s}", f"{s} (maiden)", s, f"nee {s.upper()}"])

    return _annotated(rng, rows, 0.8, make)


def carer_first_name(rng, rows):
    roles = ["husband", "wife", "paid carer", "daughter", "lives with", "agency", "son"]

    def make(r):
        return v.pick(
            r,
            [
                f"{v.pick(r, pools.FORENAMES)} ({v.pick(r, roles)})",
                f"{v.pick(r, pools.FORENAMES)} - {v.pick(r, roles)}",
                f"{v.pick(r, pools.FORENAMES)}",
            ],
        )

    return _annotated(rng, rows, 0.66, make)


def osoba_kontaktowa(rng, rows):
    def make(r):
        if r.random() < 0.5:
            female = r.random() < 0.5
            f = v.pick(r, pools.POLISH_F if female else pools.POLISH_M)
            if r.random() < 0.6:
                s = v.pick(r, pools.POLISH_SUR_STEM) + ("a" if female else "i")
            else:
                s = v.pick(r, pools.POLISH_SUR_PLAIN)
            name = f"{f} {s}"
        else:
            name = _name(r)
        return f"{name} ({v.pick(r, REL_PL)})"

    return _annotated(rng, rows, 0.72, make)


def joint_plot_holder(rng, rows):
    notes = [
        "shares plot 14b",
        "co-worker",
        "added 2023",
        "helps with watering",
        "joint tenancy",
        "to take over if tenant gives up",
    ]

    def make(r):
        return f"{_name(r, 0.4)} ({v.pick(r, notes)})"

    return _annotated(rng, rows, 0.8, make)


def parent_guardian(rng, rows):
    def make(r):
        role = v.pick(r, ["Mum", "Dad", "Foster carer", "Guardian", "Grandmother", "SGO carer"])
        return v.pick(r, [f"{role}: {_name(r, 0.3)}", f"{_name(r, 0.3)} ({role.lower()})"])

    return _annotated(rng, rows, 0.52, make)


def family_referrer(rng, rows):
    def make(r):
        rel = v.pick(r, REL_EN)
        return v.pick(r, [f"{_name(r)}, {rel}", f"{rel} {_name(r)} rang us", f"{_name(r)}"])

    return _annotated(rng, rows, 0.85, make)


def guest_names(rng, rows):
    def make(r):
        s = v.pick(r, pools.SURNAMES)
        first = f"{v.pick(r, pools.FORENAMES)} {s}"
        second = f"{v.pick(r, pools.FORENAMES)} {s}"
        return v.pick(
            r,
            [
                f"{first}; {second} ({v.pick(r, REL_EN)}) +{r.randint(1, 3)} children",
                f"{first} (witness)",
                f"{first}, {second}",
            ],
        )

    return _annotated(rng, rows, 0.6, make)


def relationship_only(rng, rows):
    words = [*REL_EN, "Self", "Social worker", "Advocate", "Solicitor", "n/k", "Other"]

    def make(r):
        return v.messy_case(r, v.pick(r, words))

    return _annotated(rng, rows, 0.6, make)
