"""Privacy models: k-anonymity, l-diversity (distinct, entropy, recursive) and t-closeness.

Each function takes a pandas or polars DataFrame (pandas' index is ignored; results do not
depend on row order), the quasi-identifiers, and the missing-value policy (see
:mod:`safelink.disclosure._classes`). All work is vectorised polars group-bys and joins.

With a ``person`` column, class sizes are distinct persons, and the frequencies behind
l-diversity and t-closeness count persons (a person with ten episodes of one diagnosis counts
once for that diagnosis in that class), so repeated rows cannot make a class look diverse.
Missing sensitive values are a value of their own.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

import numpy as np
import polars as pl

from safelink.disclosure._classes import (
    CID,
    PERSONS,
    ROWS,
    persons_in_several_classes,
    prepare,
    tabulate,
)
from safelink.errors import InputError

DiversityKind = Literal["distinct", "entropy", "recursive"]


@dataclass(frozen=True, slots=True, kw_only=True)
class KAnonymity:
    """The k of k-anonymity, over rows and (when a person column is given) over persons.

    Attributes:
        k: the size of the smallest class: in persons when a person column is given.
        k_rows: the smallest class counted in rows.
        k_persons: the smallest class counted in distinct persons (None without a person).
        classes: the number of equivalence classes.
        rows: rows measured.
        persons: distinct persons (None without a person column).
        persons_in_several_classes: persons whose rows fall in more than one class.
        missing: the missing-value policy used.
    """

    k: int
    k_rows: int
    k_persons: int | None
    classes: int
    rows: int
    persons: int | None
    persons_in_several_classes: int | None
    missing: str

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return asdict(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class LDiversity:
    """l-diversity of one sensitive attribute.

    Attributes:
        attribute: the sensitive column.
        distinct: the fewest distinct values in any class.
        entropy: ``exp`` of the lowest class entropy (natural log): entropy l-diversity's l.
        recursive_l: the l used for recursive (c, l)-diversity.
        recursive_c: the smallest c such that every class has ``r1 < c * (r_l + ... + r_m)``
            is any c strictly above this value (``inf`` when some class has fewer than l
            values).
    """

    attribute: str
    distinct: int
    entropy: float
    recursive_l: int
    recursive_c: float

    def satisfies(self, l: int, *, kind: DiversityKind = "distinct", c: float = 1.0) -> bool:  # noqa: E741
        """Whether the data meet l-diversity of the given kind (and c for recursive)."""
        if kind == "distinct":
            return self.distinct >= l
        if kind == "entropy":
            return self.entropy >= l - 1e-9
        return self.recursive_l == l and self.recursive_c < c

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (an infinite c is written as null)."""
        out = asdict(self)
        if math.isinf(self.recursive_c):
            out["recursive_c"] = None
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class TCloseness:
    """t-closeness of one sensitive attribute.

    Attributes:
        attribute: the sensitive column.
        t: the largest earth mover's distance between a class and the whole data.
        distance: ``"ordered"`` (numeric attributes) or ``"equal"`` (categories).
    """

    attribute: str
    t: float
    distance: str

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return asdict(self)


def k_anonymity(
    data: Any,
    quasi: Sequence[str],
    *,
    person: str | None = None,
    missing: str = "value",
) -> KAnonymity:
    """Measure k-anonymity over rows and, with ``person``, over distinct persons.

    Args:
        data: a pandas or polars DataFrame.
        quasi: the quasi-identifier columns.
        person: a person id column (e.g. a release pseudonym); classes then count persons.
        missing: ``"value"`` (missing is its own category) or ``"wildcard"``.

    Returns:
        A :class:`KAnonymity`.

    Raises:
        InputError: empty frame, unknown column, missing person id.

    Example:
        >>> import polars as pl
        >>> k_anonymity(pl.DataFrame({"sex": ["F", "F", "M"]}), ["sex"]).k
        1
    """
    frame = prepare(data, quasi, person=person, missing=missing)
    classes, _ = tabulate(frame, quasi, person=person, missing=missing)
    k_rows = int(classes[ROWS].min())  # type: ignore[arg-type]
    k_persons = int(classes[PERSONS].min()) if person else None  # type: ignore[arg-type]
    return KAnonymity(
        k=k_persons if k_persons is not None else k_rows,
        k_rows=k_rows,
        k_persons=k_persons,
        classes=classes.height,
        rows=frame.height,
        persons=frame[person].n_unique() if person else None,
        persons_in_several_classes=(
            persons_in_several_classes(frame, quasi, person) if person else None
        ),
        missing=missing,
    )


