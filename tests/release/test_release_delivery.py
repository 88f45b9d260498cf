"""Encrypted delivery: X25519 + HKDF + ChaCha20-Poly1305 in chunks; round trips and tampering."""

from __future__ import annotations

import io
import os
import struct
from pathlib import Path

import pytest

from safelink.errors import InputError, KeyringError, OutputError
from safelink.keys import DeliveryKey, SealingWriter, SigningKey, open_sealed
from safelink.release import (
    ReleaseResult,
    decrypt_bundle,
    decrypt_file,
    encrypt_bundle,
    encrypt_file,
    verify,
)

from .conftest import PASSPHRASE, Pipeline

HEADER = 8 + 20 + 32 + 16 + 4
TAG = 16


@pytest.fixture(scope="module")
def recipient(tmp_path_factory: pytest.TempPathFactory) -> DeliveryKey:
    keys = tmp_path_factory.mktemp("recipient") / "keys"
    keys.mkdir(mode=0o700)
    return DeliveryKey.create(
        keys / "uni.delivery.key", project="demo", passphrase=PASSPHRASE, scrypt_n=2**14
    )


def _seal(data: bytes, key: DeliveryKey, chunk: int) -> bytes:
    out = io.BytesIO()
    writer = SealingWriter(out, key.public_key_pem(), chunk_size=chunk)
    for start in range(0, len(data), 7):  # odd-sized writes cross chunk boundaries
        writer.write(data[start : start + 7])
    writer.close()
    return out.getvalue()


def _open(sealed: bytes, key: DeliveryKey) -> bytes:
    return b"".join(open_sealed(io.BytesIO(sealed), key))


@pytest.mark.parametrize("size", [0, 1, 63, 64, 65, 640, 1000])
def test_sealed_round_trip_any_size(recipient: DeliveryKey, size: int) -> None:
    data = os.urandom(size)
    sealed = _seal(data, recipient, chunk=64)
    chunks = max(1, -(-size // 64))
    assert len(sealed) == HEADER + size + TAG * chunks
    assert _open(sealed, recipient) == data


def test_delivery_key_reopens_and_shows_only_its_id(recipient: DeliveryKey) -> None:
    again = DeliveryKey.open(recipient.path, passphrase=PASSPHRASE)
    assert again.key_id == recipient.key_id
    assert repr(again) == f"DeliveryKey(project='demo', key_id='{recipient.key_id}')"
    assert recipient.path.with_name("uni.delivery.pub").read_bytes() == again.public_key_pem()


def test_delivery_key_refuses_signing_key_file(tmp_path: Path) -> None:
    keys = tmp_path / "k"
    keys.mkdir(mode=0o700)
    signer = SigningKey.create(
        keys / "s.signing.key", project="demo", passphrase=PASSPHRASE, scrypt_n=2**14
    )
    with pytest.raises(KeyringError, match="not a delivery key"):
        DeliveryKey.open(signer.path, passphrase=PASSPHRASE)
    with pytest.raises(KeyringError, match="not an X25519 public key"):
        SealingWriter(io.BytesIO(), signer.public_key_pem())


def _chunks(sealed: bytes, chunk: int) -> list[bytes]:
    body = sealed[HEADER:]
    return [body[i : i + chunk + TAG] for i in range(0, len(body), chunk + TAG)]


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(
            lambda s: s[: HEADER + 10] + bytes([s[HEADER + 10] ^ 1]) + s[HEADER + 11 :],
            id="flipped-byte",
        ),
        pytest.param(lambda s: s[: HEADER + 2 * (64 + TAG)], id="cut-after-two-chunks"),
        pytest.param(lambda s: s[:-1], id="last-byte-dropped"),
        pytest.param(
            lambda s: (
                s[:HEADER] + b"".join([_chunks(s, 64)[1], _chunks(s, 64)[0], *_chunks(s, 64)[2:]])
            ),
            id="chunks-swapped",
        ),
        pytest.param(lambda s: s[:70] + bytes([s[70] ^ 1]) + s[71:], id="salt-altered"),
        pytest.param(lambda s: s[:HEADER] + s[HEADER + 64 + TAG :], id="first-chunk-dropped"),
    ],
)
def test_sealed_tampering_detected(recipient: DeliveryKey, tamper) -> None:
    sealed = _seal(os.urandom(300), recipient, chunk=64)
    with pytest.raises(InputError, match="fails authentication"):
        _open(tamper(sealed), recipient)


