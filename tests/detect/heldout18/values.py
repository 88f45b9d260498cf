"""Synthetic identifier makers and check-digit helpers for heldout18."""

import datetime as _dt
import random

from . import pools

WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)


def mod11_check(first9: str) -> int | None:
    """NHS / CHI modulus-11 check digit for nine digits, None when 10 (invalid)."""
    total = sum(int(d) * w for d, w in zip(first9, WEIGHTS, strict=True))
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
        first9 = str(rng.randint(3, 7)) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        check = mod11_check(first9)
        if check is not None:
            return first9 + str(check)


def failing_ten(rng: random.Random, first: str = "") -> str:
    """Ten digits that fail the modulus-11 check."""
    while True:
        body = first + "".join(str(rng.randint(0, 9)) for _ in range(9 - len(first)))
        last = str(rng.randint(0, 9))
        if not mod11_valid(body + last):
            return body + last


def nhs_spaced(n: str) -> str:
    return f"{n[:3]} {n[3:6]} {n[6:]}"


def dob(rng: random.Random, start: int = 1932, end: int = 2005) -> _dt.date:
    first = _dt.date(start, 1, 1).toordinal()
    last = _dt.date(end, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(first, last))


def chi_number(rng: random.Random, day_max: int = 28) -> str:
    while True:
        d = dob(rng, 1935, 2004)
        if d.day > day_max:
            continue
        first9 = d.strftime("%d%m%y") + "".join(str(rng.randint(0, 9)) for _ in range(3))
        check = mod11_check(first9)
        if check is not None:
            return first9 + str(check)


def chi_failing(rng: random.Random) -> str:
    while True:
        d = dob(rng, 1935, 2004)
        body = d.strftime("%d%m%y") + "".join(str(rng.randint(0, 9)) for _ in range(4))
        if not mod11_valid(body):
            return body


NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NI_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NI_BAD = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def ni_number(rng: random.Random) -> str:
    while True:
        pre = rng.choice(NI_FIRST) + rng.choice(NI_SECOND)
        if pre not in NI_BAD:
            break
    digits = "".join(str(rng.randint(0, 9)) for _ in range(6))
    return pre + digits + rng.choice("ABCD")


# national 11-digit prefixes (8 digits) followed by 3 free digits
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


def phone_digits(rng: random.Random) -> str:
    return rng.choice(PHONE_PREFIXES) + f"{rng.randint(0, 999):03d}"


def phone_format(n: str) -> str:
    """Usual national layout for an 11-digit national number."""
    if n.startswith("07") or n.startswith("01632"):
        return f"{n[:5]} {n[5:]}"
    if n.startswith("02"):
        return f"{n[:3]} {n[3:7]} {n[7:]}"
    return f"{n[:4]} {n[4:7]} {n[7:]}"


def phone_synthetic(national: str) -> bool:
    return len(national) == 11 and any(national.startswith(p) for p in PHONE_PREFIXES)


EMAIL_DOMAINS = [
    "example.com",
    "example.org",
    "example.net",
    "nhs.example",
    "council.example",
    "mail.example",
]


def ascii_fold(s: str) -> str:
    table = str.maketrans(
        "ąćęłńóśźżĄĆĘŁŃÓŚŹŻáéíóúàèìòùâêîôûäëïöüñçãõøåÁÉÍÓÚÖÜØÅÇßễịạ",
        "acelnoszzACELNOSZZaeiouaeiouaeiouaeiouncaooaAEIOUOUOACseia",
    )
    return s.translate(table)


def email(rng: random.Random, fore: str | None = None, sur: str | None = None) -> str:
    fore = fore or rng.choice(pools.FORENAMES)
    sur = sur or rng.choice(pools.SURNAMES)
    f = "".join(c for c in ascii_fold(fore).lower() if c.isalnum())
    s = "".join(c for c in ascii_fold(sur).lower() if c.isalnum())
    style = rng.randint(0, 4)
    if style == 0:
        user = f"{f}.{s}"
    elif style == 1:
        user = f"{f[0]}{s}{rng.randint(1, 99)}"
    elif style == 2:
        user = f"{s}_{f}"
    elif style == 3:
        user = f"{f}{rng.randint(1950, 2005)}"
    else:
        user = f"{f}.{s}{rng.randint(1, 9)}"
    return f"{user}@{rng.choice(EMAIL_DOMAINS)}"


