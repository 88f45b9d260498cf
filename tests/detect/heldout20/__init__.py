"""heldout20: a blind, labelled, synthetic detection corpus.

from tests.detect.heldout20 import make_heldout20_columns
columns, labels = make_heldout20_columns(seed=70, rows=2000)
"""

import random

from .columns import COLUMNS

__all__ = ["build_heldout20", "make_heldout20_columns"]


def build_heldout20(seed: int = 70, rows: int = 2000):
    """Columns, labels and, for free-text columns, the rows holding an identifier."""
    columns, labels, hits = {}, {}, {}
    for name, gen, kind, direct, free_text, category in COLUMNS:
        rng = random.Random(f"heldout20:{seed}:{name}")
        out = gen(rng, rows)
        if isinstance(out, tuple):
            out, hits[name] = out
        columns[name] = out
        labels[name] = {
            "kind": kind,
            "direct": direct,
            "free_text": free_text,
            "category": category,
        }
    return columns, labels, hits


def make_heldout20_columns(seed: int = 70, rows: int = 2000):
    columns, labels, _ = build_heldout20(seed, rows)
    return columns, labels
