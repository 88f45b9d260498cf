"""Categories d (misleading headers) and e (headerless or coded headers)."""

import random

from . import pools
from . import values as v

# ---- category d ----

LAB_NOTES = [
    "Sample sent to {place} via {courier}.",
    "Haemolysed - repeat requested at {hub}.",
    "Courier missed {h}:{m} pickup, {courier} collected next day.",
    "Coombs test referred to {place} blood bank.",
    "Paul-Bunnell negative. Copy to {hub}.",
    "Bence Jones protein sent to {place} immunology.",
    "Stored at 4C overnight in {hub} fridge.",
    "Label mismatch corrected by lab at {place}.",
    "Westergren ESR unavailable at {place}; sent to {place2}.",
    "Insufficient sample. Phlebotomy rebooked at {hub}.",
    "Cockcroft-Gault used, weight from {hub} record.",
    "Results delayed - {place} LIMS downtime.",
]


def notes_proper_nouns(rng: random.Random, rows: int):
    out: list[str | None] = []
    for _ in range(rows):
        if rng.random() < 0.1:
            out.append(None)
            continue
        t = rng.choice(LAB_NOTES)
        out.append(
            t.format(
                place=rng.choice(pools.PLACES),
                place2=rng.choice(pools.PLACES),
                courier=rng.choice(pools.COURIERS),
                hub=rng.choice(pools.HUB_SITES),
                h=rng.randint(9, 17),
                m=rng.choice(["00", "30"]),
            )
        )
    return out


def nhs_ref_orders(rng, rows):
    def make(rng):
        return rng.choice(
            [
                f"ICE/{rng.randint(23, 25)}/{rng.randint(0, 9999999):07d}",
                f"OC{rng.randint(100000, 999999)}-{rng.choice('ABCDEFGH')}",
                f"REQ {rng.randint(1000, 9999)}/{rng.randint(10, 99)}",
            ]
        )

    return [make(rng) for _ in range(rows)]


def resident_rooms(rng, rows):
    wings = ["Bluebell", "Primrose", "Oak", "Willow", "Rowan", "Heather", "Lavender", "Ground Flr"]
    return [
        rng.choice(
            [
                f"Room {rng.randint(1, 60)} {rng.choice(wings)} Wing",
                f"Rm{rng.randint(1, 60)}",
                f"{rng.choice(wings)} {rng.randint(1, 30)}",
                f"Bed {rng.randint(1, 4)}, Room {rng.randint(1, 40)}",
            ]
        )
        for _ in range(rows)
    ]


def dob_check(rng, rows):
    opts = [
        "Y",
        "N",
        "matched",
        "MISMATCH",
        "not checked",
        "matched (PDS)",
        "verbal",
        "2 ID checked",
        "",
    ]
    return [rng.choice(opts) or None for _ in range(rows)]


def icb_pcn_codes(rng, rows):
    icb = ["15F", "36J", "02T", "X2C4Y", "QWO", "QHM", "QOP", "01W", "14L", "7A3"]
    return [rng.choice([rng.choice(icb), f"U{rng.randint(10000, 99999)}"]) for _ in range(rows)]


def soundex(name: str) -> str:
    codes = {
        c: str(d)
        for d, letters in enumerate(["AEIOUYHW", "BFPV", "CGJKQSXZ", "DT", "L", "MN", "R"])
        for c in letters
    }
    name = "".join(c for c in name.upper() if c.isalpha() and c.isascii())
    if not name:
        return "Z000"
    out = name[0]
    prev = codes.get(name[0], "")
    for c in name[1:]:
        d = codes.get(c, "")
        if d not in ("0", "") and d != prev:
            out += d
        if c not in "HW":
            prev = d
    return (out + "000")[:4]


def surname_soundex(rng, rows):
    return [soundex(v.surname(rng)) for _ in range(rows)]


def telephone_outcome(rng, rows):
    opts = [
        "No answer",
        "Left VM",
        "Spoke to pt",
        "Number unobtainable",
        "Wrong number",
        "Call back req",
        "Engaged x3",
        "Text sent instead",
        "Spoke to NOK",
    ]
    return [rng.choice(opts) for _ in range(rows)]


def email_sent(rng, rows):
    def make(rng):
        r = rng.random()
        if r < 0.6:
            return rng.choice(["Y", "N", "TRUE", "FALSE", "yes", "no"])
        d = v.random_date(rng, 2023, 2025)
        hh, mm, ss = rng.randint(7, 19), rng.randint(0, 59), rng.randint(0, 59)
        return f"{d.isoformat()} {hh:02d}:{mm:02d}:{ss:02d}"

    return [make(rng) for _ in range(rows)]


def bland_nhs(rng, rows):
    return [v.nhs_number(rng) for _ in range(rows)]


def bland_email(rng, rows):
    return [v.email(rng) for _ in range(rows)]


def bland_names(rng, rows):
    return [f"{v.surname(rng).upper()}, {v.forename(rng)}" for _ in range(rows)]


def bland_dob(rng, rows):
    return [v.dob(rng).strftime("%d/%m/%Y") for _ in range(rows)]


def bland_address(rng, rows):
    return [", ".join(v.address_parts(rng)) for _ in range(rows)]


def bland_ni(rng, rows):
    return [v.ni_number(rng) for _ in range(rows)]


# ---- category e ----


def e_nhs_spaced(rng, rows):
    out = []
    for _ in range(rows):
        n = v.nhs_number(rng)
        out.append(f"{n[:3]} {n[3:6]} {n[6:]}")
    return out


def e_surname_padded(rng, rows):
    return [v.surname(rng).upper().ljust(20) for _ in range(rows)]


def e_postcodes(rng, rows):
    return [v.postcode(rng) for _ in range(rows)]


def e_emails(rng, rows):
    return [v.email(rng) for _ in range(rows)]


def e_snomed(rng, rows):
    def make(rng):
        r = rng.random()
        if r < 0.5:
            return str(rng.randint(10**5, 10**9))
        return f"{rng.randint(10**8, 10**11)}1000000{rng.randint(100, 199)}"

    return [make(rng) for _ in range(rows)]


def e_forenames(rng, rows):
    return [v.forename(rng) for _ in range(rows)]


def e_addr1(rng, rows):
    out = []
    for _ in range(rows):
        parts = v.address_parts(rng)[:-1]
        out.append(" ".join(parts).upper() if rng.random() < 0.4 else ", ".join(parts))
    return out


def e_phones(rng, rows):
    return [v.phone_display(v.phone_digits(rng)) for _ in range(rows)]


def e_hosp(rng, rows):
    return [v.hospital_number(rng) for _ in range(rows)]


def e_read_codes(rng, rows):
    read2 = [
        "44J3.",
        "C10F.",
        "H33..",
        "G30..",
        "1371.",
        "9N1y2",
        "8B3S.",
        "246..",
        "XaELV",
        "XE0Uc",
        "Y1f1d",
        "XaJ8B",
        "7L1H6",
        "66AJ.",
    ]
    return [rng.choice(read2) for _ in range(rows)]


def e_pharmacy_ods(rng, rows):
    return [f"F{rng.choice('ABCDEFGHJKLMNPQRTVWXY')}{rng.randint(100, 999)}" for _ in range(rows)]


def e_uprn(rng, rows):
    return [v.uprn(rng) for _ in range(rows)]


def e_row_index(rng, rows):
    return [str(i) for i in range(rows)]


def e_test_codes(rng, rows):
    return [rng.choice(pools.TEST_CODES) for _ in range(rows)]
