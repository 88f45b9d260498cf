"""Synthetic value makers for the eighth held-out corpus (one random stream passed in).

Every identifier is synthetic: check-digit numbers from random digits, phones only from Ofcom's
drama ranges, e-mail domains reserved for examples, NI numbers within HMRC's prefix rules and
names combined at random from :mod:`pools`.
"""

from __future__ import annotations

import datetime
import random
import string
import unicodedata
from collections.abc import Callable

from tests.detect.heldout8 import pools

WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)

# Ofcom drama ranges: (display prefix, first number, count of numbers).
PHONE_RANGES = (
    ("07700 ", 900000, 1000),
    ("01632 ", 960000, 1000),
    ("0113 496 ", 0, 1000),
    ("020 7946 ", 0, 1000),
    ("0191 498 ", 0, 1000),
    ("029 2018 ", 0, 1000),
)
EMAIL_DOMAINS = ("example.com", "example.org", "nhs.example", "council.example", "gov.example")
NI_FIRST = [c for c in string.ascii_uppercase if c not in "DFIQUV"]
NI_SECOND = [c for c in string.ascii_uppercase if c not in "DFIOQUV"]
NI_BANNED = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def mod11_check(nine: str) -> int | None:
    """The mod-11 check digit of nine digits (NHS, CHI, H&C), or None when none is possible."""
    check = 11 - sum(int(d) * w for d, w in zip(nine, WEIGHTS, strict=True)) % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def mod11_valid(ten: str) -> bool:
    """True when a 10-digit string carries a valid mod-11 check digit."""
    if len(ten) != 10 or not ten.isdigit():
        return False
    return mod11_check(ten[:9]) == int(ten[9])


def _with_check(make_nine: Callable[[], str]) -> str:
    while True:
        nine = make_nine()
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


def nhs_number(rng: random.Random) -> str:
    """A 10-digit NHS number with a valid check digit, first digit 4-9."""
    return _with_check(lambda: str(rng.randint(4, 9)) + "".join(rng.choices(string.digits, k=8)))


def hc_number(rng: random.Random) -> str:
    """A Northern Irish H&C number: valid mod 11, from the 320-399 million range."""
    return _with_check(lambda: str(rng.randint(320_000_001, 399_999_999)))


def invalid_ten_digits(rng: random.Random) -> str:
    """A 10-digit number that fails the mod-11 check."""
    nine = str(rng.randint(1, 9)) + "".join(rng.choices(string.digits, k=8))
    check = mod11_check(nine)
    last = rng.choice([d for d in range(10) if d != check])
    return nine + str(last)


def date_of_birth(rng: random.Random, start: int = 1925, end: int = 2023) -> datetime.date:
    """A random date of birth between two years."""
    first = datetime.date(start, 1, 1).toordinal()
    last = datetime.date(end, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(first, last))


def chi_number(rng: random.Random) -> str:
    """A CHI number: DDMMYY of a birth date, three digits and a valid mod-11 check digit."""
    dob = date_of_birth(rng, 1930, 2023)
    stem = dob.strftime("%d%m%y")
    return _with_check(lambda: stem + "".join(rng.choices(string.digits, k=3)))


def ni_number(rng: random.Random) -> str:
    """An NI number (no spaces) within HMRC's prefix rules, suffix A-D."""
    while True:
        prefix = rng.choice(NI_FIRST) + rng.choice(NI_SECOND)
        if prefix not in NI_BANNED:
            break
    return prefix + "".join(rng.choices(string.digits, k=6)) + rng.choice("ABCD")


def phone(rng: random.Random, mobile_only: bool = False) -> str:
    """A UK phone number from an Ofcom drama range, in its usual display spacing."""
    prefix, first, count = PHONE_RANGES[0] if mobile_only else rng.choice(PHONE_RANGES)
    number = first + rng.randrange(count)
    width = 6 if first else 4
    return prefix + str(number).zfill(width)


def forename(rng: random.Random, origin: str | None = None) -> str:
    """A forename from one origin (random when not given)."""
    return rng.choice(pools.FORENAMES[origin or rng.choice(pools.ORIGINS)])


def surname(rng: random.Random, origin: str | None = None) -> str:
    """A surname from one origin (random when not given)."""
    return rng.choice(pools.SURNAMES[origin or rng.choice(pools.ORIGINS)])


def person(rng: random.Random, origin: str | None = None) -> tuple[str, str]:
    """An invented (forename, surname) pair; a quarter mix two origins."""
    first_origin = origin or rng.choice(pools.ORIGINS)
    last_origin = first_origin if origin or rng.random() < 0.75 else rng.choice(pools.ORIGINS)
    return forename(rng, first_origin), surname(rng, last_origin)


