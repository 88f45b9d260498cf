"""Categories d (misleading headers) and e (headerless / coded headers)."""

from . import pools
from . import values as v


def _col(fn, blank_p):
    def make(rng, rows):
        return [None if rng.random() < blank_p else fn(rng) for _ in range(rows)]

    return make


# ---- d -------------------------------------------------------------------------------

COURTS = [
    "Court of Protection",
    "First-tier Tribunal",
    "Leeds County Court",
    "Bradford Magistrates",
    "Sheriff Court in Paisley",
    "High Court Family Division",
    "the Upper Tribunal",
]
PLACES = [
    "Otley",
    "Keighley",
    "Batley",
    "Pontypridd",
    "Paisley",
    "Luton",
    "Ilford",
    "Wrexham",
    "Lurgan",
    "Govan",
    "Harrogate",
    "Blackpool",
    "Lahore",
    "Sylhet",
    "Hargeisa",
    "Cluj",
    "Galway",
    "Mirpur",
    "Bucharest",
    "Donegal",
]
ORGS = [
    "HMRC",
    "DWP",
    "the Land Registry",
    "Age UK",
    "Citizens Advice",
    "Barclays",
    "Nationwide",
    "the OPG",
    "Motability",
    "the Co-op Funeralcare",
    "Bona Vacantia",
    "LGSCO",
    "Santander",
    "Royal Mail",
    "the Post Office",
    "Legal & General",
    "Aviva",
]


FUNERAL_VENUES = ["St Mary", "St Columba", "Central Mosque", "Guru Nanak Gurdwara", "Holy Trinity"]
PENSIONS = ["Teachers Pensions", "NHS Pensions", "British Steel", "Royal Mail"]


def proper_noun_notes(rng):
    home = rng.choice(pools.CARE_HOMES)
    bits = [
        f"Statement from {rng.choice(ORGS)} received; balance transferred to {rng.choice(ORGS)}.",
        f"Moved to {home} in {rng.choice(PLACES)} after respite.",
        f"Application lodged with the {rng.choice(COURTS)}.",
        f"Family property in {rng.choice(PLACES)} to be sold via an agent.",
        f"{rng.choice(pools.BANK_BRANCHES)} closed the account.",
        f"Funeral at {rng.choice(FUNERAL_VENUES)}, {rng.choice(PLACES)}.",
        f"Remittances to relatives in {rng.choice(PLACES)} queried.",
        f"Pension from {rng.choice(PENSIONS)} confirmed.",
        f"Ombudsman (LGSCO) asked for chronology by {rng.choice(v.MONTHS)}.",
    ]
    k = rng.randint(1, 3)
    return rng.choice([" ", "\n"]).join(rng.sample(bits, k))


def supply_chain_order(rng):
    return rng.choice(
        [
            f"NHSSC-{rng.randint(1000000, 9999999)}",
            f"PO{rng.randint(400000, 499999)}",
            f"SC/{rng.randint(20, 24)}/{rng.randint(10000, 99999)}",
        ]
    )


def assessment_date(rng):
    y = rng.randint(2019, 2024)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{y}-{m:02d}-{d:02d}"])


def paye_ref(rng):
    letters = rng.choice(v.UPPER) + rng.choice(v.UPPER)
    return f"{rng.randint(100, 999)}/{letters}{rng.randint(10000, 99999)}"


def salutation(rng):
    return rng.choice(
        [
            "Dear Mrs",
            "Dear Mr",
            "Dear Sir/Madam",
            "Dear Ms",
            "Mr",
            "Mrs",
            "Dr",
            "Dear Executor",
            "To the family of",
            "Dear Deputy",
            "Rev",
            "Dear Dr",
            "Mx",
            "Sir",
            "Madam",
            "To whom it may concern",
            "Dear Attorney",
        ]
    )


def soundex(rng):
    letter = rng.choice("ABCDEFGHJKLMNOPRSTWY")
    return f"{letter}{rng.randint(0, 6)}{rng.randint(0, 6)}{rng.randint(0, 6)}"


def law_firm(rng):
    return rng.choice(
        [
            *pools.LAW_FIRMS,
            "Public Trustee",
            "Official Solicitor",
            "Council (as deputy)",
            "Trust Corporation - Hollis Drake",
        ]
    )


