"""Disclosure control: check data against a release profile, and anonymise it to meet one.

:func:`check` measures (k, l, t, risk) and asks each of the profile's criteria
(:mod:`safelink.disclosure.criteria`) for its verdict, listing every way the data fall short;
:func:`anonymise` applies a config's transformations (and, if asked, the minimal
generalisation search over the same criteria), suppresses the classes that still violate one,
and checks the result. The file variants read an input and write outputs atomically; the CLI
calls them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from safelink.disclosure.counts import class_table
from safelink.disclosure.criteria import (
    Criterion,
    KAnonymity,
    Measurements,
    ProsecutorRiskCap,
    Verdict,
    violating,
)
from safelink.disclosure.equivalence import ClassTable
from safelink.disclosure.frame import Frame
from safelink.disclosure.hierarchies import (
    AgeHierarchy,
    DateHierarchy,
    DateOfBirthHierarchy,
    Hierarchy,
    PostcodeHierarchy,
)
from safelink.disclosure.likeness import AttributeDisclosureSummary
from safelink.disclosure.models import KAnonymitySummary, LDiversitySummary, TClosenessSummary
from safelink.disclosure.profiles import (
    DisclosureConfig,
    ReleaseProfile,
    builtin_profile,
    load_disclosure_config,
)
from safelink.disclosure.recode import Transformation
from safelink.disclosure.risk import RiskSummary
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
from safelink.disclosure.tables import ProtectedTable, check_published, protect_counts
from safelink.disclosure.utility import UtilitySummary, distinct_values, utility_summary
from safelink.engines import Engine, choose_engine
from safelink.errors import ConfigError, InputError
from safelink.infra.io import read_frame, write_csv_safe, write_json, write_parquet

if TYPE_CHECKING:
    from safelink.engines.spark_frame import SparkFrame


@dataclass(frozen=True, slots=True, kw_only=True)
class DisclosureReport:
    """What was measured and whether the profile is met.

    Attributes:
        profile: the profile checked against.
        passed: True when every requirement is met.
        failures: one line per unmet requirement (no data values).
        rows: rows measured.
        k: k-anonymity (rows and persons views).
        l: l-diversity per sensitive attribute.
        t: t-closeness per sensitive attribute.
        risk: re-identification risk.
        attribute_disclosure: (alpha, k), beta-likeness and delta-disclosure per sensitive
            attribute.
        utility: utility metrics beside the risk (:mod:`safelink.disclosure.utility`).
        transformations: what was done to the data, in order.
        table: for table profiles, the protection summary.
        verdicts: each criterion's verdict, in the profile's order (record-level checks).
    """

    profile: ReleaseProfile
    passed: bool
    failures: tuple[str, ...]
    rows: int
    k: KAnonymitySummary | None = None
    l: Mapping[str, LDiversitySummary] = field(default_factory=dict)  # noqa: E741
    t: Mapping[str, TClosenessSummary] = field(default_factory=dict)
    risk: RiskSummary | None = None
    attribute_disclosure: Mapping[str, AttributeDisclosureSummary] = field(default_factory=dict)
    utility: UtilitySummary | None = None
    transformations: tuple[Transformation, ...] = ()
    table: Mapping[str, Any] | None = None
    verdicts: tuple[Verdict, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict for the manifest and ``--json``."""
        return {
            "profile": self.profile.to_dict(),
            "passed": self.passed,
            "failures": list(self.failures),
            "rows": self.rows,
            "k_anonymity": self.k.to_dict() if self.k else None,
            "l_diversity": {a: v.to_dict() for a, v in self.l.items()},
            "t_closeness": {a: v.to_dict() for a, v in self.t.items()},
            "risk": self.risk.to_dict() if self.risk else None,
            "attribute_disclosure": {a: v.to_dict() for a, v in self.attribute_disclosure.items()},
            "utility": self.utility.to_dict() if self.utility else None,
            "transformations": [t.to_dict() for t in self.transformations],
            "table": dict(self.table) if self.table else None,
        }

    def to_frame(self) -> pl.DataFrame:
        """The report's measures as ``measure``, ``value`` rows (``.to_pandas()`` for pandas)."""
        pairs = self.lines()
        return pl.DataFrame(
            {"measure": [m for m, _ in pairs], "value": [v for _, v in pairs]},
            schema={"measure": pl.String, "value": pl.String},
        )

    def lines(self) -> list[tuple[str, str]]:
        """The report as (measure, value) pairs for a terminal table."""
        out = [
            ("profile", self.profile.name),
            ("result", "PASS" if self.passed else "FAIL"),
            ("rows", str(self.rows)),
        ]
        if self.k:
            out.append(("k (rows)", str(self.k.k_rows)))
            if self.k.k_persons is not None:
                out += [
                    ("k (persons)", str(self.k.k_persons)),
                    ("persons in several classes", str(self.k.persons_in_several_classes)),
                ]
            out.append(("classes", str(self.k.classes)))
        for name, value in self.l.items():
            out.append(
                (f"l distinct / entropy ({name})", f"{value.distinct} / {value.entropy:.2f}")
            )
        for name, closeness in self.t.items():
            out.append((f"t ({name}, {closeness.distance})", f"{closeness.t:.4f}"))
        for name, shares in self.attribute_disclosure.items():
            out.append(
                (
                    f"alpha / beta / enhanced beta / delta ({name})",
                    " / ".join(
                        _figure(v)
                        for v in (shares.alpha, shares.beta, shares.enhanced_beta, shares.delta)
                    ),
                )
            )
        if self.risk:
            out += [
                (
                    "prosecutor risk max / mean per record / mean per class",
                    f"{self.risk.prosecutor_max:.4f} / {self.risk.prosecutor_mean_per_record:.4f}"
                    f" / {self.risk.prosecutor_mean_per_class:.4f}",
                ),
                (
                    "sample uniques",
                    f"{self.risk.sample_uniques} ({self.risk.sample_uniques_share:.2%})",
                ),
                ("marketer risk", f"{self.risk.marketer:.4f}"),
            ]
            if self.risk.journalist_max is not None:
                out.append(("journalist risk max", f"{self.risk.journalist_max:.4f}"))
        if self.utility:
            out += _utility_lines(self.utility)
        out += [("failure", failure) for failure in self.failures]
        return out


