"""Counting the blocking rules' candidate pairs before scoring, and stopping when too many."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import polars as pl
import pytest

from safelink.config import JobConfig
from safelink.errors import ConfigError, LinkageError
from safelink.link import link, link_config
from safelink.link.probabilistic import ProbabilisticSettings
from safelink.link.sampling import blocked_pairs, check_blocked_pairs

RULES = (("dob",), ("surname", "initial"))


def _source(seed: int, n: int) -> pl.DataFrame:
    """Records with few distinct keys (many pairs per key) and some missing values."""
    rows = [
        {
            "node": seed * 10_000 + i,
            "dob": None if i % 11 == 0 else f"d{(i * 7 + seed) % 13}",
            "surname": f"s{(i * 3 + seed) % 5}",
            "initial": None if i % 17 == 0 else f"i{i % 4}",
        }
        for i in range(n)
    ]
    return pl.DataFrame(rows)


def _brute_force(frames: list[pl.DataFrame], rule: tuple[str, ...], link_type: str) -> int:
    """Pairs a rule gives, by listing them: across sources, or every two records."""
    tagged = [f.with_columns(pl.lit(i).alias("part")) for i, f in enumerate(frames)]
    rows = pl.concat(tagged).drop_nulls(list(rule)).to_dicts()
    count = 0
    for left, right in itertools.combinations(rows, 2):
        if all(left[c] == right[c] for c in rule):
            count += link_type != "link_only" or left["part"] != right["part"]
    return count


@pytest.mark.parametrize(
    ("sizes", "link_type"),
    [((120, 90), "link_only"), ((60, 70, 50), "link_only"), ((150,), "dedupe_only")],
)
def test_blocked_pairs_equal_listing_every_pair(sizes: tuple[int, ...], link_type: str) -> None:
    frames = [_source(seed, n) for seed, n in enumerate(sizes)]
    rows = blocked_pairs(frames, ProbabilisticSettings(blocking=RULES), link_type)
    assert [row["rule"] for row in rows] == [list(rule) for rule in RULES]
    for row, rule in zip(rows, RULES, strict=True):
        expected = _brute_force(frames, rule, link_type)
        assert expected > 0
        assert row["pairs"] == expected, rule


def test_check_blocked_pairs_passes_at_limit_and_stops_above_naming_largest_rule() -> None:
    rows = [{"rule": ["dob"], "pairs": 700}, {"rule": ["surname", "initial"], "pairs": 300}]
    check_blocked_pairs(rows, ProbabilisticSettings(max_blocked_pairs=1000))
    with pytest.raises(LinkageError) as caught:
        check_blocked_pairs(rows, ProbabilisticSettings(max_blocked_pairs=999))
    message = str(caught.value)
    assert "1,000 candidate pairs" in message
    assert "link.probabilistic.max_blocked_pairs (999)" in message
    assert "['dob'], gives 700" in message


@pytest.fixture(scope="module")
def tokens(linked_inputs: dict[str, Path]) -> list[Path]:
    return [linked_inputs["hospital"], linked_inputs["social_care"]]


def test_link_report_counts_blocked_pairs_per_rule(
    tokens: list[Path], demo_config: JobConfig
) -> None:
    settings = link_config(demo_config)
    model = link(tokens, settings).report.model
    rules = [row["rule"] for row in model["blocked_pairs"]]
    assert rules == [list(rule) for rule in settings.probabilistic.blocking]
    # Each rule's pairs are counted, then Splink scores every distinct pair once.
    total = sum(row["pairs"] for row in model["blocked_pairs"])
    assert 0 < model["scored_pairs"] <= total
    largest = max(row["pairs"] for row in model["blocked_pairs"])
    assert model["scored_pairs"] >= largest


def test_link_stops_before_scoring_when_blocking_puts_forward_too_many_pairs(
    tokens: list[Path], demo_config: JobConfig
) -> None:
    settings = link_config(demo_config)
    small = dataclasses.replace(
        settings,
        probabilistic=dataclasses.replace(settings.probabilistic, max_blocked_pairs=100),
    )
    with pytest.raises(LinkageError) as caught:
        link(tokens, small)
    message = str(caught.value)
    assert "link.probabilistic.max_blocked_pairs (100)" in message
    assert "link.probabilistic.blocking" in message
    assert message.count("\n") == 0


@pytest.mark.parametrize("value", [0, -5, "many", 2.5, True])
def test_max_blocked_pairs_must_be_a_positive_integer(value: object) -> None:
    with pytest.raises(ConfigError) as caught:
        link_config({"probabilistic": {"max_blocked_pairs": value}})
    assert "link.probabilistic.max_blocked_pairs: must be an integer of at least 1" in str(
        caught.value
    )


def test_max_blocked_pairs_is_read_from_the_config() -> None:
    settings = link_config({"probabilistic": {"max_blocked_pairs": 5_000}})
    assert settings.probabilistic.max_blocked_pairs == 5_000
    assert link_config({}).probabilistic.max_blocked_pairs == 100_000_000


def test_blocking_rule_repeating_an_earlier_one_in_another_order_is_refused() -> None:
    with pytest.raises(ConfigError) as caught:
        link_config(
            {
                "probabilistic": {
                    "blocking": [["surname", "forename"], ["dob"], ["forename", "surname"]]
                }
            }
        )
    assert "link.probabilistic.blocking[2]: repeats rule [0]" in str(caught.value)
