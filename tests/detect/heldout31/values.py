"""Synthetic identifier generators and check-digit helpers for held-out 31."""

from __future__ import annotations

import datetime as _dt
import random
import string

from . import pools

NI_BAD_FIRST = set("DFIQUV")
NI_BAD_SECOND = set("DFIQUVO")
NI_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

# Ofcom drama ranges: (prefix digits, number of remaining digits, low, high)
PHONE_RANGES = [
    ("07700900", 3, 0, 999),
    ("01632960", 3, 0, 999),
    ("02079460", 3, 0, 999),
    ("01134960", 3, 0, 999),
    ("01144960", 3, 0, 999),
    ("01174960", 3, 0, 999),
    ("01184960", 3, 0, 999),
    ("01214960", 3, 0, 999),
    ("01314960", 3, 0, 999),
    ("01414960", 3, 0, 999),
    ("01514960", 3, 0, 999),
    ("01614960", 3, 0, 999),
    ("02896496", 3, 0, 999),
    ("02920180", 3, 0, 999),
]
EMAIL_DOMAINS = [
    "example.com",
    "example.org",
    "example.net",
    "council.example",
    "mail.example",
    "nhs.example",
    "taxicard.example",
]


def mod11_check(nine: str) -> int | None:
    """Check digit for nine digits (weights 10..2); None when it would be 10."""
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
    c = mod11_check(ten[:9])
    return c is not None and c == int(ten[9])


def nhs_number(rng: random.Random) -> str:
    while True:
        nine = str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(8))
        c = mod11_check(nine)
        if c is not None:
            return nine + str(c)


def fail_mod11(rng: random.Random, first: str = "") -> str:
    """Ten digits that fail the modulus-11 check (and so are neither NHS nor CHI)."""
    while True:
        s = first + "".join(rng.choice(string.digits) for _ in range(10 - len(first)))
        if s[0] != "0" and not mod11_valid(s):
            return s


def fmt_nhs(n: str, style: int) -> str:
    if style == 0:
        return n
    if style == 1:
        return f"{n[:3]} {n[3:6]} {n[6:]}"
    if style == 2:
        return f"{n[:3]}-{n[3:6]}-{n[6:]}"
    return f"{n[:3]}  {n[3:6]}  {n[6:]}"


def dob(rng: random.Random, lo: int = 1925, hi: int = 2019) -> _dt.date:
    start = _dt.date(lo, 1, 1).toordinal()
    end = _dt.date(hi, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(start, end))


def chi_number(rng: random.Random, d: _dt.date | None = None) -> str:
    while True:
        dd = d or dob(rng)
        six = dd.strftime("%d%m%y")
        nine = six + "".join(rng.choice(string.digits) for _ in range(3))
        c = mod11_check(nine)
        if c is not None:
            return nine + str(c)


def ni_number(rng: random.Random) -> str:
    letters = string.ascii_uppercase
    while True:
        a, b = rng.choice(letters), rng.choice(letters)
        if a in NI_BAD_FIRST or b in NI_BAD_SECOND or a + b in NI_BAD_PAIRS:
            continue
        digits = "".join(rng.choice(string.digits) for _ in range(6))
        return a + b + digits + rng.choice("ABCD")


def ni_valid(s: str) -> bool:
    s = s.replace(" ", "").replace("-", "").upper()
    if len(s) != 9 or not s[2:8].isdigit() or s[8] not in "ABCD":
        return False
    a, b = s[0], s[1]
    if not (a.isalpha() and b.isalpha()):
        return False
    return not (a in NI_BAD_FIRST or b in NI_BAD_SECOND or a + b in NI_BAD_PAIRS)


def fmt_ni(n: str, style: int) -> str:
    if style == 0:
        return n
    if style == 1:
        return f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}"
    if style == 2:
        return n.lower()
    if style == 3:
        return f"{n[:2]}-{n[2:8]}-{n[8]}"
    return f"{n[:2]} {n[2:8]} {n[8]}"


def phone_digits(rng: random.Random) -> str:
    pre, _, lo, hi = rng.choice(PHONE_RANGES)
    return pre + f"{rng.randint(lo, hi):03d}"


def mobile_digits(rng: random.Random) -> str:
    return "07700900" + f"{rng.randint(0, 999):03d}"


