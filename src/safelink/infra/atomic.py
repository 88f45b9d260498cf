"""Atomic outputs: a file, a directory, or a group of files that must change together.

Every output goes to a temporary beside its destination and is renamed into place only when
complete, so a crash or a full disk never leaves a half-written file. Outputs that must change
together (a tokens file and the summary that records its hash; links and their report) are
committed as one group through a roll-forward journal (:func:`atomic_files`), so a run killed at
any moment leaves either the whole previous set or the whole new set. Failures become an
:class:`~safelink.errors.OutputError` that says what the system refused and how to fix it.
:mod:`safelink.infra.io` re-exports the public names.

Permissions: outputs hold tokens, content or released data, so every temporary is created
owner-only (mode 0600, made stricter still by the umask, never looser) before anything is
written to it, and keeps that mode when it is renamed into place; there is no moment at which
another local user can open it, whatever the umask. Directories made for outputs are 0700.
Share an output deliberately (``chmod``, an ACL, a group-owned directory with default ACLs).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import secrets
import shutil
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from safelink.errors import OutputError

#: Mode of every output file (before the umask, which can only make it stricter).
PRIVATE_FILE_MODE = 0o600
#: Mode of every directory made for outputs.
PRIVATE_DIRECTORY_MODE = 0o700


@contextlib.contextmanager
def atomic_path(destination: Path | str, *, mode: int = PRIVATE_FILE_MODE) -> Iterator[Path]:
    """Yield a temporary path beside ``destination``; rename it into place on success.

    The temporary exists, empty, with ``mode`` (less any umask bits) before it is yielded;
    write it in place (opening it for writing keeps the mode). On any exception the temporary
    file is removed and the destination is left as it was.

    Args:
        destination: the final path.
        mode: permission bits of the output; the default lets only the owner read it. A
            public output (a public key) may pass ``0o644``.

    Raises:
        OutputError: the directory is missing or not writable, the disk is full, or nothing
            was written.

    """
    destination = Path(destination)
    if destination.is_dir():
        raise OutputError(f"{destination}: is a directory; give a file path for this output.")
    parent = destination.parent
    if not parent.is_dir():
        raise OutputError(f"{parent}: output directory does not exist; create it first.")
    complete_interrupted_commits(parent)
    remove_stale_temporaries(destination)
    temporary = parent / f".{destination.name}.tmp-{secrets.token_hex(6)}"
    try:
        _create_private(temporary, mode)
        yield temporary
        if not _was_written(temporary):
            raise OutputError(f"{destination}: nothing was written.")
        _restrict(temporary, mode)
        _fsync(temporary)
        os.replace(temporary, destination)
    except OSError as exc:
        raise _output_error(destination, exc) from exc
    finally:
        # Best effort: on a read-only file system even unlinking a missing file fails.
        if temporary.exists():
            with contextlib.suppress(OSError):
                temporary.unlink()


@contextlib.contextmanager
def atomic_directory(destination: Path | str, *, replace: bool = False) -> Iterator[Path]:
    """Yield a temporary directory beside ``destination``; rename it into place on success.

    A reader sees either no directory or a complete one. With ``replace`` an existing
    destination is swapped out only after the new one is complete. The directory is made
    owner-only (0700).

    Raises:
        OutputError: the destination exists (without ``replace``) or cannot be written.

    """
    destination = Path(destination)
    if not replace:
        refuse_existing(destination)
    parent = destination.parent
    if not parent.is_dir():
        raise OutputError(f"{parent}: output directory does not exist; create it first.")
    remove_stale_temporaries(destination)
    temporary = parent / f".{destination.name}.tmp-{secrets.token_hex(6)}"
    try:
        temporary.mkdir(mode=PRIVATE_DIRECTORY_MODE)
        yield temporary
        old = None
        if destination.exists():
            old = parent / f".{destination.name}.old-{secrets.token_hex(6)}"
            os.replace(destination, old)
        os.replace(temporary, destination)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise _output_error(destination, exc) from exc
    finally:
        if temporary.exists():
            shutil.rmtree(temporary, ignore_errors=True)


def refuse_existing(destination: Path | str, *, choose: str = "a new output directory") -> None:
    """Refuse an output that exists already: call it before any work, not after.

    Args:
        destination: the file or directory about to be made.
        choose: what the message tells the user to choose instead.

    Raises:
        OutputError: ``destination`` exists.
    """
    if Path(destination).exists():
        raise OutputError(f"{destination}: already exists; choose {choose} or remove it.")


def ensure_output_directory(directory: Path | str) -> Path:
    """Create an output directory, and any missing parents, owner-only (0700).

    An existing directory is left as it is (its owner chose its permissions).

    Returns:
        The directory.

    Raises:
        OutputError: it cannot be created (a file is in the way, permission denied, ...).

    """
    directory = Path(directory)
    missing = [folder for folder in (directory, *directory.parents) if not folder.exists()]
    try:
        for folder in reversed(missing):
            with contextlib.suppress(FileExistsError):
                folder.mkdir(mode=PRIVATE_DIRECTORY_MODE)
    except OSError as exc:
        raise _output_error(directory, exc) from exc
    if not directory.is_dir():
        raise OutputError(f"{directory}: exists and is not a directory; choose another output.")
    return directory


def remove_stale_temporaries(destination: Path) -> int:
    """Remove temporary files or folders a killed run left for ``destination``.

    A run killed with SIGKILL cannot clean up; the next write of the same output does. (Two
    runs writing the same output at once are not supported: one of them then fails loudly.)

    Returns:
        How many were removed.
    """
    removed = 0
    # A group commit writes each file to a temporary through an atomic write of its own, so a
    # kill inside that write leaves a temporary of the temporary: "..NAME.tmp-X.tmp-Y".
    patterns = (f".{destination.name}.tmp-*", f"..{destination.name}.tmp-*.tmp-*")
    stales = {p for pattern in patterns for p in destination.parent.glob(pattern)}
    for stale in sorted(stales):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                stale.unlink()
        removed += 1
    return removed


# -- group commits: several files that change together -----------------------------------------
#
# Protocol (a roll-forward journal, one per group, in the group's directory):
#   1. each file is written to a temporary beside its destination; all are fsynced, then the
#      directory, so the temporaries are durable before anything refers to them;
#   2. the journal (temporary -> destination file names, no data, with its own SHA-256) is
#      written to a temporary, fsynced and renamed into place; the directory is fsynced. This
#      rename is the commit point: before it the previous set stands, after it the new one does;
#   3. each temporary is renamed onto its destination; the directory is fsynced;
#   4. the journal is deleted; the directory is fsynced.
# A run killed after the commit point leaves a journal; the next write into the directory, or
# the next read through verify_outputs or link, rolls it forward (renames the temporaries left).
# Temporaries without a journal are a run killed before its commit point: stale, and removed by
# the next write of the same output.

JOURNAL_SUFFIX = ".safelink-journal"
_JOURNAL_FORMAT = "safelink-commit-journal/1"
_JOURNAL_MAX_BYTES = 1 << 16


@contextlib.contextmanager
def atomic_files(destinations: Sequence[Path | str]) -> Iterator[list[Path]]:
    """Yield temporary paths for several files in one directory; commit them all or none.

    The caller writes every temporary. On success the files replace their destinations as one
    group, through a roll-forward journal: a process killed at any moment leaves the directory
    with either the complete previous set or, once :func:`complete_interrupted_commits` has
    run, the complete new set; never a mix and never a half-written file. On an exception in
    the body nothing is committed and the temporaries are removed.

    Args:
        destinations: the final paths, all in the same existing directory, no repeats.

    Yields:
        One temporary path per destination, in the same order: each an empty owner-only file
        (see :func:`atomic_path`) to be written in place.

    Raises:
        OutputError: the destinations are not in one existing directory, a temporary was not
            written, or the directory cannot be written (read-only, disk full).

    Example::

        with atomic_files([out / "links.parquet", out / "linkage_report.json"]) as (a, b):
            write_parquet(links, a)
            write_json(report, b)

    """
    finals = [Path(d) for d in destinations]
    directory = _group_directory(finals)
    journal = directory / f".{finals[0].name}{JOURNAL_SUFFIX}"
    complete_interrupted_commits(directory)
    for path in [journal, *finals]:
        remove_stale_temporaries(path)
    temporaries = [directory / f".{f.name}.tmp-{secrets.token_hex(6)}" for f in finals]
    committed = False
    try:
        for temporary in temporaries:
            _create_private(temporary, PRIVATE_FILE_MODE)
        yield list(temporaries)
        for final, temporary in zip(finals, temporaries, strict=True):
            if not _was_written(temporary):
                raise OutputError(f"{final}: nothing was written.")
            _restrict(temporary, PRIVATE_FILE_MODE)
            _fsync(temporary)
        _fsync_directory(directory)
        renames = [(t.name, f.name) for t, f in zip(temporaries, finals, strict=True)]
        _write_journal(journal, renames)
        committed = True
        _roll_forward(directory, journal, renames)
    except OSError as exc:
        if committed:
            raise _interrupted_commit_error(directory, exc) from exc
        failed = {t.name: f for t, f in zip(temporaries, finals, strict=True)}
        raise _output_error(failed.get(Path(str(exc.filename or "")).name, directory), exc) from exc
    finally:
        if not committed:
            for temporary in temporaries:
                with contextlib.suppress(OSError):
                    temporary.unlink(missing_ok=True)


def complete_interrupted_commits(directory: Path | str) -> int:
    """Finish any group commit (see :func:`atomic_files`) that a killed run left in a directory.

    Cheap when there is nothing to do (one directory listing, no writes). A journal whose
    temporaries remain is rolled forward; one whose renames all happened is deleted; a journal
    that is unreadable or fails its checksum was never committed (a visible journal is written
    atomically) and is deleted, its temporaries then being stale.

    Args:
        directory: the output directory (a missing directory has nothing to complete).

    Returns:
        How many journals were completed or discarded.

    Raises:
        OutputError: a journal needs completing but the directory cannot be written.

    """
    directory = Path(directory)
    try:
        journals = sorted(directory.glob(f".*{JOURNAL_SUFFIX}"))
    except OSError:
        return 0
    for journal in journals:
        try:
            renames = _read_journal(journal)
            if renames is None:
                journal.unlink(missing_ok=True)
                _fsync_directory(directory)
            else:
                _roll_forward(directory, journal, renames)
        except FileNotFoundError:
            continue  # another process completed it meanwhile
        except OSError as exc:
            raise _interrupted_commit_error(directory, exc) from exc
    return len(journals)


def _group_directory(finals: Sequence[Path]) -> Path:
    """The one existing directory all destinations share (checked)."""
    if not finals:
        raise OutputError("no output files were named for a group write; name at least one.")
    parents = {f.parent.resolve() for f in finals}
    if len(parents) != 1:
        raise OutputError(
            f"{finals[0].parent}: files written together must share one directory; "
            "write them to the same output directory."
        )
    if len({f.name for f in finals}) != len(finals):
        raise OutputError(f"{finals[0].parent}: the same output file is named twice.")
    for final in finals:
        if final.is_dir():
            raise OutputError(f"{final}: is a directory; give a file path for this output.")
    directory = finals[0].parent
    if not directory.is_dir():
        raise OutputError(f"{directory}: output directory does not exist; create it first.")
    return directory


def _journal_checksum(renames: Sequence[tuple[str, str]]) -> str:
    text = json.dumps([list(r) for r in renames], separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _write_journal(journal: Path, renames: Sequence[tuple[str, str]]) -> None:
    """Write the journal atomically and durably: this is the group's commit point."""
    document = {
        "format": _JOURNAL_FORMAT,
        "renames": [list(r) for r in renames],
        "sha256": _journal_checksum(renames),
    }
    temporary = journal.with_name(f".{journal.name}.tmp-{secrets.token_hex(6)}")
    try:
        _create_private(temporary, PRIVATE_FILE_MODE)
        temporary.write_text(json.dumps(document) + "\n", encoding="utf-8")
        _fsync(temporary)
        os.replace(temporary, journal)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
    _fsync_directory(journal.parent)


