"""Free-text helpers: slot filling and minority-hit columns."""

import re

from . import pools
from . import values as v


class Col(list):
    """A column that remembers how many of its rows hold an identifier."""

    hits = 0


def _date(rng) -> str:
    return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.choice(['2023', '2024'])}"


SLOTS = {
    "ward": lambda r: r.choice(pools.WARD_NAMES),
    "eponym": lambda r: r.choice(pools.WARD_EPONYMS),
    "bay": lambda r: str(r.randint(1, 6)),
    "n": lambda r: str(r.randint(1, 12)),
    "mins": lambda r: str(r.randint(5, 95)),
    "time": lambda r: f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
    "date": _date,
    "ext": lambda r: str(r.randint(2000, 6999)),
    "bleep": lambda r: str(r.randint(1000, 1999)),
    "clinic": lambda r: r.choice(
        ["Fracture Clinic", "OPD 3", "Medical Records", "Cardiology secs", "Ty Dewi clinic"]
    ),
    "shelf": lambda r: f"{r.choice('ABCDEFGH')}{r.randint(1, 40)}",
    "site": lambda r: r.choice(pools.SITES),
    "lvl": lambda r: str(r.randint(-1, 9)),
    "day": lambda r: r.choice(["Mon", "Tues", "Weds", "Thurs", "Fri", "Sat", "Sunday"]),
    "song": lambda r: r.choice(pools.SONG_NAMES),
    "drug": lambda r: r.choice(pools.DRUGS),
    "org": lambda r: r.choice(pools.ORGANISMS),
    "building": lambda r: r.choice(pools.BENEFACTORS),
    "money": lambda r: f"£{r.randint(0, 140)}.{r.randint(0, 99):02d}",
}
_SLOT = re.compile(r"\{(\w+)\}")


def fill(rng, template: str) -> str:
    return _SLOT.sub(lambda m: SLOTS[m.group(1)](rng), template)


def mess(rng, text: str) -> str:
    """Clerk-style noise: case, stray spaces, line breaks."""
    r = rng.random()
    if r < 0.06:
        text = text.upper()
    elif r < 0.12:
        text = text.lower()
    if rng.random() < 0.08:
        text = "  " + text
    if rng.random() < 0.08:
        text = text + " "
    if rng.random() < 0.05:
        text = text.replace(", ", ",\n", 1)
    return text


def free_text(rng, rows, rate, plain_templates, hit, blank=0.07) -> Col:
    """plain_templates: list of slot templates; hit: rng -> text with an identifier."""
    out = Col()
    for _ in range(rows):
        if rng.random() < blank:
            out.append(None)
        elif rng.random() < rate:
            out.append(mess(rng, hit(rng)) if rng.random() < 0.5 else hit(rng))
            out.hits += 1
        else:
            text = fill(rng, rng.choice(plain_templates))
            if rng.random() < 0.25:
                text += ". " + fill(rng, rng.choice(plain_templates))
            out.append(mess(rng, text))
    return out


def title(rng) -> str:
    return rng.choice(pools.TITLES)


def upper_surname(s: str) -> str:
    return s.upper()


__all__ = ["Col", "fill", "free_text", "mess", "title", "upper_surname", "v"]
