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
import functools
import json
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import polars as pl
import pyarrow as pa

from safelink._version import __version__
from safelink.bloom import bloom_encode
from safelink.config import UPRN_TOKENS, ColumnSpec, SourceConfig, TokenSettings
from safelink.identifiers import Identifier
from safelink.keys import NamespaceKey, SubKey
from safelink.normalise import (
    Normalised,
    address_parts,
    canonical_sql,
    forename_canonical,
    forename_table_version,
    nhs_warnings,
    normalise,
    nysiis,
    postcode_district,
    postcode_sector,
    rules,
    soundex,
)
from safelink.normalise.generic import KEYED_AS, generic_derivations
from safelink.optout import PURPOSE as OPT_OUT_PURPOSE
from safelink.optout import OptOuts
from safelink.uprn import UprnResolver, UprnToken

RECORD_ID = "record_id"
METADATA_PREFIX = "safelink."

_NAME_KINDS = frozenset({Identifier.FORENAME, Identifier.SURNAME, Identifier.FULL_NAME})
_BLOOM_KINDS = frozenset({Identifier.FORENAME, Identifier.SURNAME})


@dataclass(frozen=True, slots=True, kw_only=True)
class ColumnSummary:
    """What happened to one identifier column (counts only, never values)."""

    column: str
    kind: str
    token_columns: tuple[str, ...]
    rows: int
    missing: int
    rejected: Mapping[str, int]
    warnings: Mapping[str, int] = field(default_factory=dict)
    """Accepted values worth a second look, by kind (NHS numbers in never-issued or
    unallocated ranges)."""
    rejected_shapes: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    """Per reason, the commonest masked shapes of the rejected values and their counts
    (:func:`safelink.normalise.rules.value_shape`: ``9999: 3,031``); never a value."""

    @property
    def accepted(self) -> int:
        """Values that produced a token."""
        return self.rows - self.missing - sum(self.rejected.values())


@dataclass(frozen=True, slots=True, kw_only=True)
class RunSummary:
    """The record of a pseudonymisation run, saved as JSON beside its outputs."""

    source: str
    rows: int
    key_id: str
    token_length: int
    columns: tuple[ColumnSummary, ...]
    content_columns: tuple[str, ...]
    timings: Mapping[str, float] = field(default_factory=dict)
    outputs: Mapping[str, str] = field(default_factory=dict)
    safelink_version: str = __version__
    opt_outs: Mapping[str, Any] | None = None
    """The opt-out list applied (its SHA-256, entries, key id) and the records it dropped;
    None when the job has no opt-out list."""
    expires: str | None = None
    """The date the outputs expire (the job's agreement end, ISO), when the job has
    governance: ``safelink purge`` deletes them after it."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (``opt_outs`` and ``expires`` only when they apply)."""
        document = asdict(self)
        for column, summary in zip(document["columns"], self.columns, strict=True):
            column["accepted"] = summary.accepted
        for optional in ("opt_outs", "expires"):
            if document[optional] is None:
                del document[optional]
        return document

    def to_frame(self) -> pl.DataFrame:
        """One row per identifier column: rows, accepted, missing, rejected (counts only).

        A polars DataFrame (``.to_pandas()`` for pandas); rejected values by reason are in
        :meth:`to_dict`.
        """
        return pl.DataFrame(
            [
                {"column": c.column, "kind": c.kind, "rows": c.rows, "accepted": c.accepted,
                 "missing": c.missing, "rejected": sum(c.rejected.values())}
                for c in self.columns
            ],
            schema={"column": pl.String, "kind": pl.String, "rows": pl.Int64,
                    "accepted": pl.Int64, "missing": pl.Int64, "rejected": pl.Int64},
        )  # fmt: skip

    def rejected_total(self) -> int:
        """Total rejected values over all identifier columns."""
        return sum(sum(c.rejected.values()) for c in self.columns)


TokenDeriver = Callable[[pl.Series], pl.Series]


