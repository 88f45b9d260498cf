"""Pseudonymise on Spark: the local engine's token flow, run in one Arrow map per partition.

Spark does what is truly Spark's: the session, reading and writing Hadoop paths (temporary name,
then rename), and one ``mapInArrow`` pass over the extract in which each partition runs the
same :class:`~safelink.pseudonymise.tokenise.Tokeniser` as the local engine: the same normalisers,
derivations, Bloom encodings, phone numbers and HMAC (the subkeys' native routine), so the
tokens are byte-identical by construction. The subkeys reach the executors as one broadcast
(:func:`safelink.keys.shipping.ship_subkeys`), never in a plan or a log.

Counting costs no extra pass: each task adds its
:class:`~safelink.pseudonymise.summary.TokenCounts` to an
accumulator while the tokens are written (a write's tasks are result tasks, whose updates Spark
merges once each). Record ids are HMAC of the row's position under a per-run key, so the content
job (a light map: record ids only) gives the same ids as the tokens job.
"""

from __future__ import annotations

import datetime as dt
import io as bytes_io
import secrets
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from safelink.config import JobConfig, SourceConfig, TokenSettings
from safelink.engines.spark import spark_session
from safelink.engines.spark_env import fix_hint, python_problem
from safelink.errors import InputError, OutputError, SafelinkError, SparkEngineError
from safelink.infra.progress import stage
from safelink.keys import Keyring, ProviderKey
from safelink.keys.shipping import KeyShipment, ship_subkeys
from safelink.pseudonymise.plan import (
    job_token_columns,
    purposes_needed,
    source_settings,
)
from safelink.pseudonymise.summary import RunSummary, TokenCounts
from safelink.pseudonymise.tokenise import RECORD_ID, Tokeniser, derive_subkeys

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.accumulators import AccumulatorParam
    from pyspark.sql import DataFrame

OutputFormat = Literal["parquet", "csv"]
#: Rows the tokeniser takes at once (Spark's Arrow batches are regrouped to this size).
BATCH_ROWS = 100_000
_Map = Callable[[Iterator["pa.RecordBatch"]], Iterator["pa.RecordBatch"]]


@dataclass(frozen=True, slots=True)
class SparkPseudonymised:
    """A Spark result: tokens and content DataFrames and the run summary.

    Attributes:
        tokens: ``record_id`` and the token columns (the local engine's names and order),
            persisted (call ``unpersist()`` when done).
        content: ``record_id`` and the content columns.
        summary: counts per column.
        purposes: token column -> key purpose.

    """

    tokens: DataFrame
    content: DataFrame
    summary: RunSummary
    purposes: Mapping[str, str]


class _CountsParam:
    """Spark accumulator parameter adding up the tokeniser counts of every task."""

    def zero(self, value: TokenCounts) -> TokenCounts:
        return TokenCounts()

    def addInPlace(self, into: TokenCounts, other: TokenCounts) -> TokenCounts:  # noqa: N802
        return into.merge(other)


@dataclass(frozen=True, slots=True)
class _Run:
    """A planned run: lazy tokens and content, the accumulator, the driver's tokeniser."""

    tokens: DataFrame
    content: DataFrame
    counts: Any
    tokeniser: Tokeniser
    shipment: KeyShipment


def _resolve(
    config: JobConfig | SourceConfig, source: str | None
) -> tuple[SourceConfig, TokenSettings]:
    if isinstance(config, SourceConfig):
        return config, source_settings(config)
    chosen = config.source(source)
    return chosen, source_settings(chosen, config.tokens)


def _check_supported(source: SourceConfig, settings: TokenSettings) -> None:
    resolved = sorted(c.name for c in source.identifiers if c.resolve_uprn)
    if resolved:
        raise SparkEngineError(
            f"source {source.name!r}: address column(s) {resolved} resolve to UPRNs "
            "(resolve_uprn: true), which the Spark engine does not do (the gazetteer is a "
            "driver file); use --engine local."
        )


