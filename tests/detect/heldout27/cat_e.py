"""Category e: headerless and coded headers."""

from . import pools
from . import values as v


def _each(rng, rows, fn, p_blank=0.04):
    return [None if rng.random() < p_blank else fn(rng) for _ in range(rows)]


def unnamed_0(rng, rows):
    start = rng.choice([0, 0, 1])
    return [str(i + start) for i in range(rows)]


def field_23(rng, rows):
    def one(r):
        n = v.nhs_number(r)
        return f"{n[:3]} {n[3:6]} {n[6:]}"

    return _each(rng, rows, one)


def col_17(rng, rows):
    def one(r):
        f, s = v.full_name(r)
        return v.messy(r, f"{f} {s}", p_case=0.1)

    return _each(rng, rows, one)


def unnamed_4(rng, rows):
    return _each(rng, rows, lambda r: v.postcode(r), p_blank=0.07)


def llc_per_fname(rng, rows):
    return _each(rng, rows, lambda r: f"{r.choice(pools.FORENAMES).upper():<20}", p_blank=0.01)


def p_surn_txt(rng, rows):
    return _each(rng, rows, lambda r: f"{r.choice(pools.SURNAMES).upper():<25}", p_blank=0.01)


def eha_adr_ln1(rng, rows):
    def one(r):
        parts = v.address_parts(r)
        return (
            parts[0] if r.random() < 0.35 and not parts[0].startswith("Flat") else ", ".join(parts)
        )

    return _each(rng, rows, one)


def x_tel_mob(rng, rows):
    return _each(rng, rows, lambda r: v.phone_digits(r, mobile=True), p_blank=0.1)


def c_0031(rng, rows):
    return _each(rng, rows, lambda r: v.email(r), p_blank=0.1)


def fld_dob8(rng, rows):
    return _each(rng, rows, lambda r: v.child_dob(r).strftime("%Y%m%d"))


def unnamed_12(rng, rows):
    return _each(rng, rows, lambda r: v.driving_licence(r), p_blank=0.3)


def attr_07(rng, rows):
    bad_first = "DFIQUV"

    def one(r):
        prefix = r.choice(bad_first) + r.choice(v.LETTERS)
        suffix = r.choice("EFGHJKLMNPRSTWXYZ")
        return f"{prefix}{r.randint(0, 999999):06d}{suffix}"

    return _each(rng, rows, one)


def col_5(rng, rows):
    return _each(rng, rows, lambda r: f"HAF{r.choice([24, 25])}-PRV-{r.randint(1, 400):04d}")


def f9(rng, rows):
    return _each(rng, rows, lambda r: r.choice(pools.ROOMS))


def unnamed_9(rng, rows):
    def one(r):
        m = r.randint(3, 215)
        return r.choice([str(m), f"{m // 12}y {m % 12}m", f"{m // 12}"])

    return _each(rng, rows, one)
