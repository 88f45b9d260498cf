"""Category d: misleading headers."""

import hashlib

from . import pools
from . import values as v


def _col(rng, rows, make, p_blank=0.05):
    return [None if rng.random() < p_blank else make(rng) for _ in range(rows)]


def notes(rng, rows):
    def make(r):
        bits = [
            f"Transfer from {r.choice(pools.HOSPITALS)} to {r.choice(pools.WARDS_EPONYM)}",
            f"Bed blocked awaiting package in {r.choice(pools.TOWNS)}",
            f"Escalated to {r.choice(pools.HOSPITALS)} site manager",
            f"Started {r.choice(pools.DRUGS)}, review {r.choice(pools.WEEKDAYS)}",
            f"Side room needed (C. diff) - {r.choice(pools.WARDS_EPONYM)} full",
            f"Delayed discharge since {r.choice(pools.MONTHS)}, {r.choice(pools.ORGS)} involved",
            f"OPEL 3 at {r.choice(pools.HOSPITALS)}; divert to {r.choice(pools.TOWNS)}",
            f"Hospital at Home team ({r.choice(pools.TOWNS)}) accepted",
            f"Virtual ward step-down, {r.choice(pools.EPONYMOUS)} pathway",
        ]
        return ". ".join(r.sample(bits, r.randint(1, 3)))

    return _col(rng, rows, make, 0.2)


def nhs_ref(rng, rows):
    def make(r):
        y = r.randint(2019, 2025)
        return r.choice(
            [
                f"PO-{y}-{r.randint(0, 999999):06d}",
                f"NHSSC/{r.randint(100000, 999999)}",
                f"{r.choice(['RX1', 'RTD', 'RR8'])}PO{r.randint(10000, 99999)}",
                f"ORD{r.randint(1000000, 9999999)}",
            ]
        )

    return _col(rng, rows, make, 0.03)


def patient_name(rng, rows):
    def make(r):
        return r.choice(
            [
                "Cardiac Rehab Group A",
                "Phase III Tues PM",
                "Heart Failure Class",
                "Chair-based exercise",
                "Education session 4",
                "Ward 7B walk-in",
                "Virtual group (Teams)",
                "Leisure centre circuit",
                "Yoga for Heart",
                "Phase IV - Victoria Baths",
                "Waiting list",
                "Nurse-led review",
                "Group B - Jubilee Hall",
                "1:1 home programme",
            ]
        )

    return _col(rng, rows, make, 0.04)


def ref(rng, rows):
    return _col(rng, rows, lambda r: v.nhs_number(r), 0.03)


def details(rng, rows):
    return _col(rng, rows, lambda r: v.email(r), 0.1)


def value(rng, rows):
    return _col(rng, rows, lambda r: v.messy(r, v.full_name(r), 0.1), 0.05)


def home_postcode(rng, rows):
    def make(r):
        return r.choice(
            [
                "ZZ99 3VZ",
                "ZZ99 3WZ",
                "ZZ99 3CZ",
                "ZZ99 3GZ",
                "ZZ99 3HZ",
                "ZZ99 3EZ",
                "ZZ99 2WZ",
                "NFA",
                "N.F.A.",
                "No fixed abode",
                "ZZ993VZ",
                "UNKNOWN",
                "Overseas",
                "ZZ99 9ZZ",
                "ZZ99 1WZ",
            ]
        )

    return _col(rng, rows, make, 0.1)


def email_template(rng, rows):
    def make(r):
        return r.choice(
            [
                "Dear {forename}, your appointment at {clinic} is on {date} at {time}.",
                "Hi {first_name}, reminder: {clinic_name} on {appt_date}. Reply STOP to opt out.",
                "Dear {title} {surname}, please bring your inhalers to {venue}.",
                f"Dear {{forename}}, the {r.choice(pools.HOSPITALS)} dietetics team will call.",
                "{salutation} {last_name}, your results are ready. Log in to the portal.",
                f"Your session at {r.choice(pools.TOWNS)} Leisure Centre has moved to {{day}}.",
                "Dear Parent/Carer of {child_forename}, the school nurse will visit on {date}.",
                "Annwyl {enw}, mae eich apwyntiad ar {dyddiad}.",
            ]
        )

    return _col(rng, rows, make, 0.05)


def contact(rng, rows):
    return _col(rng, rows, lambda r: v.phone_pretty(v.phone_digits(r)), 0.08)


def id_(rng, rows):
    return _col(rng, rows, lambda r: v.ni_number(r), 0.04)


def soundex(name: str) -> str:
    codes = {
        **dict.fromkeys("BFPV", "1"),
        **dict.fromkeys("CGJKQSXZ", "2"),
        **dict.fromkeys("DT", "3"),
        "L": "4",
        **dict.fromkeys("MN", "5"),
        "R": "6",
    }
    letters = [c for c in name.upper() if c.isascii() and c.isalpha()]
    if not letters:
        return "Z000"
    first = letters[0]
    out, prev = [], codes.get(first, "")
    for c in letters[1:]:
        code = codes.get(c, "")
        if code and code != prev:
            out.append(code)
        if c not in "HW":
            prev = code
    return (first + "".join(out) + "000")[:4]


def surname_soundex(rng, rows):
    return _col(rng, rows, lambda r: soundex(v.surname(r)), 0.02)


def name_hash(rng, rows):
    def make(r):
        h = hashlib.sha256(f"salt41|{v.full_name(r)}|{r.random()}".encode()).hexdigest()
        return h[: r.choice([16, 32, 64])].upper() if r.random() < 0.3 else h[:40]

    return _col(rng, rows, make, 0.02)


def comments(rng, rows):
    return _col(rng, rows, lambda r: v.address(r, r.choice([", ", " ", "\n"])), 0.07)


def description(rng, rows):
    def make(r):
        title, author = r.choice(pools.AUTHORS_BOOKS)
        return r.choice(
            [
                f"Large print: {title} ({author})",
                f"Audiobook - {title} by {author}, 12 CDs",
                f"Reader enjoyed {title}; would like more {author.split()[-1]}",
                f"{title} returned damaged. Next: something like {r.choice(pools.CHARACTERS)}",
                f"Request: any {author} in large print, not {title}",
                f"Book club pick for {r.choice(pools.MONTHS)}: {title}",
            ]
        )

    return _col(rng, rows, make, 0.15)
