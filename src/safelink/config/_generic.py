"""How an identifier of kind ``other`` is normalised and compared (any identifier a user links on).

Example::

    sources:
      council:
        columns:
          client_id:
            role: identifier
            kind: other
            normalise: {case: upper, punctuation: true, pattern: "^[A-Z0-9]{6,10}$"}
            compare: exact
          suburb: {role: identifier, kind: other, compare: bloom}
          dob: {role: identifier, kind: other, normalise: {digits_only: true}, compare: date}
          age: {role: identifier, kind: other, compare: {method: numeric, tolerance: 2}}
          postcode_au: {role: identifier, kind: other, compare: {method: prefix, length: 3}}

The UK kinds keep their own normalisers; these settings are only for ``kind: other``.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StrictBool, StrictInt, StrictStr, model_validator
from pydantic.dataclasses import dataclass

from safelink.config._fields import MODEL_CONFIG, problem
from safelink.engines.sql import check_portable

#: How a generic identifier's letters are cased.
Case = Literal["upper", "lower", "keep"]
#: How a generic identifier is compared in the model (and which derived tokens it gets).
CompareMethod = Literal["exact", "bloom", "date", "numeric", "prefix"]


def _portable(pattern: str | None) -> str | None:
    if pattern is None:
        return None
    try:
        re.compile(pattern)
        check_portable(pattern)
    except (re.error, ValueError) as exc:
        raise problem(f"is not a portable regular expression ({exc})") from exc
    return pattern


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class GenericNormalise:
    """The steps that make a generic identifier's canonical text, in this order."""

    trim: StrictBool = True
    """Remove leading and trailing whitespace and make each run of whitespace one space."""
    case: Case = "upper"
    """Upper case, lower case, or keep the case as written."""
    punctuation: StrictBool = False
    """Remove punctuation and symbols (keep letters, digits and spaces)."""
    digits_only: StrictBool = False
    """Keep digits only (``123-456 789`` -> ``123456789``)."""
    spaces: StrictBool = True
    """Keep the spaces between words; false removes them (``dowling s treet`` and ``dowling
    street`` agree)."""
    pattern: Annotated[StrictStr | None, BeforeValidator(_portable)] = None
    """A regular expression the canonical text must match (searched; anchor it with ``^``
    and ``$``); a value that does not is rejected as ``invalid_format``."""


def _method_alone(value: Any) -> Any:
    """``compare: bloom`` is ``compare: {method: bloom}``."""
    return {"method": value} if isinstance(value, str) else value


@dataclass(frozen=True, slots=True, kw_only=True, config=MODEL_CONFIG)
class GenericCompare:
    """How the model compares a generic identifier beyond exact agreement of its tokens."""

    method: CompareMethod = "exact"
    """``exact`` tokens only; ``bloom`` a keyed Bloom encoding compared by Dice similarity;
    ``date`` year, month and day tokens (the canonical digits read as YYYYMMDD, day and month
    swapped, two of three parts, the year); ``numeric`` bands of ``tolerance``; ``prefix`` the
    first ``length`` characters."""
    tolerance: Annotated[float | None, Field(strict=True, gt=0)] = None
    """For ``numeric``: the band width; values less than one band apart always share a band
    token, values two or more bands apart never do."""
    length: Annotated[StrictInt | None, Field(ge=1)] = None
    """For ``prefix``: how many leading characters (default 3)."""

    @model_validator(mode="after")
    def _settings_for_method(self) -> GenericCompare:
        if self.method == "numeric" and self.tolerance is None:
            raise problem("compare: numeric needs a tolerance (e.g. tolerance: 1)", "tolerance")
        if self.method != "numeric" and self.tolerance is not None:
            raise problem("is only for method: numeric", "tolerance")
        if self.method != "prefix" and self.length is not None:
            raise problem("is only for method: prefix", "length")
        return self

    @property
    def prefix_length(self) -> int:
        """The prefix length of a ``prefix`` comparison."""
        return self.length or 3


#: A compare setting as written: a method name alone or the mapping.
Compare = Annotated[
    GenericCompare,
    BeforeValidator(_method_alone, json_schema_input_type=CompareMethod | GenericCompare),
]

__all__ = ["Case", "Compare", "CompareMethod", "GenericCompare", "GenericNormalise"]
