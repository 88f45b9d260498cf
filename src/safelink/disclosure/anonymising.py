"""Anonymise: apply a disclosure config's steps (and its hierarchy search), then check."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from safelink.disclosure.control import (
    DisclosureReport,
    check,
    check_frame,
    frame_for,
    numeric_columns,
    population_of,
    with_failure,
)
from safelink.disclosure.criteria import (
    Criterion,
    KAnonymity,
    ProsecutorRiskCap,
    violating,
)
from safelink.disclosure.frame import Frame
from safelink.disclosure.hierarchies import (
    AgeHierarchy,
    DateHierarchy,
    DateOfBirthHierarchy,
    Hierarchy,
    PostcodeHierarchy,
)
from safelink.disclosure.profiles import (
    DisclosureConfig,
    ReleaseProfile,
    load_disclosure_config,
)
from safelink.disclosure.search import SearchResult, minimal_generalisation
from safelink.disclosure.steps import (
    BottomCodeStep,
    CoarsenStep,
    GeneraliseStep,
    ShiftDatesStep,
    Step,
    SuppressStep,
    SurrogateStep,
    TopCodeStep,
)
from safelink.disclosure.tables import ProtectedTable, protect_counts
from safelink.disclosure.utility import distinct_values
from safelink.errors import ConfigError, InputError
from safelink.infra.io import read_frame, write_csv_safe, write_json, write_parquet

if TYPE_CHECKING:
    from safelink.engines.spark_frame import SparkFrame


@dataclass(frozen=True, slots=True, kw_only=True)
class Anonymised:
    """The result of :func:`anonymise`.

    Attributes:
        data: the released data (record level; a Spark DataFrame when given one, else
            polars) or the published table (polars).
        report: the check of the result against the profile.
        search: the minimal-generalisation search, when the config asked for one.
        table: the protected table (table profiles).
    """

    data: Any
    report: DisclosureReport
    search: SearchResult | None = None
    table: ProtectedTable | None = None

    def record(self) -> dict[str, Any]:
        """The JSON record of what was done (for the manifest); no data values."""
        return {
            "report": self.report.to_dict(),
            "search": self.search.to_dict() if self.search else None,
            "table": self.table.to_dict() if self.table else None,
        }


def _apply(
    frame: Frame | SparkFrame, step: Step, config: DisclosureConfig, keyring: Any = None
) -> Frame | SparkFrame:
    if isinstance(step, SurrogateStep | ShiftDatesStep) and keyring is None:
        raise ConfigError(
            ["surrogate and shift_dates steps need the project keyring (pass keyring=)"],
            "disclosure config",
        )
    match step:
        case GeneraliseStep():
            return frame.generalise(
                step.generalise,
                to=step.to,
                width=step.width,
                top=step.top,
                reference=step.reference or config.reference_date,
            )
        case CoarsenStep():
            return frame.coarsen(step.coarsen, to=step.to)
        case TopCodeStep():
            return frame.top_code(step.top_code, step.threshold)
        case BottomCodeStep():
            return frame.bottom_code(step.bottom_code, step.threshold)
        case SurrogateStep():
            return frame.surrogate(
                step.surrogate,
                kind=step.kind,
                keyring=keyring,
                sex=step.sex,
                keep_district=step.keep_district,
                values=step.values,
                label=step.label,
            )
        case ShiftDatesStep():
            return frame.shift_dates(
                *step.shift_dates,
                keyring=keyring,
                person=step.person,
                max_days=step.max_days,
                min_days=step.min_days,
                keep_weekday=step.keep_weekday,
                birth_column=step.birth_column,
                keep_birth_year=step.keep_birth_year,
                label=step.label,
            )
        case SuppressStep():
            k = step.suppress
            return frame.suppress(config.profile.k or 5 if k is True else int(k))


def search_hierarchies(frame: Frame | SparkFrame, config: DisclosureConfig) -> dict[str, Hierarchy]:
    """The hierarchy the search uses for each quasi-identifier (free tables first, then by type).

    Raises:
        InputError: a quasi-identifier with no hierarchy.
    """
    schema = frame.schema
    out: dict[str, Hierarchy] = {}
    for column in frame.quasi:
        dtype = schema[column]
        if column in config.hierarchies:
            out[column] = config.hierarchies[column]
        elif dtype.is_numeric():
            out[column] = AgeHierarchy()
        elif dtype in (pl.Date, pl.Datetime):
            out[column] = DateHierarchy()
        elif "postcode" in column.lower():
            out[column] = PostcodeHierarchy()
        elif "dob" in column.lower() or "birth" in column.lower():
            out[column] = DateOfBirthHierarchy(reference=config.reference_date or _today())
        else:
            raise InputError(
                f"quasi-identifier {column!r}: no hierarchy for the search; add one under "
                "'hierarchies' in the config."
            )
    return out


def _today() -> Any:
    import datetime as dt

    return dt.date.today()


def anonymise(
    data: Any, config: DisclosureConfig | str | Path, *, keyring: Any = None
) -> Anonymised:
    """Apply a config's transformations and check the result against its profile.

    Order: drop columns; apply the listed transformations; if the config has ``search``, find
    the least-lossy levels that meet every criterion of the profile and apply them; finally
    suppress the records of every class that still violates a criterion (under k, not diverse
    or close enough, over the risk cap), as the search counted them. Table profiles instead
    cross-tabulate and protect the counts.

    Args:
        data: record-level pandas or polars DataFrame, or a Spark DataFrame (every step runs
            on Spark, with the same results: :mod:`safelink.disclosure.recode`).
        config: a :class:`DisclosureConfig` or the path of one.
        keyring: the project keyring, needed by ``surrogate`` and ``shift_dates`` steps.

    Returns:
        An :class:`Anonymised` (its report says whether the profile is met).

    Raises:
        ConfigError: an invalid config.
        InputError: data that do not fit the config.
        DisclosureRiskError: the search finds no levels that meet the profile.
    """
    config = config if isinstance(config, DisclosureConfig) else load_disclosure_config(config)
    profile = config.profile
    if profile.kind == "tables":
        spec = config.table
        if spec is None:  # pragma: no cover - a tables profile's config has a table
            raise ConfigError(["table: a tables profile needs rows and a column"], config.source)
        from safelink.infra.io import to_polars

        source: Any
        if type(data).__module__.startswith("pyspark."):
            from safelink.engines.spark_disclosure_check import numeric_spark

            source = numeric_spark(data, config.numeric)
        else:
            source = numeric_columns(to_polars(data), config.numeric)
        protected = protect_counts(
            source,
            rows=list(spec.rows),
            column=spec.column,
            person=config.person,
            policy=profile.small_numbers,
        )
        report = check(protected.table, config)
        return Anonymised(data=protected.table, report=report, table=protected)
    frame: Frame | SparkFrame = frame_for(data, config)
    before = distinct_values(frame.class_table(), frame.quasi)
    if config.drop:
        frame = frame.drop(*config.drop)
    for step in config.transformations:
        frame = _apply(frame, step, config, keyring)
    schema = frame.schema
    numeric = [c for c in config.sensitive if c in schema and schema[c].is_numeric()]
    criteria = profile.criteria(config, numeric=numeric)
    result = None
    if config.search is not None:
        hierarchies = search_hierarchies(frame, config)
        result = minimal_generalisation(
            frame.records,
            hierarchies,
            criteria=criteria,
            person=config.person,
            max_suppression=(
                profile.max_suppression
                if config.search.max_suppression is None
                else config.search.max_suppression
            ),
            metric=config.search.metric,
            target=config.target,
        )
        for column, level in result.best.levels.items():
            if level != hierarchies[column].levels[0]:
                frame = frame.generalise(column, to=level, hierarchy=hierarchies[column])
    frame = _suppress_violations(frame, profile, criteria)
    population, count = population_of(config)
    report = check_frame(
        frame,
        profile=profile,
        population=population,
        population_count=count,
        ordered=dict(config.ordered),
        target=config.target,
    )
    report = _with_before(report, before, result)
    rows_removed = sum(t.rows_suppressed for t in frame.transformations)
    if rows_removed > profile.max_suppression * (frame.height + rows_removed) + 1e-9:
        share = rows_removed / (frame.height + rows_removed)
        report = with_failure(
            report,
            f"suppression: {share:.1%} of rows removed; the profile allows "
            f"{profile.max_suppression:.1%} (generalise more)",
        )
    return Anonymised(data=frame.records, report=report, search=result)


def _with_before(
    report: DisclosureReport, before: Mapping[str, int], search: SearchResult | None
) -> DisclosureReport:
    """The report's utility with the distinct values before and the search's entropy loss."""
    if report.utility is None:  # pragma: no cover - a record-level report has utility
        return report
    useful = report.utility
    counts = {
        name: dataclasses.replace(value, distinct_before=before.get(name))
        for name, value in useful.quasi_identifiers.items()
    }
    entropy = search.best.non_uniform_entropy if search is not None else None
    useful = dataclasses.replace(useful, quasi_identifiers=counts, non_uniform_entropy=entropy)
    return dataclasses.replace(report, utility=useful)


def _suppress_violations(
    frame: Frame | SparkFrame, profile: ReleaseProfile, criteria: Sequence[Criterion]
) -> Frame | SparkFrame:
    """Suppress the records of every class that violates a criterion (none: no step).

    Criteria that k-anonymity at the profile's k already implies (that k or less, the default
    risk cap 1/k) are left out of the step's record, so a k-only profile's record is as it
    always was.
    """
    k = profile.k or 2
    beyond_k = [
        c
        for c in criteria
        if not (isinstance(c, KAnonymity) and c.k <= k)
        and not (isinstance(c, ProsecutorRiskCap) and c.max_risk + 1e-12 >= 1.0 / k)
    ]
    short = bool(profile.k) and frame.k_anonymity().k < k
    if not short and beyond_k:
        short = bool(violating(frame.class_table(), beyond_k).any())
    return frame.suppress(k, criteria=beyond_k) if short else frame


def anonymise_file(
    input: Path | str, *, config: Path | str, output: Path | str, encoding: str = "utf-8"
) -> Anonymised:
    """Read a file, :func:`anonymise` it, write the data and a JSON record, atomically.

    The data go to ``output`` (Parquet, or CSV safe for spreadsheets when it ends in .csv)
    only when the result meets the profile; the record of what was done always goes beside
    it as ``<output>.disclosure.json`` (so a failure can be diagnosed without data). A CSV
    input is read in ``encoding`` (UTF-8 by default).

    Raises:
        ConfigError: an invalid config.
        InputError: an unreadable input.
        OutputError: an output that cannot be written.
        DisclosureRiskError: the search finds no levels that meet the profile.
    """
    loaded = load_disclosure_config(config)
    result = anonymise(read_frame(input, encoding=encoding), loaded)
    output = Path(output)
    if result.report.passed and output.suffix.lower() == ".csv":
        write_csv_safe(result.data, output)
    elif result.report.passed:
        write_parquet(result.data, output)
    record = result.record()
    record["config"] = str(config)
    record["output"] = output.name
    write_json(record, output.with_name(output.name + ".disclosure.json"))
    return result
