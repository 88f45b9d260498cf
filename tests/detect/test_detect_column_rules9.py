"""Rules added for issue 19's ninth round, each on variants another author would write.

Held-out 11 and 12 were released as development sets after their blind scores. Held-out 11
left two misses and two false alarms: a biomedical scientist's name with registrations after
it under a header with "by" inside it (not at its end), a veterans' register of names with
ranks and honours under a header naming the kind of person, street names taken for people
("Victoria Lane" in 2 of 500 values), and library notes naming famous authors (left: see the
README). Held-out 12 left an NHS number under a clinic's header (read as the clinic's),
Northern-Irish PAS case numbers under ``ni_...`` (read as National Insurance), passports of
four series under ``id``, and false alarms: a team's mailboxes, businesses under
``client_name``, streets named after people after "on", a postcode after "pc" (read as a
police constable). The tests use other headers, ranks, letters, places and forms than those
corpora, and check the near things that must stay unflagged (a thing's name under a header
with "by", counts of tenants, a place's name, an organisation's phone).
"""

from __future__ import annotations

import random

import polars as pl
import pytest

from safelink.detect import scan
from safelink.detect.column_model import ColumnFinding
from safelink.detect.headers import header_entities
from tests.detect.heldout.columns import make_nhs

ROWS = 600
_FORENAMES = ["Amara", "Ravi", "Joan", "Tomasz", "Grace", "Kwame", "Mairead", "Li", "Owen",
              "Priya", "Stefan", "Hannah", "Yusuf", "Carys", "Dmitri", "Aoife"]  # fmt: skip
_SURNAMES = ["Okafor", "Sharma", "Byrne", "Nowak", "Mensah", "Doherty", "Chen", "Griffiths",
             "Patel", "Lindqvist", "Abbott", "Haddad", "Evans", "Petrov", "Walsh",
             "Kaur"]  # fmt: skip


def _finding(header: str, values: list[str | None]) -> tuple[ColumnFinding | None, bool]:
    frame = pl.DataFrame({header: values}, schema={header: pl.String})
    report = scan(frame, sample=1_000)
    return report.columns[0].finding, header in report.direct_columns


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FORENAMES)} {rng.choice(_SURNAMES)}"


# --- who did something: "by" inside a header ---------------------------------------------------


@pytest.mark.parametrize(
    "header", ["approved_by_cons", "seen_by_dn", "CheckedByPharm", "Reported by (radiographer)"]
)
def test_a_header_with_by_after_a_verb_names_a_member_of_staff(header: str) -> None:
    hits, _, subject = header_entities(header)
    assert "FULL_NAME" in hits and subject == "staff"
    rng = random.Random(header)
    finding, direct = _finding(header, [_name(rng) for _ in range(ROWS)])
    assert direct and finding is not None and finding.subject == "staff"


def test_a_thing_under_a_header_with_by_is_not_a_name() -> None:
    rng = random.Random(3)
    values = [f"W{rng.randrange(1, 40):02d}" for _ in range(ROWS)]
    _, direct = _finding("grouped_by_ward", values)
    assert not direct


# --- ranks, honours and registrations around a name --------------------------------------------

_RANKS = ["Sqn Ldr", "Cpl", "Lt Col", "WO2", "Pte", "Capt", "Flt Lt", "PO", "Maj", "Cllr"]
_AFTER = ["CEng", "IBMS", "retd", "(retd)", "MC", "RAF", "QGM", "KC", "CSci", "JP"]


@pytest.mark.parametrize(
    ("header", "form"),
    [
        ("claimant", "{rank} {name}"),
        ("tenant", "{name} {after}"),
        ("pupil_parent", "{rank} {name} {after}"),
        ("resident", "{surname}, {forename} ({rank}, retd)"),
        ("donor", "{name}, GMC {number}"),
    ],
)
def test_names_with_ranks_honours_and_registrations_are_found(header: str, form: str) -> None:
    rng = random.Random(header)
    values = [
        form.format(
            rank=rng.choice(_RANKS),
            name=_name(rng),
            after=rng.choice(_AFTER),
            surname=rng.choice(_SURNAMES),
            forename=rng.choice(_FORENAMES),
            number=rng.randrange(1_000_000, 9_999_999),
        )
        for _ in range(ROWS)
    ]
    finding, direct = _finding(header, values)
    assert direct and finding is not None and finding.entity == "FULL_NAME", finding


@pytest.mark.parametrize("header", ["tenant_count", "claimant_type", "donor_status"])
def test_a_kind_of_person_beside_a_count_or_status_is_not_a_name(header: str) -> None:
    rng = random.Random(header)
    values = [rng.choice(["1", "2", "3", "Active", "Lapsed", "Joint"]) for _ in range(ROWS)]
    _, direct = _finding(header, values)
    assert not direct


# --- a place's name ----------------------------------------------------------------------------

_STREETS = ["Lane", "Road", "Close", "Way", "Terrace", "Court", "Street", "Crescent"]


