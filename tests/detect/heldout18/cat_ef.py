"""Categories e (headerless / coded headers) and f (mixed formats)."""

from . import pools
from . import values as v

# --- e -------------------------------------------------------------------


def field_23(rng, rows):
    return [v.nhs_number(rng) for _ in range(rows)]


def col_17(rng, rows):
    out = []
    for _ in range(rows):
        f, s = v.full_name(rng)
        out.append(rng.choice([f"{f} {s}", f"{s.upper()} {f}", f"{f} {s} "]))
    return out


def unnamed_4(rng, rows):
    return [v.postcode(rng) if rng.random() < 0.93 else None for _ in range(rows)]


def unnamed_5(rng, rows):
    return [f"{rng.randint(8, 17):02d}:{rng.choice(['00', '15', '30', '45'])}" for _ in range(rows)]


def pt_fnm(rng, rows):
    return [
        rng.choice(pools.FORENAMES).upper().ljust(20)
        if rng.random() < 0.5
        else rng.choice(pools.FORENAMES)
        for _ in range(rows)
    ]


def pt_snm(rng, rows):
    return [
        rng.choice(pools.SURNAMES).upper().ljust(25)
        if rng.random() < 0.5
        else rng.choice(pools.SURNAMES)
        for _ in range(rows)
    ]


def zz_addr1(rng, rows):
    return [
        f"{rng.randint(1, 200)} {rng.choice(pools.STREETS)}, {rng.choice(pools.TOWNS)}"
        for _ in range(rows)
    ]


def x_tel01(rng, rows):
    return [
        v.phone_digits(rng) if rng.random() < 0.5 else v.phone_format(v.phone_digits(rng))
        for _ in range(rows)
    ]


def attr_009(rng, rows):
    return [
        rng.choice(["ATT", "DNA", "CNX-P", "CNX-H", "WNB", "A1", "A2", "RB", "UTA"])
        for _ in range(rows)
    ]


def c12(rng, rows):
    return [v.email(rng) if rng.random() < 0.85 else None for _ in range(rows)]


def unnamed_11(rng, rows):
    units = ["x 500ml", "x 1000ml", "boxes", "pcs", "bags", "x 10cm", "ml/hr"]
    return [f"{rng.randint(1, 60)} {rng.choice(units)}" for _ in range(rows)]


def fld_0x1f(rng, rows):
    return [f"SN-{rng.randint(0, 0xFFFF):04X}-{rng.randint(0, 9999):04d}" for _ in range(rows)]


def v0007(rng, rows):
    out = []
    for _ in range(rows):
        n = rng.choice([6, 8, 9, 10, 10, 11, 15, 16, 18])
        out.append(str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(n - 1)))
    return out


def unnamed_0(rng, rows):
    return [str(i) for i in range(rows)]


# --- f -------------------------------------------------------------------


def nhs_number_mixed(rng, rows):
    out = []
    for _ in range(rows):
        n = v.nhs_number(rng)
        r = rng.randint(0, 5)
        out.append(
            [
                v.nhs_spaced(n),
                n,
                f"{n[:3]}-{n[3:6]}-{n[6:]}",
                f"NHS: {n}",
                f"{n[:3]}  {n[3:6]}  {n[6:]}",
                f"nhs no {v.nhs_spaced(n)}",
            ][r]
        )
    return out


def phone_contact(rng, rows):
    out = []
    for _ in range(rows):
        n = v.phone_digits(rng)
        r = rng.randint(0, 5)
        if r == 0:
            s = v.phone_format(n)
        elif r == 1:
            s = "+44 " + v.phone_format(n)[1:]
        elif r == 2:
            s = f"({n[:4]}) {n[4:7]} {n[7:]}"
        elif r == 3:
            s = f"0044-{n[1:4]}-{n[4:]}"
        elif r == 4:
            s = f"tel {v.phone_format(n)} ({rng.choice(['mum', 'mobile', 'work', 'after 5pm'])})"
        else:
            s = n
        out.append(s)
    return out


def data_urodzenia(rng, rows):
    fmts = ["%d/%m/%Y", "%Y-%m-%d", "%d %b %y", "%d.%m.%Y", "%d-%b-%Y", "%Y%m%d", "%d/%m/%y"]
    return [v.dob(rng).strftime(rng.choice(fmts)) for _ in range(rows)]


def post_code(rng, rows):
    out = []
    for _ in range(rows):
        p = v.postcode(rng)
        r = rng.randint(0, 4)
        out.append(
            [
                p,
                p.lower(),
                p.replace(" ", ""),
                p.replace(" ", "  "),
                f" {p.lower().replace(' ', '')} ",
            ][r]
        )
    return out


def patient(rng, rows):
    out = []
    for _ in range(rows):
        f, s = v.full_name(rng)
        t = rng.choice(pools.TITLES)
        r = rng.randint(0, 5)
        out.append(
            [
                f"{s.upper()}, {f}",
                f"{f} {s}",
                f"{s} {f[0]}",
                f"{f[0]}. {s.upper()}",
                f"{t} {f} {s}",
                f"{s}, {f} ({t})",
            ][r]
        )
    return out


def chi_no(rng, rows):
    out = []
    for _ in range(rows):
        c = v.chi_number(rng)
        r = rng.randint(0, 3)
        out.append([c, f"{c[:6]} {c[6:]}", f"{c[:6]}-{c[6:]}", f"CHI {c}"][r])
    return out


def ni_no(rng, rows):
    out = []
    for _ in range(rows):
        n = v.ni_number(rng)
        r = rng.randint(0, 3)
        out.append(
            [n, f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}", n.lower(), f"{n[:8]} {n[8]}"][r]
        )
    return out


def e_mail(rng, rows):
    out = []
    for _ in range(rows):
        f, s = v.full_name(rng)
        e = v.email(rng, f, s)
        r = rng.randint(0, 4)
        if r == 0:
            out.append(e)
        elif r == 1:
            out.append(f"{f} {s} <{e}>")
        elif r == 2:
            out.append(f"mailto:{e}")
        elif r == 3:
            out.append(e.upper())
        else:
            user, dom = e.split("@")
            out.append(f"{user} [at] {dom.replace('.', ' [dot] ')}")
    return out


def vehicle_reg_mixed(rng, rows):
    out = []
    for _ in range(rows):
        r = v.vehicle_reg(rng)
        k = rng.randint(0, 3)
        out.append([r, r.replace(" ", ""), r.lower(), r.replace(" ", "  ")][k])
    return out


def addr(rng, rows):
    out = []
    for _ in range(rows):
        a = v.address(rng)
        k = rng.randint(0, 3)
        if k == 0:
            out.append(a)
        elif k == 1:
            out.append(a.replace(", ", "\n"))
        elif k == 2:
            out.append(a.upper())
        else:
            out.append("".join(p.ljust(30) for p in a.split(", ")))
    return out


def licence_no(rng, rows):
    out = []
    for _ in range(rows):
        d = v.driving_licence(rng)
        k = rng.randint(0, 2)
        out.append([d, f"{d[:5]} {d[5:11]} {d[11:14]} {d[14:]}", d.lower()][k])
    return out


def mrn(rng, rows):
    return [v.hospital_number(rng) for _ in range(rows)]


def session_ref(rng, rows):
    out = []
    for _ in range(rows):
        y, n = rng.randint(2021, 2025), rng.randint(1, 999)
        k = rng.randint(0, 3)
        out.append(
            [f"OPAT/{y}/{n:04d}", f"opat-{y % 100}-{n}", f"{y % 100}/{n}", f"OP{y}{n:03d}"][k]
        )
    return out
