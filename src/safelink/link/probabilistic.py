"""Fellegi-Sunter linkage of the residual records with Splink, on tokens only.

Every comparison is built from exact agreement of keyed tokens, full values first, then the
partial tokens that survive the error the level is meant to catch: phonetic codes and initials
(misspellings), forename/surname cross-agreement (swapped names), the day/month-swapped date of
birth and two of three date parts (date errors), year and month or year alone where a date of
birth is partial (``1978``, ``1978-03``: no full-date token), postcode sector and district
(moves nearby), the building and the street of an address written differently, and, when
the tokens files carry them, Dice similarity of keyed Bloom-filter
encodings of names (misspellings that phonetic codes miss). No cleartext is needed. m
probabilities come from EM, u probabilities from random sampling, with term-frequency
adjustment of exact agreement on the columns the config names.

:func:`run_splink` is written once for every engine: the blocked-pair counts and the training
sample are SQL run by the :class:`~safelink.engines.backend.Backend`, and Splink runs through
the database its backend calls for (:func:`splink_database`: Splink's ``DuckDBAPI`` locally,
its ``SparkAPI`` on Spark). Locally the model is trained where it scores; on Spark it is
trained on the driver with DuckDB (on the same records or the same seeded sample as locally)
and scores every blocked pair on Spark, because Splink on Spark estimated some u
probabilities differently from DuckDB on the same records.
"""

from __future__ import annotations

import logging
import math
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from safelink.engines import Engine
from safelink.engines.backend import Backend, DuckDBBackend, full_sql
from safelink.errors import LinkageError
from safelink.link.comparisons import (
    blocking_rule,
    comparisons,
)
from safelink.link.config import ProbabilisticSettings
from safelink.link.sampling import (
    _MIN_RECORDS,
    blocked_pairs,
    check_blocked_pairs,
    training_sample,
)
from safelink.link.splink_db import (
    SplinkDatabase,
    column_names,
    duckdb_tables,
    in_duckdb_dialect,
    loadable,
    local_frames,
    splink_database,
    table_sizes,
    with_words,
)
from safelink.link.waterfall import pair_waterfalls

logger = logging.getLogger("safelink.link")


@dataclass(frozen=True, slots=True)
class ModelResult:
    """What the probabilistic step produced.

    Attributes:
        pairs: scored pairs at or above a low floor (``node_l``, ``node_r``, ``match_weight``,
            ``match_probability``).
        histogram: match-weight histogram of every scored pair (``bin`` lower edge, ``pairs``).
        expected_matches_below: model-expected true matches among pairs under the threshold.
        scored_pairs: pairs compared after blocking.
        threshold_weight: the threshold as a match weight.
        parameters: per comparison level, the trained m, u and Bayes factor.
        timings: seconds per phase.
        skipped: why the step was skipped, when it was.
        residual_records: records the step scored (all sources).
        training_records: records the model was trained on (fewer than ``residual_records``
            when a source's residual exceeded ``max_training_records`` and was sampled).
        blocked_pairs: per prediction blocking rule, the pairs it puts forward
            (:func:`blocked_pairs`).
        trained: the trained model (Splink settings, DuckDB's dialect), to score other pairs
            with (:mod:`safelink.link.estimate`); None when the step was skipped.
        em_rules_skipped: training blocking rules whose EM stopped (a probability underflowed
            below what Splink accepts); the parameters keep the earlier rules' estimates.
        waterfall: a few chosen pairs' waterfalls, tokens only (:mod:`safelink.link.waterfall`).

    """

    pairs: pl.DataFrame
    histogram: pl.DataFrame
    expected_matches_below: float
    scored_pairs: int
    threshold_weight: float
    parameters: list[dict[str, Any]] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    skipped: str | None = None
    residual_records: int = 0
    training_records: int = 0
    blocked_pairs: list[dict[str, Any]] = field(default_factory=list)
    trained: dict[str, Any] | None = None
    em_rules_skipped: list[list[str]] = field(default_factory=list)
    waterfall: list[dict[str, Any]] = field(default_factory=list)


def probability_to_weight(probability: float) -> float:
    """Convert a match probability to a match weight (log2 Bayes factor)."""
    return math.log2(probability / (1.0 - probability))


