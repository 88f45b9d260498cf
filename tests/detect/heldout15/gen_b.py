"""Category b: numeric identifiers damaged by spreadsheets, and numeric look-alikes."""

import string

from . import values as v


def _col(rng, rows, maker, blank=0.05):
    return [None if rng.random() < blank else maker(rng) for _ in range(rows)]


def payroll_nhs_no(rng, rows):
    def one(r):
        n = v.nhs_number(r)
        x = r.random()
        if x < 0.6:
            return n + ".0"
        if x < 0.8:
            return v.as_sci(n, 10)
        return n

    return _col(rng, rows, one)


def claimant_nhs_number_xl(rng, rows):
    def one(r):
        n = v.nhs_number(r)
        return v.as_sci(n, r.choice([6, 7, 7])) if r.random() < 0.75 else n

    return _col(rng, rows, one)


def bus_pass_holder_tel(rng, rows):
    def one(r):
        _, _, digits = v.phone_digits(r)
        s = digits[1:]
        x = r.random()
        if x < 0.3:
            return s + ".0"
        if x < 0.45:
            return "44" + s
        if x < 0.55:
            return digits
        return s

    return _col(rng, rows, one, 0.12)


def chi_no(rng, rows):
    def one(r):
        c = v.chi_number(r)
        s = c.lstrip("0")
        return s + ".0" if r.random() < 0.3 else s

    return _col(rng, rows, one)


def property_uprn(rng, rows):
    def one(r):
        u = v.uprn(r)
        x = r.random()
        if x < 0.45:
            return u + ".0"
        if x < 0.75:
            return v.as_sci(u, 6)
        return u

    return _col(rng, rows, one)


def hosp_no_numeric(rng, rows):
    def one(r):
        s = "00" + "".join(r.choice(string.digits) for _ in range(5))
        if r.random() < 0.5:
            s = "0" + "".join(r.choice(string.digits) for _ in range(6))
        return s.lstrip("0") or "0"

    return _col(rng, rows, one)


def passport_no_xl(rng, rows):
    def one(r):
        p = v.passport_number(r)
        x = r.random()
        if x < 0.5:
            return f"{int(p):,}"
        if x < 0.75:
            return p + ".0"
        return p

    return _col(rng, rows, one, 0.2)


def invoice_no(rng, rows):
    def one(r):
        s = v.nhs_invalid(r, "12345")
        return s + ".0" if r.random() < 0.7 else s

    return _col(rng, rows, one, 0.02)


def dhp_award_gbp(rng, rows):
    def one(r):
        amt = r.choice([r.randint(20, 400), r.randint(400, 3500)]) + r.choice(
            [0, 0, 0.5, 0.25, 0.99]
        )
        x = r.random()
        if x < 0.35:
            return f"{amt:,.2f}"
        if x < 0.55:
            return f"£{amt:,.0f}"
        if x < 0.7:
            return f"{amt:.3E}"
        if x < 0.8:
            return f"({amt:,.2f})"
        return f"{amt}"

    return _col(rng, rows, one, 0.1)


def order_ref_10d(rng, rows):
    def one(r):
        s = v.nhs_invalid(r, "3456789")
        return f"{s[:3]} {s[3:6]} {s[6:]}" if r.random() < 0.8 else s

    return _col(rng, rows, one, 0.03)


def cemetery_plot_no(rng, rows):
    def one(r):
        s = f"{r.randint(1, 9999):06d}"
        x = r.random()
        if x < 0.5:
            return s.lstrip("0") + ".0"
        if x < 0.8:
            return s.lstrip("0")
        return s

    return _col(rng, rows, one, 0.04)


def payroll_cost_centre(rng, rows):
    centres = [str(rng.randint(100000, 99999999)) for _ in range(60)]

    def one(r):
        c = r.choice(centres)
        return c + ".0" if r.random() < 0.6 else c

    return _col(rng, rows, one, 0.01)


def food_sample_barcode(rng, rows):
    def one(r):
        s = str(r.randint(100_000_000_000, 999_999_999_999))
        if s.startswith("1000"):
            s = "2" + s[1:]
        return v.as_sci(s, 6) if r.random() < 0.4 else s

    return _col(rng, rows, one, 0.05)


def staff_bank_assignment_no(rng, rows):
    def one(r):
        s = str(r.randint(100_000_000, 999_999_999))
        return s + ".0" if r.random() < 0.4 else s

    return _col(rng, rows, one, 0.05)
