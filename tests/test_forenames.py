"""Canonical forenames: the bundled variants table and its groups."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from safelink.normalise import normalise_name
from safelink.normalise.forenames import (
    GROUPING_KINDS,
    canonical_forename_text,
    forename_canonical,
    forename_canonical_table,
    forename_group,
    forename_table,
)

DATA = Path(__file__).resolve().parents[1] / "src" / "safelink" / "data"


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Bob", "ROBERT"),
        ("Robert", "ROBERT"),
        ("Siân", "JANE"),
        ("Seán", "JOHN"),
        ("Eoin", "JOHN"),
        ("Jack", "JOHN"),
        ("Síle", "SHEILA"),
        ("Muhammad", "MOHAMMED"),
        ("Mohamed", "MOHAMMED"),
        ("Mohammad", "MOHAMMED"),
        ("Ahmad", "AHMED"),
        ("Yousef", "YUSUF"),
        ("Fatimah", "FATIMA"),
        ("Steve", "STEPHEN"),
        ("Steven", "STEPHEN"),
    ],
)
def test_forename_canonical_known_variant_gives_group_head(name: str, canonical: str) -> None:
    normalised = normalise_name(pl.Series([name])).values
    assert forename_canonical(normalised).to_list() == [canonical]


@pytest.mark.parametrize("name", ["SAM", "CHRIS", "HARRY", "ALEX", "MO", "WEI", "EMMA"])
def test_forename_canonical_ambiguous_or_adopted_name_stays_itself(name: str) -> None:
    assert forename_canonical(pl.Series([name])).to_list() == [name]


def test_forename_canonical_twins_names_stay_apart() -> None:
    values = forename_canonical(pl.Series(["HASSAN", "HUSSAIN", "SAMUEL", "SAMANTHA"]))
    assert len(set(values.to_list())) == 4


def test_forename_canonical_multi_part_maps_each_part_and_keeps_nulls() -> None:
    values = forename_canonical(pl.Series(["BOB JAMES", None, "MARY JANE", "ZZYZX"]))
    assert values.to_list() == ["ROBERT JAMES", None, "MARY JANE", "ZZYZX"]


def test_canonical_forename_text_is_idempotent() -> None:
    table = forename_canonical_table()
    for value in table:
        once = canonical_forename_text(value, table)
        assert canonical_forename_text(once, table) == once


def test_forename_table_rows_are_documented() -> None:
    table = forename_table()
    assert table.columns == ["name", "variant", "kind", "source", "edition"]
    assert table.null_count().sum_horizontal().item() == 0
    kinds = set(table.get_column("kind").to_list())
    assert kinds <= GROUPING_KINDS | {"anglicised", "ambiguous"}
    assert set(table.get_column("edition").to_list()) == {"1", "2"}
    readme = (DATA / "NICKNAMES.md").read_text(encoding="utf-8")
    for source in set(table.get_column("source").to_list()):
        assert f"`{source}`" in readme


def test_forename_group_lists_members_in_file_order() -> None:
    group = forename_group("JOHN")
    assert group[0] == "John"
    assert {"Jack", "Seán", "Eoin", "Iain"} <= set(group)
    assert forename_group("ZZYZX") == ()
