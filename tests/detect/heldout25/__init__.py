"""heldout25: a blind, synthetic, labelled detection corpus (emergency planning themes)."""

from __future__ import annotations

import random

from .columns import COLUMNS

__all__ = ["COLUMNS", "make_heldout25_columns"]


def make_heldout25_columns(
    seed: int = 75, rows: int = 2000
) -> tuple[dict[str, list[str | None]], dict[str, dict]]:
    """Return (columns, labels); each column uses its own seeded random.Random."""
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for name, kind, direct, free_text, category, gen, _check in COLUMNS:
        r = random.Random(f"heldout25:{seed}:{name}")
        values = gen(r, rows)
        if len(values) != rows:
            raise AssertionError(f"{name}: {len(values)} rows, expected {rows}")
        columns[name] = values
        labels[name] = {
            "kind": kind,
            "direct": direct,
            "free_text": free_text,
            "category": category,
        }
    return columns, labels
