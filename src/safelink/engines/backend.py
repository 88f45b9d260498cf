"""What each engine runs the shared SQL on, and the few parts that cannot be SQL.

A :class:`Backend` is Splink's ``DatabaseAPI`` in small: it takes SQL written once in DuckDB's
dialect (:mod:`safelink.engines.sql`), transpiles it for its engine, and runs it over tables
of its own kind (polars ``LazyFrame``, DuckDB relation, Spark ``DataFrame``). Steps are written
against this protocol only; nothing in a step names an engine.

Three backends:

- :class:`PolarsBackend`: the local default. Expressions compile with ``pl.sql_expr``, queries
  run on ``pl.SQLContext``; everything stays lazy until :meth:`Backend.collect`.
- :class:`DuckDBBackend`: one DuckDB connection (for steps polars' SQL cannot express, and
  as a second local engine in the equality tests).
- :class:`SparkBackend`: a Spark session; expressions compile with ``F.expr``, queries run on
  ``spark.sql`` over temporary views.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import polars as pl
import pyarrow as pa

from safelink.engines import Engine
from safelink.engines.sql import Dialect, quote, transpile

if TYPE_CHECKING:
    import duckdb
    from pyspark.sql import SparkSession

_VIEW_IDS = itertools.count()

BatchRoutine = Callable[[Iterator[pa.RecordBatch], bytes | None], Iterator[pa.RecordBatch]]
"""An Arrow batch routine: batches and an optional key block in, batches out."""


@runtime_checkable
class Backend(Protocol):
    """The engine-specific half of a step: run shared SQL on this engine's tables."""

    engine: Engine
    dialect: Dialect

    def table(self, data: Any) -> Any:
        """This engine's table for ``data`` (a polars or Arrow frame, or one of its own)."""
        ...

    def with_columns(self, table: Any, columns: Mapping[str, str]) -> Any:
        """``table`` with columns added (or replaced), each given as a SQL expression.

        The expressions are evaluated against the input table's columns, all at once (an
        expression cannot refer to another one added in the same call).
        """
        ...

    def query(self, sql: str, tables: Mapping[str, Any]) -> Any:
        """The result of ``sql`` over ``tables`` (name in the SQL -> this engine's table)."""
        ...

    def fold_accents(self, table: Any, columns: Mapping[str, str]) -> Any:
        r"""``table`` with text columns added: target name -> source column name.

        Each target is its source in Unicode NFKD with the combining marks (``\p{M}``)
        removed (``Zoë`` -> ``Zoe``, ``ﬁ`` -> ``fi``): what no engine's SQL does portably.
        """
        ...

    def collect(self, table: Any) -> pl.DataFrame:
        """``table`` computed and brought back as a polars DataFrame."""
        ...

    def materialise(self, table: Any) -> Any:
        """``table`` computed now and kept, so later queries over it do not recompute it."""
        ...

    def number_rows(self, table: Any, order_by: Sequence[str], name: str) -> Any:
        """``table`` with ``name`` (BIGINT) first: 0, 1, ... in ``order_by`` order (unique).

        The result is materialised (as :meth:`materialise` would).
        """
        ...

    def components(self, edges: Any) -> Any:
        """Connected components of ``edges`` (``node_l``, ``node_r``): ``node``, ``label``.

        Every node with an edge gets the smallest node number of its component as its label;
        nodes without an edge are not listed.
        """
        ...

    def recode(self, table: Any, column: str, mapping: Any) -> Any:
        """``table`` with ``column`` replaced through ``mapping``, the rows in their order.

        ``mapping`` (a polars frame) holds each distinct value (``__o``, missing included)
        and its replacement (``__g``); a value it does not list becomes missing.
        """
        ...

    def map_arrow(
        self,
        table: Any,
        routine: BatchRoutine,
        columns: Mapping[str, pl.DataType],
        *,
        reads: Sequence[str],
        block: bytes | None = None,
        keep: bool = True,
    ) -> Any:
        """``table``'s rows as Arrow batches through ``routine`` (what SQL cannot do).

        ``routine(batches, block)`` yields, for each batch, the batch's columns in their order
        with those named in ``columns`` replaced (with those types) and the others of
        ``columns`` added at the end (with ``keep=False``, only ``columns``). The result is
        ``table`` so changed. ``reads`` names the columns the routine reads: the batches hold
        at least those (locally only those, so the other columns are never converted).
        ``block`` is key material the routine needs (an HMAC key block): it reaches the routine
        only as its argument, never a plan or an expression (Spark: a hidden broadcast column
        read on the worker).
        """
        ...


