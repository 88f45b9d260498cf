"""Synthetic identifier makers and validators for heldout12 (standard library only)."""

import datetime as dt
import re

from . import pools

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


# ---------------------------------------------------------------- check digits
def mod11_check(nine: str) -> int | None:
    """NHS/CHI modulus-11 check digit for nine digits; None when 10 (invalid)."""
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True))
    check = 11 - (total % 11)
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def mod11_ok(ten: str) -> bool:
    if len(ten) != 10 or not ten.isdigit():
        return False
    check = mod11_check(ten[:9])
    return check is not None and check == int(ten[9])


def nhs_number(rng) -> str:
    while True:
        nine = str(rng.choice("4679")) + "".join(rng.choice("0123456789") for _ in range(8))
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


def mod11_fail(rng, first: str = "0123456789") -> str:
    """Ten digits that FAIL the modulus-11 check."""
    while True:
        ten = rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(9))
        if not mod11_ok(ten):
            return ten


def chi_number(rng, dob: dt.date | None = None) -> str:
    while True:
        day = dob or rand_date(rng, 1930, 2020)
        nine = day.strftime("%d%m%y") + "".join(rng.choice("0123456789") for _ in range(3))
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


# ---------------------------------------------------------------- dates
def rand_date(rng, y0: int, y1: int) -> dt.date:
    start = dt.date(y0, 1, 1).toordinal()
    end = dt.date(y1, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def dob(rng) -> dt.date:
    return rand_date(rng, 1926, 2019)


def fmt_date(rng, d: dt.date, style: str | None = None) -> str:
    styles = ["dmy", "iso", "dmy_dot", "d_mon_y", "dmy2", "mon_d_y", "dmy_dash", "compact"]
    style = style or rng.choice(styles)
    if style == "dmy":
        return d.strftime("%d/%m/%Y")
    if style == "iso":
        return d.isoformat()
    if style == "dmy_dot":
        return d.strftime("%d.%m.%Y")
    if style == "d_mon_y":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "dmy2":
        return f"{d.day}/{d.month}/{d.strftime('%y')}"
    if style == "mon_d_y":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "dmy_dash":
        return d.strftime("%d-%m-%Y")
    return d.strftime("%Y%m%d")


def excel_serial(d: dt.date) -> int:
    return (d - dt.date(1899, 12, 30)).days


# ---------------------------------------------------------------- phones
DRAMA = [
    ("07700", "900", 3),  # 07700 900000-900999
    ("01632", "960", 3),
    ("020", "7946 0", 3),
    ("0113", "496 0", 3),
    ("0114", "496 0", 3),
    ("0117", "496 0", 3),
    ("0118", "496 0", 3),
    ("0121", "496 0", 3),
    ("0131", "496 0", 3),
    ("0141", "496 0", 3),
    ("0151", "496 0", 3),
    ("0161", "496 0", 3),
    ("028", "9649 6", 3),
    ("029", "2018 0", 3),
]


def phone_parts(rng, mobile_bias: float = 0.4) -> tuple[str, str]:
    """(area code, local number) from an Ofcom drama range, spaced as usually written."""
    if rng.random() < mobile_bias:
        area, stem, n = DRAMA[0]
    else:
        area, stem, n = rng.choice(DRAMA[1:])
    tail = "".join(rng.choice("0123456789") for _ in range(n))
    return area, stem + tail


def phone(rng, style: str | None = None, mobile_bias: float = 0.4) -> str:
    area, local = phone_parts(rng, mobile_bias)
    digits = (area + local).replace(" ", "")
    style = style or rng.choice(["std", "std", "plain", "intl", "brackets", "intl0", "dots"])
    if style == "std":
        return f"{area} {local}"
    if style == "plain":
        return digits
    if style == "intl":
        return "+44 " + area[1:] + " " + local
    if style == "intl0":
        return "+44 (0)" + area[1:] + " " + local
    if style == "brackets":
        return f"({area}) {local}"
    if style == "dots":
        return digits[:5] + "." + digits[5:8] + "." + digits[8:]
    return digits


PHONE_RE = re.compile(r"(?:\+44\s?(?:\(0\))?\s?|\(?0)[\d\s().-]{8,14}\d")


def phone_is_synthetic(text: str) -> bool:
    """True when the digits fall in an Ofcom drama range (national form, 11 digits)."""
    digits = re.sub(r"\D", "", text)
    if digits.startswith("44"):
        digits = digits[2:]
    if not digits.startswith("0"):
        digits = "0" + digits
    if len(digits) != 11:
        return False
    stems = ["07700900", "01632960", "02079460", "02896496", "02920180"]
    stems += [f"0{a}4960" for a in ("113", "114", "117", "118", "121", "131", "141", "151", "161")]
    return any(digits.startswith(stem) for stem in stems)


# ---------------------------------------------------------------- NI numbers
NI_BAD_FIRST = set("DFIQUV")
NI_BAD_SECOND = set("DFIQUVO")
NI_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def ni_prefix_ok(prefix: str) -> bool:
    a, b = prefix[0], prefix[1]
    return a not in NI_BAD_FIRST and b not in NI_BAD_SECOND and prefix not in NI_BAD_PAIRS


def ni_number(rng) -> str:
    while True:
        prefix = rng.choice(LETTERS) + rng.choice(LETTERS)
        if ni_prefix_ok(prefix):
            break
    digits = "".join(rng.choice("0123456789") for _ in range(6))
    return prefix + digits + rng.choice("ABCD")


def ni_bad_prefix(rng) -> str:
    while True:
        prefix = rng.choice(LETTERS) + rng.choice(LETTERS)
        if not ni_prefix_ok(prefix):
            return prefix


NI_RE = re.compile(r"\b([A-Za-z]{2})\s?(\d{2})\s?(\d{2})\s?(\d{2})\s?([A-Da-d])?\b")


def ni_is_valid(text: str) -> bool:
    m = NI_RE.search(text)
    return bool(m) and ni_prefix_ok(m.group(1).upper())


# ---------------------------------------------------------------- names
def forename(rng) -> str:
    return rng.choice(pools.FORENAMES)


def surname(rng) -> str:
    return rng.choice(pools.SURNAMES)


def full_name(rng) -> str:
    return f"{forename(rng)} {surname(rng)}"


# ---------------------------------------------------------------- e-mail
EMAIL_DOMAINS = [
    "example.com",
    "example.org",
    "example.net",
    "mail.example",
    "nhs.example",
    "cyngor.example",
    "council.example",
    "hotmail.example",
]


def _ascii(s: str) -> str:
    table = str.maketrans(
        "ąćęłńóśźżáéíóúàèìòùâêîôûäëïöüŷçşțğžš\u2019'", "acelnoszzaeiouaeiouaeiouaeiouyčstgzs  "
    )
    return s.lower().translate(table).replace(" ", "").replace("č", "c")


def email(rng, first: str | None = None, last: str | None = None) -> str:
    first = _ascii(first or forename(rng))
    last = _ascii(last or surname(rng))
    dom = rng.choice(EMAIL_DOMAINS)
    shape = rng.randrange(6)
    if shape == 0:
        local = f"{first}.{last}"
    elif shape == 1:
        local = f"{first[0]}{last}{rng.randint(1, 99)}"
    elif shape == 2:
        local = f"{first}_{last}{rng.randint(60, 99)}"
    elif shape == 3:
        local = f"{last}.{first[0]}"
    elif shape == 4:
        local = f"{first}{rng.randint(1950, 2010)}"
    else:
        local = f"{first}.{last}{rng.randint(1, 9)}"
    return f"{local}@{dom}"


EMAIL_RE = re.compile(r"[\w.+'-]+@([\w-]+(?:\.[\w-]+)+)")
SAFE_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")


def email_is_synthetic(text: str) -> bool:
    found = EMAIL_RE.findall(text)
    if not found:
        return False
    for dom in found:
        d = dom.lower()
        if not (d in SAFE_EMAIL_DOMAINS or d.endswith(".example") or d == "example"):
            return False
    return True


# ---------------------------------------------------------------- postcodes, addresses
POST_AREAS = [
    "LS",
    "M",
    "B",
    "G",
    "EH",
    "CF",
    "SA",
    "BT",
    "NE",
    "S",
    "L",
    "BS",
    "PL",
    "TR",
    "IV",
    "KW",
    "HU",
    "DN",
    "NG",
    "LE",
    "CV",
    "WV",
    "SY",
    "LL",
    "AB",
    "DD",
    "PA",
    "E",
    "N",
    "SW",
    "SE",
    "W",
    "NW",
    "HS",
    "ZE",
    "LD",
    "TD",
]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def postcode(rng) -> str:
    area = rng.choice(POST_AREAS)
    district = str(rng.randint(1, 29 if len(area) == 2 else 9))
    if len(area) == 1 and rng.random() < 0.2:
        district += rng.choice("ABCDEFGHJKMNPRSTUVWXY")
    inward = str(rng.randint(0, 9)) + rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    return f"{area}{district} {inward}"


POSTCODE_RE = re.compile(r"\b([A-Za-z]{1,2}\d[A-Za-z\d]?)\s*(\d[A-Za-z]{2})\b")


def street(rng) -> str:
    return f"{rng.choice(pools.STREET_STEMS)} {rng.choice(pools.STREET_TYPES)}"


def address(rng, sep: str = ", ") -> str:
    parts = []
    if rng.random() < 0.25:
        parts.append(f"Flat {rng.randint(1, 24)}{rng.choice(['', 'A', 'B'])}")
    parts.append(f"{rng.randint(1, 240)} {street(rng)}")
    if rng.random() < 0.4:
        parts.append(rng.choice(pools.LOCALITIES))
    parts.append(rng.choice(pools.TOWNS))
    parts.append(postcode(rng))
    return sep.join(parts)


# ---------------------------------------------------------------- other identifiers
def uprn(rng) -> str:
    shape = rng.randrange(4)
    if shape == 0:
        return "1000" + "".join(rng.choice("0123456789") for _ in range(8))
    if shape == 1:
        return "100" + "".join(rng.choice("0123456789") for _ in range(rng.randint(6, 9)))
    if shape == 2:
        return "2000" + "".join(rng.choice("0123456789") for _ in range(8))
    return str(rng.randint(10000000, 99999999)) + str(rng.randint(0, 9))


def hospital_number(rng, style: str | None = None) -> str:
    style = style or rng.choice(["K", "RX", "digits", "M", "D"])
    if style == "K":
        return "K" + "".join(rng.choice("0123456789") for _ in range(6))
    if style == "RX":
        return (
            rng.choice(["RX1", "RR8", "7A1", "RWD"]) + "-" + str(rng.randint(0, 9999999)).zfill(7)
        )
    if style == "M":
        return "M" + str(rng.randint(1000000, 9999999))
    if style == "D":
        return "D" + str(rng.randint(100000, 999999)) + rng.choice("ABCDEFGHJK")
    return str(rng.randint(0, 9999999)).zfill(7)


def passport(rng) -> str:
    if rng.random() < 0.75:
        return str(rng.randint(100000000, 999999999))
    return rng.choice(["PA", "XK", "EJ", "C0", "LF"]) + str(rng.randint(1000000, 9999999))


def driving_licence(rng, first: str | None = None, last: str | None = None, d=None) -> str:
    last = _ascii(last or surname(rng)).upper().replace("-", "")
    first = _ascii(first or forename(rng)).upper()
    d = d or rand_date(rng, 1940, 2006)
    female = rng.random() < 0.5
    month = d.month + (50 if female else 0)
    part1 = (last[:5] + "99999")[:5]
    middle = rng.choice(LETTERS) if rng.random() < 0.5 else "9"
    part2 = f"{str(d.year)[2]}{month:02d}{d.day:02d}{str(d.year)[3]}"
    part3 = first[0] + middle + "9"
    part4 = rng.choice(LETTERS) + rng.choice(LETTERS)
    return part1 + part2 + part3 + part4


DL_RE = re.compile(r"\b[A-Z9]{5}\s?\d{6}\s?[A-Z9]{2}\d\s?[A-Z]{2}\b", re.I)


def vehicle_reg(rng, style: str | None = None) -> str:
    letters = "ABCDEFGHJKLMNOPRSTUVWXY"
    style = style or rng.choice(["current"] * 5 + ["prefix", "suffix"])
    if style == "current":
        age = rng.choice([rng.randint(2, 24), rng.randint(51, 74)])
        return f"{rng.choice(letters)}{rng.choice(letters)}{age:02d} " + "".join(
            rng.choice(letters) for _ in range(3)
        )
    if style == "prefix":
        return f"{rng.choice('ABCDEFGHJKLMNPRSTVWXY')}{rng.randint(1, 999)} " + "".join(
            rng.choice(letters) for _ in range(3)
        )
    return (
        "".join(rng.choice(letters) for _ in range(3))
        + f" {rng.randint(1, 999)}{rng.choice('ABCDEFGHJKLMNPRSTVWXY')}"
    )


VRM_RE = re.compile(
    r"\b(?:[A-Z]{2}\d{2}\s?[A-Z]{3}|[A-Z]\d{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?\d{1,3}[A-Z])\b", re.I
)


def blank_or(rng, p_blank: float, value_fn):
    return None if rng.random() < p_blank else value_fn()


def messy(rng, s: str) -> str:
    """Clerk noise: stray spaces and case."""
    r = rng.random()
    if r < 0.08:
        s = " " + s
    elif r < 0.16:
        s = s + "  "
    r = rng.random()
    if r < 0.06:
        s = s.upper()
    elif r < 0.1:
        s = s.lower()
    return s
