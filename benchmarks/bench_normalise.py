"""The local normalisers before and after the move to shared SQL, timed in one run.

Usage: python benchmarks/bench_normalise.py [--rows 1000000] [--repeat 3] [--old-commit aa695a8]

The old implementation (polars expressions, ``src/safelink/normalise.py`` at ``--old-commit``)
is read with ``git show`` and loaded as a module; the new one is :mod:`safelink.normalise`
(SQL rules evaluated by polars). Both run on the same synthetic columns (hospital + social
care extracts): each normaliser called directly on all rows, and through ``normalise(kind)``
(which normalises distinct values once when a column repeats). Prints best-of seconds, the
ratio new/old (below 1: faster) and whether the results are equal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import polars as pl

from safelink import normalise as new
from safelink.identifiers import Identifier
from safelink.synthetic.extracts import generate

TODAY = dt.date(2026, 1, 1)
ROOT = Path(__file__).resolve().parents[1]


def load_old(commit: str) -> ModuleType:
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{commit}:src/safelink/normalise.py"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    path = Path(tempfile.mkdtemp()) / "old_normalise.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("old_normalise", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def columns(rows: int) -> dict[str, pl.Series]:
    data = generate(max(1, int(rows / 1.2)), seed=1)
    hospital, social = data.hospital, data.social_care
    pairs = {
        "nhs_number": ("nhs_number", "nhs_no"),
        "name": ("surname", "last_name"),
        "date_of_birth": ("date_of_birth", "dob"),
        "postcode": ("postcode", "postcode"),
        "sex": ("sex", "gender"),
    }
    out = {}
    for kind, (left, right) in pairs.items():
        series = pl.concat([hospital[left].cast(pl.String), social[right].cast(pl.String)])
        out[kind] = series.head(rows).alias(kind)
    return out


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    seconds, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        seconds = min(seconds, time.perf_counter() - start)
    return seconds, result


def same(a: Any, b: Any) -> bool:
    return a.values.equals(b.values, check_names=False) and a.reasons.equals(
        b.reasons, check_names=False
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--old-commit", default="aa695a8")
    args = parser.parse_args()
    old = load_old(args.old_commit)
    data = columns(args.rows)
    direct = {
        "nhs_number": ("normalise_nhs_number", {}),
        "name": ("normalise_name", {}),
        "date_of_birth": ("normalise_date_of_birth", {"today": TODAY}),
        "postcode": ("normalise_postcode", {}),
        "sex": ("normalise_sex", {}),
    }
    kinds = {
        "nhs_number": Identifier.NHS_NUMBER,
        "name": Identifier.SURNAME,
        "date_of_birth": Identifier.DATE_OF_BIRTH,
        "postcode": Identifier.POSTCODE,
        "sex": Identifier.SEX,
    }
    print(f"{args.rows:,} rows, best of {args.repeat}; polars {pl.__version__}")
    print(f"{'normaliser':<32}{'old s':>9}{'new s':>9}{'new/old':>9}  equal")
    for kind, values in data.items():
        name, options = direct[kind]
        runs = {
            f"{name}": (
                lambda m=old, n=name, v=values, o=options: getattr(m, n)(v, **o),
                lambda n=name, v=values, o=options: getattr(new, n)(v, **o),
            ),
        }
        if kind != "date_of_birth":  # normalise(kind) uses today's date for dates
            runs[f"normalise({kinds[kind]})"] = (
                lambda v=values, k=kinds[kind]: old.normalise(k, v),
                lambda v=values, k=kinds[kind]: new.normalise(k, v),
            )
        for label, (run_old, run_new) in runs.items():
            run_old(), run_new()  # warm up (regex compilation, caches)
            old_s, old_result = best(run_old, args.repeat)
            new_s, new_result = best(run_new, args.repeat)
            ratio = new_s / old_s
            print(
                f"{label:<32}{old_s:>9.3f}{new_s:>9.3f}{ratio:>8.2f}x  "
                f"{same(old_result, new_result)}"
            )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
