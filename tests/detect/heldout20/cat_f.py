"""Category f: one identifier written several ways in one column."""

from . import pools as pl
from . import values as vl


def _fill(rng, rows, make, blank=0.05):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def dyddiad_geni(rng, rows):
    return _fill(rng, rows, lambda r: vl.date_styled(r, vl.birth_date(r, 1925, 2023)))


def cod_post(rng, rows):
    def make(r):
        p = vl.postcode(r)
        out, inn = p.split(" ")
        return r.choice(
            [p, p.lower(), out + inn, f"{out}  {inn}", f" {p}", p.title(), f"{out}-{inn}"]
        )

    return _fill(rng, rows, make)


def nhs_no_mixed(rng, rows):
    def make(r):
        n = vl.nhs_number(r)
        sp = f"{n[:3]} {n[3:6]} {n[6:]}"
        return r.choice(
            [sp, n, f"{n[:3]}-{n[3:6]}-{n[6:]}", f"NHS: {sp}", f"Rhif GIG {n}", n + ".0", f"({n})"]
        )

    return _fill(rng, rows, make)


def chi_mixed(rng, rows):
    def make(r):
        n = vl.chi_number(r)
        return r.choice(
            [
                n,
                f"{n[:6]} {n[6:]}",
                f"{n[:2]}-{n[2:4]}-{n[4:6]}-{n[6:]}",
                f"CHI {n}",
                f"{n[:2]}{n[2:4]}{n[4:6]}-{n[6:]}",
            ]
        )

    return _fill(rng, rows, make)


def rhif_ffon(rng, rows):
    return _fill(rng, rows, vl.phone_styled, 0.1)


def e_bost(rng, rows):
    def make(r):
        e = vl.email(r)
        local, dom = e.split("@")
        return r.choice(
            [e, e.upper(), f"mailto:{e}", f"<{e}>", f"{local} [at] {dom}", f" {e};", e.capitalize()]
        )

    return _fill(rng, rows, make, 0.2)


def nino_mixed(rng, rows):
    def make(r):
        n = vl.ni_number(r)
        return r.choice(
            [
                n,
                f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}",
                n.lower(),
                f"{n[:2]}-{n[2:8]}-{n[8]}",
                f"{n[:8]} {n[8]}",
            ]
        )

    return _fill(rng, rows, make, 0.1)


def enw_llawn(rng, rows):
    def make(r):
        f, s = vl.forename(r, pl.WELSH_FORENAMES), vl.surname(r, pl.WELSH_SURNAMES)
        t = r.choice(["Mr", "Mrs", "Miss", "Ms"])
        return r.choice(
            [
                f"{s.upper()}, {f}",
                f"{f} {s}",
                f"{s} {f} ({t})",
                f"{f[0]}. {s}",
                f"{t} {f} {s}",
                f"{s}, {f[0]}",
            ]
        )

    return _fill(rng, rows, make)


def hospital_no_mixed(rng, rows):
    def make(r):
        n = vl.welsh_hospital_number(r)
        return r.choice(
            [n, n.lower(), f"{n[0]} {n[1:4]} {n[4:]}", f"BCU-{n}", f"{n[0]}0{n[1:]}", f"HD/{n}"]
        )

    return _fill(rng, rows, make)


def vehicle_reg_mixed(rng, rows):
    def make(r):
        v = vl.vehicle_reg(r)
        return r.choice([v, v.replace(" ", ""), v.lower(), f" {v} "])

    return _fill(rng, rows, make, 0.3)


def passaporte(rng, rows):
    def make(r):
        p = vl.foreign_passport(r)
        tag = "GBR" if p.isdigit() else ("PRT" if len(p) == 8 else "POL/IRL")
        return r.choice([p, f"{tag} {p}", f"{tag}{p}", f"{p} ({tag})", p.lower()])

    return _fill(rng, rows, make, 0.3)


def seoladh(rng, rows):
    def make(r):
        a = vl.address(r, r.choice(["gd", "gd", "scot", "cy"]))
        c = r.random()
        if c < 0.3:
            return a.replace(", ", "\n")
        if c < 0.45:
            return a.upper()
        if c < 0.55:
            return a.replace(", ", ",  ")
        return a

    return _fill(rng, rows, make)


def licence_no(rng, rows):
    def make(r):
        if r.random() < 0.1:
            return "".join(r.choice(vl.DIGITS) for _ in range(8))  # Northern Ireland
        d = vl.driving_licence(r)
        return r.choice(
            [
                d,
                d.lower(),
                f"{d[:5]} {d[5:11]} {d[11:]}",
                f"{d[:5]}-{d[5:11]}-{d[11:]}",
                f"{d} ({r.randint(10, 19)})",
            ]
        )

    return _fill(rng, rows, make, 0.2)
