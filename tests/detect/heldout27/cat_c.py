# ruff: noqa: RUF001  (en dashes and dotless i are deliberate: clerks type them)
"""Category c: annotated name columns with many blanks."""

from . import pools
from . import values as v


def _blanky(rng, rows, rate, fn):
    empty = v.blanks(rng, rows, rate)
    out = []
    for i in range(rows):
        if i in empty:
            out.append(None if rng.random() < 0.94 else " ")
        else:
            out.append(fn(rng))
    return out


def contact_name_relationship(rng, rows):
    def one(r):
        f, s = v.full_name(r)
        rel = r.choice(
            [
                "maternal grandmother",
                "aunt",
                "dad",
                "mum",
                "family friend",
                "uncle - PR",
                "Nan",
                "stepmum",
                "older sister 19",
            ]
        )
        return r.choice(
            [f"{f} {s} ({rel})", f"{f} {s} [{rel}]", f"{s}, {f} ({rel})", f"{f} {s} - {rel}"]
        )

    return _blanky(rng, rows, 0.6, one)


def kinship_carer(rng, rows):
    def one(r):
        f, s = v.full_name(r)
        t = r.choice(pools.TITLES[:5])
        note = r.choice(
            [
                "SGO granted",
                "Reg 24",
                "CAO",
                "kinship – connected person",
                "SGO pending",
                "aunt",
                "grandparents (joint)",
            ]
        )
        return r.choice(
            [
                f"{t} {f[0]}. {s} - {note}",
                f"{t} {f} {s} ({note})",
                f"{f} & {r.choice(pools.FORENAMES)} {s} – {note}",
            ]
        )

    return _blanky(rng, rows, 0.55, one)


def father_name(rng, rows):
    def one(r):
        if r.random() < 0.15:
            return r.choice(["unknown", "N/K", "Not known", "not named on birth cert", "DECEASED"])
        f, s = v.full_name(r)
        note = r.choice(
            ["(not PR)", "(PR)", "– no contact", "(in prison)", "", "(lives abroad)", "?"]
        )
        return f"{f} {s} {note}".strip()

    return _blanky(rng, rows, 0.7, one)


def sibling_names(rng, rows):
    def one(r):
        n = r.randint(1, 4)
        parts = [f"{r.choice(pools.FORENAMES)} ({r.randint(0, 17)})" for _ in range(n)]
        if r.random() < 0.2:
            parts.append("+ unborn")
        return r.choice([", ", "; ", " / "]).join(parts)

    return _blanky(rng, rows, 0.65, one)


def mother_maiden_surname(rng, rows):
    def one(r):
        s = r.choice(pools.SURNAMES)
        return r.choice([s, f"née {s}", f"{s.upper()}", f"{s} (prev. married name)", f"{s}?"])

    return _blanky(rng, rows, 0.8, one)


def imie_nazwisko_opiekuna(rng, rows):
    def one(r):
        f = r.choice(pools.POLISH_FORENAMES + pools.FORENAMES)
        s = r.choice(pools.POLISH_SURNAMES + pools.SURNAMES)
        note = r.choice(
            ["(babcia)", "(ciocia)", "(ojciec)", "(matka)", "– opiekun prawny", "(wujek)", ""]
        )
        return f"{f} {s} {note}".strip()

    return _blanky(rng, rows, 0.5, one)


def alleged_perpetrator(rng, rows):
    def one(r):
        if r.random() < 0.2:
            return r.choice(["Name withheld", "unknown male", "not disclosed", "NK – 'Jay'"])
        f, s = v.full_name(r)
        note = r.choice(
            ["(mum's ex-partner)", "(lodger)", "(uncle)", "- older peer", "(stepfather)"]
        )
        return r.choice([f"{f[0]}. {s} {note}", f"{f} {s} {note}", f"{s.upper()} {f} {note}"])

    return _blanky(rng, rows, 0.85, one)


def enw_r_plentyn(rng, rows):
    def one(r):
        f, s = v.full_name(r)
        if r.random() < 0.35:
            return f"{f} {s} (known as {r.choice(pools.NICKNAMES)})"
        return r.choice(
            [f"{f} {s}", f"{f} {r.choice(pools.WELSH_SURNAMES)}", f"{f} {s} (a.k.a. {s[:3]})"]
        )

    return _blanky(rng, rows, 0.5, one)


def household_members(rng, rows):
    def one(r):
        s = r.choice(pools.SURNAMES)
        roles = ["mother", "stepfather", "child", "grandmother", "lodger", "partner", "sibling"]
        n = r.randint(1, 4)
        people = []
        for _ in range(n):
            fam = r.choice([s, s, r.choice(pools.SURNAMES)])
            people.append(f"{r.choice(pools.FORENAMES)} {fam} [{r.choice(roles)}]")
        return "; ".join(people)

    return _blanky(rng, rows, 0.6, one)


def uk_relative_claimed(rng, rows):
    def one(r):
        g = r.choice(pools.UASC_GIVEN)
        fam = r.choice(pools.UASC_FAMILY)
        rel = r.choice(["Cousin", "Uncle", "Brother", "Older brother", "Family friend"])
        note = r.choice(
            [
                "details unverified",
                "DNA not done",
                "claims to live in Coventry",
                "no contact yet",
                "",
            ]
        )
        return f"{rel}: {g} {fam} — {note}".rstrip(" —")

    return _blanky(rng, rows, 0.75, one)


def ainm_neach_conaltraidh(rng, rows):
    def one(r):
        f, s = v.full_name(r)
        if r.random() < 0.4:
            s = r.choice(
                ["MacLeod", "NicDhòmhnaill", "Morrison", "MacAulay", "Nic a' Phì", "MacIver"]
            )
        rel = r.choice(["seanmhair", "piuthar", "athair", "màthair", "gran", "neighbour"])
        return f"{f} {s} ({rel})"

    return _blanky(rng, rows, 0.7, one)


def preferred_first_name(rng, rows):
    def one(r):
        f = r.choice(pools.FORENAMES)
        return r.choice([f, f"{f} (prefers this – not birth name)", f"{f} – please use", f"{f}*"])

    return _blanky(rng, rows, 0.6, one)


def relationship_to_child(rng, rows):
    return _blanky(rng, rows, 0.6, lambda r: v.messy(r, r.choice(pools.RELATIONSHIPS), p_case=0.2))


def name_change_reason(rng, rows):
    reasons = [
        "Deed poll – adoption",
        "Cultural naming convention",
        "Change on marriage (carer)",
        "Special guardian's surname added",
        "Safety – fleeing DA",
        "Gender identity",
        "Spelling corrected from Home Office docs",
        "Transliteration standardised",
        "Double-barrelled at parents' request",
        "Court order (s.13 CA 1989)",
    ]
    return _blanky(rng, rows, 0.8, lambda r: r.choice(reasons))
