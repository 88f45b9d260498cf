"""Synthetic identifier generators and formatting helpers (standard library only)."""

import datetime as dt
import string

from . import pools

WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)

# Ofcom drama ranges: (prefix digits, block start, block size)
DRAMA_RANGES = [
    ("07700", 900000, 1000),
    ("01632", 960000, 1000),
    ("020", 79460000, 1000),
    ("0113", 4960000, 1000),
    ("0114", 4960000, 1000),
    ("0117", 4960000, 1000),
    ("0118", 4960000, 1000),
    ("0121", 4960000, 1000),
    ("0131", 4960000, 1000),
    ("0141", 4960000, 1000),
    ("0151", 4960000, 1000),
    ("0161", 4960000, 1000),
    ("028", 96496000, 1000),
    ("029", 20180000, 1000),
]
EMAIL_DOMAINS = [
    "example.com",
    "example.org",
    "example.net",
    "mail.example",
    "nhs.example",
    "webmail.example",
    "post.example",
]


def mod11_check(first9: str) -> int | None:
    total = sum(int(d) * w for d, w in zip(first9, WEIGHTS, strict=True))
    check = 11 - (total % 11)
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


def nhs_number(rng) -> str:
    while True:
        first = str(rng.choice("3456789")) + "".join(rng.choice(string.digits) for _ in range(8))
        c = mod11_check(first)
        if c is not None:
            return first + str(c)


def mod11_fail(rng, first_digits: str = "") -> str:
    """A 10-digit string that fails the modulus-11 check."""
    while True:
        s = first_digits + "".join(rng.choice(string.digits) for _ in range(10 - len(first_digits)))
        if not mod11_valid(s):
            return s


