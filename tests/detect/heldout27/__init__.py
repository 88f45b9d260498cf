"""Held-out 27: a blind, synthetic detection corpus (children's front door and family support)."""

import random

from .columns import COLUMNS

__all__ = ["make_heldout27_columns"]


def make_heldout27_columns(seed: int = 71, rows: int = 2000):
    """Return (columns, labels) for the corpus; each column has its own seeded RNG."""
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for col in COLUMNS:
        name = col["name"]
        rng = random.Random(f"heldout27:{seed}:{name}")
        values = col["make"](rng, rows)
        if len(values) != rows:
            raise AssertionError(f"{name}: {len(values)} rows, expected {rows}")
        columns[name] = values
        labels[name] = {
            "kind": col["kind"],
            "direct": col["direct"],
            "free_text": col["free_text"],
            "category": col["category"],
        }
    return columns, labels
