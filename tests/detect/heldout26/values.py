"""Synthetic identifier makers for held-out 26 (never real people's identifiers)."""

import datetime as _dt
import random
import re

from . import pools

NI_BAD_FIRST = set("DFIQUV")
NI_BAD_SECOND = set("DFIQUVO")
NI_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

# (prefix digits without spaces, first local number, last local number)
PHONE_RANGES = [
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
EMAIL_DOMAINS = [
    "example.com",
    "example.org",
    "example.net",
    "nhs.example",
    "trust.example",
    "mail.example",
]


def mod11_check(nine: str) -> int | None:
    """Check digit for nine digits (weights 10..2); None when the remainder gives 10."""
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True))
    check = 11 - (total % 11)
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


def nhs_number(rng: random.Random) -> str:
    while True:
        first = str(rng.choice([4, 6, 9]))  # 4xx / 6xx / 9xx issued ranges
        nine = first + "".join(str(rng.randrange(10)) for _ in range(8))
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


def invalid_ten(rng: random.Random, first: str | None = None) -> str:
    """Ten digits that fail the mod-11 check (wrong digit or remainder 10)."""
    while True:
        lead = first if first is not None else str(rng.randrange(1, 10))
        nine = lead + "".join(str(rng.randrange(10)) for _ in range(8))
        check = mod11_check(nine)
        if check is None:
            return nine + str(rng.randrange(10))
        bad = (check + rng.randrange(1, 10)) % 10
        return nine + str(bad)


def random_date(rng: random.Random, start_year: int, end_year: int) -> _dt.date:
    start = _dt.date(start_year, 1, 1).toordinal()
    end = _dt.date(end_year, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(start, end))


def dob(rng: random.Random) -> _dt.date:
    return random_date(rng, 1956, 2006)


def chi_number(rng: random.Random) -> str:
    while True:
        d = dob(rng)
        six = d.strftime("%d%m%y")
        nine = six + "".join(str(rng.randrange(10)) for _ in range(3))
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


def ni_number(rng: random.Random) -> str:
    while True:
        a = rng.choice(LETTERS)
        b = rng.choice(LETTERS)
        if a in NI_BAD_FIRST or b in NI_BAD_SECOND or a + b in NI_BAD_PAIRS:
            continue
        digits = "".join(str(rng.randrange(10)) for _ in range(6))
        return a + b + digits + rng.choice("ABCD")


def ni_valid(text: str) -> bool:
    s = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(s) != 9:
        return False
    a, b, digits, suffix = s[0], s[1], s[2:8], s[8]
    return (
        a.isalpha()
        and b.isalpha()
        and a not in NI_BAD_FIRST
        and b not in NI_BAD_SECOND
        and a + b not in NI_BAD_PAIRS
        and digits.isdigit()
        and suffix in "ABCD"
    )


def ni_lookalike(rng: random.Random) -> str:
    """NI-shaped but invalid: forbidden prefix letter or pair, or suffix outside A-D."""
    while True:
        mode = rng.randrange(3)
        digits = "".join(str(rng.randrange(10)) for _ in range(6))
        if mode == 0:
            prefix = rng.choice("DFIQUV") + rng.choice(LETTERS)
            suffix = rng.choice("ABCD")
        elif mode == 1:
            prefix = rng.choice(sorted(NI_BAD_PAIRS))
            suffix = rng.choice("ABCD")
        else:
            prefix = rng.choice("ABCEGHJKLMNPRSTWXYZ") + rng.choice("ABCEGHJKLMNPRSTWXYZ")
            suffix = rng.choice("EFGHJKLMNPRTWXYZ")
        value = prefix + digits + suffix
        if not ni_valid(value):
            return value


def phone_digits(rng: random.Random) -> str:
    """A national-format number (leading 0) from an Ofcom drama range."""
    weights = [6, 2] + [1] * 12
    prefix, lo, hi = rng.choices(PHONE_RANGES, weights=weights)[0]
    width = 11 - len(prefix)
    return prefix + str(rng.randint(lo, hi)).zfill(width)


def phone_is_drama(text: str) -> bool:
    text = re.split(r"\s(?:ext|x)\s?\d", text.strip())[0]
    if text.endswith(".0"):
        text = text[:-2]
    digits = "".join(ch for ch in text if ch.isdigit())
    if digits.startswith("44"):
        digits = "0" + digits[2:]
        if digits.startswith("00"):
            digits = digits[1:]
    if not digits.startswith("0"):
        digits = "0" + digits
    if len(digits) != 11:
        return False
    for prefix, lo, hi in PHONE_RANGES:
        if digits.startswith(prefix) and lo <= int(digits[len(prefix) :]) <= hi:
            return True
    return False


