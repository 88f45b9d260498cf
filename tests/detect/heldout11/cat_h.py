"""Category h: hard names, and category s: staff names."""

from . import pools
from . import values as v


def _col(rng, rows, make, p_blank=0.04):
    return [None if rng.random() < p_blank else v.messy(rng, make(rng), 0.08) for _ in range(rows)]


def _any_fore(r):
    return r.choice(
        [
            v.forename(r),
            r.choice(pools.POLISH_FORE),
            r.choice(pools.PUNJABI_FORE),
            r.choice(pools.GAELIC_FORE),
            r.choice(pools.WELSH_FORE),
            r.choice(pools.WORD_FORE),
            r.choice(pools.HYPHEN_FORE),
            r.choice(pools.MONONYMS),
        ]
    )


def forename(rng, rows):
    def make(r):
        f = _any_fore(r)
        return r.choice([f, f, f.upper(), f.lower(), f + " "])

    return _col(rng, rows, make)


def surname(rng, rows):
    def make(r):
        s = r.choice(pools.PARTICLE_SURNAMES) if r.random() < 0.6 else v.surname(r)
        return r.choice([s, s, s.upper()])

    return _col(rng, rows, make)


def imie_i_nazwisko(rng, rows):
    def make(r):
        f, s = r.choice(pools.POLISH_FORE), r.choice(pools.POLISH_SUR)
        return r.choice([f"{f} {s}", f"{s} {f}", f"{s.upper()} {f}"])

    return _col(rng, rows, make)


def naam(rng, rows):
    def make(r):
        parts = [
            r.choice(pools.PUNJABI_FORE),
            r.choice(pools.PUNJABI_MID),
            r.choice(pools.PUNJABI_SUR),
        ]
        return " ".join(p for p in parts if p)

    return _col(rng, rows, make)


def ainm(rng, rows):
    return _col(rng, rows, lambda r: f"{r.choice(pools.GAELIC_FORE)} {r.choice(pools.GAELIC_SUR)}")


def enw_llawn(rng, rows):
    def make(r):
        f, s = r.choice(pools.WELSH_FORE), r.choice(pools.WELSH_SUR)
        return r.choice([f"{f} {s}", f"{f} {r.choice(pools.WELSH_FORE)} {s}"])

    return _col(rng, rows, make)


def client(rng, rows):
    return _col(rng, rows, lambda r: f"{r.choice(pools.WORD_FORE)} {r.choice(pools.WORD_SUR)}")


def name_upper(rng, rows):
    def make(r):
        f = r.choice(pools.HYPHEN_FORE + pools.FORENAMES)
        s = r.choice(pools.SURNAMES + pools.PARTICLE_SURNAMES)
        return f"{s}, {f}".upper()

    return _col(rng, rows, make)


def name_as_on_papers(rng, rows):
    def make(r):
        if r.random() < 0.55:
            return r.choice(pools.MONONYMS)
        return r.choice(
            [
                f"{r.choice(pools.MONONYMS)} {r.choice(pools.MONONYMS)}",
                v.full_name(r),
                f"{r.choice(pools.MONONYMS)} (one name only)",
            ]
        )

    return _col(rng, rows, make)


def resident(rng, rows):
    def make(r):
        f = r.choice(pools.HYPHEN_FORE) if r.random() < 0.5 else v.forename(r)
        s = r.choice(pools.HYPHEN_SUR)
        return r.choice([f"{f} {s}", f"{s}, {f}"])

    return _col(rng, rows, make)


def given_names(rng, rows):
    def make(r):
        n = r.randint(2, 4)
        return " ".join(_any_fore(r) for _ in range(n))

    return _col(rng, rows, make)


def family_name(rng, rows):
    return _col(rng, rows, lambda r: r.choice(pools.SHORT_SUR + pools.SHORT_SUR[:8]))


def veteran(rng, rows):
    def make(r):
        f, s = v.forename(r), v.surname(r)
        rank = r.choice(pools.RANKS)
        pn = r.choice(pools.POSTNOMS)
        return r.choice(
            [
                f"{rank} {f[0]} {s} {pn}",
                f"{rank} {f} {s}",
                f"Revd Dr {f[0]}. {s} {pn}",
                f"{s}, {f} ({rank}, retd)",
                f"Mr {f} {s} {pn}",
                f"{rank} {s} {f[0]}",
            ]
        )

    return _col(rng, rows, make)


# ---------------------------------------------------------------- staff (s)
def referring_clinician(rng, rows):
    def make(r):
        f, s = v.forename(r), v.surname(r)
        role = r.choice(pools.STAFF_ROLES)
        return r.choice(
            [
                f"Dr {f[0]} {s}, {role}",
                f"Dr {f} {s}",
                f"{f} {s} ({role})",
                f"{s} {f[0]} - {role}",
                f"Dr {s.upper()}",
            ]
        )

    return _col(rng, rows, make, 0.08)


def allocated_worker(rng, rows):
    def make(r):
        n = v.full_name(r)
        return r.choice([n, f"{n} (SW)", f"{n} - team manager", "Unallocated", n.upper()])

    return _col(rng, rows, make, 0.1)


def assessed_by(rng, rows):
    def make(r):
        f, s = v.forename(r), v.surname(r)
        role = r.choice(["OT", "PT", "SLT", "RD", "Physio", "ANP"])
        return r.choice([f"{f[0]}.{s} ({role})", f"{f[0]} {s} {role}", f"{s}, {f[0]}."])

    return _col(rng, rows, make, 0.05)


def authorised_by_bms(rng, rows):
    def make(r):
        n = v.full_name(r)
        return r.choice(
            [
                f"{n} BMS",
                f"{n}, HCPC BS{r.randint(10000, 99999)}",
                f"{n} (Specialist BMS)",
                f"{n} CSci",
            ]
        )

    return _col(rng, rows, make, 0.05)


def radiographer_surname(rng, rows):
    return _col(rng, rows, lambda r: v.surname(r), 0.06)


def keyworker_first_name(rng, rows):
    return _col(rng, rows, lambda r: v.forename(r), 0.06)
