"""Synthetic identifier values for the sixth held-out corpus (standard library only).

Every function takes the column's own `random.Random` so each column is reproducible alone.
NHS and CHI numbers carry a valid modulus-11 check digit computed from random digits; phones
come only from Ofcom drama ranges; e-mail domains are reserved example domains; NI numbers
follow the HMRC prefix rules.
"""

from __future__ import annotations

import datetime as dt
import random
import string
import unicodedata

from tests.detect.heldout6 import pools

MOD11_WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)

# (national prefix without the final three digits, grouping used when printed)
DRAMA_PHONE_PREFIXES = ("07700900", "01632960", "01134960", "02079460", "01914980", "02920180")

NI_FIRST_BANNED = set("DFIQUV")
NI_SECOND_BANNED = set("DFIOQUV")
NI_PAIRS_BANNED = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}

EXCEL_EPOCH = dt.date(1899, 12, 30)
PLATE_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"
POSTCODE_UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def mod11_check(first_nine: str) -> int | None:
    """Return the modulus-11 check digit for nine digits, or None when no digit is valid."""
    total = sum(int(d) * w for d, w in zip(first_nine, MOD11_WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def mod11_valid(ten: str) -> bool:
    """True when a 10-digit string passes the NHS/CHI modulus-11 check."""
    if len(ten) != 10 or not ten.isdigit():
        return False
    return mod11_check(ten[:9]) == int(ten[9])


def nhs_number(r: random.Random) -> str:
    """A 10-digit NHS number with a valid check digit, built from random digits."""
    while True:
        first = str(r.choice("3456789")) + "".join(r.choice(string.digits) for _ in range(8))
        check = mod11_check(first)
        if check is not None:
            return first + str(check)


def ten_digits_failing(r: random.Random, prefix: str = "") -> str:
    """A 10-digit number (optionally with a fixed prefix) that fails the modulus-11 check."""
    while True:
        digits = prefix + "".join(r.choice(string.digits) for _ in range(10 - len(prefix)))
        if not mod11_valid(digits) and digits[0] != "0":
            return digits


def date_of_birth(r: random.Random, start: int = 1926, end: int = 2023) -> dt.date:
    """A random date of birth between two years."""
    first = dt.date(start, 1, 1).toordinal()
    last = dt.date(end, 12, 31).toordinal()
    return dt.date.fromordinal(r.randint(first, last))


def chi_number(r: random.Random) -> str:
    """A 10-digit CHI number: DDMMYY, two digits, a sex digit and a modulus-11 check digit."""
    while True:
        born = date_of_birth(r)
        first = born.strftime("%d%m%y") + "".join(r.choice(string.digits) for _ in range(3))
        check = mod11_check(first)
        if check is not None:
            return first + str(check)


def ni_number(r: random.Random) -> str:
    """An NI number obeying the HMRC prefix rules, e.g. `JM482913B`."""
    while True:
        first = r.choice(string.ascii_uppercase)
        second = r.choice(string.ascii_uppercase)
        if first in NI_FIRST_BANNED or second in NI_SECOND_BANNED:
            continue
        if first + second in NI_PAIRS_BANNED:
            continue
        digits = "".join(r.choice(string.digits) for _ in range(6))
        return first + second + digits + r.choice("ABCD")


def phone_digits(r: random.Random) -> str:
    """An 11-digit national phone number from an Ofcom drama range."""
    return r.choice(DRAMA_PHONE_PREFIXES) + f"{r.randint(0, 999):03d}"


def phone_pretty(digits: str) -> str:
    """Group a national number the way it is usually written."""
    if digits.startswith("07"):
        return f"{digits[:5]} {digits[5:]}"
    if digits.startswith("02"):
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    if digits.startswith("011") or digits.startswith("0191"):
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    return f"{digits[:5]} {digits[5:]}"


def ascii_fold(text: str) -> str:
    """Strip diacritics (for e-mail local parts and licence numbers)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return folded.replace("đ", "d").replace("Đ", "D").replace("\u0131", "i")


def forename(r: random.Random) -> str:
    """A forename from a random origin."""
    return r.choice(pools.FORENAMES[r.choice(list(pools.FORENAMES))])


def surname(r: random.Random) -> str:
    """A surname from a random origin (independent of the forename's origin)."""
    return r.choice(pools.SURNAMES[r.choice(list(pools.SURNAMES))])


def full_name(r: random.Random) -> str:
    """An invented forename and surname pair."""
    return f"{forename(r)} {surname(r)}"


def email(r: random.Random) -> str:
    """An e-mail address on a reserved example domain."""
    first = ascii_fold(forename(r)).lower().replace(" ", "")
    last = ascii_fold(surname(r)).lower().replace(" ", "").replace("'", "")
    local = r.choice(
        (f"{first}.{last}", f"{first[0]}{last}", f"{first}{r.randint(1, 99)}", f"{last}.{first}")
    )
    return f"{local}@{r.choice(pools.EMAIL_DOMAINS)}"


def postcode(r: random.Random) -> str:
    """A UK-format postcode, e.g. `LS6 2QT`."""
    area = r.choice(pools.POSTCODE_AREAS)
    district = str(r.randint(1, 29 if len(area) == 2 else 20))
    unit = "".join(r.choice(POSTCODE_UNIT_LETTERS) for _ in range(2))
    return f"{area}{district} {r.randint(0, 9)}{unit}"


def address(r: random.Random) -> str:
    """A full postal address line with a postcode."""
    parts = []
    if r.random() < 0.25:
        parts.append(f"{r.choice(pools.FLAT_WORDS)} {r.randint(1, 40)}")
    parts.append(f"{r.randint(1, 240)} {r.choice(pools.STREETS)}")
    if r.random() < 0.4:
        parts.append(r.choice(pools.LOCALITIES))
    parts.append(r.choice(pools.TOWNS))
    parts.append(postcode(r))
    return ", ".join(parts)


def hospital_number(r: random.Random) -> str:
    """An alphanumeric hospital number in one of several trust styles."""
    style = r.randrange(4)
    if style == 0:
        return "RXH" + "".join(r.choice(string.digits) for _ in range(7))
    if style == 1:
        return "K" + "".join(r.choice(string.digits) for _ in range(6))
    if style == 2:
        return "M" + "".join(r.choice(string.digits) for _ in range(7))
    return "D" + "".join(r.choice(string.digits) for _ in range(6)) + r.choice("ABCDEFGH")


def passport_number(r: random.Random) -> str:
    """A UK-style 9-digit passport number or a two-letter, seven-digit foreign one."""
    if r.random() < 0.7:
        return str(r.randint(1, 9)) + "".join(r.choice(string.digits) for _ in range(8))
    return "".join(r.choice(string.ascii_uppercase) for _ in range(2)) + "".join(
        r.choice(string.digits) for _ in range(7)
    )


def driving_licence(r: random.Random) -> str:
    """A 16-character GB driving licence number built from an invented name and birth date."""
    last = "".join(c for c in ascii_fold(surname(r)).upper() if c.isalpha())[:5].ljust(5, "9")
    born = date_of_birth(r, 1940, 2005)
    month = born.month + (50 if r.random() < 0.5 else 0)
    initials = "".join(c for c in ascii_fold(forename(r)).upper() if c.isalpha())[:1]
    initials += r.choice(string.ascii_uppercase + "9")
    tail = str(r.randint(0, 9)) + "".join(r.choice(string.ascii_uppercase) for _ in range(2))
    return f"{last}{str(born.year)[2]}{month:02d}{born.day:02d}{str(born.year)[3]}{initials}{tail}"


def vehicle_registration(r: random.Random, style: str = "current") -> str:
    """A GB registration plate in the current (`AB12 CDE`), prefix or suffix style."""

    def letters(n: int) -> str:
        return "".join(r.choice(PLATE_LETTERS) for _ in range(n))

    if style == "current":
        age = r.choice([f"{y:02d}" for y in range(2, 25)] + [str(y) for y in range(51, 75)])
        return f"{letters(2)}{age} {letters(3)}"
    if style == "prefix":
        return f"{letters(1)}{r.randint(1, 999)} {letters(3)}"
    return f"{letters(3)} {r.randint(1, 999)}{letters(1)}"


def uprn(r: random.Random) -> str:
    """A UPRN: usually 12 digits starting `100`, sometimes shorter."""
    if r.random() < 0.75:
        return "100" + "".join(r.choice(string.digits) for _ in range(9))
    return str(r.randint(10_000_000, 999_999_999))


def dob_text(born: dt.date, r: random.Random) -> str:
    """A date of birth in one of many written formats."""
    formats = (
        "%d/%m/%Y",
        "%Y-%m-%d",
        "%d %b %Y",
        "%d-%m-%y",
        "%d.%m.%Y",
        "%Y%m%d",
        "%B %d, %Y",
        "%d/%m/%Y 00:00:00",
        "%d-%b-%Y",
        "%d/%m/%y",
    )
    text = born.strftime(r.choice(formats))
    if r.random() < 0.2:
        text = f"{born.day}/{born.month}/{born.year}"
    return text


def excel_serial(born: dt.date) -> str:
    """The Excel serial day number of a date."""
    return str((born - EXCEL_EPOCH).days)


def sci(number: str, digits: int = 3) -> str:
    """Excel's scientific display of a number, e.g. `9.43E+09`."""
    value = float(number)
    mantissa, exponent = f"{value:.{digits - 1}E}".split("E")
    return f"{mantissa}E+{int(exponent):02d}"


def thousands(number: str) -> str:
    """A digit string with comma thousands separators."""
    return f"{int(number):,}"
