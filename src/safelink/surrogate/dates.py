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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from safelink.errors import InputError
from safelink.infra.io import to_polars
from safelink.surrogate._draw import KeySource, TokenKey, keyed_draws

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
STRING_FORMATS = (
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
)
"""The formats a text date column may be written in, tried in this order."""
_WITH_TIME = tuple(f for f in STRING_FORMATS if "%H" in f)
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


PERSON = "__safelink_person"
"""The column a date shift's batches add: each row's person key (counted, then dropped)."""
CHANGED = "__safelink_changed"
"""The column a batch routine adds: the cells it changed in each row."""
CLAMPED = "__safelink_clamped"
"""The column a date shift's batches add: 1 where a birth was clamped into its year."""
MISSING = "__safelink_missing"
"""The survey's column: rows without a person id."""


def person_keys(frame: pl.DataFrame, person: str) -> pl.Series:
    """Each row's person key: the id as trimmed text, blank as missing."""
    keys = frame[person].cast(pl.String).str.strip_chars()
    return pl.select(pl.when(pl.lit(keys) == "").then(None).otherwise(pl.lit(keys))).to_series()


def failures_column(column: str, index: int) -> str:
    """The survey's column of values of ``column`` that format ``index`` cannot read."""
    return f"__safelink_f{index}_{column}"


def survey_rows(frame: pl.DataFrame, person: str, text: Sequence[str]) -> pl.DataFrame:
    """One batch's survey, one row: rows without a person id, and unreadable dates.

    Per text date column and format, the values that format cannot read (the engine sums the
    batches' rows).
    """
    counts: dict[str, int] = {MISSING: person_keys(frame, person).null_count()}
    for column in text:
        present = frame[column].str.strip_chars()
        present = present.filter(present.is_not_null() & (present != ""))
        for index, fmt in enumerate(STRING_FORMATS):
            kind = pl.Datetime if fmt in _WITH_TIME else pl.Date
            failed = present.str.strptime(kind, fmt, strict=False).null_count()
            counts[failures_column(column, index)] = failed
    return pl.DataFrame({k: [v] for k, v in counts.items()}, schema=dict.fromkeys(counts, pl.Int64))


def choose_format(failures: Sequence[int], column: str) -> str:
    """The first format that reads every value of a text date column (counts per format).

    Raises:
        InputError: no one format reads them all.
    """
    for fmt, failed in zip(STRING_FORMATS, failures, strict=True):
        if failed == 0:
            return fmt
    raise InputError(
        f"date column {column!r}: {min(failures)} value(s) cannot be read as dates in one format "
        f"(tried {', '.join(STRING_FORMATS)}); fix or blank them first."
    )


def _shift_expr(
    frame: pl.DataFrame, column: str, fmt: str, *, clamp_year: bool
) -> tuple[pl.Expr, pl.Expr | None]:
    """The shifted column and (for births) a clamped flag; ``fmt`` is how text is read."""
    offset = pl.duration(days=pl.col(_OFFSET))
    if fmt == "date":
        original = pl.col(column)
    else:
        kind = pl.Datetime if fmt in _WITH_TIME else pl.Date
        text = pl.col(column).str.strip_chars()
        original = pl.when(text == "").then(None).otherwise(text).str.strptime(kind, fmt)
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
    return shifted.alias(column), clamped


def shift_rows(
    frame: pl.DataFrame,
    formats: Mapping[str, str],
    *,
    person: str,
    key: TokenKey,
    offsets: Sequence[int],
    birth_column: str | None,
) -> pl.DataFrame:
    """One batch of rows with its dates shifted: the row work of every engine.

    Adds :data:`PERSON`, :data:`CHANGED` and :data:`CLAMPED` (for the report).

    Args:
        frame: the rows (every person id present).
        formats: each date column and how it is read (``date`` for typed columns).
        person: the person column.
        key: the purpose key (tokens).
        offsets: the allowed offsets (:func:`allowed_offsets`).
        birth_column: the birth column to clamp into its year (``keep_birth_year``), if any.
    """
    keys = person_keys(frame, person)
    distinct = keys.unique()
    draws = keyed_draws(key, distinct)
    table = pl.DataFrame(
        {
            "k": distinct,
            _OFFSET: pl.Series(offsets, dtype=pl.Int64).gather(draws["u0"] % len(offsets)),
        }
    )
    work = frame.with_columns(keys.alias(PERSON)).join(
        table, left_on=PERSON, right_on="k", how="left", maintain_order="left"
    )
    expressions: list[pl.Expr] = []
    clamped_expr: pl.Expr = pl.lit(0, dtype=pl.Int64)
    for column, fmt in formats.items():
        expression, clamped = _shift_expr(work, column, fmt, clamp_year=column == birth_column)
        expressions.append(expression)
        if clamped is not None:
            clamped_expr = clamped.fill_null(False).cast(pl.Int64)
    shifted = work.with_columns(*expressions, clamped_expr.alias(CLAMPED))
    changed = pl.sum_horizontal(
        pl.col(c).ne_missing(pl.lit(frame[c])).cast(pl.Int64) for c in formats
    )
    return shifted.with_columns(changed.alias(CHANGED)).select(
        *frame.columns, PERSON, CHANGED, CLAMPED
    )


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
    from safelink.engines.backend import PolarsBackend
    from safelink.surrogate.records import shift_records

    records, report = shift_records(
        PolarsBackend(),
        to_polars(data),
        columns,
        person=person,
        keyring=keyring,
        max_days=max_days,
        min_days=min_days,
        keep_weekday=keep_weekday,
        birth_column=birth_column,
        keep_birth_year=keep_birth_year,
        label=label,
    )
    return ShiftResult(data=records.collect(), report=report)
