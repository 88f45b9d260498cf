"""Category e: headerless or coded headers (values are plain identifiers or plain codes)."""

import hashlib
import random

from . import values as vl


def _pad(rng: random.Random, s: str, width: int) -> str:
    """Fixed-width export padding on some rows."""
    return s.ljust(width) if rng.random() < 0.3 else s


def field_23(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.03, lambda: _pad(rng, vl.nhs_number(rng), 12)) for _ in range(rows)]


def col_17(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.05, lambda: _pad(rng, vl.full_name(rng), 30)) for _ in range(rows)]


def unnamed_4(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.06, lambda: vl.postcode(rng)) for _ in range(rows)]


def unnamed_5(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.04, lambda: vl.dob(rng).strftime("%d/%m/%Y")) for _ in range(rows)]


def f0042(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.12, lambda: vl.phone(rng)) for _ in range(rows)]


def systmone_k3(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.2, lambda: vl.email(rng)) for _ in range(rows)]


def x_ni(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.08, lambda: vl.ni_number(rng)) for _ in range(rows)]


def column1_vrm(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.1, lambda: vl.vehicle_registration(rng)) for _ in range(rows)]


def attr_9(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.15, lambda: vl.driving_licence(rng)) for _ in range(rows)]


def rio_c12(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.03, lambda: vl.hospital_number(rng)) for _ in range(rows)]


def v7(rng: random.Random, rows: int) -> list[str | None]:
    return [
        vl.blank_or(rng, 0.04, lambda: _pad(rng, vl.surname(rng).upper(), 20)) for _ in range(rows)
    ]


def field_24(rng: random.Random, rows: int) -> list[str | None]:
    return [vl.blank_or(rng, 0.1, lambda: str(rng.randint(0, 27))) for _ in range(rows)]


def col_18(rng: random.Random, rows: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        token = hashlib.sha256(str(rng.random()).encode()).hexdigest()
        out.append(token[: rng.choice([16, 32, 64])].upper() if rng.random() < 0.5 else token[:32])
    return out


def unnamed_0(rng: random.Random, rows: int) -> list[str | None]:
    return [str(i) for i in range(rows)]


GENERATORS = {
    "field_23": field_23,
    "col_17": col_17,
    "Unnamed: 4": unnamed_4,
    "Unnamed: 5": unnamed_5,
    "F0042": f0042,
    "SYSTMONE_K3": systmone_k3,
    "x": x_ni,
    "Column1": column1_vrm,
    "attr_9": attr_9,
    "RIO_C12": rio_c12,
    "V7": v7,
    "field_24": field_24,
    "col_18": col_18,
    "Unnamed: 0": unnamed_0,
}
