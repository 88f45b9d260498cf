"""Category h (hard names) and s (staff names)."""

from . import pools
from . import values as v


def _col(rng, rows, p_blank, make):
    return [None if rng.random() < p_blank else make() for _ in range(rows)]


def forename_world(rng, rows):
    def make():
        f = v.forename(rng)
        return rng.choice([f, f, f.upper(), f.lower(), f" {f}"])

    return _col(rng, rows, 0.02, make)


def family_name_particles(rng, rows):
    return _col(rng, rows, 0.02, lambda: rng.choice(pools.PARTICLE_SURNAMES))


def patient_name_upper(rng, rows):
    def make():
        return rng.choice(
            [
                f"{v.forename(rng)} {v.surname(rng)}".upper(),
                f"{v.surname(rng)} {v.forename(rng)}".upper(),
                f"{rng.choice(pools.TITLES)} {v.forename(rng)} {v.surname(rng)}".upper(),
            ]
        )

    return _col(rng, rows, 0.02, make)


def name_hyphenated(rng, rows):
    def make():
        a, b = v.surname(rng), rng.choice(pools.SURNAMES + pools.WORD_SURNAMES)
        f = rng.choice([v.forename(rng), f"{v.forename(rng)}-{v.forename(rng)}"])
        return rng.choice([f"{f} {a}-{b}", f"{f} {a} {b}", f"{f} {a}\u2013{b}"])

    return _col(rng, rows, 0.03, make)


def mononym_name(rng, rows):
    return _col(rng, rows, 0.02, lambda: rng.choice(pools.MONONYMS))


def initials_surname(rng, rows):
    def make():
        a, b = rng.choice("ABCDEGHJKMNPRSTW"), rng.choice("ABCDEGHJKMNPRSTW")
        s = v.surname(rng)
        return rng.choice(
            [f"{a}.{b}. {s.upper()}", f"{a} {s}", f"{a}{b} {s}", f"{s} {a}{b}", f"{a}. {s}"]
        )

    return _col(rng, rows, 0.02, make)


def word_names(rng, rows):
    return _col(
        rng,
        rows,
        0.02,
        lambda: f"{rng.choice(pools.WORD_FORENAMES)} {rng.choice(pools.WORD_SURNAMES)}",
    )


def enw_cyntaf(rng, rows):
    return _col(rng, rows, 0.02, lambda: rng.choice(pools.WELSH_FORENAMES))


def ainm_iomlan(rng, rows):
    def make():
        return f"{rng.choice(pools.GAELIC_FORENAMES)} {rng.choice(pools.GAELIC_SURNAMES)}"

    return _col(rng, rows, 0.02, make)


def imie_i_nazwisko(rng, rows):
    def make():
        f, s = rng.choice(pools.POLISH_FORENAMES), rng.choice(pools.POLISH_SURNAMES)
        return rng.choice([f"{f} {s}", f"{s} {f}", f"{s.upper()} {f}"])

    return _col(rng, rows, 0.02, make)


def poora_naam(rng, rows):
    def make():
        f, s = rng.choice(pools.PUNJABI_FORENAMES), rng.choice(pools.PUNJABI_SURNAMES)
        mid = rng.choice(["Kaur", "Singh", ""])
        return " ".join(x for x in (f, mid, s) if x)

    return _col(rng, rows, 0.02, make)


def surname_short(rng, rows):
    return _col(rng, rows, 0.02, lambda: rng.choice(pools.SHORT_SURNAMES))


def name_order_mixed(rng, rows):
    def make():
        r = rng.random()
        if r < 0.4:
            return f"{rng.choice(pools.CHINESE_SURNAMES)} {rng.choice(pools.CHINESE_GIVEN)}"
        if r < 0.6:
            s, g = rng.choice(pools.HUNGARIAN)
            return f"{s} {g}"
        return f"{v.surname(rng).upper()}, {v.forename(rng)}"

    return _col(rng, rows, 0.02, make)


def bay_name(rng, rows):
    bays = [
        "Rowan",
        "Willow",
        "Hazel",
        "Holly",
        "Jasmine",
        "Heather",
        "Iris",
        "Poppy",
        "Rowan Bay 2",
        "Willow SR1",
        "Hazel (side room)",
        "Ash",
        "Aspen",
        "Juniper",
    ]
    return _col(rng, rows, 0.03, lambda: rng.choice(bays))


# --- s: staff ---


def _staff(rng):
    return v.forename(rng), v.surname(rng)


def referring_clinician(rng, rows):
    def make():
        f, s = _staff(rng)
        return rng.choice(
            [
                f"Dr {f[0]}. {s}",
                f"Dr {f} {s} (GMC {rng.randint(7000000, 7999999)})",
                f"{f} {s} RGN",
                f"Ms {f[0]} {s}, ANP",
                f"{s}, Dr {f}",
            ]
        )

    return _col(rng, rows, 0.05, make)


def sds_social_worker(rng, rows):
    def make():
        f, s = _staff(rng)
        return rng.choice([f"{f} {s}", f"{f} {s} (SW)", f"{f} {s} - locum", f"{s.upper()} {f}"])

    return _col(rng, rows, 0.1, make)


def memory_consultant(rng, rows):
    return _col(rng, rows, 0.05, lambda: rng.choice(["Dr ", "Prof ", "Dr. ", ""]) + v.surname(rng))


def tutor_forename(rng, rows):
    return _col(rng, rows, 0.05, lambda: v.forename(rng))


def approving_officer(rng, rows):
    def make():
        f, s = _staff(rng)
        post = rng.choice(
            ["FRCP", "MRCPsych", "BSc (Hons) MSc", "RN DipHE", "CQSW", "MBChB FRCS", "PhD CPsychol"]
        )
        return rng.choice([f"Prof. {f[0]}. {s} {post}", f"{f} {s}, {post}", f"Dr {f} {s} {post}"])

    return _col(rng, rows, 0.05, make)


def send_escort_name(rng, rows):
    def make():
        f, s = _staff(rng)
        return rng.choice([f"{f} {s}", f"{f} {s[0]}.", f"{f} ({s})", f"{f} {s} - escort"])

    return _col(rng, rows, 0.15, make)
