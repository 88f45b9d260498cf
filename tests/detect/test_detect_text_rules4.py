"""Free-text name rules added for issue 19's fourth round, each on its own synthetic examples.

Other people's names in notes written in capitals (case no longer says where a name ends, so
a name runs until a word that is not one: a function word, a note's noun, or what the person
did), particles in any case and the Welsh and Irish ones, apostrophe forms ("De'Ath",
"d'Arcy"), a saint's name inside a surname, initials before a surname and a note's sign-off
("Entered by K. Patel"), a numbered ward after a name; and the row's own forename in any form
when it stands just before the row's surname.
"""

from __future__ import annotations

import polars as pl
import pytest

from safelink.detect.names import cue_names
from safelink.detect.own import own_terms
from safelink.identifiers import Identifier


def _cued(text: str) -> list[str]:
    return sorted({text[s:e] for s, e in cue_names(text)})


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("SEEN BY SUPPORT WORKER ZELDRIC QUARNBY.", ["ZELDRIC QUARNBY"]),
        ("NEPHEW ORVANDO PHONED, WORRIED ABOUT HIS AUNT.", ["ORVANDO"]),
        ("HER DAUGHTER ISOLDE VRANKEN VISITS ON FRIDAYS.", ["ISOLDE VRANKEN"]),
        ("SW TAVISH TO FOLLOW UP.", ["TAVISH"]),
        ("PARTNER LORCAN ADMINISTERED THE DOSE.", ["LORCAN"]),
        ("DR ZELDRIC QUARNBY INCREASED THE DOSE.", ["DR ZELDRIC QUARNBY"]),
        (
            "MEETING ATTENDED BY ORVANDO, ISOLDE VRANKEN AND MRS QUARNBY.",
            ["ISOLDE VRANKEN", "MRS QUARNBY", "ORVANDO"],
        ),
        ("NEIGHBOUR HAS A KEY. HUSBAND PHONED.", []),  # no name after the cues
    ],
)
def test_cue_names_in_notes_written_in_capitals(text: str, names: list[str]) -> None:
    assert _cued(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Discussed with Dr Tegid ab Iorwerth (GP).", ["Dr Tegid ab Iorwerth"]),
        ("Neighbour Mrs Ó Fearghail has a key.", ["Mrs Ó Fearghail"]),
        ("SEEN BY CARE WORKER ANIKA VAN DER MEULEN.", ["ANIKA VAN DER MEULEN"]),
        ("Seen by Mr De'Ville today.", ["Mr De'Ville"]),
        ("Neighbour Mr d'Aubigny holds a key.", ["Mr d'Aubigny"]),
        (
            "Meeting attended by Ann, Colm St Ledger and Mrs St Aubyn.",
            ["Ann", "Colm St Ledger", "Mrs St Aubyn"],
        ),
        ("Transferred to St Helens.", []),  # a saint's name alone is still a place
    ],
)
def test_cue_names_particles_apostrophes_and_saints_in_surnames(
    text: str, names: list[str]
) -> None:
    assert _cued(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Letter copied to GP, Dr Q. Varnam.", ["Dr Q. Varnam"]),
        ("Entered by Q. Varnam", ["Q. Varnam"]),
        ("Written by: Q.R. Varnam", ["Q.R. Varnam"]),
        ("-- Q. ap Varnam (SW)", ["Q. ap Varnam"]),
        ("Signed: Q. van der Varnam, Band 6 DN", ["Q. van der Varnam"]),
        ("Recorded by Isolde Vranken", ["Isolde Vranken"]),
        ("Entered by the duty team", []),
        ("Seen by Dr Mac an tSaoire today.", ["Dr Mac an tSaoire"]),
        ("Her son Orvando and an iPad arrived.", ["Orvando"]),
        ("SW: Isolde Vranken Ward 12 ext 4411.", ["Isolde Vranken"]),  # a numbered ward
        ("SW: Mary Seacole Ward today.", []),  # a named ward is a place
    ],
)
def test_cue_names_initials_sign_offs_irish_forms_and_numbered_wards(
    text: str, names: list[str]
) -> None:
    assert _cued(text) == names


def _own(forename: str, surname: str, text: str) -> list[str]:
    frame = pl.DataFrame({"forename": [forename], "surname": [surname]})
    (terms,) = own_terms(frame, {"forename": Identifier.FORENAME, "surname": Identifier.SURNAME})
    return sorted(text[r.start : r.end] for r in terms.find(text))


def test_own_forename_in_any_form_before_the_rows_surname() -> None:
    # "Tibby" is no form the forename table or the short-form rules give for Theodora.
    assert _own("Theodora", "Quenby", "Tibby Quenby seen at home.") == ["Quenby", "Tibby"]
    assert _own("Theodora", "Quenby", "TIBBY QUENBY SEEN AT HOME.") == ["QUENBY", "TIBBY"]
    assert {"Tibby", "Mac Ardle"} <= set(_own("Theodora", "Mac Ardle", "Tibby Mac Ardle rang."))


def test_own_forename_before_surname_not_a_title_verb_or_abbreviation() -> None:
    assert _own("Theodora", "Quenby", "Pt Quenby reviewed.") == ["Quenby"]
    assert _own("Theodora", "Quenby", "Visited Quenby at home.") == ["Quenby"]
    assert _own("Theodora", "Quenby", "WORRIED ABOUT QUENBY.") == ["QUENBY"]
    assert _own("Theodora", "Quenby", "Mrs Quenby seen.") == ["Quenby"]