def fmt_phone(d: str, style: int) -> str:
    """Format 11 national digits."""
    if d.startswith("07"):
        groups = (d[:5], d[5:])
    elif d.startswith("02"):
        groups = (d[:3], d[3:7], d[7:])
    elif d[:4] in {"0113", "0114", "0117", "0118", "0121", "0131", "0141", "0151", "0161"}:
        groups = (d[:4], d[4:7], d[7:])
    else:
        groups = (d[:5], d[5:])
    if style == 0:
        return d
    if style == 1:
        return " ".join(groups)
    if style == 2:
        return "+44 " + " ".join((groups[0][1:], *groups[1:]))
    if style == 3:
        return "+44 (0)" + " ".join(groups)[1:]
    if style == 4:
        return "-".join(groups)
    return "(" + groups[0] + ") " + " ".join(groups[1:])


def phone_valid(s: str) -> bool:
    """True when s (any format, incl. +44 / lost zero / .0) is in a drama range."""
    t = s.strip()
    if t.endswith(".0"):
        t = t[:-2]
    d = "".join(ch for ch in t if ch.isdigit())
    if t.lstrip().startswith("+44") or (d.startswith("44") and len(d) == 12):
        d = d[2:]
        if d.startswith("0"):
            d = d[1:]
        d = "0" + d
    elif len(d) == 10 and not d.startswith("0"):
        d = "0" + d
    if len(d) != 11:
        return False
    return any(d.startswith(pre) for pre, *_ in PHONE_RANGES)


def postcode(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNOPRSTUWYZ"
    shape = rng.choice(["A9", "A99", "AA9", "AA99", "A9A", "AA9A", "AA99", "AA9"])
    out = ""
    for ch in shape:
        if ch == "A":
            out += rng.choice(letters)
        else:
            out += rng.choice(string.digits if out[-1:].isdigit() else "123456789")
    if shape.endswith("9A") and shape in ("A9A", "AA9A"):
        out = out[:-1] + rng.choice("ABEHMNPRVWXY")
    inward = str(rng.randint(0, 9)) + rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    return f"{out} {inward}"


POSTCODE_RE = r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][ABDEFGHJLNPQRSTUWXYZ]{2}\b"


def street(rng: random.Random) -> str:
    stem = rng.choice(pools.STREET_STEMS)
    if stem in ("Heol y", "Ffordd", "Bryn"):
        return f"{stem} {rng.choice(['Deri', 'Wen', 'Ysgol', 'Afon', 'Eglwys', 'Glas'])}"
    return f"{stem} {rng.choice(pools.STREET_TYPES)}"


def address_parts(rng: random.Random) -> list[str]:
    parts = []
    if rng.random() < 0.25:
        parts.append(f"Flat {rng.randint(1, 24)}{rng.choice(['', 'A', 'B'])}")
        parts.append(f"{rng.choice(['Kestrel', 'Ty Gwyn', 'Albion', 'Riverside'])} House")
    parts.append(f"{rng.randint(1, 212)} {street(rng)}")
    parts.append(rng.choice(pools.TOWNS))
    parts.append(postcode(rng))
    return parts


def email(rng: random.Random, fore: str | None = None, sur: str | None = None) -> str:
    fore = fore or rng.choice(pools.FORENAMES)
    sur = sur or rng.choice(pools.SURNAMES)

    def clean(x: str) -> str:
        tr = str.maketrans("ąćęłńóśźżçãõéáíúôêâŁŚŻÓ", "acelnoszzcaoeaiuoeaLSZO")
        return "".join(ch for ch in x.translate(tr).lower() if ch.isalnum())

    f, s = clean(fore), clean(sur)
    local = rng.choice(
        [
            f"{f}.{s}",
            f"{f[0]}{s}",
            f"{s}{rng.randint(1, 99)}",
            f"{f}_{s[:3]}",
            f"{f}{s}{rng.randint(50, 99)}",
            f"{f}.{s}.{rng.randint(1, 9)}",
        ]
    )
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def email_domain_ok(addr: str) -> bool:
    dom = addr.rsplit("@", 1)[-1].lower().rstrip(".>")
    return dom in {"example.com", "example.org", "example.net"} or dom.endswith(".example")


