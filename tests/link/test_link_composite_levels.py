"""Comparison levels over keyed composites: sex, date-of-birth parts, initials, postcode parts."""

from __future__ import annotations

from typing import Any

import duckdb
import pytest

from safelink.config import ProbabilisticSettings
from safelink.link.comparisons import comparisons


def level_of(name: str, left: dict[str, str | None], right: dict[str, str | None]) -> str:
    """The label of the first level of comparison ``name`` that the pair falls in."""
    settings = ProbabilisticSettings(comparisons=(name,), term_frequency=())
    (comparison,) = comparisons(set(left), settings)
    levels: list[dict[str, Any]] = comparison.get_comparison("duckdb").as_dict()[
        "comparison_levels"
    ]
    row = {f"{c}_l": v for c, v in left.items()} | {f"{c}_r": v for c, v in right.items()}
    select = ", ".join(f"CAST(? AS VARCHAR) AS {c}" for c in row)
    with duckdb.connect() as con:
        for level in levels:
            if level["sql_condition"] == "ELSE":
                return str(level["label_for_charts"])
            sql = f"SELECT ({level['sql_condition']}) FROM (SELECT {select})"
            found = con.execute(sql, list(row.values())).fetchone()
            if found is not None and found[0]:
                return str(level["label_for_charts"])
    raise AssertionError("no level matched")


SEX = ("date_of_birth", "date_of_birth_sex", "postcode", "postcode_sex")
AGREE = "sex agrees (same birth date or postcode)"
DIFFER = "sex differs (same birth date or postcode)"
NO_EVIDENCE = "birth dates and postcodes differ (no evidence)"
TWO = "two of year, month, day agree"
PARTIAL = "partial date: year and month agree"


def sex(dob: str | None, dob_sex: str | None, pc: str | None, pc_sex: str | None) -> dict:
    return dict(zip(SEX, (dob, dob_sex, pc, pc_sex), strict=True))


@pytest.mark.parametrize(
    ("left", "right", "label"),
    [
        (sex("d1", "d1F", "p1", "p1F"), sex("d1", "d1F", "p2", "p2F"), AGREE),
        (sex("d1", "d1F", "p1", "p1F"), sex("d2", "d2F", "p1", "p1F"), AGREE),
        # A brother and sister at one address; two people born the same day.
        (sex("d1", "d1F", "p1", "p1F"), sex("d2", "d2M", "p1", "p1M"), DIFFER),
        (sex("d1", "d1F", "p1", "p1F"), sex("d1", "d1M", "p2", "p2M"), DIFFER),
        # Neither the birth date nor the postcode agrees: sex says nothing.
        (sex("d1", "d1F", "p1", "p1F"), sex("d2", "d2M", "p2", "p2M"), NO_EVIDENCE),
        (sex(None, None, None, None), sex("d2", "d2M", "p2", "p2M"), "sex missing"),
    ],
)  # fmt: skip
def test_sex_comparison_through_composites(left, right, label):
    assert level_of("sex", left, right) == label


DOB = (
    "date_of_birth", "date_of_birth_year_month", "date_of_birth_year_day",
    "date_of_birth_month_day_forename_initial",
)  # fmt: skip


def dob(full: str | None, ym: str | None, yd: str | None, mdi: str | None) -> dict:
    return dict(zip(DOB, (full, ym, yd, mdi), strict=True))


@pytest.mark.parametrize(
    ("left", "right", "label"),
    [
        (dob("a", "ym", "yd", "mdi"), dob("a", "ym", "yd", "mdi"), "Exact match on date_of_birth"),
        (dob("a", "ym", "yd1", "mdi1"), dob("b", "ym", "yd2", "mdi2"), TWO),
        (dob("a", "ym1", "yd1", "mdi"), dob("b", "ym2", "yd2", "mdi"), TWO),
        (dob(None, "ym", None, None), dob("b", "ym", "yd", "mdi"), PARTIAL),
        (dob("a", "ym1", "yd1", "mdi1"), dob("b", "ym2", "yd2", "mdi2"), "All other comparisons"),
    ],
)  # fmt: skip
def test_dob_comparison_two_parts_of_three_through_composites(left, right, label):
    assert level_of("date_of_birth", left, right).startswith(label.split(" on ")[0])


def test_name_comparisons_compare_initials_through_composites():
    forename = ("forename", "surname", "forename_initial_postcode")
    left = dict(zip(forename, ("bob", "smith", "R|p1"), strict=True))
    right = dict(zip(forename, ("robert", "smyth", "R|p1"), strict=True))
    assert level_of("forename", left, right) == "initial and postcode agree"
    surname = ("surname", "forename", "surname_initial_forename")
    left = dict(zip(surname, ("smith", "ann", "S|ann"), strict=True))
    right = dict(zip(surname, ("smyth", "ann", "S|ann"), strict=True))
    assert level_of("surname", left, right) == "initial and forename agree"


def test_postcode_comparison_reads_parts_keyed_with_birth_year():
    columns = (
        "postcode",
        "postcode_sector_date_of_birth_year",
        "postcode_district_date_of_birth_year",
    )
    left = dict(zip(columns, ("p1", "s|1978", "d|1978"), strict=True))
    right = dict(zip(columns, ("p2", "s|1978", "d|1978"), strict=True))
    assert level_of("postcode", left, right) == "sector and birth year agree"
    right = dict(zip(columns, ("p2", "s2|1978", "d|1978"), strict=True))
    assert level_of("postcode", left, right) == "district and birth year agree"
