"""The job: project, key file, audit log, token settings and each source's column roles."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationInfo,
    model_validator,
)
from pydantic.dataclasses import dataclass
from pydantic.json_schema import SkipJsonSchema

from safelink.config._fields import (
    MODEL_CONFIG,
    NON_EMPTY,
    WRITTEN,
    ConfigPath,
    Internal,
    Word,
    load_context,
    none_as_empty,
    not_written,
    problem,
)
from safelink.config._generic import Compare, GenericCompare, GenericNormalise
from safelink.config._governance import Governance
from safelink.config._link import LinkConfig
from safelink.errors import ConfigError, InputError
from safelink.identifiers import Identifier
from safelink.infra.text_encoding import canonical_encoding
from safelink.normalise.constants import UNKNOWN_BIRTH_DATES, BirthDatePlaceholders

#: The sections of a job kept as written in :attr:`JobConfig.sections`, in this order.
SECTIONS = ("link", "disclosure", "release", "scan")
#: Sections kept as written here: release is typed by its step (safelink.release.settings)
#: and checked at load; disclosure and scan are read by their commands.
_UNTYPED_SECTIONS = ("disclosure", "release", "scan")


class ColumnRole(StrEnum):
    """What happens to a column when an extract is pseudonymised."""

    IDENTIFIER = "identifier"
    CONTENT = "content"
    DROP = "drop"


#: The token columns an address column with ``resolve_uprn: true`` adds.
UPRN_TOKENS = ("uprn", "household")

#: Columns safelink writes into its outputs, which an extract's kept column may not be named.
RESERVED_COLUMNS = {
    "record_id": "each record's id, joining tokens and content",
    "person_id": "each record's person, in the links",
}


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class ColumnSpec:
    """The role of one input column (in YAML, ``name: {role: ...}`` or ``name: role``)."""

    name: Internal
    """The column's name in the extract (its key in the config)."""
    role: ColumnRole
    """identifier (tokenised), content (kept for the analyst) or drop."""
    kind: Identifier | None = None
    """The identifier kind (identifier columns only)."""
    also_content: StrictBool = False
    """Keep the raw value in the content file too (e.g. sex for analysis)."""
    token_name: Word | None = None
    """The token column's name (defaults to the kind; for ``kind: other``, the column's
    name)."""
    normalise: GenericNormalise | None = None
    """How a ``kind: other`` identifier is normalised (default: trimmed, upper case)."""
    compare: Compare | None = None
    """How a ``kind: other`` identifier is compared (default: exact)."""
    key_group: Word | None = None
    """``kind: other`` columns of one key group share their tokens' key, so a match key may
    compare them across columns (``{address_1: address_2}``: address lines written in each
    other's field); by default each token column has its own key."""
    resolve_uprn: StrictBool = False
    """Resolve this address column to UPRNs against ``gazetteer`` (address columns only):
    adds the ``uprn`` and ``household`` tokens (:mod:`safelink.uprn`)."""
    gazetteer: ConfigPath | None = None
    """The canonical address list (``uprn, parent_uprn, address, postcode``; CSV or Parquet)."""
    uprn_threshold: Annotated[float, Field(gt=0, le=1)] = 0.9
    """The match probability an address's best gazetteer candidate must reach."""

    @model_validator(mode="after")
    def _kind_matches_role(self) -> ColumnSpec:
        if self.resolve_uprn and self.kind is not Identifier.ADDRESS:
            raise problem("is only for address identifier columns", "resolve_uprn")
        if self.resolve_uprn and self.gazetteer is None:
            raise problem(
                "resolve_uprn needs a gazetteer: give its path (uprn, parent_uprn, address, "
                "postcode; CSV or Parquet)",
                "gazetteer",
            )
        if self.gazetteer is not None and not self.resolve_uprn:
            raise problem("is read only with resolve_uprn: true", "gazetteer")
        kept = self.role is ColumnRole.CONTENT or self.also_content
        if kept and self.name in RESERVED_COLUMNS:
            raise problem(
                f"{self.name!r} is a column safelink writes ({RESERVED_COLUMNS[self.name]}); "
                "rename the extract's column (e.g. provider_" + self.name + "), or give it "
                "role: drop"
            )
        if self.token_name in RESERVED_COLUMNS:
            raise problem(
                f"{self.token_name!r} is a column safelink writes; choose another token_name",
                "token_name",
            )
        if self.role is ColumnRole.IDENTIFIER and self.kind is None:
            raise problem(
                f"an identifier column needs one of {[k.value for k in Identifier]}", "kind"
            )
        if self.role is not ColumnRole.IDENTIFIER and self.kind is not None:
            raise problem("is only for identifier columns", "kind")
        for setting in ("normalise", "compare", "key_group"):
            if getattr(self, setting) is not None and self.kind is not Identifier.OTHER:
                raise problem(
                    "is only for kind: other (the other kinds keep their own rules)", setting
                )
        if self.kind is Identifier.OTHER and not (self.token_name or self.name.isidentifier()):
            raise problem(
                "the column's name is not a word; give a token_name (letters, digits, _) for "
                "its token column",
                "token_name",
            )
        return self

    @property
    def generic_normalise(self) -> GenericNormalise:
        """The normalisation of a ``kind: other`` identifier (the default when not written)."""
        return self.normalise or GenericNormalise()

    @property
    def generic_compare(self) -> GenericCompare:
        """The comparison of a ``kind: other`` identifier (exact when not written)."""
        return self.compare or GenericCompare()

    @property
    def token_column(self) -> str:
        """The name of this identifier's token column in the tokens file.

        A ``kind: other`` column's own name when no ``token_name`` is given.
        """
        if self.token_name:
            return self.token_name
        return self.name if self.kind is Identifier.OTHER else str(self.kind)


