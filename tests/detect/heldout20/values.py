"""Synthetic identifier generators and spreadsheet-damage helpers for heldout20."""

import datetime as _dt
import string

from . import pools as pl

UPPER = string.ascii_uppercase
DIGITS = string.digits
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

# Ofcom drama ranges: (display prefix, packed prefix, number of free digits, lo, hi)
DRAMA = [
    ("07700 900", "07700900", 3, 0, 999),
    ("01632 960", "01632960", 3, 0, 999),
    ("020 7946 0", "02079460", 3, 0, 999),
    ("0113 496 0", "01134960", 3, 0, 999),
    ("0114 496 0", "01144960", 3, 0, 999),
    ("0117 496 0", "01174960", 3, 0, 999),
    ("0118 496 0", "01184960", 3, 0, 999),
    ("0121 496 0", "01214960", 3, 0, 999),
    ("0131 496 0", "01314960", 3, 0, 999),
    ("0141 496 0", "01414960", 3, 0, 999),
    ("0151 496 0", "01514960", 3, 0, 999),
    ("0161 496 0", "01614960", 3, 0, 999),
    ("028 9649 6", "02896496", 3, 0, 999),
    ("029 2018 0", "02920180", 3, 0, 999),
]
DRAMA_PACKED = [d[1] for d in DRAMA]
EMAIL_DOMAINS = [
    "example.com",
    "example.org",
    "example.net",
    "post.example",
    "ynys.example",
    "gov.example",
]


# --------------------------------------------------------------------- check digits
def mod11_check(first9: str) -> int | None:
    """The NHS/CHI modulus-11 check digit, or None when the check would be 10."""
    total = sum(int(d) * w for d, w in zip(first9, range(10, 1, -1), strict=False))
    c = 11 - (total % 11)
    if c == 11:
        return 0
    if c == 10:
        return None
    return c


def mod11_valid(ten: str) -> bool:
    if len(ten) != 10 or not ten.isdigit():
        return False
    c = mod11_check(ten[:9])
    return c is not None and c == int(ten[9])


def nhs_number(rng) -> str:
    while True:
        first = rng.choice("4679")
        body = first + "".join(rng.choice(DIGITS) for _ in range(8))
        c = mod11_check(body)
        if c is not None:
            return body + str(c)


def birth_date(rng, lo=1925, hi=2023) -> _dt.date:
    start = _dt.date(lo, 1, 1).toordinal()
    end = _dt.date(hi, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(start, end))


def chi_number(rng, dob=None) -> str:
    while True:
        d = dob or birth_date(rng, 1925, 2023)
        body = d.strftime("%d%m%y") + "".join(rng.choice(DIGITS) for _ in range(3))
        c = mod11_check(body)
        if c is not None:
            return body + str(c)


def invalid_ten(rng, prefix: str = "") -> str:
    """A 10-digit string that FAILS the modulus-11 check."""
    while True:
        body = prefix + "".join(rng.choice(DIGITS) for _ in range(9 - len(prefix)))
        c = mod11_check(body)
        last = rng.choice([d for d in DIGITS if c is None or int(d) != c])
        s = body + last
        if not mod11_valid(s):
            return s


