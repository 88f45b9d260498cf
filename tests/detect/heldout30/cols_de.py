"""Category d (misleading headers) and e (headerless or coded headers)."""

from __future__ import annotations

import random

from . import pools
from . import values as v

# d ----------------------------------------------------------------------------------
_ROUTE = [
    "Meet at {t} bus station, up past {h}, lunch at {p}. Stiles x4.",
    "Start St Oswald's lych gate, follow the Dales Way to {h}. Steep near Lady Well.",
    "Circular from {p} via {h} and Bishop's Wood. Boggy after rain.",
    "From {t} Victoria Park gates along the canal to {p}. Flat, buggy friendly.",
    "Via Jacob's Ladder to {h}; Prince Albert memorial at the top.",
    "Cwm {t} loop, Capel Bethesda to {h}. Defibrillator at {p}.",
]


def notes(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        return r.choice(_ROUTE).format(
            t=r.choice(pools.TOWNS), h=r.choice(pools.HILLS_AND_SIGHTS), p=r.choice(pools.PUBS)
        )

    return v.blanks(rng, rows, 0.85, one)


def nhs_ref(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.97, lambda r: v.mod11_failing(r, first=r.choice("4567")))


_OBJECTS = [
    "Portrait of a Lady in Blue",
    "Mrs Siddons as the Tragic Muse (print)",
    "Flat iron, c.1920",
    "Coronation mug 1953",
    "Lady Godiva (postcard)",
    "Miner's safety lamp",
    "Grace Darling plate",
    "Nelson commemorative jug",
    "Florence Nightingale lamp replica",
    "Victorian washboard",
    "Boy with a Pipe (repro.)",
    "The Laughing Cavalier (jigsaw)",
    "Ration book 1942",
    "Punch and Judy puppets",
    "Toby jug - John Bull",
    "Hovis tin",
    "Singer sewing machine",
    "Brownie box camera",
    "Dai Lossin' shaving mug",
    "Queen Victoria jubilee tin",
]


def patient_name(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.9, lambda r: r.choice(_OBJECTS))


def dob_booking(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        d = v.random_date(r, 2023, 2025)
        return r.choice([d.strftime("%d/%m/%Y"), d.isoformat(), d.strftime("%d/%m/%Y %H:%M")])

    return v.blanks(rng, rows, 0.97, one)


def plot_postcode(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        return f"{r.choice(['B', 'HA', 'WS', 'AL', 'N', 'ST'])}{r.randint(1, 40)} " + (
            f"{r.randint(1, 9)}{r.choice('ABCD')}"
        )

    return v.blanks(rng, rows, 0.92, one)


def email_template(rng: random.Random, rows: int) -> list[str | None]:
    names = [
        "welcome_v2",
        "reminder_48h",
        "renewal-concession",
        "bounced",
        "opted out",
        "newsletter_spring",
        "Y",
        "N",
        "sent 09:14",
        "unsub",
        "plot_offer_letter",
    ]
    return v.blanks(rng, rows, 0.9, lambda r: r.choice(names))


def parkrun_event(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.96, lambda r: r.choice(pools.PARKRUN_EVENTS))


def call_outcome(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        dur = f"00:{r.randint(0, 14):02d}:{r.randint(0, 59):02d}"
        return r.choice(
            [
                dur,
                f"rang 2x no answer {r.randint(9, 17)}:{r.randint(0, 59):02d}",
                "vm left",
                f"spoke - {dur}",
                "number unobtainable",
                "wrong no.",
            ]
        )

    return v.blanks(rng, rows, 0.8, one)


def ods_codes(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        x = r.random()
        if x < 0.6:
            return f"{r.choice('BCDEFGHJKLMNPY')}{r.randint(80000, 89999)}"
        if x < 0.8:
            return r.choice(["Y", "N", "consent given", "declined"])
        return f"W{r.randint(91000, 99999)}"

    return v.blanks(rng, rows, 0.9, one)


def bland_nhs(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.9, v.nhs_number)


def bland_email(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.75, v.email)


def bland_names(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.95, v.full_name)


def bland_ni(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.8, v.ni_number)


def bland_address(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.9, lambda r: v.address(r, sep=r.choice([", ", "\n"])))


# e ----------------------------------------------------------------------------------


def field_23(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        n = v.nhs_number(r)
        n = r.choice([n, f"{n[:3]} {n[3:6]} {n[6:]}"])
        return f"'{n}" if r.random() < 0.3 else n

    return v.blanks(rng, rows, 0.95, one)


def col_17(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.97, lambda r: v.full_name(r).upper().ljust(30))


def unnamed_postcodes(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.93, v.postcode)


def activity_codes(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        return r.choice(["EX-REF-", "WFH-", "AOP-", "CHR-", "MS-"]) + f"{r.randint(1, 40):02d}"

    return v.blanks(rng, rows, 0.95, one)


def lc_forenames(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.98, lambda r: v.forename(r).upper().ljust(15))


_SITES = [
    "JOHN CHARLES CENTRE",
    "ELEANOR RATHBONE HALL",
    "PONDS FORGE",
    "KELVIN HALL",
    "GURNOS LC",
    "MAUREEN HARDY POOL",
    "ST AIDANS HALL",
    "TOLLCROSS",
    "DAVID LLOYD",
    "AMY JOHNSON WELLBEING",
    "JESSE OWENS TRACK",
    "FRED PERRY COURTS",
    "GRACE DARLING HALL",
]


def lc_sites(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.99, lambda r: r.choice(_SITES))


def extensions(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.85, lambda r: str(r.randint(2000, 79999)))


def c9_emails(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.8, lambda r: v.email(r).lower())


def unnamed_dob(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.95, lambda r: v.dob(r).strftime("%d/%m/%Y"))


def lc_barcodes(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.97, lambda r: "LC" + f"{r.randint(0, 10**12 - 1):012d}")


def attr_7(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.7, v.vehicle_registration)


def bmi_weights(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        return r.choice([f"{r.uniform(18, 45):.1f}", f"{r.uniform(45, 150):.1f}kg"])

    return v.blanks(rng, rows, 0.9, one)


def px_id(rng: random.Random, rows: int) -> list[str | None]:
    return v.blanks(rng, rows, 0.9, v.hospital_number)


def gps(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        return f"{r.uniform(50.5, 58.5):.4f}, {r.uniform(-5.5, 1.2):.4f}"

    return v.blanks(rng, rows, 0.95, one)
