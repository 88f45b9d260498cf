"""An append-only, hash-chained audit log of the commands run against a project.

One JSON object per line: ``seq``, ``time``, ``user``, ``command``, ``arguments``, ``inputs``
and ``outputs`` (file name -> SHA-256), ``key_ids``, ``outcome``, ``prev``: the ``hash`` of the
previous entry (64 zeros for the first), and ``hash``: the SHA-256 of the entry's canonical JSON
without ``hash``. An edited, deleted, inserted or reordered line breaks the chain, and
:func:`verify_audit_log` says where. Removing lines from the *end*, or rewriting the whole
chain, leaves a valid chain; it is caught by checking against a hash kept elsewhere: every
release manifest records, under its signature, the head it followed and its own entry's hash.

Entries hold names, hashes, counts and key ids only: never a data value or key material.

Every append holds an exclusive lock (``flock``) on a lock file beside the log (``LOG.lock``),
so concurrent commands keep one linear chain. :func:`reserve_audit` holds that lock across
preparing an entry, the caller's work (a release signs its manifest there, naming the entry)
and the append itself. An append is durable (``fsync``) before it returns; one that fails
(a full disk, a read-only log) removes any part of its line it wrote, leaving the log as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import getpass
import hashlib
import hmac
import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard

from safelink.errors import InputError, OutputError, VerificationError

GENESIS = "0" * 64
AUDIT_FORMAT = "safelink-audit/1"
LOCK_SUFFIX = ".lock"
_FIELDS = (
    "format", "seq", "time", "user", "command", "arguments", "inputs", "outputs", "key_ids",
    "outcome", "prev", "hash",
)  # fmt: skip
_SHA256 = re.compile(r"[0-9a-f]{64}")
_HEAD_MISSING = (
    "no entry has the expected head hash: the log was cut short, rewritten or replaced after "
    "that head was recorded (or the head belongs to another log)"
)


def _canonical(record: Mapping[str, Any]) -> bytes:
    return json.dumps(record, sort_keys=True, separators=(",", ":"), default=str).encode("utf-8")


def entry_hash(record: Mapping[str, Any]) -> str:
    """Return the hash an audit entry should carry: SHA-256 of its canonical JSON sans ``hash``."""
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


def _append_error(path: Path, exc: OSError) -> OutputError:
    """What the system refused and how to fix it (never a value from the data)."""
    reasons = {
        errno.ENOSPC: ("the disk is full", "free space"),
        errno.EDQUOT: ("disk quota exceeded", "free space"),
        errno.EROFS: ("the file system is read-only", "make the log's folder writable"),
        errno.EACCES: ("permission denied", "make the log and its folder writable"),
    }
    cause, fix = reasons.get(
        exc.errno or 0, (f"the operating system refused ({exc.strerror})", "check the log")
    )
    return OutputError(
        f"{path}: cannot append to the audit log: {cause}; nothing was recorded. "
        f"{fix.capitalize()} and run the command again."
    )


def _same(a: str, b: str) -> bool:
    """Constant-time equality of two strings (any characters: a tampered log may hold any)."""
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


def is_sha256(value: object) -> TypeGuard[str]:
    """Return whether ``value`` is a SHA-256 hex digest as the log writes it (64 lower-case hex)."""
    return isinstance(value, str) and _SHA256.fullmatch(value) is not None


def lock_path(path: Path | str) -> Path:
    """Return the lock file beside the audit log at ``path`` (``LOG.lock``)."""
    path = Path(path)
    return path.with_name(path.name + LOCK_SUFFIX)


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


@dataclass(frozen=True, slots=True, kw_only=True)
class PendingEntry:
    """An entry prepared under the log's lock by :func:`reserve_audit`, not yet written.

    Attributes:
        seq: its sequence number (its line number once appended).
        prev: the log's head it follows (``GENESIS`` for a new log).
        hash: its own hash: the log's head once it is appended.
    """

    seq: int
    prev: str
    hash: str


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold the exclusive lock on the lock file beside ``path`` (released when closed)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o640)
    except OSError as exc:
        raise _append_error(path, exc) from exc
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        except OSError as exc:
            raise _append_error(path, exc) from exc
        yield
    finally:
        os.close(descriptor)


def _prepare(path: Path, entry: AuditEntry) -> dict[str, Any]:
    """Build the record that follows the log's current last line (call under the lock)."""
    seq, prev = 1, GENESIS
    try:
        with path.open("rb") as handle:
            last = _last_line(handle)
    except FileNotFoundError:
        last = None
    except OSError as exc:
        raise _append_error(path, exc) from exc
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
    record["hash"] = entry_hash(record)
    return record


