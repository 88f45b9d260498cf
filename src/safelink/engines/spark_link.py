"""Linkage with Splink's Spark backend: the local engine's model, settings and output.

The probabilistic step (training on the residual records, blocking and scoring every
candidate pair: the part that grows with the square of the data) runs on Spark through
Splink's ``SparkAPI``, with the very comparisons, blocking rules, seeds and post-processing
of :mod:`safelink.link.probabilistic`. The deterministic cascade and the clustering run where
:func:`safelink.link.link` runs them.
"""

from __future__ import annotations

import logging
import threading
import time
import warnings
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import polars as pl

from safelink.config import JobConfig
from safelink.errors import LinkageError
from safelink.link.config import LinkConfig, ProbabilisticSettings
from safelink.link.probabilistic import (
    _MIN_RECORDS,
    ModelResult,
    _parameters,
    _skipped,
    model_result,
    probability_to_weight,
    train_model,
)

_SWAP_LOCK = threading.Lock()


def run_splink_spark(
    frames: Sequence[pl.DataFrame],
    settings: ProbabilisticSettings,
    *,
    link_type: str = "link_only",
    spark: Any = None,
    break_lineage_method: str = "persist",
) -> ModelResult:
    """Train and score the local engine's Fellegi-Sunter model with Splink on Spark.

    Args:
        frames: one frame per source (``node`` plus token columns), the residual records.
        settings: the probabilistic settings (comparisons, blocking, seeds, threshold).
        link_type: ``link_only`` or ``dedupe_only``/``link_and_dedupe``.
        spark: the Spark session (default: the active one, else a checked ``local[*]``).
        break_lineage_method: how Splink cuts Spark lineage between steps (``persist``,
            ``parquet``, ``checkpoint``, ...; see Splink's ``SparkAPI``).

    Returns:
        A :class:`~safelink.link.probabilistic.ModelResult`, as the DuckDB path returns.

    Raises:
        LinkageError: Splink could not train or score the model.
        SparkEngineError: Spark cannot start.

    """
    from safelink.engines.spark import spark_session

    threshold_weight = probability_to_weight(settings.threshold)
    sizes = [f.height for f in frames]
    if min(sizes, default=0) < _MIN_RECORDS and link_type == "link_only":
        return _skipped(threshold_weight, f"too few residual records ({min(sizes)}) to train")
    if settings.bloom and any(c.endswith("_bloom") for c in frames[0].columns):
        raise LinkageError(
            "Bloom-filter comparisons are not available on the Spark engine; set "
            "link.probabilistic.bloom: false or use --engine local."
        )
    session = spark if spark is not None else spark_session()
    splink_logger = logging.getLogger("splink")
    level = splink_logger.level
    splink_logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", module=r"splink\..*")
            warnings.filterwarnings("ignore", module=r"pyspark\..*")
            return _run(
                frames, settings, link_type, threshold_weight, session, break_lineage_method
            )
    except LinkageError:
        raise
    except Exception as exc:  # Splink, Spark and py4j raise many kinds
        raise LinkageError(
            f"the probabilistic step failed on Spark ({type(exc).__name__}); check the "
            "blocking rules and comparisons in link.probabilistic, or disable it."
        ) from exc
    finally:
        splink_logger.setLevel(level)


def _run(
    frames: Sequence[pl.DataFrame],
    settings: ProbabilisticSettings,
    link_type: str,
    threshold_weight: float,
    spark: Any,
    break_lineage_method: str,
) -> ModelResult:
    from splink import SparkAPI

    timings: dict[str, float] = {}
    tick = time.perf_counter()
    columns = set(frames[0].columns)
    db_api = SparkAPI(  # type: ignore[no-untyped-call]
        spark_session=spark,
        break_lineage_method=break_lineage_method,
        register_udfs_automatically=False,
    )
    tables = [
        spark.createDataFrame(frame.rename({"node": "unique_id"}).to_arrow()) for frame in frames
    ]
    registered = [
        db_api.register(table, table_name=f"safelink_src_{i}") for i, table in enumerate(tables)
    ]
    linker = train_model(registered, columns, settings, link_type, timings, started=tick)
    tick = time.perf_counter()
    predictions = linker.inference.predict().as_spark_dataframe()
    predictions.createOrReplaceTempView("safelink_predictions")
    timings["predict_seconds"] = time.perf_counter() - tick
    floor = min(settings.threshold, 0.01)
    pairs = pl.from_arrow(
        spark.sql(
            "SELECT CAST(unique_id_l AS BIGINT) AS node_l, CAST(unique_id_r AS BIGINT) AS node_r, "
            "match_weight, match_probability FROM safelink_predictions"
        )
        .where(f"match_probability >= {floor:.17g}")
        .toArrow()
    )
    histogram = pl.from_arrow(
        spark.sql(
            "SELECT CAST(floor(match_weight) AS DOUBLE) AS bin, count(*) AS pairs "
            "FROM safelink_predictions GROUP BY 1 ORDER BY 1"
        ).toArrow()
    )
    below, scored = spark.sql(
        f"SELECT coalesce(sum(CASE WHEN match_probability < {settings.threshold} "  # noqa: S608
        "THEN match_probability ELSE 0 END), 0), count(*) FROM safelink_predictions"
    ).collect()[0]
    parameters = _parameters(linker)
    timings["collect_seconds"] = time.perf_counter() - tick - timings["predict_seconds"]
    return model_result(pairs, histogram, below, scored, threshold_weight, parameters, timings)


@contextmanager
def _spark_model(spark: Any) -> Iterator[None]:
    """TEMPORARY: route :func:`safelink.link.link`'s model step to Spark for one call.

    Until ``link()`` takes an engine, this swaps the module's ``run_splink`` under a lock.
    """
    import importlib

    # importlib, not "import safelink.link": the package re-exports a function of that name.
    link_module = importlib.import_module("safelink.link")
    original = link_module.run_splink

    def on_spark(
        frames: Sequence[pl.DataFrame], settings: ProbabilisticSettings, *, link_type: str
    ) -> ModelResult:
        return run_splink_spark(frames, settings, link_type=link_type, spark=spark)

    with _SWAP_LOCK:
        link_module.run_splink = on_spark  # type: ignore[attr-defined]
        try:
            yield
        finally:
            link_module.run_splink = original  # type: ignore[attr-defined]


def link_spark(
    tokens: Sequence[Any],
    config: JobConfig | LinkConfig | Mapping[str, Any] | None = None,
    *,
    spark: Any = None,
    truth: Any = None,
    content: Mapping[str, Any] | None = None,
    sources: Sequence[str] | None = None,
) -> Any:
    """Link tokens as :func:`safelink.link.link` does, with the probabilistic model on Spark.

    Args:
        tokens: tokens files, pseudonymisation results or frames (as for ``link``).
        config: the job config, a ``LinkConfig``, the raw section, or None.
        spark: the Spark session (default: the active one, else a checked ``local[*]``).
        truth: optional ground truth for precision and recall.
        content: optional content frames for the bias table.
        sources: source names for plain DataFrames.

    Returns:
        The :class:`~safelink.link.LinkageResult`.

    Raises:
        LinkageError: the inputs cannot be linked or the model cannot be fitted.
        SparkEngineError: Spark cannot start.

    """
    from safelink.engines.spark import spark_session
    from safelink.link import link

    session = spark if spark is not None else spark_session()
    with _spark_model(session):
        return link(tokens, config, truth=truth, content=content, sources=sources)
