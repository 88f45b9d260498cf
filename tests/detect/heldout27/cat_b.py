"""Category b: spreadsheet-damaged numeric identifiers and numeric look-alikes."""

from . import values as v


def _sci(digits: str, places: int) -> str:
    mant = f"{int(digits) / 10 ** (len(digits) - 1):.{places}f}".rstrip("0").rstrip(".")
    return f"{mant}E+{len(digits) - 1:02d}"


def _each(rng, rows, fn, p_blank=0.03):
    return [None if rng.random() < p_blank else fn(rng) for _ in range(rows)]


def nhs_no_float(rng, rows):
    return _each(rng, rows, lambda r: v.nhs_number(r) + ".0")


def nhs_number_xlsx(rng, rows):
    def one(r):
        n = v.nhs_number(r)
        k = r.random()
        if k < 0.45:
            return n
        if k < 0.8:
            return n + ".0"
        if k < 0.9:
            return f"{int(n):.9E}".replace("E+0", "E+")  # exact mantissa, 9 places
        return _sci(n, r.choice([2, 5]))

    return _each(rng, rows, one)


def chi_lost_zero(rng, rows):
    def one(r):
        c = v.chi_number(r)
        s = str(int(c))
        return s + ".0" if r.random() < 0.25 else s

    return _each(rng, rows, one)


def tel_lost_zero(rng, rows):
    def one(r):
        d = v.phone_digits(r, mobile=r.random() < 0.55)
        s = d[1:]
        return s + ".0" if r.random() < 0.3 else s

    return _each(rng, rows, one, p_blank=0.12)


def uprn_damaged(rng, rows):
    def one(r):
        u = v.uprn(r)
        k = r.random()
        if k < 0.5:
            return u + ".0"
        if k < 0.75:
            return u
        return _sci(u, r.choice([2, 4, 6]))

    return _each(rng, rows, one, p_blank=0.06)


def hospital_no_lost_zeros(rng, rows):
    def one(r):
        n = f"{r.randint(0, 99999999):08d}"
        if r.random() < 0.6:
            n = "00" + n[2:]
        return str(int(n)) if r.random() < 0.85 else n

    return _each(rng, rows, one)


def nino_separators(rng, rows):
    def one(r):
        n = v.ni_number(r)
        k = r.randint(0, 5)
        if k == 0:
            return f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}"
        if k == 1:
            return f"{n[:2]}-{n[2:8]}-{n[8]}".lower()
        if k == 2:
            return n.lower()
        if k == 3:
            return f"{n[:2]} {n[2:8]} {n[8]}"
        if k == 4:
            return f"{n[:2]}.{n[2:4]}.{n[4:6]}.{n[6:8]}.{n[8]}"
        return n

    return _each(rng, rows, one, p_blank=0.08)


def haf_voucher_serial(rng, rows):
    return _each(rng, rows, lambda r: v.mod11_fail(r, first=str(r.randint(3, 9))) + ".0")


def school_urn(rng, rows):
    return _each(rng, rows, lambda r: f"{r.randint(100000, 149999)}.0")


def grant_total_gbp(rng, rows):
    def one(r):
        amt = r.choice([r.randint(50, 999), r.randint(1000, 99999), r.randint(100000, 9_999_999)])
        k = r.random()
        if k < 0.3 and amt >= 100000:
            return _sci(str(amt), 2)
        if k < 0.6:
            return f"{amt}.{r.randint(0, 99):02d}"
        return f"{amt}.0"

    return _each(rng, rows, one)


def estab_no(rng, rows):
    return _each(
        rng, rows, lambda r: f"{r.choice([383, 380, 352, 660, 681, 926])}{r.randint(1000, 7999)}"
    )


def session_datecode(rng, rows):
    return _each(rng, rows, lambda r: v.chi_fail(r))


def room_ext(rng, rows):
    return _each(rng, rows, lambda r: f"{r.randint(2000, 8999)}.0")


def invoice_no(rng, rows):
    def one(r):
        n = str(r.randint(100000000000, 999999999999))
        n = "3" + n[1:] if r.random() < 0.5 else n
        return _sci(n, r.choice([2, 5])) if r.random() < 0.5 else n + ".0"

    return _each(rng, rows, one)