def nhs_spaced(rng):
    n = v.nhs_number(rng)
    return f"{n[:3]} {n[3:6]} {n[6:]}"


def phone_pretty(rng):
    return v.phone_pretty(v.phone_digits(rng))


D_GENERATORS = {
    "case_notes": _col(proper_noun_notes, 0.1),
    "nhs_ref": _col(supply_chain_order, 0.05),
    "patient_name": _col(lambda r: r.choice(pools.CARE_HOMES), 0.05),
    "dob": _col(assessment_date, 0.05),
    "ni_number": _col(paye_ref, 0.1),
    "address": _col(salutation, 0.05),
    "surname_soundex": _col(soundex, 0.02),
    "executor": _col(law_firm, 0.3),
    "ref": _col(nhs_spaced, 0.05),
    "contact": _col(lambda r: v.email(r), 0.2),
    "details": _col(lambda r: v.full_name(r, 0.2), 0.05),
    "value": _col(phone_pretty, 0.15),
    "misc": _col(lambda r: v.ni_number(r), 0.1),
    "area": _col(lambda r: v.postcode(r), 0.05),
}

# ---- e -------------------------------------------------------------------------------


def padded(width):
    def wrap(fn):
        def inner(rng):
            return fn(rng).ljust(width)

        return inner

    return wrap


@padded(40)
def surname_comma_forename(rng):
    return f"{rng.choice(pools.SURNAMES).upper()}, {rng.choice(pools.FORENAMES)}"


@padded(20)
def padded_surname(rng):
    return rng.choice(pools.SURNAMES).upper()


def multiline_address(rng):
    return v.address(rng, sep="\n")


def phone_plain(rng):
    d = v.phone_digits(rng)
    return rng.choice([d, v.phone_pretty(d)])


def email_mixed_case(rng):
    e = v.email(rng)
    return rng.choice([e, e.upper(), e[0].upper() + e[1:]])


def dob_compact(rng):
    d, m, y = v.dob(rng)
    return f"{y}{m:02d}{d:02d}"


def band_code(rng):
    return (
        rng.choice(["B", "T", "C", "R"])
        + str(rng.randint(1, 6))
        + rng.choice(["", "-A", "-B", "/N"])
    )


def weekly_amount(rng):
    x = rng.randint(0, 120000) / 100
    return rng.choice([f"£{x:.2f}", f"{x:.2f}", f"£{x:,.2f} pw"])


def status_phrase(rng):
    return rng.choice(
        [
            "Awaiting COP order",
            "Deputy appointed",
            "Nil charge",
            "Full cost",
            "DPA offered",
            "DPA declined",
            "Debt referred",
            "Written off",
            "In dispute",
            "Funeral paid",
            "Estate closed",
            "Top-up agreed",
            "Appeal lodged",
            "Pending",
        ]
    )


def mod11_fail(rng):
    return v.mod11_invalid_10(rng, first=str(rng.randint(3, 7)))


def source_code(rng):
    return rng.choice(["CRS", "LAS", "EIS", "MOS", "CFW", "PAR", "ABA", "SAP", "OLM", "WCC"])


def fund_code(rng):
    return (
        rng.choice(["CPF", "ACF", "DPA", "APT", "DEP", "FUN", "BVR"])
        + f"-{rng.randint(1000, 9999)}"
    )


E_GENERATORS = {
    "field_23": _col(lambda r: v.nhs_number(r), 0.04),
    "col_17": _col(surname_comma_forename, 0.03),
    "Unnamed: 4": _col(multiline_address, 0.1),
    "Unnamed: 11": _col(phone_plain, 0.25),
    "FA0342": _col(lambda r: v.ni_number(r), 0.08),
    "PRS_SNM": _col(padded_surname, 0.02),
    "X_EML_ADR": _col(email_mixed_case, 0.3),
    "c09": _col(dob_compact, 0.03),
    "field_24": _col(band_code, 0.05),
    "col_18": _col(weekly_amount, 0.1),
    "Unnamed: 5": _col(status_phrase, 0.2),
    "FA0343": _col(mod11_fail, 0.05),
    "CLNT_SRC_CD": _col(source_code, 0.0),
    "c10": _col(fund_code, 0.05),
}