def _utility_lines(utility: UtilitySummary) -> list[tuple[str, str]]:
    out = [
        ("rows suppressed", str(utility.suppressed_rows)),
        (
            f"average class size / C_avg (k={utility.k})",
            f"{utility.average_class_size:.2f} / {utility.c_avg:.2f}",
        ),
        ("discernibility", f"{utility.discernibility:.0f}"),
    ]
    if utility.non_uniform_entropy is not None:
        out.append(("non-uniform entropy (bits)", f"{utility.non_uniform_entropy:.1f}"))
    if utility.classification_metric is not None:
        out.append(
            (f"classification metric ({utility.target})", f"{utility.classification_metric:.4f}")
        )
    for name, counts in utility.quasi_identifiers.items():
        before = "-" if counts.distinct_before is None else str(counts.distinct_before)
        out.append(
            (f"distinct values before / after ({name})", f"{before} / {counts.distinct_after}")
        )
    return out


def _figure(value: float) -> str:
    return "inf" if value == float("inf") else f"{value:.4f}"


def _as_profile(profile: ReleaseProfile | str) -> ReleaseProfile:
    return builtin_profile(profile) if isinstance(profile, str) else profile


def check_frame(
    frame: Frame | SparkFrame,
    *,
    profile: ReleaseProfile | str = "tre",
    population: Any = None,
    population_count: str = "count",
    ordered: Mapping[str, Any] | None = None,
    target: str | None = None,
) -> DisclosureReport:
    """Measure a record-level Frame and judge it by the profile's criteria.

    The criteria are :meth:`ReleaseProfile.criteria_for` the frame's sensitive attributes
    (t-closeness ordered where the models measured the ordered distance); the failures are
    their messages, in the profile's order.

    Args:
        frame: the :class:`Frame` to measure (or the Spark engine's ``SparkFrame``).
        profile: a profile or a built-in profile's name.
        population: optional population table for journalist risk.
        population_count: its count column.
        ordered: text sensitive attributes with their values in order (t-closeness).
        target: a column for the classification metric (utility).

    Returns:
        A :class:`DisclosureReport` (check ``passed``; nothing is raised for a failure).

    Raises:
        InputError: a target that is not a column.
    """
    if target is not None and target not in frame.schema:
        raise InputError(f"target {target!r} is not a column; name the column to predict.")
    return check_table(
        frame.class_table(),
        frame.quasi,
        profile=_as_profile(profile),
        sensitive=frame.sensitive,
        missing=frame.missing,
        population=population,
        population_count=population_count,
        ordered=ordered,
        transformations=frame.transformations,
        target=target,
    )


