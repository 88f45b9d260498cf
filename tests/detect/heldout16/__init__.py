"""heldout16: blind, synthetic, labelled detection corpus (see README.md and TRAPS.md)."""

import random

from .columns import COLUMNS

__all__ = ["COLUMNS", "make_heldout16_columns"]


def make_heldout16_columns(seed: int = 61, rows: int = 2000):
    """Return (columns, labels) for the corpus; deterministic for a seed."""
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for name, gen, kind, direct, free_text, category in COLUMNS:
        rng = random.Random(f"heldout16:{seed}:{name}")
        values = gen(rng, rows)
        if len(values) != rows:
            raise AssertionError(f"{name}: {len(values)} rows")
        columns[name] = values
        labels[name] = {
            "kind": kind,
            "direct": direct,
            "free_text": free_text,
            "category": category,
        }
    return columns, labels
