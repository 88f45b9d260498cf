"""Rules added for issue 19's seventh round, each on variants another author would write.

The development corpus of this round (held-out 8) missed name columns under a header in
another language and, in free text, a person's preferred name given in a minority of rows
("prefers to be called ..."). The tests use other languages, other phrasings, other shares of
blanks and minority rows than that corpus, and check the near things that must stay content.
"""

from __future__ import annotations

import random

import polars as pl
import pytest

from safelink.detect import scan
from safelink.detect.headers import header_entities
from safelink.detect.names import cue_names

ROWS = 400

# Forenames and surnames of five languages, none of them needed in a UK name list.
_LANGUAGES = {
    "German": (
        ("Vorname", "Nachname"),
        "Jürgen Dieter Günther Uwe Sabine Ingrid Käthe Jörg Heike Ulrike Torsten Birgit",
        "Müller Schäfer Weiß Krüger Schröder Hoffmann Köhler Bäcker Schulze Voigt Lehmann Wolff",
    ),
    "Lithuanian": (
        ("Vardas", "Pavardė"),
        "Jonas Mindaugas Rūta Aušra Giedrius Vytautas Dalia Žydrūnas Rasa Tomas Eglė Darius",
        "Kazlauskas Petrauskienė Jankauskas Žukauskas Butkus Paulauskas Urbonas Kavaliauskas"
        " Stankevičius Vasiliauskas Navickas Ramanauskas",
    ),
    "Romanian": (
        ("Prenume", "Nume de familie"),
        "Ionuț Mihaela Florin Andreea Răzvan Bogdan Ioana Cătălin Sorina Vlad Mirela Costel",
        "Popescu Ionescu Dumitrescu Stănescu Constantinescu Munteanu Ciobanu Lungu Răducanu"
        " Moldovan Rusu Țurcanu",
    ),
    "Turkish": (
        ("Adı", "Soyadı"),  # noqa: RUF001 (Turkish dotless i)
        "Emre Oğuz Çağla Büşra Gökhan Şule Ümit Tuğba Serkan Gülay Ertuğrul Yasemin",
        "Yılmaz Öztürk Çelik Şahin Aydın Kılıç Doğan Arslan Koç Kurt Özdemir Erdoğan",  # noqa: RUF001
    ),
    "Czech": (
        ("Jméno", "Příjmení"),
        "Jiří Tomáš Lenka Petr Jana Zdeněk Věra Miloš Hana Radek Šárka Ondřej",
        "Dvořák Novotná Procházka Černý Kučera Veselý Horák Němcová Pokorný Marek Růžička Beneš",
    ),
}


def _frame(columns: dict[str, list[str | None]]) -> pl.DataFrame:
    return pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))


def _column(rng: random.Random, words: list[str], blanks: float) -> list[str | None]:
    return [None if rng.random() < blanks else rng.choice(words) for _ in range(ROWS)]


@pytest.mark.parametrize("language", sorted(_LANGUAGES))
def test_name_headers_in_other_languages_hold_names(language: str) -> None:
    (fore_header, sur_header), forenames, surnames = _LANGUAGES[language]
    rng = random.Random(language)
    frame = _frame(
        {
            fore_header: _column(rng, forenames.split(), blanks=0.1),
            sur_header: _column(rng, surnames.split(), blanks=0.5),
        }
    )
    report = scan(frame, sample=1_000)
    assert set(report.direct_columns) == {fore_header, sur_header}


@pytest.mark.parametrize(
    ("header", "entity"),
    [
        ("Prénom", "FORENAME"),
        ("PRENOM_PATIENT", "FORENAME"),
        ("vorname", "FORENAME"),
        ("Imie", "FORENAME"),
        ("Nom de famille", "SURNAME"),
        ("Apellidos", "SURNAME"),
        ("Cognome", "SURNAME"),
        ("Nachname", "SURNAME"),  # holds "name": the language says which
        ("Achternaam", "SURNAME"),
        ("Nome completo", "FULL_NAME"),
        ("Nombre", "FULL_NAME"),
        ("Nom", "FULL_NAME"),
        ("Imię i nazwisko", "FULL_NAME"),
    ],
)
def test_foreign_name_headers_name_the_kind(header: str, entity: str) -> None:
    assert header_entities(header)[0] == [entity]


