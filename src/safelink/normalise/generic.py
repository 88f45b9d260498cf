"""The rule and derived texts of a ``kind: other`` identifier, written once as SQL.

The rule (:func:`generic`) makes the canonical text from the column's declared steps (trim,
case, punctuation, digits only, spaces kept or removed, a required pattern); the derivations
(:func:`generic_derivations`) make the texts of the derived tokens its comparison reads, by
token-column suffix: ``_prefix`` (the first characters), ``_year``/``_month``/``_day``/
``_ymd``/``_swapped`` (a date, the canonical digits read as YYYYMMDD), ``_band``/``_band_next``
(numeric bands of the tolerance). Every engine runs the same SQL (DuckDB's dialect: polars
locally through :func:`safelink.normalise.derive.canonical_sql`, Spark transpiled).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from safelink.config._generic import GenericCompare, GenericNormalise
from safelink.normalise.constants import WS, Reason
from safelink.normalise.rules.sql import (
    Rule,
    _accepted,
    _guarded,
    _reason,
    _Steps,
    matches,
    replace_all,
)
from safelink.normalise.rules.sql import blank as _blank

#: Derived tokens compared with another derived token, so keyed as that one: a swapped date
#: with the other record's date, a value's next band with the other's band.
KEYED_AS = {"_swapped": "_ymd", "_band_next": "_band"}
#: The suffix of a Bloom encoding's column.
BLOOM_SUFFIX = "_bloom"
#: Derived-token suffixes of each comparison method, in the order the tokens are made.
SUFFIXES: dict[str, tuple[str, ...]] = {
    "exact": (),
    "bloom": (),
    "prefix": ("_prefix",),
    "date": ("_ymd", "_swapped", "_year", "_month", "_day"),
    "numeric": ("_band", "_band_next"),
}


@cache
def generic(source: str, prefix: str, settings: GenericNormalise) -> Rule:
    """The rule of a ``kind: other`` identifier on the column ``source`` (a SQL reference).

    Missing where the text is blank after the steps; rejected as ``invalid_format`` where it
    does not match the settings' pattern.
    """
    steps = _Steps(prefix)
    value = _blank(source) if settings.trim else f"CAST({source} AS VARCHAR)"
    if settings.case == "upper":
        value = f"UPPER({value})"
    elif settings.case == "lower":
        value = f"LOWER({value})"
    if settings.punctuation:
        value = replace_all(value, r"[^\p{L}\p{N}" + WS + "]", "")
    if settings.digits_only:
        value = replace_all(value, "[^0-9]", "")
    if not settings.spaces:
        value = replace_all(value, f"[{WS}]+", "")
    elif settings.trim:
        value = replace_all(replace_all(value, f"[{WS}]+", " "), "^ | $", "")
    (present,) = steps.add(present=f"NULLIF({value}, '')")
    if settings.pattern is None:
        return steps.finish(present, "CAST(NULL AS VARCHAR)")
    reason = _reason((f"NOT {matches(present, settings.pattern)}", Reason.INVALID_FORMAT))
    (reason_ref,) = steps.add(reason=_guarded(present, reason))
    steps.add(value=_accepted(reason_ref, present))
    return steps.rule()


def _digits(reference: str) -> str:
    return replace_all(reference, "[^0-9]", "")


def _date_part(reference: str, start: int, length: int) -> str:
    """A part of the date the canonical digits spell (YYYYMMDD).

    Null unless the digits hold a month 01-12 and a day 01-31.
    """
    d = _digits(reference)
    month, day = f"SUBSTRING({d}, 5, 2)", f"SUBSTRING({d}, 7, 2)"
    valid = f"LENGTH({d}) = 8 AND {month} BETWEEN '01' AND '12' AND {day} BETWEEN '01' AND '31'"
    return f"CASE WHEN {valid} THEN SUBSTRING({d}, {start}, {length}) END"


def _swapped(reference: str) -> str:
    year, month, day = (_date_part(reference, *p) for p in ((1, 4), (5, 2), (7, 2)))
    return (
        f"CASE WHEN CAST({day} AS INTEGER) <= 12 AND {day} <> {month} "
        f"THEN {year} || {day} || {month} END"
    )


def _band(reference: str, tolerance: float, shift: int) -> str:
    number = f"TRY_CAST({reference} AS DOUBLE)"
    return f"CAST(CAST(FLOOR({number} / {tolerance!r}) AS BIGINT) + {shift} AS VARCHAR)"


def generic_derivations(compare: GenericCompare) -> dict[str, Callable[[str], str]]:
    """Derived-token suffix -> SQL of its text over the canonical text's reference.

    Args:
        compare: the identifier's comparison (which derived tokens it reads).

    Returns:
        One entry per suffix of :data:`SUFFIXES` for the method, in that order.
    """
    if compare.method == "prefix":
        length = compare.prefix_length
        return {"_prefix": lambda ref: f"SUBSTRING({ref}, 1, {length})"}
    if compare.method == "date":
        return {
            "_ymd": lambda ref: _date_part(ref, 1, 8),
            "_swapped": _swapped,
            "_year": lambda ref: _date_part(ref, 1, 4),
            "_month": lambda ref: _date_part(ref, 5, 2),
            "_day": lambda ref: _date_part(ref, 7, 2),
        }
    if compare.method == "numeric":
        assert compare.tolerance is not None
        tolerance = compare.tolerance
        return {
            "_band": lambda ref: _band(ref, tolerance, 0),
            "_band_next": lambda ref: _band(ref, tolerance, 1),
        }
    return {}


__all__ = ["BLOOM_SUFFIX", "KEYED_AS", "SUFFIXES", "generic", "generic_derivations"]
