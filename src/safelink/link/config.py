"""The ``link:`` section of a job config: cascade, probabilistic model, bias groups.

Example::

    link:
      deduplicated: true
      cascade:
        nhs_number_partner: [date_of_birth]
        match_keys:
          - name: name_dob_postcode
            columns: [forename, surname, date_of_birth, postcode]
          - name: name_swapped_dob
            columns: [forename, surname, {date_of_birth_swapped: date_of_birth}]
      probabilistic:
        enabled: true
        threshold: 0.95
        comparisons: [nhs_number, forename, surname, date_of_birth, postcode, sex]
        term_frequency: [forename, surname, postcode]
        blocking: [[date_of_birth], [surname_nysiis, forename_nysiis]]
      bias:
        sex: {hospital: sex, social_care: gender}

In a match key, ``{a: b}`` means token column ``a`` of one record equals column ``b`` of the
other, either way round (a swapped date of birth, swapped forename and surname).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from safelink.config import JobConfig
from safelink.errors import ConfigError

COMPARISONS = ("nhs_number", "forename", "surname", "date_of_birth", "postcode", "sex")
_LINK_KEYS = frozenset({"deduplicated", "cascade", "probabilistic", "bias"})
_CASCADE_KEYS = frozenset({"enabled", "nhs_number_partner", "match_keys"})
_PROB_KEYS = frozenset(
    {
        "enabled", "threshold", "comparisons", "term_frequency", "blocking", "training_blocking",
        "max_pairs_for_u", "seed", "bloom", "max_training_records", "max_blocked_pairs",
    }
)  # fmt: skip
_DEFAULT_KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("name_dob_postcode", (("forename", "forename"), ("surname", "surname"),
                           ("date_of_birth", "date_of_birth"), ("postcode", "postcode"))),
    ("name_dob_district", (("forename", "forename"), ("surname", "surname"),
                           ("date_of_birth", "date_of_birth"),
                           ("postcode_district", "postcode_district"))),
    ("phonetic_dob_district", (("surname_nysiis", "surname_nysiis"),
                               ("forename_initial", "forename_initial"),
                               ("date_of_birth", "date_of_birth"),
                               ("postcode_district", "postcode_district"))),
    ("name_swapped_dob", (("forename", "forename"), ("surname", "surname"),
                          ("date_of_birth_swapped", "date_of_birth"))),
    ("name_reversed_dob", (("forename", "surname"), ("surname", "forename"),
                           ("date_of_birth", "date_of_birth"))),
)  # fmt: skip
_DEFAULT_BLOCKING = (
    ("date_of_birth",),
    ("date_of_birth_swapped",),
    ("surname_nysiis", "forename_nysiis"),
    ("postcode", "forename_initial"),
    ("nhs_number",),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class MatchKey:
    """One deterministic pass: records agree on every (left column, right column) pair.

    Attributes:
        name: the step name recorded on each link it makes.
        on: (column of one record, column of the other); equal names for plain agreement.

    """

    name: str
    on: tuple[tuple[str, str], ...]

    @property
    def columns(self) -> tuple[str, ...]:
        """Every token column the key reads."""
        return tuple(sorted({c for pair in self.on for c in pair}))


@dataclass(frozen=True, slots=True, kw_only=True)
class ProbabilisticSettings:
    """The Splink model for what the cascade leaves.

    Attributes:
        enabled: run the probabilistic step.
        threshold: match probability needed to link (0 to 1, exclusive).
        comparisons: which comparisons to build (from :data:`COMPARISONS`).
        term_frequency: comparisons with term-frequency adjustment of exact agreement.
        blocking: blocking rules for prediction (each a list of token columns).
        training_blocking: blocking rules for EM training (defaults to a standard set).
        max_pairs_for_u: random pairs sampled to estimate u probabilities.
        seed: the seed for u sampling and for the training sample.
        max_training_records: the most residual records per source the model is trained on;
            a larger residual is trained on a seeded sample of this many records (the same
            sample on every engine) and every residual record is still scored.
        max_blocked_pairs: the most candidate pairs the prediction blocking rules may put
            forward (summed over rules, counted before any pair is made); more stops the run
            with an error that names the largest rule, before it can exhaust memory or disk.
        bloom: compare Bloom-filter name encodings (``forename_bloom``/``surname_bloom``) by
            Dice similarity when the tokens files have them.

    """

    enabled: bool = True
    threshold: float = 0.95
    comparisons: tuple[str, ...] = COMPARISONS
    term_frequency: tuple[str, ...] = ("forename", "surname", "postcode")
    blocking: tuple[tuple[str, ...], ...] = _DEFAULT_BLOCKING
    training_blocking: tuple[tuple[str, ...], ...] = (
        ("date_of_birth",),
        ("surname", "forename"),
        ("postcode",),
    )
    max_pairs_for_u: int = 2_000_000
    seed: int = 42
    bloom: bool = True
    max_training_records: int = 1_000_000
    max_blocked_pairs: int = 100_000_000


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkConfig:
    """The whole ``link:`` section.

    Attributes:
        deduplicated: each source has one record per person (links are one-to-one between
            sources); false links within sources too and clusters by connected components.
        cascade_enabled: run the deterministic cascade.
        nhs_number_partner: columns that must agree with the NHS number in step 1 (empty
            disables step 1).
        match_keys: the deterministic match keys of step 2, in order.
        probabilistic: the Splink step.
        bias: group name -> {source: content column} for the bias table.
        origin: where the config came from (for messages).

    """

    deduplicated: bool = True
    cascade_enabled: bool = True
    nhs_number_partner: tuple[str, ...] = ("date_of_birth",)
    match_keys: tuple[MatchKey, ...] = tuple(
        MatchKey(name=name, on=on) for name, on in _DEFAULT_KEYS
    )
    probabilistic: ProbabilisticSettings = field(default_factory=ProbabilisticSettings)
    bias: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    origin: str = "<dict>"

    def required_columns(self) -> dict[str, str]:
        """Token column -> the setting that needs it (for clear errors on missing columns)."""
        needed: dict[str, str] = {}
        if self.cascade_enabled:
            if self.nhs_number_partner:
                needed["nhs_number"] = "link.cascade.nhs_number_partner"
                for column in self.nhs_number_partner:
                    needed.setdefault(column, "link.cascade.nhs_number_partner")
            for key in self.match_keys:
                for column in key.columns:
                    needed.setdefault(column, f"link.cascade.match_keys.{key.name}")
        if self.probabilistic.enabled:
            for rule in self.probabilistic.blocking:
                for column in rule:
                    needed.setdefault(column, "link.probabilistic.blocking")
            for comparison in self.probabilistic.comparisons:
                needed.setdefault(comparison, f"link.probabilistic.comparisons.{comparison}")
        return needed


def link_config(config: JobConfig | Mapping[str, Any] | LinkConfig | None) -> LinkConfig:
    """Parse and validate the ``link:`` section (every problem reported at once).

    Args:
        config: a job config, the raw ``link:`` mapping, a ready :class:`LinkConfig`, or
            None for the defaults.

    Returns:
        The validated settings.

    Raises:
        ConfigError: listing every problem found.

    """
    if isinstance(config, LinkConfig):
        return config
    origin = "<dict>"
    raw: Any = {}
    if isinstance(config, JobConfig):
        origin = config.origin
        raw = config.sections.get("link", {})
    elif config is not None:
        raw = config
    if raw is None:
        raw = {}
    problems: list[str] = []
    if not isinstance(raw, Mapping):
        raise ConfigError(["link must be a mapping of settings"], origin)
    _unknown(raw, _LINK_KEYS, "link", problems)
    deduplicated = _bool(raw.get("deduplicated", True), "link.deduplicated", problems)
    cascade = raw.get("cascade", {}) or {}
    defaults = LinkConfig()
    partner: tuple[str, ...] = defaults.nhs_number_partner
    keys: tuple[MatchKey, ...] = defaults.match_keys
    cascade_enabled = True
    if not isinstance(cascade, Mapping):
        problems.append("link.cascade must be a mapping")
    else:
        _unknown(cascade, _CASCADE_KEYS, "link.cascade", problems)
        cascade_enabled = _bool(cascade.get("enabled", True), "link.cascade.enabled", problems)
        if "nhs_number_partner" in cascade:
            partner = _names(
                cascade["nhs_number_partner"], "link.cascade.nhs_number_partner", problems
            )
        if "match_keys" in cascade:
            keys = _match_keys(cascade["match_keys"], problems)
    probabilistic = _probabilistic(raw.get("probabilistic", {}) or {}, problems)
    bias = _bias(raw.get("bias", {}) or {}, problems)
    if problems:
        raise ConfigError(problems, origin)
    return LinkConfig(
        deduplicated=deduplicated,
        cascade_enabled=cascade_enabled,
        nhs_number_partner=partner,
        match_keys=keys,
        probabilistic=probabilistic,
        bias=bias,
        origin=origin,
    )


def _unknown(
    raw: Mapping[str, Any], allowed: frozenset[str], where: str, problems: list[str]
) -> None:
    unknown = sorted(str(k) for k in set(raw) - allowed)
    if unknown:
        problems.append(f"{where}: unknown setting(s) {unknown}; allowed: {sorted(allowed)}")


def _bool(value: Any, where: str, problems: list[str]) -> bool:
    if not isinstance(value, bool):
        problems.append(f"{where} must be true or false")
        return True
    return value


def _names(value: Any, where: str, problems: list[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        problems.append(f"{where} must be a list of token column names")
        return ()
    return tuple(value)


def _match_keys(value: Any, problems: list[str]) -> tuple[MatchKey, ...]:
    where = "link.cascade.match_keys"
    if not isinstance(value, list):
        problems.append(f"{where} must be a list of {{name, columns}} mappings")
        return ()
    keys: list[MatchKey] = []
    for index, item in enumerate(value):
        here = f"{where}[{index}]"
        if not isinstance(item, Mapping) or set(item) - {"name", "columns"}:
            # (not 'on': YAML 1.1 reads a bare 'on' as the boolean true)
            problems.append(f"{here} must be a mapping with 'name' and 'columns' only")
            continue
        name = item.get("name")
        if not isinstance(name, str) or not name.replace("_", "").isalnum():
            problems.append(f"{here}.name must be letters, digits and underscores")
            continue
        on = item.get("columns")
        pairs: list[tuple[str, str]] = []
        if not isinstance(on, list) or not on:
            problems.append(f"{here}.columns must be a non-empty list of columns or {{a: b}} pairs")
            continue
        for part in on:
            if isinstance(part, str) and part:
                pairs.append((part, part))
            elif (
                isinstance(part, Mapping)
                and len(part) == 1
                and all(isinstance(k, str) and isinstance(v, str) for k, v in part.items())
            ):
                pairs.extend(part.items())
            else:
                problems.append(
                    f"{here}.columns: each item must be a column name or one {{a: b}} pair"
                )
        if name in {k.name for k in keys}:
            problems.append(f"{here}.name {name!r} is used twice")
        keys.append(MatchKey(name=name, on=tuple(pairs)))
    return tuple(keys)


def _probabilistic(raw: Any, problems: list[str]) -> ProbabilisticSettings:
    where = "link.probabilistic"
    defaults = ProbabilisticSettings()
    if not isinstance(raw, Mapping):
        problems.append(f"{where} must be a mapping")
        return defaults
    _unknown(raw, _PROB_KEYS, where, problems)
    threshold = raw.get("threshold", defaults.threshold)
    if (
        not isinstance(threshold, int | float)
        or isinstance(threshold, bool)
        or not 0 < threshold < 1
    ):
        problems.append(f"{where}.threshold must be a match probability between 0 and 1")
        threshold = defaults.threshold
    comparisons = defaults.comparisons
    if "comparisons" in raw:
        comparisons = _names(raw["comparisons"], f"{where}.comparisons", problems)
        unknown = sorted(set(comparisons) - set(COMPARISONS))
        if unknown:
            problems.append(f"{where}.comparisons: unknown {unknown}; known: {list(COMPARISONS)}")
    term_frequency = defaults.term_frequency
    if "term_frequency" in raw:
        term_frequency = _names(raw["term_frequency"], f"{where}.term_frequency", problems)
        stray = sorted(set(term_frequency) - set(comparisons))
        if stray:
            problems.append(f"{where}.term_frequency: {stray} are not among the comparisons")
    blocking = _rules(raw.get("blocking"), f"{where}.blocking", defaults.blocking, problems)
    training = _rules(
        raw.get("training_blocking"),
        f"{where}.training_blocking",
        defaults.training_blocking,
        problems,
    )
    max_pairs = _integer(raw, "max_pairs_for_u", defaults.max_pairs_for_u, 1000, problems)
    seed = _integer(raw, "seed", defaults.seed, None, problems)
    max_training = _integer(
        raw, "max_training_records", defaults.max_training_records, 1000, problems
    )
    max_blocked = _integer(raw, "max_blocked_pairs", defaults.max_blocked_pairs, 1, problems)
    return ProbabilisticSettings(
        enabled=_bool(raw.get("enabled", True), f"{where}.enabled", problems),
        threshold=float(threshold),
        comparisons=comparisons,
        term_frequency=term_frequency,
        blocking=blocking,
        training_blocking=training,
        max_pairs_for_u=max_pairs,
        seed=seed,
        bloom=_bool(raw.get("bloom", True), f"{where}.bloom", problems),
        max_training_records=max_training,
        max_blocked_pairs=max_blocked,
    )


def _integer(
    raw: Mapping[str, Any], key: str, default: int, minimum: int | None, problems: list[str]
) -> int:
    """Return ``link.probabilistic.KEY`` as an integer (at least ``minimum``), else the default."""
    value = raw.get(key, default)
    if (
        not isinstance(value, int)
        or isinstance(value, bool)
        or (minimum is not None and value < minimum)
    ):
        least = "" if minimum is None else f" of at least {minimum}"
        problems.append(f"link.probabilistic.{key} must be an integer{least}")
        return default
    return value


def _rules(
    raw: Any, where: str, default: tuple[tuple[str, ...], ...], problems: list[str]
) -> tuple[tuple[str, ...], ...]:
    if raw is None:
        return default
    if not isinstance(raw, list) or not raw:
        problems.append(f"{where} must be a non-empty list of column lists")
        return default
    rules: list[tuple[str, ...]] = []
    for index, rule in enumerate(raw):
        names = _names(rule, f"{where}[{index}]", problems)
        earlier = next((i for i, seen in enumerate(rules) if set(seen) == set(names)), None)
        if earlier is not None:
            problems.append(
                f"{where}[{index}] repeats {where}[{earlier}] (the same columns, which a "
                "rule joins on all at once, in any order); remove it"
            )
        elif names:
            rules.append(names)
    return tuple(rules)


def _bias(raw: Any, problems: list[str]) -> dict[str, dict[str, str]]:
    where = "link.bias"
    if not isinstance(raw, Mapping):
        problems.append(f"{where} must map a group name to {{source: content column}}")
        return {}
    groups: dict[str, dict[str, str]] = {}
    for group, columns in raw.items():
        if not isinstance(columns, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in columns.items()
        ):
            problems.append(f"{where}.{group} must map each source to a content column")
            continue
        groups[str(group)] = dict(columns)
    return groups
