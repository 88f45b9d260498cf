"""Category b (spreadsheet damage, numeric look-alikes) and c (annotated, sparse names)."""

from . import pools
from . import values as v


def _sci(digits: str, rng, full_ok: bool = True) -> str:
    """Excel-style scientific notation of a digit string (mantissa full or 6 significant)."""
    mant = digits[0] + "." + digits[1:]
    if not full_ok or rng.random() < 0.5:
        rounded = f"{int(digits) / 10 ** (len(digits) - 1):.5f}".rstrip("0").rstrip(".")
        mant = rounded
    else:
        mant = mant.rstrip("0").rstrip(".")
    return f"{mant}E+{len(digits) - 1:02d}"


def _col(rng, rows, fn, p_blank=0.03):
    return [None if rng.random() < p_blank else fn() for _ in range(rows)]


# ----------------------------------------------------------------- b
def anticoag_nhs_no(rng, rows):
    return _col(rng, rows, lambda: v.nhs_number(rng) + rng.choice([".0", ".0", ".0", ""]))


def patient_nhs_no_xlsx(rng, rows):
    return _col(
        rng,
        rows,
        lambda: _sci(v.nhs_number(rng), rng) if rng.random() < 0.85 else v.nhs_number(rng),
    )


def sds_chi(rng, rows):
    def one():
        chi = v.chi_number(rng)
        if chi.startswith("0"):
            chi = chi.lstrip("0")
        return chi + (".0" if rng.random() < 0.3 else "")

    return _col(rng, rows, one, 0.05)


def care_home_adm_mobile(rng, rows):
    def one():
        digits = v.phone(rng, "plain", mobile_bias=0.7)
        r = rng.random()
        if r < 0.5:
            return digits[1:]
        if r < 0.75:
            return digits[1:] + ".0"
        if r < 0.85:
            return _sci(digits[1:], rng, full_ok=True)
        return digits

    return _col(rng, rows, one, 0.12)


def tenancy_uprn(rng, rows):
    def one():
        u = v.uprn(rng)
        r = rng.random()
        if r < 0.45:
            return u + ".0"
        if r < 0.75:
            return _sci(u, rng)
        return u

    return _col(rng, rows, one)


def ni_pas_case_no(rng, rows):
    def one():
        n = str(rng.randint(0, 999999)).zfill(7)
        r = rng.random()
        if r < 0.5:
            return str(int(n)) + ".0"
        if r < 0.8:
            return str(int(n))
        return n

    return _col(rng, rows, one)


def genetics_nhs_number(rng, rows):
    def one():
        n = v.nhs_number(rng)
        sep = rng.choice(["-", " ", "", " - "])
        s = f"{n[:3]}{sep}{n[3:6]}{sep}{n[6:]}"
        return ("'" + s) if rng.random() < 0.25 else s

    return _col(rng, rows, one)


def order_no(rng, rows):
    def one():
        n = v.mod11_fail(rng, "4679")
        sep = rng.choice(["-", " ", "-"])
        return f"{n[:3]}{sep}{n[3:6]}{sep}{n[6:]}"

    return _col(rng, rows, one, 0.02)


def equip_barcode(rng, rows):
    def one():
        ean = "50" + "".join(rng.choice("0123456789") for _ in range(11))
        r = rng.random()
        if r < 0.7:
            return _sci(ean, rng, full_ok=False)
        return ean + (".0" if r < 0.85 else "")

    return _col(rng, rows, one)


def dob_xl(rng, rows):
    return _col(rng, rows, lambda: str(v.excel_serial(v.dob(rng))) + rng.choice(["", "", ".0"]))


def school_urn(rng, rows):
    def one():
        r = rng.random()
        if r < 0.5:
            return str(rng.randint(100000, 149999)) + ".0"
        if r < 0.8:
            return str(rng.choice([330, 380, 660, 888, 919, 941])) + str(rng.randint(1000, 7999))
        return str(rng.randint(400000, 599999))

    return _col(rng, rows, one)


def case_ref_num(rng, rows):
    def one():
        n = v.mod11_fail(rng, "123456789")
        r = rng.random()
        if r < 0.4:
            return n + ".0"
        if r < 0.7:
            return _sci(n, rng)
        return n

    return _col(rng, rows, one)


def inr_result(rng, rows):
    def one():
        x = round(rng.uniform(0.9, 6.5), 1)
        r = rng.random()
        if r < 0.1:
            return f"{x:.2E}"
        if r < 0.15:
            return ">8.0"
        return str(x)

    return _col(rng, rows, one, 0.08)


def dispense_batch_no(rng, rows):
    def one():
        n = v.mod11_fail(rng, "0")
        if rng.random() < 0.5:
            return n.lstrip("0") + rng.choice(["", ".0"])
        return n

    return _col(rng, rows, one)


# ----------------------------------------------------------------- c
def _annotated(rng, rows, p_blank, make):
    return [None if rng.random() < p_blank else make() for _ in range(rows)]


def _name(rng):
    return v.full_name(rng)


def next_of_kin(rng, rows):
    def make():
        n = _name(rng)
        rel = rng.choice(pools.RELATIONSHIPS[:16])
        return rng.choice(
            [
                f"{n} ({rel})",
                f"{n} - {rel}",
                f"{rel.title()}: {n}",
                f"{n} ({rel}) lives in {rng.choice(pools.TOWNS)}",
                n,
            ]
        )

    return _annotated(rng, rows, 0.62, make)


