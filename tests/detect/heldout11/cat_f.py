"""Category f: one identifier written several ways in one column."""

from . import values as v


def _col(rng, rows, make, p_blank=0.05):
    return [None if rng.random() < p_blank else make(rng) for _ in range(rows)]


def nhs_number(rng, rows):
    def make(r):
        n = v.nhs_number(r)
        return r.choice(
            [
                n,
                f"{n[:3]} {n[3:6]} {n[6:]}",
                f"{n[:3]}-{n[3:6]}-{n[6:]}",
                f"NHS: {n[:3]} {n[3:6]} {n[6:]}",
                f"{n[:3]}  {n[3:6]}  {n[6:]}",
                f" {n}",
            ]
        )

    return _col(rng, rows, make)


def dob(rng, rows):
    return _col(rng, rows, lambda r: v.fmt_date(r, v.dob(r)))


def telephone(rng, rows):
    def make(r):
        d = v.phone_digits(r)
        p = v.phone_pretty(d)
        return r.choice(
            [
                p,
                d,
                f"+44 {p[1:]}",
                f"+44 (0){p[1:]}",
                f"0044{d[1:]}",
                f"tel:{d}",
                f"({p[: p.index(' ')]}) {p[p.index(' ') + 1 :]}",
                f"{p} ext {r.randint(100, 999)}",
                f"{p} (mob)",
            ]
        )

    return _col(rng, rows, make, 0.1)


def postcode(rng, rows):
    def make(r):
        p = v.postcode(r)
        return r.choice(
            [p, p.lower(), p.replace(" ", ""), p.replace(" ", "  "), p.title(), f" {p}"]
        )

    return _col(rng, rows, make)


def client_name(rng, rows):
    def make(r):
        f, s = v.forename(r), v.surname(r)
        return r.choice(
            [
                f"{s.upper()}, {f}",
                f"{f} {s}",
                f"{s} {f[0]}",
                f"{f[0]}. {s.upper()}",
                f"{s}, {f} ({r.choice(['Mr', 'Mrs', 'Ms'])})",
                f"{f.lower()} {s.lower()}",
            ]
        )

    return _col(rng, rows, make)


def ni_no(rng, rows):
    def make(r):
        n = v.ni_number(r)
        return r.choice(
            [
                n,
                f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}",
                n.lower(),
                f"{n[:2]}-{n[2:8]}-{n[8]}",
                f"{n[:8]} {n[8]}",
            ]
        )

    return _col(rng, rows, make, 0.12)


def chi_no(rng, rows):
    def make(r):
        n = v.chi_number(r)
        return r.choice([n, f"{n[:6]} {n[6:]}", f"{n[:2]}-{n[2:4]}-{n[4:6]}-{n[6:]}", f"CHI {n}"])

    return _col(rng, rows, make)


def email_address(rng, rows):
    def make(r):
        f, s = v.forename(r), v.surname(r)
        e = v.email(r, f, s)
        local, dom = e.split("@")
        return r.choice(
            [
                e,
                f"{f} {s} <{e}>",
                f"mailto:{e}",
                e.upper(),
                f"{local} at {dom.replace('.', ' dot ')}",
                f"{local}[at]{dom}",
                f"{e};",
            ]
        )

    return _col(rng, rows, make, 0.15)


def reg_no(rng, rows):
    def make(r):
        g = v.vehicle_reg(r)
        return r.choice([g, g.replace(" ", ""), g.lower(), f" {g} ", g.replace(" ", "-")])

    return _col(rng, rows, make, 0.1)


def address_line(rng, rows):
    def make(r):
        return r.choice(
            [
                v.address(r),
                v.address(r, " "),
                v.address(r, "\n"),
                v.address(r).upper(),
                v.address(r, ","),
            ]
        )

    return _col(rng, rows, make)


def passport(rng, rows):
    def make(r):
        p = v.passport(r)
        return r.choice([p, f"GBR {p}", f"No. {p}", f"{p} (UK)", f"PP{p}"])

    return _col(rng, rows, make, 0.4)


def licence_no(rng, rows):
    def make(r):
        d = v.driving_licence(r)
        return r.choice(
            [
                d,
                f"{d[:5]} {d[5:11]} {d[11:13]}{d[13]} {d[14:]}",
                d.lower(),
                f"{d[:5]}-{d[5:11]}-{d[11:]}",
            ]
        )

    return _col(rng, rows, make, 0.35)


def uprn(rng, rows):
    def make(r):
        u = v.uprn(r)
        return r.choice([u, f"UPRN:{u}", u.zfill(12), f"UPRN {u}"])

    return _col(rng, rows, make, 0.05)
