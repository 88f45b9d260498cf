"""The twin rule: different full forenames keep apart records a forename-derived key would join."""

from __future__ import annotations

import dataclasses

import polars as pl
import pytest

from safelink.config import JobConfig
from safelink.keys import Keyring
from safelink.link import link
from safelink.link.cascade import twin_guard
from safelink.link.config import MatchKey
from safelink.pseudonymise import pseudonymise

PHONETIC = MatchKey(
    name="phonetic_dob_district",
    on=(
        ("surname_nysiis", "surname_nysiis"),
        ("forename_initial", "forename_initial"),
        ("date_of_birth", "date_of_birth"),
        ("postcode_district", "postcode_district"),
    ),
)
ALL = ("forename", "forename_canonical", "forename_initial", "surname_nysiis")


def _job(demo_config: JobConfig, key: MatchKey) -> JobConfig:
    cascade = dataclasses.replace(
        demo_config.link.cascade, nhs_number_partner=(), match_keys=(key,)
    )
    probabilistic = dataclasses.replace(demo_config.link.probabilistic, enabled=False)
    settings = dataclasses.replace(demo_config.link, cascade=cascade, probabilistic=probabilistic)
    return dataclasses.replace(demo_config, link=settings)


def _person(forename: str | None, source: str) -> dict[str, str | None]:
    # Synthetic twins: one surname, date of birth and address; 999 test-range NHS numbers.
    values = [None, forename, "Khan", "14/03/1990", "2", "LS6 2AB"]
    columns = {
        "hospital": ["nhs_number", "forename", "surname", "date_of_birth", "sex", "postcode"],
        "social_care": ["nhs_no", "first_name", "last_name", "dob", "gender", "postcode"],
    }[source]
    return dict(zip(columns, values, strict=True))


def _extract(source: str, forenames: list[str | None], demo_config: JobConfig) -> pl.DataFrame:
    spec = demo_config.source(source)
    rows = [_person(f, source) for f in forenames]
    frame = pl.DataFrame(rows, schema=dict.fromkeys(rows[0], pl.String))
    others = [c.name for c in spec.columns if c.name not in frame.columns]
    return frame.with_columns(pl.lit("x").alias(c) for c in others)


@pytest.mark.parametrize(
    ("hospital", "social_care", "linked"),
    [
        ("Hassan", "Hussain", False),  # twins: same initial, different forenames
        ("Hassan", "HASSAN", True),
        ("Robert", "Rob", True),  # nickname: the canonical forenames agree
        ("Mohammed", "Muhammad", True),  # transliteration variant
        ("Seán", "Shaun", True),  # Irish form and its anglicised spelling
    ],
)
def test_cascade_forename_derived_key_twins_with_different_forenames_kept_apart(
    demo_config: JobConfig, keyring: Keyring, hospital: str, social_care: str, linked: bool
):
    job = dataclasses.replace(_job(demo_config, PHONETIC), project=keyring.project)
    done = [
        pseudonymise(_extract(s, [f], demo_config), job, keyring, source=s)
        for s, f in (("hospital", hospital), ("social_care", social_care))
    ]
    result = link(done, job)
    persons = result.links["person_id"].n_unique()
    assert persons == (1 if linked else 2)


def test_twin_guard_only_for_keys_on_forename_derived_columns_without_full_forename():
    assert twin_guard(PHONETIC, ALL) == (
        '(l."forename" IS NULL OR r."forename" IS NULL OR l."forename" = r."forename" '
        'OR l."forename_canonical" = r."forename_canonical")'
    )
    full = MatchKey(
        name="full", on=(("forename", "forename"), ("forename_initial", "forename_initial"))
    )
    canonical = MatchKey(name="canonical", on=(("forename_canonical", "forename_canonical"),))
    assert twin_guard(full, ALL) is None
    assert twin_guard(canonical, ALL) is None
    assert twin_guard(PHONETIC, ("forename_initial",)) is None  # no full forename to read
    assert "canonical" not in (twin_guard(PHONETIC, ("forename",)) or "")