def _dob_part(part: str) -> TokenDeriver:
    # Null where a partial date lacks the part (the shared SQL, as the Spark engine runs it).
    return lambda iso: canonical_sql(iso, lambda c: rules.dob_part(c, part))


def _dob_full(iso: pl.Series) -> pl.Series:
    # A partial date (year, or year and month) has no full-date token.
    return canonical_sql(iso, rules.dob_full)


def _dob_swapped(iso: pl.Series) -> pl.Series:
    # Only a full date whose day could be a month, and differs from it, has a distinct swap.
    frame = pl.DataFrame({"d": canonical_sql(iso, rules.dob_full)})
    day = pl.col("d").str.slice(8, 2)
    month = pl.col("d").str.slice(5, 2)
    swapped = pl.col("d").str.slice(0, 5) + day + "-" + month
    plausible = (day.cast(pl.Int32, strict=False) <= 12) & (day != month)
    swapped_expr = pl.when(plausible).then(swapped).otherwise(None)
    return frame.select(swapped_expr.alias(iso.name)).to_series()


class _AddressParts:
    """The parts of one batch's addresses, derived once for its three tokens.

    The shared SQL of :func:`safelink.normalise.rules.address_parts` (as the Spark engine runs
    it); the tokeniser derives a batch's tokens one after another from the same canonical
    column, so the parts of the last column seen are kept until the next one comes. The
    tokeniser sets ``postcodes`` to the batch's canonical postcodes (the source's
    :func:`address_postcode` column) before deriving.
    """

    def __init__(self) -> None:
        self.postcodes: pl.Series | None = None
        self._seen: tuple[pl.Series, pl.Series | None] | None = None
        self._parts = pl.DataFrame()

    def part(self, canonical: pl.Series, part: str) -> pl.Series:
        """One part of the addresses ``canonical`` (derived with the current postcodes)."""
        seen = self._seen
        if seen is None or seen[0] is not canonical or seen[1] is not self.postcodes:
            self._parts = address_parts(canonical, self.postcodes)
            self._seen = (canonical, self.postcodes)
        return self._parts.get_column(part).alias(canonical.name)


@dataclass(frozen=True, slots=True)
class _AddressPart:
    """The token deriver of one address part (the parts are shared by the three)."""

    shared: _AddressParts
    part: str

    def __call__(self, canonical: pl.Series) -> pl.Series:
        return self.shared.part(canonical, self.part)


def address_postcode(source: SourceConfig) -> str | None:
    """The column whose postcode an address ending without one takes for its house number.

    The source's one postcode identifier column; None when it has none or several (then only a
    postcode written in the address counts).
    """
    names = [s.name for s in source.identifiers if s.kind is Identifier.POSTCODE]
    return names[0] if len(names) == 1 else None


def _first_part(canonical: pl.Series) -> pl.Series:
    return canonical.str.split(" ").list.first()


def _last_part(canonical: pl.Series) -> pl.Series:
    return canonical.str.split(" ").list.last()


def _initial(canonical: pl.Series) -> pl.Series:
    return canonical.str.slice(0, 1)


def _identity(canonical: pl.Series) -> pl.Series:
    return canonical


