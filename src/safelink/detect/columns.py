"""Column classification: which columns of an extract hold which identifiers.

Each column is judged on a seeded sample of its non-empty values (default 5,000), combining
two kinds of evidence:

* **header context**: words in the column name (``nhs_no``, ``DateOfBirth``, ``Surname``),
  with words that say the column is *about* an identifier rather than holding one
  (``nhs_number_status``) or belongs to an organisation or a member of staff
  (``gp_practice_postcode``, ``consultant_name``);
* **value evidence**: the share of sampled values that pass the same validators the Presidio
  recognisers use (:data:`safelink.detect.recognisers.VALIDATORS`), plus value shape and the
  bundled name lists for names and addresses.

A column is flagged only when at least ``min_share`` of its values match (a lower share,
``header_min_share``, when its header names the identifier). About 1 in 11 random 10-digit
numbers pass modulus 11, so order ids and timestamps never reach the share thresholds.
Findings carry shares, confidence and evidence, and masked examples only.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import polars as pl

from safelink.detect.names import NAME_FILLER, NAME_WORD, NOT_NAME_WORDS, RELATION_WORDS
from safelink.detect.recognisers import VALIDATORS, name_lists
from safelink.identifiers import DIRECT_IDENTIFIERS, QUASI_IDENTIFIERS, Identifier
from safelink.normalise import normalise_date, normalise_sex

Confidence = Literal["high", "medium", "low"]

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

# Header words (on the lower-cased name with separators removed) for each entity.
_HEADER_RULES: tuple[tuple[str, str], ...] = (
    ("NHS_NUMBER", r"nhs"),
    ("CHI_NUMBER", r"^chi|chinum|chino|chinumber"),
    ("NI_NUMBER", r"nationalinsurance|nino|^ni(num|no)|ninumber"),
    ("DATE_OF_BIRTH", r"dob|birth|born|dyddiadgeni"),
    ("POSTCODE", r"postcode|postalcode|zip|codpost"),
    ("PHONE_NUMBER", r"phone|mobile|landline|^tel|telno|contactnumber"),
    ("EMAIL_ADDRESS", r"email|emailaddress"),
    ("UPRN", r"uprn"),
    ("UK_PASSPORT", r"passport"),
    ("UK_DRIVING_LICENCE", r"driving|drivers?licen|dvla|licen[cs]eno|licen[cs]enumber"),
    ("UK_VEHICLE_REGISTRATION", r"vehiclereg|^vrn|^vrm|numberplate|registrationmark|carreg"),
    (
        "HOSPITAL_NUMBER",
        r"mrn|hospitalnum|hospitalno|hospno|unitnum|unitno|pasnum|pasno|pasid|localpatientid"
        r"|casenote|^crn|knumber|patientid|hospitalid",
    ),
    (
        "FORENAME",
        r"forename|firstname|givenname|christianname|^fname|knownas|preferredname|nickname"
        r"|^alias|^aka$|enwcyntaf",
    ),
    ("SURNAME", r"surname|lastname|familyname|^lname|maiden|^nee$|cyfenw"),
    ("ADDRESS", r"address|addr|street|line1|line2|housenumber|housename|cyfeiriad"),
    # Welsh-language extracts (Welsh public bodies publish bilingually): "enw" is "name".
    ("FULL_NAME", r"name|nextofkin|^nok$|^enw"),
    ("SEX", r"^sex|gender|sexcode"),
)
# The column describes an identifier (a flag, a status) instead of holding one.
_META_WORDS = frozenset(
    [
        "flag",
        "status",
        "indicator",
        "ind",
        "verified",
        "verification",
        "trace",
        "traced",
        "count",
        "valid",
        "validity",
        "present",
        "missing",
        "type",
        "method",
        "source",
        "reason",
        "length",
        "len",
        "initial",
        "initials",
        "changed",
    ]
)
# The identifier belongs to an organisation or a member of staff, not the person.
_ORG_WORDS = frozenset(
    [
        "gp",
        "practice",
        "surgery",
        "site",
        "provider",
        "trust",
        "clinic",
        "ward",
        "org",
        "organisation",
        "organization",
        "ccg",
        "icb",
        "team",
        "service",
        "referrer",
        "consultant",
        "clinician",
        "staff",
        "professional",
        "worker",
        "keyworker",
        "pharmacy",
        "school",
        "employer",
        "hospital",
    ]
)
# Entities that describe the data subject only when not an organisation's.
_PERSONAL_ONLY = frozenset(
    {"POSTCODE", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS", "FORENAME", "SURNAME", "FULL_NAME"}
)
# Value evidence alone is enough for these (their validators are specific).
_SELF_EVIDENT = (
    "NI_NUMBER",
    "EMAIL_ADDRESS",
    "CHI_NUMBER",
    "NHS_NUMBER",
    "POSTCODE",
    "PHONE_NUMBER",
    "ADDRESS",
    "UK_DRIVING_LICENCE",
)
# A value's words: name words in any script's Latin letters and case, with the particles,
# initials and Irish forms names hold ("Ffion ap Dafydd", "Ó Súilleabháin", "Evans, R").
_NAME_WORD = rf"(?:{NAME_WORD}|{NAME_FILLER})"
_SINGLE_NAME = rf"^{NAME_WORD}(?:[ \-]{NAME_WORD})?$"
_TITLE = r"(?:(?i:mr|mrs|ms|miss|mx|dr|prof|rev)\.? )?"
_FULL_NAME = (
    rf"^{_TITLE}{_NAME_WORD}(?: {_NAME_WORD}){{1,4}}$"
    rf"|^{_NAME_WORD}(?: {_NAME_WORD})*, ?{_TITLE}{_NAME_WORD}(?: {_NAME_WORD})*$"
)
_MAX_CHARS = 1_000


@dataclass(frozen=True, slots=True, kw_only=True)
class ClassifySettings:
    """How columns are sampled and judged.

    Attributes:
        sample: values sampled per column (seeded).
        seed: sampling seed (same seed, same sample, same report).
        min_share: share of non-empty values that must match to flag on values alone.
        header_min_share: the share needed when the header names the identifier.
        free_text_sample: rows of a free-text column analysed during classification.
    """

    sample: int = 5_000
    seed: int = 0
    min_share: float = 0.8
    header_min_share: float = 0.5
    free_text_sample: int = 500


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
        subject: ``person`` or ``organisation`` (a GP practice's postcode, a consultant).
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
    subject: Literal["person", "organisation"] = "person"
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
        if self.subject != "person":
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


def header_words(name: str) -> tuple[list[str], str]:
    """Split a column name into lower-case words and a joined form (``NHSNo`` -> nhs, no)."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    spaced = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", spaced)
    words = [w for w in re.split(r"[^a-z0-9]+", spaced.lower()) if w]
    return words, "".join(words)


