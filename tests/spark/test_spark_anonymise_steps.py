"""Every anonymise step, one test body per step run on each engine (local polars, Spark).

The steps are written once (:mod:`safelink.disclosure.recode`, :mod:`safelink.surrogate.records`)
and run through the engine's backend, so each test states the expected values once and checks
them on both engines; the last test runs ``anonymise`` with every step on both and compares.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from safelink.disclosure import anonymise, parse_disclosure_config
from safelink.disclosure.frame import Frame
from safelink.engines.backend import SparkBackend
from safelink.engines.spark_frame import SparkFrame
from safelink.errors import InputError
from safelink.keys import Keyring
from safelink.surrogate.dates import CHANGED
from safelink.surrogate.kinds import Kind
from safelink.surrogate.records import KEY, OK, surrogate_batches
from tests.spark._disclosure_data import assert_close

pytestmark = [
    pytest.mark.spark,
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]

REFERENCE = dt.date(2025, 1, 1)


def records() -> pl.DataFrame:
    """Eight synthetic records: ids, dates of birth, postcodes, dates, numbers, names."""
    return pl.DataFrame(
        {
            "id": [1, 2, 3, 4, 5, 6, 7, 8],
            "person": ["p1", "p1", "p2", "p3", "p4", "p5", "p6", "p6"],
            "dob": [
                "1980-03-01",
                "1980-03-01",
                "1990-07-15",
                None,
                "2001-12-31",
                "1975-01-02",
                "1962-06-30",
                "1962-06-30",
            ],
            "sex": ["1", "1", "2", "2", "1", None, "2", "2"],
            "postcode": [
                "SW1A 1AA",
                "SW1A 1AA",
                "ls1 4ap",
                "M1 1AE",
                None,
                "B33 8TH",
                "CR2 6XH",
                "CR2 6XH",
            ],
            "admitted": [
                "2024-02-10",
                "2024-05-01",
                "2023-11-30",
                "2024-08-08",
                None,
                "2022-01-15",
                "2024-12-31",
                "2025-03-03",
            ],
            "discharged": [
                dt.date(2024, 2, 12),
                dt.date(2024, 5, 9),
                None,
                dt.date(2024, 8, 9),
                dt.date(2024, 1, 1),
                dt.date(2022, 2, 1),
                dt.date(2025, 1, 2),
                dt.date(2025, 3, 4),
            ],
            "age": [95, 40, 90, 100, 12, 0, 61, 61],
            "los": [0, 3, -2, 1, 5, 2, None, 0],
            "surname": ["Smith", "SMITH", "Patel", "O'Brien", None, "Nowak", "Jones", "Jones"],
            "ethnicity": ["A", "A", "B", "C", "A", None, "B", "B"],
        }
    )


Engine = Callable[..., Any]


@pytest.fixture(params=["local", "spark"])
def frame_on(request: pytest.FixtureRequest) -> Engine:
    """A function making a frame of ``records()`` on the engine under test."""

    def make(**roles: Any) -> Any:
        data = records()
        if request.param == "local":
            return Frame(data, **roles)
        spark = request.getfixturevalue("spark")
        return SparkFrame(spark.createDataFrame(data.to_arrow()), **roles)

    return make


def collected(frame: Any) -> pl.DataFrame:
    """The frame's records as polars, in id order (Spark joins do not keep order)."""
    data = frame.records
    out = data if isinstance(data, pl.DataFrame) else pl.from_arrow(data.toArrow())
    assert isinstance(out, pl.DataFrame)
    return out.sort("id")


def test_generalise_dob_and_postcode_each_engine_expected_bands(frame_on: Engine) -> None:
    frame = frame_on(quasi=["dob", "postcode"], identifying=["dob"])
    out = frame.generalise("dob", to="age_band", width=10, reference=REFERENCE).generalise(
        "postcode", to="district"
    )
    data = collected(out)
    assert data["dob"].to_list() == [
        "40-49",
        "40-49",
        "30-39",
        None,
        "20-29",
        "40-49",
        "60-69",
        "60-69",
    ]
    assert data["postcode"].to_list() == ["SW1A", "SW1A", "LS1", "M1", None, "B33", "CR2", "CR2"]
    steps = [t.to_dict() for t in out.transformations]
    assert [(s["column"], s["level"], s["cells_changed"]) for s in steps] == [
        ("dob", "band10", 7),
        ("postcode", "district", 7),
    ]
    assert steps[0]["parameters"] == {"widths": [10], "top": None, "reference": "2025-01-01"}


