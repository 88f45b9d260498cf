"""Ed25519 signing keys (the TTP's for manifests, owners' for approvals), and verification."""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from safelink.keys._keyfile import _load_public_key, public_key_id
from safelink.keys._pair import KeyPair, public_key_path

__all__ = ["SigningKey", "public_key_id", "public_key_path", "verify_signature"]


class SigningKey(KeyPair):
    """An Ed25519 signing key, stored wrapped like a master key.

    The TTP's key signs release manifests; a data owner's own key signs its approvals.

    Attributes:
        path: the key file.
        project: the project it signs for.
        key_id: the id of its public key (see :func:`public_key_id`).
    """

    PURPOSE = "signing"
    __slots__ = ()

    @classmethod
    def _generate(cls) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.generate()

    @classmethod
    def _from_raw(cls, raw: bytes) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(raw)

    def sign(self, message: bytes) -> bytes:
        """Return the Ed25519 signature of ``message``."""
        signature: bytes = self._private().sign(message)
        return signature


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
