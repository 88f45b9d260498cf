"""Apply a ``surrogate:`` config to a file: date shifts, then keyed surrogates.

A config (its own YAML file, or the ``surrogate:`` section of a larger one)::

    key_file: keys/project.key        # optional; --key-file wins
    surrogate:
      columns:
        nhs_number: nhs_number         # shorthand for {kind: nhs_number}
        surname: {kind: surname}
        forename: {kind: forename, sex: sex}
        postcode: {kind: postcode, keep_district: true}
        ethnicity: {kind: category}
        mrn: {kind: category, values: [A, B, C], label: hospital_ref}
      dates:
        person: person_id
        columns: [admitted, discharged]
        max_days: 180                  # default 180
        min_days: 1                    # default 1 (0 lets a person's dates stay put)
        keep_weekday: false
        birth_column: dob
        keep_birth_year: true
        label: dates

Dates are shifted first, so that offsets are keyed on the original person ids even when the
person column is itself given a surrogate.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from safelink.config import load_yaml
from safelink.errors import ConfigError
from safelink.io import read_frame, write_csv_safe, write_json, write_parquet
from safelink.paths import project_root, resolve_config_path
from safelink.surrogate._draw import KeySource
from safelink.surrogate.dates import ShiftReport, shift_dates
from safelink.surrogate.kinds import Kind, SurrogateReport, surrogate_column

_COLUMN_KEYS = frozenset({"kind", "sex", "keep_district", "values", "label"})
_DATES_KEYS = frozenset(
    {
        "person",
        "columns",
        "max_days",
        "min_days",
        "keep_weekday",
        "birth_column",
        "keep_birth_year",
        "label",
    }
)
_TOP_KEYS = frozenset({"columns", "dates"})
_PATH_KEYS = frozenset({"key_file", "audit_log"})


@dataclass(frozen=True, slots=True, kw_only=True)
class ColumnSpec:
    """How to surrogate one column (the keyword arguments of :func:`surrogate_column`)."""

    kind: Kind
    sex: str | None = None
    keep_district: bool = False
    values: tuple[str, ...] | None = None
    label: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DateShiftSpec:
    """How to shift dates (the keyword arguments of :func:`shift_dates`)."""

    person: str
    columns: tuple[str, ...]
    max_days: int = 180
    min_days: int = 1
    keep_weekday: bool = False
    birth_column: str | None = None
    keep_birth_year: bool = False
    label: str = "dates"


@dataclass(frozen=True, slots=True, kw_only=True)
class SurrogateConfig:
    """A validated ``surrogate:`` section.

    Attributes:
        columns: column name -> how to surrogate it, in order.
        dates: the date shift, if any.
        key_file: the key file the config names, if any.
        audit_log: the project's audit log the config names, if any (``safelink surrogate``
            appends to it).
        source: where it came from.
    """

    columns: Mapping[str, ColumnSpec] = field(default_factory=dict)
    dates: DateShiftSpec | None = None
    key_file: Path | None = None
    audit_log: Path | None = None
    source: str = "<dict>"


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _column_spec(name: str, raw: Any, problems: list[str]) -> ColumnSpec | None:
    where = f"surrogate.columns.{name}"
    if isinstance(raw, str):
        raw = {"kind": raw}
    if not isinstance(raw, Mapping):
        problems.append(f"{where}: give a kind, e.g. {{kind: surname}}")
        return None
    unknown = sorted(set(raw) - _COLUMN_KEYS)
    if unknown:
        problems.append(f"{where}: unknown key(s) {unknown}; use {sorted(_COLUMN_KEYS)}")
    kind = raw.get("kind")
    known = sorted(k.value for k in Kind)
    if kind not in known:
        problems.append(f"{where}.kind: use one of {known}")
        return None
    values = raw.get("values")
    if values is not None and (not isinstance(values, list) or not values):
        problems.append(f"{where}.values: give a non-empty list")
        values = None
    for key in ("sex", "label"):
        if raw.get(key) is not None and not isinstance(raw.get(key), str):
            problems.append(f"{where}.{key}: give a name")
    if not _is_bool(raw.get("keep_district", False)):
        problems.append(f"{where}.keep_district: give true or false")
    return ColumnSpec(
        kind=Kind(kind),
        sex=raw.get("sex"),
        keep_district=bool(raw.get("keep_district", False)),
        values=tuple(str(v) for v in values) if values is not None else None,
        label=raw.get("label"),
    )


def _dates_spec(raw: Any, problems: list[str]) -> DateShiftSpec | None:
    if not isinstance(raw, Mapping):
        problems.append("surrogate.dates: give {person: ..., columns: [...]}")
        return None
    unknown = sorted(set(raw) - _DATES_KEYS)
    if unknown:
        problems.append(f"surrogate.dates: unknown key(s) {unknown}; use {sorted(_DATES_KEYS)}")
    person, columns = raw.get("person"), raw.get("columns")
    if not isinstance(person, str):
        problems.append("surrogate.dates.person: name the person id column")
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        problems.append("surrogate.dates.columns: give a list of column names")
        columns = []
    for key in ("max_days", "min_days"):
        value = raw.get(key, 1)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.append(f"surrogate.dates.{key}: give a whole number of days")
    for key in ("keep_weekday", "keep_birth_year"):
        if not _is_bool(raw.get(key, False)):
            problems.append(f"surrogate.dates.{key}: give true or false")
    birth = raw.get("birth_column")
    if birth is not None and not isinstance(birth, str):
        problems.append("surrogate.dates.birth_column: name one column")
    if not isinstance(person, str):
        return None
    return DateShiftSpec(
        person=person,
        columns=tuple(columns),
        max_days=int(raw.get("max_days", 180)),
        min_days=int(raw.get("min_days", 1)),
        keep_weekday=bool(raw.get("keep_weekday", False)),
        birth_column=birth,
        keep_birth_year=bool(raw.get("keep_birth_year", False)),
        label=str(raw.get("label", "dates")),
    )


def parse_surrogate_config(
    raw: Any, *, source: str = "<dict>", base: Path | None = None, root: Path | None = None
) -> SurrogateConfig:
    """Validate a surrogate config (a whole document or its ``surrogate:`` section).

    Args:
        raw: the parsed YAML.
        source: where it came from, for messages.
        base: the directory a relative ``key_file`` or ``audit_log`` is resolved against.
        root: the folder those relative paths must stay inside (None: not checked); see
            :mod:`safelink.paths`.

    Returns:
        A :class:`SurrogateConfig`.

    Raises:
        ConfigError: listing every problem found.
    """
    if not isinstance(raw, Mapping):
        raise ConfigError(["the config must be a mapping"], source)
    key_file = raw.get("key_file")
    audit_log = raw.get("audit_log")
    section = raw.get("surrogate", raw)
    problems: list[str] = []
    if not isinstance(section, Mapping):
        raise ConfigError(["surrogate: give {columns: ..., dates: ...}"], source)
    unknown = sorted(set(section) - _TOP_KEYS - (_PATH_KEYS if section is raw else set()))
    if unknown:
        problems.append(f"surrogate: unknown key(s) {unknown}; use {sorted(_TOP_KEYS)}")
    raw_columns = section.get("columns") or {}
    if not isinstance(raw_columns, Mapping):
        problems.append("surrogate.columns: map column names to kinds")
        raw_columns = {}
    columns = {str(n): _column_spec(str(n), spec, problems) for n, spec in raw_columns.items()}
    dates = _dates_spec(section["dates"], problems) if section.get("dates") is not None else None
    if not raw_columns and dates is None:
        problems.append("surrogate: give columns, dates, or both")
    paths: dict[str, Path | None] = {}
    for key, value in (("key_file", key_file), ("audit_log", audit_log)):
        paths[key] = None
        if value is not None and not isinstance(value, str):
            problems.append(f"{key}: give a path")
        elif value is not None:
            try:
                paths[key] = resolve_config_path(value, base, key, root=root, origin=source)
            except ConfigError as exc:
                problems.extend(exc.problems)
    if problems:
        raise ConfigError(problems, source)
    return SurrogateConfig(
        columns={n: s for n, s in columns.items() if s is not None},
        dates=dates,
        key_file=paths["key_file"],
        audit_log=paths["audit_log"],
        source=source,
    )


def load_surrogate_config(path: Path | str) -> SurrogateConfig:
    """Read and validate a surrogate config file.

    Relative ``key_file`` and ``audit_log`` paths are resolved from the file's folder and must
    stay inside its project root (see :mod:`safelink.paths`).

    Raises:
        ConfigError: the file cannot be read or is invalid.
    """
    path = Path(path)
    return parse_surrogate_config(
        load_yaml(path), source=str(path), base=path.parent, root=project_root(path.parent)
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class SurrogateRun:
    """The result of :func:`surrogate_frame`: data, reports and the transformation record.

    Attributes:
        data: the data with surrogates and shifted dates (same rows, same columns).
        columns: one report per surrogate column.
        dates: the date shift report, if dates were shifted.
    """

    data: pl.DataFrame
    columns: tuple[SurrogateReport, ...] = ()
    dates: ShiftReport | None = None

    def transformations(self) -> list[dict[str, Any]]:
        """The steps as transformation-log entries (the shape of ``Transformation.to_dict``)."""
        steps: list[dict[str, Any]] = []
        if self.dates is not None:
            steps.append(date_shift_transformation(self.dates))
        steps.extend(surrogate_transformation(r) for r in self.columns)
        return steps

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready record (counts and settings; never values)."""
        return {
            "rows": self.data.height,
            "surrogate_columns": [r.column for r in self.columns],
            "shifted_date_columns": list(self.dates.columns) if self.dates else [],
            "transformations": self.transformations(),
            "columns": [r.to_dict() for r in self.columns],
            "dates": self.dates.to_dict() if self.dates else None,
        }


