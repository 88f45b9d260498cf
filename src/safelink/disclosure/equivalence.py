"""Equivalence classes: validation, grouping, the missing-value policies and the class table.

:class:`ClassTable` is what every model (:mod:`safelink.disclosure.models`) and privacy
criterion (:mod:`safelink.disclosure.criteria`) reads: :mod:`safelink.disclosure.counts`
counts it from records on any engine, the search builds one per lattice node, and
:meth:`Frame.suppress <safelink.disclosure.frame.Frame.suppress>` one per round.

Missing quasi-identifier values are never dropped. Two policies:

``missing="value"`` (default)
    A missing value is a category of its own: ``(40-44, F, null)`` is one class.

``missing="wildcard"``
    A missing value could be anything. An attacker who knows a person's true values finds,
    as candidates, every released record that agrees with them wherever the record is not
    missing. We do not know a wildcard record's true values, so we take the worst case over
    them: record ``r`` hides among the records ``r'`` that are *at least as general*, i.e. for
    every quasi-identifier ``r'`` is missing, or both are present and equal. A complete
    record's class is therefore its exact matches plus every partly-missing record consistent
    with it; a record with missing values only counts records missing at least where it is.
    This is conservative (it never credits a record with a larger class it might not belong
    to) and reduces to ``missing="value"`` when nothing is missing.

Person view: when a person column is given, a class's size is the number of distinct persons
with a row in it. A person whose rows fall in several classes counts once in each; such
persons are counted and reported, because linking their rows by the person pseudonym gives an
attacker their combination of classes (a risk k over rows cannot see).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import polars as pl

from safelink.errors import InputError
from safelink.infra.io import to_polars

Missing = Literal["value", "wildcard"]
CID = "__cid"
SRC = "__src"
ROWS = "__rows"
PERSONS = "__persons"
SIZE = "__size"
OWN = "__own"
OWN_ROWS = "__own_rows"
VALUE = "__s"


def prepare(
    data: Any,
    quasi: Sequence[str],
    *,
    sensitive: Sequence[str] = (),
    person: str | None = None,
    missing: str = "value",
) -> pl.DataFrame:
    """Return a polars frame ready for the models, or raise a clear InputError.

    NaN in a float quasi-identifier is treated as missing. Checks: a non-empty frame, at least
    one quasi-identifier, every named column present, no person id missing, a known policy.
    """
    frame = to_polars(data)
    check_roles(frame.columns, quasi, sensitive=sensitive, person=person, missing=missing)
    if frame.height == 0:
        raise InputError("the frame is empty; there is nothing to measure.")
    if person is not None and frame[person].null_count():
        raise InputError(
            f"person column {person!r} has {frame[person].null_count()} missing value(s); "
            "every row needs a person id for the person view."
        )
    floats = [q for q in quasi if frame.schema[q] in (pl.Float32, pl.Float64)]
    if floats:
        frame = frame.with_columns(pl.col(q).fill_nan(None) for q in floats)
    return frame


def check_roles(
    columns: Sequence[str],
    quasi: Sequence[str],
    *,
    sensitive: Sequence[str] = (),
    person: str | None = None,
    missing: str = "value",
) -> None:
    """Raise a clear InputError unless the named columns and the policy fit the frame.

    Shared by every engine (the Spark engine calls it with a DataFrame's columns).
    """
    if missing not in ("value", "wildcard"):
        raise InputError(f"missing={missing!r} is not a policy; use 'value' or 'wildcard'.")
    if not quasi:
        raise InputError("no quasi-identifiers given; name at least one column.")
    problems = []
    for role, names in (("quasi-identifier", quasi), ("sensitive attribute", sensitive)):
        for name in names:
            if name not in columns:
                problems.append(f"{role} {name!r} is not a column")
    if person is not None and person not in columns:
        problems.append(f"person column {person!r} is not a column")
    if len(set(quasi)) != len(quasi):
        problems.append("a quasi-identifier is listed twice")
    if problems:
        raise InputError("; ".join(problems) + f". Columns are {sorted(columns)}.")


def membership(classes: pl.DataFrame, quasi: Sequence[str]) -> pl.DataFrame:
    """Pairs ``(CID, SRC)``: the classes whose records count towards class ``CID`` (wildcard).

    ``SRC`` is at least as general as ``CID`` (missing wherever ``CID`` is, and equal where
    both are present). One join per pair of missing-value patterns present, at most 3**q.
    """
    quasi = list(quasi)
    present = classes.with_columns(
        pl.concat_str(
            [pl.col(q).is_not_null().cast(pl.UInt8).cast(pl.String) for q in quasi]
        ).alias("__p")
    )
    parts = present.partition_by("__p", as_dict=True, include_key=False)
    pieces = []
    for (pattern_a,), frame_a in parts.items():
        for (pattern_b,), frame_b in parts.items():
            if any(b == "1" and a == "0" for a, b in zip(pattern_a, pattern_b, strict=True)):
                continue
            on = [q for q, b in zip(quasi, pattern_b, strict=True) if b == "1"]
            left = frame_a.select(CID, *on)
            right = frame_b.select(pl.col(CID).alias(SRC), *on)
            joined = left.join(right, how="cross") if not on else left.join(right, on=on)
            pieces.append(joined.select(CID, SRC))
    return pl.concat(pieces)


def classes_of_records(
    frame: pl.DataFrame, classes: pl.DataFrame, quasi: Sequence[str]
) -> pl.Series:
    """The class id of every row of ``frame``, in row order."""
    return frame.select(quasi).join(
        classes.select(*quasi, CID),
        on=list(quasi),
        how="left",
        nulls_equal=True,
        maintain_order="left",
    )[CID]


@dataclass(frozen=True, slots=True)
class Totals:
    """Whole-table figures that per-class counts cannot give.

    Attributes:
        rows: rows measured.
        persons: distinct persons (None without a person column).
        several: persons whose rows fall in more than one class (None without one).
    """

    rows: int
    persons: int | None
    several: int | None


class ClassTable:
    """The equivalence classes of a table, as the models and privacy criteria read them.

    ``classes`` has one row per class: ``CID``, ``ROWS``, ``SIZE`` (distinct persons with a
    person column, else rows) and the columns that key the class (quasi-identifiers, or the
    search's level codes); a table counted from records (:func:`~safelink.disclosure.counts.
    count_classes`) also has ``PERSONS``, ``OWN`` (the class's own records before wildcard
    extras) and ``OWN_ROWS`` (its own rows, whatever the person column). :meth:`frequencies`,
    :meth:`distribution` and :meth:`totals` are computed on first use and kept, so a criterion
    that reads none of them costs nothing.

    Args:
        classes: the class rows (see above), or a function giving them on first use.
        unit: ``"persons"`` or ``"rows"``: what ``SIZE`` and the frequencies count.
        frequencies: attribute -> ``(CID, VALUE, PERSONS)``: how many persons (or rows) of
            each class hold each value, missing values included.
        distribution: attribute -> ``(VALUE, p)``: the whole table's distribution, counted as
            the frequencies are (t-closeness compares each class with it).
        totals: the whole-table figures (:class:`Totals`), when the table was counted from
            records.
    """

    def __init__(
        self,
        classes: pl.DataFrame | Callable[[], pl.DataFrame],
        *,
        unit: str,
        frequencies: Callable[[str], pl.DataFrame],
        distribution: Callable[[str], pl.DataFrame],
        totals: Callable[[], Totals] | None = None,
    ) -> None:
        self._classes = classes
        self.unit = unit
        self._frequencies = frequencies
        self._distribution = distribution
        self._totals = totals
        self._cache: dict[tuple[str, str], pl.DataFrame] = {}
        self._counted: Totals | None = None

    @property
    def classes(self) -> pl.DataFrame:
        """One row per class (computed on first use when given as a function)."""
        if not isinstance(self._classes, pl.DataFrame):
            self._classes = self._classes()
        return self._classes

    @property
    def height(self) -> int:
        """The number of classes."""
        return self.classes.height

    def frequencies(self, attribute: str) -> pl.DataFrame:
        """``(CID, VALUE, PERSONS)`` for one sensitive attribute."""
        key = ("frequencies", attribute)
        if key not in self._cache:
            self._cache[key] = self._frequencies(attribute)
        return self._cache[key]

    def distribution(self, attribute: str) -> pl.DataFrame:
        """``(VALUE, p)``: the whole table's distribution of one sensitive attribute."""
        key = ("distribution", attribute)
        if key not in self._cache:
            self._cache[key] = self._distribution(attribute)
        return self._cache[key]

    def totals(self) -> Totals:
        """Rows, distinct persons and persons in several classes of the whole table.

        Raises:
            ValueError: the table was not counted from records.
        """
        if self._counted is None:
            if self._totals is None:
                raise ValueError("this class table was not counted from records: no totals")
            self._counted = self._totals()
        return self._counted

    def per_class(self, values: pl.DataFrame, column: str) -> pl.Series:
        """A per-class figure ``(CID, column)`` laid out in the order of ``classes``."""
        return self.classes.select(CID).join(
            values.select(CID, column), on=CID, how="left", maintain_order="left"
        )[column]

    @classmethod
    def of_frame(
        cls,
        frame: pl.DataFrame,
        quasi: Sequence[str],
        *,
        person: str | None = None,
        missing: str = "value",
    ) -> ClassTable:
        """The classes of a prepared polars frame (:func:`prepare`), counted locally.

        The same table every engine counts (:func:`safelink.disclosure.counts.count_classes`
        on the polars backend).
        """
        from safelink.disclosure.counts import count_classes

        return count_classes(frame, quasi, person=person, missing=missing)
