"""Category f: one identifier written several ways in one column."""

from . import pools
from . import values as v


def _rows(rng, rows, make, p_blank):
    return [None if rng.random() < p_blank else make(rng) for _ in range(rows)]


def patient_nhs_no(rng, rows):
    def make(r):
        n = v.nhs_number(r)
        return r.choice(
            [
                n,
                f"{n[:3]} {n[3:6]} {n[6:]}",
                f"{n[:3]}-{n[3:6]}-{n[6:]}",
                f"NHS: {n}",
                f"{n[:3]}  {n[3:6]}  {n[6:]}",
                f"nhs no {n[:3]} {n[3:6]} {n[6:]}",
            ]
        )

    return _rows(rng, rows, make, 0.08)


def contact_tel(rng, rows):
    def make(r):
        area, local = v.phone_parts(r)
        d = v.phone_digits(area + local)
        return r.choice(
            [
                f"{area} {local}",
                d,
                f"+44 (0){d[1:5]} {d[5:]}",
                f"+44{d[1:]}",
                f"({area}) {local}",
                f"{area}-{local.replace(' ', '')}",
                f"{area} {local} ext {r.randint(100, 999)}",
                f"{area} {local} (eve)",
            ]
        )

    return _rows(rng, rows, make, 0.12)


def claimant_dob(rng, rows):
    def make(r):
        d = v.dob(r)
        day = d.day
        suf = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        return r.choice(
            [
                d.strftime("%d/%m/%Y"),
                d.strftime("%Y-%m-%d"),
                d.strftime("%d-%b-%y"),
                f"{day}{suf} {d.strftime('%B %Y')}",
                d.strftime("%d.%m.%y"),
                d.strftime("%d/%m/%Y 00:00"),
                f"{day}/{d.month}/{d.year}",
            ]
        )

    return _rows(rng, rows, make, 0.03)


def supply_postcode(rng, rows):
    def make(r):
        p = v.postcode(r)
        return r.choice(
            [
                p,
                p.lower(),
                p.replace(" ", ""),
                p.replace(" ", "  "),
                p.title(),
                " " + p,
                p.replace(" ", "").lower(),
            ]
        )

    return _rows(rng, rows, make, 0.04)


def nino(rng, rows):
    def make(r):
        n = v.ni_number(r)
        return r.choice(
            [
                n,
                n.lower(),
                f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}",
                f"{n[:2]}-{n[2:4]}-{n[4:6]}-{n[6:8]}-{n[8]}",
                f"{n[:2]} {n[2:8]} {n[8]}",
                f"{n[:8]} {n[8]}",
            ]
        )

    return _rows(rng, rows, make, 0.06)


def debtor_name(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        t = r.choice(pools.TITLES)
        return r.choice(
            [
                f"{s.upper()}, {f}",
                f"{f} {s}",
                f"{s} {f} ({t})",
                f"{f[0]}. {s}",
                f"{t} {f} {s}",
                f"{s}, {t} {f[0]}",
            ]
        )

    return _rows(rng, rows, make, 0.02)


def correspondence_address(rng, rows):
    def make(r):
        parts = v.address_parts(r)
        x = r.random()
        if x < 0.35:
            return ", ".join(parts)
        if x < 0.6:
            return "\n".join(parts)
        if x < 0.8:
            return " ".join(parts).upper()
        return ",".join(parts).lower()

    return _rows(rng, rows, make, 0.05)


def email_addr(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        e = v.email(r, f, s)
        return r.choice(
            [e, e.upper(), f"{f} {s} <{e}>", f"mailto:{e}", f" {e} ", f'"{s}, {f}" <{e}>']
        )

    return _rows(rng, rows, make, 0.18)


def chi(rng, rows):
    def make(r):
        n = v.chi_number(r)
        return r.choice(
            [
                n,
                f"{n[:6]} {n[6:]}",
                f"{n[:6]}-{n[6:]}",
                f"CHI {n}",
                f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:]}",
            ]
        )

    return _rows(rng, rows, make, 0.05)


def property_uprn(rng, rows):
    def make(r):
        u = v.uprn(r)
        return r.choice([u, u.zfill(12), f"UPRN {u}", f"uprn:{u}", f"{u}.0"])

    return _rows(rng, rows, make, 0.04)


def vehicle_reg(rng, rows):
    def make(r):
        p = v.vrm(r) if r.random() < 0.75 else v.vrm_old(r)
        return r.choice([p, p.replace(" ", ""), p.lower(), p.replace(" ", "-"), f" {p} "])

    return _rows(rng, rows, make, 0.1)


def passport_no(rng, rows):
    def make(r):
        p = v.passport(r)
        return r.choice([p, f"GBR {p}", f"{p[:3]} {p[3:6]} {p[6:]}", f"P{p}", f"{p} (exp 2031)"])

    return _rows(rng, rows, make, 0.3)


def dvla_licence(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        dl = v.driving_licence(r, f, s, v.dob(r, 1950, 2005))
        return r.choice(
            [
                dl,
                dl.lower(),
                f"{dl[:5]} {dl[5:11]} {dl[11:13]} {dl[13:]}",
                f"{dl} 01",
                f"{dl[:5]}-{dl[5:11]}-{dl[11:]}",
            ]
        )

    return _rows(rng, rows, make, 0.2)


def hearing_date(rng, rows):
    def make(r):
        d = v.recent_date(r)
        return r.choice(
            [
                d.strftime("%d/%m/%Y"),
                d.strftime("%Y-%m-%d"),
                d.strftime("%d-%b-%y"),
                d.strftime("%A %d %B %Y"),
                d.strftime("%d.%m.%y") + " 10:00",
                d.strftime("%d/%m/%Y 14:30"),
            ]
        )

    return _rows(rng, rows, make, 0.06)
