"""The equivalence-class table, counted once as SQL on any engine (ARX: data -> classes).

The only row-level work in measuring a table is aggregating its records into equivalence
classes. It is written here once, as SQL in DuckDB's dialect (:mod:`safelink.engines.sql`),
and run through a :class:`~safelink.engines.backend.Backend`: polars locally, Spark for data
that do not fit one machine. What comes back is the (much smaller) class table: per class its
rows and distinct persons, and per sensitive attribute each class's value frequencies. Every
model (:mod:`~safelink.disclosure.models`, :mod:`~safelink.disclosure.risk`) and every
criterion (:mod:`~safelink.disclosure.criteria`) reads that table, so none of them depends on
the engine.

SQL notes: ``GROUP BY`` groups NULLs together on every engine, so a missing quasi-identifier
or sensitive value is a value of its own; ``COUNT(DISTINCT person)`` is safe because person
ids are never missing; the wildcard policy's join is one plain equality join per
missing-value pattern (exact for NULLs, and a hash join on every engine, where a null-safe
``IS NOT DISTINCT FROM`` join is a nested loop in polars' SQL); sums are cast to ``BIGINT``
(DuckDB sums integers as ``HUGEINT``). Engines return rows in any order, so classes are
numbered after sorting by their keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from safelink.disclosure.equivalence import (
    CID,
    OWN,
    PERSONS,
    ROWS,
    SIZE,
    SRC,
    VALUE,
    ClassTable,
    Totals,
    membership,
    prepare,
)
from safelink.engines.backend import Backend, PolarsBackend
from safelink.engines.sql import literal, quote

DATA = "__safelink_data"
"""The name the data are registered under in the SQL below."""
MEMBERS = "__safelink_members"
"""The name of the wildcard membership table (class id, quasi-identifiers of a source class)."""
ALL_PERSONS = "__all_persons"
"""The classes query's column of the whole table's distinct persons."""
SEVERAL = "__several"
"""The classes query's column of persons whose rows fall in more than one class."""
PATTERN = "__pattern"
"""The members table's column holding a source class's missing-value pattern."""
_N = "__n"


def _keys(quasi: Sequence[str], value: str | None) -> list[str]:
    keys = [quote(q) for q in quasi]
    if value is not None:
        keys.append(f"{quote(value)} AS {quote(VALUE)}")
    return keys


def _group(quasi: Sequence[str], value: str | None) -> list[str]:
    return [quote(q) for q in quasi] + ([quote(value)] if value is not None else [])


def class_sql(quasi: Sequence[str], *, person: str | None, value: str | None = None) -> str:
    """Rows and distinct persons per class (and per value of ``value`` when given).

    Columns: the quasi-identifiers, ``VALUE`` (with ``value``), ``ROWS`` and, with a person
    column, ``PERSONS``. Persons are counted by grouping on the person first (as cheap as a
    distinct count on every engine, and the same form on all of them).
    """
    select = ", ".join(_keys(quasi, value))
    group = ", ".join(_group(quasi, value))
    if person is None:
        return f"SELECT {select}, COUNT(*) AS {quote(ROWS)} FROM {DATA} GROUP BY {group}"  # noqa: S608
    outer = ", ".join([quote(q) for q in quasi] + ([quote(VALUE)] if value is not None else []))
    return f"""
WITH b AS (
  SELECT {select}, COUNT(*) AS {_N} FROM {DATA} GROUP BY {group}, {quote(person)}
)
SELECT {outer}, CAST(SUM({_N}) AS BIGINT) AS {quote(ROWS)}, COUNT(*) AS {quote(PERSONS)}
FROM b GROUP BY {outer}
"""  # noqa: S608


def classes_sql(quasi: Sequence[str], *, person: str | None) -> str:
    """The classes (:func:`class_sql`) and, with a person column, the whole table's persons.

    With a person column every row also carries ``ALL_PERSONS`` (distinct persons) and
    ``SEVERAL`` (persons whose rows fall in more than one class), computed from the same
    per-(class, person) counts in the same query, so an engine reads the data once.
    """
    if person is None:
        return class_sql(quasi, person=None)
    keys = ", ".join(quote(q) for q in quasi)
    p = quote(person)
    return f"""
WITH b AS (
  SELECT {keys}, {p}, COUNT(*) AS {_N} FROM {DATA} GROUP BY {keys}, {p}
), c AS (
  SELECT {keys}, CAST(SUM({_N}) AS BIGINT) AS {quote(ROWS)}, COUNT(*) AS {quote(PERSONS)}
  FROM b GROUP BY {keys}
), per AS (
  SELECT {p}, COUNT(*) AS k FROM b GROUP BY {p}
), tot AS (
  SELECT COUNT(*) AS {quote(ALL_PERSONS)},
    CAST(SUM(CASE WHEN k > 1 THEN 1 ELSE 0 END) AS BIGINT) AS {quote(SEVERAL)}
  FROM per
)
SELECT c.*, tot.{quote(ALL_PERSONS)}, tot.{quote(SEVERAL)} FROM c CROSS JOIN tot
"""  # noqa: S608


