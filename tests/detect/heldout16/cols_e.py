"""Category e: headerless or coded headers."""

from . import values as v


def _col(rng, rows, blank, make):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def field_23(rng, rows):
    return _col(rng, rows, 0.03, lambda r: v.nhs_number(r).rjust(12))


def col_17(rng, rows):
    return _col(
        rng, rows, 0.05, lambda r: v.surname(r) if r.random() < 0.7 else v.surname(r).upper()
    )


def unnamed_4(rng, rows):
    return _col(rng, rows, 0.12, lambda r: v.phone_pretty(v.phone_digits(r)))


def unnamed_5(rng, rows):
    return _col(rng, rows, 0.05, lambda r: r.choice(["10", "15", "20", "30", "45", "60", "90"]))


def pt_fnm(rng, rows):
    return _col(rng, rows, 0.02, lambda r: v.forename(r).upper().ljust(20))


def pt_dob(rng, rows):
    return _col(rng, rows, 0.02, lambda r: v.dob(r).strftime("%Y%m%d"))


def zz_pcd01(rng, rows):
    def make(r):
        pc = v.postcode(r).replace(" ", "")
        return pc.lower() if r.random() < 0.3 else pc

    return _col(rng, rows, 0.04, make)


def attr_0091(rng, rows):
    return _col(rng, rows, 0.2, lambda r: v.email(r))


def x_1(rng, rows):
    def make(r):
        return r.choice(["RXH", "RQ6", "7A4", "RTD"]) + str(r.randint(1000000, 9999999))

    return _col(rng, rows, 0.03, make)


def v7(rng, rows):
    return _col(rng, rows, 0.1, lambda r: v.ni_number(r))


def c_019(rng, rows):
    return _col(rng, rows, 0.3, lambda r: v.passport_number(r))


def column1(rng, rows):
    return _col(rng, rows, 0.05, lambda r: v.address(r, sep=r.choice(["\n", "\r\n", ",\n"])))


def c3(rng, rows):
    return _col(rng, rows, 0.2, lambda r: v.vehicle_registration(r))


def f12(rng, rows):
    return _col(rng, rows, 0.3, lambda r: r.choice(["H", "L", "N", "HH", "LL", "*", "A", "N", "N"]))
