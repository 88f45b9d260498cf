"""Category a: identifiers in a minority of free-text rows, plus clean prose columns."""

from . import pools
from . import values as v

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _fill(rng, t: str) -> str:
    return t.format(
        day=rng.choice(DAYS),
        month=rng.choice(MONTHS),
        town=rng.choice(pools.TOWNS),
        hosp=rng.choice(pools.HOSPITALS),
        dev=rng.choice(pools.DEVICE_MODELS),
        n=rng.randint(2, 48),
        m=rng.randint(1, 9),
        pct=round(rng.uniform(80, 99.9), 1),
        drug=rng.choice(pools.DRUGS),
        ward=rng.randint(1, 32),
        band=rng.choice(pools.BANDS),
        song=rng.choice(pools.SONGS),
        fam=rng.choice(pools.FAMOUS_WARDS),
        code=f"{rng.randint(100000, 999999)}",
    )


def _mess(rng, s: str) -> str:
    r = rng.random()
    if r < 0.05:
        s = s.upper()
    elif r < 0.12:
        s = s.lower()
    if rng.random() < 0.08:
        s = s.replace(". ", ".\n", 1)
    if rng.random() < 0.05:
        s = "  " + s
    return s


def _free(rng, plain, hits, rate, blank):
    if rng.random() < rate:
        return _mess(rng, rng.choice(hits)(rng))
    if rng.random() < blank:
        return None
    return _mess(rng, _fill(rng, rng.choice(plain)))


# ---------------------------------------------------------------- portal recovery
RECOVERY_PLAIN = [
    "Caller locked out after {m} failed attempts. Reset link sent, advised to check junk folder.",
    "NHS login identity check failed at photo ID step. Advised to retry with passport in daylight.",
    "P9 verification not completed, account left at P5. Explained GP linkage needs practice visit.",
    "Changed phone, 2FA codes going to old handset. Referred to NHS login support form.",
    "Linkage key requested from practice in {town}. Pt to collect {day}.",
    "Duplicate NHS login accounts - asked user to sign in with older email. Ticket escalated.",
    "Prescription ordering greyed out - practice has not switched on repeat meds. No action.",
    "User reports app crash on Android 14 after update {m}.{n}. Cleared cache, resolved.",
    "Face scan kept timing out. Tried {m} times. Booked callback {day} pm.",
    "Proxy access for care home not possible via app, signposted to practice form.",
    "Caller abusive, call ended per policy. Logged on Datix.",
    "Account recovered. Security questions reset. No further action.",
]


def _recovery_hit(rng):
    num = v.phone_digits(rng, 0.7)
    shown = rng.choice([num, v.phone_pretty(num), "+44 " + v.phone_pretty(num)[1:]])
    return rng.choice(
        [
            f"Call back on {shown} after 5pm, pt at work.",
            f"Locked out, new mobile is {shown} - old number no longer in use.",
            f"Daughter rang from {shown} re mum's NHS App reset. Explained proxy process.",
            f"Verification code not arriving. Confirmed number {shown} correct on NHS login.",
        ]
    )


def portal_recovery_notes(rng):
    return _free(rng, RECOVERY_PLAIN, [_recovery_hit], 0.07, 0.15)


# ---------------------------------------------------------------- e-consult
ECONSULT_PLAIN = [
    "Cough for {n} days, worse at night, no fever. Tried honey and lemon.",
    "Rash on both arms since {day}, itchy, started after new washing powder.",
    "Need fit note extended, still off with back pain, physio at {hosp} next month.",
    "Requesting a review of my {drug}, I think it is making me dizzy.",
    "My son has had earache since {day} and is off his food.",
    "Blood pressure readings at home about 150/95 for the last {m} weeks.",
    "Would like to discuss HRT options. Symptoms since {month}.",
    "Sore throat and swollen glands. Not sure if I need antibiotics.",
    "Going to Spain in {month}, do I need any vaccinations?",
    "Feeling low and not sleeping. Don't want to talk on the phone if possible.",
    "Repeat of inhaler please, ran out on {day}.",
    "Knee gave way playing 5-a-side in {town}, swollen since.",
]


