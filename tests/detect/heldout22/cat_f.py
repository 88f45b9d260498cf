"""Category f: one identifier written several ways in one column."""

from . import values
from .text import column

NBSP = "\u00a0"


def _nhs_variants(rng, n, welsh=False):
    sp = f"{n[:3]} {n[3:6]} {n[6:]}"
    forms = [
        sp,
        n,
        f"{n[:3]}-{n[3:6]}-{n[6:]}",
        f"NHS: {sp}",
        sp.replace(" ", NBSP),
        f"{sp} ",
        f"{n[:3]}  {n[3:6]}  {n[6:]}",
        f"'{n}",
    ]
    if welsh:
        forms += [f"Rhif: {sp}", f"GIG {n}"]
    return rng.choice(forms)


def nhs_mixed(rng, rows):
    return column(rng, rows, 0.05, lambda: _nhs_variants(rng, values.nhs_number(rng)))


def nhs_mixed_welsh(rng, rows):
    return column(rng, rows, 0.08, lambda: _nhs_variants(rng, values.nhs_number(rng), welsh=True))


def phone_mixed(rng, rows):
    def make():
        p = values.phone_any(rng)
        r = rng.random()
        if r < 0.1:
            return f"{p} (mob)"
        if r < 0.18:
            return f"H: {p}"
        if r < 0.23:
            return f"{p} / {values.phone_any(rng)}"
        return p

    return column(rng, rows, 0.1, make)


def email_mixed(rng, rows):
    def make():
        f, s = values.fore(rng), values.sur(rng)
        e = values.email_for(rng, f, s)
        local, dom = e.split("@")
        forms = [
            e,
            e.upper(),
            f"mailto:{e}",
            f"{f} {s} <{e}>",
            f"<{e}>",
            f"{local} at {dom.replace('.', ' dot ')}",
            f"{local} [at] {dom.replace('.', ' [dot] ')}",
            f" {e};",
            f"{e} (work)",
        ]
        return rng.choice(forms)

    return column(rng, rows, 0.15, make)


def ni_mixed(rng, rows):
    def make():
        n = values.ni_number(rng)
        forms = [
            n,
            f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}",
            n.lower(),
            f"{n[:8]} {n[8]}",
            f"{n[:2]} {n[2:8]} {n[8]}",
            f"{n[:2]}-{n[2:4]}-{n[4:6]}-{n[6:8]}-{n[8]}",
        ]
        return rng.choice(forms)

    return column(rng, rows, 0.1, make)


def chi_mixed(rng, rows):
    def make():
        c = values.chi_number(rng)
        forms = [
            c,
            f"{c[:6]} {c[6:]}",
            f"{c[:2]}-{c[2:4]}-{c[4:6]}-{c[6:]}",
            f"{c[:6]}-{c[6:]}",
            f"{c[:3]} {c[3:6]} {c[6:]}",
        ]
        return rng.choice(forms)

    return column(rng, rows, 0.04, make)


DATE_FORMS = [
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%d %b %y",
    "%Y%m%d",
    "%d.%m.%Y",
    "%d-%b-%Y",
    "%d/%m/%y",
    "%-d %B %Y",
    "%m/%d/%Y",
]


def _date_mixed(rng, d, with_time=False):
    fmt = rng.choice(DATE_FORMS)
    s = f"{d.day} {d:%B %Y}" if fmt == "%-d %B %Y" else d.strftime(fmt)
    if with_time and rng.random() < 0.4:
        s += rng.choice([" 09:30", " 14:15", " 00:00:00", " 11:45"])
    return s


def dob_mixed(rng, rows):
    return column(rng, rows, 0.05, lambda: _date_mixed(rng, values.dob(rng)))


def postcode_mixed(rng, rows):
    def make():
        p = values.postcode(rng)
        forms = [
            p,
            p.lower(),
            p.replace(" ", ""),
            p.replace(" ", "  "),
            p + " ",
            f" {p}",
            p.replace(" ", "").lower(),
        ]
        return rng.choice(forms)

    return column(rng, rows, 0.05, make)


def name_mixed(rng, rows):
    def make():
        f, s = values.fore(rng), values.sur(rng)
        t = rng.choice(["Mr", "Mrs", "Ms", "Miss", "Dr", "Mx"])
        forms = [
            f"{s.upper()}, {f}",
            f"{f} {s.upper()}",
            f"{s} {f[0]}",
            f"{t} {f} {s.upper()}",
            f"{f.lower()} {s.lower()}",
            f"{s}, {f} ({t})",
            f"{f} {s}",
            f"{s.upper()} {f.upper()}",
        ]
        return rng.choice(forms)

    return column(rng, rows, 0.03, make)


def address_mixed(rng, rows):
    def make():
        r = rng.random()
        if r < 0.5:
            return values.address(rng)
        if r < 0.75:
            return values.address(rng, multiline=True)
        if r < 0.9:
            return values.address(rng, caps=True)
        return values.address(rng).replace(", ", ",")

    return column(rng, rows, 0.07, make)


def passport_mixed(rng, rows):
    def make():
        p = values.passport(rng)
        forms = [
            f"GBR {p}",
            p,
            f"P {p}",
            f"{p[:3]} {p[3:6]} {p[6:]}",
            f"Passport {p}",
            f"{p} (GBR)",
            f"{p} exp {values.random_date(rng, 2026, 2034):%m/%y}",
        ]
        return rng.choice(forms)

    return column(rng, rows, 0.4, make)


def licence_mixed(rng, rows):
    def make():
        female = rng.random() < 0.5
        lic = values.driving_licence(
            rng, values.sur(rng), values.fore(rng), values.dob(rng), female
        )
        forms = [
            lic,
            f"{lic[:5]} {lic[5:11]} {lic[11:13]}{lic[13]} {lic[14:]}",
            lic.lower(),
            f"{lic} {rng.randint(1, 19):02d}",
            f"{lic[:5]} {lic[5:11]} {lic[11:]}",
        ]
        return rng.choice(forms)

    return column(rng, rows, 0.35, make)


def vrm_mixed(rng, rows):
    def make():
        v = values.vrm(rng)
        forms = [v, v.replace(" ", ""), v.lower(), v.replace(" ", "-"), f" {v}", f"{v} (blue)"]
        return rng.choice(forms)

    return column(rng, rows, 0.3, make)


def appt_mixed(rng, rows):
    return column(
        rng, rows, 0.05, lambda: _date_mixed(rng, values.random_date(rng, 2022, 2025), True)
    )
