"""`safelink pseudonymise --engine spark` gives the same tokens as the local engine."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from safelink.keys import Keyring
from safelink.pseudonymise.tokens_format import read_tokens
from safelink.synthetic.testing import synthetic_nhs_numbers

pytestmark = pytest.mark.spark
PASSPHRASE = "a long synthetic test passphrase"


def test_cli_pseudonymise_engine_spark_matches_local(run_cli, spark, tmp_path: Path):
    (tmp_path / "keys").mkdir()
    Keyring.create(tmp_path / "keys" / "p.key", project="p", passphrase=PASSPHRASE, scrypt_n=2**14)
    config = tmp_path / "job.yaml"
    config.write_text(
        "project: p\nkey_file: keys/p.key\nsources:\n  s:\n    columns:\n"
        "      nhs: {role: identifier, kind: nhs_number}\n"
        "      name: {role: identifier, kind: surname}\n      v: {role: content}\n"
    )
    extract = tmp_path / "s.parquet"
    pl.DataFrame(
        {"nhs": synthetic_nhs_numbers(200), "name": ["Zoë", "O'Brien"] * 100, "v": ["x"] * 200}
    ).write_parquet(extract)
    env = {"SAFELINK_PASSPHRASE": PASSPHRASE}
    base = ["pseudonymise", str(extract), "--config", str(config)]
    assert run_cli(*base, "-o", str(tmp_path / "local"), env=env).code == 0
    result = run_cli(*base, "-o", str(tmp_path / "spark"), "--engine", "spark", env=env)
    assert result.code == 0, result.stderr
    local = read_tokens(tmp_path / "local" / "s.tokens.parquet").drop("record_id")
    # Spark writes a directory of part files.
    parts = str(tmp_path / "spark" / "s.tokens.parquet" / "*.parquet")
    spark_tokens = read_tokens(parts).drop("record_id")  # tokens format 2, as local
    key = ["nhs_number"]
    assert spark_tokens.sort(key).equals(local.sort(key))
    bad = run_cli(*base, "-o", str(tmp_path / "x"), "--engine", "flink", env=env)
    assert bad.code == 2 and "'flink' is not one of 'local', 'spark'" in bad.stderr
