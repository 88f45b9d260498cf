"""Dates of birth: the many written forms, partial dates, placeholders, and the derived parts."""

from __future__ import annotations

import datetime as dt
from functools import cache

from safelink.engines.sql import literal
from safelink.normalise import constants as c
from safelink.normalise.constants import Reason
from safelink.normalise.rules.sql import (
    Rule,
    _accepted,
    _any,
    _guarded,
    _int,
    _reason,
    _Steps,
    blank,
    matches,
    replace_all,
)


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


#: Warnings of accepted dates of birth that are partial, by how much of the date is known.
PARTIAL_DATE_WARNINGS = {4: "partial_year", 7: "partial_year_month"}


def dob_warning(canonical: str) -> str:
    """SQL: ``partial_year`` / ``partial_year_month`` for an accepted partial date, else NULL."""
    cases = " ".join(f"WHEN {n} THEN {literal(w)}" for n, w in PARTIAL_DATE_WARNINGS.items())
    return f"CASE LENGTH({canonical}) {cases} END"


def _ymd(date: dt.date) -> int:
    return date.year * 10000 + date.month * 100 + date.day
