"""Bad input gives a clear error or a finding, never a hang, a crash or a leaked value."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from safelink.detect import scan
from safelink.errors import InputError


def test_scan_missing_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        scan(tmp_path / "absent.csv")


def test_scan_binary_junk_raises_input_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.parquet"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(InputError):
        scan(path)


def test_scan_mixed_encoding_raises_input_error_without_values(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"surname,notes\nSmith,ok\n" + "Zo\xeb,caf\xe9\n".encode("cp1252"))
    with pytest.raises(InputError) as caught:
        scan(path)
    assert "Zo" not in str(caught.value)


def test_scan_megabyte_strings_finishes_with_a_finding() -> None:
    big = ("word " * 200_000)[:1_000_000]
    frame = pl.DataFrame({"blob": [big, big + " NHS number 999 000 0018"], "id": ["1", "2"]})
    report = scan(frame, free_text=["blob"])
    assert report.free_text[0].rows_with.get("NHS_NUMBER") == 1


def test_scan_unknown_free_text_column_raises_input_error() -> None:
    with pytest.raises(InputError, match="free-text"):
        scan(pl.DataFrame({"a": ["1"]}), free_text=["notes"])


def test_scan_bad_settings_raise_input_error() -> None:
    with pytest.raises(InputError, match="sample"):
        scan(pl.DataFrame({"a": ["1"]}), sample=0)


def test_scan_pandas_frame_matches_polars() -> None:
    frame = pl.DataFrame({"nhs_no": ["999 000 0018", "9990000026"], "x": ["a", "b"]})
    assert scan(frame.to_pandas()).direct_columns == scan(frame).direct_columns == ("nhs_no",)
