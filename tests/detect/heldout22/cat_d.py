"""Category d: misleading headers."""

import hashlib

from . import pools, values
from .text import column, prose

NOTES = [
    "Transferred from {hosp} to {hosp2} for fixation",
    "Known {disease}; on Madopar",
    "Lives in {town}, family in {town2}",
    "Seen by Age UK {town} worker, St John Ambulance conveyed",
    "Admitted via {hosp} ED on a Sunday in March",
    "Attends church in {town}; Macmillan nurse involved",
    "Background {eponym}; under {hosp} cardiology",
    "Previously at {ward}, moved to {ward2}",
    "On {drug} and {drug2}; Warfarin stopped",
    "Christmas Day admission, theatre Boxing Day",
    "Originally from {place}, interpreter booked",
    "Holiday in Cornwall when fell; repatriated from Royal Cornwall Hospital",
    "Reviewed at Trent Regional MDT",
]


def notes(rng, rows):
    return column(rng, rows, 0.3, lambda: prose(rng, NOTES, 0.3))


def nhs_status(rng, rows):
    opts = [
        "Verified",
        "Traced - new number",
        "Not traced",
        "Mismatch",
        "01",
        "01 - Number present and verified",
        "02 - Number present but not traced",
        "03 - Trace required",
        "04 - Trace attempted - No match",
        "07 - Number not present and trace not required",
        "verified",
        "VERIFIED ",
    ]
    return column(rng, rows, 0.05, lambda: rng.choice(opts))


def dob_source(rng, rows):
    opts = [
        "PDS",
        "Self-reported",
        "GP record",
        "Hospital PAS",
        "Estimated",
        "Derived from age",
        "CHI",
        "Registry",
        "pds",
        "self report",
        "unknown",
    ]
    return column(rng, rows, 0.1, lambda: rng.choice(opts))


def imd_decile(rng, rows):
    def make():
        r = rng.random()
        if r < 0.85:
            return str(rng.randint(1, 10))
        if r < 0.93:
            return f"{rng.randint(1, 10)}.0"
        return rng.choice(["Not known", "Scotland - SIMD", "Wales - WIMD"])

    return column(rng, rows, 0.04, make)


SUBJECTS = [
    "Your invitation: Hip Fracture PROMs {k}-day survey",
    "Reminder: stroke survivor panel questionnaire",
    "RE: Diabetes audit - patient experience",
    "Thank you for joining the {town} patient panel",
    "FW: Congenital anomaly register - parent information",
    "Action needed: confirm your contact preferences",
    "Rare disease registry newsletter ({date})",
    "Your {system} cohort study update",
]


def email_subject(rng, rows):
    return column(rng, rows, 0.02, lambda: prose(rng, SUBJECTS, 0.0))


def sha_digest(rng, rows):
    salt = f"{rng.getrandbits(64):x}"

    def make():
        h = hashlib.sha256((salt + values.nhs_number(rng)).encode()).hexdigest()
        return h.upper() if rng.random() < 0.3 else h

    return column(rng, rows, 0.02, make)


def consultant_specialty(rng, rows):
    def make():
        s = rng.choice(pools.SPECIALTIES)
        r = rng.random()
        if r < 0.4:
            return s
        if r < 0.7:
            return s.split(" ", 1)[0]
        return s.split(" ", 1)[1].upper()

    return column(rng, rows, 0.05, make)


def nhs_spaced(rng, rows):
    def make():
        n = values.nhs_number(rng)
        return values.messy(rng, f"{n[:3]} {n[3:6]} {n[6:]}", 0.05)

    return column(rng, rows, 0.04, make)


def email_plain(rng, rows):
    def make():
        return values.messy(rng, values.email_for(rng, values.fore(rng), values.sur(rng)), 0.1)

    return column(rng, rows, 0.15, make)


def mailing_label(rng, rows):
    def make():
        f, s = values.fore(rng), values.sur(rng)
        r = rng.random()
        if r < 0.6:
            return f"{s.upper()}, {f}"
        if r < 0.8:
            return f"{s.upper()}, {f} {rng.choice(['Mr', 'Mrs', 'Ms', 'Dr', 'Mx'])}"
        return f"{s.upper()}, {f[0]}"

    return column(rng, rows, 0.01, make)


def ni_key(rng, rows):
    return column(rng, rows, 0.03, lambda: values.ni_number(rng))


def phone_value(rng, rows):
    return column(rng, rows, 0.1, lambda: values.phone_any(rng))


def chi_linkage(rng, rows):
    return column(rng, rows, 0.02, lambda: values.chi_number(rng))


def postcode_area(rng, rows):
    return column(rng, rows, 0.06, lambda: values.messy(rng, values.postcode(rng), 0.1))
