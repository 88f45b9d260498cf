"""Equivalence classes: validation, grouping, the missing-value policies and the class table.

Everything here is a polars group-by or join; nothing loops over classes in Python.
:class:`ClassTable` is what a privacy criterion (:mod:`safelink.disclosure.criteria`) reads
to say which classes fail it: the search builds one per lattice node, :meth:`Frame.suppress
<safelink.disclosure.frame.Frame.suppress>` one per round.

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
from typing import Any, Literal

import polars as pl

from safelink.errors import InputError
from safelink.io import to_polars

Missing = Literal["value", "wildcard"]
CID = "__cid"
SRC = "__src"
ROWS = "__rows"
PERSONS = "__persons"
SIZE = "__size"
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


def class_ids(frame: pl.DataFrame, quasi: Sequence[str]) -> pl.DataFrame:
    """Return the distinct quasi-identifier combinations, each with an integer id ``CID``."""
    return frame.select(quasi).unique().with_row_index(CID)


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


def tabulate(
    frame: pl.DataFrame,
    quasi: Sequence[str],
    *,
    by: Sequence[str] = (),
    person: str | None = None,
    missing: str = "value",
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Group a frame into classes, with counts per class and per extra key.

    Returns:
        ``(classes, counts)``: ``classes`` has the quasi-identifiers, ``CID``, ``ROWS`` and
        (with a person column) ``PERSONS``; ``counts`` has ``CID``, the ``by`` columns,
        ``ROWS`` and ``PERSONS`` (distinct persons, or rows without a person column), each
        class's counts already including the records a wildcard policy adds to it.
    """
    quasi, by = list(quasi), list(by)
    keys = quasi + by + ([person] if person else [])
    base = frame.group_by(keys).agg(pl.len().alias(ROWS))
    wildcard = missing == "wildcard" and any(frame[q].null_count() for q in quasi)
    if not wildcard:
        return _tabulate_exact(base, quasi, by, person)
    classes = class_ids(base, quasi)
    base = base.join(classes, on=quasi, nulls_equal=True).drop(quasi)
    links = membership(classes, quasi)
    base = links.join(base.rename({CID: SRC}), on=SRC).drop(SRC)
    grouped = base.group_by([CID, *by])
    if person:
        counts = grouped.agg(pl.col(ROWS).sum(), pl.col(person).n_unique().alias(PERSONS))
    else:
        counts = grouped.agg(pl.col(ROWS).sum()).with_columns(pl.col(ROWS).alias(PERSONS))
    sizes = counts.group_by(CID).agg(pl.col(ROWS).sum())
    if person:
        person_sizes = base.group_by(CID).agg(pl.col(person).n_unique().alias(PERSONS))
        sizes = sizes.join(person_sizes, on=CID)
    classes = classes.join(sizes, on=CID)
    return classes, counts


def _tabulate_exact(
    base: pl.DataFrame, quasi: list[str], by: list[str], person: str | None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Classes without wildcard extras: one group-by over the pre-counted rows, no joins."""
    if person:
        # base rows are distinct (class, value, person): persons per (class, value) = rows
        per_value = base.group_by([*quasi, *by]).agg(pl.col(ROWS).sum(), pl.len().alias(PERSONS))
    else:
        per_value = base.with_columns(pl.col(ROWS).alias(PERSONS))
    aggs = [pl.col(ROWS).sum().alias("__total")]
    if by:
        aggs.append(pl.struct([*by, ROWS, PERSONS]).alias("__values"))
    if person:
        persons = base.group_by(quasi).agg(pl.col(person).n_unique().alias("__people"))
    classes = per_value.group_by(quasi).agg(aggs).with_row_index(CID)
    if by:
        counts = classes.select(CID, "__values").explode("__values").unnest("__values")
    else:
        counts = classes.select(
            CID, pl.col("__total").alias(ROWS), pl.col("__total").alias(PERSONS)
        )
    classes = classes.drop("__values", strict=False).rename({"__total": ROWS})
    if person:
        classes = classes.join(persons, on=quasi, nulls_equal=True).rename({"__people": PERSONS})
    return classes, counts


def persons_in_several_classes(frame: pl.DataFrame, quasi: Sequence[str], person: str) -> int:
    """Count persons whose rows fall in more than one class (missing treated as a value)."""
    distinct = frame.select([person, *quasi]).unique()
    return int((distinct.group_by(person).len()["len"] > 1).sum())


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


class ClassTable:
    """The equivalence classes of a table, as the privacy criteria read them.

    ``classes`` has one row per class: ``CID``, ``ROWS``, ``SIZE`` (distinct persons with a
    person column, else rows) and the columns that key the class (quasi-identifiers, or the
    search's level codes). :meth:`frequencies` and :meth:`distribution` are computed on first
    use and kept, so a criterion that reads neither costs nothing.

    Args:
        classes: the class rows (see above).
        unit: ``"persons"`` or ``"rows"``: what ``SIZE`` and the frequencies count.
        frequencies: attribute -> ``(CID, VALUE, PERSONS)``: how many persons (or rows) of
            each class hold each value, missing values included.
        distribution: attribute -> ``(VALUE, p)``: the whole table's distribution, counted as
            the frequencies are (t-closeness compares each class with it).
    """

    def __init__(
        self,
        classes: pl.DataFrame,
        *,
        unit: str,
        frequencies: Callable[[str], pl.DataFrame],
        distribution: Callable[[str], pl.DataFrame],
    ) -> None:
        self.classes = classes
        self.unit = unit
        self._frequencies = frequencies
        self._distribution = distribution
        self._cache: dict[tuple[str, str], pl.DataFrame] = {}

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
        """The classes of a prepared frame, with the sizes and frequencies the models measure.

        Sizes and frequencies come from :func:`tabulate` (so the missing-value policy and the
        person view apply exactly as in :mod:`safelink.disclosure.models`); the whole table's
        distribution is the one t-closeness measures against.
        """
        from safelink.disclosure.models import global_distribution

        quasi = list(quasi)
        classes, _ = tabulate(frame, quasi, person=person, missing=missing)
        classes = classes.with_columns(pl.col(PERSONS if person else ROWS).alias(SIZE))

        def frequencies(attribute: str) -> pl.DataFrame:
            # tabulate numbers its classes afresh each call: map its ids to ours by value
            own, counts = tabulate(frame, quasi, by=[attribute], person=person, missing=missing)
            ids = own.select(*quasi, pl.col(CID).alias("__other")).join(
                classes.select(*quasi, CID), on=quasi, nulls_equal=True
            )
            return (
                counts.rename({CID: "__other"})
                .join(ids.select("__other", CID), on="__other")[[CID, attribute, PERSONS]]
                .rename({attribute: VALUE})
            )

        def distribution(attribute: str) -> pl.DataFrame:
            return global_distribution(frame, quasi, attribute, person).select(VALUE, "p")

        return cls(
            classes,
            unit="persons" if person else "rows",
            frequencies=frequencies,
            distribution=distribution,
        )
