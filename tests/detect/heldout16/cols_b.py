"""Category b: numeric identifiers damaged by spreadsheets, and numeric look-alikes."""

import datetime as dt

from . import values as v


def _maybe_blank(rng, value, p=0.03):
    return None if rng.random() < p else value


def sci(digits: str, sig: int = 6) -> str:
    """Excel-style scientific notation, e.g. 9.43477E+09."""
    mant = f"{float(digits):.{sig - 1}E}"
    num, exp = mant.split("E")
    num = num.rstrip("0").rstrip(".")
    return f"{num}E+{int(exp):02d}"


def nhs_no_dotzero(rng, rows):
    out = []
    for _ in range(rows):
        n = v.nhs_number(rng)
        out.append(_maybe_blank(rng, n + ".0" if rng.random() < 0.5 else n))
    return out


def nhs_number_xlsx(rng, rows):
    out = []
    for _ in range(rows):
        n = v.nhs_number(rng)
        out.append(_maybe_blank(rng, sci(n) if rng.random() < 0.33 else n))
    return out


def chi_lost_zero(rng, rows):
    out = []
    for _ in range(rows):
        c = v.chi_number(rng)
        c = c.lstrip("0")
        if rng.random() < 0.2:
            c += ".0"
        out.append(_maybe_blank(rng, c))
    return out


def uprn_num(rng, rows):
    out = []
    for _ in range(rows):
        u = v.uprn(rng)
        r = rng.random()
        if r < 0.4:
            u = u + ".0"
        elif r < 0.6:
            u = sci(u, 6)
        out.append(_maybe_blank(rng, u, 0.1))
    return out


def contact_tel(rng, rows):
    out = []
    for _ in range(rows):
        p = v.phone_digits(rng)
        r = rng.random()
        if r < 0.55:
            p = p[1:]
        elif r < 0.7:
            p = sci(p[1:], 5)
        elif r < 0.8:
            p = p[1:] + ".0"
        out.append(_maybe_blank(rng, p, 0.08))
    return out


def hosp_no(rng, rows):
    out = []
    for _ in range(rows):
        h = str(rng.randint(1, 2_999_999)).zfill(7)
        r = rng.random()
        if r < 0.5:
            h = h.lstrip("0")
        elif r < 0.65:
            h = h.lstrip("0") + ".0"
        out.append(_maybe_blank(rng, h))
    return out


def nhs_number_separators(rng, rows):
    out = []
    for _ in range(rows):
        n = v.nhs_number(rng)
        sep = rng.choice(["-", ".", " ", "/", "", " - "])
        out.append(_maybe_blank(rng, f"{n[:3]}{sep}{n[3:6]}{sep}{n[6:]}"))
    return out


def dob_excel(rng, rows):
    base = dt.date(1899, 12, 30)
    out = []
    for _ in range(rows):
        serial = (v.dob(rng) - base).days
        s = str(serial) + (".0" if rng.random() < 0.3 else "")
        out.append(_maybe_blank(rng, s, 0.05))
    return out


def cpap_device_serial(rng, rows):
    return [
        _maybe_blank(rng, v.mod11_failing(rng, rng.choice(["2", "3", "4"]))) for _ in range(rows)
    ]


def inhaler_batch_no(rng, rows):
    out = []
    for _ in range(rows):
        b = v.mod11_failing(rng, rng.choice(["5", "6", "7", "8"]))
        out.append(_maybe_blank(rng, b + ".0" if rng.random() < 0.4 else b))
    return out


def factor_viii_lot_number(rng, rows):
    out = []
    for _ in range(rows):
        b = v.mod11_failing(rng, "9")
        out.append(_maybe_blank(rng, sci(b) if rng.random() < 0.3 else b))
    return out


def insulin_pump_serial(rng, rows):
    return [_maybe_blank(rng, v.chi_lookalike(rng)) for _ in range(rows)]


def cdc_accession_no(rng, rows):
    out = []
    for _ in range(rows):
        b = v.mod11_failing(rng, rng.choice(["4", "6", "8"]))
        out.append(_maybe_blank(rng, b + ".0" if rng.random() < 0.25 else b))
    return out


def oximetry_epoch(rng, rows):
    out = []
    for _ in range(rows):
        while True:
            secs = str(rng.randint(1_672_531_200, 1_767_225_599))
            if not v.mod11_valid(secs):
                break
        if rng.random() < 0.35:
            secs = secs + str(rng.randint(0, 999)).zfill(3)
        out.append(_maybe_blank(rng, secs))
    return out