@pytest.mark.parametrize("header", ["road_name", "village_name", "estate_name", "Building Name"])
def test_a_places_name_is_not_a_persons(header: str) -> None:
    hits, _, _ = header_entities(header)
    assert not {"FORENAME", "SURNAME", "FULL_NAME"} & set(hits)
    rng = random.Random(header)
    # streets named after people, written with a forename now and then
    values = [
        f"{rng.choice(_FORENAMES) + ' ' if rng.random() < 0.05 else ''}"
        f"{rng.choice(_SURNAMES)} {rng.choice(_STREETS)}"
        for _ in range(ROWS)
    ]
    finding, direct = _finding(header, values)
    assert not direct, finding


def test_a_name_in_a_few_remarks_among_other_values_is_a_look_alike() -> None:
    rng = random.Random(11)
    values = [f"{rng.choice(_SURNAMES)} {rng.choice(_STREETS)} (even nos)" for _ in range(ROWS)]
    values[5] = "Grace Lane"  # a listed forename and a street word: a name's shape, once
    finding, direct = _finding("V12", values)
    assert not direct, finding


# --- held-out 12's causes ----------------------------------------------------------------------


@pytest.mark.parametrize("header", ["ward_nhs_no", "diabetes_clinic_nhs", "Practice patient NHS"])
def test_an_nhs_number_under_an_organisations_header_is_still_the_patients(header: str) -> None:
    finding, direct = _finding(header, [make_nhs(random.Random(i)) for i in range(ROWS)])
    assert direct and finding is not None and finding.subject == "person"


def test_an_organisations_phone_stays_the_organisations() -> None:
    rng = random.Random(2)
    clinics = [f"0113 496 {rng.randrange(0, 1000):04d}" for _ in range(12)]  # recurring
    _, direct = _finding("clinic_phone", [rng.choice(clinics) for _ in range(ROWS)])
    assert not direct


@pytest.mark.parametrize("header", ["ni_pas_case_no", "NI Trust PAS no", "hscni_pas_id"])
def test_ni_beside_a_trust_or_pas_is_northern_ireland(header: str) -> None:
    hits, _, _ = header_entities(header)
    assert "NI_NUMBER" not in hits and "HOSPITAL_NUMBER" in hits
    rng = random.Random(header)
    values = [f"{rng.randrange(10_000, 999_999)}{rng.choice(['', '.0'])}" for _ in range(ROWS)]
    finding, direct = _finding(header, values)
    assert direct and finding is not None and finding.entity == "HOSPITAL_NUMBER", finding


def test_ni_alone_is_still_national_insurance() -> None:
    assert "NI_NUMBER" in header_entities("ni_no")[0]
    assert "NI_NUMBER" in header_entities("client NI")[0]


def test_travel_documents_of_three_series_under_a_blank_header_are_passports() -> None:
    rng = random.Random(9)
    pairs = ["GB", "RT", "ZN"]
    values = [
        f"{rng.choice(pairs)}{rng.randrange(10**6, 10**7)}"
        if rng.random() < 0.25
        else str(rng.randrange(10**8, 10**9))
        for _ in range(ROWS)
    ]
    finding, direct = _finding("Other", values)
    assert direct and finding is not None and finding.entity == "UK_PASSPORT"


@pytest.mark.parametrize("header", ["team_mailbox", "service_inbox_email", "clinic e-mail"])
def test_a_services_mailboxes_are_the_services(header: str) -> None:
    rng = random.Random(header)
    teams = ["memory.clinic", "referrals", "district-nursing", "oxygen", "send.transport"]
    values = [f"{rng.choice(teams)}{rng.randrange(1, 60)}@nhs.example" for _ in range(ROWS)]
    _, direct = _finding(header, values)
    assert not direct


def test_businesses_under_a_client_header_are_not_people() -> None:
    rng = random.Random(4)
    forms = ["{s} & Sons Ltd", "{s} Farms (Partnership)", "{t} Halal Meats", "{s} Motors",
             "The {s} Arms Inn", "{t} Bakery"]  # fmt: skip
    values = [
        rng.choice(forms).format(s=rng.choice(_SURNAMES), t=rng.choice(["Wrexham", "Truro"]))
        for _ in range(ROWS)
    ]
    _, direct = _finding("client_name", values)
    assert not direct
    rng = random.Random(5)
    _, direct = _finding("client_name", [_name(rng) for _ in range(ROWS)])
    assert direct


@pytest.mark.parametrize(
    ("note", "person"),
    [
        ("Takeaway on Grace Lane inspected.", False),
        ("Lives off Owen Hill, near the shops.", False),
        ("Stopped at Elizabeth Lane Transit Site overnight.", False),
        ("Bait boxes laid, pc LS22 3QR.", False),
        ("Spoke with Grace Lane about the rats.", True),
        ("PC Owen Hill attended.", True),
    ],
)
def test_streets_named_after_people_and_postcodes_after_pc_are_not_names(
    note: str, person: bool
) -> None:
    from safelink.detect.engine import build_engine

    found = build_engine(tier="pattern").analyze(note, language="en")
    assert any(r.entity_type == "PERSON" for r in found) is person
