r"""Canonical forms as Spark column expressions, giving the values :mod:`safelink.normalise` gives.

Each ``*_columns`` function takes a text column and returns ``(value, reason)`` columns with the
local engine's semantics: value null where missing or rejected, reason null where accepted or
missing. Regular expressions carry Java's ``(?U)`` flag so that ``\s`` and ``\d`` are Unicode
classes, as they are in polars (Rust ``regex``).

Names: Spark has no Unicode normalisation function. ``NFKD, then drop combining marks`` works
character by character, so it is a fixed table: :data:`_SINGLE` maps each character whose
result is zero or one character (7,000+ of them: every accented Latin, Greek and Cyrillic
letter, full-width forms, ...) through one ``translate``; characters whose result is several
characters (ligatures ``ﬁ``, ``Ĳ``, ``ǆ``, fractions, ...) below U+3000 and in the Latin
presentation forms are replaced one by one, only in rows that contain one. Known divergence:
Hangul syllables, CJK compatibility and other multi-character compatibility forms at or above
U+3000 are left as they are (locally they decompose), and the table follows this Python's
Unicode version (``unicodedata.unidata_version``) while Spark's regexes follow the JVM's.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from functools import cache

from pyspark.sql import Column
from pyspark.sql import functions as F  # noqa: N812 - the PySpark convention

from safelink.identifiers import Identifier
from safelink.normalise.constants import EARLIEST_BIRTH, Reason
from safelink.normalise.constants import SEX_CODES as _SEX_CODES
from safelink.normalise.constants import SPECIAL_LETTERS as _SPECIAL_LETTERS
from safelink.normalise.constants import SUFFIXES as _SUFFIXES
from safelink.normalise.constants import TITLES as _TITLES

SparkNormaliser = Callable[[Column], tuple[Column, Column]]


def _null() -> Column:
    return F.lit(None).cast("string")


def _lit(reason: Reason) -> Column:
    return F.lit(reason.value)


def _try_int(column: Column, kind: str = "int") -> Column:
    try_cast = getattr(column, "try_cast", None)
    if try_cast is not None:  # PySpark 4
        return try_cast(kind)  # type: ignore[no-any-return]
    return column.cast(kind)  # PySpark 3.5: non-ANSI cast gives null


def _accepted(reason: Column, value: Column) -> Column:
    return F.when(reason.isNull(), value).otherwise(_null())


def blank_to_null(raw: Column) -> Column:
    """Trimmed text (Unicode whitespace), null where empty."""
    text = F.regexp_replace(raw.cast("string"), r"(?U)^\s+|\s+$", "")
    return F.when(text == "", _null()).otherwise(text)


# -- NHS and CHI numbers --------------------------------------------------------------------

_WEIGHTS = list(range(10, 1, -1))


def _ten_digit(raw: Column, *, chi: bool) -> tuple[Column, Column]:
    digits = F.regexp_replace(blank_to_null(raw), r"(?U)[\s\-]", "")
    parts = [_try_int(F.substring(digits, i + 1, 1)) for i in range(10)]
    total = sum((p * w for p, w in zip(parts[:9], _WEIGHTS, strict=True)), F.lit(0))
    check = F.lit(11) - total % 11
    expected = F.when(check == 11, F.lit(0)).otherwise(check)
    placeholder = r"^(?:0{10}|1{10}|2{10}|3{10}|4{10}|5{10}|6{10}|7{10}|8{10}|9{10})$"
    reason = (
        F.when(digits.isNull(), _null())
        .when(digits.rlike(r"^[0-9]{9}$"), _lit(Reason.LEADING_ZERO_LOST))
        .when(~digits.rlike(r"^[0-9]{10}$"), _lit(Reason.NOT_10_DIGITS))
        .when(digits.rlike(placeholder), _lit(Reason.PLACEHOLDER))
        .when(expected != parts[9], _lit(Reason.BAD_CHECK_DIGIT))
    )
    if chi:
        day = parts[0] * 10 + parts[1]
        month = parts[2] * 10 + parts[3]
        bad_date = ~(day.between(1, 31) & month.between(1, 12))
        reason = reason.when(bad_date, _lit(Reason.INVALID_CHI_DATE))
    reason = reason.otherwise(_null())
    return _accepted(reason, digits), reason


def nhs_number_columns(raw: Column) -> tuple[Column, Column]:
    """NHS numbers: 10 digits, modulus-11 check, placeholders rejected."""
    return _ten_digit(raw, chi=False)


def chi_number_columns(raw: Column) -> tuple[Column, Column]:
    """CHI numbers: as NHS numbers, and the first six digits are DDMMYY."""
    return _ten_digit(raw, chi=True)


def ni_number_columns(raw: Column) -> tuple[Column, Column]:
    """National Insurance numbers: ``AB123456C`` with the prefix rules."""
    blank = blank_to_null(raw)
    compact = F.regexp_replace(F.upper(blank), r"(?U)[\s\-]", "")
    pattern = r"^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$"
    bad_prefix = F.substring(compact, 1, 2).isin("BG", "GB", "KN", "NK", "NT", "TN", "ZZ")
    reason = (
        F.when(blank.isNull(), _null())
        .when(~compact.rlike(r"^[A-Z]{2}[0-9]{6}[A-Z]$"), _lit(Reason.INVALID_FORMAT))
        .when(~compact.rlike(pattern) | bad_prefix, _lit(Reason.INVALID_PREFIX))
        .otherwise(_null())
    )
    return _accepted(reason, compact), reason


# -- names -----------------------------------------------------------------------------------

_MULTI_LIMIT = 0x3000
_PRESENTATION = range(0xFB00, 0xFB50)


@cache
def _decomposition_tables() -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """(from, to, multi): the per-character map of NFKD-then-drop-marks."""
    sources: list[str] = []
    targets: list[str] = []
    deleted: list[str] = []
    multi: list[tuple[str, str]] = []
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) == "Cs":
            continue
        decomposed = unicodedata.normalize("NFKD", char)
        plain = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
        if plain == char:
            continue
        if len(plain) == 1:
            sources.append(char)
            targets.append(plain)
        elif not plain:
            deleted.append(char)
        elif code < _MULTI_LIMIT or code in _PRESENTATION:
            multi.append((char, plain))
    # translate() deletes source characters that have no counterpart in the target string.
    return "".join(sources + deleted), "".join(targets), tuple(multi)


def _strip_accents_guarded(text: Column) -> Column:
    sources, targets, multi = _decomposition_tables()
    has_multi = text.rlike("[" + "".join(_escape(c) for c, _ in multi) + "]")
    # One map lookup per character, only in the rare rows holding a multi-character form.
    table = F.create_map(*(F.lit(part) for pair in multi for part in pair))
    characters = F.split(text, "")
    expanded = F.array_join(
        F.transform(characters, lambda c: F.coalesce(F.element_at(table, c), c)), ""
    )
    chosen = F.when(has_multi, expanded).otherwise(text)
    return F.regexp_replace(F.translate(chosen, sources, targets), r"\p{M}", "")


def _escape(char: str) -> str:
    return f"\\x{{{ord(char):x}}}"


def name_canonical(raw: Column) -> Column:
    """The canonical form of a name column (see :func:`safelink.normalise.normalise_name`)."""
    text = F.upper(_strip_accents_guarded(raw.cast("string")))
    for letter, plain in _SPECIAL_LETTERS.items():
        text = F.replace(text, F.lit(letter), F.lit(plain))
    text = F.regexp_replace(text, "['\u2019`]", "")
    text = F.regexp_replace(text, r"[^\p{L}\p{N}]+", " ")
    text = F.regexp_replace(text, r"(?U)^\s+|\s+$", "")
    titles = "|".join(_TITLES)
    text = F.regexp_replace(text, rf"(?U)^(?:(?:{titles})\s+)+", "")
    text = F.regexp_replace(text, r"^(?:MR|MRS|MS|MISS|MX|DR)$", "")
    suffixes = "|".join(_SUFFIXES)
    return F.regexp_replace(text, rf"(?U)(?:\s+(?:{suffixes}))+$", "")


def name_columns(raw: Column) -> tuple[Column, Column]:
    """Forenames, surnames and full names."""
    blank = blank_to_null(raw)
    canonical = name_canonical(blank)
    reason = (
        F.when(blank.isNull(), _null())
        .when(canonical.rlike(r"(?U)\d"), _lit(Reason.CONTAINS_DIGITS))
        .when(canonical == "", _lit(Reason.EMPTY_AFTER_CLEANING))
        .otherwise(_null())
    )
    return _accepted(reason, canonical), reason


# -- dates of birth --------------------------------------------------------------------------

_TIME_SUFFIX = r"(?U)[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$"
_TWO_DIGIT_YEAR = r"(?U)^\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2}$|^\d{1,2}[ -][A-Za-z]{3,9}[ -]\d{2}$"
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
# Each accepted shape, rewritten to "Y|M|D" (backreferences keep one separator per date). The
# shapes are mutually exclusive and a rewritten value matches none of them, so they chain.
_NUMERIC_SHAPES = (
    (r"(?U)^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})$", "$4|$3|$1"),
    (r"(?U)^(\d{4})([/\-])(\d{1,2})\2(\d{1,2})$", "$1|$3|$4"),
    (r"(?U)^(\d{4})(\d{2})(\d{2})$", "$1|$2|$3"),
)
_NAMED_SHAPE = (r"(?U)^(\d{1,2}) ([A-Za-z]{3,9}) (\d{4})$", "$3|$2|$1")


def _month_number(word: Column) -> Column:
    # chrono reads a 3-letter word only as an abbreviation and a longer one only as a full name.
    names = {m[:3]: n for n, m in enumerate(_MONTHS, 1)} | {
        m: n for n, m in enumerate(_MONTHS, 1) if len(m) >= 4
    }
    table = F.create_map(*(F.lit(x) for pair in names.items() for x in pair))
    return F.when(word.rlike("^[A-Za-z]+$"), F.element_at(table, F.lower(word))).otherwise(
        _try_int(word)
    )


def _iso_date(year: Column, month: Column, day: Column) -> Column:
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    days = (
        F.when(month == 2, F.when(leap, 29).otherwise(28))
        .when(month.isin(4, 6, 9, 11), 30)
        .otherwise(31)
    )
    valid = month.between(1, 12) & day.between(1, days)
    iso = F.concat_ws(
        "-",
        F.lpad(year.cast("string"), 4, "0"),
        F.lpad(month.cast("string"), 2, "0"),
        F.lpad(day.cast("string"), 2, "0"),
    )
    return F.when(valid, iso).otherwise(_null())


def _parts_to_iso(rewritten: Column) -> Column:
    parts = F.split(rewritten, "[|]")
    year, day = _try_int(parts.getItem(0)), _try_int(parts.getItem(2))
    return _iso_date(year, _month_number(parts.getItem(1)), day)


def date_of_birth_columns(raw: Column, *, today: dt.date | None = None) -> tuple[Column, Column]:
    """Dates of birth to ISO ``YYYY-MM-DD`` (day first), as the local engine reads them."""
    today = today or dt.date.today()
    blank = blank_to_null(raw)
    plain = F.regexp_replace(blank, _TIME_SUFFIX, "")
    shape_matched = F.regexp_replace(plain, "-", " ").rlike(_NAMED_SHAPE[0])
    rewritten = plain
    for pattern, replacement in _NUMERIC_SHAPES:
        shape_matched = shape_matched | plain.rlike(pattern)
        rewritten = F.regexp_replace(rewritten, pattern, replacement)
    rewritten = F.regexp_replace(F.regexp_replace(rewritten, "-", " "), *_NAMED_SHAPE)
    # Evaluate the rewrite once and check the date on its parts inside a lambda: inlining it
    # into each use makes generated code too large for the JVM's 64 KB method limit.
    parsed = F.transform(F.array(F.when(shape_matched, rewritten)), _parts_to_iso).getItem(0)
    reason = (
        F.when(blank.isNull(), _null())
        .when(blank.rlike(_TWO_DIGIT_YEAR), _lit(Reason.AMBIGUOUS_YEAR))
        .when(~shape_matched, _lit(Reason.UNRECOGNISED_DATE))
        .when(parsed.isNull(), _lit(Reason.IMPOSSIBLE_DATE))
        .when(parsed > F.lit(today.isoformat()), _lit(Reason.FUTURE_DATE))
        .when(parsed < F.lit(EARLIEST_BIRTH.isoformat()), _lit(Reason.IMPLAUSIBLE_DATE))
        .otherwise(_null())
    )
    return _accepted(reason, parsed), reason


# -- postcodes, sex, e-mail, text -------------------------------------------------------------

_POSTCODE = r"^(?:[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}|GIR0AA)$"


def postcode_columns(raw: Column) -> tuple[Column, Column]:
    """Postcodes: upper case, one space before the inward code."""
    blank = blank_to_null(raw)
    compact = F.regexp_replace(F.upper(blank), r"(?U)\s+", "")
    reason = (
        F.when(blank.isNull(), _null())
        .when(~compact.rlike(_POSTCODE), _lit(Reason.INVALID_FORMAT))
        .otherwise(_null())
    )
    canonical = F.concat(_outward(compact), F.lit(" "), F.substring(compact, -3, 3))
    return _accepted(reason, canonical), reason


def _outward(compact: Column) -> Column:
    return compact.substr(F.lit(1), F.length(compact) - 3)


def postcode_district(canonical: Column) -> Column:
    """``SW1A 1AA`` -> ``SW1A``."""
    return F.split(canonical, " ").getItem(0)


def postcode_sector(canonical: Column) -> Column:
    """``SW1A 1AA`` -> ``SW1A 1``."""
    return canonical.substr(F.lit(1), F.length(canonical) - 2)


def sex_columns(raw: Column) -> tuple[Column, Column]:
    """Sex codes to the NHS data dictionary codes."""
    blank = blank_to_null(raw)
    key = F.regexp_replace(F.upper(blank), r"(?U)\s+", " ")
    mapped = _null()
    for code, canonical in _SEX_CODES.items():
        mapped = F.when(key == code, F.lit(canonical)).otherwise(mapped)
    reason = (
        F.when(blank.isNull(), _null())
        .when(mapped.isNull(), _lit(Reason.UNKNOWN_CODE))
        .otherwise(_null())
    )
    return mapped, reason


def email_columns(raw: Column) -> tuple[Column, Column]:
    """E-mail addresses: trimmed and lower case, basic shape check."""
    blank = blank_to_null(raw)
    lowered = F.lower(blank)
    reason = (
        F.when(blank.isNull(), _null())
        .when(~lowered.rlike(r"(?U)^[^@\s]+@[^@\s]+\.[^@\s]+$"), _lit(Reason.INVALID_EMAIL))
        .otherwise(_null())
    )
    return _accepted(reason, lowered), reason


def text_columns(raw: Column) -> tuple[Column, Column]:
    """Identifiers without special rules: trimmed, upper case, spaces collapsed."""
    canonical = F.regexp_replace(F.upper(blank_to_null(raw)), r"(?U)\s+", " ")
    return canonical, _null()


SPARK_NORMALISERS: dict[Identifier, SparkNormaliser] = {
    Identifier.NHS_NUMBER: nhs_number_columns,
    Identifier.CHI_NUMBER: chi_number_columns,
    Identifier.NI_NUMBER: ni_number_columns,
    Identifier.FORENAME: name_columns,
    Identifier.SURNAME: name_columns,
    Identifier.FULL_NAME: name_columns,
    Identifier.DATE_OF_BIRTH: date_of_birth_columns,
    Identifier.POSTCODE: postcode_columns,
    Identifier.SEX: sex_columns,
    Identifier.EMAIL: email_columns,
    Identifier.ADDRESS: text_columns,
    Identifier.UPRN: text_columns,
    Identifier.HOSPITAL_NUMBER: text_columns,
}
"""Identifier kind -> Spark normaliser. Phone numbers (``phonenumbers``) have none."""
