"""Release profiles and the disclosure config, loaded from YAML and validated as a whole.

Two built-in profiles (their YAML is below, in :data:`BUILTIN_PROFILES`):

- ``tre``: record-level data for accredited researchers in a trusted research environment:
  k >= 5 over persons, prosecutor risk at most 1/k, at most 5% of rows suppressed.
- ``publication``: aggregate tables only, with NHS England's small-number rule.

A record-level profile is a list of criteria (:meth:`ReleaseProfile.criteria`): k-anonymity,
l-diversity, t-closeness, (alpha, k)-anonymity, beta-likeness and delta-disclosure of each
sensitive attribute, the prosecutor risk cap. The check,
the search and every engine loop over that list.

A disclosure config names the columns and their roles, the hierarchies, the transformations
to apply and the profile (by name, or a mapping that overrides a built-in's settings)::

    profile: {name: tre, k: 10}
    quasi_identifiers: [dob, sex, postcode, ethnicity]
    sensitive: [diagnosis]
    person: person_id
    drop: [nhs_number]
    hierarchies: {ethnicity: hierarchies/ethnicity-ons-19-to-5.yaml}
    transformations:
      - {generalise: dob, to: age_band, width: 5, top: 90}
      - {generalise: postcode, to: district}
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BeforeValidator,
    Field,
    InstanceOf,
    Strict,
    StrictFloat,
    StrictInt,
    StrictStr,
    TypeAdapter,
    ValidationInfo,
    model_validator,
)
from pydantic.dataclasses import dataclass

from safelink.config import load_yaml
from safelink.config._fields import (
    MODEL_CONFIG,
    NON_EMPTY,
    WRITTEN,
    ConfigPath,
    Internal,
    Name,
    Names,
    OptionalNames,
    load_context,
    none_as_empty,
    none_as_no_items,
    problem,
    resolve_path,
)
from safelink.config._problems import validate
from safelink.disclosure.criteria import (
    Criterion,
    DistinctL,
    EntropyL,
    KAnonymity,
    ProsecutorRiskCap,
    RecursiveCL,
    SensitiveAttributeRequired,
    TCloseness,
)
from safelink.disclosure.hierarchies import TableHierarchy, load_table_hierarchy
from safelink.disclosure.likeness_criteria import AlphaKAnonymity, BetaLikeness, DeltaDisclosure
from safelink.disclosure.steps import Step
from safelink.disclosure.tables import SmallNumberPolicy
from safelink.errors import ConfigError
from safelink.infra.paths import project_root

BUILTIN_PROFILES = """
tre:
  kind: records
  k: 5
  max_suppression: 0.05
publication:
  kind: tables
  small_numbers: {low: 1, high: 7, rounding: 5, min_people_for_statistics: 8}
