"""Name columns: annotated and sparse (c), hard names (h), staff names (s)."""

from __future__ import annotations

import random

from tests.detect.heldout10 import pools
from tests.detect.heldout10 import values as v
from tests.detect.heldout10.builders import Builder, Cell, fill, one_value

# ---------------------------------------------------------------- c) annotated, sparse names


def next_of_kin_1(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)

    def make() -> str:
        fore, sur = people.pair()
        rel = rng.choice(pools.RELATIONSHIPS)
        return rng.choice(
            [
                f"{fore} {sur} ({rel})",
                f"{sur.upper()}, {fore} ({rel[:3]})",
                f"{rng.choice(pools.TITLES)} {fore[0]} {sur} - {rel}",
                f"{fore} {sur} [{rel.upper()}]",
            ]
        )

    return fill(rng, rows, 0.70, make)


def deceased_spouse(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)

    def make() -> str:
        fore, sur = people.pair()
        return rng.choice(
            [
                f"{fore} {sur} (deceased)",
                f"Mr {fore} {sur} - DECD",
                f"late husband {fore} {sur}",
                f"{sur}, {fore} (dec'd 2019)",
                f"{fore} {sur} RIP",
            ]
        )

    return fill(rng, rows, 0.80, make)


_NICKNAMES = {
    "Abdirahman": "Abdi",
    "Katarzyna": "Kasia",
    "Oluwaseun": "Seun",
    "Ruairidh": "Rory",
    "Małgorzata": "Gosia",
    "Babatunde": "Tunde",
    "Alasdair": "Ali",
    "Krzysztof": "Krzys",
    "Folasade": "Sade",
    "Gwenllian": "Gwen",
    "Pádraig": "Paddy",
    "Wojciech": "Wojtek",
}


def alias_known_as(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)

    def make() -> str:
        fore = rng.choice(list(_NICKNAMES))
        nick = _NICKNAMES[fore]
        sur = people.surname()
        return rng.choice(
            [
                f'{fore} "{nick}" {sur}',
                f"{fore} '{nick}' {sur}",
                f"{fore} {sur} aka {nick}",
                f"“{nick}” {sur}",
            ]
        )

    return fill(rng, rows, 0.75, make)


def mothers_maiden_name(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)

    def make() -> str:
        sur = people.surname()
        return rng.choice([f"née {sur}", sur, f"NEE {sur.upper()}", f"{sur} (maiden)"])

    return fill(rng, rows, 0.60, make)


def donor_title_surname(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)
    return fill(
        rng,
        rows,
        0.55,
        lambda: (
            f"{rng.choice(pools.TITLES)}. {people.surname()}"
            if rng.random() < 0.3
            else f"{rng.choice(pools.TITLES)} {people.surname()}"
        ),
    )


def emerg_contact(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)

    def make() -> str:
        rel = rng.choice(pools.RELATIONSHIPS).capitalize()
        text = f"{rel} - {rng.choice(pools.TITLES)} {people.full()}"
        if rng.random() < 0.4:
            text += " " + v.phone_spaced(v.phone(rng))
        return text

    return fill(rng, rows, 0.65, make)