def test_generalise_uncovered_value_each_engine_input_error(frame_on: Engine) -> None:
    frame = frame_on(quasi=["postcode"])
    with pytest.raises(InputError, match="cannot be read as postcode"):
        frame.generalise("ethnicity", to="district")


def test_coarsen_text_dates_each_engine_quarters(frame_on: Engine) -> None:
    out = frame_on(quasi=["admitted"]).coarsen("admitted", to="quarter")
    assert collected(out)["admitted"].to_list() == [
        "2024-Q1",
        "2024-Q2",
        "2023-Q4",
        "2024-Q3",
        None,
        "2022-Q1",
        "2024-Q4",
        "2025-Q1",
    ]
    assert out.transformations[-1].cells_changed == 7


def test_top_code_each_engine_values_and_type_kept(frame_on: Engine) -> None:
    out = frame_on(quasi=["age"]).top_code("age", 90)
    data = collected(out)
    assert data["age"].to_list() == [90, 40, 90, 90, 12, 0, 61, 61]
    assert data.schema["age"] == pl.Int64
    assert out.transformations[-1].to_dict() == {
        "action": "top_code",
        "column": "age",
        "hierarchy": None,
        "level": None,
        "cells_changed": 2,
        "rows_suppressed": 0,
        "parameters": {"threshold": 90},
    }


def test_bottom_code_fractional_threshold_each_engine_doubles(frame_on: Engine) -> None:
    out = frame_on(quasi=["los"]).bottom_code("los", 0.5)
    data = collected(out)
    assert data["los"].to_list() == [0.5, 3.0, 0.5, 1.0, 5.0, 2.0, None, 0.5]
    assert data.schema["los"] == pl.Float64
    assert out.transformations[-1].cells_changed == 3


def test_top_code_text_column_each_engine_input_error(frame_on: Engine) -> None:
    with pytest.raises(InputError, match="not numeric"):
        frame_on(quasi=["age"]).top_code("surname", 5)


def test_surrogate_each_engine_same_values_and_report(
    frame_on: Engine, session_keyring: Keyring
) -> None:
    local = Frame(records(), quasi=["sex"]).surrogate(
        "surname", kind="surname", keyring=session_keyring
    )
    out = frame_on(quasi=["sex"]).surrogate("surname", kind="surname", keyring=session_keyring)
    data = collected(out)
    assert data["surname"].to_list() == local.to_polars()["surname"].to_list()
    assert data["surname"][4] is None and data["surname"][1] == data["surname"][1].upper()
    assert data["surname"][0].upper() == data["surname"][1]  # Smith and SMITH: one surrogate
    pairs = zip(data["surname"], records()["surname"], strict=True)
    assert all(s.upper() != o.upper() for s, o in pairs if o is not None)
    step = out.transformations[-1].to_dict()
    assert step == local.transformations[-1].to_dict()
    assert (step["cells_changed"], step["parameters"]["collisions"]["distinct_originals"]) == (
        7,
        5,
    )


def test_surrogate_category_each_engine_same_values(
    frame_on: Engine, session_keyring: Keyring
) -> None:
    out = frame_on(quasi=["sex"]).surrogate("ethnicity", kind="category", keyring=session_keyring)
    local = Frame(records(), quasi=["sex"]).surrogate(
        "ethnicity", kind="category", keyring=session_keyring
    )
    values = collected(out)["ethnicity"]
    assert values.to_list() == local.to_polars()["ethnicity"].to_list()
    assert set(values.drop_nulls()) <= {"A", "B", "C"} and values[5] is None


