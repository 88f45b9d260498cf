"""Attribute disclosure beyond l and t: (alpha, k)-anonymity, beta-likeness, delta-disclosure.

Each measure reads the class table (:class:`~safelink.disclosure.equivalence.ClassTable`),
so it is written once and runs on every engine that counts one (polars, DuckDB, Spark). With
``q`` a value's share within a class and ``p`` its share in the whole table:

(alpha, k)-anonymity (Wong, Li, Fu and Wang, "(alpha, k)-anonymity: an enhanced k-anonymity
model for privacy preserving data publishing", KDD 2006)
    every class holds at least ``k`` members, and no sensitive value is held by more than a
    share ``alpha`` of them. The measured ``alpha`` is the largest share of one value in any
    class: persons holding it over persons in the class with a person column (a person with
    two values counts for both, so an attacker's certainty is never understated), rows
    holding it over rows otherwise.

basic beta-likeness (Cao and Karras, "Publishing microdata with a robust privacy guarantee",
PVLDB 5(11), 2012)
    for every class and every value with ``q > p``: ``(q - p) / p <= beta``. The measured
    ``beta`` is the largest ``(q - p) / p`` (0 when every class matches the table).

enhanced beta-likeness (same paper)
    for every class and every value with ``q > p``: ``(q - p) / p <= min(beta, -ln p)``,
    which stops a frequent value's share from growing towards 1. The measured
    ``enhanced_beta`` is the smallest beta that holds: the basic beta when every gain is
    within ``-ln p``, and infinite when some is not (no beta then helps). pycanon reports
    ``min(basic beta, -ln min p)`` instead, a figure at which the table can still fail.

delta-disclosure privacy (Brickell and Shmatikov, "The cost of privacy: destruction of
data-mining utility in anonymized data publishing", KDD 2008)
    for every class and every value of the table: ``|ln(q / p)| < delta`` (strict). A class
    that lacks a value of the table has ``q = 0`` and ``|ln(q / p)|`` infinite, so the
    measured ``delta`` is infinite unless every class holds every value; ``delta_present``
    measures over the values each class holds only (pycanon's figure), for comparison.

``q`` and ``p`` are distributions counted as t-closeness counts them (persons per class and
value with a person column, each class's counts summing to one), and ``p`` is the whole
table's distribution as measured (after suppression). Missing sensitive values are a value
of their own, as for every other criterion: a missing diagnosis has its share ``p`` in the
table and ``q`` in each class, and a class whose members all lack it discloses that.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import polars as pl

from safelink.disclosure.counts import class_table
from safelink.disclosure.equivalence import CID, PERSONS, SIZE, VALUE, ClassTable
from safelink.errors import InputError

# A gain ``(q - p) / p`` within this much of ``-ln p`` counts as within it (float noise).
_ENHANCED_TOLERANCE = 1e-12


@dataclass(frozen=True, slots=True, kw_only=True)
class AttributeDisclosureSummary:
    """(alpha, k), beta-likeness and delta-disclosure of one sensitive attribute.

    Attributes:
        attribute: the sensitive column.
        alpha: the largest share of one value in any class ((alpha, k)-anonymity's alpha).
        beta: the largest relative gain ``(q - p) / p`` (basic beta-likeness's beta).
        enhanced_beta: the smallest beta of enhanced beta-likeness (``inf``: none holds).
        delta: the largest ``|ln(q / p)|`` over every value of the table (``inf`` when a
            class lacks one; delta-disclosure holds for any delta strictly above it).
        delta_present: the same over the values each class holds (pycanon's figure).
    """

    attribute: str
    alpha: float
    beta: float
    enhanced_beta: float
    delta: float
    delta_present: float

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (an infinite figure is written as null)."""
        return {k: None if _infinite(v) else v for k, v in asdict(self).items()}


def _infinite(value: Any) -> bool:
    return isinstance(value, float) and math.isinf(value)


def likeness_per_class(table: ClassTable, attribute: str) -> pl.DataFrame:
    """Per class, every figure of :class:`AttributeDisclosureSummary`, in one vectorised pass.

    Returns:
        ``(CID, alpha, beta, enhanced_beta, delta, delta_present)``, one row per class.
    """
    counts = table.frequencies(attribute)
    glob = table.distribution(attribute).select(VALUE, "p")
    values = glob.height
    q = pl.col(PERSONS) / pl.col(PERSONS).sum().over(CID)
    joined = counts.join(glob, on=VALUE, nulls_equal=True).with_columns(
        q.alias("q"), pl.col(PERSONS).cast(pl.Float64).alias("f")
    )
    gain = (pl.col("q") - pl.col("p")) / pl.col("p")
    per = joined.group_by(CID).agg(
        pl.col("f").max().alias("top"),
        gain.max().alias("beta"),
        (gain + pl.col("p").log()).max().alias("excess"),
        (pl.col("q") / pl.col("p")).log().abs().max().alias("delta_present"),
        pl.len().alias("held"),
    )
    sizes = table.classes.select(CID, pl.col(SIZE).cast(pl.Float64).alias("size"))
    return per.join(sizes, on=CID).select(
        CID,
        (pl.col("top") / pl.col("size")).alias("alpha"),
        pl.col("beta").clip(lower_bound=0.0),
        pl.when(pl.col("excess") > _ENHANCED_TOLERANCE)
        .then(math.inf)
        .otherwise(pl.col("beta").clip(lower_bound=0.0))
        .alias("enhanced_beta"),
        pl.when(pl.col("held") < values)
        .then(math.inf)
        .otherwise(pl.col("delta_present"))
        .alias("delta"),
        "delta_present",
    )


def likeness_summary(table: ClassTable, attribute: str) -> AttributeDisclosureSummary:
    """Every figure of one attribute from a class table counted on any engine."""
    worst = likeness_per_class(table, attribute).select(
        pl.col("alpha", "beta", "enhanced_beta", "delta", "delta_present").max()
    )
    row = worst.row(0, named=True)
    return AttributeDisclosureSummary(
        attribute=attribute, **{name: float(value) for name, value in row.items()}
    )


def attribute_disclosure(
    data: Any,
    quasi: Sequence[str],
    sensitive: Sequence[str],
    *,
    person: str | None = None,
    missing: str = "value",
) -> dict[str, AttributeDisclosureSummary]:
    """Measure (alpha, k), beta-likeness and delta-disclosure of each sensitive attribute.

    Args:
        data: a pandas, polars or Spark DataFrame (counted on Spark when it is one).
        quasi: the quasi-identifier columns.
        sensitive: the sensitive columns (each measured on its own).
        person: count frequencies in distinct persons.
        missing: the missing-value policy for quasi-identifiers.

    Returns:
        One :class:`AttributeDisclosureSummary` per sensitive attribute.

    Raises:
        InputError: no sensitive attribute, or a bad frame or column.

    Example:
        >>> import polars as pl
        >>> data = pl.DataFrame({"q": ["a", "a", "b", "b"], "s": ["x", "y", "x", "x"]})
        >>> attribute_disclosure(data, ["q"], ["s"])["s"].alpha
        1.0
    """
    if not sensitive:
        raise InputError("no sensitive attributes given; these measures need at least one.")
    table = class_table(data, quasi, sensitive=sensitive, person=person, missing=missing)
    return {attribute: likeness_summary(table, attribute) for attribute in sensitive}


__all__ = [
    "AttributeDisclosureSummary",
    "attribute_disclosure",
    "likeness_per_class",
    "likeness_summary",
]