def _write(path: Path, record: Mapping[str, Any]) -> None:
    """Append ``record`` durably, or leave the log exactly as it was and raise."""
    data = memoryview(_canonical(record) + b"\n")
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o640)
    except OSError as exc:
        raise _append_error(path, exc) from exc
    try:
        size = os.fstat(descriptor).st_size
        try:
            while data:
                data = data[os.write(descriptor, data) :]
            os.fsync(descriptor)
            if size == 0:  # a new log: its name must survive a crash too
                directory = os.open(path.parent, os.O_RDONLY)
                try:
                    os.fsync(directory)
                finally:
                    os.close(directory)
        except OSError as exc:
            # A full disk can take part of the line before refusing the rest: cut it off, so
            # the log stays a valid chain, says nothing of an entry that failed, and the next
            # append works once there is space.
            with contextlib.suppress(OSError):
                os.ftruncate(descriptor, size)
                os.fsync(descriptor)
            raise _append_error(path, exc) from exc
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def reserve_audit(path: Path | str, entry: AuditEntry) -> Iterator[PendingEntry]:
    """Lock the log, prepare ``entry`` to follow its head, and append it when the block ends.

    The whole block runs under the log's lock, so no other command appends meanwhile: the
    yielded ``prev`` stays the head and ``hash`` is the hash the entry will have. A release
    records both in its manifest and signs it inside the block. If the block raises, nothing
    is appended. The append is durable before the block's ``with`` statement completes.

    Example::

        with reserve_audit(log, AuditEntry(command="release", outcome="ok")) as pending:
            manifest["audit"] = {"previous_head": pending.prev, "entry": pending.hash}
            sign(manifest)

    Args:
        path: the project's audit log (``.jsonl``; created if missing).
        entry: what to record.

    Yields:
        The :class:`PendingEntry`: its sequence number, the head it follows, its hash.

    Raises:
        OutputError: the log cannot be locked, read or written (a full disk, a read-only
            file system, a damaged last entry); nothing was appended.
    """
    path = Path(path)
    with _locked(path):
        record = _prepare(path, entry)
        yield PendingEntry(seq=int(record["seq"]), prev=str(record["prev"]), hash=record["hash"])
        _write(path, record)


def append_audit(path: Path | str, entry: AuditEntry) -> str:
    """Append an entry to the audit log at ``path`` (created if missing) and return its hash.

    Args:
        path: the project's audit log (``.jsonl``).
        entry: what to record.

    Returns:
        The SHA-256 of the new line: the log's new head.

    Raises:
        OutputError: the log cannot be written (nothing was appended).
    """
    with reserve_audit(path, entry) as pending:
        pass
    return pending.hash


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


def _read_log(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: audit log not found. Check the path and try again.") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a directory; give the audit log file (.jsonl).") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read the audit log ({exc.strerror}).") from exc


def _parse(line: bytes) -> dict[str, Any] | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict) or set(record) != set(_FIELDS):
        return None
    return record


def _split(raw: bytes) -> list[bytes]:
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return lines


