"""Composite tokens: two or more derived values keyed as one token.

A standalone token of an enumerable value (sex, an initial, a date of birth's year, month or
day, a postcode sector or district) tells whoever holds the tokens file the value itself: its
frequencies match a public distribution. Keyed together with another value, the pair has the
cardinality of the pair (``1978|03`` for the year and month of a date of birth), and the
comparisons read the composite instead: agreement on ``(forename initial, date of birth)`` is
agreement on both, so a match key or blocking rule over the composite pairs exactly the
records the parts would.

A composite's value is the shared SQL of :func:`safelink.normalise.rules.composite` over its
parts' derived values (before keying), so every engine computes it the same way; each is keyed
under its own purpose (``link:composite:<column>``). The composites were chosen by measurement
on the hard synthetic profile (``benchmarks/bench_token_privacy.py``): every one has at least
1,000 distinct values, and the attacks of :mod:`safelink.token_attacks` recover at most 1% of
its records (``surname_initial_forename`` fell to graph matching for 2.3% of records until the
forename was keyed with the year of birth: ``tokens.names_with_birth_year``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import polars as pl

from safelink.engines.backend import PolarsBackend
from safelink.engines.sql import quote
from safelink.normalise import rules

_BACKEND = PolarsBackend()


@dataclass(frozen=True, slots=True)
class Composite:
    """One composite token: its column, its key purpose and the token columns it joins."""

    column: str
    parts: tuple[str, ...]

    @property
    def purpose(self) -> str:
        """The key purpose of its tokens (one per composite: no two ever agree)."""
        return f"link:composite:{self.column}"


#: Every composite token, by column. Its parts are derived token columns of the standard UK
#: identifiers (named by their kind).
COMPOSITES: Mapping[str, Composite] = {
    c.column: c
    for c in (
        # The date of birth's "two of year, month and day agree" level.
        Composite("date_of_birth_year_month", ("date_of_birth_year", "date_of_birth_month")),
        Composite("date_of_birth_year_day", ("date_of_birth_year", "date_of_birth_day")),
        Composite(
            "date_of_birth_month_day_forename_initial",
            ("date_of_birth_month", "date_of_birth_day", "forename_initial"),
        ),
        # Sex, known only where the dates of birth or the postcodes agree (a brother and
        # sister at one address differ in it).
        Composite("date_of_birth_sex", ("date_of_birth", "sex")),
        Composite("postcode_sex", ("postcode", "sex")),
        # The forename initial with the date of birth (a match key reads both).
        Composite("forename_initial_date_of_birth", ("forename_initial", "date_of_birth")),
        # The surname comparison's "initial agrees" level: the initial with the forename.
        # (The forename's initial is compared with the postcode: keyed with the surname, it
        # fell to graph matching as often as the surname itself.)
        Composite("surname_initial_forename", ("surname_initial", "forename")),
        # The blocking rule [postcode, forename_initial], as one column, and the forename
        # comparison's "initial agrees" level.
        Composite("forename_initial_postcode", ("forename_initial", "postcode")),
        # Postcode sector and district with the year of birth (a match key that also needs
        # the date of birth gets the same pairs).
        Composite("postcode_sector_date_of_birth_year", ("postcode_sector", "date_of_birth_year")),
        Composite(
            "postcode_district_date_of_birth_year", ("postcode_district", "date_of_birth_year")
        ),
    )
}


#: Parts of which only these values count in a composite: sex's "not known" and
#: "indeterminate" codes (``X``, ``9``) are no sex, so a composite holding one is null and never
#: agrees or disagrees (in the link, and in the owners' discrepancy report).
KNOWN_VALUES: Mapping[str, tuple[str, ...]] = {"sex": ("1", "2")}


def composite_plan(available: Collection[str], used: Collection[str] | None) -> list[Composite]:
    """The composites to make from a source's derivable token columns.

    Args:
        available: the token columns the source's identifiers can derive (whether or not
            they are made).
        used: the token columns the job's link section reads; None makes every composite
            whose parts are available.

    Returns:
        The composites, in :data:`COMPOSITES` order.
    """
    return [
        c
        for c in COMPOSITES.values()
        if set(c.parts) <= set(available) and (used is None or c.column in used)
    ]


def composite_values(
    composites: Collection[Composite], values: Mapping[str, pl.Series]
) -> dict[str, pl.Series]:
    """The values (before keying) of ``composites`` from their parts' derived values.

    Args:
        composites: what to make (:func:`composite_plan`).
        values: token column -> its derived values (row for row), holding every part.

    Returns:
        Composite column -> its values (null where any part is null, or not a known value:
        :data:`KNOWN_VALUES`).
    """
    if not composites:
        return {}
    parts = sorted({p for c in composites for p in c.parts})
    frame = pl.LazyFrame({p: values[p].cast(pl.String) for p in parts}).with_columns(
        pl.when(pl.col(p).is_in(known)).then(pl.col(p)).alias(p)
        for p, known in KNOWN_VALUES.items()
        if p in parts
    )
    sql = {c.column: rules.composite([quote(p) for p in c.parts]) for c in composites}
    made = _BACKEND.with_columns(frame, sql).select(list(sql)).collect()
    return {c: made.get_column(c) for c in sql}


def joined_with(values: pl.Series, other: pl.Series) -> pl.Series:
    """``values`` joined with ``other`` (row for row) as a composite's value is.

    How a name is keyed with the year of birth (``tokens.names_with_birth_year``): null where
    either is null.
    """
    frame = pl.LazyFrame({"v": values.cast(pl.String), "o": other.cast(pl.String)})
    made = _BACKEND.with_columns(frame, {"c": rules.composite([quote("v"), quote("o")])})
    return made.select("c").collect().get_column("c").alias(values.name)
