"""Category a: free-text columns with identifiers in a minority of rows."""

from . import pools
from . import values as v


def prose(rng, rows, fillers, templates, make_id, rate, blank=0.03):
    out = []
    for _ in range(rows):
        if rng.random() < blank:
            out.append(None)
            continue
        parts = _fill(rng, rng.sample(fillers, k=rng.choice([1, 1, 2, 2, 3])))
        if rng.random() < rate:
            sentence = rng.choice(templates).format(x=make_id(rng))
            parts.insert(rng.randint(0, len(parts)), sentence)
        sep = rng.choice([" ", " ", " ", "\n", " - ", "; "])
        if sep in (" - ", "; "):
            parts = [p.strip().rstrip(".") for p in parts]
        text = sep.join(p.strip() for p in parts)
        if rng.random() < 0.1:
            text = text.lower()
        elif rng.random() < 0.04:
            text = text.upper()
        out.append(v.noise(rng, text, 0.06))
    return out


def _fill(rng, sentences):
    """Expand {town}, {charity}, {shop}, {team}, {drug}, {n}, {day} placeholders."""
    return [
        s.format(
            town=rng.choice(pools.TOWNS),
            charity=rng.choice(pools.CHARITIES),
            shop=rng.choice(pools.SHOPS_PLACES),
            team=rng.choice(pools.TEAMS),
            drug=rng.choice(pools.DRUGS),
            n=rng.randint(2, 40),
            day=rng.choice(["Mon", "Tues", "Weds", "Thurs", "Fri", "Sat"]),
        )
        for s in sentences
    ]


SAR_FILL = [
    "SAR received via web form, ID verified.",
    "Clock started {day}; 1 calendar month deadline.",
    "Extension applied (complex request) - requester informed by letter.",
    "Redaction of third-party data completed by {team}.",
    "Records requested from {town} archive store.",
    "Requester wants CCTV footage from {shop} incident - not held by us.",
    "Bundle of {n} pages sent recorded delivery.",
    "Clarification sought re date range, awaiting reply.",
    "Partial disclosure; s.40 exemptions applied to social work notes.",
    "ICO complaint threatened, escalated to DPO.",
    "Duplicate of earlier request - closed.",
    "Requester acting on behalf of mother, signed authority on file.",
]
SAR_T = [
    "Please send copies to {x}.",
    "Reply by email only: {x}",
    "requester email {x} (prefers electronic)",
    "New contact address given as {x}.",
]

FOI_FILL = [
    "Request re spend on agency staff 2022/23.",
    "Asked for number of fixed penalty notices issued in {town}.",
    "s.12 cost limit applied, advice and assistance offered.",
    "Internal review requested - upheld in part.",
    "Info already published, link sent.",
    "Journalist request - press office copied.",
    "Transferred to {team} for answer.",
    "Response due within 20 working days ({day}).",
    "Request for contract with {shop} - commercial interests exemption considered.",
    "Query about pothole repairs on A{n}.",
    "Vexatious? Discussed with IG lead.",
]
FOI_T = [
    "Requester asked for a call back on {x}.",
    "tel {x} if clarification needed",
    "Rang from {x} chasing response.",
]

CLAIM_FILL = [
    "Letter of claim received from claimant solicitors.",
    "Alleged delayed diagnosis of fracture in ED.",
    "Expert report (orthopaedics) commissioned.",
    "Part 36 offer received, referred to panel firm.",
    "Records pulled from {town} General and copied for NHSR.",
    "Breach admitted, causation denied.",
    "Incident previously reviewed as SI; duty of candour letter sent.",
    "Settled at mediation, costs outstanding.",
    "Claim discontinued by claimant.",
    "Medication error alleged - {drug} dose omitted on ward.",
    "Limitation date approaching - protective proceedings issued.",
]
CLAIM_T = [
    "Patient NHS no {x} confirmed against PAS.",
    "NHS number {x}.",
    "(nhs {x})",
    "Records for {x} requested from GP.",
]


def _nhs_spaced(rng):
    n = v.nhs_number(rng)
    return f"{n[:3]} {n[3:6]} {n[6:]}" if rng.random() < 0.7 else n