def token_plan(spec: ColumnSpec, settings: TokenSettings) -> list[tuple[str, str, TokenDeriver]]:
    """The tokens made from one identifier column: (token column, key purpose, deriver).

    Args:
        spec: the identifier column.
        settings: token settings (whether derived tokens are made).

    Returns:
        One entry per token column, the full-value token first.

    """
    assert spec.kind is not None
    if spec.kind is Identifier.OTHER:
        return generic_plan(spec, settings)
    base = spec.token_column
    kind = spec.kind
    purpose = "link:name" if kind in _NAME_KINDS else f"link:{kind}"
    if kind is Identifier.DATE_OF_BIRTH:
        purpose = "link:dob"
    full: TokenDeriver = _dob_full if kind is Identifier.DATE_OF_BIRTH else _identity
    plan: list[tuple[str, str, TokenDeriver]] = [(base, purpose, full)]
    if spec.resolve_uprn and spec.gazetteer is not None:
        # The UPRN and its household (the parent of a flat), each under its own purpose key.
        resolver = UprnResolver(spec.gazetteer, spec.uprn_threshold)
        plan += [(t, f"link:{t}", UprnToken(resolver, t)) for t in UPRN_TOKENS]
    if not settings.derived:
        return plan
    if kind in _NAME_KINDS:
        plan += [
            (f"{base}_initial", "link:initial", _initial),
            (f"{base}_soundex", "link:name_soundex", soundex),
            (f"{base}_nysiis", "link:name_nysiis", nysiis),
        ]
        if kind is Identifier.FORENAME:
            # Bob and Robert, Siân and Jane: one token per group of the forename table.
            plan.append((f"{base}_canonical", FORENAME_TABLE_PURPOSE, forename_canonical))
        if kind is Identifier.SURNAME:
            plan += [
                (f"{base}_first_part", "link:name", _first_part),
                (f"{base}_last_part", "link:name", _last_part),
            ]
    elif kind is Identifier.DATE_OF_BIRTH:
        plan += [
            (f"{base}_swapped", "link:dob", _dob_swapped),
            (f"{base}_year", "link:dob_year", _dob_part("year")),
            (f"{base}_month", "link:dob_month", _dob_part("month")),
            (f"{base}_day", "link:dob_day", _dob_part("day")),
        ]
    elif kind is Identifier.POSTCODE:
        plan += [
            (f"{base}_sector", "link:postcode_sector", postcode_sector),
            (f"{base}_district", "link:postcode_district", postcode_district),
        ]
    elif kind is Identifier.ADDRESS:
        # The building (house number and street, or house number and postcode) and the street
        # agree where the full address is written differently (:func:`rules.address_parts`).
        parts = _AddressParts()
        plan += [
            (f"{base}_{part}", f"link:address_{part}", _AddressPart(parts, part))
            for part in rules.ADDRESS_PARTS
        ]
    return plan


def generic_purpose(spec: ColumnSpec) -> str:
    """The key purpose of a ``kind: other`` identifier's tokens.

    One per token column, so a token of one such identifier never equals another's; one per
    key group for the columns of a ``key_group`` (compared across columns).
    """
    if spec.key_group:
        return f"link:other_group:{spec.key_group}"
    return f"link:other:{spec.token_column}"


def generic_plan(spec: ColumnSpec, settings: TokenSettings) -> list[tuple[str, str, TokenDeriver]]:
    """The tokens of a ``kind: other`` identifier.

    The full value, then (when derived tokens are made) those its comparison reads
    (:func:`safelink.normalise.generic.generic_derivations`), each keyed as its own purpose.
    """
    base, purpose = spec.token_column, generic_purpose(spec)
    plan: list[tuple[str, str, TokenDeriver]] = [(base, purpose, _identity)]
    if settings.derived:
        derivations = generic_derivations(spec.generic_compare)
        plan += [
            (
                f"{base}{suffix}",
                f"{purpose}{KEYED_AS.get(suffix, suffix)}",
                functools.partial(canonical_sql, make=sql),
            )
            for suffix, sql in derivations.items()
        ]
    return plan


def bloom_purpose(spec: ColumnSpec, settings: TokenSettings) -> str | None:
    """The key purpose of a column's Bloom encoding (``<token column>_bloom``), or None.

    Names have one when ``tokens.bloom`` is on; a ``kind: other`` identifier when compared by
    ``bloom``.
    """
    if spec.kind is Identifier.OTHER and spec.generic_compare.method == "bloom":
        return f"link:bloom_{generic_purpose(spec).removeprefix('link:')}"
    if settings.bloom and spec.kind in _BLOOM_KINDS:
        return f"link:bloom_{spec.kind}"
    return None