def l_diversity(
    data: Any,
    quasi: Sequence[str],
    sensitive: Sequence[str],
    *,
    l: int = 2,  # noqa: E741
    person: str | None = None,
    missing: str = "value",
) -> dict[str, LDiversity]:
    """Measure distinct, entropy and recursive (c, l)-diversity of each sensitive attribute.

    Args:
        data: a pandas or polars DataFrame.
        quasi: the quasi-identifier columns.
        sensitive: the sensitive columns (each measured on its own).
        l: the l for recursive (c, l)-diversity.
        person: count frequencies in distinct persons.
        missing: the missing-value policy for quasi-identifiers.

    Returns:
        One :class:`LDiversity` per sensitive attribute.

    Raises:
        InputError: no sensitive attribute, l < 1, or a bad frame/column.
    """
    if not sensitive:
        raise InputError("no sensitive attributes given; l-diversity needs at least one.")
    if l < 1:
        raise InputError(f"l={l} is not valid for recursive (c, l)-diversity; use l >= 1.")
    frame = prepare(data, quasi, sensitive=sensitive, person=person, missing=missing)
    out = {}
    for attribute in sensitive:
        _, counts = tabulate(frame, quasi, by=[attribute], person=person, missing=missing)
        out[attribute] = _diversity(counts, attribute, l)
    return out


def _diversity(counts: pl.DataFrame, attribute: str, l: int) -> LDiversity:  # noqa: E741
    """Vectorised distinct/entropy/recursive diversity from (class, value, frequency) rows."""
    freq = counts.select(CID, pl.col(PERSONS).cast(pl.Float64).alias("f"))
    ranked = freq.with_columns(
        pl.col("f").rank("ordinal", descending=True).over(CID).alias("r"),
        (pl.col("f") / pl.col("f").sum().over(CID)).alias("p"),
    )
    per_class = ranked.group_by(CID).agg(
        pl.len().alias("distinct"),
        (-(pl.col("p") * pl.col("p").log()).sum()).alias("h"),
        pl.col("f").filter(pl.col("r") == 1).first().alias("r1"),
        pl.col("f").filter(pl.col("r") >= l).sum().alias("tail"),
    )
    ratio = per_class.select(
        pl.when(pl.col("tail") > 0).then(pl.col("r1") / pl.col("tail")).otherwise(math.inf)
    ).to_series()
    return LDiversity(
        attribute=attribute,
        distinct=int(per_class["distinct"].min()),  # type: ignore[arg-type]
        entropy=float(math.exp(per_class["h"].min())),  # type: ignore[arg-type]
        recursive_l=l,
        recursive_c=float(ratio.max()),  # type: ignore[arg-type]
    )


def t_closeness(
    data: Any,
    quasi: Sequence[str],
    sensitive: Sequence[str],
    *,
    ordered: Mapping[str, Sequence[Any]] | None = None,
    person: str | None = None,
    missing: str = "value",
) -> dict[str, TCloseness]:
    """Measure t-closeness with the earth mover's distance.

    Numeric attributes (and those given an order in ``ordered``) use the ordered distance
    ``|i - j| / (m - 1)`` over their ``m`` distinct values in order; others use the equal
    distance (half the L1 distance). Missing sensitive values rank first when ordered.

    Args:
        data: a pandas or polars DataFrame.
        quasi: the quasi-identifier columns.
        sensitive: the sensitive columns (each measured on its own).
        ordered: for text attributes with a natural order, the values in order.
        person: count frequencies in distinct persons.
        missing: the missing-value policy for quasi-identifiers.

    Returns:
        One :class:`TCloseness` per sensitive attribute.

    Raises:
        InputError: no sensitive attribute, an ordered list that misses a value, a bad frame.
    """
    if not sensitive:
        raise InputError("no sensitive attributes given; t-closeness needs at least one.")
    frame = prepare(data, quasi, sensitive=sensitive, person=person, missing=missing)
    ordered = ordered or {}
    out = {}
    for attribute in sensitive:
        _, counts = tabulate(frame, quasi, by=[attribute], person=person, missing=missing)
        order = ordered.get(attribute)
        is_ordered = order is not None or frame.schema[attribute].is_numeric()
        counts = counts.rename({attribute: "__s"})
        if order is not None:
            counts = _rank_by_order(counts, attribute, order)
        glob = _global(frame, quasi, attribute, person)
        if order is not None:
            glob = _rank_by_order(glob, attribute, order)
        t = _emd_ordered(counts, glob) if is_ordered else _emd_equal(counts, glob)
        out[attribute] = TCloseness(
            attribute=attribute, t=t, distance="ordered" if is_ordered else "equal"
        )
    return out


