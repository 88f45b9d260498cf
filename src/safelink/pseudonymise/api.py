"""Keyed pseudonymisation: split an extract into a tokens part and a content part.

Each identifier column is normalised (:mod:`safelink.normalise`) and replaced by keyed tokens:
``hex(HMAC-SHA256(subkey, canonical_value_utf8)[:length])`` where the subkey is derived for the
token's purpose (``link:nhs_number``, ``link:name``, ...). Derived tokens for fuzzy linkage are
made the same way, each under its own purpose: phonetic codes and initials of names, the
canonical forename (one form per group of nicknames, equivalents and spellings:
:mod:`safelink.normalise.forenames`), the parts of a date of birth and its day/month-swapped
form, postcode sector and district, and an address's house number with its street or
postcode, and its street (:func:`safelink.normalise.rules.address_parts`).

Two purposes are deliberately shared so that linkage can catch common errors without cleartext:
forename and surname tokens share ``link:name`` (a swapped forename and surname still match),
and a date of birth and its day/month swap share ``link:dob``.

Outputs (split files, joined only by a random ``record_id`` not derived from any identifier):
``NAME.tokens.parquet`` for the linkage unit, ``NAME.content.parquet`` for the analyst, and
``NAME.summary.json`` (rows, missing and rejected values per column by reason, key id, timings).

With an opt-out list in the job's governance (:mod:`safelink.governance.optout`), the records of
people who opted out are dropped before anything is written; the summary counts them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hmac
import json
import secrets
import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from safelink.config import JobConfig, SourceConfig, TokenSettings
from safelink.engines import Engine, choose_engine
from safelink.errors import ConfigError, InputError
from safelink.governance.optout import OptOuts, load_opt_outs
from safelink.infra import io
from safelink.infra.atomic import ensure_output_directory
from safelink.infra.background import map_ordered, prefetch
from safelink.infra.progress import Progress
from safelink.infra.text_encoding import canonical_encoding
from safelink.keys import Keyring, ProviderKey, require_project
from safelink.pseudonymise.plan import job_token_columns, source_settings
from safelink.pseudonymise.summary import RunSummary
from safelink.pseudonymise.tokenise import (
    METADATA_PREFIX,
    TOKENISE_THREADS,
    Tokeniser,
    derive_subkeys,
)
from safelink.pseudonymise.writing import BatchWriter, OutputFormat, WriterThread


@dataclass(frozen=True, slots=True)
class Pseudonymised:
    """An in-memory result: the tokens part, the content part and the run summary.

    The frames are pandas when :func:`pseudonymise` was given pandas, polars otherwise.
    """

    tokens: Any
    content: Any
    summary: RunSummary


def _random_record_ids(count: int) -> pa.Array:
    """Random 128-bit record ids (hex), from the OS CSPRNG, built without a Python loop."""
    width = 32
    data = secrets.token_bytes(16 * count).hex().encode("ascii")
    offsets = np.arange(0, (count + 1) * width, width, dtype=np.int64)
    return pa.Array.from_buffers(
        pa.large_string(), count, [None, pa.py_buffer(offsets), pa.py_buffer(data)]
    )


def _local_tokeniser(
    source: SourceConfig,
    keys: Keyring | ProviderKey,
    settings: TokenSettings,
    opt_outs: OptOuts | None,
    used: Collection[str] | None,
    *,
    binary: bool = False,
) -> Tokeniser:
    """The local engine's tokeniser: random record ids (looked up per call: tests fix them)."""
    namespace = keys.namespace_key("link")
    return Tokeniser(
        source,
        derive_subkeys(source, settings, namespace, used),
        namespace.key_id,
        settings,
        lambda count: _random_record_ids(count),
        opt_outs=opt_outs,
        today=dt.date.today(),
        used=used,
        binary=binary,
    )


def _resolve_source(
    config: JobConfig | SourceConfig, source: str | None, keys: Keyring | ProviderKey
) -> tuple[SourceConfig, TokenSettings]:
    if isinstance(config, SourceConfig):
        return config, source_settings(config)
    require_project(keys, config.project)
    chosen = config.source(source)
    return chosen, source_settings(chosen, config.tokens)


