"""Collisions: distinct original values that were given the same surrogate."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl


@dataclass(frozen=True, slots=True, kw_only=True)
class Collisions:
    """How far a surrogate column merges distinct originals (counts only, never values).

    Attributes:
        distinct_originals: distinct canonical originals (missing values excluded).
        distinct_surrogates: distinct surrogates given to them.
        shared_surrogates: surrogates given to more than one distinct original.
        originals_affected: distinct originals whose surrogate is shared with another.
    """

    distinct_originals: int
    distinct_surrogates: int
    shared_surrogates: int
    originals_affected: int

    def to_dict(self) -> dict[str, int]:
        """Return a JSON-ready dict."""
        return {
            "distinct_originals": self.distinct_originals,
            "distinct_surrogates": self.distinct_surrogates,
            "shared_surrogates": self.shared_surrogates,
            "originals_affected": self.originals_affected,
        }


def count_collisions(originals: pl.Series, surrogates: pl.Series) -> Collisions:
    """Count distinct originals that share a surrogate.

    A list of N names can only give N surrogates, so two people with different surnames may
    get the same fake one: the fake column then merges them. Linkage on surrogates would
    join them wrongly, which is why surrogates are for test and training data, not linkage.

    Args:
        originals: canonical originals, row for row with ``surrogates``.
        surrogates: the surrogates given.

    Returns:
        The counts.

    Example:
        >>> import polars as pl
        >>> count_collisions(pl.Series(["A", "B", "C"]), pl.Series(["x", "x", "y"]))
        Collisions(distinct_originals=3, distinct_surrogates=2, shared_surrogates=1, \
originals_affected=2)
    """
    pairs = pl.DataFrame({"o": originals, "s": surrogates}).drop_nulls().unique(subset=["o", "s"])
    per = pairs.group_by("s").agg(pl.col("o").n_unique().alias("n"))
    shared = per.filter(pl.col("n") > 1)
    return Collisions(
        distinct_originals=int(pairs["o"].n_unique()),
        distinct_surrogates=per.height,
        shared_surrogates=shared.height,
        originals_affected=int(shared["n"].sum()),
    )
