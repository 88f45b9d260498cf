"""Outputs are never readable or writable by other users, whatever the umask.

Each run here happens under umask 0, where a file made the usual way would be world-writable;
every output file must come out owner-only (0600) and every directory made for outputs 0700.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest

from safelink.keys import Keyring
from safelink.synthetic.testing import synthetic_nhs_numbers

PASSPHRASE = "a long synthetic test passphrase"


@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "keys").mkdir(mode=0o700)
    Keyring.create(tmp_path / "keys" / "p.key", project="p", passphrase=PASSPHRASE, scrypt_n=2**14)
    (tmp_path / "job.yaml").write_text(
        "project: p\nkey_file: keys/p.key\nsources:\n  s:\n    columns:\n"
        "      nhs: {role: identifier, kind: nhs_number}\n"
        "      name: {role: identifier, kind: surname}\n"
        "      v: {role: content}\n"
    )
    pl.DataFrame(
        {"nhs": synthetic_nhs_numbers(50), "name": ["Okafor", "Nguyen"] * 25, "v": ["x"] * 50}
    ).write_csv(tmp_path / "s.csv")
    return tmp_path


def _modes(root: Path) -> dict[str, int]:
    return {
        str(path.relative_to(root)): stat.S_IMODE(path.stat().st_mode)
        for path in [root, *root.rglob("*")]
    }


@pytest.mark.parametrize("extra", [[], ["--csv"]], ids=["parquet", "csv"])
def test_pseudonymise_under_umask_0_outputs_owner_only(
    run_cli, project: Path, open_umask: None, extra: list[str]
):
    out = project / "out" / "run"  # two directories made by the run
    result = run_cli(
        "pseudonymise", str(project / "s.csv"), "--config", str(project / "job.yaml"),
        "-o", str(out), *extra, env={"SAFELINK_PASSPHRASE": PASSPHRASE},
    )  # fmt: skip
    assert result.code == 0, result.stderr
    modes = _modes(project / "out")
    assert len(modes) == 5, modes  # out, out/run and the three outputs
    files = {name: mode for name, mode in modes.items() if (project / "out" / name).is_file()}
    directories = {name: mode for name, mode in modes.items() if name not in files}
    assert set(files.values()) == {0o600}, files
    assert set(directories.values()) == {0o700}, directories


def test_scan_report_and_draft_config_under_umask_0_owner_only(
    run_cli, project: Path, open_umask: None
):
    report, draft = project / "scan.json", project / "draft.yaml"
    result = run_cli(
        "scan", str(project / "s.csv"), "-o", str(report), "--draft-config", str(draft)
    )
    assert result.code == 0, result.stderr
    assert [stat.S_IMODE(p.stat().st_mode) for p in (report, draft)] == [0o600, 0o600]
