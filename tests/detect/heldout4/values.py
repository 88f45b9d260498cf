"""Synthetic identifier values for the fourth held-out corpus (standard library only).

Every generator takes a seeded ``random.Random`` so columns are reproducible. Values are synthetic:
NHS and CHI numbers are random digits with a computed mod-11 check digit, phones come only from
Ofcom drama ranges, e-mail domains are reserved example domains, NI numbers follow HMRC prefix
rules.
"""

from __future__ import annotations

import datetime as dt
import random
import string

from tests.detect.heldout4 import pools

NI_BAD_FIRST = set("DFIQUV")
NI_BAD_SECOND = set("DFIOQUV")
NI_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
POSTCODE_UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
POSTCODE_AREAS = (
    "LS",
    "BD",
    "HG",
    "WF",
    "CF",
    "SA",
    "DD",
    "IV",
    "NE",
    "SR",
    "S",
    "M",
    "B",
    "G",
    "EH",
    "BT",
    "L",
    "BS",
    "NG",
    "E",
    "SW",
    "N",
)
EMAIL_DOMAINS = ("example.com", "example.org", "mail.example", "nhs.example", "care.example")


def mod11_check(first9: str) -> int | None:
    """Return the mod-11 check digit for nine digits, or None when no digit is possible."""
    total = sum(int(d) * w for d, w in zip(first9, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def mod11_valid(ten: str) -> bool:
    """Return True when ten digits carry a valid mod-11 check digit (NHS and CHI)."""
    if len(ten) != 10 or not ten.isdigit():
        return False
    return mod11_check(ten[:9]) == int(ten[9])


def nhs_number(rng: random.Random) -> str:
    """Return a 10-digit NHS number with a valid check digit (random digits, first not 0)."""
    while True:
        first9 = str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(8))
        check = mod11_check(first9)
        if check is not None:
            return first9 + str(check)


def failing_ten_digits(rng: random.Random) -> str:
    """Return ten digits (first not 0) that FAIL the mod-11 check."""
    while True:
        first9 = str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(8))
        last = rng.choice(string.digits)
        if not mod11_valid(first9 + last):
            return first9 + last


def birth_date(rng: random.Random, start: int = 1925, end: int = 2024) -> dt.date:
    """Return a random date of birth between two years."""
    first = dt.date(start, 1, 1).toordinal()
    last = dt.date(end, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(first, last))


def chi_number(rng: random.Random, day_max: int = 28) -> str:
    """Return a CHI number: DDMMYY, two random digits, a sex digit and a mod-11 check digit."""
    while True:
        born = birth_date(rng, 1930, 2023)
        if born.day > day_max:
            continue
        first9 = born.strftime("%d%m%y") + f"{rng.randint(0, 99):02d}" + str(rng.randint(0, 9))
        check = mod11_check(first9)
        if check is not None:
            return first9 + str(check)


def ni_number(rng: random.Random) -> str:
    """Return a National Insurance number following the HMRC prefix rules, suffix A-D."""
    while True:
        first = rng.choice(string.ascii_uppercase)
        second = rng.choice(string.ascii_uppercase)
        if first in NI_BAD_FIRST or second in NI_BAD_SECOND or first + second in NI_BAD_PAIRS:
            continue
        digits = "".join(rng.choice(string.digits) for _ in range(6))
        return first + second + digits + rng.choice("ABCD")


def ni_valid(value: str) -> bool:
    """Return True when a compact upper-case NI number obeys the HMRC rules."""
    if len(value) != 9 or not value[2:8].isdigit() or value[8] not in "ABCD":
        return False
    first, second = value[0], value[1]
    return (
        first.isalpha()
        and second.isalpha()
        and first not in NI_BAD_FIRST
        and second not in NI_BAD_SECOND
        and first + second not in NI_BAD_PAIRS
    )


# (national prefix with spaces, first digits of the subscriber part, size of the range)
PHONE_RANGES = (
    ("07700 ", "900", 1000),
    ("01632 ", "960", 1000),
    ("0113 ", "496 0", 1000),
    ("020 ", "7946 0", 1000),
    ("0191 ", "498 0", 1000),
    ("029 ", "2018 0", 1000),
)
PHONE_PREFIXES_COMPACT = ("07700900", "01632960", "01134960", "02079460", "01914980", "02920180")


def phone(rng: random.Random) -> str:
    """Return a drama-range UK phone number in its usual spaced national layout."""
    prefix, start, _ = rng.choice(PHONE_RANGES)
    return f"{prefix}{start}{rng.randint(0, 999):03d}"


def phone_compact(value: str) -> str:
    """Return a phone number with only its digits."""
    return "".join(c for c in value if c.isdigit())


def phone_valid(digits: str) -> bool:
    """Return True when national-format digits lie in an Ofcom drama range."""
    return len(digits) == 11 and any(digits.startswith(p) for p in PHONE_PREFIXES_COMPACT)


def forename(rng: random.Random) -> str:
    """Return a forename from any origin."""
    return rng.choice(pools.FORENAMES[rng.choice(sorted(pools.FORENAMES))])


