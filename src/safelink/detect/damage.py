"""Values as written before a spreadsheet (or a person) changed them.

Spreadsheets store long numbers as floats (``9434765919.0``, ``9.434765919E9``) and drop
leading zeros; people annotate names (``Smith (mother)``, ``née Jones``). Columns are judged on
the values with that damage undone.
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Callable
from functools import lru_cache

import polars as pl

from safelink.detect.headers import header_entities
from safelink.detect.names import PLACE_WORDS, RELATION_WORDS, ROLE_WORDS
from safelink.detect.recognisers import name_lists

_ANNOTATION = r"\s*[\(\[][^\)\]]*[\)\]]\s*"
_RELATION = "|".join(sorted((re.escape(w) for w in RELATION_WORDS), key=len, reverse=True))
_ROLE = "|".join(sorted((re.escape(w) for w in ROLE_WORDS), key=len, reverse=True))
# Who the named person is, written around a name: "Husband: Tom Baines", "Tom Baines -
# husband", "Ann Lee, friend, lives locally", and a maiden name's "née".
# A dead person's name: "the late John Smith", "John Smith - DECEASED", "John Smith, dec'd".
# A name a person goes by: "aka Mo", "AKA TOSH", "known as Siobhan"; a couple under one
# surname, "Mr and Mrs Byrne" (the second title kept: "Mrs Byrne"); a household, "Lam family";
# a former name after the current one, "Bell formerly Khoury"; a nickname after the name,
# "Tom Bell aka 'Tosh'" (the name kept); an immigration or travel record's placeholder for a
# name part a person does not have, "FNU Mulugeta", "Sutrisno LNU" (first / last name unknown).
_NAME_LABELS = (
    rf"(?i)^(?:{_RELATION}|next of kin|nok)\s*(?::|\s-|\s\u2013)\s*"
    rf"|(?i)\s*(?:,|\s-|\s\u2013)\s*(?:{_RELATION}|deceased|dec'd|died|rip)\b.*$"
    r"|(?i)^n[ée]e\.?\s+"
    r"|(?i)^(?:the\s+)?late\s+"
    r"|(?i)^(?:a\.?k\.?a\.?|(?:also\s+)?known\s+as|prefers)\s+"
    r"|(?i)^(?:mr|mrs|ms|miss|mx|dr)\.?\s+(?:and|&)\s+"
    r"|(?i)\s+family$"
    r"|(?i)\s+(?:formerly|previously)\s+.*$"
    r"|(?i)\s+(?:a\.?k\.?a\.?|(?:also\s+)?known\s+as)\s+.*$"
    r"|^(?:FNU|NFN)\s+|\s+(?:LNU|NLN)$"
)
# Signed for someone else: "pp. J. Walsh", "p.p. J Walsh", "per pro J Walsh"; care of. Only
# before a letter: "PP 37 90 21 D" is a National Insurance number.
_SIGNED_FOR = r"^(?i:p\.\s?p|pp|per\s+pro|c/o)\.?\s+(\p{L})"
# A label before the value, ended by a colon: "Attorney: Siobhan Kelly", "Auth: Z. Yusuf",
# "UPRN:100023336956", "mailto:ann@example.org" (one to three words, no digits).
_COLON_LABEL = r"^[A-Za-z][A-Za-z.'&/\-]*(?:\s[A-Za-z][A-Za-z.'&/\-]*){0,2}\s*:\s*(\S)"
# A label before a number without a colon ("UPRN 177630303", "NHS No. 943 476 5919", "Tel
# 0113 496 0000", "MRN-0012345"): stripped only when a header so named would name an
# identifier, so trust codes and prefixes ("RXH 1078115", "AB 12 34 56 C") stay.
# A separator follows the label: letters glued to digits are the value's ("LS1", "K123456").
_WORD_LABEL = (
    r"^([A-Za-z][A-Za-z.]*(?:\s[A-Za-z][A-Za-z.]*){0,2})(?:\s+[#=\-]?|[#=\-])\s*([0-9+(].*)$"
)
# A nickname in quotes inside a name, with the name around it: "AKA 'Dee' Deirdre Byrne",
# "Deirdre \u201cDee\u201d Byrne" (an apostrophe inside a word, "O'Neill", opens nothing).
_INNER_QUOTED = (
    "(?:^|\\s)[\"'\u2018\u201c][^\"'\u2018\u2019\u201c\u201d]+[\"'\u2019\u201d](?:\\s|$)"
)
# A role after a name: "Jo Evans, HV", "Kofi Khoury - SW", "Mai Ferreira, school nurse", "Hibo
# Lee, PC 4471": after a comma, a dash or a slash, a role word, a lower-case phrase, digits, or
# capitals of an abbreviation (when two words stand before: "SMITH, JO" is surname first).
# Where they work, after a comma ("Dr Ward, Oak Surgery"), and a date or number after the
# name ("Ann Lee d.o.b. 4/9/2015", "Tom Bell 07700 900123") go too.
# A job title after a name ("Ann Lee, Deputy Director of Nursing", "Tom Bell - Head of
# Service", "Jo Kerr / Clinical Lead"): a job word anywhere after the separator.
_JOB = (
    "director|deputy|head|lead|chair|chairperson|chief|senior|principal|associate|assistant"
    "|matron|specialist|secretary|administrator|commissioner|executive|adviser|advisor"
    "|supervisor|inspector|member|partner|sister|charge|locum|trainee|student|worker|officer"
    "|practitioner|volunteer|coordinator|co-ordinator"
)
_PLACE = "|".join(sorted(PLACE_WORDS))
_ROLE_AFTER = (
    rf"(?i:\s*(?:,|\s-|\s\u2013|\s/)\s*(?:{_ROLE})\b.*$)"
    rf"|(?i:\s*(?:,|\s-|\s\u2013|\s/)\s*(?:[^,\-\u2013/]*\s)?(?:{_JOB})\b.*$)"
    rf"|(?i:\s*,[^,]*\b(?:{_PLACE})\b.*$)"
    r"|(?i:\s*[,\-\u2013]?\s*(?:d\.?o\.?b\.?|born|b\.|tel\.?|mob\.?|phone)?\s*:?\s*"
    r"\+?[0-9][0-9/\-. ]{5,}.*$)"
    r"|^(\S+\s+\S+.*?)\s*,\s*(?:[a-z]|[A-Z]{2,5}\b|[^,]*[0-9]).*$"
)
# A clerk's full stop after a name ("Gwenllian.", "Nasrin ."): an initial's ("Smith J.") stays.
_FULL_STOP_AFTER_NAME = r"(\p{L}{2})\s*\.$"
# A child's age after the name: "Sky 2y", "Robin 6 yrs", "Aoife 18m".
_AGE_AFTER = r"(?i)\s+[0-9]{1,2}\s?(?:y|yo|yrs?|years?|m|mths?|months?)\b.*$"
# Who the person is, in any language, after a dash or a slash: lower-case words ("Ealasaid
# NicCoinnich - màthair", "Natércia Rodrigues - irmão, tel no cartão", "Jock - uses this at
# school", "Oliver/admin").
_LOWER_AFTER_DASH = r"(?:\s+[-\u2013]\s+|\s*/\s*)\p{Ll}.*$"
# A role written before a name as a title is ("P/M Tran", "EMT Cameron", "HCA J. Bell", "Sgt
# Rowe", "Nurse Fiona MacLeod", "Sister O'Hara"): the role words of notes and the grades and
# crews of ambulance, nursing, police and medical rotas.
_GRADES = (
    r"p/m|pm|emt|eca|ecsw|aap|hca|hcsw|hcw|rn|rgn|rmn|rnld|sn|ssn|en|srn|np|anp|acp|ap|sgt"
    r"|insp|ds|dc|ps|pcso|sister|matron|charge\s+nurse|staff\s+nurse|spr|sho|fy[12]|st[1-8]"
    r"|ct[1-3]|reg|cons|tech|pharm"
    # Ranks of the armed forces, police and clergy ("Capt Kofi Murphy", "Flt Lt Ionescu",
    # "AB Mateo Thompson", "Cllr Jones", "Fr Byrne").
    r"|capt|maj|col|lt|lt\s+col|lt\s+cdr|flt\s+lt|sqn\s+ldr|wg\s+cdr|gp\s+capt|cdr|cmdr"
    r"|brig|gen|adm|cpl|l/cpl|lcpl|bdr|pte|gnr|rfn|tpr|ab|po|cpo|wo[12]?|ssgt|cllr|fr"
    r"|staff"  # after "staff nurse": the first that fits is taken
)
# A police officer's or a worker's number may follow the rank ("PCSO 4390 AL-HASHIMI", "Staff
# 7573 MAHMOOD").
_ROLE_TITLE = rf"(?i:(?:{_ROLE}|{_GRADES})\.?)\s+(?:[0-9]{{3,6}}\s+)?(\p{{Lu}})"
# Letters after a name ("T. Liu MRPharmS", "Ann Lee RGN", "Dr K. Patel MBChB FRCP", "J Kerr
# BSc (Hons)"): registrations, degrees and fellowships. "MA" and "BA" are left: they are
# surnames too ("Li MA").
_POST_NOMINALS = (
    r"RGN|RMN|RNLD|RN|RM|RHV|RSCN|SRN|SCPHN|NMC|HCPC|GMC|GPhC|MPharm|BPharm|MRPharmS|FRPharmS"
    r"|MBChB|MBBS|BMBS|MB\s?BS|MD|MRCP|FRCP|FRCS|MRCS|MRCGP|FRCGP|MRCPsych|FRCPsych|FRCA"
    r"|FRCR|FRCPCH|MRCPCH|DCH|DRCOG|MRCOG|FRCOG|FFPH|FCEM|BDS|MSc|BSc|PhD|DPhil|MPhil|PGDip"
    r"|PgDip|PGCert|DipSW|CQSW|RSW|MCSP|MCOT|HCPC|OBE|MBE|CBE|LLB|MPH|MA\(Hons\)|\(Hons\)"
    # Scientists' and engineers' registrations, honours and service ("Romano CSci", "Miah
    # RAF", "O'Neill GC", "Byrne retd").
    r"|CSci|CEng|IEng|BMS|IBMS|FIBMS|MIBMS|RCS|RAF|RNR|GC|GM|QGM|DSO|DFC|MC|KC|QC|JP|DL"
    r"|retd|rtd|\(retd\)"
    # Irish and Welsh medical degrees and diplomas ("MB BCh BAO", "DFSRH", "MRCPI", "PGCE").
    r"|MB\s?BCh(?:\s?BAO)?|BCh|MBBCh|BMedSci|DFSRH|MFSRH|FFSRH|DFFP|DGM|DPD|MRCPI|FRCPI|FRCSI"
    r"|MICGP|MRCEM|FRCEM|MRCOphth|FRCOphth|MRCPath|FRCPath|PGCE|FHEA|DipHE|RMN"
    # A role's letters written after the name as a post-nominal is ("Ama Tennant OT", "Jo Kerr
    # SLT"), in capitals only: "Ot" or "Dn" would be a name's part.
    r"|OT|SLT|SALT|SW|CPN|HV|DN|AMHP|CNS|ANP|ACP|HCA|HCSW"
    # Any body's letters by their shape: capitals then lower case ("RAnTech", "MCSci"), a
    # grade's capitals and digit ("RN1", "B6", "ST3") and an Agenda for Change band ("Band 7").
    r"|\p{Lu}{2,}\p{Ll}[\p{L}]*|\p{Lu}{1,3}[0-9]{1,2}|[Bb]and\s?[0-9][a-d]?"
)
# An association's capitals after a whole name written with capitals and lower case
# ("Winston McKenzie MAAPT"): two name words stand before them, so a surname in capitals
# ("Ann SMITH") is kept.
_CAPITALS_AFTER_NAME = r"^(\p{Lu}\p{Ll}[\p{L}'\-]*(?:\s\p{Lu}[\p{L}'\-]*\p{Ll})+)\s+\p{Lu}{2,6}\.?$"
_POST_NOMINAL_END = rf"(?:(?:[\s,]|\s[-\u2013/])+(?:{_POST_NOMINALS}))+\.?$"
_MAY_HOLD_TITLE = (
    rf"^(?i:(?:{_ROLE}|{_GRADES})\.?)\s|\s(?:{_POST_NOMINALS})\.?$|{_CAPITALS_AFTER_NAME}"
)
# An initial glued to the surname: "D.Jones" -> "D. Jones".
_GLUED_INITIAL = r"^(\p{Lu})\.(\p{Lu}\p{Ll})"
_ROLE_BEFORE = rf"(?i:^(?:{_ROLE})\s*(?::|\s-|\s\u2013)\s*)"
# A name in quotes, as nicknames are written: "'Bex'", "\"Sully\"", "\u2018Gaz\u2019".
_QUOTED = "^[\"'\u2018\u201c]([^\"'\u2018\u2019\u201c\u201d]+)[\"'\u2019\u201d]$"
# Digits grouped by thousands: "4,857,773,456" (a number formatted for display).
_THOUSANDS = r"^[0-9]{1,3}(?:,[0-9]{3})+(?:\.0+)?$"
# Text a spreadsheet was told to keep as text: "'9434765919", "=\"07700900123\"".
_FORCED_TEXT = r"^'([0-9+(].*)$|^=\"(.*)\"$"
# Digit groups separated by dots ("943.476.5919", "0113.496.0000"): three groups or more, of
# three digits or more (dates, "01.02.1950", and versions, "1.2.3", keep their dots).
_DOTTED = r"^\+?[0-9]{2,5}(?:\.[0-9]{3,4}){2,}$"
# An address with its owner's name, as mail programs write it: "Ann Lee <ann@example.org>".
_NAMED_ADDRESS = r"^[^<>]*<([^<>@\s]+@[^<>\s]+)>$"
# A number a spreadsheet rounded: "9.20049E+09" (9 to 12 digits, the last ones lost).
_ROUNDED = r"^[0-9]\.[0-9]+[eE]\+?(?:0?[89]|1[01])$"
# Entities whose values lose a leading zero when a spreadsheet stores them as numbers: a CHI
# number for days 1-9, a UK phone number.
LEADING_ZERO = ("CHI_NUMBER", "PHONE_NUMBER")


def undo_spreadsheet_damage(sample: pl.Series) -> pl.Series:
    """Values as written before a spreadsheet stored them as numbers.

    ``9434765919.0`` -> ``9434765919``; ``9.434765919E9`` -> ``9434765919`` (when exact);
    ``4,857,773,456`` -> ``4857773456``; ``Smith (mother)`` -> ``Smith`` (an annotation in
    brackets), ``the late John Smith`` -> ``John Smith``, ``aka 'Mo'`` -> ``Mo``, ``Mr and Mrs
    Byrne`` -> ``Mrs Byrne``, ``Son - Tom Bell`` -> ``Tom Bell``, ``Tom Bell aka 'Tosh'`` ->
    ``Tom Bell``, ``Deirdre "Dee" Byrne`` -> ``Deirdre Byrne``, ``pp. J. Walsh`` -> ``J. Walsh``;
    a label before the value, ``Auth: Z. Yusuf`` -> ``Z. Yusuf``, ``UPRN 100023336956`` ->
    ``100023336956`` (a label without a colon only when it names an identifier as a header
    would); text forced by a spreadsheet, ``'9434765919`` -> ``9434765919``; dotted digit
    groups, ``943.476.5919`` -> ``943 476 5919``; ``Ann Lee <ann@example.org>`` ->
    ``ann@example.org``; UTF-8 read as Windows-1252, ``HorvÃ¡th`` -> ``Horváth``. Other values are
    unchanged.
    """
    sample = _where(_as_typed(sample), _MOJIBAKE, _unmangled)
    thousands = sample.str.contains(_THOUSANDS).fill_null(False)
    grouped = pl.select(pl.when(thousands).then(sample.str.replace_all(",", "")).otherwise(sample))
    text = grouped.to_series().str.replace(r"^([0-9]+)\.0+$", "${1}")
    scientific = text.str.contains(r"^[0-9](?:\.[0-9]+)?[eE]\+?[0-9]{1,2}$").fill_null(False)
    if scientific.any():
        expanded = [_exact_integer(v) if s else v for v, s in zip(text, scientific, strict=True)]
        text = pl.Series(sample.name, expanded, dtype=pl.String)
    text = text.str.replace_all(_ANNOTATION, " ").str.strip_chars()
    text = _without_labels(text)
    text = text.str.replace_all(_NAME_LABELS, "").str.replace(_SIGNED_FOR, "${1}").str.strip_chars()
    text = text.str.replace(_QUOTED, "${1}").str.strip_chars()
    inner = text.str.contains(_INNER_QUOTED).fill_null(False)
    if inner.any():
        unquoted = text.str.replace_all(_INNER_QUOTED, " ").str.strip_chars()
        keep = unquoted.str.contains(r"\p{L}").fill_null(False)
        text = pl.select(pl.when(inner & keep).then(unquoted).otherwise(text)).to_series()
    return text


# UTF-8 read as Windows-1252 or Latin-1 ("ElÅ¼bieta HorvÃ¡th" for "Elżbieta Horváth"): a lead
# byte's letter, then a continuation byte's character.
_MOJIBAKE = (
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)


def _unmangled(text: pl.Series) -> pl.Series:
    """Values as written before UTF-8 was read as a one-byte encoding (else unchanged)."""
    return text.map_elements(_utf8_again, return_dtype=pl.String)


def _utf8_again(value: str) -> str:
    for encoding in ("cp1252", "latin-1"):
        try:
            return value.encode(encoding).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return value


def _as_typed(sample: pl.Series) -> pl.Series:
    """Values as typed before a spreadsheet or mail program wrapped them (forced text, dots)."""
    return _where(sample, _MAY_BE_WRAPPED, _unwrapped)


# Values that may be wrapped or labelled; the rest are left alone, unread by the costlier rules.
_MAY_BE_WRAPPED = r"^['=]|[0-9]\.[0-9]{3}|>$"
_MAY_BE_LABELLED = (
    r":|^[A-Za-z][A-Za-z.]*(?:\s[A-Za-z][A-Za-z.]*){0,2}(?:\s+[#=\-]?|[#=\-])\s*[0-9+(]"
)
_MAY_HOLD_ROLE = r"[,:/\u20130-9]|\s-|^\p{Lu}\.\p{Lu}"


def _where(sample: pl.Series, marker: str, change: Callable[[pl.Series], pl.Series]) -> pl.Series:
    """``change`` applied to the values ``marker`` matches only; the others as they are."""
    marked = sample.str.contains(marker).fill_null(False)
    if not marked.any():
        return sample
    return sample.clone().scatter(marked.arg_true(), change(sample.filter(marked)))


def _unwrapped(text: pl.Series) -> pl.Series:
    text = text.str.replace(_FORCED_TEXT, "${1}${2}")
    dotted = text.str.contains(_DOTTED).fill_null(False)
    spaced = pl.select(pl.when(dotted).then(text.str.replace_all(r"\.", " ")).otherwise(text))
    return spaced.to_series().str.replace(_NAMED_ADDRESS, "${1}")


def _without_labels(text: pl.Series) -> pl.Series:
    """Values without a label before them: any ended by a colon, or an identifier's name."""
    return _where(text, _MAY_BE_LABELLED, _unlabelled)


