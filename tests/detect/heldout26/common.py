"""Shared helpers: blanks, spreadsheet noise, prose assembly."""

import random
from collections.abc import Callable

from . import values

Maker = Callable[[random.Random], str]


def fill(rng: random.Random, rows: int, make: Maker, blank: float = 0.0) -> list[str | None]:
    """One value per row; about `blank` of the rows empty (or a placeholder)."""
    out: list[str | None] = []
    for _ in range(rows):
        if rng.random() < blank:
            out.append(values.placeholder(rng))
        else:
            out.append(make(rng))
    return out


def fill_exact_blank(rng: random.Random, rows: int, make: Maker, blank: float) -> list[str | None]:
    """Like fill, but exactly round(rows * blank) rows are empty cells (None or '')."""
    empty = set(rng.sample(range(rows), round(rows * blank)))
    return [(None if rng.random() < 0.85 else "") if i in empty else make(rng) for i in range(rows)]


def messy(rng: random.Random, text: str, p_case: float = 0.15, p_space: float = 0.1) -> str:
    r = rng.random()
    if r < p_case / 2:
        text = text.upper()
    elif r < p_case:
        text = text.lower()
    if rng.random() < p_space:
        text = (
            rng.choice([" ", "  ", "\t"]) + text
            if rng.random() < 0.5
            else text + rng.choice([" ", "  "])
        )
    return text


def pad(rng: random.Random, text: str, width: int, p: float = 0.2) -> str:
    if rng.random() < p:
        return text.ljust(width) if rng.random() < 0.7 else text.rjust(width)
    return text


def join_sentences(rng: random.Random, sentences: list[str]) -> str:
    out = ""
    for i, s in enumerate(sentences):
        if i:
            out += (
                rng.choice([" ", " ", " ", "  ", "\n", ". ", " - ", "\r\n"])
                if not out.endswith(".")
                else rng.choice([" ", " ", "\n", "  "])
            )
        out += s
    return out


def prose(
    rng: random.Random,
    rows: int,
    background: list[str],
    planted: Maker,
    rate: float,
    blank: float = 0.08,
    max_sentences: int = 3,
) -> list[str | None]:
    """Free text; exactly round(rows * rate) rows carry one planted identifier sentence."""
    hits = set(rng.sample(range(rows), round(rows * rate)))
    out: list[str | None] = []
    for i in range(rows):
        if i not in hits and rng.random() < blank:
            out.append(values.placeholder(rng))
            continue
        k = rng.randint(1, max_sentences)
        sentences = [rng.choice(background) for _ in range(k)]
        if i in hits:
            sentences.insert(rng.randrange(len(sentences) + 1), planted(rng))
        text = join_sentences(rng, sentences)
        out.append(messy(rng, text, p_case=0.06, p_space=0.05))
    return out


def float_text(number: str) -> str:
    return str(int(number)) + ".0"
