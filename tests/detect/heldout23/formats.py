"""Category f: one identifier (or a non-identifier) written several ways in one column."""

import datetime as _dt
import random

from . import values as v


def nhs_mixed(rng: random.Random, rows: int):
    def make(rng):
        n = v.nhs_number(rng)
        return rng.choice(
            [
                n,
                f"{n[:3]} {n[3:6]} {n[6:]}",
                f"{n[:3]}-{n[3:6]}-{n[6:]}",
                f"NHS: {n}",
                f"NHS No. {n[:3]} {n[3:6]} {n[6:]}",
                f" {n}  ",
            ]
        )

    return [make(rng) for _ in range(rows)]


def dob_mixed(rng, rows):
    def make(rng):
        d = v.dob(rng)
        r = rng.randint(0, 8)
        if r == 0:
            return d.strftime("%d/%m/%Y")
        if r == 1:
            return d.isoformat()
        if r == 2:
            return f"{d.day} {d.strftime('%b %y')}"
        if r == 3:
            return d.strftime("%d.%m.%Y")
        if r == 4:
            sfx = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
            return f"{d.strftime('%B')} {d.day}{sfx} {d.year}"
        if r == 5:
            return d.strftime("%Y%m%d")
        if r == 6:
            return str((d - _dt.date(1899, 12, 30)).days)
        if r == 7:
            return d.strftime("%m/%d/%Y")
        return d.strftime("%d-%b-%Y %H:%M").replace("00:00", "00:00:00")

    return [make(rng) for _ in range(rows)]


def phone_mixed(rng, rows):
    def make(rng):
        d = v.phone_digits(rng)
        disp = v.phone_display(d)
        return rng.choice(
            [
                d,
                disp,
                "+44 " + disp[1:],
                f"({disp.split(' ')[0]}) {' '.join(disp.split(' ')[1:])}",
                disp.replace(" ", "-"),
                f"tel {disp}",
                f"{disp} (mob)" if d.startswith("07") else f"{disp} (home)",
            ]
        )

    return [make(rng) for _ in range(rows)]


def postcode_mixed(rng, rows):
    def make(rng):
        p = v.postcode(rng)
        return rng.choice(
            [
                p,
                p.lower(),
                p.replace(" ", ""),
                p.replace(" ", "  "),
                p.replace(" ", "-"),
                f" {p.lower()} ",
                p.replace(" ", "").lower(),
            ]
        )

    return [make(rng) for _ in range(rows)]


def name_mixed(rng, rows):
    def make(rng):
        f, s, m = v.forename(rng), v.surname(rng), v.forename(rng)
        return rng.choice(
            [
                f"{s.upper()}, {f}",
                f"{f} {s}",
                f"{s} {f[0]}",
                f"{f.lower()} {s.lower()}",
                f"Dr {f} {m[0]}. {s}",
                f"{s}, {f} {m} ({rng.choice(['Mr', 'Mrs', 'Ms'])})",
                f"{f} {s.upper()}",
            ]
        )

    return [make(rng) for _ in range(rows)]


def email_mixed(rng, rows):
    def make(rng):
        f, s = v.forename(rng), v.surname(rng)
        e = v.email(rng, f, s)
        return rng.choice(
            [
                e,
                f"<{e}>",
                f"mailto:{e}",
                e.upper(),
                f"{f} {s} <{e}>",
                f" {e};",
                e.replace("@", " @ "),
            ]
        )

    return [make(rng) for _ in range(rows)]


def ni_mixed(rng, rows):
    def make(rng):
        n = v.ni_number(rng)
        return rng.choice(
            [
                n,
                n.lower(),
                f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}",
                f"{n[:8]} {n[8]}",
                f"{n[:2]}-{n[2:8]}-{n[8]}",
            ]
        )

    return [make(rng) for _ in range(rows)]


def chi_mixed(rng, rows):
    def make(rng):
        c = v.chi_number(rng)
        return rng.choice(
            [
                c,
                f"{c[:6]}-{c[6:]}",
                f"{c[:6]} {c[6:]}",
                f"CHI {c}",
                f"{c[:2]} {c[2:4]} {c[4:6]} {c[6:]}",
            ]
        )

    return [make(rng) for _ in range(rows)]


def address_mixed(rng, rows):
    def make(rng):
        p = v.address_parts(rng)
        r = rng.random()
        if r < 0.35:
            return ", ".join(p)
        if r < 0.6:
            return "\n".join(p)
        if r < 0.8:
            return " ".join(p).upper()
        return ",".join(p[:-1]) + "  " + p[-1]

    return [make(rng) for _ in range(rows)]


def vrm_mixed(rng, rows):
    def make(rng):
        r = v.vehicle_registration(rng)
        return rng.choice(
            [
                r,
                r.replace(" ", ""),
                r.lower(),
                r.replace(" ", "-"),
                f" {r.lower().replace(' ', '')}",
            ]
        )

    out = [make(rng) for _ in range(rows)]
    for i in rng.sample(range(rows), rows // 3):
        out[i] = None
    return out


def passport_mixed(rng, rows):
    def make(rng):
        p = v.passport_number(rng)
        return rng.choice(
            [
                p,
                f"GBR {p}",
                f"{p[:3]} {p[3:6]} {p[6:]}",
                f"PP{p}",
                f"{p} (exp {rng.randint(2025, 2034)})",
            ]
        )

    out = [make(rng) for _ in range(rows)]
    for i in rng.sample(range(rows), rows // 2):
        out[i] = None
    return out


def dl_mixed(rng, rows):
    def make(rng):
        d = v.driving_licence(rng)
        return rng.choice(
            [
                d,
                d.lower(),
                f"{d[:5]} {d[5:11]} {d[11:13]}{d[13]} {d[14:]}",
                f"{d[:5]}-{d[5:11]}-{d[11:]}",
            ]
        )

    return [make(rng) for _ in range(rows)]


def appt_mixed(rng, rows):
    def make(rng):
        d = v.random_date(rng, 2023, 2025)
        hh, mm = rng.randint(8, 19), rng.choice([0, 10, 15, 20, 30, 40, 45, 50])
        t = _dt.datetime(d.year, d.month, d.day, hh, mm)
        return rng.choice(
            [
                t.strftime("%d/%m/%Y %H:%M"),
                t.isoformat(),
                t.strftime("%a %d %b %Y %I:%M%p"),
                t.strftime("%Y%m%d%H%M"),
                f"{(t - _dt.datetime(1899, 12, 30)).total_seconds() / 86400:.5f}",
                t.strftime("%d-%b-%y %H.%M"),
            ]
        )

    return [make(rng) for _ in range(rows)]


def hosp_mixed(rng, rows):
    def make(rng):
        h = rng.choice("KMRJ") + f"{rng.randint(0, 999999):06d}"
        return rng.choice(
            [
                h,
                f"RXH-{h}",
                h.lower(),
                f"{h[0]} {h[1:4]} {h[4:]}",
                f"MRN:{h}",
                f"{h}/{rng.choice(['A', 'B'])}",
            ]
        )

    return [make(rng) for _ in range(rows)]
