"""Column headers as evidence: which identifier a column name names, and whose it is."""

from __future__ import annotations

import re

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