#: Masked shapes kept per rejection reason in a run summary: the commonest ones.
SHAPES_PER_REASON = 5


def commonest_shapes(counts: Mapping[tuple[str, str], int]) -> dict[str, dict[str, int]]:
    """Per reason, the :data:`SHAPES_PER_REASON` commonest masked shapes with their counts.

    Args:
        counts: ``(reason, shape) -> count`` over a whole run.

    Returns:
        ``reason -> {shape: count}``, reasons sorted, shapes by count then shape.
    """
    by_reason: dict[str, list[tuple[int, str]]] = {}
    for (reason, shape), count in counts.items():
        by_reason.setdefault(reason, []).append((-count, shape))
    return {
        reason: {shape: -negative for negative, shape in sorted(pairs)[:SHAPES_PER_REASON]}
        for reason, pairs in sorted(by_reason.items())
    }


@dataclass(slots=True)
class TokenCounts:
    """What a tokeniser saw, per identifier column (counts only, never values).

    Mergeable, so that the counts of many batches, or of many Spark tasks, add up to the
    run's: :meth:`merge` is associative and commutative.
    """

    rows: int = 0
    opted_out: int = 0
    missing: dict[str, int] = field(default_factory=dict)
    rejected: dict[str, dict[str, int]] = field(default_factory=dict)
    warnings: dict[str, dict[str, int]] = field(default_factory=dict)
    shapes: dict[str, dict[tuple[str, str], int]] = field(default_factory=dict)

    def merge(self, other: TokenCounts) -> TokenCounts:
        """Add ``other``'s counts into these (in place) and return them."""
        self.rows += other.rows
        self.opted_out += other.opted_out
        _add(self.missing, other.missing)
        for mine, theirs in (
            (self.rejected, other.rejected),
            (self.warnings, other.warnings),
            (self.shapes, other.shapes),
        ):
            for name, counts in theirs.items():
                _add(mine.setdefault(name, {}), counts)
        return self


