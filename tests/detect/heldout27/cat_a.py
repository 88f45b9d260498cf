# ruff: noqa: RUF001  (en dashes and dotless i are deliberate: clerks type them)
"""Category a: free-text columns with identifiers in a minority of rows."""

import random

from . import pools
from . import values as v

MASH_BG = [
    "Referral from school DSL re: child arriving hungry and unkempt.",
    "Police PPN received overnight, DA incident at home, children present.",
    "Threshold: level 3 – progress to s.17 assessment.",
    "Strategy discussion not required at this stage; NFA from MASH, signpost to Early Help.",
    "Health visitor concerns about home conditions and missed 2-year review.",
    "Mum disclosed to {org} that she is struggling with rent and food.",
    "Consent obtained verbally from parent for MASH checks.",
    "Previous referrals x3 in last 12 months (neglect).",
    "Child seen at {town} walk-in centre with unexplained bruising to upper arm.",
    "RAG rated AMBER. Decision by team manager within 24hrs.",
    "Information shared with {org} under Working Together 2023.",
    "Anonymous caller reports shouting from the flat most evenings.",
    "School attendance 71% this term; persistent lateness.",
    "Case ref checked: no open episode on system.",
]
EH_BG = [
    "Family agreed Early Help plan; TAF meeting booked at the family hub.",
    "Dad wants support with routines and bedtimes.",
    "Lead professional: school family support worker.",
    "Referred on to {org} for parenting course (Triple P).",
    "Call back via main switchboard, ask for ext {ext}.",
    "Review in 6 weeks. Scaled score moved from 3 to 6.",
    "Housing disrepair – damp in kids' bedroom; landlord contacted.",
    "Mum's phone often off, try after 3pm school run.",
    "Outcome star completed with young person.",
    "Debt advice: signposted to {org}.",
    "No mobile credit – use landline at nan's (number on file).",
    "Sibling at {school} also known to EH team.",
]
WELSH_BG = [
    "Diolch am y gefnogaeth gyda'r plant.",
    "Roedd y sesiwn yn help mawr, mae Mam yn hapus.",
    "Family happy with the support from the hub worker.",
    "Angen help gyda chludiant i'r ysgol.",
    "Would like more sessions in the holidays please.",
    "Mae'r plant wedi mwynhau'r clwb ieuenctid.",
    "Not happy with waiting time for the CAMHS appointment.",
    "Prefer contact by letter, not email.",
    "Cysylltwch â ni drwy'r ysgol os gwelwch yn dda.",
    "Found the parenting course useful – especially week 4.",
    "Email me @ any time after 6.",
]
RHI_BG = [
    "YP returned of own accord at 02:40, reported by carer at 22:15.",
    "Says they were with friends in {town} town centre, would not name them.",
    "Push factors: arguments with stepdad about phone use.",
    "Pull factors: older peers, possible exploitation – CCE screening tool completed.",
    "Declined to say where they slept. Had new trainers and a second phone.",
    "Interview offered within 72 hrs; accepted. Held at school.",
    "Found by police near {street} bus station.",
    "Referred to Complex Safeguarding Team; NRM not indicated at present.",
    "Missing episode no. {n} this year.",
    "YP says they feel safer at home now.",
    "Seen getting into a taxi near the retail park.",
]
CP_BG = [
    "Chair welcomed attendees and explained the purpose of the conference.",
    "Apologies: GP (report submitted), CAMHS.",
    "Decision: child to be subject to a Child Protection Plan under category Neglect.",
    "Core group to meet within 10 working days.",
    "Parents did not agree with the decision; their views are recorded.",
    "Police checks: one previous DA call-out.",
    "Health: immunisations up to date; dental registration outstanding.",
    "Legal gateway meeting to be considered if no progress by review.",
    "Report ref {badnhs} circulated late – parents had not seen it.",
    "Review conference set for three months' time.",
    "Unanimous agreement from voting agencies.",
]
UASC_BG = [
    "YP settled well in semi-independent placement. Attending ESOL at college.",
    "Age assessment (Merton-compliant) scheduled.",
    "Interpreter used (Tigrinya) by phone.",
    "Visited by Home Office – SEF completed with support of solicitor.",
    "Reports poor sleep, flashbacks. Referred to Refugee Council therapeutic service.",
    "Travelled via Libya and Italy; arrived in Kent by small boat.",
    "Pocket money and clothing allowance paid.",
    "Mosque contact arranged at YP's request.",
    "Registered with GP; TB screening done.",
    "Keyworker session: budgeting and cooking.",
    "No documents on arrival.",
]
KIN_BG = [
    "Applicants are the maternal grandparents; both retired.",
    "Viability assessment positive; full SGO assessment commissioned.",
    "Home has 3 bedrooms, child would have own room.",
    "DBS enhanced checks requested for both adults in household.",
    "Financial statement: pension credit and attendance allowance.",
    "Contact with birth parents to be supervised at the contact centre.",
    "SGO support plan includes allowance means-tested under 2005 regs.",
    "Medical from GP received – fit to care.",
    "Carer attended kinship training with {org}.",
    "Reg 24 placement approved by ADM.",
    "Carer's employer confirmed hours in writing.",
]
HUB_BG = [
    "Came in for baby weigh clinic, then stayed for stay and play.",
    "Asked about {org} and free nappies; gave leaflet.",
    "Dad from {town} new to area, wants to meet other parents.",
    "Registered at the hub for HAF summer sessions.",
    "Mum upset, used quiet room; signposted to {org}.",
    "Family of 5 – uniform exchange and food parcel.",
    "Grandparent carer asking about kinship support group.",
    "Booked onto Incredible Years course.",
    "Lots of families today – 32 through the door.",
    "Help with the Healthy Start card application.",
    "Referred to {org} benefits drop-in.",
]
ATT_BG = [
    "Home visit – no answer, card left.",
    "Spoke to parent on doorstep; child unwell with D&V per mum.",
    "Attendance 64.2% – persistent absence. Parenting contract offered.",
    "Penalty notice warning letter issued.",
    "Child seen at the window, appeared well.",
    "School transport issue – bus pass expired.",
    "Anxiety-based school avoidance; referral to MHST.",
    "Family moved within {town}, school informed.",
    "Y10 student, missed 14 sessions since half term.",
    "Meeting in school with head of year.",
    "Possible CME – family may have left the country.",
]
CAF_BG = [
    "The court has asked me to consider the child's wishes and feelings.",
    "Hearing listed for {recent} at {town} Family Court.",
    "Both parents attended the MIAM but mediation was not pursued.",
    "Safeguarding checks with police and local authority returned information.",
    "The child expressed a wish to spend weekends with father.",
    "I recommend a Child Arrangements Order for the child to live with mother.",
    "Indirect contact by letter to continue monthly.",
    "The welfare checklist has been applied.",
    "Final hearing {recent}; DRA {recent}.",
    "Supervised contact at the child contact centre went well.",
    "Report filed {recent}.",
]
HAF_BG = [
    "Nut allergy – EpiPen in bag.",
    "Eligible via FSM. Booked 4 days x 2 weeks.",
    "Needs 1:1 support (autism).",
    "Booking ref {chifail} – paid by voucher.",
    "Halal meals please.",
    "Sibling also booked; please keep together.",
    "Collected by older brother (17).",
    "No photos consent.",
    "Wheelchair user – needs accessible venue.",
    "Moved down from Scotland last year, new to the programme.",
    "Attended 3 of 4 sessions.",
]
YC_BG = [
    "Verbal altercation between two members at pool table, resolved by staff.",
    "Young person left without signing out at 20:45.",
    "Concern: older males waiting outside the club in a car.",
    "Vape confiscated and returned to parent.",
    "Staff ratio 1:8. Two new members.",
    "Minor injury on the 5-a-side pitch – first aid given, accident book completed.",
    "Police called re: fireworks thrown near the entrance.",
    "DSL informed; logged on CPOMS.",
    "Taxi firm car seen, plate not noted.",
    "Y9 group cooking session went well.",
    "Door staff locked up at 21:30.",
]
BB_BG = [
    "Mum 34/40, no baby items, recently moved into temp accommodation.",
    "Referred by midwife: fleeing DA, needs Moses basket and clothes 0-3m.",
    "Family on UC, sanction applied; needs nappies size 4 and formula.",
    "Twins due, need second car seat.",
    "Refugee family, arrived last month, nothing for newborn.",
    "Asking for pram – one on loan returned broken.",
    "Steriliser and bottles requested.",
    "Bundle collected by HV on family's behalf.",
    "Referral from {org}.",
    "Baby in NICU, parents need travel cot for discharge.",
]
CC_BG = [
    "Handover went smoothly, child happy to go with dad.",
    "Resident parent arrived 10 mins late.",
    "Child reluctant at first but settled with toys.",
    "Staggered arrival and departure as per court order.",
    "No concerns noted by volunteers.",
    "Contact cancelled – child unwell.",
    "Non-resident parent brought gifts; agreed beforehand.",
    "Supervised session, notes sent to Cafcass.",
    "Grandmother also attended (approved on referral form).",
    "Parents kept apart; separate waiting rooms used.",
]

