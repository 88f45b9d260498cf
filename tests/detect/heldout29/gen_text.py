"""Category a: free text with identifiers in a minority of rows."""

from . import pools
from . import values as v

OPENERS = [
    "Spoke with the home manager re outstanding fees.",
    "COP1 and COP3 drafted; awaiting capacity assessment.",
    "Deputy account reconciled to bank statements, minor variance.",
    "Financial assessment completed, client has assets over the upper limit.",
    "DPA legal charge registered, valuation received.",
    "Third-party top-up agreed at the weekly rate, reviewed annually.",
    "Letter before action sent, no response within 14 days.",
    "Property visited under s47, windows secured, post redirected.",
    "Funeral director instructed, simple cremation, no will located.",
    "Estate appears insolvent after funeral costs; referral considered.",
    "Complaint upheld in part, remedy payment recommended.",
    "Valuables bagged and sealed in the presence of two officers.",
    "Discharge delayed pending funding decision, finance team informed.",
    "Annual report to OPG submitted late, extension granted.",
    "Benefits maximised: AA high rate and pension credit now in payment.",
    "Client lacks capacity to manage property and affairs per COP3.",
    "Appointeeship application (BF56) returned by DWP for signature.",
    "Care charges accruing, no payments since the spring.",
    "Home insurance renewed via broker, unoccupied property clause noted.",
    "Ombudsman enquiry received, response due in 20 working days.",
]
MIDDLES = [
    "Daughter disputes the charge and says the house was gifted years ago.",
    "Son reports the client signed an LPA but it was never registered.",
    "Possible deprivation of assets, refer to senior FAO.",
    "Bank refused to deal without a court order.",
    "Waiting on the Land Registry office copy.",
    "Pension provider needs the court order sealed copy.",
    "Rent account cleared from the client's savings.",
    "Cat rehomed via the local rescue; dog with neighbour for now.",
    "Meter readings taken, utilities moved to the void account.",
    "Will found in the bureau, executors to be contacted.",
    "Security bond premium paid from the deputyship account.",
    "Interim charging order discussed with legal.",
    "Quote from house clearance firm obtained.",
    "No next of kin known; council arranging the funeral.",
    "Client's wishes: to stay in the care home near the river.",
    "Family say they cannot afford the top-up after the increase.",
    "Council tax exemption class E applied for.",
    "Bona Vacantia guidance checked, estate under threshold.",
    "Heir hunter letter received asking about the estate value.",
    "Fee increase letter sent to all top-up payers.",
]
CLOSERS = [
    "Review in 3 months.",
    "BF 28 days.",
    "Case to panel.",
    "No further action.",
    "Passed to legal.",
    "Await reply.",
    "Diary for review.",
    "Closed.",
    "See attached.",
    "Manager aware.",
    "Updated on the system.",
    "",
]


def prose(rng) -> str:
    parts = [rng.choice(OPENERS)]
    if rng.random() < 0.7:
        parts.append(rng.choice(MIDDLES))
    if rng.random() < 0.5:
        parts.append(rng.choice(CLOSERS))
    sep = rng.choice([" ", " ", " ", "\n", "  ", " - "])
    text = sep.join(p for p in parts if p)
    return v.messy_case(rng, text, 0.03, 0.05)


def _wrap(rng, ident: str) -> str:
    """Occasionally break an identifier over a line break at a space."""
    if " " in ident and rng.random() < 0.1:
        i = ident.rfind(" ")
        return ident[:i] + "\n" + ident[i + 1 :]
    return ident


def _nhs(rng):
    n = v.nhs_number(rng)
    shown = rng.choice([n, f"{n[:3]} {n[3:6]} {n[6:]}"])
    return rng.choice(
        [
            "NHS no {} confirmed on COP3.",
            "Hosp gave NHS number {}.",
            "nhs {} (checked)",
            "NHS No: {}",
        ]
    ).format(_wrap(rng, shown))


def _phone(rng):
    p = v.phone_pretty(v.phone_digits(rng))
    return rng.choice(
        ["Call deputy back on {}.", "tel {} after 4pm", "Mobile given: {}", "Rang {} - no answer."]
    ).format(_wrap(rng, p))


def _email(rng):
    e = v.email(rng)
    return rng.choice(
        [
            "Genealogist replied from {}.",
            "reply to {} please",
            "Copy sent to {} as requested.",
            "email: {}",
        ]
    ).format(e)


