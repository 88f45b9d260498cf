"""Disclosure-control speed: safelink vs pycanon, and the minimal-generalisation search.

Run: ``python benchmarks/bench_disclosure.py`` (about 5-10 minutes on 2 cores). Prints every
figure and the ratio to pycanon measured in the same run on the same data. pycanon runs on the
largest sizes it finishes in reasonable time (its t-closeness loops over classes in Python);
safelink runs on those sizes too, for the ratio, and on 10,000,000 / 1,000,000 rows.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

sys.path.insert(0, str(Path(__file__).parent))
from _disclosure_data import synthetic

from safelink.disclosure import (
    AgeHierarchy,
    DateHierarchy,
    PostcodeHierarchy,
    TableHierarchy,
    k_anonymity,
    l_diversity,
    minimal_generalisation,
    t_closeness,
)

QUASI = ["age", "sex", "district", "ethnicity", "month"]


def timed(function: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        out = function()
        best = min(best, time.perf_counter() - start)
    return best, out


def coarse(rows: int, seed: int = 11) -> pl.DataFrame:
    """Five quasi-identifiers at release granularity, built fast with numpy."""
    rng = np.random.default_rng(seed)
    districts = np.array(
        [f"{a}{d}" for a in ["LS", "BD", "HX", "WF", "HD", "YO"] for d in range(1, 30)]
    )
    return pl.DataFrame(
        {
            "age": np.clip(rng.normal(50, 22, rows), 0, 104).astype(np.int64),
            "sex": np.array(["F", "M"])[rng.integers(0, 2, rows)],
            "district": districts[rng.integers(0, len(districts), rows)],
            "ethnicity": np.array([f"E{i:02d}" for i in range(19)])[rng.integers(0, 19, rows)],
            "month": rng.integers(1, 13, rows),
            "diagnosis": np.array([f"D{i:02d}" for i in range(40)])[rng.zipf(1.5, rows) % 40],
            "los": rng.integers(0, 60, rows),
        }
    )


def main() -> None:
    from pycanon import anonymity as pycanon

    print("disclosure benchmark (best of runs, seconds)")
    big = coarse(10_000_000)
    t_k, k = timed(lambda: k_anonymity(big, QUASI), 2)
    print(f"k-anonymity   10,000,000 rows x 5 QIs: {t_k:.2f}s (k={k.k}, {k.classes} classes)")
    t_l, _ = timed(lambda: l_diversity(big, QUASI, ["diagnosis"]), 1)
    print(f"l-diversity   10,000,000 rows x 5 QIs: {t_l:.2f}s (distinct+entropy+recursive)")
    million = coarse(1_000_000)
    t_t, t = timed(lambda: t_closeness(million, QUASI, ["diagnosis", "los"]), 2)
    print(
        f"t-closeness    1,000,000 rows x 5 QIs: {t_t:.2f}s "
        f"(2 attributes, t={t['diagnosis'].t:.3f}/{t['los'].t:.3f})"
    )

    for label, rows, ours, theirs in [
        (
            "k-anonymity",
            200_000,
            lambda d: k_anonymity(d, QUASI).k,
            lambda p: pycanon.k_anonymity(p, QUASI),
        ),
        (
            "l-diversity",
            200_000,
            lambda d: l_diversity(d, QUASI, ["diagnosis"])["diagnosis"].distinct,
            lambda p: pycanon.l_diversity(p, QUASI, ["diagnosis"]),
        ),
        (
            "t-closeness",
            20_000,
            lambda d: round(t_closeness(d, QUASI, ["diagnosis"])["diagnosis"].t, 9),
            lambda p: round(pycanon.t_closeness(p, QUASI, ["diagnosis"]), 9),
        ),
    ]:
        data = million.head(rows)
        pandas = data.to_pandas()
        t_ours, v_ours = timed(lambda ours=ours, data=data: ours(data), 3)
        t_theirs, v_theirs = timed(lambda theirs=theirs, pandas=pandas: theirs(pandas), 1)
        same = "same result" if v_ours == v_theirs else f"DIFFERENT {v_ours} vs {v_theirs}"
        print(
            f"{label} {rows:,} rows: safelink {t_ours:.3f}s, pycanon {t_theirs:.2f}s, "
            f"ratio {t_theirs / t_ours:,.0f}x ({same})"
        )

    records = synthetic(1_000_000)
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
    t_s, result = timed(
        lambda: minimal_generalisation(records, hierarchies, k=5, max_suppression=0.05)
    )
    print(
        f"minimal generalisation 1,000,000 rows x 5 QIs (levels 5,2,5,3,5 = "
        f"{result.lattice_size} nodes, {result.evaluated} evaluated): {t_s:.1f}s; "
        f"best {dict(result.best.levels)}, suppressed {result.best.suppressed_share:.2%}, "
        f"relative loss {result.best.relative_loss:.3f}"
    )


if __name__ == "__main__":
    main()