def _tokenise_map(
    source: SourceConfig,
    settings: TokenSettings,
    shipment: KeyShipment,
    counts: Any,
    today: dt.date,
    part: Literal["tokens", "content"],
    used: frozenset[str] | None,
    binary: bool = False,
) -> _Map:
    """The Arrow map of one partition: its tokens (and counts), or its record ids and content.

    With ``binary`` the tokens are raw bytes (tokens format 2, as the local engine's Parquet
    stores them), handed to Spark as its ``binary`` type.
    """

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import polars as pl
        import pyarrow as pa
        from pyspark import TaskContext

        context = TaskContext.get()
        partition = context.partitionId() if context is not None else 0
        position = 0

        def record_ids(count: int) -> pa.Array:
            nonlocal position
            ids = shipment.record_ids(partition, position, count)
            position += count
            return ids

        if part == "content":
            for batch in batches:
                ids = record_ids(batch.num_rows)
                columns = [batch.column(name) for name in source.content]
                yield pa.RecordBatch.from_arrays([ids, *columns], [RECORD_ID, *source.content])
            return
        tokeniser = Tokeniser(
            source,
            shipment.subkeys(),
            shipment.key_id,
            settings,
            record_ids,
            today=today,
            used=used,
            binary=binary,
        )
        for table in _regrouped(batches, BATCH_ROWS):
            frame = pl.from_arrow(table)
            assert isinstance(frame, pl.DataFrame)
            tokens, _ = tokeniser.batch_arrow(frame)
            yield from _spark_types(tokens).to_batches()
        counts.add(tokeniser.counts)

    return run


def _spark_types(tokens: pa.Table) -> pa.Table:
    """Raw-byte token columns as Arrow ``binary`` (Spark has no fixed-size binary type)."""
    import pyarrow as pa

    fields = [
        pa.field(f.name, pa.binary()) if pa.types.is_fixed_size_binary(f.type) else f
        for f in tokens.schema
    ]
    return tokens.cast(pa.schema(fields))


def _regrouped(batches: Iterator[pa.RecordBatch], rows: int) -> Iterator[pa.Table]:
    """Spark's small Arrow batches as tables of about ``rows`` rows (fewer, larger steps)."""
    import pyarrow as pa

    waiting: list[pa.RecordBatch] = []
    held = 0
    for batch in batches:
        waiting.append(batch)
        held += batch.num_rows
        if held >= rows:
            yield pa.Table.from_batches(waiting)
            waiting, held = [], 0
    if waiting:
        yield pa.Table.from_batches(waiting)


def _plan(
    frame: DataFrame,
    config: JobConfig | SourceConfig,
    keys: Keyring | ProviderKey,
    source: str | None,
    today: dt.date | None,
    binary: bool = False,
) -> _Run:
    source_config, settings = _resolve(config, source)
    if isinstance(config, JobConfig) and config.governance and config.governance.opt_outs:
        raise SparkEngineError(
            "governance.opt_outs is applied by the local engine only; pseudonymise with "
            "--engine local so that the opted-out records are dropped."
        )
    missing = [c.name for c in source_config.columns if c.name not in set(frame.columns)]
    if missing:
        raise InputError(
            f"Spark DataFrame: missing column(s) {missing} named in the config for source "
            f"{source_config.name!r}; the input has {frame.columns}. Fix the config or extract."
        )
    _check_supported(source_config, settings)
    from pyspark.sql import functions as F  # noqa: N812

    spark = frame.sparkSession
    namespace = keys.namespace_key("link")
    today = today or dt.date.today()
    used = job_token_columns(config)
    shipment = ship_subkeys(spark, namespace, purposes_needed(source_config, settings, used))
    # Duck-typed (PySpark calls zero and addInPlace only), so this module imports no PySpark.
    param = cast("AccumulatorParam[TokenCounts]", _CountsParam())
    counts = spark.sparkContext.accumulator(TokenCounts(), param)
    names = [c.name for c in source_config.columns]
    # Both jobs map this same projection, so their partitions, and so the record ids, agree.
    text = frame.select(*(F.col(n).cast("string").alias(n) for n in names))
    subkeys = derive_subkeys(source_config, settings, namespace, used)
    tokeniser = Tokeniser(
        source_config, subkeys, namespace.key_id, settings, _no_record_ids, used=used,
        binary=binary,
    )  # fmt: skip
    token_columns = [RECORD_ID, *tokeniser.purposes]
    content_columns = [RECORD_ID, *source_config.content]
    raw = {c for c in token_columns if binary and c != RECORD_ID and c not in tokeniser.blooms}

    def schema(columns: list[str]) -> str:
        return ", ".join(f"`{c}` {'binary' if c in raw else 'string'}" for c in columns)

    tokens = text.mapInArrow(
        _tokenise_map(source_config, settings, shipment, counts, today, "tokens", used, binary),
        schema(token_columns),
    )
    content = text.mapInArrow(
        _tokenise_map(source_config, settings, shipment, counts, today, "content", used),
        schema(content_columns),
    )
    return _Run(tokens, content, counts, tokeniser, shipment)


