"""Category a: free text where an identifier sits in a minority of rows."""

from __future__ import annotations

import random

from tests.detect.heldout10 import pools
from tests.detect.heldout10 import values as v
from tests.detect.heldout10.builders import Cell, free, said

# ---------------------------------------------------------------- a) minority in free text


def audiology_session_note(rng: random.Random, rows: int) -> list[Cell]:
    opener = (
        "Pure tone audiometry done.",
        "Tymps type A bilat.",
        "Wax in L ear, advised drops.",
        "HA fitted R ear.",
        "Pt reports tinnitus worse at night.",
        "Real ear measures ok.",
        "DNA'd last appt.",
        "Came with daughter.",
        "Tympanometry flat on R.",
    )
    closer = (
        "Review {n} weeks.",
        "Refer ENT.",
        "Retubed L aid.",
        "Battery supply given.",
        "Gain +{n}dB at 4k.",
        "Discharged to GP.",
        "Counselling re expectations.",
        "Re-test in clinic {d}.",
    )

    def hit() -> str:
        number = v.phone_spaced(v.phone(rng, mobile=True))
        return rng.choice(
            [
                f"Asked to rebook, pt on {number} (text only).",
                f"Rang {number} no answer, letter sent.",
                f"Wants call back on {number} re new moulds.",
            ]
        )

    return free(rng, rows, 0.08, lambda: said(rng, opener, closer), hit)


def podiatry_comments(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)
    opener = (
        "Nail surgery L hallux.",
        "Callus debrided.",
        "Ulcer R heel 1cm x 1cm.",
        "Pulses palpable.",
        "Monofilament 10/10.",
        "Insoles issued.",
        "Dressing changed.",
        "Footwear advice given.",
        "Verruca treated with cryo.",
    )
    closer = (
        "Review {n}/52.",
        "Refer vascular.",
        "Healing well.",
        "Pt declined offloading.",
        "Moderate risk.",
        "Discharged.",
        "Next visit home.",
    )

    def hit() -> str:
        helper = people.full()
        rel = rng.choice(pools.RELATIONSHIPS)
        return rng.choice(
            [
                f"{rel.capitalize()} {helper} does the dressings at home.",
                f"Dressings by {helper} ({rel}) between visits.",
                f"Spoke to {helper}, {rel}, who will bring pt next time.",
            ]
        )

    return free(rng, rows, 0.10, lambda: said(rng, opener, closer), hit)


def desp_remarks(rng: random.Random, rows: int) -> list[Cell]:
    opener = (
        "R0M0 both eyes.",
        "R1M0 L, R0M0 R.",
        "Ungradable R - cataract.",
        "R2 L, refer HES.",
        "Images ok quality.",
        "Pupils dilated, tropicamide 1%.",
        "M1 R referred.",
        "Background retinopathy stable.",
    )
    closer = (
        "Annual recall.",
        "6 month recall.",
        "Refer urgent.",
        "Slit lamp needed.",
        "Arbitration grader agreed.",
        "QA sample.",
    )

    def hit() -> str:
        number = v.nhs_number(rng)
        spaced = f"{number[:3]} {number[3:6]} {number[6:]}"
        return rng.choice(
            [
                f"Duplicate record - re-screen under {spaced}.",
                f"Merged with {number} per GP2DRS.",
                f"Results filed against NHS {spaced} in error, corrected.",
            ]
        )

    return free(rng, rows, 0.06, lambda: said(rng, opener, closer), hit)


def transfusion_comment(rng: random.Random, rows: int) -> list[Cell]:
    opener = (
        "Group and save valid 72h.",
        "Antibody screen negative.",
        "2 units O neg issued.",
        "Crossmatch electronic.",
        "Anti-K identified.",
        "Sample haemolysed, repeat.",
        "Irradiated products required.",
        "HbS negative units requested.",
    )
    closer = (
        "Phenotyped blood.",
        "Discussed with haematology.",
        "BMS checked.",
        "Wrong blood in tube check done.",
        "Unit returned to stock.",
    )

    def hit() -> str:
        number = v.hospital_number(rng)
        return rng.choice(
            [
                f"See historic sample for {number}.",
                f"Previous group on {number} differs - second sample.",
                f"Linked record {number} has anti-E.",
            ]
        )

    return free(rng, rows, 0.07, lambda: said(rng, opener, closer), hit)


