"""Category a: free-text columns where a minority of rows carry an identifier."""

import random

from . import values as v

Col = list[str | None]


def _prose(
    rng: random.Random,
    rows: int,
    fillers: list[str],
    inserts: list[str],
    make_id,
    rate: float,
    p_blank: float = 0.15,
) -> Col:
    out: Col = []
    for _ in range(rows):
        if rng.random() < p_blank:
            out.append(None)
            continue
        n = rng.choice([1, 1, 2, 2, 3])
        parts = rng.sample(fillers, n)
        if rng.random() < rate:
            sentence = rng.choice(inserts).format(x=make_id(rng))
            parts.insert(rng.randint(0, len(parts)), sentence)
        sep = rng.choice([" ", " ", "  ", ". ", "\n", " - "])
        text = sep.join(p.strip() for p in parts)
        if rng.random() < 0.1:
            text = text.lower()
        out.append(v.messy(rng, text, 0.08))
    return out


SCHOOL_FILL = [
    "Attended drop-in re headaches, advised fluids and rest.",
    "Y9 pupil seen for HPV catch-up discussion, leaflet given",
    "Height/weight NCMP done, parent letter to go home in bag.",
    "Asthma plan reviewed with head of year. Inhaler in date.",
    "Referred to CAMHS single point of access via school SENCo",
    "no concerns today, returned to class",
    "Epipen training delivered to staff room Tues lunchtime",
    "Enuresis clinic f/u booked for after half term.",
    "discussed sleep hygiene + screen time",
    "Pupil tearful, friendship issues; pastoral lead informed.",
]
SCHOOL_INS = [
    "Mum asked to be rung on {x} after 3pm.",
    "Dad's mobile {x} - call if temp rises",
    "contact carer on {x}",
    "Grandparent collects, tel {x}.",
]


def school_nursing_contact_notes(rng, rows):
    return _prose(
        rng, rows, SCHOOL_FILL, SCHOOL_INS, lambda r: v.phone_pretty(v.phone_digits(r)), 0.08
    )


LD_FILL = [
    "AHC completed with support worker present. BMI stable.",
    "Easy-read invite sent, attended with paid carer",
    "Epilepsy: no seizures reported since last review",
    "Reasonable adjustments flag added - needs longer appt, quiet waiting area.",
    "Hearing check overdue; referred to community team",
    "Health action plan updated and copy given",
    "Declined bloods again, desensitisation plan discussed with LD liaison nurse.",
    "Constipation review, diet diary to continue",
    "STOMP medication review requested",
    "Dental: sees community dental service annually.",
]
LD_INS = [
    "Duplicate record merged into NHS no {x}.",
    "nhs {x} on register twice - flagged to practice manager",
    "Check NHS number {x} with PDS before upload.",
]


def ld_ahc_review_comments(rng, rows):
    def nhs(r):
        n = v.nhs_number(r)
        return n if r.random() < 0.5 else f"{n[:3]} {n[3:6]} {n[6:]}"

    return _prose(rng, rows, LD_FILL, LD_INS, nhs, 0.06)


OUTREACH_FILL = [
    "Bedded down in doorway by the bus station, sleeping bag offered.",
    "No contact made on this round",
    "Two males seen near the canal towpath, declined engagement.",
    "Hot drinks given at the multistorey, Level 3 stairwell",
    "SWEP activated tonight, shelter beds at the church hall",
    "Referral made to No Second Night Out hub.",
    "Tent removed by council, belongings bagged",
    "Verified rough sleeper - CHAIN update due",
    "Police welfare check requested by member of public",
    "Female known to team seen begging on the high street",
]
OUTREACH_INS = [
    "Verified as {x}, known to us from last winter.",
    "{x} accepted a bed tonight.",
    "spoke with {x} who says he is banned from the hostel",
    "Client gave name as {x} (verify).",
]


def outreach_shift_log(rng, rows):
    return _prose(rng, rows, OUTREACH_FILL, OUTREACH_INS, v.full_name, 0.09)


