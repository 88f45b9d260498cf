"""Category d (misleading headers) and e (headerless or coded headers)."""

import hashlib

from . import pools
from . import values as v


def _col(rng, rows, fn, p_blank=0.04):
    return [None if rng.random() < p_blank else fn() for _ in range(rows)]


# ----------------------------------------------------------------- d
def notes(rng, rows):
    """Free text full of proper nouns (places, hospitals, charities, drugs) but no person."""
    bits = [
        "Referred on to {hosp} lymphoedema clinic.",
        "Transport booked via {town} Community Transport.",
        "{charity} to visit re benefits.",
        "Swapped from {drug} to {drug2} after review.",
        "Garden Bay at {care} is full until {month}.",
        "Attends Mass at St Mary's, {town}.",
        "Supports {team} FC - season ticket.",
        "Moved from {town} to {town2} in {month}.",
        "Compression garments from Juzo, class 2.",
        "Likes Radio {town} and Coronation Street.",
        "Prefers Welsh; Cymraeg yn iawn.",
        "Seen at {hosp}, next review in {month}.",
        "Queen's Nursing Institute leaflet given.",
        "Uses Boots on {street}.",
    ]
    months = ["January", "March", "June", "September", "November", "Easter", "Christmas"]

    def one():
        f = {
            "hosp": rng.choice(pools.HOSPITALS),
            "town": rng.choice(pools.TOWNS),
            "town2": rng.choice(pools.TOWNS),
            "charity": rng.choice(pools.CHARITIES),
            "drug": rng.choice(pools.DRUGS),
            "drug2": rng.choice(pools.OTHER_DRUGS),
            "care": rng.choice(pools.CARE_HOMES),
            "month": rng.choice(months),
            "team": rng.choice(["Wrexham", "Swansea City", "Aberdeen", "Linfield", "Leeds United"]),
            "street": v.street(rng),
        }
        return rng.choice([" ", "\n", "; "]).join(
            s.format(**f) for s in rng.sample(bits, rng.randint(1, 3))
        )

    return _col(rng, rows, one, 0.15)


def nhs_ref(rng, rows):
    def one():
        n = v.mod11_fail(rng, "4679")
        return rng.choice([n, f"PO{n}", n, f"{n[:3]} {n[3:6]} {n[6:]}"])

    return _col(rng, rows, one)


def ref(rng, rows):
    return _col(rng, rows, lambda: v.nhs_number(rng))


def patient_name(rng, rows):
    def one():
        return rng.choice(
            [
                f"Ward {rng.randint(1, 40)}{rng.choice('ABC')} - Lymphoedema Clinic",
                f"{rng.choice(pools.WARD_WORDS)} Ward",
                f"{rng.choice(pools.HOSPITALS)} Orthotics",
                f"Prosthetics Clinic {rng.choice(['AM', 'PM'])}",
                f"Home Oxygen Assessment - {rng.choice(pools.TOWNS)}",
                f"{rng.choice(['Castle', 'Riverside'])} Surgery Satellite",
                "Continence Drop-in",
                f"{rng.choice(pools.TOWNS)} Memory Cafe",
            ]
        )

    return _col(rng, rows, one)


def dob(rng, rows):
    return _col(
        rng,
        rows,
        lambda: v.fmt_date(rng, v.rand_date(rng, 2023, 2025), rng.choice(["dmy", "iso", "dmy"])),
    )


def info(rng, rows):
    return _col(rng, rows, lambda: v.email(rng), 0.06)


def postcode(rng, rows):
    def one():
        r = rng.random()
        if r < 0.45:
            return rng.choice(["E01", "W01", "S01"]) + str(rng.randint(0, 34999)).zfill(6)
        if r < 0.75:
            return (
                rng.choice(pools.TOWNS)
                + " "
                + rng.choice(["North", "South", "Central", "East", "West"])
            )
        return rng.choice(["E05", "W05", "S13"]) + str(rng.randint(0, 15000)).zfill(6)

    return _col(rng, rows, one)


def comments(rng, rows):
    return _col(rng, rows, lambda: v.phone(rng), 0.1)


