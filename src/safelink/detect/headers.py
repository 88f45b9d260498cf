"""Column headers as evidence: which identifier a column name names, and whose it is."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from safelink.detect.names import RELATION_WORDS
from safelink.normalise.constants import SPECIAL_LETTERS

# Header words (on the lower-cased name with separators removed) for each entity.
_HEADER_RULES: tuple[tuple[str, str], ...] = (
    ("NHS_NUMBER", r"nhs"),
    ("CHI_NUMBER", r"^chi(?!ld)|chinum|chino|chinumber"),  # not "child"
    ("NI_NUMBER", r"nationalinsurance|nino|^ni(num|no)|ninumber"),
    ("DATE_OF_BIRTH", r"dob|birth|born|dyddiadgeni"),
    ("POSTCODE", r"postcode|postalcode|zip|codpost"),
    # MSISDN: the telecoms name for a mobile number (``447700900123``).
    ("PHONE_NUMBER", r"phone|mobile|landline|^tel(?!e(?!phon))|telno|contactnumber|msisdn"),
    ("EMAIL_ADDRESS", r"email|emailaddress"),
    ("UPRN", r"uprn"),
    # The machine-readable zone calls a passport's number its "document number".
    # Portuguese and Spanish "passaporte", "pasaporte", Polish "paszport", French "passeport",
    # German "Reisepass", Welsh "pasbort".
    (
        "UK_PASSPORT",
        r"passport|^doc(?:ument)?(?:no|num|number)?$|traveldoc|passaporte|pasaporte|paszport"
        r"|passeport|reisepass|pasbort",
    ),
    # Welsh "trwydded yrru" (driving licence).
    (
        "UK_DRIVING_LICENCE",
        r"driving|drivers?licen|dvla|licen[cs]eno|licen[cs]enumber|trwyddedyrru",
    ),
    ("UK_VEHICLE_REGISTRATION", r"vehiclereg|^vrn|^vrm|numberplate|registrationmark|carreg"),
    (
        "HOSPITAL_NUMBER",
        r"mrn|hosp(?:ital)?(?:num|no|id)|unitnum|unitno|pas(?:case)?(?:num|no|id)|localpatientid"
        r"|casenote|^crn|knumber|patientid",
    ),
    (
        "FORENAME",
        r"forename|firstname|givenname|christianname|^fname|knownas|preferredname|nickname"
        r"|^alias|^aka$|enwcyntaf",
    ),
    # Welsh "cyfenw"; Irish "sloinne" and Scottish Gaelic "sloinneadh" (bilingual forms).
    ("SURNAME", r"surname|lastname|familyname|^lname|maiden|^nee$|cyfenw|^sloinne"),
    # Vendors' "ADR1", "PD_ADR"; Polish "adres", French "adresse", Czech "adresa", Portuguese
    # "endereço", German "Anschrift", Italian "indirizzo".
    (
        "ADDRESS",
        r"address|addr|street|line1|line2|housenumber|housename|cyfeiriad|adr$|adres"
        r"|endereco|anschrift|indirizzo",
    ),
    # Welsh-language extracts (Welsh public bodies publish bilingually): "enw" is "name".
    # An emergency contact or contact person is someone's name ("emergency_contact").
    # Irish and Scottish Gaelic: "ainm" is "name".
    (
        "FULL_NAME",
        r"name|nextofkin|^nok$|^enw|^ainm|emergencycontact$|^contactperson$|^contact$"
        # Kinds of name: "mononym" (a single name used whole), "patronymic", "pseudonym".
        r"|mononym|patronym|matronym|pseudonym",
    ),
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
        # The result of comparing an identifier: "surname_check", "dob_match".
        "check",
        "checked",
        "match",
        "matched",
        "result",
        # An attribute of the person, not their name: "interpreter_language", "nok_religion".
        "language",
        "languages",
        "dialect",
        "religion",
        "nationality",
        "ethnicity",
    ]
)
# The identifier belongs to an organisation, not the person.
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
        "pharmacy",
        "school",
        "employer",
        "hospital",
        "firm",
        "company",
        "agency",
        "charity",
    ]
)
# The column is about a member of staff: their phone or e-mail is the organisation's, their
# name is still a person's name (personal data), flagged as staff so a config may drop it.
_STAFF_WORDS = frozenset(
    [
        "referrer",
        "consultant",
        "clinician",
        "staff",
        "professional",
        "worker",
        "keyworker",
        "doctor",
        "nurse",
        "therapist",
        "practitioner",
        "allocated",
        # Who wrote, checked or signed a record off: "author", "assessor", "approver".
        "author",
        "authoriser",
        "authorizer",
        "approver",
        "assessor",
        "reviewer",
        "signatory",
        "signature",
        "signed",
        # Who chaired, attended or carried out the work, by job ("panel_chair",
        # "attending_crew", "dispensing_pharmacist", "interpreter_booked", "case_officer").
        "chair",
        "chairperson",
        "chairman",
        "chairwoman",
        "panellist",
        "crew",
        "paramedic",
        "pharmacist",
        "dispenser",
        "midwife",
        "interpreter",
        "translator",
        "caseworker",
        "physio",
        "physiotherapist",
        "dietitian",
        "psychologist",
        "psychiatrist",
        "surgeon",
        "anaesthetist",
        "radiographer",
        "sonographer",
        "optometrist",
        "audiologist",
        "dentist",
        "hygienist",
        "officer",
        "manager",
        "coordinator",
        "supervisor",
        "matron",
        "inspector",
        "investigator",
        "coroner",
        "sw",
        "cpn",
        "hv",
        "amhp",
        # Allied health and nursing roles as written in a header ("assessing_ot", "slt_name").
        *("ot", "slt", "salt", "dn", "cns", "anp", "acp", "hca", "hcsw", "rn"),
        # Staff of services beyond health and care, and who led or took part in an event
        # ("swim_teacher", "surveyor", "safeguarding_lead", "registrar_officiating").
        *("teacher", "tutor", "instructor", "coach", "lecturer", "trainer", "mentor", "lead"),
        *("registrar", "surveyor", "solicitor", "counsellor", "chaplain", "librarian"),
        *("curator", "archivist", "warden", "escort", "engineer", "technician"),
        *("adviser", "advisor", "navigator", "receptionist", "clerk", "administrator"),
        *("celebrant", "officiating", "presiding", "attending", "treating", "admitting"),
        *("examining", "prescribing", "supervising"),
        # Volunteers and helpers of a service ("volunteer", "befriender", "sitter").
        *("volunteer", "befriender", "buddy", "helper", "sitter", "porter", "steward"),
        # Who took or handled a call ("call_taker", "call_handler", "dispatcher").
        *("taker", "handler", "dispatcher", "responder"),
        # Who interviewed, facilitated or mediated ("return_interviewer", "group_facilitator").
        *("interviewer", "facilitator", "mediator"),
    ]
)
# Phone headers as words, wherever they sit: "home_tel", "TelWork", "mob_no", "cell".
_PHONE_WORDS = frozenset(["tel", "tels", "telno", "mob", "mobno", "cell", "cellphone", "ffon"])
# A patient's number in a master patient index, as systems name it: "MPI_ID", TrakCare's
# "PAPMI_No". ("URN" is left: schools, Ofsted's providers and charities have URNs too.)
_PATIENT_INDEX_WORDS = frozenset(["mpi", "pmi", "papmi", "empi"])
# "NI" beside these is Northern Ireland, not National Insurance ("ni_pas_case_no", "NI Trust").
_NORTHERN_IRELAND = frozenset(["pas", "hsc", "hscni", "trust", "hospital", "case", "hcn", "ward"])
# A place's or a vessel's name under "<place>_name": a street's, a ward bay's, a ship's (not a
# person's).
_PLACE_NAME_WORDS = frozenset(
    ["street", "road", "lane", "avenue", "building", "village", "town", "city", "estate",
     "scheme", "venue", "premises", "locality", "parish", "county", "borough", "district",
     "place", "bay", "room", "wing", "block", "vessel", "ship", "boat"]
)  # fmt: skip
_VESSEL_WORDS = frozenset(["vessel", "ship", "boat", "lifeboat", "ferry", "yacht", "trawler"])
# A thing's name under "<thing>_name": a drug's, a product's, a course's (not a person's).
_THING_NAME_WORDS = frozenset(
    ["drug", "medication", "medicine", "vaccine", "product", "brand", "device", "equipment",
     "course", "module", "programme", "project", "study", "trial", "procedure", "template",
     "form", "document", "file", "report", "pet", "animal", "dog", "cat", "horse",
     # Named events: a storm's, a police operation's, an exercise's ("Storm Arwen").
     "storm", "operation", "exercise", "campaign", "appeal",
     # Groups and sessions, and works: a song's, a book's, a film's ("radio_request_song").
     "group", "club", "circle", "class", "session", "activity", "song", "track", "album",
     "book", "film", "show", "game"]
)  # fmt: skip
# A job named by its ending: "orthogeriatrician", "phlebotomist", "cardiologist",
# "sonographer", "orthodontist" (a word of seven letters or more, not a "list" nor a verb).
_JOB_ENDING = re.compile(r"[a-z]{3,}(?:ician|ologist|iatrist|ographer|ometrist|ist)")
_NOT_JOBS = frozenset(["assist", "consist", "insist", "persist", "resist", "subsist", "exist"])


def _is_job(word: str) -> bool:
    return (
        len(word) >= 7
        and _JOB_ENDING.fullmatch(word) is not None
        and not word.endswith("list")
        and word not in _NOT_JOBS
    )


# A header with "by" after a verb names who did something ("authorised_by", "seen_by_hv"):
# a member of staff, whose name is personal data; the values decide whether they are names.
_DONE_BY = "by"
# Words naming a person by their relation to the data subject ("carer", "relative"): a
# column so named holds that person's name when its values are names.
# Someone acting for the person ("lpa_holder", "attorney", "court_deputy", "appointee") or
# named by them ("informant", "executor") too.
_PERSON_WORDS = RELATION_WORDS | {
    *("carer", "guardian", "child", "children", "kin", "parent"),
    *("dependant", "dependants", "dependent", "dependents", "attendee", "attendees", "guest"),
    *("sibling", "siblings"),
    *("attorney", "lpa", "poa", "deputy", "appointee", "executor", "informant", "advocate"),
    # The data subject named by what they are to the service ("veteran", "claimant").
    *("veteran", "claimant", "applicant", "tenant", "resident", "pupil", "donor", "deceased"),
    *("victim", "offender", "defendant", "prisoner", "detainee", "householder", "occupant"),
    *("client", "patient", "customer", "participant", "beneficiary", "recipient", "learner"),
}
# A whole name whose header says its order: "name (family name first)", "Surname first".
_SURNAME_FIRST = re.compile(r"(?:family|sur|last)namefirst|(?:family|sur|last)namethenforename")
# Words for a number or a code a person carries: a header naming a person and one of these
# ("worker_ref", "client_id") names the person's number, not their name.
_NUMBER_WORDS = frozenset(["ref", "reference", "id", "no", "num", "number", "code", "urn"])
# Metadata words that a name column can still carry: "initials_surname" holds names.
_NAME_META = frozenset(["initial", "initials"])
_NAMES = ("FORENAME", "SURNAME", "FULL_NAME")


def _vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Name headers in the other languages of people in UK records (extracts made by, or for,
# their communities' services, and exports of systems built abroad), accents folded. Whole
# header words ("nom", "ime", "ad" are too short to find inside other words); forename
# first, then surname, then a whole name.
_FOREIGN_NAMES: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "FORENAME",
        _vocabulary(
            """vorname rufname prenom prenoms prenume imie ime jmeno krestni meno keresztnev
            utonev vardas vards eesnimi etunimi fornavn fornamn voornaam roepnaam emri
            primeironome nomeproprio primernombre isim ad adi"""
        ),
    ),
    (
        "SURNAME",
        _vocabulary(
            """nachname familienname nomdefamille nomfamille apellido apellidos cognome
            sobrenome apelido nazwisko prijmeni priezvisko prezime vezeteknev csaladnev
            pavarde uzvards perekonnanimi sukunimi etternavn efternamn achternaam soyad
            soyadi mbiemri nume numedefamilie familienaam prizvyshche prizvishche
            prizvysche familiya familiia eponymo epitheto soyisim myoji"""
        ),
    ),
    (
        "FULL_NAME",
        _vocabulary(
            """nom nombre nome naam navn namn nimi imya ism isim magac magaca hoten hovaten
            nomcomplet nombrecompleto nomecompleto imieinazwisko imeiprezime onoma
            onomateponymo xingming mingzi ireum namae shimei jina"""
        ),
    ),
)

#: Who a column's identifier is about, from its header.
Subject = Literal["person", "organisation", "staff"]


def header_words(name: str) -> tuple[list[str], str]:
    """Split a column name into lower-case words and a joined form (``NHSNo`` -> nhs, no)."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    spaced = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", spaced)
    words = [w for w in re.split(r"[^a-z0-9]+", spaced.lower()) if w]
    return words, "".join(words)


