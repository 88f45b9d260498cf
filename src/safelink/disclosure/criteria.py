"""Privacy models as criteria (ARX's design): each measures the equivalence classes and judges.

A criterion is one small class: :class:`KAnonymity`, :class:`DistinctL`, :class:`EntropyL`,
:class:`RecursiveCL`, :class:`TCloseness`, :class:`ProsecutorRiskCap`, and (in
:mod:`safelink.disclosure.likeness_criteria`) :class:`~safelink.disclosure.likeness_criteria.
AlphaKAnonymity`, :class:`~safelink.disclosure.likeness_criteria.BetaLikeness` and
:class:`~safelink.disclosure.likeness_criteria.DeltaDisclosure`. A release profile is a
list of them (:meth:`ReleaseProfile.criteria
<safelink.disclosure.profiles.ReleaseProfile.criteria>`), and everything that enforces a
profile loops over that one list, so adding a model is adding one class here:

- :func:`~safelink.disclosure.check` (and the Spark check) asks each criterion for a
  :class:`Verdict` on the table's :class:`Measurements` (:meth:`Criterion.evaluate`);
- the minimal-generalisation search and :meth:`Frame.suppress
  <safelink.disclosure.frame.Frame.suppress>` ask each criterion which classes violate it
  (:meth:`Criterion.violations`), suppress those classes' records and count them against the
  suppression budget.

The two views agree by construction: every figure a criterion judges is the worst class's
figure (smallest class, fewest values, largest distance), measured by the same functions of
:mod:`safelink.disclosure.models`, so a table passes a criterion exactly when no class
violates it. (A test holds the two views to that on random data.)

Monotonicity. ``monotonic`` says what the search may rely on when it counts suppression: if a
node meets the criterion once the records of its violating classes are suppressed, every
generalisation of it does too, because a merged class passes whenever one of its parts does,
so generalising never adds a suppressed record. That holds for k-anonymity, the prosecutor
risk cap and distinct l-diversity (sizes and distinct values of a union only grow), with rows
or persons. Entropy l-diversity, recursive (c, l)-diversity (Machanavajjhala et al. 2007) and
t-closeness with the earth mover's distance (Li et al. 2007) are monotone in the weaker
textbook sense only: if *every* class passes, every class of a generalisation passes, since
entropy is concave, the recursive condition survives mixing and the EMD is convex in the
class distribution. ARX marks them monotonic with generalisation but not with suppression: a
passing class merged with a failing one can fail, so a coarser node can suppress more. The
textbook sense also fails here with a person column, since a person counts once per class and
value, so merging classes does not add their frequencies (persons p1 (x) and p2 (y) in one
class, p1 (x) and p3 (y) in another: both have entropy l = 2, the merged class has x once and
y twice, entropy l = 1.89). The search therefore evaluates these criteria on every node it
keeps and never prunes on them; see :mod:`safelink.disclosure.search`.

Messages name columns and thresholds, never a value from the data.
"""

from __future__ import annotations

import abc
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar

import polars as pl

from safelink.disclosure.equivalence import SIZE, ClassTable
from safelink.disclosure.likeness import AttributeDisclosureSummary, likeness_summary
from safelink.disclosure.models import (
    KAnonymitySummary,
    LDiversitySummary,
    TClosenessSummary,
    diversity_per_class,
    emd_per_class,
    k_summary,
    l_summary,
    rank_by_order,
    t_summary,
)
from safelink.disclosure.risk import RiskSummary, risk_summary
from safelink.errors import InputError

# Tolerances shared by both views, so that a table passes exactly when no class fails.
_T_TOLERANCE = 1e-12
_RISK_TOLERANCE = 1e-12
_ENTROPY_TOLERANCE = 1e-9


