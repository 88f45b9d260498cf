"""Hand-written name pools and synthetic value generators for heldout3.

Everything here is invented or generic: NHS/CHI numbers are random digits with a
valid mod-11 check digit, phones come only from Ofcom's drama ranges, e-mail
domains are example.com / example.org / *.example.  Standard library only.
"""

from __future__ import annotations

import datetime
import random
import unicodedata

# --------------------------------------------------------------------------- names

FORENAMES = {
    "english": [
        "Katherine",
        "Robert",
        "William",
        "Elizabeth",
        "Margaret",
        "James",
        "Michael",
        "Patricia",
        "Thomas",
        "Susan",
        "Christopher",
        "Jennifer",
        "Anthony",
        "Harriet",
        "Oliver",
        "Edith",
        "Arthur",
        "Wendy",
        "Graham",
        "Beverley",
        "Zoë",
        "Chloë",
    ],
    "irish": [
        "Siobhán",
        "Seán",
        "Niamh",
        "Aoife",
        "Ciarán",
        "Pádraig",
        "Róisín",
        "Eoin",
        "Caoimhe",
        "Dónal",
    ],
    "scottish": [
        "Eilidh",
        "Hamish",
        "Morag",
        "Ailsa",
        "Iain",
        "Catriona",
        "Fraser",
        "Mhairi",
        "Lachlan",
        "Isla",
    ],
    "welsh": [
        "Siân",
        "Dafydd",
        "Rhiannon",
        "Gwenllïan",
        "Iolo",
        "Cerys",
        "Llŷr",
        "Bethan",
        "Emrys",
        "Angharad",
    ],
    "south_asian": [
        "Priya",
        "Rajesh",
        "Anjali",
        "Mohammed",
        "Farhana",
        "Gurpreet",
        "Harjit",
        "Sunita",
        "Imran",
        "Nusrat",
        "Arjun",
        "Deepa",
        "Abdullah",
        "Shabnam",
    ],
    "african": [
        "Oluwaseun",
        "Chidinma",
        "Kwame",
        "Amara",
        "Tendai",
        "Nkechi",
        "Kofi",
        "Adaeze",
        "Yaw",
        "Folasade",
    ],
    "arabic": [
        "Yousef",
        "Layla",
        "Omar",
        "Fatima",
        "Khalid",
        "Noor",
        "Hassan",
        "Mariam",
        "Tariq",
        "Rania",
    ],
    "polish": [
        "Małgorzata",
        "Łukasz",
        "Aleksandra",
        "Wojciech",
        "Agnieszka",
        "Piotr",
        "Zofia",
        "Krzysztof",
        "Józef",
    ],
    "chinese": ["Wei", "Xiaoling", "Jun", "Mei", "Hao", "Yan", "Zhiwei", "Lihua"],
    "vietnamese": ["Thảo", "Minh", "Linh", "Dũng", "Hương", "Quang", "Lan", "Tuấn"],
    "caribbean": [
        "Desmond",
        "Marcia",
        "Winston",
        "Claudette",
        "Delroy",
        "Yvonne",
        "Leroy",
        "Hyacinth",
        "Errol",
    ],
    "word": [
        "Hope",
        "Grace",
        "Joy",
        "Faith",
        "Rose",
        "Summer",
        "Sunny",
        "Dawn",
        "Hazel",
        "Holly",
        "Ivy",
        "Amber",
        "Pearl",
        "Will",
        "Mark",
        "Frank",
        "April",
        "May",
        "June",
        "Autumn",
        "River",
        "Brook",
    ],
}