def with_expiry(summary: RunSummary, config: JobConfig | SourceConfig) -> RunSummary:
    """The summary with the outputs' expiry: the job's agreement end, when it has governance."""
    if isinstance(config, JobConfig) and config.governance is not None:
        return dataclasses.replace(summary, expires=config.governance.agreement.ends.isoformat())
    return summary


def _opt_out_list(config: JobConfig | SourceConfig) -> Path | None:
    """The job's opt-out list, if its governance names one."""
    if isinstance(config, JobConfig) and config.governance is not None:
        return config.governance.opt_outs
    return None


def _opt_outs(
    config: JobConfig | SourceConfig, keys: Keyring | ProviderKey, settings: TokenSettings
) -> OptOuts | None:
    path = _opt_out_list(config)
    return load_opt_outs(path, keys, length=settings.length) if path is not None else None


def _check_columns(source: SourceConfig, available: list[str], where: str) -> None:
    wanted = [c.name for c in source.columns]
    missing = [c for c in wanted if c not in set(available)]
    if missing:
        raise InputError(
            f"{where}: missing column(s) {missing} named in the config for source "
            f"{source.name!r}; the input has {available}. Fix the config or the extract."
        )


def pseudonymise(
    frame: Any,
    config: JobConfig | SourceConfig,
    keys: Keyring | ProviderKey,
    *,
    source: str | None = None,
) -> Pseudonymised:
    """Pseudonymise a pandas or polars DataFrame in memory.

    Args:
        frame: the extract (pandas or polars; the pandas index is ignored).
        config: the job config (or one source's config).
        keys: the project keyring, or a provider's exported link key.
        source: which source of the config this frame is (optional when there is one).

    Returns:
        Tokens, content and the run summary. Tokens are byte-identical for the same values,
        key and config, whatever the input library; the frames are pandas when ``frame`` is
        pandas, polars otherwise.

    Raises:
        InputError: a configured column is missing from the frame, or the job's opt-out list
            is unreadable or holds an invalid NHS number.
        WrongProject: the keys belong to another project than the job config's.

    """
    started = time.perf_counter()
    source_config, settings = _resolve_source(config, source, keys)
    data = io.to_polars(frame)
    _check_columns(source_config, data.columns, "DataFrame")
    text = data.select(pl.col(c.name).cast(pl.String) for c in source_config.columns)
    opt_outs = _opt_outs(config, keys, settings)
    tokeniser = _local_tokeniser(source_config, keys, settings, opt_outs, job_token_columns(config))
    tokens, content = tokeniser.batch(text)
    summary = tokeniser.summary({"total_seconds": time.perf_counter() - started}, {})
    summary = with_expiry(summary, config)
    return Pseudonymised(
        tokens=io.as_given(tokens, frame), content=io.as_given(content, frame), summary=summary
    )


def output_paths(
    out_dir: Path, source: str, output_format: OutputFormat = "parquet"
) -> dict[str, Path]:
    """Where a source's outputs go: tokens, content and summary files."""
    return {
        "tokens": out_dir / f"{source}.tokens.{output_format}",
        "content": out_dir / f"{source}.content.{output_format}",
        "summary": out_dir / f"{source}.summary.json",
    }


def _as_text(batch: pa.RecordBatch, names: list[str]) -> pl.DataFrame:
    """A streamed batch as the text columns the tokeniser reads."""
    frame = pl.from_arrow(batch)
    assert isinstance(frame, pl.DataFrame)
    return frame.select(pl.col(n).cast(pl.String) for n in names)


