"""Category f: one identifier written several ways in one column."""

from __future__ import annotations

import random

from . import values as v


def _col(make, blank: float = 0.04):
    def gen(r: random.Random, rows: int) -> list[str | None]:
        return [None if r.random() < blank else make(r) for _ in range(rows)]

    return gen


def _nhs(r: random.Random) -> str:
    n = v.nhs(r)
    return r.choice(
        [
            v.spaced_334(n),
            n,
            f"{n[:3]}-{n[3:6]}-{n[6:]}",
            f"NHS: {n}",
            f"NHS No. {v.spaced_334(n)}",
            f"{n[:3]}/{n[3:6]}/{n[6:]}",
            f"'{n}",
        ]
    )


def _phone(r: random.Random) -> str:
    area, local = v.phone_parts(r)
    national = f"{area} {local}"
    compact = (area + local).replace(" ", "")
    return r.choice(
        [
            national,
            compact,
            f"+44 ({area[0]}){area[1:]} {local}",
            f"+44 {area[1:]} {local}",
            f"0044 {area[1:]} {local}",
            f"({area}) {local}",
            f"{area}-{local.replace(' ', '-')}",
            f"tel:+44{compact[1:]}",
            f"{national} (home)",
        ]
    )


def _dob(r: random.Random) -> str:
    d = v.dob(r, 0, 100)
    day = d.day
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return r.choice(
        [
            d.strftime("%d/%m/%Y"),
            d.isoformat(),
            f"{day} {d.strftime('%b %y')}",
            d.strftime("%d.%m.%Y"),
            f"{d.strftime('%B')} {day}{suffix} {d.year}",
            d.strftime("%d-%b-%Y").upper(),
            d.strftime("%Y%m%d"),
            d.strftime("%m/%d/%Y"),
            d.strftime("%d/%m/%Y 00:00:00"),
        ]
    )


def _postcode(r: random.Random) -> str:
    p = v.postcode(r)
    out, inw = p.split(" ")
    return r.choice(
        [p, p.lower(), out + inw, f"{out}  {inw}", f" {p}", f"{out.lower()} {inw}", f"{out}-{inw}"]
    )


def _name(r: random.Random) -> str:
    f, s = v.person(r)
    return r.choice(
        [
            f"{s.upper()}, {f}",
            f"{f} {s}",
            f"{s} {f}",
            f"{f[0]}. {s.upper()}",
            f"{f.upper()} {s.upper()}",
            f"{s}, {f} ({r.choice(['Mr', 'Mrs', 'Ms', 'Miss'])})",
        ]
    )


def _email(r: random.Random) -> str:
    f, s = v.person(r)
    e = v.email(r, f, s)
    return r.choice(
        [
            e,
            e.upper(),
            f"<{f} {s}> {e}",
            f"mailto:{e}",
            f"{f} {s} <{e}>",
            f" {e} ",
            e.replace("@", " @ "),
        ]
    )


def _ni(r: random.Random) -> str:
    n = v.ni(r)
    return r.choice(
        [
            n,
            f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}",
            n.lower(),
            f"{n[:2]}-{n[2:4]}-{n[4:6]}-{n[6:8]}-{n[8]}",
            f"{n[:8]} {n[8]}",
        ]
    )


def _chi(r: random.Random) -> str:
    c = v.chi(r)
    return r.choice([c, f"{c[:6]} {c[6:]}", f"{c[:2]}-{c[2:4]}-{c[4:6]}-{c[6:]}", f"CHI {c}"])


def _reg(r: random.Random) -> str:
    reg = v.vehicle_reg(r)
    return r.choice([reg, reg.lower(), reg.replace(" ", ""), reg.replace(" ", "-"), f" {reg}"])


def _dl(r: random.Random) -> str:
    dl = v.driving_licence(r)
    return r.choice(
        [
            dl,
            f"{dl[:5]} {dl[5:11]} {dl[11:13]} {dl[13:]}",
            dl.lower(),
            f"{dl} {r.randrange(10, 99)}",
            f"{dl[:5]} {dl[5:]}",
        ]
    )


def _passport(r: random.Random) -> str:
    p = v.passport(r)
    return r.choice([p, p, f"P<{p}", p.lower(), f"{p} (expired)"])


def _hosp(r: random.Random) -> str:
    h = v.hospital_number(r)
    return r.choice([h, f"MRN: {h}", f"h/no {h}", h.lower(), f"{h[:3]} {h[3:]}"])


def _uprn(r: random.Random) -> str:
    u = v.uprn(r)
    return r.choice([u, f"UPRN:{u}", u.zfill(12), f"{int(u):,}", f"uprn {u}"])


def _address(r: random.Random) -> str:
    a = v.address(r)
    return r.choice(
        [
            a,
            a.upper(),
            a.replace(", ", "\n"),
            a.replace(", ", ","),
            a.replace(",", ""),
            a.replace(", ", "\r\n"),
        ]
    )


nhs_number = _col(_nhs)
phone_contact = _col(_phone, 0.07)
date_of_birth = _col(_dob, 0.03)
post_code = _col(_postcode, 0.05)
name_on_register = _col(_name, 0.02)
email_addr = _col(_email, 0.12)
ni_number = _col(_ni, 0.06)
chi_no = _col(_chi)
vehicle_reg = _col(_reg, 0.1)
driving_licence_no = _col(_dl, 0.08)
passport_no = _col(_passport, 0.05)
hospital_no = _col(_hosp, 0.03)
uprn = _col(_uprn, 0.03)
address_as_given = _col(_address, 0.04)
