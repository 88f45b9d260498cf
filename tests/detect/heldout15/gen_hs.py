"""Categories h (hard names) and s (staff names)."""

from . import pools
from . import values as v


def _col(rng, rows, maker, blank=0.05, noise=0.06):
    return [None if rng.random() < blank else v.noise(rng, maker(rng), noise) for _ in range(rows)]


ALL_FORENAMES = pools.FORENAMES + pools.GAELIC_FORENAMES + pools.PUNJABI_FORENAMES
ALL_SURNAMES = (
    pools.SURNAMES + pools.POLISH_SURNAMES + pools.PUNJABI_SURNAMES + pools.GAELIC_SURNAMES
)


# ---------------------------------------------------------------- h: hard names


def claimant_full_name(rng, rows):
    def one(r):
        f, s = r.choice(ALL_FORENAMES), r.choice(ALL_SURNAMES)
        if r.random() < 0.2:
            f = f"{f} {r.choice(ALL_FORENAMES)}"
        return f"{f} {s}"

    return _col(rng, rows, one)


def enw_cyntaf(rng, rows):
    return _col(rng, rows, lambda r: r.choice(pools.WORD_FORENAMES))


def cyfenw(rng, rows):
    return _col(rng, rows, lambda r: r.choice(pools.WORD_SURNAMES))


def ainm(rng, rows):
    return _col(
        rng, rows, lambda r: f"{r.choice(pools.GAELIC_FORENAMES)} {r.choice(pools.GAELIC_SURNAMES)}"
    )


def nazwisko(rng, rows):
    def one(r):
        s = r.choice(pools.POLISH_SURNAMES)
        return s.upper() if r.random() < 0.15 else s

    return _col(rng, rows, one)


def mareez_da_naam(rng, rows):
    def one(r):
        f = r.choice(pools.PUNJABI_FORENAMES)
        mid = r.choice(["Kaur", "Singh", ""])
        s = r.choice([*pools.PUNJABI_SURNAMES, ""])
        return " ".join(p for p in (f, mid, s) if p) if (mid or s) else f"{f} Kaur"

    return _col(rng, rows, one)


def mononym(rng, rows):
    def one(r):
        m = r.choice(pools.MONONYMS)
        return r.choice([m, m, f"FNU {m}", f"{m} LNU", m.upper(), f"{m} (single name)"])

    return _col(rng, rows, one)


def hyphenated_surname(rng, rows):
    return _col(rng, rows, lambda r: r.choice(pools.HYPHEN_SURNAMES))


def name_with_particles(rng, rows):
    def one(r):
        f, s = r.choice(pools.PARTICLE_NAMES)
        if r.random() < 0.5:
            f = r.choice(pools.FORENAMES)
        return f"{f} {s}"

    return _col(rng, rows, one)


def name_upper(rng, rows):
    def one(r):
        s = r.choice([*ALL_SURNAMES, "MCDONALD", "O'BRIEN", "MACKENZIE"]).upper()
        f = r.choice(ALL_FORENAMES).upper()
        return r.choice([f"{s}, {f}", f"{s} {f}", f"{f} {s}"])

    return _col(rng, rows, one)


def initials_surname(rng, rows):
    def one(r):
        a, b = r.choice("ABCDEGHJKMNPRST"), r.choice("ABCDEGHJKMNPRST")
        s = r.choice(ALL_SURNAMES + pools.SHORT_SURNAMES)
        return r.choice([f"{a}.{b}. {s}", f"{a} {b} {s}", f"{a}. {s}", f"{s} {a}{b}", f"{a}.{s}"])

    return _col(rng, rows, one)


def client_nm(rng, rows):
    def one(r):
        fam, given = r.choice(pools.EAST_ASIAN)
        return r.choice([f"{fam} {given}", f"{fam}, {given}", f"{given} {fam.title()}"])

    return _col(rng, rows, one)


def beneficiary(rng, rows):
    return _col(rng, rows, lambda r: r.choice(pools.ARABIC_SOMALI))


def sn(rng, rows):
    def one(r):
        s = r.choice(pools.SHORT_SURNAMES)
        return s.upper() if r.random() < 0.3 else s

    return _col(rng, rows, one)


# ---------------------------------------------------------------- s: staff


def referring_clinician(rng, rows):
    def one(r):
        t = r.choice(pools.CLINICIAN_TITLES)
        f, s = v.forename(r), v.surname(r)
        pn = r.choice(pools.POSTNOMINALS)
        return r.choice(
            [
                f"{t} {f[0]}. {s} {pn}",
                f"{t} {f} {s}",
                f"{s}, {f} ({pn})",
                f"{t} {s} - {r.choice(pools.TOWNS)} MC",
            ]
        )

    return _col(rng, rows, one, 0.15)


def locum_name(rng, rows):
    def one(r):
        f, s = v.forename(r), v.surname(r)
        return r.choice(
            [
                f"{s.upper()}, {f} (Band {r.randint(2, 8)})",
                f"{f} {s} - LOCUM ST{r.randint(1, 8)}",
                f"{s.upper()} {f[0]} (agency)",
                f"{f} {s}",
            ]
        )

    return _col(rng, rows, one, 0.1)


def investigating_officer(rng, rows):
    def one(r):
        role = r.choice(["Complaints Mgr", "IO", "Service Lead", "Head of Service"])
        return f"{v.full_name(r)} ({role})"

    return _col(rng, rows, one, 0.2)


def chaplain_on_call(rng, rows):
    def one(r):
        return f"{r.choice(pools.RELIGIOUS_TITLES)} {v.full_name(r)}"

    return _col(rng, rows, one, 0.1)


def volunteer_driver_forename(rng, rows):
    return _col(rng, rows, v.forename, 0.05)


def payroll_surname(rng, rows):
    def one(r):
        return r.choice(ALL_SURNAMES).upper().ljust(20)

    return _col(rng, rows, one, 0.01, 0.0)