def _named(value: Any, *, shorthand: bool = False) -> Any:
    """``{name: settings}`` as written -> the same with each name inside its settings.

    A ``name`` written inside the settings is marked, to be refused as an unknown setting.
    With ``shorthand``, settings given as a bare string are a column's role.
    """
    if not isinstance(value, Mapping):
        return value
    named: dict[str, Any] = {}
    for key, settings in value.items():
        if shorthand and isinstance(settings, str):
            settings = {"role": settings}
        if isinstance(settings, Mapping):
            settings = {**settings, "name": WRITTEN if "name" in settings else str(key)}
        named[str(key)] = settings
    return named


def _named_columns(value: Any, info: ValidationInfo) -> Any:
    if not isinstance(value, Mapping):
        if load_context(info) is not None:  # a list is the Python form, not the YAML one
            raise problem("must map each column's name to its role")
        return value
    return list(_named(value, shorthand=True).values())


def _canonical_encoding(value: str) -> str:
    try:
        return canonical_encoding(value)
    except InputError as exc:
        raise problem(str(exc)) from exc


def _one_character(value: str) -> str:
    if len(value) != 1:
        raise problem("must be a single character, such as ',' or '|'")
    return value


Columns = Annotated[
    tuple[ColumnSpec, ...],
    BeforeValidator(
        _named_columns,
        json_schema_input_type=Annotated[dict[str, ColumnSpec | ColumnRole], Field(min_length=1)],
    ),
    NON_EMPTY,
]


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class SourceConfig:
    """One data provider's extract and the role of each of its columns."""

    name: Internal
    """The source's name (its key under ``sources``)."""
    path: ConfigPath | None = None
    """The extract (CSV or Parquet); relative to the config's folder."""
    encoding: Annotated[StrictStr, AfterValidator(_canonical_encoding)] = "utf-8"
    """The CSV's text encoding (any ASCII-compatible one; ``--encoding`` overrides it)."""
    delimiter: Annotated[StrictStr, AfterValidator(_one_character)] = ","
    """The CSV's field separator."""
    columns: Columns
    """Each column of the extract and its role, in the extract's order."""

    @model_validator(mode="after")
    def _can_link(self) -> SourceConfig:
        token_names = [c.token_column for c in self.identifiers]
        token_names += [t for c in self.identifiers if c.resolve_uprn for t in UPRN_TOKENS]
        clashes = sorted({t for t in token_names if token_names.count(t) > 1})
        if clashes:
            raise problem(
                f"several identifier columns make token column(s) {clashes}; "
                "give all but one a distinct 'token_name'"
            )
        if not token_names:
            raise problem("no identifier columns; at least one is needed to link")
        return self

    @property
    def identifiers(self) -> tuple[ColumnSpec, ...]:
        """Columns to tokenise."""
        return tuple(c for c in self.columns if c.role is ColumnRole.IDENTIFIER)

    @property
    def content(self) -> tuple[str, ...]:
        """Columns to keep in the content file."""
        return tuple(
            c.name
            for c in self.columns
            if c.role is ColumnRole.CONTENT or (c.role is ColumnRole.IDENTIFIER and c.also_content)
        )