def _econsult_hit(rng):
    f, s = v.name(rng)
    return rng.choice(
        [
            f"Hi my name is {f} {s} and I have had a cough for 2 weeks.",
            f"This is for my daughter {f} {s}, she has a temperature and rash.",
            f"Submitting on behalf of my dad {f} {s} who can't use the app.",
            f"{f} {s} here - need my blood test results explained please",
            f"Child's name {f} {s}. Asthma worse since {rng.choice(MONTHS)}.",
        ]
    )


def econsult_free_text(rng):
    return _free(rng, ECONSULT_PLAIN, [_econsult_hit], 0.055, 0.1)


# ---------------------------------------------------------------- SMS bounces
SMS_PLAIN = [
    "DELIVRD",
    "UNDELIV: absent subscriber",
    "EXPIRED after 48h validity period",
    "REJECTD: invalid destination format",
    "Handset memory full (err 0x{code})",
    "Carrier timeout, retry {m} of 3",
    "Landline - SMS not supported, fallback to letter",
    "Opted out via STOP keyword on {day}",
    "Ported number, carrier lookup failed",
    "Message too long ({n}0 chars), split failed",
    "Unknown subscriber (SMPP 0x0000000B)",
    "Throttled by gateway, batch {code}",
]


def _sms_hit(rng):
    num = v.phone_digits(rng, 0.85)
    intl = "44" + num[1:]
    return rng.choice(
        [
            f"UNDELIV to {intl}: absent subscriber",
            f"REJECTD dest={intl} err=0x0000000B",
            f"Permanent failure for MSISDN {intl} - remove from recall list",
            f"EXPIRED {intl} after 3 retries",
        ]
    )


def sms_bounce_detail(rng):
    return _free(rng, SMS_PLAIN, [_sms_hit], 0.09, 0.05)


# ---------------------------------------------------------------- DSR
DSR_PLAIN = [
    "Request to correct spelling of middle name on portal record. Passed to practice.",
    "Erasure request for app account only - explained clinical record cannot be erased.",
    "Objection to use of data for planning - signposted to national data opt-out.",
    "Rectification of address following move to {town}. Completed within {n} days.",
    "Request to remove incorrect diagnosis. Clinician reviewed, note added instead.",
    "Portability request for monitoring readings from {dev}. CSV provided.",
    "Restriction of processing pending dispute about allergy entry.",
    "Erasure of video consultation recording requested. Recording not retained - confirmed.",
    "Complaint to ICO threatened. DPO informed {day}.",
    "Request withdrawn by requester on {day}.",
]


def _dsr_hit(rng):
    n = v.nhs_number(rng)
    shown = rng.choice([n, f"{n[:3]} {n[3:6]} {n[6:]}"])
    return rng.choice(
        [
            f"Rectification: NHS no {shown} has wrong DOB on portal. Passed to PDS team.",
            f"Erasure request re duplicate record {shown} - merge requested instead.",
            f"Requester quoted NHS number {shown}; identity confirmed by letter.",
        ]
    )


def dsr_summary(rng):
    return _free(rng, DSR_PLAIN, [_dsr_hit], 0.06, 0.08)


# ---------------------------------------------------------------- linkage review
LINK_PLAIN = [
    "Probabilistic match weight {n}.{m}, below threshold. Surname transposed, accept.",
    "Same DOB and postcode sector, different forename. Twins? Reject link.",
    "Forename is nickname of other record. Accept on balance.",
    "Candidate pair differ only in house number. Flag for second reviewer.",
    "Record from {hosp} has default DOB 01/01/1900. Cannot decide - refer.",
    "Married name change suspected; accept with caution.",
    "Deterministic fail on CHI, probabilistic pass. Accepted by 2 reviewers.",
    "Blocking on Soundex gave {n} candidates, none plausible.",
    "Sex mismatch, everything else agrees. Refer to supervisor.",
    "Agreed with first reviewer. No comment.",
]


def _link_hit(rng):
    c = v.chi_number(rng)
    shown = rng.choice([c, f"{c[:6]} {c[6:]}", f"{c[:6]}-{c[6:]}"])
    return rng.choice(
        [
            f"CHI {shown} on left record, right record has none. Accept.",
            f"Right record CHI is {shown}, differs by one digit from left. Typo? Refer.",
            f"Linked to {shown} by clerk in {rng.choice(pools.TOWNS)} - confirm.",
        ]
    )


def linkage_reviewer_comment(rng):
    return _free(rng, LINK_PLAIN, [_link_hit], 0.08, 0.12)


