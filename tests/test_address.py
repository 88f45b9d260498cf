"""The address normaliser, its parts and tokens: UK examples and the seeds' seven ways."""

from __future__ import annotations

import polars as pl
import pytest

from safelink.config import parse_config
from safelink.engines.backend import DuckDBBackend, PolarsBackend
from safelink.engines.sql import quote
from safelink.keys import Keyring
from safelink.normalise import address_parts, normalise_address, rules
from safelink.pseudonymise import address_postcode, pseudonymise, token_plan

SEVEN_WAYS = [
    "Flat 1, 21 Ash Grove London NW2 3LN",
    "Ground Floor Flat, 21 Ash Grove London",
    "21A Ash Grove London NW2",
    "Flat 1, 21 Ash Gr. London NW2 3LM",
    "21A Ash Grove, Cricklewood",
    "Ground Floor Flat, Cnr Elm Grove & Ash Grove",
    "FL 1 21 Ashgrove",
]
"""One address written seven ways (the seeds' policy paper). ``NW2 3LM`` is no postcode (M is
never a unit letter), and the sixth names a corner, not a house."""

CONFIG = parse_config(
    {
        "project": "test",
        "sources": {"s": {"columns": {"addr": {"role": "identifier", "kind": "address"}}}},
    }
)


def _canonical(values: list[str | None]) -> list[str | None]:
    return normalise_address(pl.Series("a", values, dtype=pl.String)).values.to_list()


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Flat 1, 21 Ash Grove London NW2 3LN", "FLAT 1 21 ASH GROVE LONDON NW2 3LN"),
        ("flat 1 21 ash gr. london nw23ln", "FLAT 1 21 ASH GROVE LONDON NW2 3LN"),
        ("Apt 4b, 7 High St", "FLAT 4B 7 HIGH STREET"),
        ("Unit 3, 10 Mill Ln", "FLAT 3 10 MILL LANE"),
        ("GFF 14 Brunswick Gdns", "FLAT GROUND 14 BRUNSWICK GARDENS"),
        ("Ground floor, 14 Brunswick Gardens", "FLAT GROUND 14 BRUNSWICK GARDENS"),
        ("21 St. John's Rd, Leeds LS6 3AB", "21 SAINT JOHNS ROAD LEEDS LS6 3AB"),
        ("St Mary's Cres", "SAINT MARYS CRESCENT"),
        ("3 Queen's Ter., York", "3 QUEENS TERRACE YORK"),
        ("5 Bryn Dr, Cardiff CF10 1AA", "5 BRYN DRIVE CARDIFF CF10 1AA"),
        ("9 Oak Ave & 11 Oak Ave", "9 OAK AVENUE AND 11 OAK AVENUE"),
        ("2 Rue Élysée", "2 RUE ELYSEE"),
    ],
)
def test_normalise_address_uk_forms_canonical(written: str, canonical: str) -> None:
    assert _canonical([written]) == [canonical]


def test_normalise_address_blank_missing_and_punctuation_rejected() -> None:
    result = normalise_address(pl.Series("a", [None, "  ", "!!"], dtype=pl.String))
    assert result.values.to_list() == [None, None, None]
    assert result.reasons.to_list() == [None, None, "empty_after_cleaning"]
    assert result.missing == 2


def test_address_parts_house_number_street_and_postcode() -> None:
    canonical = pl.Series(
        [
            "FLAT 1 21 ASH GROVE LONDON NW2 3LN",
            "12 GROVE ROAD NW2 3LN",
            "21 SAINT JOHNS ROAD LEEDS LS6 3AB",
            "ROSE COTTAGE 4 CHURCH LANE",
            "7 THE AVENUE LONDON",
            "ROSE COTTAGE CHURCH LANE",
            None,
        ]
    )
    assert address_parts(canonical).rows() == [
        ("21 ASHGROVE", "21 NW2 3LN", "ASHGROVE"),
        # A street named after a type keeps its type: Grove Road is not Grove.
        ("12 GROVEROAD", "12 NW2 3LN", "GROVEROAD"),
        ("21 SAINTJOHNSROAD", "21 LS6 3AB", "SAINTJOHNSROAD"),
        # A house name before the number is passed over.
        ("4 CHURCHLANE", None, "CHURCHLANE"),
        ("7 THEAVENUE", None, "THEAVENUE"),
        # No house number: no building and no street without a gazetteer.
        (None, None, None),
        (None, None, None),
    ]


