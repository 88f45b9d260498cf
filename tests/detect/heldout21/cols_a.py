"""Category a: identifiers in a minority of rows of free-text columns."""

import random

from . import pools
from . import values as v

ECM = [
    "Carer logged in 40 min late, traffic on the A629 near {place}.",
    "Call not verified - tag not scanned, carer used landline fallback.",
    "No answer at door, key safe used, client asleep in chair. All well.",
    "Double-up call, second carer did not arrive; office informed.",
    "Visit shortened at client request, meds prompted ({drug}).",
    "Missed call flagged by monitoring; rota error, covered by on-call.",
    "GPS outside geofence - carer parked round the corner.",
    "Client in {place} for respite this week, calls suspended.",
    "Phone app crashed, times entered manually by coordinator.",
    "Late due to previous call overrunning (fall, ambulance called).",
    "Client refused personal care, offered again at tea call.",
    "Handset battery died. Logged out from office PC.",
]
HELPLINE = [
    "Caller feeling low after the anniversary, talked it through. Signposted to {org}.",
    "Silent call, stayed on the line 6 minutes, caller hung up.",
    "Regular caller, lonely over the weekend, no risk identified.",
    "Caller worried about debts, gave {org} details.",
    "Caller distressed, thoughts but no plan. Safety plan discussed.",
    "Test call / wrong number.",
    "Caller wanted to talk about the football and the weather in {place}.",
    "Abusive call, ended per policy.",
    "Caller bereaved in spring, still not sleeping; suggested {org}.",
    "Long call about caring role, exhausted. Agreed to call back Thursday.",
    "Caller a young carer, signposted to {org} young carers service.",
]
IMCA = [
    "Met P on the ward at {place}. P unable to retain information about the move.",
    "Reviewed care records; best-interests meeting booked with {org}.",
    "No appropriate family to consult. Decision concerns long-term accommodation.",
    "P expressed wish to return home; recorded verbatim in report.",
    "Consulted the ward sister and the social worker by phone.",
    "Serious medical treatment referral; consultant view recorded.",
    "P calmer today. Used pictures to support communication.",
    "Report sent to decision-maker, challenge not required.",
    "DoLS authorisation noted; RPR role discussed with {org}.",
]
HEALTHWATCH = [
    "Waited three weeks for a GP appointment in {place}, very frustrating.",
    "Staff at the walk-in were lovely, could not fault them.",
    "Car parking at {place} is a nightmare, had to circle for 30 minutes.",
    "The home care agency keeps changing carers, mum gets confused.",
    "Pharmacy ran out of {drug} again.",
    "Enter & View: residents said the food had improved.",
    "Dentist not taking NHS patients anywhere near {place}.",
    "Great support from {org} after dad came home.",
    "Hospital discharge was rushed, no equipment at home.",
    "Could not get through on the phone line at 8am.",
]
CQC = [
    "Resident found on floor of lounge, no injury, observations normal.",
    "Notification of death: expected, end of life care in place, GP informed.",
    "Grade 3 pressure ulcer identified on admission from {place}.",
    "Safeguarding concern raised with {org}, alert ref pending.",
    "Police called to the service following an incident between two residents.",
    "Absence of registered manager over 28 days; deputy covering.",
    "Medication error: {drug} given twice, no harm, 111 advice followed.",
    "Serious injury: fractured wrist after fall on stairs.",
    "Event that stops the service: power cut, generator used.",
]
WHISTLE = [
    "Staff are sleeping on nights and the call bells go unanswered.",
    "Manager told us not to record falls on the system.",
    "Agency staff are working without inductions on the dementia unit.",
    "Residents left in wet pads until the day shift comes on.",
    "Money is going missing from the residents' comfort fund.",
    "Rotas are falsified before the CQC visit.",
    "Food is being rationed and the kitchen has no {drug} substitute stock.",
    "Concern about the deputy shouting at residents in {place}.",
    "PPE is locked away and we have to ask for gloves.",
]
HAH = [
    "Settled night, syringe driver running, {drug} via SD.",
    "Breakthrough pain at 0200, PRN {drug} given with good effect.",
    "Family at bedside, wife anxious, reassurance given.",
    "Mouth care done, repositioned 2-hourly.",
    "Agitation at 0330, {drug} 2.5mg sc given.",
    "DNACPR in place, ReSPECT form in the house.",
    "Daughter asked about what to expect; leaflet left.",
    "No concerns overnight. Handover to day team at 0800.",
    "Chest secretions noted, {drug} given.",
]
GRANT = [
    "We are a family of five living in a two-bedroom flat in {place}.",
    "My washing machine broke and I cannot afford a new one.",
    "Since my husband's stroke I have had to give up work to care.",
    "The grant would pay for a bed and bedding for my son.",
    "We were referred by {org} after our benefits were stopped.",
    "I need a cooker; we have been living on the microwave.",
    "Our heating bills have doubled and the children are cold.",
    "I am a kinship carer for my grandchildren.",
    "I have long COVID and cannot work full time.",
]
OUTREACH = [
    "Visited the lunch club at the church hall in {place}, 23 attended.",
    "Prayer and tea with housebound members, two visits.",
    "Took the food parcels round after Friday prayers.",
    "Langar served for 140; health stall with {org}.",
    "Welcomed a new family from the hostel; will follow up.",
    "Hospital visit to a member at {place}.",
    "Bereavement visit, the family asked for help with the funeral.",
    "Advice session on energy bills with {org}.",
    "Youth group helped with the gardening for older members.",
]
TIMESHEET = [
    "Shift extended 1hr due to unit being short.",
    "Break not taken, ward busy.",
    "Sleep-in disturbed twice.",
    "Mileage claimed between calls in {place}.",
    "Signed by nurse in charge, stamp on the back.",
    "Bank holiday rate applies.",
    "Worked on the {place} unit instead of the booked one.",
    "Cancelled on arrival; 4hr cancellation fee.",
    "Parking receipt attached.",
]
GAELIC = [
    "Caller from the islands, ferry cancelled, cannot get to appointment in {place}.",
    "Caller needed someone to talk to, lives alone, croft work hard this winter.",
    "Called about mum's care package, waiting list for carers in {place}.",
    "Caller anxious about results. Call back offered.",
    "Gaelic-speaking caller, volunteer with Gaelic took the call.",
    "Worried about a neighbour; advised to contact {org}.",
    "Caller's benefits stopped; passed to {org}.",
]
WELSH_ADV = [
    "Attended ward round at {place}; client wants leave reinstated.",
    "Explained section 3 rights again, client understood better today.",
    "Tribunal hearing date set, solicitor contacted.",
    "Complaint about food on the ward supported.",
    "Client asked for a Welsh-speaking advocate next time.",
    "CTO conditions explained; client unhappy about the depot.",
    "Visited the PICU; client in seclusion, could not meet.",
    "Managers' hearing supported, client spoke well.",
]
RECRUIT = [
    "Good values-based answers, experience with dementia at {org}.",
    "References from two previous agencies requested.",
    "DBS enhanced applied for, update service not used.",
    "Right to work checked, share code verified online.",
    "Lacks driving experience; would need walking round in {place}.",
    "Candidate withdrew after the interview.",
    "Offered subject to induction and shadow shifts.",
    "Gaps in employment explained (caring for parent).",
    "Needs care certificate; booked for next cohort.",
]
VISITOR = [
    "Visited 2-4pm, lateral flow negative.",
    "Essential care giver; brought clean clothes.",
    "Visit in the garden room because of outbreak on the first floor.",
    "Visitor arrived with a dog, allowed in lounge only.",
    "Signed in late, left after tea.",
    "Chaplain from {org} visited.",
    "Visitor stayed overnight as resident end of life.",
    "Window visit only, unit closed.",
]


