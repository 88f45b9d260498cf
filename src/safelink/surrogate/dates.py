"""Per-person date shifting: every date of one person moves by the same keyed offset.

The offset is a keyed choice (HMAC of the person's id under ``surrogate:<label>``, default
label ``dates``) among the whole days ``d`` with ``min_days <= |d| <= max_days`` (multiples of
7 with ``keep_weekday``), so it is the same for that person in every file and run with the same
key, and unrelated between persons. Intervals between one person's dates (admission to
discharge, referral to care package) are therefore exact, while calendar dates are not.

What the shift preserves and what it does not is in :data:`PRESERVES` and
:data:`DOES_NOT_PRESERVE`, and in every :class:`ShiftReport`.

``keep_birth_year`` shifts a date-of-birth column by the person's offset but clamps it to
1 January or 31 December of the original year, so ages in whole years taken at the start of
a year stay right. It breaks exactness for the clamped people: their interval from birth to
every other date changes by up to ``max_days`` (age at an event may be off by one year),
and a pile of birthdays on 1 January and 31 December shows who was clamped (people born within
``max_days`` of a year end). The report counts clamped dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from safelink.errors import InputError
from safelink.infra.io import to_polars
from safelink.surrogate._draw import KeySource, keyed_draws

PRESERVES = (
    "intervals between any two dates of the same person, exactly",
    "the order of each person's events",
    "durations (length of stay, time to follow-up) and their distributions",
    "missing dates (left missing) and every row",
)
DOES_NOT_PRESERVE = (
    "calendar dates: day, month and (unless kept for births) year",
    "seasonality, bank holidays, and alignment with external events such as policy changes",
    "intervals between different persons' dates (they differ by up to twice max_days)",
    "counts by calendar day, week or month across persons",
    "dates at the edge of a study window may move outside it",
)
_STRING_FORMATS = (
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
)
_WITH_TIME = tuple(f for f in _STRING_FORMATS if "%H" in f)
_OFFSET = "__safelink_offset"


@dataclass(frozen=True, slots=True, kw_only=True)
class ShiftReport:
    """What a date shift did (counts and settings only, never dates or ids).

    Attributes:
        columns: the date columns shifted.
        person: the column whose values identify a person.
        purpose: the key purpose used.
        key_id: the public id of that subkey.
        rows: rows in the data (all kept).
        persons: distinct persons.
        min_days: the smallest absolute offset allowed.
        max_days: the largest absolute offset allowed.
        keep_weekday: offsets were multiples of 7.
        birth_column: the date-of-birth column, if any.
        keep_birth_year: births were kept in their year.
        cells_shifted: date cells changed.
        births_clamped: births clamped to 1 January or 31 December.
        formats: how each text column's dates were written (``date`` for typed columns).
        preserves: what the shift keeps.
        does_not_preserve: what it changes.
    """

    columns: tuple[str, ...]
    person: str
    purpose: str
    key_id: str
    rows: int
    persons: int
    min_days: int
    max_days: int
    keep_weekday: bool
    birth_column: str | None
    keep_birth_year: bool
    cells_shifted: int
    births_clamped: int
    formats: dict[str, str] = field(default_factory=dict)
    preserves: tuple[str, ...] = ()
    does_not_preserve: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "columns": list(self.columns),
            "person": self.person,
            "purpose": self.purpose,
            "key_id": self.key_id,
            "rows": self.rows,
            "persons": self.persons,
            "min_days": self.min_days,
            "max_days": self.max_days,
            "keep_weekday": self.keep_weekday,
            "birth_column": self.birth_column,
            "keep_birth_year": self.keep_birth_year,
            "cells_shifted": self.cells_shifted,
            "births_clamped": self.births_clamped,
            "formats": dict(self.formats),
            "preserves": list(self.preserves),
            "does_not_preserve": list(self.does_not_preserve),
        }


@dataclass(frozen=True, slots=True)
class ShiftResult:
    """The shifted data and a report.

    Attributes:
        data: the data with its date columns shifted (same rows, columns and dtypes).
        report: what was done.
    """

    data: pl.DataFrame
    report: ShiftReport


def allowed_offsets(*, min_days: int, max_days: int, keep_weekday: bool) -> list[int]:
    """The offsets (days) a person can be given, in increasing order.

    Raises:
        InputError: a range that is empty or inverted.
    """
    if not (0 <= min_days <= max_days) or max_days < 1 or max_days > 36_500:
        raise InputError(
            f"date shift range min_days={min_days}, max_days={max_days} is not usable: "
            "use 0 <= min_days <= max_days, 1 <= max_days <= 36500."
        )
    step = 7 if keep_weekday else 1
    positive = [d for d in range(max(min_days, 1), max_days + 1) if d % step == 0]
    offsets = [-d for d in reversed(positive)] + ([0] if min_days == 0 else []) + positive
    if not positive:
        raise InputError(
            f"no multiple of 7 lies between min_days={min_days} and max_days={max_days}; "
            "widen the range to keep the weekday."
        )
    return offsets


def _person_keys(frame: pl.DataFrame, person: str) -> pl.Series:
    if person not in frame.columns:
        raise InputError(
            f"person column {person!r} is not in the data; columns are {sorted(frame.columns)}."
        )
    keys = frame[person].cast(pl.String).str.strip_chars()
    keys = pl.select(pl.when(pl.lit(keys) == "").then(None).otherwise(pl.lit(keys))).to_series()
    missing = keys.null_count()
    if missing:
        raise InputError(
            f"person column {person!r} has {missing} missing value(s); every dated row needs a "
            "person id to be shifted consistently: fill or remove them first."
        )
    return keys


def _string_format(values: pl.Series, column: str) -> str:
    present = values.str.strip_chars()
    present = present.filter(present.is_not_null() & (present != ""))
    for fmt in _STRING_FORMATS:
        kind = pl.Datetime if fmt in _WITH_TIME else pl.Date
        parsed = present.str.strptime(kind, fmt, strict=False)
        if parsed.null_count() == 0:
            return fmt
    best = min(
        present.str.strptime(
            pl.Datetime if f in _WITH_TIME else pl.Date, f, strict=False
        ).null_count()
        for f in _STRING_FORMATS
    )
    raise InputError(
        f"date column {column!r}: {best} value(s) cannot be read as dates in one format "
        f"(tried {', '.join(_STRING_FORMATS)}); fix or blank them first."
    )


def _shift_expr(
    frame: pl.DataFrame, column: str, *, clamp_year: bool
) -> tuple[pl.Expr, str, pl.Expr | None]:
    """The shifted column, the format it was read with, and (for births) a clamped flag."""
    dtype = frame.schema[column]
    offset = pl.duration(days=pl.col(_OFFSET))
    if dtype == pl.Date or isinstance(dtype, pl.Datetime):
        original, fmt = pl.col(column), "date"
    elif dtype == pl.String:
        fmt = _string_format(frame[column], column)
        kind = pl.Datetime if fmt in _WITH_TIME else pl.Date
        text = pl.col(column).str.strip_chars()
        original = pl.when(text == "").then(None).otherwise(text).str.strptime(kind, fmt)
    else:
        raise InputError(
            f"date column {column!r} holds {dtype}, not dates or text; convert it first."
        )
    shifted = original + offset
    clamped: pl.Expr | None = None
    if clamp_year:
        year = original.dt.year()
        clamped = shifted.dt.year() != year
        first = original.dt.truncate("1y")
        last = first.dt.offset_by("1y").dt.offset_by("-1d")
        shifted = (
            pl.when(shifted.dt.year() < year)
            .then(first)
            .when(shifted.dt.year() > year)
            .then(last)
            .otherwise(shifted)
        )
    if fmt != "date":
        # Blank cells keep their blank text; dates are written back as they were read.
        shifted = (
            pl.when(original.is_null()).then(pl.col(column)).otherwise(shifted.dt.strftime(fmt))
        )
    return shifted.alias(column), fmt, clamped


def shift_dates(
    data: Any,
    columns: Sequence[str],
    *,
    person: str,
    keyring: KeySource,
    max_days: int = 180,
    min_days: int = 1,
    keep_weekday: bool = False,
    birth_column: str | None = None,
    keep_birth_year: bool = False,
    label: str = "dates",
) -> ShiftResult:
    """Shift every date of each person by the same keyed number of days.

    Args:
        data: a pandas or polars DataFrame.
        columns: the date columns (Date, Datetime, or text in one of ``YYYY-MM-DD``,
            ``DD/MM/YYYY`` or ISO date-times; each written back in its own format).
        person: the column identifying a person (``person_id``, or an identifier column).
        keyring: the project keyring (its ``surrogate`` namespace is used).
        max_days: the largest offset, in days, either way.
        min_days: the smallest offset; 0 allows a person's dates not to move at all.
        keep_weekday: use only multiples of 7 days, so every date keeps its weekday.
        birth_column: a date-of-birth column (shifted too, and listed in the report).
        keep_birth_year: clamp shifted births into their original year (see module notes).
        label: the key label; the same label and key give the same offsets in every file.

    Returns:
        The shifted data and a :class:`ShiftReport`.

    Raises:
        InputError: an unknown column, a column that is not dates, a person column with
            missing values, or an unusable range.

    Example:
        >>> result = shift_dates(df, ["admitted", "discharged"], person="person_id",
        ...                      keyring=ring, max_days=180)  # doctest: +SKIP
        >>> result.report.preserves[0]  # doctest: +SKIP
        'intervals between any two dates of the same person, exactly'
    """
    frame = to_polars(data)
    offsets = allowed_offsets(min_days=min_days, max_days=max_days, keep_weekday=keep_weekday)
    if keep_birth_year and birth_column is None:
        raise InputError("keep_birth_year needs birth_column: name the date-of-birth column.")
    targets = list(dict.fromkeys([*columns, *([birth_column] if birth_column else [])]))
    if not targets:
        raise InputError("no date columns to shift: name at least one.")
    for column in targets:
        if column not in frame.columns:
            raise InputError(
                f"date column {column!r} is not in the data; columns are {sorted(frame.columns)}."
            )
    if person in targets:
        raise InputError(f"column {person!r} is the person column; it cannot also be shifted.")
    keys = _person_keys(frame, person)
    purpose = f"surrogate:{label}"
    subkey = keyring.subkey(purpose)
    distinct = keys.unique()
    draws = keyed_draws(subkey, distinct)
    table = pl.DataFrame(
        {
            "k": distinct,
            _OFFSET: pl.Series(offsets, dtype=pl.Int64).gather(draws["u0"] % len(offsets)),
        }
    )
    work = frame.with_columns(keys.alias("__safelink_person")).join(
        table, left_on="__safelink_person", right_on="k", how="left", maintain_order="left"
    )
    expressions: list[pl.Expr] = []
    formats: dict[str, str] = {}
    clamped_expr: pl.Expr | None = None
    for column in targets:
        is_birth = keep_birth_year and column == birth_column
        expression, formats[column], clamped = _shift_expr(work, column, clamp_year=is_birth)
        expressions.append(expression)
        if clamped is not None:
            clamped_expr = clamped
    shifted = work.with_columns(expressions)
    births_clamped = (
        int(work.select(clamped_expr.fill_null(False).sum()).item())
        if clamped_expr is not None
        else 0
    )
    cells = sum(int(shifted[c].ne_missing(frame[c]).sum()) for c in targets)
    report = ShiftReport(
        columns=tuple(targets),
        person=person,
        purpose=purpose,
        key_id=subkey.key_id,
        rows=frame.height,
        persons=distinct.len(),
        min_days=min_days,
        max_days=max_days,
        keep_weekday=keep_weekday,
        birth_column=birth_column,
        keep_birth_year=keep_birth_year,
        cells_shifted=cells,
        births_clamped=births_clamped,
        formats=formats,
        preserves=PRESERVES
        + (("the weekday of every date",) if keep_weekday else ())
        + (("year of birth",) if keep_birth_year else ()),
        does_not_preserve=DOES_NOT_PRESERVE
        + (() if keep_weekday else ("weekdays (use keep_weekday to keep them)",))
        + (
            ("exact intervals from a clamped birth date (see births_clamped)",)
            if keep_birth_year
            else ()
        ),
    )
    return ShiftResult(data=shifted.select(frame.columns), report=report)
