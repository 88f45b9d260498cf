"""NHS numbers inside longer codes: found by the check digit of the ten digits they carry.

Variants another system would write (prefixes, suffixes, separators, spacing, blanks), under
headers that name the number and headers that name nothing; references whose ten digits are
random (they pass modulus 11 about 1 time in 11) are not flagged.
"""

from __future__ import annotations

import random

import polars as pl
import pytest

from safelink.detect import scan
from safelink.synthetic.testing import synthetic_nhs_numbers

NUMBERS = synthetic_nhs_numbers(400, seed=17)
FORMS = {
    "ref": lambda n: f"REF-{n}-A",
    "underscore": lambda n: f"CHIS_{n}_v3",
    "suffix": lambda n: f"{n}-AUD",
    "spaced": lambda n: f"PT/{n[:3]} {n[3:6]} {n[6:]}/02",
    "slashed": lambda n: f"EYE/{n}/02",
}


def _found(header: str, values: list[str | None]) -> tuple[str | None, str | None]:
    report = scan(pl.DataFrame({header: values}, schema={header: pl.String}), sample=2_000)
    finding = report.columns[0].finding
    if finding is None or not finding.direct or not finding.detected:
        return None, None
    return finding.entity, str(finding.confidence)


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize(("header", "confidence"), [("nhs_ref_code", "high"), ("Col_12", "medium")])
def test_nhs_numbers_inside_codes_are_found(form: str, header: str, confidence: str) -> None:
    values: list[str | None] = [FORMS[form](n) for n in NUMBERS]
    values[::5] = [None] * len(values[::5])  # a fifth blank
    assert _found(header, values) == ("NHS_NUMBER", confidence)


def _random_ten(rng: random.Random) -> str:
    return f"{rng.randrange(10**9, 10**10)}"


@pytest.mark.parametrize("header", ["order_ref", "Col_12", "batch"])
def test_codes_with_random_ten_digits_are_not_flagged(header: str) -> None:
    rng = random.Random(3)
    values: list[str | None] = [f"ORD-{_random_ten(rng)}-{rng.choice('ABC')}" for _ in range(400)]
    assert _found(header, values) == (None, None)


def test_a_few_codes_carrying_numbers_are_not_enough() -> None:
    rng = random.Random(5)
    values: list[str | None] = [f"REF-{n}-A" for n in NUMBERS[:120]]
    values += [f"REF-{rng.randrange(10**5, 10**6)}-A" for _ in range(280)]  # 30% carry one
    assert _found("Col_12", values) == (None, None)


def test_one_code_repeated_is_a_constant_not_nhs_numbers() -> None:
    values: list[str | None] = ["note with psn_0123456789abcdef inside"] * 400  # passes mod 11
    assert _found("Col_12", values) == (None, None)
