"""Category b: spreadsheet-damaged numerics and numeric look-alikes."""

from . import values as v


def _col(rng, rows, make, p_blank=0.05):
    return [None if rng.random() < p_blank else make(rng) for _ in range(rows)]


def nhs_no_float(rng, rows):
    def make(r):
        n = v.nhs_number(r)
        return v.float_text(n) if r.random() < 0.85 else n

    return _col(rng, rows, make, 0.04)


def nhs_number_xlsx(rng, rows):
    def make(r):
        n = v.nhs_number(r)
        x = r.random()
        if x < 0.45:
            return v.sci(n, r.choice([6, 6, 3]))
        if x < 0.6:
            return v.float_text(n)
        return n

    return _col(rng, rows, make, 0.06)


def patient_nhs_hash(rng, rows):
    def make(r):
        n = v.nhs_number(r)
        x = r.random()
        if x < 0.55:
            return v.thousands(n)
        if x < 0.8:
            return f"{n}.00"
        return f'"{v.thousands(n)}"' if x < 0.85 else n

    return _col(rng, rows, make, 0.05)


def chi_number_damaged(rng, rows):
    def make(r):
        n = v.chi_number(r)
        x = r.random()
        if n.startswith("0"):
            s = n.lstrip("0")
            return s + ".0" if x < 0.3 else s
        return n + ".0" if x < 0.3 else n

    return _col(rng, rows, make, 0.05)


def uprn_num(rng, rows):
    def make(r):
        n = v.uprn(r)
        x = r.random()
        if x < 0.4:
            return v.float_text(n)
        if x < 0.65:
            return v.sci(n, r.choice([6, 12]))
        return n

    return _col(rng, rows, make, 0.08)


def tel_home(rng, rows):
    def make(r):
        d = v.phone_digits(r)
        x = r.random()
        if x < 0.5:
            return d[1:]
        if x < 0.75:
            return d[1:] + ".0"
        if x < 0.85:
            return v.sci(d[1:], 6)
        return v.phone_pretty(d)

    return _col(rng, rows, make, 0.12)


def hospital_no_int(rng, rows):
    def make(r):
        n = f"{r.randint(0, 999999):07d}"
        x = r.random()
        if x < 0.6:
            return str(int(n))
        if x < 0.8:
            return f"{int(n)}.0"
        return n

    return _col(rng, rows, make, 0.03)


def dob_serial(rng, rows):
    def make(r):
        d = v.dob(r, 1930, 2015)
        s = v.excel_serial(d)
        x = r.random()
        if x < 0.7:
            return str(s)
        if x < 0.85:
            return f"{s}.0"
        return v.fmt_date(r, d, 0)

    return _col(rng, rows, make, 0.05)


def lims_specimen_id(rng, rows):
    def make(r):
        n = v.bad_mod11(r)
        return v.float_text(n) if r.random() < 0.4 else n

    return _col(rng, rows, make, 0.02)


def ris_accession(rng, rows):
    def make(r):
        n = v.bad_mod11(r, r.choice("45678"))
        return v.sci(n) if r.random() < 0.35 else n

    return _col(rng, rows, make, 0.02)


def theatre_case_ref(rng, rows):
    def make(r):
        n = v.bad_mod11(r, r.choice("456789"))
        sep = r.choice([" ", " ", "-"])
        return f"{n[:3]}{sep}{n[3:6]}{sep}{n[6:]}"

    return _col(rng, rows, make, 0.03)


def batch_date_code(rng, rows):
    def make(r):
        n = v.bad_chi(r)
        return n if r.random() < 0.8 else f"{n[:6]}-{n[6:]}"

    return _col(rng, rows, make, 0.03)


def invoice_total_pence(rng, rows):
    def make(r):
        n = str(r.randint(1500, 99999999))
        x = r.random()
        if x < 0.5:
            return v.thousands(n)
        if x < 0.7:
            return v.sci(n)
        return n

    return _col(rng, rows, make, 0.02)


def ext_no(rng, rows):
    def make(r):
        n = r.randint(2000, 69999)
        return f"{n}.0" if r.random() < 0.6 else str(n)

    return _col(rng, rows, make, 0.1)
