"""Link tokens files into persons: deterministic cascade, then Splink, then clustering.

The linkage unit sees only tokens files (and, for the bias table, the grouping columns of the
content files). ``link`` runs, in order:

1. ``nhs_number_and_date_of_birth``: equal NHS-number token and partner token(s);
2. the configured match keys, each only on records not yet linked;
3. ``probabilistic``: a Fellegi-Sunter model (Splink, DuckDB) on what is left;

then accepts links one-to-one between de-duplicated sources, forms persons as connected
components, and gives each a ``person_id`` derived from its members (not from record order).

Example::

    result = safelink.link(["out/hospital.tokens.parquet", "out/social_care.tokens.parquet"],
                           load_config("configs/demo.yaml"))
    result.links.head()
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from safelink import io
from safelink.atomic import ensure_output_directory
from safelink.config import JobConfig
from safelink.engines import Engine, choose_engine
from safelink.errors import InputError, LinkageError
from safelink.link import quality
from safelink.link.cascade import LINK_SCHEMA, cascade_steps, run_cascade
from safelink.link.cluster import components, one_to_one, person_ids
from safelink.link.config import LinkConfig, link_config
from safelink.link.probabilistic import ModelResult, probability_to_weight, run_splink
from safelink.link.quality import LinkageReport
from safelink.pseudonymise import (
    METADATA_PREFIX,
    RECORD_ID,
    read_tokens_metadata,
    verify_outputs,
)

__all__ = ["LinkConfig", "LinkageReport", "LinkageResult", "link", "link_config", "link_files"]

PROBABILISTIC = "probabilistic"
LINKS_FILE = "links.parquet"
REPORT_FILE = "linkage_report.json"
TOKENS_DIRECTORY_METADATA = "_safelink.json"
_OPTIONAL = (
    "forename_initial", "forename_soundex", "forename_nysiis", "forename_bloom",
    "surname_initial", "surname_soundex", "surname_nysiis", "surname_first_part",
    "surname_last_part", "surname_bloom", "date_of_birth_swapped", "date_of_birth_year",
    "date_of_birth_month", "date_of_birth_day", "postcode_sector", "postcode_district",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class LinkageResult:
    """The outcome of :func:`link`.

    Attributes:
        links: one row per record: ``source``, ``record_id``, ``person_id``, ``step`` (the
            strongest step that linked it; null when unlinked), ``match_weight`` and
            ``match_probability`` (of its best probabilistic link; 1.0 for deterministic).
        report: the linkage-quality report.

    """

    links: pl.DataFrame
    report: LinkageReport


@dataclass(frozen=True, slots=True)
class _Input:
    source: str
    frame: pl.DataFrame
    key_id: str | None
    where: str


def _tokens_directory_metadata(path: Path) -> dict[str, str]:
    """Read the safelink metadata of a Spark tokens directory (its ``_safelink.json``).

    Raises:
        InputError: the directory has no readable ``_safelink.json`` or is not tokens.
    """
    try:
        raw = json.loads((path / TOKENS_DIRECTORY_METADATA).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(
            f"{path}: no readable {TOKENS_DIRECTORY_METADATA} (not a safelink tokens "
            "directory); make it with 'safelink pseudonymise --engine spark'."
        ) from exc
    return _tokens_metadata_from(raw, str(path))


def _tokens_metadata_from(raw: Any, where: str) -> dict[str, str]:
    """Return the safelink entries (prefix removed) of a ``_safelink.json`` document.

    Raises:
        InputError: the document is not a safelink tokens directory's metadata.
    """
    metadata = (
        {
            str(k)[len(METADATA_PREFIX) :]: str(v)
            for k, v in raw.items()
            if str(k).startswith(METADATA_PREFIX)
        }
        if isinstance(raw, dict)
        else {}
    )
    if metadata.get("kind") != "tokens":
        raise InputError(
            f"{where}: {TOKENS_DIRECTORY_METADATA} does not describe safelink tokens; "
            "make the directory with 'safelink pseudonymise --engine spark'."
        )
    return metadata


def _load_input(item: Any, index: int, names: Sequence[str] | None) -> _Input:
    if isinstance(item, str | Path):
        path = Path(item)
        io.complete_interrupted_commits(path.parent)  # before reading any of its files
        if path.is_dir():
            # Spark's tokens directory: part files plus _safelink.json, and no per-file
            # hashes in a summary to verify.
            metadata = _tokens_directory_metadata(path)
            parts: Path | str = str(path / "*.parquet")
        else:
            metadata = read_tokens_metadata(path)
            verify_outputs(path)
            parts = path
        try:
            frame = pl.read_parquet(parts)
        except (OSError, pl.exceptions.PolarsError) as exc:
            raise InputError(f"{path}: cannot read the tokens file.") from exc
        source = metadata.get("source") or path.name.split(".")[0]
        return _Input(source, frame, metadata.get("key_id"), str(path))
    if hasattr(item, "tokens") and hasattr(item, "summary"):
        summary = item.summary
        return _Input(summary.source, io.to_polars(item.tokens), summary.key_id, summary.source)
    frame = io.to_polars(item)
    source = names[index] if names and index < len(names) else f"source_{index + 1}"
    return _Input(source, frame, None, f"input {index + 1} ({source})")


def _check_inputs(inputs: Sequence[_Input], config: LinkConfig) -> list[str]:
    if len(inputs) < 2 and config.deduplicated:
        raise LinkageError(
            "give at least two tokens files to link (or set link.deduplicated: false to "
            "de-duplicate one)."
        )
    key_ids = sorted({i.key_id for i in inputs if i.key_id})
    if len(key_ids) > 1:
        made = ", ".join(f"{i.where}: {i.key_id}" for i in inputs)
        raise LinkageError(
            f"the tokens files were made with different link keys ({made}); tokens under "
            "different keys can never match. Pseudonymise every extract with the same "
            "project key (or keys exported from it)."
        )
    sources = [i.source for i in inputs]
    repeated = sorted({s for s in sources if sources.count(s) > 1})
    if repeated:
        raise LinkageError(
            f"several inputs are source(s) {repeated}; give each provider's extract once, "
            "under its own source name."
        )
    required = config.required_columns()
    problems = []
    for item in inputs:
        if item.frame.height == 0:
            problems.append(f"{item.where}: no records")
            continue
        if RECORD_ID not in item.frame.columns:
            problems.append(f"{item.where}: no '{RECORD_ID}' column (not a safelink tokens file)")
        missing = sorted(c for c in required if c not in item.frame.columns)
        if missing:
            needs = "; ".join(f"{c} (needed by {required[c]})" for c in missing)
            problems.append(f"{item.where}: missing token column(s) {needs}")
    if problems:
        raise LinkageError(
            "cannot link: " + "; ".join(problems) + ". Pseudonymise the extracts with the "
            "identifier columns these settings need, or change the link: section."
        )
    shared = set.intersection(*(set(i.frame.columns) for i in inputs))
    return [*sorted(required), *(c for c in _OPTIONAL if c in shared and c not in required)]


def _records(inputs: Sequence[_Input], columns: Sequence[str]) -> pl.DataFrame:
    frames = []
    for item in sorted(inputs, key=lambda i: i.source):
        frame = item.frame.select(
            pl.col(RECORD_ID).cast(pl.String), *(pl.col(c).cast(pl.String) for c in columns)
        )
        if frame[RECORD_ID].null_count() or frame[RECORD_ID].n_unique() != frame.height:
            raise LinkageError(f"{item.where}: record ids are missing or repeated.")
        frames.append(frame.with_columns(pl.lit(item.source).alias("source")))
    records = pl.concat(frames).sort("source", RECORD_ID)
    return records.with_row_index("node").with_columns(pl.col("node").cast(pl.Int64))


def _read_frame(item: Any, what: str) -> pl.DataFrame:
    if isinstance(item, str | Path):
        return io.read_frame(Path(item))
    return io.to_polars(item)


def _residual(
    records: pl.DataFrame, cascade: pl.DataFrame, sources: Sequence[str]
) -> list[pl.DataFrame]:
    """Return the records still lacking a link to some other source, one frame per source."""
    source_of = records.select("node", "source")
    ends = pl.concat(
        [
            cascade.select(pl.col("node_l").alias("node"), pl.col("node_r").alias("other")),
            cascade.select(pl.col("node_r").alias("node"), pl.col("node_l").alias("other")),
        ]
    ).join(source_of.rename({"node": "other", "source": "other_source"}), on="other")
    reach = ends.group_by("node").agg(pl.col("other_source").n_unique().alias("reached"))
    full = records.join(reach, on="node", how="left").filter(
        pl.col("reached").fill_null(0) < len(sources) - 1
    )
    return [
        full.filter(pl.col("source") == s).drop("reached", "source", RECORD_ID) for s in sources
    ]


def link(
    tokens: Sequence[Any],
    config: JobConfig | LinkConfig | Mapping[str, Any] | None = None,
    *,
    engine: Engine | str = Engine.LOCAL,
    spark: Any = None,
    spark_master: str | None = None,
    truth: Any = None,
    content: Mapping[str, Any] | None = None,
    sources: Sequence[str] | None = None,
) -> LinkageResult:
    """Link two or more tokens files (or frames) into persons.

    Args:
        tokens: tokens files (paths; a Spark tokens directory too),
            :class:`~safelink.pseudonymise.Pseudonymised` results, or DataFrames with
            ``record_id`` and token columns (Spark DataFrames with ``engine="spark"``).
        config: the job config (its ``link:`` section), a :class:`LinkConfig`, the raw
            section, or None for the defaults.
        engine: ``local`` (polars and DuckDB on this machine) or ``spark`` (every step on
            Spark; see :func:`safelink.engines.spark_link.link_spark`). Both give the same
            links, persons and report.
        spark: the Spark session for ``engine="spark"`` (default: the active one, else one
            started for ``spark_master``).
        spark_master: the Spark master URL when no session is given (default ``local[*]``).
        truth: optional ground truth (path or frame: ``source``, ``record_id``,
            ``person_id``) for measured precision, recall and F1.
        content: optional content frames or files by source, for the bias table (only the
            grouping columns are read).
        sources: source names for plain DataFrames (default ``source_1``, ...).

    Returns:
        The per-record links and the quality report.

    Raises:
        LinkageError: inputs made with different keys, missing token columns, empty inputs,
            or a model that cannot be fitted.
        EngineError: an unknown engine.
        ConfigError: the ``link:`` section is invalid.
        InputError: a file cannot be read.
        SparkEngineError: ``engine="spark"`` and Spark cannot start (before any work).

    """
    if choose_engine(engine) is Engine.SPARK:
        # Imported here so that the local engine never imports PySpark.
        from safelink.engines.spark_link import link_spark

        return link_spark(
            tokens,
            config,
            spark=spark,
            master=spark_master,
            truth=truth,
            content=content,
            sources=sources,
        )
    started = time.perf_counter()
    settings = link_config(config)
    inputs = [_load_input(item, i, sources) for i, item in enumerate(tokens)]
    columns = _check_inputs(inputs, settings)
    timings: dict[str, float] = {}
    records = _records(inputs, columns)
    names = sorted({i.source for i in inputs})
    timings["load_seconds"] = time.perf_counter() - started
    cascade, step_times = run_cascade(records, settings, names)
    timings.update({f"step_{k}_seconds": v for k, v in step_times.items()})
    model = _probabilistic(records, cascade, settings, names, timings)
    tick = time.perf_counter()
    threshold = settings.probabilistic.threshold
    candidates = model.pairs.filter(pl.col("match_probability") >= threshold)
    if settings.deduplicated:
        candidates = _drop_decided(candidates, cascade, records)
        accepted = one_to_one(cascade, candidates, records.select("node", "source"))
    else:
        accepted = candidates
    accepted = accepted.select(
        "node_l", "node_r", pl.lit(PROBABILISTIC).alias("step"), "match_weight", "match_probability"
    ).cast(LINK_SCHEMA)  # type: ignore[arg-type]
    links = pl.concat([cascade, accepted])
    labels = components(records.height, links)
    persons = person_ids(records.select("source", RECORD_ID), labels)
    timings["cluster_seconds"] = time.perf_counter() - tick
    order = [s.name for s in cascade_steps(settings)] + [PROBABILISTIC]
    per_record = _per_record(records, links, persons, order)
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
    return LinkageResult(links=per_record, report=report)


def _linkage_report(
    *,
    per_record: pl.DataFrame,
    links: pl.DataFrame,
    accepted: pl.DataFrame,
    model: ModelResult,
    settings: LinkConfig,
    order: Sequence[str],
    truth: Any,
    content: Mapping[str, Any] | None,
    key_id: str | None,
    timings: dict[str, float],
    started: float,
) -> LinkageReport:
    """Assemble the quality report from a linkage's results (both engines use it).

    Args:
        per_record: one row per record in node order (``source``, ``record_id``, ...).
        links: every accepted link (cascade then probabilistic), by node.
        accepted: the accepted probabilistic links.
        model: the probabilistic step's result.
        settings: the link settings.
        order: the steps in the order they ran.
        truth: optional ground truth (path or frame).
        content: optional content frames or files by source (bias table).
        key_id: the link key id of the inputs.
        timings: seconds per phase so far (total and peak memory are added).
        started: when the linkage started (``time.perf_counter``).
    """
    linked = per_record["step"].is_not_null()
    truth_report = None
    if truth is not None:
        nodes = per_record.select("source", RECORD_ID).with_row_index("node")
        truth_report = quality.truth_table(
            per_record.select("source", RECORD_ID, "person_id"),
            _read_frame(truth, "truth"),
            links,
            nodes.with_columns(pl.col("node").cast(pl.Int64)),
        )
    bias = quality.bias_table(settings.bias, _content_frames(content, settings), per_record, linked)
    timings["total_seconds"] = time.perf_counter() - started
    timings["peak_memory_mib"] = _peak_mib()
    return LinkageReport(
        sources=quality.source_table(per_record, linked),
        steps=quality.step_table(links, order),
        model=quality.model_table(
            accepted,
            model.expected_matches_below,
            model.scored_pairs,
            settings.probabilistic.threshold,
            model.threshold_weight,
            model.skipped,
            residual_records=model.residual_records,
            training_records=model.training_records,
            blocked_pairs=model.blocked_pairs,
        ),
        weights=quality.weight_table(model.histogram, model.threshold_weight),
        truth=truth_report,
        bias=bias,
        key_id=key_id,
        timings={k: round(v, 3) for k, v in timings.items()},
    )


def _probabilistic(
    records: pl.DataFrame,
    cascade: pl.DataFrame,
    settings: LinkConfig,
    names: Sequence[str],
    timings: dict[str, float],
) -> ModelResult:
    tick = time.perf_counter()
    prob = settings.probabilistic
    if not prob.enabled:
        from safelink.link.probabilistic import _skipped

        return _skipped(probability_to_weight(prob.threshold), "disabled in the config")
    if settings.deduplicated:
        frames = _residual(records, cascade, names)
        result = run_splink(frames, prob, link_type="link_only")
    else:
        frame = records.drop("source", RECORD_ID)
        result = run_splink([frame], prob, link_type="dedupe_only")
    timings["step_probabilistic_seconds"] = time.perf_counter() - tick
    timings.update({f"probabilistic_{k}": v for k, v in result.timings.items()})
    return result


def _drop_decided(
    candidates: pl.DataFrame, cascade: pl.DataFrame, records: pl.DataFrame
) -> pl.DataFrame:
    """Drop pairs where a record already has a cascade link into the other's source."""
    if candidates.is_empty() or cascade.is_empty():
        return candidates
    source_of = records.select("node", "source")
    taken = pl.concat(
        [
            cascade.select(pl.col("node_l").alias("node"), pl.col("node_r").alias("other")),
            cascade.select(pl.col("node_r").alias("node"), pl.col("node_l").alias("other")),
        ]
    ).join(source_of.rename({"node": "other", "source": "other_source"}), on="other")
    taken = taken.select("node", "other_source").unique()
    with_sources = candidates.join(
        source_of.rename({"node": "node_l", "source": "source_l"}), on="node_l"
    ).join(source_of.rename({"node": "node_r", "source": "source_r"}), on="node_r")
    blocked_l = taken.rename({"node": "node_l", "other_source": "source_r"}).with_columns(
        pl.lit(True).alias("b_l")
    )
    blocked_r = taken.rename({"node": "node_r", "other_source": "source_l"}).with_columns(
        pl.lit(True).alias("b_r")
    )
    kept = (
        with_sources.join(blocked_l, on=["node_l", "source_r"], how="left")
        .join(blocked_r, on=["node_r", "source_l"], how="left")
        .filter(pl.col("b_l").is_null() & pl.col("b_r").is_null())
    )
    return kept.select(candidates.columns)


