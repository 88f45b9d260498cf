"""Direct identifiers in single values: NHS, CHI and NI numbers, email addresses, phone numbers.

The column classifier (:mod:`safelink.detect.columns`) judges a whole column by the share of
sampled values that match, which suits names and addresses but passes a column in which only
some values are, say, NHS numbers. This scan reads every value and finds these identifiers
wherever they are: bare, formatted (``999 973 9849``, ``999-973-9849``) or inside other text
(``NHS no 999 973 9849``, ``nhsno9999739849``).

It runs in two vectorised stages, so a million rows cost a fraction of a second:

1. one regular expression per text column (all families as one alternation, run by polars on
   every value, no Python loop over rows) marks the values that may hold an identifier;
2. only in marked values, each family's candidates are extracted and checked with the
   validators the recognisers use (:mod:`safelink.detect.recognisers`: modulus 11, the NHS and
   CHI issuing ranges, the CHI date prefix, the NI prefix rules, phone number metadata, the
   email shape). Clean data have no marked values, so this stage costs nothing on them.

Digit runs must be whole: not next to another digit, a hex letter (``a-f``) or ``_``. So a digit
run inside a hex token, a record id or a pseudonym (``p_`` + hex), or inside a longer number,
is never a candidate, while a number glued to a word (``NHSno9999739849``) is. Integer columns,
and float or decimal columns holding whole numbers, are read as their digits: an NHS number
stored as an ``int64`` counts.

Findings name the column, the kind and how many values hold it: never a value.

Example:
    >>> import polars as pl
    >>> frame = pl.DataFrame({"note": ["NHS no 999 973 9849", "seen 2024-03-01"]})
    >>> [f.describe() for f in scan_values(frame)]
    ["1 value(s) in column 'note' hold an NHS number"]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import polars as pl

from safelink.detect.recognisers import (
    chi_number_valid,
    driving_licence_valid,
    email_valid,
    nhs_number_valid,
    ni_number_valid,
    phone_valid,
)
from safelink.identifiers import Identifier

__all__ = ["MARK_PATTERN", "VALUE_KINDS", "ValueFinding", "scan_values"]

#: The kinds this scan looks for, with the words used in a finding.
VALUE_KINDS: dict[Identifier, str] = {
    Identifier.NHS_NUMBER: "an NHS number",
    Identifier.CHI_NUMBER: "a CHI number",
    Identifier.NI_NUMBER: "a National Insurance number",
    Identifier.EMAIL: "an email address",
    Identifier.PHONE: "a phone number",
    Identifier.DRIVING_LICENCE: "a driving licence number",
}

# Each family has two forms of its pattern that accept the same candidates:
# * the mark form, run on every value, spells its edges as character classes, which keeps the
#   regex on the fast DFA path (an assertion such as \b costs about 8x on hex-heavy columns);
# * the extract form, run only on marked values, uses ASCII word edges (\b), which consume
#   nothing, so adjacent candidates ("1234567890 9999739849") are all extracted.
# Digit runs are bounded by "not a digit, hex letter or _": the extract form gets the same
# edges by first splitting other letters from digits (_split_letters) and then using \b.
_START = r"(?:^|[^0-9A-Fa-f_])"
_END = r"(?:$|[^0-9A-Fa-f_])"
_WORD_START = r"(?:^|[^0-9A-Za-z_])"
_WORD_END = r"(?:$|[^0-9A-Za-z_])"
_EDGE = r"(?-u:\b)"
_SEP = r"[ \x{a0}\-]"  # space, no-break space or hyphen between digit groups

_TEN_DIGITS = rf"[0-9]{{3}}{_SEP}?[0-9]{{3}}{_SEP}?[0-9]{{4}}"  # 10, 3-3-4, 6-4 or 3-7
_NI = r"[A-Za-z]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-Da-d]"  # QQ 12 34 56 C
_LICENCE = r"[A-Za-z][A-Za-z9]{4} ?[0-9]{6} ?[A-Za-z][A-Za-z9][A-Za-z0-9][A-Za-z]{2}"  # DVLA
_PHONE_TAIL = r"[1-9][0-9]{1,4}\)?[ \-]?[0-9]{3,4}[ \-]?[0-9]{3,4}"  # after 0, +44 or 0044
_EMAIL = r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}"

_TEXT_TYPES = (pl.String, pl.Categorical, pl.Enum)
_TEN_DIGIT_LOW, _TEN_DIGIT_HIGH = 1_000_000_000, 9_999_999_999

Validator = Callable[[pl.Series], pl.Series]


@dataclass(frozen=True, slots=True)
class ValueFinding:
    """How many values of one column hold one kind of direct identifier.

    Attributes:
        column: the column.
        kind: the identifier found (a key of :data:`VALUE_KINDS`).
        values: how many values hold at least one (a value holding two counts once).
    """

    column: str
    kind: Identifier
    values: int

    def describe(self) -> str:
        """One line naming the column, the count and the kind (never a value)."""
        return f"{self.values} value(s) in column {self.column!r} hold {VALUE_KINDS[self.kind]}"


@dataclass(frozen=True, slots=True)
class _Family:
    """One kind of candidate: how to mark it, extract it, and validate it."""

    mark: str
    extract: str
    kinds: tuple[tuple[Identifier, Validator], ...]
    split_letters: bool = False
    prepare: Callable[[pl.Series], pl.Series] | None = None


def _split_letters(text: pl.Series) -> pl.Series:
    """Put a space between a digit and a non-hex letter, so a word edge bounds the digits."""
    text = text.str.replace_all(r"([G-Zg-z])([0-9])", "${1} ${2}")
    return text.str.replace_all(r"([0-9])([G-Zg-z])", "${1} ${2}")


def _digits_only(candidates: pl.Series) -> pl.Series:
    return candidates.str.replace_all(r"[^0-9]", "")


def _open_bracket_dropped(candidates: pl.Series) -> pl.Series:
    # "(0113) 496 0000" is extracted with its bracket; the phone validator wants a digit first.
    return candidates.str.strip_prefix("(")


def _ten_digit_valid(candidates: pl.Series) -> pl.Series:
    digits = _digits_only(candidates)
    return nhs_number_valid(digits) | chi_number_valid(digits)


def _phone_not_ten_digit(candidates: pl.Series) -> pl.Series:
    # A CHI number for days 1-9 (0101801238) is also a possible 01 phone number: call it CHI.
    return phone_valid(candidates) & ~_ten_digit_valid(candidates)


_TEN_DIGIT_FAMILY = _Family(
    mark=rf"{_START}{_TEN_DIGITS}{_END}",
    extract=rf"{_EDGE}{_TEN_DIGITS}{_EDGE}",
    # The two validators split by issuing range, so a number is one kind or neither.
    kinds=((Identifier.NHS_NUMBER, nhs_number_valid), (Identifier.CHI_NUMBER, chi_number_valid)),
    split_letters=True,
    prepare=_digits_only,
)
_FAMILIES = (
    _TEN_DIGIT_FAMILY,
    _Family(
        mark=rf"{_WORD_START}{_NI}{_WORD_END}",
        extract=rf"{_EDGE}{_NI}{_EDGE}",
        kinds=((Identifier.NI_NUMBER, ni_number_valid),),
    ),
    _Family(
        mark=rf"(?:\+44 ?(?:\(0\) ?)?|{_START}(?:0044 ?|0)){_PHONE_TAIL}{_END}",
        extract=rf"(?:\+44 ?(?:\(0\) ?)?|{_EDGE}0044 ?|\(?{_EDGE}0){_PHONE_TAIL}{_EDGE}",
        kinds=((Identifier.PHONE, _phone_not_ten_digit),),
        split_letters=True,
        prepare=_open_bracket_dropped,
    ),
    _Family(
        mark=rf"{_WORD_START}{_LICENCE}{_WORD_END}",
        extract=rf"{_EDGE}{_LICENCE}{_EDGE}",
        kinds=((Identifier.DRIVING_LICENCE, driving_licence_valid),),
    ),
    _Family(
        mark="@",
        extract=rf"{_EMAIL}{_EDGE}",
        kinds=((Identifier.EMAIL, email_valid),),
    ),
)
#: Marks a text value that may hold any of the identifiers (stage 1, every value).
MARK_PATTERN = "|".join(f"(?:{f.mark})" for f in _FAMILIES)


def _mark(name: str, dtype: pl.DataType) -> pl.Expr | None:
    """The stage-1 expression for one column, or None for a type that cannot hold these."""
    if dtype in _TEXT_TYPES:
        return pl.col(name).cast(pl.String).str.contains(MARK_PATTERN).fill_null(False)
    if not dtype.is_numeric():
        return None
    number = pl.col(name) if dtype.is_integer() else pl.col(name).cast(pl.Float64)
    mask = number.is_between(_TEN_DIGIT_LOW, _TEN_DIGIT_HIGH)
    if not dtype.is_integer():
        mask = mask & (number == number.floor())
    return mask.fill_null(False)


def _count(candidates: pl.DataFrame, family: _Family, column: str) -> list[ValueFinding]:
    """Count, per kind, the distinct rows with a candidate that passes the kind's validator."""
    values = candidates.get_column("candidate")
    if family.prepare is not None:
        values = family.prepare(values)
    out = []
    for kind, valid in family.kinds:
        rows = candidates.get_column("row").filter(valid(values).fill_null(False)).n_unique()
        if rows:
            out.append(ValueFinding(column, kind, int(rows)))
    return out


