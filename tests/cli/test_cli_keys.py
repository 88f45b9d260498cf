from __future__ import annotations

import json
import stat
from pathlib import Path

from safelink.keys import Keyring, ProviderKey

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
    from safelink.infra.audit import verify_audit_log

    log = tmp_path / "audit.jsonl"
    args = ["--project", "p", "--keys-dir", str(tmp_path), "--audit-log", str(log)]
    assert run_cli("keys", "init", *args, "--scrypt-n", "16384", env=PASS).code == 0
    assert run_cli("keys", "rotate", *args, env=PASS).code == 0
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    assert [e["command"] for e in entries] == ["keys init", "keys rotate"]
    assert entries[1]["key_ids"]["retired"].startswith("kid_")
    assert verify_audit_log(log).ok
    assert PASS["SAFELINK_PASSPHRASE"] not in log.read_text()


def test_cli_keys_list_bad_file_lists_good_ones_and_exits_2(run_cli, tmp_path: Path):
    keys_dir = tmp_path / "keys"
    keys_dir.mkdir()
    args = ["--project", "proj", "--keys-dir", str(keys_dir)]
    assert run_cli("keys", "init", *args, "--scrypt-n", "16384", env=PASS).code == 0
    bad = keys_dir / "a-bad.key"  # sorts first: it must not hide the good file
    bad.write_text("[bold]not a key file[/bold]")
    bad.chmod(0o600)

    listed = run_cli("keys", "list", "--keys-dir", str(keys_dir), "--json")
    assert listed.code == 2
    rows = {Path(row["file"]).name: row for row in json.loads(listed.stdout)}
    assert rows["proj.key"]["project"] == "proj" and rows["proj.key"]["problem"] is None
    assert rows["proj.key"]["versions"][0]["key_id"].startswith("kid_")
    assert "altered" in rows["a-bad.key"]["problem"]
    assert "1 of 2 key files" in listed.stderr and listed.stderr.count("\n") == 1

    table = run_cli("keys", "list", "--keys-dir", str(keys_dir))
    assert table.code == 2
    assert "proj.key" in table.stdout and "kid_" in table.stdout
    assert "a-bad.key" in table.stdout and "problem:" in table.stdout


def test_cli_keys_export_existing_output_refused_without_force(run_cli, tmp_path: Path):
    keys_dir = tmp_path / "keys"
    keys_dir.mkdir()
    args = ["--project", "proj", "--keys-dir", str(keys_dir)]
    assert run_cli("keys", "init", *args, "--scrypt-n", "16384", env=PASS).code == 0
    export = tmp_path / "council.key"
    export.write_text("a file that was here first")
    env = {**PASS, "SAFELINK_EXPORT_PASSPHRASE": "the provider's own passphrase"}
    command = ["keys", "export", *args, "--for", "council", "-o", str(export)]
    refused = run_cli(*command, env=env)
    assert refused.code == 2 and "already exists" in refused.stderr and "--force" in refused.stderr
    assert export.read_text() == "a file that was here first"
    assert run_cli(*command, "--force", env=env).code == 0
    assert ProviderKey.open(export, passphrase="the provider's own passphrase").project == "proj"


def test_cli_keys_init_missing_directory_created_mode_0700(run_cli, tmp_path: Path):
    keys_dir = tmp_path / "new" / "keys"
    args = ["--project", "proj", "--keys-dir", str(keys_dir), "--scrypt-n", "16384"]
    result = run_cli("keys", "init", *args, env=PASS)
    assert result.code == 0, result.stderr
    assert stat.S_IMODE(keys_dir.stat().st_mode) == 0o700


def test_cli_keys_init_group_writable_directory_refused(run_cli, tmp_path: Path):
    keys_dir = tmp_path / "keys"
    keys_dir.mkdir()
    keys_dir.chmod(0o775)
    args = ["--project", "proj", "--keys-dir", str(keys_dir), "--scrypt-n", "16384"]
    result = run_cli("keys", "init", *args, env=PASS)
    assert result.code == 2 and "chmod 700" in result.stderr
    assert not (keys_dir / "proj.key").exists()


def test_cli_keys_init_delivery_and_owner_signing_key(run_cli, tmp_path: Path):
    from safelink.keys import DeliveryKey, SigningKey

    common = ["--project", "p", "--keys-dir", str(tmp_path), "--scrypt-n", "16384"]
    result = run_cli("keys", "init-delivery", "--name", "uni", *common, env=PASS)
    assert result.code == 0, result.stderr
    key = DeliveryKey.open(tmp_path / "uni.delivery.key", passphrase=PASS["SAFELINK_PASSPHRASE"])
    assert key.key_id in result.stdout
    assert (tmp_path / "uni.delivery.pub").read_bytes() == key.public_key_pem()
    result = run_cli("keys", "init-signing", "--name", "trust", *common, env=PASS)
    assert result.code == 0, result.stderr
    owner = SigningKey.open(tmp_path / "trust.signing.key", passphrase=PASS["SAFELINK_PASSPHRASE"])
    assert owner.key_id in result.stdout


def test_cli_keys_init_delivery_bad_name_refused(run_cli, tmp_path: Path):
    args = ["--project", "p", "--keys-dir", str(tmp_path), "--scrypt-n", "16384"]
    result = run_cli("keys", "init-delivery", "--name", "../x", *args, env=PASS)
    assert result.code == 2 and "invalid key name" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_cli_keys_init_and_rotate_name_project_key_and_link_subkey(run_cli, tmp_path: Path):
    keys_dir = tmp_path / "keys"
    args = ["--project", "proj", "--keys-dir", str(keys_dir)]
    created = run_cli("keys", "init", *args, "--scrypt-n", "16384", env=PASS)
    assert created.code == 0, created.stderr
    ring = Keyring.open(keys_dir / "proj.key", passphrase=PASS["SAFELINK_PASSPHRASE"])
    assert f"project key id {ring.key_id}" in created.stdout
    assert f"link subkey id {ring.namespace_key('link').key_id}" in created.stdout
    rotated = run_cli("keys", "rotate", *args, env=PASS)
    ring = Keyring.open(keys_dir / "proj.key", passphrase=PASS["SAFELINK_PASSPHRASE"])
    assert f"project key id {ring.key_id}" in rotated.stdout
    assert f"link subkey id {ring.namespace_key('link').key_id}" in rotated.stdout
    assert ring.key_id not in created.stdout
