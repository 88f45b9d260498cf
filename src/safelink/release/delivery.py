"""Encrypted delivery of a release bundle to its recipient, and decryption by the recipient.

:func:`encrypt_bundle` streams the bundle directory as a tar archive into a
:class:`~safelink.keys.SealingWriter` (X25519 + HKDF + ChaCha20-Poly1305 in authenticated
chunks), so a large bundle is never held in memory. :func:`decrypt_bundle` authenticates every
chunk into a temporary archive first and only then unpacks it (files only, no links, nothing
outside the directory) into a new directory, atomically: the bundle comes out byte-identical,
and ``safelink verify`` checks its TTP signature as before. The same pair serves token files a
provider sends to the TTP (:func:`encrypt_file`, :func:`decrypt_file`).
"""

from __future__ import annotations

import tarfile
from pathlib import Path

from safelink.errors import InputError, OutputError
from safelink.infra import io
from safelink.keys import DeliveryKey, SealingWriter, open_sealed

#: The suffix of an encrypted bundle or file.
SEALED_SUFFIX = ".sealed"


def encrypt_file(source: Path | str, destination: Path | str, recipient_public_pem: bytes) -> Path:
    """Encrypt one file to a recipient's delivery public key (streamed, written atomically).

    Raises:
        InputError: ``source`` cannot be read.
        KeyringError: the public key is not an X25519 PEM key.
        OutputError: ``destination`` cannot be written.
    """
    source, destination = Path(source), Path(destination)
    if not source.is_file():
        raise InputError(f"{source}: not a file; give the file to encrypt.")
    with io.atomic_path(destination) as temporary, temporary.open("wb") as out:
        writer = SealingWriter(out, recipient_public_pem)
        with source.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                writer.write(block)
        writer.close()
    return destination


def decrypt_file(source: Path | str, destination: Path | str, key: DeliveryKey) -> Path:
    """Decrypt a file sealed to ``key``; nothing is written unless every chunk authenticates.

    Raises:
        InputError: not a sealed file, sealed to another key, altered or cut short.
        OutputError: ``destination`` cannot be written.
    """
    source = Path(source)
    try:
        handle = source.open("rb")
    except OSError as exc:
        raise InputError(f"{source}: cannot be read ({exc.strerror}).") from exc
    with handle, io.atomic_path(destination) as temporary, temporary.open("wb") as out:
        for plain in open_sealed(handle, key, where=str(source)):
            out.write(plain)
    return Path(destination)


def encrypt_bundle(
    bundle: Path | str, destination: Path | str, recipient_public_pem: bytes
) -> Path:
    """Encrypt a release bundle directory (approvals included) into one sealed file.

    Args:
        bundle: the release bundle directory.
        destination: the sealed file to write (conventionally ``BUNDLE.tar.sealed``).
        recipient_public_pem: the recipient's ``.delivery.pub`` bytes.

    Returns:
        The sealed file's path.

    Raises:
        InputError: ``bundle`` is not a release bundle directory.
        KeyringError: the public key is not an X25519 PEM key.
        OutputError: ``destination`` cannot be written.
    """
    root = Path(bundle)
    if not (root / "manifest.json").is_file():
        raise InputError(f"{root}: not a release bundle (no manifest.json); give the bundle.")
    with io.atomic_path(destination) as temporary, temporary.open("wb") as out:
        writer = SealingWriter(out, recipient_public_pem)
        with tarfile.open(fileobj=writer, mode="w|") as archive:  # type: ignore[call-overload]
            for path in sorted(root.rglob("*")):
                if path.is_symlink() or not (path.is_file() or path.is_dir()):
                    continue  # a bundle holds plain files and folders only
                archive.add(path, arcname=path.relative_to(root).as_posix(), recursive=False)
        writer.close()
    return Path(destination)


def decrypt_bundle(sealed: Path | str, out_dir: Path | str, key: DeliveryKey) -> Path:
    """Decrypt a sealed bundle into ``out_dir`` (which must not exist), for ``verify``.

    Raises:
        InputError: not a sealed file, sealed to another key, altered or cut short, or the
            archive holds anything but plain files and folders inside the bundle.
        OutputError: ``out_dir`` exists or cannot be written.
    """
    out = Path(out_dir)
    if out.exists():
        raise OutputError(f"{out}: already exists; choose a new directory.")
    out.parent.mkdir(parents=True, exist_ok=True)
    archive_path = out.parent / f".{out.name}.tar"
    try:
        decrypt_file(sealed, archive_path, key)
        with io.atomic_directory(out) as temporary, tarfile.open(archive_path) as archive:
            for member in archive.getmembers():
                if not (member.isfile() or member.isdir()):
                    raise InputError(f"{sealed}: the archive holds a link or device; refused.")
            try:
                archive.extractall(temporary, filter="data")
            except tarfile.FilterError as exc:
                raise InputError(f"{sealed}: the archive reaches outside the bundle.") from exc
    except tarfile.TarError as exc:
        raise InputError(f"{sealed}: the decrypted archive is not readable.") from exc
    finally:
        archive_path.unlink(missing_ok=True)
    return out
