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
_NAME_LABELS = (
    rf"(?i)^(?:{_RELATION}|next of kin|nok)\s*:\s*"
    rf"|(?i)\s*(?:,|\s-|\s\u2013)\s*(?:{_RELATION})\b.*$"
    r"|(?i)^n[ée]e\.?\s+"
)
# Entities whose values lose a leading zero when a spreadsheet stores them as numbers: a CHI
# number for days 1-9, a UK phone number.
LEADING_ZERO = ("CHI_NUMBER", "PHONE_NUMBER")


def undo_spreadsheet_damage(sample: pl.Series) -> pl.Series:
    """Values as written before a spreadsheet stored them as numbers.

    ``9434765919.0`` -> ``9434765919``; ``9.434765919E9`` -> ``9434765919`` (when exact);
    ``Smith (mother)`` -> ``Smith`` (an annotation in brackets). Other values are unchanged.
    """
    text = sample.str.replace(r"^([0-9]+)\.0+$", "${1}")
    scientific = text.str.contains(r"^[0-9](?:\.[0-9]+)?[eE]\+?[0-9]{1,2}$").fill_null(False)
    if scientific.any():
        expanded = [_exact_integer(v) if s else v for v, s in zip(text, scientific, strict=True)]
        text = pl.Series(sample.name, expanded, dtype=pl.String)
    text = text.str.replace_all(_ANNOTATION, " ").str.strip_chars()
    return text.str.replace_all(_NAME_LABELS, "").str.strip_chars()


def _exact_integer(value: str) -> str:
    number = decimal.Decimal(value)
    return str(int(number)) if number == number.to_integral_value() else value
