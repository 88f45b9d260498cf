"""Categories c (annotated names, many blanks) and d (misleading headers)."""

import datetime as _dt

from . import pools
from . import values as v


def _annotated(rng, rows, blank, make):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


REL = [
    "daughter",
    "son",
    "wife",
    "husband",
    "partner",
    "sister",
    "brother",
    "niece",
    "friend",
    "neighbour",
]


def next_of_kin(rng, rows):
    def make(rng):
        f, s = v.full_name(rng)
        r = rng.choice(REL)
        return rng.choice(
            [
                f"{f} {s} ({r})",
                f"{f} {s} ({r.upper()})",
                f"{s}, {f} - {r}",
                f"{f} {s} ({r}) - lives abroad",
            ]
        )

    return _annotated(rng, rows, 0.6, make)


def nok_forename(rng, rows):
    def make(rng):
        f = rng.choice(pools.FORENAMES)
        return rng.choice(
            [f"{f} ({rng.choice(REL)})", f"{f} - {rng.choice(REL)}", f"{f.lower()} (dtr)", f"{f} ?"]
        )

    return _annotated(rng, rows, 0.7, make)


def carer_name(rng, rows):
    notes = [
        "main carer, works nights",
        "carer - not to be told diagnosis",
        "paid carer",
        "carer, also has LD",
        "informal carer",
    ]

    def make(rng):
        f, s = v.full_name(rng)
        t = rng.choice(pools.TITLES)
        return rng.choice(
            [f"{t} {f[0]} {s} - {rng.choice(notes)}", f"{f} {s} ({rng.choice(notes)})", f"{f} {s}"]
        )

    return _annotated(rng, rows, 0.65, make)


def emergency_contact(rng, rows):
    def make(rng):
        f, s = v.full_name(rng)
        r = rng.choice(["Dad", "Mum", "Son", "Daughter", "Partner", "Friend"])
        return rng.choice([f"{r} - {f} {s}", f"{r}: {f} {s}", f"{f} {s} [{r.lower()}]"])

    return _annotated(rng, rows, 0.55, make)


def enw_perthynas(rng, rows):
    rel = ["merch", "mab", "gwraig", "gŵr", "chwaer", "brawd", "mam", "tad"]

    def make(rng):
        f, s = (
            rng.choice(pools.WELSH_FORENAMES + pools.FORENAMES),
            rng.choice(pools.WELSH_SURNAMES + pools.SURNAMES),
        )
        return f"{f} {s} ({rng.choice(rel)})"

    return _annotated(rng, rows, 0.7, make)


def opiekun(rng, rows):
    rel = ["syn", "córka", "żona", "mąż", "siostra", "brat", "sąsiadka", "opiekun prawny"]

    def make(rng):
        f, s = rng.choice(pools.POLISH_FORENAMES), rng.choice(pools.POLISH_SURNAMES)
        return rng.choice([f"{f} {s} ({rng.choice(rel)})", f"{s} {f} - {rng.choice(rel)}"])

    return _annotated(rng, rows, 0.75, make)


def lpa_attorney(rng, rows):
    def make(rng):
        f, s = v.full_name(rng)
        lpa = rng.choice(["LPA H&W", "LPA P&FA", "LPA both", "EPA (old)", "deputy (CoP)"])
        return rng.choice(
            [
                f"{f} {s} ({lpa}, registered {rng.randint(2008, 2024)})",
                f"{f} {s} - {lpa} - copy seen",
                f"{f} {s} ({lpa}) NOT REGISTERED",
            ]
        )

    return _annotated(rng, rows, 0.8, make)


def surname_prev(rng, rows):
    def make(rng):
        s = rng.choice(pools.SURNAMES)
        return rng.choice(
            [f"{s} (maiden)", f"{s} (prev)", f"nee {s}", f"{s.upper()} - prev married name"]
        )

    return _annotated(rng, rows, 0.85, make)


def deaf_client_name(rng, rows):
    tags = [
        "[BSL user]",
        "[deafblind - hands-on]",
        "[lipreads]",
        "[SSE]",
        "[deaf, uses text relay]",
    ]

    def make(rng):
        f, s = v.full_name(rng)
        return f"{f} {s} {rng.choice(tags)}"

    return _annotated(rng, rows, 0.55, make)


def parent_guardian(rng, rows):
    def make(rng):
        f, s = v.full_name(rng)
        r = rng.choice(["Mum", "Dad", "Guardian", "Stepmum"])
        return rng.choice(
            [f"{r}: {f} {s}", f"{r} - {f} {s} ?confirm", f"{f} {s} ({r.lower()}, PR)"]
        )

    return _annotated(rng, rows, 0.75, make)


