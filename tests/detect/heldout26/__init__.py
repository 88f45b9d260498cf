"""Held-out 26: a blind, synthetic detection corpus (workforce and regulation themes).

from tests.detect.heldout26 import make_heldout26_columns
columns, labels = make_heldout26_columns(seed=76, rows=2000)
"""

import random

from .columns import COLUMNS

__all__ = ["COLUMNS", "make_heldout26_columns"]


def make_heldout26_columns(seed: int = 76, rows: int = 2000):
    """Return (columns, labels); each column draws from its own seeded generator."""
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for name, kind, direct, free_text, category, make in COLUMNS:
        rng = random.Random(f"heldout26:{seed}:{name}")
        values = make(rng, rows)
        if len(values) != rows:
            raise ValueError(f"{name}: {len(values)} rows, expected {rows}")
        columns[name] = values
        labels[name] = {
            "kind": kind,
            "direct": direct,
            "free_text": free_text,
            "category": category,
        }
    return columns, labels