# ---------------------------------------------------------------- courier notes
COURIER_PLAIN = [
    "Delivered, signed for at door.",
    "Left in safe place (porch) as instructed.",
    "No answer, card left. Redelivery {day}.",
    "Returned to depot - access code wrong.",
    "Delivered to reception at {hosp}.",
    "Parcel damaged in transit, {dev} replaced.",
    "Collected from depot in {town} by recipient.",
    "Customer refused - already has hub.",
    "Return collection of old {dev} completed.",
    "Address incomplete, driver phoned surgery.",
]


def _courier_hit(rng):
    a = v.address(rng)
    return rng.choice(
        [
            f"Left with neighbour at {a}",
            f"Redirected by patient to {a}",
            f"Driver unable to find property. Correct address is {a}",
            f"Delivered to son's house: {a}",
        ]
    )


def courier_delivery_notes(rng):
    return _free(rng, COURIER_PLAIN, [_courier_hit], 0.065, 0.1)


# ---------------------------------------------------------------- video chat
VIDEO_PLAIN = [
    "Hello, I'm in the waiting room",
    "Can you hear me?",
    "my camera is not working",
    "Running 10 mins late sorry",
    "Is the clinician coming? been waiting {n} min",
    "The link from the text doesn't open on my iPad",
    "ok thanks",
    "I'll try on my phone instead",
    "Interpreter joining? I need Polish",
    "Sound keeps cutting out",
    "Thank you doctor",
    "Do I need to download anything?",
]


def _video_hit(rng):
    e = v.email(rng)
    return rng.choice(
        [
            f"can you send the link to {e} instead",
            f"My email is {e} please send letter there",
            f"pls resend invite to {e.upper() if rng.random() < 0.2 else e} thx",
        ]
    )


def video_waiting_room_chat(rng):
    return _free(rng, VIDEO_PLAIN, [_video_hit], 0.05, 0.1)


# ---------------------------------------------------------------- opt-out check
OPTOUT_PLAIN = [
    "MESH response received, no opt-out held.",
    "Opt-out held - record suppressed from extract.",
    "Check failed: NHS number not traced. Record excluded by default.",
    "Type 1 objection coded at practice, excluded.",
    "Re-run after {day} batch, status unchanged.",
    "Exempt - invoice validation purpose, opt-out not applied.",
    "Patient deceased, no opt-out check required.",
    "Batch {code} returned {n} suppressions.",
    "Local objection recorded by IG, applied manually.",
]


def _optout_hit(rng):
    h = v.hospital_number(rng)
    return rng.choice(
        [
            f"MRN {h} not matched to NHS no - manual check needed.",
            f"Hosp no {h} suppressed after opt-out confirmed.",
            f"Record {h} appears twice in extract, deduplicated.",
        ]
    )


def opt_out_check_remarks(rng):
    return _free(rng, OPTOUT_PLAIN, [_optout_hit], 0.045, 0.1)


# ---------------------------------------------------------------- consent to share
CONSENT_PLAIN = [
    "Consent to share with social work given verbally.",
    "Declined sharing with third sector partners.",
    "Consent reviewed at annual check, unchanged.",
    "Lacks capacity - best interests decision recorded.",
    "Consent limited to {hosp} and GP only.",
    "Withdrew consent on {day} by letter.",
    "Easy-read leaflet provided, consent given.",
    "Consent via Welsh-language form.",
    "Consent expiry {month}, reminder set.",
    "Interpreter used (Tigrinya) - consent given.",
]


def _consent_hit(rng):
    f, s = v.name(rng)
    t = rng.choice(["Mrs", "Mr", "Ms", ""])
    who = f"{t} {f} {s}".strip()
    return rng.choice(
        [
            f"Consent given by daughter {who} (welfare POA).",
            f"Verbal consent via husband {who}, pt present.",
            f"Son {who} holds guardianship - consented to share.",
        ]
    )


def consent_share_comments(rng):
    return _free(rng, CONSENT_PLAIN, [_consent_hit], 0.06, 0.2)


# ---------------------------------------------------------------- DQ analyst
DQANN_PLAIN = [
    "Completeness of ethnicity dropped to {pct}% after {month} load.",
    "Spike in default DOBs from {hosp} feed - raised with supplier.",
    "Postcode validity {pct}%, terminated postcodes from {town} boundary change.",
    "Duplicate rate stable.",
    "Feed late by {n} hours, dashboard stale.",
    "Invalid NHS numbers fell after check-digit validation added.",
    "{n} records with future dates of birth, sent to source system owner.",
    "Timeliness breach - batch {code}.",
    "No issues this week.",
]


