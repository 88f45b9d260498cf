"""Category a: free-text columns where an identifier shows up in a minority of rows."""

from . import pools
from . import values as v

ACCURX = [
    "Thanks for the message, I can do the {day} slot",
    "yes please book me in",
    "Hi, the rash is still there after the cream",
    "Ok thank you",
    "can I have a telephone appt instead, I work shifts",
    "I have uploaded the photo as asked",
    "Please can my repeat prescription be sent to the pharmacy on the {street}",
    "no longer needed, feeling better",
    "Is the blood test fasting?",
    "STOP",
    "I already did the questionnaire on {day}",
    "sorry missed your call earlier",
]

ECONSULT = [
    "Requesting a fit note extension, current one ends {day}.",
    "Need a letter for the gym about my knee.",
    "Asking for copy of blood results from {month}.",
    "Would like to change my registered pharmacy.",
    "Travel vaccines query - going to Kerala in {month}.",
    "Admin: update contact preferences to text only.",
    "Hospital letter says GP to increase the dose, can someone action.",
    "Query about sick note dates.",
]

PHARMACY_FIRST = [
    "Sore throat, FeverPAIN 2, self care advice given.",
    "Uncomplicated UTI, female 16-64, nitrofurantoin supplied per PGD.",
    "Impetigo localised, hydrogen peroxide cream supplied.",
    "Acute otitis media, age 6, advised analgesia, review 3 days.",
    "Shingles, within 72h, aciclovir supplied.",
    "Insect bite, no spreading cellulitis, antihistamine advice.",
    "Sinusitis <10 days, no antibiotic, saline and analgesia.",
    "Referred back to GP - outside PGD inclusion criteria.",
    "GP practice notified via PharmOutcomes.",
]

CDC = [
    "Booked CT chest at {place} CDC, contrast not required.",
    "Pt prefers morning appointments, works nights.",
    "Needs wheelchair access and hoist.",
    "Rebooked x2 - transport issues.",
    "Echo and spirometry same day please.",
    "MRI safety form completed, no implants.",
    "DNA'd last slot, second offer made.",
    "Patient asked for female sonographer.",
]

SLEEP = [
    "Discussed DVLA obligations, ESS {ess}, advised not to drive until symptoms controlled.",
    "HGV driver - Group 2 rules explained.",
    "CPAP compliance {pct}% over 30 days, AHI now {ahi}.",
    "Patient aware of duty to inform DVLA.",
    "No sleepiness while driving reported.",
    "Mask leak high, swapped to nasal pillows.",
    "Taxi driver, told to inform licensing authority also.",
]

HAH = [
    "Visit {n}/3 today, obs stable, NEWS2 {news}.",
    "IV antibiotics given, cannula site clean.",
    "Key safe code in RiO alerts only - do not write here.",
    "Daughter present, happy with plan.",
    "Pulse oximeter hub offline, replaced.",
    "Escalated to virtual ward consultant, plan unchanged.",
    "Discharged from virtual ward, GP letter sent.",
]

HAEMO = [
    "Delivery of {n} boxes confirmed, cold chain OK.",
    "Sharps bin swapped.",
    "Left with neighbour as agreed.",
    "Patient on holiday in {month}, delivery deferred.",
    "Stock check: {n} vials in fridge.",
    "Home therapy diary reviewed, 1 bleed (ankle).",
    "Haemtrack entries up to date.",
]

CF_PHYSIO = [
    "ACBT done, productive, green sputum.",
    "PEP mask technique good.",
    "Nebulised hypertonic saline tolerated.",
    "Exercise session on trampoline 20 min.",
    "Reviewed airway clearance routine with mum.",
    "Sputum sent for culture.",
    "Spirometry FEV1 {pct}% predicted.",
    "School aware of physio plan.",
]

MENOPAUSE = [
    "Vasomotor symptoms improved on transdermal oestradiol.",
    "Discussed risks and benefits of HRT, leaflet given.",
    "Continue micronised progesterone 100mg nocte.",
    "Review in {n} months.",
    "Testosterone gel started for low libido.",
    "Bleeding pattern acceptable.",
    "Referred for DEXA scan.",
    "Letter copied to GP.",
]

WEIGHT = [
    "well done everyone this week",
    "anyone else finding the {day} session hard to get to?",
    "lost 2lb!!",
    "recipe for the lentil curry is in the files",
    "does anyone know if the pharmacy has the pens in stock",
    "my PIP form is due again",
    "see you all at group",
    "walking club meets by the lake",
    "bad week but back on it",
]

SDEC = [
    "Ambulatory, NEWS 1, for bloods and CTPA.",
    "Chest pain, troponin x2 pending.",
    "Cellulitis, IV abx then home.",
    "Frail, lives alone, for OT review.",
    "PE ruled out, discharged.",
    "Ward attender via GP referral.",
    "Back pain, mobilising, analgesia.",
]

NHS_APP = [
    "User cannot complete P9 identity check.",
    "Face scan failed {n} times.",
    "Linked to wrong practice, asked to contact surgery.",
    "NHS login email not verified.",
    "Proxy access request for parent.",
    "Photo ID rejected as expired.",
    "Resolved - user retried and succeeded.",
]

PULMREHAB = [
    "Needs transport, cannot manage buses.",
    "Family driving to sessions.",
    "Parking pass issued for {place} site.",
    "Oxygen cylinder for travel arranged.",
    "Completed 6MWT {m} m.",
    "Missed week 3 - exacerbation.",
    "Blue badge holder.",
]

