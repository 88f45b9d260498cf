"""Helpers shared by the command modules: passphrases, key files, output."""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from rich.console import Console

from safelink.config import JobConfig
from safelink.errors import KeyringError
from safelink.io import sha256_file, sha256_tree
from safelink.keys import Keyring, ProviderKey, open_key_source

PASSPHRASE_ENV = "SAFELINK_PASSPHRASE"  # noqa: S105 - a variable name
EXPORT_PASSPHRASE_ENV = "SAFELINK_EXPORT_PASSPHRASE"  # noqa: S105

console = Console(stderr=False, highlight=False)


def passphrase(
    *, env: str = PASSPHRASE_ENV, confirm: bool = False, label: str = "passphrase"
) -> str:
    """Read a passphrase from the environment or, on a terminal, a prompt (never an argument)."""
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise KeyringError(
            f"no {label}: set {env} in the environment or run on a terminal to be prompted."
        )
    first = getpass.getpass(f"safelink {label}: ")
    if confirm and getpass.getpass(f"repeat the {label}: ") != first:
        raise KeyringError(f"the two {label}s differ; run the command again.")
    return first


def key_file_path(keys_dir: Path, project: str) -> Path:
    """Where a project's key file lives: ``KEYS_DIR/PROJECT.key``."""
    return keys_dir / f"{project}.key"


def open_keys(config: JobConfig, key_file: Path | None) -> Keyring | ProviderKey:
    """Open the key file given on the command line, or the one the config names."""
    path = key_file or config.key_file
    if path is None:
        raise KeyringError("no key file: pass --key-file or set 'key_file' in the config.")
    return open_key_source(path, passphrase=passphrase())


def input_hashes(paths: list[Path]) -> dict[str, str]:
    """SHA-256 of each existing input, by name, for the audit log.

    A directory (a Spark tokens directory) is named with a trailing ``/`` and hashed over its
    files (:func:`~safelink.io.sha256_tree`).
    """
    hashes = {path.name: sha256_file(path) for path in paths if path.is_file()}
    hashes.update({f"{path.name}/": sha256_tree(path) for path in paths if path.is_dir()})
    return hashes


def print_json(document: Any) -> None:
    """Print a JSON document to stdout."""
    print(json.dumps(document, indent=2, sort_keys=True, default=str))
