"""Free-text columns of the seventh held-out corpus: category a and the d (misleading) ones."""

from __future__ import annotations

from tests.detect.heldout7 import synth
from tests.detect.heldout7.shape import (
    Builder,
    fill,
    minority,
    phone_text,
    phrase,
    pick,
    relative_sentence,
    spaced_nhs,
    spaced_ni,
)

# ---- category a: identifiers in a minority of free-text rows -------------------------------

A_COLUMNS: dict[str, Builder] = {
    "mha_section_notes": minority(
        lambda r: relative_sentence(
            r,
            (
                "NR is {rel} {name}, informed of S2.",
                "Spoke to nearest relative ({rel}) {name} by phone.",
                "Nearest relative {name} objects to S3.",
            ),
        ),
        (
            "Settled on ward, {drug} given at {time}.",
            "S2 rights read and understood.",
            "Tribunal booked, IMHA informed.",
            "Escorted leave in {place} grounds, 30 mins.",
            "Low mood, remained in room {room}.",
            "Section 17 leave cancelled, ward busy.",
        ),
        0.08,
    ),
    "dispatch_free_text": minority(
        lambda r: r.choice(("c/b", "ring back on", "caller's number", "tel")) + " " + phone_text(r),
        (
            "Cat 2 chest pain, {n}0M, conscious and breathing.",
            "Fall in bathroom, unable to get up.",
            "RTC on A64, {n} vehicles, no entrapment.",
            "Overdose of {drug}, patient drowsy.",
            "Police on scene at {place}.",
            "Caller is neighbour, patient speaking.",
        ),
        0.10,
    ),
    "birth_plan_comments": minority(
        lambda r: (
            r.choice(("send photos to", "partner's email", "contact partner at"))
            + " "
            + synth.email(r)
        ),
        (
            "Would like water birth if possible.",
            "Prefers no pethidine.",
            "Delayed cord clamping please.",
            "Interpreter needed (Tigrinya).",
            "Wants skin to skin straight away.",
            "Previous LSCS, VBAC discussed at {place}.",
        ),
        0.06,
    ),
    "dental_recall_note": minority(
        lambda r: r.choice(
            ("pt NHS {n} transferred from other practice.", "NHS no {n}.", "(NHS {n})")
        ).format(n=r.choice((spaced_nhs, str))(synth.nhs_number(r))),
        (
            "6 month recall, scale and polish.",
            "UR6 filling due, band 2.",
            "Band 2 course completed.",
            "Failed to attend x{n}.",
            "Denture review at {place}.",
            "Fluoride varnish applied.",
        ),
        0.07,
    ),
    "yot_case_narrative": minority(
        lambda r: (
            "NI no "
            + r.choice((spaced_ni, str))(synth.ni_number(r))
            + " given for job centre referral."
        ),
        (
            "Attended session at {place}, engaged well.",
            "Missed appointment, text sent.",
            "Referral order panel held.",
            "Reparation work with {org} completed.",
            "Education worker to visit school.",
            "Curfew checks all compliant.",
        ),
        0.09,
    ),
    "safeguarding_concern": minority(
        lambda r: "Concern arose at " + synth.address(r) + ".",
        (
            "Concern re financial abuse reported by bank.",
            "Unexplained bruising noted by carer.",
            "Self-neglect, hoarding, {org} involved.",
            "Missed calls from agency x{n}.",
            "Strategy meeting held, police aware.",
            "Section 42 enquiry opened.",
        ),
        0.12,
    ),
    "dispensing_note": minority(
        lambda r: (
            r.choice(("TTO for hosp no", "Discharge script, hosp no", "Hosp no"))
            + " "
            + synth.hospital_number(r)
            + "."
        ),
        (
            "Owing slip issued for {drug}.",
            "Blister pack weekly.",
            "CD register checked.",
            "Patient counselled on {drug}.",
            "Out of stock, wholesaler {time}.",
            "Interaction checked with {drug}.",
        ),
        0.08,
    ),
    "reception_property_note": minority(
        lambda r: "Passport " + synth.passport_number(r) + " to stored property.",
        (
            "Reception screen done, no acute issues.",
            "Methadone 60ml confirmed with {org}.",
            "First night in custody, cell-share risk assessed.",
            "Self-harm history, ACCT opened.",
            "Transfer from {town} court.",
            "Hep B vaccine offered, declined.",
        ),
        0.06,
    ),
    "panel_minutes": minority(
        lambda r: "Carer's car " + synth.vehicle_registration(r) + " insured for business use.",
        (
            "Panel recommended approval.",
            "Annual review deferred.",
            "Placement stability discussed.",
            "Form F assessment presented.",
            "Training record incomplete, {n} courses.",
            "Reference from {org} received.",
        ),
        0.10,
    ),
    "repairs_log": minority(
        lambda r: r.choice(("UPRN", "uprn:", "Prop ref UPRN")) + " " + synth.uprn(r) + ".",
        (
            "Boiler serviced.",
            "Window lock replaced.",
            "Tenant not in, card left.",
            "Damp and mould, {n} rooms.",
            "Gas safety check due.",
            "Void clearance booked {time}.",
        ),
        0.11,
    ),
    "badge_assessor_notes": minority(
        lambda r: "DL " + synth.driving_licence(r) + " seen as proof of ID.",
        (
            "Walks less than 50m with stick.",
            "Uses wheelchair outdoors.",
            "Awarded 3 years.",
            "Refused, walks {n}00m.",
            "Assessment at {place} clinic.",
            "Renewal, no change.",
        ),
        0.07,
    ),
    "consult_text_scot": minority(
        lambda r: r.choice(("CHI", "CHI no", "chi:")) + " " + synth.chi_number(r) + ".",
        (
            "Reviewed BP 138/84, continue {drug}.",
            "Fit note 2 weeks.",
            "Referred to physio at {place}.",
            "Bloods in 3 months.",
            "Asthma review, {drug}.",
            "Telephone consult, no red flags.",
        ),
        0.09,
    ),
    "gum_triage_text": minority(
        lambda r: (
            r.choice(("Prefers to be called", "Asks to be known as", "Pref name:"))
            + " "
            + synth.forename(r)
            + "."
        ),
        (
            "Asymptomatic screen, bloods taken.",
            "PEPSE started.",
            "Contact slip given.",
            "Results by text in {n} days.",
            "Doxycycline 7 days.",
            "LARC discussed.",
        ),
        0.05,
    ),
    "handover_text": fill(
        phrase(
            (
                "Room {room} settled, {drug} given {time}.",
                "Room {room} fall risk, sensor mat on.",
                "Room {room} poor intake, fluid chart started.",
                "Room {room} GP visit requested.",
                "Room {room} skin intact, repositioned {time}.",
                "All residents settled by {time}.",
            )
        ),
        0.05,
    ),
}


