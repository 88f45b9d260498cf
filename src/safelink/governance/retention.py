"""Retention: outputs expire with their data sharing agreement; ``purge`` deletes them.

Every release manifest carries ``governance.expires`` (the agreement's end date) under the
TTP's signature, and ``verify`` fails a release past it; every run summary beside the tokens
and content files carries ``expires`` too. The other outputs of a job's work
directory (``pseudonymised/``, ``linked/``, ``scans/``, ``release/`` and sealed copies) expire
with the job's agreement, as does a persistent person index named with ``paths``: it lives per
project and per agreement, never as a permanent database.

:func:`purge` deletes every expired output (a release bundle by its own manifest's date), can
retire the project key version that made the tokens and destroy its secret
(:meth:`safelink.keys.Keyring.destroy`) so that old tokens can never be linked to new ones
again, and records what it did in the audit log (names, dates and key ids only).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from safelink.config import JobConfig, load_config
from safelink.errors import GovernanceError, InputError, OutputError
from safelink.infra.audit import AuditEntry, append_audit, require_intact
from safelink.keys import Keyring, require_project

#: The folders of a work directory (as ``safelink run`` lays it out) that expire with the job.
WORK_FOLDERS = ("pseudonymised", "linked", "scans", "release")


@dataclass(frozen=True, slots=True, kw_only=True)
class PurgeReport:
    """What :func:`purge` found and did.

    Attributes:
        as_of: the date outputs were judged on.
        expires: the job's agreement end date.
        removed: the outputs deleted (or, with ``dry_run``, to delete), as given paths.
        kept: outputs not yet expired, with the date each expires.
        destroyed_key: the key id of the destroyed key version, if one was.
        dry_run: nothing was deleted.
    """

    as_of: dt.date
    expires: dt.date
    removed: tuple[str, ...]
    kept: dict[str, str]
    destroyed_key: str | None = None
    dry_run: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "as_of": self.as_of.isoformat(),
            "expires": self.expires.isoformat(),
            "removed": list(self.removed),
            "kept": dict(self.kept),
            "destroyed_key": self.destroyed_key,
            "dry_run": self.dry_run,
        }


def _bundle_expiry(path: Path, default: dt.date) -> dt.date:
    """A release bundle's own expiry (its manifest's), else the job's."""
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        return dt.date.fromisoformat(str(manifest["governance"]["expires"]))
    except (OSError, ValueError, KeyError, TypeError):
        return default


def _candidates(work_dir: Path | None, paths: Sequence[Path], ends: dt.date) -> dict[Path, dt.date]:
    found: dict[Path, dt.date] = {}
    if work_dir is not None:
        if not work_dir.is_dir():
            raise InputError(f"{work_dir}: not a directory; give the job's work directory.")
        for folder in WORK_FOLDERS:
            root = work_dir / folder
            if not root.is_dir():
                continue
            for child in sorted(root.iterdir()):
                expiry = _bundle_expiry(child, ends) if child.is_dir() else ends
                found[child] = expiry
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: does not exist; give outputs of this job to purge.")
        found[path] = _bundle_expiry(path, ends) if path.is_dir() else ends
    return found


def _delete(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except OSError as exc:
        raise OutputError(f"{path}: cannot be deleted ({exc.strerror}); purge again.") from exc


def purge(
    config: JobConfig | Path | str,
    work_dir: Path | str | None = None,
    *,
    paths: Sequence[Path | str] = (),
    as_of: dt.date | None = None,
    keys: Keyring | None = None,
    passphrase: str | None = None,
    audit_log: Path | str | None = None,
    dry_run: bool = False,
) -> PurgeReport:
    """Delete a job's expired outputs; optionally retire and destroy the key that made them.

    Args:
        config: the job config (its ``governance.agreement.ends`` is the expiry).
        work_dir: a work directory laid out as ``safelink run`` writes it.
        paths: more outputs of the job (a person index, a release bundle, a sealed file).
        as_of: the date to judge expiry on (default: today).
        keys: with ``passphrase``, the project keyring: once every output is expired, its
            active version is retired (a new one made) and the old secret destroyed.
        passphrase: the key file's passphrase (needed with ``keys``).
        audit_log: the audit log (default: the job's ``audit_log``).
        dry_run: report what would be deleted, and delete nothing.

    Returns:
        A :class:`PurgeReport`.

    Raises:
        GovernanceError: the job has no governance (no agreement end date to purge by), or a
            key is to be destroyed while some outputs have not expired.
        InputError: a path does not exist.
        OutputError: an output cannot be deleted.
        VerificationError: the audit log's chain is broken.
    """
    job = config if isinstance(config, JobConfig) else load_config(config)
    if job.governance is None:
        raise GovernanceError(
            f"{job.origin}: purge needs the job's 'governance:' section (the agreement's end "
            "date is when outputs expire)."
        )
    ends = job.governance.agreement.ends
    today = as_of or dt.date.today()
    log = Path(audit_log) if audit_log is not None else job.audit_log
    if log is not None:
        require_intact(log)
    found = _candidates(
        Path(work_dir) if work_dir is not None else None, [Path(p) for p in paths], ends
    )
    expired = [p for p, expiry in found.items() if today > expiry]
    kept = {str(p): expiry.isoformat() for p, expiry in found.items() if today <= expiry}
    if keys is not None and (kept or today <= ends):
        raise GovernanceError(
            f"{job.origin}: the key cannot be destroyed: the agreement runs to {ends.isoformat()}"
            f" and {len(kept)} output(s) have not expired on {today.isoformat()}."
        )
    if keys is not None and passphrase is None:
        raise GovernanceError("give the key file's passphrase to retire and destroy the key.")
    destroyed = None
    if not dry_run:
        for path in expired:
            _delete(path)
        if keys is not None and passphrase is not None:
            require_project(keys, job.project)
            old = keys.active_version
            destroyed = keys.key_id
            keys.rotate(passphrase=passphrase)
            keys.destroy(old, passphrase=passphrase)
        if log is not None:
            append_audit(
                log,
                AuditEntry(
                    command="purge",
                    outcome="ok",
                    arguments={
                        "as_of": today.isoformat(),
                        "expires": ends.isoformat(),
                        "removed": [str(p) for p in expired],
                        "kept": len(kept),
                    },
                    key_ids={"destroyed": destroyed} if destroyed else {},
                ),
            )
    return PurgeReport(
        as_of=today,
        expires=ends,
        removed=tuple(str(p) for p in expired),
        kept=kept,
        destroyed_key=destroyed,
        dry_run=dry_run,
    )
