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
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal, NoReturn, Protocol, TypeVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from safelink.errors import (
    KeyFilePermissions,
    KeyFileTampered,
    KeyNotFound,
    KeyringError,
    OutputError,
    WrongPassphrase,
    WrongProject,
)

KEY_FILE_FORMAT = "safelink-keyfile/1"
KEY_FILE_SUFFIX = ".key"
NAMESPACES = ("link", "release", "surrogate", "audit")
DEFAULT_SCRYPT_N = 2**17
#: The scrypt costs a key file may carry: powers of two in this range (r = 8, p = 1 always).
#: A header outside it is refused as altered before anything is derived, so an edited cost
#: cannot make opening a file take gigabytes of memory or minutes of CPU.
MIN_SCRYPT_N = 2**14
MAX_SCRYPT_N = 2**20
_SCRYPT_R = 8
_SCRYPT_P = 1
_SALT_BYTES = 16
_NONCE_BYTES = 12
_CHECK_BYTES = 16
_AEAD = "AES-256-GCM"
# Far above any real key file (a version adds about 200 bytes), far below a memory problem.
_MAX_KEY_FILE_BYTES = 1 << 20
_KEY_ID_LABEL = b"safelink/key-id/v1"
_CHECK_LABEL = b"safelink/passphrase-check/v1"
MIN_PASSPHRASE_LENGTH = 12

KeyStatus = Literal["active", "retired", "destroyed"]


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


def _check_link(path: Path) -> None:
    """Refuse a key path that is a symbolic link leading out of its own directory."""
    if not path.is_symlink():
        return
    try:
        inside = path.resolve().parent == path.parent.resolve()
    except (OSError, RuntimeError) as exc:  # a loop of links
        raise KeyringError(f"{path}: key file is a broken symbolic link.") from exc
    if not inside:
        # No chmod hint here: the target is outside the key directory and is not ours to fix.
        raise KeyringError(
            f"{path}: key file is a symbolic link to a file outside its key directory; "
            "safelink does not follow it. Keep the key file itself in the key directory, "
            "or give its real path."
        )


def _check_directory(path: Path) -> None:
    """Refuse a key directory that group or others can write (they could swap a key file)."""
    directory = path.resolve().parent
    mode = directory.stat().st_mode
    if mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise KeyFilePermissions(
            f"{directory}: key directory is writable by group or others "
            f"(mode {oct(mode & 0o777)}), so another user could replace a key file; "
            f"run 'chmod 700 {directory}'."
        )


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


def _valid_scrypt_n(n: object) -> bool:
    return type(n) is int and MIN_SCRYPT_N <= n <= MAX_SCRYPT_N and n & (n - 1) == 0


def _derive_kek(passphrase: str, salt: bytes, n: int) -> bytes:
    if not _valid_scrypt_n(n):  # every caller checked already; this guards the cost itself
        raise KeyringError(f"scrypt cost out of range; use {MIN_SCRYPT_N} to {MAX_SCRYPT_N}.")
    kdf = Scrypt(salt=salt, length=32, n=n, r=_SCRYPT_R, p=_SCRYPT_P)
    try:
        return kdf.derive(passphrase.encode("utf-8"))
    except MemoryError as exc:
        raise KeyringError(
            f"not enough memory to open the key file (scrypt n = {n} needs {n // 1024} MiB)."
        ) from exc


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


def _valid_project_name(project: object) -> bool:
    return (
        isinstance(project, str)
        and bool(project)
        and all(c.isalnum() or c in "-_" for c in project)
    )


def _decodes_to(text: object, size: int) -> bool:
    try:
        return isinstance(text, str) and len(_unb64(text)) == size
    except ValueError:
        return False


def _valid_purpose(purpose: object) -> bool:
    if purpose in ("master", "signing", "delivery"):
        return True
    return isinstance(purpose, str) and purpose.removeprefix("namespace:") in NAMESPACES


def _valid_versions(versions: object) -> bool:
    if not isinstance(versions, list) or not versions:
        return False
    fields = {"version", "key_id", "created", "status"}
    for entry in versions:
        if not isinstance(entry, dict) or set(entry) != fields:
            return False
        if type(entry["version"]) is not int or entry["version"] < 1:
            return False
        if not (isinstance(entry["key_id"], str) and isinstance(entry["created"], str)):
            return False
        if entry["status"] not in ("active", "retired", "destroyed"):
            return False
    numbers = [entry["version"] for entry in versions]
    active = [entry for entry in versions if entry["status"] == "active"]
    return len(set(numbers)) == len(numbers) and len(active) == 1


