"""Presidio recognisers for UK health and social-care identifiers, one small class each.

Every value-checked recogniser exposes ``valid(values: pl.Series) -> pl.Series`` (vectorised,
built on :mod:`safelink.normalise`) and uses the same function for a single free-text match in
``validate_result``, so the column classifier and the free-text analyzer always agree.

A validated match keeps its pattern score (Presidio's default would raise it to 1.0), so a
10-digit number that merely passes modulus 11 is not treated as certain: context words
("NHS number", "DOB", "UPRN") raise the score through Presidio's context enhancer.
"""

from __future__ import annotations

import re
from abc import abstractmethod
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from typing import ClassVar

import polars as pl
from presidio_analyzer import EntityRecognizer, LocalRecognizer, Pattern, PatternRecognizer
from presidio_analyzer import RecognizerResult as _Result
from presidio_analyzer.nlp_engine import NlpArtifacts

from safelink.detect.names import cue_names, is_place
from safelink.normalise import (
    NhsNumberRange,
    classify_nhs_number,
    normalise_chi_number,
    normalise_date,
    normalise_driving_licence,
    normalise_email,
    normalise_nhs_number,
    normalise_ni_number,
    normalise_passport_number,
    normalise_phone,
    normalise_postcode,
    normalise_vehicle_registration,
)

#: Regex flags for every recogniser: case matters (names are capitalised, postcodes upper case).
FLAGS = re.MULTILINE

# Never-issued (5xx) numbers are rejected; CHI-range numbers belong to the CHI recogniser.
_NOT_NHS_RANGES = [NhsNumberRange.NEVER_ISSUED.value, NhsNumberRange.CHI.value]


def _text(values: pl.Series) -> pl.Series:
    return values.cast(pl.String)


def nhs_number_valid(values: pl.Series) -> pl.Series:
    """NHS numbers: modulus 11, not a placeholder, not a never-issued or CHI-range number."""
    canonical = normalise_nhs_number(_text(values)).values
    ranges = classify_nhs_number(canonical)
    return (canonical.is_not_null() & ~ranges.is_in(_NOT_NHS_RANGES)).fill_null(False)


def modulus11_valid(values: pl.Series) -> pl.Series:
    """Ten digits passing the NHS/CHI modulus-11 check digit, in any issuing range.

    A random ten-digit number passes about 1 time in 11, so a column where most values pass
    holds NHS-style numbers even when they fall outside the ranges issued so far.
    """
    return normalise_nhs_number(_text(values)).values.is_not_null()


def chi_number_valid(values: pl.Series) -> pl.Series:
    """CHI numbers: modulus 11, DDMMYY date prefix, in the CHI issuing range."""
    canonical = normalise_chi_number(_text(values)).values
    ranges = classify_nhs_number(canonical)
    return (canonical.is_not_null() & (ranges == NhsNumberRange.CHI.value)).fill_null(False)


def ni_number_valid(values: pl.Series) -> pl.Series:
    """National Insurance numbers with the real prefix rules."""
    return normalise_ni_number(_text(values)).values.is_not_null()


def postcode_valid(values: pl.Series) -> pl.Series:
    """UK postcodes (shape of outward and inward codes)."""
    return normalise_postcode(_text(values)).values.is_not_null()


def date_valid(values: pl.Series) -> pl.Series:
    """Dates that could be dates of birth (full dates, parseable, not future, not before 1890)."""
    return normalise_date(_text(values)).values.is_not_null()


# After +44 the area code may be bracketed: "+44 (0)20 ...", "+44 (20) ...".
# Or the national area code in brackets: "(0113) 496 0000".
_UK_PHONE_SHAPE = r"^(?:\+44\s?(?:\(0\)\s?|\()?|0044\s?|\(?0)[1-9][\d\s\-()]{7,13}$"


