"""The normalisers written once, as SQL (DuckDB's dialect) that every engine runs.

Each rule is a function of the input column's SQL reference returning a :class:`Rule`: steps
of SQL column expressions, each step reading the columns the earlier ones added, ending in a
``value`` column (the canonical text, null where missing or rejected) and a ``reason`` column
(a :class:`~safelink.normalise.constants.Reason`, null where accepted or missing). Naming the
intermediate columns (instead of repeating their SQL) keeps each expression small on every
engine; a ``prefix`` keeps several rules apart on one table.

:func:`apply_rule` runs a rule on any :class:`~safelink.engines.backend.Backend`: polars
locally (:mod:`safelink.normalise.local`, which the token flow runs on every engine), Spark and
DuckDB in the equality tests. The one step SQL cannot do portably, Unicode NFKD with the
combining marks removed (names), is a :class:`Fold` step that the backend performs.

Phone numbers have no rule: they need the ``phonenumbers`` library
(:func:`safelink.normalise.local.normalise_phone`), which the token flow runs on every engine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from safelink.config._generic import GenericNormalise
from safelink.engines.backend import Backend
from safelink.engines.sql import check_portable, literal, quote
from safelink.identifiers import Identifier
from safelink.normalise import constants as c
from safelink.normalise.constants import WS, NhsNumberRange, Reason

_EDGES = f"^[{WS}]+|[{WS}]+$"


@dataclass(frozen=True, slots=True)
class Fold:
    """A step the backend performs: ``target`` is ``source`` in NFKD without combining marks."""

    target: str
    source: str


Step = Mapping[str, str] | Fold
"""Column name -> SQL expression over earlier columns (evaluated together), or a fold."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A normaliser as steps over one table.

    Attributes:
        steps: evaluated in order; each reads the input columns and earlier steps' columns.
        value: the name of the canonical-value column.
        reason: the name of the rejection-reason column.
        scratch: the intermediate columns the steps add (drop them when done).

    """

    steps: tuple[Step, ...]
    value: str
    reason: str
    scratch: tuple[str, ...]


class _Steps:
    """Builds a rule's steps, naming every column with the rule's prefix."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.steps: list[Step] = []

    def add(self, **columns: str) -> tuple[str, ...]:
        """One step adding ``columns``; returns their SQL references, in order."""
        self.steps.append({self.prefix + name: sql for name, sql in columns.items()})
        return tuple(quote(self.prefix + name) for name in columns)

    def fold(self, name: str, source: str) -> str:
        """A fold step from the column named ``source``; returns the new column's reference."""
        self.steps.append(Fold(self.prefix + name, self.prefix + source))
        return quote(self.prefix + name)

    def finish(self, value: str, reason: str) -> Rule:
        """The rule, ending in ``value`` and ``reason`` (SQL expressions) as the last step."""
        self.add(value=value, reason=reason)
        return self.rule()

    def rule(self) -> Rule:
        """The rule whose last step already added ``value`` and ``reason``."""
        names = [n for s in self.steps for n in (s if isinstance(s, Mapping) else [s.target])]
        out = (self.prefix + "value", self.prefix + "reason")
        return Rule(tuple(self.steps), *out, tuple(n for n in names if n not in out))


def matches(sql: str, pattern: str) -> str:
    """SQL: whether ``sql`` matches the regex ``pattern`` (checked portable)."""
    return f"REGEXP_MATCHES({sql}, {literal(check_portable(pattern))})"


def replace_all(sql: str, pattern: str, replacement: str) -> str:
    """SQL: every match of ``pattern`` (checked portable) in ``sql`` replaced by literal text.

    Every engine replaces all matches (DuckDB's ``'g'`` flag; Spark always). An anchored
    pattern matches once, so it also stands for polars' replace-first.
    """
    pattern = check_portable(pattern)
    return f"REGEXP_REPLACE({sql}, {literal(pattern)}, {literal(replacement)}, 'g')"


#: Longest masked shape reported; longer values end in an ellipsis.
SHAPE_LENGTH = 24


