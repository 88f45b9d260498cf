"""Synthetic identifier makers and checkers for held-out 27 (standard library only)."""

import datetime as _dt
import random
import re

from . import pools

WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)


def mod11_check(nine: str) -> int | None:
    """Check digit for nine digits (NHS / CHI rule); None when the rule gives 10."""
    total = sum(int(d) * w for d, w in zip(nine, WEIGHTS, strict=True))
    check = 11 - (total % 11)
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def mod11_valid(ten: str) -> bool:
    if not re.fullmatch(r"\d{10}", ten):
        return False
    check = mod11_check(ten[:9])
    return check is not None and check == int(ten[9])


def nhs_number(rng: random.Random) -> str:
    while True:
        nine = str(rng.randint(3, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


def mod11_fail(rng: random.Random, first: str = "") -> str:
    """Ten digits that fail the modulus-11 check (either rule gives 10 or wrong digit)."""
    while True:
        body = first + "".join(str(rng.randint(0, 9)) for _ in range(9 - len(first)))
        last = str(rng.randint(0, 9))
        if not mod11_valid(body + last):
            return body + last


def child_dob(rng: random.Random) -> _dt.date:
    start = _dt.date(2006, 1, 1).toordinal()
    end = _dt.date(2023, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(start, end))


def adult_dob(rng: random.Random) -> _dt.date:
    start = _dt.date(1955, 1, 1).toordinal()
    end = _dt.date(2001, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(start, end))


def recent_date(rng: random.Random) -> _dt.date:
    start = _dt.date(2024, 1, 2).toordinal()
    end = _dt.date(2025, 11, 28).toordinal()
    return _dt.date.fromordinal(rng.randint(start, end))


def chi_number(rng: random.Random) -> str:
    while True:
        d = child_dob(rng)
        nine = d.strftime("%d%m%y") + "".join(str(rng.randint(0, 9)) for _ in range(3))
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


def chi_fail(rng: random.Random) -> str:
    while True:
        d = recent_date(rng)
        ten = d.strftime("%d%m%y") + f"{rng.randint(0, 9999):04d}"
        if not mod11_valid(ten):
            return ten


NI_BAD_FIRST = set("DFIQUV")
NI_BAD_SECOND = set("DFIQUVO")
NI_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def ni_prefix_ok(prefix: str) -> bool:
    return (
        len(prefix) == 2
        and prefix[0] not in NI_BAD_FIRST
        and prefix[1] not in NI_BAD_SECOND
        and prefix not in NI_BAD_PAIRS
    )


def ni_number(rng: random.Random) -> str:
    while True:
        prefix = rng.choice(LETTERS) + rng.choice(LETTERS)
        if ni_prefix_ok(prefix):
            break
    digits = "".join(str(rng.randint(0, 9)) for _ in range(6))
    return prefix + digits + rng.choice("ABCD")


NI_RE = re.compile(r"^([A-Z]{2})(\d{6})([A-Z])$")


def ni_valid(text: str) -> bool:
    compact = re.sub(r"[\s\-.]", "", text).upper()
    m = NI_RE.match(compact)
    return bool(m) and ni_prefix_ok(m.group(1)) and m.group(3) in "ABCD"


# Ofcom drama ranges: (display prefix, digits prefix, low, high) on national significant digits
DRAMA = [
    ("07700 900", "07700900", 0, 999),
    ("01632 960", "01632960", 0, 999),
    ("020 7946 0", "02079460", 0, 999),
    ("0113 496 0", "01134960", 0, 999),
    ("0114 496 0", "01144960", 0, 999),
    ("0117 496 0", "01174960", 0, 999),
    ("0118 496 0", "01184960", 0, 999),
    ("0121 496 0", "01214960", 0, 999),
    ("0131 496 0", "01314960", 0, 999),
    ("0141 496 0", "01414960", 0, 999),
    ("0151 496 0", "01514960", 0, 999),
    ("0161 496 0", "01614960", 0, 999),
    ("028 9649 6", "02896496", 0, 999),
    ("029 2018 0", "02920180", 0, 999),
]
_PHONE_LAYOUT = {
    "07700900": (5, 6),
    "01632960": (5, 6),
    "02079460": (3, 4, 4),
    "02896496": (3, 4, 4),
    "02920180": (3, 4, 4),
}


def phone_digits(rng: random.Random, mobile: bool | None = None) -> str:
    if mobile is True:
        entry = DRAMA[0]
    elif mobile is False:
        entry = rng.choice(DRAMA[1:])
    else:
        entry = rng.choice(DRAMA)
    _disp, prefix, lo, hi = entry
    return prefix + f"{rng.randint(lo, hi):03d}"


def phone_layout(digits: str) -> str:
    parts = next((p for k, p in _PHONE_LAYOUT.items() if digits.startswith(k)), (4, 3, 4))
    out, i = [], 0
    for n in parts:
        out.append(digits[i : i + n])
        i += n
    return " ".join(out)


def phone_is_drama(digits: str) -> bool:
    if len(digits) != 11:
        return False
    return any(digits.startswith(prefix) for _d, prefix, _lo, _hi in DRAMA)


def phone_normalise(text: str) -> str:
    t = text.strip()
    t = re.sub(r"\.0$", "", t).replace("(0)", "")
    digits = re.sub(r"\D", "", t)
    if digits.startswith("0044"):
        digits = "0" + digits[4:]
    elif digits.startswith("44") and len(digits) == 12:
        digits = "0" + digits[2:]
    elif len(digits) == 10 and not digits.startswith("0"):
        digits = "0" + digits
    return digits


def phone_text(rng: random.Random, mobile: bool | None = None) -> str:
    return phone_layout(phone_digits(rng, mobile))


EMAIL_DOMAINS = ["example.com", "example.org", "example.net", "mail.example", "family.example"]
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+'-]+@([A-Za-z0-9.-]+\.[A-Za-z]+)")


def email_domain_ok(domain: str) -> bool:
    d = domain.lower().rstrip(".")
    return d in {"example.com", "example.org", "example.net"} or d.endswith(".example")


def email(rng: random.Random, forename: str | None = None, surname: str | None = None) -> str:
    f = (forename or rng.choice(pools.FORENAMES)).lower()
    s = (surname or rng.choice(pools.SURNAMES)).lower().replace(" ", "").replace("'", "")
    style = rng.randint(0, 5)
    if style == 0:
        local = f"{f}.{s}"
    elif style == 1:
        local = f"{f[0]}{s}{rng.randint(1, 99)}"
    elif style == 2:
        local = f"{s}_{f}"
    elif style == 3:
        local = f"{f}{s}{rng.randint(1985, 2009)}"
    elif style == 4:
        local = f"{f}.{s[:1]}"
    else:
        local = f"mum.of.{rng.randint(2, 5)}.{f}"
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
AREAS1 = ["B", "E", "G", "L", "M", "N", "S", "W"]
AREAS2 = [
    "LS",
    "BD",
    "WF",
    "HX",
    "SA",
    "CF",
    "LL",
    "IV",
    "HS",
    "LU",
    "PE",
    "SL",
    "NE",
    "HU",
    "BL",
    "BT",
    "DD",
    "CT",
    "RH",
    "OL",
    "KA",
    "PH",
    "TR",
    "EX",
]


def postcode(rng: random.Random) -> str:
    shape = rng.randint(0, 5)
    if shape == 0:
        outward = rng.choice(AREAS1) + str(rng.randint(1, 9))
    elif shape == 1:
        outward = rng.choice(AREAS1) + str(rng.randint(10, 40))
    elif shape in (2, 3):
        outward = rng.choice(AREAS2) + str(rng.randint(1, 9))
    elif shape == 4:
        outward = rng.choice(AREAS2) + str(rng.randint(10, 29))
    else:
        outward = rng.choice(["W1", "EC1", "SW1", "WC2", "E1", "N1"]) + rng.choice("ABCDHPVW")
    inward = str(rng.randint(0, 9)) + rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    return f"{outward} {inward}"


POSTCODE_RE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*-?\s*(\d[A-Z]{2})\b", re.IGNORECASE)

STREET_RE = re.compile(
    r"\b\d{1,3}[A-Za-z]?,?\s+(?:[A-Z][\w'-]+\s+){1,2}"
    r"(?:Lane|Grove|Road|Street|Close|Avenue|Crescent|Terrace|Drive|Place|Court|Walk|Row|Hill|Way)\b"
)


def address_parts(rng: random.Random) -> list[str]:
    parts = []
    if rng.random() < 0.2:
        parts.append(f"Flat {rng.randint(1, 24)}")
    street = rng.choice(
        [s for s in pools.STREETS if not s.startswith(("Ffordd", "Heol", "Sràid"))]
        + ["Kingsway Road"]
    )
    if street == "Kingsway":
        street = "Kingsway Road"
    parts.append(f"{rng.randint(1, 180)} {street}")
    parts.append(rng.choice(pools.TOWNS))
    parts.append(postcode(rng))
    return parts


def address(rng: random.Random) -> str:
    return ", ".join(address_parts(rng))


def hospital_number(rng: random.Random) -> str:
    style = rng.randint(0, 3)
    if style == 0:
        return "K" + f"{rng.randint(0, 9999999):07d}"
    if style == 1:
        return "RX" + f"{rng.randint(0, 999999):06d}"
    if style == 2:
        return "M" + f"{rng.randint(0, 9999999):07d}"
    return "LTH" + f"{rng.randint(0, 9999999):07d}"


HOSP_RE = re.compile(r"\b(?:K\d{7}|RX\d{6}|M\d{7}|LTH\d{7})\b")


def passport(rng: random.Random) -> str:
    style = rng.randint(0, 4)
    if style <= 1:
        return f"{rng.randint(100000000, 999999999)}"
    if style == 2:
        return "P" + f"{rng.randint(0, 9999999):07d}"  # e.g. Afghan-style
    if style == 3:
        return rng.choice(["ER", "SD", "AB"]) + f"{rng.randint(0, 9999999):07d}"
    return rng.choice(LETTERS) + f"{rng.randint(0, 99999999):08d}"


PASSPORT_RE = re.compile(r"\b(?:\d{9}|P\d{7}|(?:ER|SD|AB)\d{7}|[A-Z]\d{8})\b")


def driving_licence(rng: random.Random, surname: str | None = None) -> str:
    s = re.sub(r"[^A-Z]", "", (surname or rng.choice(pools.SURNAMES)).upper())
    s5 = (s + "99999")[:5]
    d = adult_dob(rng)
    month = d.month + (50 if rng.random() < 0.5 else 0)
    core = f"{str(d.year)[2]}{month:02d}{d.day:02d}{str(d.year)[3]}"
    initials = rng.choice(LETTERS) + rng.choice(LETTERS + "9")
    return s5 + core + initials + str(rng.randint(0, 9)) + rng.choice(LETTERS) + rng.choice(LETTERS)


LICENCE_RE = re.compile(r"^[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2}$")


def vrm(rng: random.Random) -> str:
    if rng.random() < 0.8:
        age = rng.choice([f"{n:02d}" for n in list(range(2, 25)) + list(range(51, 75))])
        mem = rng.choice("ABCDEFGHKLMNOPRSVWY") + rng.choice("ABCDEFGHJKLMNOPRSTUVWXY")
        tail = "".join(rng.choice("ABCDEFGHJKLMNOPRSTUVWXYZ") for _ in range(3))
        return f"{mem}{age} {tail}"
    first = rng.choice("ABCDEFGHJKLMNPRSTVWXY")
    tail = "".join(rng.choice("ABCDEFGHJKLMNPRSTVWXY") for _ in range(3))
    return f"{first}{rng.randint(1, 999)} {tail}"


VRM_RE = re.compile(r"\b(?:[A-Z]{2}\d{2}\s?[A-Z]{3}|[A-Z]\d{1,3}\s?[A-Z]{3})\b")


def uprn(rng: random.Random) -> str:
    if rng.random() < 0.7:
        return "1000" + f"{rng.randint(0, 99999999):08d}"
    return str(rng.randint(10000000, 9999999999))


def fmt_date(d: _dt.date, style: int) -> str:
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    if style == 0:
        return d.strftime("%d/%m/%Y")
    if style == 1:
        return d.isoformat()
    if style == 2:
        return f"{d.day} {months[d.month - 1]} {d.year}"
    if style == 3:
        return d.strftime("%d.%m.%y")
    if style == 4:
        return d.strftime("%Y%m%d")
    if style == 5:
        return str((d - _dt.date(1899, 12, 30)).days)  # Excel serial
    if style == 6:
        return f"{d.day}/{d.month}/{d.year}"
    if style == 7:
        return d.strftime("%d-%b-%Y").upper()
    return d.strftime("%d/%m/%Y 00:00")


def full_name(rng: random.Random) -> tuple[str, str]:
    return rng.choice(pools.FORENAMES), rng.choice(pools.SURNAMES)


def messy(rng: random.Random, text: str, p_case: float = 0.1, p_space: float = 0.1) -> str:
    """Clerk-style noise: case changes and stray spaces."""
    r = rng.random()
    if r < p_case / 2:
        text = text.upper()
    elif r < p_case:
        text = text.lower()
    if rng.random() < p_space:
        text = rng.choice([" ", "  ", ""]) + text + rng.choice([" ", "", "  "])
    return text


def sprinkle(rng: random.Random, rows: int, rate: float) -> set[int]:
    """Exact set of row indices that carry an identifier."""
    k = max(1, round(rows * rate)) if rows else 0
    return set(rng.sample(range(rows), k)) if rows else set()


def blanks(rng: random.Random, rows: int, rate: float) -> set[int]:
    k = round(rows * rate)
    return set(rng.sample(range(rows), k)) if rows else set()
