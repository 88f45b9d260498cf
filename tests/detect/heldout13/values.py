"""Synthetic identifier makers and validators for heldout13 (never real people)."""

import datetime as _dt
import re

from . import pools

NHS_WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)


def mod11_check(first9: str) -> int | None:
    """Check digit for an NHS/CHI style number, or None when the result is 10."""
    total = sum(int(d) * w for d, w in zip(first9, NHS_WEIGHTS, strict=True))
    check = 11 - (total % 11)
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def mod11_valid(digits: str) -> bool:
    if len(digits) != 10 or not digits.isdigit():
        return False
    return mod11_check(digits[:9]) == int(digits[9])


def nhs_number(rng) -> str:
    while True:
        first = str(rng.randint(4, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        check = mod11_check(first)
        if check is not None:
            return first + str(check)


def invalid_ten(rng, first_digit_range=(1, 9)) -> str:
    """Ten digits whose last digit does NOT satisfy mod-11."""
    while True:
        first = str(rng.randint(*first_digit_range)) + "".join(
            str(rng.randint(0, 9)) for _ in range(8)
        )
        last = rng.randint(0, 9)
        candidate = first + str(last)
        if not mod11_valid(candidate):
            return candidate


def date_between(rng, start_year: int, end_year: int) -> _dt.date:
    start = _dt.date(start_year, 1, 1).toordinal()
    end = _dt.date(end_year, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(start, end))


def chi_number(rng) -> str:
    while True:
        d = date_between(rng, 1930, 2022)
        first = d.strftime("%d%m%y") + "".join(str(rng.randint(0, 9)) for _ in range(3))
        check = mod11_check(first)
        if check is not None:
            return first + str(check)


def chi_lookalike(rng) -> str:
    """ddmmyy + 4 digits that FAILS the mod-11 check."""
    while True:
        d = date_between(rng, 2015, 2024)
        candidate = d.strftime("%d%m%y") + "".join(str(rng.randint(0, 9)) for _ in range(4))
        if not mod11_valid(candidate):
            return candidate


NI_BAD_LETTERS = set("DFIQUV")
NI_BAD_PREFIX = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
NI_LETTERS = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in NI_BAD_LETTERS]


def ni_number(rng) -> str:
    while True:
        a = rng.choice(NI_LETTERS)
        b = rng.choice([c for c in NI_LETTERS if c != "O"])
        if a + b not in NI_BAD_PREFIX:
            break
    digits = "".join(str(rng.randint(0, 9)) for _ in range(6))
    return a + b + digits + rng.choice("ABCD")


NI_RE = re.compile(r"^([A-Z])([A-Z])(\d{6})([A-D])$")


def ni_valid(text: str) -> bool:
    s = re.sub(r"[\s\-]", "", text).upper()
    m = NI_RE.match(s)
    if not m:
        return False
    a, b = m.group(1), m.group(2)
    if a in NI_BAD_LETTERS or b in NI_BAD_LETTERS or b == "O":
        return False
    return a + b not in NI_BAD_PREFIX


# Ofcom drama ranges: eight-digit national prefix + three free digits.
PHONE_PREFIXES = [
    "07700900",
    "01632960",
    "02079460",
    "01134960",
    "01144960",
    "01174960",
    "01184960",
    "01214960",
    "01314960",
    "01414960",
    "01514960",
    "01614960",
    "02896496",
    "02920180",
]


def phone_digits(rng) -> str:
    return rng.choice(PHONE_PREFIXES) + f"{rng.randint(0, 999):03d}"


def phone_format(rng, digits: str, style: int | None = None) -> str:
    if style is None:
        style = rng.randint(0, 5)
    if digits.startswith("07"):
        groups = (digits[:5], digits[5:])
    elif digits.startswith("02"):
        groups = (digits[:3], digits[3:7], digits[7:])
    else:
        groups = (digits[:4], digits[4:7], digits[7:])
    if style == 0:
        return digits
    if style == 1:
        return " ".join(groups)
    if style == 2:
        return "+44 " + " ".join((groups[0][1:], *groups[1:]))
    if style == 3:
        return f"({groups[0]}) " + " ".join(groups[1:])
    if style == 4:
        return "-".join(groups)
    return "+44(0)" + digits[1:]


def phone(rng) -> str:
    return phone_format(rng, phone_digits(rng))


def phone_synthetic(text: str) -> bool:
    digits = re.sub(r"\D", "", text.split(".")[0] if re.fullmatch(r"\d+\.0", text) else text)
    if digits.startswith("440"):
        digits = "0" + digits[3:]
    elif digits.startswith("44"):
        digits = "0" + digits[2:]
    if len(digits) == 10 and not digits.startswith("0"):
        digits = "0" + digits
    return len(digits) == 11 and digits[:8] in PHONE_PREFIXES


EMAIL_DOMAINS = [
    "example.com",
    "example.org",
    "example.net",
    "nhs.example",
    "council.example",
    "mail.example",
    "college.example",
    "uni.example",
]


def email(rng, forename: str | None = None, surname: str | None = None) -> str:
    f = _ascii(forename or rng.choice(pools.FORENAMES)).lower().replace(" ", "")
    s = _ascii(surname or rng.choice(pools.SURNAMES)).lower().replace(" ", "").replace("'", "")
    style = rng.randint(0, 5)
    local = [
        f"{f}.{s}",
        f"{f[0]}{s}",
        f"{s}{rng.randint(1, 99)}",
        f"{f}_{s}{rng.randint(60, 99)}",
        f"{f}{s[0]}",
        f"{s}.{f}",
    ][style]
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def email_synthetic(text: str) -> bool:
    found = re.findall(r"[\w.+'-]+@([\w.-]+)", text)
    if not found:
        return False
    for domain in found:
        d = domain.lower().rstrip(".>")
        if d in ("example.com", "example.org", "example.net") or d.endswith(".example"):
            continue
        return False
    return True


_ASCII = str.maketrans(
    "łŁśŚźŹżŻąĄęĘćĆńŃóÓòÒéÉèÈáÁàÀíÍìÌúÚùÙüÜöÖçÇğĞşŞãÃõÕêÊôÔėĖūŪ",
    "lLsSzZzZaAeEcCnNoOoOeEeEaAaAiIiIuUuUuUoOcCgGsSaAoOeEoOeEuU",
)


def _ascii(text: str) -> str:
    return text.translate(_ASCII)


def postcode(rng, spaced: bool = True) -> str:
    area = rng.choice(pools.POSTCODE_AREAS)
    district = str(rng.randint(1, 29 if len(area) == 2 else 19))
    inward = str(rng.randint(0, 9)) + "".join(rng.choice(pools.INWARD_LETTERS) for _ in range(2))
    return f"{area}{district} {inward}" if spaced else f"{area}{district}{inward}"


POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d{1,2}[A-Z]?\s*\d[A-Z]{2}\b", re.IGNORECASE)


def address(rng, one_line: bool = True) -> str:
    num = rng.choice(
        [
            str(rng.randint(1, 240)),
            f"{rng.randint(1, 90)}{rng.choice('ab')}",
            f"Flat {rng.randint(1, 30)}, {rng.randint(1, 120)}",
        ]
    )
    street = rng.choice(pools.STREETS)
    town = rng.choice(pools.TOWNS)
    pc = postcode(rng)
    if one_line:
        return f"{num} {street}, {town}, {pc}"
    return f"{num} {street}\n{town}\n{pc}"


def dob(rng) -> _dt.date:
    return date_between(rng, 1924, 2023)


def passport(rng) -> str:
    style = rng.randint(0, 3)
    if style <= 1:
        return "".join(str(rng.randint(0, 9)) for _ in range(9))
    if style == 2:
        return rng.choice("PNKEA") + "".join(str(rng.randint(0, 9)) for _ in range(7))
    return rng.choice(["AB", "LK", "PX", "RU", "EB"]) + "".join(
        str(rng.randint(0, 9)) for _ in range(7)
    )


def driving_licence(rng, surname: str | None = None, forename: str | None = None) -> str:
    s = re.sub(r"[^A-Z]", "", _ascii(surname or rng.choice(pools.SURNAMES)).upper())
    s = (s[:5] + "99999")[:5]
    d = dob(rng)
    female = rng.random() < 0.5
    month = d.month + (50 if female else 0)
    f = re.sub(r"[^A-Z]", "", _ascii(forename or rng.choice(pools.FORENAMES)).upper())
    initials = (f[:1] + rng.choice(["", "J", "M", "A"]) + "9")[:2]
    tail = "9" + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
    return f"{s}{str(d.year)[2]}{month:02d}{d.day:02d}{str(d.year)[3]}{initials}{tail}"


VRM_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXYZ"


def vrm(rng, old: bool = False) -> str:
    if old:
        return (
            rng.choice("ABCDEFGHJKLMNPRSTVWXY")
            + str(rng.randint(1, 999))
            + " "
            + "".join(rng.choice(VRM_LETTERS) for _ in range(3))
        )
    age = rng.choice([rng.randint(51, 74), rng.randint(2, 24)])
    return (
        "".join(rng.choice(VRM_LETTERS) for _ in range(2))
        + f"{age:02d} "
        + "".join(rng.choice("ABCDEFGHJKLMNOPRSTUVWXYZ") for _ in range(3))
    )


VRM_RE = re.compile(r"\b([A-Z]{2}\d{2}\s?[A-Z]{3}|[A-Z]\d{1,3}\s?[A-Z]{3})\b")


def uprn(rng) -> str:
    prefix = rng.choice(["100", "10", "200", "1000"])
    length = rng.choice([11, 12])
    return prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix)))