def prospective_adopter_1(rng, rows):
    def make():
        n = _name(rng)
        t = rng.choice(["Mr", "Mrs", "Ms", "Dr"])
        return rng.choice(
            [
                f"{t} {n} - approved {rng.randint(2016, 2024)}",
                f"{n} (approved at panel {rng.randint(1, 12)}/{rng.randint(19, 24)})",
                f"{n} [stage 2]",
                f"{t} {n} (FfA carer)",
                n,
            ]
        )

    return _annotated(rng, rows, 0.7, make)


def private_fostering_carer(rng, rows):
    def make():
        n = _name(rng)
        side = rng.choice(["maternal", "paternal"])
        return rng.choice(
            [
                f"{n} (family friend)",
                f"Aunty - {rng.choice(['Mrs', 'Ms'])} {n.split()[1]} ({side} aunt)",
                f"{n} - arrangement notified late",
                f"{n.upper()} (host family, language school)",
                f"{n}; reg 44 visit due",
            ]
        )

    return _annotated(rng, rows, 0.8, make)


def emergency_contact_forename(rng, rows):
    def make():
        f = v.forename(rng)
        return rng.choice(
            [f"{f} ({rng.choice(pools.RELATIONSHIPS[:14])})", f, f"{f} - mob in notes", f"{f}?"]
        )

    return _annotated(rng, rows, 0.55, make)


def partner_surname_pn(rng, rows):
    def make():
        s = v.surname(rng)
        return rng.choice(
            [
                f"{s.upper()} (regular partner)",
                f"{s} (casual, contactable)",
                f"{s} - provider referral",
                f"{s} (ex, 3/12 ago)",
                s,
            ]
        )

    return _annotated(rng, rows, 0.75, make)


def marac_victim_aka(rng, rows):
    def make():
        n = _name(rng)
        return rng.choice(
            [f"aka {n}", f"{n} (maiden name)", f"AKA: {n} - used on Facebook", f"{n} (alias)"]
        )

    return _annotated(rng, rows, 0.85, make)


def key_holder(rng, rows):
    def make():
        n = _name(rng)
        t = rng.choice(["Mr", "Mrs", "Ms", ""])
        return rng.choice(
            [
                f"{t} {n.split()[1]} (landlord) tel to follow".strip(),
                f"{n} - letting agent",
                f"{n} (caretaker, keys in office)",
                f"{t} {n} (neighbour at no. {rng.randint(1, 90)})".strip(),
            ]
        )

    return _annotated(rng, rows, 0.72, make)


def fertility_partner_name(rng, rows):
    def make():
        n = _name(rng)
        return rng.choice(
            [
                f"{n}",
                f"{n} [donor sperm - n/a]",
                f"{n} (same-sex partner, co-parent)",
                f"{n} - consent form signed",
            ]
        )

    return _annotated(rng, rows, 0.58, make)


def donor_family_consulted(rng, rows):
    def make():
        n = _name(rng)
        rel = rng.choice(
            ["Mother", "Father", "Wife", "Husband", "Son", "Daughter", "Partner", "Sister"]
        )
        return rng.choice(
            [
                f"{rel} \u2013 {n}",
                f"{n} ({rel.lower()}) - consented",
                f"{rel}: {n}; declined",
                f"{n} ({rel.lower()}, NOK)",
            ]
        )

    return _annotated(rng, rows, 0.8, make)


def sds_appointee(rng, rows):
    def make():
        n = _name(rng)
        t = rng.choice(["Mr", "Mrs", "Ms"])
        return rng.choice(
            [
                f"Appointee: {t} {n} ({rng.choice(pools.RELATIONSHIPS[:8])}, POA)",
                f"{n} - welfare guardian",
                f"{n} (Option 2 ISF manager)",
                f"{t} {n}",
            ]
        )

    return _annotated(rng, rows, 0.66, make)


def parent_carer_2(rng, rows):
    def make():
        n = _name(rng)
        return rng.choice(
            [
                f"{n} (step-father, no PR)",
                f"{n} - PR",
                f"{n} (does not live with child)",
                f"{n} (contact via school only)",
                n,
            ]
        )

    return _annotated(rng, rows, 0.6, make)


def named_driver(rng, rows):
    def make():
        n = _name(rng)
        return rng.choice(
            [
                f"{n} (badge pending)",
                f"{n} - PA also",
                f"{n} [DBS exp {rng.randint(1, 12)}/{rng.randint(24, 27)}]",
                n,
            ]
        )

    return _annotated(rng, rows, 0.52, make)


def contact_relationship(rng, rows):
    def make():
        rel = rng.choice(pools.RELATIONSHIPS)
        return rng.choice(
            [
                f"({rel})",
                rel,
                rel.title(),
                f"{rel} - not to be contacted",
                f"{rel} (lives abroad)",
                f"{rel}, has keys",
                f"{rel.upper()} / POA",
            ]
        )

    return _annotated(rng, rows, 0.6, make)


def previous_surname(rng, rows):
    def make():
        s = v.surname(rng)
        return rng.choice(
            [f"née {s}", f"prev. {s}", f"{s} (before marriage)", f"{s} (deed poll 2019)", s]
        )

    return _annotated(rng, rows, 0.82, make)
