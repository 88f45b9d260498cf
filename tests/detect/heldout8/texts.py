"""Free-text makers for the eighth held-out corpus (category a and ``notes``).

Each free-text column is mostly filler sentences rich in place, ward, clinic and drug names; a
minority of rows (5-15%) carry one identifier of the column's kind inside a sentence.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from tests.detect.heldout8 import pools, values

Cell = str | None


def fill(rng: random.Random, template: str) -> str:
    """Fill the non-identifying placeholders of a sentence template."""
    slots = {
        "ward": rng.choice(pools.WARDS),
        "clinic": rng.choice(pools.CLINICS),
        "drug": rng.choice(pools.DRUGS),
        "town": rng.choice(pools.TOWNS),
        "street": rng.choice(pools.STREETS),
        "vaccine": rng.choice(pools.VACCINES),
        "lang": rng.choice(pools.LANGUAGES),
        "aid": rng.choice(pools.HEARING_AIDS),
        "n": str(rng.randint(2, 48)),
        "big": str(rng.randint(1000, 99999)),
        "time": f"{rng.randint(7, 21):02d}:{rng.choice(('00', '15', '30', '45'))}",
        "day": rng.choice(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")),
        "rel": rng.choice(pools.RELATIONSHIPS),
    }
    return template.format(**slots)


def sprinkle(
    fillers: tuple[str, ...],
    carriers: tuple[str, ...],
    make_id: Callable[[random.Random], str],
    rate: float,
    blank: float = 0.04,
) -> Callable[[random.Random, int], list[Cell]]:
    """A column maker: filler text, with the identifier in about ``rate`` of the rows."""

    def make(rng: random.Random, rows: int) -> list[Cell]:
        out: list[Cell] = []
        for _ in range(rows):
            roll = rng.random()
            if roll < blank:
                out.append(None)
            elif roll < blank + rate:
                sentence = rng.choice(carriers).replace("{id}", "{{id}}")
                text = fill(rng, sentence).replace("{id}", make_id(rng))
                if rng.random() < 0.5:
                    text = fill(rng, rng.choice(fillers)) + " " + text
                out.append(text)
            else:
                text = fill(rng, rng.choice(fillers))
                if rng.random() < 0.4:
                    text += " " + fill(rng, rng.choice(fillers))
                out.append(text)
        return out

    return make


def plain(
    fillers: tuple[str, ...], blank: float = 0.05
) -> Callable[[random.Random, int], list[Cell]]:
    """A free-text column maker with no identifier at all."""
    return sprinkle(fillers, ("{ward}",), lambda rng: "", 0.0, blank)


def nhs_spaced(rng: random.Random) -> str:
    """An NHS number written 3-3-4 (sometimes unspaced)."""
    n = values.nhs_number(rng)
    return f"{n[:3]} {n[3:6]} {n[6:]}" if rng.random() < 0.7 else n


def ni_spaced(rng: random.Random) -> str:
    """An NI number written with or without the usual pairs."""
    n = values.ni_number(rng)
    return f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}" if rng.random() < 0.5 else n


def hosp_spaced(rng: random.Random) -> str:
    """A hospital number, sometimes with a space after the site prefix."""
    n = values.hospital_number(rng)
    cut = len(n) - 7
    return f"{n[:cut]} {n[cut:]}" if rng.random() < 0.5 else n


def titled_name(rng: random.Random) -> str:
    """A client named in full, often with a title."""
    name = values.full_name(rng)
    return f"{rng.choice(('Mrs', 'Mr', 'Ms', 'Miss'))} {name}" if rng.random() < 0.6 else name


CALL_111 = (
    "Caller reports chest tightness since {time}, advised ED at {town} General.",
    "Dx: ED within 1 hour. Ambulance not required. Worsening advice given.",
    "Repeat prescription for {drug} requested; passed to out-of-hours pharmacy in {town}.",
    "Child with fever {n} hours, no rash. Self-care advice, call back if worse.",
    "Caller is {rel} of patient. Dental pain, directed to urgent dental service {day}.",
    "Warm transfer to clinician. Disposition: speak to GP within 6 hours.",
    "Mental health crisis line number given; caller declined further help.",
)
CALL_111_IDS = (
    "Call back on {id} if no answer.",
    "Please ring {id} (mobile).",
    "Preferred contact {id} after {time}.",
    "CB no: {id}",
)
INTERPRETER = (
    "{lang} interpreter needed for {clinic}, {day} {time}, face to face.",
    "Telephone interpreting ({lang}) booked via LanguageLine, {n} minutes.",
    "Booking cancelled by {clinic}; no charge. Rebook for {day}.",
    "Female interpreter requested ({lang}); client prefers not a family member.",
    "BSL interpreter required at {ward} for consent discussion.",
    "Video remote interpreting trial at {clinic}; {lang} not available, {n} min wait.",
)
INTERPRETER_IDS = (
    "Send confirmation to {id}.",
    "Requester e-mail: {id}",
    "Invoice query to {id} please.",
)
CORONER = (
    "Unexpected death at home in {town}; last seen by GP {n} days ago.",
    "Found by {rel} at {time}. Police attended. Medications: {drug}.",
    "Died on {ward} following a fall {n} days after admission; fracture neck of femur.",
    "Referral by {clinic} registrar: death within 24h of admission.",
    "Possible industrial disease (mesothelioma); worked at {town} shipyard.",
    "Hospice death, expected; referred as DoLS was in place at {clinic}.",
)
CORONER_IDS = (
    "NHS number {id} per GP record.",
    "Deceased NHS no. {id}.",
    "Confirmed NHS {id} with registrar.",
)
EQUIP = (
    "Deliver commode and perching stool; ring ahead, dog in house.",
    "Collect hoist (serial {big}) from {clinic}; recycle to store.",
    "Hospital bed for discharge from {ward} on {day}; two-person delivery.",
    "Key safe at side gate; code held by {rel}.",
    "Rollator delivered to {town} depot, customer to collect {day}.",
    "Pressure mattress swap: old unit back to {street} store.",
)
EQUIP_IDS = (
    "Deliver to {id}.",
    "New address for delivery: {id}",
    "Collect from {id} before {time}.",
)
DOM_CARE = (
    "Call at {time}: personal care given, breakfast prepared, {drug} prompted.",
    "No answer at door; office informed, {rel} contacted and visited.",
    "Double-up call, hoist used, skin intact. Fluids {n}0 ml.",
    "Shopping done at {street} Co-op. Fridge checked for out-of-date food.",
    "Late call (traffic from {town}); client unhappy, apologised.",
    "Medication blister pack {n} missing; reported to {clinic}.",
)
DOM_CARE_IDS = (
    "{id} refused lunch today.",
    "{id} seemed confused and low in mood.",
    "Spoke with {id} about the new rota.",
)
IMMS = (
    "{vaccine} given left thigh, no immediate reaction.",
    "DNA {vaccine}; reminder letter sent, next clinic at {clinic}.",
    "Parent declined {vaccine} at this time; leaflet given.",
    "Catch-up {vaccine} at school session, {town} Primary.",
    "Deferred: child unwell with temperature; rebook at {clinic} in {n} days.",
    "{vaccine} and {vaccine} given same visit, both arms.",
)
IMMS_IDS = (
    "CHI {id} checked against SIRS.",
    "Wrong CHI on letter, correct is {id}.",
    "Record merged into CHI {id}.",
)
CTR = (
    "Universal Credit award notified; recalc from {day}. Non-dep in household.",
    "Single person discount applied; occupancy check at {street}.",
    "Claimant on ESA support group; second adult rebate considered.",
    "Evidence of savings requested ({big} GBP), {n} days to reply.",
    "Backdating refused; appeal lodged with {town} tribunal.",
    "Change of address within {town}; new liability from {day}.",
)
CTR_IDS = (
    "Claimant NINO {id} confirmed with DWP.",
    "NI no {id} on UC statement.",
    "Partner's NI {id} verified.",
)
BLUE_BADGE = (
    "Walking assessment at {clinic}: {n} metres with stick, breathless.",
    "Hidden disability criteria (anxiety); letter from {clinic}.",
    "Automatic eligibility: higher rate mobility. No assessment needed.",
    "Renewal; badge holder moved to {town}. Photo to be updated.",
    "Organisational badge for {clinic} minibus.",
    "Misuse report from {street}; badge to be cancelled if confirmed.",
)
BLUE_BADGE_IDS = (
    "Vehicle {id} seen at assessment.",
    "Car reg {id} parked on {street}.",
    "Badge used in {id} (carer's car).",
)
AUDIOLOGY = (
    "Bilateral sensorineural loss, refer for {aid} fitting at {clinic}.",
    "Wax occlusion both ears; ear care nurse in {town} first.",
    "Tinnitus, unilateral; MRI IAMs requested via {clinic}.",
    "Paediatric hearing screen failed at {ward}; repeat AABR.",
    "Repair of {aid}, tubing replaced, batteries given.",
    "Sudden hearing loss {n} days, steroids ({drug}) started in ED.",
)
AUDIOLOGY_IDS = ("Hosp no {id}.", "Please use MRN {id} for results.", "Old notes under {id}.")
OPTOM = (
    "GOS 1 sight test, {n} months since last, stable Rx.",
    "GOS 3 voucher for single vision; child aged {n}.",
    "Domiciliary visit at {clinic} care home, GOS 6.",
    "Field test for DVLA group 1; result sent to {clinic}.",
    "Referred to {clinic} eye casualty: flashes and floaters.",
    "Diabetic eye screening due; letter to {town} programme.",
)
OPTOM_IDS = (
    "DVLA licence {id} - VF test arranged.",
    "Driving licence no {id} seen.",
    "Patient's licence {id} for DVLA form V1.",
)
SEXUAL_HEALTH = (
    "Self-sampling kit posted; results by text in {n} days.",
    "Attends with partner; PEPSE started ({drug}).",
    "Walk-in at {clinic}; seen by nurse at {time}.",
    "Declines to give real name; clinic number only.",
    "Contraception review; implant due out in {n} months.",
    "Partner notification by provider referral, {n} contacts.",
)
SEXUAL_HEALTH_IDS = (
    "Client prefers to be called {id}.",
    "Goes by {id} at this clinic.",
    "Asked us to use the name {id} when calling.",
)
LLPG = (
    "Matched on street and house number; {street} now in {town} ward.",
    "No match: flat split into {n} units, awaiting street naming.",
    "Address in Welsh and English; matched to the Welsh form.",
    "Parent shell record, child units to be created.",
    "Historical address (demolished); retained for council-tax history.",
    "Fuzzy match score 0.{n}, checked manually.",
)
LLPG_IDS = ("Matched to UPRN {id}.", "UPRN {id} (parent shell).", "Use {id} not the old one.")
HOUSING_REPAIRS = (
    "Leak from bath into flat below, level {n}; plumber job {big}.",
    "Damp and mould in back bedroom at {street}; surveyor booked {day}.",
    "Door entry system broken at block {n}; electrician.",
    "Boiler no heating, vulnerable tenant; same-day priority.",
    "Replace {n} window locks; stores order {big}.",
    "Graffiti on garages behind {street}, {town}.",
)
IMMS_REACTIONS = (
    "Mild fever after {vaccine}; paracetamol advised, settled within {n} hours.",
    "Fainted after {vaccine} at {clinic}; recovered, observed {n} minutes.",
    "Redness at site (left thigh) {n} mm; reported via Yellow Card.",
    "Rash after {vaccine}, seen at {ward}; not anaphylaxis.",
    "Anxiety before HPV at {town} High; given in sick bay.",
)
NOTES = (
    "Transferred from {ward} to {clinic}; physio to review {day}.",
    "Lives near {street}, {town}; bus to {clinic} is difficult.",
    "{drug} started; St Mary's pharmacy to deliver.",
    "Seen at Florence Nightingale Hospice day unit; Marie Curie nurse overnight.",
    "Plan discussed at {clinic} MDT; Victoria Road surgery to follow up.",
    "Moved to {ward} after {n} days on Jenner; Bevan Ward full.",
    "Prefers {lang} leaflets; Saint Vincent's church lunch club on {day}.",
    "Attends {clinic} and Kingfisher Centre; taxi from {town}.",
)


def makers() -> dict[str, Callable[[random.Random, int], list[Cell]]]:
    """The free-text column makers, by column name."""
    return {
        "111_call_narrative": sprinkle(
            CALL_111, CALL_111_IDS, lambda r: values.phone(r, r.random() < 0.6), 0.10
        ),
        "InterpreterBookingNotes": sprinkle(INTERPRETER, INTERPRETER_IDS, values.email, 0.08),
        "coroner_referral_circumstances": sprinkle(CORONER, CORONER_IDS, nhs_spaced, 0.06),
        "EQUIP_LOAN_DELIVERY_NOTES": sprinkle(EQUIP, EQUIP_IDS, values.address, 0.12),
        "dom care visit log": sprinkle(DOM_CARE, DOM_CARE_IDS, titled_name, 0.10),
        "immunisation_comments": sprinkle(IMMS, IMMS_IDS, values.chi_number, 0.07),
        "ctr_support_notes": sprinkle(CTR, CTR_IDS, ni_spaced, 0.09),
        "BlueBadgeAssessorNotes": sprinkle(
            BLUE_BADGE, BLUE_BADGE_IDS, values.vehicle_registration, 0.10
        ),
        "audiology_referral_text": sprinkle(AUDIOLOGY, AUDIOLOGY_IDS, hosp_spaced, 0.08),
        "optom_gos_claim_remarks": sprinkle(OPTOM, OPTOM_IDS, values.driving_licence, 0.09),
        "sh_clinic_triage_free": sprinkle(SEXUAL_HEALTH, SEXUAL_HEALTH_IDS, values.forename, 0.07),
        "LLPG_match_comment": sprinkle(LLPG, LLPG_IDS, values.uprn, 0.10),
        "housing_repair_desc": plain(HOUSING_REPAIRS),
        "imms_reaction_notes": plain(IMMS_REACTIONS),
        "notes": plain(NOTES, blank=0.1),
    }
