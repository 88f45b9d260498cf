"""Shared fixtures: a clean environment, a fast test keyring, and a network guard."""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# Rich lays a command's output out for the terminal it finds (80 columns on a pipe, whatever a
# terminal has); the tests read lines whole, so every run, serial or on a pytest-xdist worker,
# gets the same wide layout. Set before the CLI's console is made.
os.environ["COLUMNS"] = "200"

from safelink.cli.app import main
from safelink.keys import Keyring

TEST_PASSPHRASE = "correct horse battery staple"  # synthetic, for tests only

# Property tests are derandomised by default (CI included): the same examples every run, so a
# red run is always a real regression. `SAFELINK_HYPOTHESIS_PROFILE=explore make test` draws
# fresh random examples, ten times as many, to look for new failures locally. No deadline:
# speed is measured by benchmarks, and a per-example deadline failed on a loaded machine.
settings.register_profile(
    "derandomised", derandomize=True, database=None, print_blob=True, deadline=None
)
settings.register_profile(
    "explore", max_examples=1000, derandomize=False, print_blob=True, deadline=None
)
settings.load_profile(os.environ.get("SAFELINK_HYPOTHESIS_PROFILE", "derandomised"))


def _can_mount_tmpfs() -> bool:
    import shutil
    import subprocess

    unshare = shutil.which("unshare")
    if unshare is None:
        return False
    probe = subprocess.run(
        [unshare, "-m", "sh", "-c", "mount -t tmpfs tmpfs /mnt"], capture_output=True
    )
    return probe.returncode == 0


# Full-disk and read-only tests mount a real tmpfs in a private mount namespace (as root, chmod
# does not stop writes); skipped only where the machine does not allow mount namespaces.
needs_mount_namespace = pytest.mark.skipif(
    not _can_mount_tmpfs(), reason="this machine does not allow mount namespaces (unshare -m)"
)


@pytest.fixture(autouse=True)
def _clean_safelink_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for name in list(os.environ):
        if name.startswith("SAFELINK_"):
            monkeypatch.delenv(name)


@pytest.fixture
def keyring(tmp_path: Path) -> Keyring:
    """A project keyring with a cheap KDF (tests only) in a private temp dir."""
    keys_dir = tmp_path / "keys"
    keys_dir.mkdir(mode=0o700)
    return Keyring.create(
        keys_dir / "test.key", project="test", passphrase=TEST_PASSPHRASE, scrypt_n=2**14
    )


class NetworkBlocked(RuntimeError):
    """Raised by the guard when code under test tries to use the network."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Refuse every outbound connection and DNS lookup; yields the attempts made."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[:2]))
        raise NetworkBlocked("network access attempted during a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts


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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Spark tests run on one worker, one after another, when the suite runs in parallel.

    ``make test`` runs the suite on two workers (pytest-xdist, ``--dist loadgroup``): every
    test marked ``spark`` joins one group, so one JVM serves them all while the other worker
    runs the rest.
    """
    for item in items:
        if item.get_closest_marker("spark") is not None:
            item.add_marker(pytest.mark.xdist_group("spark"))
