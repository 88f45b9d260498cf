"""heldout3 column corpus: ~108 synthetic columns, each built from TRAPS.md.

``make_heldout3_columns(seed, rows)`` returns ``(columns, labels)``: column name -> list of
string values (``None`` for blanks) and column name -> ``{"kind", "direct", "free_text",
"category"}``.  Every column has its own ``random.Random(f"heldout3:{seed}:{name}")``.
"""

from __future__ import annotations

import datetime
import random
from typing import Callable

from . import pools as P

Gen = Callable[[random.Random, int], str]

NEUTRAL = [
    "Client settled, no concerns raised.",
    "Carer present throughout visit.",
    "Declined lunch, accepted fluids.",
    "Mobility improved since last week.",
    "Key safe code changed by family.",
    "Awaiting OT assessment.",
    "Spoke with daughter by phone, happy with plan.",
    "Medication prompted as per MAR chart.",
    "No answer at door, card left.",
    "Reviewed care package, no changes.",
    "Pressure areas intact.",
    "Low mood reported, will monitor.",
    "Shopping delivered, fridge restocked.",
    "Hearing aid battery replaced.",
    "Lives alone, good support from son.",
    "Falls risk discussed, pendant alarm worn.",
    "Continence products ordered.",
    "Hope to review again in two weeks.",
    "Grandchildren visiting at weekend.",
    "Benefits check completed.",
    "Unable to complete visit, client out.",
    "Wound dressing changed, healing well.",
]


def _neutral(rng: random.Random, k: int = 2) -> str:
    return " ".join(rng.sample(NEUTRAL, rng.randint(1, k)))


def _minority(rng: random.Random, rate: float, make: Callable[[random.Random], str]) -> str:
    base = _neutral(rng)
    if rng.random() < rate:
        return base + " " + make(rng) if rng.random() < 0.6 else make(rng) + " " + base
    return base


