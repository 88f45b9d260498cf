"""One ``audit_log:`` at the top of the job config records every step, whatever the command."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from safelink.infra.audit import verify_audit_log
from safelink.synthetic.extracts import generate

ROOT = Path(__file__).resolve().parents[2]
PASS = {"SAFELINK_PASSPHRASE": "a long synthetic test passphrase"}


def _job(tmp_path: Path, extracts: dict[str, Path]) -> Path:
    document = yaml.safe_load((ROOT / "configs" / "demo.yaml").read_text())
    document.pop("release")
    document["key_file"] = str(tmp_path / "keys" / "demo.key")
    document["audit_log"] = str(tmp_path / "audit" / "demo.audit.jsonl")
    for name, source in document["sources"].items():
        source["path"] = str(extracts[name])
    path = tmp_path / "job.yaml"
    path.write_text(yaml.safe_dump(document))
    (tmp_path / "audit").mkdir()
    return path


def test_cli_job_audit_log_records_keys_scan_pseudonymise_link_anonymise_check(
    run_cli, tmp_path: Path
):
    extracts = generate(300, seed=5).write_csv(tmp_path / "extracts")
    job = str(_job(tmp_path, extracts))
    keys = ["--project", "demo", "--keys-dir", str(tmp_path / "keys"), "--scrypt-n", "16384"]
    disclosure = tmp_path / "disclosure.yaml"
    disclosure.write_text(
        "profile: tre\nquasi_identifiers: [sex]\ntransformations: [{suppress: true}]\n"
    )
    content = str(tmp_path / "p" / "hospital.content.parquet")
    steps = [
        ["keys", "init", *keys, "--job", job],
        ["scan", str(extracts["hospital"]), str(extracts["social_care"]), "--job", job],
        ["pseudonymise", str(extracts["hospital"]), "-c", job, "-o", str(tmp_path / "p"),
         "--source", "hospital"],
        ["pseudonymise", str(extracts["social_care"]), "-c", job, "-o", str(tmp_path / "p"),
         "--source", "social_care"],
        ["link", str(tmp_path / "p" / "hospital.tokens.parquet"),
         str(tmp_path / "p" / "social_care.tokens.parquet"), "-c", job, "-o", str(tmp_path / "l"),
         "--quiet"],
        ["anonymise", content, "--config", str(disclosure), "-o", str(tmp_path / "a.parquet"),
         "--job", job],
        ["check", str(tmp_path / "a.parquet"), "--config", str(disclosure), "--job", job, "--json"],
    ]  # fmt: skip
    for step in steps:
        result = run_cli(*step, env=PASS)
        assert result.code == 0, (step[0], result.stderr)
        if "--quiet" in step:
            assert (result.stdout, result.stderr) == ("", ""), step[0]
    log = tmp_path / "audit" / "demo.audit.jsonl"
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    assert [e["command"] for e in entries] == [
        "keys init", "scan", "pseudonymise", "pseudonymise", "link", "anonymise", "check",
    ]  # fmt: skip
    assert all(e["outcome"] == "ok" for e in entries)
    assert verify_audit_log(log).ok


def test_cli_explicit_audit_log_wins_over_job(run_cli, tmp_path: Path):
    extracts = generate(50, seed=5).write_csv(tmp_path / "extracts")
    job = str(_job(tmp_path, extracts))
    own = tmp_path / "own.audit.jsonl"
    keys = ["--project", "demo", "--keys-dir", str(tmp_path / "keys"), "--scrypt-n", "16384"]
    result = run_cli("keys", "init", *keys, "--job", job, "--audit-log", str(own), env=PASS)
    assert result.code == 0, result.stderr
    assert own.exists() and not (tmp_path / "audit" / "demo.audit.jsonl").exists()