def phone_valid(values: pl.Series) -> pl.Series:
    """UK phone numbers: a UK prefix (0, +44, 0044), then a possible GB number."""
    text = _text(values).str.strip_chars()
    shape = text.str.contains(_UK_PHONE_SHAPE).fill_null(False)
    digits = text.str.replace_all(r"\D", "").str.len_chars()
    shape = shape & digits.is_between(10, 14).fill_null(False)
    # phonenumbers is slow: ask it only about values with a phone's shape.
    shaped = pl.select(pl.when(shape).then(text)).to_series()
    possible = normalise_phone(shaped).values.is_not_null()
    return (shape & possible).alias(values.name)


_EMAIL_SHAPE = r"^[^@\s]+@[^@\s]+\.(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$"


def email_valid(values: pl.Series) -> pl.Series:
    """Email addresses whose top-level domain is letters (any script) or punycode (``xn--``)."""
    canonical = normalise_email(_text(values)).values
    return canonical.str.contains(_EMAIL_SHAPE).fill_null(False)


def uprn_valid(values: pl.Series) -> pl.Series:
    """UPRNs: 1 to 12 digits (only meaningful with a UPRN header or context)."""
    return _text(values).str.strip_chars().str.contains(r"^\d{1,12}$").fill_null(False)


def hospital_number_valid(values: pl.Series) -> pl.Series:
    """Hospital numbers: 4-15 letters and digits (up to three groups), at least one digit."""
    text = _text(values).str.strip_chars()
    # Groups may be spaced ("K38 6439P", "RTH 6867017"): one separator between groups.
    shape = text.str.contains(r"^[A-Za-z0-9]+(?:[ \-/][A-Za-z0-9]+){0,2}$").fill_null(False)
    shape = shape & text.str.len_chars().is_between(4, 15).fill_null(False)
    return shape & text.str.contains(r"\d").fill_null(False)


# The issuing state's code before the number, as the machine-readable zone writes it.
_ISSUER = r"^(?i:GBR|GB|UK)[ \-]?([0-9]{3} ?[0-9]{3} ?[0-9]{3})$"


def passport_valid(values: pl.Series) -> pl.Series:
    """UK passport numbers (only meaningful with a passport header or context).

    A number written after its issuing state's code (``GBR 123456789``) counts as the number.
    """
    text = _text(values).str.strip_chars().str.replace(_ISSUER, "${1}")
    return normalise_passport_number(text).values.is_not_null()


def driving_licence_valid(values: pl.Series) -> pl.Series:
    """UK (DVLA) driving licence numbers: the shape, month and day of birth checked."""
    return normalise_driving_licence(_text(values)).values.is_not_null()


def vehicle_registration_valid(values: pl.Series) -> pl.Series:
    """UK vehicle registration marks in the current, prefix or suffix format, or Jersey's."""
    return normalise_vehicle_registration(_text(values)).values.is_not_null()


_STREET = (
    "Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Way|Court|Ct|Crescent|Place|Pl|Gardens"
    "|Terrace|Grove|Hill|Walk|Row|Square|Park|Rise|View|Mews|Green|Parade|Vale|Wynd|Brae"
)
_ADDRESS_SHAPE = (
    rf"(?i)^(?:flat \d+\w?,? )?\d{{1,4}}[a-z]?,? +(?:[a-z'\-]+ +){{1,4}}(?:{_STREET})\b"
)


def address_valid(values: pl.Series) -> pl.Series:
    """Address lines: house number, words, then a street suffix (``12 Mill Lane``)."""
    return _text(values).str.strip_chars().str.contains(_ADDRESS_SHAPE).fill_null(False)


def _single(check: Callable[[pl.Series], pl.Series], text: str) -> bool:
    return bool(check(pl.Series([text], dtype=pl.String))[0])