_CONN = ["  ", " ", "\n", " ", " - ", "\r\n", " / ", " "]


def _fill(rng: random.Random, text: str) -> str:
    reps = {
        "{org}": lambda: rng.choice(pools.ORGS),
        "{town}": lambda: rng.choice(pools.TOWNS),
        "{school}": lambda: rng.choice(pools.SCHOOLS),
        "{street}": lambda: rng.choice(pools.STREETS),
        "{ext}": lambda: str(rng.randint(2000, 8999)),
        "{n}": lambda: str(rng.randint(2, 19)),
        "{recent}": lambda: v.fmt_date(v.recent_date(rng), rng.choice([0, 2, 6])),
        "{badnhs}": lambda: _badnhs(rng),
        "{chifail}": lambda: v.chi_fail(rng),
    }
    for key, fn in reps.items():
        while key in text:
            text = text.replace(key, fn(), 1)
    return text


def _badnhs(rng: random.Random) -> str:
    t = v.mod11_fail(rng, first=str(rng.randint(3, 9)))
    return rng.choice([t, f"{t[:3]} {t[3:6]} {t[6:]}"])


def _prose(rng: random.Random, bg: list[str], hit: str | None) -> str:
    n = rng.choice([1, 1, 2, 2, 3, 4])
    parts = [_fill(rng, t) for t in rng.sample(bg, n)]
    if hit is not None:
        parts.insert(rng.randint(0, len(parts)), hit)
    out = parts[0]
    for p in parts[1:]:
        out += rng.choice(_CONN) + p
    return v.messy(rng, out, p_case=0.04, p_space=0.15)