OMB_FILL = [
    "Stage 1 complaint about missed bin collections.",
    "Escalated to stage 2, investigating officer assigned.",
    "LGSCO enquiry received - draft decision due.",
    "Apology and £{n}0 time and trouble payment offered.",
    "Complaint not upheld; signposted to the Ombudsman.",
    "Councillor enquiry logged on behalf of resident.",
    "Meeting held at {town} civic centre.",
    "Remedy agreed: review of {team} procedures.",
    "Complainant unhappy with tone of previous letter.",
    "Out of jurisdiction - insurance matter.",
    "Persistent complainant policy considered.",
]
OMB_T = [
    "{x} rang again today.",
    "Letter from {x} received.",
    "Spoke to {x} who wants a face to face meeting.",
]

CHAP_FILL = [
    "Visited on ward, patient asleep - will return.",
    "Prayed with family at bedside.",
    "Requested Holy Communion for Sunday.",
    "Catholic priest contacted for anointing.",
    "Patient wished to talk about her late husband.",
    "Imam called re Friday prayers.",
    "Quiet room booked for family.",
    "Referred to {charity} bereavement support.",
    "Sikh chaplain visited, kara to remain on.",
    "Sang a hymn together; patient settled.",
    "Staff support session on ward after a death.",
]
CHAP_T = [
    "Spoke with {x} about fears before surgery.",
    "{x} asked for a rosary.",
    "Sat with {x} for 20 mins.",
]

DRIVER_FILL = [
    "Return trip to outpatients, wait time 90 mins.",
    "Wheelchair in boot, passenger needs help with step.",
    "Mileage claim {n} miles.",
    "Collected from {shop} instead of home as arranged.",
    "Dialysis run {day} - regular.",
    "Driver cancelled, covered by reserve.",
    "Passenger not ready, waited 15 mins.",
    "Drop off at {town} Community Hospital main entrance.",
    "Parking at hospital £{n}.50 reclaimed.",
    "Escort travelling (wife).",
]
DRIVER_T = [
    "Pick up from {x}.",
    "Collect at {x} - ring bell twice.",
    "NEW ADDRESS {x}",
]

FIRE_FILL = [
    "Smoke alarms fitted x2, tested ok.",
    "Hoarding level 6 on clutter scale - referral to {team}.",
    "Resident smokes in bed, fire-retardant bedding given.",
    "Electric blanket over 10 years old - advised replacement.",
    "Oxygen in use, no smoking signage fitted.",
    "Escape route clear.",
    "Partner agency referral from {charity}.",
    "Heat detector in kitchen.",
    "Carbon monoxide alarm advice given.",
    "Deaf alarm with vibrating pad fitted.",
    "Candles used during power cuts - discussed.",
]
FIRE_T = [
    "Resident DOB {x}.",
    "occupant born {x}, lives alone",
    "(d.o.b. {x})",
]


def _dob_text(rng):
    d = v.random_date(rng, 1925, 1960)
    return rng.choice([d.strftime("%d/%m/%Y"), d.strftime("%d.%m.%Y"), f"{d.day} {d:%B %Y}"])


WELFARE_FILL = [
    "Concern for welfare call from neighbour, no answer at door.",
    "Officers attended, occupant safe and well.",
    "Milk bottles on step, post piling up.",
    "Entry forced, ambulance called.",
    "Family in {town} unable to contact for 3 days.",
    "Referred to adult social care via {team}.",
    "No concerns, male states he switched phone off.",
    "Key safe code obtained from care provider.",
    "Mental health street triage not available.",
    "Log closed, PNC checks nil.",
]
WELFARE_T = [
    "Vehicle {x} parked outside.",
    "VRM {x} checked - registered keeper at address.",
    "Car ({x}) not moved for a week per neighbour.",
]

PROB_FILL = [
    "Reported on time, appeared sober.",
    "Unpaid work hours: {n} completed.",
    "Discussed accommodation - staying with sister.",
    "Licence conditions reviewed.",
    "Referred to Accredited Programme.",
    "Missed appointment, warning letter issued.",
    "UC claim in progress - Jobcentre {town}.",
    "MAPPA level 1.",
    "Drug test negative.",
    "Curfew tag fitted.",
]
PROB_T = [
    "NINO {x} given for benefits check.",
    "NI number {x} confirmed with DWP.",
    "(ni {x})",
]

ASB_FILL = [
    "Youths congregating outside {shop} in the evenings.",
    "Loud music from upstairs flat until 3am.",
    "Dog fouling on the green.",
    "Graffiti on bus shelter.",
    "Neighbour dispute over parking.",
    "Off-road bikes on the playing field.",
    "Community trigger threshold met.",
    "ABC signed by both parties.",
    "CPN warning issued.",
    "Diary sheets sent to complainant.",
    "Joint visit with {team}.",
]
ASB_T = [
    "Hotspot around {x}.",
    "Reports from the {x} area.",
    "Location {x}",
]