def _nhs_variant(rng: random.Random, n: str) -> str:
    return rng.choice([n, f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}"])


def _sci(value: str, digits: int) -> str:
    return f"{float(value):.{digits}E}"


def _full(rng: random.Random) -> tuple[str, str]:
    return P.forename(rng), P.surname(rng)


def _date_between(rng: random.Random, a: int, b: int) -> datetime.date:
    return P.dob(rng, a, b)


# --------------------------------------------------------------------------- a
def a_visit(rng, i):
    return _minority(
        rng, 0.08, lambda r: f"Please ring {P.phone_variant(r, *P.phone_parts(r))} before visiting."
    )


def a_referral(rng, i):
    return _minority(
        rng, 0.06, lambda r: f"Referred by GP, NHS no {_nhs_variant(r, P.nhs_number(r))}."
    )


def a_outcome(rng, i):
    return _minority(rng, 0.10, lambda r: f"Letter e-mailed to {P.email_for(r, *_full(r))}.")


def a_worker(rng, i):
    return _minority(rng, 0.07, lambda r: f"Moved to new flat, postcode {P.postcode(r)}.")


def a_safeguarding(rng, i):
    def make(r):
        f, s = _full(r)
        return r.choice(
            [
                f"Concerns raised about {f} {s} ({r.choice(P.RELATIONS)}).",
                f"Alleged perpetrator {f} {s}.",
            ]
        )

    return _minority(rng, 0.09, make)


def a_discharge(rng, i):
    return _minority(
        rng, 0.05, lambda r: f"DOB {P.dob(r).strftime('%d/%m/%Y')} confirmed with patient."
    )


def a_contact(rng, i):
    return _minority(rng, 0.11, lambda r: f"Called DWP re PIP, NI {P.ni_number(r)}.")


def a_housing(rng, i):
    return _minority(rng, 0.08, lambda r: f"Tenancy at {P.address_line(r)}, {r.choice(P.TOWNS)}.")


def a_free1(rng, i):
    return _minority(rng, 0.06, lambda r: f"CHI {P.chi_number(r)} checked against record.")


def a_obs(rng, i):
    return _minority(rng, 0.12, lambda r: f"Hospital no {P.hospital_number(r)} on wristband.")


def a_parking(rng, i):
    base = rng.choice(
        [
            "Permit left on dashboard.",
            "Parking on Park Road is limited.",
            "Use visitor bays at rear.",
            "Pay and display only, 2 hours.",
            "No parking issues.",
        ]
    )
    if rng.random() < 0.07:
        return base + f" Client's carer drives {P.vehicle_registration(rng, rng.random() < 0.7)}."
    return base


def a_activity(rng, i):
    d = _date_between(rng, 2023, 2025)
    return rng.choice(
        [
            f"Chair exercise at {rng.randint(9, 15)}:{rng.choice(['00', '15', '30', '45'])}, 20 minutes.",
            f"Bingo session {d.strftime('%d/%m/%Y')}, won twice.",
            f"Lunch club {rng.choice(P.DAYS)}, ate well.",
            f"Took {rng.choice(P.DRUGS)} after lunch.",
            f"Music group in {rng.choice(P.MONTHS)}, sang along.",
            f"Garden club planted {rng.randint(2, 12)} pots.",
        ]
    )


# --------------------------------------------------------------------------- b
def b_nhsno(rng, i):
    n = P.nhs_number(rng)
    return n + ".0" if rng.random() < 0.9 else n


def b_nhs_xl(rng, i):
    n = P.nhs_number(rng)
    if rng.random() < 0.45:
        return _sci(n, rng.choice([5, 5, 9]))
    return n


def b_chi(rng, i):
    born = P.dob(rng)
    if rng.random() < 0.6:
        born = born.replace(day=rng.randint(1, 9))
    c = str(int(P.chi_number(rng, born)))
    return c + ".0" if rng.random() < 0.15 else c


def b_telephone(rng, i):
    area, local = P.phone_parts(rng, 0.4)
    v = (area + local)[1:]
    return v + ".0" if rng.random() < 0.25 else v


def b_uprn(rng, i):
    u = P.uprn(rng)
    x = rng.random()
    return f"{int(u):,}" if x < 0.6 else (u + ".0" if x < 0.8 else u)


def b_pid(rng, i):
    return str(int(f"{rng.randint(1, 3_000_000):08d}"))


def b_msisdn(rng, i):
    area, local = P.phone_parts(rng, 0.7)
    v = "44" + area[1:] + local
    return _sci(v, 5) if rng.random() < 0.3 else v


def b_nhs_commas(rng, i):
    return f"{int(P.nhs_number(rng)):,}"


def b_amount(rng, i):
    return f"{rng.uniform(5, 25000):,.2f}"


def b_cost(rng, i):
    n = P.invalid_ten_digits(rng)
    x = rng.random()
    return n + ".0" if x < 0.2 else (_sci(n, 5) if x < 0.35 else n)


def b_lab(rng, i):
    x = rng.random()
    if x < 0.15:
        return f"{rng.uniform(0.0001, 0.009):.1E}"
    if x < 0.25:
        return rng.choice(["<0.1", ">90", "<5"])
    return f"{rng.uniform(0.1, 150):.{rng.randint(0, 2)}f}"


def b_row(rng, i):
    return f"{i + 1}.0"


def b_weight(rng, i):
    return f"{rng.uniform(38, 140):.{rng.choice([1, 2])}f}"


# --------------------------------------------------------------------------- c
def c_nok(rng, i):
    f, s = _full(rng)
    rel = rng.choice(P.RELATIONS)
    return rng.choice(
        [
            f"{f} {s} ({rel})",
            f"{f} {s} - {rel}",
            f"{rel.capitalize()}: {f} {s}",
            f"{s}, {f} ({rel})",
        ]
    )


def c_forename(rng, i):
    f = rng.choice(list(P.NICKNAMES)) if rng.random() < 0.5 else P.forename(rng)
    if f in P.NICKNAMES and rng.random() < 0.6:
        nick = rng.choice(P.NICKNAMES[f])
        return rng.choice(
            [f"{f} ({nick})", f"{f} '{nick}'", f'{f} "{nick}"', f"{f} known as {nick}"]
        )
    return f


def c_birth_surname(rng, i):
    s = P.surname(rng)
    return rng.choice([s, f"née {s}", f"nee {s}", s.upper()])


def c_emergency(rng, i):
    f, s = _full(rng)
    title = rng.choice(P.TITLES)
    rel = rng.choice(P.RELATIONS)
    return rng.choice(
        [
            f"{title} {f[0]}. {s} ({rel})",
            f"{title} {s} ({rel})",
            f"{f} {s}, {rel}",
            f"{title} {f} {s}",
        ]
    )


def c_deceased(rng, i):
    f, s = _full(rng)
    return rng.choice(
        [f"{f} {s} (deceased)", f"{f} {s} (dec'd)", f"{f} {s} - DECEASED", f"the late {f} {s}"]
    )


def c_known_as(rng, i):
    f = rng.choice(list(P.NICKNAMES))
    return rng.choice(P.NICKNAMES[f]) if rng.random() < 0.75 else P.forename(rng)


def c_gp(rng, i):
    f, s = _full(rng)
    return rng.choice(
        [f"Dr {f[0]}. {s}", f"Dr {f} {s}", f"Dr. {f[0]} {s}", f"DR {s.upper()}", f"{s} {f[0]} (Dr)"]
    )


def c_client(rng, i):
    f, s = _full(rng)
    title = rng.choice(P.TITLES)
    return rng.choice(
        [f"{s.upper()}, {f} ({title})", f"{s} {f[0]}", f"{s}, {f[0]}.", f"{title} {f} {s}"]
    )


def c_initials(rng, i):
    f, s = _full(rng)
    f2 = P.forename(rng)
    return rng.choice(
        [f"{f[0]}. {f2[0]}. {s}", f"{f[0]}-{f2[0]} {s}", f"{f[0]}{f2[0]} {s}", f"{f[0]} {s}"]
    )


def c_carer(rng, i):
    f, s = _full(rng)
    note = rng.choice(
        ["neighbour, key holder", "paid carer", "friend", "daughter, LPA", "informal carer"]
    )
    return rng.choice([f"{f} {s} ({note})", f"{f} {s}", f"{f} ({note})"])


def c_mother(rng, i):
    f, s = _full(rng)
    m = P.surname(rng)
    return rng.choice([f"{f} {s} née {m}", f"{f} {s} (nee {m})", f"{f} {s}", f"{f} {m}-{s}"])


def c_title(rng, i):
    return rng.choice(P.TITLES + ["Rev", "Prof", "Master", "Sir", "Dame"])


def c_relationship(rng, i):
    return rng.choice(P.RELATIONS + ["LPA", "advocate", "next of kin"])


# --------------------------------------------------------------------------- d
def d_notes(rng, i):
    parts = [
        f"Transferred from {rng.choice(P.WARDS)} at {rng.choice(P.HOSPITALS)} on {rng.choice(P.DAYS)}.",
        f"Prescribed {rng.choice(P.DRUGS)}.",
        f"Referred to {rng.choice(P.ORGS)}.",
        f"Family holiday in {rng.choice(P.PLACE_NAMES)} in {rng.choice(P.MONTHS)}.",
        f"Reviewed by {rng.choice(P.JOBS)} from {rng.choice(P.TEAMS)}.",
        f"Attends {rng.choice(['St Mary', 'St Anne', 'Christ Church', 'Bethel'])}'s lunch club.",
        f"Supported by {rng.choice(P.ORGS)} since {rng.choice(P.MONTHS)}.",
    ]
    return " ".join(rng.sample(parts, rng.randint(1, 3)))


def d_nhs_ref(rng, i):
    return f"PO-{rng.randint(2019, 2025)}-{rng.randint(1, 99999):06d}"


def d_reference(rng, i):
    return P.nhs_number(rng)


def d_location(rng, i):
    return P.postcode(rng)


def d_contact(rng, i):
    return P.email_for(rng, *_full(rng))


def d_name(rng, i):
    return rng.choice(P.TEAMS)


def d_patient(rng, i):
    return f"W{rng.randint(1, 40):02d}-B{rng.randint(1, 30):02d}"


def d_dob_flag(rng, i):
    return rng.choice(["Y", "N", "Yes", "No", "Y", "Y"])


def d_details(rng, i):
    return f"{P.address_line(rng)}, {rng.choice(P.TOWNS)}, {P.postcode(rng)}"


def d_id(rng, i):
    return rng.choice(["RXH", "RR8", "RJ7"]) + f"{rng.randint(0, 9999999):07d}"


def d_surname_check(rng, i):
    return rng.choice(["MATCH", "NO MATCH", "PARTIAL", "MATCH", "MATCH"])


def d_phone_type(rng, i):
    return rng.choice(["mobile", "landline", "work", "home", "Mobile"])


def d_value(rng, i):
    n = P.ni_number(rng)
    return n if rng.random() < 0.7 else f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}"


