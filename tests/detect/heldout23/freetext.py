"""Category a: free-text columns where identifiers appear in only a minority of rows."""

import random

from . import pools
from . import values as v


def _fill(rng: random.Random, templates: list[str]) -> str:
    t = rng.choice(templates)
    return t.format(
        n=rng.randint(2, 9),
        h=rng.randint(8, 18),
        m=rng.choice(["00", "15", "30", "45"]),
        d=rng.randint(1, 28),
        mon=rng.choice(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Sep", "Oct", "Nov"]),
        yr=rng.choice([2023, 2024, 2025]),
        place=rng.choice(pools.PLACES),
        hub=rng.choice(pools.HUB_SITES),
        drug=rng.choice(pools.DRUGS),
        test=rng.choice(pools.TESTS),
        role=rng.choice(pools.STAFF_ROLES),
    )


def _mess(rng: random.Random, text: str) -> str:
    r = rng.random()
    if r < 0.08:
        return text.upper()
    if r < 0.14:
        return text.lower()
    if r < 0.22:
        return text.replace(". ", ".\n", 1)
    if r < 0.27:
        return "  " + text + " "
    return text


def _column(rng, rows, templates, embed, rate, blank=0.1):
    hits = v.pick_positions(rng, rows, rate)
    free = [i for i in range(rows) if i not in hits]
    blanks = set(rng.sample(free, round(rows * blank)))
    out: list[str | None] = []
    for i in range(rows):
        if i in blanks:
            out.append(None)
            continue
        text = _fill(rng, templates)
        if i in hits:
            text = embed(rng, text)
        out.append(_mess(rng, text))
    return out


def _join(rng, text, piece):
    if rng.random() < 0.5:
        return f"{text} {piece}"
    return f"{piece}. {text}"


GP2GP = [
    "Transfer failed - large message fragments not received. Task to records team.",
    "GP2GP failed: sender practice not enabled. Paper records requested via PCSE.",
    "Import error 25 - re-requested. Awaiting Lloyd George.",
    "Record received but integration pending {n} days. Chased by {role}.",
    "Attachment missing from bundle (scanned letters). Requested again.",
    "Duplicate record suspected, merged by data quality team.",
    "EHR extract rejected - SDS lookup mismatch on ODS. Raised with NHS England helpdesk.",
    "Transfer degraded, {n} codes unmatched; manual review booked.",
    "Retry successful after {n} attempts.",
    "No response from sending system in 8 days, falling back to paper.",
]


def gp2gp_comment(rng, rows):
    def embed(rng, text):
        n = v.nhs_number(rng)
        shown = rng.choice([n, f"{n[:3]} {n[3:6]} {n[6:]}"])
        piece = rng.choice([f"NHS no {shown}", f"re {shown}", f"(pt {shown})", f"NHS:{shown}"])
        return _join(rng, text, piece)

    return _column(rng, rows, GP2GP, embed, 0.08)


CLEANSING = [
    "FP69 flag raised - no response to 2 letters. Deduction pending.",
    "Letter returned 'not known at this address'. Marked for removal.",
    "Confirmed resident by phone, FP69 cleared.",
    "Student address - checked with university accommodation office.",
    "Care home confirms still resident. No action.",
    "Pt attended surgery {d} {mon}, flag cancelled.",
    "No contact after {n} attempts; passed to PCSE for deduction.",
    "Ghost patient review: last consultation {yr}. Letter sent.",
    "Overseas - left UK per relative. Awaiting confirmation.",
    "Duplicate registration found across practices, PCSE notified.",
]


def list_cleansing_notes(rng, rows):
    def embed(rng, text):
        f, s = v.forename(rng), v.surname(rng)
        t = rng.choice(pools.TITLES)
        piece = rng.choice([f"{t} {f} {s}", f"{f} {s}", f"{s.upper()}, {f}", f"{t} {f[0]}. {s}"])
        return rng.choice([f"Letter for {piece} returned. {text}", f"{text} ({piece})"])

    return _column(rng, rows, CLEANSING, embed, 0.06, blank=0.15)


SMS_REPLY = [
    "yes",
    "Yes please",
    "STOP",
    "cant make that time",
    "Confirm",
    "ok thanks",
    "Y",
    "Can I have a later one? Work till {h}",
    "already had it at the chemist",
    "Who is this?",
    "no longer at this address",
    "I will ring in the morning",
    "my mum is in hospital can we rearrange",
    "thank you x",
    "Booked online",
    "not received the link",
    "N",
    "Sorry wrong number",
    "cancel pls",
]


def sms_reply(rng, rows):
    def embed(rng, text):
        e = v.email(rng)
        return rng.choice(
            [f"please email me instead {e}", f"{text} - email {e}", f"send letter to {e} thx"]
        )

    return _column(rng, rows, SMS_REPLY, embed, 0.05, blank=0.05)


BOOKING = [
    "Repeat of my {drug}",
    "Sore throat for {n} days",
    "Blood test results",
    "Review of medication",
    "Rash on arm",
    "Fit note extension",
    "Back pain",
    "Follow up from {place}",
    "Asthma review",
    "Chest infection?",
    "Want to discuss HRT",
    "Mole check",
    "Ear wax",
    "Smear",
    "Feeling low",
    "Knee pain after fall",
    "Child has temperature",
    "Travel vaccines",
    "Contraception pill check",
]


def booking_reason(rng, rows):
    def embed(rng, text):
        d = v.phone_digits(rng)
        shown = rng.choice([d, v.phone_display(d)])
        return rng.choice(
            [f"{text} - please call {shown}", f"{text}. mob {shown}", f"ring me on {shown} {text}"]
        )

    return _column(rng, rows, BOOKING, embed, 0.07, blank=0.12)


WARD_ROUND = [
    "Adolygwyd - dim newid. Reviewed, no change.",
    "Weight loss {n}kg over month, MUST 2. Dietetic referral.",
    "UTI symptoms, dip positive. Started {drug}. Review 48h.",
    "Falls x{n} this week. Lying/standing BP requested.",
    "Anticipatory meds prescribed. Family aware of plan.",
    "Pressure area heel grade 2, TVN informed.",
    "Meds review: stopped {drug}. Cysylltu â'r fferyllfa.",
    "Chest clear, sats 96% RA. Continue.",
    "Delirium screen bloods ({test}) taken by home staff.",
    "ReSPECT form reviewed with staff. DNACPR in place.",
    "Bowels not opened {n} days. {drug} added.",
]


def ward_round_notes(rng, rows):
    def embed(rng, text):
        f, s = v.forename(rng), v.surname(rng)
        piece = rng.choice([f"{f} {s}", f"{rng.choice(pools.TITLES)} {f} {s}", f"{f} {s.upper()}"])
        return rng.choice(
            [f"{piece}: {text}", f"{text} Seen {piece} in lounge.", f"Re {piece} - {text}"]
        )

    return _column(rng, rows, WARD_ROUND, embed, 0.10, blank=0.08)


HUB = [
    "Seen at {hub}. Advised fluids, safety-netted.",
    "Telephone consultation. No red flags. Self care.",
    "Extended hours slot. BP 138/84. Recheck 2/52.",
    "Wound check, healing well. Dressing changed.",
    "Cervical screen taken. Results to practice.",
    "Pt DNA at {h}:{m} slot.",
    "Medication review done with {role}. {drug} continued.",
    "Ear irrigation not indicated; olive oil advised.",
    "Bloods ({test}) booked at {hub}.",
    "Saturday clinic: coil check, threads seen.",
]


def hub_summary(rng, rows):
    def embed(rng, text):
        d = v.dob(rng)
        shown = rng.choice([d.strftime("%d/%m/%Y"), d.strftime("%d.%m.%Y"), d.strftime("%d %b %Y")])
        return rng.choice(
            [f"DOB {shown}. {text}", f"{text} (d.o.b. {shown})", f"ID checked dob {shown}. {text}"]
        )

    return _column(rng, rows, HUB, embed, 0.04, blank=0.1)


RX_LINE = [
    "Ordered repeat x{n} items. Ready in 48h.",
    "Requested {drug} early - refer to GP.",
    "Caller asked re: missing item {drug}.",
    "Nominated pharmacy changed.",
    "Patient wants 2 months supply, declined per policy.",
    "Med review overdue - booked.",
    "Daughter ordering on behalf - consent on file.",
    "Line busy, callback arranged {h}:{m}.",
    "Item discontinued by hospital, query sent to {role}.",
    "Dosette box due {d} {mon}.",
]


def rx_line_log(rng, rows):
    def embed(rng, text):
        parts = v.address_parts(rng)
        if rng.random() < 0.5:
            parts = parts[:-1]
        return f"{text} Deliver to {', '.join(parts)}"

    return _column(rng, rows, RX_LINE, embed, 0.09, blank=0.06)


DEDUCTION = [
    "Registered elsewhere (GMS1 received by new practice).",
    "Embarkation - moved abroad.",
    "Patient request - dissatisfied with service.",
    "Practice request after violent incident, immediate removal.",
    "Out of area following move, {n} months grace expired.",
    "Death notification received.",
    "Any other reason - PCSE code 8.",
    "Armed forces enlistment.",
    "Prison reception notification.",
    "List cleansing - no response to FP69.",
]


def deduction_narrative(rng, rows):
    def embed(rng, text):
        pc = v.postcode(rng)
        pc = rng.choice([pc, pc.replace(" ", ""), pc.lower()])
        return rng.choice([f"{text} New pc {pc}", f"moved to {pc}. {text}"])

    return _column(rng, rows, DEDUCTION, embed, 0.06, blank=0.1)


ORDER_COMMS = [
    "TATT. ?anaemia",
    "Annual diabetic review",
    "On {drug} - monitoring",
    "Post-viral fatigue, ?thyroid",
    "CKD 3a monitoring",
    "Fasting",
    "Non-fasting",
    "Repeat - previous sample haemolysed",
    "Raised ALT last time, recheck",
    "Pre-{drug} baseline",
    "Urgent - discuss with on-call biochemist",
    "Paired with {test}",
    "Wt loss, change bowel habit. FIT first",
]


def order_comms_details(rng, rows):
    def embed(rng, text):
        h = v.hospital_number(rng)
        return rng.choice(
            [
                f"{text}. Prev results under hosp no {h}",
                f"MRN {h} - {text}",
                f"{text} (see {h} at {rng.choice(pools.PLACES)})",
            ]
        )

    return _column(rng, rows, ORDER_COMMS, embed, 0.05, blank=0.2)


REG_WELSH = [
    "Cofrestriad newydd - new registration, GMS1 complete.",
    "Dim prawf cyfeiriad - no proof of address, registered anyway per policy.",
    "Ffurflen wedi'i derbyn. Form received.",
    "Overseas visitor, exemption category checked.",
    "Family registration x{n}.",
    "Registered from care home {n} beds.",
    "New baby registration - red book seen.",
    "Transferred from another practice in area.",
    "Iaith: Cymraeg. Welsh language preference recorded.",
    "Asylum seeker - HC2 applied.",
]


def reg_comments_welsh(rng, rows):
    def embed(rng, text):
        n = v.ni_number(rng)
        shown = rng.choice([n, f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}"])
        return rng.choice([f"{text} Rhif YG / NI no {shown}", f"NINO {shown}. {text}"])

    return _column(rng, rows, REG_WELSH, embed, 0.07, blank=0.1)


TEMP_RES = [
    "Holidaymaker, staying {n} weeks at caravan park.",
    "Seasonal worker - farm accommodation.",
    "Visiting family. Own GP in Scotland contacted.",
    "Student on placement {n} weeks.",
    "Temp resident form completed. Emergency meds only.",
    "Requested summary from home practice.",
    "Lorry driver - passing through.",
    "Festival attendee, treated and discharged.",
    "Boat dweller, canal mooring.",
]


def temp_resident_notes(rng, rows):
    def embed(rng, text):
        c = v.chi_number(rng)
        shown = rng.choice([c, f"{c[:6]} {c[6:]}", f"{c[:6]}-{c[6:]}"])
        return rng.choice([f"{text} CHI {shown}", f"Home CHI no. {shown}. {text}"])

    return _column(rng, rows, TEMP_RES, embed, 0.06, blank=0.1)


DVLA = [
    "D4 form completed, fee invoiced.",
    "DVLA medical questionnaire returned.",
    "Pt advised not to drive for {n} months after episode.",
    "Group 2 licence renewal medical.",
    "Fitness to drive letter requested - seizure history.",
    "Optician report attached.",
    "Insurer (AMRA) report - consent form received.",
    "Firearms licensing - GP letter sent, no concerns.",
    "DVLA chased for outcome.",
    "Diabetes on insulin - hypo awareness confirmed.",
]


def dvla_notes(rng, rows):
    def embed(rng, text):
        d = v.driving_licence(rng)
        shown = rng.choice([d, f"{d[:5]} {d[5:11]} {d[11:13]}{d[13]} {d[14:]}"])
        return rng.choice([f"{text} Licence {shown}", f"DL no {shown}: {text}"])

    return _column(rng, rows, DVLA, embed, 0.06, blank=0.12)


FIT_NOTE = [
    "Fit note issued {n} weeks - phased return.",
    "Extension requested via e-consult.",
    "Pt collected from reception.",
    "Emailed to employer at pt request.",
    "Amended duties advised.",
    "Declined - self-cert period.",
    "Issued by {role} (legal since July 2022).",
    "Duplicate requested - lost original.",
    "Not fit for work until review {d} {mon}.",
]


def fit_note_comments(rng, rows):
    def embed(rng, text):
        f = v.forename(rng)
        return rng.choice(
            [f"Spoke to {f} - {text}", f"{text} {f} will collect.", f"{f} rang. {text}"]
        )

    return _column(rng, rows, FIT_NOTE, embed, 0.04, blank=0.1)


LG_SCAN = [
    "Envelope damaged - contents scanned.",
    "Loose filing included, indexed.",
    "Illegible handwritten continuation cards, flagged QA.",
    "X-ray film removed before scanning.",
    "Record belongs to another practice - returned to PCSE.",
    "Pages out of order.",
    "Contains child's red book - returned to family via practice.",
    "Two envelopes merged.",
    "Blank envelope, no contents.",
    "Photograph attached to letter, scanned in colour.",
]


def lg_scan_exceptions(rng, rows):
    def embed(rng, text):
        p = v.passport_number(rng)
        return rng.choice(
            [
                f"{text} Copy passport {p} found - shredded per SOP.",
                f"Passport no {p} photocopy in envelope. {text}",
            ]
        )

    return _column(rng, rows, LG_SCAN, embed, 0.08, blank=0.1)
