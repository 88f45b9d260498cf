from __future__ import annotations

import json
import logging
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from safelink.keys import Keyring
from safelink.synthetic.testing import synthetic_nhs_numbers

PASSPHRASE = "a long synthetic test passphrase"
PASS = {"SAFELINK_PASSPHRASE": PASSPHRASE}


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
    assert "sources.clinic.columns.outcome.role: must be one of" in result.stderr


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
    from safelink.infra.audit import verify_audit_log

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


# -- --encoding and the source's 'encoding' key --------------------------------------------------


def latin1_extract(tmp_path: Path) -> Path:
    """A CSV whose only non-ASCII byte (Latin-1 'é', not valid UTF-8) is on line 6."""
    numbers = synthetic_nhs_numbers(5)
    rows = [b"nhs,name,outcome"]
    rows += [f"{n},Nguyen,ok".encode() for n in numbers[:4]]
    rows.append(f"{numbers[4]},Okafor,".encode() + "José".encode("latin-1"))
    path = tmp_path / "clinic.csv"
    path.write_bytes(b"\n".join(rows) + b"\n")
    return path


def pseudonymise_args(tmp_path: Path, config: Path, extract: Path, *extra: str) -> list[str]:
    out = tmp_path / "out"
    return ["pseudonymise", str(extract), "--config", str(config), "-o", str(out), *extra]


def test_cli_pseudonymise_undecodable_byte_names_its_line_and_the_fix(run_cli, tmp_path: Path):
    config, _ = setup_project(tmp_path)
    extract = latin1_extract(tmp_path)
    result = run_cli(*pseudonymise_args(tmp_path, config, extract), env=PASS)
    assert result.code == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "line 6:" in result.stderr
    assert "--encoding" in result.stderr and "'encoding:" in result.stderr
    assert "Jos" not in result.stderr and "Okafor" not in result.stderr
    out = tmp_path / "out"
    assert not out.exists() or not any(out.iterdir())


def test_cli_pseudonymise_encoding_option_reads_latin_1(run_cli, tmp_path: Path):
    config, _ = setup_project(tmp_path)
    extract = latin1_extract(tmp_path)
    args = pseudonymise_args(tmp_path, config, extract, "--encoding", "latin-1")
    result = run_cli(*args, env=PASS)
    assert result.code == 0, result.stderr
    content = pl.read_parquet(tmp_path / "out" / "clinic.content.parquet")
    assert content["outcome"].to_list()[-1] == "José"


def test_cli_pseudonymise_config_encoding_key_used_and_option_overrides_it(run_cli, tmp_path: Path):
    config, _ = setup_project(tmp_path)
    extract = latin1_extract(tmp_path)
    config.write_text(
        config.read_text().replace("    columns:", "    encoding: latin1\n    columns:")
    )
    result = run_cli(*pseudonymise_args(tmp_path, config, extract), env=PASS)
    assert result.code == 0, result.stderr
    content = pl.read_parquet(tmp_path / "out" / "clinic.content.parquet")
    assert content["outcome"].to_list()[-1] == "José"
    overridden = run_cli(
        *pseudonymise_args(tmp_path, config, extract, "--encoding", "utf-8"), env=PASS
    )
    assert overridden.code == 2 and "line 6:" in overridden.stderr


def test_cli_pseudonymise_unknown_config_encoding_exit_2_names_key(run_cli, tmp_path: Path):
    config, extract = setup_project(tmp_path)
    config.write_text(
        config.read_text().replace("    columns:", "    encoding: ebcdic\n    columns:")
    )
    result = run_cli(*pseudonymise_args(tmp_path, config, extract), env=PASS)
    assert result.code == 2
    assert "sources.clinic.encoding" in result.stderr and "unknown text encoding" in result.stderr


