"""The probabilistic model's comparison levels, evaluated on pairs of token values."""

from __future__ import annotations

from typing import Any

import duckdb
import pytest

from safelink.config import ProbabilisticSettings
from safelink.link.comparisons import comparisons

DOB = ("date_of_birth", "date_of_birth_year", "date_of_birth_month", "date_of_birth_day")
FORENAME = ("forename", "forename_initial", "forename_soundex", "forename_nysiis")


def _levels(name: str, columns: set[str]) -> list[dict[str, Any]]:
    settings = ProbabilisticSettings(comparisons=(name,), term_frequency=())
    (comparison,) = comparisons(columns, settings)
    levels: list[dict[str, Any]] = comparison.get_comparison("duckdb").as_dict()[
        "comparison_levels"
    ]
    return levels


def level_of(name: str, left: dict[str, str | None], right: dict[str, str | None]) -> str:
    """The label of the first level of comparison ``name`` that the pair falls in."""
    columns = set(left)
    row = {f"{c}_l": v for c, v in left.items()} | {f"{c}_r": v for c, v in right.items()}
    select = ", ".join(f"CAST(? AS VARCHAR) AS {c}" for c in row)
    with duckdb.connect() as con:
        for level in _levels(name, columns):
            if level["sql_condition"] == "ELSE":
                return str(level["label_for_charts"])
            sql = f"SELECT ({level['sql_condition']}) FROM (SELECT {select})"
            found = con.execute(sql, list(row.values())).fetchone()
            if found is not None and found[0]:
                return str(level["label_for_charts"])
    raise AssertionError("no level matched")


def dob(full: str | None, year: str | None, month: str | None, day: str | None) -> dict:
    return dict(zip(DOB, (full, year, month, day), strict=True))


# Tokens stand in as short labels: equal labels are equal tokens.
FULL_1978_03_14 = dob("d1978-03-14", "y1978", "m03", "d14")


@pytest.mark.parametrize(
    ("left", "right", "label"),
    [
        (dob(None, "y1978", "m03", None), FULL_1978_03_14, "partial date: year and month agree"),
        (dob(None, "y1978", None, None), FULL_1978_03_14, "partial date: year agrees"),
        (
            dob(None, "y1978", None, None),
            dob(None, "y1978", None, None),
            "partial date: year agrees",
        ),
        (dob(None, "y1978", "m04", None), FULL_1978_03_14, "partial date: year agrees"),
        (dob(None, "y1979", None, None), FULL_1978_03_14, "All other comparisons"),
        (dob(None, None, None, None), FULL_1978_03_14, "year of birth missing"),
        (FULL_1978_03_14, FULL_1978_03_14, "Exact match on date_of_birth"),
        (
            dob("d1978-03-15", "y1978", "m03", "d15"),
            FULL_1978_03_14,
            "two of year, month, day agree",
        ),
    ],
)
def test_dob_comparison_partial_dates_compared_at_their_level(left, right, label):
    assert level_of("date_of_birth", left, right) == label


def test_dob_comparison_without_part_tokens_null_when_full_date_missing():
    only = {"date_of_birth": None}
    assert level_of("date_of_birth", only, {"date_of_birth": "d1"}) == "date_of_birth is NULL"


def _forename(exact: str, canonical: str, nysiis: str, initial: str) -> dict[str, str | None]:
    columns = (*FORENAME, "forename_canonical")
    values = (exact, initial, "s" + nysiis, nysiis, canonical)
    return dict(zip(columns, values, strict=True))


@pytest.mark.parametrize(
    ("left", "right", "label"),
    [
        # Bob and Robert: different tokens, codes and initials, one canonical forename.
        (_forename("bob", "robert", "BAB", "B"), _forename("robert", "robert", "RABAD", "R"),
         "canonical forenames agree"),
        # The canonical level sits above the phonetic ones.
        (_forename("mohammed", "mohammed", "MAHAN", "M"),
         _forename("muhammad", "mohammed", "MAHAN", "M"), "canonical forenames agree"),
        (_forename("hassan", "hassan", "HASAN", "H"), _forename("hussain", "hussain", "HASAN", "H"),
         "nysiis agrees"),
        (_forename("bob", "robert", "BAB", "B"), _forename("bob", "robert", "BAB", "B"),
         "Exact match on forename"),
    ],
)  # fmt: skip
def test_forename_comparison_canonical_level_between_exact_and_phonetic(left, right, label):
    assert level_of("forename", left, right) == label


def test_forename_comparison_without_canonical_column_has_no_canonical_level():
    labels = [str(level["label_for_charts"]) for level in _levels("forename", set(FORENAME))]
    assert "canonical forenames agree" not in labels


ADDRESS = ("address", "address_number_street", "address_number_postcode", "address_street")


def _address(full: str | None, building: str | None, postcode: str | None, street: str | None):
    return dict(zip(ADDRESS, (full, building, postcode, street), strict=True))


@pytest.mark.parametrize(
    ("left", "right", "label"),
    [
        # Flat 1, 21 Ash Grove and 21A Ash Grove: different addresses, one building.
        (_address("f1", "b21", "p21", "s"), _address("f2", "b21", None, "s"),
         "same building (house number and street or postcode)"),
        # Ash Gr/Ashgrove misread as another street, the postcode still places the building.
        (_address("f1", "b21", "p21", "s"), _address("f3", "b21x", "p21", "t"),
         "same building (house number and street or postcode)"),
        (_address("f1", "b21", "p21", "s"), _address("f4", "b23", "p23", "s"), "street agrees"),
        (_address("f1", "b21", "p21", "s"), _address("f1", "b21", "p21", "s"),
         "Exact match on address"),
        # A different address (a move) is no evidence against: the postcode weighs moves.
        (_address("f1", "b21", "p21", "s"), _address("f5", None, None, None),
         "address differs (no evidence)"),
        (_address("f1", "b21", "p21", "s"), _address("f6", "b9", "p9", "t"),
         "address differs (no evidence)"),
        (_address(None, None, None, None), _address("f1", "b21", "p21", "s"), "address is NULL"),
    ],
)  # fmt: skip
def test_address_comparison_building_then_street(left, right, label):
    assert level_of("address", left, right) == label


def test_address_comparison_difference_is_a_null_level():
    levels = _levels("address", set(ADDRESS))
    assert [level.get("is_null_level", False) for level in levels] == [
        True,
        False,
        False,
        False,
        True,
    ]


def test_address_comparison_only_when_inputs_have_address_tokens():
    settings = ProbabilisticSettings(comparisons=("surname", "address"), term_frequency=())
    assert len(comparisons({"surname"}, settings)) == 1
    assert len(comparisons({"surname", *ADDRESS}, settings)) == 2
