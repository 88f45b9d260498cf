"""How a tokens file stores its tokens: hex text (format 1) or raw bytes (format 2).

Format 2 (both engines' Parquet since issue 22) stores each token column as
``fixed_size_binary(length)`` (Spark's variable ``binary``: the same bytes): the HMAC's first
``length`` bytes as they are, half the bytes of their hex and a faster write; its metadata says
``safelink.tokens_format: "2"``. Format 1 (hex text, ``2 * length`` lowercase characters) is
what earlier versions wrote, what CSV outputs still write, and what every in-memory frame
holds. Readers take either: the
link codes binary tokens straight from their bytes (:mod:`safelink.link.codes`), and every
other reader sees hex text through :func:`as_hex` (a token's bytes are its hex, so both formats
give the same links and person ids).
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

HEX_FORMAT = "1"
"""Token columns as lowercase hex text."""
BINARY_FORMAT = "2"
"""Token columns as ``fixed_size_binary(length)``."""
FORMAT_KEY = "tokens_format"
"""The tokens file's metadata key (under the ``safelink.`` prefix); absent means format 1."""

Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)


def as_hex(frame: Frame) -> Frame:
    """``frame`` with its binary columns (format 2's tokens) as lowercase hex text."""
    schema = frame.collect_schema() if isinstance(frame, pl.LazyFrame) else frame.schema
    binary = [name for name, dtype in schema.items() if dtype == pl.Binary]
    if not binary:
        return frame
    return frame.with_columns(pl.col(binary).bin.encode("hex"))


def read_tokens(path: Path | str, columns: list[str] | None = None) -> pl.DataFrame:
    """A tokens file's columns with its tokens as hex text, whichever format it is in."""
    return as_hex(pl.read_parquet(path, columns=columns))


def stored_token(path: Path | str, column: str, token: str) -> str | bytes:
    """A hex token as ``column`` of the tokens file stores it: its bytes in format 2, else itself.

    For looking one token up in a file a batch at a time, without converting the file.
    """
    stored = pq.read_schema(path).field(column).type
    raw = pa.types.is_fixed_size_binary(stored) or pa.types.is_binary(stored)
    return bytes.fromhex(token) if raw else token


__all__ = ["BINARY_FORMAT", "FORMAT_KEY", "HEX_FORMAT", "as_hex", "read_tokens", "stored_token"]
