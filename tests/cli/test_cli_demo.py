from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from safelink.demo import run_demo
from safelink.errors import InputError, OutputError
from safelink.infra.audit import verify_audit_log


def test_demo_runs_pipeline_on_synthetic_data(tmp_path: Path):
    result = run_demo(tmp_path / "demo", people=1_000, seed=3)
    assert set(result.pseudonymised) == {"hospital", "social_care"}
    for name, summary in result.pseudonymised.items():
        tokens = pl.read_parquet(tmp_path / "demo" / "pseudonymised" / f"{name}.tokens.parquet")
        assert tokens.height == summary.rows > 0
        assert summary.key_id.startswith("kid_")
    hospital_extract = pl.read_csv(result.extracts["hospital"], infer_schema=False)
    tokens_bytes = (tmp_path / "demo" / "pseudonymised" / "hospital.tokens.parquet").read_bytes()
    content_bytes = (tmp_path / "demo" / "pseudonymised" / "hospital.content.parquet").read_bytes()
    for surname in hospital_extract["surname"].drop_nulls().unique().to_list()[:50]:
        if len(surname) >= 5:
            assert surname.encode() not in tokens_bytes + content_bytes


def test_demo_audit_log_holds_the_whole_chain(tmp_path: Path):
    result = run_demo(tmp_path / "demo", people=1_000, seed=3)
    log = tmp_path / "demo" / "audit" / "demo.audit.jsonl"
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    assert [e["command"] for e in entries] == [
        "keys init", "pseudonymise", "pseudonymise", "link", "release", "approve", "approve",
    ]  # fmt: skip
    assert all(e["outcome"] == "ok" for e in entries)
    link_key = entries[1]["key_ids"]["link"]
    assert link_key == result.pseudonymised["hospital"].key_id == entries[3]["key_ids"]["link"]
    assert (
        entries[3]["inputs"]["hospital.tokens.parquet"]
        == entries[1]["outputs"]["hospital.tokens.parquet"]
    )
    assert verify_audit_log(log).ok


def test_demo_refuses_non_empty_directory(tmp_path: Path):
    (tmp_path / "x").write_text("keep me")
    with pytest.raises(OutputError, match="not empty"):
        run_demo(tmp_path)
    assert (tmp_path / "x").read_text() == "keep me"


def test_cli_demo_prints_summary(run_cli, tmp_path: Path):
    result = run_cli("demo", "-o", str(tmp_path / "d"), "--people", "1000")
    assert result.code == 0, result.stderr
    assert "hospital" in result.stdout and "kid_" in result.stdout


def test_demo_config_packaged_copy_matches_configs_demo_yaml():
    root = Path(__file__).resolve().parents[2]
    packaged = root / "src" / "safelink" / "data" / "demo.yaml"
    assert packaged.read_text() == (root / "configs" / "demo.yaml").read_text()


def test_demo_links_synthetic_extracts_with_measured_quality(tmp_path: Path):
    result = run_demo(tmp_path / "demo", people=1500, seed=5)
    assert result.linkage.truth is not None
    assert result.linkage.truth["f1"] >= 0.97
    links = pl.read_parquet(tmp_path / "demo" / "linked" / "links.parquet")
    assert links.height == sum(s.rows for s in result.pseudonymised.values())


def test_demo_release_verifies_with_the_public_key(tmp_path: Path):
    from safelink.release import verify

    result = run_demo(tmp_path / "demo", people=1_000, seed=3)
    public = (tmp_path / "demo" / "keys" / "demo.signing.pub").read_bytes()
    report = verify(result.release.out_dir, public)
    assert report.ok, [c.name for c in report.failures]
    assert (result.release.out_dir / "report.html").is_file()


def test_demo_release_governed_approved_and_encrypted(tmp_path: Path):
    from safelink.keys import DeliveryKey
    from safelink.release import decrypt_bundle, verify

    result = run_demo(tmp_path / "demo", people=1_000, seed=3)
    manifest = result.release.manifest
    assert manifest["governance"]["agreement"]["id"] == "DSA-DEMO-0001"
    public = (tmp_path / "demo" / "keys" / "demo.signing.pub").read_bytes()
    report = verify(result.release.out_dir, public, require_approvals=True)
    assert report.ok and report.final
    assert sorted(a.owner for a in report.approvals) == ["example_council", "example_trust"]
    assert result.sealed is not None and result.sealed.is_file()
    # The demo's one-time passphrase is gone: a new recipient key cannot open the bundle.
    keys = tmp_path / "other"
    keys.mkdir(mode=0o700)
    stranger = DeliveryKey.create(
        keys / "x.delivery.key",
        project="demo",
        passphrase="another long passphrase",
        scrypt_n=2**14,
    )
    with pytest.raises(InputError, match="encrypted to key"):
        decrypt_bundle(result.sealed, tmp_path / "opened", stranger)