def _rank_by_order(counts: pl.DataFrame, attribute: str, order: Sequence[Any]) -> pl.DataFrame:
    values = [str(v) for v in order]
    ranks = (
        counts["__s"]
        .cast(pl.String)
        .replace_strict(values, list(range(len(values))), default=None, return_dtype=pl.Int64)
    )
    if (ranks.is_null() & counts["__s"].is_not_null()).any():
        raise InputError(
            f"sensitive attribute {attribute!r}: the order given does not list every value; "
            "add the missing categories to 'ordered'."
        )
    return counts.with_columns(ranks.alias("__s"))


def _global(
    frame: pl.DataFrame, quasi: Sequence[str], attribute: str, person: str | None
) -> pl.DataFrame:
    """The whole data's distribution (in persons per class, like the classes' own counts)."""
    if person:
        frame = frame.select(*quasi, attribute, person).unique()
    total = frame.group_by(attribute).agg(pl.len().alias("g")).rename({attribute: "__s"})
    return total.with_columns((pl.col("g") / pl.col("g").sum()).alias("p"))


def _emd_equal(counts: pl.DataFrame, glob: pl.DataFrame) -> float:
    """Equal distance: EMD = 0.5 * sum |q - p| over every value, absent ones included."""
    q = counts.with_columns((pl.col(PERSONS) / pl.col(PERSONS).sum().over(CID)).alias("q")).join(
        glob.select("__s", "p"), on="__s", nulls_equal=True
    )
    per_class = q.group_by(CID).agg(((pl.col("q") - pl.col("p")).abs() - pl.col("p")).sum())
    return max(0.0, float(0.5 * (per_class[:, 1].max() + 1.0)))  # type: ignore[operator]


def _emd_ordered(counts: pl.DataFrame, glob: pl.DataFrame) -> float:
    """Ordered distance, in O(rows * log m) with prefix sums, no class-by-value matrix.

    EMD = 1/(m-1) * sum_i |Q_i - P_i| over the m values in order, where Q and P are the
    cumulative class and global distributions. Q is a step function of the class's own
    values, P is non-decreasing, so each step's sum is closed-form after one searchsorted.
    """
    glob = glob.sort("__s", nulls_last=False)
    m = glob.height
    if m <= 1:
        return 0.0
    cum_p = np.cumsum(glob["p"].to_numpy())
    prefix = np.concatenate([[0.0], np.cumsum(cum_p)])
    index = glob.select("__s").with_row_index("__i")
    rows = (
        counts.join(index, on="__s", nulls_equal=True)
        .with_columns((pl.col(PERSONS) / pl.col(PERSONS).sum().over(CID)).alias("q"))
        .sort([CID, "__i"])
        .with_columns(pl.col("q").cum_sum().over(CID).alias("Q"))
        .with_columns(
            pl.col("__i").shift(-1).over(CID).fill_null(m).alias("__end"),
            (pl.col("__i") == pl.col("__i").min().over(CID)).alias("__first"),
        )
    )
    start = rows["__i"].to_numpy().astype(np.int64)
    end = rows["__end"].to_numpy().astype(np.int64)
    big_q = rows["Q"].to_numpy()
    first = rows["__first"].to_numpy()
    cut = np.clip(np.searchsorted(cum_p, big_q, side="left"), start, end)
    step = (
        big_q * (cut - start)
        - (prefix[cut] - prefix[start])
        + (prefix[end] - prefix[cut])
        - big_q * (end - cut)
    )
    # before a class's first value Q is 0, so the sum there is just P's prefix sum
    step = step + np.where(first, prefix[start], 0.0)
    per_class = pl.DataFrame({CID: rows[CID], "s": step}).group_by(CID).agg(pl.col("s").sum())
    return max(0.0, float(per_class["s"].max()) / (m - 1))  # type: ignore[arg-type]