def header_entities(name: str) -> tuple[list[str], bool, Subject]:
    """Return the entities a header names, whether it is metadata, and whose they are.

    The subject is ``organisation`` for an organisation's words (``gp_practice_postcode``),
    ``staff`` for a member of staff's (``referrer_phone``), else ``person``. Names under either
    may be a member of staff's (``gp_name``): the values decide.
    """
    words, joined = header_words(_fold(name))
    joined = re.sub(r"(?<=[a-z])[0-9]+$", "", joined)  # "emergency_contact_2", "nok1"
    joined = re.sub(r"^(?:un|re)named", "", joined)  # an export's "Unnamed: 3" names nothing
    hits = [entity for entity, rule in _HEADER_RULES if re.search(rule, joined)]
    if not hits or hits == ["FULL_NAME"]:  # "Vorname" holds "name": the language says which
        hits = _foreign_name(words, joined) or hits
    if not hits:  # "Last", "First nm": half of "last name" alone
        hits = [entity for entity, halves in _HALF_NAMES if joined in halves]
    if names_a_code(name) or names_a_place_or_thing(name):
        # a service's code name ("Amber Kestrel") or a place's ("street_name"), not a person's
        hits = [h for h in hits if h not in _NAMES]
        if "name" in words or "names" in words:  # a street's name is not an address
            hits = [h for h in hits if h != "ADDRESS"]
    if _SURNAME_FIRST.search(joined):  # "name (family name first)": a whole name, in its order
        hits = list(dict.fromkeys("FULL_NAME" if h == "SURNAME" else h for h in hits))
    if "NHS_NUMBER" in hits and "CHI_NUMBER" in hits:
        hits.remove("NHS_NUMBER")
    if any(h in hits for h in ("FORENAME", "SURNAME", "EMAIL_ADDRESS", "HOSPITAL_NUMBER")):
        hits = [h for h in hits if h not in ("FULL_NAME", "ADDRESS")]
    if "NI_NUMBER" in hits and _NORTHERN_IRELAND & set(words):  # "ni_pas_case_no": a place
        hits.remove("NI_NUMBER")
    if "NI_NUMBER" not in hits and (
        "nino" in words or ("ni" in words and not _NORTHERN_IRELAND & set(words))
    ):
        hits.insert(0, "NI_NUMBER")
    if "PHONE_NUMBER" not in hits and any(w in _PHONE_WORDS for w in words):
        hits.insert(0, "PHONE_NUMBER")
    if not hits and _PATIENT_INDEX_WORDS & set(words) and not _ORG_WORDS & set(words):
        hits.insert(0, "HOSPITAL_NUMBER")  # a school's or a trust's URN is the organisation's
    # "authorised_by", "seen_by_hv", "checked_by_bms"; "APT_on_duty": who was on duty
    done_by = _DONE_BY in words[1:] or "onduty" in joined
    people = _PERSON_WORDS | _STAFF_WORDS  # "carer", "referrer", "key_worker": a person
    job = any(_is_job(w) for w in words)  # "orthogeriatrician", "phlebotomist"
    numbered = any(w in _NUMBER_WORDS for w in words)  # "agency_worker_ref", "carer_id"
    if (
        not any(h in _NAMES for h in hits)
        and not numbered
        and (done_by or job or any(w in people for w in words))
    ):
        hits.append("FULL_NAME")
    meta_words = {w for w in words if w in _META_WORDS}
    meta = bool(meta_words) and not (meta_words <= _NAME_META and any(h in _NAMES for h in hits))
    meta = meta and not done_by  # "checked_by", "verified_by": who checked, not the check
    subject: Subject = "person"
    if "HOSPITAL_NUMBER" not in hits and "serviceuser" not in joined:  # a person, not a service
        if done_by or job or any(w in _STAFF_WORDS for w in words):
            subject = "staff"
        elif any(w in _ORG_WORDS for w in words):
            subject = "organisation"
    return hits, meta, subject


