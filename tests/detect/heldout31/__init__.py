"""Held-out 31: a blind, synthetic, labelled detection corpus (see README.md)."""

from __future__ import annotations

import random

from .columns import COLUMNS, is_direct

__all__ = ["make_heldout31_columns"]


def make_heldout31_columns(
    seed: int = 89, rows: int = 2000
) -> tuple[dict[str, list[str | None]], dict[str, dict]]:
    """Return ``(columns, labels)`` for held-out 31; deterministic for ``seed``."""
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for name, kind, free_text, category, gen in COLUMNS:
        rng = random.Random(f"heldout31:{seed}:{name}")
        vals = gen(rng, rows)
        if len(vals) != rows:
            raise AssertionError(f"{name!r}: {len(vals)} rows")
        columns[name] = [None if x is None or x == "" else x for x in vals]
        labels[name] = {
            "kind": kind,
            "direct": is_direct(kind),
            "free_text": free_text,
            "category": category,
        }
    return columns, labels
