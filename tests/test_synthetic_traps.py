"""The hard profile's traps: year-only dates of birth, initials, wider forename variants."""

from __future__ import annotations

from dataclasses import replace

import polars as pl

from safelink.normalise import normalise_name
from safelink.normalise.forenames import forename_canonical
from safelink.synthetic.corruption import HARD_SOCIAL_CARE_RATES, PROFILES, SOCIAL_CARE_RATES
from safelink.synthetic.extracts import generate


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


def test_generate_hard_profile_addresses_written_at_their_rates() -> None:
    from safelink.normalise import address_parts, normalise_address
    from safelink.synthetic.corruption import HARD_HOSPITAL_RATES

    data = generate(4_000, seed=7, **PROFILES["hard"])  # type: ignore[arg-type]
    care, hospital = data.social_care, data.hospital
    assert "address" not in generate(800, seed=5).hospital.columns
    assert hospital.columns.index("address") == hospital.columns.index("postcode") + 1
    assert 0.03 < care["address"].null_count() / care.height < 0.07
    assert hospital["address"].null_count() / hospital.height < 0.05
    assert HARD_HOSPITAL_RATES.address_abbreviated == 0.15
    abbreviated = care["address"].str.contains(r"(?i) (Rd|St|Ave|Gr\.?|Gdns|Cres|Ln|Dr|Cl|Ct)\b")
    assert 0.2 < float(abbreviated.mean()) < 0.4  # type: ignore[arg-type]
    assert care["address"].str.contains(r"^(FL|Apt|Unit|Ground Floor Flat|APT|UNIT)").any()
    # Normalised, the hospital's and social care's homes of one unmoved person agree.
    truth = data.truth
    refs = {
        s: truth.filter(pl.col("source") == s).select("ref", "person_id")
        for s in ("hospital", "social_care")
    }
    pairs = (
        hospital.select(pl.col("hospital_ref").alias("ref"), "postcode", "address")
        .join(refs["hospital"], on="ref")
        .join(
            care.select(pl.col("case_id").alias("ref"), "address").join(
                refs["social_care"], on="ref"
            ),
            on="person_id",
            suffix="_care",
        )
        .drop_nulls(["address", "address_care"])
    )
    buildings = [
        address_parts(normalise_address(pairs[c]).values)["number_street"]
        for c in ("address", "address_care")
    ]
    agree = float((buildings[0] == buildings[1]).mean())  # type: ignore[arg-type]
    # Moves (15%) and missing numbers (2% and 5%) are the disagreements.
    assert 0.7 < agree < 0.9
    # Twins and siblings share their home.
    assert hospital.group_by("address").len()["len"].max() > 1  # type: ignore[operator]