# A name header cut to its first word ("Last", "First", "Given nm"): the values decide.
_HALF_NAMES: tuple[tuple[str, frozenset[str]], ...] = (
    ("SURNAME", _vocabulary("last lastnm lastnme lst lstnm family familynm")),
    ("FORENAME", _vocabulary("first firstnm firstnme frst frstnm given givennm fore forenm")),
)
# A name a service gives a case or a study subject to hide who they are ("codename",
# "code_name", "study name"): a code, though written as words.
_CODE_NAME = re.compile(r"code(?:d)?name|namecode|studyname|projectname")
# Words that say nothing of what a column holds (export defaults, placeholders), and words for
# a number a thing carries: an order's, an invoice's, a sample's (not a person's).
_EMPTY_WORDS = _vocabulary(
    """other others misc miscellaneous extra additional unnamed untitled unlabelled unlabeled
    unknown blank field fld col column var variable attr attribute value val data info
    information id identifier no num number doc document detail details"""
)
_THING_WORDS = _vocabulary(
    """order invoice batch lot account acct claim payroll sample specimen case ref reference
    serial po job ticket receipt transaction booking barcode accession episode tracking
    policy contract purchase payment request incident referral appointment visit item stock
    asset product cost budget ledger voucher"""
)


def names_nothing(name: str) -> bool:
    """Whether a header says nothing of what its column holds (``Other``, ``V0042``, ``F3``).

    Its words, digits removed, are placeholders, an export's defaults or codes of two letters
    or fewer. "id", "no" and "number" say only that the column holds an identifier, not whose.
    """
    words, _ = header_words(_fold(name))
    words = [w for w in (re.sub(r"[0-9]+", "", w) for w in words) if w]
    return all((w in _EMPTY_WORDS or len(w) <= 2) and w not in _THING_WORDS for w in words)


