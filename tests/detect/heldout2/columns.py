"""heldout2: synthetic, blind-built column corpus for identifier-detector evaluation.

Every value is invented. Phone numbers come from Ofcom's drama/fiction ranges,
email domains are example.* style, NHS/CHI numbers are random digits with a valid
mod-11 check digit (they identify nobody).  See TRAPS.md for the plan and README.md.
"""
from __future__ import annotations

import datetime as _dt
import random

# --------------------------------------------------------------------------------------
# shared pools and primitive generators (also used by notes.py)
# --------------------------------------------------------------------------------------

FORENAMES_PLAIN = [
    "James", "Oliver", "Thomas", "George", "Harry", "Jack", "William", "Daniel", "Samuel",
    "Joseph", "Emily", "Olivia", "Sophie", "Jessica", "Charlotte", "Hannah", "Lucy", "Megan",
    "Chloe", "Eleanor", "Margaret", "Doreen", "Kenneth", "Derek", "Brenda", "Maureen", "Trevor",
    "Siobhan", "Ciaran", "Niamh", "Aoife", "Padraig", "Eilidh", "Callum", "Fraser", "Morag",
    "Priya", "Arun", "Anjali", "Rohit", "Sunita", "Deepak", "Gurpreet", "Harjit", "Manpreet",
    "Mohammed", "Muhammad", "Fatima", "Aisha", "Amira", "Yusuf", "Imran", "Nusrat", "Shabana",
    "Tariq", "Zainab", "Omar", "Hamza", "Ayesha", "Rukhsana", "Chukwuemeka", "Oluwaseun",
    "Adaeze", "Kwame", "Ama", "Abimbola", "Tendai", "Blessing", "Abdi", "Hodan", "Łukasz",
    "Małgorzata", "Piotr", "Agnieszka", "Krzysztof", "Zoë", "José", "François", "Ayşe",
    "Mehmet", "Wei", "Mei", "Thi Lan", "Duc", "Ștefan", "Ioana", "Dafydd", "Siân", "Rhodri",
    "Gwenllian", "Iolo", "Cerys", "Bethan", "Eleri", "Gethin", "Mair", "Jean-Paul", "Mary-Jane",
    "Anne-Marie", "Li", "Jo", "Al", "Bo",
]
# forenames that are also ordinary English words
FORENAMES_WORDS = [
    "Rose", "Hope", "Grace", "Mark", "Bill", "Faith", "Joy", "Summer", "Autumn", "Ruby", "Amber",
    "Will", "Frank", "Dawn", "Holly", "Ivy", "Iris", "Pearl", "Daisy", "Heather", "Victor",
    "Sunny", "Violet", "Jasmine", "Robin", "Patience", "Precious", "Hazel", "Honor", "Sky",
]
FORENAMES = FORENAMES_PLAIN + FORENAMES_WORDS

SURNAMES_PLAIN = [
    "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Thomas", "Roberts",
    "Wilson", "Johnson", "Wright", "Walker", "Robinson", "Thompson", "Hughes", "Edwards",
    "Khan", "Patel", "Ali", "Hussain", "Begum", "Singh", "Kaur", "Shah", "Sharma", "Mistry",
    "Rahman", "Islam", "Mahmood", "Iqbal", "Akhtar", "Bibi", "Gill", "Sandhu", "Chaudhry",
    "Okafor", "Adeyemi", "Mensah", "Okonkwo", "Mohamed", "Hassan", "Abdullahi", "Moyo",
    "Kowalski", "Nowak", "Wiśniewska", "Kowalczyk", "Lewandowski", "Nguyen", "Chen", "Wong",
    "Zhang", "Yılmaz", "Popescu", "García", "Müller", "Lefèvre", "Murphy", "Kelly", "Byrne",
    "Baines", "Pritchard", "Llewellyn", "Price", "Morgan", "Griffiths", "Powell",
]
SURNAMES_HARD = [
    "O'Neill", "O'Brien", "O'Sullivan", "D'Souza", "McDonald", "MacLeod", "McAllister",
    "Fitzgerald", "Ní Bhriain", "Mac an tSaoi", "Jones-Pritchard", "Smith-Okafor",
    "Ahmed-Khan", "Bowes-Lyon", "ap Rhys", "ab Ifan", "van der Berg", "de la Cruz",
    "Al-Rashid", "El-Masri", "Le Roux", "St John", "Ap Gwilym", "Ó Súilleabháin",
]
SURNAMES_WORDS = [
    "Green", "White", "Black", "Bird", "Fox", "Marsh", "Hill", "Brook", "Baker", "Cook",
    "Mason", "Wood", "Rose", "Hope", "Field", "Stone", "Wells", "Long", "Young", "King",
]
SURNAMES = SURNAMES_PLAIN + SURNAMES_HARD + SURNAMES_WORDS

WELSH_FORENAMES = ["Dafydd", "Siân", "Rhodri", "Gwenllian", "Iolo", "Cerys", "Bethan", "Eleri",
                   "Gethin", "Mair", "Llinos", "Hywel", "Angharad", "Ffion", "Gruffudd", "Nia",
                   "Owain", "Rhiannon", "Tegwen", "Aled", "Elin", "Llŷr", "Carys", "Emrys"]
WELSH_SURNAMES = ["ap Rhys", "ab Ifan", "Llewellyn", "Pritchard", "Prys", "Jones-Pritchard",
                  "ap Gruffydd", "Vaughan", "Parry", "Bowen", "Powell", "Gwynne", "Lloyd",
                  "Rees", "Howells", "Meredith", "Glyndŵr", "Puw", "Bevan", "Owen", "ap Dafydd"]
SOUTH_ASIAN_ETC_FULL = [
    "Gurpreet Kaur", "Harjit Singh Sandhu", "Manpreet Kaur Gill", "Ahmad bin Ismail",
    "Nur Aisyah binti Abdullah", "Chukwuemeka Okafor", "Oluwaseun Adeyemi",
    "Abdi Hassan Mohamed", "Mohammed Al-Rashid", "Fatima Bibi", "Rukhsana Begum",
    "Muhammad Imran Iqbal", "Syeda Nusrat Jahan", "Deepak Kumar Mistry", "Sunita Devi Sharma",
    "Tendai Moyo", "Kwame Asante Mensah", "Hodan Abdi Warsame", "Thi Lan Nguyen",
    "Zainab Abdullahi", "Shabana Akhtar", "Rajinder Kaur Dhillon", "Mohinder Singh",
    "Abimbola Oyelaran-Okafor", "Ayesha Siddiqa Chaudhry",
]
FOREIGN_FULL = [
    "Zoë Müller", "Siobhán Ní Bhriain", "Łukasz Wiśniewski", "José García López",
    "François Lefèvre", "Nguyễn Văn An", "Søren Østergaard", "Ayşe Yılmaz",
    "Małgorzata Kowalczyk", "Ștefan Popescu", "Zsófia Kovács", "Dvořák Jiří",
    "Björn Åkesson", "Anaïs Dubois", "Iñaki Etxeberria", "Chloé Brunet", "Jürgen Weiß",
    "Radosław Wójcik", "Eoghan Ó Súilleabháin", "Seán Mac an tSaoi", "Zhang Wei",
    "Nuno Conceição", "Grzegorz Brzęczyszczykiewicz", "Ngozi Okonkwo-Adébáyọ̀",
]
NICKNAMES = ["Jonny", "Bex", "Mo", "Sunny", "Baz", "Kaz", "Dai", "Bobby", "Lizzie", "Babs",
             "Raj", "Jas", "Kat", "Ted", "Maggie", "Del", "Sandy", "Rosie", "Billy", "Gwen",
             "Chuks", "Seun", "Lukas", "Ffi", "Jacky", "Tash", "Nikki", "Pip"]
