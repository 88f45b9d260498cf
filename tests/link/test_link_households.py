"""Households in linkage: another forename at one home is another person (model and cascade)."""

from __future__ import annotations

import dataclasses

import duckdb
import polars as pl
import pytest
from tests.link.test_link_comparisons import _levels, level_of
from tests.link.test_link_twins import _extract, _job

from safelink.config import ColumnRole, ColumnSpec, JobConfig, ProbabilisticSettings
from safelink.identifiers import Identifier
from safelink.keys import Keyring
from safelink.link import link
from safelink.link.cascade import candidates_sql, twin_guard
from safelink.link.comparisons import OTHER_PERSON_M, OTHER_PERSON_U, comparisons
from safelink.link.config import MatchKey
from safelink.pseudonymise import pseudonymise
from safelink.uprn import synthetic_gazetteer_path

HOME = ("household", "uprn", "forename", "forename_canonical")


def _key(*columns: str) -> MatchKey:
    return MatchKey(name="k", on=tuple((c, c) for c in columns))


def _home(household: str | None, uprn: str | None, forename: str | None, canonical: str | None):
    return dict(zip(HOME, (household, uprn, forename, canonical), strict=True))


@pytest.mark.parametrize(
    ("left", "right", "label"),
    [
        # Twins, siblings, spouses: one home, two forenames.
        (_home("h1", "u1", "hassan", "hassan"), _home("h1", "u1", "hussain", "hussain"),
         "same household, other forename (another person)"),
        # Flat 1 and flat 2 of one building: one household, two forenames.
        (_home("h1", "u1", "amy", "amy"), _home("h1", "u2", "ben", "ben"),
         "same household, other forename (another person)"),
        # Bob and Robert: one person, whatever the tokens of the written forename.
        (_home("h1", "u1", "bob", "robert"), _home("h1", "u1", "robert", "robert"),
         "same property (UPRN)"),
        (_home("h1", "u1", "amy", "amy"), _home("h1", "u1", None, None), "same property (UPRN)"),
        (_home("h1", "u1", "amy", "amy"), _home("h1", "u2", "amy", "amy"), "same household"),
        (_home("h1", "u1", "amy", "amy"), _home("h2", "u3", "ben", "ben"),
         "household differs (no evidence)"),
        (_home(None, None, "amy", "amy"), _home("h1", "u1", "amy", "amy"), "household is NULL"),
    ],
)  # fmt: skip
def test_household_comparison_levels(left, right, label):
    assert level_of("household", left, right) == label


def test_household_other_person_level_fixed_strongly_against():
    levels = _levels("household", set(HOME))
    other = levels[1]
    assert other["label_for_charts"].startswith("same household, other forename")
    assert other["m_probability"] == OTHER_PERSON_M
    assert other["u_probability"] == OTHER_PERSON_U
    assert other["fix_m_probability"] is True
    assert other["fix_u_probability"] is True
    assert [level.get("is_null_level", False) for level in levels] == [
        True,
        False,
        False,
        False,
        True,
    ]


def test_household_comparison_only_where_every_input_has_household_tokens():
    settings = ProbabilisticSettings(comparisons=("surname", "household"), term_frequency=())
    assert len(comparisons({"surname"}, settings)) == 1
    assert len(comparisons({"surname", "household"}, settings)) == 2
    # Without forenames there is no other-person level, nor a UPRN level without UPRNs; with
    # one agreeing level left, a difference is an ordinary (weighing) level.
    labels = [level["label_for_charts"] for level in _levels("household", {"household"})]
    assert labels == ["household is NULL", "same household", "household differs"]


