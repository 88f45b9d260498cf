"""Synthetic identifier generators for heldout24 (valid forms, never real)."""

import datetime as _dt
import random

from . import pools

NI_BAD_FIRST = set("DFIQUV")
NI_BAD_SECOND = set("DFIQUVO")
NI_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

DRAMA_RANGES = [
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
EMAIL_DOMAINS = ["example.com", "example.org", "example.net", "council.example", "mail.example"]


def mod11_check(nine: str) -> int | None:
    """Check digit for nine digits (weights 10..2); None when the check would be 10."""
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
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
    """Ten digits in the 999 test range with a valid modulus-11 check digit."""
    while True:
        nine = "999" + "".join(rng.choice("0123456789") for _ in range(6))
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


def mod11_invalid(rng: random.Random, prefix: str = "", length: int = 10) -> str:
    """Ten digits whose last digit is NOT the modulus-11 check of the first nine."""
    while True:
        body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix)))
        if not mod11_valid(body[:10]):
            return body


def dob(rng: random.Random, lo: int = 1932, hi: int = 2006) -> _dt.date:
    start = _dt.date(lo, 1, 1).toordinal()
    end = _dt.date(hi, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(start, end))


def recent_date(rng: random.Random, lo: int = 2023, hi: int = 2025) -> _dt.date:
    return dob(rng, lo, hi)


def chi_number(rng: random.Random, born: _dt.date | None = None) -> str:
    while True:
        d = born or dob(rng)
        nine = d.strftime("%d%m%y") + "".join(rng.choice("0123456789") for _ in range(3))
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


def chi_invalid(rng: random.Random, d: _dt.date) -> str:
    return mod11_invalid(rng, d.strftime("%d%m%y"))


def ni_number(rng: random.Random) -> str:
    while True:
        a, b = rng.choice(LETTERS), rng.choice(LETTERS)
        if a in NI_BAD_FIRST or b in NI_BAD_SECOND or a + b in NI_BAD_PAIRS:
            continue
        digits = "".join(rng.choice("0123456789") for _ in range(6))
        return a + b + digits + rng.choice("ABCD")


def ni_valid(s: str) -> bool:
    s = s.replace(" ", "").replace("-", "").upper()
    if len(s) != 9 or not s[2:8].isdigit() or s[8] not in "ABCD":
        return False
    a, b = s[0], s[1]
    if not (a.isalpha() and b.isalpha()):
        return False
    return not (a in NI_BAD_FIRST or b in NI_BAD_SECOND or a + b in NI_BAD_PAIRS)


def phone_parts(rng: random.Random, mobile: bool | None = None) -> tuple[str, str]:
    """(area code, local part) from Ofcom drama ranges."""
    if mobile is None:
        mobile = rng.random() < 0.5
    if mobile:
        area, stem, n = DRAMA_RANGES[0]
    else:
        area, stem, n = rng.choice(DRAMA_RANGES[1:])
    tail = "".join(rng.choice("0123456789") for _ in range(n))
    return area, stem + tail


def phone(rng: random.Random, mobile: bool | None = None) -> str:
    area, local = phone_parts(rng, mobile)
    if area == "07700":
        return f"07700 {local}"
    return f"{area} {local}"


def phone_digits(s: str) -> str:
    return "".join(ch for ch in s if ch.isdigit())


def phone_is_drama(s: str) -> bool:
    d = phone_digits(s)
    if d.startswith("44"):
        d = "0" + d[2:]
    elif not d.startswith("0"):
        d = "0" + d
    prefixes = [
        "07700900",
        "01632960",
        "02079460",
        "01134960",
        "01144960",
        "01174960",
        "01184960",
        "01214960",
        "01314960",
        "01414960",
        "01514960",
        "01614960",
        "02896496",
        "02920180",
    ]
    return len(d) == 11 and any(d.startswith(p) for p in prefixes)


def email(rng: random.Random, first: str, last: str) -> str:
    f = _ascii(first).lower().replace(" ", "")
    la = _ascii(last).lower().replace(" ", "").replace("'", "")
    pattern = rng.choice(["{f}.{l}", "{f}{l}", "{i}{l}", "{l}.{f}{n}", "{f}_{l}{n}", "{f}{n}"])
    local = pattern.format(f=f, l=la, i=f[:1], n=rng.randint(1, 99))
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def _ascii(s: str) -> str:
    import unicodedata

    norm = unicodedata.normalize("NFKD", s)
    out = "".join(ch for ch in norm if not unicodedata.combining(ch))
    return out.replace("ł", "l").replace("Ł", "L").replace("ø", "o")


