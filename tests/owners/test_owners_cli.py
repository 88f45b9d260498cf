from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import polars as pl

from safelink.governance.erasures import read_erasures
from safelink.link import read_index
from tests.owners.conftest import PASSPHRASE, ROOT, Linked

CONFIG = str(ROOT / "configs" / "demo.yaml")


def _return_args(linked: Linked, out: Path, *extra: str) -> list[str]:
    return [
        "return", "hospital", "--config", CONFIG, "--links", str(linked.links),
        "--content", str(linked.root / "pseudonymised"), "--record-key", "hospital_ref",
        "--audit-log", str(linked.audit_log), "-o", str(out), *extra,
    ]  # fmt: skip


def test_cli_return_writes_file_and_suppressed_json_summary(run_cli, linked: Linked, tmp_path):
    out = tmp_path / "hospital.return.csv"
    first = linked.extracts["hospital"]["hospital_ref"][0]
    result = run_cli(
        *_return_args(
            linked, out, "--flag", "known=linked(social_care)",
            "--flag", f"one=hospital_ref == '{first}'", "--column", "diagnosis", "--json",
        )
    )  # fmt: skip
    assert result.code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["flags"]["one"] == {"yes": "<10", "no": "suppressed"}
    assert summary["columns"] == ["hospital_ref", "diagnosis", "known", "one"]
    assert pl.read_csv(out).height == linked.extracts["hospital"].height
    assert first not in result.stdout


def test_cli_return_table_output(run_cli, linked: Linked, tmp_path):
    result = run_cli(
        *_return_args(linked, tmp_path / "r.parquet", "--flag", "k=linked(social_care)")
    )
    assert result.code == 0, result.stderr
    assert "return for hospital" in result.stdout and "k" in result.stdout


def test_cli_return_bad_flag_exit_2_one_line(run_cli, linked: Linked, tmp_path):
    out = tmp_path / "r.csv"
    result = run_cli(*_return_args(linked, out, "--flag", "k=linked(social_care where)"))
    assert result.code == 2
    assert result.stderr.startswith("safelink: error:") and "position" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_cli_return_threshold_below_one_is_usage_error(run_cli, linked: Linked, tmp_path):
    result = run_cli(*_return_args(linked, tmp_path / "r.csv", "--threshold", "0"))
    assert result.code == 2 and "threshold" in result.stderr


def test_cli_discrepancies_json_summary(run_cli, linked: Linked, tmp_path):
    out = tmp_path / "d.csv"
    result = run_cli(
        "discrepancies", "social_care", "--config", CONFIG, "--links", str(linked.links),
        "--tokens", str(linked.tokens["hospital"]), "--tokens", str(linked.tokens["social_care"]),
        "--content", str(linked.content["social_care"]), "--record-key", "case_id",
        "--audit-log", str(linked.audit_log), "-o", str(out), "--json",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    summary = json.loads(result.stdout)
    found = pl.read_csv(out, infer_schema=False)
    assert found.columns == ["case_id", "kind"]
    counts = found.group_by("kind").len()
    for kind, n in counts.iter_rows():
        assert summary["kinds"][kind] == (n if n >= 10 else "<10")
    assert found.height > 0  # the standard extracts hold wrong NHS numbers and dates of birth


def _subject_args(linked: Linked, *extra: str) -> list[str]:
    return [
        "subject", "--config", CONFIG, "--key-file", str(linked.root / "keys" / "test.key"),
        "--tokens", str(linked.tokens["hospital"]), "--tokens", str(linked.tokens["social_care"]),
        "--links", str(linked.links), "--index", str(linked.index),
        "--audit-log", str(linked.audit_log), *extra,
    ]  # fmt: skip


def _first_nhs(linked: Linked) -> str:
    return str(linked.extracts["social_care"]["nhs_no"].drop_nulls()[0])


def test_cli_subject_reads_number_from_stdin(run_cli, linked: Linked, monkeypatch):
    nhs = _first_nhs(linked)
    monkeypatch.setattr("sys.stdin", io.StringIO(nhs + "\n"))
    result = run_cli(*_subject_args(linked, "--json"), env={"SAFELINK_PASSPHRASE": PASSPHRASE})
    assert result.code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["found"] is True and report["persons"][0]["sources"]["social_care"] >= 1
    assert nhs not in result.stdout + result.stderr


def test_cli_subject_number_on_command_line_refused_unechoed(run_cli, linked: Linked):
    nhs = _first_nhs(linked)
    result = run_cli(*_subject_args(linked, nhs), env={"SAFELINK_PASSPHRASE": PASSPHRASE})
    assert result.code == 2
    assert "never given on the command line" in result.stderr
    assert nhs not in result.stdout + result.stderr


def test_cli_subject_empty_stdin_and_erase_without_register(run_cli, linked: Linked, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    result = run_cli(*_subject_args(linked), env={"SAFELINK_PASSPHRASE": PASSPHRASE})
    assert result.code == 2 and "no NHS number on standard input" in result.stderr
    result = run_cli(*_subject_args(linked, "--erase"), env={"SAFELINK_PASSPHRASE": PASSPHRASE})
    assert result.code == 2 and "--erase needs --index and --erasures" in result.stderr


def test_cli_subject_erase(run_cli, linked: Linked, tmp_path, monkeypatch):
    root = tmp_path / "copy"
    shutil.copytree(linked.root, root)
    nhs = _first_nhs(linked)
    monkeypatch.setattr("sys.stdin", io.StringIO(nhs + "\n"))
    (root / "audit").mkdir(exist_ok=True)  # another test's audit log may or may not be there
    register = root / "audit" / "erasures.json"
    result = run_cli(
        "subject", "--config", CONFIG, "--key-file", str(root / "keys" / "test.key"),
        "--tokens", str(root / "pseudonymised" / "hospital.tokens.parquet"),
        "--tokens", str(root / "pseudonymised" / "social_care.tokens.parquet"),
        "--links", str(root / "linked" / "links.parquet"),
        "--index", str(root / "linked" / "persons.parquet"), "--erase", "--erasures",
        str(register), "--audit-log", str(root / "audit" / "a.jsonl"),
        env={"SAFELINK_PASSPHRASE": PASSPHRASE},
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert "erased: removed from the person index" in result.stdout
    (entry,) = read_erasures(register).entries
    index = read_index(root / "linked" / "persons.parquet")
    assert not set(entry.person_ids) & set(index.records["person_id"])
    assert nhs not in result.stdout + register.read_text()