def wildcard_sql(
    quasi: Sequence[str],
    patterns: Sequence[str],
    *,
    person: str | None,
    value: str | None = None,
) -> str:
    """Rows and persons per wildcard class: the records of every class at least as general.

    ``MEMBERS`` pairs each class id ``CID`` with the quasi-identifiers of a class whose
    records count towards it (:func:`~safelink.disclosure.equivalence.membership`) and that
    class's missing-value pattern ``PATTERN`` (``"1"`` present, ``"0"`` missing, per
    quasi-identifier). The records are pre-counted, then joined once per source pattern on
    the quasi-identifiers that pattern has (plain equality on non-null keys: a hash join on
    every engine; a null-safe join is a nested loop in polars' SQL).
    """
    inner = _keys(quasi, value) + ([quote(person)] if person else [])
    group = _group(quasi, value) + ([quote(person)] if person else [])
    carried = [f"b.{quote(VALUE)}"] if value is not None else []
    carried += [f"b.{quote(person)}"] if person else []
    branches = []
    for pattern in patterns:
        present = [q for q, flag in zip(quasi, pattern, strict=True) if flag == "1"]
        where = " AND ".join(
            f"b.{quote(q)} IS {'NOT ' if flag == '1' else ''}NULL"
            for q, flag in zip(quasi, pattern, strict=True)
        )
        source = f"(SELECT * FROM {MEMBERS} WHERE {quote(PATTERN)} = {literal(pattern)}) AS m"  # noqa: S608
        if present:
            on = " AND ".join(f"b.{quote(q)} = m.{quote(q)}" for q in present)
            join = f"JOIN {source} ON {on}"
        else:
            join = f"CROSS JOIN {source}"
        columns = ", ".join([f"m.{quote(CID)}", *carried, f"b.{_N}"])
        branches.append(f"SELECT {columns} FROM b {join} WHERE {where}")  # noqa: S608
    by = [quote(CID)] + ([quote(VALUE)] if value is not None else [])
    persons = f"COUNT(DISTINCT {quote(person)})" if person else f"CAST(SUM({_N}) AS BIGINT)"
    union = "\n  UNION ALL\n  ".join(branches)
    return f"""
WITH b AS (
  SELECT {", ".join(inner)}, COUNT(*) AS {_N} FROM {DATA} GROUP BY {", ".join(group)}
), u AS (
  {union}
)
SELECT {", ".join(by)}, CAST(SUM({_N}) AS BIGINT) AS {quote(ROWS)}, {persons} AS {quote(PERSONS)}
FROM u GROUP BY {", ".join(by)}
"""  # noqa: S608


def class_table(
    data: Any,
    quasi: Sequence[str],
    *,
    sensitive: Sequence[str] = (),
    person: str | None = None,
    missing: str = "value",
) -> ClassTable:
    """Validate ``data`` and count its class table on the engine the data live on.

    A Spark DataFrame is validated and counted on Spark
    (:func:`~safelink.engines.spark_disclosure_check.prepare_spark`, a
    :class:`~safelink.engines.backend.SparkBackend`); anything else (pandas, polars, Arrow)
    is prepared with :func:`~safelink.disclosure.equivalence.prepare` and counted by polars.

    Raises:
        InputError: an empty frame, unknown columns or a missing person id.
    """
    if type(data).__module__.startswith("pyspark."):
        from safelink.engines.backend import SparkBackend
        from safelink.engines.spark_disclosure_check import prepare_spark

        frame = prepare_spark(data, quasi, sensitive=sensitive, person=person, missing=missing)
        backend = SparkBackend(frame.sparkSession)
        return count_classes(frame, quasi, person=person, missing=missing, backend=backend)
    prepared = prepare(data, quasi, sensitive=sensitive, person=person, missing=missing)
    return count_classes(prepared, quasi, person=person, missing=missing)


