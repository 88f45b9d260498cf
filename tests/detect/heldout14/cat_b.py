"""Category b: numeric identifiers damaged by spreadsheets, and numeric look-alikes."""

import random

from . import values as vl


def _blank(rng: random.Random, p: float) -> bool:
    return rng.random() < p


def nhs_float(rng: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        if _blank(rng, 0.04):
            out.append(None)
            continue
        n = vl.nhs_number(rng)
        out.append(n + ".0" if rng.random() < 0.85 else n)
    return out


def nhs_sci(rng: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        if _blank(rng, 0.05):
            out.append(None)
            continue
        n = vl.nhs_number(rng)
        r = rng.random()
        if r < 0.33:
            out.append(vl.sci(n, rng.choice([6, 6, 3, 10])))
        elif r < 0.5:
            out.append(n + ".0")
        else:
            out.append(n)
    return out


def chi_lost_zero(rng: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        if _blank(rng, 0.03):
            out.append(None)
            continue
        c = vl.chi_number_leading_zero(rng) if rng.random() < 0.6 else vl.chi_number(rng)
        c = c.lstrip("0")
        out.append(c + ".0" if rng.random() < 0.2 else c)
    return out


def nhs_separators(rng: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        if _blank(rng, 0.06):
            out.append(None)
            continue
        n = vl.nhs_number(rng)
        style = rng.randrange(5)
        if style == 0:
            out.append(f"{n[:3]}-{n[3:6]}-{n[6:]}")
        elif style == 1:
            out.append(f"{n[:3]}.{n[3:6]}.{n[6:]}")
        elif style == 2:
            out.append(f"{n[0]},{n[1:4]},{n[4:7]},{n[7:]}")
        elif style == 3:
            out.append(f"{n[:3]} {n[3:6]} {n[6:]}")
        else:
            out.append(f" {n[:3]}  {n[3:6]} {n[6:]} ")
    return out


def uprn_float(rng: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        if _blank(rng, 0.12):
            out.append(None)
            continue
        u = vl.uprn(rng)
        r = rng.random()
        if r < 0.5:
            out.append(u + ".0")
        elif r < 0.75:
            out.append(vl.sci(u, rng.choice([6, 12])))
        else:
            out.append(u)
    return out


def phone_lost_zero(rng: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        if _blank(rng, 0.1):
            out.append(None)
            continue
        d = vl.phone_digits(rng)[1:]
        r = rng.random()
        if r < 0.6:
            out.append(d)
        elif r < 0.8:
            out.append(d + ".0")
        elif r < 0.9:
            out.append(vl.sci(d, 6))
        else:
            out.append("0" + d)
    return out


def hosp_lost_zero(rng: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        if _blank(rng, 0.05):
            out.append(None)
            continue
        raw = "00" + "".join(str(rng.randrange(10)) for _ in range(5))
        r = rng.random()
        if r < 0.55:
            out.append(str(int(raw)))
        elif r < 0.8:
            out.append(str(int(raw)) + ".0")
        else:
            out.append(raw)
    return out


def lab_batch(rng: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        s = vl.failing_ten(rng, rng.choice(["4", "6", "9"]))
        out.append(s + ".0" if rng.random() < 0.7 else s)
    return out


def bloodspot_serial(rng: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        if _blank(rng, 0.03):
            out.append(None)
            continue
        s = vl.failing_ten(rng, rng.choice(["4", "6", "9"]))
        out.append(f"{s[:3]} {s[3:6]} {s[6:]}" if rng.random() < 0.8 else s)
    return out


def gtin(rng: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        g = vl.gtin13(rng)
        r = rng.random()
        if r < 0.15:
            out.append(vl.sci(g, 6))
        elif r < 0.3:
            out.append(g + ".0")
        else:
            out.append(g)
    return out


def cost_centre(rng: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        code = f"{rng.choice([0, 0, 0, 1, 4]):d}{rng.randint(10000, 99999)}"
        out.append(str(int(code)) if rng.random() < 0.8 else code)
    return out


def switchboard_ext(rng: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        if _blank(rng, 0.3):
            out.append(None)
            continue
        e = str(rng.randint(2000, 69999))
        out.append(rng.choice([e, f"x{e}", f"ext. {e}", f"Ext {e}", e + ".0", f"bleep {e[-4:]}"]))
    return out


def pathway_sci(rng: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        p = str(rng.choice([1, 2, 5])) + "".join(str(rng.randrange(10)) for _ in range(11))
        r = rng.random()
        if r < 0.5:
            out.append(vl.sci(p, 6))
        elif r < 0.8:
            out.append(p + ".0")
        else:
            out.append(p)
    return out


def iol_serial(rng: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        if _blank(rng, 0.2):
            out.append(None)
            continue
        s = vl.failing_ten(rng, rng.choice(["1", "2", "3", "7"]))
        out.append(s + ".0" if rng.random() < 0.3 else s)
    return out


GENERATORS = {
    "NHS_No": nhs_float,
    "nhs number (excel)": nhs_sci,
    "chi": chi_lost_zero,
    "Patient NHS No.": nhs_separators,
    "uprn_num": uprn_float,
    "tel_mobile": phone_lost_zero,
    "hosp_no_padded": hosp_lost_zero,
    "lab_batch_no": lab_batch,
    "bloodspot_card_serial": bloodspot_serial,
    "stock_code_gtin": gtin,
    "cost_centre_code": cost_centre,
    "switchboard_ext": switchboard_ext,
    "pathway_id_sci": pathway_sci,
    "iol_serial": iol_serial,
}
