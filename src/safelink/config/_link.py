"""The ``link:`` section of a job config: cascade, probabilistic model, bias groups.

Example::

    link:
      one_record_per_person: {hospital: true, social_care: false}
      keep_apart_different_nhs_numbers: true
      cascade:
        nhs_number_partner: [date_of_birth]
        match_keys:
          - name: name_dob_postcode
            columns: [forename, surname, date_of_birth, postcode]
          - name: name_swapped_dob
            columns: [forename, surname, {date_of_birth_swapped: date_of_birth}]
      probabilistic:
        enabled: true
        threshold: 0.98
        comparisons: [nhs_number, forename, surname, date_of_birth, postcode, sex, address]
        term_frequency: [forename, surname, postcode]
        blocking: [[date_of_birth], [surname_nysiis, forename_nysiis]]
      bias:
        sex: {hospital: sex, social_care: gender}

In a match key, ``{a: b}`` means token column ``a`` of one record equals column ``b`` of the
other, either way round (a swapped date of birth, swapped forename and surname).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationInfo,
    model_validator,
)
from pydantic.dataclasses import dataclass

from safelink.config._fields import (
    AT_LEAST_ONE_ITEM,
    MODEL_CONFIG,
    NON_EMPTY,
    Name,
    Names,
    Word,
    document_minimum,
    load_context,
    none_as_empty,
    one_as_list,
    problem,
)

#: The comparisons the probabilistic model can build, one per identifier.
Comparison = Literal[
    "nhs_number", "forename", "surname", "date_of_birth", "postcode", "sex", "address",
    "household",
]  # fmt: skip
COMPARISONS: tuple[str, ...] = get_args(Comparison)
#: Comparisons built only when every input has their token columns (not every extract has an
#: address, nor a gazetteer to resolve it; sex is compared through the date of birth's
#: composite, or a standalone sex token where the tokens carry one): they never make a token
#: column required.
OPTIONAL_COMPARISONS = frozenset({"address", "household", "sex"})
#: A list of comparisons (a UK kind, or the token column of a ``kind: other`` identifier);
#: one may be written without the list.
Comparisons = Annotated[
    tuple[Word, ...],
    BeforeValidator(
        one_as_list, json_schema_input_type=Comparison | Word | list[Comparison | Word]
    ),
]

_DEFAULT_KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("name_dob_postcode", (("forename", "forename"), ("surname", "surname"),
                           ("date_of_birth", "date_of_birth"), ("postcode", "postcode"))),
    # The district keyed with the year of birth: with the date of birth agreeing, the same
    # pairs as the district alone (safelink.normalise.composite).
    ("name_dob_district", (("forename", "forename"), ("surname", "surname"),
                           ("date_of_birth", "date_of_birth"),
                           ("postcode_district_date_of_birth_year",
                            "postcode_district_date_of_birth_year"))),
    ("phonetic_dob_district", (("surname_nysiis", "surname_nysiis"),
                               ("forename_initial_date_of_birth",
                                "forename_initial_date_of_birth"),
                               ("date_of_birth", "date_of_birth"),
                               ("postcode_district_date_of_birth_year",
                                "postcode_district_date_of_birth_year"))),
    ("name_swapped_dob", (("forename", "forename"), ("surname", "surname"),
                          ("date_of_birth_swapped", "date_of_birth"))),
    ("name_reversed_dob", (("forename", "surname"), ("surname", "forename"),
                           ("date_of_birth", "date_of_birth"))),
)  # fmt: skip
NHS_NUMBER = "nhs_number"
_DEFAULT_PARTNER = ("date_of_birth",)
#: Token columns each comparison reads besides its own, when every input has them (its levels:
#: phonetic codes, initials, parts, swaps; :mod:`safelink.link.probabilistic`).
COMPARISON_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "forename": ("forename_canonical", "forename_nysiis", "forename_soundex",
                 "forename_initial_postcode", "forename_bloom", "surname"),
    "surname": ("surname_first_part", "surname_last_part", "surname_nysiis", "surname_soundex",
                "surname_initial_forename", "surname_bloom", "forename"),
    "date_of_birth": ("date_of_birth_swapped", "date_of_birth_year_month",
                      "date_of_birth_year_day", "date_of_birth_month_day_forename_initial"),
    "postcode": ("postcode_sector_date_of_birth_year", "postcode_district_date_of_birth_year"),
    "sex": ("date_of_birth_sex", "date_of_birth", "postcode_sex", "postcode"),
    "address": ("address", "address_number_street", "address_number_postcode", "address_street"),
    "household": ("household", "uprn", "forename", "forename_canonical"),
}  # fmt: skip
"""The levels read keyed composites (:mod:`safelink.normalise.composite`), never an
enumerable column alone; a tokens file that holds the standalone columns instead (made for a
link section that names them) is compared by those."""
#: Token columns the cascade's twin rule reads when the tokens carry them
#: (:func:`safelink.link.cascade.twin_guard`).
CASCADE_COLUMNS = ("forename", "forename_canonical", "household", "uprn")
#: Token columns with so few distinct values (under 1,000 in any real extract) that their
#: frequencies alone give their values away to whoever holds the tokens file.
ENUMERABLE_COLUMNS = frozenset({
    "sex", "forename_initial", "surname_initial", "date_of_birth_year", "date_of_birth_month",
    "date_of_birth_day", "postcode_sector", "postcode_district",
})  # fmt: skip
_DEFAULT_BLOCKING = (
    ("date_of_birth",),
    ("date_of_birth_swapped",),
    ("surname_nysiis", "forename_nysiis"),
    ("forename_initial_postcode",),
    ("nhs_number",),
)


def enumerable_warning(columns: Collection[str]) -> str | None:
    """The warning for a link section that reads enumerable token columns, or None.

    Args:
        columns: the enumerable token columns read (:meth:`LinkConfig.enumerable_columns`).

    Returns:
        One line naming the columns and the fix; None when there are none.
    """
    if not columns:
        return None
    return (
        f"the link section reads enumerable token columns ({', '.join(sorted(columns))}): "
        "each has under 1,000 distinct values, so the linkage unit can recover them from "
        "their frequencies alone. Fix: use the keyed composites instead (README, "
        "'Which tokens a job makes') or remove them from link.cascade.match_keys, "
        "link.probabilistic.blocking and link.probabilistic.comparisons."
    )


def _pair(value: Any) -> Any:
    """A match-key item as written -> (column of one record, column of the other)."""
    if isinstance(value, tuple):  # built in Python
        return value
    if isinstance(value, Mapping) and len(value) == 1:
        value = next(iter(value.items()))
    elif isinstance(value, str):
        value = (value, value)
    if not (isinstance(value, tuple) and all(isinstance(c, str) and c for c in value)):
        raise problem("must be a token column name or one {a: b} pair")
    return value


ColumnPair = Annotated[
    tuple[Name, Name],
    BeforeValidator(
        _pair,
        json_schema_input_type=Name | Annotated[dict[str, Name], Field(min_length=1, max_length=1)],
    ),
]


@dataclass(
    frozen=True,
    slots=True,
    kw_only=True,
    # 'columns' in YAML ('on' would be read as true by YAML 1.1); 'on' in Python.
    config=ConfigDict(**MODEL_CONFIG, validate_by_name=True, validate_by_alias=True),
)
class MatchKey:
    """One deterministic pass: records agree on every (left column, right column) pair."""

    name: Word
    """The step name recorded on each link it makes."""
    on: Annotated[
        tuple[ColumnPair, ...],
        NON_EMPTY,
        AT_LEAST_ONE_ITEM,
        Field(validation_alias="columns"),
    ]
    """The token columns to agree on; ``{a: b}`` pairs column a of one record with column b
    of the other, either way round."""

    @property
    def columns(self) -> tuple[str, ...]:
        """Every token column the key reads."""
        return tuple(sorted({c for pair in self.on for c in pair}))


def _per_source_flag(value: Any) -> Any:
    """One true/false for every source, or ``{source: true|false}``."""
    if isinstance(value, bool):
        return value
    if isinstance(value, Mapping) and all(isinstance(v, bool) for v in value.values()):
        return value
    raise problem("must be true or false, or {source: true|false} naming every source")


def _distinct_names(keys: tuple[MatchKey, ...]) -> tuple[MatchKey, ...]:
    names = [key.name for key in keys]
    for index, name in enumerate(names):
        if name in names[:index]:
            raise problem(f"the match key name {name!r} is used twice", index, "name")
    return keys


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class CascadeSettings:
    """The deterministic cascade: step 1 on NHS numbers, then the match keys in order."""

    enabled: StrictBool = True
    """Run the deterministic cascade."""
    nhs_number_partner: Names | None = None
    """Columns that must agree with the NHS number in step 1 (empty disables step 1). Unset:
    the date of birth, and step 1 only when every tokens file has an NHS-number column (a
    written value needs that column and names this setting when it is missing)."""
    match_keys: Annotated[tuple[MatchKey, ...], AfterValidator(_distinct_names)] = (
        dataclasses.field(
            default_factory=lambda: tuple(MatchKey(name=n, on=on) for n, on in _DEFAULT_KEYS)
        )
    )
    """The deterministic match keys of step 2, in order."""


def _distinct_rules(rules: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    for index, rule in enumerate(rules):
        earlier = next((i for i, seen in enumerate(rules[:index]) if set(seen) == set(rule)), None)
        if earlier is not None:
            raise problem(
                f"repeats rule [{earlier}] (the same columns, which a rule joins on all at "
                "once, in any order); remove it",
                index,
            )
    return rules


#: A blocking rule: the token columns candidate pairs agree on (one may be written alone).
Rule = Annotated[
    tuple[Name, ...],
    NON_EMPTY,
    BeforeValidator(
        one_as_list, json_schema_input_type=Name | Annotated[list[Name], Field(min_length=1)]
    ),
]
#: Blocking rules, each joined on all its columns at once.
Rules = Annotated[tuple[Rule, ...], NON_EMPTY, AT_LEAST_ONE_ITEM, AfterValidator(_distinct_rules)]


#: A sample size: at least 1000 in a config (a Python caller may go lower).
SampleSize = Annotated[
    StrictInt, document_minimum(1000), Field(json_schema_extra={"minimum": 1000})
]


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class ProbabilisticSettings:
    """The Splink model for what the cascade leaves."""

    enabled: StrictBool = True
    """Run the probabilistic step."""
    threshold: Annotated[float, Field(strict=True, gt=0, lt=1)] = 0.98
    """Match probability needed to link (between 0 and 1). 0.98 since names are keyed with the
    year of birth (issue 29): the year then counts in the names and the date of birth, so the
    model is more confident; 0.98 gave the best F1 on the hard profile at 100,000 people."""
    comparisons: Comparisons = get_args(Comparison)
    """Which comparisons to build (``address`` only when every input has address tokens): the
    UK kinds, and the token columns of ``kind: other`` identifiers, compared as their tokens
    say (:mod:`safelink.link.generic`)."""
    term_frequency: Comparisons = ("forename", "surname", "postcode")
    """Comparisons with term-frequency adjustment of exact agreement."""
    blocking: Rules = _DEFAULT_BLOCKING
    """Blocking rules for prediction (each a list of token columns)."""
    training_blocking: Rules = (("date_of_birth",), ("surname", "forename"), ("postcode",))
    """Blocking rules for EM training."""
    max_pairs_for_u: SampleSize = 2_000_000
    """Random pairs sampled to estimate u probabilities."""
    seed: StrictInt = 42
    """The seed for u sampling and for the training sample."""
    bloom: StrictBool = True
    """Compare Bloom-filter name encodings (``forename_bloom``/``surname_bloom``) by Dice
    similarity when the tokens files have them."""
    max_training_records: SampleSize = 1_000_000
    """The most residual records per source the model is trained on; a larger residual is
    trained on a seeded sample of this many records (the same sample on every engine) and
    every residual record is still scored."""
    max_blocked_pairs: Annotated[StrictInt, Field(ge=1)] = 100_000_000
    """The most candidate pairs the prediction blocking rules may put forward (summed over
    rules, counted before any pair is made); more stops the run with an error that names the
    largest rule, before it can exhaust memory or disk."""

    @model_validator(mode="wrap")
    @classmethod
    def _term_frequency_compared(
        cls,
        data: Any,
        handler: ModelWrapValidatorHandler[ProbabilisticSettings],
        info: ValidationInfo,
    ) -> ProbabilisticSettings:
        """Term frequencies written in a document must be among the comparisons."""
        settings = handler(data)
        written = isinstance(data, Mapping) and "term_frequency" in data
        if written and load_context(info) is not None:
            stray = sorted(set(settings.term_frequency) - set(settings.comparisons))
            if stray:
                raise problem(f"{stray} are not among the comparisons", "term_frequency")
        return settings


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class LinkConfig:
    """The whole ``link:`` section."""

    one_record_per_person: Annotated[
        StrictBool | Mapping[Word, StrictBool],
        BeforeValidator(_per_source_flag, json_schema_input_type=bool | dict[str, bool]),
    ] = True
    """Whether a source holds at most one record per person: true or false for every source,
    or ``{source: true|false}`` naming every source linked. Two records of such a source are
    never put into one person, and a record of another source links to at most one of its
    records; a source that holds duplicates is de-duplicated within itself in the same run.
    ``deduplicated`` (its old name) is still read, as one value for every source."""
    keep_apart_different_nhs_numbers: StrictBool = True
    """Never put two records with different NHS-number tokens into one person (a link that
    would is refused and counted in the report). An NHS number seen with two dates of birth
    is wrong on one of its records and keeps no one apart."""
    recall_floor: Annotated[float, Field(strict=True, ge=0, le=1)] = 0.95
    """An estimated recall of the whole flow under this is flagged in the report and on the
    terminal, with the estimated number of missed links."""
    cascade: Annotated[CascadeSettings, BeforeValidator(none_as_empty)] = dataclasses.field(
        default_factory=CascadeSettings
    )
    """The deterministic cascade."""
    probabilistic: Annotated[ProbabilisticSettings, BeforeValidator(none_as_empty)] = (
        dataclasses.field(default_factory=ProbabilisticSettings)
    )
    """The Splink step, for the records the cascade leaves."""
    bias: Annotated[Mapping[str, Mapping[str, StrictStr]], BeforeValidator(none_as_empty)] = (
        dataclasses.field(default_factory=dict)
    )
    """Group name -> {source: content column} for the bias table (match rate by group)."""

    @model_validator(mode="before")
    @classmethod
    def _old_name(cls, data: Any) -> Any:
        """Read ``deduplicated`` (the old name) as ``one_record_per_person``."""
        if isinstance(data, Mapping) and "deduplicated" in data:
            if "one_record_per_person" in data:
                raise problem(
                    "give one_record_per_person only (deduplicated is its old name)",
                    "deduplicated",
                )
            data = {
                ("one_record_per_person" if k == "deduplicated" else k): v for k, v in data.items()
            }
        return data

    def one_per_person(self, source: str) -> bool:
        """Whether ``source`` holds at most one record per person."""
        if isinstance(self.one_record_per_person, bool):
            return self.one_record_per_person
        return self.one_record_per_person[source]

    def unnamed_sources(self, sources: Sequence[str]) -> list[str]:
        """The sources a per-source ``one_record_per_person`` does not name."""
        if isinstance(self.one_record_per_person, bool):
            return []
        return [s for s in sources if s not in self.one_record_per_person]

    def every_source_one_per_person(self, sources: Sequence[str]) -> bool:
        """Whether every one of ``sources`` holds at most one record per person."""
        return all(self.one_per_person(s) for s in sources)

    @property
    def cascade_enabled(self) -> bool:
        """Run the deterministic cascade."""
        return self.cascade.enabled

    @property
    def nhs_number_partner(self) -> tuple[str, ...]:
        """Columns that must agree with the NHS number in step 1 (empty disables step 1)."""
        written = self.cascade.nhs_number_partner
        return _DEFAULT_PARTNER if written is None else written

    def for_columns(self, shared: Collection[str]) -> LinkConfig:
        """These settings for inputs that all hold the token columns ``shared``.

        Without an NHS-number column in every input, the defaults that read it fall away:
        step 1 when ``nhs_number_partner`` is unset, the ``[nhs_number]`` rule of the default
        blocking rules and the ``nhs_number`` comparison of the default comparisons. Settings
        written in the config are kept (a missing column they need is then an error naming
        them).
        """
        if NHS_NUMBER in shared:
            return self
        cascade = self.cascade
        if cascade.nhs_number_partner is None:
            cascade = dataclasses.replace(cascade, nhs_number_partner=())
        prob = self.probabilistic
        if prob.comparisons == COMPARISONS:
            prob = dataclasses.replace(
                prob, comparisons=tuple(c for c in prob.comparisons if c != NHS_NUMBER)
            )
        if prob.blocking == _DEFAULT_BLOCKING:
            prob = dataclasses.replace(
                prob, blocking=tuple(r for r in prob.blocking if NHS_NUMBER not in r)
            )
        return dataclasses.replace(self, cascade=cascade, probabilistic=prob)

    @property
    def match_keys(self) -> tuple[MatchKey, ...]:
        """The deterministic match keys of step 2, in order."""
        return self.cascade.match_keys

    def token_columns(self) -> frozenset[str]:
        """Every token column this section reads: required, or read when every input has it.

        What ``pseudonymise`` derives for a job (besides each identifier's full-value token,
        which every tokens file carries): the columns of the match keys, blocking rules and
        comparisons, and the columns each comparison's levels and the cascade's twin rule
        read where the tokens carry them (:data:`COMPARISON_COLUMNS`, :data:`CASCADE_COLUMNS`).
        """
        used = set(self.required_columns())
        if self.cascade_enabled:
            used.update(CASCADE_COLUMNS)
        if self.probabilistic.enabled:
            for comparison in self.probabilistic.comparisons:
                if comparison not in OPTIONAL_COMPARISONS:
                    used.add(comparison)
                used.update(COMPARISON_COLUMNS.get(comparison, ()))
        return frozenset(used)

    def enumerable_columns(self) -> list[str]:
        """The enumerable token columns (:data:`ENUMERABLE_COLUMNS`) this section reads."""
        return sorted(ENUMERABLE_COLUMNS & self.token_columns())

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
                if comparison in OPTIONAL_COMPARISONS:
                    continue
                needed.setdefault(comparison, f"link.probabilistic.comparisons.{comparison}")
        return needed
