r"""Unicode NFKD with the combining marks removed, as Spark column functions (no UDF).

Spark has no Unicode normalisation function. ``NFKD, then drop combining marks`` works
character by character, so it is a fixed table: each character whose result is zero or one
character (7,000+ of them: every accented Latin, Greek and Cyrillic letter, full-width forms,
...) goes through one ``translate``; characters whose result is several characters (ligatures
``ﬁ``, ``Ĳ``, ``ǆ``, fractions, ...) below U+3000 and in the Latin presentation forms are
replaced one by one, only in rows that contain one. Known divergence from polars: Hangul
syllables, CJK compatibility and other multi-character compatibility forms at or above U+3000
are left as they are (polars decomposes them), and the table follows this Python's Unicode
version (``unicodedata.unidata_version``) while Spark's regexes follow the JVM's.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyspark.sql import Column

_MULTI_LIMIT = 0x3000
_PRESENTATION = range(0xFB00, 0xFB50)


@cache
def decomposition_tables() -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """(from, to, multi): the per-character map of NFKD-then-drop-marks."""
    sources: list[str] = []
    targets: list[str] = []
    deleted: list[str] = []
    multi: list[tuple[str, str]] = []
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) == "Cs":
            continue
        decomposed = unicodedata.normalize("NFKD", char)
        plain = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
        if plain == char:
            continue
        if len(plain) == 1:
            sources.append(char)
            targets.append(plain)
        elif not plain:
            deleted.append(char)
        elif code < _MULTI_LIMIT or code in _PRESENTATION:
            multi.append((char, plain))
    # translate() deletes source characters that have no counterpart in the target string.
    return "".join(sources + deleted), "".join(targets), tuple(multi)


def fold_accents(text: Column) -> Column:
    r"""``text`` in NFKD with the combining marks (``\p{M}``) removed."""
    from pyspark.sql import functions as F  # noqa: N812

    sources, targets, multi = decomposition_tables()
    has_multi = text.rlike("[" + "".join(_escape(c) for c, _ in multi) + "]")
    # One map lookup per character, only in the rare rows holding a multi-character form.
    table = F.create_map(*(F.lit(part) for pair in multi for part in pair))
    characters = F.split(text, "")
    expanded = F.array_join(
        F.transform(characters, lambda c: F.coalesce(F.element_at(table, c), c)), ""
    )
    chosen = F.when(has_multi, expanded).otherwise(text)
    return F.regexp_replace(F.translate(chosen, sources, targets), r"\p{M}", "")


def _escape(char: str) -> str:
    return f"\\x{{{ord(char):x}}}"