def header_entities(name: str) -> tuple[list[str], bool, bool]:
    """Return the entities a header names, whether it is metadata, whether organisational."""
    words, joined = header_words(name)
    hits = [entity for entity, rule in _HEADER_RULES if re.search(rule, joined)]
    if "NHS_NUMBER" in hits and "CHI_NUMBER" in hits:
        hits.remove("NHS_NUMBER")
    if any(h in hits for h in ("FORENAME", "SURNAME", "EMAIL_ADDRESS", "HOSPITAL_NUMBER")):
        hits = [h for h in hits if h not in ("FULL_NAME", "ADDRESS")]
    if "NI_NUMBER" not in hits and ("ni" in words or "nino" in words):
        hits.insert(0, "NI_NUMBER")
    meta = any(w in _META_WORDS for w in words)
    org = any(w in _ORG_WORDS for w in words) and "HOSPITAL_NUMBER" not in hits
    return hits, meta, org


def sample_values(values: pl.Series, settings: ClassifySettings) -> tuple[pl.Series, int]:
    """Return a seeded sample of non-empty values (as text, capped length) and the count."""
    text = values.cast(pl.String) if values.dtype != pl.String else values
    text = text.drop_nulls()
    non_empty = int(text.len() - (text.str.len_bytes() == 0).sum())
    if text.len() > settings.sample:
        text = text.sample(settings.sample, seed=settings.seed)
    text = text.str.slice(0, _MAX_CHARS).str.strip_chars()
    return text.filter(text.str.len_chars() > 0), non_empty


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


def _examples(sample: pl.Series, matched: pl.Series, entity: str) -> tuple[str, ...]:
    chosen = sample.filter(matched).unique(maintain_order=True).head(3).to_list()
    return tuple(mask(v, entity) for v in chosen)


