"""heldout18: blind, synthetic, labelled detection corpus (see README.md and TRAPS.md)."""

import random

from .columns import COLUMNS, label


def make_heldout18_columns(seed: int = 71, rows: int = 2000):
    """Return (columns, labels) for the heldout18 corpus."""
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for name, fn, kind, category, free_text in COLUMNS:
        rng = random.Random(f"heldout18:{seed}:{name}")
        values = fn(rng, rows)
        if len(values) != rows:
            raise AssertionError(f"{name}: {len(values)} rows")
        columns[name] = values
        labels[name] = label(kind, category, free_text)
    return columns, labels


__all__ = ["make_heldout18_columns"]
