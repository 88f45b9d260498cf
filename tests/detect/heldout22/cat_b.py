"""Category b: numbers damaged by spreadsheets, and numeric look-alikes."""

import datetime

from . import values
from .text import column


def _sci(n: int, sig: int) -> str:
    """Excel-style scientific notation with `sig` digits after the point."""
    return f"{n:.{sig}E}"


def nhs_float(rng, rows):
    def make():
        n = int(values.nhs_number(rng))
        r = rng.random()
        if r < 0.55:
            return f"{n}.0"
        if r < 0.8:
            return _sci(n, 9)
        return str(n)

    return column(rng, rows, 0.03, make)


def nhs_separators(rng, rows):
    def make():
        n = int(values.nhs_number(rng))
        r = rng.random()
        if r < 0.7:
            return f"{n:,}"
        if r < 0.85:
            return f"{n:,}.00"
        return f"{n:,}".replace(",", " ")

    return column(rng, rows, 0.05, make)


def chi_lost_zero(rng, rows):
    def make():
        c = values.chi_number(rng)
        v = str(int(c))
        return v + ".0" if rng.random() < 0.3 else v

    return column(rng, rows, 0.04, make)


def uprn_float(rng, rows):
    def make():
        u = int(values.uprn(rng))
        r = rng.random()
        if r < 0.45:
            return f"{u}.0"
        if r < 0.75 and u >= 10**11:
            return _sci(u, 5)
        return str(u)

    return column(rng, rows, 0.12, make)


def phone_numeric(rng, rows):
    def make():
        d = values.phone_digits(rng)
        r = rng.random()
        if r < 0.5:
            return d[1:]
        if r < 0.7:
            return d[1:] + ".0"
        if r < 0.85:
            return "44" + d[1:]
        return values.phone_national(d, rng)[1:]

    return column(rng, rows, 0.15, make)


def phone_intl_sci(rng, rows):
    def make():
        n = int("44" + values.phone_digits(rng)[1:])
        r = rng.random()
        if r < 0.35:
            return str(n)
        if r < 0.6:
            return _sci(n, 11)
        if r < 0.85:
            return _sci(n, 5)
        return f"+{n}"

    return column(rng, rows, 0.2, make)


def hospno_numeric(rng, rows):
    def make():
        n = rng.randint(10 ** rng.randint(3, 6), 10**7 - 1)
        return f"{n}.0" if rng.random() < 0.4 else str(n)

    return column(rng, rows, 0.03, make)


def passport_numeric(rng, rows):
    def make():
        n = rng.randint(1000000, 999999999) if rng.random() < 0.25 else int(values.passport(rng))
        return f"{n}.0" if rng.random() < 0.5 else str(n)

    return column(rng, rows, 0.35, make)


def dob_serial(rng, rows):
    def make():
        s = values.excel_serial(values.dob(rng))
        return f"{s}.0" if rng.random() < 0.2 else str(s)

    return column(rng, rows, 0.02, make)


def lab_accession(rng, rows):
    def make():
        s = values.ten_digit_failing(rng, "12")
        return s + ".0" if rng.random() < 0.7 else s

    return column(rng, rows, 0.02, make)


def _ean13(rng) -> str:
    body = "50" + "".join(rng.choice("0123456789") for _ in range(10))
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def kit_barcode(rng, rows):
    def make():
        e = int(_ean13(rng))
        return _sci(e, 5) if rng.random() < 0.7 else str(e)

    return column(rng, rows, 0.02, make)


def epoch_seconds(rng, rows):
    lo = int(datetime.datetime(2019, 1, 1, tzinfo=datetime.UTC).timestamp())
    hi = int(datetime.datetime(2025, 6, 30, tzinfo=datetime.UTC).timestamp())

    def make():
        while True:
            s = str(rng.randint(lo, hi))
            if not values.nhs_valid(s):
                break
        return s + ".0" if rng.random() < 0.5 else s

    return column(rng, rows, 0.0, make)


def visit_serial(rng, rows):
    def make():
        s = values.excel_serial(values.random_date(rng, 2020, 2025))
        return f"{s}.0" if rng.random() < 0.15 else str(s)

    return column(rng, rows, 0.1, make)


def cost_gbp(rng, rows):
    def make():
        v = rng.choice([rng.uniform(5, 900), rng.uniform(1000, 250000)])
        r = rng.random()
        if r < 0.5:
            return f"{v:,.2f}"
        if r < 0.7:
            return f"£{v:,.2f}"
        if r < 0.85:
            return f"{round(v)}"
        return f"({v:,.2f})"

    return column(rng, rows, 0.05, make)
