"""Category g: look-alikes that identify nobody."""

from . import pools
from . import values as v


def _each(rng, rows, fn, p_blank=0.04):
    return [None if rng.random() < p_blank else fn(rng) for _ in range(rows)]


def school_name(rng, rows):
    return _each(rng, rows, lambda r: v.messy(r, r.choice(pools.SCHOOLS), p_case=0.1))


def placing_authority(rng, rows):
    return _each(rng, rows, lambda r: r.choice(pools.LOCAL_AUTHORITIES))


def current_medication(rng, rows):
    return _each(rng, rows, lambda r: r.choice(pools.DRUGS), p_blank=0.3)


def youth_club_venue(rng, rows):
    return _each(rng, rows, lambda r: r.choice(pools.VENUES))


def mash_case_ref(rng, rows):
    def one(r):
        y = r.choice([2024, 2025])
        return r.choice(
            [
                f"MASH-{y}-{r.randint(1, 99999):06d}",
                f"M/{str(y)[2:]}/{r.randint(1, 9999):05d}",
                f"CR{r.randint(100000, 999999)}",
            ]
        )

    return _each(rng, rows, one)


def ofsted_urn(rng, rows):
    return _each(
        rng, rows, lambda r: f"{r.choice(['EY', 'SC', 'EY', '2'])}{r.randint(100000, 999999)}"
    )


def interpreter_language(rng, rows):
    return _each(rng, rows, lambda r: r.choice(pools.LANGUAGES), p_blank=0.4)


def referring_agency(rng, rows):
    return _each(rng, rows, lambda r: r.choice(pools.AGENCIES))


def toy_library_item(rng, rows):
    return _each(rng, rows, lambda r: r.choice(pools.TOYS))


def group_name(rng, rows):
    def one(r):
        g = r.choice(pools.GROUP_NAMES)
        return r.choice([g, f"{g} Group", f"{g} (young carers)", g.upper(), f"{g} Circle"])

    return _each(rng, rows, one)


def lsoa_code(rng, rows):
    def one(r):
        k = r.random()
        if k < 0.5:
            return f"{r.choice(['E01', 'W01'])}{r.randint(0, 35000):06d}"
        if k < 0.8:
            return f"E05{r.randint(0, 15000):06d}"
        return f"E02{r.randint(0, 7000):06d}"

    return _each(rng, rows, one)


def _ean13(r):
    body = "50" + "".join(str(r.randint(0, 9)) for _ in range(10))
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def donation_barcode(rng, rows):
    return _each(rng, rows, _ean13)


def legislation_ref(rng, rows):
    refs = [
        "s.47 CA 1989",
        "s.17",
        "s.20 accommodated",
        "Reg 24",
        "s.31 care order",
        "s.8 CAO",
        "s.14A SGO",
        "s.7 report",
        "s.37 direction",
        "Part 4 SSWBA 2014",
        "s.11 CA 2004",
        "EPO s.44",
        "PPO s.46",
        "s.16 FAO",
        "s.22C placement",
    ]
    return _each(rng, rows, lambda r: r.choice(refs))


def team(rng, rows):
    return _each(
        rng,
        rows,
        lambda r: r.choice(
            [
                f"Team {r.choice(pools.TEAM_NAMES)}",
                f"{r.choice(pools.TEAM_NAMES)} Team",
                f"{r.choice(pools.TEAM_NAMES)} (Duty)",
            ]
        ),
    )
