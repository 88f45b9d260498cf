"""A whole disclosure check on Spark, and small-number protection of Spark-counted tables.

:func:`check_spark` returns the same :class:`~safelink.disclosure.control.DisclosureReport` as
:func:`safelink.disclosure.check` for the same data and config: the measurements (k, l, t,
risk) run as Spark group-bys (:mod:`safelink.engines.spark_disclosure`), and the profile's
criteria (:mod:`safelink.disclosure.criteria`, the same list the local check loops over)
judge them through :func:`~safelink.disclosure.control.judge`, so the rules and their wording
live in one place.

:func:`protect_counts_spark` counts a cross-tabulation with Spark group-bys and applies NHS
England's small-number rule and secondary suppression on the driver, to the collected table
(one cell per row label and column value: small whatever the size of the data).

``anonymise`` (transformations, suppression, the generalisation search) stays on the local
engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import polars as pl

from safelink.disclosure.control import (
    DisclosureReport,
    _population,
    check,
    judge,
    ordered_attributes,
)
from safelink.disclosure.criteria import Measurements
from safelink.disclosure.profiles import DisclosureConfig, load_disclosure_config
from safelink.disclosure.tables import (
    TOTAL,
    ProtectedTable,
    SmallNumberPolicy,
    secondary_suppression,
)
from safelink.engines.spark_disclosure import (
    _prepare,
    _quoted,
    k_anonymity_spark,
    l_diversity_spark,
    risk_spark,
    t_closeness_spark,
)
from safelink.errors import InputError

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

_MISSING_LABEL = "(missing)"


def protect_counts_spark(
    data: DataFrame,
    *,
    rows: Sequence[str],
    column: str,
    person: str | None = None,
    policy: SmallNumberPolicy | None = None,
) -> ProtectedTable:
    """Cross-tabulate a Spark DataFrame and protect the counts for publication.

    The same table as :func:`safelink.disclosure.tables.protect_counts`. The counts (cells,
    row totals, column totals, grand total) are Spark group-bys; the count table is then
    collected and protected on the driver. That table has one row per row label and one
    column per column value, so it is small even when the data are not.

    Args:
        data: the record-level Spark DataFrame.
        rows: the columns whose combinations are the table's rows.
        column: the column whose values are the table's columns.
        person: count distinct persons instead of rows.
        policy: the small-number policy (NHS England's by default).

    Returns:
        A :class:`~safelink.disclosure.tables.ProtectedTable` with a total row and column.

    Raises:
        InputError: an empty frame or unknown columns.
    """
    from pyspark.sql import functions as F  # noqa: N812

    policy = policy or SmallNumberPolicy()
    rows = list(rows)
    keys = [*rows, column]
    frame = _prepare(data, keys, person=person)
    labelled = frame.select(
        *(F.coalesce(F.col(c).cast("string"), F.lit(_MISSING_LABEL)).alias(c) for c in keys),
        *([person] if person else []),
    )
    measure = (F.countDistinct(person) if person else F.count(F.lit(1))).alias("__n")

    def counted(by: list[str]) -> pl.DataFrame:
        collected = labelled.groupBy(*by).agg(measure).collect()
        return pl.DataFrame(
            {name: [row[name] for row in collected] for name in [*by, "__n"]},
            schema={**dict.fromkeys(by, pl.String), "__n": pl.Int64},
        )

    grand = int(labelled.agg(measure).collect()[0]["__n"])
    return _protect(counted(keys), counted(rows), counted([column]), grand, rows, column, policy)


def _protect(
    long: pl.DataFrame,
    row_totals: pl.DataFrame,
    col_totals: pl.DataFrame,
    grand: int,
    rows: list[str],
    column: str,
    policy: SmallNumberPolicy,
) -> ProtectedTable:
    """Lay the counts out as protect_counts does, then suppress and round (on the driver)."""
    wide = long.pivot(on=column, index=rows, values="__n").fill_null(0).sort(rows)
    headers = sorted(c for c in wide.columns if c not in rows)
    body = wide.select(headers).to_numpy().astype(np.int64)
    col_lookup = dict(zip(col_totals[column].to_list(), col_totals["__n"].to_list(), strict=True))
    grid = np.zeros((body.shape[0] + 1, body.shape[1] + 1), dtype=np.int64)
    grid[:-1, :-1] = body
    grid[:-1, -1] = row_totals.sort(rows)["__n"].to_numpy()
    grid[-1, :-1] = [col_lookup[h] for h in headers]
    grid[-1, -1] = grand
    primary = (grid >= max(policy.low, 1)) & (grid <= policy.high)
    if policy.low == 0:
        primary |= grid == 0
    mask = secondary_suppression(grid, primary) if policy.secondary else primary
    shown = np.vectorize(lambda v: str(policy.round(int(v))))(grid).astype(object)
    shown[mask] = policy.symbol
    labels = wide.select(rows)
    total_row = pl.DataFrame({r: [TOTAL if i == 0 else ""] for i, r in enumerate(rows)})
    labels = pl.concat([labels, total_row])
    names = [*headers, TOTAL]
    cells = pl.DataFrame(
        {h: list(shown[:, j]) for j, h in enumerate(names)},
        schema=dict.fromkeys(names, pl.String),
    )
    counts = pl.concat(
        [labels, pl.DataFrame({h: grid[:, j] for j, h in enumerate(names)})],
        how="horizontal",
    )
    return ProtectedTable(
        table=pl.concat([labels, cells], how="horizontal"),
        counts=counts,
        primary=int(primary.sum()),
        secondary=int(mask.sum() - primary.sum()),
    )


def _measure(
    data: DataFrame, config: DisclosureConfig, population: Any, count: str
) -> Measurements:
    """The measurements the local engine's check takes, as Spark group-bys."""
    quasi, sensitive = tuple(config.quasi_identifiers), tuple(config.sensitive)
    person, missing = config.person, config.missing
    profile = config.profile
    ordered = dict(config.ordered)
    return Measurements(
        k=k_anonymity_spark(data, quasi, person=person, missing=missing),
        l=(
            l_diversity_spark(
                data, quasi, sensitive, l=profile.l or 2, person=person, missing=missing
            )
            if sensitive
            else {}
        ),
        t=(
            t_closeness_spark(
                data, quasi, sensitive, ordered=ordered, person=person, missing=missing
            )
            if sensitive
            else {}
        ),
        risk=risk_spark(
            data,
            quasi,
            person=person,
            missing=missing,
            population=population,
            population_count=count,
            threshold=profile.risk_cap,
        ),
    )


def check_spark(
    data: DataFrame | Path | str,
    config: DisclosureConfig | Path | str,
    *,
    spark: SparkSession | None = None,
) -> DisclosureReport:
    """Check data as they are against the config's profile, on Spark.

    The same report as :func:`safelink.disclosure.check`. For a ``tables`` profile the data
    are the published table: it is collected to the driver (an aggregate table is small) and
    checked cell by cell as on the local engine.

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
        SparkEngineError: Spark cannot start, or the config asks for something only the local
            engine does (the wildcard policy with missing quasi-identifiers).

    Example::

        report = check_spark("s3a://tre/release.parquet", "disclosure-tre.yaml")
    """
    config = config if isinstance(config, DisclosureConfig) else load_disclosure_config(config)
    frame = _read(data, spark)
    if config.profile.kind == "tables":
        return check(_collect(frame), config)
    frame = _numeric(frame, config.numeric)
    # The measurements read the data several times: cache them, unless the caller already
    # has (their cache is theirs to release).
    owned = not frame.is_cached
    if owned:
        frame = frame.persist()
    try:
        population, count = _population(config)
        measured = _measure(frame, config, population, count)
        criteria = config.profile.criteria_for(
            config.sensitive, ordered=config.ordered, numeric=ordered_attributes(measured)
        )
        return judge(config.profile, measured, criteria, rows=measured.k.rows)
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


def _collect(frame: DataFrame) -> pl.DataFrame:
    """A small Spark DataFrame (a published table) as polars, in its row order."""
    rows = frame.collect()
    return pl.DataFrame({name: [row[name] for row in rows] for name in frame.columns})


def _numeric(frame: DataFrame, columns: Sequence[str]) -> DataFrame:
    """Read the config's numeric columns as numbers, as the local engine does.

    Whole numbers become 64-bit integers, others doubles; a value that is not a number is an
    error naming the column (never the value).
    """
    from pyspark.sql import functions as F  # noqa: N812

    if not columns:
        return frame
    for column in columns:
        if column not in frame.columns:
            raise InputError(f"numeric column {column!r} is not in the data.")
    number = {c: F.expr(f"try_cast({_quoted(c)} AS double)") for c in columns}
    figures = frame.agg(
        *(
            F.sum((F.col(c).isNotNull() & number[c].isNull()).cast("long")).alias(f"bad{i}")
            for i, c in enumerate(columns)
        ),
        *(
            F.sum((number[c] % 1 != 0).cast("long")).alias(f"fraction{i}")
            for i, c in enumerate(columns)
        ),
    ).collect()[0]
    for i, column in enumerate(columns):
        if figures[f"bad{i}"]:
            raise InputError(
                f"column {column!r} has values that are not numbers; fix or recode them."
            )
    return frame.withColumns(
        {
            c: number[c] if figures[f"fraction{i}"] else number[c].cast("long")
            for i, c in enumerate(columns)
        }
    )
