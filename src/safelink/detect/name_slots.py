"""Names in a column's slots: one sentence written over and over, a different name each time.

Notes made from phrases ("Nadia settled well.", "Saw Deniz on ward.") name their person by
forename alone, with no title, role or relationship word beside it for a cue to find. Across a
column the phrase gives the name away: its other words stay the same while one capitalised
word changes row after row. A slot that many different words fill, some of them listed UK
forenames and none a month's, a day's or a place's, is a name's slot; a slot of services
("Referred to Podiatry") or towns ("Moved to Leeds") holds no listed forename.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from safelink.detect.names import NAME_WORD, NOT_NAME_WORDS, PLACE_WORDS, ROLE_WORDS
from safelink.detect.recognisers import name_lists, place_names
from safelink.normalise.constants import MONTHS

__all__ = ["slot_name_rows"]

_SENTENCE = re.compile(r"[^.!?;\n]+")
_TOKEN = re.compile(r"[^\s,:()\"]+")
_CAPITALISED = re.compile(rf"{NAME_WORD}")
# Months and seasons are forenames too ("April", "June", "May", "Summer"): "Review in June".
_CALENDAR = frozenset([*MONTHS, "spring", "summer", "autumn", "winter"])
#: A word after these is a place's ("holiday in Florence", "moved from Stanley").
PLACE_PREPOSITIONS = frozenset(["in", "at", "from", "near", "via", "into", "towards"])
# A sentence about an animal names a pet ("dog - Milo", "Bella guide dog"): not a person.
_ANIMALS = frozenset(
    ["pet", "pets", "dog", "dogs", "puppy", "cat", "cats", "kitten", "parrot", "budgie", "rabbit",
     "rabbits", "hamster", "guinea", "pony", "horse", "tortoise", "snake", "staffie", "terrier",
     "spaniel", "labrador", "collie"]
)  # fmt: skip
# A phrase is three words or more ("Nadia settled well"): "Marley (assistance)" is a value
# and its note.
_FEWEST_WORDS = 3
#: Fewest different words filling a slot for it to be a name's.
SLOT_MIN_FILLERS = 5
#: Share of a slot's different words that are listed UK forenames (a name's slot, written by
#: a service of many communities, holds a fifth or more; services and towns hold none).
SLOT_LISTED_SHARE = 0.2
#: Most a slot's commonest word may fill (a name's slot is filled by many names, each a few
#: times; a phrase with one usual word and a few others is no slot).
SLOT_TOP_SHARE = 0.5
#: Most times a slot's words are used on average (people named in a column's rows are many,
#: each a few times; a service's wards or teams are few, each many times).
SLOT_MOST_REPEATS = 3


def slot_name_rows(rows: Iterable[str | None]) -> int:
    """How many rows hold a name in a slot of a phrase the column repeats.

    Args:
        rows: the column's sampled rows (text; None for an empty cell).

    Returns:
        The number of rows with at least one word filling a name's slot (0 when none).
    """
    forenames = name_lists()[0]
    fillers: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    row_slots: list[set[tuple[tuple[str, ...], str]]] = []
    for text in rows:
        slots: set[tuple[tuple[str, ...], str]] = set()
        for sentence in _SENTENCE.findall(text or ""):
            tokens = _TOKEN.findall(sentence)
            if len(tokens) < _FEWEST_WORDS:
                continue
            lowered = [t.lower() for t in tokens]
            for i, token in enumerate(tokens):
                if not _candidate(token) or not _alone(tokens, i):
                    continue
                if not _person_context(lowered, i):
                    continue
                key = (*lowered[:i], "_", *lowered[i + 1 :])
                fillers[key][token] += 1
                slots.add((key, token))
        row_slots.append(slots)
    names = {key for key, words in fillers.items() if _name_slot(words, forenames)}
    return sum(any(key in names for key, _ in slots) for slots in row_slots)


def _candidate(token: str) -> bool:
    """Whether a word could be a name: capitalised, and not a word that is never one."""
    plain = token.lower()
    return (
        _CAPITALISED.fullmatch(token) is not None
        and not token.isupper()
        and plain not in NOT_NAME_WORDS
        and plain not in PLACE_WORDS
        and plain not in _CALENDAR
    )


def _person_context(lowered: list[str], i: int) -> bool:
    """Whether a word's sentence could name a person there (not a place, a post or a pet).

    After a preposition of place it is a place's name; before a role ("Ivy coordinator") or a
    place word ("Keats ward") a post's or a place's; in a sentence about an animal a pet's.
    """
    before = lowered[i - 1] if i else ""
    after = lowered[i + 1] if i + 1 < len(lowered) else ""
    if before in PLACE_PREPOSITIONS or after in ROLE_WORDS or after in PLACE_WORDS:
        return False
    return not _ANIMALS.intersection(lowered)


def _alone(tokens: list[str], i: int) -> bool:
    """Whether a word stands alone: no capitalised word beside it (but a sentence's first).

    Two capitalised words together are a full name, which other rules find, or a place named
    after someone ("Victoria Hall", "Keats Ward"), which no rule should.
    """
    before = i > 1 and tokens[i - 1][:1].isupper()
    after = i + 1 < len(tokens) and tokens[i + 1][:1].isupper()
    return not before and not after


def _name_slot(words: Counter[str], forenames: frozenset[str]) -> bool:
    """Whether a slot's words are people's names (many, varied, some listed forenames)."""
    if len(words) < SLOT_MIN_FILLERS:
        return False
    if words.most_common(1)[0][1] > SLOT_TOP_SHARE * sum(words.values()):
        return False
    if sum(words.values()) > SLOT_MOST_REPEATS * len(words):
        return False  # a short list repeated (wards named after flowers), not people
    if any(word.lower() in place_names() for word in words):
        return False  # towns ("Chelsea", "Stanley") fill it: a place's slot
    listed = sum(word.upper().replace("'", "") in forenames for word in words)
    return listed >= SLOT_LISTED_SHARE * len(words)
