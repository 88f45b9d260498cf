"""Synthetic value makers for heldout15. Every function takes a ``random.Random``."""

import datetime as _dt
import string

from . import pools

NBSP = "\u00a0"
ZWSP = "\u200b"

# (area code, fixed local digits, free digits) -- Ofcom drama ranges only.
PHONE_RANGES = [
    ("07700", "900", 3),
    ("01632", "960", 3),
    ("020", "79460", 3),
    ("0113", "4960", 3),
    ("0114", "4960", 3),
    ("0117", "4960", 3),
    ("0118", "4960", 3),
    ("0121", "4960", 3),
    ("0131", "4960", 3),
    ("0141", "4960", 3),
    ("0151", "4960", 3),
    ("0161", "4960", 3),
    ("028", "96496", 3),
    ("029", "20180", 3),
]


# ---------------------------------------------------------------- check digits


def nhs_check(nine: str) -> int | None:
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=False))
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def nhs_valid(digits: str) -> bool:
    if len(digits) != 10 or not digits.isdigit():
        return False
    return nhs_check(digits[:9]) == int(digits[9])


def nhs_number(rng) -> str:
    while True:
        nine = str(rng.choice("3456789")) + "".join(rng.choice(string.digits) for _ in range(8))
        c = nhs_check(nine)
        if c is not None:
            return nine + str(c)


def nhs_invalid(rng, first: str = "123456789") -> str:
    """Ten digits whose last digit is NOT the modulus-11 check digit."""
    while True:
        nine = rng.choice(first) + "".join(rng.choice(string.digits) for _ in range(8))
        c = nhs_check(nine)
        last = rng.choice([d for d in string.digits if c is None or int(d) != c])
        s = nine + last
        if not nhs_valid(s):
            return s


def random_date(rng, start_year: int, end_year: int) -> _dt.date:
    start = _dt.date(start_year, 1, 1).toordinal()
    end = _dt.date(end_year, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(start, end))


def chi_number(rng) -> str:
    while True:
        d = random_date(rng, 1930, 2019)
        six = d.strftime("%d%m%y")
        nine = six + "".join(rng.choice(string.digits) for _ in range(3))
        c = nhs_check(nine)
        if c is not None:
            return nine + str(c)


def chi_invalid(rng, start_year: int = 2019, end_year: int = 2024) -> str:
    d = random_date(rng, start_year, end_year)
    six = d.strftime("%d%m%y")
    while True:
        nine = six + "".join(rng.choice(string.digits) for _ in range(3))
        last = rng.choice(string.digits)
        s = nine + last
        if not nhs_valid(s):
            return s


# ---------------------------------------------------------------- NI numbers

_NI_BAD_FIRST = set("DFIQUV")
_NI_BAD_SECOND = set("DFIQUVO")
_NI_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def ni_valid(s: str) -> bool:
    s = s.replace(" ", "").upper()
    if len(s) != 9:
        return False
    a, b = s[0], s[1]
    if not (a.isalpha() and b.isalpha()) or a in _NI_BAD_FIRST or b in _NI_BAD_SECOND:
        return False
    if a + b in _NI_BAD_PAIRS:
        return False
    return s[2:8].isdigit() and s[8] in "ABCD"


def ni_number(rng) -> str:
    while True:
        a = rng.choice(string.ascii_uppercase)
        b = rng.choice(string.ascii_uppercase)
        s = a + b + "".join(rng.choice(string.digits) for _ in range(6)) + rng.choice("ABCD")
        if ni_valid(s):
            return s


def ni_invalid(rng) -> str:
    while True:
        mode = rng.random()
        if mode < 0.4:
            pair = rng.choice([*sorted(_NI_BAD_PAIRS), "QQ", "DA", "FY", "UV", "AO", "IN"])
        else:
            pair = rng.choice(string.ascii_uppercase) + rng.choice(string.ascii_uppercase)
        suffix = rng.choice("ABCD") if mode < 0.4 else rng.choice("EFGHJKLMNPRSTWXYZ")
        s = pair + "".join(rng.choice(string.digits) for _ in range(6)) + suffix
        if not ni_valid(s):
            return s


def ni_spaced(s: str) -> str:
    return f"{s[:2]} {s[2:4]} {s[4:6]} {s[6:8]} {s[8]}"


# ---------------------------------------------------------------- phones, e-mail


def phone_digits(rng) -> tuple[str, str, str]:
    area, fixed, free = rng.choice(PHONE_RANGES)
    local = fixed + "".join(rng.choice(string.digits) for _ in range(free))
    return area, local, area + local


def phone_display(area: str, local: str) -> str:
    if area.startswith("07") or len(area) == 5:
        return f"{area} {local}"
    if len(area) == 3:
        return f"{area} {local[:4]} {local[4:]}"
    return f"{area} {local[:3]} {local[3:]}"


def phone(rng) -> str:
    area, local, _ = phone_digits(rng)
    return phone_display(area, local)


def phone_any(rng) -> str:
    area, local, digits = phone_digits(rng)
    disp = phone_display(area, local)
    form = rng.randrange(8)
    if form == 0:
        return "+44 " + disp[1:]
    if form == 1:
        return digits
    if form == 2:
        return f"({area}) {disp[len(area) + 1 :]}"
    if form == 3:
        return disp.replace(" ", "-")
    if form == 4:
        return "tel: " + disp
    if form == 5:
        return "+44 (0)" + disp[1:]
    if form == 6:
        return "0044" + digits[1:]
    return disp


