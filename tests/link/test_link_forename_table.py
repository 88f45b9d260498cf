"""Tokens files record their forename table's version, and link refuses two that differ."""

from __future__ import annotations

import importlib
from pathlib import Path

import polars as pl
import pytest

from safelink.config import parse_config
from safelink.errors import LinkageError
from safelink.keys import Keyring
from safelink.link import link
from safelink.normalise import forename_table_version
from safelink.pseudonymise import pseudonymise_file, read_tokens_metadata


def _config(kind: str) -> object:
    return parse_config(
        {
            "project": "test",
            "sources": {
                name: {"columns": {"first": {"role": "identifier", "kind": kind}}}
                for name in ("a", "b")
            },
        }
    )


def _tokens(tmp_path: Path, keyring: Keyring, source: str, kind: str = "forename") -> Path:
    extract = tmp_path / f"{source}.csv"
    pl.DataFrame({"first": ["Bob", "Robert", "Siân", "Peggy"]}).write_csv(extract)
    pseudonymise_file(extract, _config(kind), keyring, tmp_path / "out", source=source)
    return tmp_path / "out" / f"{source}.tokens.parquet"


def test_tokens_metadata_records_forename_table_version(keyring: Keyring, tmp_path: Path) -> None:
    metadata = read_tokens_metadata(_tokens(tmp_path, keyring, "a"))
    assert metadata["forename_table"] == forename_table_version()
    assert forename_table_version().startswith("sha256:") and len(forename_table_version()) == 23
    # Without canonical-forename tokens there is no table to record.
    assert "forename_table" not in read_tokens_metadata(_tokens(tmp_path, keyring, "b", "surname"))


def test_link_refuses_tokens_made_with_different_forename_tables(
    keyring: Keyring, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _tokens(tmp_path, keyring, "a")
    module = importlib.import_module("safelink.pseudonymise.tokenise")
    monkeypatch.setattr(module, "forename_table_version", lambda: "sha256:" + "0" * 16)
    second = _tokens(tmp_path, keyring, "b")
    with pytest.raises(LinkageError, match="different forename tables") as caught:
        link([first, second])
    assert forename_table_version() in str(caught.value)
    assert "sha256:" + "0" * 16 in str(caught.value)
