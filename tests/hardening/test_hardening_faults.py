"""A pseudonymise run killed at random points never leaves a silently mixed or partial output.

After each kill, either the previous outputs are intact (every file matches its summary), or
the mismatch is detected (link refuses the tokens file); no visible file is half-written, and
re-running gives the same tokens as a clean run.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest

from safelink.errors import InputError
from safelink.keys import Keyring
from safelink.pseudonymise import pseudonymise_file, verify_outputs
from safelink.testing import synthetic_nhs_numbers

PASSPHRASE = "a long synthetic test passphrase"
CHILD = """
import sys
from safelink.config import parse_config
from safelink.keys import Keyring
from safelink.pseudonymise import pseudonymise_file
config = parse_config({"project": "f", "sources": {"s": {"columns": {
    "nhs": {"role": "identifier", "kind": "nhs_number"},
    "name": {"role": "identifier", "kind": "surname"},
    "v": {"role": "content"}}}}})
ring = Keyring.open(sys.argv[1], passphrase=sys.stdin.readline().strip())
pseudonymise_file(sys.argv[2], config, ring, sys.argv[3], batch_rows=20_000)
"""


def _state(out: Path) -> str:
    """'intact' if every data file matches the summary, 'detected' if a mismatch is refused."""
    try:
        for name in ("s.tokens.parquet", "s.content.parquet"):
            verify_outputs(out / name)
    except InputError:
        return "detected"
    return "intact"


@pytest.mark.slow
def test_pseudonymise_killed_at_random_points_never_mixes_outputs(tmp_path: Path):
    ring = Keyring.create(tmp_path / "k.key", project="f", passphrase=PASSPHRASE, scrypt_n=2**14)
    extract = tmp_path / "s.csv"
    rows = 200_000
    pl.DataFrame(
        {
            "nhs": synthetic_nhs_numbers(rows, seed=1),
            "name": ["Smith", "Okafor", "Nguyen", "Kowalski"] * (rows // 4),
            "v": ["x"] * rows,
        }
    ).write_csv(extract)
    out = tmp_path / "out"
    child = [sys.executable, "-c", CHILD, str(ring.path), str(extract), str(out)]
    subprocess.run(child, input=PASSPHRASE + "\n", text=True, check=True, timeout=300)
    clean = pl.read_parquet(out / "s.tokens.parquet").drop("record_id")
    started = time.perf_counter()
    subprocess.run(child, input=PASSPHRASE + "\n", text=True, check=True, timeout=300)
    duration = time.perf_counter() - started
    rng = random.Random(7)
    outcomes = []
    for _ in range(6):
        process = subprocess.Popen(child, stdin=subprocess.PIPE, text=True)
        assert process.stdin is not None
        process.stdin.write(PASSPHRASE + "\n")
        process.stdin.close()
        time.sleep(rng.uniform(0.2, 1.0) * duration)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        visible = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
        assert visible == ["s.content.parquet", "s.summary.json", "s.tokens.parquet"]
        outcomes.append(_state(out))
        for name in visible:
            if name.endswith(".parquet"):
                pl.read_parquet(out / name)  # complete files, never truncated
    assert set(outcomes) <= {"intact", "detected"}
    summary = pseudonymise_file(extract, _config(), ring, out, batch_rows=20_000)
    assert summary.rows == rows and _state(out) == "intact"
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")], "stale temporaries"
    again = pl.read_parquet(out / "s.tokens.parquet").drop("record_id")
    assert again.equals(clean)


def _config():
    from safelink.config import parse_config

    return parse_config(
        {
            "project": "f",
            "sources": {
                "s": {
                    "columns": {
                        "nhs": {"role": "identifier", "kind": "nhs_number"},
                        "name": {"role": "identifier", "kind": "surname"},
                        "v": {"role": "content"},
                    }
                }
            },
        }
    )
