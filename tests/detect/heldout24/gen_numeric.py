"""Category b: spreadsheet-damaged numbers and numeric look-alikes."""

import datetime as _dt

from . import values as v


def _rows(rng, rows, make, p_blank):
    return [None if rng.random() < p_blank else make(rng) for _ in range(rows)]


def nhs_no(rng, rows):
    def make(r):
        n = v.nhs_number(r)
        return n + ".0" if r.random() < 0.55 else n

    return _rows(rng, rows, make, 0.12)


def chi_no(rng, rows):
    def make(r):
        n = v.chi_number(r)
        n = n.lstrip("0") if r.random() < 0.8 else n
        return n + ".0" if r.random() < 0.3 else n

    return _rows(rng, rows, make, 0.08)


def uprn(rng, rows):
    def make(r):
        n = int(v.uprn(r))
        x = r.random()
        if x < 0.45 and n >= 10**11:
            return v.sci(n, r.choice([6, 6, 8]))
        if x < 0.75:
            return f"{n}.0"
        return str(n)

    return _rows(rng, rows, make, 0.05)


def tel_mobile(rng, rows):
    def make(r):
        d = v.phone_digits(v.phone(r, mobile=True))
        x = r.random()
        if x < 0.4:
            return d[1:]
        if x < 0.6:
            return "44" + d[1:]
        if x < 0.75:
            return v.sci(int("44" + d[1:]), 5)
        if x < 0.9:
            return d[1:] + ".0"
        return d

    return _rows(rng, rows, make, 0.2)


def pas_mrn(rng, rows):
    def make(r):
        n = "00" + "".join(r.choice("0123456789") for _ in range(5))
        if r.random() < 0.3:
            n = "0" + "".join(r.choice("0123456789") for _ in range(6))
        stripped = n.lstrip("0") or "0"
        x = r.random()
        if x < 0.5:
            return stripped
        if x < 0.8:
            return stripped + ".0"
        return n

    return _rows(rng, rows, make, 0.04)


def tel_home(rng, rows):
    def make(r):
        p = v.phone(r, mobile=False)
        d = v.phone_digits(p)
        x = r.random()
        if x < 0.35:
            return d[1:]
        if x < 0.55:
            return d[1:] + ".0"
        if x < 0.75:
            return " " + p[1:] + "  "
        return p

    return _rows(rng, rows, make, 0.3)


def dob_serial(rng, rows):
    def make(r):
        s = str(v.excel_serial(v.dob(r, 1930, 2007)))
        return s + ".0" if r.random() < 0.35 else s

    return _rows(rng, rows, make, 0.03)


def ctax_account(rng, rows):
    def make(r):
        n = v.mod11_invalid(r, r.choice(["5", "6", "3"]))
        return n + ".0" if r.random() < 0.4 else n

    return _rows(rng, rows, make, 0.01)


def hb_claim_ref(rng, rows):
    def make(r):
        n = f"{r.randint(1, 9_999_999):08d}"
        s = n.lstrip("0")
        return s + ".0" if r.random() < 0.4 else s

    return _rows(rng, rows, make, 0.02)


def nndr_property_ref(rng, rows):
    def make(r):
        n = r.randint(10**10, 10**14 - 1)
        x = r.random()
        if x < 0.35 and n >= 10**11:
            return v.sci(n, 6)
        if x < 0.6:
            return f"{n}.0"
        return f"{n:014d}" if r.random() < 0.5 else str(n)

    return _rows(rng, rows, make, 0.05)


def sort_code(rng, rows):
    def make(r):
        a, b, c = r.randint(1, 40), r.randint(1, 99), r.randint(1, 99)
        x = r.random()
        if x < 0.35 and 1 <= a <= 31 and 1 <= b <= 12:
            return f"{a:02d}/{b:02d}/20{c:02d}"
        if x < 0.6:
            return f"{a:02d}{b:02d}{c:02d}".lstrip("0")
        return f"{a:02d}-{b:02d}-{c:02d}"

    return _rows(rng, rows, make, 0.1)


def debt_case_id(rng, rows):
    def make(r):
        n = r.randint(10**14, 10**15 - 1)
        return v.sci(n, 6) if r.random() < 0.7 else str(n)

    return _rows(rng, rows, make, 0.02)


def voucher_barcode(rng, rows):
    def make(r):
        body = "50" + "".join(r.choice("0123456789") for _ in range(10))
        total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
        code = body + str((10 - total % 10) % 10)
        return v.sci(int(code), 6) if r.random() < 0.5 else code

    return _rows(rng, rows, make, 0.03)


def award_date_serial(rng, rows):
    base = _dt.date(2023, 1, 1)

    def make(r):
        d = base + _dt.timedelta(days=r.randint(0, 1000))
        s = str(v.excel_serial(d))
        return s + ".0" if r.random() < 0.3 else s

    return _rows(rng, rows, make, 0.04)
