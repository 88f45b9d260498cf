"""Row-aware redaction: find in a row's free text the identifiers its own columns hold.

A case note is usually about the person its row describes, and the row's identifier columns
say who that is. Each row's own values become search terms for that row's text only: the
name and its parts, initials with the surname, the date of birth as people write it
("4th March 1975", "04/03/75"), the NHS number with any spacing, the postcode, address,
phone, email and other numbers. Matching is case-, accent- and punctuation-insensitive and
respects word edges. No peer tool does this; patterns and models still find everyone else.

Terms are built from values and live only in memory (cached per process, as a person's
values recur over their rows); nothing here logs or returns a value, only spans and entity
names.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import polars as pl
from presidio_analyzer import RecognizerResult

from safelink.detect.own_names import NameForms, name_forms
from safelink.identifiers import Identifier
from safelink.normalise import normalise, normalise_date

#: The entity a row-aware find is reported as, by the kind of the column it came from.
OWN_ENTITIES: dict[Identifier, str] = {
    Identifier.FORENAME: "PERSON",
    Identifier.SURNAME: "PERSON",
    Identifier.FULL_NAME: "PERSON",
    Identifier.DATE_OF_BIRTH: "DATE_OF_BIRTH",
    Identifier.NHS_NUMBER: "NHS_NUMBER",
    Identifier.CHI_NUMBER: "CHI_NUMBER",
    Identifier.NI_NUMBER: "NI_NUMBER",
    Identifier.POSTCODE: "POSTCODE",
    Identifier.ADDRESS: "ADDRESS",
    Identifier.PHONE: "PHONE_NUMBER",
    Identifier.EMAIL: "EMAIL_ADDRESS",
    Identifier.UPRN: "UPRN",
    Identifier.HOSPITAL_NUMBER: "HOSPITAL_NUMBER",
}
#: A row-aware find outranks a pattern find of the same span (it is known to be this person).
OWN_SCORE = 0.99

_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev"})
_EDGE_BEFORE = r"(?<![^\W_])"
_EDGE_AFTER = r"(?![^\W_])"
_DIGIT_BEFORE = r"(?<![0-9])"
_DIGIT_AFTER = r"(?![0-9])"
_APOSTROPHE = "['\u2019` ]?"


# Letters with no decomposition: "Đặng" is written "Dang", "Łukasz" "Lukasz", and a
# Turkish dotless or dotted i as "i".
_STROKED = {
    "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ħ": "h", "Ħ": "h",
    "\u0131": "i", "\u0130": "i",
}  # fmt: skip


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _STROKED:
        return _STROKED[char]
    plain = "".join(
        c
        for c in unicodedata.normalize("NFKD", char)
        if not unicodedata.category(c).startswith("M")
    ).lower()
    return plain if len(plain) == 1 else char


def fold(text: str) -> str:
    """Lower case without accents, one character for one (offsets in ``text`` still hold)."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


_GAP = "['\u2019` ]?"
_APOSTROPHES = "'\u2019`"
# Name prefixes written with or without an apostrophe or space: O'Brien, D'Arcy, McDonald.
_PREFIXES = ("mac", "mc", "o", "d")


@lru_cache(maxsize=65_536)
def _name_part(word: str) -> str:
    """A name part as a regex: its letters, with an optional apostrophe or space between some.

    The gaps go where the row's own value had an apostrophe and after a prefix (``o'brien``
    finds ``OBrien`` and ``O Brien``): optional characters are costly to compile, so they go
    only where names vary.
    """
    letters = "".join(c for c in word if c not in _APOSTROPHES)
    gaps = {i - n for n, i in enumerate(i for i, c in enumerate(word) if c in _APOSTROPHES)}
    gaps |= {len(p) for p in _PREFIXES if letters.startswith(p) and len(letters) > len(p) + 2}
    return "".join((_GAP if i in gaps else "") + re.escape(c) for i, c in enumerate(letters))


_NAME_GAP = r"[\s\-'\u2019.,]+"


#: A search term: the entity it reports, the literals (separated by spaces) the folded text
#: must all contain for the term to be worth compiling and running (most rows mention few of
#: their identifiers), the regex.
Term = tuple[str, str, str]