def chis_outreach_log(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)
    opener = (
        "MMR2 overdue.",
        "6-in-1 dose 3 given.",
        "Letter 2 sent.",
        "Moved out of area?",
        "Family declined Men B.",
        "Preschool booster due.",
        "HPV dose 1 at school.",
        "Rotavirus missed window.",
    )
    closer = (
        "Text reminder sent.",
        "Health visitor informed.",
        "Recall in {n} days.",
        "GP practice notified.",
        "No response.",
        "Catch-up clinic booked.",
    )

    def hit() -> str:
        fore, sur = people.pair()
        address = v.email(rng, fore, sur)
        return rng.choice(
            [
                f"Parent prefers email {address}.",
                f"Invite emailed to {address}.",
                f"Mum asked for reminders to {address} not post.",
            ]
        )

    return free(rng, rows, 0.09, lambda: said(rng, opener, closer), hit)


def quitline_notes(rng: random.Random, rows: int) -> list[Cell]:
    opener = (
        "CO reading {n}ppm.",
        "Quit date set.",
        "4-week quit confirmed.",
        "Lapsed at wknd.",
        "Using vape alongside patch.",
        "Varenicline started.",
        "Smokes {n}/day.",
        "Partner also smokes.",
    )
    closer = (
        "Call next week.",
        "Behavioural support given.",
        "Referred to pharmacy.",
        "Discharged not quit.",
        "Very motivated.",
    )

    def hit() -> str:
        home = v.address(rng)
        return rng.choice(
            [f"Post NRT to {home}.", f"Lives at {home}, no phone signal.", f"Home visit: {home}."]
        )

    return free(rng, rows, 0.12, lambda: said(rng, opener, closer), hit)


def bb_assessor_notes(rng: random.Random, rows: int) -> list[Cell]:
    opener = (
        "Walks under 80m with stick.",
        "Eligible without further assessment.",
        "Mobility assessment done.",
        "PIP evidence seen.",
        "Renewal.",
        "Declined - walking adequate.",
        "Organisational badge.",
    )
    closer = (
        "Badge posted.",
        "Photo requested.",
        "Awaiting GP letter.",
        "Fee paid.",
        "Appeal route explained.",
    )

    def hit() -> str:
        reg = v.vehicle_registration(rng)
        return rng.choice(
            [
                f"Vehicle reg {reg} added for parking permit.",
                f"Usual vehicle {reg} (son's car).",
                f"Reg {reg} on record.",
            ]
        )

    return free(rng, rows, 0.10, lambda: said(rng, opener, closer), hit)


def interp_booking_notes(rng: random.Random, rows: int) -> list[Cell]:
    opener = (
        "Tigrinya face to face.",
        "Dari video.",
        "Polish phone.",
        "BSL two interpreters.",
        "Sylheti needed not Bengali.",
        "Female interpreter requested.",
        "Somali F2F.",
    )
    closer = (
        "Booked via agency.",
        "Cancelled <24h.",
        "Confirmed.",
        "Interpreter late {n} min.",
        "Family member NOT to interpret.",
    )

    def hit() -> str:
        number = v.passport_number(rng)
        return rng.choice(
            [
                f"ID check at desk: passport {number}.",
                f"Passport no {number} seen by reception.",
                f"Overseas visitor check - passport {number}.",
            ]
        )

    return free(rng, rows, 0.07, lambda: said(rng, opener, closer), hit)


def ctr_claim_memo(rng: random.Random, rows: int) -> list[Cell]:
    opener = (
        "Change of circs - new job.",
        "UC award notice received.",
        "Second adult rebate.",
        "Backdating refused.",
        "Single person discount applies.",
        "Overpayment £{n}.",
        "Student exemption.",
    )
    closer = (
        "Recalculated.",
        "Letter issued.",
        "Evidence outstanding.",
        "Appeal lodged.",
        "Passed to fraud team.",
    )

    def hit() -> str:
        ni = v.ni_number(rng)
        shown = v.ni_spaced(ni) if rng.random() < 0.5 else ni
        return rng.choice(
            [
                f"NINO {shown} supplied on form.",
                f"DWP match on {shown}.",
                f"Partner NI no. {shown} verified.",
            ]
        )

    return free(rng, rows, 0.08, lambda: said(rng, opener, closer), hit)


