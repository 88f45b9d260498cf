"""Synthetic identifier generators, formatters and checks for heldout11."""

import datetime as _dt
import random

from . import pools

NHS_WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)

# Ofcom drama ranges: (prefix digits, free-digit count, low, high)
DRAMA_RANGES = [
    ("07700900", 3),
    ("01632960", 3),
    ("02079460", 3),
    ("01134960", 3),
    ("01144960", 3),
    ("01174960", 3),
    ("01184960", 3),
    ("01214960", 3),
    ("01314960", 3),
    ("01414960", 3),
    ("01514960", 3),
    ("01614960", 3),
    ("02896496", 3),
    ("02920180", 3),
]
EMAIL_DOMAINS = [
    "example.com",
    "example.org",
    "example.net",
    "nhs.example",
    "council.example",
    "mail.example",
]
NI_BAD_FIRST = set("DFIQUV")
NI_BAD_SECOND = set("DFIQUVO")
NI_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


# ---------------------------------------------------------------- checks
def mod11_check(first9: str) -> int | None:
    total = sum(int(d) * w for d, w in zip(first9[:9], NHS_WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def mod11_valid(digits: str) -> bool:
    if len(digits) != 10 or not digits.isdigit():
        return False
    c = mod11_check(digits[:9])
    return c is not None and c == int(digits[9])


def chi_valid(digits: str) -> bool:
    if not mod11_valid(digits):
        return False
    dd, mm = int(digits[:2]), int(digits[2:4])
    return 1 <= dd <= 31 and 1 <= mm <= 12


def ni_valid(s: str) -> bool:
    s = s.replace(" ", "").replace("-", "").upper()
    if len(s) != 9:
        return False
    a, b = s[0], s[1]
    if not (a.isalpha() and b.isalpha() and s[2:8].isdigit() and s[8] in "ABCD"):
        return False
    return not (a in NI_BAD_FIRST or b in NI_BAD_SECOND or a + b in NI_BAD_PAIRS)


def phone_synthetic(digits: str) -> bool:
    """digits: national form starting 0, no punctuation."""
    return any(digits.startswith(p) and len(digits) == len(p) + n for p, n in DRAMA_RANGES)


# ---------------------------------------------------------------- raw values
def nhs_number(rng: random.Random) -> str:
    while True:
        first = str(rng.randint(4, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        c = mod11_check(first)
        if c is not None:
            return first + str(c)


def bad_mod11(rng: random.Random, first_digit: str | None = None) -> str:
    """10 digits that fail the modulus-11 check."""
    while True:
        lead = first_digit or str(rng.randint(1, 9))
        s = lead + "".join(str(rng.randint(0, 9)) for _ in range(9))
        if not mod11_valid(s):
            return s


def dob(rng: random.Random, lo: int = 1926, hi: int = 2021) -> _dt.date:
    start = _dt.date(lo, 1, 1).toordinal()
    end = _dt.date(hi, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(start, end))


def chi_number(rng: random.Random, d: _dt.date | None = None) -> str:
    while True:
        d = d or dob(rng)
        first = d.strftime("%d%m%y") + "".join(str(rng.randint(0, 9)) for _ in range(3))
        c = mod11_check(first)
        if c is not None:
            return first + str(c)
        d = None


def bad_chi(rng: random.Random) -> str:
    while True:
        d = dob(rng, 2015, 2024)
        s = d.strftime("%d%m%y") + "".join(str(rng.randint(0, 9)) for _ in range(4))
        if not mod11_valid(s):
            return s


def ni_number(rng: random.Random) -> str:
    while True:
        a, b = rng.choice(LETTERS), rng.choice(LETTERS)
        if a in NI_BAD_FIRST or b in NI_BAD_SECOND or a + b in NI_BAD_PAIRS:
            continue
        digits = "".join(str(rng.randint(0, 9)) for _ in range(6))
        return f"{a}{b}{digits}{rng.choice('ABCD')}"


def phone_digits(rng: random.Random) -> str:
    prefix, n = rng.choice(DRAMA_RANGES)
    return prefix + "".join(str(rng.randint(0, 9)) for _ in range(n))


def phone_pretty(digits: str) -> str:
    if digits.startswith("07"):
        return f"{digits[:5]} {digits[5:]}"
    if digits.startswith("02"):
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    if digits.startswith("011") or (digits.startswith("01") and digits[3] == "1"):
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    return f"{digits[:5]} {digits[5:]}"


def forename(rng: random.Random) -> str:
    return rng.choice(pools.FORENAMES)


def surname(rng: random.Random) -> str:
    return rng.choice(pools.SURNAMES)


def full_name(rng: random.Random) -> str:
    return f"{forename(rng)} {surname(rng)}"


def email(rng: random.Random, fore: str | None = None, sur: str | None = None) -> str:
    fore = (fore or forename(rng)).lower().replace("'", "").replace(" ", "")
    sur = (sur or surname(rng)).lower().replace("'", "").replace(" ", "")
    sur = sur.encode("ascii", "ignore").decode() or "x"
    fore = fore.encode("ascii", "ignore").decode() or "y"
    style = rng.randint(0, 4)
    local = [
        f"{fore}.{sur}",
        f"{fore[0]}{sur}{rng.randint(1, 99)}",
        f"{sur}_{fore}",
        f"{fore}{rng.randint(1960, 2010)}",
        f"{fore}.{sur}{rng.randint(1, 9)}",
    ][style]
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


AREAS = [
    "LS",
    "S",
    "BS",
    "RG",
    "B",
    "EH",
    "G",
    "L",
    "M",
    "CF",
    "BT",
    "LL",
    "IV",
    "HS",
    "HX",
    "OL",
    "WN",
    "SA",
    "DD",
    "CA",
    "LA",
    "PH",
    "NE",
    "SW",
    "E",
    "N",
    "KW",
]
INWARD = "ABDEFGHJLNPQRSTUWXYZ"


def postcode(rng: random.Random) -> str:
    area = rng.choice(AREAS)
    shape = rng.randint(0, 3)
    if shape == 0:
        out = f"{area}{rng.randint(1, 9)}"
    elif shape == 1:
        out = f"{area}{rng.randint(10, 29)}"
    elif shape == 2 and len(area) == 1:
        out = f"{area}{rng.randint(1, 9)}{rng.choice('ABEHJ')}"
    else:
        out = f"{area}{rng.randint(1, 19)}"
    inward = f"{rng.randint(0, 9)}{rng.choice(INWARD)}{rng.choice(INWARD)}"
    return f"{out} {inward}"


def street(rng: random.Random) -> str:
    stem = rng.choice(pools.STREET_STEMS)
    if stem in ("Heol", "Ffordd", "Stryd", "Sràid"):
        return f"{stem} {rng.choice(pools.STREET_STEMS[:12])}"
    return f"{stem} {rng.choice(pools.STREET_TYPES)}"


def address(rng: random.Random, sep: str = ", ") -> str:
    parts = []
    if rng.random() < 0.3:
        parts.append(f"Flat {rng.randint(1, 40)}{rng.choice(['', 'A', 'B'])}")
    if rng.random() < 0.2:
        parts.append(
            rng.choice(
                [
                    "Rose Cottage",
                    "Ty Gwyn",
                    "The Old Forge",
                    "Beech House",
                    "Tigh na Mara",
                    "Ground Floor",
                ]
            )
        )
    parts.append(f"{rng.randint(1, 240)} {street(rng)}")
    parts.append(rng.choice(pools.TOWNS))
    parts.append(postcode(rng))
    return sep.join(parts)


def uprn(rng: random.Random) -> str:
    lead = rng.choice(["1000", "1001", "2000", "100", "10", "906", "3"])
    total = rng.choice([12, 12, 12, 11, 10, 9])
    return lead + "".join(str(rng.randint(0, 9)) for _ in range(total - len(lead)))


def passport(rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(8))


def driving_licence(rng: random.Random, sur: str | None = None) -> str:
    sur = (sur or surname(rng)).upper()
    letters = "".join(ch for ch in sur.encode("ascii", "ignore").decode() if ch.isalpha())
    s5 = (letters + "99999")[:5]
    d = dob(rng, 1940, 2005)
    month = d.month + (50 if rng.random() < 0.5 else 0)
    inits = rng.choice(LETTERS) + rng.choice(LETTERS + "9")
    return (
        f"{s5}{str(d.year)[2]}{month:02d}{d.day:02d}{str(d.year)[3]}{inits}"
        f"{rng.randint(0, 9)}{rng.choice(LETTERS)}{rng.choice(LETTERS)}"
    )


VRN_AREA = "ABCDEFGHKLMNOPRSVWXY"
VRN_TAIL = "ABCDEFGHJKLMNOPRSTUVWXYZ"


def vehicle_reg(rng: random.Random) -> str:
    if rng.random() < 0.8:
        age = rng.choice([rng.randint(2, 24), rng.randint(51, 74)])
        return f"{rng.choice(VRN_AREA)}{rng.choice(VRN_TAIL)}{age:02d} " + "".join(
            rng.choice(VRN_TAIL) for _ in range(3)
        )
    return f"{rng.choice('ABCDEFGHJKLMNPRSTVWXY')}{rng.randint(1, 999)} " + "".join(
        rng.choice(VRN_TAIL) for _ in range(3)
    )


def hospital_number(rng: random.Random) -> str:
    style = rng.randint(0, 3)
    if style == 0:
        return f"RX1{rng.randint(0, 9999999):07d}"
    if style == 1:
        return f"{rng.choice('HKMJ')}{rng.randint(100000, 999999)}"
    if style == 2:
        return f"{rng.choice(['RHQ', 'RR8', 'RTD'])}-{rng.randint(0, 999999):06d}"
    return f"{rng.choice('ABCDEFGH')}{rng.randint(0, 99):02d}{rng.randint(0, 99999):05d}"


# ---------------------------------------------------------------- date formats
def fmt_date(rng: random.Random, d: _dt.date, style: int | None = None) -> str:
    style = rng.randint(0, 8) if style is None else style
    return [
        d.strftime("%d/%m/%Y"),
        d.isoformat(),
        d.strftime("%d-%b-%y"),
        d.strftime("%d.%m.%Y"),
        d.strftime("%Y%m%d"),
        f"{d.day} {d.strftime('%B %Y')}",
        d.strftime("%d/%m/%y"),
        d.strftime("%d %b %Y").upper(),
        d.strftime("%Y-%m-%d 00:00:00"),
    ][style]


def excel_serial(d: _dt.date) -> int:
    return (d - _dt.date(1899, 12, 30)).days


# ---------------------------------------------------------------- excel damage
def sci(digits: str, sig: int = 6) -> str:
    v = float(digits)
    return f"{v:.{sig - 1}E}"


def float_text(digits: str) -> str:
    return f"{int(digits)}.0"


def thousands(digits: str) -> str:
    return f"{int(digits):,}"


def blank_or(rng: random.Random, p_blank: float, value: str) -> str | None:
    return None if rng.random() < p_blank else value


def messy(rng: random.Random, value: str, p: float = 0.1) -> str:
    """Stray spaces, NBSPs, padding and case damage typical of exports."""
    r = rng.random()
    if r < p * 0.3:
        return f" {value}"
    if r < p * 0.5:
        return f"{value}  "
    if r < p * 0.7:
        return value.replace(" ", "\u00a0", 1)
    if r < p:
        return value.ljust(len(value) + rng.randint(1, 6))
    return value
