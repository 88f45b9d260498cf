"""Keyed draws: HMAC tokens turned into integers, and weighted choices from tables (private).

Every choice is derived from ``SubKey.tokens`` of a canonical value: the 64 hex characters of
HMAC-SHA256 are cut into four 52-bit integers (``u0`` .. ``u3``), each an independent uniform
draw. A weighted choice reduces a draw modulo the table's total weight and finds its row by
binary search over the cumulative weights, all vectorised in polars. The modulo bias is below
``total / 2**52``, negligible for tables of a few thousand units of weight.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any, Protocol

import polars as pl

from safelink.keys import SubKey
from safelink.normalise import name_canonical_expr

DRAWS = ("u0", "u1", "u2", "u3")
_HEX_PER_DRAW = 13  # 52 bits


class KeySource(Protocol):
    """Anything that derives purpose subkeys: a :class:`~safelink.keys.Keyring`."""

    def subkey(self, purpose: str, *, version: int | None = None) -> SubKey:
        """Derive the subkey for ``purpose``."""
        ...


class TokenKey(Protocol):
    """Anything that computes a purpose key's tokens: a ``SubKey`` or a worker's ``BlockKey``."""

    def tokens(self, values: Any, *, length: int = 16) -> Any:
        """Hex HMAC tokens of a text array."""
        ...


def keyed_draws(subkey: TokenKey, keys: pl.Series) -> pl.DataFrame:
    """Return four independent 52-bit draws per value (columns ``u0`` .. ``u3``).

    Args:
        subkey: the purpose subkey.
        keys: canonical text values, no nulls.

    Returns:
        A frame with one row per value.
    """
    hexes = pl.Series("h", subkey.tokens(keys.cast(pl.String).to_arrow(), length=32))
    frame = pl.DataFrame({"h": hexes})
    return frame.select(
        pl.col("h")
        .str.slice(i * _HEX_PER_DRAW, _HEX_PER_DRAW)
        .str.to_integer(base=16, dtype=pl.Int64)
        .alias(name)
        for i, name in enumerate(DRAWS)
    )


@dataclass(frozen=True, slots=True)
class Table:
    """A weighted list of values to choose from.

    Attributes:
        values: the values, in a fixed order.
        canonical: their canonical forms (to refuse mapping a value to itself).
        cumulative: cumulative integer weights (strictly increasing).
    """

    values: pl.Series
    canonical: pl.Series
    cumulative: pl.Series

    @classmethod
    def build(cls, values: pl.Series, weights: pl.Series, canonical: pl.Series) -> Table:
        """Build a table from values and positive weights (scaled to integers)."""
        scaled = (weights.cast(pl.Float64) * 1000).round().cast(pl.Int64).clip(lower_bound=1)
        return cls(values.cast(pl.String), canonical.cast(pl.String), scaled.cum_sum())

    @property
    def total(self) -> int:
        """The total integer weight."""
        return int(self.cumulative[-1])

    def __len__(self) -> int:
        return self.values.len()

    def index(self, draw: pl.Series, *, avoid: pl.Series | None = None) -> pl.Series:
        """Choose a row per draw; where it equals ``avoid`` (canonically), take the next row."""
        found = self.cumulative.search_sorted(draw % self.total, side="right")
        index = found.cast(pl.Int64)
        if avoid is not None and len(self) > 1:
            same = self.canonical.gather(index) == avoid
            index = pl.select(
                pl.when(pl.lit(same).fill_null(False))
                .then((pl.lit(index) + 1) % len(self))
                .otherwise(pl.lit(index))
            ).to_series()
        return index

    def choose(self, draw: pl.Series, *, avoid: pl.Series | None = None) -> pl.Series:
        """Choose a value per draw (see :meth:`index`)."""
        return self.values.gather(self.index(draw, avoid=avoid))


def _read(folder: str, name: str) -> pl.DataFrame:
    text = (resources.files("safelink") / folder / name).read_bytes()
    return pl.read_csv(text, infer_schema_length=0)


def _name_canonical(values: pl.Series) -> pl.Series:
    return pl.select(name_canonical_expr(pl.lit(values))).to_series()


@functools.cache
def _community_shares() -> dict[str, float]:
    frame = _read("surrogate_data", "communities.csv")
    return {c: float(s) for c, s in frame.iter_rows()}


def _population_weights(frame: pl.DataFrame) -> pl.DataFrame:
    """Weight names by community share times their weight within the community."""
    shares = _community_shares()
    frame = frame.with_columns(pl.col("weight").cast(pl.Float64))
    frame = frame.with_columns(
        (
            pl.col("weight")
            / pl.col("weight").sum().over("community")
            * pl.col("community").replace_strict(shares, default=0.0, return_dtype=pl.Float64)
            * 1_000_000
        ).alias("weight")
    )
    return frame.filter(pl.col("weight") > 0)


def _table(frame: pl.DataFrame) -> Table:
    merged = frame.group_by("name", maintain_order=True).agg(pl.col("weight").sum())
    return Table.build(merged["name"], merged["weight"], _name_canonical(merged["name"]))


@functools.cache
def surname_table() -> Table:
    """Surnames weighted like the population of England and Wales (by community)."""
    return _table(_population_weights(_read("data", "surnames.csv")))


@functools.cache
def forename_table(sex: str | None) -> Table:
    """Forenames for ``sex`` (``"1"`` male, ``"2"`` female, None either), population-weighted."""
    frame = _population_weights(_read("data", "forenames.csv"))
    if sex == "1":
        frame = frame.filter(pl.col("sex") == "M")
    elif sex == "2":
        frame = frame.filter(pl.col("sex") == "F")
    return _table(frame)


@functools.cache
def address_table(part: str) -> Table:
    """Street stems (``street``), street types (``type``) or invented towns (``town``)."""
    frame = _read("surrogate_data", "address_parts.csv").filter(pl.col("part") == part)
    values = frame["value"]
    return Table.build(values, frame["weight"].cast(pl.Float64), values.str.to_uppercase())


@functools.cache
def postcode_areas() -> tuple[Table, pl.Series]:
    """Postcode areas (weighted) and, row for row, how many district numbers to draw from."""
    frame = _read("surrogate_data", "postcode_areas.csv")
    table = Table.build(frame["area"], frame["weight"].cast(pl.Float64), frame["area"])
    return table, frame["districts"].cast(pl.Int64)
