"""Category b: identifiers damaged by spreadsheets, and numeric look-alikes."""

import random

from . import values as v


def _sci(digits: str, sig: int) -> str:
    """Excel-style scientific notation, e.g. 9.434765919E+09."""
    mant = f"{digits[0]}.{digits[1:sig]}".rstrip("0").rstrip(".")
    return f"{mant}E+{len(digits) - 1:02d}"


def _blanks(rng, out, frac):
    for i in rng.sample(range(len(out)), round(len(out) * frac)):
        out[i] = None
    return out


def nhs_float(rng: random.Random, rows: int):
    out = []
    for _ in range(rows):
        n = v.nhs_number(rng)
        r = rng.random()
        if r < 0.55:
            out.append(n + ".0")
        elif r < 0.75:
            out.append(_sci(n, 10))
        elif r < 0.85:
            out.append("'" + n)
        else:
            out.append(n)
    return _blanks(rng, out, 0.03)


def chi_lost_zero(rng, rows):
    out = []
    for _ in range(rows):
        c = v.chi_number(rng)
        s = c.lstrip("0") if rng.random() < 0.9 else c
        if rng.random() < 0.3:
            s += ".0"
        out.append(s)
    return _blanks(rng, out, 0.04)


def mobile_lost_zero(rng, rows):
    out = []
    for _ in range(rows):
        d = v.phone_digits(rng, mobile=True)
        r = rng.random()
        if r < 0.5:
            out.append(d[1:])
        elif r < 0.75:
            out.append(d[1:] + ".0")
        elif r < 0.85:
            out.append(_sci(d[1:], 6))
        else:
            out.append("44" + d[1:])
    return _blanks(rng, out, 0.15)


def uprn_sci(rng, rows):
    out = []
    for _ in range(rows):
        u = v.uprn(rng)
        r = rng.random()
        if r < 0.4:
            out.append(_sci(u, 6))
        elif r < 0.8:
            out.append(u + ".0")
        else:
            out.append(u)
    return _blanks(rng, out, 0.08)


def hosp_numeric(rng, rows):
    out = []
    for _ in range(rows):
        n = f"{rng.randint(0, 9999999):08d}"
        r = rng.random()
        if r < 0.6:
            out.append(str(int(n)))
        elif r < 0.85:
            out.append(str(int(n)) + ".0")
        else:
            out.append(n)
    return out


def nhs_separators(rng, rows):
    out = []
    for _ in range(rows):
        n = v.nhs_number(rng)
        a, b, c = n[:3], n[3:6], n[6:]
        out.append(
            rng.choice(
                [
                    f"{a}-{b}-{c}",
                    f"{a} {b} {c}",
                    f"{a}.{b}.{c}",
                    f"{a}\u00a0{b}\u00a0{c}",
                    f"{a} {b} {c} ",
                    f"{a}/{b}/{c}",
                ]
            )
        )
    return _blanks(rng, out, 0.05)


def landline_damaged(rng, rows):
    out = []
    for _ in range(rows):
        d = v.phone_digits(rng, mobile=False)
        r = rng.random()
        if r < 0.4:
            out.append(d[1:] + ".0")
        elif r < 0.7:
            out.append(f"+44 (0){v.phone_display(d)[1:]}")
        elif r < 0.85:
            out.append(d[1:])
        else:
            out.append("0044" + d[1:])
    return _blanks(rng, out, 0.2)


def order_no(rng, rows):
    out = []
    for _ in range(rows):
        n = v.invalid_ten(rng, first="123456789")
        out.append(n + ".0" if rng.random() < 0.4 else n)
    return out


def sample_barcode(rng, rows):
    out = []
    for _ in range(rows):
        n = v.invalid_ten(rng, first="3456789")
        out.append(_sci(n, 10) if rng.random() < 0.3 else n)
    return out


def sms_msg_id(rng, rows):
    out = []
    for _ in range(rows):
        digits = str(rng.randint(10**13, 10**15 - 1))
        out.append(_sci(digits, rng.choice([6, 9, 12])))
    return out


def repeat_template_id(rng, rows):
    return [f"{rng.randint(10**10, 10**11 - 1)}.0" for _ in range(rows)]


def gp2gp_conv_seq(rng, rows):
    out = []
    for _ in range(rows):
        n = v.invalid_ten(rng)
        out.append(f"{n[:3]} {n[3:6]} {n[6:]}")
    return out


def pcse_payment_ref(rng, rows):
    out = []
    for _ in range(rows):
        n = f"{rng.randint(0, 99999999):010d}"
        while v.mod11_valid(n):
            n = f"{rng.randint(0, 99999999):010d}"
        out.append(str(int(n)) if rng.random() < 0.8 else n)
    return out


def run_ref(rng, rows):
    return [v.chi_invalid(rng) for _ in range(rows)]
