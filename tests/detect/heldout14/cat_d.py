"""Category d: misleading headers."""

import datetime as dt
import random

from . import pools as pl
from . import values as vl

NOTES_BG = [
    "Referred on to {place} for second opinion.",
    "Discussed at {org} forum, agreed to fund 6 sessions.",
    "Switched to {drug} after review at {place}.",
    "Cataract list moved from {place} to {town} Community Hospital.",
    "Patient prefers appointments at {town}; transport via {org}.",
    "Sickle cell crisis protocol per {place} guidance, {drug}.",
    "Teledermatology images reviewed at {place}, routine.",
    "E-RS advice and guidance returned from {place}.",
    "Newborn hearing rescreen at {town} Children's Centre.",
    "Attends {act}; {org} volunteer drives.",
    "RTT clock paused - patient choice, holiday in {country}.",
    "Welsh-speaking clinician requested (Cymraeg).",
    "2WW Lower GI, FIT positive, straight to test at {place}.",
]


def notes(rng: random.Random, rows: int) -> list[str | None]:
    from .cat_a import _fill

    out: list[str | None] = []
    for _ in range(rows):
        if rng.random() < 0.2:
            out.append(None)
            continue
        k = rng.randint(1, 2)
        out.append(" ".join(_fill(rng, rng.choice(NOTES_BG)) for _ in range(k)))
    return out


def nhs_ref(rng: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        s = vl.failing_ten(rng, rng.choice(["4", "6", "9"]))
        out.append(rng.choice([s, s, f"PO{s}", f"PO-{s}", f"{s[:3]} {s[3:6]} {s[6:]}"]))
    return out


def patient_name(rng: random.Random, rows: int) -> list[str | None]:
    return [rng.choice(pl.CLINIC_SESSIONS) for _ in range(rows)]


def ref(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.05, lambda: vl.nhs_number(rng)) for _ in range(rows)]


def value(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.15, lambda: vl.email(rng)) for _ in range(rows)]


def info(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.08, lambda: vl.postcode(rng)) for _ in range(rows)]


def dob_booking(rng: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        d = dt.date(2023, 4, 1) + dt.timedelta(days=rng.randrange(800))
        out.append(d.strftime("%d/%m/%Y") if rng.random() < 0.85 else d.strftime("%Y-%m-%d"))
    return out


def postcode_ods(rng: random.Random, rows: int) -> list[str | None]:
    return [rng.choice(pl.ODS_CODES) for _ in range(rows)]


def email_sent(rng: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        r = rng.random()
        if r < 0.4:
            out.append(rng.choice(["Y", "N", "y", "Yes", "No", "TRUE", "FALSE"]))
        elif r < 0.85:
            d = dt.datetime(2024, 1, 1) + dt.timedelta(minutes=rng.randrange(600000))
            out.append(d.strftime("%d/%m/%Y %H:%M"))
        else:
            out.append(None)
    return out


def phone_outcome(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.25, lambda: rng.choice(pl.CALL_OUTCOMES)) for _ in range(rows)]


def comments_address(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.1, lambda: vl.address(rng)) for _ in range(rows)]


def item_names(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.05, lambda: vl.full_name(rng)) for _ in range(rows)]


def surname_wards(rng: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        w = rng.choice(pl.WARD_NAMES)
        out.append(rng.choice([w, w, w.upper(), f"{w} Ward", f"{w} (Day Unit)"]))
    return out


def code_ni(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.1, lambda: vl.ni_number(rng)) for _ in range(rows)]


GENERATORS = {
    "notes": notes,
    "nhs_ref": nhs_ref,
    "patient_name": patient_name,
    "ref": ref,
    "value": value,
    "info": info,
    "dob": dob_booking,
    "postcode": postcode_ods,
    "email_sent": email_sent,
    "phone": phone_outcome,
    "comments": comments_address,
    "item": item_names,
    "surname": surname_wards,
    "code": code_ni,
}
