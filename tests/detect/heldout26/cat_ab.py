"""Categories a (identifiers in a minority of free-text rows) and b (spreadsheet damage)."""

import random

from . import pools, values
from .common import fill, float_text, prose

# ---------------------------------------------------------------- a: background prose

RTW_BG = [
    "Back on phased return, 4 x 7.5h shifts wk 1",
    "Reason for absence discussed, no further concerns raised",
    "OH referral not needed at this stage",
    "Stage 1 trigger reached (3 episodes in 12 months) - informal meeting held",
    "Reasonable adjustments: no night shifts for 4 weeks",
    "Fit note seen, 'may be fit' with amended duties",
    "Staff member happy to return to full duties",
    "Employee assistance programme details given",
    "Agreed to review in 2/52",
    "Sickness recorded on HealthRoster and ESR",
    "Absence related to pregnancy, excluded from triggers",
    "Discussed Bradford factor, currently 243",
    "covid related, self isolated per guidance at the time",
    "Wellbeing conversation held in the quiet room on Larch",
    "Pt-facing duties resumed, bank shifts paused",
]
SICK_BG = [
    "D&V",
    "migraine",
    "back pain - lifting at work?",
    "stress / anxiety (work related)",
    "chest infection",
    "covid positive LFT",
    "post-op recovery (planned surgery)",
    "bereavement - not sickness, moved to special leave",
    "flu like symptoms",
    "childcare emergency, recorded as carer's leave",
    "sprained ankle (netball)",
    "tonsillitis",
    "dental abscess",
    "low mood",
    "gastro",
    "fracture L wrist",
    "headache",
    "cold",
    "UTI",
    "shingles - excluded from ward until crusted",
    "exhaustion after run of nights",
    "hospital appointment overran",
]
PRECEPTOR_BG = [
    "Competencies 1-14 signed off",
    "Needs more exposure to IV therapy",
    "Drug round supervised x3, all safe",
    "Confident with NEWS2 escalation",
    "Attended preceptorship study day 2 of 4",
    "Supernumerary period extended by 1 week",
    "Good rapport with patients and relatives",
    "Timekeeping improving",
    "Completed medicines calculation assessment (100%)",
    "Reflective log up to date",
    "Ready to take a bay independently",
    "Would benefit from time on Cedar Unit",
    "Catheterisation competency outstanding",
    "Clinical supervision monthly - booked",
]
FTP_BG = [
    "Referral made following local investigation",
    "Concerns relate to medicines administration",
    "Interim order panel not required per case examiners",
    "Registrant has engaged with the process",
    "Incident logged on Datix ref 48213",
    "Patient came to no harm",
    "Documentation discrepancies identified on audit",
    "Witness statements obtained from two colleagues",
    "Registrant is on restricted duties pending outcome",
    "Regulator acknowledged referral, case open",
    "Local resolution deemed insufficient",
    "Concern about probity in timesheets",
    "Safeguarding lead consulted",
    "Union representative present at interview",
]
WELSH_BG = [
    "Myfyriwr brwdfrydig, yn dysgu'n gyflym",
    "Angen mwy o brofiad gyda meddyginiaethau",
    "Good communication with patients, uses Welsh on the ward",
    "Presenoldeb da",
    "Placement hours 37.5 per wk confirmed",
    "Wedi cwblhau'r asesiad canol lleoliad",
    "Needs to work on prioritising",
    "Sgiliau cyfathrebu rhagorol",
    "Attended MDT and handed over confidently",
    "Dim pryderon",
    "Ardderchog!",
    "Mid-point review done on Ward 7B",
    "PAD document uploaded",
]
INVOICE_BG = [
    "Hours on invoice do not match approved timesheet",
    "Rate charged above cap (£/hr)",
    "Duplicate invoice - already paid on BACS run 17",
    "Missing PO number, returned to agency",
    "Shift cancelled with less than 24h notice, cancellation fee disputed",
    "VAT applied incorrectly",
    "Approved by medical staffing, pass for payment",
    "Overtime uplift not authorised",
    "Break not deducted (30 mins)",
    "Agency asked to re-issue with cost centre",
    "Credit note awaited",
    "Escalated to framework manager",
    "Off-framework booking - needs exec sign-off",
]
DBS_BG = [
    "Enhanced with barred lists (adults) returned",
    "Spent conviction, not disclosable",
    "Risk assessment completed by recruiting manager",
    "Caution 2011, declared at interview",
    "Update Service check done online",
    "Certificate seen and copied",
    "Applicant lived overseas >6 months, certificate of good conduct requested",
    "No information held",
    "Police information disclosed, discussed with HR lead",
    "Decision: proceed with appointment",
    "Referred to safeguarding lead for view",
    "Countersignatory queried address history gaps",
]
VACC_BG = [
    "Hep B course complete, anti-HBs >100 on 14/03/2022",
    "Non-responder, booster given",
    "MMR x2 documented from GP record",
    "Varicella IgG positive",
    "BCG scar seen",
    "Declined flu vaccine this season",
    "Covid booster 02/10/2023 (Spikevax)",
    "IGRA negative",
    "EPP clearance pending",
    "Awaiting titre result",
    "Self-reported chickenpox as child",
    "Red book seen",
    "Pertussis booster offered",
]
APPRAISAL_BG = [
    "PDP agreed: complete ILM level 5",
    "Objectives met for 2023/24",
    "Values discussion: compassion, respect",
    "Wellbeing check completed",
    "Mandatory training 94% compliant",
    "Wants to shadow the discharge team",
    "Supported application for band 7 secondment",
    "Talent conversation held",
    "Feedback from 360 very positive",
    "Career aspiration: ACP pathway",
    "Appraisal completed on time",
    "Revisit objectives at 6 months",
]
VOLUNTEER_BG = [
    "Really enjoyed the induction, thank you",
    "Tour of the site was useful",
    "Would like more info on the dementia buddy role",
    "Too much info in one day!",
    "Happy to help on the wayfinding desk",
    "Uniform size L please",
    "Can do Tuesday and Thursday mornings",
    "ID badge photo taken",
    "Found the safeguarding session very clear",
    "Parking was difficult",
    "Would like to volunteer in the chaplaincy garden",
    "Completed IG e-learning",
]
REVAL_BG = [
    "Reflected on a medication error and changed my practice",
    "Discussed with my confirmer",
    "Learning from a complaint about communication",
    "CPD: 35 hours, 20 participatory",
    "Practice-related feedback from a patient's family",
    "Changed how I hand over at shift change",
    "Reflection on end of life care",
    "Themes: teamwork, escalation, documentation",
    "I now check allergy status twice",
    "Shared learning at ward huddle",
    "Discussion about the Code: prioritise people",
]
OVERSEAS_BG = [
    "Arrived LHR, met by pastoral lead",
    "OSCE booked for next month",
    "Passed OSCE first attempt",
    "Accommodation in staff residence block C",
    "Homesick, buddy assigned",
    "BRP collected from post office",
    "CBT passed before travel",
    "NMC PIN issued",
    "Supernumerary 6 weeks",
    "Family joining in spring",
    "Bank account opened",
    "Attended welcome lunch",
    "IELTS 7.0 overall",
    "Failed OSCE station 3, resit arranged",
]
LEASE_BG = [
    "Salary sacrifice agreement signed",
    "Car delivered, please confirm mileage",
    "Insurance renewal due",
    "Early termination charges explained",
    "Kia Niro EV, 36 month term",
    "Tesla Model 3 quote attached",
    "Deduction will start next payroll",
    "Damage report received from lessor",
    "BIK rate 2% for EVs",
    "Approved by payroll",
    "Charging cable missing on delivery",
    "Fuel card not included",
    "Please return the signed order form",
]
EXCEPTION_BG = [
    "Stayed 2.5h after shift end to finish jobs",
    "Missed teaching due to service pressures",
    "No break taken on long day",
    "Rota gap on nights, covered 2 wards",
    "TOIL agreed by educational supervisor",
    "Exception report closed - payment",
    "Work schedule review requested",
    "Guardian of safe working notified",
    "Fine levied on department",
    "Unable to attend clinic for learning objective",
    "Handover started late",
    "Bleep holder for the whole medical take",
]


