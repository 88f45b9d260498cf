"""Columns judged by shape: row counters are not identifiers; unlisted full names are."""

from __future__ import annotations

import itertools
import random

import polars as pl

from safelink.detect import scan
from safelink.identifiers import Identifier

ROWS = 1_000
# Invented names (syllables joined), none in the detector's lists: about 700 forenames and
# surnames each.
_SYLLABLES = ["zor", "vath", "quil", "lan", "mar", "ivel", "tob", "rin", "kav", "eh", "ond", "ine",
              "yus", "bra", "ken", "fold", "tin", "dal", "nak", "aga", "wara", "ozd", "emir", "vur",
              "rinth", "sel"]  # fmt: skip
_FORE = [(a + b).capitalize() for a in _SYLLABLES for b in _SYLLABLES if a != b]
_SUR = [
    (b + a + b).capitalize() + ("-Roe" if i % 3 == 2 else "")
    for i, (a, b) in enumerate(itertools.product(_SYLLABLES, repeat=2))
    if a != b
]


def _detected(frame: pl.DataFrame) -> dict[str, Identifier | None]:
    report = scan(frame, sample=1_000)
    return {p.column: p.finding.kind for p in report.columns if p.finding and p.finding.detected}


def test_scan_row_counter_under_identifier_header_is_not_an_identifier() -> None:
    rng = random.Random(1)
    counter = [str(i + 1) if rng.random() > 0.02 else None for i in range(ROWS)]
    shuffled = [str(500 + i) for i in range(ROWS)]
    rng.shuffle(shuffled)
    mrn = [str(rng.randint(1_000_000, 9_999_999)) for _ in range(ROWS)]
    frame = pl.DataFrame({"patient_id": counter, "local_patient_id": shuffled, "mrn": mrn})
    assert _detected(frame) == {"mrn": Identifier.HOSPITAL_NUMBER}


def test_scan_full_names_outside_the_lists_under_coded_header_found_by_shape() -> None:
    rng = random.Random(2)
    names = [f"{rng.choice(_FORE)} {rng.choice(_SUR)}" for _ in range(ROWS)]
    upper = [f"{rng.choice(_SUR).upper()}, {rng.choice(_FORE)}" for _ in range(ROWS)]
    frame = pl.DataFrame({"V3": names, "field_2": upper})
    assert _detected(frame) == {"V3": Identifier.FULL_NAME, "field_2": Identifier.FULL_NAME}


def test_scan_capitalised_code_lists_and_places_not_names_by_shape() -> None:
    rng = random.Random(3)
    wards = [f"{rng.choice(_FORE)} Ward" for _ in range(ROWS)]
    teams = [
        rng.choice(["Reablement East", "Community Nursing", "Rapid Response"]) for _ in range(ROWS)
    ]
    streets = [
        f"{rng.choice(_SUR)} {rng.choice(['Road', 'Avenue', 'Crescent'])}" for _ in range(ROWS)
    ]
    few = [f"{rng.choice(_FORE[:8])} {rng.choice(_SUR[:2])}" for _ in range(ROWS)]  # 16 values
    frame = pl.DataFrame({"V1": wards, "V2": teams, "V4": streets, "V5": few})
    assert _detected(frame) == {}


# Accented, particled and initialled names, none in the lists: Latin letters of many languages.
_ACCENTED_FORE = ["Zoë", "Łucja", "Ștefan", "Íde", "Øyvind", "Ñuria", "Çağla", "Dóra"]
_ACCENTED_SUR = ["Vřešťál", "ap Tudwal", "Ó Fearghaíl", "van der Quist", "Müßig", "Ţăran"]


def test_scan_names_in_any_latin_script_with_particles_and_initials() -> None:
    rng = random.Random(3)
    full = [f"{rng.choice(_ACCENTED_FORE)} {rng.choice(_FORE)} {rng.choice(_ACCENTED_SUR)}"
            for _ in range(ROWS)]  # fmt: skip
    inverted = [
        f"{rng.choice(_SUR).upper()}, {rng.choice(_ACCENTED_FORE)} {rng.choice('ABCDE')}"
        for _ in range(ROWS)
    ]
    frame = pl.DataFrame({"full_name": full, "field_9": inverted})
    assert _detected(frame) == {"full_name": Identifier.FULL_NAME, "field_9": Identifier.FULL_NAME}


def test_scan_annotated_names_under_kin_preferred_and_maiden_headers() -> None:
    rng = random.Random(4)

    def blank_or(value: str) -> str | None:
        return value if rng.random() < 0.3 else None

    kin = [
        blank_or(
            rng.choice(
                [
                    f"Husband: {rng.choice(_FORE)} {rng.choice(_SUR)}",
                    f"{rng.choice(_FORE)} {rng.choice(_SUR)} - daughter",
                    f"{rng.choice(_FORE)} {rng.choice(_SUR)}, friend, lives nearby",
                    f"{rng.choice(_FORE)} {rng.choice(_SUR)} (nephew)",
                ]
            )
        )
        for _ in range(ROWS)
    ]
    maiden = [blank_or(rng.choice(["née ", "nee ", ""]) + rng.choice(_SUR)) for _ in range(ROWS)]
    known = [blank_or(rng.choice(_FORE)) for _ in range(ROWS)]
    frame = pl.DataFrame({"next_of_kin": kin, "maiden_name": maiden, "known_as": known})
    assert _detected(frame) == {
        "next_of_kin": Identifier.FULL_NAME,
        "maiden_name": Identifier.SURNAME,
        "known_as": Identifier.FORENAME,
    }


def test_scan_welsh_language_headers() -> None:
    rng = random.Random(5)
    frame = pl.DataFrame(
        {
            "enw": [f"{rng.choice(_FORE)} {rng.choice(_SUR)}" for _ in range(ROWS)],
            "cyfenw": [rng.choice(_SUR) for _ in range(ROWS)],
            "cod_post": [rng.choice(["CF10 1AA", "SA1 1DP", "LL55 4UR"]) for _ in range(ROWS)],
        }
    )
    assert _detected(frame) == {
        "enw": Identifier.FULL_NAME,
        "cyfenw": Identifier.SURNAME,
        "cod_post": Identifier.POSTCODE,
    }
