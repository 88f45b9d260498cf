"""``safelink scan --encoding``: the option exists, is used, and a bad byte names its line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def _extract(tmp_path: Path, last_row: bytes) -> Path:
    rows = b"".join(b"%d,Smith\n" % i for i in range(5_000))
    path = tmp_path / "extract.csv"
    path.write_bytes(b"id,surname\n" + rows + last_row + b"\n")
    return path


def test_cli_scan_encoding_option_reads_latin_1(run_cli, tmp_path: Path):
    path = _extract(tmp_path, "5000,Zo\xeb".encode("latin-1"))
    assert run_cli("scan", str(path), "--format", "json").code == 2
    result = run_cli("scan", str(path), "--format", "json", "--encoding", "latin-1")
    assert result.code == 0, result.stderr


def test_cli_scan_cp1252_undefined_byte_exit_2_names_line_in_fresh_process(tmp_path: Path):
    """0x81 is undefined in cp1252. Arrow would meet it on a read-ahead thread, where a
    decoding error could abort the process at exit (exit -6 / 134): it must be a clean 2."""
    path = _extract(tmp_path, b"5000,\x81")
    safelink = Path(sys.executable).with_name("safelink")
    result = subprocess.run(
        [str(safelink), "scan", str(path), "--encoding", "cp1252"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2, result.stderr
    assert "line 5002: text is not valid cp1252" in result.stderr
    assert "--encoding latin-1" in result.stderr
    assert "terminate called" not in result.stderr
