"""The key-file format: wrapping, unwrapping, permissions, ids (secret bytes stay in ``keys``).

See :mod:`safelink.keys` for the model and SECURITY.md for the format.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NoReturn

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from safelink.errors import (
    KeyFilePermissions,
    KeyFileTampered,
    KeyNotFound,
    KeyringError,
    OutputError,
    WrongPassphrase,
)

KEY_FILE_FORMAT = "safelink-keyfile/1"
KEY_FILE_SUFFIX = ".key"
NAMESPACES = ("link", "release", "surrogate", "audit")
DEFAULT_SCRYPT_N = 2**17
_KEY_ID_LABEL = b"safelink/key-id/v1"
_CHECK_LABEL = b"safelink/passphrase-check/v1"
MIN_PASSPHRASE_LENGTH = 12

KeyStatus = Literal["active", "retired"]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def key_id_for(material: bytes) -> str:
    """Return the public fingerprint of a key: ``kid_`` + 16 hex characters."""
    return "kid_" + hmac.new(material, _KEY_ID_LABEL, hashlib.sha256).hexdigest()[:16]


class _Secret:
    """Mixin: secret-holding objects refuse pickling and copying."""

    __slots__ = ()

    def __reduce__(self) -> NoReturn:
        raise TypeError(f"{type(self).__name__} holds key material and cannot be pickled")

    def __copy__(self) -> NoReturn:
        raise TypeError(f"{type(self).__name__} holds key material and cannot be copied")

    def __deepcopy__(self, memo: object) -> NoReturn:
        raise TypeError(f"{type(self).__name__} holds key material and cannot be copied")


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyVersion:
    """Public facts about one version of a project key (no secret)."""

    version: int
    key_id: str
    created: str
    status: KeyStatus


def _check_permissions(path: Path) -> None:
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise KeyFilePermissions(
            f"{path}: key file is accessible by group or others (mode {oct(mode & 0o777)}); "
            f"run 'chmod 600 {path}'."
        )


def _write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, created with mode 0600 from the start."""
    if not path.parent.is_dir():
        raise OutputError(f"{path.parent}: key directory does not exist; create it first.")
    temporary = path.parent / f".{path.name}.tmp-{secrets.token_hex(6)}"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the key file ({exc.strerror}).") from exc
    finally:
        if temporary.exists():
            temporary.unlink()


def _derive_kek(passphrase: str, salt: bytes, n: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=8, p=1).derive(passphrase.encode("utf-8"))


def _check_value(kek: bytes) -> str:
    return _b64(hmac.new(kek, _CHECK_LABEL, hashlib.sha256).digest()[:16])


def check_passphrase_strength(passphrase: str) -> None:
    """Refuse passphrases too short to protect a key file.

    Raises:
        KeyringError: the passphrase has fewer than 12 characters.

    """
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise KeyringError(
            f"passphrase too short: use at least {MIN_PASSPHRASE_LENGTH} characters "
            "(a few random words work well)."
        )


def _seal(header: dict[str, Any], secrets_by_version: dict[str, str], passphrase: str) -> bytes:
    salt = os.urandom(16)
    nonce = os.urandom(12)
    n = int(header["kdf"]["n"])
    kek = _derive_kek(passphrase, salt, n)
    header = {**header, "kdf": {**header["kdf"], "salt": _b64(salt)}, "nonce": _b64(nonce)}
    header["check"] = _check_value(kek)
    header_bytes = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    body = json.dumps(secrets_by_version, sort_keys=True).encode("utf-8")
    ciphertext = AESGCM(kek).encrypt(nonce, body, header_bytes)
    document = {"header": header_bytes.decode("utf-8"), "ciphertext": _b64(ciphertext)}
    return (json.dumps(document, indent=1) + "\n").encode("utf-8")