def _title_name(rng: random.Random) -> str:
    f, s = values.full_name(rng)
    style = rng.randrange(5)
    if style == 0:
        return f"{f} {s}"
    if style == 1:
        return f"{rng.choice(pools.TITLES)} {f[0]}. {s}"
    if style == 2:
        return f"{rng.choice(['Dr', 'Sister', 'Mr', 'Ms'])} {f} {s}"
    if style == 3:
        return f"{f[0]} {s}"
    return f"{s.upper()} {f}"


def a_rtw(rng, rows):
    def plant(r):
        return r.choice(
            [
                "Meeting chaired by {n}",
                "Covered by {n} during absence",
                "HR adviser present: {n}",
                "Spoke to {n} (ward manager) re adjustments",
                "{n} to follow up",
            ]
        ).format(n=_title_name(r))

    return prose(rng, rows, RTW_BG, plant, 0.08)


def a_sickness(rng, rows):
    def plant(r):
        num = values.phone_format(r, values.phone_digits(r))
        return r.choice(
            [
                "contact on {p}",
                "can be reached on {p} if needed",
                "tel {p} (husband answers)",
                "mob: {p}",
            ]
        ).format(p=num)

    return prose(rng, rows, SICK_BG, plant, 0.05, blank=0.12, max_sentences=2)


