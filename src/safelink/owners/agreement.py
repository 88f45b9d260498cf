"""The job's data sharing agreement as the agreement that covers a return to a data owner.

Where a job has a ``governance:`` section, ``safelink return`` and ``safelink discrepancies``
run only under its agreement: in force on the job's reference date (or today), and naming the
owner's source among the sources it covers. The agreement's id is recorded in each return's
audit entry (:class:`~safelink.owners.records.ReturnAgreement`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from safelink.config import JobConfig
from safelink.config._governance import Governance
from safelink.errors import GovernanceError
from safelink.owners.records import ReturnRequest
from safelink.release.governance import require_in_force


@dataclass(frozen=True, slots=True)
class GovernedReturn:
    """A :class:`~safelink.owners.records.ReturnAgreement` made from the job's governance.

    Attributes:
        governance: the job's governance section.
        origin: the job config's path, for messages.
        today: the date used when the section has no ``reference_date`` (default: today).

    """

    governance: Governance
    origin: str
    today: dt.date | None = None

    @property
    def name(self) -> str:
        """The agreement's id."""
        return self.governance.agreement.id

    def check(self, request: ReturnRequest) -> None:
        """Refuse a return when the agreement has ended or does not cover its source.

        Raises:
            GovernanceError: the agreement has ended, or does not name the source.
        """
        require_in_force(self.governance, self.origin, action=request.command, today=self.today)
        if request.source not in self.governance.sources:
            raise GovernanceError(
                f"{self.origin}: {request.command} refused: agreement {self.name!r} does not "
                f"cover source {request.source!r}; add it to governance.sources or record an "
                "agreement that does."
            )


def agreement_for(job: JobConfig, *, today: dt.date | None = None) -> GovernedReturn | None:
    """The agreement that covers returns under ``job`` (None when it has no governance)."""
    if job.governance is None:
        return None
    return GovernedReturn(job.governance, job.origin, today)
