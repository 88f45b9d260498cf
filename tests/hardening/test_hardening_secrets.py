"""Plant a known passphrase, read the key material, and search everything a run wrote or said."""

from __future__ import annotations

import base64
import logging
import pickle
from pathlib import Path

import pytest

from safelink.demo import run_demo
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


def test_cli_run_never_writes_or_prints_key_or_passphrase(run_cli, tmp_path: Path, caplog):
    caplog.set_level(logging.DEBUG)
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
