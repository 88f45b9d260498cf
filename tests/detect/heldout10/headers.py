"""Misleading headers (d) and headerless or coded headers (e)."""

from __future__ import annotations

import random
import string

from tests.detect.heldout10 import pools
from tests.detect.heldout10 import values as v
from tests.detect.heldout10.builders import Cell, fill, one_value

# ---------------------------------------------------------------- d) misleading headers


def nhs_ref(rng: random.Random, rows: int) -> list[Cell]:
    return fill(
        rng,
        rows,
        0.02,
        lambda: rng.choice(
            [
                f"PO-{rng.randint(2019, 2026)}-{rng.randint(0, 999999):06d}",
                f"PO{rng.randint(19, 26)}/{rng.randint(0, 99999):05d}",
                f"NHSSC-{rng.randint(100000, 999999)}",
            ]
        ),
    )


def client_code(rng: random.Random, rows: int) -> list[Cell]:
    alphabet = string.ascii_uppercase + string.digits

    def make() -> str:
        head = "".join(rng.choice(alphabet) for _ in range(4))
        return f"{head}-{rng.randint(0, 9999):04d}"

    return fill(rng, rows, 0.01, make)


def details_email(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)

    def make() -> str:
        fore, sur = people.pair()
        return v.email(rng, fore, sur)

    return fill(rng, rows, 0.2, make)


def comments(rng: random.Random, rows: int) -> list[Cell]:
    moves = (
        "Transferred from {p} to {w}.",
        "Seen at {c}.",
        "Moved to {w} overnight.",
        "Clinic at {c} cancelled.",
        "Bloods taken at {p}.",
        "Follow-up at {c}.",
        "Discussed at {p} MDT.",
    )
    treats = (
        "Started {g}.",
        "Stopped {g}.",
        "Continue {g}.",
        "{g} dose reduced.",
        "Allergic to {g}?",
        "No change.",
    )

    def make() -> str:
        text = f"{rng.choice(moves)} {rng.choice(treats)}"
        return (
            text.replace("{p}", rng.choice(pools.PLACES))
            .replace("{w}", rng.choice(pools.WARDS))
            .replace("{c}", rng.choice(pools.CLINICS))
            .replace("{g}", rng.choice(pools.DRUGS))
        )

    return fill(rng, rows, 0.15, make)


def name_services(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.0, lambda: rng.choice(pools.SERVICES))


def reference_ni(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.08, lambda: v.ni_number(rng))


def contact_postcode(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.05, lambda: v.postcode(rng))


def id_nhs(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.0, lambda: v.nhs_number(rng))


def location_address(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.04, lambda: v.address(rng))


def dl_ref(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.03, lambda: f"DL-{rng.randint(0, 999999):06d}")


def reg(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.3, lambda: v.vehicle_registration(rng))


def passport_flag(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.2, lambda: rng.choice(["Seen", "Expired", "Not seen", "Copy on file"]))


def mobile_asset(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.1, lambda: f"MOB-{rng.randint(1, 450):04d}")


# ---------------------------------------------------------------- e) coded headers


def full_names(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)
    return fill(rng, rows, 0.02, people.full)


def dob_slash(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.02, lambda: v.birth_date(rng).strftime("%d/%m/%Y"))


def bed_counts(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.0, lambda: str(rng.randint(0, 32)))


def times(rng: random.Random, rows: int) -> list[Cell]:
    return fill(
        rng, rows, 0.05, lambda: f"{rng.randint(8, 17):02d}:{rng.choice([0, 15, 30, 45]):02d}"
    )


def vendor_forenames(rng: random.Random, rows: int) -> list[Cell]:
    people = v.People(rng)
    return fill(rng, rows, 0.01, lambda: people.forename().upper().ljust(20))


def addr_line1(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.02, lambda: v.street_line(rng))


def session_codes(rng: random.Random, rows: int) -> list[Cell]:
    return fill(
        rng, rows, 0.0, lambda: f"AUD-{rng.choice(['AM', 'PM', 'EV'])}-{rng.randint(1, 12):02d}"
    )


def mobiles(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.1, lambda: v.phone_spaced(v.phone(rng, mobile=True)))


def hospital_numbers(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.01, lambda: v.hospital_number(rng))


def one_barcode(rng: random.Random, rows: int) -> list[Cell]:
    return one_value(rng, rows, lambda: f"T{rng.randint(2024, 2026)}{rng.randint(0, 99999999):08d}")


def one_passport(rng: random.Random, rows: int) -> list[Cell]:
    return one_value(rng, rows, lambda: v.passport_number(rng))


def consent_flags(rng: random.Random, rows: int) -> list[Cell]:
    return fill(rng, rows, 0.1, lambda: rng.choice(["Y", "N", "Declined", "y", "Yes"]))
