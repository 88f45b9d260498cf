"""Results back to the data's owners: return files, discrepancy reports, subject requests.

A source's owner learns only about its own records: its record keys (the provider's local
id, kept as content), its own columns, and yes/no answers the TTP computed over the linkage.

* :func:`return_file`: flags agreed with the owner (:mod:`safelink.owners.flags`);
* :func:`discrepancy_report`: records whose linked partners disagree on an identifier;
* :func:`subject_lookup` and :func:`erase_subject`: subject requests, erasure carried through;
* :class:`ReturnAgreement`: where a data sharing agreement covers a return.
"""

from safelink.owners.discrepancies import KINDS, DiscrepancyReport, discrepancy_report
from safelink.owners.flags import FlagRule, parse_flag, parse_flags
from safelink.owners.records import (
    DEFAULT_THRESHOLD,
    ReturnAgreement,
    ReturnRequest,
    suppress_counts,
)
from safelink.owners.returns import ReturnPlan, ReturnResult, return_file
from safelink.owners.subjects import (
    SubjectPerson,
    SubjectReport,
    erase_subject,
    release_id,
    subject_lookup,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "KINDS",
    "DiscrepancyReport",
    "FlagRule",
    "ReturnAgreement",
    "ReturnPlan",
    "ReturnRequest",
    "ReturnResult",
    "SubjectPerson",
    "SubjectReport",
    "discrepancy_report",
    "erase_subject",
    "parse_flag",
    "parse_flags",
    "release_id",
    "return_file",
    "subject_lookup",
    "suppress_counts",
]
