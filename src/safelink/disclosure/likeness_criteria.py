"""(alpha, k)-anonymity, beta-likeness and delta-disclosure as criteria (see :mod:`.criteria`).

The definitions, their references and how missing values count are in
:mod:`safelink.disclosure.likeness`, which measures them once on the class table; each
criterion here judges the worst class's figure (:meth:`~Criterion.evaluate`) and names the
classes over the bound (:meth:`~Criterion.violations`) from the same per-class figures, so a
table passes exactly when no class violates it.

None is monotonic under suppression, so the search evaluates them on every node it keeps
(:mod:`safelink.disclosure.search`): a merged class's share of a value lies between its
parts' shares (rows), so a passing class merged with a failing one can fail; with a person
column a person counts once per class, so shares do not even average. Beta-likeness and
delta-disclosure compare each class with the whole released table (``compares_with_table``),
which suppression changes, so whoever suppresses looks again, as for t-closeness.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

import polars as pl

from safelink.disclosure.criteria import Criterion, Measurements, Verdict
from safelink.disclosure.equivalence import SIZE, ClassTable
from safelink.disclosure.likeness import AttributeDisclosureSummary, likeness_per_class
from safelink.errors import InputError

# Tolerance shared by both views, so a table passes exactly when no class fails.
_TOLERANCE = 1e-12


def _positive(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value > 0
    )


class _AttributeCriterion(Criterion):
    """One sensitive attribute, judged from :class:`AttributeDisclosureSummary`."""

    __slots__ = ()

    attribute: str

    @property
    def attributes(self) -> tuple[str, ...]:
        """The sensitive column."""
        return (self.attribute,)

    def _summary(self, measured: Measurements) -> AttributeDisclosureSummary | None:
        return measured.attribute_disclosure.get(self.attribute)

    def _per_class(self, classes: ClassTable, column: str) -> pl.Series:
        return classes.per_class(likeness_per_class(classes, self.attribute), column)


@dataclass(frozen=True, slots=True)
class AlphaKAnonymity(_AttributeCriterion):
    """(alpha, k)-anonymity: classes of at least ``k``, no value held by more than ``alpha``.

    Wong, Li, Fu and Wang, KDD 2006. The measured figure is the largest share of one value of
    ``attribute`` in any class (:mod:`safelink.disclosure.likeness`); the k part is measured
    as :class:`~safelink.disclosure.criteria.KAnonymity` measures it. Not monotonic under
    suppression (see the module docstring).

    Args:
        attribute: the sensitive column.
        alpha: the largest share of one value allowed in a class (0 to 1, above 0).
        k: the smallest class size allowed.

    Example:
        >>> AlphaKAnonymity("diagnosis", alpha=0.5, k=5).name
        "(alpha, k)-anonymity of 'diagnosis' (alpha=0.5, k=5)"
    """

    attribute: str
    alpha: float
    k: int
    monotonic: ClassVar[bool] = False

    def __post_init__(self) -> None:
        """Reject an alpha outside (0, 1] and a k below 1."""
        if not _positive(self.alpha) or self.alpha > 1.0:
            raise InputError(
                f"(alpha, k)-anonymity: alpha={self.alpha!r} is not valid; use a number in (0, 1]."
            )
        if isinstance(self.k, bool) or not isinstance(self.k, int) or self.k < 1:
            raise InputError(
                f"(alpha, k)-anonymity: k={self.k!r} is not valid; use a whole number >= 1."
            )

    @property
    def name(self) -> str:
        """A short label with the parameters."""
        return f"(alpha, k)-anonymity of {self.attribute!r} (alpha={self.alpha}, k={self.k})"

    def evaluate(self, measured: Measurements) -> Verdict:
        """Pass when the smallest class has k members and no share exceeds alpha."""
        summary = self._summary(measured)
        if summary is None:
            return self._unmeasured(self.attribute)
        k = measured.k.k
        if k < self.k:
            message = (
                f"{self.name}: smallest class has {k} {measured.unit}; the profile needs {self.k}"
            )
            return Verdict(self.name, False, summary.alpha, message)
        return self._verdict(
            summary.alpha <= self.alpha + _TOLERANCE,
            summary.alpha,
            f"(alpha, k)-anonymity of {self.attribute!r}: a value makes up {summary.alpha:.1%} "
            f"of a class; the profile allows {self.alpha:.1%}",
        )

    def violations(self, classes: ClassTable) -> pl.Series:
        """Classes under k, or where one value's share exceeds alpha."""
        small = classes.classes[SIZE] < self.k
        return small | (self._per_class(classes, "alpha") > self.alpha + _TOLERANCE)


