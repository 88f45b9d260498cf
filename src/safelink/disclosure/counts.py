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

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any

import polars as pl

from safelink.disclosure.equivalence import (
    CID,
    OWN,
    OWN_ROWS,
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
        with each class's ``OWN`` records (before wildcard extras) for risk averages and
        ``OWN_ROWS`` for utility; its
        frequencies and totals are counted on first use.
    """
    counter = _Counter(
        backend if backend is not None else PolarsBackend(),
        data,
        list(quasi),
        person=person,
        missing=missing,
    )
    return ClassTable(
        lambda: counter.classes,
        unit="persons" if person else "rows",
        frequencies=counter.frequencies,
        distribution=counter.distribution,
        totals=counter.totals,
    )


class _Counter:
    """The queries behind one :class:`ClassTable`, each run once and only when first read."""

    def __init__(
        self, engine: Backend, data: Any, quasi: list[str], *, person: str | None, missing: str
    ) -> None:
        self.engine = engine
        self.table = engine.table(data)
        self.quasi = quasi
        self.person = person
        self.missing = missing
        self._own: dict[str, pl.DataFrame] = {}
        self._sums: pl.DataFrame | None = None

    def run(self, sql: str, extra: Mapping[str, Any] | None = None) -> pl.DataFrame:
        """``sql`` over the data (and ``extra`` tables), collected with counts as Int64."""
        result = self.engine.query(sql, {DATA: self.table, **(extra or {})})
        return _ints(self.engine.collect(result))

    def numbered(self, frame: pl.DataFrame) -> pl.DataFrame:
        """Classes numbered in the order of their keys, whichever query saw them first."""
        numbered = frame.sort(self.quasi, nulls_last=False).with_row_index(CID)
        return numbered.with_columns(pl.col(CID).cast(pl.Int64))

    @cached_property
    def exact(self) -> pl.DataFrame:
        """The classes without wildcard extras, with the whole table's person totals.

        Without a person column, a class's rows are the sum of its rows per value, so once a
        sensitive attribute has been counted (:meth:`own`) the classes are read from that
        table instead of a second pass over the data.
        """
        if not self.person and self._sums is not None:
            counted = self._sums
        else:
            counted = self.numbered(self.run(classes_sql(self.quasi, person=self.person)))
        if not self.person:
            counted = counted.with_columns(pl.col(ROWS).alias(PERSONS))
        return counted.with_columns(pl.col(PERSONS).alias(OWN), pl.col(ROWS).alias(OWN_ROWS))

    @cached_property
    def members(self) -> pl.DataFrame | None:
        """The wildcard membership table, or None when the policy adds nothing."""
        quasi = self.quasi
        counted = self.exact
        nulls = counted.select(pl.any_horizontal(pl.col(quasi).is_null()).any()).item()
        if self.missing != "wildcard" or not nulls:
            return None
        links = membership(counted.select(*quasi, CID), quasi)
        flags = [pl.col(q).is_not_null().cast(pl.UInt8).cast(pl.String) for q in quasi]
        return links.join(counted.select(pl.col(CID).alias(SRC), *quasi), on=SRC).select(
            CID, *quasi, pl.concat_str(flags).alias(PATTERN)
        )

    def wildcard(self, linked: pl.DataFrame, value: str | None) -> pl.DataFrame:
        """Rows and persons per wildcard class (and value): :func:`wildcard_sql`."""
        patterns = sorted(linked[PATTERN].unique().to_list())
        sql = wildcard_sql(self.quasi, patterns, person=self.person, value=value)
        return self.run(sql, {MEMBERS: linked})

    @cached_property
    def classes(self) -> pl.DataFrame:
        """``ClassTable.classes``: sizes with wildcard extras, ``OWN`` without."""
        counted = self.exact
        if self.members is not None:
            sizes = self.wildcard(self.members, None)
            counted = counted.drop(ROWS, PERSONS).join(sizes, on=CID, how="left")
        return counted.select(*self.quasi, CID, ROWS, PERSONS, OWN, OWN_ROWS).with_columns(
            pl.col(PERSONS).alias(SIZE)
        )

    def own(self, attribute: str) -> pl.DataFrame:
        """``(CID, VALUE, PERSONS)`` counted without wildcard extras."""
        if attribute not in self._own:
            quasi = self.quasi
            counted = self.run(class_sql(quasi, person=self.person, value=attribute))
            if not self.person:
                counted = counted.with_columns(pl.col(ROWS).alias(PERSONS))
            # every class holds some value (missing is one), so numbering this table's own
            # keys as the classes are numbered gives the same ids, without a join
            grouped = counted.group_by(quasi).agg(pl.col(VALUE), pl.col(PERSONS))
            numbered = self.numbered(grouped)
            if not self.person and self._sums is None:
                sums = pl.col(PERSONS).list.sum().cast(pl.Int64).alias(ROWS)
                self._sums = numbered.select(*quasi, CID, sums)
            self._own[attribute] = numbered.select(CID, VALUE, PERSONS).explode(VALUE, PERSONS)
        return self._own[attribute]

    def frequencies(self, attribute: str) -> pl.DataFrame:
        """``ClassTable.frequencies``: with wildcard extras where the policy adds them."""
        if self.missing == "wildcard" and self.members is not None:
            return self.wildcard(self.members, attribute).select(CID, VALUE, PERSONS)
        return self.own(attribute)

    def distribution(self, attribute: str) -> pl.DataFrame:
        """``(VALUE, g, p)``: a value's count in the whole table sums its exact class counts."""
        totals = self.own(attribute).group_by(VALUE).agg(pl.col(PERSONS).sum().alias("g"))
        return totals.sort(VALUE, nulls_last=False).select(
            VALUE, "g", (pl.col("g") / pl.col("g").sum()).alias("p")
        )

    def totals(self) -> Totals:
        """Rows, distinct persons and persons in several classes."""
        counted = self.exact
        rows = int(counted[ROWS].sum())
        if not self.person:
            return Totals(rows=rows, persons=None, several=None)
        persons, several = int(counted[ALL_PERSONS][0]), int(counted[SEVERAL][0])
        return Totals(rows=rows, persons=persons, several=several)


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
