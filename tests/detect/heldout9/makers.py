"""Primitive synthetic value makers for held-out corpus 9 (standard library only).

Every maker takes a `random.Random` so a column's values depend only on its own seed. NHS and
CHI numbers get a valid mod-11 check digit from random digits; phones come only from Ofcom's
drama ranges; e-mails only use example domains; NI numbers follow HMRC's prefix rules.
"""

import datetime
import random
import string

from tests.detect.heldout9 import pools

NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NI_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NI_BANNED_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
EMAIL_DOMAINS = ("example.com", "example.org", "nhs.example", "council.example", "mail.example")
PHONE_RANGES = (  # (area code, local prefix, digits after the prefix)
    ("07700", "900", 3),
    ("01632", "960", 3),
    ("0113", "496", 4),
    ("020", "7946", 4),
    ("0191", "498", 4),
    ("029", "2018", 4),
)
REG_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXYZ"


def mod11_check(nine: str) -> int | None:
    """Return the mod-11 check digit for nine digits, or None when no digit is valid (10)."""
    total = sum(int(d) * (10 - i) for i, d in enumerate(nine))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def is_mod11_valid(ten: str) -> bool:
    """Tell whether ten digits carry a valid mod-11 check digit."""
    if len(ten) != 10 or not ten.isdigit():
        return False
    return mod11_check(ten[:9]) == int(ten[9])


def nhs_number(rng: random.Random) -> str:
    """Return ten digits with a valid mod-11 check digit, first digit 3-9."""
    while True:
        nine = str(rng.randint(3, 9)) + "".join(rng.choice(string.digits) for _ in range(8))
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


def invalid_ten_digits(rng: random.Random) -> str:
    """Return ten digits (first 1-9) that fail the mod-11 check."""
    while True:
        ten = str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(9))
        if not is_mod11_valid(ten):
            return ten


def date_between(rng: random.Random, start_year: int, end_year: int) -> datetime.date:
    """Return a uniform random date from 1 January start_year to 31 December end_year."""
    start = datetime.date(start_year, 1, 1).toordinal()
    end = datetime.date(end_year, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(start, end))


def date_of_birth(rng: random.Random) -> datetime.date:
    """Return a date of birth between 1925 and 2021."""
    return date_between(rng, 1925, 2021)


def chi_number(rng: random.Random) -> str:
    """Return a CHI number: DDMMYY of a birth date, three digits, a mod-11 check digit."""
    while True:
        born = date_of_birth(rng)
        nine = born.strftime("%d%m%y") + "".join(rng.choice(string.digits) for _ in range(3))
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


def ni_number(rng: random.Random) -> str:
    """Return an NI number (no spaces) following HMRC's prefix rules, suffix A-D."""
    while True:
        prefix = rng.choice(NI_FIRST) + rng.choice(NI_SECOND)
        if prefix not in NI_BANNED_PREFIXES:
            digits = "".join(rng.choice(string.digits) for _ in range(6))
            return prefix + digits + rng.choice("ABCD")


def phone_parts(rng: random.Random) -> tuple[str, str, str]:
    """Return (area code, local prefix, final digits) of a number in an Ofcom drama range."""
    area, prefix, width = rng.choice(PHONE_RANGES)
    return area, prefix, str(rng.randrange(10**width)).zfill(width)


def phone(rng: random.Random) -> str:
    """Return a drama-range phone number written the usual way."""
    area, prefix, tail = phone_parts(rng)
    if area == "07700":
        return f"{area} {prefix}{tail}"
    return f"{area} {prefix} {tail}"


def forename(rng: random.Random) -> str:
    """Return a forename from a random origin."""
    return rng.choice(pools.FORENAMES[rng.choice(list(pools.FORENAMES))])


def surname(rng: random.Random) -> str:
    """Return a surname from a random origin."""
    return rng.choice(pools.SURNAMES[rng.choice(list(pools.SURNAMES))])


def person(rng: random.Random) -> tuple[str, str]:
    """Return an invented (forename, surname), mixing origins as real families do."""
    if rng.random() < 0.6:
        origin = rng.choice(list(pools.FORENAMES))
        return rng.choice(pools.FORENAMES[origin]), rng.choice(pools.SURNAMES[origin])
    return forename(rng), surname(rng)


def full_name(rng: random.Random) -> str:
    """Return "Forename Surname"."""
    first, last = person(rng)
    return f"{first} {last}"


def initial(name: str) -> str:
    """Return the first letter of a name, upper case."""
    return name[0].upper()