def _finding(
    column: str,
    entity: str,
    share: float,
    confidence: Confidence,
    evidence: list[str],
    examples: tuple[str, ...] = (),
    subject: Literal["person", "organisation"] = "person",
) -> ColumnFinding:
    kind = ENTITY_KINDS.get(entity)
    direct = kind in DIRECT_IDENTIFIERS and subject == "person"
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


def _share(matched: pl.Series) -> float:
    mean = matched.mean() if matched.len() else None
    return float(mean) if isinstance(mean, (int, float)) else 0.0


def _name_evidence(sample: pl.Series) -> dict[str, pl.Series]:
    forenames, surnames = name_lists()
    upper = sample.str.to_uppercase().str.replace_all(r"^(MR|MRS|MS|MISS|MX|DR)\.? ", "")
    parts = (
        upper.str.replace_all("'", "").str.split(by=",").list.eval(pl.element().str.strip_chars())
    )
    words = upper.str.replace_all("'", "").str.replace_all(r"[,\-]", " ").str.split(" ")
    words = words.list.eval(pl.element().filter(pl.element() != ""))
    fore = list(forenames)
    sur = list(surnames)
    comma = sample.str.contains(",")
    # "SMITH, John": surname first; otherwise forename first and surname last.
    first = pl.Series(
        [
            p[1].split(" ")[0] if c and len(p) > 1 else (w[0] if w else "")
            for p, w, c in zip(parts.to_list(), words.to_list(), comma.to_list(), strict=True)
        ],
        dtype=pl.String,
    )
    last = pl.Series(
        [
            p[0] if c else (w[-1] if w else "")
            for p, w, c in zip(parts.to_list(), words.to_list(), comma.to_list(), strict=True)
        ],
        dtype=pl.String,
    )
    return {
        "single": sample.str.contains(_SINGLE_NAME).fill_null(False),
        "full": sample.str.contains(_FULL_NAME).fill_null(False) & (words.list.len() >= 2),
        "forename": upper.is_in(fore),
        "surname": upper.str.replace_all("'", "").is_in(sur),
        "full_listed": first.is_in(fore) & (last.is_in(sur) | last.is_in(fore)),
        "any_listed": words.list.eval(pl.element().is_in(fore + sur)).list.any(),
    }


def _looks_free_text(sample: pl.Series) -> bool:
    if sample.len() == 0:
        return False
    lengths = sample.str.len_chars()
    words = sample.str.count_matches(r"\s+") + 1
    median = lengths.median()
    return isinstance(median, (int, float)) and median >= 30 and _share(words >= 5) >= 0.5


def _birth_like(sample: pl.Series, matched: pl.Series) -> bool:
    years = normalise_date(sample.filter(matched)).values.str.slice(0, 4).cast(pl.Int32)
    if years.len() < 20:
        return False
    high, low, middle = years.quantile(0.95), years.quantile(0.05), years.median()
    if high is None or low is None or not isinstance(middle, (int, float)):
        return False
    return high - low >= 30 and middle <= dt.date.today().year - 16


def classify_column(
    name: str,
    values: pl.Series,
    settings: ClassifySettings,
    analyse_text: Callable[[pl.Series], dict[str, int]] | None = None,
) -> ColumnProfile:
    """Classify one column from its header and a sample of its values.

    Args:
        name: the column name.
        values: the column (any dtype).
        settings: sampling and thresholds.
        analyse_text: counts entity types in free-text rows (the Presidio engine); free-text
            columns are only profiled by shape when None.

    Returns:
        The column's profile and its finding, if any.
    """
    sample, non_empty = sample_values(values, settings)
    free_text = _looks_free_text(sample)
    finding: ColumnFinding | None = None
    if _row_counter(values, sample):
        evidence = ["unique whole numbers filling a consecutive range: a row counter"]
        finding = _finding(name, "ROW_COUNTER", 1.0, "low", evidence)
    elif sample.len():
        finding = _classify_values(name, sample, settings)
        if free_text and (finding is None or not finding.detected):
            finding = _free_text_finding(name, sample, settings, analyse_text)
    return ColumnProfile(
        column=name,
        dtype=str(values.dtype),
        non_empty=non_empty,
        sampled=sample.len(),
        free_text=free_text,
        finding=finding,
    )


#: Fewest values for a column to be judged a row counter.
_MIN_COUNTER_ROWS = 20


