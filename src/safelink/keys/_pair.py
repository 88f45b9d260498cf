"""A key pair stored wrapped like a master key: the base of signing and delivery keys."""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, ClassVar, Self

from cryptography.hazmat.primitives import serialization

from safelink.errors import KeyringError
from safelink.infra.io import atomic_path
from safelink.keys._keyfile import (
    DEFAULT_SCRYPT_N,
    KEY_FILE_SUFFIX,
    _b64,
    _check_new_key_file,
    _new_header,
    _seal,
    _Secret,
    _unseal,
    _write_private,
    pem_key_id,
    public_pem,
)


def public_key_path(key_path: Path | str) -> Path:
    """Where the public key of a key-pair file lives (``NAME.signing.pub`` beside the key)."""
    path = Path(key_path)
    return path.with_name(path.name.removesuffix(KEY_FILE_SUFFIX) + ".pub")


class KeyPair(_Secret, ABC):
    """A private key wrapped in a key file, its public key (PEM) beside it in ``.pub``.

    Subclasses name the key file's ``PURPOSE`` and how a private key is made and read back.

    Attributes:
        path: the key file.
        project: the project it belongs to.
        key_id: the id of its public key (``kid_`` + 16 hex characters of its PEM's SHA-256).
    """

    PURPOSE: ClassVar[str]
    __slots__ = ("__private", "key_id", "path", "project")

    def __init__(self, path: Path, project: str, private: Any) -> None:
        self.path = path
        self.project = project
        self.__private = private
        self.key_id = pem_key_id(self.public_key_pem())

    def __repr__(self) -> str:
        return f"{type(self).__name__}(project={self.project!r}, key_id={self.key_id!r})"

    @classmethod
    @abstractmethod
    def _generate(cls) -> Any:
        """A new private key of this pair's algorithm."""

    @classmethod
    @abstractmethod
    def _from_raw(cls, raw: bytes) -> Any:
        """The private key whose raw bytes are ``raw``."""

    def _private(self) -> Any:
        return self.__private

    @classmethod
    def create(
        cls, path: Path | str, *, project: str, passphrase: str, scrypt_n: int = DEFAULT_SCRYPT_N
    ) -> Self:
        """Create the key file (mode 0600) and its public key beside it (``.pub``).

        Raises:
            KeyringError: the file exists, the passphrase is weak, or the name is invalid.
        """
        path = Path(path)
        _check_new_key_file(path, project, passphrase, scrypt_n)
        private = cls._generate()
        raw = private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        key = cls(path, project, private)
        header = _new_header(project, cls.PURPOSE, scrypt_n, version=1, key_id=key.key_id)
        _write_private(path, _seal(header, {"1": _b64(raw)}, passphrase))
        # The public key is for those who check or send: readable by all, like any .pub.
        with atomic_path(public_key_path(path), mode=0o644) as temporary:
            temporary.write_bytes(key.public_key_pem())
        return key

    @classmethod
    def open(cls, path: Path | str, *, passphrase: str) -> Self:
        """Open the key file with its passphrase.

        Raises:
            KeyringError: as :meth:`Keyring.open`, or the file holds another kind of key.
        """
        path = Path(path)
        header, secrets_by_version = _unseal(path, passphrase)
        if header.get("purpose") != cls.PURPOSE:
            raise KeyringError(f"{path}: not a {cls.PURPOSE} key file.")
        raw = secrets_by_version[max(secrets_by_version)]
        return cls(path, str(header["project"]), cls._from_raw(raw))

    def public_key_pem(self) -> bytes:
        """Return the public key as PEM (safe to publish)."""
        return public_pem(self.__private.public_key())
