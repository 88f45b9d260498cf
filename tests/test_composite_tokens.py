"""Composite tokens: enumerable values keyed only together with another value."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import polars as pl

from safelink.config import load_config
from safelink.config._link import ENUMERABLE_COLUMNS
from safelink.keys import Keyring
from safelink.normalise.composite import COMPOSITES, composite_plan, composite_values
from safelink.pseudonymise import pseudonymise
from safelink.synthetic.extracts import generate

ROOT = Path(__file__).resolve().parents[1]


def test_composite_values_join_parts_and_null_when_a_part_is_null():
    values = {"a": pl.Series(["1978", None, "1980"]), "b": pl.Series(["03", "04", None])}
    composite = COMPOSITES["date_of_birth_year_month"]
    renamed = {"date_of_birth_year": values["a"], "date_of_birth_month": values["b"]}
    made = composite_values([composite], renamed)["date_of_birth_year_month"]
    assert made.to_list() == ["1978|03", None, None]


def test_composite_plan_only_what_is_used_and_derivable():
    available = {"date_of_birth_year", "date_of_birth_month", "forename_initial"}
    plan = composite_plan(available, {"date_of_birth_year_month", "forename_initial_postcode"})
    assert [c.column for c in plan] == ["date_of_birth_year_month"]
    assert {c.column for c in composite_plan(available, None)} == {"date_of_birth_year_month"}


def test_demo_job_tokens_have_composites_and_no_enumerable_column(keyring: Keyring):
    job = dataclasses.replace(load_config(ROOT / "configs" / "demo.yaml"), project="test")
    frame = generate(300, seed=5).hospital
    tokens = pseudonymise(frame, job, keyring, source="hospital").tokens
    # No enumerable column, not even sex's own full-value token (issue 29): the link and the
    # owners' discrepancy report read sex keyed with the date of birth.
    assert "sex" in {s.kind for s in job.sources["hospital"].identifiers}
    assert "sex" not in tokens.columns
    assert not ENUMERABLE_COLUMNS & set(tokens.columns)
    assert job.link.enumerable_columns() == []
    assert {"date_of_birth_year_month", "forename_initial_postcode", "date_of_birth_sex"} <= set(
        tokens.columns
    )


def test_composite_token_is_hmac_of_joined_parts_under_its_own_purpose(keyring: Keyring):
    job = dataclasses.replace(load_config(ROOT / "configs" / "demo.yaml"), project="test")
    frame = generate(50, seed=5).hospital.with_columns(pl.lit("1975-03-04").alias("date_of_birth"))
    tokens = pseudonymise(frame, job, keyring, source="hospital").tokens
    subkey = keyring.namespace_key("link").subkey("link:composite:date_of_birth_year_month")
    expected = subkey.tokens(pl.Series(["1975|03"]).to_arrow(), length=16)
    assert tokens.get_column("date_of_birth_year_month")[0] == pl.Series(expected)[0]
    # Not the token of either part: a part's own purpose gives another value.
    year = keyring.namespace_key("link").subkey("link:dob_year")
    assert pl.Series(year.tokens(pl.Series(["1975"]).to_arrow(), length=16))[0] not in set(
        tokens.get_column("date_of_birth_year_month").to_list()
    )


def test_sex_token_only_when_asked_for(keyring: Keyring):
    job = dataclasses.replace(load_config(ROOT / "configs" / "demo.yaml"), project="test")
    asked = dataclasses.replace(
        job, tokens=dataclasses.replace(job.tokens, enumerable_tokens=("sex",))
    )
    frame = generate(100, seed=6).hospital
    tokens = pseudonymise(frame, asked, keyring, source="hospital").tokens
    subkey = keyring.namespace_key("link").subkey("link:sex")
    codes = set(pl.Series(subkey.tokens(pl.Series(["1", "2"]).to_arrow(), length=16)))
    assert set(tokens.get_column("sex").drop_nulls()) == codes


def test_unknown_sex_is_no_sex_in_a_composite():
    values = {
        "date_of_birth": pl.Series(["1978-03-04"] * 4),
        "sex": pl.Series(["1", "2", "X", "9"]),
    }
    made = composite_values([COMPOSITES["date_of_birth_sex"]], values)["date_of_birth_sex"]
    assert made.to_list() == ["1978-03-04|1", "1978-03-04|2", None, None]
