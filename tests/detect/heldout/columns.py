"""Held-out column corpus for the PII column classifier.

Built by an independent helper that never read the detector's code or its tests, so the
scores measured on this corpus are honest. Nobody tunes the detector on it: it is only scored.

Everything is synthetic: names come from the lists below, NHS numbers sit in the 999 test
range, phone numbers in the Ofcom drama ranges and e-mail addresses on reserved example
domains. Standard library and polars only; deterministic from the seed.

Run ``python -m tests.detect.heldout.columns`` to print the shape and the label counts.
"""

from __future__ import annotations

import datetime as dt
import random
import string
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import polars as pl


# --------------------------------------------------------------------------- name lists
def _words(text: str) -> tuple[str, ...]:
    """Split a block of whitespace-separated names."""
    return tuple(text.split())


# Names that clash with the place/ward/hospital traps (Victoria, Florence, Helen, Mary,
# James, Elizabeth, Ward, Kingston, Chester, Freeman) are deliberately left out.
FEMALE_FORENAMES: tuple[str, ...] = _words(
    # English, Welsh, Scottish, Irish, South Asian, Polish, Nigerian, Chinese, Arabic / Somali
    """
    Olivia Amelia Ava Emily Sophie Jessica Charlotte Lucy Hannah Margaret Joan Dorothy Patricia
    Susan Karen Linda Sarah Rebecca Chloe Ellie Poppy Evelyn Ruby Alice Harriet Beatrice Mabel
    Edith Joyce Brenda Pauline Sandra Gillian Wendy May June April Cerys Ffion Seren Angharad
    Bethan Carys Eira Gwen Nia Rhiannon Sian Lowri Mared Ailsa Eilidh Morag Isla Kirsty Fiona
    Mhairi Catriona Shona Aoife Siobhan Niamh Saoirse Roisin Orla Caoimhe Grainne Sinead Priya
    Aisha Fatima Zainab Anjali Sunita Harpreet Gurpreet Nasreen Shabana Rukhsana Deepa Meera
    Kavita Agnieszka Katarzyna Magdalena Zofia Malgorzata Joanna Ewa Chiamaka Ngozi Adaeze
    Folasade Funmilayo Ifeoma Yetunde Temitope Mei Xiu Ying Jing Xiaoling Hui Layla Mariam Noor
    Huda Amira Yasmin Salma Rania Hodan Ayaan
    """
)
MALE_FORENAMES: tuple[str, ...] = _words(
    # English, Welsh, Scottish, Irish, South Asian, Polish, Nigerian, Chinese, Arabic / Somali
    """
    Oliver George Harry Jack Thomas William Arthur Graham Peter David Michael John Robert
    Stephen Paul Kevin Gary Dennis Harold Stanley Kenneth Derek Ronald Alan Brian Colin Keith
    Mark Dafydd Rhys Gareth Owain Iwan Emyr Aled Gethin Huw Ifan Rhodri Callum Angus Hamish Euan
    Fraser Ruaridh Alasdair Murdo Lachlan Cian Oisin Padraig Seamus Ciaran Declan Eoin Niall
    Darragh Arjun Rajesh Sanjay Imran Mohammed Bilal Harjit Amarjit Sandeep Vikram Faisal Tariq
    Asif Piotr Krzysztof Tomasz Pawel Marek Jakub Wojciech Grzegorz Chinedu Emeka Oluwaseun
    Babatunde Obinna Tunde Ikechukwu Segun Wei Jun Hao Ming Jian Zhiwei Omar Khalid Youssef
    Hassan Karim Samir Tarek Ahmed Abdi Mahad
    """
)
FORENAMES: tuple[str, ...] = FEMALE_FORENAMES + MALE_FORENAMES
SURNAMES: tuple[str, ...] = _words(
    # English, Welsh, Scottish, Irish, South Asian, Polish, Nigerian, Chinese, Arabic / Somali
    """
    Smith Jones Taylor Brown Wilson Johnson Walker Wright Robinson Thompson White Hughes Edwards
    Green Hall Wood Harris Clarke Jackson Turner Hill Moore Cooper Coleman Burgess Fletcher
    Ashworth Pickering Heywood Barraclough Sutcliffe Holroyd Whitaker Ellis Davies Evans Thomas
    Roberts Lewis Morgan Griffiths Price Pritchard Llewellyn Bowen Powell Rees Vaughan MacDonald
    Campbell Stewart Robertson McLeod Murray Sinclair Buchanan MacKenzie Ferguson Henderson
    Drummond O'Brien O'Connor Murphy Kelly Byrne Gallagher Doherty McCarthy Quinn Brennan
    Fitzgerald Donnelly Patel Shah Khan Ahmed Hussain Begum Singh Kaur Sharma Gupta Chaudhry
    Iqbal Akhtar Rahman Mistry Parmar Sandhu Gill Bhatt Mahmood Qureshi Kowalski Nowak
    Wisniewski Wojcik Kaminski Lewandowski Zielinski Szymanski Dabrowski Kaczmarek Okafor
    Adeyemi Okonkwo Adebayo Eze Nwosu Ogunleye Olawale Chukwu Obi Afolabi Wang Li Zhang Chen Liu
    Huang Zhou Wu Lin Wong Chan Cheung Lau Al-Sayed Haddad Mansour Khalil Nasser Saleh Farouk
    Hamdan Aziz Warsame Farah Abdullahi Mohamud Barker Dawson Marsh Lambert Jenkins Howells Parry
    Mackay Grant Ross Maguire Devlin Flanagan Chopra Dhillon Mazur Krawczyk Okeke Balogun Yang
    Tang Jaber
    """
)

