"""The release's report.html in real headless Chromium: renders, shows the figures, no network."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from safelink.report import render_linkage_report

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="headless Chromium is not installed (apt-get install -y chromium chromium-driver)",
    ),
]
ARTIFACTS = ROOT / "test-artifacts"


def _chromium(url: str, work: Path, *extra: str) -> tuple[str, list[dict]]:
    """Run headless Chromium with every host unresolvable and a dead proxy; log the network."""
    net_log = work / f"net-{len(list(work.glob('net-*')))}.json"
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={work / 'profile'}",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--proxy-server=http://127.0.0.1:9",
        f"--log-net-log={net_log}",
        *extra,
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    events = json.loads(net_log.read_text())["events"]
    return done.stdout, events


def _page_requests(events: list[dict]) -> set[str]:
    """URLs the page asked for (the browser's own update/sign-in calls are not the page's)."""
    urls = set()
    for event in events:
        params = event.get("params") or {}
        if "url" not in params or "initiator" not in params:
            continue
        if params["initiator"] != "not an origin" or "file://" in str(
            params.get("network_isolation_key", "")
        ):
            urls.add(params["url"])
    return urls


def test_report_html_has_no_external_reference(released) -> None:
    html = (released.out_dir / "report.html").read_text()
    assert not re.search(r"(?i)https?:|//[a-z0-9]|<script|<link|<iframe|@import|url\(", html)
    assert not re.search(r"(?i)\b(src|href)\s*=", html)
    assert "default-src 'none'" in html  # a CSP that would block any fetch


def test_report_renders_with_figures_and_no_network(released, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    shutil.copy(released.out_dir / "report.html", page)
    dom, events = _chromium(page.as_uri(), tmp_path, "--dump-dom")
    manifest = released.manifest
    assert "<svg" in dom and "Linkage cascade and quality" in dom
    for figure in (
        manifest["recipient"],
        f"{manifest['rows']['out']:,}",
        f"{manifest['rows']['persons_out']:,}",
        "Records linked per step",
        "Match weight of scored pairs, with the threshold",
        "Classes by size (persons)",
        "records suppressed",
        manifest["key_ids"]["signing"],
    ):
        assert figure in dom, figure
    for step in manifest["linkage"]["steps"]:
        assert step["step"] in dom
    assert f"{manifest['disclosure']['information_loss']['rows_suppressed']:,}" in dom
    assert _page_requests(events) == set()


def test_report_signoff_sections_render(released, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    shutil.copy(released.out_dir / "report.html", page)
    dom, events = _chromium(page.as_uri(), tmp_path, "--dump-dom")
    manifest = released.manifest
    checked = manifest["disclosure"]["assessment"]
    for text in (
        "What was checked, and against what",
        "quasi-identifiers (classes formed on)",
        ", ".join(checked["quasi_identifiers"]),
        "k-anonymity (persons per class, at least)",
        "share of rows that may be suppressed (at most)",
        "reference date for ages",
        "Released columns assessed as neither quasi-identifier nor sensitive",
        "Data quality of the identifiers",
        "Codebook",
        "NHS Data Dictionary codes: 1 male, 2 female",
    ):
        assert text in dom, text
    for source in manifest["data_quality"]:
        for column in source["columns"]:
            assert f"{column['column']} ({column['kind']})" in dom
    for entry in manifest["codebook"]:
        assert f"<td>{entry['generalisation']}</td>" in dom
    assert _page_requests(events) == set()


def test_report_network_detector_sees_a_page_request(tmp_path: Path) -> None:
    """Control: the same harness does catch a page that fetches something."""
    page = tmp_path / "fetches.html"
    page.write_text('<!DOCTYPE html><img src="http://example.invalid/pixel.png">')
    _, events = _chromium(page.as_uri(), tmp_path, "--dump-dom")
    assert "http://example.invalid/pixel.png" in _page_requests(events)


def test_report_screenshot_saved(released, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "release-report.png"
    shot.unlink(missing_ok=True)
    page = tmp_path / "report.html"
    shutil.copy(released.out_dir / "report.html", page)
    _chromium(page.as_uri(), tmp_path, f"--screenshot={shot}", "--window-size=1100,4200")
    assert shot.stat().st_size > 20_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_report_waterfall_section_renders_and_screenshot_saved(released, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    shutil.copy(released.out_dir / "report.html", page)
    dom, events = _chromium(page.as_uri(), tmp_path, "--dump-dom")
    waterfall = released.manifest["linkage"]["waterfall"]
    assert waterfall["pairs"]
    assert '<h3 id="waterfall">Waterfall of a few scored pairs</h3>' in dom
    assert waterfall["chosen_by"] in dom
    assert dom.count('class="chart waterfall"') == len(waterfall["pairs"])
    for pair in waterfall["pairs"]:
        assert f"Pair {pair['pair']} ({pair['band']}): match weight" in dom
        for row in pair["comparisons"]:
            assert f"{row['comparison']}: {row['level']}" in dom
    assert "prior (two random records)" in dom and "final match weight" in dom
    assert _page_requests(events) == set()
    # The screenshot: the linkage report's own page (its last section is the waterfall).
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "linkage-report-waterfall.png"
    shot.unlink(missing_ok=True)
    linkage = tmp_path / "linkage.html"
    linkage.write_text(render_linkage_report(released.manifest["linkage"]), encoding="utf-8")
    _chromium(linkage.as_uri(), tmp_path, f"--screenshot={shot}", "--window-size=1100,5200")
    assert shot.stat().st_size > 20_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
