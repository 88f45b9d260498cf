"""Category f: one identifier written several ways in one column."""

from . import values as v


def _col(rng, rows, blank, make):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def patient_phone(rng, rows):
    def make(r):
        d = v.phone_digits(r)
        style = r.randint(0, 6)
        if style == 0:
            return d
        if style == 1:
            return v.phone_pretty(d)
        if style == 2:
            return "+44 " + v.phone_pretty(d)[1:]
        if style == 3:
            return "+44 (0)" + v.phone_pretty(d)[1:]
        if style == 4:
            p = v.phone_pretty(d).split(" ", 1)
            return f"({p[0]}) {p[1]}"
        if style == 5:
            return "0044-" + "-".join(v.phone_pretty(d)[1:].split())
        return "tel: " + d[:5] + "-" + d[5:]

    return _col(rng, rows, 0.06, make)


def nhs_number_mixed(rng, rows):
    def make(r):
        n = v.nhs_number(r)
        return r.choice(
            [
                n,
                f"{n[:3]} {n[3:6]} {n[6:]}",
                f"{n[:3]}-{n[3:6]}-{n[6:]}",
                f"NHS: {n}",
                f"NHS No. {n[:3]} {n[3:6]} {n[6:]}",
                f" {n} ",
            ]
        )

    return _col(rng, rows, 0.04, make)


def date_of_birth(rng, rows):
    def make(r):
        d = v.dob(r)
        day = d.day
        suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        return r.choice(
            [
                d.strftime("%d/%m/%Y"),
                d.isoformat(),
                f"{day} {d.strftime('%b %y')}",
                d.strftime("%d.%m.%Y"),
                f"{d.strftime('%B')} {day}{suffix} {d.year}",
                d.strftime("%Y%m%d"),
                f"{day}/{d.month}/{d.strftime('%y')}",
            ]
        )

    return _col(rng, rows, 0.03, make)


def post_code(rng, rows):
    def make(r):
        pc = v.postcode(r)
        out_, in_ = pc.split(" ")
        return r.choice(
            [pc, pc.lower(), out_ + in_, f"{out_}  {in_}", f" {out_}-{in_}", pc.title()]
        )

    return _col(rng, rows, 0.05, make)


def name_as_recorded(rng, rows):
    def make(r):
        f, s = v.forename(r), v.surname(r)
        return r.choice(
            [
                f"{s.upper()}, {f}",
                f"{f} {s}",
                f"{s} {f[0]}",
                f"{f[0]}. {s.upper()}",
                f"{s.lower()} {f.lower()}",
                f"{s}, {f} ({r.choice(['Mrs', 'Mr', 'Ms'])})",
            ]
        )

    return _col(rng, rows, 0.03, make)


def ni_no(rng, rows):
    def make(r):
        n = v.ni_number(r)
        return r.choice(
            [
                n,
                f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}",
                f"{n[:2]}-{n[2:8]}-{n[8]}".lower(),
                n[:8],
                n.lower(),
            ]
        )

    return _col(rng, rows, 0.1, make)


def dvla_licence(rng, rows):
    def make(r):
        d = v.driving_licence(r)
        return r.choice(
            [d, d + " " + str(r.randint(10, 99)), f"{d[:5]} {d[5:11]} {d[11:]}", d.lower()]
        )

    return _col(rng, rows, 0.25, make)


def veh_reg(rng, rows):
    def make(r):
        reg = v.vehicle_registration(r)
        style = r.randint(0, 3)
        if style == 0:
            return reg
        if style == 1:
            return reg.replace(" ", "").lower()
        if style == 2:
            return reg[:2] + "-" + reg[2:4] + "-" + reg[5:]
        letters = "ABCDEFGHJKLMNPRSTVWXY"
        return (
            f"{r.choice(letters)}{r.randint(1, 999)} {''.join(r.choice(letters) for _ in range(3))}"
        )

    return _col(rng, rows, 0.2, make)


def email_addr(rng, rows):
    def make(r):
        name = v.full_name(r)
        e = v.email(r, name)
        local, dom = e.split("@")
        return r.choice(
            [e, f"{name} <{e}>", f"mailto:{e}", e.upper(), f"{local} [at] {dom}", f" {e};"]
        )

    return _col(rng, rows, 0.12, make)


def home_address(rng, rows):
    def make(r):
        a = v.address(r)
        return r.choice([a, a.upper(), a.replace(", ", "\n"), a.replace(", ", " "), a + ", UK"])

    return _col(rng, rows, 0.04, make)


def mrn(rng, rows):
    def make(r):
        h = v.hospital_number(r)
        return r.choice([h, h.lower(), f"MRN {h}", f"{h[:3]} {h[3:]}"])

    return _col(rng, rows, 0.03, make)


def chi_no(rng, rows):
    def make(r):
        c = v.chi_number(r)
        return r.choice([c, f"{c[:6]} {c[6:]}", f"{c[:6]}-{c[6:]}", f"CHI {c}"])

    return _col(rng, rows, 0.04, make)


def uprn(rng, rows):
    def make(r):
        u = v.uprn(r)
        return r.choice([u, f"UPRN:{u}", u.zfill(15), f"uprn {u}"])

    return _col(rng, rows, 0.1, make)


def appointment_time(rng, rows):
    def make(r):
        h = r.randint(8, 17)
        m = r.choice([0, 15, 30, 45])
        h12 = h if h <= 12 else h - 12
        ap = "am" if h < 12 else "pm"
        spoken = {
            0: f"{h12} o'clock",
            15: f"quarter past {h12}",
            30: f"half {h12}",
            45: f"quarter to {h12 % 12 + 1}",
        }[m]
        return r.choice(
            [
                f"{h:02d}:{m:02d}",
                f"{h12}.{m:02d}{ap}",
                f"{h:02d}{m:02d}",
                spoken,
                f"{h}:{m:02d} hrs",
            ]
        )

    return _col(rng, rows, 0.05, make)
