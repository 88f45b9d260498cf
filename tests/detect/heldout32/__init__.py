"""Held-out corpus 32: a blind, synthetic, labelled detection corpus.

Usage::

    from tests.detect.heldout32 import make_heldout32_columns

    columns, labels = make_heldout32_columns(seed=97, rows=2000)
"""

import random

from .columns import COLUMNS

__all__ = ["COLUMNS", "make_heldout32_columns"]


def make_heldout32_columns(seed: int = 97, rows: int = 2000):
    """Return (columns, labels) for the held-out 32 corpus."""
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for name, kind, direct, free_text, category, gen in COLUMNS:
        rng = random.Random(f"heldout32:{seed}:{name}")
        columns[name] = [gen(rng) for _ in range(rows)]
        labels[name] = {
            "kind": kind,
            "direct": direct,
            "free_text": free_text,
            "category": category,
        }
    return columns, labels