def d_email_sent(rng, i):
    return _date_between(rng, 2022, 2025).isoformat()


def d_info(rng, i):
    return P.dob(rng).strftime("%d/%m/%Y")


def d_document(rng, i):
    return P.passport_number(rng)


# --------------------------------------------------------------------------- e
def e_unnamed9(rng, i):
    return _neutral(rng, 3)


def e_col3(rng, i):
    return _date_between(rng, 2024, 2026).strftime("%d/%m/%Y")


def e_licence(rng, i):
    f, s = _full(rng)
    return P.driving_licence(rng, s, f, P.dob(rng, 1940, 2005), rng.random() < 0.5)


# --------------------------------------------------------------------------- f
def f_nhs(rng, i):
    return _nhs_variant(rng, P.nhs_number(rng))


def f_dob(rng, i):
    d = P.dob(rng)
    return d.strftime("%Y%m%d") if rng.random() < 0.1 else P.date_variant(rng, d)


def f_postcode(rng, i):
    pc = P.postcode(rng)
    out, inn = pc.split(" ")
    return rng.choice(
        [pc, pc.lower(), out + inn, f" {out}  {inn} ", f"{out.lower()} {inn}", f"{out}-{inn}"]
    )


def f_phone(rng, i):
    return P.phone_variant(rng, *P.phone_parts(rng))


