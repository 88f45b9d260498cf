"""Spike B: the steps written once as SQL, transpiled by sqlglot to each engine's dialect.

Splink's route: the SQL text is generated once (here in DuckDB's dialect, as Splink writes
its own), and ``sqlglot.transpile`` rewrites it for Spark (``RLIKE``, ``DIV``, regex flags,
string escapes). Polars runs the DuckDB text through ``polars.SQLContext`` after two
function renames. Run this file for a small self-check on DuckDB and polars SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import polars as pl
import sqlglot
from _common import (
    ASCII_TEN,
    NINE,
    PLACEHOLDER,
    POSTCODE,
    R_CHECK,
    R_FORMAT,
    R_NINE,
    R_NOT_TEN,
    R_PLACEHOLDER,
    TEN,
    WEIGHTS,
    WS,
)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _blank(column: str) -> str:
    """``blank_to_null`` in SQL: one regex trim of the Unicode whitespace, then NULLIF."""
    return f"NULLIF(REGEXP_REPLACE({_q(column)}, '^[{WS}]+|[{WS}]+$', '', 'g'), '')"


def nhs_number_sql(table: str = "t", column: str = "nhs_number") -> str:
    """SQL giving ``(i, value, reason)`` as ``normalise_nhs_number`` does."""
    digit = [f"(n // {10 ** (9 - i)}) % 10 * {w}" for i, w in enumerate(WEIGHTS)]
    return f"""
WITH s AS (
  SELECT i, REGEXP_REPLACE({_blank(column)}, '[{WS}\\-]', '', 'g') AS d FROM {table}
), c AS (
  SELECT i, d, REGEXP_MATCHES(d, '{ASCII_TEN}') AS ascii_ten,
    CAST(CASE WHEN REGEXP_MATCHES(d, '{ASCII_TEN}') THEN d ELSE '0000000000' END AS BIGINT) AS n
  FROM s
), k AS (
  SELECT *, 11 - ({" + ".join(digit)}) % 11 AS chk FROM c
), r AS (
  SELECT i, d, CASE
    WHEN d IS NULL THEN NULL
    WHEN REGEXP_MATCHES(d, '{NINE}') THEN '{R_NINE}'
    WHEN NOT REGEXP_MATCHES(d, '{TEN}') THEN '{R_NOT_TEN}'
    WHEN REGEXP_MATCHES(d, '{PLACEHOLDER}') THEN '{R_PLACEHOLDER}'
    WHEN ascii_ten AND CASE WHEN chk = 11 THEN 0 ELSE chk END <> n % 10 THEN '{R_CHECK}'
  END AS reason FROM k
)
SELECT i, CASE WHEN reason IS NULL THEN d END AS value, reason FROM r
"""


def postcode_sql(table: str = "t", column: str = "postcode") -> str:
    """SQL giving ``(i, value, reason, sector, district)`` as ``normalise_postcode`` does."""
    return f"""
WITH s AS (
  SELECT i, {_blank(column)} AS b FROM {table}
), c AS (
  SELECT i, b, REGEXP_REPLACE(UPPER(b), '[{WS}]+', '', 'g') AS c FROM s
), r AS (
  SELECT i, c, CASE
    WHEN b IS NULL THEN NULL
    WHEN NOT REGEXP_MATCHES(c, '{POSTCODE}') THEN '{R_FORMAT}'
  END AS reason,
  SUBSTRING(c, 1, LENGTH(c) - 3) AS outward FROM c
)
SELECT i,
  CASE WHEN reason IS NULL THEN outward || ' ' || RIGHT(c, 3) END AS value,
  reason,
  CASE WHEN reason IS NULL THEN outward || ' ' || SUBSTRING(RIGHT(c, 3), 1, 1) END AS sector,
  CASE WHEN reason IS NULL THEN outward END AS district
FROM r
"""


def k_anonymity_sql(quasi: Sequence[str], person: str, table: str = "t") -> str:
    """One row: k_rows, k_persons, classes, rows, persons, persons_in_several_classes."""
    keys = ", ".join(map(_q, quasi))
    p = _q(person)
    return f"""
