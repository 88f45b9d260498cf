"""One definition of blank, the same in Python helpers, polars expressions and the normalisers."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from safelink.infra.blank import WHITESPACE, blank_to_null, is_blank, strip_blank
from safelink.normalise import normalise_name, normalise_nhs_number


def test_blank_whitespace_is_what_polars_strips_by_default() -> None:
    # polars (Rust's char::is_whitespace, the Unicode White_Space property) is the reference:
    # every code point in the BMP that its default strip removes, and no other.
    chars = [chr(c) for c in range(0xFFFF) if not 0xD800 <= c <= 0xDFFF]
    stripped = pl.Series(chars).str.strip_chars().str.len_chars() == 0
    assert set(WHITESPACE) == {c for c, gone in zip(chars, stripped, strict=True) if gone}
    assert len(WHITESPACE) == 25


def test_blank_unit_separator_is_data_not_blank() -> None:
    assert "\x1f".isspace()  # Python's own view differs: that is the bug this module fixes
    assert not is_blank("\x1f")
    assert strip_blank(" \x1f ") == "\x1f"


def test_blank_polars_agrees_with_python_on_separators() -> None:
    values = ["\x1f", " ", "\u3000", "", None, " a "]
    out = pl.DataFrame({"v": values}).select(blank_to_null(pl.col("v")))["v"].to_list()
    assert [v is None for v in out] == [is_blank(v) for v in values]


@settings(max_examples=300)
@given(st.lists(st.one_of(st.none(), st.text(max_size=6)), min_size=1, max_size=20))
def test_blank_polars_expression_matches_is_blank(values: list[str | None]) -> None:
    out = pl.DataFrame({"v": values}, schema={"v": pl.String})
    trimmed = out.select(blank_to_null(pl.col("v")))["v"].to_list()
    assert [t is None for t in trimmed] == [is_blank(v) for v in values]
    assert [t for t in trimmed if t is not None] == [
        strip_blank(v) for v in values if not is_blank(v)
    ]


@settings(max_examples=200)
@given(st.lists(st.text(max_size=12), min_size=1, max_size=20))
def test_blank_normalisers_count_missing_as_is_blank(values: list[str]) -> None:
    series = pl.Series("v", values, dtype=pl.String)
    blanks = sum(is_blank(v) for v in values)
    assert normalise_nhs_number(series).missing == blanks
    assert normalise_name(series).missing == blanks