@dataclass(frozen=True, slots=True)
class BetaLikeness(_AttributeCriterion):
    """Beta-likeness: no value's share in a class exceeds its table share by more than beta.

    Cao and Karras, PVLDB 2012. Basic: ``(q - p) / p <= beta`` for every class and value with
    ``q > p``; enhanced: ``(q - p) / p <= min(beta, -ln p)``. The measured figure is the
    smallest beta that holds (infinite for enhanced when some gain exceeds ``-ln p``; see
    :mod:`safelink.disclosure.likeness`). Compares each class with the whole table; not
    monotonic under suppression.

    Args:
        attribute: the sensitive column.
        beta: the largest relative gain allowed (above 0).
        enhanced: the enhanced form (bounded also by ``-ln p``).

    Example:
        >>> BetaLikeness("diagnosis", beta=1.0, enhanced=True).name
        "enhanced beta-likeness of 'diagnosis' (beta=1.0)"
    """

    attribute: str
    beta: float
    enhanced: bool = False
    monotonic: ClassVar[bool] = False
    compares_with_table: ClassVar[bool] = True

    def __post_init__(self) -> None:
        """Reject a beta that is not a positive number."""
        if not _positive(self.beta):
            raise InputError(f"beta-likeness: beta={self.beta!r} is not valid; use a number > 0.")

    @property
    def _figure(self) -> str:
        return "enhanced_beta" if self.enhanced else "beta"

    @property
    def name(self) -> str:
        """A short label with the parameters."""
        kind = "enhanced" if self.enhanced else "basic"
        return f"{kind} beta-likeness of {self.attribute!r} (beta={self.beta})"

    def evaluate(self, measured: Measurements) -> Verdict:
        """Pass when the smallest beta that holds is within the profile's."""
        summary = self._summary(measured)
        if summary is None:
            return self._unmeasured(self.attribute)
        beta = getattr(summary, self._figure)
        shown = "a gain above -ln p" if math.isinf(beta) else f"{beta:.4f}"
        return self._verdict(
            beta <= self.beta + _TOLERANCE,
            beta,
            f"{self.name.split(' (')[0]} needs beta {shown}; the profile allows {self.beta}",
        )

    def violations(self, classes: ClassTable) -> pl.Series:
        """Classes where a value's relative gain exceeds the bound."""
        return self._per_class(classes, self._figure) > self.beta + _TOLERANCE


@dataclass(frozen=True, slots=True)
class DeltaDisclosure(_AttributeCriterion):
    """Delta-disclosure privacy: ``|ln(q / p)| < delta`` for every class and value of the table.

    Brickell and Shmatikov, KDD 2008. A class lacking a value of the table fails, whatever
    delta (``q = 0``; see :mod:`safelink.disclosure.likeness`). Compares each class with the
    whole table; not monotonic under suppression.

    Args:
        attribute: the sensitive column.
        delta: the bound (strict), above 0.

    Example:
        >>> DeltaDisclosure("diagnosis", delta=1.5).name
        "delta-disclosure of 'diagnosis' (delta=1.5)"
    """

    attribute: str
    delta: float
    monotonic: ClassVar[bool] = False
    compares_with_table: ClassVar[bool] = True

    def __post_init__(self) -> None:
        """Reject a delta that is not a positive number."""
        if not _positive(self.delta):
            raise InputError(
                f"delta-disclosure: delta={self.delta!r} is not valid; use a number > 0."
            )

    @property
    def name(self) -> str:
        """A short label with the parameters."""
        return f"delta-disclosure of {self.attribute!r} (delta={self.delta})"

    def evaluate(self, measured: Measurements) -> Verdict:
        """Pass when every class's largest ``|ln(q / p)|`` is below delta."""
        summary = self._summary(measured)
        if summary is None:
            return self._unmeasured(self.attribute)
        delta = summary.delta
        shown = "infinite (a class lacks a value)" if math.isinf(delta) else f"{delta:.4f}"
        return self._verdict(
            delta < self.delta,
            delta,
            f"delta-disclosure of {self.attribute!r} is {shown}; the profile needs below "
            f"{self.delta}",
        )

    def violations(self, classes: ClassTable) -> pl.Series:
        """Classes lacking a value, or where a value's share is too far from the table's."""
        return self._per_class(classes, "delta") >= self.delta


__all__ = ["AlphaKAnonymity", "BetaLikeness", "DeltaDisclosure"]