class PolarsBackend:
    """polars on one machine: lazy frames, ``pl.sql_expr`` and ``pl.SQLContext``."""

    engine = Engine.LOCAL
    dialect = Dialect.POLARS

    def table(self, data: Any) -> pl.LazyFrame:
        """A ``LazyFrame`` for a polars frame or an Arrow table."""
        if isinstance(data, pl.LazyFrame):
            return data
        if isinstance(data, pl.DataFrame):
            return data.lazy()
        return pl.from_arrow(data).lazy()  # type: ignore[union-attr]

    def with_columns(self, table: Any, columns: Mapping[str, str]) -> pl.LazyFrame:
        """See :meth:`Backend.with_columns`."""
        exprs = [
            pl.sql_expr(transpile(sql, self.dialect)).alias(name) for name, sql in columns.items()
        ]
        return self.table(table).with_columns(exprs)

    def query(self, sql: str, tables: Mapping[str, Any]) -> pl.LazyFrame:
        """See :meth:`Backend.query`."""
        frames = {name: self.table(data) for name, data in tables.items()}
        context = pl.SQLContext(frames=frames)
        return context.execute(transpile(sql, self.dialect), eager=False)

    def fold_accents(self, table: Any, columns: Mapping[str, str]) -> pl.LazyFrame:
        """See :meth:`Backend.fold_accents`."""
        return self.table(table).with_columns(
            _polars_fold(pl.col(source)).alias(target) for target, source in columns.items()
        )

    def collect(self, table: Any) -> pl.DataFrame:
        """See :meth:`Backend.collect`."""
        return self.table(table).collect()

    def materialise(self, table: Any) -> pl.LazyFrame:
        """See :meth:`Backend.materialise`."""
        return self.collect(table).lazy()

    def number_rows(self, table: Any, order_by: Sequence[str], name: str) -> pl.LazyFrame:
        """See :meth:`Backend.number_rows` (the rows sorted: later ``ORDER BY`` are free)."""
        ordered = self.collect(table).sort(list(order_by))
        return ordered.with_row_index(name).with_columns(pl.col(name).cast(pl.Int64)).lazy()

    def components(self, edges: Any) -> pl.LazyFrame:
        """See :meth:`Backend.components` (label propagation in polars)."""
        return label_components(self.collect(edges)).lazy()

    def recode(self, table: Any, column: str, mapping: Any) -> pl.LazyFrame:
        """See :meth:`Backend.recode` (a left join that keeps the rows' order)."""
        data = self.table(table)
        names = data.collect_schema().names()
        joined = data.join(
            self.table(mapping).select("__o", "__g"),
            left_on=column,
            right_on="__o",
            how="left",
            nulls_equal=True,
            maintain_order="left",
        )
        return joined.with_columns(pl.col("__g").alias(column)).select(names)

    def map_arrow(
        self,
        table: Any,
        routine: BatchRoutine,
        columns: Mapping[str, pl.DataType],
        *,
        reads: Sequence[str],
        block: bytes | None = None,
        keep: bool = True,
    ) -> pl.LazyFrame:
        """See :meth:`Backend.map_arrow` (the whole table as one batch)."""
        return _local_map(self.collect(table), routine, columns, reads, block, keep).lazy()


def _local_map(
    frame: pl.DataFrame,
    routine: BatchRoutine,
    columns: Mapping[str, pl.DataType],
    reads: Sequence[str],
    block: bytes | None,
    keep: bool,
) -> pl.DataFrame:
    """Run a batch routine on one machine: the columns it reads as one batch, in row order."""
    level = pl.CompatLevel.newest()  # string views: no copy either way
    arrow = frame.select(reads).to_arrow(compat_level=level).combine_chunks()
    batches = arrow.to_batches() or [pa.RecordBatch.from_pylist([], schema=arrow.schema)]
    out = [pa.Table.from_batches([batch]) for batch in routine(iter(batches), block)]
    made = (
        pl.concat([pl.DataFrame(table) for table in out], how="vertical")
        if out
        else pl.DataFrame(schema=dict(columns))
    )
    if not keep:
        return made
    return frame.with_columns(made.get_columns())


