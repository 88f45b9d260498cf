"""Utility metrics, reported beside every check and search result (ARX shows both).

An IG lead trades risk against utility: these say how much a release still tells. Every
figure counts **rows** (records), as ARX, pycanon and the papers count them, whatever the
person column; suppressed rows are the rows the transformations removed. Classes are the
data's own (a missing quasi-identifier is a value of its own, whatever the missing-value
policy: a wildcard class borrows other classes' records for risk, not for utility).

- average class size ``n / J`` (``n`` rows kept, ``J`` classes) and the normalised average
  class size metric ``C_avg = (n / J) / k`` (LeFevre, DeWitt and Ramakrishnan, "Mondrian
  multidimensional k-anonymity", ICDE 2006), with ``k`` the profile's k (the requirement;
  pycanon divides by the data's smallest class instead: pass ``k=None``). 1 is ideal.
- discernibility ``DM = sum_j n_j**2 + s * N`` (Bayardo and Agrawal, ICDE 2005), with ``s``
  suppressed rows and ``N = n + s`` the rows before suppression: ARX's and pycanon's
  convention (a suppressed row is indistinguishable from all ``N``).
- classification metric ``CM = (sum_j (n_j - m_j) + s) / N`` (Iyengar, KDD 2002), with
  ``m_j`` the rows of class ``j`` holding its most frequent value of a target column (the
  column a classifier would predict): the share of rows a majority vote per class gets
  wrong, suppressed rows counting as wrong. A tie counts one majority value (pycanon counts
  every tied value as a majority, which understates CM). With a person column the
  majority's share is taken over persons.
- non-uniform entropy (de Waal and Willenborg 1999; ARX's "non-uniform entropy"): bits lost
  by generalising, ``sum over rows and quasi-identifiers of log2(N_g / N_v)``; it compares
  each record with its original, so only the search (which maps every original value to its
  generalisation) measures it, and ``anonymise`` reports the search's figure.
- per quasi-identifier: distinct values before (when the data before transformations are
  known: ``anonymise``, the search) and after.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import polars as pl

from safelink.disclosure.counts import class_table
from safelink.disclosure.equivalence import CID, OWN_ROWS, PERSONS, ClassTable
from safelink.errors import InputError


@dataclass(frozen=True, slots=True, kw_only=True)
class QuasiIdentifierUtility:
    """Distinct values of one quasi-identifier (a missing value counts as one).

    Attributes:
        distinct_before: distinct values before the transformations (None when unknown).
        distinct_after: distinct values in the data measured.
    """

    distinct_before: int | None
    distinct_after: int


@dataclass(frozen=True, slots=True, kw_only=True)
class UtilitySummary:
    """What a release still tells (see the module docstring for each definition).

    Attributes:
        rows: rows kept.
        suppressed_rows: rows removed by suppression.
        classes: equivalence classes (the data's own).
        average_class_size: ``rows / classes``.
        k: the k that ``c_avg`` is normalised by.
        c_avg: ``average_class_size / k`` (1 is ideal).
        discernibility: ``sum of squared class sizes + suppressed_rows * (rows + suppressed)``.
        non_uniform_entropy: bits lost by generalising (None when not measured).
        target: the column the classification metric predicts (None: not measured).
        classification_metric: the share of rows a per-class majority vote gets wrong.
        quasi_identifiers: distinct values per quasi-identifier, before and after.
    """

    rows: int
    suppressed_rows: int
    classes: int
    average_class_size: float
    k: int
    c_avg: float
    discernibility: float
    non_uniform_entropy: float | None = None
    target: str | None = None
    classification_metric: float | None = None
    quasi_identifiers: Mapping[str, QuasiIdentifierUtility] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        out = asdict(self)
        out["quasi_identifiers"] = {q: asdict(v) for q, v in self.quasi_identifiers.items()}
        return out


def distinct_values(table: ClassTable, quasi: Sequence[str]) -> dict[str, int]:
    """Distinct values of each quasi-identifier, read from a class table's keys."""
    classes = table.classes
    return {q: int(classes[q].n_unique()) for q in quasi}


def utility_summary(
    table: ClassTable,
    quasi: Sequence[str],
    *,
    k: int | None = None,
    suppressed: int = 0,
    target: str | None = None,
    before: Mapping[str, int] | None = None,
    non_uniform_entropy: float | None = None,
) -> UtilitySummary:
    """Utility from a class table counted from records (any engine); see :func:`utility`.

    Args:
        table: the class table (:func:`~safelink.disclosure.counts.count_classes`).
        quasi: its quasi-identifiers.
        k: the k that ``C_avg`` is normalised by (None: the smallest class, as pycanon).
        suppressed: rows the transformations removed.
        target: a column for the classification metric (counted on the same table).
        before: distinct values per quasi-identifier before the transformations.
        non_uniform_entropy: the loss in bits, when measured (the search).
    """
    # the target's counts first: without a person column the classes are read from them
    counts = table.frequencies(target) if target is not None else None
    classes = table.classes
    sizes = classes[OWN_ROWS].cast(pl.Float64)
    rows = int(sizes.sum())
    count = classes.height
    smallest = int(sizes.min())  # type: ignore[arg-type]
    norm = smallest if k is None else k
    everything = rows + suppressed
    metric = None
    if counts is not None:
        majority = counts.group_by(CID).agg(
            (pl.col(PERSONS).max() / pl.col(PERSONS).sum()).alias("__m")
        )
        share = table.per_class(majority, "__m")
        wrong = float((sizes * (1.0 - share)).sum())
        metric = (wrong + suppressed) / everything
    before = before or {}
    return UtilitySummary(
        rows=rows,
        suppressed_rows=suppressed,
        classes=count,
        average_class_size=rows / count,
        k=norm,
        c_avg=rows / count / norm,
        discernibility=float((sizes**2).sum()) + float(suppressed) * everything,
        non_uniform_entropy=non_uniform_entropy,
        target=target,
        classification_metric=metric,
        quasi_identifiers={
            q: QuasiIdentifierUtility(distinct_before=before.get(q), distinct_after=after)
            for q, after in distinct_values(table, quasi).items()
        },
    )


def utility(
    data: Any,
    quasi: Sequence[str],
    *,
    k: int | None = None,
    target: str | None = None,
    original: Any = None,
    suppressed: int | None = None,
    person: str | None = None,
) -> UtilitySummary:
    """Measure the utility metrics of a release (and, given the original, what it lost).

    Args:
        data: the release: a pandas, polars or Spark DataFrame.
        quasi: the quasi-identifier columns.
        k: the k that ``C_avg`` is normalised by (None: the release's smallest class).
        target: a column for the classification metric.
        original: the data before anonymisation, with the same quasi-identifier columns:
            gives the distinct values before, and (unless ``suppressed`` is given) the
            suppressed rows as the rows it has beyond the release's.
        suppressed: rows removed by suppression.
        person: a person id column (the classification metric's majority over persons).

    Returns:
        A :class:`UtilitySummary`.

    Raises:
        InputError: a bad frame or column, or an original with fewer rows than the release.

    Example:
        >>> import polars as pl
        >>> release = pl.DataFrame({"age": ["40-44"] * 3 + ["45-49"] * 2})
        >>> utility(release, ["age"], k=2).discernibility
        13.0
    """
    extra = [target] if target is not None else []
    table = class_table(data, quasi, sensitive=extra, person=person)
    before = None
    if original is not None:
        source = class_table(original, quasi, person=person)
        before = distinct_values(source, quasi)
        if suppressed is None:
            suppressed = source.totals().rows - table.totals().rows
            if suppressed < 0:
                raise InputError(
                    "the original has fewer rows than the release; pass the data before "
                    "anonymisation as 'original'."
                )
    return utility_summary(
        table, quasi, k=k, suppressed=suppressed or 0, target=target, before=before
    )


__all__ = [
    "QuasiIdentifierUtility",
    "UtilitySummary",
    "distinct_values",
    "utility",
    "utility_summary",
]
