"""Category d: misleading headers."""

import datetime as dt

from . import cat_a
from . import values as v

CLINIC_PLAIN = [
    "Seen in {hosp} virtual clinic {day}. {dev} readings reviewed, stable.",
    "Started {drug}. Review in {month} via Near Me.",
    "Transferred from {town} community team. Kit shipped from Bellshill depot.",
    "Discussed at Tuesday MDT, plan agreed with Western General cardiology.",
    "Pulse oximeter from {dev} range replaced - faulty sensor.",
    "Patient prefers Welsh; letter via Cwmni Iechyd Digidol template.",
    "Rescheduled: Easter Monday bank holiday. Next slot {day} {month}.",
    "Holter booked at {hosp}. Attend with {drug} list.",
    "Hub relocated to {town} address on file, no change to readings.",
    "Escalated to Hospital at Home, {town} locality.",
    "Referred to Parkinson's nurse; Madopar timing adjusted.",
    "Crohn's flare, IBD helpline advice given, calprotectin sent.",
]


def clinic_notes(rng):
    return cat_a._free(rng, CLINIC_PLAIN, [], 0.0, 0.15)


def nhs_ref(rng):
    s = v.mod11_fail(rng, rng.choice("3456789"))
    r = rng.random()
    if r < 0.6:
        return f"{s[:3]} {s[3:6]} {s[6:]}"
    return s


def patient_name(rng):
    return rng.choice(
        [
            "Video Room 3",
            "Video Room 1",
            "Pulmonary Rehab Group B",
            "Heart Failure Education",
            "DNA",
            "BLOCKED - admin",
            "Telephone slot",
            "Diabetes Group (virtual)",
            "Near Me test call",
            "UNALLOCATED",
            "Emergency slot",
            "Reserved - urgent",
            "Clinic cancelled",
            "Training patient",
            "Group: Breathe Easy",
        ]
    )


def email_address(rng):
    local = rng.choice(
        [
            "noreply",
            "portal-noreply",
            "dq-team",
            "ig.requests",
            "remote.monitoring",
            "near.me.support",
            "data.protection",
            "linkage-queue",
            "sms-bounces",
            "optout.checks",
            "helpdesk",
            "postmaster",
            "do-not-reply",
            "consent.register",
        ]
    )
    dom = rng.choice(v.EMAIL_DOMAINS)
    e = f"{local}@{dom}"
    return e.upper() if rng.random() < 0.1 else e


def dob_check(rng):
    d = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randint(0, 900))
    outcome = rng.choice(["MATCH", "MATCH", "MATCH", "MISMATCH", "NOT CHECKED", "Partial"])
    if outcome == "NOT CHECKED":
        return outcome
    return rng.choice([f"{outcome} {d.isoformat()}", f"{outcome} ({d.strftime('%d/%m/%Y')})"])


def telephone(rng):
    return rng.choice(
        [
            f"Ext {rng.randint(2000, 7999)}",
            f"x{rng.randint(2000, 7999)}",
            "Switchboard then ask for remote monitoring",
            "Teams only",
            f"bleep {rng.randint(1000, 2999)}",
            f"internal {rng.randint(40000, 49999)}",
            "via Near Me",
            "n/a - email only",
            f"Ext. {rng.randint(2000, 7999)} (answerphone)",
        ]
    )


def ref_area(rng):
    if rng.random() < 0.05:
        return None
    return v.postcode(rng)


def value(rng):
    if rng.random() < 0.04:
        return None
    return v.nhs_number(rng)


def contact(rng):
    if rng.random() < 0.2:
        return None
    return v.email(rng)


def description(rng):
    f, s = v.name(rng)
    r = rng.random()
    if r < 0.7:
        return f"{s.upper()}, {f}"
    if r < 0.85:
        return f"{s.upper()}, {f} ({rng.choice(['Mr', 'Mrs', 'Ms', 'Miss'])})"
    return f"{s}, {f}"


def account_key(rng):
    if rng.random() < 0.1:
        return None
    return v.ni_number(rng)


def misc_1(rng):
    if rng.random() < 0.4:
        return None
    return v.driving_licence(rng)


def item(rng):
    if rng.random() < 0.3:
        return None
    return v.vehicle_registration(rng)


def location(rng):
    if rng.random() < 0.05:
        return None
    return v.address(rng)
