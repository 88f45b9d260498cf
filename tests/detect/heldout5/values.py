"""Synthetic identifier values for the fifth held-out corpus (standard library only).

NHS and CHI numbers are random digits with a computed mod-11 check digit; phones come only from
Ofcom's drama ranges; e-mail domains are example.com, example.org or *.example; NI numbers follow
HMRC's prefix rules. Nothing here is copied from a real record.
"""

from __future__ import annotations

import datetime as dt
import random
import string

from tests.detect.heldout5 import pools

MOD11_WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)

# Digits of each Ofcom drama range (prefix + free tail length) and how it is usually spaced.
PHONE_RANGES: tuple[tuple[str, str], ...] = (
    ("07700900", "{0}{1}{2}{3}{4} {5}{6}{7}{8}{9}{10}"),
    ("01632960", "{0}{1}{2}{3}{4} {5}{6}{7}{8}{9}{10}"),
    ("01134960", "{0}{1}{2}{3} {4}{5}{6} {7}{8}{9}{10}"),
    ("02079460", "{0}{1}{2} {3}{4}{5}{6} {7}{8}{9}{10}"),
    ("01914980", "{0}{1}{2}{3} {4}{5}{6} {7}{8}{9}{10}"),
    ("02920180", "{0}{1}{2} {3}{4}{5}{6} {7}{8}{9}{10}"),
)

NI_FIRST_BANNED = set("DFIQUV")
NI_SECOND_BANNED = set("DFIOQUV")
NI_PAIRS_BANNED = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
POSTCODE_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
REG_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"