def read_audit_entries(path: Path | str) -> tuple[dict[str, Any] | None, ...]:
    """Read the log's entries in order, ``None`` for a line that is not a well-formed entry.

    Nothing is checked beyond the form of each line: use :func:`verify_audit_log` for the chain.

    Args:
        path: the audit log.

    Returns:
        One parsed entry (or ``None``) per line.

    Raises:
        InputError: the log is missing or unreadable.
    """
    return tuple(_parse(line) for line in _split(_read_log(Path(path))))


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditVerification:
    """The result of :func:`verify_audit_log`.

    Attributes:
        path: the log checked.
        entries: lines read.
        head: the hash of the last line.
        problems: one line per break in the chain (line numbers, never contents), then, when
            an expected head was given and is not in the log, one line saying so.
        expected_head_found: whether the expected head is in the log (None: none was given).
    """

    path: str
    entries: int
    head: str
    problems: tuple[str, ...]
    expected_head_found: bool | None = None

    @property
    def ok(self) -> bool:
        """Whether the chain is intact (and holds the expected head, when one was given)."""
        return not self.problems

    @property
    def chain_intact(self) -> bool:
        """Whether the chain itself is intact, whatever became of the expected head."""
        return len(self.problems) == (1 if self.expected_head_found is False else 0)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "path": self.path,
            "entries": self.entries,
            "head": self.head,
            "ok": self.ok,
            "chain_intact": self.chain_intact,
            "expected_head_found": self.expected_head_found,
            "problems": list(self.problems),
        }


def verify_audit_log(path: Path | str, *, expected_head: str | None = None) -> AuditVerification:
    """Check an audit log's hash chain: edits, deletions, insertions and reorderings.

    Args:
        path: the audit log.
        expected_head: a head hash recorded elsewhere (e.g. a release manifest's
            ``audit.entry``); the log must contain an entry with this hash, which catches
            lines removed from the end and a rewritten chain.

    Returns:
        An :class:`AuditVerification`; check ``ok``.

    Raises:
        InputError: the log is missing or unreadable, or ``expected_head`` is not a SHA-256
            hash (64 hex digits).
    """
    path = Path(path)
    if expected_head is not None:
        expected_head = expected_head.strip().lower()
        if not is_sha256(expected_head):
            raise InputError(
                "the expected head is not a SHA-256 hash (64 hex digits); copy it whole from "
                "a release manifest's audit section, or from 'safelink audit verify' output."
            )
    raw = _read_log(path)
    problems: list[str] = []
    if raw and not raw.endswith(b"\n"):
        problems.append("the last line is incomplete (a write was interrupted or cut)")
    lines = _split(raw)
    prev, hashes = GENESIS, []
    for number, line in enumerate(lines, start=1):
        record = _parse(line)
        if record is None:
            problems.append(f"line {number}: not a well-formed audit entry")
            prev = hashlib.sha256(line).hexdigest()
            continue
        this = str(record["hash"])
        hashes.append(this)
        if not _same(entry_hash(record), this):
            problems.append(f"line {number}: its content does not match its hash (edited)")
        if not _same(str(record["prev"]), prev):
            problems.append(
                f"line {number}: does not follow line {number - 1} (a line was edited, "
                "deleted, inserted or moved)"
                if number > 1
                else "line 1: is not the first entry (lines were deleted from the start)"
            )
        if record["seq"] != number:
            problems.append(f"line {number}: sequence number {record['seq']} (expected {number})")
        prev = this
    found = None
    if expected_head is not None:
        found = expected_head == GENESIS or any(_same(expected_head, h) for h in hashes)
        if not found:
            problems.append(_HEAD_MISSING)
    return AuditVerification(
        path=str(path),
        entries=len(lines),
        head=prev,
        problems=tuple(problems),
        expected_head_found=found,
    )


def require_intact(path: Path | str) -> None:
    """Raise unless the audit log at ``path`` verifies (a missing log is fine: it is new).

    Reads under the log's lock, so a line another command is appending is never mistaken for a
    cut one; a log whose lock cannot be taken (a read-only folder) fails here, before the work.

    Raises:
        VerificationError: the chain is broken.
        OutputError: the log's lock cannot be taken (the log could not be appended to either).
    """
    path = Path(path)
    if not path.exists():
        return
    with _locked(path):
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
