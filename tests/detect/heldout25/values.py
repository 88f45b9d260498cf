"""Synthetic identifier makers for heldout25. Every function takes a random.Random."""

from __future__ import annotations

import datetime as _dt
import random

from . import pools

WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)

PHONE_RANGES = [
    ("07700", "900", 3),
    ("01632", "960", 3),
    ("020", "7946 0", 3),
    ("0113", "496 0", 3),
    ("0114", "496 0", 3),
    ("0117", "496 0", 3),
    ("0118", "496 0", 3),
    ("0121", "496 0", 3),
    ("0131", "496 0", 3),
    ("0141", "496 0", 3),
    ("0151", "496 0", 3),
    ("0161", "496 0", 3),
    ("028", "9649 6", 3),
    ("029", "2018 0", 3),
]

EMAIL_DOMAINS = ["example.com", "example.org", "example.net", "mail.example", "council.example"]
NI_BAD_FIRST = set("DFIQUV")
NI_BAD_SECOND = set("DFIQUVO")
NI_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def mod11_check(first9: str) -> int | None:
    """Return the modulus-11 check digit for nine digits, or None if it would be 10."""
    total = sum(int(d) * w for d, w in zip(first9, WEIGHTS, strict=True))
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


def nhs(r: random.Random) -> str:
    while True:
        first = str(r.choice([4, 6, 9])) + "".join(str(r.randrange(10)) for _ in range(8))
        check = mod11_check(first)
        if check is not None:
            return first + str(check)


def invalid_mod11(r: random.Random, first_digit: str | None = None) -> str:
    """Ten digits whose last digit is NOT a valid modulus-11 check."""
    while True:
        lead = first_digit if first_digit is not None else str(r.randrange(1, 10))
        s = lead + "".join(str(r.randrange(10)) for _ in range(9 - len(lead)))
        s += str(r.randrange(10))
        if not mod11_valid(s):
            return s


def dob(r: random.Random, young: int = 0, old: int = 98) -> _dt.date:
    ref = _dt.date(2024, 1, 1)
    days = r.randrange(young * 365, old * 365)
    return ref - _dt.timedelta(days=days)


def chi(r: random.Random, born: _dt.date | None = None) -> str:
    while True:
        d = born or dob(r)
        first = d.strftime("%d%m%y") + "".join(str(r.randrange(10)) for _ in range(3))
        check = mod11_check(first)
        if check is not None:
            return first + str(check)


def ni(r: random.Random) -> str:
    while True:
        a, b = r.choice(LETTERS), r.choice(LETTERS)
        if a in NI_BAD_FIRST or b in NI_BAD_SECOND or a + b in NI_BAD_PAIRS:
            continue
        digits = "".join(str(r.randrange(10)) for _ in range(6))
        return f"{a}{b}{digits}{r.choice('ABCD')}"


def phone_parts(r: random.Random, mobile: bool | None = None) -> tuple[str, str]:
    """Return (area code, local number) with spaces as usually written."""
    if mobile is None:
        mobile = r.random() < 0.55
    if mobile:
        return "07700", f"900{r.randrange(1000):03d}"
    area, stem, n = r.choice(PHONE_RANGES[1:])
    return area, f"{stem}{r.randrange(10**n):0{n}d}"


def phone(r: random.Random, mobile: bool | None = None) -> str:
    area, local = phone_parts(r, mobile)
    return f"{area} {local}"


def forename(r: random.Random, origin: str | None = None) -> str:
    origin = origin or r.choice(list(pools.FORENAMES))
    return r.choice(pools.FORENAMES[origin])


def surname(r: random.Random, origin: str | None = None) -> str:
    origin = origin or r.choice(list(pools.SURNAMES))
    return r.choice(pools.SURNAMES[origin])


def person(r: random.Random) -> tuple[str, str]:
    """A forename and surname, usually from one origin, sometimes mixed."""
    origin = r.choice(list(pools.FORENAMES))
    f = forename(r, origin)
    s = surname(r, origin if origin in pools.SURNAMES and r.random() < 0.8 else None)
    return f, s


def full_name(r: random.Random) -> str:
    f, s = person(r)
    return f"{f} {s}"


def email(r: random.Random, f: str | None = None, s: str | None = None) -> str:
    if f is None or s is None:
        f, s = person(r)
    f = _ascii(f).lower().replace(" ", "")
    s = _ascii(s).lower().replace(" ", "").replace("'", "")
    user = r.choice(
        [
            f"{f}.{s}",
            f"{f[0]}{s}",
            f"{s}{r.randrange(10, 99)}",
            f"{f}_{s[:3]}",
            f"{f}{r.randrange(1950, 2010)}",
        ]
    )
    return f"{user}@{r.choice(EMAIL_DOMAINS)}"


def _ascii(text: str) -> str:
    table = str.maketrans(
        "ôâêîûŵŷáéíóúàèìòùäëïöüçñłśźżąęćńøåÓÁÉÍÚŁŚŻ", "oaeiuwyaeiouaeiouaeioucnlszzaecnoaOAEIULSZ"
    )
    return "".join(c for c in text.translate(table) if c.isascii())


