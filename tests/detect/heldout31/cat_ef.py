"""Categories e (headerless / coded headers) and f (mixed formats)."""

from __future__ import annotations

import random
import string
import uuid

from . import pools
from . import values as v


def _simple(rng: random.Random, rows: int, make, blank: float = 0.06) -> list[str | None]:
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def _pad(rng: random.Random, s: str, width: int) -> str:
    return s.ljust(width) if rng.random() < 0.5 else s


# ---------------------------------------------------------------- e


def field_23(rng, rows):
    return _simple(rng, rows, lambda r: v.nhs_number(r))


def col_17(rng, rows):
    return _simple(rng, rows, lambda r: _pad(r, v.postcode(r), 8))


def unnamed_4(rng, rows):
    def mk(r):
        f, s = v.full_name(r)
        return r.choice([f"{f} {s}", f"{s.upper()} {f}", f"{f} {s}".upper()])

    return _simple(rng, rows, mk)


def unnamed_11(rng, rows):
    return _simple(
        rng,
        rows,
        lambda r: r.choice(
            [
                f"{r.uniform(0.3, 40):.1f} mi",
                f"{r.uniform(0.5, 64):.2f}km",
                f"{r.randint(1, 40)} miles",
                f"{r.uniform(0.1, 25):.1f}",
                "<2 mi (walking distance)",
            ]
        ),
    )


def f0042_txt(rng, rows):
    return _simple(rng, rows, lambda r: v.email(r), 0.15)


def q7b(rng, rows):
    return _simple(rng, rows, lambda r: v.driving_licence(r), 0.2)


def empty_header(rng, rows):
    return _simple(rng, rows, lambda r: v.fmt_phone(v.phone_digits(r), r.choice([0, 1, 1, 4])), 0.1)


def c_0009(rng, rows):
    def mk(r):
        area = r.choice(["0600", "4500", "5710", "6130", "6090", "2500", "0180", "6200"])
        tail = r.choice(
            [
                f"MA{r.randint(100, 9999)}",
                f"0{r.randint(10000, 99999)}",
                "".join(r.choice(string.ascii_uppercase) for _ in range(4)) + str(r.randint(0, 9)),
                f"HP{r.randint(10000, 99999)}",
            ]
        )
        code = area + tail
        while code.isdigit() and v.mod11_valid(code):
            code = area + f"0{r.randint(10000, 99999)}"
        return code

    return _simple(rng, rows, mk)


def trv_assist_a1(rng, rows):
    return _simple(
        rng,
        rows,
        lambda r: (
            r.choice(pools.SURNAMES).upper() if r.random() < 0.4 else r.choice(pools.SURNAMES)
        ),
        0.1,
    )


def header_2(rng, rows):
    return _simple(rng, rows, lambda r: v.hospital_number(r))


def zz_fld_88(rng, rows):
    def mk(r):
        u = str(uuid.UUID(int=r.getrandbits(128), version=4))
        return u.upper() if r.random() < 0.3 else u

    return _simple(rng, rows, mk, 0.02)


def attr_5(rng, rows):
    return _simple(rng, rows, lambda r: v.uprn(r))


def kolumna_12(rng, rows):
    return _simple(rng, rows, lambda r: v.fmt_ni(v.ni_number(r), r.choice([0, 0, 4])), 0.12)


def campo_9(rng, rows):
    def mk(r):
        h, m = r.randint(6, 19), r.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])
        return r.choice(
            [
                f"{h:02d}:{m:02d}",
                f"{h:02d}{m:02d}",
                f"{h:02d}:{m:02d}-{h + 1:02d}:{m:02d}",
                f"{h}.{m:02d}",
                f"{h:02d}:{m:02d}:00",
            ]
        )

    return _simple(rng, rows, mk)


# ---------------------------------------------------------------- f


def nhs_number_mixed(rng, rows):
    def mk(r):
        n = v.nhs_number(r)
        s = r.randint(0, 6)
        if s <= 3:
            return v.fmt_nhs(n, s)
        if s == 4:
            return f"NHS: {n}"
        if s == 5:
            return f"NHS No {v.fmt_nhs(n, 1)}"
        return f"{n} (verified)"

    return _simple(rng, rows, mk)


def data_urodzenia(rng, rows):
    return _simple(rng, rows, lambda r: v.date_fmt(v.dob(r), r.randint(0, 11)))


