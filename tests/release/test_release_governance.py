"""Governance bound to every release: refusals, the signed record, and verify's report."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from safelink.config import load_yaml, parse_config
from safelink.errors import ConfigError, GovernanceError
from safelink.infra.audit import read_audit_entries
from safelink.infra.io import sha256_bytes
from safelink.release import canonical_json, verify
from safelink.release.governance import check_governance

from .conftest import ROOT, Pipeline, for_recipient


def _document(**governance: Any) -> dict[str, Any]:
    document = load_yaml(ROOT / "configs" / "demo.yaml")
    document.pop("release")
    document["governance"] = {**document["governance"], **governance}
    return document


def test_governance_source_not_in_job_refused_with_its_path() -> None:
    document = _document()
    document["governance"]["sources"]["pharmacy"] = document["governance"]["sources"]["hospital"]
    with pytest.raises(ConfigError, match=r"governance\.sources\.pharmacy: not a source"):
        parse_config(document)


def test_governance_source_without_entry_refused() -> None:
    document = _document()
    del document["governance"]["sources"]["social_care"]
    with pytest.raises(
        ConfigError, match=r"governance\.sources.*no governance for source 'social_care'"
    ):
        parse_config(document)


def test_governance_unknown_owner_and_basis_listed_together() -> None:
    document = _document()
    document["governance"]["sources"]["hospital"]["owner"] = "nobody"
    document["governance"]["sources"]["social_care"]["lawful_basis"] = "because"
    with pytest.raises(ConfigError) as caught:
        parse_config(document)
    text = str(caught.value)
    assert "social_care.lawful_basis" in text
    assert "public_task" in text  # the allowed bases are listed


def test_governance_without_purpose_refused() -> None:
    document = _document()
    del document["governance"]["purpose"]
    with pytest.raises(ConfigError, match=r"governance\.purpose"):
        parse_config(document)


def test_release_without_governance_refused_nothing_written(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    job = dataclasses.replace(pipeline.job(), governance=None)
    log = tmp_path / "audit.jsonl"
    out = tmp_path / "r"
    with pytest.raises(GovernanceError, match="no 'governance:' section"):
        pipeline.release(out, job=job, audit_log=log)
    assert not out.exists()
    (entry,) = read_audit_entries(log)
    assert entry is not None and entry["outcome"] == "refused: GovernanceError"


def test_release_agreement_ended_by_reference_date_says_so(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    governance = pipeline.config.governance
    assert governance is not None
    job = for_recipient(
        pipeline.job(),
        "uni_research",
        agreement=dataclasses.replace(governance.agreement, ends=dt.date(2026, 3, 31)),
        reference_date=dt.date(2026, 4, 1),
    )
    out = tmp_path / "r"
    with pytest.raises(GovernanceError, match=r"ended on 2026-03-31.*reference_date"):
        pipeline.release(out, job=job)
    assert not out.exists()


def test_release_agreement_ended_by_today_says_so(pipeline: Pipeline, tmp_path: Path) -> None:
    governance = pipeline.config.governance
    assert governance is not None
    yesterday = dt.date.today() - dt.timedelta(days=1)
    job = for_recipient(
        pipeline.job(),
        "uni_research",
        agreement=dataclasses.replace(governance.agreement, ends=yesterday),
    )
    with pytest.raises(GovernanceError, match=r"today's date"):
        pipeline.release(tmp_path / "r", job=job)
    assert not (tmp_path / "r").exists()


def test_release_recipient_not_named_by_agreement_refused(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    job = for_recipient(pipeline.job(), "council_team")
    with pytest.raises(
        GovernanceError, match=r"names recipient 'council_team', not 'uni_research'"
    ):
        # Pipeline.release names the recipient in the agreement; call around it.
        from safelink.release import release

        release(
            job,
            tmp_path / "r",
            keys=pipeline.keys,
            signing_key=pipeline.signer,
            recipient="uni_research",
            links=pipeline.links,
            content=pipeline.content,
            base_dir=pipeline.root,
        )
    assert not (tmp_path / "r").exists()


def test_release_column_not_permitted_refused_nothing_written(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    job = for_recipient(
        pipeline.job(),
        "uni_research",
        permitted_columns=("sex", "age", "event_date", "diagnosis", "care_package"),
    )
    out = tmp_path / "r"
    with pytest.raises(GovernanceError, match=r"\['primary_support_reason'\]"):
        pipeline.release(out, job=job, audit_log=tmp_path / "a.jsonl")
    assert not out.exists()


def test_release_manifest_signs_governance_and_verify_reports_it(
    pipeline: Pipeline, released
) -> None:
    record = released.manifest["governance"]
    assert record["agreement"] == {"id": "DSA-DEMO-0001", "ends": "2099-12-31"}
    assert record["recipient"] == "uni_research"
    assert record["checked_on_from"] == "today"
    assert set(record["sources"]) == {"hospital", "social_care"}
    assert record["sources"]["hospital"]["lawful_basis"] == "public_task"
    report = verify(released.out_dir, pipeline.public_key)
    (check,) = [c for c in report.checks if c.name == "governance"]
    assert check.passed and "DSA-DEMO-0001" in check.detail
    entries = [e for e in read_audit_entries(pipeline.root / "audit" / "test.audit.jsonl") if e]
    (entry,) = [e for e in entries if e["hash"] == released.manifest["audit"]["entry"]]
    assert entry["arguments"]["agreement"] == "DSA-DEMO-0001"
    assert entry["arguments"]["governance_sha256"] == sha256_bytes(canonical_json(record))


def test_check_governance_manifest_after_agreement_end_fails(released) -> None:
    manifest = json.loads(json.dumps(released.manifest))
    manifest["governance"]["checked_on"] = "2100-01-01"
    passed, detail = check_governance(manifest)
    assert not passed and "ended 2099-12-31" in detail
    manifest = json.loads(json.dumps(released.manifest))
    manifest["columns"].append("postcode")
    passed, detail = check_governance(manifest)
    assert not passed and "['postcode'] not permitted" in detail
    del manifest["governance"]
    assert check_governance(manifest) == (
        False,
        "the manifest records no governance (released without a governance section)",
    )


def test_release_report_shows_governance(released) -> None:
    html = (released.out_dir / "report.html").read_text(encoding="utf-8")
    assert '<section id="governance"><h2>Governance</h2>' in html
    assert "DSA-DEMO-0001" in html and "2099-12-31" in html
    assert "Digital Economy Act 2017 s.35 (public service delivery)" in html
    assert "No opt-out list applied" in html


def test_check_governance_reads_renamed_columns_as_the_columns_they_came_from(released) -> None:
    # Generalised columns are released under new names (age -> age_band); the agreement
    # permits the column they came from, and verify checks them as such.
    manifest = json.loads(json.dumps(released.manifest))
    permitted = manifest["governance"]["permitted_columns"]
    source = next(c for c in manifest["columns"] if c in permitted)
    manifest["columns"] = [f"{c}_band" if c == source else c for c in manifest["columns"]]
    assert not check_governance(manifest)[0]
    renamed = {"action": "rename", "columns": {source: f"{source}_band"}}
    manifest["transformations"] = [*manifest["transformations"], renamed]
    assert check_governance(manifest)[0]
