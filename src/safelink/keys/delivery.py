"""Encrypted delivery: a recipient's X25519 key, and files encrypted to it in authenticated chunks.

A recipient (an analyst's TRE, or the TTP receiving providers' token files) holds a *delivery
key*: an X25519 private key wrapped in a key file like any other (``NAME.delivery.key``), whose
public key (``NAME.delivery.pub``, PEM) it gives to senders.

Format of an encrypted file (``safelink-sealed/1``)::

    magic "SLSEAL01" | key id of the recipient's public key (20 ASCII bytes)
    | ephemeral X25519 public key (32) | salt (16) | chunk size (4, big-endian)
    | chunk 0 | chunk 1 | ... | final chunk

The file key is HKDF-SHA256 over the X25519 shared secret (salt; info: a label, the ephemeral
and the recipient's public keys). Each chunk is ChaCha20-Poly1305 over at most ``chunk size``
bytes, with the whole header as associated data and a nonce of the chunk's index (11 bytes)
and a last-chunk flag (1 byte) — the STREAM construction: a chunk altered, dropped, reordered,
or the file cut short fails authentication. Memory use is one chunk, whatever the file's size.
"""

from __future__ import annotations

import hmac
import os
import struct
from collections.abc import Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from safelink.errors import InputError
from safelink.keys._keyfile import load_public_key, pem_key_id
from safelink.keys._pair import KeyPair

MAGIC = b"SLSEAL01"
CHUNK_SIZE = 1 << 16
_TAG = 16
_HEADER = struct.Struct(">8s20s32s16sI")
_INFO = b"safelink delivery v1"
_MAX_CHUNK = 1 << 24


def delivery_key_id(public_key_pem: bytes) -> str:
    """Return the id of an X25519 public key: ``kid_`` + 16 hex characters of SHA-256 of its PEM.

    Raises:
        KeyringError: the bytes are not an X25519 public key in PEM.
    """
    _load_recipient(public_key_pem)
    return pem_key_id(public_key_pem)


def _load_recipient(public_key_pem: bytes) -> X25519PublicKey:
    kind: type[X25519PublicKey] = X25519PublicKey  # type: ignore[type-abstract]
    return load_public_key(public_key_pem, kind, "X25519", "recipient's .delivery.pub")


class DeliveryKey(KeyPair):
    """A recipient's X25519 delivery key, stored wrapped like a master key.

    Attributes:
        path: the key file (``NAME.delivery.key``; the public key is ``NAME.delivery.pub``).
        project: the project it receives for.
        key_id: the id of its public key (see :func:`delivery_key_id`).
    """

    PURPOSE = "delivery"
    __slots__ = ()

    @classmethod
    def _generate(cls) -> X25519PrivateKey:
        return X25519PrivateKey.generate()

    @classmethod
    def _from_raw(cls, raw: bytes) -> X25519PrivateKey:
        return X25519PrivateKey.from_private_bytes(raw)

    def _file_key(self, ephemeral: bytes, salt: bytes) -> bytes:
        private: X25519PrivateKey = self._private()
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        return _derive(shared, salt, ephemeral, private.public_key())


def _derive(shared: bytes, salt: bytes, ephemeral: bytes, recipient: X25519PublicKey) -> bytes:
    raw = recipient.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=_INFO + ephemeral + raw
    ).derive(shared)


def _nonce(index: int, final: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if final else b"\x00")


class SealingWriter:
    """A write-only binary stream that encrypts to a recipient, one chunk at a time.

    Write to it (``tarfile`` can stream into it), then :meth:`close` it to write the final
    chunk; the underlying stream is not closed.
    """

    def __init__(
        self, out: BinaryIO, recipient_public_pem: bytes, *, chunk_size: int = CHUNK_SIZE
    ) -> None:
        """Write the header to ``out``, for the recipient of ``recipient_public_pem``.

        Raises:
            KeyringError: the public key is not an X25519 PEM key.
        """
        recipient = _load_recipient(recipient_public_pem)
        ephemeral = X25519PrivateKey.generate()
        eph_raw = ephemeral.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        salt = os.urandom(16)
        self._aead = ChaCha20Poly1305(
            _derive(ephemeral.exchange(recipient), salt, eph_raw, recipient)
        )
        key_id = delivery_key_id(recipient_public_pem).encode("ascii")
        self._header = _HEADER.pack(MAGIC, key_id, eph_raw, salt, chunk_size)
        self._out = out
        self._chunk = chunk_size
        self._buffer = bytearray()
        self._index = 0
        self.closed = False
        out.write(self._header)

    def write(self, data: bytes | bytearray | memoryview) -> int:
        """Buffer ``data``, writing every full chunk (all but the last are full)."""
        self._buffer += data
        # Keep at least one byte back: the last chunk is sealed with the final flag on close.
        while len(self._buffer) > self._chunk:
            self._emit(bytes(self._buffer[: self._chunk]), final=False)
            del self._buffer[: self._chunk]
        return len(data)

    def _emit(self, plain: bytes, *, final: bool) -> None:
        self._out.write(self._aead.encrypt(_nonce(self._index, final), plain, self._header))
        self._index += 1

    def close(self) -> None:
        """Seal the last chunk (possibly empty) with the final flag."""
        if not self.closed:
            self._emit(bytes(self._buffer), final=True)
            self._buffer.clear()
            self.closed = True

    def flush(self) -> None:
        """Nothing to flush before :meth:`close` (chunks are written when full)."""


def _read_header(handle: BinaryIO, where: str) -> tuple[bytes, str, bytes, bytes, int]:
    raw = handle.read(_HEADER.size)
    if len(raw) != _HEADER.size:
        raise InputError(f"{where}: not a safelink encrypted file (too short).")
    magic, key_id, ephemeral, salt, chunk = _HEADER.unpack(raw)
    if magic != MAGIC or not 1 <= chunk <= _MAX_CHUNK:
        raise InputError(f"{where}: not a safelink encrypted file ({MAGIC.decode()}).")
    return raw, key_id.decode("ascii", "replace"), ephemeral, salt, chunk


def open_sealed(handle: BinaryIO, key: DeliveryKey, *, where: str = "input") -> Iterator[bytes]:
    """Decrypt a sealed stream chunk by chunk, yielding each chunk once it is authenticated.

    A consumer must not act on the plaintext before the iterator ends without an error (the
    final chunk proves the file was not cut short): write it to a temporary file first.

    Raises:
        InputError: not a sealed file, encrypted to another key, altered, reordered or
            truncated.
    """
    header, key_id, ephemeral, salt, chunk = _read_header(handle, where)
    if not hmac.compare_digest(key_id.encode(), key.key_id.encode()):
        raise InputError(
            f"{where}: encrypted to key {key_id}, not this delivery key ({key.key_id}); "
            "decrypt with the recipient's key."
        )
    aead = ChaCha20Poly1305(key._file_key(ephemeral, salt))
    index = 0
    block = handle.read(chunk + _TAG)
    while True:
        following = handle.read(chunk + _TAG) if len(block) == chunk + _TAG else b""
        final = not following
        try:
            yield aead.decrypt(_nonce(index, final), block, header)
        except InvalidTag as exc:
            raise InputError(
                f"{where}: chunk {index} fails authentication: the file was altered, "
                "reordered or cut short; ask the sender for it again."
            ) from exc
        if final:
            return
        index += 1
        block = following