def surrogate_transformation(report: SurrogateReport) -> dict[str, Any]:
    """A transformation-log entry for one surrogate column."""
    return {
        "action": "surrogate",
        "column": report.column,
        "hierarchy": None,
        "level": report.kind,
        "cells_changed": report.cells_changed,
        "rows_suppressed": 0,
        "parameters": {
            **report.parameters,
            "key_id": report.key_id,
            "collisions": report.collisions.to_dict(),
        },
    }


def date_shift_transformation(report: ShiftReport) -> dict[str, Any]:
    """A transformation-log entry for a date shift."""
    parameters = report.to_dict()
    return {
        "action": "shift_dates",
        "column": None,
        "hierarchy": None,
        "level": None,
        "cells_changed": report.cells_shifted,
        "rows_suppressed": 0,
        "parameters": parameters,
    }


def surrogate_frame(data: Any, config: SurrogateConfig, keyring: KeySource) -> SurrogateRun:
    """Apply a surrogate config to a DataFrame: date shift first, then each column.

    Raises:
        InputError: a named column is missing, a kind does not fit, or dates cannot be read.
    """
    from safelink.io import to_polars

    frame = to_polars(data)
    dates = None
    if config.dates is not None:
        spec = config.dates
        shifted = shift_dates(
            frame,
            spec.columns,
            person=spec.person,
            keyring=keyring,
            max_days=spec.max_days,
            min_days=spec.min_days,
            keep_weekday=spec.keep_weekday,
            birth_column=spec.birth_column,
            keep_birth_year=spec.keep_birth_year,
            label=spec.label,
        )
        frame, dates = shifted.data, shifted.report
    reports: list[SurrogateReport] = []
    original = frame
    for column, spec_ in config.columns.items():
        # Each column is keyed on its original values (a sex column may be surrogated too).
        result = surrogate_column(
            original,
            column,
            kind=spec_.kind,
            keyring=keyring,
            sex=spec_.sex,
            keep_district=spec_.keep_district,
            values=spec_.values,
            label=spec_.label,
        )
        frame = frame.with_columns(result.values)
        reports.append(result.report)
    return SurrogateRun(data=frame, columns=tuple(reports), dates=dates)