def luhn_complete(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


# --------------------------------------------------------------------- people
def forename(rng, pool=None) -> str:
    return rng.choice(pool or pl.ALL_FORENAMES)


def surname(rng, pool=None) -> str:
    return rng.choice(pool or pl.ALL_SURNAMES)


def full_name(rng, fpool=None, spool=None) -> str:
    return f"{forename(rng, fpool)} {surname(rng, spool)}"


# --------------------------------------------------------------------- ni numbers
_NI_BAD1 = set("DFIQUV")
_NI_BAD2 = set("DFIQUVO")
_NI_BAD_PAIRS = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def ni_valid_prefix(p: str) -> bool:
    return p[0] not in _NI_BAD1 and p[1] not in _NI_BAD2 and p not in _NI_BAD_PAIRS


def ni_number(rng) -> str:
    while True:
        p = rng.choice(UPPER) + rng.choice(UPPER)
        if ni_valid_prefix(p):
            break
    return p + "".join(rng.choice(DIGITS) for _ in range(6)) + rng.choice("ABCD")


# --------------------------------------------------------------------- phones / e-mail
def phone_packed(rng) -> str:
    pre = rng.choice(DRAMA_PACKED)
    return pre + f"{rng.randint(0, 999):03d}"


def phone_display(rng) -> str:
    d = rng.choice(DRAMA)
    return d[0] + f"{rng.randint(0, 999):03d}"


def phone_styled(rng) -> str:
    packed = phone_packed(rng)
    nat = packed[1:]
    style = rng.randrange(8)
    if packed.startswith("07"):
        groups = f"{packed[:5]} {packed[5:]}"
        intl = f"+44 {nat[:4]} {nat[4:]}"
    elif packed.startswith("02"):
        groups = f"{packed[:3]} {packed[3:7]} {packed[7:]}"
        intl = f"+44 ({0}){nat[:2]} {nat[2:6]} {nat[6:]}"
    else:
        groups = f"{packed[:4]} {packed[4:7]} {packed[7:]}"
        intl = f"+44 {nat[:3]} {nat[3:6]} {nat[6:]}"
    return [
        groups,
        packed,
        intl,
        "0044" + nat,
        f"({groups.split(' ')[0]}) {' '.join(groups.split(' ')[1:])}",
        groups.replace(" ", "-"),
        groups + rng.choice([" (mob)", " (home)", " ext 2", " - eve only", " (ffôn symudol)"]),
        "tel: " + groups,
    ][style]


def _ascii(s: str) -> str:
    table = str.maketrans(
        "âêîôûŵŷáéíóúàèìòùçãõñłśźżćńęąöüëïäøĆŁŚŻŹÓÉÈÀÇ'’ ",  # noqa: RUF001
        "aeiouwyaeiouaeioucaonlszzcneaoueiaoCLSZZOEEAC---",
    )
    return "".join(ch for ch in s.translate(table) if ch.isalnum() or ch in ".-_")


def email(rng, name=None) -> str:
    f = _ascii(forename(rng)).lower().strip("-")
    s = _ascii(surname(rng)).lower().strip("-")
    style = rng.randrange(6)
    local = [
        f"{f}.{s}",
        f"{f[0]}{s}",
        f"{s}{rng.randint(1, 99)}",
        f"{f}_{s}{rng.randint(50, 99)}",
        f"{f}{s[:3]}",
        f"{s}.{f[0]}",
    ][style]
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


# --------------------------------------------------------------------- places
WELSH_OUT = [
    "LL55",
    "LL57",
    "LL58",
    "LL40",
    "SA31",
    "SA61",
    "SY23",
    "CF10",
    "CF37",
    "NP20",
    "LD1",
    "LL18",
    "CH7",
    "SA1",
]
SCOT_OUT = [
    "HS1",
    "HS2",
    "HS6",
    "HS7",
    "HS9",
    "IV2",
    "IV51",
    "KW15",
    "ZE1",
    "PA34",
    "G51",
    "EH16",
    "DD1",
]
JE_OUT = ["JE1", "JE2", "JE3", "JE4"]
GY_OUT = ["GY1", "GY2", "GY3", "GY4", "GY5", "GY6", "GY7", "GY8", "GY9", "GY10"]
IM_OUT = ["IM1", "IM2", "IM3", "IM4", "IM5", "IM7", "IM8", "IM9"]
ENG_OUT = ["SO16", "L9", "L12", "ST4", "CH2", "SY3", "BS2", "PL6", "M13", "B15"]
ALL_OUT = WELSH_OUT + SCOT_OUT + JE_OUT + GY_OUT + IM_OUT + ENG_OUT


def inward(rng) -> str:
    return str(rng.randint(0, 9)) + rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)


def postcode(rng, outs=None) -> str:
    return f"{rng.choice(outs or ALL_OUT)} {inward(rng)}"


def address(rng, region=None) -> str:
    region = region or rng.choice(["cy", "gd", "je", "gy", "im", "pt", "scot"])
    n = rng.randint(1, 120)
    ch = rng.choice
    if region == "cy":
        return f"{n} {ch(pl.WELSH_STREETS)}, {ch(pl.WELSH_PLACES)} {postcode(rng, WELSH_OUT)}"
    if region == "gd":
        pc = postcode(rng, ["HS2", "HS1", "HS6"])
        return f"{n} {ch(pl.GAELIC_PLACES)}, Eilean Leòdhais {pc}"
    if region == "scot":
        return f"{n} {ch(pl.SCOTS_STREETS)}, {ch(pl.SCOTS_PLACES)} {postcode(rng, SCOT_OUT)}"
    if region == "je":
        house, street, parish = ch(pl.CI_HOUSES), ch(pl.CI_STREETS), ch(pl.JERSEY_PARISHES)
        return f"{house}, {street}, {parish}, Jersey {postcode(rng, JE_OUT)}"
    if region == "gy":
        house, street, parish = ch(pl.CI_HOUSES), ch(pl.CI_STREETS), ch(pl.GUERNSEY_PARISHES)
        return f"{house}, {street}, {parish}, Guernsey {postcode(rng, GY_OUT)}"
    if region == "im":
        if rng.random() < 0.4:
            house, town = ch(pl.MANX_HOUSES), ch(pl.MANX_PLACES)
            return f"{house}, {town}, Isle of Man {postcode(rng, IM_OUT)}"
        return f"{n} {ch(pl.MANX_STREETS)}, {ch(pl.MANX_PLACES)} {postcode(rng, IM_OUT)}"
    # Portuguese (Madeira) address with a Portuguese postal code
    cp = f"9{rng.randint(0, 399):03d}-{rng.randint(0, 999):03d}"
    return f"{ch(pl.PT_STREETS)} {n}, {cp} {ch(pl.MADEIRA_PLACES)}, Madeira"


