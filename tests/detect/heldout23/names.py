"""Categories c (annotated, mostly blank name columns), h (hard names) and s (staff)."""

import random

from . import pools
from . import values as v


def _sparse(rng: random.Random, rows: int, blank: float, make) -> list[str | None]:
    blanks = v.pick_positions(rng, rows, blank)
    return [None if i in blanks else make(rng) for i in range(rows)]


def _person(rng, titled=0.3):
    f, s = v.forename(rng), v.surname(rng)
    r = rng.random()
    if r < titled:
        return f"{rng.choice(pools.TITLES)} {f[0]} {s}"
    if r < titled + 0.1:
        return f"{s.upper()} {f}"
    return f"{f} {s}"


# ---- category c ----


def next_of_kin(rng, rows):
    def make(rng):
        return f"{_person(rng)} ({rng.choice(pools.RELATIONSHIPS)})"

    return _sparse(rng, rows, 0.70, make)


def carer_name(rng, rows):
    notes = [
        "lives away",
        "main carer",
        "works nights",
        "not to be contacted",
        "see alert",
        "tel on file",
        "has LPA",
    ]

    def make(rng):
        return f"{_person(rng)} - {rng.choice(pools.RELATIONSHIPS)}, {rng.choice(notes)}"

    return _sparse(rng, rows, 0.80, make)


def nok_forename(rng, rows):
    def make(rng):
        return rng.choice(["{f} ({r})", "{f} - {r}", "{f} [{r}]", "{f}({r})"]).format(
            f=v.forename(rng), r=rng.choice(pools.RELATIONSHIPS)
        )

    return _sparse(rng, rows, 0.65, make)


def care_home_contact(rng, rows):
    roles = ["manager", "deputy manager", "senior carer", "nurse in charge", "activities", "admin"]

    def make(rng):
        p = rng.choice(["Sister ", "Nurse ", "", "", ""]) + _person(rng, titled=0.1)
        return f"{p} ({rng.choice(roles)})"

    return _sparse(rng, rows, 0.55, make)


def previous_surname(rng, rows):
    def make(rng):
        s = v.surname(rng)
        return rng.choice(
            [
                f"{s} (maiden)",
                f"née {s}",
                f"{s.upper()} - prev married name",
                f"{s} (pre-adoption)",
                f"formerly {s}",
            ]
        )

    return _sparse(rng, rows, 0.85, make)


def known_as(rng, rows):
    nick = [
        "Bobby",
        "Bill",
        "Peggy",
        "Sandy",
        "Lizzie",
        "Kate",
        "Tom",
        "Mags",
        "Sukhi",
        "Jas",
        "Kasia",
        "Gosia",
        "Misha",
        "Abi",
        "Ade",
        "Seun",
        "Mo",
    ]

    def make(rng):
        f = rng.choice(nick + pools.FORENAMES)
        return rng.choice(
            [f"{f} (prefers)", f"'{f}'", f"{f} - uses middle name", f"{f} pls", f"{f}"]
        )

    return _sparse(rng, rows, 0.75, make)


def lpa_attorney(rng, rows):
    def make(rng):
        kind = rng.choice(["LPA H&W", "LPA P&FA", "LPA both", "EPA", "Deputy (CoP)"])
        return f"{_person(rng, titled=0.6)} [{kind}]"

    return _sparse(rng, rows, 0.88, make)


def emergency_contact(rng, rows):
    def make(rng):
        d = v.phone_digits(rng)
        return rng.choice(
            [
                f"{_person(rng)} {v.phone_display(d)} ({rng.choice(pools.RELATIONSHIPS)})",
                f"{_person(rng)} / {d} / {rng.choice(pools.RELATIONSHIPS)}",
                f"{rng.choice(pools.RELATIONSHIPS).title()} - {_person(rng)} - "
                f"{v.phone_display(d)}",
            ]
        )

    return _sparse(rng, rows, 0.60, make)


def nok_relationship(rng, rows):
    notes = [
        "",
        "",
        " (lives abroad)",
        " - see notes",
        " (estranged)",
        " ?deceased",
        " x2",
        " - main contact",
    ]

    def make(rng):
        r = rng.choice([*pools.RELATIONSHIPS, "NOK", "none recorded", "Not known", "Self"])
        r = rng.choice([r, r.title(), r.upper()])
        return r + rng.choice(notes)

    return _sparse(rng, rows, 0.60, make)


