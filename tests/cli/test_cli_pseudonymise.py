from __future__ import annotations

import json
import logging
from pathlib import Path

import polars as pl

from safelink.keys import Keyring

PASSPHRASE = "a long synthetic test passphrase"


def setup_project(tmp_path: Path) -> tuple[Path, Path]:
    keys = tmp_path / "keys"
    keys.mkdir()
    Keyring.create(keys / "p.key", project="p", passphrase=PASSPHRASE, scrypt_n=2**14)
    config = tmp_path / "job.yaml"
    config.write_text(
        "project: p\nkey_file: keys/p.key\nsources:\n  clinic:\n    columns:\n"
        "      nhs: {role: identifier, kind: nhs_number}\n"
        "      name: {role: identifier, kind: surname}\n"
        "      outcome: {role: content}\n"
    )
    extract = tmp_path / "clinic.csv"
    pl.DataFrame(
        {"nhs": ["943 476 5919", "9990000018"], "name": ["Okafor", "Nguyen"], "outcome": ["a", "b"]}
    ).write_csv(extract)
    return config, extract


def test_cli_pseudonymise_writes_outputs_and_json_summary(run_cli, tmp_path: Path, caplog):
    caplog.set_level(logging.DEBUG)
    config, extract = setup_project(tmp_path)
    out = tmp_path / "out"
    result = run_cli(
        "pseudonymise", str(extract), "--config", str(config), "-o", str(out), "--json",
        env={"SAFELINK_PASSPHRASE": PASSPHRASE},
    )  # fmt: skip
    assert result.code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["rows"] == 2 and summary["key_id"].startswith("kid_")
    assert sorted(p.name for p in out.iterdir()) == [
        "clinic.content.parquet", "clinic.summary.json", "clinic.tokens.parquet",
    ]  # fmt: skip
    everything = result.stdout + result.stderr + caplog.text
    everything += "".join(p.read_bytes().decode("latin-1") for p in out.iterdir())
    for value in ("9434765919", "943 476 5919", "Okafor", "OKAFOR", "Nguyen", PASSPHRASE):
        assert value not in everything


def test_cli_pseudonymise_unknown_role_exit_2_lists_problem(run_cli, tmp_path: Path):
    config, extract = setup_project(tmp_path)
    config.write_text(config.read_text().replace("role: content", "role: contents"))
    result = run_cli(
        "pseudonymise", str(extract), "--config", str(config), "-o", str(tmp_path / "o")
    )
    assert result.code == 2
    assert "columns.outcome.role must be one of" in result.stderr


def test_cli_pseudonymise_missing_input_exit_2_no_output(run_cli, tmp_path: Path):
    config, _ = setup_project(tmp_path)
    out = tmp_path / "out"
    result = run_cli(
        "pseudonymise", str(tmp_path / "absent.csv"), "--config", str(config), "-o", str(out),
        env={"SAFELINK_PASSPHRASE": PASSPHRASE},
    )  # fmt: skip
    assert result.code == 2 and "file not found" in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_cli_help_on_every_command(run_cli):
    for args in (["--help"], ["keys", "--help"], ["keys", "init", "--help"],
                 ["pseudonymise", "--help"], ["demo", "--help"]):  # fmt: skip
        result = run_cli(*args)
        assert result.code == 0 and "Usage" in result.stdout, args


def test_cli_pseudonymise_appends_to_the_configs_audit_log(run_cli, tmp_path: Path):
    from safelink.audit import verify_audit_log

    config, extract = setup_project(tmp_path)
    config.write_text(config.read_text() + "audit_log: audit/p.audit.jsonl\n")
    (tmp_path / "audit").mkdir()
    env = {"SAFELINK_PASSPHRASE": PASSPHRASE}
    args = ["pseudonymise", str(extract), "--config", str(config), "-o", str(tmp_path / "out")]
    assert run_cli(*args, env=env).code == 0
    bad = run_cli("pseudonymise", str(tmp_path / "none.csv"), *args[2:], env=env)
    assert bad.code == 2
    log = tmp_path / "audit" / "p.audit.jsonl"
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    assert [e["command"] for e in entries] == ["pseudonymise", "pseudonymise"]
    assert entries[0]["outcome"] == "ok" and entries[1]["outcome"].startswith("failed")
    assert entries[0]["key_ids"]["link"].startswith("kid_")
    assert "clinic.tokens.parquet" in entries[0]["outputs"]
    assert verify_audit_log(log).ok
    text = log.read_text()
    for value in ("9434765919", "Okafor", PASSPHRASE):
        assert value not in text
