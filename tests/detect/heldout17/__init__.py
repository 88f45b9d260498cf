"""heldout17: a blind, synthetic, labelled corpus for identifier detection.

Themes: Court of Protection, appointeeship and deputyship, charging and deferred payments,
respite, emergency duty team logs, befriending, dementia cafes, early help and family hubs,
HAF, kinship care and SGO, UASC, CAFCASS, ESOL, device loans and community transport.
"""

import random

from .columns import COLUMNS, QUASI

__all__ = ["make_heldout17_columns"]


def make_heldout17_columns(seed: int = 67, rows: int = 2000):
    """Return (columns, labels) for heldout17; deterministic for a seed."""
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for name, kind, free_text, category, maker in COLUMNS:
        rng = random.Random(f"heldout17:{seed}:{name}")
        values = maker(rng, rows)
        if len(values) != rows:
            raise AssertionError(f"{name}: {len(values)} rows, expected {rows}")
        columns[name] = [None if (x is None or x == "") else str(x) for x in values]
        labels[name] = {
            "kind": kind,
            "direct": kind is not None and kind not in QUASI,
            "free_text": free_text,
            "category": category,
        }
    return columns, labels