def surname(rng: random.Random) -> str:
    """Return a surname from any origin (origins drawn independently of the forename)."""
    return rng.choice(pools.SURNAMES[rng.choice(sorted(pools.SURNAMES))])


def full_name(rng: random.Random) -> str:
    """Return an invented "Forename Surname" combination across origins."""
    return f"{forename(rng)} {surname(rng)}"


def email(rng: random.Random) -> str:
    """Return an e-mail address at a reserved example domain."""
    first = _ascii(forename(rng)).lower()
    last = _ascii(surname(rng)).lower().replace(" ", "").replace("'", "")
    local = rng.choice(
        (f"{first}.{last}", f"{first[0]}{last}", f"{last}{rng.randint(1, 99)}", f"{first}_{last}")
    )
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def _ascii(text: str) -> str:
    folded = {
        "ł": "l",
        "Ł": "L",
        "\u0131": "i",
        "ş": "s",
        "ğ": "g",
        "ç": "c",
        "ö": "o",
        "ü": "u",
        "ó": "o",
        "á": "a",
        "í": "i",
        "é": "e",
        "ú": "u",
        "ñ": "n",
        "ã": "a",
        "ê": "e",
        "ô": "o",
        "õ": "o",
        "ą": "a",
        "ę": "e",
        "ń": "n",
        "ś": "s",
        "ż": "z",
        "ź": "z",
        "ć": "c",
        "ë": "e",
        "ủ": "u",
        "ấ": "a",
        "ư": "u",
        "ơ": "o",
        "ễ": "e",
        "ầ": "a",
        "ß": "ss",
        "ø": "o",
        "Ö": "O",
        "Ç": "C",
        "Ş": "S",
        "Ó": "O",
        "Ò": "O",
    }
    out = "".join(folded.get(c, c) for c in text)
    return "".join(c for c in out if c.isascii())


def postcode(rng: random.Random) -> str:
    """Return a well-formed UK postcode ("LS6 2AB")."""
    area = rng.choice(POSTCODE_AREAS)
    district = str(rng.randint(1, 29))
    unit = rng.choice(POSTCODE_UNIT_LETTERS) + rng.choice(POSTCODE_UNIT_LETTERS)
    return f"{area}{district} {rng.randint(0, 9)}{unit}"


def address(rng: random.Random) -> str:
    """Return a one-line address with house number, street, town and postcode."""
    house = rng.choice(
        (
            f"{rng.randint(1, 240)}",
            f"Flat {rng.randint(1, 30)}, {rng.randint(1, 120)}",
            f"{rng.randint(1, 99)}{rng.choice('AB')}",
        )
    )
    return f"{house} {rng.choice(pools.STREETS)}, {rng.choice(pools.TOWNS)} {postcode(rng)}"


def hospital_number(rng: random.Random) -> str:
    """Return a hospital number: a trust letter prefix and seven digits ("RR81234567")."""
    prefix = rng.choice(("K", "RR8", "M", "RX1", "H", "RTD"))
    return prefix + "".join(rng.choice(string.digits) for _ in range(7))


def passport_number(rng: random.Random) -> str:
    """Return a nine-digit UK-style passport number (first digit 1-9)."""
    return str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(8))


def driving_licence(rng: random.Random) -> str:
    """Return a 16-character GB driving licence number built from an invented person."""
    last = _ascii(surname(rng)).upper().replace(" ", "").replace("'", "").replace("-", "")
    block = (last + "99999")[:5]
    born = birth_date(rng, 1940, 2006)
    month = born.month + (50 if rng.random() < 0.5 else 0)
    initials = (_ascii(forename(rng))[:1] + rng.choice(("", "A", "J", "M"))).upper().ljust(2, "9")
    tail = (
        rng.choice(string.digits)
        + rng.choice(string.ascii_uppercase)
        + rng.choice(string.ascii_uppercase)
    )
    return f"{block}{str(born.year)[2]}{month:02d}{born.day:02d}{str(born.year)[3]}{initials}{tail}"


def vehicle_registration(rng: random.Random) -> str:
    """Return a current-style ("AB12 CDE") or prefix-style ("A123 BCD") registration."""
    letters = "ABCDEFGHJKLMNOPRSTUVWXYZ"
    if rng.random() < 0.75:
        area = rng.choice(letters) + rng.choice(letters)
        age = rng.choice(("02", "08", "12", "15", "19", "23", "24", "55", "61", "68", "71", "73"))
        return f"{area}{age} {''.join(rng.choice(letters) for _ in range(3))}"
    digits = rng.randint(1, 999)
    return f"{rng.choice('ABCDEFGHJKLMNPRSTVWXY')}{digits} {''.join(rng.choices(letters, k=3))}"


def uprn(rng: random.Random) -> str:
    """Return a UPRN-like number of 8 to 12 digits (first digit not 0)."""
    length = rng.choice((8, 10, 11, 12, 12, 12))
    return str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(length - 1))
