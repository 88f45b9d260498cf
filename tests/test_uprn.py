"""Addresses to UPRNs against a gazetteer: the seeds' seven ways, neighbours, reasons."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from safelink.config import JobConfig, TokenSettings, parse_config
from safelink.errors import ConfigError, InputError
from safelink.keys import Keyring
from safelink.pseudonymise import output_paths, pseudonymise, pseudonymise_file, token_plan
from safelink.pseudonymise.tokens_format import read_tokens
from safelink.uprn import (
    Gazetteer,
    UnresolvedReason,
    gazetteer_from_frame,
    load_gazetteer,
    resolve_uprns,
    synthetic_gazetteer_path,
)
from tests.test_address import SEVEN_WAYS

FLAT = "200004525"
BUILDING = "200219244"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(synthetic_gazetteer_path())


def _resolve(gazetteer: Gazetteer, addresses: list[str | None], **kwargs: object) -> list:
    resolution = resolve_uprns(pl.Series("a", addresses, dtype=pl.String), gazetteer, **kwargs)  # type: ignore[arg-type]
    return list(zip(resolution.uprn, resolution.household, resolution.reasons, strict=True))


def test_seven_ways_resolve_to_the_flat_and_the_corner_is_left_unresolved(
    gazetteer: Gazetteer,
) -> None:
    got = _resolve(gazetteer, SEVEN_WAYS)
    # Six of the seven are the flat, whose household is its building (the parent UPRN):
    # "Ground Floor Flat" and "21A" through the gazetteer's other spellings of the flat, the
    # misspelt postcode (NW2 3LM) and "Cricklewood" through the house number, street and unit.
    assert [u for u, _, _ in got] == [FLAT] * 5 + [None, FLAT]
    assert {h for u, h, _ in got if u} == {BUILDING}
    # The corner of Elm Grove and Ash Grove names no house number: it is counted as such,
    # never guessed (the gazetteer has ground floor flats on both streets).
    assert got[5][2] == UnresolvedReason.NO_HOUSE_NUMBER


def test_neighbours_and_look_alikes_resolve_to_themselves(gazetteer: Gazetteer) -> None:
    got = _resolve(
        gazetteer,
        [
            "21 Ash Grove, London NW2 3LN",  # the building itself
            "Flat 2, 21 Ash Grove",
            "First Floor Flat 21 Ash Gr",
            "23 Ash Grove",
            "21 Elm Grove NW2 3AF",
            "21 Ash Rd, London",
            "21 Oak Grove",
            "Flat 1, 3 Elm Grove",
        ],
    )
    assert got == [
        (BUILDING, BUILDING, None),
        ("200004526", BUILDING, None),
        ("200004526", BUILDING, None),
        ("200219245", "200219245", None),
        ("200219262", "200219262", None),
        ("200219270", "200219270", None),
        ("200219271", "200219271", None),
        ("200219263", "200219264", None),
    ]


def test_unresolved_records_counted_by_reason(gazetteer: Gazetteer) -> None:
    addresses = [None, "  ", "Ash Grove, London", "99 Nowhere Street", "21 Ash Grove NW2 3LN"]
    resolution = resolve_uprns(pl.Series(addresses, dtype=pl.String), gazetteer)
    assert resolution.reasons.to_list() == [
        "no_address",
        "no_address",
        "no_house_number",
        "no_candidate",
        None,
    ]
    assert resolution.counts() == {
        "resolved": 1,
        "no_address": 2,
        "no_house_number": 1,
        "no_candidate": 1,
        "below_threshold": 0,
        "ambiguous": 0,
    }
    assert resolution.score.null_count() == 4
    assert 0.9 <= resolution.score[4] <= 1


def test_threshold_keeps_weak_matches_out_with_their_score(gazetteer: Gazetteer) -> None:
    # Right number and postcode, a street only half alike: a weak candidate.
    addresses = pl.Series(["21 Ashley Grove NW2 3LN"])
    lenient = resolve_uprns(addresses, gazetteer, threshold=0.5)
    strict = resolve_uprns(addresses, gazetteer, threshold=0.99999)
    assert lenient.uprn[0] == BUILDING
    assert strict.uprn[0] is None
    assert strict.reasons[0] == "below_threshold"
    assert strict.score[0] == lenient.score[0] < 0.99999


def test_two_equally_good_candidates_are_ambiguous() -> None:
    frame = pl.DataFrame(
        {
            "uprn": ["1", "2"],
            "parent_uprn": [None, None],
            "address": ["5 Mill Lane, Leeds", "5 Mill Lane, Luton"],
            "postcode": ["LS1 1AA", "LU1 1AA"],
        }
    )
    resolution = resolve_uprns(pl.Series(["5 Mill Lane"]), gazetteer_from_frame(frame))
    assert resolution.reasons.to_list() == ["ambiguous"]
    assert resolution.uprn.to_list() == [None]
    # The postcode column settles it.
    settled = resolve_uprns(
        pl.Series(["5 Mill Lane"]), gazetteer_from_frame(frame), postcodes=pl.Series(["lu1 1aa"])
    )
    assert settled.uprn.to_list() == ["2"]


def test_gazetteer_problems_refused_without_values(tmp_path: Path) -> None:
    good = {
        "uprn": ["200004525"],
        "parent_uprn": ["200219244"],
        "address": ["Flat 1, 21 Ash Grove"],
        "postcode": ["NW2 3LN"],
    }
    with pytest.raises(InputError, match="lacks the column"):
        gazetteer_from_frame(pl.DataFrame(good).drop("parent_uprn"))
    with pytest.raises(InputError, match="not 1 to 12 digits") as bad:
        gazetteer_from_frame(pl.DataFrame({**good, "uprn": ["2.00004525E+8"]}))
    assert "2.00004525" not in str(bad.value)
    two_parents = pl.concat([pl.DataFrame(good), pl.DataFrame({**good, "parent_uprn": ["7"]})])
    with pytest.raises(InputError, match="two different parent_uprn"):
        gazetteer_from_frame(two_parents)
    path = tmp_path / "g.parquet"
    pl.DataFrame(good).write_parquet(path)
    assert load_gazetteer(path).uprns == 1


def test_resolve_refuses_bad_threshold_and_misaligned_postcodes(gazetteer: Gazetteer) -> None:
    with pytest.raises(InputError, match="threshold"):
        resolve_uprns(pl.Series(["21 Ash Grove"]), gazetteer, threshold=0)
    with pytest.raises(InputError, match="row for row"):
        resolve_uprns(pl.Series(["21 Ash Grove"]), gazetteer, postcodes=pl.Series([]))


def test_spreadsheet_damaged_gazetteer_uprn_repaired() -> None:
    frame = pl.DataFrame(
        {
            "uprn": ["200,219,244.0"],
            "parent_uprn": [""],
            "address": ["21 Ash Grove"],
            "postcode": ["NW2 3LN"],
        }
    )
    assert gazetteer_from_frame(frame).entries.get_column("uprn").to_list() == [BUILDING]


def _resolving_config(postcode: bool = False) -> JobConfig:
    columns: dict[str, object] = {
        "addr": {
            "role": "identifier",
            "kind": "address",
            "resolve_uprn": True,
            "gazetteer": str(synthetic_gazetteer_path()),
        }
    }
    if postcode:
        columns["pc"] = {"role": "identifier", "kind": "postcode"}
    return parse_config({"project": "test", "sources": {"s": {"columns": columns}}})


def test_uprn_and_household_tokens_under_their_own_keys(keyring: Keyring) -> None:
    frame = pl.DataFrame(
        {"addr": [*SEVEN_WAYS, "21 Ash Grove NW2 3LN", "Flat 2, 21 Ash Grove", "23 Ash Grove"]}
    )
    result = pseudonymise(frame, _resolving_config(), keyring)
    uprn = result.tokens["uprn"].to_list()
    household = result.tokens["household"].to_list()
    # The flat's six writings: one UPRN token; the corner none.
    assert len(set(uprn[:5] + uprn[6:7])) == 1
    assert uprn[5] is None
    assert household[5] is None
    # The building and the flat above are other UPRNs of the same household; next door is not.
    assert len({uprn[0], uprn[7], uprn[8], uprn[9]}) == 4
    assert household[0] == household[7] == household[8] != household[9]
    # Each token under its own purpose key: a house's UPRN and household tokens differ.
    assert uprn[9] != household[9]
    plan = token_plan(_resolving_config().source("s").identifiers[0], TokenSettings())
    assert [(c, p) for c, p, _ in plan][1:3] == [
        ("uprn", "link:uprn"),
        ("household", "link:household"),
    ]
    # Unresolved addresses are counted by reason in the summary, never shown.
    (summary,) = result.summary.columns
    assert summary.warnings == {"uprn_no_house_number": 1}
    # No address text in the tokens.
    assert not any("ASH" in str(v).upper() for v in result.tokens.row(0))


def test_uprn_token_equals_an_extract_uprn_column_token(keyring: Keyring) -> None:
    resolved = pseudonymise(
        pl.DataFrame({"addr": ["Flat 1, 21 Ash Grove NW2 3LN"]}), _resolving_config(), keyring
    ).tokens
    given_config = parse_config(
        {
            "project": "test",
            "sources": {"s": {"columns": {"u": {"role": "identifier", "kind": "uprn"}}}},
        }
    )
    given = pseudonymise(pl.DataFrame({"u": ["200004525"]}), given_config, keyring).tokens
    assert resolved["uprn"][0] == given["uprn"][0]


def test_resolve_uprn_postcode_column_used(keyring: Keyring) -> None:
    frame = pl.DataFrame({"addr": ["5 Mill Lane", "21 Ash Grove"], "pc": ["LS6 3AB", "nw2 3ln"]})
    tokens = pseudonymise(frame, _resolving_config(postcode=True), keyring).tokens
    assert tokens["uprn"][0] is None  # no 5 Mill Lane in the gazetteer
    assert tokens["uprn"][1] is not None


def test_resolve_uprn_config_refusals() -> None:
    def parse(settings: dict[str, object]) -> None:
        column = {"role": "identifier", "kind": "address"} | settings
        parse_config({"project": "t", "sources": {"s": {"columns": {"a": column}}}})

    with pytest.raises(ConfigError, match="needs a gazetteer"):
        parse({"resolve_uprn": True})
    with pytest.raises(ConfigError, match="only with resolve_uprn"):
        parse({"gazetteer": "g.csv"})
    with pytest.raises(ConfigError, match="uprn_threshold"):
        parse({"resolve_uprn": True, "gazetteer": "g.csv", "uprn_threshold": 1.5})
    with pytest.raises(ConfigError, match="only for address"):
        parse({"kind": "postcode", "resolve_uprn": True, "gazetteer": "g.csv"})
    with pytest.raises(ConfigError, match=r"token column\(s\) \['uprn'\]"):
        parse_config(
            {
                "project": "t",
                "sources": {
                    "s": {
                        "columns": {
                            "a": {
                                "role": "identifier",
                                "kind": "address",
                                "resolve_uprn": True,
                                "gazetteer": "g.csv",
                            },
                            "u": {"role": "identifier", "kind": "uprn"},
                        }
                    }
                },
            }
        )


def test_missing_gazetteer_file_is_an_input_error(keyring: Keyring, tmp_path: Path) -> None:
    config = parse_config(
        {
            "project": "test",
            "sources": {
                "s": {
                    "columns": {
                        "addr": {
                            "role": "identifier",
                            "kind": "address",
                            "resolve_uprn": True,
                            "gazetteer": str(tmp_path / "none.csv"),
                        }
                    }
                }
            },
        }
    )
    with pytest.raises(InputError, match=r"gazetteer none\.csv cannot be read"):
        pseudonymise(pl.DataFrame({"addr": ["21 Ash Grove"]}), config, keyring)


def test_spark_engine_refuses_resolution_with_a_way_out() -> None:
    pytest.importorskip("pyspark")
    from safelink.engines import spark_pseudonymise

    with pytest.raises(spark_pseudonymise.SparkEngineError, match="--engine local"):
        spark_pseudonymise._check_supported(_resolving_config().source("s"), TokenSettings())


@pytest.mark.parametrize(
    ("written", "uprn"),
    [
        ("1, 21 Ash Grove, London", FLAT),  # the flat's number first, its word dropped
        ("Falt 1, 21 Ash Grove", FLAT),  # a misspelt designator
        ("Fllat 2 21 Ash Grove NW2 3LN", "200004526"),
        ("Second Floor Flat 2, 21 Ash Grove", "200004526"),  # a floor before the flat number
        ("21, Ash Grove, London", BUILDING),  # one number: the house
    ],
)
def test_flat_forms_the_address_rule_leaves(gazetteer: Gazetteer, written: str, uprn: str) -> None:
    assert _resolve(gazetteer, [written])[0][0] == uprn


def test_pseudonymise_file_resolves_every_batch(keyring: Keyring, tmp_path: Path) -> None:
    # Three batches of two: each batch is resolved once, with its own rows.
    path = tmp_path / "s.parquet"
    pl.DataFrame({"addr": [*SEVEN_WAYS[:4], "23 Ash Grove", "21 Ash Grove NW2 3LN"]}).write_parquet(
        path
    )
    out = tmp_path / "out"
    pseudonymise_file(path, _resolving_config(), keyring, out, source="s", batch_rows=2)
    tokens = read_tokens(output_paths(out, "s")["tokens"])
    uprn, household = tokens["uprn"].to_list(), tokens["household"].to_list()
    assert len(set(uprn[:4])) == 1
    assert len(set(uprn)) == 3
    assert household[0] == household[5] != household[4]


def test_named_properties_resolve_by_name_within_their_postcode(gazetteer: Gazetteer) -> None:
    got = _resolve(
        gazetteer,
        ["Ivy Cottage, Leeds LS6 3AB", "HOLLY COTTAGE CHURCH LN", "Oak Cottage LS6 3AB"],
        postcodes=pl.Series([None, "LS6 3AB", None], dtype=pl.String),
    )
    assert got[0][0] == "100023336003"
    assert got[1][0] == "100023336004"
    # No such cottage at the postcode: never another one.
    assert got[2][0] is None
    assert got[2][2] == "below_threshold"
    # Without a postcode a named property cannot be placed.
    assert _resolve(gazetteer, ["Ivy Cottage, Church Lane"])[0][2] == "no_house_number"


BEECH_COURT = "100023337000"
BEECH_COURT_12 = "100023337012"


@pytest.mark.parametrize(
    ("written", "postcode"),
    [
        ("Flat 12, Beech Court, 4 Mill Lane, Leeds", None),
        ("12 Beech Court, Mill Lane", None),  # the flat's number, the block, no block number
        ("Beech Ct Flat 12", "LS6 3AD"),  # the block first, abbreviated
        ("Beech Ct Flat 12, Mill Ln, Leeds", None),
        ("FLAT 12 BEECH COURT 4 MILL LN LS6 3AD", None),
        ("Apt 12, Beech Court, Mill Lane, Leeds", None),
        ("Flat 12, Beech Court, Leeds", "LS6 3AD"),  # no street: the block and postcode
    ],
)
def test_flats_in_named_blocks_resolve_to_the_flat_with_the_block_as_household(
    gazetteer: Gazetteer, written: str, postcode: str | None
) -> None:
    got = _resolve(gazetteer, [written], postcodes=pl.Series([postcode], dtype=pl.String))
    # The household: the parent UPRN of a flat (here its block), else the UPRN.
    assert got == [(BEECH_COURT_12, BEECH_COURT, None)]


def test_named_blocks_kept_apart_from_their_neighbours(gazetteer: Gazetteer) -> None:
    got = _resolve(
        gazetteer,
        [
            "Flat 12, Elm Court, 6 Mill Lane, Leeds",  # the other block's flat 12
            "12 Beech Court, Leeds",  # a house on a street called Beech Court
            "Beech Court, 4 Mill Lane, Leeds",  # the block itself
            "Flat 2, Beech Court, Mill Lane",
            # No such flat: its block (as a converted house's), never a neighbouring flat.
            "Flat 7, Beech Court, 4 Mill Lane, Leeds",
        ],
    )
    assert [u for u, _, _ in got] == [
        "100023337112",
        "100023338012",
        BEECH_COURT,
        "100023337002",
        BEECH_COURT,
    ]