def test_sealed_chunk_size_altered_refused(recipient: DeliveryKey) -> None:
    sealed = bytearray(_seal(os.urandom(300), recipient, chunk=64))
    sealed[HEADER - 4 : HEADER] = struct.pack(">I", 128)
    with pytest.raises(InputError, match="fails authentication"):
        _open(bytes(sealed), recipient)


def test_sealed_to_another_key_refused(recipient: DeliveryKey, tmp_path: Path) -> None:
    keys = tmp_path / "k"
    keys.mkdir(mode=0o700)
    other = DeliveryKey.create(
        keys / "o.delivery.key", project="demo", passphrase=PASSPHRASE, scrypt_n=2**14
    )
    with pytest.raises(InputError, match=f"encrypted to key {recipient.key_id}"):
        _open(_seal(b"data", recipient, chunk=64), other)


def test_bundle_encrypted_decrypts_byte_identical_and_verifies(
    pipeline: Pipeline, released: ReleaseResult, recipient: DeliveryKey, tmp_path: Path
) -> None:
    sealed = encrypt_bundle(released.out_dir, tmp_path / "b.tar.sealed", recipient.public_key_pem())
    raw = sealed.read_bytes()
    assert b"manifest" not in raw and b"person" not in raw  # nothing readable in transit
    out = decrypt_bundle(sealed, tmp_path / "bundle", recipient)
    for path in released.out_dir.iterdir():
        assert (out / path.name).read_bytes() == path.read_bytes()
    assert verify(out, pipeline.public_key).ok


def test_bundle_tampered_nothing_unpacked(
    released: ReleaseResult, recipient: DeliveryKey, tmp_path: Path
) -> None:
    sealed = encrypt_bundle(released.out_dir, tmp_path / "b.tar.sealed", recipient.public_key_pem())
    raw = bytearray(sealed.read_bytes())
    raw[len(raw) // 2] ^= 0x40
    sealed.write_bytes(bytes(raw))
    with pytest.raises(InputError, match="fails authentication"):
        decrypt_bundle(sealed, tmp_path / "bundle", recipient)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.tar.sealed"]


def test_decrypt_into_existing_directory_refused(
    released: ReleaseResult, recipient: DeliveryKey, tmp_path: Path
) -> None:
    sealed = encrypt_bundle(released.out_dir, tmp_path / "b.tar.sealed", recipient.public_key_pem())
    (tmp_path / "bundle").mkdir()
    with pytest.raises(OutputError, match="already exists"):
        decrypt_bundle(sealed, tmp_path / "bundle", recipient)


def test_token_file_round_trip(pipeline: Pipeline, recipient: DeliveryKey, tmp_path: Path) -> None:
    sealed = encrypt_file(pipeline.links, tmp_path / "links.sealed", recipient.public_key_pem())
    out = decrypt_file(sealed, tmp_path / "links.parquet", recipient)
    assert out.read_bytes() == pipeline.links.read_bytes()


def test_cli_encrypt_decrypt_verify(
    cli, pipeline: Pipeline, released: ReleaseResult, recipient: DeliveryKey, tmp_path: Path
) -> None:
    pub = recipient.path.with_name("uni.delivery.pub")
    sealed = tmp_path / "rel.tar.sealed"
    assert cli("encrypt", str(released.out_dir), "--to", str(pub), "-o", str(sealed))[0] == 0
    out = tmp_path / "rel"
    assert cli("decrypt", str(sealed), "--key", str(recipient.path), "-o", str(out))[0] == 0
    signing_pub = str(pipeline.root / "keys" / "test.signing.pub")
    assert cli("verify", str(out), "--public-key", signing_pub)[0] == 0
    code, _, stderr = cli("decrypt", str(sealed), "--key", str(recipient.path), "-o", str(out))
    assert code == 2 and "already exists" in stderr
