"""Whose a column of contact details is: an organisation's, or the people's, by how it recurs.

An extract holds few organisations, so an organisation's address, phone, e-mail or UPRN recurs over
the rows of the people it serves, and a person's is written once or a few times. A header
says whose the values are; how they recur can contradict it either way.
"""

from __future__ import annotations

import dataclasses

import polars as pl

from safelink.detect.column_model import ColumnFinding, share_of
from safelink.detect.recognisers import hold_listed_names
from safelink.identifiers import DIRECT_IDENTIFIERS

__all__ = ["contact_owner"]


def contact_owner(finding: ColumnFinding | None, sample: pl.Series) -> ColumnFinding | None:
    """The finding with its subject set by how the values recur (else unchanged).

    Under an organisation's header, values nearly all written once are the people's
    (:func:`_one_offs`); under a person's, a few shared mailboxes recurring over the rows are an
    organisation's (:func:`_shared_mailboxes`).
    """
    if finding is None or finding.entity not in _CONTACT:
        return finding
    if finding.subject == "organisation":
        return _one_offs(finding, sample)
    if finding.subject == "person" and finding.entity == "EMAIL_ADDRESS":
        return _shared_mailboxes(finding, sample)
    return finding


def _one_offs(finding: ColumnFinding, sample: pl.Series) -> ColumnFinding:
    """A contact detail under an organisation's header, made a person's when values are one-offs.

    An extract holds few organisations, so a practice's or a school's address, postcode, phone
    or e-mail recurs over the rows of the people it serves. Values nearly all written once
    (``school_adm_address``: the address on each admission) are the people's own.
    """
    counts = sample.str.strip_chars().value_counts(sort=False).get_column("count")
    once = int((counts == 1).sum())
    if counts.len() < _ONE_OFF_DISTINCT or once < _ONE_OFF_SHARE * sample.len():
        return finding
    reason = (
        f"{once / sample.len():.0%} of values written once: not an organisation's (an "
        "extract holds few organisations), the people's own"
    )
    return dataclasses.replace(
        finding,
        subject="person",
        direct=finding.kind in DIRECT_IDENTIFIERS,
        evidence=(*finding.evidence, reason),
    )


# A property's UPRN too: an office's recurs, the homes' (staff accommodation, tenants) do not.
_CONTACT = frozenset(("ADDRESS", "POSTCODE", "PHONE_NUMBER", "EMAIL_ADDRESS", "UPRN"))
#: An organisation's header over at least this many different values, this share of them
#: written once, holds people's contact details.
_ONE_OFF_DISTINCT = 50
_ONE_OFF_SHARE = 0.5


def _shared_mailboxes(finding: ColumnFinding, sample: pl.Series) -> ColumnFinding:
    """E-mails made an organisation's when they are a few teams' mailboxes, recurring.

    "referrals.team@...", "ward7a@...", "pals@...": most values' local parts name a function,
    not a person, and the column holds few different values over its rows. A person's
    e-mails are mostly different, and their local parts are names.
    """
    values = sample.str.strip_chars().str.to_lowercase()
    distinct = values.n_unique()
    if distinct >= _MAILBOX_DISTINCT_SHARE * values.len():
        return finding
    local = values.str.extract(r"^([^@]+)@", 1)
    named = local.str.contains(_FUNCTION_MAILBOX).fill_null(False) | _words_not_names(local)
    functional = share_of(named)
    if functional < _MAILBOX_SHARE:
        return finding
    reason = (
        f"{functional:.0%} of values are mailboxes named for a function (referrals, admin, a "
        f"ward), {distinct} different over {values.len()} values: an organisation's"
    )
    return dataclasses.replace(
        finding, subject="organisation", direct=False, evidence=(*finding.evidence, reason)
    )


def _words_not_names(local: pl.Series) -> pl.Series:
    """Local parts of two words or more, none a listed name ("car.parking", "casenotes.library").

    A person's address holds a name or an initial and a name ("j.okafor", "amy.lee"); a
    service's holds the words of what it does.
    """
    split = local.str.to_uppercase().str.replace_all(r"[._\-]+", " ").str.split(" ")
    shortest = split.list.eval(pl.element().str.len_chars()).list.min()
    listed = hold_listed_names(split.to_list())
    return ((split.list.len() >= 2) & (shortest >= 3) & ~listed).fill_null(False)


#: Words that name a mailbox for a function, not a person ("referrals", "admin", "ward7a").
_FUNCTION_MAILBOX = (
    r"(?:^|[._\-])(?:referrals?|admin|enquir(?:y|ies)|info|helpdesk|help|team|office|bookings?"
    r"|appointments?|reception|pals|contact|no-?reply|support|service|transport|bureau"
    r"|ward(?:[0-9]+[a-z]?)?|clinic|duty|hub|mailbox|secure|desk|travel|records|accounts|finance"
    r"|hr|it|general|central|intake|triage|safeguarding|complaints|feedback|generic)(?:[._\-0-9]|$)"
)
#: Mailboxes: most values so named, and fewer different values than this share of them.
_MAILBOX_SHARE = 0.5
_MAILBOX_DISTINCT_SHARE = 0.1
