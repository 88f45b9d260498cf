"""Synthetic identifier makers and validators for heldout22 (standard library only)."""

import datetime
import re

from . import pools

NHS_WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)
PC_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
NI_BAD_FIRST = set("DFIQUV")
NI_BAD_SECOND = set("DFIQUVO")
NI_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
NI_LETTERS = "ABCEGHJKLMNPRSTWXYZ"
EPOCH = datetime.date(1899, 12, 30)

# Ofcom drama ranges: (digits prefix, first, last) for the number after the prefix.
DRAMA = [
    ("07700", 900000, 900999),
    ("01632", 960000, 960999),
    ("0207946", 0, 999),
    ("01134960", 0, 999),
    ("01144960", 0, 999),
    ("01174960", 0, 999),
    ("01184960", 0, 999),
    ("01214960", 0, 999),
    ("01314960", 0, 999),
    ("01414960", 0, 999),
    ("01514960", 0, 999),
    ("01614960", 0, 999),
    ("0289649", 6000, 6999),
    ("0292018", 0, 999),
]
EMAIL_DOMAINS = [
    "example.com",
    "example.org",
    "example.net",
    "panel.example",
    "trials.example",
    "nhs.example",
    "mail.example",
]


def mod11_check(digits9: str) -> int | None:
    """Check digit for nine digits (weights 10..2); None when the check would be 10."""
    total = sum(int(d) * w for d, w in zip(digits9, NHS_WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def nhs_valid(s: str) -> bool:
    if not re.fullmatch(r"\d{10}", s):
        return False
    c = mod11_check(s[:9])
    return c is not None and c == int(s[9])


def nhs_number(rng) -> str:
    while True:
        first = rng.choice("4566789")
        body = first + "".join(rng.choice("0123456789") for _ in range(8))
        c = mod11_check(body)
        if c is not None:
            return body + str(c)


def ten_digit_failing(rng, first="123456789") -> str:
    while True:
        s = rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(9))
        if not nhs_valid(s):
            return s


def random_date(rng, start_year: int, end_year: int) -> datetime.date:
    a = datetime.date(start_year, 1, 1).toordinal()
    b = datetime.date(end_year, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(a, b))


def dob(rng) -> datetime.date:
    return random_date(rng, 1926, 2008)


def chi_number(rng, day_low=1) -> str:
    while True:
        d = dob(rng)
        if d.day < day_low:
            continue
        six = d.strftime("%d%m%y")
        body = six + "".join(rng.choice("0123456789") for _ in range(3))
        c = mod11_check(body)
        if c is not None:
            return body + str(c)


def chi_valid(s: str) -> bool:
    if not nhs_valid(s):
        return False
    try:
        datetime.datetime.strptime(s[:6], "%d%m%y")
    except ValueError:
        return False
    return True


def ni_prefix(rng) -> str:
    while True:
        a, b = rng.choice(NI_LETTERS), rng.choice(NI_LETTERS)
        if a in NI_BAD_FIRST or b in NI_BAD_SECOND or a + b in NI_BAD_PAIRS:
            continue
        return a + b


def ni_number(rng) -> str:
    digits = "".join(rng.choice("0123456789") for _ in range(6))
    return ni_prefix(rng) + digits + rng.choice("ABCD")


def ni_valid(s: str) -> bool:
    s = re.sub(r"\s", "", s).upper()
    m = re.fullmatch(r"([A-Z])([A-Z])\d{6}[A-D]", s)
    if not m:
        return False
    a, b = m.group(1), m.group(2)
    return a not in NI_BAD_FIRST and b not in NI_BAD_SECOND and a + b not in NI_BAD_PAIRS


def phone_digits(rng) -> str:
    prefix, lo, hi = rng.choice(DRAMA)
    return prefix + str(rng.randint(lo, hi)).zfill(11 - len(prefix))


def is_drama_phone(digits: str) -> bool:
    d = re.sub(r"\D", "", digits)
    if d.startswith("44"):
        d = "0" + d[2:]
    elif not d.startswith("0"):
        d = "0" + d
    if len(d) != 11:
        return False
    for prefix, lo, hi in DRAMA:
        if d.startswith(prefix):
            return lo <= int(d[len(prefix) :]) <= hi
    return False


def phone_national(d: str, rng) -> str:
    """Format 11 national digits in a usual grouping."""
    if d.startswith("07") or d.startswith("01632"):
        return d[:5] + " " + d[5:]
    if d.startswith("02"):
        return d[:3] + " " + d[3:7] + " " + d[7:]
    return d[:4] + " " + d[4:7] + " " + d[7:]


def phone_any(rng) -> str:
    d = phone_digits(rng)
    nat = phone_national(d, rng)
    r = rng.random()
    if r < 0.45:
        return nat
    if r < 0.6:
        return d
    if r < 0.72:
        return "+44 " + nat[1:]
    if r < 0.8:
        return "+44 (0)" + nat[1:]
    if r < 0.88:
        parts = nat.split(" ", 1)
        return f"({parts[0]}) {parts[1]}"
    if r < 0.94:
        return nat.replace(" ", "-")
    return nat.replace(" ", ".")


def postcode(rng) -> str:
    area = rng.choice(pools.POSTCODE_AREAS)
    district = str(rng.randint(1, 29 if len(area) == 2 else 9))
    if rng.random() < 0.08 and len(area) == 1:
        district += rng.choice("ABCDEFGHJKMNPRSTUVWXY")
    inward = str(rng.randint(0, 9)) + rng.choice(PC_INWARD_LETTERS) + rng.choice(PC_INWARD_LETTERS)
    return f"{area}{district} {inward}"


POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d{1,2}[A-Z]?\s*\d[A-Z]{2}\b", re.I)


def address(rng, caps=False, multiline=False) -> str:
    parts = []
    if rng.random() < 0.25:
        parts.append(f"Flat {rng.randint(1, 24)}")
    parts.append(f"{rng.randint(1, 240)} {rng.choice(pools.STREETS)}")
    loc = rng.choice(pools.LOCALITIES)
    if loc:
        parts.append(loc)
    parts.append(rng.choice(pools.TOWNS))
    parts.append(postcode(rng))
    text = ("\n" if multiline else ", ").join(parts)
    return text.upper() if caps else text


def email_for(rng, fore: str, sur: str) -> str:
    f = _ascii(fore).lower().replace(" ", "").replace("'", "")
    s = _ascii(sur).lower().replace(" ", "").replace("'", "")
    r = rng.random()
    if r < 0.35:
        local = f"{f}.{s}"
    elif r < 0.55:
        local = f"{f[0]}{s}"
    elif r < 0.7:
        local = f"{f}{s}{rng.randint(1, 99)}"
    elif r < 0.85:
        local = f"{s}.{f[0]}"
    else:
        local = f"{f}_{s[:4]}{rng.randint(50, 99)}"
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def email_ok(addr: str) -> bool:
    dom = addr.rsplit("@", 1)[-1].lower().rstrip(".>")
    return dom in ("example.com", "example.org", "example.net") or dom.endswith(".example")


_FOLD = str.maketrans(
    "ÂâÀàÁáÊêÉéÈèËëÎîÍíÏïÔôÓóÒòÖöŴŵŶŷŷÛûÚúÜüÇçŁłŃńŚśŹźŻżĄąĘęĆćÑñŒœÃãÕõŠšČčŽžĒēŅņĪī",
    "AaAaAaEeEeEeEeIiIiIiOoOoOoOoWwYyyUuUuUuCcLlNnSsZzZzAaEeCcNnOoAaOoSsCcZzEeNnIi",
)


def _ascii(s: str) -> str:
    s = s.translate(_FOLD)
    return re.sub(r"[^A-Za-z' -]", "", s)


def hospital_number(rng) -> str:
    r = rng.random()
    if r < 0.4:
        return rng.choice("KMRTHJ") + str(rng.randint(100000, 999999))
    if r < 0.7:
        return rng.choice(["RTH", "RXN", "RJ1", "RVJ", "RCB"])[:3] + str(
            rng.randint(1000000, 9999999)
        )
    return rng.choice("ABCDEFGH") + str(rng.randint(1000000, 9999999))


HOSPNO_RE = re.compile(r"\b(?:[A-Z]\d{6,7}|R[A-Z0-9]{2}\d{7})\b")


def passport(rng) -> str:
    return str(rng.randint(100000000, 999999999))


VRM_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"
VRM_AREA = "ABCDEFGHKLMNOPRSVWY"


def vrm(rng) -> str:
    r = rng.random()
    if r < 0.8:
        age = rng.choice([f"{y:02d}" for y in range(2, 25)] + [str(y) for y in range(51, 75)])
        return (
            rng.choice(VRM_AREA)
            + rng.choice(VRM_LETTERS)
            + age
            + " "
            + "".join(rng.choice(VRM_LETTERS) for _ in range(3))
        )
    if r < 0.93:
        return (
            rng.choice("ABCDEFGHJKLMNPRSTVWXY")
            + str(rng.randint(1, 999))
            + " "
            + "".join(rng.choice(VRM_LETTERS) for _ in range(3))
        )
    return (
        "".join(rng.choice(VRM_LETTERS) for _ in range(3))
        + " "
        + str(rng.randint(1, 999))
        + rng.choice("ABCDEFGHJKLMNPRSTVWXY")
    )


VRM_RE = re.compile(
    r"\b(?:[A-Z]{2}\d{2}\s?[A-Z]{3}|[A-Z]\d{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?\d{1,3}[A-Z])\b"
)


def driving_licence(rng, sur: str, fore: str, born: datetime.date, female: bool) -> str:
    s = re.sub(r"[^A-Z]", "", _ascii(sur).upper())
    if s.startswith("MAC"):
        s = "MC" + s[3:]
    s5 = (s + "99999")[:5]
    month = born.month + (50 if female else 0)
    digits = f"{str(born.year)[2]}{month:02d}{born.day:02d}{str(born.year)[3]}"
    initials = (
        (_ascii(fore).upper()[:1] + "9")
        if rng.random() < 0.6
        else (_ascii(fore).upper()[:1] + rng.choice("ABCDEFGHJKLMNPRSTW"))
    )
    return s5 + digits + initials + "9" + rng.choice(VRM_LETTERS) + rng.choice(VRM_LETTERS)


def uprn(rng) -> str:
    r = rng.random()
    if r < 0.55:
        return str(rng.randint(100000000000, 100099999999))
    if r < 0.8:
        return str(rng.randint(10000000000, 10099999999))
    return str(rng.randint(10000000, 99999999))


def excel_serial(d: datetime.date) -> int:
    return (d - EPOCH).days


def fore(rng) -> str:
    return rng.choice(pools.ALL_FORENAMES)


def sur(rng) -> str:
    return rng.choice(pools.ALL_SURNAMES)


def full_name(rng) -> str:
    return f"{fore(rng)} {sur(rng)}"


def maybe_blank(rng, p: float, make):
    return None if rng.random() < p else make()


def messy(rng, s: str, p: float = 0.1) -> str:
    """Stray spaces, case changes and padding the way clerks and exports leave them."""
    r = rng.random()
    if r < p * 0.3:
        return " " + s
    if r < p * 0.6:
        return s + "  "
    if r < p * 0.8:
        return s.upper()
    if r < p:
        return s.lower()
    return s
