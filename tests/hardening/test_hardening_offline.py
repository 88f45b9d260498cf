"""The whole demo runs with every outbound connection and DNS lookup refused."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def test_cli_demo_completes_in_a_network_namespace_with_no_interfaces(tmp_path: Path):
    """Where the machine allows it, run the real CLI with no network at all (not even lo up)."""
    import shutil
    import subprocess
    import sys

    unshare = shutil.which("unshare")
    probe = subprocess.run([unshare or "unshare", "-n", "true"], capture_output=True)
    if unshare is None or probe.returncode != 0:
        pytest.skip("this machine does not allow network namespaces (unshare -n)")
    safelink = Path(sys.executable).with_name("safelink")
    result = subprocess.run(
        [unshare, "-n", str(safelink), "demo", "-o", str(tmp_path / "demo"), "--people", "1000"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "demo" / "release" / "demo_research" / "manifest.sig").is_file()
