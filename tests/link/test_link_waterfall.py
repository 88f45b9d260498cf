"""The linkage report's waterfall of a few scored pairs: chosen by rule, Splink's own weights."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest

from safelink.config import JobConfig
from safelink.link import link
from safelink.link.waterfall import (
    BANDS,
    CHOSEN_BY,
    choose_pairs_sql,
    level_labels,
    pair_hash_sql,
)
from safelink.pseudonymise.tokens_format import read_tokens
from safelink.report.charts import waterfall_chart
from safelink.report.html import render_linkage_report

SOURCES = ["hospital", "social_care"]


def _tokens(inputs: dict[str, Path]) -> list[Path]:
    return [inputs["hospital"], inputs["social_care"]]


@pytest.fixture(scope="module")
def report(linked_inputs: dict[str, Path], demo_config: JobConfig) -> dict[str, Any]:
    return link(_tokens(linked_inputs), demo_config).report.to_dict()


def _total(pair: dict[str, Any]) -> float:
    return pair["prior_match_weight"] + sum(row["match_weight"] for row in pair["comparisons"])


def test_waterfall_partial_weights_and_prior_sum_to_match_weight(report: dict[str, Any]) -> None:
    waterfall = report["waterfall"]
    assert waterfall["skipped"] is None and waterfall["chosen_by"] == CHOSEN_BY
    pairs = waterfall["pairs"]
    assert len(pairs) >= 3  # a strong match, a pair near the threshold, a non-match at least
    assert [p["pair"] for p in pairs] == list(range(1, len(pairs) + 1))
    names = [name for name, _ in BANDS]
    assert [names.index(p["band"]) for p in pairs] == sorted(
        {names.index(p["band"]) for p in pairs}
    )
    comparisons = {row["comparison"] for row in pairs[0]["comparisons"]}
    assert {"forename", "surname", "date_of_birth"} <= comparisons
    for pair in pairs:
        assert abs(_total(pair) - pair["match_weight"]) < 1e-6, pair["pair"]
        odds = 2 ** pair["match_weight"]
        assert pair["match_probability"] == pytest.approx(odds / (1 + odds), abs=1e-8)
        assert all(row["level"] and row["level"] != "?" for row in pair["comparisons"])
    # Term-frequency adjustments are steps of their own (the demo adjusts surnames).
    assert any(
        row["level"] == "term-frequency adjustment" for p in pairs for row in p["comparisons"]
    )
    threshold = waterfall["threshold_match_weight"]
    strong = next(p for p in pairs if p["band"] == "strong match")
    assert strong["match_weight"] >= threshold + 10
    near = [p for p in pairs if p["band"] == "near the threshold"]
    assert all(abs(p["match_weight"] - threshold) < 2 for p in near)


def test_waterfall_shuffled_records_same_pairs_and_weights(
    linked_inputs: dict[str, Path], demo_config: JobConfig, report: dict[str, Any]
) -> None:
    frames = [read_tokens(p) for p in _tokens(linked_inputs)]
    shuffled = [f.sample(fraction=1.0, shuffle=True, seed=7) for f in frames]
    again = link(shuffled, demo_config, sources=SOURCES).report.to_dict()["waterfall"]
    assert again == report["waterfall"]


def test_waterfall_probabilistic_disabled_says_why_and_shows_none(linked_inputs) -> None:
    result = link(_tokens(linked_inputs), {"probabilistic": {"enabled": False}})
    assert result.report.waterfall["pairs"] == []
    assert result.report.waterfall["skipped"] == "disabled in the config"
    assert "Waterfall of a few scored pairs" not in render_linkage_report(result.report.to_dict())


def test_choose_pairs_one_per_band_smallest_hash() -> None:
    threshold = 4.0
    pairs = [  # (node_l, node_r, match_weight): both orders of ids, as Splink may give them
        (1, 2, 20.0), (7, 3, 30.0),  # strong match
        (4, 5, 8.0),  # match
        (6, 8, 4.5), (9, 6, 3.0),  # near the threshold
        (10, 11, -20.0),  # clear non-match; no pair is a plain non-match
    ]  # fmt: skip
    predictions = pl.DataFrame(
        {
            "unique_id_l": [p[0] for p in pairs],
            "unique_id_r": [p[1] for p in pairs],
            "match_weight": [p[2] for p in pairs],
            "match_probability": [2 ** p[2] / (1 + 2 ** p[2]) for p in pairs],
        }
    )
    connection = duckdb.connect()
    connection.register("predictions", predictions.to_arrow())
    chosen = pl.from_arrow(
        connection.sql(choose_pairs_sql("predictions", threshold)).to_arrow_table()
    )
    assert isinstance(chosen, pl.DataFrame)

    def hashed(left: int, right: int) -> int:
        return (left * 1_103_515_245 + right * 48_271) % 2_147_483_647

    expected = {}
    for left, right, weight in pairs:
        low, high = min(left, right), max(left, right)
        band = next(
            (i for i, (_, offset) in enumerate(BANDS[:-1]) if weight >= threshold + offset),
            len(BANDS) - 1,
        )
        best = expected.get(band)
        if best is None or hashed(low, high) < hashed(*best):
            expected[band] = (low, high)
    got = {row["band"]: (row["node_l"], row["node_r"]) for row in chosen.iter_rows(named=True)}
    assert got == expected
    assert sorted(got) == [0, 1, 2, 4]
    assert chosen["h"].to_list() == [hashed(*got[band]) for band in chosen["band"]]
    assert pair_hash_sql("a", "b") == "((a * 1103515245 + b * 48271) % 2147483647)"


def test_level_labels_numbered_as_splink_null_levels_minus_one() -> None:
    model = {
        "comparisons": [
            {
                "output_column_name": "address",
                "comparison_levels": [
                    {"label_for_charts": "address is NULL", "is_null_level": True},
                    {"label_for_charts": "exact"},
                    {"label_for_charts": "street agrees"},
                    {"label_for_charts": "address differs (no evidence)", "is_null_level": True},
                ],
            }
        ]
    }
    assert level_labels(model) == {
        "address": {
            -1: "address is NULL / address differs (no evidence)",
            1: "exact",
            0: "street agrees",
        }
    }


def test_waterfall_chart_one_bar_per_step_and_final_escaped() -> None:
    steps = [("prior", -10.0), ("surname: <exact>", 8.0), ("sex: other", -2.5)]
    svg = waterfall_chart(steps, title="Pair 1", threshold=3.0)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count("<rect") == len(steps) + 1
    assert "surname: &lt;exact&gt;" in svg and "<exact>" not in svg
    assert "final match weight: -4.50" in svg  # the running total: -10 + 8 - 2.5
    assert "#b3261e" in svg.split("sex: other")[1]  # a step down is red
    assert "threshold 3" in svg
    assert not math.isnan(float(svg.split('viewBox="0 0 ')[1].split()[0]))
