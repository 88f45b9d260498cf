"""Privacy models measured: k-anonymity, l-diversity (distinct, entropy, recursive), t-closeness.

These functions measure; the criteria of :mod:`safelink.disclosure.criteria` judge. Each
function takes a pandas, polars or Spark DataFrame (pandas' index is ignored; results do not
depend on row order), the quasi-identifiers, and the missing-value policy (see
:mod:`safelink.disclosure.equivalence`). The records are counted into the class table once,
by SQL on the engine the data live on (:mod:`safelink.disclosure.counts`); each model is then
a summary of that table (:func:`k_summary`, :func:`l_summary`, :func:`t_summary`), the same
for every engine.

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

from safelink.disclosure.counts import class_table
from safelink.disclosure.equivalence import (
    CID,
    PERSONS,
    ROWS,
    VALUE,
    ClassTable,
)
from safelink.errors import InputError

DiversityKind = Literal["distinct", "entropy", "recursive"]


@dataclass(frozen=True, slots=True, kw_only=True)
class KAnonymitySummary:
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
class LDiversitySummary:
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
class TClosenessSummary:
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
) -> KAnonymitySummary:
    """Measure k-anonymity over rows and, with ``person``, over distinct persons.

    Args:
        data: a pandas, polars or Spark DataFrame.
        quasi: the quasi-identifier columns.
        person: a person id column (e.g. a release pseudonym); classes then count persons.
        missing: ``"value"`` (missing is its own category) or ``"wildcard"``.

    Returns:
        A :class:`KAnonymitySummary`.

    Raises:
        InputError: empty frame, unknown column, missing person id.

    Example:
        >>> import polars as pl
        >>> k_anonymity(pl.DataFrame({"sex": ["F", "F", "M"]}), ["sex"]).k
        1
    """
    return k_summary(class_table(data, quasi, person=person, missing=missing), missing)


def k_summary(table: ClassTable, missing: str = "value") -> KAnonymitySummary:
    """k-anonymity from a class table counted from records (any engine).

    Args:
        table: the class table (:func:`~safelink.disclosure.counts.count_classes`).
        missing: the missing-value policy it was counted with (recorded in the summary).
    """
    classes = table.classes
    totals = table.totals()
    k_rows = int(classes[ROWS].min())  # type: ignore[arg-type]
    k_persons = int(classes[PERSONS].min()) if table.unit == "persons" else None  # type: ignore[arg-type]
    return KAnonymitySummary(
        k=k_persons if k_persons is not None else k_rows,
        k_rows=k_rows,
        k_persons=k_persons,
        classes=classes.height,
        rows=totals.rows,
        persons=totals.persons,
        persons_in_several_classes=totals.several,
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
) -> dict[str, LDiversitySummary]:
    """Measure distinct, entropy and recursive (c, l)-diversity of each sensitive attribute.

    Args:
        data: a pandas, polars or Spark DataFrame.
        quasi: the quasi-identifier columns.
        sensitive: the sensitive columns (each measured on its own).
        l: the l for recursive (c, l)-diversity.
        person: count frequencies in distinct persons.
        missing: the missing-value policy for quasi-identifiers.

    Returns:
        One :class:`LDiversitySummary` per sensitive attribute.

    Raises:
        InputError: no sensitive attribute, l < 1, or a bad frame/column.
    """
    if not sensitive:
        raise InputError("no sensitive attributes given; l-diversity needs at least one.")
    if l < 1:
        raise InputError(f"l={l} is not valid for recursive (c, l)-diversity; use l >= 1.")
    table = class_table(data, quasi, sensitive=sensitive, person=person, missing=missing)
    return {attribute: l_summary(table, attribute, l) for attribute in sensitive}


def diversity_per_class(counts: pl.DataFrame, l: int) -> pl.DataFrame:  # noqa: E741
    """Per class, from ``(CID, value, PERSONS)`` rows: distinct values, entropy, recursive c.

    Returns:
        ``(CID, distinct, h, ratio)``: ``h`` the class entropy (natural log; entropy
        l-diversity's l is ``exp(h)``), ``ratio`` the class's ``r1 / (r_l + ... + r_m)``
        (``inf`` when it has fewer than ``l`` values): recursive (c, l) holds for c above it.
    """
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
    return per_class.select(
        CID,
        "distinct",
        "h",
        pl.when(pl.col("tail") > 0)
        .then(pl.col("r1") / pl.col("tail"))
        .otherwise(math.inf)
        .alias("ratio"),
    )


def l_summary(table: ClassTable, attribute: str, l: int) -> LDiversitySummary:  # noqa: E741
    """Distinct, entropy and recursive (c, l) diversity of one attribute from a class table."""
    per_class = diversity_per_class(table.frequencies(attribute), l)
    return LDiversitySummary(
        attribute=attribute,
        distinct=int(per_class["distinct"].min()),  # type: ignore[arg-type]
        entropy=float(math.exp(per_class["h"].min())),  # type: ignore[arg-type]
        recursive_l=l,
        recursive_c=float(per_class["ratio"].max()),  # type: ignore[arg-type]
    )


def t_closeness(
    data: Any,
    quasi: Sequence[str],
    sensitive: Sequence[str],
    *,
    ordered: Mapping[str, Sequence[Any]] | None = None,
    person: str | None = None,
    missing: str = "value",
) -> dict[str, TClosenessSummary]:
    """Measure t-closeness with the earth mover's distance.

    Numeric attributes (and those given an order in ``ordered``) use the ordered distance
    ``|i - j| / (m - 1)`` over their ``m`` distinct values in order; others use the equal
    distance (half the L1 distance). Missing sensitive values rank first when ordered.

    Args:
        data: a pandas, polars or Spark DataFrame.
        quasi: the quasi-identifier columns.
        sensitive: the sensitive columns (each measured on its own).
        ordered: for text attributes with a natural order, the values in order.
        person: count frequencies in distinct persons.
        missing: the missing-value policy for quasi-identifiers.

    Returns:
        One :class:`TClosenessSummary` per sensitive attribute.

    Raises:
        InputError: no sensitive attribute, an ordered list that misses a value, a bad frame.
    """
    if not sensitive:
        raise InputError("no sensitive attributes given; t-closeness needs at least one.")
    table = class_table(data, quasi, sensitive=sensitive, person=person, missing=missing)
    ordered = ordered or {}
    return {a: t_summary(table, a, order=ordered.get(a)) for a in sensitive}


def t_summary(
    table: ClassTable, attribute: str, *, order: Sequence[Any] | None = None
) -> TClosenessSummary:
    """t-closeness of one attribute from a class table.

    Numbers (and text given an ``order``) use the ordered distance, other text the equal one.

    Raises:
        InputError: an order that misses a value.
    """
    counts = table.frequencies(attribute)
    glob = table.distribution(attribute)
    is_ordered = order is not None or counts.schema[VALUE].is_numeric()
    if order is not None:
        counts = rank_by_order(counts, attribute, order)
        glob = rank_by_order(glob, attribute, order)
    t = max(0.0, float(emd_per_class(counts, glob, ordered=is_ordered)["emd"].max()))  # type: ignore[arg-type]
    return TClosenessSummary(
        attribute=attribute, t=t, distance="ordered" if is_ordered else "equal"
    )


def rank_by_order(counts: pl.DataFrame, attribute: str, order: Sequence[Any]) -> pl.DataFrame:
    """Replace the values in ``VALUE`` by their rank in ``order`` (InputError if one is absent)."""
    values = [str(v) for v in order]
    ranks = (
        counts[VALUE]
        .cast(pl.String)
        .replace_strict(values, list(range(len(values))), default=None, return_dtype=pl.Int64)
    )
    if (ranks.is_null() & counts[VALUE].is_not_null()).any():
        raise InputError(
            f"sensitive attribute {attribute!r}: the order given does not list every value; "
            "add the missing categories to 'ordered'."
        )
    return counts.with_columns(ranks.alias(VALUE))


def emd_per_class(counts: pl.DataFrame, glob: pl.DataFrame, *, ordered: bool) -> pl.DataFrame:
    """Each class's earth mover's distance from the whole table: ``(CID, emd)``.

    Args:
        counts: ``(CID, VALUE, PERSONS)``; with ``ordered``, values sort in their order (numbers,
            or ranks from :func:`rank_by_order`), missing first.
        glob: ``(VALUE, p)``, the whole table's distribution (every value of ``counts``).
        ordered: the ordered distance ``|i - j| / (m - 1)``; else the equal distance.
    """
    if not ordered:
        sums = _emd_equal_sums(counts, glob)
        return sums.select(CID, (0.5 * (pl.col("s") + 1.0)).alias("emd"))
    m = glob.height
    if m <= 1:
        return counts.select(CID).unique().with_columns(pl.lit(0.0).alias("emd"))
    return _emd_ordered_sums(counts, glob).select(CID, (pl.col("s") / (m - 1)).alias("emd"))


def _emd_equal_sums(counts: pl.DataFrame, glob: pl.DataFrame) -> pl.DataFrame:
    """Equal distance: EMD = 0.5 * sum |q - p| over every value, absent ones included.

    Returns ``(CID, s)`` with ``s = sum over the class's values of (|q - p| - p)``, so that
    ``EMD = 0.5 * (s + 1)`` (the absent values contribute the rest of ``p``'s mass).
    """
    q = counts.with_columns((pl.col(PERSONS) / pl.col(PERSONS).sum().over(CID)).alias("q")).join(
        glob.select(VALUE, "p"), on=VALUE, nulls_equal=True
    )
    return q.group_by(CID).agg(((pl.col("q") - pl.col("p")).abs() - pl.col("p")).sum().alias("s"))


def _emd_ordered_sums(counts: pl.DataFrame, glob: pl.DataFrame) -> pl.DataFrame:
    """Ordered distance, in O(rows * log m) with prefix sums, no class-by-value matrix.

    EMD = 1/(m-1) * sum_i |Q_i - P_i| over the m values in order, where Q and P are the
    cumulative class and global distributions. Q is a step function of the class's own
    values, P is non-decreasing, so each step's sum is closed-form after one searchsorted.
    Returns ``(CID, s)``, the sum before the division by ``m - 1``.
    """
    glob = glob.sort(VALUE, nulls_last=False)
    m = glob.height
    cum_p = np.cumsum(glob["p"].to_numpy())
    prefix = np.concatenate([[0.0], np.cumsum(cum_p)])
    index = glob.select(VALUE).with_row_index("__i")
    rows = (
        counts.join(index, on=VALUE, nulls_equal=True)
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
    return pl.DataFrame({CID: rows[CID], "s": step}).group_by(CID).agg(pl.col("s").sum())
