"""Categories c (annotated name columns) and d (misleading headers)."""

from . import pools
from . import values as v


def _sparse(rng, rows, make, blank):
    return [None if rng.random() < blank else v.maybe_space(rng, make(rng)) for _ in range(rows)]


def _rel(r):
    return r.choice(pools.RELATIONSHIPS)


# ------------------------------------------------------------------ c
def next_of_kin(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        return r.choice(
            [
                f"{f} {s} ({_rel(r)})",
                f"{f} {s} ({_rel(r)}) - lives nearby",
                f"{r.choice(pools.TITLES)} {f} {s} ({_rel(r)})",
            ]
        )

    return _sparse(rng, rows, make, 0.7)


def emergency_contact(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        note = r.choice(
            [
                "prefers text",
                "works nights",
                "not to be called before 10",
                "has LPA",
                "no key",
                "lives abroad, call first",
            ]
        )
        return r.choice(
            [
                f"{f} {s} - {_rel(r)} - {note}",
                f"{f} {s} / {_rel(r)}",
                f"{f.upper()} {s.upper()} ({_rel(r)}; {note})",
            ]
        )

    return _sparse(rng, rows, make, 0.65)


def welsh_nok(rng, rows):
    def make(r):
        f, s = r.choice(pools.WELSH_NAMES) if r.random() < 0.5 else v.full_name(r)
        return r.choice(
            [
                f"{f} {s} ({r.choice(pools.WELSH_RELATIONSHIPS)})",
                f"{f} {s} - {r.choice(pools.WELSH_RELATIONSHIPS)} / {_rel(r)}",
            ]
        )

    return _sparse(rng, rows, make, 0.72)


def instructed_by(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        rel = _rel(r)
        return r.choice(
            [
                f"{rel.capitalize()}: {f} {s}",
                f"{rel} - {f} {s}",
                f"self-referral, {rel} {f} {s} present",
            ]
        )

    return _sparse(rng, rows, make, 0.6)


def key_holder(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        t = r.choice(pools.TITLES)
        return r.choice(
            [
                f"{t} {f[0]} {s} (neighbour, no {r.randint(1, 90)})",
                f"{f} {s} ({_rel(r)}, has key)",
                f"{t} {s} & {f} {s} (next door)",
            ]
        )

    return _sparse(rng, rows, make, 0.68)


def nok_surname(rng, rows):
    def make(r):
        s = r.choice(pools.SURNAMES)
        return r.choice([f"{s.upper()} ({_rel(r)})", f"{s.upper()}", f"{s} - {_rel(r)}"])

    return _sparse(rng, rows, make, 0.75)


def nok_forename(rng, rows):
    def make(r):
        f = r.choice(pools.FORENAMES)
        return r.choice([f"{f} ({_rel(r)})", f, f"{f} - {_rel(r)}, call after 5"])

    return _sparse(rng, rows, make, 0.7)


def householder(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        t = r.choice(pools.TITLES)
        return r.choice(
            [
                f"{t} {f[0]}. {s} & partner",
                f"{f} {s} (tenant)",
                f"{t} {f} {s} + 3 children",
                f"{s}, {f} (joint claim)",
            ]
        )

    return _sparse(rng, rows, make, 0.55)


def essential_care_giver(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        day = r.choice(["Mon/Thu", "daily", "weekends", "Tue pm", "alt days"])
        return r.choice([f"{f} {s} [ECG]", f"{f} {s} [ECG] {day}", f"{f} {s} ({_rel(r)}) {day}"])

    return _sparse(rng, rows, make, 0.8)


def lpa_attorney(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        kind = r.choice(["H&W", "P&F", "H&W and P&F", "P&F only"])
        return r.choice(
            [
                f"Attorney: {f} {s} ({kind})",
                f"{f} {s} - {kind}, registered OPG",
                f"{f} {s} (jointly with {r.choice(pools.FORENAMES)} {s})",
            ]
        )

    return _sparse(rng, rows, make, 0.82)


def caller_name(rng, rows):
    def make(r):
        x = r.random()
        if x < 0.6:
            f = r.choice(pools.FORENAMES)
            return r.choice([f, f"{f} (regular caller)", f"'{f}'", f"{f}?"])
        return r.choice(["anon", "declined", "wouldn't say", "n/k", "regular - no name"])

    return _sparse(rng, rows, make, 0.6)


def deceased_hah(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        t = r.choice(["Mr", "Mrs", "Ms", "Miss"])
        return r.choice(
            [
                f"late {t} {f} {s} (RIP {r.randint(1, 28):02d}/{r.randint(1, 12):02d})",
                f"{t} {f} {s} - died at home",
                f"{f} {s} (deceased)",
            ]
        )

    return _sparse(rng, rows, make, 0.85)


def nok_details(rng, rows):
    def make(r):
        rel = _rel(r)
        return r.choice(
            [
                rel,
                f"{rel} (lives in Spain)",
                f"{rel} - main contact",
                "none known",
                f"{rel}; also {_rel(r)}",
                f"{rel.upper()}",
                f"{rel} (estranged)",
                "no NOK - see IMCA",
            ]
        )

    return _sparse(rng, rows, make, 0.6)


def nok_informed(rng, rows):
    def make(r):
        return r.choice(
            [
                "Y",
                "N",
                "Yes",
                "No",
                f"Y - {_rel(r)} by phone",
                f"left VM with {_rel(r)}",
                "n/a",
                f"Y ({_rel(r)} present)",
                "not yet - no answer",
            ]
        )

    return _sparse(rng, rows, make, 0.55)


# ------------------------------------------------------------------ d
NOTES = [
    "Team away day at {place}; {org} presented on the new contract.",
    "Christmas fair raised money for {org}.",
    "{drug} shortage notice circulated to all branches.",
    "Met the commissioners from {place} about the framework retender.",
    "Training: moving and handling with {org} trainer at {place}.",
    "Office moving to Unit 4, {place} Business Park in March.",
    "Newsletter: thank you to everyone at {place} for the Easter raffle.",
    "Winter pressures call with {org} and the ICB.",
    "Fire drill completed at {place} office.",
    "Heatwave alert - check {drug} storage temperatures.",
]


def notes(rng, rows):
    out = []
    for _ in range(rows):
        if rng.random() < 0.15:
            out.append(None)
            continue
        parts = [
            rng.choice(NOTES).format(
                place=rng.choice(pools.PLACES_FILLER + pools.NAME_LIKE_TOWNS),
                org=rng.choice(pools.ORGS_FILLER),
                drug=rng.choice(pools.DRUGS),
            )
            for _ in range(rng.choice((1, 2)))
        ]
        out.append(" ".join(parts))
    return out


def nhs_ref(rng, rows):
    def make(r):
        n = v.mod11_failing(r, lead=str(r.randint(4, 7)))
        return r.choice([n, f"PO{n}", f"PO-{n}", f"NHSSC {n}"])

    return _sparse(rng, rows, make, 0.03)


CARE_HOMES = [
    "Oakwood Lodge",
    "Bramley Court Nursing Home",
    "St Anne's Residential",
    "Ty Gwyn",
    "Rowan House",
    "Marlborough Manor",
    "Ashcroft Care Centre",
    "Florence Nightingale Wing",
    "Elizabeth House",
    "Victoria Court",
    "Beechcroft",
    "Taigh na Mara",
    "Hillside (BUPA)",
    "Pinderfields - Ward 12",
    "Airedale NHS FT",
    "Grace Darling House",
    "Edith Cavell Unit",
    "Mary Seacole Ward",
    "Woodlands (Priory)",
    "Albert Edward Home",
]


def client_name(rng, rows):
    return _sparse(rng, rows, lambda r: r.choice(CARE_HOMES), 0.05)


def ext_phone(rng, rows):
    def make(r):
        e = r.randint(2000, 6999)
        return r.choice([f"x{e}", f"ext {e}", f"Ext. {e}", str(e), f"bleep {r.randint(100, 999)}"])

    return _sparse(rng, rows, make, 0.1)


def email_flag(rng, rows):
    opts = [
        "Y",
        "N",
        "Y",
        "opted out",
        "bounced",
        "unsubscribed",
        "no email",
        "Yes",
        "No",
        "consent 2023",
    ]
    return _sparse(rng, rows, lambda r: r.choice(opts), 0.1)


def ip_address(rng, rows):
    def make(r):
        if r.random() < 0.6:
            net = r.choice(["192.0.2", "198.51.100", "203.0.113"])
            return f"{net}.{r.randint(1, 254)}"
        return ":".join(f"{r.randint(0, 255):02X}" for _ in range(6))

    return _sparse(rng, rows, make, 0.05)


def vehicle_reg_none(rng, rows):
    opts = [
        "own car",
        "pool car 3",
        "pool car 1",
        "bus",
        "taxi",
        "walk",
        "bike",
        "lift from colleague",
        "Own vehicle",
        "n/a",
        "lease car (Motability)",
    ]
    return _sparse(rng, rows, lambda r: r.choice(opts), 0.2)


def round_name(rng, rows):
    def make(r):
        return r.choice(
            [
                f"Round {r.randint(1, 9)} - {r.choice(pools.NAME_LIKE_TOWNS)}",
                f"{r.choice(['AM', 'PM', 'Tea', 'Bed'])} run {r.choice(pools.TOWNS)}",
                f"{r.choice(pools.NAME_LIKE_TOWNS)} North",
            ]
        )

    return _sparse(rng, rows, make, 0.03)


def ref_nhs(rng, rows):
    return _sparse(rng, rows, v.nhs_number, 0.05)


def info_email(rng, rows):
    return _sparse(rng, rows, v.email, 0.1)


def contact_phone(rng, rows):
    return _sparse(rng, rows, lambda r: v.phone_pretty(v.phone(r)), 0.08)


def details_name(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        return r.choice([f"{f} {s}", f"{r.choice(pools.TITLES)} {f} {s}", f"{s} {f}"])

    return _sparse(rng, rows, make, 0.04)


def site_address(rng, rows):
    return _sparse(rng, rows, lambda r: v.address(r, r.random() < 0.7), 0.03)


def id_passport(rng, rows):
    return _sparse(rng, rows, v.passport_number, 0.15)
