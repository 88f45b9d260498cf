"""The whole demo runs with every outbound connection and DNS lookup refused."""

from __future__ import annotations

from pathlib import Path

from safelink.demo import run_demo


def test_demo_completes_with_network_refused(no_network: list[str], tmp_path: Path):
    result = run_demo(tmp_path / "demo", people=1_000, seed=2)
    assert result.linkage.truth is not None
    assert no_network == [], "something tried to reach the network"


def test_scan_engine_builds_and_scans_with_network_refused(no_network: list[str]):
    import polars as pl

    from safelink.detect import scan

    report = scan(pl.DataFrame({"nhs_number": ["999 000 0018", "9990000026"] * 50}))
    assert report.has_direct
    assert no_network == []
