"""The UK recognisers: validators, context, and agreement between column and free-text paths."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from safelink.detect import build_engine
from safelink.detect.recognisers import (
    ChiNumberRecogniser,
    NhsNumberRecogniser,
    chi_number_valid,
    email_valid,
    nhs_number_valid,
    ni_number_valid,
    phone_valid,
)
from safelink.synthetic.testing import nhs_check_digit, nhs_number_strategy

ENGINE = build_engine()


def _found(text: str) -> list[tuple[str, str]]:
    return [(r.entity_type, text[r.start : r.end]) for r in ENGINE.analyze(text, language="en")]


def test_nhs_valid_check_digit_placeholder_and_range_rules() -> None:
    values = pl.Series(["999 000 0018", "9990000018", "9990000017", "4444444444", "5000000001"])
    assert nhs_number_valid(values).to_list()[:3] == [True, True, False]
    assert nhs_number_valid(values).to_list()[3] is False  # placeholder passes mod 11
    assert nhs_number_valid(pl.Series(["5000000001"])).to_list() == [False]  # never issued


def test_chi_valid_requires_a_real_date_prefix() -> None:
    good = next(
        f"0103851{n:02d}" for n in range(100) if nhs_check_digit(f"0103851{n:02d}") is not None
    )
    bad = "32" + good[2:9]  # day 32
    good += str(nhs_check_digit(good))
    bad += str(nhs_check_digit(bad))
    assert chi_number_valid(pl.Series([good, bad])).to_list() == [True, False]


def test_ni_valid_applies_prefix_rules() -> None:
    assert ni_number_valid(pl.Series(["AB 12 34 56 C", "QQ123456C", "GB123456A"])).to_list() == [
        True, False, False,
    ]  # fmt: skip


def test_phone_valid_needs_a_uk_prefix() -> None:
    assert phone_valid(pl.Series(["0113 496 0000", "+44 7700 900123", "9990000018"])).to_list() == [
        True, True, False,
    ]  # fmt: skip


def test_email_valid_needs_no_public_suffix_list() -> None:
    assert email_valid(pl.Series(["a.b@example.org", "a@b", "x@y.c0m"])).to_list() == [
        True, False, False,
    ]  # fmt: skip


def test_analyze_free_text_finds_uk_identifiers() -> None:
    text = (
        "NHS number 999 000 0018, seen by Mrs Jane Smith at 12 Mill Lane, LS1 4AP. "
        "DOB 04/03/1975, call 0113 496 0000 or jane@example.org, NI AB123456C, UPRN 100023336956."
    )
    found = dict(_found(text))
    assert found["NHS_NUMBER"] == "999 000 0018"
    assert found["DATE_OF_BIRTH"] == "04/03/1975"
    assert found["PHONE_NUMBER"] == "0113 496 0000"
    assert found["EMAIL_ADDRESS"] == "jane@example.org"
    assert found["NI_NUMBER"] == "AB123456C"
    assert found["UPRN"] == "100023336956"
    assert found["POSTCODE"] == "LS1 4AP"
    assert "PERSON" in found and "ADDRESS" in found


def test_analyze_date_without_birth_context_is_not_reported() -> None:
    assert _found("Appointment on 04/03/2023 at the clinic.") == []


def test_analyze_uprn_without_context_is_not_reported() -> None:
    assert [e for e, _ in _found("Reference 100023336956 noted.")] == []


def test_analyze_failing_check_digit_is_not_an_nhs_number() -> None:
    assert [e for e, _ in _found("NHS number 999 000 0017")] == []


@settings(max_examples=60, deadline=None)
@given(st.one_of(nhs_number_strategy(), st.from_regex(r"\A\d{10}\Z")))
def test_recogniser_validate_result_agrees_with_column_validator(number: str) -> None:
    for recogniser, column_check in (
        (NhsNumberRecogniser(), nhs_number_valid),
        (ChiNumberRecogniser(), chi_number_valid),
    ):
        column = bool(column_check(pl.Series([number]))[0])
        assert (recogniser.validate_result(number) is None) == column


def test_phone_national_area_code_in_brackets_found_in_text_and_columns() -> None:
    engine = build_engine()
    text = "Daughter on (0113) 496 0000 or (01632) 960123."
    found = [text[r.start : r.end] for r in engine.analyze(text, language="en")]
    assert sorted(found) == ["(0113) 496 0000", "(01632) 960123"]
    assert phone_valid(pl.Series(["(0113) 496 0000", "(020) 7946 0123"])).all()
