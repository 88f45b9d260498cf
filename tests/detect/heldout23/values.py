"""Synthetic identifier generators and check-digit helpers for heldout23."""

import datetime as _dt
import random

from . import pools

WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)

DRAMA_PREFIXES = [
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
EMAIL_DOMAINS = ["example.com", "example.org", "example.net", "nhs.example", "mail.example"]


def mod11_check(first9: str) -> int | None:
    """Check digit for NHS/CHI modulus 11; None when the result is 10 (invalid)."""
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


def nhs_number(rng: random.Random) -> str:
    while True:
        first9 = str(rng.choice("3456789")) + "".join(rng.choice("0123456789") for _ in range(8))
        c = mod11_check(first9)
        if c is not None:
            return first9 + str(c)


def invalid_ten(rng: random.Random, first: str = "3456789") -> str:
    """Ten digits that fail modulus 11 (either wrong digit or check 10)."""
    while True:
        first9 = rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(8))
        c = mod11_check(first9)
        last = rng.choice("0123456789")
        if c is None or int(last) != c:
            return first9 + last


def random_date(rng: random.Random, start_year: int, end_year: int) -> _dt.date:
    start = _dt.date(start_year, 1, 1).toordinal()
    end = _dt.date(end_year, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(start, end))


def dob(rng: random.Random) -> _dt.date:
    return random_date(rng, 1925, 2005)


def chi_number(rng: random.Random, d: _dt.date | None = None) -> str:
    while True:
        day = d or dob(rng)
        first9 = day.strftime("%d%m%y") + "".join(rng.choice("0123456789") for _ in range(3))
        c = mod11_check(first9)
        if c is not None:
            return first9 + str(c)


def chi_invalid(rng: random.Random) -> str:
    while True:
        day = random_date(rng, 2019, 2024)
        first9 = day.strftime("%d%m%y") + "".join(rng.choice("0123456789") for _ in range(3))
        c = mod11_check(first9)
        last = rng.choice("0123456789")
        if c is None or int(last) != c:
            return first9 + last


def phone_digits(rng: random.Random, mobile: bool | None = None) -> str:
    """National 11-digit phone number from Ofcom drama ranges."""
    if mobile is None:
        mobile = rng.random() < 0.5
    prefix = "07700900" if mobile else rng.choice(DRAMA_PREFIXES[1:])
    return prefix + f"{rng.randint(0, 999):03d}"


def phone_display(digits: str) -> str:
    if digits.startswith("07"):
        return f"{digits[:5]} {digits[5:]}"
    if digits.startswith("02"):
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    if digits.startswith("01632"):
        return f"{digits[:5]} {digits[5:]}"
    return f"{digits[:4]} {digits[4:7]} {digits[7:]}"


def is_drama_phone(digits: str) -> bool:
    return len(digits) == 11 and digits.isdigit() and digits[:8] in DRAMA_PREFIXES


NI_BAD_FIRST = set("DFIQUV")
NI_BAD_SECOND = set("DFIQUVO")
NI_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def ni_number(rng: random.Random) -> str:
    while True:
        a = rng.choice(LETTERS)
        b = rng.choice(LETTERS)
        if a in NI_BAD_FIRST or b in NI_BAD_SECOND or a + b in NI_BAD_PAIRS:
            continue
        return a + b + f"{rng.randint(0, 999999):06d}" + rng.choice("ABCD")


def ni_valid(s: str) -> bool:
    s = s.replace(" ", "").upper()
    if len(s) != 9 or not s[2:8].isdigit():
        return False
    a, b, suf = s[0], s[1], s[8]
    return (
        a.isalpha()
        and b.isalpha()
        and a not in NI_BAD_FIRST
        and b not in NI_BAD_SECOND
        and a + b not in NI_BAD_PAIRS
        and suf in "ABCD"
    )


INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def postcode(rng: random.Random) -> str:
    area = rng.choice(pools.POSTCODE_AREAS)
    if len(area) == 1:
        district = str(rng.randint(1, 20))
        if rng.random() < 0.15:
            district = str(rng.randint(1, 9)) + rng.choice("ABCDEFGHJKMNPRSTUVWXY")
    else:
        district = str(rng.randint(1, 29))
        if rng.random() < 0.05:
            district = str(rng.randint(1, 9)) + rng.choice("ABEHMNPRVWXY")
    inward = str(rng.randint(0, 9)) + rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    return f"{area}{district} {inward}"