# -- nested Parquet columns ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "type_name"),
    [
        (pa.array([["9990000018"], ["9990000026"]], pa.list_(pa.string())), "list<"),
        (pa.array([{"n": "9990000018"}, {"n": "9990000026"}]), "struct<"),
    ],
    ids=["list", "struct"],
)
def test_cli_pseudonymise_nested_parquet_identifier_one_line_input_error(
    run_cli, tmp_path: Path, values: pa.Array, type_name: str
):
    config, _ = setup_project(tmp_path)
    extract = tmp_path / "clinic.parquet"
    table = pa.table({"nhs": values, "name": ["Okafor", "Nguyen"], "outcome": ["a", "b"]})
    pq.write_table(table, extract)
    result = run_cli(*pseudonymise_args(tmp_path, config, extract), env=PASS)
    assert result.code == 2, result.stderr
    assert result.stderr.count("\n") == 1
    assert "column 'nhs'" in result.stderr and type_name in result.stderr
    assert "internal error" not in result.stderr and "9990000018" not in result.stderr


def test_cli_pseudonymise_table_names_both_keys_and_the_warnings(run_cli, tmp_path: Path):
    config, extract = setup_project(tmp_path)
    # 8000000008 passes modulus 11 but lies in an unallocated range: accepted, with a warning.
    pl.DataFrame(
        {"nhs": ["8000000008", "9990000018"], "name": ["Okafor", "Nguyen"], "outcome": ["a", "b"]}
    ).write_csv(extract)
    ring = Keyring.open(tmp_path / "keys" / "p.key", passphrase=PASSPHRASE)
    result = run_cli(
        "pseudonymise", str(extract), "--config", str(config), "-o", str(tmp_path / "out"),
        env={"SAFELINK_PASSPHRASE": PASSPHRASE, "COLUMNS": "200"},
    )  # fmt: skip
    assert result.code == 0, result.stderr
    summary = json.loads((tmp_path / "out" / "clinic.summary.json").read_text())
    assert f"linkage key {summary['key_id']}" in result.stdout
    assert f"from project key {ring.key_id}" in result.stdout
    assert "unallocated_range: 1" in result.stdout


def test_cli_pseudonymise_prints_masked_shapes_of_rejected_values(run_cli, tmp_path: Path):
    config, _ = setup_project(tmp_path)
    extract = tmp_path / "clinic.csv"
    pl.DataFrame(
        {"nhs": ["943-476-591", "943-476-592", "12345"], "name": ["Ng", "Li", "O'Neil"],
         "outcome": ["a", "b", "c"]}
    ).write_csv(extract)  # fmt: skip
    result = run_cli(
        "pseudonymise", str(extract), "--config", str(config), "-o", str(tmp_path / "out"),
        env=PASS,
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert "'999-999-999'" in result.stdout and "'99999'" in result.stdout
    for value in ("943-476-591", "943-476-592", "12345"):
        assert value not in result.stdout + result.stderr


def test_cli_tables_piped_keep_one_line_per_row(run_cli, tmp_path: Path, monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    config, extract = setup_project(tmp_path)
    result = run_cli(
        "pseudonymise", str(extract), "--config", str(config), "-o", str(tmp_path / "o"), env=PASS
    )
    assert result.code == 0, result.stderr
    header = next(line for line in result.stdout.splitlines() if "column" in line)
    assert "rejected (by reason)" in header and "accepted with a warning" in header
    assert all(len(line) <= 200 for line in result.stdout.splitlines())


def test_cli_pseudonymise_quiet_prints_nothing_and_still_writes(run_cli, tmp_path: Path):
    config, extract = setup_project(tmp_path)
    out = tmp_path / "out"
    args = ["pseudonymise", str(extract), "--config", str(config), "-o"]
    loud = run_cli(*args, str(tmp_path / "loud"), env=PASS)
    assert loud.code == 0 and "clinic" in loud.stdout
    quiet = run_cli(*args, str(out), "--quiet", env=PASS)
    assert (quiet.code, quiet.stdout, quiet.stderr) == (0, "", "")
    assert (out / "clinic.tokens.parquet").exists()
