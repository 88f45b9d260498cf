"""Keyed surrogates and date shifts on any engine: the same values locally and on Spark.

What needs the key (a surrogate is drawn from the HMAC of its value; a person's offset from
the HMAC of the person's id) is one Arrow batch routine per step,
:func:`surrogate_batches` and :func:`shift_batches`, run by the engine's
:meth:`~safelink.engines.backend.Backend.map_arrow`: locally on the whole Arrow table, on Spark
through ``mapInArrow``. The key reaches a routine only as its argument (the subkey's inner
HMAC block, turned into a :class:`~safelink.keys.BlockKey` there), never a plan or an
expression. What needs the whole column (the categories to choose among, the one format a text
date column is written in, missing person ids) and every count of the reports is SQL, the same
on every engine.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import polars as pl
import pyarrow as pa

from safelink.engines.backend import Backend, run_query
from safelink.engines.sql import quote
from safelink.errors import InputError
from safelink.keys import BlockKey
from safelink.surrogate._draw import KeySource
from safelink.surrogate.collisions import count_collisions
from safelink.surrogate.dates import (
    CHANGED,
    CLAMPED,
    DOES_NOT_PRESERVE,
    MISSING,
    PERSON,
    PRESERVES,
    STRING_FORMATS,
    ShiftReport,
    allowed_offsets,
    choose_format,
    failures_column,
    shift_rows,
    survey_rows,
)
from safelink.surrogate.kinds import (
    Kind,
    SurrogateReport,
    category_values,
    check_options,
    surrogate_rows,
)

KEY = "__safelink_key"
"""The column :func:`surrogate_batches` adds: each row's canonical value (for collisions)."""
OK = "__safelink_ok"
"""The column :func:`surrogate_batches` adds: whether the normaliser accepted the value."""


def _block(block: bytes | None) -> BlockKey:
    if block is None:  # pragma: no cover - the callers below always pass the block
        raise InputError("a keyed routine needs its key block")
    return BlockKey(block)


def surrogate_batches(
    batches: Iterator[pa.RecordBatch],
    block: bytes | None,
    *,
    column: str,
    kind: Kind,
    sex: str | None,
    keep_district: bool,
    category: tuple[str, ...] | None,
) -> Iterator[pa.RecordBatch]:
    """The rows with ``column`` replaced by surrogates, and :data:`KEY`, :data:`OK`, ``CHANGED``.

    The Arrow batch routine of :func:`surrogate_records` (every engine runs this one).
    """
    key = _block(block)
    for batch in batches:
        frame = pl.from_arrow(batch)
        assert isinstance(frame, pl.DataFrame)
        made = surrogate_rows(
            frame, column, kind, key, sex=sex, keep_district=keep_district, category=category
        )
        out = frame.with_columns(made["surrogate"].alias(column)).with_columns(
            made["key"].alias(KEY),
            made["ok"].alias(OK),
            made["changed"].cast(pl.Int64).alias(CHANGED),
        )
        yield from out.to_arrow().to_batches()


def _schema(backend: Backend, table: Any) -> pl.Schema:
    return backend.collect(run_query(backend, "SELECT * FROM {data} LIMIT 0", data=table)).schema


def _select(backend: Backend, table: Any, names: Sequence[str]) -> Any:
    columns = ", ".join(quote(n) for n in names)
    return run_query(backend, f"SELECT {columns} FROM {{data}}", data=table)  # noqa: S608


def _totals(backend: Backend, table: Any, sums: Mapping[str, str]) -> dict[str, int]:
    """One row of totals: name -> SQL aggregate over the rows (a missing total is 0)."""
    select = ", ".join(f"{sql} AS {quote(name)}" for name, sql in sums.items())
    row = backend.collect(run_query(backend, f"SELECT {select} FROM {{data}}", data=table))  # noqa: S608
    return {name: int(row[name][0] or 0) for name in sums}


