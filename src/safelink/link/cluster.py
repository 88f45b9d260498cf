"""From pairwise links to persons, with a person id that does not depend on record order.

Where every source is de-duplicated, probabilistic links are accepted one-to-one per pair of
sources (best first; ties broken by record id), after the cascade's links, which are one-to-one
already. Persons are then the connected components of the accepted links. A person's id is a
digest of its members' sorted ``source:record_id`` keys, so the same links give the same ids
whatever order the records came in.
"""

from __future__ import annotations

import hashlib

import polars as pl


def one_to_one(
    cascade: pl.DataFrame, candidates: pl.DataFrame, nodes: pl.DataFrame
) -> pl.DataFrame:
    """Accept candidate links best first, skipping any that would break one-to-one.

    Args:
        cascade: links already accepted (``node_l``, ``node_r``, ...).
        candidates: scored links above the threshold, same schema.
        nodes: ``node`` and ``source`` of every record.

    Returns:
        The accepted candidate links.

    """
    if candidates.is_empty():
        return candidates
    source_of = dict(zip(nodes["node"].to_list(), nodes["source"].to_list(), strict=True))
    taken: set[tuple[int, str]] = set()
    for left, right in cascade.select("node_l", "node_r").iter_rows():
        taken.add((left, source_of[right]))
        taken.add((right, source_of[left]))
    ordered = candidates.sort(
        ["match_probability", "match_weight", "node_l", "node_r"],
        descending=[True, True, False, False],
    )
    keep: list[bool] = []
    for left, right in ordered.select("node_l", "node_r").iter_rows():
        a, b = (left, source_of[right]), (right, source_of[left])
        if a in taken or b in taken:
            keep.append(False)
            continue
        taken.add(a)
        taken.add(b)
        keep.append(True)
    return ordered.filter(pl.Series(keep)).sort("node_l", "node_r")


def components(node_count: int, links: pl.DataFrame) -> pl.Series:
    """Label connected components by label propagation: each node's smallest reachable node id."""
    label = pl.DataFrame({"node": pl.arange(0, node_count, eager=True).cast(pl.Int64)})
    label = label.with_columns(pl.col("node").alias("label"))
    if links.is_empty():
        return label["label"]
    edges = pl.concat(
        [
            links.select(pl.col("node_l").alias("a"), pl.col("node_r").alias("b")),
            links.select(pl.col("node_r").alias("a"), pl.col("node_l").alias("b")),
        ]
    )
    while True:
        neighbour = (
            edges.join(label.rename({"node": "b"}), on="b")
            .group_by("a")
            .agg(pl.col("label").min().alias("candidate"))
        )
        updated = (
            label.join(neighbour.rename({"a": "node"}), on="node", how="left")
            .with_columns(pl.min_horizontal("label", "candidate").alias("new"))
            .sort("node")
        )
        if (updated["new"] == updated["label"]).all():
            return updated["new"].alias("label")
        label = updated.select("node", pl.col("new").alias("label"))


def person_ids(nodes: pl.DataFrame, labels: pl.Series) -> pl.Series:
    """Return a stable ``psn_`` id per component, from the digest of its sorted member keys."""
    frame = nodes.select(
        (pl.col("source") + ":" + pl.col("record_id")).alias("key"), labels.alias("label")
    )
    members = frame.group_by("label").agg(pl.col("key").sort().str.join("\n"))
    ids = [
        "psn_" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
        for text in members["key"].to_list()
    ]
    table = members.select("label").with_columns(pl.Series("person_id", ids, dtype=pl.String))
    joined = frame.select("label").join(table, on="label", how="left", maintain_order="left")
    return joined["person_id"]
