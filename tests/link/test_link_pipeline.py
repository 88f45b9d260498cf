"""End-to-end linkage on pseudonymised synthetic extracts."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from safelink.config import JobConfig
from safelink.errors import ConfigError, LinkageError
from safelink.link import link, link_files
from safelink.pseudonymise.tokens_format import read_tokens


def _tokens(inputs: dict[str, Path]) -> list[Path]:
    return [inputs["hospital"], inputs["social_care"]]


def test_link_synthetic_tokens_reach_high_f1(linked_inputs, demo_config: JobConfig, tmp_path: Path):
    content = {
        source: linked_inputs[source].with_name(f"{source}.content.parquet")
        for source in ("hospital", "social_care")
    }
    result = link_files(
        _tokens(linked_inputs),
        demo_config,
        tmp_path / "out",
        truth=linked_inputs["truth"],
        content=content,
    )
    truth = result.report.truth
    assert truth is not None
    assert truth["f1"] >= 0.97
    assert truth["precision"] >= 0.98
    written = pl.read_parquet(tmp_path / "out" / "links.parquet")
    assert written.columns == [
        "source",
        "record_id",
        "person_id",
        "step",
        "match_weight",
        "match_probability",
    ]
    assert written.height == sum(pl.read_parquet(p).height for p in _tokens(linked_inputs))
    report = json.loads((tmp_path / "out" / "linkage_report.json").read_text())
    assert {s["step"] for s in report["steps"]} >= {"nhs_number_and_date_of_birth", "probabilistic"}
    assert report["bias"], "bias table from the content files passed explicitly"
    without_content = link_files(_tokens(linked_inputs), demo_config, tmp_path / "out2")
    assert not without_content.report.bias, "the linkage unit never reads content unasked"


def test_link_deduplicated_sources_links_are_one_to_one(linked_inputs, demo_config):
    result = link(_tokens(linked_inputs), demo_config)
    sizes = result.links.group_by("person_id", "source").len()
    assert sizes["len"].max() == 1


def test_link_same_inputs_twice_gives_same_links(linked_inputs, demo_config):
    first = link(_tokens(linked_inputs), demo_config).links
    second = link(list(reversed(_tokens(linked_inputs))), demo_config).links
    assert first.equals(second)


def test_link_shuffled_records_give_same_person_ids(linked_inputs, demo_config):
    frames = [read_tokens(p) for p in _tokens(linked_inputs)]
    shuffled = [f.sample(fraction=1.0, shuffle=True, seed=5) for f in frames]
    names = ["hospital", "social_care"]
    base = link(frames, demo_config, sources=names).links.sort("source", "record_id")
    again = link(shuffled, demo_config, sources=names).links.sort("source", "record_id")
    assert base.select("record_id", "person_id", "step").equals(
        again.select("record_id", "person_id", "step")
    )


def test_link_different_key_ids_refused_nothing_written(
    linked_inputs, other_key_tokens, demo_config, tmp_path
):
    out = tmp_path / "out"
    with pytest.raises(LinkageError, match="different link keys"):
        link_files([linked_inputs["hospital"], other_key_tokens], demo_config, out)
    assert not (out / "links.parquet").exists()
    assert not (out / "linkage_report.json").exists()


def test_link_missing_token_column_names_column(linked_inputs, demo_config):
    frames = [read_tokens(p) for p in _tokens(linked_inputs)]
    frames[1] = frames[1].drop("date_of_birth")
    with pytest.raises(LinkageError, match="date_of_birth"):
        link(frames, demo_config, sources=["hospital", "social_care"])


def test_link_config_naming_absent_column_refused(linked_inputs, tmp_path):
    section = {"cascade": {"match_keys": [{"name": "by_phone", "columns": ["phone"]}]}}
    with pytest.raises(LinkageError, match=r"phone.*by_phone"):
        link_files(_tokens(linked_inputs), section, tmp_path / "out")
    assert not (tmp_path / "out" / "links.parquet").exists()


def test_link_empty_input_refused(linked_inputs, demo_config):
    frames = [read_tokens(p) for p in _tokens(linked_inputs)]
    with pytest.raises(LinkageError, match="no records"):
        link([frames[0], frames[1].head(0)], demo_config, sources=["hospital", "social_care"])


def test_link_single_input_refused_when_deduplicated(linked_inputs, demo_config):
    with pytest.raises(LinkageError, match="at least two"):
        link([linked_inputs["hospital"]], demo_config)


def test_link_invalid_section_lists_every_problem():
    # A comparison names a UK kind or a token column (a word): "shoe size" is neither.
    section = {
        "deduplicated": "yes",
        "probabilistic": {"threshold": 2, "comparisons": ["shoe size"]},
    }
    with pytest.raises(ConfigError) as caught:
        link([], section)
    assert len(caught.value.problems) == 3


def test_link_cascade_only_config_has_no_probabilistic_links(linked_inputs):
    result = link(_tokens(linked_inputs), {"probabilistic": {"enabled": False}})
    assert "probabilistic" not in set(result.links["step"].drop_nulls().to_list())
    assert result.report.model["skipped"] == "disabled in the config"
