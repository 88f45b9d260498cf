"""The SQL rules give the same values and reasons on polars and DuckDB (Spark: tests/spark).

DuckDB differs from polars (and Spark) in three documented ways, asserted below so that a
change in either engine shows: its ``UPPER`` maps one code point to one (``ß`` -> ``ẞ`` where
polars and Spark give ``SS``), its ``LOWER`` ignores context (final sigma) and the dotted
capital I's full lower case, and its Unicode tables (case pairs, ``\\p{L}``) are older than
polars'. Names are unaffected by the first (``ẞ`` is spelt ``SS`` by the rule).
"""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safelink.engines.backend import Backend, DuckDBBackend, PolarsBackend
from safelink.engines.sql import quote
from safelink.identifiers import Identifier
from safelink.normalise import NORMALISERS, normalise_date_of_birth
from safelink.normalise.rules import SHAPE_LENGTH, value_shape
from tests.normalise_cases import EDGE_VALUES, SQL_KINDS, TODAY, run


@pytest.mark.parametrize("kind", SQL_KINDS)
def test_rule_on_polars_backend_is_the_public_normaliser(kind: Identifier) -> None:
    series = pl.Series("c", EDGE_VALUES, dtype=pl.String)
    if kind is Identifier.DATE_OF_BIRTH:
        expected = normalise_date_of_birth(series, today=TODAY)
    else:
        expected = NORMALISERS[kind](series)
    pairs = list(zip(expected.values.to_list(), expected.reasons.to_list(), strict=True))
    assert run(PolarsBackend(), kind, EDGE_VALUES) == pairs


def _case_differs(ch: str) -> bool:
    """Whether DuckDB's case mapping of ``ch`` differs from polars' (below U+3000)."""
    # Full case mappings to several characters, the final sigma, and case pairs that Unicode
    # 16 added (newer than DuckDB's tables).
    return len(ch.upper()) > 1 or len(ch.lower()) > 1 or ch in "\u03a3\u019b\u0264\u1c89\u1c8a"


@pytest.mark.parametrize("kind", SQL_KINDS)
def test_rule_on_duckdb_equals_polars_on_edge_values(kind: Identifier) -> None:
    got, expected = run(DuckDBBackend(), kind, EDGE_VALUES), run(PolarsBackend(), kind, EDGE_VALUES)
    differ = [v for v, a, b in zip(EDGE_VALUES, got, expected, strict=True) if a != b]
    upper_differs = [v for v in EDGE_VALUES if v and any(map(_case_differs, v))]
    # Identifiers without special rules (and kind: other by default) are upper-cased as is.
    plain = (Identifier.HOSPITAL_NUMBER, Identifier.OTHER)
    assert differ == (upper_differs if kind in plain else [])


_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs", "Cn"], max_codepoint=0x2FFF).filter(
        lambda ch: not _case_differs(ch)
    )
    | st.sampled_from(list("0123456789/-. :@"))
)


@settings(max_examples=25, deadline=None)
@given(values=st.lists(_TEXT | st.none(), min_size=1, max_size=40))
def test_rules_on_duckdb_equal_polars_on_any_text(values: list[str | None]) -> None:
    duckdb, polars = DuckDBBackend(), PolarsBackend()
    for kind in SQL_KINDS:
        assert run(duckdb, kind, values) == run(polars, kind, values), kind


_SHAPES = {
    "NW1 4BX": "AA9 9AA",
    "943-476-591": "999-999-999",
    "12/31/1990\t": "99/99/9999 ",
    "Ze\u0301lie": "AAAAA",
    "\uff11\uff12\uff13": "999",  # full-width digits
    "ab@c.uk": "AA@A.AA",
    "x" * 30: "A" * SHAPE_LENGTH + "…",
}


@pytest.mark.parametrize("backend", [PolarsBackend(), DuckDBBackend()], ids=["polars", "duckdb"])
def test_value_shape_masks_digits_and_letters_on_each_engine(backend: Backend) -> None:
    frame = pl.DataFrame({"raw": [*_SHAPES, None]}, schema={"raw": pl.String})
    added = backend.with_columns(backend.table(frame), {"shape": value_shape(quote("raw"))})
    shapes = backend.collect(added).get_column("shape").to_list()
    assert shapes == [*_SHAPES.values(), None]


def test_duckdb_differences_are_the_documented_ones() -> None:
    duckdb, polars = DuckDBBackend(), PolarsBackend()
    # Full case mapping: polars and Spark upper-case ß to SS, DuckDB to ẞ.
    assert run(polars, Identifier.HOSPITAL_NUMBER, ["straße"]) == [("STRASSE", None)]
    assert run(duckdb, Identifier.HOSPITAL_NUMBER, ["straße"]) == [("STRAẞE", None)]
    # ...but names and addresses spell ẞ out, so they agree.
    assert run(duckdb, Identifier.SURNAME, ["straße"]) == [("STRASSE", None)]
    assert run(duckdb, Identifier.ADDRESS, ["straße"]) == [("STRASSE", None)]
    # Context-sensitive lower case (final sigma) on polars only.
    assert run(polars, Identifier.EMAIL, ["aΣ@b.c"]) == [("aς@b.c", None)]
    assert run(duckdb, Identifier.EMAIL, ["aΣ@b.c"]) == [("a\u03c3@b.c", None)]
    # A letter newer than DuckDB's Unicode tables (U+13460, Egyptian Hieroglyphs Extended-A,
    # Unicode 16): a letter to polars, not to DuckDB's regex.
    new_letter = "\U00013460"
    assert run(polars, Identifier.SURNAME, [new_letter]) == [(new_letter, None)]
    assert run(duckdb, Identifier.SURNAME, [new_letter]) == [(None, "empty_after_cleaning")]