class _ValidatedPatternRecogniser(PatternRecognizer):
    """A pattern recogniser whose matches must pass a vectorised validator."""

    ENTITY: ClassVar[str]
    PATTERNS: ClassVar[Sequence[tuple[str, str, float]]]
    CONTEXT: ClassVar[Sequence[str]] = ()

    def __init__(self) -> None:
        super().__init__(
            supported_entity=self.ENTITY,
            name=type(self).__name__,
            patterns=[Pattern(name, regex, score) for name, regex, score in self.PATTERNS],
            context=list(self.CONTEXT),
            global_regex_flags=FLAGS,
        )
        self._prepared: dict[str, list[tuple[Pattern, int, int]]] = {}

    @staticmethod
    @abstractmethod
    def valid(values: pl.Series) -> pl.Series:
        """Return which values pass this recogniser's validator (vectorised)."""

    def validate_result(self, pattern_text: str) -> bool | None:
        """Drop a match that fails the validator; keep the pattern score otherwise."""
        return None if _single(self.valid, pattern_text) else False

    def prepare(self, texts: Sequence[str]) -> None:
        """Find and validate the matches in many texts at once, for :meth:`analyze` to reuse.

        One validator call for a whole batch of texts instead of one per text: a polars query
        has a fixed cost that dominated scans of many short texts. Answers are the same; call
        :meth:`release` after the batch.
        """
        flags = self.global_regex_flags or FLAGS
        found = {text: self._matches(text, flags) for text in dict.fromkeys(texts)}
        spans = [text[s:e] for text, matches in found.items() for _, s, e in matches]
        valid = iter(self.valid(pl.Series(spans, dtype=pl.String)).to_list() if spans else [])
        self._prepared.update(
            {text: [m for m in matches if next(valid)] for text, matches in found.items()}
        )

    def release(self) -> None:
        """Forget the matches :meth:`prepare` found."""
        self._prepared.clear()

    def _matches(self, text: str, flags: int) -> list[tuple[Pattern, int, int]]:
        patterns: list[Pattern] = self.patterns  # type: ignore[has-type]
        found: list[tuple[Pattern, int, int]] = []
        for pattern in patterns:
            for match in _compiled(pattern.regex, flags).finditer(text):
                if match.end() > match.start():
                    found.append((pattern, match.start(), match.end()))
        return found

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[_Result]:
        """Find every pattern match, then validate them all in one vectorised call.

        Presidio validates match by match; with a polars validator that is one small query
        per match, which dominated free-text scanning. The results are the same.
        """
        flags = regex_flags or self.global_regex_flags or FLAGS
        name = str(self.name)  # type: ignore[has-type]
        valid = self._prepared.pop(text, None) if regex_flags is None else None
        if valid is None:
            found = self._matches(text, flags)
            if not found:
                return []
            spans = pl.Series([text[s:e] for _, s, e in found], dtype=pl.String)
            valid = [m for m, ok in zip(found, self.valid(spans), strict=True) if ok]
        results = [
            _Result(
                self.supported_entities[0],
                start,
                end,
                pattern.score,
                analysis_explanation=self.build_regex_explanation(
                    name, pattern.name, pattern.regex, pattern.score, True, flags
                ),
                recognition_metadata={
                    _Result.RECOGNIZER_NAME_KEY: name,
                    _Result.RECOGNIZER_IDENTIFIER_KEY: self.id,
                },
            )
            for pattern, start, end in valid
        ]
        return list(EntityRecognizer.remove_duplicates(results))


@lru_cache(maxsize=256)
def _compiled(regex: str, flags: int) -> re.Pattern[str]:
    return re.compile(regex, flags)


class NhsNumberRecogniser(_ValidatedPatternRecogniser):
    """NHS numbers: 10 digits (``943 476 5919``), modulus 11, NHS range, no placeholder."""

    ENTITY = "NHS_NUMBER"
    PATTERNS = (
        ("nhs_spaced", r"(?<![\w-])\d{3}([ -])\d{3}\1\d{4}(?![\w-])", 0.6),
        ("nhs_compact", r"(?<![\w-])\d{10}(?![\w-])", 0.5),
        # Ten digits grouped any other way ("463 5100189", "471786 8498"): people mistype the
        # spacing. Too like other numbers alone, so scored to count only with NHS context.
        ("nhs_regrouped", r"(?<![\w-])\d{1,7}(?:[ -]\d{1,7}){1,3}(?![\w-])", 0.1),
    )
    CONTEXT = ("nhs", "nhsno", "nhsnumber")
    valid = staticmethod(nhs_number_valid)


