"""Reports, draft configs and redacted copies: findings yes, values never."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import polars as pl
import yaml
from rich.console import Console

from safelink.config import ColumnRole, parse_config
from safelink.detect import mask, render_table, scan, write_draft_config
from safelink.identifiers import Identifier


def _values(frame: pl.DataFrame, columns: list[str]) -> set[str]:
    out: set[str] = set()
    for name in columns:
        for value in frame.get_column(name).drop_nulls().to_list():
            out.add(value)
            out.update(w for w in value.replace(",", " ").split() if len(w) >= 5)
    return {v for v in out if len(v) >= 5}


def test_report_json_and_table_never_contain_values(corpus: tuple[pl.DataFrame, Any]) -> None:
    frame, labels = corpus
    identifying = [c for c, label in labels.items() if label.kind is not None and label.direct]
    report = scan(frame, sample=500, free_text=["case_notes"])
    buffer = io.StringIO()
    Console(file=buffer, width=400).print(render_table(report))
    rendered = json.dumps(report.to_dict()) + buffer.getvalue()
    leaked = [v for v in _values(frame, identifying) if v in rendered]
    assert leaked == []
    assert report.findings  # the report does say something


def test_mask_nhs_number_keeps_prefix_only() -> None:
    assert mask("999 000 0018", "NHS_NUMBER") == "999 *** ****"
    assert mask("Smith", "SURNAME") == "S****"


def test_draft_config_loads_and_marks_identifiers(
    tmp_path: Path, corpus: tuple[pl.DataFrame, Any]
) -> None:
    frame, labels = corpus
    report = scan(frame, sample=500)
    path = write_draft_config(report, tmp_path / "job.yaml", project="demo", source="hospital")
    text = path.read_text(encoding="utf-8")
    assert all("#" in line for line in text.splitlines() if line.startswith("      "))
    config = parse_config(yaml.safe_load(text), origin=str(path))
    specs = {c.name: c for c in config.source("hospital").columns}
    assert set(specs) == set(frame.columns)
    assert specs["nhs_number"].role is ColumnRole.IDENTIFIER
    assert specs["nhs_number"].kind is Identifier.NHS_NUMBER
    assert specs["order_id"].role is ColumnRole.CONTENT
    # Staff names are personal data but dropped by the draft (issue 19's staff policy).
    staff = {f.column for f in report.findings if f.subject == "staff"}
    assert staff == {"consultant_name"}
    for column, label in labels.items():
        if label.direct and label.kind is not None:
            role = ColumnRole.DROP if column in staff else ColumnRole.IDENTIFIER
            assert specs[column].role is role, column


def test_scan_free_text_redacted_copy_replaces_entities(tmp_path: Path) -> None:
    notes = ["NHS number 999 000 0018 confirmed", "Seen by Mrs Jane Smith today", "No concerns"]
    frame = pl.DataFrame({"notes": notes, "id": ["1", "2", "3"]})
    out = tmp_path / "redacted.csv"
    report = scan(frame, free_text=["notes"], redact_to=out)
    redacted = pl.read_csv(out)["notes"].to_list()
    assert redacted[0] == "NHS number <NHS_NUMBER> confirmed"
    assert "<PERSON>" in redacted[1] and "Jane" not in redacted[1]
    assert redacted[2] == "No concerns"
    assert report.free_text[0].rows_with == {"NHS_NUMBER": 1, "PERSON": 1}
    assert report.has_direct


def test_dates_of_birth_and_postcodes_are_called_quasi_identifiers() -> None:
    from rich.console import Console

    from safelink.detect import render_table, scan

    frame = pl.DataFrame(
        {
            "dob": [f"{d:02d}/03/19{50 + d}" for d in range(1, 29)] * 10,
            "postcode": ["LS1 4AP", "BD7 1DP", "M1 1AE", "SW1A 1AA"] * 70,
            "nhs_number": ["943 476 5919"] * 280,
        }
    )
    report = scan(frame)
    roles = {p.column: p.finding.identifies for p in report.columns if p.finding}
    assert roles == {"dob": "quasi", "postcode": "quasi", "nhs_number": "direct"}
    assert report.to_dict()["columns"][0]["finding"]["identifies"] == "quasi"
    console = Console(width=200, record=True)
    console.print(render_table(report))
    assert console.export_text().count("quasi (indirect)") == 2
