"""Category b (spreadsheet damage, numeric look-alikes) and c (annotated names)."""

from __future__ import annotations

import random

from . import pools
from . import values as v

# b ----------------------------------------------------------------------------------


def nhs_float(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        n = v.nhs_number(r)
        return r.choice([f"{n}.0", f"{n}.0", n, f"{int(n):,}.00" if r.random() < 0.1 else n])

    return v.blanks(rng, rows, 0.93, one)


def nhs_sci(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        n = v.nhs_number(r)
        return v.sci(int(n)) if r.random() < 0.65 else n

    return v.blanks(rng, rows, 0.95, one)


def chi_damaged(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        c = v.chi_number(r)
        stripped = c.lstrip("0")
        return r.choice([stripped, stripped, f"{stripped}.0", c])

    return v.blanks(rng, rows, 0.9, one)


def uprn_damaged(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        u = v.uprn(r)
        x = r.random()
        if x < 0.45:
            return v.sci(int(u))
        if x < 0.8:
            return f"{int(u)}.0"
        return u

    return v.blanks(rng, rows, 0.88, one)


def mobile_damaged(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        m = v.mobile(r)
        x = r.random()
        if x < 0.5:
            return m[1:]
        if x < 0.7:
            return f"{m[1:]}.0"
        if x < 0.85:
            return "44" + m[1:]
        return m

    return v.blanks(rng, rows, 0.85, one)


def hosp_damaged(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        h = f"{r.randint(0, 9999999):08d}"
        x = r.random()
        if x < 0.45:
            return str(int(h))
        if x < 0.65:
            return f"{int(h)}.0"
        if x < 0.85:
            return f'="{h}"'
        return h

    return v.blanks(rng, rows, 0.92, one)


def receipt_number(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        n = v.mod11_failing(r, first=r.choice("456789"))
        return f"{n}.0" if r.random() < 0.5 else n

    return v.blanks(rng, rows, 0.97, one)


def membership_card(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        n = v.mod11_failing(r, first=r.choice(["00", "4", "6"]))
        return n.lstrip("0") if r.random() < 0.5 else n

    return v.blanks(rng, rows, 0.9, one)


def booking_ref(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        d = v.random_date(r, 2023, 2025)
        return v.chi_failing(r, d)

    return v.blanks(rng, rows, 0.96, one)


def water_meter(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        n = r.randint(10_000_000_000, 99_999_999_999)
        return v.sci(n) if r.random() < 0.75 else str(n)

    return v.blanks(rng, rows, 0.7, one)


def easting(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        e = r.randint(130000, 460000)
        return f"{e}.0" if r.random() < 0.6 else str(e)

    return v.blanks(rng, rows, 0.95, one)


def steps_total(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        s = r.randint(3000, 140000)
        return r.choice([f"{s:,}", f"{s:,}", str(s), f"{s:,}.00"])

    return v.blanks(rng, rows, 0.8, one)


def plot_rent(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        p = r.choice([2500, 3250, 4250, 5100, 6800, 1275, 8400]) + r.choice([0, 0, 50])
        return f"{p}.0" if r.random() < 0.7 else str(p)

    return v.blanks(rng, rows, 0.9, one)


def till_txn(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        d = v.random_date(r, 2023, 2025)
        return d.strftime("%Y%m%d") + f"{r.randint(0, 9999):04d}"

    return v.blanks(rng, rows, 0.98, one)


# c ----------------------------------------------------------------------------------

_REL_EN = [
    "daughter",
    "son",
    "wife",
    "husband",
    "partner",
    "sister",
    "brother",
    "niece",
    "nephew",
    "friend",
    "neighbour",
    "daughter-in-law",
    "grandson",
    "granddaughter",
]


def next_of_kin(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        n = v.full_name(r)
        return r.choice(
            [
                f"{n} ({r.choice(_REL_EN)})",
                f"{n} - {r.choice(_REL_EN)}",
                n,
                f"{n.upper()} ({r.choice(_REL_EN).upper()})",
            ]
        )

    return v.blanks(rng, rows, 0.30, one)


def emergency_contact(rng: random.Random, rows: int) -> list[str | None]:
    notes = [
        "only call after 6pm",
        "works nights",
        "lives in Spain Oct-Mar",
        "deaf - text",
        "key holder",
        "do NOT contact",
        "2nd contact",
        "speaks Urdu",
    ]

    def one(r):
        n = v.full_name(r)
        return r.choice(
            [
                f"{n} ({r.choice(_REL_EN)}) \u2013 {r.choice(notes)}",
                f"{n} [{r.choice(_REL_EN)}; {r.choice(notes)}]",
                f"{r.choice(_REL_EN).title()}: {n}",
            ]
        )

    return v.blanks(rng, rows, 0.35, one)


def carer_attending(rng: random.Random, rows: int) -> list[str | None]:
    access = [
        "uses wheelchair",
        "own hearing loop",
        "needs front row",
        "brings dog (assist.)",
        "stays for tea only",
    ]

    def one(r):
        t = r.choice(["Mrs", "Mr", "Ms", "Dr"])
        return r.choice(
            [
                f"{t} {v.forename(r)[0]} {v.surname(r)} ({r.choice(_REL_EN)}, {r.choice(access)})",
                f"{t} {v.surname(r)} ({r.choice(_REL_EN)})",
                f"{v.full_name(r)} - paid carer, {r.choice(access)}",
            ]
        )

    return v.blanks(rng, rows, 0.25, one)


def buddy_walker(rng: random.Random, rows: int) -> list[str | None]:
    notes = ["buddy since 2021", "DBS ok", "Welsh speaker", "drives", "on holiday till June"]

    def one(r):
        return f"{v.full_name(r)} [{r.choice(notes)}]" if r.random() < 0.7 else v.full_name(r)

    return v.blanks(rng, rows, 0.20, one)


def joint_plot_holder(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        return r.choice(
            [
                f"{v.full_name(r)} ({r.choice(_REL_EN)}) \u2013 co-tenant",
                f"co-worker: {v.full_name(r)}",
                f"{v.full_name(r)} (brother-in-law, keys)",
            ]
        )

    return v.blanks(rng, rows, 0.30, one)


def referred_by_family(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        return r.choice(
            [
                f"{r.choice(_REL_EN)}: {v.full_name(r)}",
                f"{v.full_name(r)} (self-referred on behalf of {r.choice(['mum', 'dad', 'nan'])})",
                f"via {r.choice(_REL_EN)} {v.full_name(r)}",
            ]
        )

    return v.blanks(rng, rows, 0.15, one)


def preferred_name(rng: random.Random, rows: int) -> list[str | None]:
    pairs = [
        ("Bill", "William"),
        ("Peggy", "Margaret"),
        ("Bob", "Robert"),
        ("Jim", "James"),
        ("Sue", "Susan"),
        ("Taz", "Tariq"),
        ("Nikki", "Nicola"),
        ("Gwen", "Gwendolen"),
        ("Kasia", "Katarzyna"),
        ("Sunny", "Sunil"),
        ("Bunty", "Barbara"),
        ("Ade", "Adebayo"),
    ]

    def one(r):
        a, b = r.choice(pairs)
        return r.choice([f"{a} (prefers {b} on letters)", a, f"{a} \u2013 not {b}!", f"'{a}'"])

    return v.blanks(rng, rows, 0.20, one)


def maiden_name(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        s = v.surname(r)
        return r.choice([f"née {s}", s, f"nee {s.upper()}", f"{s} (prev. married name)"])

    return v.blanks(rng, rows, 0.15, one)


def enw_perthynas(rng: random.Random, rows: int) -> list[str | None]:
    rel = ["mam", "tad", "merch", "mab", "gŵr", "gwraig", "chwaer", "brawd", "ffrind", "cymydog"]

    def one(r):
        n = f"{r.choice(pools.WELSH_FORENAMES)} {r.choice(pools.WELSH_SURNAMES)}"
        if r.random() < 0.4:
            n = v.full_name(r)
        return r.choice([f"{n} ({r.choice(rel)})", f"{n} - {r.choice(rel)}"])

    return v.blanks(rng, rows, 0.30, one)


def ainm_neach_daimh(rng: random.Random, rows: int) -> list[str | None]:
    rel = ["piuthar", "bràthair", "nighean", "mac", "bean", "duine", "caraid", "nàbaidh"]

    def one(r):
        f = r.choice(pools.GAELIC_FORENAMES)
        pool = pools.GAELIC_SURNAMES_F if f in pools.GAELIC_FEMALE else pools.GAELIC_SURNAMES_M
        return f"{f} {r.choice(pool)} ({r.choice(rel)})"

    return v.blanks(rng, rows, 0.25, one)


def osoba_kontaktowa(rng: random.Random, rows: int) -> list[str | None]:
    rel = ["córka", "syn", "żona", "mąż", "siostra", "brat", "sąsiadka", "wnuczka"]

    def one(r):
        n = f"{r.choice(pools.POLISH_FORENAMES)} {r.choice(pools.POLISH_SURNAMES)}"
        return r.choice([f"{n} ({r.choice(rel)})", f"{n}, {r.choice(rel)}, tel. w karcie"])

    return v.blanks(rng, rows, 0.30, one)


def collected_by(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        return r.choice(
            [
                f"neighbour - {v.full_name(r)}",
                f"Collected by {r.choice(_REL_EN)} {v.full_name(r)}",
                f"{v.full_name(r)} (volunteer driver)",
                "self",
            ]
        )

    return v.blanks(rng, rows, 0.40, one)


def lpa_attorney(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        t = r.choice(["H&W", "P&FA", "H&W + P&FA", "EPA (old)"])
        return r.choice(
            [
                f"{v.forename(r)[0]}. {v.surname(r)} (LPA {t})",
                f"{v.full_name(r)} \u2013 {t} attorney",
            ]
        )

    return v.blanks(rng, rows, 0.15, one)


def also_attending(rng: random.Random, rows: int) -> list[str | None]:
    def one(r):
        a, b = v.forename(r), v.forename(r)
        return r.choice(
            [
                f"brother {a} + grandson ({b}, {r.randint(8, 16)})",
                f"{a} (son)",
                f"{a} & {b}",
                f"grandaughter {a}, {r.randint(9, 15)}",
            ]
        )

    return v.blanks(rng, rows, 0.25, one)