def _read_journal(journal: Path) -> list[tuple[str, str]] | None:
    """The journal's renames, or None when it is incomplete, corrupt or names unsafe files."""
    # An OSError here is raised: a journal that cannot be read is not known to be incomplete.
    with journal.open("rb") as handle:
        raw = handle.read(_JOURNAL_MAX_BYTES + 1)
    try:
        document = json.loads(raw.decode("utf-8"))
        renames = [(str(t), str(f)) for t, f in document["renames"]]
        recorded = str(document["sha256"])
        valid = (
            len(raw) <= _JOURNAL_MAX_BYTES
            and document["format"] == _JOURNAL_FORMAT
            and hmac.compare_digest(recorded, _journal_checksum(renames))
        )
    except (ValueError, KeyError, TypeError):
        return None
    if not (valid and renames and all(_is_journal_entry(t, f) for t, f in renames)):
        return None
    return renames


def _is_journal_entry(temporary: str, final: str) -> bool:
    """Whether a rename is one atomic_files makes: a sibling temporary onto its own file."""
    plain = final not in {"", ".", ".."} and not set(final) & {"/", "\\", "\x00"}
    return (
        plain and re.fullmatch(rf"\.{re.escape(final)}\.tmp-[0-9a-f]{{12}}", temporary) is not None
    )


