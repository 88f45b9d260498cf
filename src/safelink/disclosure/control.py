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
    Measurements,
    Verdict,
)
from safelink.disclosure.equivalence import ClassTable
from safelink.disclosure.frame import Frame
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
from safelink.disclosure.tables import check_published
from safelink.disclosure.utility import UtilitySummary, utility_summary
from safelink.engines import Engine, choose_engine
from safelink.errors import InputError
from safelink.infra.io import read_frame

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


def numeric_columns(data: pl.DataFrame, columns: tuple[str, ...]) -> pl.DataFrame:
    """``data`` with the numeric ``columns`` cast to numbers (integers where all are whole)."""
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


def frame_for(data: Any, config: DisclosureConfig) -> Frame | SparkFrame:
    """The frame ``data`` is measured and anonymised through (Spark for a Spark DataFrame)."""
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

    polars = numeric_columns(to_polars(data), config.numeric)
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


def population_of(config: DisclosureConfig) -> tuple[Any, str]:
    """The config's population table (for population-based risk) and its count column."""
    if config.population is None:
        return None, "count"
    count = config.population.count
    table = read_frame(config.population.path)
    return numeric_columns(table, (count,)), count


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
    population, count = population_of(config)
    ordered = dict(config.ordered)
    if type(data).__module__.startswith("pyspark."):
        return _check_spark(data, config, population, count)
    return check_frame(
        frame_for(data, config),
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


def with_failure(report: DisclosureReport, failure: str) -> DisclosureReport:
    """``report`` failed, with ``failure`` added to its failures."""
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
