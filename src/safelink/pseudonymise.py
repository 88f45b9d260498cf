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

With an opt-out list in the job's governance (:mod:`safelink.optout`), the records of people
who opted out are dropped before anything is written; the summary counts them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hmac
import json
import secrets
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import polars as pl
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from safelink import io
from safelink._version import __version__
from safelink.atomic import ensure_output_directory
from safelink.bloom import bloom_encode
from safelink.config import UPRN_TOKENS, ColumnSpec, JobConfig, SourceConfig, TokenSettings
from safelink.engines import Engine, choose_engine
from safelink.errors import ConfigError, InputError
from safelink.identifiers import Identifier
from safelink.keys import Keyring, NamespaceKey, ProviderKey, SubKey, require_project
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
from safelink.normalise.composite import composite_plan, composite_values
from safelink.normalise.generic import KEYED_AS, generic_derivations
from safelink.optout import PURPOSE as OPT_OUT_PURPOSE
from safelink.optout import OptOuts, load_opt_outs
from safelink.progress import Progress
from safelink.text_encoding import canonical_encoding
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
    offsets = pa.array(range(0, (count + 1) * width, width), type=pa.int64())
    return pa.Array.from_buffers(
        pa.large_string(), count, [None, offsets.buffers()[1], pa.py_buffer(data)]
    )


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


def token_plan(
    spec: ColumnSpec, settings: TokenSettings, used: Collection[str] | None = None
) -> list[tuple[str, str, TokenDeriver]]:
    """The tokens made from one identifier column: (token column, key purpose, deriver).

    Args:
        spec: the identifier column.
        settings: token settings (whether derived tokens are made).
        used: the token columns the job's link section reads
            (:meth:`safelink.config.LinkConfig.token_columns`): only these derived tokens are
            made. None makes every derived token. The full-value token (and a resolved
            address's UPRN tokens) is always made, and so are a ``kind: other`` identifier's
            derived tokens (its comparison reads them).

    Returns:
        One entry per token column, the full-value token first.

    """
    plan = _full_plan(spec, settings)
    if used is None or spec.kind is Identifier.OTHER:
        return plan
    always = {spec.token_column, *UPRN_TOKENS}
    return [entry for entry in plan if entry[0] in always or entry[0] in used]


def job_token_columns(config: JobConfig | SourceConfig) -> frozenset[str] | None:
    """The token columns a job's link section reads; None for a lone source (make them all)."""
    return config.link.token_columns() if isinstance(config, JobConfig) else None


def _full_plan(spec: ColumnSpec, settings: TokenSettings) -> list[tuple[str, str, TokenDeriver]]:
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