def _row_counter(values: pl.Series, sample: pl.Series) -> bool:
    """Whether a column numbers its rows: unique whole numbers filling a consecutive range.

    Row numbers (1..n, or an offset range) identify a row of this file, not a person: no
    issuer's identifier is dense and consecutive. Up to a tenth of the range may be missing
    (blank or filtered rows). The whole column is read only when its sample is all digits.
    """
    if sample.len() < _MIN_COUNTER_ROWS or not sample.str.contains(r"^[0-9]{1,9}$").all():
        return False
    text = values.cast(pl.String).str.strip_chars()
    text = text.filter(text.str.len_chars() > 0)
    if text.len() < _MIN_COUNTER_ROWS or not text.str.contains(r"^[0-9]{1,9}$").all():
        return False
    numbers = text.cast(pl.Int64)
    if numbers.n_unique() != numbers.len():
        return False
    low, high = numbers.min(), numbers.max()
    if not isinstance(low, int) or not isinstance(high, int):
        return False
    return high - low + 1 <= numbers.len() * 1.1


def _free_text_finding(
    name: str,
    sample: pl.Series,
    settings: ClassifySettings,
    analyse_text: Callable[[pl.Series], dict[str, int]] | None,
) -> ColumnFinding:
    if analyse_text is None:
        return _finding(name, "FREE_TEXT", 0.0, "low", ["free text, not analysed"])
    rows = sample.head(settings.free_text_sample)
    counts = analyse_text(rows)
    evidence = [f"free text; {rows.len()} sampled rows analysed"] + [
        f"{entity} in {n} rows" for entity, n in sorted(counts.items()) if n
    ]
    direct_hits = {e: n for e, n in counts.items() if e in DIRECT_TEXT_ENTITIES and n}
    for entity in sorted(_WEAK_TEXT_ENTITIES & set(direct_hits)):
        if direct_hits[entity] < _WEAK_TEXT_MIN_SHARE * rows.len():
            del direct_hits[entity]
            evidence.append(f"{entity} in too few rows to be more than a look-alike")
    if "NHS_NUMBER" in direct_hits:
        passed, numbers = _check_digit_rate(rows)
        if numbers >= _MIN_NUMBERS_FOR_RATE and passed < _NHS_RATE * numbers:
            del direct_hits["NHS_NUMBER"]
            evidence.append(
                f"only {passed} of {numbers} ten-digit numbers pass the NHS check digit, as "
                "about 1 in 11 random numbers do: not NHS numbers"
            )
    share = max(direct_hits.values(), default=0) / max(rows.len(), 1)
    finding = _finding(name, "FREE_TEXT", share, "medium" if direct_hits else "low", evidence)
    return ColumnFinding(
        column=name,
        entity="FREE_TEXT",
        kind=None,
        direct=bool(direct_hits),
        share=share,
        confidence=finding.confidence,
        evidence=finding.evidence,
        entities=counts,
    )


#: Free-text entities found by a generic shape (digits, letters and digits) whose context words
#: are common in notes ("unit", "property"): a few hits in a column are look-alikes (order,
#: Datix and bed numbers), so they count only in at least ``_WEAK_TEXT_MIN_SHARE`` of rows.
_WEAK_TEXT_ENTITIES = frozenset(
    {"HOSPITAL_NUMBER", "UPRN", "UK_PASSPORT", "UK_VEHICLE_REGISTRATION"}
)
_WEAK_TEXT_MIN_SHARE = 0.01
# NHS numbers in a column's notes pass the check digit; other ten-digit numbers (orders,
# batches) pass about 1 time in 11. Below half passing, the column's "NHS numbers" are chance.
_NHS_RATE = 0.5
_MIN_NUMBERS_FOR_RATE = 10
_TEN_DIGITS = re.compile(r"(?<![\w-])(?:\d{10}|\d{3}[ -]\d{3}[ -]\d{4})(?![\w-])")


def _check_digit_rate(rows: pl.Series) -> tuple[int, int]:
    """(passing, all): ten-digit numbers in free-text rows and how many pass modulus 11."""
    found = [m.group(0) for text in rows.to_list() for m in _TEN_DIGITS.finditer(text or "")]
    digits = pl.Series(found, dtype=pl.String).str.replace_all(r"[ -]", "")
    passed = int(VALIDATORS["NHS_NUMBER"](digits).sum())
    return passed, digits.len()


