"""Category e: headerless or coded headers."""

import datetime as _dt

from . import pools as pl
from . import values as vl


def _fill(rng, rows, make, blank=0.05):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def field_23(rng, rows):
    return _fill(rng, rows, vl.chi_number)


def col_17(rng, rows):
    return _fill(
        rng, rows, lambda r: vl.forename(r) if r.random() < 0.85 else vl.forename(r).upper()
    )


def unnamed_4(rng, rows):
    return _fill(
        rng, rows, lambda r: vl.phone_display(r) if r.random() < 0.6 else vl.phone_packed(r), 0.12
    )


def papmi_no(rng, rows):
    return _fill(rng, rows, vl.trak_hospital_number)


def unnamed_9(rng, rows):
    return _fill(rng, rows, lambda r: vl.surname(r).upper())


def x3(rng, rows):
    def make(r):
        p = vl.postcode(r)
        return p if r.random() < 0.7 else p.replace(" ", "")

    return _fill(rng, rows, make)


def attr_0017(rng, rows):
    return _fill(rng, rows, vl.driving_licence, 0.25)


def paper_stname(rng, rows):
    def make(r):
        a = vl.address(r, r.choice(["cy", "scot", "gd", "je"]))
        return a.upper() if r.random() < 0.2 else a

    return _fill(rng, rows, make)


def column1(rng, rows):
    return _fill(rng, rows, vl.vehicle_reg, 0.2)


def field_24(rng, rows):
    def make(r):
        spec = r.choice(["ORTH", "CARD", "DIAB", "OPHT", "RESP", "GAST", "DERM", "URO", "ENT"])
        return (
            f"CL-{spec}-{r.randint(1, 12):02d}"
            if r.random() < 0.6
            else f"{spec}{r.choice('MTWRF')}{r.choice(['AM', 'PM'])}"
        )

    return _fill(rng, rows, make)


def col_18(rng, rows):
    def make(r):
        site = r.choice(["RAIG", "WIH", "BALF", "GBH", "QEUH", "NINE", "ARI", "BELF"])
        unit = r.choice(["W", "ICU", "ED", "OPD", "HDU"])
        return f"{site}-{unit}{r.randint(1, 12)}{r.choice(['', 'A', 'B'])}"

    return _fill(rng, rows, make)


def unnamed_5(rng, rows):
    def make(r):
        t = _dt.datetime(2024, 1, 1) + _dt.timedelta(seconds=r.randint(0, 60 * 60 * 24 * 700))
        return t.strftime("%Y-%m-%d %H:%M:%S") if r.random() < 0.7 else t.strftime("%d/%m/%Y %H:%M")

    return _fill(rng, rows, make)


def x4(rng, rows):
    def make(r):
        while True:
            p = r.choice(vl.UPPER) + r.choice(vl.UPPER)
            suffix = r.choice("ABCDEFGHJKXYZ")
            if not vl.ni_valid_prefix(p) or suffix not in "ABCD":
                return p + "".join(r.choice(vl.DIGITS) for _ in range(6)) + suffix

    return _fill(rng, rows, make)


def c_fld_112(rng, rows):
    extra = [
        "Siabost",
        "Tolstadh",
        "Llanrug",
        "Bethesda",
        "Cnoc an t-Solais",
        "Ballaugh",
        "Gorey",
        "L'Étacq",
    ]
    return _fill(
        rng, rows, lambda r: r.choice(pl.GAELIC_PLACES + pl.WELSH_PLACES + pl.MANX_PLACES + extra)
    )
