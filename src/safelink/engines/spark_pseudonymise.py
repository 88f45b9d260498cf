"""Pseudonymise on Spark: the local engine's tokens, byte for byte, from Spark SQL functions.

HMAC-SHA256 is written with Spark's own functions (no Python UDF in the hot path)::

    token = left(sha2(opad || unhex(sha2(ipad || utf8(value), 256)), 256), 2 * length)

where ``ipad``/``opad`` are the subkey zero-padded to 64 bytes and xored with 0x36/0x5c. The
pads never appear in a query plan: they travel as binary columns of a one-row DataFrame that
is broadcast and cross-joined in, then dropped, so ``explain()``, the Spark UI and the event
log show only column names (``tests/spark/test_spark_key_hiding.py`` proves it).

Normalisers are the shared SQL rules (:mod:`safelink.normalise.rules`), transpiled for Spark and
run through :class:`~safelink.engines.backend.SparkBackend` (``F.expr``); only the normalisers
are SQL text, never a key. Phone numbers have no rule (``phonenumbers`` is Python), so the
Spark engine refuses them. NYSIIS has no Spark builtin: it is computed with ``jellyfish`` once
per distinct name part (``mapInArrow``) and joined back, outside the HMAC path; canonical
forenames likewise, with the forename table's mapping shipped in the function. Soundex is
Spark's ``soundex``, which equals ``jellyfish.soundex`` on upper-case A-Z input (the only input
it gets here).

Record ids are 128-bit values keyed by a fresh random per-run secret (HMAC of the row's
position), so they are unpredictable yet stable if Spark recomputes a partition.
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from safelink.config import ColumnSpec, JobConfig, SourceConfig, TokenSettings
from safelink.engines._spark_keys import hmac_pads, pads_from_key
from safelink.engines.backend import SparkBackend
from safelink.engines.spark import spark_session
from safelink.engines.spark_env import fix_hint, python_problem
from safelink.engines.sql import Dialect, quote, transpile
from safelink.errors import InputError, OutputError, SafelinkError, SparkEngineError
from safelink.identifiers import Identifier
from safelink.keys import Keyring, ProviderKey
from safelink.normalise.composite import composite_plan
from safelink.normalise.forenames import forename_canonical_table
from safelink.normalise.generic import generic_derivations
from safelink.normalise.rules import (
    ADDRESS_PARTS,
    address_part_column,
    address_parts,
    apply_rule,
    composite,
    dob_warning,
    nhs_warning,
    rule_for,
    value_shape,
)
from safelink.progress import stage
from safelink.pseudonymise import (
    RECORD_ID,
    ColumnSummary,
    RunSummary,
    address_postcode,
    bloom_purpose,
    commonest_shapes,
    job_token_columns,
    token_plan,
    tokens_file_metadata,
    with_expiry,
)

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import Column, DataFrame

#: Per identifier column: rows, missing, rejected by reason, warnings by kind, and
#: ``(reason, masked shape) -> count`` of the rejected values.
Counts = tuple[int, int, dict[str, int], dict[str, int], dict[tuple[str, str], int]]
_KEY_PREFIX = "__safelink_k"
_REPEATING_KINDS = frozenset(
    {
        Identifier.FORENAME,
        Identifier.SURNAME,
        Identifier.FULL_NAME,
        Identifier.DATE_OF_BIRTH,
        Identifier.POSTCODE,
        Identifier.SEX,
    }
)


@dataclass(frozen=True, slots=True)
class SparkPseudonymised:
    """A Spark result: lazy tokens and content DataFrames and the run summary.

    Attributes:
        tokens: ``record_id`` and the token columns (the local engine's names and order).
        content: ``record_id`` and the content columns.
        summary: counts per column (computed with one Spark aggregation).

    """

    tokens: DataFrame
    content: DataFrame
    summary: RunSummary
    purposes: Mapping[str, str]


def _resolve(
    config: JobConfig | SourceConfig, source: str | None
) -> tuple[SourceConfig, TokenSettings]:
    if isinstance(config, SourceConfig):
        return config, TokenSettings()
    return config.source(source), config.tokens


def _check_supported(source: SourceConfig, settings: TokenSettings) -> None:
    from safelink.normalise.rules import SQL_KINDS

    unsupported = sorted({str(c.kind) for c in source.identifiers if c.kind not in SQL_KINDS})
    if unsupported:
        raise SparkEngineError(
            f"source {source.name!r}: identifier kind(s) {unsupported} have no Spark "
            "normaliser yet; pseudonymise this source with --engine local."
        )
    resolved = sorted(c.name for c in source.identifiers if c.resolve_uprn)
    if resolved:
        raise SparkEngineError(
            f"source {source.name!r}: address column(s) {resolved} resolve to UPRNs "
            "(resolve_uprn: true), which the Spark engine does not do; use --engine local."
        )
    compared_by_bloom = sorted(c.name for c in source.identifiers if bloom_purpose(c, settings))
    if compared_by_bloom and not settings.bloom:
        raise SparkEngineError(
            f"source {source.name!r}: column(s) {compared_by_bloom} are compared by Bloom "
            "encodings (compare: bloom), which are not made on the Spark engine; use --engine "
            "local, or another compare method."
        )
    if settings.bloom:
        raise SparkEngineError(
            f"source {source.name!r}: Bloom-filter encodings (tokens.bloom: true) are not "
            "made on the Spark engine; set tokens.bloom: false or use --engine local."
        )


def hmac_hex(message: Column, ipad: Column, opad: Column, length: int) -> Column:
    """HMAC-SHA256 of a text column as lowercase hex, truncated to ``length`` bytes.

    Args:
        message: the text (encoded as UTF-8); null stays null.
        ipad: the binary key block xored with 0x36 (64 bytes).
        opad: the binary key block xored with 0x5c (64 bytes).
        length: bytes kept.

    Returns:
        The token column.

    """
    from pyspark.sql import functions as F  # noqa: N812

    inner = F.unhex(F.sha2(F.concat(ipad, F.encode(message, "UTF-8")), 256))
    return F.substring(F.sha2(F.concat(opad, inner), 256), 1, 2 * length)


def _derivations(spec: ColumnSpec, canonical: Column, reference: str) -> dict[str, Column]:
    """Token column -> the canonical text it hashes (NYSIIS handled separately).

    ``reference`` is ``canonical`` as SQL, for the derivations written once in SQL.
    """
    from pyspark.sql import functions as F  # noqa: N812

    from safelink.normalise import rules

    def shared(sql: str) -> Column:
        return F.expr(transpile(sql, Dialect.SPARK))

    base = spec.token_column
    first = F.regexp_replace(F.split(canonical, " ").getItem(0), "[^A-Z]", "")
    first = F.when(first == "", F.lit(None).cast("string")).otherwise(first)
    # Date parts are null where a partial date lacks them (the shared SQL).
    full = shared(rules.dob_full(reference))
    day, month = (
        shared(rules.dob_part(reference, "day")),
        shared(rules.dob_part(reference, "month")),
    )
    swapped = F.concat(F.substring(full, 1, 5), day, F.lit("-"), month)
    if spec.kind is Identifier.OTHER:
        derivations = generic_derivations(spec.generic_compare)
        return {base: canonical} | {
            f"{base}{suffix}": shared(sql(reference)) for suffix, sql in derivations.items()
        }
    return {
        base: full if spec.kind is Identifier.DATE_OF_BIRTH else canonical,
        f"{base}_initial": F.substring(canonical, 1, 1),
        f"{base}_soundex": F.soundex(first),
        f"{base}_first_part": F.split(canonical, " ").getItem(0),
        f"{base}_last_part": F.element_at(F.split(canonical, " "), -1),
        f"{base}_swapped": F.when((day.cast("int") <= 12) & (day != month), swapped),
        f"{base}_year": shared(rules.dob_part(reference, "year")),
        f"{base}_month": month,
        f"{base}_day": day,
        f"{base}_sector": shared(rules.postcode_sector(reference)),
        f"{base}_district": shared(rules.postcode_district(reference)),
        f"__first_{base}": first,
    }


def _nysiis_batches() -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """NYSIIS codes of a column of first name parts (``k`` -> ``code``), on the executors.

    Nested, so Spark ships it by value: executors need jellyfish and pyarrow only.
    """

    def nysiis_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import jellyfish
        import pyarrow as pa

        for batch in batches:
            codes = [jellyfish.nysiis(w) if w else None for w in batch.column(0).to_pylist()]
            yield pa.RecordBatch.from_arrays(
                [batch.column(0), pa.array(codes, type=pa.string())], names=["k", "code"]
            )

    return nysiis_batches


def _canonical_batches(
    table: dict[str, str],
) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """Canonical forenames of a column of normalised forenames (``k`` -> ``code``).

    The mapping travels with the nested function (Spark ships it by value); each part is
    replaced as :func:`safelink.normalise.forenames.canonical_forename_text` does.
    """

    def canonical_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import pyarrow as pa

        for batch in batches:
            codes = [
                " ".join(table.get(part, part) for part in w.split(" ")) if w else None
                for w in batch.column(0).to_pylist()
            ]
            yield pa.RecordBatch.from_arrays(
                [batch.column(0), pa.array(codes, type=pa.string())], names=["k", "code"]
            )

    return canonical_batches


def _key_frame(spark: Any, pads: list[tuple[bytes, bytes]], *, first: int = 0) -> DataFrame:
    from pyspark.sql import functions as F  # noqa: N812
    from pyspark.sql.types import BinaryType, StructField, StructType

    fields = []
    values: list[bytes] = []
    for index, (inner, outer) in enumerate(pads, start=first):
        fields += [
            StructField(f"{_KEY_PREFIX}{index}_i", BinaryType(), nullable=False),
            StructField(f"{_KEY_PREFIX}{index}_o", BinaryType(), nullable=False),
        ]
        values += [inner, outer]
    frame = spark.createDataFrame([tuple(values)], StructType(fields))
    return F.broadcast(frame)


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
        Lazy tokens and content DataFrames (persisted, so record ids agree between them;
        call ``unpersist()`` on ``tokens`` when done) and the run summary.

    Raises:
        InputError: a configured column is missing from the frame.
        SparkEngineError: the config asks for something the Spark engine does not make
            (phone numbers, Bloom encodings), or names an opt-out list (applied locally).

    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F  # noqa: N812

    started = time.perf_counter()
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
    namespace = keys.namespace_key("link")
    used = job_token_columns(config)
    plans = {spec.name: token_plan(spec, settings, used) for spec in source_config.identifiers}
    # Composites read derived values the job may not make as tokens of their own.
    derivable = {
        column: spec.name
        for spec in source_config.identifiers
        if spec.kind is not Identifier.OTHER and settings.derived
        for column, _, _ in token_plan(spec, settings)
    }
    composites = composite_plan(derivable, used)
    purposes = sorted(
        {p for plan in plans.values() for _, p, _ in plan} | {c.purpose for c in composites}
    )
    run_key = secrets.token_bytes(32)
    pads = [hmac_pads(namespace.subkey(p)) for p in purposes]
    pads.append(pads_from_key(run_key))
    slot = {p: i for i, p in enumerate(purposes)}
    record_slot = len(purposes)

    def key(index: int) -> tuple[Column, Column]:
        return F.col(f"{_KEY_PREFIX}{index}_i"), F.col(f"{_KEY_PREFIX}{index}_o")

    spark = frame.sparkSession
    names = [c.name for c in source_config.columns]
    text = frame.select(*(F.col(n).cast("string").alias(n) for n in names))
    # The run key alone for record ids; the purpose keys join again after the persisted stage,
    # so the cache holds no key columns.
    joined = text.crossJoin(_key_frame(spark, [pads[record_slot]], first=record_slot))
    position = F.concat_ws(":", F.spark_partition_id(), F.monotonically_increasing_id())
    joined = joined.withColumn(RECORD_ID, hmac_hex(position, *key(record_slot), 16))
    # Stage 1: canonical values and reasons, one struct (value, reason) per identifier column.
    backend = SparkBackend(spark)
    today = today or dt.date.today()
    for index, spec in enumerate(source_config.identifiers):
        assert spec.kind is not None
        if spec.kind not in _REPEATING_KINDS:
            joined = _normalised(backend, joined, spec, spec.name, index, today, settings)
            continue
        # Names, dates, postcodes and sex repeat a lot: normalise each distinct value once
        # (as the local engine does) and join the result back.
        raw = f"__raw{index}"
        table = text.select(F.col(spec.name).alias(raw)).distinct()
        table = _normalised(backend, table, spec, raw, index, today, settings)
        joined = joined.join(table, joined[spec.name].eqNullSafe(table[raw]), "left").drop(raw)
    normalised_frame = joined.select(
        RECORD_ID,
        *names,
        *(f"__n{i}" for i, s in enumerate(source_config.identifiers) if s.kind in _REPEATING_KINDS),
        *(
            f"__n{i}"
            for i, s in enumerate(source_config.identifiers)
            if s.kind not in _REPEATING_KINDS
        ),
    )
    staged = normalised_frame.persist(StorageLevel.MEMORY_AND_DISK)
    summary_counts = _count(staged, source_config)
    # Stage 2: derived canonical texts, with NYSIIS and canonical forenames joined from their
    # distinct-value tables.
    derived: list[Column] = []
    token_sources: dict[str, tuple[str, str]] = {}
    mapped: dict[str, tuple[str, str]] = {}  # input column -> (output column, mapping)
    with_parts = staged
    names_in_order = [s.name for s in source_config.identifiers]
    postcode = address_postcode(source_config)
    postcode_column = f'"__n{names_in_order.index(postcode)}".value' if postcode else None
    for index, spec in enumerate(source_config.identifiers):
        options = _derivations(spec, F.col(f"__n{index}.value"), f'"__n{index}".value')
        if spec.kind is Identifier.ADDRESS:
            # Address parts are several steps of shared SQL (as the local engine runs them).
            parts = address_parts(f'"__n{index}".value', f"__a{index}_", postcode_column)
            with_parts = apply_rule(backend, with_parts, parts)
            options |= {
                f"{spec.token_column}_{part}": F.col(address_part_column(parts, part))
                for part in ADDRESS_PARTS
            }
        for part in sorted({p for c in composites for p in c.parts if derivable[p] == spec.name}):
            derived.append(options[part].alias(f"__p_{part}"))
        for column, purpose, _ in plans[spec.name]:
            if column.endswith("_nysiis") and spec.kind is not None:
                first = f"__first_{spec.token_column}"
                if first not in mapped:
                    derived.append(options[first].alias(first))
                    mapped[first] = (f"__nysiis_{first}", "nysiis")
                token_sources[column] = (f"__nysiis_{first}", purpose)
                continue
            if column.endswith("_canonical") and spec.kind is Identifier.FORENAME:
                whole = f"__whole_{spec.token_column}"
                derived.append(options[spec.token_column].alias(whole))
                mapped[whole] = (f"__canonical_{whole}", "canonical")
                token_sources[column] = (f"__canonical_{whole}", purpose)
                continue
            derived.append(options[column].alias(f"__t_{column}"))
            token_sources[column] = (f"__t_{column}", purpose)
    texts = with_parts.select(RECORD_ID, *derived)
    # Composite values: the shared SQL over their parts (as the local engine runs it).
    texts = backend.with_columns(
        texts,
        {f"__t_{c.column}": composite([quote(f"__p_{p}") for p in c.parts]) for c in composites},
    )
    token_sources |= {c.column: (f"__t_{c.column}", c.purpose) for c in composites}
    mappings = {
        "nysiis": _nysiis_batches(),
        "canonical": _canonical_batches(forename_canonical_table()),
    }
    for source_column, (output, mapping) in mapped.items():
        distinct = (
            texts.select(F.col(source_column).alias("k")).where(F.col("k").isNotNull()).distinct()
        )
        table = distinct.mapInArrow(mappings[mapping], "k string, code string")
        texts = texts.join(
            table.withColumnRenamed("k", source_column).withColumnRenamed("code", output),
            on=source_column,
            how="left",
        )
    tokens = texts.crossJoin(_key_frame(spark, pads[:record_slot])).select(
        RECORD_ID,
        *(
            hmac_hex(F.col(text), *key(slot[purpose]), settings.length).alias(column)
            for column, (text, purpose) in token_sources.items()
        ),
    )
    content = staged.select(RECORD_ID, *source_config.content)
    summary = with_expiry(
        _summary(source_config, settings, namespace.key_id, plans, summary_counts), config
    )
    summary = _with_timings(summary, {"plan_seconds": time.perf_counter() - started})
    purposes_by_column = {col: p for plan in plans.values() for col, p, _ in plan}
    purposes_by_column |= {c.column: c.purpose for c in composites}
    return SparkPseudonymised(
        tokens=tokens, content=content, summary=summary, purposes=purposes_by_column
    )


def _normalised(
    backend: SparkBackend,
    frame: DataFrame,
    spec: ColumnSpec,
    column: str,
    index: int,
    today: dt.date,
    settings: TokenSettings,
) -> DataFrame:
    """``frame`` with the struct ``__n{index}`` (value, reason) of the rule for ``spec``."""
    from pyspark.sql import functions as F  # noqa: N812

    assert spec.kind is not None
    placeholders = settings.birth_date_placeholders
    rule = rule_for(
        spec.kind,
        quote(column),
        f"__n{index}_",
        today=today,
        placeholders=placeholders,
        generic=spec.normalise,
    )
    added: DataFrame = apply_rule(backend, frame, rule)
    result = F.struct(F.col(rule.value).alias("value"), F.col(rule.reason).alias("reason"))
    return added.withColumn(f"__n{index}", result).drop(*rule.scratch, rule.value, rule.reason)


_WARNING = "__warning:"
_SHAPE = "\x1f"  # between a rejection reason and the masked shape of the rejected value


def _count(staged: DataFrame, source: SourceConfig) -> dict[str, Counts]:
    """Rows, missing, rejected by reason and shape, and warnings per identifier column.

    One group-by over every column's outcome.
    """
    from pyspark.sql import functions as F  # noqa: N812

    def outcome(index: int, kind: Identifier | None, column: str) -> Column:
        value, reason = F.col(f"__n{index}.value"), F.col(f"__n{index}.reason")
        chosen = F.when(value.isNull() & reason.isNull(), "__missing")
        # Accepted, but worth a warning: NHS numbers in some ranges, partial dates of birth.
        warned = {Identifier.NHS_NUMBER: nhs_warning, Identifier.DATE_OF_BIRTH: dob_warning}
        if kind in warned:
            warning = F.expr(transpile(warned[kind](f'"__n{index}".value'), Dialect.SPARK))
            chosen = chosen.when(warning.isNotNull(), F.concat(F.lit(_WARNING), warning))
        shape = F.expr(transpile(value_shape(quote(column)), Dialect.SPARK))
        return chosen.otherwise(F.concat(reason, F.lit(_SHAPE), shape))

    outcomes = F.array(
        *(
            F.struct(F.lit(index).alias("i"), outcome(index, spec.kind, spec.name).alias("outcome"))
            for index, spec in enumerate(source.identifiers)
        )
    )
    grouped = (
        staged.select(F.explode(outcomes).alias("o"))
        .groupBy(F.col("o.i").alias("i"), F.col("o.outcome").alias("outcome"))
        .count()
        .collect()
    )
    rows = sum(r["count"] for r in grouped if r["i"] == 0)
    counts: dict[str, Counts] = {}
    for index, spec in enumerate(source.identifiers):
        mine = {r["outcome"]: int(r["count"]) for r in grouped if r["i"] == index}
        missing = mine.pop("__missing", 0)
        mine.pop(None, None)
        warnings = {
            k.removeprefix(_WARNING): mine.pop(k) for k in sorted(mine) if k.startswith(_WARNING)
        }
        shapes: dict[tuple[str, str], int] = {}
        for outcome_text, count in mine.items():
            reason, _, shape = outcome_text.partition(_SHAPE)
            shapes[reason, shape] = count
        rejected: dict[str, int] = {}
        for (reason, _), count in shapes.items():
            rejected[reason] = rejected.get(reason, 0) + count
        counts[spec.name] = (rows, missing, dict(sorted(rejected.items())), warnings, shapes)
    return counts


def _summary(
    source: SourceConfig,
    settings: TokenSettings,
    key_id: str,
    plans: Mapping[str, list[tuple[str, str, Any]]],
    counts: Mapping[str, Counts],
) -> RunSummary:
    rows = next(iter(counts.values()))[0] if counts else 0
    columns = tuple(
        ColumnSummary(
            column=spec.name,
            kind=str(spec.kind),
            token_columns=tuple(col for col, _, _ in plans[spec.name]),
            rows=counts[spec.name][0],
            missing=counts[spec.name][1],
            rejected=counts[spec.name][2],
            warnings=counts[spec.name][3],
            rejected_shapes=commonest_shapes(counts[spec.name][4]),
        )
        for spec in source.identifiers
    )
    return RunSummary(
        source=source.name,
        rows=rows,
        key_id=key_id,
        token_length=settings.length,
        columns=columns,
        content_columns=source.content,
    )


def _with_timings(summary: RunSummary, timings: Mapping[str, float]) -> RunSummary:
    from dataclasses import replace

    rounded = {k: round(v, 3) for k, v in {**summary.timings, **timings}.items()}
    return replace(summary, timings=rounded)


def tokens_metadata(summary: RunSummary, purposes: Mapping[str, str]) -> dict[str, str]:
    """The tokens file's safelink metadata (ids, purposes, table versions; never secrets)."""
    return tokens_file_metadata(summary.source, summary.key_id, summary.token_length, purposes)


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
) -> RunSummary:
    """Pseudonymise a Parquet dataset (or CSV file) on Spark, on any Hadoop-compatible path.

    Writes the directories ``SOURCE.tokens.parquet`` and ``SOURCE.content.parquet`` (Spark's
    part files; each written to a temporary name and renamed on success) and, on a local
    ``out_dir``, ``SOURCE.summary.json``. The tokens' safelink metadata (key id, purposes) is
    in the summary and in ``_safelink.json`` inside the tokens directory.

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

    Returns:
        The run summary.

    Raises:
        InputError: the input cannot be read or lacks a configured column.
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
    stage("pseudonymise (Spark): normalise and count")
    result = pseudonymise_spark(frame, config, keys, source=source, today=today)
    if result.summary.rows == 0:
        raise InputError(f"{text}: no data rows; nothing to pseudonymise.")
    out = str(out_dir).rstrip("/")
    name = result.summary.source
    tick = time.perf_counter()
    try:
        for part, data in (("tokens", result.tokens), ("content", result.content)):
            stage(f"pseudonymise (Spark): tokenise and write {part}")
            _write_renamed(spark, data, f"{out}/{name}.{part}.parquet")
    except SafelinkError:
        raise
    except Exception as exc:
        raise _write_failure(out, exc) from exc
    finally:
        result.tokens.unpersist()
    timings = {"write_seconds": time.perf_counter() - tick}
    timings["total_seconds"] = time.perf_counter() - started
    summary = _with_timings(result.summary, timings)
    if "://" not in out or out.startswith("file://"):
        from safelink import io

        local = Path(out.removeprefix("file://"))
        metadata = tokens_metadata(summary, result.purposes)
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


def _write_renamed(spark: Any, data: DataFrame, destination: str) -> None:
    """Write to ``destination.tmp-<random>`` then rename, with the Hadoop FileSystem API."""
    temporary = f"{destination}.tmp-{secrets.token_hex(4)}"
    data.write.mode("errorifexists").parquet(temporary)
    jvm = spark.sparkContext._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path
    filesystem = hadoop_path(destination).getFileSystem(
        spark.sparkContext._jsc.hadoopConfiguration()
    )
    if filesystem.exists(hadoop_path(destination)):
        filesystem.delete(hadoop_path(temporary), True)
        raise OutputError(f"{destination}: already exists; remove it or choose another out_dir.")
    if not filesystem.rename(hadoop_path(temporary), hadoop_path(destination)):
        raise OutputError(f"{destination}: could not rename the finished output into place.")