def _add(into: dict[Any, int], counts: Mapping[Any, int]) -> None:
    for key, count in counts.items():
        into[key] = into.get(key, 0) + count


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
    ) -> None:
        self.source = source
        self.opt_outs = opt_outs
        self.settings = settings
        self.key_id = key_id
        self.today = today
        self._record_ids = record_ids
        self.plans = plans(source, settings)
        self.postcode = address_postcode(source)
        self.blooms = blooms(source, settings)
        self._subkeys = {p: subkeys[p] for p in purposes_needed(source, settings)}
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
        return column_purposes(self.source, self.settings)

    def batch(self, frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
        """Return (tokens, content) for one batch of text columns, updating the counts."""
        record_ids = pl.Series(RECORD_ID, self._record_ids(frame.height), dtype=pl.String)
        token_columns: list[pl.Series] = [record_ids]
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
            self._count(spec.name, result)
            self._shape(spec.name, frame.get_column(spec.name), result.reasons)
            if spec.kind is Identifier.NHS_NUMBER:
                self._warn(spec.name, nhs_warnings(result.values))
            elif spec.kind is Identifier.DATE_OF_BIRTH:
                self._warn(spec.name, canonical_sql(result.values, rules.dob_warning))
            canonical_by_column[spec.name] = result.values
        # Every column is normalised before any is derived: an address reads the postcodes.
        postcodes = canonical_by_column.get(self.postcode) if self.postcode else None
        for spec in self.source.identifiers:
            for column, purpose, derive in self.plans[spec.name]:
                if isinstance(derive, _AddressPart):
                    derive.shared.postcodes = postcodes
                elif isinstance(derive, UprnToken):
                    derive.resolver.postcodes = postcodes
                canonical = derive(canonical_by_column[spec.name])
                if isinstance(derive, UprnToken) and derive.which == "uprn":
                    reasons = derive.resolver.resolve(canonical_by_column[spec.name]).reasons
                    self._warn(spec.name, "uprn_" + reasons)
                tokens = self._subkeys[purpose].tokens(
                    canonical.to_arrow(), length=self.settings.length
                )
                token_columns.append(pl.Series(column, tokens, dtype=pl.String))
        for column, (name, purpose) in self.blooms.items():
            encoded = bloom_encode(canonical_by_column[name], self._subkeys[purpose])
            token_columns.append(encoded.alias(column))
        # hstack, not with_columns: a source may have no content columns at all.
        content = pl.DataFrame([record_ids]).hstack(frame.select(list(self.source.content)))
        self.counts.rows += frame.height
        tokens = pl.DataFrame(token_columns)
        if self.opt_outs is not None:
            nhs = [
                c for plan in self.plans.values() for c, p, _ in plan[:1] if p == OPT_OUT_PURPOSE
            ]
            dropped = self.opt_outs.mask(tokens, nhs)
            self.counts.opted_out += int(dropped.sum())
            tokens, content = tokens.filter(~dropped), content.filter(~dropped)
        return tokens, content

    def _warn(self, name: str, warnings: pl.Series) -> None:
        counted = warnings.drop_nulls().value_counts()
        _add(self.counts.warnings[name], dict(counted.iter_rows()))

    def _shape(self, name: str, raw: pl.Series, reasons: pl.Series) -> None:
        rejected = reasons.is_not_null()
        if not rejected.any():
            return
        shapes = canonical_sql(raw.filter(rejected), rules.value_shape)
        pairs = pl.DataFrame({"reason": reasons.filter(rejected), "shape": shapes})
        grouped = pairs.group_by("reason", "shape").len().iter_rows()
        _add(self.counts.shapes[name], {(reason, shape): n for reason, shape, n in grouped})

    def _count(self, name: str, result: Normalised) -> None:
        self.counts.missing[name] += result.missing
        _add(self.counts.rejected[name], result.rejected_counts())

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
            self.source.name, self.key_id, self.settings.length, self.purposes
        )


def plans(
    source: SourceConfig, settings: TokenSettings
) -> dict[str, list[tuple[str, str, TokenDeriver]]]:
    """Identifier column -> its :func:`token_plan`."""
    return {spec.name: token_plan(spec, settings) for spec in source.identifiers}


def blooms(source: SourceConfig, settings: TokenSettings) -> dict[str, tuple[str, str]]:
    """Bloom encodings: token column -> (identifier column, key purpose), one key per field."""
    return {
        f"{spec.token_column}_bloom": (spec.name, purpose)
        for spec in source.identifiers
        if (purpose := bloom_purpose(spec, settings))
    }


def column_purposes(source: SourceConfig, settings: TokenSettings) -> dict[str, str]:
    """Token column -> key purpose, every token column of a source in output order."""
    planned = {
        col: purpose for plan in plans(source, settings).values() for col, purpose, _ in plan
    }
    return planned | {col: purpose for col, (_, purpose) in blooms(source, settings).items()}


def purposes_needed(source: SourceConfig, settings: TokenSettings) -> list[str]:
    """The key purposes a source's tokens use, each once, in first-use order."""
    return list(dict.fromkeys(column_purposes(source, settings).values()))


def derive_subkeys(
    source: SourceConfig, settings: TokenSettings, key: NamespaceKey
) -> dict[str, SubKey]:
    """The subkeys of :func:`purposes_needed`, derived once from the namespace key."""
    return {purpose: key.subkey(purpose) for purpose in purposes_needed(source, settings)}


FORENAME_TABLE_PURPOSE = "link:name_canonical"
"""The key purpose of canonical-forename tokens, whose forename table a tokens file records."""


def tokens_file_metadata(
    source: str, key_id: str, token_length: int, purposes: Mapping[str, str]
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
    if FORENAME_TABLE_PURPOSE in purposes.values():
        metadata[f"{METADATA_PREFIX}forename_table"] = forename_table_version()
    return metadata