def run_splink(
    frames: Sequence[Any],
    settings: ProbabilisticSettings,
    *,
    link_type: str = "link_only",
    backend: Backend | None = None,
) -> ModelResult:
    """Train a Fellegi-Sunter model on the residual records and score blocked pairs.

    Args:
        frames: one table per source (``node`` int id plus token columns), residual records:
            tables of ``backend`` or polars frames.
        settings: the probabilistic settings.
        link_type: ``link_only`` (across sources) or ``dedupe_only``.
        backend: the engine (default: DuckDB on this machine).

    Returns:
        The scored pairs, the weight histogram and the model's expectations.

    Raises:
        LinkageError: Splink could not train or score the model (or, on Spark, a result
            exceeded the driver's limit).

    """
    backend = backend if backend is not None else DuckDBBackend()
    if backend.engine is Engine.LOCAL:
        # Locally Splink reads polars frames through Arrow, and the counts and the sample are
        # DuckDB SQL (polars' has no bit operators).
        frames = local_frames(backend, frames)
        if settings.bloom:
            # Each filter as integer words and its set bits, once per record: Dice on a pair
            # is then integer AND and popcounts (safelink.pseudonymise.bloom.dice_sql).
            frames = [with_words(f) for f in frames]
        backend = full_sql(backend)
    threshold_weight = probability_to_weight(settings.threshold)
    sizes = table_sizes(backend, frames)
    if min(sizes, default=0) < _MIN_RECORDS and link_type == "link_only":
        return skipped_model(threshold_weight, f"too few residual records ({min(sizes)}) to train")
    database = splink_database(backend)
    splink_logger = logging.getLogger("splink")
    level = splink_logger.level
    # Splink reports untrained levels and similar chatter as log warnings; keep them off
    # the user's terminal (our report says what matters) for the duration of the run.
    splink_logger.setLevel(logging.ERROR)
    try:
        columns = column_names(backend, frames[0])
        if (
            settings.bloom
            and not database.supports_bloom
            and any(c.endswith("_bloom") for c in columns)
        ):
            raise LinkageError(
                "Bloom-filter comparisons are not available on the Spark engine; set "
                "link.probabilistic.bloom: false or use --engine local."
            )
        with warnings.catch_warnings():
            # Splink warns when a level never occurs in the u sample; that is expected on
            # small residuals and changes nothing we report.
            warnings.filterwarnings("ignore", module=r"splink\..*")
            warnings.filterwarnings("ignore", module=r"pyspark\..*")
            return _run(
                backend, database, frames, sizes, columns, settings, link_type, threshold_weight
            )
    except LinkageError:
        raise
    except Exception as exc:  # Splink and its databases raise many kinds
        database.translate(exc)
        raise LinkageError(
            f"the probabilistic step failed{database.failed} ({type(exc).__name__}); check the "
            "blocking rules and comparisons in link.probabilistic, or disable it."
        ) from exc
    finally:
        database.close()
        splink_logger.setLevel(level)


def skipped_model(threshold_weight: float, why: str) -> ModelResult:
    """The result of a probabilistic step that did not run, and why."""
    return ModelResult(
        pairs=pl.DataFrame(
            schema={
                "node_l": pl.Int64,
                "node_r": pl.Int64,
                "match_weight": pl.Float64,
                "match_probability": pl.Float64,
            }
        ),
        histogram=pl.DataFrame(schema={"bin": pl.Float64, "pairs": pl.Int64}),
        expected_matches_below=0.0,
        scored_pairs=0,
        threshold_weight=threshold_weight,
        skipped=why,
    )