def _polars_fold(text: pl.Expr) -> pl.Expr:
    return text.str.normalize("NFKD").str.replace_all(r"\p{M}", "")


class _SqlRecode:
    """:meth:`Backend.recode` as the shared join (:func:`recode_sql`), for the SQL engines."""

    def table(self, data: Any) -> Any: ...

    def recode(self, table: Any, column: str, mapping: Any) -> Any:
        """See :meth:`Backend.recode` (the shared join, :func:`recode_sql`)."""
        names = self.table(table).columns
        return run_query(self, recode_sql(names, column), data=table, mapping=mapping)  # type: ignore[arg-type]


class DuckDBBackend(_SqlRecode):
    """DuckDB on one machine: relations on one connection."""

    engine = Engine.LOCAL
    dialect = Dialect.DUCKDB

    def __init__(self, connection: duckdb.DuckDBPyConnection | None = None) -> None:
        """Use ``connection``, or a new in-memory one (:func:`.duckdb_connection.connect`)."""
        from safelink.engines.duckdb_connection import connect

        self.connection = connection if connection is not None else connect()
        self._fold_registered = False

    def table(self, data: Any) -> Any:
        """A DuckDB relation for a polars frame, an Arrow table or a relation."""
        import duckdb

        if isinstance(data, duckdb.DuckDBPyRelation):
            return data
        if isinstance(data, pl.LazyFrame):
            data = data.collect()
        if isinstance(data, pl.DataFrame):
            data = data.to_arrow()
        return self.connection.from_arrow(data)

    def with_columns(self, table: Any, columns: Mapping[str, str]) -> Any:
        """See :meth:`Backend.with_columns`."""
        relation = self.table(table)
        kept = [quote(c) for c in relation.columns if c not in columns]
        added = [f"{sql} AS {quote(name)}" for name, sql in columns.items()]
        return relation.select(", ".join(kept + added))

    def query(self, sql: str, tables: Mapping[str, Any]) -> Any:
        """See :meth:`Backend.query`."""
        for name, data in tables.items():
            self.table(data).create_view(name, replace=True)
        return self.connection.sql(sql)

    def fold_accents(self, table: Any, columns: Mapping[str, str]) -> Any:
        """See :meth:`Backend.fold_accents`.

        DuckDB has no NFKD (``strip_accents`` keeps compatibility forms such as ``ﬁ``), so
        the fold is a vectorised Python function over Arrow running polars' own fold: the
        same result as :class:`PolarsBackend`.
        """
        if not self._fold_registered:
            from duckdb.func import ARROW

            self.connection.create_function(
                _DUCKDB_FOLD, _arrow_fold, ["VARCHAR"], "VARCHAR", type=ARROW
            )
            self._fold_registered = True
        return self.with_columns(
            table,
            {target: f"{_DUCKDB_FOLD}({quote(source)})" for target, source in columns.items()},
        )

    def collect(self, table: Any) -> pl.DataFrame:
        """See :meth:`Backend.collect`."""
        return pl.from_arrow(self.table(table).to_arrow_table())  # type: ignore[return-value]

    def materialise(self, table: Any) -> Any:
        """See :meth:`Backend.materialise` (an Arrow table the connection scans in place).

        Arrow with string views, not a DuckDB table: writing wide string columns into
        DuckDB's storage costs several times more than producing and scanning Arrow.
        """
        self.connection.execute("SET produce_arrow_string_view = true")
        return self.connection.from_arrow(self.table(table).to_arrow_table())

    def number_rows(self, table: Any, order_by: Sequence[str], name: str) -> Any:
        """See :meth:`Backend.number_rows`.

        Numbered by polars from the sort order of the keys alone (each row's rank, the
        inverse of the sorting permutation): the rows keep their places, so the strings are
        never gathered, and DuckDB scans the result in place.
        """
        self.connection.execute("SET produce_arrow_string_view = true")
        frame = table if isinstance(table, pl.DataFrame) else self.collect(table)
        numbered = pl.concat([_rank(frame, order_by, name), frame], how="horizontal")
        return self.connection.from_arrow(numbered.to_arrow(compat_level=pl.CompatLevel.newest()))

    def components(self, edges: Any) -> Any:
        """See :meth:`Backend.components` (label propagation in polars, on the edges)."""
        labels = label_components(self.collect(edges))
        return self.connection.from_arrow(labels.to_arrow())

    def map_arrow(
        self,
        table: Any,
        routine: BatchRoutine,
        columns: Mapping[str, pl.DataType],
        *,
        reads: Sequence[str],
        block: bytes | None = None,
        keep: bool = True,
    ) -> Any:
        """See :meth:`Backend.map_arrow` (the whole table as one batch)."""
        frame = _local_map(self.collect(table), routine, columns, reads, block, keep)
        return self.table(frame)


