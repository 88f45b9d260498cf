"""Generalisation hierarchies for UK data: ages, dates of birth, dates, postcodes, free tables.

A hierarchy turns one column's values into coarser ones, level by level. Level 0 is the value
as given; the last level is ``"*"`` (the column fully suppressed). Every level is a function of
the level below it (bands nest, a district is inside one area), which the minimal-generalisation
search relies on and :func:`level_codes` checks.

Missing values stay missing at every level but the last (``"*"`` covers everything), so the
frame's missing-value policy decides what they mean.

Error messages name the column and the level, never a value, with one exception: a free
(table) hierarchy that does not cover a category names the uncovered categories when the
column is not flagged identifying (a category such as an ethnicity code is not an identifier).
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from safelink.config import parse_yaml
from safelink.errors import ConfigError, InputError

STAR = "*"
_MAX_SHOWN = 5


def _as_int(expr: pl.Expr) -> pl.Expr:
    return expr.cast(pl.Float64, strict=False).floor().cast(pl.Int64)


def _band_label(age: pl.Expr, width: int, top: int | None) -> pl.Expr:
    lower = (age // width) * width
    upper = lower + width - 1
    if top is not None:
        upper = pl.min_horizontal(upper, pl.lit(top - 1))
    label = lower.cast(pl.String) + pl.lit("-") + upper.cast(pl.String)
    if top is None:
        return label
    return pl.when(age >= top).then(pl.lit(f"{top}+")).otherwise(label)


@dataclass(frozen=True, slots=True, kw_only=True)
class Hierarchy(ABC):
    """Base of every hierarchy: named levels and an expression per level.

    Attributes:
        name: a short name for reports and the manifest (``age``, ``postcode``, ...).
        levels: the level names, from the original (index 0) to ``"*"``.
        identifying: values of this column must never appear in a message.
    """

    name: str = "hierarchy"
    levels: tuple[str, ...] = ()
    identifying: bool = False

    def level_index(self, level: str | int, column: str) -> int:
        """Return the index of a level given by name or index.

        Raises:
            InputError: the level is not one of this hierarchy's.
        """
        if isinstance(level, int) and 0 <= level < len(self.levels):
            return level
        if isinstance(level, str) and level in self.levels:
            return self.levels.index(level)
        raise InputError(
            f"column {column!r}: hierarchy {self.name!r} has no level {level!r}; "
            f"use one of {list(self.levels)}."
        )

    def expr(self, column: str, level: int) -> pl.Expr:
        """Return a polars expression giving ``column`` generalised to ``level``."""
        if level == 0:
            return pl.col(column)
        if level == len(self.levels) - 1:
            return pl.lit(STAR, dtype=pl.String)
        return self._expr(pl.col(column), level)

    @abstractmethod
    def _expr(self, value: pl.Expr, level: int) -> pl.Expr:
        """Return ``value`` generalised to an intermediate ``level`` (each kind its own)."""

    def check(self, values: pl.Series, column: str) -> None:
        """Raise InputError when some non-missing value cannot be generalised.

        Args:
            values: the column's distinct values.
            column: its name, for the message.
        """
        if len(self.levels) <= 2:
            return
        out = pl.DataFrame({column: values}).select(self.expr(column, 1).alias("g"))
        bad = int((values.is_not_null() & out["g"].is_null()).sum())
        if bad:
            raise InputError(
                f"column {column!r}: {bad} distinct value(s) cannot be read as {self.name} "
                f"for level {self.levels[1]!r} (values not shown: the column may identify). "
                "Clean or recode them first."
            )


@dataclass(frozen=True, slots=True, kw_only=True)
class AgeHierarchy(Hierarchy):
    """Age in years to bands of growing width, optionally top-coded.

    Args:
        widths: band widths, each a multiple of the one before (nested), e.g. ``(5, 10, 20)``.
        top: ages at or above this are one band ``"90+"``; the band below it is cut short
            (``80-89`` with width 20), so bands still nest.

    Example:
        >>> AgeHierarchy(widths=(5, 10)).levels
        ('age', 'band5', 'band10', '*')
    """

    widths: tuple[int, ...] = (5, 10, 20)
    top: int | None = 90
    name: str = "age"
    levels: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        problems = _check_widths(self.widths, self.top)
        if problems:
            raise ConfigError(problems, source=f"hierarchy {self.name!r}")
        names = ("age", *(f"band{w}" for w in self.widths), STAR)
        object.__setattr__(self, "levels", names)

    def _expr(self, value: pl.Expr, level: int) -> pl.Expr:
        return _band_label(_as_int(value), self.widths[level - 1], self.top)


def generalised_name(column: str, hierarchy: str | None, level: str | None) -> str:
    """A name that says what a generalised column holds.

    A date of birth or an age in bands becomes ``age_band`` (a date of birth taken to ages,
    ``age``); a date coarsened to a month, quarter or year becomes ``STEM_month`` ... with
    ``_date`` dropped (``event_date`` -> ``event_year``); a postcode cut to a sector, district
    or area becomes ``postcode_sector`` ...; anything else keeps its name.

    Example:
        >>> generalised_name("dob", "date_of_birth", "band10")
        'age_band'
        >>> generalised_name("event_date", "date", "year")
        'event_year'
    """
    if level is None or level == STAR:
        return column
    if hierarchy in ("date_of_birth", "age"):
        if level == "age":
            return "age"
        if level.startswith("band"):
            return "age_band"
    if hierarchy == "date" and level in ("month", "quarter", "year"):
        stem = column.removesuffix("_date") or column
        return f"{stem}_{level}"
    if hierarchy == "postcode" and level in ("sector", "district", "area"):
        return f"postcode_{level}"
    return column


def _check_widths(widths: Sequence[int], top: int | None) -> list[str]:
    problems = []
    if not widths or any(not isinstance(w, int) or w < 1 for w in widths):
        problems.append("widths must be positive whole numbers")
    elif any(b % a for a, b in itertools.pairwise(widths)):
        problems.append(f"widths {list(widths)} do not nest: each must divide the next")
    if top is not None and (not isinstance(top, int) or top < 1):
        problems.append("top must be a positive whole number of years")
    return problems


@dataclass(frozen=True, slots=True, kw_only=True)
class DateOfBirthHierarchy(Hierarchy):
    """Date of birth to age at a reference date, then age bands.

    Args:
        reference: the date ages are computed at (record it in the manifest).
        widths: nested band widths.
        top: top-coding age.
    """

    reference: dt.date = field(default_factory=dt.date.today)
    widths: tuple[int, ...] = (5, 10, 20)
    top: int | None = 90
    name: str = "date_of_birth"
    identifying: bool = True
    levels: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        problems = _check_widths(self.widths, self.top)
        if problems:
            raise ConfigError(problems, source=f"hierarchy {self.name!r}")
        names = ("dob", "age", *(f"band{w}" for w in self.widths), STAR)
        object.__setattr__(self, "levels", names)

    def age(self, value: pl.Expr) -> pl.Expr:
        """Completed years of age at the reference date."""
        dob = _as_date(value)
        ref = self.reference
        before_birthday = (dob.dt.month() > ref.month) | (
            (dob.dt.month() == ref.month) & (dob.dt.day() > ref.day)
        )
        return (pl.lit(ref.year) - dob.dt.year()).cast(pl.Int64) - before_birthday.cast(pl.Int64)

    def _expr(self, value: pl.Expr, level: int) -> pl.Expr:
        age = self.age(value)
        if level == 1:
            return age.cast(pl.String)
        return _band_label(age, self.widths[level - 2], self.top)


def _as_date(value: pl.Expr) -> pl.Expr:
    """Read a Date, Datetime or ISO text column as a Date (unparseable text becomes null)."""
    text = value.cast(pl.String)
    return text.str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)


_DATE_LEVELS = ("date", "month", "quarter", "year", STAR)


@dataclass(frozen=True, slots=True, kw_only=True)
class DateHierarchy(Hierarchy):
    """Dates to month (``2024-03``), quarter (``2024-Q1``), year (``2024``).

    Args:
        identifying: set for dates of birth and other identifying dates.
    """

    name: str = "date"
    levels: tuple[str, ...] = _DATE_LEVELS

    def _expr(self, value: pl.Expr, level: int) -> pl.Expr:
        date = _as_date(value)
        year = date.dt.year().cast(pl.String)
        if level == 1:
            return date.dt.strftime("%Y-%m")
        if level == 2:
            return year + pl.lit("-Q") + date.dt.quarter().cast(pl.String)
        return year


_POSTCODE = r"^[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}$"


@dataclass(frozen=True, slots=True, kw_only=True)
class PostcodeHierarchy(Hierarchy):
    """UK postcodes to sector (``SW1A 1``), district (``SW1A``) and area (``SW``).

    Spacing and case are normalised first. Text that is not a full postcode is an error
    (its value is never shown).
    """

    name: str = "postcode"
    identifying: bool = True
    levels: tuple[str, ...] = ("postcode", "sector", "district", "area", STAR)

    def _expr(self, value: pl.Expr, level: int) -> pl.Expr:
        compact = value.cast(pl.String).str.to_uppercase().str.replace_all(r"\s+", "")
        valid = compact.str.contains(_POSTCODE)
        outward = compact.str.slice(0, compact.str.len_chars() - 3)
        if level == 1:
            out = outward + pl.lit(" ") + compact.str.slice(-3, 1)
        elif level == 2:
            out = outward
        else:
            out = outward.str.extract(r"^([A-Z]{1,2})", 1)
        return pl.when(valid).then(out).otherwise(pl.lit(None, dtype=pl.String))


@dataclass(frozen=True, slots=True, kw_only=True)
class TableHierarchy(Hierarchy):
    """A free hierarchy from a table: one row per original value, one column per level.

    Args:
        table: level name to the list of values at that level, row by row; the first level
            holds the original values (text), e.g. the 19 ONS ethnic categories and the 5
            groups they fall in.
    """

    table: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    levels: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        problems = []
        if not self.table:
            problems.append("the table has no levels")
        lengths = {len(v) for v in self.table.values()}
        if len(lengths) > 1:
            problems.append("every level must have one value per row")
        if self.table:
            first = next(iter(self.table.values()))
            if len(set(first)) != len(first):
                problems.append("the first level repeats a value; each original value once")
        if problems:
            raise ConfigError(problems, source=f"hierarchy {self.name!r}")
        names = tuple(self.table)
        if names[-1] != STAR:
            names = (*names, STAR)
        object.__setattr__(self, "levels", names)

    def _expr(self, value: pl.Expr, level: int) -> pl.Expr:
        keys = list(next(iter(self.table.values())))
        targets = list(self.table[self.levels[level]])
        return value.cast(pl.String).replace_strict(keys, targets, default=None)

    def check(self, values: pl.Series, column: str) -> None:
        """Raise InputError naming uncovered categories (unless the column identifies)."""
        known = set(next(iter(self.table.values())))
        present = [v for v in values.cast(pl.String).drop_nulls().to_list() if v not in known]
        if not present:
            return
        if self.identifying:
            shown = "values not shown: the column is flagged identifying"
        else:
            sample = sorted(present)[:_MAX_SHOWN]
            shown = f"e.g. {sample}"
        raise InputError(
            f"column {column!r}: hierarchy {self.name!r} does not cover {len(present)} "
            f"value(s) ({shown}). Add them to the hierarchy table."
        )


def load_table_hierarchy(path: Path | str, *, name: str | None = None) -> TableHierarchy:
    """Load a free hierarchy from a YAML or CSV file.

    YAML: ``{name: ..., levels: {level_name: [values...], ...}}`` or a list of rows
    ``rows: [[original, group], ...]`` with ``levels: [names]``. CSV: a header naming the
    levels, one row per original value.

    Raises:
        ConfigError: the file is missing, unreadable or not a valid hierarchy table.
    """
    path = Path(path)
    source = str(path)
    if not path.is_file():
        raise ConfigError([f"hierarchy file not found: {path}"], source=source)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            [f"cannot read hierarchy file: {exc.__class__.__name__}"], source
        ) from exc
    if path.suffix.lower() == ".csv":
        rows = list(csv.reader(text.splitlines()))
        if len(rows) < 2:
            raise ConfigError(["a CSV hierarchy needs a header and at least one row"], source)
        header, body = rows[0], rows[1:]
        if any(len(r) != len(header) for r in body):
            raise ConfigError(["every CSV row must have one value per level"], source)
        table = {h.strip(): tuple(r[i].strip() for r in body) for i, h in enumerate(header)}
        return TableHierarchy(name=name or path.stem, table=table)
    document = parse_yaml(text, source)
    return table_hierarchy_from_mapping(document, name=name or path.stem, source=source)


def table_hierarchy_from_mapping(
    document: Any, *, name: str, source: str = "<dict>"
) -> TableHierarchy:
    """Build a TableHierarchy from a parsed YAML mapping (see :func:`load_table_hierarchy`).

    Raises:
        ConfigError: the mapping is not a valid hierarchy table.
    """
    if not isinstance(document, Mapping) or "levels" not in document:
        raise ConfigError(["a hierarchy needs a 'levels' key"], source)
    levels = document["levels"]
    if isinstance(levels, Mapping):
        if not all(isinstance(v, list) for v in levels.values()):
            raise ConfigError(["each level must be a list of values"], source)
        table = {str(k): tuple(str(x) for x in v) for k, v in levels.items()}
    elif isinstance(levels, list) and isinstance(document.get("rows"), list):
        rows = document["rows"]
        if not all(isinstance(r, list) and len(r) == len(levels) for r in rows):
            raise ConfigError(["each row must list one value per level"], source)
        table = {str(h): tuple(str(r[i]) for r in rows) for i, h in enumerate(levels)}
    else:
        raise ConfigError(["'levels' must map names to lists, or list names with 'rows'"], source)
    return TableHierarchy(name=str(document.get("name", name)), table=table)


def level_codes(hierarchy: Hierarchy, values: pl.Series, column: str) -> list[np.ndarray]:
    """Integer codes of every distinct value at every level, and check the levels nest.

    Args:
        hierarchy: the column's hierarchy.
        values: the column's distinct values (level 0), in a fixed order.
        column: the column's name, for messages.

    Returns:
        One array per level: ``codes[level][i]`` is the code of ``values[i]`` at that level
        (codes are dense, ``0..n-1``; missing is a code of its own).

    Raises:
        InputError: some value is not covered, or a level is not a function of the one below.
    """
    hierarchy.check(values, column)
    frame = pl.DataFrame({column: values})
    out = frame.select(
        hierarchy.expr(column, level).cast(pl.String).alias(f"l{level}")
        for level in range(len(hierarchy.levels))
    )
    codes = [
        out[f"l{level}"].rank("dense").fill_null(0).to_numpy().astype(np.int64)
        for level in range(len(hierarchy.levels))
    ]
    for level in range(1, len(codes)):
        pairs = pl.DataFrame({"a": codes[level - 1], "b": codes[level]}).unique()
        if pairs.height != pairs["a"].n_unique():
            raise InputError(
                f"column {column!r}: hierarchy {hierarchy.name!r} level "
                f"{hierarchy.levels[level]!r} does not nest in {hierarchy.levels[level - 1]!r}; "
                "each value must map to one coarser value."
            )
    return codes
