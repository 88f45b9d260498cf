"""Synthetic identifier makers and spreadsheet-damage helpers for heldout21."""

import datetime as _dt
import random

from . import pools

WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)

# Ofcom drama ranges as 8-digit national prefixes; a number is prefix + 3 digits.
DRAMA_PREFIXES = (
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
)
EMAIL_DOMAINS = (
    "example.com",
    "example.org",
    "example.net",
    "care.example",
    "hospice.example",
    "mail.example",
)
NI_BAD_FIRST = set("DFIQUV")
NI_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


# ---------------------------------------------------------------- check digits
def mod11_check(first9: str) -> int | None:
    """Return the mod-11 check digit for nine digits, or None when it would be 10."""
    total = sum(int(d) * w for d, w in zip(first9, WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def mod11_valid(number: str) -> bool:
    if len(number) != 10 or not number.isdigit():
        return False
    check = mod11_check(number[:9])
    return check is not None and check == int(number[9])


def nhs_number(rng: random.Random) -> str:
    while True:
        first9 = str(rng.randint(4, 7)) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        check = mod11_check(first9)
        if check is not None:
            return first9 + str(check)


def mod11_failing(rng: random.Random, lead: str = "") -> str:
    """Ten digits that are NOT a valid mod-11 number."""
    while True:
        body = lead + "".join(str(rng.randint(0, 9)) for _ in range(10 - len(lead)))
        if not mod11_valid(body):
            return body


def dob(rng: random.Random, lo: int = 1921, hi: int = 2009) -> _dt.date:
    start = _dt.date(lo, 1, 1).toordinal()
    end = _dt.date(hi, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(start, end))


def chi_number(rng: random.Random, day_max: int = 28) -> str:
    while True:
        d = dob(rng, 1925, 2015)
        if d.day > day_max:
            continue
        first9 = d.strftime("%d%m%y") + "".join(str(rng.randint(0, 9)) for _ in range(3))
        check = mod11_check(first9)
        if check is not None:
            return first9 + str(check)


def chi_valid(number: str) -> bool:
    if not mod11_valid(number):
        return False
    try:
        _dt.datetime.strptime(number[:6], "%d%m%y")
    except ValueError:
        return False
    return True


def ni_number(rng: random.Random) -> str:
    letters = "ABCEGHJKLMNPRSTWXYZ"
    while True:
        a = rng.choice(letters)
        b = rng.choice(letters.replace("O", ""))
        if a + b in NI_BAD_PAIRS:
            continue
        digits = "".join(str(rng.randint(0, 9)) for _ in range(6))
        return a + b + digits + rng.choice("ABCD")


def ni_valid(code: str) -> bool:
    code = code.replace(" ", "").replace("-", "").upper()
    if len(code) != 9:
        return False
    a, b, digits, suffix = code[0], code[1], code[2:8], code[8]
    return (
        a.isalpha()
        and b.isalpha()
        and a not in NI_BAD_FIRST
        and b not in NI_BAD_FIRST
        and b != "O"
        and a + b not in NI_BAD_PAIRS
        and digits.isdigit()
        and suffix in "ABCD"
    )


def phone(rng: random.Random) -> str:
    """An 11-digit national number from an Ofcom drama range."""
    return rng.choice(DRAMA_PREFIXES) + f"{rng.randint(0, 999):03d}"


def phone_pretty(num: str) -> str:
    if num.startswith("07"):
        return f"{num[:5]} {num[5:]}"
    if num.startswith("02"):
        return f"{num[:3]} {num[3:7]} {num[7:]}"
    if num.startswith("01632"):
        return f"{num[:5]} {num[5:]}"
    return f"{num[:4]} {num[4:7]} {num[7:]}"


def email(rng: random.Random, forename: str | None = None, surname: str | None = None) -> str:
    f = _ascii(forename or rng.choice(pools.FORENAMES)).lower()
    s = _ascii(surname or rng.choice(pools.SURNAMES)).lower()
    style = rng.randrange(5)
    local = [f"{f}.{s}", f"{f[0]}{s}", f"{s}{rng.randint(1, 99)}", f"{f}_{s[:4]}", f"{f}{s[0]}"][
        style
    ]
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def _ascii(text: str) -> str:
    table = str.maketrans(
        "ŁłąćęńóśźżÓŚŻàáâãäçèéêëìíîïñòôõöùúûüýÀÉÍÒÓÙÚŐőűÖÜ'",
        "LlacenoszzOSZaaaaaceeeeiiiinoooouuuuyAEIOOUUOouOU ",
    )
    return text.translate(table).replace(" ", "").replace("-", "")


def postcode(rng: random.Random) -> str:
    area = rng.choice(
        [
            "LS",
            "BD",
            "HX",
            "OL",
            "LL",
            "SA",
            "HS",
            "PA",
            "ML",
            "DN",
            "S",
            "M",
            "B",
            "G",
            "CF",
            "BT",
            "EH",
            "YO",
            "HU",
            "KA",
            "NE",
            "WF",
            "HD",
            "E",
            "N",
            "SW",
        ]
    )
    district = str(rng.randint(1, 29 if len(area) == 2 else 19))
    if area in ("E", "N", "SW") and rng.random() < 0.2:
        district = str(rng.randint(1, 9)) + rng.choice("AW")
    inward = (
        str(rng.randint(0, 9))
        + rng.choice("ABDEFGHJLNPQRSTUWXYZ")
        + rng.choice("ABDEFGHJLNPQRSTUWXYZ")
    )
    return f"{area}{district} {inward}"


def address(rng: random.Random, with_postcode: bool = True) -> str:
    parts = []
    if rng.random() < 0.25:
        parts.append(f"Flat {rng.randint(1, 24)}")
    parts.append(f"{rng.randint(1, 212)} {rng.choice(pools.STREETS)}")
    parts.append(rng.choice(pools.TOWNS))
    if with_postcode:
        parts.append(postcode(rng))
    return ", ".join(parts)


def hospital_number(rng: random.Random) -> str:
    style = rng.randrange(4)
    if style == 0:
        return rng.choice("KMRJ") + f"{rng.randint(0, 999999):06d}"
    if style == 1:
        return rng.choice(["RTH", "RAE", "RXF", "RCF", "RWY"]) + f"{rng.randint(0, 9999999):07d}"
    if style == 2:
        return f"{rng.randint(0, 99999999):08d}"
    return f"{rng.choice('ABCDEFGHJ')}{rng.randint(10, 99)}{rng.randint(0, 99999):05d}"


def passport_number(rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + f"{rng.randint(0, 99999999):08d}"


def driving_licence(rng: random.Random, surname: str | None = None) -> str:
    s = _ascii(surname or rng.choice(pools.SURNAMES)).upper()
    s = "".join(ch for ch in s if ch.isalpha())[:5].ljust(5, "9")
    d = dob(rng, 1940, 2005)
    month = d.month + (50 if rng.random() < 0.5 else 0)
    core = f"{str(d.year)[2]}{month:02d}{d.day:02d}{str(d.year)[3]}"
    initials = rng.choice("ABCDEFGHJKLMNPRSTW") + rng.choice("ABCDEFGHJKLMNPRSTW9")
    check = rng.choice("ABCDEFGHJKLMNPRSTWXYZ") + rng.choice("ABCDEFGHJKLMNPRSTWXYZ")
    return f"{s}{core}{initials}9{check}"


def vehicle_registration(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNOPRSTUVWXY"
    if rng.random() < 0.8:
        age = rng.choice([rng.randint(2, 24), rng.randint(51, 74)])
        return (
            rng.choice("ABCDEFGHKLMNOPRSVWXY")
            + rng.choice(letters)
            + f"{age:02d} "
            + "".join(rng.choice(letters) for _ in range(3))
        )
    return (
        rng.choice("ABCDEFGHJKLMNPRSTVWXY")
        + str(rng.randint(1, 999))
        + " "
        + "".join(rng.choice(letters) for _ in range(3))
    )


def uprn(rng: random.Random) -> str:
    style = rng.randrange(3)
    if style == 0:
        return "1000" + f"{rng.randint(0, 99999999):08d}"
    if style == 1:
        return "10" + f"{rng.randint(0, 9999999999):010d}"
    return str(rng.randint(10000000, 999999999))


def full_name(rng: random.Random) -> tuple[str, str]:
    return rng.choice(pools.FORENAMES), rng.choice(pools.SURNAMES)


def staff_name(rng: random.Random) -> tuple[str, str]:
    return rng.choice(pools.STAFF_FORENAMES), rng.choice(pools.STAFF_SURNAMES)


# ------------------------------------------------------------ date styles
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def date_styled(rng: random.Random, d: _dt.date) -> str:
    style = rng.randrange(6)
    if style == 0:
        return d.strftime("%d/%m/%Y")
    if style == 1:
        return d.isoformat()
    if style == 2:
        return f"{d.day} {MONTHS[d.month - 1]} {d.strftime('%y')}"
    if style == 3:
        return d.strftime("%d.%m.%Y")
    if style == 4:
        suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
        return f"{d.strftime('%B')} {d.day}{suffix} {d.year}"
    return f"{d.day}/{d.month}/{d.strftime('%y')}"


def excel_serial(d: _dt.date) -> int:
    return (d - _dt.date(1899, 12, 30)).days


# ------------------------------------------------------------ damage helpers
def sci(number: str) -> str:
    """Excel's narrow-column scientific form, e.g. 4857770001 -> 4.85777E+09."""
    value = float(number)
    mant, exp = f"{value:.5E}".split("E")
    mant = mant.rstrip("0").rstrip(".")
    return f"{mant}E+{int(exp):02d}"


def dot0(number: str) -> str:
    return str(int(number)) + ".0"


def blanks(rng: random.Random, rate: float) -> bool:
    return rng.random() < rate


def maybe_space(rng: random.Random, value: str, rate: float = 0.08) -> str:
    r = rng.random()
    if r < rate / 2:
        return " " + value
    if r < rate:
        return value + "  "
    return value