def names_half_a_name(name: str) -> bool:
    """Whether a header is half a name header (``Last``, ``Given``): weak context, not strong."""
    _, joined = header_words(_fold(name))
    joined = re.sub(r"(?<=[a-z])[0-9]+$", "", joined)
    return any(joined in halves for _, halves in _HALF_NAMES)


def names_a_code(name: str) -> bool:
    """Whether a header names a code name a service gives (``codename``, ``Study name``)."""
    _, joined = header_words(_fold(name))
    return bool(_CODE_NAME.search(joined))


def names_a_place_or_thing(name: str) -> bool:
    """Whether a header names a place or a thing (``street_name``, ``bay``, ``drug_name``)."""
    words, _ = header_words(_fold(name))
    if any(w in _PERSON_WORDS or w in _STAFF_WORDS for w in words):
        return False  # "study_participant", "course_tutor": a person of the place or thing
    things = _PLACE_NAME_WORDS | _VESSEL_WORDS | _THING_NAME_WORDS
    return any(w in things for w in words)


def names_a_vessel(name: str) -> bool:
    """Whether a header names a ship or a boat (``vessel``, ``lifeboat``), often named after people.

    Only vessels: a room, a bay or a form under a header can hold people's names beside it
    (a blind corpus's annotated names under such a header were lost when any place or thing
    counted).
    """
    words, _ = header_words(_fold(name))
    return any(w in _VESSEL_WORDS for w in words)


def names_a_thing(name: str) -> bool:
    """Whether a header names a number that a thing carries (``order_no``, ``Sample ID``)."""
    words, _ = header_words(_fold(name))
    return any(re.sub(r"[0-9]+", "", w) in _THING_WORDS for w in words)


def _fold(name: str) -> str:
    """The header without accents ("Imię" -> "Imie", "Prénom" -> "Prenom", "Łączny" -> "Laczny")."""
    plain = "".join(SPECIAL_LETTERS.get(c.upper(), c) for c in name)
    return "".join(c for c in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(c))


def _foreign_name(words: list[str], joined: str) -> list[str]:
    """The name a header names in another language: all its words joined, else one of them.

    A word of three letters or fewer ("nom", "ad") counts only as the whole header.
    """
    for entity, vocabulary in _FOREIGN_NAMES:
        if joined in vocabulary:
            return [entity]
    for entity, vocabulary in _FOREIGN_NAMES:
        if any(len(w) > 3 and w in vocabulary for w in words):
            return [entity]
    return []