OUTWARD_AREAS = [
    "LS",
    "CF",
    "SA",
    "LL",
    "OL",
    "HX",
    "BB",
    "S",
    "M",
    "G",
    "PA",
    "KY",
    "HS",
    "WF",
    "DN",
    "NP",
    "ST",
    "CA",
    "FK",
    "BD",
    "IV",
    "WN",
    "SK",
    "EH",
    "B",
]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def postcode(rng: random.Random) -> str:
    area = rng.choice(OUTWARD_AREAS)
    district = str(rng.randint(1, 29 if len(area) == 1 else 49))
    if rng.random() < 0.08 and len(area) == 1:
        district += rng.choice("ABCDEFGHJKPSTUW")
    inward = str(rng.randint(0, 9)) + rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    return f"{area}{district} {inward}"


def forename(rng: random.Random) -> str:
    return rng.choice(pools.FORENAMES)


def surname(rng: random.Random) -> str:
    return rng.choice(pools.SURNAMES)


def full_name(rng: random.Random) -> tuple[str, str]:
    return forename(rng), surname(rng)


def address_parts(rng: random.Random) -> list[str]:
    parts = []
    if rng.random() < 0.25:
        parts.append(f"Flat {rng.randint(1, 24)}{rng.choice(['', 'A', 'B'])}")
    parts.append(f"{rng.randint(1, 240)} {rng.choice(pools.STREETS)}")
    parts.append(rng.choice(pools.TOWNS))
    parts.append(postcode(rng))
    return parts


def address(rng: random.Random) -> str:
    return ", ".join(address_parts(rng))


def uprn(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return "100" + "".join(rng.choice("0123456789") for _ in range(9))
    return str(rng.randint(10_000_000, 99_999_999_999))


def vrm(rng: random.Random) -> str:
    ok = "ABCDEFGHJKLMNOPRSTUVWXY"
    area = rng.choice(ok) + rng.choice(ok)
    age = rng.choice(
        [
            "15",
            "65",
            "16",
            "66",
            "17",
            "67",
            "18",
            "68",
            "19",
            "69",
            "20",
            "70",
            "21",
            "71",
            "22",
            "72",
            "23",
            "73",
            "09",
            "59",
            "12",
            "62",
        ]
    )
    tail = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
    return f"{area}{age} {tail}"


def vrm_old(rng: random.Random) -> str:
    prefix = rng.choice("ABCDEFGHJKLMNPRSTVWXY")
    tail = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXY") for _ in range(3))
    return f"{prefix}{rng.randint(1, 999)} {tail}"


def passport(rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(8))


def driving_licence(rng: random.Random, first: str, last: str, born: _dt.date) -> str:
    s = "".join(ch for ch in _ascii(last).upper() if ch.isalpha())
    if s.startswith("MAC"):
        s = "MC" + s[3:]
    s = (s + "99999")[:5]
    month = born.month + (50 if rng.random() < 0.5 else 0)
    y = born.strftime("%y")
    digits = f"{y[0]}{month:02d}{born.day:02d}{y[1]}"
    initials = ("".join(ch for ch in _ascii(first).upper() if ch.isalpha())[:1] + "9")[:2]
    if rng.random() < 0.4:
        initials = initials[0] + rng.choice("ABCDEGJKLMPRST")
    check = rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") + rng.choice(LETTERS)
    return f"{s}{digits}{initials}9{check}"


def hospital_number(rng: random.Random) -> str:
    return "".join(rng.choice("0123456789") for _ in range(7))


def excel_serial(d: _dt.date) -> int:
    return (d - _dt.date(1899, 12, 30)).days


def sci(n: int, sig: int = 6) -> str:
    """Excel's General format for a big number: 1.00023E+11."""
    s = f"{n:.{sig - 1}E}"
    mant, exp = s.split("E")
    mant = mant.rstrip("0").rstrip(".")
    return f"{mant}E+{int(exp):02d}"


def mojibake(s: str) -> str:
    """UTF-8 bytes read as cp1252."""
    try:
        return s.encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        return s.encode("utf-8").decode("latin-1")


def maybe_blank(rng: random.Random, p: float, value: str) -> str | None:
    return None if rng.random() < p else value
