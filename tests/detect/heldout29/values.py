"""Synthetic identifier generators and validators (standard library only)."""

import re
import string

from . import pools

UPPER = string.ascii_uppercase
POSTCODE_INWARD = "ABDEFGHJLNPQRSTUWXYZ"


def mod11_check(nine: str) -> int | None:
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True))
    check = 11 - (total % 11)
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def mod11_valid(digits: str) -> bool:
    if len(digits) != 10 or not digits.isdigit():
        return False
    check = mod11_check(digits[:9])
    return check is not None and check == int(digits[9])


def nhs_number(rng) -> str:
    while True:
        nine = str(rng.randint(3, 7)) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


def mod11_invalid_10(rng, first=None) -> str:
    """Ten digits whose last digit fails the modulus-11 check."""
    while True:
        lead = first if first is not None else str(rng.randint(1, 9))
        nine = lead + "".join(str(rng.randint(0, 9)) for _ in range(9 - len(lead)))
        last = str(rng.randint(0, 9))
        if not mod11_valid(nine + last):
            return nine + last


def _ddmmyy(rng, y_lo=1925, y_hi=1960):
    year = rng.randint(y_lo, y_hi)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    return day, month, year


def chi_number(rng) -> str:
    while True:
        d, m, y = _ddmmyy(rng)
        nine = f"{d:02d}{m:02d}{y % 100:02d}" + "".join(str(rng.randint(0, 9)) for _ in range(3))
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


def chi_lookalike_invalid(rng, y_lo=2019, y_hi=2024) -> str:
    while True:
        d, m, y = _ddmmyy(rng, y_lo, y_hi)
        ten = f"{d:02d}{m:02d}{y % 100:02d}" + "".join(str(rng.randint(0, 9)) for _ in range(4))
        if not mod11_valid(ten):
            return ten


NI_FIRST = [c for c in UPPER if c not in "DFIQUV"]
NI_SECOND = [c for c in UPPER if c not in "DFIQUVO"]
NI_BAD = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def ni_number(rng) -> str:
    while True:
        pre = rng.choice(NI_FIRST) + rng.choice(NI_SECOND)
        if pre not in NI_BAD:
            break
    return pre + "".join(str(rng.randint(0, 9)) for _ in range(6)) + rng.choice("ABCD")


NI_RE = re.compile(
    r"\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])\s*-?\s*(\d{2})\s*-?\s*(\d{2})\s*-?\s*(\d{2})\s*-?\s*([A-D])\b",
    re.I,
)


def ni_valid(text: str) -> bool:
    m = NI_RE.search(text)
    return bool(m) and m.group(1).upper() not in NI_BAD


# Ofcom drama ranges: (prefix digits, national significant form builder)
def phone_digits(rng) -> str:
    """Return a national-format digit string (starting 0) in an Ofcom drama range."""
    kind = rng.randint(0, 13)
    n3 = f"{rng.randint(0, 999):03d}"
    if kind <= 4:
        return "07700900" + n3
    if kind == 5:
        return "01632960" + n3
    if kind == 6:
        return "0207946" + f"{rng.randint(0, 999):04d}"
    if kind == 7:
        return "0289649" + f"6{rng.randint(0, 999):03d}"
    if kind == 8:
        return "0292018" + f"{rng.randint(0, 999):04d}"
    area = rng.choice(["0113", "0114", "0117", "0118", "0121", "0131", "0141", "0151", "0161"])
    return area + "496" + f"{rng.randint(0, 999):04d}"


def phone_pretty(digits: str) -> str:
    if digits.startswith("07"):
        return f"{digits[:5]} {digits[5:]}"
    if digits.startswith("01632"):
        return f"{digits[:5]} {digits[5:]}"
    if digits.startswith(("020", "028", "029")):
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    return f"{digits[:4]} {digits[4:7]} {digits[7:]}"


DRAMA_RANGES = [
    ("07700900", 3),
    ("01632960", 3),
    ("02079460", 3),
    ("02896496", 3),
    ("02920180", 3),
    ("01134960", 3),
    ("01144960", 3),
    ("01174960", 3),
    ("01184960", 3),
    ("01214960", 3),
    ("01314960", 3),
    ("01414960", 3),
    ("01514960", 3),
    ("01614960", 3),
]


def phone_is_drama(digits: str) -> bool:
    """digits: national form starting 0, 11 digits."""
    if len(digits) != 11:
        return False
    return any(digits.startswith(p) for p, _ in DRAMA_RANGES)


def normalise_phone(text: str) -> str | None:
    d = re.sub(r"\D", "", text)
    if d.startswith("0044"):
        d = "0" + d[4:]
    elif d.startswith("44") and len(d) in (12, 13):
        d = "0" + d[2:]
    if d.startswith("440"):
        d = d[2:]
    if len(d) == 12 and d.startswith("00"):
        d = d[1:]
    if len(d) == 10 and not d.startswith("0"):
        d = "0" + d
    return d


EMAIL_DOMAINS = [
    "example.com",
    "example.org",
    "example.net",
    "council.example",
    "deputy-services.example",
    "nhs.example",
    "solicitors.example",
]


def email(rng, first=None, last=None) -> str:
    first = first or rng.choice(pools.FORENAMES)
    last = last or rng.choice(pools.SURNAMES)
    f = re.sub(r"[^a-z]", "", first.lower())
    s = re.sub(r"[^a-z]", "", last.lower())
    style = rng.randint(0, 4)
    local = [
        f"{f}.{s}",
        f"{f[0]}{s}",
        f"{s}{rng.randint(1, 99)}",
        f"{f}_{s}{rng.randint(40, 79)}",
        f"{f}{s[0]}",
    ][style]
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


