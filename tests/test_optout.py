"""Opt-out lists: tokenised as NHS numbers are, applied when pseudonymising, counted only."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import polars as pl
import pytest

from safelink.config import parse_config
from safelink.errors import ConfigError, InputError
from safelink.governance.optout import load_opt_outs
from safelink.keys import Keyring
from safelink.pseudonymise import output_paths, pseudonymise, pseudonymise_file
from safelink.pseudonymise.tokens_format import read_tokens
from safelink.synthetic.testing import synthetic_nhs_numbers

NHS = synthetic_nhs_numbers(6, seed=5)
DOCUMENT = {
    "project": "test",
    "sources": {
        "hospital": {
            "columns": {
                "nhs": {"role": "identifier", "kind": "nhs_number"},
                "dob": {"role": "identifier", "kind": "date_of_birth"},
                "diagnosis": "content",
            }
        }
    },
}


def _frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "nhs": [f"{n[:3]} {n[3:6]} {n[6:]}" for n in NHS] + [None],
            "dob": ["1970-01-01"] * 7,
            "diagnosis": ["I10", "E11", "J45", "F32", "C50", "I10", "E11"],
        }
    )


def _config(opt_outs: Path | None):
    job = parse_config(DOCUMENT)
    if opt_outs is None:
        return job
    governance = parse_config(
        {
            **DOCUMENT,
            "governance": {
                "purpose": "test",
                "agreement": {"id": "DSA-T", "ends": "2099-12-31"},
                "recipient": "r",
                "permitted_columns": ["diagnosis"],
                "owners": {"o": {"name": "Owner"}},
                "sources": {
                    "hospital": {"owner": "o", "lawful_basis": "public_task", "legal_gateway": "x"}
                },
            },
        }
    ).governance
    assert governance is not None
    return dataclasses.replace(job, governance=dataclasses.replace(governance, opt_outs=opt_outs))


def test_opt_out_tokens_equal_the_extracts_nhs_tokens(keyring: Keyring, tmp_path: Path) -> None:
    listed = tmp_path / "optouts.txt"
    listed.write_text(f"nhs_number\n{NHS[0]}\n\n# a comment\n{NHS[1][:3]}-{NHS[1][3:]}\n")
    opt_outs = load_opt_outs(listed, keyring)
    tokens = pseudonymise(_frame(), _config(None), keyring).tokens["nhs_number"].to_list()
    assert opt_outs.tokens == {tokens[0], tokens[1]}
    assert opt_outs.entries == 2
    assert NHS[0] not in repr(opt_outs)


def test_opt_out_list_invalid_line_refused_by_number_not_value(
    keyring: Keyring, tmp_path: Path
) -> None:
    listed = tmp_path / "optouts.txt"
    bad = NHS[2][:9] + str((int(NHS[2][9]) + 1) % 10)  # a wrong check digit
    listed.write_text(f"{NHS[0]}\n{bad}\n")
    with pytest.raises(InputError, match=r"line\(s\) 2 are not valid NHS numbers") as caught:
        load_opt_outs(listed, keyring)
    assert bad not in str(caught.value)


def test_opt_out_list_empty_refused(keyring: Keyring, tmp_path: Path) -> None:
    listed = tmp_path / "optouts.txt"
    listed.write_text("nhs_number\n# nobody yet\n")
    with pytest.raises(InputError, match="holds no NHS numbers"):
        load_opt_outs(listed, keyring)


def test_pseudonymise_drops_opted_out_records_and_counts_them(
    keyring: Keyring, tmp_path: Path
) -> None:
    listed = tmp_path / "optouts.txt"
    listed.write_text(f"{NHS[0]}\n{NHS[3]}\n")
    out = tmp_path / "out"
    summary = _pseudonymise_file_from(_frame(), _config(listed), keyring, tmp_path, out)
    paths = output_paths(out, "hospital")
    tokens = read_tokens(paths["tokens"])
    content = pl.read_parquet(paths["content"])
    assert tokens.height == content.height == 5
    assert content["diagnosis"].to_list() == ["E11", "J45", "C50", "I10", "E11"]
    assert summary.rows == 7
    assert summary.opt_outs is not None and summary.opt_outs["records_dropped"] == 2
    written = json.loads(paths["summary"].read_text())
    assert written["opt_outs"]["records_dropped"] == 2
    text = paths["summary"].read_text()
    assert all(n not in text for n in NHS)


def test_pseudonymise_without_opt_out_list_keeps_summary_as_before(
    keyring: Keyring, tmp_path: Path
) -> None:
    summary = pseudonymise(_frame(), _config(None), keyring).summary
    assert summary.opt_outs is None and "opt_outs" not in summary.to_dict()


def test_pseudonymise_spark_with_opt_outs_refused(keyring: Keyring, tmp_path: Path) -> None:
    listed = tmp_path / "optouts.txt"
    listed.write_text(f"{NHS[0]}\n")
    with pytest.raises(ConfigError, match="local engine"):
        pseudonymise_file(
            tmp_path / "x.parquet", _config(listed), keyring, tmp_path / "o", engine="spark"
        )


def _pseudonymise_file_from(frame, config, keyring, tmp_path, out):
    extract = tmp_path / "extract.csv"
    frame.write_csv(extract)
    return pseudonymise_file(extract, config, keyring, out, source="hospital")


def test_pseudonymise_spark_frame_with_opt_outs_refused(keyring: Keyring, tmp_path: Path) -> None:
    pytest.importorskip("pyspark")
    from safelink.engines.spark_pseudonymise import pseudonymise_spark
    from safelink.errors import SparkEngineError

    listed = tmp_path / "optouts.txt"
    listed.write_text(f"{NHS[0]}\n")
    with pytest.raises(SparkEngineError, match="local engine only"):
        pseudonymise_spark(None, _config(listed), keyring)
