"""Category h: hard names."""

from . import pools
from . import values as v

INITIALS = "ABCDEGHJKLMPRST"


def _each(rng, rows, fn, p_blank=0.03):
    return [None if rng.random() < p_blank else fn(rng) for _ in range(rows)]


def child_full_name(rng, rows):
    return _each(rng, rows, lambda r: " ".join(r.choice(pools.MANY_ORIGINS_FULL)))


def forename_words(rng, rows):
    return _each(rng, rows, lambda r: r.choice(pools.WORD_FORENAMES))


def surname_words(rng, rows):
    return _each(rng, rows, lambda r: r.choice(pools.WORD_SURNAMES))


def pupil_name(rng, rows):
    def one(r):
        f = r.choice([*pools.FORENAMES, "Muhammad", "Ciarán", "Seán", "Renée"])
        s = r.choice(
            [
                "O'Sullivan-Barry",
                "D'Arcy",
                "McKenzie-Wright",
                "Al-Amin",
                "St. John",
                "Ibrahim",
                "Lloyd-Davies",
                *pools.SURNAMES,
            ]
        )
        return f"{f} {s}".upper()

    return _each(rng, rows, one)


def name_particles(rng, rows):
    def one(r):
        k = r.random()
        if k < 0.25:
            return r.choice(pools.MONONYMS)
        if k < 0.45:
            a, b = r.choice(INITIALS), r.choice(INITIALS)
            return f"{a}.{b}. {r.choice(pools.SURNAMES)}"
        if k < 0.55:
            a, b = r.choice(INITIALS), r.choice(INITIALS)
            return f"{a}{b} {r.choice(pools.SURNAMES)}"
        return f"{r.choice(pools.FORENAMES)} {r.choice(pools.PARTICLE_NAMES)}"

    return _each(rng, rows, one)


def uasc_name_as_recorded(rng, rows):
    def one(r):
        n = f"{r.choice(pools.UASC_GIVEN)} {r.choice(pools.UASC_FAMILY)}"
        return r.choice([n, n.upper(), f"{n} (as per HO)", f"{n} / {r.choice(pools.UASC_GIVEN)}"])

    return _each(rng, rows, one)


def family_name(rng, rows):
    return _each(rng, rows, lambda r: r.choice(pools.GAELIC_IRISH_SHORT_SURNAMES))


def enw_llawn(rng, rows):
    return _each(
        rng, rows, lambda r: f"{r.choice(pools.WELSH_FORENAMES)} {r.choice(pools.WELSH_SURNAMES)}"
    )


def nom_prenom(rng, rows):
    return _each(rng, rows, lambda r: " ".join(r.choice(pools.FRENCH_AFRICAN)))


def known_as(rng, rows):
    return _each(rng, rows, lambda r: r.choice(pools.NICKNAMES), p_blank=0.2)


def attendee(rng, rows):
    def one(r):
        f, s = v.full_name(r)
        return r.choice(
            [f"{f.lower()} {s.lower()}", f" {f.lower()}  {s.lower()}", f"{f.lower()} {s.lower()} "]
        )

    return _each(rng, rows, one)


def naam(rng, rows):
    return _each(rng, rows, lambda r: " ".join(r.choice(pools.PUNJABI_NAMES)))


def imie(rng, rows):
    return _each(rng, rows, lambda r: r.choice(pools.POLISH_FORENAMES))
