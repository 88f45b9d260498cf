"""The class-table (SQL) disclosure models against an older safelink, in the same run.

Run: ``python benchmarks/bench_disclosure_engines.py [--rows 1000000] [--old /tmp/old/src]``.
``--old`` is the ``src`` directory of the code to compare with (e.g. a worktree of the commit
before the change: ``git worktree add --detach /tmp/old <commit>``). Each version runs in its
own process (two versions of one package cannot share a process), on the same seeded data,
alternately, and the best of ``--repeat`` times is kept. Prints seconds and new/old ratios
for k, l, t, risk and a whole ``check``, or (``--search``) the minimal-generalisation search.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NEW = HERE.parent / "src"


def data(rows: int, seed: int = 7) -> Any:
    """n rows, n/3 persons; age_band (20), sex (2), district (240) with some nulls."""
    import numpy as np
    import polars as pl

    rng = np.random.default_rng(seed)
    bands = np.array([f"{5 * i}-{5 * i + 4}" for i in range(20)], dtype=object)
    districts = np.array([f"D{i:03d}" for i in range(240)], dtype=object)
    frame = pl.DataFrame(
        {
            "person": rng.integers(0, max(rows // 3, 1), rows),
            "age_band": bands[rng.integers(0, 20, rows)],
            "sex": np.array(["F", "M"], dtype=object)[rng.integers(0, 2, rows)],
            "district": districts[rng.integers(0, 240, rows)],
            "diagnosis": np.array([f"X{i:02d}" for i in range(40)], dtype=object)[
                rng.zipf(1.5, rows) % 40
            ],
            "los": rng.integers(0, 60, rows),
        }
    )
    holes = rng.random((rows, 2))
    return frame.with_columns(
        pl.when(pl.Series(holes[:, 0] < 0.01))
        .then(None)
        .otherwise(pl.col("age_band"))
        .alias("age_band"),
        pl.when(pl.Series(holes[:, 1] < 0.02))
        .then(None)
        .otherwise(pl.col("diagnosis"))
        .alias("diagnosis"),
    )


def search_step(rows: int) -> Any:
    """bench_disclosure's search: 5 quasi-identifiers (5x2x5x3x5 nodes), k = 5."""
    from _disclosure_data import synthetic

    from safelink.disclosure import (
        AgeHierarchy,
        DateHierarchy,
        PostcodeHierarchy,
        TableHierarchy,
        minimal_generalisation,
    )

    records = synthetic(rows)
    hierarchies = {
        "age": AgeHierarchy(widths=(5, 10, 20)),
        "sex": TableHierarchy(name="sex", table={"sex": ("F", "M")}),
        "postcode": PostcodeHierarchy(),
        "ethnicity": TableHierarchy(
            name="ethnicity",
            table={
                "code": tuple(f"E{i:02d}" for i in range(19)),
                "group": tuple("WWWWWMMMMAAAAABBBOO"),
            },
        ),
        "admission_date": DateHierarchy(),
    }
    return lambda: minimal_generalisation(records, hierarchies, k=5, max_suppression=0.05)


def worker(rows: int, repeat: int, search: bool, only: str | None = None) -> dict[str, float]:
    """Time every step on this process's safelink; return the best seconds per step."""
    from safelink.disclosure import (
        check,
        k_anonymity,
        l_diversity,
        parse_disclosure_config,
        risk,
        t_closeness,
    )

    frame = data(rows)
    quasi = ["age_band", "sex", "district"]
    config = parse_disclosure_config(
        {
            "profile": {"name": "tre", "k": 5, "l": 2, "t": 0.5},
            "quasi_identifiers": quasi,
            "sensitive": ["diagnosis", "los"],
            "person": "person",
        }
    )
    steps: dict[str, Any] = {
        "k (rows)": lambda: k_anonymity(frame, quasi),
        "k (persons)": lambda: k_anonymity(frame, quasi, person="person"),
        "l (persons)": lambda: l_diversity(frame, quasi, ["diagnosis"], person="person"),
        "t equal (persons)": lambda: t_closeness(frame, quasi, ["diagnosis"], person="person"),
        "t ordered (rows)": lambda: t_closeness(frame, quasi, ["los"]),
        "risk (persons)": lambda: risk(frame, quasi, person="person"),
        "check (persons)": lambda: check(frame, config),
        "k wildcard (persons)": lambda: k_anonymity(
            frame, quasi, person="person", missing="wildcard"
        ),
    }
    if search:
        steps = {"search k=5 (5 QIs)": search_step(rows)}
    if only:
        steps = {name: step for name, step in steps.items() if only in name}
    out: dict[str, float] = {}
    for name, step in steps.items():
        step()  # warm-up
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            step()
            best = min(best, time.perf_counter() - start)
        out[name] = best
    return out


def main() -> None:
    """Run both versions alternately and print the figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2, help="alternations of old and new")
    parser.add_argument("--old", type=Path, required=False, default=Path("/tmp/wt-disc-old/src"))
    parser.add_argument("--search", action="store_true", help="time the lattice search only")
    parser.add_argument("--only", help="time only the steps whose name contains this")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.rows, args.repeat, args.search, args.only)))
        return
    best: dict[str, dict[str, float]] = {"old": {}, "new": {}}
    for _ in range(args.rounds):
        for tag, src in (("old", args.old), ("new", NEW)):
            env = {
                **os.environ,
                "PYTHONPATH": os.pathsep.join([str(src), str(HERE.parent), str(HERE)]),
            }
            command = [sys.executable, __file__, "--worker", "--rows", str(args.rows)]
            command += ["--repeat", str(args.repeat)] + (["--search"] if args.search else [])
            command += ["--only", args.only] if args.only else []
            done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
            for name, seconds in json.loads(done.stdout.splitlines()[-1]).items():
                best[tag][name] = min(best[tag].get(name, float("inf")), seconds)
    print(f"{args.rows:,} rows, best of {args.repeat} x {args.rounds} rounds (seconds)")
    print(f"{'step':<24}{'old':>9}{'new':>9}{'new/old':>9}")
    for name, old in best["old"].items():
        new = best["new"].get(name, float("nan"))
        print(f"{name:<24}{old:9.3f}{new:9.3f}{new / old:9.2f}")


if __name__ == "__main__":
    main()
