"""Synthetic record-level data for the disclosure benchmarks (shared by bench_disclosure*)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

ETHNICITY = [f"E{i:02d}" for i in range(19)]
DIAGNOSES = [f"D{i:02d}" for i in range(40)]


def synthetic(rows: int, *, seed: int = 7, persons: int | None = None) -> pl.DataFrame:
    """Rows with 5 quasi-identifiers, 2 sensitive attributes and a person id (all synthetic)."""
    rng = np.random.default_rng(seed)
    areas = ["LS", "BD", "HX", "WF", "HD", "YO"]
    districts = [f"{a}{d}" for a in areas for d in range(1, 30)]
    sectors = np.array([f"{d} {s}" for d in districts for s in range(10)])
    units = np.array([f"{a}{b}" for a in "ABDEFGHJ" for b in "ABDEFGHJ"])
    sector = sectors[rng.integers(0, len(sectors), rows)]
    unit = units[rng.integers(0, len(units), rows)]
    days = pl.Series("d", rng.integers(0, 365, rows))
    frame = pl.DataFrame(
        {
            "person_id": rng.integers(0, persons or rows, rows),
            "age": np.clip(rng.normal(50, 22, rows), 0, 104).astype(np.int64),
            "sex": rng.choice(["F", "M"], rows),
            "postcode": np.char.add(sector, unit),
            "ethnicity": np.array(ETHNICITY)[rng.integers(0, 19, rows)],
            "diagnosis": np.array(DIAGNOSES)[rng.zipf(1.5, rows) % 40],
            "los": rng.integers(0, 60, rows),
        }
    )
    return frame.with_columns(
        (pl.lit(dt.date(2024, 1, 1)) + pl.duration(days=days)).alias("admission_date")
    )