def _column(rng, rows, rate, bg, make_hit, p_blank=0.05):
    hits = v.sprinkle(rng, rows, rate)
    out = []
    for i in range(rows):
        if i in hits:
            out.append(_prose(rng, bg, make_hit(rng)))
        elif rng.random() < p_blank:
            out.append(None)
        else:
            out.append(_prose(rng, bg, None))
    return out


def mash_referral_narrative(rng, rows):
    def hit(r):
        f, s = v.full_name(r)
        return r.choice(
            [
                f"Child: {f} {s}, Y4.",
                f"Mother's new partner named as {f} {s.upper()}.",
                f"Referrer states {f} {s} has been staying at the address.",
                f"Sibling {f} {s} (aged {r.randint(2, 16)}) also in household.",
            ]
        )

    return _column(rng, rows, 0.08, MASH_BG, hit)


def early_help_assessment_summary(rng, rows):
    def hit(r):
        p = v.phone_text(r, mobile=r.random() < 0.6)
        return r.choice(
            [
                f"Mum's new number: {p}",
                f"Best contact {p} (dad)",
                f"tel {p.replace(' ', '')}",
                f"Nan's landline {p} – only after 5.",
            ]
        )

    return _column(rng, rows, 0.05, EH_BG, hit)


def sylwadau_r_teulu(rng, rows):
    def hit(r):
        e = v.email(r)
        return r.choice([f"Ebost: {e}", f"please email {e}", f"Fy nghyfeiriad e-bost yw {e}."])

    return _column(rng, rows, 0.06, WELSH_BG, hit)


