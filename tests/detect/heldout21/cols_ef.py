"""Categories e (headerless / coded headers) and f (mixed formats)."""

import datetime as dt

from . import pools
from . import values as v


def _col(rng, rows, make, blank=0.04):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


# ------------------------------------------------------------------ e
def field_23(rng, rows):
    def make(r):
        n = v.nhs_number(r)
        return f"{n[:3]} {n[3:6]} {n[6:]}"

    return _col(rng, rows, make)


def col_17(rng, rows):
    return _col(rng, rows, lambda r: r.choice(pools.SURNAMES).upper())


def unnamed_4(rng, rows):
    return _col(rng, rows, lambda r: r.choice([v.phone(r), v.phone_pretty(v.phone(r))]), 0.1)


def unnamed_0(rng, rows):
    return [str(i) for i in range(rows)]


def ecm_f07(rng, rows):
    return _col(rng, rows, lambda r: v.postcode(r).ljust(10), 0.03)


def column1(rng, rows):
    return _col(rng, rows, v.email, 0.2)


def attr_0x1f(rng, rows):
    return _col(rng, rows, lambda r: v.dob(r).isoformat(), 0.02)


def v12(rng, rows):
    return _col(
        rng,
        rows,
        lambda r: r.choice(["HCA", "RGN", "SCW", "SW1", "SW2", "RMN", "CSW", "TL", "NA", "RNA"]),
        0.02,
    )


def fld_a3(rng, rows):
    def make(r):
        t = dt.datetime(2024, 1, 1) + dt.timedelta(minutes=r.randint(0, 525000))
        return r.choice([t.isoformat(), t.strftime("%d/%m/%Y %H:%M"), t.strftime("%Y%m%d%H%M%S")])

    return _col(rng, rows, make, 0.01)


def x_pd_adr1(rng, rows):
    def make(r):
        a = f"{r.randint(1, 212)} {r.choice(pools.STREETS)}, {r.choice(pools.TOWNS)}"
        return a.upper() if r.random() < 0.4 else a

    return _col(rng, rows, make, 0.03)


def c_44(rng, rows):
    return _col(rng, rows, lambda r: v.uprn(r).rjust(12, r.choice(" 0")), 0.05)


def f0019(rng, rows):
    return _col(rng, rows, lambda r: f"CC{r.randint(1000, 9999)}-{r.randint(1, 40):02d}", 0.02)


def pole_7(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        return r.choice([f"{f} {s}", f"{s} {f}", f"{f} {s}".upper()])

    return _col(rng, rows, make, 0.05)


def kolumna_9(rng, rows):
    codes = [
        "F03.90",
        "G30.1",
        "I63.9",
        "C34.9",
        "J44.1",
        "E11.9",
        "N18.4",
        "G20",
        "F32.1",
        "I50.0",
        "C61",
        "M81.0",
        "G35",
        "F20.0",
    ]
    return _col(rng, rows, lambda r: r.choice(codes), 0.05)


# ------------------------------------------------------------------ f
def f_nhs(rng, rows):
    def make(r):
        n = v.nhs_number(r)
        return r.choice(
            [
                n,
                f"{n[:3]} {n[3:6]} {n[6:]}",
                f"{n[:3]}-{n[3:6]}-{n[6:]}",
                f"NHS:{n}",
                f"NHS No. {n[:3]} {n[3:6]} {n[6:]}",
            ]
        )

    return _col(rng, rows, make)


def f_dob(rng, rows):
    return _col(rng, rows, lambda r: v.date_styled(r, v.dob(r)))


def f_tel(rng, rows):
    def make(r):
        n = v.phone(r)
        p = v.phone_pretty(n)
        return r.choice(
            [
                "+44 " + p[1:],
                n,
                f"({p.split(' ')[0]}) {' '.join(p.split(' ')[1:])}",
                p.replace(" ", "-"),
                "+44 (0)" + p[1:],
                p.replace(" ", "\u00a0"),
                "0044" + n[1:],
            ]
        )

    return _col(rng, rows, make, 0.1)


def f_postcode(rng, rows):
    def make(r):
        p = v.postcode(r)
        return r.choice([p, p.replace(" ", ""), p.lower(), p.replace(" ", "  "), p + " "])

    return _col(rng, rows, make, 0.03)


def f_client(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        t = r.choice(["Mr", "Mrs", "Ms", "Miss"])
        return r.choice(
            [
                f"{s.upper()}, {f}",
                f"{f} {s}",
                f"{s} {f[0]}",
                f"{f[0]}. {s}",
                f"{t} {f} {s.upper()}",
                f"{s}, {t} {f}",
            ]
        )

    return _col(rng, rows, make, 0.02)


def f_email(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        e = v.email(r, f, s)
        return r.choice([e, f"{f} {s} <{e}>", f"mailto:{e}", e.upper(), f" {e}", f"<{e}>"])

    return _col(rng, rows, make, 0.12)


def f_chi(rng, rows):
    def make(r):
        c = v.chi_number(r)
        return r.choice([c, f"{c[:6]} {c[6:]}", f"{c[:6]}-{c[6:]}", f"CHI {c}"])

    return _col(rng, rows, make)


def f_ni(rng, rows):
    def make(r):
        n = v.ni_number(r)
        return r.choice(
            [
                n,
                f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}",
                n.lower(),
                f"{n[:2]}-{n[2:8]}-{n[8]}",
                n[:8],
                f"{n[:2]} {n[2:8]} {n[8]}",
            ]
        )

    return _col(rng, rows, make, 0.06)


def f_address(rng, rows):
    def make(r):
        a = v.address(r)
        return r.choice(
            [a, a.replace(", ", "\n"), a.upper(), a.replace(", ", ","), a.replace(", ", "\r\n")]
        )

    return _col(rng, rows, make, 0.03)


def f_vrm(rng, rows):
    def make(r):
        g = v.vehicle_registration(r)
        return r.choice([g, g.replace(" ", ""), g.lower(), g.replace(" ", "-"), f" {g}"])

    return _col(rng, rows, make, 0.15)


def f_hospital(rng, rows):
    def make(r):
        h = v.hospital_number(r)
        return r.choice([h, f"MRN:{h}", h.lower(), f"{h[:3]} {h[3:]}", f"Hosp {h}"])

    return _col(rng, rows, make, 0.03)


def f_licence(rng, rows):
    def make(r):
        d = v.driving_licence(r)
        return r.choice(
            [d, f"{d[:5]} {d[5:11]} {d[11:14]} {d[14:]}", d.lower(), f"{d[:5]}-{d[5:11]}-{d[11:]}"]
        )

    return _col(rng, rows, make, 0.1)


def f_uprn(rng, rows):
    def make(r):
        u = v.uprn(r)
        return r.choice([u, f"UPRN:{u}", u.zfill(12), f"UPRN {u}"])

    return _col(rng, rows, make, 0.04)


def f_visit_date(rng, rows):
    def make(r):
        d = dt.date(2023, 1, 1) + dt.timedelta(days=r.randint(0, 700))
        return v.date_styled(r, d)

    return _col(rng, rows, make, 0.02)