def email(rng: random.Random) -> str:
    """Return an e-mail address on an example domain built from an invented name."""
    first, last = person(rng)
    fold = {ord(c): None for c in " '-"}
    first_a = first.lower().translate(fold).encode("ascii", "ignore").decode() or "pat"
    last_a = last.lower().translate(fold).encode("ascii", "ignore").decode() or "lee"
    style = rng.randrange(4)
    if style == 0:
        local = f"{first_a}.{last_a}"
    elif style == 1:
        local = f"{first_a[0]}{last_a}{rng.randint(1, 99)}"
    elif style == 2:
        local = f"{last_a}_{first_a}"
    else:
        local = f"{first_a}{rng.randint(1950, 2010)}"
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def postcode(rng: random.Random) -> str:
    """Return an invented postcode in standard form ("CF10 3AT")."""
    inward = str(rng.randint(0, 9)) + "".join(rng.choice(pools.INWARD_LETTERS) for _ in range(2))
    return f"{rng.choice(pools.OUTWARD_CODES)} {inward}"


def street_line(rng: random.Random) -> str:
    """Return a first address line: flat or house name or number, and a street."""
    street = rng.choice(pools.STREET_WORDS)
    if not street.startswith(("Heol", "Ffordd")):
        street = f"{street} {rng.choice(pools.STREET_TYPES)}"
    roll = rng.random()
    if roll < 0.15:
        return (
            f"{rng.choice(pools.FLAT_WORDS)} {rng.randint(1, 40)}, {rng.randint(1, 200)} {street}"
        )
    if roll < 0.25:
        return f"{rng.choice(pools.HOUSE_NAMES)}, {street}"
    return f"{rng.randint(1, 250)}{rng.choice(['', '', '', 'A', 'b'])} {street}"


def address(rng: random.Random, sep: str = ", ") -> str:
    """Return a full address with town and postcode, parts joined by sep."""
    return sep.join((street_line(rng), rng.choice(pools.TOWNS), postcode(rng)))


def uprn(rng: random.Random) -> str:
    """Return a UPRN-shaped number (8-12 digits, most starting 100 or 10)."""
    roll = rng.random()
    if roll < 0.6:
        return "100" + str(rng.randrange(10**9)).zfill(9)
    if roll < 0.85:
        return "10" + str(rng.randrange(10**9)).zfill(9)
    return str(rng.randint(10**7, 10**8 - 1))


def hospital_number(rng: random.Random) -> str:
    """Return a hospital number with a site prefix ("RHW1234567", "K123456", "M0012345")."""
    roll = rng.random()
    if roll < 0.4:
        prefix = rng.choice(("RHW", "RWD", "RTD", "SWA", "NEW", "G"))
        return prefix + str(rng.randrange(10**7)).zfill(7)
    if roll < 0.7:
        return rng.choice("KMTBD") + str(rng.randrange(10**6)).zfill(6)
    return str(rng.randint(10**6, 10**8 - 1))


def passport_number(rng: random.Random) -> str:
    """Return a nine-digit UK-style passport number (invented)."""
    return str(rng.randint(1, 9)) + str(rng.randrange(10**8)).zfill(8)


def driving_licence(rng: random.Random) -> str:
    """Return a DVLA-format driving licence number built from an invented person."""
    first, last = person(rng)
    letters = "".join(c for c in last.upper() if c in string.ascii_uppercase)
    head = (letters + "99999")[:5]
    born = date_of_birth(rng)
    month = born.month + (50 if rng.random() < 0.5 else 0)
    middle = rng.choice(string.ascii_uppercase + "9")
    initials = "".join(c for c in first.upper() if c in string.ascii_uppercase)[:1] or "X"
    tail = "9" + rng.choice(string.ascii_uppercase) + rng.choice(string.ascii_uppercase)
    return (
        f"{head}{str(born.year)[2]}{month:02d}{born.day:02d}{str(born.year)[3]}"
        f"{initials}{middle}{tail}"
    )


def vehicle_registration(rng: random.Random) -> str:
    """Return a current-style ("AB12 CDE") or prefix-style ("P123 ABC") registration."""
    if rng.random() < 0.85:
        age = rng.choice([f"{y:02d}" for y in range(2, 25)] + [str(y) for y in range(51, 75)])
        area = rng.choice(REG_LETTERS) + rng.choice(REG_LETTERS)
        return f"{area}{age} {''.join(rng.choice(REG_LETTERS) for _ in range(3))}"
    year = rng.choice("ABCDEFGHJKLMNPRSTVWXY")
    return f"{year}{rng.randint(1, 999)} {''.join(rng.choice(REG_LETTERS) for _ in range(3))}"


def blanks(rng: random.Random, share: float, value: str) -> str | None:
    """Return None with probability share, else value."""
    return None if rng.random() < share else value
