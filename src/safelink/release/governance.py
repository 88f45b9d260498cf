"""Governance gates of a release: the agreement in force, its recipient and its columns.

:func:`require_governance` runs before any work (``release`` and ``run``): a job without a
``governance:`` section, an agreement that has ended (by the section's ``reference_date``, or
today; the message says which), or a recipient the agreement does not name is refused.
:func:`require_permitted` runs on the released table's columns before anything is written.
:func:`governance_record` is what the manifest signs; :func:`check_governance` re-reads it for
``verify``. Messages name the agreement, dates, recipients and columns: never a data value.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from safelink.config import JobConfig
from safelink.config._governance import STRUCTURAL_COLUMNS, Governance
from safelink.errors import GovernanceError
from safelink.infra import io
from safelink.release.approval import same_digest
from safelink.release.manifest import renamed_columns


def require_governance(
    job: JobConfig, recipient: str | None = None, *, today: dt.date | None = None
) -> Governance:
    """Return the job's governance if it covers a release to ``recipient`` now.

    Args:
        job: the job config.
        recipient: who the release is for (None: not checked).
        today: the date used when the section has no ``reference_date`` (default: today).

    Returns:
        The governance section.

    Raises:
        GovernanceError: no ``governance:`` section, the agreement has ended, or the agreement
            names another recipient.
    """
    governance = job.governance
    if governance is None:
        raise GovernanceError(
            f"{job.origin}: release refused: the job has no 'governance:' section. Record the "
            "purpose, the data sharing agreement (id and end date), the recipient, the "
            "permitted columns, each source's owner, lawful basis and legal gateway (see "
            "README, Governance)."
        )
    require_in_force(governance, job.origin, action="release", today=today)
    agreement = governance.agreement
    if recipient is not None and recipient != governance.recipient:
        raise GovernanceError(
            f"{job.origin}: release refused: agreement {agreement.id!r} names recipient "
            f"{governance.recipient!r}, not {recipient!r}. Release to the agreement's "
            "recipient, or record a new agreement."
        )
    return governance


def require_in_force(
    governance: Governance, origin: str, *, action: str, today: dt.date | None = None
) -> None:
    """Refuse ``action`` (``release``, ``return``, ...) when the agreement has ended.

    Raises:
        GovernanceError: the agreement ended before the job's reference date (or today).
    """
    checked, where = governance.checked_on(today)
    agreement = governance.agreement
    if checked > agreement.ends:
        by = "the job's reference_date" if where == "reference_date" else "today's date"
        raise GovernanceError(
            f"{origin}: {action} refused: data sharing agreement {agreement.id!r} ended on "
            f"{agreement.ends.isoformat()}, before {checked.isoformat()} ({by}). Renew the "
            "agreement and update governance.agreement.ends, or purge the outputs."
        )


def not_permitted(governance: Governance | Mapping[str, Any], columns: Sequence[str]) -> list[str]:
    """The ``columns`` the agreement does not permit (structural columns always are).

    Args:
        governance: the section, or its manifest record.
        columns: the released columns.
    """
    permitted = (
        governance.permitted_columns
        if isinstance(governance, Governance)
        else governance.get("permitted_columns") or ()
    )
    allowed = {*STRUCTURAL_COLUMNS, *(str(c) for c in permitted)}
    return [c for c in columns if c not in allowed]


def require_permitted(governance: Governance, columns: Sequence[str], origin: str) -> None:
    """Refuse a release holding a column the agreement does not permit.

    Raises:
        GovernanceError: naming the columns not permitted.
    """
    extra = not_permitted(governance, columns)
    if extra:
        raise GovernanceError(
            f"{origin}: release refused: agreement {governance.agreement.id!r} does not permit "
            f"column(s) {extra} for {governance.recipient!r}. Remove them from release.columns, "
            "or add them to governance.permitted_columns once the agreement allows them."
        )


def opt_out_record(
    governance: Governance, content: Mapping[str, Path], origin: str
) -> dict[str, Any] | None:
    """The opt-outs applied to each released source, read from its run summary (counts only).

    Args:
        governance: the job's governance (``opt_outs``: the list that must have been applied).
        content: source -> its content file (``SOURCE.summary.json`` lies beside it).
        origin: the job config's name, for messages.

    Returns:
        ``{"list_sha256", "entries", "records_dropped_by_source"}``, or None when the job has
        no opt-out list.

    Raises:
        GovernanceError: a source was pseudonymised without the job's current opt-out list.
    """
    if governance.opt_outs is None:
        return None
    try:
        wanted = io.sha256_file(governance.opt_outs)
    except OSError as exc:
        raise GovernanceError(
            f"{origin}: governance.opt_outs cannot be read; restore the opt-out list."
        ) from exc
    dropped: dict[str, int] = {}
    entries = 0
    for source, path in content.items():
        summary = path.with_name(f"{source}.summary.json")
        try:
            record = json.loads(summary.read_text(encoding="utf-8")).get("opt_outs") or {}
        except (OSError, ValueError, AttributeError):
            record = {}
        if not same_digest(str(record.get("list_sha256")), wanted):
            raise GovernanceError(
                f"{origin}: release refused: source {source!r} was not pseudonymised with the "
                "job's current opt-out list (its run summary records another list or none). "
                "Pseudonymise and link it again with the current governance.opt_outs."
            )
        dropped[source] = int(record.get("records_dropped", 0))
        entries = int(record.get("entries", 0))
    return {"list_sha256": wanted, "entries": entries, "records_dropped_by_source": dropped}


def governance_record(governance: Governance, *, today: dt.date | None = None) -> dict[str, Any]:
    """The manifest's record of the governance: the section and the date it was checked on."""
    checked, where = governance.checked_on(today)
    return governance.to_dict() | {
        "checked_on": checked.isoformat(),
        "checked_on_from": where,
        "expires": governance.agreement.ends.isoformat(),
    }


