"""Verify a release bundle for the IG lead: signature, file hashes, file set, re-run gates.

Every check gives one pass/fail row; :attr:`VerificationReport.ok` holds only when all pass.
Checks keep going after a failure, so the table shows everything wrong at once. Details name
files, counts, line numbers and check names: never a data value.

With the project's audit log, two more rows: the log's chain, and the release's own entry: the
signed manifest records the head the release followed and its entry's hash, so an entry removed
from the end of the log, edited, or a chain rewritten after the release, is caught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from safelink.errors import InputError, KeyringError, SafelinkError, VerificationError
from safelink.infra import io
from safelink.infra.audit import (
    GENESIS,
    entry_hash,
    is_sha256,
    read_audit_entries,
    verify_audit_log,
)
from safelink.keys import public_key_id
from safelink.release.approval import APPROVALS_DIR, Approval, check_approvals, same_digest
from safelink.release.gate import disclosure_gate, identifier_gate
from safelink.release.governance import check_governance, check_retention
from safelink.release.manifest import (
    MANIFEST_FILE,
    SIGNATURE_FILE,
    read_manifest,
    read_signature,
    signature_valid,
)
from safelink.release.settings import PERSON
from safelink.release.writer import DATA_CSV, DATA_PARQUET

_KEY_ID = re.compile(r"kid_[0-9a-f]{16}")


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
    """The outcome of :func:`verify`: one :class:`Check` per row, and the owners' approvals."""

    release_dir: str
    checks: tuple[Check, ...]
    approvals: tuple[Approval, ...] = ()

    @property
    def final(self) -> bool:
        """Whether the release is final: it verifies, and every owner validly approved it."""
        return self.ok and bool(self.approvals) and all(a.valid for a in self.approvals)

    @property
    def ok(self) -> bool:
        """Whether every check passed (and there was at least one)."""
        return bool(self.checks) and all(c.passed for c in self.checks)

    @property
    def failures(self) -> tuple[Check, ...]:
        """The checks that failed."""
        return tuple(c for c in self.checks if not c.passed)

    def to_frame(self) -> pl.DataFrame:
        """One row per check: ``check``, ``passed``, ``detail`` (``.to_pandas()`` for pandas)."""
        return pl.DataFrame(
            {
                "check": [c.name for c in self.checks],
                "passed": [c.passed for c in self.checks],
                "detail": [c.detail for c in self.checks],
            },
            schema={"check": pl.String, "passed": pl.Boolean, "detail": pl.String},
        )

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "release_dir": self.release_dir,
            "ok": self.ok,
            "final": self.final,
            "approvals": [
                {
                    "owner": a.owner,
                    "name": a.name,
                    "approved_at": a.approved_at,
                    "key_id": a.key_id,
                    "valid": a.valid,
                    "detail": a.detail,
                }
                for a in self.approvals
            ],
            "checks": [
                {"name": c.name, "passed": c.passed, "detail": c.detail} for c in self.checks
            ],
        }


def verify(
    release_dir: Path | str,
    public_key_pem: bytes,
    *,
    audit_log: Path | str | None = None,
    require_approvals: bool = False,
) -> VerificationReport:
    """Check a release bundle against the TTP's public signing key.

    Checks: the manifest's signature; that the key id the manifest records for signing is
    the given key's; no missing and no extra files; every file's SHA-256; the row count; the
    CSV's columns, rows and values against the Parquet's; the disclosure profile re-checked on
    the released data; the identifier gate re-run on every released column; the governance the
    manifest records (agreement in force, its recipient, every column permitted) and its
    retention (not past its expiry). With ``audit_log``: the log's chain, and that the log holds
    this release's entry, right after the head the manifest records, naming the bundle's data
    files.

    Args:
        release_dir: the bundle directory.
        public_key_pem: the TTP's Ed25519 public key (the ``.signing.pub`` file's bytes).
        audit_log: the project's audit log (the log the release was recorded in).
        require_approvals: a missing owner's approval fails verification (by default it only
            makes the release not final). An approval present but invalid always fails.

    Returns:
        A :class:`VerificationReport` (check ``ok``).

    Raises:
        VerificationError: ``release_dir`` is not a directory.
        KeyringError: ``public_key_pem`` is not an Ed25519 public key.
        InputError: ``audit_log`` is missing or unreadable.
    """
    root = Path(release_dir)
    if not root.is_dir():
        raise VerificationError(f"{root}: not a release directory.")
    expected_key = public_key_id(public_key_pem)
    entries = read_audit_entries(audit_log) if audit_log is not None else None
    checks: list[Check] = []
    try:
        raw, manifest = read_manifest(root / MANIFEST_FILE)
    except VerificationError as exc:
        return VerificationReport(str(root), (Check("manifest", False, str(exc)),))
    checks.append(Check("manifest", True, "manifest.json is a safelink release manifest"))
    checks.append(_signature_check(root, raw, public_key_pem, expected_key))
    checks.append(_signing_key_check(manifest, expected_key))
    checks.append(Check("governance", *check_governance(manifest)))
    checks.append(Check("retention", *check_retention(manifest)))
    outputs = manifest.get("outputs")
    if not isinstance(outputs, dict):
        checks.append(Check("file list", False, "the manifest lists no output files"))
        return VerificationReport(str(root), tuple(checks))
    listed = set(outputs) | {MANIFEST_FILE, SIGNATURE_FILE}
    # Owners' approvals are added after the release, beside the files it signed.
    present = {p.name for p in root.iterdir()} - {APPROVALS_DIR}
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
        same = same_digest(io.sha256_file(path), str(_field(outputs, name, "sha256")))
        hashes_ok &= same
        checks.append(Check(f"sha256 {name}", same, "matches" if same else "differs (altered)"))
    checks += _data_checks(root, manifest, outputs, hashes_ok)
    if audit_log is not None and entries is not None:
        checks += _audit_checks(Path(audit_log), entries, manifest, outputs)
    approvals = check_approvals(root, raw)
    for approval in approvals:
        if not approval.present and not require_approvals:
            continue  # listed in the report; the release is only not final
        checks.append(
            Check(
                f"approval {approval.owner}", approval.valid, f"{approval.name}: {approval.detail}"
            )
        )
    return VerificationReport(str(root), tuple(checks), approvals)


