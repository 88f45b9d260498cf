r"""What counts as blank: the one definition used by normalisers, surrogates, readers and tests.

A value is blank when it is null or holds only whitespace, and whitespace is exactly the
Unicode ``White_Space`` property (25 code points). That is what polars (Rust's
``char::is_whitespace``) and Spark (Java's ``(?U)\s``) strip, so every engine agrees. Python's
``str.strip()`` and ``str.isspace()`` differ: they also treat the control characters
U+001C to U+001F (file, group, record and unit separators) as whitespace. Such a character is
data, not padding: a value holding one is not blank. Never use ``str.strip()`` to decide
whether an identifier is missing; use :func:`is_blank` or :func:`strip_blank`.
"""

from __future__ import annotations

import polars as pl

__all__ = ["WHITESPACE", "blank_to_null", "is_blank", "strip_blank"]

WHITESPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
"""The Unicode ``White_Space`` code points, the only characters stripped from a value."""


def strip_blank(text: str) -> str:
    """Return ``text`` without leading and trailing Unicode whitespace.

    Args:
        text: Any string.

    Returns:
        The string with :data:`WHITESPACE` removed from both ends (and nothing else).
    """
    return text.strip(WHITESPACE)


def is_blank(value: object) -> bool:
    """Return whether a value is missing: ``None`` or a string of whitespace only.

    Args:
        value: A cell value (``None``, a string, or anything else, which is never blank).

    Returns:
        ``True`` for ``None`` and for strings holding only :data:`WHITESPACE`.
    """
    if value is None:
        return True
    return isinstance(value, str) and strip_blank(value) == ""


def blank_to_null(expr: pl.Expr) -> pl.Expr:
    """Return a polars expression: the text trimmed of whitespace, null where it is blank.

    Args:
        expr: An expression castable to text.

    Returns:
        The trimmed text (keeping the input's name), with blank and null values as null.
    """
    text = expr.cast(pl.String).str.strip_chars(WHITESPACE)
    return pl.when(text != "").then(text)
