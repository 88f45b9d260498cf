"""Shared fixtures: a clean environment, a fast test keyring, and a network guard."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from safelink.keys import Keyring

TEST_PASSPHRASE = "correct horse battery staple"  # synthetic, for tests only


@pytest.fixture(autouse=True)
def _clean_safelink_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for name in list(os.environ):
        if name.startswith("SAFELINK_"):
            monkeypatch.delenv(name)


@pytest.fixture
def keyring(tmp_path: Path) -> Keyring:
    """A project keyring with a cheap KDF (tests only) in a private temp dir."""
    keys_dir = tmp_path / "keys"
    keys_dir.mkdir(mode=0o700)
    return Keyring.create(
        keys_dir / "test.key", project="test", passphrase=TEST_PASSPHRASE, scrypt_n=2**14
    )


class NetworkBlocked(RuntimeError):
    """Raised by the guard when code under test tries to use the network."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Refuse every outbound connection and DNS lookup; yields the attempts made."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[:2]))
        raise NetworkBlocked("network access attempted during a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