def value_shape(sql: str) -> str:
    """SQL: the masked shape of a raw value: digits -> ``9``, letters -> ``A``, spaces -> `` ``.

    ``'NW1 4BX'`` -> ``'AA9 9AA'``; punctuation is kept, so an operator sees why a value was
    rejected (``'999-999-999'``, ``'99/99/9999'``) without seeing the value. Longer than
    :data:`SHAPE_LENGTH` characters, it is cut and ends in ``'…'``.
    """
    text = f"CAST({sql} AS VARCHAR)"
    # Combining marks go first, so that a decomposed accent leaves nothing of its letter.
    bare = replace_all(text, r"\p{M}", "")
    masked = replace_all(replace_all(bare, r"\p{Nd}", "9"), r"\p{L}", "A")
    spaced = replace_all(masked, f"[{WS}]", " ")
    cut = f"SUBSTRING({spaced}, 1, {SHAPE_LENGTH})"
    return f"CASE WHEN LENGTH({spaced}) > {SHAPE_LENGTH} THEN {cut} || '…' ELSE {spaced} END"


def trim(sql: str) -> str:
    """SQL: ``sql`` without leading and trailing Unicode whitespace."""
    return replace_all(sql, _EDGES, "")


def blank(source: str) -> str:
    """SQL: the text trimmed of Unicode whitespace, null where blank (``blank_to_null``)."""
    return f"NULLIF({trim(f'CAST({source} AS VARCHAR)')}, '')"


def _reason(*cases: tuple[str, Reason]) -> str:
    whens = " ".join(f"WHEN {test} THEN {literal(reason.value)}" for test, reason in cases)
    return f"CASE {whens} END"


def _accepted(reason: str, value: str) -> str:
    return f"CASE WHEN {reason} IS NULL THEN {value} END"


def _guarded(present: str, reason: str) -> str:
    """A reason, null where the input is missing."""
    return f"CASE WHEN {present} IS NULL THEN NULL ELSE {reason} END"


# -- NHS and CHI numbers ---------------------------------------------------------------------


@cache
def nhs_number(source: str, prefix: str = "") -> Rule:
    """NHS numbers: 10 ASCII digits, modulus-11 check digit, placeholders rejected."""
    return _ten_digit(source, prefix, chi=False)


@cache
def nhs_range(canonical: str) -> str:
    """SQL: the issuing range (:class:`NhsNumberRange` value) of a canonical 10-digit number.

    010 101 0000-311 299 9999 Scottish CHI; 320 000 0001-399 999 9999 Northern Ireland H&C;
    400-499 and 600-799 England, Wales and Isle of Man; 5xx never issued; 999 test and
    synthetic numbers; anything else unallocated. NULL for NULL.
    """
    number = f"CAST({canonical} AS BIGINT)"
    first = f"CAST(SUBSTRING({canonical}, 1, 3) AS INTEGER)"
    r = NhsNumberRange
    return (
        f"CASE WHEN {canonical} IS NULL THEN NULL"
        f" WHEN {first} = 999 THEN {literal(r.TEST)}"
        f" WHEN {number} BETWEEN 101010000 AND 3112999999 THEN {literal(r.CHI)}"
        f" WHEN {number} BETWEEN 3200000001 AND 3999999999 THEN {literal(r.NORTHERN_IRELAND)}"
        f" WHEN {first} BETWEEN 400 AND 499 OR {first} BETWEEN 600 AND 799"
        f" THEN {literal(r.ENGLAND_WALES_IOM)}"
        f" WHEN {first} BETWEEN 500 AND 599 THEN {literal(r.NEVER_ISSUED)}"
        f" ELSE {literal(r.UNALLOCATED)} END"
    )


#: Ranges an accepted NHS number may fall in that deserve a warning in the run summary.
WARNED_RANGES = (NhsNumberRange.NEVER_ISSUED, NhsNumberRange.UNALLOCATED)


def nhs_warning(canonical: str) -> str:
    """SQL: ``<range>_range`` for an accepted number in a warned range, else NULL."""
    cases = " ".join(f"WHEN {literal(r)} THEN {literal(f'{r}_range')}" for r in WARNED_RANGES)
    return f"CASE {nhs_range(canonical)} {cases} END"


def chi_number(source: str, prefix: str = "") -> Rule:
    """CHI numbers: as NHS numbers, and the first six digits are DDMMYY."""
    return _ten_digit(source, prefix, chi=True)