SURNAMES = {
    "english": [
        "Smith",
        "Hughes",
        "Thompson",
        "Clarke",
        "Harrison",
        "Walker",
        "Pemberton",
        "Ashworth",
        "Fairclough",
        "Smith-Jones",
        "Holloway",
        "Cartwright",
    ],
    "irish": [
        "O'Neill",
        "O'Brien",
        "Ní Bhriain",
        "Mac Giolla",
        "Fitzgerald",
        "Ó Súilleabháin",
        "Byrne",
        "Walsh",
        "Kavanagh",
        "McGuinness",
    ],
    "scottish": [
        "MacDonald",
        "McLeod",
        "Campbell",
        "Mackintosh",
        "Urquhart",
        "Farquharson",
        "MacLean",
        "Dalgleish",
    ],
    "welsh": [
        "ap Rhys",
        "Llewelyn",
        "Pritchard",
        "ab Owain",
        "Prosser",
        "Gruffydd",
        "Vaughan",
        "Bevan",
    ],
    "south_asian": [
        "Patel",
        "Chaudhry",
        "Singh",
        "Kaur",
        "Begum",
        "Bhattacharya",
        "D'Souza",
        "Rahman",
        "Iqbal",
        "Venkataraman",
    ],
    "african": ["Okafor", "Adeyemi", "Mensah", "Nwosu", "Mutasa", "Osei-Bonsu", "Abubakar", "Eze"],
    "arabic": [
        "Al-Hashimi",
        "bin Rashid",
        "Haddad",
        "El-Masri",
        "Abu Bakr",
        "Al Nahyan",
        "Saleh",
        "Mansour",
    ],
    "polish": [
        "Kowalska",
        "Wiśniewski",
        "Nowak",
        "Wójcik",
        "Kamińska",
        "Lewandowski",
        "Zieliński",
        "Szymańska",
    ],
    "chinese": ["Chen", "Wang", "Li", "Zhang", "Liu", "Huang", "Zhou", "Wu"],
    "vietnamese": ["Nguyễn", "Trần", "Phạm", "Lê", "Hoàng", "Vũ", "Đặng", "Bùi"],
    "caribbean": [
        "Da Costa",
        "St Hilaire",
        "Beckford",
        "Grant",
        "McKenzie",
        "Chambers",
        "Thomas-Reid",
        "Gayle",
    ],
    "particle": [
        "van der Berg",
        "de la Cruz",
        "Van Dyke",
        "de Souza",
        "von Essen",
        "le Roux",
        "De'Ath",
        "d'Arcy",
    ],
    "word": [
        "Baker",
        "Bird",
        "Brown",
        "Church",
        "Hall",
        "Field",
        "Wood",
        "Moss",
        "Young",
        "Rice",
        "Sterling",
        "Green",
        "White",
        "King",
        "Little",
        "Long",
        "Cross",
        "Street",
        "Hill",
        "Lane",
        "Fox",
        "Lamb",
        "Cook",
        "Price",
        "Bell",
        "Bush",
        "Mills",
        "Bond",
    ],
}

ALL_FORENAMES = [n for pool in FORENAMES.values() for n in pool]
ALL_SURNAMES = [n for pool in SURNAMES.values() for n in pool]

NICKNAMES = {
    "Katherine": ["Kate", "Katie", "Kath"],
    "Robert": ["Bob", "Rob", "Bobby"],
    "William": ["Bill", "Will", "Billy"],
    "Elizabeth": ["Liz", "Lizzie", "Beth"],
    "Margaret": ["Maggie", "Peggy", "Meg"],
    "James": ["Jim", "Jamie"],
    "Michael": ["Mike", "Mick"],
    "Patricia": ["Pat", "Trish"],
    "Thomas": ["Tom", "Tommy"],
    "Susan": ["Sue", "Susie"],
    "Christopher": ["Chris"],
    "Jennifer": ["Jen", "Jenny"],
    "Anthony": ["Tony"],
    "Harriet": ["Hattie"],
    "Mohammed": ["Mo"],
    "Aleksandra": ["Ola"],
    "Małgorzata": ["Gosia"],
    "Oluwaseun": ["Seun"],
    "Abdullah": ["Abdul"],
    "Siobhán": ["Shiv"],
    "Dafydd": ["Dai"],
    "Catriona": ["Cat"],
    "Krzysztof": ["Krzys"],
    "Józef": ["Józek"],
    "Rajesh": ["Raj"],
    "Gurpreet": ["Preet"],
    "Folasade": ["Sade"],
    "Chidinma": ["Chi"],
    "Angharad": ["Hari"],
    "Wojciech": ["Wojtek"],
    "Agnieszka": ["Aga"],
}

WELSH_FORENAMES = FORENAMES["welsh"] + [
    "Gwilym",
    "Eirlys",
    "Hywel",
    "Nia",
    "Elin",
    "Gethin",
    "Tomos",
    "Megan",
]
WELSH_SURNAMES = SURNAMES["welsh"] + [
    "Parry",
    "Jenkins",
    "ap Siôn",
    "Morgan",
    "Powell",
    "Rhydderch",
]

TITLES = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Mx"]
RELATIONS = [
    "daughter",
    "son",
    "wife",
    "husband",
    "mother",
    "father",
    "sister",
    "brother",
    "niece",
    "nephew",
    "son-in-law",
    "daughter-in-law",
    "granddaughter",
    "grandson",
    "partner",
    "neighbour",
    "friend",
    "aunt",
    "uncle",
    "cousin",
]

