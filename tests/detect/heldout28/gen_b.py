"""Category b: spreadsheet damage and numeric look-alikes."""

from . import values as v


def _blank(rng, rate, value):
    return v.maybe_blank(rng, rate, value)


def pas_nhs_no(rng, rows):
    out = []
    for _ in range(rows):
        n = v.nhs_number(rng)
        out.append(_blank(rng, 0.03, n + ".0" if rng.random() < 0.85 else n))
    return out


def nhs_no_xlsx(rng, rows):
    out = []
    for _ in range(rows):
        n = v.nhs_number(rng)
        r = rng.random()
        if r < 0.55:
            val = v.sci(n, rng.choice([2, 2, 3, 5]))
        elif r < 0.7:
            val = v.sci(n).replace("E+", "e+")
        else:
            val = n
        out.append(_blank(rng, 0.04, val))
    return out


def chi_num(rng, rows):
    out = []
    for _ in range(rows):
        c = v.chi_number(rng)
        val = c.lstrip("0") if c.startswith("0") else c
        if rng.random() < 0.2:
            val += ".0"
        out.append(_blank(rng, 0.03, val))
    return out


def uprn_home(rng, rows):
    out = []
    for _ in range(rows):
        u = v.uprn(rng)
        r = rng.random()
        val = u + ".0" if r < 0.5 else (v.sci(u, 5) if r < 0.7 and len(u) > 10 else u)
        out.append(_blank(rng, 0.05, val))
    return out


def contact_tel_numeric(rng, rows):
    out = []
    for _ in range(rows):
        digits, _display = v.phone_parts(rng)
        r = rng.random()
        if r < 0.5:
            val = digits[1:]
        elif r < 0.65:
            val = "44" + digits[1:]
        elif r < 0.75:
            val = "+44" + digits[1:]
        elif r < 0.85:
            val = digits[1:] + ".0"
        elif r < 0.92:
            val = v.sci(digits[1:], 4)
        else:
            val = digits
        out.append(_blank(rng, 0.06, val))
    return out


def hosp_no_int(rng, rows):
    out = []
    for _ in range(rows):
        raw = f"{rng.randint(0, 1999999):07d}"
        val = str(int(raw))
        if rng.random() < 0.4:
            val += ".0"
        elif rng.random() < 0.15:
            val = raw
        out.append(_blank(rng, 0.02, val))
    return out


def birth_serial(rng, rows):
    out = []
    for _ in range(rows):
        d = v.date_of_birth(rng)
        val = str(v.excel_serial(d))
        if rng.random() < 0.2:
            val += ".0"
        out.append(_blank(rng, 0.04, val))
    return out


def nhs_num_sep(rng, rows):
    out = []
    for _ in range(rows):
        n = v.nhs_number(rng)
        r = rng.random()
        if r < 0.45:
            val = f"{int(n):,}"
        elif r < 0.7:
            val = f"{n[:3]}-{n[3:6]}-{n[6:]}"
        elif r < 0.85:
            val = f"{n[:3]}.{n[3:6]}.{n[6:]}"
        else:
            val = f"{int(n):,}.00"
        out.append(_blank(rng, 0.03, val))
    return out


def bed_request_id(rng, rows):
    return [_blank(rng, 0.02, v.failing_ten(rng, "4") + ".0") for _ in range(rows)]


def specimen_barcode_no(rng, rows):
    out = []
    for _ in range(rows):
        t = v.failing_ten(rng, rng.choice(["6", "7", "9"]))
        val = f"{t[:3]} {t[3:6]} {t[6:]}" if rng.random() < 0.4 else t
        out.append(_blank(rng, 0.03, val))
    return out


def volume_barcode(rng, rows):
    out = []
    for _ in range(rows):
        n = str(rng.randint(10**10, 10**12 - 1))
        val = v.sci(n, rng.choice([2, 4, 5])) if rng.random() < 0.6 else n
        out.append(_blank(rng, 0.02, val))
    return out


def porter_job_number(rng, rows):
    out = []
    for _ in range(rows):
        d = v.date_of_birth(rng, 2023, 2024)
        while True:
            t = d.strftime("%Y%m%d") + f"{rng.randint(0, 99):02d}"
            if not v.mod11_valid(t):
                break
        out.append(_blank(rng, 0.01, t))
    return out


def permit_serial(rng, rows):
    out = []
    for _ in range(rows):
        raw = f"{rng.randint(0, 99999):06d}"
        val = str(int(raw)) + (".0" if rng.random() < 0.3 else "")
        out.append(_blank(rng, 0.1, val))
    return out


def mortuary_register_no(rng, rows):
    out = []
    for _ in range(rows):
        c = v.chi_lookalike(rng)
        val = c.lstrip("0") if rng.random() < 0.5 else c
        out.append(_blank(rng, 0.02, val))
    return out
