"""Pseudonymise a large synthetic extract, streaming: throughput and peak memory.

Usage: python benchmarks/bench_pseudonymise.py [--rows 20000000] [--batch-rows 250000]

Writes a synthetic CSV (999-range NHS numbers, names, DOB, postcode, sex, two content
columns) to a temporary directory, then pseudonymises it in a child process and reports wall
time, rows per second and the child's peak resident memory (floor: 4 GiB at 20M rows).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

CHILD = r"""
import json, sys, time
from safelink.config import parse_config
from safelink.keys import Keyring
from safelink.pseudonymise import pseudonymise_file
path, out, keyfile, batch = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
config = parse_config({"project": "bench", "sources": {"bench": {"columns": {
    "nhs_number": {"role": "identifier", "kind": "nhs_number"},
    "forename": {"role": "identifier", "kind": "forename"},
    "surname": {"role": "identifier", "kind": "surname"},
    "dob": {"role": "identifier", "kind": "date_of_birth"},
    "postcode": {"role": "identifier", "kind": "postcode"},
    "sex": {"role": "identifier", "kind": "sex", "also_content": True},
    "diagnosis": {"role": "content"}, "admitted": {"role": "content"}}}}})
ring = Keyring.open(keyfile, passphrase="benchmark passphrase only")
start = time.perf_counter()
summary = pseudonymise_file(path, config, ring, out, batch_rows=batch)
print(json.dumps({"seconds": time.perf_counter() - start, "rows": summary.rows,
                  "timings": dict(summary.timings)}))
"""

FORENAMES = np.array(
    [
        "OLIVIA",
        "Amelia",
        "mohammed",
        "Noah",
        "Zoë",
        "Priya",
        "Kwame",
        "Wei",
        "Jan",
        "Siobhan",
        "Aisha",
        "Dylan",
        "Chloe",
        "Harry",
        "Fatima",
        "Oscar",
    ]
)
SURNAMES = np.array(
    [
        "Smith",
        "JONES",
        "Patel",
        "Khan",
        "Williams",
        "O'Brien",
        "Nowak",
        "Okafor",
        "Nguyen",
        "Davies",
        "Evans",
        "Ahmed",
        "Taylor-Brown",
        "Begum",
        "Wilson",
    ]
)


def make_csv(path: Path, rows: int, seed: int = 1) -> None:
    rng = np.random.default_rng(seed)
    chunk = 1_000_000
    with path.open("wb") as handle:
        for start in range(0, rows, chunk):
            n = min(chunk, rows - start)
            nine = 999_000_000 + rng.integers(0, 1_000_000, n)
            digits = np.stack([(nine // 10**p) % 10 for p in range(8, -1, -1)], axis=1)
            total = (digits * np.arange(10, 1, -1)).sum(axis=1)
            check = (11 - total % 11) % 11
            nhs = pl.Series(
                [None if c == 10 else f"{a}{c}" for a, c in zip(nine, check, strict=True)],
                dtype=pl.String,
            )
            day = rng.integers(1, 29, n)
            month = rng.integers(1, 13, n)
            year = rng.integers(1925, 2020, n)
            frame = pl.DataFrame(
                {
                    "nhs_number": nhs,
                    "forename": FORENAMES[rng.integers(0, len(FORENAMES), n)],
                    "surname": SURNAMES[rng.integers(0, len(SURNAMES), n)],
                    "dob": [
                        f"{d:02d}/{m:02d}/{y}" for d, m, y in zip(day, month, year, strict=True)
                    ],
                    "postcode": [
                        f"LS{a} {b}AB"
                        for a, b in zip(rng.integers(1, 30, n), rng.integers(1, 10, n), strict=True)
                    ],
                    "sex": np.array(["M", "F", "Female", "1", "2"])[rng.integers(0, 5, n)],
                    "diagnosis": np.array(["I10", "E11", "J45"])[rng.integers(0, 3, n)],
                    "admitted": "2024-01-01",
                }
            )
            frame.write_csv(handle, include_header=start == 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000_000)
    parser.add_argument("--batch-rows", type=int, default=250_000)
    args = parser.parse_args()
    from safelink.keys import Keyring

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        csv = work / "extract.csv"
        tick = time.perf_counter()
        make_csv(csv, args.rows)
        print(
            f"generated {args.rows:,} rows ({csv.stat().st_size / 2**30:.2f} GiB) "
            f"in {time.perf_counter() - tick:.0f} s"
        )
        (work / "keys").mkdir(mode=0o700)
        Keyring.create(
            work / "keys" / "b.key",
            project="bench",
            passphrase="benchmark passphrase only",
            scrypt_n=2**14,
        )
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                CHILD,
                str(csv),
                str(work / "out"),
                str(work / "keys" / "b.key"),
                str(args.batch_rows),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        figures = json.loads(result.stdout)
        peak_gib = max(peak_kib, before) / 2**20
        rate = figures["rows"] / figures["seconds"]
        print(
            f"pseudonymised {figures['rows']:,} rows x 6 identifiers (18 token columns) in "
            f"{figures['seconds']:.1f} s = {rate:,.0f} rows/s"
        )
        print(f"phases: {figures['timings']}")
        print(
            f"peak memory (child RSS): {peak_gib:.2f} GiB  (floor 4 GiB: "
            f"{'PASS' if peak_gib < 4 else 'FAIL'}, {4 / peak_gib:.1f}x headroom)"
        )


if __name__ == "__main__":
    main()