class ChiNumberRecogniser(_ValidatedPatternRecogniser):
    """Scottish CHI numbers: DDMMYY + 4 digits, modulus 11."""

    ENTITY = "CHI_NUMBER"
    PATTERNS = (
        ("chi", r"(?<![\w-])[0-3]\d[01]\d{3}[ -]?\d{4}(?![\w-])", 0.5),
        # Written in NHS-number groups: "120 385 0018".
        ("chi_grouped", r"(?<![\w-])[0-3]\d[01]([ -])\d{3}\1\d{4}(?![\w-])", 0.5),
    )
    CONTEXT = ("chi",)
    valid = staticmethod(chi_number_valid)


class NiNumberRecogniser(_ValidatedPatternRecogniser):
    """National Insurance numbers (``QQ 12 34 56 C``) with the real prefix rules."""

    ENTITY = "NI_NUMBER"
    PATTERNS = (("nino", r"(?<!\w)[A-Za-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d](?!\w)", 0.6),)
    CONTEXT = ("ni", "nino", "insurance")
    valid = staticmethod(ni_number_valid)


class PostcodeRecogniser(_ValidatedPatternRecogniser):
    """UK postcodes in any case (``LS1 4AP``, ``ls1 4ap``) and ``GIR 0AA``."""

    ENTITY = "POSTCODE"
    PATTERNS = (
        (
            "postcode",
            r"(?<!\w)(?i:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|GIR ?0AA)(?!\w)",
            0.5,
        ),
    )
    CONTEXT = ("postcode", "address", "lives", "resides")
    valid = staticmethod(postcode_valid)


class PhoneRecogniser(_ValidatedPatternRecogniser):
    """UK phone numbers (``0113 496 0000``, ``+44 7700 900123``)."""

    ENTITY = "PHONE_NUMBER"
    PATTERNS = (
        (
            "uk_phone",
            r"(?<![\w+])(?:\+44 ?(?:\(0\) ?)?|0044 ?|0)[1-9]\d{1,4}[ -]?\d{3,4}[ -]?\d{3,4}(?!\w)"
            # "+44 (20) 7123 4567": the area code in brackets after +44.
            r"|(?<![\w+])\+44 ?\([1-9]\d{1,4}\) ?\d{3,4}[ -]?\d{3,4}(?!\w)"
            # "(0113) 496 0000": the national area code in brackets.
            r"|(?<![\w+(])\(0[1-9]\d{1,4}\) ?\d{3,4}[ -]?\d{3,4}(?!\w)",
            0.5,
        ),
    )
    CONTEXT = ("phone", "tel", "telephone", "mobile", "call", "contact")
    valid = staticmethod(phone_valid)


class EmailRecogniser(_ValidatedPatternRecogniser):
    """Email addresses, checked without any public-suffix list (no network)."""

    ENTITY = "EMAIL_ADDRESS"
    PATTERNS = (
        (
            "email",
            # The whole domain, up to a character that cannot continue it, so a match never
            # stops inside a label ("xn--p1ai", "co.uk"): the validator then judges the TLD.
            r"(?<![\w.+-])[\w.%+-]+@[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)+"
            r"(?![\w-])",
            0.8,
        ),
    )
    CONTEXT = ("email", "mail")
    valid = staticmethod(email_valid)


class UprnRecogniser(_ValidatedPatternRecogniser):
    """UPRNs: up to 12 digits, reported only with context ("UPRN", "property reference")."""

    ENTITY = "UPRN"
    PATTERNS = (("uprn", r"(?<![\w-])\d{6,12}(?![\w-])", 0.1),)
    CONTEXT = ("uprn", "property")
    valid = staticmethod(uprn_valid)


