"""The Fellegi-Sunter comparisons on tokens: one per identifier the tokens files hold."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from safelink.config import COMPARISONS, OPTIONAL_COMPARISONS
from safelink.link.config import ProbabilisticSettings
from safelink.link.generic import generic_levels
from safelink.link.levels import SEX_COMPOSITES, YEAR_MONTH, dob_levels, sex_levels
from safelink.pseudonymise.bloom import dice_sql


def comparisons(columns: set[str], settings: ProbabilisticSettings) -> list[Any]:
    """Splink comparisons for the token columns present, with the configured levels."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    tf = set(settings.term_frequency)
    built: list[Any] = []

    def exact(column: str, label: str) -> Any:
        return cll.ExactMatchLevel(column).configure(label_for_charts=label)

    def custom(sql: str, label: str) -> Any:
        return cll.CustomLevel(sql, label_for_charts=label, base_dialect_str="duckdb")

    year, month = "date_of_birth_year", "date_of_birth_month"
    for name in settings.comparisons:
        if name == "sex" and any(c in columns for c, _ in SEX_COMPOSITES):
            built.append(cl.CustomComparison(sex_levels(columns), output_column_name=name))
            continue
        if name in OPTIONAL_COMPARISONS and name not in columns:
            continue  # e.g. no address in some input
        if name == "household":
            built.append(cl.CustomComparison(household_levels(columns), output_column_name=name))
            continue
        levels: list[Any] = [cll.NullLevel(name)]
        if name not in COMPARISONS:  # a kind: other identifier (safelink.link.generic)
            levels.append(cll.ExactMatchLevel(name, term_frequency_adjustments=name in tf))
            levels += generic_levels(name, columns, custom, exact, bloom=settings.bloom)
            levels.append(cll.ElseLevel())
            built.append(cl.CustomComparison(levels, output_column_name=name))
            continue
        partial = name == "date_of_birth" and {year, month} <= columns
        if name == "date_of_birth" and not partial and YEAR_MONTH in columns:
            # Partial dates by the composite of year and month: a year alone is no evidence.
            levels = [
                cll.CustomLevel(
                    f'"{YEAR_MONTH}_l" IS NULL OR "{YEAR_MONTH}_r" IS NULL',
                    label_for_charts="year and month of birth missing",
                    base_dialect_str="duckdb",
                ).configure(is_null_level=True),
                cll.ExactMatchLevel(name, term_frequency_adjustments=name in tf),
            ]
            levels.append(
                custom(
                    '("date_of_birth_l" IS NULL OR "date_of_birth_r" IS NULL) AND '
                    f'"{YEAR_MONTH}_l" = "{YEAR_MONTH}_r"',
                    "partial date: year and month agree",
                )
            )
            levels += dob_levels(columns, custom, exact)
            levels.append(cll.ElseLevel())
            built.append(cl.CustomComparison(levels, output_column_name=name))
            continue
        if partial:
            # A partial date (year, or year and month) has no full-date token: the comparison
            # is null only where a year is missing, and compares partial dates by their parts.
            levels = [
                cll.CustomLevel(
                    f'"{year}_l" IS NULL OR "{year}_r" IS NULL',
                    label_for_charts="year of birth missing",
                    base_dialect_str="duckdb",
                ).configure(is_null_level=True)
            ]
        levels.append(cll.ExactMatchLevel(name, term_frequency_adjustments=name in tf))
        if partial:
            either = '("date_of_birth_l" IS NULL OR "date_of_birth_r" IS NULL)'
            same = {p: f'"{p}_l" = "{p}_r"' for p in (year, month)}
            levels.append(
                custom(
                    f"{either} AND {same[year]} AND {same[month]}",
                    "partial date: year and month agree",
                )
            )
            levels.append(custom(f"{either} AND {same[year]}", "partial date: year agrees"))
        if name in ("forename", "surname"):
            canonical = f"{name}_canonical"
            if canonical in columns:
                # Bob and Robert: coarser than the exact token, finer than the phonetic codes.
                levels.append(exact(canonical, "canonical forenames agree"))
            other = "surname" if name == "forename" else "forename"
            if other in columns:
                levels.append(
                    cll.ColumnsReversedLevel(name, other).configure(
                        label_for_charts="forename and surname swapped"
                    )
                )
            if name == "surname" and {"surname_first_part", "surname_last_part"} <= columns:
                levels.append(
                    custom(
                        '("surname_first_part_l" = "surname_r" OR "surname_last_part_l" = '
                        '"surname_r" OR "surname_l" = "surname_first_part_r" OR "surname_l" = '
                        '"surname_last_part_r")',
                        "one part of a multi-part surname",
                    )
                )
            bloom = f"{name}_bloom"
            if settings.bloom and bloom in columns:
                dice = dice_sql(bloom, columns)
                levels.append(custom(f"{dice} >= 0.85", "bloom dice >= 0.85"))
                levels.append(custom(f"{dice} >= 0.7", "bloom dice >= 0.7"))
            for suffix in ("nysiis", "soundex", "initial"):
                if f"{name}_{suffix}" in columns:
                    levels.append(exact(f"{name}_{suffix}", f"{suffix} agrees"))
            if f"{name}_initial" not in columns:
                # The initial keyed with the other name, else with the postcode (composites).
                for with_ in (other, "postcode"):
                    if f"{name}_initial_{with_}" in columns:
                        levels.append(
                            exact(f"{name}_initial_{with_}", f"initial and {with_} agree")
                        )
                        break
        elif name == "date_of_birth":
            levels += dob_levels(columns, custom, exact)
        elif name == "postcode":
            for part in ("sector", "district"):
                if f"postcode_{part}" in columns:
                    levels.append(exact(f"postcode_{part}", f"{part} agrees"))
                elif f"postcode_{part}_date_of_birth_year" in columns:
                    levels.append(
                        exact(f"postcode_{part}_date_of_birth_year", f"{part} and birth year agree")
                    )
        elif name == "address":
            levels += address_levels(columns, custom, exact)
            # A different address is no evidence against: moves are the postcode's to weigh,
            # and counting them twice lost true links (bench_link, hard profile).
            levels.append(
                custom("TRUE", "address differs (no evidence)").configure(is_null_level=True)
            )
            built.append(cl.CustomComparison(levels, output_column_name=name))
            continue
        levels.append(cll.ElseLevel())
        built.append(cl.CustomComparison(levels, output_column_name=name))
    return built


