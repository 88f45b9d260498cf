"""The engine-neutral recoding steps: the backends' value join and the local Frame's steps."""

from __future__ import annotations

import polars as pl
import pytest

from safelink.disclosure.frame import Frame
from safelink.engines.backend import DuckDBBackend, PolarsBackend


@pytest.mark.parametrize("backend", [PolarsBackend(), DuckDBBackend()], ids=["polars", "duckdb"])
def test_recode_backend_maps_values_and_missing_rows_in_place(backend: object) -> None:
    data = pl.DataFrame({"id": list(range(6)), "x": ["b", None, "a", "c", "b", None]})
    mapping = pl.DataFrame({"__o": ["a", "b", None], "__g": ["A", "B", "*"]})
    out = backend.collect(backend.recode(data, "x", mapping))  # type: ignore[attr-defined]
    if isinstance(backend, DuckDBBackend):
        out = out.sort("id")
    assert out.columns == ["id", "x"]
    assert out["id"].to_list() == list(range(6))
    assert out["x"].to_list() == ["B", "*", "A", None, "B", "*"]  # "c" is not listed


def test_frame_generalise_keeps_row_order_and_records_changes() -> None:
    data = pl.DataFrame(
        {"id": list(range(5)), "postcode": ["LS1 4AP", None, "M1 1AE", "ls14ap", "B33 8TH"]}
    )
    out = Frame(data, quasi=["postcode"]).generalise("postcode", to="area")
    assert out.to_polars()["id"].to_list() == list(range(5))
    assert out.to_polars()["postcode"].to_list() == ["LS", None, "M", "LS", "B"]
    assert out.transformations[-1].cells_changed == 4


def test_frame_top_code_text_numbers_read_as_numbers() -> None:
    data = pl.DataFrame({"q": ["a", "b", "c"], "age": ["95", None, "40.5"]})
    out = Frame(data, quasi=["q"]).top_code("age", 90)
    assert out.to_polars()["age"].to_list() == [90.0, None, 40.5]
    assert out.transformations[-1].cells_changed == 1
