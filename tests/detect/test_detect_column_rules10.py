"""Rules added for issue 19's tenth round, each on variants another author would write.

Held-out 13 was released as a development set after its blind score. It left five misses and
three false alarms: applicants' home addresses under a school's header (read as the school's),
a consultant's surname after a title ("Dr. Blenkinsop", read as neither one name nor a full
name), hospital numbers of one letter and seven digits under ``SR_3318`` and passport numbers
under ``detail`` (no rule names a code a header says nothing of), single given names under
``mononym_name`` (left: 15 names over 2,000 rows), and ward bays and ships under ``..._name``
and a telecare serial under ``telecare_...`` (read as a phone). The tests use other headers,
forms and values than that corpus, and check the near things that must stay unflagged (a
practice's recurring phone, dates, timestamps and geography codes under a bland header, a
reference under a header that names it, a phone header).

Held-out 15 (made beside a still-blind held-out 14) was then released too. It left three
misses and three false alarms: Arabic and Chinese names under ``beneficiary`` and
``client_nm`` (no header word for the data subject), single names with "FNU"/"LNU"
placeholders under ``mononym``, towns under ``place_name``, organisation codes under a bare
header (held by the code rule above) and a bus route's number before a hill's name in notes
(read as an address). The tests use other names, headers and routes; a drug's or a device's
name under ``<thing>_name`` and drugs under a bare ``Name`` must stay unflagged.

Held-out 14, scored blind after the rules above, was released last. Of its two misses and
three false alarms, three gave rules: forenames of clients spoken to in therapy notes ("Asked
Eilidh to rate mood"), wards named after people under a ``surname`` header, pets' names under
``pet_name``. Left: "Barnardo's volunteer" in one note.

Held-out 16 and 17, scored blind on all of the above, were released together. Their three
misses and one false alarm gave: children named in brackets after a form's plural ("2
child(ren) (Ava, Siobhan)"); surnames in capitals of a service's 50-100 clients repeated over
2,000 sessions under a coded header (read as a code list: held-out 14 and 17 both had one); and
a drug's app advised ("Advised Evorel app for diary": the person-spoken-to rule now needs what
was said, or the sentence's end, after the name). Left: a forename in lower case in a few notes.

Held-out 18 and 19 were then scored blind on all of it; 19 was released (18 stays blind). Four
of its six staff columns were missed: staff of services beyond health and care, named by a job
no header rule knew (a swimming teacher, a surveyor, a bank's safeguarding lead, an
officiating registrar). A name header is now contradicted only by place and service words in
its values, not by role words ("Supt Registrar Ms S Pemberton").
"""

from __future__ import annotations

import random

import polars as pl
import pytest

from safelink.detect import scan
from safelink.detect.column_model import REVIEW_ENTITY, ColumnFinding
from safelink.detect.engine import build_engine
from safelink.detect.headers import header_entities

ROWS = 600
_STREETS = ["Elm Road", "Mill Lane", "Castle Street", "Orchard Way", "Hill View", "Quay Street",
            "Church Walk", "Forge Close", "Beech Grove", "Station Parade"]  # fmt: skip
_TOWNS = ["Leeds", "Swansea", "Carlisle", "Ipswich", "Dundee", "Truro", "Derby", "Newry"]
_SURNAMES = ["Okafor", "Sharma", "Byrne", "Nowak", "Mensah", "Doherty", "Chen", "Griffiths",
             "Patel", "Lindqvist", "Abbott", "Haddad", "Evans", "Petrov", "Walsh", "Kaur",
             "Ogunleye", "Fitzgerald", "Whitworth", "Zielinski"]  # fmt: skip


def _finding(header: str, values: list[str | None]) -> tuple[ColumnFinding | None, bool]:
    frame = pl.DataFrame({header: values}, schema={header: pl.String})
    report = scan(frame, sample=1_000)
    return report.columns[0].finding, header in report.direct_columns


def _address(rng: random.Random) -> str:
    postcode = f"{rng.choice('LMNSBE')}{rng.choice('KSEL')}{rng.randint(1, 29)} "
    postcode += f"{rng.randint(0, 9)}{rng.choice('ABDEFGHJ')}{rng.choice('LNPQRSTU')}"
    return f"{rng.randint(1, 240)} {rng.choice(_STREETS)}, {rng.choice(_TOWNS)}, {postcode}"


def _phone(rng: random.Random) -> str:
    return f"07700 900{rng.randint(0, 999):03d}"


# --- an organisation's header over contact details written once ------------------------------


