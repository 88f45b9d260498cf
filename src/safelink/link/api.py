"""The public entry to linkage: :func:`link` (tokens frames or files) and :func:`link_files`.

Both choose the engine and backend, drop erased persons, run :func:`~safelink.link.flow.run_link`
and (for files) write the links, the linkage report and the person index atomically.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import polars as pl

from safelink.config import JobConfig
from safelink.engines import Engine, choose_engine
from safelink.engines.backend import Backend, PolarsBackend, SparkBackend
from safelink.governance.erasures import erased_persons, read_erasures
from safelink.infra import io
from safelink.infra.atomic import ensure_output_directory
from safelink.infra.progress import Progress
from safelink.link.config import LinkConfig, link_config
from safelink.link.flow import LinkageResult, run_link
from safelink.link.index import (
    PersonIndex,
    empty_index,
    link_with_index,
    read_index,
    write_index,
)
from safelink.pseudonymise import read_tokens_metadata

LINKS_FILE = "links.parquet"
REPORT_FILE = "linkage_report.json"


def link(
    tokens: Sequence[Any],
    config: JobConfig | LinkConfig | Mapping[str, Any] | None = None,
    *,
    engine: Engine | str = Engine.LOCAL,
    spark: Any = None,
    spark_master: str | None = None,
    spark_conf: Mapping[str, str] | None = None,
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
            Spark); the same steps run on both (:mod:`safelink.link.flow`), and give the
            same links, persons and report.
        spark: the Spark session for ``engine="spark"`` (default: the active one, else one
            started for ``spark_master``).
        spark_master: the Spark master URL when no session is given (default ``local[*]``).
        spark_conf: Spark settings for a session started here (``--spark-conf``).
        truth: optional ground truth (path or frame: ``source``, ``record_id``,
            ``person_id``) for measured precision, recall and F1.
        content: optional content frames or files by source, for the bias table (only the
            grouping columns are read).
        sources: source names for plain DataFrames (default ``source_1``, ...).

    Returns:
        The per-record links (pandas when any input was pandas or a pandas
        :class:`~safelink.pseudonymise.Pseudonymised`, else polars) and the quality report.

    Raises:
        LinkageError: inputs made with different keys, missing token columns, empty inputs,
            or a model that cannot be fitted.
        EngineError: an unknown engine.
        ConfigError: the ``link:`` section is invalid.
        InputError: a file cannot be read.
        SparkEngineError: ``engine="spark"`` and Spark cannot start (before any work).

    """
    settings = link_config(config)
    with _backend(engine, spark, spark_master, spark_conf) as backend:
        result = run_link(backend, tokens, settings, truth=truth, content=content, sources=sources)
    return dataclasses.replace(result, links=io.as_given(result.links, *tokens))


def _without_erased(
    index: PersonIndex,
    result: LinkageResult,
    paths: Sequence[Path | str],
    config: JobConfig | LinkConfig | Mapping[str, Any] | None,
    erasures: Path | str,
) -> PersonIndex:
    """``index`` less the persons the erasure register names (by id or NHS-number token)."""
    tokens = {
        read_tokens_metadata(p).get("source", Path(p).name.split(".")[0]): Path(p) for p in paths
    }
    job = config if isinstance(config, JobConfig) else None
    erased = erased_persons(read_erasures(erasures), result.links, tokens, job)
    erased |= read_erasures(erasures).person_ids()
    kept = index.records.filter(~pl.col("person_id").is_in(sorted(erased)))
    return dataclasses.replace(index, records=kept)


@contextmanager
def _backend(
    engine: Engine | str,
    spark: Any,
    spark_master: str | None,
    spark_conf: Mapping[str, str] | None = None,
) -> Iterator[Backend]:
    """The backend of ``engine``; a Spark failure to collect names the setting to raise."""
    if choose_engine(engine) is not Engine.SPARK:
        yield PolarsBackend()
        return
    # Imported here so that the local engine never imports PySpark.
    from safelink.engines.spark import spark_session
    from safelink.engines.spark_link import raise_if_driver_limit

    session = spark if spark is not None else spark_session(spark_master, config=spark_conf)
    try:
        yield SparkBackend(session)
    except Exception as exc:  # py4j and Spark raise many kinds
        raise_if_driver_limit(exc)  # any collect to the driver, not only the model's
        raise


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
    spark_conf: Mapping[str, str] | None = None,
    index: Path | str | None = None,
    erasures: Path | str | None = None,
    progress: bool = False,
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
        spark_conf: Spark settings for a session started here (``--spark-conf``).
        index: a person index file (:mod:`safelink.link.index`): known persons keep their
            ids, and the index is updated with this delivery (replaced whole, after the links
            and report); a path that does not exist starts a new index.
        erasures: the erasure register (:mod:`safelink.governance.erasures`): a person holding a
            registered NHS-number token is not added back to the index (with ``index`` only;
            releases leave them out whatever the index holds).
        progress: show the step under way on standard error (a bar on a terminal, a line
            every 30 s otherwise).

    Returns:
        The links and report, as written.

    Raises:
        LinkageError: the inputs cannot be linked (nothing is written).
        OutputError: the outputs cannot be written.
    """
    updated: PersonIndex | None = None
    with Progress(None, "link: loading tokens") if progress else contextlib.nullcontext():
        if index is None:
            result = link(
                list(paths),
                config,
                engine=engine,
                spark=spark,
                spark_master=spark_master,
                spark_conf=spark_conf,
                truth=truth,
                content=content,
            )
        else:
            known = read_index(index) if Path(index).exists() else empty_index()
            with _backend(engine, spark, spark_master, spark_conf) as backend:
                result, updated = link_with_index(
                    backend, list(paths), link_config(config), known, truth=truth, content=content
                )
    out = ensure_output_directory(out_dir)
    metadata = {"safelink.kind": "links"}
    if result.report.key_id:
        metadata["safelink.key_id"] = result.report.key_id
    # One group commit: a run killed at any moment leaves the previous pair or the new one.
    with io.atomic_files([out / LINKS_FILE, out / REPORT_FILE]) as (links_tmp, report_tmp):
        io.write_parquet(result.links, links_tmp, metadata=metadata)
        io.write_json(result.report.to_dict(), report_tmp)
    if updated is not None and erasures is not None:
        updated = _without_erased(updated, result, paths, config, erasures)
    if updated is not None and index is not None:
        # Then the index, whole (it lives apart from the outputs). Killed between the two, a
        # rerun of the delivery gives the same ids: its records are known or linked again.
        with io.atomic_path(index) as temporary:
            write_index(updated, temporary)
    return result