@dataclass(frozen=True, slots=True, kw_only=True)
class Measurements:
    """What one check measured: the input every criterion's :meth:`~Criterion.evaluate` reads.

    Each engine (polars, Spark) produces the same measurements for the same data, so the
    verdicts and their wording do not depend on the engine.

    Attributes:
        k: k-anonymity over rows and persons.
        l: l-diversity per sensitive attribute (recursive c measured at the profile's l).
        t: t-closeness per sensitive attribute.
        risk: re-identification risk.
        attribute_disclosure: (alpha, k), beta-likeness and delta-disclosure per sensitive
            attribute (:mod:`safelink.disclosure.likeness`).
    """

    k: KAnonymitySummary
    l: Mapping[str, LDiversitySummary] = field(default_factory=dict)  # noqa: E741
    t: Mapping[str, TClosenessSummary] = field(default_factory=dict)
    risk: RiskSummary | None = None
    attribute_disclosure: Mapping[str, AttributeDisclosureSummary] = field(default_factory=dict)

    @property
    def unit(self) -> str:
        """``"persons"`` when classes count persons, else ``"rows"``."""
        return "rows" if self.k.k_persons is None else "persons"

    @classmethod
    def of_table(
        cls,
        table: ClassTable,
        quasi: Sequence[str],
        *,
        sensitive: Sequence[str] = (),
        l: int = 2,  # noqa: E741
        ordered: Mapping[str, Sequence[Any]] | None = None,
        missing: str = "value",
        population: Any = None,
        population_count: str = "count",
        threshold: float = 0.2,
    ) -> Measurements:
        """Every measurement of a check, from one class table counted on any engine.

        Args:
            table: the class table (:func:`~safelink.disclosure.counts.count_classes`).
            quasi: its quasi-identifiers (the population table is joined on them).
            sensitive: the sensitive attributes measured for l and t.
            l: the l for recursive (c, l)-diversity.
            ordered: text sensitive attributes with their values in order.
            missing: the missing-value policy the table was counted with.
            population: optional population table for journalist risk.
            population_count: its count column.
            threshold: the prosecutor risk above which a record is "at risk".
        """
        ordered = ordered or {}
        return cls(
            k=k_summary(table, missing),
            l={a: l_summary(table, a, l) for a in sensitive},
            t={a: t_summary(table, a, order=ordered.get(a)) for a in sensitive},
            attribute_disclosure={a: likeness_summary(table, a) for a in sensitive},
            risk=risk_summary(
                table,
                quasi,
                population=population,
                population_count=population_count,
                threshold=threshold,
            ),
        )


