"""Royal Mail postcode rules, NI-number messages and NHS-number range warnings (issue 26)."""

from __future__ import annotations

import polars as pl
import pytest

from safelink.config import parse_config
from safelink.detect import build_engine
from safelink.keys import Keyring
from safelink.normalise import nhs_warnings, normalise_ni_number, normalise_postcode
from safelink.pseudonymise import pseudonymise

IMPOSSIBLE = ["QA1 1AA", "VA1 1AA", "XA1 1AA", "M1 1CA", "M1 1AI", "AI1 1AA", "EC1I 1AA"]
REAL_SHAPES = ["SW1A 1AA", "W1A 0AX", "EC1A 1BB", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT"]


@pytest.mark.parametrize("postcode", IMPOSSIBLE)
def test_impossible_postcodes_are_rejected_and_not_found(postcode: str) -> None:
    assert normalise_postcode(pl.Series([postcode])).reasons.to_list() == ["invalid_format"]
    found = build_engine().analyze(f"Postcode: {postcode} on file", language="en")
    assert [r for r in found if r.entity_type == "POSTCODE"] == []


@pytest.mark.parametrize("postcode", [*REAL_SHAPES, "GIR 0AA", "gir0aa"])
def test_every_royal_mail_format_is_accepted(postcode: str) -> None:
    assert normalise_postcode(pl.Series([postcode])).values[0] is not None


def test_ni_number_messages_name_the_part_at_fault() -> None:
    values = pl.Series(["AA 12 34 56 H", "QQ123456C", "BG123456A", "AB123456C", "AB12345"])
    assert normalise_ni_number(values).reasons.to_list() == [
        "invalid_suffix", "invalid_prefix", "invalid_prefix", None, "invalid_format",
    ]  # fmt: skip


def test_nhs_numbers_in_odd_ranges_are_accepted_with_a_warning(keyring: Keyring) -> None:
    numbers = ["9990000018", "5000000005", "8000000008", "4000000004", None]
    assert nhs_warnings(pl.Series(numbers)).to_list() == [
        None, "never_issued_range", "unallocated_range", None, None,
    ]  # fmt: skip
    config = parse_config(
        {"project": "test", "sources": {"s": {"columns": {"nhs": {"role": "identifier",
         "kind": "nhs_number"}}}}}
    )  # fmt: skip
    result = pseudonymise(pl.DataFrame({"nhs": numbers}), config, keyring)
    (column,) = result.summary.columns
    assert column.accepted == 4
    assert dict(column.warnings) == {"never_issued_range": 1, "unallocated_range": 1}
    assert result.summary.to_dict()["columns"][0]["warnings"] == dict(column.warnings)


def test_passport_licence_and_vehicle_columns_are_found_and_tokenised(keyring: Keyring) -> None:
    from safelink.detect import scan
    from safelink.detect.values import scan_values

    frame = pl.DataFrame(
        {
            "passport_no": ["237036107", "AB1234567", "123456789"] * 20,
            "dvla_licence": ["MORGA607054SM9IJ", "SMITH802290AB1CD", "JONES710153J99EF"] * 20,
            "vehicle_reg": ["AB51 ABC", "BD62XYZ", "K1 ABC"] * 20,
        }
    )
    kinds = {p.column: str(p.finding.kind) for p in scan(frame).columns if p.finding}
    assert kinds == {
        "passport_no": "passport_number",
        "dvla_licence": "driving_licence",
        "vehicle_reg": "vehicle_registration",
    }
    # A licence number hidden in released text refuses the release (the value gate).
    findings = scan_values(pl.DataFrame({"note": ["licence MORGA607054SM9IJ", "none"]}))
    assert [(f.column, str(f.kind), f.values) for f in findings] == [("note", "driving_licence", 1)]
    columns = {name: {"role": "identifier", "kind": kind} for name, kind in kinds.items()}
    config = parse_config({"project": "test", "sources": {"s": {"columns": columns}}})
    result = pseudonymise(frame, config, keyring)
    assert set(result.tokens.columns) >= set(kinds.values())
    assert result.summary.rejected_total() == 0
