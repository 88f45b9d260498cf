"""The deterministic cascade and the residual on Spark: the local engine's links, as joins.

This mirrors :mod:`safelink.link.cascade` step for step. Per pair of sources (in the local
engine's order), each step joins the records not yet linked on the step's tokens (both ways
round for a key that pairs different columns) and, where the sources are de-duplicated, keeps
a pair only when it is unique both ways: window counts over ``node_l`` and over ``node_r``.
Records already linked are removed with anti-joins. Each step's pairs are checkpointed
(``localCheckpoint``), so the lineage does not grow with the number of steps and every step's
timing is the work of that step.

Shuffles: each step shuffles both sides on the key columns (a sort-merge join), then the
pairs on ``node_l`` and ``node_r`` for the uniqueness windows; the residual shuffles the links
once on ``node``.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from safelink.link.cascade import cascade_steps, source_pairs
from safelink.link.config import LinkConfig, MatchKey

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

SEQUENCE = "seq"
"""Cascade-order column on Spark links: (pair of sources, step) in the local engine's order."""


def empty_links_spark(spark: object) -> DataFrame:
    """Return an empty Spark links frame (``node_l``, ``node_r``, step, weight, probability)."""
    return spark.createDataFrame(  # type: ignore[attr-defined,no-any-return]
        [],
        "node_l BIGINT, node_r BIGINT, step STRING, match_weight DOUBLE, "
        f"match_probability DOUBLE, {SEQUENCE} INT",
    )


def _candidates(left: DataFrame, right: DataFrame, key: MatchKey, same: bool) -> DataFrame:
    from pyspark.sql import functions as F  # noqa: N812

    orientations = [key.on]
    if any(a != b for a, b in key.on):
        orientations.append(tuple((b, a) for a, b in key.on))
    found: DataFrame | None = None
    for pairs in orientations:
        names = [f"k{i}" for i in range(len(pairs))]
        lhs = left.select(
            F.col("node").alias("node_l"),
            *(F.col(a).alias(n) for (a, _), n in zip(pairs, names, strict=True)),
        ).dropna()
        rhs = right.select(
            F.col("node").alias("node_r"),
            *(F.col(b).alias(n) for (_, b), n in zip(pairs, names, strict=True)),
        ).dropna()
        joined = lhs.join(rhs, on=names, how="inner").select("node_l", "node_r")
        found = joined if found is None else found.unionByName(joined)
    assert found is not None  # a key has at least one column pair
    pairs_found = found.distinct()
    if same:
        pairs_found = (
            pairs_found.where(F.col("node_l") != F.col("node_r"))
            .select(
                F.least("node_l", "node_r").alias("node_l"),
                F.greatest("node_l", "node_r").alias("node_r"),
            )
            .distinct()
        )
    return pairs_found


def _unique_both_ways(pairs: DataFrame) -> DataFrame:
    from pyspark.sql import Window
    from pyspark.sql import functions as F  # noqa: N812

    return (
        pairs.withColumn("_n_l", F.count(F.lit(1)).over(Window.partitionBy("node_l")))
        .withColumn("_n_r", F.count(F.lit(1)).over(Window.partitionBy("node_r")))
        .where((F.col("_n_l") == 1) & (F.col("_n_r") == 1))
        .select("node_l", "node_r")
    )


def run_cascade_spark(
    records: DataFrame, config: LinkConfig, sources: Sequence[str]
) -> tuple[DataFrame, dict[str, float]]:
    """Run the deterministic steps on Spark, as :func:`safelink.link.cascade.run_cascade`.

    Args:
        records: every record (``node``, ``source``, token columns), checkpointed.
        config: the link settings.
        sources: source names in a fixed (sorted) order.

    Returns:
        The links (``node_l``, ``node_r``, ``step``, ``match_weight`` null,
        ``match_probability`` 1.0 and :data:`SEQUENCE`, the cascade order), checkpointed,
        and the seconds each step took.

    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F  # noqa: N812

    spark = records.sparkSession
    steps = cascade_steps(config)
    timings: dict[str, float] = {}
    found: list[DataFrame] = []
    by_source = {s: records.where(F.col("source") == s) for s in sources}
    sequence = 0
    for left_source, right_source in source_pairs(sources, deduplicated=config.deduplicated):
        same = left_source == right_source
        exclude = config.deduplicated and not same
        linked_l: DataFrame | None = None
        linked_r: DataFrame | None = None
        for key in steps:
            tick = time.perf_counter()
            left = by_source[left_source]
            right = by_source[right_source]
            if exclude and linked_l is not None and linked_r is not None:
                left = left.join(linked_l, on="node", how="left_anti")
                right = right.join(linked_r, on="node", how="left_anti")
            pairs = _candidates(left, right, key, same)
            if exclude:
                pairs = _unique_both_ways(pairs)
            pairs = pairs.select(
                "node_l",
                "node_r",
                F.lit(key.name).alias("step"),
                F.lit(None).cast("double").alias("match_weight"),
                F.lit(1.0).alias("match_probability"),
                F.lit(sequence).alias(SEQUENCE),
            ).localCheckpoint()
            sequence += 1
            found.append(pairs)
            if exclude:
                new_l = pairs.select(F.col("node_l").alias("node"))
                new_r = pairs.select(F.col("node_r").alias("node"))
                linked_l = new_l if linked_l is None else linked_l.unionByName(new_l)
                linked_r = new_r if linked_r is None else linked_r.unionByName(new_r)
            timings[key.name] = timings.get(key.name, 0.0) + time.perf_counter() - tick
    if not found:
        return empty_links_spark(spark), timings
    links = found[0]
    for more in found[1:]:
        links = links.unionByName(more)
    if not config.deduplicated:
        # Within-source passes may find a pair twice (by two keys): keep the first step.
        first = Window.partitionBy("node_l", "node_r").orderBy(SEQUENCE)
        links = (
            links.withColumn("_first", F.row_number().over(first))
            .where(F.col("_first") == 1)
            .drop("_first")
        )
    return links.localCheckpoint(), timings


def residual_spark(
    records: DataFrame, cascade: DataFrame, sources: Sequence[str], columns: Sequence[str]
) -> list[DataFrame]:
    """Return the records still lacking a link to some other source, one frame per source.

    Args:
        records: every record (``node``, ``source``, token columns).
        cascade: the cascade's links.
        sources: source names in order.
        columns: the token columns to keep (after ``node``).

    Returns:
        One Spark DataFrame per source: ``node`` and ``columns``, ordered by ``node`` and
        checkpointed.

    """
    from pyspark.sql import functions as F  # noqa: N812

    source_of = records.select(F.col("node").alias("other"), F.col("source").alias("other_source"))
    ends = (
        cascade.select(F.col("node_l").alias("node"), F.col("node_r").alias("other"))
        .unionByName(cascade.select(F.col("node_r").alias("node"), F.col("node_l").alias("other")))
        .join(source_of, on="other")
    )
    reach = ends.groupBy("node").agg(F.countDistinct("other_source").alias("reached"))
    full = records.join(reach, on="node", how="left").where(
        F.coalesce(F.col("reached"), F.lit(0)) < len(sources) - 1
    )
    # Checkpointed: Splink queries each input hundreds of times while training.
    return [
        full.where(F.col("source") == s).select("node", *columns).orderBy("node").localCheckpoint()
        for s in sources
    ]