def _text_findings(text: pl.Series, column: str) -> list[ValueFinding]:
    """Stage 2 for the marked values of a text column: extract, validate, count."""
    marked = pl.DataFrame({"text": text}).with_row_index("row")
    split: pl.DataFrame | None = None
    findings: list[ValueFinding] = []
    for family in _FAMILIES:
        source = marked
        if family.split_letters:
            if split is None:
                split = marked.with_columns(_split_letters(marked.get_column("text")))
            source = split
        candidates = (
            source.select("row", pl.col("text").str.extract_all(family.extract).alias("candidate"))
            .explode("candidate")
            .drop_nulls("candidate")
        )
        if candidates.height:
            findings += _count(candidates, family, column)
    return findings


def scan_values(frame: pl.DataFrame, *, columns: Sequence[str] | None = None) -> list[ValueFinding]:
    """Find NHS, CHI and NI numbers, email addresses and phone numbers in every value.

    Text columns (string, categorical, enum) are searched for each identifier anywhere in a
    value; integer columns, and float or decimal columns holding whole numbers, are checked
    as NHS and CHI numbers. Other types (dates, booleans, nested) are not read.

    Args:
        frame: the table to scan.
        columns: the columns to scan (default: all of them).

    Returns:
        One :class:`ValueFinding` per column and kind found, in column order; empty when none.

    Example:
        >>> import polars as pl
        >>> scan_values(pl.DataFrame({"n": [9999739849, 42]}))[0].describe()
        "1 value(s) in column 'n' hold an NHS number"
    """
    wanted = set(frame.columns if columns is None else columns)
    marks = {
        name: expr
        for name, dtype in frame.schema.items()
        if name in wanted and (expr := _mark(name, dtype)) is not None
    }
    if not marks:
        return []
    # One select over every column: polars runs the column passes in parallel.
    marked = frame.select(expr.alias(str(i)) for i, expr in enumerate(marks.values()))
    findings: list[ValueFinding] = []
    for index, name in enumerate(marks):
        mask = marked.get_column(str(index))
        if not mask.any():
            continue
        values = frame.get_column(name).filter(mask)
        if frame.schema[name] in _TEXT_TYPES:
            findings += _text_findings(values.cast(pl.String), name)
        else:
            digits = values.cast(pl.Float64).cast(pl.Int64).cast(pl.String)
            candidates = pl.DataFrame({"candidate": digits}).with_row_index("row")
            findings += _count(candidates, _TEN_DIGIT_FAMILY, name)
    return findings
