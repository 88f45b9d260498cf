"""Category e: headerless or coded headers."""

from . import values as v


def _col(rng, rows, make, p_blank=0.05):
    return [None if rng.random() < p_blank else make(rng) for _ in range(rows)]


def field_23(rng, rows):
    return _col(rng, rows, lambda r: v.nhs_number(r), 0.05)


def col_17(rng, rows):
    def make(r):
        f, s = v.forename(r), v.surname(r)
        return r.choice([f"{f} {s}", f"{s.upper()} {f}", f"{f} {s}"]).ljust(30)

    return _col(rng, rows, make, 0.03)


def unnamed_4(rng, rows):
    return _col(rng, rows, lambda r: v.postcode(r), 0.06)


def unnamed_5(rng, rows):
    return _col(rng, rows, lambda r: v.fmt_date(r, v.dob(r), 0), 0.04)


def pas_f0112(rng, rows):
    return _col(rng, rows, lambda r: v.hospital_number(r), 0.02)


def sr_x_77(rng, rows):
    def make(r):
        d = v.phone_digits(r)
        return d if r.random() < 0.5 else v.phone_pretty(d)

    return _col(rng, rows, make, 0.15)


def c12(rng, rows):
    return _col(rng, rows, lambda r: v.email(r), 0.2)


def zz_attr_3(rng, rows):
    codes = ["DNA", "CAN-P", "CAN-H", "ATT", "ATT-L", "WNB", "RESCH", "UTA", "ATT-V"]
    return _col(rng, rows, lambda r: r.choice(codes), 0.05)


def field_24(rng, rows):
    def make(r):
        return f"{r.choice('BCDW')}{r.randint(1, 40):02d}-{r.randint(1, 30):02d}"

    return _col(rng, rows, make, 0.05)


def col_18(rng, rows):
    def make(r):
        return r.choice(
            [
                f"RM{r.randint(1, 60):03d}",
                f"OPD-{r.choice('ABC')}{r.randint(1, 20)}",
                f"GYM {r.randint(1, 3)}",
                f"CONS {r.randint(1, 12)}",
            ]
        )

    return _col(rng, rows, make, 0.08)


def unnamed_9(rng, rows):
    def make(r):
        return r.choice(
            [
                f"{r.uniform(2.5, 6.5):.1f}",
                f"{r.randint(40, 190)}",
                f"{r.uniform(0.1, 12):.2f}",
                f"<{r.randint(1, 5)}",
                "HAEM",
            ]
        )

    return _col(rng, rows, make, 0.1)


def wccis_0045(rng, rows):
    return _col(rng, rows, lambda r: v.driving_licence(r), 0.3)


def nihsct_att_09(rng, rows):
    def make(r):
        return r.choice(
            ["POC1", "POC2", "POC4", "POC5", "POC7", "POC9", "FOH", "MHLD-01", "ELD-OP", "CHN-FC"]
        ) + r.choice(["", "/NHSCT", "/WHSCT", "/BHSCT"])

    return _col(rng, rows, make, 0.05)


def x1(rng, rows):
    return _col(rng, rows, lambda r: v.vehicle_reg(r), 0.25)
