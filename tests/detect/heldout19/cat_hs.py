"""Category h (hard names) and category s (staff names)."""

from . import pools
from . import values as v


def _many(rng, rows, make, blank=0.04):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def word_forenames(rng, rows):
    return _many(rng, rows, lambda r: v.messy_case(r, v.pick(r, pools.WORD_FORENAMES)))


def word_surnames(rng, rows):
    return _many(rng, rows, lambda r: v.messy_case(r, v.pick(r, pools.WORD_SURNAMES)))


def caps_full_names(rng, rows):
    def make(r):
        f = v.pick(r, pools.FORENAMES + pools.WORD_FORENAMES)
        s = v.pick(r, pools.SURNAMES + pools.WORD_SURNAMES)
        if r.random() < 0.3:
            return f"{s}, {f}".upper()
        if r.random() < 0.2:
            return f"{f} {v.pick(r, pools.FORENAMES)} {s}".upper()
        return f"{f} {s}".upper()

    return _many(rng, rows, make)


def welsh_names(rng, rows):
    def make(r):
        f = v.pick(r, pools.WELSH_F + pools.WELSH_M)
        if r.random() < 0.25:
            f += " " + v.pick(r, pools.WELSH_F + pools.WELSH_M)
        return f"{f} {v.pick(r, pools.WELSH_SUR)}"

    return _many(rng, rows, make)


def gaelic_names(rng, rows):
    def make(r):
        if r.random() < 0.5:
            return f"{v.pick(r, pools.GAELIC_F)} {v.pick(r, pools.GAELIC_SUR_F)}"
        return f"{v.pick(r, pools.GAELIC_M)} {v.pick(r, pools.GAELIC_SUR_M)}"

    return _many(rng, rows, make)


def polish_names(rng, rows):
    def make(r):
        female = r.random() < 0.5
        f = v.pick(r, pools.POLISH_F if female else pools.POLISH_M)
        if r.random() < 0.6:
            s = v.pick(r, pools.POLISH_SUR_STEM) + ("a" if female else "i")
        else:
            s = v.pick(r, pools.POLISH_SUR_PLAIN)
        if r.random() < 0.15:
            s = f"{s}-{v.pick(r, pools.POLISH_SUR_PLAIN)}"
        if r.random() < 0.1:
            return v.ascii_fold(f"{f} {s}")
        return f"{f} {s}"

    return _many(rng, rows, make)


def punjabi_names(rng, rows):
    def make(r):
        if r.random() < 0.15:
            return v.pick(r, pools.SOUTH_ASIAN_OTHER)
        female = r.random() < 0.5
        f = v.pick(r, pools.PUNJABI_F if female else pools.PUNJABI_M)
        mid = "Kaur" if female else "Singh"
        rr = r.random()
        if rr < 0.4:
            return f"{f} {mid} {v.pick(r, pools.PUNJABI_SUR)}"
        if rr < 0.7:
            return f"{f} {mid}"
        return f"{f} {v.pick(r, pools.PUNJABI_SUR)}"

    return _many(rng, rows, make)


def mononyms(rng, rows):
    def make(r):
        m = v.pick(r, pools.MONONYMS)
        rr = r.random()
        if rr < 0.6:
            return m
        if rr < 0.75:
            return m.upper()
        if rr < 0.85:
            return f"FNU {m}"
        return f"{m} (no surname)"

    return _many(rng, rows, make)


def initials_names(rng, rows):
    letters = "ABCDEFGHJKLMNOPRSTW"

    def make(r):
        s = v.pick(r, pools.SURNAMES + pools.WORD_SURNAMES)
        n = r.choice([1, 1, 2, 3])
        inits = [r.choice(letters) for _ in range(n)]
        rr = r.random()
        if rr < 0.35:
            return " ".join(i + "." for i in inits) + " " + s
        if rr < 0.6:
            return "".join(inits) + " " + s
        if rr < 0.8:
            return f"{s}, {'.'.join(inits)}."
        return ".".join(inits) + "." + s

    return _many(rng, rows, make)


def particle_surnames(rng, rows):
    return _many(
        rng,
        rows,
        lambda r: v.pick(
            r, pools.PARTICLE_SURNAMES if r.random() < 0.55 else pools.HYPHEN_SURNAMES
        ),
    )


