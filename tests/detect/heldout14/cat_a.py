"""Category a: free-text columns where an identifier appears in a minority of rows."""

import datetime as dt
import random
from collections.abc import Callable

from . import pools as pl
from . import values as vl


def _date(rng: random.Random) -> str:
    d = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(900))
    return rng.choice(
        [d.strftime("%d/%m/%y"), d.strftime("%d/%m/%Y"), d.strftime("%d %b"), d.strftime("%-d.%-m")]
    )


def _time(rng: random.Random) -> str:
    return rng.choice(
        [
            f"{rng.randint(7, 19):02d}:{rng.choice(['00', '15', '30', '45'])}",
            f"{rng.randint(1, 11)}pm",
            "am",
            "pm",
        ]
    )


FILL: dict[str, Callable[[random.Random], str]] = {
    "date": _date,
    "time": _time,
    "place": lambda r: r.choice(pl.PLACES),
    "country": lambda r: r.choice(pl.COUNTRIES),
    "drug": lambda r: r.choice(pl.DRUGS),
    "org": lambda r: r.choice(pl.ORGANISATIONS),
    "act": lambda r: r.choice(pl.ACTIVITIES),
    "town": lambda r: r.choice(pl.TOWNS),
    "n": lambda r: str(r.randint(2, 12)),
    "d": lambda r: str(r.randint(0, 9)),
    "hrs": lambda r: str(r.choice([2, 4, 6, 8, 10, 12, 15, 20, 35, 50])),
    "phq": lambda r: str(r.randint(3, 27)),
    "gad": lambda r: str(r.randint(2, 21)),
    "kg": lambda r: f"{r.uniform(32, 58):.1f}",
    "bmi": lambda r: f"{r.uniform(12.5, 18.9):.1f}",
    "age": lambda r: str(r.randint(6, 17)),
    "mg": lambda r: str(r.choice([5, 10, 18, 20, 27, 36, 50, 100, 500])),
    "room": lambda r: f"Room {r.randint(1, 14)}",
    "batch": lambda r: (
        r.choice("ABCDEFGHKLMNPRSTWXY")
        + r.choice("ABCDEFGHKLMNPRSTWXY")
        + str(r.randint(100, 999))
        + r.choice("ABCDEFGH")
    ),
    "bowel": lambda r: r.choice(
        ["Boston 2/3/3", "Boston 3/3/3", "BBPS 7", "fair prep", "poor prep"]
    ),
}


def _fill(rng: random.Random, template: str) -> str:
    out = template
    for key, fn in FILL.items():
        token = "{" + key + "}"
        while token in out:
            out = out.replace(token, fn(rng), 1)
    return out


def _mess(rng: random.Random, text: str) -> str:
    r = rng.random()
    if r < 0.06:
        text = text.upper()
    elif r < 0.12:
        text = text.lower()
    if rng.random() < 0.12:
        text = text.replace(". ", ".\n", 1)
    if rng.random() < 0.08:
        text = "  " + text
    if rng.random() < 0.08:
        text = text + " "
    if rng.random() < 0.05:
        text = text.replace(" ", "  ", 1)
    return text


def _prose(rng: random.Random, background: list[str], lo: int = 1, hi: int = 3) -> str:
    k = rng.randint(lo, hi)
    return " ".join(_fill(rng, rng.choice(background)) for _ in range(k))


def free_text_with_hits(
    rng: random.Random,
    rows: int,
    background: list[str],
    hit_templates: list[str],
    make_id: Callable[[random.Random], str],
    rate: float,
    blank: float,
) -> tuple[list[str | None], list[int]]:
    n_hits = round(rate * rows)
    non_blank = [i for i in range(rows) if rng.random() >= blank]
    hits = sorted(rng.sample(non_blank, n_hits))
    hit_set = set(hits)
    values: list[str | None] = [None] * rows
    for i in non_blank:
        text = _prose(rng, background)
        if i in hit_set:
            sentence = _fill(rng, rng.choice(hit_templates)).replace("{ID}", make_id(rng))
            text = rng.choice([f"{sentence} {text}", f"{text} {sentence}"])
            values[i] = text if rng.random() < 0.5 else text.replace(". ", ".\n", 1)
        else:
            values[i] = _mess(rng, text)
    return values, hits


