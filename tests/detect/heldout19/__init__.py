"""heldout19: a blind, synthetic, labelled corpus for measuring identifier detection.

Built without reading the detector. See README.md and TRAPS.md.
"""

import random

from .columns import COLUMNS

__all__ = ["COLUMNS", "make_heldout19_columns"]


def make_heldout19_columns(seed=73, rows=2000):
    """Return (columns, labels) for the heldout19 corpus.

    columns: name -> list of cell text (None for an empty cell), all of length rows.
    labels: name -> {"kind", "direct", "free_text", "category"}.
    """
    columns = {}
    labels = {}
    for name, kind, direct, free_text, category, make in COLUMNS:
        rng = random.Random(f"heldout19:{seed}:{name}")
        values = make(rng, rows)
        columns[name] = values
        labels[name] = {
            "kind": kind,
            "direct": direct,
            "free_text": free_text,
            "category": category,
        }
    return columns, labels