def pseudonymise_file(
    input_path: Path | str,
    config: JobConfig | SourceConfig,
    keys: Keyring | ProviderKey,
    out_dir: Path | str,
    *,
    source: str | None = None,
    batch_rows: int = 250_000,
    output_format: OutputFormat = "parquet",
    encoding: str | None = None,
    engine: Engine | str = Engine.LOCAL,
    spark_master: str | None = None,
    spark_conf: Mapping[str, str] | None = None,
    progress: bool = False,
) -> RunSummary:
    """Pseudonymise a CSV or Parquet file, streaming it in batches (bounded memory).

    Writes ``SOURCE.tokens.parquet``, ``SOURCE.content.parquet`` and ``SOURCE.summary.json``
    in ``out_dir`` (``.csv`` data files with ``output_format="csv"``: spreadsheet-safe, and
    without the tokens file's embedded metadata, which the summary then carries alone);
    nothing is left behind if the run fails part way.

    Args:
        input_path: the extract.
        config: the job config (or one source's config).
        keys: the project keyring, or a provider's exported link key.
        out_dir: the output directory (created if missing).
        source: which source of the config the file is (optional when there is one).
        batch_rows: rows per streamed batch.
        output_format: ``parquet`` (default) or ``csv``.
        encoding: the CSV's text encoding, overriding the source's ``encoding`` setting.
        engine: ``local`` (polars, streamed in batches) or ``spark``
            (:func:`~safelink.engines.spark_pseudonymise.pseudonymise_parquet_spark`:
            the same token flow in one Arrow map: byte-identical tokens; any
            Hadoop-compatible path; Parquet directories, or one CSV file each).
        spark_master: the Spark master URL (default: the active session or ``local[*]``).
        spark_conf: Spark settings for a session started here (``--spark-conf``).
        progress: show progress on standard error (a bar on a terminal, a line every 30 s
            otherwise): rows done locally, the stage under way on Spark.

    Returns:
        The run summary (also written as JSON).

    Raises:
        InputError: the input is missing, malformed, empty, or lacks a configured column; or
            the job's opt-out list is unreadable or holds an invalid NHS number.
        OutputError: the outputs cannot be written.
        WrongProject: the keys belong to another project than the job config's.
        EngineError: an unknown engine, or Spark asked for without PySpark.
        ConfigError: an opt-out list asked of the Spark engine.

    """
    if choose_engine(engine) is Engine.SPARK:
        if _opt_out_list(config) is not None:
            problem = (
                "governance.opt_outs is applied by the local engine; pseudonymise with "
                "--engine local (Spark does not apply opt-out lists yet)"
            )
            raise ConfigError([problem], "arguments")
        # Imported here so that the local engine never imports PySpark.
        from safelink.engines.spark_pseudonymise import pseudonymise_parquet_spark

        with Progress(None, "pseudonymise (Spark)") if progress else contextlib.nullcontext():
            return pseudonymise_parquet_spark(
                input_path,
                config,
                keys,
                out_dir,
                source=source,
                master=spark_master,
                spark_conf=spark_conf,
                output_format=output_format,
            )
    started = time.perf_counter()
    input_path = Path(input_path)
    source_config, settings = _resolve_source(config, source, keys)
    if encoding is not None:
        source_config = dataclasses.replace(source_config, encoding=canonical_encoding(encoding))
    out_dir = Path(out_dir)
    if input_path.is_file() and input_path.suffix.lower() in io.CSV_SUFFIXES:
        header = io.read_csv_header(
            input_path, encoding=source_config.encoding, delimiter=source_config.delimiter
        )
        _check_columns(source_config, header, str(input_path))
    else:
        next(io.iter_batches(input_path, batch_rows=1), None)  # fail fast on a bad input
    opt_outs = _opt_outs(config, keys, settings)
    ensure_output_directory(out_dir)
    # Parquet stores tokens as raw bytes (tokens format 2); CSV cells hold their hex.
    tokeniser = _local_tokeniser(
        source_config,
        keys,
        settings,
        opt_outs,
        job_token_columns(config),
        binary=output_format == "parquet",
    )
    paths = output_paths(out_dir, source_config.name, output_format)
    names = [c.name for c in source_config.columns]
    timings = {"normalise_and_tokenise_seconds": 0.0, "write_seconds": 0.0}
    kinds = ("tokens", "content", "summary")
    with io.atomic_files([paths[kind] for kind in kinds]) as temporaries:
        temporary = dict(zip(kinds, temporaries, strict=True))
        writers = {
            "tokens": BatchWriter(temporary["tokens"], output_format, tokeniser.metadata()),
            "content": BatchWriter(temporary["content"], output_format, None),
        }
        shown = Progress(None, f"pseudonymise {source_config.name}: rows") if progress else None
        # Batch N is written, each file on a writer thread of its own, while the next is
        # tokenised (two at once where there are more than two cores: TOKENISE_THREADS) and
        # the one after it is read on the reader thread.
        with (
            shown if shown is not None else contextlib.nullcontext(),
            WriterThread(writers["tokens"]) as tokens_writer,
            WriterThread(writers["content"]) as content_writer,
        ):
            batches = io.iter_batches(
                input_path,
                batch_rows=batch_rows,
                columns=names,
                encoding=source_config.encoding,
                delimiter=source_config.delimiter,
            )

            def tokenise(text: pl.DataFrame) -> tuple[pa.Table, pl.DataFrame, int, float]:
                tick = time.perf_counter()
                tokens, content = tokeniser.batch_arrow(text)
                return tokens, content, text.height, time.perf_counter() - tick

            # Closed on the way out, so that an error here also stops the reader at once.
            with (
                contextlib.closing(prefetch(_as_text(b, names) for b in batches)) as texts,
                contextlib.closing(map_ordered(tokenise, texts, workers=TOKENISE_THREADS)) as done,
            ):
                for tokens, content, rows, seconds in done:
                    timings["normalise_and_tokenise_seconds"] += seconds
                    tokens_writer.put(tokens)
                    content_writer.put(content)
                    if shown is not None:
                        shown.advance(rows)
        timings["write_seconds"] = tokens_writer.seconds + content_writer.seconds
        if tokeniser.rows == 0:
            raise InputError(f"{input_path}: no data rows (header only); nothing to pseudonymise.")
        # The three files are committed as one group (a run killed at any moment leaves the
        # previous set or the new one); the summary's SHA-256 of each data file lets
        # verify_outputs (run by link) still refuse files mixed by hand from two runs. Each
        # digest was taken from the bytes as they were written.
        outputs = {kind: writers[kind].sha256 for kind in ("tokens", "content")}
        timings["total_seconds"] = time.perf_counter() - started
        summary = tokeniser.summary(
            {k: round(v, 3) for k, v in timings.items()},
            {paths[k].name: digest for k, digest in outputs.items()},
        )
        summary = with_expiry(summary, config)
        io.write_json(summary.to_dict(), temporary["summary"])
    return summary


