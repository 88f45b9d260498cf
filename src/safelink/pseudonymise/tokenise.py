"""The token flow of a source, written once for every engine.

:func:`token_plan` says which tokens an identifier column makes (token column, key purpose,
deriver); :class:`Tokeniser` runs a batch through the normalisers, the derivations, the
subkeys' HMAC and the counts. The local engine runs it over the batches it streams; the Spark
engine runs the same class inside one Arrow map per partition and adds up the
:class:`TokenCounts` of its tasks. Both give byte-identical tokens because they run one code
path; only where the batches come from, how record ids are made and where outputs go differ.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from collections.abc import Callable, Collection, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from safelink._version import __version__
from safelink.config import SourceConfig, TokenSettings
from safelink.errors import ConfigError
from safelink.governance.optout import PURPOSE as OPT_OUT_PURPOSE
from safelink.governance.optout import OptOuts
from safelink.identifiers import Identifier
from safelink.keys import NamespaceKey, SubKey
from safelink.normalise import (
    Normalised,
    canonical_sql,
    distinct_positions,
    forename_table_version,
    mostly_distinct,
    nhs_warnings,
    normalise,
    rules,
)
from safelink.normalise.composite import composite_values, joined_with
from safelink.pseudonymise import tokens_format
from safelink.pseudonymise.bloom import bloom_encode
from safelink.pseudonymise.plan import (
    FORENAME_TABLE_PURPOSE,
    _AddressPart,
    address_postcode,
    birth_year_column,
    birth_year_columns,
    birth_years,
    blooms,
    column_purposes,
    composites,
    derivable,
    plans,
    purposes_needed,
)
from safelink.pseudonymise.summary import (
    ColumnSummary,
    RunSummary,
    TokenCounts,
    _add,
    commonest_shapes,
)
from safelink.uprn import UprnToken

RECORD_ID = "record_id"
METADATA_PREFIX = "safelink."


HASH_THREADS = 2
"""Threads hashing a batch's token columns beside the thread deriving them (both cores here)."""

TOKENISE_THREADS = 1 if (os.cpu_count() or 1) <= 2 else 2
"""Batches the local engine tokenises at once (:func:`safelink.infra.background.map_ordered`).

One on two cores: the hashing, reading and writing threads already keep both busy, and a
second batch cost CPU (7.8 vs 7.4 s) and memory (1.30 vs 1.08 GiB) for no gain in time at 1M
rows (``bench_pseudonymise_limit.py``). Two where there are more cores to run them."""


@dataclass(frozen=True, slots=True)
class _Pending:
    """A token column being hashed on the pool; gathered row by row from distinct values."""

    column: str
    tokens: Future[pa.Array]
    positions: pl.Series | None = None

    def array(self) -> pa.Array:
        """The finished column (raises the hashing thread's error, if any)."""
        tokens = self.tokens.result()
        if self.positions is None:
            return tokens
        return tokens.take(self.positions.alias("positions").to_arrow())


class _DistinctPairs:
    """The distinct (value, year of birth) pairs of a batch's rows, for year-keyed names.

    ``positions`` gives each row's value among the column's distinct values; the pairs are
    numbered here, so a name keyed with the year of birth is joined and hashed once per
    distinct pair (far fewer than rows) and gathered back row for row.
    """

    def __init__(self, positions: pl.Series, years: pl.Series) -> None:
        rows = pl.DataFrame({"value": positions, "year": years})
        distinct = rows.unique(maintain_order=True).with_row_index("pair")
        self._values = distinct.get_column("value")
        self._years = distinct.get_column("year")
        self.positions = rows.join(
            distinct, on=["value", "year"], how="left", nulls_equal=True, maintain_order="left"
        ).get_column("pair")

    def joined(self, distinct_values: pl.Series) -> pl.Series:
        """Each pair's value (from the column's distinct ``distinct_values``) with its year."""
        return joined_with(distinct_values.gather(self._values), self._years)


RecordIds = Callable[[int], pa.Array]
"""Makes the record ids of a batch of ``count`` rows (random locally, keyed positions on Spark)."""