def _ten_digit(source: str, prefix: str, *, chi: bool) -> Rule:
    steps = _Steps(prefix)
    (digits,) = steps.add(digits=replace_all(blank(source), rf"[{WS}\-]", ""))
    # Integer arithmetic on the whole number; the cast is guarded (every engine raises on
    # text that is not a number).
    (number,) = steps.add(
        number=f"CAST(CASE WHEN {matches(digits, c.TEN_DIGITS)} THEN {digits} "
        "ELSE '0000000000' END AS BIGINT)"
    )
    total = " + ".join(
        f"(({number} // {10 ** (9 - i)}) % 10) * {w}" for i, w in enumerate(c.WEIGHTS)
    )
    (check,) = steps.add(check=f"11 - ({total}) % 11")
    cases = [
        (matches(digits, c.NINE_DIGITS), Reason.LEADING_ZERO_LOST),
        (f"NOT {matches(digits, c.TEN_DIGITS)}", Reason.NOT_10_DIGITS),
        (matches(digits, c.PLACEHOLDER), Reason.PLACEHOLDER),
        (
            f"CASE WHEN {check} = 11 THEN 0 ELSE {check} END <> {number} % 10",
            Reason.BAD_CHECK_DIGIT,
        ),
    ]
    if chi:
        day, month = f"(({number} // 100000000) % 100)", f"(({number} // 1000000) % 100)"
        valid = f"{day} BETWEEN 1 AND 31 AND {month} BETWEEN 1 AND 12"
        cases.append((f"NOT ({valid})", Reason.INVALID_CHI_DATE))
    (reason,) = steps.add(reason=_guarded(digits, _reason(*cases)))
    steps.add(value=_accepted(reason, digits))
    return steps.rule()


# -- National Insurance numbers --------------------------------------------------------------


@cache
def ni_number(source: str, prefix: str = "") -> Rule:
    """National Insurance numbers: ``AB123456C`` with the prefix rules."""
    steps = _Steps(prefix)
    (present,) = steps.add(present=blank(source))
    (compact,) = steps.add(compact=replace_all(f"UPPER({present})", rf"[{WS}\-]", ""))
    bad = ", ".join(map(literal, c.NI_BAD_PREFIXES))
    reason = _reason(
        (f"NOT {matches(compact, c.NI_SHAPE)}", Reason.INVALID_FORMAT),
        (
            f"NOT {matches(compact, c.NI_PATTERN)} OR SUBSTRING({compact}, 1, 2) IN ({bad})",
            Reason.INVALID_PREFIX,
        ),
        (f"NOT {matches(compact, c.NI_SUFFIX)}", Reason.INVALID_SUFFIX),
    )
    (reason_ref,) = steps.add(reason=_guarded(present, reason))
    steps.add(value=_accepted(reason_ref, compact))
    return steps.rule()


# -- names -----------------------------------------------------------------------------------


def name_canonical_steps(steps: _Steps, source: str) -> str:
    """Add the steps giving the canonical form of the text column named ``source``.

    NFKD without accents, upper case, special letters spelt out, apostrophes dropped, other
    punctuation and spaces collapsed to one space, titles and suffixes removed. Returns the
    canonical column's reference.
    """
    folded = steps.fold("folded", source)
    text = f"UPPER({folded})"
    for letter, plain in c.SPECIAL_LETTERS.items():
        text = f"REPLACE({text}, {literal(letter)}, {literal(plain)})"
    # Apostrophes join (O'Brien -> OBRIEN); other punctuation separates parts.
    text = replace_all(text, c.APOSTROPHES, "")
    text = trim(replace_all(text, c.NOT_LETTER_OR_NUMBER, " "))
    text = replace_all(text, rf"^(?:(?:{'|'.join(c.TITLES)})[{WS}]+)+", "")
    text = replace_all(text, rf"^(?:{'|'.join(c.BARE_HONORIFICS)})$", "")
    text = replace_all(text, rf"(?:[{WS}]+(?:{'|'.join(c.SUFFIXES)}))+$", "")
    (canonical,) = steps.add(canonical=text)
    return canonical


@cache
def name_canonical(source: str, prefix: str = "") -> Rule:
    """The canonical form of a name, unchecked (``value``; no ``reason``): for surrogates."""
    steps = _Steps(prefix)
    steps.add(text=f"CAST({source} AS VARCHAR)")
    canonical = name_canonical_steps(steps, "text")
    return steps.finish(canonical, "CAST(NULL AS VARCHAR)")


