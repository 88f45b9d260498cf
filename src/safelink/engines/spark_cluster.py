"""From pairwise links to persons on Spark, with the local engine's person ids.

- One-to-one acceptance of the probabilistic candidates runs on the driver with the local
  engine's own functions (:func:`safelink.link.cluster.one_to_one`): the candidates above the
  threshold are few (at most about one per residual record), and only the cascade links and
  sources of the records they touch are collected with them.
- Connected components by label propagation: every linked record starts with its own node
  number as label and takes the smallest label among its neighbours, round after round, until
  no label changes. Each round is checkpointed (``localCheckpoint``) so the lineage stays one
  round deep. Rounds grow with the longest chain of links in a person (a few when sources are
  de-duplicated).
- Person ids: ``psn_`` and the first 20 hex digits of the SHA-256 of the person's sorted
  ``source:record_id`` keys joined by newlines, the very digest of
  :func:`safelink.link.cluster.person_ids`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import polars as pl

from safelink.link.cascade import LINK_SCHEMA
from safelink.link.cluster import one_to_one
from safelink.pseudonymise import RECORD_ID

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

_LINK_COLUMNS = list(LINK_SCHEMA)


def _collect(frame: DataFrame, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """Collect a (small) Spark frame to polars through Arrow, with the given dtypes."""
    collected = pl.from_arrow(frame.toArrow())
    assert isinstance(collected, pl.DataFrame)
    if collected.is_empty():
        return pl.DataFrame(schema=schema)
    return collected.cast(schema)  # type: ignore[arg-type]


def accept_one_to_one(
    candidates: pl.DataFrame, cascade: DataFrame, records: DataFrame
) -> pl.DataFrame:
    """Accept probabilistic candidates one-to-one, best first, as the local engine does.

    Candidates where a record already has a cascade link into the other's source are dropped
    first; the rest are accepted greedily on the driver. This collects the candidates (already
    on the driver), the cascade links that touch them and the sources of the records involved,
    which are few compared with the records.

    Args:
        candidates: scored pairs at or above the threshold (``node_l``, ``node_r``,
            ``match_weight``, ``match_probability``).
        cascade: the cascade's links on Spark.
        records: every record on Spark (``node``, ``source``, ...).

    Returns:
        The accepted candidates.

    """
    from pyspark.sql import functions as F  # noqa: N812

    from safelink.link import _drop_decided

    if candidates.is_empty():
        return candidates
    spark = records.sparkSession
    involved_nodes = pl.concat([candidates["node_l"], candidates["node_r"]]).unique()
    involved = F.broadcast(spark.createDataFrame(pl.DataFrame({"node": involved_nodes}).to_arrow()))
    near = (
        cascade.join(involved.withColumnRenamed("node", "node_l"), "node_l", "left_semi")
        .unionByName(
            cascade.join(involved.withColumnRenamed("node", "node_r"), "node_r", "left_semi")
        )
        .distinct()
        .orderBy("seq", "node_l", "node_r")
    )
    near_links = _collect(near.select(*_LINK_COLUMNS), LINK_SCHEMA)  # type: ignore[arg-type]
    needed = pl.concat([involved_nodes, near_links["node_l"], near_links["node_r"]]).unique()
    wanted = F.broadcast(spark.createDataFrame(pl.DataFrame({"node": needed}).to_arrow()))
    sources = _collect(
        records.select("node", "source").join(wanted, "node", "left_semi"),
        {"node": pl.Int64(), "source": pl.String()},
    )
    decided = _drop_decided(candidates, near_links, sources)
    return one_to_one(near_links, decided, sources)


def components_spark(links: DataFrame) -> DataFrame:
    """Label connected components by label propagation; only linked records are labelled.

    Args:
        links: accepted links (``node_l``, ``node_r``).

    Returns:
        ``node`` and ``label`` (the smallest node number in its component) for every record
        that has a link; unlinked records are their own component.

    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F  # noqa: N812

    edges = (
        links.select(F.col("node_l").alias("a"), F.col("node_r").alias("b"))
        .unionByName(links.select(F.col("node_r").alias("a"), F.col("node_l").alias("b")))
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    label = edges.select(F.col("a").alias("node")).distinct()
    label = label.select("node", F.col("node").alias("label")).localCheckpoint()
    while True:
        neighbour = (
            edges.join(label.withColumnRenamed("node", "b"), on="b")
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
            edges.unpersist()
            return label


def per_record_spark(
    records: DataFrame, links: DataFrame, labels: DataFrame, order: Sequence[str]
) -> DataFrame:
    """Return the per-record links on Spark, ordered by node, as the local engine shapes them.

    Args:
        records: every record (``node``, ``source``, ``record_id``, ...).
        links: every accepted link (cascade and probabilistic).
        labels: component labels of the linked records (:func:`components_spark`).
        order: step names, strongest first.

    Returns:
        ``source``, ``record_id``, ``person_id``, ``step``, ``match_weight``,
        ``match_probability``, one row per record, sorted by node.

    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F  # noqa: N812

    nodes = records.select("node", "source", RECORD_ID)
    labelled = nodes.join(labels, on="node", how="left").withColumn(
        "label", F.coalesce("label", "node")
    )
    key = F.concat(F.col("source"), F.lit(":"), F.col(RECORD_ID))
    digest = F.sha2(F.concat_ws("\n", F.sort_array(F.collect_list(key))), 256)
    persons = labelled.groupBy("label").agg(
        F.concat(F.lit("psn_"), F.substring(digest, 1, 20)).alias("person_id")
    )
    rank = F.lit(len(order))
    for index, step in reversed(list(enumerate(order))):
        rank = F.when(F.col("step") == step, F.lit(index)).otherwise(rank)
    kept = ["step", "match_weight", "match_probability"]
    ends = links.select(F.col("node_l").alias("node"), *kept).unionByName(
        links.select(F.col("node_r").alias("node"), *kept)
    )
    strongest = Window.partitionBy("node").orderBy(
        rank.asc(), F.col("match_probability").desc_nulls_last()
    )
    best = (
        ends.withColumn("_rank", F.row_number().over(strongest))
        .where(F.col("_rank") == 1)
        .select("node", *kept)
    )
    return (
        labelled.join(persons, on="label")
        .join(best, on="node", how="left")
        .orderBy("node")
        .select("source", RECORD_ID, "person_id", *kept)
    )
