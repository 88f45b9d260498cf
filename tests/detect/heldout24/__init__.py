"""heldout24: a blind, synthetic, labelled corpus for identifier detection.

Themes: local-authority revenues, benefits and registration back office.
"""

import random

from .columns import COLUMNS


def make_heldout24_columns(seed: int = 74, rows: int = 2000):
    """Return (columns, labels) for the corpus; deterministic for a seed."""
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for name, kind, direct, free_text, category, gen in COLUMNS:
        rng = random.Random(f"heldout24:{seed}:{name}")
        values = gen(rng, rows)
        assert len(values) == rows, name
        columns[name] = values
        labels[name] = {
            "kind": kind,
            "direct": direct,
            "free_text": free_text,
            "category": category,
        }
    return columns, labels


__all__ = ["make_heldout24_columns"]
