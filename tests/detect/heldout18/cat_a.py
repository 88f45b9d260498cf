"""Category a: identifiers in a minority of free-text rows."""

import random

from . import pools
from . import values as v


def _prose(rng: random.Random, fragments: list[str], lo: int = 1, hi: int = 3) -> str:
    parts = rng.sample(fragments, rng.randint(lo, hi))
    text = " ".join(parts)
    r = rng.random()
    if r < 0.08:
        text = text.upper()
    elif r < 0.15:
        text = text.lower()
    elif r < 0.22:
        text = text.replace(". ", ".\n", 1)
    if rng.random() < 0.05:
        text = "  " + text + " "
    return text


def _free_text(rng, rows, fragments, rate, inject, blank=0.1):
    out: list[str | None] = []
    for _ in range(rows):
        if rng.random() < blank:
            out.append(None)
            continue
        text = _prose(rng, fragments)
        if rng.random() < rate:
            text = inject(rng, text)
        out.append(text)
    return out


OT = [
    "Home visit completed, bathing assessment done.",
    "Bath lift not suitable - recommend level access shower.",
    "Perching stool issued for kitchen use.",
    "Raised toilet seat with frame fitted, pt managing safely.",
    "Stair rail both sides requested via minor adaptations.",
    "Bed lever fitted; transfers now independent.",
    "Hoist assessment: 2 carers needed for sling transfers.",
    "Chair raisers x4 delivered, height now 52cm.",
    "Mobility poor on stairs, downstairs living discussed.",
    "Reviewed at 6 weeks, equipment in use.",
    "Declined grab rails at this time.",
    "Trolley walker issued, advised re trip hazards (rugs).",
]


def ot_assessment_notes(rng, rows):
    def inject(rng, text):
        f, s = v.full_name(rng)
        style = rng.randint(0, 2)
        if style == 0:
            return f"{f} {s} seen at home. {text}"
        if style == 1:
            return f"{text} Spoke with {f} {s} re follow-up."
        return f"Client: {s.upper()}, {f}. {text}"

    return _free_text(rng, rows, OT, 0.08, inject)


STOMA = [
    "Stoma pink and healthy, spout 1cm.",
    "Peristomal skin sore at 6 o'clock, barrier film advised.",
    "Changed to convex appliance due to leaks overnight.",
    "High output stoma, loperamide increased per team.",
    "Pt confident with bag changes, husband supports.",
    "Parastomal hernia noted, support garment measured.",
    "Prescription reviewed, reduced to 30 bags/month.",
    "Seen in clinic, no concerns.",
    "Ileostomy output 1.2L/day, encouraged oral rehydration solution.",
    "Reversal discussed with surgical team - awaiting date.",
]


def stoma_nurse_narrative(rng, rows):
    def inject(rng, text):
        n = v.nhs_number(rng)
        shown = v.nhs_spaced(n) if rng.random() < 0.5 else n
        lead = rng.choice(["NHS no", "NHS:", "nhs number", "NHS No."])
        return f"{text} ({lead} {shown})" if rng.random() < 0.5 else f"{lead} {shown} - {text}"

    return _free_text(rng, rows, STOMA, 0.06, inject)


OPAT = [
    "PICC line dressing changed, site clean.",
    "Midline flushed, no resistance.",
    "Elastomeric device connected at 14:00.",
    "CRP down to 34, plan to continue 2/52.",
    "Bloods taken for vanc level.",
    "Self-administering, competency signed off.",
    "Line removed, tip not sent.",
    "Pt reports mild rash - discussed with ID registrar.",
    "Next visit Thursday a.m.",
    "Weekly review in OPAT clinic.",
]


def opat_line_comments(rng, rows):
    def inject(rng, text):
        p = v.phone_format(v.phone_digits(rng))
        return rng.choice(
            [
                f"{text} Pt contact {p}.",
                f"Call pt on {p} before visit. {text}",
                f"{text} ring {p} if no answer at door",
            ]
        )

    return _free_text(rng, rows, OPAT, 0.10, inject)