EMAIL_RE = re.compile(r"[A-Za-z0-9._%+'-]+@([A-Za-z0-9.-]+\.[A-Za-z]+)")


def email_synthetic(domain: str) -> bool:
    domain = domain.lower()
    return domain in ("example.com", "example.org", "example.net") or domain.endswith(".example")


POSTCODE_AREAS = [
    "LS",
    "BD",
    "M",
    "B",
    "G",
    "EH",
    "CF",
    "BT",
    "OL",
    "LU",
    "IG",
    "WF",
    "HX",
    "L",
    "S",
    "NE",
    "SA",
    "PA",
    "E",
    "N",
    "SW",
    "W",
    "BB",
    "LL",
]


def postcode(rng) -> str:
    area = rng.choice(POSTCODE_AREAS)
    shape = rng.randint(0, 5)
    if area in ("E", "W", "SW", "N") and shape == 5:
        district = f"{rng.randint(1, 9)}{rng.choice('ABCEHJKMNPRVWXY')}"
    else:
        district = str(rng.randint(1, 29 if len(area) == 2 else 99))
    inward = f"{rng.randint(0, 9)}{rng.choice(POSTCODE_INWARD)}{rng.choice(POSTCODE_INWARD)}"
    return f"{area}{district} {inward}"


POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*[-]?\s*\d[A-Z]{2}\b", re.I)


def address(rng, sep=", ") -> str:
    num = rng.choice(
        [
            str(rng.randint(1, 240)),
            f"Flat {rng.randint(1, 40)}",
            f"{rng.randint(1, 99)}{rng.choice('ab')}",
        ]
    )
    parts = [f"{num} {rng.choice(pools.STREETS)}", rng.choice(pools.LOCALITIES), postcode(rng)]
    return sep.join(parts)


ADDRESS_RE = re.compile(
    r"\d+[ab]?\s+(" + "|".join(re.escape(s) for s in pools.STREETS) + r")", re.I
)


def uprn(rng) -> str:
    return rng.choice(["1000", "1001", "2000", "1000", "4400", "1002"]) + "".join(
        str(rng.randint(0, 9)) for _ in range(rng.choice([7, 8]))
    )


def hospital_number(rng) -> str:
    style = rng.randint(0, 3)
    if style == 0:
        return "RXH" + "".join(str(rng.randint(0, 9)) for _ in range(7))
    if style == 1:
        return rng.choice("MKTJ") + "".join(str(rng.randint(0, 9)) for _ in range(6))
    if style == 2:
        return "H" + "".join(str(rng.randint(0, 9)) for _ in range(7)) + rng.choice(UPPER)
    return "RR8" + "".join(str(rng.randint(0, 9)) for _ in range(6))


HOSP_RE = re.compile(r"\b(RXH\d{7}|[MKTJ]\d{6}|H\d{7}[A-Z]|RR8\d{6})\b")


def passport(rng) -> str:
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(8))


def driving_licence(rng, surname=None, female=None) -> str:
    surname = surname or rng.choice(pools.SURNAMES)
    s = re.sub(r"[^A-Z]", "", surname.upper())[:5].ljust(5, "9")
    d, m, y = _ddmmyy(rng, 1930, 1965)
    female = rng.random() < 0.5 if female is None else female
    mm = m + 50 if female else m
    mid = f"{(y % 100) // 10}{mm:02d}{d:02d}{y % 10}"
    initials = rng.choice(UPPER) + rng.choice(UPPER + "9")
    return s + mid + initials + "9" + rng.choice(UPPER) + rng.choice(UPPER)


DL_RE = re.compile(r"\b[A-Z9]{5}\s?\d{6}\s?[A-Z9]{2}\d[A-Z]{2}\b", re.I)

REG_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"


def vehicle_reg(rng) -> str:
    age = rng.choice([f"{y:02d}" for y in range(2, 25)] + [str(y) for y in range(51, 75)])
    return (
        rng.choice("ABCDEFGHKLMNOPRSVWY")
        + rng.choice(REG_LETTERS)
        + age
        + " "
        + "".join(rng.choice("ABCDEFGHJKLMNOPRSTUVWXYZ") for _ in range(3))
    )


REG_RE = re.compile(r"\b[A-Z]{2}\d{2}\s?-?[A-Z]{3}\b", re.I)


def dob(rng):
    return _ddmmyy(rng, 1922, 1962)


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def full_name(rng, title_p=0.0) -> str:
    name = f"{rng.choice(pools.FORENAMES)} {rng.choice(pools.SURNAMES)}"
    if rng.random() < title_p:
        name = f"{rng.choice(pools.TITLES)} {name}"
    return name


def messy_case(rng, text: str, p_upper=0.08, p_lower=0.05) -> str:
    r = rng.random()
    if r < p_upper:
        return text.upper()
    if r < p_upper + p_lower:
        return text.lower()
    return text


def stray_space(rng, text: str, p=0.07) -> str:
    r = rng.random()
    if r < p / 2:
        return " " + text
    if r < p:
        return text + "  "
    return text


def blank(rng, p) -> bool:
    return rng.random() < p


def column(rng, rows, fn, blank_p=0.0):
    return [None if blank(rng, blank_p) else fn(rng) for _ in range(rows)]