def nok_welsh(rng, rows):
    def make(rng):
        return f"{_person(rng)} ({rng.choice(pools.REL_WELSH)})"

    return _sparse(rng, rows, 0.70, make)


def carer_polish(rng, rows):
    def make(rng):
        f = rng.choice(pools.POLISH_FIRST + pools.FORENAMES)
        s = rng.choice(pools.POLISH_LAST + pools.SURNAMES)
        return f"{f} {s} ({rng.choice(pools.REL_POLISH)})"

    return _sparse(rng, rows, 0.80, make)


def rx_collected_by(rng, rows):
    roles = [
        "self",
        "Self",
        "wife",
        "husband",
        "driver",
        "courier",
        "carer",
        "pt",
        "daughter",
        "neighbour",
    ]

    def make(rng):
        if rng.random() < 0.55:
            return rng.choice(
                [
                    _person(rng),
                    f"{_person(rng)} ({rng.choice(pools.RELATIONSHIPS)})",
                    f"{rng.choice(pools.TITLES)} {v.surname(rng)}",
                ]
            )
        return rng.choice(roles)

    return _sparse(rng, rows, 0.60, make)


def proxy_holder(rng, rows):
    def make(rng):
        role = rng.choice([*pools.RELATIONSHIPS, "care home", "carer"])
        return f"{_person(rng, titled=0.5)} (proxy - {role})"

    return _sparse(rng, rows, 0.85, make)


def consent_given_by(rng, rows):
    opts = [
        "patient",
        "Patient",
        "NOK",
        "best interests",
        "IMCA",
        "LPA",
        "parent",
        "Gillick competent",
        "verbal - pt",
        "carer",
        "BI decision",
        "pt (written)",
    ]
    return _sparse(rng, rows, 0.70, lambda rng: rng.choice(opts))


# ---- category h ----


def naam(rng, rows):
    def make(rng):
        if rng.random() < 0.7:
            f = rng.choice(pools.PUNJABI_FIRST)
            mid = rng.choice(["Kaur", "Singh", ""])
            last = rng.choice([*pools.PUNJABI_LAST, ""])
            parts = [p for p in (f, mid, last) if p]
            if len(parts) == 1:
                parts.append(rng.choice(pools.PUNJABI_LAST))
            return " ".join(parts)
        f, s = rng.choice(pools.SOUTH_ASIAN_OTHER)
        return f"{f} {s}"

    return [make(rng) for _ in range(rows)]


def imie(rng, rows):
    return [rng.choice(pools.POLISH_FIRST) for _ in range(rows)]


def nazwisko(rng, rows):
    return [rng.choice(pools.POLISH_LAST) for _ in range(rows)]


def ainm(rng, rows):
    return [
        f"{rng.choice(pools.GAELIC_FIRST)} {rng.choice(pools.GAELIC_LAST)}" for _ in range(rows)
    ]


def surname_caps(rng, rows):
    out = []
    for _ in range(rows):
        s = rng.choice(pools.PARTICLE_SURNAMES) if rng.random() < 0.6 else v.surname(rng).upper()
        out.append(s)
    return out


def initials_name(rng, rows):
    def make(rng):
        f1, f2, s = v.forename(rng), v.forename(rng), v.surname(rng)
        return rng.choice(
            [
                f"{f1[0]}. {f2[0]}. {s}",
                f"{f1[0]}.{f2[0]}. {s}",
                f"{f1[0]} {s}",
                f"{s} {f1[0]}{f2[0]}",
                f"{f1[0]}{f2[0]}{s[0]}",
                f"{f1[0]}. {s[0]}.",
                f"{s.upper()} {f1[0]}",
            ]
        )

    return [make(rng) for _ in range(rows)]


def word_names(rng, rows):
    return [f"{rng.choice(pools.WORD_FIRST)} {rng.choice(pools.WORD_LAST)}" for _ in range(rows)]


def mononyms(rng, rows):
    return [rng.choice(pools.MONONYMS) for _ in range(rows)]


