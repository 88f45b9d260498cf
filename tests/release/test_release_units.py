"""Units: recipient pseudonyms, the identifier gate, canonical JSON and the HTML charts."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safelink.errors import ConfigError, OutputError
from safelink.release import canonical_json, identifier_gate, pseudonymise_persons, recipient_key
from safelink.release.gate import token_like_columns
from safelink.report import bar_chart, histogram, table
from safelink.synthetic.extracts import valid_test_nhs_numbers

from .conftest import Pipeline

person_ids = st.lists(
    st.text(alphabet="0123456789abcdef", min_size=4, max_size=20).map(lambda s: f"psn_{s}"),
    min_size=1,
    max_size=50,
    unique=True,
)
recipients = st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True)


@settings(max_examples=40, deadline=None)
@given(ids=person_ids, a=recipients, b=recipients)
def test_pseudonyms_two_recipients_share_none(pipeline: Pipeline, ids, a, b) -> None:
    if a == b:
        return
    series = pl.Series(ids)
    first = pseudonymise_persons(series, recipient_key(pipeline.keys, a))
    second = pseudonymise_persons(series, recipient_key(pipeline.keys, b))
    assert not set(first) & set(second)
    assert first.n_unique() == len(ids)
    assert first.equals(pseudonymise_persons(series, recipient_key(pipeline.keys, a)))
    assert first.str.contains(r"^p_[0-9a-f]{24}$").all()
    assert not token_like_columns(pl.DataFrame({"person": first}))


@pytest.mark.parametrize("name", ["", "two words", "x" * 65, "../up", "a;b"])
def test_recipient_invalid_name_refused(pipeline: Pipeline, name: str) -> None:
    with pytest.raises(ConfigError, match="recipient"):
        recipient_key(pipeline.keys, name)


def test_identifier_gate_nhs_numbers_and_tokens_flagged() -> None:
    numbers = [str(n) for n in valid_test_nhs_numbers()[:500]]
    frame = pl.DataFrame(
        {
            "ref": numbers,
            "code": ["ab" * 16] * 250 + ["note with psn_0123456789abcdef inside"] * 250,
            "band": ["40-49"] * 500,
        }
    )
    gate = identifier_gate(frame)
    assert not gate.passed
    assert gate.direct_columns == ("ref",)
    assert gate.token_columns == {"code": 500}
    assert not any(n in " ".join(gate.failures()) for n in numbers)
    clean = identifier_gate(frame.select("band"))
    assert clean.passed


def test_canonical_json_is_order_independent() -> None:
    assert canonical_json({"b": 1, "a": [2, {"d": 3, "c": 4}]}) == canonical_json(
        {"a": [2, {"c": 4, "d": 3}], "b": 1}
    )
    with pytest.raises(ValueError):
        canonical_json({"x": float("nan")})


def test_report_charts_escape_labels_and_mark_threshold() -> None:
    svg = bar_chart([("<script>x</script>", 0.5)], title="t", percent=True)
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "50.0%" in svg
    hist = histogram([(-2, -1, 10), (3, 4, 5)], title="w", threshold=1.5)
    assert "threshold 1.5" in hist and hist.count("<rect") == 2
    assert "&lt;b&gt;" in table(["h"], [["<b>"]])


def test_step_reports_render_offline(pipeline: Pipeline) -> None:
    import json

    from safelink.detect import scan
    from safelink.report import render_linkage_report, render_scan_report

    linkage = json.loads((pipeline.root / "linked" / "linkage_report.json").read_text())
    html = render_linkage_report(linkage)
    assert "Records linked per step" in html and "http" not in html.replace("http-equiv", "")
    for step in linkage["steps"]:
        assert step["step"] in html
    blocked = sum(row["pairs"] for row in linkage["model"]["blocked_pairs"])
    assert blocked > 0
    assert "pairs put forward by the blocking rules" in html and f"{blocked:,}" in html
    # The whole flow's estimates, the constraints and the model's m and u, for the IG lead.
    assert "Estimated quality of the whole flow" in html and "LOW RECALL" not in html
    assert "Clustering constraints" in html and "links refused: different nhs numbers" in html
    levels = [row for row in linkage["model"]["parameters"] if "comparison" in row]
    assert levels and "Model parameters (m and u per comparison level)" in html
    assert all(row["level"] in html for row in levels[:5])
    low = {**linkage, "estimates": {**linkage["estimates"], "recall_below_floor": True}}
    assert "LOW RECALL" in render_linkage_report(low)
    raw = pl.read_csv(pipeline.extracts["hospital"], infer_schema=False)
    page = render_scan_report(scan(raw.head(300), sample=300))
    assert "NHS_NUMBER" in page
    assert not any(v in page for v in raw["nhs_number"].drop_nulls().head(100).to_list())


def test_release_existing_directory_refused_before_reading_inputs(pipeline: Pipeline, tmp_path):
    out_dir = tmp_path / "taken"
    out_dir.mkdir()
    log = tmp_path / "audit.jsonl"
    # The links file does not exist: only a refusal before any reading names the directory.
    with pytest.raises(OutputError, match="already exists; choose a new release directory"):
        pipeline.release(out_dir, links=tmp_path / "missing.parquet", audit_log=log)
    assert not log.exists() and list(out_dir.iterdir()) == []


def test_release_gate_counts_raw_byte_tokens_as_token_like():
    # Tokens files store tokens as raw bytes (format 2); a binary column in a release is one.
    frame = pl.DataFrame(
        {"raw": [bytes(range(16)), None, bytes(16)], "age_band": ["40-49", "50-59", None]}
    )
    assert token_like_columns(frame) == {"raw": 2}


def test_exact_id_leaks_counts_rows_per_text_column():
    from safelink.release.gather import exact_id_leaks

    links = pl.DataFrame(
        {"record_id": [1, 2, 3], "person_id": ["P-a", "P-b", "P-b"], "source": ["h", "h", "s"]}
    )
    data = pl.DataFrame(
        {
            "note": ["P-a", "x", "P-a", None, "2"],  # two person ids and one record id
            "rows": ["y", "y", "y", "y", "y"],  # no id: not reported (the helper's own name)
            "value": ["3", None, "z", "P-b", "1"],
            "age": [1, 2, 3, 1, 2],  # not text: never looked at
        }
    )
    assert exact_id_leaks(data, links) == {"note": 3, "value": 3}
    assert exact_id_leaks(data.select("age"), links) == {}