ALLOWED_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")

PC_AREAS = [
    "LS",
    "S",
    "BS",
    "RG",
    "B",
    "EH",
    "G",
    "L",
    "M",
    "BT",
    "CF",
    "LL",
    "IV",
    "HS",
    "SA",
    "HD",
    "PA",
    "W",
    "N",
]
INWARD = "ABDEFGHJLNPQRSTUWXYZ"


def postcode_outward(rng: random.Random) -> str:
    area = rng.choice(PC_AREAS)
    shape = rng.randint(0, 3)
    if shape == 0:
        return f"{area}{rng.randint(1, 9)}"
    if shape == 1:
        return f"{area}{rng.randint(10, 29)}"
    if shape == 2 and len(area) == 1:
        return f"{area}{rng.randint(1, 9)}{rng.choice('ACEHJKMNPRW')}"
    return f"{area}{rng.randint(1, 19)}"


def postcode(rng: random.Random) -> str:
    inward = f"{rng.randint(0, 9)}{rng.choice(INWARD)}{rng.choice(INWARD)}"
    return f"{postcode_outward(rng)} {inward}"


def address(rng: random.Random, with_postcode: bool = True) -> str:
    parts = []
    if rng.random() < 0.25:
        parts.append(f"Flat {rng.randint(1, 24)}")
    parts.append(f"{rng.randint(1, 240)} {rng.choice(pools.STREETS)}")
    parts.append(rng.choice(pools.TOWNS))
    if with_postcode:
        parts.append(postcode(rng))
    return ", ".join(parts)


def hospital_number(rng: random.Random) -> str:
    style = rng.randint(0, 4)
    if style == 0:
        return f"K{rng.randint(0, 9999999):07d}"
    if style == 1:
        return f"RXH{rng.randint(0, 9999999):07d}"
    if style == 2:
        return f"M{rng.randint(100000, 999999)}"
    if style == 3:
        return f"D{rng.randint(0, 999999):06d}X"
    return f"RWD-{rng.randint(100000, 999999)}"


def passport_number(rng: random.Random) -> str:
    return str(rng.randint(1, 5)) + "".join(str(rng.randint(0, 9)) for _ in range(8))


def driving_licence(rng: random.Random) -> str:
    sur = "".join(c for c in ascii_fold(rng.choice(pools.SURNAMES)).upper() if c.isalpha())
    sur5 = (sur + "99999")[:5]
    d = dob(rng, 1940, 2004)
    month = d.month + (50 if rng.random() < 0.5 else 0)
    initials = "".join(c for c in ascii_fold(rng.choice(pools.FORENAMES)).upper() if c.isalpha())[0]
    initials += rng.choice("ABCDEFGHJKLMNPRSTW9")
    checks = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
    return f"{sur5}{str(d.year)[2]}{month:02d}{d.day:02d}{str(d.year)[3]}{initials}9{checks}"


REG_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXYZ"


def vehicle_reg(rng: random.Random) -> str:
    if rng.random() < 0.85:
        age = rng.choice([rng.randint(2, 24), rng.randint(51, 74)])
        area = rng.choice("ABCDEFGHKLMNOPRSVWY") + rng.choice(REG_LETTERS)
        tail = "".join(rng.choice(REG_LETTERS) for _ in range(3))
        return f"{area}{age:02d} {tail}"
    tail = "".join(rng.choice(REG_LETTERS) for _ in range(3))
    return f"{rng.choice('ABCDEFGHJKLMNPRSTVWXY')}{rng.randint(1, 999)} {tail}"


def uprn(rng: random.Random) -> str:
    style = rng.randint(0, 2)
    if style == 0:
        return str(rng.randint(100000000000, 100099999999))
    if style == 1:
        return str(rng.randint(10000000000, 10099999999))
    return str(rng.randint(200000000, 299999999))


def full_name(rng: random.Random) -> tuple[str, str]:
    return rng.choice(pools.FORENAMES), rng.choice(pools.SURNAMES)


def blanks(rng: random.Random, values: list, rate: float) -> list:
    return [None if rng.random() < rate else v for v in values]