"""

_MAX_BYTES = 1 << 20

#: A share from 0 to 1.
Share = Annotated[StrictFloat, Field(ge=0.0, le=1.0)]
#: A class size: at least 2.
Size = Annotated[StrictInt, Field(ge=2)]


@functools.cache
def _builtins() -> dict[str, dict[str, Any]]:
    return yaml.safe_load(BUILTIN_PROFILES)  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class ReleaseProfile:
    """What a release must meet (in YAML, a built-in's name or a mapping overriding one).

    Attributes:
        name: the profile's name.
        kind: ``records`` (record-level data) or ``tables`` (aggregate tables only).
        k: k-anonymity target (persons when a person column is set).
        l: optional l-diversity target for every sensitive attribute.
        l_kind: ``distinct``, ``entropy`` or ``recursive``.
        c: the c of recursive (c, l)-diversity.
        t: optional t-closeness bound for every sensitive attribute.
        alpha: optional (alpha, k)-anonymity bound (with the profile's k) for every
            sensitive attribute.
        beta: optional beta-likeness bound for every sensitive attribute.
        beta_kind: ``basic`` or ``enhanced`` beta-likeness.
        delta: optional delta-disclosure bound for every sensitive attribute.
        max_prosecutor_risk: highest prosecutor risk allowed (default 1/k).
        max_suppression: share of rows ``anonymise`` may suppress.
        small_numbers: the small-number policy for tables.
    """

    name: Name
    """The profile's name (a built-in's name takes its settings as defaults)."""
    kind: Literal["records", "tables"] = "records"
    """records (record-level data) or tables (aggregate tables only)."""
    k: Size | None = 5
    """The k-anonymity target (persons when a person column is set)."""
    l: Size | None = None  # noqa: E741
    """An l-diversity target for every sensitive attribute."""
    l_kind: Literal["distinct", "entropy", "recursive"] = "distinct"
    """The kind of l-diversity."""
    c: Annotated[StrictFloat, Field(gt=0)] = 3.0
    """The c of recursive (c, l)-diversity."""
    t: Share | None = None
    """A t-closeness bound for every sensitive attribute."""
    alpha: Annotated[StrictFloat, Field(gt=0.0, le=1.0)] | None = None
    """An (alpha, k)-anonymity bound: the largest share of one sensitive value in a class."""
    beta: Annotated[StrictFloat, Field(gt=0.0, allow_inf_nan=False)] | None = None
    """A beta-likeness bound for every sensitive attribute (Cao and Karras 2012)."""
    beta_kind: Literal["basic", "enhanced"] = "basic"
    """The kind of beta-likeness."""
    delta: Annotated[StrictFloat, Field(gt=0.0, allow_inf_nan=False)] | None = None
    """A delta-disclosure bound for every sensitive attribute (Brickell and Shmatikov 2008)."""
    max_prosecutor_risk: Share | None = None
    """The highest prosecutor risk allowed (default 1/k)."""
    max_suppression: Share = 0.05
    """The share of rows anonymise may suppress."""
    small_numbers: Annotated[SmallNumberPolicy, BeforeValidator(none_as_empty)] = dataclasses.field(
        default_factory=SmallNumberPolicy
    )
    """The small-number policy for tables."""

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return dataclasses.asdict(self)

    @property
    def risk_cap(self) -> float:
        """The highest prosecutor risk allowed: ``max_prosecutor_risk``, else 1/k."""
        return self.max_prosecutor_risk or 1.0 / (self.k or 2)

    def criteria(
        self, config: DisclosureConfig, *, numeric: Collection[str] = ()
    ) -> tuple[Criterion, ...]:
        """The criteria a release must meet under this profile, for a config's columns.

        Args:
            config: names the sensitive attributes and which are ordered or numeric.
            numeric: further columns the data hold as numbers (t-closeness measures them with
                the ordered distance).

        Returns:
            The criteria, in the order a check reports them (see :meth:`criteria_for`).
        """
        return self.criteria_for(
            config.sensitive, ordered=config.ordered, numeric={*config.numeric, *numeric}
        )

    def criteria_for(
        self,
        sensitive: Sequence[str],
        *,
        ordered: Mapping[str, Sequence[Any]] | None = None,
        numeric: Collection[str] = (),
    ) -> tuple[Criterion, ...]:
        """The criteria a release must meet under this profile.

        In order: k-anonymity (k, or 2 when the profile sets none); l-diversity of each
        sensitive attribute, of the profile's kind; t-closeness of each; (alpha, k)-anonymity,
        beta-likeness and delta-disclosure of each; the prosecutor risk cap
        (:attr:`risk_cap`). A profile with l, t, alpha, beta or delta and no sensitive
        attribute gets a criterion no table meets, saying so.

        Args:
            sensitive: the sensitive attribute columns.
            ordered: text attributes with their values in order (ordered t-closeness).
            numeric: attributes held as numbers (ordered t-closeness).

        Returns:
            The criteria.

        Example:
            >>> [c.name for c in builtin_profile("tre").criteria_for(["diagnosis"])]
            ['k-anonymity (k=5)', 'prosecutor risk <= 0.200']
        """
        ordered = ordered or {}
        out: list[Criterion] = [KAnonymity(self.k or 2)]
        if self.l is not None:
            if not sensitive:
                out.append(SensitiveAttributeRequired("l-diversity"))
            for attribute in sensitive:
                if self.l_kind == "entropy":
                    out.append(EntropyL(attribute, self.l))
                elif self.l_kind == "recursive":
                    out.append(RecursiveCL(attribute, self.c, self.l))
                else:
                    out.append(DistinctL(attribute, self.l))
        if self.t is not None:
            if not sensitive:
                out.append(SensitiveAttributeRequired("t-closeness"))
            for attribute in sensitive:
                order = tuple(str(v) for v in ordered.get(attribute) or ())
                is_ordered = bool(order) or attribute in numeric
                out.append(TCloseness(attribute, self.t, ordered=is_ordered, order=order))
        out += self._attribute_criteria(sensitive)
        out.append(ProsecutorRiskCap(self.risk_cap))
        return tuple(out)

    def _attribute_criteria(self, sensitive: Sequence[str]) -> list[Criterion]:
        """(alpha, k)-anonymity, beta-likeness and delta-disclosure, where the profile sets them."""
        out: list[Criterion] = []
        models = (
            ("(alpha, k)-anonymity", self.alpha),
            ("beta-likeness", self.beta),
            ("delta-disclosure", self.delta),
        )
        for model, bound in models:
            if bound is not None and not sensitive:
                out.append(SensitiveAttributeRequired(model))
        enhanced = self.beta_kind == "enhanced"
        for attribute in sensitive:
            if self.alpha is not None:
                out.append(AlphaKAnonymity(attribute, self.alpha, self.k or 2))
            if self.beta is not None:
                out.append(BetaLikeness(attribute, self.beta, enhanced=enhanced))
            if self.delta is not None:
                out.append(DeltaDisclosure(attribute, self.delta))
        return out


def _profile_document(value: Any) -> Any:
    """A profile as written -> its settings: a name alone, or a built-in's overridden."""
    if isinstance(value, str):
        value = {"name": value}
    if isinstance(value, Mapping) and isinstance(value.get("name"), str):
        return {**_builtins().get(value["name"], {}), **value}
    return value


def _hierarchy(value: Any, info: ValidationInfo) -> Any:
    """A hierarchy file's path as written -> the hierarchy it holds."""
    if isinstance(value, TableHierarchy):
        return value
    if not isinstance(value, str) or not value:
        raise problem("must be the path of a hierarchy file (YAML or CSV)")
    try:
        return load_table_hierarchy(resolve_path(Path(value), info), name=Path(value).stem)
    except ConfigError as exc:
        raise problem("; ".join(exc.problems)) from exc


def _text(value: Any) -> Any:
    """An ordered value written as a number -> its text (CSV values are text)."""
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    return str(value) if is_number else value


Hierarchy = Annotated[
    InstanceOf[TableHierarchy], BeforeValidator(_hierarchy, json_schema_input_type=Path)
]
OrderedValue = Annotated[
    StrictStr, BeforeValidator(_text, json_schema_input_type=StrictStr | StrictInt | StrictFloat)
]


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class PopulationTable:
    """A population table for journalist risk: counts per quasi-identifier combination."""

    path: ConfigPath
    """The table (CSV or Parquet); relative to the config's folder."""
    count: Name = "count"
    """Its count column."""


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class TableSpec:
    """The table a ``tables`` profile publishes."""

    rows: Annotated[Names, NON_EMPTY]
    """The columns whose values make the table's rows."""
    column: Name
    """The column whose values make the table's columns."""
    cells: Names | None = None
    """The count columns of a published table to check (default: all but the rows)."""


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class SearchSettings:
    """Find the least-lossy generalisation levels that meet the profile."""

    max_suppression: Share | None = None
    """The share of rows the search may suppress (default: the profile's)."""
    metric: Literal["entropy", "discernibility"] = "entropy"
    """What the search minimises."""


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class DisclosureConfig:
    """A whole disclosure config (see the module docstring for the YAML).

    Attributes:
        profile: the release profile.
        quasi_identifiers: the quasi-identifier columns.
        sensitive: sensitive attribute columns.
        person: the person id column, if any.
        identifying: columns whose values must never appear in a message.
        drop: columns removed before release (direct identifiers).
        missing: ``value`` or ``wildcard``.
        reference_date: the date ages are computed at.
        hierarchies: free hierarchies per column.
        transformations: the steps, in order (:mod:`safelink.disclosure.steps`).
        population: an optional population table for journalist risk.
        table: for ``publication``: the rows and column to tabulate.
        numeric: columns to read as numbers (CSV inputs are text).
        ordered: for t-closeness, text attributes with their values in order.
        search: find minimal generalisation levels automatically.
        target: the column a classifier would predict (the classification metric).
        source: where the config came from.
    """

    profile: Annotated[
        ReleaseProfile,
        BeforeValidator(_profile_document, json_schema_input_type=Name | ReleaseProfile),
    ] = dataclasses.field(default_factory=lambda: builtin_profile("tre"))
    """The profile the release must meet: a built-in's name (tre, publication), or a mapping
    with its name and the settings that override it."""
    quasi_identifiers: Annotated[Names, NON_EMPTY]
    """The quasi-identifier columns."""
    sensitive: OptionalNames = ()
    """Sensitive attribute columns."""
    person: Name | None = None
    """The person id column (classes count persons, not records)."""
    identifying: OptionalNames = ()
    """Columns whose values must never appear in a message."""
    drop: OptionalNames = ()
    """Columns removed before release (direct identifiers)."""
    missing: Literal["value", "wildcard"] = "value"
    """A missing value is a value of its own, or could be anything (wildcard)."""
    reference_date: Annotated[dt.date, Strict()] | None = None
    """The date ages are computed at (YYYY-MM-DD)."""
    hierarchies: Annotated[Mapping[str, Hierarchy], BeforeValidator(none_as_empty)] = (
        dataclasses.field(default_factory=dict)
    )
    """A free hierarchy file (YAML or CSV) per column; relative to the config's folder."""
    transformations: Annotated[tuple[Step, ...], BeforeValidator(none_as_no_items)] = ()
    """The steps applied before the check, in order."""
    population: PopulationTable | None = None
    """A population table for journalist risk."""
    table: TableSpec | None = None
    """For a tables profile: the rows and column to tabulate."""
    numeric: OptionalNames = ()
    """Columns to read as numbers (CSV inputs are text)."""
    ordered: Annotated[Mapping[str, tuple[OrderedValue, ...]], BeforeValidator(none_as_empty)] = (
        dataclasses.field(default_factory=dict)
    )
    """For t-closeness: text attributes with their values in order."""
    search: SearchSettings | None = None
    """Find the least-lossy generalisation levels that meet the profile."""
    target: Name | None = None
    """The column a classifier would predict, for the classification metric (utility)."""
    source: Internal = "<dict>"
    """Where the config came from, for messages."""

    @model_validator(mode="before")
    @classmethod
    def _from_document(cls, data: Any, info: ValidationInfo) -> Any:
        """Take the origin from the load (a document may not write it)."""
        context = load_context(info)
        if context is None or not isinstance(data, Mapping):
            return data
        return {**data, "source": WRITTEN if "source" in data else context.origin}

    @model_validator(mode="after")
    def _table_for_tables(self) -> DisclosureConfig:
        if self.profile.kind == "tables" and self.table is None:
            raise problem("a tables profile needs the rows and a column to tabulate", "table")
        return self


_PROFILE = TypeAdapter(ReleaseProfile)
_CONFIG = TypeAdapter(DisclosureConfig)


def disclosure_schema() -> dict[str, Any]:
    """The JSON Schema of a disclosure config, for editors and other tools.

    Returns:
        A JSON Schema document (a fresh copy on every call).
    """
    return _CONFIG.json_schema(mode="validation")


def builtin_profile(name: str) -> ReleaseProfile:
    """Return a built-in profile by name.

    Raises:
        ConfigError: no built-in profile has that name.
    """
    if name not in _builtins():
        raise ConfigError(
            [f"unknown profile {name!r}; use one of {sorted(_builtins())}"], "<profile>"
        )
    return validate(_PROFILE, {"name": name, **_builtins()[name]}, origin="<profile>")


def parse_disclosure_config(
    raw: Any, *, source: str = "<dict>", base: Path | None = None, root: Path | None = None
) -> DisclosureConfig:
    """Validate a parsed disclosure config, reporting every problem at once by its YAML path.

    Args:
        raw: the parsed YAML mapping.
        source: where it came from, for messages.
        base: directory that relative hierarchy/population paths are resolved against.
        root: the folder those relative paths must stay inside (None: not checked); see
            :mod:`safelink.infra.paths`.

    Returns:
        A :class:`DisclosureConfig`.

    Raises:
        ConfigError: listing every problem found.
    """
    return validate(_CONFIG, raw, origin=source, base_dir=base, root=root)


def load_disclosure_config(path: Path | str) -> DisclosureConfig:
    """Load and validate a disclosure config from a YAML file (safe YAML: no tags, no aliases).

    Raises:
        ConfigError: the file is missing, too large, not YAML, or invalid (every problem).
    """
    path = Path(path)
    if not path.is_file():
        raise ConfigError([f"config file not found: {path}"], str(path))
    if path.stat().st_size > _MAX_BYTES:
        raise ConfigError(["config file is larger than 1 MiB"], str(path))
    raw = load_yaml(path)
    return parse_disclosure_config(
        raw, source=str(path), base=path.parent, root=project_root(path.parent)
    )