def _header_problem(header: dict[str, Any]) -> str | None:
    """Say which public header field is not one safelink writes (None when all are).

    Runs before anything is derived from the header: nothing in it is authenticated yet.
    """
    kdf = header.get("kdf")
    if not isinstance(kdf, dict) or kdf.get("name") != "scrypt":
        return "its key derivation is not scrypt"
    if not (
        _valid_scrypt_n(kdf.get("n"))
        and type(kdf.get("r")) is int
        and kdf["r"] == _SCRYPT_R
        and type(kdf.get("p")) is int
        and kdf["p"] == _SCRYPT_P
    ):
        return (
            f"its scrypt parameters are not ones safelink writes (n a power of two from "
            f"{MIN_SCRYPT_N} to {MAX_SCRYPT_N}, r = {_SCRYPT_R}, p = {_SCRYPT_P})"
        )
    if not _decodes_to(kdf.get("salt"), _SALT_BYTES):
        return "its salt is not 16 bytes"
    if header.get("aead") != _AEAD or not _decodes_to(header.get("nonce"), _NONCE_BYTES):
        return "its cipher or nonce is not one safelink writes"
    if not _decodes_to(header.get("check"), _CHECK_BYTES):
        return "its passphrase check is malformed"
    if not _valid_project_name(header.get("project")):
        return "its project name is invalid"
    if not _valid_purpose(header.get("purpose")):
        return "its purpose is unknown"
    if not isinstance(header.get("provider", ""), str):
        return "its provider name is invalid"
    if not _valid_versions(header.get("versions")):
        return "its version list is malformed"
    return None


def _read_document(path: Path) -> tuple[bytes, dict[str, Any], bytes]:
    _check_link(path)
    if not path.is_file():
        raise KeyNotFound(
            f"{path}: no key file; create one with 'safelink keys init --project NAME'."
        )
    _check_directory(path)
    _check_permissions(path)
    try:
        if path.stat().st_size > _MAX_KEY_FILE_BYTES:
            raise KeyFileTampered(f"{path}: too large to be a key file; check the path.")
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KeyringError(f"{path}: cannot read the key file ({exc.strerror}).") from exc
    except UnicodeDecodeError as exc:
        raise KeyFileTampered(
            f"{path}: key file is malformed or has been altered; restore it from backup."
        ) from exc
    try:
        document = json.loads(text)
        header_bytes = document["header"].encode("utf-8")
        header = json.loads(header_bytes)
        ciphertext = _unb64(document["ciphertext"])
        if header.get("format") != KEY_FILE_FORMAT:
            raise KeyFileTampered(
                f"{path}: unsupported key file format; expected {KEY_FILE_FORMAT}."
            )
    except KeyFileTampered:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise KeyFileTampered(
            f"{path}: key file is malformed or has been altered; restore it from backup."
        ) from exc
    problem = _header_problem(header)
    if problem is not None:
        raise KeyFileTampered(
            f"{path}: key file header has been altered: {problem}; restore it from backup."
        )
    return header_bytes, header, ciphertext