def _roll_forward(directory: Path, journal: Path, renames: Sequence[tuple[str, str]]) -> None:
    """Rename each remaining temporary onto its destination, then drop the journal.

    Idempotent: a temporary already renamed (by this run before it was killed, or by another
    process completing the same journal) is skipped.
    """
    for temporary, final in renames:
        with contextlib.suppress(FileNotFoundError):
            os.replace(directory / temporary, directory / final)
    _fsync_directory(directory)
    journal.unlink(missing_ok=True)
    _fsync_directory(directory)


def _create_private(path: Path, mode: int) -> None:
    """Create ``path`` as a new empty file with ``mode`` (never following a link)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    os.close(os.open(path, flags, mode))


def _was_written(path: Path) -> bool:
    """Whether a temporary made by :func:`_create_private` has been written (is not empty)."""
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


def _restrict(path: Path, mode: int) -> None:
    """Drop permission bits beyond ``mode``: a writer may have replaced the file with its own."""
    current = stat.S_IMODE(path.stat().st_mode)
    if current & ~mode:
        os.chmod(path, current & mode)


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _fsync_directory(directory: Path) -> None:
    """Make renames and new names in ``directory`` durable (where the file system allows)."""
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    except OSError as exc:
        import errno

        # Some file systems cannot fsync a directory; their renames are then as durable as
        # they can be made.
        if exc.errno not in {errno.EINVAL, errno.ENOTSUP}:
            raise
    finally:
        os.close(descriptor)


def _failure_reason(exc: OSError) -> tuple[str, str]:
    """What the operating system refused, and how to fix it (never a value from the data)."""
    import errno

    reasons = {
        errno.ENOSPC: ("the disk is full", "free space and run again"),
        errno.EACCES: ("permission denied", "choose a writable output directory"),
        errno.EROFS: ("the file system is read-only", "choose a writable output directory"),
        errno.EDQUOT: ("disk quota exceeded", "free space and run again"),
    }
    default = (f"the operating system refused ({exc.strerror})", "check the output directory")
    return reasons.get(exc.errno or 0, default)


def _output_error(destination: Path, exc: OSError) -> OutputError:
    cause, fix = _failure_reason(exc)
    return OutputError(f"{destination}: cannot write: {cause}; {fix}.")


def _interrupted_commit_error(directory: Path, exc: OSError) -> OutputError:
    cause, _ = _failure_reason(exc)
    return OutputError(
        f"{directory}: cannot complete an interrupted write of its outputs: {cause}. Do not "
        "use these outputs until it completes: make the directory writable (or free space) "
        "and run safelink again."
    )
