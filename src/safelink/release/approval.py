"""Data owners' approvals of a release candidate: detached Ed25519 signatures over its manifest.

The decision to share is the controller's. Each data owner (or its IG lead or DPO) approves a
release bundle with its *own* signing key (``safelink keys signing`` made for the owner, never
the TTP's), writing ``approvals/OWNER.approval.json`` inside the bundle: a statement naming the
owner, the time, the project, recipient and agreement, and the SHA-256 of the exact
``manifest.json`` bytes, signed with the owner's key. The key id it must be made with is the
one the job's ``governance.owners.OWNER.approval_key`` records, which the TTP's signature over
the manifest covers: an approval made with any other key is refused, and fails ``verify``.

A release is *final* only with a valid approval from the owner of every source it draws on.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from safelink.errors import GovernanceError, KeyringError, OutputError, VerificationError
from safelink.infra import io
from safelink.infra.audit import AuditEntry, append_audit
from safelink.keys import SigningKey, public_key_id, verify_signature
from safelink.release.manifest import (
    MANIFEST_FILE,
    SIGNATURE_FILE,
    canonical_json,
    read_manifest,
    read_signature,
)

APPROVALS_DIR = "approvals"
APPROVAL_FORMAT = "safelink-approval/1"
APPROVAL_SUFFIX = ".approval.json"


@dataclass(frozen=True, slots=True, kw_only=True)
class Approval:
    """One owner's approval of a release, as checked by :func:`check_approvals`.

    Attributes:
        owner: the owner's id (a key of ``governance.owners``).
        name: the owner's organisation name.
        approved_at: when it was signed (ISO 8601, UTC), or None when missing.
        key_id: the key id it was made with, or None when missing.
        present: whether the bundle holds an approval file for the owner.
        valid: whether it is present and checks against the manifest and the recorded key.
        detail: why not, or who and when (names, times and key ids only).
    """

    owner: str
    name: str
    approved_at: str | None
    key_id: str | None
    present: bool
    valid: bool
    detail: str


def same_digest(a: str, b: str) -> bool:
    """Constant-time equality of two digests or key ids (any characters: a file may be altered)."""
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


def approval_path(bundle: Path | str, owner: str) -> Path:
    """Where ``owner``'s approval of ``bundle`` is written."""
    return Path(bundle) / APPROVALS_DIR / f"{owner}{APPROVAL_SUFFIX}"


def _owners(manifest: Mapping[str, Any]) -> dict[str, Any]:
    record = manifest.get("governance")
    owners = record.get("owners") if isinstance(record, Mapping) else None
    return dict(owners) if isinstance(owners, Mapping) else {}


def required_owners(manifest: Mapping[str, Any]) -> tuple[str, ...]:
    """The owners whose approval makes the release final: those of every governed source."""
    record = manifest.get("governance")
    sources = record.get("sources") if isinstance(record, Mapping) else None
    if not isinstance(sources, Mapping):
        return ()
    found = {str(s.get("owner")) for s in sources.values() if isinstance(s, Mapping)}
    return tuple(o for o in _owners(manifest) if o in found)