def a_preceptor(rng, rows):
    def plant(r):
        f = values.forename(r)
        return r.choice(
            [
                "{f} has shown real growth this period",
                "Discussed with {f} the need to escalate sooner",
                "{f} is a credit to the team",
                "Agreed with {f}: extend by 2 wks",
            ]
        ).format(f=f)

    return prose(rng, rows, PRECEPTOR_BG, plant, 0.10)


def a_ftp(rng, rows):
    def plant(r):
        n = values.nhs_number(r)
        shown = r.choice([n, f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}"])
        return r.choice(
            [
                "Patient involved: NHS no {x}",
                "pt {x}",
                "(NHS {x})",
                "Relates to care of patient {x}",
            ]
        ).format(x=shown)

    return prose(rng, rows, FTP_BG, plant, 0.06)


def a_welsh(rng, rows):
    def plant(r):
        e = values.email(r, *values.full_name(r))
        return r.choice(
            [
                "Cysylltwch â'r myfyriwr: {e}",
                "Student email {e}",
                "e-bost: {e}",
                "contact via {e} please",
            ]
        ).format(e=e)

    return prose(rng, rows, WELSH_BG, plant, 0.07)


def a_invoice(rng, rows):
    def plant(r):
        ni = values.ni_number(r)
        shown = r.choice([ni, f"{ni[:2]} {ni[2:4]} {ni[4:6]} {ni[6:8]} {ni[8]}", ni.lower()])
        return r.choice(
            [
                "Locum NI {x} not on payroll",
                "NINO {x} mismatch with agency record",
                "agency quoted NI no. {x}",
            ]
        ).format(x=shown)

    return prose(rng, rows, INVOICE_BG, plant, 0.04)


def a_dbs(rng, rows):
    def plant(r):
        a = values.address(r)
        return r.choice(
            [
                "Previous address {a} (2014-2019)",
                "Lived at {a}",
                "Address history gap: {a} not declared",
            ]
        ).format(a=a)

    return prose(rng, rows, DBS_BG, plant, 0.09)


def a_vacc(rng, rows):
    def plant(r):
        d = values.dob(r)
        shown = r.choice([d.strftime("%d/%m/%Y"), d.strftime("%d.%m.%y"), d.strftime("%-d %b %Y")])
        return r.choice(
            [
                "DOB {d} per passport",
                "d.o.b. {d}",
                "born {d} - check age for MMR",
                "Date of birth {d} on OH form differs",
            ]
        ).format(d=shown)

    return prose(rng, rows, VACC_BG, plant, 0.05)


def a_appraisal(rng, rows):
    def plant(r):
        f, s = values.full_name(r)
        name = r.choice(
            [f"Dr {f[0]}. {s}", f"{f} {s}", f"Sister {s}", f"{f[0]}.{s}", f"{f} {s} (appraiser)"]
        )
        if name == f"Sister {s}":
            name = f"Sister {f} {s}"
        return r.choice(
            [
                "Feedback from {n} included",
                "Appraised by {n}",
                "Shadowing {n} agreed",
                "Mentor: {n}",
            ]
        ).format(n=name)

    return prose(rng, rows, APPRAISAL_BG, plant, 0.12)


def a_volunteer(rng, rows):
    def plant(r):
        d = values.phone_digits(r)
        shown = r.choice(
            [
                d,
                d[:5] + " " + d[5:],
                " ".join(d[i : i + 3] for i in range(0, 9, 3)) + d[9:],
                "+44" + d[1:],
            ]
        )
        return r.choice(
            ["text me on {p}", "my number is {p}", "call {p} evenings", "Mobile {p}"]
        ).format(p=shown)

    return prose(rng, rows, VOLUNTEER_BG, plant, 0.04, blank=0.2, max_sentences=2)


def a_reval(rng, rows):
    def plant(r):
        h = values.hospital_number(r)
        return r.choice(
            [
                "Patient {h} (anonymised in portfolio?)",
                "Case of pt hosp no {h}",
                "Reference case {h}",
            ]
        ).format(h=h)

    return prose(rng, rows, REVAL_BG, plant, 0.06)


def a_overseas(rng, rows):
    def plant(r):
        p = values.foreign_passport(r) if r.random() < 0.6 else values.passport(r)
        return r.choice(
            [
                "Passport {p} expires next year",
                "Copy of passport no. {p} on file",
                "passport {p} - visa vignette checked",
            ]
        ).format(p=p)

    return prose(rng, rows, OVERSEAS_BG, plant, 0.08)


def a_lease(rng, rows):
    def plant(r):
        v = values.vehicle_registration(r)
        v = r.choice([v, v.replace(" ", ""), v.lower()])
        return r.choice(
            [
                "Reg {v} delivered",
                "Vehicle {v} returned with damage",
                "Please update reg to {v}",
                "PCN received for {v}",
            ]
        ).format(v=v)

    return prose(rng, rows, LEASE_BG, plant, 0.10)


def a_exception(rng, rows):
    def plant(r):
        s = r.choice(pools.SURNAMES + pools.HYPHEN_SURNAMES)
        return r.choice(
            [
                "Discussed with {t} {s}",
                "Consultant on call ({t} {s}) aware",
                "{t} {s} asked me to stay",
            ]
        ).format(t=r.choice(["Dr", "Mr", "Ms", "Miss", "Prof"]), s=s)

    return prose(rng, rows, EXCEPTION_BG, plant, 0.05)


# ---------------------------------------------------------------- b: spreadsheet damage


def b_staff_nhs(rng, rows):
    return fill(rng, rows, lambda r: float_text(values.nhs_number(r)), blank=0.1)


def b_nhs_xlsx(rng, rows):
    def make(r):
        n = values.nhs_number(r)
        return values.sci(n, r.choice([6, 6, 6, 10])) if r.random() < 0.4 else n

    return fill(rng, rows, make, blank=0.05)


def b_chi(rng, rows):
    def make(r):
        c = values.chi_number(r)
        text = str(int(c))
        return text + ".0" if r.random() < 0.3 else text

    return fill(rng, rows, make, blank=0.05)


def b_mobile(rng, rows):
    def make(r):
        d = values.phone_digits(r)
        style = r.randrange(4)
        if style == 0:
            return d[1:]
        if style == 1:
            return d[1:] + ".0"
        if style == 2:
            return "44" + d[1:]
        return f"{int(d[1:]):,}" if r.random() < 0.4 else d[1:]

    return fill(rng, rows, make, blank=0.1)


def b_uprn(rng, rows):
    def make(r):
        u = values.uprn(r)
        style = r.randrange(4)
        if style == 0:
            return u + ".0"
        if style == 3:
            return f"{int(u):,}"
        if style == 1 and len(u) >= 11:
            return values.sci(u)
        return u

    return fill(rng, rows, make, blank=0.05)


def b_hospno(rng, rows):
    def make(r):
        n = str(r.randrange(1, 10**6)).zfill(7)
        style = r.randrange(3)
        if style == 0:
            return str(int(n))
        if style == 1:
            return str(int(n)) + ".0"
        return n

    return fill(rng, rows, make, blank=0.05)


def b_nino(rng, rows):
    def make(r):
        n = values.ni_number(r)
        style = r.randrange(5)
        if style == 0:
            return f"{n[:2]}-{n[2:4]}-{n[4:6]}-{n[6:8]}-{n[8]}"
        if style == 1:
            return f"{n[:2]}.{n[2:8]}.{n[8]}"
        if style == 2:
            return f"{n[:2]} {n[2:8]} {n[8]}".lower()
        if style == 3:
            return f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}"
        return n

    return fill(rng, rows, make, blank=0.08)