BSL = [
    "Interpreter booked for 2hr outpatient slot.",
    "Deaf client prefers female interpreter.",
    "Booking cancelled - clinic rescheduled.",
    "Video relay used as no interpreter available.",
    "Two interpreters needed (over 2 hours).",
    "Client uses hands-on signing, deafblind interpreter required.",
    "Confirmation sent by text.",
    "Agency could not fill, escalated to sensory team.",
    "Fee approved by service manager.",
]


def bsl_booking_notes(rng, rows):
    def inject(rng, text):
        e = v.email(rng)
        return rng.choice(
            [
                f"{text} Confirm by email {e}",
                f"Client email: {e}. {text}",
                f"{text} (prefers contact via {e})",
            ]
        )

    return _free_text(rng, rows, BSL, 0.07, inject)


DRIVER = [
    "Collected on time, dropped at unit 07:40.",
    "Pt not ready, waited 15 mins.",
    "Wheelchair user, tail lift vehicle required.",
    "Return journey delayed - dialysis overran.",
    "Aborted: pt unwell, unit informed.",
    "Escort travelled.",
    "Traffic on ring road, arrived 10 min late.",
    "Pt requests front seat.",
    "Oxygen cylinder carried.",
]


def dialysis_transport_driver_log(rng, rows):
    def inject(rng, text):
        a = v.address(rng)
        return rng.choice([f"Pick up from {a}. {text}", f"{text} New pick-up address: {a}"])

    return _free_text(rng, rows, DRIVER, 0.05, inject)


WOUND_CY = [
    "Clwyf yn gwella, dim arwydd o haint.",
    "Wound bed 80% granulation, 20% slough.",
    "Compression bandaging reapplied, ABPI 0.9.",
    "Dressing changed, exudate moderate.",
    "Angen adolygiad mewn wythnos.",
    "Swab taken, awaiting result.",
    "Leg ulcer measured 3.2 x 2.1 cm.",
    "Referred to vascular for duplex.",
    "Cleifion yn hapus gyda'r driniaeth.",
]


def sylwadau_clinig_clwyfau(rng, rows):
    def inject(rng, text):
        h = v.hospital_number(rng)
        return rng.choice(
            [f"{text} Rhif ysbyty {h}.", f"Hosp no {h} - {text}", f"{text} [MRN {h}]"]
        )

    return _free_text(rng, rows, WOUND_CY, 0.09, inject)


FEED = [
    "PEG site clean, tube rotated.",
    "Feed regimen 1000ml over 16h via pump.",
    "Weight stable, BMI 19.4.",
    "Bolus feeds trialled, tolerated well.",
    "Water flushes increased to 250ml QDS.",
    "Balloon water changed, 10ml.",
    "Vomiting x2 this week, rate reduced.",
    "Home delivery company contacted re missed order.",
    "Reviewed by dietitian, no change.",
]


def enteral_feed_review_txt(rng, rows):
    def inject(rng, text):
        d = v.dob(rng)
        shown = rng.choice([d.strftime("%d/%m/%Y"), d.strftime("%d.%m.%y"), d.strftime("%d %b %Y")])
        return rng.choice(
            [f"{text} DOB {shown}.", f"(d.o.b. {shown}) {text}", f"{text} born {shown}"]
        )

    return _free_text(rng, rows, FEED, 0.06, inject)


SW = [
    "Discharge planning meeting held on ward.",
    "Package of care restarted, 4 calls/day.",
    "Family want residential placement.",
    "Capacity assessment re accommodation completed.",
    "Pathway 1 - home with support.",
    "Awaiting funding panel decision.",
    "Benefits check done, attendance allowance claim started.",
    "Delayed discharge - no provider capacity.",
    "Referral closed on discharge.",
]


def discharge_sw_summary(rng, rows):
    def inject(rng, text):
        n = v.ni_number(rng)
        if rng.random() < 0.4:
            n = f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}"
        return rng.choice([f"{text} NI no {n}.", f"NINO {n}. {text}", f"{text} (NI: {n})"])

    return _free_text(rng, rows, SW, 0.08, inject)


LD = [
    "Reasonable adjustments flagged on admission.",
    "Hospital passport brought in by support staff.",
    "Prefers quiet side room, noise distresses.",
    "Easy read leaflet given for procedure.",
    "Best interests meeting planned for tomorrow.",
    "Support worker staying overnight.",
    "Pain assessed with DisDAT tool.",
    "Desensitisation plan for bloods agreed.",
    "Discharged, community LD team informed.",
]


