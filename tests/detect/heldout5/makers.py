"""Cell makers for the fifth held-out corpus: formats, damage, blanks and free-text fillers.

A maker takes a column's own ``random.Random`` and returns one cell (a string or None).
"""

from __future__ import annotations

import random
from collections.abc import Callable

from tests.detect.heldout5 import pools
from tests.detect.heldout5 import values as v

Cell = str | None
Maker = Callable[[random.Random], Cell]
NICKNAMES = ("Bobby", "Jonny", "Mo", "Sunny", "Babs", "Tash", "Dev", "Naz", "Chi-chi", "Gosia")
ROLES = pools.STAFF_ROLES
DOB_FORMATS = (
    "%Y-%m-%d",
    "%d/%m/%y",
    "%d %b %Y",
    "%d.%m.%Y",
    "%Y%m%d",
    "%d-%b-%Y",
    "%B %d, %Y",
    "%Y-%m-%d 00:00:00",
    "%d/%m/%Y",
)


def pick(options: tuple[str, ...] | list[str]) -> Maker:
    """Return a maker choosing uniformly from options."""
    return lambda rng: rng.choice(options)


def blanks(rate: float, make: Maker) -> Maker:
    """Return a maker leaving a fraction of cells empty."""
    return lambda rng: None if rng.random() < rate else make(rng)


def minority(
    rate: float, fillers: tuple[str, ...], with_id: Callable[[random.Random], str]
) -> Maker:
    """Return a free-text maker: an identifier-bearing entry in about ``rate`` of rows."""

    def make(rng: random.Random) -> Cell:
        if rng.random() < rate:
            return with_id(rng)
        return rng.choice(fillers).format(
            place=rng.choice(pools.PLACES),
            day=rng.choice(pools.WEEKDAYS),
            drug=rng.choice(pools.DRUGS),
            role=rng.choice(ROLES),
            service=rng.choice(pools.SERVICES),
            n=rng.randint(2, 9),
        )

    return make


def title_initial_surname(rng: random.Random, titles: tuple[str, ...] = pools.TITLES) -> str:
    """Return e.g. ``Dr A Mensah``."""
    return f"{rng.choice(titles)} {v.ascii_fold(v.forename(rng))[:1]} {v.surname(rng)}"


def dob_text(rng: random.Random) -> str:
    """Return a date of birth in one of many formats."""
    return v.date_of_birth(rng).strftime(rng.choice(DOB_FORMATS))


def appointment_text(rng: random.Random) -> str:
    """Return an appointment date (2023-2025) in one of many formats, sometimes with a time."""
    day = v.date_of_birth(rng, 2023, 2025)
    text = day.strftime(rng.choice(DOB_FORMATS[:7]))
    if rng.random() < 0.3:
        text += f" {rng.randint(8, 17):02d}:{rng.choice(['00', '15', '30', '45'])}"
    return text


def sci_lossy(number: str) -> str:
    """Return a 10-digit number as Excel shows it in a narrow cell (``9.43E+09``)."""
    return f"{int(number) / 1e9:.2f}E+09"


def sci_full(number: str) -> str:
    """Return a 10-digit number in full-precision E-notation (``9.434765919E+09``)."""
    return f"{number[0]}.{number[1:]}E+09"


def nhs_any(rng: random.Random) -> str:
    """Return an NHS number spaced, hyphenated or plain."""
    number = v.nhs_number(rng)
    return rng.choice([number, v.spaced_nhs(number), v.spaced_nhs(number, "-")])


def postcode_messy(rng: random.Random) -> str:
    """Return a postcode in odd case and spacing."""
    code = v.postcode(rng)
    return rng.choice(
        [
            code,
            code.lower(),
            code.replace(" ", ""),
            code.replace(" ", "  "),
            code.title(),
            f" {code} ",
            code.lower().replace(" ", ""),
        ]
    )


def phone_mixed(rng: random.Random) -> str:
    """Return a drama-range number with +44, brackets, dots or plain."""
    number = v.phone_digits(rng)
    spaced = v.phone_spaced(number)
    area, rest = spaced.split(" ", 1)
    return rng.choice(
        [
            spaced,
            number,
            f"+44 {spaced[1:]}",
            f"({area}) {rest}",
            f"+44 (0){spaced[1:]}",
            spaced.replace(" ", "."),
            f"+44{number[1:]}",
        ]
    )


def ni_mixed(rng: random.Random) -> str:
    """Return an NI number spaced, hyphenated, lower case or plain."""
    ni = v.ni_number(rng)
    spaced = f"{ni[:2]} {ni[2:4]} {ni[4:6]} {ni[6:8]} {ni[8]}"
    return rng.choice([ni, ni.lower(), spaced, spaced.replace(" ", "-"), spaced.lower()])


def chi_mixed(rng: random.Random) -> str:
    """Return a CHI number with a space, hyphen or neither after the date part."""
    chi = v.chi_number(rng)
    return rng.choice([chi, f"{chi[:6]} {chi[6:]}", f"{chi[:6]}-{chi[6:]}"])


def reg_mixed(rng: random.Random) -> str:
    """Return a registration with or without its space, in either case."""
    reg = v.vehicle_registration(rng)
    return rng.choice([reg, reg.replace(" ", ""), reg.lower(), reg.lower().replace(" ", "")])


def email_mixed(rng: random.Random) -> str:
    """Return an e-mail address wrapped in the ways mail exports wrap them."""
    address = v.email(rng)
    return rng.choice(
        [
            address,
            f"mailto:{address}",
            f"<{address}>",
            f"{v.full_name(rng)} <{address}>",
            address.upper(),
        ]
    )