def cod_postal(rng, rows):
    def mk(r):
        p = v.postcode(r)
        s = r.randint(0, 5)
        if s == 0:
            return p
        if s == 1:
            return p.lower()
        if s == 2:
            return p.replace(" ", "")
        if s == 3:
            return p.replace(" ", "  ")
        if s == 4:
            return " " + p.title()
        return p.replace(" ", "").lower()

    return _simple(rng, rows, mk)


def ffon_symudol(rng, rows):
    def mk(r):
        d = v.mobile_digits(r)
        s = r.randint(0, 6)
        if s == 6:
            return f"{d[:5]} {d[5:8]} {d[8:]}"
        return v.fmt_phone(d, s)

    return _simple(rng, rows, mk, 0.1)


def ni_num(rng, rows):
    return _simple(rng, rows, lambda r: v.fmt_ni(v.ni_number(r), r.randint(0, 4)))


def contact_email(rng, rows):
    def mk(r):
        f, s = v.full_name(r)
        e = v.email(r, f, s)
        k = r.randint(0, 4)
        if k == 0:
            return e
        if k == 1:
            return f"{f} {s} <{e}>"
        if k == 2:
            return f"mailto:{e}"
        if k == 3:
            return e.upper()
        return f" {e};"

    return _simple(rng, rows, mk, 0.12)


def vrm(rng, rows):
    def mk(r):
        x = v.vrm(r, r.choice([0, 0, 1, 2]))
        k = r.randint(0, 3)
        if k == 1:
            return x.replace(" ", "")
        if k == 2:
            return x.lower()
        return x

    return _simple(rng, rows, mk)


def licence_no(rng, rows):
    def mk(r):
        d = v.driving_licence(r)
        k = r.randint(0, 3)
        if k == 1:
            return f"{d[:5]} {d[5:11]} {d[11:13]}{d[13]} {d[14:]}"
        if k == 2:
            return d.lower()
        if k == 3:
            return d[:-2] + " " + d[-2:]
        return d

    return _simple(rng, rows, mk, 0.15)


def passport(rng, rows):
    def mk(r):
        p = v.passport(r)
        k = r.randint(0, 3)
        if k == 1:
            return f"GBR {p}"
        if k == 2:
            return f"{p[:3]} {p[3:6]} {p[6:]}"
        if k == 3:
            return f"{p}GBR"
        return p

    return _simple(rng, rows, mk, 0.25)


def chi_no(rng, rows):
    def mk(r):
        c = v.chi_number(r)
        k = r.randint(0, 3)
        if k == 1:
            return f"{c[:6]} {c[6:]}"
        if k == 2:
            return f"{c[:2]}-{c[2:4]}-{c[4:6]}-{c[6:]}"
        if k == 3:
            return f"{c[:6]}-{c[6:]}"
        return c

    return _simple(rng, rows, mk)


def applicant_name(rng, rows):
    def mk(r):
        f, s = v.full_name(r)
        k = r.randint(0, 5)
        if k == 0:
            return f"{s.upper()}, {f}"
        if k == 1:
            return f"{f} {s}"
        if k == 2:
            return f"{f[0]}. {s}"
        if k == 3:
            return f"{s} {f} {r.choice(['Mr', 'Mrs', 'Ms'])}"
        if k == 4:
            return f"{s}, {f[0]}"
        return f"{f.lower()} {s.lower()}"

    return _simple(rng, rows, mk)


def home_address(rng, rows):
    def mk(r):
        parts = v.address_parts(r)
        k = r.randint(0, 4)
        if k == 0:
            return "\n".join(parts)
        if k == 1:
            return ", ".join(parts)
        if k == 2:
            return " | ".join(parts)
        if k == 3:
            return ",".join(p.upper() for p in parts)
        return "\r\n".join(parts[:-1]) + "  " + parts[-1]

    return _simple(rng, rows, mk)


def incident_date(rng, rows):
    return _simple(rng, rows, lambda r: v.date_fmt(v.dob(r, 2018, 2024), r.randint(0, 11)))


def hospital_no(rng, rows):
    def mk(r):
        h = v.hospital_number(r)
        k = r.randint(0, 3)
        if k == 1:
            return h.lower()
        if k == 2 and h.startswith("RX1"):
            return "RX1 " + h[3:]
        if k == 3:
            return f"  {h}"
        return h

    return _simple(rng, rows, mk)