def _run(
    backend: Backend,
    database: SplinkDatabase,
    frames: Sequence[Any],
    sizes: Sequence[int],
    columns: set[str],
    settings: ProbabilisticSettings,
    link_type: str,
    threshold_weight: float,
) -> ModelResult:
    from splink import Linker

    timings: dict[str, float] = {}
    tick = time.perf_counter()
    blocked = blocked_pairs(frames, settings, link_type, backend=backend)
    check_blocked_pairs(blocked, settings)
    timings["count_blocked_pairs_seconds"] = time.perf_counter() - tick
    tick = time.perf_counter()
    sample = training_sample(frames, settings, backend=backend, sizes=sizes)
    em_skipped: list[list[str]] = []
    if database.trains_in_place:
        frames = local_frames(backend, frames)
    if sample is None and database.trains_in_place:
        tables = database.register(frames)
        linker = train_model(
            tables, columns, settings, link_type, timings, started=tick, em_skipped=em_skipped
        )
    else:
        # Train on the sample (or every record) with DuckDB on the driver, then score every
        # residual record with the trained model.
        training = sample if sample is not None else local_frames(backend, frames)
        model = trained_settings(
            training,
            settings,
            link_type=link_type,
            dialect=database.dialect,
            timings=timings,
            em_skipped=em_skipped,
        )
        tables = database.register(frames)
        linker = Linker(tables if len(tables) > 1 else tables[0], model, log_level=None)
    tick = time.perf_counter()
    table = database.predict(linker)
    timings["predict_seconds"] = time.perf_counter() - tick
    floor = min(settings.threshold, 0.01)
    pairs = database.sql(
        "SELECT CAST(unique_id_l AS BIGINT) AS node_l, CAST(unique_id_r AS BIGINT) AS node_r, "  # noqa: S608
        f"match_weight, match_probability FROM {table} WHERE match_probability >= {floor!r} "
        "ORDER BY node_l, node_r"
    )
    histogram = database.sql(
        f"SELECT CAST(floor(match_weight) AS DOUBLE) AS bin, count(*) AS pairs FROM {table} "  # noqa: S608
        "GROUP BY 1 ORDER BY 1"
    )
    totals = database.sql(
        f"SELECT coalesce(sum(CASE WHEN match_probability < {settings.threshold!r} "  # noqa: S608
        f"THEN match_probability ELSE 0 END), 0) AS below, count(*) AS scored FROM {table}"
    )
    parameters = _parameters(linker)
    trained = in_duckdb_dialect(linker.misc.save_model_to_json(), database.dialect)
    timings["collect_seconds"] = time.perf_counter() - tick - timings["predict_seconds"]
    tick = time.perf_counter()
    pairs_shown = pair_waterfalls(
        backend, database, linker, table, frames, trained, threshold_weight
    )
    timings["waterfall_seconds"] = time.perf_counter() - tick
    return model_result(
        pairs,
        histogram,
        totals["below"][0],
        totals["scored"][0],
        threshold_weight,
        parameters,
        timings,
        residual_records=sum(sizes),
        training_records=sum(frame.height for frame in sample) if sample else sum(sizes),
        blocked_pairs=blocked,
        trained=trained,
        em_rules_skipped=em_skipped,
        waterfall=pairs_shown,
    )


def trained_settings(
    frames: Sequence[pl.DataFrame],
    settings: ProbabilisticSettings,
    *,
    link_type: str,
    dialect: str,
    timings: dict[str, float],
    em_skipped: list[list[str]] | None = None,
) -> dict[str, Any]:
    """Train the model exactly as the local engine does and return it for another backend.

    Training (u by seeded random sampling, m by EM) runs in DuckDB on the frames given, so any
    engine that scores pairs with the returned model gives the local engine's weights (Splink
    on Spark estimated some u probabilities differently from DuckDB on the same records).

    Args:
        frames: the residual records, one frame per source (``node`` plus token columns).
        settings: the probabilistic settings.
        link_type: ``link_only`` or ``dedupe_only``.
        dialect: the SQL dialect of the backend that will score (e.g. ``spark``); every
            comparison's SQL is transpiled to it.
        timings: seconds per phase are added here.
        em_skipped: training rules whose EM stopped are added here.

    Returns:
        A Splink settings dictionary with the trained m and u probabilities and the prior.
    """
    import sqlglot

    connection, linker = duckdb_trained(
        frames, settings, link_type, timings, started=time.perf_counter(), em_skipped=em_skipped
    )
    model: dict[str, Any] = loadable(linker.misc.save_model_to_json())
    connection.close()
    model["sql_dialect"] = dialect
    for comparison in model.get("comparisons", []) if dialect != "duckdb" else []:
        for level in comparison.get("comparison_levels", []):
            condition = level.get("sql_condition")
            if condition and condition != "ELSE":
                level["sql_condition"] = sqlglot.transpile(condition, read="duckdb", write=dialect)[
                    0
                ]
    return model


