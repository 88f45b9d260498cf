"""heldout13: a blind, synthetic, labelled detection corpus (see README.md and TRAPS.md)."""

import random

from .columns import COLUMNS

__all__ = ["COLUMNS", "make_heldout13_columns"]


def make_heldout13_columns(seed: int = 47, rows: int = 2000):
    """Return (columns, labels) for the heldout13 corpus."""
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for name, kind, direct, free_text, category, maker in COLUMNS:
        rng = random.Random(f"heldout13:{seed}:{name}")
        values = maker(rng, rows)
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