def address_mixed(rng: random.Random) -> str:
    """Return an address comma-, pipe- or slash-separated, sometimes in capitals."""
    text = v.address(rng)
    return rng.choice([text, text.replace(", ", " | "), text.upper(), text.replace(", ", " / ")])


def passport_mixed(rng: random.Random) -> str:
    """Return a passport number plain, spaced or with a GBR prefix."""
    number = v.passport_number(rng)
    return rng.choice([number, f"GBR{number}", f"{number[:3]} {number[3:6]} {number[6:]}"])


def licence_mixed(rng: random.Random) -> str:
    """Return a driving licence number plain, spaced or in lower case."""
    number = v.driving_licence(rng)
    return rng.choice([number, f"{number[:5]} {number[5:11]} {number[11:]}", number.lower()])


def name_mixed(rng: random.Random) -> str:
    """Return a full name in one of the shapes seen in merged extracts."""
    first, last = v.forename(rng), v.surname(rng)
    return rng.choice(
        [
            f"{last}, {first}",
            f"{first} {last}".upper(),
            f"{first[0]} {last}".lower(),
            f"{first} {last}",
        ]
    )


def hosp_mixed(rng: random.Random) -> str:
    """Return a trust-prefixed hospital number with a hyphen, a space or neither."""
    prefix, tail = rng.choice(["RX1", "RTH", "RWA"]), v.digits(rng, 7)
    return rng.choice([f"{prefix}-{tail}", f"{prefix}{tail}".lower(), f"{prefix} {tail}"])


def dob_in_text(rng: random.Random) -> str:
    """Return a school-nurse note quoting a pupil's date of birth."""
    born = v.date_of_birth(rng, 2006, 2020)
    return rng.choice(
        [
            f"DOB {born:%d/%m/%Y} checked against school register",
            f"Pupil born {born:%d.%m.%y}, height and weight recorded",
            f"Immunisations due, d.o.b. {born:%d %B %Y}",
        ]
    )


def phone_in_text(rng: random.Random) -> str:
    """Return a duty-log entry quoting a call-back number."""
    number = v.phone_digits(rng)
    return rng.choice(
        [
            f"Caller asked for call back on {v.phone_spaced(number)}",
            f"Neighbour rang from {number}, worried about noise at night",
        ]
    )


def snomed(rng: random.Random) -> str:
    """Return a SNOMED CT concept id: a core code or a UK-extension-shaped one."""
    if rng.random() < 0.5:
        return rng.choice(
            [
                "386661006",
                "22298006",
                "195967001",
                "44054006",
                "38341003",
                "73211009",
                "35489007",
                "13645005",
                "49436004",
                "233604007",
            ]
        )
    return f"{rng.randint(100000, 9999999)}1000000{rng.choice(['103', '104', '105', '108'])}"


def clinic(rng: random.Random) -> str:
    """Return a clinic name, some named after their consultant."""
    if rng.random() < 0.3:
        return f"Dr {v.surname(rng)}'s {rng.choice(pools.WEEKDAYS)} Clinic"
    kind = rng.choice(["Diabetes", "Fracture", "Memory", "Heart Failure", "Leg Ulcer", "Asthma"])
    return f"{rng.choice(pools.PLACES)} {kind} Clinic"


TRIAGE_FILLERS = (
    "Fall at home, ?#NOF, pain {n}/10",
    "SOB on exertion, sats 9{n}% RA",
    "Chest pain {n}/7, ECG done, on {drug}",
    "Head injury, GCS 15, takes {drug}",
    "Brought in from {place}, query sepsis",
    "Minor injuries stream, wound to L hand",
)
CARE_FILLERS = (
    "Call from {role} re {service}, advised to ring back {day}.",
    "No answer at home visit, card left.",
    "Duty SW spoke to school; no concerns raised {day}.",
    "Referral passed to {service}.",
    "Case discussed at {day} allocation meeting.",
    "Family declined service, closure letter sent.",
)
HOUSING_FILLERS = (
    "Damp in back bedroom, mould wash booked {day}",
    "Boiler not firing, engineer {day} AM",
    "Front door lock replaced",
    "Leak under kitchen sink, {n} visits so far",
    "Communal light out on landing {n}",
    "Adaptation request passed to {service}",
)
WARD_FILLERS = (
    "Home with package of care {n} calls/day",
    "TTO {drug} given, GP letter sent",
    "District nurse to visit {day}",
    "Transport booked from {place}",
    "Awaiting {service} review",
    "Self-discharged against advice",
)
MONEY_FILLERS = (
    "Change of circumstances form received {day}",
    "Overpayment of £{n}00 under review",
    "Landlord verification outstanding",
    "Claim suspended pending evidence",
    "Backdating request refused, appeal rights given",
    "Passed to {service} for support",
)
PLAIN_FILLERS = (
    "Seen with {role}, plan agreed",
    "Reviewed {day}, no change",
    "Advice given re {drug}",
    "Follow up in {n} weeks",
    "Letter sent to {place} team",
    "Did not attend, rebook",
)
# Every filler template, so the self-check can tell identifier-bearing rows from filler rows.
FILLERS = (
    TRIAGE_FILLERS + CARE_FILLERS + HOUSING_FILLERS + WARD_FILLERS + MONEY_FILLERS + PLAIN_FILLERS
)