def test_seven_ways_resolve_to_one_building_or_to_none() -> None:
    canonical = _canonical(SEVEN_WAYS)
    parts = address_parts(pl.Series(canonical)).to_dicts()
    # Six of the seven carry a house number: one building token and one street token.
    assert [p["number_street"] for p in parts] == ["21 ASHGROVE"] * 5 + [None, "21 ASHGROVE"]
    assert [p["street"] for p in parts] == ["ASHGROVE"] * 5 + [None, "ASHGROVE"]
    # House number and postcode only where a valid full postcode is written (NW2 3LM is not).
    assert [p["number_postcode"] for p in parts] == ["21 NW2 3LN"] + [None] * 6
    # The corner of Elm Grove and Ash Grove has no house number: it resolves to no building
    # and no street (never to another building), and its full address is its own.
    assert canonical[5] == "FLAT GROUND CORNER ELM GROVE AND ASH GROVE"
    assert canonical.count(canonical[5]) == 1


def test_seven_ways_tokens_one_building_token(keyring: Keyring) -> None:
    frame = pl.DataFrame({"addr": [*SEVEN_WAYS, "23 Ash Grove London NW2 3LN"]})
    tokens = pseudonymise(frame, CONFIG, keyring).tokens
    building = tokens["address_number_street"].to_list()
    assert len(set(building[:5] + building[6:7])) == 1
    assert building[5] is None
    # The house next door is another building on the same street.
    assert building[7] not in building[:7]
    assert tokens["address_street"].n_unique() == 2  # the street token, and null for the corner
    assert tokens["address_street"][7] == tokens["address_street"][0]
    postcodes = tokens["address_number_postcode"].to_list()
    assert postcodes[1:7] == [None] * 6
    assert postcodes[0] != postcodes[7]
    # Full-address tokens keep flats apart: the flat, the ground floor flat and 21A differ.
    assert tokens["address"].n_unique() == frame.height


def test_token_plan_address_tokens_and_purposes() -> None:
    plan = token_plan(CONFIG.source("s").identifiers[0], CONFIG.tokens)
    assert [(column, purpose) for column, purpose, _ in plan] == [
        ("address", "link:address"),
        ("address_number_street", "link:address_number_street"),
        ("address_number_postcode", "link:address_number_postcode"),
        ("address_street", "link:address_street"),
    ]


def test_address_parts_on_duckdb_equal_polars() -> None:
    canonical = [*_canonical(SEVEN_WAYS), "12 GROVE ROAD NW2 3LN", "ROSE COTTAGE", None]
    rule = rules.address_parts(quote("c"), "p_")
    columns = [rules.address_part_column(rule, part) for part in rules.ADDRESS_PARTS]
    got = []
    for backend in (PolarsBackend(), DuckDBBackend()):
        table = rules.apply_rule(backend, backend.table(pl.DataFrame({"c": canonical})), rule)
        got.append(backend.collect(table).select(columns).rows())
    assert got[0] == got[1]
    assert got[0][0] == ("21 ASHGROVE", "21 NW2 3LN", "ASHGROVE")


def test_address_part_column_unknown_part_refused() -> None:
    with pytest.raises(KeyError):
        rules.address_part_column(rules.address_parts(quote("c")), "flat")


def test_address_parts_postcode_from_the_postcode_column_when_none_is_written() -> None:
    canonical = pl.Series(
        ["21 ASH GROVE LONDON", "21 ASH GROVE LONDON NW2 3LN", "21 ASH GROVE NW2 3LM", "ASH GROVE"]
    )
    postcodes = pl.Series(["NW2 3LN", "SW1A 1AA", "NW2 3LN", "NW2 3LN"])
    assert address_parts(canonical, postcodes)["number_postcode"].to_list() == [
        "21 NW2 3LN",
        "21 NW2 3LN",  # the postcode written in the address comes first
        "21 NW2 3LN",  # NW2 3LM is no postcode: the column's is taken
        None,  # no house number
    ]
    assert address_parts(canonical)["number_postcode"].to_list() == [None, "21 NW2 3LN", None, None]


def test_pseudonymise_address_number_postcode_reads_the_postcode_column(keyring: Keyring) -> None:
    config = parse_config(
        {
            "project": "test",
            "sources": {
                "s": {
                    "columns": {
                        "addr": {"role": "identifier", "kind": "address"},
                        "pc": {"role": "identifier", "kind": "postcode"},
                    }
                }
            },
        }
    )
    assert address_postcode(config.source("s")) == "pc"
    assert address_postcode(CONFIG.source("s")) is None
    frame = pl.DataFrame(
        {
            "addr": ["21 Ash Grove, London", "Flat 1, 21 Ash Gr. NW2 3LN", "23 Ash Grove"],
            "pc": ["nw2 3ln", None, "NW2 3LN"],
        }
    )
    tokens = pseudonymise(frame, config, keyring).tokens["address_number_postcode"].to_list()
    assert tokens[0] == tokens[1] != tokens[2]
    assert None not in tokens
