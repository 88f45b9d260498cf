"""heldout21: a blind, synthetic held-out detection corpus (independent and third-sector
providers: call monitoring, agency timesheets, helplines, advocacy, Healthwatch, CQC
notifications, whistleblowing, hospice at home, charity grants, faith-group outreach)."""

import random

from .columns import COLUMNS

__all__ = ["COLUMNS", "make_heldout21_columns"]


def make_heldout21_columns(seed: int = 71, rows: int = 2000):
    """Return (columns, labels) for the corpus; deterministic for a seed."""
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for name, kind, direct, free_text, category, make in COLUMNS:
        rng = random.Random(f"heldout21:{seed}:{name}")
        values = make(rng, rows)
        if len(values) != rows:
            raise AssertionError(f"{name}: {len(values)} rows")
        columns[name] = values
        labels[name] = {
            "kind": kind,
            "direct": direct,
            "free_text": free_text,
            "category": category,
        }
    return columns, labels
