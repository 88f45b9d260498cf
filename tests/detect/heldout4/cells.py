"""Cell writers for the fourth held-out corpus: spreadsheet damage, annotations, mixed formats.

Each function takes a seeded ``random.Random`` and returns one cell as a CSV would hold it.
Categories b, c, d/e and f of TRAPS.md draw their values from here.
"""

from __future__ import annotations

import datetime as dt
import random
import string

from tests.detect.heldout4 import pools, values
from tests.detect.heldout4.values import (
    address,
    birth_date,
    chi_number,
    driving_licence,
    email,
    failing_ten_digits,
    forename,
    full_name,
    hospital_number,
    nhs_number,
    ni_number,
    passport_number,
    phone,
    postcode,
    surname,
    uprn,
    vehicle_registration,
)

REFERENCE_DAY = dt.date(2026, 1, 1)


def sci(number: int, decimals: int) -> str:
    """Write an integer as a spreadsheet does in scientific notation ("9.434765919E+09")."""
    mantissa, exponent = f"{number:.{decimals}E}".split("E")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}E{exponent}"


# ---- b: spreadsheet damage and numeric look-alikes ----------------------------------------


def nhs_sci(rng: random.Random) -> str:
    return sci(int(nhs_number(rng)), 9 if rng.random() < 0.5 else 2)


def chi_lost_zero(rng: random.Random) -> str:
    return chi_number(rng).lstrip("0")


def telephone_sci(rng: random.Random) -> str:
    digits = values.phone_compact(phone(rng))
    return sci(int("44" + digits[1:]), 11)


def barcode_sci(rng: random.Random) -> str:
    while True:
        if rng.random() < 0.5:
            raw = int(failing_ten_digits(rng))
        else:
            raw = int(str(rng.randint(1, 9)) + "".join(rng.choices(string.digits, k=10)))
        shown = sci(raw, rng.choice((3, 4)))
        expanded = str(int(float(shown)))
        if len(expanded) != 10 or not values.mod11_valid(expanded):
            return shown


def invoice_total(rng: random.Random) -> str:
    amount = rng.choice((rng.uniform(5, 200), rng.uniform(200, 25000)))
    text = f"{amount:,.2f}"
    return rng.choice((text, f"£{text}", text.replace(",", "")))


