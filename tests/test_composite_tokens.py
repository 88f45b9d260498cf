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
    # Sex's own token is the identifier's full-value token (the owners' discrepancy report
    # reads it); every other enumerable column is gone.
    assert not (ENUMERABLE_COLUMNS - {"sex"}) & set(tokens.columns)
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
