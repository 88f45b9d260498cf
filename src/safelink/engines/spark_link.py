"""Linkage on Spark, end to end: the local engine's links, persons and report.

:func:`link_spark` (what ``safelink.link.link(..., engine="spark")`` calls) runs every step
that grows with the data as Spark DataFrame operations:

1. loading: tokens files (a local-engine Parquet file, or the ``SOURCE.tokens.parquet/``
   directory Spark pseudonymise writes, with its ``_safelink.json``), Spark DataFrames,
   polars/pandas frames or pseudonymisation results; the local engine's input checks, with
   its messages; node numbers identical to the local engine's (records sorted by source and
   record id, numbered with per-partition offsets, so no single-partition window);
2. the deterministic cascade (:mod:`safelink.engines.spark_cascade`);
3. the Splink model on the residual with Splink's ``SparkAPI`` (:func:`run_splink_spark`);
4. one-to-one acceptance, connected components and person ids
   (:mod:`safelink.engines.spark_cluster`).

The driver receives the scored candidate pairs (as with the local engine's model step), the
per-record result (one row per record, through Arrow) and the accepted links, from which the
report tables are computed with :mod:`safelink.link.quality`, as the local engine does.
"""

from __future__ import annotations

import json
import logging
import secrets
import time
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from safelink import io
from safelink.config import JobConfig
from safelink.errors import InputError, LinkageError
from safelink.link.config import LinkConfig, ProbabilisticSettings
from safelink.link.probabilistic import (
    _MIN_RECORDS,
    ModelResult,
    _parameters,
    _skipped,
    check_blocked_pairs,
    model_result,
    probability_to_weight,
    sample_order_key,
    sample_seed_offset,
    trained_settings,
    training_sample,
    twice_blocked_pairs,
)
from safelink.pseudonymise import RECORD_ID

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

    from safelink.link import LinkageResult

_METADATA_FILE = "_safelink.json"


def run_splink_spark(
    frames: Sequence[pl.DataFrame | DataFrame],
    settings: ProbabilisticSettings,
    *,
    link_type: str = "link_only",
    spark: Any = None,
    break_lineage_method: str = "persist",
) -> ModelResult:
    """Train and score the local engine's Fellegi-Sunter model with Splink on Spark.

    Args:
        frames: one frame per source (``node`` plus token columns), the residual records:
            polars frames or Spark DataFrames.
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
    sizes = [f.height if isinstance(f, pl.DataFrame) else f.count() for f in frames]
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
                frames, sizes, settings, link_type, threshold_weight, session, break_lineage_method
            )
    except LinkageError:
        raise
    except Exception as exc:  # Splink, Spark and py4j raise many kinds
        _raise_if_driver_limit(exc)
        raise LinkageError(
            f"the probabilistic step failed on Spark ({type(exc).__name__}); check the "
            "blocking rules and comparisons in link.probabilistic, or disable it."
        ) from exc
    finally:
        splink_logger.setLevel(level)


def _raise_if_driver_limit(exc: BaseException) -> None:
    """Turn Spark's refusal to send the driver more than ``maxResultSize`` into a clear error."""
    if "maxResultSize" in str(exc):
        raise LinkageError(
            "a result collected to the Spark driver exceeded spark.driver.maxResultSize; raise "
            "it (and spark.driver.memory) in the Spark settings, or lower "
            "link.probabilistic.max_training_records."
        ) from exc


def _training_frames(
    frames: Sequence[pl.DataFrame | DataFrame],
    sizes: Sequence[int],
    settings: ProbabilisticSettings,
) -> list[pl.DataFrame]:
    """Collect the records to train on: all, or the local engine's seeded sample of each source.

    A Spark frame over ``max_training_records`` is sampled on Spark (the records with the
    smallest order key, as :func:`~safelink.link.probabilistic.training_sample` picks them), so
    only the sample reaches the driver.
    """
    from pyspark.sql import functions as F  # noqa: N812

    limit = settings.max_training_records
    key = sample_order_key(
        F.col("node").cast("bigint"),
        sample_seed_offset(settings),
        lambda value, n: value.bitwiseXOR(F.shiftright(value, n)),
    )
    collected = []
    for frame, size in zip(frames, sizes, strict=True):
        if isinstance(frame, pl.DataFrame):
            collected.append(frame)
        elif size > limit:
            chosen = (
                frame.withColumn("_sample_key", key).orderBy("_sample_key", "node").limit(limit)
            )
            collected.append(_to_polars(chosen.drop("_sample_key")).sort("node"))
        else:
            collected.append(_to_polars(frame))
    sample = training_sample(collected, settings)  # polars inputs over the limit
    return collected if sample is None else sample