def full_name(rng: random.Random, origin: str | None = None) -> str:
    """An invented full name "Forename Surname", some with a middle name."""
    first, last = person(rng, origin)
    if rng.random() < 0.15:
        first = f"{first} {forename(rng, origin)}"
    return f"{first} {last}"


FOLD_EXTRA = str.maketrans({"ł": "l", "đ": "d", "ı": "i", "ø": "o", "ß": "ss"})  # noqa: RUF001


def ascii_fold(text: str) -> str:
    """Text with accents removed, as people type names into e-mail addresses."""
    decomposed = unicodedata.normalize("NFKD", text.translate(FOLD_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def email(rng: random.Random) -> str:
    """An e-mail address at a reserved example domain."""
    first, last = person(rng)
    local = rng.choice(
        [
            f"{first}.{last}",
            f"{first[0]}{last}",
            f"{first}{rng.randint(1, 99)}",
            f"{last}.{first}{rng.randint(60, 99)}",
        ]
    )
    local = ascii_fold(local.lower())
    local = "".join(ch for ch in local if ch.isascii() and (ch.isalnum() or ch == "."))
    return f"{local or 'user'}@{rng.choice(EMAIL_DOMAINS)}"


def postcode(rng: random.Random) -> str:
    """A postcode-shaped string in a real area with an invented district and inward code."""
    inward = str(rng.randint(0, 9)) + "".join(rng.choices("ABDEFGHJLNPQRSTUWXYZ", k=2))
    return f"{rng.choice(pools.POSTCODE_AREAS)}{rng.randint(1, 29)} {inward}"


def address(rng: random.Random, sep: str = ", ") -> str:
    """A single-line postal address (house, street, town, postcode)."""
    parts = [f"{rng.randint(1, 240)} {rng.choice(pools.STREETS)}"]
    if rng.random() < 0.3:
        parts.insert(0, f"Flat {rng.randint(1, 40)}")
    parts += [rng.choice(pools.TOWNS), postcode(rng)]
    return sep.join(parts)


def uprn(rng: random.Random) -> str:
    """A 12-digit UPRN-shaped number."""
    return str(rng.choice((10000, 10001, 10002, 10009, 10070))) + str(
        rng.randint(0, 9_999_999)
    ).zfill(7)


def passport(rng: random.Random) -> str:
    """A 9-digit passport number."""
    return str(rng.randint(1, 9)) + "".join(rng.choices(string.digits, k=8))


def hospital_number(rng: random.Random) -> str:
    """A hospital number (MRN): a site prefix and seven digits."""
    return rng.choice(("RX1", "RTH", "K", "M", "H", "RR8", "J")) + str(
        rng.randint(0, 9_999_999)
    ).zfill(7)


def driving_licence(rng: random.Random) -> str:
    """A DVLA-shaped licence number built from an invented surname, birth date and initials."""
    last = "".join(ch for ch in surname(rng).upper() if "A" <= ch <= "Z")
    dob = date_of_birth(rng, 1935, 2006)
    month = dob.month + (50 if rng.random() < 0.5 else 0)
    initials = rng.choice(string.ascii_uppercase) + rng.choice(string.ascii_uppercase + "9")
    return (
        (last[:5]).ljust(5, "9")
        + str(dob.year)[2]
        + f"{month:02d}{dob.day:02d}"
        + str(dob.year)[3]
        + initials
        + "9"
        + rng.choice(string.ascii_uppercase)
        + rng.choice(string.ascii_uppercase)
    )


def vehicle_registration(rng: random.Random) -> str:
    """A vehicle registration in current (AB12 CDE) or older prefix/suffix styles."""
    letters = "ABCDEFGHJKLMNOPRSTUVWXY"
    style = rng.random()
    if style < 0.7:
        age = rng.choice([rng.randint(2, 24), rng.randint(51, 74)])
        return f"{rng.choice(letters)}{rng.choice(letters)}{age:02d} " + "".join(
            rng.choices(letters, k=3)
        )
    if style < 0.9:
        return f"{rng.choice(letters)}{rng.randint(1, 999)} " + "".join(rng.choices(letters, k=3))
    return "".join(rng.choices(letters, k=3)) + f" {rng.randint(1, 999)}{rng.choice(letters)}"


def maybe(rng: random.Random, value: str, blank: float) -> str | None:
    """The value, or None with probability ``blank``."""
    return None if rng.random() < blank else value
