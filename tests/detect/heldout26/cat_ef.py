"""Categories e (headerless or coded headers) and f (one identifier written several ways)."""

import datetime as _dt

from . import pools, values
from .common import fill, messy, pad

# ---------------------------------------------------------------- e: coded headers


def e_ni(rng, rows):
    return fill(rng, rows, lambda r: pad(r, values.ni_number(r), 13, 0.3), blank=0.06)


def e_surname_forename(rng, rows):
    def make(r):
        f, s = values.full_name(r)
        return r.choice(
            [f"{s.upper()}, {f}", f"{s.upper()},{f}", f"{s.upper()}, {f} {values.forename(r)}"]
        )

    return fill(rng, rows, make, blank=0.03)


def e_phone(rng, rows):
    return fill(
        rng,
        rows,
        lambda r: values.phone_format(r, values.phone_digits(r), r.choice([0, 0, 1, 2])),
        blank=0.15,
    )


def e_batch(rng, rows):
    def make(r):
        letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
        return r.choice(
            [
                r.choice(letters) + r.choice(letters) + str(r.randint(1000, 9999)),
                r.choice(letters)
                + str(r.randint(100, 999))
                + r.choice(letters)
                + r.choice(letters),
                str(r.randint(100000, 999999)) + r.choice(letters),
                "LOT " + r.choice(letters) + str(r.randint(10000, 99999)),
            ]
        )

    return fill(rng, rows, make, blank=0.05)


def e_dob(rng, rows):
    return fill(
        rng,
        rows,
        lambda r: (
            values.dob(r).strftime("%d-%b-%Y").upper()
            if r.random() < 0.7
            else values.dob(r).strftime("%d-%b-%Y")
        ),
        blank=0.02,
    )


def e_email(rng, rows):
    return fill(rng, rows, lambda r: values.email(r, *values.full_name(r)), blank=0.2)


def e_address(rng, rows):
    return fill(rng, rows, lambda r: messy(r, values.address(r), 0.3, 0.05), blank=0.05)


def e_vrm(rng, rows):
    return fill(rng, rows, lambda r: pad(r, values.vehicle_registration(r), 8, 0.4), blank=0.3)


def e_licence(rng, rows):
    return fill(rng, rows, lambda r: values.driving_licence(r), blank=0.25)


def e_ward_codes(rng, rows):
    codes = [
        "WD-ACU2",
        "AMU",
        "CCU",
        "W7B",
        "ITU",
        "SDEC",
        "MAU1",
        "RES-ICU",
        "ELD",
        "WRD12",
        "OPD-OR",
        "THE-03",
        "DSU",
        "HDU",
        "CDU",
        "NNU",
        "MHLT",
        "W/21",
        "COW1",
        "RAPU",
    ]
    return fill(rng, rows, lambda r: r.choice(codes), blank=0.02)


def e_bands(rng, rows):
    def make(r):
        return r.choice(
            [
                f"B{r.randint(2, 8)}/{r.randint(2, 54)}",
                f"Band {r.randint(2, 9)}",
                f"8{r.choice('abcd')}",
                f"XN{r.randint(1, 9):02d}",
                f"MT0{r.randint(1, 4)}",
                f"SD{r.randint(1, 4)}",
            ]
        )

    return fill(rng, rows, make)


def e_row_index(rng, rows):
    return [str(i) for i in range(rows)]


def e_course_codes(rng, rows):
    codes = [
        "MAND-IG-2024",
        "MAND-FIRE",
        "BLS-A-01",
        "SGA-L3",
        "SGC-L2",
        "MH-L2",
        "OMMT-T1",
        "IPC-L2",
        "EDHR",
        "PREV-W",
        "CONF-RES",
        "MCA-DOLS",
        "MED-CALC",
        "NEWS2-E",
        "ILS-RC",
    ]
    return fill(
        rng,
        rows,
        lambda r: r.choice(codes) + (f"-{r.randint(1, 12):02d}" if r.random() < 0.3 else ""),
    )


def e_timestamps(rng, rows):
    def make(r):
        d = values.random_date(r, 2021, 2025)
        t = _dt.datetime(d.year, d.month, d.day, r.randrange(24), r.randrange(60), r.randrange(60))
        return (
            t.strftime("%Y-%m-%dT%H:%M:%SZ") if r.random() < 0.6 else t.strftime("%d/%m/%Y %H:%M")
        )

    return fill(rng, rows, make)


# ---------------------------------------------------------------- f: mixed formats


def f_nhs(rng, rows):
    def make(r):
        n = values.nhs_number(r)
        a, b, c = n[:3], n[3:6], n[6:]
        return r.choice(
            [
                f"{a} {b} {c}",
                n,
                f"{a}-{b}-{c}",
                f"NHS: {n}",
                f"{a}\u00a0{b}\u00a0{c}",
                f"{a}\u2009{b}\u2009{c}",
                f"{n}.0",
                f"NHS No {a} {b} {c}",
                f" {a} {b} {c} ",
                f"{a}{b} {c}",
            ]
        )

    return fill(rng, rows, make, blank=0.05)


