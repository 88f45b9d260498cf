"""Aggregate tables: NHS England small-number suppression, rounding and secondary suppression.

The policy (:class:`SmallNumberPolicy`, defaults as NHS England publishes): counts from 1 to 7
are replaced by ``*``; other counts are rounded to the nearest 5 (halves up: 8 -> 10); zeros
stay 0; a mean or median of fewer than 8 people is replaced by ``*``. Totals are computed from
the unrounded counts, then protected like any other cell.

Secondary suppression: in the grid of cells plus a total row and a total column, a line (row or
column) with exactly one suppressed cell would let that cell be recovered by subtraction. So
while some line has exactly one, the smallest other non-zero cell of that line (cells before
totals) is suppressed too. This repeats until no line has exactly one; it always ends, since
each pass suppresses at least one more cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any

import numpy as np
import polars as pl
from pydantic import Field, StrictBool, StrictInt, StrictStr, model_validator
from pydantic.dataclasses import dataclass as pydantic_dataclass

from safelink.config._fields import MODEL_CONFIG, problem
from safelink.disclosure.counts import DATA
from safelink.disclosure.equivalence import prepare
from safelink.engines.backend import Backend, PolarsBackend
from safelink.engines.sql import literal, quote
from safelink.errors import InputError

TOTAL = "Total"
MISSING_LABEL = "(missing)"
"""The label of a missing value in a published table."""
_COUNT = "__n"


@pydantic_dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class SmallNumberPolicy:
    """How small numbers are protected in published tables.

    Attributes:
        low: smallest count suppressed (1: zeros are shown).
        high: largest count suppressed (7).
        rounding: round other counts to the nearest multiple of this (5; 1 = no rounding).
        min_people_for_statistics: means and medians of fewer people are suppressed (8).
        symbol: what replaces a suppressed cell.
        secondary: apply secondary suppression against row and column totals.
    """

    low: Annotated[StrictInt, Field(ge=0)] = 1
    """The smallest count suppressed (1: zeros are shown)."""
    high: Annotated[StrictInt, Field(ge=0)] = 7
    """The largest count suppressed."""
    rounding: Annotated[StrictInt, Field(ge=1)] = 5
    """Round other counts to the nearest multiple of this (1: no rounding)."""
    min_people_for_statistics: Annotated[StrictInt, Field(ge=1)] = 8
    """Means and medians of fewer people are suppressed."""
    symbol: StrictStr = "*"
    """What replaces a suppressed cell."""
    secondary: StrictBool = True
    """Apply secondary suppression against row and column totals."""

    @model_validator(mode="after")
    def _ordered(self) -> SmallNumberPolicy:
        if self.high < self.low:
            raise problem("must not be below low", "high")
        return self

    def round(self, value: int) -> int:
        """Round a count to the nearest multiple of ``rounding`` (halves up)."""
        return int(np.floor(value / self.rounding + 0.5) * self.rounding)


@dataclass(frozen=True, slots=True, kw_only=True)
class ProtectedTable:
    """A published table and how it was protected.

    Attributes:
        table: the table to publish, all cells as text (``*`` where suppressed).
        counts: the unrounded counts (never publish these).
        primary: cells suppressed as small numbers.
        secondary: cells suppressed so others cannot be recovered.
    """

    table: pl.DataFrame
    counts: pl.DataFrame
    primary: int
    secondary: int

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready summary (no cell values)."""
        return {
            "rows": self.table.height,
            "columns": self.table.width,
            "primary_suppressed": self.primary,
            "secondary_suppressed": self.secondary,
        }


def secondary_suppression(grid: np.ndarray, suppressed: np.ndarray) -> np.ndarray:
    """Extend a suppression mask so no line of the grid has exactly one suppressed cell.

    Args:
        grid: counts, with the totals as last row and last column.
        suppressed: the primary mask, same shape.

    Returns:
        The full mask (primary and secondary).
    """
    mask = suppressed.copy()
    values = grid.astype(np.float64)
    while True:
        changed = False
        for axis in (0, 1):
            lines = mask.shape[1 - axis]
            for index in range(lines):
                line_mask = mask[:, index] if axis == 0 else mask[index, :]
                if line_mask.sum() != 1:
                    continue
                line = values[:, index] if axis == 0 else values[index, :]
                inner = np.arange(len(line)) < len(line) - 1
                choices = np.where(~line_mask & inner & (line > 0), line, np.inf)
                if not np.isfinite(choices).any():
                    choices = np.where(~line_mask, line, np.inf)
                pick = int(np.argmin(choices))
                if axis == 0:
                    mask[pick, index] = True
                else:
                    mask[index, pick] = True
                changed = True
        if not changed:
            return mask