def east_asian_names(rng, rows):
    def make(r):
        fam, giv = v.pick(r, pools.EAST_ASIAN_FAMILY), v.pick(r, pools.EAST_ASIAN_GIVEN)
        rr = r.random()
        if rr < 0.6:
            return f"{fam} {giv}"
        if rr < 0.8:
            return f"{giv} {fam.title()}"
        return f"{fam.upper()}, {giv}"

    return _many(rng, rows, make)


def african_names(rng, rows):
    def make(r):
        if r.random() < 0.15:
            return v.pick(r, pools.ARABIC_NAMES)
        f = v.pick(r, pools.AFRICAN_F + pools.AFRICAN_M)
        return f"{f} {v.pick(r, pools.AFRICAN_SUR)}"

    return _many(rng, rows, make)


def titled_names(rng, rows):
    def make(r):
        t = v.pick(r, pools.GRAND_TITLES)
        f = v.pick(r, pools.FORENAMES)
        s = v.pick(r, pools.SURNAMES)
        name = f"{t} {f[0]}. {s}" if r.random() < 0.4 else f"{t} {f} {s}"
        if r.random() < 0.6:
            name += " " + v.pick(r, pools.POST_NOMINALS)
        if r.random() < 0.2:
            name += " " + v.pick(r, pools.POST_NOMINALS)
        return name

    return _many(rng, rows, make)


def house_names(rng, rows):
    return _many(rng, rows, lambda r: v.messy_case(r, v.pick(r, pools.HOUSE_NAMES)), 0.5)


def dog_names(rng, rows):
    def make(r):
        d = v.pick(r, pools.DOG_NAMES)
        return v.pick(
            r, [d, d, f"{d} (guide dog)", f"{d} - hearing dog", d.upper(), f"{d} (assistance)"]
        )

    return _many(rng, rows, make, 0.7)


# --- s ------------------------------------------------------------------------------


def fire_officers(rng, rows):
    ranks = ["WM", "CM", "FF", "Watch Manager", "Crew Manager", "Station Mgr", "FSA"]

    def make(r):
        return f"{v.pick(r, ranks)} {v.pick(r, pools.FORENAMES)[0]}. {v.pick(r, pools.SURNAMES)}"

    return _many(rng, rows, make, 0.05)


def swim_teachers(rng, rows):
    teachers = [v.pick(rng, pools.FORENAMES) for _ in range(14)]

    def make(r):
        t = v.pick(r, teachers)
        return v.pick(r, [t, t, f"Coach {t}", t.upper(), f"{t} (cover)"])

    return _many(rng, rows, make, 0.02)


def registrars(rng, rows):
    people = [
        f"{v.pick(rng, ['Mrs', 'Mr', 'Ms', 'Miss'])} "
        f"{v.pick(rng, pools.FORENAMES)[0]} {v.pick(rng, pools.SURNAMES)}"
        for _ in range(9)
    ]

    def make(r):
        p = v.pick(r, people)
        return v.pick(r, [p, f"Supt Registrar {p}", f"Deputy SR - {p}", p.upper()])

    return _many(rng, rows, make, 0.02)


def bank_leads(rng, rows):
    teams = ["Fraud Ops", "Vulnerable Customers", "Branch", "Safeguarding Hub", "FinCrime"]
    people = [v.full_name(rng) for _ in range(20)]

    def make(r):
        p = v.pick(r, people)
        f, s = p.split(" ", 1)
        return v.pick(r, [f"{f[0]}.{s} ({v.pick(r, teams)})", p, f"{s}, {f} - {v.pick(r, teams)}"])

    return _many(rng, rows, make, 0.05)


def surveyors(rng, rows):
    people = [v.full_name(rng) for _ in range(12)]

    def make(r):
        p = v.pick(r, people)
        return v.pick(
            r, [p, f"{p} MRICS", f"{p} BSc MCIOB", f"{p.split()[0][0]}. {p.split()[-1]} (surveyor)"]
        )

    return _many(rng, rows, make, 0.08)


def referrer_surnames(rng, rows):
    surnames = [v.pick(rng, pools.SURNAMES) for _ in range(25)]

    def make(r):
        s = v.pick(r, surnames)
        return v.pick(r, [s, f"Dr {s.upper()}", f"{s} (HV)", f"PC {s}", f"Nurse {s}", s.upper()])

    return _many(rng, rows, make, 0.1)
