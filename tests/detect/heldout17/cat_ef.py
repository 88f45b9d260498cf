"""Category e (headerless or coded headers) and f (mixed formats)."""

import hashlib
import uuid

from . import pools
from . import values as v

# ---- category e -----------------------------------------------------------


def field_23(rng, rows):
    return [v.nhs_number(rng) for _ in range(rows)]


def col_17(rng, rows):
    out = []
    for _ in range(rows):
        f, s = v.full_name(rng)
        out.append(rng.choice([f"{f} {s}", f"{s}, {f}", f"{f} {s}".upper()]))
    return out


def unnamed_4(rng, rows):
    return v.blank_some(rng, [v.postcode(rng) for _ in range(rows)], 0.05)


def f0012_txt(rng, rows):
    return v.blank_some(rng, [v.email(rng).ljust(40) for _ in range(rows)], 0.3)


def unnamed_9(rng, rows):
    return [rng.choice(["OPEN", "CLSD", "PEND", "OPEN", "REOP", "N/A"]) for _ in range(rows)]


def c_042(rng, rows):
    return v.blank_some(rng, [v.phone_format(rng, v.phone(rng)) for _ in range(rows)], 0.1)


def att_07(rng, rows):
    return [rng.choice(pools.SURNAMES).upper().ljust(20) for _ in range(rows)]


def per_fnm(rng, rows):
    return [rng.choice(pools.FORENAMES) for _ in range(rows)]


def x12(rng, rows):
    return [str(rng.randint(0, 48)) if rng.random() < 0.9 else None for _ in range(rows)]


def var7(rng, rows):
    out = []
    for _ in range(rows):
        d = v.driving_licence(rng)
        out.append(rng.choice([d, d, f"{d[:5]} {d[5:11]} {d[11:13]} {d[13:]}"]))
    return v.blank_some(rng, out, 0.35)


def column1(rng, rows):
    return [rng.choice(["Y", "N", "Y", "0", "1", "2", "3"]) for _ in range(rows)]


def fld_88(rng, rows):
    return [v.address(rng).upper() if rng.random() < 0.3 else v.address(rng) for _ in range(rows)]


def unnamed_13(rng, rows):
    return [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(rows)]


def c5(rng, rows):
    return [hashlib.sha256(str(rng.random()).encode()).hexdigest() for _ in range(rows)]


# ---- category f -----------------------------------------------------------


def nhs_no_any_format(rng, rows):
    out = []
    for _ in range(rows):
        n = v.nhs_number(rng)
        out.append(
            rng.choice(
                [
                    n,
                    f"{n[:3]} {n[3:6]} {n[6:]}",
                    f"{n[:3]}-{n[3:6]}-{n[6:]}",
                    f"NHS: {n}",
                    f"nhs no {n[:3]} {n[3:6]} {n[6:]}",
                    f" {n} ",
                ]
            )
        )
    return v.blank_some(rng, out, 0.04)


def data_urodzenia(rng, rows):
    return [v.date_format(rng, v.dob(rng)) for _ in range(rows)]


def rhif_ffon(rng, rows):
    return v.blank_some(rng, [v.phone_format(rng, v.phone(rng)) for _ in range(rows)], 0.08)


def cod_post(rng, rows):
    out = []
    for _ in range(rows):
        p = v.postcode(rng)
        out.append(rng.choice([p, p.lower(), p.replace(" ", ""), p.replace(" ", "  "), f" {p}"]))
    return out


def ni_no(rng, rows):
    out = []
    for _ in range(rows):
        n = v.ni_number(rng)
        out.append(
            rng.choice(
                [n, n.lower(), f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}", f"{n[:8]} {n[8]}"]
            )
        )
    return v.blank_some(rng, out, 0.06)


def client_name_as_entered(rng, rows):
    out = []
    for _ in range(rows):
        f, s = v.full_name(rng)
        out.append(
            rng.choice(
                [
                    f"{s.upper()}, {f}",
                    f"{f} {s}",
                    f"{s} {f[0]}",
                    f"{f[0].lower()}. {s.lower()}",
                    f"{s}, {f} ({rng.choice(pools.TITLES)})",
                ]
            )
        )
    return out


def veh_reg(rng, rows):
    out = []
    for _ in range(rows):
        r = v.vehicle_registration(rng)
        out.append(rng.choice([r, r.replace(" ", ""), r.lower(), r.replace(" ", "-")]))
    return v.blank_some(rng, out, 0.2)


def chi_no(rng, rows):
    out = []
    for _ in range(rows):
        c = v.chi_number(rng)
        out.append(
            rng.choice([c, f"{c[:6]} {c[6:]}", f"{c[:2]}-{c[2:4]}-{c[4:6]}-{c[6:]}", f"CHI {c}"])
        )
    return out


def e_bost(rng, rows):
    out = []
    for _ in range(rows):
        f, s = v.full_name(rng)
        e = v.email(rng, f, s)
        out.append(rng.choice([e, e.upper(), f"{f} {s} <{e}>", f"mailto:{e}", f"{e};"]))
    return v.blank_some(rng, out, 0.15)


def passport(rng, rows):
    out = []
    for _ in range(rows):
        p = v.passport_number(rng)
        out.append(rng.choice([p, f"GBR {p}", f"{p[:3]} {p[3:6]} {p[6:]}", f"GBR{p}"]))
    return v.blank_some(rng, out, 0.5)


def property_uprn(rng, rows):
    out = []
    for _ in range(rows):
        u = v.uprn(rng)
        out.append(rng.choice([u, f"UPRN:{u}", u.zfill(12), f"UPRN {u}"]))
    return out


def hosp_no(rng, rows):
    out = []
    for _ in range(rows):
        site, digits = v.hospital_number(rng)
        out.append(
            rng.choice(
                [
                    site + digits,
                    f"{site.lower()} {digits[:3]} {digits[3:]}",
                    digits,
                    f"{site}/{digits}",
                ]
            )
        )
    return out


def cop_case_no(rng, rows):
    out = []
    for _ in range(rows):
        n = f"{rng.randint(1000000, 1999999)}"
        letter = rng.choice("TAJHN")
        out.append(
            rng.choice(
                [
                    f"COP {n}{letter}",
                    f"{n}{letter}",
                    f"{n}-{letter}",
                    f"cop{n}{letter.lower()}",
                    n + "0",
                ]
            )
        )
    return out


def dyddiad_sesiwn(rng, rows):
    return [v.date_format(rng, v.date_between(rng, 2023, 2025)) for _ in range(rows)]