def _birth_date(value: Any) -> Any:
    """A date of birth as written: a YAML date, or text ``YYYY-MM-DD``."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise problem("must be a real date written YYYY-MM-DD (e.g. 1900-01-01)")


def _month_day(value: Any) -> Any:
    """A day of the year as written, ``MM-DD``; 29 February is allowed."""
    if isinstance(value, str) and len(value) == 5 and value[2] == "-":
        try:
            dt.date(2000, int(value[:2]), int(value[3:]))  # a leap year: 02-29 is a day
        except ValueError:
            pass
        else:
            return value
    raise problem("must be a day of the year written MM-DD (e.g. 01-01 for 1 January)")


BirthDate = Annotated[dt.date, BeforeValidator(_birth_date, json_schema_input_type=str)]
"""A date of birth, ``YYYY-MM-DD``."""
MonthDay = Annotated[StrictStr, BeforeValidator(_month_day, json_schema_input_type=str)]
"""A day of the year, ``MM-DD`` (``01-01`` for 1 January)."""


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class TokenSettings:
    """How tokens are made."""

    length: Annotated[StrictInt, Field(ge=16, le=32)] = 16
    """Bytes of HMAC-SHA256 kept per token (128 to 256 bits; hex doubles it)."""
    derived: StrictBool = True
    """Also make the derived tokens for fuzzy linkage (phonetic codes, DOB parts, ...)."""
    bloom: StrictBool = False
    """Also make hardened keyed Bloom-filter encodings of forenames and surnames
    (``forename_bloom``, ``surname_bloom``) for Dice-similarity comparison."""
    unknown_birth_dates: tuple[BirthDate, ...] = UNKNOWN_BIRTH_DATES
    """Dates of birth that the extracts' systems write for an unknown date (``1900-01-01``,
    ``1800-01-01``): rejected as ``placeholder``, so they never agree. ``[]`` for none."""
    year_only_birth_days: tuple[MonthDay, ...] = ("01-01",)
    """Days (``MM-DD``) that the systems write when only the year of birth is known: that day
    of any year is read as the year alone (a partial date, compared by its year). ``[]`` to
    read 1 January as a real day."""
    names_with_birth_year: StrictBool = True
    """Key every name token (forename, surname, their canonical forms, phonetic codes and
    surname parts; not the initials) together with the year of birth, as one composite
    (``link:name:birth_year`` ...): a name's own frequencies would give it away to the
    linkage unit (a frequency attack recovered 6-33% of records' names and codes), a name
    and birth year's do not (under 1%). A record without a year of birth then has no name
    tokens; a source without a date-of-birth column keys its names alone. ``link`` refuses to
    link names keyed both ways; ``false`` keys names alone (as before issue 29)."""
    enumerable_tokens: tuple[Literal["sex"], ...] = ()
    """Enumerable full-value tokens to make although the link section does not read them
    (``[sex]``). By default a tokens file carries no ``sex`` column: its two codes would give
    every record's sex away by frequency alone; the link and the owners' discrepancy report
    read sex keyed with the date of birth (``date_of_birth_sex``) instead."""

    @property
    def birth_date_placeholders(self) -> BirthDatePlaceholders:
        """The two placeholder lists, as the date-of-birth rule reads them."""
        days = tuple((int(d[:2]), int(d[3:])) for d in self.year_only_birth_days)
        return BirthDatePlaceholders(unknown=self.unknown_birth_dates, year_only=days)


Sources = Annotated[
    Mapping[str, SourceConfig],
    BeforeValidator(
        _named, json_schema_input_type=Annotated[dict[str, SourceConfig], Field(min_length=1)]
    ),
    NON_EMPTY,
]


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class JobConfig:
    """A whole job: project, key file, audit log, sources and the sections for later steps.

    Every command run with this config appends to ``audit_log`` (a hash-chained JSON-lines
    file, see :mod:`safelink.infra.audit`) when it is set.
    """

    project: Annotated[StrictStr, Field(min_length=1)]
    """The project's name; key files belong to one project."""
    key_file: ConfigPath | None = None
    """The project's key file (a key id, never a secret, goes into outputs)."""
    audit_log: ConfigPath | None = None
    """The project's audit log, appended to by every command run with this config."""
    sources: Sources
    """Each data provider's extract, by source name."""
    tokens: Annotated[TokenSettings, BeforeValidator(none_as_empty)] = dataclasses.field(
        default_factory=TokenSettings
    )
    """How tokens are made."""
    link: Annotated[LinkConfig, BeforeValidator(none_as_empty)] = dataclasses.field(
        default_factory=LinkConfig
    )
    """How tokens files are linked into persons."""
    governance: Governance | None = None
    """Purpose, lawful basis, agreement, owners and recipient (``release`` refuses a job
    without it); see :mod:`safelink.config._governance`."""
    sections: Annotated[SkipJsonSchema[Mapping[str, Any]], BeforeValidator(not_written)] = (
        dataclasses.field(default_factory=dict)
    )
    """The ``link``, ``disclosure``, ``release`` and ``scan`` sections exactly as written (the
    release manifest records them; ``link`` is also typed, as :attr:`link`)."""
    origin: Internal = "<dict>"
    """Where the config came from (its path, or ``<dict>``), for messages."""

    @model_validator(mode="before")
    @classmethod
    def _from_document(cls, data: Any, info: ValidationInfo) -> Any:
        """Keep the later steps' sections as written, and take the origin from the load."""
        context = load_context(info)
        if context is None or not isinstance(data, Mapping):
            return data
        fields = {k: v for k, v in data.items() if k not in _UNTYPED_SECTIONS}
        sections = {key: data[key] for key in SECTIONS if key in data}
        fields["sections"] = WRITTEN if "sections" in data else sections
        fields["origin"] = WRITTEN if "origin" in data else context.origin
        return fields

    @model_validator(mode="after")
    def _governance_covers_sources(self) -> JobConfig:
        if self.governance is None:
            return self
        named = self.governance.sources
        for name in self.sources:
            if name not in named:
                raise problem(
                    f"no governance for source {name!r}: give its owner, lawful_basis and "
                    "legal_gateway",
                    "governance",
                    "sources",
                    name,
                )
        for name in named:
            if name not in self.sources:
                raise problem(
                    f"not a source of the job (sources: {list(self.sources)})",
                    "governance",
                    "sources",
                    name,
                )
        return self

    def source(self, name: str | None = None) -> SourceConfig:
        """Return the named source, or the only one when ``name`` is None.

        Raises:
            ConfigError: the name is unknown, or None while there are several sources.

        """
        if name is None:
            if len(self.sources) == 1:
                return next(iter(self.sources.values()))
            raise ConfigError(
                [f"several sources ({', '.join(self.sources)}); choose one with --source"],
                self.origin,
            )
        if name not in self.sources:
            raise ConfigError(
                [f"no source named {name!r}; the config has {', '.join(self.sources)}"],
                self.origin,
            )
        return self.sources[name]
