"""Category b: numbers damaged by spreadsheets, and numeric look-alikes."""

from . import values as v


def _sci(num: str, sig: int) -> str:
    """Excel-style scientific notation with `sig` significant digits."""
    x = float(num)
    s = f"{x:.{sig - 1}E}"
    mant, exp = s.split("E")
    return f"{mant}E+{int(exp):02d}"


def _col(fn, blank_p):
    def make(rng, rows):
        return [None if rng.random() < blank_p else fn(rng) for _ in range(rows)]

    return make


def nhs_float(rng):
    n = v.nhs_number(rng)
    return rng.choice([f"{n}.0", f"{n}.0", n, f"{n}.00"])


def nhs_sci(rng):
    n = v.nhs_number(rng)
    return rng.choice([_sci(n, 10), _sci(n, 6), _sci(n, 6), f"{n}.0", _sci(n, 9)])


def chi_damaged(rng):
    c = v.chi_number(rng)
    if rng.random() < 0.35:  # force a day 01-09 so a leading zero exists to lose
        while not c.startswith("0"):
            c = v.chi_number(rng)
    stripped = c.lstrip("0")
    return rng.choice([stripped, f"{stripped}.0", stripped, c])


def uprn_damaged(rng):
    u = v.uprn(rng)
    return rng.choice([f"{u}.0", _sci(u, 6), _sci(u, 12), u, f"{u}.0"])


def phone_damaged(rng):
    d = v.phone_digits(rng)
    no0 = d[1:]
    return rng.choice([no0, f"{no0}.0", no0, "44" + no0, f"{'44' + no0}.0", _sci("44" + no0, 6)])


def nhs_separators(rng):
    n = v.nhs_number(rng)
    sep = rng.choice(["-", ".", "/", " - ", "_"])
    shape = rng.choice([(3, 3, 4), (3, 3, 4), (4, 3, 3), (2, 4, 4)])
    a, b, _ = shape
    return sep.join([n[:a], n[a : a + b], n[a + b :]])


def hosp_numeric(rng):
    n = f"{rng.randint(0, 99999999):08d}"
    if rng.random() < 0.5:
        n = "00" + n[2:]
    s = n.lstrip("0") or "0"
    return rng.choice([s, f"{s}.0", s, n])


def ledger_batch(rng):
    n = v.mod11_invalid_10(rng)
    return rng.choice([f"{n}.0", n, f"{n}.0"])


def court_fee_receipt(rng):
    n = v.mod11_invalid_10(rng, first=str(rng.randint(3, 7)))
    return f"{n[:3]} {n[3:6]} {n[6:]}"


def property_value(rng):
    x = rng.randint(45, 900) * 1000 + rng.choice([0, 0, 500, 250])
    return rng.choice([f"{x}.0", _sci(str(x), 3), str(x), f"{x:.2f}"])


def cheque_serial(rng):
    n = f"{rng.randint(0, 999999):06d}"
    if rng.random() < 0.4:
        n = "00" + n[2:]
    s = n.lstrip("0") or "0"
    return rng.choice([s, f"{s}.0", n])


def dd_mandate(rng):
    n = str(rng.randint(10**10, 10**12 - 1))
    return rng.choice([_sci(n, 6), _sci(n, 6), f"{n}.0", n])


def bacs_run(rng):
    n = v.chi_lookalike_invalid(rng)
    return rng.choice([n, n, f"{n}.0", n.lstrip("0")])


def meter_serial(rng):
    n = str(rng.randint(10**9, 10**11 - 1))
    return rng.choice([n, f"{n}.0", _sci(n, 6), "S" + n[1:]])


GENERATORS = {
    "NHS_No": _col(nhs_float, 0.03),
    "nhs_number_xl": _col(nhs_sci, 0.05),
    "chi_num": _col(chi_damaged, 0.04),
    "uprn_val": _col(uprn_damaged, 0.1),
    "tel_home": _col(phone_damaged, 0.2),
    "nhs_no_sep": _col(nhs_separators, 0.04),
    "hosp_no": _col(hosp_numeric, 0.06),
    "ledger_batch_id": _col(ledger_batch, 0.02),
    "court_fee_receipt": _col(court_fee_receipt, 0.15),
    "property_value_gbp": _col(property_value, 0.3),
    "cheque_serial": _col(cheque_serial, 0.25),
    "dd_mandate_ref": _col(dd_mandate, 0.2),
    "bacs_run_ref": _col(bacs_run, 0.05),
    "meter_serial": _col(meter_serial, 0.4),
}
