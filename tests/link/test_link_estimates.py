"""Estimated precision and recall of the whole flow, deterministic steps included."""

from __future__ import annotations

import dataclasses

import polars as pl

from safelink.config import JobConfig
from safelink.link import link
from safelink.link.estimate import SAMPLE_PER_STEP, score_pairs


def _tokens(inputs) -> list:
    return [inputs["hospital"], inputs["social_care"]]


def test_whole_flow_estimates_track_the_truth(linked_inputs, demo_config: JobConfig):
    result = link(_tokens(linked_inputs), demo_config, truth=linked_inputs["truth"])
    estimates, truth = result.report.estimates, result.report.truth
    assert estimates["skipped"] is None and truth is not None
    # Every step is estimated, deterministic ones from the model's scores of their links.
    by_step = {row["step"]: row for row in estimates["steps"]}
    assert set(by_step) == {row["step"] for row in result.report.steps}
    for row in by_step.values():
        if row["links"]:
            assert 0.9 < row["estimated_precision"] <= 1.0
            assert 0 < row["sampled"] <= min(row["links"], SAMPLE_PER_STEP)
    assert abs(estimates["estimated_precision"] - truth["precision"]) < 0.01
    assert abs(estimates["estimated_recall"] - truth["recall"]) < 0.02
    assert estimates["recall_below_floor"] is False
    # The model's own estimate covers only its residual; the whole flow's counts every link.
    links = sum(row["links"] for row in result.report.steps)
    assert links > result.report.model["accepted_links"]
    again = link(_tokens(linked_inputs), demo_config, truth=linked_inputs["truth"])
    assert again.report.estimates == estimates  # seeded sample, same answer


def test_recall_under_the_floor_is_flagged_with_missed_links(linked_inputs, demo_config):
    strict = dataclasses.replace(
        demo_config.link,
        recall_floor=0.999,
        probabilistic=dataclasses.replace(demo_config.link.probabilistic, threshold=0.99999),
    )
    result = link(_tokens(linked_inputs), dataclasses.replace(demo_config, link=strict))
    estimates = result.report.estimates
    assert estimates["recall_below_floor"] is True
    assert estimates["expected_missed_links"] > 0
    assert estimates["recall_floor"] == 0.999


def test_score_pairs_agree_more_than_disagree(linked_inputs, demo_config):
    result = link(_tokens(linked_inputs), demo_config)
    tokens = pl.read_parquet(linked_inputs["hospital"])
    assert result.report.estimates["skipped"] is None
    model = _trained(linked_inputs, demo_config)
    same = tokens.head(50)
    other = tokens.slice(50, 50)
    agree = score_pairs(model, same, same)
    disagree = score_pairs(model, same, other)
    assert agree.len() == disagree.len() == 50
    assert agree.min() > 0.99 and disagree.max() < 0.5


def _trained(linked_inputs, demo_config) -> dict:
    from safelink.engines.backend import PolarsBackend
    from safelink.link import inputs as link_inputs
    from safelink.link.cascade import residual, run_cascade
    from safelink.link.probabilistic import run_splink

    backend = PolarsBackend()
    loaded = link_inputs.load_inputs(backend, _tokens(linked_inputs), None)
    columns = link_inputs.check_inputs(loaded, demo_config.link)
    records = link_inputs.records(backend, loaded, columns)
    names = sorted(i.source for i in loaded)
    cascade, _ = run_cascade(backend, records, demo_config.link, names)
    frames = residual(backend, records, cascade, names, columns)
    model = run_splink(frames, demo_config.link.probabilistic, backend=backend)
    assert model.trained is not None
    return model.trained
