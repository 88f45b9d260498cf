"""Category h (hard names) and s (staff names)."""

from . import pools
from . import values as v


def _col(rng, rows, fn, p_blank=0.04):
    return [None if rng.random() < p_blank else fn() for _ in range(rows)]


def _mojibake(s: str) -> str:
    try:
        return s.encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        return s


# ----------------------------------------------------------------- h
def given_name(rng, rows):
    return _col(
        rng,
        rows,
        lambda: v.messy(
            rng, rng.choice(pools.FORENAMES + pools.CELTIC_FORENAMES + pools.PUNJABI_FORENAMES)
        ),
    )


def family_name(rng, rows):
    return _col(
        rng,
        rows,
        lambda: rng.choice(pools.PARTICLE_SURNAMES) if rng.random() < 0.75 else v.surname(rng),
    )


def patient_name_uc(rng, rows):
    def one():
        s = rng.choice(pools.SURNAMES + pools.POLISH_SURNAMES).upper()
        f = rng.choice(pools.FORENAMES).upper()
        return rng.choice(
            [f"{s}, {f}", f"{s},{f}", f"{s} {f}", f"{s}, {f} {rng.choice(pools.FORENAMES).upper()}"]
        )

    return _col(rng, rows, one)


def learner_name(rng, rows):
    return _col(
        rng, rows, lambda: f"{rng.choice(pools.WORD_FORENAMES)} {rng.choice(pools.WORD_SURNAMES)}"
    )


def client_known_as(rng, rows):
    def one():
        m = rng.choice(pools.MONONYMS)
        return rng.choice(
            [
                m,
                m,
                m.upper(),
                f"{m} (single name)",
                f"{m} FNU",
                f"Baby of {rng.choice(pools.MONONYMS)}",
            ]
        )

    return _col(rng, rows, one)


def pupil_full_name(rng, rows):
    def one():
        a, b = rng.sample(pools.HYPHEN_PARTS, 2)
        f = rng.choice(pools.FORENAMES)
        f2 = rng.choice(["Mary", "Jo", "Anne", "Louise", "Luc", "Rae"])
        return rng.choice(
            [f"{f} {a}-{b}", f"{f}-{f2} {b}", f"{f} {a} - {b}", f"{f} {a}-{b}".upper()]
        )

    return _col(rng, rows, one)


def name_initials(rng, rows):
    def one():
        s = v.surname(rng)
        i1, i2 = rng.choice("ABCDEGHJKLMNPRSTW"), rng.choice("ABCDEGHJKLMNPRSTW")
        return rng.choice(
            [
                f"{i1}.{i2}. {s}",
                f"{i1} {i2} {s}",
                f"{i1}{i2} {s}",
                f"{s} {i1}{i2}",
                f"{i1}. {s}",
                f"{s}, {i1}.{i2}.",
            ]
        )

    return _col(rng, rows, one)


def enw_cyntaf(rng, rows):
    return _col(rng, rows, lambda: v.messy(rng, rng.choice(pools.CELTIC_FORENAMES)))


def nazwisko(rng, rows):
    def one():
        s = rng.choice(pools.POLISH_SURNAMES)
        r = rng.random()
        if r < 0.25:
            return v._ascii(s).title()
        if r < 0.45:
            return _mojibake(s)
        if r < 0.55:
            return s.upper()
        return s

    return _col(rng, rows, one)


def mareez_da_naam(rng, rows):
    def one():
        f = rng.choice(pools.PUNJABI_FORENAMES)
        mid = rng.choice(["Kaur", "Singh"])
        s = rng.choice(pools.PUNJABI_SURNAMES)
        return rng.choice([f"{f} {mid} {s}", f"{f} {mid}", f"{f} {s}", f"{s} {f} {mid}".upper()])

    return _col(rng, rows, one)


def ho_ten(rng, rows):
    def one():
        fam = rng.choice(pools.EAST_ASIAN_FAMILY)
        given = rng.choice(pools.EAST_ASIAN_GIVEN)
        return rng.choice(
            [
                f"{fam} {given}",
                f"{fam.title()} {given}",
                f"{given} {fam.title()}",
                f"{fam}, {given}",
            ]
        )

    return _col(rng, rows, one)


def resident_name_titled(rng, rows):
    def one():
        t = rng.choice(pools.TITLES)
        n = v.full_name(rng)
        pn = rng.choice(pools.POSTNOMINALS)
        return rng.choice(
            [
                f"{t} {n}",
                f"{t} {n} {pn}",
                f"{n} {pn}",
                f"{t} {n.split()[0][0]} {n.split()[1]}",
                f"{n} ({t})",
            ]
        )

    return _col(rng, rows, one)


def liaison_client(rng, rows):
    def one():
        f = rng.choice(pools.TRAVELLER_FORENAMES)
        s = rng.choice(pools.TRAVELLER_SURNAMES)
        return rng.choice(
            [
                f"{f} {s}",
                f"{f} {s}",
                f"{s.upper()} {f}",
                f"Big {f} {s}",
                f"{f} {s} Jnr",
                f"{f} ('{rng.choice(['Chuck', 'Gypsy', 'Boy'])}') {s}",
            ]
        )

    return _col(rng, rows, one)


def bay_name(rng, rows):
    def one():
        w = rng.choice(pools.WARD_WORDS)
        return rng.choice(
            [w, f"{w} Bay", f"{w} {rng.randint(1, 6)}", f"Side room {w}", w.upper(), f"{w} Suite"]
        )

    return _col(rng, rows, one)


# ----------------------------------------------------------------- s
def referring_clinician(rng, rows):
    def one():
        n = v.full_name(rng)
        f, s = n.split(" ", 1)
        return rng.choice(
            [
                f"Dr {f[0]}. {s} (GP)",
                f"Dr {n}",
                f"{n}, ANP",
                f"Dr {s}",
                f"{s} {f[0]} Dr",
                f"Prof. {n} FRCP",
            ]
        )

    return _col(rng, rows, one, 0.06)


def allocated_worker(rng, rows):
    def one():
        n = v.full_name(rng)
        return rng.choice(
            [
                f"{n} - {rng.choice(pools.STAFF_ROLES)}",
                n,
                f"{n} ({rng.choice(pools.STAFF_ROLES)})",
                f"{n.upper()}",
                "UNALLOCATED",
            ]
        )

    return _col(rng, rows, one, 0.1)


def checked_by(rng, rows):
    return _col(
        rng,
        rows,
        lambda: rng.choice([v.surname(rng).upper(), v.surname(rng), f"{v.surname(rng)} (pharm)"]),
        0.15,
    )


def consultant(rng, rows):
    def one():
        n = v.full_name(rng)
        f, s = n.split(" ", 1)
        return rng.choice(
            [f"Mr {f[0]} {s} FRCS", f"Dr {n}", f"Miss {s}", f"{s}, {f} (Cons)", f"Prof {s}"]
        )

    return _col(rng, rows, one)


def key_worker_forename(rng, rows):
    return _col(rng, rows, lambda: v.messy(rng, v.forename(rng)), 0.12)


def gwelwyd_gan(rng, rows):
    def one():
        n = v.full_name(rng)
        return rng.choice(
            [f"Nurse {n} (Band {rng.randint(5, 7)})", f"{n}, RGN", f"Nyrs {n}", n, f"{n} (HCA)"]
        )

    return _col(rng, rows, one, 0.08)