BIOBANK_FILL = [
    "Consent form v3.2 signed, all optional sections ticked.",
    "Declined recontact for future studies",
    "Sample tubes labelled and sent to the central lab by courier",
    "Participant wants results summary only, not individual findings.",
    "Withdrew from genetic sub-study; keep existing samples",
    "PIS v4 given, to think about it over the weekend",
    "Consent witnessed by research nurse",
    "Saliva kit posted; return envelope enclosed",
]
BIOBANK_INS = [
    "Prefers contact by email {x}.",
    "newsletter to {x}",
    "updated email: {x}",
]


def biobank_consent_remarks(rng, rows):
    return _prose(rng, rows, BIOBANK_FILL, BIOBANK_INS, lambda r: v.email(r), 0.06)


MSK_FILL = [
    "L knee pain 6/12, worse on stairs. Query OA.",
    "Low back pain, no red flags, no saddle anaesthesia",
    "R shoulder impingement, painful arc 70-120 degrees",
    "Self-referral via app. Suitable for group class.",
    "Triage: routine, 8-10 week wait",
    "Plantar fasciitis, advised calf stretches + footwear",
    "Post-op ACL recon rehab, 12 weeks post op",
    "Neck pain after RTC, whiplash advice given",
    "Urgent: progressive weakness, discussed with ESP.",
    "Tennis elbow, long history, previous injection helped",
]
MSK_INS = [
    "DOB {x} confirmed on call.",
    "pt dob {x}",
    "Date of birth given as {x} (differs from referral)",
]


def msk_physio_triage_free_text(rng, rows):
    return _prose(rng, rows, MSK_FILL, MSK_INS, lambda r: v.fmt_date(r, v.dob(r, 1935, 2008)), 0.07)


FOOD_FILL = [
    "Benefit delay - UC first payment not yet received",
    "Low income, sanctions applied last month.",
    "Sickness/ill health, awaiting PIP decision",
    "Debt: energy arrears and council tax",
    "Three voucher limit reached, discussed with referral agency",
    "Family of 4 incl 2 children under 5; no cooking facilities, kettle box given.",
    "Refused STBA, referred to local welfare assistance",
    "Domestic abuse, newly housed, no furniture",
    "Halal parcel requested",
    "Delivery needed - no transport, mobility issues",
]
FOOD_INS = [
    "Deliver to {x} (back door).",
    "lives near {x}",
    "postcode {x} outside our area - signposted",
]


def foodbank_referral_reason(rng, rows):
    return _prose(rng, rows, FOOD_FILL, FOOD_INS, v.postcode, 0.09)


WELFARE_FILL = [
    "MR requested on PIP daily living descriptor 4.",
    "Tribunal date awaited, submission drafted",
    "Better-off calculation done for move to UC",
    "Carer's Allowance overpayment being disputed.",
    "Attendance Allowance form completed at home visit",
    "Client to bring bank statements next appt",
    "Council tax reduction applied for",
    "ESA to UC migration notice received",
    "Discretionary housing payment refused, appeal advised",
    "PIP award 2 yrs std daily living, nil mobility.",
]
WELFARE_INS = [
    "NINO {x} confirmed with DWP.",
    "NI no. {x}",
    "DWP quoted wrong NI ({x}) on letter",
]


def welfare_rights_casenote(rng, rows):
    def ni(r):
        n = v.ni_number(r)
        return n if r.random() < 0.6 else f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}"

    return _prose(rng, rows, WELFARE_FILL, WELFARE_INS, ni, 0.06)


SARC_FILL = [
    "FME attended, early evidence kit taken.",
    "Client self-referred, no police involvement at this stage",
    "Emergency contraception given, PEPSE risk assessed",
    "ISVA referral accepted",
    "Samples stored under self-referral pathway for 2 years",
    "Crisis worker present throughout.",
    "Body map completed, photographs declined",
    "Follow-up at GUM clinic arranged",
]
SARC_INS = [
    "Transferred from ED, hosp no {x}.",
    "ED record {x} cross-referenced",
    "see hospital number {x} for injuries",
]


def sarc_forensic_notes(rng, rows):
    return _prose(rng, rows, SARC_FILL, SARC_INS, v.hospital_number, 0.065)


ASYLUM_FILL = [
    "Section 95 support granted, dispersal pending.",
    "ASPEN card not yet received, chased with provider",
    "Section 4 application submitted after refusal",
    "Moved from initial accommodation hotel to dispersal flat.",
    "Move-on period 28 days - homelessness referral sent",
    "Reporting event at the centre on Thursday",
    "Further submissions lodged",
    "Maternity payment requested",
]
ASYLUM_INS = [
    "Holds passport {x} (expired).",
    "passport no {x} retained by solicitor",
    "Copy of passport {x} on file",
]


