"""Usage errors exit 2 with the usage line and the problem; --help and --version exit 0.

typer >= 0.2x vendors click and raises its own copies of click's exceptions, which are not
subclasses of ``click.ClickException``; these tests drive the real entry point so that a typer
upgrade that moves the classes again cannot turn usage errors back into "internal error" (70).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from safelink import _version
from safelink.cli import app as app_module

USAGE_ERRORS = {
    "unknown option": (["--bogus"], "safelink [OPTIONS]", "No such option: --bogus"),
    "unknown command": (["nosuch"], "safelink [OPTIONS]", "No such command 'nosuch'"),
    "unknown subcommand": (["keys", "nosuch"], "safelink keys", "No such command 'nosuch'"),
    "unknown option of a command": (
        ["pseudonymise", "x.csv", "--bogus"],
        "safelink pseudonymise",
        "No such option: --bogus",
    ),
    "unknown option of a subcommand": (
        ["keys", "init", "--project", "p", "--bogus"],
        "safelink keys init",
        "No such option: --bogus",
    ),
    "missing argument": (["pseudonymise"], "safelink pseudonymise", "Missing argument 'INPUT'"),
    "missing option": (["keys", "init"], "safelink keys init", "Missing option '--project'"),
    "missing required option of a command": (
        ["pseudonymise", "x.csv", "-o", "out"],
        "safelink pseudonymise",
        "Missing option '--config'",
    ),
    "option without its value": (
        ["pseudonymise", "x.csv", "--config"],
        "safelink pseudonymise",
        "Option '--config' requires an argument",
    ),
    "bad integer": (["demo", "--people", "many"], "safelink demo", "Invalid value for '--people'"),
    "integer out of range": (["demo", "--people", "3"], "safelink demo", "'--people'"),
    "bad choice": (["scan", "x.csv", "--format", "xml"], "safelink scan", "'--format'"),
    "unknown encoding": (
        ["scan", "x.csv", "--encoding", "klingon"],
        "safelink scan",
        "Invalid value for '--encoding'",
    ),
}


@pytest.mark.parametrize(
    ("args", "usage", "problem"), USAGE_ERRORS.values(), ids=list(USAGE_ERRORS)
)
def test_cli_usage_error_exit_2_with_usage_line_and_problem(run_cli, args, usage, problem):
    result = run_cli(*args)
    assert result.code == 2, result.stderr
    assert f"Usage: {usage}" in result.stderr
    assert "--help' for help" in result.stderr
    assert problem in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


def test_cli_version_prints_version_exit_0(run_cli):
    result = run_cli("--version")
    assert result.code == 0, result.stderr
    assert result.stdout == f"safelink {_version.__version__}\n"
    assert result.stderr == ""


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["keys", "--help"],
        ["keys", "init", "--help"],
        ["pseudonymise", "--help"],
        ["scan", "--help"],
        ["surrogate", "--help"],
    ],
)
def test_cli_help_exit_0_shows_usage(run_cli, args):
    result = run_cli(*args)
    assert result.code == 0, result.stderr
    assert "Usage: safelink" in result.stdout


def test_cli_help_lists_version_and_encoding_options(run_cli):
    assert "--version" in run_cli("--help").stdout
    for command in ("pseudonymise", "scan"):
        assert "--encoding" in run_cli(command, "--help").stdout, command


def test_cli_no_arguments_shows_help_exit_2(run_cli):
    result = run_cli()
    assert result.code == 2
    assert "Usage: safelink" in result.stdout + result.stderr


def test_cli_installed_script_usage_error_exit_2():
    """The console script itself, as a user runs it (a subprocess, a fresh interpreter)."""
    safelink = Path(sys.executable).with_name("safelink")
    result = subprocess.run([str(safelink), "--bogus"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "Usage: safelink" in result.stderr and "No such option: --bogus" in result.stderr
    version = subprocess.run(
        [str(safelink), "--version"], capture_output=True, text=True, timeout=120
    )
    assert version.returncode == 0 and version.stdout.strip().endswith(_version.__version__)


class _RaisingApp:
    """Stands in for the typer app: raises the exception it was given."""

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc

    def __call__(self, **kwargs: object) -> int:
        raise self.exc


def _usage_error_classes() -> list[type[Exception]]:
    """click's own UsageError and the copy typer vendors, whichever this environment has."""
    import importlib

    classes = []
    for module in ("click.exceptions", "typer._click.exceptions"):
        try:
            classes.append(importlib.import_module(module).UsageError)
        except ImportError:
            continue
    return classes


@pytest.mark.parametrize("usage_error", _usage_error_classes(), ids=lambda c: c.__module__)
def test_cli_main_usage_error_of_click_or_typer_exit_2(run_cli, monkeypatch, usage_error):
    monkeypatch.setattr(app_module, "app", _RaisingApp(usage_error("the problem")))
    result = run_cli("anything")
    assert result.code == 2
    assert "Error: the problem" in result.stderr and "internal error" not in result.stderr


def test_cli_main_click_like_error_of_unknown_class_uses_its_exit_code(run_cli, monkeypatch):
    class FutureUsageError(Exception):
        exit_code = 2

        def show(self) -> None:
            print("Error: shown by its own show()", file=sys.stderr)

    monkeypatch.setattr(app_module, "app", _RaisingApp(FutureUsageError()))
    result = run_cli("anything")
    assert result.code == 2 and "shown by its own show()" in result.stderr


def test_cli_main_bug_exit_70_without_its_message(run_cli, monkeypatch):
    monkeypatch.setattr(app_module, "app", _RaisingApp(RuntimeError("Okafor 9434765919")))
    result = run_cli("anything")
    assert result.code == 70
    assert "internal error (RuntimeError)" in result.stderr
    assert "Okafor" not in result.stderr and "9434765919" not in result.stderr


def test_cli_interrupted_command_exit_130_with_message(run_cli, monkeypatch, tmp_path: Path):
    import safelink.cli.scan

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(safelink.cli.scan, "scan", interrupted)
    (tmp_path / "x.csv").write_text("a\n1\n")
    result = run_cli("scan", str(tmp_path / "x.csv"))
    assert result.code == 130
    assert "interrupted; no partial output was kept" in result.stderr
