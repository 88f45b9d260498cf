"""The fluent :class:`Frame`: generalise, coarsen, top-code, suppress, then measure.

Every method that changes the data returns a new Frame (the original is untouched) with one
more :class:`Transformation` recorded for the release manifest. The value-changing steps are
the engine-neutral ones of :class:`~safelink.disclosure.recode.Recoding`, run here on polars.

Example::

    frame = (
        Frame(df, quasi=["dob", "sex", "postcode"], sensitive=["diagnosis"], person="pid")
        .generalise("dob", to="age_band", width=5, reference=dt.date(2025, 3, 31))
        .generalise("postcode", to="district")
        .suppress(k=5)
    )
    frame.k_anonymity().k >= 5
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl

from safelink.disclosure.criteria import Criterion, violating
from safelink.disclosure.equivalence import (
    CID,
    SIZE,
    ClassTable,
    classes_of_records,
    prepare,
)
from safelink.disclosure.hierarchies import Hierarchy
from safelink.disclosure.models import (
    KAnonymitySummary,
    LDiversitySummary,
    TClosenessSummary,
    k_summary,
    l_diversity,
    t_closeness,
)
from safelink.disclosure.recode import Recoding, Transformation
from safelink.disclosure.risk import RiskSummary, record_risk, risk
from safelink.engines.backend import PolarsBackend
from safelink.errors import DisclosureRiskError, InputError


class Frame(Recoding):
    """A DataFrame with its quasi-identifiers, sensitive attributes and history.

    Args:
        data: a pandas or polars DataFrame (pandas' index is ignored).
        quasi: the quasi-identifier columns.
        sensitive: the sensitive attribute columns.
        person: a person id column: classes then count distinct persons.
        identifying: columns whose values must never appear in a message (postcodes and
            dates of birth are treated so whatever this says).
        missing: ``"value"`` or ``"wildcard"`` (see :mod:`safelink.disclosure.equivalence`).
        hierarchies: hierarchies to use per column by default (e.g. loaded from a table).

    Raises:
        InputError: an empty frame, unknown columns or a missing person id.
    """

    def __init__(
        self,
        data: Any,
        *,
        quasi: Sequence[str],
        sensitive: Sequence[str] = (),
        person: str | None = None,
        identifying: Sequence[str] = (),
        missing: str = "value",
        hierarchies: Mapping[str, Hierarchy] | None = None,
    ) -> None:
        self._pandas = type(data).__module__.startswith("pandas")
        self._data = prepare(data, quasi, sensitive=sensitive, person=person, missing=missing)
        self.quasi: tuple[str, ...] = tuple(quasi)
        self.sensitive: tuple[str, ...] = tuple(sensitive)
        self.person = person
        self.identifying: frozenset[str] = frozenset(identifying)
        self.missing = missing
        self.hierarchies: dict[str, Hierarchy] = dict(hierarchies or {})
        self.transformations: tuple[Transformation, ...] = ()
        # The class table of these records, counted once: the suppression step, the check
        # after it and k-anonymity all read it (a group-by over every record).
        self._classes: ClassTable | None = None

    _backend = PolarsBackend()

    # -- plumbing -------------------------------------------------------------------------

    def _table(self) -> pl.DataFrame:
        return self._data

    def _adopt(self, table: Any, step: Transformation, **changes: Any) -> Frame:
        return self._derive(self._backend.collect(table), step, **changes)

    def _derive(self, data: pl.DataFrame, step: Transformation, **changes: Any) -> Frame:
        new = object.__new__(Frame)
        new.__dict__.update(self.__dict__)
        new._data = data
        new._classes = None  # new records: counted again when first read
        new.transformations = (*self.transformations, step)
        for name, value in changes.items():
            setattr(new, name, value)
        return new

    def __repr__(self) -> str:
        return (
            f"Frame(rows={self._data.height}, quasi={list(self.quasi)}, "
            f"sensitive={list(self.sensitive)}, transformations={len(self.transformations)})"
        )

    # -- output ---------------------------------------------------------------------------

    def to_polars(self) -> pl.DataFrame:
        """The current data as a polars DataFrame."""
        return self._data

    def to_pandas(self) -> Any:
        """The current data as a pandas DataFrame (with a fresh default index)."""
        return self._data.to_pandas()

    @property
    def data(self) -> Any:
        """The current data in the flavour it was given in (pandas or polars)."""
        return self.to_pandas() if self._pandas else self._data

    @property
    def height(self) -> int:
        """The number of rows."""
        return self._data.height

    @property
    def records(self) -> pl.DataFrame:
        """The current records as the engine holds them (here polars: :meth:`to_polars`)."""
        return self._data

    @property
    def schema(self) -> pl.Schema:
        """The current column types."""
        return self._data.schema

    # -- transformations (generalise, coarsen, code, surrogates: Recoding) -------------

    def suppress(self, k: int, *, criteria: Sequence[Criterion] = ()) -> Frame:
        """Remove the records of every class with fewer than ``k`` members or violating a criterion.

        Members are persons when a person column is set. Removing records can make other
        classes fail (with ``missing="wildcard"`` a class shrinks; t-closeness compares each
        class with the table left), so this repeats until no class left fails.

        Args:
            k: the smallest class size kept.
            criteria: further criteria (:mod:`safelink.disclosure.criteria`) whose violating
                classes are suppressed too; they are named in the step's record.

        Raises:
            InputError: k < 2.
            DisclosureRiskError: suppression would leave no rows.
        """
        if not isinstance(k, int) or k < 2:
            raise InputError(f"k={k!r} is not a useful k-anonymity target; use k >= 2.")
        data = self._data
        while True:
            table = self._class_table(data)
            classes = table.classes
            failing = classes[SIZE] < k
            if criteria:
                failing = failing | violating(table, criteria)
            small = classes.filter(failing)
            if small.height == 0:
                break
            ids = classes_of_records(data, classes, self.quasi)
            keep = ~ids.is_in(small[CID].implode())
            if not keep.any():
                # Not bad input: the data cannot meet the target as generalised so far.
                what = f"under k={k}" if not criteria else f"under k={k} or violating a criterion"
                raise DisclosureRiskError(
                    f"suppressing classes {what} would remove every row; "
                    "generalise the quasi-identifiers first."
                )
            data = data.filter(keep)
        removed = self._data.height - data.height
        persons = (
            self._data[self.person].n_unique() - data[self.person].n_unique()
            if self.person
            else removed
        )
        parameters: dict[str, Any] = {
            "k": k,
            "persons_suppressed": persons,
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
        # The last table counted is the kept records' own (no class failed in it).
        return self._derive(data, step, _classes=table)

    def class_table(self) -> ClassTable:
        """The equivalence classes as the criteria read them (:mod:`~.criteria`).

        Counted once per frame (its records never change: every step derives a new frame).
        """
        if self._classes is None:
            self._classes = self._class_table(self._data)
        return self._classes

    def _class_table(self, data: pl.DataFrame) -> ClassTable:
        return ClassTable.of_frame(data, self.quasi, person=self.person, missing=self.missing)

    # -- measures -------------------------------------------------------------------------

    def k_anonymity(self) -> KAnonymitySummary:
        """k-anonymity over rows and persons (see :func:`safelink.disclosure.k_anonymity`)."""
        return k_summary(self.class_table(), self.missing)

    def l_diversity(self, *, l: int = 2) -> dict[str, LDiversitySummary]:  # noqa: E741
        """l-diversity of each sensitive attribute; ``l`` is for recursive (c, l)."""
        return l_diversity(
            self._data,
            self.quasi,
            self.sensitive,
            l=l,
            person=self.person,
            missing=self.missing,
        )

    def t_closeness(
        self, *, ordered: Mapping[str, Sequence[Any]] | None = None
    ) -> dict[str, TClosenessSummary]:
        """t-closeness of each sensitive attribute (EMD; ordered for numbers)."""
        return t_closeness(
            self._data,
            self.quasi,
            self.sensitive,
            ordered=ordered,
            person=self.person,
            missing=self.missing,
        )

    def risk(
        self, *, population: Any = None, population_count: str = "count", threshold: float = 0.2
    ) -> RiskSummary:
        """Prosecutor, journalist (with a population table) and marketer risk."""
        return risk(
            self._data,
            self.quasi,
            person=self.person,
            missing=self.missing,
            population=population,
            population_count=population_count,
            threshold=threshold,
        )

    def record_risk(self, *, name: str = "risk") -> Any:
        """The data with each record's prosecutor risk added, in the input's flavour."""
        out = record_risk(
            self._data, self.quasi, person=self.person, missing=self.missing, name=name
        )
        return out.to_pandas() if self._pandas else out

    def report(self, profile: Any = "tre", **kwargs: Any) -> Any:
        """Measure the frame against a release profile (see :func:`check_frame`).

        Args:
            profile: a profile name (``tre``, ``publication``) or a :class:`ReleaseProfile`.
            **kwargs: passed to :func:`safelink.disclosure.control.check_frame`.

        Returns:
            A :class:`DisclosureReport`.
        """
        from safelink.disclosure.control import check_frame

        return check_frame(self, profile=profile, **kwargs)
