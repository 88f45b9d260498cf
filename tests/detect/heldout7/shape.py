"""Shared column shapes for the seventh held-out corpus: fill, free-text minority, fillers."""

from __future__ import annotations

import random
from collections.abc import Callable

from tests.detect.heldout7 import pools, synth

Cell = str | None
Builder = Callable[[random.Random, int], list[Cell]]
Gen = Callable[[random.Random], str]


def fill(gen: Gen, blank: float = 0.0) -> Builder:
    """Every row from `gen`, with about `blank` of the rows empty."""

    def build(rng: random.Random, rows: int) -> list[Cell]:
        return [None if rng.random() < blank else gen(rng) for _ in range(rows)]

    return build


def minority(hit: Gen, filler: tuple[str, ...], rate: float) -> Builder:
    """Free text where exactly `rate` of the rows carry an identifier sentence from `hit`."""

    def build(rng: random.Random, rows: int) -> list[Cell]:
        hits = set(rng.sample(range(rows), round(rows * rate)))
        out: list[Cell] = []
        for i in range(rows):
            text = expand(rng, rng.choice(filler))
            if i in hits:
                out.append(f"{text} {hit(rng)}" if rng.random() < 0.5 else f"{hit(rng)} {text}")
            else:
                out.append(None if rng.random() < 0.08 else text)
        return out

    return build


def expand(rng: random.Random, template: str) -> str:
    """Fill {drug}, {place}, {org}, {town}, {time}, {room}, {n} and {ward} in a filler sentence."""
    return template.format(
        drug=rng.choice(pools.DRUGS),
        place=rng.choice(pools.PLACES),
        org=rng.choice(pools.ORGANISATIONS),
        town=rng.choice(pools.TOWNS)[0],
        time=f"{rng.randint(0, 23):02d}:{rng.choice(('00', '15', '30', '45'))}",
        room=rng.randint(1, 40),
        n=rng.randint(2, 12),
        ward=rng.choice(pools.PERSON_WARDS),
    )


def phrase(templates: tuple[str, ...]) -> Gen:
    """One filler sentence from `templates`, placeholders filled by `expand`."""
    return lambda rng: expand(rng, rng.choice(templates))


def spaced_nhs(number: str) -> str:
    return f"{number[:3]} {number[3:6]} {number[6:]}"


def spaced_ni(ni: str) -> str:
    return f"{ni[:2]} {ni[2:4]} {ni[4:6]} {ni[6:8]} {ni[8]}"


def person_name(rng: random.Random) -> str:
    first, last = synth.full_name(rng)
    return f"{first} {last}"


def pick(options: tuple[str, ...]) -> Gen:
    return lambda rng: rng.choice(options)


def phone_text(rng: random.Random) -> str:
    if rng.random() < 0.5:
        number = synth.mobile(rng)
        return rng.choice((f"{number[:5]} {number[5:]}", number, f"+44 {number[1:5]} {number[5:]}"))
    area, local = synth.landline(rng)
    return f"{area} {local[:3]} {local[3:]}" if len(local) == 7 else f"{area} {local}"


def relative_sentence(rng: random.Random, templates: tuple[str, ...]) -> str:
    """Fill {rel} and {name} in a random template with an invented person."""
    return rng.choice(templates).format(rel=rng.choice(pools.RELATIONSHIPS), name=person_name(rng))