def f_dob_text(rng, i):
    d = P.dob(rng)
    m = P.MONTHS[d.month - 1]
    return rng.choice(
        [
            f"{P.ordinal(d.day)} {m} {d.year}",
            f"{m} {d.day}, {d.year}",
            f"{d.day} {m[:3]} {d.year}",
            f"{P.ordinal(d.day)} of {m}, {d.year}",
        ]
    )


def f_ni(rng, i):
    n = P.ni_number(rng)
    v = rng.choice([n, f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}", f"{n[:2]}{n[2:8]} {n[8]}"])
    return v.lower() if rng.random() < 0.3 else v


def f_chi(rng, i):
    c = P.chi_number(rng)
    return rng.choice([c, f"{c[:6]} {c[6:]}", f"{c[:6]}-{c[6:]}", f"{c[:3]} {c[3:6]} {c[6:]}"])


def f_hosp(rng, i):
    h = P.hospital_number(rng)
    return rng.choice([h, h.lower(), f"{h[:3]} {h[3:]}", f"#{h}"])


def f_vehicle(rng, i):
    v = P.vehicle_registration(rng, rng.random() < 0.5)
    return v.lower() if rng.random() < 0.3 else v


def f_address(rng, i):
    name, kind = P.street(rng)
    n = rng.randint(1, 240)
    return rng.choice(
        [
            f"{n} {name} {kind}",
            f"Flat {rng.randint(1, 20)}, {n} {name} {kind}",
            f"{n}, {name.lower()} {kind.lower()}",
            f"{n} {name} {P.STREET_TYPES[kind]}",
            f"{n}{rng.choice('ab')} {name} {kind}".upper(),
        ]
    )


def f_email(rng, i):
    e = P.email_for(rng, *_full(rng))
    return rng.choice([e, e.upper(), f"mailto:{e}", f"<{e}>", e.capitalize(), f" {e} "])


def f_appt(rng, i):
    return P.date_variant(rng, _date_between(rng, 2023, 2026))


# --------------------------------------------------------------------------- g
def g_order(rng, i):
    return f"ORD-{rng.randint(0, 99999999):08d}"


def g_snomed(rng, i):
    length = rng.choice([6, 8, 9, 9, 10, 10, 10, 15, 18])
    return str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(length - 1))


def g_lab(rng, i):
    if rng.random() < 0.4:
        return P.invalid_ten_digits(rng)
    return f"LAB{rng.randint(19, 25)}-{rng.randint(0, 999999):06d}"


def g_invoice(rng, i):
    return f"INV/{rng.randint(2019, 2025)}/{rng.randint(1, 99999):05d}"


def g_bed(rng, i):
    return f"{rng.choice('ABCDEF')}{rng.randint(1, 30)}-{rng.randint(1, 24):02d}"


def g_appt(rng, i):
    return _date_between(rng, 2023, 2026).strftime("%d/%m/%Y")


