"""Data owners' approvals: detached signatures over the manifest, and a final release."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from safelink.errors import GovernanceError, OutputError, VerificationError
from safelink.infra.audit import read_audit_entries
from safelink.keys import SigningKey
from safelink.release import ReleaseResult, approve, verify
from safelink.release.approval import approval_path

from .conftest import PASSPHRASE, Pipeline, for_recipient

OWNERS = ("example_trust", "example_council")


@dataclasses.dataclass(frozen=True)
class Approved:
    bundle: Path
    keys: dict[str, SigningKey]
    result: ReleaseResult


@pytest.fixture(scope="module")
def candidate(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Approved:
    """A release whose governance records each owner's own approval key."""
    root = tmp_path_factory.mktemp("approvals")
    keys_dir = root / "owners"
    keys_dir.mkdir(mode=0o700)
    keys = {
        o: SigningKey.create(
            keys_dir / f"{o}.signing.key", project="demo", passphrase=PASSPHRASE, scrypt_n=2**14
        )
        for o in OWNERS
    }
    job = pipeline.job()
    assert job.governance is not None
    owners = {
        o: dataclasses.replace(job.governance.owners[o], approval_key=keys[o].key_id)
        for o in OWNERS
    }
    job = for_recipient(job, "uni_research", owners=owners)
    result = pipeline.release(root / "bundle", job=job, audit_log=root / "audit.jsonl")
    return Approved(bundle=result.out_dir, keys=keys, result=result)


def _copy(candidate: Approved, tmp_path: Path) -> Path:
    target = tmp_path / "bundle"
    shutil.copytree(candidate.bundle, target)
    return target


def test_approve_every_owner_makes_release_final(
    pipeline: Pipeline, candidate: Approved, tmp_path: Path
) -> None:
    bundle = _copy(candidate, tmp_path)
    log = tmp_path / "audit.jsonl"
    for owner in OWNERS:
        approve(bundle, owner, candidate.keys[owner], audit_log=log)
    report = verify(bundle, pipeline.public_key, require_approvals=True)
    assert report.ok and report.final
    assert [a.owner for a in report.approvals] == sorted(OWNERS)  # as the manifest sorts them
    assert all(
        a.approved_at and a.key_id == candidate.keys[a.owner].key_id for a in report.approvals
    )
    entries = [e for e in read_audit_entries(log) if e is not None]
    assert [e["command"] for e in entries] == ["approve", "approve"]
    assert entries[0]["key_ids"] == {
        "approval:example_trust": candidate.keys["example_trust"].key_id
    }


def test_verify_missing_approval_not_final_and_fails_when_required(
    pipeline: Pipeline, candidate: Approved, tmp_path: Path
) -> None:
    bundle = _copy(candidate, tmp_path)
    approve(bundle, "example_trust", candidate.keys["example_trust"])
    lenient = verify(bundle, pipeline.public_key)
    assert lenient.ok and not lenient.final
    strict = verify(bundle, pipeline.public_key, require_approvals=True)
    assert not strict.ok
    assert [c.name for c in strict.failures] == ["approval example_council"]
    assert "no approval" in strict.failures[0].detail


def test_approve_with_another_key_refused_nothing_written(
    candidate: Approved, tmp_path: Path
) -> None:
    bundle = _copy(candidate, tmp_path)
    with pytest.raises(GovernanceError, match="use the owner's own signing key"):
        approve(bundle, "example_trust", candidate.keys["example_council"])
    assert not approval_path(bundle, "example_trust").exists()


def test_approve_unknown_owner_refused(candidate: Approved, tmp_path: Path) -> None:
    bundle = _copy(candidate, tmp_path)
    with pytest.raises(GovernanceError, match=r"'someone' is not a data owner"):
        approve(bundle, "someone", candidate.keys["example_trust"])


def test_approve_twice_refused(candidate: Approved, tmp_path: Path) -> None:
    bundle = _copy(candidate, tmp_path)
    approve(bundle, "example_trust", candidate.keys["example_trust"])
    with pytest.raises(OutputError, match="already approved"):
        approve(bundle, "example_trust", candidate.keys["example_trust"])


def test_approve_without_recorded_key_refused(pipeline: Pipeline, released, tmp_path) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(released.out_dir, bundle)
    key = SigningKey.create(
        tmp_path / "k.signing.key", project="demo", passphrase=PASSPHRASE, scrypt_n=2**14
    )
    with pytest.raises(GovernanceError, match="records no approval_key"):
        approve(bundle, "example_trust", key)


def test_verify_altered_approval_fails_even_when_not_required(
    pipeline: Pipeline, candidate: Approved, tmp_path: Path
) -> None:
    bundle = _copy(candidate, tmp_path)
    path = approve(bundle, "example_trust", candidate.keys["example_trust"])
    document = json.loads(path.read_text())
    document["approved_at"] = "2020-01-01T00:00:00+00:00"
    path.write_text(json.dumps(document))
    report = verify(bundle, pipeline.public_key)
    assert not report.ok
    (failure,) = report.failures
    assert failure.name == "approval example_trust" and "altered" in failure.detail


def test_verify_approval_of_another_manifest_fails(
    pipeline: Pipeline, candidate: Approved, released, tmp_path: Path
) -> None:
    # An approval made for one release does not carry over to another.
    bundle = _copy(candidate, tmp_path)
    path = approve(bundle, "example_trust", candidate.keys["example_trust"])
    other = tmp_path / "other"
    shutil.copytree(candidate.bundle, other)
    manifest = json.loads((other / "manifest.json").read_text())
    assert manifest["recipient"] == "uni_research"
    (other / "approvals").mkdir()
    shutil.copy(path, other / "approvals" / path.name)
    (other / "manifest.json").write_text(json.dumps(manifest, indent=1))  # other bytes
    report = verify(other, pipeline.public_key)
    (approval,) = [a for a in report.approvals if a.owner == "example_trust"]
    assert not approval.valid and "another manifest" in approval.detail


def test_cli_approve_then_verify_require_approvals(
    cli, pipeline: Pipeline, candidate: Approved, tmp_path: Path
) -> None:
    bundle = _copy(candidate, tmp_path)
    pub = str(pipeline.root / "keys" / "test.signing.pub")
    code, out, _ = cli("verify", str(bundle), "--public-key", pub)
    assert code == 0 and "final: no" in out
    assert cli("verify", str(bundle), "--public-key", pub, "--require-approvals")[0] == 4
    for owner in OWNERS:
        key = str(candidate.keys[owner].path)
        assert cli("approve", str(bundle), "--as", owner, "--key", key, "--public-key", pub)[0] == 0
    code, out, _ = cli("verify", str(bundle), "--public-key", pub, "--require-approvals")
    assert code == 0 and "final: yes" in out and PASSPHRASE not in out


def test_approve_checks_ttp_signature_first(
    pipeline: Pipeline, candidate: Approved, tmp_path: Path
) -> None:
    bundle = _copy(candidate, tmp_path)
    manifest = bundle / "manifest.json"
    manifest.write_bytes(manifest.read_bytes().replace(b"uni_research", b"uni_researcx", 1))
    with pytest.raises(VerificationError, match="do not approve it"):
        approve(
            bundle, "example_trust", candidate.keys["example_trust"],
            ttp_public_key=pipeline.public_key,
        )  # fmt: skip
    assert not approval_path(bundle, "example_trust").exists()
