"""``safelink scan`` through a local typer app (the lead wires it into the main app)."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import typer
from typer.testing import CliRunner

from safelink.cli.scan import GATE_EXIT_CODE, register


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.callback()
    def _root() -> None:
        """Test root so `scan` stays a subcommand."""

    return app


def _extract(tmp_path: Path, *, identifiers: bool) -> Path:
    columns = {"episode": ["1", "2", "3"], "notes": ["fine today", "no change", "seen"]}
    if identifiers:
        columns["nhs_number"] = ["999 000 0018", "9990000026", "999 000 0034"]
    path = tmp_path / "extract.csv"
    pl.DataFrame(columns).write_csv(path)
    return path


def test_scan_cli_fail_on_direct_exits_non_zero_with_identifiers(tmp_path: Path) -> None:
    path = _extract(tmp_path, identifiers=True)
    result = CliRunner().invoke(
        _app(), ["scan", str(path), "--fail-on", "direct", "--format", "json"]
    )
    assert result.exit_code == GATE_EXIT_CODE
    assert json.loads(result.stdout)["direct_columns"] == ["nhs_number"]


def test_scan_entry_point_fail_on_direct_exits_three(tmp_path: Path, run_cli) -> None:
    """The real entry point (not CliRunner) passes the gate's exit code to the shell."""
    path = _extract(tmp_path, identifiers=True)
    result = run_cli("scan", str(path), "--fail-on", "direct", "--format", "json")
    assert result.code == GATE_EXIT_CODE
    assert "nhs_number" in result.stderr


def test_scan_cli_fail_on_direct_passes_clean_extract(tmp_path: Path) -> None:
    path = _extract(tmp_path, identifiers=False)
    result = CliRunner().invoke(_app(), ["scan", str(path), "--fail-on", "direct"])
    assert result.exit_code == 0, result.output


def test_scan_cli_writes_report_and_draft_config(tmp_path: Path) -> None:
    path = _extract(tmp_path, identifiers=True)
    report, draft = tmp_path / "report.json", tmp_path / "draft.yaml"
    args = ["scan", str(path), "-o", str(report), "--draft-config", str(draft), "--sample", "100"]
    result = CliRunner().invoke(_app(), args)
    assert result.exit_code == 0, result.output
    assert json.loads(report.read_text())["settings"]["sample"] == 100
    assert "kind: nhs_number" in draft.read_text()
    assert "999 000 0018" not in result.output + report.read_text() + draft.read_text()


def test_scan_entry_point_progress_only_with_the_table(tmp_path: Path, run_cli) -> None:
    import safelink.infra.progress as module

    path = _extract(tmp_path, identifiers=False)
    module.LINE_INTERVAL, saved = 0.0, module.LINE_INTERVAL
    try:
        table = run_cli("scan", str(path), "--free-text", "notes")
        as_json = run_cli("scan", str(path), "--free-text", "notes", "--format", "json")
    finally:
        module.LINE_INTERVAL = saved
    assert table.code == as_json.code == 0
    assert "safelink: scan notes" in table.stderr
    assert as_json.stderr == "" and json.loads(as_json.stdout)
