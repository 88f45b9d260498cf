"""The fluent :class:`Frame`: generalise, coarsen, top-code, suppress, then measure.

Every method that changes the data returns a new Frame (the original is untouched) with one
more :class:`Transformation` recorded for the release manifest.

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

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
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
from safelink.disclosure.hierarchies import (
    AgeHierarchy,
    DateHierarchy,
    DateOfBirthHierarchy,
    Hierarchy,
    PostcodeHierarchy,
)
from safelink.disclosure.models import (
    KAnonymitySummary,
    LDiversitySummary,
    TClosenessSummary,
    k_anonymity,
    l_diversity,
    t_closeness,
)
from safelink.disclosure.risk import RiskSummary, record_risk, risk
from safelink.errors import DisclosureRiskError, InputError


@dataclass(frozen=True, slots=True, kw_only=True)
class Transformation:
    """One step applied to the data, as recorded in the release manifest.

    Attributes:
        action: ``generalise``, ``top_code``, ``bottom_code``, ``suppress`` or ``drop``.
        column: the column changed (None for record suppression).
        hierarchy: the hierarchy used, if any.
        level: the level generalised to, if any.
        cells_changed: cells whose value changed.
        rows_suppressed: rows removed.
        parameters: the settings used (widths, reference date, k, ...), JSON-ready.
    """

    action: str
    column: str | None = None
    hierarchy: str | None = None
    level: str | None = None
    cells_changed: int = 0
    rows_suppressed: int = 0
    parameters: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        out = asdict(self)
        out["parameters"] = dict(self.parameters)
        return out


_AGE_TARGETS = {"age", "age_band"}
_DATE_TARGETS = {"month", "quarter", "year"}
_POSTCODE_TARGETS = {"sector", "district", "area"}


class Frame:
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

    # -- plumbing -------------------------------------------------------------------------

    def _derive(self, data: pl.DataFrame, step: Transformation, **changes: Any) -> Frame:
        new = object.__new__(Frame)
        new.__dict__.update(self.__dict__)
        new._data = data
        new.transformations = (*self.transformations, step)
        for name, value in changes.items():
            setattr(new, name, value)
        return new

    def _require(self, column: str) -> None:
        if column not in self._data.columns:
            raise InputError(
                f"column {column!r} is not in the frame; columns are {sorted(self._data.columns)}."
            )

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

    # -- transformations ------------------------------------------------------------------

    def generalise(
        self,
        column: str,
        *,
        to: str | int,
        hierarchy: Hierarchy | None = None,
        width: int | None = None,
        top: int | None = None,
        reference: dt.date | None = None,
    ) -> Frame:
        """Replace a column's values by a coarser level of its hierarchy.

        Without ``hierarchy`` (or one set for the column), it is chosen from ``to``:
        ``age``/``age_band`` (a date of birth when the column holds dates, else an age;
        ``width`` sets the band, ``top`` top-codes, ``reference`` is the date ages are taken
        at, default today), ``month``/``quarter``/``year`` (dates), ``sector``/``district``/
        ``area`` (postcodes).

        Args:
            column: the column to generalise (keeps its name).
            to: the level, by name or index.
            hierarchy: the hierarchy to use.
            width: age band width.
            top: top-coding age for bands (e.g. 90 gives ``90+``).
            reference: the date ages are computed at.

        Returns:
            A new Frame.

        Raises:
            InputError: unknown column or level, or values the hierarchy does not cover.
        """
        self._require(column)
        chosen = hierarchy or self.hierarchies.get(column)
        if chosen is None or (isinstance(to, str) and to not in chosen.levels):
            chosen, to = self._infer(column, to, width=width, top=top, reference=reference)
        if column in self.identifying and not chosen.identifying:
            chosen = _with_identifying(chosen)
        level = chosen.level_index(to, column)
        chosen.check(self._data[column].unique(), column)
        new = self._data.with_columns(chosen.expr(column, level).cast(pl.String).alias(column))
        changed = int(new[column].ne_missing(self._data[column].cast(pl.String)).sum())
        step = Transformation(
            action="generalise",
            column=column,
            hierarchy=chosen.name,
            level=chosen.levels[level],
            cells_changed=changed,
            parameters=hierarchy_parameters(chosen),
        )
        return self._derive(new, step)

    def _infer(
        self,
        column: str,
        to: str | int,
        *,
        width: int | None,
        top: int | None,
        reference: dt.date | None,
    ) -> tuple[Hierarchy, str | int]:
        if to in _AGE_TARGETS:
            widths = (5,) if width is None else (width,)
            dtype = self._data.schema[column]
            is_date = dtype in (pl.Date, pl.Datetime) or (
                dtype == pl.String
                and self._data[column]
                .drop_nulls()
                .head(100)
                .str.contains(r"^\d{4}-\d{2}-\d{2}")
                .all()
            )
            if is_date:
                dob = DateOfBirthHierarchy(
                    reference=reference or dt.date.today(), widths=widths, top=top
                )
                return dob, "age" if to == "age" else f"band{widths[0]}"
            return AgeHierarchy(widths=widths, top=top), "age" if to == "age" else 1
        if to in _DATE_TARGETS:
            return DateHierarchy(identifying=column in self.identifying), to
        if to in _POSTCODE_TARGETS:
            return PostcodeHierarchy(), to
        raise InputError(
            f"column {column!r}: no hierarchy reaches {to!r}; pass hierarchy= or use one of "
            f"{sorted(_AGE_TARGETS | _DATE_TARGETS | _POSTCODE_TARGETS)}."
        )

    def coarsen(self, column: str, *, to: str) -> Frame:
        """Coarsen a date column to ``month``, ``quarter`` or ``year``.

        Raises:
            InputError: unknown column or level, or text that is not an ISO date.
        """
        if to not in _DATE_TARGETS:
            raise InputError(f"column {column!r}: coarsen to 'month', 'quarter' or 'year'.")
        hierarchy = DateHierarchy(identifying=column in self.identifying)
        return self.generalise(column, to=to, hierarchy=hierarchy)

    def top_code(self, column: str, threshold: float) -> Frame:
        """Replace values at or above ``threshold`` by ``threshold`` (e.g. ages 90+ by 90).

        Raises:
            InputError: unknown or non-numeric column.
        """
        return self._code(column, threshold, top=True)

    def bottom_code(self, column: str, threshold: float) -> Frame:
        """Replace values at or below ``threshold`` by ``threshold``.

        Raises:
            InputError: unknown or non-numeric column.
        """
        return self._code(column, threshold, top=False)

    def _code(self, column: str, threshold: float, *, top: bool) -> Frame:
        self._require(column)
        values = self._data[column]
        if not values.dtype.is_numeric():
            values = values.cast(pl.Float64, strict=False)
            if values.null_count() > self._data[column].null_count():
                raise InputError(
                    f"column {column!r} is not numeric; top/bottom coding needs numbers."
                )
        hit = (values >= threshold) if top else (values <= threshold)
        hit = hit.fill_null(False) & values.ne_missing(threshold)
        new_values = pl.select(
            pl.when(pl.lit(hit)).then(pl.lit(threshold)).otherwise(pl.lit(values))
        ).to_series()
        if values.dtype.is_integer() and float(threshold).is_integer():
            new_values = new_values.cast(values.dtype)
        new = self._data.with_columns(new_values.alias(column))
        step = Transformation(
            action="top_code" if top else "bottom_code",
            column=column,
            cells_changed=int(hit.sum()),
            parameters={"threshold": threshold},
        )
        return self._derive(new, step)

    def drop(self, *columns: str) -> Frame:
        """Remove columns (e.g. direct identifiers) from the data and from every role.

        Raises:
            InputError: unknown column, or dropping every quasi-identifier.
        """
        for column in columns:
            self._require(column)
        quasi = tuple(q for q in self.quasi if q not in columns)
        if not quasi:
            raise InputError("dropping these columns leaves no quasi-identifier to measure.")
        if self.person in columns:
            raise InputError(f"column {self.person!r} is the person column; it cannot be dropped.")
        step = Transformation(
            action="drop",
            cells_changed=self._data.height * len(columns),
            parameters={"columns": list(columns)},
        )
        return self._derive(
            self._data.drop(columns),
            step,
            quasi=quasi,
            sensitive=tuple(s for s in self.sensitive if s not in columns),
        )

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
        return self._derive(data, step)

    def class_table(self) -> ClassTable:
        """The equivalence classes as the criteria read them (:mod:`~.criteria`)."""
        return self._class_table(self._data)

    def _class_table(self, data: pl.DataFrame) -> ClassTable:
        return ClassTable.of_frame(data, self.quasi, person=self.person, missing=self.missing)

    # -- keyed surrogates (safelink.surrogate) ---------------------------------------------

    def surrogate(
        self,
        column: str,
        *,
        kind: str,
        keyring: Any,
        sex: str | None = None,
        keep_district: bool = False,
        values: Sequence[str] | None = None,
        label: str | None = None,
    ) -> Frame:
        """Replace a column by keyed surrogates (realistic fake values, same for same input).

        See :func:`safelink.surrogate.surrogate_column` for the kinds and options.

        Args:
            column: the column to replace (keeps its name).
            kind: ``surname``, ``forename``, ``nhs_number``, ``postcode``, ``phone``,
                ``email``, ``address`` or ``category``.
            keyring: the project keyring (its ``surrogate`` namespace is used).
            sex: forenames: a sex column, for sex-consistent surrogates.
            keep_district: postcodes: keep the district, change the inward code.
            values: categories: choose among these instead of the observed values.
            label: the key label (default: the column name).

        Returns:
            A new Frame.

        Raises:
            InputError: unknown column or kind, or an option that does not fit the kind.
        """
        from safelink.surrogate import surrogate_column, surrogate_transformation

        self._require(column)
        result = surrogate_column(
            self._data,
            column,
            kind=kind,
            keyring=keyring,
            sex=sex,
            keep_district=keep_district,
            values=values,
            label=label,
        )
        step = Transformation(**surrogate_transformation(result.report))
        return self._derive(self._data.with_columns(result.values), step)

    def shift_dates(
        self,
        *columns: str,
        keyring: Any,
        person: str | None = None,
        max_days: int = 180,
        min_days: int = 1,
        keep_weekday: bool = False,
        birth_column: str | None = None,
        keep_birth_year: bool = False,
        label: str = "dates",
    ) -> Frame:
        """Shift every date of each person by one keyed offset (intervals stay exact).

        See :func:`safelink.surrogate.shift_dates`; the report of what the shift keeps and
        what it does not is recorded in the transformation's parameters.

        Args:
            *columns: the date columns.
            keyring: the project keyring (its ``surrogate`` namespace is used).
            person: the person column (default: the Frame's ``person``).
            max_days: the largest offset either way.
            min_days: the smallest offset (0 lets a person's dates stay put).
            keep_weekday: offsets in whole weeks.
            birth_column: a date-of-birth column, shifted too.
            keep_birth_year: clamp shifted births into their year.
            label: the key label.

        Returns:
            A new Frame.

        Raises:
            InputError: no person column, unknown or unparseable columns, missing person ids.
        """
        from safelink.surrogate import date_shift_transformation, shift_dates

        who = person or self.person
        if who is None:
            raise InputError("shift_dates needs a person column: pass person= or set one.")
        result = shift_dates(
            self._data,
            columns,
            person=who,
            keyring=keyring,
            max_days=max_days,
            min_days=min_days,
            keep_weekday=keep_weekday,
            birth_column=birth_column,
            keep_birth_year=keep_birth_year,
            label=label,
        )
        step = Transformation(**date_shift_transformation(result.report))
        return self._derive(result.data, step)

    # -- measures -------------------------------------------------------------------------

    def k_anonymity(self) -> KAnonymitySummary:
        """k-anonymity over rows and persons (see :func:`safelink.disclosure.k_anonymity`)."""
        return k_anonymity(self._data, self.quasi, person=self.person, missing=self.missing)

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


def _with_identifying(hierarchy: Hierarchy) -> Hierarchy:
    import dataclasses

    return dataclasses.replace(hierarchy, identifying=True)


def hierarchy_parameters(hierarchy: Hierarchy) -> dict[str, Any]:
    """The settings of a hierarchy a generalisation step records (widths, top, reference)."""
    return {
        name: _jsonable(getattr(hierarchy, name))
        for name in ("widths", "top", "reference")
        if hasattr(hierarchy, name)
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value