class HospitalNumberRecogniser(_ValidatedPatternRecogniser):
    """Hospital (MRN, PAS, unit) numbers: reported only with context in free text."""

    ENTITY = "HOSPITAL_NUMBER"
    PATTERNS = (("mrn", r"(?<![\w-])[A-Z]{0,3}\d{5,10}[A-Z]?(?![\w-])", 0.1),)
    # "Hosp no", "hosp. num", "case notes no", as notes abbreviate them.
    CONTEXT = ("mrn", "hospital", "hosp", "hospno", "unit", "pas", "casenote", "casenotes", "crn")
    valid = staticmethod(hospital_number_valid)


# A number after these is a route's, a platform's or an exit's, not a house's ("Bus Service
# 49 Sheriff Hill", "junction 7 Beech Hill"): one fixed-width look-behind each.
_NOT_HOUSE_NUMBER = "".join(
    f"(?<!{word} )(?<!{word.capitalize()} )"
    for word in ("bus", "route", "service", "platform", "junction", "exit", "gate", "stand")
)


class AddressRecogniser(_ValidatedPatternRecogniser):
    """Street addresses: house number, capitalised words, street suffix (``12 Mill Lane``)."""

    ENTITY = "ADDRESS"
    PATTERNS = (
        (
            "street",
            rf"{_NOT_HOUSE_NUMBER}(?<!\w)(?:Flat \d+\w?,? )?\d{{1,4}}[A-Za-z]?,? +"
            rf"(?:[A-Z][a-z'\-]+ +){{1,3}}(?:{_STREET})\b",
            0.6,
        ),
    )
    CONTEXT = ("address", "lives", "resides")
    valid = staticmethod(address_valid)


class PassportRecogniser(_ValidatedPatternRecogniser):
    """UK passport numbers: reported only with context ("passport", "HMPO")."""

    ENTITY = "UK_PASSPORT"
    PATTERNS = (("passport", r"(?<![\w-])(?:\d{9}|[A-Z]{1,2}\d{7,8})(?![\w-])", 0.1),)
    CONTEXT = ("passport", "hmpo", "travel")
    valid = staticmethod(passport_valid)


class DrivingLicenceRecogniser(_ValidatedPatternRecogniser):
    """UK driving licence numbers (``MORGA 607054 SM9IJ``): they encode name, birth and sex."""

    ENTITY = "UK_DRIVING_LICENCE"
    PATTERNS = (
        (
            "dvla",
            r"(?<![\w-])(?i:[A-Z][A-Z9]{4} ?\d{6} ?[A-Z][A-Z9][A-Z0-9][A-Z]{2})(?![\w-])",
            0.6,
        ),
    )
    CONTEXT = ("licence", "license", "dvla", "driving")
    valid = staticmethod(driving_licence_valid)


class VehicleRegistrationRecogniser(_ValidatedPatternRecogniser):
    """UK vehicle registrations in capitals (``AB51 ABC``): scored low, reported with context."""

    ENTITY = "UK_VEHICLE_REGISTRATION"
    PATTERNS = (
        ("current", r"(?<![\w-])[A-Z]{2}\d{2}[ -]?[A-Z]{3}(?![\w-])", 0.3),
        ("prefix", r"(?<![\w-])[A-Z]\d{1,3}[ -]?[A-Z]{3}(?![\w-])", 0.2),
        ("suffix", r"(?<![\w-])[A-Z]{3}[ -]?\d{1,3}[ -]?[A-Z](?![\w-])", 0.15),
    )
    # Driving and parking words name the vehicle too ("her son drives AB12 CDE").
    CONTEXT = (
        "vehicle", "vehicles", "car", "registration", "reg", "vrn", "badge", "plate",
        "drive", "drives", "driving", "parked", "parking", "van", "taxi",
    )  # fmt: skip
    valid = staticmethod(vehicle_registration_valid)