# --------------------------------------------------------------------------- places

STREETS = [
    "Mill",
    "Church",
    "Station",
    "Victoria",
    "Nightingale",
    "Chapel",
    "Oak",
    "Beech",
    "Park",
    "Elm",
    "Clifton",
    "Albert",
    "Meadow",
    "Orchard",
    "Queen's",
    "King Edward",
    "Heol y Nant",
    "Brynmor",
    "St Mary's",
    "Windsor",
    "Grange",
    "Kelvin",
    "Bramble",
    "Wellington",
    "Grace",
    "Florence",
]
STREET_TYPES = {
    "Lane": "Ln",
    "Road": "Rd",
    "Street": "St",
    "Avenue": "Ave",
    "Drive": "Dr",
    "Close": "Cl",
    "Crescent": "Cres",
    "Court": "Ct",
    "Terrace": "Terr",
    "Place": "Pl",
    "Gardens": "Gdns",
    "Way": "Way",
}
TOWNS = [
    "Leeds",
    "Sheffield",
    "Bradford",
    "Glasgow",
    "Cardiff",
    "Belfast",
    "Salford",
    "Wakefield",
    "Harrogate",
    "Swansea",
    "Dundee",
    "Nottingham",
    "Bristol",
    "Newcastle",
    "Liverpool",
    "Coventry",
]
POSTCODE_AREAS = [
    "LS",
    "M",
    "B",
    "G",
    "EH",
    "CF",
    "BT",
    "L",
    "S",
    "NE",
    "BS",
    "NG",
    "LE",
    "CV",
    "PL",
    "EX",
    "YO",
    "HU",
    "DN",
    "SA",
    "LL",
    "AB",
    "DD",
    "KY",
    "PA",
    "NR",
    "IP",
    "CB",
    "OX",
    "RG",
    "GU",
    "TN",
    "ME",
    "BN",
    "SO",
    "BH",
    "BA",
    "GL",
    "WR",
    "ST",
    "DE",
    "WF",
    "HD",
    "BD",
    "HG",
    "DL",
    "TS",
    "SR",
    "CA",
    "PR",
    "BL",
    "OL",
    "SK",
    "WA",
    "CH",
    "N",
    "E",
    "SE",
    "SW",
    "NW",
    "W",
]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

WARDS = [
    "Nightingale Ward",
    "Florence Ward",
    "Victoria Ward",
    "Seacole Ward",
    "Cavell Ward",
    "Churchill Ward",
    "Elizabeth Ward",
    "Fleming Ward",
    "Darwin Ward",
    "Lister Ward",
    "Ward 12",
    "Rowan Ward",
    "Bronte Ward",
    "Mandela Ward",
]
HOSPITALS = [
    "St Thomas'",
    "St James's University Hospital",
    "Royal Victoria Infirmary",
    "Addenbrooke's",
    "Queen Elizabeth Hospital",
    "Princess Royal",
    "St George's",
    "Alder Hey",
    "Ninewells",
    "Royal Gwent",
    "Musgrove Park",
]
PLACE_NAMES = [
    "Florence",
    "Chelsea",
    "Jersey",
    "Stanley",
    "Washington",
    "Sydney",
    "Beverley",
    "Kendal",
    "Hope",
    "Ross",
    "Neville's Cross",
    "Paris",
]
DRUGS = [
    "Sertraline 50mg OD",
    "Paracetamol 1g QDS",
    "Warfarin as per INR",
    "Lansoprazole 30mg",
    "Amlodipine 5mg",
    "Metformin 500mg BD",
    "Donepezil 10mg nocte",
    "Furosemide 40mg mane",
    "Co-codamol 30/500",
    "Mirtazapine 15mg",
    "Levothyroxine 100mcg",
    "Adcal-D3 BD",
    "Oramorph 2.5ml PRN",
    "Quetiapine 25mg",
]
ORGS = [
    "Age UK",
    "Citizens Advice",
    "Leeds City Council",
    "Barnardo's",
    "Mind",
    "Shelter",
    "Carers Trust",
    "Alzheimer's Society",
    "Macmillan",
    "St John Ambulance",
    "Marie Curie",
    "the DWP",
    "Turning Point",
]
JOBS = [
    "Social Worker",
    "District Nurse",
    "Occupational Therapist",
    "Team Manager",
    "Care Coordinator",
    "Reablement Worker",
    "Community Psychiatric Nurse",
    "Housing Officer",
    "Physiotherapist",
    "Practice Manager",
    "Senior Practitioner",
]
TEAMS = [
    "Harrogate Community Mental Health Team",
    "Leeds North Reablement",
    "Adult Social Care East",
    "Memory Assessment Service",
    "Hospital Discharge Team",
    "Rapid Response",
    "Children in Need South",
    "Learning Disability Team",
    "Sensory Impairment Team",
    "Crisis Resolution Home Treatment",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

# --------------------------------------------------------------------------- Ofcom drama ranges
# (area code, local prefix, random digits) -> national number area+prefix+random
PHONE_RANGES = [
    ("07700", "900", 3),
    ("01632", "960", 3),
    ("0113", "4960", 3),
    ("0114", "4960", 3),
    ("0115", "4960", 3),
    ("0117", "4960", 3),
    ("0118", "4960", 3),
    ("0121", "4960", 3),
    ("0131", "4960", 3),
    ("0141", "4960", 3),
    ("0151", "4960", 3),
    ("0161", "4960", 3),
    ("020", "79460", 3),
    ("0191", "4980", 3),
    ("028", "90180", 3),
    ("029", "20180", 3),
]
OFCOM_PREFIXES = tuple(a + p for a, p, _ in PHONE_RANGES)
EMAIL_DOMAINS = ["example.com", "example.org", "nhs.example", "council.example", "mail.example"]


def ascii_fold(text: str) -> str:
    text = text.replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# --------------------------------------------------------------------------- check digits


def mod11(digits: str) -> int | None:
    """NHS/CHI mod-11 check digit for the first nine digits (None when 10 = invalid)."""
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def valid_mod11(number: str) -> bool:
    return len(number) == 10 and number.isdigit() and mod11(number) == int(number[9])


def nhs_number(rng: random.Random) -> str:
    while True:
        body = str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(8))
        check = mod11(body)
        if check is not None:
            return body + str(check)