def g_batch(rng, i):
    return (
        "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
        + f"{rng.randint(0, 9999):04d}"
    )


def g_extension(rng, i):
    x = rng.randint(2000, 8999)
    return rng.choice([f"x{x}", str(x), f"ext. {x}"])


def g_site(rng, i):
    return rng.choice(
        [
            f"R{rng.choice('ABCDEFGHJKLMNPRTVWXY')}{rng.randint(0, 9)}",
            f"{rng.choice('ABCDEFGHJKLMNPY')}{rng.randint(81000, 89999)}",
            f"RXH{rng.randint(1, 99):02d}",
        ]
    )


def g_grid(rng, i):
    return f"{rng.choice(['SE', 'SK', 'NZ', 'NS', 'ST', 'TQ', 'SJ'])} {rng.randint(0, 99999):05d} {rng.randint(0, 99999):05d}"


def g_sort(rng, i):
    return f"{rng.randint(1, 99):02d}-{rng.randint(0, 99):02d}-{rng.randint(0, 99):02d}"


def g_icd(rng, i):
    return f"{rng.choice('ABCDEFGIJKLMNRZ')}{rng.randint(0, 99):02d}.{rng.randint(0, 9)}"


def g_time(rng, i):
    return f"{rng.randint(7, 21):02d}:{rng.choice(['00', '15', '30', '45', '10', '50'])}"


# --------------------------------------------------------------------------- h
def h_family(rng, i):
    pool = rng.choice(
        ["particle", "irish", "arabic", "welsh", "polish", "vietnamese", "south_asian", None]
    )
    s = P.surname(rng, pool)
    return rng.choice([s, s, f"{s}-{P.surname(rng, 'english')}"])


def h_full(rng, i):
    f, s = _full(rng)
    return rng.choice([f"{f} {s}", f"{s.upper()}, {f}", f"{f} {P.forename(rng)} {s}", f"{s}, {f}"])


def h_welsh(rng, i):
    f = rng.choice(P.WELSH_FORENAMES)
    s = rng.choice(P.WELSH_SURNAMES)
    return rng.choice(
        [
            f"{f} {s}",
            f"{f} ap {rng.choice(P.WELSH_FORENAMES)}",
            f"{f} {rng.choice(P.WELSH_FORENAMES)} {s}",
        ]
    )


def h_upper(rng, i):
    if rng.random() < 0.3:
        s = P.surname(rng, "vietnamese")
        return P.ascii_fold(
            f"{s} {rng.choice(['Thị', 'Văn', 'Đức'])} {P.forename(rng, 'vietnamese')}"
        ).upper()
    f, s = _full(rng)
    return P.ascii_fold(rng.choice([f"{f} {s}", f"{s} {f}"])).upper()


def h_children(rng, i):
    names = [P.forename(rng) for _ in range(rng.randint(1, 4))]
    if len(names) == 1:
        return names[0]
    return rng.choice(
        [", ".join(names[:-1]) + " and " + names[-1], ", ".join(names), " & ".join(names)]
    )


def h_colour(rng, i):
    return rng.choice(
        [
            "Rose",
            "Amber",
            "Hazel",
            "Olive",
            "Ruby",
            "Violet",
            "Jade",
            "Scarlett",
            "Grey",
            "Coral",
            "Ivory",
            "Lilac",
            "blue",
            "green",
            "Navy",
        ]
    )


def h_town(rng, i):
    return rng.choice(
        [
            "Chelsea",
            "Stanley",
            "Washington",
            "Florence",
            "Beverley",
            "Sydney",
            "Kendal",
            "Ross",
            "Hope",
            "Shirley",
            "Morley",
            "Neville's Cross",
            "Clifton",
            "Ashton",
        ]
    )


def _simple(fn: Callable[[random.Random], str]) -> Gen:
    return lambda rng, i: fn(rng)