def _run(
    frames: Sequence[pl.DataFrame | DataFrame],
    sizes: Sequence[int],
    settings: ProbabilisticSettings,
    link_type: str,
    threshold_weight: float,
    spark: Any,
    break_lineage_method: str,
) -> ModelResult:
    from splink import Linker, SparkAPI

    timings: dict[str, float] = {}
    db_api = SparkAPI(  # type: ignore[no-untyped-call]
        spark_session=spark,
        break_lineage_method=break_lineage_method,
        register_udfs_automatically=False,
    )
    tables = [
        spark.createDataFrame(frame.rename({"node": "unique_id"}).to_arrow())
        if isinstance(frame, pl.DataFrame)
        else frame.withColumnRenamed("node", "unique_id")
        for frame in frames
    ]
    # Names unique to this run: Splink refuses to register over an existing view, and a
    # session may link several times (or several jobs at once).
    run = secrets.token_hex(4)
    names = [f"safelink_src_{run}_{i}" for i in range(len(tables))]
    view = f"safelink_predictions_{run}"
    before = _splink_views(spark)
    tick = time.perf_counter()
    blocked = _blocked_pairs(tables, settings, link_type)
    check_blocked_pairs(blocked, settings)
    timings["count_blocked_pairs_seconds"] = time.perf_counter() - tick
    try:
        registered = [
            db_api.register(table, table_name=name)
            for table, name in zip(tables, names, strict=True)
        ]
        # Train on the driver with DuckDB, as the local engine does (on the same seeded sample
        # when the residual is large), then score every blocked pair on Spark with that model:
        # Splink on Spark estimated some u probabilities differently from DuckDB on the same
        # records, so its links near the threshold differed.
        training = _training_frames(frames, sizes, settings)
        model = trained_settings(
            training, settings, link_type=link_type, dialect="spark", timings=timings
        )
        linker = Linker(registered if len(registered) > 1 else registered[0], model, log_level=None)
        tick = time.perf_counter()
        predictions = linker.inference.predict().as_spark_dataframe()
        predictions.createOrReplaceTempView(view)
        timings["predict_seconds"] = time.perf_counter() - tick
        floor = min(settings.threshold, 0.01)
        pairs = pl.from_arrow(
            spark.sql(
                "SELECT CAST(unique_id_l AS BIGINT) AS node_l, "  # noqa: S608
                "CAST(unique_id_r AS BIGINT) AS node_r, match_weight, match_probability "
                f"FROM {view}"
            )
            .where(f"match_probability >= {floor:.17g}")
            .toArrow()
        )
        histogram = pl.from_arrow(
            spark.sql(
                "SELECT CAST(floor(match_weight) AS DOUBLE) AS bin, count(*) AS pairs "  # noqa: S608
                f"FROM {view} GROUP BY 1 ORDER BY 1"
            ).toArrow()
        )
        below, scored = spark.sql(
            f"SELECT coalesce(sum(CASE WHEN match_probability < {settings.threshold} "  # noqa: S608
            f"THEN match_probability ELSE 0 END), 0), count(*) FROM {view}"
        ).collect()[0]
        parameters = _parameters(linker)
    finally:
        # Splink persists its intermediate tables and never releases them: unpersist and drop
        # what this run made, so a long-lived session does not fill its memory run by run.
        for name in sorted(_splink_views(spark) - before):
            spark.table(name).unpersist()
            spark.catalog.dropTempView(name)
        for name in [*names, view]:
            spark.catalog.dropTempView(name)
    timings["collect_seconds"] = time.perf_counter() - tick - timings["predict_seconds"]
    return model_result(
        pairs,
        histogram,
        below,
        scored,
        threshold_weight,
        parameters,
        timings,
        residual_records=sum(sizes),
        training_records=sum(frame.height for frame in training),
        blocked_pairs=blocked,
    )


