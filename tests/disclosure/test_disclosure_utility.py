"""Utility metrics beside every check and search result: hand-computed cases and the reports."""

from __future__ import annotations

import polars as pl
import pytest

from safelink.disclosure import (
    AgeHierarchy,
    Frame,
    KAnonymity,
    anonymise,
    check,
    check_frame,
    minimal_generalisation,
    parse_disclosure_config,
    utility,
)
from safelink.errors import InputError

# original ages 41..47 (6 rows, 6 values); released as bands, the 47-year-old suppressed:
# class 40-44: y = 1, 1, 0 (3 rows, majority 2); class 45-49: y = 0, 1 (2 rows, a tie)
ORIGINAL = pl.DataFrame({"age": ["41", "42", "43", "45", "46", "47"], "y": [1, 1, 0, 0, 1, 1]})
RELEASE = pl.DataFrame({"age": ["40-44"] * 3 + ["45-49"] * 2, "y": [1, 1, 0, 0, 1]})


def test_utility_hand_computed_with_original_suppressed_and_tie() -> None:
    got = utility(RELEASE, ["age"], k=2, target="y", original=ORIGINAL)
    assert (got.rows, got.suppressed_rows, got.classes) == (5, 1, 2)
    assert got.average_class_size == pytest.approx(2.5)
    assert got.c_avg == pytest.approx(1.25)  # (5 / 2) / 2
    assert got.discernibility == pytest.approx(3**2 + 2**2 + 1 * 6)  # suppressed * N
    # wrong by majority vote: 1 in 40-44, 1 in the tied 45-49, plus the suppressed row
    assert got.classification_metric == pytest.approx((1 + 1 + 1) / 6)
    assert got.quasi_identifiers["age"].distinct_before == 6
    assert got.quasi_identifiers["age"].distinct_after == 2
    assert got.non_uniform_entropy is None  # only the search maps records to originals


def test_utility_without_k_divides_by_smallest_class_as_pycanon() -> None:
    got = utility(RELEASE, ["age"])
    assert (got.k, got.c_avg, got.suppressed_rows) == (2, pytest.approx(1.25), 0)
    assert got.quasi_identifiers["age"].distinct_before is None


def test_utility_missing_quasi_identifier_is_a_value_of_its_own() -> None:
    data = pl.DataFrame({"age": ["40-44", None, None, "40-44"]})
    got = utility(data, ["age"], k=2)
    assert got.classes == 2 and got.quasi_identifiers["age"].distinct_after == 2
    assert got.discernibility == pytest.approx(2**2 + 2**2)


def test_utility_person_column_counts_rows_and_wildcard_keeps_own_classes() -> None:
    data = pl.DataFrame({"age": ["a", "a", "a", None], "pid": [1, 1, 2, 3], "y": [0, 0, 1, 1]})
    got = utility(data, ["age"], target="y", person="pid")
    assert got.rows == 4 and got.discernibility == pytest.approx(3**2 + 1**2)
    # class a: persons 1 (y 0) and 2 (y 1): the majority holds half of its 3 rows' persons
    assert got.classification_metric == pytest.approx((3 * 0.5 + 0) / 4)


def test_utility_original_smaller_than_release_input_error() -> None:
    with pytest.raises(InputError, match="fewer rows"):
        utility(ORIGINAL, ["age"], original=RELEASE.head(2))


def test_check_report_utility_in_json_and_console_target_from_config() -> None:
    config = parse_disclosure_config(
        {"profile": {"name": "tre", "k": 2}, "quasi_identifiers": ["age"], "target": "y"}
    )
    report = check(RELEASE, config)
    assert report.utility is not None
    assert report.to_dict()["utility"]["classification_metric"] == pytest.approx(2 / 5)
    assert report.to_dict()["utility"]["c_avg"] == pytest.approx(1.25)
    lines = dict(report.lines())
    assert lines["discernibility"] == "13"
    assert lines["classification metric (y)"] == "0.4000"
    assert lines["distinct values before / after (age)"] == "- / 2"


def test_check_frame_target_not_a_column_input_error() -> None:
    with pytest.raises(InputError, match="target 'nope' is not a column"):
        check_frame(Frame(RELEASE, quasi=["age"]), profile="tre", target="nope")


def test_anonymise_report_utility_before_after_suppressed_and_search_entropy() -> None:
    ages = pl.DataFrame({"age": list(range(20, 80)) * 3, "y": [0, 1, 1] * 60})
    config = parse_disclosure_config(
        {
            "profile": {"name": "tre", "k": 3, "max_suppression": 0.1},
            "quasi_identifiers": ["age"],
            "target": "y",
            "search": {},
        }
    )
    result = anonymise(ages, config)
    useful = result.report.utility
    assert result.report.passed and useful is not None and result.search is not None
    assert useful.quasi_identifiers["age"].distinct_before == 60
    assert useful.quasi_identifiers["age"].distinct_after == result.search.best.classes
    assert useful.non_uniform_entropy == pytest.approx(result.search.best.non_uniform_entropy)
    assert useful.suppressed_rows == result.search.best.suppressed_rows


def test_minimal_generalisation_candidate_utility_beside_loss() -> None:
    data = pl.DataFrame({"age": list(range(20, 80)) * 2, "y": [0, 1] * 60})
    result = minimal_generalisation(
        data,
        {"age": AgeHierarchy(widths=(10, 50), top=None)},
        criteria=[KAnonymity(4)],
        max_suppression=0.0,
        target="y",
    )
    best = result.best
    assert best.levels == {"age": "band10"}
    assert best.average_class_size == pytest.approx(120 / best.classes)
    assert best.c_avg == pytest.approx(120 / best.classes / 4)
    assert best.quasi_identifiers["age"].distinct_before == 60
    assert best.quasi_identifiers["age"].distinct_after == best.classes
    # each 10-year band holds 10 ages twice, y alternating: a majority vote gets half wrong
    assert best.classification_metric == pytest.approx(0.5)
    assert result.to_dict()["best"]["quasi_identifiers"]["age"]["distinct_before"] == 60


def test_html_disclosure_section_shows_utility_and_both_risk_averages() -> None:
    from safelink.report.html import disclosure_section

    config = parse_disclosure_config(
        {"profile": {"name": "tre", "k": 2}, "quasi_identifiers": ["age"], "target": "y"}
    )
    html = disclosure_section({"report": {"report": check(RELEASE, config).to_dict()}})
    for label in ("discernibility", "C_avg", "classification metric", "per class", "per record"):
        assert label in html