def client_name(rng, rows):
    def one():
        s = v.surname(rng)
        return rng.choice(
            [
                f"{s} & Sons Ltd",
                f"{s} Bros Builders",
                f"The {rng.choice(['Red Lion', 'Kings Arms', 'Black Bull', 'Ship Inn', 'Crown'])}",
                f"{s}'s Takeaway",
                f"{rng.choice(pools.TOWNS)} Halal Meats",
                f"{s} Property Lettings",
                f"{rng.choice(pools.CARE_HOMES)}",
                f"{s} Farms (Partnership)",
                f"Golden Dragon ({rng.choice(pools.TOWNS)})",
            ]
        )

    return _col(rng, rows, one)


def description(rng, rows):
    def one():
        n = v.full_name(rng)
        return rng.choice([n, n, n.upper(), f"{n.split()[1]}, {n.split()[0]}"])

    return _col(rng, rows, one)


def email(rng, rows):
    def one():
        r = rng.random()
        if r < 0.35:
            return rng.choice(["Y", "N", "y", "n", "Yes", "No"])
        if r < 0.7:
            d = v.rand_date(rng, 2024, 2025)
            return rng.choice(
                [f"sent {d.day:02d}/{d.month:02d}", f"Sent {d.isoformat()}", "bounced", "not sent"]
            )
        return rng.choice(["TRUE", "FALSE", "opted out", "pending"])

    return _col(rng, rows, one)


def key(rng, rows):
    def one():
        n = v.ni_number(rng)
        return rng.choice([n, n, f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}"])

    return _col(rng, rows, one)


def address(rng, rows):
    def one():
        word = rng.choice(
            ["cheap-cigs", "roofing-pros", "vape-deals", "driveways4u", "mega-tickets", "solarsave"]
        )
        return rng.choice(
            [
                f"www.{word}.example",
                f"https://{word}.example/shop?id={rng.randint(100, 9999)}",
                f"{word}.example",
                f"facebook marketplace / {word}",
                f"http://{word}{rng.randint(1, 99)}.example",
            ]
        )

    return _col(rng, rows, one)


def id_(rng, rows):
    return _col(rng, rows, lambda: v.passport(rng))


# ----------------------------------------------------------------- e
def field_23(rng, rows):
    return _col(rng, rows, lambda: v.messy(rng, v.full_name(rng)))


def col_17(rng, rows):
    return _col(
        rng,
        rows,
        lambda: v.nhs_number(rng).rjust(14) if rng.random() < 0.6 else v.nhs_number(rng).ljust(12),
    )


def unnamed_4(rng, rows):
    return _col(rng, rows, lambda: v.postcode(rng))


def f0012(rng, rows):
    return _col(rng, rows, lambda: v.dob(rng).strftime("%Y%m%d"))


def pid_5_1(rng, rows):
    return _col(rng, rows, lambda: v.surname(rng).upper() if rng.random() < 0.7 else v.surname(rng))


def attr_0391(rng, rows):
    return _col(rng, rows, lambda: v.phone(rng), 0.1)


def unnamed_11(rng, rows):
    return _col(rng, rows, lambda: v.email(rng), 0.15)


def col_3(rng, rows):
    return _col(
        rng,
        rows,
        lambda: rng.choice(["ATT", "DNA", "CNP", "CNH", "WLR", "RTT", "UCB", "ATT", "ATT"]),
    )


def fld_q7b(rng, rows):
    return _col(
        rng,
        rows,
        lambda: str(rng.randint(0, 10)) if rng.random() < 0.9 else rng.choice(["N/A", "99", "-1"]),
    )


def x_1(rng, rows):
    return _col(rng, rows, lambda: v.vehicle_reg(rng))


def c_042(rng, rows):
    return _col(rng, rows, lambda: v.driving_licence(rng))


def unnamed_0(rng, rows):
    return [str(i) for i in range(rows)]


def udf_07(rng, rows):
    return _col(rng, rows, lambda: v.uprn(rng))


def column1(rng, rows):
    def one():
        h = hashlib.sha256(str(rng.random()).encode()).hexdigest()
        return rng.choice([h[:32], h, h[:16].upper()])

    return _col(rng, rows, one, 0.0)
