"""Category c (annotated names, many blanks) and d (misleading headers)."""

import random

from . import pools
from . import values as v


def _blanked(rng: random.Random, rows: int, rate: float, make) -> list[str | None]:
    return [None if rng.random() < rate else make(rng) for _ in range(rows)]


def _name(rng):
    f, s = v.full_name(rng)
    return f"{f} {s}"


def next_of_kin(rng, rows):
    def make(r):
        n = _name(r)
        rel = r.choice(pools.RELATIONSHIPS)
        return r.choice(
            [f"{n} ({rel})", f"{n} - {rel}", f"{n.upper()} ({rel.upper()})", f"{n} [{rel}]"]
        )

    return _blanked(rng, rows, 0.62, make)


def appointee_name(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        t = r.choice(pools.TITLES[:5])
        return r.choice(
            [
                f"{t} {f[0]} {s} - appointee since {r.randint(2009, 2024)}",
                f"{f} {s} (DWP appointee)",
                f"{t} {f} {s}, {r.choice(pools.RELATIONSHIPS)}, appointee",
                f"{s}, {f} - corporate appointee ends {r.randint(2025, 2027)}",
            ]
        )

    return _blanked(rng, rows, 0.7, make)


def deputy_name(rng, rows):
    def make(r):
        n = _name(r)
        return r.choice(
            [
                f"{n} (professional deputy) see file",
                f"{n} - lay deputy ({r.choice(pools.RELATIONSHIPS)})",
                f"{n}, panel deputy, bond in place",
                f"Joint: {n} & {_name(r)}",
            ]
        )

    return _blanked(rng, rows, 0.8, make)


def kinship_carer_forename(rng, rows):
    def make(r):
        f = r.choice(pools.FORENAMES)
        return r.choice(
            [
                f"Aunt {f}",
                f"{f} (maternal gran)",
                f"{f} (paternal grandad)",
                f"{f} - family friend",
                f"Uncle {f}",
                f"{f}",
            ]
        )

    return _blanked(rng, rows, 0.6, make)


def emergency_contact(rng, rows):
    def make(r):
        n = _name(r)
        return r.choice(
            [
                f"{n} - neighbour, has key",
                f"{n} ({r.choice(pools.RELATIONSHIPS)}) keyholder",
                f"{n}\n(do not call before 10am)",
                f"{n} - {r.choice(pools.RELATIONSHIPS)}, lives in {r.choice(pools.TOWNS)}",
            ]
        )

    return _blanked(rng, rows, 0.55, make)


def sgo_carer_surname(rng, rows):
    def make(r):
        s = r.choice(pools.SURNAMES)
        return r.choice(
            [f"{s.upper()} (paternal)", f"{s} (maternal)", f"{s} - step-family", f"{s}?"]
        )

    return _blanked(rng, rows, 0.75, make)


def respite_carer(rng, rows):
    def make(r):
        n = _name(r)
        rel = r.choice(pools.RELATIONSHIPS)
        return r.choice(
            [
                f"{n} [{rel}] NOT to be contacted after 9pm",
                f"{n} ({rel})",
                f"{n} - {rel} - main carer on holiday",
            ]
        )

    return _blanked(rng, rows, 0.65, make)


def befriender_match(rng, rows):
    def make(r):
        n = _name(r)
        return r.choice(
            [f"Matched w/ {n} (volunteer)", f"{n} - matched {r.choice(pools.MONTHS)}", f"{n}"]
        )

    return _blanked(rng, rows, 0.7, make)


def parent_guardian_2(rng, rows):
    def make(r):
        n = _name(r)
        return r.choice(
            [f"Mother: {n}", f"Father: {n}", f"Step-parent: {n}", f"{n} (PR)", f"{n} - no PR"]
        )

    return _blanked(rng, rows, 0.58, make)


def cafcass_party(rng, rows):
    def make(r):
        n = _name(r)
        return r.choice(
            [
                f"Resp. father - {n}",
                f"Applicant mother - {n}",
                f"{n} (2nd respondent, {r.choice(pools.RELATIONSHIPS)})",
                f"Intervenor: {n}",
            ]
        )

    return _blanked(rng, rows, 0.72, make)


def esol_known_as(rng, rows):
    pairs = [
        ("Sami", "Samira"),
        ("Fati", "Fatima"),
        ("Kasia", "Katarzyna"),
        ("Gosia", "Małgorzata"),
        ("Tom", "Tomasz"),
        ("Lucky", "Oluwaseun"),
        ("Ade", "Adaeze"),
        ("Mo", "Mohammed"),
        ("Nana", "Abena"),
        ("Yaz", "Yasmin"),
        ("Dani", "Daniela"),
        ("Ming", "Xiaoming"),
        ("Jo", "Joanna"),
        ("Emi", "Emeka"),
        ("Zee", "Zainab"),
        ("Rizzy", "Rizwan"),
    ]

    def make(r):
        short, legal = r.choice(pairs)
        return r.choice(
            [f"known as '{short}' ({legal})", f'"{short}"', f"{short} (legal: {legal})", short]
        )

    return _blanked(rng, rows, 0.78, make)


def cyswllt_teulu(rng, rows):
    rels = ["Nain", "Taid", "Mam", "Dad", "chwaer", "brawd", "modryb", "ewythr", "mab", "merch"]

    def make(r):
        n = _name(r)
        return r.choice(
            [
                f"{r.choice(rels)} (grandmother) - {n}",
                f"{n} ({r.choice(rels)})",
                f"{r.choice(rels)}: {n}",
            ]
        )

    return _blanked(rng, rows, 0.66, make)


def escort_name(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        rel = r.choice(pools.RELATIONSHIPS)
        return r.choice([f"{f} {s} ({rel})", f"{rel} - {f} {s}", f"{f} {s}, escort, free travel"])

    return _blanked(rng, rows, 0.85, make)


# ---- category d -----------------------------------------------------------


def notes(rng, rows):
    templates = [
        "Met at {venue} in {town} on {day}; {org} to follow up.",
        "Started {drug} in {month}, review at {town} clinic.",
        "Transport via Community Wheels to {town}, returning {day}.",
        "Referred to {org}. Waiting list about {n} weeks.",
        "Attends the Thursday club at {venue}. Likes Elvis and Cliff Richard songs.",
        "Holiday in {town2} with the Salvation Army group in {month}.",
        "Catholic - Father visits from St Joseph's on {day}s.",
        "Moved from {town} to {town2} in {month}.",
        "Supports Wrexham AFC; watches Match of the Day.",
        "Welsh first language; prefers letters in Cymraeg.",
    ]
    out = []
    for _ in range(rows):
        if rng.random() < 0.1:
            out.append(None)
            continue
        k = rng.choice([1, 2, 2, 3])
        parts = []
        for _ in range(k):
            parts.append(
                rng.choice(templates).format(
                    venue=rng.choice(pools.VENUES),
                    town=rng.choice(pools.TOWNS),
                    town2=rng.choice(pools.TOWNS),
                    day=rng.choice(pools.DAYS),
                    org=rng.choice(pools.ORGS),
                    drug=rng.choice(pools.DRUGS),
                    month=rng.choice(pools.MONTHS),
                    n=rng.randint(2, 20),
                )
            )
        out.append(" ".join(parts))
    return out


def nhs_ref(rng, rows):
    out = []
    for _ in range(rows):
        if rng.random() < 0.5:
            out.append(f"PO-{rng.randint(2021, 2025)}-{rng.randint(100000, 999999)}")
        else:
            out.append(v.mod11_invalid(rng))
    return out


def client_name(rng, rows):
    return [rng.choice(pools.PROVIDER_ORGS) for _ in range(rows)]


def dob_booking(rng, rows):
    out = []
    for _ in range(rows):
        d = v.date_between(rng, 2024, 2025)
        out.append(v.date_format(rng, d, ["%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y"]))
    return out


def soundex(name: str) -> str:
    codes = {
        c: str(d)
        for d, letters in enumerate(["AEIOUYHW", "BFPV", "CGJKQSXZ", "DT", "L", "MN", "R"])
        for c in letters
    }
    letters = [c for c in v._ascii(name).upper() if c.isalpha()]
    if not letters:
        return "Z000"
    out = letters[0]
    last = codes.get(letters[0], "")
    for c in letters[1:]:
        code = codes.get(c, "")
        if code and code != "0" and code != last:
            out += code
        if c not in "HW":
            last = code
    return (out + "000")[:4]


def surname_key(rng, rows):
    return [soundex(rng.choice(pools.SURNAMES + pools.WORD_SURNAMES)) for _ in range(rows)]


def ext(rng, rows):
    return [str(rng.randint(2000, 7999)) for _ in range(rows)]


def contact(rng, rows):
    methods = [
        "Phone",
        "Email",
        "Letter",
        "Home visit",
        "Text",
        "email",
        "PHONE",
        "Video call",
        "Face to face",
        "Via carer",
        "Ffôn",
        "E-bost",
    ]
    return [rng.choice(methods) for _ in range(rows)]


def ref(rng, rows):
    return [v.nhs_number(rng) for _ in range(rows)]


def info(rng, rows):
    return v.blank_some(rng, [v.email(rng) for _ in range(rows)], 0.2)


def details(rng, rows):
    return [v.address(rng) for _ in range(rows)]


def misc_2(rng, rows):
    return v.blank_some(rng, [v.ni_number(rng) for _ in range(rows)], 0.1)


def comments(rng, rows):
    return v.blank_some(rng, [_name(rng) for _ in range(rows)], 0.3)


def other(rng, rows):
    return v.blank_some(rng, [v.phone(rng) for _ in range(rows)], 0.2)


def date_received(rng, rows):
    return [v.dob(rng).strftime("%d/%m/%Y") for _ in range(rows)]
