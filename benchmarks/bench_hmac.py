"""Throughput of keyed HMAC-SHA256 tokens on synthetic 10-digit NHS numbers.

Measures, in one run and on one thread:
  - native: safelink.keys._native over the Arrow buffers (hex output array included);
  - python: the hashlib fallback in safelink.keys._hmac (hex output array included);
  - loop:   a plain ``[hmac.digest(key, v.encode(), "sha256") for v in values]`` list.

The floor from the issue is 1.5 million values/second per core and 3x the plain loop.
Usage: python benchmarks/bench_hmac.py [--count 5000000] [--loop-count 1000000]
"""

from __future__ import annotations

import argparse
import hmac
import os
import sys
import time
from collections.abc import Callable

import numpy as np
import pyarrow as pa

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

from safelink.keys import _hmac

FLOOR = 1_500_000.0


def synthetic_nhs_numbers(count: int, seed: int = 0) -> pa.Array:
    """Draw ``count`` 999-range NHS numbers with valid mod-11 check digits (not unique)."""
    rng = np.random.default_rng(seed)
    out: list[np.ndarray] = []
    have = 0
    weights = np.arange(10, 1, -1, dtype=np.int64)
    while have < count:
        middle = rng.integers(0, 1_000_000, size=int((count - have) * 1.15) + 16, dtype=np.int64)
        first_nine = 999_000_000 + middle
        digits = (first_nine[:, None] // 10 ** np.arange(8, -1, -1, dtype=np.int64)) % 10
        check = 11 - (digits * weights).sum(axis=1) % 11
        check = np.where(check == 11, 0, check)
        keep = check != 10
        numbers = first_nine[keep] * 10 + check[keep]
        out.append(numbers)
        have += len(numbers)
    numbers = np.concatenate(out)[:count]
    return pa.array(numbers).cast(pa.large_string())


def best_rate(label: str, count: int, run: Callable[[], object], repeats: int) -> float:
    """Values per second for the fastest of ``repeats`` runs."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    rate = count / best
    print(f"{label:<44} {rate / 1e6:8.2f} M values/s   ({best:6.2f} s for {count:,})")
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5_000_000)
    parser.add_argument("--loop-count", type=int, default=1_000_000)
    parser.add_argument("--python-count", type=int, default=1_000_000)
    args = parser.parse_args()

    key = os.urandom(32)
    values = synthetic_nhs_numbers(args.count)
    print(f"{args.count:,} synthetic NHS numbers, token length 16 bytes (32 hex), 1 thread")
    print(f"native extension: {_hmac.native_implementation() or 'not built'}")

    native_rate = None
    if _hmac.native_available():
        native_rate = best_rate(
            "native (safelink.keys._native, Arrow in/out)",
            args.count,
            lambda: _hmac.hmac_hex_array(key, values, backend="native"),
            repeats=3,
        )
        from safelink.keys import _native

        _native._set_accelerated(False)
        best_rate(
            "native, portable C path (no SHA-NI)",
            args.count,
            lambda: _hmac.hmac_hex_array(key, values, backend="native"),
            repeats=1,
        )
        _native._set_accelerated(True)

    subset_python = values.slice(0, args.python_count)
    python_rate = best_rate(
        "python fallback (hashlib copies, Arrow in/out)",
        len(subset_python),
        lambda: _hmac.hmac_hex_array(key, subset_python, backend="python"),
        repeats=1,
    )

    loop_values = values.slice(0, args.loop_count).to_pylist()
    loop_rate = best_rate(
        "plain loop: hmac.digest(key, v.encode())",
        len(loop_values),
        lambda: [hmac.digest(key, v.encode(), "sha256") for v in loop_values],
        repeats=1,
    )

    print()
    fastest = native_rate if native_rate is not None else python_rate
    print(f"python fallback / loop:  {python_rate / loop_rate:6.2f}x")
    if native_rate is not None:
        print(f"native / loop:           {native_rate / loop_rate:6.2f}x   (floor 3x)")
        print(f"native / python:         {native_rate / python_rate:6.2f}x")
    print(f"best / 1.5M per s floor: {fastest / FLOOR:6.2f}x")
    ok = fastest >= FLOOR and fastest / loop_rate >= 3.0
    print("PASS" if ok else "BELOW FLOOR")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