# ---------------------------------------------------------------- backgrounds
CARER_BG = [
    "Carer's assessment completed at home {date}.",
    "Cares approx {hrs} hrs/wk for mum, dementia dx 2021.",
    "Carer reports poor sleep, wakes {n}x a night.",
    "Discussed carers' break options - {org} respite 1 wk per qtr.",
    "Carer's Emergency Card issued.",
    "Eligible needs under s.10 identified; support plan to follow.",
    "Struggling with own health (arthritis), pt of surgery in {town}.",
    "Referred to {org} for benefits check.",
    "Direct payment for sitting service considered, declined for now.",
    "Wellbeing score {n}/14. Review in 6 months.",
    "Works part time, employer aware. Flexible working agreed.",
    "Young carer in household (age {age}) - referral to young carers project.",
]
CARER_HIT = [
    "Best contact carer mob {ID}.",
    "Carer asked to be rung on {ID} not landline.",
    "tel {ID} (carer)",
    "Contact on {ID} after 6pm.",
]
SHARED_LIVES_BG = [
    "Matching meeting held at {place} hub {date}.",
    "Introductory visits x{n} went well, enjoys the garden.",
    "Household has a dog - pt fine with animals.",
    "Long-term arrangement proposed, panel date {date}.",
    "Short breaks only (weekends), {n} nights per month.",
    "Carer approved at panel, annual review due {date}.",
    "Risk assessment updated re: road safety and kitchen.",
    "Attends {act} on Wednesdays.",
    "Scheme worker to visit fortnightly during settling-in period.",
    "Medication support level 2 - MAR chart in house.",
]
SHARED_LIVES_HIT = [
    "Matched with SL carer {ID}.",
    "Arrangement with {ID} to start {date}.",
    "{ID} (carer) happy to offer respite.",
    "Placed with {ID} for short breaks.",
]
DAY_CENTRE_BG = [
    "Slip in toilet {time}, no injury, obs fine.",
    "Refused lunch, ate biscuits and tea instead.",
    "Became distressed during bingo, settled with 1:1.",
    "Transport late ({time}), pt anxious on arrival.",
    "Minor skin tear L forearm, dressed with steri-strips.",
    "Choked briefly on sandwich - SALT referral advised, soft diet.",
    "Absconded from garden, found at {place} bus stop after 10 min.",
    "Verbal altercation with another member, both calm now.",
    "Missed {drug} dose - family informed.",
    "Incident form IR-{d}{d}{d}{d} completed.",
]
DAY_CENTRE_HIT = [
    "NHS no {ID} on incident form.",
    "Datix raised, NHS {ID}.",
    "(NHS {ID})",
    "Ambulance called, gave NHS number {ID}.",
]
MOW_BG = [
    "No answer, left meal in porch as agreed.",
    "Client asked for extra pudding.",
    "Hot meal delivered {time}, client well.",
    "Key safe code changed - ask office.",
    "Client seemed confused today, office informed.",
    "Dog loose in garden, could not deliver.",
    "Frozen meals x{n} put in freezer for weekend.",
    "Road closed near {town} station, delivery late.",
    "Client in hospital ({place}) - suspend deliveries.",
    "Diabetic meal, no sugar desserts.",
]
MOW_HIT = [
    "Deliver to {ID} from now on (moved).",
    "New address: {ID}.",
    "Meal left with neighbour at {ID}.",
    "Temporary address {ID} while house adapted.",
]
LINK_WORKER_BG = [
    "Initial conversation, what matters to me: getting out of house.",
    "Linked to {act}. Attended {n} sessions.",
    "Referred by practice for isolation and low mood.",
    "Wellbeing star completed, score {d}/10 on loneliness.",
    "Signposted to {org} for debt advice.",
    "Warm home discount application supported.",
    "Did not attend {date}, rebooked.",
    "Volunteering taster day at {org}.",
    "Discharged - goals met. ONS4 improved.",
]
LINK_WORKER_HIT = [
    "Prefers contact by e-mail: {ID}.",
    "Sent leaflet to {ID}.",
    "email {ID}",
    "Zoom link sent to {ID} for group.",
]
IAPT_BG = [
    "Session {n} of 8. PHQ-9 {phq}, GAD-7 {gad}.",
    "Step 2 guided self-help, worksheets on worry time.",
    "Behavioural activation - scheduled walks at {place}.",
    "Risk: no current thoughts of harm, protective factors children.",
    "Discussed sleep hygiene. WSAS {n}.",
    "Stepped up to Step 3 CBT, waiting list ~{n} weeks.",
    "ADSM: phobia scale {n}. Exposure hierarchy started.",
    "Telephone session {time}. Engaged well.",
    "Did not attend, opt-in letter sent.",
    "On {drug} from GP, no change.",
]
IAPT_HIT = [
    "{ID} reports feeling better this week.",
    "Agreed with {ID} to try thought records.",
    "{ID} tearful when discussing work.",
    "Asked {ID} to rate mood daily.",
]
CAMHS_BG = [
    "Referral from school nurse, {age}yo, low mood since Sept.",
    "Year {n} pupil, attendance 62%.",
    "Self-harm (cutting) x{n} in last month, superficial.",
    "Seen {date} with mum, plan to offer choice appt.",
    "Risk RAG amber. Safety plan shared with school.",
    "Previous CAMHS episode closed {date}.",
    "Sibling aged {age} also known to service.",
    "Neurodevelopmental screen suggested - ADHD ?.",
    "Sleep poor, up till 3am gaming.",
    "Triage call {time}, parent very worried.",
]
CAMHS_HIT = [
    "DOB {ID}.",
    "d.o.b. {ID} - confirm with school.",
    "Born {ID}.",
    "(DOB {ID})",
]
PERINATAL_BG = [
    "Gweld gartref {date} / home visit {date}.",
    "EPDS {n}, sleep poor, baby feeding well.",
    "{n} wythnos postnatal. Mood low in the evenings.",
    "Bonding: positive interaction observed.",
    "Partner supportive, returning to work next week.",
    "Previous PND after first baby. On {drug}.",
    "Mother and baby unit not indicated currently.",
    "Liaised with health visitor re: weight check.",
    "Cynllun gofal wedi'i adolygu. Care plan reviewed.",
    "Referred to {org} peer support group.",
]
PERINATAL_HIT = [
    "Rhif GIG / NHS no. {ID}.",
    "NHS {ID} (baby's record separate).",
    "Rhif GIG {ID}",
]
ADHD_BG = [
    "School report: struggles to stay seated, blurts out answers.",
    "Conners 3 returned by teacher, T-scores elevated.",
    "Parent concerned re: sleep and meltdowns after school.",
    "ASD assessment also requested - ADOS-2 waiting list.",
    "Previously on {drug}, stopped due to appetite.",
    "Age {age}. Year {n}. No previous referrals.",
    "Anxiety in social settings, masking at school.",
    "QbTest booked {date}.",
    "DLA being claimed, mobility component refused.",
    "EP involvement, SEN support plan in place.",
]
ADHD_HIT = [
    "Parent NI no. {ID} on benefits letter attached.",
    "Mum's NINO {ID} for DLA form.",
    "NI number {ID} (parent) given for PIP evidence.",
]
ED_BG = [
    "Weight {kg}kg, BMI {bmi}. Down 0.{d}kg.",
    "Weighed in gown, blind weighing. {kg}kg.",
    "HR 4{d} bpm, BP 9{d}/6{d}. Lying/standing done.",
    "MARSIPAN amber. Bloods {date}: K 3.{d}, PO4 0.8{d}.",
    "Meal plan 1800kcal, managing 2/3 of snacks.",
    "Commenced {drug}.",
    "Refeeding risk - on Pabrinex / thiamine.",
    "Weight restored to {kg}kg, BMI {bmi}.",
    "Compensatory exercise reported {n}x/day.",
    "Family-based treatment session {n}.",
]
ED_HIT = [
    "Bloods under hosp no {ID}.",
    "Old admission under {ID} at {place}.",
    "MRN {ID} - use for dietitian referral.",
    "Hosp no. {ID}.",
]
TRAVEL_BG = [
    "Travelling to {country} for {n} weeks, departs {date}.",
    "Yellow fever vaccine given, batch {batch}. ICVP issued.",
    "Typhim Vi batch {batch}, L deltoid.",
    "Malaria prophylaxis: {drug} advised.",
    "Hep A booster due in 6-12 months.",
    "Rabies course 2 of 3, next {date}.",
    "Visiting friends and relatives in {country}.",
    "Cholera (Dukoral) dose {n}.",
    "Pregnant - live vaccines deferred.",
    "Travel health risk assessment reviewed by nurse.",
]
TRAVEL_HIT = [
    "Passport no {ID} for ICVP.",
    "ICVP completed, passport {ID}.",
    "Pt's passport number {ID} recorded on certificate.",
]
HEPC_BG = [
    "Dry blood spot taken at {org} drop-in.",
    "RNA positive, genotype 3a. Fibroscan {n}.{d} kPa.",
    "Started {drug} {date}, 8 week course.",
    "Seen at {place} van outreach {time}.",
    "SVR12 bloods due {date}.",
    "On OST, pharmacy in {town} supervising.",
    "Lost to follow-up, peer worker to search.",
    "Partner also tested, negative.",
    "Adherence good, {n} tablets left.",
    "Moved to hostel in {town}.",
]
HEPC_HIT = [
    "Now staying at hostel {ID}.",
    "Postcode {ID} for pharmacy delivery.",
    "Lives near {ID}.",
    "Registered at address in {ID}.",
]
REABLE_BG = [
    "Visit {time}. Supervised with shower, managed well.",
    "Goal: make a hot drink independently - achieved.",
    "Perching stool and rail fitted.",
    "Pain managed with {drug}.",
    "Double-handed calls reduced to single.",
    "Day {n} of 6-week package. Mobility improving.",
    "OT review {date}, step down to {n} calls/day.",
    "Family present, happy with progress.",
    "Fall risk - uses frame indoors, stick outdoors.",
    "Key safe used, pt asleep on arrival.",
]
REABLE_HIT = [
    "Son asked us to ring {ID} before visits.",
    "Contact number now {ID}.",
    "Call {ID} if no answer at door.",
]
ENDO_BG = [
    "Colonoscopy {date}, {bowel}. Sedation midazolam 2mg.",
    "OGD: LA grade B oesophagitis. Biopsies x{n}.",
    "Polyp {n}mm removed, clipped.",
    "Prep {drug} - took as instructed.",
    "Comfort score {n}. Recovered in {room}.",
    "2WW pathway, FIT result 1{d}0.",
    "Anticoagulant held 48h prior.",
    "Discharged with escort, leaflet given.",
    "Scope withdrawn at {time}, caecum reached.",
    "Histology to follow, letter to GP.",
]
ENDO_HIT = [
    "CHI {ID} on request form.",
    "Specimen labelled CHI {ID}.",
    "(CHI {ID})",
]