@cache
def name(source: str, prefix: str = "") -> Rule:
    """Forenames, surnames and full names; values holding digits are rejected."""
    steps = _Steps(prefix)
    (present,) = steps.add(present=blank(source))
    canonical = name_canonical_steps(steps, "present")
    reason = _reason(
        (matches(canonical, c.ANY_DIGIT), Reason.CONTAINS_DIGITS),
        (f"{canonical} = ''", Reason.EMPTY_AFTER_CLEANING),
    )
    (reason_ref,) = steps.add(reason=_guarded(present, reason))
    steps.add(value=_accepted(reason_ref, canonical))
    return steps.rule()


# -- dates of birth --------------------------------------------------------------------------


def _any(sql: str, patterns: tuple[str, ...]) -> str:
    return "(" + " OR ".join(matches(sql, p) for p in patterns) + ")"


def _int(sql: str) -> str:
    return f"TRY_CAST({sql} AS INTEGER)"


@cache
def date_of_birth(
    source: str,
    prefix: str = "",
    *,
    today: dt.date,
    partial: bool = True,
    placeholders: c.BirthDatePlaceholders = c.DEFAULT_BIRTH_DATE_PLACEHOLDERS,
) -> Rule:
    """Dates of birth to ISO: ``YYYY-MM-DD``, or ``YYYY-MM`` and ``YYYY`` when partial.

    A value is read in the one shape it has (the shapes exclude each other), checked as a
    calendar date with integer arithmetic, and compared with ``today`` and 1890-01-01 (a
    partial date by the first day it covers). ``04/03/1975`` is read day first. Year-only
    (``1978``) and year-month (``1978-03``, ``03/1978``) values are partial dates, and so is
    1 January of a year (what systems write when only the year is known): it becomes the year
    alone. The dates systems write for an unknown date of birth (1900-01-01, 1800-01-01) are
    rejected as placeholders. Both lists are ``placeholders``
    (:class:`~safelink.normalise.constants.BirthDatePlaceholders`, the job config's
    ``tokens.unknown_birth_dates`` and ``tokens.year_only_birth_days``).
    ``partial=False`` reads full dates only, without placeholders: for dates that are not
    births (event dates), where 1 January is a real day.
    """
    steps = _Steps(prefix)
    (present,) = steps.add(present=blank(source))
    (plain,) = steps.add(plain=replace_all(present, c.TIME_SUFFIX, ""))
    spaced = f"REPLACE({plain}, '-', ' ')"
    shape, parts = steps.add(
        shape=f"CASE WHEN {_any(plain, c.DAY_FIRST)} THEN 1 "
        f"WHEN {_any(plain, c.YEAR_FIRST)} THEN 2 "
        f"WHEN {matches(plain, c.COMPACT)} THEN 3 "
        f"WHEN {_any(spaced, c.NAMED_MONTH)} THEN 4 "
        + (
            f"WHEN {matches(plain, c.YEAR_ONLY)} THEN 5 "
            f"WHEN {matches(plain, c.YEAR_MONTH)} THEN 6 "
            f"WHEN {matches(plain, c.MONTH_YEAR)} THEN 7 "
            if partial
            else ""
        )
        + "END",
        parts=replace_all(plain, r"[/.\-]", " "),
    )

    def part(index: int) -> str:
        return f"SPLIT_PART({parts}, ' ', {index})"

    word = f"LOWER({part(2)})"
    month_word = " ".join(f"WHEN {literal(w)} THEN {n}" for w, n in c.MONTH_WORDS.items())
    year, month, day = steps.add(
        year=_int(
            f"CASE {shape} WHEN 1 THEN {part(3)} WHEN 2 THEN {part(1)} "
            f"WHEN 3 THEN SUBSTRING({plain}, 1, 4) WHEN 4 THEN {part(3)} "
            f"WHEN 5 THEN {plain} WHEN 6 THEN {part(1)} WHEN 7 THEN {part(2)} END"
        ),
        month=f"CASE WHEN {shape} = 4 THEN CASE {word} {month_word} END ELSE "
        + _int(
            f"CASE {shape} WHEN 3 THEN SUBSTRING({plain}, 5, 2) WHEN 5 THEN NULL "
            f"WHEN 7 THEN {part(1)} ELSE {part(2)} END"
        )
        + " END",
        day=_int(
            f"CASE {shape} WHEN 1 THEN {part(1)} WHEN 2 THEN {part(3)} "
            f"WHEN 3 THEN SUBSTRING({plain}, 7, 2) WHEN 4 THEN {part(1)} END"
        ),
    )
    leap = f"(({year} % 4 = 0 AND {year} % 100 <> 0) OR {year} % 400 = 0)"
    days = (
        f"CASE WHEN {month} = 2 THEN CASE WHEN {leap} THEN 29 ELSE 28 END "
        f"WHEN {month} IN (4, 6, 9, 11) THEN 30 ELSE 31 END"
    )
    year_only = " OR ".join(f"({month} = {m} AND {day} = {d})" for m, d in placeholders.year_only)
    # A partial date is checked by the first day it covers.
    ymd, known = steps.add(
        ymd=f"CASE WHEN {shape} >= 5 THEN CASE WHEN COALESCE({month}, 1) BETWEEN 1 AND 12 "
        f"THEN {year} * 10000 + COALESCE({month}, 1) * 100 + 1 END "
        f"WHEN {month} BETWEEN 1 AND 12 AND {day} BETWEEN 1 AND {days} "
        f"THEN {year} * 10000 + {month} * 100 + {day} END",
        # How much of the date is known: 1 the year, 2 the year and month, 3 all of it.
        known=f"CASE WHEN {shape} = 5 THEN 1 WHEN {shape} IN (6, 7) THEN 2 "
        + (f"WHEN {year_only} THEN 1 " if year_only else "")
        + "ELSE 3 END"
        if partial
        else "3",
    )
    unknown = ", ".join(str(_ymd(d)) for d in placeholders.unknown)
    placeholder = f"{shape} <= 4 AND {ymd} IN ({unknown})" if partial and unknown else "FALSE"
    reason = _reason(
        (matches(present, c.TWO_DIGIT_YEAR), Reason.AMBIGUOUS_YEAR),
        (f"{shape} IS NULL", Reason.UNRECOGNISED_DATE),
        (f"{ymd} IS NULL", Reason.IMPOSSIBLE_DATE),
        (placeholder, Reason.PLACEHOLDER),
        (f"{ymd} > {_ymd(today)}", Reason.FUTURE_DATE),
        (f"{ymd} < {_ymd(c.EARLIEST_BIRTH)}", Reason.IMPLAUSIBLE_DATE),
    )
    (reason_ref,) = steps.add(reason=_guarded(present, reason))
    digits = f"CAST({ymd} AS VARCHAR)"
    iso = (
        f"SUBSTRING({digits}, 1, 4) || '-' || SUBSTRING({digits}, 5, 2) || '-' || "
        f"SUBSTRING({digits}, 7, 2)"
    )
    kept = f"SUBSTRING({iso}, 1, CASE {known} WHEN 1 THEN 4 WHEN 2 THEN 7 ELSE 10 END)"
    steps.add(value=_accepted(reason_ref, kept))
    return steps.rule()


