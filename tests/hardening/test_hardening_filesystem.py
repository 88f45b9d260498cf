"""A full disk and a read-only output directory give a clear error and leave nothing behind.

Tests run as root in CI, where chmod does not stop writes, so each case mounts a real tmpfs
in a private mount namespace (``unshare -m``): 64 KiB for the full disk, read-only for the
other. Skipped only where the machine does not allow mount namespaces.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from safelink.keys import Keyring
from safelink.synthetic.testing import synthetic_nhs_numbers
from tests.conftest import needs_mount_namespace

PASSPHRASE = "a long synthetic test passphrase"


pytestmark = needs_mount_namespace


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "keys").mkdir()
    Keyring.create(tmp_path / "keys" / "p.key", project="p", passphrase=PASSPHRASE, scrypt_n=2**14)
    (tmp_path / "job.yaml").write_text(
        "project: p\nkey_file: keys/p.key\nsources:\n  s:\n    columns:\n"
        "      nhs: {role: identifier, kind: nhs_number}\n      v: {role: content}\n"
    )
    rows = 20_000
    pl.DataFrame({"nhs": synthetic_nhs_numbers(rows), "v": ["x"] * rows}).write_csv(
        tmp_path / "s.csv"
    )
    (tmp_path / "out").mkdir()
    return tmp_path


def _pseudonymise_on(project: Path, mount: str) -> subprocess.CompletedProcess[str]:
    safelink = Path(sys.executable).with_name("safelink")
    out = project / "out"
    command = (
        f"{mount} && {safelink} pseudonymise {project / 's.csv'} "
        f"--config {project / 'job.yaml'} -o {out}; status=$?; ls -A {out}; exit $status"
    )
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", command],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "SAFELINK_PASSPHRASE": PASSPHRASE},
    )


def test_full_disk_clear_error_and_no_output(project: Path):
    out = project / "out"
    result = _pseudonymise_on(project, f"mount -t tmpfs -o size=64k tmpfs {out}")
    assert result.returncode == 2, result.stderr
    assert "disk is full" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout.strip() == "", "files left behind on the full disk"


def test_read_only_output_clear_error(project: Path):
    out = project / "out"
    mount = f"mount -t tmpfs tmpfs {out} && mount -o remount,ro {out}"
    result = _pseudonymise_on(project, mount)
    assert result.returncode == 2, result.stderr
    assert "read-only" in result.stderr and "Traceback" not in result.stderr
