"""verify's CSV check: the bytes the release writes, a slice at a time; else cell by cell."""

from __future__ import annotations

import sys
from typing import Any

import polars as pl
import pytest

from safelink.release import verify

from .conftest import Pipeline
from .test_release_tamper import _resign_with_csv


def _csv_check(report: Any) -> Any:
    return next(c for c in report.checks if c.name == "csv matches parquet")


def test_verify_csv_as_written_passes_without_reading_it_as_a_table(
    bundle_copy, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = bundle_copy()
    rows = pl.read_parquet(directory / "data.parquet").height
    monkeypatch.setattr(
        sys.modules["safelink.release.verify"], "_CSV_SLICE_ROWS", max(rows // 3, 1)
    )  # several slices

    def whole(*args: object, **kwargs: object) -> pl.DataFrame:
        raise AssertionError("the CSV was read whole")

    monkeypatch.setattr(pl, "read_csv", whole)
    report = verify(directory, pipeline.public_key)
    assert report.ok
    assert _csv_check(report).detail == f"same columns, {rows:,} rows and every value"


def test_verify_csv_other_bytes_same_values_passes_cell_by_cell(bundle_copy, pipeline) -> None:
    directory = bundle_copy()
    data = pl.read_csv(directory / "data.csv", infer_schema=False)
    _resign_with_csv(directory, pipeline, data.write_csv(line_terminator="\r\n"))
    report = verify(directory, pipeline.public_key)
    assert report.ok
    assert _csv_check(report).detail == f"same columns, {data.height:,} rows and every value"


def test_verify_csv_with_an_extra_row_fails(bundle_copy, pipeline) -> None:
    directory = bundle_copy()
    text = (directory / "data.csv").read_text()
    last = text.splitlines(keepends=True)[-1]
    _resign_with_csv(directory, pipeline, text + last)
    report = verify(directory, pipeline.public_key)
    assert [c.name for c in report.failures] == ["csv matches parquet"]
    assert "rows in data.csv" in report.failures[0].detail
