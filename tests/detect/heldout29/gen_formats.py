"""Category f: one identifier written several ways in one column."""

from . import pools
from . import values as v


def _col(fn, blank_p):
    def make(rng, rows):
        return [
            None if rng.random() < blank_p else v.stray_space(rng, fn(rng), 0.05)
            for _ in range(rows)
        ]

    return make


def nhs_mixed(rng):
    n = v.nhs_number(rng)
    return rng.choice(
        [
            n,
            f"{n[:3]} {n[3:6]} {n[6:]}",
            f"{n[:3]}-{n[3:6]}-{n[6:]}",
            f"NHS: {n}",
            f"nhs no. {n[:3]} {n[3:6]} {n[6:]}",
            f"{n[:3]}{n[3:6]} {n[6:]}",
        ]
    )


def phone_mixed(rng):
    d = v.phone_digits(rng)
    pretty = v.phone_pretty(d)
    head, tail = pretty.split(" ", 1)
    return rng.choice(
        [
            pretty,
            d,
            f"+44 {pretty[1:]}",
            f"+44 (0){pretty[1:]}",
            f"0044 {d[1:]}",
            f"({head}) {tail}",
            f"+44{d[1:]}",
            f"{pretty} (mob)" if d.startswith("07") else f"{pretty} (home)",
        ]
    )


def postcode_mixed(rng):
    p = v.postcode(rng)
    out, inn = p.split(" ")
    return rng.choice(
        [
            p,
            p.lower(),
            out + inn,
            f"{out}  {inn}",
            f"{out}-{inn}",
            f" {p.upper()}",
            (out + inn).lower(),
        ]
    )


def dob_mixed(rng):
    d, m, y = v.dob(rng)
    mon = v.MONTHS[m - 1]
    return rng.choice(
        [
            f"{d:02d}/{m:02d}/{y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{d} {mon} {y % 100:02d}",
            f"{d:02d}.{m:02d}.{y}",
            f"{y}{m:02d}{d:02d}",
            f"{d}-{mon}-{y}",
            f"{d:02d}/{m:02d}/{y % 100:02d}",
            f"{y}-{m:02d}-{d:02d} 00:00:00",
            f"{m}/{d}/{y}",
        ]
    )


def ni_mixed(rng):
    n = v.ni_number(rng)
    return rng.choice(
        [
            n,
            n.lower(),
            f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}",
            f"{n[:8]} {n[8]}",
            f"{n[:2]}-{n[2:4]}-{n[4:6]}-{n[6:8]}-{n[8]}",
            f"NI {n}",
        ]
    )


def name_mixed(rng):
    f = rng.choice(pools.FORENAMES)
    s = rng.choice(pools.SURNAMES)
    t = rng.choice(["Mr", "Mrs", "Ms", "Miss"])
    return rng.choice(
        [
            f"{s.upper()}, {f}",
            f"{f} {s}",
            f"{s} {f} ({t})",
            f"{f[0]}. {s}",
            f"{s.upper()} {f.upper()}",
            f"{t} {f} {s}",
            f"{s}, {f[0]}",
        ]
    )


def email_mixed(rng):
    f = rng.choice(pools.FORENAMES)
    s = rng.choice(pools.SURNAMES)
    e = v.email(rng, f, s)
    return rng.choice(
        [e, f"mailto:{e}", f"{f} {s} <{e}>", f'"{s}, {f}" <{e}>', e.upper(), f"<{e}>"]
    )


def chi_mixed(rng):
    c = v.chi_number(rng)
    return rng.choice(
        [
            c,
            f"{c[:6]} {c[6:]}",
            f"{c[:2]}-{c[2:4]}-{c[4:6]}-{c[6:]}",
            f"CHI {c}",
            f"{c[:3]} {c[3:6]} {c[6:]}",
        ]
    )


def uprn_mixed(rng):
    u = v.uprn(rng)
    return rng.choice([u, f"UPRN {u}", f"UPRN:{u}", u.zfill(12), f"{u[:5]} {u[5:9]} {u[9:]}"])


def reg_mixed(rng):
    r = v.vehicle_reg(rng)
    return rng.choice(
        [r, r.replace(" ", ""), r.lower(), r.replace(" ", "-"), f"Reg: {r}", f"{r[:4]}  {r[5:]}"]
    )


def passport_mixed(rng):
    p = v.passport(rng)
    return rng.choice(
        [p, f"GBR {p}", f"GBR{p}", f"{p} (GBR)", f"P<GBR{p}", f"{p[:3]} {p[3:6]} {p[6:]}"]
    )


def dl_mixed(rng):
    d = v.driving_licence(rng)
    return rng.choice(
        [d, d.lower(), f"{d[:5]} {d[5:11]} {d[11:]}", f"{d[:5]}-{d[5:11]}-{d[11:]}", f"DL {d}"]
    )


def event_date_mixed(rng):
    y = rng.randint(2018, 2024)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    mon = v.MONTHS[m - 1]
    return rng.choice(
        [
            f"{d:02d}/{m:02d}/{y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{d} {mon} {y % 100:02d}",
            f"{d:02d}.{m:02d}.{y}",
            f"{y}{m:02d}{d:02d}",
            f"{d}-{mon}-{y}",
            f"{y}-{m:02d}-{d:02d}T09:30:00",
        ]
    )


def amount_mixed(rng):
    x = rng.randint(0, 4000000) / 100
    return rng.choice(
        [
            f"£{x:,.2f}",
            f"{x:.2f}",
            f"({x:,.2f})",
            f"£{x / 1000:.1f}k",
            f"GBP {x:.2f}",
            f"-{x:.2f}",
            f"{x:.2f} CR",
            f"{x:.0f}",
        ]
    )


F_GENERATORS = {
    "nhs_number": _col(nhs_mixed, 0.04),
    "telephone": _col(phone_mixed, 0.15),
    "postcode": _col(postcode_mixed, 0.05),
    "date_of_birth": _col(dob_mixed, 0.03),
    "ni_no": _col(ni_mixed, 0.08),
    "client_name": _col(name_mixed, 0.01),
    "email_address": _col(email_mixed, 0.25),
    "chi_no": _col(chi_mixed, 0.06),
    "uprn": _col(uprn_mixed, 0.1),
    "motability_reg_mark": _col(reg_mixed, 0.5),
    "passport_no": _col(passport_mixed, 0.35),
    "driving_licence_no": _col(dl_mixed, 0.3),
    "assessment_date": _col(event_date_mixed, 0.05),
    "amount_owed": _col(amount_mixed, 0.1),
}