@pytest.mark.parametrize(
    ("header", "make"),
    [("clinic_booking_address", _address), ("provider_referral_phone", _phone)],
)
def test_contact_details_written_once_under_an_organisations_header_are_the_peoples(
    header: str, make
) -> None:
    rng = random.Random(header)
    finding, direct = _finding(header, [make(rng) for _ in range(ROWS)])
    assert direct and finding is not None and finding.subject == "person"
    assert any("written once" in e for e in finding.evidence)


@pytest.mark.parametrize(
    ("header", "make"), [("gp_surgery_address", _address), ("practice_phone", _phone)]
)
def test_an_organisations_recurring_contact_details_stay_the_organisations(
    header: str, make
) -> None:
    rng = random.Random(header)
    organisations = [make(rng) for _ in range(25)]
    finding, direct = _finding(header, [rng.choice(organisations) for _ in range(ROWS)])
    assert not direct and finding is not None and finding.subject == "organisation"


# --- a title before one name -------------------------------------------------------------------


@pytest.mark.parametrize("header", ["anaesthetist", "reviewing_surgeon"])
def test_surnames_after_a_title_under_a_staff_header_are_a_members_of_staffs(header: str) -> None:
    rng = random.Random(header)
    titles = ["Dr. ", "Dr ", "Prof ", "Mr ", "Ms ", ""]
    values = [f"{rng.choice(titles)}{rng.choice(_SURNAMES)}" for _ in range(ROWS)]
    finding, direct = _finding(header, values)
    assert direct and finding is not None
    assert finding.entity == "SURNAME" and finding.subject == "staff"


# --- codes written once under a header that says nothing ---------------------------------------


def _letter_codes(rng: random.Random) -> str:
    return f"M{rng.randint(0, 9_999_999):07d}"


def _mixed_documents(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.randint(100_000_000, 999_999_999)}"
    return f"{rng.choice(['XA', 'C', 'LK'])}{rng.randint(0, 9_999_999):07d}"


@pytest.mark.parametrize(
    ("header", "make"),
    [("col_41", _letter_codes), ("Unnamed: 9", _mixed_documents), ("misc_details", _letter_codes)],
)
def test_codes_written_once_under_a_header_that_says_nothing_are_held_for_review(
    header: str, make
) -> None:
    rng = random.Random(header)
    finding, direct = _finding(header, [make(rng) for _ in range(ROWS)])
    assert direct and finding is not None and finding.entity == REVIEW_ENTITY
    assert "review" in finding.evidence[-1]


def _yyyymmdd(rng: random.Random) -> str:
    return f"{rng.randint(1930, 2020)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"


def _epoch(rng: random.Random) -> str:
    return str(rng.randint(1_300_000_000, 1_800_000_000))


def _lsoa(rng: random.Random) -> str:
    return f"{rng.choice('EW')}0{rng.randint(1_000_000, 1_099_999)}"


@pytest.mark.parametrize("make", [_yyyymmdd, _epoch, _lsoa])
def test_dates_timestamps_and_geography_codes_under_a_bland_header_are_not_held(make) -> None:
    rng = random.Random(make.__name__)
    values = [make(rng) for _ in range(ROWS)]
    finding, _ = _finding("field_7", values)
    assert finding is None or finding.entity != REVIEW_ENTITY


def test_recurring_codes_and_codes_a_header_names_are_not_held() -> None:
    rng = random.Random("near")
    few = [_letter_codes(rng) for _ in range(40)]
    finding, _ = _finding("col_12", [rng.choice(few) for _ in range(ROWS)])
    assert finding is None or finding.entity != REVIEW_ENTITY
    finding, _ = _finding("order_ref", [_letter_codes(rng) for _ in range(ROWS)])
    assert finding is None or finding.entity != REVIEW_ENTITY


# --- places, vessels and telecare under headers that once read as names or phones --------------


@pytest.mark.parametrize(
    ("header", "values"),
    [
        ("side_room_name", ["Willow", "Rowan", "Heather (isolation)", "Bluebell", "Hazel"]),
        ("vessel_name", ["Spirit of Tyne", "Morning Star", "Grace Darling", "Isle of Mull"]),
    ],
)
def test_rooms_and_vessels_under_a_name_header_are_not_peoples_names(
    header: str, values: list[str]
) -> None:
    assert "FULL_NAME" not in header_entities(header)[0]
    rng = random.Random(header)
    _, direct = _finding(header, [rng.choice(values) for _ in range(ROWS)])
    assert not direct


@pytest.mark.parametrize("header", ["telehealth_device", "telecare_unit_no", "telemed_ref"])
def test_tele_services_are_not_phone_headers(header: str) -> None:
    assert "PHONE_NUMBER" not in header_entities(header)[0]


@pytest.mark.parametrize("header", ["tel", "TelNo", "tel_mobile", "telephone", "Tel (home)"])
def test_phone_headers_still_name_phones(header: str) -> None:
    assert "PHONE_NUMBER" in header_entities(header)[0]


