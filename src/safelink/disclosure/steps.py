"""The transformation steps of a disclosure config, one typed model per kind of step.

Each step is a mapping whose one action key names its kind and the column(s) it acts on; the
other keys are that kind's settings::

    transformations:
      - {generalise: dob, to: age_band, width: 10, top: 90}
      - {coarsen: admission_date, to: quarter}
      - {top_code: age, threshold: 90}
      - {bottom_code: length_of_stay, threshold: 1}
      - {surrogate: diagnosis, kind: category}
      - {shift_dates: [admitted, discharged], person: person_id, max_days: 60}
      - {suppress: true}            # true: the profile's k; or a number

A step with no action key, or several, is refused, named by its index; a bad setting is named
by the index and the kind (``transformations[0] (generalise).width``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any, Final, Literal

from pydantic import (
    BeforeValidator,
    Discriminator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    Tag,
)
from pydantic.dataclasses import dataclass

from safelink.config._fields import MODEL_CONFIG, NON_EMPTY, PROBLEM, Name, Names, problem
from safelink.surrogate.kinds import Kind

#: The action keys, one per kind of step.
ACTIONS: Final = (
    "generalise",
    "coarsen",
    "top_code",
    "bottom_code",
    "suppress",
    "surrogate",
    "shift_dates",
)


def _k(value: Any) -> Any:
    """``true`` (the profile's k) or a class size of at least 2 (one message, not a union's)."""
    is_size = isinstance(value, int) and not isinstance(value, bool) and value >= 2
    if value is not True and not is_size:
        raise problem("must be true (the profile's k) or a class size of at least 2")
    return value


Days = Annotated[StrictInt, Field(ge=0)]
Number = StrictFloat


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class GeneraliseStep:
    """Replace a column's values by a coarser level of its hierarchy."""

    generalise: Name
    """The column to generalise."""
    to: StrictStr | StrictInt
    """The level, by name (``age_band``, ``district``, a free hierarchy's level) or index."""
    width: Annotated[StrictInt, Field(ge=1)] | None = None
    """The width of age bands."""
    top: Annotated[StrictInt, Field(ge=0)] | None = None
    """Top-code age bands at this age (90 gives ``90+``)."""
    reference: dt.date | None = None
    """The date ages are computed at (default: the config's ``reference_date``, else today)."""


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class CoarsenStep:
    """Coarsen a date column to a month, quarter or year."""

    coarsen: Name
    """The date column."""
    to: Literal["month", "quarter", "year"]
    """The coarser level."""


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class TopCodeStep:
    """Replace values above a threshold by the threshold."""

    top_code: Name
    """The numeric column."""
    threshold: Number
    """The highest value released."""


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class BottomCodeStep:
    """Replace values below a threshold by the threshold."""

    bottom_code: Name
    """The numeric column."""
    threshold: Number
    """The lowest value released."""


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class SuppressStep:
    """Remove the records of every class smaller than k."""

    suppress: Annotated[Literal[True] | Annotated[int, Field(ge=2)], BeforeValidator(_k)]
    """``true`` for the profile's k, or the smallest class size kept."""


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class SurrogateStep:
    """Replace a column by keyed surrogates (needs the project keyring)."""

    surrogate: Name
    """The column."""
    kind: Kind
    """The kind of surrogate (see :mod:`safelink.surrogate`)."""
    sex: Name | None = None
    """The sex column forenames are drawn by."""
    keep_district: StrictBool = False
    """Keep a postcode's district."""
    values: Annotated[tuple[StrictStr, ...], NON_EMPTY] | None = None
    """The values a category surrogate draws from."""
    label: Name | None = None
    """The key label (domain) of the surrogates."""


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class ShiftDatesStep:
    """Shift each person's dates by a keyed offset (needs the project keyring)."""

    shift_dates: Annotated[Names, NON_EMPTY]
    """The date column(s)."""
    person: Name | None = None
    """The person id column (default: the config's ``person``)."""
    max_days: Days = 180
    """The largest shift in days."""
    min_days: Days = 1
    """The smallest shift in days."""
    keep_weekday: StrictBool = False
    """Shift by whole weeks."""
    birth_column: Name | None = None
    """A date of birth column shifted with the others."""
    keep_birth_year: StrictBool = False
    """Keep the year of birth."""
    label: Name = "dates"
    """The key label (domain) of the offsets."""


def _kind(step: Any) -> str | None:
    """The step's kind: its one action key (None when it has none, or several)."""
    if isinstance(step, Mapping):
        found = [key for key in ACTIONS if key in step]
    else:
        found = [key for key in ACTIONS if hasattr(step, key)]
    return found[0] if len(found) == 1 else None


#: One transformation step, of the kind its action key names.
Step = Annotated[
    Annotated[GeneraliseStep, Tag("generalise")]
    | Annotated[CoarsenStep, Tag("coarsen")]
    | Annotated[TopCodeStep, Tag("top_code")]
    | Annotated[BottomCodeStep, Tag("bottom_code")]
    | Annotated[SuppressStep, Tag("suppress")]
    | Annotated[SurrogateStep, Tag("surrogate")]
    | Annotated[ShiftDatesStep, Tag("shift_dates")],
    Discriminator(
        _kind,
        custom_error_type=PROBLEM,
        custom_error_message="{message}",
        custom_error_context={
            "message": f"each step needs exactly one of {sorted(ACTIONS)}",
        },
    ),
]
