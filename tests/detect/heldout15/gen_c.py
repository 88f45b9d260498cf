"""Category c: name columns with annotations and many blanks."""

from . import pools
from . import values as v


def _col(rng, rows, maker, blank):
    return [None if rng.random() < blank else v.noise(rng, maker(rng)) for _ in range(rows)]


def _rel(rng):
    return rng.choice(pools.RELATIONSHIPS)


def next_of_kin(rng, rows):
    def one(r):
        name = v.full_name(r)
        if r.random() < 0.2:
            name = f"{name[0]}. {v.surname(r)}"
        form = r.randrange(5)
        rel = _rel(r)
        if form == 0:
            return f"{name} ({rel})"
        if form == 1:
            return f"{name} - {rel}, lives abroad"
        if form == 2:
            return f"{name} ({rel}) NOT to be contacted"
        if form == 3:
            return f"{rel.upper()}: {name}"
        return f"{name}\n({rel} - has LPA)"

    return _col(rng, rows, one, 0.68)


def nok_forename(rng, rows):
    def one(r):
        f = v.forename(r)
        form = r.randrange(4)
        if form == 0:
            return f"{f} ({_rel(r)})"
        if form == 1:
            return f"{f} - {_rel(r)}"
        if form == 2:
            return f"{f.upper()} ({_rel(r)}) ??"
        return f"{f} (pref. name)"

    return _col(rng, rows, one, 0.72)


def nok_surname(rng, rows):
    def one(r):
        s = v.surname(r)
        form = r.randrange(4)
        if form == 0:
            return f"{s} (married name)"
        if form == 1:
            return f"{s} (née {v.surname(r)})"
        if form == 2:
            return f"{s} - same as pt"
        return f"{s} (dtr)"

    return _col(rng, rows, one, 0.75)


def deceased_name_cremation(rng, rows):
    def one(r):
        t = r.choice(["Mr", "Mrs", "Miss", "Ms", ""])
        n = v.full_name(r)
        form = r.randrange(4)
        if form == 0:
            return f"LATE {t} {n}".replace("  ", " ")
        if form == 1:
            return f"{n.upper()} (ashes collected)"
        if form == 2:
            return f"{t} {n} (entry corrected)".strip()
        return f"{n} [reg. no {r.randint(1000, 99999)}]"

    return _col(rng, rows, one, 0.55)


def applicant_for_burial(rng, rows):
    def one(r):
        t = r.choice(pools.TITLES)
        f = v.forename(r)
        s = v.surname(r)
        form = r.randrange(3)
        if form == 0:
            return f"{t} {f[0]} {s} ({_rel(r)}) - exec."
        if form == 1:
            return f"{f} {s}, {_rel(r)} of deceased"
        return f"{t} {f} {s} (applicant & grave owner)"

    return _col(rng, rows, one, 0.8)


def secondary_tenant(rng, rows):
    def one(r):
        n = v.full_name(r)
        return r.choice(
            [
                f"{n} (partner, not on tenancy)",
                f"{n} - lodger",
                f"{n} (son, 19, non-dep)",
                f"{n} (succession claimed)",
                f"{n}",
            ]
        )

    return _col(rng, rows, one, 0.7)


def appointee_name(rng, rows):
    def one(r):
        n = v.full_name(r)
        return r.choice(
            [
                f"{n} (appointee)",
                f"{n} - DWP appointee since 2019",
                f"{n} (deputy, Court of Protection)",
                f"Mr {n} (corporate appointee: {r.choice(pools.TEAMS)})",
                f"{n} (LPA finance)",
            ]
        )

    return _col(rng, rows, one, 0.82)


def parent_carer_1(rng, rows):
    def one(r):
        n = v.full_name(r)
        return r.choice([f"Mum - {n}", f"Dad - {n}", f"{n} (mother)", f"{n} (grandparent, SGO)", n])

    return _col(rng, rows, one, 0.52)


def parent_carer_2_surname(rng, rows):
    def one(r):
        s = v.surname(r)
        return r.choice([f"{s} (different surname)", f"{s} (step-father)", s, f"{s} - no PR"])

    return _col(rng, rows, one, 0.78)


def emergency_contact_fn(rng, rows):
    def one(r):
        f = v.forename(r)
        return r.choice(
            [
                f"{f} (neighbour, has key)",
                f"{f} (son) - mobile on file",
                f"{f} at no. {r.randint(1, 90)}",
                f"{f} (carer, weekdays)",
            ]
        )

    return _col(rng, rows, one, 0.74)


def victim_name_asb(rng, rows):
    def one(r):
        if r.random() < 0.25:
            return r.choice(["Anon (declined)", "Anonymous", "withheld", "Not given"])
        t = r.choice(pools.TITLES)
        return r.choice(
            [
                f"{t} {v.forename(r)[0]} {v.surname(r)} (victim)",
                f"{v.full_name(r)} - wants no contact",
                f"{t} {v.full_name(r)} (vulnerable)",
            ]
        )

    return _col(rng, rows, one, 0.7)


def nok_relationship(rng, rows):
    def one(r):
        rel = _rel(r)
        return r.choice(
            [
                f"({rel})",
                f"{rel} - lives in {r.choice(pools.TOWNS)}",
                f"{rel.capitalize()} (key holder)",
                f"{rel} ??",
                f"{rel}, not next of kin",
            ]
        )

    return _col(rng, rows, one, 0.7)


CONTACT_NOTES = [
    "(call after 6pm)",
    "Text only",
    "Welsh speaker",
    "(interpreter: Polish)",
    "No letters - visually impaired",
    "Prefers email",
    "(do not leave voicemail)",
    "Large print",
    "Siaradwr Cymraeg",
    "(hard of hearing - use textphone)",
    "Via social worker only",
    "Mornings",
]


def contact_preference(rng, rows):
    return _col(rng, rows, lambda r: r.choice(CONTACT_NOTES), 0.66)


def householder_title(rng, rows):
    def one(r):
        return r.choice(
            [
                "Mr",
                "Mrs",
                "Ms",
                "Miss",
                "Dr",
                "Revd",
                "Mx",
                "Mrs (widow)",
                "Mr & Mrs",
                "Lady",
                "Sir",
                "Cllr",
            ]
        )

    return _col(rng, rows, one, 0.6)
