"""Category f: one identifier written several ways in one column."""

from . import pools
from . import values as v


def _col(rng, rows, p_blank, make):
    return [None if rng.random() < p_blank else make() for _ in range(rows)]


def catchup_nhs_number(rng, rows):
    def make():
        n = v.nhs_number(rng)
        a, b, c = n[:3], n[3:6], n[6:]
        return rng.choice(
            [
                n,
                f"{a} {b} {c}",
                f"{a}-{b}-{c}",
                f"NHS: {n}",
                f"{a}\u00a0{b}\u00a0{c}",
                f"{a} {b} {c} ",
                f"{n[:5]}\u200b{n[5:]}",
                f"nhs no. {a} {b} {c}",
            ]
        )

    return _col(rng, rows, 0.05, make)


def sds_chi_no(rng, rows):
    def make():
        c = v.chi_number(rng)
        return rng.choice(
            [
                c,
                f"{c[:6]} {c[6:]}",
                f"{c[:2]}-{c[2:4]}-{c[4:6]}-{c[6:]}",
                f"CHI {c}",
                f"{c[:6]}-{c[6:]}",
                f"'{c}",
            ]
        )

    return _col(rng, rows, 0.05, make)


def d2a_dob(rng, rows):
    return _col(rng, rows, 0.03, lambda: v.date_formats(rng, v.date_between(rng, 1924, 1975)))


def telecare_contact_tel(rng, rows):
    def make():
        p = v.phone(rng)
        return rng.choice([p, p, f"{p} (mob)", f"Tel: {p}", f"{p} - daughter's"])

    return _col(rng, rows, 0.1, make)


def fertility_ni_no(rng, rows):
    def make():
        n = v.ni_number(rng)
        return rng.choice(
            [
                n,
                f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}",
                n.lower(),
                f"{n[:2]}-{n[2:8]}-{n[8]}",
                f"{n[:2]} {n[2:8]} {n[8]}",
            ]
        )

    return _col(rng, rows, 0.1, make)


def dfg_property_postcode(rng, rows):
    def make():
        p = v.postcode(rng)
        o, i = p.split(" ")
        return rng.choice([p, p.lower(), o + i, f"{o}  {i}", f" {p} ", (o + i).lower(), p.title()])

    return _col(rng, rows, 0.03, make)


def lymph_email(rng, rows):
    def make():
        f, s = v.forename(rng), v.surname(rng)
        e = v.email(rng, f, s)
        return rng.choice(
            [
                e,
                e.upper(),
                f"mailto:{e}",
                f"<{e}>",
                f"{f} {s} <{e}>",
                f"{e};",
                f" {e}",
            ]
        )

    return _col(rng, rows, 0.25, make)


def orthotics_patient_name(rng, rows):
    def make():
        f, s = v.forename(rng), v.surname(rng)
        return rng.choice(
            [
                f"{s.upper()}, {f}",
                f"{f} {s}",
                f"{s} {f[0]}",
                f"{f[0]}. {s.upper()}",
                f"{s}, {f} ({rng.choice(pools.TITLES)})",
                f"{f.lower()} {s.lower()}",
            ]
        )

    return _col(rng, rows, 0.03, make)


def send_transport_vrm(rng, rows):
    def make():
        r = v.vrm(rng, old=rng.random() < 0.2)
        return rng.choice([r, r.replace(" ", ""), r.lower(), r.replace(" ", "-"), f" {r}"])

    return _col(rng, rows, 0.08, make)


def genetics_hosp_no(rng, rows):
    return _col(rng, rows, 0.04, lambda: v.hospital_number(rng))


def port_health_dl(rng, rows):
    def make():
        d = v.driving_licence(rng)
        return rng.choice(
            [d, f"{d[:5]} {d[5:11]} {d[11:13]} {d[13:]}", d.lower(), f"{d[:5]} {d[5:]}"]
        )

    return _col(rng, rows, 0.2, make)


def leisure_uprn(rng, rows):
    def make():
        u = v.uprn(rng)
        return rng.choice([u, f"UPRN:{u}", f"{u[:2]} {u[2:6]} {u[6:]}", f"UPRN {u}", u.zfill(12)])

    return _col(rng, rows, 0.1, make)


def school_adm_address(rng, rows):
    def make():
        a = v.address(rng, one_line=True)
        return rng.choice([a, a.upper(), a.replace(", ", "\n"), a.replace(",", ""), a + " "])

    return _col(rng, rows, 0.04, make)


def d2a_discharge_date(rng, rows):
    return _col(rng, rows, 0.05, lambda: v.date_formats(rng, v.date_between(rng, 2023, 2025)))