def approve(
    bundle: Path | str,
    owner: str,
    signing_key: SigningKey,
    *,
    ttp_public_key: bytes | None = None,
    audit_log: Path | str | None = None,
    now: dt.datetime | None = None,
) -> Path:
    """Write ``owner``'s approval of a release bundle, signed with the owner's own key.

    Args:
        bundle: the release bundle directory.
        owner: the owner's id (a key of the manifest's ``governance.owners``).
        signing_key: the owner's signing key (its key id must be the one the governance
            records for the owner).
        ttp_public_key: the TTP's ``.signing.pub``: when given (recommended), the manifest's
            signature is checked first, so an owner never approves an altered manifest.
        audit_log: an audit log to record the approval in (optional).
        now: the approval time (default: now, UTC).

    Returns:
        The approval file's path.

    Raises:
        VerificationError: the bundle has no readable release manifest, or its signature
            does not verify with ``ttp_public_key``.
        GovernanceError: the manifest has no governance, the owner is not one of its owners,
            no approval key is recorded for the owner, or the key is another one.
        OutputError: the owner already approved this bundle, or the file cannot be written.
    """
    root = Path(bundle)
    raw, manifest = read_manifest(root / MANIFEST_FILE)
    if ttp_public_key is not None:
        _, signature = read_signature(root / SIGNATURE_FILE)
        if not verify_signature(ttp_public_key, raw, signature):
            raise VerificationError(
                f"{root}: the manifest's signature does not verify with the TTP's key given; "
                "do not approve it: ask the TTP for the bundle again."
            )
    owners = _owners(manifest)
    if owner not in owners:
        raise GovernanceError(
            f"{root}: {owner!r} is not a data owner of this release (owners: {sorted(owners)}); "
            "give --as one of them."
        )
    recorded = owners[owner].get("approval_key") if isinstance(owners[owner], Mapping) else None
    if not recorded:
        raise GovernanceError(
            f"{root}: the governance records no approval_key for owner {owner!r}; record the "
            "owner's key id in governance.owners and release again."
        )
    if not same_digest(signing_key.key_id, str(recorded)):
        raise GovernanceError(
            f"{root}: owner {owner!r} approves with key {recorded}, not {signing_key.key_id}; "
            "use the owner's own signing key."
        )
    destination = approval_path(root, owner)
    if destination.exists():
        raise OutputError(f"{destination}: {owner!r} has already approved this release.")
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    statement = {
        "format": APPROVAL_FORMAT,
        "owner": owner,
        "approved_at": moment.isoformat(timespec="seconds"),
        "project": manifest.get("project"),
        "recipient": manifest.get("recipient"),
        "agreement": (manifest.get("governance") or {}).get("agreement", {}).get("id"),
        "manifest_sha256": io.sha256_bytes(raw),
    }
    document = canonical_json(
        {
            **statement,
            "algorithm": "Ed25519",
            "key_id": signing_key.key_id,
            "public_key": signing_key.public_key_pem().decode("ascii"),
            "signature": base64.b64encode(signing_key.sign(canonical_json(statement))).decode(),
        }
    )
    try:
        destination.parent.mkdir(exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{destination.parent}: cannot be created ({exc.strerror}).") from exc
    with io.atomic_path(destination, mode=0o644) as temporary:
        temporary.write_bytes(document)
    if audit_log is not None:
        append_audit(
            audit_log,
            AuditEntry(
                command="approve",
                outcome="ok",
                arguments={"owner": owner, "bundle": str(root)},
                inputs={MANIFEST_FILE: statement["manifest_sha256"]},
                outputs={destination.name: io.sha256_bytes(document)},
                key_ids={f"approval:{owner}": signing_key.key_id},
            ),
        )
    return destination


def _check_one(
    path: Path, owner: str, recorded: str | None, manifest_sha256: str
) -> tuple[bool, str, str | None, str | None]:
    """(valid, detail, approved_at, key_id) of one approval file."""
    try:
        document = json.loads(path.read_bytes())
        statement = {
            k: document[k]
            for k in (
                "format", "owner", "approved_at", "project", "recipient", "agreement",
                "manifest_sha256",
            )
        }  # fmt: skip
        signature = base64.b64decode(str(document["signature"]), validate=True)
        pem = str(document["public_key"]).encode("ascii")
        key_id = public_key_id(pem)
    except (OSError, ValueError, KeyError, TypeError, binascii.Error, KeyringError):
        return False, "malformed approval file", None, None
    when = str(statement["approved_at"])
    if statement["format"] != APPROVAL_FORMAT or statement["owner"] != owner:
        return False, "not an approval by this owner", when, key_id
    if recorded is None or not same_digest(key_id, recorded):
        return False, f"made with key {key_id}, not the owner's recorded key", when, key_id
    if not verify_signature(pem, canonical_json(statement), signature):
        return False, "signature does not verify: the approval was altered", when, key_id
    if not same_digest(str(statement["manifest_sha256"]), manifest_sha256):
        return False, "approves another manifest (the release changed since)", when, key_id
    return True, f"approved {when} with key {key_id}", when, key_id


def check_approvals(bundle: Path | str, manifest_bytes: bytes) -> tuple[Approval, ...]:
    """Check every required owner's approval of a bundle (missing ones included, not valid).

    Args:
        bundle: the release bundle directory.
        manifest_bytes: the exact bytes of its ``manifest.json``.

    Returns:
        One :class:`Approval` per owner whose approval the release needs, in config order.

    Raises:
        VerificationError: the manifest bytes are not JSON.
    """
    try:
        manifest = json.loads(manifest_bytes)
    except ValueError as exc:
        raise VerificationError(f"{bundle}: manifest.json is not valid JSON.") from exc
    owners = _owners(manifest)
    digest = io.sha256_bytes(manifest_bytes)
    out = []
    for owner in required_owners(manifest):
        info = owners[owner] if isinstance(owners[owner], Mapping) else {}
        name = str(info.get("name") or owner)
        recorded = info.get("approval_key")
        path = approval_path(bundle, owner)
        if not path.is_file():
            out.append(Approval(owner=owner, name=name, approved_at=None, key_id=None,
                                present=False, valid=False, detail="no approval"))  # fmt: skip
            continue
        valid, detail, when, key_id = _check_one(
            path, owner, str(recorded) if recorded else None, digest
        )
        out.append(Approval(owner=owner, name=name, approved_at=when, key_id=key_id,
                            present=True, valid=valid, detail=detail))  # fmt: skip
    return tuple(out)
