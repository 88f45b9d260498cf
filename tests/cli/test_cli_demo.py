from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml

from safelink.demo import run_demo
from safelink.errors import InputError, OutputError
from safelink.infra.audit import verify_audit_log
from safelink.pseudonymise.tokens_format import read_tokens


def test_demo_runs_pipeline_on_synthetic_data(tmp_path: Path):
    result = run_demo(tmp_path / "demo", people=1_000, seed=3)
    assert set(result.pseudonymised) == {"hospital", "social_care"}
    for name, summary in result.pseudonymised.items():
        tokens = read_tokens(tmp_path / "demo" / "pseudonymised" / f"{name}.tokens.parquet")
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
    # The addresses resolved and unresolved by reason, per source (counts, never an address).
    for source in ("hospital", "social_care"):
        line = next(x for x in result.stdout.splitlines() if x.startswith(f"{source}: "))
        assert re.search(r"[0-9,]+ of [0-9,]+ addresses resolved to UPRNs", line)
        assert "no_address " in line


def _without_addresses(document: dict[str, Any]) -> dict[str, Any]:
    """The demo config without its address resolution, households and household_size."""
    document = copy.deepcopy(document)
    for source in document["sources"].values():
        del source["columns"]["address"]
    document["link"]["probabilistic"]["comparisons"].remove("household")
    for column in ("household", "household_size"):
        document["governance"]["permitted_columns"].remove(column)
    del document["release"]["households"]
    disclosure = document["release"]["disclosure"]
    disclosure["quasi_identifiers"].remove("household_size")
    disclosure["transformations"].remove({"top_code": "household_size", "threshold": 2})
    # With household_size one more quasi-identifier, the demo bands ages by 20 years, not 10.
    assert disclosure["transformations"][0] == {
        "generalise": "age",
        "to": "age_band",
        "width": 20,
        "top": 80,
    }
    disclosure["transformations"][0].update(width=10, top=90)
    return document


def test_demo_config_packaged_copy_is_configs_demo_yaml_with_addresses():
    # The demo's config is configs/demo.yaml (which the tests, benchmarks and Spark share)
    # plus the address resolution, the household comparison and the release's households.
    root = Path(__file__).resolve().parents[2]
    packaged = yaml.safe_load((root / "src" / "safelink" / "data" / "demo.yaml").read_text())
    shared = yaml.safe_load((root / "configs" / "demo.yaml").read_text())
    for source in packaged["sources"].values():
        address = source["columns"]["address"]
        assert address["resolve_uprn"] is True and address["kind"] == "address"
    assert packaged["release"]["households"] is True
    assert _without_addresses(packaged) == shared


def test_demo_resolves_addresses_and_releases_households(tmp_path: Path):
    result = run_demo(tmp_path / "demo", people=1_000, seed=3)
    gazetteer = pl.read_csv(result.extracts["gazetteer"], infer_schema=False)
    assert gazetteer.columns == ["uprn", "parent_uprn", "address", "postcode"]
    # Named blocks of flats are among the homes.
    assert gazetteer["address"].str.contains(r"^Flat [0-9]+, [A-Za-z]+ (Court|House)").any()
    for source, counts in result.addresses.items():
        rows = result.pseudonymised[source].rows
        assert sum(counts.values()) == rows
        assert counts["resolved"] >= 0.85 * rows, counts
        assert counts["no_address"] > 0
        tokens = read_tokens(tmp_path / "demo" / "pseudonymised" / f"{source}.tokens.parquet")
        assert tokens["uprn"].null_count() == rows - counts["resolved"]
    released = pl.read_parquet(result.release.out_dir / "data.parquet")
    assert released["household"].str.starts_with("h_").all()
    assert released["household_size"].drop_nulls().min() == 1
    disclosure = result.release.manifest["disclosure"]["assessment"]
    assert "household_size" in disclosure["quasi_identifiers"]


def test_demo_gazetteer_is_deterministic_from_the_seed(tmp_path: Path):
    from safelink.synthetic.corruption import PROFILES
    from safelink.synthetic.extracts import generate

    once = generate(300, seed=4, **PROFILES["addresses"]).gazetteer  # type: ignore[arg-type]
    again = generate(300, seed=4, **PROFILES["addresses"]).gazetteer  # type: ignore[arg-type]
    other = generate(300, seed=5, **PROFILES["addresses"]).gazetteer  # type: ignore[arg-type]
    assert once is not None and again is not None and other is not None
    assert once.equals(again)
    assert not once.equals(other)


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
