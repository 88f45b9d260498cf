"""Release profiles and the disclosure config, loaded from YAML and validated as a whole.

Two built-in profiles (their YAML is below, in :data:`BUILTIN_PROFILES`):

- ``tre``: record-level data for accredited researchers in a trusted research environment:
  k >= 5 over persons, prosecutor risk at most 1/k, at most 5% of rows suppressed.
- ``publication``: aggregate tables only, with NHS England's small-number rule.

A record-level profile is a list of criteria (:meth:`ReleaseProfile.criteria`): k-anonymity,
l-diversity and t-closeness of each sensitive attribute, the prosecutor risk cap. The check,
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

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from safelink.config import load_yaml
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
from safelink.disclosure.tables import SmallNumberPolicy
from safelink.errors import ConfigError, InputError
from safelink.paths import project_root, resolve_config_path

BUILTIN_PROFILES = """
tre:
  kind: records
  k: 5
  max_suppression: 0.05
publication:
  kind: tables
  small_numbers: {low: 1, high: 7, rounding: 5, min_people_for_statistics: 8}
"""

_PROFILE_KEYS = frozenset(
    {
        "name",
        "kind",
        "k",
        "l",
        "l_kind",
        "c",
        "t",
        "max_prosecutor_risk",
        "max_suppression",
        "small_numbers",
    }
)
_CONFIG_KEYS = frozenset(
    {
        "profile",
        "quasi_identifiers",
        "sensitive",
        "person",
        "identifying",
        "drop",
        "missing",
        "reference_date",
        "hierarchies",
        "transformations",
        "population",
        "table",
        "numeric",
        "ordered",
        "search",
    }
)
_STEP_KEYS = frozenset(
    {"generalise", "coarsen", "top_code", "bottom_code", "suppress", "surrogate", "shift_dates"}
)
_MAX_BYTES = 1 << 20


@dataclass(frozen=True, slots=True, kw_only=True)
class ReleaseProfile:
    """What a release must meet.

    Attributes:
        name: the profile's name.
        kind: ``records`` (record-level data) or ``tables`` (aggregate tables only).
        k: k-anonymity target (persons when a person column is set).
        l: optional l-diversity target for every sensitive attribute.
        l_kind: ``distinct``, ``entropy`` or ``recursive``.
        c: the c of recursive (c, l)-diversity.
        t: optional t-closeness bound for every sensitive attribute.
        max_prosecutor_risk: highest prosecutor risk allowed (default 1/k).
        max_suppression: share of rows ``anonymise`` may suppress.
        small_numbers: the small-number policy for tables.
    """

    name: str
    kind: str = "records"
    k: int | None = 5
    l: int | None = None  # noqa: E741
    l_kind: str = "distinct"
    c: float = 3.0
    t: float | None = None
    max_prosecutor_risk: float | None = None
    max_suppression: float = 0.05
    small_numbers: SmallNumberPolicy = field(default_factory=SmallNumberPolicy)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return asdict(self)

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
        sensitive attribute, of the profile's kind; t-closeness of each; the prosecutor risk
        cap (:attr:`risk_cap`). A profile with l or t and no sensitive attribute gets a
        criterion no table meets, saying so.

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
        out.append(ProsecutorRiskCap(self.risk_cap))
        return tuple(out)


@dataclass(frozen=True, slots=True, kw_only=True)
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
        transformations: steps, each a mapping like ``{generalise: dob, to: age_band}``.
        population: optional ``{path:, count:}`` population table for journalist risk.
        table: for ``publication``: ``{rows: [...], column: ...}``.
        numeric: columns to read as numbers (CSV inputs are text).
        ordered: for t-closeness, text attributes with their values in order.
        search: optional ``{max_suppression:, metric:}``: find minimal levels automatically.
        source: where the config came from.
    """

    profile: ReleaseProfile
    quasi_identifiers: tuple[str, ...]
    sensitive: tuple[str, ...] = ()
    person: str | None = None
    identifying: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    missing: str = "value"
    reference_date: dt.date | None = None
    hierarchies: Mapping[str, TableHierarchy] = field(default_factory=dict)
    transformations: tuple[Mapping[str, Any], ...] = ()
    population: Mapping[str, Any] | None = None
    table: Mapping[str, Any] | None = None
    numeric: tuple[str, ...] = ()
    ordered: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    search: Mapping[str, Any] | None = None
    source: str = "<dict>"


