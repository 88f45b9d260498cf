"""Synthetic identifier and look-alike makers for heldout17 (standard library only)."""

import datetime as _dt
import random
import unicodedata

from . import pools

WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)


def mod11_check(nine: str) -> int | None:
    """Modulus-11 check digit over nine digits; None when the result is 10 (invalid)."""
    total = sum(int(d) * w for d, w in zip(nine, WEIGHTS, strict=True))
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
        nine = str(rng.choice("3456789")) + "".join(rng.choice("0123456789") for _ in range(8))
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


def mod11_invalid(rng: random.Random, first: str = "123456789") -> str:
    """Ten digits that FAIL the modulus-11 check."""
    while True:
        nine = rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(8))
        check = mod11_check(nine)
        last = rng.choice([d for d in "0123456789" if check is None or int(d) != check])
        ten = nine + last
        if not mod11_valid(ten):
            return ten


def date_between(rng: random.Random, y0: int, y1: int) -> _dt.date:
    start = _dt.date(y0, 1, 1).toordinal()
    end = _dt.date(y1, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(start, end))


def dob(rng: random.Random) -> _dt.date:
    return date_between(rng, 1926, 2012)


def chi_number(rng: random.Random, born: _dt.date | None = None) -> str:
    while True:
        d = born or dob(rng)
        stem = d.strftime("%d%m%y") + "".join(rng.choice("0123456789") for _ in range(3))
        check = mod11_check(stem)
        if check is not None:
            return stem + str(check)
        born = None


NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NI_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NI_BAD = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def ni_number(rng: random.Random) -> str:
    while True:
        pre = rng.choice(NI_FIRST) + rng.choice(NI_SECOND)
        if pre not in NI_BAD:
            break
    digits = "".join(rng.choice("0123456789") for _ in range(6))
    return pre + digits + rng.choice("ABCD")


def ni_valid(s: str) -> bool:
    s = s.replace(" ", "").upper()
    if len(s) != 9:
        return False
    pre, digits, suf = s[:2], s[2:8], s[8]
    return (
        pre[0] in NI_FIRST
        and pre[1] in NI_SECOND
        and pre not in NI_BAD
        and digits.isdigit()
        and suf in "ABCD"
    )


AREAS = [
    "LS",
    "M",
    "B",
    "CF",
    "SA",
    "LL",
    "IV",
    "G",
    "EH",
    "AB",
    "BT",
    "NE",
    "S",
    "L",
    "WA",
    "CH",
    "SY",
    "TA",
    "BS",
    "NG",
    "LE",
    "DE",
    "NR",
    "IP",
    "CB",
    "OX",
    "RG",
    "SN",
    "PL",
    "TR",
    "EX",
    "HS",
    "KW",
    "PA",
    "DN",
    "HU",
    "YO",
    "CA",
    "LA",
]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def postcode(rng: random.Random) -> str:
    area = rng.choice(AREAS)
    shape = rng.random()
    if shape < 0.55:
        district = str(rng.randint(1, 9))
    elif shape < 0.9:
        district = str(rng.randint(10, 29))
    else:
        district = str(rng.randint(1, 9)) + rng.choice("ABEHMNPRVWXY")
    inward = str(rng.randint(0, 9)) + rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    return f"{area}{district} {inward}"


def address(rng: random.Random, with_postcode: bool = True) -> str:
    parts = []
    r = rng.random()
    if r < 0.2:
        parts.append(f"Flat {rng.randint(1, 40)}")
        parts.append(f"{rng.choice(['Oak', 'Elm', 'Tŷ', 'Cedar', 'Heron'])} House")
    elif r < 0.3:
        parts.append(f"{rng.randint(1, 30)}{rng.choice('ABC')}")
    parts.append(f"{rng.randint(1, 240)} {rng.choice(pools.STREETS)}")
    parts.append(rng.choice(pools.TOWNS))
    if with_postcode:
        parts.append(postcode(rng))
    return ", ".join(parts)


# Ofcom drama ranges: (prefix digits, fixed middle, number of free trailing digits)
DRAMA = [
    ("07700 900", 3),
    ("01632 960", 3),
    ("020 7946 0", 3),
    ("0113 496 0", 3),
    ("0114 496 0", 3),
    ("0117 496 0", 3),
    ("0118 496 0", 3),
    ("0121 496 0", 3),
    ("0131 496 0", 3),
    ("0141 496 0", 3),
    ("0151 496 0", 3),
    ("0161 496 0", 3),
    ("028 9649 6", 3),
    ("029 2018 0", 3),
]
DRAMA_DIGITS = [p.replace(" ", "") for p, _ in DRAMA]


def phone(rng: random.Random, mobile: bool | None = None) -> str:
    """Canonical spaced drama-range number."""
    if mobile is None:
        mobile = rng.random() < 0.5
    prefix, n = DRAMA[0] if mobile else rng.choice(DRAMA[1:])
    return prefix + "".join(rng.choice("0123456789") for _ in range(n))