def _filler(rng: random.Random, templates: list[str]) -> str:
    n = rng.choice((1, 1, 2, 2, 3))
    parts = []
    for _ in range(n):
        t = rng.choice(templates)
        parts.append(
            t.format(
                place=rng.choice(pools.PLACES_FILLER),
                org=rng.choice(pools.ORGS_FILLER),
                drug=rng.choice(pools.DRUGS),
            )
        )
    sep = "\n" if rng.random() < 0.15 else " "
    text = sep.join(parts)
    r = rng.random()
    if r < 0.1:
        text = text.upper()
    elif r < 0.2:
        text = text.lower()
    return text


def _prose(rng, rows, templates, inject, rate, blank=0.1):
    out = []
    for _ in range(rows):
        if rng.random() < blank:
            out.append(None)
            continue
        text = _filler(rng, templates)
        if rng.random() < rate:
            ident = inject(rng)
            text = ident + " " + text if rng.random() < 0.5 else text + " " + ident
        out.append(v.maybe_space(rng, text))
    return out


def ecm_exception_note(rng, rows):
    def inj(r):
        f, s = v.full_name(r)
        t = r.choice(["Mrs ", "Mr ", "", ""])
        return r.choice(
            [
                f"Client {t}{f} {s} not home.",
                f"{t}{f} {s}'s daughter rang to cancel.",
                f"Re {f} {s}: carer could not find key.",
            ]
        )

    return _prose(rng, rows, ECM, inj, 0.09)


