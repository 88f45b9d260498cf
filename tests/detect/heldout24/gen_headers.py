"""Structured columns of categories d (misleading headers) and e (coded headers)."""

import datetime as _dt

from . import values as v


def _rows(rng, rows, make, p_blank):
    return [None if rng.random() < p_blank else make(rng) for _ in range(rows)]


# --- d ---------------------------------------------------------------------


def nhs_ref(rng, rows):
    return _rows(rng, rows, lambda r: v.mod11_invalid(r, r.choice(["45", "47", "99", "61"])), 0.03)


def ni_no(rng, rows):
    def make(r):
        office = r.randint(101, 999)
        letters = r.choice(v.LETTERS) + r.choice(v.LETTERS)
        return (
            f"{office}/{letters}{r.randint(10000, 99999)}"
            if r.random() < 0.8
            else f"{office}/{letters}{r.randint(100, 999)}"
        )

    return _rows(rng, rows, make, 0.1)


def dob_flags(rng, rows):
    opts = [
        "Y",
        "N",
        "Y",
        "Passport seen",
        "birth cert",
        "not provided",
        "verified - DWP",
        "Y (photo DL)",
        "n/k",
        "TBC",
        "Yes",
        "No",
    ]
    return _rows(rng, rows, lambda r: r.choice(opts), 0.08)


def licensee_name(rng, rows):
    firms = [
        "Pennine Pies Ltd",
        "Hughes & Daughters Ltd",
        "Mr Whippy's of Wigan",
        "Okafor Brothers Catering",
        "The Jerk Shack CIC",
        "Castle Kebabs",
        "Frying Nemo",
        "Dhillon Foods (UK) Ltd",
        "Nowak Fresh Flowers",
        "Taste of Punjab Ltd",
        "Bao Down Street Food",
        "Cwtch Coffee Co",
        "Fraser's Fish Bar",
        "Crepe Expectations",
        "Moyo Mobile Grill",
        "Le Petit Crêpier",
        "Big Sue's Butties",
        "Campbell & Co Ices",
    ]
    return _rows(rng, rows, lambda r: r.choice(firms), 0.04)


def email_flags(rng, rows):
    opts = [
        "Y",
        "N",
        "opted out",
        "bounced",
        "paperless - Y",
        "consent 2023",
        "no email",
        "email preferred",
        "E",
        "P",
    ]
    return _rows(rng, rows, lambda r: r.choice(opts), 0.15)


def mobile_flags(rng, rows):
    opts = [
        "declined",
        "no mobile",
        "Y",
        "ex-directory",
        "text ok",
        "no signal at home",
        "uses daughter's phone",
        "N",
        "SMS reminder opt-in",
        "landline only",
    ]
    return _rows(rng, rows, lambda r: r.choice(opts), 0.15)


def postcode_lsoa(rng, rows):
    def make(r):
        x = r.random()
        if x < 0.55:
            return f"E0{r.randint(1000000, 1033768)}"
        if x < 0.8:
            return f"W010{r.randint(1, 1909):05d}"
        return f"S01{r.randint(6242, 13481):06d}"

    return _rows(rng, rows, make, 0.05)


def ref_nhs(rng, rows):
    return _rows(rng, rows, v.nhs_number, 0.05)


def value_ni(rng, rows):
    return _rows(rng, rows, v.ni_number, 0.07)


def details_email(rng, rows):
    return _rows(rng, rows, lambda r: v.email(r, *v.full_name(r)), 0.2)


def description_name(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        return f"{f} {s}"

    return _rows(rng, rows, make, 0.03)


def misc_address(rng, rows):
    return _rows(rng, rows, v.address, 0.06)


# --- e ---------------------------------------------------------------------


def field_23(rng, rows):
    return _rows(rng, rows, v.nhs_number, 0.1)


def col_17(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        return f"{s}  {f}" if r.random() < 0.3 else f"{f} {s}"

    return _rows(rng, rows, make, 0.04)


def unnamed_4(rng, rows):
    return _rows(
        rng,
        rows,
        lambda r: (
            v.email(r, *v.full_name(r)).upper() if r.random() < 0.1 else v.email(r, *v.full_name(r))
        ),
        0.25,
    )


def unnamed_7(rng, rows):
    def make(r):
        amt = r.randint(0, 250000) / 100
        return r.choice([f"{amt:.2f}", f"£{amt:,.2f}", f"-{amt:.2f}", f"({amt:,.2f})"])

    return _rows(rng, rows, make, 0.05)


def ctx_fnam(rng, rows):
    return _rows(rng, rows, lambda r: v.forename(r).upper().ljust(20), 0.02)


def ctx_snam(rng, rows):
    return _rows(rng, rows, lambda r: v.surname(r).upper().ljust(25), 0.02)


def hbx_k07(rng, rows):
    return _rows(rng, rows, v.ni_number, 0.05)


def a3_f09(rng, rows):
    return _rows(rng, rows, lambda r: v.postcode(r).replace(" ", "").ljust(8), 0.03)


def x_0012(rng, rows):
    return _rows(rng, rows, lambda r: v.dob(r).strftime("%Y%m%d"), 0.02)


def attr_5(rng, rows):
    return _rows(rng, rows, lambda r: v.phone_digits(v.phone(r)), 0.35)


def c14(rng, rows):
    def make(r):
        return r.choice(
            [
                f"E050{r.randint(0, 15000):05d}",
                f"W050{r.randint(0, 1500):05d}",
                f"S130{r.randint(2500, 3200):05d}",
            ]
        )

    return _rows(rng, rows, make, 0.02)


def column1(rng, rows):
    opts = ["LIVE", "CANC", "SUSP", "CLSD", "PEND", "LIVE", "LIVE", "WO", "ARR", "DEL"]
    return _rows(rng, rows, lambda r: r.choice(opts), 0.01)


def fld_4(rng, rows):
    def make(r):
        parts = v.address_parts(r)
        return "".join(p.upper().ljust(30) for p in parts).rstrip() + (" " * r.randint(0, 4))

    return _rows(rng, rows, make, 0.02)


def tx_fld_88(rng, rows):
    base = _dt.date(2023, 4, 1)

    def make(r):
        return (base + _dt.timedelta(days=r.randint(0, 900))).strftime("%Y%m%d")

    return _rows(rng, rows, make, 0.01)
