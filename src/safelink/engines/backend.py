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

import itertools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import polars as pl

from safelink.engines import Engine
from safelink.engines.sql import Dialect, quote, transpile

if TYPE_CHECKING:
    import duckdb
    from pyspark.sql import SparkSession

_VIEW_IDS = itertools.count()


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


def _polars_fold(text: pl.Expr) -> pl.Expr:
    return text.str.normalize("NFKD").str.replace_all(r"\p{M}", "")


class DuckDBBackend:
    """DuckDB on one machine: relations on one connection."""

    engine = Engine.LOCAL
    dialect = Dialect.DUCKDB

    def __init__(self, connection: duckdb.DuckDBPyConnection | None = None) -> None:
        """Use ``connection``, or a new in-memory one."""
        import duckdb

        self.connection = connection if connection is not None else duckdb.connect()
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


_DUCKDB_FOLD = "__safelink_fold_accents"


def _arrow_fold(values: Any) -> Any:
    folded = pl.select(_polars_fold(pl.lit(pl.Series(values, dtype=pl.String)))).to_series()
    return folded.to_arrow().cast("string")


class SparkBackend:
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


def view_name(stem: str) -> str:
    """A table name unique in this process, for registering intermediate tables."""
    return f"__safelink_{stem}_{next(_VIEW_IDS)}"


__all__ = ["Backend", "DuckDBBackend", "PolarsBackend", "SparkBackend", "view_name"]