def _no_record_ids(count: int) -> pa.Array:
    raise AssertionError("the driver's tokeniser only summarises")  # pragma: no cover


def _summary(run: _Run, config: JobConfig | SourceConfig, timings: Mapping[str, float]) -> Any:
    from safelink.pseudonymise import with_expiry

    rounded = {k: round(v, 3) for k, v in timings.items()}
    return with_expiry(run.tokeniser.summary(rounded, {}, run.counts.value), config)


def pseudonymise_spark(
    frame: DataFrame,
    config: JobConfig | SourceConfig,
    keys: Keyring | ProviderKey,
    *,
    source: str | None = None,
    today: dt.date | None = None,
) -> SparkPseudonymised:
    """Pseudonymise a Spark DataFrame: the local engine's tokens, computed by Spark.

    Args:
        frame: the extract (columns read as text; other types are cast to text).
        config: the job config (or one source's config).
        keys: the project keyring, or a provider's exported link key.
        source: which source of the config this frame is (optional when there is one).
        today: the reference date for future dates of birth (default: today).

    Returns:
        Tokens (persisted, and counted once to make the summary: call ``unpersist()`` when
        done), lazy content with the same record ids, and the run summary.

    Raises:
        InputError: a configured column is missing from the frame.
        SparkEngineError: the config asks for something the Spark engine does not do (UPRN
            resolution), or names an opt-out list (applied locally).

    """
    started = time.perf_counter()
    run = _plan(frame, config, keys, source, today)
    try:
        # Computed now and cut from their plans, so the subkeys leave the executors (the
        # broadcast is destroyed) before this returns and nothing can need them again.
        tokens = run.tokens.localCheckpoint(eager=True)
        content = run.content.localCheckpoint(eager=True)
    finally:
        run.shipment.destroy()
    summary = _summary(run, config, {"total_seconds": time.perf_counter() - started})
    return SparkPseudonymised(
        tokens=tokens, content=content, summary=summary, purposes=run.tokeniser.purposes
    )