def _signing_key_check(manifest: dict[str, Any], expected_key: str) -> Check:
    """The key id the manifest records for signing must be the key given to verify."""
    recorded = _field(manifest, "key_ids", "signing")
    if not isinstance(recorded, str):
        return Check("signing key", False, "the manifest records no signing key id")
    if not same_digest(recorded, expected_key):
        named = recorded if _KEY_ID.fullmatch(recorded) else "a malformed key id"
        return Check(
            "signing key",
            False,
            f"the manifest names signing key {named}, but the public key given is "
            f"{expected_key}; verify with the TTP's published signing key",
        )
    return Check("signing key", True, f"the manifest names key {expected_key}")


def _audit_checks(
    log: Path,
    entries: tuple[dict[str, Any] | None, ...],
    manifest: dict[str, Any],
    outputs: dict[str, Any],
) -> list[Check]:
    try:
        chain = verify_audit_log(log)
    except InputError as exc:  # read above; only a log changed meanwhile gets here
        return [Check("audit chain", False, str(exc))]
    checks = [
        Check(
            "audit chain",
            chain.ok,
            f"{chain.entries} entries, intact" if chain.ok else "; ".join(chain.problems),
        )
    ]
    audit = manifest.get("audit") or {}
    entry, previous = audit.get("entry"), audit.get("previous_head")
    if not is_sha256(entry) or not is_sha256(previous):
        checks.append(
            Check(
                "audit entry",
                False,
                "the manifest records no audit entry (released without an audit log, or by an "
                "older safelink); the release cannot be matched to the log",
            )
        )
        return checks
    hashes = [str(e["hash"]) if e is not None else "" for e in entries]
    line = _line_of(hashes, entry)
    record = entries[line - 1] if line is not None else None
    if line is None or record is None:
        checks.append(Check("audit entry", False, _missing_entry(hashes, previous)))
        return checks
    checks.append(_entry_check(line, record, entry, previous, outputs))
    return checks


def _line_of(hashes: list[str], wanted: str) -> int | None:
    """The line number of the entry with hash ``wanted``, if any."""
    for number, value in enumerate(hashes, start=1):
        if same_digest(value, wanted):
            return number
    return None


def _missing_entry(hashes: list[str], previous: str) -> str:
    genesis = same_digest(previous, GENESIS)
    before = 0 if genesis else _line_of(hashes, previous)
    lines_in_log = len(hashes)
    if before is None:
        return (
            "the log holds neither this release's entry nor the head it followed: the log was "
            "rewritten or replaced after the release, or it is another project's log"
        )
    if before == lines_in_log:
        return (
            f"this release's entry (line {before + 1}) is missing: it was removed from the end "
            "of the log"
        )
    return f"line {before + 1} is not this release's entry: the log was rewritten after the release"


