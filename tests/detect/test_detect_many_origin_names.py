"""The bundled name lists of many origins, and columns judged by them.

The UK lists hold some 650 common names of a few communities; a column of names from many
(Afghan, Vietnamese, Nigerian, Romanian, Ukrainian...) held few of them, and name columns with
no header, or a header the rules do not know, were missed. The lists of many origins are for
judging columns only: notes keep the short lists.
"""

from __future__ import annotations

import random

import polars as pl
import pytest

from safelink.detect import scan
from safelink.detect.names import NOT_NAME_WORDS, PLACE_WORDS
from safelink.detect.recognisers import many_origin_name_lists, name_lists, place_names

ROWS = 800


def test_the_lists_of_many_origins_hold_the_uk_lists_and_thousands_more() -> None:
    forenames, surnames = many_origin_name_lists()
    uk_forenames, uk_surnames = name_lists()
    assert uk_forenames <= forenames and uk_surnames <= surnames
    assert len(forenames) >= 7_000 and len(surnames) >= 5_000


def test_the_lists_of_many_origins_hold_no_word_that_is_never_a_name_nor_a_listed_place() -> None:
    forenames, surnames = many_origin_name_lists()
    uk_forenames, uk_surnames = name_lists()
    added = {w.lower() for w in (forenames | surnames) - (uk_forenames | uk_surnames)}
    assert not added & NOT_NAME_WORDS
    assert not added & PLACE_WORDS
    assert not added & place_names() - {"blackburn", "burton", "hamilton"}


def _scan(header: str, values: list[str]) -> tuple[str | None, bool]:
    frame = pl.DataFrame({header: values}, schema={header: pl.String})
    report = scan(frame, sample=1_000)
    finding = report.columns[0].finding
    return (finding.entity if finding else None), header in report.direct_columns


# Names of origins the UK lists do not cover, none of them in those lists.
_GIVEN = ["Zabihullah", "Nooria", "Thanh", "Huong", "Chukwuemeka", "Adaeze", "Bogdan", "Ioana",
          "Oleksandr", "Yuliia", "Mulugeta", "Tsehay", "Abdirahman", "Hodan", "Emre",
          "Elif"]  # fmt: skip
_FAMILY = ["Ahmadzai", "Popalzai", "Nguyen", "Pham", "Okonkwo", "Eze", "Popescu", "Ionescu",
           "Shevchenko", "Bondarenko", "Tesfaye", "Gebremedhin", "Warsame", "Farah", "Yilmaz",
           "Kaya", "Rahimi", "Sultani", "Tran", "Hoang", "Adeyemi", "Nwosu", "Dumitru",
           "Stanciu", "Kovalenko", "Tkachenko", "Haile", "Berhane", "Abdullahi", "Hirsi",
           "Demir", "Aydin", "Kowalczyk", "Wisniewski", "Kazlauskas", "Petrauskas", "Ozola",
           "Horvath", "Nagy", "Krasniqi", "Hoxha", "Petrovic", "Papadopoulos", "Esposito",
           "Goncalves", "Pereira", "Bautista", "Villanueva", "Zhang", "Zhou", "Takahashi",
           "Watanabe", "Choudhury", "Begum", "Siddiqui", "Rajapaksa", "Perera", "Gurung",
           "Tamang", "Mensah", "Boateng"]  # fmt: skip


def test_the_names_chosen_here_are_mostly_not_in_the_uk_lists() -> None:
    uk = name_lists()[0] | name_lists()[1]
    assert not {w.upper() for w in _GIVEN + _FAMILY[:16]} & uk
    assert len({w.upper() for w in _FAMILY} & uk) <= 6


@pytest.mark.parametrize("header", ["col_31", "Unnamed: 7", "F_0042"])
def test_full_names_of_many_origins_without_a_header_are_names(header: str) -> None:
    # A service's 60 clients over its sessions: too few distinct to be names by shape alone.
    rng = random.Random(header)
    clients = [f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}" for _ in range(60)]
    values = [rng.choice(clients) for _ in range(ROWS)]
    assert _scan(header, values) == ("FULL_NAME", True)


def test_surnames_of_many_origins_in_capitals_without_a_header_are_names() -> None:
    rng = random.Random("surnames")
    values = [rng.choice(_FAMILY).upper() for _ in range(ROWS)]
    entity, direct = _scan("fld_9", values)
    assert direct and entity == "SURNAME"


@pytest.mark.parametrize(
    ("header", "things"),
    [
        ("col_3", ["Amoxicillin", "Sertraline", "Metformin", "Ramipril", "Omeprazole",
                   "Apixaban", "Furosemide", "Atorvastatin", "Levothyroxine", "Citalopram"]),
        ("col_4", ["Leeds", "Bradford", "Halifax", "Huddersfield", "Wakefield", "Keighley",
                   "Dewsbury", "Batley", "Pudsey", "Otley", "Ilkley", "Shipley"]),
        ("col_5", ["Red", "Amber", "Green", "Blue", "Purple", "Grey", "Black", "White"]),
    ],
)  # fmt: skip
def test_things_places_and_colours_without_a_header_stay_unflagged(
    header: str, things: list[str]
) -> None:
    rng = random.Random(header)
    assert _scan(header, [rng.choice(things) for _ in range(ROWS)]) == (None, False)
