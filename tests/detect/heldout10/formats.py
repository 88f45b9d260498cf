"""Category f: mixed formats in one column."""

from __future__ import annotations

import random

from tests.detect.heldout10 import values as v
from tests.detect.heldout10.builders import Cell, fill

# ---------------------------------------------------------------- f) mixed formats


def nhs_mixed(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        n = v.nhs_number(rng)
        return rng.choice(
            [
                n,
                f"{n[:3]} {n[3:6]} {n[6:]}",
                f"{n[:3]}-{n[3:6]}-{n[6:]}",
                f'"{n}"',
                f"{n[:3]} {n[3:6]}\n{n[6:]}",
                f" {n} ",
                f"{n[:3]}  {n[3:6]}  {n[6:]}",
                f"{n[:5]} {n[5:]}",
            ]
        )

    return fill(rng, rows, 0.03, make)


def dob_mixed(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.03, lambda: v.date_any_format(rng, v.birth_date(rng)))


def postcode_mixed(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.05, lambda: v.postcode_odd(rng, v.postcode(rng)))


def phone_mixed(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.08, lambda: v.phone_any_format(rng, v.phone(rng)))


def chi_mixed(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        c = v.chi_number(rng)
        return rng.choice(
            [
                c,
                f"{c[:6]} {c[6:]}",
                f"{c[:6]}-{c[6:]}",
                c.lstrip("0") + ".0",
                f"CHI {c}",
                f"{c[:2]} {c[2:4]} {c[4:6]} {c[6:]}",
            ]
        )

    return fill(rng, rows, 0.03, make)


def ni_mixed(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        ni = v.ni_number(rng)
        spaced = v.ni_spaced(ni)
        return rng.choice(
            [
                ni,
                spaced,
                ni.lower(),
                ni[:8],
                spaced.replace(" ", "-"),
                f"{ni[:8]} {ni[8]}",
                spaced.lower(),
            ]
        )

    return fill(rng, rows, 0.1, make)


def email_mixed(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)

    def make() -> str:
        fore, sur = people.pair()
        address = v.email(rng, fore, sur)
        local, _, domain = address.partition("@")
        return rng.choice(
            [
                address,
                address.upper(),
                f"{local.title()}@{domain.title()}",
                f"{fore} {sur} <{address}>",
                f"mailto:{address}",
                f" {address};",
                f"<{address}>",
            ]
        )

    return fill(rng, rows, 0.12, make)


def hosp_mixed(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        h = v.hospital_number(rng)
        return rng.choice(
            [h, h.lower(), f"{h[0]} {h[1:]}", h.rjust(14), f"MRN {h}", f"{h[:3]}-{h[3:]}", f"'{h}"]
        )

    return fill(rng, rows, 0.02, make)


def vrm_mixed(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        r = v.vehicle_registration(rng)
        compact = r.replace(" ", "")
        return rng.choice(
            [
                r,
                compact,
                r.lower(),
                f"{compact[:2]}-{compact[2:4]}-{compact[4:]}",
                compact.lower(),
                f" {r} ",
            ]
        )

    return fill(rng, rows, 0.15, make)


def licence_mixed(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)

    def make() -> str:
        fore, sur = people.pair()
        d = v.driving_licence(rng, fore, sur, v.birth_date(rng, 1940, 2006))
        return rng.choice(
            [
                d,
                d.lower(),
                f"{d[:5]} {d[5:11]} {d[11:]}",
                f"{d} {rng.randint(10, 99)}",
                f"{d[:5]} {d[5:11]} {d[11:13]} {d[13:]}",
            ]
        )

    return fill(rng, rows, 0.2, make)


def ref_with_nhs(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        n = v.nhs_number(rng)
        return rng.choice(
            [
                f"REF-{n}-A",
                f"EYE/{n}/{rng.randint(1, 9):02d}",
                f"DESP{n}",
                f"CHIS_{n}_v{rng.randint(1, 4)}",
                f"{n}-AUD",
                f"SCT{rng.randint(1, 9)}:{n}",
            ]
        )

    return fill(rng, rows, 0.02, make)


def uprn_mixed(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        u = v.uprn(rng)
        return rng.choice([u.zfill(12), f"UPRN:{u}", u, f"UPRN {u}", u.zfill(12)])

    return fill(rng, rows, 0.06, make)


def appt_mixed(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        day = v.birth_date(rng, 2024, 2026)
        time = f"{rng.randint(8, 17):02d}:{rng.choice([0, 10, 20, 30, 40, 50]):02d}"
        return rng.choice(
            [
                f"{v.date_any_format(rng, day)} {time}",
                v.date_any_format(rng, day),
                f"{day.isoformat()}T{time}:00",
                f"{time} {day.strftime('%a %d %b')}",
            ]
        )

    return fill(rng, rows, 0.04, make)


def hearing_level(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        level = rng.randrange(-10, 120, 5)
        return rng.choice([f"{level}dB", f"{level} dB", str(level), f"{level} dB HL"])

    return fill(rng, rows, 0.1, make)
