"""Category a: free-text columns where an identifier appears in a minority of rows."""

import random

from . import pools
from . import values as v


def _recent(rng: random.Random) -> str:
    return v.date_between(rng, 2023, 2025).strftime(rng.choice(["%d/%m/%Y", "%d/%m/%y", "%d %b"]))


def _ctx(rng: random.Random) -> dict:
    return {
        "town": rng.choice(pools.TOWNS),
        "town2": rng.choice(pools.TOWNS),
        "org": rng.choice(pools.ORGS),
        "day": rng.choice(pools.DAYS),
        "date": _recent(rng),
        "amount": f"£{rng.randint(12, 4800):,}.{rng.randint(0, 99):02d}",
        "drug": rng.choice(pools.DRUGS),
        "venue": rng.choice(pools.VENUES),
        "rel": rng.choice(pools.RELATIONSHIPS),
        "n": rng.randint(2, 14),
        "time": f"{rng.randint(0, 11):02d}:{rng.choice(['00', '15', '20', '30', '45', '50'])}",
        "time2": f"{rng.randint(12, 23):02d}:{rng.choice(['00', '10', '30', '40'])}",
        "team": rng.choice(pools.TEAMS),
        "decoy": v.mod11_invalid(rng),
        "cop": f"{rng.randint(1000000, 9999999)}{rng.choice('TAJ')}",
    }


def _prose(rng, rows, rate, hits, fillers, make_id, blank=0.07, case_noise=True):
    chosen = v.hit_rows(rng, rows, rate)
    out: list[str | None] = []
    for i in range(rows):
        ctx = _ctx(rng)
        if i in chosen:
            ctx["x"] = make_id(rng)
            text = rng.choice(hits).format(**ctx)
        elif rng.random() < blank:
            out.append(None)
            continue
        else:
            k = rng.choice([1, 1, 2, 2, 3])
            text = " ".join(f.format(**ctx) for f in rng.sample(fillers, k))
        if case_noise:
            r = rng.random()
            if r < 0.06:
                text = text.upper()
            elif r < 0.12:
                text = text.lower()
            elif r < 0.18:
                text = "  " + text + " "
        out.append(text)
    return out