CREM_FILL = [
    "Ashes to be scattered in Garden of Remembrance.",
    "Service in chapel, {n} mourners.",
    "Medical referee form received.",
    "Organist requested.",
    "Cremated remains held pending collection.",
    "Casket for ashes supplied by funeral director.",
    "Direct cremation, no attendance.",
    "Webcast of service arranged.",
    "Memorial plaque ordered for {town} cemetery.",
    "Form cremation 4 and 5 checked.",
]
CREM_T = [
    "Family of the late Mr {x} asked for a copy of the register entry.",
    "Mrs {x}'s remains to be interred with husband.",
    "Ashes of Miss {x} collected by nephew.",
]

LWA_FILL = [
    "Application for emergency food and fuel award.",
    "Award paid via PayPoint voucher.",
    "Furniture package (bed, cooker) approved.",
    "Previous award within 12 months - declined.",
    "Referred to {charity}.",
    "Fleeing domestic abuse - priority.",
    "Photo ID seen in office.",
    "Utility bill used as proof of address.",
    "Supermarket voucher for {shop}.",
    "White goods delivery booked {day}.",
]
LWA_T = [
    "Passport {x} seen and copied.",
    "ID: passport no. {x}",
    "UK passport {x} (expired but accepted)",
]

RENT_FILL = [
    "Arrears letter 1 sent.",
    "Tenant rang to agree repayment plan £{n} per week.",
    "UC housing element paid direct to landlord.",
    "NOSP served.",
    "Court hearing adjourned on terms.",
    "DHP application signposted.",
    "Tenant not answering, visit booked.",
    "Payment of £{n}0 received at {shop} PayPoint.",
    "Referral to money advice ({charity}).",
    "Arrears cleared - account closed.",
]
RENT_T = [
    "Property UPRN {x} flagged for tenancy audit.",
    "(uprn {x})",
    "Linked to UPRN {x} on Northgate.",
]

CME_FILL = [
    "Child not attending since October half term.",
    "Family believed to have moved to England.",
    "Checks made with Health Visitor and GP practice.",
    "Home visit - no answer, card left.",
    "Sibling enrolled at {town} Academy.",
    "Named Person informed.",
    "CME officer liaised with Police Scotland.",
    "Referral closed - child located in Ireland.",
    "School roll removal requested.",
    "Contact made with {team}.",
]
CME_T = [
    "CHI {x} checked on SCI Store.",
    "child's CHI no. {x}",
    "Health records matched on CHI {x}.",
]


def _pick_surname(rng):
    return rng.choice(pools.SURNAMES)


def _chi_spaced(rng):
    c = v.chi_number(rng)
    return c if rng.random() < 0.6 else f"{c[:6]} {c[6:]}"


SPECS = {
    "sar_request_narrative": (SAR_FILL, SAR_T, v.email, 0.08),
    "foi_log_summary": (FOI_FILL, FOI_T, v.phone, 0.055),
    "negligence_claim_notes": (CLAIM_FILL, CLAIM_T, _nhs_spaced, 0.10),
    "ombudsman_case_comments": (OMB_FILL, OMB_T, v.titled_name, 0.07),
    "chaplaincy_visit_notes": (CHAP_FILL, CHAP_T, v.forename, 0.06),
    "volunteer_driver_journey_notes": (DRIVER_FILL, DRIVER_T, v.address, 0.09),
    "fire_safe_well_observations": (FIRE_FILL, FIRE_T, _dob_text, 0.045),
    "welfare_check_log": (WELFARE_FILL, WELFARE_T, v.vrm, 0.12),
    "probation_supervision_notes": (PROB_FILL, PROB_T, v.ni_number, 0.06),
    "asb_incident_description": (ASB_FILL, ASB_T, v.postcode, 0.08),
    "cremation_register_remarks": (CREM_FILL, CREM_T, _pick_surname, 0.05),
    "lwa_id_check_notes": (LWA_FILL, LWA_T, v.passport_number, 0.05),
    "rent_arrears_contact_history": (RENT_FILL, RENT_T, v.uprn, 0.10),
    "cme_referral_narrative": (CME_FILL, CME_T, _chi_spaced, 0.06),
}


def make(name):
    fillers, templates, make_id, rate = SPECS[name]

    def gen(rng, rows):
        return prose(rng, rows, fillers, templates, make_id, rate)

    return gen
