"""The anonymise steps, written once for every engine: generalise, coarsen, code, surrogates.

:class:`Recoding` holds the steps that change values (and ``drop``) for both the local
:class:`~safelink.disclosure.frame.Frame` (polars) and the Spark engine's ``SparkFrame``: each
step is SQL run through the frame's :class:`~safelink.engines.backend.Backend`, or, for what
needs a key (surrogates, date shifts), one Arrow batch routine
(:mod:`safelink.surrogate.records`).

- ``generalise`` / ``coarsen``: the column's distinct values are counted by SQL, generalised
  by the hierarchy itself (its polars expression, on the small table of distinct values), and
  joined back (:meth:`Backend.recode`): the hierarchy stays the one definition of each level.
- ``top_code`` / ``bottom_code``: a SQL ``CASE`` expression (:meth:`Backend.with_columns`).

A frame supplies ``_backend``, ``_table()`` (its records as the backend's table), ``_adopt``
(a new frame over a new table, with one more :class:`Transformation`), ``schema`` and the
roles (``quasi``, ``sensitive``, ``person``, ``identifying``, ``hierarchies``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Self

import polars as pl

from safelink.disclosure.hierarchies import (
    AgeHierarchy,
    DateHierarchy,
    DateOfBirthHierarchy,
    Hierarchy,
    PostcodeHierarchy,
)
from safelink.engines.backend import Backend, run_query
from safelink.engines.sql import quote
from safelink.errors import InputError


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
_ISO_DATE = r"^\d{4}-\d{2}-\d{2}"


class Recoding(ABC):
    """The value-changing steps of a frame, on whatever engine holds its records."""

    _backend: Backend
    quasi: tuple[str, ...]
    sensitive: tuple[str, ...]
    person: str | None
    identifying: frozenset[str]
    hierarchies: dict[str, Hierarchy]

    # -- what a frame supplies ------------------------------------------------------------

    @abstractmethod
    def _table(self) -> Any:
        """The records as the backend's table."""

    @abstractmethod
    def _adopt(self, table: Any, step: Transformation, **changes: Any) -> Self:
        """A new frame over ``table`` (the backend's), with ``step`` recorded and ``changes``."""

    @property
    @abstractmethod
    def schema(self) -> pl.Schema:
        """The current column types."""

    @property
    @abstractmethod
    def height(self) -> int:
        """The number of records."""

    def _query(self, sql: str) -> pl.DataFrame:
        """``sql`` over the records (``{data}``), computed and brought back."""
        return self._backend.collect(run_query(self._backend, sql, data=self._table()))

    def _require(self, column: str) -> None:
        names = list(self.schema)
        if column not in names:
            raise InputError(f"column {column!r} is not in the frame; columns are {sorted(names)}.")

    # -- steps ----------------------------------------------------------------------------

    def drop(self, *columns: str) -> Self:
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
        kept = ", ".join(quote(c) for c in self.schema if c not in columns)
        step = Transformation(
            action="drop",
            cells_changed=self.height * len(columns),
            parameters={"columns": list(columns)},
        )
        return self._adopt(
            run_query(self._backend, f"SELECT {kept} FROM {{data}}", data=self._table()),  # noqa: S608
            step,
            quasi=quasi,
            sensitive=tuple(s for s in self.sensitive if s not in columns),
        )

    def generalise(
        self,
        column: str,
        *,
        to: str | int,
        hierarchy: Hierarchy | None = None,
        width: int | None = None,
        top: int | None = None,
        reference: dt.date | None = None,
    ) -> Self:
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
            A new frame.

        Raises:
            InputError: unknown column or level, or values the hierarchy does not cover.
        """
        self._require(column)
        chosen = hierarchy or self.hierarchies.get(column)
        if chosen is None or (isinstance(to, str) and to not in chosen.levels):
            chosen, to = self._infer(column, to, width=width, top=top, reference=reference)
        if column in self.identifying and not chosen.identifying:
            chosen = dataclasses.replace(chosen, identifying=True)
        level = chosen.level_index(to, column)
        c = quote(column)
        values = self._query(f"SELECT {c}, COUNT(*) AS __n FROM {{data}} GROUP BY {c}")  # noqa: S608
        chosen.check(values[column], column)
        mapping = values.select(
            pl.col(column).alias("__o"),
            chosen.expr(column, level).cast(pl.String).alias("__g"),
            pl.col("__n").cast(pl.Int64),
        )
        changed = int(
            mapping.filter(pl.col("__g").ne_missing(pl.col("__o").cast(pl.String)))["__n"].sum()
        )
        step = Transformation(
            action="generalise",
            column=column,
            hierarchy=chosen.name,
            level=chosen.levels[level],
            cells_changed=changed,
            parameters=hierarchy_parameters(chosen),
        )
        return self._adopt(self._backend.recode(self._table(), column, mapping.drop("__n")), step)

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
            dtype = self.schema[column]
            is_date = dtype in (pl.Date, pl.Datetime)
            if dtype == pl.String:
                c = quote(column)
                sample = self._query(f"SELECT {c} FROM {{data}} WHERE {c} IS NOT NULL LIMIT 100")  # noqa: S608
                is_date = bool(sample[column].str.contains(_ISO_DATE).all())
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

    def coarsen(self, column: str, *, to: str) -> Self:
        """Coarsen a date column to ``month``, ``quarter`` or ``year``.

        Raises:
            InputError: unknown column or level, or text that is not an ISO date.
        """
        if to not in _DATE_TARGETS:
            raise InputError(f"column {column!r}: coarsen to 'month', 'quarter' or 'year'.")
        hierarchy = DateHierarchy(identifying=column in self.identifying)
        return self.generalise(column, to=to, hierarchy=hierarchy)

    def top_code(self, column: str, threshold: float) -> Self:
        """Replace values at or above ``threshold`` by ``threshold`` (e.g. ages 90+ by 90).

        Raises:
            InputError: unknown or non-numeric column.
        """
        return self._code(column, threshold, top=True)

    def bottom_code(self, column: str, threshold: float) -> Self:
        """Replace values at or below ``threshold`` by ``threshold``.

        Raises:
            InputError: unknown or non-numeric column.
        """
        return self._code(column, threshold, top=False)

    def _code(self, column: str, threshold: float, *, top: bool) -> Self:
        self._require(column)
        dtype = self.schema[column]
        c = quote(column)
        value = c if dtype.is_numeric() else f"TRY_CAST({c} AS DOUBLE)"
        whole = dtype.is_integer() and float(threshold).is_integer()
        bound = str(int(threshold)) if whole else f"CAST({float(threshold)!r} AS DOUBLE)"
        hit = f"{value} {'>' if top else '<'} {bound}"
        counts = self._query(
            f"SELECT SUM(CASE WHEN {hit} THEN 1 ELSE 0 END) AS hit, "  # noqa: S608
            f"SUM(CASE WHEN {c} IS NOT NULL AND {value} IS NULL THEN 1 ELSE 0 END) AS bad "
            "FROM {data}"
        )
        if counts["bad"][0]:
            raise InputError(f"column {column!r} is not numeric; top/bottom coding needs numbers.")
        records = self._backend.with_columns(
            self._table(), {column: f"CASE WHEN {hit} THEN {bound} ELSE {value} END"}
        )
        step = Transformation(
            action="top_code" if top else "bottom_code",
            column=column,
            cells_changed=int(counts["hit"][0] or 0),
            parameters={"threshold": threshold},
        )
        return self._adopt(records, step)

    # -- keyed steps (safelink.surrogate) ---------------------------------------------------

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
    ) -> Self:
        """Replace a column by keyed surrogates (realistic fake values, same for same input).

        See :func:`safelink.surrogate.surrogate_column` for the kinds and options; every
        engine gives the same values (:mod:`safelink.surrogate.records`).

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
            A new frame.

        Raises:
            InputError: unknown column or kind, or an option that does not fit the kind.
        """
        from safelink.surrogate import surrogate_transformation
        from safelink.surrogate.records import surrogate_records

        self._require(column)
        records, report = surrogate_records(
            self._backend,
            self._table(),
            column,
            kind=kind,
            keyring=keyring,
            sex=sex,
            keep_district=keep_district,
            values=values,
            label=label,
        )
        return self._adopt(records, Transformation(**surrogate_transformation(report)))

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
    ) -> Self:
        """Shift every date of each person by one keyed offset (intervals stay exact).

        See :func:`safelink.surrogate.shift_dates`; the report of what the shift keeps and
        what it does not is recorded in the transformation's parameters.

        Args:
            *columns: the date columns.
            keyring: the project keyring (its ``surrogate`` namespace is used).
            person: the person column (default: the frame's ``person``).
            max_days: the largest offset either way.
            min_days: the smallest offset (0 lets a person's dates stay put).
            keep_weekday: offsets in whole weeks.
            birth_column: a date-of-birth column, shifted too.
            keep_birth_year: clamp shifted births into their year.
            label: the key label.

        Returns:
            A new frame.

        Raises:
            InputError: no person column, unknown or unparseable columns, missing person ids.
        """
        from safelink.surrogate import date_shift_transformation
        from safelink.surrogate.records import shift_records

        who = person or self.person
        if who is None:
            raise InputError("shift_dates needs a person column: pass person= or set one.")
        records, report = shift_records(
            self._backend,
            self._table(),
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
        return self._adopt(records, Transformation(**date_shift_transformation(report)))


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


__all__ = ["Recoding", "Transformation", "hierarchy_parameters"]