@dataclass(frozen=True, slots=True)
class Verdict:
    """One criterion's judgement of a table.

    Attributes:
        criterion: the criterion's name.
        passed: whether the table meets it.
        value: the measured figure it judged (the smallest k, the largest t, ...), if any.
        message: why it failed (None when it passed); never holds a data value.
    """

    criterion: str
    passed: bool
    value: float | None
    message: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (an infinite value is written as null)."""
        out = asdict(self)
        if self.value is not None and math.isinf(self.value):
            out["value"] = None
        return out


class Criterion(abc.ABC):
    """A privacy model: measures the equivalence classes, says pass or fail.

    Subclasses are small frozen dataclasses holding the model's parameters.

    Attributes:
        monotonic: if a lattice node meets the criterion after its violating classes are
            suppressed, so does every generalisation of it (see the module docstring). The
            search may prune on monotonic criteria only.
        compares_with_table: a class's verdict depends on the other classes too (t-closeness
            compares each class with the whole table), so suppressing some classes can make
            others violate it: whoever suppresses must look again.
    """

    __slots__ = ()

    monotonic: ClassVar[bool]
    compares_with_table: ClassVar[bool] = False

    @property
    @abc.abstractmethod
    def name(self) -> str:
        """A short label with the parameters, e.g. ``k-anonymity (k=5)``."""

    @property
    def attributes(self) -> tuple[str, ...]:
        """The sensitive columns the criterion reads."""
        return ()

    @abc.abstractmethod
    def evaluate(self, measured: Measurements) -> Verdict:
        """Judge a whole table from its measurements.

        Args:
            measured: the table's :class:`Measurements`.

        Returns:
            A :class:`Verdict` (with the failure message when it fails).
        """

    @abc.abstractmethod
    def violations(self, classes: ClassTable) -> pl.Series:
        """Which classes violate the criterion: a Boolean per row of ``classes.classes``."""

    def problem(self, schema: Mapping[str, pl.DataType]) -> str | None:
        """Why the criterion cannot be enforced on a table with this schema, or None."""
        for attribute in self.attributes:
            if attribute not in schema:
                return f"{self.name}: {attribute!r} is not a column"
        return None

    def _verdict(self, passed: bool, value: float | None, message: str) -> Verdict:
        return Verdict(self.name, passed, value, None if passed else message)

    def _unmeasured(self, attribute: str) -> Verdict:
        return Verdict(
            self.name,
            False,
            None,
            f"{self.name}: {attribute!r} was not measured; name it as a sensitive attribute",
        )


@dataclass(frozen=True, slots=True)
class KAnonymity(Criterion):
    """k-anonymity: every class holds at least ``k`` persons (rows without a person column).

    Monotonic: merging classes only makes them larger.

    Args:
        k: the smallest class size allowed.

    Example:
        >>> KAnonymity(5).name
        'k-anonymity (k=5)'
    """

    k: int
    monotonic: ClassVar[bool] = True

    def __post_init__(self) -> None:
        """Reject a k that is not a whole number of at least 1."""
        if isinstance(self.k, bool) or not isinstance(self.k, int) or self.k < 1:
            raise InputError(f"k-anonymity: k={self.k!r} is not valid; use a whole number >= 1.")

    @property
    def name(self) -> str:
        """A short label with the parameters."""
        return f"k-anonymity (k={self.k})"

    def evaluate(self, measured: Measurements) -> Verdict:
        """Pass when the smallest class has at least k members."""
        k = measured.k.k
        return self._verdict(
            k >= self.k,
            k,
            f"k-anonymity: smallest class has {k} {measured.unit}; the profile needs {self.k}",
        )

    def violations(self, classes: ClassTable) -> pl.Series:
        """Classes with fewer than k members."""
        return classes.classes[SIZE] < self.k


class _Diversity(Criterion):
    """Shared by the three l-diversity criteria: one sensitive attribute, an l."""

    __slots__ = ()

    attribute: str
    l: int  # noqa: E741
    kind: ClassVar[str]

    @property
    def attributes(self) -> tuple[str, ...]:
        """The sensitive column."""
        return (self.attribute,)

    def _check_l(self) -> None:
        if isinstance(self.l, bool) or not isinstance(self.l, int) or self.l < 1:
            raise InputError(f"{self.kind} l-diversity: l={self.l!r} is not valid; use l >= 1.")

    def _failure(self) -> str:
        return f"l-diversity ({self.kind}) of {self.attribute!r} is below {self.l}"

    def _per_class(self, classes: ClassTable) -> pl.DataFrame:
        return diversity_per_class(classes.frequencies(self.attribute), self.l)


@dataclass(frozen=True, slots=True)
class DistinctL(_Diversity):
    """Distinct l-diversity: every class holds at least ``l`` distinct values of ``attribute``.

    Missing values count as a value. Monotonic: a merged class holds every value of its parts.

    Args:
        attribute: the sensitive column.
        l: the fewest distinct values allowed.
    """

    attribute: str
    l: int  # noqa: E741
    kind: ClassVar[str] = "distinct"
    monotonic: ClassVar[bool] = True

    def __post_init__(self) -> None:
        """Reject an l below 1."""
        self._check_l()

    @property
    def name(self) -> str:
        """A short label with the parameters."""
        return f"distinct l-diversity of {self.attribute!r} (l={self.l})"

    def evaluate(self, measured: Measurements) -> Verdict:
        """Pass when the least diverse class has at least l distinct values."""
        if self.attribute not in measured.l:
            return self._unmeasured(self.attribute)
        distinct = measured.l[self.attribute].distinct
        return self._verdict(distinct >= self.l, distinct, self._failure())

    def violations(self, classes: ClassTable) -> pl.Series:
        """Classes with fewer than l distinct values."""
        per = self._per_class(classes)
        return classes.per_class(per, "distinct") < self.l


@dataclass(frozen=True, slots=True)
class EntropyL(_Diversity):
    """Entropy l-diversity: every class's entropy of ``attribute`` is at least ``log(l)``.

    The measured figure is ``exp`` of the lowest class entropy (natural log). Not monotonic
    under suppression, nor with a person column (see the module docstring).

    Args:
        attribute: the sensitive column.
        l: the l whose logarithm bounds every class's entropy from below.
    """

    attribute: str
    l: int  # noqa: E741
    kind: ClassVar[str] = "entropy"
    monotonic: ClassVar[bool] = False

    def __post_init__(self) -> None:
        """Reject an l below 1."""
        self._check_l()

    @property
    def name(self) -> str:
        """A short label with the parameters."""
        return f"entropy l-diversity of {self.attribute!r} (l={self.l})"

    def evaluate(self, measured: Measurements) -> Verdict:
        """Pass when exp(lowest class entropy) is at least l."""
        if self.attribute not in measured.l:
            return self._unmeasured(self.attribute)
        entropy = measured.l[self.attribute].entropy
        return self._verdict(entropy >= self.l - _ENTROPY_TOLERANCE, entropy, self._failure())

    def violations(self, classes: ClassTable) -> pl.Series:
        """Classes whose entropy is below log(l)."""
        per = self._per_class(classes).with_columns(pl.col("h").exp().alias("__l"))
        return classes.per_class(per, "__l") < self.l - _ENTROPY_TOLERANCE


@dataclass(frozen=True, slots=True)
class RecursiveCL(_Diversity):
    """Recursive (c, l)-diversity: in every class ``r1 < c * (r_l + ... + r_m)``.

    ``r_i`` is the i-th largest frequency of ``attribute`` in the class; a class with fewer
    than ``l`` values fails. The measured figure is the largest ``r1 / (r_l + ... + r_m)``.
    Not monotonic under suppression, nor with a person column (see the module docstring).

    Args:
        attribute: the sensitive column.
        c: the bound on the most frequent value's dominance.
        l: the l of the condition.
    """

    attribute: str
    c: float
    l: int  # noqa: E741
    kind: ClassVar[str] = "recursive"
    monotonic: ClassVar[bool] = False

    def __post_init__(self) -> None:
        """Reject an l below 1 or a c that is not positive."""
        self._check_l()
        if not isinstance(self.c, int | float) or not self.c > 0:
            raise InputError(f"recursive l-diversity: c={self.c!r} is not valid; use c > 0.")

    @property
    def name(self) -> str:
        """A short label with the parameters."""
        return f"recursive (c, l)-diversity of {self.attribute!r} (c={self.c}, l={self.l})"

    def evaluate(self, measured: Measurements) -> Verdict:
        """Pass when every class's ratio is below c (measured at this criterion's l)."""
        if self.attribute not in measured.l:
            return self._unmeasured(self.attribute)
        summary = measured.l[self.attribute]
        if summary.recursive_l != self.l:
            return Verdict(
                self.name,
                False,
                None,
                f"{self.name}: measured for l={summary.recursive_l}; measure it for l={self.l}",
            )
        return self._verdict(summary.recursive_c < self.c, summary.recursive_c, self._failure())

    def violations(self, classes: ClassTable) -> pl.Series:
        """Classes whose most frequent value dominates the tail by c or more."""
        per = self._per_class(classes)
        return classes.per_class(per, "ratio") >= self.c


@dataclass(frozen=True, slots=True)
class TCloseness(Criterion):
    """t-closeness: every class's distribution of ``attribute`` is within ``t`` of the table's.

    The distance is the earth mover's distance: ordered (``|i - j| / (m - 1)`` over the ``m``
    values in order) for numbers and for text given an ``order``, else equal (half the L1
    distance). The table compared with is the whole released table (after suppression), as
    :func:`~safelink.disclosure.check` measures it, so suppressing classes moves it
    (``compares_with_table``). Not monotonic under suppression, nor with a person column
    (see the module docstring).

    Args:
        attribute: the sensitive column.
        t: the largest distance allowed (0 to 1).
        ordered: use the ordered distance (numbers, or text with ``order``).
        order: for a text attribute, its values in order (implies ``ordered``).

    Example:
        >>> TCloseness("length_of_stay", t=0.2, ordered=True).name
        "t-closeness of 'length_of_stay' (t=0.2, ordered)"
    """

    attribute: str
    t: float
    ordered: bool = False
    order: tuple[str, ...] = ()
    monotonic: ClassVar[bool] = False
    compares_with_table: ClassVar[bool] = True

    def __post_init__(self) -> None:
        """Reject a t outside 0 to 1 and an order without ``ordered``."""
        if not isinstance(self.t, int | float) or not 0.0 <= self.t <= 1.0:
            raise InputError(f"t-closeness: t={self.t!r} is not valid; use a number from 0 to 1.")
        if self.order and not self.ordered:
            raise InputError(
                f"t-closeness of {self.attribute!r}: an order is given; pass ordered=True."
            )

    @property
    def name(self) -> str:
        """A short label with the parameters."""
        distance = "ordered" if self.ordered else "equal"
        return f"t-closeness of {self.attribute!r} (t={self.t}, {distance})"

    @property
    def attributes(self) -> tuple[str, ...]:
        """The sensitive column."""
        return (self.attribute,)

    def problem(self, schema: Mapping[str, pl.DataType]) -> str | None:
        """The column must exist, and be numeric exactly when ordered without an order."""
        missing = Criterion.problem(self, schema)
        if missing or self.order:
            return missing
        numeric = schema[self.attribute].is_numeric()
        if self.ordered and not numeric:
            return (
                f"{self.name}: the column is text; give its values in order ('ordered' in "
                "the config) or use the equal distance"
            )
        if numeric and not self.ordered:
            return f"{self.name}: the column holds numbers, measured with the ordered distance"
        return None

    def evaluate(self, measured: Measurements) -> Verdict:
        """Pass when the farthest class is within t of the table."""
        if self.attribute not in measured.t:
            return self._unmeasured(self.attribute)
        summary = measured.t[self.attribute]
        distance = "ordered" if self.ordered else "equal"
        if summary.distance != distance:
            return Verdict(
                self.name,
                False,
                summary.t,
                f"{self.name}: measured with the {summary.distance} distance; declare the "
                "column numeric or give its order",
            )
        return self._verdict(
            summary.t <= self.t + _T_TOLERANCE,
            summary.t,
            f"t-closeness of {self.attribute!r} is {summary.t:.4f}; the profile allows {self.t}",
        )

    def violations(self, classes: ClassTable) -> pl.Series:
        """Classes farther than t from the whole table's distribution."""
        counts = classes.frequencies(self.attribute)
        glob = classes.distribution(self.attribute)
        if self.order:
            counts = rank_by_order(counts, self.attribute, self.order)
            glob = rank_by_order(glob, self.attribute, self.order)
        emd = emd_per_class(counts, glob, ordered=self.ordered)
        return classes.per_class(emd, "emd") > self.t + _T_TOLERANCE