def surrogate_records(
    backend: Backend,
    table: Any,
    column: str,
    *,
    kind: str | Kind,
    keyring: KeySource,
    sex: str | None = None,
    keep_district: bool = False,
    values: Sequence[str] | None = None,
    label: str | None = None,
) -> tuple[Any, SurrogateReport]:
    """Replace a column of any engine's table by keyed surrogates (see ``surrogate_column``).

    Args:
        backend: the engine.
        table: its table.
        column: the column to replace (keeps its name; text).
        kind: the kind of surrogate.
        keyring: the project keyring (its ``surrogate`` namespace is used).
        sex: forenames: a sex column.
        keep_district: postcodes: keep the district.
        values: categories: choose among these instead of the observed values.
        label: the key label (default: the column name).

    Returns:
        The engine's table with the column replaced, and the report.

    Raises:
        InputError: unknown column or kind, or an option that does not fit the kind.
    """
    names = list(_schema(backend, table))
    chosen = check_options(names, column, kind, sex=sex, keep_district=keep_district, values=values)
    purpose = f"surrogate:{label or column}"
    subkey = keyring.subkey(purpose)
    category = None
    if chosen is Kind.CATEGORY:
        observed = pl.Series([], dtype=pl.String)
        if values is None:
            sql = f"SELECT DISTINCT {quote(column)} AS v FROM {{data}}"  # noqa: S608
            observed = backend.collect(run_query(backend, sql, data=table))["v"]
        category = tuple(category_values(observed, values))
    routine = functools.partial(
        surrogate_batches,
        column=column,
        kind=chosen,
        sex=sex,
        keep_district=keep_district,
        category=category,
    )
    added = {column: pl.String(), KEY: pl.String(), OK: pl.Boolean(), CHANGED: pl.Int64()}
    out = backend.materialise(
        backend.map_arrow(
            table,
            routine,
            added,
            reads=[column, *([sex] if sex else [])],
            block=subkey.hmac_blocks()[0],
        )
    )
    c = quote(column)
    counts = _totals(
        backend,
        out,
        {
            "rows": "COUNT(*)",
            "missing": f"SUM(CASE WHEN {c} IS NULL THEN 1 ELSE 0 END)",
            "non_canonical": f"SUM(CASE WHEN {c} IS NOT NULL AND {OK} = FALSE THEN 1 ELSE 0 END)",
            "changed": f"SUM({CHANGED})",
        },
    )
    pairs_sql = (
        f"SELECT DISTINCT {KEY} AS o, {c} AS s FROM {{data}} "  # noqa: S608
        f"WHERE {KEY} IS NOT NULL AND {c} IS NOT NULL"
    )
    pairs = backend.collect(run_query(backend, pairs_sql, data=out))
    parameters: dict[str, Any] = {"kind": chosen.value, "purpose": purpose}
    if sex is not None:
        parameters["sex"] = sex
    if keep_district:
        parameters["keep_district"] = True
    if values is not None:
        parameters["values"] = len(values)
    report = SurrogateReport(
        column=column,
        kind=chosen.value,
        purpose=purpose,
        key_id=subkey.key_id,
        rows=counts["rows"],
        missing=counts["missing"],
        non_canonical=counts["non_canonical"],
        cells_changed=counts["changed"],
        collisions=count_collisions(pairs["o"], pairs["s"]),
        parameters=parameters,
    )
    return _select(backend, out, names), report


def survey_batches(
    batches: Iterator[pa.RecordBatch], block: bytes | None, *, person: str, text: tuple[str, ...]
) -> Iterator[pa.RecordBatch]:
    """One row per batch: missing person ids and unreadable dates per format (no key)."""
    for batch in batches:
        frame = pl.from_arrow(batch)
        assert isinstance(frame, pl.DataFrame)
        yield from survey_rows(frame, person, text).to_arrow().to_batches()


def shift_batches(
    batches: Iterator[pa.RecordBatch],
    block: bytes | None,
    *,
    formats: tuple[tuple[str, str], ...],
    person: str,
    offsets: tuple[int, ...],
    birth_column: str | None,
) -> Iterator[pa.RecordBatch]:
    """The rows with their dates shifted, and ``PERSON``, ``CHANGED``, ``CLAMPED``.

    The Arrow batch routine of :func:`shift_records` (every engine runs this one).
    """
    key = _block(block)
    for batch in batches:
        frame = pl.from_arrow(batch)
        assert isinstance(frame, pl.DataFrame)
        out = shift_rows(
            frame,
            dict(formats),
            person=person,
            key=key,
            offsets=offsets,
            birth_column=birth_column,
        )
        yield from out.to_arrow().to_batches()