def hospital_number(rng, scheme: int | None = None) -> str:
    if scheme is None:
        scheme = rng.randint(0, 4)
    digits = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
    if scheme == 0:
        return "K" + digits(7)
    if scheme == 1:
        return "RX1 " + digits(6)
    if scheme == 2:
        return "0" + digits(6) + rng.choice("ABCDEFGHJK")
    if scheme == 3:
        return "MRN" + digits(8)
    return "H" + digits(6)


HOSP_RE = re.compile(r"\b(K\d{7}|RX1 \d{6}|0\d{6}[A-K]|MRN\d{8}|H\d{6})\b")


def forename(rng) -> str:
    return rng.choice(pools.FORENAMES)


def surname(rng) -> str:
    return rng.choice(pools.SURNAMES)


def full_name(rng) -> str:
    return f"{forename(rng)} {surname(rng)}"


def date_formats(rng, d: _dt.date, style: int | None = None) -> str:
    if style is None:
        style = rng.randint(0, 7)
    if style == 0:
        return d.strftime("%d/%m/%Y")
    if style == 1:
        return d.isoformat()
    if style == 2:
        return f"{d.day} {d.strftime('%b')} {d.strftime('%y')}"
    if style == 3:
        return d.strftime("%d.%m.%Y")
    if style == 4:
        return str((d - _dt.date(1899, 12, 30)).days)  # Excel serial
    if style == 5:
        return d.strftime("%d-%b-%Y").upper()
    if style == 6:
        return f"{d.day}/{d.month}/{d.strftime('%y')}"
    return d.strftime("%Y%m%d")


def soundex(name: str) -> str:
    codes = {
        **dict.fromkeys("BFPV", "1"),
        **dict.fromkeys("CGJKQSXZ", "2"),
        **dict.fromkeys("DT", "3"),
        "L": "4",
        **dict.fromkeys("MN", "5"),
        "R": "6",
    }
    letters = re.sub(r"[^A-Z]", "", _ascii(name).upper())
    if not letters:
        return "Z000"
    out = letters[0]
    prev = codes.get(letters[0], "")
    for ch in letters[1:]:
        code = codes.get(ch, "")
        if code and code != prev:
            out += code
        if ch not in "HW":
            prev = code
    return (out + "000")[:4]