def known_as(rng, rows):
    nick = [
        "Robbie",
        "Bex",
        "Gosia",
        "Sunny",
        "Kaz",
        "Jimmy",
        "Wojtek",
        "Mags",
        "Deno",
        "Shaz",
        "Titi",
    ]

    def make(rng):
        n = rng.choice(nick + pools.FORENAMES)
        return rng.choice([f"AKA '{n}'", f'known as "{n}"', f"{n} (pref)", f"{n}"])

    return _annotated(rng, rows, 0.8, make)


def transport_escort(rng, rows):
    def make(rng):
        f, s = v.full_name(rng)
        return rng.choice(
            [
                f"Escort: {f} {s} (neighbour) ?confirm",
                f"{f} {s} - escort, needs seat",
                f"{f[0]}. {s} escort",
            ]
        )

    return _annotated(rng, rows, 0.7, make)


def ainm_curamaiche(rng, rows):
    rel = ["piuthar", "bràthair", "nighean", "mac", "bean", "duine", "caraid"]

    def make(rng):
        f = rng.choice(pools.GAELIC_FORENAMES)
        s = rng.choice(pools.GAELIC_SURNAMES_M + pools.GAELIC_SURNAMES_F)
        return f"{f} {s} ({rng.choice(rel)})"

    return _annotated(rng, rows, 0.7, make)


# --- d -------------------------------------------------------------------


def notes(rng, rows):
    tmpl = [
        "Seen at {p} {d} clinic, {b} equipment demonstrated.",
        "{b} rep attended; stock moved to {p}.",
        "Referred on to {p} tissue viability, {d} slot.",
        "Transport from {p} to {p2} arranged for {d}.",
        "{b} order placed; delivery {d} to {p} store.",
        "Clinic moved from {p} to {p2} on {d}s.",
    ]
    out = []
    for _ in range(rows):
        if rng.random() < 0.1:
            out.append(None)
            continue
        t = rng.choice(tmpl).format(
            p=rng.choice(pools.PLACES),
            p2=rng.choice(pools.PLACES),
            d=rng.choice(pools.WEEKDAYS),
            b=rng.choice(pools.BRANDS),
        )
        out.append(t)
    return out


def nhs_ref(rng, rows):
    return [v.failing_ten(rng, rng.choice("4567")) for _ in range(rows)]


def patient_name(rng, rows):
    return [rng.choice(pools.DRESSINGS) if rng.random() < 0.95 else None for _ in range(rows)]


def dob_col(rng, rows):
    out = []
    start = _dt.date(2024, 1, 2).toordinal()
    for _ in range(rows):
        d = _dt.date.fromordinal(start + rng.randint(0, 700))
        out.append(d.strftime(rng.choice(["%d/%m/%Y", "%d/%m/%Y", "%Y-%m-%d"])))
    return out


def postcode_col(rng, rows):
    return [v.postcode_outward(rng) for _ in range(rows)]


def email_col(rng, rows):
    opts = [
        "Y - email ok",
        "N",
        "no email",
        "consented {d}",
        "Y",
        "declined",
        "email + text",
        "post only",
        "unknown",
    ]
    out = []
    for _ in range(rows):
        o = rng.choice(opts)
        if "{d}" in o:
            o = o.format(
                d=f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2019, 2025)}"
            )
        out.append(o)
    return out


def consultant(rng, rows):
    return [rng.choice(pools.SPECIALTIES) for _ in range(rows)]


def description(rng, rows):
    out = []
    for _ in range(rows):
        f, s = v.full_name(rng)
        out.append(rng.choice([f"{f} {s}", f"{s}, {f}", f"{f} {s}".upper()]))
    return out


def value(rng, rows):
    out = []
    for _ in range(rows):
        n = v.nhs_number(rng)
        out.append(n if rng.random() < 0.7 else v.nhs_spaced(n))
    return out


def info(rng, rows):
    return [
        v.phone_format(v.phone_digits(rng)) if rng.random() < 0.9 else None for _ in range(rows)
    ]


def location(rng, rows):
    return [v.address(rng) for _ in range(rows)]


def reference(rng, rows):
    return [v.ni_number(rng) for _ in range(rows)]


def id_col(rng, rows):
    return [v.hospital_number(rng) for _ in range(rows)]


def driving_licence_col(rng, rows):
    opts = [
        "DVLA notified",
        "not notified",
        "N/A - does not drive",
        "advised not to drive 1 month",
        "D4 form sent",
        "Y",
        "N",
        "pt to inform DVLA",
    ]
    return [rng.choice(opts) for _ in range(rows)]
