"""Category f: one identifier written several ways in one column."""

from . import values as v


def _col(rng, rows, blank, make):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def rhif_gig(rng, rows):
    def make(r):
        n = v.nhs_number(r)
        return r.choice(
            [
                n,
                f"{n[:3]} {n[3:6]} {n[6:]}",
                f"{n[:3]}-{n[3:6]}-{n[6:]}",
                f"NHS: {n}",
                f"GIG {n[:3]} {n[3:6]} {n[6:]}",
                f" {n} ",
            ]
        )

    return _col(rng, rows, 0.04, make)


def caller_tel(rng, rows):
    def make(r):
        digits, display = v.phone_parts(r)
        rest = digits[1:]
        return r.choice(
            [
                display,
                digits,
                f"+44 (0){display[1:]}",
                f"+44 {display[1:]}",
                f"({display.split(' ')[0]}) {''.join(display.split(' ')[1:])}",
                f"tel: {display}",
                f"0044{rest}",
                display.replace(" ", "-"),
            ]
        )

    return _col(rng, rows, 0.06, make)


def data_urodzenia(rng, rows):
    def make(r):
        d = v.date_of_birth(r)
        return r.choice(
            [
                d.strftime("%d/%m/%Y"),
                d.isoformat(),
                f"{d.day} {d.strftime('%b %y')}",
                d.strftime("%d.%m.%Y"),
                d.strftime("%d-%m-%y"),
                f"{d.day} {d.strftime('%B %Y')}",
                d.strftime("%Y/%m/%d"),
                d.strftime("%d%m%Y"),
            ]
        )

    return _col(rng, rows, 0.05, make)


def pt_postcode(rng, rows):
    def make(r):
        p = v.postcode(r)
        return r.choice(
            [
                p,
                p.lower(),
                p.replace(" ", ""),
                p.replace(" ", "  "),
                f" {p}",
                p.title(),
                p.replace(" ", "-"),
            ]
        )

    return _col(rng, rows, 0.05, make)


def trak_patient(rng, rows):
    def make(r):
        f, s = v.person(r)
        return r.choice(
            [
                f"{s.upper()}, {f}",
                f"{f} {s}",
                f"{f[0]}. {s}",
                f"{s.lower()} {f.lower()}",
                f"{s}, {f} ({r.choice(['Mr', 'Mrs', 'Ms'])})",
                f"{f.upper()} {s.upper()}",
            ]
        )

    return _col(rng, rows, 0.02, make)


def email_addresses(rng, rows):
    def make(r):
        f, s = v.person(r)
        e = v.email(r, f, s)
        return r.choice(
            [e, e.upper(), f"mailto:{e}", f"<{e}>", f"{f} {s} <{e}>", f"{e}; {v.email(r)}", f" {e}"]
        )

    return _col(rng, rows, 0.2, make)


def ni_no(rng, rows):
    def make(r):
        n = v.ni_number(r)
        return r.choice(
            [
                n,
                n.lower(),
                f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}",
                f"{n[:2]}{n[2:8]} {n[8]}",
                f"{n[:2]}-{n[2:8]}-{n[8]}",
            ]
        )

    return _col(rng, rows, 0.08, make)


def aireamh_chi(rng, rows):
    def make(r):
        c = v.chi_number(r)
        return r.choice(
            [
                c,
                f"{c[:6]} {c[6:]}",
                f"{c[:6]}-{c[6:]}",
                f"CHI {c}",
                f"{c[:2]} {c[2:4]} {c[4:6]} {c[6:]}",
            ]
        )

    return _col(rng, rows, 0.03, make)


def hospital_no(rng, rows):
    def make(r):
        digits = f"{r.randint(0, 999999):06d}"
        site = r.choice(["RXH", "RWD", "RJ7"])
        return r.choice(
            [
                f"{site}{digits}",
                f"{site} {digits}",
                f"{site.lower()}{digits}",
                digits,
                f"H/{digits}",
                f"{site}-{digits}",
            ]
        )

    return _col(rng, rows, 0.02, make)


def vehicle_reg(rng, rows):
    def make(r):
        g = v.vehicle_reg(r)
        return r.choice([g, g.replace(" ", ""), g.lower(), f" {g} ", g.replace(" ", "-")])

    return _col(rng, rows, 0.07, make)


def home_address(rng, rows):
    def make(r):
        parts = v.address_parts(r)
        return r.choice(
            [
                ", ".join(parts),
                "\n".join(parts),
                ", ".join(parts).upper(),
                " ".join(parts),
                ",".join(parts[:-1]) + "  " + parts[-1],
            ]
        )

    return _col(rng, rows, 0.04, make)


def driving_licence_no(rng, rows):
    def make(r):
        d = v.driving_licence(r)
        return r.choice(
            [
                d,
                f"{d[:5]} {d[5:11]} {d[11:14]} {d[14:]}",
                d.lower(),
                f"{d[:5]}-{d[5:11]}-{d[11:]}",
                f"{d} 01",
            ]
        )

    return _col(rng, rows, 0.15, make)


def specimen_no(rng, rows):
    def make(r):
        yy = r.choice(["23", "24"])
        n = r.randint(0, 9999999)
        return r.choice(
            [
                f"H,{yy}.{n:07d}.X",
                f"{yy}H{n:07d}",
                f"M{yy}-{n % 100000:05d}",
                f"SPEC/{yy}/{n:07d}",
                f"{yy} {n:07d} B",
            ]
        )

    return _col(rng, rows, 0.02, make)


def diet_order_no(rng, rows):
    def make(r):
        n = r.randint(1, 99999)
        return r.choice([f"DO-{n:05d}", f"do{n}", f"Order #{n}", f"CAT/{n:05d}/L", f"{n:05d}"])

    return _col(rng, rows, 0.03, make)
