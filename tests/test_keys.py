from __future__ import annotations

import copy
import json
import os
import pickle
import stat
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safelink.errors import (
    KeyFilePermissions,
    KeyFileTampered,
    KeyNotFound,
    KeyringError,
    WrongPassphrase,
)
from safelink.keys import Keyring, ProviderKey, SubKey, key_id_for, open_key_source, read_versions

from .conftest import TEST_PASSPHRASE


def test_keyring_create_writes_mode_0600_file_without_secret(keyring: Keyring):
    mode = stat.S_IMODE(keyring.path.stat().st_mode)
    assert mode == 0o600
    text = keyring.path.read_text()
    assert TEST_PASSPHRASE not in text
    assert keyring.key_id.startswith("kid_") and len(keyring.key_id) == 20


def test_keyring_open_same_passphrase_gives_same_subkeys(keyring: Keyring):
    reopened = Keyring.open(keyring.path, passphrase=TEST_PASSPHRASE)
    assert reopened.key_id == keyring.key_id
    assert reopened.subkey("link:nhs_number") == keyring.subkey("link:nhs_number")


def test_keyring_open_wrong_passphrase_raises_clear_error(keyring: Keyring):
    with pytest.raises(WrongPassphrase) as info:
        Keyring.open(keyring.path, passphrase="not the right passphrase")
    assert "wrong passphrase" in str(info.value)
    assert "not the right" not in str(info.value)


def test_keyring_open_missing_file_raises_key_not_found(tmp_path: Path):
    with pytest.raises(KeyNotFound):
        Keyring.open(tmp_path / "absent.key", passphrase=TEST_PASSPHRASE)


def test_keyring_group_readable_file_refused(keyring: Keyring):
    os.chmod(keyring.path, 0o640)
    with pytest.raises(KeyFilePermissions) as info:
        Keyring.open(keyring.path, passphrase=TEST_PASSPHRASE)
    assert "chmod 600" in str(info.value)


def _edit_header(path: Path, edit) -> None:
    document = json.loads(path.read_text())
    header = json.loads(document["header"])
    edit(header)
    document["header"] = json.dumps(header, sort_keys=True, separators=(",", ":"))
    path.write_text(json.dumps(document))


def test_keyring_tampered_header_status_detected(keyring: Keyring):
    keyring.rotate(passphrase=TEST_PASSPHRASE)

    def reactivate_old(header: dict) -> None:
        header["versions"][0]["status"] = "active"
        header["versions"][1]["status"] = "retired"

    _edit_header(keyring.path, reactivate_old)
    with pytest.raises(KeyFileTampered):
        Keyring.open(keyring.path, passphrase=TEST_PASSPHRASE)


def test_keyring_tampered_ciphertext_detected(keyring: Keyring):
    document = json.loads(keyring.path.read_text())
    raw = bytearray(__import__("base64").b64decode(document["ciphertext"]))
    raw[5] ^= 1
    document["ciphertext"] = __import__("base64").b64encode(bytes(raw)).decode()
    keyring.path.write_text(json.dumps(document))
    with pytest.raises(KeyFileTampered):
        Keyring.open(keyring.path, passphrase=TEST_PASSPHRASE)


def test_keyring_garbage_file_detected_as_tampered(keyring: Keyring):
    keyring.path.write_text("not json at all")
    with pytest.raises(KeyFileTampered):
        Keyring.open(keyring.path, passphrase=TEST_PASSPHRASE)


def test_keyring_existing_file_not_overwritten(keyring: Keyring):
    with pytest.raises(KeyringError, match="already exists"):
        Keyring.create(keyring.path, project="test", passphrase=TEST_PASSPHRASE, scrypt_n=2**14)


def test_keyring_short_passphrase_refused(tmp_path: Path):
    with pytest.raises(KeyringError, match="too short"):
        Keyring.create(tmp_path / "k.key", project="p", passphrase="short", scrypt_n=2**14)


def test_keyring_rotate_changes_tokens_and_keeps_old_version(keyring: Keyring):
    values = pa.array(["9434765919"])
    before = keyring.subkey("link:nhs_number").tokens(values)
    old_id = keyring.key_id
    version = keyring.rotate(passphrase=TEST_PASSPHRASE)
    assert version.version == 2 and version.status == "active"
    assert keyring.key_id != old_id
    after = keyring.subkey("link:nhs_number").tokens(values)
    assert before.to_pylist() != after.to_pylist()
    old = keyring.subkey("link:nhs_number", version=1).tokens(values)
    assert old.to_pylist() == before.to_pylist()
    statuses = [v.status for v in read_versions(keyring.path)]
    assert statuses == ["retired", "active"]


