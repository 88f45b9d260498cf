"""Synthetic identifier makers and check-digit helpers for held-out corpus 28."""

import datetime as dt
import string

from . import pools

WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)

DRAMA_RANGES = [
    # (national prefix, digits that follow, first, last)
    ("07700", 6, 900000, 900999),
    ("01632", 6, 960000, 960999),
    ("0207946", 4, 0, 999),
    ("01134960", 3, 0, 999),
    ("01144960", 3, 0, 999),
    ("01174960", 3, 0, 999),
    ("01184960", 3, 0, 999),
    ("01214960", 3, 0, 999),
    ("01314960", 3, 0, 999),
    ("01414960", 3, 0, 999),
    ("01514960", 3, 0, 999),
    ("01614960", 3, 0, 999),
    ("0289649", 4, 6000, 6999),
    ("0292018", 4, 0, 999),
]
EMAIL_DOMAINS = ("example.com", "example.org", "example.net")


def mod11_check(nine: str) -> int | None:
    total = sum(int(d) * w for d, w in zip(nine, WEIGHTS, strict=True))
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


def nhs_number(rng) -> str:
    while True:
        nine = str(rng.randint(400000000, 799999999))
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


def failing_ten(rng, first: str = "") -> str:
    """A 10-digit string whose last digit fails the modulus-11 check."""
    while True:
        nine = first + "".join(rng.choice(string.digits) for _ in range(9 - len(first)))
        check = mod11_check(nine)
        digits = [d for d in string.digits if check is None or int(d) != check]
        ten = nine + rng.choice(digits)
        if not mod11_valid(ten):
            return ten


def date_of_birth(rng, start: int = 1925, end: int = 2022) -> dt.date:
    first = dt.date(start, 1, 1).toordinal()
    last = dt.date(end, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(first, last))


def chi_number(rng, dob: dt.date | None = None) -> str:
    while True:
        d = dob or date_of_birth(rng)
        nine = d.strftime("%d%m%y") + f"{rng.randint(0, 999):03d}"
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)
        dob = None


def chi_lookalike(rng) -> str:
    """ddmmyy (a real calendar date) + four digits that fail the check."""
    d = date_of_birth(rng, 2015, 2024)
    return failing_ten(rng, d.strftime("%d%m%y") + f"{rng.randint(0, 999):03d}")


NI_FIRST = [c for c in string.ascii_uppercase if c not in "DFIQUV"]
NI_SECOND = [c for c in string.ascii_uppercase if c not in "DFIQUVO"]
NI_BANNED = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def ni_number(rng) -> str:
    while True:
        prefix = rng.choice(NI_FIRST) + rng.choice(NI_SECOND)
        if prefix not in NI_BANNED:
            break
    return prefix + f"{rng.randint(0, 999999):06d}" + rng.choice("ABCD")


def ni_valid(value: str) -> bool:
    v = value.replace(" ", "").upper()
    if len(v) != 9:
        return False
    a, b, digits, suffix = v[0], v[1], v[2:8], v[8]
    return (
        a in NI_FIRST
        and b in NI_SECOND
        and v[:2] not in NI_BANNED
        and digits.isdigit()
        and suffix in "ABCD"
    )


def phone_parts(rng) -> tuple[str, str]:
    """Returns (national number digits, canonical display)."""
    prefix, n, lo, hi = rng.choice(DRAMA_RANGES)
    tail = f"{rng.randint(lo, hi):0{n}d}"
    digits = prefix + tail
    if prefix.startswith("07") or prefix == "01632":
        display = digits[:5] + " " + digits[5:]
    elif prefix.startswith("02"):
        display = digits[:3] + " " + digits[3:7] + " " + digits[7:]
    else:
        display = digits[:4] + " " + digits[4:7] + " " + digits[7:]
    return digits, display


def mobile(rng) -> str:
    return f"07700 {rng.randint(900000, 900999)}"


def phone_is_drama(national: str) -> bool:
    for prefix, n, lo, hi in DRAMA_RANGES:
        if national.startswith(prefix) and len(national) == len(prefix) + n:
            return lo <= int(national[len(prefix) :]) <= hi
    return False


INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def postcode(rng, area: str | None = None) -> str:
    area = area or rng.choice(pools.TOWNS)[1]
    shape = rng.random()
    if shape < 0.7:
        district = str(rng.randint(1, 29))
    elif shape < 0.85:
        district = str(rng.randint(1, 9)) + rng.choice("ABEHMNPRVWXY")
    else:
        district = str(rng.randint(1, 9))
    inward = str(rng.randint(0, 9)) + rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    return f"{area}{district} {inward}"


