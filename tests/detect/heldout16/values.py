"""Synthetic identifier makers and check-digit helpers for heldout16."""

import datetime as dt
import string

from . import pools

NI_BAD_FIRST = set("DFIQUV")
NI_BAD_SECOND = set("DFIQUVO")
NI_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}

# (prefix digits, first local number, last local number) of Ofcom drama ranges
DRAMA_RANGES = [
    ("07700", 900000, 900999),
    ("01632", 960000, 960999),
    ("0207946", 0, 999),
    ("0113496", 0, 999),
    ("0114496", 0, 999),
    ("0117496", 0, 999),
    ("0118496", 0, 999),
    ("0121496", 0, 999),
    ("0131496", 0, 999),
    ("0141496", 0, 999),
    ("0151496", 0, 999),
    ("0161496", 0, 999),
    ("0289649", 6000, 6999),
    ("0292018", 0, 999),
]

EMAIL_DOMAINS = ["example.com", "example.org", "example.net", "nhs.example", "mail.example"]


def mod11_check(first9: str) -> int | None:
    """Check digit for NHS / CHI; None when the remainder gives 10 (invalid)."""
    total = sum(int(d) * w for d, w in zip(first9, range(10, 1, -1), strict=True))
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
        first9 = str(rng.randint(4, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        check = mod11_check(first9)
        if check is not None:
            return first9 + str(check)


def mod11_failing(rng, first: str = "") -> str:
    """Ten digits (starting with `first`) that fail the mod-11 check."""
    while True:
        body = first + "".join(str(rng.randint(0, 9)) for _ in range(10 - len(first)))
        if not mod11_valid(body):
            return body


def random_date(rng, start_year: int, end_year: int) -> dt.date:
    start = dt.date(start_year, 1, 1).toordinal()
    end = dt.date(end_year, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def chi_number(rng, dob: dt.date | None = None) -> str:
    while True:
        d = dob or random_date(rng, 1930, 2020)
        first9 = d.strftime("%d%m%y") + "".join(str(rng.randint(0, 9)) for _ in range(3))
        check = mod11_check(first9)
        if check is not None:
            return first9 + str(check)


def chi_lookalike(rng) -> str:
    """ddmmyy + 4 digits that FAIL the CHI check."""
    while True:
        d = random_date(rng, 1950, 2024)
        body = d.strftime("%d%m%y") + "".join(str(rng.randint(0, 9)) for _ in range(4))
        if not mod11_valid(body):
            return body


def ni_number(rng) -> str:
    letters = string.ascii_uppercase
    while True:
        a, b = rng.choice(letters), rng.choice(letters)
        if a in NI_BAD_FIRST or b in NI_BAD_SECOND or a + b in NI_BAD_PAIRS:
            continue
        digits = "".join(str(rng.randint(0, 9)) for _ in range(6))
        return a + b + digits + rng.choice("ABCD")


def ni_valid(value: str) -> bool:
    v = value.replace(" ", "").replace("-", "").upper()
    if len(v) not in (8, 9):
        return False
    a, b = v[0], v[1]
    if not (a.isalpha() and b.isalpha()) or not v[2:8].isdigit():
        return False
    if a in NI_BAD_FIRST or b in NI_BAD_SECOND or a + b in NI_BAD_PAIRS:
        return False
    return len(v) == 8 or v[8] in "ABCD"


def phone_digits(rng) -> str:
    """National-format digits of a drama-range number."""
    prefix, lo, hi = rng.choice(DRAMA_RANGES)
    width = 6 if prefix in ("07700", "01632") else (11 - len(prefix))
    return prefix + str(rng.randint(lo, hi)).zfill(width)


def phone_is_drama(digits: str) -> bool:
    if digits.startswith("44"):
        digits = "0" + digits[2:]
    if not digits.startswith("0"):
        digits = "0" + digits
    if len(digits) != 11:
        return False
    for prefix, lo, hi in DRAMA_RANGES:
        if digits.startswith(prefix) and lo <= int(digits[len(prefix) :]) <= hi:
            return True
    return False


def phone_pretty(digits: str) -> str:
    if digits.startswith("07") or digits.startswith("01632"):
        return f"{digits[:5]} {digits[5:]}"
    if digits.startswith("02"):
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    return f"{digits[:4]} {digits[4:7]} {digits[7:]}"


def forename(rng) -> str:
    return rng.choice(pools.FORENAMES)


def surname(rng) -> str:
    return rng.choice(pools.SURNAMES)


def full_name(rng) -> str:
    return f"{forename(rng)} {surname(rng)}"


def email(rng, name: str | None = None) -> str:
    name = name or full_name(rng)
    parts = [p.lower().strip("'") for p in name.replace("'", "").split()]
    style = rng.randint(0, 3)
    if style == 0:
        local = ".".join(parts)
    elif style == 1:
        local = parts[0][0] + parts[-1] + str(rng.randint(1, 99))
    elif style == 2:
        local = parts[-1] + "_" + parts[0] + str(rng.randint(1950, 2005))
    else:
        local = parts[0] + str(rng.randint(100, 999))
    local = local.encode("ascii", "ignore").decode() or "patient"
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def outward(rng) -> str:
    area = rng.choice(pools.POSTCODE_AREAS)
    district = str(rng.randint(1, 29 if len(area) == 2 else 9))
    if area in ("SW", "W", "E", "N") and rng.random() < 0.2:
        district = str(rng.randint(1, 9)) + rng.choice("ABCW")
    return area + district


def postcode(rng) -> str:
    inward = str(rng.randint(0, 9)) + rng.choice("ABDEFGHJLNPQRSTUWXYZ") * 1
    inward += rng.choice("ABDEFGHJLNPQRSTUWXYZ")
    return f"{outward(rng)} {inward}"


def street_address(rng) -> str:
    num = rng.randint(1, 240)
    if rng.random() < 0.2:
        return f"Flat {rng.randint(1, 40)}, {num} {rng.choice(pools.STREETS)}"
    return f"{num} {rng.choice(pools.STREETS)}"


def address(rng, sep: str = ", ") -> str:
    return sep.join([street_address(rng), rng.choice(pools.TOWNS), postcode(rng)])


def driving_licence(rng, name: str | None = None) -> str:
    sur = (name or surname(rng)).upper().replace("'", "").replace("-", "").replace(" ", "")
    sur = "".join(c for c in sur if "A" <= c <= "Z")
    sur = (sur + "99999")[:5]
    d = random_date(rng, 1940, 2005)
    month = d.month + (50 if rng.random() < 0.5 else 0)
    mid = f"{d.year % 100 // 10}{month:02d}{d.day:02d}{d.year % 10}"
    initials = rng.choice(string.ascii_uppercase) + rng.choice(string.ascii_uppercase + "9")
    tail = str(rng.randint(0, 9)) + rng.choice(string.ascii_uppercase) * 1
    tail += rng.choice(string.ascii_uppercase)
    return sur + mid + initials + tail


def passport_number(rng) -> str:
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(8))


def vehicle_registration(rng) -> str:
    letters = "ABCDEFGHJKLMNOPRSTUVWXYZ"
    age = rng.choice(["05", "12", "15", "18", "21", "24", "59", "62", "66", "70", "73"])
    return (
        rng.choice(letters)
        + rng.choice(letters)
        + age
        + " "
        + "".join(rng.choice(letters) for _ in range(3))
    )


def uprn(rng) -> str:
    if rng.random() < 0.7:
        return "1000" + "".join(str(rng.randint(0, 9)) for _ in range(8))
    return str(rng.randint(10000000000, 99999999999))


def hospital_number(rng) -> str:
    style = rng.randint(0, 2)
    if style == 0:
        return "RX" + rng.choice("ABCH") + str(rng.randint(1000000, 9999999))
    if style == 1:
        return rng.choice("MKDJ") + str(rng.randint(100000, 9999999)).zfill(7)
    return "H" + str(rng.randint(10000000, 99999999))


def dob(rng) -> dt.date:
    return random_date(rng, 1928, 2008)
