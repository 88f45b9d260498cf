"""Synthetic identifier values and small helpers shared by the generators (heldout19)."""

import datetime as dt

from . import pools

INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NI_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NI_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
REG_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXYZ"

# Ofcom drama ranges: (prefix digits, block start, block end, display grouping)
LANDLINE_RANGES = [
    ("01632", 960000, 960999),
    ("020", 79460000, 79460999),
    ("0113", 4960000, 4960999),
    ("0114", 4960000, 4960999),
    ("0117", 4960000, 4960999),
    ("0118", 4960000, 4960999),
    ("0121", 4960000, 4960999),
    ("0131", 4960000, 4960999),
    ("0141", 4960000, 4960999),
    ("0151", 4960000, 4960999),
    ("0161", 4960000, 4960999),
    ("028", 96496000, 96496999),
    ("029", 20180000, 20180999),
]


def pick(rng, seq):
    return seq[rng.randrange(len(seq))]


# --- check digits -----------------------------------------------------------------


def mod11_check(nine):
    """Modulus-11 check digit over nine digits (weights 10..2); None when 10."""
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def mod11_valid(ten):
    if len(ten) != 10 or not ten.isdigit():
        return False
    check = mod11_check(ten[:9])
    return check is not None and check == int(ten[9])


def nhs_number(rng):
    while True:
        nine = str(rng.choice("4679")) + "".join(str(rng.randrange(10)) for _ in range(8))
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


def mod11_failing(rng, first="123456789"):
    """Ten digits that fail the modulus-11 check."""
    while True:
        ten = rng.choice(first) + "".join(str(rng.randrange(10)) for _ in range(9))
        if not mod11_valid(ten):
            return ten


