"""Generated paperwork: the data-flow annex and the public-register entry, from the job."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from safelink.config import load_config
from safelink.errors import GovernanceError
from safelink.governance.paperwork import data_flow_annex, register_entry, write_paperwork

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def job():
    return load_config(ROOT / "configs" / "demo.yaml")


def test_annex_names_every_column_its_role_and_who_sees_it(job) -> None:
    annex = data_flow_annex(job)
    for source in job.sources.values():
        for column in source.columns:
            assert f"| {source.name} | {column.name} | {column.role} |" in annex
    assert (
        "| hospital | nhs_number | identifier | keyed token(s) `nhs_number` | linkage unit" in annex
    )
    assert "| hospital | Example NHS Foundation Trust (synthetic) | public_task |" in annex
    assert "DSA-DEMO-0001" in annex and "2099-12-31" in annex
    assert "Recipient `demo_research`" in annex
    assert "No opt-out list is configured" in annex


def test_annex_lists_key_ids_never_keys(job, tmp_path: Path) -> None:
    from safelink.keys import Keyring

    keys = tmp_path / "keys"
    keys.mkdir(mode=0o700)
    ring = Keyring.create(
        keys / "demo.key", project="demo", passphrase="a long test passphrase", scrypt_n=2**14
    )
    annex = data_flow_annex(dataclasses.replace(job, key_file=ring.path))
    assert f"| project key (tokens, per-recipient pseudonyms) | {ring.key_id} |" in annex
    assert (
        "| approval key of Example County Council adult social care (synthetic) | not recorded |"
        in annex
    )


def test_register_entry_is_plain_language_from_the_job(job) -> None:
    entry = register_entry(job)
    assert "a task carried out in the public interest" in entry
    assert "Digital Economy Act 2017 s.35" in entry
    assert "until 2099-12-31, then it is deleted" in entry
    assert "never names, addresses, NHS numbers or dates of birth" in entry


def test_paperwork_without_governance_refused(job, tmp_path: Path) -> None:
    with pytest.raises(GovernanceError, match="governance"):
        write_paperwork(dataclasses.replace(job, governance=None), tmp_path / "p")
    assert not (tmp_path / "p").exists()


def test_cli_paperwork_writes_both_documents(run_cli, tmp_path: Path) -> None:
    result = run_cli(
        "paperwork", "--config", str(ROOT / "configs" / "demo.yaml"), "-o", str(tmp_path)
    )
    assert result.code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "data-flow-annex.md",
        "public-register-entry.md",
    ]
