"""Synthetic identifier makers for heldout14 (every value is a valid form, never real)."""

import datetime as dt
import random

from . import pools as pl

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


def mod11_check(first9: str) -> int | None:
    """Check digit for NHS/CHI numbers, None when the remainder gives 10 (invalid)."""
    total = sum(int(d) * w for d, w in zip(first9, range(10, 1, -1), strict=True))
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
    while True:
        first = str(rng.choice([4, 6, 9])) + "".join(str(rng.randrange(10)) for _ in range(8))
        check = mod11_check(first)
        if check is not None:
            return first + str(check)


def failing_ten(rng: random.Random, lead: str = "") -> str:
    """Ten digits that fail the mod-11 check."""
    while True:
        s = lead + "".join(str(rng.randrange(10)) for _ in range(10 - len(lead)))
        if s[0] != "0" and not mod11_valid(s):
            return s


def dob(rng: random.Random, lo: int = 1930, hi: int = 2023) -> dt.date:
    start = dt.date(lo, 1, 1).toordinal()
    end = dt.date(hi, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def chi_number(rng: random.Random) -> str:
    while True:
        d = dob(rng, 1935, 2022)
        first = d.strftime("%d%m%y") + "".join(str(rng.randrange(10)) for _ in range(3))
        check = mod11_check(first)
        if check is not None:
            return first + str(check)


def chi_number_leading_zero(rng: random.Random) -> str:
    while True:
        c = chi_number(rng)
        if c[0] == "0":
            return c


def ni_number(rng: random.Random) -> str:
    first_ok = [c for c in "ABCEGHJKLMNOPRSTWXYZ" if c not in pl.NI_BAD_FIRST]
    second_ok = [c for c in "ABCEGHJKLMNPRSTWXYZ" if c not in pl.NI_BAD_SECOND]
    while True:
        pre = rng.choice(first_ok) + rng.choice(second_ok)
        if pre not in pl.NI_BAD_PAIRS:
            break
    digits = "".join(str(rng.randrange(10)) for _ in range(6))
    return pre + digits + rng.choice("ABCD")


def ni_valid(s: str) -> bool:
    s = s.replace(" ", "").upper()
    if len(s) not in (8, 9):
        return False
    pre, digits = s[:2], s[2:8]
    if not (pre.isalpha() and digits.isdigit()):
        return False
    if pre[0] in pl.NI_BAD_FIRST or pre[1] in pl.NI_BAD_SECOND or pre in pl.NI_BAD_PAIRS:
        return False
    return len(s) == 8 or s[8] in "ABCD"


def phone_parts(rng: random.Random) -> tuple[str, str]:
    """(area, local) from an Ofcom drama range, e.g. ("0161", "496 0123")."""
    area, local_prefix, n = rng.choice(DRAMA_RANGES)
    tail = "".join(str(rng.randrange(10)) for _ in range(n))
    if area == "07700":
        return area, local_prefix + tail
    if area == "01632":
        return area, local_prefix + tail
    return area, local_prefix + tail


def phone(rng: random.Random) -> str:
    area, local = phone_parts(rng)
    return f"{area} {local}"


def phone_digits(rng: random.Random) -> str:
    area, local = phone_parts(rng)
    return (area + local).replace(" ", "")


def phone_is_drama(s: str) -> bool:
    digits = "".join(c for c in s if c.isdigit())
    if digits.startswith("0044"):
        digits = digits[2:]
    if digits.startswith("44"):
        digits = digits[2:]
        digits = digits if digits.startswith("0") else "0" + digits
    if len(digits) == 10 and digits[0] in "127":
        digits = "0" + digits
    for area, local_prefix, _ in DRAMA_RANGES:
        prefix = (area + local_prefix).replace(" ", "")
        if digits.startswith(prefix) and len(digits) == 11:
            return True
    return False


EMAIL_DOMAINS = ["example.com", "example.org", "example.net", "nhs.example", "carers.example"]


def email(rng: random.Random, fore: str | None = None, sur: str | None = None) -> str:
    fore = fore or rng.choice(pl.FORENAMES)
    sur = sur or rng.choice(pl.SURNAMES)
    f = ascii_fold(fore).lower().replace(" ", "")
    s = ascii_fold(sur).lower().replace(" ", "").replace("'", "")
    local = rng.choice(
        [
            f"{f}.{s}",
            f"{f[0]}{s}",
            f"{f}{rng.randrange(1, 99)}",
            f"{s}.{f}{rng.randrange(60, 99)}",
            f"{f}_{s}",
        ]
    )
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def ascii_fold(s: str) -> str:
    import unicodedata

    s = s.replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def postcode(rng: random.Random) -> str:
    area = rng.choice(pl.POSTCODE_AREAS)
    district = str(rng.randint(1, 29 if len(area) == 2 else 20))
    if rng.random() < 0.08 and area in ("E", "N", "SW", "W"):
        district = str(rng.randint(1, 9)) + rng.choice("ABCW")
    inward = str(rng.randint(0, 9)) + rng.choice(pl.INWARD_LETTERS) + rng.choice(pl.INWARD_LETTERS)
    return f"{area}{district} {inward}"


def bad_postcode_like(rng: random.Random) -> str:
    area = rng.choice(pl.POSTCODE_AREAS)
    district = str(rng.randint(1, 20))
    letters = [rng.choice(pl.INWARD_LETTERS), rng.choice(pl.INWARD_LETTERS)]
    letters[rng.randrange(2)] = rng.choice(pl.BAD_INWARD_LETTERS)
    return f"{area}{district} {rng.randint(0, 9)}{letters[0]}{letters[1]}"


def address_parts(rng: random.Random) -> list[str]:
    parts = []
    r = rng.random()
    if r < 0.2:
        parts.append(rng.choice(pl.FLAT_PREFIXES))
    elif r < 0.28:
        parts.append(rng.choice(pl.HOUSE_NAMES))
    parts.append(f"{rng.randint(1, 240)} {rng.choice(pl.STREETS)}")
    parts.append(rng.choice(pl.TOWNS))
    parts.append(postcode(rng))
    return parts


def address(rng: random.Random) -> str:
    return ", ".join(address_parts(rng))


def uprn(rng: random.Random) -> str:
    if rng.random() < 0.7:
        return "1000" + "".join(str(rng.randrange(10)) for _ in range(8))
    return str(rng.randint(10_000_000, 999_999_999))


def hospital_number(rng: random.Random) -> str:
    style = rng.random()
    if style < 0.4:
        return rng.choice("ADKMRST") + "".join(str(rng.randrange(10)) for _ in range(7))
    if style < 0.7:
        return "00" + "".join(str(rng.randrange(10)) for _ in range(5))
    return rng.choice(["RJ1", "RX1", "RQ3"]) + "".join(str(rng.randrange(10)) for _ in range(7))


def passport_number(rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + "".join(str(rng.randrange(10)) for _ in range(8))


def vehicle_registration(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNOPRSTUVWXY"
    age = rng.choice(list(range(2, 25)) + list(range(51, 75)))
    tail = "ABCDEFGHJKLMNOPRSTUVWXYZ"
    return (
        rng.choice(letters)
        + rng.choice(letters)
        + f"{age:02d} "
        + "".join(rng.choice(tail) for _ in range(3))
    )


def driving_licence(rng: random.Random, sur: str | None = None) -> str:
    sur = ascii_fold(sur or rng.choice(pl.SURNAMES)).upper()
    sur = "".join(c for c in sur if c.isalpha())[:5].ljust(5, "9")
    d = dob(rng, 1940, 2005)
    month = d.month + (50 if rng.random() < 0.5 else 0)
    six = f"{str(d.year)[2]}{month:02d}{d.day:02d}{str(d.year)[3]}"
    initials = rng.choice("ABCDEFGHJKLMNPRSTW") + rng.choice("ABCDEFGHJKLMNPRSTW9")
    return (
        sur
        + six
        + initials
        + "9"
        + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
        + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
    )


def full_name(rng: random.Random) -> str:
    return f"{rng.choice(pl.FORENAMES)} {rng.choice(pl.SURNAMES)}"


def forename(rng: random.Random) -> str:
    return rng.choice(pl.FORENAMES)


def surname(rng: random.Random) -> str:
    return rng.choice(pl.SURNAMES)


def sci(n: int | str, digits: int = 6) -> str:
    """Excel-style scientific notation, e.g. 9434765919 -> 9.43477E+09."""
    value = float(n)
    mant, exp = f"{value:.{digits - 1}E}".split("E")
    mant = mant.rstrip("0").rstrip(".")
    return f"{mant}E+{int(exp):02d}"


def gtin13(rng: random.Random) -> str:
    body = "50" + "".join(str(rng.randrange(10)) for _ in range(10))
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def gtin_valid(s: str) -> bool:
    if len(s) != 13 or not s.isdigit():
        return False
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(s[:12]))
    return (10 - total % 10) % 10 == int(s[12])


def blank_or(rng: random.Random, p_blank: float, value):
    """None (empty cell) with probability p_blank, else value()."""
    if rng.random() < p_blank:
        return None
    return value()