def invalid_ten_digits(rng: random.Random) -> str:
    """Ten digits whose last digit is NOT a valid mod-11 check digit."""
    while True:
        body = str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(8))
        last = rng.choice("0123456789")
        if not valid_mod11(body + last):
            return body + last


def dob(rng: random.Random, start: int = 1925, end: int = 2012) -> datetime.date:
    first = datetime.date(start, 1, 1).toordinal()
    last = datetime.date(end, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(first, last))


def chi_number(rng: random.Random, born: datetime.date | None = None) -> str:
    while True:
        d = born or dob(rng)
        body = d.strftime("%d%m%y") + "".join(rng.choice("0123456789") for _ in range(3))
        check = mod11(body)
        if check is not None:
            return body + str(check)


NI_BAD_FIRST = set("DFIQUV")
NI_BAD_SECOND = set("DFIOQUV")
NI_BAD_PREFIX = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def ni_valid_prefix(prefix: str) -> bool:
    return (
        len(prefix) == 2
        and prefix[0] not in NI_BAD_FIRST
        and prefix[1] not in NI_BAD_SECOND
        and prefix not in NI_BAD_PREFIX
    )


def ni_number(rng: random.Random) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    while True:
        prefix = rng.choice(letters) + rng.choice(letters)
        if ni_valid_prefix(prefix):
            return prefix + "".join(rng.choice("0123456789") for _ in range(6)) + rng.choice("ABCD")


def postcode(rng: random.Random) -> str:
    area = rng.choice(POSTCODE_AREAS)
    district = str(rng.randint(1, 9 if len(area) == 1 else 29))
    return f"{area}{district} {rng.randint(0, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"


def phone_parts(rng: random.Random, mobile_share: float = 0.5) -> tuple[str, str]:
    if rng.random() < mobile_share:
        area, prefix, n = PHONE_RANGES[0]
    else:
        area, prefix, n = rng.choice(PHONE_RANGES[1:])
    return area, prefix + "".join(rng.choice("0123456789") for _ in range(n))


def phone_std(area: str, local: str) -> str:
    if len(area) == 5:
        return f"{area} {local}"
    if len(area) == 4:
        return f"{area} {local[:3]} {local[3:]}"
    return f"{area} {local[:4]} {local[4:]}"


def phone(rng: random.Random, mobile_share: float = 0.5) -> str:
    return phone_std(*phone_parts(rng, mobile_share))