def _per_record(
    records: pl.DataFrame, links: pl.DataFrame, persons: pl.Series, order: Sequence[str]
) -> pl.DataFrame:
    rank = {step: i for i, step in enumerate(order)}
    ends = pl.concat(
        [
            links.select(
                pl.col("node_l").alias("node"), "step", "match_weight", "match_probability"
            ),
            links.select(
                pl.col("node_r").alias("node"), "step", "match_weight", "match_probability"
            ),
        ]
    ).with_columns(pl.col("step").replace_strict(rank, default=len(rank)).alias("rank"))
    best = (
        ends.sort(["node", "rank", "match_probability"], descending=[False, False, True])
        .group_by("node", maintain_order=True)
        .first()
        .select("node", "step", "match_weight", "match_probability")
    )
    frame = records.select("node", "source", RECORD_ID).with_columns(persons.alias("person_id"))
    return (
        frame.join(best, on="node", how="left")
        .sort("node")
        .select("source", RECORD_ID, "person_id", "step", "match_weight", "match_probability")
    )


def _content_frames(
    content: Mapping[str, Any] | None, settings: LinkConfig
) -> dict[str, pl.DataFrame]:
    if not content or not settings.bias:
        return {}
    wanted: dict[str, set[str]] = {}
    for by_source in settings.bias.values():
        for source, column in by_source.items():
            wanted.setdefault(source, set()).add(column)
    frames = {}
    for source, columns in wanted.items():
        if source not in content:
            continue
        item = content[source]
        names = [RECORD_ID, *sorted(columns)]
        frame = (
            io.read_frame(Path(item), columns=names)
            if isinstance(item, str | Path)
            else io.to_polars(item)
        )
        missing = [c for c in names if c not in frame.columns]
        if missing:
            raise LinkageError(
                f"content of source {source!r} lacks column(s) {missing} named in link.bias; "
                "fix the config or pass the right content file."
            )
        frames[source] = frame.select(names)
    return frames