def mod11_check(first9: str) -> int | None:
    """Return the NHS/CHI mod-11 check digit of nine digits, or None when none exists."""
    total = sum(int(d) * w for d, w in zip(first9, MOD11_WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def mod11_valid(number: str) -> bool:
    """Return whether a 10-digit string carries a valid mod-11 check digit."""
    if len(number) != 10 or not number.isdigit():
        return False
    return mod11_check(number[:9]) == int(number[9])


def digits(rng: random.Random, n: int) -> str:
    """Return n random decimal digits."""
    return "".join(rng.choice(string.digits) for _ in range(n))


def nhs_number(rng: random.Random) -> str:
    """Return a 10-digit NHS-style number with a valid check digit."""
    while True:
        first9 = str(rng.randint(3, 9)) + digits(rng, 8)
        check = mod11_check(first9)
        if check is not None:
            return first9 + str(check)


def failing_ten_digit(rng: random.Random) -> str:
    """Return a 10-digit number (no leading zero) whose last digit fails mod 11."""
    while True:
        first9 = str(rng.randint(1, 9)) + digits(rng, 8)
        last = rng.choice(string.digits)
        candidate = first9 + last
        if not mod11_valid(candidate):
            return candidate


def spaced_nhs(number: str, sep: str = " ") -> str:
    """Return a 10-digit number written 3-3-4 with a separator."""
    return f"{number[:3]}{sep}{number[3:6]}{sep}{number[6:]}"


def date_of_birth(rng: random.Random, start: int = 1930, end: int = 2021) -> dt.date:
    """Return a random date of birth between two years."""
    first = dt.date(start, 1, 1).toordinal()
    last = dt.date(end, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(first, last))


def chi_number(rng: random.Random) -> str:
    """Return a CHI number: DDMMYY of birth, three digits and a valid mod-11 check digit."""
    while True:
        born = date_of_birth(rng)
        first9 = born.strftime("%d%m%y") + digits(rng, 3)
        check = mod11_check(first9)
        if check is not None:
            return first9 + str(check)


def chi_date_valid(number: str) -> bool:
    """Return whether the first six digits of a CHI number are a real DDMMYY date."""
    try:
        dt.datetime.strptime(number[:6], "%d%m%y")
    except ValueError:
        return False
    return True


def ni_number(rng: random.Random) -> str:
    """Return an NI number obeying HMRC's prefix rules, e.g. ``AB123456C``."""
    while True:
        first = rng.choice(string.ascii_uppercase)
        second = rng.choice(string.ascii_uppercase)
        if first in NI_FIRST_BANNED or second in NI_SECOND_BANNED:
            continue
        if first + second in NI_PAIRS_BANNED:
            continue
        return first + second + digits(rng, 6) + rng.choice("ABCD")


def phone_digits(rng: random.Random) -> str:
    """Return the 11 digits of a number from an Ofcom drama range."""
    prefix, _ = rng.choice(PHONE_RANGES)
    return prefix + digits(rng, 11 - len(prefix))


def phone_spaced(number: str) -> str:
    """Return drama-range digits spaced the usual way for their range."""
    for prefix, pattern in PHONE_RANGES:
        if number.startswith(prefix):
            return pattern.format(*number)
    raise ValueError("not a drama-range number")


def postcode(rng: random.Random) -> str:
    """Return a postcode-shaped string from a pool of outward codes."""
    inward = str(rng.randint(0, 9)) + "".join(rng.choices(POSTCODE_INWARD_LETTERS, k=2))
    return f"{rng.choice(pools.POSTCODE_OUTWARDS)} {inward}"


def address(rng: random.Random) -> str:
    """Return a one-line address: house, street, town, postcode."""
    house = rng.choice([str(rng.randint(1, 240)), f"Flat {rng.randint(1, 30)}", "Ty Gwyn"])
    return f"{house} {rng.choice(pools.STREETS)}, {rng.choice(pools.TOWNS)}, {postcode(rng)}"


def forename(rng: random.Random) -> str:
    """Return a forename from the mixed-origin pool."""
    return rng.choice(pools.FORENAMES)


def surname(rng: random.Random) -> str:
    """Return a surname from the mixed-origin pool."""
    return rng.choice(pools.SURNAMES)


def full_name(rng: random.Random) -> str:
    """Return an invented forename + surname combination."""
    return f"{forename(rng)} {surname(rng)}"


def ascii_fold(text: str) -> str:
    """Return only the ASCII letters of a name, upper-cased (diacritics dropped)."""
    return "".join(c for c in text.upper() if c in string.ascii_uppercase)


def email(rng: random.Random) -> str:
    """Return an e-mail address at a reserved example domain."""
    local = rng.choice(
        [
            f"{ascii_fold(forename(rng)).lower()}.{ascii_fold(surname(rng)).lower()}",
            f"{ascii_fold(forename(rng)).lower()}{rng.randint(1, 99)}",
            f"{ascii_fold(surname(rng)).lower()}_{ascii_fold(forename(rng))[:1].lower()}",
        ]
    )
    domain = rng.choice(["example.com", "example.org", "mail.example", "nhs.example"])
    return f"{local}@{domain}"


def hospital_number(rng: random.Random) -> str:
    """Return a hospital number: a letter and seven digits, or a trust prefix and six."""
    if rng.random() < 0.5:
        return rng.choice("KMRJST") + digits(rng, 7)
    return rng.choice(["RTH", "RR8", "RWA", "RJ1"]) + digits(rng, 6)


def passport_number(rng: random.Random) -> str:
    """Return a nine-digit passport-shaped number."""
    return str(rng.randint(1, 9)) + digits(rng, 8)


def driving_licence(rng: random.Random) -> str:
    """Return a 16-character GB driving licence number built from an invented person."""
    last = (ascii_fold(surname(rng)) + "99999")[:5]
    born = date_of_birth(rng, 1940, 2005)
    month = born.month + (50 if rng.random() < 0.5 else 0)
    initials = (ascii_fold(forename(rng))[:1] + rng.choice(["", "A", "J", "M"]) + "9")[:2]
    check = "".join(rng.choices(string.ascii_uppercase, k=2))
    return (
        f"{last}{str(born.year)[2]}{month:02d}{born.day:02d}{str(born.year)[3]}"
        f"{initials}{rng.randint(0, 9)}{check}"
    )


def vehicle_registration(rng: random.Random) -> str:
    """Return a current-style registration, e.g. ``YX19 KLM``."""
    area = "".join(rng.choices(REG_LETTERS, k=2))
    age = rng.choice([f"{y:02d}" for y in range(2, 25)] + [str(y) for y in range(52, 75)])
    tail = "".join(rng.choices(REG_LETTERS.replace("O", ""), k=3))
    return f"{area}{age} {tail}"


def uprn(rng: random.Random) -> str:
    """Return a UPRN-shaped number of 9 to 12 digits."""
    prefix, tail = rng.choice([("1000", 8), ("2000", 8), ("10", 9), ("906", 6)])
    return prefix + digits(rng, tail)


def sparse(rng: random.Random, blank: float, value: str) -> str | None:
    """Return None with probability ``blank``, else the value."""
    return None if rng.random() < blank else value