def _local_part(rng) -> str:
    f = rng.choice(pools.FORENAMES).split()[0]
    s = rng.choice(pools.SURNAMES).replace("'", "").replace(" ", "")
    f = _ascii(f).lower()
    s = _ascii(s).lower()
    form = rng.randrange(5)
    if form == 0:
        return f"{f}.{s}"
    if form == 1:
        return f"{f[0]}{s}{rng.randint(1, 99)}"
    if form == 2:
        return f"{s}.{f[0]}"
    if form == 3:
        return f"{f}_{s}{rng.randint(60, 99)}"
    return f"{f}{rng.randint(100, 999)}"


def _ascii(s: str) -> str:
    table = str.maketrans(
        "áàâäãåéèêëíìîïóòôöõúùûüñçłśźżąęćńőűșțăşğÁÉÍÓÚŁŚŻŹĆŃÖÜÇ",
        "aaaaaaeeeeiiiiooooouuuuncłszzaecnoustasgAEIOULSZZCNOUC",
    )
    return s.translate(table).replace("ł", "l").replace("-", "")


def email(rng) -> str:
    return f"{_local_part(rng)}@{rng.choice(pools.EMAIL_DOMAINS)}"


# ---------------------------------------------------------------- names


def forename(rng) -> str:
    return rng.choice(pools.FORENAMES)


def surname(rng) -> str:
    return rng.choice(pools.SURNAMES)


def full_name(rng) -> str:
    return f"{forename(rng)} {surname(rng)}"


def titled_name(rng) -> str:
    return f"{rng.choice(pools.TITLES)} {full_name(rng)}"


# ---------------------------------------------------------------- places


def postcode(rng) -> str:
    out = rng.choice(pools.POSTCODE_OUTWARDS)
    inward = (
        str(rng.randint(0, 9))
        + rng.choice(pools.POSTCODE_LETTERS)
        + rng.choice(pools.POSTCODE_LETTERS)
    )
    return f"{out} {inward}"


def address_parts(rng) -> list[str]:
    parts = []
    if rng.random() < 0.25:
        parts.append(f"Flat {rng.randint(1, 40)}{rng.choice(['', 'A', 'B'])}")
    parts.append(f"{rng.randint(1, 240)} {rng.choice(pools.STREETS)}")
    parts.append(rng.choice(pools.TOWNS))
    parts.append(postcode(rng))
    return parts


def address(rng) -> str:
    return ", ".join(address_parts(rng))


# ---------------------------------------------------------------- other identifiers


def uprn(rng) -> str:
    if rng.random() < 0.7:
        return "1000" + "".join(rng.choice(string.digits) for _ in range(8))
    return str(rng.randint(10_000_000, 99_999_999_999))


def hospital_number(rng) -> str:
    form = rng.randrange(3)
    if form == 0:
        return rng.choice("KHMRSTJ") + "".join(rng.choice(string.digits) for _ in range(7))
    if form == 1:
        return "RX" + rng.choice("ABFHLN") + "".join(rng.choice(string.digits) for _ in range(6))
    return "".join(rng.choice(string.digits) for _ in range(7))


def passport_number(rng) -> str:
    return str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(8))


def driving_licence(rng) -> str:
    sn = (
        _ascii(rng.choice(pools.SURNAMES))
        .upper()
        .replace("'", "")
        .replace(" ", "")
        .replace("-", "")
    )
    sn = (sn[:5] + "99999")[:5]
    d = random_date(rng, 1940, 2005)
    month = d.month + (50 if rng.random() < 0.5 else 0)
    yy = f"{d.year % 100:02d}"
    init = _ascii(rng.choice(pools.FORENAMES))[0].upper()
    init2 = rng.choice(string.ascii_uppercase + "9")
    return (
        f"{sn}{yy[0]}{month:02d}{d.day:02d}{yy[1]}{init}{init2}9"
        f"{rng.choice(string.ascii_uppercase)}{rng.choice(string.ascii_uppercase)}"
    )


def vrm(rng) -> str:
    letters = "ABCDEFGHJKLMNOPRSTUVWXY"
    age = rng.choice([f"{y:02d}" for y in range(2, 25)] + [f"{y:02d}" for y in range(51, 75)])
    return (
        rng.choice(letters)
        + rng.choice(letters)
        + age
        + " "
        + "".join(rng.choice("ABCDEFGHJKLMNOPRSTUVWXYZ") for _ in range(3))
    )


def vrm_prefix(rng) -> str:
    return (
        rng.choice("ABCDEFGHJKLMNPRSTVWXY")
        + str(rng.randint(1, 999))
        + " "
        + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXY") for _ in range(3))
    )


def dob(rng) -> _dt.date:
    return random_date(rng, 1925, 2020)


# ---------------------------------------------------------------- spreadsheet damage


def as_float(s: str) -> str:
    return s.lstrip("0") + ".0" if s.lstrip("0") else "0.0"


def as_sci(s: str, sig: int = 7) -> str:
    v = float(s)
    return f"{v:.{sig - 1}E}"


def noise(rng, value: str, p: float = 0.08) -> str:
    """Stray spaces, NBSP, zero-width spaces, case damage."""
    r = rng.random()
    if r < p / 4:
        return " " + value + "  "
    if r < p / 2:
        return value.replace(" ", NBSP, 1)
    if r < 3 * p / 4:
        return value + ZWSP
    if r < p:
        return value + " "
    return value
