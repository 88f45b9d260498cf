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

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import polars as pl
from pydantic import (
    BeforeValidator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    TypeAdapter,
    model_validator,
)
from pydantic.dataclasses import dataclass as model

from safelink.config import load_yaml
from safelink.config._fields import (
    MODEL_CONFIG,
    NON_EMPTY,
    ConfigPath,
    Name,
    none_as_empty,
    problem,
)
from safelink.config._problems import validate
from safelink.errors import ConfigError
from safelink.infra.io import read_frame, write_csv_safe, write_json, write_parquet
from safelink.infra.paths import project_root
from safelink.surrogate._draw import KeySource
from safelink.surrogate.dates import ShiftReport, shift_dates
from safelink.surrogate.kinds import Kind, SurrogateReport, surrogate_column

Days = Annotated[StrictInt, Field(ge=0)]


def _kind_alone(value: Any) -> Any:
    """``column: surname`` is shorthand for ``column: {kind: surname}``."""
    return {"kind": value} if isinstance(value, str) else value


def _text(value: Any) -> Any:
    """A category value written as a number -> its text."""
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    return str(value) if is_number else value


Value = Annotated[
    StrictStr, BeforeValidator(_text, json_schema_input_type=StrictStr | StrictInt | StrictFloat)
]


@model(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class ColumnSpec:
    """How to surrogate one column (the keyword arguments of :func:`surrogate_column`)."""

    kind: Kind
    """The kind of surrogate."""
    sex: Name | None = None
    """The sex column forenames are drawn by."""
    keep_district: StrictBool = False
    """Keep a postcode's district."""
    values: Annotated[tuple[Value, ...], NON_EMPTY] | None = None
    """The values a category surrogate draws from."""
    label: Name | None = None
    """The key label (domain) of the surrogates."""


@model(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class DateShiftSpec:
    """How to shift dates (the keyword arguments of :func:`shift_dates`)."""

    person: Name
    """The person id column: one offset per person."""
    columns: tuple[Name, ...]
    """The date columns to shift."""
    max_days: Days = 180
    """The largest shift in days."""
    min_days: Days = 1
    """The smallest shift in days (0 lets a person's dates stay put)."""
    keep_weekday: StrictBool = False
    """Shift by whole weeks."""
    birth_column: Name | None = None
    """A date of birth column shifted with the others."""
    keep_birth_year: StrictBool = False
    """Keep the year of birth."""
    label: Name = "dates"
    """The key label (domain) of the offsets."""


Columns = Annotated[
    Mapping[
        str,
        Annotated[
            ColumnSpec, BeforeValidator(_kind_alone, json_schema_input_type=Kind | ColumnSpec)
        ],
    ],
    BeforeValidator(none_as_empty),
]


@model(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class SurrogateSection:
    """The ``surrogate:`` section: the columns to surrogate and the date shift."""

    columns: Columns = dataclasses.field(default_factory=dict)
    """Each column to surrogate and how, in order (a kind alone is shorthand)."""
    dates: DateShiftSpec | None = None
    """The date shift (applied first)."""

    @model_validator(mode="after")
    def _something(self) -> SurrogateSection:
        if not self.columns and self.dates is None:
            raise problem("give columns, dates, or both")
        return self


@model(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class SurrogateDocument:
    """A surrogate config file: the project's key file and audit log, and the section."""

    key_file: ConfigPath | None = None
    """The project's key file (--key-file wins)."""
    audit_log: ConfigPath | None = None
    """The project's audit log, appended to by 'safelink surrogate'."""
    surrogate: Annotated[SurrogateSection, BeforeValidator(none_as_empty)]
    """What to surrogate."""


_DOCUMENT = TypeAdapter(SurrogateDocument)


@model(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
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

    columns: Mapping[str, ColumnSpec] = dataclasses.field(default_factory=dict)
    dates: DateShiftSpec | None = None
    key_file: Path | None = None
    audit_log: Path | None = None
    source: StrictStr = "<dict>"


def surrogate_schema() -> dict[str, Any]:
    """The JSON Schema of a surrogate config file, for editors and other tools.

    Returns:
        A JSON Schema document.
    """
    return _DOCUMENT.json_schema(mode="validation")


def parse_surrogate_config(
    raw: Any, *, source: str = "<dict>", base: Path | None = None, root: Path | None = None
) -> SurrogateConfig:
    """Validate a surrogate config (a whole document or its ``surrogate:`` section).

    A section given alone (no ``surrogate:`` key) may hold ``key_file`` and ``audit_log``
    beside its settings; its problems are named as if under ``surrogate:``.

    Args:
        raw: the parsed YAML.
        source: where it came from, for messages.
        base: the directory a relative ``key_file`` or ``audit_log`` is resolved against.
        root: the folder those relative paths must stay inside (None: not checked); see
            :mod:`safelink.infra.paths`.

    Returns:
        A :class:`SurrogateConfig`.

    Raises:
        ConfigError: listing every problem found, each named by its YAML path.
    """
    if not isinstance(raw, Mapping):
        raise ConfigError(["the config must be a mapping"], source)
    document = dict(raw)
    if "surrogate" not in document:
        paths = {k: document.pop(k) for k in ("key_file", "audit_log") if k in document}
        document = {**paths, "surrogate": document}
    loaded = validate(_DOCUMENT, document, origin=source, base_dir=base, root=root)
    return SurrogateConfig(
        columns=loaded.surrogate.columns,
        dates=loaded.surrogate.dates,
        key_file=loaded.key_file,
        audit_log=loaded.audit_log,
        source=source,
    )


def load_surrogate_config(path: Path | str) -> SurrogateConfig:
    """Read and validate a surrogate config file.

    Relative ``key_file`` and ``audit_log`` paths are resolved from the file's folder and must
    stay inside its project root (see :mod:`safelink.infra.paths`).

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
    from safelink.infra.io import to_polars

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
