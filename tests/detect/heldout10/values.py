"""Synthetic identifier values and the ways clerks and systems write them.

Every value is invented: NHS and CHI numbers come from random digits with a valid mod 11 check
digit, phones only from Ofcom drama ranges, e-mails only on example domains, NI numbers follow
the HMRC prefix rules, and names are random combinations from ``pools``.
"""

from __future__ import annotations

import datetime as dt
import random
import string
import unicodedata

from tests.detect.heldout10 import pools

_NI_FIRST = [c for c in string.ascii_uppercase if c not in "DFIQUV"]
_NI_SECOND = [c for c in string.ascii_uppercase if c not in "DFIOQUV"]
_NI_BANNED = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
_REG_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"
_EMAIL_DOMAINS = ("example.com", "example.org", "nhs.example", "council.example", "mail.example")

# Ofcom drama ranges: (prefix as dialled nationally, number of free digits after it).
DRAMA_RANGES: tuple[tuple[str, int], ...] = (
    ("07700900", 3),
    ("01632960", 3),
    ("01134960", 3),
    ("02079460", 3),
    ("01914980", 3),
    ("02920180", 3),
)


def mod11_check(nine: str) -> int | None:
    """Return the NHS/CHI mod 11 check digit for nine digits, or None when none exists."""
    total = sum(int(d) * (10 - i) for i, d in enumerate(nine))
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def mod11_valid(ten: str) -> bool:
    """Whether a 10-digit string carries a valid mod 11 check digit."""
    if len(ten) != 10 or not ten.isdigit():
        return False
    return mod11_check(ten[:9]) == int(ten[9])


def nhs_number(rng: random.Random) -> str:
    """A 10-digit NHS number with a valid check digit, built from random digits."""
    while True:
        nine = str(rng.randint(4, 9)) + "".join(rng.choice(string.digits) for _ in range(8))
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


def invalid_ten(rng: random.Random) -> str:
    """A 10-digit number whose last digit fails the mod 11 check."""
    while True:
        nine = str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(8))
        check = mod11_check(nine)
        last = rng.choice([d for d in string.digits if check is None or int(d) != check])
        return nine + last


def birth_date(rng: random.Random, start: int = 1924, end: int = 2022) -> dt.date:
    """A random date of birth between two years."""
    first = dt.date(start, 1, 1).toordinal()
    last = dt.date(end, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(first, last))


def chi_number(rng: random.Random, born: dt.date | None = None) -> str:
    """A CHI number: DDMMYY, two random digits, a sex digit and a valid mod 11 check digit."""
    born = born or birth_date(rng)
    while True:
        nine = born.strftime("%d%m%y") + f"{rng.randint(0, 99):02d}" + str(rng.randint(0, 9))
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


def ni_number(rng: random.Random) -> str:
    """An NI number following the HMRC prefix rules, compact (``JT481293C``)."""
    while True:
        prefix = rng.choice(_NI_FIRST) + rng.choice(_NI_SECOND)
        if prefix not in _NI_BANNED:
            break
    digits = "".join(rng.choice(string.digits) for _ in range(6))
    return prefix + digits + rng.choice("ABCD")


def ni_spaced(ni: str) -> str:
    """``JT 48 12 93 C``."""
    return f"{ni[:2]} {ni[2:4]} {ni[4:6]} {ni[6:8]} {ni[8:]}".strip()


def phone(rng: random.Random, mobile: bool | None = None) -> str:
    """A national 11-digit number from an Ofcom drama range."""
    if mobile is None:
        prefix, free = rng.choice(DRAMA_RANGES)
    elif mobile:
        prefix, free = DRAMA_RANGES[0]
    else:
        prefix, free = rng.choice(DRAMA_RANGES[1:])
    return prefix + "".join(rng.choice(string.digits) for _ in range(free))


def phone_spaced(national: str) -> str:
    """Group a national number the way it is usually printed."""
    if national.startswith("07") or national.startswith("016"):
        return f"{national[:5]} {national[5:]}"
    if national.startswith("02"):
        return f"{national[:3]} {national[3:7]} {national[7:]}"
    return f"{national[:4]} {national[4:7]} {national[7:]}"


def phone_any_format(rng: random.Random, national: str) -> str:
    """A drama-range number in one of many written formats."""
    spaced = phone_spaced(national)
    rest = spaced[1:]
    area, _, local = spaced.partition(" ")
    choices = [
        spaced,
        national,
        "+44 " + rest,
        "+44 (0)" + rest,
        "0044 " + rest,
        f"({area}) {local}",
        spaced.replace(" ", "-"),
        spaced.replace(" ", "."),
        "+44" + national[1:],
        f"{spaced} (mob)" if national.startswith("07") else f"{spaced} ext 2",
    ]
    return rng.choice(choices)


def ascii_fold(text: str) -> str:
    """Strip diacritics and non-letters (``Wiśniewska`` -> ``Wisniewska``)."""
    folded = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    return "".join(c for c in folded if c.isascii() and c.isalpha())


def email(rng: random.Random, forename: str, surname: str) -> str:
    """An e-mail address on an example domain built from a name."""
    fore = ascii_fold(forename).lower() or "x"
    sur = ascii_fold(surname).lower() or "y"
    local = rng.choice(
        [
            f"{fore}.{sur}",
            f"{fore[0]}{sur}",
            f"{fore}{sur}{rng.randint(1, 99)}",
            f"{sur}.{fore[0]}",
            f"{fore}_{sur}",
            f"{fore}{rng.randint(1950, 2010)}",
        ]
    )
    return f"{local}@{rng.choice(_EMAIL_DOMAINS)}"


