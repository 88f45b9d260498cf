"""What a column classification produces: settings, findings and profiles (never values)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import polars as pl

from safelink.detect.headers import Subject
from safelink.identifiers import DIRECT_IDENTIFIERS, QUASI_IDENTIFIERS, Identifier

Confidence = Literal["high", "medium", "low"]
#: The entity of a column held for review as a possible direct identifier: one the learned
#: classifier flags, or one the rules could not place (:mod:`safelink.detect.unplaced`).
REVIEW_ENTITY = "DIRECT_IDENTIFIER"

#: Column-level entity names and the identifier kind each one is.
ENTITY_KINDS: dict[str, Identifier] = {
    "NHS_NUMBER": Identifier.NHS_NUMBER,
    "CHI_NUMBER": Identifier.CHI_NUMBER,
    "NI_NUMBER": Identifier.NI_NUMBER,
    "FORENAME": Identifier.FORENAME,
    "SURNAME": Identifier.SURNAME,
    "FULL_NAME": Identifier.FULL_NAME,
    "PERSON": Identifier.FULL_NAME,
    "DATE_OF_BIRTH": Identifier.DATE_OF_BIRTH,
    "POSTCODE": Identifier.POSTCODE,
    "ADDRESS": Identifier.ADDRESS,
    "SEX": Identifier.SEX,
    "PHONE_NUMBER": Identifier.PHONE,
    "EMAIL_ADDRESS": Identifier.EMAIL,
    "UPRN": Identifier.UPRN,
    "HOSPITAL_NUMBER": Identifier.HOSPITAL_NUMBER,
    "UK_PASSPORT": Identifier.PASSPORT_NUMBER,
    "UK_DRIVING_LICENCE": Identifier.DRIVING_LICENCE,
    "UK_VEHICLE_REGISTRATION": Identifier.VEHICLE_REGISTRATION,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class ClassifySettings:
    """How columns are sampled and judged.

    Attributes:
        sample: values sampled per column (seeded).
        seed: sampling seed (same seed, same sample, same report).
        min_share: share of non-empty values that must match to flag on values alone.
        header_min_share: the share needed when the header names the identifier.
        free_text_sample: rows of a free-text column analysed during classification.
        learned: ask the learned classifier (:mod:`safelink.detect.learned`) about the
            columns the rules do not find direct.
    """

    sample: int = 5_000
    seed: int = 0
    min_share: float = 0.8
    header_min_share: float = 0.5
    free_text_sample: int = 500
    learned: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class ColumnFinding:
    """What a column holds, with the evidence, never the values.

    Attributes:
        column: the column name.
        entity: entity name (``NHS_NUMBER``, ``DATE``, ``FREE_TEXT``, ...).
        kind: the identifier kind, or None for entities that are not one (dates, free text).
        direct: whether this is a direct identifier (a release must not contain it).
        share: share of sampled non-empty values that matched.
        confidence: ``high``, ``medium`` (both count as detected) or ``low`` (a hint only).
        evidence: header words and validator results, in words.
        examples: masked examples (``943 *** ****``).
        subject: ``person``, ``organisation`` (a GP practice's postcode, a referrer's phone)
            or ``staff`` (a member of staff's name, ``gp_name``: personal data, so direct,
            but a drafted config drops it instead of tokenising it).
        entities: for free text, rows (of the sample) with each entity type.
    """

    column: str
    entity: str
    kind: Identifier | None
    direct: bool
    share: float
    confidence: Confidence
    evidence: tuple[str, ...]
    examples: tuple[str, ...] = ()
    subject: Subject = "person"
    entities: dict[str, int] = field(default_factory=dict)

    @property
    def detected(self) -> bool:
        """Whether the finding is confident enough to act on (high or medium)."""
        return self.confidence != "low"

    @property
    def identifies(self) -> Literal["direct", "quasi"] | None:
        """How this column identifies a person: ``direct``, ``quasi`` or None.

        ``direct`` singles a person out (NHS number, name); ``quasi`` is an indirect
        identifier (date of birth, postcode, sex), identifying in combination.
        """
        if self.subject == "organisation":
            return None
        if self.direct:
            return "direct"
        return "quasi" if self.kind in QUASI_IDENTIFIERS else None

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for JSON (no values, masked examples only)."""
        return {
            "column": self.column,
            "entity": self.entity,
            "kind": None if self.kind is None else str(self.kind),
            "direct": self.direct,
            "identifies": self.identifies,
            "share": round(self.share, 4),
            "confidence": self.confidence,
            "evidence": list(self.evidence),
            "examples": list(self.examples),
            "subject": self.subject,
            "entities": dict(sorted(self.entities.items())),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class ColumnProfile:
    """One column's classification.

    Attributes:
        column: name. dtype: polars dtype as text. non_empty: non-empty values in the column.
        sampled: values sampled. free_text: whether the column looks like free text.
        finding: the chosen finding, or None when nothing was found.
    """

    column: str
    dtype: str
    non_empty: int
    sampled: int
    free_text: bool
    finding: ColumnFinding | None


def mask(value: str, entity: str) -> str:
    """Mask a value for a report: ``943 476 5919`` -> ``943 *** ****``; others keep 1 char."""
    keep = 3 if entity in ("NHS_NUMBER", "CHI_NUMBER") else 1
    out: list[str] = []
    seen = 0
    for char in value[:24]:
        if char.isalnum():
            out.append(char if seen < keep else "*")
            seen += 1
        else:
            out.append(char)
    return "".join(out) + ("..." if len(value) > 24 else "")


def masked_examples(sample: pl.Series, matched: pl.Series, entity: str) -> tuple[str, ...]:
    """Up to three distinct matched values, masked."""
    chosen = sample.filter(matched).unique(maintain_order=True).head(3).to_list()
    return tuple(mask(v, entity) for v in chosen)


#: Numbers only a person has: under an organisation's header ("foot_clinic_nhs",
#: "ward_dob") they are still the person's (a practice has a phone and a postcode, no NHS
#: number). Names are left to the header: a site's name is not a surname.
_PERSONAL_ONLY = frozenset(
    ["NHS_NUMBER", "CHI_NUMBER", "NI_NUMBER", "UK_PASSPORT", "UK_DRIVING_LICENCE",
     "HOSPITAL_NUMBER", "DATE_OF_BIRTH"]
)  # fmt: skip


def make_finding(
    column: str,
    entity: str,
    share: float,
    confidence: Confidence,
    evidence: list[str],
    examples: tuple[str, ...] = (),
    subject: Subject = "person",
) -> ColumnFinding:
    """A finding; ``direct`` when the kind is a direct identifier of the data subject."""
    kind = ENTITY_KINDS.get(entity)
    if subject == "organisation" and entity in _PERSONAL_ONLY:  # "foot_clinic_nhs": a patient's
        subject = "person"
    direct = kind in DIRECT_IDENTIFIERS and subject != "organisation"
    return ColumnFinding(
        column=column,
        entity=entity,
        kind=kind,
        direct=direct,
        share=share,
        confidence=confidence,
        evidence=tuple(evidence),
        examples=examples,
        subject=subject,
    )


def review_finding(
    column: str,
    evidence: list[str],
    *,
    subject: Subject = "person",
    entities: dict[str, int] | None = None,
) -> ColumnFinding:
    """A column held for review as a possible direct identifier (medium confidence).

    What the learned classifier flags and what the rules could not place: direct, so
    ``--fail-on direct`` and the release's identifier gate stop on it until an operator looks.
    """
    return ColumnFinding(
        column=column,
        entity=REVIEW_ENTITY,
        kind=None,
        direct=True,
        share=0.0,
        confidence="medium",
        evidence=tuple(evidence),
        subject=subject,
        entities={} if entities is None else entities,
    )


def share_of(matched: pl.Series) -> float:
    """The share of True in a boolean series (0.0 when empty)."""
    mean = matched.mean() if matched.len() else None
    return float(mean) if isinstance(mean, (int, float)) else 0.0
