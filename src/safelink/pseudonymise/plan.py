"""The token plan: which keyed tokens each identifier column gives, under which purpose, how."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Collection
from dataclasses import dataclass

import polars as pl

from safelink.config import UPRN_TOKENS, ColumnSpec, JobConfig, SourceConfig, TokenSettings
from safelink.identifiers import Identifier
from safelink.normalise import (
    address_parts,
    canonical_sql,
    forename_canonical,
    nysiis,
    postcode_district,
    postcode_sector,
    rules,
    soundex,
)
from safelink.normalise.composite import Composite, composite_plan
from safelink.normalise.generic import KEYED_AS, generic_derivations
from safelink.uprn import UprnResolver, UprnToken

TokenDeriver = Callable[[pl.Series], pl.Series]

FORENAME_TABLE_PURPOSE = "link:name_canonical"
"""The key purpose of canonical-forename tokens, whose forename table a tokens file records."""

_NAME_KINDS = frozenset({Identifier.FORENAME, Identifier.SURNAME, Identifier.FULL_NAME})
#: Kinds whose full value is enumerable (a handful of codes): their own token is made only when
#: something reads it (the link section, or ``tokens.enumerable_tokens``).
ENUMERABLE_KINDS = frozenset({Identifier.SEX})
BIRTH_YEAR = ":birth_year"
"""The suffix of the key purpose of a name token keyed with the year of birth
(``tokens.names_with_birth_year``: ``link:name:birth_year``, ...)."""
OWNERS_REPORT_COLUMNS = ("nhs_number", "date_of_birth", "date_of_birth_sex")
"""Token columns the owners' discrepancy report reads (:mod:`safelink.owners.discrepancies`):
made for every job whose sources can derive them, whatever its link section reads."""


_BLOOM_KINDS = frozenset({Identifier.FORENAME, Identifier.SURNAME})


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
            address's UPRN tokens) is always made, but for an enumerable kind's
            (:data:`ENUMERABLE_KINDS`: sex), made only when ``used`` or
            ``settings.enumerable_tokens`` names it; a ``kind: other`` identifier's derived
            tokens are always made (its comparison reads them).

    Returns:
        One entry per token column, the full-value token (when made) first.

    """
    plan = _full_plan(spec, settings)
    if used is None or spec.kind is Identifier.OTHER:
        return plan
    always = set(UPRN_TOKENS)
    if spec.kind not in ENUMERABLE_KINDS or str(spec.kind) in settings.enumerable_tokens:
        always.add(spec.token_column)
    return [entry for entry in plan if entry[0] in always or entry[0] in used]


def job_token_columns(config: JobConfig | SourceConfig) -> frozenset[str] | None:
    """The token columns a job reads beyond each identifier's full value (None: make them all).

    None for a lone source. Its link section's
    (:meth:`safelink.config.LinkConfig.token_columns`) and the owners' discrepancy report's
    (:data:`OWNERS_REPORT_COLUMNS`).
    """
    if not isinstance(config, JobConfig):
        return None
    return config.link.token_columns() | frozenset(OWNERS_REPORT_COLUMNS)


def _full_plan(spec: ColumnSpec, settings: TokenSettings) -> list[tuple[str, str, TokenDeriver]]:
    plan = _value_plan(spec, settings)
    if settings.names_with_birth_year and spec.kind in _NAME_KINDS:
        # Every name token but the initial, keyed with the year of birth: the tokeniser joins
        # the year to the derived value (:func:`birth_year_columns`).
        plan = [(c, p if p == "link:initial" else p + BIRTH_YEAR, d) for c, p, d in plan]
    return plan


def birth_year_columns(source: SourceConfig, settings: TokenSettings) -> frozenset[str]:
    """The token columns of a source whose values are keyed with the year of birth."""
    return frozenset(
        column
        for spec in source.identifiers
        for column, purpose, _ in _full_plan(spec, settings)
        if purpose.endswith(BIRTH_YEAR)
    )


def birth_year_column(source: SourceConfig) -> str | None:
    """The source's date-of-birth column whose year names are keyed with (its first)."""
    return next((s.name for s in source.identifiers if s.kind is Identifier.DATE_OF_BIRTH), None)


def source_settings(source: SourceConfig, settings: TokenSettings | None = None) -> TokenSettings:
    """The token settings one source is pseudonymised with.

    The job's (a lone source config's: the defaults), but a source without a date of birth
    keys its names alone: it has no year to key them with (``link`` refuses to link its names
    with those of a source that keyed them with the year: :mod:`safelink.link.inputs`).
    """
    settings = TokenSettings() if settings is None else settings
    if settings.names_with_birth_year and birth_year_column(source) is None:
        return dataclasses.replace(settings, names_with_birth_year=False)
    return settings


def birth_years(dates: pl.Series) -> pl.Series:
    """The years of canonical dates of birth (partial dates included), as names are keyed."""
    return _dob_part("year")(dates)


def _value_plan(spec: ColumnSpec, settings: TokenSettings) -> list[tuple[str, str, TokenDeriver]]:
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


def plans(
    source: SourceConfig, settings: TokenSettings, used: Collection[str] | None = None
) -> dict[str, list[tuple[str, str, TokenDeriver]]]:
    """Identifier column -> its :func:`token_plan`."""
    return {spec.name: token_plan(spec, settings, used) for spec in source.identifiers}


def derivable(source: SourceConfig, settings: TokenSettings) -> dict[str, tuple[str, TokenDeriver]]:
    """Every derived token column a source can make -> (identifier column, deriver).

    Composites read derived values the job may not make as tokens of their own.
    """
    return {
        column: (spec.name, derive)
        for spec in source.identifiers
        if spec.kind is not Identifier.OTHER and settings.derived
        for column, _, derive in _full_plan(spec, settings)
    }


def composites(
    source: SourceConfig, settings: TokenSettings, used: Collection[str] | None = None
) -> list[Composite]:
    """The keyed composites a source makes (:mod:`safelink.normalise.composite`)."""
    return composite_plan(derivable(source, settings), used)


def blooms(source: SourceConfig, settings: TokenSettings) -> dict[str, tuple[str, str]]:
    """Bloom encodings: token column -> (identifier column, key purpose), one key per field."""
    return {
        f"{spec.token_column}_bloom": (spec.name, purpose)
        for spec in source.identifiers
        if (purpose := bloom_purpose(spec, settings))
    }


def column_purposes(
    source: SourceConfig, settings: TokenSettings, used: Collection[str] | None = None
) -> dict[str, str]:
    """Token column -> key purpose, every token column of a source in output order."""
    planned = {
        col: purpose for plan in plans(source, settings, used).values() for col, purpose, _ in plan
    }
    planned |= {c.column: c.purpose for c in composites(source, settings, used)}
    return planned | {col: purpose for col, (_, purpose) in blooms(source, settings).items()}


def purposes_needed(
    source: SourceConfig, settings: TokenSettings, used: Collection[str] | None = None
) -> list[str]:
    """The key purposes a source's tokens use, each once, in first-use order."""
    return list(dict.fromkeys(column_purposes(source, settings, used).values()))