def _columns_as_agreed(manifest: Mapping[str, Any]) -> list[str]:
    """The released columns under the names the agreement permits.

    A column renamed for what it holds after generalisation (``age`` -> ``age_band``, recorded
    as a ``rename`` transformation) is checked as the column it came from.
    """
    columns = manifest.get("columns")
    original = {new: old for old, new in renamed_columns(manifest).items()}
    names = [str(c) for c in columns] if isinstance(columns, list) else []
    return [original.get(name, name) for name in names]


def check_governance(manifest: Mapping[str, Any]) -> tuple[bool, str]:
    """Re-check a manifest's governance record: (passed, detail) for ``verify``.

    The agreement must have been in force on the date the release recorded, the recipient must
    be the agreement's, and every released column permitted.
    """
    record = manifest.get("governance")
    if not isinstance(record, Mapping):
        return False, "the manifest records no governance (released without a governance section)"
    try:
        agreement = record["agreement"]
        ends = dt.date.fromisoformat(str(agreement["ends"]))
        checked = dt.date.fromisoformat(str(record["checked_on"]))
        agreement_id = str(agreement["id"])
    except (KeyError, TypeError, ValueError):
        return False, "the manifest's governance record is malformed"
    problems = []
    if checked > ends:
        problems.append(f"agreement ended {ends.isoformat()} before the release")
    if manifest.get("recipient") != record.get("recipient"):
        problems.append("released to another recipient than the agreement names")
    extra = not_permitted(record, _columns_as_agreed(manifest))
    if extra:
        problems.append(f"column(s) {extra} not permitted")
    if problems:
        return False, f"agreement {agreement_id}: " + "; ".join(problems)
    owners = record.get("owners")
    owners = owners if isinstance(owners, Mapping) else {}
    opt_outs = manifest.get("opt_outs")
    dropped = opt_outs.get("records_dropped_by_source") if isinstance(opt_outs, Mapping) else None
    applied = (
        f"opt-outs dropped {dict(dropped)} record(s)"
        if isinstance(dropped, Mapping)
        else "no opt-out list"
    )
    return True, (
        f"agreement {agreement_id} in force on {checked.isoformat()} (ends {ends.isoformat()}); "
        f"purpose recorded; owners {sorted(owners)}; every column permitted; {applied}"
    )


def check_retention(
    manifest: Mapping[str, Any], *, today: dt.date | None = None
) -> tuple[bool, str]:
    """Whether a release is still within its agreement's retention: (passed, detail).

    A release past the date its manifest records must be deleted (``safelink purge``).
    """
    record = manifest.get("governance")
    try:
        expires = dt.date.fromisoformat(str(record["expires"]))  # type: ignore[index]
    except (KeyError, TypeError, ValueError):
        return False, "the manifest records no expiry date"
    now = today or dt.date.today()
    if now > expires:
        return False, f"expired on {expires.isoformat()}: delete it (safelink purge)"
    return True, f"kept until {expires.isoformat()}"
