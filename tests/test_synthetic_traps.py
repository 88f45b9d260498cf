"""The hard profile's traps: year-only dates of birth, initials, wider forename variants."""

from __future__ import annotations

from dataclasses import replace

import polars as pl

from safelink.normalise import normalise_name
from safelink.normalise.forenames import forename_canonical
from safelink.synthetic import HARD_SOCIAL_CARE_RATES, PROFILES, SOCIAL_CARE_RATES, generate


def _social_care(**profile: object) -> pl.DataFrame:
    return generate(4_000, seed=7, **profile).frames()["social_care"]  # type: ignore[arg-type]


def test_generate_zero_trap_rates_are_the_default_extracts() -> None:
    zero = replace(SOCIAL_CARE_RATES, nickname_extended=0.0, forename_initial=0.0)
    default = generate(800, seed=5).frames()
    same = generate(800, seed=5, social_care=zero).frames()
    standard = generate(800, seed=5, **PROFILES["standard"]).frames()  # type: ignore[arg-type]
    for name, frame in default.items():
        assert frame.equals(same[name])
        assert frame.equals(standard[name])


def test_generate_hard_profile_has_year_only_dates_and_initials() -> None:
    assert HARD_SOCIAL_CARE_RATES.dob_year_only == 0.05
    assert HARD_SOCIAL_CARE_RATES.forename_initial == 0.03
    frames = generate(4_000, seed=7, **PROFILES["hard"]).frames()  # type: ignore[arg-type]
    care, hospital = frames["social_care"], frames["hospital"]
    year_only = care.get_column("dob").str.contains(r"^\d{4}$").mean()
    initials = (care.get_column("first_name").str.len_chars() == 1).mean()
    assert 0.03 < float(year_only) < 0.07  # type: ignore[arg-type]
    assert 0.015 < float(initials) < 0.045  # type: ignore[arg-type]
    assert not hospital.get_column("date_of_birth").cast(pl.String).str.contains(r"^\d{4}$").any()
    standard = _social_care(**PROFILES["standard"])
    assert not standard.get_column("dob").str.contains(r"^\d{4}$").any()


def test_generate_nickname_extended_draws_other_names_of_the_group() -> None:
    rates = replace(SOCIAL_CARE_RATES, nickname=0.0, forename_typo=0.0, name_swap=0.0)
    plain = _social_care(social_care=rates)
    varied = _social_care(social_care=replace(rates, nickname_extended=1.0))
    before = normalise_name(plain.get_column("first_name")).values
    after = normalise_name(varied.get_column("first_name")).values
    changed = before != after
    assert changed.sum() > 100
    assert forename_canonical(before.filter(changed)).equals(
        forename_canonical(after.filter(changed))
    )