def test_twin_guard_household_keys_and_keys_without_forenames():
    available = ("forename", "household", "surname", "date_of_birth")
    strict = '(l."forename" IS NULL OR r."forename" IS NULL OR l."forename" = r."forename")'
    assert twin_guard(_key("household", "surname", "date_of_birth"), available) == strict
    assert twin_guard(_key("uprn", "date_of_birth"), (*available, "uprn")) == strict
    assert twin_guard(_key("surname", "date_of_birth"), available) == (
        '(l."household" IS NULL OR r."household" IS NULL OR l."household" <> r."household" '
        'OR l."forename" IS NULL OR r."forename" IS NULL OR l."forename" = r."forename")'
    )
    assert twin_guard(_key("forename", "household"), available) is None
    assert twin_guard(_key("nhs_number", "date_of_birth"), (*available, "nhs_number")) is None
    assert twin_guard(_key("surname", "date_of_birth"), ("forename", "surname")) is None


RECORDS = pl.DataFrame(
    {
        "node": [1, 2, 3, 4],
        # 1 and 2 are twins at one home; 3 is person 1 after a move; 4 is person 1 as "Bob".
        "forename": ["robert", "richard", "robert", "bob"],
        "forename_canonical": ["robert", "richard", "robert", "robert"],
        "surname": ["khan"] * 4,
        "date_of_birth": ["d1"] * 4,
        "household": ["h1", "h1", "h2", "h1"],
    }
)


def _pairs(key: MatchKey) -> set[tuple[int, int]]:
    sql = candidates_sql(key, same=True, exclude=(False, False), available=RECORDS.columns)
    with duckdb.connect() as con:
        con.register("records", RECORDS)
        rows = con.execute(sql.format(lhs="records", rhs="records")).fetchall()
    return {(int(a), int(b)) for a, b in rows}


def test_cascade_keeps_twins_at_one_home_apart():
    # On household, surname and date of birth: the twins are not joined, the nickname is.
    assert _pairs(_key("household", "surname", "date_of_birth")) == {(1, 4)}
    # On surname and date of birth only: still not the two forenames at one home; the move
    # (another household) and the nickname are joined, and so is the twin with her brother's
    # record from another home (that key's own weakness: no shared home to tell them apart).
    assert _pairs(_key("surname", "date_of_birth")) == {(1, 3), (1, 4), (3, 4), (2, 3)}


def test_twin_guard_leaves_keys_on_whole_forenames_alone():
    # Reversed names compare the forename with the surname: a shared home must not stop them.
    reversed_key = MatchKey(name="reversed", on=(("forename", "surname"), ("surname", "forename")))
    available = ("forename", "surname", "household", "date_of_birth")
    assert twin_guard(reversed_key, available) is None


@pytest.mark.parametrize(
    ("hospital", "social_care", "persons"),
    [
        ("Hassan", "Hussain", 2),  # twins at one home: kept apart though the key has no forename
        ("Robert", "Rob", 1),  # one person: the canonical forenames agree
    ],
)
def test_link_surname_dob_key_keeps_two_forenames_at_one_home_apart(
    demo_config: JobConfig, keyring: Keyring, hospital: str, social_care: str, persons: int
):
    address = ColumnSpec(
        name="address",
        role=ColumnRole.IDENTIFIER,
        kind=Identifier.ADDRESS,
        resolve_uprn=True,
        gazetteer=synthetic_gazetteer_path(),
    )
    sources = {
        name: dataclasses.replace(source, columns=(*source.columns, address))
        for name, source in demo_config.sources.items()
    }
    job = dataclasses.replace(
        _job(demo_config, _key("surname", "date_of_birth")),
        sources=sources,
        project=keyring.project,
    )
    done = []
    # One flat written two ways: "Flat 1, 21 Ash Grove" and "21A Ash Grove".
    for source, forename, home in (
        ("hospital", hospital, "Flat 1, 21 Ash Grove NW2 3LN"),
        ("social_care", social_care, "21A Ash Grove, London"),
    ):
        extract = _extract(source, [forename], demo_config).with_columns(address=pl.lit(home))
        done.append(pseudonymise(extract, job, keyring, source=source))
    assert done[0].tokens["household"][0] == done[1].tokens["household"][0] is not None
    assert link(done, job).links["person_id"].n_unique() == persons