@lru_cache(maxsize=65_536)
def _name_terms(values: tuple[str, ...]) -> list[tuple[str, str]]:
    """(regex, key) for one person's names as the row writes them.

    The whole name, the initial with the surname, each value and each part.
    """
    words = [re.split(r"[\s\-.,]+", fold(v)) for v in values]
    split = [[p for p in w if p not in _TITLES and any(c.isalpha() for c in p)] for w in words]
    parts = [p for value in split for p in value]
    plain = [p.translate({ord(c): None for c in _APOSTROPHES}) for p in parts]
    terms: list[tuple[str, str]] = []
    # Keys are the last three letters of names the term needs (an apostrophe or space is
    # rarely among them): of the first and last part for a whole name.
    if len(parts) > 1:
        both = f"{plain[0][-3:]} {plain[-1][-3:]}"
        terms.append((_NAME_GAP.join(map(_name_part, parts)), both))
        rest = _NAME_GAP.join(map(_name_part, parts[1:]))
        terms.append((rf"{re.escape(plain[0][0])}\.?\s+{rest}", plain[-1][-3:]))
    for value in split:
        if len(value) > 1:
            first, last = (
                v.translate({ord(c): None for c in _APOSTROPHES}) for v in value[:: len(value) - 1]
            )
            terms.append((_NAME_GAP.join(map(_name_part, value)), f"{first[-3:]} {last[-3:]}"))
    terms.extend(
        (_name_part(p), k[-3:])
        for p, k in dict(zip(parts, plain, strict=True)).items()
        if len(k) > 1
    )
    return [(rf"{_EDGE_BEFORE}(?:{t}){_EDGE_AFTER}", key) for t, key in terms]


def _date_terms(iso: str) -> list[tuple[str, str]]:
    day = dt.date.fromisoformat(iso)
    d, m, y, yy = day.day, day.month, f"{day.year}", f"{day.year % 100:02d}"
    name = _MONTHS[m - 1]
    month_word = rf"(?:{name}|{name[:3]}|{'sept' if m == 9 else name[:3]})\.?"
    day_text = rf"0?{d}(?:st|nd|rd|th)?"
    numeric_day, numeric_month = rf"0?{d}", rf"0?{m}"
    sep = r"[\s/.\-]+"
    # Each form with the literals it must contain (the day and year digits, and the month's
    # digits or first three letters), so a date is compiled only where it may be.
    terms = [
        (rf"{numeric_day}(?P<s>[/.\-]){numeric_month}(?P=s)(?:{y}|{yy})", f"{yy} {d} {m}"),
        (
            rf"{day_text}(?:\s+of)?[\s\-]+{month_word},?[\s\-]+(?:{y}|'?{yy})",
            f"{yy} {d} {name[:3]}",
        ),
        (rf"{month_word}\s+{day_text},?\s+{y}", f"{y} {d} {name[:3]}"),
        (rf"{y}(?P<s>[/.\-]){numeric_month}(?P=s){numeric_day}", f"{y} {m} {d}"),
        (rf"{y}{m:02d}{d:02d}|{d:02d}{m:02d}{y}", y),
        (rf"{numeric_day}{sep}{numeric_month}{sep}{y}", f"{y} {d} {m}"),
    ]
    edges = _DIGIT_BEFORE + _EDGE_BEFORE, _EDGE_AFTER + _DIGIT_AFTER
    return [(rf"{edges[0]}(?:{t}){edges[1]}", key) for t, key in terms]


def _digits_term(digits: str, *, separators: str = r"[\s\-]?") -> tuple[str, str]:
    return _DIGIT_BEFORE + separators.join(digits) + _DIGIT_AFTER, digits[-2:]


def _phone_terms(e164: str) -> list[tuple[str, str]]:
    national = e164.removeprefix("+44")
    if national == e164:  # not a UK number: its digits as written
        return [_digits_term(e164.lstrip("+"), separators=r"[\s\-()]{0,2}")]
    body = r"[\s\-()]{0,2}".join(national)
    prefix = r"(?:\+\s?44\s?(?:\(0\)\s?)?|\b0044\s?|(?<![0-9+])\(?0)\)?\s?"
    return [(rf"{prefix}{body}{_DIGIT_AFTER}", national[-2:])]


def _words_term(value: str) -> tuple[str, str]:
    words = [w for w in re.split(r"[\s,]+", fold(value)) if w]
    joined = r"[\s,]+".join(map(re.escape, words))
    return rf"{_EDGE_BEFORE}{joined}{_EDGE_AFTER}", words[-1][:3]