def postcode(rng: random.Random, outward: str | None = None) -> str:
    """A postcode-shaped string on a real outward code with a random inward code."""
    inward = str(rng.randint(0, 9)) + "".join(rng.choice(_INWARD_LETTERS) for _ in range(2))
    return f"{outward or rng.choice(pools.OUTWARDS)} {inward}"


def postcode_odd(rng: random.Random, code: str) -> str:
    """A postcode in odd case and spacing."""
    out, inward = code.split(" ")
    return rng.choice(
        [
            code,
            code.lower(),
            out + inward,
            f" {out}  {inward} ",
            (out + inward).lower(),
            f"{out.title()} {inward.title()}",
            f"{out}-{inward}",
            f"{out}\u00a0{inward}",
        ]
    )


def street_line(rng: random.Random) -> str:
    """House number (sometimes a flat) and street."""
    street = rng.choice(pools.STREETS)
    number = rng.randint(1, 240)
    form = rng.random()
    if form < 0.2:
        return f"Flat {rng.randint(1, 24)}, {number} {street}"
    if form < 0.3:
        return f"{number}{rng.choice('ABC')} {street}"
    return f"{number} {street}"


def address(rng: random.Random, with_postcode: bool = True) -> str:
    """A one-line home address."""
    town = rng.randrange(len(pools.TOWNS))
    parts = [street_line(rng), pools.TOWNS[town]]
    if with_postcode:
        parts.append(postcode(rng, pools.TOWN_OUTWARDS[town]))
    return ", ".join(parts)


def hospital_number(rng: random.Random) -> str:
    """A hospital (MRN) number in one of several trust styles."""
    style = rng.randint(0, 4)
    if style == 0:
        return f"K{rng.randint(0, 999999):06d}"
    if style == 1:
        return f"RTH{rng.randint(0, 9999999):07d}"
    if style == 2:
        return f"M{rng.randint(0, 9999999):07d}"
    if style == 3:
        return f"{rng.choice('ABCDEFGHJ')}{rng.randint(100000, 999999)}"
    return f"H{rng.randint(0, 99999999):08d}"


def passport_number(rng: random.Random) -> str:
    """A 9-digit UK-style passport number."""
    return "".join(rng.choice(string.digits) for _ in range(9))


def driving_licence(rng: random.Random, forename: str, surname: str, born: dt.date) -> str:
    """A 16-character DVLA-style licence number built from a name and date of birth."""
    sur = ascii_fold(surname).upper()[:5].ljust(5, "9")
    month = born.month + (50 if rng.random() < 0.5 else 0)
    initials = (ascii_fold(forename).upper()[:1] + rng.choice("ABCDEFGHJKLMNPRSTW9")).ljust(2, "9")
    checks = "".join(rng.choice(string.ascii_uppercase) for _ in range(2))
    year = born.strftime("%y")
    return f"{sur}{year[0]}{month:02d}{born.day:02d}{year[1]}{initials}9{checks}"


def vehicle_registration(rng: random.Random) -> str:
    """A current-format registration mark (``KX19 PLM``)."""
    area = rng.choice("ABCDEFGHKLMNOPRSVWY") + rng.choice(_REG_LETTERS)
    year = rng.choice([rng.randint(2, 25), rng.randint(51, 74)])
    tail = "".join(rng.choice(_REG_LETTERS) for _ in range(3))
    return f"{area}{year:02d} {tail}"


def uprn(rng: random.Random) -> str:
    """A UPRN-shaped number (9 to 12 digits)."""
    prefix = rng.choice(["100", "1000", "10001", "10009", "200", "4510", "100100"])
    width = rng.choice([12, 12, 11, 10])
    return prefix + "".join(rng.choice(string.digits) for _ in range(width - len(prefix)))


def date_any_format(rng: random.Random, day: dt.date) -> str:
    """A date in one of many formats seen in extracts."""
    fmt = rng.choice(
        [
            "%d/%m/%Y",
            "%Y-%m-%d",
            "%d %b %Y",
            "%d-%b-%y",
            "%d.%m.%Y",
            "%Y%m%d",
            "%B %d, %Y",
            "%d/%m/%y",
            "%Y-%m-%d 00:00:00",
            "%d-%m-%Y",
            "%d %B %Y",
            "no-pad",
        ]
    )
    if fmt == "no-pad":
        return f"{day.day}/{day.month}/{day.year}"
    return day.strftime(fmt)


class People:
    """Draw invented people: a forename and surname of (often different) origins."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def forename(self, origin: str | None = None) -> str:
        """A forename, of a given origin or any."""
        origin = origin or self.rng.choice(list(pools.FORENAMES))
        return self.rng.choice(pools.FORENAMES[origin])

    def surname(self, origin: str | None = None) -> str:
        """A surname, of a given origin or any."""
        origin = origin or self.rng.choice(list(pools.SURNAMES))
        return self.rng.choice(pools.SURNAMES[origin])

    def pair(self, origins: list[str] | None = None) -> tuple[str, str]:
        """Forename and surname; usually the same origin, sometimes mixed."""
        origin = self.rng.choice(origins) if origins else self.rng.choice(list(pools.FORENAMES))
        sur_origin = origin if self.rng.random() < 0.7 else None
        return self.forename(origin), self.surname(sur_origin)

    def full(self, origins: list[str] | None = None) -> str:
        """``Forename Surname``."""
        fore, sur = self.pair(origins)
        return f"{fore} {sur}"