class _Tokeniser:
    """Tokenises batches of one source with subkeys derived once per run."""

    def __init__(
        self,
        source: SourceConfig,
        key: NamespaceKey,
        settings: TokenSettings,
        opt_outs: OptOuts | None = None,
        used: Collection[str] | None = None,
    ) -> None:
        self.source = source
        self.opt_outs = opt_outs
        self.opted_out = 0
        self.settings = settings
        self.key_id = key.key_id
        self._subkeys: dict[str, SubKey] = {}
        self.plans = {spec.name: token_plan(spec, settings, used) for spec in source.identifiers}
        # Composites read derived values a job may not make as tokens of their own.
        self.derivable = {
            column: (spec.name, derive)
            for spec in source.identifiers
            if spec.kind is not Identifier.OTHER and settings.derived
            for column, _, derive in _full_plan(spec, settings)
        }
        self.composites = composite_plan(self.derivable, used)
        self.postcode = address_postcode(source)
        # Bloom encodings: column -> (identifier column, key purpose), one key per field.
        self.blooms = {
            f"{spec.token_column}_bloom": (spec.name, purpose)
            for spec in source.identifiers
            if (purpose := bloom_purpose(spec, settings))
        }
        purposes = [p for plan in self.plans.values() for _, p, _ in plan]
        purposes += [c.purpose for c in self.composites]
        for purpose in [*purposes, *(p for _, p in self.blooms.values())]:
            if purpose not in self._subkeys:
                self._subkeys[purpose] = key.subkey(purpose)
        self.missing: dict[str, int] = dict.fromkeys(self.plans, 0)
        self.rejected: dict[str, dict[str, int]] = {name: {} for name in self.plans}
        self.warnings: dict[str, dict[str, int]] = {name: {} for name in self.plans}
        self.shapes: dict[str, dict[tuple[str, str], int]] = {name: {} for name in self.plans}
        self.rows = 0

    @property
    def purposes(self) -> dict[str, str]:
        """Token column -> key purpose, for the tokens file's metadata."""
        plans = {col: purpose for plan in self.plans.values() for col, purpose, _ in plan}
        plans |= {c.column: c.purpose for c in self.composites}
        return plans | {col: purpose for col, (_, purpose) in self.blooms.items()}

    def batch(self, frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
        """Return (tokens, content) for one batch, updating the counts."""
        record_ids = pl.Series(RECORD_ID, _random_record_ids(frame.height))
        token_columns: list[pl.Series] = [record_ids]
        canonical_by_column: dict[str, pl.Series] = {}
        for spec in self.source.identifiers:
            assert spec.kind is not None
            result = normalise(
                spec.kind,
                frame.get_column(spec.name),
                placeholders=self.settings.birth_date_placeholders,
                generic=spec.normalise,
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
        derived: dict[str, pl.Series] = {}
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
                derived[column] = canonical
                tokens = self._subkeys[purpose].tokens(
                    canonical.to_arrow(), length=self.settings.length
                )
                token_columns.append(pl.Series(column, tokens, dtype=pl.String))
        parts = {p for c in self.composites for p in c.parts}
        for part in sorted(parts - set(derived)):
            name, derive = self.derivable[part]
            derived[part] = derive(canonical_by_column[name])
        composites = composite_values(self.composites, derived)
        for composite in self.composites:
            tokens = self._subkeys[composite.purpose].tokens(
                composites[composite.column].to_arrow(), length=self.settings.length
            )
            token_columns.append(pl.Series(composite.column, tokens, dtype=pl.String))
        for column, (name, purpose) in self.blooms.items():
            encoded = bloom_encode(canonical_by_column[name], self._subkeys[purpose])
            token_columns.append(encoded.alias(column))
        # hstack, not with_columns: a source may have no content columns at all.
        content = pl.DataFrame([record_ids]).hstack(frame.select(list(self.source.content)))
        self.rows += frame.height
        tokens = pl.DataFrame(token_columns)
        if self.opt_outs is not None:
            nhs = [
                c for plan in self.plans.values() for c, p, _ in plan[:1] if p == OPT_OUT_PURPOSE
            ]
            dropped = self.opt_outs.mask(tokens, nhs)
            self.opted_out += int(dropped.sum())
            tokens, content = tokens.filter(~dropped), content.filter(~dropped)
        return tokens, content

    def _warn(self, name: str, warnings: pl.Series) -> None:
        counted = warnings.drop_nulls().value_counts()
        for warning, count in counted.iter_rows():
            self.warnings[name][warning] = self.warnings[name].get(warning, 0) + count

    def _shape(self, name: str, raw: pl.Series, reasons: pl.Series) -> None:
        rejected = reasons.is_not_null()
        if not rejected.any():
            return
        shapes = canonical_sql(raw.filter(rejected), rules.value_shape)
        pairs = pl.DataFrame({"reason": reasons.filter(rejected), "shape": shapes})
        for reason, shape, count in pairs.group_by("reason", "shape").len().iter_rows():
            key = (reason, shape)
            self.shapes[name][key] = self.shapes[name].get(key, 0) + count

    def _count(self, name: str, result: Normalised) -> None:
        self.missing[name] += result.missing
        for reason, count in result.rejected_counts().items():
            self.rejected[name][reason] = self.rejected[name].get(reason, 0) + count

    def summary(self, timings: Mapping[str, float], outputs: Mapping[str, str]) -> RunSummary:
        """The run summary so far."""
        columns = tuple(
            ColumnSummary(
                column=spec.name,
                kind=str(spec.kind),
                token_columns=tuple(col for col, _, _ in self.plans[spec.name]),
                rows=self.rows,
                missing=self.missing[spec.name],
                rejected=dict(sorted(self.rejected[spec.name].items())),
                warnings=dict(sorted(self.warnings[spec.name].items())),
                rejected_shapes=commonest_shapes(self.shapes[spec.name]),
            )
            for spec in self.source.identifiers
        )
        return RunSummary(
            source=self.source.name,
            rows=self.rows,
            key_id=self.key_id,
            token_length=self.settings.length,
            columns=columns,
            content_columns=self.source.content,
            timings=dict(timings),
            outputs=dict(outputs),
            opt_outs=self.opt_outs.record(self.opted_out) if self.opt_outs is not None else None,
        )

    def metadata(self) -> dict[str, str]:
        """Parquet key-value metadata for the tokens file (ids and purposes, no secrets)."""
        return tokens_file_metadata(
            self.source.name, self.key_id, self.settings.length, self.purposes
        )


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


def _resolve_source(
    config: JobConfig | SourceConfig, source: str | None, keys: Keyring | ProviderKey
) -> tuple[SourceConfig, TokenSettings]:
    if isinstance(config, SourceConfig):
        return config, TokenSettings()
    require_project(keys, config.project)
    return config.source(source), config.tokens


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
    tokeniser = _Tokeniser(
        source_config, keys.namespace_key("link"), settings, opt_outs, job_token_columns(config)
    )
    tokens, content = tokeniser.batch(text)
    summary = tokeniser.summary({"total_seconds": time.perf_counter() - started}, {})
    summary = with_expiry(summary, config)
    return Pseudonymised(
        tokens=io.as_given(tokens, frame), content=io.as_given(content, frame), summary=summary
    )


OutputFormat = Literal["parquet", "csv"]


def output_paths(
    out_dir: Path, source: str, output_format: OutputFormat = "parquet"
) -> dict[str, Path]:
    """Where a source's outputs go: tokens, content and summary files."""
    return {
        "tokens": out_dir / f"{source}.tokens.{output_format}",
        "content": out_dir / f"{source}.content.{output_format}",
        "summary": out_dir / f"{source}.summary.json",
    }


class _BatchWriter:
    """Streams batches to one Parquet file (with metadata) or one spreadsheet-safe CSV file."""

    def __init__(
        self, path: Path, output_format: OutputFormat, metadata: Mapping[str, str] | None
    ) -> None:
        self.path = path
        self.output_format = output_format
        self.metadata = dict(metadata or {})
        self._writer: pq.ParquetWriter | pacsv.CSVWriter | None = None

    def write(self, frame: pl.DataFrame) -> None:
        """Append one batch."""
        if self.output_format == "csv":
            frame = io.neutralise_formulas(frame)
        table = frame.to_arrow()
        if self._writer is None:
            if self.output_format == "csv":
                self._writer = pacsv.CSVWriter(self.path, table.schema)
            else:
                schema = table.schema.with_metadata(self.metadata)
                self._writer = pq.ParquetWriter(self.path, schema, compression="zstd")
        self._writer.write_table(table)

    def close(self) -> None:
        """Finish the file."""
        if self._writer is not None:
            self._writer.close()


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
            byte-identical tokens; Parquet out, any Hadoop-compatible path).
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
        ConfigError: CSV output asked of the Spark engine.

    """
    if choose_engine(engine) is Engine.SPARK:
        if _opt_out_list(config) is not None:
            problem = (
                "governance.opt_outs is applied by the local engine; pseudonymise with "
                "--engine local (Spark does not apply opt-out lists yet)"
            )
            raise ConfigError([problem], "arguments")
        if output_format != "parquet":
            problem = "CSV output (--csv) is for the local engine; Spark writes Parquet"
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
    tokeniser = _Tokeniser(
        source_config, keys.namespace_key("link"), settings, opt_outs, job_token_columns(config)
    )
    paths = output_paths(out_dir, source_config.name, output_format)
    names = [c.name for c in source_config.columns]
    timings = {"normalise_and_tokenise_seconds": 0.0, "write_seconds": 0.0}
    kinds = ("tokens", "content", "summary")
    with io.atomic_files([paths[kind] for kind in kinds]) as temporaries:
        temporary = dict(zip(kinds, temporaries, strict=True))
        writers = {
            "tokens": _BatchWriter(temporary["tokens"], output_format, tokeniser.metadata()),
            "content": _BatchWriter(temporary["content"], output_format, None),
        }
        shown = Progress(None, f"pseudonymise {source_config.name}: rows") if progress else None
        with shown if shown is not None else contextlib.nullcontext():
            try:
                for batch in io.iter_batches(
                    input_path,
                    batch_rows=batch_rows,
                    columns=names,
                    encoding=source_config.encoding,
                    delimiter=source_config.delimiter,
                ):
                    tick = time.perf_counter()
                    frame = pl.from_arrow(batch)
                    assert isinstance(frame, pl.DataFrame)
                    text = frame.select(pl.col(n).cast(pl.String) for n in names)
                    tokens, content = tokeniser.batch(text)
                    tock = time.perf_counter()
                    writers["tokens"].write(tokens)
                    writers["content"].write(content)
                    timings["normalise_and_tokenise_seconds"] += tock - tick
                    timings["write_seconds"] += time.perf_counter() - tock
                    if shown is not None:
                        shown.advance(frame.height)
            finally:
                for writer in writers.values():
                    writer.close()
        if tokeniser.rows == 0:
            raise InputError(f"{input_path}: no data rows (header only); nothing to pseudonymise.")
        # The three files are committed as one group (a run killed at any moment leaves the
        # previous set or the new one); the summary's SHA-256 of each data file lets
        # verify_outputs (run by link) still refuse files mixed by hand from two runs.
        outputs = {kind: io.sha256_file(temporary[kind]) for kind in ("tokens", "content")}
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
    (:func:`safelink.io.complete_interrupted_commits`). A provider may send a tokens file
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