# Street types as notes abbreviate them ("12 Mill Ln", "4 Oak Gdns", "9 Elm Terr.").
_STREET_FORMS = {
    "road": "rd", "street": "st|str", "avenue": "ave|av", "lane": "ln", "close": "cl",
    "drive": "dr|drv", "court": "ct", "crescent": "cres|cresc", "place": "pl",
    "gardens": "gdns|gdn|gards", "terrace": "terr|ter|tce", "grove": "gro|gr", "square": "sq",
    "park": "pk", "parade": "pde", "walk": "wlk", "green": "grn", "way": "wy",
}  # fmt: skip


def _address_lines(value: str) -> list[str]:
    """The address and the shorter forms a note writes: without the town, the street line.

    "Flat 12, 227 Rose Terrace, Swansea" also gives "Flat 12, 227 Rose Terrace" and
    "227 Rose Terrace"; a part counts when it holds a number and two words ("Flat 12" alone
    does not). The whole value is always searched for ("Rose Cottage, Mill Lane, Leeds").
    """
    parts = [p.strip() for p in value.split(",") if p.strip()]
    lines = [value, *(", ".join(parts[:k]) for k in range(1, len(parts)))]
    lines += [p for p in parts if re.search(r"\d", p)]
    return [value] + [
        line
        for line in dict.fromkeys(lines[1:])
        if line != value and re.search(r"\d", line) and len(re.findall(r"[^\W\d_]{2,}", line)) >= 2
    ]


def _address_term(value: str) -> tuple[str, str]:
    """An address line with its street type written in full or abbreviated (``12 Mill Ln``)."""
    words = [w for w in re.split(r"[\s,]+", fold(value)) if w]
    parts = [
        rf"(?:{re.escape(w)}|(?:{_STREET_FORMS[w]})\.?)" if w in _STREET_FORMS else re.escape(w)
        for w in words
    ]
    joined = r"[\s,]+".join(parts)
    # The literals the text must hold first: the first two words (a number and a street
    # name, as written whatever the street type), so few rows compile the regex.
    key = " ".join(w[:3] for w in words[:2] if w not in _STREET_FORMS) or words[0][:3]
    return rf"{_EDGE_BEFORE}{joined}{_EDGE_AFTER}", key


def _postcode_term(canonical: str) -> tuple[str, str]:
    outward, inward = fold(canonical).split(" ")
    return rf"{_EDGE_BEFORE}{re.escape(outward)}\s*{re.escape(inward)}{_EDGE_AFTER}", inward


@dataclass(frozen=True, slots=True)
class OwnTerms:
    """One row's own identifiers as search terms (entity, key literal, regex)."""

    terms: tuple[Term, ...]
    names: NameForms | None = None

    def find(self, text: str) -> list[RecognizerResult]:
        """Every place the row's own identifiers occur in ``text``."""
        folded = fold(text)
        found: list[RecognizerResult] = []
        if self.names is not None:
            forms = self.names.find(text, folded)
            found.extend(RecognizerResult("PERSON", s, e, OWN_SCORE) for s, e in forms)
        for entity, key, pattern in self.terms:
            if not all(literal in folded for literal in key.split(" ")):
                continue
            literal = _literal(pattern)
            spans = (
                _literal_spans(folded, literal)
                if literal is not None
                else (m.span() for m in _compile(pattern).finditer(folded))
            )
            found.extend(RecognizerResult(entity, s, e, OWN_SCORE) for s, e in spans if e > s)
        # A forename before the surname is found by its form and by its place: report it once.
        return list({(r.entity_type, r.start, r.end): r for r in found}.values())


_NORMALISED = frozenset(
    {
        Identifier.DATE_OF_BIRTH,
        Identifier.NHS_NUMBER,
        Identifier.CHI_NUMBER,
        Identifier.POSTCODE,
        Identifier.PHONE,
    }
)
_NAMES = frozenset({Identifier.FORENAME, Identifier.SURNAME, Identifier.FULL_NAME})


def _canonical(kind: Identifier, values: pl.Series) -> pl.Series:
    """Values as the terms are built from them.

    Names as the row writes them (the terms vary them); dates, numbers and postcodes in
    canonical form; the rest trimmed.
    """
    text = values.cast(pl.String)
    if kind in _NAMES:
        return text.str.replace_all(r"[0-9]", "")
    if kind is Identifier.DATE_OF_BIRTH:
        # The written day itself, 1 January included (linkage reads that as a placeholder for
        # an unknown day; a note that writes it still names the person); partial dates give
        # no date to find.
        return normalise_date(text).values
    if kind in _NORMALISED:
        return normalise(kind, text).values
    return text.str.strip_chars()