def ld_liaison_handover(rng, rows):
    def inject(rng, text):
        f = rng.choice(pools.FORENAMES)
        return rng.choice(
            [f"{f} settled well. {text}", f"{text} {f} likes music on.", f"Saw {f} on ward. {text}"]
        )

    return _free_text(rng, rows, LD, 0.12, inject)


AUT = [
    "ADOS-2 module 4 completed.",
    "Developmental history taken from mother.",
    "Masking described in work settings.",
    "Sensory profile: high sensitivity to sound and light.",
    "AQ-50 score 38.",
    "Co-occurring ADHD traits noted, not assessed here.",
    "Feedback appointment booked.",
    "Diagnosis not made at this time.",
    "Report sent to referrer.",
]


def autism_assessment_obs(rng, rows):
    def inject(rng, text):
        c = v.chi_number(rng)
        return rng.choice(
            [f"{text} CHI {c}.", f"CHI: {c} - {text}", f"{text} (chi {c[:6]} {c[6:]})"]
        )

    return _free_text(rng, rows, AUT, 0.05, inject)


GIC = [
    "Letter to GP re bridging prescription.",
    "Second assessment appointment offered.",
    "Voice therapy referral accepted.",
    "Bloods: oestradiol within range.",
    "Discussed waiting times for surgical pathway.",
    "Patient asked that records use current name and pronouns.",
    "Deed poll copy received for records.",
    "Discharged to GP with shared care.",
    "Did not attend, letter sent.",
]


def gic_correspondence_log(rng, rows):
    def inject(rng, text):
        f, s = v.full_name(rng)
        return rng.choice(
            [
                f"{text} Previously known as {f} {s}.",
                f"Prev. name {f} {s} on old referral. {text}",
                f"{text} (birth name: {f} {s} - do not use)",
            ]
        )

    return _free_text(rng, rows, GIC, 0.07, inject)


COV = [
    "Veteran referred by Op COURAGE.",
    "Priority treatment under covenant discussed.",
    "Service leaver 2019, housing support requested.",
    "Linked with Royal British Legion caseworker.",
    "War pension query passed to Veterans UK.",
    "Hearing loss claim - audiology letter provided.",
    "Family member of serving personnel, school move.",
    "Reservist, employer support discussed.",
    "Closed - no further action.",
]


def covenant_caseworker_notes(rng, rows):
    def inject(rng, text):
        r = v.vehicle_reg(rng)
        return rng.choice(
            [f"{text} Mobility car reg {r}.", f"Vehicle {r} - parking at clinic agreed. {text}"]
        )

    return _free_text(rng, rows, COV, 0.06, inject)


TIN = [
    "Tinnitus handicap inventory 56.",
    "Dix-Hallpike positive right, Epley performed.",
    "Sound generator fitted bilaterally.",
    "vHIT normal.",
    "CBT for tinnitus group offered.",
    "Vestibular rehab exercises reviewed.",
    "MRI IAMs requested to exclude VS.",
    "Meniere's diet advice given.",
    "Pt reports improvement in sleep.",
]


def tinnitus_balance_freetext(rng, rows):
    def inject(rng, text):
        p = v.postcode(rng)
        return rng.choice(
            [f"{text} Lives at {p}.", f"Home {p}; {text}", f"{text} transport from {p.lower()}"]
        )

    return _free_text(rng, rows, TIN, 0.05, inject)


POD = [
    "Scarf and Akin osteotomy L foot.",
    "Local anaesthetic ankle block.",
    "Wound healed, sutures removed.",
    "Post-op shoe for 6 weeks.",
    "X-ray shows union at osteotomy.",
    "Mild swelling, elevate.",
    "Listed for R hallux valgus correction.",
    "DVT prophylaxis per protocol.",
    "Return to driving discussed.",
]


def podiatric_surgery_op_note(rng, rows):
    def inject(rng, text):
        p = v.passport_number(rng)
        return rng.choice(
            [
                f"{text} Fit-to-fly letter, passport {p}.",
                f"Passport no. {p} for travel letter. {text}",
            ]
        )

    return _free_text(rng, rows, POD, 0.06, inject)
