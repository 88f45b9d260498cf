"""The release, verify and audit commands, through a local typer app (until app.py wires them)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from .conftest import PASSPHRASE, ROOT, Pipeline


def _config(pipeline: Pipeline, tmp_path: Path) -> Path:
    document = yaml.safe_load((ROOT / "configs" / "demo.yaml").read_text())
    document["key_file"] = str(pipeline.root / "keys" / "test.key")
    for source in document["sources"].values():  # absolute: this copy lives outside configs/
        source["path"] = str(ROOT / "configs" / source["path"])
    section = dict(pipeline.job().sections["release"])
    section |= {
        "links": str(pipeline.links),
        "content": str(pipeline.root / "pseudonymised"),
        "signing_key": str(pipeline.root / "keys" / "test.signing.key"),
        "audit_log": str(tmp_path / "audit.jsonl"),
    }
    document["release"] = section
    path = tmp_path / "job.yaml"
    path.write_text(yaml.safe_dump(document))
    return path


def test_cli_release_verify_audit_round_trip(cli, pipeline: Pipeline, tmp_path: Path) -> None:
    config = _config(pipeline, tmp_path)
    out = tmp_path / "rel"
    code, stdout, stderr = cli("release", "--config", str(config), "-o", str(out), "--json")
    assert code == 0, stderr
    assert json.loads(stdout)["out_dir"] == str(out)
    assert PASSPHRASE not in stdout + stderr
    pub = pipeline.root / "keys" / "test.signing.pub"
    code, stdout, _ = cli("verify", str(out), "--public-key", str(pub), "--json")
    assert code == 0 and json.loads(stdout)["ok"] is True
    code, stdout, _ = cli("audit", "verify", str(tmp_path / "audit.jsonl"))
    assert code == 0 and "intact" in stdout


def test_cli_verify_tampered_exits_4(cli, pipeline: Pipeline, bundle_copy) -> None:
    directory = bundle_copy()
    (directory / "data.csv").write_text("person,source\n")
    pub = pipeline.root / "keys" / "test.signing.pub"
    code, stdout, stderr = cli("verify", str(directory), "--public-key", str(pub))
    assert code == 4
    assert "FAIL" in stdout and "sha256 data.csv" in stderr


def test_cli_audit_verify_broken_exits_4(cli, tmp_path: Path) -> None:
    from safelink.release import AuditEntry, append_audit

    log = tmp_path / "a.jsonl"
    for _ in range(3):
        append_audit(log, AuditEntry(command="release", outcome="ok"))
    lines = log.read_text().splitlines(keepends=True)
    log.write_text(lines[0] + lines[2])
    code, stdout, _ = cli("audit", "verify", str(log), "--json")
    assert code == 4 and json.loads(stdout)["ok"] is False


def test_cli_run_whole_flow_from_raw_extracts(cli, pipeline: Pipeline, tmp_path: Path) -> None:
    config = _config(pipeline, tmp_path)
    document = yaml.safe_load(config.read_text())
    for source in ("hospital", "social_care"):
        document["sources"][source]["path"] = str(pipeline.extracts[source])
    document["governance"]["recipient"] = "run_team"  # the agreement names the run's recipient
    config.write_text(yaml.safe_dump(document))
    work = tmp_path / "work"
    code, _, stderr = cli("run", str(config), "-o", str(work), "--recipient", "run_team")
    assert code == 0, stderr
    bundle = work / "release" / "run_team"
    from safelink.release import verify, verify_audit_log

    assert verify(bundle, (pipeline.root / "keys" / "test.signing.pub").read_bytes()).ok
    manifest = json.loads((bundle / "manifest.json").read_text())
    extracts = manifest["detection"]["extracts"]
    assert len(extracts) == 2 and all(e["direct_columns"] for e in extracts)
    assert "examples" not in json.dumps(extracts)
    commands = [
        json.loads(line)["command"] for line in (tmp_path / "audit.jsonl").read_text().splitlines()
    ]
    assert commands == ["scan", "pseudonymise", "link", "release"]
    assert verify_audit_log(tmp_path / "audit.jsonl").ok
    # Again into the same work directory: refused before any step runs (no new audit entry).
    code, _, stderr = cli("run", str(config), "-o", str(work), "--recipient", "run_team")
    assert code != 0
    assert "already exists" in stderr
    assert len((tmp_path / "audit.jsonl").read_text().splitlines()) == len(commands)


def test_cli_run_ends_with_summary_and_a_working_verify_command(
    cli, pipeline: Pipeline, tmp_path: Path
) -> None:
    config = _config(pipeline, tmp_path)
    document = yaml.safe_load(config.read_text())
    for source in ("hospital", "social_care"):
        document["sources"][source]["path"] = str(pipeline.extracts[source])
    config.write_text(yaml.safe_dump(document))
    code, stdout, stderr = cli("run", str(config), "-o", str(tmp_path / "w"), "--json")
    assert code == 0, stderr
    assert stderr == ""  # no progress with --json
    summary = json.loads(stdout)["summary"]
    manifest = json.loads((Path(summary["release"]) / "manifest.json").read_text())
    assert set(summary["records_by_source"]) == {"hospital", "social_care"}
    assert summary["links_by_step"] == {s["step"]: s["links"] for s in manifest["linkage"]["steps"]}
    assert summary["k_reached"] >= 5 and summary["rows_suppressed"] >= 0
    assert summary["persons"] >= summary["persons_released"] > 0
    words = summary["verify_command"].split()
    assert words[:3] == ["safelink", "verify", summary["release"]]
    code, out, _ = cli(*words[1:], "--json")
    assert code == 0 and json.loads(out)["ok"] is True
    assert {c["name"] for c in json.loads(out)["checks"]} >= {"audit chain", "audit entry"}

    code, stdout, stderr = cli("run", str(config), "-o", str(tmp_path / "q"), "--quiet")
    assert code == 0 and stdout == "" and stderr == ""
    code, stdout, _ = cli("run", str(config), "-o", str(tmp_path / "t"))
    assert code == 0
    for text in ("safelink run: summary", "links: probabilistic", "k reached", "verify it"):
        assert text in stdout