def _peak_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def link_files(
    paths: Sequence[Path | str],
    config: JobConfig | LinkConfig | Mapping[str, Any] | None,
    out_dir: Path | str,
    *,
    truth: Path | str | None = None,
    content: Mapping[str, Path | str] | None = None,
    engine: Engine | str = Engine.LOCAL,
    spark: Any = None,
    spark_master: str | None = None,
) -> LinkageResult:
    """Link tokens files and write ``links.parquet`` and ``linkage_report.json`` atomically.

    The linkage unit sees tokens only: content files are read (only their grouping columns,
    for the bias table) when the caller passes them explicitly, which only a TTP-side
    operator entitled to both should do.

    Args:
        paths: the tokens files.
        config: the job config (or its ``link:`` section).
        out_dir: the output directory (created if missing).
        truth: optional ground-truth file (``source``, ``record_id``, ``person_id``).
        content: optional content files by source, for the bias table.
        engine: ``local`` or ``spark`` (as for :func:`link`).
        spark: the Spark session for ``engine="spark"`` (default: active, else started).
        spark_master: the Spark master URL when no session is given.

    Returns:
        The links and report, as written.

    Raises:
        LinkageError: the inputs cannot be linked (nothing is written).
        OutputError: the outputs cannot be written.
    """
    result = link(
        list(paths),
        config,
        engine=engine,
        spark=spark,
        spark_master=spark_master,
        truth=truth,
        content=content,
    )
    out = ensure_output_directory(out_dir)
    metadata = {"safelink.kind": "links"}
    if result.report.key_id:
        metadata["safelink.key_id"] = result.report.key_id
    # One group commit: a run killed at any moment leaves the previous pair or the new one.
    with io.atomic_files([out / LINKS_FILE, out / REPORT_FILE]) as (links_tmp, report_tmp):
        io.write_parquet(result.links, links_tmp, metadata=metadata)
        io.write_json(result.report.to_dict(), report_tmp)
    return result