# --- held-out 15: people named by what they are to the service, names the lists lack ----------


@pytest.mark.parametrize("header", ["recipient_nm", "participant", "learner_full", "CustomerName"])
def test_a_header_naming_the_data_subject_by_role_names_a_person(header: str) -> None:
    assert "FULL_NAME" in header_entities(header)[0]
    rng = random.Random(header)
    forenames = ["Tsegaye", "Hawa", "Bich Ngoc", "Yohannes", "Farhiya", "Quang", "Ayaan"]
    values = [f"{rng.choice(forenames)} {rng.choice(_SURNAMES)}" for _ in range(ROWS)]
    _, direct = _finding(header, values)
    assert direct


# Held-out 15's were Ethiopian and Indonesian; those are in the lists of many origins since
# round 12, so these are Tibetan and Bhutanese names, which the lists still lack.
_MONONYMS = ["Lhakpa", "Ngawang", "Tenzin", "Lobsang", "Tsering", "Dendup", "Kinley", "Wangchuk",
             "Jigme", "Ugyen", "Sangay", "Dechen", "Choden", "Pelden", "Rinzin",
             "Lhamo"]  # fmt: skip


def test_single_names_the_lists_lack_under_a_persons_name_header_are_held_for_review() -> None:
    rng = random.Random("mononyms")
    values = [rng.choice(_MONONYMS) for _ in range(ROWS)]
    values = [f"FNU {v}" if rng.random() < 0.1 else v for v in values]
    values = [f"{v} LNU" if rng.random() < 0.1 else v for v in values]
    finding, direct = _finding("single_name", values)
    assert direct and finding is not None and finding.entity == REVIEW_ENTITY
    assert "99%" in finding.evidence[-1] or "100%" in finding.evidence[-1]  # placeholders cut


@pytest.mark.parametrize(
    ("header", "values"),
    [
        ("drug_name", ["Sertraline", "Mirtazapine", "Donepezil", "Zopiclone", "Lansoprazole"]),
        ("device_name", ["Nebuliser", "Rollator", "Commode", "Hoist", "Perching stool"]),
        ("place_name", ["Buxton", "Preston", "Ashby", "Chorley", "Washington", "Kendal"]),
    ],
)
def test_places_and_things_under_a_name_header_are_neither_names_nor_held(
    header: str, values: list[str]
) -> None:
    rng = random.Random(header)
    _, direct = _finding(header, [rng.choice(values) for _ in range(ROWS)])
    assert not direct


def test_a_person_of_a_study_or_a_project_is_still_named_by_the_header() -> None:
    assert "FULL_NAME" in header_entities("study_participant_name")[0]
    assert header_entities("project_manager")[2] == "staff"


def test_organisation_codes_under_a_bland_header_are_not_held() -> None:
    rng = random.Random("ods")
    values = [f"{rng.choice('ABCDFGHJKLMNPY')}{rng.randint(80_000, 89_999)}" for _ in range(ROWS)]
    finding, _ = _finding("Unnamed: 4", values)
    assert finding is None or finding.entity != REVIEW_ENTITY


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Takes the Bus Service 12 Abbey Hill to the market.", False),
        ("Leave at junction 7 Beech Hill and follow signs.", False),
        ("She lives at 12 Abbey Hill with her son.", True),
        ("Moved to 7 Beech Road in May.", True),
    ],
)
def test_a_route_or_junction_number_is_not_a_house_number(text: str, address: bool) -> None:
    found = build_engine().analyze(text, language="en", entities=["ADDRESS"])
    assert bool(found) is address


def test_single_unlisted_words_under_a_bare_name_header_are_left_to_the_values() -> None:
    rng = random.Random("bare")
    drugs = ["Oramorph", "Buscopan", "Movicol", "Madopar", "Depakote", "Zoladex", "Gaviscon"]
    finding, direct = _finding("Name", [rng.choice(drugs) for _ in range(ROWS)])
    assert not direct and finding is None


# --- held-out 14: people spoken to in notes, wards named after people, pets ---------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Reminded Gwenllian to bring her diary next week.", "Gwenllian"),
        ("Spoke to Tendai about the waiting list.", "Tendai"),
        ("Discussed with Ruaridh how to pace the exercises.", "Ruaridh"),
        ("Encouraged Olamide to keep the sleep log.", "Olamide"),
    ],
)
def test_a_person_spoken_to_in_a_note_is_a_name(text: str, name: str) -> None:
    found = build_engine().analyze(text, language="en", entities=["PERSON"])
    assert [text[r.start : r.end] for r in found] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Asked about sleep and appetite.",
        "Told GP by letter.",
        "Discussed with Housing Options.",
        "Spoke with Rates Office - agreed a payment plan.",
        "Reminded Tuesday's session is by phone.",
        "Advised Mapmyrun app for the walking diary.",
    ],
)
def test_words_said_about_no_one_name_no_one(text: str) -> None:
    assert not build_engine().analyze(text, language="en", entities=["PERSON"])


