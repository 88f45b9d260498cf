"""The forms of a row's own name that its columns do not spell: pet names, short forms, initials.

A note names its person as people speak: "Bobby" for Robert, "Raj" for Rajesh, "Preet" for
Gurpreet, "SP" for Siobhán Pritchard. The row's name columns give the full forename and
surname; these forms are derived from them and searched for in that row's text only:

* **variants** from the bundled forename table (``safelink/data/nicknames.csv``: nicknames,
  other spellings, Welsh, Irish and Gaelic equivalents), both ways;
* **short forms**: a capitalised word of at least three letters that begins the forename
  ("Chris", "Kath"), of at least four that ends it ("Preet", "Seun"), or a pet form on its
  first three letters ("Wojtek", "Danny"), on its first two and a doubled consonant
  ("Hattie", "Maggie") or on a later syllable ("Hari" for Angharad, "Lexie");
* **initials**: the forename's initial with the surname's (each capitalised word of it, so
  "ap Rhys" gives "RA" and "RR"), written in capitals ("SP", "SP's", "S.P.").

Variants and short forms must start with a capital in the text (so "will" is not William),
and short forms must be in title case unless five letters or more (in a note written in
capitals "CAR" is not Caroline);
initials must be in capitals; those that are also a common abbreviation ("HR", "ED", "AM")
count only before a possessive or what a note says a person did, after "Pt", or with dots
("A.M."; not after a number). Nothing here logs or returns a value: only spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from safelink.detect.names import NOT_NAME_WORDS, NOTE_VERBS, VERB_ENDING
from safelink.detect.recognisers import name_lists
from safelink.normalise.forenames import forename_table

# Abbreviations written in capitals in notes that are also two people's initials.
_ABBREVIATIONS = frozenset(
    [
        "ae",
        "am",
        "bd",
        "bm",
        "bp",
        "ct",
        "dn",
        "dr",
        "ed",
        "gp",
        "hr",
        "hv",
        "id",
        "im",
        "iv",
        "la",
        "ma",
        "md",
        "mg",
        "ml",
        "nb",
        "od",
        "ok",
        "ot",
        "pa",
        "pc",
        "pm",
        "po",
        "pr",
        "pt",
        "qd",
        "re",
        "rn",
        "rr",
        "sc",
        "sw",
        "tv",
        "uk",
        "us",
    ]
)
# Month and day abbreviations: "Mar" is not Mark's short form, "Sat" not Satnam's.
_NOT_SHORT = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
    ]
) | frozenset(w for w in NOT_NAME_WORDS if w.isalpha())
_MIN_PREFIX = 3
_MIN_SUFFIX = 4
# In a note written in capitals a short form must be longer ("KRZYS", not "CAR" for Caroline).
_MIN_CAPS_SHORT = 5
# Pet-name endings on a forename's first three letters (English, Polish, Czech, Slavic).
_PET_ENDINGS = ("ie", "y", "ek", "ka", "ko", "sia", "cia", "us", "o")
_MIN_PET = 4
_WORD = re.compile(r"[^\W\d_]+")
_DOTTED = re.compile(r"(?<![^\W_])(?P<a>[^\W\d_])\.\s?(?P<b>[^\W\d_])\.")


@cache
def _variants() -> dict[str, frozenset[str]]:
    """Folded forename -> its folded variants in the bundled table, both ways."""
    from safelink.detect.own import fold  # own imports this module

    table = forename_table()
    pairs: dict[str, set[str]] = {}
    for name, variant in zip(table.get_column("name"), table.get_column("variant"), strict=True):
        a, b = fold(name), fold(variant)
        if a != b and a.isalpha() and b.isalpha():
            pairs.setdefault(a, set()).add(b)
            pairs.setdefault(b, set()).add(a)
    return {name: frozenset(found) for name, found in pairs.items()}


@dataclass(frozen=True, slots=True)
class NameForms:
    """One row's spoken forms of its own name (folded, lower case).

    Attributes:
        forenames: the forenames (for short forms).
        variants: table variants of the forenames.
        initials: two-letter initials (forename, surname).
        surnames: the first word of each surname (a name word just before one is the
            person's forename in whatever form: "Hattie Rahman", "SADE BEVAN").
        abbreviated: initials that are also common abbreviations ("HR", "ED"): found only
            where a person is meant (see :meth:`find`).
    """

    forenames: frozenset[str]
    variants: frozenset[str]
    initials: frozenset[str]
    surnames: frozenset[str] = frozenset()
    abbreviated: frozenset[str] = frozenset()

    def find(self, text: str, folded: str) -> list[tuple[int, int]]:
        """Spans of ``text`` (``folded`` is its :func:`safelink.detect.own.fold`) naming the row."""
        spans: list[tuple[int, int]] = []
        before: tuple[int, int] | None = None  # the previous word, when a name word
        for match in _WORD.finditer(folded):
            word = match.group()
            start, end = match.span()
            raw = text[start:end]
            if word in self.surnames and before is not None and text[before[1] : start] == " ":
                spans.append(before)
            before = (start, end) if _forename_like(raw, word) else None
            if not raw[0].isupper():
                continue
            initials = word in self.initials and raw.isupper()
            if word in self.abbreviated and raw.isupper():
                initials = _meant_as_person(folded, start, end)
            # In capitals a short form is long, or meant as a person ("CAT'S", "PT HARI").
            cased = raw.istitle() or len(word) >= _MIN_CAPS_SHORT
            cased = cased or (raw.isupper() and _meant_as_person(folded, start, end, verbs=False))
            short = cased and self._short(word)
            if initials or word in self.variants or short:
                spans.append((start, end))
        for match in _DOTTED.finditer(folded):  # "A.O.", "A. O.", "D.a." (ap Rhys)
            start, end = match.span()
            pair = match.group("a") + match.group("b")
            written = text[start:end]
            if pair in self.initials and written.isupper():
                spans.append((start, end))
            elif (
                pair in self.initials | self.abbreviated
                and written[0].isupper()
                and not _AFTER_TIME.search(folded, max(0, start - 8), start)  # "9 A.M."
            ):
                spans.append((start, end))  # dotted initials are a person's, not a unit's
        return spans

    def _short(self, word: str) -> bool:
        if word in _NOT_SHORT:
            return False
        return any(
            name != word
            and (
                (len(word) >= _MIN_PREFIX and name.startswith(word))
                or (len(word) >= _MIN_SUFFIX and name.endswith(word))
                or _pet_form(word, name)
            )
            for name in self.forenames
        )


# Words before a surname that are not a forename: "Pt Cross", "WORRIED ABOUT CROSS", doses.
_NOT_FORENAME = (
    _ABBREVIATIONS
    | _NOT_SHORT
    | frozenset(
        ["about", "pt", "pts", "patient", "client", "qds", "tds", "prn", "nocte", "mane", "stat"]
    )
)


def _forename_like(raw: str, word: str) -> bool:
    """A capitalised word that may be a forename: not a common word of notes or a verb."""
    return (
        len(word) >= 2
        and raw[0].isupper()
        and word not in _NOT_FORENAME
        and word not in NOTE_VERBS
        and not VERB_ENDING.fullmatch(word)
    )


def _pet_form(word: str, name: str) -> bool:
    """A pet form made on a syllable of the name, with a pet ending.

    On the first syllable: "Wojtek" (Wojciech), "Danny" (Daniel); on the first two letters
    and a doubled consonant of the name, as English makes them: "Hattie" (Harriet), "Maggie"
    (Margaret), "Dottie" (Dorothy); on a later syllable, as Welsh and English make them:
    "Hari" (Angharad), "Lexie" (Alexandra), unless a listed forename.
    """
    if not _MIN_PET <= len(word) <= len(name) + 1:
        return False
    if word[:3] == name[:3] and word.endswith(_PET_ENDINGS):
        return True
    stem = word.removesuffix("ie") if word.endswith("ie") else word[:-1]
    if not word.endswith(("ie", "y", "i")) or len(stem) < _MIN_PREFIX:
        return False
    doubled = stem[:2] == name[:2] and len(stem) == 4 and stem[2] == stem[3]
    if doubled and stem[2] not in "aeiou" and stem[2] in name[2:]:
        return True
    # A common forename is someone else's more often than a syllable of this one's ("Mary"
    # in "Amarjit").
    return stem in name[1:] and word.upper() not in name_lists()[0]


# Initials that are also abbreviations mean the person before a possessive ("HV's care
# plan"), before what only a person does ("ED phoned") or after a word for the patient ("Pt
# ML reviewed").
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
_PATIENT_BEFORE = re.compile(r"\b(?:pt|patient|client|service user)\.?\s+$")
_AFTER_TIME = re.compile(r"(?<!\d)\d{1,2}(?:[:.]\d{2})?\s*$")


# What only a person does, after their initials ("HR said", "ED phoned"); not "was", "can" or
# "seen", which an abbreviation or a word does as well ("ED was busy", "RR seen", "CT
# reported").
_PERSON_VERBS = frozenset(
    [
        "said",
        "says",
        "states",
        "stated",
        "phoned",
        "rang",
        "agreed",
        "agrees",
        "declined",
        "refused",
        "refuses",
        "attended",
        "attends",
        "feels",
        "felt",
        "wants",
        "wanted",
        "lives",
        "asked",
        "explained",
        "confirmed",
        "requested",
    ]
)


def _meant_as_person(folded: str, start: int, end: int, *, verbs: bool = True) -> bool:
    """Whether a word that is also an abbreviation or a word names a person where it stands."""
    if _POSSESSIVE.match(folded, end):
        return True
    after = _NEXT_WORD.match(folded, end) if verbs else None
    if after is not None and after.group(1) in _PERSON_VERBS:
        return True
    return _PATIENT_BEFORE.search(folded, max(0, start - 20), start) is not None


def name_forms(forenames: tuple[str, ...], surnames: tuple[str, ...]) -> NameForms | None:
    """The spoken forms of a person's name from their (folded) forenames and surnames.

    Args:
        forenames: folded forename values (first words count; "mary-jane" gives "mary").
        surnames: folded surname values ("ap rhys").

    Returns:
        The forms, or None when there is no forename.
    """
    firsts = [w for f in forenames for w in _WORD.findall(f)[:1]]
    if not firsts:
        return None
    table = _variants()
    variants = {v for f in firsts for v in table.get(f, ())} - set(firsts)
    surname_initials = {w[0] for s in surnames for w in _WORD.findall(s)}
    every = {f[0] + s for f in firsts for s in surname_initials}
    return NameForms(
        forenames=frozenset(firsts),
        variants=frozenset(v for v in variants if v not in _NOT_SHORT),
        initials=frozenset(every - _ABBREVIATIONS),
        surnames=frozenset(w for s in surnames for w in _WORD.findall(s)[:1]),
        abbreviated=frozenset(every & _ABBREVIATIONS),
    )


__all__ = ["NameForms", "name_forms"]