def own_terms(frame: pl.DataFrame, columns: Mapping[str, Identifier]) -> list[OwnTerms]:
    """Each row's own identifiers (from ``columns``: name -> kind) as search terms.

    Args:
        frame: the extract.
        columns: the row's identifier columns and their kinds (kinds outside
            :data:`OWN_ENTITIES`, such as sex, are ignored).

    Returns:
        One :class:`OwnTerms` per row, in row order.
    """
    used = {name: kind for name, kind in columns.items() if kind in OWN_ENTITIES}
    canonical = {
        name: _canonical(kind, frame.get_column(name)).to_list() for name, kind in used.items()
    }
    names = [n for n, k in used.items() if OWN_ENTITIES[k] == "PERSON"]
    rows: list[OwnTerms] = []
    for row in range(frame.height):
        person = [v for n in names if (v := canonical[n][row])]
        found: list[Term] = [("PERSON", key, t) for t, key in _name_terms(tuple(person))]
        forms = _forms(tuple((used[n], canonical[n][row]) for n in names))
        for name, kind in used.items():
            value = canonical[name][row]
            if not value or name in names:
                continue
            found.extend((OWN_ENTITIES[kind], key, t) for t, key in _value_terms(kind, value))
        rows.append(OwnTerms(tuple(found), forms))
    return rows


@lru_cache(maxsize=65_536)
def _forms(values: tuple[tuple[Identifier, str | None], ...]) -> NameForms | None:
    """The row's spoken name forms from its name columns (a full name's first word and rest)."""
    forenames: list[str] = []
    surnames: list[str] = []
    for kind, value in values:
        if not value:
            continue
        folded = fold(value).strip()
        if kind is Identifier.FORENAME:
            forenames.append(folded)
        elif kind is Identifier.SURNAME:
            surnames.append(folded)
        elif " " in folded:
            first, rest = folded.split(" ", 1)
            forenames.append(first)
            surnames.append(rest)
    return name_forms(tuple(forenames), tuple(surnames))


@lru_cache(maxsize=65_536)  # a person's values recur over their rows
def _value_terms(kind: Identifier, value: str) -> list[tuple[str, str]]:
    if kind is Identifier.DATE_OF_BIRTH:
        return _date_terms(value)
    if kind in (Identifier.NHS_NUMBER, Identifier.CHI_NUMBER):
        return [_digits_term(value)]
    if kind is Identifier.POSTCODE:
        return [_postcode_term(value)]
    if kind is Identifier.PHONE:
        return _phone_terms(value)
    folded = fold(value)
    if kind is Identifier.EMAIL:
        return [(rf"(?<![\w.+-]){re.escape(folded)}(?![\w-])", folded[:3])]
    if len(value.strip()) < 3:
        return []
    if kind is Identifier.ADDRESS:
        return [_address_term(line) for line in _address_lines(value)]
    return [_words_term(value)]


@lru_cache(maxsize=65_536)
def _compile(term: str) -> re.Pattern[str]:
    return re.compile(term)


_LITERAL_TERM = re.compile(
    rf"{re.escape(_EDGE_BEFORE)}\(\?:(?P<literal>[^\\.^$*+?{{}}\[\]|()]+)\){re.escape(_EDGE_AFTER)}"
)


@lru_cache(maxsize=65_536)
def _literal(term: str) -> str | None:
    """The literal a term looks for between word edges, when it is no more than that.

    Most terms are a single name part ("baines"): finding them with ``str.find`` spares
    compiling a regex for each person, which dominated row-aware scans.
    """
    match = _LITERAL_TERM.fullmatch(term)
    return None if match is None else match.group("literal")


def _literal_spans(folded: str, literal: str) -> list[tuple[int, int]]:
    """Where ``literal`` occurs with word edges (as the term's regex would match it)."""
    spans: list[tuple[int, int]] = []
    at = folded.find(literal)
    while at >= 0:
        end = at + len(literal)
        # [^\W_] is a letter or digit: the edges are not one.
        if (at == 0 or not folded[at - 1].isalnum()) and (
            end == len(folded) or not folded[end].isalnum()
        ):
            spans.append((at, end))
            at = folded.find(literal, end)
        else:
            at = folded.find(literal, at + 1)
    return spans


__all__ = ["OWN_ENTITIES", "OWN_SCORE", "OwnTerms", "fold", "own_terms"]
