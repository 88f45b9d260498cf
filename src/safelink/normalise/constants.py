r"""The normalisers' shared vocabulary: rejection reasons, word lists, codes and patterns.

Defined once, read by the SQL rules (:mod:`safelink.normalise.rules`) that every engine runs
and by the Python helpers. Every pattern here is in the portable regex subset
(:func:`safelink.engines.sql.check_portable`): whitespace is :data:`WS` (the Unicode
``White_Space`` code points) and ASCII digits are ``[0-9]``; ``\p{Nd}`` (a digit of any script)
is used only where the polars code read ``\d`` to classify, never to accept a value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from safelink.engines.sql import WHITESPACE_CLASS, check_portable


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


class Reason(StrEnum):
    """Why a value was rejected by a normaliser."""

    NOT_10_DIGITS = "not_10_digits"
    LEADING_ZERO_LOST = "leading_zero_lost"
    BAD_CHECK_DIGIT = "bad_check_digit"
    PLACEHOLDER = "placeholder"
    INVALID_CHI_DATE = "invalid_chi_date"
    INVALID_FORMAT = "invalid_format"
    INVALID_PREFIX = "invalid_prefix"
    INVALID_SUFFIX = "invalid_suffix"
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
    SCIENTIFIC_NOTATION = "scientific_notation"


class NhsNumberRange(StrEnum):
    """Which issuing range a 10-digit NHS/CHI-style number falls in."""

    CHI = "scotland_chi"
    NORTHERN_IRELAND = "northern_ireland_hc"
    ENGLAND_WALES_IOM = "england_wales_iom"
    NEVER_ISSUED = "never_issued"
    TEST = "test_synthetic"
    UNALLOCATED = "unallocated"


UPRN = r"^[0-9]{1,12}$"
"""A Unique Property Reference Number: 1 to 12 digits."""
SCIENTIFIC = r"^[0-9]([.][0-9]+)?[Ee][+]?[0-9]+$"
"""A number a spreadsheet wrote in scientific notation (its last digits may be lost)."""

WS = WHITESPACE_CLASS
"""Inside a regex character class: any Unicode ``White_Space`` code point."""

# -- NHS and CHI numbers ---------------------------------------------------------------------

WEIGHTS = tuple(range(10, 1, -1))
"""Modulus-11 weights of the first nine digits."""
TEN_DIGITS = check_portable(r"^[0-9]{10}$")
NINE_DIGITS = check_portable(r"^[0-9]{9}$")
PLACEHOLDER = check_portable(r"^(?:0{10}|1{10}|2{10}|3{10}|4{10}|5{10}|6{10}|7{10}|8{10}|9{10})$")

# -- National Insurance numbers --------------------------------------------------------------

NI_SHAPE = check_portable(r"^[A-Z]{2}[0-9]{6}[A-Z]$")
# First letter not D F I Q U V; second not D F I O Q U V; these prefixes are never allocated.
NI_PATTERN = check_portable(r"^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-Z]$")
NI_SUFFIX = check_portable(r"[A-D]$")
NI_BAD_PREFIXES = _words("BG GB KN NK NT TN ZZ")

# -- names -----------------------------------------------------------------------------------

TITLES = _words(
    "MR MRS MS MISS MX DR PROF PROFESSOR REV REVD SIR DAME LADY LORD MASTER FR SR CAPT CLLR"
)
BARE_HONORIFICS = _words("MR MRS MS MISS MX DR")
"""A name that is only one of these is no name ("Lord" or "Master" alone may be a surname)."""
SUFFIXES = _words("JR JNR SNR II III IV")
SPECIAL_LETTERS = {"Ø": "O", "Æ": "AE", "Œ": "OE", "Ł": "L", "Đ": "D", "Þ": "TH", "ẞ": "SS"}
"""Upper-case letters that NFKD leaves whole, and their plain spelling."""
APOSTROPHES = check_portable("['\u2019`]")
NOT_LETTER_OR_NUMBER = check_portable(r"[^\p{L}\p{N}]+")
ANY_DIGIT = check_portable(r"\p{Nd}")

# -- dates of birth --------------------------------------------------------------------------

EARLIEST_BIRTH = dt.date(1890, 1, 1)
_D = r"\p{Nd}"
TIME_SUFFIX = check_portable(rf"[T ]{_D}{{2}}:{_D}{{2}}(:{_D}{{2}}(\.{_D}+)?)?Z?$")
TWO_DIGIT_YEAR = check_portable(
    rf"^{_D}{{1,2}}[/\-.]{_D}{{1,2}}[/\-.]{_D}{{2}}$"
    rf"|^{_D}{{1,2}}[ -][A-Za-z]{{3,9}}[ -]{_D}{{2}}$"
)
DAY_FIRST = tuple(
    check_portable(rf"^{_D}{{1,2}}{s}{_D}{{1,2}}{s}{_D}{{4}}$") for s in ("/", "-", r"\.")
)
"""``04/03/1975``, ``4-3-1975``, ``04.03.1975``: day, month, year."""
YEAR_FIRST = tuple(check_portable(rf"^{_D}{{4}}{s}{_D}{{1,2}}{s}{_D}{{1,2}}$") for s in "-/")
"""``1975-03-04``, ``1975/3/4``: year, month, day."""
COMPACT = check_portable(rf"^{_D}{{8}}$")
"""``19750304``."""
YEAR_ONLY = check_portable(rf"^{_D}{{4}}$")
"""``1978``: a partial date, the year alone."""
YEAR_MONTH = check_portable(rf"^{_D}{{4}}[/\-]{_D}{{1,2}}$")
"""``1978-03``, ``1978/3``: a partial date, year then month."""
MONTH_YEAR = check_portable(rf"^{_D}{{1,2}}[/\-.]{_D}{{4}}$")
"""``03/1978``, ``3-1978``, ``03.1978``: a partial date, month then year."""
UNKNOWN_BIRTH_DATES = (dt.date(1900, 1, 1), dt.date(1800, 1, 1))
"""Full dates that systems write for an unknown date of birth: rejected as ``placeholder``."""
YEAR_ONLY_PLACEHOLDER = (1, 1)
"""(month, day) that systems write when only the year of birth is known: 1 January of any
other year is read as the year alone (a partial date)."""


@dataclass(frozen=True, slots=True)
class BirthDatePlaceholders:
    """The dates of birth that systems write when the date is not known (a job setting).

    Attributes:
        unknown: full dates written for an unknown date of birth: rejected as ``placeholder``.
        year_only: (month, day) pairs written when only the year is known: that day of any
            year (but the ``unknown`` dates) is read as the year alone, a partial date.

    """

    unknown: tuple[dt.date, ...] = UNKNOWN_BIRTH_DATES
    year_only: tuple[tuple[int, int], ...] = (YEAR_ONLY_PLACEHOLDER,)


DEFAULT_BIRTH_DATE_PLACEHOLDERS = BirthDatePlaceholders()
"""1900-01-01 and 1800-01-01 rejected, 1 January of any other year read as the year alone."""
NAMED_MONTH = (
    check_portable(rf"^{_D}{{1,2}} [A-Za-z]{{3}} {_D}{{4}}$"),
    check_portable(rf"^{_D}{{1,2}} [A-Za-z]{{4,9}} {_D}{{4}}$"),
)
"""``4 Mar 1975`` and ``4 March 1975`` (dashes read as spaces)."""
MONTHS = _words(
    "january february march april may june july august september october november december"
)
MONTH_WORDS = {m[:3]: n for n, m in enumerate(MONTHS, 1)} | {
    m: n for n, m in enumerate(MONTHS, 1) if len(m) >= 4
}
"""Month words in lower case: a 3-letter word is read only as an abbreviation and a longer one
only as a full name, as chrono (polars' ``%b`` and ``%B``) reads them."""

# -- passports, driving licences, vehicle registrations -------------------------------------

# UK passport numbers: 9 digits, or 1-2 letters then digits (9 characters); not one digit 9 times.
PASSPORT = check_portable(r"^(?:[0-9]{9}|[A-Z][0-9]{8}|[A-Z]{2}[0-9]{7})$")
PASSPORT_REPEATED = check_portable(r"^(?:0+|1+|2+|3+|4+|5+|6+|7+|8+|9+)$")
# DVLA: surname (letters, then 9-padding), decade, month (+50 for women), day, year digit,
# two initials (9 for none), one character and two check letters.
DRIVING_LICENCE = check_portable(r"^[A-Z][A-Z]{0,4}9{0,4}[0-9]{6}[A-Z][A-Z9][A-Z0-9][A-Z]{2}$")
# Current (AB51 ABC: age 02-29 or 51-79), prefix (A123 BCD) and suffix (ABC 123D) marks, and
# Jersey's (J 12345: "J" and up to six digits).
VEHICLE_REGISTRATION = check_portable(
    r"^(?:[A-HJ-PR-Y]{2}(?:0[2-9]|[12][0-9]|5[1-9]|[67][0-9])[A-HJ-PR-Z]{3}"
    r"|[A-HJ-NPR-TV-Y][1-9][0-9]{0,2}[A-HJ-PR-Y][A-HJ-PR-Z]{2}"
    r"|[A-HJ-PR-Z]{3}[1-9][0-9]{0,2}[A-HJ-NPR-TV-Y]|J[1-9][0-9]{0,5})$"
)
DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# -- postcodes, sex, e-mail ------------------------------------------------------------------

# Royal Mail's rules, not only the shape: no Q, V or X first; no I, J or Z second; the letter
# after an A9 district from ABCDEFGHJKPSTUW, after an AA9 district from ABEHMNPRVWXY; the unit
# never uses C, I, K, M, O or V. And the special GIR 0AA.
POSTCODE = check_portable(
    r"^(?:GIR0AA"
    r"|[A-PR-UWYZ][0-9][0-9A-HJKPSTUW]?[0-9][ABD-HJLNP-UW-Z]{2}"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRVWXY]?[0-9][ABD-HJLNP-UW-Z]{2})$"
)
SEX_CODES = {
    word: code
    for code, words in {
        "1": "1,M,MALE,MAN",
        "2": "2,F,FEMALE,WOMAN",
        "9": "9,I,INDETERMINATE",
        "X": "0,X,U,UNKNOWN,NOT KNOWN,NOT STATED",
    }.items()
    for word in words.split(",")
}
"""Upper-case codes (runs of whitespace read as one space) -> NHS data dictionary codes."""
EMAIL = check_portable(rf"^[^@{WS}]+@[^@{WS}]+\.[^@{WS}]+$")

