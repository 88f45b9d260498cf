"""Re-identification risk: prosecutor, journalist and marketer; sample uniques; per record.

Definitions (El Emam's, as ARX uses them), with ``f_j`` the size of class ``j`` in the data
(persons when a person column is given) and ``F_j`` its size in the population:

- prosecutor: the attacker knows the target is in the data. Record risk ``1/f_j``; the
  highest is ``1/min f_j``. Two averages, named so they cannot be confused:
  ``prosecutor_mean_per_record`` averages over records (``J/n``, with ``J`` classes and ``n``
  records: the expected share of records re-identified; ARX's and El Emam's average) and
  ``prosecutor_mean_per_class`` averages over classes (``(1/J) * sum_j 1/f_j``: pycanon's
  ``average_rir``), which weighs a class of one as much as a class of a thousand and so is
  never below the per-record average.
- journalist: the attacker does not know the target is in the data and matches against the
  population. Record risk ``1/F_j``; needs a population table (e.g. ONS mid-year estimates
  at the released granularity). A class the table does not list, or lists with fewer
  people than the data hold, falls back to ``F_j = f_j`` (counted in ``unmatched_classes``).
- marketer: the expected share of records re-identified when every record is matched:
  ``(1/n) * sum_j f_j / F_j`` (``J/n`` without a population table).

Sample uniques are classes of one person (or row).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import polars as pl

from safelink.disclosure.counts import class_table, count_classes
from safelink.disclosure.equivalence import (
    CID,
    OWN,
    SIZE,
    ClassTable,
    classes_of_records,
    prepare,
)
from safelink.errors import InputError
from safelink.infra.io import to_polars


@dataclass(frozen=True, slots=True, kw_only=True)
class RiskSummary:
    """Re-identification risk of a data set.

    Attributes:
        unit: ``"persons"`` or ``"rows"``: what class sizes count.
        records: persons (or rows) measured.
        classes: equivalence classes.
        prosecutor_max: highest prosecutor risk (1 / smallest class).
        prosecutor_mean_per_record: average prosecutor risk over records (``J/n``).
        prosecutor_mean_per_class: average prosecutor risk over classes (mean of ``1/f_j``).
        records_at_risk: share of records whose prosecutor risk exceeds ``threshold``.
        threshold: the risk threshold used (1/k of the profile).
        sample_uniques: classes of size one.
        sample_uniques_share: the share of records that are sample uniques.
        journalist_max: highest journalist risk (None without a population table).
        journalist_mean: average journalist risk over records (None without one).
        marketer: expected share of records re-identified by a marketer attack.
        population_uniques: classes of size one in the population (None without one).
        unmatched_classes: classes the population table did not cover.
    """

    unit: str
    records: int
    classes: int
    prosecutor_max: float
    prosecutor_mean_per_record: float
    prosecutor_mean_per_class: float
    records_at_risk: float
    threshold: float
    sample_uniques: int
    sample_uniques_share: float
    journalist_max: float | None
    journalist_mean: float | None
    marketer: float
    population_uniques: int | None
    unmatched_classes: int | None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return asdict(self)


def _population_sizes(
    classes: pl.DataFrame, quasi: Sequence[str], population: Any, count: str
) -> pl.DataFrame:
    pop = to_polars(population)
    missing = [c for c in [*quasi, count] if c not in pop.columns]
    if missing:
        raise InputError(
            f"population table lacks column(s) {missing}; it needs the quasi-identifiers "
            f"and a count column {count!r}."
        )
    pop = pop.group_by(list(quasi)).agg(pl.col(count).cast(pl.Float64).sum().alias("__F"))
    casts = [pl.col(q).cast(classes.schema[q]) for q in quasi]
    try:
        pop = pop.with_columns(casts)
    except pl.exceptions.PolarsError as exc:
        raise InputError(
            "population table's quasi-identifier columns cannot be read with the data's types; "
            "generalise both to the same levels."
        ) from exc
    return classes.join(pop, on=list(quasi), how="left", nulls_equal=True, maintain_order="left")


def risk(
    data: Any,
    quasi: Sequence[str],
    *,
    person: str | None = None,
    missing: str = "value",
    population: Any = None,
    population_count: str = "count",
    threshold: float = 0.2,
) -> RiskSummary:
    """Measure prosecutor, journalist and marketer risk and sample uniques.

    Args:
        data: a pandas, polars or Spark DataFrame.
        quasi: the quasi-identifier columns.
        person: a person id column; risk is then per person.
        missing: the missing-value policy for quasi-identifiers.
        population: optional population table: the quasi-identifiers (at the data's
            granularity) and a count column.
        population_count: the population table's count column.
        threshold: a record is "at risk" when its prosecutor risk is above this.

    Returns:
        A :class:`RiskSummary`.

    Raises:
        InputError: a bad frame, column or population table.
    """
    return risk_summary(
        class_table(data, quasi, person=person, missing=missing),
        quasi,
        population=population,
        population_count=population_count,
        threshold=threshold,
    )


def risk_summary(
    table: ClassTable,
    quasi: Sequence[str],
    *,
    population: Any = None,
    population_count: str = "count",
    threshold: float = 0.2,
) -> RiskSummary:
    """Risk from a class table counted from records (any engine); see :func:`risk`.

    Class sizes are ``SIZE`` (with wildcard extras); averages weigh each class by its own
    records (``OWN``); the population table is joined on the quasi-identifiers.
    """
    classes = table.classes
    size = SIZE
    records = int(classes[OWN].sum())
    f = classes[size].cast(pl.Float64)
    own_n = classes[OWN].cast(pl.Float64)
    journalist_max = journalist_mean = None
    population_uniques = unmatched = None
    big_f = f
    if population is not None:
        joined = _population_sizes(classes, quasi, population, population_count)
        raw = joined["__F"]
        unmatched = int((raw.is_null() | (raw < joined[size])).sum())
        big_f = joined.select(
            pl.max_horizontal(pl.col("__F").fill_null(0.0), pl.col(size).cast(pl.Float64))
        ).to_series()
        journalist_max = float((1.0 / big_f).max())  # type: ignore[arg-type]
        journalist_mean = float((own_n / big_f).sum()) / records
        population_uniques = int((big_f == 1).sum())
    per_record_risk = 1.0 / f
    return RiskSummary(
        unit=table.unit,
        records=records,
        classes=classes.height,
        prosecutor_max=float(per_record_risk.max()),  # type: ignore[arg-type]
        prosecutor_mean_per_record=float((own_n * per_record_risk).sum()) / records,
        prosecutor_mean_per_class=float(per_record_risk.mean()),  # type: ignore[arg-type]
        records_at_risk=float(own_n.filter(per_record_risk > threshold).sum()) / records,
        threshold=threshold,
        sample_uniques=int((f == 1).sum()),
        sample_uniques_share=float(own_n.filter(f == 1).sum()) / records,
        journalist_max=journalist_max,
        journalist_mean=journalist_mean,
        marketer=float((own_n / big_f).sum()) / records,
        population_uniques=population_uniques,
        unmatched_classes=unmatched,
    )


def record_risk(
    data: Any,
    quasi: Sequence[str],
    *,
    person: str | None = None,
    missing: str = "value",
    name: str = "risk",
) -> pl.DataFrame:
    """Return the data with each record's prosecutor risk (1 / its class size) added.

    Args:
        data: a pandas or polars DataFrame (returned as polars; the row order is kept).
        quasi: the quasi-identifier columns.
        person: count class sizes in distinct persons.
        missing: the missing-value policy.
        name: the new column's name.

    Returns:
        The frame with a Float64 column ``name``.

    Raises:
        InputError: a bad frame or column, or ``name`` already a column.
    """
    frame = prepare(data, quasi, person=person, missing=missing)
    if name in frame.columns:
        raise InputError(f"column {name!r} already exists; pass another name for the risk.")
    classes = count_classes(frame, quasi, person=person, missing=missing).classes
    ids = classes_of_records(frame, classes, quasi)
    sizes = classes.select(CID, (1.0 / pl.col(SIZE).cast(pl.Float64)).alias(name))
    risk_column = pl.DataFrame({CID: ids}).join(sizes, on=CID, how="left", maintain_order="left")
    return frame.with_columns(risk_column[name])
