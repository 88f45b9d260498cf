"""Hardened, keyed Bloom-filter encodings of names, compared by Dice similarity.

A name's bigrams (with ``_`` padding) are each mapped to ``hashes`` bit positions by the
field's :class:`~safelink.keys.SubKey` (random hashing: positions come from an HMAC of the
bigram and an index, so without the key nobody can rebuild the filter of a guessed name), then
hardened against frequency and pattern-mining attacks:

* ``balance``: the filter is concatenated with its complement and the bits permuted by a
  key-derived permutation, so every encoding has the same number of set bits;
* ``xor``: the filter is XOR-folded in half, which destroys the one-to-one relation between a
  bigram and its bits (Schnell, Borgs and Encarnação, 2016).

The secret never leaves :mod:`safelink.keys`: positions are computed with ``SubKey.digest``.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import polars as pl

from safelink.errors import ConfigError
from safelink.keys import SubKey

Hardening = Literal["none", "balance", "xor"]


def _positions(subkey: SubKey, gram: str, hashes: int, bits: int) -> list[int]:
    out = []
    for index in range(hashes):
        digest = subkey.digest(f"bloom|{index}|{gram}".encode())
        out.append(int.from_bytes(digest[:8], "big") % bits)
    return out


def _permutation(subkey: SubKey, size: int) -> np.ndarray:
    keys = [
        int.from_bytes(subkey.digest(f"bloom-permute|{i}".encode())[:8], "big") for i in range(size)
    ]
    order: np.ndarray = np.argsort(np.array(keys, dtype=np.uint64), kind="stable")
    return order


def bloom_encode(
    canonical_names: pl.Series,
    subkey: SubKey,
    *,
    bits: int = 1024,
    hashes: int = 10,
    hardening: Hardening = "xor",
) -> pl.Series:
    """Encode canonical names as hardened keyed Bloom filters (hex strings; null stays null).

    Args:
        canonical_names: names already normalised (upper case, single spaces).
        subkey: the field's subkey (e.g. ``link:bloom_forename``).
        bits: filter length before hardening (a multiple of 16).
        hashes: bit positions per bigram.
        hardening: ``xor`` (fold in half), ``balance`` (add the complement, permute) or
            ``none``.

    Returns:
        Hex strings of ``bits / 2`` (xor), ``2 * bits`` (balance) or ``bits`` bits.

    Example:
        The Dice similarity of two encodings estimates the bigram overlap of the names.

    """
    if bits % 16 or bits <= 0:
        raise ConfigError(["Bloom filter bits must be a positive multiple of 16"], "bloom")
    distinct = canonical_names.drop_nulls().unique().sort()
    cache: dict[str, list[int]] = {}
    rows = np.zeros((distinct.len(), bits), dtype=np.uint8)
    for row, name in enumerate(distinct.to_list()):
        padded = f"_{name}_"
        for i in range(len(padded) - 1):
            gram = padded[i : i + 2]
            if gram not in cache:
                cache[gram] = _positions(subkey, gram, hashes, bits)
            rows[row, cache[gram]] = 1
    if hardening == "xor":
        rows = rows[:, : bits // 2] ^ rows[:, bits // 2 :]
    elif hardening == "balance":
        rows = np.concatenate([rows, 1 - rows], axis=1)[:, _permutation(subkey, 2 * bits)]
    packed = np.packbits(rows, axis=1)
    encoded = [bytes(r).hex() for r in packed]
    table = pl.DataFrame({"k": distinct, "v": pl.Series(encoded, dtype=pl.String)})
    joined = pl.DataFrame({"k": canonical_names}).join(
        table, on="k", how="left", maintain_order="left"
    )
    return joined.get_column("v").alias(canonical_names.name)


def dice_sql(column: str) -> str:
    """Return DuckDB SQL for the Dice similarity of two hex Bloom filters (Splink _l, _r)."""
    left = f'unhex("{column}_l")::BIT'
    right = f'unhex("{column}_r")::BIT'
    return (
        f"(2.0 * bit_count({left} & {right}) / nullif(bit_count({left}) + bit_count({right}), 0))"
    )


def dice(a: str, b: str) -> float:
    """Return the Dice similarity of two hex Bloom filters (for tests and reports)."""
    x, y = int(a, 16), int(b, 16)
    total = x.bit_count() + y.bit_count()
    return 2 * (x & y).bit_count() / total if total else 0.0