def surrogate_file(
    input: Path | str,
    config: SurrogateConfig | Path | str,
    keyring: KeySource,
    output: Path | str,
    *,
    encoding: str = "utf-8",
) -> SurrogateRun:
    """Read a file, apply a surrogate config, write the data and a JSON record atomically.

    The data go to ``output`` (Parquet, or spreadsheet-safe CSV when it ends in ``.csv``); the
    record of transformations (counts and settings, never values) to
    ``<output>.surrogate.json``.

    Args:
        input: a CSV or Parquet file.
        config: a :class:`SurrogateConfig` or the path of its YAML.
        keyring: the project keyring.
        output: the output data file.
        encoding: the text encoding of a CSV input.

    Returns:
        The run (data and reports).

    Raises:
        ConfigError: an invalid config.
        InputError: an unreadable input or a column that does not fit its settings.
        OutputError: an output that cannot be written.
    """
    settings = config if isinstance(config, SurrogateConfig) else load_surrogate_config(config)
    run = surrogate_frame(read_frame(input, encoding=encoding), settings, keyring)
    output = Path(output)
    if output.suffix.lower() == ".csv":
        write_csv_safe(run.data, output)
    else:
        write_parquet(run.data, output)
    record = run.to_dict()
    record["output"] = output.name
    record["config"] = Path(settings.source).name
    write_json(record, output.with_name(output.name + ".surrogate.json"))
    return run
