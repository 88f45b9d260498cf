"""Defects found by running Presidio's UK test cases, fixed, and the UK identifiers added.

Where Presidio publishes a case (its tests for the UK driving licence, passport and vehicle
registration recognisers), the case is used as written; the rest are our own.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from safelink.detect import build_engine
from safelink.detect.freetext import redact
from safelink.detect.recognisers import (
    driving_licence_valid,
    email_valid,
    passport_valid,
    phone_valid,
    vehicle_registration_valid,
)
from safelink.normalise import (
    normalise_date,
    normalise_date_of_birth,
    normalise_nhs_number,
    normalise_ni_number,
    normalise_postcode,
)
from safelink.synthetic.testing import nhs_number_formats_strategy

ENGINE = build_engine()
TODAY = dt.date(2026, 1, 1)


def _found(text: str) -> list[tuple[str, str]]:
    return [(r.entity_type, text[r.start : r.end]) for r in ENGINE.analyze(text, language="en")]


# -- context words are whole words ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["He passed 1234567 on the ward", "password 12345678", "community team ref 1234567"],
)
def test_context_words_do_not_match_inside_other_words(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("PAS number 1234567", "HOSPITAL_NUMBER", "1234567"),
        ("unit no 1234567", "HOSPITAL_NUMBER", "1234567"),
        ("nhs_number 9434765919", "NHS_NUMBER", "9434765919"),
    ],
)
def test_context_words_still_match_as_words(text: str, entity: str, value: str) -> None:
    assert (entity, value) in _found(text)


# -- postcodes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("lives at sw1a 1aa now", "sw1a 1aa"),
        ("Postcode: sw1a 1aa", "sw1a 1aa"),
        ("Postcode: Ls1 4Ap", "Ls1 4Ap"),
        ("Santa: GIR 0AA", "GIR 0AA"),
        ("Postcode GIR0AA", "GIR0AA"),
    ],
)
def test_postcodes_in_any_case_and_gir_are_found(text: str, value: str) -> None:
    assert ("POSTCODE", value) in _found(text)


# -- email, phone, CHI ---------------------------------------------------------------------


def test_internationalised_email_is_found_whole_and_redacted_whole() -> None:
    text = "write to a@xn--d1acufc.xn--p1ai today"
    assert _found(text) == [("EMAIL_ADDRESS", "a@xn--d1acufc.xn--p1ai")]
    redacted = redact(text, ENGINE.analyze(text, language="en"))
    assert "p1ai" not in redacted
    assert "xn--" not in redacted


@pytest.mark.parametrize(
    "text", ["mail zoë@пример.рф now", "mail a@b.c0m now", "mail a@example.co.u-k now"]
)
def test_no_email_match_stops_inside_a_domain(text: str) -> None:
    for result in ENGINE.analyze(text, language="en"):
        end = result.end
        assert end == len(text) or not (text[end].isalnum() or text[end] in "-")


@pytest.mark.parametrize(
    "number", ["+44 (20) 7123 4567", "+44 20 7123 4567", "+44 (0)20 7123 4567", "020 7123 4567"]
)
def test_uk_phone_forms_with_a_bracketed_area_code(number: str) -> None:
    assert ("PHONE_NUMBER", number) in _found(f"call {number} please")


def test_chi_written_in_nhs_style_groups_is_found() -> None:
    assert ("CHI_NUMBER", "120 385 0018") in _found("CHI 120 385 0018 on file")
    assert ("CHI_NUMBER", "1203850018") in _found("CHI 1203850018 on file")


# -- dates of birth: recogniser and normaliser agree ---------------------------------------

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_FULL_MONTHS = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]


def _written(day: dt.date, form: int, upper: bool, time: bool) -> str:
    d, m, y = day.day, day.month, day.year
    month = _MONTHS[m - 1].upper() if upper else _MONTHS[m - 1]
    forms = [
        f"{d:02d}/{m:02d}/{y}",
        f"{d}/{m}/{y}",
        f"{d}-{m}-{y}",
        f"{d}.{m}.{y}",
        f"{y}-{m:02d}-{d:02d}",
        f"{y}/{m}/{d}",
        f"{y}{m:02d}{d:02d}",
        f"{d} {month} {y}",
        f"{d:02d}-{month}-{y}",
        f"{d} {_FULL_MONTHS[m - 1]} {y}",
    ]
    text = forms[form]
    if time and form == 4:
        text += "T00:00:00"
    return text


_DATES = st.dates(min_value=dt.date(1890, 1, 1), max_value=TODAY)


@given(_DATES, st.integers(0, 9), st.booleans(), st.booleans())
def test_every_date_the_normaliser_accepts_is_found_in_a_sentence(
    day: dt.date, form: int, upper: bool, time: bool
) -> None:
    written = _written(day, form, upper, time)
    # The full day as written (normalise_date: 1 January is a real day here, where linkage
    # reads it as a placeholder for an unknown day).
    canonical = normalise_date(pl.Series([written]), today=TODAY).values[0]
    assert canonical == day.isoformat()
    assert ("DATE_OF_BIRTH", written) in _found(f"Seen today, DOB {written}, at home.")


@pytest.mark.parametrize(
    "text", ["5-May-2021", "05-MAY-1975", "1975-03-04T00:00:00", "4 March 1975", "19750304"]
)
def test_issue_date_forms_are_found(text: str) -> None:
    assert ("DATE_OF_BIRTH", text) in _found(f"DOB {text}")


@given(st.text(alphabet="0123456789/-. :TADJMaeglnoprtuy", min_size=6, max_size=22))
def test_whatever_the_recogniser_reports_as_a_date_the_normaliser_accepts(text: str) -> None:
    for result in ENGINE.analyze(f"DOB {text} x", language="en"):
        if result.entity_type in ("DATE_OF_BIRTH", "DATE"):
            span = f"DOB {text} x"[result.start : result.end]
            assert normalise_date_of_birth(pl.Series([span])).values[0] is not None


# -- passport, driving licence, vehicle registration (Presidio's published cases) ----------

LICENCES = [
    "MORGA607054SM9IJ",
    "MORGA657054SM9IJ",
    "FO999512018AA1AB",
    "SMIT9801015JK2CD",
    "morga607054sm9ij",
    "JONES710153J99EF",
    "SMITH802290AB1CD",
    "SMITH812310AB1CD",
    "SMITH851010AB1CD",
    "SMITH862310AB1CD",
]
NOT_LICENCES = [
    "MORGA600054SM9IJ",
    "MORGA613054SM9IJ",
    "MORGA650054SM9IJ",
    "MORGA663054SM9IJ",
    "MORGA601004SM9IJ",
    "MORGA601324SM9IJ",
    "MORGA65705SM9IJ",
    "MORGA6570544SM9IJ",
    "99999657054SM9IJ",
    "MO9G9657054SM9IJ",
    "SMITH802300AB1CD",  # 30 February (ours)
    "SMITH804310AB1CD",  # 31 April (ours)
]


def test_driving_licence_validator_on_presidio_cases() -> None:
    assert driving_licence_valid(pl.Series(LICENCES)).all()
    assert not driving_licence_valid(pl.Series(NOT_LICENCES)).any()


@pytest.mark.parametrize("licence", LICENCES)
def test_driving_licences_are_found_in_text(licence: str) -> None:
    assert ("UK_DRIVING_LICENCE", licence) in _found(f"Licence: {licence} ok")


def test_spaced_driving_licence_is_found() -> None:
    assert ("UK_DRIVING_LICENCE", "MORGA 607054 SM9IJ") in _found("DVLA MORGA 607054 SM9IJ")


@pytest.mark.parametrize("licence", NOT_LICENCES)
def test_impossible_driving_licences_are_not_found(licence: str) -> None:
    assert _found(f"Licence: {licence} ok") == []


def test_passport_numbers_need_context() -> None:
    assert passport_valid(pl.Series(["237036107", "F92402356", "AB1234567"])).all()
    assert not passport_valid(pl.Series(["111111111", "12345678", "ABC123456", None])).any()
    assert ("UK_PASSPORT", "237036107") in _found("Passport number 237036107 seen")
    assert _found("order 237036107 dispatched") == []


VEHICLES = [
    "AB51 ABC",
    "BD62XYZ",
    "LN14-HGT",
    "aa02 aaa",
    "AB70 DEF",
    "A123 BCD",
    "K1 ABC",
    "M456DEF",
    "ABC 123D",
    "ABC 1D",
    "DEF456G",
]
NOT_VEHICLES = [
    "IB51 ABC",
    "AQ51 ABC",
    "AB00 ABC",
    "AB35 ABC",
    "AB49 ABC",
    "AB80 ABC",
    "AB51 AIB",
    "I123 BCD",
    "O123 BCD",
    "ABC 123I",
    "ABC 123Z",
    "hello world",
    "1234567890",
    "XXXAB51ABCYYY",
]


def test_vehicle_registration_validator_on_presidio_cases() -> None:
    assert vehicle_registration_valid(pl.Series(VEHICLES)).all()
    assert not vehicle_registration_valid(pl.Series(NOT_VEHICLES)).any()


def test_vehicle_registrations_are_reported_with_context_only() -> None:
    text = "Blue badge: car reg AB51 ABC, and vehicles BD62XYZ were seen"
    found = _found(text)
    assert ("UK_VEHICLE_REGISTRATION", "AB51 ABC") in found
    assert ("UK_VEHICLE_REGISTRATION", "BD62XYZ") in found
    assert _found("Plan AB51 ABC agreed; the 2d plan") == []


# -- every form a normaliser accepts, the recogniser finds in a sentence (and the reverse) --

_NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
_NI_SECOND = "ABCEGHJKLMNPRSTWXYZ"
_NI = st.builds(
    lambda a, b, digits, end, spaced, lower: _ni_written(a + b, digits, end, spaced, lower),
    st.sampled_from(_NI_FIRST),
    st.sampled_from(_NI_SECOND),
    st.from_regex(r"\A[0-9]{6}\Z"),
    st.sampled_from("ABCD"),
    st.booleans(),
    st.booleans(),
).filter(lambda text: text[:2].upper() not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"))


def _ni_written(prefix: str, digits: str, end: str, spaced: bool, lower: bool) -> str:
    text = (
        f"{prefix} {digits[:2]} {digits[2:4]} {digits[4:]} {end}"
        if spaced
        else prefix + digits + end
    )
    return text.lower() if lower else text


@given(nhs_number_formats_strategy())
def test_every_written_nhs_number_is_found(pair: tuple[str, str]) -> None:
    _, written = pair
    assert normalise_nhs_number(pl.Series([written])).values[0] is not None
    assert ("NHS_NUMBER", written.strip()) in _found(f"NHS number {written} recorded")


@given(_NI)
def test_every_ni_number_the_normaliser_accepts_is_found(written: str) -> None:
    assert normalise_ni_number(pl.Series([written])).values[0] is not None
    assert ("NI_NUMBER", written) in _found(f"NI number {written} on file")


_POSTCODE = st.from_regex(
    r"\A(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])( ?)[0-9][ABD-HJLNP-UW-Z]{2}\Z"
)


@given(_POSTCODE, st.booleans())
def test_every_postcode_the_normaliser_accepts_is_found(postcode: str, lower: bool) -> None:
    written = postcode.lower() if lower else postcode
    assert normalise_postcode(pl.Series([written])).values[0] is not None
    assert ("POSTCODE", written) in _found(f"Lives at 3 Hill Road, {written}, with family")


@given(
    st.sampled_from(
        [
            "020 7946 {}",
            "0113 496 {}",
            "07700 900{}",
            "+44 7700 900{}",
            "+44 (0)20 7946 {}",
            "+44 (20) 7946 {}",
            "0044 113 496 {}",
        ]
    ),
    st.integers(0, 999),
)
def test_every_phone_form_is_found(form: str, n: int) -> None:
    tail = f"{n:03d}" if "900{}" in form else f"{n:04d}"
    written = form.format(tail)
    assert phone_valid(pl.Series([written]))[0]
    assert ("PHONE_NUMBER", written) in _found(f"Call {written} today")


@given(
    st.from_regex(r"\A[a-z0-9][a-z0-9._+]{0,10}[a-z0-9]\Z"),
    st.lists(st.from_regex(r"\A[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?\Z"), min_size=1, max_size=3),
    st.sampled_from(["uk", "com", "org", "nhs", "xn--p1ai", "рф"]),
)
def test_every_email_the_validator_accepts_is_found_whole(
    local: str, labels: list[str], tld: str
) -> None:
    written = f"{local}@{'.'.join(labels)}.{tld}"
    if ".." in local or not email_valid(pl.Series([written]))[0]:
        return
    assert ("EMAIL_ADDRESS", written) in _found(f"Email {written} today")


@given(st.text(alphabet="ABCDEGHJKLMNPRSTWZ0123456789 abcdgjnrtz", min_size=5, max_size=14))
def test_whatever_is_reported_as_ni_or_postcode_the_normaliser_accepts(text: str) -> None:
    sentence = f"x {text} y"
    for result in ENGINE.analyze(sentence, language="en"):
        span = pl.Series([sentence[result.start : result.end]])
        if result.entity_type == "NI_NUMBER":
            assert normalise_ni_number(span).values[0] is not None
        if result.entity_type == "POSTCODE":
            assert normalise_postcode(span).values[0] is not None
