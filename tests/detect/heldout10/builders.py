"""Shared helpers for the column builders of the tenth held-out corpus."""

from __future__ import annotations

import random
from collections.abc import Callable

Cell = str | None
Builder = Callable[[random.Random, int], list[Cell]]


def fill(rng: random.Random, rows: int, blank: float, make: Callable[[], str]) -> list[Cell]:
    return [None if rng.random() < blank else make() for _ in range(rows)]


def one_value(rng: random.Random, rows: int, make: Callable[[], str]) -> list[Cell]:
    cells: list[Cell] = [None] * rows
    cells[rng.randrange(rows)] = make()
    return cells


def free(
    rng: random.Random,
    rows: int,
    rate: float,
    plain: Callable[[], str],
    hit: Callable[[], str],
    blank: float = 0.06,
) -> list[Cell]:
    """Free text where about ``rate`` of the filled rows carry an identifier."""
    cells: list[Cell] = []
    for _ in range(rows):
        if rng.random() < blank:
            cells.append(None)
        elif rng.random() < rate:
            cells.append(hit())
        else:
            cells.append(plain())
    return cells


def said(rng: random.Random, *fragment_lists: tuple[str, ...]) -> str:
    """A sentence from one fragment of each list, with an occasional number filled in."""
    parts = [rng.choice(fragments) for fragments in fragment_lists]
    text = " ".join(parts)
    return text.replace("{n}", str(rng.randint(2, 60))).replace("{d}", str(rng.randint(1, 28)))
