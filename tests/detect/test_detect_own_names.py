"""Row-aware forms of the row's own name and address that its columns do not spell (issue 19).

Pet names from the forename table, short and pet forms, capitalised initials, letters with a
stroke, abbreviated street types; and two pattern-tier cues (a plural kinship word before an
organisation, driving words before a registration).
"""

from __future__ import annotations

import polars as pl

from safelink.detect import build_engine
from safelink.detect.names import cue_names
from safelink.detect.own import own_terms
from safelink.detect.own_names import name_forms
from safelink.identifiers import Identifier

_COLUMNS = {
    "forename": Identifier.FORENAME,
    "surname": Identifier.SURNAME,
    "address_line": Identifier.ADDRESS,
}


def _found(forename: str, surname: str, text: str, address: str = "1 Nowhere Road") -> list[str]:
    frame = pl.DataFrame({"forename": [forename], "surname": [surname], "address_line": [address]})
    (terms,) = own_terms(frame, _COLUMNS)
    return sorted(text[r.start : r.end] for r in terms.find(text))


def test_own_name_table_variants_found_capitalised_only() -> None:
    assert _found("Robert", "Quayle", "Bobby rang; Rob will call back.") == ["Bobby", "Rob"]
    assert _found("William", "Quayle", "She will call; Bill rang.") == ["Bill"]


def test_own_name_short_and_pet_forms_found() -> None:
    assert _found("Christopher", "Quayle", "Chris seen today.") == ["Chris"]
    assert _found("Gurpreet", "Quayle", "Preet seen today.") == ["Preet"]
    assert _found("Wojciech", "Quayle", "Wojtek seen today.") == ["Wojtek"]
    assert _found("Daniel", "Quayle", "Danny seen today.") == ["Danny"]


def test_own_name_pet_forms_on_a_doubled_consonant_or_a_later_syllable_found() -> None:
    assert _found("Margery", "Quayle", "Maggie seen today.") == ["Maggie"]
    assert _found("Dorinda", "Quayle", "Dotty rang, Dolly did not.") == []  # no t, no l
    assert _found("Dorita", "Quayle", "Dottie rang.") == ["Dottie"]
    assert _found("Rhosynwen", "Quayle", "Syni seen; Weni too.") == ["Syni", "Weni"]
    # A word that ends like a pet form but is no syllable of the name is not one.
    assert _found("Rhosynwen", "Quayle", "Sunny day; Tony rang.") == []
    # A listed forename inside the name is someone else's ("Mary" in "Amarjit").
    assert _found("Amarjit", "Quayle", "Mary rang.") == []


def test_own_name_short_forms_not_months_or_short_capitals() -> None:
    assert _found("Mark", "Quayle", "Seen 3 Mar 2024.") == []
    assert _found("Caroline", "Quayle", "CAR PARKED OUTSIDE.") == []
    assert _found("Krzysztof", "Quayle", "KRZYS SEEN AT HOME.") == ["KRZYS"]


def test_own_initials_in_capitals_not_abbreviations() -> None:
    assert _found("Sian", "Pritchard", "Call with SP re meals; SP's plan; sp.") == ["SP", "SP"]
    # Each capitalised surname word gives an initial ("ap Rhys": A and R), but "RR" is a
    # respiratory rate and "OT" an occupational therapist, whoever's initials they also are.
    assert _found("Rhian", "ap Rhys", "RA and RR seen.") == ["RA"]
    assert _found("Olive", "Taylor", "OT visit booked.") == []


def test_own_name_letters_with_a_stroke_fold() -> None:
    assert _found("Graham", "Đặng", "GD seen; Mr Dang at home.") == ["Dang", "GD"]
    assert _found("Łucja", "Quayle", "Lucja Quayle seen.") == ["Lucja", "Lucja Quayle", "Quayle"]


def test_own_address_abbreviated_street_types_found() -> None:
    text = "Lives at 12 mill ln; visited 12, Mill Ln. and 12 Mill Lane."
    found = _found("Ann", "Quayle", text, address="12 Mill Lane")
    assert found == ["12 Mill Lane", "12 mill ln", "12, Mill Ln."]


def test_name_forms_without_a_forename_is_none() -> None:
    assert name_forms((), ("quayle",)) is None


def test_cue_names_plural_kin_before_an_organisation_is_not_a_name() -> None:
    text = "Referred to Carers Trust. Her son Tom Ward rang."
    names = [text[s:e] for s, e in cue_names(text)]
    assert "Trust" not in names and "Tom Ward" in names


def test_vehicle_registration_with_driving_context_found() -> None:
    text = "No concerns. Her son drives AB12 CDE when visiting."
    results = build_engine().analyze(text, language="en")
    assert any(
        r.entity_type == "UK_VEHICLE_REGISTRATION" and text[r.start : r.end] == "AB12 CDE"
        for r in results
    )


def test_own_initials_with_full_stops_found() -> None:
    assert _found("Sian", "Pritchard", "Explained to S.P. that bloods are due; S. P. agreed.") == [
        "S. P.",
        "S.P.",
    ]


def test_own_address_without_its_town_and_the_street_line_alone_found() -> None:
    address = "Flat 7, 31 Quarry Row, Llandudno"
    text = "Lives at flat 7, 31 quarry row. Visited 31 Quarry Row. Flat 7 is empty."
    # "31 quarry row" inside the longer form overlaps it; "Flat 7" alone is not searched for.
    assert _found("Ann", "Quayle", text, address=address) == [
        "31 Quarry Row",
        "31 quarry row",
        "flat 7, 31 quarry row",
    ]


def test_own_address_without_a_number_still_found_whole() -> None:
    address = "Rose Cottage, Quarry Row, Llandudno"
    text = "Lives at rose cottage, quarry row, llandudno."
    assert _found("Ann", "Quayle", text, address=address) == ["rose cottage, quarry row, llandudno"]


def test_own_name_dotless_i_folds_to_i() -> None:
    assert _found("Eren", "Y\u0131lmaz", "Discussed YILMAZ, Eren at MDT.") == ["Eren", "YILMAZ"]
