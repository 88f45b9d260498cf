"""Category a: identifiers in a minority (about 3-15%) of rows of free-text columns."""

import re

from . import pools
from . import values as v


def _fills(rng) -> dict:
    recent = v.rand_date(rng, 2023, 2025)
    return {
        "town": rng.choice(pools.TOWNS),
        "hosp": rng.choice(pools.HOSPITALS),
        "drug": rng.choice(pools.OTHER_DRUGS),
        "charity": rng.choice(pools.CHARITIES),
        "date": v.fmt_date(rng, recent, rng.choice(["dmy", "d_mon_y", "dmy2"])),
        "time": f"{rng.randint(0, 23):02d}:{rng.choice(['00', '15', '30', '45', '10', '52'])}",
        "n": rng.randint(2, 27),
        "pest": rng.choice(pools.PESTS),
        "street": v.street(rng),
        "ward": rng.choice(pools.WARD_WORDS),
        "rel": rng.choice(pools.RELATIONSHIPS),
        "ref": f"{rng.randint(10, 99)}/{rng.randint(10000, 99999)}/{rng.randint(23, 25)}",
        "score": rng.randint(10, 30),
    }


def free_text(rng, rows, plain, inject, make_id, rate, p_blank=0.1):
    """Rows of 1-3 plain sentences; about `rate` of rows also carry one identifier sentence."""
    out = []
    for _ in range(rows):
        carry = rng.random() < rate
        if not carry and rng.random() < p_blank:
            out.append(None)
            continue
        f = _fills(rng)
        parts = [s.format(**f) for s in rng.sample(plain, rng.randint(1, 3))]
        if carry:
            f["id"] = make_id(rng)
            parts.insert(rng.randint(0, len(parts)), rng.choice(inject).format(**f))
        sep = rng.choice([" ", " ", "  ", "\n", ". ", " - "])
        text = sep.join(parts)
        if rng.random() < 0.07:
            text = text.upper()
        out.append(text)
    return out


# ----------------------------------------------------------------- identifier finders
# (used by selfcheck to measure the share of rows carrying an identifier)
_NAME_RE = re.compile(
    r"\b(?:"
    + "|".join(map(re.escape, pools.FORENAMES))
    + r")\s+(?:"
    + "|".join(map(re.escape, pools.SURNAMES))
    + r")\b",
    re.I,
)


def has_phone(t):
    return any(v.phone_is_synthetic(m) for m in v.PHONE_RE.findall(t))