def forename(rng: random.Random) -> str:
    return rng.choice(pools.FORENAMES)


def surname(rng: random.Random) -> str:
    return rng.choice(pools.SURNAMES)


def full_name(rng: random.Random) -> str:
    return f"{forename(rng)} {surname(rng)}"


def email(rng: random.Random, first: str | None = None, last: str | None = None) -> str:
    first = (first or forename(rng)).lower()
    last = (last or surname(rng)).lower().replace("'", "").replace(" ", "")
    first = first.encode("ascii", "ignore").decode() or "pt"
    last = last.encode("ascii", "ignore").decode() or "user"
    style = rng.randint(0, 5)
    if style == 0:
        local = f"{first}.{last}"
    elif style == 1:
        local = f"{first[0]}{last}{rng.randint(1, 99)}"
    elif style == 2:
        local = f"{first}_{last}{rng.randint(1950, 2005)}"
    elif style == 3:
        local = f"{last}.{first[0]}"
    elif style == 4:
        local = f"{first}{rng.randint(1, 999)}"
    else:
        local = f"{first}-{last}"
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def address_parts(rng: random.Random) -> list[str]:
    parts = []
    if rng.random() < 0.2:
        parts.append(f"Flat {rng.randint(1, 40)}")
    parts.append(f"{rng.randint(1, 220)} {rng.choice(pools.STREETS)}")
    parts.append(rng.choice(pools.TOWNS))
    parts.append(postcode(rng))
    return parts


def hospital_number(rng: random.Random) -> str:
    style = rng.randint(0, 2)
    if style == 0:
        return rng.choice("KMRJ") + f"{rng.randint(0, 999999):06d}"
    if style == 1:
        return rng.choice(["RR8", "RAE", "RWY", "RXF"]) + f"{rng.randint(0, 9999999):07d}"
    return "".join(rng.choice(LETTERS) for _ in range(2)) + f"{rng.randint(0, 99999):05d}"


def passport_number(rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + f"{rng.randint(0, 99999999):08d}"


def driving_licence(rng: random.Random) -> str:
    sur = "".join(c for c in surname(rng).upper() if c.isalpha())[:5].ljust(5, "9")
    d = dob(rng)
    month = d.month + (50 if rng.random() < 0.5 else 0)
    yy = f"{d.year % 100:02d}"
    core = f"{yy[0]}{month:02d}{d.day:02d}{yy[1]}"
    f = forename(rng).upper()
    initials = f[0] + (rng.choice(LETTERS) if rng.random() < 0.5 else "9")
    return f"{sur}{core}{initials}{rng.choice('9')}{rng.choice(LETTERS)}{rng.choice(LETTERS)}"


VRM_AREA = "ABCDEFGHKLMNOPRSVWYX"
VRM_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXYZ"


def vehicle_registration(rng: random.Random) -> str:
    area = rng.choice(VRM_AREA) + rng.choice(VRM_LETTERS)
    age = rng.choice([f"{y:02d}" for y in range(2, 25)] + [str(y) for y in range(51, 75)])
    return f"{area}{age} {''.join(rng.choice(VRM_LETTERS) for _ in range(3))}"


def uprn(rng: random.Random) -> str:
    style = rng.random()
    if style < 0.6:
        return "1000" + f"{rng.randint(0, 99999999):08d}"
    if style < 0.85:
        return str(rng.randint(10000000, 99999999)) + str(rng.randint(0, 9))
    return "2000" + f"{rng.randint(0, 99999999):08d}"


def fmt_date(rng: random.Random, d: _dt.date) -> str:
    style = rng.randint(0, 4)
    if style == 0:
        return d.strftime("%d/%m/%Y")
    if style == 1:
        return d.strftime("%d.%m.%Y")
    if style == 2:
        return f"{d.day} {d.strftime('%b %Y')}"
    if style == 3:
        return d.strftime("%d-%b-%y").upper()
    return d.isoformat()


def pick_positions(rng: random.Random, rows: int, fraction: float) -> set[int]:
    k = round(rows * fraction)
    return set(rng.sample(range(rows), k))
