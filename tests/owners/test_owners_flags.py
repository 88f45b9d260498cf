from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safelink.errors import ConfigError
from safelink.owners import parse_flag, parse_flags
from safelink.owners.flags import (
    And,
    Compare,
    InList,
    Linked,
    Missing,
    Not,
    Or,
    check_flags,
    condition,
)

COLUMNS = {"hospital": ("hospital_ref", "age"), "social_care": ("case_id", "care_package")}


def _problems(text: str) -> str:
    with pytest.raises(ConfigError) as caught:
        parse_flag(text)
    return str(caught.value)


def test_flags_parse_precedence_and_binds_tighter_than_or():
    rule = parse_flag("f = age >= 65 or not linked(social_care) and age is not missing")
    assert rule.name == "f"
    assert rule.node == Or(
        (Compare("age", ">=", 65.0), And((Not(Linked("social_care", None)), Missing("age", True))))
    )


def test_flags_parse_linked_where_and_lists():
    rule = parse_flag("f=linked(`social care` where care_package in ('Home care', \"Day care\"))")
    assert rule.node == Linked("social care", InList("care_package", ("Home care", "Day care")))
    assert rule.sources() == ("social care",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("f=linked(", "position 8: expected a source name, found the end"),
        ("f=age >", "expected quoted text or a number"),
        ("f=age == 'x' 'y'", "expected 'and', 'or' or the end, found a string"),
        ("f=age ~ 3", "position 5: unexpected character"),
        ("f=__import__('os')", "expected a comparison"),
        ("f=(age == 1", "expected ')'"),
        ("f=age is 3", "expected 'missing'"),
        ("f=age in (1, 'a')", "all numbers or all quoted text"),
        ("and=age == 1", "NAME letters, digits"),
        ("no equals sign", "a flag is NAME=EXPRESSION"),
        ("f=", "the expression is empty"),
    ],
)
def test_flags_malformed_refused_with_position_and_expectation(text: str, expected: str):
    assert expected in _problems(text)


def test_flags_error_never_echoes_a_literal():
    message = _problems("f=nhs == '9434765919' '9990000018'")
    assert "9434765919" not in message and "9990000018" not in message


def test_flags_repeated_names_and_every_problem_listed_at_once():
    with pytest.raises(ConfigError) as caught:
        parse_flags(["a=age > 1", "a=age < 1", "b=age >"])
    problems = caught.value.problems
    assert len(problems) == 2
    assert any("given twice" in p for p in problems)


def test_flags_check_names_unknown_columns_and_sources():
    rules = parse_flags(
        [
            "a=linked(benefits)",
            "b=linked(social_care where age > 1)",
            "c=diagnosis == 'x'",
            "hospital_ref=age > 1",
            "d=linked(social_care where linked(hospital))",
        ]
    )
    with pytest.raises(ConfigError) as caught:
        check_flags(rules, "hospital", COLUMNS, reserved=["hospital_ref"])
    text = " | ".join(caught.value.problems)
    assert "unknown source 'benefits'" in text
    assert "'age' is not a content column of source 'social_care'" in text
    assert "'diagnosis' is not a content column of source 'hospital'" in text
    assert "the name is a column of the return file" in text
    assert "linked() inside a where condition is not allowed" in text


def test_flags_condition_two_valued_with_missing_values():
    frame = pl.DataFrame({"age": ["70", "40", None, "n/a"], "sex": ["1", "2", None, "1"]})

    def flag(text: str) -> list[bool]:
        node = parse_flag(f"f={text}").node
        return frame.select(condition(node, lambda _: pl.lit(False)).alias("f"))["f"].to_list()

    assert flag("age >= 65") == [True, False, False, False]
    assert flag("not age >= 65") == [False, True, True, True]
    assert flag("age is missing") == [False, False, True, False]
    assert flag("sex in ('1') and age < 65") == [False, False, False, False]
    assert flag("sex == '2' or age > 65") == [True, True, False, False]
    assert flag("age in (40, 70)") == [True, True, False, False]


_PIECES = st.sampled_from(
    [
        *"ab_ ()'\",=<>!`-.19",
        " linked",
        " where ",
        " not ",
        " and ",
        " or ",
        " in ",
        " is ",
        " missing",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_flags_any_text_parses_or_is_refused_cleanly(text: str):
    try:
        rule = parse_flag(f"f={text}")
    except ConfigError as exc:
        assert exc.problems and all(p.startswith(("flag 'f'", "a flag is")) for p in exc.problems)
    else:
        frame = pl.DataFrame(
            {"a": ["1", None], "b": ["x", "y"], "ab": ["2", "3"]},
            schema={c: pl.String for c in ("a", "b", "ab")},
        )
        columns = {"f": ("a", "b", "ab"), "ab": ("a", "b", "ab"), "a": ("a",), "b": ("b",)}
        try:
            check_flags([rule], "f", columns)
        except ConfigError:
            return
        values = frame.select(condition(rule.node, lambda _: pl.lit(True)).alias("v"))["v"]
        assert values.null_count() == 0 and values.dtype == pl.Boolean