@dataclass(frozen=True, slots=True)
class ProsecutorRiskCap(Criterion):
    """A cap on prosecutor risk: no record's ``1 / class size`` exceeds ``max_risk``.

    Equivalent to k-anonymity with ``k = ceil(1 / max_risk)``; monotonic for the same reason.

    Args:
        max_risk: the highest prosecutor risk allowed (0 to 1).
    """

    max_risk: float
    monotonic: ClassVar[bool] = True

    def __post_init__(self) -> None:
        """Reject a cap outside (0, 1]."""
        if not isinstance(self.max_risk, int | float) or not 0.0 < self.max_risk <= 1.0:
            raise InputError(
                f"prosecutor risk cap: {self.max_risk!r} is not valid; use a number in (0, 1]."
            )

    @property
    def name(self) -> str:
        """A short label with the parameters."""
        return f"prosecutor risk <= {self.max_risk:.3f}"

    def evaluate(self, measured: Measurements) -> Verdict:
        """Pass when the highest prosecutor risk is within the cap."""
        if measured.risk is None:
            return Verdict(self.name, False, None, f"{self.name}: risk was not measured")
        highest = measured.risk.prosecutor_max
        return self._verdict(
            highest <= self.max_risk + _RISK_TOLERANCE,
            highest,
            f"prosecutor risk: highest is {highest:.3f}; the profile allows {self.max_risk:.3f}",
        )

    def violations(self, classes: ClassTable) -> pl.Series:
        """Classes whose members' risk ``1 / size`` exceeds the cap."""
        risk = 1.0 / classes.classes[SIZE].cast(pl.Float64)
        return risk > self.max_risk + _RISK_TOLERANCE


