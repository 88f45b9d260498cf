"""Category b: spreadsheet damage and numeric look-alikes."""

from . import values as v


def _col(rng, rows, make, blank=0.04):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def nhs_dot0(rng, rows):
    return _col(
        rng, rows, lambda r: v.nhs_number(r) + ".0" if r.random() < 0.8 else v.nhs_number(r)
    )


def nhs_sci(rng, rows):
    def make(r):
        n = v.nhs_number(r)
        return v.sci(n) if r.random() < 0.35 else n

    return _col(rng, rows, make)


def chi_lost_zero(rng, rows):
    def make(r):
        c = v.chi_number(r)
        out = c.lstrip("0")
        return out + ".0" if r.random() < 0.15 else out

    return _col(rng, rows, make)


def mobile_lost_zero(rng, rows):
    def make(r):
        n = v.phone(r)
        x = r.random()
        if x < 0.5:
            return n[1:]
        if x < 0.75:
            return n[1:] + ".0"
        if x < 0.85:
            return "44" + n[1:]
        return n

    return _col(rng, rows, make, blank=0.12)


def uprn_float(rng, rows):
    def make(r):
        u = v.uprn(r)
        x = r.random()
        if x < 0.4:
            return u + ".0"
        if x < 0.7 and len(u) > 11:
            return v.sci(u)
        return u

    return _col(rng, rows, make)


def hosp_numeric(rng, rows):
    def make(r):
        n = f"{r.randint(0, 9999999):08d}"
        x = r.random()
        if x < 0.5:
            return str(int(n))
        if x < 0.7:
            return str(int(n)) + ".0"
        return n

    return _col(rng, rows, make)


def nhs_text(rng, rows):
    def make(r):
        n = v.nhs_number(r)
        x = r.randrange(6)
        if x == 0:
            return f'="{n}"'
        if x == 1:
            return "'" + n
        if x == 2:
            return f"{n[:3]}-{n[3:6]}-{n[6:]}"
        if x == 3:
            return f"{n[:3]}.{n[3:6]}.{n[6:]}"
        if x == 4:
            return f"{n[:3]} {n[3:6]} {n[6:]}"
        return n

    return _col(rng, rows, make)


def ecm_call_ref(rng, rows):
    def make(r):
        n = v.mod11_failing(r, lead=str(r.randint(4, 7)))
        return n + ".0" if r.random() < 0.3 else n

    return _col(rng, rows, make, blank=0.0)


def timesheet_batch(rng, rows):
    def make(r):
        n = v.mod11_failing(r, lead=str(r.randint(1, 9)))
        return v.sci(n) if r.random() < 0.4 else n

    return _col(rng, rows, make, blank=0.02)


def charity_no(rng, rows):
    def make(r):
        x = r.random()
        if x < 0.55:
            return str(r.randint(1000000, 1209999)) + (".0" if r.random() < 0.4 else "")
        if x < 0.8:
            return f"SC0{r.randint(10000, 54999)}"
        if x < 0.9:
            return f"{r.randint(200000, 1209999)}-{r.randint(1, 9)}"
        return str(r.randint(200000, 999999))

    return _col(rng, rows, make, blank=0.08)


def _luhn_complete(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def imei(rng, rows):
    def make(r):
        tac = r.choice(["35209900", "35875906", "86769104", "35332811", "49015420"])
        n = _luhn_complete(tac + "".join(str(r.randint(0, 9)) for _ in range(6)))
        return v.sci(n) if r.random() < 0.7 else n

    return _col(rng, rows, make, blank=0.05)


def dob_excel(rng, rows):
    def make(r):
        s = str(v.excel_serial(v.dob(r, 1921, 1965)))
        return s + ".0" if r.random() < 0.2 else s

    return _col(rng, rows, make, blank=0.06)


def grant_ref_numeric(rng, rows):
    def make(r):
        n = str(r.randint(100000000, 999999999))
        return n + ".0" if r.random() < 0.6 else n

    return _col(rng, rows, make, blank=0.03)


def cqc_location_id(rng, rows):
    def make(r):
        while True:
            body = "10" + f"{r.randint(0, 99999999):08d}"
            if not v.mod11_valid(body):
                break
        x = r.random()
        if x < 0.7:
            return f"1-{body}"
        return body

    return _col(rng, rows, make, blank=0.02)
