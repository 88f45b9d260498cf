"""Records on Spark with their roles and history: what ``anonymise`` needs of a Frame.

:class:`SparkFrame` is the part of :class:`~safelink.disclosure.frame.Frame` that
:func:`~safelink.disclosure.anonymise` uses, for a Spark DataFrame. Every value-changing step
(drop, generalise, coarsen, top/bottom code, surrogates, date shifts) is the engine-neutral
one of :class:`~safelink.disclosure.recode.Recoding`, run through the Spark backend; the search
and the criteria are the shared code (they read the class table counted by SQL on Spark);
suppression is a SQL anti-join on Spark against the suppressed classes, made on the driver.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import polars as pl

from safelink.disclosure.counts import DATA, count_classes
from safelink.disclosure.criteria import Criterion, violating
from safelink.disclosure.equivalence import SIZE, ClassTable
from safelink.disclosure.hierarchies import Hierarchy
from safelink.disclosure.models import KAnonymitySummary, k_summary
from safelink.disclosure.recode import Recoding, Transformation
from safelink.engines.backend import SparkBackend
from safelink.engines.spark_disclosure_check import prepare_spark
from safelink.engines.sql import quote
from safelink.errors import DisclosureRiskError, InputError

if TYPE_CHECKING:
    from pyspark.sql import DataFrame


def suppress_sql(columns: Sequence[str], quasi: Sequence[str]) -> str:
    """The records whose class is not listed in ``SUPPRESSED`` (its quasi-identifiers).

    An anti-join written as a left join (null-safe: a missing value is a value; Spark and
    DuckDB hash-join on ``IS NOT DISTINCT FROM``).
    """
    on = " AND ".join(f"(d.{quote(q)} IS NOT DISTINCT FROM s.{quote(q)})" for q in quasi)
    keep = ", ".join(f"d.{quote(c)}" for c in columns)
    keys = ", ".join(quote(q) for q in quasi)
    return (
        f"SELECT {keep} FROM {DATA} AS d LEFT JOIN "  # noqa: S608
        f"(SELECT {keys}, 1 AS __hit FROM {SUPPRESSED}) AS s ON {on} WHERE s.__hit IS NULL"
    )


SUPPRESSED = "__safelink_suppressed"


class SparkFrame(Recoding):
    """The records of a Spark DataFrame with their roles and history, for ``anonymise``.

    The part of :class:`~safelink.disclosure.frame.Frame` that
    :func:`~safelink.disclosure.anonymise` uses (the :class:`Recoding` steps, suppress
    violating classes, measure), with the same :class:`Transformation` records: the class
    table is counted by the shared SQL on Spark and the criteria judge it on the driver.
    """

    def __init__(
        self,
        data: DataFrame,
        *,
        quasi: Sequence[str],
        sensitive: Sequence[str] = (),
        person: str | None = None,
        identifying: Sequence[str] = (),
        missing: str = "value",
        hierarchies: Mapping[str, Hierarchy] | None = None,
    ) -> None:
        """Validate ``data`` (:func:`prepare_spark`) and keep the roles."""
        self.records = prepare_spark(
            data, quasi, sensitive=sensitive, person=person, missing=missing
        )
        self.quasi: tuple[str, ...] = tuple(quasi)
        self.sensitive: tuple[str, ...] = tuple(sensitive)
        self.person = person
        self.identifying: frozenset[str] = frozenset(identifying)
        self.missing = missing
        self.hierarchies: dict[str, Hierarchy] = dict(hierarchies or {})
        self.transformations: tuple[Transformation, ...] = ()
        self._backend = SparkBackend(self.records.sparkSession)
        self._height: int | None = None

    def _table(self) -> DataFrame:
        return self.records

    def _adopt(self, table: Any, step: Transformation, **changes: Any) -> SparkFrame:
        return self._derive(table, step, **changes)

    def _derive(self, records: DataFrame, step: Transformation, **changes: Any) -> SparkFrame:
        new = object.__new__(SparkFrame)
        new.__dict__.update(self.__dict__)
        new.records = records
        new._height = None
        new.transformations = (*self.transformations, step)
        for name, value in changes.items():
            setattr(new, name, value)
        return new

    @property
    def schema(self) -> pl.Schema:
        """The records' column types, as polars reads them."""
        return self._backend.collect(self.records.limit(0)).schema

    @property
    def height(self) -> int:
        """The number of records (one Spark job, kept)."""
        if self._height is None:
            self._height = int(self.records.count())
        return self._height

    def class_table(self) -> ClassTable:
        """The equivalence classes, counted by the shared SQL on Spark."""
        return self._classes(self.records)

    def _classes(self, records: DataFrame) -> ClassTable:
        return count_classes(
            records, self.quasi, person=self.person, missing=self.missing, backend=self._backend
        )

    def _persons(self, records: DataFrame) -> int:
        sql = f"SELECT COUNT(DISTINCT {quote(str(self.person))}) AS n FROM {DATA}"  # noqa: S608
        return int(self._backend.collect(self._backend.query(sql, {DATA: records}))["n"][0])

    def k_anonymity(self) -> KAnonymitySummary:
        """k-anonymity over rows and persons."""
        return k_summary(self.class_table(), self.missing)

    def suppress(self, k: int, *, criteria: Sequence[Criterion] = ()) -> SparkFrame:
        """Remove the records of every class under ``k`` or violating a criterion, until none.

        See :meth:`Frame.suppress`: the same rounds and the same record of the step.
        """
        if not isinstance(k, int) or k < 2:
            raise InputError(f"k={k!r} is not a useful k-anonymity target; use k >= 2.")
        records = self.records
        while True:
            table = self._classes(records)
            failing = table.classes[SIZE] < k
            if criteria:
                failing = failing | violating(table, criteria)
            small = table.classes.filter(failing).select(self.quasi)
            if small.height == 0:
                break
            if small.height == table.height:
                what = f"under k={k}" if not criteria else f"under k={k} or violating a criterion"
                raise DisclosureRiskError(
                    f"suppressing classes {what} would remove every row; "
                    "generalise the quasi-identifiers first."
                )
            records = self._backend.query(
                suppress_sql(records.columns, self.quasi), {DATA: records, SUPPRESSED: small}
            )
        removed = self.height - int(records.count())
        persons = self._persons(self.records) - self._persons(records) if self.person else removed
        parameters: dict[str, Any] = {
            "k": k,
            "persons_suppressed": int(persons),
            "missing": self.missing,
        }
        if criteria:
            parameters["criteria"] = [criterion.name for criterion in criteria]
        step = Transformation(
            action="suppress",
            rows_suppressed=removed,
            cells_changed=removed * len(self.quasi),
            parameters=parameters,
        )
        return self._derive(records, step)


__all__ = ["SUPPRESSED", "SparkFrame", "suppress_sql"]