def check_table(
    table: ClassTable,
    quasi: Sequence[str],
    *,
    profile: ReleaseProfile,
    sensitive: Sequence[str] = (),
    missing: str = "value",
    population: Any = None,
    population_count: str = "count",
    ordered: Mapping[str, Any] | None = None,
    transformations: tuple[Transformation, ...] = (),
    target: str | None = None,
) -> DisclosureReport:
    """Measure a class table counted on any engine and judge it by the profile's criteria.

    Every record-level check ends here (:func:`check_frame` locally, :func:`check` of a Spark
    DataFrame), so what is measured and how it is judged does not depend on the engine.

    Args:
        table: the class table (:func:`~safelink.disclosure.counts.class_table`).
        quasi: its quasi-identifiers.
        profile: the profile to judge by.
        sensitive: the sensitive attributes.
        missing: the missing-value policy the table was counted with.
        population: optional population table for journalist risk.
        population_count: its count column.
        ordered: text sensitive attributes with their values in order (t-closeness).
        transformations: what was done to the data, for the record (rows they suppressed
            count in the utility metrics).
        target: a column for the classification metric (utility).
    """
    measured = Measurements.of_table(
        table,
        quasi,
        sensitive=sensitive,
        l=profile.l or 2,
        ordered=ordered,
        missing=missing,
        population=population,
        population_count=population_count,
        threshold=profile.risk_cap,
    )
    criteria = profile.criteria_for(
        sensitive, ordered=ordered, numeric=ordered_attributes(measured)
    )
    useful = utility_summary(
        table,
        quasi,
        k=profile.k or 2,
        suppressed=sum(t.rows_suppressed for t in transformations),
        target=target,
    )
    report = judge(
        profile, measured, criteria, rows=measured.k.rows, transformations=transformations
    )
    return dataclasses.replace(report, utility=useful)


def ordered_attributes(measured: Measurements) -> list[str]:
    """The sensitive attributes an engine measured with the ordered distance (numbers, orders)."""
    return [name for name, summary in measured.t.items() if summary.distance == "ordered"]


def judge(
    profile: ReleaseProfile,
    measured: Measurements,
    criteria: Sequence[Criterion],
    *,
    rows: int,
    transformations: tuple[Transformation, ...] = (),
) -> DisclosureReport:
    """The report of a record-level table: every criterion's verdict on its measurements.

    Every engine ends here (the local :func:`check_frame` and the Spark check), so the rules
    and their wording live in the criteria alone.

    Args:
        profile: the profile checked against (a ``tables`` profile always fails here).
        measured: the table's measurements.
        criteria: the profile's criteria (:meth:`ReleaseProfile.criteria_for`).
        rows: rows measured.
        transformations: what was done to the data, for the record.

    Returns:
        A :class:`DisclosureReport`.
    """
    failures = []
    if profile.kind == "tables":
        failures.append("the profile publishes tables only; record-level data cannot be released")
    verdicts = tuple(criterion.evaluate(measured) for criterion in criteria)
    failures += [v.message for v in verdicts if v.message is not None]
    return DisclosureReport(
        profile=profile,
        passed=not failures,
        failures=tuple(failures),
        rows=rows,
        k=measured.k,
        l=measured.l,
        t=measured.t,
        risk=measured.risk,
        attribute_disclosure=measured.attribute_disclosure,
        transformations=transformations,
        verdicts=verdicts,
    )


def _numeric(data: pl.DataFrame, columns: tuple[str, ...]) -> pl.DataFrame:
    for column in columns:
        if column not in data.columns:
            raise InputError(f"numeric column {column!r} is not in the data.")
        values = data[column].cast(pl.Float64, strict=False)
        if values.null_count() > data[column].null_count():
            raise InputError(
                f"column {column!r} has values that are not numbers; fix or recode them."
            )
        integral = bool((values.drop_nulls() % 1 == 0).all())
        data = data.with_columns(values.cast(pl.Int64) if integral else values)
    return data


def _frame(data: Any, config: DisclosureConfig) -> Frame | SparkFrame:
    from safelink.infra.io import to_polars

    if type(data).__module__.startswith("pyspark."):
        from safelink.engines.spark_disclosure_check import numeric_spark
        from safelink.engines.spark_frame import SparkFrame

        return SparkFrame(
            numeric_spark(data, config.numeric),
            quasi=config.quasi_identifiers,
            sensitive=config.sensitive,
            person=config.person,
            identifying=config.identifying,
            missing=config.missing,
            hierarchies=config.hierarchies,
        )

    polars = _numeric(to_polars(data), config.numeric)
    frame = Frame(
        polars if not type(data).__module__.startswith("pandas") else polars.to_pandas(),
        quasi=config.quasi_identifiers,
        sensitive=config.sensitive,
        person=config.person,
        identifying=config.identifying,
        missing=config.missing,
        hierarchies=config.hierarchies,
    )
    return frame