DOB_PARTS = {"year": (1, 4), "month": (6, 2), "day": (9, 2)}
"""Date-of-birth part -> (1-based start, length) in the canonical ISO text."""


def dob_full(canonical: str) -> str:
    """SQL: a canonical date of birth when it is a full date, else NULL (partial dates)."""
    return f"CASE WHEN LENGTH({canonical}) = 10 THEN {canonical} END"


def dob_part(canonical: str, part: str) -> str:
    """SQL: one part (``year``, ``month``, ``day``) of a canonical date of birth.

    NULL where the date does not hold the part: ``1978-03`` has no day, ``1978`` no month.
    """
    start, length = DOB_PARTS[part]
    return (
        f"CASE WHEN LENGTH({canonical}) >= {start + length - 1} "
        f"THEN SUBSTRING({canonical}, {start}, {length}) END"
    )


#: What joins the parts of a composite token's value (never in a canonical value).
COMPOSITE_SEPARATOR = "|"


def composite(parts: Sequence[str]) -> str:
    """SQL: the value of a composite token, its parts' values joined; NULL if any part is.

    ``1978|03`` for a date of birth's year and month: keyed as one token, it has the
    cardinality of the pair, not of each part (:mod:`safelink.normalise.composite`).
    """
    present = " AND ".join(f"{p} IS NOT NULL" for p in parts)
    joined = f" || '{COMPOSITE_SEPARATOR}' || ".join(parts)
    return f"CASE WHEN {present} THEN {joined} END"


#: Warnings of accepted dates of birth that are partial, by how much of the date is known.
PARTIAL_DATE_WARNINGS = {4: "partial_year", 7: "partial_year_month"}


