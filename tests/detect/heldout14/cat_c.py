"""Category c: name columns with annotations and many blanks."""

import random
from collections.abc import Callable

from . import pools as pl
from . import values as vl


def _col(rng: random.Random, rows: int, blank: float, fn: Callable[[], str]) -> list[str | None]:
    return [vl.blank_or(rng, blank, fn) for _ in range(rows)]


def _rel(rng: random.Random) -> str:
    return rng.choice(pl.RELATIONS)


def carer_name(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        name = vl.full_name(rng)
        return rng.choice(
            [f"{name} ({_rel(rng)})", f"{name} ({_rel(rng)})", name, f"{name} - {_rel(rng)}"]
        )

    return _col(rng, rows, 0.62, one)


def next_of_kin(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        sur = vl.surname(rng).upper()
        fore = vl.forename(rng)
        title = rng.choice(pl.TITLES).upper()
        note = rng.choice(pl.RELATION_NOTES)
        return rng.choice(
            [
                f"{title} {fore[0]} {sur} - {_rel(rng)}, {note}",
                f"{title} {fore.upper()} {sur} ({_rel(rng)})",
                f"{fore} {sur.title()} / {_rel(rng)} / {note}",
            ]
        )

    return _col(rng, rows, 0.55, one)


def shared_lives_carer(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        sur = vl.surname(rng)
        a, b = rng.sample(pl.FORENAMES, 2)
        return rng.choice(
            [
                f"{a} & {b} {sur} (SL carers)",
                f"{a} {sur} (SL carer)",
                f"{a} and {b} {sur}",
                f"{sur}, {a} & {b} - approved 2022",
            ]
        )

    return _col(rng, rows, 0.7, one)


def emergency_forename(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        f = vl.forename(rng)
        return rng.choice(
            [
                f"{f} ({_rel(rng)})",
                f,
                f"{f} - {_rel(rng)}",
                f"{f.lower()} ({_rel(rng)}, {rng.choice(pl.RELATION_NOTES)})",
            ]
        )

    return _col(rng, rows, 0.6, one)


def guardian_surname(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        s = vl.surname(rng)
        return rng.choice(
            [f"{s.upper()} ({_rel(rng)})", s, f"{s} [{_rel(rng)}]", f"{s.upper()} - PR holder"]
        )

    return _col(rng, rows, 0.75, one)


def second_carer(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        r = rng.random()
        if r < 0.35:
            return rng.choice(
                ["n/k", "N/A", "declined", "see notes", "none", "-", "?", "TBC", "not known"]
            )
        name = vl.full_name(rng)
        return rng.choice([name, f"{name} ({_rel(rng)})", f"{name} (occasional)"])

    return _col(rng, rows, 0.6, one)


def enw_gofalwr(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        fore = rng.choice(pl.WELSH_FORENAMES + pl.FORENAMES)
        name = f"{fore} {rng.choice(pl.WELSH_SURNAMES + pl.SURNAMES)}"
        return rng.choice(
            [
                f"{name} ({rng.choice(pl.WELSH_RELATIONS)})",
                name,
                f"{name} - {rng.choice(pl.WELSH_RELATIONS)}/{_rel(rng)}",
            ]
        )

    return _col(rng, rows, 0.68, one)


def ainm_curamaiche(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        f = rng.choice(pl.GAELIC_FORENAMES)
        s = rng.choice(pl.GAELIC_SURNAMES_M + pl.GAELIC_SURNAMES_F + pl.SURNAMES)
        return rng.choice(
            [f"{f} {s} ({rng.choice(pl.GAELIC_RELATIONS)})", f"{f} {s}", f"{f} {s} - {_rel(rng)}"]
        )

    return _col(rng, rows, 0.8, one)


def opiekun(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        f = rng.choice(pl.POLISH_FORENAMES)
        s = rng.choice(pl.POLISH_SURNAMES)
        return rng.choice(
            [
                f"{f} {s} ({rng.choice(pl.POLISH_RELATIONS)})",
                f"{s.upper()} {f}",
                f"{f} {s} - {rng.choice(pl.POLISH_RELATIONS)}, mówi po angielsku",
            ]
        )

    return _col(rng, rows, 0.72, one)


def mother_name_nbs(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        name = vl.full_name(rng)
        return rng.choice(
            [
                f"BO {name.upper()}",
                f"Baby of {name}",
                f"{name} (mother)",
                f"{name} (baby of) twin 2",
                name,
            ]
        )

    return _col(rng, rows, 0.52, one)


def birth_partner(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        name = vl.full_name(rng)
        return rng.choice(
            [
                f"{name} \u2013 partner, not father",
                f"{name} (partner)",
                f"{name} \u2013 doula",
                f"{name} (mum)",
                f"{name}",
            ]
        )

    return _col(rng, rows, 0.66, one)


def friend_contact(rng: random.Random, rows: int) -> list[str | None]:
    nick = ["Dot", "Bev", "Mags", "Reenie", "Tez", "Del", "Shaz", "Babs", "Kaz", "Mo"]

    def one() -> str:
        f = rng.choice(nick + pl.FORENAMES)
        who = rng.choice(["neighbour", "friend", "church friend"])
        return rng.choice(
            [
                f"{f} ({who}, {rng.choice(pl.RELATION_NOTES)})",
                f"{f} (neighbour)",
                f,
            ]
        )

    return _col(rng, rows, 0.78, one)


def alt_contact(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        f, s = vl.forename(rng), vl.surname(rng)
        title = rng.choice(pl.TITLES)
        return rng.choice(
            [
                f"c/o {title} {f[0]}. {s} ({_rel(rng)}) \u2013 {rng.choice(pl.RELATION_NOTES)}",
                f"{title} {f} {s} ({_rel(rng)})",
                f"{s}, {f} ({_rel(rng)})",
            ]
        )

    return _col(rng, rows, 0.85, one)


def nok_relationship(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        return rng.choice(
            [
                f"{_rel(rng)} - {rng.choice(pl.RELATION_NOTES)}",
                f"({_rel(rng)})",
                _rel(rng).title(),
                f"{_rel(rng).upper()} / {rng.choice(pl.RELATION_NOTES)}",
            ]
        )

    return _col(rng, rows, 0.6, one)


GENERATORS = {
    "carer_name": carer_name,
    "next_of_kin": next_of_kin,
    "shared_lives_carer": shared_lives_carer,
    "emergency_contact_forename": emergency_forename,
    "guardian_surname": guardian_surname,
    "second_carer": second_carer,
    "enw_gofalwr": enw_gofalwr,
    "ainm_cùramaiche": ainm_curamaiche,
    "opiekun_imie_nazwisko": opiekun,
    "mother_name_nbs": mother_name_nbs,
    "birth_partner": birth_partner,
    "friend_contact": friend_contact,
    "alt_contact_2": alt_contact,
    "nok_relationship": nok_relationship,
}
