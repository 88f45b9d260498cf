"""The Spark backend runs the shared SQL as the local backends do."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from safelink.engines.backend import Backend, PolarsBackend, SparkBackend
from safelink.engines.sql import WHITESPACE_CLASS

pytestmark = pytest.mark.spark


def test_spark_backend_equals_polars_on_expressions_and_queries(spark: Any) -> None:
    data = pl.DataFrame({"i": [1, 2, 3], "x": ["\u00a0ab\u2003", None, "9 d"]})
    edges = f"^[{WHITESPACE_CLASS}]+|[{WHITESPACE_CLASS}]+$"
    trimmed = f"NULLIF(REGEXP_REPLACE(x, '{edges}', '', 'g'), '')"
    columns = {"y": trimmed, "digit": "REGEXP_MATCHES(x, '^[0-9]')"}
    query = "SELECT COUNT(*) AS n, COUNT(x) AS present FROM t"
    results = []
    for backend in (PolarsBackend(), SparkBackend(spark)):
        assert isinstance(backend, Backend)
        added = backend.collect(backend.with_columns(data, columns)).sort("i")
        counted = backend.collect(backend.query(query, {"t": data}))
        results.append((added.to_dicts(), counted.cast(pl.Int64).to_dicts()))
    assert results[0] == results[1]
    assert results[0][0][0]["y"] == "ab"