def test_shift_dates_each_engine_same_offsets_intervals_kept(
    frame_on: Engine, session_keyring: Keyring
) -> None:
    frame = frame_on(quasi=["sex"], person="person")
    out = frame.shift_dates("admitted", "discharged", keyring=session_keyring, max_days=30)
    local = Frame(records(), quasi=["sex"], person="person").shift_dates(
        "admitted", "discharged", keyring=session_keyring, max_days=30
    )
    data = collected(out)
    assert data.select("admitted", "discharged").equals(
        local.to_polars().select("admitted", "discharged")
    )
    assert data.schema["discharged"] == pl.Date and data.schema["admitted"] == pl.String
    original = records()
    moved = data["discharged"] - original["discharged"]
    admitted = data["admitted"].str.to_date() - original["admitted"].str.to_date()
    both = pl.DataFrame({"a": admitted, "d": moved}).drop_nulls()
    assert (both["a"] == both["d"]).all()  # one offset per person: intervals exact
    assert {abs(d.days) for d in moved.drop_nulls()} <= set(range(1, 31))
    step = out.transformations[-1].to_dict()
    assert step == local.transformations[-1].to_dict()
    assert step["parameters"]["persons"] == 6 and step["cells_changed"] == 14
    assert step["parameters"]["formats"] == {"admitted": "%Y-%m-%d", "discharged": "date"}


def test_shift_dates_missing_person_each_engine_input_error(
    frame_on: Engine, session_keyring: Keyring
) -> None:
    frame = frame_on(quasi=["sex"])
    with pytest.raises(InputError, match="'sex' has 1 missing value"):
        frame.shift_dates("admitted", person="sex", keyring=session_keyring)


def test_map_arrow_spark_plan_never_holds_the_key_block(
    spark: Any, session_keyring: Keyring
) -> None:
    backend = SparkBackend(spark)
    block = session_keyring.subkey("surrogate:surname").hmac_blocks()[0]
    routine = functools.partial(
        surrogate_batches,
        column="surname",
        kind=Kind.SURNAME,
        sex=None,
        keep_district=False,
        category=None,
    )
    added = {"surname": pl.String(), KEY: pl.String(), OK: pl.Boolean(), CHANGED: pl.Int64()}
    out = backend.map_arrow(
        spark.createDataFrame(records().to_arrow()), routine, added, reads=["surname"], block=block
    )
    plan = out._jdf.queryExecution().toString().lower()
    assert "mapinarrow" in plan and "__safelink_block" in plan
    assert block.hex() not in plan and block.hex()[:16] not in plan
    assert out.columns == [*records().columns, KEY, OK, CHANGED]
    assert out.filter(f"{CHANGED} = 1").count() == 7


def test_anonymise_every_step_spark_equals_local(
    spark: Any, session_keyring: Keyring, tmp_path: Path
) -> None:
    config = parse_disclosure_config(
        {
            "profile": {"name": "tre", "k": 2, "max_suppression": 0.5},
            "quasi_identifiers": ["sex"],
            "person": "person",
            "identifying": ["dob", "postcode"],
            "reference_date": dt.date(2025, 1, 1),
            "drop": ["surname"],
            "transformations": [
                {"shift_dates": ["admitted", "discharged"], "max_days": 20},
                {"generalise": "dob", "to": "age_band", "width": 20},
                {"generalise": "postcode", "to": "area"},
                {"coarsen": "admitted", "to": "year"},
                {"top_code": "age", "threshold": 90.0},
                {"bottom_code": "los", "threshold": 1.0},
                {"surrogate": "ethnicity", "kind": "category", "values": ["X", "Y", "Z"]},
                {"suppress": True},
            ],
        }
    )
    want = anonymise(records(), config, keyring=session_keyring)
    got = anonymise(spark.createDataFrame(records().to_arrow()), config, keyring=session_keyring)
    assert_close(got.report.to_dict(), want.report.to_dict())
    actions = [t.action for t in want.report.transformations]
    assert actions == [
        "drop",
        "shift_dates",
        "generalise",
        "generalise",
        "generalise",
        "top_code",
        "bottom_code",
        "surrogate",
        "suppress",
    ]
    data = pl.from_arrow(got.data.toArrow())
    assert isinstance(data, pl.DataFrame)
    assert data.columns == want.data.columns
    assert data.sort("id").equals(want.data.sort("id"))
    assert want.report.transformations[-1].rows_suppressed > 0
