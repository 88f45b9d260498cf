"""Category d: misleading headers."""

import datetime as _dt

from . import pools
from . import values as v


def _col(rng, rows, p_blank, make):
    return [None if rng.random() < p_blank else make() for _ in range(rows)]


def channel_panel_notes(rng, rows):
    verbs = [
        "Discussed at panel in {p}; {o} to lead.",
        "Information shared with {o} and {o2}.",
        "Attends {s}; concerns from {o}.",
        "Family originally from {p}, moved to {p2} in 2019.",
        "Online activity linked to groups active in {p}.",
        "{o} confirmed no current police interest.",
        "Support from {o} continues, review at next {o2} meeting.",
        "Youth worker at {o} reports good engagement.",
        "Visited {s} with {o}.",
    ]

    def make():
        parts = []
        for _ in range(rng.randint(1, 3)):
            parts.append(
                rng.choice(verbs).format(
                    p=rng.choice(pools.PLACES),
                    p2=rng.choice(pools.PLACES),
                    o=rng.choice(pools.ORGS),
                    o2=rng.choice(pools.ORGS),
                    s=rng.choice(pools.SCHOOLS),
                )
            )
        return " ".join(parts)

    return _col(rng, rows, 0.1, make)


def nhs_ref(rng, rows):
    def make():
        return rng.choice(
            [
                f"NSC-{rng.randint(2021, 2025)}-{rng.randint(0, 99999):05d}",
                f"PO{rng.randint(10000000, 99999999)}",
                f"FSW{rng.randint(100, 999)}{rng.choice('ABCDEFGH')}",
                f"EROS/{rng.randint(1000, 9999)}/{rng.choice(['A', 'B', 'C'])}",
            ]
        )

    return _col(rng, rows, 0.05, make)


def patient_name(rng, rows):
    return _col(rng, rows, 0.05, lambda: rng.choice(pools.CARE_HOMES + pools.WARDS))


def dob(rng, rows):
    def make():
        d = v.date_between(rng, 2023, 2025)
        if d.weekday() >= 5:
            d += _dt.timedelta(days=2)
        return v.date_formats(rng, d, rng.choice([0, 0, 1, 3]))

    return _col(rng, rows, 0.04, make)


def postcode_district(rng, rows):
    return _col(rng, rows, 0.03, lambda: v.postcode(rng).split(" ")[0])


def surname_key(rng, rows):
    pool = pools.SURNAMES + pools.POLISH_SURNAMES + pools.PUNJABI_SURNAMES
    return _col(rng, rows, 0.02, lambda: v.soundex(rng.choice(pool)))


def telecare_phone_model(rng, rows):
    models = [
        "Tunstall Lifeline Vi+",
        "Lifeline Digital",
        "Chiptech Go",
        "Doro 8100",
        "Careline Smart Hub",
        "Legrand Neat NOVO 4G",
        "Appello Smart Living",
        "Doro 1380",
        "Nokia 105",
        "Alcatel 2053X",
        "Samsung Galaxy A14",
        "Just5 Spacephone",
    ]
    return _col(rng, rows, 0.08, lambda: rng.choice(models))


def client_email(rng, rows):
    flags = ["Y", "N", "N", "Y", "bounced", "declined", "Y - verified", "n/k", "opted out"]
    return _col(rng, rows, 0.15, lambda: rng.choice(flags))


def reference(rng, rows):
    return _col(rng, rows, 0.05, lambda: v.nhs_number(rng))


def value(rng, rows):
    return _col(rng, rows, 0.1, lambda: v.email(rng))


def info(rng, rows):
    return _col(rng, rows, 0.05, lambda: v.full_name(rng))


def extra_1(rng, rows):
    return _col(rng, rows, 0.1, lambda: v.address(rng, one_line=rng.random() < 0.8))


def detail(rng, rows):
    return _col(rng, rows, 0.2, lambda: v.passport(rng))


def memo(rng, rows):
    return _col(rng, rows, 0.1, lambda: v.phone(rng))
