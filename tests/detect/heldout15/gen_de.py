"""Categories d (misleading headers) and e (headerless or coded headers)."""

import hashlib
import string

from . import pools
from . import values as v


def _col(rng, rows, maker, blank=0.05, noise=0.06):
    return [None if rng.random() < blank else v.noise(rng, maker(rng), noise) for _ in range(rows)]


# ---------------------------------------------------------------- d: misleading headers

NOTES_T = [
    "Met at {shop}, {town}; referred to {charity}.",
    "Discussed with {team} - agreed joint visit {day}.",
    "Started on {drug}, review in 4 weeks.",
    "Letter copied to {charity} and {team}.",
    "Moved from {town} to {town2} last year.",
    "Attends {ward}, {town} General.",
    "Volunteers with {charity} on {day}s.",
    "Housing Options at {town} town hall, then {shop}.",
    "{drug} and {drug2} in blister pack.",
    "Bus {bus} to {town} market.",
    "Funeral at St {saint}'s, {town}.",
    "Works part-time at {shop}.",
]
SAINTS = ["Aidan", "Mary", "Michael", "Patrick", "Teilo", "Columba", "Chad", "Hilda", "Cuthbert"]


def notes(rng, rows):
    def one(r):
        parts = []
        for t in r.sample(NOTES_T, k=r.choice([1, 2, 2, 3])):
            parts.append(
                t.format(
                    shop=r.choice(pools.SHOPS_PLACES),
                    town=r.choice(pools.TOWNS),
                    town2=r.choice(pools.SURNAME_TOWNS),
                    charity=r.choice(pools.CHARITIES),
                    team=r.choice(pools.TEAMS),
                    drug=r.choice(pools.DRUGS),
                    drug2=r.choice(pools.DRUGS),
                    ward=r.choice(pools.WARDS),
                    day=r.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
                    bus=r.choice(pools.BUS_ROUTES),
                    saint=r.choice(SAINTS),
                )
            )
        return r.choice([" ", "\n", " / "]).join(parts)

    return _col(rng, rows, one, 0.12)


def nhs_ref(rng, rows):
    def one(r):
        a, b = r.randint(1000, 9999), r.randint(1000, 9999)
        return r.choice([f"PO-{a}-{b}", f"PO{a}{b}", f"REQ/{a}/{b % 100:02d}", f"po-{a}-{b}"])

    return _col(rng, rows, one)


def patient_name(rng, rows):
    def one(r):
        return r.choice(
            [
                f"Bay {r.randint(1, 6)} Bed {r.randint(1, 6)}",
                f"SR{r.randint(1, 12)}",
                f"Side room {r.randint(1, 8)}",
                f"Ward {r.randint(1, 40)} / B{r.randint(1, 30)}",
                f"Chair {r.randint(1, 10)} (discharge lounge)",
                "Corridor trolley",
                f"Escalation bed {r.randint(1, 4)}",
            ]
        )

    return _col(rng, rows, one, 0.08)


def dob(rng, rows):
    def one(r):
        d = v.random_date(r, 2023, 2025)
        return r.choice(
            [d.strftime("%d/%m/%Y"), d.strftime("%Y-%m-%d"), d.strftime("%d/%m/%Y") + " 09:30"]
        )

    return _col(rng, rows, one)


def email_flag(rng, rows):
    return _col(
        rng,
        rows,
        lambda r: r.choice(["Y", "N", "Y", "Opted out", "N/K", "yes", "no", "Y (GDPR ok)"]),
        0.2,
    )


def ni_no(rng, rows):
    def one(r):
        area = r.choice(["BT", "LD", "NR", "DY", "AM", "CF", "EN", "OM"])
        return r.choice(
            [f"NI-{area}-{r.randint(1, 99):03d}", f"NI/{area}{r.randint(1, 9)}", f"NI-{area}"]
        )

    return _col(rng, rows, one)


def contact_name(rng, rows):
    return _col(rng, rows, lambda r: r.choice(pools.TEAMS), 0.1)


def ref(rng, rows):
    def one(r):
        n = v.nhs_number(r)
        return f"{n[:3]} {n[3:6]} {n[6:]}"

    return _col(rng, rows, one)


def info(rng, rows):
    return _col(rng, rows, v.email, 0.1)


def value(rng, rows):
    return _col(rng, rows, v.full_name)


def details(rng, rows):
    return _col(rng, rows, v.phone, 0.1)


def code(rng, rows):
    return _col(
        rng, rows, lambda r: v.ni_number(r) if r.random() < 0.7 else v.ni_spaced(v.ni_number(r))
    )


def item(rng, rows):
    return _col(rng, rows, lambda r: v.vrm(r) if r.random() < 0.8 else v.vrm_prefix(r), 0.1)


def location(rng, rows):
    return _col(rng, rows, v.postcode)


# ---------------------------------------------------------------- e: coded headers


def field_23(rng, rows):
    return _col(rng, rows, v.nhs_number, 0.03, 0.0)


def col_17(rng, rows):
    return _col(rng, rows, v.surname)


def unnamed_4(rng, rows):
    return _col(rng, rows, v.email, 0.15)


def unnamed_11(rng, rows):
    return _col(
        rng, rows, lambda r: r.choice(["OPEN", "CLSD", "PEND", "REOP", "WDRN", "OPEN"]), 0.02
    )


def pbk_fld_0042(rng, rows):
    return _col(rng, rows, v.phone_any, 0.1)


def x_attr_09(rng, rows):
    return _col(rng, rows, v.driving_licence, 0.3)


def c12(rng, rows):
    def one(r):
        d = v.dob(r)
        return d.strftime("%d/%m/%Y")

    return _col(rng, rows, one, 0.02)


def v7(rng, rows):
    return _col(rng, rows, v.hospital_number, 0.02)


def zz_sys_cust3(rng, rows):
    return _col(
        rng,
        rows,
        lambda r: v.full_name(r) if r.random() < 0.7 else f"{v.surname(r)}, {v.forename(r)}",
    )


def column_8(rng, rows):
    def one(r):
        d = v.random_date(r, 2022, 2025)
        return (
            f"{d.isoformat()}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z"
        )

    return _col(rng, rows, one, 0.0, 0.0)


def ext_id_1(rng, rows):
    return _col(rng, rows, v.uprn, 0.05, 0.0)


def unnamed_19(rng, rows):
    def one(r):
        return r.choice(pools.ODS_PREFIXES) + f"{r.randint(0, 999):03d}"

    return _col(rng, rows, one, 0.03)


def fld_204(rng, rows):
    return _col(
        rng,
        rows,
        lambda r: r.choice(
            ["MP letter", "Cllr enquiry", "Web form", "Phone", "Walk-in", "Email", "Social media"]
        ),
        0.04,
    )


def attr_55(rng, rows):
    salt = "".join(rng.choice(string.ascii_letters) for _ in range(16))

    def one(r):
        h = hashlib.sha256(f"{salt}{r.random()}".encode()).hexdigest()
        return h[: r.choice([16, 32, 40])]

    return _col(rng, rows, one, 0.02, 0.0)