def train_model(
    tables: Sequence[Any],
    columns: set[str],
    settings: ProbabilisticSettings,
    link_type: str,
    timings: dict[str, float],
    *,
    started: float,
    em_skipped: list[list[str]] | None = None,
) -> Any:
    """Build and train a Splink linker on registered tables, for any Splink backend.

    The prior comes from deterministic rules where they match (else EM sets it), u from random
    sampling, m from EM on the training blocking rules. Timings are added to ``timings``; a
    training rule whose EM stops because a probability underflowed (Splink refuses values
    under 1e-300) is skipped, the earlier estimates kept, and the rule added to ``em_skipped``.

    Returns:
        The trained ``splink.Linker``.
    """
    from splink import Linker, SettingsCreator

    creator = SettingsCreator(
        link_type=link_type,  # type: ignore[arg-type]
        comparisons=comparisons(columns, settings),
        blocking_rules_to_generate_predictions=[blocking_rule(r) for r in settings.blocking],
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
        max_iterations=20,
    )
    linker = Linker(list(tables) if len(tables) > 1 else tables[0], creator, log_level=None)
    training = linker.training
    deterministic = [
        blocking_rule(r)
        for r in (("date_of_birth", "surname_nysiis"), ("forename", "surname", "postcode_district"))
        if set(r) <= columns
    ]
    if deterministic:
        try:
            training.estimate_probability_two_random_records_match(deterministic, recall=0.7)
        except Exception:  # no deterministic match in a small residual: EM sets the prior
            logger.debug("prior not estimated from deterministic rules; EM will set it")
    training.estimate_u_using_random_sampling(
        max_pairs=settings.max_pairs_for_u, seed=settings.seed
    )
    timings["estimate_u_seconds"] = time.perf_counter() - started
    tick = time.perf_counter()
    for rule in settings.training_blocking:
        if set(rule) <= columns:
            try:
                training.estimate_parameters_using_expectation_maximisation(
                    blocking_rule(rule), estimate_without_term_frequencies=True
                )
            except ValueError as exc:
                if "below the minimum allowed value" not in str(exc):
                    raise
                logger.info("EM on training rule %s stopped: a probability underflowed", rule)
                if em_skipped is not None:
                    em_skipped.append(list(rule))
    timings["em_seconds"] = time.perf_counter() - tick
    return linker


def model_result(
    pairs: Any,
    histogram: Any,
    below: Any,
    scored: Any,
    threshold_weight: float,
    parameters: list[dict[str, Any]],
    timings: dict[str, float],
    *,
    residual_records: int,
    training_records: int,
    blocked_pairs: list[dict[str, Any]],
    trained: dict[str, Any] | None = None,
    em_rules_skipped: list[list[str]] | None = None,
    waterfall: list[dict[str, Any]] | None = None,
) -> ModelResult:
    """Assemble a :class:`ModelResult` from any Splink backend's collected outputs.

    Pair nodes are ordered (smaller first) and weights rounded, so that backends and runs agree
    to the last printed digit.
    """
    assert isinstance(pairs, pl.DataFrame) and isinstance(histogram, pl.DataFrame)
    pairs = pairs.with_columns(
        pl.min_horizontal("node_l", "node_r").cast(pl.Int64).alias("node_l"),
        pl.max_horizontal("node_l", "node_r").cast(pl.Int64).alias("node_r"),
        pl.col("match_weight").round(6),
        pl.col("match_probability").round(9),
    ).sort("node_l", "node_r")
    return ModelResult(
        pairs=pairs,
        histogram=histogram.with_columns(
            pl.col("bin").cast(pl.Float64), pl.col("pairs").cast(pl.Int64)
        ),
        expected_matches_below=float(below),
        scored_pairs=int(scored),
        threshold_weight=threshold_weight,
        parameters=parameters,
        timings=timings,
        residual_records=residual_records,
        training_records=training_records,
        blocked_pairs=blocked_pairs,
        trained=trained,
        em_rules_skipped=em_rules_skipped or [],
        waterfall=waterfall or [],
    )


def _parameters(linker: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    model = linker.misc.save_model_to_json()
    rows.append(
        {"probability_two_random_records_match": model.get("probability_two_random_records_match")}
    )
    for comparison in model.get("comparisons", []):
        for level in comparison.get("comparison_levels", []):
            if level.get("is_null_level"):
                continue
            m = level.get("m_probability")
            u = level.get("u_probability")
            rows.append(
                {
                    "comparison": comparison.get("output_column_name"),
                    "level": level.get("label_for_charts"),
                    "m_probability": m,
                    "u_probability": u,
                    "match_weight": math.log2(m / u) if m and u else None,
                }
            )
    return rows


def duckdb_trained(
    frames: Sequence[pl.DataFrame],
    settings: ProbabilisticSettings,
    link_type: str,
    timings: dict[str, float],
    *,
    started: float,
    em_skipped: list[list[str]] | None = None,
) -> tuple[Any, Any]:
    """Register the frames in an in-memory DuckDB and train the model; return both."""
    connection, tables = duckdb_tables(frames)
    columns = set(frames[0].columns)
    linker = train_model(
        tables, columns, settings, link_type, timings, started=started, em_skipped=em_skipped
    )
    return connection, linker