def dob_warning(canonical: str) -> str:
    """SQL: ``partial_year`` / ``partial_year_month`` for an accepted partial date, else NULL."""
    cases = " ".join(f"WHEN {n} THEN {literal(w)}" for n, w in PARTIAL_DATE_WARNINGS.items())
    return f"CASE LENGTH({canonical}) {cases} END"


def _ymd(date: dt.date) -> int:
    return date.year * 10000 + date.month * 100 + date.day


# -- postcodes -------------------------------------------------------------------------------


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


# -- sex, e-mail, text -----------------------------------------------------------------------


@cache
def sex(source: str, prefix: str = "") -> Rule:
    """Sex and gender codes to the NHS data dictionary codes (``1``, ``2``, ``9``, ``X``)."""
    steps = _Steps(prefix)
    (present,) = steps.add(present=blank(source))
    (key,) = steps.add(key=replace_all(f"UPPER({present})", f"[{WS}]+", " "))
    codes = " ".join(f"WHEN {literal(k)} THEN {literal(v)}" for k, v in c.SEX_CODES.items())
    (value,) = steps.add(value=f"CASE {key} {codes} END")
    steps.add(reason=_guarded(present, _reason((f"{value} IS NULL", Reason.UNKNOWN_CODE))))
    return steps.rule()


@cache
def email(source: str, prefix: str = "") -> Rule:
    """E-mail addresses: trimmed and lower case, with a basic shape check."""
    steps = _Steps(prefix)
    (present,) = steps.add(present=blank(source))
    (lowered,) = steps.add(lowered=f"LOWER({present})")
    reason = _reason((f"NOT {matches(lowered, c.EMAIL)}", Reason.INVALID_EMAIL))
    (reason_ref,) = steps.add(reason=_guarded(present, reason))
    steps.add(value=_accepted(reason_ref, lowered))
    return steps.rule()


@cache
def text(source: str, prefix: str = "") -> Rule:
    """Identifiers without special rules: trimmed, upper case, runs of whitespace one space."""
    steps = _Steps(prefix)
    value = replace_all(f"UPPER({blank(source)})", f"[{WS}]+", " ")
    return steps.finish(value, "CAST(NULL AS VARCHAR)")


@cache
def uprn(source: str, prefix: str = "") -> Rule:
    """UPRNs: 1 to 12 digits, spreadsheet damage repaired or refused.

    Spaces and thousands separators are removed and a trailing ``.0`` (a spreadsheet's number
    format) is repaired; scientific notation (``1.00023E+11``) is refused with its own reason,
    since its last digits may be lost: re-export the column as text.
    """
    steps = _Steps(prefix)
    (present,) = steps.add(present=blank(source))
    (compact,) = steps.add(compact=replace_all(present, f"[{WS},]+", ""))
    (repaired,) = steps.add(repaired=replace_all(compact, r"[.]0+$", ""))
    reason = _reason(
        (matches(compact, c.SCIENTIFIC), Reason.SCIENTIFIC_NOTATION),
        (f"NOT {matches(repaired, c.UPRN)}", Reason.INVALID_FORMAT),
    )
    (reason_ref,) = steps.add(reason=_guarded(present, reason))
    steps.add(value=_accepted(reason_ref, repaired))
    return steps.rule()


# -- addresses -------------------------------------------------------------------------------


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


# -- passports, driving licences, vehicle registrations -------------------------------------


def _compact(steps: _Steps, source: str) -> tuple[str, str]:
    """(present, compact): the value trimmed, and upper case without spaces or hyphens."""
    (present,) = steps.add(present=blank(source))
    (compact,) = steps.add(compact=replace_all(f"UPPER({present})", rf"[{WS}\-]", ""))
    return present, compact


def _shaped(source: str, prefix: str, *, valid: str, invalid: str | None = None) -> Rule:
    """Compact upper case, accepted when it matches ``valid`` (and not ``invalid``)."""
    steps = _Steps(prefix)
    present, compact = _compact(steps, source)
    test = f"NOT {matches(compact, valid)}"
    if invalid is not None:
        test += f" OR {matches(compact, invalid)}"
    (reason_ref,) = steps.add(reason=_guarded(present, _reason((test, Reason.INVALID_FORMAT))))
    steps.add(value=_accepted(reason_ref, compact))
    return steps.rule()


