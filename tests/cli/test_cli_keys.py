from __future__ import annotations

import json
from pathlib import Path

from safelink.keys import ProviderKey

PASS = {"SAFELINK_PASSPHRASE": "a long synthetic test passphrase"}


def test_cli_keys_init_list_rotate_export(run_cli, tmp_path: Path):
    keys_dir = tmp_path / "keys"
    keys_dir.mkdir()
    args = ["--project", "proj", "--keys-dir", str(keys_dir)]
    result = run_cli("keys", "init", *args, "--scrypt-n", "16384", env=PASS)
    assert result.code == 0, result.stderr
    assert "kid_" in result.stdout
    assert PASS["SAFELINK_PASSPHRASE"] not in result.stdout + result.stderr

    listed = run_cli("keys", "list", "--keys-dir", str(keys_dir), "--json")
    rows = json.loads(listed.stdout)
    assert rows[0]["project"] == "proj" and rows[0]["versions"][0]["status"] == "active"

    assert run_cli("keys", "rotate", *args, env=PASS).code == 0
    rows = json.loads(run_cli("keys", "list", "--keys-dir", str(keys_dir), "--json").stdout)
    assert [v["status"] for v in rows[0]["versions"]] == ["retired", "active"]

    export = tmp_path / "council.key"
    env = {**PASS, "SAFELINK_EXPORT_PASSPHRASE": "the provider's own passphrase"}
    result = run_cli("keys", "export", *args, "--for", "council", "-o", str(export), env=env)
    assert result.code == 0, result.stderr
    assert (
        ProviderKey.open(export, passphrase="the provider's own passphrase").provider == "council"
    )


def test_cli_keys_wrong_passphrase_one_line_error_exit_2(run_cli, tmp_path: Path):
    keys_dir = tmp_path / "keys"
    keys_dir.mkdir()
    args = ["--project", "proj", "--keys-dir", str(keys_dir)]
    assert run_cli("keys", "init", *args, "--scrypt-n", "16384", env=PASS).code == 0
    wrong = {"SAFELINK_PASSPHRASE": "definitely the wrong one"}
    result = run_cli("keys", "rotate", *args, env=wrong)
    assert result.code == 2
    assert result.stderr.count("\n") == 1 and "wrong passphrase" in result.stderr
    assert "definitely" not in result.stderr and "Traceback" not in result.stderr


def test_cli_keys_no_passphrase_without_terminal_says_how_to_fix(run_cli, tmp_path: Path):
    result = run_cli("keys", "init", "--project", "p", "--keys-dir", str(tmp_path))
    assert result.code == 2
    assert "SAFELINK_PASSPHRASE" in result.stderr


def test_cli_keys_list_missing_directory_lists_nothing(run_cli, tmp_path: Path):
    result = run_cli("keys", "list", "--keys-dir", str(tmp_path / "none"))
    assert result.code == 0 and "no key files" in result.stdout


def test_cli_keys_init_signing_writes_wrapped_key_and_public_key(run_cli, tmp_path: Path):
    result = run_cli(
        "keys", "init-signing", "--project", "p", "--keys-dir", str(tmp_path), "--scrypt-n",
        "16384", env=PASS,
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert (tmp_path / "p.signing.pub").read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")
    assert b"PRIVATE" not in (tmp_path / "p.signing.key").read_bytes()


def test_cli_keys_commands_append_to_the_audit_log(run_cli, tmp_path: Path):
    from safelink.audit import verify_audit_log

    log = tmp_path / "audit.jsonl"
    args = ["--project", "p", "--keys-dir", str(tmp_path), "--audit-log", str(log)]
    assert run_cli("keys", "init", *args, "--scrypt-n", "16384", env=PASS).code == 0
    assert run_cli("keys", "rotate", *args, env=PASS).code == 0
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    assert [e["command"] for e in entries] == ["keys init", "keys rotate"]
    assert entries[1]["key_ids"]["retired"].startswith("kid_")
    assert verify_audit_log(log).ok
    assert PASS["SAFELINK_PASSPHRASE"] not in log.read_text()
