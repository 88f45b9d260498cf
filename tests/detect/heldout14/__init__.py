"""heldout14: blind, synthetic detection corpus (carers, Shared Lives, CAMHS, IAPT, screening...).

Use::

    from tests.detect.heldout14 import make_heldout14_columns
    columns, labels = make_heldout14_columns(seed=53, rows=2000)
"""

import random

from . import cat_a, cat_b, cat_c, cat_d, cat_e, cat_f, cat_g, cat_hs
from .columns import COLUMNS

GENERATORS = {
    **cat_b.GENERATORS,
    **cat_c.GENERATORS,
    **cat_d.GENERATORS,
    **cat_e.GENERATORS,
    **cat_f.GENERATORS,
    **cat_g.GENERATORS,
    **cat_hs.GENERATORS,
}


def column_rng(seed: int, name: str) -> random.Random:
    return random.Random(f"heldout14:{seed}:{name}")


def make_column(name: str, seed: int = 53, rows: int = 2000) -> list[str | None]:
    rng = column_rng(seed, name)
    if name in cat_a.SPECS:
        return cat_a.make(name, rng, rows)
    return GENERATORS[name](rng, rows)


def make_heldout14_columns(
    seed: int = 53, rows: int = 2000
) -> tuple[dict[str, list[str | None]], dict[str, dict]]:
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for col in COLUMNS:
        columns[col.name] = make_column(col.name, seed, rows)
        labels[col.name] = {
            "kind": col.kind,
            "direct": col.direct,
            "free_text": col.free_text,
            "category": col.category,
        }
    return columns, labels


__all__ = ["make_heldout14_columns"]
