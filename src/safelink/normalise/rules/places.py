"""Postcodes (Royal Mail rules, sector, district) and addresses (canonical text, token parts)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from safelink.engines.sql import literal
from safelink.normalise import constants as c
from safelink.normalise.constants import WS, Reason
from safelink.normalise.rules.sql import (
    Rule,
    _accepted,
    _guarded,
    _reason,
    _Steps,
    blank,
    matches,
    replace_all,
    trim,
)


@cache
def postcode(source: str, prefix: str = "") -> Rule:
    """Postcodes: upper case, one space before the inward code."""
    steps = _Steps(prefix)
    (present,) = steps.add(present=blank(source))
    (compact,) = steps.add(compact=replace_all(f"UPPER({present})", f"[{WS}]+", ""))
    reason = _reason((f"NOT {matches(compact, c.POSTCODE)}", Reason.INVALID_FORMAT))
    (reason_ref,) = steps.add(reason=_guarded(present, reason))
    outward = f"SUBSTRING({compact}, 1, LENGTH({compact}) - 3)"
    steps.add(value=_accepted(reason_ref, f"{outward} || ' ' || RIGHT({compact}, 3)"))
    return steps.rule()


def postcode_district(canonical: str) -> str:
    """SQL: the outward code (district) of a canonical postcode, ``SW1A 1AA`` -> ``SW1A``."""
    return f"SPLIT_PART({canonical}, ' ', 1)"


def postcode_sector(canonical: str) -> str:
    """SQL: the sector of a canonical postcode, ``SW1A 1AA`` -> ``SW1A 1``."""
    return f"SUBSTRING({canonical}, 1, LENGTH({canonical}) - 2)"


def _words_pattern(words: tuple[str, ...]) -> str:
    """A regex alternation of whole words or phrases (spaces between words: one or more)."""
    ordered = sorted(words, key=len, reverse=True)  # the longest phrase first
    return "|".join(w.replace(" ", " +") for w in ordered)


def _chained(
    steps: _Steps, name: str, sql: str, wrappers: list[Callable[[str], str]], every: int = 6
) -> str:
    """Apply ``wrappers`` to ``sql`` in turn, a step every ``every`` (keeps the SQL shallow)."""
    for start in range(0, len(wrappers), every):
        for wrap in wrappers[start : start + every]:
            sql = wrap(sql)
        (sql,) = steps.add(**{f"{name}{start // every}": sql})
    return sql


def _replacer(pattern: str, replacement: str) -> Callable[[str], str]:
    return lambda sql: replace_all(sql, pattern, replacement)


def _replacer_text(text: str, replacement: str) -> Callable[[str], str]:
    return lambda sql: f"REPLACE({sql}, {literal(text)}, {literal(replacement)})"


@cache
def address(source: str, prefix: str = "") -> Rule:
    """Addresses: one canonical spelling, so the ways one address is written agree.

    NFKD without accents, upper case, apostrophes dropped, other punctuation a space; flat
    and floor designators (``Flat``, ``FL``, ``Apt``, ``Unit``, ``Ground Floor Flat``, ``GFF``)
    become ``FLAT <n>`` or ``FLAT GROUND``; street types are spelt out (``RD`` ``ROAD``,
    ``GR`` ``GROVE``, ``GDNS`` ``GARDENS``, ...; ``ST`` is ``SAINT`` after a house number or
    at the start, else ``STREET``); ``Cnr``/``Corner of`` is ``CORNER``; a full postcode at
    the end is written as the postcode rule writes it. ``Flat 1, 21 Ash Gr. London NW23LN``
    becomes ``FLAT 1 21 ASH GROVE LONDON NW2 3LN``. A value with no letter or digit is
    rejected. The parts (house number, street, postcode) are :func:`address_parts`.
    """
    steps = _Steps(prefix)
    (present,) = steps.add(present=blank(source))
    folded = steps.fold("folded", "present")
    text = f"REPLACE(UPPER({folded}), '&', ' AND ')"
    for letter, plain in c.SPECIAL_LETTERS.items():
        text = f"REPLACE({text}, {literal(letter)}, {literal(plain)})"
    text = replace_all(text, c.APOSTROPHES, "")
    # Every word between two spaces of its own, so that neighbouring words both match ' W '.
    text = replace_all(text, c.NOT_LETTER_OR_NUMBER, "  ")
    (spaced,) = steps.add(spaced=f"'  ' || {text} || '  '")
    wrappers = [
        _replacer(f" (?:{_words_pattern(phrases)}) ", f"  {canonical}  ")
        for canonical, phrases in c.ADDRESS_PHRASES.items()
    ] + [
        _replacer(f" (?:{_words_pattern(words)}) ", f" {canonical} ")
        for canonical, words in c.ADDRESS_WORDS.items()
    ]
    # ST after a house number, or first, is a saint (21 St John's Road); elsewhere a street.
    wrappers += [_replacer_text(f"{d}  ST  ", f"{d}  SAINT  ") for d in "0123456789"]
    wrappers += [_replacer("^ +ST ", " SAINT "), _replacer(" ST ", " STREET ")]
    text = _chained(steps, "mapped", spaced, wrappers)
    (words,) = steps.add(words=trim(replace_all(text, " +", " ")))
    (body,) = steps.add(body=trim(replace_all(words, c.ADDRESS_POSTCODE, "")))
    (compact,) = steps.add(
        compact=replace_all(f"SUBSTRING({words}, LENGTH({body}) + 1, LENGTH({words}))", " ", "")
    )
    outward = f"SUBSTRING({compact}, 1, LENGTH({compact}) - 3)"
    written = f"{outward} || ' ' || RIGHT({compact}, 3)"
    valid = f"{compact} <> '' AND {matches(compact, c.POSTCODE)}"
    joined = trim(f"{body} || ' ' || {written}")
    (canonical,) = steps.add(canonical=f"CASE WHEN {valid} THEN {joined} ELSE {words} END")
    reason = _reason((f"{canonical} = ''", Reason.EMPTY_AFTER_CLEANING))
    (reason_ref,) = steps.add(reason=_guarded(present, reason))
    steps.add(value=_accepted(reason_ref, canonical))
    return steps.rule()


ADDRESS_PARTS = ("number_street", "number_postcode", "street")
"""The parts :func:`address_parts` derives from a canonical address, in token order."""


@cache
def address_parts(canonical: str, prefix: str = "", postcode_column: str | None = None) -> Rule:
    """The parts of a canonical address (:func:`address`), as steps over its column.

    Adds ``number_street`` (the house number without its letter and the street without
    spaces: ``21 ASHGROVE`` for ``FLAT 1 21 ASH GROVE``, ``21A ASH GROVE`` and
    ``21 ASHGROVE``), ``number_postcode`` (``21 NW2 3LN``: the house number and the full
    postcode the address ends with, else the canonical postcode in ``postcode_column``, a SQL
    reference, when one is given) and ``street`` (``ASHGROVE``). The house number is the
    first number after any flat (``FLAT 1``, ``FLAT GROUND``) and house name; the street is
    the words after it up to the first street type (``ROAD``, ``GROVE``, ... but not the
    street's first word: ``GROVE ROAD``), or its first word (two after ``SAINT``, ``THE``,
    ...) when no type follows. An address with no house number (``ROSE COTTAGE``), or on a
    corner (``CORNER ELM GROVE AND ASH GROVE``), has no parts: without a gazetteer it names
    no one building. The rule's ``value`` is ``number_street`` and its ``reason`` is always
    null.
    """
    steps = _Steps(prefix)
    (padded,) = steps.add(padded=f"' ' || {canonical} || ' '")
    unflat = replace_all(padded, " FLAT [^ ]+ ", " ")
    without_postcode = replace_all(padded, c.ADDRESS_POSTCODE, "")
    lead, postcode = steps.add(
        # A corner names two streets and no building.
        lead=f"CASE WHEN NOT {matches(padded, ' CORNER ')} "
        f"THEN {replace_all(unflat, '^(?: [A-Z][^ ]*)* ', ' ')} END",
        postcode=trim(f"SUBSTRING({padded}, LENGTH({without_postcode}) + 1, LENGTH({padded}))"),
    )
    if postcode_column is not None:
        # The address's own postcode first, when it is one; else the extract's postcode column.
        own = matches(f"REPLACE({postcode}, ' ', '')", c.POSTCODE)
        (postcode,) = steps.add(
            postcode_or_column=f"CASE WHEN {own} THEN {postcode} ELSE {postcode_column} END"
        )
    first_word = f"SPLIT_PART({lead}, ' ', 2)"
    numbered = matches(first_word, c.HOUSE_NUMBER)
    (word,) = steps.add(word=f"CASE WHEN {numbered} THEN {first_word} END")
    after = replace_all(
        f"SUBSTRING({lead}, LENGTH({word}) + 2, LENGTH({lead}))", c.ADDRESS_POSTCODE, " "
    )
    (number, after_ref) = steps.add(number=replace_all(word, "[A-Z]$", ""), after=after)
    (first,) = steps.add(first=f"SPLIT_PART({after_ref}, ' ', 2)")
    (rest,) = steps.add(rest=f"SUBSTRING({after_ref}, LENGTH({first}) + 2, LENGTH({after_ref}))")
    marked_ref = _chained(
        steps,
        "marked",
        rest,
        [_replacer_text(f" {t} ", f" {t} |") for t in c.STREET_TYPES],
        every=12,
    )
    (segment,) = steps.add(segment=f"SPLIT_PART({marked_ref}, '|', 1)")
    prefixes = ", ".join(map(literal, c.STREET_PREFIXES))
    untyped = (
        f"CASE WHEN {first} IN ({prefixes}) "
        f"THEN {first} || ' ' || SPLIT_PART({rest}, ' ', 2) ELSE {first} END"
    )
    street = (
        f"CASE WHEN LENGTH({segment}) < LENGTH({marked_ref}) "
        f"THEN {first} || {segment} ELSE {untyped} END"
    )
    (street_ref,) = steps.add(
        street=f"CASE WHEN {number} IS NOT NULL THEN NULLIF(REPLACE({street}, ' ', ''), '') END"
    )
    postcode_valid = matches(f"REPLACE({postcode}, ' ', '')", c.POSTCODE)
    (number_street,) = steps.add(
        number_postcode=f"CASE WHEN {postcode_valid} THEN {number} || ' ' || {postcode} END",
        number_street=f"{number} || ' ' || {street_ref}",
    )[1:]
    return steps.finish(number_street, "CAST(NULL AS VARCHAR)")


def address_part_column(rule: Rule, part: str) -> str:
    """The column name of one of :data:`ADDRESS_PARTS` in an :func:`address_parts` rule."""
    if part not in ADDRESS_PARTS:
        raise KeyError(part)
    return rule.value.removesuffix("value") + part