TITLES = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Mx", "Rev", "Prof", "Sr", "Capt"]
RELATIONS = ["daughter", "son", "husband", "wife", "partner", "niece", "nephew", "sister",
             "brother", "mother", "father", "granddaughter", "grandson", "friend", "neighbour",
             "stepdaughter", "son-in-law", "daughter-in-law", "aunt", "carer"]
STREETS = ["High", "Church", "Station", "Victoria", "Kings", "Queens", "Mill", "Park", "Chapel",
           "Manor", "St John's", "Albert", "Oak", "Elm", "Beech", "Windsor", "Grange", "Bridge",
           "Wellington", "Market", "North", "South", "Cemetery", "Hope", "Rose", "Grace",
           "Florence", "Ffordd Las", "Heol y Plas", "Bryn Teg", "Maes y Coed", "Lon Isaf"]
STREET_SUFFIX = ["Street", "Road", "Lane", "Avenue", "Close", "Drive", "Way", "Crescent",
                 "Gardens", "Terrace", "Court", "Place", "Grove", "Mews", "Walk", "Row"]
STREET_ABBR = {"Street": "St", "Road": "Rd", "Lane": "Ln", "Avenue": "Ave", "Close": "Cl",
               "Drive": "Dr", "Crescent": "Cres", "Gardens": "Gdns", "Terrace": "Terr",
               "Court": "Ct", "Place": "Pl", "Grove": "Gr"}
TOWNS = ["Wigan", "Mansfield", "Leeds", "Bolton", "Cardiff", "Swansea", "Bangor", "Oldham",
         "Luton", "Bradford", "Leicester", "Dundee", "Paisley", "St Helens", "Hope", "Leigh",
         "Wrexham", "Merthyr Tydfil", "Sunderland", "Stoke-on-Trent", "Newport", "Rhyl",
         "Barnsley", "Kirkcaldy", "Derry", "Lisburn"]
# (area, district choices)
POSTCODE_AREAS = [
    ("M", list(range(1, 41))), ("LS", list(range(1, 30))), ("B", list(range(1, 99))),
    ("CF", [3, 5, 10, 11, 14, 15, 23, 24, 37, 44, 47, 48]), ("G", list(range(1, 85))),
    ("EH", list(range(1, 56))), ("WN", list(range(1, 9))), ("NG", list(range(1, 26))),
    ("BT", list(range(1, 95))), ("L", list(range(1, 41))), ("BS", list(range(1, 42))),
    ("SA", list(range(1, 73))), ("LL", list(range(11, 78))), ("NE", list(range(1, 71))),
    ("S", list(range(1, 37))), ("DD", list(range(1, 12))), ("PA", list(range(1, 49))),
    ("LU", [1, 2, 3, 4, 5, 6, 7]), ("BD", list(range(1, 24))), ("LE", list(range(1, 19))),
    ("BL", list(range(0, 10))), ("OL", list(range(1, 17))), ("WA", list(range(1, 17))),
    ("E", list(range(1, 19))), ("N", list(range(1, 23))), ("SE", list(range(1, 29))),
    ("NW", list(range(1, 12))), ("KY", list(range(1, 17))), ("ST", list(range(1, 22))),
]
POSTCODE_SPECIAL_OUTWARD = ["SW1A", "EC1A", "W1A", "WC2H", "E1W", "N1C", "W1D", "EC2V", "SE1P"]
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
# Ofcom drama ranges: (national-format prefix, 3 or 4 digit free block handled in gen_phone)
PHONE_RANGES = [
    ("07700", "900"), ("01632", "960"), ("0113", "4960"), ("0114", "4960"), ("0115", "4960"),
    ("0116", "4960"), ("0117", "4960"), ("0118", "4960"), ("0121", "4960"), ("0131", "4960"),
    ("0141", "4960"), ("0151", "4960"), ("0161", "4960"), ("020", "7946 0"), ("0191", "4980"),
    ("028", "9018 0"), ("029", "2018 0"), ("07700", "900"), ("07700", "900"),
]
EMAIL_DOMAINS = ["example.com", "example.co.uk", "example.org", "example.net", "mail.example.com",
                 "nhs.example", "post.example.co.uk", "example.ac.uk", "home.example"]
PLACES_NOUNS = [
    "St Mary's ward", "Florence Nightingale Wing", "Wigan", "Mansfield", "St Helens",
    "Rose Ward", "Grace Ward", "Mary Seacole Ward", "Edith Cavell Ward", "Nye Bevan Unit",
    "Queen Elizabeth site", "Royal Albert Edward Infirmary", "St Luke's Hospice",
    "Jubilee Clinic", "Alexandra Wing", "Princess Royal Unit", "Victoria Ward", "Bluebell Unit",
    "St Anne's chapel", "Hope Hospital", "Ysbyty Gwynedd", "Ninewells", "Leigh Infirmary",
    "Royal Bolton", "Kings Mill Hospital", "Llandough", "Trafford General", "Abbey Court",
]
DRUGS = ["Paracetamol 500mg tablets", "Amoxicillin", "Sertraline", "Warfarin",
         "Co-codamol 30/500", "Adcal-D3", "Hydroxocobalamin", "Madopar", "Lasix", "Zoladex",
         "Keppra", "Epilim", "Tramadol", "Morphine sulfate", "Fentanyl patch",
         "Insulin Glargine (Lantus)", "Nitrofurantoin", "Levothyroxine", "Apixaban",
         "Edoxaban", "Gaviscon Advance", "Oramorph", "Fortisip", "Movicol", "Senna",
         "Lansoprazole", "Ramipril", "Bisoprolol", "Doxazosin", "Mirtazapine", "Depakote",
         "Haloperidol", "Buscopan", "Laxido", "Ensure Plus", "Donepezil", "Rivastigmine"]


def _d(rng: random.Random, a: int, b: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(rng.randint(a, b)))


def mod11_check(nine: str) -> int | None:
    """NHS/CHI style check digit for 9 digits; None when the remainder gives 10 (invalid)."""
    total = sum(int(c) * w for c, w in zip(nine, range(10, 1, -1)))
    r = 11 - (total % 11)
    if r == 11:
        r = 0
    return None if r == 10 else r


