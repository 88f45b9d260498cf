"""Retention: expired outputs purged, a key version retired and destroyed, all audited."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
import yaml

from safelink.config import parse_config
from safelink.errors import GovernanceError, KeyNotFound, KeyringError
from safelink.governance.retention import purge
from safelink.infra.audit import read_audit_entries
from safelink.keys import Keyring
from safelink.release.governance import check_retention

from .conftest import TEST_PASSPHRASE

ENDS = dt.date(2026, 3, 31)
GOVERNANCE: dict[str, Any] = {
    "purpose": "test",
    "agreement": {"id": "DSA-T", "ends": ENDS.isoformat()},
    "recipient": "r",
    "permitted_columns": ["diagnosis"],
    "owners": {"o": {"name": "Owner"}},
    "sources": {"a": {"owner": "o", "lawful_basis": "public_task", "legal_gateway": "x"}},
}


def _document(governance: bool = True) -> dict[str, Any]:
    document: dict[str, Any] = {
        "project": "test",
        "sources": {"a": {"columns": {"nhs": {"role": "identifier", "kind": "nhs_number"}}}},
    }
    if governance:
        document["governance"] = GOVERNANCE
    return document


def _work(root: Path, bundle_expires: str = ENDS.isoformat()) -> Path:
    work = root / "work"
    for name in ("pseudonymised/a.tokens.parquet", "pseudonymised/a.summary.json",
                 "linked/links.parquet", "scans/a.scan.json"):  # fmt: skip
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text("x")
    bundle = work / "release" / "r"
    bundle.mkdir(parents=True)
    manifest = {"governance": {"expires": bundle_expires}}
    (bundle / "manifest.json").write_text(json.dumps(manifest))
    return work


def test_purge_before_expiry_keeps_everything(tmp_path: Path) -> None:
    work = _work(tmp_path)
    report = purge(parse_config(_document()), work, as_of=ENDS, audit_log=tmp_path / "a.jsonl")
    assert report.removed == ()
    assert len(report.kept) == 5 and set(report.kept.values()) == {"2026-03-31"}
    assert (work / "linked" / "links.parquet").exists()


def test_purge_after_expiry_deletes_every_output_and_audits(tmp_path: Path) -> None:
    work = _work(tmp_path)
    index = tmp_path / "person_index.parquet"
    index.write_text("x")
    log = tmp_path / "a.jsonl"
    report = purge(
        parse_config(_document()), work, paths=[index], as_of=ENDS + dt.timedelta(days=1),
        audit_log=log,
    )  # fmt: skip
    assert len(report.removed) == 6 and report.kept == {}
    assert not index.exists()
    assert all(not any((work / f).iterdir()) for f in ("pseudonymised", "linked", "release"))
    (entry,) = [e for e in read_audit_entries(log) if e is not None]
    assert entry["command"] == "purge" and len(entry["arguments"]["removed"]) == 6


def test_purge_bundle_by_its_own_manifest_date(tmp_path: Path) -> None:
    work = _work(tmp_path, bundle_expires="2026-01-31")
    report = purge(parse_config(_document()), work, as_of=dt.date(2026, 2, 1))
    assert report.removed == (str(work / "release" / "r"),)
    assert (work / "linked" / "links.parquet").exists()


def test_purge_dry_run_deletes_nothing(tmp_path: Path) -> None:
    work = _work(tmp_path)
    report = purge(parse_config(_document()), work, as_of=dt.date(2027, 1, 1), dry_run=True)
    assert len(report.removed) == 5 and (work / "release" / "r" / "manifest.json").exists()


def test_purge_without_governance_refused(tmp_path: Path) -> None:
    with pytest.raises(GovernanceError, match="governance"):
        purge(parse_config(_document(governance=False)), _work(tmp_path))


def test_purge_retire_key_destroys_old_version(keyring: Keyring, tmp_path: Path) -> None:
    job = parse_config({**_document(), "project": keyring.project})
    old = keyring.key_id
    token = keyring.subkey("link:nhs_number").tokens(pa.array(["9434765919"]))[0]
    with pytest.raises(GovernanceError, match="cannot be destroyed"):
        purge(job, _work(tmp_path), as_of=ENDS, keys=keyring, passphrase=TEST_PASSPHRASE)
    assert keyring.key_id == old
    report = purge(
        job, tmp_path / "work", as_of=ENDS + dt.timedelta(days=1), keys=keyring,
        passphrase=TEST_PASSPHRASE,
    )  # fmt: skip
    assert report.destroyed_key == old
    reopened = Keyring.open(keyring.path, passphrase=TEST_PASSPHRASE)
    assert [v.status for v in reopened.versions] == ["destroyed", "active"]
    with pytest.raises(KeyNotFound):
        reopened.namespace_key("link", version=1)
    fresh = reopened.subkey("link:nhs_number").tokens(pa.array(["9434765919"]))[0]
    assert fresh != token  # old tokens can never be made, so never linked, again


def test_keyring_destroy_active_version_refused(keyring: Keyring) -> None:
    with pytest.raises(KeyringError, match="only a retired version"):
        keyring.destroy(keyring.active_version, passphrase=TEST_PASSPHRASE)


def test_keyring_rotate_after_destroy_keeps_destroyed(keyring: Keyring) -> None:
    keyring.rotate(passphrase=TEST_PASSPHRASE)
    keyring.destroy(1, passphrase=TEST_PASSPHRASE)
    keyring.rotate(passphrase=TEST_PASSPHRASE)
    assert [v.status for v in keyring.versions] == ["destroyed", "retired", "active"]


def test_verify_retention_expired_release_fails() -> None:
    manifest = {"governance": {"expires": "2026-03-31"}}
    assert check_retention(manifest, today=dt.date(2026, 3, 31))[0]
    passed, detail = check_retention(manifest, today=dt.date(2026, 4, 1))
    assert not passed and "expired on 2026-03-31" in detail


def test_cli_purge_dry_run_lists_outputs(run_cli, tmp_path: Path) -> None:
    config = tmp_path / "job.yaml"
    config.write_text(yaml.safe_dump(_document()))
    work = _work(tmp_path)
    result = run_cli(
        "purge", "--config", str(config), str(work), "--as-of", "2027-01-01", "--dry-run", "--json"
    )
    assert result.code == 0, result.stderr
    assert len(json.loads(result.stdout)["removed"]) == 5
    assert (work / "linked" / "links.parquet").exists()
    bad = run_cli("purge", "--config", str(config), str(work), "--as-of", "soon")
    assert bad.code == 2 and "ISO date" in bad.stderr


def test_pseudonymise_outputs_carry_the_agreements_expiry(keyring: Keyring) -> None:
    import polars as pl

    from safelink.pseudonymise import pseudonymise

    frame = pl.DataFrame({"nhs": ["9434765919"]})
    governed = parse_config({**_document(), "project": keyring.project})
    summary = pseudonymise(frame, governed, keyring).summary
    assert summary.expires == "2026-03-31" and summary.to_dict()["expires"] == "2026-03-31"
    plain = parse_config({**_document(governance=False), "project": keyring.project})
    assert "expires" not in pseudonymise(frame, plain, keyring).summary.to_dict()