def address_parts(rng) -> list[str]:
    town, area = rng.choice(pools.TOWNS)
    parts = []
    if rng.random() < 0.25:
        parts.append(rng.choice(pools.BUILDINGS))
    parts.append(f"{rng.randint(1, 212)} {rng.choice(pools.STREETS)}")
    parts.append(town)
    parts.append(postcode(rng, area))
    return parts


def address(rng) -> str:
    return ", ".join(address_parts(rng))


def hospital_number(rng) -> str:
    style = rng.random()
    if style < 0.5:
        return rng.choice(["RXH", "RWD", "RJ7", "7A1", "RQ3"]) + f"{rng.randint(0, 9999999):07d}"
    if style < 0.8:
        return rng.choice("KMHJ") + f"{rng.randint(0, 999999):06d}"
    return f"{rng.randint(0, 99999999):08d}"


def passport_number(rng) -> str:
    return f"{rng.randint(100000000, 999999999)}"


def driving_licence(rng, surname: str | None = None, forename: str | None = None) -> str:
    surname = surname or rng.choice(pools.PLAIN_SURNAMES)
    forename = forename or rng.choice(pools.FORENAMES)
    letters = "".join(c for c in surname.upper() if c.isalpha() and c.isascii())
    block = (letters + "99999")[:5]
    d = date_of_birth(rng, 1940, 2005)
    month = d.month + (50 if rng.random() < 0.5 else 0)
    initials = "".join(c for c in forename.upper() if c.isascii() and c.isalpha())[:1]
    initials += rng.choice(string.ascii_uppercase + "9")
    check = rng.choice("0123456789" + "ABCDEFGHJKLMNPRSTUVWXYZ") + rng.choice(
        string.ascii_uppercase
    )
    return f"{block}{str(d.year)[2]}{month:02d}{d.day:02d}{str(d.year)[3]}{initials}9{check}"


REG_AREAS = [
    "AB",
    "BD",
    "CF",
    "DY",
    "EA",
    "FG",
    "GK",
    "HN",
    "KM",
    "LR",
    "MA",
    "NV",
    "OU",
    "PE",
    "RX",
    "SN",
    "VE",
    "WR",
    "YS",
    "LJ",
    "SK",
    "BN",
]
REG_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


def vehicle_reg(rng) -> str:
    if rng.random() < 0.85:
        age = rng.choice([f"{y:02d}" for y in range(2, 25)] + [str(y) for y in range(51, 75)])
        tail = "".join(rng.choice(REG_LETTERS) for _ in range(3))
        return f"{rng.choice(REG_AREAS)}{age} {tail}"
    head = rng.choice(REG_LETTERS)
    tail = "".join(rng.choice(REG_LETTERS) for _ in range(3))
    return f"{head}{rng.randint(1, 999)} {tail}"


def uprn(rng) -> str:
    if rng.random() < 0.7:
        return str(rng.randint(100000000000, 100099999999))
    return str(rng.randint(10000000, 999999999))


def email(rng, forename: str | None = None, surname: str | None = None) -> str:
    forename = forename or rng.choice(pools.FORENAMES)
    surname = surname or rng.choice(pools.PLAIN_SURNAMES)

    def clean(s: str) -> str:
        return "".join(c for c in s.lower() if c.isascii() and c.isalnum())

    f, s = clean(forename) or "x", clean(surname) or "y"
    local = rng.choice(
        [f"{f}.{s}", f"{f[0]}{s}", f"{s}{rng.randint(1, 99)}", f"{f}_{s}{rng.randint(50, 99)}"]
    )
    domain = rng.choice((*EMAIL_DOMAINS, "mail.example", "home.example"))
    return f"{local}@{domain}"


def person(rng) -> tuple[str, str]:
    return rng.choice(pools.FORENAMES), rng.choice(pools.SURNAMES)


def full_name(rng) -> str:
    f, s = person(rng)
    return f"{f} {s}"


def excel_serial(d: dt.date) -> int:
    return (d - dt.date(1899, 12, 30)).days


def sci(number: str, places: int | None = None) -> str:
    """Excel-style scientific notation of a digit string."""
    places = places if places is not None else len(number) - 1
    mantissa = f"{int(number) / 10 ** (len(number) - 1):.{places}f}".rstrip("0").rstrip(".")
    return f"{mantissa}E+{len(number) - 1:02d}"


def maybe_blank(rng, rate: float, value):
    return None if rng.random() < rate else value
