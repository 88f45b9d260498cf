"""Values as written before a spreadsheet (or a person) changed them.

Spreadsheets store long numbers as floats (``9434765919.0``, ``9.434765919E9``) and drop
leading zeros; people annotate names (``Smith (mother)``, ``née Jones``). Columns are judged on
the values with that damage undone.
"""

from __future__ import annotations

import decimal
import re

import polars as pl

from safelink.detect.names import RELATION_WORDS

_ANNOTATION = r"\s*[\(\[][^\)\]]*[\)\]]\s*"
_RELATION = "|".join(sorted((re.escape(w) for w in RELATION_WORDS), key=len, reverse=True))
# Who the named person is, written around a name: "Husband: Tom Baines", "Tom Baines -
# husband", "Ann Lee, friend, lives locally", and a maiden name's "née".
# A dead person's name: "the late John Smith", "John Smith - DECEASED", "John Smith, dec'd".
# A name a person goes by: "aka Mo", "AKA TOSH", "known as Siobhan"; a couple under one
# surname, "Mr and Mrs Byrne" (the second title kept: "Mrs Byrne"); a household, "Lam family";
# a former name after the current one, "Bell formerly Khoury"; a nickname after the name,
# "Tom Bell aka 'Tosh'" (the name kept).
_NAME_LABELS = (
    rf"(?i)^(?:{_RELATION}|next of kin|nok)\s*(?::|\s-|\s\u2013)\s*"
    rf"|(?i)\s*(?:,|\s-|\s\u2013)\s*(?:{_RELATION}|deceased|dec'd|died|rip)\b.*$"
    r"|(?i)^n[ée]e\.?\s+"
    r"|(?i)^(?:the\s+)?late\s+"
    r"|(?i)^(?:a\.?k\.?a\.?|(?:also\s+)?known\s+as|prefers)\s+"
    r"|(?i)^(?:mr|mrs|ms|miss|mx|dr)\.?\s+(?:and|&)\s+"
    r"|(?i)\s+family$"
    r"|(?i)\s+(?:formerly|previously)\s+.*$"
    r"|(?i)\s+(?:a\.?k\.?a\.?|(?:also\s+)?known\s+as)\s+.*$"
)
# A name in quotes, as nicknames are written: "'Bex'", "\"Sully\"", "\u2018Gaz\u2019".
_QUOTED = "^[\"'\u2018\u201c]([^\"'\u2018\u2019\u201c\u201d]+)[\"'\u2019\u201d]$"
# Digits grouped by thousands: "4,857,773,456" (a number formatted for display).
_THOUSANDS = r"^[0-9]{1,3}(?:,[0-9]{3})+(?:\.0+)?$"
# A number a spreadsheet rounded: "9.20049E+09" (9 to 12 digits, the last ones lost).
_ROUNDED = r"^[0-9]\.[0-9]+[eE]\+?(?:0?[89]|1[01])$"
# Entities whose values lose a leading zero when a spreadsheet stores them as numbers: a CHI
# number for days 1-9, a UK phone number.
LEADING_ZERO = ("CHI_NUMBER", "PHONE_NUMBER")


def undo_spreadsheet_damage(sample: pl.Series) -> pl.Series:
    """Values as written before a spreadsheet stored them as numbers.

    ``9434765919.0`` -> ``9434765919``; ``9.434765919E9`` -> ``9434765919`` (when exact);
    ``4,857,773,456`` -> ``4857773456``; ``Smith (mother)`` -> ``Smith`` (an annotation in
    brackets), ``the late John Smith`` -> ``John Smith``, ``aka 'Mo'`` -> ``Mo``, ``Mr and Mrs
    Byrne`` -> ``Mrs Byrne``, ``Son - Tom Bell`` -> ``Tom Bell``, ``Tom Bell aka 'Tosh'`` ->
    ``Tom Bell``. Other values are unchanged.
    """
    thousands = sample.str.contains(_THOUSANDS).fill_null(False)
    grouped = pl.select(pl.when(thousands).then(sample.str.replace_all(",", "")).otherwise(sample))
    text = grouped.to_series().str.replace(r"^([0-9]+)\.0+$", "${1}")
    scientific = text.str.contains(r"^[0-9](?:\.[0-9]+)?[eE]\+?[0-9]{1,2}$").fill_null(False)
    if scientific.any():
        expanded = [_exact_integer(v) if s else v for v, s in zip(text, scientific, strict=True)]
        text = pl.Series(sample.name, expanded, dtype=pl.String)
    text = text.str.replace_all(_ANNOTATION, " ").str.strip_chars()
    text = text.str.replace_all(_NAME_LABELS, "").str.strip_chars()
    return text.str.replace(_QUOTED, "${1}").str.strip_chars()


# Numbers this long are identifiers' length (9-12 digits): expanding a rounded one invents digits.
_IDENTIFIER_DIGITS = 9


def _exact_integer(value: str) -> str:
    """The whole number a scientific form writes, when it keeps every digit (else unchanged).

    ``9.434765919E9`` has ten significant digits for ten: exact. ``9.43477E+09`` has six: the
    spreadsheet rounded it, and expanding it would invent zeros (shorter numbers, ``1.5E3``,
    are amounts, expanded as before).
    """
    number = decimal.Decimal(value)
    if number != number.to_integral_value():
        return value
    written = len(value.lower().split("e")[0].replace(".", "").lstrip("0"))
    whole = str(int(number))
    return whole if written >= len(whole) or len(whole) < _IDENTIFIER_DIGITS else value


def restore_leading_zero(sample: pl.Series) -> pl.Series:
    """Values with the leading zero a spreadsheet dropped put back (under a CHI or phone header).

    Nine to twelve digits not starting with 0 gain one (``7700900123`` -> ``07700900123``);
    a UK number in international form without its plus (``447700900123``) becomes national.
    """
    international = sample.str.contains(r"^44[1-9][0-9]{8,9}$").fill_null(False)
    zero = sample.str.contains(r"^[1-9][0-9 ]{8,11}$").fill_null(False)
    restored = (
        pl.when(international)
        .then("0" + sample.str.slice(2))
        .when(zero)
        .then("0" + sample)
        .otherwise(sample)
    )
    return pl.select(restored).to_series()


def rounded_numbers(sample: pl.Series) -> pl.Series:
    """Whether each value is a 9-12 digit number a spreadsheet rounded (``9.20049E+09``).

    Exact ones were expanded by :func:`undo_spreadsheet_damage`; these lost digits, so no
    validator can pass them: under a header naming a numeric identifier they count as it.
    """
    return sample.str.contains(_ROUNDED).fill_null(False)