@pytest.mark.parametrize("header", ["ad_hoc", "nominal_code", "genome_ref", "ime_zone", "numeric"])
def test_short_foreign_words_count_only_as_the_whole_header(header: str) -> None:
    assert header_entities(header)[0] == []


def test_foreign_name_header_over_things_is_not_a_name() -> None:
    rng = random.Random(3)
    wards = ["Ward 4", "Oak Unit", "Maple Ward", "Day Surgery", "Ward 11", "Birch Unit"]
    frame = _frame({"Nom": _column(rng, wards, blanks=0.0)})
    assert not scan(frame, sample=1_000).direct_columns


# Ways a note gives the name a person wants to be called by, as other services write them.
_NAMING = (
    "Client prefers to be known as {}.",
    "Calls herself {} on the phone.",
    "Preferred name: {}",
    "Answers to '{}' only.",
    "Gave his name as {} at reception.",
    "Says his name is {}, no surname given.",
    "Likes to be called {} by staff.",
    "Goes by {} these days.",
)
_ROUTINE = (
    "Results sent by text; no further action.",
    "Did not attend; letter sent.",
    "Called GP to confirm the referral was received.",
    "Attended the drop-in at the Annexe; seen by duty nurse.",
    "Known to services; review in 6 weeks.",
    "Repeat prescription collected by courier.",
    "Seen in clinic, bloods taken at 10:{:02d}.",
    "Telephone triage, advised to call 111 if worse.",
)
_PREFERRED = "Jo Sam Kaz Mo Dee Bex Taz Ade Priya Tariq Ama Bilal Niamh Ffion Oisin Chidi"


def _notes(rng: random.Random, share: float, phrasings: tuple[str, ...]) -> list[str | None]:
    notes: list[str | None] = []
    for _ in range(ROWS):
        routine = rng.choice(_ROUTINE).format(rng.randrange(60))
        if rng.random() < share:
            named = rng.choice(phrasings).format(rng.choice(_PREFERRED.split()))
            routine = f"{routine} {named}" if rng.random() < 0.5 else named
        notes.append(None if rng.random() < 0.1 else routine)
    return notes


@pytest.mark.parametrize(
    ("share", "phrasings"), [(0.05, _NAMING), (0.08, _NAMING[:4]), (0.12, _NAMING[4:])]
)
def test_preferred_names_in_a_minority_of_notes_flag_the_column(
    share: float, phrasings: tuple[str, ...]
) -> None:
    rng = random.Random(int(share * 100))
    frame = _frame({"clinic_comments": _notes(rng, share, phrasings)})
    assert list(scan(frame, sample=1_000).direct_columns) == ["clinic_comments"]


def test_routine_notes_without_names_stay_content() -> None:
    rng = random.Random(5)
    frame = _frame({"clinic_comments": _notes(rng, 0.0, _NAMING)})
    assert not scan(frame, sample=1_000).direct_columns


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Pt prefers to be called Raj.", ["Raj"]),
        ("Known as 'Bex' to the team", ["Bex"]),
        ("PREFERRED NAME: JO", ["JO"]),
        ("she calls herself Dee", ["Dee"]),
        ("gave her name as Ama Owusu", ["Ama Owusu"]),
        ("answers to Kaz", ["Kaz"]),
        ("Called GP today.", []),
        ("known as the Annexe", []),
        ("goes by bus to clinic", []),
        ("Prefers to be called Mum by the children", []),
        ("is known as Ward 4", []),
    ],
)
def test_naming_phrases_mark_the_name_that_follows(text: str, names: list[str]) -> None:
    assert [text[a:b] for a, b in cue_names(text)] == names


# Staff named by job, grade and letters, as rotas, panels and dispensing records write them.
_SURNAMES = "Rowe Okafor Pryce Osei Lindqvist Adeyemi Ferreira Kowalski Mahmood Quinn Haddad"
_FORENAMES = "Kerry Tomasz Anjali Gareth Folake Ruairi Sunita Bryony Hamza Ines Callum Yetunde"


def _staff(rng: random.Random, form: str, blanks: float) -> list[str | None]:
    values: list[str | None] = []
    for _ in range(ROWS):
        fore, sur = rng.choice(_FORENAMES.split()), rng.choice(_SURNAMES.split())
        other = rng.choice(_SURNAMES.split())
        text = form.format(f=fore, s=sur, i=fore[0], o=other)
        values.append(None if rng.random() < blanks else text)
    return values