def _nhs_in_text(rng):
    n = v.nhs_number(rng)
    return rng.choice([n, f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}"])


def cop_application_narrative(rng, rows):
    hits = [
        "COP1 completed for P. NHS no {x} confirmed with GP practice in {town}.",
        "Capacity assessment (COP3) returned from {org}; NHS {x}. Hearing listed {date}.",
        "Application re property and affairs. P's NHS number: {x}. Bank statements to follow.",
        "Respondent notified {date}.\nNHS No. {x} (checked on Spine)\nawaiting COP24 from {rel}.",
    ]
    fillers = [
        "COP1 and COP1A sent to court {date}.",
        "Court ref {cop} - fee remission applied.",
        "Finance ref {decoy} quoted on OPG letter.",
        "Capacity assessment completed by allocated worker; lacks capacity re finances.",
        "P lives alone in {town}; {rel} visits {day}s.",
        "Bank holds {amount} in current account; savings account frozen.",
        "Awaiting order. Chased HMCTS {date}.",
        "Best interests meeting held at {venue}, {n} attendees.",
        "Statutory will application considered but not pursued.",
        "Urgent application - P at risk of eviction, arrears {amount}.",
    ]
    return _prose(rng, rows, 0.08, hits, fillers, _nhs_in_text)


def edt_log_entry(rng, rows):
    hits = [
        "{time} call from {rel} on {x} - worried, P not answering door.",
        "{time} Police CAD passed over.\nCallback no. {x}\nAdvised to attend {town} custody.",
        "{time} tel {x} (mob) re respite placement breakdown. Duty manager informed.",
        "{time} rang back on {x}, no answer, left VM.",
    ]
    fillers = [
        "{time} call from {org} re placement in {town}.",
        "{time} Advice given. No further action tonight.",
        "{time} AMHP request - MHA assessment arranged for {day}.",
        "{time} Out of hours GP contacted, {drug} prescribed.\nHandover to day team.",
        "{time} Emergency placement sought - {n} providers contacted, none available.",
        "{time} Welfare check requested from police; attended {time}, all well.",
        "{time} Carer did not arrive; agency {org} to cover.",
        "{time} Log closed.",
    ]
    return _prose(rng, rows, 0.10, hits, fillers, lambda r: v.phone_format(r, v.phone(r)))


def befriending_visit_notes(rng, rows):
    def name(r):
        f, s = v.full_name(r)
        return f"{f} {s}"

    hits = [
        "Visit went well. Neighbour {x} popped in and joined us for tea.",
        "Talked about her late husband and his time at the pit in {town}. "
        "{rel} {x} rang during visit.",
        "Client asked for {x} to be added as a second contact.",
        "Met at {venue}. {x} from the same street came too - might like a befriender herself.",
    ]
    fillers = [
        "Visit went well, we did the crossword and talked about {town}.",
        "Walked to the park and back; client tired but cheerful.",
        "Client's {rel} was there, said the care agency from {org} is late again.",
        "Went to the dementia cafe at {venue} on {day}.",
        "Phoned instead of visiting - client had a cold.",
        "Talked about holidays in {town2} in the sixties.",
        "Client worried about the heating bill ({amount}). Signposted to {org}.",
        "Nothing to report.",
        "Played dominoes. Next visit {day}.",
    ]
    return _prose(rng, rows, 0.06, hits, fillers, name)


def dementia_cafe_feedback(rng, rows):
    hits = [
        "Lovely afternoon. Please add me to the mailing list: {x}",
        "My {rel} enjoyed the singing. Contact me on {x} about the trip to {town}.",
        "email {x} re volunteering",
        "Could you send the newsletter to {x} instead of posting it?",
    ]
    fillers = [
        "Lovely afternoon, the singing was great.",
        "More chairs please, the room at {venue} was full.",
        "Tea and cake excellent as always!!",
        "Would like the cafe to run on {day}s too.",
        "Parking difficult. Maybe use the hall in {town}?",
        "The talk from {org} was very helpful.",
        "Dad was calmer afterwards. Thank you all.",
        "Less noise please, hearing aids whistle.",
        "Enjoyed the reminiscence session about {town2}.",
    ]
    return _prose(rng, rows, 0.05, hits, fillers, v.email)


def early_help_assessment_summary(rng, rows):
    hits = [
        "Family now living at {x} after moving out of temporary accommodation.",
        "Home visit completed at {x}. Home conditions adequate.",
        "New address: {x}. School informed {date}.",
        "Mum and {n} children staying with {rel} at {x} until housing sorted.",
    ]
    fillers = [
        "Family Hub offer discussed; mum keen on parenting course on {day}s.",
        "School attendance {n}0% this term; attendance officer aware.",
        "Dad working nights, finances tight - referred to {org}.",
        "Youngest child on waiting list for speech therapy at {venue}.",
        "Step down from CIN on {date}. TAF meeting booked.",
        "Housing disrepair reported to landlord; damp in bedroom.",
        "Children enjoy the youth club in {town}.",
        "Outcome star completed, scores improved in {n} areas.",
    ]
    return _prose(rng, rows, 0.12, hits, fillers, lambda r: v.address(r))


def kinship_sgo_narrative(rng, rows):
    def ni(r):
        n = v.ni_number(r)
        return rng_choice_ni(r, n)

    hits = [
        "Applicant's NI number {x} used for the DBS and benefits check.",
        "Grandmother confirmed NINO {x}; Child Benefit transfer started.",
        "SGO allowance set up - NI {x}, payments from {date}.",
        "Financial statement received (NINo: {x}).",
    ]
    fillers = [
        "Child has lived with maternal grandmother in {town} since {date}.",
        "Contact with birth mother monthly at {venue}, supervised.",
        "Viability assessment positive; full assessment to panel {date}.",
        "Support plan includes SGO allowance of {amount} per week.",
        "Carers attended training run by {org}.",
        "Birth father in prison; letterbox contact only.",
        "School reports child settled, attendance good.",
        "Panel on {day} recommended approval.",
    ]
    return _prose(rng, rows, 0.07, hits, fillers, ni)


def rng_choice_ni(rng, n):
    return rng.choice([n, f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}", n.lower()])


def uasc_placement_notes(rng, rows):
    hits = [
        "Passport seen and copied, number {x}, sent to Home Office caseworker.",
        "YP produced passport {x} at reception; age dispute closed.",
        "Travel doc/passport no. {x} held in office safe.",
    ]
    fillers = [
        "YP placed in supported lodgings in {town}, settling well.",
        "Home Office ref B{n}{n}4471 - screening interview on {date}.",
        "ESOL entry level 1 at college on {day}s.",
        "Age assessment (Merton compliant) booked for {date}.",
        "Interpreter (Tigrinya) booked for LAC review.",
        "YP worried about family; Red Cross tracing via {org}.",
        "Weekly allowance {amount} paid.",
        "Health assessment done, TB screen negative.",
        "Moved from hotel in {town2} under the NTS.",
    ]
    return _prose(rng, rows, 0.09, hits, fillers, v.passport_number)


def ct_booking_comments(rng, rows):
    hits = [
        "Daughter will follow in own car reg {x}.",
        "Passenger's own mobility car {x} in for repair, needs lift on {day}.",
        "Please park behind {x} on the drive.",
        "Escort driving separately ({x}).",
    ]
    fillers = [
        "Wheelchair user - needs tail-lift minibus.",
        "Pick up from {venue} at {time}, return {time2}.",
        "Shopping trip to {town}, {n} bags.",
        "Booking cancelled by phone, no charge.",
        "Route 7 full on {day}, offered {day} instead.",
        "Fare {amount} paid by concessionary pass.",
        "Door-to-door, needs help with steps.",
        "Hospital appointment in {town2}; wait and return.",
    ]
    return _prose(rng, rows, 0.11, hits, fillers, v.vehicle_registration)


def dpa_case_notes(rng, rows):
    hits = [
        "Land Registry search done on UPRN {x}. Charge registered {date}.",
        "Property ({x}) valued at {amount} by district valuer.",
        "Legal charge sent for property ref {x}.",
        "uprn {x} - house to be let, rent to offset care fees.",
    ]
    fillers = [
        "DPA offered; resident in care home in {town}.",
        "Weekly deferred amount {amount}.",
        "Interest rate applied per national max.",
        "Family to sell house, expect completion by {date}.",
        "Solicitor {org} acting for the estate.",
        "Annual statement sent {date}.",
        "Equity limit reached - review needed.",
        "Insurance on empty property confirmed.",
    ]
    return _prose(rng, rows, 0.04, hits, fillers, v.uprn)


ESOL_NAMES = (
    pools.FORENAMES_SOUTH_ASIAN
    + pools.FORENAMES_AFRICAN
    + pools.FORENAMES_EUROPEAN
    + pools.FORENAMES_ASIAN_ME
)


def esol_tutor_comments(rng, rows):
    hits = [
        "{x} helped the new learners with the register today.",
        "Ask {x} about moving up to Entry 3.",
        "Good speaking practice; {x} did the shopping role-play.",
        "{x} absent - childcare.",
    ]
    fillers = [
        "Good progress with past tense.",
        "Group worked on form filling (GP registration).",
        "Listening test results: {n}/15 average.",
        "Class moved to {venue} this week.",
        "Reading practice with bus timetables for {town}.",
        "Certificates handed out on {day}.",
        "Learners asked for more pronunciation work.",
        "Quiet session, {n} present.",
    ]
    return _prose(rng, rows, 0.08, hits, fillers, lambda r: r.choice(ESOL_NAMES))


def respite_booking_remarks(rng, rows):
    def hosp(r):
        site, digits = v.hospital_number(r)
        return r.choice([site + digits, f"{site} {digits}", f"{site}-{digits}"])

    hits = [
        "Discharge letter quotes hosp no {x}; meds list attached.",
        "Hospital number {x} for the OT report.",
        "Ref {x} (acute trust) - recent admission, check mobility.",
    ]
    fillers = [
        "Respite booked {n} nights at {venue}.",
        "Carer's break - family going to {town}.",
        "Needs hoist and two carers.",
        "Meds: {drug} morning and night.",
        "Booking moved to {date} at family request.",
        "Charge {amount} per night, FA pending.",
        "Room with ensuite requested.",
        "Emergency respite via EDT on {day}.",
    ]
    return _prose(rng, rows, 0.10, hits, fillers, hosp)


def beachdan_neach_obrach(rng, rows):
    def chi(r):
        c = v.chi_number(r)
        return r.choice([c, f"{c[:6]} {c[6:]}"])

    hits = [
        "CHI {x} - GP aig {town}. Care package from {date}.",
        "Checked CHI ({x}) with practice, address matches.",
        "Referral from district nurse, CHI no. {x}.",
    ]
    fillers = [
        "Tadhal dachaigh air {day}. Visit went well.",
        "Carer from {org} covering mornings.",
        "SDS option 2 agreed, budget {amount}.",
        "Ferry to {town} cancelled, visit rescheduled.",
        "Gaelic speaker preferred for care staff.",
        "Respite at {venue} - {n} nights.",
        "No concerns.",
        "Family in {town2} supportive.",
    ]
    return _prose(rng, rows, 0.06, hits, fillers, chi)


def fin_assessment_notes(rng, rows):
    def born(r):
        return v.date_format(r, v.dob(r), ["%d/%m/%Y", "%d.%m.%Y", "%d %B %Y", "%d-%b-%Y"])

    hits = [
        "Resident born {x}; state pension age reached, pension credit checked.",
        "DOB {x} confirmed from passport.",
        "Attendance Allowance award (d.o.b. {x}) - higher rate.",
    ]
    fillers = [
        "Financial assessment visit on {date}.",
        "Capital over threshold - full cost payer from {date}.",
        "Disability related expenditure allowed: {amount}.",
        "Appointee is the {rel}; bank statements requested.",
        "Pension credit claim made via {org}.",
        "Charge set at {amount} per week.",
        "Review due {date}.",
        "Property disregard applies for 12 weeks.",
    ]
    return _prose(rng, rows, 0.05, hits, fillers, born)


def haf_session_notes(rng, rows):
    def pc(r):
        p = v.postcode(r)
        return r.choice([p, p.lower(), p.replace(" ", "")])

    hits = [
        "Child lives at {x}, eligible via FSM - walks from home.",
        "Parent asked for the {town} session nearer home ({x}).",
        "Transport needed from {x}.",
    ]
    fillers = [
        "{n} children attended, hot lunch served.",
        "Football and cooking at {venue}.",
        "Allergy list checked (nuts, dairy).",
        "Trip to the beach at {town} on {day}.",
        "Two volunteers from {org} helped.",
        "Food parcels sent home with {n} families.",
        "Rainy day - indoor games.",
        "Session ran {time} to {time2}.",
    ]
    return _prose(rng, rows, 0.07, hits, fillers, pc)
