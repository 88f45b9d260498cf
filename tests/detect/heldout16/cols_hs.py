"""Category h (hard names) and s (staff names)."""

from . import pools
from . import values as v


def _col(rng, rows, blank, make):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def patient_forename(rng, rows):
    def make(r):
        f = r.choice(pools.WORD_FORENAMES) if r.random() < 0.6 else v.forename(r)
        return r.choice([f, f, f.upper(), f.lower(), f + " "])

    return _col(rng, rows, 0.02, make)


def patient_surname(rng, rows):
    def make(r):
        s = r.choice(pools.WORD_SURNAMES) if r.random() < 0.6 else v.surname(r)
        return r.choice([s, s, s.upper(), s.lower()])

    return _col(rng, rows, 0.02, make)


def full_name_upper(rng, rows):
    def make(r):
        if r.random() < 0.6:
            f, s = r.choice(pools.PARTICLE_NAMES)
        else:
            f, s = v.forename(r).upper(), v.surname(r).upper()
        return r.choice([f"{f} {s}", f"{s}, {f}", f"{s} {f}"])

    return _col(rng, rows, 0.03, make)


def client_name(rng, rows):
    def make(r):
        return f"{v.forename(r)} {r.choice(pools.HYPHEN_SURNAMES)}"

    return _col(rng, rows, 0.03, make)


def registered_name(rng, rows):
    def make(r):
        if r.random() < 0.45:
            m = r.choice(pools.MONONYMS)
            return r.choice([m, m.upper(), f"{m} (no surname)", f"{m} {m}"])
        return v.full_name(r)

    return _col(rng, rows, 0.03, make)


def initials_surname(rng, rows):
    def make(r):
        f1, f2 = v.forename(r), v.forename(r)
        s = r.choice(pools.SURNAMES + pools.SHORT_SURNAMES)
        return r.choice(
            [
                f"{f1[0]}.{f2[0]}. {s}",
                f"{f1[0]} {s}",
                f"{f1[0]}{f2[0]} {s.upper()}",
                f"{s} {f1[0]}.",
            ]
        )

    return _col(rng, rows, 0.03, make)


def _from(pool, rows, rng, blank=0.03):
    def make(r):
        n = r.choice(pool)
        return r.choice([n, n, n.upper(), "  " + n])

    return _col(rng, rows, blank, make)


def enw_claf(rng, rows):
    return _from(pools.WELSH_NAMES, rows, rng)


def ainm_euslaintich(rng, rows):
    return _from(pools.GAELIC_NAMES, rows, rng)


def imie_i_nazwisko(rng, rows):
    return _from(pools.POLISH_NAMES, rows, rng)


def mareez_da_naam(rng, rows):
    return _from(pools.PUNJABI_NAMES, rows, rng)


def short_surname(rng, rows):
    def make(r):
        s = r.choice(pools.SHORT_SURNAMES)
        return r.choice([s, s.upper(), s])

    return _col(rng, rows, 0.04, make)


COLOURS = [
    "Amber",
    "Ruby",
    "Jade",
    "Scarlett",
    "Violet",
    "Olive",
    "Hazel",
    "Rose",
    "Red",
    "Yellow",
    "Blue",
]


def wristband_colour(rng, rows):
    def make(r):
        c = r.choice(COLOURS)
        return r.choice(
            [c, c.upper(), f"{c} (allergy)" if c in ("Red", "Ruby") else c, f"{c} band"]
        )

    return _col(rng, rows, 0.05, make)


WARDS = [
    "Florence Nightingale Ward",
    "Mary Seacole Ward",
    "Aneurin Bevan Unit",
    "Edith Cavell",
    "Elsie Inglis Ward",
    "Alexander Fleming",
    "Joseph Lister Ward",
    "Cicely Saunders Unit",
    "Grace Darling Ward",
    "Elizabeth Fry",
    "Nye Bevan Frailty Unit",
    "Olive Morris SDEC",
    "Rowan",
    "Cedar",
    "Ash",
    "Holly",
    "Willow",
    "Hazel",
]


def ward_name(rng, rows):
    def make(r):
        w = r.choice(WARDS)
        return r.choice([w, w.upper(), f"{w} (bay {r.randint(1, 6)})"])

    return _col(rng, rows, 0.03, make)


PETS = [
    "Bella",
    "Max",
    "Luna",
    "Alfie",
    "Poppy",
    "Charlie",
    "Milo",
    "Daisy",
    "Teddy",
    "Nala",
    "Bruno",
]


def pets_in_home(rng, rows):
    def make(r):
        animal = r.choice(["Dog", "Cat", "dog", "Staffie", "Parrot", "2 cats", "Rabbit"])
        name = r.choice(PETS)
        return r.choice(
            [
                f"{animal} - {name}",
                f"{animal} ({name}) - shut away for visits",
                f"{animal} ({name})",
            ]
        )

    return _col(rng, rows, 0.6, make)


def responsible_clinician(rng, rows):
    def make(r):
        f, s = r.choice(pools.STAFF_FORENAMES), r.choice(pools.STAFF_SURNAMES)
        t = r.choice(["Dr", "Prof.", "Dr.", "Mr", "Miss"])
        pn = r.choice(pools.POSTNOMINALS)
        return r.choice([f"{t} {f[0]}. {s} {pn}", f"{t} {f} {s}, {pn}", f"{s.upper()} {f} ({t})"])

    return _col(rng, rows, 0.03, make)


def referring_gp(rng, rows):
    def make(r):
        s = r.choice(pools.STAFF_SURNAMES)
        surgery = r.choice(["Parkside Surgery", "Heol Fach MC", "Riverside PCN", "Canal Street HC"])
        return r.choice(
            [f"Dr {s} ({surgery})", f"Dr {r.choice(pools.STAFF_FORENAMES)} {s}", f"DR {s.upper()}"]
        )

    return _col(rng, rows, 0.08, make)


def cns_forename(rng, rows):
    return _col(rng, rows, 0.05, lambda r: r.choice(pools.STAFF_FORENAMES))


def pharmacist_surname(rng, rows):
    return _col(rng, rows, 0.1, lambda r: r.choice(pools.STAFF_SURNAMES))


def physio_name(rng, rows):
    def make(r):
        f, s = r.choice(pools.STAFF_FORENAMES), r.choice(pools.STAFF_SURNAMES)
        return r.choice([f"{f} {s}, MCSP", f"{f} {s} MCSP HCPC", f"{f[0]} {s} (Band 6)"])

    return _col(rng, rows, 0.05, make)


def reviewed_by(rng, rows):
    def make(r):
        f, s = r.choice(pools.STAFF_FORENAMES), r.choice(pools.STAFF_SURNAMES)
        login = (f[0] + s).lower().replace("'", "")
        return r.choice([f"{login} ({f[0]} {s})", login.upper(), f"{f} {s}", f"{s}, {f} [{login}]"])

    return _col(rng, rows, 0.04, make)