def builtin_profile(name: str) -> ReleaseProfile:
    """Return a built-in profile by name.

    Raises:
        ConfigError: no built-in profile has that name.
    """
    document = yaml.safe_load(BUILTIN_PROFILES)
    if name not in document:
        raise ConfigError([f"unknown profile {name!r}; use one of {sorted(document)}"], "<profile>")
    problems: list[str] = []
    profile = _profile({"name": name, **document[name]}, problems)
    if profile is None:  # pragma: no cover - the built-ins are valid
        raise ConfigError(problems, "<profile>")
    return profile


def _profile(raw: Any, problems: list[str]) -> ReleaseProfile | None:
    if isinstance(raw, str):
        raw = {"name": raw}
    if not isinstance(raw, Mapping) or "name" not in raw:
        problems.append("profile: give a name (tre, publication) or a mapping with 'name'")
        return None
    builtin = yaml.safe_load(BUILTIN_PROFILES).get(raw["name"], {})
    merged = {"name": raw["name"], **builtin, **raw}
    unknown = sorted(set(merged) - _PROFILE_KEYS)
    if unknown:
        problems.append(f"profile: unknown key(s) {unknown}")
    before = len(problems)
    if merged.get("kind", "records") not in ("records", "tables"):
        problems.append("profile.kind: use 'records' or 'tables'")
    k = merged.get("k", 5)
    if merged.get("kind", "records") == "records" and (not isinstance(k, int) or k < 2):
        problems.append(f"profile.k: {k!r} is not valid; use a whole number >= 2")
    l = merged.get("l")  # noqa: E741
    if l is not None and (not isinstance(l, int) or l < 2):
        problems.append("profile.l: use a whole number >= 2")
    if merged.get("l_kind", "distinct") not in ("distinct", "entropy", "recursive"):
        problems.append("profile.l_kind: use distinct, entropy or recursive")
    for name, low, high in (
        ("t", 0.0, 1.0),
        ("max_suppression", 0.0, 1.0),
        ("max_prosecutor_risk", 0.0, 1.0),
    ):
        value = merged.get(name)
        if value is not None and not (isinstance(value, int | float) and low <= value <= high):
            problems.append(f"profile.{name}: use a number from {low} to {high}")
    small = merged.get("small_numbers") or {}
    policy = None
    try:
        policy = SmallNumberPolicy(**small) if isinstance(small, Mapping) else None
    except (TypeError, InputError):
        policy = None
    if policy is None:
        problems.append(
            "profile.small_numbers: keys low, high, rounding, min_people_for_statistics"
        )
    if len(problems) > before or policy is None:
        return None
    return ReleaseProfile(
        name=str(merged["name"]),
        kind=merged.get("kind", "records"),
        k=k,
        l=l,
        l_kind=merged.get("l_kind", "distinct"),
        c=float(merged.get("c", 3.0)),
        t=merged.get("t"),
        max_prosecutor_risk=merged.get("max_prosecutor_risk"),
        max_suppression=float(merged.get("max_suppression", 0.05)),
        small_numbers=policy,
    )


def _names(raw: Any, key: str, problems: list[str]) -> tuple[str, ...]:
    value = raw.get(key, [])
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        problems.append(f"{key}: give a list of column names")
        return ()
    return tuple(value)


