"""What linkage needs that only Spark has; the linkage itself is :mod:`safelink.link`.

``safelink.link.link(..., engine="spark")`` runs the same steps as the local engine, as SQL
through :class:`~safelink.engines.backend.SparkBackend`. This module holds the parts that are
genuinely Spark's own:

- reading tokens into Spark (:func:`read_parquet`, :func:`read_text` for ``_safelink.json``
  on a Hadoop-compatible path, :func:`is_spark_frame`);
- numbering records 0.. in a global order without moving every record into one partition
  (:func:`number_rows`: a global sort, then per-partition offsets);
- connected components by iterative label propagation, one checkpoint per round
  (:func:`label_components_spark`);
- Splink's ``SparkAPI`` set-up and clean-up (:class:`SparkSplink`);
- the driver's result limit as a clear error (:func:`raise_if_driver_limit`).

Nothing here imports :mod:`safelink.link`.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import polars as pl

from safelink.engines.sql import Dialect, transpile
from safelink.errors import LinkageError

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession


def raise_if_driver_limit(exc: BaseException) -> None:
    """Turn Spark's refusal to send the driver more than ``maxResultSize`` into a clear error.

    Raises:
        LinkageError: ``exc`` is that refusal (says what to set); otherwise nothing happens.
    """
    if "maxResultSize" in str(exc):
        raise LinkageError(
            "a result collected to the Spark driver exceeded spark.driver.maxResultSize; raise "
            "it (and spark.driver.memory) in the Spark settings, or lower "
            "link.probabilistic.max_training_records."
        ) from exc


def is_spark_frame(data: Any) -> bool:
    """Whether ``data`` is a Spark DataFrame."""
    from pyspark.sql import DataFrame as SparkFrame

    return isinstance(data, SparkFrame)


def read_parquet(spark: SparkSession, where: str) -> DataFrame:
    """Read a Parquet file or directory (local or Hadoop-compatible path) into Spark.

    Binary columns (tokens format 2: :mod:`safelink.pseudonymise.tokens_format`) are read as
    the lowercase hex text of their bytes, as format 1 holds them.
    """
    from pyspark.sql import functions as F  # noqa: N812
    from pyspark.sql.types import BinaryType

    frame = spark.read.parquet(where)
    binary = [f.name for f in frame.schema.fields if isinstance(f.dataType, BinaryType)]
    if not binary:
        return frame
    return frame.withColumns({name: F.lower(F.hex(F.col(name))) for name in binary})


def read_text(spark: SparkSession, where: str) -> str:
    """The whole text of one file (local or Hadoop-compatible path), read by Spark."""
    rows = spark.read.text(where, wholetext=True).collect()
    return str(rows[0][0])


def number_rows(table: DataFrame, order_by: Sequence[str], name: str) -> DataFrame:
    """``table`` with ``name`` first: 0, 1, ... in ``order_by`` order.

    A global sort, then per-partition offsets: the same numbers as a window over the whole
    frame, without moving every record into one partition. The result is checkpointed.
    """
    from pyspark.sql import functions as F  # noqa: N812

    columns = table.columns
    positioned = (
        table.orderBy(*order_by)
        .withColumn("_part", F.spark_partition_id())
        .withColumn("_id", F.monotonically_increasing_id())
        .localCheckpoint()
    )
    sizes = positioned.groupBy("_part").agg(F.count(F.lit(1)).alias("n")).collect()
    offsets, running = [], 0
    for part, size in sorted((int(r["_part"]), int(r["n"])) for r in sizes):
        offsets.append((part, running))
        running += size
    spark = table.sparkSession
    offset_table = F.broadcast(spark.createDataFrame(offsets, "_part INT, _offset BIGINT"))
    # monotonically_increasing_id is (partition << 33) + position within the partition.
    node = F.col("_offset") + F.col("_id") - F.shiftleft(F.col("_part").cast("bigint"), 33)
    numbered = positioned.join(offset_table, on="_part").select(node.alias(name), *columns)
    return numbered.localCheckpoint()


def label_components_spark(edges: DataFrame) -> DataFrame:
    """Connected components of ``edges`` (``node_l``, ``node_r``) by label propagation.

    Every node with an edge starts with its own number as label and takes the smallest label
    among its neighbours, round after round, until no label changes. Each round is
    checkpointed (``localCheckpoint``), so the lineage stays one round deep. Rounds grow with
    the longest chain of links in a person (a few when sources are de-duplicated).

    Returns:
        ``node`` and ``label`` (the smallest node number in its component) for every node
        with an edge.
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F  # noqa: N812

    both = (
        edges.select(F.col("node_l").alias("a"), F.col("node_r").alias("b"))
        .unionByName(edges.select(F.col("node_r").alias("a"), F.col("node_l").alias("b")))
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    label = both.select(F.col("a").alias("node")).distinct()
    label = label.select("node", F.col("node").alias("label")).localCheckpoint()
    while True:
        neighbour = (
            both.join(label.withColumnRenamed("node", "b"), on="b")
            .groupBy("a")
            .agg(F.min("label").alias("candidate"))
            .withColumnRenamed("a", "node")
        )
        updated = (
            label.join(neighbour, on="node", how="left")
            .select(
                "node",
                F.col("label").alias("old"),
                F.least("label", "candidate").alias("label"),
            )
            .localCheckpoint()
        )
        label = updated.select("node", "label")
        if updated.where(F.col("label") != F.col("old")).isEmpty():
            both.unpersist()
            return label


class SparkSplink:
    """Splink's ``SparkAPI`` on a session, for :func:`safelink.link.probabilistic.run_splink`.

    Registers tables and predictions under names unique to this run (Splink refuses to
    register over an existing view, and a session may link several times, or several jobs at
    once), and on :meth:`close` unpersists and drops what Splink made: it persists its
    intermediate tables and never releases them, so a long-lived session would fill up.
    """

    dialect = "spark"
    trains_in_place = False
    supports_bloom = False
    failed = " on Spark"

    def __init__(self, spark: SparkSession, break_lineage_method: str = "persist") -> None:
        """Set up Splink on ``spark`` (``break_lineage_method``: see Splink's ``SparkAPI``)."""
        from splink import SparkAPI

        self.spark = spark
        self.api = SparkAPI(  # type: ignore[no-untyped-call]
            spark_session=spark,
            break_lineage_method=break_lineage_method,
            register_udfs_automatically=False,
        )
        self.run = secrets.token_hex(4)
        self.views: list[str] = []
        self.before = self._splink_views()

    def _splink_views(self) -> set[str]:
        return {
            table.name
            for table in self.spark.catalog.listTables()
            if table.isTemporary and table.name.startswith("__splink__")
        }

    def register(self, frames: Sequence[Any], *, name: str = "src") -> list[Any]:
        """Register tables of records (``node`` as ``unique_id``) with Splink.

        ``name`` starts their view names, so that several registrations of one run do not
        collide.
        """
        registered = []
        for i, frame in enumerate(frames):
            table = (
                self.spark.createDataFrame(frame.rename({"node": "unique_id"}).to_arrow())
                if isinstance(frame, pl.DataFrame)
                else frame.withColumnRenamed("node", "unique_id")
            )
            view = f"safelink_{name}_{self.run}_{i}"
            self.views.append(view)
            registered.append(self.api.register(table, table_name=view))
        return registered

    def predict(self, linker: Any) -> str:
        """Score every blocked pair on Spark; return the predictions' view name."""
        view = f"safelink_predictions_{self.run}"
        self.views.append(view)
        linker.inference.predict().as_spark_dataframe().createOrReplaceTempView(view)
        return view

    def sql(self, query: str) -> pl.DataFrame:
        """Run ``query`` (DuckDB dialect, transpiled) on Spark and collect it through Arrow."""
        return collect(self.spark.sql(transpile(query, Dialect.SPARK)))

    def translate(self, exc: BaseException) -> None:
        """Raise the driver-limit error for ``exc`` when it is one (else return)."""
        raise_if_driver_limit(exc)

    def close(self) -> None:
        """Unpersist and drop the views this run made."""
        for name in sorted(self._splink_views() - self.before):
            self.spark.table(name).unpersist()
            self.spark.catalog.dropTempView(name)
        for name in self.views:
            self.spark.catalog.dropTempView(name)


def collect(frame: DataFrame) -> pl.DataFrame:
    """Collect a Spark DataFrame to the driver through Arrow.

    Raises:
        LinkageError: the result exceeded ``spark.driver.maxResultSize`` (says what to set).
    """
    try:
        collected = pl.from_arrow(frame.toArrow())
    except Exception as exc:  # py4j and Spark raise many kinds
        raise_if_driver_limit(exc)
        raise
    assert isinstance(collected, pl.DataFrame)
    return collected


__all__ = [
    "SparkSplink",
    "collect",
    "is_spark_frame",
    "label_components_spark",
    "number_rows",
    "raise_if_driver_limit",
    "read_parquet",
    "read_text",
]
