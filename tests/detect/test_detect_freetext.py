"""Free-text scanning: batching rows together gives the same answer as one row at a time."""

from __future__ import annotations

from typing import Any

import polars as pl

from safelink.detect import build_engine, redact, scan_text
from safelink.detect.freetext import FREE_TEXT_ENTITIES

ENGINE = build_engine()


def test_scan_text_joined_rows_match_row_by_row(corpus: tuple[pl.DataFrame, Any]) -> None:
    frame, _ = corpus
    rows = [
        *frame["case_notes"].head(300).to_list(),
        "DOB",  # birth context at the end of one row must not reach the next row's date
        "04/03/1975 appointment",
        "NHS number",
        "999 000 0018 quoted without context",
        "Mrs Jane Smith, 12 Mill Lane, LS1 4AP, 0113 496 0000",
    ]
    finding, redacted = scan_text(pl.Series("n", rows), ENGINE, redacted=True)
    assert redacted is not None
    supported = set(ENGINE.get_supported_entities("en"))
    entities = [e for e in FREE_TEXT_ENTITIES if e in supported]
    expected: dict[str, int] = {}
    for text, got in zip(rows, redacted.to_list(), strict=True):
        alone = ENGINE.analyze(text, language="en", entities=entities)
        assert got == redact(text, alone)
        for entity in {r.entity_type for r in alone}:
            expected[entity] = expected.get(entity, 0) + 1
    assert finding.rows_with == expected
    assert "DATE_OF_BIRTH" not in finding.rows_with


def test_scan_text_validates_matches_once_per_batch_of_chunks(monkeypatch: Any) -> None:
    from safelink.detect import recognisers

    calls: list[int] = []
    real = recognisers.NhsNumberRecogniser.valid

    def counted(values: pl.Series) -> pl.Series:
        calls.append(values.len())
        return real(values)

    monkeypatch.setattr(recognisers.NhsNumberRecogniser, "valid", staticmethod(counted))
    engine = build_engine()
    rows = [f"Visit {i}: NHS number 943 476 5919 quoted, bed {i % 30}." for i in range(3_000)]
    finding, _ = scan_text(pl.Series("n", rows), engine)
    assert finding.rows_with["NHS_NUMBER"] == 3_000
    assert len(calls) <= 3  # one call per batch of joined chunks, not one per chunk or row
    assert sum(calls) >= 3_000
    for recogniser in engine.registry.recognizers:  # nothing prepared is kept after the scan
        assert not getattr(recogniser, "_prepared", {})