@pytest.mark.parametrize(
    ("header", "form"),
    [
        ("duty_paramedic", "Sgt {s}"),  # a grade before a surname, as a title is written
        ("Night crew", "HCA {s} & RN {o}"),  # two grades, two people
        ("panel_chairperson", "{f} {s}, Head of Continuing Care"),  # a job title after
        ("Reviewing psychiatrist", "{i}. {s} MRCPsych"),  # letters after the name
        ("case_officer", "{f} {s} - Senior Practitioner"),
        ("col_12", "Staff Nurse {f} {s} RGN"),  # a coded header: grade and letters alone
        ("Dispensed by", "{i} {s} MPharm"),
    ],
)
def test_staff_names_by_job_grade_and_letters_are_direct(header: str, form: str) -> None:
    frame = _frame({header: _staff(random.Random(header), form, blanks=0.3)})
    assert list(scan(frame, sample=1_000).direct_columns) == [header]


@pytest.mark.parametrize(
    ("header", "values"),
    [
        ("duty_manager", ["Vacant", "Agency", "TBC", "Bank staff", "Not required"]),
        ("crew_type", ["Double crew", "Single crew", "RRV", "Night Crew", "Emergency Team"]),
        ("Chair", ["Panel A", "Panel B", "Virtual panel", "Chaired remotely"]),
    ],
)
def test_staff_headers_over_things_are_not_names(header: str, values: list[str]) -> None:
    rng = random.Random(header)
    frame = _frame({header: [rng.choice(values) for _ in range(ROWS)]})
    assert not scan(frame, sample=1_000).direct_columns


@pytest.mark.parametrize(
    ("header", "entity", "subject"),
    [
        ("panel_chair", "FULL_NAME", "staff"),
        ("attending_paramedic", "FULL_NAME", "staff"),
        ("Interpreter", "FULL_NAME", "staff"),
        ("LPA holder", "FULL_NAME", "person"),
        ("court_deputy", "FULL_NAME", "person"),
        ("Emergency contact 2", "FULL_NAME", "person"),  # a number after the header's words
        ("nok1", "FULL_NAME", "person"),
    ],
)
def test_headers_naming_people_by_job_or_standing(header: str, entity: str, subject: str) -> None:
    hits, meta, found = header_entities(header)
    assert hits == [entity] and not meta and found == subject


# Hospital numbers in a minority of notes, after the abbreviations notes use for them.
_HOSPITAL_CUES = ("Hosp no {}", "hosp. no. {}", "Case notes no {}", "TTO for hosp num {}")
_DISPENSING = (
    "Blister pack weekly.",
    "Owing slip issued for Ramipril.",
    "Out of stock, wholesaler 14:15.",
    "Patient counselled on Sertraline.",
    "CD register checked.",
)


@pytest.mark.parametrize("share", [0.04, 0.08])
def test_hospital_numbers_after_abbreviated_cues_flag_a_notes_column(share: float) -> None:
    rng = random.Random(int(share * 100))
    notes: list[str | None] = []
    for _ in range(ROWS):
        note = rng.choice(_DISPENSING)
        if rng.random() < share:
            number = f"{rng.choice('DHRT')}{rng.randrange(10**6, 10**7)}"
            note = f"{rng.choice(_HOSPITAL_CUES).format(number)}. {note}"
        notes.append(note)
    assert list(scan(_frame({"pharmacy_note": notes}), sample=1_000).direct_columns) == [
        "pharmacy_note"
    ]


@pytest.mark.parametrize(
    "header", ["Mononym", "patronymic", "client_pseudonym", "Mononyms (if any)"]
)
def test_headers_naming_a_kind_of_name(header: str) -> None:
    assert header_entities(header)[0] == ["FULL_NAME"]


def test_single_names_under_a_kind_of_name_header_and_tokens_not() -> None:
    rng = random.Random(9)
    single = [
        "Abdirahman",
        "Faadumo",
        "Suharto",
        "Ayaan",
        "Bilqis",
        "Temitope",
        "Ngozi",
        "Kwabena",
        "Sunita",
        "Kerry",
    ]
    frame = _frame(
        {
            "mononym": _column(rng, single, blanks=0.4),
            "pseudonym": [f"PSN-{rng.randrange(10_000):04d}" for _ in range(ROWS)],
        }
    )
    assert list(scan(frame, sample=1_000).direct_columns) == ["mononym"]