def _read_document(path: Path) -> tuple[bytes, dict[str, Any], bytes]:
    if not path.is_file():
        raise KeyNotFound(
            f"{path}: no key file; create one with 'safelink keys init --project NAME'."
        )
    _check_permissions(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        header_bytes = document["header"].encode("utf-8")
        header = json.loads(header_bytes)
        ciphertext = _unb64(document["ciphertext"])
        if header.get("format") != KEY_FILE_FORMAT:
            raise KeyFileTampered(
                f"{path}: unsupported key file format; expected {KEY_FILE_FORMAT}."
            )
        _ = (header["kdf"]["n"], header["kdf"]["salt"], header["nonce"], header["versions"])
    except KeyFileTampered:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise KeyFileTampered(
            f"{path}: key file is malformed or has been altered; restore it from backup."
        ) from exc
    return header_bytes, header, ciphertext


def _unseal(path: Path, passphrase: str) -> tuple[dict[str, Any], dict[int, bytes]]:
    """Open a key file: check the passphrase, authenticate the header, unwrap the secrets."""
    header_bytes, header, ciphertext = _read_document(path)
    try:
        salt = _unb64(header["kdf"]["salt"])
        kek = _derive_kek(passphrase, salt, int(header["kdf"]["n"]))
        if not hmac.compare_digest(_check_value(kek), str(header.get("check", ""))):
            raise WrongPassphrase(
                f"{path}: wrong passphrase for this key file; check SAFELINK_PASSPHRASE."
            )
        body = AESGCM(kek).decrypt(_unb64(header["nonce"]), ciphertext, header_bytes)
        masters = {int(v): _unb64(s) for v, s in json.loads(body).items()}
    except WrongPassphrase:
        raise
    except (InvalidTag, ValueError, KeyError, TypeError) as exc:
        raise KeyFileTampered(
            f"{path}: key file failed its integrity check (altered or corrupt); "
            "restore it from backup."
        ) from exc
    fingerprint = _signing_key_id if header.get("purpose") == "signing" else key_id_for
    for entry in header["versions"]:
        material = masters.get(int(entry["version"]))
        if material is None or not hmac.compare_digest(fingerprint(material), entry["key_id"]):
            raise KeyFileTampered(f"{path}: key ids do not match the wrapped keys.")
    return header, masters


def _check_new_key_file(path: Path, project: str, passphrase: str, scrypt_n: int) -> None:
    if not project or not all(c.isalnum() or c in "-_" for c in project):
        raise KeyringError("invalid project name: use letters, digits, '-' and '_' only.")
    if path.exists():
        raise KeyringError(
            f"{path}: a key file already exists; use 'safelink keys rotate' to add a version."
        )
    if scrypt_n < 2**14 or scrypt_n & (scrypt_n - 1):
        raise KeyringError("scrypt_n must be a power of two of at least 16384.")
    check_passphrase_strength(passphrase)


def _new_header(
    project: str, purpose: str, scrypt_n: int, *, version: int, key_id: str, **extra: str
) -> dict[str, Any]:
    """The public header of a new key file with one active version (sealed by _seal)."""
    now = _now()
    return {
        "format": KEY_FILE_FORMAT,
        "project": project,
        "purpose": purpose,
        "created": now,
        "aead": "AES-256-GCM",
        "kdf": {"name": "scrypt", "n": scrypt_n, "r": 8, "p": 1},
        "versions": [{"version": version, "key_id": key_id, "created": now, "status": "active"}],
        **extra,
    }


def read_versions(path: Path | str) -> list[KeyVersion]:
    """List the versions recorded in a key file's public header (no passphrase needed).

    The header is authenticated only when the file is opened with its passphrase.
    """
    _, header, _ = _read_document(Path(path))
    return [KeyVersion(**v) for v in header["versions"]]


def _signing_key_id(raw_private: bytes) -> str:
    public = Ed25519PrivateKey.from_private_bytes(raw_private).public_key()
    pem = public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return public_key_id(pem)


def public_key_id(public_key_pem: bytes) -> str:
    """Return the id of a public key: ``kid_`` + 16 hex characters of SHA-256 of its PEM.

    Raises:
        KeyringError: the bytes are not an Ed25519 public key in PEM.
    """
    _load_public_key(public_key_pem)
    return "kid_" + hashlib.sha256(public_key_pem.strip()).hexdigest()[:16]


def _load_public_key(public_key_pem: bytes) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(public_key_pem)
    except (ValueError, TypeError) as exc:
        raise KeyringError("not a PEM public key; pass the .signing.pub file.") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise KeyringError("not an Ed25519 public key; pass the .signing.pub file.")
    return key


def list_key_files(directory: Path | str) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Yield each key file in ``directory`` with its public header (project, versions)."""
    for path in sorted(Path(directory).glob(f"*{KEY_FILE_SUFFIX}")):
        _, header, _ = _read_document(path)
        yield path, header


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