@cache
def passport_number(source: str, prefix: str = "") -> Rule:
    """UK passport numbers: ``123456789`` or ``AB1234567``, not one repeated digit."""
    return _shaped(source, prefix, valid=c.PASSPORT, invalid=c.PASSPORT_REPEATED)


@cache
def driving_licence(source: str, prefix: str = "") -> Rule:
    """UK (DVLA) driving licence numbers: the shape, and a real month and day of birth."""
    steps = _Steps(prefix)
    present, compact = _compact(steps, source)
    shaped = matches(compact, c.DRIVING_LICENCE)
    coded = f"CAST(CASE WHEN {shaped} THEN SUBSTRING({compact}, 7, 2) ELSE '01' END AS INTEGER)"
    (month,) = steps.add(month=f"CASE WHEN {coded} > 50 THEN {coded} - 50 ELSE {coded} END")
    day = f"CAST(CASE WHEN {shaped} THEN SUBSTRING({compact}, 9, 2) ELSE '01' END AS INTEGER)"
    longest = " ".join(f"WHEN {m} THEN {n}" for m, n in enumerate(c.DAYS_IN_MONTH, 1))
    reason = _reason(
        (f"NOT {shaped}", Reason.INVALID_FORMAT),
        (
            f"NOT ({month} BETWEEN 1 AND 12) OR {day} < 1 OR {day} > CASE {month} {longest} END",
            Reason.IMPOSSIBLE_DATE,
        ),
    )
    (reason_ref,) = steps.add(reason=_guarded(present, reason))
    steps.add(value=_accepted(reason_ref, compact))
    return steps.rule()


@cache
def vehicle_registration(source: str, prefix: str = "") -> Rule:
    """UK vehicle registration marks (current, prefix and suffix formats), without spaces."""
    return _shaped(source, prefix, valid=c.VEHICLE_REGISTRATION)


# -- every kind ------------------------------------------------------------------------------

RuleMaker = Callable[[str, str], Rule]

RULES: dict[Identifier, RuleMaker] = {
    Identifier.NHS_NUMBER: nhs_number,
    Identifier.CHI_NUMBER: chi_number,
    Identifier.NI_NUMBER: ni_number,
    Identifier.FORENAME: name,
    Identifier.SURNAME: name,
    Identifier.FULL_NAME: name,
    Identifier.POSTCODE: postcode,
    Identifier.SEX: sex,
    Identifier.EMAIL: email,
    Identifier.ADDRESS: address,
    Identifier.UPRN: uprn,
    Identifier.HOSPITAL_NUMBER: text,
    Identifier.PASSPORT_NUMBER: passport_number,
    Identifier.DRIVING_LICENCE: driving_licence,
    Identifier.VEHICLE_REGISTRATION: vehicle_registration,
}
"""Identifier kind -> rule, for every kind but dates of birth (see :func:`rule_for`) and phone
numbers (no rule: ``phonenumbers`` is Python)."""

SQL_KINDS = frozenset(RULES) | {Identifier.DATE_OF_BIRTH, Identifier.OTHER}
"""The identifier kinds with a SQL rule (every kind but phone numbers)."""


def rule_for(
    kind: Identifier,
    source: str,
    prefix: str = "",
    *,
    today: dt.date,
    placeholders: c.BirthDatePlaceholders = c.DEFAULT_BIRTH_DATE_PLACEHOLDERS,
    generic: GenericNormalise | None = None,
) -> Rule:
    """The rule for ``kind`` on the column ``source`` (a SQL reference).

    ``today`` and ``placeholders`` are read by the date-of-birth rule only, ``generic`` (the
    column's declared steps; default trimmed, upper case) by ``kind: other`` only.

    Raises:
        KeyError: ``kind`` has no SQL rule (phone numbers).
    """
    if kind is Identifier.DATE_OF_BIRTH:
        return date_of_birth(source, prefix, today=today, placeholders=placeholders)
    if kind is Identifier.OTHER:
        from safelink.normalise.generic import generic as generic_rule  # it builds on this module

        return generic_rule(source, prefix, generic or GenericNormalise())
    return RULES[kind](source, prefix)


def apply_rule(backend: Backend, table: Any, rule: Rule) -> Any:
    """``table`` with the rule's columns added on ``backend`` (scratch columns included)."""
    for step in rule.steps:
        if isinstance(step, Fold):
            table = backend.fold_accents(table, {step.target: step.source})
        else:
            table = backend.with_columns(table, step)
    return table