def dob(rng, lo=1922, hi=2023) -> dt.date:
    start = dt.date(lo, 1, 1).toordinal()
    end = dt.date(hi, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def chi_number(rng, birth: dt.date | None = None) -> str:
    birth = birth or dob(rng)
    while True:
        first = birth.strftime("%d%m%y") + "".join(rng.choice(string.digits) for _ in range(3))
        c = mod11_check(first)
        if c is not None:
            return first + str(c)


NI_BAD_FIRST = set("DFIQUV")
NI_BAD_SECOND = set("DFIQUVO")
NI_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def ni_number(rng) -> str:
    letters = [c for c in string.ascii_uppercase]
    while True:
        a = rng.choice(letters)
        b = rng.choice(letters)
        if a in NI_BAD_FIRST or b in NI_BAD_SECOND or a + b in NI_BAD_PAIRS:
            continue
        return a + b + "".join(rng.choice(string.digits) for _ in range(6)) + rng.choice("ABCD")


def ni_valid(s: str) -> bool:
    s = s.upper()
    return (
        len(s) == 9
        and s[0] not in NI_BAD_FIRST
        and s[1] not in NI_BAD_SECOND
        and s[:2] not in NI_BAD_PAIRS
        and s[2:8].isdigit()
        and s[8] in "ABCD"
    )


AREAS = [
    "KY",
    "EH",
    "G",
    "PA",
    "ML",
    "FK",
    "PH",
    "DD",
    "IV",
    "AB",
    "KA",
    "DG",
    "TD",
    "LL",
    "SA",
    "CF",
    "NP",
    "LD",
    "SY",
    "M",
    "L",
    "B",
    "LS",
    "S",
    "BT",
    "N",
    "E",
    "SW",
    "W",
    "ZE",
    "KW",
    "HS",
]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def postcode(rng) -> str:
    area = rng.choice(AREAS)
    district = str(rng.randint(1, 29 if len(area) == 2 else 9))
    if len(area) == 1 and rng.random() < 0.15:
        district += rng.choice("ABCDEFGHJKSTW")
    inward = str(rng.randint(0, 9)) + rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    return f"{area}{district} {inward}"


def street(rng) -> str:
    base = rng.choice(pools.STREET_PLAIN + pools.STREET_PEOPLE)
    return f"{base} {rng.choice(pools.STREET_TYPES)}"


def address_parts(rng) -> list[str]:
    parts = []
    r = rng.random()
    if r < 0.18:
        parts.append(f"Flat {rng.randint(0, 4)}/{rng.randint(1, 3)}")
    elif r < 0.28:
        parts.append(f"Flat {rng.randint(1, 40)}")
    elif r < 0.34:
        parts.append(
            rng.choice(
                [
                    "Rose Cottage",
                    "Tigh na Mara",
                    "Bryn Awel",
                    "The Steading",
                    "Craigview",
                    "Hillcrest House",
                    "Y Bwthyn",
                ]
            )
        )
    parts.append(f"{rng.randint(1, 240)}{rng.choice(['', '', '', '', 'A', 'B'])} {street(rng)}")
    parts.append(rng.choice(pools.TOWNS))
    parts.append(postcode(rng))
    return parts


def address(rng) -> str:
    return ", ".join(address_parts(rng))


def phone_digits(rng, mobile_share=0.5) -> str:
    """National significant form with leading zero, e.g. 07700900123."""
    if rng.random() < mobile_share:
        prefix, start, size = DRAMA_RANGES[0]
    else:
        prefix, start, size = rng.choice(DRAMA_RANGES[1:])
    return prefix + str(start + rng.randrange(size))


def phone_pretty(digits: str) -> str:
    if digits.startswith("07") or digits.startswith("01632"):
        return f"{digits[:5]} {digits[5:]}"
    if digits[:3] in ("020", "028", "029"):
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    return f"{digits[:4]} {digits[4:7]} {digits[7:]}"


def in_drama_range(national: str) -> bool:
    for prefix, start, size in DRAMA_RANGES:
        if national.startswith(prefix):
            rest = national[len(prefix) :]
            if (
                rest.isdigit()
                and len(prefix) + len(rest) == 11
                and start <= int(rest) < start + size
            ):
                return True
    return False


def name(rng, pool_f=None, pool_s=None) -> tuple[str, str]:
    return rng.choice(pool_f or pools.FORENAMES), rng.choice(pool_s or pools.SURNAMES)


def _slug(s: str) -> str:
    out = []
    for ch in s.lower():
        if ch in string.ascii_lowercase or ch.isdigit():
            out.append(ch)
        elif ch in "ąàáâãä":
            out.append("a")
        elif ch in "ęèéêë":
            out.append("e")
        elif ch in "óòôõöø":
            out.append("o")
        elif ch in "íìîï":
            out.append("i")
        elif ch in "úùûüū":
            out.append("u")
        elif ch in "łľ":
            out.append("l")
        elif ch in "śšș":
            out.append("s")
        elif ch in "żźž":
            out.append("z")
        elif ch in "ćč":
            out.append("c")
        elif ch in "ńñ":
            out.append("n")
        elif ch in "țţ":
            out.append("t")
        elif ch in "ŵ":
            out.append("w")
    return "".join(out)


def email(rng, first=None, last=None) -> str:
    if first is None:
        first, last = name(rng)
    f, s = _slug(first), _slug(last)
    style = rng.randrange(6)
    if style == 0:
        local = f"{f}.{s}"
    elif style == 1:
        local = f"{f[0]}{s}{rng.randint(1, 99)}"
    elif style == 2:
        local = f"{f}_{s}{rng.choice(['', '', '1974', '82', '_uk'])}"
    elif style == 3:
        local = f"{s}.{f[0]}"
    elif style == 4:
        local = f"{f}{rng.randint(1950, 2009)}"
    else:
        local = f"{f}.{s}.{rng.randint(2, 9)}"
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def hospital_number(rng) -> str:
    style = rng.randrange(3)
    if style == 0:
        return rng.choice("ABCDHKMRSTW") + "".join(rng.choice(string.digits) for _ in range(7))
    if style == 1:
        return "".join(rng.choice(string.digits) for _ in range(7))
    return rng.choice(["RX1", "RAL", "T01", "N50", "S08"]) + "".join(
        rng.choice(string.digits) for _ in range(6)
    )


def passport_number(rng) -> str:
    return "".join(rng.choice(string.digits) for _ in range(9))


def driving_licence(rng, first=None, last=None, birth=None, female=None) -> str:
    if first is None:
        first, last = name(rng)
    birth = birth or dob(rng, 1940, 2005)
    female = rng.random() < 0.5 if female is None else female
    sl = "".join(c for c in _slug(last).upper() if c.isalpha())[:5].ljust(5, "9")
    month = birth.month + (50 if female else 0)
    inits = (_slug(first)[:1].upper() + rng.choice(["", "", "", "A", "J", "M"]))[:2].ljust(2, "9")
    checks = rng.choice(string.ascii_uppercase) + rng.choice(string.ascii_uppercase)
    return (
        f"{sl}{str(birth.year)[2]}{month:02d}{birth.day:02d}{str(birth.year)[3]}"
        f"{inits}{rng.choice('9999999012')}{checks}"
    )


VRM_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"


def vehicle_registration(rng, style=None) -> str:
    style = rng.choice(["current", "current", "current", "prefix"]) if style is None else style
    if style == "current":
        age = rng.choice([f"{y:02d}" for y in range(2, 24)] + [str(y) for y in range(51, 74)])
        return (
            rng.choice(VRM_LETTERS)
            + rng.choice(VRM_LETTERS)
            + age
            + " "
            + "".join(rng.choice("ABCDEFGHJKLMNOPRSTUVWXYZ") for _ in range(3))
        )
    return (
        rng.choice("ABCDEFGHJKLMNPRSTVWXY")
        + str(rng.randint(1, 999))
        + " "
        + "".join(rng.choice(VRM_LETTERS) for _ in range(3))
    )


def uprn(rng) -> str:
    style = rng.random()
    if style < 0.5:
        return str(rng.randint(100000000000, 100099999999))
    if style < 0.8:
        return str(rng.randint(906000000000, 906799999999))
    return str(rng.randint(10000000, 99999999999))


def sci(digits: str, mant=5) -> str:
    """Excel General-format rendering of a long integer, e.g. 9.43477E+09."""
    s = f"{int(digits):.{mant}E}"
    m, e = s.split("E")
    m = m.rstrip("0").rstrip(".")
    return f"{m}E+{int(e):02d}"


def verhoeff_digit(num: str) -> str:
    d = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]
    p = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ]
    inv = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = d[c][p[(i + 1) % 8][int(ch)]]
    return str(inv[c])


def gtin13(rng) -> str:
    body = "50" + "".join(rng.choice(string.digits) for _ in range(10))
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return body + str((10 - total % 10) % 10)


def blanks(rng, value_fn, blank_share):
    """Return value_fn() or None with probability blank_share."""
    return None if rng.random() < blank_share else value_fn()


def case_noise(rng, s: str) -> str:
    r = rng.random()
    if r < 0.1:
        return s.upper()
    if r < 0.16:
        return s.lower()
    return s


def space_noise(rng, s: str) -> str:
    r = rng.random()
    if r < 0.06:
        return " " + s
    if r < 0.12:
        return s + "  "
    return s