def f_phone(rng, rows):
    def make(r):
        text = values.phone_format(r, values.phone_digits(r))
        if r.random() < 0.1:
            text += r.choice([" ext 4471", " x201", " (work)", " (mob)", " - eves"])
        return text

    return fill(rng, rows, make, blank=0.1)


def f_dob(rng, rows):
    def make(r):
        d = values.dob(r)
        day = d.day
        suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        return r.choice(
            [
                d.strftime("%d/%m/%Y"),
                d.isoformat(),
                d.strftime("%-d %b %y"),
                d.strftime("%d.%m.%Y"),
                d.strftime("%B ") + f"{day}{suffix} " + str(d.year),
                d.strftime("%Y%m%d"),
                d.strftime("%d/%m/%y"),
                d.strftime("%-d-%b-%Y"),
                d.strftime("%d %B %Y"),
            ]
        )

    return fill(rng, rows, make, blank=0.04)


def f_postcode(rng, rows):
    def make(r):
        p = values.postcode(r)
        out, inw = p.split()
        return r.choice(
            [
                p,
                p.lower(),
                out + inw,
                f"{out}  {inw}",
                f" {p.lower().replace(' ', '-')}",
                f"{out} {inw}.",
                f"({p})",
                p.title(),
            ]
        )

    return fill(rng, rows, make, blank=0.06)


def f_dbs_name(rng, rows):
    def make(r):
        f, s = values.full_name(r)
        return r.choice(
            [
                f"{s.upper()}, {f}",
                f"{f} {s.upper()}",
                f"{s} {f}",
                f"{f[0]}. {s.upper()}",
                f"{s}, {f[0]} ({r.choice(pools.TITLES)})",
                f"{f} {s}",
            ]
        )

    return fill(rng, rows, make, blank=0.03)


def f_email(rng, rows):
    def make(r):
        f, s = values.full_name(r)
        e = values.email(r, f, s)
        return r.choice(
            [
                e,
                f"<{e}>",
                f"mailto:{e}",
                e.upper(),
                f"{f.upper()} {s.upper()} <{e}>",
                f'"{s}, {f}" <{e}>',
                f"{e};",
            ]
        )

    return fill(rng, rows, make, blank=0.1)


def f_ni(rng, rows):
    def make(r):
        n = values.ni_number(r)
        return r.choice(
            [
                n,
                f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}".lower(),
                f"{n[:2]}-{n[2:8]}-{n[8]}",
                n.lower(),
                f"{n[:2]} {n[2:8]} {n[8]}",
                f" {n} ",
            ]
        )

    return fill(rng, rows, make, blank=0.05)


def f_chi(rng, rows):
    def make(r):
        c = values.chi_number(r)
        return r.choice(
            [c, f"{c[:6]} {c[6:]}", f"{c[:6]}-{c[6:]}", f"{c[:2]} {c[2:4]} {c[4:6]} {c[6:]}"]
        )

    return fill(rng, rows, make, blank=0.05)


def f_address(rng, rows):
    def make(r):
        parts = values.address_parts(r)
        return r.choice(
            [
                ", ".join(parts),
                "\n".join(parts),
                " | ".join(parts),
                ",".join(parts).upper(),
                " ".join(parts),
                "\r\n".join(parts),
            ]
        )

    return fill(rng, rows, make, blank=0.05)


def f_licence(rng, rows):
    def make(r):
        d = values.driving_licence(r)
        return r.choice(
            [
                d,
                f"{d[:5]} {d[5:11]} {d[11:13]}{d[13]} {d[14:]}",
                d.lower(),
                f"{d[:5]} {d[5:11]} {d[11:]}",
                f"{d} {r.randint(10, 19)}",
            ]
        )

    return fill(rng, rows, make, blank=0.2)


def f_vrm(rng, rows):
    def make(r):
        v = values.vehicle_registration(r)
        return r.choice(
            [v, v.replace(" ", ""), v.lower(), v.replace(" ", "-"), f" {v}", v.replace(" ", "  ")]
        )

    return fill(rng, rows, make, blank=0.25)


COUNTRIES = ["IND", "PHL", "NGA", "ZWE", "POL", "ROU", "GHA"]


def f_passport(rng, rows):
    def make(r):
        p = values.passport(r)
        return r.choice(
            [
                p,
                f"GBR {p}",
                f"GBR{p}",
                values.foreign_passport(r),
                f"{p} (GBR)",
                f"{values.foreign_passport(r)} ({r.choice(COUNTRIES)})",
            ]
        )

    return fill(rng, rows, make, blank=0.1)


def f_uprn(rng, rows):
    def make(r):
        u = values.uprn(r)
        return r.choice([u, f"UPRN: {u}", u.zfill(12), u.zfill(15), f"UPRN {u}", u])

    return fill(rng, rows, make, blank=0.1)


def f_hospno(rng, rows):
    def make(r):
        digits = str(r.randrange(10**6)).zfill(6)
        site = r.choice(["RXH", "RJ1", "RBA", "RM3", "K"])
        return r.choice(
            [
                f"{site}-{digits}",
                f"{site}{digits}",
                digits,
                f"MRN {digits}",
                f"{site.lower()}{digits}",
                f"{site} {digits[:3]} {digits[3:]}",
            ]
        )

    return fill(rng, rows, make, blank=0.05)
