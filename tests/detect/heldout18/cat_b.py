"""Category b: spreadsheet damage and numeric look-alikes."""

import datetime as _dt

from . import values as v


def _sci(digits: str, sig: int = 6) -> str:
    """Excel-style scientific display of an integer string."""
    x = float(digits)
    mant = f"{x:.{sig - 1}E}"
    m, e = mant.split("E")
    m = m.rstrip("0").rstrip(".")
    return f"{m}E+{int(e):02d}"


def nhs_no_float(rng, rows):
    out = []
    for _ in range(rows):
        if rng.random() < 0.06:
            out.append(None)
            continue
        n = v.nhs_number(rng)
        out.append(n + ".0" if rng.random() < 0.8 else n)
    return out


def patient_nhs_xlsx(rng, rows):
    out = []
    for _ in range(rows):
        if rng.random() < 0.05:
            out.append(None)
            continue
        n = v.nhs_number(rng)
        r = rng.random()
        if r < 0.55:
            out.append(_sci(n, rng.choice([6, 6, 7, 10])))
        elif r < 0.65:
            out.append(_sci(n, 10).lower())
        else:
            out.append(n)
    return out


def chi(rng, rows):
    out = []
    for _ in range(rows):
        if rng.random() < 0.05:
            out.append(None)
            continue
        c = v.chi_number(rng)
        shown = c.lstrip("0") if rng.random() < 0.9 else c
        out.append(shown + ".0" if rng.random() < 0.3 else shown)
    return out


def tel_home(rng, rows):
    out = []
    for _ in range(rows):
        if rng.random() < 0.1:
            out.append(None)
            continue
        n = v.phone_digits(rng)
        r = rng.random()
        if r < 0.45:
            out.append(n[1:])
        elif r < 0.7:
            out.append(n[1:] + ".0")
        elif r < 0.85:
            out.append("44" + n[1:])
        else:
            out.append(n)
    return out


def uprn_float(rng, rows):
    out = []
    for _ in range(rows):
        if rng.random() < 0.08:
            out.append(None)
            continue
        u = v.uprn(rng)
        r = rng.random()
        if r < 0.4:
            out.append(u + ".0")
        elif r < 0.6 and len(u) >= 11:
            out.append(_sci(u, 12))
        elif r < 0.7:
            out.append(u.zfill(12))
        else:
            out.append(u)
    return out


def hosp_no(rng, rows):
    out = []
    for _ in range(rows):
        if rng.random() < 0.05:
            out.append(None)
            continue
        n = f"{rng.randint(0, 999999):07d}"
        r = rng.random()
        if r < 0.5:
            out.append(str(int(n)))
        elif r < 0.8:
            out.append(str(int(n)) + ".0")
        else:
            out.append(n)
    return out


def nhs_no_formatted(rng, rows):
    out = []
    for _ in range(rows):
        if rng.random() < 0.05:
            out.append(None)
            continue
        n = v.nhs_number(rng)
        r = rng.randint(0, 5)
        if r == 0:
            s = f"{int(n):,}"
        elif r == 1:
            s = f"{n[:3]}-{n[3:6]}-{n[6:]}"
        elif r == 2:
            s = f"{n[:3]}.{n[3:6]}.{n[6:]}"
        elif r == 3:
            s = f"{n}\t"
        elif r == 4:
            s = f"'{n}"
        else:
            s = v.nhs_spaced(n)
        out.append(s)
    return out


EXCEL_EPOCH = _dt.date(1899, 12, 30)


def dob_serial(rng, rows):
    out = []
    for _ in range(rows):
        if rng.random() < 0.07:
            out.append(None)
            continue
        d = v.dob(rng)
        serial = (d - EXCEL_EPOCH).days
        out.append(f"{serial}.0" if rng.random() < 0.3 else str(serial))
    return out


def dialysis_run_id(rng, rows):
    return [v.failing_ten(rng, rng.choice("3456789")) for _ in range(rows)]


def feed_lot_number(rng, rows):
    out = []
    for _ in range(rows):
        n = v.failing_ten(rng, rng.choice("45678"))
        out.append(f"{n[:3]} {n[3:6]} {n[6:]}")
    return out


def ward_phone_ext(rng, rows):
    out = []
    for _ in range(rows):
        if rng.random() < 0.1:
            out.append(None)
            continue
        e = str(rng.choice([rng.randint(2000, 8999), rng.randint(40000, 69999)]))
        out.append(e + ".0" if rng.random() < 0.35 else e)
    return out


def _ean13(rng):
    body = "50" + "".join(str(rng.randint(0, 9)) for _ in range(10))
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def stock_ean(rng, rows):
    out = []
    for _ in range(rows):
        e = _ean13(rng)
        out.append(_sci(e, 6) if rng.random() < 0.6 else e)
    return out


def sensory_reg_ref(rng, rows):
    out = []
    for _ in range(rows):
        c = v.chi_failing(rng)
        out.append(c.lstrip("0") if rng.random() < 0.3 else c)
    return out


def cost_centre(rng, rows):
    return [f"{rng.choice([10, 11, 12, 40, 41])}{rng.randint(100, 999)}.0" for _ in range(rows)]