# ---- category d: misleading headers --------------------------------------------------------


def _soundex(name: str) -> str:
    codes = {
        c: str(d)
        for d, letters in enumerate(("AEIOUYHW", "BFPV", "CGJKQSXZ", "DT", "L", "MN", "R"))
        for c in letters
    }
    letters = [c for c in name.upper() if c.isalpha()]
    out, last = letters[0], codes.get(letters[0], "")
    for c in letters[1:]:
        code = codes.get(c, "0")
        if code not in ("0", last):
            out += code
        if c not in "HW":
            last = code
    return (out + "000")[:4]


NOTES = (
    "Referred to {org} in {town}; seen at {place}.",
    "Collected {drug} from Boots in {town}.",
    "Attends {org} group on Thursdays at {place}.",
    "Moved from {town} to {place} last year.",
    "Food parcel from {org}, works at Tesco {town}.",
    "Follow-up at {place} with {drug}.",
)


COMMENTS = (
    "Moved to {ward} at {place}.",
    "Transferred from {place} to {ward} overnight.",
    "Bed on {ward} closed for deep clean.",
    "Escalation beds opened on {ward}.",
    "Outlier on {ward}, home team at {place}.",
)


D_COLUMNS: dict[str, Builder] = {
    "nhs_ref": fill(lambda r: f"PO-{r.randint(2019, 2025)}-{r.randint(100000, 999999)}"),
    "patient_notes": fill(phrase(NOTES), 0.3),
    "comments": fill(phrase(COMMENTS), 0.4),
    "reference": fill(lambda r: r.choice((str, str, spaced_ni))(synth.ni_number(r))),
    "contact": fill(synth.email, 0.1),
    "info": fill(synth.address, 0.05),
    "id": fill(synth.hospital_number),
    "value": fill(synth.vehicle_registration, 0.2),
    "surname_code": fill(lambda r: _soundex(synth.surname(r))),
    "patient_name_flag": fill(pick(("Y", "N", "Y", "U")), 0.2),
    "location": fill(synth.postcode, 0.05),
    "document_no": fill(synth.passport_number, 0.3),
    "client_key": fill(synth.driving_licence, 0.25),
    "nhs_number_verified": fill(lambda r: f"{r.randint(1, 8):02d}"),
}