_DUCKDB_FOLD = "__safelink_fold_accents"


def _arrow_fold(values: Any) -> Any:
    folded = pl.select(_polars_fold(pl.lit(pl.Series(values, dtype=pl.String)))).to_series()
    return folded.to_arrow().cast("string")


class SparkBackend(_SqlRecode):
    """Apache Spark: DataFrames, ``F.expr`` and ``spark.sql`` over temporary views."""

    engine = Engine.SPARK
    dialect = Dialect.SPARK

    def __init__(self, spark: SparkSession) -> None:
        """Run on ``spark`` (see :func:`safelink.engines.spark.spark_session`)."""
        self.spark = spark

    def table(self, data: Any) -> Any:
        """A Spark DataFrame for a polars frame, an Arrow table or a DataFrame."""
        from pyspark.sql import DataFrame

        if isinstance(data, DataFrame):
            return data
        if isinstance(data, pl.LazyFrame):
            data = data.collect()
        if isinstance(data, pl.DataFrame):
            data = data.to_arrow()
        return self.spark.createDataFrame(data)

    def with_columns(self, table: Any, columns: Mapping[str, str]) -> Any:
        """See :meth:`Backend.with_columns`."""
        from pyspark.sql import functions as F  # noqa: N812

        exprs = {name: F.expr(transpile(sql, self.dialect)) for name, sql in columns.items()}
        return self.table(table).withColumns(exprs)

    def query(self, sql: str, tables: Mapping[str, Any]) -> Any:
        """See :meth:`Backend.query`."""
        for name, data in tables.items():
            self.table(data).createOrReplaceTempView(name)
        return self.spark.sql(transpile(sql, self.dialect))

    def fold_accents(self, table: Any, columns: Mapping[str, str]) -> Any:
        """See :meth:`Backend.fold_accents` (a translate table: :mod:`._spark_fold`)."""
        from pyspark.sql import functions as F  # noqa: N812

        from safelink.engines._spark_fold import fold_accents

        folded = {target: fold_accents(F.col(source)) for target, source in columns.items()}
        return self.table(table).withColumns(folded)

    def collect(self, table: Any) -> pl.DataFrame:
        """See :meth:`Backend.collect`."""
        return pl.from_arrow(self.table(table).toArrow())  # type: ignore[return-value]

    def materialise(self, table: Any) -> Any:
        """See :meth:`Backend.materialise` (``localCheckpoint``: cuts the lineage too)."""
        return self.table(table).localCheckpoint()

    def number_rows(self, table: Any, order_by: Sequence[str], name: str) -> Any:
        """See :meth:`Backend.number_rows` (a global sort and per-partition offsets)."""
        from safelink.engines.spark_link import number_rows

        return number_rows(self.table(table), order_by, name)

    def components(self, edges: Any) -> Any:
        """See :meth:`Backend.components` (label propagation, one checkpoint per round)."""
        from safelink.engines.spark_link import label_components_spark

        return label_components_spark(self.table(edges))

    def map_arrow(
        self,
        table: Any,
        routine: BatchRoutine,
        columns: Mapping[str, pl.DataType],
        *,
        reads: Sequence[str],
        block: bytes | None = None,
        keep: bool = True,
    ) -> Any:
        """See :meth:`Backend.map_arrow` (``mapInArrow``; the block a broadcast column).

        The block travels as data: a one-row binary frame, broadcast and cross-joined in, read
        and dropped by the worker before the routine sees the batch. ``explain()`` shows only
        its column name. The workers need safelink installed (the routine is its code).
        """
        from pyspark.sql import functions as F  # noqa: N812
        from pyspark.sql.types import StructField, StructType

        from safelink.engines._spark_batches import BLOCK, spark_batches, spark_type

        frame = self.table(table)
        fields = [
            StructField(f.name, spark_type(columns[f.name])) if f.name in columns else f
            for f in frame.schema.fields
            if keep
        ]
        known = set(frame.columns) if keep else set()
        fields += [StructField(n, spark_type(t)) for n, t in columns.items() if n not in known]
        schema = StructType(fields)
        if block is not None:
            hidden = self.spark.createDataFrame([(block,)], f"{BLOCK} binary")
            frame = frame.crossJoin(F.broadcast(hidden))
        worker = functools.partial(spark_batches, routine, schema.json(), block is not None)
        return frame.mapInArrow(worker, schema)


