from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from safelink.cli.app import main


@dataclass
class CliResult:
    code: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., CliResult]:
    """Run the real CLI entry point in-process and capture its exit code and output."""

    def run(*args: str, env: dict[str, str] | None = None) -> CliResult:
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        monkeypatch.setattr(sys, "argv", ["safelink", *args])
        capsys.readouterr()
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        for name in env or {}:
            monkeypatch.delenv(name)
        return CliResult(code, captured.out, captured.err)

    return run
