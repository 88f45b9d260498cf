"""A release and its audit entry vouch for each other; verify checks the signing key id.

The signed manifest records the head the release followed and its own entry's hash, both read
and written under the log's lock, so concurrent releases on one log each follow the head they
record, and ``verify --audit-log`` catches the newest release's entry removed from the end of
the log, or a log rewritten after the release.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from safelink.keys import SigningKey
from safelink.release import AuditEntry, append_audit, verify, verify_audit_log
from safelink.release.manifest import canonical_json, sign_manifest

from .conftest import CHILD_PREAMBLE, PASSPHRASE, ROOT, Pipeline
from .test_release_audit import _rechain

RELEASES = 4

# One release per child; each waits for "go" on stdin so that all of them race for the log.
CHILD = (
    CHILD_PREAMBLE
    + r"""
print("ready", flush=True)
sys.stdin.readline()
release(job, sys.argv[1], keys=keys, signing_key=signer, recipient=sys.argv[2],
        links=root / "linked" / "links.parquet", content=root / "pseudonymised",
        audit_log=sys.argv[3], base_dir=root)
"""
)


def _entries(log: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def _manifest(directory: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((directory / "manifest.json").read_text())
    return document


def _failed(report: Any) -> dict[str, str]:
    return {c.name: c.detail for c in report.checks if not c.passed}


def _concurrent_releases(pipeline: Pipeline, tmp_path: Path, log: Path) -> list[Path]:
    """Run RELEASES releases at once on ``log``, with other commands appending meanwhile."""
    env = {
        **os.environ,
        "T_ROOT": str(pipeline.root),
        "T_CONFIG": str(ROOT / "configs" / "demo.yaml"),
        "T_PASS": PASSPHRASE,
    }
    outs = [tmp_path / f"release{i}" for i in range(RELEASES)]
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(out), f"team_{i}", str(log)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for i, out in enumerate(outs)
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"

    def other_commands() -> None:
        for _ in range(40):
            append_audit(log, AuditEntry(command="link", outcome="ok"))

    appender = threading.Thread(target=other_commands)
    appender.start()
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.close()
    for child in children:
        assert child.wait(timeout=300) == 0
        assert child.stdout is not None
        child.stdout.close()
    appender.join()
    return outs


def test_release_concurrent_on_one_log_each_manifest_head_is_its_entrys_prev(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    log = tmp_path / "audit" / "shared.audit.jsonl"
    append_audit(log, AuditEntry(command="keys init", outcome="ok"))
    outs = _concurrent_releases(pipeline, tmp_path, log)
    entries = {e["hash"]: e for e in _entries(log)}
    assert verify_audit_log(log).ok and len(entries) == 1 + 40 + RELEASES
    by_out = {e["arguments"].get("out_dir"): e for e in entries.values()}
    for out in outs:
        audit, own = _manifest(out)["audit"], by_out[str(out)]
        assert own["command"] == "release" and own["outcome"] == "ok"
        assert own["prev"] == audit["previous_head"], f"{out.name}: head is not its entry's prev"
        assert own["hash"] == audit["entry"]
        report = verify(out, pipeline.public_key, audit_log=log)
        assert report.ok, _failed(report)
    # The newest release's entry removed from the end of the log: verify says so.
    order = sorted(outs, key=lambda o: entries[_manifest(o)["audit"]["entry"]]["seq"])
    newest = order[-1]
    seq = entries[_manifest(newest)["audit"]["entry"]]["seq"]
    lines = log.read_text(encoding="utf-8").splitlines(keepends=True)
    log.write_text("".join(lines[: seq - 1]), encoding="utf-8")
    assert verify_audit_log(log).ok  # a shorter chain is still a chain...
    failed = _failed(verify(newest, pipeline.public_key, audit_log=log))
    assert set(failed) == {"audit entry"}  # ...but not the one this release recorded
    assert "removed from the end" in failed["audit entry"]
    for out in order[:-1]:
        assert verify(out, pipeline.public_key, audit_log=log).ok


@pytest.fixture
def logged(pipeline: Pipeline, tmp_path: Path) -> tuple[Path, Path]:
    """A release recorded in its own log, after one earlier entry: (bundle, log)."""
    log = tmp_path / "audit.jsonl"
    append_audit(log, AuditEntry(command="link", outcome="ok"))
    result = pipeline.release(tmp_path / "bundle", audit_log=log)
    return result.out_dir, log


def test_release_manifest_records_head_and_own_entry(logged: tuple[Path, Path]) -> None:
    bundle, log = logged
    first, own = _entries(log)
    audit = _manifest(bundle)["audit"]
    assert audit == {"log": "audit.jsonl", "previous_head": first["hash"], "entry": own["hash"]}
    assert own["prev"] == first["hash"]
    outputs = _manifest(bundle)["outputs"]
    assert own["outputs"] == {name: value["sha256"] for name, value in outputs.items()}


def test_verify_audit_log_intact_passes(logged: tuple[Path, Path], pipeline: Pipeline) -> None:
    bundle, log = logged
    report = verify(bundle, pipeline.public_key, audit_log=log)
    assert report.ok and {"audit chain", "audit entry"} <= {c.name for c in report.checks}


def test_verify_audit_log_last_entry_removed_fails(
    logged: tuple[Path, Path], pipeline: Pipeline
) -> None:
    bundle, log = logged
    log.write_text(log.read_text().splitlines(keepends=True)[0])
    failed = _failed(verify(bundle, pipeline.public_key, audit_log=log))
    assert set(failed) == {"audit entry"}
    assert "line 2" in failed["audit entry"] and "removed from the end" in failed["audit entry"]


def test_verify_audit_log_rewritten_entry_fails_not_removed(
    logged: tuple[Path, Path], pipeline: Pipeline
) -> None:
    bundle, log = logged
    lines = log.read_text().splitlines(keepends=True)
    lines[1] = lines[1].replace('"outcome":"ok"', '"outcome":"ok "')
    log.write_text("".join(_rechain(lines, 1)))
    assert verify_audit_log(log).ok  # re-hashed: the chain alone cannot tell
    failed = _failed(verify(bundle, pipeline.public_key, audit_log=log))
    assert set(failed) == {"audit entry"}
    assert "line 2 is not this release's entry" in failed["audit entry"]
    assert "rewritten" in failed["audit entry"] and "removed" not in failed["audit entry"]


def test_verify_audit_log_other_log_fails(logged: tuple[Path, Path], pipeline, tmp_path) -> None:
    bundle, _ = logged
    other = tmp_path / "other.jsonl"
    append_audit(other, AuditEntry(command="release", outcome="ok"))
    failed = _failed(verify(bundle, pipeline.public_key, audit_log=other))
    assert set(failed) == {"audit entry"} and "another project's log" in failed["audit entry"]


def test_verify_audit_log_release_without_log_fails(bundle_copy, pipeline, tmp_path) -> None:
    directory = bundle_copy()
    manifest = _manifest(directory)
    manifest["audit"] = {"log": None, "previous_head": None, "entry": None}
    document = canonical_json(manifest)
    (directory / "manifest.json").write_bytes(document)
    (directory / "manifest.sig").write_bytes(sign_manifest(document, pipeline.signer))
    log = tmp_path / "a.jsonl"
    append_audit(log, AuditEntry(command="release", outcome="ok"))
    assert verify(directory, pipeline.public_key).ok
    failed = _failed(verify(directory, pipeline.public_key, audit_log=log))
    assert set(failed) == {"audit entry"} and "no audit entry" in failed["audit entry"]


def test_verify_audit_log_missing_raises_input_error(bundle_copy, pipeline, tmp_path) -> None:
    from safelink.errors import InputError

    with pytest.raises(InputError, match="not found"):
        verify(bundle_copy(), pipeline.public_key, audit_log=tmp_path / "none.jsonl")


def test_verify_manifest_signing_key_differs_from_given_key_fails(
    bundle_copy, pipeline: Pipeline, tmp_path: Path
) -> None:
    # A forger re-signs the untouched manifest; the manifest still names the TTP's key.
    directory = bundle_copy()
    forger = SigningKey.create(
        tmp_path / "forger.signing.key", project="x", passphrase=PASSPHRASE, scrypt_n=2**14
    )
    (directory / "manifest.sig").write_bytes(
        sign_manifest((directory / "manifest.json").read_bytes(), forger)
    )
    failed = _failed(verify(directory, forger.public_key_pem()))
    assert set(failed) == {"signing key"}
    detail = failed["signing key"]
    assert pipeline.signer.key_id in detail and forger.key_id in detail


def test_verify_manifest_malformed_signing_key_id_fails(
    bundle_copy, pipeline: Pipeline, tmp_path: Path
) -> None:
    directory = bundle_copy()
    manifest = _manifest(directory)
    manifest["key_ids"]["signing"] = "<script>"
    document = canonical_json(manifest)
    (directory / "manifest.json").write_bytes(document)
    (directory / "manifest.sig").write_bytes(sign_manifest(document, pipeline.signer))
    failed = _failed(verify(directory, pipeline.public_key))
    assert set(failed) == {"signing key"} and "<script>" not in failed["signing key"]


def test_cli_verify_audit_log_removed_entry_exits_4(
    run_cli, logged: tuple[Path, Path], pipeline: Pipeline
) -> None:
    bundle, log = logged
    public = str(pipeline.root / "keys" / "test.signing.pub")
    args = ("verify", str(bundle), "--public-key", public, "--audit-log", str(log), "--json")
    result = run_cli(*args)
    assert result.code == 0, result.stderr
    assert {"audit chain", "audit entry"} <= {
        c["name"] for c in json.loads(result.stdout)["checks"]
    }
    log.write_text(log.read_text().splitlines(keepends=True)[0])
    result = run_cli(*args)
    assert result.code == 4 and "audit entry" in result.stderr


def test_cli_verify_missing_public_key_exits_2(
    run_cli, logged: tuple[Path, Path], tmp_path
) -> None:
    bundle, _ = logged
    result = run_cli("verify", str(bundle), "--public-key", str(tmp_path / "none.pub"))
    assert result.code == 2 and "public key" in result.stderr
    assert "Traceback" not in result.stderr
