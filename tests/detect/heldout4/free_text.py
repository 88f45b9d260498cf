"""Free-text columns of the fourth held-out corpus (category a, and the proper-noun notes of d).

Most rows are filler sentences built from place, service and drug names; a minority of rows
(the rate is given per column) carry one identifier inside a sentence.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from tests.detect.heldout4 import pools, values

FILLER = (
    "Seen today, plan reviewed with {team}.",
    "Feeling better since {weekday}, appetite improving.",
    "Follow up in {n} weeks at {hospital}.",
    "Referred to {charity} for support with costs.",
    "{drug} continued, no side effects reported.",
    "Discussed diet and exercise; leaflet given.",
    "Bloods taken, results to follow by {weekday}.",
    "No concerns raised at this visit.",
    "Waiting list letter sent in {month}.",
    "Unable to attend on {weekday}, rebooked.",
    "Travelled from {town} for the appointment.",
    "Interpreter booked for next time.",
    "Declined flu vaccine this year.",
    "Pain score {n}/10, improving.",
)

NOTES = (
    "Moved from {town} to {town2} in {month}; registered with a new practice near {hospital}.",
    "Transferred from {ward} at {hospital} on {weekday}.",
    "Attends {charity} drop-in every {weekday}; finds {team} helpful.",
    "Fasting for {festival}, so {drug} timing changed.",
    "Family away over {festival}; respite at {ward} agreed.",
    "Prefers appointments at {hospital} rather than {town}.",
    "{drug} and {drug2} reviewed by {team} in {month}.",
    "Bus from {town} to {hospital} takes an hour; hospital transport offered.",
    "Will visit {town} for {festival}, back in {month}.",
    "Discharged from {ward}, {team} to follow up.",
)

COMMENTS = (
    "Good feedback about {ward}.",
    "{charity} leaflet given.",
    "Asked about parking at {hospital}.",
    "Lives between {town} and {town2}.",
    "Will call after {festival}.",
    "Prefers {weekday} mornings.",
    "{team} informed.",
    "Supported by {charity} since {month}.",
    "Transport from {town} booked.",
    "Request copy of leaflet in Welsh.",
)


def _fill(rng: random.Random, template: str) -> str:
    return template.format(
        team=rng.choice(pools.TEAMS),
        weekday=rng.choice(pools.WEEKDAYS),
        n=rng.randint(2, 9),
        hospital=rng.choice(pools.HOSPITALS),
        charity=rng.choice(pools.CHARITIES),
        drug=rng.choice(pools.DRUG_BRANDS),
        drug2=rng.choice(pools.DRUG_BRANDS),
        month=rng.choice(pools.MONTHS),
        town=rng.choice(pools.TOWNS),
        town2=rng.choice(pools.TOWNS),
        ward=rng.choice(pools.WARDS),
        festival=rng.choice(pools.FESTIVALS),
    )


def filler(rng: random.Random, templates: tuple[str, ...] = FILLER) -> str:
    """Return one or two filler sentences with no identifier."""
    first = _fill(rng, rng.choice(templates))
    if rng.random() < 0.4:
        return f"{first} {_fill(rng, rng.choice(templates))}"
    return first


def _spaced_nhs(rng: random.Random) -> str:
    n = values.nhs_number(rng)
    return rng.choice((f"{n[:3]} {n[3:6]} {n[6:]}", n))


def _dob_text(rng: random.Random) -> str:
    born = values.birth_date(rng)
    return rng.choice(
        (
            born.strftime("%d/%m/%Y"),
            f"{born.day} {born.strftime('%B %Y')}",
            born.strftime("%d.%m.%Y"),
        )
    )


def _ni_text(rng: random.Random) -> str:
    ni = values.ni_number(rng)
    return rng.choice((ni, f"{ni[:2]} {ni[2:4]} {ni[4:6]} {ni[6:8]} {ni[8]}"))


def _chi_text(rng: random.Random) -> str:
    chi = values.chi_number(rng)
    return rng.choice((chi, f"{chi[:6]} {chi[6:]}"))


# column -> (rate, sentence templates with {x}, value maker)
PLANTED: dict[str, tuple[float, tuple[str, ...], Callable[[random.Random], str]]] = {
    "triage_comment": (
        0.08,
        (
            "NHS no {x} checked against the spine.",
            "nhs number {x} confirmed with patient.",
            "Wrong NHS number on referral, correct one is {x}.",
        ),
        _spaced_nhs,
    ),
    "callback_note": (
        0.10,
        (
            "Please ring back on {x}.",
            "Best number now {x}.",
            "Daughter asks for a call on {x} after 5pm.",
        ),
        values.phone,
    ),
    "correspondence_log": (
        0.06,
        (
            "Copy of letter e-mailed to {x}.",
            "Reply sent to {x}.",
            "Asked that results go to {x} only.",
        ),
        values.email,
    ),
    "safeguarding_memo": (
        0.12,
        (
            "Spoke to {rel} {x} who shares the concerns.",
            "{x} ({rel}) attended the meeting.",
            "Concern raised by neighbour {x}.",
        ),
        values.full_name,
    ),
    "transport_request": (
        0.09,
        (
            "Pick up from {x} at 09:30.",
            "Collect from {x}, ring bell twice.",
            "Return journey to {x}.",
        ),
        values.address,
    ),
    "pharmacy_query": (
        0.07,
        (
            "DOB {x} confirmed before dispensing.",
            "Date of birth {x} checked at counter.",
            "Label printed with DOB {x}.",
        ),
        _dob_text,
    ),
    "outreach_diary": (
        0.11,
        ("Visited at {x}, no answer.", "Now living near {x}.", "Moved to new flat, {x}."),
        values.postcode,
    ),
    "benefits_advice_note": (
        0.06,
        (
            "NI number {x} given for the PIP claim.",
            "NINO {x} checked with DWP.",
            "Form completed, NI no {x}.",
        ),
        _ni_text,
    ),
    "scottish_referral_text": (
        0.08,
        (
            "CHI {x} referred from Ninewells.",
            "Referral received, CHI number {x}.",
            "Please match on CHI {x}.",
        ),
        _chi_text,
    ),
    "records_request_text": (
        0.10,
        (
            "Records for MRN {x} requested by solicitor.",
            "Hospital number {x} on the request form.",
            "Case notes {x} retrieved from storage.",
        ),
        values.hospital_number,
    ),
    "travel_clinic_note": (
        0.05,
        ("Passport no. {x} noted for the certificate.", "Yellow fever certificate, passport {x}."),
        values.passport_number,
    ),
    "parking_permit_comment": (
        0.13,
        ("Blue badge car {x} in bay 4.", "Permit issued for {x}.", "Vehicle {x} clamped in error."),
        values.vehicle_registration,
    ),
    "fitness_to_drive_note": (
        0.07,
        ("Licence number {x} sent to DVLA.", "Driving licence {x} surrendered voluntarily."),
        values.driving_licence,
    ),
}


def planted_column(rng: random.Random, name: str, rows: int) -> list[str | None]:
    """Return a free-text column where a minority of rows carry one planted identifier."""
    rate, templates, make = PLANTED[name]
    out: list[str | None] = []
    for _ in range(rows):
        if rng.random() < 0.04:
            out.append(None)
        elif rng.random() < rate:
            relation = rng.choice(pools.RELATIONSHIPS)
            sentence = rng.choice(templates).format(x=make(rng), rel=relation)
            out.append(f"{filler(rng)} {sentence}" if rng.random() < 0.5 else sentence)
        else:
            out.append(filler(rng))
    return out


def notes_column(rng: random.Random, rows: int, templates: tuple[str, ...]) -> list[str | None]:
    """Return proper-noun-rich free text with no identifier (category d)."""
    return [None if rng.random() < 0.1 else filler(rng, templates) for _ in range(rows)]
