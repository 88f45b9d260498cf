r"""SQL written once: the dialects every engine reads, and the portable regex subset.

Each engine-neutral step is SQL text in DuckDB's dialect (Splink's choice), either a whole
query or a column expression. :func:`transpile` rewrites it once per dialect with sqlglot
(``REGEXP_MATCHES`` -> ``RLIKE``, the ``'g'`` flag, ``//`` -> ``DIV``, string escapes, quoting)
and caches the result. polars has no sqlglot dialect: the DuckDB text runs on polars' SQL
after the renames in ``_POLARS_RENAMES``, each covered by an equality test.

Regexes must mean the same thing in Rust (polars), RE2 (DuckDB) and Java (Spark). ``\s``,
``\d``, ``\w`` and ``\b`` are Unicode in Rust and ASCII in RE2 and Java, and Java reads ``\v``
as a class, so steps spell whitespace as :data:`WHITESPACE_CLASS` (the 25 Unicode
``White_Space`` code points as ``\x{...}``, which all three read) and digits as ``[0-9]``
(or ``\p{Nd}`` where any script's digits are meant). :func:`check_portable` enforces it.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache

import sqlglot

from safelink.infra.blank import WHITESPACE


class Dialect(StrEnum):
    """The SQL dialects the engines read."""

    POLARS = "polars"
    DUCKDB = "duckdb"
    SPARK = "spark"


WHITESPACE_CLASS = "".join(f"\\x{{{ord(c):04X}}}" for c in WHITESPACE)
"""The contents of a regex character class matching any Unicode ``White_Space`` code point."""

_POLARS_RENAMES = (("REGEXP_MATCHES(", "REGEXP_LIKE("),)
_NOT_PORTABLE = re.compile(r"(?<!\\)(?:\\\\)*\\[sSdDwWbBv]")


def quote(name: str) -> str:
    """An identifier quoted for SQL (double quotes, inner quotes doubled)."""
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    """A string literal for SQL (single quotes, inner quotes doubled)."""
    return "'" + text.replace("'", "''") + "'"


def check_portable(pattern: str) -> str:
    r"""Return ``pattern`` if it means the same in Rust, RE2 and Java regex; raise if not.

    Raises:
        ValueError: the pattern uses ``\s``, ``\d``, ``\w``, ``\b`` or ``\v`` (or their
            negations), whose meaning differs between the engines.
    """
    found = _NOT_PORTABLE.search(pattern)
    if found:
        raise ValueError(
            f"regex escape {found.group()[-2:]!r} is not portable across polars, DuckDB and "
            "Spark; use WHITESPACE_CLASS, [0-9] or \\p{Nd}, or an explicit class."
        )
    return pattern


@cache
def transpile(sql: str, dialect: Dialect) -> str:
    """``sql`` (DuckDB dialect, a query or an expression) rewritten for ``dialect``.

    Example:
        >>> transpile("REGEXP_MATCHES(x, '^a')", Dialect.SPARK)
        "x RLIKE '^a'"
    """
    if dialect is Dialect.DUCKDB:
        return sql
    if dialect is Dialect.POLARS:
        text = sqlglot.transpile(sql, read="duckdb", write="duckdb")[0]
        for old, new in _POLARS_RENAMES:
            text = text.replace(old, new)
        return text
    return sqlglot.transpile(sql, read="duckdb", write="spark")[0]


__all__ = ["WHITESPACE_CLASS", "Dialect", "check_portable", "literal", "quote", "transpile"]
