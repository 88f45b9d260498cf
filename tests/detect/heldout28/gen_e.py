"""Category e: headerless or coded headers."""

from . import pools
from . import values as v


def _col(rng, rows, blank, make):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def field_23(rng, rows):
    return _col(rng, rows, 0.02, lambda r: v.nhs_number(r).ljust(15))


def col_17(rng, rows):
    def make(r):
        f, s = v.person(r)
        return r.choice([f"{f} {s}", f"{f} {s}", f"{s}, {f}"])

    return _col(rng, rows, 0.03, make)


def unnamed_4(rng, rows):
    return _col(rng, rows, 0.04, lambda r: v.postcode(r))


def unnamed_5(rng, rows):
    def make(r):
        return r.choice(
            [
                f"B{r.randint(1, 40):02d}-{r.randint(1, 8):02d}",
                f"{r.choice('ABCDEFG')}{r.randint(1, 6)}-SR{r.randint(1, 4)}",
                f"ESC-{r.randint(1, 30):02d}",
                f"CHR{r.randint(1, 12)}",
            ]
        )

    return _col(rng, rows, 0.02, make)


def ptflw_f03(rng, rows):
    return _col(rng, rows, 0.02, lambda r: v.hospital_number(r))


def zz_attr_9(rng, rows):
    def make(r):
        d = v.date_of_birth(r)
        return r.choice([d.isoformat(), d.isoformat() + " 00:00:00", d.strftime("%Y%m%d")])

    return _col(rng, rows, 0.03, make)


def x1(rng, rows):
    return _col(rng, rows, 0.08, lambda r: v.phone_parts(r)[0])


def c12(rng, rows):
    codes = [
        "TX-WHEELCH",
        "TX-BED",
        "TX-TROLLEY",
        "SPEC-URG",
        "SPEC-RTN",
        "GAS-O2-F",
        "GAS-O2-D",
        "DEC-MORT",
        "NOTES-RTN",
        "LINEN-CG",
        "WASTE-CLIN",
        "PHARM-TTO",
        "EQUIP-LOAN",
        "BLD-PROD",
    ]
    return _col(rng, rows, 0.01, lambda r: r.choice(codes))


def ext_col_004(rng, rows):
    return _col(rng, rows, 0.12, lambda r: v.email(r))


def field_24(rng, rows):
    return _col(rng, rows, 0.02, lambda r: v.failing_ten(r, r.choice(["4", "6", "7"])).ljust(15))


def swb_fld_8(rng, rows):
    def make(r):
        s = r.randint(3, 1500)
        return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"

    return _col(rng, rows, 0.0, make)


def v008(rng, rows):
    return _col(
        rng,
        rows,
        0.04,
        lambda r: v.vehicle_reg(r).replace(" ", "") if r.random() < 0.5 else v.vehicle_reg(r),
    )


def attr_x7f(rng, rows):
    return _col(rng, rows, 0.06, lambda r: v.uprn(r))


def unnamed_13(rng, rows):
    return _col(rng, rows, 0.03, lambda r: r.choice(pools.FORENAMES))