def _unlabelled(text: pl.Series) -> pl.Series:
    text = text.str.replace(_COLON_LABEL, "${1}")
    labels = text.str.extract(_WORD_LABEL, 1)
    named = [label for label in labels.drop_nulls().unique().to_list() if _names_identifier(label)]
    if not named:
        return text
    stripped = text.str.replace(_WORD_LABEL, "${2}")
    return pl.select(pl.when(labels.is_in(named)).then(stripped).otherwise(text)).to_series()


@lru_cache(maxsize=4096)
def _names_identifier(label: str) -> bool:
    """Whether a label names an identifier and no one ("NHS No.", "UPRN", "Tel", "D.O.B.").

    A name before a number ("Ann Bell d.o.b. 4/9/15") is no label: no word of a label is a
    listed name.
    """
    entities, meta, _ = header_entities(label)
    if not entities or meta:
        return False
    forenames, surnames = name_lists()
    words = label.replace(".", "").upper().split()
    return not any(word in forenames or word in surnames for word in words)


def without_roles(sample: pl.Series) -> pl.Series:
    """Names without the role written beside them (``Jo Evans, HV`` -> ``Jo Evans``).

    Only for judging a name column: an address's parts after a comma are not roles.
    """
    sample = sample.str.replace(_FULL_STOP_AFTER_NAME, "${1}")
    titled = _where(sample, _MAY_HOLD_TITLE, _untitled_role)
    return _where(titled, _MAY_HOLD_ROLE, _unroled)


