"""Project keys: the only module that ever holds secret bytes.

A project has a master secret (256 bits from the OS CSPRNG) per *version*; one version is
active, older ones are retired but kept so that earlier outputs can be verified or re-keyed.
Secrets are stored only wrapped, in a versioned key file (format in SECURITY.md):

* the header (JSON, public) lists the project, the KDF and its parameters, and every version's
  key id, creation time and status;
* the body is AES-256-GCM over the secrets, under a key-encryption key derived from a
  passphrase with scrypt, with the exact header bytes as associated data, so any change to the
  header (a status flipped, a key id swapped) makes the file fail to open.

Subkeys are derived in two HKDF-SHA256 steps: master -> *namespace* key (``link``,
``release``, ``surrogate``, ...) -> *purpose* key (``link:nhs_number``). A provider who
pseudonymises at source receives only the ``link`` namespace key (``keys export``), so it can
make linkage tokens but never release pseudonyms or surrogates. A token made for one purpose
is useless for another, and the same master and label always give the same subkey.

Key ids are ``kid_`` + 16 hex characters of an HMAC of the key under a fixed label: a
fingerprint that identifies a key and reveals nothing about it. Key ids go into every output;
keys never do. Key objects show only their id and purpose in ``repr()`` and refuse pickling.
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

import pyarrow as pa
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from safelink import _hmac
from safelink.errors import (
    KeyFilePermissions,
    KeyFileTampered,
    KeyNotFound,
    KeyringError,
    OutputError,
    WrongPassphrase,
)
from safelink.io import atomic_path

KEY_FILE_FORMAT = "safelink-keyfile/1"
KEY_FILE_SUFFIX = ".key"
NAMESPACES = ("link", "release", "surrogate", "audit")
DEFAULT_SCRYPT_N = 2**17
_HKDF_SALT = b"safelink/hkdf/v1"
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


def _hkdf(material: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=_HKDF_SALT, info=info).derive(material)


def _split_purpose(purpose: str) -> tuple[str, str]:
    namespace, sep, label = purpose.partition(":")
    if not sep or not label or namespace not in NAMESPACES:
        raise KeyringError(
            f"invalid key purpose {purpose!r}: use NAMESPACE:LABEL with a namespace among "
            f"{', '.join(NAMESPACES)} (e.g. 'link:nhs_number')."
        )
    return namespace, label


class _Secret:
    """Mixin: secret-holding objects refuse pickling and copying."""

    __slots__ = ()

    def __reduce__(self) -> NoReturn:
        raise TypeError(f"{type(self).__name__} holds key material and cannot be pickled")

    def __copy__(self) -> NoReturn:
        raise TypeError(f"{type(self).__name__} holds key material and cannot be copied")

    def __deepcopy__(self, memo: object) -> NoReturn:
        raise TypeError(f"{type(self).__name__} holds key material and cannot be copied")


class SubKey(_Secret):
    """A purpose-bound key, e.g. for ``link:nhs_number``. Computes tokens; never reveals itself.

    Attributes:
        purpose: the label it was derived for.
        key_id: its public fingerprint.
        namespace_key_id: the id of the namespace key it came from (the id a tokens file carries).

    """

    __slots__ = ("__material", "key_id", "namespace_key_id", "purpose")

    def __init__(self, material: bytes, purpose: str, namespace_key_id: str) -> None:
        self.__material = material
        self.purpose = purpose
        self.key_id = key_id_for(material)
        self.namespace_key_id = namespace_key_id

    def __repr__(self) -> str:
        return f"SubKey(purpose={self.purpose!r}, key_id={self.key_id!r})"

    def digest(self, message: bytes) -> bytes:
        """Return the full HMAC-SHA256 of ``message`` under this subkey."""
        return _hmac.hmac_sha256(self.__material, message)

    def tokens(self, values: pa.Array | pa.ChunkedArray, *, length: int = 16) -> Any:
        """Return hex tokens (HMAC-SHA256 truncated to ``length`` bytes) for a text array.

        Nulls stay null. Uses the native routine when it was built.
        """
        return _hmac.hmac_hex_array(self.__material, values, length=length)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SubKey):
            return NotImplemented
        return hmac.compare_digest(self.key_id, other.key_id)

    def __hash__(self) -> int:
        return hash(self.key_id)


class NamespaceKey(_Secret):
    """A namespace key (``link``, ``release``, ...) from which purpose subkeys derive."""

    __slots__ = ("__material", "key_id", "namespace")

    def __init__(self, material: bytes, namespace: str) -> None:
        self.__material = material
        self.namespace = namespace
        self.key_id = key_id_for(material)

    def __repr__(self) -> str:
        return f"NamespaceKey(namespace={self.namespace!r}, key_id={self.key_id!r})"

    def subkey(self, purpose: str) -> SubKey:
        """Derive the subkey for ``purpose`` (``NAMESPACE:LABEL``, in this namespace)."""
        namespace, label = _split_purpose(purpose)
        if namespace != self.namespace:
            raise KeyringError(
                f"purpose {purpose!r} is outside this key's namespace {self.namespace!r}."
            )
        material = _hkdf(self.__material, b"purpose:" + label.encode("utf-8"))
        return SubKey(material, purpose, self.key_id)

    def _wrap_for_export(self) -> bytes:
        return self.__material


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


class Keyring(_Secret):
    """A project's keys, opened from a wrapped key file.

    Example:
        >>> ring = Keyring.create("keys/demo.key", project="demo", passphrase="…")  # doctest: +SKIP
        >>> ring.subkey("link:nhs_number").key_id  # doctest: +SKIP
        'kid_…'

    """

    __slots__ = ("__masters", "_header", "path", "project")

    def __init__(self, path: Path, header: dict[str, Any], masters: dict[int, bytes]) -> None:
        self.path = path
        self.project: str = header["project"]
        self._header = header
        self.__masters = masters

    def __repr__(self) -> str:
        return f"Keyring(project={self.project!r}, key_id={self.key_id!r})"

    # -- creation and opening -----------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        *,
        project: str,
        passphrase: str,
        scrypt_n: int = DEFAULT_SCRYPT_N,
    ) -> Keyring:
        """Create a project key file with a fresh 256-bit master secret.

        Args:
            path: where to write the key file (created with mode 0600).
            project: the project name.
            passphrase: wraps the key; at least 12 characters.
            scrypt_n: scrypt cost (a power of two; default 2**17, about 128 MiB).

        Raises:
            KeyringError: the file exists, the passphrase is weak, or the name is invalid.

        """
        path = Path(path)
        _check_new_key_file(path, project, passphrase, scrypt_n)
        master = secrets.token_bytes(32)
        header = _new_header(project, "master", scrypt_n, version=1, key_id=key_id_for(master))
        _write_private(path, _seal(header, {"1": _b64(master)}, passphrase))
        return cls.open(path, passphrase=passphrase)

    @classmethod
    def open(cls, path: Path | str, *, passphrase: str) -> Keyring:
        """Open a key file with its passphrase.

        Raises:
            KeyNotFound: no such file.
            KeyFilePermissions: the file is accessible by group or others.
            WrongPassphrase: the passphrase does not open it.
            KeyFileTampered: the file was altered or is malformed.

        """
        path = Path(path)
        header, masters = _unseal(path, passphrase)
        purpose = header.get("purpose")
        if purpose != "master":
            kind = "a provider key export" if str(purpose).startswith("namespace:") else purpose
            raise KeyringError(f"{path}: this is {kind}, not a project key file.")
        return cls(path, header, masters)

    # -- facts ------------------------------------------------------------------------------

    @property
    def versions(self) -> list[KeyVersion]:
        """Every version, oldest first (ids, creation time, status; never material)."""
        return [KeyVersion(**v) for v in self._header["versions"]]

    @property
    def active_version(self) -> int:
        """The version new outputs use."""
        return next(v.version for v in self.versions if v.status == "active")

    @property
    def key_id(self) -> str:
        """The id of the active master key."""
        return next(v.key_id for v in self.versions if v.status == "active")

    # -- derivation -------------------------------------------------------------------------

    def namespace_key(self, namespace: str, *, version: int | None = None) -> NamespaceKey:
        """Derive the namespace key (``link``, ``release``, ``surrogate``, ``audit``).

        Args:
            namespace: one of :data:`NAMESPACES`.
            version: master key version (the active one by default).

        """
        if namespace not in NAMESPACES:
            raise KeyringError(
                f"unknown key namespace {namespace!r}; use one of {', '.join(NAMESPACES)}."
            )
        version = self.active_version if version is None else version
        master = self.__masters.get(version)
        if master is None:
            raise KeyNotFound(f"{self.path}: no key version {version}.")
        info = b"project:" + self.project.encode("utf-8") + b"\x00namespace:" + namespace.encode()
        return NamespaceKey(_hkdf(master, info), namespace)

    def subkey(self, purpose: str, *, version: int | None = None) -> SubKey:
        """Derive the subkey for a purpose such as ``link:nhs_number`` or ``release:acme``."""
        namespace, _ = _split_purpose(purpose)
        return self.namespace_key(namespace, version=version).subkey(purpose)

    # -- lifecycle --------------------------------------------------------------------------

    def rotate(self, *, passphrase: str) -> KeyVersion:
        """Add a new active version; the previous active version becomes retired.

        The file is rewritten atomically, re-wrapped under a fresh salt and nonce.

        Returns:
            The new version's public facts.

        """
        check_passphrase_strength(passphrase)
        master = secrets.token_bytes(32)
        version = max(self.__masters) + 1
        entries = [{**entry, "status": "retired"} for entry in self._header["versions"]]
        entries.append(
            {
                "version": version,
                "key_id": key_id_for(master),
                "created": _now(),
                "status": "active",
            }
        )
        masters = {**self.__masters, version: master}
        header = {k: v for k, v in self._header.items() if k not in {"check", "nonce"}}
        header["versions"] = entries
        _write_private(
            self.path, _seal(header, {str(v): _b64(m) for v, m in masters.items()}, passphrase)
        )
        self._header, self.__masters = _unseal(self.path, passphrase)
        return self.versions[-1]

    def export_namespace(
        self, destination: Path | str, *, provider: str, passphrase: str, namespace: str = "link"
    ) -> ProviderKey:
        """Export one namespace key for a data provider, wrapped under its own passphrase.

        The provider can then derive ``link:*`` subkeys and pseudonymise at source, but cannot
        derive release pseudonyms or surrogates, nor recover the master.
        """
        check_passphrase_strength(passphrase)
        key = self.namespace_key(namespace)
        header = _new_header(
            self.project,
            f"namespace:{namespace}",
            int(self._header["kdf"]["n"]),
            version=self.active_version,
            key_id=key.key_id,
            provider=provider,
        )
        material = key._wrap_for_export()
        _write_private(
            Path(destination),
            _seal(header, {str(self.active_version): _b64(material)}, passphrase),
        )
        return ProviderKey.open(destination, passphrase=passphrase)


class ProviderKey(_Secret):
    """A namespace key exported to a data provider (``keys export``), opened with its passphrase."""

    __slots__ = ("__key", "path", "project", "provider")

    def __init__(self, path: Path, project: str, provider: str, key: NamespaceKey) -> None:
        self.path = path
        self.project = project
        self.provider = provider
        self.__key = key

    def __repr__(self) -> str:
        return f"ProviderKey(provider={self.provider!r}, key_id={self.__key.key_id!r})"

    @classmethod
    def open(cls, path: Path | str, *, passphrase: str) -> ProviderKey:
        """Open an exported provider key file.

        Raises:
            KeyringError: as :meth:`Keyring.open`, or the file is not a provider export.

        """
        header, masters = _unseal(Path(path), passphrase)
        purpose = str(header.get("purpose", ""))
        if not purpose.startswith("namespace:"):
            raise KeyringError(f"{path}: not a provider key export.")
        version = max(masters)
        key = NamespaceKey(masters[version], purpose.split(":", 1)[1])
        return cls(Path(path), str(header["project"]), str(header.get("provider", "")), key)

    def namespace_key(self, namespace: str, *, version: int | None = None) -> NamespaceKey:
        """Return the exported namespace key (only its own namespace is available)."""
        if namespace != self.__key.namespace:
            raise KeyringError(
                f"this provider key holds only the {self.__key.namespace!r} namespace; "
                f"{namespace!r} keys stay with the TTP."
            )
        return self.__key

    def subkey(self, purpose: str, *, version: int | None = None) -> SubKey:
        """Derive a subkey in the exported namespace."""
        namespace, _ = _split_purpose(purpose)
        return self.namespace_key(namespace).subkey(purpose)


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
        with atomic_path(public_key_path(path)) as temporary:
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


def open_key_source(path: Path | str, *, passphrase: str) -> Keyring | ProviderKey:
    """Open a project key file or a provider export, whichever ``path`` holds."""
    _, header, _ = _read_document(Path(path))
    if str(header.get("purpose", "")).startswith("namespace:"):
        return ProviderKey.open(path, passphrase=passphrase)
    return Keyring.open(path, passphrase=passphrase)


def list_key_files(directory: Path | str) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Yield each key file in ``directory`` with its public header (project, versions)."""
    for path in sorted(Path(directory).glob(f"*{KEY_FILE_SUFFIX}")):
        _, header, _ = _read_document(path)
        yield path, header


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
