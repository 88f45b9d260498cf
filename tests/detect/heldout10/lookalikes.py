"""Category g: look-alikes of kind None."""

from __future__ import annotations

import random
import string

from tests.detect.heldout10.builders import Builder, Cell, fill

# ---------------------------------------------------------------- g) look-alikes of kind None

_SNOMED = (
    "73211009",
    "417357006",
    "40108008",
    "15188001",
    "77176002",
    "8517006",
    "271737000",
    "46635009",
    "44054006",
    "230690007",
    "38341003",
    "195967001",
)


def snomed(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        if rng.random() < 0.5:
            return rng.choice(_SNOMED)
        length = rng.choice([6, 8, 9, 10, 15, 16, 18])
        body = str(rng.randint(1, 9)) + "".join(
            rng.choice(string.digits) for _ in range(length - 4)
        )
        return body + rng.choice(["100", "000", "101"])

    return fill(rng, rows, 0.03, make)


def ods(rng: random.Random, rows: int) -> list[Cell]:
    return fill(
        rng,
        rows,
        0.0,
        lambda: rng.choice(
            [
                "RR8",
                "RTH",
                "RX4",
                "7A4",
                "RHQ",
                f"B{rng.randint(81000, 89999)}",
                f"Y0{rng.randint(1000, 9999)}",
                f"W9{rng.randint(1000, 9999)}",
                f"S{rng.randint(10000, 99999)}",
            ]
        ),
    )


def bed_code(rng: random.Random, rows: int) -> list[Cell]:
    return fill(
        rng,
        rows,
        0.02,
        lambda: f"WD{rng.randint(1, 40):02d}-{rng.choice('ABCS')}{rng.randint(1, 30):02d}",
    )


def rota_code(rng: random.Random, rows: int) -> list[Cell]:
    return fill(
        rng,
        rows,
        0.05,
        lambda: "-".join(
            [
                rng.choice(["LD", "E", "N", "SD", "TW"]),
                rng.choice("NDL"),
                f"{rng.randint(1, 14):02d}",
            ]
        ),
    )


def choice_column(options: tuple[str, ...], blank: float) -> Builder:
    def build(rng: random.Random, rows: int) -> list[Cell]:
        return fill(rng, rows, blank, lambda: rng.choice(options))

    return build


def dispensed_time(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        hour, minute = rng.randint(8, 21), rng.randint(0, 59)
        return rng.choice(
            [
                f"{hour:02d}:{minute:02d}",
                f"{hour % 12 or 12}.{minute:02d}{'pm' if hour >= 12 else 'am'}",
                f"{hour:02d}{minute:02d}",
                f"{hour:02d}:{minute:02d}:{rng.randint(0, 59):02d}",
            ]
        )

    return fill(rng, rows, 0.02, make)


def grid_ref(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        square = rng.choice(["SE", "NZ", "ST", "SS", "NY", "SO"])
        e, n = rng.randint(0, 99), rng.randint(0, 99)
        return rng.choice(
            [
                f"{square} {e:02d} {n:02d}",
                f"{square}{e:02d}{n:02d}",
                f"{square} {rng.randint(0, 99999):05d} {rng.randint(0, 99999):05d}",
            ]
        )

    return fill(rng, rows, 0.1, make)


def bnf_code(rng: random.Random, rows: int) -> list[Cell]:
    return fill(
        rng,
        rows,
        0.02,
        lambda: rng.choice(
            [
                "0601023A0AAAAAA",
                "0410020A0AAAGAG",
                "0410030C0AAAAAA",
                "0901011F0AAAAAA",
                "0902021S0AAAAAA",
                "0410010A0AAAQAQ",
                "1106000Z0AAAAAA",
            ]
        ),
    )


def vaccine_batch(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        letters = "".join(rng.choice(string.ascii_uppercase) for _ in range(2))
        return rng.choice(
            [
                f"{letters}{rng.randint(1000, 9999)}",
                f"{letters}{rng.randint(1000, 9999)}A",
                f"{letters}{rng.randint(10, 99)} {rng.randint(100, 999)}",
            ]
        )

    return fill(rng, rows, 0.05, make)


def callsign(rng: random.Random, rows: int) -> list[Cell]:
    return fill(
        rng,
        rows,
        0.05,
        lambda: rng.choice(
            [
                f"YA{rng.randint(100, 999)}",
                f"PTS {rng.randint(100, 499)}",
                f"NE{rng.randint(10, 99)}",
                f"WAST-{rng.randint(1000, 9999)}",
            ]
        ),
    )


def equipment_asset(rng: random.Random, rows: int) -> list[Cell]:
    def make() -> str:
        inward = f"{rng.randint(0, 9)}{rng.choice('ABDEFGHJLN')}{rng.choice('PQRSTUWXYZ')}"
        return f"{rng.choice(['OT', 'EQ', 'WC', 'HB'])}{rng.randint(10, 99)} {inward}"

    return fill(rng, rows, 0.03, make)