def is_mod11_valid(ten: str) -> bool:
    return len(ten) == 10 and ten.isdigit() and mod11_check(ten[:9]) == int(ten[9])


def gen_nhs(rng: random.Random) -> str:
    while True:
        nine = str(rng.choice([4, 4, 6, 7, 9])) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        c = mod11_check(nine)
        if c is not None:
            return nine + str(c)


def gen_ten_invalid(rng: random.Random, first: str | None = None) -> str:
    while True:
        s = (first or str(rng.randint(1, 9)))
        s += "".join(str(rng.randint(0, 9)) for _ in range(10 - len(s)))
        if not is_mod11_valid(s):
            return s


def gen_date(rng: random.Random, y0: int, y1: int) -> _dt.date:
    start = _dt.date(y0, 1, 1).toordinal()
    end = _dt.date(y1, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(start, end))


def gen_dob(rng: random.Random) -> _dt.date:
    return gen_date(rng, 1925, 2010)


def gen_chi(rng: random.Random, dob: _dt.date | None = None) -> str:
    dob = dob or gen_dob(rng)
    while True:
        nine = dob.strftime("%d%m%y") + "".join(str(rng.randint(0, 9)) for _ in range(3))
        c = mod11_check(nine)
        if c is not None:
            return nine + str(c)


_NI_FIRST = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in "DFIQUV"]
_NI_SECOND = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in "DFIOQUV"]
_NI_BAD = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def gen_ni(rng: random.Random) -> str:
    while True:
        p = rng.choice(_NI_FIRST) + rng.choice(_NI_SECOND)
        if p not in _NI_BAD:
            return p + "".join(str(rng.randint(0, 9)) for _ in range(6)) + rng.choice("ABCD")


def gen_postcode(rng: random.Random) -> str:
    if rng.random() < 0.06:
        outward = rng.choice(POSTCODE_SPECIAL_OUTWARD)
    else:
        area, districts = rng.choice(POSTCODE_AREAS)
        outward = f"{area}{rng.choice(districts)}"
    return f"{outward} {rng.randint(0, 9)}{rng.choice(UNIT_LETTERS)}{rng.choice(UNIT_LETTERS)}"


def gen_phone_digits(rng: random.Random) -> str:
    """National-format digits (11 digits, leading 0) from a drama range."""
    prefix, block = rng.choice(PHONE_RANGES)
    block = block.replace(" ", "")
    need = 11 - len(prefix) - len(block)
    return prefix + block + "".join(str(rng.randint(0, 9)) for _ in range(need))


def fmt_phone(rng: random.Random, digits: str, style: str | None = None) -> str:
    mobile = digits.startswith("07")
    if digits.startswith("02"):
        area, rest = digits[:3], digits[3:]
        local = f"{rest[:4]} {rest[4:]}"
    elif digits.startswith("01") and digits[3] == "1" or digits[:4] in ("0121", "0131", "0141", "0151", "0161", "0191", "0113", "0114", "0115", "0116", "0117", "0118"):
        area, rest = digits[:4], digits[4:]
        local = f"{rest[:3]} {rest[3:]}"
    else:
        area, rest = digits[:5], digits[5:]
        local = rest
    styles = ["std", "plain", "intl", "intl0", "dash", "paren", "0044", "split3"]
    style = style or rng.choice(styles)
    if style == "plain":
        return digits
    if style == "intl":
        return f"+44 {area[1:]} {local}"
    if style == "intl0":
        return f"+44 (0){area[1:]} {local}"
    if style == "0044":
        return f"0044 {area[1:]} {local}"
    if style == "dash":
        return f"{area}-{local.replace(' ', '-')}" if " " in local else f"{area}-{local[:3]}-{local[3:]}"
    if style == "paren":
        return f"({area}) {local}"
    if style == "split3" and mobile:
        return f"{digits[:5]} {digits[5:8]} {digits[8:]}"
    return f"{area} {local}"


def gen_phone(rng: random.Random) -> str:
    return fmt_phone(rng, gen_phone_digits(rng))


def _ascii_local(s: str) -> str:
    import unicodedata
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return "".join(c for c in s.lower() if c.isalnum() or c in "-")


def gen_email(rng: random.Random, fn: str | None = None, sn: str | None = None) -> str:
    fn = _ascii_local(fn or rng.choice(FORENAMES)) or "x"
    sn = _ascii_local(sn or rng.choice(SURNAMES)) or "y"
    style = rng.randint(0, 6)
    local = [f"{fn}.{sn}", f"{fn[0]}{sn}", f"{fn}_{sn}{rng.randint(1, 99)}", f"{sn}.{fn}",
             f"{fn}{rng.randint(1950, 2005)}", f"{fn[0]}.{sn}{rng.randint(1, 9)}",
             f"{sn}{fn[0]}"][style]
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def gen_street(rng: random.Random, abbreviate: bool = False) -> str:
    suf = rng.choice(STREET_SUFFIX)
    if abbreviate and suf in STREET_ABBR:
        suf = STREET_ABBR[suf]
    return f"{rng.choice(STREETS)} {suf}"


def gen_address_line(rng: random.Random, with_town: bool = False, abbreviate: bool = False) -> str:
    num = rng.randint(1, 240)
    r = rng.random()
    if r < 0.12:
        line = f"Flat {rng.randint(1, 30)}, {num} {gen_street(rng, abbreviate)}"
    elif r < 0.18:
        line = f"{num}{rng.choice('ABC')} {gen_street(rng, abbreviate)}"
    elif r < 0.24:
        line = f"{rng.choice(['Rose Cottage', 'The Old Forge', 'Bryn Awel', 'Ty Gwyn', 'Hillside'])}, {gen_street(rng, abbreviate)}"
    else:
        line = f"{num} {gen_street(rng, abbreviate)}"
    if with_town:
        line += f", {rng.choice(TOWNS)}"
    return line