class Tokeniser:
    """Normalises, derives, tokenises and counts batches of one source: the one token flow.

    Every engine runs this: the local engine over the batches it streams, the Spark engine in
    one Arrow map over each partition (:mod:`safelink.engines.spark_pseudonymise`), so the
    token plan, derivations, HMAC (the subkeys' native routine) and counting are one code path.

    Args:
        source: the source's config.
        subkeys: key purpose -> subkey, for every purpose of :meth:`purposes_needed`.
        key_id: the namespace key's id (recorded in the summary).
        settings: token settings.
        record_ids: makes each batch's record ids.
        opt_outs: the job's opt-out list (local engine only), or None.
        today: the reference date for future dates of birth (default: the current date).
        used: the token columns the job's link section reads (:func:`job_token_columns`):
            only these derived tokens and composites are made; None makes them all.
        binary: tokens as raw bytes (``fixed_size_binary``, tokens format 2: how the local
            engine's Parquet stores them) instead of hex text (format 1: in-memory frames,
            CSV outputs and the Spark engine).

    """

    def __init__(
        self,
        source: SourceConfig,
        subkeys: Mapping[str, SubKey],
        key_id: str,
        settings: TokenSettings,
        record_ids: RecordIds,
        *,
        opt_outs: OptOuts | None = None,
        today: dt.date | None = None,
        used: Collection[str] | None = None,
        binary: bool = False,
    ) -> None:
        self.source = source
        self.binary = binary
        self.opt_outs = opt_outs
        self.settings = settings
        self.key_id = key_id
        self.today = today
        self._record_ids = record_ids
        self.used = used
        self.plans = plans(source, settings, used)
        self.derivable = derivable(source, settings)
        self.composites = composites(source, settings, used)
        self._parts = frozenset(p for c in self.composites for p in c.parts)
        self.postcode = address_postcode(source)
        self.blooms = blooms(source, settings)
        self._subkeys = {p: subkeys[p] for p in purposes_needed(source, settings, used)}
        # Name tokens keyed with the year of birth (tokens.names_with_birth_year).
        self.birth_year_columns = birth_year_columns(source, settings)
        self.birth_year = birth_year_column(source)
        if self.birth_year_columns and self.birth_year is None:
            raise ConfigError(
                [
                    f"sources.{source.name}: names are keyed with the year of birth "
                    "(tokens.names_with_birth_year) but the source has no date_of_birth "
                    "identifier; add its date-of-birth column, or set "
                    "tokens.names_with_birth_year: false (for every source of the linkage)"
                ]
            )
        # Batches may be tokenised on several threads at once (TOKENISE_THREADS locally):
        # each counts into its own TokenCounts, merged here under this lock, and the
        # derivers that keep a batch's state (addresses, UPRNs) run one batch at a time.
        self._lock = threading.Lock()
        self._stateful = threading.Lock()
        self.counts = TokenCounts(
            missing=dict.fromkeys(self.plans, 0),
            rejected={name: {} for name in self.plans},
            warnings={name: {} for name in self.plans},
            shapes={name: {} for name in self.plans},
        )

    @property
    def rows(self) -> int:
        """Rows tokenised so far (before opt-outs are dropped)."""
        return self.counts.rows

    @property
    def purposes(self) -> dict[str, str]:
        """Token column -> key purpose, for the tokens file's metadata."""
        return column_purposes(self.source, self.settings, self.used)

    def batch(self, frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
        """Return (tokens, content) for one batch of text columns, updating the counts."""
        tokens, content = self.batch_arrow(frame)
        made = pl.from_arrow(tokens)
        assert isinstance(made, pl.DataFrame)
        return made, content

    def batch_arrow(self, frame: pl.DataFrame) -> tuple[pa.Table, pl.DataFrame]:
        """:meth:`batch` with the tokens as an Arrow table (as a file writer takes them).

        The HMAC of each token column runs on a small thread pool (the native routine releases
        the GIL) while this thread normalises and derives the next columns. Safe to call from
        several threads at once (each batch counts on its own; the counts merge at the end).
        """
        with ThreadPoolExecutor(HASH_THREADS, thread_name_prefix="safelink-hmac") as pool:
            return self._batch(frame, pool)

    def _batch(
        self, frame: pl.DataFrame, pool: ThreadPoolExecutor
    ) -> tuple[pa.Table, pl.DataFrame]:
        record_ids = pl.Series(RECORD_ID, self._record_ids(frame.height), dtype=pl.String)
        counts = TokenCounts(rows=frame.height)
        pending: list[_Pending] = []
        canonical_by_column: dict[str, pl.Series] = {}
        for spec in self.source.identifiers:
            assert spec.kind is not None
            result = normalise(
                spec.kind,
                frame.get_column(spec.name),
                placeholders=self.settings.birth_date_placeholders,
                generic=spec.normalise,
                today=self.today,
            )
            _count(counts, spec.name, result)
            _shape(counts, spec.name, frame.get_column(spec.name), result.reasons)
            if spec.kind is Identifier.NHS_NUMBER:
                _warn(counts, spec.name, nhs_warnings(result.values))
            elif spec.kind is Identifier.DATE_OF_BIRTH:
                _warn(counts, spec.name, canonical_sql(result.values, rules.dob_warning))
            canonical_by_column[spec.name] = result.values
        # Every column is normalised before any is derived: an address reads the postcodes.
        postcodes = canonical_by_column.get(self.postcode) if self.postcode else None
        years = (
            birth_years(canonical_by_column[self.birth_year])
            if self.birth_year_columns and self.birth_year is not None
            else None
        )
        derived: dict[str, pl.Series] = {}
        for spec in self.source.identifiers:
            once = self._per_distinct(spec.name, canonical_by_column[spec.name], pool, years)
            if once is not None:
                made, values_made = once
                pending.extend(made)
                derived.update(values_made)
                continue
            with self._stateful:
                for column, purpose, derive in self.plans[spec.name]:
                    if isinstance(derive, _AddressPart):
                        derive.shared.postcodes = postcodes
                    elif isinstance(derive, UprnToken):
                        derive.resolver.postcodes = postcodes
                    canonical = derive(canonical_by_column[spec.name])
                    if years is not None and column in self.birth_year_columns:
                        canonical = joined_with(canonical, years)
                    if isinstance(derive, UprnToken) and derive.which == "uprn":
                        reasons = derive.resolver.resolve(canonical_by_column[spec.name]).reasons
                        _warn(counts, spec.name, "uprn_" + reasons)
                    derived[column] = canonical
                    pending.append(_Pending(column, self._hash(pool, purpose, canonical)))
        # Composites read derived values the job may not make as tokens of their own.
        for part in sorted({p for c in self.composites for p in c.parts} - set(derived)):
            name, derive = self.derivable[part]
            with self._stateful:
                derived[part] = derive(canonical_by_column[name])
            if years is not None and part in self.birth_year_columns:
                derived[part] = joined_with(derived[part], years)
        values = composite_values(self.composites, derived)
        for composite in self.composites:
            hashed = self._hash(pool, composite.purpose, values[composite.column])
            pending.append(_Pending(composite.column, hashed))
        blooms = [
            bloom_encode(canonical_by_column[name], self._subkeys[purpose]).alias(column)
            for column, (name, purpose) in self.blooms.items()
        ]
        # hstack, not with_columns: a source may have no content columns at all.
        content = pl.DataFrame([record_ids]).hstack(frame.select(list(self.source.content)))
        columns = {
            RECORD_ID: record_ids.to_arrow(),
            **{p.column: p.array() for p in pending},
            **{b.name: b.to_arrow() for b in blooms},
        }
        tokens = pa.table(columns)
        if self.opt_outs is not None:
            nhs = [
                c for plan in self.plans.values() for c, p, _ in plan[:1] if p == OPT_OUT_PURPOSE
            ]
            dropped = self.opt_outs.mask(tokens, nhs)
            counts.opted_out = pc.sum(dropped).as_py() or 0
            kept = pc.invert(dropped)
            tokens, content = tokens.filter(kept), content.filter(pl.Series(kept))
        with self._lock:
            self.counts.merge(counts)
        return tokens, content

    def _hash(self, pool: ThreadPoolExecutor, purpose: str, values: pl.Series) -> Future[pa.Array]:
        """Start the HMAC of ``values`` under ``purpose``'s subkey on the pool."""
        subkey, length, binary = self._subkeys[purpose], self.settings.length, self.binary
        return pool.submit(lambda: subkey.tokens(values.to_arrow(), length=length, binary=binary))

    def _per_distinct(
        self,
        name: str,
        canonical: pl.Series,
        pool: ThreadPoolExecutor,
        years: pl.Series | None,
    ) -> tuple[list[_Pending], dict[str, pl.Series]] | None:
        """Derive and tokenise each distinct canonical value once, then map back row for row.

        Names, dates of birth and sex repeat heavily within a batch: the derivations and HMAC
        run over the distinct values only, and one hash pass (:func:`distinct_positions`)
        gives each row the position of its value among them, from which its tokens (and the
        derived values composites read) are gathered. Tokens are a function of the value
        alone, so the output is byte-identical.
        A token keyed with the year of birth (``years``, row for row) is a function of the
        value and the row's year: its derivation (phonetic codes, initials) runs once per
        distinct value, and the join with the year and the HMAC once per distinct (value,
        year) pair (:class:`_DistinctPairs`).
        Returns None (the row-by-row path) when the column is mostly distinct, or a deriver
        reads more than the value (address, UPRN).
        """
        plan = self.plans[name]
        if any(isinstance(d, (_AddressPart, UprnToken)) for _, _, d in plan):
            return None
        if mostly_distinct(canonical):
            return None
        distinct, positions = distinct_positions(canonical)
        if distinct.len() * 2 > canonical.len():
            return None
        table: dict[str, pl.Series] = {}
        hashed: dict[str, Future[pa.Array]] = {}
        for column, purpose, derive in plan:
            value = derive(distinct)
            table[column] = value
            if column not in self.birth_year_columns:
                hashed[column] = self._hash(pool, purpose, value)
        values = {column: table[column].gather(positions) for column, _, _ in plan}
        pairs = None
        if any(column not in hashed for column, _, _ in plan):
            assert years is not None  # the constructor refuses year-keyed names without one
            pairs = _DistinctPairs(positions, years)
        made = []
        for column, purpose, _ in plan:
            if column in hashed:
                made.append(_Pending(column, hashed[column], positions))
                continue
            assert pairs is not None
            value = pairs.joined(table[column])
            made.append(_Pending(column, self._hash(pool, purpose, value), pairs.positions))
            if column in self._parts:  # composites read the value keyed with the year
                values[column] = value.gather(pairs.positions)
            else:
                del values[column]
        return made, values

    def summary(
        self,
        timings: Mapping[str, float],
        outputs: Mapping[str, str],
        counts: TokenCounts | None = None,
    ) -> RunSummary:
        """The run summary of ``counts`` (default: this tokeniser's own so far)."""
        counts = counts or self.counts
        columns = tuple(
            ColumnSummary(
                column=spec.name,
                kind=str(spec.kind),
                token_columns=tuple(col for col, _, _ in self.plans[spec.name]),
                rows=counts.rows,
                missing=counts.missing.get(spec.name, 0),
                rejected=dict(sorted(counts.rejected.get(spec.name, {}).items())),
                warnings=dict(sorted(counts.warnings.get(spec.name, {}).items())),
                rejected_shapes=commonest_shapes(counts.shapes.get(spec.name, {})),
            )
            for spec in self.source.identifiers
        )
        return RunSummary(
            source=self.source.name,
            rows=counts.rows,
            key_id=self.key_id,
            token_length=self.settings.length,
            columns=columns,
            content_columns=self.source.content,
            timings=dict(timings),
            outputs=dict(outputs),
            opt_outs=self.opt_outs.record(counts.opted_out) if self.opt_outs is not None else None,
        )

    def metadata(self) -> dict[str, str]:
        """Parquet key-value metadata for the tokens file (ids and purposes, no secrets)."""
        return tokens_file_metadata(
            self.source.name, self.key_id, self.settings.length, self.purposes, binary=self.binary
        )


def _warn(counts: TokenCounts, name: str, warnings: pl.Series) -> None:
    counted = warnings.drop_nulls().value_counts()
    _add(counts.warnings.setdefault(name, {}), dict(counted.iter_rows()))


def _shape(counts: TokenCounts, name: str, raw: pl.Series, reasons: pl.Series) -> None:
    rejected = reasons.is_not_null()
    if not rejected.any():
        return
    shapes = canonical_sql(raw.filter(rejected), rules.value_shape)
    pairs = pl.DataFrame({"reason": reasons.filter(rejected), "shape": shapes})
    grouped = pairs.group_by("reason", "shape").len().iter_rows()
    _add(counts.shapes.setdefault(name, {}), {(r, shape): n for r, shape, n in grouped})


def _count(counts: TokenCounts, name: str, result: Normalised) -> None:
    counts.missing[name] = counts.missing.get(name, 0) + result.missing
    _add(counts.rejected.setdefault(name, {}), result.rejected_counts())


def derive_subkeys(
    source: SourceConfig,
    settings: TokenSettings,
    key: NamespaceKey,
    used: Collection[str] | None = None,
) -> dict[str, SubKey]:
    """The subkeys of :func:`purposes_needed`, derived once from the namespace key."""
    return {purpose: key.subkey(purpose) for purpose in purposes_needed(source, settings, used)}


def tokens_file_metadata(
    source: str,
    key_id: str,
    token_length: int,
    purposes: Mapping[str, str],
    *,
    binary: bool = False,
) -> dict[str, str]:
    """A tokens file's safelink metadata (ids, purposes, table versions; never a secret).

    The same on both engines: a Parquet file's key-value metadata locally, the
    ``_safelink.json`` of Spark's tokens directory. A file with canonical-forename tokens
    records its forename table's version (``forename_table``), which ``link`` checks.
    """
    metadata = {
        f"{METADATA_PREFIX}kind": "tokens",
        f"{METADATA_PREFIX}version": __version__,
        f"{METADATA_PREFIX}source": source,
        f"{METADATA_PREFIX}key_id": key_id,
        f"{METADATA_PREFIX}token_length": str(token_length),
        f"{METADATA_PREFIX}purposes": json.dumps(dict(purposes), sort_keys=True),
    }
    if binary:
        metadata[f"{METADATA_PREFIX}{tokens_format.FORMAT_KEY}"] = tokens_format.BINARY_FORMAT
    if any(p.startswith(FORENAME_TABLE_PURPOSE) for p in purposes.values()):
        metadata[f"{METADATA_PREFIX}forename_table"] = forename_table_version()
    return metadata