def _entry_check(
    line: int, record: dict[str, Any], entry: str, previous: str, outputs: dict[str, Any]
) -> Check:
    wrong = []
    if not same_digest(entry_hash(record), entry):
        wrong.append("its content does not match its hash (edited)")
    if not same_digest(str(record["prev"]), previous):
        wrong.append("it does not follow the head the manifest records")
    if record["command"] != "release" or record["outcome"] != "ok":
        wrong.append("it is not a successful release")
    data = {name: str(_field(outputs, name, "sha256")) for name in outputs}
    if record["outputs"] != data:
        wrong.append("its file hashes are not this bundle's")
    if wrong:
        return Check("audit entry", False, f"line {line}: " + "; ".join(wrong))
    return Check("audit entry", True, f"line {line}, right after the head the manifest records")


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
        if not same_digest(key_id, expected_key):
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
    expected_rows = _field(outputs, DATA_PARQUET, "rows")
    checks.append(
        Check(
            "row count",
            data.height == expected_rows,
            f"{data.height:,} rows; manifest says {expected_rows}",
        )
    )
    checks.append(_csv_check(root, data, outputs))
    check_document = _field(manifest, "disclosure", "check_config")
    try:
        report = disclosure_gate(data, check_document or {})
        detail = f"{report.profile.name}: k={report.k.k if report.k else '-'}"
        if report.failures:
            detail += "; " + "; ".join(report.failures)
        checks.append(Check("disclosure re-check", report.passed, detail))
    except SafelinkError as exc:
        checks.append(Check("disclosure re-check", False, f"cannot re-check: {type(exc).__name__}"))
    recorded = _field(manifest, "detection", "release_gate")
    reviewed = recorded.get("reviewed") if isinstance(recorded, dict) else None
    try:
        gate = identifier_gate(
            data,
            skip=[PERSON] if PERSON in data.columns else [],
            reviewed=reviewed if isinstance(reviewed, dict) else None,
        )
    except SafelinkError as exc:
        checks.append(Check("identifier scan", False, f"cannot scan: {type(exc).__name__}"))
        return checks
    person_ok = PERSON in data.columns and bool(
        data[PERSON].cast(pl.String).str.contains(r"^p_[0-9a-f]{24}$").all()
    )
    failures = gate.failures() + ([] if person_ok else ["the person column is not pseudonyms"])
    detail = "no direct identifiers or linkage tokens" if not failures else "; ".join(failures)
    if gate.overruled:
        detail += (
            f" (the detector's finding on {list(gate.overruled)} overruled by the IG lead's "
            "review the manifest records)"
        )
    checks.append(Check("identifier scan", gate.passed and person_ok, detail))
    return checks


def _field(document: dict[str, Any], section: str, name: str) -> Any:
    """``document[section][name]``, or None where a (tampered) manifest has no such mapping."""
    value = document.get(section)
    return value.get(name) if isinstance(value, dict) else None


def _csv_check(root: Path, data: pl.DataFrame, outputs: dict[str, Any]) -> Check:
    """The CSV holds the Parquet's columns, rows and values (as the release wrote them).

    The Parquet is rendered as the release renders its CSV (formulas neutralised) and both are
    read back as text, so every cell is compared; the detail names columns and a row number,
    never a value.
    """
    name = "csv matches parquet"
    path = root / DATA_CSV
    if DATA_CSV not in outputs or not path.is_file():
        return Check(name, False, f"{DATA_CSV} missing")
    if data.width > 1 and _same_csv_bytes(path, data):
        # The very bytes the release writes: every cell the same, read a slice at a time.
        # (One column is left to the full comparison: its empty cells make empty lines.)
        return Check(name, True, f"same columns, {data.height:,} rows and every value")
    try:
        csv = pl.read_csv(path, infer_schema=False)
    except (OSError, pl.exceptions.PolarsError):
        return Check(name, False, f"{DATA_CSV} cannot be read as CSV")
    expected = pl.read_csv(
        io.neutralise_formulas(data).write_csv().encode("utf-8"), infer_schema=False
    )
    if csv.columns != expected.columns:
        missing = [c for c in expected.columns if c not in csv.columns]
        extra = [c for c in csv.columns if c not in expected.columns]
        what = f"missing {missing}; extra {extra}" if missing or extra else "in another order"
        return Check(name, False, f"columns differ from {DATA_PARQUET}'s: {what}")
    if csv.height != expected.height:
        return Check(
            name, False, f"{csv.height:,} rows in {DATA_CSV}, {expected.height:,} in {DATA_PARQUET}"
        )
    differ = csv.select(pl.col(c).ne_missing(expected.get_column(c)) for c in csv.columns)
    columns = [c for c in csv.columns if differ.get_column(c).any()]
    if columns:
        first = int(differ.select(pl.any_horizontal(pl.all()).arg_max()).item())
        return Check(
            name,
            False,
            f"values differ in column(s) {columns} (first at data row {first + 1:,}); the CSV "
            f"is not the Parquet's data",
        )
    return Check(name, True, f"same columns, {csv.height:,} rows and every value")


_CSV_SLICE_ROWS = 200_000


def _same_csv_bytes(path: Path, data: pl.DataFrame) -> bool:
    """Whether ``path`` holds exactly the CSV the release writes of ``data``.

    The Parquet is rendered as :func:`safelink.infra.io.write_csv_safe` renders it, a slice
    of rows at a time, and compared with the file's next bytes: memory is one slice, where
    reading both whole as text held gigabytes at national scale (15M rows). Any difference
    sends the check to the cell-by-cell comparison, which says where they differ.
    """
    try:
        with path.open("rb") as handle:
            pieces = data.iter_slices(_CSV_SLICE_ROWS) if data.height else iter([data])
            for number, piece in enumerate(pieces):
                text = io.neutralise_formulas(piece).write_csv(include_header=number == 0)
                expected = text.encode("utf-8")
                if handle.read(len(expected)) != expected:
                    return False
            return handle.read(1) == b""
    except OSError:
        return False
