"""Category e: headerless or coded headers."""

from . import pools
from . import values as v


def _col(rng, rows, p_blank, make):
    return [None if rng.random() < p_blank else make() for _ in range(rows)]


def field_23(rng, rows):
    return _col(rng, rows, 0.03, lambda: v.nhs_number(rng))


def col_17(rng, rows):
    return _col(rng, rows, 0.03, lambda: v.full_name(rng))


def unnamed_4(rng, rows):
    return _col(rng, rows, 0.05, lambda: v.postcode(rng))


def unnamed_9(rng, rows):
    codes = ["A", "C", "P", "X", "OPEN", "CLSD", "RFR", "DNA", "W", "01", "02", "99"]
    return _col(rng, rows, 0.05, lambda: rng.choice(codes))


def f0031(rng, rows):
    return _col(rng, rows, 0.02, lambda: v.dob(rng).strftime("%d/%m/%Y"))


def pas_zz_014(rng, rows):
    return _col(rng, rows, 0.02, lambda: v.surname(rng).upper())


def v_attr_07(rng, rows):
    return _col(rng, rows, 0.2, lambda: v.email(rng))


def column1(rng, rows):
    return _col(
        rng, rows, 0.05, lambda: f"{rng.choice(['x', 'ext ', ''])}{rng.randint(2000, 6999)}"
    )


def c12(rng, rows):
    return _col(rng, rows, 0.1, lambda: v.ni_number(rng))


def attr_0441(rng, rows):
    return _col(rng, rows, 0.05, lambda: str(rng.choice([1, 1, 2, 3, 4, 6, 10, 12, 24, 30, 60])))


def sr_3318(rng, rows):
    return _col(rng, rows, 0.02, lambda: v.hospital_number(rng, scheme=0))


def q7b(rng, rows):
    return _col(rng, rows, 0.05, lambda: v.chi_number(rng))


def unnamed_13(rng, rows):
    def make():
        h = f"{rng.getrandbits(128):032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}".upper()

    return _col(rng, rows, 0.0, make)


def kol_5(rng, rows):
    def make():
        s = rng.choice(pools.SURNAMES + pools.POLISH_SURNAMES)
        return v.driving_licence(rng, surname=s)

    return _col(rng, rows, 0.15, make)
