"""heldout15: a blind, synthetic, labelled corpus for measuring an identifier detector.

Themes: subject access requests, FOI logs, clinical negligence claims, complaints and the
ombudsman, cremation registers, bus passes, rent arrears, welfare assistance, home education,
probation, anti-social behaviour, safe-and-well visits, welfare checks, chaplaincy, volunteer
drivers, staff bank rotas and payroll. See TRAPS.md and README.md.
"""

import random

from .columns import COLUMNS

__all__ = ["COLUMNS", "make_heldout15_columns"]


def make_heldout15_columns(seed: int = 59, rows: int = 2000):
    """Return ``(columns, labels)`` for the heldout15 corpus.

    ``columns`` maps a header to ``rows`` text values (``None`` = empty cell); ``labels`` maps
    the same header to ``{"kind", "direct", "free_text", "category"}``.
    """
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for name, kind, direct, free_text, category, gen in COLUMNS:
        rng = random.Random(f"heldout15:{seed}:{name}")
        values = gen(rng, rows)
        if len(values) != rows:
            raise AssertionError(f"{name}: {len(values)} rows, expected {rows}")
        columns[name] = values
        labels[name] = {
            "kind": kind,
            "direct": direct,
            "free_text": free_text,
            "category": category,
        }
    return columns, labels
