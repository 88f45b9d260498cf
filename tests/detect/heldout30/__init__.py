"""Blind held-out detection corpus 30 (synthetic; see README.md and TRAPS.md)."""

from __future__ import annotations

import random

from .columns import COLUMNS

__all__ = ["COLUMNS", "make_heldout30_columns"]


def make_heldout30_columns(
    seed: int = 83, rows: int = 2000
) -> tuple[dict[str, list[str | None]], dict[str, dict]]:
    """Return (columns, labels) for the held-out corpus 30."""
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for name, kind, direct, free_text, category, gen in COLUMNS:
        rng = random.Random(f"heldout30:{seed}:{name}")
        col = gen(rng, rows)
        if len(col) != rows:
            raise AssertionError(f"{name}: {len(col)} rows")
        columns[name] = col
        labels[name] = {
            "kind": kind,
            "direct": direct,
            "free_text": free_text,
            "category": category,
        }
    return columns, labels
