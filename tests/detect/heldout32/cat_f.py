"""Category f: one identifier written several ways in one column."""

import datetime as dt

from . import values as v


def nhs_number(rng):
    if rng.random() < 0.04:
        return None
    n = v.nhs_number(rng)
    return rng.choice(
        [
            f"{n[:3]} {n[3:6]} {n[6:]}",
            n,
            f"{n[:3]}-{n[3:6]}-{n[6:]}",
            f"NHS: {n}",
            f" {n} ",
            f"NHS No. {n[:3]} {n[3:6]} {n[6:]}",
            f"{n[:3]}.{n[3:6]}.{n[6:]}",
        ]
    )


def numer_telefonu(rng):
    if rng.random() < 0.1:
        return None
    num = v.phone_digits(rng, 0.5)
    pretty = v.phone_pretty(num)
    area, rest = pretty.split(" ", 1)
    return rng.choice(
        [
            num,
            pretty,
            "+44 " + pretty[1:],
            "0044 " + pretty[1:],
            f"({area}) {rest}",
            "+44 (0)" + pretty[1:],
            pretty + " (mob)" if num.startswith("07") else pretty + " dom",
            num[:5] + "-" + num[5:],
        ]
    )


def dob(rng):
    if rng.random() < 0.03:
        return None
    d = v.dob(rng)
    return rng.choice(
        [
            d.strftime("%d/%m/%Y"),
            d.isoformat(),
            f"{d.day} {d.strftime('%b %y')}",
            d.strftime("%Y%m%d"),
            d.strftime("%d.%m.%Y"),
            d.strftime("%d-%b-%Y"),
            f"{d.day}/{d.month}/{d.strftime('%y')}",
            d.strftime("%d/%m/%Y") + " 00:00:00",
        ]
    )


def postcode_raw(rng):
    if rng.random() < 0.05:
        return None
    p = v.postcode(rng)
    out, inn = p.split(" ")
    return rng.choice(
        [
            p,
            p.lower(),
            out + inn,
            f"{out}  {inn}",
            p.title(),
            f" {p}",
            out.lower() + " " + inn,
        ]
    )


def naam(rng):
    if rng.random() < 0.04:
        return None
    f, s = v.name(rng)
    return rng.choice(
        [
            f"{f} {s}",
            f"{s.upper()}, {f}",
            f"{f[0]}. {s}",
            f"{s} {f}",
            f"{f} {s}".upper(),
            f"{s}, {f[0]}",
        ]
    )


def chi(rng):
    if rng.random() < 0.04:
        return None
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


def email_addr(rng):
    if rng.random() < 0.15:
        return None
    f, s = v.name(rng)
    e = v.email(rng, f, s)
    return rng.choice(
        [
            e,
            e.upper(),
            f"mailto:{e}",
            f"<{e}>",
            f"{f} {s} <{e}>",
            f" {e}",
            e.capitalize(),
        ]
    )


def nino(rng):
    if rng.random() < 0.08:
        return None
    ni = v.ni_number(rng)
    return rng.choice(
        [
            ni,
            f"{ni[:2]} {ni[2:4]} {ni[4:6]} {ni[6:8]} {ni[8]}",
            ni.lower(),
            f"{ni[:2]}{ni[2:8]} {ni[8]}",
            f"NI {ni}",
        ]
    )


def reg_no(rng):
    if rng.random() < 0.2:
        return None
    r = v.vehicle_registration(rng)
    return rng.choice([r, r.replace(" ", ""), r.lower(), r.replace(" ", "-"), f" {r}"])


def licence_no(rng):
    if rng.random() < 0.35:
        return None
    d = v.driving_licence(rng)
    return rng.choice(
        [
            d,
            d.lower(),
            f"{d[:5]} {d[5:11]} {d[11:13]}{d[13]} {d[14:]}",
            f"{d} {rng.randint(1, 9):02d}",
            f"{d[:5]}-{d[5:11]}-{d[11:]}",
        ]
    )


def cyfeiriad(rng):
    if rng.random() < 0.06:
        return None
    parts = v.address_parts(rng)
    r = rng.random()
    if r < 0.35:
        return ", ".join(parts)
    if r < 0.6:
        return "\n".join(parts)
    if r < 0.75:
        return ", ".join(parts).upper()
    if r < 0.88:
        return " ".join(parts[:-1])
    return ",".join(parts)


def hospital_no(rng):
    if rng.random() < 0.05:
        return None
    h = v.hospital_number(rng)
    return rng.choice([h, f"RX1-{h}", h.lower(), f"{h[:1]} {h[1:4]} {h[4:]}", f"MRN:{h}"])


def passport(rng):
    if rng.random() < 0.5:
        return None
    p = v.passport_number(rng)
    return rng.choice([p, f"GBR {p}", f"{p[:3]} {p[3:6]} {p[6:]}", f"{p} (UK)", f"Passport {p}"])


def appt_datetime(rng):
    d = dt.datetime(2023, 1, 1, 8, 0) + dt.timedelta(
        days=rng.randint(0, 700), minutes=15 * rng.randint(0, 40)
    )
    return rng.choice(
        [
            d.strftime("%d/%m/%Y %H:%M"),
            d.isoformat(timespec="minutes"),
            d.strftime("%a %d %b %Y, %I:%M%p"),
            d.strftime("%Y%m%d%H%M"),
            d.strftime("%d-%b-%y %H.%M"),
            d.strftime("%d/%m/%Y"),
        ]
    )
