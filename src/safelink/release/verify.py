"""Verify a release bundle for the IG lead: signature, file hashes, file set, re-run gates.

Every check gives one pass/fail row; :attr:`VerificationReport.ok` holds only when all pass.
Checks keep going after a failure, so the table shows everything wrong at once. Details name
files, counts and check names: never a data value.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from safelink import io
from safelink.errors import KeyringError, SafelinkError, VerificationError
from safelink.keys import public_key_id
from safelink.release.bundle import DATA_CSV, DATA_PARQUET, PERSON
from safelink.release.gate import disclosure_gate, identifier_gate
from safelink.release.manifest import (
    MANIFEST_FILE,
    SIGNATURE_FILE,
    read_manifest,
    read_signature,
    signature_valid,
)


@dataclass(frozen=True, slots=True)
class Check:
    """One verification check.

    Attributes:
        name: what was checked.
        passed: whether it holds.
        detail: a short explanation (names and counts only).
    """

    name: str
    passed: bool
    detail: str = ""


@dataclass(frozen=True, slots=True)
class VerificationReport:
    """The outcome of :func:`verify`: one :class:`Check` per row."""

    release_dir: str
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        """Whether every check passed (and there was at least one)."""
        return bool(self.checks) and all(c.passed for c in self.checks)

    @property
    def failures(self) -> tuple[Check, ...]:
        """The checks that failed."""
        return tuple(c for c in self.checks if not c.passed)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "release_dir": self.release_dir,
            "ok": self.ok,
            "checks": [
                {"name": c.name, "passed": c.passed, "detail": c.detail} for c in self.checks
            ],
        }


def verify(release_dir: Path | str, public_key_pem: bytes) -> VerificationReport:
    """Check a release bundle against the TTP's public signing key.

    Checks: the manifest's signature; that the signing key is the one given; no missing and
    no extra files; every file's SHA-256; the row count; the disclosure profile re-checked on
    the released data; the identifier gate re-run on every released column.

    Args:
        release_dir: the bundle directory.
        public_key_pem: the TTP's Ed25519 public key (the ``.signing.pub`` file's bytes).

    Returns:
        A :class:`VerificationReport` (check ``ok``).

    Raises:
        VerificationError: ``release_dir`` is not a directory.
        KeyringError: ``public_key_pem`` is not an Ed25519 public key.
    """
    root = Path(release_dir)
    if not root.is_dir():
        raise VerificationError(f"{root}: not a release directory.")
    expected_key = public_key_id(public_key_pem)
    checks: list[Check] = []
    try:
        raw, manifest = read_manifest(root / MANIFEST_FILE)
    except VerificationError as exc:
        return VerificationReport(str(root), (Check("manifest", False, str(exc)),))
    checks.append(Check("manifest", True, "manifest.json is a safelink release manifest"))
    checks.append(_signature_check(root, raw, public_key_pem, expected_key))
    outputs = manifest.get("outputs")
    if not isinstance(outputs, dict):
        checks.append(Check("file list", False, "the manifest lists no output files"))
        return VerificationReport(str(root), tuple(checks))
    listed = set(outputs) | {MANIFEST_FILE, SIGNATURE_FILE}
    present = {p.name for p in root.iterdir()}
    missing, extra = sorted(listed - present), sorted(present - listed)
    checks.append(
        Check(
            "file set",
            not missing and not extra,
            "as listed" if not missing and not extra else f"missing {missing}; extra {extra}",
        )
    )
    hashes_ok = True
    for name in sorted(outputs):
        path = root / name
        if not path.is_file():
            checks.append(Check(f"sha256 {name}", False, "file missing"))
            hashes_ok = False
            continue
        same = hmac.compare_digest(io.sha256_file(path), str((outputs[name] or {}).get("sha256")))
        hashes_ok &= same
        checks.append(Check(f"sha256 {name}", same, "matches" if same else "differs (altered)"))
    checks += _data_checks(root, manifest, outputs, hashes_ok)
    return VerificationReport(str(root), tuple(checks))


def _signature_check(root: Path, raw: bytes, public_key_pem: bytes, expected_key: str) -> Check:
    try:
        key_id, signature = read_signature(root / SIGNATURE_FILE)
    except VerificationError as exc:
        return Check("signature", False, str(exc))
    try:
        valid = signature_valid(raw, signature, public_key_pem)
    except KeyringError as exc:  # pragma: no cover - the key was parsed above
        return Check("signature", False, str(exc))
    if not valid:
        detail = "does not verify: the manifest or signature was altered"
        if not hmac.compare_digest(key_id, expected_key):
            detail += f" (signed by {key_id}, checked with {expected_key})"
        return Check("signature", False, detail)
    return Check("signature", True, f"Ed25519, key {expected_key}")


def _data_checks(
    root: Path, manifest: dict[str, Any], outputs: dict[str, Any], hashes_ok: bool
) -> list[Check]:
    path = root / DATA_PARQUET
    if DATA_PARQUET not in outputs or not path.is_file():
        return [Check("data", False, f"{DATA_PARQUET} missing")]
    try:
        data = io.read_frame(path)
    except SafelinkError:
        return [Check("data", False, f"{DATA_PARQUET} cannot be read")]
    checks = []
    expected_rows = (outputs.get(DATA_PARQUET) or {}).get("rows")
    checks.append(
        Check(
            "row count",
            data.height == expected_rows,
            f"{data.height:,} rows; manifest says {expected_rows}",
        )
    )
    checks.append(_csv_check(root, data, outputs))
    check_document = (manifest.get("disclosure") or {}).get("check_config")
    try:
        report = disclosure_gate(data, check_document or {})
        detail = f"{report.profile.name}: k={report.k.k if report.k else '-'}"
        if report.failures:
            detail += "; " + "; ".join(report.failures)
        checks.append(Check("disclosure re-check", report.passed, detail))
    except SafelinkError as exc:
        checks.append(Check("disclosure re-check", False, f"cannot re-check: {type(exc).__name__}"))
    gate = identifier_gate(data, skip=[PERSON] if PERSON in data.columns else [])
    person_ok = PERSON in data.columns and bool(
        data[PERSON].cast(pl.String).str.contains(r"^p_[0-9a-f]{24}$").all()
    )
    failures = gate.failures() + ([] if person_ok else ["the person column is not pseudonyms"])
    checks.append(
        Check(
            "identifier scan",
            gate.passed and person_ok,
            "no direct identifiers or linkage tokens" if not failures else "; ".join(failures),
        )
    )
    return checks


def _csv_check(root: Path, data: pl.DataFrame, outputs: dict[str, Any]) -> Check:
    path = root / DATA_CSV
    if DATA_CSV not in outputs or not path.is_file():
        return Check("csv matches parquet", False, f"{DATA_CSV} missing")
    try:
        csv = io.read_frame(path)
    except SafelinkError:
        return Check("csv matches parquet", False, f"{DATA_CSV} cannot be read")
    same = csv.height == data.height and csv.columns == data.columns
    return Check("csv matches parquet", same, "same rows and columns" if same else "differs")