def _dqann_hit(rng):
    ni = v.ni_number(rng)
    shown = rng.choice([ni, f"{ni[:2]} {ni[2:4]} {ni[4:6]} {ni[6:8]} {ni[8]}"])
    return rng.choice(
        [
            f"NINO {shown} keyed into NHS number field at {rng.choice(pools.HOSPITALS)}.",
            f"Example of bad data: '{shown}' in hospital number column.",
            f"Row with NI no {shown} in local id field - corrected.",
        ]
    )


def dq_analyst_annotation(rng):
    return _free(rng, DQANN_PLAIN, [_dqann_hit], 0.055, 0.25)


# ---------------------------------------------------------------- hybrid mail
MAIL_PLAIN = [
    "Gone away",
    "Addressee unknown",
    "Refused",
    "Insufficient address",
    "Deceased - return to sender",
    "Undeliverable as addressed",
    "Royal Mail: no such street",
    "Damaged in print run {code}, reprinted",
    "Returned - no letterbox access",
    "Not called for (PO box closed)",
]


def _mail_hit(rng):
    s = rng.choice(pools.SURNAMES).upper()
    return rng.choice(
        [
            f"Gone away - {s} not known at this address",
            f"Addressee {s} deceased per occupier",
            f"Return: no {s} here, new occupier",
            f"Mr {s} moved, no forwarding address",
        ]
    )


def hybrid_mail_return_reason(rng):
    return _free(rng, MAIL_PLAIN, [_mail_hit], 0.11, 0.3)


# ---------------------------------------------------------------- None prose
WIFI_PLAIN = [
    "Wi-Fi in ward {ward} keeps dropping, had to reconnect to NHSGuest {m} times.",
    "Voucher code {code} didn't work at {hosp} main entrance.",
    "Great speed in the Costa area, slow in outpatients.",
    "Couldn't stream the match on {day}.",
    "Captive portal page in Welsh only on my phone?",
    "Guest-WiFi-{town} not visible in day unit.",
    "Please extend 4 hour limit, visiting my mum all day.",
    "Portal asked for date of birth?? why",
    "Worked fine, thanks.",
    "Signal weak near {fam}.",
    "Blocked BBC iPlayer - why?",
    "Kids ward tablet won't connect to HospitalGuest_5G.",
]


def wifi_guest_feedback(rng):
    return _free(rng, WIFI_PLAIN, [], 0.0, 0.2)


DQRULE_PLAIN = [
    "NHS number must be 10 digits and pass the modulus 11 check (mask NNN NNN NNNN).",
    "Date of birth must not be in the future or before 01/01/1900.",
    "Postcode must match the pattern AN NAA, ANN NAA, AAN NAA, AANN NAA, ANA NAA or AANA NAA.",
    "CHI number: first six digits are DDMMYY; 9th digit odd for male.",
    "Flag records where forename equals surname.",
    "Telephone must start 0 or +44 and have 10-11 digits after the prefix.",
    "Email must contain exactly one @ and a dot after it.",
    "Reject placeholder names such as TEST, UNKNOWN, BABY OF.",
    "Hospital number must be 7 digits with optional single letter prefix.",
    "NI number: 2 letters, 6 digits, suffix A-D; default XX999999X rejected.",
    "Ethnicity code must be one of the {n} 2011 census categories.",
    "Address line 1 mandatory unless NFA code recorded.",
]


def dq_rule_description(rng):
    return _free(rng, DQRULE_PLAIN, [], 0.0, 0.05)


RADIO_PLAIN = [
    "{song} by {band} - {n} requests from {fam}.",
    "Wards {ward} and {m} asked for more country.",
    "Quiz night {day}, winners from ward {ward}.",
    "{band} live session cancelled.",
    "Sunday hymns: {song}, Abide With Me.",
    "Request line busy {day} evening - {n} calls.",
    "Gaelic hour moved to {day}.",
    "Played {song} twice by mistake.",
    "Christmas special planning, {band} confirmed.",
    "Bedside units in ward {ward} broken.",
]


def radio_playlist_notes(rng):
    return _free(rng, RADIO_PLAIN, [], 0.0, 0.25)