def protect_counts(
    data: Any,
    *,
    rows: Sequence[str],
    column: str,
    person: str | None = None,
    policy: SmallNumberPolicy | None = None,
) -> ProtectedTable:
    """Cross-tabulate records and protect the counts for publication.

    The counts (cells, row and column totals, grand total) are one SQL query each
    (:func:`count_sql`) on the engine the data live on; the count table, one cell per row label
    and column value and small whatever the size of the data, is then protected locally.

    Args:
        data: record-level pandas, polars or Spark DataFrame.
        rows: the columns whose combinations are the table's rows.
        column: the column whose values are the table's columns.
        person: count distinct persons instead of rows.
        policy: the small-number policy (NHS England's by default).

    Returns:
        A :class:`ProtectedTable` with a total row and a total column.

    Raises:
        InputError: an empty frame or unknown columns.
    """
    policy = policy or SmallNumberPolicy()
    rows = list(rows)
    keys = [*rows, column]
    if type(data).__module__.startswith("pyspark."):
        from safelink.engines.backend import SparkBackend
        from safelink.engines.spark_disclosure_check import prepare_spark

        frame: Any = prepare_spark(data, keys, person=person)
        backend: Backend = SparkBackend(frame.sparkSession)
    else:
        frame, backend = prepare(data, keys, person=person), PolarsBackend()
    table = backend.table(frame)

    def counted(by: list[str]) -> pl.DataFrame:
        sql = count_sql(keys, by, person=person)
        out = backend.collect(backend.query(sql, {DATA: table}))
        return out.with_columns(pl.col(_COUNT).cast(pl.Int64))

    grand = int(counted([])[_COUNT][0])
    return _protect(counted(keys), counted(rows), counted([column]), grand, rows, column, policy)


def count_sql(keys: Sequence[str], by: Sequence[str], *, person: str | None = None) -> str:
    """Counts of records (or distinct persons) per combination of ``by``, as SQL.

    Every key is read as text, a missing value labelled ``(missing)``, so the table's labels
    are the same on every engine. ``by`` is a subset of ``keys`` (empty: the grand total).
    """
    labels = [
        f"COALESCE(CAST({quote(k)} AS VARCHAR), {literal(MISSING_LABEL)}) AS {quote(k)}"
        for k in keys
    ]
    if person is not None:
        labels.append(quote(person))
    measure = f"COUNT(DISTINCT {quote(person)})" if person else "COUNT(*)"
    inner = f"SELECT {', '.join(labels)} FROM {DATA}"  # noqa: S608
    if not by:
        return f"SELECT {measure} AS {quote(_COUNT)} FROM ({inner}) AS x"  # noqa: S608
    group = ", ".join(quote(b) for b in by)
    return f"SELECT {group}, {measure} AS {quote(_COUNT)} FROM ({inner}) AS x GROUP BY {group}"  # noqa: S608


def _protect(
    long: pl.DataFrame,
    row_totals: pl.DataFrame,
    col_totals: pl.DataFrame,
    grand: int,
    rows: list[str],
    column: str,
    policy: SmallNumberPolicy,
) -> ProtectedTable:
    """Lay the counts out with totals, then suppress and round them (on the driver)."""
    wide = long.pivot(on=column, index=rows, values=_COUNT).fill_null(0).sort(rows)
    headers = sorted(c for c in wide.columns if c not in rows)
    body = wide.select(headers).to_numpy().astype(np.int64)
    col_lookup = dict(zip(col_totals[column].to_list(), col_totals[_COUNT].to_list(), strict=True))
    grid = np.zeros((body.shape[0] + 1, body.shape[1] + 1), dtype=np.int64)
    grid[:-1, :-1] = body
    grid[:-1, -1] = row_totals.sort(rows)[_COUNT].to_numpy()
    grid[-1, :-1] = [col_lookup[h] for h in headers]
    grid[-1, -1] = grand
    primary = (grid >= max(policy.low, 1)) & (grid <= policy.high)
    if policy.low == 0:
        primary |= grid == 0
    mask = secondary_suppression(grid, primary) if policy.secondary else primary
    shown = np.vectorize(lambda v: str(policy.round(int(v))))(grid).astype(object)
    shown[mask] = policy.symbol
    labels = wide.select(rows).with_columns(pl.col(r).cast(pl.String) for r in rows)
    total_row = pl.DataFrame({r: [TOTAL if i == 0 else ""] for i, r in enumerate(rows)})
    labels = pl.concat([labels, total_row])
    names = [*headers, TOTAL]
    cells = pl.DataFrame(
        {h: list(shown[:, j]) for j, h in enumerate(names)},
        schema=dict.fromkeys(names, pl.String),
    )
    counts = pl.concat(
        [labels, pl.DataFrame({h: grid[:, j] for j, h in enumerate(names)})],
        how="horizontal",
    )
    return ProtectedTable(
        table=pl.concat([labels, cells], how="horizontal"),
        counts=counts,
        primary=int(primary.sum()),
        secondary=int(mask.sum() - primary.sum()),
    )


