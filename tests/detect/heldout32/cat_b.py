"""Category b: spreadsheet-damaged numbers and numeric look-alikes."""

import datetime as dt
import string

from . import values as v

EXCEL_EPOCH = dt.date(1899, 12, 30)


def _digits(rng, n):
    return "".join(rng.choice(string.digits) for _ in range(n))


def nhs_no(rng):
    if rng.random() < 0.06:
        return None
    n = v.nhs_number(rng)
    r = rng.random()
    if r < 0.6:
        return n + ".0"
    if r < 0.8:
        return v.sci(n)
    if r < 0.9:
        return f'="{n}"'
    return n


def chi_number(rng):
    if rng.random() < 0.05:
        return None
    c = v.chi_number(rng)
    shown = c.lstrip("0") if c.startswith("0") else c
    r = rng.random()
    if r < 0.5:
        return shown + ".0"
    if r < 0.6:
        return v.sci(shown, 4)
    return shown


def mobile_xlsx(rng):
    if rng.random() < 0.12:
        return None
    num = v.phone_digits(rng, 1.0)
    r = rng.random()
    if r < 0.45:
        return num[1:]
    if r < 0.7:
        return "44" + num[1:] + ".0"
    if r < 0.85:
        return v.sci(num[1:], 4)
    return num[1:] + ".0"


def uprn(rng):
    if rng.random() < 0.07:
        return None
    u = v.uprn(rng)
    r = rng.random()
    if r < 0.4:
        return u + ".0"
    if r < 0.75 and len(u) > 11:
        return v.sci(u)
    return u


def hosp_no_num(rng):
    if rng.random() < 0.05:
        return None
    h = "00" + _digits(rng, 5) if rng.random() < 0.5 else "0" + _digits(rng, 6)
    r = rng.random()
    if r < 0.45:
        return str(int(h))
    if r < 0.7:
        return str(int(h)) + ".0"
    if r < 0.85:
        return f'="{h}"'
    return h


def passport_no(rng):
    if rng.random() < 0.3:
        return None
    p = v.passport_number(rng)
    if rng.random() < 0.15:
        p = "0" + p[1:]
    r = rng.random()
    if r < 0.5:
        return str(int(p)) + ".0"
    if r < 0.7:
        return str(int(p))
    return p


def ni_no_spaced(rng):
    if rng.random() < 0.1:
        return None
    ni = v.ni_number(rng)
    r = rng.random()
    if r < 0.35:
        s = f"{ni[:2]} {ni[2:4]} {ni[4:6]} {ni[6:8]} {ni[8]}"
    elif r < 0.55:
        s = f"{ni[:2]}-{ni[2:8]}-{ni[8]}"
    elif r < 0.7:
        s = f"{ni[:2]}.{ni[2:4]}.{ni[4:6]}.{ni[6:8]}.{ni[8]}"
    elif r < 0.85:
        s = ni.lower()
    else:
        s = ni
    return s.ljust(16) if rng.random() < 0.5 else s


def tel_home(rng):
    if rng.random() < 0.25:
        return None
    num = v.phone_digits(rng, 0.0)
    r = rng.random()
    if r < 0.5:
        return num[1:]
    if r < 0.75:
        return num[1:] + ".0"
    if r < 0.9:
        return "'" + num
    return num


def dob_serial(rng):
    if rng.random() < 0.03:
        return None
    d = v.dob(rng)
    serial = (d - EXCEL_EPOCH).days
    return f"{serial}.0" if rng.random() < 0.3 else str(serial)


def device_serial(rng):
    s = v.mod11_fail(rng, rng.choice(["4", "5", "6", "7"]))
    return s + ".0" if rng.random() < 0.7 else s


def courier_tracking_no(rng):
    t = rng.choice(["15", "16"]) + _digits(rng, 12)
    r = rng.random()
    if r < 0.75:
        return v.sci(t)
    return t + ".0" if r < 0.9 else t


def consent_form_ver(rng):
    d = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randint(0, 3000))
    s = d.strftime("%Y%m%d")
    return s + ".0" if rng.random() < 0.6 else s


def sim_iccid(rng):
    if rng.random() < 0.04:
        return None
    i = "8944" + _digits(rng, 15)
    r = rng.random()
    if r < 0.6:
        return v.sci(i)
    if r < 0.8:
        return i[:15] + "0000.0"
    return i


def software_licence_no(rng):
    s = str(rng.randint(100000000, 999999999))
    return s + ".0" if rng.random() < 0.6 else s
