"""Stable and per-release person pseudonyms: monthly releases join only when they should."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polars as pl

from safelink.release import pseudonymise_persons, recipient_key

from .conftest import Pipeline


def _next_month(pipeline: Pipeline, tmp_path: Path) -> Path:
    """Another links file with the same persons (as a person index gives next month)."""
    folder = tmp_path / "linked-next"
    folder.mkdir()
    links = pl.read_parquet(pipeline.links)
    links.reverse().write_parquet(folder / "links.parquet")
    shutil.copyfile(pipeline.links.with_name("linkage_report.json"), folder / "linkage_report.json")
    return folder / "links.parquet"


def _persons(bundle: Path) -> set[str]:
    return set(pl.read_parquet(bundle / "data.parquet")["person"].to_list())


def _manifest(bundle: Path) -> dict:
    return json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))


def test_stable_pseudonyms_join_across_months_per_release_ones_never(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    later = _next_month(pipeline, tmp_path)
    audit = tmp_path / "audit.jsonl"
    stable = [
        pipeline.release(tmp_path / name, links=links, audit_log=audit)
        for name, links in (("m1", pipeline.links), ("m2", later))
    ]
    first, second = _persons(tmp_path / "m1"), _persons(tmp_path / "m2")
    assert first and first == second  # the same persons, the same pseudonyms
    ids = pl.read_parquet(pipeline.links)["person_id"].unique()
    expected = set(pseudonymise_persons(ids, recipient_key(pipeline.keys, "uni_research")))
    assert first <= expected
    assert _manifest(tmp_path / "m1")["person_pseudonyms"]["scheme"] == "stable"
    assert stable[0].manifest["key_ids"] == stable[1].manifest["key_ids"]

    job = pipeline.job(person_pseudonyms="per_release")
    for name, links in (("p1", pipeline.links), ("p2", later)):
        pipeline.release(tmp_path / name, links=links, audit_log=audit, job=job)
    once, again = _persons(tmp_path / "p1"), _persons(tmp_path / "p2")
    assert len(once) == len(first) == len(again)
    assert not once & again and not once & first
    manifest = _manifest(tmp_path / "p1")
    assert manifest["person_pseudonyms"]["scheme"] == "per_release"
    assert (
        manifest["key_ids"]["release:uni_research"]
        != stable[0].manifest["key_ids"]["release:uni_research"]
    )
    # The same links released again under per_release: the same pseudonyms (reproducible).
    pipeline.release(tmp_path / "p1-again", links=pipeline.links, audit_log=audit, job=job)
    assert _persons(tmp_path / "p1-again") == once
