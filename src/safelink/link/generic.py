"""The model's comparison of a ``kind: other`` identifier, from the tokens its method made.

A comparison named in ``link.probabilistic.comparisons`` that is not a UK kind is a token
column of a generic identifier. Its levels follow the derived tokens the tokens files carry
(:mod:`safelink.normalise.generic`), as the UK kinds' levels follow theirs: exact agreement,
then Dice similarity of its keyed Bloom encoding (``_bloom``), day and month swapped and two of
three date parts and the year (``date``), agreement within a numeric band (``numeric``), or
agreement of the first characters (``prefix``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from safelink.normalise.generic import BLOOM_SUFFIX, SUFFIXES
from safelink.pseudonymise.bloom import dice_sql

#: Dice similarity levels of a generic identifier's Bloom encodings, highest first.
DICE_LEVELS = (0.9, 0.8, 0.7)
#: Every derived-token suffix a generic comparison may read.
GENERIC_SUFFIXES: tuple[str, ...] = (
    *dict.fromkeys(s for suffixes in SUFFIXES.values() for s in suffixes),
    BLOOM_SUFFIX,
)


def generic_columns(name: str) -> list[str]:
    """Every token column the comparison of the generic identifier ``name`` may read."""
    return [f"{name}{suffix}" for suffix in GENERIC_SUFFIXES]


def generic_levels(
    name: str,
    columns: Collection[str],
    custom: Callable[[str, str], Any],
    exact: Callable[[str, str], Any],
    *,
    bloom: bool,
) -> list[Any]:
    """The levels between exact agreement and the else level of the identifier ``name``.

    Args:
        name: the identifier's token column.
        columns: the token columns every input holds.
        custom: makes a level from SQL over Splink's ``_l``/``_r`` columns and a label.
        exact: makes an exact-agreement level of a column and a label.
        bloom: whether Bloom encodings are compared (``link.probabilistic.bloom``).

    Returns:
        Splink comparison levels, strongest first.
    """

    def has(*suffixes: str) -> bool:
        return all(f"{name}{s}" in columns for s in suffixes)

    def col(suffix: str, side: str) -> str:
        return f'"{name}{suffix}_{side}"'

    levels: list[Any] = []
    if bloom and has(BLOOM_SUFFIX):
        dice = dice_sql(f"{name}{BLOOM_SUFFIX}", columns)
        levels += [custom(f"{dice} >= {level}", f"bloom dice >= {level}") for level in DICE_LEVELS]
    if has("_ymd", "_swapped"):
        swapped = (
            f"({col('_swapped', 'l')} = {col('_ymd', 'r')} OR "
            f"{col('_ymd', 'l')} = {col('_swapped', 'r')})"
        )
        levels.append(custom(swapped, "day and month swapped"))
    if has("_year", "_month", "_day"):
        year, month, day = (f"{col(p, 'l')} = {col(p, 'r')}" for p in ("_year", "_month", "_day"))
        two = f"(({year} AND {month}) OR ({year} AND {day}) OR ({month} AND {day}))"
        levels.append(custom(two, "two of year, month, day agree"))
        levels.append(exact(f"{name}_year", "year agrees"))
    if has("_band", "_band_next"):
        near = (
            f"({col('_band', 'l')} = {col('_band', 'r')} OR "
            f"{col('_band_next', 'l')} = {col('_band', 'r')} OR "
            f"{col('_band', 'l')} = {col('_band_next', 'r')})"
        )
        levels.append(custom(near, "within the tolerance band"))
    if has("_prefix"):
        levels.append(exact(f"{name}_prefix", "prefix agrees"))
    return levels


__all__ = ["DICE_LEVELS", "GENERIC_SUFFIXES", "generic_columns", "generic_levels"]