def test_wards_and_units_named_after_people_under_a_surname_header_are_not_names() -> None:
    rng = random.Random("wards")
    wards = ["Seacole Ward", "Cavell", "Lister Unit", "CCU", "Ward 12", "Darwin", "Jenner Ward",
             "Harvey", "Fry", "Elgar Suite", "Turing", "MAU", "Ward 4A"]  # fmt: skip
    _, direct = _finding("Surname", [rng.choice(wards) for _ in range(ROWS)])
    assert not direct


def test_surnames_with_a_few_annotations_under_a_surname_header_are_still_names() -> None:
    rng = random.Random("annotated")
    values = [rng.choice(_SURNAMES) for _ in range(ROWS)]
    values = [f"{v} (Ward 3)" if rng.random() < 0.3 else v for v in values]
    _, direct = _finding("Surname", values)
    assert direct


@pytest.mark.parametrize("header", ["pet_name", "dog_name", "animal"])
def test_a_pets_name_header_names_no_person(header: str) -> None:
    assert not {"FULL_NAME", "FORENAME"} & set(header_entities(header)[0])


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Household: 1 adult(s), 3 child(ren) (Kofi, Ama, Yaw)", ["Kofi", "Ama", "Yaw"]),
        ("Next of kin: daughter(s) (Leila, Noor)", ["Leila", "Noor"]),
    ],
)
def test_names_after_a_forms_plural_are_names(text: str, names: list[str]) -> None:
    found = build_engine().analyze(text, language="en", entities=["PERSON"])
    assert sorted(text[r.start : r.end] for r in found) == sorted(names)


def test_surnames_of_a_services_few_clients_repeated_over_sessions_are_names() -> None:
    # 45 clients seen over 600 sessions: fewer different values than 5% of the rows would
    # let a code list through, but more than any code list holds.
    rng = random.Random("sessions")
    clients = ["SMITH", "JONES", "WILLIAMS", "TAYLOR", "BROWN", "DAVIES", "EVANS", "WILSON",
               "THOMAS", "JOHNSON", "ROBERTS", "ROBINSON", "THOMPSON", "WRIGHT", "WALKER",
               "WHITE", "EDWARDS", "HUGHES", "GREEN", "HALL", "LEWIS", "HARRIS", "CLARKE",
               "PATEL", "JACKSON", "WOOD", "TURNER", "MARTIN", "COOPER", "HILL", "MORRIS",
               "MOORE", "CLARK", "LEE", "KING", "BAKER", "HARRISON", "MORGAN", "ALLEN", "JAMES",
               "SCOTT", "PHILLIPS", "WATSON", "DAVIS", "OKAFOR"]  # fmt: skip
    values = [f"{rng.choice(clients):<20}" for _ in range(2_000)]
    finding, direct = _finding("F12", values)
    assert finding is not None and finding.entity in ("SURNAME", REVIEW_ENTITY) and direct


# --- held-out 19: staff of services beyond health and care -------------------------------------


@pytest.mark.parametrize(
    "header", ["course_tutor", "clinical_lead", "housing_surveyor", "library_clerk", "presiding"]
)
def test_staff_of_other_services_are_named_by_their_job(header: str) -> None:
    hits, _, subject = header_entities(header)
    assert "FULL_NAME" in hits and subject == "staff"
    rng = random.Random(header)
    forenames = ["Amara", "Ravi", "Joan", "Tomasz", "Grace", "Kwame", "Mairead", "Owen"]
    staff = [f"{rng.choice(forenames)} {rng.choice(_SURNAMES)}" for _ in range(12)]
    finding, direct = _finding(header, [rng.choice(staff) for _ in range(ROWS)])
    assert direct and finding is not None and finding.subject == "staff"


def test_a_licence_holder_is_not_made_staff() -> None:
    assert header_entities("driver_licence_no")[2] == "person"


def test_role_words_inside_staff_names_do_not_contradict_the_header() -> None:
    rng = random.Random("roles")
    values = [
        f"{rng.choice(['Senior Tutor ', 'Tutor ', ''])}{rng.choice(['Ms', 'Mr', 'Dr'])} "
        f"{rng.choice('ABCDEFG')} {rng.choice(_SURNAMES)}"
        for _ in range(ROWS)
    ]
    _, direct = _finding("course_tutor", values)
    assert direct