def _formats(
    backend: Backend, table: Any, schema: pl.Schema, targets: Sequence[str], person: str
) -> dict[str, str]:
    """How each date column is read, once every person id is known to be present.

    Raises:
        InputError: missing person ids, a column that is not dates, or text in no one format.
    """
    text = tuple(c for c in targets if schema[c] == pl.String)
    survey_columns = {MISSING: pl.Int64()} | {
        failures_column(c, i): pl.Int64() for c in text for i in range(len(STRING_FORMATS))
    }
    survey = backend.map_arrow(
        table,
        functools.partial(survey_batches, person=person, text=text),
        survey_columns,
        reads=[person, *text],
        keep=False,
    )
    totals = _totals(backend, survey, {name: f"SUM({quote(name)})" for name in survey_columns})
    if totals[MISSING]:
        raise InputError(
            f"person column {person!r} has {totals[MISSING]} missing value(s); every dated row "
            "needs a person id to be shifted consistently: fill or remove them first."
        )
    formats: dict[str, str] = {}
    for column in targets:
        dtype = schema[column]
        if dtype == pl.Date or isinstance(dtype, pl.Datetime):
            formats[column] = "date"
        elif dtype == pl.String:
            failures = [totals[failures_column(column, i)] for i in range(len(STRING_FORMATS))]
            formats[column] = choose_format(failures, column)
        else:
            raise InputError(
                f"date column {column!r} holds {dtype}, not dates or text; convert it first."
            )
    return formats


def shift_records(
    backend: Backend,
    table: Any,
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
) -> tuple[Any, ShiftReport]:
    """Shift every date of each person of any engine's table (see ``shift_dates``).

    Returns:
        The engine's table with its dates shifted, and the report.

    Raises:
        InputError: an unknown column, a column that is not dates, a person column with
            missing values, or an unusable range.
    """
    schema = _schema(backend, table)
    names = list(schema)
    offsets = allowed_offsets(min_days=min_days, max_days=max_days, keep_weekday=keep_weekday)
    if keep_birth_year and birth_column is None:
        raise InputError("keep_birth_year needs birth_column: name the date-of-birth column.")
    targets = list(dict.fromkeys([*columns, *([birth_column] if birth_column else [])]))
    if not targets:
        raise InputError("no date columns to shift: name at least one.")
    for column in targets:
        if column not in schema:
            raise InputError(
                f"date column {column!r} is not in the data; columns are {sorted(names)}."
            )
    if person in targets:
        raise InputError(f"column {person!r} is the person column; it cannot also be shifted.")
    if person not in schema:
        raise InputError(
            f"person column {person!r} is not in the data; columns are {sorted(names)}."
        )
    formats = _formats(backend, table, schema, targets, person)
    purpose = f"surrogate:{label}"
    subkey = keyring.subkey(purpose)
    routine = functools.partial(
        shift_batches,
        formats=tuple(formats.items()),
        person=person,
        offsets=tuple(offsets),
        birth_column=birth_column if keep_birth_year else None,
    )
    added = {PERSON: pl.String(), CHANGED: pl.Int64(), CLAMPED: pl.Int64()}
    reads = [*targets, person]
    block = subkey.hmac_blocks()[0]
    out = backend.materialise(backend.map_arrow(table, routine, added, reads=reads, block=block))
    counts = _totals(
        backend,
        out,
        {"rows": "COUNT(*)", "changed": f"SUM({CHANGED})", "clamped": f"SUM({CLAMPED})"},
    )
    persons_sql = f"SELECT COUNT(DISTINCT {PERSON}) AS n FROM {{data}}"  # noqa: S608
    persons = int(backend.collect(run_query(backend, persons_sql, data=out))["n"][0])
    report = ShiftReport(
        columns=tuple(targets),
        person=person,
        purpose=purpose,
        key_id=subkey.key_id,
        rows=counts["rows"],
        persons=persons,
        min_days=min_days,
        max_days=max_days,
        keep_weekday=keep_weekday,
        birth_column=birth_column,
        keep_birth_year=keep_birth_year,
        cells_shifted=counts["changed"],
        births_clamped=counts["clamped"],
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
    return _select(backend, out, names), report


__all__ = [
    "KEY",
    "OK",
    "shift_batches",
    "shift_records",
    "surrogate_batches",
    "surrogate_records",
    "survey_batches",
]
