"""HMAC key blocks for engines that compute HMAC-SHA256 in their own SQL (Spark).

HMAC(K, m) = SHA256((K' xor opad) || SHA256((K' xor ipad) || m)), with K' the key padded with
zeros to the 64-byte SHA-256 block. :meth:`safelink.keys.SubKey.hmac_blocks` hands out the two
blocks; this module is the one place in the engines that asks for them, and its callers put
them only into a hidden, broadcast column, never into a query plan.
"""

from __future__ import annotations

from safelink.keys import SubKey
from safelink.keys._hmac import key_blocks


def hmac_pads(subkey: SubKey) -> tuple[bytes, bytes]:
    """Return the (ipad, opad) key blocks of a subkey, for an engine's own HMAC.

    Args:
        subkey: the purpose subkey.

    Returns:
        ``(K' xor 0x36..., K' xor 0x5c...)``, 64 bytes each.
    """
    return subkey.hmac_blocks()


def pads_from_key(material: bytes) -> tuple[bytes, bytes]:
    """Return the key blocks of a throwaway per-run key (the record-id key, never a project key).

    Args:
        material: the random key made for one run.

    Returns:
        ``(K' xor 0x36..., K' xor 0x5c...)``, 64 bytes each.
    """
    return key_blocks(material)
