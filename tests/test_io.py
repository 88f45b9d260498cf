from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import polars as pl
import pytest

from safelink.errors import InputError, OutputError
from safelink.io import (
    atomic_directory,
    atomic_path,
    iter_batches,
    read_frame,
    to_polars,
    write_csv_safe,
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_read_frame_csv_keeps_leading_zeros_as_text(tmp_path: Path):
    path = write(tmp_path, "a.csv", b"id,chi\n1,0101011234\n")
    frame = read_frame(path)
    assert frame.schema == {"id": pl.String, "chi": pl.String}
    assert frame["chi"].to_list() == ["0101011234"]


def test_read_frame_empty_file_clear_error(tmp_path: Path):
    with pytest.raises(InputError, match="empty"):
        read_frame(write(tmp_path, "e.csv", b""))


def test_read_frame_header_only_gives_empty_frame(tmp_path: Path):
    frame = read_frame(write(tmp_path, "h.csv", b"a,b\n"))
    assert frame.columns == ["a", "b"] and frame.height == 0


def test_read_frame_duplicate_headers_refused(tmp_path: Path):
    with pytest.raises(InputError, match=r"line 1: duplicated column names \['a'\]"):
        read_frame(write(tmp_path, "d.csv", b"a,b,a\n1,2,3\n"))


def test_read_frame_ragged_row_names_line_without_values(tmp_path: Path):
    path = write(tmp_path, "r.csv", b"a,b\n1,2\n3,4\nSECRETVALUE,5,6\n")
    with pytest.raises(InputError) as info:
        read_frame(path)
    message = str(info.value)
    assert "line 4" in message and "3 fields" in message
    assert "SECRETVALUE" not in message


def test_read_frame_undecodable_text_suggests_encoding(tmp_path: Path):
    path = write(tmp_path, "l.csv", "name\nJosé £5\n".encode("cp1252"))
    with pytest.raises(InputError, match="encoding"):
        read_frame(path)
    assert read_frame(path, encoding="cp1252")["name"].to_list() == ["José £5"]


def test_read_frame_bom_stripped_from_header(tmp_path: Path):
    frame = read_frame(write(tmp_path, "b.csv", "\ufeffa,b\n1,2\n".encode()))
    assert frame.columns == ["a", "b"]


def test_read_frame_embedded_newlines_and_quotes(tmp_path: Path):
    frame = read_frame(write(tmp_path, "q.csv", b'a,b\n"line1\nline2","say ""hi"""\n'))
    assert frame.row(0) == ("line1\nline2", 'say "hi"')


def test_read_frame_directory_and_missing_and_wrong_type(tmp_path: Path):
    with pytest.raises(InputError, match="is a directory"):
        read_frame(tmp_path)
    with pytest.raises(InputError, match="not found"):
        read_frame(tmp_path / "nope.csv")
    with pytest.raises(InputError, match="unsupported file type"):
        read_frame(write(tmp_path, "x.xlsx", b"PK"))


def test_read_frame_corrupt_parquet_clear_error(tmp_path: Path):
    with pytest.raises(InputError, match="Parquet"):
        read_frame(write(tmp_path, "c.parquet", b"not parquet"))


def test_read_frame_missing_column_named(tmp_path: Path):
    path = write(tmp_path, "m.csv", b"a,b\n1,2\n")
    with pytest.raises(InputError, match=r"missing column\(s\) \['c'\]"):
        read_frame(path, columns=["a", "c"])


def test_iter_batches_streams_in_order(tmp_path: Path):
    rows = "\n".join(f"{i},x{i}" for i in range(50_000))
    path = write(tmp_path, "big.csv", f"n,s\n{rows}\n".encode())
    batches = list(iter_batches(path, batch_rows=5_000))
    assert sum(b.num_rows for b in batches) == 50_000
    joined = pl.concat([pl.from_arrow(b) for b in batches])
    assert joined["n"].to_list()[:3] == ["0", "1", "2"]


def test_to_polars_ignores_pandas_index():
    frame = pd.DataFrame({"a": [1, 2]}, index=[10, 5])
    assert to_polars(frame)["a"].to_list() == [1, 2]
    with pytest.raises(InputError):
        to_polars([1, 2])


def test_atomic_path_failure_leaves_previous_output(tmp_path: Path):
    target = tmp_path / "out.json"
    target.write_text("previous")
    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_text("half")
        raise RuntimeError("crash mid-write")
    assert target.read_text() == "previous"
    assert os.listdir(tmp_path) == ["out.json"]


def test_atomic_directory_complete_or_absent(tmp_path: Path):
    target = tmp_path / "bundle"
    with pytest.raises(RuntimeError), atomic_directory(target) as temporary:
        (temporary / "a").write_text("x")
        raise RuntimeError("crash")
    assert not target.exists() and os.listdir(tmp_path) == []
    with atomic_directory(target) as temporary:
        (temporary / "a").write_text("x")
    assert (target / "a").read_text() == "x"
    with pytest.raises(OutputError, match="already exists"), atomic_directory(target):
        pass


def test_write_csv_safe_neutralises_formulas(tmp_path: Path):
    frame = pl.DataFrame({"a": ["=1+1", "+44", "-3", "@SUM(A1)", "\tx", "plain"], "n": range(6)})
    path = write_csv_safe(frame, tmp_path / "x.csv")
    cells = [line.split(",")[0] for line in path.read_text().splitlines()[1:]]
    assert cells[:4] == ["'=1+1", "'+44", "'-3", "'@SUM(A1)"]
    assert cells[5] == "plain"


def test_atomic_path_removes_temporaries_a_killed_run_left(tmp_path: Path):
    target = tmp_path / "out.parquet"
    (tmp_path / ".out.parquet.tmp-deadbeef0001").write_text("half")
    (tmp_path / ".out.parquet.tmp-deadbeef0002").mkdir()
    (tmp_path / ".other.json.tmp-deadbeef0003").write_text("someone else's")
    with atomic_path(target) as temporary:
        temporary.write_text("whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".other.json.tmp-deadbeef0003",
        "out.parquet",
    ]