def phone_variant(rng: random.Random, area: str, local: str) -> str:
    style = rng.randrange(5)
    if style == 0:
        return phone_std(area, local)
    if style == 1:
        return area + local
    if style == 2:
        return "+44 " + phone_std(area, local)[1:]
    if style == 3:
        return f"({area}) " + phone_std(area, local).split(" ", 1)[1]
    return "+44" + area[1:] + local


def national_digits(text: str) -> str:
    """Digits of a phone written in any style, as an 11-digit national number where possible."""
    digits = "".join(c for c in text if c.isdigit())
    if digits.startswith("44") and len(digits) == 12:
        digits = "0" + digits[2:]
    elif len(digits) == 10 and not digits.startswith("0"):
        digits = "0" + digits
    return digits


def in_ofcom_range(text: str) -> bool:
    digits = national_digits(text)
    return len(digits) == 11 and digits.startswith(OFCOM_PREFIXES)


def email_for(rng: random.Random, first: str, last: str) -> str:
    f = "".join(c for c in ascii_fold(first).lower() if c.isalpha())
    s = "".join(c for c in ascii_fold(last).lower() if c.isalpha())
    local = rng.choice(
        [f"{f}.{s}", f"{f[0]}{s}", f"{f}{s}{rng.randint(1, 99)}", f"{s}.{f[0]}", f"{f}_{s}"]
    )
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def street(rng: random.Random) -> tuple[str, str]:
    """(street name, street type) e.g. ("Mill", "Lane")."""
    return rng.choice(STREETS), rng.choice(list(STREET_TYPES))


def address_line(rng: random.Random) -> str:
    name, kind = street(rng)
    return f"{rng.randint(1, 240)} {name} {kind}"


def hospital_number(rng: random.Random) -> str:
    style = rng.randrange(4)
    if style == 0:
        return rng.choice(["RXH", "RR8", "RJ7", "RTH"]) + "".join(
            rng.choice("0123456789") for _ in range(7)
        )
    if style == 1:
        return (
            "K"
            + "".join(rng.choice("0123456789") for _ in range(6))
            + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
        )
    if style == 2:
        return "MRN" + "".join(rng.choice("0123456789") for _ in range(8))
    return "H" + "".join(rng.choice("0123456789") for _ in range(7))


def uprn(rng: random.Random) -> str:
    return str(rng.choice([10000000000, 100000000000, 200000000000]) + rng.randint(0, 99999999))


def passport_number(rng: random.Random) -> str:
    return str(rng.choice([1, 5, 7, 8])) + "".join(rng.choice("0123456789") for _ in range(8))


def driving_licence(
    rng: random.Random, surname: str, first: str, born: datetime.date, female: bool
) -> str:
    letters = "".join(c for c in ascii_fold(surname).upper() if c.isalpha())[:5].ljust(5, "9")
    month = born.month + (50 if female else 0)
    initials = ascii_fold(first).upper()[:1] + rng.choice("ABCDEFGHJKLMNPRSTW9")
    tail = rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
    return (
        f"{letters}{str(born.year)[2]}{month:02d}{born.day:02d}{str(born.year)[3]}{initials}9{tail}"
    )


REG_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"


def vehicle_registration(rng: random.Random, spaced: bool = True) -> str:
    if rng.random() < 0.8:
        age = rng.choice([f"{y:02d}" for y in range(2, 25)] + [str(y) for y in range(51, 75)])
        head = rng.choice("ABCDEFGHKLMNOPRSVWY") + rng.choice(REG_LETTERS) + age
    else:
        head = rng.choice("ABCDEFGHJKLMNPRSTVWXY") + str(rng.randint(1, 999))
    tail = "".join(rng.choice(REG_LETTERS) for _ in range(3))
    return f"{head} {tail}" if spaced else head + tail


def forename(rng: random.Random, pool: str | None = None) -> str:
    return rng.choice(FORENAMES[pool] if pool else ALL_FORENAMES)


def surname(rng: random.Random, pool: str | None = None) -> str:
    return rng.choice(SURNAMES[pool] if pool else ALL_SURNAMES)


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def date_variant(rng: random.Random, d: datetime.date) -> str:
    style = rng.randrange(9)
    return [
        d.strftime("%d/%m/%Y"),
        f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
        d.strftime("%d/%m/%y"),
        f"{d.day}.{d.month}.{d.year}",
        f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}",
        d.isoformat(),
        d.strftime("%d-%m-%Y"),
        f"{d.day} {MONTHS[d.month - 1]} {d.year}",
        f"{d.day}/{d.month}/{d.year}",
    ][style]