def _population(config: DisclosureConfig) -> tuple[Any, str]:
    if config.population is None:
        return None, "count"
    count = config.population.count
    table = read_frame(config.population.path)
    return _numeric(table, (count,)), count


def check(data: Any, config: DisclosureConfig | str | Path) -> DisclosureReport:
    """Check data as they are (no transformations applied) against the config's profile.

    For a ``tables`` profile, ``data`` is the published table and the config's ``table``
    names its count columns (``cells``); the small-number rule is checked cell by cell.

    Args:
        data: a pandas or polars DataFrame, or a Spark DataFrame (counted on Spark: the same
            class table and criteria, so the same report).
        config: a :class:`DisclosureConfig` or the path of one.

    Returns:
        A :class:`DisclosureReport`.

    Raises:
        ConfigError: an invalid config.
        InputError: data that do not fit the config.
    """
    config = config if isinstance(config, DisclosureConfig) else load_disclosure_config(config)
    if config.profile.kind == "tables":
        from safelink.infra.io import to_polars

        table = to_polars(data)
        rows = config.table.rows if config.table is not None else ()
        cells = (config.table.cells if config.table is not None else None) or [
            c for c in table.columns if c not in rows
        ]
        failures = check_published(table, cells=cells, policy=config.profile.small_numbers)
        return DisclosureReport(
            profile=config.profile, passed=not failures, failures=tuple(failures), rows=table.height
        )
    population, count = _population(config)
    ordered = dict(config.ordered)
    if type(data).__module__.startswith("pyspark."):
        return _check_spark(data, config, population, count)
    return check_frame(
        _frame(data, config),
        profile=config.profile,
        population=population,
        population_count=count,
        ordered=ordered,
        target=config.target,
    )


def _check_spark(
    data: Any, config: DisclosureConfig, population: Any, count: str
) -> DisclosureReport:
    """:func:`check` of a Spark DataFrame: the same class table and criteria, counted on Spark."""
    from safelink.engines.spark_disclosure_check import numeric_spark

    table = class_table(
        numeric_spark(data, config.numeric),
        config.quasi_identifiers,
        sensitive=[*config.sensitive, *([config.target] if config.target else [])],
        person=config.person,
        missing=config.missing,
    )
    return check_table(
        table,
        config.quasi_identifiers,
        profile=config.profile,
        sensitive=config.sensitive,
        missing=config.missing,
        population=population,
        population_count=count,
        ordered=dict(config.ordered),
        target=config.target,
    )


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
            source = _numeric(to_polars(data), config.numeric)
        protected = protect_counts(
            source,
            rows=list(spec.rows),
            column=spec.column,
            person=config.person,
            policy=profile.small_numbers,
        )
        report = check(protected.table, config)
        return Anonymised(data=protected.table, report=report, table=protected)
    frame: Frame | SparkFrame = _frame(data, config)
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
    population, count = _population(config)
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
        report = _fail(
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


def _fail(report: DisclosureReport, failure: str) -> DisclosureReport:
    return dataclasses.replace(report, passed=False, failures=(*report.failures, failure))


def check_file(
    input: Path | str,
    *,
    config: Path | str,
    engine: Engine | str = Engine.LOCAL,
    spark_master: str | None = None,
    spark_conf: Mapping[str, str] | None = None,
    encoding: str = "utf-8",
) -> DisclosureReport:
    """Read a CSV or Parquet file and :func:`check` it (CSV is read as text).

    Args:
        input: the data (for the Spark engine, any path Spark reads, e.g. a Parquet directory).
        config: the disclosure config's path.
        engine: ``"local"`` (polars) or ``"spark"``
            (:func:`~safelink.engines.spark_disclosure_check.check_spark`: the same report).
        spark_master: the Spark master URL (default: the active session or ``local[*]``).
        spark_conf: Spark settings for a session started here (``--spark-conf``).
        encoding: the text encoding of a CSV input (local engine).

    Returns:
        A :class:`DisclosureReport`.

    Raises:
        ConfigError: an invalid config.
        EngineError: an unknown engine.
        InputError: an unreadable input or data that do not fit the config.
        SparkEngineError: Spark cannot start, or the check needs the local engine.
    """
    chosen = choose_engine(engine)
    loaded = load_disclosure_config(config)
    if chosen is Engine.SPARK:
        from safelink.engines.spark import spark_session
        from safelink.engines.spark_disclosure_check import check_spark

        return check_spark(input, loaded, spark=spark_session(spark_master, config=spark_conf))
    return check(read_frame(input, encoding=encoding), loaded)


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
