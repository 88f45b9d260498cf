"""An append-only, hash-chained audit log of the commands run against a project.

One JSON object per line: ``seq``, ``time``, ``user``, ``command``, ``arguments``, ``inputs``
and ``outputs`` (file name -> SHA-256), ``key_ids``, ``outcome``, ``prev``: the ``hash`` of the
previous entry (64 zeros for the first), and ``hash``: the SHA-256 of the entry's canonical JSON
without ``hash``. An edited, deleted, inserted or reordered line breaks the chain, and
:func:`verify_audit_log` says where. Removing lines from
the *end* leaves a valid shorter chain; it is caught by checking against a head hash kept
elsewhere (every release manifest records the head it followed: ``expected_head``).

Entries hold names, hashes, counts and key ids only: never a data value or key material.
Appends take an exclusive lock, so concurrent commands keep one linear chain.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import getpass
import hashlib
import hmac
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safelink.errors import OutputError, VerificationError

GENESIS = "0" * 64
AUDIT_FORMAT = "safelink-audit/1"
_FIELDS = (
    "format", "seq", "time", "user", "command", "arguments", "inputs", "outputs", "key_ids",
    "outcome", "prev", "hash",
)  # fmt: skip


def _canonical(record: Mapping[str, Any]) -> bytes:
    return json.dumps(record, sort_keys=True, separators=(",", ":"), default=str).encode("utf-8")


def _entry_hash(record: Mapping[str, Any]) -> str:
    return hashlib.sha256(_canonical({k: v for k, v in record.items() if k != "hash"})).hexdigest()


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (e.g. a container with an unnamed uid)
        return f"uid:{os.getuid()}"


def _last_line(handle: Any) -> bytes | None:
    handle.seek(0, os.SEEK_END)
    size = handle.tell()
    if size == 0:
        return None
    block = min(size, 1 << 16)
    while True:
        handle.seek(size - block)
        data = handle.read(block)
        lines = data.rstrip(b"\n").split(b"\n")
        if len(lines) > 1 or block == size:
            return bytes(lines[-1])
        block = min(size, block * 4)


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditEntry:
    """One command's record in the audit log (names, hashes and key ids only).

    Attributes:
        command: the command (``release``, ``verify``, ...).
        outcome: ``ok``, or ``refused: <ErrorClass>`` / ``failed: <ErrorClass>``.
        arguments: the options that matter (paths, recipient), never data or secrets.
        inputs: input file name -> SHA-256.
        outputs: output file name -> SHA-256.
        key_ids: role -> key id.
    """

    command: str
    outcome: str
    arguments: Mapping[str, Any] = field(default_factory=dict)
    inputs: Mapping[str, str] = field(default_factory=dict)
    outputs: Mapping[str, str] = field(default_factory=dict)
    key_ids: Mapping[str, str] = field(default_factory=dict)


def append_audit(path: Path | str, entry: AuditEntry) -> str:
    """Append an entry to the audit log at ``path`` (created if missing) and return its hash.

    Args:
        path: the project's audit log (``.jsonl``).
        entry: what to record.

    Returns:
        The SHA-256 of the new line: the log's new head.

    Raises:
        OutputError: the log cannot be written.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o640)
        with os.fdopen(fd, "r+b") as handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            last = _last_line(handle)
            seq, prev = 1, GENESIS
            if last is not None:
                try:
                    previous = json.loads(last)
                    seq, prev = int(previous["seq"]) + 1, str(previous["hash"])
                except (ValueError, KeyError, TypeError) as exc:
                    raise OutputError(
                        f"{path}: the last audit entry is damaged; run 'safelink audit verify "
                        f"{path}' and restore the log before running more commands."
                    ) from exc
            record: dict[str, Any] = {
                "format": AUDIT_FORMAT,
                "seq": seq,
                "time": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
                "user": _user(),
                "command": entry.command,
                "arguments": dict(entry.arguments),
                "inputs": dict(sorted(entry.inputs.items())),
                "outputs": dict(sorted(entry.outputs.items())),
                "key_ids": dict(sorted(entry.key_ids.items())),
                "outcome": entry.outcome,
                "prev": prev,
            }
            record["hash"] = _entry_hash(record)
            data = _canonical(record) + b"\n"
            handle.seek(0, os.SEEK_END)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise OutputError(f"{path}: cannot append to the audit log ({exc.strerror}).") from exc
    return str(record["hash"])