FRAILTY = [
    "CFS {cfs}, delirium screen negative.",
    "Falls x2 in last month, medication review.",
    "Home environment assessment requested.",
    "Housing to check property for adaptations.",
    "Deprescribing discussed with patient.",
    "Lives with spouse, package of care in place.",
    "Frailty unit follow-up 2 weeks.",
]


def _fill(rng, template: str) -> str:
    return template.format(
        day=rng.choice(pools.WEEKDAYS),
        month=rng.choice(pools.MONTHS),
        street=rng.choice(["High Street", "Station Road", "retail park"]),
        place=rng.choice(pools.PLACES),
        ess=rng.randint(3, 20),
        pct=rng.randint(30, 98),
        ahi=rng.randint(2, 40),
        n=rng.randint(1, 12),
        news=rng.randint(0, 4),
        m=rng.randint(80, 500),
        cfs=rng.randint(4, 8),
    )


def _prose(rng, fragments, k=(1, 3)) -> str:
    parts = [_fill(rng, rng.choice(fragments)) for _ in range(rng.randint(*k))]
    sep = rng.choice([" ", "  ", "\n", " "])
    text = sep.join(parts)
    if rng.random() < 0.1:
        text = text.lower()
    if rng.random() < 0.05:
        text = " " + text + " "
    return text


def _column(rng, rows, fragments, rate, inject, blank=0.05):
    out = []
    for _ in range(rows):
        if rng.random() < blank:
            out.append(None)
            continue
        text = _prose(rng, fragments)
        if rng.random() < rate:
            text = inject(rng, text)
        out.append(text)
    return out


def accurx_patient_message(rng, rows):
    def inject(r, t):
        num = v.phone_digits(r)
        while not num.startswith("07"):
            num = v.phone_digits(r)
        shown = r.choice([num, v.phone_pretty(num), "+44 " + num[1:5] + " " + num[5:]])
        return t + " " + r.choice(["call me on ", "my number changed to ", "mob "]) + shown

    return _column(rng, rows, ACCURX, 0.075, inject)


def econsult_reason_text(rng, rows):
    def inject(r, t):
        n = v.nhs_number(r)
        return t + f" NHS no {n[:3]} {n[3:6]} {n[6:]}"

    return _column(rng, rows, ECONSULT, 0.055, inject)


def pharmacy_first_consult_notes(rng, rows):
    def inject(r, t):
        return (
            t + r.choice([" Pt email for follow up: ", " Safety-net info emailed to "]) + v.email(r)
        )

    return _column(rng, rows, PHARMACY_FIRST, 0.09, inject)


def cdc_booking_comments(rng, rows):
    def inject(r, t):
        who = f"{r.choice(['Mr', 'Mrs', 'Ms', 'Miss'])} {v.forename(r)} {v.surname(r)}"
        return r.choice([f"{who} called - {t}", f"{t} Spoke to {who} to confirm."])

    return _column(rng, rows, CDC, 0.065, inject)


def sleep_clinic_dvla_narrative(rng, rows):
    def inject(r, t):
        return t + " Licence no. " + v.driving_licence(r) + " checked on DVLA view."

    return _column(rng, rows, SLEEP, 0.055, inject)


def hospital_at_home_visit_log(rng, rows):
    def inject(r, t):
        return t + " Staying at " + v.street_address(r) + " this week (key safe by back door)."

    return _column(rng, rows, HAH, 0.08, inject)


def haemophilia_home_delivery_notes(rng, rows):
    def inject(r, t):
        return f"[{v.hospital_number(r)}] " + t

    return _column(rng, rows, HAEMO, 0.055, inject)


def cf_physio_free_text(rng, rows):
    def inject(r, t):
        return t + f" Mum ({v.forename(r)}) present and happy with plan."

    return _column(rng, rows, CF_PHYSIO, 0.10, inject)


def menopause_clinic_letter_extract(rng, rows):
    def inject(r, t):
        return "Re: DOB " + v.dob(r).strftime("%d/%m/%Y") + "\n" + t

    return _column(rng, rows, MENOPAUSE, 0.05, inject)


def weight_mgmt_group_chat_export(rng, rows):
    def inject(r, t):
        ni = v.ni_number(r)
        if r.random() < 0.5:
            ni = f"{ni[:2]} {ni[2:4]} {ni[4:6]} {ni[6:8]} {ni[8]}"
        return t + " - if anyone needs it for the form my NI is " + ni

    return _column(rng, rows, WEIGHT, 0.065, inject)


def sdec_triage_free_text(rng, rows):
    def inject(r, t):
        return f"CHI {v.chi_number(r)} " + t

    return _column(rng, rows, SDEC, 0.065, inject)


def nhs_app_support_ticket_body(rng, rows):
    def inject(r, t):
        return t + " Passport number given: " + v.passport_number(r)

    return _column(rng, rows, NHS_APP, 0.08, inject)


def pulmonary_rehab_transport_note(rng, rows):
    def inject(r, t):
        return t + " Car reg " + v.vehicle_registration(r) + " for the car park list."

    return _column(rng, rows, PULMREHAB, 0.055, inject)


def frailty_unit_mdt_discussion(rng, rows):
    def inject(r, t):
        return t + " Property UPRN " + v.uprn(r) + " sent to housing."

    return _column(rng, rows, FRAILTY, 0.05, inject)
