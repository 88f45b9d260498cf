"""Disclosure control on Spark: the Spark half of the one check every engine runs.

The models, criteria, check and small-number tables are written once
(:mod:`safelink.disclosure`): the records are counted into equivalence classes by SQL
(:mod:`safelink.disclosure.counts`) that runs on a
:class:`~safelink.engines.backend.SparkBackend`, and everything after that reads the collected
class table. Passing a Spark DataFrame to :func:`~safelink.disclosure.k_anonymity`,
:func:`~safelink.disclosure.l_diversity`, :func:`~safelink.disclosure.t_closeness`,
:func:`~safelink.disclosure.risk`, :func:`~safelink.disclosure.check` or
:func:`~safelink.disclosure.tables.protect_counts` runs them on Spark. What is left here is
what only Spark needs: validating a DataFrame without collecting it (:func:`prepare_spark`),
reading a path and caching the data for a whole check (:func:`check_spark`), and reading the
config's numeric columns as numbers (:func:`numeric_spark`). ``anonymise`` on Spark is
:mod:`safelink.engines.spark_frame`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from safelink.disclosure.control import DisclosureReport, check
from safelink.disclosure.counts import DATA
from safelink.disclosure.equivalence import check_roles
from safelink.disclosure.profiles import DisclosureConfig, load_disclosure_config
from safelink.engines.backend import SparkBackend
from safelink.engines.sql import quote
from safelink.errors import InputError

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession


def is_spark(data: Any) -> bool:
    """Whether ``data`` is a Spark DataFrame (without importing PySpark)."""
    return type(data).__module__.startswith("pyspark.")


def prepare_spark(
    data: DataFrame,
    quasi: Sequence[str],
    *,
    sensitive: Sequence[str] = (),
    person: str | None = None,
    missing: str = "value",
) -> DataFrame:
    """Validate a Spark DataFrame as :func:`~safelink.disclosure.equivalence.prepare` does.

    The same checks and errors (one Spark job counts rows and missing person ids); NaN in a
    floating-point quasi-identifier becomes missing. Returns the DataFrame to count.
    """
    from pyspark.sql.types import DoubleType, FloatType

    check_roles(data.columns, quasi, sensitive=sensitive, person=person, missing=missing)
    backend = SparkBackend(data.sparkSession)
    floats = {f.name for f in data.schema.fields if isinstance(f.dataType, DoubleType | FloatType)}
    nan = {
        q: f"CASE WHEN ISNAN({quote(q)}) THEN NULL ELSE {quote(q)} END"
        for q in quasi
        if q in floats
    }
    frame = backend.with_columns(data, nan) if nan else data
    nulls = f"SUM(CASE WHEN {quote(person)} IS NULL THEN 1 ELSE 0 END)" if person else "0"
    sql = f'SELECT COUNT(*) AS "rows", {nulls} AS "null_person" FROM {DATA}'  # noqa: S608
    row = backend.collect(backend.query(sql, {DATA: frame})).row(0, named=True)
    if row["rows"] == 0:
        raise InputError("the frame is empty; there is nothing to measure.")
    if row["null_person"]:
        raise InputError(
            f"person column {person!r} has {row['null_person']} missing value(s); "
            "every row needs a person id for the person view."
        )
    return frame


def check_spark(
    data: DataFrame | Path | str,
    config: DisclosureConfig | Path | str,
    *,
    spark: SparkSession | None = None,
) -> DisclosureReport:
    """Check data as they are against the config's profile, on Spark.

    :func:`safelink.disclosure.check` on a Spark DataFrame (the same report as on the local
    engine), after reading a path and caching the data for the check's few queries. For a
    ``tables`` profile the data are the published table: collected to the driver (an
    aggregate table is small) and checked cell by cell.

    Args:
        data: a Spark DataFrame, or the path of a Parquet or CSV input (any path Spark reads;
            CSV is read as text, as on the local engine).
        config: a :class:`~safelink.disclosure.profiles.DisclosureConfig` or its path.
        spark: the session to read a path with (default: the active session or ``local[*]``).

    Returns:
        A :class:`~safelink.disclosure.control.DisclosureReport` (check ``passed``).

    Raises:
        ConfigError: an invalid config.
        InputError: an unreadable input or data that do not fit the config.
        SparkEngineError: Spark cannot start.

    Example::

        report = check_spark("s3a://tre/release.parquet", "disclosure-tre.yaml")
    """
    config = config if isinstance(config, DisclosureConfig) else load_disclosure_config(config)
    frame = _read(data, spark)
    if config.profile.kind == "tables":
        return check(SparkBackend(frame.sparkSession).collect(frame), config)
    # The check reads the data a few times: cache them, unless the caller already has
    # (their cache is theirs to release).
    owned = not frame.is_cached
    if owned:
        frame = frame.persist()
    try:
        return check(frame, config)
    finally:
        if owned:
            frame.unpersist()


def _read(data: DataFrame | Path | str, spark: SparkSession | None) -> DataFrame:
    """The input as a Spark DataFrame: as given, or read from Parquet or CSV (as text)."""
    if not isinstance(data, Path | str):
        return data
    from safelink.engines.spark import spark_session

    session = spark or spark_session()
    text = str(data)
    try:
        if text.lower().endswith((".csv", ".txt")):
            return session.read.option("header", True).option("inferSchema", False).csv(text)
        return session.read.parquet(text)
    except Exception as exc:  # Spark raises AnalysisException and py4j errors here
        raise InputError(
            f"{text}: cannot be read by Spark as Parquet or CSV ({type(exc).__name__}); "
            "check the path and the format."
        ) from exc


def numeric_spark(frame: DataFrame, columns: Sequence[str]) -> DataFrame:
    """Read the config's numeric columns as numbers, as the local engine does.

    Whole numbers become 64-bit integers, others doubles; a value that is not a number is an
    error naming the column (never the value).
    """
    if not columns:
        return frame
    for column in columns:
        if column not in frame.columns:
            raise InputError(f"numeric column {column!r} is not in the data.")
    backend = SparkBackend(frame.sparkSession)
    number = {c: f"TRY_CAST({quote(c)} AS DOUBLE)" for c in columns}
    figures = [
        f"SUM(CASE WHEN {quote(c)} IS NOT NULL AND {number[c]} IS NULL THEN 1 ELSE 0 END) "
        f'AS "bad{i}", SUM(CASE WHEN {number[c]} % 1 <> 0 THEN 1 ELSE 0 END) AS "fraction{i}"'
        for i, c in enumerate(columns)
    ]
    sql = f"SELECT {', '.join(figures)} FROM {DATA}"  # noqa: S608
    row = backend.collect(backend.query(sql, {DATA: frame})).row(0, named=True)
    for i, column in enumerate(columns):
        if row[f"bad{i}"]:
            raise InputError(
                f"column {column!r} has values that are not numbers; fix or recode them."
            )
    numbers: DataFrame = backend.with_columns(
        frame,
        {
            c: number[c] if row[f"fraction{i}"] else f"CAST({number[c]} AS BIGINT)"
            for i, c in enumerate(columns)
        },
    )
    return numbers


__all__ = ["check_spark", "is_spark", "numeric_spark", "prepare_spark"]