def audit_head(path: Path | str) -> str:
    """Return the hash of the log's last entry (``GENESIS`` for a missing or empty log)."""
    path = Path(path)
    if not path.is_file():
        return GENESIS
    with path.open("rb") as handle:
        last = _last_line(handle)
    if last is None:
        return GENESIS
    try:
        return str(json.loads(last)["hash"])
    except (ValueError, KeyError, TypeError) as exc:
        raise VerificationError(f"{path}: the last audit entry is damaged.") from exc


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditVerification:
    """The result of :func:`verify_audit_log`.

    Attributes:
        path: the log checked.
        entries: lines read.
        head: the hash of the last line.
        problems: one line per break in the chain (line numbers, never contents).
    """

    path: str
    entries: int
    head: str
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Whether the chain is intact."""
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "path": self.path,
            "entries": self.entries,
            "head": self.head,
            "ok": self.ok,
            "problems": list(self.problems),
        }


def verify_audit_log(path: Path | str, *, expected_head: str | None = None) -> AuditVerification:
    """Check an audit log's hash chain: edits, deletions, insertions and reorderings.

    Args:
        path: the audit log.
        expected_head: a head hash recorded elsewhere (e.g. in a release manifest); the log
            must contain an entry with this hash, which catches lines removed from the end.

    Returns:
        An :class:`AuditVerification`; check ``ok``.

    Raises:
        VerificationError: the log is missing or unreadable.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise VerificationError(f"{path}: cannot read the audit log ({exc.strerror}).") from exc
    problems: list[str] = []
    if raw and not raw.endswith(b"\n"):
        problems.append("the last line is incomplete (a write was interrupted or cut)")
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    prev, hashes = GENESIS, []
    for number, line in enumerate(lines, start=1):
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or set(record) != set(_FIELDS):
                raise ValueError
        except ValueError:
            problems.append(f"line {number}: not a well-formed audit entry")
            prev = hashlib.sha256(line).hexdigest()
            continue
        this = str(record["hash"])
        hashes.append(this)
        if not hmac.compare_digest(_entry_hash(record), this):
            problems.append(f"line {number}: its content does not match its hash (edited)")
        if not hmac.compare_digest(str(record["prev"]), prev):
            problems.append(
                f"line {number}: does not follow line {number - 1} (a line was edited, "
                "deleted, inserted or moved)"
                if number > 1
                else "line 1: is not the first entry (lines were deleted from the start)"
            )
        if record["seq"] != number:
            problems.append(f"line {number}: sequence number {record['seq']} (expected {number})")
        prev = this
    if expected_head is not None and expected_head != GENESIS and expected_head not in hashes:
        problems.append("the expected head entry is missing (lines were removed from the end)")
    return AuditVerification(
        path=str(path), entries=len(lines), head=prev, problems=tuple(problems)
    )


def require_intact(path: Path | str) -> None:
    """Raise unless the audit log at ``path`` verifies (a missing log is fine: it is new).

    Raises:
        VerificationError: the chain is broken.
    """
    if not Path(path).exists():
        return
    result = verify_audit_log(path)
    if not result.ok:
        raise VerificationError(
            f"{path}: audit log fails verification ({'; '.join(result.problems)}); "
            "restore it before running more commands."
        )


@contextlib.contextmanager
def audited(
    path: Path | str | None,
    command: str,
    *,
    arguments: Mapping[str, Any] | None = None,
    inputs: Mapping[str, str] | None = None,
    key_ids: Mapping[str, str] | None = None,
) -> Iterator[dict[str, str]]:
    """Record a command in the audit log when it ends: ``ok`` or ``failed: <ErrorClass>``.

    Yields a dict the command fills with output file name -> SHA-256. With ``path`` None
    nothing is recorded (no log configured).

    Example::

        with audited(log, "link", inputs={"a.tokens": sha_a}) as outputs:
            result = link_files(...)
            outputs["links.parquet"] = sha256_file(out / "links.parquet")

    Raises:
        VerificationError: the existing log's chain is broken (checked before the command).
    """
    outputs: dict[str, str] = {}
    if path is not None:
        require_intact(path)
    try:
        yield outputs
    except BaseException as exc:
        if path is not None:
            entry = AuditEntry(
                command=command,
                outcome=f"failed: {type(exc).__name__}",
                arguments=dict(arguments or {}),
                inputs=dict(inputs or {}),
                key_ids=dict(key_ids or {}),
            )
            append_audit(path, entry)
        raise
    if path is not None:
        entry = AuditEntry(
            command=command,
            outcome="ok",
            arguments=dict(arguments or {}),
            inputs=dict(inputs or {}),
            outputs=outputs,
            key_ids=dict(key_ids or {}),
        )
        append_audit(path, entry)