def count_classes(
    data: Any,
    quasi: Sequence[str],
    *,
    person: str | None = None,
    missing: str = "value",
    backend: Backend | None = None,
) -> ClassTable:
    """The class table of ``data`` (already validated), counted on ``backend``.

    Args:
        data: the records, as the backend's table (or anything it accepts).
        quasi: the quasi-identifier columns.
        person: count distinct persons per class (and per class and value).
        missing: ``"value"`` or ``"wildcard"`` (see :mod:`safelink.disclosure.equivalence`).
        backend: the engine (default: polars).

    Returns:
        A :class:`~safelink.disclosure.equivalence.ClassTable` keyed by the quasi-identifiers,
        with each class's ``OWN`` records (before wildcard extras) for risk averages; its
        frequencies and totals are counted on first use.
    """
    engine = backend if backend is not None else PolarsBackend()
    quasi = list(quasi)
    table = engine.table(data)
    measure = PERSONS if person else ROWS
    state: dict[str, Any] = {}

    def run(sql: str, extra: dict[str, Any] | None = None) -> pl.DataFrame:
        return _ints(engine.collect(engine.query(sql, {DATA: table, **(extra or {})})))

    def numbered(frame: pl.DataFrame) -> pl.DataFrame:
        # classes numbered in the order of their keys, whichever query saw them first
        numbered = frame.sort(quasi, nulls_last=False).with_row_index(CID)
        return numbered.with_columns(pl.col(CID).cast(pl.Int64))

    def exact() -> pl.DataFrame:
        if "exact" not in state:
            counted = numbered(run(classes_sql(quasi, person=person)))
            if not person:
                counted = counted.with_columns(pl.col(ROWS).alias(PERSONS))
            state["exact"] = counted.with_columns(pl.col(measure).alias(OWN))
        frame: pl.DataFrame = state["exact"]
        return frame

    def members() -> pl.DataFrame | None:
        """The wildcard membership table, or None when the policy adds nothing."""
        if "members" not in state:
            state["members"] = None
            counted = exact()
            nulls = counted.select(pl.any_horizontal(pl.col(quasi).is_null()).any()).item()
            if missing == "wildcard" and nulls:
                links = membership(counted.select(*quasi, CID), quasi)
                flags = [pl.col(q).is_not_null().cast(pl.UInt8).cast(pl.String) for q in quasi]
                state["members"] = links.join(
                    counted.select(pl.col(CID).alias(SRC), *quasi), on=SRC
                ).select(CID, *quasi, pl.concat_str(flags).alias(PATTERN))
        found: pl.DataFrame | None = state["members"]
        return found

    def wildcard(linked: pl.DataFrame, value: str | None) -> pl.DataFrame:
        patterns = sorted(linked[PATTERN].unique().to_list())
        return run(wildcard_sql(quasi, patterns, person=person, value=value), {MEMBERS: linked})

    def classes() -> pl.DataFrame:
        counted = exact()
        linked = members()
        if linked is not None:
            sizes = wildcard(linked, None)
            counted = counted.drop(ROWS, PERSONS).join(sizes, on=CID, how="left")
        return counted.select(*quasi, CID, ROWS, PERSONS, OWN).with_columns(
            pl.col(PERSONS).alias(SIZE)
        )

    def keys(counted: pl.DataFrame) -> pl.DataFrame:
        if "exact" in state:
            return exact().select(*quasi, CID)
        return numbered(counted.select(quasi).unique())

    def own(attribute: str) -> pl.DataFrame:
        """``(CID, VALUE, PERSONS)`` counted without wildcard extras."""
        key = f"own:{attribute}"
        if key not in state:
            counted = run(class_sql(quasi, person=person, value=attribute))
            if not person:
                counted = counted.with_columns(pl.col(ROWS).alias(PERSONS))
            joined = counted.join(keys(counted), on=quasi, nulls_equal=True)
            state[key] = joined.select(CID, VALUE, PERSONS)
        frame: pl.DataFrame = state[key]
        return frame

    def frequencies(attribute: str) -> pl.DataFrame:
        linked = members() if missing == "wildcard" else None
        if linked is not None:
            return wildcard(linked, attribute).select(CID, VALUE, PERSONS)
        return own(attribute)

    def distribution(attribute: str) -> pl.DataFrame:
        # a value's count in the whole table is the sum of its (exact) class counts
        totals = own(attribute).group_by(VALUE).agg(pl.col(PERSONS).sum().alias("g"))
        return totals.sort(VALUE, nulls_last=False).select(
            VALUE, "g", (pl.col("g") / pl.col("g").sum()).alias("p")
        )

    def totals() -> Totals:
        counted = exact()
        rows = int(counted[ROWS].sum())
        if not person:
            return Totals(rows=rows, persons=None, several=None)
        return Totals(
            rows=rows, persons=int(counted[ALL_PERSONS][0]), several=int(counted[SEVERAL][0])
        )

    return ClassTable(
        classes,
        unit="persons" if person else "rows",
        frequencies=frequencies,
        distribution=distribution,
        totals=totals,
    )


def _ints(frame: pl.DataFrame) -> pl.DataFrame:
    """Counts as Int64 whatever the engine returned (UInt32, Int32, Decimal)."""
    return frame.with_columns(
        pl.col(c).cast(pl.Int64)
        for c in (ROWS, PERSONS, CID, ALL_PERSONS, SEVERAL)
        if c in frame.columns
    )


__all__ = [
    "ALL_PERSONS",
    "DATA",
    "MEMBERS",
    "PATTERN",
    "SEVERAL",
    "class_sql",
    "class_table",
    "classes_sql",
    "count_classes",
    "wildcard_sql",
]
