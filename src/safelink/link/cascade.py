"""Deterministic passes over tokens, in order, each only on records not yet linked.

Step 1 links records whose NHS-number tokens agree and whose partner tokens (by default the
date of birth) agree too: a wrong NHS number that belongs to someone else rarely shares their
date of birth. Step 2 applies the configured match keys in order. Where the sources are
de-duplicated, a key links a pair only when it is unique both ways among the records still
unlinked (as NHS England's tracing does), so an ambiguous key never guesses.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from safelink.link.config import LinkConfig, MatchKey

LINK_SCHEMA = {
    "node_l": pl.Int64,
    "node_r": pl.Int64,
    "step": pl.String,
    "match_weight": pl.Float64,
    "match_probability": pl.Float64,
}


def empty_links() -> pl.DataFrame:
    """Return a links frame with no rows."""
    return pl.DataFrame(schema=LINK_SCHEMA)


def nhs_step(config: LinkConfig) -> MatchKey | None:
    """Return the step-1 key (NHS number and its partners), or None when disabled."""
    if not config.nhs_number_partner:
        return None
    name = "_and_".join(("nhs_number", *config.nhs_number_partner))
    pairs = (("nhs_number", "nhs_number"), *((c, c) for c in config.nhs_number_partner))
    return MatchKey(name=name, on=pairs)


def cascade_steps(config: LinkConfig) -> list[MatchKey]:
    """Return every deterministic step in the order they run."""
    if not config.cascade_enabled:
        return []
    first = nhs_step(config)
    return ([first] if first else []) + list(config.match_keys)


def source_pairs(sources: Sequence[str], *, deduplicated: bool) -> list[tuple[str, str]]:
    """Return the source pairs to link: across sources, and within unless de-duplicated."""
    pairs = [(a, b) for i, a in enumerate(sources) for b in sources[i + 1 :]]
    if not deduplicated:
        pairs = [(s, s) for s in sources] + pairs
    return pairs


def _candidates(left: pl.DataFrame, right: pl.DataFrame, key: MatchKey, same: bool) -> pl.DataFrame:
    orientations = [key.on]
    if any(a != b for a, b in key.on):
        orientations.append(tuple((b, a) for a, b in key.on))
    found = []
    for pairs in orientations:
        names = [f"k{i}" for i in range(len(pairs))]
        lhs = left.select(
            pl.col("node").alias("node_l"),
            *(pl.col(a).alias(n) for (a, _), n in zip(pairs, names, strict=True)),
        ).drop_nulls()
        rhs = right.select(
            pl.col("node").alias("node_r"),
            *(pl.col(b).alias(n) for (_, b), n in zip(pairs, names, strict=True)),
        ).drop_nulls()
        joined = lhs.join(rhs, on=names, how="inner").select("node_l", "node_r")
        found.append(joined)
    pairs_found = pl.concat(found).unique()
    if same:
        pairs_found = (
            pairs_found.filter(pl.col("node_l") != pl.col("node_r"))
            .select(
                pl.min_horizontal("node_l", "node_r").alias("node_l"),
                pl.max_horizontal("node_l", "node_r").alias("node_r"),
            )
            .unique()
        )
    return pairs_found


def _unique_both_ways(pairs: pl.DataFrame) -> pl.DataFrame:
    return pairs.filter((pl.len().over("node_l") == 1) & (pl.len().over("node_r") == 1))


def run_cascade(
    records: pl.DataFrame, config: LinkConfig, sources: Sequence[str]
) -> tuple[pl.DataFrame, dict[str, float]]:
    """Run the deterministic steps.

    Args:
        records: every record, with ``node`` (int), ``source`` and the token columns.
        config: the link settings.
        sources: source names in a fixed order.

    Returns:
        The links (``node_l < node_r`` for within-source pairs) with their step, and the
        seconds each step took.

    """
    import time

    steps = cascade_steps(config)
    links: list[pl.DataFrame] = []
    timings: dict[str, float] = {}
    by_source = {s: records.filter(pl.col("source") == s) for s in sources}
    for left_source, right_source in source_pairs(sources, deduplicated=config.deduplicated):
        same = left_source == right_source
        linked_l: pl.Series = pl.Series("node", [], dtype=pl.Int64)
        linked_r: pl.Series = pl.Series("node", [], dtype=pl.Int64)
        for key in steps:
            tick = time.perf_counter()
            left = by_source[left_source]
            right = by_source[right_source]
            if config.deduplicated and not same:
                left = left.filter(~pl.col("node").is_in(linked_l.implode()))
                right = right.filter(~pl.col("node").is_in(linked_r.implode()))
            pairs = _candidates(left, right, key, same)
            if config.deduplicated and not same:
                pairs = _unique_both_ways(pairs)
            links.append(
                pairs.select(
                    "node_l",
                    "node_r",
                    pl.lit(key.name).alias("step"),
                    pl.lit(None, dtype=pl.Float64).alias("match_weight"),
                    pl.lit(1.0).alias("match_probability"),
                )
            )
            linked_l = pl.concat([linked_l, pairs["node_l"]])
            linked_r = pl.concat([linked_r, pairs["node_r"]])
            timings[key.name] = timings.get(key.name, 0.0) + time.perf_counter() - tick
    if not links:
        return empty_links(), timings
    result = pl.concat(links).cast(LINK_SCHEMA)  # type: ignore[arg-type]
    # Within-source passes may find a pair twice (by two keys): keep the first step.
    return result.unique(["node_l", "node_r"], keep="first", maintain_order=True), timings