def b_position(rng, rows):
    return fill(rng, rows, lambda r: f"{r.randint(10000000, 99999999)}.0", blank=0.02)


def b_invoice(rng, rows):
    def make(r):
        n = values.invalid_ten(r, first=r.choice(["4", "6", "9", "1"]))
        return n + ".0" if r.random() < 0.4 else n

    return fill(rng, rows, make)


def b_cost_centre(rng, rows):
    def make(r):
        c = str(r.randint(1000, 999999)).zfill(6)
        style = r.randrange(3)
        return str(int(c)) + (".0" if style == 0 else "") if style < 2 else c

    return fill(rng, rows, make, blank=0.03)


def b_timesheet(rng, rows):
    def make(r):
        n = values.invalid_ten(r)
        return f"{n[:3]} {n[3:6]} {n[6:]}"

    return fill(rng, rows, make)


SNOMED = [
    "1324681000000101",
    "1324691000000104",
    "871751006",
    "836381002",
    "39330711000001103",
    "1119305005",
    "1119349007",
    "396424002",
    "170378007",
    "171044003",
    "868291000000106",
    "279039007",
    "25064002",
    "197480006",
    "73211009",
    "35489007",
    "68566005",
    "195967001",
    "1240541000000107",
    "1362591000000103",
    "42343007",
    "386661006",
    "22253000",
]


def b_snomed(rng, rows):
    def make(r):
        c = r.choice(SNOMED)
        if len(c) > 11 and r.random() < 0.7:
            return values.sci(c)
        return c + ".0" if r.random() < 0.2 else c

    return fill(rng, rows, make, blank=0.05)


def b_gtin(rng, rows):
    def make(r):
        body = "50" + "".join(str(r.randrange(10)) for _ in range(10))
        total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
        code = body + str((10 - total % 10) % 10)
        style = r.randrange(3)
        return values.sci(code) if style == 0 else (code + ".0" if style == 1 else code)

    return fill(rng, rows, make, blank=0.05)


def b_rota(rng, rows):
    def make(r):
        d = values.random_date(r, 2019, 2025)
        return (
            d.strftime("%Y%m") + ".0"
            if r.random() < 0.5
            else d.strftime("%Y%m%d") + (".0" if r.random() < 0.5 else "")
        )

    return fill(rng, rows, make)
