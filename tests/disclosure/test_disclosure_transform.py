"""Hierarchies, the Frame's transformations, the search and small-number tables."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from safelink.disclosure import (
    AgeHierarchy,
    DateHierarchy,
    Frame,
    PostcodeHierarchy,
    SmallNumberPolicy,
    TableHierarchy,
    load_table_hierarchy,
    minimal_generalisation,
    protect_counts,
    protect_statistics,
    secondary_suppression,
)
from safelink.errors import ConfigError, DisclosureRiskError, InputError

CONFIGS = Path(__file__).resolve().parents[2] / "configs"


def _apply(h, values, level):  # type: ignore[no-untyped-def]
    return pl.DataFrame({"v": values}).select(h.expr("v", level).alias("v"))["v"].to_list()


def test_age_hierarchy_bands_nest_and_top_code() -> None:
    h = AgeHierarchy(widths=(5, 20), top=90)
    assert _apply(h, [0, 17, 89, 90, 104, None], 1) == ["0-4", "15-19", "85-89", "90+", "90+", None]
    assert _apply(h, [0, 17, 89, 90], 2) == ["0-19", "0-19", "80-89", "90+"]


def test_age_hierarchy_widths_not_nested_config_error() -> None:
    with pytest.raises(ConfigError, match="do not nest"):
        AgeHierarchy(widths=(10, 25))


@pytest.mark.parametrize("width", [0, -5])
def test_generalise_age_band_non_positive_width_config_error(width: int) -> None:
    df = pl.DataFrame({"age": [4, 37, 81], "sex": ["F", "M", "F"]})
    with pytest.raises(ConfigError, match="positive"):
        Frame(df, quasi=["age", "sex"]).generalise("age", to="age_band", width=width)


def test_date_hierarchy_month_quarter_year() -> None:
    h = DateHierarchy()
    d = [dt.date(2024, 5, 17), None]
    assert _apply(h, d, 1) == ["2024-05", None]
    assert _apply(h, d, 2) == ["2024-Q2", None]
    assert _apply(h, ["2024-05-17"], 3) == ["2024"]


def test_postcode_hierarchy_sector_district_area() -> None:
    h = PostcodeHierarchy()
    codes = ["sw1a 1aa", "LS1 4AP", "M1 1AE"]
    assert _apply(h, codes, 1) == ["SW1A 1", "LS1 4", "M1 1"]
    assert _apply(h, codes, 2) == ["SW1A", "LS1", "M1"]
    assert _apply(h, codes, 3) == ["SW", "LS", "M"]


def test_generalise_dob_to_age_band_uses_reference_date() -> None:
    df = pl.DataFrame({"dob": ["1990-04-01", "1990-03-31", "2000-01-01"], "sex": ["F"] * 3})
    frame = Frame(df, quasi=["dob", "sex"]).generalise(
        "dob", to="age_band", width=5, reference=dt.date(2025, 3, 31)
    )
    assert frame.to_polars()["dob"].to_list() == ["30-34", "35-39", "25-29"]
    step = frame.transformations[-1]
    assert (step.column, step.level, step.cells_changed) == ("dob", "band5", 3)
    assert step.to_dict()["parameters"]["reference"] == "2025-03-31"


def test_generalise_invalid_postcode_error_masks_value() -> None:
    df = pl.DataFrame({"postcode": ["LS1 4AP", "NOT A PC"]})
    with pytest.raises(InputError) as info:
        Frame(df, quasi=["postcode"]).generalise("postcode", to="district")
    assert "NOT A PC" not in str(info.value) and "'postcode'" in str(info.value)


def test_table_hierarchy_uncovered_category_named_unless_identifying() -> None:
    h = load_table_hierarchy(CONFIGS / "hierarchies" / "ethnicity-ons-19-to-5.yaml")
    assert len(h.table["code"]) == 19 and set(h.table["group"]) == {
        "White",
        "Mixed or Multiple",
        "Asian or Asian British",
        "Black or Black British",
        "Other ethnic group",
    }
    df = pl.DataFrame({"eth": ["A", "Q9"]})
    with pytest.raises(InputError, match="Q9"):
        Frame(df, quasi=["eth"]).generalise("eth", to="group", hierarchy=h)
    with pytest.raises(InputError) as info:
        Frame(df, quasi=["eth"], identifying=["eth"]).generalise("eth", to="group", hierarchy=h)
    assert "Q9" not in str(info.value)


def test_table_hierarchy_from_csv(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("code,group\nA,W\nB,W\nM,B\n", encoding="utf-8")
    h = load_table_hierarchy(path)
    assert _apply(h, ["A", "M"], 1) == ["W", "B"]
    assert h.levels == ("code", "group", "*")


def test_top_code_and_suppress_record_transformations() -> None:
    df = pl.DataFrame({"age": [20, 95, 99, 20], "sex": ["F", "F", "F", "M"]})
    frame = Frame(df, quasi=["age", "sex"]).top_code("age", 90).suppress(k=2)
    steps = [t.to_dict() for t in frame.transformations]
    assert steps[0]["action"] == "top_code" and steps[0]["cells_changed"] == 2
    assert steps[1]["action"] == "suppress" and steps[1]["rows_suppressed"] == 2
    assert frame.to_polars()["age"].to_list() == [90, 90]


def test_frame_pandas_in_pandas_out() -> None:
    import pandas as pd

    df = pd.DataFrame({"age": [20, 21], "sex": ["F", "F"]}, index=[10, 11])
    frame = Frame(df, quasi=["age", "sex"]).generalise("age", to="age_band", width=10)
    assert isinstance(frame.data, pd.DataFrame)
    assert frame.data["age"].tolist() == ["20-29", "20-29"]


def _search_data(rows: int = 3000) -> pl.DataFrame:
    rng = np.random.default_rng(3)
    return pl.DataFrame(
        {
            "age": rng.integers(0, 100, rows),
            "sex": rng.choice(["F", "M"], rows),
            "eth": rng.choice(list("ABCDEF"), rows),
        }
    )


HIER = {
    "age": AgeHierarchy(widths=(10, 20), top=90),
    "sex": TableHierarchy(name="sex", table={"sex": ("F", "M")}),
    "eth": TableHierarchy(name="eth", table={"eth": tuple("ABCDEF"), "grp": tuple("XXXYYY")}),
}


def test_minimal_generalisation_small_lattice_matches_brute_force() -> None:
    df = _search_data()
    result = minimal_generalisation(df, HIER, k=20, max_suppression=0.02, runners_up=3)
    assert result.optimal
    # brute force: apply each node with Frame, suppress, and compare losses
    best = None
    for node in itertools.product(*(range(len(h.levels)) for h in HIER.values())):
        frame = Frame(df, quasi=list(HIER))
        for (column, h), level in zip(HIER.items(), node, strict=True):
            if level:
                frame = frame.generalise(column, to=h.levels[level], hierarchy=h)
        sizes = frame.to_polars().group_by(list(HIER)).len()
        suppressed = int(sizes.filter(pl.col("len") < 20)["len"].sum())
        if suppressed <= 0.02 * df.height:
            dm = (
                float((sizes.filter(pl.col("len") >= 20)["len"] ** 2).sum())
                + suppressed * df.height
            )
            best = node if best is None else best
            if node == result.best.node:
                assert result.best.discernibility == pytest.approx(dm)
    assert best is not None
    chosen = Frame(df, quasi=list(HIER))
    for column, level in result.best.levels.items():
        if level != HIER[column].levels[0]:
            chosen = chosen.generalise(column, to=level, hierarchy=HIER[column])
    assert chosen.suppress(20).k_anonymity().k >= 20
    losses = [result.best.non_uniform_entropy, *(c.non_uniform_entropy for c in result.runners_up)]
    assert losses == sorted(losses)


def test_minimal_generalisation_heuristic_meets_target() -> None:
    df = _search_data()
    result = minimal_generalisation(df, HIER, k=20, max_suppression=0.02, exact_limit=1)
    assert not result.optimal
    assert result.best.suppressed_share <= 0.02


def test_minimal_generalisation_impossible_raises_risk_error() -> None:
    df = _search_data(30)
    with pytest.raises(DisclosureRiskError):
        minimal_generalisation(df, HIER, k=50, max_suppression=0.0)


def test_small_numbers_primary_rounding_and_secondary() -> None:
    df = pl.DataFrame(
        {
            "area": ["a"] * 3 + ["a"] * 20 + ["b"] * 30 + ["b"] * 12,
            "sex": ["F"] * 3 + ["M"] * 20 + ["F"] * 30 + ["M"] * 12,
        }
    )
    result = protect_counts(df, rows=["area"], column="sex")
    table = result.table
    # a/F = 3 is primary; row a and column F then need a second suppressed cell each
    assert table.filter(pl.col("area") == "a")["F"].item() == "*"
    assert result.primary == 1 and result.secondary >= 2
    for row in table.iter_rows():
        assert sum(cell == "*" for cell in row[1:]) != 1
    for column in table.columns[1:]:
        assert (table[column] == "*").sum() != 1
    assert table.filter(pl.col("area") == "b")["M"].item() in ("10", "*")


def test_secondary_suppression_no_line_with_one_suppressed_cell() -> None:
    grid = np.array([[3, 10, 13], [9, 20, 29], [12, 30, 42]])
    mask = secondary_suppression(grid, (grid >= 1) & (grid <= 7))
    assert all(mask[i, :].sum() != 1 for i in range(3))
    assert all(mask[:, j].sum() != 1 for j in range(3))


def test_protect_statistics_fewer_than_eight_people_suppressed() -> None:
    df = pl.DataFrame({"g": ["a"] * 7 + ["b"] * 8, "los": list(range(15))})
    out = protect_statistics(df, by=["g"], value="los", policy=SmallNumberPolicy())
    assert out.filter(pl.col("g") == "a").row(0)[1:] == ("*", "*", "*")
    assert out.filter(pl.col("g") == "b")["mean"].item() == "10.5"


def test_suppress_that_would_remove_every_row_is_a_disclosure_risk() -> None:
    import polars as pl
    import pytest

    from safelink.disclosure import Frame
    from safelink.errors import DisclosureRiskError

    unique = pl.DataFrame({"age": [20, 31, 42], "sex": ["F", "M", "F"]})
    with pytest.raises(DisclosureRiskError, match="remove every row"):
        Frame(unique, quasi=["age", "sex"]).suppress(k=5)


def test_frame_class_table_counted_once_and_reused_after_suppression(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from safelink.disclosure.equivalence import ClassTable

    counted: list[int] = []
    of_frame = ClassTable.of_frame

    def counting(data: pl.DataFrame, *args: object, **kwargs: object) -> ClassTable:
        counted.append(data.height)
        return of_frame(data, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ClassTable, "of_frame", staticmethod(counting))
    df = pl.DataFrame({"age": [20, 95, 99, 20, 20, 95], "sex": ["F", "F", "F", "M", "M", "F"]})
    frame = Frame(df, quasi=["age", "sex"]).top_code("age", 90).suppress(k=2)
    assert counted == [6, 5]  # the suppression's rounds: six rows, then the five kept
    summary = frame.k_anonymity()
    assert frame.class_table() is frame.class_table()
    assert counted == [6, 5]  # the kept records' table is the suppression's last one
    assert (summary.k, summary.rows, summary.classes) == (2, 5, 2)
    kept = frame.top_code("age", 50)  # new records: counted again, once
    assert kept.k_anonymity().k == 2 and kept.class_table() is kept.class_table()
    assert counted == [6, 5, 5]
