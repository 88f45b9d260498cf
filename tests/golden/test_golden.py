"""Every output is byte-for-byte what it was when the golden fingerprints were captured.

A failure names the outputs that changed. If the change is intended, rewrite the fingerprints
with ``python -m tests.golden.capture`` and say why in the commit; otherwise the change is a
regression (a refactor must not move a single output byte).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.golden.capture import GOLDEN, fingerprint_json, fingerprints


@pytest.fixture(scope="module")
def captured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return fingerprints(tmp_path_factory.mktemp("golden"))


def test_golden_outputs_byte_identical(captured: dict[str, str]) -> None:
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert sorted(captured) == sorted(expected), "the set of golden outputs changed"
    changed = sorted(name for name in expected if captured[name] != expected[name])
    assert changed == [], f"outputs changed: {changed}"


def test_golden_capture_is_deterministic_across_directories(
    captured: dict[str, str], tmp_path: Path
) -> None:
    # A second run in another directory gives the same fingerprints, so a golden mismatch is
    # never noise from paths or record order.
    assert fingerprints(tmp_path / "again") == captured


def test_golden_fingerprint_sees_a_changed_value(tmp_path: Path) -> None:
    # Negative control: the JSON fingerprint drops times, but not a figure.
    path = tmp_path / "report.json"
    path.write_text(json.dumps({"k": 5, "timings": {"total_seconds": 1.0}}))
    before = fingerprint_json(path)
    path.write_text(json.dumps({"k": 5, "timings": {"total_seconds": 9.0}}))
    assert fingerprint_json(path) == before
    path.write_text(json.dumps({"k": 4, "timings": {"total_seconds": 1.0}}))
    assert fingerprint_json(path) != before
