"""Linking extracts that have no NHS number: the defaults that read it fall away."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from safelink.config import COMPARISONS, LinkConfig, parse_link_config
from safelink.errors import LinkageError
from safelink.link import link

COLUMNS = ("record_id", "forename", "surname", "date_of_birth")
KEYS = [{"name": "name_dob", "columns": ["forename", "surname", "date_of_birth"]}]
LEFT = pl.DataFrame(
    [("a1", "f1", "s1", "d1"), ("a2", "f2", "s2", "d2")],
    schema=dict.fromkeys(COLUMNS, pl.String),
    orient="row",
)
RIGHT = pl.DataFrame(
    [("b1", "f1", "s1", "d1"), ("b2", "f9", "s2", "d2")],
    schema=dict.fromkeys(COLUMNS, pl.String),
    orient="row",
)


def section(**cascade: Any) -> dict[str, Any]:
    """A link section with one name-and-date-of-birth key and no probabilistic step."""
    return {"cascade": {"match_keys": KEYS, **cascade}, "probabilistic": {"enabled": False}}


def test_cascade_without_nhs_number_column_has_no_nhs_step():
    result = link([LEFT, RIGHT], section(), sources=["left", "right"])
    linked = result.links.filter(pl.col("record_id").is_in(["a1", "b1"]))
    assert linked["person_id"].n_unique() == 1
    assert set(result.links.filter(pl.col("record_id") == "a2")["person_id"]).isdisjoint(
        result.links.filter(pl.col("record_id") == "b2")["person_id"]
    )
    steps = {k for k in result.report.timings if k.startswith("step_")}
    assert steps == {"step_name_dob_seconds"}


def test_written_nhs_step_without_the_column_names_the_setting():
    settings = section(nhs_number_partner=["date_of_birth"])
    needed = r"nhs_number \(needed by link\.cascade\.nhs_number_partner"
    with pytest.raises(LinkageError, match=needed):
        link([LEFT, RIGHT], settings, sources=["left", "right"])


def test_written_nhs_comparison_without_the_column_names_the_setting():
    settings = {
        "cascade": {"match_keys": KEYS},
        "probabilistic": {"comparisons": ["nhs_number", "surname"], "blocking": ["surname"]},
    }
    with pytest.raises(LinkageError, match=r"link\.probabilistic\.comparisons\.nhs_number"):
        link([LEFT, RIGHT], settings, sources=["left", "right"])


def test_default_model_drops_only_what_reads_the_nhs_number():
    config = LinkConfig().for_columns({"forename", "surname", "date_of_birth"})
    assert config.nhs_number_partner == ()
    assert config.probabilistic.comparisons == tuple(c for c in COMPARISONS if c != "nhs_number")
    assert all("nhs_number" not in rule for rule in config.probabilistic.blocking)
    assert config.probabilistic.blocking  # the other default rules stay
    kept = LinkConfig().for_columns({"nhs_number", "date_of_birth"})
    assert kept.nhs_number_partner == ("date_of_birth",)
    assert "nhs_number" in kept.probabilistic.comparisons


def test_written_defaults_are_kept_without_the_column():
    written = parse_link_config({"cascade": {"nhs_number_partner": ["date_of_birth"]}})
    assert written.for_columns({"surname"}).nhs_number_partner == ("date_of_birth",)
