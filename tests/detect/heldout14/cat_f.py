"""Category f: mixed formats (one identifier written several ways in one column)."""

import datetime as dt
import random

from . import pools as pl
from . import values as vl


def _mixed(rng: random.Random, rows: int, blank: float, base, styles) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        if rng.random() < blank:
            out.append(None)
            continue
        out.append(rng.choice(styles)(base()))
    return out


def nhs_mixed(rng: random.Random, rows: int) -> list[str | None]:
    styles = [
        lambda n: f"{n[:3]} {n[3:6]} {n[6:]}",
        lambda n: n,
        lambda n: f"{n[:3]}-{n[3:6]}-{n[6:]}",
        lambda n: f"NHS: {n}",
        lambda n: f"NHS No {n[:3]} {n[3:6]} {n[6:]}",
        lambda n: f"'{n}",
    ]
    return _mixed(rng, rows, 0.05, lambda: vl.nhs_number(rng), styles)


def dob_mixed(rng: random.Random, rows: int) -> list[str | None]:
    styles = [
        lambda d: d.strftime("%d/%m/%Y"),
        lambda d: d.isoformat(),
        lambda d: d.strftime("%-d %b %y"),
        lambda d: d.strftime("%d.%m.%Y"),
        lambda d: d.strftime("%Y%m%d"),
        lambda d: d.strftime("%d-%b-%Y").upper(),
        lambda d: d.strftime("%d/%m/%Y 00:00:00"),
    ]
    return _mixed(rng, rows, 0.04, lambda: vl.dob(rng), styles)


def tel_mixed(rng: random.Random, rows: int) -> list[str | None]:
    styles = [
        lambda p: f"+44 {p[1:5]} {p[5:]}",
        lambda p: p,
        lambda p: f"({p[:5]}) {p[5:]}",
        lambda p: f"{p[:5]}-{p[5:8]}-{p[8:]}",
        lambda p: f"{p[:5]} {p[5:]}",
        lambda p: f"tel: {p}",
        lambda p: f"0044{p[1:]}",
    ]
    return _mixed(rng, rows, 0.1, lambda: vl.phone_digits(rng), styles)


def postcode_mixed(rng: random.Random, rows: int) -> list[str | None]:
    styles = [
        lambda p: p,
        lambda p: p.lower().replace(" ", ""),
        lambda p: p.replace(" ", "  "),
        lambda p: p.replace(" ", "-"),
        lambda p: p.replace(" ", ""),
        lambda p: p.title(),
        lambda p: " " + p + " ",
    ]
    return _mixed(rng, rows, 0.06, lambda: vl.postcode(rng), styles)


def name_mixed(rng: random.Random, rows: int) -> list[str | None]:
    styles = [
        lambda fs: f"{fs[1].upper()}, {fs[0]}",
        lambda fs: f"{fs[0]} {fs[1]}",
        lambda fs: f"{fs[1]} {fs[0][0]}",
        lambda fs: f"{fs[0][0]}. {fs[1].upper()}",
        lambda fs: f"{fs[1].upper()} {fs[0].upper()}",
        lambda fs: f"{fs[0].lower()} {fs[1].lower()}",
    ]
    return _mixed(rng, rows, 0.03, lambda: (vl.forename(rng), vl.surname(rng)), styles)


def email_mixed(rng: random.Random, rows: int) -> list[str | None]:
    def base() -> tuple[str, str, str]:
        f, s = vl.forename(rng), vl.surname(rng)
        return f, s, vl.email(rng, f, s)

    styles = [
        lambda t: t[2],
        lambda t: f"mailto:{t[2]}",
        lambda t: f"<{t[2]}>",
        lambda t: f"{t[0]} {t[1]} <{t[2]}>",
        lambda t: t[2].upper(),
        lambda t: f"{t[2]};",
    ]
    return _mixed(rng, rows, 0.15, base, styles)


def ni_mixed(rng: random.Random, rows: int) -> list[str | None]:
    styles = [
        lambda n: f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}",
        lambda n: n.lower(),
        lambda n: n[:8],
        lambda n: n,
        lambda n: f"{n[:2]}-{n[2:8]}-{n[8]}",
    ]
    return _mixed(rng, rows, 0.07, lambda: vl.ni_number(rng), styles)