# Every shape normalise_date reads (the validator then decides), with its optional
# time: 04/03/1975, 4-3-1975, 4.3.1975, 1975-03-04, 1975/3/4, 19750304, 4 Mar 1975,
# 05-MAY-1975, 4 March 1975, 1975-03-04T00:00:00.
_DATE_PATTERN = re.compile(
    r"(?<![\w/.:-])(?:\d{1,2}/\d{1,2}/\d{4}|\d{1,2}-\d{1,2}-\d{4}|\d{1,2}\.\d{1,2}\.\d{4}"
    r"|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2}|\d{8}|\d{1,2}[ -][A-Za-z]{3,9}[ -]\d{4})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?(?![\w/:-]|\.\d)"
)
_BIRTH_CONTEXT = re.compile(r"(?i)\b(?:dob|d\.o\.b|born|birth|birthday|date of birth)\b")


class DateOfBirthRecogniser(LocalRecognizer):
    """Dates, reported as ``DATE_OF_BIRTH`` when birth words precede them, else ``DATE``."""

    ENTITIES: ClassVar[tuple[str, str]] = ("DATE_OF_BIRTH", "DATE")
    WINDOW = 40
    BIRTH_SCORE = 0.85
    DATE_SCORE = 0.3

    def __init__(self) -> None:
        super().__init__(supported_entities=list(self.ENTITIES), name="DateOfBirthRecogniser")
        self._prepared: dict[str, list[re.Match[str]]] = {}

    def prepare(self, texts: Sequence[str]) -> None:
        """Find and validate the dates in many texts at once (see the pattern recognisers)."""
        found = {text: list(_DATE_PATTERN.finditer(text)) for text in dict.fromkeys(texts)}
        spans = [m.group() for matches in found.values() for m in matches]
        valid = iter(date_valid(pl.Series(spans, dtype=pl.String)).to_list() if spans else [])
        self._prepared.update(
            {text: [m for m in matches if next(valid)] for text, matches in found.items()}
        )

    def release(self) -> None:
        """Forget the dates :meth:`prepare` found."""
        self._prepared.clear()

    def load(self) -> None:
        """Nothing to load."""

    valid = staticmethod(date_valid)

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[_Result]:
        """Find dates and label them by the words just before each."""
        results: list[_Result] = []
        valid = self._prepared.pop(text, None)
        if valid is None:
            matches = list(_DATE_PATTERN.finditer(text))
            if not matches:
                return results
            checked = date_valid(pl.Series([m.group() for m in matches], dtype=pl.String))
            valid = [m for m, ok in zip(matches, checked, strict=True) if ok]
        for match in valid:
            before = text[max(0, match.start() - self.WINDOW) : match.start()]
            birth = _BIRTH_CONTEXT.search(before) is not None
            entity, score = (
                ("DATE_OF_BIRTH", self.BIRTH_SCORE) if birth else ("DATE", self.DATE_SCORE)
            )
            if entity in entities:
                results.append(_Result(entity, match.start(), match.end(), score))
        return results


def _read_names(name: str) -> frozenset[str]:
    """A bundled list of names (``data/<name>``), upper case, apostrophes dropped."""
    text = (resources.files("safelink.detect") / "data" / name).read_text(encoding="utf-8")
    words = (w for line in text.splitlines() if not line.startswith("#") for w in line.split())
    return frozenset(w.upper().replace("'", "") for w in words)


@lru_cache(maxsize=1)
def name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """Return the bundled lists of common UK forenames and surnames, upper case.

    The short lists that names in notes are found by (a capitalised run starting with a
    listed forename): a word in them is a name more often than anything else.
    """
    return _read_names("forenames.txt"), _read_names("surnames.txt")


@lru_cache(maxsize=1)
def many_origin_name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """The UK lists with the common names of many origins, for judging a column of values.

    About 7,600 given names and 5,700 family names of some seventy origins as UK records
    write them (``data/forenames_world.txt``, ``data/surnames_world.txt``: hand-written, no
    source data), ordinary English words left out. A column of names from many communities
    holds many of them; a column of things' names few. Too wide for finding names in notes,
    where every capitalised word would be tried.
    """
    forenames, surnames = name_lists()
    return (
        forenames | _read_names("forenames_world.txt"),
        surnames | _read_names("surnames_world.txt"),
    )