def has_nhs(t):
    return any(
        v.mod11_ok(re.sub(r"\D", "", m)) for m in re.findall(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b", t)
    )


def has_chi(t):
    return any(v.mod11_ok(m) for m in re.findall(r"\b\d{10}\b", t))


FINDERS = {
    "phone": has_phone,
    "nhs_number": has_nhs,
    "full_name": lambda t: bool(_NAME_RE.search(t)),
    "date_of_birth": lambda t: bool(re.search(r"(?i)\b(?:dob|d\.o\.b\.?|born)\b", t)),
    "passport_number": lambda t: bool(re.search(r"\b(?:\d{9}|[A-Z]{2}\d{7}|C0\d{7})\b", t, re.I)),
    "driving_licence": lambda t: bool(v.DL_RE.search(t)),
    "address": lambda t: bool(v.POSTCODE_RE.search(t)),
    "ni_number": lambda t: v.ni_is_valid(t),
    "uprn": lambda t: bool(re.search(r"\b\d{9,12}\b", t)),
    "email": lambda t: "@" in t,
    "chi_number": has_chi,
    "hospital_number": lambda t: bool(
        re.search(r"\b(?:K\d{6}|M\d{7}|D\d{6}[A-K]|(?:RX1|RR8|7A1|RWD)-\d{7})\b", t, re.I)
    ),
    "postcode": lambda t: bool(v.POSTCODE_RE.search(t)),
    "vehicle_registration": lambda t: bool(
        re.search(r"\b(?:[A-Z]{2}\d{2} ?[A-Z]{3}|[A-Z]\d{1,3} [A-Z]{3}|[A-Z]{3} \d{1,3}[A-Z])\b", t)
    ),
}


# ----------------------------------------------------------------- columns
def marac_risk_narrative(rng, rows):
    plain = [
        "DASH completed by IDVA, score {score}/27, high risk.",
        "Perpetrator on bail, conditions not to enter {town}.",
        "Victim staying with {rel} at present, children with school in {town}.",
        "Police crime ref {ref} - ABH, CPS advice sought.",
        "Referred to {charity} for refuge space; none in {town} tonight.",
        "Escalation since last MARAC on {date}: strangulation disclosed.",
        "Health IDVA at {hosp} to flag records; action agreed.",
        "Housing to fit target hardening (door chain, sanctuary) by {date}.",
        "Pet fostering via Paws Protect discussed.",
        "No contact since {date} {time}; welfare check requested.",
        "Clare's Law disclosure completed.",
    ]
    inject = [
        "Safe number for victim: {id} (text only, do not leave voicemail).",
        "IDVA to call on {id} after 6pm.",
        "Contact via sister's phone {id}.",
        "safe contact {id}",
    ]
    return free_text(rng, rows, plain, inject, lambda r: v.phone(r), 0.08)


def tb_contact_tracing_notes(rng, rows):
    plain = [
        "Household contact of index case, Mantoux {n}mm at {hosp}.",
        "IGRA negative, repeat in 8 weeks ({date}).",
        "Started {drug} and pyridoxine; DOT three times weekly.",
        "Works night shifts at a warehouse in {town}; employer screening offered.",
        "Sputum smear positive x2, culture pending.",
        "CXR: upper lobe cavitation, discussed at TB cohort review.",
        "Interpreter (Tigrinya) booked for next visit.",
        "Travelled from {town} via coach, 14 hours - coach company contacted.",
        "Latent TB - declined treatment after discussion.",
        "BCG scar seen left upper arm.",
    ]
    inject = [
        "NHS no {id} added to cohort list.",
        "Contact traced - NHS number {id}.",
        "(nhs {id})",
        "index case NHS: {id}",
    ]

    def make(r):
        n = v.nhs_number(r)
        return r.choice([n, f"{n[:3]} {n[3:6]} {n[6:]}"])

    return free_text(rng, rows, plain, inject, make, 0.06)


def street_triage_summary(rng, rows):
    plain = [
        "Street triage attended with PC at {time}, male in distress on the bridge at {street}.",
        "S136 considered, not used; taken to place of safety at {hosp} voluntarily.",
        "Known to CMHT, last seen {date}.",
        "Intoxicated, declined assessment; conveyed home by {rel}.",
        "Advice given to officers by phone, no face-to-face.",
        "Crisis team informed, follow-up within 72h.",
        "Self-harm superficial, wound cleaned; declined A&E.",
        "Missing person report closed, found in {town} bus station.",
        "{charity} leaflet given.",
        "Off {drug} for three weeks per {rel}.",
    ]
    inject = [
        "Person identified as {id} by officers.",
        "Gave name as {id}.",
        "{id} - known to services.",
        "Nearest relative {id} informed.",
    ]
    return free_text(rng, rows, plain, inject, lambda r: v.full_name(r), 0.10)


def custody_hc_obs_notes(rng, rows):
    plain = [
        "Detainee seen by HCP in cell {n} at {time}, fit to detain.",
        "Rousing checks every 30 min, GCS 15.",
        "Requesting {drug}; FME consulted, prescribed.",
        "Alcohol withdrawal risk, CIWA {score}.",
        "Injury to right hand - X-ray advised on release.",
        "Fit for interview with appropriate adult.",
        "Liaison and diversion referral made {date}.",
        "Refused observations, breathing and colour normal.",
        "Transferred to {hosp} under escort at {time}.",
    ]
    inject = [
        "DOB {id} confirmed with detainee.",
        "Detainee states born {id}.",
        "d.o.b. {id}",
        "DOB given as {id}, PNC differs.",
    ]
    return free_text(
        rng, rows, plain, inject, lambda r: v.fmt_date(r, v.rand_date(r, 1950, 2007)), 0.05
    )


def port_health_remarks(rng, rows):
    plain = [
        "Vessel IMO {n}42{score}1 inspected at berth {n}, ship sanitation certificate issued.",
        "Flight from {town} - traveller with fever, isolated in holding room.",
        "Crew member referred to {hosp} for assessment.",
        "Food consignment detained, health certificate missing.",
        "Rodent evidence in galley, deratting exemption refused.",
        "Passenger locator form checked.",
        "UKHSA notified at {time}.",
        "Cargo of {n} pallets released after inspection.",
        "Pratique granted by radio.",
    ]
    inject = [
        "Passport no. {id} recorded.",
        "Traveller's passport {id} photographed for file.",
        "PP No {id}",
        "passport {id} (Nigerian)",
    ]
    return free_text(rng, rows, plain, inject, lambda r: v.passport(r), 0.07)


def taxi_licence_hearing_notes(rng, rows):
    plain = [
        "Applicant attended sub-committee, represented by union rep.",
        "DBS enhanced check returned with disclosure; members retired to consider.",
        "Penalty points: {n} on record (SP30).",
        "Knowledge test failed twice; third attempt booked {date}.",
        "Complaint from passenger re overcharging on airport run from {town}.",
        "Vehicle failed compliance test - tyre tread, resubmit within 14 days.",
        "Hackney plate {n}{score} suspended pending decision.",
        "Safeguarding training certificate provided.",
        "Medical (Group 2) outstanding.",
    ]
    inject = [
        "DVLA licence {id} checked online, valid.",
        "Driving licence no: {id}",
        "DL {id} - photocard seen.",
        "licence number {id} (counterpart lost)",
    ]
    return free_text(rng, rows, plain, inject, lambda r: v.driving_licence(r), 0.06)


def hmo_inspection_comments(rng, rows):
    plain = [
        "Fire doors missing self-closers on 2nd floor landing.",
        "Room {n} below minimum size (6.51 m2), not to be used as sleeping accommodation.",
        "Damp and mould in shared kitchen, HHSRS category 1.",
        "Licence condition breach: occupancy {n} against permitted 5.",
        "Landlord agent from {town} attended, works schedule agreed.",
        "Smoke alarms interlinked, tested OK.",
        "Revisit booked {date}.",
        "Bins overflowing at rear, referred to environmental health.",
        "Gas safety certificate expired - notice served.",
    ]
    inject = [
        "Inspection at {id}.",
        "Property: {id}",
        "Tenant also rents at {id}.",
        "Second HMO identified - {id}.",
    ]
    return free_text(rng, rows, plain, inject, lambda r: v.address(r), 0.09)


def modern_slavery_nrm_narrative(rng, rows):
    plain = [
        "Potential victim found at car wash in {town} during joint visit.",
        "Indicators: no access to passport, debt bondage, living on site.",
        "First responder: police; referral sent to SCA on {date}.",
        "Reasonable grounds decision positive.",
        "Safe house place via {charity}.",
        "Interpreter (Vietnamese) used throughout.",
        "Worked {n} hours a day for a nail bar chain.",
        "Duty to notify completed, no consent to NRM.",
        "Crime ref {ref} - investigation ongoing.",
    ]
    inject = [
        "NI number {id} found to be used by several workers.",
        "NINO {id} given by employer.",
        "Payslips show NI no {id}.",
        "ni {id}",
    ]

    def make(r):
        n = v.ni_number(r)
        return r.choice([n, f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}", n.lower()])

    return free_text(rng, rows, plain, inject, make, 0.05)


def tenancy_sustainment_log(rng, rows):
    plain = [
        "Home visit, tenant engaging; rent arrears now £{n}{score}.",
        "Rent account 44{n}{score}7 - DHP application submitted.",
        "Referred to {charity} for debt advice.",
        "Hoarding level {n} on clutter scale, OT referral.",
        "Universal Credit managed payment requested {date}.",
        "Anti-social behaviour warning discussed.",
        "Tenant did not answer, card left at {time}.",
        "Starter tenancy extended 6 months.",
        "Furniture from recycling scheme delivered.",
    ]
    inject = [
        "UPRN {id}.",
        "Property UPRN {id} per housing system.",
        "(uprn {id})",
        "Moved to {id} (UPRN) last month.",
    ]
    return free_text(rng, rows, plain, inject, lambda r: v.uprn(r), 0.055)


def sylwadau_dysgwr(rng, rows):
    plain = [
        "Dysgwr yn gwneud cynnydd da - Entry Level 3 ESOL.",
        "Mynychu dosbarth nos Fawrth yn {town}.",
        "Learner enrolled on Functional Skills Maths L1.",
        "Missed {n} sessions, tutor to follow up.",
        "Needs reading glasses - referred to learning support.",
        "Hoffai symud i Lefel 2 ym mis Medi.",
        "Childcare funded via Learner Support Fund.",
        "Passed City & Guilds unit on {date}.",
        "Prefers Welsh-medium feedback.",
    ]
    inject = [
        "Anfon gwaith at {id}.",
        "Email homework to {id}",
        "contact: {id}",
        "Changed email to {id}.",
    ]
    return free_text(rng, rows, plain, inject, lambda r: v.email(r), 0.10)


def memory_clinic_letter_text(rng, rows):
    plain = [
        "ACE-III {score}/100 with losses in memory and fluency.",
        "MRI head at {hosp}: small vessel disease.",
        "Started {drug} 5 mg, review in 12 weeks.",
        "Lives with {rel} in {town}; Power of Attorney in place.",
        "Driving: advised to inform DVLA.",
        "Diagnosis: Alzheimer's disease, mixed type.",
        "Post-diagnostic support via Alzheimer Scotland link worker.",
        "Seen with {rel} on {date}.",
        "MoCA {score}/30.",
    ]
    inject = [
        "CHI {id}",
        "Re: CHI No. {id}",
        "(CHI: {id})",
        "patient CHI {id} - letter copied to GP",
    ]
    return free_text(
        rng, rows, plain, inject, lambda r: v.chi_number(r, v.rand_date(r, 1930, 1960)), 0.055
    )


def tissue_viability_handover(rng, rows):
    plain = [
        "Grade 3 pressure ulcer sacrum, Waterlow {score}.",
        "Dressing: silver alginate, change every 3 days.",
        "Air mattress ordered from equipment store.",
        "Wound measured {n} x {score} mm, slough 40%.",
        "Bay {ward}, bed {n}: heels offloaded.",
        "Datix completed {date}.",
        "Dietitian referral for protein supplements.",
        "Leg ulcer clinic at {hosp} next week.",
        "Photos uploaded to wound app.",
    ]
    inject = [
        "Hosp no {id}.",
        "Please chase photos for {id}.",
        "MRN {id} - handed over to night TVN.",
        "{id} Bay {ward}",
    ]
    return free_text(
        rng,
        rows,
        plain,
        inject,
        lambda r: v.hospital_number(r, r.choice(["K", "RX", "M", "D"])),
        0.06,
    )


def pest_control_job_notes(rng, rows):
    plain = [
        "Treatment for {pest}, bait boxes x{n} placed in loft.",
        "Revisit in 14 days to check take.",
        "Proofing advice given - gap under back door.",
        "Drains survey recommended (Section 80 possible).",
        "Domestic job, concession rate (UC).",
        "Commercial premises - takeaway on {street}, food hygiene team informed.",
        "No access at {time}, card left.",
        "Wasps' nest in soffit treated with permethrin dust.",
        "Neighbouring properties also affected.",
    ]
    inject = [
        "Job address postcode {id}.",
        "Rats also reported at {id}.",
        "pc {id}",
        "Neighbour at {id} to be visited.",
    ]

    def make(r):
        p = v.postcode(r)
        return r.choice([p, p.lower(), p.replace(" ", "")])

    return free_text(rng, rows, plain, inject, make, 0.12)


def trading_standards_complaint(rng, rows):
    plain = [
        "Doorstep crime: roofer quoted £{n}00 then demanded more.",
        "Counterfeit tobacco seized from shop in {town}.",
        "Consumer contacted via Citizens Advice consumer line.",
        "Underage sale test purchase failed ({n} yr old volunteer).",
        "Online trader not responding, chargeback advised.",
        "Scam mail victim, call blocker fitted.",
        "Second-hand car sold with clocked mileage.",
        "Product safety: e-scooter charger recalled.",
        "Warning letter issued {date}.",
    ]
    inject = [
        "Trader's van {id} seen at several addresses.",
        "Car reg {id}.",
        "Vehicle {id} sold by the trader.",
        "reg {id} (white Transit)",
    ]
    return free_text(rng, rows, plain, inject, lambda r: v.vehicle_reg(r), 0.06)
