"""End to end: two raw synthetic extracts to a signed, verified release bundle."""

from __future__ import annotations

import json
import re
from pathlib import Path

import polars as pl
import pytest

from safelink.errors import ConfigError, DisclosureRiskError
from safelink.pseudonymise.tokens_format import read_tokens
from safelink.release import verify, verify_audit_log
from safelink.synthetic.extracts import valid_test_nhs_numbers

from .conftest import Pipeline


def _bundle_text(directory: Path) -> str:
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in directory.iterdir())


def test_release_two_extracts_verifies(pipeline: Pipeline, released) -> None:
    report = verify(released.out_dir, pipeline.public_key)
    assert report.ok, [c for c in report.checks if not c.passed]
    names = {c.name for c in report.checks}
    assert {"signature", "file set", "disclosure re-check", "identifier scan"} <= names
    assert sorted(p.name for p in released.out_dir.iterdir()) == [
        "data.csv", "data.parquet", "manifest.json", "manifest.sig", "report.html",
    ]  # fmt: skip
    data = pl.read_parquet(released.out_dir / "data.parquet")
    assert data.height == released.rows_out > 0.9 * released.rows_in
    assert "record_id" not in data.columns and "person_id" not in data.columns
    assert data["person"].str.contains(r"^p_[0-9a-f]{24}$").all()


def test_release_outputs_hold_no_identifier_token_or_key(pipeline: Pipeline, released) -> None:
    text = _bundle_text(released.out_dir)
    text += (pipeline.root / "audit" / "test.audit.jsonl").read_text()
    # The linkage report too, waterfall of scored pairs included (tokens only, no value).
    assert released.manifest["linkage"]["waterfall"]["pairs"]
    assert "Waterfall of a few scored pairs" in text
    text += pipeline.links.with_name("linkage_report.json").read_text()
    links = pl.read_parquet(pipeline.links)
    for source, path in pipeline.extracts.items():
        if source == "truth":
            continue
        raw = pl.read_csv(path, infer_schema=False)
        for column in raw.columns:
            if any(k in column for k in ("nhs", "name", "postcode", "dob", "date_of_birth")):
                planted = [v for v in raw[column].drop_nulls().unique().to_list() if len(v) > 5]
                leaked = [v for v in planted[:300] if v in text]
                assert not leaked, f"{source}.{column} values appear in the bundle or audit log"
    assert not set(links["record_id"].to_list()[:500]) & set(re.findall(r"[0-9a-f]{32}", text))
    for source in pipeline.content:
        tokens = read_tokens(pipeline.root / "pseudonymised" / f"{source}.tokens.parquet")
        for column in ("nhs_number", "forename", "surname", "date_of_birth", "postcode"):
            values = tokens[column].drop_nulls().unique().to_list()[:300]
            leaked = [v for v in values if v in text]
            assert values and not leaked, f"{source}.{column} tokens appear in the outputs"
    assert "psn_" not in text
    assert pipeline.root.joinpath("keys", "test.key").read_text()[-60:] not in text
    assert "PRIVATE KEY" not in text


def test_release_second_recipient_shares_no_pseudonym(pipeline: Pipeline, released) -> None:
    other = pipeline.release(pipeline.root / "releases" / "council_team", recipient="council_team")
    first = set(pl.read_parquet(released.out_dir / "data.parquet")["person"].to_list())
    second = set(pl.read_parquet(other.out_dir / "data.parquet")["person"].to_list())
    assert len(first) > 1000 and len(second) > 1000
    assert not first & second
    assert verify(other.out_dir, pipeline.public_key).ok
    keys_a, keys_b = released.manifest["key_ids"], other.manifest["key_ids"]
    assert keys_a["release:uni_research"] != keys_b["release:council_team"]


def test_release_same_recipient_twice_same_pseudonyms(pipeline: Pipeline, released) -> None:
    again = pipeline.release(pipeline.root / "releases" / "uni_again")
    first = pl.read_parquet(released.out_dir / "data.parquet")
    second = pl.read_parquet(again.out_dir / "data.parquet")
    assert first.equals(second)


def test_release_manifest_records_provenance(pipeline: Pipeline, released) -> None:
    manifest = json.loads((released.out_dir / "manifest.json").read_text())
    assert manifest["recipient"] == "uni_research"
    assert manifest["tool"]["name"] == "safelink" and manifest["created_by"]
    assert set(manifest["key_ids"]) >= {"project", "release:uni_research", "signing", "link"}
    assert all(v.startswith("kid_") for v in manifest["key_ids"].values())
    assert (
        manifest["inputs"]["links"]["sha256"]
        == __import__("hashlib").sha256(pipeline.links.read_bytes()).hexdigest()
    )
    assert manifest["rows"]["out"] == released.rows_out
    assert manifest["disclosure"]["report"]["report"]["passed"] is True
    assert manifest["linkage"]["steps"] and manifest["config"]["sha256"]
    assert {t["action"] for t in manifest["transformations"]} >= {"pseudonymise", "suppress"}
    log = verify_audit_log(pipeline.root / "audit" / "test.audit.jsonl")
    assert log.ok and log.entries >= 1


