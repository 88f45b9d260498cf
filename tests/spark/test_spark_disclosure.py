"""Spark disclosure figures equal the local engine's on the same synthetic data."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from safelink.disclosure import k_anonymity, l_diversity, t_closeness
from safelink.engines.spark import SparkEngineError
from safelink.engines.spark_disclosure import (
    k_anonymity_spark,
    l_diversity_spark,
    t_closeness_spark,
)
from safelink.errors import InputError
from safelink.synthetic import SyntheticExtracts

pytestmark = [
    pytest.mark.spark,
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]

QUASI = ["age_band", "sex", "area"]
SENSITIVE = ["diagnosis", "ethnicity", "age"]
ORDER = {
    "ethnicity": [
        "A",
        "B",
        "C",
        "D",
        "E",
        "F",
        "G",
        "H",
        "J",
        "K",
        "L",
        "M",
        "N",
        "P",
        "R",
        "S",
        "Z",
    ]
}


@pytest.fixture(scope="module")
def release(extracts: SyntheticExtracts) -> pl.DataFrame:
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


@pytest.fixture(scope="module")
def remote(spark: Any, release: pl.DataFrame) -> Any:
    return spark.createDataFrame(release.to_arrow()).cache()


@pytest.mark.parametrize("person", [None, "person"])
def test_k_anonymity_spark_synthetic_equals_local(
    remote: Any, release: pl.DataFrame, person: str | None
) -> None:
    assert k_anonymity_spark(remote, QUASI, person=person) == k_anonymity(
        release, QUASI, person=person
    )


@pytest.mark.parametrize(("person", "l"), [(None, 2), ("person", 3)])
def test_l_diversity_spark_synthetic_equals_local(
    remote: Any,
    release: pl.DataFrame,
    person: str | None,
    l: int,  # noqa: E741
) -> None:
    got = l_diversity_spark(remote, QUASI, SENSITIVE, l=l, person=person)
    want = l_diversity(release, QUASI, SENSITIVE, l=l, person=person)
    assert got.keys() == want.keys()
    for name, expected in want.items():
        assert got[name].distinct == expected.distinct
        assert got[name].recursive_l == expected.recursive_l
        assert got[name].entropy == pytest.approx(expected.entropy, rel=1e-12)
        assert got[name].recursive_c == pytest.approx(expected.recursive_c, rel=1e-12)


@pytest.mark.parametrize("person", [None, "person"])
def test_t_closeness_spark_synthetic_equals_local(
    remote: Any, release: pl.DataFrame, person: str | None
) -> None:
    got = t_closeness_spark(remote, QUASI, SENSITIVE, ordered=ORDER, person=person)
    want = t_closeness(release, QUASI, SENSITIVE, ordered=ORDER, person=person)
    assert {n: t.distance for n, t in got.items()} == {n: t.distance for n, t in want.items()}
    for name, expected in want.items():
        assert got[name].t == pytest.approx(expected.t, rel=1e-12, abs=1e-15)


def test_t_closeness_spark_order_missing_value_raises_input_error(remote: Any) -> None:
    with pytest.raises(InputError, match="does not list every value"):
        t_closeness_spark(remote, QUASI, ["ethnicity"], ordered={"ethnicity": ["A"]})


def test_k_anonymity_spark_wildcard_with_missing_raises_engine_error(remote: Any) -> None:
    with pytest.raises(SparkEngineError, match="local engine"):
        k_anonymity_spark(remote, QUASI, missing="wildcard")
