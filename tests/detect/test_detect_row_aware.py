"""Row-aware redaction: a row's own identifiers found in its own free text, and nowhere else."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from safelink.detect import scan
from safelink.detect.freetext import redact
from safelink.detect.own import fold, own_terms
from safelink.errors import InputError
from safelink.identifiers import Identifier

PERSON = {
    "forename": "Graham",
    "surname": "Coleman-Burgess",
    "date_of_birth": "04/03/1975",
    "nhs_number": "943 476 5919",
    "postcode": "LS1 4AP",
    "phone": "0113 496 0000",
    "address": "12 Mill Lane",
    "email": "g.cb@example.org",
}
KINDS = {
    "forename": Identifier.FORENAME,
    "surname": Identifier.SURNAME,
    "date_of_birth": Identifier.DATE_OF_BIRTH,
    "nhs_number": Identifier.NHS_NUMBER,
    "postcode": Identifier.POSTCODE,
    "phone": Identifier.PHONE,
    "address": Identifier.ADDRESS,
    "email": Identifier.EMAIL,
}


def _redacted(text: str, person: dict[str, str | None] | None = None) -> str:
    row = pl.DataFrame(
        {k: [v] for k, v in (person or PERSON).items()}, schema=dict.fromkeys(KINDS, pl.String)
    )
    (terms,) = own_terms(row, KINDS)
    return redact(text, terms.find(text))


@pytest.mark.parametrize(
    ("mention", "entity"),
    [
        ("Graham Coleman-Burgess", "PERSON"),
        ("GRAHAM COLEMAN BURGESS", "PERSON"),
        ("Mr Coleman-Burgess", "PERSON"),
        ("G. Coleman-Burgess", "PERSON"),
        ("graham", "PERSON"),
        ("4th March 1975", "DATE_OF_BIRTH"),
        ("4 Mar 1975", "DATE_OF_BIRTH"),
        ("04/03/75", "DATE_OF_BIRTH"),
        ("4/3/1975", "DATE_OF_BIRTH"),
        ("1975-03-04", "DATE_OF_BIRTH"),
        ("March 4th, 1975", "DATE_OF_BIRTH"),
        ("9434765919", "NHS_NUMBER"),
        ("943-476-5919", "NHS_NUMBER"),
        ("ls14ap", "POSTCODE"),
        ("+44 (0)113 496 0000", "PHONE_NUMBER"),
        ("01134960000", "PHONE_NUMBER"),
        ("12 mill lane", "ADDRESS"),
        ("G.CB@example.org", "EMAIL_ADDRESS"),
    ],
)
def test_each_written_form_of_the_rows_own_identifiers_is_redacted(
    mention: str, entity: str
) -> None:
    redacted = _redacted(f"Seen today: {mention}, at home.")
    assert f"<{entity}>" in redacted
    assert fold(mention) not in fold(redacted)


def test_accents_apostrophes_and_case_do_not_hide_a_name() -> None:
    person = {**dict.fromkeys(KINDS), "forename": "Zoë", "surname": "O'Brien"}
    assert _redacted("zoe obrien; Zoë O\u2019Brien; Miss O BRIEN", person).count("<PERSON>") >= 3
    assert "brien" not in _redacted("zoe obrien; Zoë O\u2019Brien agreed", person).lower()


@pytest.mark.parametrize(
    "text",
    ["Annual review in Leeds", "Dose 943 476 59190 mg", "Seen 04/03/1976", "Grahamstown trip"],
)
def test_word_edges_hold(text: str) -> None:
    person = {**PERSON, "forename": "Ann", "surname": "Lee"}
    assert _redacted(text, person) == text


def test_a_rows_terms_apply_to_that_row_only() -> None:
    frame = pl.DataFrame(
        {
            "record_id": ["r1", "r2"],
            "forename": ["Oswin", "Tamsin"],
            "surname": ["Quayle", "Verity"],
            "note": ["Oswin Quayle visited Tamsin Verity", "Tamsin Verity visited Oswin Quayle"],
        }
    )
    terms = own_terms(frame, {"forename": Identifier.FORENAME, "surname": Identifier.SURNAME})
    first = redact(frame["note"][0], terms[0].find(frame["note"][0]))
    assert first == "<PERSON> visited Tamsin Verity"


def _extract() -> pl.DataFrame:
    forenames = ["Oswin", "Tamsin", "Ebele", "Wojciech", "Siobhan"] * 40
    surnames = ["Quayle", "Verity", "Okonkwo", "Zielinski", "Ni Bhriain"] * 40
    return pl.DataFrame(
        {
            "record_id": [f"r{i:03d}" for i in range(200)],
            "forename": forenames,
            "surname": surnames,
            "note": [
                f"{f.upper()} seen at home with carer; {s} family content."
                for f, s in zip(forenames, surnames, strict=True)
            ],
        }
    )


def test_scan_redacts_own_names_that_patterns_miss_and_keeps_the_key(tmp_path: Path) -> None:
    frame = _extract()
    out = tmp_path / "redacted.csv"
    report = scan(frame, free_text=["note"], redact_to=out)
    redacted = pl.read_csv(out)
    assert redacted.columns == ["record_id", "note"]
    assert redacted["record_id"].to_list() == frame["record_id"].to_list()
    for original, copy in zip(frame.iter_rows(named=True), redacted["note"], strict=True):
        assert fold(original["forename"]) not in fold(copy)
        assert fold(original["surname"]) not in fold(copy)
    (finding,) = report.free_text
    assert finding.rows_with_own == {"PERSON": 200}
    assert report.settings["row_aware"] is True


def test_without_row_awareness_those_names_stay(tmp_path: Path) -> None:
    out = tmp_path / "plain.parquet"
    scan(_extract(), free_text=["note"], redact_to=out, row_aware=False)
    notes = pl.read_parquet(out)["note"]
    assert notes.str.contains("OSWIN").sum() == 40


def test_key_column_is_named_or_the_row_number(tmp_path: Path) -> None:
    frame = _extract().drop("record_id").with_row_index("case_ref")
    scan(frame, free_text=["note"], redact_to=tmp_path / "a.csv")
    assert pl.read_csv(tmp_path / "a.csv").columns == ["row", "note"]
    scan(frame, free_text=["note"], redact_to=tmp_path / "b.csv", key_column="case_ref")
    assert pl.read_csv(tmp_path / "b.csv").columns == ["case_ref", "note"]
    with pytest.raises(InputError, match="key column 'nope' not found"):
        scan(frame, free_text=["note"], redact_to=tmp_path / "c.csv", key_column="nope")
    assert not (tmp_path / "c.csv").exists()


def test_cli_redacts_row_aware_with_a_key(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    source = tmp_path / "extract.csv"
    _extract().write_csv(source)
    out = tmp_path / "notes.csv"
    result = run_cli(
        "scan", str(source), "--free-text", "note", "--redact-to", str(out), "--format", "json"
    )
    assert result.code == 0, result.stderr
    assert "OSWIN" not in out.read_text(encoding="utf-8")
    assert '"rows_with_own"' in result.stdout
    bad = tmp_path / "x.csv"
    missing = run_cli(
        "scan", str(source), "--free-text", "note", "--redact-to", str(bad), "--key-column", "nope"
    )
    assert missing.code == 2
    assert "key column 'nope' not found" in missing.stderr
    assert "Oswin" not in missing.stderr
    assert not bad.exists()


@pytest.mark.parametrize(
    "text",
    [
        "Smith, smithson, asmith, SMITH_x, Smith2, smith-jones, Smíth, tom smith tom",
        "Graham met graham; grahams; Coleman-Burgess and coleman burgess",
    ],
)
def test_own_terms_literal_names_found_as_their_regex_finds_them(text: str) -> None:
    import re

    frame = pl.DataFrame({"forename": ["Tom", "Graham"], "surname": ["Smith", "Coleman-Burgess"]})
    kinds = {"forename": Identifier.FORENAME, "surname": Identifier.SURNAME}
    for terms in own_terms(frame, kinds):
        folded = fold(text)
        by_regex = sorted(
            (entity, m.start(), m.end())
            for entity, key, pattern in terms.terms
            if all(literal in folded for literal in key.split(" "))
            for m in re.finditer(pattern, folded)
        )
        found = sorted((r.entity_type, r.start, r.end) for r in terms.find(text))
        assert found == by_regex


def test_row_aware_finds_a_first_of_january_birth_date() -> None:
    """Linkage reads 1 January as a placeholder; a note that writes the day still names it."""
    import polars as pl

    from safelink.detect.own import own_terms
    from safelink.identifiers import Identifier

    frame = pl.DataFrame({"dob": ["1948-01-01", "1948"]})
    terms = own_terms(frame, {"dob": Identifier.DATE_OF_BIRTH})
    text = "Born 01/01/1948, seen today."
    assert {(r.start, r.end) for r in terms[0].find(text)} == {(5, 15)}
    assert terms[1].find(text) == []  # a year alone gives no date to find
