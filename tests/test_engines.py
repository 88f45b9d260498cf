"""The engine is chosen in one place: one enum, one check, one error, for every step."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from safelink.config import parse_config
from safelink.disclosure import check_file
from safelink.engines import Engine, choose_engine
from safelink.errors import EngineError, SparkEngineError
from safelink.keys import Keyring
from safelink.link import link
from safelink.pseudonymise import pseudonymise_file

ROOT = Path(__file__).resolve().parents[1]
JOB = {
    "project": "test",
    "sources": {"s": {"columns": {"nhs": {"role": "identifier", "kind": "nhs_number"}}}},
}


def test_choose_engine_names_and_enum_accepted() -> None:
    assert choose_engine("local") is Engine.LOCAL
    assert choose_engine("LOCAL") is Engine.LOCAL
    assert choose_engine(Engine.LOCAL) is Engine.LOCAL


def test_choose_engine_unknown_name_engine_error_lists_engines() -> None:
    with pytest.raises(
        EngineError, match=r"unknown engine 'dask'; use one of \['local', 'spark'\]"
    ):
        choose_engine("dask")


def test_choose_engine_spark_without_pyspark_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pyspark" else real(name, *a)
    )
    with pytest.raises(SparkEngineError, match=r"needs PySpark.*pip install -e '\.\[spark\]'"):
        choose_engine("spark")


def test_every_step_unknown_engine_same_error_nothing_written(
    tmp_path: Path, keyring: Keyring
) -> None:
    extract = tmp_path / "e.csv"
    pl.DataFrame({"nhs": ["9990000018"]}).write_csv(extract)
    config = parse_config(JOB)
    calls: dict[str, Any] = {
        "pseudonymise_file": lambda: pseudonymise_file(
            extract, config, keyring, tmp_path / "out", engine="dask"
        ),
        "link": lambda: link([], engine="dask"),
        "check_file": lambda: check_file(
            extract, config=ROOT / "configs" / "disclosure-tre.yaml", engine="dask"
        ),
    }
    messages = set()
    for call in calls.values():
        with pytest.raises(EngineError) as caught:
            call()
        messages.add(str(caught.value))
    assert len(messages) == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["pseudonymise", "link", "check"])
def test_cli_unknown_engine_usage_error_exit_2(run_cli: Any, tmp_path: Path, command: str) -> None:
    arguments = {
        "pseudonymise": ["pseudonymise", "e.csv", "--config", "c.yaml", "-o", "out"],
        "link": ["link", "a.parquet", "b.parquet", "--config", "c.yaml", "-o", "out"],
        "check": ["check", "d.parquet", "--config", "c.yaml"],
    }[command]
    result = run_cli(*arguments, "--engine", "flink")
    assert result.code == 2
    assert "'flink' is not one of 'local', 'spark'" in result.stderr