def phone_format(rng: random.Random, digits: str, style: int | None = None) -> str:
    if style is None:
        style = rng.randrange(8)
    mobile = digits.startswith("07")
    if digits.startswith("02"):
        parts = [digits[:3], digits[3:7], digits[7:]]
    elif digits.startswith("01") and "1" in (digits[2], digits[3]):
        parts = [digits[:4], digits[4:7], digits[7:]]
    else:
        parts = [digits[:5], digits[5:]]
    if style == 0:
        return " ".join(parts)
    if style == 1:
        return digits
    if style == 2:
        return "+44 " + " ".join([parts[0][1:], *parts[1:]])
    if style == 3:
        return "+44 (0)" + " ".join([parts[0][1:], *parts[1:]])
    if style == 4:
        return "(" + parts[0] + ") " + " ".join(parts[1:])
    if style == 5:
        return "-".join(parts)
    if style == 6:
        return "+44" + digits[1:]
    if mobile:
        return digits[:5] + " " + digits[5:8] + " " + digits[8:]
    return ".".join(parts)


def email(rng: random.Random, forename: str, surname: str) -> str:
    f = _ascii(forename).lower().replace(" ", "")
    s = _ascii(surname).lower().replace(" ", "").replace("'", "")
    style = rng.randrange(6)
    if style == 0:
        local = f"{f}.{s}"
    elif style == 1:
        local = f"{f[0]}{s}"
    elif style == 2:
        local = f"{s}.{f}{rng.randrange(1, 99)}"
    elif style == 3:
        local = f"{f}_{s}"
    elif style == 4:
        local = f"{f}{rng.randrange(60, 99)}"
    else:
        local = f"{f[0]}.{s}"
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def email_is_synthetic(text: str) -> bool:
    domain = text.rsplit("@", 1)[-1].strip().strip(">").lower().rstrip(".")
    return domain in {"example.com", "example.org", "example.net"} or domain.endswith(".example")


_FOLD = str.maketrans(
    "ąćęłńóśźżĄĆĘŁŃÓŚŹŻáéíóúàèìòùâêîôûäëïöüçãõñÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÄËÏÖÜÇÃÕÑğışĞİŞŵŷ",
    "acelnoszzACELNOSZZaeiouaeiouaeiouaeioucaonAEIOUAEIOUAEIOUAEIOUCAONgisGISwy",
)


def _ascii(text: str) -> str:
    return text.translate(_FOLD)


def forename(rng: random.Random) -> str:
    return rng.choice(pools.FORENAMES)


def surname(rng: random.Random) -> str:
    return rng.choice(pools.SURNAMES)


def full_name(rng: random.Random) -> tuple[str, str]:
    return forename(rng), surname(rng)


OUTWARD_AREAS = [
    "B",
    "BS",
    "CF",
    "LL",
    "SA",
    "NP",
    "G",
    "EH",
    "AB",
    "IV",
    "KA",
    "BT",
    "M",
    "L",
    "LS",
    "S",
    "NE",
    "SW",
    "SE",
    "N",
    "E",
    "W",
    "CR",
    "TR",
    "EX",
    "PL",
    "CH",
    "WA",
    "DD",
    "PA",
    "HS",
    "ZE",
    "TD",
    "DG",
    "CA",
    "LA",
    "PR",
    "BB",
    "HD",
    "HU",
    "DN",
    "LN",
    "NR",
    "IP",
    "CB",
    "OX",
    "RG",
    "GU",
    "BN",
    "ME",
    "CT",
    "TN",
    "KT",
    "SY",
]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def postcode(rng: random.Random) -> str:
    area = rng.choice(OUTWARD_AREAS)
    shape = rng.randrange(6)
    if shape == 0 and area in {"SW", "EC", "W", "N", "E", "SE"}:
        outward = area + str(rng.randint(1, 9)) + rng.choice("ABCEHMNPRVWXY")
    elif shape <= 2:
        outward = area + str(rng.randint(1, 29))
    else:
        outward = area + str(rng.randint(1, 9))
    inward = str(rng.randrange(10)) + rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    return f"{outward} {inward}"


STREETS = [
    "Heol y Parc",
    "Ffordd Penrhos",
    "Station Road",
    "Church Street",
    "Mill Lane",
    "Victoria Terrace",
    "Albert Road",
    "Maes y Coed",
    "Bryn Awel",
    "Kirkgate",
    "Wynd Close",
    "Ladybank Drive",
    "Cnoc an t-Sìthein",
    "Sràid na h-Eaglais",
    "Orchard Way",
    "Holly Crescent",
    "Tudor Gardens",
    "Nightingale Close",
    "Canal Side",
    "Gorse Hill Road",
    "Brook Street",
    "Meadow View",
    "Castle Wynd",
    "Chapel Row",
    "Pen-y-Bryn",
    "Dunmore Avenue",
    "Ash Grove",
    "Lon Isaf",
]
FLATS = [
    "Flat 2",
    "Flat 4B",
    "Apt 12",
    "Room 7",
    "Flat 1/2",
    "Flat G/L",
    "Unit 3",
    "Fflat 5",
    "2F1",
    "Block C, Flat 18",
]


