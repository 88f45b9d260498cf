"""scan, surrogate and anonymise record every run in the hash-chained audit log (issue #8).

Each command, run through the real CLI, appends an entry that ``safelink audit verify``
accepts, with its command, outcome and output hashes; a failing run appends a ``failed``
entry and still exits with its error; planted identifiers never reach the log.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from safelink.infra.io import sha256_file
from safelink.keys import Keyring
from safelink.synthetic.testing import synthetic_nhs_numbers
from tests.conftest import TEST_PASSPHRASE

ROWS = 60
# Surnames no name list produces by chance, so a hit in the log can only be a leak.
PLANTED_SURNAMES = ("Quillfeatherby", "Zarnowieckiwicz")
PLANTED_NHS = tuple(synthetic_nhs_numbers(ROWS, seed=11))
ENV = {"SAFELINK_PASSPHRASE": TEST_PASSPHRASE}

SURROGATE_CONFIG = """
key_file: keys/test.key
audit_log: audit/audit.jsonl
surrogate:
  columns: {COLUMNS}
"""
DISCLOSURE_CONFIG = """
profile: {name: tre, k: 5, max_suppression: 0.05}
quasi_identifiers: QUASI
person: person_id
drop: [nhs_number, surname]
"""


def _extract() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "person_id": [f"p{i}" for i in range(ROWS)],
            "nhs_number": list(PLANTED_NHS),
            "surname": [PLANTED_SURNAMES[i % 2] for i in range(ROWS)],
            "sex": ["F", "M", "M"] * (ROWS // 3),
            "age_band": ["20-29", "30-39", "40-49", "50-59"] * (ROWS // 4),
            "admitted": [f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(ROWS)],
        }
    )


def _scan(tmp: Path, ok: bool) -> list[str]:
    args = ["scan", str(tmp / "in.csv"), "--format", "json", "-o", str(tmp / "out.json")]
    return [*args, "--audit-log", str(tmp / "audit" / "audit.jsonl")] + (
        [] if ok else ["--free-text", "no_such_column"]
    )


def _surrogate(tmp: Path, ok: bool) -> list[str]:
    columns = "{nhs_number: nhs_number, surname: surname}" if ok else "{given_name: forename}"
    config = tmp / "surrogate.yaml"
    config.write_text(SURROGATE_CONFIG.replace("{COLUMNS}", columns), encoding="utf-8")
    # No --audit-log: the config's audit_log is the default.
    return ["surrogate", str(tmp / "in.csv"), "-c", str(config), "-o", str(tmp / "out.parquet")]


def _anonymise(tmp: Path, ok: bool) -> list[str]:
    # Unique admission dates make every row its own class: the profile fails (exit 3).
    quasi = "[age_band, sex]" if ok else "[age_band, sex, admitted]"
    config = tmp / "disclosure.yaml"
    config.write_text(DISCLOSURE_CONFIG.replace("QUASI", quasi), encoding="utf-8")
    return [
        "anonymise", str(tmp / "in.csv"), "--config", str(config), "-o", str(tmp / "out.parquet"),
        "--audit-log", str(tmp / "audit" / "audit.jsonl"),
    ]  # fmt: skip


@dataclass(frozen=True)
class Case:
    """One audited command: how to run it, what it writes, how its failing run fails."""

    command: str
    argv: Callable[[Path, bool], list[str]]
    output: str
    failure: str
    exit_code: int


CASES = [
    Case("scan", _scan, "out.json", "failed: InputError", 2),
    Case("surrogate", _surrogate, "out.parquet", "failed: InputError", 2),
    Case("anonymise", _anonymise, "out.parquet", "failed: DisclosureRiskError", 3),
]


@pytest.fixture
def project(tmp_path: Path, keyring: Keyring) -> Path:
    """A folder with a planted extract and the test key at keys/test.key."""
    assert keyring.path == tmp_path / "keys" / "test.key"
    _extract().write_csv(tmp_path / "in.csv")
    return tmp_path


def _entries(log: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def _verify(run_cli: Callable[..., Any], log: Path) -> dict[str, Any]:
    result = run_cli("audit", "verify", str(log), "--json")
    assert result.code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@pytest.mark.parametrize("case", CASES, ids=[c.command for c in CASES])
def test_audited_command_successful_run_appends_verifiable_ok_entry(
    run_cli: Callable[..., Any], project: Path, case: Case
) -> None:
    log = project / "audit" / "audit.jsonl"
    result = run_cli(*case.argv(project, True), env=ENV)
    assert result.code == 0, result.stderr
    verification = _verify(run_cli, log)
    assert verification["ok"] is True and verification["entries"] == 1
    (entry,) = _entries(log)
    assert entry["command"] == case.command
    assert entry["outcome"] == "ok"
    assert entry["outputs"][case.output] == sha256_file(project / case.output)
    assert entry["inputs"]["in.csv"] == sha256_file(project / "in.csv")
    if case.command == "surrogate":
        assert entry["key_ids"] == {"surrogate": keyring_id(project)}


def keyring_id(project: Path) -> str:
    """The surrogate namespace key id of the project's test key."""
    ring = Keyring.open(project / "keys" / "test.key", passphrase=TEST_PASSPHRASE)
    return ring.namespace_key("surrogate").key_id


@pytest.mark.parametrize("case", CASES, ids=[c.command for c in CASES])
def test_audited_command_failing_run_appends_failed_entry_and_exits_with_error(
    run_cli: Callable[..., Any], project: Path, case: Case
) -> None:
    log = project / "audit" / "audit.jsonl"
    result = run_cli(*case.argv(project, False), env=ENV)
    assert result.code == case.exit_code
    assert result.stderr.strip(), "the error must still reach the user"
    assert "Traceback" not in result.stderr
    assert _verify(run_cli, log)["ok"] is True
    (entry,) = _entries(log)
    assert entry["command"] == case.command
    assert entry["outcome"] == case.failure
    assert entry["outputs"] == {}


@pytest.mark.parametrize("case", CASES, ids=[c.command for c in CASES])
def test_audited_command_planted_identifiers_never_in_audit_log(
    run_cli: Callable[..., Any], project: Path, case: Case
) -> None:
    log = project / "audit" / "audit.jsonl"
    for ok in (True, False):
        run_cli(*case.argv(project, ok), env=ENV)
    verification = _verify(run_cli, log)
    assert verification["ok"] is True and verification["entries"] == 2
    text = log.read_text(encoding="utf-8").lower()
    for value in (*PLANTED_SURNAMES, *PLANTED_NHS):
        assert value.lower() not in text
    assert TEST_PASSPHRASE not in text