def protect_statistics(
    data: Any,
    *,
    by: Sequence[str],
    value: str,
    person: str | None = None,
    policy: SmallNumberPolicy | None = None,
) -> pl.DataFrame:
    """Means and medians of ``value`` per group, suppressed where fewer than 8 people.

    Args:
        data: record-level pandas or polars DataFrame.
        by: the grouping columns.
        value: the numeric column summarised.
        person: count people as distinct persons (else rows).
        policy: the small-number policy.

    Returns:
        The groups with ``people`` (protected like a count), ``mean`` and ``median`` as text.

    Raises:
        InputError: unknown columns, or a value column that is not numeric.
    """
    policy = policy or SmallNumberPolicy()
    frame = prepare(data, list(by), sensitive=[value], person=person)
    numbers = frame[value].cast(pl.Float64, strict=False)
    if numbers.null_count() > frame[value].null_count():
        raise InputError(f"column {value!r} is not numeric; means and medians need numbers.")
    frame = frame.with_columns(numbers.alias(value))
    people = pl.col(person).n_unique() if person else pl.len()
    stats = (
        frame.group_by(list(by))
        .agg(
            people.alias("__people"),
            pl.col(value).mean().alias("__mean"),
            pl.col(value).median().alias("__median"),
        )
        .sort(list(by))
    )
    small = pl.col("__people") < policy.min_people_for_statistics
    count_small = (pl.col("__people") >= max(policy.low, 1)) & (pl.col("__people") <= policy.high)
    symbol = pl.lit(policy.symbol)
    rounded = ((pl.col("__people") / policy.rounding + 0.5).floor() * policy.rounding).cast(
        pl.Int64
    )
    return stats.select(
        *by,
        pl.when(count_small).then(symbol).otherwise(rounded.cast(pl.String)).alias("people"),
        pl.when(small)
        .then(symbol)
        .otherwise(pl.col("__mean").round(1).cast(pl.String))
        .alias("mean"),
        pl.when(small)
        .then(symbol)
        .otherwise(pl.col("__median").round(1).cast(pl.String))
        .alias("median"),
    )


def check_published(table: Any, *, cells: Sequence[str], policy: SmallNumberPolicy) -> list[str]:
    """List the ways a table already prepared for publication breaks the policy.

    Args:
        table: the published table (text or numbers; ``symbol`` where suppressed).
        cells: the count columns to check (include the total column if there is one).
        policy: the small-number policy.

    Returns:
        One line per problem (column name and row number, never a value); empty if it passes.
    """
    frame = to_frame(table)
    problems = []
    for name in cells:
        if name not in frame.columns:
            problems.append(f"count column {name!r} is not in the table")
            continue
        text = frame[name].cast(pl.String)
        numbers = text.cast(pl.Int64, strict=False)
        bad_text = (numbers.is_null() & text.ne_missing(policy.symbol)).arg_true().to_list()
        small = ((numbers >= max(policy.low, 1)) & (numbers <= policy.high)).fill_null(False)
        unrounded = ((numbers % policy.rounding) != 0).fill_null(False) & ~small
        for label, rows in (
            ("is neither a count nor the suppression symbol", bad_text),
            (
                f"shows a count from {max(policy.low, 1)} to {policy.high}",
                small.arg_true().to_list(),
            ),
            (f"is not rounded to a multiple of {policy.rounding}", unrounded.arg_true().to_list()),
        ):
            if rows:
                problems.append(f"column {name!r}: {len(rows)} cell(s) {label} (rows {rows[:5]})")
    return problems


def to_frame(table: Any) -> pl.DataFrame:
    """A polars frame from pandas or polars (index ignored)."""
    from safelink.infra.io import to_polars

    return to_polars(table)