#: Free-text entity types that are direct identifiers.
DIRECT_TEXT_ENTITIES = frozenset(
    {
        "NHS_NUMBER",
        "CHI_NUMBER",
        "NI_NUMBER",
        "PERSON",
        "ADDRESS",
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
        "UPRN",
        "HOSPITAL_NUMBER",
        "UK_DRIVING_LICENCE",
        "UK_PASSPORT",
        "UK_VEHICLE_REGISTRATION",
    }
)


_ANNOTATION = r"\s*[\(\[][^\)\]]*[\)\]]\s*"
_RELATION = "|".join(sorted((re.escape(w) for w in RELATION_WORDS), key=len, reverse=True))
# Who the named person is, written around a name: "Husband: Tom Baines", "Tom Baines -
# husband", "Ann Lee, friend, lives locally", and a maiden name's "née".
_NAME_LABELS = (
    rf"(?i)^(?:{_RELATION}|next of kin|nok)\s*:\s*"
    rf"|(?i)\s*(?:,|\s-|\s\u2013)\s*(?:{_RELATION})\b.*$"
    r"|(?i)^n[ée]e\.?\s+"
)
# Entities whose values lose a leading zero when a spreadsheet stores them as numbers: a CHI
# number for days 1-9, a UK phone number.
_LEADING_ZERO = ("CHI_NUMBER", "PHONE_NUMBER")


def undo_spreadsheet_damage(sample: pl.Series) -> pl.Series:
    """Values as written before a spreadsheet stored them as numbers.

    ``9434765919.0`` -> ``9434765919``; ``9.434765919E9`` -> ``9434765919`` (when exact);
    ``Smith (mother)`` -> ``Smith`` (an annotation in brackets). Other values are unchanged.
    """
    text = sample.str.replace(r"^([0-9]+)\.0+$", "${1}")
    scientific = text.str.contains(r"^[0-9](?:\.[0-9]+)?[eE]\+?[0-9]{1,2}$").fill_null(False)
    if scientific.any():
        expanded = [_exact_integer(v) if s else v for v, s in zip(text, scientific, strict=True)]
        text = pl.Series(sample.name, expanded, dtype=pl.String)
    text = text.str.replace_all(_ANNOTATION, " ").str.strip_chars()
    return text.str.replace_all(_NAME_LABELS, "").str.strip_chars()


def _exact_integer(value: str) -> str:
    number = decimal.Decimal(value)
    return str(int(number)) if number == number.to_integral_value() else value


def _classify_values(
    name: str, sample: pl.Series, settings: ClassifySettings
) -> ColumnFinding | None:
    hits, meta, org = header_entities(name)
    if meta:
        hits = []
    subject: Literal["person", "organisation"] = "organisation" if org else "person"
    sample = undo_spreadsheet_damage(sample)
    matched = {entity: check(sample) for entity, check in VALIDATORS.items()}
    for entity in set(hits) & set(_LEADING_ZERO):  # the header says what the digits were
        restored = pl.when(sample.str.contains(r"^[1-9][0-9 ]{8,11}$")).then("0" + sample)
        zero = pl.select(restored.otherwise(sample)).to_series()
        matched[entity] = matched[entity] | VALIDATORS[entity](zero)
    shares = {entity: _share(m) for entity, m in matched.items()}

    def level(share: float, header: bool) -> Confidence:
        if share >= settings.min_share:
            return "high" if header else "medium"
        return "medium" if header and share >= settings.header_min_share else "low"

    for entity in hits:  # header first: the strongest context wins
        if entity in VALIDATORS:
            share = shares[entity]
            evidence = [
                f"header '{name}' names {entity}",
                f"{share:.0%} of values pass {entity} checks",
            ]
            return _finding(
                name,
                entity,
                share,
                level(share, True),
                evidence,
                _examples(sample, matched[entity], entity),
                subject,
            )
        if entity in ("FORENAME", "SURNAME", "FULL_NAME"):
            found = _names_with_header(name, entity, sample, settings, subject)
            if found is not None:
                return found
        if entity == "SEX":
            share = _share(normalise_sex(sample).values.is_not_null())
            evidence = [f"header '{name}' names SEX", f"{share:.0%} of values are sex codes"]
            return _finding(name, "SEX", share, level(share, True), evidence)
    if org:
        return None
    for entity in _SELF_EVIDENT:
        share = shares[entity]
        if share >= settings.min_share:
            evidence = [f"{share:.0%} of values pass {entity} checks", "no header context"]
            return _finding(
                name, entity, share, "medium", evidence, _examples(sample, matched[entity], entity)
            )
    found = _names_without_header(name, sample, settings)
    if found is not None:
        return found
    if shares["DATE_OF_BIRTH"] >= settings.min_share:
        share = shares["DATE_OF_BIRTH"]
        if _birth_like(sample, matched["DATE_OF_BIRTH"]):
            evidence = [f"{share:.0%} of values are past dates", "spread of years like birth dates"]
            return _finding(name, "DATE_OF_BIRTH", share, "medium", evidence)
        return _finding(name, "DATE", share, "low", [f"{share:.0%} dates; no birth-date context"])
    return None