@dataclass(frozen=True, slots=True)
class SensitiveAttributeRequired(Criterion):
    """A profile's ``model`` needs sensitive attributes and the data name none: never met.

    Suppression cannot fix it, so no class violates it; :meth:`problem` stops the search
    and :meth:`evaluate` fails the check.

    Args:
        model: the model that needs them (``"l-diversity"``, ``"t-closeness"``).
    """

    model: str
    monotonic: ClassVar[bool] = True

    @property
    def name(self) -> str:
        """A short label."""
        return f"{self.model} needs a sensitive attribute"

    def _message(self) -> str:
        return f"{self.model}: the profile needs sensitive attributes; none are named"

    def problem(self, schema: Mapping[str, pl.DataType]) -> str | None:
        """Always: there is nothing to measure the model on."""
        return self._message()

    def evaluate(self, measured: Measurements) -> Verdict:
        """Always fails."""
        return Verdict(self.name, False, None, self._message())

    def violations(self, classes: ClassTable) -> pl.Series:
        """No class: suppressing records cannot name a sensitive attribute."""
        return pl.Series([False] * classes.height, dtype=pl.Boolean)


def violating(classes: ClassTable, criteria: Sequence[Criterion]) -> pl.Series:
    """Classes that violate at least one criterion: a Boolean per row of ``classes.classes``."""
    out = pl.Series([False] * classes.height, dtype=pl.Boolean)
    for criterion in criteria:
        out = out | criterion.violations(classes).fill_null(True)
    return out