def postcode(r: random.Random) -> str:
    area = r.choice(pools.POSTCODE_AREAS)
    district = str(r.randrange(1, 30 if len(area) == 2 else 20))
    if len(area) == 1 and r.random() < 0.2:
        district = f"{r.randrange(1, 10)}{r.choice('ABCDEFGHJKPSTUW')}"
    inward = (
        f"{r.randrange(10)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    )
    return f"{area}{district} {inward}"


def address(r: random.Random, with_postcode: bool = True) -> str:
    num = r.randrange(1, 180)
    parts = [f"{num} {r.choice(pools.ROADS)}"]
    if r.random() < 0.25:
        parts.insert(
            0,
            r.choice(
                [
                    f"Flat {r.randrange(1, 30)}",
                    f"Apt {r.randrange(1, 12)}B",
                    "Ground Floor Flat",
                    f"{r.choice(['Rose', 'Ivy', 'Weir'])} Cottage",
                ]
            ),
        )
    parts.append(r.choice(pools.TOWNS))
    if with_postcode:
        parts.append(postcode(r))
    return ", ".join(parts)


def uprn(r: random.Random) -> str:
    kind = r.random()
    if kind < 0.5:
        return "100" + "".join(str(r.randrange(10)) for _ in range(r.choice([8, 9])))
    if kind < 0.8:
        return "10" + "".join(str(r.randrange(10)) for _ in range(9))
    return str(r.randrange(1, 10)) + "".join(str(r.randrange(10)) for _ in range(r.randrange(6, 9)))


def hospital_number(r: random.Random) -> str:
    style = r.randrange(5)
    if style == 0:
        return f"{r.choice('KMRHDSJ')}{r.randrange(10**7):07d}"
    if style == 1:
        return f"{r.choice(['RXH', 'RTH', 'RWP', 'RQ6'])}{r.randrange(10**6):06d}"
    if style == 2:
        return f"{r.randrange(10**8):08d}"
    if style == 3:
        return f"{r.choice('ABCDEFGHJ')}{r.choice('ABCDEFGHJ')}{r.randrange(10**6):06d}"
    return f"{r.randrange(10**6, 10**7)}{r.choice('ABCDEFGHJKLMNPQRSTUVWXYZ')}"


UKR_SERIES = ["FA", "FB", "FC", "FE", "FF", "FH", "FJ", "FK", "EA", "EK", "ET"]


def passport(r: random.Random, origin: str | None = None) -> str:
    origin = origin or r.choice(["uk", "ukr", "afg"])
    if origin == "uk":
        return f"{r.randrange(1, 10)}{r.randrange(10**8):08d}"
    if origin == "ukr":
        return r.choice(UKR_SERIES) + f"{r.randrange(10**6):06d}"
    return f"{r.choice('PO')}{r.randrange(10**8):08d}"


def driving_licence(
    r: random.Random, s: str | None = None, f: str | None = None, born: _dt.date | None = None
) -> str:
    if s is None or f is None:
        f, s = person(r)
    born = born or dob(r, 17, 90)
    letters = "".join(c for c in _ascii(s).upper() if c.isalpha())
    if letters.startswith("MAC"):
        letters = "MC" + letters[3:]
    block = (letters + "99999")[:5]
    month = born.month + (50 if r.random() < 0.5 else 0)
    yy = f"{born.year % 100:02d}"
    inits = "".join(c for c in _ascii(f).upper() if c.isalpha())[:1]
    inits = (inits + r.choice([r.choice(LETTERS), "9"]))[:2]
    tail = f"{r.randrange(10)}{r.choice(LETTERS)}{r.choice(LETTERS)}"
    return f"{block}{yy[0]}{month:02d}{born.day:02d}{yy[1]}{inits}{tail}"


AGE_IDS = [f"{y:02d}" for y in range(2, 25)] + [f"{y:02d}" for y in range(51, 74)]
REG_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"


def vehicle_reg(r: random.Random, style: str | None = None) -> str:
    style = style or r.choice(["cur", "cur", "cur", "prefix", "suffix"])
    trio = "".join(r.choice(REG_LETTERS) for _ in range(3))
    if style == "cur":
        return f"{r.choice(REG_LETTERS)}{r.choice(REG_LETTERS)}{r.choice(AGE_IDS)} {trio}"
    if style == "prefix":
        return f"{r.choice('ABCDEFGHJKLMNPRSTVWXY')}{r.randrange(1, 999)} {trio}"
    return f"{trio} {r.randrange(1, 999)}{r.choice('ABCDEFGHJKLMNPRSTVWXY')}"


def event_date(r: random.Random) -> _dt.date:
    return _dt.date(2022, 3, 1) + _dt.timedelta(days=r.randrange(0, 700))


def sci(digits: str, sig: int = 6) -> str:
    """Excel-style scientific notation of a digit string, e.g. 9.43477E+09."""
    value = int(digits)
    text = f"{value:.{sig - 1}E}"
    mant, exp = text.split("E")
    mant = mant.rstrip("0").rstrip(".")
    return f"{mant}E+{int(exp):02d}"


def spaced_334(ten: str) -> str:
    return f"{ten[:3]} {ten[3:6]} {ten[6:]}"
