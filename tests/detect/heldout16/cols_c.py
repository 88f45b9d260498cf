"""Category c: name columns with annotations and many blanks."""

from . import pools
from . import values as v


def _col(rng, rows, blank, make):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def _rel(rng):
    r = rng.choice(pools.RELATIONSHIPS)
    return r.capitalize() if rng.random() < 0.4 else r


def next_of_kin(rng, rows):
    def make(r):
        name = v.full_name(r)
        style = r.randint(0, 3)
        if style == 0:
            return f"{name} ({_rel(r)})"
        if style == 1:
            return f"{name} - {_rel(r)}"
        if style == 2:
            return f"{name.upper()} ({_rel(r).upper()})"
        return f"{name} ({_rel(r)}) - main contact"

    return _col(rng, rows, 0.65, make)


def nok_forename(rng, rows):
    def make(r):
        return r.choice(["{f} ({rel})", "{f} - {rel}", "{f} [{rel}]", "{f}"]).format(
            f=v.forename(r), rel=_rel(r)
        )

    return _col(rng, rows, 0.70, make)


def carer_surname(rng, rows):
    def make(r):
        s = v.surname(r).upper()
        return r.choice([f"{s} - {_rel(r)}", f"{s} (paid carer)", f"{s}", f"{s} ({_rel(r)})"])

    return _col(rng, rows, 0.75, make)


def emergency_contact_1(rng, rows):
    def make(r):
        t = r.choice(pools.TITLES)
        f = v.forename(r)
        s = v.surname(r)
        who = r.choice([f"{t} {f[0]} {s}", f"{t} {f} {s}", f"{f} {s}"])
        note = r.choice(["has key", "key holder", "works days", "", "lives next door"])
        return f"{who} ({_rel(r)})" + (f" - {note}" if note else "")

    return _col(rng, rows, 0.60, make)


def accompanied_by(rng, rows):
    def make(r):
        return r.choice(
            [
                "attended with {rel} {n}",
                "Accompanied by {rel} - {n}",
                "{n} ({rel}) came in with pt",
                "with {rel} {n}\n(translating)",
            ]
        ).format(rel=_rel(r), n=v.full_name(r))

    return _col(rng, rows, 0.70, make)


def parent_guardian(rng, rows):
    def make(r):
        mum = v.full_name(r)
        dad = v.full_name(r)
        return r.choice(
            [
                f"Mum: {mum} / Dad: {dad}",
                f"{mum} (mother)",
                f"{dad} (father, PR)",
                f"Mum - {mum}; Dad not involved",
                f"Foster carer: {mum}",
            ]
        )

    return _col(rng, rows, 0.55, make)


def school_asthma_contact(rng, rows):
    def make(r):
        t = r.choice(["Mrs", "Mr", "Ms", "Miss"])
        s = v.surname(r)
        role = r.choice(["school nurse", "SENCo", "head of year 4", "office", "TA"])
        ext = r.choice(["", f" ext {r.randint(200, 299)}"])
        return r.choice([f"{t} {s} ({role}){ext}", f"{v.forename(r)} {s} - {role}{ext}"])

    return _col(rng, rows, 0.65, make)


def lpa_attorney(rng, rows):
    def make(r):
        kind = r.choice(["LPA H&W", "LPA (health)", "H&W attorney", "LPA P&FA + H&W"])
        return f"{kind}: {v.full_name(r)} ({_rel(r)})"

    return _col(rng, rows, 0.80, make)


def transition_key_contact(rng, rows):
    def make(r):
        return r.choice(
            ["{Rel} - {n} (lives with)", "{Rel}: {n}", "{Rel} {n}, prefers text"]
        ).format(Rel=_rel(r).capitalize(), n=v.full_name(r))

    return _col(rng, rows, 0.70, make)


def family_interpreter(rng, rows):
    def make(r):
        return r.choice(
            ["{rel} {f}", "{rel} ({f}) interprets", "{f} - {rel}, Urdu/English"]
        ).format(rel=_rel(r), f=v.forename(r))

    return _col(rng, rows, 0.75, make)


def other_household_members(rng, rows):
    def make(r):
        kids = [v.forename(r) for _ in range(r.randint(1, 3))]
        adults = r.randint(1, 2)
        return f"{adults} adult(s), {len(kids)} child(ren) ({', '.join(kids)})"

    return _col(rng, rows, 0.60, make)


def previous_surname(rng, rows):
    def make(r):
        s = v.surname(r)
        return r.choice(
            [f"née {s}", f"nee {s.upper()}", f"(maiden) {s}", f"{s} (prev. married)", s]
        )

    return _col(rng, rows, 0.80, make)


def nok_relationship(rng, rows):
    def make(r):
        rel = _rel(r)
        return r.choice([rel.capitalize(), rel.upper(), f"{rel.capitalize()} (not NOK)", f"{rel}?"])

    return _col(rng, rows, 0.70, make)


def consent_to_share_with(rng, rows):
    orgs = ["GP", "Pharmacy", "Family", "School", "Social care", "Employer", "Carer"]

    def make(r):
        chosen = r.sample(orgs, r.randint(1, 4))
        return ", ".join(f"{o} ({r.choice('YN')})" for o in chosen)

    return _col(rng, rows, 0.60, make)
