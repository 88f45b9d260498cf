"""Release bundles for analysts: per-recipient pseudonyms, signed manifest, audit log, verify.

Example::

    result = release("configs/demo.yaml", "release/uni", keys=ring, signing_key=signer,
                     recipient="uni_research")
    verify("release/uni", Path("keys/demo.signing.pub").read_bytes()).ok
"""

from __future__ import annotations

from safelink.infra.audit import (
    AuditEntry,
    AuditVerification,
    append_audit,
    audit_head,
    audited,
    verify_audit_log,
)
from safelink.release.approval import Approval, approve, check_approvals
from safelink.release.bundle import ReleaseResult, release
from safelink.release.delivery import decrypt_bundle, decrypt_file, encrypt_bundle, encrypt_file
from safelink.release.demo import DEMO_RELEASE, release_demo
from safelink.release.gate import IdentifierGate, identifier_gate
from safelink.release.manifest import canonical_json
from safelink.release.pseudonyms import pseudonymise_persons, recipient_key
from safelink.release.settings import ReleaseColumn, ReleaseSettings, release_settings
from safelink.release.verify import Check, VerificationReport, verify

__all__ = [
    "DEMO_RELEASE",
    "Approval",
    "AuditEntry",
    "AuditVerification",
    "Check",
    "IdentifierGate",
    "ReleaseColumn",
    "ReleaseResult",
    "ReleaseSettings",
    "VerificationReport",
    "append_audit",
    "approve",
    "audit_head",
    "audited",
    "canonical_json",
    "check_approvals",
    "decrypt_bundle",
    "decrypt_file",
    "encrypt_bundle",
    "encrypt_file",
    "identifier_gate",
    "pseudonymise_persons",
    "recipient_key",
    "release",
    "release_demo",
    "release_settings",
    "verify",
    "verify_audit_log",
]