def uprn(rng) -> str:
    kind = rng.random()
    if kind < 0.6:
        return "100" + "".join(rng.choice(DIGITS) for _ in range(8))  # 11 digits, Welsh style
    if kind < 0.85:
        return "1" + "".join(rng.choice(DIGITS) for _ in range(8))  # 9 digits
    return "2000" + "".join(rng.choice(DIGITS) for _ in range(8))  # 12 digits


# --------------------------------------------------------------------- documents
def uk_passport(rng) -> str:
    return "".join(rng.choice(DIGITS) for _ in range(9))


def foreign_passport(rng) -> str:
    c = rng.randrange(4)
    if c == 0:  # Portuguese
        return rng.choice("CNP") + rng.choice(UPPER) + "".join(rng.choice(DIGITS) for _ in range(6))
    if c == 1:  # Polish
        return rng.choice(UPPER) + rng.choice(UPPER) + "".join(rng.choice(DIGITS) for _ in range(7))
    if c == 2:  # Irish
        return "P" + rng.choice("ABCDEFG") + "".join(rng.choice(DIGITS) for _ in range(7))
    return uk_passport(rng)


def driving_licence(rng, surname_=None, female=None) -> str:
    s = _ascii(
        surname_ or rng.choice(pl.WELSH_SURNAMES + pl.SCOTS_SURNAMES + pl.MANX_SURNAMES)
    ).upper()
    s = "".join(ch for ch in s if ch.isalpha())[:5].ljust(5, "9")
    d = birth_date(rng, 1940, 2005)
    female = rng.random() < 0.5 if female is None else female
    month = d.month + (50 if female else 0)
    y = f"{d.year % 100:02d}"
    inits = rng.choice(UPPER) + rng.choice(UPPER + "9")
    tail = rng.choice(DIGITS) + rng.choice(UPPER) + rng.choice(UPPER)
    return f"{s}{y[0]}{month:02d}{d.day:02d}{y[1]}{inits}{tail}"


def vehicle_reg(rng) -> str:
    c = rng.random()
    if c < 0.55:
        age = rng.choice([f"{n:02d}" for n in list(range(2, 25)) + list(range(51, 74))])
        mem = rng.choice("CDEFGHKLMNSVWXY") + rng.choice("ABCDEFGHJKLMNOPRSTUVWXY")
        return f"{mem}{age} {''.join(rng.choice('ABCDEFGHJKLMNOPRSTUVWXYZ') for _ in range(3))}"
    if c < 0.7:
        return f"J {rng.randint(1, 199999)}"  # Jersey
    if c < 0.8:
        return str(rng.randint(100, 99999))  # Guernsey (numeric only)
    if c < 0.92:
        mark = rng.choice(["MAN", "MN", "BMN", "KMN", "PMN"])
        return f"{mark} {rng.randint(1, 999)} {rng.choice('ABCDEFGHJKLMN')}"
    lets = "ABCDEFGHJKLMNPRSTVWXY"
    pre = rng.choice("ABCD") + rng.choice(lets[1:]) + rng.choice(lets)
    return f"{pre} {rng.randint(100, 999)}{rng.choice(lets)}"


def welsh_hospital_number(rng) -> str:
    return rng.choice("ABDGHMTW") + "".join(rng.choice(DIGITS) for _ in range(rng.choice([6, 7])))


def trak_hospital_number(rng) -> str:
    return (
        rng.choice(["R", "H", "WI", "Z", "G"])
        + "".join(rng.choice(DIGITS) for _ in range(7))
        + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
    )


def english_mrn(rng) -> str:
    return rng.choice(["RTH", "RBN", "RHM", "REM", "RQ6"]) + "".join(
        rng.choice(DIGITS) for _ in range(7)
    )


# --------------------------------------------------------------------- spreadsheet damage
def sci(num: str, sig: int = 6) -> str:
    """Excel-style scientific rendering (e.g. 9.43477E+09)."""
    v = float(num)
    mant, exp = f"{v:.{sig - 1}E}".split("E")
    mant = mant.rstrip("0").rstrip(".")
    return f"{mant}E+{int(exp):02d}"


def float_text(num: str) -> str:
    return str(int(num)) + ".0"


def blank_like(rng):
    return rng.choice(
        [None, None, None, None, "", " ", "n/a", "N/A", "-", "nil", "none", "dim", "unknown"]
    )


WELSH_MONTHS = [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
]
PT_MONTHS = [
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
]
FR_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def excel_serial(d: _dt.date) -> str:
    return str((d - _dt.date(1899, 12, 30)).days)


def date_styled(rng, d: _dt.date) -> str:
    s = rng.randrange(10)
    return [
        d.strftime("%d/%m/%Y"),
        d.isoformat(),
        f"{d.day} {WELSH_MONTHS[d.month - 1]} {d.year}",
        d.strftime("%d.%m.%y"),
        d.strftime("%Y%m%d"),
        excel_serial(d),
        f"{d.day} de {PT_MONTHS[d.month - 1]} de {d.year}",
        d.strftime("%d-%b-%Y").upper(),
        d.strftime("%d/%m/%Y") + " 00:00:00",
        f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
    ][s]
