"""Synthetic identifier generators and formatters (standard library only)."""

from __future__ import annotations

import datetime as _dt
import random

from . import pools

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MOD11_WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)


# check digits -----------------------------------------------------------------------
def mod11_check(first9: str) -> int | None:
    """NHS/CHI modulus-11 check digit for nine digits, or None when invalid (10)."""
    total = sum(int(d) * w for d, w in zip(first9, MOD11_WEIGHTS, strict=False))
    check = 11 - (total % 11)
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def mod11_valid(ten: str) -> bool:
    if len(ten) != 10 or not ten.isdigit():
        return False
    check = mod11_check(ten[:9])
    return check is not None and check == int(ten[9])


def nhs_number(rng: random.Random) -> str:
    while True:
        first9 = str(rng.randint(400, 999)) + "".join(str(rng.randint(0, 9)) for _ in range(6))
        check = mod11_check(first9)
        if check is not None:
            return first9 + str(check)


def mod11_failing(rng: random.Random, first: str = "") -> str:
    """Ten digits that FAIL the modulus-11 check (look-alike serials)."""
    while True:
        body = first + "".join(str(rng.randint(0, 9)) for _ in range(10 - len(first)))
        if not mod11_valid(body):
            return body


def random_date(rng: random.Random, start_year: int, end_year: int) -> _dt.date:
    start = _dt.date(start_year, 1, 1).toordinal()
    end = _dt.date(end_year, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(start, end))


def dob(rng: random.Random) -> _dt.date:
    return random_date(rng, 1931, 2006)


def chi_number(rng: random.Random) -> str:
    while True:
        d = random_date(rng, 1931, 2006)
        first9 = d.strftime("%d%m%y") + "".join(str(rng.randint(0, 9)) for _ in range(3))
        check = mod11_check(first9)
        if check is not None:
            return first9 + str(check)


def chi_failing(rng: random.Random, d: _dt.date) -> str:
    while True:
        cand = d.strftime("%d%m%y") + "".join(str(rng.randint(0, 9)) for _ in range(4))
        if not mod11_valid(cand):
            return cand


NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NI_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NI_BAD = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def ni_number(rng: random.Random) -> str:
    while True:
        prefix = rng.choice(NI_FIRST) + rng.choice(NI_SECOND)
        if prefix not in NI_BAD:
            break
    digits = "".join(str(rng.randint(0, 9)) for _ in range(6))
    return prefix + digits + rng.choice("ABCD")


# phones: Ofcom drama ranges only ----------------------------------------------------
LANDLINE_RANGES = [
    ("01632", "96", 4),  # 01632 960000-960999 -> area 01632, local 96xxxx
    ("020", "79460", 3),
    ("0113", "4960", 3),
    ("0114", "4960", 3),
    ("0117", "4960", 3),
    ("0118", "4960", 3),
    ("0121", "4960", 3),
    ("0131", "4960", 3),
    ("0141", "4960", 3),
    ("0151", "4960", 3),
    ("0161", "4960", 3),
    ("028", "96496", 3),
    ("029", "20180", 3),
]


def mobile(rng: random.Random) -> str:
    return f"07700900{rng.randint(0, 999):03d}"


def landline(rng: random.Random) -> tuple[str, str]:
    """(area code, local number) inside a drama range."""
    area, stem, free = rng.choice(LANDLINE_RANGES)
    if area == "01632":
        local = "960" + f"{rng.randint(0, 999):03d}"
    else:
        local = stem + "".join(str(rng.randint(0, 9)) for _ in range(free))
    return area, local


def landline_text(rng: random.Random) -> str:
    area, local = landline(rng)
    if len(local) == 8:
        return f"{area} {local[:4]} {local[4:]}"
    if len(local) == 7:
        return f"{area} {local[:3]} {local[3:]}"
    return f"{area} {local}"


def phone_digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def is_drama_phone(text: str) -> bool:
    d = phone_digits(text)
    if d.startswith("44"):
        d = d[2:]
    if not d.startswith("0"):
        d = "0" + d
    if len(d) != 11:
        return False
    if d.startswith("07700900"):
        return True
    if d.startswith("01632960"):
        return True
    for area, stem, _free in LANDLINE_RANGES:
        if d.startswith(area + stem) and area != "01632":
            return True
    return False


# names --------------------------------------------------------------------------------
def forename(rng: random.Random) -> str:
    return rng.choice(pools.FORENAMES)


def surname(rng: random.Random) -> str:
    return rng.choice(pools.SURNAMES)


def full_name(rng: random.Random) -> str:
    return f"{forename(rng)} {surname(rng)}"


# e-mail -----------------------------------------------------------------------------
EMAIL_DOMAINS = [
    "example.com",
    "example.org",
    "example.net",
    "leisure.example",
    "parkrun-vols.example",
    "shed.example",
    "nhs.example",
]


def email(rng: random.Random) -> str:
    f = forename(rng).lower().replace("'", "").replace("-", "")
    s = surname(rng).lower().replace("'", "").replace(" ", "")
    style = rng.randint(0, 4)
    if style == 0:
        local = f"{f}.{s}"
    elif style == 1:
        local = f"{f[0]}{s}{rng.randint(1, 99)}"
    elif style == 2:
        local = f"{s}_{f}"
    elif style == 3:
        local = f"{f}{rng.randint(1950, 2005)}"
    else:
        local = f"{f}.{s[0]}"
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


