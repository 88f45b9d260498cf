"""Synthetic identifier values for the seventh held-out corpus (standard library only).

Each function takes the column's own `random.Random`, so a column is reproducible on its own.
NHS and CHI numbers carry a valid modulus-11 check digit over random digits; phone numbers come
only from the Ofcom drama ranges; e-mail domains are example.com, example.org or *.example;
NI numbers follow the HMRC prefix rules.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import string

from tests.detect.heldout7 import pools

NI_BAD_FIRST = set("DFIQUV")
NI_BAD_SECOND = set("DFIOQUV")
NI_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
REG_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"
LANDLINE_RANGES = (
    ("01632", "960"),
    ("0113", "4960"),
    ("020", "79460"),
    ("0191", "4980"),
    ("029", "20180"),
)
EMAIL_DOMAINS = ("example.com", "example.org", "nhs.example", "mail.example", "council.example")


def mod11_check(first_nine: str) -> int | None:
    """Return the modulus-11 check digit of nine digits, or None when it would be 10."""
    total = sum(int(d) * w for d, w in zip(first_nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def mod11_valid(number: str) -> bool:
    """True when a 10-digit string carries a valid modulus-11 check digit."""
    if len(number) != 10 or not number.isdigit():
        return False
    return mod11_check(number[:9]) == int(number[9])


def nhs_number(rng: random.Random) -> str:
    """Ten digits from random digits with a valid check digit."""
    while True:
        first = str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(8))
        check = mod11_check(first)
        if check is not None:
            return first + str(check)


def mod11_invalid(rng: random.Random) -> str:
    """Ten random digits whose last digit is NOT a valid modulus-11 check digit."""
    while True:
        first = str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(8))
        check = mod11_check(first)
        last = rng.choice([d for d in range(10) if d != check])
        candidate = first + str(last)
        if not mod11_valid(candidate):
            return candidate


def birth_date(rng: random.Random, start: int = 1930, end: int = 2020) -> dt.date:
    """A random date between 1 January `start` and 31 December `end`."""
    first = dt.date(start, 1, 1).toordinal()
    last = dt.date(end, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(first, last))


def chi_number(rng: random.Random, born: dt.date | None = None) -> str:
    """DDMMYY, two random digits, a sex digit, then the modulus-11 check digit."""
    born = born or birth_date(rng)
    while True:
        first = born.strftime("%d%m%y") + f"{rng.randint(0, 99):02d}" + str(rng.randint(0, 9))
        check = mod11_check(first)
        if check is not None:
            return first + str(check)


def ni_number(rng: random.Random) -> str:
    """An NI number that obeys the HMRC prefix rules, e.g. AB123456C (no spaces)."""
    while True:
        first = rng.choice(string.ascii_uppercase)
        second = rng.choice(string.ascii_uppercase)
        if first in NI_BAD_FIRST or second in NI_BAD_SECOND or first + second in NI_BAD_PAIRS:
            continue
        digits = "".join(rng.choice(string.digits) for _ in range(6))
        return first + second + digits + rng.choice("ABCD")


def ni_valid(value: str) -> bool:
    """True when a compact NI number obeys the HMRC prefix and suffix rules."""
    value = value.upper()
    if len(value) != 9 or not value[2:8].isdigit() or value[8] not in "ABCD":
        return False
    return (
        value[0] not in NI_BAD_FIRST
        and value[1] not in NI_BAD_SECOND
        and value[:2] not in NI_BAD_PAIRS
        and value[:2].isalpha()
    )


def mobile(rng: random.Random) -> str:
    """A mobile number in 07700 900000-900999, compact: 07700900123."""
    return f"07700900{rng.randint(0, 999):03d}"


def landline(rng: random.Random) -> tuple[str, str]:
    """A landline from the drama ranges as (area code, local number), e.g. ("0113", "4960123")."""
    area, stem = rng.choice(LANDLINE_RANGES)
    return area, f"{stem}{rng.randint(0, 999):03d}"


def phone_in_range(digits: str) -> bool:
    """True when national-format digits (leading 0) fall in one of the drama ranges."""
    if re.fullmatch(r"07700900\d{3}", digits):
        return True
    return any(re.fullmatch(area + stem + r"\d{3}", digits) for area, stem in LANDLINE_RANGES)


def forename(rng: random.Random) -> str:
    """A forename from a random origin."""
    return rng.choice(pools.FORENAMES[rng.choice(list(pools.FORENAMES))])


def surname(rng: random.Random) -> str:
    """A surname from a random origin."""
    return rng.choice(pools.SURNAMES[rng.choice(list(pools.SURNAMES))])


def full_name(rng: random.Random) -> tuple[str, str]:
    """An invented (forename, surname) pair, origins mixed freely."""
    return forename(rng), surname(rng)


def email(rng: random.Random) -> str:
    """An address at example.com, example.org or a *.example domain."""
    first, last = full_name(rng)
    first = "".join(c for c in first.lower() if c.isalpha())
    last = "".join(c for c in last.lower() if c.isalpha())
    local = rng.choice(
        (
            f"{first}.{last}",
            f"{first[0]}{last}",
            f"{first}{rng.randint(1, 99)}",
            f"{last}.{first[0]}",
            f"{first}_{last}{rng.randint(70, 99)}",
        )
    )
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def postcode(rng: random.Random, area: str | None = None) -> str:
    """An invented postcode in normal form, e.g. LS6 2QT."""
    area = area or rng.choice(pools.TOWNS)[1]
    units = "".join(rng.choice(pools.POSTCODE_UNIT_LETTERS) for _ in range(2))
    return f"{area}{rng.randint(1, 29)} {rng.randint(0, 9)}{units}"


def address(rng: random.Random) -> str:
    """A single-line postal address with an invented postcode."""
    town, area = rng.choice(pools.TOWNS)
    house = rng.choice(
        (
            str(rng.randint(1, 220)),
            f"Flat {rng.randint(1, 40)}",
            f"{rng.randint(1, 90)}{rng.choice('ABC')}",
        )
    )
    sep = rng.choice((", ", " "))
    return f"{house} {rng.choice(pools.STREETS)}{sep}{town}{sep}{postcode(rng, area)}"


def hospital_number(rng: random.Random) -> str:
    """A letter and seven digits, e.g. K1234567."""
    return rng.choice("DHKMRSTX") + f"{rng.randint(0, 9_999_999):07d}"


def passport_number(rng: random.Random) -> str:
    """Nine digits, as on a UK passport."""
    return str(rng.randint(100_000_000, 599_999_999))


def uprn(rng: random.Random) -> str:
    """A UPRN: mostly 12 digits starting 100, some 9-11 digit ones."""
    roll = rng.random()
    if roll < 0.6:
        return f"100{rng.randint(0, 999_999_999):09d}"
    if roll < 0.8:
        return str(rng.randint(10_000_000_000, 99_999_999_999))
    return str(rng.randint(100_000_000, 999_999_999))


def driving_licence(rng: random.Random) -> str:
    """A 16-character GB licence number built from an invented name and birth date."""
    first, last = full_name(rng)
    letters = "".join(c for c in last.upper() if c.isalpha())[:5].ljust(5, "9")
    born = birth_date(rng, 1940, 2005)
    month = born.month + (50 if rng.random() < 0.5 else 0)
    middle = rng.choice(string.ascii_uppercase + "9")
    initials = (first[0].upper() + middle) if middle != "9" else first[0].upper() + "9"
    checks = "".join(rng.choice(string.ascii_uppercase) for _ in range(2))
    return (
        f"{letters}{str(born.year)[2]}{month:02d}{born.day:02d}{str(born.year)[3]}"
        f"{initials}9{checks}"
    )


def vehicle_registration(rng: random.Random, prefix_style: bool = False) -> str:
    """A current-style mark (AB12 CDE) or, with prefix_style, an old prefix mark (A123 BCD)."""
    tail = "".join(rng.choice(REG_LETTERS.replace("O", "")) for _ in range(3))
    if prefix_style:
        return f"{rng.choice('ABCDEFGHJKLMNPRSTVWXY')}{rng.randint(1, 999)} {tail}"
    age = rng.choice([f"{y:02d}" for y in range(3, 25)] + [str(y) for y in range(51, 75)])
    return f"{rng.choice('ABCDEFGHKLMNOPRSVWY')}{rng.choice(REG_LETTERS)}{age} {tail}"