def surname_hyph(rng, rows):
    pool = pools.SURNAMES + pools.POLISH_LAST[:6] + pools.WELSH_LAST

    def make(rng):
        a, b = rng.sample(pool, 2)
        return rng.choice(
            [f"{a}-{b}", f"{a} - {b}", f"{a}-{b.lower()}", f"{a.upper()}-{b.upper()}"]
        )

    return [make(rng) for _ in range(rows)]


def enw_llawn(rng, rows):
    def make(rng):
        f = rng.choice(pools.WELSH_FIRST)
        r = rng.random()
        if r < 0.3:
            return f"{f} ap {rng.choice(pools.WELSH_FIRST)}"
        if r < 0.4:
            return f"{f} ferch {rng.choice(pools.WELSH_FIRST)}"
        if r < 0.6:
            return f"{f} {rng.choice(pools.WELSH_FIRST)} {rng.choice(pools.WELSH_LAST)}"
        return f"{f} {rng.choice(pools.WELSH_LAST)}"

    return [make(rng) for _ in range(rows)]


def romanised(rng, rows):
    def make(rng):
        fam, given = rng.choice(pools.EAST_ASIAN)
        return rng.choice(
            [
                f"{fam} {given}",
                f"{fam.upper()} {given}",
                f"{given} {fam.title()}",
                f"{fam.upper()}, {given}",
            ]
        )

    return [make(rng) for _ in range(rows)]


def short_forenames(rng, rows):
    return [rng.choice(pools.SHORT_FIRST) for _ in range(rows)]


def african_arabic(rng, rows):
    return [rng.choice(pools.AFRICAN_ARABIC) for _ in range(rows)]


def surname_raw(rng, rows):
    def make(rng):
        r = rng.random()
        if r < 0.3:
            s = rng.choice(pools.EXTRA_WORD_SURNAMES)
        elif r < 0.45:
            s = rng.choice(
                ["mc gregor", "o brien", "mac donald", "fitzgerald", "van dijk", "de souza"]
            )
        else:
            s = v.surname(rng).lower()
        return rng.choice([s, f" {s}", f"{s}  ", s])

    return [make(rng) for _ in range(rows)]


# ---- category s ----


def requesting_clinician(rng, rows):
    def make(rng):
        f, s = v.forename(rng), v.surname(rng)
        return rng.choice(
            [
                f"Dr {f[0]} {s}",
                f"DR {s.upper()} {f[0]} (GP)",
                f"{f} {s} ANP",
                f"{s}, {f} (Nurse Practitioner)",
                f"Dr {f} {s}",
                f"{f[0]}.{s} - {rng.choice(pools.STAFF_ROLES)}",
            ]
        )

    return [make(rng) for _ in range(rows)]


def ward_round_gp(rng, rows):
    def make(rng):
        return f"Dr {v.forename(rng)} {v.surname(rng)} {rng.choice(pools.CLINICIAN_POSTNOMS)}"

    out = [make(rng) for _ in range(rows)]
    for i in rng.sample(range(rows), rows // 4):
        out[i] = None
    return out


def hub_clinician_surname(rng, rows):
    return [
        rng.choice([v.surname(rng), v.surname(rng).upper(), f"Dr {v.surname(rng)}"])
        for _ in range(rows)
    ]


def actioned_by(rng, rows):
    tags = ["(recept)", "(rx clerk)", "- admin", "[PCT]", "(HCA)", ""]
    return [f"{v.forename(rng)} {rng.choice(tags)}".strip() for _ in range(rows)]


def authorising_pharmacist(rng, rows):
    def make(rng):
        t = rng.choice(["Mr", "Mrs", "Ms", "", ""])
        name = f"{t} {v.forename(rng)} {v.surname(rng)} {rng.choice(pools.PHARM_POSTNOMS)}"
        return " ".join(name.split())

    return [make(rng) for _ in range(rows)]


def cyfeiriwr(rng, rows):
    def make(rng):
        f = rng.choice(pools.WELSH_FIRST + pools.FORENAMES)
        s = rng.choice(pools.WELSH_LAST + pools.SURNAMES)
        return rng.choice([f"Dr {f} {s}", f"{f} {s} (Nyrs)", f"{f} {s}", f"Dr {s.upper()}"])

    return [make(rng) for _ in range(rows)]