def hold_listed_names(words: list[list[str] | None]) -> pl.Series:
    """Whether any of each value's words (upper case) is in the lists of many origins.

    Set lookups, a value at a time: the lists are too long to search once per value in polars.
    A missing value stays missing.
    """
    forenames, surnames = many_origin_name_lists()
    return pl.Series(
        [
            None if row is None else any(w in forenames or w in surnames for w in row)
            for row in words
        ],
        dtype=pl.Boolean,
    )


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """The bundled UK places and countries (``data/places.txt``), lower case."""
    text = (resources.files("safelink.detect") / "data" / "places.txt").read_text("utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(word.lower() for line in lines for word in line.split())


# Capitalised or upper-case words: "John Smith", "John SMITH" (the records' own convention),
# "JOHN SMITH".
_WORD = re.compile(r"\S+")
_CAPITALISED_RUN = re.compile(
    r"\b[A-Z](?:[a-z'\-]+|[A-Z'\-]+)(?: +[A-Z](?:[a-z'\-]+|[A-Z'\-]+))+\b"
)


class PersonNameRecogniser(LocalRecognizer):
    """People's names without a model: by their cues, or a listed forename and name.

    Cues are titles, roles and relationship words (:mod:`safelink.detect.names`).
    """

    SCORE = 0.6

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name="PersonNameRecogniser")

    def load(self) -> None:
        """Nothing to load (the name lists are read lazily)."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[_Result]:
        """Find names by their cues, and capitalised runs that start with a known forename.

        Runs that are places ("Florence Nightingale Ward") are left out.
        """
        if "PERSON" not in entities:
            return []
        forenames, surnames = name_lists()
        spans = cue_names(text)
        for match in _CAPITALISED_RUN.finditer(text):
            words = [(w.group().upper().replace("'", ""), w.end()) for w in _WORD.finditer(
                text, match.start(), match.end())]  # fmt: skip
            if words[0][0] not in forenames:
                continue
            # Up to the last listed name: "JOHN SMITH" of "JOHN SMITH ATTENDED".
            ends = [end for word, end in words[1:] if word in surnames or word in forenames]
            if ends and not is_place(text, match.start(), ends[-1]):
                spans.append((match.start(), ends[-1]))
        results = [_Result("PERSON", s, e, self.SCORE) for s, e in spans]
        return list(EntityRecognizer.remove_duplicates(results))


#: Column validators by Presidio entity name (the classifier uses these directly).
VALIDATORS: dict[str, Callable[[pl.Series], pl.Series]] = {
    "NHS_NUMBER": nhs_number_valid,
    "CHI_NUMBER": chi_number_valid,
    "NI_NUMBER": ni_number_valid,
    "POSTCODE": postcode_valid,
    "DATE_OF_BIRTH": date_valid,
    "PHONE_NUMBER": phone_valid,
    "EMAIL_ADDRESS": email_valid,
    "UPRN": uprn_valid,
    "HOSPITAL_NUMBER": hospital_number_valid,
    "ADDRESS": address_valid,
    "UK_PASSPORT": passport_valid,
    "UK_DRIVING_LICENCE": driving_licence_valid,
    "UK_VEHICLE_REGISTRATION": vehicle_registration_valid,
}


def pattern_recognisers() -> list[EntityRecognizer]:
    """Return a fresh instance of every pattern-tier recogniser."""
    return [
        NhsNumberRecogniser(),
        ChiNumberRecogniser(),
        NiNumberRecogniser(),
        PostcodeRecogniser(),
        PhoneRecogniser(),
        EmailRecogniser(),
        UprnRecogniser(),
        HospitalNumberRecogniser(),
        AddressRecogniser(),
        PassportRecogniser(),
        DrivingLicenceRecogniser(),
        VehicleRegistrationRecogniser(),
        DateOfBirthRecogniser(),
        PersonNameRecogniser(),
    ]
