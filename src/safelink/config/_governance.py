"""The ``governance:`` section of a job: why, under what law and agreement, for whom.

An IG lead signs against exactly these facts, and every release manifest carries them under
the TTP's signature::

    governance:
      purpose: Evaluate hospital discharge to adult social care (service planning)
      agreement: {id: DSA-2026-014, ends: 2027-03-31}
      reference_date: 2026-06-30     # optional: the date the job is run as of (default today)
      recipient: demo_research       # the one recipient the agreement names
      permitted_columns: [sex, age_band, event_date, diagnosis]
      owners:                        # each data owner (controller), by a short id
        example_trust: {name: Example NHS Foundation Trust, approval_key: kid_0123456789abcdef}
      opt_outs: ../optouts/national.txt  # optional: NHS numbers of people who opted out
      sources:                       # every source of the job, and the basis it is shared on
        hospital:
          owner: example_trust
          lawful_basis: public_task
          legal_gateway: Health and Social Care Act 2012 s.251B

A job without the section still scans, pseudonymises and links (a provider may tokenise before
the agreement is drafted), but ``release`` (and ``run``) refuse it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BeforeValidator, Field, StrictStr, model_validator
from pydantic.dataclasses import dataclass

from safelink.config._fields import (
    MODEL_CONFIG,
    NON_EMPTY,
    WRITTEN,
    ConfigPath,
    Internal,
    Names,
    Word,
    problem,
)

#: The lawful bases of UK GDPR Article 6(1), in the words a config uses.
LawfulBasis = Literal[
    "consent",
    "contract",
    "legal_obligation",
    "vital_interests",
    "public_task",
    "legitimate_interests",
]
LAWFUL_BASES: tuple[str, ...] = get_args(LawfulBasis)
#: Released columns every release holds whatever the agreement lists (pseudonym and source).
STRUCTURAL_COLUMNS = ("person", "source")

Text = Annotated[StrictStr, Field(min_length=1)]


def _key_id(value: str) -> str:
    if not (len(value) == 20 and value.startswith("kid_") and value[4:].isalnum()):
        raise problem(
            "must be a key id (kid_ + 16 hex characters), as 'safelink keys' shows for the "
            "owner's .signing.pub"
        )
    return value


def _recipient(value: str) -> str:
    from safelink.errors import ConfigError
    from safelink.release.pseudonyms import check_recipient

    try:
        return check_recipient(value)
    except ConfigError as exc:
        raise problem("must be 1-64 letters, digits, '-' or '_' (e.g. uni_research)") from exc


def _keyed(field: str) -> Any:
    """``{key: settings}`` as written -> the same with each key inside its settings as ``field``.

    A ``field`` written inside the settings is marked, to be refused as an unknown setting.
    """

    def named(value: Any) -> Any:
        if not isinstance(value, Mapping):
            return value
        return {
            str(key): (
                {**settings, field: WRITTEN if field in settings else str(key)}
                if isinstance(settings, Mapping)
                else settings
            )
            for key, settings in value.items()
        }

    return named


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class Agreement:
    """The data sharing agreement the job runs under."""

    id: Text
    """The agreement's reference (e.g. DSA-2026-014)."""
    ends: dt.date
    """The last day the agreement allows processing (ISO date); outputs expire then."""


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class Owner:
    """A data owner (the controller of a source's data), who approves each release."""

    id: Internal
    """The owner's short id (its key under ``owners``; ``safelink approve --as`` names it)."""
    name: Text
    """The organisation's name, as the agreement gives it."""
    approval_key: Annotated[StrictStr, AfterValidator(_key_id)] | None = None
    """The key id of the owner's own signing key, which its approvals must be made with."""


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class SourceGovernance:
    """The basis on which one source's data are shared."""

    name: Internal
    """The source's name (its key under ``sources``)."""
    owner: Word
    """The id of the source's data owner (a key of ``owners``)."""
    lawful_basis: LawfulBasis
    """The UK GDPR Article 6(1) basis for sharing."""
    legal_gateway: Text
    """The power that permits the sharing (e.g. Digital Economy Act 2017 s.64)."""


Owners = Annotated[
    Mapping[str, Owner],
    BeforeValidator(
        _keyed("id"), json_schema_input_type=Annotated[dict[str, Owner], Field(min_length=1)]
    ),
    NON_EMPTY,
]
SourcesGovernance = Annotated[
    Mapping[str, SourceGovernance],
    BeforeValidator(
        _keyed("name"),
        json_schema_input_type=Annotated[dict[str, SourceGovernance], Field(min_length=1)],
    ),
    NON_EMPTY,
]


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class Governance:
    """The ``governance:`` section: purpose, agreement, recipient, owners and lawful bases."""

    purpose: Text
    """Why the data are shared, in plain words (the agreement's purpose)."""
    agreement: Agreement
    """The data sharing agreement: its id and end date."""
    reference_date: dt.date | None = None
    """The date the job is run as of (default: today), against which the agreement's end
    date is checked."""
    recipient: Annotated[StrictStr, AfterValidator(_recipient)]
    """The recipient the agreement names (releases to anyone else are refused)."""
    permitted_columns: Annotated[Names, NON_EMPTY]
    """The released columns the agreement permits the recipient (``person`` and ``source``
    are always released)."""
    owners: Owners
    """Each data owner (controller), by a short id."""
    sources: SourcesGovernance
    """Each source of the job: its owner, lawful basis and legal gateway."""
    opt_outs: ConfigPath | None = None
    """A list of NHS numbers of people who opted out (one per line): their records are
    dropped when each extract is pseudonymised, before linkage (see
    :mod:`safelink.governance.optout`)."""

    @model_validator(mode="after")
    def _owners_known(self) -> Governance:
        for source in self.sources.values():
            if source.owner not in self.owners:
                raise problem(
                    f"no owner {source.owner!r}; the owners are {list(self.owners)}",
                    "sources",
                    source.name,
                    "owner",
                )
        return self

    def checked_on(self, today: dt.date | None = None) -> tuple[dt.date, str]:
        """The date the agreement is checked against, and where it came from.

        Returns:
            (date, ``"reference_date"`` or ``"today"``).
        """
        if self.reference_date is not None:
            return self.reference_date, "reference_date"
        return today or dt.date.today(), "today"

    def owners_of(self, sources: tuple[str, ...] | None = None) -> tuple[str, ...]:
        """The ids of the owners of ``sources`` (default: every source), in config order."""
        wanted = self.sources if sources is None else sources
        found = {self.sources[s].owner for s in wanted if s in self.sources}
        return tuple(o for o in self.owners if o in found)

    def to_dict(self) -> dict[str, Any]:
        """Return the section as JSON-ready data (dates in ISO form), for manifests."""
        return {
            "purpose": self.purpose,
            "agreement": {"id": self.agreement.id, "ends": self.agreement.ends.isoformat()},
            "reference_date": (
                self.reference_date.isoformat() if self.reference_date is not None else None
            ),
            "recipient": self.recipient,
            "permitted_columns": list(self.permitted_columns),
            "owners": {
                o.id: {"name": o.name, "approval_key": o.approval_key} for o in self.owners.values()
            },
            "opt_outs": self.opt_outs is not None,
            "sources": {
                s.name: {
                    "owner": s.owner,
                    "lawful_basis": s.lawful_basis,
                    "legal_gateway": s.legal_gateway,
                }
                for s in self.sources.values()
            },
        }
