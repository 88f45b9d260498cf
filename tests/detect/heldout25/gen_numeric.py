"""Category b: numbers damaged by spreadsheets, and numeric look-alikes."""

from __future__ import annotations

import datetime as _dt
import random

from . import values as v


def _blankish(r: random.Random, p: float = 0.04) -> bool:
    return r.random() < p


def _pad(r: random.Random, text: str) -> str:
    roll = r.random()
    if roll < 0.05:
        return text.rjust(14)
    if roll < 0.08:
        return text + "\u00a0"
    return text


def nhs_trailing_zero(r: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        if _blankish(r):
            out.append(None)
            continue
        n = v.nhs(r)
        out.append(_pad(r, r.choice([f"{n}.0", f"{n}.0", f"{n}.00", n])))
    return out


def nhs_scientific(r: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        if _blankish(r):
            out.append(None)
            continue
        n = v.nhs(r)
        roll = r.random()
        if roll < 0.7:
            out.append(v.sci(n, r.choice([6, 6, 3, 10])))
        elif roll < 0.85:
            out.append(f"{n[0]}.{n[1:]}E+09")
        else:
            out.append(n)
    return out


def chi_lost_zero(r: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        if _blankish(r, 0.06):
            out.append(None)
            continue
        c = v.chi(r)
        if c.startswith("0") and r.random() < 0.85:
            c = c.lstrip("0")
            c = r.choice([c, c, f"{c}.0"])
        out.append(_pad(r, c))
    return out


def uprn_damaged(r: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        if _blankish(r):
            out.append(None)
            continue
        u = v.uprn(r)
        roll = r.random()
        if roll < 0.4:
            out.append(f"{u}.0")
        elif roll < 0.7 and len(u) >= 10:
            out.append(v.sci(u, r.choice([6, 12])))
        else:
            out.append(u)
    return out


def phone_damaged(r: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        if _blankish(r, 0.08):
            out.append(None)
            continue
        area, local = v.phone_parts(r, mobile=r.random() < 0.85)
        digits = (area + local).replace(" ", "")
        roll = r.random()
        if roll < 0.4:
            out.append(digits[1:])
        elif roll < 0.55:
            out.append(digits[1:] + ".0")
        elif roll < 0.65:
            out.append("'" + digits)
        elif roll < 0.75:
            out.append("44" + digits[1:])
        elif roll < 0.82:
            out.append(v.sci(digits[1:], 6))
        else:
            out.append(f"{area} {local}")
    return out


def ni_pasted(r: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        if _blankish(r, 0.07):
            out.append(None)
            continue
        n = v.ni(r)
        roll = r.random()
        if roll < 0.2:
            out.append(f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}")
        elif roll < 0.35:
            out.append(f"{n[:2]}-{n[2:8]}-{n[8]}")
        elif roll < 0.5:
            out.append(n.lower())
        elif roll < 0.6:
            out.append(f'="{n}"')
        elif roll < 0.7:
            out.append(f"{n[:2]}\u200b{n[2:]}")
        elif roll < 0.78:
            out.append(f"{n[:8]}  {n[8]}")
        else:
            out.append(n)
    return out


def hosp_numeric(r: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        if _blankish(r):
            out.append(None)
            continue
        num = f"{r.randrange(10**7):08d}" if r.random() < 0.6 else f"{r.randrange(10**6):07d}"
        roll = r.random()
        if roll < 0.45:
            out.append(str(int(num)))
        elif roll < 0.7:
            out.append(f"{int(num)}.0")
        else:
            out.append(num)
    return out


def incident_log_no(r: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        s = v.invalid_mod11(r, r.choice(["4", "6", "9", "2"]))
        out.append(r.choice([s, s, f"{s}.0"]))
    return out


def sandbag_batch_serial(r: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        s = v.invalid_mod11(r, r.choice(["4", "9"]))
        out.append(v.sci(s, 6) if r.random() < 0.7 else s)
    return out


def easting_m(r: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        e = r.randrange(150000, 650000)
        out.append(r.choice([f"{e}.0", str(e), f"{e}.5", f"{e:,}"]))
    return out


def substation_asset_id(r: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        s = "1000" + "".join(str(r.randrange(10)) for _ in range(8))
        out.append(r.choice([s, s, f"{s}.0"]))
    return out


def _ean13(r: random.Random) -> str:
    body = "50" + "".join(str(r.randrange(10)) for _ in range(10))
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def tray_barcode_ean(r: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        e = _ean13(r)
        out.append(r.choice([e, e, v.sci(e, 6)]))
    return out


def generator_serial_no(r: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        s = v.invalid_mod11(r, r.choice(["4", "6", "9"]))
        out.append(v.spaced_334(s) if r.random() < 0.8 else s)
    return out


def arrival_date_serial(r: random.Random, rows: int) -> list[str | None]:
    base = _dt.date(1899, 12, 30)
    out: list[str | None] = []
    for _ in range(rows):
        if _blankish(r, 0.05):
            out.append(None)
            continue
        serial = (v.event_date(r) - base).days
        out.append(r.choice([str(serial), f"{serial}.0", f"{serial}.{r.randrange(1, 99)}"]))
    return out