STREETS: tuple[str, ...] = (
    "Chester Road", "Church Street", "High Street", "Station Road", "Mill Lane", "Park Avenue",
    "Oakwood Drive", "Meadow Close", "Beech Grove", "Albert Road", "Cathedral Road", "Otley Road",
    "Great Western Road", "Falls Road", "Lisburn Road", "Dalry Road", "Harehills Lane",
    "Wilmslow Road", "Soho Road", "Green Lane", "Heol y Felin", "Ffordd yr Eglwys", "Leith Walk",
    "Stratford Road", "Kingsway", "Sauchiehall Street", "Queens Drive", "Manor Way", "Elm Crescent",
    "Bryn Road", "Fairfield Terrace", "Cherry Tree Walk", "Ormeau Road", "Hamilton Place",
)  # fmt: skip
OUTWARD_CODES: tuple[str, ...] = (
    "LS1", "LS6", "LS11", "LS17", "BD3", "BD7", "HX1", "HD1", "WF1", "S1", "S10", "M1", "M14",
    "M20", "L8", "L15", "B15", "B21", "CF10", "CF24", "SA1", "NP20", "LL57", "G12", "G41", "EH3",
    "EH6", "AB10", "DD1", "IV2", "BT9", "BT12", "E1", "E17", "N7", "SE15", "SW2", "W12", "NW10",
    "BS5", "PL4", "EX4", "NE4", "NE6", "NG7", "LE2", "CB2", "OX4", "CV1", "ST4", "PR1", "BL1",
    "OL1", "HU3", "YO10", "TS1", "SR1", "DH1", "CA1", "LA1", "BN2", "SO14", "PO1", "RG1", "SY23",
)  # fmt: skip
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example", "nhs.example")
# Ofcom drama ranges: (groups before the last, digits in the last group, last-group prefix).
PHONE_RANGES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("07700",), "900"), (("0113", "496"), "0"), (("0114", "496"), "0"), (("0115", "496"), "0"),
    (("0117", "496"), "0"), (("0121", "496"), "0"), (("0131", "496"), "0"), (("0141", "496"), "0"),
    (("0151", "496"), "0"), (("0161", "496"), "0"), (("020", "7946"), "0"), (("029", "2018"), "0"),
    (("028", "9018"), "0"), (("01632",), "960"), (("07700",), "900"), (("07700",), "900"),
)  # fmt: skip
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

DIRECT_KINDS = frozenset(
    {"nhs_number", "chi_number", "ni_number", "forename", "surname", "full_name", "address"}
    | {"phone", "email", "uprn", "hospital_number"}
)
INDIRECT_KINDS = frozenset({"date_of_birth", "postcode", "sex"})