def pseudonymise_parquet_spark(
    input_path: str | Path,
    config: JobConfig | SourceConfig,
    keys: Keyring | ProviderKey,
    out_dir: str | Path,
    *,
    source: str | None = None,
    master: str | None = None,
    spark_conf: Mapping[str, str] | None = None,
    today: dt.date | None = None,
    output_format: OutputFormat = "parquet",
) -> RunSummary:
    """Pseudonymise a Parquet dataset (or CSV file) on Spark, on any Hadoop-compatible path.

    Writes ``SOURCE.tokens.parquet`` (tokens format 2: each token's raw bytes, as the local
    engine's Parquet) and ``SOURCE.content.parquet`` (directories of Spark's part files), or
    with ``output_format="csv"`` one file each, ``SOURCE.tokens.csv`` and
    ``SOURCE.content.csv``, in the local engine's CSV format (spreadsheet-safe); each is
    written to a temporary name and renamed once both are complete. On a local ``out_dir``
    also ``SOURCE.summary.json``, and for Parquet the tokens' safelink metadata (key id,
    purposes) in ``_safelink.json`` inside the tokens directory.

    Args:
        input_path: Parquet file or directory (``hdfs://``, ``s3a://``, ``abfss://``, local),
            or a CSV file with a header (all columns read as text).
        config: the job config (or one source's config).
        keys: the project keyring, or a provider's exported link key.
        out_dir: the output directory.
        source: which source of the config the input is.
        master: the Spark master (None: the active session or ``local[*]``).
        spark_conf: Spark settings for a session started here (``--spark-conf``).
        today: the reference date for future dates of birth.
        output_format: ``parquet`` (default) or ``csv``.

    Returns:
        The run summary.

    Raises:
        InputError: the input cannot be read, has no rows, or lacks a configured column.
        OutputError: the outputs cannot be written.
        SparkEngineError: Spark cannot start or the config asks for an unsupported step.

    """
    started = time.perf_counter()
    spark = spark_session(master, config=spark_conf)
    text = str(input_path)
    try:
        if text.lower().endswith((".csv", ".txt")):
            frame = spark.read.option("header", True).option("inferSchema", False).csv(text)
        else:
            frame = spark.read.parquet(text)
    except Exception as exc:  # Spark raises AnalysisException and py4j errors here
        raise InputError(
            f"{text}: cannot be read by Spark as Parquet or CSV ({type(exc).__name__}); "
            "check the path and the format."
        ) from exc
    # Parquet stores tokens as raw bytes (tokens format 2), as the local engine does; CSV
    # cells hold their hex.
    run = _plan(frame, config, keys, source, today, binary=output_format == "parquet")
    out = str(out_dir).rstrip("/")
    name = run.tokeniser.source.name
    finals = {part: f"{out}/{name}.{part}.{output_format}" for part in ("tokens", "content")}
    writer = _Writer(spark, output_format)
    timings: dict[str, float] = {"plan_seconds": time.perf_counter() - started}
    written: dict[str, str] = {}
    try:
        stage("pseudonymise (Spark): tokenise and write tokens")
        tick = time.perf_counter()
        written["tokens"] = writer.write(run.tokens, finals["tokens"])
        timings["tokenise_and_write_tokens_seconds"] = time.perf_counter() - tick
        if run.counts.value.rows == 0:
            raise InputError(f"{text}: no data rows; nothing to pseudonymise.")
        stage("pseudonymise (Spark): write content")
        tick = time.perf_counter()
        written["content"] = writer.write(run.content, finals["content"])
        timings["write_content_seconds"] = time.perf_counter() - tick
        for part in ("tokens", "content"):
            writer.rename(written.pop(part), finals[part])
    except SafelinkError:
        raise
    except Exception as exc:
        raise _write_failure(out, exc) from exc
    finally:
        run.shipment.destroy()
        for temporary in written.values():  # nothing half-written is left behind
            writer.delete(temporary)
    timings["total_seconds"] = time.perf_counter() - started
    summary: RunSummary = _summary(run, config, timings)
    if "://" not in out or out.startswith("file://"):
        from safelink.infra import io

        local = Path(out.removeprefix("file://"))
        if output_format == "parquet":
            metadata = run.tokeniser.metadata()
            io.write_json(metadata, local / f"{name}.tokens.parquet" / "_safelink.json")
        io.write_json(summary.to_dict(), local / f"{name}.summary.json")
    return summary


_PERMISSION_SIGNS = ("Permission denied", "AccessDenied", "AccessControlException")


def _write_failure(out: str, exc: Exception) -> SafelinkError:
    """The error for a failed write: the executors' Python, the path, or Spark itself.

    Writing runs every step before it, so a failure is often not about the path at all: an
    executor whose Python lacks a module fails here too, and is reported as such.
    """
    problem = python_problem(exc)
    if problem is not None:
        return SparkEngineError(
            f"{out}: the Spark executors failed while computing the outputs ({problem}). "
            f"{fix_hint()}"
        )
    text = str(exc)
    if any(sign in text for sign in _PERMISSION_SIGNS):
        return OutputError(
            f"{out}: Spark may not write here ({type(exc).__name__}: permission denied); check "
            "the path and its permissions."
        )
    return OutputError(
        f"{out}: Spark failed while computing or writing the outputs ({type(exc).__name__}); "
        "the Spark driver and executor logs say why."
    )


