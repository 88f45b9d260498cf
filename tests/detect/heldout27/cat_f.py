"""Category f: one identifier written several ways in one column."""

from . import pools
from . import values as v


def _each(rng, rows, fn, p_blank=0.04):
    return [None if rng.random() < p_blank else fn(rng) for _ in range(rows)]


def nhs_mixed(rng, rows):
    def one(r):
        n = v.nhs_number(r)
        return r.choice(
            [
                n,
                f"{n[:3]} {n[3:6]} {n[6:]}",
                f"{n[:3]}-{n[3:6]}-{n[6:]}",
                f"NHS: {n[:3]} {n[3:6]} {n[6:]}",
                f" {n} ",
                f"{n[:3]}{n[3:6]} {n[6:]}",
            ]
        )

    return _each(rng, rows, one)


def child_dob_mixed(rng, rows):
    return _each(rng, rows, lambda r: v.fmt_date(v.child_dob(r), r.randint(0, 8)))


def parent_phone_mixed(rng, rows):
    def one(r):
        d = v.phone_digits(r)
        lay = v.phone_layout(d)
        return r.choice(
            [
                lay,
                d,
                "+44 " + lay[1:],
                "+44 (0)" + lay[1:],
                "0044" + d[1:],
                f"({lay.split(' ')[0]}) {' '.join(lay.split(' ')[1:])}",
                d[:5] + "-" + d[5:],
                f"{lay} (mob)" if d.startswith("07") else f"{lay} home",
            ]
        )

    return _each(rng, rows, one, p_blank=0.08)


def home_postcode_mixed(rng, rows):
    def one(r):
        p = v.postcode(r)
        return r.choice(
            [
                p,
                p.lower(),
                p.replace(" ", ""),
                p.replace(" ", "  "),
                p.replace(" ", "-"),
                f" {p}",
                p.title(),
            ]
        )

    return _each(rng, rows, one)


def carer_email_mixed(rng, rows):
    def one(r):
        f, s = v.full_name(r)
        e = v.email(r, f, s)
        return r.choice(
            [e, e.upper(), f"{f} {s} <{e}>", f"mailto:{e}", f'"{s}, {f}" <{e}>', f" {e};"]
        )

    return _each(rng, rows, one, p_blank=0.1)


def adres_mixed(rng, rows):
    def one(r):
        parts = v.address_parts(r)
        k = r.randint(0, 3)
        if k == 0:
            return ", ".join(parts)
        if k == 1:
            return "\n".join(parts)
        if k == 2:
            return " ".join(parts).upper()
        return ",".join(parts)

    return _each(rng, rows, one)


def chi_mixed(rng, rows):
    def one(r):
        c = v.chi_number(r)
        opts = [c, f"{c[:6]} {c[6:]}", f"CHI {c}", f"{c[:6]}-{c[6:]}"]
        if c.startswith("0"):
            opts.append(c[1:])
        return r.choice(opts)

    return _each(rng, rows, one)


def ni_mixed(rng, rows):
    def one(r):
        n = v.ni_number(r)
        return r.choice(
            [
                n,
                n.lower(),
                f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}",
                f"{n[:8]} {n[8]}",
                f"NI: {n}",
                f"{n[:2]}-{n[2:8]}-{n[8]}",
            ]
        )

    return _each(rng, rows, one, p_blank=0.1)


def child_mixed(rng, rows):
    def one(r):
        f, s = v.full_name(r)
        return r.choice(
            [
                f"{f} {s}",
                f"{s.upper()}, {f}",
                f"{f.lower()} {s.lower()}",
                f"{f[0]}. {s}",
                f"{s} {f}",
                f"{s}, {f} ({r.choice(['M', 'F'])})",
            ]
        )

    return _each(rng, rows, one)


def passport_mixed(rng, rows):
    def one(r):
        p = v.passport(r)
        return r.choice(
            [p, f"GBR {p}", f"{p} (exp {r.randint(2025, 2034)})", p.lower(), f"PP: {p}"]
        )

    return _each(rng, rows, one, p_blank=0.35)


def vrm_mixed(rng, rows):
    def one(r):
        p = v.vrm(r)
        return r.choice(
            [p, p.replace(" ", ""), p.lower(), p.replace(" ", "-"), f"{p} (silver Corsa)"]
        )

    return _each(rng, rows, one, p_blank=0.2)


def mrn_mixed(rng, rows):
    def one(r):
        h = v.hospital_number(r)
        return r.choice([h, f"LGI/{h}", f"SJUH {h}", h.lower(), f"MRN:{h}", f"{h[:3]} {h[3:]}"])

    return _each(rng, rows, one)


def licence_mixed(rng, rows):
    def one(r):
        s = r.choice(pools.SURNAMES + pools.WELSH_SURNAMES)
        d = v.driving_licence(r, s)
        return r.choice([d, f"{d[:5]} {d[5:11]} {d[11:13]} {d[13:]}", d.lower(), f"{d} 01"])

    return _each(rng, rows, one, p_blank=0.25)


def meeting_date_mixed(rng, rows):
    return _each(rng, rows, lambda r: v.fmt_date(v.recent_date(r), r.randint(0, 8)))
