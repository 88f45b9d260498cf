"""One drafted job from several extracts runs end to end with no edit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from safelink.cli.scan import source_names
from safelink.config import load_config
from safelink.synthetic.extracts import generate

PASSPHRASE = {"SAFELINK_PASSPHRASE": "correct horse battery staple"}  # synthetic, tests only


def test_source_names_are_unique_and_yaml_safe() -> None:
    paths = [Path("a/hospital.csv"), Path("b/hospital.parquet"), Path("c/social care.csv")]
    assert source_names(paths) == ["hospital", "hospital_2", "social_care"]


def test_drafted_job_runs_to_a_verified_release(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    (tmp_path / ".safelink").touch()
    files = generate(2_000, seed=3).write_csv(tmp_path / "data")
    job = tmp_path / "job.yaml"
    drafted = run_cli(
        "scan", str(files["hospital"]), str(files["social_care"]), "--draft-config", str(job),
        "--format", "json",
    )  # fmt: skip
    assert drafted.code == 0, drafted.stderr
    assert set(yaml.safe_load(drafted.stdout)["reports"]) == {"hospital", "social_care"}
    document = yaml.safe_load(job.read_text(encoding="utf-8"))
    assert set(document["sources"]) == {"hospital", "social_care"}
    keys = [k["name"] for k in document["link"]["cascade"]["match_keys"]]
    assert keys[:2] == ["name_dob_postcode", "name_dob_district"]
    assert document["link"]["cascade"]["nhs_number_partner"] == ["date_of_birth"]
    assert "nhs_number" in document["link"]["probabilistic"]["comparisons"]
    release = document["release"]
    assert release["columns"]["sex"] == {
        "hospital": "sex", "social_care": "gender", "normalise": "sex",
    }  # fmt: skip
    assert "hospital_ref" not in release["columns"]  # a record key stays out
    assert release["disclosure"]["reference_date"] is not None
    load_config(job)  # every section valid as written
    text = job.read_text(encoding="utf-8")
    assert "# governance:" in text and "\ngovernance:" not in text  # a template, commented
    # The governance is the IG lead's to write, never drafted: 'run' refuses a job without it.
    document["governance"] = {
        "purpose": "synthetic test",
        "agreement": {"id": "DSA-TEST", "ends": "2099-12-31"},
        "recipient": "research_team",
        "permitted_columns": [c for c in release["columns"] if c != "hospital_ref"],
        "owners": {"trust": {"name": "Test Trust"}},
        "sources": {
            s: {"owner": "trust", "lawful_basis": "public_task", "legal_gateway": "test"}
            for s in document["sources"]
        },
    }
    for command in (
        ["keys", "init", "--project", "job", "--keys-dir", str(tmp_path / "keys"),
         "--scrypt-n", "16384"],
        ["keys", "init-signing", "--project", "job", "--keys-dir", str(tmp_path / "keys")],
    ):  # fmt: skip
        result = run_cli(*command, env=PASSPHRASE)
        assert result.code == 0, (command, result.stderr)
    refused = run_cli("run", str(job), "-o", str(tmp_path / "refused"), env=PASSPHRASE)
    assert refused.code == 3 and "no 'governance:' section" in refused.stderr
    assert not (tmp_path / "refused").exists()
    job.write_text(yaml.safe_dump(document), encoding="utf-8")
    result = run_cli("run", str(job), "-o", str(tmp_path / "out"), env=PASSPHRASE)
    assert result.code == 0, result.stderr
    bundle = tmp_path / "out" / "release" / "research_team"
    verified = run_cli(
        "verify", str(bundle), "--public-key", str(tmp_path / "keys" / "job.signing.pub"),
        "--audit-log", str(tmp_path / "audit" / "job.audit.jsonl"),
    )  # fmt: skip
    assert verified.code == 0, verified.stdout


def test_several_inputs_refuse_free_text_options(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    files = generate(50, seed=1).write_csv(tmp_path)
    result = run_cli(
        "scan", str(files["hospital"]), str(files["social_care"]), "--free-text", "diagnosis"
    )
    assert result.code == 2
    assert "take one INPUT" in result.stderr


def test_drafted_job_keys_names_alone_when_a_source_has_no_date_of_birth(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    # Names are keyed with the year of birth by default; a source without one could never
    # agree with them, so the draft keys every source's names alone (and says why).
    (tmp_path / ".safelink").touch()
    data = generate(300, seed=4)
    files = data.write_csv(tmp_path / "data")
    care = data.social_care.drop("dob")
    care.write_csv(files["social_care"])
    job = tmp_path / "job.yaml"
    drafted = run_cli(
        "scan", str(files["hospital"]), str(files["social_care"]), "--draft-config", str(job)
    )
    assert drafted.code == 0, drafted.stderr
    document = yaml.safe_load(job.read_text(encoding="utf-8"))
    assert document["tokens"] == {"names_with_birth_year": False}
    assert "no date of birth in social_care" in job.read_text(encoding="utf-8")
    assert load_config(job).tokens.names_with_birth_year is False