def _blocked_pairs(
    tables: Sequence[DataFrame], settings: ProbabilisticSettings, link_type: str
) -> list[dict[str, Any]]:
    """The local engine's :func:`~safelink.link.probabilistic.blocked_pairs`, as Spark group-bys.

    Only one number per rule reaches the driver.
    """
    from functools import reduce

    from pyspark.sql import functions as F  # noqa: N812

    rows = []
    for rule in settings.blocking:
        columns = list(rule)
        counts = reduce(
            lambda a, b: a.unionByName(b),
            [t.select(columns).dropna().groupBy(columns).count() for t in tables],
        )
        keyed = counts.groupBy(columns).agg(
            F.sum("count").alias("keyed"), F.sum(F.col("count") * F.col("count")).alias("sq")
        )
        (twice,) = keyed.select(
            F.sum(twice_blocked_pairs(F.col("keyed"), F.col("sq"), link_type))
        ).collect()[0]
        rows.append({"rule": columns, "pairs": int(twice or 0) // 2})
    return rows


def _to_polars(frame: DataFrame) -> pl.DataFrame:
    """Collect a Spark DataFrame to the driver through Arrow.

    Raises:
        LinkageError: the result exceeded ``spark.driver.maxResultSize`` (says what to set).
    """
    try:
        collected = pl.from_arrow(frame.toArrow())
    except Exception as exc:  # py4j and Spark raise many kinds
        _raise_if_driver_limit(exc)
        raise
    assert isinstance(collected, pl.DataFrame)
    return collected


def _splink_views(spark: Any) -> set[str]:
    """Names of the temporary views Splink has made in the session."""
    return {
        table.name
        for table in spark.catalog.listTables()
        if table.isTemporary and table.name.startswith("__splink__")
    }


@dataclass(frozen=True, slots=True)
class _SparkInput:
    source: str
    frame: DataFrame
    key_id: str | None
    where: str


def _spark_metadata(spark: SparkSession, text: str) -> dict[str, str]:
    """Read ``_safelink.json`` of a tokens directory on a Hadoop-compatible path."""
    from safelink.link import _tokens_metadata_from

    try:
        rows = spark.read.text(f"{text}/{_METADATA_FILE}", wholetext=True).collect()
        raw = json.loads(rows[0][0])
    except Exception as exc:  # Spark raises AnalysisException and py4j errors here
        raise InputError(
            f"{text}: no readable {_METADATA_FILE} (not a safelink tokens directory); make it "
            "with 'safelink pseudonymise --engine spark'."
        ) from exc
    return _tokens_metadata_from(raw, text)


def _read_tokens(spark: SparkSession, item: str | Path) -> tuple[DataFrame, dict[str, str]]:
    from safelink.link import _tokens_directory_metadata
    from safelink.pseudonymise import read_tokens_metadata, verify_outputs

    text = str(item)
    if "://" in text and not text.startswith("file://"):
        metadata = _spark_metadata(spark, text.rstrip("/"))
        where = text
    else:
        path = Path(text.removeprefix("file://"))
        io.complete_interrupted_commits(path.parent)
        if path.is_dir():
            metadata = _tokens_directory_metadata(path)
        else:
            metadata = read_tokens_metadata(path)
            verify_outputs(path)
        where = str(path.resolve())
    try:
        return spark.read.parquet(where), metadata
    except Exception as exc:  # Spark raises AnalysisException and py4j errors here
        raise InputError(f"{text}: cannot read the tokens file.") from exc


def _load_spark_input(
    spark: SparkSession, item: Any, index: int, names: Sequence[str] | None
) -> _SparkInput:
    from pyspark.sql import DataFrame as SparkFrame

    if isinstance(item, str | Path):
        frame, metadata = _read_tokens(spark, item)
        source = metadata.get("source") or Path(str(item).rstrip("/")).name.split(".")[0]
        return _SparkInput(source, frame, metadata.get("key_id"), str(item))
    if hasattr(item, "tokens") and hasattr(item, "summary"):
        summary = item.summary
        tokens = item.tokens
        if not isinstance(tokens, SparkFrame):
            tokens = spark.createDataFrame(io.to_polars(tokens).to_arrow())
        return _SparkInput(summary.source, tokens, summary.key_id, summary.source)
    source = names[index] if names and index < len(names) else f"source_{index + 1}"
    where = f"input {index + 1} ({source})"
    if isinstance(item, SparkFrame):
        return _SparkInput(source, item, None, where)
    return _SparkInput(source, spark.createDataFrame(io.to_polars(item).to_arrow()), None, where)


def _check_spark_inputs(inputs: Sequence[_SparkInput], settings: LinkConfig) -> list[str]:
    """Run the local engine's input checks (same messages) on column names and emptiness."""
    from safelink.link import _check_inputs, _Input

    standins = []
    for item in inputs:
        # A zero- or one-row stand-in with the input's columns: the checks read only these.
        schema = dict.fromkeys(item.frame.columns, pl.String())
        rows = 0 if item.frame.isEmpty() else 1
        frame = pl.DataFrame({c: [None] * rows for c in schema}, schema=schema)
        standins.append(_Input(item.source, frame, item.key_id, item.where))
    return _check_inputs(standins, settings)


def _records_spark(inputs: Sequence[_SparkInput], columns: Sequence[str]) -> DataFrame:
    """Union the inputs and number records 0.. in (source, record_id) order, as locally."""
    from pyspark.sql import functions as F  # noqa: N812

    ordered_inputs = sorted(inputs, key=lambda i: i.source)
    union: DataFrame | None = None
    for item in ordered_inputs:
        frame = item.frame.select(
            F.col(RECORD_ID).cast("string").alias(RECORD_ID),
            *(F.col(c).cast("string").alias(c) for c in columns),
            F.lit(item.source).alias("source"),
        )
        union = frame if union is None else union.unionByName(frame)
    assert union is not None
    counts = {
        row["source"]: row
        for row in union.groupBy("source")
        .agg(
            F.count(F.lit(1)).alias("rows"),
            F.count(RECORD_ID).alias("present"),
            F.countDistinct(RECORD_ID).alias("distinct"),
        )
        .collect()
    }
    for item in ordered_inputs:
        row = counts[item.source]
        if row["present"] != row["rows"] or row["distinct"] != row["rows"]:
            raise LinkageError(f"{item.where}: record ids are missing or repeated.")
    # A global sort, then per-partition offsets: the local engine's numbering without moving
    # every record into one partition (as a window over the whole frame would).
    positioned = (
        union.orderBy("source", RECORD_ID)
        .withColumn("_part", F.spark_partition_id())
        .withColumn("_id", F.monotonically_increasing_id())
        .localCheckpoint()
    )
    sizes = positioned.groupBy("_part").agg(F.count(F.lit(1)).alias("n")).collect()
    offsets, running = [], 0
    for part, size in sorted((int(r["_part"]), int(r["n"])) for r in sizes):
        offsets.append((part, running))
        running += size
    spark = union.sparkSession
    table = F.broadcast(spark.createDataFrame(offsets, "_part INT, _offset BIGINT"))
    # monotonically_increasing_id is (partition << 33) + position within the partition.
    node = F.col("_offset") + F.col("_id") - F.shiftleft(F.col("_part").cast("bigint"), 33)
    return (
        positioned.join(table, on="_part")
        .select(node.alias("node"), RECORD_ID, *columns, "source")
        .localCheckpoint()
    )


def link_spark(
    tokens: Sequence[Any],
    config: JobConfig | LinkConfig | Mapping[str, Any] | None = None,
    *,
    spark: Any = None,
    master: str | None = None,
    truth: Any = None,
    content: Mapping[str, Any] | None = None,
    sources: Sequence[str] | None = None,
) -> LinkageResult:
    """Link tokens on Spark: the local engine's links, person ids and report.

    Called by ``safelink.link.link(..., engine="spark")``. Every step that grows with the
    records runs on Spark. The driver holds the probabilistic candidates above the threshold
    (few: at most about one per residual record) for the greedy one-to-one pass, and receives
    the result (one row per record, through Arrow) and the accepted links for the report.

    Args:
        tokens: tokens files or directories (local or Hadoop-compatible paths),
            pseudonymisation results (local or Spark), Spark, polars or pandas frames.
        config: the job config, a ``LinkConfig``, the raw section, or None.
        spark: the Spark session (default: the active one, else a checked session).
        master: the Spark master when no session is given (default ``local[*]``).
        truth: optional ground truth for precision and recall.
        content: optional content frames for the bias table.
        sources: source names for plain DataFrames.

    Returns:
        The :class:`~safelink.link.LinkageResult`, equal to the local engine's (timings and
        the model's floating-point estimates apart).

    Raises:
        LinkageError: the inputs cannot be linked or the model cannot be fitted.
        SparkEngineError: Spark cannot start (checked before any work).

    """
    from safelink.engines.spark import spark_session
    from safelink.link import link_config

    session = spark if spark is not None else spark_session(master)
    settings = link_config(config)
    return _link(session, tokens, settings, truth=truth, content=content, sources=sources)


def _link(
    spark: SparkSession,
    tokens: Sequence[Any],
    settings: LinkConfig,
    *,
    truth: Any,
    content: Mapping[str, Any] | None,
    sources: Sequence[str] | None,
) -> LinkageResult:
    from pyspark.sql import functions as F  # noqa: N812

    from safelink.engines.spark_cascade import SEQUENCE, residual_spark, run_cascade_spark
    from safelink.engines.spark_cluster import (
        accept_one_to_one,
        components_spark,
        per_record_spark,
    )
    from safelink.link import (
        PROBABILISTIC,
        LinkageResult,
        _linkage_report,
    )
    from safelink.link.cascade import LINK_SCHEMA, cascade_steps

    started = time.perf_counter()
    inputs = [_load_spark_input(spark, item, i, sources) for i, item in enumerate(tokens)]
    columns = _check_spark_inputs(inputs, settings)
    timings: dict[str, float] = {}
    records = _records_spark(inputs, columns)
    names = sorted({i.source for i in inputs})
    timings["load_seconds"] = time.perf_counter() - started
    cascade, step_times = run_cascade_spark(records, settings, names)
    timings.update({f"step_{k}_seconds": v for k, v in step_times.items()})
    tick = time.perf_counter()
    prob = settings.probabilistic
    if not prob.enabled:
        model = _skipped(probability_to_weight(prob.threshold), "disabled in the config")
    else:
        if settings.deduplicated:
            frames = residual_spark(records, cascade, names, columns)
            model = run_splink_spark(frames, prob, link_type="link_only", spark=spark)
        else:
            frame = records.select("node", *columns).localCheckpoint()
            model = run_splink_spark([frame], prob, link_type="dedupe_only", spark=spark)
        timings["step_probabilistic_seconds"] = time.perf_counter() - tick
        timings.update({f"probabilistic_{k}": v for k, v in model.timings.items()})
    tick = time.perf_counter()
    candidates = model.pairs.filter(pl.col("match_probability") >= prob.threshold)
    if settings.deduplicated:
        accepted = accept_one_to_one(candidates, cascade, records)
    else:
        accepted = candidates
    accepted = accepted.select(
        "node_l", "node_r", pl.lit(PROBABILISTIC).alias("step"), "match_weight", "match_probability"
    ).cast(LINK_SCHEMA)  # type: ignore[arg-type]
    cascade_links = _to_polars(cascade.orderBy(SEQUENCE, "node_l", "node_r").select(*LINK_SCHEMA))
    links = pl.concat([cascade_links.cast(LINK_SCHEMA), accepted])  # type: ignore[arg-type]
    all_links = cascade.select(*LINK_SCHEMA)
    if accepted.height:
        all_links = all_links.unionByName(
            spark.createDataFrame(accepted.to_arrow()).select(
                *(F.col(c).cast(t) for c, t in _SPARK_TYPES.items())
            )
        )
    labels = components_spark(all_links)
    order = [s.name for s in cascade_steps(settings)] + [PROBABILISTIC]
    collected = _to_polars(per_record_spark(records, all_links, labels, order))
    per_record = collected.cast(_PER_RECORD_SCHEMA)  # type: ignore[arg-type]
    timings["cluster_seconds"] = time.perf_counter() - tick
    report = _linkage_report(
        per_record=per_record,
        links=links,
        accepted=accepted,
        model=model,
        settings=settings,
        order=order,
        truth=truth,
        content=content,
        key_id=next((i.key_id for i in inputs if i.key_id), None),
        timings=timings,
        started=started,
    )
    records.unpersist()
    return LinkageResult(links=per_record, report=report)


_SPARK_TYPES = {
    "node_l": "bigint",
    "node_r": "bigint",
    "step": "string",
    "match_weight": "double",
    "match_probability": "double",
}
_PER_RECORD_SCHEMA = {
    "source": pl.String(),
    RECORD_ID: pl.String(),
    "person_id": pl.String(),
    "step": pl.String(),
    "match_weight": pl.Float64(),
    "match_probability": pl.Float64(),
}
