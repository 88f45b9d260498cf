"""Where Splink runs (DuckDB locally, or Spark) and models moved between their SQL dialects."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import polars as pl

from safelink.engines import Engine
from safelink.engines.backend import Backend, run_query
from safelink.engines.duckdb_connection import connect
from safelink.pseudonymise.bloom import ONES_SUFFIX, with_bloom_words


class SplinkDatabase(Protocol):
    """Where Splink trains and scores for one engine: a Splink ``DatabaseAPI`` and its tables.

    ``LocalSplink`` (DuckDB) is here; the Spark one is
    :class:`safelink.engines.spark_link.SparkSplink`.
    """

    dialect: str
    """The SQL dialect of Splink's settings for this database (``duckdb``, ``spark``)."""
    trains_in_place: bool
    """Whether the model is trained in this database (else on the driver with DuckDB)."""
    supports_bloom: bool
    """Whether the Bloom-filter comparisons' SQL runs here."""
    failed: str
    """How an error message names a failure here (``""``, ``" on Spark"``)."""

    def register(self, frames: Sequence[Any], *, name: str = "src") -> list[Any]:
        """Register tables of records (``node`` renamed ``unique_id``) with Splink.

        ``name`` starts their table names (``src``: the residual records), so that several
        registrations of one run do not collide.
        """
        ...

    def predict(self, linker: Any) -> str:
        """Score every blocked pair; return the name :meth:`sql` knows the predictions by."""
        ...

    def sql(self, query: str) -> pl.DataFrame:
        """Run ``query`` (in this database's dialect) and collect it."""
        ...

    def translate(self, exc: BaseException) -> None:
        """Raise a clear :class:`LinkageError` for an error this database explains; else return."""
        ...

    def close(self) -> None:
        """Release what this run made."""
        ...


class LocalSplink:
    """Splink's ``DuckDBAPI`` on a new in-memory DuckDB, for the local engine."""

    dialect = "duckdb"
    trains_in_place = True
    supports_bloom = True
    failed = ""

    def __init__(self) -> None:
        """Open the in-memory database."""
        from splink import DuckDBAPI

        self.connection = connect()
        self.connection.execute("SET enable_progress_bar = false")
        self.api = DuckDBAPI(self.connection)

    def register(self, frames: Sequence[Any], *, name: str = "src") -> list[Any]:
        """See :meth:`SplinkDatabase.register` (polars frames, through Arrow)."""
        return [
            self.api.register(splink_input(frame), table_name=f"{name}_{i}")
            for i, frame in enumerate(frames)
        ]

    def predict(self, linker: Any) -> str:
        """See :meth:`SplinkDatabase.predict`."""
        return str(linker.inference.predict().physical_name)

    def sql(self, query: str) -> pl.DataFrame:
        """See :meth:`SplinkDatabase.sql`."""
        return pl.from_arrow(self.connection.sql(query).to_arrow_table())  # type: ignore[return-value]

    def translate(self, exc: BaseException) -> None:
        """See :meth:`SplinkDatabase.translate` (nothing to explain locally)."""

    def close(self) -> None:
        """See :meth:`SplinkDatabase.close`."""
        self.connection.close()


def splink_input(frame: pl.DataFrame) -> Any:
    """A polars frame as DuckDB's Splink reads it: ``node`` as ``unique_id``, through Arrow.

    Each hex Bloom column (``*_bloom``) gains its integer form (:func:`with_bloom_words`)
    unless it has it, so the Dice levels of any model (trained here or read back to score
    pairs) find the columns they compare.
    """
    return with_words(frame).rename({"node": "unique_id"}).to_arrow()


def with_words(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with the integer form of each hex Bloom column that lacks it."""
    bare = [c for c in frame.columns if c.endswith("_bloom") and f"{c}{ONES_SUFFIX}" not in frame]
    return with_bloom_words(frame, bare)


def splink_database(backend: Backend) -> SplinkDatabase:
    """The Splink database for ``backend``'s engine: DuckDB locally, Spark on Spark."""
    if backend.engine is Engine.SPARK:
        from safelink.engines.spark_link import SparkSplink

        return SparkSplink(backend.spark)  # type: ignore[attr-defined]
    return LocalSplink()


def local_frames(backend: Backend, frames: Sequence[Any]) -> list[pl.DataFrame]:
    """``frames`` as polars DataFrames (collected from the backend where needed)."""
    return [f if isinstance(f, pl.DataFrame) else backend.collect(f) for f in frames]


def table_sizes(backend: Backend, frames: Sequence[Any]) -> list[int]:
    """The number of records of each table."""
    sizes = []
    for frame in frames:
        if isinstance(frame, pl.DataFrame):
            sizes.append(frame.height)
            continue
        counted = backend.collect(run_query(backend, "SELECT count(*) AS n FROM {t}", t=frame))
        sizes.append(int(counted["n"][0]))
    return sizes


def column_names(backend: Backend, frame: Any) -> set[str]:
    """The column names of ``frame``, a polars frame or one of the backend's tables."""
    if isinstance(frame, pl.DataFrame):
        return set(frame.columns)
    return set(backend.collect(run_query(backend, "SELECT * FROM {t} LIMIT 0", t=frame)).columns)


#: The smallest m or u probability Splink accepts in a saved model (its own floor).
PROBABILITY_FLOOR = 1e-300


def loadable(model: dict[str, Any]) -> dict[str, Any]:
    """A saved Splink model another linker can load: m and u of at least the floor.

    EM can leave an m probability below the floor (3.6e-315 was seen on a small hard residual);
    a linker built from the saved model then refuses it. At the floor the level's weight is
    still about -1,000 bits: no pair's decision changes.
    """
    for comparison in model.get("comparisons", []):
        for level in comparison.get("comparison_levels", []):
            for name in ("m_probability", "u_probability"):
                value = level.get(name)
                if isinstance(value, float) and value < PROBABILITY_FLOOR:
                    level[name] = PROBABILITY_FLOOR
    return model


def in_duckdb_dialect(model: dict[str, Any], dialect: str) -> dict[str, Any]:
    """A saved Splink model (loadable) with every comparison's SQL in DuckDB's dialect."""
    import sqlglot

    model = loadable(model)
    model["sql_dialect"] = "duckdb"
    for comparison in model.get("comparisons", []) if dialect != "duckdb" else []:
        for level in comparison.get("comparison_levels", []):
            condition = level.get("sql_condition")
            if condition and condition != "ELSE":
                level["sql_condition"] = sqlglot.transpile(condition, read=dialect, write="duckdb")[
                    0
                ]
    return model


def duckdb_tables(frames: Sequence[pl.DataFrame]) -> tuple[Any, list[Any]]:
    """Register the frames (``node`` as ``unique_id``) in a new in-memory DuckDB."""
    from splink import DuckDBAPI

    connection = connect()
    connection.execute("SET enable_progress_bar = false")
    db_api = DuckDBAPI(connection)
    tables = [
        db_api.register(splink_input(frame), table_name=f"src_{i}")
        for i, frame in enumerate(frames)
    ]
    return connection, tables