def _ni(rng):
    n = v.ni_number(rng)
    shown = rng.choice([n, f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}"])
    return rng.choice(
        ["NINO {} used for DWP check.", "NI no {}", "pension credit under {}", "ni {} verified"]
    ).format(shown)


def _address(rng):
    a = v.address(rng, sep=rng.choice([", ", ", ", "\n"]))
    return rng.choice(
        ["Charge over {}.", "Property: {}", "House at {} to be valued.", "security is {}"]
    ).format(a)


def _full_name(rng):
    n = v.full_name(rng, title_p=0.3)
    return rng.choice(
        [
            "Top-up paid by {}.",
            "{} (son-in-law) will pay the difference.",
            "Payer now {}.",
            "spoke to {} re increase",
        ]
    ).format(n)


def _reg(rng):
    r = v.vehicle_reg(rng)
    shown = rng.choice([r, r.replace(" ", ""), r.lower()])
    return rng.choice(
        [
            "EA noted car {} on drive.",
            "vehicle reg {} parked at address",
            "Motability car {} to be returned.",
            "reg {} seen",
        ]
    ).format(shown)


def _uprn(rng):
    u = v.uprn(rng)
    return rng.choice(
        ["UPRN {} per gazetteer.", "uprn: {}", "LLPG ref (UPRN) {}", "Council tax record UPRN {}."]
    ).format(u)


def _surname(rng):
    s = rng.choice(pools.SURNAMES)
    t = rng.choice(["Mr", "Mrs", "Ms", "Miss", "Mr.", "Mrs."])
    return rng.choice(
        [
            "{} {}'s nephew attended.",
            "Ashes collected by {} {}.",
            "{} {} paid the deposit.",
            "spoke with {} {} (cousin)",
        ]
    ).format(t, s)


def _passport(rng):
    p = v.passport(rng)
    return rng.choice(
        [
            "Passport {} found in flat, expired.",
            "ID seen: passport no {}",
            "passport number {} copied to file",
        ]
    ).format(p)


def _chi(rng):
    c = v.chi_number(rng)
    return rng.choice(
        ["Client moved from Fife, CHI {}.", "SPSO case, CHI no. {}", "chi {} on Scottish record"]
    ).format(c)


def _dl(rng):
    d = v.driving_licence(rng)
    shown = rng.choice([d, f"{d[:5]} {d[5:11]} {d[11:]}"])
    return rng.choice(
        [
            "Bag 3: photocard licence {}",
            "driving licence {} (expired)",
            "DVLA licence no {} returned to DVLA",
        ]
    ).format(shown)


def _hosp(rng):
    h = v.hospital_number(rng)
    return rng.choice(
        ["Ward ref {}.", "hosp no {}", "MRN {} per discharge letter", "Hospital number {}"]
    ).format(h)


def _dob(rng):
    d, m, y = v.dob(rng)
    shown = rng.choice(
        [f"{d:02d}/{m:02d}/{y}", f"{d} {v.MONTHS[m - 1]} {y}", f"{d:02d}.{m:02d}.{y}"]
    )
    return rng.choice(
        ["DOB {} confirmed with GP.", "born {}", "d.o.b. {}", "Date of birth {} on old file"]
    ).format(shown)


INSERTS = {
    "nhs_number": _nhs,
    "phone": _phone,
    "email": _email,
    "ni_number": _ni,
    "address": _address,
    "full_name": _full_name,
    "vehicle_registration": _reg,
    "uprn": _uprn,
    "surname": _surname,
    "passport_number": _passport,
    "chi_number": _chi,
    "driving_licence": _dl,
    "hospital_number": _hosp,
    "date_of_birth": _dob,
}


def free_text(kind, rate, blank_p=0.08):
    def make(rng, rows):
        out = []
        for _ in range(rows):
            if rng.random() < blank_p:
                out.append(None)
                continue
            text = prose(rng)
            if rng.random() < rate:
                ident = INSERTS[kind](rng)
                text = rng.choice([f"{text} {ident}", f"{ident} {text}", f"{text}\n{ident}"])
            out.append(text)
        return out

    return make


A_COLUMNS = [
    ("cop1_application_narrative", "nhs_number", 0.07),
    ("deputy_account_commentary", "phone", 0.06),
    ("heir_hunter_correspondence", "email", 0.05),
    ("maali_jaiza_tabsira", "ni_number", 0.09),
    ("dpa_case_notes", "address", 0.08),
    ("topup_payer_notes", "full_name", 0.10),
    ("qarz_wasooli_log", "vehicle_registration", 0.05),
    ("property_protection_s47_notes", "uprn", 0.06),
    ("funeral_arrangements", "surname", 0.08),
    ("bona_vacantia_referral", "passport_number", 0.05),
    ("ombudsman_summary", "chi_number", 0.06),
    ("safe_custody_contents", "driving_licence", 0.05),
    ("nótaí_ospidéil", "hospital_number", 0.09),
    ("mantobbo", "date_of_birth", 0.06),
]

GENERATORS = {name: free_text(kind, rate) for name, kind, rate in A_COLUMNS}
