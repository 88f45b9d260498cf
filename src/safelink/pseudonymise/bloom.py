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

from collections.abc import Collection
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


#: Suffixes of the per-record integer form of a Bloom column (:func:`with_bloom_words`).
WORD_SUFFIX = "_word"
ONES_SUFFIX = "_ones"


def with_bloom_words(frame: pl.DataFrame, columns: Collection[str]) -> pl.DataFrame:
    """Add each hex Bloom column's filter as 64-bit words and its count of set bits.

    Done once per record, so that Dice similarity on a pair is integer ``AND`` and popcounts
    (:func:`dice_sql`) instead of decoding two hex strings to bitstrings on every pair.
    ``<column>_word0`` ... are UInt64 (the filter's bytes, big-endian, the last word padded
    with zero bits), ``<column>_ones`` the filter's set bits (Int64); null where the filter is.

    Args:
        frame: records with the hex Bloom columns (:func:`bloom_encode`).
        columns: the Bloom columns to convert (each must be in ``frame``).

    Returns:
        ``frame`` with the added columns.

    Raises:
        ConfigError: a Bloom column holds a value that is not hex.
    """
    added: list[pl.Series] = []
    for column in columns:
        values = frame.get_column(column)
        present = values.is_not_null().to_numpy()
        texts = values.drop_nulls().to_list()
        try:
            filters = [bytes.fromhex(text) for text in texts]
        except (TypeError, ValueError):
            raise ConfigError(
                [f"column {column!r} is not a hex Bloom encoding; make it with safelink's tokens"],
                "bloom",
            ) from None
        width = -(-max((len(f) for f in filters), default=8) // 8) * 8
        words = np.frombuffer(
            b"".join(f.ljust(width, b"\0") for f in filters), dtype=">u8"
        ).reshape(len(filters), width // 8)
        ones = np.bitwise_count(words).sum(axis=1, dtype=np.int64)
        for index in range(width // 8):
            full = np.zeros(frame.height, dtype=np.uint64)
            full[present] = words[:, index]
            added.append(_with_nulls(f"{column}{WORD_SUFFIX}{index}", full, present))
        counts = np.zeros(frame.height, dtype=np.int64)
        counts[present] = ones
        added.append(_with_nulls(f"{column}{ONES_SUFFIX}", counts, present))
    return frame.with_columns(added)


def _with_nulls(name: str, values: np.ndarray, present: np.ndarray) -> pl.Series:
    series = pl.Series(name, values)
    return series.set(pl.Series(~present), None) if not present.all() else series


def dice_sql(column: str, columns: Collection[str] = ()) -> str:
    """Return DuckDB SQL for the Dice similarity of two Bloom filters (Splink ``_l``, ``_r``).

    With the integer form in ``columns`` (:func:`with_bloom_words`), ``2 * popcount(a & b) /
    (ones_a + ones_b)`` over 64-bit words; else from the hex strings, decoded on every pair.
    Both give the same value.
    """
    count = sum(1 for c in columns if c.startswith(f"{column}{WORD_SUFFIX}"))
    if count and f"{column}{ONES_SUFFIX}" in columns:
        words = [f'"{column}{WORD_SUFFIX}{i}' for i in range(count)]
        common = " + ".join(f'CAST(bit_count({w}_l" & {w}_r") AS BIGINT)' for w in words)
        total = f'"{column}{ONES_SUFFIX}_l" + "{column}{ONES_SUFFIX}_r"'
        return f"(2.0 * ({common}) / nullif({total}, 0))"
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
