"""Canonical forenames: one form per group of nicknames, equivalents and spellings of a name.

The groups come from the bundled table ``safelink/data/nicknames.csv`` (``name``, ``variant``,
``kind``, ``source``, ``edition``; its provenance is in ``safelink/data/NICKNAMES.md``). Rows of
kind ``nickname``, ``variant`` and ``equivalent`` join a name and its variant into one group;
``anglicised`` (an adopted name, not the same name) and ``ambiguous`` (a short form that is
also a name in its own right) rows do not. A variant listed under two names that nothing else
joins (``Sam``: Samuel and Samantha; ``Chris``; ``Harry``) joins neither: it stays its own
canonical form, so one short form never merges two names.

A group's canonical form is its head, the first ``name`` of the group in file order, after the
same normalisation as a forename (:func:`safelink.normalise.normalise_name`: ``Siân`` and
``SIAN`` are one name). A multi-part forename is canonicalised part by part
(``BOB JAMES`` -> ``ROBERT JAMES``); a part in no group is its own canonical form. The mapping
is plain data (:func:`forename_canonical_table`), so every engine applies the same one.
"""

from __future__ import annotations

import functools
import hashlib
import json
from importlib import resources

import polars as pl

from safelink.normalise.local import normalise_name

GROUPING_KINDS = frozenset({"nickname", "variant", "equivalent"})
"""Kinds of row that put a name and its variant in one group."""


def forename_table() -> pl.DataFrame:
    """The bundled forename variants table (every column as text, in file order)."""
    text = (resources.files("safelink") / "data" / "nicknames.csv").read_bytes()
    return pl.read_csv(text, infer_schema_length=0)


@functools.cache
def _groups() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    table = forename_table().filter(pl.col("kind").is_in(sorted(GROUPING_KINDS)))
    names = normalise_name(table.get_column("name")).values.to_list()
    variants = normalise_name(table.get_column("variant")).values.to_list()
    shown = dict(
        zip(
            [*names, *variants],
            [*table.get_column("name").to_list(), *table.get_column("variant").to_list()],
            strict=True,
        )
    )
    pairs = [(n, v) for n, v in zip(names, variants, strict=True) if n and v and n != v]
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    heads: dict[str, set[str]] = {}
    for name, variant in pairs:
        heads.setdefault(variant, set()).add(name)
        find(name)
    for name, variant in pairs:
        if len(heads[variant]) == 1:
            parent[find(variant)] = find(name)
    for variant, listed in heads.items():
        # A short form of two names joins them only when something else already does.
        if len(listed) > 1 and len({find(n) for n in listed}) == 1:
            parent[find(variant)] = find(next(iter(listed)))
    # The head of a group is its first name in file order.
    head_of: dict[str, str] = {}
    for name, _ in pairs:
        head_of.setdefault(find(name), name)
    canonical = {x: head_of.get(find(x), x) for x in list(parent)}
    members: dict[str, list[str]] = {}
    for value in dict.fromkeys([*names, *variants]):
        if value and value in canonical:
            members.setdefault(canonical[value], []).append(shown[value])
    return canonical, {head: tuple(group) for head, group in members.items()}


def forename_canonical_table() -> dict[str, str]:
    """Normalised forename -> its canonical form, for every name in a group.

    Example:
        >>> forename_canonical_table()["BOB"]
        'ROBERT'

    """
    return dict(_groups()[0])


@functools.cache
def forename_table_version() -> str:
    """A fingerprint of the forename table's mapping (``sha256:`` and 16 hex digits).

    Recorded in every tokens file with canonical-forename tokens: two files whose tables
    differ give different tokens for one name, and ``link`` refuses to compare them. It
    changes only when the mapping does (not when a source note or the file's layout does).

    Example:
        >>> forename_table_version().startswith("sha256:")
        True

    """
    mapping = sorted(forename_canonical_table().items())
    text = json.dumps(mapping, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def forename_group(canonical: str) -> tuple[str, ...]:
    """The names of a group as the table spells them, by the group's canonical form.

    Args:
        canonical: a canonical form (normalised), e.g. ``"JOHN"``.

    Returns:
        The group's names in file order (empty when the name is in no group).

    """
    return _groups()[1].get(canonical, ())


def canonical_forename_text(value: str, table: dict[str, str]) -> str:
    """The canonical form of one normalised forename, part by part.

    Args:
        value: a normalised forename (upper case, parts separated by one space).
        table: :func:`forename_canonical_table`.

    Returns:
        Each part replaced by its group's canonical form (itself when in no group).

    """
    return " ".join(table.get(part, part) for part in value.split(" "))


def forename_canonical(canonical: pl.Series) -> pl.Series:
    """Canonical forms of normalised forenames (null stays null).

    Each distinct value is mapped once, then joined back (forenames repeat a lot).
    """
    table = forename_canonical_table()
    distinct = canonical.drop_nulls().unique()
    mapped = pl.Series(
        [canonical_forename_text(v, table) for v in distinct.to_list()], dtype=pl.String
    )
    lookup = pl.DataFrame({"k": distinct.cast(pl.String), "v": mapped})
    joined = pl.DataFrame({"k": canonical.cast(pl.String)}).join(
        lookup, on="k", how="left", maintain_order="left"
    )
    return joined.get_column("v").alias(canonical.name)
