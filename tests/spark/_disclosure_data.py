"""Synthetic release-like data and comparison helpers for the Spark disclosure tests."""

from __future__ import annotations

import math
from typing import Any

import polars as pl

from safelink.synthetic.extracts import SyntheticExtracts

QUASI = ["age_band", "sex", "area"]
SENSITIVE = ["diagnosis", "ethnicity", "age"]
ORDER = {"ethnicity": list("ABCDEFGHJKLMNPRSZ")}


def release_frame(extracts: SyntheticExtracts) -> pl.DataFrame:
    """A release-like frame: coarse quasi-identifiers (some missing), persons with repeats."""
    hospital = extracts.hospital.with_row_index("i")
    truth = extracts.truth.filter(pl.col("source") == "hospital").select(
        pl.col("ref").alias("hospital_ref"), pl.col("person_id").cast(pl.String).alias("person")
    )
    frame = hospital.join(truth, on="hospital_ref").select(
        pl.when(pl.col("i") % 97 == 0)
        .then(None)
        .otherwise((pl.col("age_on_admission") // 20) * 20)
        .alias("age_band"),
        pl.col("sex"),
        pl.col("postcode").str.slice(0, 1).alias("area"),
        pl.col("diagnosis"),
        pl.col("ethnicity"),
        pl.col("age_on_admission").cast(pl.Int64).alias("age"),
        pl.col("person"),
    )
    repeats = frame.head(400).with_columns(pl.col("diagnosis").reverse())
    return pl.concat([frame, repeats])


def population_table(release: pl.DataFrame, *, dropped: int = 3) -> pl.DataFrame:
    """A population table over the release's classes: 40x each class, a few classes left out.

    The left-out classes (and the class given fewer people than the data hold) exercise the
    fallback ``F = f``; the missing ``age_band`` class is kept so null keys must match.
    """
    classes = release.group_by(QUASI).len().sort(QUASI, nulls_last=True)
    pop = classes.with_columns((pl.col("len") * 40).alias("count")).drop("len")
    pop = pop.with_columns(
        pl.when(pl.int_range(pl.len()) == 0).then(1).otherwise(pl.col("count")).alias("count")
    )
    return pop.slice(0, pop.height - dropped)


def assert_close(got: Any, want: Any, *, rel: float = 1e-12, where: str = "") -> None:
    """Assert two JSON-like values equal, floats to ``rel`` (for reports' ``to_dict``)."""
    if isinstance(want, dict):
        assert isinstance(got, dict) and got.keys() == want.keys(), where
        for key in want:
            assert_close(got[key], want[key], rel=rel, where=f"{where}.{key}")
    elif isinstance(want, list | tuple):
        assert isinstance(got, list | tuple) and len(got) == len(want), where
        for index, (a, b) in enumerate(zip(got, want, strict=True)):
            assert_close(a, b, rel=rel, where=f"{where}[{index}]")
    elif isinstance(want, float) and not isinstance(got, bool):
        assert isinstance(got, float | int), where
        assert math.isclose(got, want, rel_tol=rel, abs_tol=1e-15), f"{where}: {got} != {want}"
    else:
        assert type(got) is type(want) and got == want, f"{where}: {got!r} != {want!r}"
