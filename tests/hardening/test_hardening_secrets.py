"""Plant a known passphrase, read the key material, and search everything a run wrote or said."""

from __future__ import annotations

import ast
import base64
import logging
import pickle
import re
import tempfile
import traceback
from pathlib import Path

import pytest

from safelink.cli.app import app
from safelink.demo import run_demo
from safelink.errors import SafelinkError, WrongPassphrase
from safelink.keys import Keyring, SigningKey

PASSPHRASE = "planted-passphrase-for-the-secrets-test"


def _secrets_of(ring: Keyring) -> list[bytes]:
    masters: dict[int, bytes] = ring._Keyring__masters  # type: ignore[attr-defined]
    found: list[bytes] = [PASSPHRASE.encode()]
    for material in masters.values():
        found += [material, material.hex().encode(), base64.b64encode(material)]
    return found


def _everything_under(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_cli_run_never_writes_or_prints_key_or_passphrase(
    run_cli, tmp_path: Path, caplog, monkeypatch
):
    caplog.set_level(logging.DEBUG)
    # Temporary files of the run land under tmp_path too, so the search below covers them.
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    env = {"SAFELINK_PASSPHRASE": PASSPHRASE}
    keys_dir = tmp_path / "keys"
    keys_dir.mkdir()
    outputs = [
        run_cli(
            "keys",
            "init",
            "--project",
            "p",
            "--keys-dir",
            str(keys_dir),
            "--scrypt-n",
            "16384",
            env=env,
        )
    ]
    ring = Keyring.open(keys_dir / "p.key", passphrase=PASSPHRASE)
    config = tmp_path / "job.yaml"
    config.write_text(
        "project: p\nkey_file: keys/p.key\nsources:\n  s:\n    columns:\n"
        "      nhs: {role: identifier, kind: nhs_number}\n      v: {role: content}\n"
    )
    extract = tmp_path / "s.csv"
    extract.write_text("nhs,v\n9990000018,a\n9990000026,b\n")
    outputs.append(
        run_cli(
            "pseudonymise",
            str(extract),
            "--config",
            str(config),
            "-o",
            str(tmp_path / "out"),
            env=env,
        )
    )
    outputs.append(
        run_cli("keys", "rotate", "--project", "p", "--keys-dir", str(keys_dir), env=env)
    )
    outputs.append(run_cli("keys", "list", "--keys-dir", str(keys_dir), "--json"))
    wrong = run_cli(
        "pseudonymise",
        str(extract),
        "--config",
        str(config),
        "-o",
        str(tmp_path / "o2"),
        env={"SAFELINK_PASSPHRASE": PASSPHRASE + "x"},
    )
    assert wrong.code == 2
    outputs.append(wrong)
    ring = Keyring.open(keys_dir / "p.key", passphrase=PASSPHRASE)
    planted = _secrets_of(ring)
    said = "".join(r.stdout + r.stderr for r in outputs) + caplog.text
    written = _everything_under(tmp_path)
    for secret in planted:
        assert secret.decode("latin-1") not in said
        for name, data in written.items():
            if secret == PASSPHRASE.encode() or not name.endswith(".key"):
                assert secret not in data, f"secret material in {name}"
    # the key file holds the master only encrypted: no raw, hex or base64 form of it
    key_file = (keys_dir / "p.key").read_bytes()
    for secret in planted:
        assert secret not in key_file


def test_repr_and_pickle_of_every_key_object_hide_material(tmp_path: Path):
    ring = Keyring.create(tmp_path / "k.key", project="p", passphrase=PASSPHRASE, scrypt_n=2**14)
    signing = SigningKey.create(
        tmp_path / "s.key", project="p", passphrase=PASSPHRASE, scrypt_n=2**14
    )
    planted = _secrets_of(ring)
    for obj in (ring, ring.namespace_key("link"), ring.subkey("link:nhs_number"), signing):
        text = repr(obj) + str(obj)
        for secret in planted:
            assert secret.decode("latin-1") not in text
        with pytest.raises(TypeError):
            pickle.dumps(obj)


def test_demo_outputs_hold_no_key_material(tmp_path: Path):
    result = run_demo(tmp_path / "demo", people=1_000, seed=4)
    ring_path = result.out_dir / "keys" / "demo.key"
    assert ring_path.stat().st_mode & 0o077 == 0
    for name, data in _everything_under(result.out_dir).items():
        if name.endswith(".key"):
            continue
        assert b"BEGIN PRIVATE KEY" not in data
        assert b'"ciphertext"' not in data, f"a key file copy in {name}"


def test_no_command_takes_a_secret_as_an_argument():
    """Secrets come from the environment or a prompt, never argv (visible in `ps`)."""
    import typer.main

    command = typer.main.get_command(app)
    options: list[str] = []

    def walk(group) -> None:
        for sub in getattr(group, "commands", {}).values():
            walk(sub)
        options.extend(name for param in getattr(group, "params", []) for name in param.opts)

    walk(command)
    assert "--config" in options  # the walk reached the commands
    suspicious = [o for o in options if any(w in o for w in ("passphrase", "secret", "password"))]
    assert suspicious == []


def test_tracebacks_of_key_errors_hold_no_passphrase_or_key(tmp_path: Path):
    ring = Keyring.create(tmp_path / "k.key", project="p", passphrase=PASSPHRASE, scrypt_n=2**14)
    wrong = PASSPHRASE + "-wrong"
    with pytest.raises(WrongPassphrase) as caught:
        Keyring.open(tmp_path / "k.key", passphrase=wrong)
    text = "".join(traceback.format_exception(caught.value))
    assert "WrongPassphrase" in text  # the search has a traceback to search
    for secret in [wrong.encode(), *_secrets_of(ring)]:
        assert secret.decode("latin-1") not in text
    with pytest.raises(SafelinkError) as caught_subkey:
        ring.namespace_key("link").subkey("not a purpose")
    text = "".join(traceback.format_exception(caught_subkey.value))
    for secret in _secrets_of(ring):
        assert secret.decode("latin-1") not in text


_DIGEST_NAMES = re.compile(r"digest|sha256|signature|hash|mac|secret|key_id", re.IGNORECASE)


def _equality_on_digests(source: str) -> list[str]:
    """Comparisons with == or != whose operands name a digest, signature, key id or secret."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        if not any(isinstance(op, ast.Eq | ast.NotEq) for op in node.ops):
            continue
        names = []
        for operand in [node.left, *node.comparators]:
            for sub in ast.walk(operand):
                if isinstance(sub, ast.Name):
                    names.append(sub.id)
                elif isinstance(sub, ast.Attribute):
                    names.append(sub.attr)
        # Format constants and the name of the "hash" field are not secrets.
        if any(_DIGEST_NAMES.search(n) and not n.endswith("_FORMAT") for n in names):
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


def test_equality_checker_catches_plain_digest_comparison():
    """Negative control for the source scan below."""
    assert _equality_on_digests("ok = io.sha256_file(p) == expected_sha256")
    assert not _equality_on_digests("ok = hmac.compare_digest(io.sha256_file(p), expected)")


def test_digests_and_signatures_compared_in_constant_time_everywhere():
    sources = sorted((Path(__file__).parents[2] / "src" / "safelink").rglob("*.py"))
    assert len(sources) > 50
    found = {
        str(path.name): hits
        for path in sources
        if (hits := _equality_on_digests(path.read_text(encoding="utf-8")))
    }
    assert found == {}