# (name, kind, free_text, category, blank rate, generator)
SPECS: list[tuple[str, str | None, bool, str, float, Gen]] = [
    ("visit_comments", "phone", True, "a", 0.03, a_visit),
    ("referral_reason", "nhs_number", True, "a", 0.02, a_referral),
    ("outcome_notes", "email", True, "a", 0.05, a_outcome),
    ("worker_remarks", "postcode", True, "a", 0.04, a_worker),
    ("safeguarding_summary", "full_name", True, "a", 0.02, a_safeguarding),
    ("discharge_comments", "date_of_birth", True, "a", 0.03, a_discharge),
    ("contact_log", "ni_number", True, "a", 0.01, a_contact),
    ("housing_notes", "address", True, "a", 0.05, a_housing),
    ("free_text_1", "chi_number", True, "a", 0.02, a_free1),
    ("observations", "hospital_number", True, "a", 0.04, a_obs),
    ("parking_notes", "vehicle_registration", True, "a", 0.03, a_parking),
    ("activity_notes", None, True, "a", 0.05, a_activity),
    ("NHSNo", "nhs_number", False, "b", 0.01, b_nhsno),
    ("nhs_number_xl", "nhs_number", False, "b", 0.02, b_nhs_xl),
    ("chi", "chi_number", False, "b", 0.01, b_chi),
    ("telephone", "phone", False, "b", 0.10, b_telephone),
    ("uprn", "uprn", False, "b", 0.03, b_uprn),
    ("patient_id_num", "hospital_number", False, "b", 0.0, b_pid),
    ("msisdn", "phone", False, "b", 0.15, b_msisdn),
    ("nhs_num_commas", "nhs_number", False, "b", 0.02, b_nhs_commas),
    ("amount_paid", None, False, "b", 0.05, b_amount),
    ("cost_code", None, False, "b", 0.0, b_cost),
    ("lab_result_value", None, False, "b", 0.08, b_lab),
    ("row_number", None, False, "b", 0.0, b_row),
    ("weight_kg", None, False, "b", 0.12, b_weight),
    ("next_of_kin", "full_name", False, "c", 0.70, c_nok),
    ("Forename", "forename", False, "c", 0.55, c_forename),
    ("surname_at_birth", "surname", False, "c", 0.85, c_birth_surname),
    ("emergency_contact_name", "full_name", False, "c", 0.60, c_emergency),
    ("deceased_relative", "full_name", False, "c", 0.90, c_deceased),
    ("known_as", "forename", False, "c", 0.80, c_known_as),
    ("gp_name", "full_name", False, "c", 0.50, c_gp),
    ("client_name", "full_name", False, "c", 0.65, c_client),
    ("initials_surname", "full_name", False, "c", 0.75, c_initials),
    ("carer", "full_name", False, "c", 0.80, c_carer),
    ("mother_name", "full_name", False, "c", 0.70, c_mother),
    ("title", None, False, "c", 0.50, c_title),
    ("relationship", None, False, "c", 0.60, c_relationship),
    ("notes", None, True, "d", 0.10, d_notes),
    ("nhs_ref", None, False, "d", 0.02, d_nhs_ref),
    ("reference", "nhs_number", False, "d", 0.03, d_reference),
    ("location", "postcode", False, "d", 0.04, d_location),
    ("contact", "email", False, "d", 0.20, d_contact),
    ("name", None, False, "d", 0.0, d_name),
    ("patient", None, False, "d", 0.05, d_patient),
    ("dob_flag", None, False, "d", 0.10, d_dob_flag),
    ("details", "address", False, "d", 0.05, d_details),
    ("id", "hospital_number", False, "d", 0.0, d_id),
    ("surname_check", None, False, "d", 0.02, d_surname_check),
    ("phone_type", None, False, "d", 0.15, d_phone_type),
    ("value", "ni_number", False, "d", 0.06, d_value),
    ("email_sent", None, False, "d", 0.30, d_email_sent),
    ("info", "date_of_birth", False, "d", 0.02, d_info),
    ("document", "passport_number", False, "d", 0.40, d_document),
    ("field_23", "nhs_number", False, "e", 0.02, _simple(P.nhs_number)),
    ("col_17", "surname", False, "e", 0.01, _simple(P.surname)),
    ("V3", "postcode", False, "e", 0.03, _simple(P.postcode)),
    ("Unnamed: 4", "phone", False, "e", 0.12, _simple(P.phone)),
    ("X1", "date_of_birth", False, "e", 0.01, lambda r, i: P.dob(r).strftime("%d/%m/%Y")),
    ("Unnamed: 9", None, True, "e", 0.30, e_unnamed9),
    ("field_7", "forename", False, "e", 0.01, _simple(P.forename)),
    ("col_3", None, False, "e", 0.05, e_col3),
    ("V12", "email", False, "e", 0.25, lambda r, i: P.email_for(r, *_full(r))),
    ("X7", "vehicle_registration", False, "e", 0.20, _simple(P.vehicle_registration)),
    ("F5", None, False, "e", 0.0, lambda r, i: str(r.randint(1, 40))),
    ("column_31", "driving_licence", False, "e", 0.35, e_licence),
    ("Unnamed: 0", None, False, "e", 0.0, lambda r, i: str(i)),
    ("c8", "ni_number", False, "e", 0.05, _simple(P.ni_number)),
    ("var_12", "address", False, "e", 0.03, _simple(P.address_line)),
    ("nhs_no_mixed", "nhs_number", False, "f", 0.03, f_nhs),
    ("date_of_birth", "date_of_birth", False, "f", 0.02, f_dob),
    ("postcode", "postcode", False, "f", 0.04, f_postcode),
    ("phone_numbers", "phone", False, "f", 0.10, f_phone),
    ("dob_text", "date_of_birth", False, "f", 0.05, f_dob_text),
    ("ni_no", "ni_number", False, "f", 0.05, f_ni),
    ("chi_no", "chi_number", False, "f", 0.02, f_chi),
    ("hosp_no", "hospital_number", False, "f", 0.02, f_hosp),
    ("vehicle", "vehicle_registration", False, "f", 0.30, f_vehicle),
    ("address_line", "address", False, "f", 0.02, f_address),
    ("email_address", "email", False, "f", 0.15, f_email),
    ("appt_date", None, False, "f", 0.05, f_appt),
    ("order_number", None, False, "g", 0.0, g_order),
    ("snomed_code", None, False, "g", 0.02, g_snomed),
    ("lab_id", None, False, "g", 0.01, g_lab),
    ("invoice_no", None, False, "g", 0.0, g_invoice),
    ("bed_code", None, False, "g", 0.05, g_bed),
    ("appointment_date", None, False, "g", 0.03, g_appt),
    ("team", None, False, "g", 0.0, d_name),
    ("ward", None, False, "g", 0.05, lambda r, i: r.choice(P.WARDS)),
    ("medication", None, False, "g", 0.08, lambda r, i: r.choice(P.DRUGS)),
    ("batch_number", None, False, "g", 0.20, g_batch),
    ("extension", None, False, "g", 0.10, g_extension),
    ("site_code", None, False, "g", 0.0, g_site),
    ("grid_ref", None, False, "g", 0.05, g_grid),
    ("sort_code", None, False, "g", 0.10, g_sort),
    ("icd10", None, False, "g", 0.05, g_icd),
    ("time_of_visit", None, False, "g", 0.02, g_time),
    ("first_name", "forename", False, "h", 0.01, _simple(P.forename)),
    ("family_name", "surname", False, "h", 0.01, h_family),
    ("full_name", "full_name", False, "h", 0.01, h_full),
    ("given_names", "forename", False, "h", 0.02, lambda r, i: P.forename(r, "word")),
    ("last_name", "surname", False, "h", 0.02, lambda r, i: P.surname(r, "word")),
    ("welsh_name", "full_name", False, "h", 0.02, h_welsh),
    ("enw", "forename", False, "h", 0.02, lambda r, i: r.choice(P.WELSH_FORENAMES)),
    ("patient_name_upper", "full_name", False, "h", 0.01, h_upper),
    ("child_names", "forename", False, "h", 0.60, h_children),
    ("colour", None, False, "h", 0.05, h_colour),
    ("town", None, False, "h", 0.03, h_town),
]

UNDIRECT = {None, "date_of_birth", "postcode"}


def make_heldout3_columns(
    seed: int = 5, rows: int = 2000
) -> tuple[dict[str, list[str | None]], dict[str, dict]]:
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for name, kind, free_text, category, blank_rate, gen in SPECS:
        rng = random.Random(f"heldout3:{seed}:{name}")
        values: list[str | None] = []
        for i in range(rows):
            if blank_rate and rng.random() < blank_rate:
                values.append(None)
            else:
                values.append(gen(rng, i))
        columns[name] = values
        labels[name] = {
            "kind": kind,
            "direct": kind not in UNDIRECT,
            "free_text": free_text,
            "category": category,
        }
    return columns, labels