def parse_disclosure_config(
    raw: Any, *, source: str = "<dict>", base: Path | None = None, root: Path | None = None
) -> DisclosureConfig:
    """Validate a parsed disclosure config, reporting every problem at once.

    Args:
        raw: the parsed YAML mapping.
        source: where it came from, for messages.
        base: directory that relative hierarchy/population paths are resolved against.
        root: the folder those relative paths must stay inside (None: not checked); see
            :mod:`safelink.paths`.

    Returns:
        A :class:`DisclosureConfig`.

    Raises:
        ConfigError: listing every problem found.
    """
    if not isinstance(raw, Mapping):
        raise ConfigError(["the config must be a mapping of keys to values"], source)
    problems: list[str] = []
    unknown = sorted(set(raw) - _CONFIG_KEYS)
    if unknown:
        problems.append(f"unknown key(s) {unknown}")
    profile = _profile(raw.get("profile", "tre"), problems)
    quasi = _names(raw, "quasi_identifiers", problems)
    if not quasi:
        problems.append("quasi_identifiers: name at least one column")
    person = raw.get("person")
    if person is not None and not isinstance(person, str):
        problems.append("person: give one column name")
    missing = raw.get("missing", "value")
    if missing not in ("value", "wildcard"):
        problems.append("missing: use 'value' or 'wildcard'")
    reference = raw.get("reference_date")
    if reference is not None and not isinstance(reference, dt.date):
        problems.append("reference_date: give a date as YYYY-MM-DD")
    hierarchies: dict[str, TableHierarchy] = {}
    raw_h = raw.get("hierarchies") or {}
    if not isinstance(raw_h, Mapping):
        problems.append("hierarchies: map column names to hierarchy files")
        raw_h = {}
    for column, path in raw_h.items():
        where = f"hierarchies.{column}"
        try:
            full = resolve_config_path(str(path), base, where, root=root, origin=source)
        except ConfigError as exc:
            problems.extend(exc.problems)
            continue
        try:
            hierarchies[str(column)] = load_table_hierarchy(full, name=Path(str(path)).stem)
        except ConfigError as exc:
            problems.extend(f"{where}: {p}" for p in exc.problems)
    steps = raw.get("transformations") or []
    if not isinstance(steps, list):
        problems.append("transformations: give a list of steps")
        steps = []
    for number, step in enumerate(steps, start=1):
        actions = set(step) & _STEP_KEYS if isinstance(step, Mapping) else set()
        if len(actions) != 1:
            problems.append(
                f"transformations[{number}]: each step needs exactly one of {sorted(_STEP_KEYS)}"
            )
    population = raw.get("population")
    if population is not None:
        if not isinstance(population, Mapping) or "path" not in population:
            problems.append("population: give {path: ..., count: ...}")
        elif base is not None:
            try:
                full = resolve_config_path(
                    str(population["path"]), base, "population.path", root=root, origin=source
                )
                population = {**population, "path": str(full)}
            except ConfigError as exc:
                problems.extend(exc.problems)
    table = raw.get("table")
    if table is not None and (
        not isinstance(table, Mapping) or "rows" not in table or "column" not in table
    ):
        problems.append("table: give {rows: [columns], column: column}")
    if profile is not None and profile.kind == "tables" and table is None:
        problems.append("table: the publication profile needs rows and a column to tabulate")
    ordered = raw.get("ordered") or {}
    if not isinstance(ordered, Mapping):
        problems.append("ordered: map columns to their values in order")
        ordered = {}
    search = raw.get("search")
    if search is not None and not isinstance(search, Mapping):
        problems.append("search: give a mapping, e.g. {metric: entropy}")
    lists = {
        key: _names(raw, key, problems) for key in ("sensitive", "identifying", "drop", "numeric")
    }
    if problems or profile is None:
        raise ConfigError(problems, source)
    return DisclosureConfig(
        profile=profile,
        quasi_identifiers=quasi,
        sensitive=lists["sensitive"],
        person=person,
        identifying=lists["identifying"],
        drop=lists["drop"],
        missing=missing,
        reference_date=reference,
        hierarchies=hierarchies,
        transformations=tuple(steps),
        population=population,
        table=table,
        numeric=lists["numeric"],
        ordered={k: tuple(str(x) for x in v) for k, v in ordered.items()},
        search=search,
        source=source,
    )


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
