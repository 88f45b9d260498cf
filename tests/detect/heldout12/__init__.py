"""heldout12: a blind, synthetic, labelled corpus for measuring an identifier detector.

from tests.detect.heldout12 import make_heldout12_columns
columns, labels = make_heldout12_columns(seed=43, rows=2000)
"""

import random

from .columns import COLUMNS, QUASI

__all__ = ["make_heldout12_columns"]


def make_heldout12_columns(seed: int = 43, rows: int = 2000):
    """Return (columns, labels); every column draws from its own seeded Random."""
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for name, kind, free_text, category, gen in COLUMNS:
        rng = random.Random(f"heldout12:{seed}:{name}")
        values = gen(rng, rows)
        if len(values) != rows:
            raise AssertionError(f"{name}: {len(values)} rows, expected {rows}")
        columns[name] = [None if x is None or x == "" else str(x) for x in values]
        labels[name] = {
            "kind": kind,
            "direct": kind is not None and kind not in QUASI,
            "free_text": free_text,
            "category": category,
        }
    return columns, labels