def _spaced_nhs(rng: random.Random) -> str:
    n = vl.nhs_number(rng)
    return f"{n[:3]} {n[3:6]} {n[6:]}"


def _intl_phone(rng: random.Random) -> str:
    d = vl.phone_digits(rng)
    return rng.choice([f"+44 {d[1:5]} {d[5:]}", f"+44 (0){d[1:5]} {d[5:]}", f"+44{d[1:]}"])


def _dob_text(rng: random.Random) -> str:
    d = vl.dob(rng, 2006, 2020)
    return rng.choice([d.strftime("%d/%m/%Y"), d.strftime("%d.%m.%y"), d.strftime("%-d %B %Y")])


def _hosp(rng: random.Random) -> str:
    return rng.choice("KMRST") + "".join(str(rng.randrange(10)) for _ in range(7))


SPECS: dict[str, tuple[list[str], list[str], Callable[[random.Random], str], float, float]] = {
    "carer_assessment_narrative": (CARER_BG, CARER_HIT, vl.phone, 0.08, 0.15),
    "shared_lives_matching_notes": (SHARED_LIVES_BG, SHARED_LIVES_HIT, vl.full_name, 0.06, 0.2),
    "day_centre_incident_log": (DAY_CENTRE_BG, DAY_CENTRE_HIT, vl.nhs_number, 0.05, 0.1),
    "mow_driver_comments": (MOW_BG, MOW_HIT, vl.address, 0.10, 0.25),
    "link_worker_summary": (LINK_WORKER_BG, LINK_WORKER_HIT, vl.email, 0.07, 0.1),
    "iapt_session_notes": (IAPT_BG, IAPT_HIT, vl.forename, 0.05, 0.05),
    "camhs_triage_free_text": (CAMHS_BG, CAMHS_HIT, _dob_text, 0.09, 0.1),
    "nodiadau_amenedigol": (PERINATAL_BG, PERINATAL_HIT, _spaced_nhs, 0.06, 0.15),
    "adhd_referral_reason": (ADHD_BG, ADHD_HIT, vl.ni_number, 0.05, 0.05),
    "ed_weight_log_comments": (ED_BG, ED_HIT, _hosp, 0.04, 0.1),
    "travel_clinic_notes": (TRAVEL_BG, TRAVEL_HIT, vl.passport_number, 0.07, 0.1),
    "hepc_outreach_notes": (HEPC_BG, HEPC_HIT, vl.postcode, 0.08, 0.2),
    "reablement_visit_notes": (REABLE_BG, REABLE_HIT, _intl_phone, 0.06, 0.1),
    "endoscopy_nurse_comments": (ENDO_BG, ENDO_HIT, vl.chi_number, 0.05, 0.1),
}


def make_with_hits(name: str, rng: random.Random, rows: int) -> tuple[list[str | None], list[int]]:
    bg, hit, make_id, rate, blank = SPECS[name]
    return free_text_with_hits(rng, rows, bg, hit, make_id, rate, blank)


def make(name: str, rng: random.Random, rows: int) -> list[str | None]:
    return make_with_hits(name, rng, rows)[0]