def _untitled_role(sample: pl.Series) -> pl.Series:
    """Names without a role before them as a title, nor letters after them."""
    text = sample.str.replace(_CAPITALS_AFTER_NAME, "${1}").str.replace(_POST_NOMINAL_END, "")
    text = text.str.replace(f"^{_ROLE_TITLE}", "${1}")
    return text.str.replace_all(rf"(\s&\s|\sand\s|;\s*){_ROLE_TITLE}", "${1}${2}")


def _unroled(sample: pl.Series) -> pl.Series:
    text = sample.str.replace(_ROLE_BEFORE, "").str.replace(_GLUED_INITIAL, "${1}. ${2}")
    text = text.str.replace(_LOWER_AFTER_DASH, "")
    text = text.str.replace(_ROLE_AFTER, "${1}").str.replace(_AGE_AFTER, "")
    return text.str.strip_chars()


# Numbers this long are identifiers' length (9-12 digits): expanding a rounded one invents digits.
_IDENTIFIER_DIGITS = 9


def _exact_integer(value: str) -> str:
    """The whole number a scientific form writes, when it keeps every digit (else unchanged).

    ``9.434765919E9`` has ten significant digits for ten: exact. ``9.43477E+09`` has six: the
    spreadsheet rounded it, and expanding it would invent zeros (shorter numbers, ``1.5E3``,
    are amounts, expanded as before).
    """
    number = decimal.Decimal(value)
    if number != number.to_integral_value():
        return value
    written = len(value.lower().split("e")[0].replace(".", "").lstrip("0"))
    whole = str(int(number))
    return whole if written >= len(whole) or len(whole) < _IDENTIFIER_DIGITS else value


def restore_leading_zero(sample: pl.Series) -> pl.Series:
    """Values with the leading zero a spreadsheet dropped put back (under a CHI or phone header).

    Nine to twelve digits not starting with 0 gain one (``7700900123`` -> ``07700900123``);
    a UK number in international form without its plus (``447700900123``) becomes national.
    """
    international = sample.str.contains(r"^44[1-9][0-9]{8,9}$").fill_null(False)
    zero = sample.str.contains(r"^[1-9][0-9 ]{8,11}$").fill_null(False)
    restored = (
        pl.when(international)
        .then("0" + sample.str.slice(2))
        .when(zero)
        .then("0" + sample)
        .otherwise(sample)
    )
    return pl.select(restored).to_series()


def rounded_numbers(sample: pl.Series) -> pl.Series:
    """Whether each value is a 9-12 digit number a spreadsheet rounded (``9.20049E+09``).

    Exact ones were expanded by :func:`undo_spreadsheet_damage`; these lost digits, so no
    validator can pass them: under a header naming a numeric identifier they count as it.
    """
    return sample.str.contains(_ROUNDED).fill_null(False)