def date_between(rng, start_year, end_year):
    start = dt.date(start_year, 1, 1).toordinal()
    end = dt.date(end_year, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def chi_number(rng, dob=None):
    while True:
        d = dob or date_between(rng, 1930, 2015)
        nine = d.strftime("%d%m%y") + "".join(str(rng.randrange(10)) for _ in range(3))
        check = mod11_check(nine)
        if check is not None:
            return nine + str(check)


def ni_number(rng):
    while True:
        pair = rng.choice(NI_FIRST) + rng.choice(NI_SECOND)
        if pair not in NI_BAD_PAIRS:
            break
    digits = "".join(str(rng.randrange(10)) for _ in range(6))
    return pair + digits + rng.choice("ABCD")


def ni_prefix_ok(pair):
    pair = pair.upper()
    return pair[0] in NI_FIRST and pair[1] in NI_SECOND and pair not in NI_BAD_PAIRS


# --- phones -------------------------------------------------------------------------


def mobile_digits(rng):
    return "07700" + str(rng.randint(900000, 900999))


def landline_digits(rng):
    prefix, lo, hi = pick(rng, LANDLINE_RANGES)
    return prefix + str(rng.randint(lo, hi))


def phone_digits(rng, mobile_share=0.5):
    if rng.random() < mobile_share:
        return mobile_digits(rng)
    return landline_digits(rng)


def format_uk(digits):
    """Conventional display spacing for an 11-digit UK number."""
    if digits.startswith("07"):
        return f"{digits[:5]} {digits[5:]}"
    if digits[:3] in ("020", "028", "029"):
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    if digits.startswith("01632"):
        return f"{digits[:5]} {digits[5:]}"
    return f"{digits[:4]} {digits[4:7]} {digits[7:]}"


def phone_display(rng, digits=None):
    digits = digits or phone_digits(rng)
    style = rng.random()
    if style < 0.55:
        return format_uk(digits)
    if style < 0.75:
        return digits
    if style < 0.9:
        return "+44 " + format_uk(digits)[1:]
    return "(" + format_uk(digits).replace(" ", ") ", 1)


def is_drama_number(digits):
    """True if the national-format digits fall in an Ofcom drama range."""
    if digits.startswith("07700"):
        return len(digits) == 11 and 900000 <= int(digits[5:]) <= 900999
    for prefix, lo, hi in LANDLINE_RANGES:
        if digits.startswith(prefix) and len(digits) == 11:
            return lo <= int(digits[len(prefix) :]) <= hi
    return False


# --- e-mail -------------------------------------------------------------------------

EMAIL_DOMAINS = [
    "example.com",
    "example.org",
    "example.net",
    "mail.example",
    "post.example",
    "bank.example",
    "library.example",
    "water.example",
    "energy.example",
]


def email(rng, first=None, last=None):
    first = first or pick(rng, pools.FORENAMES)
    last = last or pick(rng, pools.SURNAMES)
    f = ascii_fold(first).lower().replace(" ", "").replace("'", "")
    s = ascii_fold(last).lower().replace(" ", "").replace("'", "")
    domain = pick(rng, EMAIL_DOMAINS)
    style = rng.randrange(6)
    if style == 0:
        local = f"{f}.{s}"
    elif style == 1:
        local = f"{f[0]}{s}{rng.randint(1, 99)}"
    elif style == 2:
        local = f"{s}.{f}"
    elif style == 3:
        local = f"{f}{rng.randint(1950, 2012)}"
    elif style == 4:
        local = f"{f}_{s}"
    else:
        local = f"{s}{f[0]}"
    return f"{local}@{domain}"


def ascii_fold(text):
    table = str.maketrans(
        "àáâãäåèéêëìíîïòóôõöùúûüýÿñçłńśźżąęóŁŚŻŹĆćÓŷŵ",
        "aaaaaaeeeeiiiiooooouuuuyyncłnszzaeoLSZZCcOyw",
    )
    return text.translate(table).replace("ł", "l")


# --- places -------------------------------------------------------------------------


def postcode(rng):
    area = pick(rng, pools.POSTCODE_AREAS)
    shape = rng.random()
    if shape < 0.55:
        outward = area + str(rng.randint(1, 29 if len(area) == 2 else 9))
    elif shape < 0.85:
        outward = area + str(rng.randint(10, 99))
    else:
        outward = area + str(rng.randint(1, 9)) + rng.choice("ABEHMNPRVWXY")
    inward = str(rng.randint(0, 9)) + rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    return f"{outward} {inward}"


def address(rng, sep=", "):
    parts = []
    if rng.random() < 0.2:
        parts.append(f"Flat {rng.randint(1, 24)}")
    if rng.random() < 0.12:
        parts.append(pick(rng, pools.HOUSE_NAMES))
    parts.append(f"{rng.randint(1, 240)} {pick(rng, pools.STREETS)}")
    parts.append(pick(rng, pools.TOWNS))
    parts.append(postcode(rng))
    return sep.join(parts)


def uprn(rng):
    r = rng.random()
    if r < 0.6:
        return "10" + "".join(str(rng.randrange(10)) for _ in range(10))
    if r < 0.8:
        return "100" + "".join(str(rng.randrange(10)) for _ in range(9))
    return str(rng.randint(10**8, 10**10 - 1))


def uprn12(rng):
    return "10" + "".join(str(rng.randrange(10)) for _ in range(10))


# --- people -------------------------------------------------------------------------


def full_name(rng):
    return f"{pick(rng, pools.FORENAMES)} {pick(rng, pools.SURNAMES)}"


def dob(rng, start=1926, end=2012):
    return date_between(rng, start, end)


def hospital_number(rng):
    style = rng.randrange(5)
    if style == 0:
        return rng.choice("KMHRD") + str(rng.randint(100000, 999999))
    if style == 1:
        return rng.choice(["RX1", "RBA", "RQ6", "7A3", "RVJ"]) + str(rng.randint(1000000, 9999999))
    if style == 2:
        return rng.choice(["A", "B", "W"]) + str(rng.randint(10000000, 99999999))
    if style == 3:
        return rng.choice(["MRN", "HN"]) + str(rng.randint(100000, 999999))
    return rng.choice(["G", "S", "T"]) + str(rng.randint(1000000, 9999999))


def passport_number(rng):
    return str(rng.randint(100000000, 999999999))


def driving_licence(rng, surname=None, birth=None, initials=None):
    surname = ascii_fold(surname or pick(rng, pools.SURNAMES)).upper()
    letters = "".join(ch for ch in surname if ch.isalpha())[:5].ljust(5, "9")
    birth = birth or dob(rng, 1940, 2005)
    month = birth.month + (50 if rng.random() < 0.5 else 0)
    six = f"{str(birth.year)[2]}{month:02d}{birth.day:02d}{str(birth.year)[3]}"
    if initials is None:
        initials = rng.choice("ABCDEFGHJKLMNPRSTW") + rng.choice("ABCDEHJKLMRS9")
    check = (
        rng.choice("9")
        + rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")
        + rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")
    )
    return letters + six + initials + check


def vehicle_reg(rng, style=None):
    style = rng.randrange(10) if style is None else style
    if style < 7:
        memory = rng.choice("ABCDEFGHKLMNOPRSVWY") + rng.choice(REG_LETTERS[:-1])
        age = rng.choice([f"{y:02d}" for y in range(2, 25)] + [f"{y}" for y in range(51, 75)])
        tail = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
        return f"{memory}{age} {tail}"
    if style < 9:
        return (
            rng.choice("ABCDEFGHJKLMNPRSTVWXY")
            + str(rng.randint(1, 999))
            + " "
            + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXY") for _ in range(3))
        )
    return (
        "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXY") for _ in range(3))
        + " "
        + str(rng.randint(1, 999))
        + rng.choice("ABCDEFGHJKLMNPRSTVWXY")
    )


# --- spreadsheet damage and text noise ---------------------------------------------


def trailing_zero(digits):
    return digits + ".0"


def sci(digits, precision=None):
    """Scientific notation as Excel (short) or pandas (full) would write it."""
    mantissa = digits[0] + "." + digits[1:]
    if precision is not None:
        mantissa = f"{float(digits) / 10 ** (len(digits) - 1):.{precision}f}"
        mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}E+{len(digits) - 1:02d}"


def thousands(digits):
    return f"{int(digits):,}"


def excel_serial(date):
    return (date - dt.date(1899, 12, 30)).days


def messy_case(rng, text):
    r = rng.random()
    if r < 0.15:
        return text.upper()
    if r < 0.25:
        return text.lower()
    return text


def stray_space(rng, text, p=0.1):
    if rng.random() < p:
        return rng.choice([" ", "  ", ""]) + text + rng.choice([" ", "  ", "\t"])
    return text


def date_text(rng, d, style=None):
    style = rng.randrange(8) if style is None else style
    if style == 0:
        return d.strftime("%d/%m/%Y")
    if style == 1:
        return d.isoformat()
    if style == 2:
        return f"{d.day} {d.strftime('%b')} {d.year}"
    if style == 3:
        return d.strftime("%d.%m.%y")
    if style == 4:
        return f"{d.day} {d.strftime('%B')} {d.year}"
    if style == 5:
        return d.strftime("%d-%b-%Y").upper()
    if style == 6:
        return f"{d.day}/{d.month}/{d.strftime('%y')}"
    return d.strftime("%Y%m%d")


def blanks(rng, values, p):
    return [None if rng.random() < p else v for v in values]
