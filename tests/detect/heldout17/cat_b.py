"""Category b: numeric identifiers damaged by spreadsheets, and numeric look-alikes."""

import datetime as _dt

from . import values as v


def _damage(rng, digits: str, sci: float = 0.0, dot0: float = 0.7) -> str:
    r = rng.random()
    if r < sci:
        return v.excel_sci(int(digits))
    if r < sci + dot0:
        return str(int(digits)) + ".0"
    return str(int(digits))


def nhs_no(rng, rows):
    return v.blank_some(rng, [_damage(rng, v.nhs_number(rng), sci=0.12) for _ in range(rows)], 0.04)


def chi(rng, rows):
    out = []
    for _ in range(rows):
        c = v.chi_number(rng)
        out.append(_damage(rng, c, sci=0.03, dot0=0.5))
    return v.blank_some(rng, out, 0.05)


def uprn(rng, rows):
    out = []
    for _ in range(rows):
        u = v.uprn(rng)
        r = rng.random()
        if r < 0.3:
            out.append(v.excel_sci(int(u)))
        elif r < 0.5:
            out.append(f"{int(u):,}")
        elif r < 0.8:
            out.append(u + ".0")
        else:
            out.append(u)
    return v.blank_some(rng, out, 0.06)


def mobile_no(rng, rows):
    out = []
    for _ in range(rows):
        d = v.phone(rng, mobile=True).replace(" ", "")
        r = rng.random()
        if r < 0.2:
            out.append(v.excel_sci(int(d)))
        elif r < 0.55:
            out.append(d[1:] + ".0")
        elif r < 0.85:
            out.append(d[1:])
        else:
            out.append(d)
    return v.blank_some(rng, out, 0.15)


def nhs_number_spaced(rng, rows):
    out = []
    for _ in range(rows):
        n = v.nhs_number(rng)
        style = rng.randrange(6)
        if style == 0:
            out.append("'" + n)
        elif style == 1:
            out.append(f"{n[:3]} {n[3:6]} {n[6:]}")
        elif style == 2:
            out.append(f"{n[:3]}-{n[3:6]}-{n[6:]}")
        elif style == 3:
            out.append(n.rjust(14))
        elif style == 4:
            out.append(f"{int(n):,}")
        else:
            out.append(f"{n[:3]}.{n[3:6]}.{n[6:]}")
    return v.blank_some(rng, out, 0.03)


def mrn(rng, rows):
    out = []
    for _ in range(rows):
        zeros = rng.choice([1, 1, 2, 3])
        rest = str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(6 - zeros))
        out.append(_damage(rng, "0" * zeros + rest, dot0=0.6))
    return v.blank_some(rng, out, 0.02)


def landline(rng, rows):
    out = []
    for _ in range(rows):
        d = v.phone(rng, mobile=False).replace(" ", "")
        r = rng.random()
        if r < 0.5:
            out.append(d[1:] + ".0")
        elif r < 0.8:
            out.append(d[1:])
        else:
            out.append(v.excel_sci(int(d)))
    return v.blank_some(rng, out, 0.25)


def cop_case_ref_num(rng, rows):
    return v.blank_some(rng, [v.mod11_invalid(rng) + ".0" for _ in range(rows)], 0.05)


def invoice_no(rng, rows):
    out = []
    for _ in range(rows):
        n = v.mod11_invalid(rng, first="3456789")
        out.append(v.excel_sci(int(n)) if rng.random() < 0.3 else n)
    return out


def asset_no(rng, rows):
    return [f"{rng.randint(100000000, 999999999)}.0" for _ in range(rows)]


def weekly_charge_p(rng, rows):
    out = []
    for _ in range(rows):
        pence = rng.randint(0, 185000)
        out.append(rng.choice([f"{pence}.0", f"{pence:,}", str(pence)]))
    return out


def ofsted_urn(rng, rows):
    pool = [str(rng.choice([1, 2, 5, 9])) + f"{rng.randint(0, 99999):05d}" for _ in range(60)]
    return [rng.choice(pool) + rng.choice(["", ".0"]) for _ in range(rows)]


def provider_co_no(rng, rows):
    pool = [f"{rng.randint(1000000, 14999999):08d}" for _ in range(80)]
    out = []
    for _ in range(rows):
        n = rng.choice(pool)
        out.append(rng.choice([str(int(n)), str(int(n)) + ".0", n]))
    return out


def referral_date(rng, rows):
    base = _dt.date(1899, 12, 30)
    out = []
    for _ in range(rows):
        d = v.date_between(rng, 2022, 2025)
        serial = (d - base).days
        out.append(rng.choice([str(serial), f"{serial}.0"]))
    return v.blank_some(rng, out, 0.03)
