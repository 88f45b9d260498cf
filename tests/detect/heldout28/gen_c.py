"""Category c: annotated name columns with many blanks."""

from . import pools
from . import values as v
from .text import title


def _rel(rng):
    return rng.choice(pools.RELATIONSHIPS)


def _col(rng, rows, blank, make):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def next_of_kin(rng, rows):
    def make(r):
        f, s = v.person(r)
        rel = _rel(r)
        return r.choice(
            [
                f"{f} {s} ({rel})",
                f"{f} {s} ({rel.title()})",
                f"{f} {s} ({rel}) - lives abroad",
                f"{title(r)} {f} {s} ({rel}, LPA)",
            ]
        )

    return _col(rng, rows, 0.62, make)


def nok_name_rel(rng, rows):
    def make(r):
        f, s = v.person(r)
        return r.choice([f"{s.upper()}, {f} - {_rel(r)}", f"{s.upper()} {f} / {_rel(r).upper()}"])

    return _col(rng, rows, 0.7, make)


def valuables_collected_by(rng, rows):
    def make(r):
        f, s = v.person(r)
        d = f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}"
        return r.choice(
            [
                f"{_rel(r)} - {f} {s} {d} ID seen",
                f"Collected by {_rel(r)} {f} {s} {d}",
                f"{f} {s} ({_rel(r)}) - photo ID checked, signed",
            ]
        )

    return _col(rng, rows, 0.82, make)


def viewing_attendees(rng, rows):
    def make(r):
        people = []
        for _ in range(r.randint(1, 3)):
            f, s = v.person(r)
            people.append(f"{f} {s} ({_rel(r)})")
        if r.random() < 0.2:
            s = r.choice(pools.SURNAMES)
            people.insert(0, f"Mr & Mrs {s} (parents)")
        return r.choice(["; ", ", ", "\n"]).join(people)

    return _col(rng, rows, 0.6, make)


def preferred_name(rng, rows):
    def make(r):
        f = r.choice(pools.FORENAMES)
        g = r.choice(pools.FORENAMES)
        return r.choice(
            [
                f"{f} (prefers {g})",
                f"{f}",
                f"likes to be called {f}",
                f"{f} - not {g}",
                f"{f.upper()} (NOT Mr/Mrs)",
            ]
        )

    return _col(rng, rows, 0.75, make)


def previous_surname(rng, rows):
    def make(r):
        s = r.choice(pools.SURNAMES)
        return r.choice(
            [f"née {s}", f"(prev. {s})", f"{s} (maiden)", f"formerly {s.upper()}", f"nee {s}"]
        )

    return _col(rng, rows, 0.85, make)


def visitor_requested(rng, rows):
    def make(r):
        f, s = v.person(r)
        return r.choice(
            [
                f"{_rel(r)} {f} {s} - visits {r.choice(['Tues', 'Weds pm', 'weekends'])}",
                f"{f} {s} ({_rel(r)}) would like company for pt",
                f"{f} {s} — {_rel(r)}, lives 40 miles away",
            ]
        )

    return _col(rng, rows, 0.78, make)


def key_holder_contact(rng, rows):
    def make(r):
        f, s = v.person(r)
        role = r.choice(["Neighbour", "Warden", "Friend", "Daughter", "Son", "Lodger"])
        return r.choice(
            [
                f"{role}: {title(r)} {f} {s} (has key)",
                f"{f} {s} - {role.lower()}, key safe code given",
                f"{role} {f} {s}",
            ]
        )

    return _col(rng, rows, 0.72, make)


def tray_for(rng, rows):
    def make(r):
        s = r.choice(pools.SURNAMES)
        diet = r.choice(["pureed", "soft", "halal", "GF", "diabetic", "L4", "finger food"])
        return r.choice(
            [
                f"{title(r)} {s} (bed {r.randint(1, 30)}) \u2013 {diet}",
                f"{title(r)} {s.upper()} / {diet}",
                f"Bed {r.randint(1, 30)} {title(r)} {s}",
            ]
        )

    return _col(rng, rows, 0.55, make)


def photo_consent_by(rng, rows):
    def make(r):
        if r.random() < 0.3:
            return r.choice(["self", "patient", "Pt", "SELF (verbal)"])
        f, s = v.person(r)
        return r.choice(
            [
                f"{_rel(r).title()} - {f} {s}",
                f"{f} {s} (parent, PR)",
                f"{f} {s} - LPA health & welfare",
            ]
        )

    return _col(rng, rows, 0.65, make)


def permit_holder(rng, rows):
    def make(r):
        f, s = v.person(r)
        return r.choice(
            [
                f"{f[0]}. {s.upper()} (blue badge)",
                f"{s.upper()} {f[0]}",
                f"{f[0]}.{s} - carer permit",
                f"{title(r)} {f[0]} {s} (visitor)",
            ]
        )

    return _col(rng, rows, 0.58, make)


def known_as(rng, rows):
    nick = ["Smudge", "Bubbles", "Tiny", "Ginger", "Chalky", "Dusty", "Nobby", "Sparky"]

    def make(r):
        f = r.choice(pools.FORENAMES)
        return r.choice(
            [
                f"AKA '{r.choice(nick)}'",
                f"known as {f}",
                f"{f}",
                f"goes by {f} (middle name)",
                f"{f.lower()}",
            ]
        )

    return _col(rng, rows, 0.8, make)


def nok_relationship(rng, rows):
    notes = [
        "lives abroad",
        "POA",
        "LPA H&W",
        "not to be contacted after 10pm",
        "estranged",
        "main carer",
        "has key",
        "hard of hearing",
        "via interpreter",
    ]

    def make(r):
        rel = _rel(r)
        return r.choice(
            [
                f"{rel.title()} ({r.choice(notes)})",
                rel,
                f"{rel.upper()} - {r.choice(notes)}",
                f"{rel}/{_rel(r)}",
            ]
        )

    return _col(rng, rows, 0.6, make)


def escort_name(rng, rows):
    def make(r):
        f, s = v.person(r)
        return r.choice(
            [
                f"carer - {f} {s} (from home)",
                f"{f} {s} ({_rel(r)})",
                f"Escort: {f} {s}, agency",
                f"{_rel(r)} {f} {s} - needs to stay",
            ]
        )

    return _col(rng, rows, 0.74, make)