def gen_hospital_number(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.45:
        return rng.choice(["RX", "RM", "RBA", "RXH", "K", "M", "H", "RJ", "W"]) + _d(rng, 6, 7)
    if r < 0.55:
        return rng.choice(["A", "B", "D"]) + _d(rng, 6, 6) + rng.choice("ABCDEFGHJ")
    return _d(rng, 7, 8)


def gen_uprn(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.55:
        return "100" + _d(rng, 9, 9)
    if r < 0.8:
        return str(rng.randint(10, 20)) + _d(rng, 9, 9)
    return str(rng.randint(1, 9)) + _d(rng, 5, 8)


def gen_passport(rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + _d(rng, 8, 8)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }".replace(" ", "")


def fmt_date(rng: random.Random, d: _dt.date, style: str | None = None) -> str:
    styles = ["dmy", "iso", "d_mon_y", "dmy2", "dot", "ord", "d_month_y", "dmy_dash", "us_ish"]
    style = style or rng.choice(styles)
    if style == "dmy":
        return d.strftime("%d/%m/%Y")
    if style == "iso":
        return d.isoformat()
    if style == "d_mon_y":
        return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "dmy2":
        return d.strftime("%d/%m/%y")
    if style == "dot":
        return f"{d.day}.{d.month}.{d.year}"
    if style == "ord":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "d_month_y":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "dmy_dash":
        return d.strftime("%d-%m-%Y")
    return f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}"


def fmt_postcode(rng: random.Random, pc: str, style: str | None = None) -> str:
    style = style or rng.choice(["std", "std", "lower", "nospace", "lower_nospace", "double"])
    if style == "lower":
        return pc.lower()
    if style == "nospace":
        return pc.replace(" ", "")
    if style == "lower_nospace":
        return pc.replace(" ", "").lower()
    if style == "double":
        return pc.replace(" ", "  ")
    return pc


def fmt_nhs(rng: random.Random, n: str, style: str | None = None) -> str:
    style = style or rng.choice(["334", "334", "plain", "dash", "433", "nospace_mid"])
    if style == "334":
        return f"{n[:3]} {n[3:6]} {n[6:]}"
    if style == "dash":
        return f"{n[:3]}-{n[3:6]}-{n[6:]}"
    if style == "433":
        return f"{n[:3]} {n[3:]}"
    if style == "nospace_mid":
        return f"{n[:6]} {n[6:]}"
    return n


def sci(digits: str, style: str = "E") -> str:
    """Spreadsheet-style scientific rendering of an integer string, full precision."""
    mant = digits[1:].rstrip("0")
    exp = len(digits) - 1
    m = digits[0] + ("." + mant if mant else "")
    if style == "E":
        return f"{m}E{exp}"
    if style == "e+":
        return f"{m}e+{exp:02d}"
    # lossy Excel display, 6 significant digits
    return f"{float(digits):.5E}"


def thousands(digits: str) -> str:
    return f"{int(digits):,}"


# --------------------------------------------------------------------------------------
# column builders
# --------------------------------------------------------------------------------------

def _blank(rng: random.Random, p: float) -> bool:
    return rng.random() < p


def _free_text_column(rng, n, filler, make_id, p_id, p_blank=0.15):
    out = []
    for _ in range(n):
        if _blank(rng, p_blank):
            out.append(None)
        elif rng.random() < p_id:
            out.append(make_id())
        else:
            out.append(filler())
    return out


def _filler_factory(rng: random.Random):
    def num(a, b):
        return str(rng.randint(a, b))

    def visit():
        return fmt_date(rng, gen_date(rng, 2021, 2025), rng.choice(["dmy", "d_mon_y", "dmy2", "ord"]))

    templates = [
        lambda: f"Reviewed on {rng.choice(PLACES_NOUNS)}, obs stable, NEWS2 {num(0, 4)}.",
        lambda: f"Paracetamol 1g QDS, amlodipine {rng.choice(['5', '10'])}mg OD. Pain {num(0, 10)}/10.",
        lambda: f"Transferred to {rng.choice(PLACES_NOUNS)} bed {num(1, 28)} at {num(0, 23)}:{rng.choice(['00', '15', '30', '45'])}.",
        lambda: f"Seen by district nurse; dressing changed (Allevyn {num(5, 20)}x{num(5, 20)}cm).",
        lambda: f"Follow-up booked {visit()} at {rng.choice(PLACES_NOUNS)}.",
        lambda: f"Datix {num(10000, 99999)} raised re fall on ward {num(1, 40)}.",
        lambda: f"Moved from {rng.choice(TOWNS)} to {rng.choice(TOWNS)} in {num(2005, 2023)}.",
        lambda: f"Weight {num(40, 120)}.{num(0, 9)}kg, BP {num(100, 170)}/{num(55, 100)}, HR {num(50, 110)}.",
        lambda: f"MDT discussion {visit()}; plan to continue current care package ({num(2, 4)} calls/day).",
        lambda: f"Social worker to liaise with {rng.choice(['Wigan', 'Bolton', 'Cardiff', 'Mansfield'])} Council re equipment.",
        lambda: f"Insulin {num(4, 30)} units at 08:00 and 22:00. CBG {num(4, 15)}.{num(0, 9)}.",
        lambda: "No concerns raised by family.",
        lambda: "Declined flu vaccine. Capacity assessed.",
        lambda: f"Chaplain from {rng.choice(['St Anne', 'St Mary', 'St Joseph', 'St David'])}'s visited.",
        lambda: f"Order ref {num(100000, 9999999)} for hospital bed; delivery {visit()}.",
        lambda: f"Awaiting bed on {rng.choice(['Nightingale', 'Rose Ward', 'Hope Unit', 'Grace Ward'])}.",
        lambda: f"Aged {num(18, 99)}, lives alone, independent with ADLs.",
        lambda: f"Call ext {num(2000, 4999)} for handover. Bleep {num(100, 999)}.",
        lambda: "Prefers Welsh language (Cymraeg) for correspondence.",
        lambda: f"Warfarin held; INR {num(1, 5)}.{num(0, 9)} on {visit()}.",
    ]

    def filler():
        k = rng.choice([1, 1, 2, 2, 3])
        return " ".join(rng.choice(templates)() for _ in range(k))

    return filler


def make_heldout2_columns(seed: int = 7, rows: int = 2000):
    n = rows
    cols: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}

    def R(name: str) -> random.Random:
        return random.Random(f"heldout2:{seed}:{name}")

    def add(name, values, kind, category, free_text=False):
        assert len(values) == n, name
        assert name not in cols, name
        direct = kind not in (None, "date_of_birth", "postcode")
        cols[name] = values
        labels[name] = {"kind": kind, "direct": direct, "free_text": free_text, "category": category}

    def col(name, fn, blank=0.0):
        rng = R(name)
        return [None if (blank and rng.random() < blank) else fn(rng) for _ in range(n)]

    # ---------------------------------------------------------------- a) free text minority
    def ft(name, make_id, p_id, kind, p_blank=0.15):
        rng = R(name)
        filler = _filler_factory(rng)
        add(name, _free_text_column(rng, n, filler, lambda: make_id(rng, filler), p_id, p_blank),
            kind, "a", free_text=True)

    ft("comments", lambda r, f: r.choice([
        f"Contact on {gen_phone(r)} after 5pm.", f"{f()} Mob {gen_phone(r)}.",
        f"New number given: {gen_phone(r)}", f"Tel {gen_phone(r)} (home) - {f()}"]), 0.10, "phone")
    ft("discharge_summary", lambda r, f: r.choice([
        f"NHS no. {fmt_nhs(r, gen_nhs(r))} confirmed with patient. {f()}",
        f"{f()} NHS number {fmt_nhs(r, gen_nhs(r))}.", f"Discharged home. nhs {fmt_nhs(r, gen_nhs(r))}",
        f"PDS trace ok ({fmt_nhs(r, gen_nhs(r))}). {f()}"]), 0.07, "nhs_number")

    def _full(r):
        return f"{r.choice(FORENAMES)} {r.choice(SURNAMES)}"
    ft("referral_reason", lambda r, f: r.choice([
        f"Referral for {_full(r)} following fall at home. {f()}",
        f"{_full(r)} - memory concerns, {f()}", f"Please see {_full(r)}, {f()}",
        f"{f()} Re: {_full(r).upper()}"]), 0.12, "full_name")
    ft("contact_log", lambda r, f: r.choice([
        f"Emailed {gen_email(r)} re appointment.", f"{f()} Prefers email: {gen_email(r)}",
        f"Bounce from {gen_email(r).upper()}", f"Sent letter copy to <{gen_email(r)}>"]), 0.06, "email")
    ft("housing_notes", lambda r, f: r.choice([
        f"Now living at {gen_address_line(r, with_town=r.random() < 0.5)}. {f()}",
        f"{f()} Temporary address {gen_address_line(r, abbreviate=True)}",
        f"Moved to {gen_address_line(r)}, ground floor", f"Key safe at {gen_address_line(r).lower()}"]),
        0.10, "address")
    ft("remarks", lambda r, f: r.choice([
        f"NI no {gen_ni(r)} for PIP claim.", f"{f()} NINO: {gen_ni(r)}",
        f"Benefits check, NI {gen_ni(r)[:2]} {gen_ni(r)[2:4]} {r.randint(10, 99)} {r.randint(10, 99)} {r.choice('ABCD')}",
        f"DWP form - {gen_ni(r).lower()}"]), 0.08, "ni_number")

    def _gp_letter_filler(r):
        return r.choice([
            f"Letter dated {fmt_date(r, gen_date(r, 2020, 2025), 'dmy')} from {r.choice(PLACES_NOUNS)} clinic.",
            f"Seen {fmt_date(r, gen_date(r, 2020, 2025))}, review in 3/12.",
            f"Dictated {fmt_date(r, gen_date(r, 2021, 2025), 'dmy')}, typed {fmt_date(r, gen_date(r, 2021, 2025), 'dmy')}.",
            "Thank you for referring this pleasant lady.", "Plan: bloods, ECG, repeat in 6/52."])
    rng_a7 = R("gp_letter_extract")
    add("gp_letter_extract", [
        None if rng_a7.random() < 0.15 else (
            rng_a7.choice([f"DOB {fmt_date(rng_a7, gen_dob(rng_a7), 'dmy')}. ",
                           f"D.O.B: {fmt_date(rng_a7, gen_dob(rng_a7))} ",
                           f"(born {fmt_date(rng_a7, gen_dob(rng_a7), 'ord')}) "]) + _gp_letter_filler(rng_a7)
            if rng_a7.random() < 0.10 else _gp_letter_filler(rng_a7))
        for _ in range(n)], "date_of_birth", "a", free_text=True)
    ft("safeguarding_notes", lambda r, f: r.choice([
        f"Concern raised by neighbour, area {fmt_postcode(r, gen_postcode(r))}. {f()}",
        f"{f()} Now staying in {fmt_postcode(r, gen_postcode(r))}.",
        f"Police attended ({fmt_postcode(r, gen_postcode(r), 'std')})"]), 0.05, "postcode")
    for trap in ("clinical_comments", "incident_description", "audit_comment"):
        rng = R(trap)
        filler = _filler_factory(rng)
        extra = {
            "clinical_comments": lambda r: f"Dose {r.randint(1, 500)}mg at {r.randint(0, 23):02d}:{r.choice(['00', '30'])}. " + filler(),
            "incident_description": lambda r: f"Staff Nurse and HCA attended, Datix W{r.randint(100000, 999999)}. " + filler(),
            "audit_comment": lambda r: f"Audit {fmt_date(r, gen_date(r, 2022, 2025), 'dmy')}: order {r.randint(4500000000, 4509999999)} ext {r.randint(2000, 4999)}. " + filler(),
        }[trap]
        add(trap, [None if rng.random() < 0.15 else (extra(rng) if rng.random() < 0.4 else filler())
                   for _ in range(n)], None, "a", free_text=True)

    # ---------------------------------------------------------------- b) spreadsheet damage
    add("nhs_no", col("nhs_no", lambda r: gen_nhs(r) + (".0" if r.random() < 0.6 else "")), "nhs_number", "b")

    def _nhs_sci(r):
        v = gen_nhs(r)
        x = r.random()
        if x < 0.3:
            return sci(v, "E")
        if x < 0.45:
            return sci(v, "e+")
        if x < 0.55:
            return sci(v, "lossy")
        return v
    add("NHSNumber", col("NHSNumber", _nhs_sci, blank=0.05), "nhs_number", "b")

    def _chi_dmg(r):
        v = gen_chi(r)
        v = str(int(v))  # numeric: loses leading zero for days 01-09
        return v + (".0" if r.random() < 0.3 else "")
    add("chi", col("chi", _chi_dmg), "chi_number", "b")

    def _uprn_dmg(r):
        v = gen_uprn(r)
        x = r.random()
        return thousands(v) if x < 0.4 else (v + ".0" if x < 0.7 else v)
    add("uprn", col("uprn", _uprn_dmg, blank=0.1), "uprn", "b")

    def _hosp_dmg(r):
        v = ("0" + _d(r, 6, 7)) if r.random() < 0.4 else _d(r, 7, 8)
        v = str(int(v))
        return v + (".0" if r.random() < 0.5 else "")
    add("hosp_no", col("hosp_no", _hosp_dmg), "hospital_number", "b")

    def _mobile_dmg(r):
        v = gen_phone_digits(r)
        if not v.startswith("07"):
            v = "07700900" + _d(r, 3, 3)
        x = r.random()
        if x < 0.5:
            return v[1:]
        if x < 0.65:
            return sci(v[1:], "E")
        if x < 0.8:
            return "+44" + v[1:]
        if x < 0.85:
            return "44" + v[1:] + ".0"
        return v
    add("mobile", col("mobile", _mobile_dmg, blank=0.2), "phone", "b")

    def _pass_dmg(r):
        v = gen_passport(r)
        x = r.random()
        return v + ".0" if x < 0.3 else (sci(v, "E") if x < 0.45 else v)
    add("passport_no", col("passport_no", _pass_dmg, blank=0.4), "passport", "b")
    add("cost_gbp", col("cost_gbp", lambda r: f"{r.uniform(1, 250000):,.2f}"), None, "b")
    add("result_value", col("result_value", lambda r: r.choice([
        f"{r.uniform(1, 9.9):.1f}E-{r.randint(1, 4)}", f"{r.uniform(1, 9.9):.2f}E+0{r.randint(2, 9)}",
        f"{r.uniform(0, 200):.2f}", str(r.randint(1, 999))])), None, "b")
    add("record_count", col("record_count", lambda r: f"{r.randint(0, 5000)}.0"), None, "b")

    def _batch(r):
        v = gen_ten_invalid(r)
        x = r.random()
        return v + ".0" if x < 0.4 else (sci(v, "E") if x < 0.6 else v)
    add("batch_id", col("batch_id", _batch), None, "b")

    # ---------------------------------------------------------------- c) annotated names
    def _nok(r):
        fn, sn, rel = r.choice(FORENAMES), r.choice(SURNAMES), r.choice(RELATIONS)
        return r.choice([f"{fn} {sn} ({rel})", f"{sn.upper()}, {fn} - {rel}", f"{r.choice(TITLES[:4])} {fn[0]} {sn} ({rel})",
                         f"{fn} {sn}, {rel}, lives locally", f"{fn} ({rel})", f"{rel.capitalize()}: {fn} {sn}",
                         f"{fn} {sn} (deceased)"])
    add("next_of_kin", col("next_of_kin", _nok, blank=0.7), "full_name", "c")

    def _pname(r):
        fn, sn = r.choice(FORENAMES), r.choice(SURNAMES)
        return r.choice([f"{r.choice(TITLES[:5])} {fn} {sn.upper()}", f"{r.choice(TITLES[:4])} {fn} {sn} (deceased)",
                         f"{fn[0]}. {sn}", f"{sn.upper()} {fn}", f"{r.choice(TITLES[:4])} {fn[0]} {sn}",
                         f"{fn} {sn}", f"{fn} {sn} - DECEASED", f"Baby {sn}", f"{fn} {r.choice('ABCDEJMR')}. {sn}"])
    add("patient_name", col("patient_name", _pname, blank=0.5), "full_name", "c")
    add("carer_details", col("carer_details", lambda r: r.choice([
        f"{r.choice(FORENAMES)} {r.choice(SURNAMES)} - {r.choice(RELATIONS)}",
        f"{r.choice(FORENAMES)} {r.choice(SURNAMES)} (paid carer, {r.choice(['Helping Hands', 'Bluebird Care', 'Home Instead'])})",
        f"{r.choice(RELATIONS).capitalize()} - {r.choice(FORENAMES)} {r.choice(SURNAMES)}",
        f"{r.choice(FORENAMES)} {r.choice(SURNAMES)} & {r.choice(FORENAMES)} {r.choice(SURNAMES)} (sons)"]), blank=0.85),
        "full_name", "c")
    add("gp_name", col("gp_name", lambda r: r.choice([
        f"Dr {r.choice('ABCDEFGHJKLMNPRSTW')}. {r.choice(SURNAMES)}", f"Dr {r.choice(SURNAMES)} (locum)",
        f"Dr {r.choice('ABCDEFGHJKLMNPRSTW')} {r.choice(SURNAMES)}", f"Dr. {r.choice(FORENAMES)} {r.choice(SURNAMES)}",
        f"DR {r.choice(SURNAMES).upper()}", f"{r.choice(SURNAMES)}, Dr {r.choice('ABCDEFGHJ')}"]), blank=0.6),
        "full_name", "c")
    add("first_name", col("first_name", lambda r: r.choice([
        r.choice(FORENAMES), r.choice(FORENAMES), f"{r.choice(FORENAMES)[0]}.",
        f"{r.choice(FORENAMES)} (pref. {r.choice(NICKNAMES)})", r.choice(FORENAMES).upper(),
        r.choice(FORENAMES).lower()]), blank=0.8), "forename", "c")
    add("maiden_name", col("maiden_name", lambda r: r.choice([
        f"née {r.choice(SURNAMES)}", r.choice(SURNAMES), f"(nee) {r.choice(SURNAMES)}", r.choice(SURNAMES).upper(),
        f"{r.choice(SURNAMES)} (prev.)"]), blank=0.9), "surname", "c")
    add("known_as", col("known_as", lambda r: r.choice(NICKNAMES + FORENAMES_WORDS[:10] + ["Mo", "Jas"]), blank=0.75),
        "forename", "c")
    add("signed_by_role", col("signed_by_role", lambda r: r.choice([
        "Staff Nurse", "Consultant (locum)", "HCA", "Ward Sister", "Band 6 DN", "Registrar",
        "Senior Social Worker", "OT", "Physio", "Pharmacist", "FY1", "Matron", "Advanced Nurse Practitioner",
        "Duty SW", "Care Coordinator"]), blank=0.6), None, "c")
    add("relationship", col("relationship", lambda r: r.choice(RELATIONS + [
        "son (deceased)", "wife (LPA)", "daughter - main carer", "none recorded", "Self"]), blank=0.5), None, "c")
    add("title", col("title", lambda r: r.choice(TITLES + ["Master", "Lady", "Sir"]), blank=0.3), None, "c")

    # ---------------------------------------------------------------- d) misleading headers
    def _notes(r):
        bits = [
            f"Transferred from {r.choice(PLACES_NOUNS)} to {r.choice(PLACES_NOUNS)} at {r.randint(0, 23):02d}:{r.choice(['05', '20', '40'])}.",
            f"Reviewed in {r.choice(TOWNS)} clinic; follow-up {r.choice(TOWNS)} in {r.randint(2, 12)}/52.",
            f"Attended {r.choice(PLACES_NOUNS)} day unit.", f"Handover on {r.choice(PLACES_NOUNS)} bay {r.randint(1, 6)} bed {r.randint(1, 6)}.",
            "Discussed at Tuesday MDT.", f"Chaplain from St {r.choice(['Anne', 'Luke', 'Patrick', 'David', 'Andrew'])}'s visited.",
            "Diet: Halal.", "Prefers Welsh (Cymraeg).", f"Moved to {r.choice(['Grace', 'Rose', 'Hope', 'Faith', 'Ivy'])} Ward.",
            f"Easter Monday clinic cancelled; rebooked for Whit week at {r.choice(PLACES_NOUNS)}.",
            "Patient attends Kingdom Hall and Salvation Army lunch club.", "Christmas card from Mansfield Rotary.",
            "Florence Nightingale Wing lift out of order.", f"Blood bank at {r.choice(['Ninewells', 'Ysbyty Gwynedd', 'Royal Bolton'])} informed.",
        ]
        return " ".join(r.sample(bits, r.randint(1, 3)))
    add("notes", col("notes", _notes, blank=0.2), None, "d", free_text=True)
    add("nhs_ref", col("nhs_ref", lambda r: r.choice([
        f"PO-{r.randint(2019, 2025)}-{r.randint(1, 99999):06d}", gen_ten_invalid(r, "45"),
        f"NHSSC{r.randint(10000000, 99999999)}", f"ORD{r.randint(100000, 999999)}"])), None, "d")
    add("name", col("name", lambda r: r.choice(DRUGS)), None, "d")
    add("team_name", col("team_name", lambda r: r.choice([
        f"{r.choice(TOWNS)} North CMHT", f"{r.choice(TOWNS)} Memory Service", f"{r.choice(TOWNS)} District Nurses",
        f"Team {r.choice(FORENAMES_WORDS)}", f"Crisis Resolution & Home Treatment ({r.choice(TOWNS)})",
        "St Mary's Liaison", "Florence Nightingale Community Team", "Reablement East", f"Cluster {r.randint(1, 12)}"])),
        None, "d")
    add("postcode_checked", col("postcode_checked", lambda r: r.choice(["Y", "N", "Y", "Y", "y", "n"]), blank=0.1), None, "d")
    add("dob_verified", col("dob_verified", lambda r: r.choice(["TRUE", "FALSE", "TRUE", "Yes", "No", "1", "0"])), None, "d")
    add("address_type", col("address_type", lambda r: r.choice([
        "Home", "Care home", "Temporary", "NFA", "Hostel", "Correspondence", "Nursing home", "Prison"])), None, "d")
    add("phone_outcome", col("phone_outcome", lambda r: r.choice([
        "No answer", "Left voicemail", "Spoke to patient", "Number unobtainable", "Wrong number",
        "Spoke to daughter", "Engaged - retry 14:00"]), blank=0.1), None, "d")
    add("surname_match_score", col("surname_match_score", lambda r: f"{r.random():.3f}"), None, "d")
    add("reference", col("reference", lambda r: gen_ni(r) if r.random() < 0.92 else r.choice(["N/A", "TBC", "awaiting"])),
        "ni_number", "d")
    add("location", col("location", lambda r: gen_address_line(r, with_town=r.random() < 0.6, abbreviate=r.random() < 0.3),
                        blank=0.1), "address", "d")

    # ---------------------------------------------------------------- e) coded headers
    add("field_23", col("field_23", gen_nhs), "nhs_number", "e")
    add("col_17", col("col_17", gen_postcode, blank=0.05), "postcode", "e")
    add("V3", col("V3", lambda r: fmt_date(r, gen_dob(r), "dmy")), "date_of_birth", "e")
    add("Unnamed: 4", col("Unnamed: 4", lambda r: r.choice(SURNAMES)), "surname", "e")
    add("col_5", col("col_5", gen_email, blank=0.3), "email", "e")
    add("field_7", col("field_7", gen_phone, blank=0.15), "phone", "e")
    add("V12", col("V12", gen_ni), "ni_number", "e")
    add("X1", col("X1", lambda r: r.choice(FORENAMES)), "forename", "e")
    add("Unnamed: 14", col("Unnamed: 14", gen_uprn), "uprn", "e")
    add("Unnamed: 9", col("Unnamed: 9", lambda r: r.choice([
        f"B{r.randint(1, 14)}-{r.randint(1, 6)}", f"Bay {r.randint(1, 6)}", f"SR{r.randint(1, 8)}", str(r.randint(1, 30))])),
        None, "e")
    snomed = ["22298006", "38341003", "44054006", "195967001", "13645005", "73211009", "35489007",
              "197480006", "230690007", "49436004", "84114007", "90708001", "26929004", "363346000",
              "271737000", "399211009", "840539006", "386661006", "267036007", "25064002",
              "161891005", "68566005", "233604007", "55822004", "414545008", "59621000", "709044004",
              "1240751000000100", "1129631000000105", "999000011000000103", "698271000", "410429000"]
    add("field_31", col("field_31", lambda r: r.choice(snomed)), None, "e")
    add("col_2", [str(i + 1) for i in range(n)], None, "e")
    add("V8", col("V8", lambda r: fmt_date(r, gen_date(r, 2019, 2025), "dmy")), None, "e")

    # ---------------------------------------------------------------- f) mixed formats
    add("nhs_number", col("nhs_number", lambda r: fmt_nhs(r, gen_nhs(r)), blank=0.05), "nhs_number", "f")
    add("date_of_birth", col("date_of_birth", lambda r: fmt_date(r, gen_dob(r))), "date_of_birth", "f")
    add("postcode", col("postcode", lambda r: fmt_postcode(r, gen_postcode(r)), blank=0.05), "postcode", "f")
    add("telephone", col("telephone", gen_phone, blank=0.1), "phone", "f")

    def _ni_mixed(r):
        v = gen_ni(r)
        return r.choice([v, v.lower(), f"{v[:2]} {v[2:4]} {v[4:6]} {v[6:8]} {v[8]}", f"{v[:2]}{v[2:8]} {v[8]}",
                         f"{v[:2]}-{v[2:8]}-{v[8]}", v[:8]])  # last: suffix omitted (allowed by DWP)
    add("ni_no", col("ni_no", _ni_mixed, blank=0.1), "ni_number", "f")

    def _email_mixed(r):
        v = gen_email(r)
        return r.choice([v, v.upper(), f"mailto:{v}", f"<{v}>", v.title(), f" {v} ",
                         f"{r.choice(FORENAMES)} {r.choice(SURNAMES)} <{v}>"])
    add("email_address", col("email_address", _email_mixed, blank=0.25), "email", "f")
    add("address_line_1", col("address_line_1", lambda r: r.choice([
        gen_address_line(r), gen_address_line(r, abbreviate=True).lower(), gen_address_line(r).upper(),
        gen_address_line(r, with_town=True)])), "address", "f")

    def _chi_mixed(r):
        v = gen_chi(r)
        return r.choice([f"{v[:6]} {v[6:]}", v, f"{v[:2]}-{v[2:4]}-{v[4:6]}-{v[6:]}", f"{v[:6]}-{v[6:]}",
                         f"{v[:3]} {v[3:6]} {v[6:]}"])
    add("chi_no", col("chi_no", _chi_mixed, blank=0.05), "chi_number", "f")

    def _mrn_mixed(r):
        digits = _d(r, 7, 7)
        p = r.choice(["RX", "RM", "RBA", "K", "M"])
        return r.choice([f"{p}{digits}", f"{p.lower()} {digits[:3]} {digits[3:]}", f"{p}-{digits}", digits,
                         f"{p} {digits}", f"{p}{digits[:4]}/{digits[4:]}"])
    add("mrn", col("mrn", _mrn_mixed), "hospital_number", "f")
    add("passport_number", col("passport_number", lambda r: (lambda v: r.choice(
        [v, f"{v[:3]} {v[3:6]} {v[6:]}", v, f"GBR{v}"]))(gen_passport(r)), blank=0.5), "passport", "f")
    add("appointment_date", col("appointment_date", lambda r: fmt_date(r, gen_date(r, 2018, 2026))), None, "f")

    # ---------------------------------------------------------------- g) look-alikes
    add("account_number", col("account_number", gen_ten_invalid), None, "g")
    add("created_epoch", col("created_epoch", lambda r: str(r.randint(1_400_000_000, 1_780_000_000))), None, "g")
    add("lab_accession", col("lab_accession", lambda r: r.choice([
        f"L{r.randint(19, 25)}-{r.randint(0, 9999999):07d}", f"{r.randint(19, 25)}H{r.randint(0, 9999999):07d}",
        f"{r.choice(['BB', 'MB', 'HA', 'CH'])}{r.randint(19, 25)}{r.randint(0, 999999):06d}"])), None, "g")
    add("invoice_no", col("invoice_no", lambda r: r.choice([
        f"INV-{r.randint(1, 999999):06d}", f"INV{r.randint(2019, 2025)}/{r.randint(1, 9999):04d}",
        str(r.randint(10000000, 99999999))])), None, "g")
    add("snomed_code", col("snomed_code", lambda r: r.choice(snomed)), None, "g")

    def _ods(r):
        L = "ABCDEFGHJKLMNPQRSTVWXY"
        return r.choice([f"R{r.choice(L)}{r.choice(L + '0123456789')}", f"{r.choice(L)}{r.randint(80000, 89999)}",
                         f"Y0{r.randint(1000, 9999)}", f"{r.randint(0, 99):02d}{r.choice(L)}",
                         f"R{r.choice(L)}{r.choice(L)}{r.randint(1, 99):02d}"])
    add("ods_code", col("ods_code", _ods), None, "g")
    add("lsoa_code", col("lsoa_code", lambda r: r.choice(["E01", "E01", "E01", "W01", "E02"]) + f"{r.randint(1, 33768):06d}"),
        None, "g")
    add("lsoa_name", col("lsoa_name", lambda r: f"{r.choice(TOWNS)} {r.randint(1, 40):03d}{r.choice('ABCDEF')}"), None, "g")
    add("date_of_referral", col("date_of_referral", lambda r: fmt_date(r, gen_date(r, 2015, 2025), r.choice(["iso", "dmy"]))),
        None, "g")
    add("amount", col("amount", lambda r: r.choice([
        f"£{r.uniform(0, 50000):,.2f}", f"-£{r.uniform(0, 500):.2f}", f"{r.uniform(0, 9999):.1f}", f"GBP {r.randint(1, 99999)}"])),
        None, "g")
    add("bed_number", col("bed_number", lambda r: r.choice([
        f"Bed {r.randint(1, 32)}", str(r.randint(1, 32)), f"B{r.randint(1, 9)}", f"Side room {r.randint(1, 6)}"])), None, "g")
    add("extensions", col("extensions", lambda r: r.choice([
        f"x{(a := r.randint(2000, 4999))}; x{a + 1}", "/".join(str(r.randint(2000, 4999)) for _ in range(r.randint(2, 4))),
        f"ext. {r.randint(2000, 69999)}", f"{r.randint(2000, 4999)}, {r.randint(2000, 4999)}", f"bleep {r.randint(100, 999)}"]),
        blank=0.2), None, "g")
    add("product_description", col("product_description", lambda r: r.choice([
        "Smith & Nephew ALLEVYN Life 10.3cm x 10.3cm", "Smith & Nephew Opsite Flexifix 10cm x 1m",
        "Johnson & Johnson Band-Aid", "Mölnlycke Mepilex Border 15x15", "3M Tegaderm Film 6x7cm",
        "Convatec Aquacel Ag+ Extra", "Coloplast Biatain Silicone 12.5x12.5", "Urgo KTwo compression",
        "Smith & Nephew Durafiber 5x5cm", "Huntleigh Nimbus 4 mattress", "Arjo Maxi Move sling (M)",
        f"Becton Dickinson Vacutainer {r.choice(['4ml', '6ml', '10ml'])}"])), None, "g")

    def _gtin(r):
        base = str(r.choice([50, 501, 502, 503, 506, 0, 3])) + _d(r, 10, 10)
        base = base[:12] if r.random() < 0.7 else base[:11]
        total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(base)))
        return base + str((10 - total % 10) % 10)
    add("barcode", col("barcode", _gtin), None, "g")

    # ---------------------------------------------------------------- h) hard names
    add("forename", col("forename", lambda r: r.choice(FORENAMES_WORDS) if r.random() < 0.45 else r.choice(FORENAMES),
                        blank=0.05), "forename", "h")
    add("surname", col("surname", lambda r: r.choice(SURNAMES_HARD + SURNAMES_WORDS) if r.random() < 0.6 else r.choice(SURNAMES),
                       blank=0.05), "surname", "h")
    add("full_name", col("full_name", lambda r: r.choice(FOREIGN_FULL) if r.random() < 0.5 else
                         f"{r.choice(FORENAMES)} {r.choice(SURNAMES_HARD)}"), "full_name", "h")
    add("given_names", col("given_names", lambda r: r.choice([
        r.choice("ABCDEFGHIJKLMNOPRSTW"), f"{r.choice('ABCDEFGHJ')} {r.choice('ABCDEFGHJ')}", f"{r.choice('ABCDEJMR')}.",
        f"{r.choice('ABCDEJMR')}.{r.choice('ABCDEJMR')}.", r.choice(FORENAMES), f"{r.choice(FORENAMES)} {r.choice('ABCDEJ')}.",
        f"{r.choice(FORENAMES)} {r.choice(FORENAMES)}"])), "forename", "h")
    add("family_name", col("family_name", lambda r: r.choice(WELSH_SURNAMES)), "surname", "h")
    add("client", col("client", lambda r: r.choice([
        f"{r.choice(SURNAMES).upper()}, {r.choice(FORENAMES)}", f"{r.choice(SURNAMES)}, {r.choice(FORENAMES)[0]}",
        f"{r.choice(SURNAMES_HARD).upper()}, {r.choice(FORENAMES)} {r.choice('ABCDEJ')}"])), "full_name", "h")
    add("enw", col("enw", lambda r: f"{r.choice(WELSH_FORENAMES)} {r.choice(WELSH_SURNAMES)}"), "full_name", "h")
    add("name_on_referral", col("name_on_referral", lambda r: r.choice(SOUTH_ASIAN_ETC_FULL), blank=0.1), "full_name", "h")
    add("ward", col("ward", lambda r: r.choice([
        "Rose Ward", "Hope Unit", "Grace", "Ivy", "Bluebell", "Faith Ward", "Florence", "Nightingale", "Seacole",
        "Cavell", "Holly Ward", "Daisy Unit", "Iris", "Ruby Ward", "Heather Unit", "Jasmine", "Victoria",
        "Edith Cavell", "Mary Seacole", "Amber Suite"])), None, "h")
    add("site_name", col("site_name", lambda r: r.choice([
        "St Helens", "Mansfield", "Wigan", "Leigh", "Ashton", "Hope", "Florence Park", "Bolton", "Kingsway",
        "St Albans", "Holywell", "Mold", "Chester-le-Street", "Melton Mowbray", "Bishop Auckland", "Ely",
        "Stanley", "Sale", "Hyde", "Wells", "Barry", "Neath", "Shirley"])), None, "h")
    add("wellbeing_goal", col("wellbeing_goal", lambda r: r.choice([
        "hope", "Faith", "grace", "Joy", "peace", "Patience", "get back to bowls", "Walk to the Rose & Crown",
        "See Grace Darling museum", "Dawn walks", "Summer holiday in Rhyl", "Mark 50th anniversary",
        "Keep up Chapel on Sunday", "Sleep better"]), blank=0.3), None, "h")

    return cols, labels


if __name__ == "__main__":
    c, l = make_heldout2_columns()
    from collections import Counter
    print(len(c), "columns")
    print(Counter(v["category"] for v in l.values()))
    print("traps", sum(v["kind"] is None for v in l.values()), "ids", sum(v["kind"] is not None for v in l.values()))
