"""Category b: spreadsheet-damaged numerics and numeric look-alikes."""

from . import values as v


def _blank(rng, p):
    return rng.random() < p


def _sci(digits: str, places: int = 2) -> str:
    x = float(digits)
    return f"{x:.{places}E}"


def organ_donor_nhs_no(rng, rows):
    return [None if _blank(rng, 0.05) else v.nhs_number(rng) + ".0" for _ in range(rows)]


def fsm_pupil_nhs(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng, 0.08):
            out.append(None)
            continue
        n = v.nhs_number(rng)
        out.append(_sci(n, rng.choice([2, 4])) if rng.random() < 0.33 else n)
    return out


def sds_chi(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng, 0.05):
            out.append(None)
            continue
        c = v.chi_number(rng)
        s = c.lstrip("0") if c.startswith("0") else c
        if rng.random() < 0.3:
            s += ".0"
        out.append(s)
    return out


def leisure_member_tel(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng, 0.2):
            out.append(None)
            continue
        d = v.phone_digits(rng)
        s = d[1:] if rng.random() < 0.7 else d
        if rng.random() < 0.4:
            s = s + ".0"
        out.append(s)
    return out


def dfg_uprn(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng, 0.07):
            out.append(None)
            continue
        u = v.uprn(rng)
        r = rng.random()
        out.append(u + ".0" if r < 0.4 else _sci(u, 5) if r < 0.6 else u)
    return out


def orthotics_hosp_no(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng, 0.04):
            out.append(None)
            continue
        n = f"{rng.randint(1, 999999):08d}"
        out.append(n.lstrip("0") if rng.random() < 0.75 else n)
    return out


def fsm_order_ref(rng, rows):
    return [None if _blank(rng, 0.03) else v.invalid_ten(rng, (4, 9)) for _ in range(rows)]


def limb_volume_ml(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng, 0.1):
            out.append(None)
            continue
        x = rng.randint(1800, 5200)
        out.append(f"{x}.0" if rng.random() < 0.6 else f"{x + rng.randint(0, 9) / 10:.1f}")
    return out


def sds_budget_pence(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng, 0.05):
            out.append(None)
            continue
        p = str(rng.randint(1_200_000, 9_800_000_00))
        out.append(_sci(p, 2) if len(p) >= 9 and rng.random() < 0.5 else p)
    return out


def dfg_invoice_no(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng, 0.04):
            out.append(None)
            continue
        n = v.invalid_ten(rng, (4, 9))
        sep = rng.choice(["-", " ", "/", "-"])
        out.append(f"{n[:3]}{sep}{n[3:6]}{sep}{n[6:]}")
    return out


def genetics_lab_batch(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng, 0.04):
            out.append(None)
            continue
        c = v.chi_lookalike(rng)
        out.append(c.lstrip("0") if rng.random() < 0.6 else c)
    return out


def telecare_device_imei(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng, 0.06):
            out.append(None)
            continue
        imei = "35" + "".join(str(rng.randint(0, 9)) for _ in range(13))
        out.append(_sci(imei, 5) if rng.random() < 0.5 else imei)
    return out


def port_health_imo_no(rng, rows):
    out = []
    for _ in range(rows):
        if _blank(rng, 0.05):
            out.append(None)
            continue
        n = str(rng.randint(9000000, 9899999))
        out.append(n + ".0" if rng.random() < 0.4 else n)
    return out


def dfe_estab_no(rng, rows):
    las = [383, 380, 381, 372, 330, 886, 925, 660, 401, 909]
    out = []
    for _ in range(rows):
        if _blank(rng, 0.02):
            out.append(None)
            continue
        s = f"{rng.choice(las)}{rng.choice([2, 3, 4, 5, 6, 7])}{rng.randint(0, 999):03d}"
        out.append(s + ".0" if rng.random() < 0.2 else s)
    return out
