# ruff: noqa: RUF001  (en dashes and dotless i are deliberate: clerks type them)
"""Category s: staff names."""

from . import pools


def _each(rng, rows, fn, p_blank=0.05):
    return [None if rng.random() < p_blank else fn(rng) for _ in range(rows)]


def _staff(r):
    return r.choice(pools.STAFF_FORENAMES), r.choice(pools.STAFF_SURNAMES)


def allocated_social_worker(rng, rows):
    def one(r):
        f, s = _staff(r)
        return r.choice(
            [f"{f} {s} (SW)", f"{f} {s}, SSW", f"{f} {s} – ASYE", f"{s}, {f}", "UNALLOCATED"]
        )

    return _each(rng, rows, one)


def conference_chair(rng, rows):
    def one(r):
        f, s = _staff(r)
        return r.choice(
            [f"Dr {f[0]}. {s}", f"Ms {f} {s}, IRO", f"{f} {s} (CP Chair)", f"Mr {f[0]} {s}"]
        )

    return _each(rng, rows, one)


def referrer_name(rng, rows):
    def one(r):
        f, s = _staff(r)
        return r.choice(
            [
                f"PC {r.randint(1000, 9999)} {f} {s}",
                f"HV {f} {s}",
                f"{f} {s} (DSL)",
                f"{f} {s}, Midwife",
                f"DC {s}",
            ]
        )

    return _each(rng, rows, one)


def return_interviewer(rng, rows):
    def one(r):
        f = r.choice(pools.STAFF_FORENAMES)
        return r.choice([f, f"{f} (Barnardo's)", f"{f} (Catch22)", f"{f} - RHI worker"])

    return _each(rng, rows, one)


def fca_name(rng, rows):
    def one(r):
        f, s = _staff(r)
        return r.choice(
            [f"FCA: {f} {s}", f"Family Court Adviser: Mr {f} {s}", f"{f} {s} (Cafcass)"]
        )

    return _each(rng, rows, one)


def keyworker_surname(rng, rows):
    return _each(rng, rows, lambda r: r.choice(pools.STAFF_SURNAMES))
