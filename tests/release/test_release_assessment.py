"""The IG lead's sign-off parts: what was checked against what, the codebook, data quality."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import polars as pl
import pytest

from safelink.disclosure import parse_disclosure_config
from safelink.errors import InputError
from safelink.release import ReleaseResult
from safelink.release.assessment import assessment, codebook, data_quality, generalised_renames

CONFIG = parse_disclosure_config(
    {
        "profile": {"name": "tre", "k": 5, "max_suppression": 0.05, "l": 2},
        "quasi_identifiers": ["age_band", "sex"],
        "sensitive": ["diagnosis"],
        "person": "person",
        "reference_date": dt.date(2026, 1, 1),
    }
)


def _data(rows: int = 100) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "person": [f"p_{i:024x}" for i in range(rows)],
            "source": ["hospital"] * rows,
            "age_band": ["40-49"] * rows,
            "sex": ["1", "2"] * (rows // 2),
            "diagnosis": ["I10", "E11"] * (rows // 2),
            "cost": [f"{1000 + 7.31 * i:.2f}" for i in range(rows)],
        }
    )


def test_assessment_names_what_was_checked_and_warns_on_exact_costs():
    result = assessment(CONFIG, _data(), passed=True, person="person")
    assert result["profile"] == "tre" and result["passed"] is True
    assert result["quasi_identifiers"] == ["age_band", "sex"]
    assert result["sensitive"] == ["diagnosis"]
    assert result["reference_date"] == "2026-01-01"
    assert {n: t["value"] for n, t in result["thresholds"].items()} == {
        "k": 5, "max_suppression": 0.05, "l": 2, "l_kind": "distinct",
    }  # fmt: skip
    others = {o["column"]: o for o in result["other_columns"]}
    assert set(others) == {"source", "cost"}
    assert others["source"]["warning"] is None
    assert others["cost"]["distinct"] == 100 and "single a person out" in others["cost"]["warning"]
    assert result["warnings"] == [others["cost"]["warning"]]
    assert "1000.00" not in json.dumps(result)


def test_assessment_reference_date_from_the_dob_step_when_config_sets_none():
    config = parse_disclosure_config({"quasi_identifiers": ["age_band"], "person": "person"})
    parameters = {"reference": "2025-03-31", "widths": [10]}
    steps = [{"action": "generalise", "column": "dob", "level": "band10", "parameters": parameters}]
    checked = assessment(config, _data(), passed=True, person="person", transformations=steps)
    assert checked["reference_date"] == "2025-03-31"
    assert assessment(config, _data(), passed=True, person="person")["reference_date"] is None


def test_codebook_gives_type_role_coding_and_generalisation():
    steps = [
        {"action": "harmonise", "column": "sex", "normaliser": "sex"},
        {"action": "generalise", "column": "age_band", "hierarchy": "age", "level": "band10"},
    ]
    book = {
        c["column"]: c for c in codebook(_data(), CONFIG, steps, person="person", source="source")
    }
    assert list(book) == ["person", "source", "age_band", "sex", "diagnosis", "cost"]
    assert book["sex"]["coding"].startswith("NHS Data Dictionary codes: 1 male, 2 female")
    assert (
        book["sex"]["role"] == "quasi-identifier"
        and book["diagnosis"]["role"] == "sensitive attribute"
    )
    assert book["age_band"]["generalisation"] == "age hierarchy, level band10"
    assert book["cost"] == {
        "column": "cost", "type": "String", "role": "other (neither)", "coding": "as provided",
        "generalisation": "none",
    }  # fmt: skip


def test_data_quality_reads_summaries_beside_content(tmp_path: Path):
    summary = {
        "rows": 10,
        "columns": [
            {"column": "nhs", "kind": "nhs_number", "rows": 10, "missing": 2, "accepted": 5,
             "rejected": {"bad_check_digit": 3},
             "rejected_shapes": {"bad_check_digit": {"9999": 3}}},
        ],
    }  # fmt: skip
    (tmp_path / "a.summary.json").write_text(json.dumps(summary))
    (tmp_path / "b.summary.json").write_text("{not json")
    found = data_quality({"a": tmp_path / "a.content.parquet", "c": tmp_path / "c.content.parquet"})
    assert found[0]["columns"][0]["accepted"] == 5
    assert found[0]["columns"][0]["rejected_shapes"] == {"bad_check_digit": {"9999": 3}}
    assert found[1] == {"source": "c", "summary": None, "columns": []}
    with pytest.raises(InputError, match="not a safelink pseudonymise summary"):
        data_quality({"b": tmp_path / "b.content.parquet"})


def test_release_manifest_holds_assessment_codebook_and_data_quality(released: ReleaseResult):
    manifest = released.manifest
    checked = manifest["disclosure"]["assessment"]
    assert (
        checked["quasi_identifiers"] == manifest["disclosure"]["check_config"]["quasi_identifiers"]
    )
    assert checked["thresholds"]["k"]["value"] == 5
    assert [c["column"] for c in manifest["codebook"]] == manifest["columns"]
    assert {s["source"] for s in manifest["data_quality"]} == {"hospital", "social_care"}
    assert all(s["columns"] for s in manifest["data_quality"])


def test_verification_and_disclosure_reports_to_frame(released: ReleaseResult, pipeline):
    from safelink.release import verify

    report = verify(released.out_dir, pipeline.public_key)
    frame = report.to_frame()
    assert frame.columns == ["check", "passed", "detail"]
    assert frame["check"].to_list() == [c.name for c in report.checks]
    assert frame["passed"].all()
    from safelink.disclosure import check

    checked = check(_data(), CONFIG)
    measures = checked.to_frame()
    assert measures.columns == ["measure", "value"]
    assert ("profile", "tre") in list(measures.iter_rows())


def test_scan_report_to_frame_has_no_examples():
    from safelink.detect import scan

    frame = pl.DataFrame({"nhs": ["943 476 5919", "999 000 0018"] * 20, "note": ["a"] * 40})
    table = scan(frame).to_frame()
    assert table["column"].to_list() == ["nhs", "note"]
    assert table.filter(pl.col("column") == "nhs")["direct"].item() is True
    assert "943" not in str(table.to_dicts())


def test_generalised_columns_renamed_for_what_they_hold():
    def step(column: str, hierarchy: str, level: str) -> dict[str, str]:
        return {"action": "generalise", "column": column, "hierarchy": hierarchy, "level": level}

    steps = [
        step("dob", "date_of_birth", "band5"),
        step("dob", "date_of_birth", "band10"),  # the last generalisation decides
        step("admission_date", "date", "year"),
        step("postcode", "postcode", "district"),
        step("ethnicity", "ethnicity", "group"),
        step("gone", "date", "*"),
    ]
    columns = ["dob", "admission_date", "postcode", "ethnicity", "gone"]
    assert generalised_renames(steps, columns) == {
        "dob": "age_band", "admission_date": "admission_year", "postcode": "postcode_district",
    }  # fmt: skip
    # A name taken by another released column, or wanted by two, is not used.
    assert generalised_renames(steps, [*columns, "age_band"])["admission_date"] == "admission_year"
    assert "dob" not in generalised_renames(steps, [*columns, "age_band"])
    two = [step("dob", "date_of_birth", "band10"), step("age", "age", "band10")]
    assert generalised_renames(two, ["dob", "age"]) == {}


def test_release_names_generalised_columns_and_rechecks_them(released: ReleaseResult):
    manifest = released.manifest
    assert "age_band" in manifest["columns"] and "age" not in manifest["columns"]
    assert manifest["disclosure"]["check_config"]["quasi_identifiers"] == [
        "age_band", "sex", "event_year",
    ]  # fmt: skip
    assert {"action": "rename", "columns": {"age": "age_band", "event_date": "event_year"}} in (
        manifest["transformations"]
    )
    book = {c["column"]: c for c in manifest["codebook"]}
    assert book["age_band"]["generalisation"].startswith("age hierarchy, level band10")