def test_subkey_purposes_give_unrelated_tokens(keyring: Keyring):
    values = pa.array(["SMITH"])
    name = keyring.subkey("link:name").tokens(values).to_pylist()
    surname = keyring.subkey("link:surname").tokens(values).to_pylist()
    release = keyring.subkey("release:acme").tokens(values).to_pylist()
    assert len({name[0], surname[0], release[0]}) == 3


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=1, max_size=20), st.text(min_size=1, max_size=20))
def test_subkey_domain_separation_property(label_a: str, label_b: str):
    ring = _shared_ring()
    a = ring.subkey(f"link:{label_a}")
    b = ring.subkey(f"link:{label_b}")
    assert (a.key_id == b.key_id) == (label_a == label_b)


_RING: list[Keyring] = []


def _shared_ring() -> Keyring:
    if not _RING:
        import tempfile

        directory = Path(tempfile.mkdtemp())
        _RING.append(
            Keyring.create(
                directory / "p.key", project="p", passphrase=TEST_PASSPHRASE, scrypt_n=2**14
            )
        )
    return _RING[0]


def test_subkey_bad_purpose_refused(keyring: Keyring):
    for purpose in ("nhs_number", "secret:x", "link:"):
        with pytest.raises(KeyringError, match="invalid key purpose"):
            keyring.subkey(purpose)


def test_key_objects_refuse_pickle_and_copy_and_hide_material(keyring: Keyring):
    sub = keyring.subkey("link:nhs_number")
    for obj in (keyring, sub, keyring.namespace_key("link")):
        with pytest.raises(TypeError):
            pickle.dumps(obj)
        with pytest.raises(TypeError):
            copy.deepcopy(obj)
        assert "kid_" in repr(obj)
    assert repr(sub) == f"SubKey(purpose='link:nhs_number', key_id='{sub.key_id}')"


def test_key_id_is_a_fingerprint_not_the_key():
    material = bytes(range(32))
    kid = key_id_for(material)
    assert material.hex()[:16] not in kid
    assert key_id_for(material) == kid != key_id_for(bytes(32))


def test_export_provider_key_makes_same_link_tokens_but_no_release_keys(
    keyring: Keyring, tmp_path: Path
):
    export_path = tmp_path / "keys" / "council.export.key"
    provider = keyring.export_namespace(
        export_path, provider="council", passphrase="another long passphrase"
    )
    assert isinstance(provider, ProviderKey)
    values = pa.array(["9434765919"])
    assert (
        provider.subkey("link:nhs_number").tokens(values).to_pylist()
        == keyring.subkey("link:nhs_number").tokens(values).to_pylist()
    )
    assert provider.namespace_key("link").key_id == keyring.namespace_key("link").key_id
    with pytest.raises(KeyringError, match="stay with the TTP"):
        provider.subkey("release:acme")
    reopened = open_key_source(export_path, passphrase="another long passphrase")
    assert isinstance(reopened, ProviderKey)
    with pytest.raises(KeyringError, match="provider key export"):
        Keyring.open(export_path, passphrase="another long passphrase")


def test_subkey_is_subkey_type(keyring: Keyring):
    assert isinstance(keyring.subkey("link:x"), SubKey)


def test_signing_key_signs_and_public_key_verifies(tmp_path: Path):
    from safelink.keys import SigningKey, public_key_id, public_key_path, verify_signature

    path = tmp_path / "p.signing.key"
    key = SigningKey.create(path, project="p", passphrase=TEST_PASSPHRASE, scrypt_n=2**14)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    public = public_key_path(path).read_bytes()
    assert public == key.public_key_pem() and b"PRIVATE" not in public
    assert public_key_id(public) == key.key_id
    signature = SigningKey.open(path, passphrase=TEST_PASSPHRASE).sign(b"manifest")
    assert verify_signature(public, b"manifest", signature)
    assert not verify_signature(public, b"manifest!", signature)
    tampered = bytes([signature[0] ^ 1]) + signature[1:]
    assert not verify_signature(public, b"manifest", tampered)
    with pytest.raises(TypeError):
        pickle.dumps(key)
    with pytest.raises(KeyringError, match="not a project key file"):
        Keyring.open(path, passphrase=TEST_PASSPHRASE)
    with pytest.raises(KeyringError, match="PEM"):
        verify_signature(b"junk", b"m", signature)


def test_subkey_hmac_blocks_reproduce_the_hmac(keyring: Keyring):
    import hashlib

    sub = keyring.subkey("link:nhs_number")
    inner, outer = sub.hmac_blocks()
    assert len(inner) == len(outer) == 64
    message = b"9434765919"
    by_blocks = hashlib.sha256(outer + hashlib.sha256(inner + message).digest()).digest()
    assert by_blocks == sub.digest(message)
