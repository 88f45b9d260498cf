"""The shared SQL layer: transpiling, the portable-regex rule and the local backends agree."""

from __future__ import annotations

import polars as pl
import pytest

from safelink.engines.backend import Backend, DuckDBBackend, PolarsBackend
from safelink.engines.sql import WHITESPACE_CLASS, Dialect, check_portable, quote, transpile

LOCAL_BACKENDS = [PolarsBackend, DuckDBBackend]


def test_transpile_rewrites_regex_functions_for_spark_and_polars() -> None:
    sql = "REGEXP_MATCHES(x, '^a')"
    assert transpile(sql, Dialect.SPARK) == "x RLIKE '^a'"
    assert transpile(sql, Dialect.POLARS) == "REGEXP_LIKE(x, '^a')"
    assert transpile(sql, Dialect.DUCKDB) == sql


@pytest.mark.parametrize("pattern", [r"\s+", r"^\d{10}$", r"\w", r"\bA", r"[\v]", r"\S"])
def test_check_portable_refuses_escapes_whose_meaning_differs(pattern: str) -> None:
    with pytest.raises(ValueError, match="not portable"):
        check_portable(pattern)


@pytest.mark.parametrize("pattern", [r"^[0-9]{10}$", r"\p{Nd}", rf"[{WHITESPACE_CLASS}]", r"\\s"])
def test_check_portable_accepts_the_portable_subset(pattern: str) -> None:
    assert check_portable(pattern) == pattern


def test_quote_doubles_inner_quotes() -> None:
    assert quote('a"b') == '"a""b"'


@pytest.mark.parametrize("make", LOCAL_BACKENDS)
def test_backends_evaluate_expressions_and_queries_alike(make: type) -> None:
    backend: Backend = make()
    assert isinstance(backend, Backend)
    data = pl.DataFrame({"i": [1, 2, 3], "x": ["\u00a0ab\u2003", None, "c d"]})
    edges = f"^[{WHITESPACE_CLASS}]+|[{WHITESPACE_CLASS}]+$"
    trimmed = f"NULLIF(REGEXP_REPLACE(x, '{edges}', '', 'g'), '')"
    added = backend.collect(backend.with_columns(data, {"y": trimmed, "x": "UPPER(x)"}))
    assert added.sort("i").to_dict(as_series=False) == {
        "i": [1, 2, 3],
        "x": ["\u00a0AB\u2003", None, "C D"],
        "y": ["ab", None, "c d"],
    }
    counted = backend.collect(
        backend.query("SELECT COUNT(*) AS n, COUNT(x) AS present FROM t", {"t": data})
    )
    assert counted.to_dicts() == [{"n": 3, "present": 2}]
