"""Throughput of keyed surrogates (``kind="surname"``) against a plain Python loop.

Measures, in one run:
  - safelink: ``surrogate_column`` on N surnames (default 10,000,000), end to end:
    normalisation, HMAC of each distinct canonical value, weighted choice, join back, case
    matching and the collision count. Two inputs: names with realistic repetition (drawn from
    the bundled list plus 10% rare names) and the worst case where every value is distinct.
  - date shift: two text date columns of N rows for N/10 persons (one keyed offset each).
  - loop: per value ``hmac.digest`` + ``random.Random(seed).choices(names, cum_weights)`` on
    M values (default 1,000,000), no normalisation; the per-value rate is compared.

The floor from the issue: 10 million names in seconds, not minutes.
Usage: python benchmarks/bench_surrogate.py [--count 10000000] [--loop-count 1000000]
"""

from __future__ import annotations

import argparse
import hmac
import os
import random
import sys
import tempfile
import time
from itertools import accumulate
from pathlib import Path

import numpy as np
import polars as pl

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

from safelink.keys import Keyring
from safelink.surrogate import shift_dates, surrogate_column
from safelink.surrogate._draw import surname_table

FLOOR_SECONDS = 60.0


def realistic_names(count: int, seed: int = 0) -> pl.Series:
    """Surnames from the bundled list by weight, 10% replaced by rare synthetic names."""
    table = surname_table()
    rng = np.random.default_rng(seed)
    weights = np.diff(np.concatenate([[0], table.cumulative.to_numpy()])).astype(float)
    picks = rng.choice(len(table), size=count, p=weights / weights.sum())
    names = table.values.gather(pl.Series(picks)).to_numpy().astype(object)
    rare = rng.random(count) < 0.10
    names[rare] = [f"Rare{n}son" for n in rng.integers(0, 2_000_000, size=int(rare.sum()))]
    return pl.Series("surname", names, dtype=pl.String)


def distinct_names(count: int) -> pl.Series:
    """Every value distinct (the worst case: one HMAC per row)."""
    return pl.Series("surname", [f"Name{n}x" for n in range(count)], dtype=pl.String)


def time_safelink(ring: Keyring, names: pl.Series) -> tuple[float, int, int]:
    frame = pl.DataFrame({"surname": names})
    start = time.perf_counter()
    result = surrogate_column(frame, "surname", kind="surname", keyring=ring)
    elapsed = time.perf_counter() - start
    assert result.values.len() == names.len()
    collisions = result.report.collisions
    return elapsed, collisions.distinct_originals, collisions.shared_surrogates


def time_loop(names: list[str]) -> float:
    table = surname_table()
    values = table.values.to_list()
    cumulative = list(accumulate(np.diff(np.concatenate([[0], table.cumulative.to_numpy()]))))
    key = os.urandom(32)
    start = time.perf_counter()
    out = []
    for name in names:
        digest = hmac.digest(key, name.encode("utf-8"), "sha256")
        seed = int.from_bytes(digest[:8], "big")
        out.append(random.Random(seed).choices(values, cum_weights=cumulative)[0])
    elapsed = time.perf_counter() - start
    assert len(out) == len(names)
    return elapsed


def time_dates(ring: Keyring, count: int, persons: int) -> float:
    """Shift two text date columns of ``count`` rows belonging to ``persons`` people."""
    rng = np.random.default_rng(2)
    start_days = rng.integers(0, 3650, size=count)
    base = np.datetime64("2015-01-01")
    admitted = (base + start_days.astype("timedelta64[D]")).astype(str)
    discharged = base + (start_days + rng.integers(0, 30, size=count)).astype("timedelta64[D]")
    frame = pl.DataFrame(
        {
            "person_id": pl.Series(rng.integers(0, persons, size=count)).cast(pl.String),
            "admitted": admitted,
            "discharged": discharged.astype(str),
        }
    )
    start = time.perf_counter()
    result = shift_dates(frame, ["admitted", "discharged"], person="person_id", keyring=ring)
    elapsed = time.perf_counter() - start
    assert result.data.height == count
    return elapsed


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000_000)
    parser.add_argument("--loop-count", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        keys = Path(directory) / "keys"
        keys.mkdir(mode=0o700)
        ring = Keyring.create(
            keys / "bench.key", project="bench", passphrase="benchmark passphrase", scrypt_n=2**14
        )
        surrogate_column(pl.DataFrame({"s": ["Warm"]}), "s", kind="surname", keyring=ring)
        realistic = realistic_names(args.count)
        seconds, distinct, shared = time_safelink(ring, realistic)
        rate = args.count / seconds
        print(f"safelink realistic: {args.count:,} names ({distinct:,} distinct) in "
              f"{seconds:.2f} s = {rate:,.0f} names/s; {shared:,} shared surrogates")  # fmt: skip
        del realistic
        worst = distinct_names(args.count)
        worst_seconds, _, _ = time_safelink(ring, worst)
        worst_rate = args.count / worst_seconds
        print(f"safelink all distinct: {args.count:,} names in {worst_seconds:.2f} s = "
              f"{worst_rate:,.0f} names/s")  # fmt: skip
        sample = realistic_names(args.loop_count, seed=1).to_list()
        loop_seconds = time_loop(sample)
        loop_rate = args.loop_count / loop_seconds
        print(f"python loop: {args.loop_count:,} names in {loop_seconds:.2f} s = "
              f"{loop_rate:,.0f} names/s")  # fmt: skip
        print(f"ratio (per-value rate): realistic {rate / loop_rate:.1f}x, "
              f"all distinct {worst_rate / loop_rate:.1f}x")  # fmt: skip
        persons = max(args.count // 10, 1)
        date_seconds = time_dates(ring, args.count, persons)
        print(f"date shift: {args.count:,} rows x 2 text date columns, {persons:,} persons in "
              f"{date_seconds:.2f} s = {args.count / date_seconds:,.0f} rows/s")  # fmt: skip
        verdict = "PASS" if max(seconds, worst_seconds) < FLOOR_SECONDS else "FAIL"
        print(f"floor (10M names under {FLOOR_SECONDS:.0f} s): {verdict}")


if __name__ == "__main__":
    main()
