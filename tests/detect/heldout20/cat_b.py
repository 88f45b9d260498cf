"""Category b: numbers damaged by spreadsheets, and numeric look-alikes."""

import datetime as _dt

from . import values as vl


def _fill(rng, rows, make, blank=0.04):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def nhs_no(rng, rows):
    def make(r):
        n = vl.nhs_number(r)
        c = r.random()
        if c < 0.35:
            return n + ".0"
        if c < 0.55:
            return vl.sci(n)
        if c < 0.65:
            return f"{int(n):.2E}"
        return n

    return _fill(rng, rows, make)


def chi_number(rng, rows):
    def make(r):
        d = vl.birth_date(r, 1930, 2023)
        if r.random() < 0.5:  # force a day 01-09 so the leading zero can be lost
            d = d.replace(day=r.randint(1, 9))
        n = vl.chi_number(r, d)
        c = r.random()
        if n.startswith("0") and c < 0.7:
            return n.lstrip("0") + (".0" if r.random() < 0.3 else "")
        if c < 0.85:
            return n + ".0"
        return n

    return _fill(rng, rows, make)


def ffon_symudol(rng, rows):
    def make(r):
        n = "07700900" + f"{r.randint(0, 999):03d}"
        c = r.random()
        if c < 0.4:
            return n[1:]
        if c < 0.55:
            return vl.sci(n[1:], 5)
        if c < 0.7:
            return "44" + n[1:] + ".0"
        if c < 0.85:
            return "+44 " + n[1:5] + " " + n[5:]
        return n

    return _fill(rng, rows, make, 0.08)


def uprn(rng, rows):
    def make(r):
        u = vl.uprn(r)
        c = r.random()
        if c < 0.4:
            return u + ".0"
        if c < 0.65:
            return vl.sci(u)
        if c < 0.75:
            return u.zfill(12)
        return u

    return _fill(rng, rows, make)


def jhss_urn(rng, rows):
    def make(r):
        n = f"{r.randint(1, 999999):08d}"
        c = r.random()
        if c < 0.5:
            return str(int(n))
        if c < 0.7:
            return str(int(n)) + ".0"
        if c < 0.85:
            return "URN " + n
        return n

    return _fill(rng, rows, make)


def passport_no(rng, rows):
    def make(r):
        p = vl.uk_passport(r)
        if r.random() < 0.25:
            p = "0" + p[1:]
        c = r.random()
        if c < 0.35:
            return vl.sci(p)
        if c < 0.6:
            return str(int(p))
        if c < 0.7:
            return str(int(p)) + ".0"
        return p

    return _fill(rng, rows, make, 0.15)


def nhs_no_txt(rng, rows):
    def make(r):
        n = vl.nhs_number(r)
        c = r.randrange(7)
        return [
            f"{n[:3]}-{n[3:6]}-{n[6:]}",
            f"{n[:3]}.{n[3:6]}.{n[6:]}",
            "'" + n,
            f"{n[:3]}/{n[3:6]}/{n[6:]}",
            f"{n[:3]}_{n[3:6]}_{n[6:]}",
            " " + n + " ",
            f"{n[:3]} {n[3:6]} {n[6:]}",
        ][c]

    return _fill(rng, rows, make)


def rhif_archeb(rng, rows):
    def make(r):
        n = vl.invalid_ten(r, r.choice(["4", "6", "7", "9"]))
        return n + ".0" if r.random() < 0.5 else n

    return _fill(rng, rows, make)


def specimen_barcode(rng, rows):
    def make(r):
        n = vl.invalid_ten(r, r.choice(["4", "9", "6"]))
        return vl.sci(n) if r.random() < 0.3 else n

    return _fill(rng, rows, make)


def slot_id(rng, rows):
    def make(r):
        d = _dt.date(2023, 1, 1) + _dt.timedelta(days=r.randint(0, 900))
        while True:
            mins = r.choice(["00", "10", "15", "20", "30", "40", "45", "50"])
            s = d.strftime("%d%m%y") + f"{r.randint(8, 17):02d}{mins}"
            if not vl.mod11_valid(s):
                return s
            d = d + _dt.timedelta(days=1)

    return _fill(rng, rows, make)


def amount_claimed_eur(rng, rows):
    def make(r):
        v = round(r.lognormvariate(7, 1.4), 2)
        c = r.random()
        if c < 0.3:
            return f"{round(v)}.0"
        if c < 0.4 and v > 100000:
            return vl.sci(str(int(v)))
        if c < 0.6:
            return f"{v:.2f}".replace(".", ",")
        return f"{v:.2f}"

    return _fill(rng, rows, make)


def grid_easting_m(rng, rows):
    def make(r):
        e = r.randint(80000, 420000)
        return f"{e}.0" if r.random() < 0.6 else str(e)

    return _fill(rng, rows, make)


def snomed_ct(rng, rows):
    def make(r):
        length = r.choice([6, 7, 8, 9, 9, 9, 15, 16, 17, 18])
        body = str(r.randint(1, 9)) + "".join(r.choice(vl.DIGITS) for _ in range(length - 2))
        n = vl.luhn_complete(body)  # stand-in check digit; never 10 digits
        return vl.sci(n) if length >= 15 and r.random() < 0.6 else n

    return _fill(rng, rows, make)


def bleep_ext(rng, rows):
    def make(r):
        c = r.random()
        if c < 0.4:
            return f"{r.randint(1000, 9999)}.0"
        if c < 0.7:
            return str(r.randint(100, 999))
        return str(r.randint(40000, 49999))

    return _fill(rng, rows, make)
