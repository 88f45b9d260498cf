"""Category d: misleading headers."""

from . import pools
from . import values as v

NOTE_TEMPLATES = [
    "Seen at {place} clinic on {day}; follow-up {month} with {trust}.",
    "Started {brand}; review at {place} in {month}.",
    "Prefers {day} appointments at {town}. Discussed {brand} vs {brand2}.",
    "MDT at {trust} agreed plan. Transfer of care to {place} on {day}.",
    "Sleep study booked at {place}. Advised {brand} app for diary.",
    "Joined {brand} programme in {month}; attends {town} library group on {day}s.",
    "Long COVID rehab via {trust}. Fatigue worse after {day} shifts.",
    "Referred to {place} Menopause Service. Pt read about {brand} in the Daily Mail.",
    "NICE NG23 reviewed. British Menopause Society guidance followed.",
    "Travelled from {town} by Arriva bus; late for {day} slot.",
]


def clinic_notes(rng, rows):
    out = []
    for _ in range(rows):
        if rng.random() < 0.08:
            out.append(None)
            continue
        parts = []
        for _ in range(rng.randint(1, 2)):
            b1, b2 = rng.sample(pools.BRANDS, 2)
            parts.append(
                rng.choice(NOTE_TEMPLATES).format(
                    place=rng.choice(pools.PLACES),
                    day=rng.choice(pools.WEEKDAYS),
                    month=rng.choice(pools.MONTHS),
                    trust=rng.choice(pools.TRUSTS),
                    brand=b1,
                    brand2=b2,
                    town=rng.choice(pools.TOWNS),
                )
            )
        out.append(rng.choice([" ", "\n"]).join(parts))
    return out


def nhs_ref(rng, rows):
    out = []
    for _ in range(rows):
        po = v.mod11_failing(rng, rng.choice(["4", "5", "7"]))
        out.append(rng.choice([po, po, "PO " + po, po + " "]))
    return out


SERVICES = [
    "Long COVID MDT",
    "Menopause Clinic",
    "Sleep Clinic",
    "CDC Imaging",
    "Pulmonary Rehab",
    "Tier 3 Weight Mgmt",
    "Bariatric Pre-op",
    "Hospital at Home",
    "SDEC",
    "Frailty Unit",
    "Epilepsy CNS",
    "Parkinson's Nurse Clinic",
    "Haemophilia Centre",
    "Adult CF Unit",
    "Paediatric Diabetes",
    "Transition Clinic",
]


def patient_name(rng, rows):
    out = []
    for _ in range(rows):
        svc = rng.choice(SERVICES)
        place = rng.choice(pools.PLACES)
        out.append(
            rng.choice([f"{svc} - {place}", f"{place} {svc}", svc.upper(), f"{svc} ({place})"])
        )
    return out


def dob(rng, rows):
    out = []
    for _ in range(rows):
        d = v.random_date(rng, 2023, 2025)
        out.append(rng.choice([d.strftime("%d/%m/%Y"), d.isoformat(), d.strftime("%d-%b-%y")]))
    return out


def address(rng, rows):
    out = []
    for _ in range(rows):
        if rng.random() < 0.5:
            ip = f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
            out.append(ip if rng.random() < 0.8 else f"{ip}:{rng.choice([443, 8443, 1883])}")
        else:
            mac = ":".join(f"{rng.randint(0, 255):02X}" for _ in range(6))
            out.append(mac if rng.random() < 0.7 else mac.replace(":", "-").lower())
    return out


def email(rng, rows):
    codes = ["TPL-CONF-03", "TPL-REM-24H", "APPT_REMINDER_v2", "DNA_LETTER", "RESULTS_NORMAL"]
    statuses = ["Sent", "Delivered", "Bounced", "Opted out", "Not sent - no address", "Queued"]
    out = []
    for _ in range(rows):
        r = rng.random()
        if r < 0.5:
            out.append(rng.choice(codes))
        elif r < 0.9:
            out.append(rng.choice(statuses))
        else:
            out.append(None)
    return out


PHARMA = [
    "Pfizer",
    "Roche",
    "Bayer",
    "Sandoz",
    "Merck",
    "Novartis",
    "Boehringer Ingelheim",
    "Eli Lilly",
    "Johnson & Johnson",
    "Baxter",
    "Grifols",
    "Takeda",
    "Sanofi",
    "Bristol Myers Squibb",
    "Abbott",
    "Besins",
    "Gedeon Richter",
    "Teva",
    "Mylan",
    "Dr. Reddy's",
    "Zentiva",
    "Vertex",
]


def surname(rng, rows):
    out = []
    for _ in range(rows):
        p = rng.choice(PHARMA)
        out.append(rng.choice([p, p.upper(), p + " UK Ltd", p + " Ltd"]))
    return out


def reference(rng, rows):
    return [v.nhs_number(rng) if rng.random() > 0.04 else None for _ in range(rows)]


def id_ni(rng, rows):
    return [v.ni_number(rng) if rng.random() > 0.05 else None for _ in range(rows)]


def info(rng, rows):
    return [v.email(rng) if rng.random() > 0.15 else None for _ in range(rows)]


def details(rng, rows):
    return [v.address(rng) if rng.random() > 0.06 else None for _ in range(rows)]


def remarks(rng, rows):
    out = []
    for _ in range(rows):
        if rng.random() < 0.1:
            out.append(None)
        else:
            n = v.full_name(rng)
            out.append(n if rng.random() < 0.8 else n.upper())
    return out


def key(rng, rows):
    return [v.chi_number(rng) for _ in range(rows)]


def code(rng, rows):
    return [v.postcode(rng) if rng.random() > 0.05 else None for _ in range(rows)]
