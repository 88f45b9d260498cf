"""Held-out detection corpus 28 (blind, synthetic): hospital operational and estates systems."""

import random

from .columns import COLUMNS

__all__ = ["build", "make_heldout28_columns"]


def build(seed: int = 73, rows: int = 2000):
    """Columns, labels and per-column meta (identifier hit counts for free text)."""
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    meta: dict[str, dict] = {}
    for name, gen, kind, direct, free_text, category in COLUMNS:
        rng = random.Random(f"heldout28:{seed}:{name}")
        values = gen(rng, rows)
        meta[name] = {"hits": getattr(values, "hits", None)}
        columns[name] = list(values)
        labels[name] = {
            "kind": kind,
            "direct": direct,
            "free_text": free_text,
            "category": category,
        }
    return columns, labels, meta


def make_heldout28_columns(seed: int = 73, rows: int = 2000):
    columns, labels, _meta = build(seed, rows)
    return columns, labels