def helpline_call_summary(rng, rows):
    def inj(r):
        n = v.phone(r)
        shown = r.choice([v.phone_pretty(n), n, "+44 " + v.phone_pretty(n)[1:]])
        return r.choice(
            [
                f"Asked for call back on {shown}.",
                f"Call back tomorrow - {shown}",
                f"(cb no. {shown})",
            ]
        )

    return _prose(rng, rows, HELPLINE, inj, 0.07)


def imca_narrative(rng, rows):
    def inj(r):
        n = v.nhs_number(r)
        shown = r.choice([n, f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}"])
        return r.choice([f"NHS no {shown}.", f"(NHS {shown})", f"Records checked under {shown}."])

    return _prose(rng, rows, IMCA, inj, 0.08)


def healthwatch_feedback(rng, rows):
    def inj(r):
        e = v.email(r)
        return r.choice([f"Please reply to {e}", f"email me {e}", f"Contact: {e}."])

    return _prose(rng, rows, HEALTHWATCH, inj, 0.07, blank=0.05)


def cqc_notif_detail(rng, rows):
    def inj(r):
        d = v.dob(r, 1921, 1960)
        return r.choice(
            [
                f"DOB {v.date_styled(r, d)}.",
                f"(born {v.date_styled(r, d)})",
                f"d.o.b. {d.strftime('%d/%m/%Y')}",
            ]
        )

    return _prose(rng, rows, CQC, inj, 0.09)


def whistleblowing(rng, rows):
    def inj(r):
        a = v.address(r, with_postcode=r.random() < 0.5)
        return r.choice([f"The tenant at {a} is affected.", f"Happening at {a}.", f"Address: {a}"])

    return _prose(rng, rows, WHISTLE, inj, 0.08, blank=0.02)


def hah_handover(rng, rows):
    def inj(r):
        h = v.hospital_number(r)
        return r.choice([f"Hosp no {h}.", f"MRN {h}", f"(notes under {h})"])

    return _prose(rng, rows, HAH, inj, 0.11)


def grant_statement(rng, rows):
    def inj(r):
        n = v.ni_number(r)
        shown = r.choice([n, f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}"])
        return r.choice([f"My NI number is {shown}.", f"NINO {shown}", f"NI: {shown}."])

    return _prose(rng, rows, GRANT, inj, 0.06, blank=0.03)


def outreach_log(rng, rows):
    def inj(r):
        p = v.postcode(r)
        return r.choice([f"New member lives {p}.", f"Drop at {p}", f"({p})"])

    return _prose(rng, rows, OUTREACH, inj, 0.1)


def timesheet_comments(rng, rows):
    def inj(r):
        g = v.vehicle_registration(r)
        return r.choice(
            [f"Own car {g}.", f"Mileage - vehicle {g}", f"Car reg {g} parked in bay 4."]
        )

    return _prose(rng, rows, TIMESHEET, inj, 0.07, blank=0.3)


def gaelic_helpline_notes(rng, rows):
    def inj(r):
        c = v.chi_number(r)
        return r.choice([f"CHI {c}.", f"Gave CHI {c[:6]} {c[6:]}", f"(chi {c})"])

    return _prose(rng, rows, GAELIC, inj, 0.08)


def welsh_advocate(rng, rows):
    def inj(r):
        f = r.choice(pools.FORENAMES)
        return r.choice(
            [f"{f} asked me to attend.", f"Spoke with {f} after lunch.", f"{f} wants to appeal."]
        )

    return _prose(rng, rows, WELSH_ADV, inj, 0.09)


def recruitment_notes(rng, rows):
    def inj(r):
        d = v.driving_licence(r)
        return r.choice(
            [f"Licence {d} checked, no points.", f"DL no {d}", f"Driving licence seen ({d})."]
        )

    return _prose(rng, rows, RECRUIT, inj, 0.07)


def visitor_remarks(rng, rows):
    def inj(r):
        p = v.passport_number(r)
        return r.choice([f"ID: passport {p}.", f"Passport no {p} seen", f"ID checked ({p})"])

    return _prose(rng, rows, VISITOR, inj, 0.06, blank=0.25)
