"""heldout23: a blind, synthetic, labelled detection corpus (primary-care back office).

Usage::

    from tests.detect.heldout23 import make_heldout23_columns

    columns, labels = make_heldout23_columns(seed=73, rows=2000)
"""

import random

from .columns import COLUMNS, is_direct

__all__ = ["COLUMNS", "make_heldout23_columns"]


def make_heldout23_columns(seed: int = 73, rows: int = 2000):
    """Return ``(columns, labels)`` for the heldout23 corpus.

    ``columns`` maps header -> list of cell text (``None`` for an empty cell);
    ``labels`` maps header -> ``{"kind", "direct", "free_text", "category"}``.
    Every column draws from its own ``random.Random(f"heldout23:{seed}:{name}")``.
    """
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for name, kind, free_text, category, gen in COLUMNS:
        rng = random.Random(f"heldout23:{seed}:{name}")
        values = gen(rng, rows)
        if len(values) != rows:
            raise AssertionError(f"{name}: {len(values)} rows, expected {rows}")
        columns[name] = [None if x is None or x == "" else x for x in values]
        labels[name] = {
            "kind": kind,
            "direct": is_direct(kind),
            "free_text": free_text,
            "category": category,
        }
    return columns, labels