def _names_with_header(
    name: str,
    entity: str,
    sample: pl.Series,
    settings: ClassifySettings,
    subject: Literal["person", "organisation"],
) -> ColumnFinding | None:
    ev = _name_evidence(sample)
    shape = ev["single"] | ev["full"]
    share = _share(shape)
    listed = _share(ev["any_listed"])
    if entity == "FULL_NAME" and _share(ev["full"]) < settings.header_min_share:
        # A "name" header over single words: a forename or surname column.
        if _share(ev["single"]) < settings.min_share or listed < 0.2:
            return None
        entity = "FORENAME" if _share(ev["forename"]) >= _share(ev["surname"]) else "SURNAME"
    if share < settings.header_min_share:
        return None
    confidence: Confidence = "high" if share >= settings.min_share and listed >= 0.2 else "medium"
    evidence = [
        f"header '{name}' names {entity}",
        f"{share:.0%} of values are name-shaped",
        f"{listed:.0%} contain a listed UK name",
    ]
    return _finding(
        name, entity, share, confidence, evidence, _examples(sample, shape, entity), subject
    )


def _names_without_header(
    name: str, sample: pl.Series, settings: ClassifySettings
) -> ColumnFinding | None:
    distinct = sample.n_unique()
    if distinct < max(10, 0.05 * sample.len()):
        return None  # a code list (ethnicity, team names), not people's names
    ev = _name_evidence(sample)
    single = _share(ev["single"])
    candidates = [
        ("FULL_NAME", _share(ev["full"]), _share(ev["full_listed"]), ev["full"]),
        ("FORENAME", single, _share(ev["forename"]), ev["single"]),
        ("SURNAME", single, _share(ev["surname"]), ev["single"]),
    ]
    for entity, shape, listed, mask_ in candidates:
        if shape >= settings.min_share and listed >= 0.4:
            evidence = [
                f"{shape:.0%} of values are name-shaped",
                f"{listed:.0%} match the UK {entity.lower()} list",
                "no header context",
            ]
            return _finding(
                name, entity, listed, "medium", evidence, _examples(sample, mask_, entity)
            )
    return _names_by_shape(name, sample, settings, distinct)


#: Fewest distinct values, as a share of those sampled, for names found by shape alone.
_SHAPE_DISTINCT = 0.3
_CAPITALISED_NAME = _FULL_NAME
# Words of two letters or more: a lone letter is an initial ("SMITH, Ann A"), not the article.
_NOT_NAME_WORDS = (
    rf"(?i)\b(?:{'|'.join(sorted(re.escape(w) for w in NOT_NAME_WORDS if len(w) > 1))})\b"
)


def _names_by_shape(
    name: str, sample: pl.Series, settings: ClassifySettings, distinct: int
) -> ColumnFinding | None:
    """Full names that no list holds: name-shaped words (with particles and initials), distinct.

    Code lists (teams, wards, ethnicities, roles) repeat their values and places carry a place
    word ("Road", "Ward"); people's names in an extract are mostly distinct (at least 30% of
    values, so a person with a few episodes still counts).
    """
    if distinct < _SHAPE_DISTINCT * sample.len():
        return None
    untitled = sample.str.replace(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? ", "")
    shaped = sample.str.contains(_CAPITALISED_NAME) & ~untitled.str.contains(_NOT_NAME_WORDS)
    share = _share(shaped)
    if share < settings.min_share:
        return None
    evidence = [
        f"{share:.0%} of values are two or three capitalised name words",
        f"{distinct / sample.len():.0%} of values distinct",
        "no header context; names not in the UK lists",
    ]
    examples = _examples(sample, shaped, "FULL_NAME")
    return _finding(name, "FULL_NAME", share, "medium", evidence, examples)