def preferred_name(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        fore = rng.choice(list(_NICKNAMES))
        nick = _NICKNAMES[fore]
        return rng.choice(
            [
                f"{fore} (prefers {nick})",
                f"{fore} - likes to be called {nick}",
                f"{fore} ({nick})",
                nick,
            ]
        )

    return fill(rng, rows, 0.70, make)


def lpa_attorney(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)
    return one_value(rng, rows, lambda: f"Ms {people.full(['welsh'])} (LPA H&W)")


def relationship(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        rel = rng.choice(pools.RELATIONSHIPS)
        return rng.choice(
            [
                rel,
                f"{rel} (deceased)",
                f"NOK - {rel}",
                f"{rel} (key holder)",
                rel.upper(),
                f"{rel}/carer",
            ]
        )

    return fill(rng, rows, 0.50, make)


def nok_flag(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.60, lambda: rng.choice(["Y", "N", "(deceased)", "N/K", "y", "None"]))


def foster_carers(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)

    def make() -> str:
        sur = people.surname()
        one, two = people.forename(), people.forename()
        return rng.choice(
            [
                f"{one} & {two} {sur}",
                f"Mr & Mrs {sur}",
                f"{one} and {two} {sur}",
                f"{sur}, {one} & {two}",
                f"{one} {sur} & {two} {people.surname()}",
            ]
        )

    return fill(rng, rows, 0.60, make)


def baby_name(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)

    def make() -> str:
        fore, sur = people.pair()
        return rng.choice(
            [
                f"Baby of {fore} {sur}",
                f"Baby Girl {sur}",
                f"BABY BOY 2 {sur.upper()}",
                f"Twin 1 of {fore} {sur}",
                f"{sur} baby",
            ]
        )

    return fill(rng, rows, 0.75, make)


def title(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.60, lambda: rng.choice(pools.TITLES))


# ---------------------------------------------------------------- h) hard names

_HARD = ["irish", "welsh", "polish", "vietnamese", "turkish", "portuguese", "arabic", "scottish"]


def hard_surnames(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)
    extra = (
        "O'Brien",
        "D'Souza",
        "St. Clair",
        "van der Merwe",
        "Mc Sweeney",
        "de la Cruz",
        "N'Diaye",
        "Al-Hashimi",
    )
    return fill(
        rng,
        rows,
        0.02,
        lambda: rng.choice(extra) if rng.random() < 0.2 else people.surname(rng.choice(_HARD)),
    )


def surname_first_upper(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)

    def make() -> str:
        fore, sur = people.pair()
        return f"{sur.upper()}, {fore}" if rng.random() < 0.6 else f"{sur.upper()}, {fore.upper()}"

    return fill(rng, rows, 0.01, make)


def origin_forenames(origin: str, share: float) -> Builder:
    def build(rng: random.Random, rows: int) -> list[Cell]:
        people = v.People(rng)
        return fill(
            rng, rows, 0.03, lambda: people.forename(origin if rng.random() < share else None)
        )

    return build


def origin_surnames(origins: list[str], share: float) -> Builder:
    def build(rng: random.Random, rows: int) -> list[Cell]:
        people = v.People(rng)
        return fill(
            rng,
            rows,
            0.03,
            lambda: people.surname(rng.choice(origins) if rng.random() < share else None),
        )

    return build


def naam(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)
    return fill(
        rng, rows, 0.02, lambda: people.full(["south_asian", "south_asian", "arabic", "somali"])
    )


def father_name(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)

    def make() -> str:
        fore, sur = people.pair(["south_asian", "arabic"])
        return rng.choice(
            [
                f"Muhammad {fore} {sur}",
                f"{fore} {sur}",
                f"{fore} {people.forename('south_asian')} {sur}",
            ]
        )

    return fill(rng, rows, 0.15, make)


def known_as(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)
    return fill(
        rng,
        rows,
        0.1,
        lambda: rng.choice(pools.MONONYMS) if rng.random() < 0.6 else people.forename(),
    )


def word_surnames(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.02, lambda: rng.choice(pools.WORD_SURNAMES))


def word_forenames(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)
    return fill(
        rng,
        rows,
        0.02,
        lambda: rng.choice(pools.WORD_FORENAMES) if rng.random() < 0.7 else people.forename(),
    )


def name_with_suffix(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)

    def make() -> str:
        fore, sur = people.pair()
        second = people.forename()
        return rng.choice(
            [
                f"{fore[0]}. {second[0]}. {sur} {rng.choice(pools.SUFFIXES)}",
                f"Dr {fore} {sur} {rng.choice(['MBE', 'OBE'])}",
                f"{fore} {sur} {rng.choice(pools.SUFFIXES)}",
                f"{fore[0]} {second[0]} {sur}",
                f"{fore} {second[0]}. {sur}",
            ]
        )

    return fill(rng, rows, 0.02, make)


def family_first(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)

    def make() -> str:
        origin = rng.choice(["vietnamese", "chinese"])
        sur, fore = people.surname(origin), people.forename(origin)
        shown = sur.upper() if rng.random() < 0.6 else sur
        return f"{shown} {fore}"

    return fill(rng, rows, 0.02, make)


def maiden_in_brackets(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)

    def make() -> str:
        fore, sur = people.pair()
        maiden = people.surname()
        return rng.choice(
            [
                f"{fore} {sur} (née {maiden})",
                f"{fore} {sur} (nee {maiden})",
                f"{fore} {sur} (formerly {maiden})",
                f"{fore} {sur} [{maiden}]",
            ]
        )

    return fill(rng, rows, 0.03, make)


# ---------------------------------------------------------------- s) staff names


def gp_name(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)

    def make() -> str:
        fore, sur = people.pair()
        return rng.choice([f"Dr {fore[0]}. {sur}", f"Dr {fore} {sur}", f"DR {sur.upper()}"])

    return fill(rng, rows, 0.02, make)


def key_worker(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)
    return fill(rng, rows, 0.1, people.full)


def referrer(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)
    roles = (
        "Consultant Haematologist",
        "School Nurse",
        "Health Visitor",
        "Practice Nurse",
        "Midwife",
        "Diabetes Specialist Nurse",
        "GP",
    )

    def make() -> str:
        fore, sur = people.pair()
        return f"{rng.choice(['Dr', 'Nurse', 'Ms', 'Mr'])} {fore[0]}. {sur} ({rng.choice(roles)})"

    return fill(rng, rows, 0.05, make)


def audiologist(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)

    def make() -> str:
        fore, sur = people.pair()
        return f"{sur}, {fore[0]}."

    return fill(rng, rows, 0.03, make)


def panel_chair(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)
    return fill(rng, rows, 0.05, lambda: f"{rng.choice(pools.TITLES)} {people.full()}")


def interpreter(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)
    languages = (
        "Somali",
        "Polish",
        "Urdu",
        "Tigrinya",
        "Arabic",
        "Vietnamese",
        "Mandarin",
        "Turkish",
        "Portuguese",
        "BSL",
    )
    return fill(rng, rows, 0.4, lambda: f"{people.full()} ({rng.choice(languages)})")
