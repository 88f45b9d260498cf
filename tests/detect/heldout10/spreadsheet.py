"""Category b: numbers damaged by spreadsheets, and numeric look-alikes."""

from __future__ import annotations

import random

from tests.detect.heldout10 import values as v
from tests.detect.heldout10.builders import Cell, fill

# ---------------------------------------------------------------- b) spreadsheet damage


def _sci(number: str, digits: int | None = None) -> str:
    """``9434765919`` -> ``9.434765919E+09`` (Excel drops trailing zeros of the mantissa)."""
    mantissa = number[1:] if digits is None else number[1 : 1 + digits]
    mantissa = mantissa.rstrip("0")
    exponent = f"E+{len(number) - 1:02d}"
    return f"{number[0]}.{mantissa}{exponent}" if mantissa else f"{number[0]}{exponent}"


def nhs_dot_zero(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.03, lambda: v.nhs_number(rng) + ".0")


def nhs_xl(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        number = v.nhs_number(rng)
        return _sci(number) if rng.random() < 0.8 else _sci(number, 2)

    return fill(rng, rows, 0.04, make)


def chi_lost_zero(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.02, lambda: v.chi_number(rng).lstrip("0"))


def uprn_thousands(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.05, lambda: f"{int(v.uprn(rng)):,}")


def passport_numeric(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        number = v.passport_number(rng)
        if rng.random() < 0.15:
            number = "0" + number[1:]
        shown = str(int(number))
        return shown + ".0" if rng.random() < 0.25 else shown

    return fill(rng, rows, 0.35, make)


def tel_home_num(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        shown = v.phone(rng, mobile=False)[1:]
        return shown + ".0" if rng.random() < 0.3 else shown

    return fill(rng, rows, 0.2, make)


def mobile_as_number(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        shown = v.phone(rng, mobile=True)[1:]
        return _sci(shown) if rng.random() < 0.35 else shown

    return fill(rng, rows, 0.15, make)


def nhs_apostrophe(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.03, lambda: "'" + v.nhs_number(rng))


def unit_serial(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.0, lambda: v.invalid_ten(rng))


def hba1c(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        value = rng.randint(28, 130)
        return f"{value}.0" if rng.random() < 0.3 else str(value)

    return fill(rng, rows, 0.1, make)


def ferritin(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        value = rng.choice([rng.randint(4, 400), rng.randint(900, 9800)])
        return f"{value:,}.0" if rng.random() < 0.5 else f"{value:,}"

    return fill(rng, rows, 0.12, make)


def ctr_award(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        pence = rng.randint(0, 250000)
        form = rng.random()
        if form < 0.4:
            return f"£{pence / 100:,.2f}"
        if form < 0.8:
            return f"{pence / 100:.2f}".rstrip("0").rstrip(".") or "0"
        return f"{pence / 100:,.2f}"

    return fill(rng, rows, 0.05, make)


def eye_episode(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.01, lambda: v.invalid_ten(rng) + ".0")


def pack_years(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        value = round(rng.uniform(0.5, 160), 1)
        return f"{value:.1E}" if rng.random() < 0.1 else f"{value:g}"

    return fill(rng, rows, 0.25, make)
