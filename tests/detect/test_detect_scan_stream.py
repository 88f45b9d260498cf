"""``scan`` of a file streams it: the same report as the same data in memory, never read whole."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from safelink.detect import scan
from safelink.detect.columns import ClassifySettings
from safelink.detect.sampled import sample_file
from safelink.infra.io import read_frame
from tests.detect.corpus import Label


def _without_source(report: Any) -> dict[str, Any]:
    document = dict(report.to_dict())
    document.pop("source")
    return document


def _typed(frame: pl.DataFrame) -> pl.DataFrame:
    """The corpus with typed columns too: numbers with gaps, a counter with one repeat, blanks."""
    rows = frame.height
    return frame.with_columns(
        pl.Series("visits", [None if i % 7 == 0 else i % 13 for i in range(rows)], pl.Int64),
        pl.Series("line_no", [*range(1, rows), 5]).cast(pl.String),
        pl.Series("seq", range(1000, 1000 + rows), pl.Int32),
        pl.Series("remark", ["" if i % 3 else "seen" for i in range(rows)]),
    )


@pytest.mark.parametrize("sample", [300, 5_000])
@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_scan_file_streamed_matches_the_same_data_in_memory(
    corpus: tuple[pl.DataFrame, dict[str, Label]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
    sample: int,
) -> None:
    frame = _typed(corpus[0])
    path = tmp_path / f"extract{suffix}"
    if suffix == ".csv":
        frame.write_csv(path)
    else:
        frame.write_parquet(path, row_group_size=450)  # several row groups and batches
    # What scan gave before it streamed: the whole file read, then sampled in memory.
    expected = _without_source(scan(read_frame(path), sample=sample, seed=3))

    def whole(*args: Any, **kwargs: Any) -> pl.DataFrame:
        raise AssertionError("scan read the whole file")

    monkeypatch.setattr(sys.modules["safelink.detect.scan"], "read_frame", whole)
    streamed = scan(path, sample=sample, seed=3)
    assert _without_source(streamed) == expected
    counters = {
        p.column for p in streamed.columns if p.finding and p.finding.entity == "ROW_COUNTER"
    }
    assert "seq" in counters and "line_no" not in counters


def test_sample_file_draws_what_series_sample_draws(tmp_path: Path) -> None:
    values = [None if i % 5 == 0 else f"v{i}" for i in range(3_000)]
    pl.DataFrame({"a": values}).write_parquet(tmp_path / "a.parquet", row_group_size=700)
    settings = ClassifySettings(sample=100, seed=11)
    drawn = sample_file(tmp_path / "a.parquet", settings).columns[0]
    expected = pl.Series("a", values).drop_nulls().sample(100, seed=11)
    assert drawn.sample.to_list() == expected.to_list()
    assert drawn.non_empty == 2_400


def test_scan_header_only_file_reports_its_empty_columns(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("nhs_number,surname\n", encoding="utf-8")
    report = scan(path)
    assert report.rows == 0
    assert [p.column for p in report.columns] == ["nhs_number", "surname"]
    assert all(p.sampled == 0 and p.non_empty == 0 for p in report.columns)
