"""The TTP's Ed25519 signing key for release manifests, and signature verification."""

from __future__ import annotations

from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from safelink.errors import KeyringError
from safelink.io import atomic_path
from safelink.keys._keyfile import (
    DEFAULT_SCRYPT_N,
    KEY_FILE_SUFFIX,
    _b64,
    _check_new_key_file,
    _load_public_key,
    _new_header,
    _seal,
    _Secret,
    _unseal,
    _write_private,
    public_key_id,
)


class SigningKey(_Secret):
    """The TTP's Ed25519 signing key for release manifests, stored wrapped like a master key.

    Attributes:
        path: the key file.
        project: the project it signs for.
        key_id: the id of its public key (see :func:`public_key_id`).
    """

    __slots__ = ("__private", "key_id", "path", "project")

    def __init__(self, path: Path, project: str, private: Ed25519PrivateKey) -> None:
        self.path = path
        self.project = project
        self.__private = private
        self.key_id = public_key_id(self.public_key_pem())

    def __repr__(self) -> str:
        return f"SigningKey(project={self.project!r}, key_id={self.key_id!r})"

    @classmethod
    def create(
        cls, path: Path | str, *, project: str, passphrase: str, scrypt_n: int = DEFAULT_SCRYPT_N
    ) -> SigningKey:
        """Create a signing key file (mode 0600) and its public key beside it (``.pub``).

        Raises:
            KeyringError: the file exists, the passphrase is weak, or the name is invalid.
        """
        path = Path(path)
        _check_new_key_file(path, project, passphrase, scrypt_n)
        private = Ed25519PrivateKey.generate()
        raw = private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        key = cls(path, project, private)
        header = _new_header(project, "signing", scrypt_n, version=1, key_id=key.key_id)
        _write_private(path, _seal(header, {"1": _b64(raw)}, passphrase))
        # The public key is for the IG lead and recipients: readable by all, like any .pub.
        with atomic_path(public_key_path(path), mode=0o644) as temporary:
            temporary.write_bytes(key.public_key_pem())
        return key

    @classmethod
    def open(cls, path: Path | str, *, passphrase: str) -> SigningKey:
        """Open a signing key file with its passphrase.

        Raises:
            KeyringError: as :meth:`Keyring.open`, or the file is not a signing key.
        """
        path = Path(path)
        header, secrets_by_version = _unseal(path, passphrase)
        if header.get("purpose") != "signing":
            raise KeyringError(f"{path}: not a signing key file.")
        raw = secrets_by_version[max(secrets_by_version)]
        return cls(path, str(header["project"]), Ed25519PrivateKey.from_private_bytes(raw))

    def sign(self, message: bytes) -> bytes:
        """Return the Ed25519 signature of ``message``."""
        return self.__private.sign(message)

    def public_key_pem(self) -> bytes:
        """Return the public key as PEM (safe to publish)."""
        return self.__private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )


def public_key_path(signing_key_path: Path | str) -> Path:
    """Where the public key of a signing key file lives (``NAME.signing.pub``)."""
    path = Path(signing_key_path)
    return path.with_name(path.name.removesuffix(KEY_FILE_SUFFIX) + ".pub")


def verify_signature(public_key_pem: bytes, message: bytes, signature: bytes) -> bool:
    """Return whether ``signature`` is a valid Ed25519 signature of ``message``.

    Raises:
        KeyringError: the public key is not an Ed25519 PEM public key.
    """
    key = _load_public_key(public_key_pem)
    try:
        key.verify(signature, message)
    except InvalidSignature:
        return False
    return True