def chi_mixed(rng: random.Random, rows: int) -> list[str | None]:
    styles = [
        lambda c: f"{c[:6]} {c[6:]}",
        lambda c: c,
        lambda c: c.lstrip("0"),
        lambda c: f"{c.lstrip('0')}.0",
        lambda c: f"CHI {c}",
        lambda c: f"{c[:6]}-{c[6:]}",
    ]
    return _mixed(rng, rows, 0.05, lambda: vl.chi_number(rng), styles)


def address_mixed(rng: random.Random, rows: int) -> list[str | None]:
    styles = [
        lambda p: ", ".join(p),
        lambda p: "\n".join(p),
        lambda p: ", ".join(p).upper(),
        lambda p: " ".join(p),
        lambda p: ",".join(p[:-1]) + "  " + p[-1],
    ]
    return _mixed(rng, rows, 0.08, lambda: vl.address_parts(rng), styles)


def hospital_mixed(rng: random.Random, rows: int) -> list[str | None]:
    def base() -> str:
        return "".join(str(rng.randrange(10)) for _ in range(7))

    styles = [
        lambda h: f"RJ1 {h}",
        lambda h: f"RJ1{h}",
        lambda h: f"MRN {h}",
        lambda h: f"K{h}",
        lambda h: f"RJ1-{h}",
        lambda h: f"Hosp No: K{h}",
    ]
    return _mixed(rng, rows, 0.04, base, styles)


def passport_mixed(rng: random.Random, rows: int) -> list[str | None]:
    styles = [
        lambda p: p,
        lambda p: f"GBR {p}",
        lambda p: f"PP No. {p}",
        lambda p: f"{p} (exp 2031)",
        lambda p: f"{p[:3]} {p[3:6]} {p[6:]}",
    ]
    return _mixed(rng, rows, 0.3, lambda: vl.passport_number(rng), styles)


def reg_mixed(rng: random.Random, rows: int) -> list[str | None]:
    styles = [
        lambda r: r,
        lambda r: r.replace(" ", ""),
        lambda r: r.lower(),
        lambda r: r.replace(" ", "-"),
        lambda r: f"{r[:2]} {r[2:4]} {r[5:]}",
    ]
    return _mixed(rng, rows, 0.2, lambda: vl.vehicle_registration(rng), styles)


def uprn_mixed(rng: random.Random, rows: int) -> list[str | None]:
    styles = [
        lambda u: f"UPRN:{u}",
        lambda u: u,
        lambda u: f"{u}.0",
        lambda u: f"UPRN {u}",
        lambda u: u.zfill(12),
    ]
    return _mixed(rng, rows, 0.1, lambda: vl.uprn(rng), styles)


def appt_date_mixed(rng: random.Random, rows: int) -> list[str | None]:
    def base() -> dt.date:
        return dt.date(2022, 6, 1) + dt.timedelta(days=rng.randrange(1100))

    styles = [
        lambda d: d.strftime("%d/%m/%Y"),
        lambda d: d.isoformat(),
        lambda d: d.strftime("%-d %b %y"),
        lambda d: d.strftime("%d.%m.%Y"),
        lambda d: d.strftime("%Y%m%d"),
        lambda d: d.strftime("%d-%b-%Y").upper(),
        lambda d: d.strftime("%a %d/%m") + " " + rng.choice(pl.CLINIC_PLACES),
    ]
    return _mixed(rng, rows, 0.05, base, styles)


GENERATORS = {
    "nhs_no_mixed": nhs_mixed,
    "dob_mixed": dob_mixed,
    "tel_mixed": tel_mixed,
    "postcode_mixed": postcode_mixed,
    "patient_name_mixed": name_mixed,
    "email_mixed": email_mixed,
    "ni_mixed": ni_mixed,
    "chi_mixed": chi_mixed,
    "address_mixed": address_mixed,
    "hospital_no_mixed": hospital_mixed,
    "passport_mixed": passport_mixed,
    "reg_mixed": reg_mixed,
    "uprn_mixed": uprn_mixed,
    "appt_date_mixed": appt_date_mixed,
}
