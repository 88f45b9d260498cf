"""Training the model on a seeded sample of a large residual, and scoring every record."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import polars as pl
import pytest

from safelink.config import JobConfig
from safelink.engines.backend import DuckDBBackend, run_query
from safelink.errors import ConfigError
from safelink.link import LinkageResult, link, link_config
from safelink.link.config import LinkConfig
from safelink.link.probabilistic import ProbabilisticSettings
from safelink.link.sampling import (
    sample_key_sql,
    sample_order_key,
    sample_seed_offset,
    training_sample,
)

LIMIT = 600  # below the hospital residual of the 3,000-person extracts, above social care's


def _limited(config: JobConfig, limit: int, seed: int = 42) -> LinkConfig:
    settings = link_config(config)
    return dataclasses.replace(
        settings,
        probabilistic=dataclasses.replace(
            settings.probabilistic, max_training_records=limit, seed=seed
        ),
    )


def _frame(nodes: range) -> pl.DataFrame:
    return pl.DataFrame({"node": list(nodes), "surname": [f"t{n}" for n in nodes]})


@pytest.fixture(scope="module")
def full_and_sampled(
    linked_inputs: dict[str, Path], demo_config: JobConfig
) -> tuple[LinkageResult, LinkageResult]:
    tokens = [linked_inputs["hospital"], linked_inputs["social_care"]]
    truth = linked_inputs["truth"]
    return (
        link(tokens, demo_config, truth=truth),
        link(tokens, _limited(demo_config, LIMIT), truth=truth),
    )


def test_training_sample_within_limit_trains_on_everything():
    frames = [_frame(range(0, 500)), _frame(range(500, 900))]
    assert training_sample(frames, ProbabilisticSettings(max_training_records=500)) is None


def test_training_sample_keeps_limit_records_in_node_order_from_large_sources_only():
    small, large = _frame(range(0, 300)), _frame(range(300, 10_300))
    sample = training_sample([small, large], ProbabilisticSettings(max_training_records=1000))
    assert sample is not None
    assert sample[0].equals(small)
    assert sample[1].height == 1000
    assert sample[1]["node"].is_sorted() and sample[1]["node"].n_unique() == 1000
    assert set(sample[1]["node"]) <= set(large["node"])
    # Spread over the whole source, not its first or last records.
    nodes = sample[1]["node"]
    assert nodes.min() < 300 + 1000 and nodes.max() > 10_300 - 1000  # type: ignore[operator]
    for decile in range(10):
        start = 300 + decile * 1000
        share = nodes.filter((nodes >= start) & (nodes < start + 1000)).len()
        assert 60 < share < 140, decile


def test_training_sample_same_seed_same_records_other_seed_other_records():
    frames = [_frame(range(0, 5000))]
    first = training_sample(frames, ProbabilisticSettings(max_training_records=1000, seed=1))
    again = training_sample(frames, ProbabilisticSettings(max_training_records=1000, seed=1))
    other = training_sample(frames, ProbabilisticSettings(max_training_records=1000, seed=2))
    assert first is not None and again is not None and other is not None
    assert first[0].equals(again[0])
    overlap = len(set(first[0]["node"]) & set(other[0]["node"]))
    assert overlap < 500  # about 200 expected by chance


def test_link_large_residual_trains_on_sample_and_scores_every_record(full_and_sampled):
    full, sampled = full_and_sampled
    residual = full.report.model["residual_records"]
    assert residual > LIMIT and full.report.model["training_records"] == residual
    assert sampled.report.model["residual_records"] == residual
    assert LIMIT <= sampled.report.model["training_records"] < residual
    # Every residual record is still scored: the blocked pairs are those of the full run.
    assert sampled.report.model["scored_pairs"] == full.report.model["scored_pairs"]
    assert sampled.report.model["accepted_links"] > 0


def test_link_sampled_training_gives_another_model_with_as_good_links(full_and_sampled):
    full, sampled = full_and_sampled
    # A model trained on other records: its weights differ.
    weights = [r.links["match_weight"].drop_nulls().sort() for r in (full, sampled)]
    assert not weights[0].equals(weights[1])
    assert full.report.truth is not None and sampled.report.truth is not None
    assert sampled.report.truth["f1"] >= full.report.truth["f1"] - 0.01


def test_link_sampled_training_same_links_on_every_run(
    linked_inputs, demo_config, full_and_sampled
):
    _, sampled = full_and_sampled
    tokens = [linked_inputs["hospital"], linked_inputs["social_care"]]
    again = link(tokens, _limited(demo_config, LIMIT))
    assert again.links.equals(sampled.links)


@pytest.mark.parametrize("value", [999, "many", True, 1.5e6])
def test_link_max_training_records_invalid_refused_naming_setting(value: object):
    with pytest.raises(
        ConfigError, match="max_training_records: must be an integer of at least 1000"
    ):
        link([], {"probabilistic": {"max_training_records": value}})


def test_training_sample_key_sql_equals_python_key():
    settings = ProbabilisticSettings(max_training_records=10, seed=42)
    frame = _frame(range(0, 20_000, 7))
    backend = DuckDBBackend()
    keys = backend.collect(run_query(backend, sample_key_sql(settings), t=frame)).sort("node")
    python = [
        sample_order_key(n, sample_seed_offset(settings), lambda key, s: key ^ (key >> s))
        for n in frame["node"]
    ]
    assert keys["k"].to_list() == python