def _csv_map() -> _Map:
    """The one partition's rows as CSV text chunks, in the local engine's CSV format.

    The first chunk has the header. Each chunk leaves off its last newline, which Spark's text
    writer adds back, so the file is the bytes the local engine writes (rows in Spark's order).
    """

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import polars as pl
        import pyarrow as pa
        import pyarrow.csv as pacsv

        from safelink.infra.io import neutralise_formulas

        header = True
        for batch in batches:
            frame = pl.from_arrow(batch)
            assert isinstance(frame, pl.DataFrame)
            buffer = bytes_io.BytesIO()
            options = pacsv.WriteOptions(include_header=header)
            pacsv.write_csv(neutralise_formulas(frame).to_arrow(), buffer, options)
            header = False
            chunk = buffer.getvalue().decode("utf-8").removesuffix("\n")
            if chunk:
                yield pa.RecordBatch.from_arrays([pa.array([chunk], pa.string())], ["chunk"])

    return run


class _Writer:
    """Writes a DataFrame to a temporary name beside its destination, then renames it."""

    def __init__(self, spark: Any, output_format: OutputFormat) -> None:
        self.spark = spark
        self.output_format = output_format
        jvm = spark.sparkContext._jvm
        self._path = jvm.org.apache.hadoop.fs.Path
        self._conf = spark.sparkContext._jsc.hadoopConfiguration()

    def _fs(self, path: str) -> Any:
        return self._path(path).getFileSystem(self._conf)

    def write(self, data: DataFrame, destination: str) -> str:
        """Write ``data`` next to ``destination`` (a directory, or one CSV file); its name."""
        if self._fs(destination).exists(self._path(destination)):
            raise OutputError(
                f"{destination}: already exists; remove it or choose another out_dir."
            )
        temporary = f"{destination}.tmp-{secrets.token_hex(4)}"
        if self.output_format == "parquet":
            data.write.mode("errorifexists").parquet(temporary)
            return temporary
        self.csv_chunks(data).write.mode("errorifexists").option("lineSep", "\n").text(temporary)
        filesystem = self._fs(temporary)
        parts = [
            status.getPath()
            for status in filesystem.listStatus(self._path(temporary))
            if status.getPath().getName().startswith("part-")
        ]
        single = f"{temporary}.csv"
        if len(parts) != 1 or not filesystem.rename(parts[0], self._path(single)):
            raise OutputError(f"{destination}: Spark did not write one CSV part file.")
        filesystem.delete(self._path(temporary), True)
        return single

    @staticmethod
    def csv_chunks(data: DataFrame) -> DataFrame:
        """One partition of CSV text chunks, ``data`` computed first in a job of its own.

        Tokenising stays parallel: the single partition comes after a shuffle. But a task
        before a shuffle may run again on a stage retry (lost shuffle output, speculation),
        and Spark then applies its accumulator updates again, which would count rows twice in
        the run summary. So ``data`` is computed and kept first (a local checkpoint: its
        tasks end that job, and Spark applies their updates once each), and the shuffle reads
        the kept rows, never the tokenising map.
        """
        kept = data.localCheckpoint(eager=True)
        return kept.repartition(1).mapInArrow(_csv_map(), "chunk string")

    def rename(self, temporary: str, destination: str) -> None:
        """Move a finished output into place."""
        filesystem = self._fs(destination)
        if filesystem.exists(self._path(destination)):
            self.delete(temporary)
            raise OutputError(
                f"{destination}: already exists; remove it or choose another out_dir."
            )
        if not filesystem.rename(self._path(temporary), self._path(destination)):
            raise OutputError(f"{destination}: could not rename the finished output into place.")

    def delete(self, temporary: str) -> None:
        """Remove a temporary output."""
        self._fs(temporary).delete(self._path(temporary), True)