def asylum_support_remarks(rng, rows):
    return _prose(rng, rows, ASYLUM_FILL, ASYLUM_INS, v.passport, 0.06)


SLT_FILL = [
    "Therapi iaith - targets set with class teacher.",
    "Stammer: parent training programme started",
    "Receptive language below age expectations, CELF-5 done",
    "Bilingual (Welsh/English) - assess in both languages.",
    "Dysphagia screen not indicated",
    "Attention and listening group, 6 sessions",
    "Speech sound disorder, fronting k/g",
    "Discharged - targets met. Wedi gorffen.",
    "Mae'r plentyn yn gwneud cynnydd da.",
    "DNA x2, letter to school",
]
SLT_INS = [
    "{x} engaged well today.",
    "{x} used 3-word phrases spontaneously",
    "Da iawn {x}!",
    "Mum says {x} talks more at home",
]


def sylwadau_therapi_iaith(rng, rows):
    return _prose(rng, rows, SLT_FILL, SLT_INS, v.forename, 0.08)


BOWEL_FILL = [
    "FIT kit not returned, reminder letter sent.",
    "Positive FIT - colonoscopy pre-assessment booked",
    "Spoiled kit, replacement posted",
    "Opted out of programme, confirmation letter issued",
    "Called helpline about instructions",
    "Result letter returned undelivered.",
    "Already under surveillance - cease from screening",
]
BOWEL_INS = [
    "Caller quoted CHI {x}.",
    "CHI {x} mismatch with kit barcode",
    "updated address for CHI {x}",
]


def bowel_screening_callback_note(rng, rows):
    def chi(r):
        n = v.chi_number(r, v.dob(r, 1944, 1974))
        return n if r.random() < 0.7 else f"{n[:6]} {n[6:]}"

    return _prose(rng, rows, BOWEL_FILL, BOWEL_INS, chi, 0.05)


PARKING_FILL = [
    "Vehicle parked on double yellows outside the pharmacy.",
    "Permit displayed but expired",
    "Resident permit zone K, observed 10 mins.",
    "Blue badge displayed, clock set correctly",
    "Loading observed, no PCN issued",
    "Cancelled - valid visitor permit produced",
    "Footway parking reported by resident",
    "PCN code 12 issued, photos taken",
]
PARKING_INS = [
    "VRM {x} no permit on system.",
    "reg {x} seen again",
    "Car {x} parked across dropped kerb",
]


def parking_enforcement_notes(rng, rows):
    return _prose(rng, rows, PARKING_FILL, PARKING_INS, v.vehicle_reg, 0.08)


ENV_FILL = [
    "Rodent activity confirmed in rear yard, bait stations set.",
    "Wasp nest in loft eaves treated",
    "Food hygiene rating re-visit, rating 4 awarded.",
    "Noise complaint: amplified music after 11pm, diary sheets sent",
    "Bed bugs in HMO, second treatment booked",
    "Accumulation of refuse, s.80 notice considered",
    "Damp and mould, HHSRS category 1 hazard",
    "No access at time of visit, card left",
]
ENV_INS = [
    "Complainant lives at {x}.",
    "visit to {x} - no answer",
    "Neighbouring property {x} also affected",
]


def env_health_inspection_narrative(rng, rows):
    return _prose(rng, rows, ENV_FILL, ENV_INS, v.address, 0.06)


CANVASS_FILL = [
    "HEF returned online, no change.",
    "Property empty - awaiting new tenant",
    "Canvasser visit 2, no response",
    "Student halls block return received",
    "Occupant refused to give details",
    "Care home - manager completed form",
    "ITR sent to new attainer",
    "Route 3, door knock Tuesday evening",
]
CANVASS_INS = [
    "UPRN {x} flagged as HMO.",
    "property uprn {x} not in LLPG",
    "split UPRN {x} into flats A-C",
]


def electoral_canvass_comments(rng, rows):
    return _prose(rng, rows, CANVASS_FILL, CANVASS_INS, v.uprn, 0.05)
