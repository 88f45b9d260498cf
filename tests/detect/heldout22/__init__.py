"""heldout22: a blind, labelled, synthetic detection corpus (research and audit extracts)."""

import random

from .columns import COLUMNS, is_direct


def make_heldout22_columns(seed: int = 72, rows: int = 2000):
    """Return (columns, labels); each column draws from its own seeded Random."""
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for name, kind, free_text, category, gen in COLUMNS:
        rng = random.Random(f"heldout22:{seed}:{name}")
        values = gen(rng, rows)
        if len(values) != rows:
            raise ValueError(f"{name}: {len(values)} rows, expected {rows}")
        columns[name] = values
        labels[name] = {
            "kind": kind,
            "direct": is_direct(kind),
            "free_text": free_text,
            "category": category,
        }
    return columns, labels


__all__ = ["make_heldout22_columns"]
