"""Canonical forms for UK identifiers: pure functions, vectorised over a polars Series.

Every normaliser takes a Series of text and returns a :class:`Normalised`: the canonical value
(null where the input was missing or rejected) and the rejection reason (null where accepted or
missing). Values are never dropped silently and never logged: callers count reasons per column.

Canonical forms:

========================  ===========================================================
NHS number, CHI number    10 digits, no separators; modulus-11 check digit valid
NI number                 ``AB123456C`` (upper case, no spaces), prefix rules applied
name                      NFKD, accents removed, upper case, titles and punctuation removed
date of birth             ISO ``YYYY-MM-DD`` (``04/03/1975`` read day first)
postcode                  ``SW1A 1AA`` (one space before the inward code)
sex                       NHS data dictionary: ``1`` male, ``2`` female, ``9`` indeterminate,
                          ``X`` not known
phone                     E.164 via ``phonenumbers`` (GB by default)
email                     trimmed, lower case
========================  ===========================================================
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import jellyfish
import phonenumbers
import polars as pl

from safelink.blank import blank_to_null
from safelink.identifiers import Identifier


class Reason(StrEnum):
    """Why a value was rejected by a normaliser."""

    NOT_10_DIGITS = "not_10_digits"
    LEADING_ZERO_LOST = "leading_zero_lost"
    BAD_CHECK_DIGIT = "bad_check_digit"
    PLACEHOLDER = "placeholder"
    INVALID_CHI_DATE = "invalid_chi_date"
    INVALID_FORMAT = "invalid_format"
    INVALID_PREFIX = "invalid_prefix"
    CONTAINS_DIGITS = "contains_digits"
    EMPTY_AFTER_CLEANING = "empty_after_cleaning"
    UNRECOGNISED_DATE = "unrecognised_date"
    AMBIGUOUS_YEAR = "ambiguous_year"
    IMPOSSIBLE_DATE = "impossible_date"
    FUTURE_DATE = "future_date"
    IMPLAUSIBLE_DATE = "implausible_date"
    UNKNOWN_CODE = "unknown_code"
    INVALID_PHONE = "invalid_phone"
    INVALID_EMAIL = "invalid_email"


class NhsNumberRange(StrEnum):
    """Which issuing range a 10-digit NHS/CHI-style number falls in."""

    CHI = "scotland_chi"
    NORTHERN_IRELAND = "northern_ireland_hc"
    ENGLAND_WALES_IOM = "england_wales_iom"
    NEVER_ISSUED = "never_issued"
    TEST = "test_synthetic"
    UNALLOCATED = "unallocated"


@dataclass(frozen=True, slots=True)
class Normalised:
    """The result of normalising a column.

    Attributes:
        values: canonical values; null where the input was missing or rejected.
        reasons: rejection reasons (:class:`Reason` values); null where accepted or missing.

    """

    values: pl.Series
    reasons: pl.Series

    def rejected_counts(self) -> dict[str, int]:
        """Count rejected values by reason (never the values themselves)."""
        counts = self.reasons.drop_nulls().value_counts()
        return {str(r): int(n) for r, n in counts.iter_rows()}

    @property
    def missing(self) -> int:
        """Number of inputs that were missing (null or blank), not rejected."""
        return int((self.values.is_null() & self.reasons.is_null()).sum())


def _finish(frame: pl.DataFrame, name: str) -> Normalised:
    values = frame.get_column("value").alias(name)
    reasons = frame.get_column("reason").cast(pl.String).alias(name)
    return Normalised(values=values, reasons=reasons)


_WEIGHTS = list(range(10, 1, -1))


def _mod11_expr(number: pl.Expr) -> pl.Expr:
    """Return the expected check digit (0-9, or 10 meaning invalid) of 10-digit integers."""
    # Integer arithmetic on the whole number is several times faster than slicing strings.
    total = sum((number // 10 ** (9 - i)) % 10 * w for i, w in enumerate(_WEIGHTS))
    check = 11 - (total % 11)
    return pl.when(check == 11).then(0).otherwise(check)


def nhs_check_digit_valid(number: str) -> bool:
    """Return whether a 10-digit string has a valid modulus-11 check digit.

    Example:
        >>> nhs_check_digit_valid("9434765919")
        True

    """
    if len(number) != 10 or not number.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:9], _WEIGHTS, strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(number[9])


def normalise_nhs_number(values: pl.Series) -> Normalised:
    """Normalise NHS numbers (``9434765919``, ``943 476 5919``, ``943-476-5919``).

    Rejects non-10-digit values, a lost leading zero (9 digits: a number stored as an
    integer), a failing modulus-11 check digit, and placeholders (ten repeated digits, which
    pass the check).

    Args:
        values: text column.

    Returns:
        Canonical 10-digit strings and rejection reasons.

    """
    return _normalise_ten_digit(values, chi=False)


def normalise_chi_number(values: pl.Series) -> Normalised:
    """Normalise Scottish CHI numbers: as NHS numbers, and the first six digits are DDMMYY.

    A 9-digit value (a CHI for someone born on days 1-9 stored as an integer) is rejected as
    ``leading_zero_lost`` rather than repaired, because the repair cannot be checked.
    """
    return _normalise_ten_digit(values, chi=True)


def _normalise_ten_digit(values: pl.Series, *, chi: bool) -> Normalised:
    # Materialise the cleaned digits and their integer once; every rule reads those columns.
    stage = pl.DataFrame({"raw": values}).select(
        blank_to_null(pl.col("raw")).str.replace_all(r"[\s\-]", "").alias("digits")
    )
    stage = stage.with_columns(number=pl.col("digits").cast(pl.Int64, strict=False))
    digits, number = pl.col("digits"), pl.col("number")
    # ASCII digits only: "\d" also matches Arabic-Indic or full-width digits, which the integer
    # cast cannot read, so such a value escaped the check-digit rule and was accepted.
    is_ten = digits.str.contains(r"^[0-9]{10}$")
    placeholder = digits.str.contains(
        r"^(?:0{10}|1{10}|2{10}|3{10}|4{10}|5{10}|6{10}|7{10}|8{10}|9{10})$"
    )
    reason = (
        pl.when(digits.is_null())
        .then(None)
        .when(digits.str.contains(r"^[0-9]{9}$"))
        .then(pl.lit(Reason.LEADING_ZERO_LOST.value))
        .when(~is_ten)
        .then(pl.lit(Reason.NOT_10_DIGITS.value))
        .when(placeholder)
        .then(pl.lit(Reason.PLACEHOLDER.value))
        .when(_mod11_expr(number) != number % 10)
        .then(pl.lit(Reason.BAD_CHECK_DIGIT.value))
    )
    if chi:
        day = (number // 100_000_000) % 100
        month = (number // 1_000_000) % 100
        bad_date = ~(day.is_between(1, 31) & month.is_between(1, 12))
        reason = reason.when(bad_date).then(pl.lit(Reason.INVALID_CHI_DATE.value))
    frame = stage.select(reason.otherwise(None).alias("reason"), digits)
    frame = frame.with_columns(
        pl.when(pl.col("reason").is_null()).then(pl.col("digits")).otherwise(None).alias("value")
    )
    return _finish(frame, values.name)


def classify_nhs_number(values: pl.Series) -> pl.Series:
    """Classify canonical 10-digit numbers by issuing range (null for null input).

    Ranges: 010 101 0000-311 299 9999 Scottish CHI; 320 000 0001-399 999 9999 Northern
    Ireland H&C; 400-499 and 600-799 England, Wales and Isle of Man; 5xx never issued;
    999 test and synthetic numbers; anything else unallocated.
    """
    prefix = values.str.slice(0, 3).cast(pl.Int32, strict=False)
    number = values.cast(pl.Int64, strict=False)
    frame = pl.DataFrame({"p": prefix, "n": number})
    label = (
        pl.when(pl.col("n").is_null())
        .then(None)
        .when(pl.col("p") == 999)
        .then(pl.lit(NhsNumberRange.TEST.value))
        .when(pl.col("n").is_between(101_010_000, 3_112_999_999))
        .then(pl.lit(NhsNumberRange.CHI.value))
        .when(pl.col("n").is_between(3_200_000_001, 3_999_999_999))
        .then(pl.lit(NhsNumberRange.NORTHERN_IRELAND.value))
        .when(pl.col("p").is_between(400, 499) | pl.col("p").is_between(600, 799))
        .then(pl.lit(NhsNumberRange.ENGLAND_WALES_IOM.value))
        .when(pl.col("p").is_between(500, 599))
        .then(pl.lit(NhsNumberRange.NEVER_ISSUED.value))
        .otherwise(pl.lit(NhsNumberRange.UNALLOCATED.value))
    )
    return frame.select(label.alias(values.name)).to_series()


# National Insurance numbers: first letter not D F I Q U V; second not D F I O Q U V;
# these prefixes are never allocated.
_NI_PATTERN = r"^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$"
_NI_BAD_PREFIXES = ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ")


def normalise_ni_number(values: pl.Series) -> Normalised:
    """Normalise National Insurance numbers to ``AB123456C`` with the real prefix rules."""
    raw = blank_to_null(pl.col("raw"))
    compact = raw.str.to_uppercase().str.replace_all(r"[\s\-]", "")
    shape = compact.str.contains(r"^[A-Z]{2}[0-9]{6}[A-Z]$")
    reason = (
        pl.when(raw.is_null())
        .then(None)
        .when(~shape)
        .then(pl.lit(Reason.INVALID_FORMAT.value))
        .when(
            ~compact.str.contains(_NI_PATTERN)
            | compact.str.slice(0, 2).is_in(list(_NI_BAD_PREFIXES))
        )
        .then(pl.lit(Reason.INVALID_PREFIX.value))
        .otherwise(None)
    )
    frame = pl.DataFrame({"raw": values}).select(reason.alias("reason"), compact.alias("c"))
    frame = frame.with_columns(
        pl.when(pl.col("reason").is_null()).then(pl.col("c")).otherwise(None).alias("value")
    )
    return _finish(frame, values.name)


_TITLES = (
    "MR",
    "MRS",
    "MS",
    "MISS",
    "MX",
    "DR",
    "PROF",
    "PROFESSOR",
    "REV",
    "REVD",
    "SIR",
    "DAME",
    "LADY",
    "LORD",
    "MASTER",
    "FR",
    "SR",
    "CAPT",
    "CLLR",
)
_SUFFIXES = ("JR", "JNR", "SNR", "II", "III", "IV")
_SPECIAL_LETTERS = {"Ø": "O", "Æ": "AE", "Œ": "OE", "Ł": "L", "Đ": "D", "Þ": "TH", "ẞ": "SS"}


def name_canonical_expr(raw: pl.Expr) -> pl.Expr:
    """Polars expression: the canonical form of a name column (see module docstring)."""
    text = raw.cast(pl.String).str.normalize("NFKD").str.replace_all(r"\p{M}", "")
    text = text.str.to_uppercase()
    for letter, plain in _SPECIAL_LETTERS.items():
        text = text.str.replace_all(letter, plain, literal=True)
    # Apostrophes join (O'Brien -> OBRIEN); other punctuation separates parts.
    text = text.str.replace_all(r"['\u2019`]", "")
    text = text.str.replace_all(r"[^\p{L}\p{N}]+", " ").str.strip_chars()
    titles = "|".join(_TITLES)
    text = text.str.replace(rf"^(?:(?:{titles})\s+)+", "")
    # A bare honorific is no name (but "Lord" or "Master" alone may be a surname).
    text = text.str.replace(r"^(?:MR|MRS|MS|MISS|MX|DR)$", "")
    suffixes = "|".join(_SUFFIXES)
    return text.str.replace(rf"(?:\s+(?:{suffixes}))+$", "")


def normalise_name(values: pl.Series) -> Normalised:
    """Normalise a forename or surname.

    Unicode NFKD with accents removed, upper case, titles (MR, MRS, DR, ...) and suffixes
    (JR, III, ...) removed, apostrophes dropped, other punctuation and spaces collapsed to one
    space. ``"Mrs. Zoë O'Brien-Smith"`` becomes ``"ZOE OBRIEN SMITH"``. Values with digits
    are rejected. Use :func:`name_parts` for the parts of multi-part names.
    """
    raw = blank_to_null(pl.col("raw"))
    canonical = name_canonical_expr(raw)
    reason = (
        pl.when(raw.is_null())
        .then(None)
        .when(canonical.str.contains(r"\d"))
        .then(pl.lit(Reason.CONTAINS_DIGITS.value))
        .when(canonical == "")
        .then(pl.lit(Reason.EMPTY_AFTER_CLEANING.value))
        .otherwise(None)
    )
    frame = pl.DataFrame({"raw": values}).select(reason.alias("reason"), canonical.alias("c"))
    frame = frame.with_columns(
        pl.when(pl.col("reason").is_null()).then(pl.col("c")).otherwise(None).alias("value")
    )
    return _finish(frame, values.name)


def name_parts(canonical: pl.Series) -> pl.Series:
    """Split canonical names into their parts (``"OBRIEN SMITH"`` -> ``["OBRIEN", "SMITH"]``)."""
    return canonical.str.split(" ")


def soundex(canonical: pl.Series) -> pl.Series:
    """Soundex codes of canonical names (first part only for multi-part names)."""
    return _phonetic(canonical, jellyfish.soundex)


def nysiis(canonical: pl.Series) -> pl.Series:
    """NYSIIS codes of canonical names (first part only for multi-part names)."""
    return _phonetic(canonical, jellyfish.nysiis)


def _phonetic(canonical: pl.Series, encode: Callable[[str], str]) -> pl.Series:
    # Names repeat a lot: encode each distinct first part once, then join back.
    first = canonical.str.split(" ").list.first().str.replace_all(r"[^A-Z]", "")
    distinct = first.drop_nulls().unique()
    codes = pl.Series([encode(v) if v else None for v in distinct.to_list()], dtype=pl.String)
    table = pl.DataFrame({"k": distinct, "code": codes})
    joined = pl.DataFrame({"k": first}).join(table, on="k", how="left", maintain_order="left")
    return joined.get_column("code").alias(canonical.name)


_DATE_FORMATS = (
    (r"^\d{1,2}/\d{1,2}/\d{4}$", "%d/%m/%Y"),
    (r"^\d{1,2}-\d{1,2}-\d{4}$", "%d-%m-%Y"),
    (r"^\d{1,2}\.\d{1,2}\.\d{4}$", "%d.%m.%Y"),
    (r"^\d{4}-\d{1,2}-\d{1,2}$", "%Y-%m-%d"),
    (r"^\d{4}/\d{1,2}/\d{1,2}$", "%Y/%m/%d"),
    (r"^\d{8}$", "%Y%m%d"),
    (r"^\d{1,2}[ -][A-Za-z]{3}[ -]\d{4}$", "%d %b %Y"),
    (r"^\d{1,2} [A-Za-z]{4,9} \d{4}$", "%d %B %Y"),
)
_TWO_DIGIT_YEAR = r"^\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2}$|^\d{1,2}[ -][A-Za-z]{3,9}[ -]\d{2}$"
EARLIEST_BIRTH = dt.date(1890, 1, 1)


def normalise_date_of_birth(values: pl.Series, *, today: dt.date | None = None) -> Normalised:
    """Normalise dates of birth to ISO ``YYYY-MM-DD``.

    Accepts ``04/03/1975`` (day first, as UK extracts write it), ``1975-03-04``,
    ``4 Mar 1975``, ``4 March 1975``, ``19750304`` and ISO timestamps. Two-digit years are
    rejected as ambiguous; impossible (31/02), future and pre-1890 dates are rejected.

    Args:
        values: text column.
        today: the reference date for "future" (defaults to the current date).

    """
    today = today or dt.date.today()
    raw = blank_to_null(pl.col("raw"))
    text = raw.str.replace(r"[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$", "").str.replace_all("-", " ")
    text_plain = raw.str.replace(r"[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$", "")
    shape_matched = pl.lit(False)
    parsed = pl.lit(None, dtype=pl.Date)
    for pattern, fmt in _DATE_FORMATS:
        source = text if "%b" in fmt or "%B" in fmt else text_plain
        matches = source.str.contains(pattern)
        attempt = source.str.strptime(pl.Date, fmt, strict=False)
        parsed = pl.coalesce(parsed, pl.when(matches).then(attempt))
        shape_matched = shape_matched | matches
    reason = (
        pl.when(raw.is_null())
        .then(None)
        .when(raw.str.contains(_TWO_DIGIT_YEAR))
        .then(pl.lit(Reason.AMBIGUOUS_YEAR.value))
        .when(~shape_matched)
        .then(pl.lit(Reason.UNRECOGNISED_DATE.value))
        .when(parsed.is_null())
        .then(pl.lit(Reason.IMPOSSIBLE_DATE.value))
        .when(parsed > pl.lit(today))
        .then(pl.lit(Reason.FUTURE_DATE.value))
        .when(parsed < pl.lit(EARLIEST_BIRTH))
        .then(pl.lit(Reason.IMPLAUSIBLE_DATE.value))
        .otherwise(None)
    )
    frame = pl.DataFrame({"raw": values}).select(reason.alias("reason"), parsed.alias("d"))
    frame = frame.with_columns(
        pl.when(pl.col("reason").is_null())
        .then(pl.col("d").dt.strftime("%Y-%m-%d"))
        .otherwise(None)
        .alias("value")
    )
    return _finish(frame, values.name)


_POSTCODE = r"^(?:[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}|GIR0AA)$"


def normalise_postcode(values: pl.Series) -> Normalised:
    """Normalise UK postcodes to upper case with one space before the inward code."""
    raw = blank_to_null(pl.col("raw"))
    compact = raw.str.to_uppercase().str.replace_all(r"\s+", "")
    reason = (
        pl.when(raw.is_null())
        .then(None)
        .when(~compact.str.contains(_POSTCODE))
        .then(pl.lit(Reason.INVALID_FORMAT.value))
        .otherwise(None)
    )
    canonical = compact.str.slice(0, compact.str.len_chars() - 3) + " " + compact.str.slice(-3)
    frame = pl.DataFrame({"raw": values}).select(reason.alias("reason"), canonical.alias("c"))
    frame = frame.with_columns(
        pl.when(pl.col("reason").is_null()).then(pl.col("c")).otherwise(None).alias("value")
    )
    return _finish(frame, values.name)


def postcode_district(canonical: pl.Series) -> pl.Series:
    """The outward code (district) of canonical postcodes: ``SW1A 1AA`` -> ``SW1A``."""
    return canonical.str.split(" ").list.first()


def postcode_sector(canonical: pl.Series) -> pl.Series:
    """The sector of canonical postcodes: ``SW1A 1AA`` -> ``SW1A 1``."""
    return canonical.str.slice(0, canonical.str.len_chars() - 2)


def postcode_area(canonical: pl.Series) -> pl.Series:
    """The area (leading letters) of canonical postcodes: ``SW1A 1AA`` -> ``SW``."""
    return canonical.str.extract(r"^([A-Z]{1,2})")


_SEX_CODES = {
    "1": "1",
    "M": "1",
    "MALE": "1",
    "MAN": "1",
    "2": "2",
    "F": "2",
    "FEMALE": "2",
    "WOMAN": "2",
    "9": "9",
    "I": "9",
    "INDETERMINATE": "9",
    "0": "X",
    "X": "X",
    "U": "X",
    "UNKNOWN": "X",
    "NOT KNOWN": "X",
    "NOT STATED": "X",
}


def normalise_sex(values: pl.Series) -> Normalised:
    """Map sex/gender codes (M/F/Male/Female/1/2/U/9/...) to the NHS data dictionary codes."""
    raw = blank_to_null(pl.col("raw"))
    key = raw.str.to_uppercase().str.replace_all(r"\s+", " ")
    mapped = key.replace_strict(_SEX_CODES, default=None, return_dtype=pl.String)
    reason = (
        pl.when(raw.is_null())
        .then(None)
        .when(mapped.is_null())
        .then(pl.lit(Reason.UNKNOWN_CODE.value))
        .otherwise(None)
    )
    frame = pl.DataFrame({"raw": values}).select(reason.alias("reason"), mapped.alias("value"))
    return _finish(frame, values.name)


def normalise_phone(values: pl.Series, *, region: str = "GB") -> Normalised:
    """Normalise phone numbers to E.164 with ``phonenumbers`` (default region GB)."""

    def to_e164(text: str) -> str | None:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            return None
        # "Possible" (right length for its region) rather than "valid": Ofcom's drama ranges,
        # used for synthetic data, and newly allocated ranges are not in the metadata.
        if not phonenumbers.is_possible_number(number):
            return None
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    cleaned = pl.DataFrame({"raw": values}).select(blank_to_null(pl.col("raw")).alias("t"))["t"]
    distinct = cleaned.drop_nulls().unique()
    table = pl.DataFrame(
        {
            "t": distinct,
            "value": pl.Series([to_e164(v) for v in distinct.to_list()], dtype=pl.String),
        }
    )
    frame = pl.DataFrame({"t": cleaned}).join(table, on="t", how="left", maintain_order="left")
    frame = frame.with_columns(
        pl.when(pl.col("t").is_not_null() & pl.col("value").is_null())
        .then(pl.lit(Reason.INVALID_PHONE.value))
        .otherwise(None)
        .alias("reason")
    )
    return _finish(frame, values.name)


def normalise_email(values: pl.Series) -> Normalised:
    """Normalise email addresses: trimmed and lower-cased, with a basic shape check."""
    raw = blank_to_null(pl.col("raw"))
    lowered = raw.str.to_lowercase()
    reason = (
        pl.when(raw.is_null())
        .then(None)
        .when(~lowered.str.contains(r"^[^@\s]+@[^@\s]+\.[^@\s]+$"))
        .then(pl.lit(Reason.INVALID_EMAIL.value))
        .otherwise(None)
    )
    frame = pl.DataFrame({"raw": values}).select(reason.alias("reason"), lowered.alias("c"))
    frame = frame.with_columns(
        pl.when(pl.col("reason").is_null()).then(pl.col("c")).otherwise(None).alias("value")
    )
    return _finish(frame, values.name)


def normalise_text(values: pl.Series) -> Normalised:
    """Generic normaliser for identifiers without special rules: trimmed, upper case."""
    raw = blank_to_null(pl.col("raw"))
    canonical = raw.str.to_uppercase().str.replace_all(r"\s+", " ")
    frame = pl.DataFrame({"raw": values}).select(
        canonical.alias("value"), pl.lit(None, dtype=pl.String).alias("reason")
    )
    return _finish(frame, values.name)


NORMALISERS: dict[Identifier, Callable[[pl.Series], Normalised]] = {
    Identifier.NHS_NUMBER: normalise_nhs_number,
    Identifier.CHI_NUMBER: normalise_chi_number,
    Identifier.NI_NUMBER: normalise_ni_number,
    Identifier.FORENAME: normalise_name,
    Identifier.SURNAME: normalise_name,
    Identifier.FULL_NAME: normalise_name,
    Identifier.DATE_OF_BIRTH: normalise_date_of_birth,
    Identifier.POSTCODE: normalise_postcode,
    Identifier.SEX: normalise_sex,
    Identifier.PHONE: normalise_phone,
    Identifier.EMAIL: normalise_email,
    Identifier.ADDRESS: normalise_text,
    Identifier.UPRN: normalise_text,
    Identifier.HOSPITAL_NUMBER: normalise_text,
}


def normalise(kind: Identifier, values: pl.Series) -> Normalised:
    """Normalise a column with the normaliser for its identifier kind.

    Columns with many repeats (names, dates, postcodes, sex) are normalised once per distinct
    value and mapped back, which is several times faster and gives identical results.

    Args:
        kind: the identifier kind.
        values: the column (any dtype; cast to text).

    Returns:
        Canonical values and rejection reasons, row for row.

    """
    normaliser = NORMALISERS[kind]
    text = values.cast(pl.String)
    distinct = text.unique()
    if distinct.len() * 2 > text.len():
        return normaliser(text)
    result = normaliser(distinct)
    table = pl.DataFrame({"k": distinct, "value": result.values, "reason": result.reasons})
    mapped = pl.DataFrame({"k": text}).join(
        table, on="k", how="left", nulls_equal=True, maintain_order="left"
    )
    return _finish(mapped, values.name)
