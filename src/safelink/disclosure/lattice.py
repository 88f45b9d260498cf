"""The generalisation lattice of a set of quasi-identifiers (:class:`Lattice`).

Integer codes per level, roll-up maps between levels and each level's information loss, read
once from the data counted by their distinct combinations; :mod:`safelink.disclosure.search`
walks it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import polars as pl

from safelink.disclosure.equivalence import (
    CID,
    PERSONS,
    ROWS,
    SIZE,
    VALUE,
    ClassTable,
)
from safelink.disclosure.hierarchies import Hierarchy, level_codes

Node = tuple[int, ...]
"""A lattice node: one level per quasi-identifier, in the hierarchies' order."""
COUNT = "__n"
"""The column of the counted data holding how many rows each combination stands for."""


class Lattice:
    """Integer codes per level, roll-up maps and per-level losses for each quasi-identifier.

    Built from the data counted by their distinct combinations (``counted``: the
    quasi-identifiers, the person and sensitive columns, and ``COUNT`` rows each), so the data
    themselves are read once, by SQL on their engine (``safelink.disclosure.search``).
    """

    def __init__(
        self,
        counted: pl.DataFrame,
        hierarchies: Mapping[str, Hierarchy],
        *,
        person: str | None,
        sensitive: Sequence[str],
        target: str | None = None,
    ) -> None:
        self.quasi = list(hierarchies)
        self.target = target
        self.hierarchies = hierarchies
        weights = counted[COUNT].to_numpy().astype(np.int64)
        self.rows = int(weights.sum())
        self.up: list[list[np.ndarray]] = []
        self.counts: list[list[np.ndarray]] = []
        self.loss: list[list[float]] = []
        self.full_loss = 0.0
        columns = {}
        log_n = np.log2(self.rows)
        for index, column in enumerate(self.quasi):
            uniques = counted.select(pl.col(column).unique()).with_row_index("__u")
            codes = level_codes(hierarchies[column], uniques[column], column)
            row_u = (
                counted.select(column)
                .join(uniques, on=column, how="left", nulls_equal=True, maintain_order="left")[
                    "__u"
                ]
                .to_numpy()
            )
            row_codes = codes[0][row_u]
            columns[f"c{index}"] = row_codes.astype(np.uint32)
            first = np.bincount(row_codes, weights=weights).astype(np.int64)
            up, counts = [], [first]
            for level in range(1, len(codes)):
                mapping = np.zeros(int(codes[level - 1].max()) + 1, dtype=np.int64)
                mapping[codes[level - 1]] = codes[level]
                up.append(mapping)
                counts.append(np.bincount(mapping, weights=counts[-1]).astype(np.int64))
            self.up.append(up)
            self.counts.append(counts)
            base = counts[0][counts[0] > 0].astype(np.float64)
            per_level = []
            to_level = np.arange(len(counts[0]))
            for level in range(len(codes)):
                if level:
                    to_level = up[level - 1][to_level]
                general = counts[level][to_level][counts[0] > 0].astype(np.float64)
                per_level.append(float((base * (np.log2(general) - np.log2(base))).sum()))
            self.loss.append(per_level)
            self.full_loss += float((base * (log_n - np.log2(base))).sum())
        self.person = person
        self.extras = list(
            dict.fromkeys(
                [*([person] if person else []), *sensitive, *([target] if target else [])]
            )
        )
        base_frame = pl.DataFrame(columns).with_columns(
            *(counted.select(self.extras).to_series(i) for i in range(len(self.extras))),
            counted[COUNT].cast(pl.UInt32),
        )
        self.keys = [f"c{i}" for i in range(len(self.quasi))]
        self.base = base_frame.group_by([*self.keys, *self.extras]).agg(pl.col(COUNT).sum())
        self.sizes = [len(h.levels) for h in hierarchies.values()]

    def bound(self, node: Node) -> float:
        """Non-uniform entropy of a node's generalised values, before any suppression."""
        return sum(self.loss[i][level] for i, level in enumerate(node))

    def roll_up(self, table: pl.DataFrame, source: Node, target: Node) -> pl.DataFrame:
        """Re-express ``table`` (class table at ``source``) at the higher node ``target``.

        One lazy polars query: codes mapped up by gathering from small lookup arrays, packed
        into one integer key when their product fits in 63 bits (about twice as fast to group
        as several columns), grouped, and unpacked.
        """
        if target == source:
            return table
        codes = []
        for index, (low, high) in enumerate(zip(source, target, strict=True)):
            column = pl.col(f"c{index}")
            if high > low:
                mapping = np.arange(len(self.up[index][low]))
                for level in range(low, high):
                    mapping = self.up[index][level][mapping]
                column = pl.lit(pl.Series(mapping.astype(np.uint32))).gather(column)
            codes.append(column.cast(pl.UInt32).alias(f"c{index}"))
        cards = [len(self.counts[i][level]) for i, level in enumerate(target)]
        lazy = table.lazy()
        if math.prod(cards) >= 2**62:
            lazy = lazy.with_columns(codes)
            return lazy.group_by([*self.keys, *self.extras]).agg(pl.col(COUNT).sum()).collect()
        multipliers = [math.prod(cards[i + 1 :]) for i in range(len(cards))]
        key = pl.lit(0, dtype=pl.UInt64)
        for code, multiplier in zip(codes, multipliers, strict=True):
            key = key + code.cast(pl.UInt64) * multiplier
        packed = lazy.select(key.alias("__k"), *self.extras, COUNT)
        grouped = packed.group_by(["__k", *self.extras]).agg(pl.col(COUNT).sum())
        unpacked = [
            ((pl.col("__k") // multiplier) % card).cast(pl.UInt32).alias(f"c{i}")
            for i, (multiplier, card) in enumerate(zip(multipliers, cards, strict=True))
        ]
        return grouped.select(*unpacked, *self.extras, COUNT).collect()

    def class_table(self, table: pl.DataFrame) -> ClassTable:
        """The classes of a node's table (keyed by level codes), as the criteria read them.

        Sizes and frequencies count persons with a person column (a person once per class,
        and once per class and value), rows otherwise: as the models measure the data once
        generalised to the node, so a node's verdicts are those ``check`` gives its result.
        """
        keys = self.keys
        person = self.person
        if self.extras:
            aggs = [pl.col(COUNT).sum().alias(ROWS)]
            if person:
                aggs.append(pl.col(person).n_unique().alias(SIZE))
            classes = table.group_by(keys).agg(aggs)
        else:
            classes = table.rename({COUNT: ROWS})
        if not person:
            classes = classes.with_columns(pl.col(ROWS).alias(SIZE))
        classes = classes.with_row_index(CID)
        measure = pl.col(person).n_unique() if person else pl.col(COUNT).sum()

        def frequencies(attribute: str) -> pl.DataFrame:
            counts = table.group_by([*keys, attribute]).agg(measure.alias(PERSONS))
            return counts.join(classes.select(*keys, CID), on=keys).select(
                CID, pl.col(attribute).alias(VALUE), PERSONS
            )

        def distribution(attribute: str) -> pl.DataFrame:
            # the class frequencies sum to the whole table's, as global_distribution counts it
            totals = table_.frequencies(attribute).group_by(VALUE).agg(pl.col(PERSONS).sum())
            return totals.select(VALUE, (pl.col(PERSONS) / pl.col(PERSONS).sum()).alias("p"))

        table_ = ClassTable(
            classes,
            unit="persons" if person else "rows",
            frequencies=frequencies,
            distribution=distribution,
        )
        return table_
