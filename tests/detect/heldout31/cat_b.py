"""Category b: spreadsheet damage and numeric look-alikes."""

from __future__ import annotations

import random

from . import values as v


def _sci(digits: str, sig: int = 6) -> str:
    f = float(digits)
    return f"{f:.{sig - 1}E}".replace("E+0", "E+")


def _blank(rng: random.Random, p: float = 0.05) -> bool:
    return rng.random() < p


def nhs_no(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng):
            out.append(None)
            continue
        n = v.nhs_number(rng)
        out.append(n + ".0" if rng.random() < 0.85 else n)
    return out


def nhs_number_excel(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng):
            out.append(None)
            continue
        n = v.nhs_number(rng)
        r = rng.random()
        if r < 0.45:
            out.append(_sci(n, rng.choice([3, 6, 6, 9])))
        elif r < 0.55:
            out.append(_sci(n, 6).lower())
        else:
            out.append(n)
    return out


def chi(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng):
            out.append(None)
            continue
        c = v.chi_number(rng)
        if c.startswith("0"):
            c = c.lstrip("0")
        out.append(c + ".0" if rng.random() < 0.2 else c)
    return out


def patient_phone(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng, 0.1):
            out.append(None)
            continue
        d = v.phone_digits(rng)
        r = rng.random()
        if r < 0.35:
            out.append(d[1:])
        elif r < 0.5:
            out.append(d[1:] + ".0")
        elif r < 0.65:
            out.append("44" + d[1:] + ".0")
        elif r < 0.75:
            out.append(_sci(d[1:], 5))
        elif r < 0.85:
            out.append("+44" + d[1:])
        else:
            out.append(v.fmt_phone(d, rng.randint(0, 5)))
    return out


def uprn_float(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng):
            out.append(None)
            continue
        u = v.uprn(rng)
        r = rng.random()
        if r < 0.6:
            out.append(u + ".0")
        elif r < 0.8:
            out.append(f"{int(u):,}")
        else:
            out.append(u)
    return out


def hosp_no_numeric(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng):
            out.append(None)
            continue
        n = rng.randint(100000, 9999999)
        r = rng.random()
        if r < 0.4:
            out.append(f"{n:,}")
        elif r < 0.6:
            out.append(f"{n}.0")
        elif r < 0.8:
            out.append(f"{n:08d}")
        else:
            out.append(str(n))
    return out


def dob_excel_serial(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng):
            out.append(None)
            continue
        d = v.dob(rng, 1925, 2010)
        r = rng.random()
        if r < 0.7:
            out.append(str(v.excel_serial(d)))
        elif r < 0.8:
            out.append(f"{v.excel_serial(d)}.0")
        else:
            out.append(v.date_fmt(d, rng.choice([0, 1])))
    return out


def nhs_number_text(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng):
            out.append(None)
            continue
        n = v.nhs_number(rng)
        r = rng.random()
        if r < 0.4:
            out.append("'" + n)
        elif r < 0.6:
            out.append(v.fmt_nhs(n, 2))
        elif r < 0.8:
            out.append(n.rjust(14))
        else:
            out.append("'" + v.fmt_nhs(n, 1))
    return out


def railcard_number(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng):
            out.append(None)
            continue
        s = v.fail_mod11(rng, rng.choice(["4", "6", "7"]))
        out.append(s + ".0" if rng.random() < 0.3 else s)
    return out


def taxicard_no(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng):
            out.append(None)
            continue
        s = v.fail_mod11(rng)
        out.append(v.fmt_nhs(s, rng.choice([0, 1, 1, 2])))
    return out


def claim_value_gbp(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng, 0.15):
            out.append(None)
            continue
        x = round(rng.uniform(50, 250000), rng.choice([0, 2]))
        r = rng.random()
        if r < 0.3:
            out.append(f"{x:,.2f}")
        elif r < 0.5:
            out.append(f"£{x:,.0f}")
        elif r < 0.75:
            out.append(f"{int(x)}.0")
        else:
            out.append(f"{x:.2f}")
    return out


def easting_m(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng):
            out.append(None)
            continue
        e = rng.randint(150000, 650000)
        r = rng.random()
        out.append(f"{e}.0" if r < 0.5 else (f"{e:,}" if r < 0.7 else str(e)))
    return out


def ticket_machine_serial(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng):
            out.append(None)
            continue
        s = v.fail_mod11(rng, rng.choice(["30", "31", "88"]))
        out.append(_sci(s, 6) if rng.random() < 0.35 else s)
    return out


def odometer_miles(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng, 0.08):
            out.append(None)
            continue
        m = rng.randint(120, 148000)
        r = rng.random()
        out.append(f"{m:,}" if r < 0.4 else (f"{m}.0" if r < 0.7 else str(m)))
    return out
