"""Category f: one identifier written several ways in one column."""

from . import values as v


def _col(rng, rows, maker, blank=0.05, noise=0.06):
    return [None if rng.random() < blank else v.noise(rng, maker(rng), noise) for _ in range(rows)]


def nhs_number_mixed(rng, rows):
    def one(r):
        n = v.nhs_number(r)
        sp = f"{n[:3]} {n[3:6]} {n[6:]}"
        return r.choice([sp, n, sp.replace(" ", "-"), f"NHS: {sp}", f"NHS No.{n}", f" {n} "])

    return _col(rng, rows, one)


def tel_any(rng, rows):
    return _col(rng, rows, v.phone_any, 0.08)


def ni_mixed(rng, rows):
    def one(r):
        n = v.ni_number(r)
        return r.choice(
            [v.ni_spaced(n), n.lower(), f"{n[:8]} {n[8]}", n, f"{n[:2]}-{n[2:8]}-{n[8]}"]
        )

    return _col(rng, rows, one)


def dob_mixed(rng, rows):
    def one(r):
        d = v.dob(r)
        return r.choice(
            [
                d.strftime("%d/%m/%Y"),
                d.isoformat(),
                f"{d.day} {d:%b %y}",
                d.strftime("%d.%m.%Y"),
                d.strftime("%Y%m%d"),
                f"{d.day}/{d.month}/{d.year % 100:02d}",
                f"{d.day} {d:%B %Y}",
                d.strftime("%d-%b-%Y").upper(),
            ]
        )

    return _col(rng, rows, one, 0.04)


def postcode_mixed(rng, rows):
    def one(r):
        p = v.postcode(r)
        return r.choice(
            [p, p.lower(), p.replace(" ", ""), p.replace(" ", "  "), p.replace(" ", "-"), p.title()]
        )

    return _col(rng, rows, one)


def email_mixed(rng, rows):
    def one(r):
        e = v.email(r)
        local, dom = e.split("@")
        disp = f"{v.surname(r)}, {v.forename(r)[0]}"
        return r.choice(
            [
                e,
                f'"{disp}" <{e}>',
                f"mailto:{e}",
                e.upper(),
                f"{local} at {dom.replace('.', ' dot ')}",
                f"{local}[at]{dom}",
                f"<{e}>",
            ]
        )

    return _col(rng, rows, one, 0.1)


def name_mixed_order(rng, rows):
    def one(r):
        f, s = v.forename(r), v.surname(r)
        return r.choice(
            [
                f"{s.upper()}, {f}",
                f"{f} {s}",
                f"{s} {f[0]}",
                f"{f[0]}. {s.upper()}",
                f"{s}, {f} ({f[0]})",
            ]
        )

    return _col(rng, rows, one)


def address_mixed(rng, rows):
    def one(r):
        parts = v.address_parts(r)
        sep = r.choice([", ", " | ", "\n", " ", ",", "; "])
        s = sep.join(parts)
        return s.upper() if r.random() < 0.15 else s

    return _col(rng, rows, one)


def vrm_mixed(rng, rows):
    def one(r):
        x = v.vrm(r) if r.random() < 0.75 else v.vrm_prefix(r)
        return r.choice([x, x.replace(" ", ""), x.lower(), x.replace(" ", "-"), f"Reg: {x}"])

    return _col(rng, rows, one)


def chi_mixed(rng, rows):
    def one(r):
        c = v.chi_number(r)
        return r.choice(
            [
                f"{c[:6]} {c[6:]}",
                c,
                f"{c[:2]}-{c[2:4]}-{c[4:6]}-{c[6:]}",
                f"CHI {c}",
                f"{c[:6]}-{c[6:]}",
            ]
        )

    return _col(rng, rows, one)


def hosp_no_mixed(rng, rows):
    def one(r):
        digits = "".join(r.choice("0123456789") for _ in range(7))
        site = r.choice(["RX1", "RWD", "RM3", "H", "K"])
        return r.choice(
            [f"{site} {digits}", digits, f"{site}/{digits}", f"{site}{digits}", f"MRN {digits}"]
        )

    return _col(rng, rows, one)


def licence_no_mixed(rng, rows):
    def one(r):
        d = v.driving_licence(r)
        return r.choice(
            [
                d,
                f"{d[:5]} {d[5:11]} {d[11:13]}{d[13]} {d[14:]}",
                d.lower(),
                f"{d} {r.randint(10, 19)}",
            ]
        )

    return _col(rng, rows, one, 0.2)


def passport_mixed(rng, rows):
    def one(r):
        p = v.passport_number(r)
        return r.choice([p, f"GBR {p}", f"{p[:3]} {p[3:6]} {p[6:]}", f"No. {p}", f"{p} (GBR)"])

    return _col(rng, rows, one, 0.15)


def uprn_mixed(rng, rows):
    def one(r):
        u = v.uprn(r)
        return r.choice([u, f"UPRN:{u}", u.zfill(12), f"UPRN {u}", f"uprn-{u}"])

    return _col(rng, rows, one)
