"""Free-text columns: look-alike numbers do not make a column of notes a direct identifier."""

from __future__ import annotations

import random

import polars as pl

from safelink.detect import build_engine, scan
from safelink.detect.evaluate import find_spans
from safelink.synthetic.testing import synthetic_nhs_numbers

ROWS = 600
_FILLER = [
    "Reviewed on the ward, obs stable.",
    "Plan to continue current care package, two calls a day.",
    "Awaiting bed on the unit; equipment delivered by the council.",
    "Declined flu vaccine. Capacity assessed and documented.",
]


def _notes(rng: random.Random, extra: list[str]) -> list[str]:
    return [f"{rng.choice(_FILLER)} {rng.choice(_FILLER)} {e}".strip() for e in extra]


def _direct(frame: pl.DataFrame) -> list[str]:
    return list(scan(frame, sample=ROWS).direct_columns)


def test_ten_digit_order_numbers_at_chance_check_digit_rate_are_not_nhs_numbers() -> None:
    rng = random.Random(6)
    orders = [f"Order {rng.randint(4_500_000_000, 4_599_999_999)} raised." for _ in range(ROWS)]
    frame = pl.DataFrame({"audit_comment": _notes(rng, orders)})
    assert _direct(frame) == []
    # The same notes quoting real-shaped NHS numbers in a tenth of rows are flagged.
    numbers = iter(synthetic_nhs_numbers(ROWS, seed=6))
    quoted = [f"NHS no {next(numbers)} confirmed." if i % 10 == 0 else "" for i in range(ROWS)]
    frame = pl.DataFrame({"discharge_summary": _notes(rng, quoted)})
    assert _direct(frame) == ["discharge_summary"]


def test_a_few_hospital_number_lookalikes_do_not_flag_a_column() -> None:
    rng = random.Random(7)
    refs = [
        f"Hospital bed ordered, ref {rng.randint(1_000_000, 9_999_999)}." if i < 2 else ""
        for i in range(ROWS)
    ]
    frame = pl.DataFrame({"incident_description": _notes(rng, refs)})
    assert _direct(frame) == []


def test_nhs_numbers_with_irregular_spacing_are_found_with_nhs_context() -> None:
    number = synthetic_nhs_numbers(1, seed=9)[0]
    texts = [
        f"NHS no {number[:3]} {number[3:]} checked.",
        f"NHS number {number[:6]} {number[6:]}.",
        f"Ref {number[:6]} {number[6:]} for the invoice.",
    ]
    found = find_spans(texts, build_engine())
    kinds = [[r.entity_type for r in spans] for spans in found]
    assert kinds == [["NHS_NUMBER"], ["NHS_NUMBER"], []]