# postcodes and addresses --------------------------------------------------------------
OUTWARD_AREAS = [
    "LS",
    "BD",
    "S",
    "HX",
    "HD",
    "CF",
    "SA",
    "LL",
    "G",
    "PA",
    "IV",
    "HS",
    "DD",
    "BT",
    "NE",
    "SR",
    "TS",
    "PR",
    "BB",
    "BL",
    "WN",
    "ST",
    "LE",
    "LU",
    "SL",
    "M",
    "B",
    "L",
    "E",
    "N",
]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def postcode(rng: random.Random) -> str:
    area = rng.choice(OUTWARD_AREAS)
    district = str(rng.randint(1, 29))
    if rng.random() < 0.1 and len(area) == 1 and len(district) == 1:
        district += rng.choice("ABCDEFGHJKSTW")
    inward = str(rng.randint(0, 9)) + rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    return f"{area}{district} {inward}"


def address(rng: random.Random, sep: str = ", ") -> str:
    parts = []
    if rng.random() < 0.2:
        parts.append(rng.choice(pools.FLAT_BITS))
    parts.append(f"{rng.randint(1, 240)} {rng.choice(pools.STREETS)}")
    parts.append(rng.choice(pools.TOWNS))
    parts.append(postcode(rng))
    return sep.join(parts)


# other identifiers --------------------------------------------------------------------
def hospital_number(rng: random.Random) -> str:
    style = rng.randint(0, 2)
    if style == 0:
        return rng.choice(["RXH", "RR8", "RHQ", "RWA", "RAE"]) + f"{rng.randint(0, 9999999):07d}"
    if style == 1:
        return rng.choice("KMJSDT") + f"{rng.randint(0, 999999):06d}"
    return f"{rng.randint(0, 99999999):08d}"


def passport_number(rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(8))


def driving_licence(rng: random.Random) -> str:
    sur = "".join(c for c in surname(rng).upper() if c.isalpha())[:5].ljust(5, "9")
    d = dob(rng)
    month = d.month + (50 if rng.random() < 0.5 else 0)
    core = f"{str(d.year)[2]}{month:02d}{d.day:02d}{str(d.year)[3]}"
    initials = forename(rng)[0].upper() + (rng.choice(LETTERS) if rng.random() < 0.6 else "9")
    tail = "9" + rng.choice(LETTERS) + rng.choice(LETTERS)
    return sur + core + initials + tail


REG_AREA = "ABCDEFGHKLMNOPRSVWY"
REG_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXYZ"


def vehicle_registration(rng: random.Random) -> str:
    if rng.random() < 0.8:
        age = rng.choice([f"{y:02d}" for y in range(2, 25)] + [f"{y}" for y in range(51, 75)])
        return (
            rng.choice(REG_AREA)
            + rng.choice(REG_LETTERS)
            + age
            + " "
            + "".join(rng.choice(REG_LETTERS) for _ in range(3))
        )
    return (
        rng.choice("ABCDEFGHJKLMNPRSTVWXY")
        + str(rng.randint(1, 999))
        + " "
        + "".join(rng.choice(REG_LETTERS) for _ in range(3))
    )


def uprn(rng: random.Random) -> str:
    style = rng.random()
    if style < 0.6:
        return "1000" + "".join(str(rng.randint(0, 9)) for _ in range(8))
    if style < 0.85:
        return str(rng.randint(10000000, 99999999999))
    return "2000" + "".join(str(rng.randint(0, 9)) for _ in range(8))


# date formatting -----------------------------------------------------------------------
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def fmt_date(rng: random.Random, d: _dt.date) -> str:
    style = rng.randint(0, 7)
    if style == 0:
        return d.strftime("%d/%m/%Y")
    if style == 1:
        return d.isoformat()
    if style == 2:
        return f"{d.day} {MONTHS[d.month - 1]} {d.strftime('%y')}"
    if style == 3:
        return d.strftime("%d.%m.%Y")
    if style == 4:
        return d.strftime("%Y%m%d")
    if style == 5:
        return f"{d.day}/{d.month}/{d.strftime('%y')}"
    if style == 6:
        return d.strftime("%d-%b-%Y").upper()
    return d.strftime("%d/%m/%Y 00:00")


def sci(value: int, digits: int = 6) -> str:
    """Excel-style scientific rendering, e.g. 9.43477E+09."""
    text = f"{float(value):.{digits - 1}E}"
    mant, exp = text.split("E")
    mant = mant.rstrip("0").rstrip(".")
    sign = exp[0]
    return f"{mant}E{sign}{int(exp[1:]):02d}"


def blanks(rng: random.Random, rows: int, fill: float, make) -> list[str | None]:
    """Column where about `fill` of rows hold make(rng), the rest None."""
    return [make(rng) if rng.random() < fill else None for _ in range(rows)]


def with_exact_share(rng: random.Random, rows: int, share: float, hit, miss) -> list[str | None]:
    """Exactly round(rows*share) rows from hit(rng), the rest from miss(rng)."""
    n_hit = round(rows * share)
    flags = [True] * n_hit + [False] * (rows - n_hit)
    rng.shuffle(flags)
    return [hit(rng) if f else miss(rng) for f in flags]
