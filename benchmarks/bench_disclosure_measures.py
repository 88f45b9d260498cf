"""The measures of issue #24 at 1,000,000 rows: safelink against bare polars group-bys.

Run: ``python benchmarks/bench_disclosure_measures.py`` (about a minute on 2 cores). For each
measure it prints safelink's time (the public function, from a polars frame: validation, the
class table counted by SQL on the polars backend, the summary), the time of a hand-written
polars query computing the same figures from bare group-bys, and the ratio, all in the same
run on the same synthetic data (best of 3). It also checks that both give the same figures.

- (alpha, k), basic and enhanced beta-likeness, delta-disclosure of one attribute;
- the utility metrics (average class size, C_avg, discernibility, classification metric,
  distinct values per quasi-identifier);
- prosecutor risk, averaged per record and per class.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import polars as pl

from safelink.disclosure import attribute_disclosure, risk, utility

QUASI = ["age_band", "sex", "district", "ethnicity"]
ROWS = 1_000_000


def timed(function: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """Best wall time of ``repeat`` runs, and the last result."""
    best, out = math.inf, None
    for _ in range(repeat):
        start = time.perf_counter()
        out = function()
        best = min(best, time.perf_counter() - start)
    return best, out


def data(rows: int = ROWS, seed: int = 24) -> pl.DataFrame:
    """Synthetic records at release granularity (about 20,000 classes), with missing values."""
    rng = np.random.default_rng(seed)
    districts = np.array(
        [f"{a}{d}" for a in ["LS", "BD", "HX", "WF", "HD", "YO"] for d in range(29)]
    )
    frame = pl.DataFrame(
        {
            "age_band": (np.clip(rng.normal(50, 22, rows), 0, 104) // 10 * 10).astype(np.int64),
            "sex": np.array(["F", "M"])[rng.integers(0, 2, rows)],
            "district": districts[rng.integers(0, len(districts), rows)],
            "ethnicity": np.array(list("ABCDE"))[rng.integers(0, 5, rows)],
            "diagnosis": np.array([f"D{i:02d}" for i in range(12)])[rng.zipf(1.6, rows) % 12],
            "outcome": np.array(["home", "care", "died"])[rng.integers(0, 3, rows)],
        }
    )
    holes = pl.Series(rng.random(rows) < 0.01)
    return frame.with_columns(
        pl.when(holes).then(None).otherwise(pl.col("diagnosis")).alias("diagnosis")
    )


def bare_likeness(frame: pl.DataFrame, attribute: str) -> dict[str, float]:
    """alpha, beta, enhanced beta and delta by bare polars group-bys (rows, missing a value)."""
    per = frame.group_by([*QUASI, attribute]).len()
    glob = per.group_by(attribute).agg(pl.col("len").sum().alias("g"))
    glob = glob.with_columns((pl.col("g") / pl.col("g").sum()).alias("p"))
    values = glob.height
    q = per.with_columns((pl.col("len") / pl.col("len").sum().over(QUASI)).alias("q"))
    q = q.join(glob.select(attribute, "p"), on=attribute, nulls_equal=True)
    gain = (pl.col("q") - pl.col("p")) / pl.col("p")
    worst = q.group_by(QUASI).agg(
        pl.col("q").max().alias("alpha"),
        gain.max().alias("beta"),
        (gain + pl.col("p").log()).max().alias("excess"),
        (pl.col("q") / pl.col("p")).log().abs().max().alias("delta"),
        pl.len().alias("held"),
    )
    return {
        "alpha": float(worst["alpha"].max()),  # type: ignore[arg-type]
        "beta": float(worst["beta"].max()),  # type: ignore[arg-type]
        "enhanced_beta": math.inf if worst["excess"].max() > 1e-12 else float(worst["beta"].max()),  # type: ignore[operator, arg-type]
        "delta": math.inf if worst["held"].min() < values else float(worst["delta"].max()),  # type: ignore[operator, arg-type]
    }


def bare_utility(frame: pl.DataFrame, target: str, k: int) -> dict[str, float]:
    """C_avg, discernibility and the classification metric by bare polars group-bys."""
    per = frame.group_by([*QUASI, target]).len()
    classes = per.group_by(QUASI).agg(
        pl.col("len").sum().alias("n"), pl.col("len").max().alias("m")
    )
    rows = frame.height
    distinct = {q: frame[q].n_unique() for q in QUASI}
    return {
        "c_avg": rows / classes.height / k,
        "discernibility": float((classes["n"].cast(pl.Float64) ** 2).sum()),
        "classification_metric": (rows - classes["m"].sum()) / rows,
        "distinct": float(sum(distinct.values())),
    }


def bare_risk(frame: pl.DataFrame) -> dict[str, float]:
    """Prosecutor risk averaged per record and per class by one bare polars group-by."""
    sizes = frame.group_by(QUASI).len()["len"].cast(pl.Float64)
    return {
        "per_record": sizes.len() / frame.height,
        "per_class": float((1.0 / sizes).mean()),  # type: ignore[arg-type]
        "max": float((1.0 / sizes).max()),  # type: ignore[arg-type]
    }


def line(measure: str, ours: float, bare: float) -> None:
    """One row of the table: both times and their ratio."""
    print(f"{measure:<44}{ours:>9.3f}s{bare:>9.3f}s{ours / bare:>7.2f}x")


def main() -> None:
    """Time each measure against its bare polars twin and print the ratios."""
    frame = data()
    print(f"issue #24 measures, {frame.height:,} rows x {len(QUASI)} quasi-identifiers (best of 3)")
    print(f"{'measure':<44}{'safelink':>10}{'polars':>10}{'ratio':>8}")

    ours_t, ours = timed(lambda: attribute_disclosure(frame, QUASI, ["diagnosis"])["diagnosis"])
    bare_t, bare = timed(lambda: bare_likeness(frame, "diagnosis"))
    assert math.isclose(ours.alpha, bare["alpha"]) and math.isclose(ours.beta, bare["beta"])
    assert ours.delta == bare["delta"] or math.isclose(ours.delta, bare["delta"])
    line("alpha, beta, enhanced beta, delta (1 attr.)", ours_t, bare_t)

    ours_t, got = timed(lambda: utility(frame, QUASI, k=5, target="outcome"))
    bare_t, want = timed(lambda: bare_utility(frame, "outcome", 5))
    assert math.isclose(got.discernibility, want["discernibility"])
    assert math.isclose(got.classification_metric or 0.0, want["classification_metric"])
    line("utility (C_avg, DM, CM, distinct per QI)", ours_t, bare_t)

    ours_t, measured = timed(lambda: risk(frame, QUASI))
    bare_t, hand = timed(lambda: bare_risk(frame))
    assert math.isclose(measured.prosecutor_mean_per_class, hand["per_class"])
    assert math.isclose(measured.prosecutor_mean_per_record, hand["per_record"])
    line("risk (max, mean per record, mean per class)", ours_t, bare_t)


if __name__ == "__main__":
    main()
