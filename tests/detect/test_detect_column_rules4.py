"""Column rules added for issue 19's fourth round, each on its own synthetic examples.

Names written as people write them in a name column (a nickname in quotes or after "aka", a
couple under one surname, a relation before the name with a dash, a household, a former
name), headers naming a hospital number or an emergency contact in short forms, passport
numbers after the issuing state's code, single names from many communities without a header,
and hospital numbers without a header by their trusts' organisation codes.
"""

from __future__ import annotations

import random

import polars as pl

from safelink.detect import scan
from safelink.detect.column_model import ColumnFinding
from safelink.detect.damage import undo_spreadsheet_damage
from safelink.detect.headers import header_entities
from safelink.detect.recognisers import name_lists, passport_valid
from safelink.identifiers import Identifier

ROWS = 400
# Invented name words (no list holds them), to stand for names from many communities.
_SYLLABLES = ("ka", "lo", "mi", "ren", "du", "sa", "vel", "to", "bri", "an", "zo", "ek")


def _findings(columns: dict[str, list[str | None]]) -> dict[str, ColumnFinding | None]:
    frame = pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))
    return {p.column: p.finding for p in scan(frame, sample=1_000).columns}


def _kind(finding: ColumnFinding | None) -> Identifier | None:
    return finding.kind if finding is not None and finding.detected else None


def _invented(rng: random.Random, count: int) -> list[str]:
    words = {"".join(rng.sample(_SYLLABLES, 3)).title() for _ in range(count * 3)}
    return sorted(words)[:count]


def test_undo_damage_nicknames_couples_relations_households_and_former_names() -> None:
    values = pl.Series(
        [
            "aka Tom",
            "AKA JESS",
            "known as Bill",
            "'Bea'",
            "\u201cMaz\u201d",
            "Mr and Mrs Hale",
            "Dr & Mr Oduya",
            "Sister - Ann Lowe",
            "Friend \u2013 Raj Mehta",
            "Pike family",
            "Hale formerly Lowe",
            "O'Hara",
        ]
    )
    assert undo_spreadsheet_damage(values).to_list() == [
        "Tom",
        "JESS",
        "Bill",
        "Bea",
        "Maz",
        "Mrs Hale",
        "Mr Oduya",
        "Ann Lowe",
        "Raj Mehta",
        "Pike",
        "Hale",
        "O'Hara",  # an apostrophe inside a name is not a quote
    ]


def test_header_entities_short_hospital_number_and_contact_person_headers() -> None:
    assert header_entities("HospNum")[0] == ["HOSPITAL_NUMBER"]
    assert header_entities("hosp_id_2")[0] == ["HOSPITAL_NUMBER"]
    assert header_entities("EmergencyContact")[0] == ["FULL_NAME"]
    assert header_entities("contact_person")[0] == ["FULL_NAME"]
    assert header_entities("emergency_contact_mobile")[0] == ["PHONE_NUMBER"]
    assert header_entities("contact_outcome")[0] == []


def test_passport_valid_issuing_state_code_before_number() -> None:
    values = pl.Series(["GBR 107 442 908", "uk731120644", "FRA 107442908", "GBR10744290"])
    assert passport_valid(values).to_list() == [True, True, False, False]


def test_scan_annotated_names_under_alias_guardian_and_contact_headers() -> None:
    forenames, surnames = name_lists()
    rng = random.Random(41)
    fore = [f.title() for f in rng.sample(sorted(forenames), 80)]
    sur = [s.title() for s in rng.sample(sorted(surnames), 80)]
    nick = [
        rng.choice([f"aka {f}", f"'{f}'", f"AKA {f.upper()}", f"known as {f}"])
        for f in rng.choices(fore, k=ROWS)
    ]
    guardian = [
        rng.choice([f"Mr and Mrs {s}", f"Ms {s}", f"Mr & Mrs {s}", f"{s} family"])
        for s in rng.choices(sur, k=ROWS)
    ]
    contact = [
        rng.choice([f"Niece - {f} {s}", f"{f} {s}, neighbour", f"Brother: {f} {s}"])
        for f, s in zip(rng.choices(fore, k=ROWS), rng.choices(sur, k=ROWS), strict=True)
    ]
    found = _findings({"nickname": nick, "legal_guardian": guardian, "EmergencyContact": contact})
    assert _kind(found["nickname"]) is Identifier.FORENAME
    assert _kind(found["legal_guardian"]) is not None
    assert _kind(found["EmergencyContact"]) is Identifier.FULL_NAME


def test_scan_rounded_hospital_numbers_and_coded_passports_under_short_headers() -> None:
    rng = random.Random(42)
    found = _findings(
        {
            "hosp_no": [f"{rng.randint(10_000_000, 49_999_999)}.0" for _ in range(ROWS)],
            "passport": [
                rng.choice(["GBR ", "GBR", ""]) + str(rng.randint(100_000_000, 999_999_999))
                for _ in range(ROWS)
            ],
        }
    )
    assert _kind(found["hosp_no"]) is Identifier.HOSPITAL_NUMBER
    assert _kind(found["passport"]) is Identifier.PASSPORT_NUMBER


def test_scan_varied_single_names_without_header_found_code_lists_not() -> None:
    _, surnames = name_lists()
    rng = random.Random(43)
    listed = [s.title() for s in rng.sample(sorted(surnames), 40)]
    unlisted = _invented(rng, 160)
    varied = [rng.choice(listed if rng.random() < 0.15 else unlisted) for _ in range(ROWS)]
    # Tens of words, some of them listed names, are a code list (wards, towns, colours).
    wards = [rng.choice(listed[:6] + unlisted[:14]) for _ in range(ROWS)]
    found = _findings({"k_3": varied, "k_4": wards})
    assert _kind(found["k_3"]) is Identifier.SURNAME
    assert _kind(found["k_4"]) is None


def test_scan_hospital_numbers_by_trust_codes_without_header() -> None:
    rng = random.Random(44)
    trusts = ("RJ1", "RWE", "RM3")
    numbers = [
        f"{rng.choice(trusts)}{rng.randint(1_000_000, 9_999_999)}"
        if rng.random() < 0.6
        else f"{rng.choice('ABK')}{rng.randint(1_000_000, 9_999_999)}"
        for _ in range(ROWS)
    ]
    # One prefix, however R-like, is a reference's own ("REF"); episode ids likewise.
    references = [f"REF{rng.randint(1_000_000, 9_999_999)}" for _ in range(ROWS)]
    episodes = [f"EP{rng.randint(1_000_000, 9_999_999)}" for _ in range(ROWS)]
    found = _findings({"c_5": numbers, "c_6": references, "c_7": episodes})
    assert _kind(found["c_5"]) is Identifier.HOSPITAL_NUMBER
    assert _kind(found["c_6"]) is None and _kind(found["c_7"]) is None