def driving_licence(rng: random.Random, sur: str | None = None) -> str:
    sur = sur or rng.choice(pools.SURNAMES)
    letters = "".join(ch for ch in sur.upper() if "A" <= ch <= "Z")[:5].ljust(5, "9")
    d = dob(rng, 1935, 2005)
    month = d.month + (50 if rng.random() < 0.5 else 0)
    core = f"{letters}{str(d.year)[2]}{month:02d}{d.day:02d}{str(d.year)[3]}"
    inits = rng.choice(string.ascii_uppercase) + rng.choice(string.ascii_uppercase + "9")
    tail = (
        str(rng.randint(0, 9))
        + rng.choice(string.ascii_uppercase)
        + rng.choice(string.ascii_uppercase)
    )
    return core + inits + tail


DL_RE = r"\b[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2}\b"


def passport(rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(8))


def vrm(rng: random.Random, style: int = 0) -> str:
    letters = "ABCDEFGHJKLMNOPRSTUVWXYZ"
    if style == 0:
        age = rng.choice([f"{y:02d}" for y in range(2, 25)] + [f"{y}" for y in range(51, 75)])
        tail = "".join(rng.choice(letters) for _ in range(3))
        return f"{rng.choice(letters)}{rng.choice(letters)}{age} {tail}"
    if style == 1:
        return (
            f"{rng.choice('ABCDEFGHJKLMNPRSTVWXY')}{rng.randint(1, 999)} "
            f"{''.join(rng.choice(letters) for _ in range(3))}"
        )
    return (
        f"{''.join(rng.choice(letters) for _ in range(3))} {rng.randint(1, 999)}"
        f"{rng.choice('ABCDEFGHJKLMNPRSTVWXY')}"
    )


def hospital_number(rng: random.Random, style: int | None = None) -> str:
    style = rng.randint(0, 4) if style is None else style
    if style == 0:
        return "RX1" + f"{rng.randint(0, 999999):06d}"
    if style == 1:
        return "K" + f"{rng.randint(100000, 999999)}"
    if style == 2:
        return "M" + f"{rng.randint(1000000, 9999999)}"
    if style == 3:
        return "RWA-" + f"{rng.randint(0, 9999999):07d}"
    return "H" + f"{rng.randint(10, 99)}" + "/" + f"{rng.randint(10000, 99999)}"


HOSP_RE = r"\b(?:RX1 ?\d{6}|K\d{6}|M\d{7}|RWA-?\d{7}|H\d{2}/\d{5})\b"


def uprn(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.6:
        return "1000" + f"{rng.randint(0, 99999999):08d}"
    if r < 0.85:
        return str(rng.randint(10000000, 99999999))
    return str(rng.randint(200000000000, 909999999999))


def date_fmt(d: _dt.date, style: int) -> str:
    fmts = [
        "%d/%m/%Y",
        "%Y-%m-%d",
        "%d.%m.%Y",
        "%d-%b-%Y",
        "%d %B %Y",
        "%d/%m/%y",
        "%-d/%-m/%Y",
        "%d%m%Y",
        "%b %d %Y",
        "%d-%m-%Y",
        "%Y%m%d",
        "%-d %b %y",
    ]
    return d.strftime(fmts[style % len(fmts)])


def excel_serial(d: _dt.date) -> int:
    return (d - _dt.date(1899, 12, 30)).days


def full_name(rng: random.Random) -> tuple[str, str]:
    return rng.choice(pools.FORENAMES), rng.choice(pools.SURNAMES)


def sprinkle_blanks(rng: random.Random, vals: list, p: float) -> list:
    return [None if rng.random() < p else v for v in vals]


def messy(rng: random.Random, s: str, p: float = 0.15) -> str:
    """Stray whitespace and case noise as clerks type."""
    r = rng.random()
    if r < p / 3:
        return " " + s
    if r < 2 * p / 3:
        return s + "  "
    if r < p:
        return s.upper()
    return s


def pl_name(rng: random.Random) -> tuple[str, str]:
    """Polish forename and surname with matching grammatical gender."""
    s = rng.choice(pools.PL_SUR_M)
    if rng.random() < 0.5:
        f = rng.choice(pools.PL_FORE_F)
        if s.endswith("ski") or s.endswith("cki"):
            s = s[:-1] + "a"
    else:
        f = rng.choice(pools.PL_FORE_M)
    return f, s