# --------------------------------------------------------------------------- identifiers
def nhs_check_digit(first9: str) -> int | None:
    """Modulus-11 check digit for NHS and CHI numbers; None when the body is invalid (10)."""
    total = sum(int(d) * w for d, w in zip(first9, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    return None if check == 10 else check % 11


def make_nhs(rng: random.Random) -> str:
    """A valid compact NHS number in the 999 synthetic range."""
    while True:
        body = "999" + f"{rng.randrange(10**6):06d}"
        check = nhs_check_digit(body)
        if check is not None:
            return body + str(check)


def make_failing_ten_digits(rng: random.Random) -> str:
    """Ten digits (not starting 999) whose last digit fails the modulus-11 check."""
    while True:
        body = str(rng.randrange(10**8, 9 * 10**8)) + str(rng.randrange(10))
        if nhs_check_digit(body[:9]) != int(body[9]):
            return body


def make_date(rng: random.Random, first: int, last: int) -> dt.date:
    """A uniform random date between 1 Jan ``first`` and 31 Dec ``last``."""
    start = dt.date(first, 1, 1)
    return start + dt.timedelta(days=rng.randrange((dt.date(last, 12, 31) - start).days + 1))


def make_dob(rng: random.Random) -> dt.date:
    """A plausible date of birth (1925-2020)."""
    return make_date(rng, 1925, 2020)


def make_chi(rng: random.Random, low_day: bool = False) -> str:
    """A valid CHI number: DDMMYY of a real date, three digits, modulus-11 check digit."""
    while True:
        dob = make_dob(rng)
        if low_day:
            dob = dob.replace(day=rng.randint(1, 9))
        body = dob.strftime("%d%m%y") + f"{rng.randrange(1000):03d}"
        check = nhs_check_digit(body)
        if check is not None:
            return body + str(check)


NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NI_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NI_UNUSED = ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ")


def make_ni(rng: random.Random, spaced: bool = False) -> str:
    """A well-formed National Insurance number, optionally spaced 'AB 12 34 56 C'."""
    while True:
        prefix = rng.choice(NI_FIRST) + rng.choice(NI_SECOND)
        if prefix not in NI_UNUSED:
            break
    digits = f"{rng.randrange(10**6):06d}"
    suffix = rng.choice("ABCD")
    if spaced:
        return f"{prefix} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}"
    return prefix + digits + suffix


def format_nhs(nhs: str, style: str) -> str:
    """Render an NHS/CHI number as 'compact', 'spaced' (3-3-4) or 'dashed'."""
    if style == "spaced":
        return f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}"
    if style == "dashed":
        return f"{nhs[:3]}-{nhs[3:6]}-{nhs[6:]}"
    return nhs


def make_phone(rng: random.Random) -> list[str]:
    """A UK phone number from an Ofcom drama range, as its display groups."""
    groups, lead = rng.choice(PHONE_RANGES)
    width = 6 if len(groups) == 1 else 4
    last = lead + f"{rng.randrange(1000):03d}"
    return [*groups, last.rjust(width, "0")]


def format_phone(groups: list[str], style: str) -> str:
    """Render phone groups: 'canonical', 'compact', 'intl' (+44), 'brackets' or 'dashed'."""
    if style == "compact":
        return "".join(groups)
    if style == "intl":
        return " ".join(["+44", groups[0][1:], *groups[1:]])
    if style == "brackets":
        return f"({groups[0]}) " + " ".join(groups[1:])
    if style == "dashed":
        return "-".join(groups)
    return " ".join(groups)


def make_postcode(rng: random.Random) -> str:
    """A real-looking full UK postcode, e.g. 'LS6 2AB'."""
    inward = str(rng.randrange(10)) + rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    return f"{rng.choice(OUTWARD_CODES)} {inward}"


def make_address(rng: random.Random) -> str:
    """A street line such as '22 Chester Road' or 'Flat 3, 14 Leith Walk'."""
    line = f"{rng.randint(1, 240)} {rng.choice(STREETS)}"
    return f"Flat {rng.randint(1, 12)}, {line}" if rng.random() < 0.15 else line


def make_surname(rng: random.Random) -> str:
    """A surname; about 6% double-barrelled (e.g. 'Coleman-Burgess')."""
    if rng.random() < 0.06:
        return f"{rng.choice(SURNAMES[:34])}-{rng.choice(SURNAMES[:34])}"
    return rng.choice(SURNAMES)


def _ascii(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch in string.ascii_lowercase)


def make_email(rng: random.Random) -> str:
    """An e-mail address on a reserved example domain."""
    f, s = _ascii(rng.choice(FORENAMES)), _ascii(make_surname(rng))
    local = rng.choice([f"{f}.{s}", f"{f[0]}{s}", f"{f}{s}{rng.randint(1, 99)}", f"{s}.{f[0]}"])
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def make_uprn(rng: random.Random) -> str:
    """A UPRN-shaped number of 9 to 12 digits."""
    roll = rng.random()
    if roll < 0.5:
        return rng.choice(("1000", "1001", "2000", "1009")) + f"{rng.randrange(10**8):08d}"
    if roll < 0.8:
        return "100" + f"{rng.randrange(10**8):08d}"
    return str(rng.randrange(10**8, 10**10))


def make_hospital_number(rng: random.Random) -> str:
    """A local hospital / PAS / MRN identifier in one of several trust styles."""
    style = rng.randrange(4)
    if style == 0:
        return rng.choice("ABHKMRST") + f"{rng.randrange(10**6):06d}"
    if style == 1:
        return "MRN" + f"{rng.randrange(10**7):07d}"
    if style == 2:
        return rng.choice(("RX", "HN", "LP")) + f"{rng.randrange(10**7):07d}"
    return f"{rng.randrange(10**7):07d}" + rng.choice("ABCDEFGHJK")


def format_date(d: dt.date, style: str) -> str:
    """Render a date: 'dmy' 04/03/1975, 'iso', 'text' 4 Mar 1975, 'dmy2' 04/03/75, 'dash'."""
    if style == "iso":
        return d.isoformat()
    if style == "text":
        return f"{d.day} {MONTHS_SHORT[d.month - 1]} {d.year}"
    if style == "dmy2":
        return d.strftime("%d/%m/%y")
    if style == "dash":
        return d.strftime("%d-%m-%Y")
    return d.strftime("%d/%m/%Y")


def full_name(rng: random.Random) -> str:
    """'Forename Surname'."""
    return f"{rng.choice(FORENAMES)} {make_surname(rng)}"


# --------------------------------------------------------------------------- text pieces
CARE_SENTENCES: tuple[str, ...] = (
    "Morning call completed, personal care given.", "Client settled and ate most of lunch.",
    "Medication prompted and taken.", "Carer noted mild swelling to both ankles.",
    "No concerns raised during the visit.", "Pressure areas checked, skin intact.",
    "Reports poor sleep over the weekend.", "Assisted with shower, mobilising with frame.",
    "Fluid intake encouraged, about 1 litre today.", "Declined evening meal, snack left out.",
    "District nurse to review leg dressing.", "Mood low today, spent time chatting.",
    "Continence pads delivered.", "Occupational therapy assessment requested.",
    "Falls risk discussed, pendant alarm in place.", "Blood sugar 7.2 before breakfast.",
    "Weight stable at 64kg.", "Care package reviewed, no changes.",
    "Key safe working.", "Hearing aid batteries replaced.", "Walked to the door with a stick.",
)  # fmt: skip
RELATIONS = ("daughter", "son", "wife", "husband", "partner", "neighbour", "brother", "sister")
WARDS = (
    "St Mary's Ward", "Ward 7 Nightingale", "Victoria Ward", "Florence Nightingale Ward",
    "Jubilee Ward", "Ward 12", "Elm Ward", "Ward 4B", "Cedar Unit", "Rowan Ward",
)  # fmt: skip
HOSPITALS = (
    "Queen Elizabeth Hospital", "St James's University Hospital", "Addenbrooke's", "Alder Hey",
    "Ninewells", "Morriston Hospital", "Western General", "Royal Victoria Infirmary",
    "Whiston Hospital", "Royal Glamorgan Hospital", "Leeds General Infirmary", "Altnagelvin",
)  # fmt: skip
PLACES = (
    "St Helens", "Kingston", "Chester Road", "Morecambe", "Merthyr Tydfil", "Paisley", "Armagh",
    "Bangor", "Stockport", "St Albans", "Tower Hamlets", "Llandudno", "Wigan", "Inverness",
)  # fmt: skip
DRUGS = (
    "Zomorph", "Oramorph", "Lyrica", "Nexium", "Eliquis", "Xarelto", "Fostair", "Ventolin",
    "Movicol", "Adcal-D3", "Laxido", "Sinemet", "Aricept", "Madopar", "Epilim", "Co-codamol",
)  # fmt: skip


def _care_text(rng: random.Random, extra: Callable[[], str] | None = None) -> str:
    """One to three care sentences; ``extra`` (an identifier sentence) is spliced in."""
    parts = rng.sample(CARE_SENTENCES, rng.randint(1, 3))
    if extra is not None:
        parts.insert(rng.randrange(len(parts) + 1), extra())
    return " ".join(parts)


def _minority(rng: random.Random, rate: float, extras: list[Callable[[], str]]) -> str:
    """Care text where about ``rate`` of rows carry one identifier sentence."""
    if rng.random() < rate:
        return _care_text(rng, rng.choice(extras))
    return _care_text(rng)


def _proper_noun_note(rng: random.Random) -> str:
    """Clinical text full of place, ward, hospital and drug names but no identifiers."""
    templates = (
        "Transferred from {h} to {w}.", "Started {d} at night.", "Lives near {p}.",
        "Discharged home from {w}.", "Follow-up at {h} outpatients.", "Physio on {w} Tuesday.",
        "Clinic moved to {p}.", "{d} stopped, switched to {d2}.", "Bed on {w} requested.",
    )  # fmt: skip
    names = {"h": HOSPITALS, "w": WARDS, "p": PLACES, "d": DRUGS, "d2": DRUGS}
    picks = rng.sample(templates, rng.randint(1, 3))
    return " ".join(t.format(**{k: rng.choice(v) for k, v in names.items()}) for t in picks)


# --------------------------------------------------------------------------- column specs
RowGen = Callable[[random.Random, int], str | None]
Label = dict[str, str | bool | None]  # {'kind': ..., 'direct': ..., 'free_text': ...}


@dataclass(frozen=True)
class ColumnSpec:
    """One corpus column: its name, category, label and how to generate a cell."""

    name: str
    category: str  # "base" or one of the difficulty categories "a".."g"
    kind: str | None
    direct: bool
    free_text: bool
    holds: str
    gen: RowGen
    blank: float = 0.02


def ident(
    name: str, cat: str, kind: str, holds: str, gen: RowGen, blank: float = 0.02
) -> ColumnSpec:
    """Spec for an identifier column (direct-ness follows from the kind)."""
    return ColumnSpec(name, cat, kind, kind in DIRECT_KINDS, False, holds, gen, blank)


def trap(
    name: str, cat: str, holds: str, gen: RowGen, blank: float = 0.02, text: bool = False
) -> ColumnSpec:
    """Spec for a column that holds no identifier (kind null, direct false)."""
    return ColumnSpec(name, cat, None, False, text, holds, gen, blank)


def free_text(name: str, holds: str, gen: RowGen) -> ColumnSpec:
    """Spec for free text carrying direct identifiers in a minority of rows."""
    return ColumnSpec(name, "a", None, True, True, holds, gen, 0.05)


def _float(value: str) -> str:
    return value.lstrip("0") + ".0"


def _sci(rng: random.Random, value: str) -> str:
    """Scientific notation keeping every digit: 'E+09' (Excel), 'E9' or 'e+09' (pandas)."""
    mantissa = (value[0] + "." + value[1:]).rstrip("0").rstrip(".")
    exp = len(value) - 1
    return mantissa + rng.choice((f"E+{exp:02d}", f"E{exp}", f"e+{exp:02d}"))


def _annotated(rng: random.Random, name: str) -> str:
    return f"{name} ({rng.choice(RELATIONS)})" if rng.random() < 0.8 else name


def _sex_mixed(rng: random.Random) -> str:
    return rng.choice(["M", "F", "Male", "Female", "male", "female", "1", "2", "U", "Not known"])


def _name_mixed(rng: random.Random) -> str:
    f, s = rng.choice(FORENAMES), make_surname(rng)
    return rng.choice([f"{s.upper()}, {f}", f"{f} {s}".lower(), f"{f[0]}. {s}", f"{s} {f[0]}"])


PHONE_STYLES = ("canonical", "compact", "intl", "brackets", "dashed")


def pick(*options: str) -> RowGen:
    """A generator choosing uniformly among ``options``."""
    return lambda r, i: r.choice(options)


def _digits(rng: random.Random, width: int) -> str:
    return str(rng.randrange(10 ** (width - 1), 10**width))


def _epoch(rng: random.Random, scale: int) -> str:
    """Epoch seconds (scale 1) or milliseconds (scale 1000) in 2017-2027."""
    return str(rng.randrange(15 * 10**8 * scale, 18 * 10**8 * scale))


def _postcode_mixed(rng: random.Random) -> str:
    code = make_postcode(rng)
    return rng.choice((code, code.lower(), code.replace(" ", ""), code.lower().replace(" ", "")))


def _chi_mixed(rng: random.Random) -> str:
    chi = make_chi(rng)
    return rng.choice((chi, f"{chi[:6]} {chi[6:]}", f"{chi[:6]}-{chi[6:]}"))


def _snomed(rng: random.Random) -> str:
    core = ("73211009", "38341003", "195967001", "22298006", "44054006", "13645005", "35489007")
    more = ("26929004", "230690007", "399211009", "49436004", "84114007", "271737000")
    if rng.random() < 0.6:
        return rng.choice(core + more)
    return f"{rng.randrange(10**5, 10**7)}1000000{rng.choice(('10', '11'))}{rng.randrange(10)}"


def _nhs_ext(r: random.Random) -> str:
    return f"NHS no {format_nhs(make_nhs(r), r.choice(('spaced', 'compact')))} checked."


def _phone_ext(r: random.Random) -> str:
    return f"Called {r.choice(RELATIONS)} on {format_phone(make_phone(r), 'canonical')}."


def _name_ext(r: random.Random) -> str:
    return f"Visit with {full_name(r)} ({r.choice(RELATIONS)}) present."


SPECS: tuple[ColumnSpec, ...] = (
    # ---- base: plainly labelled, plainly formatted identifiers
    ident("nhs_number", "base", "nhs_number", "compact NHS numbers", lambda r, i: make_nhs(r)),
    ident("chi_number", "base", "chi_number", "compact CHI numbers", lambda r, i: make_chi(r)),
    ident("ni_number", "base", "ni_number", "NI numbers, 20% spaced",
          lambda r, i: make_ni(r, r.random() < 0.2)),
    ident("forename", "base", "forename", "forenames", lambda r, i: r.choice(FORENAMES)),
    ident("surname", "base", "surname", "surnames", lambda r, i: make_surname(r)),
    ident("full_name", "base", "full_name", "'Forename Surname'", lambda r, i: full_name(r)),
    ident("address_line1", "base", "address", "street lines", lambda r, i: make_address(r)),
    ident("email", "base", "email", "e-mail addresses", lambda r, i: make_email(r)),
    ident("uprn", "base", "uprn", "UPRNs, 9-12 digits", lambda r, i: make_uprn(r)),
    ident("hospital_number", "base", "hospital_number", "local MRN/PAS ids",
          lambda r, i: make_hospital_number(r)),
    ident("date_of_birth", "base", "date_of_birth", "ISO birth dates",
          lambda r, i: make_dob(r).isoformat()),
    ident("postcode", "base", "postcode", "full postcodes", lambda r, i: make_postcode(r)),
    ident("sex", "base", "sex", "M/F", lambda r, i: r.choice("MF")),
    ident("home_phone", "base", "phone", "canonical UK phones",
          lambda r, i: format_phone(make_phone(r), "canonical")),
    # ---- a: identifiers in a minority of free-text rows
    free_text("case_notes", "care notes, ~10% mention an NHS number",
              lambda r, i: _minority(r, 0.10, [lambda: _nhs_ext(r)])),
    free_text("contact_log", "contact log, ~10% give a phone number",
              lambda r, i: _minority(r, 0.10, [lambda: _phone_ext(r)])),
    free_text("visit_summary", "visit summaries, ~10% name a relative",
              lambda r, i: _minority(r, 0.10, [lambda: _name_ext(r)])),
    free_text("referral_comments", "comments, ~12% with an e-mail, MRN or name",
              lambda r, i: _minority(r, 0.12, [
                  lambda: f"Reply to {make_email(r)}.",
                  lambda: f"Hospital no {make_hospital_number(r)}.",
                  lambda: f"Referred by {r.choice(FORENAMES)} {make_surname(r)}."])),
    # ---- b: numbers damaged by spreadsheets
    ident("nhs_num_xls", "b", "nhs_number", "NHS numbers with trailing '.0'",
          lambda r, i: _float(make_nhs(r))),
    ident("NHSNumber_sci", "b", "nhs_number", "NHS numbers in scientific notation",
          lambda r, i: _sci(r, make_nhs(r))),
    ident("chi", "b", "chi_number", "CHI stored as integers; days 1-9 lose the leading 0",
          lambda r, i: str(int(make_chi(r, low_day=r.random() < 0.5)))),
    ident("uprn_value", "b", "uprn", "UPRNs with trailing '.0'", lambda r, i: _float(make_uprn(r))),
    ident("mobile", "b", "phone", "mobiles that lost the leading 0 (7700900123)",
          lambda r, i: "7700900" + f"{r.randrange(1000):03d}"),
    ident("pas_no", "b", "hospital_number", "numeric PAS numbers with '.0'",
          lambda r, i: _float(f"{r.randrange(10**5, 10**8)}")),
    # ---- c: annotated names with many blanks
    ident("nok_surname", "c", "surname", "'Smith (mother)', 60% blank",
          lambda r, i: _annotated(r, make_surname(r)), 0.6),
    ident("contact_forename", "c", "forename", "'Priya (daughter)', 60% blank",
          lambda r, i: _annotated(r, r.choice(FORENAMES)), 0.6),
    ident("carer_name", "c", "full_name", "'John Smith (husband)', 60% blank",
          lambda r, i: _annotated(r, full_name(r)), 0.6),
    ident("previous_surname", "c", "surname", "maiden/previous surnames, 70% blank",
          lambda r, i: make_surname(r), 0.7),
    ident("mobile_phone", "c", "phone", "mobiles, 90% blank",
          lambda r, i: format_phone(make_phone(r), "canonical"), 0.9),
    # ---- d: misleading headers
    trap("notes", "d", "wards, hospitals, places, drug brands; no ids",
         lambda r, i: _proper_noun_note(r), 0.05, text=True),
    trap("nhs_ref", "d", "10-digit order numbers, >99% fail mod 11",
         lambda r, i: make_failing_ten_digits(r) if r.random() < 0.9 else _digits(r, 10)),
    trap("patient_id", "d", "row counters 1..n", lambda r, i: str(i + 1), 0.0),
    trap("dob_checked", "d", "Y/N flags", lambda r, i: r.choice("YN")),
    trap("postcode_district", "d", "outward codes only", lambda r, i: r.choice(OUTWARD_CODES)),
    trap("name_match_score", "d", "match scores 0-1", lambda r, i: f"{r.random():.3f}"),
    trap("email_opt_in", "d", "Yes/No", lambda r, i: r.choice(("Yes", "No"))),
    trap("address_type", "d", "address categories",
         pick("Home", "Care home", "NFA", "Temporary", "Hostel")),
    trap("nhs_number_status", "d", "NHS number status codes 01-08",
         lambda r, i: f"0{r.randint(1, 8)}"),
    trap("uprn_match_status", "d", "matched/unmatched", pick("matched", "unmatched", "partial")),
    trap("care_plan_summary", "d", "routine care sentences, no identifiers",
         lambda r, i: _care_text(r), 0.05, text=True),
    # ---- e: headerless or coded headers
    ident("field_23", "e", "nhs_number", "NHS numbers, spaced",
          lambda r, i: format_nhs(make_nhs(r), "spaced")),
    ident("col_17", "e", "postcode", "postcodes", lambda r, i: make_postcode(r)),
    ident("X1", "e", "date_of_birth", "birth dates dd/mm/yyyy",
          lambda r, i: format_date(make_dob(r), "dmy")),
    ident("Unnamed: 4", "e", "phone", "phones",
          lambda r, i: format_phone(make_phone(r), "canonical")),
    ident("field_8", "e", "email", "e-mail addresses", lambda r, i: make_email(r)),
    ident("V3", "e", "full_name", "full names", lambda r, i: full_name(r)),
    ident("col_2", "e", "ni_number", "NI numbers", lambda r, i: make_ni(r)),
    ident("Unnamed: 9", "e", "chi_number", "CHI numbers", lambda r, i: make_chi(r)),
    ident("column_12", "e", "hospital_number", "hospital numbers",
          lambda r, i: make_hospital_number(r)),
    ident("col_5", "e", "sex", "M/F/U", lambda r, i: r.choice("MFMFMFU")),
    ident("X9", "e", "address", "street lines", lambda r, i: make_address(r)),
    trap("field_31", "e", "ICD-10 codes", pick(
        "E11.9", "I10", "J44.1", "F03", "N18.3", "S72.0", "I63.9", "C50.9", "G30.1", "F32.1")),
    trap("X4", "e", "money amounts", lambda r, i: f"{r.randrange(100, 500000) / 100:.2f}"),
    trap("Unnamed: 14", "e", "epoch-second timestamps", lambda r, i: _epoch(r, 1)),
    # ---- f: mixed formats within a column
    ident("nhs_no", "f", "nhs_number", "spaced / dashed / compact NHS numbers",
          lambda r, i: format_nhs(make_nhs(r), r.choice(("spaced", "dashed", "compact")))),
    ident("dob", "f", "date_of_birth", "04/03/1975, 1975-03-04, 4 Mar 1975, 04-03-1975",
          lambda r, i: format_date(make_dob(r), r.choice(("dmy", "iso", "text", "dash")))),
    ident("post_code", "f", "postcode", "upper / lower / no-space postcodes",
          lambda r, i: _postcode_mixed(r)),
    ident("telephone", "f", "phone", "+44 / 0 / brackets / dashes / compact",
          lambda r, i: format_phone(make_phone(r), r.choice(PHONE_STYLES))),
    ident("gender", "f", "sex", "M, Female, 1, 2, U, Not known", lambda r, i: _sex_mixed(r)),
    ident("patient_name", "f", "full_name", "'SMITH, John', 'john smith', 'J. Smith'",
          lambda r, i: _name_mixed(r)),
    ident("chi_no", "f", "chi_number", "CHI compact / '010203 1234' / '010203-1234'",
          lambda r, i: _chi_mixed(r)),
    # ---- g: traps that look like identifiers
    trap("event_ts", "g", "10-digit epoch seconds", lambda r, i: _epoch(r, 1)),
    trap("event_ts_ms", "g", "13-digit epoch milliseconds",
         lambda r, i: _epoch(r, 1000)),
    trap("lab_accession", "g", "lab accession numbers like 24H0123456",
         lambda r, i: f"{r.randint(19, 25)}{r.choice('HBMV')}{r.randrange(10**7):07d}"),
    trap("invoice_number", "g", "INV-2024-004512 / SI00123456",
         lambda r, i: r.choice((f"INV-{r.randint(2019, 2025)}-{r.randrange(10**6):06d}",
                                f"SI{r.randrange(10**8):08d}"))),
    trap("provider_code", "g", "NHS organisation codes (RR8, 5N1)", pick(
        "RR8", "RX1", "RTH", "RJ1", "RYJ", "R1H", "5N1", "00Q", "01H", "13T", "RQM", "RWE", "7A1")),
    trap("gp_practice", "g", "GP practice codes (B82005)",
         lambda r, i: f"{r.choice('ABCFMNPY')}{r.randint(81, 99)}{r.randrange(1000):03d}"),
    trap("snomed_code", "g", "SNOMED CT concept ids", lambda r, i: _snomed(r)),
    trap("admission_date", "g", "admission dates dd/mm/yyyy (not birth dates)",
         lambda r, i: format_date(make_date(r, 2019, 2025), "dmy")),
    trap("discharge_dt", "g", "discharge dates ISO (not birth dates)",
         lambda r, i: make_date(r, 2019, 2025).isoformat(), 0.1),
    trap("amount_gbp", "g", "money amounts '£1,234.56'",
         lambda r, i: f"£{r.randrange(100, 900000) / 100:,.2f}"),
    trap("bed", "g", "bed numbers", lambda r, i: r.choice(
        (f"Bed {r.randint(1, 30)}", f"B{r.randint(1, 30)}",
         f"Bay {r.randint(1, 6)} Bed {r.randint(1, 6)}"))),
    trap("icd10_primary", "g", "ICD-10 codes",
         lambda r, i: f"{r.choice('CEFGIJKMNS')}{r.randint(0, 99):02d}.{r.randint(0, 9)}"),
    trap("staff_role", "g", "staff roles", pick(
        "Staff Nurse", "Social Worker", "Care Assistant", "Consultant", "OT", "Physio", "GP")),
    trap("lsoa_code", "g", "LSOA / data zone codes (E01012345)",
         lambda r, i: f"{r.choice('EWS')}0{r.choice('01')}{r.randrange(10**6):06d}"),
    trap("age_band", "g", "five-year age bands",
         lambda r, i: (lambda a: f"{a}-{a + 4}")(5 * r.randint(0, 18))),
    trap("clinic_time", "g", "appointment times",
         lambda r, i: f"{r.randint(8, 17):02d}:{r.choice(('00', '15', '30', '45'))}"),
    trap("dose", "g", "drug doses",
         lambda r, i: f"{r.choice((5, 10, 20, 250, 500))}{r.choice(('mg', 'mcg', 'ml'))}"),
    trap("ward_name", "g", "ward names", lambda r, i: r.choice(WARDS)),
    trap("length_of_stay", "g", "days as integers", lambda r, i: str(r.randint(0, 120))),
    trap("contact_method", "g", "Phone/Email/Letter", pick("Phone", "Email", "Letter", "Text")),
)  # fmt: skip


def make_heldout_columns(
    seed: int = 2026, rows: int = 2000
) -> tuple[pl.DataFrame, dict[str, Label]]:
    """Generate the held-out column corpus.

    Args:
        seed: seed for ``random.Random``; the same seed gives an identical frame.
        rows: number of rows.

    Returns:
        The frame (all columns strings, nulls allowed) and the labels
        ``{column: {"kind": str | None, "direct": bool, "free_text": bool}}``.
    """
    rng = random.Random(seed)
    data: dict[str, list[str | None]] = {}
    labels: dict[str, Label] = {}
    for spec in SPECS:
        cells: list[str | None] = []
        for i in range(rows):
            if spec.blank and rng.random() < spec.blank:
                cells.append(None if rng.random() < 0.7 else "")
            else:
                cells.append(spec.gen(rng, i))
        data[spec.name] = cells
        labels[spec.name] = {"kind": spec.kind, "direct": spec.direct, "free_text": spec.free_text}
    frame = pl.DataFrame(data, schema={name: pl.String for name in data})
    return frame, labels


def categories() -> dict[str, str]:
    """Difficulty category of each column ('base' or 'a'..'g')."""
    return {spec.name: spec.category for spec in SPECS}


if __name__ == "__main__":
    frame, labels = make_heldout_columns()
    again, labels_again = make_heldout_columns()
    assert frame.equals(again) and labels == labels_again, "not deterministic"
    assert not frame.equals(make_heldout_columns(seed=1)[0]), "seed ignored"
    n_direct = sum(lab["direct"] is True for lab in labels.values())
    n_traps = sum(lab["kind"] is None and not lab["direct"] for lab in labels.values())
    assert frame.width >= 60 and n_direct >= 25 and n_traps >= 20
    assert len(set(FORENAMES)) >= 150 and len(set(SURNAMES)) >= 150
    print(f"shape: {frame.shape}; direct: {n_direct}; traps: {n_traps}")
    print(f"forenames: {len(set(FORENAMES))}; surnames: {len(set(SURNAMES))}")
    print("by kind:", dict(Counter(str(lab["kind"]) for lab in labels.values()).most_common()))
    print("by category:", dict(sorted(Counter(categories().values()).items())))
    for spec in SPECS:
        sample = [v for v in frame[spec.name].head(40).to_list() if v][:3]
        print(f"  {spec.category:4} {spec.name:20} {spec.kind!s:16} {sample}")