def test_release_failing_profile_refused_nothing_written(pipeline: Pipeline) -> None:
    strict = {**pipeline.job().sections["release"]["disclosure"]}
    strict["profile"] = {"name": "tre", "k": 60, "max_suppression": 0.01}
    out = pipeline.root / "releases" / "refused"
    log = pipeline.root / "audit" / "refused.jsonl"
    with pytest.raises(DisclosureRiskError, match="profile"):
        pipeline.release(out, job=pipeline.job(disclosure=strict), audit_log=log)
    assert not out.exists()
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".refused")]
    entry = json.loads(log.read_text().splitlines()[-1])
    assert entry["outcome"] == "refused: DisclosureRiskError"


def _with_extra_column(pipeline: Pipeline, tmp_path: Path, values: pl.Series) -> dict[str, Path]:
    content = pl.read_parquet(pipeline.content["hospital"])
    changed = content.with_columns(values.head(content.height).alias("diagnosis"))
    path = tmp_path / "hospital.content.parquet"
    changed.write_parquet(path)
    return {**pipeline.content, "hospital": path}


def test_release_nhs_numbers_in_content_refused_by_gate(pipeline: Pipeline, tmp_path) -> None:
    numbers = pl.Series([str(n) for n in valid_test_nhs_numbers()[:5000]])
    content = _with_extra_column(pipeline, tmp_path, numbers)
    out = tmp_path / "leak"
    with pytest.raises(DisclosureRiskError, match="identifier gate") as caught:
        pipeline.release(out, content=content, audit_log=tmp_path / "a.jsonl")
    assert "diagnosis" in str(caught.value) and not out.exists()
    assert not any(n in str(caught.value) for n in numbers.head(50).to_list())


def test_release_linkage_ids_in_content_refused_by_gate(pipeline: Pipeline, tmp_path) -> None:
    content = pl.read_parquet(pipeline.content["hospital"])
    content = _with_extra_column(pipeline, tmp_path, content["record_id"])
    with pytest.raises(DisclosureRiskError, match="linkage") as caught:
        pipeline.release(tmp_path / "leak", content=content, audit_log=tmp_path / "a.jsonl")
    assert "diagnosis" in str(caught.value)


def test_release_settings_invalid_lists_every_problem(pipeline: Pipeline, tmp_path) -> None:
    job = pipeline.job(
        recipient="no spaces allowed",
        columns={"person": {"hospital": "sex"}, "x": {"nowhere": "a"}},
        scan_sample=3,
        colour="blue",
    )
    with pytest.raises(ConfigError) as caught:
        pipeline.release(tmp_path / "r", job=job, recipient=None)
    problems = caught.value.problems
    assert len(problems) >= 5
    joined = " ".join(problems)
    for word in ("colour", "recipient", "reserved", "nowhere", "scan_sample"):
        assert word in joined


def test_release_demo_writes_verified_bundle(pipeline: Pipeline) -> None:
    from safelink.release import release_demo

    result = release_demo(
        pipeline.root, keyring=pipeline.keys, config=pipeline.config, signing_passphrase="x" * 16
    )
    assert result.out_dir == pipeline.root / "release" / "demo_research"
    assert result.report_path is not None and result.report_path.is_file()
    public = (pipeline.root / "keys" / "demo.signing.pub").read_bytes()
    assert verify(result.out_dir, public).ok
    assert verify_audit_log(pipeline.root / "audit" / "demo.audit.jsonl").ok


def test_release_with_surrogate_and_date_shift_records_them_in_manifest(
    pipeline: Pipeline, released
) -> None:
    from safelink.release import DEMO_RELEASE

    disclosure = dict(DEMO_RELEASE["disclosure"])
    disclosure["transformations"] = [
        {"shift_dates": ["event_date"], "person": "person", "max_days": 60},
        {"surrogate": "diagnosis", "kind": "category"},
        *disclosure["transformations"],
    ]
    job = pipeline.job(disclosure=disclosure)
    shifted = pipeline.release(pipeline.root / "releases" / "surrogates", job=job)
    manifest = shifted.manifest
    assert manifest["surrogate_columns"] == ["diagnosis"]
    assert manifest["shifted_date_columns"] == ["event_date"]
    actions = [t["action"] for t in manifest["transformations"]]
    assert "surrogate" in actions and "shift_dates" in actions
    assert verify(shifted.out_dir, pipeline.public_key).ok
    assert released.manifest["surrogate_columns"] == []