def egfr(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return ">90"
    value = rng.randint(8, 89)
    return rng.choice((f"{value}.0", str(value), f"{value + rng.random():.1f}"))


# ---- c: annotated, sparse name columns ---------------------------------------------------


def next_of_kin(rng: random.Random) -> str:
    return f"{full_name(rng)} ({rng.choice(pools.RELATIONSHIPS)})"


def contact_person_2(rng: random.Random) -> str:
    title = rng.choice(pools.TITLES)
    given = forename(rng)
    first = rng.choice((f"{given[0]}.", given, given[0]))
    return f"{title} {first} {surname(rng)}"


def deceased_relative(rng: random.Random) -> str:
    name = full_name(rng)
    return rng.choice(
        (
            f"Late Mr {name} (deceased)",
            f"{name} - dec'd",
            f"{name} (died 2019)",
            f"Late Mrs {name}",
            f"{name} [deceased]",
        )
    )


def preferred_name(rng: random.Random) -> str:
    nick = rng.choice(pools.NICKNAMES)
    return rng.choice((f'"{nick}"', f"{nick} ({forename(rng)})", forename(rng), f"'{nick}'"))


def carer_names(rng: random.Random) -> str:
    family = surname(rng)
    one = f"{forename(rng)} {family}"
    return rng.choice((one, f"{one} / {forename(rng)} {family}", f"{one} & {full_name(rng)}"))


def maiden(rng: random.Random) -> str:
    name = surname(rng)
    return rng.choice((f"née {name}", name, f"nee {name.upper()}", f"({name})"))


def emergency_contact(rng: random.Random) -> str:
    rel = rng.choice(pools.RELATIONSHIPS).capitalize()
    return rng.choice(
        (
            f"{rel}: {full_name(rng)}",
            f"{rel} - {full_name(rng)}",
            f"{full_name(rng)}, {rel.lower()}",
        )
    )


def guardian(rng: random.Random) -> str:
    name = surname(rng)
    return rng.choice(
        (f"Mr & Mrs {name}", f"Ms {name}", f"Mr and Mrs {name}", f"Dr {name}", f"{name} family")
    )


def alias(rng: random.Random) -> str:
    nick = rng.choice(pools.NICKNAMES + pools.ALL_FORENAMES[:20])
    return rng.choice((f"aka {nick}", f"known as {nick}", f"AKA {nick.upper()}", f"'{nick}'"))


def household(rng: random.Random) -> str:
    people = []
    for _ in range(rng.randint(1, 3)):
        rel = rng.choice(("partner", "son", "daughter", "lodger", "mother", "brother"))
        age = f", {rng.randint(1, 17)}" if rel in ("son", "daughter") else ""
        people.append(f"{forename(rng)} ({rel}{age})")
    return ", ".join(people)


def witness(rng: random.Random) -> str:
    return f"{rng.choice(pools.WITNESS_TITLES)} {full_name(rng)}"


def flagged(rng: random.Random) -> str:
    name = full_name(rng)
    return rng.choice(
        (
            name,
            name,
            f"{name} [DECEASED]",
            f"{name} - RIP",
            f"{name} (merged)",
            f"{name} *DUPLICATE*",
            f"{name} (inactive)",
        )
    )


def surname_at_birth(rng: random.Random) -> str:
    now, before = surname(rng), surname(rng)
    return rng.choice(
        (f"{now} (prev. {before})", f"{now} formerly {before}", now, f"{now} (was {before})")
    )


# ---- d and e: vague and coded headers -----------------------------------------------------


def dmy(rng: random.Random) -> str:
    return birth_date(rng).strftime("%d/%m/%Y")


def admission(rng: random.Random) -> str:
    return birth_date(rng, 2024, 2026).strftime("%d/%m/%Y")


def spaced(n: str) -> str:
    return f"{n[:3]} {n[3:6]} {n[6:]}"


def amount(rng: random.Random) -> str:
    return f"{rng.uniform(0, 5000):.2f}"


def hex_token(rng: random.Random) -> str:
    return f"{rng.getrandbits(64):016x}"


# ---- f: mixed formats --------------------------------------------------------------------


def nhs_mixed(rng: random.Random) -> str:
    n = nhs_number(rng)
    sep = rng.choice((" ", "-", "", ".", "  "))
    return f"{n[:3]}{sep}{n[3:6]}{sep}{n[6:]}"


def dob_mixed(rng: random.Random) -> str:
    born = birth_date(rng)
    return rng.choice(
        (
            born.isoformat(),
            born.strftime("%d/%m/%Y"),
            f"{born.day} {born.strftime('%b %Y')}",
            born.strftime("%d.%m.%y"),
            born.strftime("%Y%m%d"),
            born.strftime("%d-%m-%Y"),
            born.strftime("%d/%m/%y"),
            f"{born.day} {born.strftime('%B %Y')}",
        )
    )


def postcode_mixed(rng: random.Random) -> str:
    pc = postcode(rng)
    return rng.choice(
        (
            pc.lower(),
            pc.replace(" ", ""),
            f" {pc.title().replace(' ', '  ')} ",
            pc,
            pc.lower().replace(" ", ""),
            pc.replace(" ", "-"),
        )
    )


def phone_mixed(rng: random.Random) -> str:
    area, _, rest = phone(rng).partition(" ")
    return rng.choice(
        (
            f"+44 {area[1:]} {rest}",
            f"+44 (0){area[1:]} {rest}",
            f"({area}) {rest.replace(' ', '-')}",
            f"{area}-{rest.replace(' ', '')}",
            f"{area}{rest.replace(' ', '')}",
            f"0044 {area[1:]} {rest}",
            f"{area} {rest}",
            f"+44{area[1:]}{rest.replace(' ', '')}",
        )
    )


def chi_mixed(rng: random.Random) -> str:
    chi = chi_number(rng)
    return rng.choice((chi, f"{chi[:6]} {chi[6:]}", f"{chi[:6]}-{chi[6:]}"))


def ni_mixed(rng: random.Random) -> str:
    ni = ni_number(rng)
    return rng.choice(
        (
            f"{ni[:2]} {ni[2:4]} {ni[4:6]} {ni[6:8]} {ni[8]}",
            ni.lower(),
            f"{ni[:2]}-{ni[2:8]}-{ni[8]}",
            ni,
            f"{ni[:2]} {ni[2:8]} {ni[8]}",
        )
    )


def email_mixed(rng: random.Random) -> str:
    addr = email(rng)
    return rng.choice(
        (
            addr.upper(),
            f"{full_name(rng)} <{addr}>",
            f"mailto:{addr}",
            addr,
            f" {addr} ",
            f"{addr};",
        )
    )


def dob_with_age(rng: random.Random) -> str:
    born = birth_date(rng)
    age = (REFERENCE_DAY - born).days // 365
    return rng.choice(
        (
            f"{born.strftime('%d/%m/%Y')} ({age}y)",
            born.strftime("%d-%b-%Y"),
            f"{born.isoformat()} age {age}",
            f"{born.strftime('%d %B %Y')} [{age}]",
        )
    )


def vrm_mixed(rng: random.Random) -> str:
    vrm = vehicle_registration(rng)
    return rng.choice((vrm, vrm.replace(" ", ""), vrm.lower(), vrm.lower().replace(" ", "")))


def licence_mixed(rng: random.Random) -> str:
    dl = driving_licence(rng)
    return rng.choice((dl, f"{dl[:5]} {dl[5:11]} {dl[11:13]} {dl[13:]}", dl.lower()))


def passport_mixed(rng: random.Random) -> str:
    pp = passport_number(rng)
    return rng.choice((pp, f"{pp[:3]} {pp[3:6]} {pp[6:]}", f"GBR{pp}", f"GBR {pp}"))


def hosp_mixed(rng: random.Random) -> str:
    hn = hospital_number(rng)
    split = len(hn) - 7
    return rng.choice((hn, f"{hn[:split]} {hn[split:]}", hn.lower(), f"{hn[:split]}-{hn[split:]}"))


def uprn_mixed(rng: random.Random) -> str:
    u = uprn(rng)
    return rng.choice((u, f"UPRN: {u}", u.zfill(12), f"UPRN {u}"))


def address_mixed(rng: random.Random) -> str:
    line = address(rng)
    line = line.replace("Road", rng.choice(("Road", "Rd", "RD"))).replace("Street", "St")
    return rng.choice(
        (line.upper(), line, line.lower(), line.replace(", ", " "), line.replace(", ", ","))
    )
