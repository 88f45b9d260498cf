"""Estimated precision and recall of the whole linkage flow, not only its probabilistic step.

The deterministic steps link pairs the model never scores, so its own estimates say nothing of
them. Here the trained Fellegi-Sunter model scores a seeded sample of each deterministic step's
links (at most :data:`SAMPLE_PER_STEP`, chosen by a hash of the pair's record numbers, so the
same run gives the same sample): a step's estimated precision is the mean match probability of
its sample. Then, over every accepted link:

* expected true links = each step's links x its estimated precision, plus the sum of the
  probabilistic links' match probabilities;
* expected missed links = the model's expected matches among the scored pairs below the
  threshold, plus the expected true links among the links a constraint refused;
* estimated precision = expected true / accepted; estimated recall = expected true /
  (expected true + expected missed).

Pairs that no blocking rule put forward are not counted (no model sees them), so the recall is
an upper bound of that kind. Term-frequency adjustments are left out when sampled links are
scored (the sample's own frequencies would mislead). The scoring runs in DuckDB on the driver,
over the sampled records only, whatever the engine.
"""

from __future__ import annotations

import copy
import logging
import warnings
from collections.abc import Sequence
from typing import Any

import polars as pl

from safelink.engines.backend import Backend, run_query
from safelink.link.probabilistic import ModelResult
from safelink.link.splink_db import LocalSplink

SAMPLE_PER_STEP = 2_000
"""The most links of one deterministic step the model scores."""
_PAIR = "pair_key"


def _scoring_model(trained: dict[str, Any]) -> dict[str, Any]:
    """The trained model, blocking on the pair key, without term-frequency adjustments."""
    model = copy.deepcopy(trained)
    model["link_type"] = "link_only"
    model["blocking_rules_to_generate_predictions"] = [
        {"blocking_rule": f'l."{_PAIR}" = r."{_PAIR}"', "sql_dialect": "duckdb"}
    ]
    for comparison in model.get("comparisons", []):
        for level in comparison.get("comparison_levels", []):
            level.pop("tf_adjustment_column", None)
            level.pop("tf_adjustment_weight", None)
    return model


def score_pairs(trained: dict[str, Any], left: pl.DataFrame, right: pl.DataFrame) -> pl.Series:
    """The model's match probability of each pair (row i of ``left`` with row i of ``right``).

    Both frames hold the token columns the model compares, one row per pair, in pair order.
    """
    from splink import Linker

    if left.is_empty():
        return pl.Series("match_probability", [], dtype=pl.Float64)
    keyed = [
        frame.with_row_index("node").with_columns(pl.col("node").alias(_PAIR))
        for frame in (left, right)
    ]
    database = LocalSplink()
    splink_logger = logging.getLogger("splink")
    level = splink_logger.level
    splink_logger.setLevel(logging.ERROR)  # its untrained-level chatter is not the user's
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", module=r"splink\..*")
            tables = database.register(
                [f.with_columns(pl.col("node").cast(pl.Int64)) for f in keyed]
            )
            linker = Linker(tables, _scoring_model(trained), log_level=None)
            table = database.predict(linker)
        scored = database.sql(
            f"SELECT CAST(unique_id_l AS BIGINT) AS pair, match_probability FROM {table}"  # noqa: S608
        )
    finally:
        database.close()
        splink_logger.setLevel(level)
    order = pl.DataFrame({"pair": range(left.height)}, schema={"pair": pl.Int64})
    probabilities = order.join(scored, on="pair", how="left", maintain_order="left")
    return probabilities["match_probability"].fill_null(0.0)


def _sample(links: pl.DataFrame, steps: Sequence[str]) -> pl.DataFrame:
    """At most :data:`SAMPLE_PER_STEP` links of each step, chosen by a hash of the pair.

    The hash is arithmetic on the record numbers (stable across library versions).
    """
    chosen = links.filter(pl.col("step").is_in(list(steps))).with_columns(
        ((pl.col("node_l") * 1_103_515_245 + pl.col("node_r") * 48_271) % 2_147_483_647).alias("h")
    )
    return (
        chosen.sort("step", "h", "node_l", "node_r")
        .group_by("step", maintain_order=True)
        .head(SAMPLE_PER_STEP)
        .drop("h")
    )


