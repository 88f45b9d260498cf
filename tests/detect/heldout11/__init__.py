"""heldout11: a blind, synthetic, labelled detection corpus (see README.md, TRAPS.md)."""

import random

from .columns import COLUMNS

__all__ = ["COLUMNS", "make_heldout11_columns"]


def make_heldout11_columns(seed: int = 41, rows: int = 2000):
    """Return (columns, labels) for the heldout11 corpus.

    columns: dict[str, list[str | None]] -- text values as read from CSV, None = empty.
    labels: dict[str, dict] with kind, direct, free_text and category.
    """
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for name, gen, kind, direct, free_text, category in COLUMNS:
        rng = random.Random(f"heldout11:{seed}:{name}")
        values = gen(rng, rows)
        if len(values) != rows:
            raise AssertionError(f"{name}: {len(values)} rows")
        columns[name] = [None if (x is None or x == "") else x for x in values]
        labels[name] = {
            "kind": kind,
            "direct": direct,
            "free_text": free_text,
            "category": category,
        }
    return columns, labels