def return_interview_notes(rng, rows):
    def hit(r):
        a = v.address(r)
        return r.choice(
            [
                f"Stayed at {a} (friend's older brother's flat).",
                f"Found at {a} by police.",
                f"Address given: {a}.",
                f"Says they were at {a} for two nights.",
            ]
        )

    return _column(rng, rows, 0.09, RHI_BG, hit)


def cp_conference_minutes_extract(rng, rows):
    def hit(r):
        n = v.nhs_number(r)
        n = r.choice([n, f"{n[:3]} {n[3:6]} {n[6:]}"])
        return r.choice(
            [
                f"Health records checked (NHS {n}).",
                f"Baby NHS no. {n} – registered with GP.",
                f"Unborn – mother's NHS number {n}.",
            ]
        )

    return _column(rng, rows, 0.04, CP_BG, hit)


def uasc_keyworker_log(rng, rows):
    def hit(r):
        p = v.passport(r)
        return r.choice(
            [
                f"Passport now recovered from uncle: {p}.",
                f"Passport no {p} copied to file.",
                f"Embassy issued new passport ({p}).",
            ]
        )

    return _column(rng, rows, 0.05, UASC_BG, hit)


def kinship_assessment_narrative(rng, rows):
    def hit(r):
        n = v.ni_number(r)
        if r.random() < 0.4:
            n = f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}"
        return r.choice(
            [f"Carer's NI number {n} (for allowance).", f"NINo: {n}", f"Grandfather NI {n}."]
        )

    return _column(rng, rows, 0.06, KIN_BG, hit)


def family_hub_drop_in_comments(rng, rows):
    def hit(r):
        f = r.choice(pools.FORENAMES)
        return r.choice(
            [
                f"{f}'s mum came in again.",
                f"Spoke to {f} about nursery place.",
                f"{f} (dad) asked about HAF.",
                f"Gave {f} the leaflet.",
            ]
        )

    return _column(rng, rows, 0.12, HUB_BG, hit)


def attendance_officer_visit_note(rng, rows):
    def hit(r):
        p = v.postcode(r)
        p = r.choice([p, p.replace(" ", ""), p.lower()])
        return r.choice(
            [
                f"New address postcode {p}.",
                f"Visited {p} – wrong house.",
                f"Family now in {p} area.",
            ]
        )

    return _column(rng, rows, 0.09, ATT_BG, hit)


def cafcass_s7_report_excerpt(rng, rows):
    def hit(r):
        d = v.child_dob(r)
        t = v.fmt_date(d, r.choice([0, 2, 1]))
        return r.choice(
            [f"Child (DOB {t}).", f"born {t}", f"The subject child, date of birth {t},"]
        )

    return _column(rng, rows, 0.05, CAF_BG, hit)


def haf_booking_comments(rng, rows):
    def hit(r):
        c = v.chi_number(r)
        c = r.choice([c, f"{c[:6]} {c[6:]}"])
        return r.choice([f"CHI from Scottish school: {c}", f"Old CHI no {c}", f"(CHI {c})"])

    return _column(rng, rows, 0.04, HAF_BG, hit)


def youth_club_incident_text(rng, rows):
    def hit(r):
        p = v.vrm(r)
        return r.choice(
            [
                f"Car reg {p} seen again outside.",
                f"Silver Golf {p} picked up two girls.",
                f"Plate noted: {p}",
            ]
        )

    return _column(rng, rows, 0.06, YC_BG, hit)


def baby_bank_referral_reason(rng, rows):
    def hit(r):
        h = v.hospital_number(r)
        return r.choice(
            [f"Maternity hosp no {h}.", f"MRN {h} – delivered last week.", f"Ref from ward: {h}"]
        )

    return _column(rng, rows, 0.04, BB_BG, hit)


def contact_centre_handover_notes(rng, rows):
    def hit(r):
        s = r.choice(pools.SURNAMES)
        t = r.choice(["Mr", "Mrs", "Ms", "Miss"])
        return r.choice(
            [
                f"{t} {s} collected at 4pm.",
                f"{t} {s} asked for extra time.",
                f"Handover to {t} {s} via staff.",
            ]
        )

    return _column(rng, rows, 0.08, CC_BG, hit)