def verify_outputs(data_path: Path | str) -> None:
    """Check a tokens or content file against the run summary beside it, if there is one.

    A write of the file's directory that a killed run left half-committed is completed first
    (:func:`safelink.infra.io.complete_interrupted_commits`). A provider may send a tokens file
    without its summary; then there is nothing to check.

    Raises:
        InputError: the summary names a different file content (files from two runs were
            mixed).
        OutputError: an interrupted write needs completing but the directory is read-only.
    """
    path = Path(data_path)
    io.complete_interrupted_commits(path.parent)
    source = path.name.split(".")[0]
    summary_path = path.with_name(f"{source}.summary.json")
    if not summary_path.is_file():
        return
    try:
        recorded = json.loads(summary_path.read_text(encoding="utf-8"))["outputs"]
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(
            f"{summary_path}: not a safelink run summary; re-run pseudonymise."
        ) from exc
    expected = recorded.get(path.name)
    if expected is not None and not hmac.compare_digest(expected, io.sha256_file(path)):
        raise InputError(
            f"{path}: does not match {summary_path.name} (an interrupted run or files from "
            "two runs); re-run 'safelink pseudonymise' for this source."
        )


def read_tokens_metadata(path: Path | str) -> dict[str, str]:
    """Read the safelink metadata of a tokens file (source, key id, purposes).

    Raises:
        InputError: the file is not a safelink tokens file.

    """
    path = Path(path)
    try:
        schema = pq.read_schema(path)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(f"{path}: not a readable Parquet tokens file.") from exc
    raw = schema.metadata or {}
    metadata = {
        k.decode()[len(METADATA_PREFIX) :]: v.decode()
        for k, v in raw.items()
        if k.decode().startswith(METADATA_PREFIX)
    }
    if metadata.get("kind") != "tokens":
        raise InputError(
            f"{path}: not a safelink tokens file (no safelink metadata); "
            "make it with 'safelink pseudonymise'."
        )
    return metadata