def address_parts(rng: random.Random) -> list[str]:
    parts = []
    if rng.random() < 0.35:
        parts.append(rng.choice(FLATS))
    parts.append(f"{rng.randint(1, 240)} {rng.choice(STREETS)}")
    if rng.random() < 0.3:
        parts.append(
            rng.choice(
                [
                    "Llanbedr",
                    "Bearsden",
                    "Heaton Moor",
                    "Cwmbran",
                    "Partick",
                    "Roath",
                    "Sketty",
                    "Leith",
                ]
            )
        )
    parts.append(rng.choice(pools.TOWNS))
    parts.append(postcode(rng))
    return parts


def address(rng: random.Random, sep: str = ", ") -> str:
    return sep.join(address_parts(rng))


def hospital_number(rng: random.Random) -> str:
    style = rng.randrange(4)
    if style == 0:
        return rng.choice(["RXH", "RJ1", "RM", "K", "D", "W", "RBA"]) + str(
            rng.randrange(10**6)
        ).zfill(6)
    if style == 1:
        return rng.choice("ABCDEFGHJKMT") + str(rng.randrange(10**7)).zfill(7)
    if style == 2:
        return str(rng.randrange(10**7)).zfill(8)
    return rng.choice(["MRN", "H", "HN"]) + str(rng.randrange(10**6, 10**7))


def passport(rng: random.Random) -> str:
    return str(rng.randint(100000000, 999999999))


def foreign_passport(rng: random.Random) -> str:
    style = rng.randrange(4)
    if style == 0:
        return rng.choice("PNMRTU") + "".join(str(rng.randrange(10)) for _ in range(7))
    if style == 1:
        return "".join(rng.choice(LETTERS) for _ in range(2)) + "".join(
            str(rng.randrange(10)) for _ in range(7)
        )
    if style == 2:
        return rng.choice(LETTERS) + "".join(str(rng.randrange(10)) for _ in range(8))
    return "".join(rng.choice(LETTERS) for _ in range(3)) + "".join(
        str(rng.randrange(10)) for _ in range(6)
    )


def driving_licence(rng: random.Random, sname: str | None = None) -> str:
    sname = sname or rng.choice(pools.SURNAMES + pools.WORD_SURNAMES)
    letters = "".join(ch for ch in _ascii(sname).upper() if ch.isalpha())[:5].ljust(5, "9")
    d = dob(rng)
    month = d.month + (50 if rng.random() < 0.5 else 0)
    body = f"{str(d.year)[2]}{month:02d}{d.day:02d}{str(d.year)[3]}"
    initials = rng.choice(LETTERS) + (rng.choice(LETTERS) if rng.random() < 0.6 else "9")
    return (
        letters
        + body
        + initials
        + str(rng.randrange(10))
        + rng.choice(LETTERS)
        + rng.choice(LETTERS)
    )


def vehicle_registration(rng: random.Random) -> str:
    style = rng.choices([0, 1, 2], weights=[7, 2, 1])[0]
    no_iq = "ABCDEFGHJKLMNOPRSTUVWXYZ"
    if style == 0:
        age = rng.choice([f"{y:02d}" for y in range(2, 25)] + [str(y) for y in range(51, 75)])
        return (
            rng.choice(no_iq)
            + rng.choice(no_iq)
            + age
            + " "
            + "".join(rng.choice("ABCDEFGHJKLMNOPRSTUVWXYZ") for _ in range(3))
        )
    if style == 1:
        return (
            rng.choice("ABCDEFGHJKLMNPRSTVWXY")
            + str(rng.randint(1, 999))
            + " "
            + "".join(rng.choice(no_iq) for _ in range(3))
        )
    return (
        "".join(rng.choice(no_iq) for _ in range(3))
        + " "
        + str(rng.randint(1, 999))
        + rng.choice("ABCDEFGHJKLMNPRSTVWXY")
    )


def uprn(rng: random.Random) -> str:
    style = rng.randrange(3)
    if style == 0:
        return str(rng.randint(100000000000, 100099999999))
    if style == 1:
        return str(rng.randint(10000000000, 10099999999))
    return str(rng.randint(10000000, 99999999))


def sci(number: str, digits: int = 6) -> str:
    """Excel 'General' scientific notation for a long integer string."""
    value = float(number)
    text = f"{value:.{digits - 1}E}"
    mantissa, exp = text.split("E")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}E+{int(exp):02d}"


def placeholder(rng: random.Random) -> str | None:
    return rng.choice([None, None, None, None, "", "N/A", "-", "n/k", "NULL", " "])
