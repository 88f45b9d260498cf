"""Tokens as 64-bit integers for one local linkage run: exact, order-keeping, a sixth the memory.

A token is the hex text of 16 bytes of an HMAC: 32 characters, which DuckDB holds in about 48
bytes and compares character by character. For the run, the local engine holds each token as
one 64-bit integer instead: its first 8 bytes, read big-endian with the sign bit flipped, so
integer order is the text's order. Equal tokens give equal integers in every column (a forename
compared with a surname, a date of birth with its swapped form: one code space for all), and
the records are numbered in the same order, so every link, weight and person id is the same as
on the text.

It is exact only when no two different tokens of the run share their first 8 bytes, which is
checked over every token column at once before any is used (each column's distinct first and
second halves, 16 bytes a token). Two such tokens turn up about once in 10^4 runs at national
scale (10^8 distinct tokens); that run, and any run whose token columns hold anything but
lowercase hex of one length between 16 and 32 digits (frames made by hand), links on the text
as before: slower and larger, never wrong. Tokens stored as raw bytes (tokens format 2,
:mod:`safelink.pseudonymise.tokens_format`) are coded straight from their first 8 bytes, the
same integers as their hex gives, so files of either format link together.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import polars as pl

from safelink.engines.backend import Backend, run_query
from safelink.engines.sql import quote

logger = logging.getLogger(__name__)

_HALF = 16
"""Hex digits in 8 bytes: the integer's share of a token."""
_SIGN = 1 << 63


def encodable(column: str) -> bool:
    """Whether ``column`` holds equality tokens (Bloom encodings are compared by their bits)."""
    return not column.endswith("_bloom")


_GROUP = 6
"""Token columns read and coded together (both cores busy, a few columns' text in memory)."""


def _half(text: pl.Expr) -> pl.Expr:
    return text.str.to_integer(base=16, dtype=pl.UInt64)


def _first(column: str) -> pl.Expr:
    return _half(pl.col(column).str.slice(0, _HALF))


def _second(column: str) -> pl.Expr:
    return _half(pl.col(column).str.slice(_HALF).str.pad_end(_HALF, "0"))


def _is_binary(frame: pl.DataFrame, column: str) -> bool:
    """Whether ``column`` holds tokens as raw bytes (tokens format 2), not as hex text."""
    return frame.schema[column] == pl.Binary


def _widths(frame: pl.DataFrame) -> set[int] | None:
    """The hex lengths of the frame's tokens, or None where a column holds anything else.

    A binary token's hex length is twice its bytes: its bytes are the hex's value.
    """
    hex_text = f"^[0-9a-f]{{{_HALF},{2 * _HALF}}}$"
    binary = [c for c in frame.columns if _is_binary(frame, c)]
    text = [c for c in frame.columns if c not in binary]
    stats = frame.select(
        *(pl.col(c).str.contains(hex_text).all().alias(f"{c}:hex") for c in text),
        *(pl.col(c).str.len_bytes().min().alias(f"{c}:min") for c in text),
        *(pl.col(c).str.len_bytes().max().alias(f"{c}:max") for c in text),
        *((2 * pl.col(c).bin.size()).min().alias(f"{c}:min") for c in binary),
        *((2 * pl.col(c).bin.size()).max().alias(f"{c}:max") for c in binary),
    ).row(0, named=True)
    if not all(stats[f"{c}:hex"] for c in text):
        return None
    found = {stats[f"{c}:{m}"] for c in frame.columns for m in ("min", "max")} - {None}
    return found if all(_HALF <= w <= 2 * _HALF for w in found) else None


def _code(frame: pl.DataFrame, column: str) -> pl.Expr:
    """A token column's integer codes: its first 8 bytes, big-endian, sign bit flipped."""
    if _is_binary(frame, column):
        first = (
            pl.col(column).bin.head(_HALF // 2).bin.reinterpret(dtype=pl.UInt64, endianness="big")
        )
    else:
        first = _first(column)
    return first.xor(pl.lit(_SIGN, dtype=pl.UInt64)).reinterpret(signed=True).alias(column)


def _halves(frame: pl.DataFrame, column: str) -> pl.DataFrame:
    """The first and second halves (as integers) of a token column's distinct tokens."""
    distinct = frame.get_column(column).unique()
    if _is_binary(frame, column):
        distinct = distinct.bin.encode("hex")
    return distinct.to_frame(column).select(
        _first(column).alias("first"), _second(column).alias("second")
    )


def encoded_records(
    backend: Backend, inputs: Sequence[Any], columns: Sequence[str], record_id: str
) -> pl.DataFrame | None:
    """Every record with its tokens as integer codes, or None where the text must be kept.

    Args:
        backend: the local backend (polars or DuckDB) the inputs' tables are on.
        inputs: the loaded inputs (:class:`safelink.link.inputs.TokensInput`), in source order.
        columns: the token columns to link on; Bloom columns stay text.
        record_id: the record id column (kept as text).

    Returns:
        ``record_id``, ``columns`` (Int64 codes; Bloom columns as text) and ``source``, the
        inputs one after another; None when a column is not hex tokens of one length or two
        tokens share their first 8 bytes (see the module docstring).
    """
    widths: set[int] = set()
    parts: list[dict[str, pl.Series]] = [{} for _ in inputs]
    pairs: list[pl.DataFrame] = []
    coded = [c for c in columns if encodable(c)]
    for group in (coded[i : i + _GROUP] for i in range(0, len(coded), _GROUP)):
        for at, item in enumerate(inputs):
            text = _read(backend, item, group)
            found = _widths(text)
            if found is None:
                return None
            widths |= found
            if len(widths) > 1:
                return None
            parts[at].update(text.select(_code(text, c) for c in group).to_dict())
            pairs += [_halves(text, c) for c in group]
    if pairs and _shared_first_halves(pairs):
        logger.warning(
            "two different tokens share their first 8 bytes; linking on the tokens as text "
            "(exact, slower and larger)."
        )
        return None
    frames = []
    for at, item in enumerate(inputs):
        rest = _read(backend, item, [record_id, *(c for c in columns if not encodable(c))])
        coded_part = pl.DataFrame(parts[at]) if parts[at] else pl.DataFrame()
        frame = pl.concat([rest, coded_part], how="horizontal").select(record_id, *columns)
        frames.append(frame.with_columns(pl.lit(item.source, dtype=pl.String).alias("source")))
    return pl.concat(frames)


def _read(backend: Backend, item: Any, columns: Sequence[str]) -> pl.DataFrame:
    """Columns of an input in its row order (straight from its file where it has one).

    As text, but a file's raw-byte tokens (tokens format 2) as their bytes, coded from them.
    """
    if item.path is not None:
        frame = pl.read_parquet(item.path, columns=list(columns))
        return frame.with_columns(
            pl.col(c).cast(pl.String) for c in frame.columns if not _is_binary(frame, c)
        )
    selected = ", ".join(f"CAST({quote(c)} AS VARCHAR) AS {quote(c)}" for c in columns)
    return backend.collect(run_query(backend, f"SELECT {selected} FROM {{t}}", t=item.table))  # noqa: S608


def _shared_first_halves(pairs: Sequence[pl.DataFrame]) -> bool:
    """Whether two different tokens anywhere in the run share their first half."""
    distinct = pl.concat(pairs).unique()
    return distinct.height != distinct.get_column("first").n_unique()


__all__ = ["encodable", "encoded_records"]