def _token_pairs(
    backend: Backend, records: Any, sample: pl.DataFrame, columns: Sequence[str]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Each sampled link's two records' token columns, in sample order."""
    nodes = pl.concat([sample["node_l"], sample["node_r"]]).unique().to_frame("node")
    kept = ", ".join(["r.node", *(f'r."{c}"' for c in columns)])
    tokens = backend.collect(
        run_query(
            backend,
            f"SELECT {kept} FROM {{records}} AS r JOIN {{nodes}} AS n ON n.node = r.node",  # noqa: S608
            records=records,
            nodes=backend.table(nodes),
        )
    ).with_columns(pl.col("node").cast(pl.Int64))
    left = sample.select(pl.col("node_l").alias("node")).join(
        tokens, on="node", how="left", maintain_order="left"
    )
    right = sample.select(pl.col("node_r").alias("node")).join(
        tokens, on="node", how="left", maintain_order="left"
    )
    return left.drop("node"), right.drop("node")


def whole_flow(
    backend: Backend,
    records: Any,
    columns: Sequence[str],
    links: pl.DataFrame,
    refused: pl.DataFrame,
    model: ModelResult,
    order: Sequence[str],
    *,
    probabilistic: str,
    recall_floor: float,
) -> dict[str, Any]:
    """Estimate precision and recall over every step (see the module docstring).

    Args:
        backend: the engine the records are on.
        records: every record (``node`` and token columns).
        columns: the token columns the model may compare.
        links: every accepted link (``node_l``, ``node_r``, ``step``, ``match_probability``).
        refused: the links a constraint refused (``node_l``, ``node_r``, ``step``).
        model: the probabilistic step's result (its trained model scores the samples).
        order: the steps, strongest first.
        probabilistic: the probabilistic step's name.
        recall_floor: an estimated recall under this is flagged.

    Returns:
        The estimates (JSON-ready); ``skipped`` says why there are none.
    """
    if model.trained is None:
        return {"skipped": "no trained model to score the deterministic links with"}
    deterministic = [s for s in order if s != probabilistic]
    scored = pl.concat(
        [
            links.select("node_l", "node_r", "step"),
            refused.select("node_l", "node_r", "step"),
        ]
    ).unique(maintain_order=True)
    sample = _sample(scored, deterministic)
    left, right = _token_pairs(backend, records, sample, columns)
    sample = sample.with_columns(score_pairs(model.trained, left, right).alias("p"))
    precision = dict(
        sample.group_by("step").agg(pl.col("p").mean()).select("step", "p").iter_rows()
    )
    probabilities = links.filter(pl.col("step") == probabilistic)["match_probability"]
    total = float(sum(probabilities.to_list()))
    precision[probabilistic] = total / probabilities.len() if probabilities.len() else None
    steps, expected_true = [], 0.0
    for step in order:
        count = links.filter(pl.col("step") == step).height
        estimate = precision.get(step)
        if step == probabilistic:
            expected_true += total
        elif estimate is not None:
            expected_true += count * estimate
        steps.append(
            {
                "step": step,
                "links": count,
                "sampled": sample.filter(pl.col("step") == step).height
                if step != probabilistic
                else count,
                "estimated_precision": _round(estimate),
            }
        )
    refused_true = sum(
        precision.get(step) or 0.0 for step in refused["step"].to_list() if step != probabilistic
    )
    refused_pairs = refused.filter(pl.col("step") == probabilistic).join(
        model.pairs.select("node_l", "node_r", "match_probability"), on=["node_l", "node_r"]
    )
    refused_true += float(sum(refused_pairs["match_probability"].to_list()))
    missed = model.expected_matches_below + refused_true
    recall = expected_true / (expected_true + missed) if expected_true + missed else None
    return {
        "skipped": None,
        "estimated_precision": _round(expected_true / links.height if links.height else None),
        "estimated_recall": _round(recall),
        "expected_false_links": round(links.height - expected_true, 1),
        "expected_missed_links": round(missed, 1),
        "recall_floor": recall_floor,
        "recall_below_floor": recall is not None and recall < recall_floor,
        "steps": steps,
        "sample_per_step": SAMPLE_PER_STEP,
        "not_counted": "true pairs no blocking rule put forward",
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 5)


__all__ = ["SAMPLE_PER_STEP", "score_pairs", "whole_flow"]
