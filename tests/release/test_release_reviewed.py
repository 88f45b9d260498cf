"""A column the detector flags that the IG lead has reviewed: released, recorded, verified.

The false alarm here is a diagnosis column whose codes a study replaced with code names
("Amber Kestrel"), which the detector reads as people's names. Without a review the release is
refused; with the column under ``release.reviewed`` and a reason, the finding is overruled, the
signed manifest and the report record it, and verify applies the same review. The value scan
still reads the column.
"""

from __future__ import annotations

import html
import json
import random
from pathlib import Path

import polars as pl
import pytest

from safelink.errors import ConfigError, DisclosureRiskError
from safelink.release import identifier_gate, verify

from .conftest import Pipeline

# fmt: off
FIRST = ["Amber", "Jade", "Coral", "Ivy", "Hazel", "Rowan", "Willow", "Holly", "Poppy", "Iris",
         "Basil", "Heath", "Flint", "Reed", "Ash"]
SECOND = ["Kestrel", "Heron", "Wren", "Finch", "Lark", "Otter", "Badger", "Marten", "Falcon",
          "Plover", "Robin", "Swift"]
# fmt: on
REASON = "a study's code names for diagnoses, no person's name; reviewed by the IG lead"


def _with_code_names(pipeline: Pipeline, tmp_path: Path, *, planted: str | None = None) -> Path:
    """The hospital content with code names for diagnoses (and one planted value)."""
    content = pl.read_parquet(pipeline.content["hospital"])
    rng = random.Random(11)
    groups = [f"{rng.choice(FIRST)} {rng.choice(SECOND)}" for _ in range(content.height)]
    if planted is not None:
        groups[0] = planted
    path = tmp_path / "hospital.content.parquet"
    content.with_columns(pl.Series("diagnosis", groups)).write_parquet(path)
    return path


def test_a_flagged_column_is_refused_until_reviewed_then_recorded_and_verified(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    content = {**pipeline.content, "hospital": _with_code_names(pipeline, tmp_path)}
    with pytest.raises(DisclosureRiskError, match=r"release\.reviewed") as caught:
        pipeline.release(tmp_path / "refused", job=pipeline.job(), content=content)
    assert "direct identifier detected in column 'diagnosis'" in str(caught.value)
    assert not (tmp_path / "refused").exists()

    reviewed = pipeline.job(reviewed={"diagnosis": REASON})
    result = pipeline.release(tmp_path / "released", job=reviewed, content=content)
    manifest = json.loads((result.out_dir / "manifest.json").read_text())
    gate = manifest["detection"]["release_gate"]
    assert gate["passed"] and gate["direct_columns"] == []
    assert gate["reviewed"] == {"diagnosis": REASON} and gate["overruled"] == ["diagnosis"]
    assert html.escape(REASON) in (result.out_dir / "report.html").read_text()
    report = verify(result.out_dir, pipeline.public_key)
    scan = next(c for c in report.checks if c.name == "identifier scan")
    assert report.ok and scan.passed and "overruled" in scan.detail


def test_a_reviewed_column_is_still_read_by_the_value_scan(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    planted = "NHS 999 973 9849"  # synthetic: the 999 test range, a valid check digit
    content = {
        **pipeline.content,
        "hospital": _with_code_names(pipeline, tmp_path, planted=planted),
    }
    reviewed = pipeline.job(reviewed={"diagnosis": REASON})
    with pytest.raises(DisclosureRiskError, match="identifier gate") as caught:
        pipeline.release(tmp_path / "leak", job=reviewed, content=content)
    assert "column 'diagnosis' hold an NHS number" in str(caught.value)
    assert "9849" not in str(caught.value)


def test_a_review_naming_a_column_the_release_does_not_hold_is_refused() -> None:
    frame = pl.DataFrame({"sex": ["1", "2"], "age_band": ["30-39", "40-49"]})
    with pytest.raises(ConfigError, match=r"release\.reviewed names column\(s\) \['diagnosis'\]"):
        identifier_gate(frame, reviewed={"diagnosis": REASON})
    assert identifier_gate(frame, reviewed={"sex": REASON}).reviewed == {"sex": REASON}