# -- addresses -------------------------------------------------------------------------------

ADDRESS_PHRASES = {
    "FLAT GROUND": ("GROUND FLOOR FLAT", "GROUND FLOOR", "GRD FLR FLAT", "GRD FLR", "GFF", "GF"),
    "FLAT BASEMENT": ("BASEMENT FLAT", "LOWER GROUND FLOOR FLAT", "LOWER GROUND FLOOR", "LGF"),
    "FLAT FIRST": ("FIRST FLOOR FLAT", "1ST FLOOR FLAT", "FIRST FLOOR", "1ST FLOOR", "FFF"),
    "FLAT SECOND": ("SECOND FLOOR FLAT", "2ND FLOOR FLAT", "SECOND FLOOR", "2ND FLOOR", "SFF"),
    "FLAT TOP": ("TOP FLOOR FLAT", "TOP FLOOR", "TFF"),
    "CORNER": ("CORNER OF", "CNR OF", "CNR", "JUNCTION OF", "JCT OF"),
}
"""Canonical words -> the phrases written for them (whole words, read before single words):
floor designators become ``FLAT <floor>``, corners ``CORNER``."""
ADDRESS_WORDS = {
    "FLAT": _words("FLAT FLT FL APARTMENT APT APPT UNIT STUDIO MAISONETTE ROOM RM"),
    "ROAD": _words("RD ROAD"),
    "AVENUE": _words("AVE AV AVN AVENUE"),
    "CRESCENT": _words("CRES CRESC CRS CR CRESCENT"),
    "GARDENS": _words("GDNS GDN GRDNS GARDENS"),
    "GROVE": _words("GR GRV GRO GROVE"),
    "LANE": _words("LN LANE"),
    "DRIVE": _words("DR DRV DRIVE"),
    "CLOSE": _words("CL CLOSE"),
    "COURT": _words("CT CRT COURT"),
    "PLACE": _words("PL PLACE"),
    "SQUARE": _words("SQ SQR SQUARE"),
    "TERRACE": _words("TER TERR TCE TERRACE"),
    "PARK": _words("PK PARK"),
    "PARADE": _words("PDE PARADE"),
    "GREEN": _words("GRN GREEN"),
    "MOUNT": _words("MT MOUNT"),
    "WALK": _words("WLK WALK"),
    "HOUSE": _words("HSE HOUSE"),
    "COTTAGES": _words("COTTS COTTAGES"),
    "ESTATE": _words("EST ESTATE"),
    "BOULEVARD": _words("BLVD BOULEVARD"),
    "ESPLANADE": _words("ESP ESPLANADE"),
    "HEIGHTS": _words("HTS HEIGHTS"),
    "SAINT": _words("SAINT STE"),
    "AND": _words("AND"),
}
"""Canonical word -> the words written for it (``ST`` is read apart: ``SAINT`` at the start
of a street, else ``STREET``)."""
STREET_TYPES = _words(
    "ROAD STREET AVENUE CRESCENT GARDENS GROVE LANE DRIVE CLOSE COURT PLACE SQUARE TERRACE "
    "PARK PARADE GREEN WALK WAY MEWS RISE ROW HILL VIEW BROADWAY ESPLANADE BOULEVARD CHASE "
    "CROFT GATE HEIGHTS VALE"
)
"""Canonical words that end a street's name (``ASH GROVE``, ``THE BROADWAY``)."""
STREET_PREFIXES = _words("THE SAINT UPPER LOWER GREAT LITTLE OLD NEW NORTH SOUTH EAST WEST")
"""Words that begin a street's name and need the next word (``SAINT JOHNS``, ``THE MALL``)."""
ADDRESS_POSTCODE = check_portable(r" [A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2} *$")
"""A full postcode at the end of an address (with or without its space)."""
HOUSE_NUMBER = check_portable(r"^[0-9]{1,5}[A-Z]?$")
"""A house number, with an optional letter (``21``, ``21A``)."""
