"""Held-out 29: a blind, synthetic detection corpus (money and law in adult social care)."""

import random

from .columns import COLUMNS, GENERATORS

__all__ = ["make_heldout29_columns"]


def make_heldout29_columns(seed: int = 79, rows: int = 2000):
    """Return (columns, labels) for held-out 29; deterministic for a seed."""
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for name, kind, direct, free_text, category in COLUMNS:
        rng = random.Random(f"heldout29:{seed}:{name}")
        values = GENERATORS[name](rng, rows)
        columns[name] = [None if x is None or x.strip() == "" else x for x in values]
        labels[name] = {
            "kind": kind,
            "direct": direct,
            "free_text": free_text,
            "category": category,
        }
    return columns, labels