OTHER_PERSON_M = 0.02
"""Fixed m probability of "same household, other forename": a person rarely does that."""


OTHER_PERSON_U = 0.5
"""Fixed u probability of "same household, other forename" (the level weighs about -4.6:
chosen on ``benchmarks/bench_households.py``, where -9 lost recall on the hard profile's
forename variants and the trained weight, about -0.8, gained less precision)."""


def household_levels(columns: set[str]) -> list[Any]:
    """The levels of the ``household`` comparison (tokens of :mod:`safelink.uprn`).

    Two records of one household (the parent UPRN of a flat, else the UPRN) with different
    full forenames (and different canonical forenames where the tokens carry them: ``Bill``
    and ``William`` are one person) are two people: twins, siblings, spouses. That level comes
    first, with fixed probabilities weighing about -4.6 (:data:`OTHER_PERSON_U`), so that a
    shared home does not count for a pair whose forenames differ; trained, the level weighs
    too little, since among pairs sharing a home most differ in forename. Below it: the same
    property (``uprn``, when present), the same household;
    a different household is no evidence against (people move), except in a comparison with
    no other level to weigh (neither forenames nor UPRNs), where it is an ordinary level.
    """
    import splink.comparison_level_library as cll

    def custom(sql: str, label: str) -> Any:
        return cll.CustomLevel(sql, label_for_charts=label, base_dialect_str="duckdb")

    levels: list[Any] = [cll.NullLevel("household")]
    if "forename" in columns:
        other = '"household_l" = "household_r" AND "forename_l" <> "forename_r"'
        if "forename_canonical" in columns:
            other += ' AND NOT coalesce("forename_canonical_l" = "forename_canonical_r", FALSE)'
        levels.append(
            custom(f"({other})", "same household, other forename (another person)").configure(
                m_probability=OTHER_PERSON_M,
                u_probability=OTHER_PERSON_U,
                fix_m_probability=True,
                fix_u_probability=True,
            )
        )
    if "uprn" in columns:
        levels.append(
            cll.ExactMatchLevel("uprn").configure(label_for_charts="same property (UPRN)")
        )
    levels.append(cll.ExactMatchLevel("household").configure(label_for_charts="same household"))
    if len(levels) == 2:
        # Splink needs two levels that weigh: with one agreeing level, a difference weighs.
        levels.append(cll.ElseLevel().configure(label_for_charts="household differs"))
        return levels
    levels.append(custom("TRUE", "household differs (no evidence)").configure(is_null_level=True))
    return levels


def address_levels(
    columns: set[str], custom: Callable[[str, str], Any], exact: Callable[[str, str], Any]
) -> list[Any]:
    """The address levels below full agreement: the same building, then the same street.

    The building is the house number with the street or with the postcode
    (:func:`safelink.normalise.rules.address_parts`): ``Flat 1, 21 Ash Grove`` and ``21A Ash
    Grove`` are one building, which the full-address tokens cannot say.
    """
    levels = []
    building = [c for c in ("address_number_street", "address_number_postcode") if c in columns]
    if building:
        agree = " OR ".join(f'"{c}_l" = "{c}_r"' for c in building)
        levels.append(custom(f"({agree})", "same building (house number and street or postcode)"))
    if "address_street" in columns:
        levels.append(exact("address_street", "street agrees"))
    return levels


def blocking_rule(columns: Sequence[str]) -> Any:
    """Splink's blocking rule: pairs agreeing on every one of ``columns``."""
    from splink import block_on

    return block_on(*columns)