def phone_is_drama(text: str) -> bool:
    digits = "".join(c for c in text if c.isdigit())
    if digits.startswith("440"):
        digits = digits[2:]
    elif digits.startswith("44"):
        digits = "0" + digits[2:]
    if not digits.startswith("0"):
        digits = "0" + digits
    return len(digits) == 11 and any(digits.startswith(p) for p in DRAMA_DIGITS)


def phone_format(rng: random.Random, canon: str) -> str:
    digits = canon.replace(" ", "")
    style = rng.randrange(6)
    if style == 0:
        return canon
    if style == 1:
        return digits
    if style == 2:
        return "+44 " + canon[1:]
    if style == 3:
        head, _, tail = canon.partition(" ")
        return f"({head}) {tail}"
    if style == 4:
        return canon.replace(" ", "-")
    return "+44(0)" + digits[1:]


EMAIL_DOMAINS = [
    "example.com",
    "example.org",
    "example.net",
    "mail.example",
    "council.example",
    "nhs.example",
    "hub.example",
]


def _ascii(s: str) -> str:
    s = s.replace("ł", "l").replace("Ł", "L").replace("\u0131", "i")
    flat = unicodedata.normalize("NFKD", s.lower()).encode("ascii", "ignore").decode()
    return "".join(c for c in flat if c.isalnum() or c in ".-_")


def email(rng: random.Random, first: str | None = None, last: str | None = None) -> str:
    first = first or rng.choice(pools.FORENAMES)
    last = last or rng.choice(pools.SURNAMES)
    f, s = _ascii(first), _ascii(last)
    style = rng.randrange(5)
    if style == 0:
        local = f"{f}.{s}"
    elif style == 1:
        local = f"{f[0]}{s}{rng.randint(1, 99)}"
    elif style == 2:
        local = f"{s}_{f}"
    elif style == 3:
        local = f"{f}{rng.randint(1950, 2012)}"
    else:
        local = f"{f}.{s}{rng.randint(1, 9)}"
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def full_name(rng: random.Random) -> tuple[str, str]:
    return rng.choice(pools.FORENAMES), rng.choice(pools.SURNAMES)


HOSP_PREFIX = ["RXH", "RJ1", "M", "K", "RWD", "H", "D", "RTH"]


def hospital_number(rng: random.Random) -> tuple[str, str]:
    """(site prefix, digits)."""
    return rng.choice(HOSP_PREFIX), "".join(rng.choice("0123456789") for _ in range(7))


def passport_number(rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(8))


REG_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"


def vehicle_registration(rng: random.Random) -> str:
    age = rng.choice([f"{y:02d}" for y in range(2, 25)] + [str(y) for y in range(51, 75)])
    return (
        rng.choice("ABCDEFGHKLMNOPRSVWY")
        + rng.choice(REG_LETTERS)
        + age
        + " "
        + "".join(rng.choice(REG_LETTERS) for _ in range(3))
    )


def uprn(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.6:
        return "100" + "".join(rng.choice("0123456789") for _ in range(9))
    if r < 0.85:
        return "10" + "".join(rng.choice("0123456789") for _ in range(8))
    return str(rng.randint(1, 9)) + "".join(
        rng.choice("0123456789") for _ in range(rng.randint(6, 8))
    )


def driving_licence(rng: random.Random) -> str:
    surname = _ascii(rng.choice(pools.SURNAMES)).upper()
    surname = "".join(c for c in surname if c.isalpha())[:5].ljust(5, "9")
    born = dob(rng)
    month = born.month + (50 if rng.random() < 0.5 else 0)
    initials = "".join(rng.choice("ABCDEFGHJKLMNPRSTW") for _ in range(rng.choice([1, 2])))
    return (
        surname
        + str(born.year)[2]
        + f"{month:02d}"
        + f"{born.day:02d}"
        + str(born.year)[3]
        + initials.ljust(2, "9")
        + "9"
        + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
        + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
    )


def excel_sci(number: int) -> str:
    """How Excel's General format shows a long number: 4.01023E+09."""
    mant, _, exp = f"{number:.5E}".partition("E")
    mant = mant.rstrip("0").rstrip(".")
    return f"{mant}E+{int(exp):02d}"


DATE_STYLES = [
    "%d/%m/%Y",
    "%Y-%m-%d",
    "%d-%b-%Y",
    "%d.%m.%y",
    "%Y%m%d",
    "%d %B %Y",
    "%-d/%-m/%Y",
    "%d/%m/%y",
    "%d %b %y",
]


def date_format(rng: random.Random, d: _dt.date, styles: list[str] | None = None) -> str:
    style = rng.choice(styles or DATE_STYLES)
    if "%-" in style:
        return (
            style.replace("%-d", str(d.day)).replace("%-m", str(d.month)).replace("%Y", str(d.year))
        )
    return d.strftime(style)


def blank_some(rng: random.Random, values: list, rate: float) -> list:
    return [None if rng.random() < rate else v for v in values]


def hit_rows(rng: random.Random, rows: int, rate: float) -> set[int]:
    return set(rng.sample(range(rows), round(rows * rate)))