WITH base AS (
  SELECT {keys}, {p}, COUNT(*) AS n FROM {table} GROUP BY {keys}, {p}
), classes AS (
  SELECT SUM(n) AS n_rows, COUNT(*) AS n_persons FROM base GROUP BY {keys}
), several AS (
  SELECT COUNT(*) AS c FROM (SELECT {p} FROM base GROUP BY {p} HAVING COUNT(*) > 1) AS x
)
SELECT MIN(n_rows) AS k_rows, MIN(n_persons) AS k_persons, COUNT(*) AS classes,
  SUM(n_rows) AS "rows",
  (SELECT COUNT(DISTINCT {p}) FROM {table}) AS persons,
  (SELECT c FROM several) AS persons_in_several_classes
FROM classes
"""


def distinct_l_sql(quasi: Sequence[str], attribute: str, table: str = "t") -> str:
    """One row: the fewest distinct values of ``attribute`` (NULL is a value) in a class.

    ``COUNT(DISTINCT x)`` skips NULL, so the values are grouped first and the groups counted.
    """
    keys = ", ".join(map(_q, quasi))
    return f"""
SELECT MIN(n) AS l FROM (
  SELECT COUNT(*) AS n FROM (
    SELECT {keys} FROM {table} GROUP BY {keys}, {_q(attribute)}
  ) AS v GROUP BY {keys}
) AS c
"""


def t_closeness_equal_sql(
    quasi: Sequence[str], attribute: str, person: str, table: str = "t"
) -> str:
    """One row: the largest equal-distance EMD of a class from the whole table (persons)."""
    keys = ", ".join(map(_q, quasi))
    a = _q(attribute)
    return f"""
WITH f AS (
  SELECT {keys}, {a}, CAST(COUNT(DISTINCT {_q(person)}) AS DOUBLE) AS f
  FROM {table} GROUP BY {keys}, {a}
), qp AS (
  SELECT {keys}, f / SUM(f) OVER (PARTITION BY {keys}) AS q,
    SUM(f) OVER (PARTITION BY {a}) / SUM(f) OVER () AS p
  FROM f
)
SELECT GREATEST(0.0, MAX(0.5 * (s + 1.0))) AS t FROM (
  SELECT SUM(ABS(q - p) - p) AS s FROM qp GROUP BY {keys}
) AS x
"""


@cache
def transpile(sql: str, engine: str) -> str:
    """The SQL for ``engine`` (``duckdb``, ``spark`` or ``polars``), transpiled once."""
    if engine == "polars":
        text = sqlglot.transpile(sql, read="duckdb", write="duckdb")[0]
        return text.replace("REGEXP_MATCHES(", "REGEXP_LIKE(")
    return sqlglot.transpile(sql, read="duckdb", write=engine)[0]


def run(engine: str, sql: str, tables: dict[str, Any], connection: Any = None) -> pl.DataFrame:
    """Execute ``sql`` on ``engine`` over registered ``tables`` and return a polars frame."""
    text = transpile(sql, engine)
    if engine == "polars":
        return pl.SQLContext(frames=tables).execute(text, eager=True)
    if engine == "duckdb":
        for name, table in tables.items():
            if hasattr(table, "create_view"):  # a DuckDB relation
                table.create_view(name, replace=True)
            else:
                connection.register(name, table)
        return pl.from_arrow(connection.sql(text).to_arrow_table())  # type: ignore[return-value]
    for name, table in tables.items():
        table.createOrReplaceTempView(name)
    return pl.from_arrow(connection.sql(text).toArrow())  # type: ignore[return-value]


if __name__ == "__main__":
    import duckdb
    from _common import extract_columns

    from safelink.normalise import normalise_nhs_number

    data = extract_columns(2_000)
    expected = normalise_nhs_number(data["nhs_number"])
    for engine in ("duckdb", "polars"):
        got = run(engine, nhs_number_sql(), {"t": data}, duckdb.connect()).sort("i")
        same = got["value"].equals(expected.values) and got["reason"].equals(expected.reasons)
        print(f"sql nhs_number on {engine}: {'equal' if same else 'DIFFERENT'}")
    print(transpile(nhs_number_sql(), "spark"))