def pals_concern(rng: random.Random, rows: int) -> list[Cell]:
    opener = (
        "Complaint re waiting time in ED.",
        "Lost hearing aid on ward.",
        "Rude receptionist.",
        "Parking charges.",
        "Discharge delayed.",
        "Food not halal.",
        "Interpreter not booked.",
    )
    closer = (
        "Resolved informally.",
        "Passed to Matron.",
        "Apology given.",
        "Escalated to formal complaint.",
        "Response within {n} days.",
    )

    def hit() -> str:
        born = v.date_any_format(rng, v.birth_date(rng))
        return rng.choice(
            [
                f"Caller gave DOB {born} to confirm identity.",
                f"Patient (DOB {born}) says letters not received.",
                f"Born {born}, concerned about missed recall.",
            ]
        )

    return free(rng, rows, 0.11, lambda: said(rng, opener, closer), hit)


def ot_loan_delivery_note(rng: random.Random, rows: int) -> list[Cell]:
    opener = (
        "Perching stool delivered.",
        "Bath lift collected.",
        "Commode x1.",
        "Hospital bed fitted, pressure mattress.",
        "Grab rails fitted x{n}.",
        "Raised toilet seat.",
        "Hoist serviced.",
    )
    closer = (
        "Signed for.",
        "Nobody home, card left.",
        "Recycled.",
        "Cleaned and returned.",
        "Driver 2 man lift.",
    )

    def hit() -> str:
        code = v.uprn(rng)
        return rng.choice(
            [
                f"Key safe at UPRN {code}.",
                f"Access via UPRN {code} rear gate.",
                f"Delivered to {code} (UPRN) - sheltered scheme.",
            ]
        )

    return free(rng, rows, 0.10, lambda: said(rng, opener, closer), hit)


def pf_referral_narrative(rng: random.Random, rows: int) -> list[Cell]:
    opener = (
        "Found at home by carer.",
        "Died in ED after collapse.",
        "Fall at care home.",
        "Sudden death, no recent GP contact.",
        "Suspected overdose.",
        "Death within 24h of admission.",
    )
    closer = (
        "Police attended.",
        "GP unable to certify.",
        "PM requested.",
        "Family informed.",
        "Referred to Procurator Fiscal.",
    )

    def hit() -> str:
        chi = v.chi_number(rng)
        return rng.choice(
            [
                f"CHI {chi} per TrakCare.",
                f"Deceased CHI: {chi[:6]} {chi[6:]}.",
                f"Records under CHI {chi} reviewed.",
            ]
        )

    return free(rng, rows, 0.05, lambda: said(rng, opener, closer), hit)


def careleaver_log(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)
    opener = (
        "Pathway plan reviewed.",
        "Setting up home allowance paid.",
        "College enrolment.",
        "Rent arrears discussed.",
        "Staying put arrangement.",
        "Missed appt.",
        "Bus pass applied for.",
    )
    closer = (
        "PA to follow up.",
        "Next visit {d}th.",
        "Housing informed.",
        "All well.",
        "Referred to leaving care nurse.",
    )

    def hit() -> str:
        name = people.forename()
        return rng.choice(
            [
                f"Spoke with {name} re flat.",
                f"{name} wants help with CV.",
                f"Met {name} at cafe, doing well.",
            ]
        )

    return free(rng, rows, 0.09, lambda: said(rng, opener, closer), hit)


def pts_eligibility_notes(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)
    opener = (
        "Stretcher required.",
        "Walker with escort.",
        "Wheelchair own chair.",
        "Renal 3x weekly.",
        "Oxygen 2L.",
        "Ineligible - own transport.",
        "Bariatric vehicle.",
    )
    closer = (
        "Booked.",
        "Pick up slot {d}.",
        "Return journey open.",
        "Cancelled by ward.",
        "Escort travels.",
    )

    def hit() -> str:
        fore, sur = people.pair()
        licence = v.driving_licence(rng, fore, sur, v.birth_date(rng, 1950, 2000))
        return rng.choice(
            [
                f"Escort drives own car, licence {licence} checked.",
                f"Mileage claim: driver licence {licence}.",
                f"Volunteer driver DL {licence}.",
            ]
        )

    return free(rng, rows, 0.06, lambda: said(rng, opener, closer), hit)