def _unseal(path: Path, passphrase: str) -> tuple[dict[str, Any], dict[int, bytes]]:
    """Open a key file: check the passphrase, authenticate the header, unwrap the secrets."""
    header_bytes, header, ciphertext = _read_document(path)
    kek = _derive_kek(passphrase, _unb64(header["kdf"]["salt"]), header["kdf"]["n"])
    # The check value tells a wrong passphrase from an altered file, except for an edit of
    # the KDF inputs themselves (salt, n within range, check): no test that does not hold
    # the right KEK can tell those apart from a wrong passphrase, so the message names both.
    if not hmac.compare_digest(_check_value(kek), header["check"]):
        raise WrongPassphrase(
            f"{path}: wrong passphrase for this key file; check SAFELINK_PASSPHRASE (if it is "
            "right, the file's salt or scrypt cost was altered: restore it from backup)."
        )
    try:
        body = AESGCM(kek).decrypt(_unb64(header["nonce"]), ciphertext, header_bytes)
        masters = {int(v): _unb64(s) for v, s in json.loads(body).items()}
    except (InvalidTag, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise KeyFileTampered(
            f"{path}: key file has been altered (its header or wrapped keys fail "
            "authentication; the passphrase is right); restore it from backup."
        ) from exc
    fingerprint = {"signing": _signing_key_id, "delivery": _delivery_key_id}.get(
        str(header.get("purpose")), key_id_for
    )
    for entry in header["versions"]:
        material = masters.get(int(entry["version"]))
        if entry["status"] == "destroyed" and material is None:
            continue  # its secret was destroyed on purpose (retention): only its id remains
        if material is None or not hmac.compare_digest(fingerprint(material), entry["key_id"]):
            raise KeyFileTampered(f"{path}: key ids do not match the wrapped keys.")
    return header, masters


def _check_new_key_file(path: Path, project: str, passphrase: str, scrypt_n: int) -> None:
    if not _valid_project_name(project):
        raise KeyringError("invalid project name: use letters, digits, '-' and '_' only.")
    if path.exists() or path.is_symlink():
        raise KeyringError(
            f"{path}: a key file already exists; use 'safelink keys rotate' to add a version."
        )
    if not _valid_scrypt_n(scrypt_n):
        raise KeyringError(
            f"scrypt_n must be a power of two from {MIN_SCRYPT_N} to {MAX_SCRYPT_N}."
        )
    check_passphrase_strength(passphrase)
    if path.parent.is_dir():
        _check_directory(path)


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


def public_pem(public: Any) -> bytes:
    """A public key's PEM (SubjectPublicKeyInfo), the bytes its key id is taken from."""
    pem: bytes = public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return pem


def _signing_key_id(raw_private: bytes) -> str:
    return pem_key_id(public_pem(Ed25519PrivateKey.from_private_bytes(raw_private).public_key()))


def _delivery_key_id(raw_private: bytes) -> str:
    return pem_key_id(public_pem(X25519PrivateKey.from_private_bytes(raw_private).public_key()))


def pem_key_id(public_key_pem: bytes) -> str:
    """``kid_`` + 16 hex characters of SHA-256 of a PEM public key (not parsed here)."""
    return "kid_" + hashlib.sha256(public_key_pem.strip()).hexdigest()[:16]


def public_key_id(public_key_pem: bytes) -> str:
    """Return the id of a public key: ``kid_`` + 16 hex characters of SHA-256 of its PEM.

    Raises:
        KeyringError: the bytes are not an Ed25519 public key in PEM.
    """
    _load_public_key(public_key_pem)
    return pem_key_id(public_key_pem)


_K = TypeVar("_K")


def load_public_key(public_key_pem: bytes, kind: type[_K], name: str, file: str) -> _K:
    """Parse a PEM public key of one kind, or say which file to pass.

    Raises:
        KeyringError: the bytes are not a PEM public key of that kind.
    """
    try:
        key = serialization.load_pem_public_key(public_key_pem)
    except (ValueError, TypeError) as exc:
        raise KeyringError(f"not a PEM public key; pass the {file} file.") from exc
    if not isinstance(key, kind):
        raise KeyringError(f"not an {name} public key; pass the {file} file.")
    return key


def _load_public_key(public_key_pem: bytes) -> Ed25519PublicKey:
    # mypy refuses an abstract class for type[K] (python/mypy#4717); the check is isinstance.
    kind: type[Ed25519PublicKey] = Ed25519PublicKey  # type: ignore[type-abstract]
    return load_public_key(public_key_pem, kind, "Ed25519", ".signing.pub")


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyFileEntry:
    """One file of a key directory: its public header, or why it cannot be used.

    Attributes:
        path: the key file.
        project: the project its header names (None when the file cannot be read).
        purpose: ``master``, ``signing`` or ``namespace:NAME`` (a provider export).
        versions: the versions its header lists, oldest first.
        problem: why the file cannot be used (None when it reads): the error's message.

    """

    path: Path
    project: str | None = None
    purpose: str | None = None
    versions: tuple[KeyVersion, ...] = ()
    problem: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the entry as JSON-ready data (public facts only)."""
        return {
            "file": str(self.path),
            "project": self.project,
            "purpose": self.purpose,
            "versions": [asdict(version) for version in self.versions],
            "problem": self.problem,
        }


def list_key_files(directory: Path | str) -> list[KeyFileEntry]:
    """Read the public header of every key file (``*.key``) in ``directory``.

    A file that cannot be used (malformed, altered, open to others, a link out of the
    directory) is listed with its problem rather than raised, so one bad file does not hide
    the others. Headers are authenticated only when a file is opened with its passphrase.

    Returns:
        One entry per file, sorted by name; none when the directory does not exist.

    """
    entries = []
    for path in sorted(Path(directory).glob(f"*{KEY_FILE_SUFFIX}")):
        try:
            _, header, _ = _read_document(path)
        except KeyringError as exc:
            entries.append(KeyFileEntry(path=path, problem=str(exc)))
            continue
        entries.append(
            KeyFileEntry(
                path=path,
                project=header["project"],
                purpose=header["purpose"],
                versions=tuple(KeyVersion(**v) for v in header["versions"]),
            )
        )
    return entries


class _HasProject(Protocol):
    """Anything opened from a key file: a keyring, a provider export or a signing key."""

    path: Path
    project: str


def require_project(keys: _HasProject, project: str) -> None:
    """Refuse a key opened from another project's key file than the one asked for.

    Call it wherever a key file is opened for a job config (its ``project:``) or for a
    ``--project`` option. The key's project comes from its header, which opening the file
    has authenticated.

    Args:
        keys: an opened :class:`Keyring`, :class:`ProviderKey` or :class:`SigningKey`.
        project: the project the key is wanted for.

    Raises:
        WrongProject: the key file belongs to a different project (both names are given).

    """
    if keys.project != project:
        raise WrongProject(
            f"{keys.path}: key file belongs to project {keys.project!r}, not to project "
            f"{project!r} named by the config (or --project); use the key file of project "
            f"{project!r}, or correct the project name."
        )


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
