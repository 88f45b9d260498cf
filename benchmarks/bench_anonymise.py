"""``anonymise`` with every step on the local engine, against an older safelink, in one run.

Run: ``python benchmarks/bench_anonymise.py [--rows 1000000] [--old /tmp/old/src]``. ``--old``
is the ``src`` directory of the code to compare with (e.g. a worktree of the commit before the
change: ``git worktree add --detach /tmp/old <commit>``). Each version runs in its own process
on the same seeded data and key (the committed test key), alternately; the best of
``--repeat`` times per round is kept. Prints wall-clock and CPU seconds (all threads; less
sensitive to other work on a shared machine) per config and the new/old ratios.

Configs: ``recode`` (drop, generalise a date of birth and a postcode, coarsen a date, top- and
bottom-code, suppress) and ``every step`` (those, a keyed surrogate and a date shift).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NEW = HERE.parent / "src"


def records(rows: int) -> Any:
    """The bench_disclosure data with a date of birth, text dates and a surname (seeded)."""
    import numpy as np
    import polars as pl
    from _disclosure_data import synthetic

    rng = np.random.default_rng(11)
    frame = synthetic(rows, persons=max(rows // 3, 1))
    births = pl.Series("b", rng.integers(0, 36_500, rows))
    surnames = np.array(["Smith", "Jones", "Patel", "Khan", "Nowak", "Brown", "Taylor", "Ali"])
    return frame.with_columns(
        (pl.lit(np.datetime64("1920-01-01")) + pl.duration(days=births))
        .dt.strftime("%Y-%m-%d")
        .alias("dob"),
        pl.col("admission_date").dt.strftime("%Y-%m-%d").alias("admitted"),
        pl.Series("surname", surnames[rng.integers(0, len(surnames), rows)]),
        pl.col("person_id").cast(pl.String),
    )


RECODE: list[dict[str, Any]] = [
    {"generalise": "dob", "to": "age_band", "width": 10, "top": 90},
    {"generalise": "postcode", "to": "district"},
    {"coarsen": "admitted", "to": "quarter"},
    {"top_code": "age", "threshold": 90.0},
    {"bottom_code": "los", "threshold": 1.0},
    {"suppress": True},
]
KEYED: list[dict[str, Any]] = [
    {"shift_dates": ["admission_date"], "max_days": 60},
    {"surrogate": "surname", "kind": "surname"},
]


def worker(rows: int, repeat: int) -> dict[str, float]:
    """Time ``anonymise`` on this process's safelink; return the best seconds per config."""
    from _fixed_key import fixed_keyring

    from safelink.disclosure import anonymise, parse_disclosure_config

    frame = records(rows)
    ring = fixed_keyring()
    base = {
        "profile": {"name": "tre", "k": 5, "max_suppression": 0.5},
        "quasi_identifiers": ["dob", "sex", "postcode"],
        "person": "person_id",
        "identifying": ["dob", "postcode"],
        "reference_date": dt.date(2025, 1, 1),
        "drop": ["diagnosis"],
    }
    configs = {
        "recode": parse_disclosure_config({**base, "transformations": RECODE}),
        "every step": parse_disclosure_config({**base, "transformations": KEYED + RECODE}),
    }
    out: dict[str, float] = {}
    for name, config in configs.items():
        anonymise(frame, config, keyring=ring)  # warm-up
        wall = cpu = float("inf")
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            anonymise(frame, config, keyring=ring)
            wall = min(wall, time.perf_counter() - start)
            cpu = min(cpu, time.process_time() - start_cpu)
        out[f"{name} (wall)"] = wall
        out[f"{name} (CPU)"] = cpu
    return out


def main() -> None:
    """Run both versions alternately and print the figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2, help="alternations of old and new")
    parser.add_argument("--old", type=Path, default=Path("/tmp/wt-anon-old/src"))
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.rows, args.repeat)))
        return
    best: dict[str, dict[str, float]] = {"old": {}, "new": {}}
    for _ in range(args.rounds):
        for tag, src in (("old", args.old), ("new", NEW)):
            env = {
                **os.environ,
                "PYTHONPATH": os.pathsep.join([str(src), str(HERE.parent), str(HERE)]),
            }
            command = [sys.executable, __file__, "--worker", "--rows", str(args.rows)]
            command += ["--repeat", str(args.repeat)]
            done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
            for name, seconds in json.loads(done.stdout.splitlines()[-1]).items():
                best[tag][name] = min(best[tag].get(name, float("inf")), seconds)
    print(f"anonymise, local engine, {args.rows:,} rows, best of {args.repeat} x {args.rounds}")
    print(f"{'config':<20}{'old s':>9}{'new s':>9}{'new/old':>9}")
    for name, old in best["old"].items():
        new = best["new"].get(name, float("nan"))
        print(f"{name:<20}{old:9.3f}{new:9.3f}{new / old:9.3f}")


if __name__ == "__main__":
    main()
