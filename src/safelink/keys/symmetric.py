"""Symmetric project keys: the keyring, namespace keys, purpose subkeys, provider exports."""

from __future__ import annotations

import hmac
import secrets
from pathlib import Path
from typing import Any

import pyarrow as pa
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from safelink.errors import KeyNotFound, KeyringError
from safelink.keys import _hmac
from safelink.keys._keyfile import (
    DEFAULT_SCRYPT_N,
    NAMESPACES,
    KeyVersion,
    _b64,
    _check_new_key_file,
    _new_header,
    _now,
    _read_document,
    _seal,
    _Secret,
    _unseal,
    _write_private,
    check_passphrase_strength,
    key_id_for,
)

_HKDF_SALT = b"safelink/hkdf/v1"


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

    def tokens(
        self, values: pa.Array | pa.ChunkedArray, *, length: int = 16, binary: bool = False
    ) -> Any:
        """Return hex tokens (HMAC-SHA256 truncated to ``length`` bytes) for a text array.

        Nulls stay null. Uses the native routine when it was built. ``binary=True`` gives the
        same bytes as a ``fixed_size_binary(length)`` array instead of their hex.
        """
        return _tokens(self.__material, values, length, binary)

    def hmac_blocks(self) -> tuple[bytes, bytes]:
        """Return the HMAC-SHA256 key blocks ``(K' xor ipad, K' xor opad)``, for engines only.

        For an engine that computes HMAC in its own SQL (none does today: Spark runs this key's
        :meth:`tokens` on its executors). It must pass the blocks as hidden data, never as a
        literal in a query plan.
        """
        return _hmac.key_blocks(self.__material)

    def _shipped_material(self) -> bytes:
        # For safelink.keys.shipping only: the bytes an engine's workers rebuild this key from.
        return self.__material

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SubKey):
            return NotImplemented
        return hmac.compare_digest(self.key_id, other.key_id)

    def __hash__(self) -> int:
        return hash(self.key_id)


def _tokens(material: bytes, values: pa.Array | pa.ChunkedArray, length: int, binary: bool) -> Any:
    """A key's tokens of ``values``: hex text, or the raw bytes (``binary``)."""
    if binary:
        return _hmac.hmac_binary_array(material, values, length=length)
    return _hmac.hmac_hex_array(material, values, length=length)


class BlockKey(_Secret):
    """A subkey rebuilt from its inner HMAC key block, on an engine's worker.

    An engine hands the block (``SubKey.hmac_blocks()[0]``) to its workers as hidden data, never
    in a plan; a worker's routine gets it as an argument and makes this key, which computes the
    subkey's own tokens. Like every key it never shows or pickles its bytes.
    """

    __slots__ = ("__material",)

    def __init__(self, inner: bytes) -> None:
        self.__material = _hmac.key_from_inner_block(inner)

    def __repr__(self) -> str:
        return "BlockKey()"

    def tokens(
        self, values: pa.Array | pa.ChunkedArray, *, length: int = 16, binary: bool = False
    ) -> Any:
        """Return the subkey's tokens for a text array (see :meth:`SubKey.tokens`)."""
        return _tokens(self.__material, values, length, binary)


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
            scrypt_n: scrypt cost (a power of two from 2**14 to 2**20; default 2**17, about
                128 MiB).

        Raises:
            KeyringError: the file exists, the passphrase is weak, the name or cost is
                invalid.
            KeyFilePermissions: the key directory is writable by group or others.

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
            KeyFilePermissions: the file is accessible by group or others, or its directory
                is writable by them.
            WrongPassphrase: the passphrase does not open it (or the KDF fields of its
                header were altered: the two cannot be told apart).
            KeyFileTampered: the file was altered or is malformed, including a header field
                safelink never writes (checked before anything is derived).
            KeyringError: the path is a symbolic link out of its directory.

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
        entries = [
            {**entry, "status": "retired" if entry["status"] == "active" else entry["status"]}
            for entry in self._header["versions"]
        ]
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
        # Through a link (opening checked it stays in the key directory), rewrite the file it
        # names rather than replace the link by a copy.
        _write_private(
            self.path.resolve(),
            _seal(header, {str(v): _b64(m) for v, m in masters.items()}, passphrase),
        )
        self._header, self.__masters = _unseal(self.path, passphrase)
        return self.versions[-1]

    def destroy(self, version: int, *, passphrase: str) -> KeyVersion:
        """Destroy a retired version's secret, so tokens made under it can never be made again.

        Its id and dates stay in the header (status ``destroyed``), so outputs that name it are
        still recognised; nothing can be derived from it any more, so tokens made under it can
        never be linked to new ones. The file is rewritten atomically.

        Args:
            version: a retired version (rotate first to retire the active one).
            passphrase: the key file's passphrase (it re-wraps the remaining secrets).

        Returns:
            The destroyed version's public facts.

        Raises:
            KeyNotFound: no such version.
            KeyringError: the version is the active one, or already destroyed.
        """
        entry = next((e for e in self._header["versions"] if e["version"] == version), None)
        if entry is None:
            raise KeyNotFound(f"{self.path}: no key version {version}.")
        if entry["status"] != "retired":
            raise KeyringError(
                f"{self.path}: key version {version} is {entry['status']}; only a retired "
                "version can be destroyed (rotate the key first to retire the active one)."
            )
        masters = {v: m for v, m in self.__masters.items() if v != version}
        header = {k: v for k, v in self._header.items() if k not in {"check", "nonce"}}
        header["versions"] = [
            {**e, "status": "destroyed"} if e["version"] == version else e
            for e in self._header["versions"]
        ]
        _write_private(
            self.path.resolve(),
            _seal(header, {str(v): _b64(m) for v, m in masters.items()}, passphrase),
        )
        self._header, self.__masters = _unseal(self.path, passphrase)
        return next(v for v in self.versions if v.version == version)

    def export_namespace(
        self,
        destination: Path | str,
        *,
        provider: str,
        passphrase: str,
        namespace: str = "link",
        force: bool = False,
    ) -> ProviderKey:
        """Export one namespace key for a data provider, wrapped under its own passphrase.

        The provider can then derive ``link:*`` subkeys and pseudonymise at source, but cannot
        derive release pseudonyms or surrogates, nor recover the master.

        Args:
            destination: the export file to write (mode 0600).
            provider: the data provider's name, recorded in the export's header.
            passphrase: wraps the export; at least 12 characters.
            namespace: which namespace key to export (``link`` by default).
            force: replace ``destination`` if it exists (a link there is replaced, not
                followed).

        Raises:
            KeyringError: ``destination`` exists and ``force`` is not set, or the passphrase
                is weak.

        """
        destination = Path(destination)
        if not force and (destination.exists() or destination.is_symlink()):
            raise KeyringError(
                f"{destination}: file already exists; choose another output, or pass "
                "--force (force=True) to replace it."
            )
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
            destination, _seal(header, {str(self.active_version): _b64(material)}, passphrase)
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


def open_key_source(path: Path | str, *, passphrase: str) -> Keyring | ProviderKey:
    """Open a project key file or a provider export, whichever ``path`` holds."""
    _, header, _ = _read_document(Path(path))
    if str(header.get("purpose", "")).startswith("namespace:"):
        return ProviderKey.open(path, passphrase=passphrase)
    return Keyring.open(path, passphrase=passphrase)
