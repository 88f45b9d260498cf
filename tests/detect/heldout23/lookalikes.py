"""Category g: look-alikes that identify nobody (kind None)."""

import random

from . import pools
from . import values as v


def specimen_id(rng: random.Random, rows: int):
    return [
        rng.choice(
            [
                f"H{rng.randint(23, 25)}.{rng.randint(0, 9999999):07d}.{rng.choice('ABKMX')}",
                f"{rng.choice(['BC', 'MB', 'HA'])}{rng.randint(10**7, 10**8 - 1)}",
                f"S{rng.randint(23, 25)}-{rng.randint(0, 999999):06d}",
            ]
        )
        for _ in range(rows)
    ]


def drug(rng, rows):
    return [rng.choice(pools.DRUGS) for _ in range(rows)]


def care_home(rng, rows):
    return [rng.choice(pools.CARE_HOMES) for _ in range(rows)]


def surgery_name(rng, rows):
    return [rng.choice(pools.SURGERIES) for _ in range(rows)]


def test_requested(rng, rows):
    return [rng.choice(pools.TESTS) for _ in range(rows)]


def ods_code(rng, rows):
    def make(rng):
        return rng.choice(
            [
                f"{rng.choice('ABCDEFGHJKLMNPY')}{rng.randint(81000, 92999)}",
                f"Y{rng.randint(0, 9999):05d}",
                f"U{rng.randint(10000, 99999)}",
                f"W{rng.randint(91000, 99999)}",
            ]
        )

    return [make(rng) for _ in range(rows)]


SMS_TEMPLATES = [
    "Dear {Forename}, you are due your annual review at {PracticeName}. Book: {BookingLink}",
    "Hi [FIRST_NAME], your blood test results are back - no action needed. {Practice}",
    "Reminder: appt on <<ApptDate>> at <<ApptTime>> with <<Clinician>>. Reply CANCEL to cancel.",
    "{{patient.title}} {{patient.surname}}, please complete our asthma questionnaire: https://forms.example/a",
    "Dear Patient, flu clinic Saturday. No need to reply. Ffoniwch os oes angen.",
    "Hello %NAME%, your prescription is ready to collect from %PHARMACY%.",
    "Test message - please ignore. Sent by Jane Doe example account.",
    "Dear {Forename} {Surname}, DOB {DOB}, NHS no {NHSNumber}: please confirm your details.",
    "Your GP has asked you to book a medication review. Call {PracticePhone}.",
]


def sms_template(rng, rows):
    return [rng.choice(SMS_TEMPLATES) for _ in range(rows)]


def hub_site(rng, rows):
    return [rng.choice(pools.HUB_SITES) for _ in range(rows)]


BAD_FIRST = "DFIQUV"


def asset_tag(rng, rows):
    def make(rng):
        a = rng.choice(BAD_FIRST) if rng.random() < 0.5 else rng.choice("ABCEGHJKLMNPRSTWXYZ")
        b = rng.choice("DFIQUVO") if a not in BAD_FIRST else rng.choice(v.LETTERS)
        suf = rng.choice("EFGHXYZ")
        return f"{a}{b}{rng.randint(0, 999999):06d}{suf}"

    return [make(rng) for _ in range(rows)]


def lot_no(rng, rows):
    def make(rng):
        r = rng.random()
        if r < 0.4:
            return f"{rng.choice(['FK', 'EW', 'FH', 'PC', 'AB'])}{rng.randint(1000, 9999)}"
        if r < 0.75:
            area = rng.choice(v.VRM_AREA) + rng.choice(v.VRM_LETTERS)
            tail = "".join(rng.choice(v.VRM_LETTERS) for _ in range(3))
            return f"{area}{rng.randint(10, 99)} {tail}"
        return f"LOT{rng.randint(100000, 999999)}"

    return [make(rng) for _ in range(rows)]


def rack_pos(rng, rows):
    return [
        rng.choice(
            [
                f"{rng.choice('ABCDEF')}{rng.randint(1, 20)} "
                f"{rng.randint(1, 9)}{rng.choice('ABCD')}{rng.randint(1, 9)}",
                f"RK{rng.randint(1, 12)}-{rng.randint(1, 96):02d}",
                f"Fridge {rng.randint(1, 4)} / Shelf {rng.choice('ABC')}",
            ]
        )
        for _ in range(rows)
    ]


def guid(rng, rows):
    def h(n):
        return "".join(rng.choice("0123456789ABCDEF") for _ in range(n))

    return [
        rng.choice(
            [
                f"{{{h(8)}-{h(4)}-{h(4)}-{h(4)}-{h(12)}}}",
                f"{h(8)}-{h(4)}-{h(4)}-{h(4)}-{h(12)}".lower(),
            ]
        )
        for _ in range(rows)
    ]


def staff_role(rng, rows):
    return [rng.choice(pools.STAFF_ROLES) for _ in range(rows)]


def pcse_claim_no(rng, rows):
    out = []
    for _ in range(rows):
        n = v.invalid_ten(rng)
        out.append(rng.choice([f"{n[:3]} {n[3:6]} {n[6:]}", n]))
    return out