def recode_sql(columns: Sequence[str], column: str) -> str:
    """The records (``{data}``) with ``column`` replaced through ``{mapping}`` (``__o`` -> ``__g``).

    An equality join (a hash join on every engine) for the values, and the mapping's missing
    value's row for missing values (a null-safe join is a nested loop on some engines).
    """
    c = quote(column)
    null = "(SELECT MAX(__g) FROM {mapping} WHERE __o IS NULL)"
    out = [
        f"CASE WHEN d.{c} IS NULL THEN {null} ELSE m.__g END AS {c}"
        if name == column
        else f"d.{quote(name)}"
        for name in columns
    ]
    return (
        f"SELECT {', '.join(out)} FROM {{data}} AS d LEFT JOIN "  # noqa: S608
        f"(SELECT __o, __g FROM {{mapping}} WHERE __o IS NOT NULL) AS m ON d.{c} = m.__o"
    )


def _rank(frame: pl.DataFrame, order_by: Sequence[str], name: str) -> pl.DataFrame:
    """Each row's position (BIGINT ``name``) in ``order_by`` order, the rows left in place.

    Sorts the keys alone (not the whole rows), then inverts the permutation.
    """
    position = frame.select(list(order_by)).with_row_index("_row").sort(list(order_by))["_row"]
    return pl.DataFrame({name: position.arg_sort().cast(pl.Int64)})


def label_components(edges: pl.DataFrame) -> pl.DataFrame:
    """Connected components of ``edges`` by label propagation, in polars (see ``components``).

    Each round every node takes the smallest label among itself and its neighbours, until no
    label changes.
    """
    both = pl.concat(
        [
            edges.select(pl.col("node_l").alias("a"), pl.col("node_r").alias("b")),
            edges.select(pl.col("node_r").alias("a"), pl.col("node_l").alias("b")),
        ]
    ).cast(pl.Int64)
    label = both.select(pl.col("a").unique().sort().alias("node"))
    label = label.with_columns(pl.col("node").alias("label"))
    while True:
        neighbour = (
            both.join(label.rename({"node": "b"}), on="b")
            .group_by("a")
            .agg(pl.col("label").min().alias("candidate"))
        )
        updated = (
            label.join(neighbour.rename({"a": "node"}), on="node", how="left")
            .with_columns(pl.min_horizontal("label", "candidate").alias("new"))
            .sort("node")
        )
        if (updated["new"] == updated["label"]).all():
            return updated.select("node", pl.col("new").alias("label"))
        label = updated.select("node", pl.col("new").alias("label"))


def view_name(stem: str) -> str:
    """A table name unique in this process, for registering intermediate tables."""
    return f"__safelink_{stem}_{next(_VIEW_IDS)}"


def full_sql(backend: Backend) -> Backend:
    """``backend``, or for polars a DuckDB backend: for the SQL polars' cannot run.

    polars' SQL has no ``sha256``, list functions or bit operators; the steps that need them
    run on DuckDB over the polars tables (handed over through Arrow), still on this machine.
    """
    if backend.dialect is Dialect.POLARS:
        return DuckDBBackend()
    return backend


def run_query(backend: Backend, template: str, **tables: Any) -> Any:
    """Run ``template`` on ``backend``, each ``{name}`` in it naming the table given as ``name``.

    The tables are registered under names unique to this call (:func:`view_name`), so no
    name of the caller's session is replaced and a plan never sees a name rebound later.

    Example:
        >>> run_query(backend, "SELECT count(*) AS n FROM {records}", records=frame)
    """
    names = {name: view_name(name) for name in tables}
    sql = template
    for name, unique in names.items():
        sql = sql.replace("{" + name + "}", unique)
    return backend.query(sql, {names[name]: table for name, table in tables.items()})


__all__ = [
    "Backend",
    "BatchRoutine",
    "DuckDBBackend",
    "PolarsBackend",
    "SparkBackend",
    "full_sql",
    "label_components",
    "recode_sql",
    "run_query",
    "view_name",
]
