"""Comparison levels over composite tokens (:mod:`safelink.normalise.composite`).

The date of birth's partial-agreement levels and the sex comparison, read from the keyed
composites where the tokens carry them (else from the standalone parts, for a link section
that names them). Splink levels in DuckDB's dialect, as :mod:`safelink.link.probabilistic`
builds the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SEX_COMPOSITES = (("date_of_birth_sex", "date_of_birth"), ("postcode_sex", "postcode"))
"""The composites of sex (:mod:`safelink.normalise.composite`) and what each keys it with."""
YEAR_MONTH = "date_of_birth_year_month"
_TWO_OF_THREE = (
    "date_of_birth_year_month", "date_of_birth_year_day",
    "date_of_birth_month_day_forename_initial",
)  # fmt: skip


def dob_levels(
    columns: set[str], custom: Callable[[str, str], Any], exact: Callable[[str, str], Any]
) -> list[Any]:
    """The date-of-birth levels below full agreement: swapped, then two parts of three.

    Two of year, month and day agree: by the standalone parts where the tokens carry them,
    else by the composites of two parts (month and day keyed with the forename initial).
    """
    levels = []
    if "date_of_birth_swapped" in columns:
        levels.append(
            custom(
                '("date_of_birth_swapped_l" = "date_of_birth_r" OR '
                '"date_of_birth_l" = "date_of_birth_swapped_r")',
                "day and month swapped",
            )
        )
    parts = [f"date_of_birth_{p}" for p in ("year", "month", "day")]
    if set(parts) <= columns:
        agree = [f'"{p}_l" = "{p}_r"' for p in parts]
        levels.append(
            custom(
                f"(({agree[0]} AND {agree[1]}) OR ({agree[0]} AND {agree[2]}) OR "
                f"({agree[1]} AND {agree[2]}))",
                "two of year, month, day agree",
            )
        )
        levels.append(exact(parts[0], "year agrees"))
        return levels
    pairs = [c for c in _TWO_OF_THREE if c in columns]
    if pairs:
        either = " OR ".join(f'"{c}_l" = "{c}_r"' for c in pairs)
        levels.append(custom(f"({either})", "two of year, month, day agree"))
    return levels


def sex_levels(columns: set[str]) -> list[Any]:
    """The levels of ``sex``, compared through its composites with birth date and postcode.

    Sex is known to agree or differ only where the dates of birth or the postcodes agree (a
    composite keys sex with either, so the linkage unit never holds sex alone); a brother and
    sister at one address, or two people born the same day, differ in it. Elsewhere it is no
    evidence.
    """
    import splink.comparison_level_library as cll

    def custom(sql: str, label: str) -> Any:
        return cll.CustomLevel(sql, label_for_charts=label, base_dialect_str="duckdb")

    # (composite, the value it keys sex with), for those the tokens carry.
    pairs = [(c, other) for c, other in SEX_COMPOSITES if c in columns and other in columns]
    missing = " AND ".join(f'("{c}_l" IS NULL OR "{c}_r" IS NULL)' for c, _ in pairs)
    agree = " OR ".join(f'"{c}_l" = "{c}_r"' for c, _ in pairs)
    differ = " OR ".join(
        f'("{other}_l" = "{other}_r" AND "{c}_l" <> "{c}_r")' for c, other in pairs
    )
    return [
        custom(missing, "sex missing").configure(is_null_level=True),
        custom(f"({agree})", "sex agrees (same birth date or postcode)"),
        custom(f"({differ})", "sex differs (same birth date or postcode)"),
        custom("TRUE", "birth dates and postcodes differ (no evidence)").configure(
            is_null_level=True
        ),
    ]
