"""Spark disclosure figures, tables and reports equal the local engine's on the same data.

The models take a Spark DataFrame as they take a polars one: the class table is counted by
the same SQL on Spark, and everything after it is shared.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml

from safelink.disclosure import (
    AgeHierarchy,
    DistinctL,
    KAnonymity,
    TableHierarchy,
    anonymise,
    check,
    k_anonymity,
    l_diversity,
    minimal_generalisation,
    parse_disclosure_config,
    risk,
    t_closeness,
)
from safelink.disclosure.tables import protect_counts
from safelink.engines.spark_disclosure_check import check_spark
from safelink.errors import InputError
from safelink.synthetic.extracts import SyntheticExtracts
from tests.spark._disclosure_data import (
    ORDER,
    QUASI,
    SENSITIVE,
    assert_close,
    population_table,
    release_frame,
)

pytestmark = [
    pytest.mark.spark,
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]


@pytest.fixture(scope="module")
def release(extracts: SyntheticExtracts) -> pl.DataFrame:
    """A release-like frame: coarse quasi-identifiers (some missing), persons with repeats."""
    return release_frame(extracts)


@pytest.fixture(scope="module")
def remote(spark: Any, release: pl.DataFrame) -> Any:
    return spark.createDataFrame(release.to_arrow()).cache()


@pytest.mark.parametrize("missing", ["value", "wildcard"])
@pytest.mark.parametrize("person", [None, "person"])
def test_k_anonymity_spark_synthetic_equals_local(
    remote: Any, release: pl.DataFrame, person: str | None, missing: str
) -> None:
    got = k_anonymity(remote, QUASI, person=person, missing=missing)
    assert got == k_anonymity(release, QUASI, person=person, missing=missing)


@pytest.mark.parametrize(
    ("person", "l", "missing"),
    [(None, 2, "value"), ("person", 3, "value"), ("person", 2, "wildcard")],
)
def test_l_diversity_spark_synthetic_equals_local(
    remote: Any,
    release: pl.DataFrame,
    person: str | None,
    l: int,  # noqa: E741
    missing: str,
) -> None:
    got = l_diversity(remote, QUASI, SENSITIVE, l=l, person=person, missing=missing)
    want = l_diversity(release, QUASI, SENSITIVE, l=l, person=person, missing=missing)
    assert got.keys() == want.keys()
    for name, expected in want.items():
        assert got[name].distinct == expected.distinct
        assert got[name].recursive_l == expected.recursive_l
        assert got[name].entropy == pytest.approx(expected.entropy, rel=1e-12)
        assert got[name].recursive_c == pytest.approx(expected.recursive_c, rel=1e-12)


@pytest.mark.parametrize(
    ("person", "missing"), [(None, "value"), ("person", "value"), (None, "wildcard")]
)
def test_t_closeness_spark_synthetic_equals_local(
    remote: Any, release: pl.DataFrame, person: str | None, missing: str
) -> None:
    got = t_closeness(remote, QUASI, SENSITIVE, ordered=ORDER, person=person, missing=missing)
    want = t_closeness(release, QUASI, SENSITIVE, ordered=ORDER, person=person, missing=missing)
    assert {n: t.distance for n, t in got.items()} == {n: t.distance for n, t in want.items()}
    for name, expected in want.items():
        assert got[name].t == pytest.approx(expected.t, rel=1e-12, abs=1e-15)


def test_t_closeness_spark_order_missing_value_raises_input_error(remote: Any) -> None:
    with pytest.raises(InputError, match="does not list every value"):
        t_closeness(remote, QUASI, ["ethnicity"], ordered={"ethnicity": ["A"]})


def test_k_anonymity_spark_bad_frames_raise_input_error_as_local(spark: Any) -> None:
    gap = pl.DataFrame({"q": ["a", "b"], "person": ["1", None]})
    empty = pl.DataFrame({"q": ["a"], "person": ["1"]}).clear()
    for frame, message in ((gap, "missing value"), (empty, "empty"), (gap, "not a column")):
        quasi = ["q"] if message != "not a column" else ["nope"]
        for data in (
            frame,
            spark.createDataFrame(frame.to_arrow(), schema="q string, person string"),
        ):
            with pytest.raises(InputError, match=message):
                k_anonymity(data, quasi, person="person")


@pytest.mark.parametrize(
    ("person", "with_population"),
    [(None, False), ("person", False), (None, True), ("person", True)],
)
def test_risk_spark_synthetic_equals_local(
    remote: Any, release: pl.DataFrame, person: str | None, with_population: bool
) -> None:
    population = population_table(release) if with_population else None
    got = risk(remote, QUASI, person=person, population=population, threshold=0.1)
    want = risk(release, QUASI, person=person, population=population, threshold=0.1)
    assert_close(got.to_dict(), want.to_dict())
    if with_population:
        assert want.unmatched_classes and want.journalist_mean != want.prosecutor_mean_per_record


def test_risk_spark_population_lacks_count_raises_input_error(
    remote: Any, release: pl.DataFrame
) -> None:
    with pytest.raises(InputError, match="population table lacks column"):
        risk(remote, QUASI, population=population_table(release).drop("count"))


@pytest.mark.parametrize("person", [None, "person"])
def test_protect_counts_spark_synthetic_equals_local(
    remote: Any, release: pl.DataFrame, person: str | None
) -> None:
    rows, column = ["age_band", "area"], "sex"
    got = protect_counts(remote, rows=rows, column=column, person=person)
    want = protect_counts(release, rows=rows, column=column, person=person)
    assert got.table.equals(want.table)
    assert got.counts.equals(want.counts)
    assert (got.primary, got.secondary) == (want.primary, want.secondary)
    assert want.secondary > 0


@pytest.mark.parametrize(
    "profile",
    [
        {"k": 5, "l": 2, "t": 0.5},
        {"k": 3, "l": 2, "l_kind": "entropy", "max_prosecutor_risk": 0.1},
        {"k": 2, "l": 3, "l_kind": "recursive", "c": 2.0, "t": 0.9},
        {"k": 2, "alpha": 0.6, "beta": 2.0, "beta_kind": "enhanced", "delta": 3.0},
    ],
    ids=["distinct-l-t", "entropy-l-risk-cap", "recursive-l", "alpha-beta-delta"],
)
def test_check_spark_tre_profile_report_equals_local_and_fails(
    remote: Any, release: pl.DataFrame, tmp_path: Path, profile: dict[str, Any]
) -> None:
    population_table(release).write_csv(tmp_path / "population.csv")
    config = parse_disclosure_config(
        {
            "profile": {"name": "tre", **profile},
            "quasi_identifiers": QUASI,
            "sensitive": ["diagnosis", "ethnicity"],
            "person": "person",
            "ordered": ORDER,
            "population": {"path": "population.csv", "count": "count"},
            "target": "diagnosis",
        },
        base=tmp_path,
    )
    got = check_spark(remote, config)
    want = check(release, config)
    assert not want.passed and want.risk is not None and want.risk.journalist_max is not None
    assert_close(got.to_dict(), want.to_dict())
    # both engines loop over the same criteria: one verdict each, in the profile's order
    assert [(v.criterion, v.passed) for v in got.verdicts] == [
        (v.criterion, v.passed) for v in want.verdicts
    ]
    assert len(want.verdicts) == len(config.profile.criteria(config))
    assert remote.storageLevel.useMemory  # the caller's cache is left alone


@pytest.mark.parametrize("protected", [True, False])
def test_check_spark_publication_profile_report_equals_local(
    spark: Any, release: pl.DataFrame, protected: bool
) -> None:
    config = parse_disclosure_config(
        {
            "profile": "publication",
            "quasi_identifiers": ["age_band", "sex"],
            "person": "person",
            "table": {"rows": ["age_band"], "column": "sex"},
        }
    )
    made = protect_counts(release, rows=["age_band"], column="sex", person="person")
    table = made.table if protected else made.counts.cast(pl.String)
    got = check_spark(spark.createDataFrame(table.to_arrow()), config)
    want = check(table, config)
    assert want.passed is protected
    assert got.to_dict() == want.to_dict()


def test_check_spark_wildcard_with_missing_report_equals_local(
    remote: Any, release: pl.DataFrame
) -> None:
    config = parse_disclosure_config(
        {
            "profile": {"name": "tre", "k": 3, "l": 2, "t": 0.7, "alpha": 0.5, "beta": 1.0},
            "quasi_identifiers": QUASI,
            "sensitive": ["diagnosis"],
            "person": "person",
            "missing": "wildcard",
            "target": "ethnicity",
        }
    )
    assert release.select(QUASI).null_count().sum_horizontal().item() > 0
    assert_close(check_spark(remote, config).to_dict(), check(release, config).to_dict())


def test_cli_check_engine_spark_same_json_as_local_exit_3(
    run_cli: Any, spark: Any, release: pl.DataFrame, tmp_path: Path
) -> None:
    data = tmp_path / "release.csv"
    release.write_csv(data)
    config = tmp_path / "check.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "profile": {"name": "tre", "k": 5, "t": 0.6},
                "quasi_identifiers": QUASI,
                "sensitive": ["age"],
                "person": "person",
                "numeric": ["age"],
            }
        )
    )
    base = ["check", str(data), "--config", str(config), "--json"]
    local = run_cli(*base)
    on_spark = run_cli(*base, "--engine", "spark")
    assert (local.code, on_spark.code) == (3, 3), on_spark.stderr
    assert_close(json.loads(on_spark.stdout), json.loads(local.stdout))
    bogus = run_cli(*base, "--engine", "bogus")
    assert bogus.code == 2
    assert "'bogus' is not one of 'local', 'spark'" in bogus.stderr


@pytest.mark.parametrize("person", [None, "person"])
def test_minimal_generalisation_spark_equals_local(
    remote: Any, release: pl.DataFrame, person: str | None
) -> None:
    # the search reads the data once, counted by SQL on Spark; the lattice work is shared
    sexes = tuple(sorted(v for v in release["sex"].unique().to_list() if v is not None))
    hierarchies = {
        "age": AgeHierarchy(widths=(10, 20), top=None),
        "sex": TableHierarchy(name="sex", table={"sex": sexes}),
    }
    criteria = [KAnonymity(5), DistinctL("diagnosis", 2)]
    got = minimal_generalisation(remote, hierarchies, criteria=criteria, person=person)
    want = minimal_generalisation(release, hierarchies, criteria=criteria, person=person)
    assert_close({**got.to_dict(), "seconds": 0}, {**want.to_dict(), "seconds": 0}, where="search")
    assert want.evaluated > 1


def test_anonymise_spark_search_and_suppression_equal_local(
    remote: Any, release: pl.DataFrame, tmp_path: Path
) -> None:
    # search on the class table counted on Spark, then generalise and suppress on Spark
    codes = ORDER["ethnicity"]
    rows = [[code, "early" if i < len(codes) // 2 else "late"] for i, code in enumerate(codes)]
    hierarchy = tmp_path / "ethnicity.yaml"
    hierarchy.write_text(
        yaml.safe_dump({"name": "ethnicity", "levels": ["code", "group"], "rows": rows})
    )
    config = parse_disclosure_config(
        {
            "profile": {"name": "tre", "k": 5, "l": 2, "max_suppression": 0.2},
            "quasi_identifiers": ["age", "ethnicity"],
            "sensitive": ["diagnosis"],
            "person": "person",
            "drop": ["age_band"],
            "hierarchies": {"ethnicity": str(hierarchy)},
            "search": {"metric": "entropy"},
        }
    )
    want = anonymise(release, config)
    got = anonymise(remote, config)
    assert_close(got.report.to_dict(), want.report.to_dict())
    assert got.search is not None and want.search is not None
    assert_close({**got.search.to_dict(), "seconds": 0}, {**want.search.to_dict(), "seconds": 0})
    collected = pl.from_arrow(got.data.toArrow())
    assert isinstance(collected, pl.DataFrame)
    columns = want.data.columns
    assert collected.columns == columns
    assert collected.sort(columns, nulls_last=True).equals(want.data.sort(columns, nulls_last=True))
    assert any(t.action == "generalise" for t in want.report.transformations)
