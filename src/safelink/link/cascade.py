"""Deterministic passes over tokens, in order, each only on records not yet linked.

Step 1 links records whose NHS-number tokens agree and whose partner tokens (by default the
date of birth) agree too: a wrong NHS number that belongs to someone else rarely shares their
date of birth. Step 2 applies the configured match keys in order. Into a source that holds one
record per person, a key links a record only when it is unique among that source's records
still unlinked (as NHS England's tracing does), so an ambiguous key never guesses; sources that
hold duplicates are also linked within themselves.

Written once as SQL (DuckDB's dialect) and run by any :class:`~safelink.engines.backend.Backend`:
per pair of sources and step, the records still unlinked are joined on the step's tokens (both
ways round for a key that pairs different columns; a null token never equals anything), then,
on a side whose other source holds one record per person, the pairs are kept only when unique
(window counts over ``node_l`` and ``node_r``). Each step's pairs are materialised, so every step's
timing is the work of that step and the plan does not grow with the number of steps.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Sequence
from typing import Any

import polars as pl

from safelink.engines.backend import Backend, run_query
from safelink.engines.sql import literal, quote
from safelink.infra.progress import stage
from safelink.link.config import LinkConfig, MatchKey

LINK_SCHEMA = {
    "node_l": pl.Int64,
    "node_r": pl.Int64,
    "step": pl.String,
    "match_weight": pl.Float64,
    "match_probability": pl.Float64,
}
"""The columns and types of links (cascade and probabilistic), by node."""
SEQUENCE = "seq"
"""Cascade-order column of the cascade's links: (pair of sources, step) in running order."""
_EMPTY_LINKS = (
    "SELECT CAST(NULL AS BIGINT) AS node_l, CAST(NULL AS BIGINT) AS node_r, "
    "CAST(NULL AS VARCHAR) AS step, CAST(NULL AS DOUBLE) AS match_weight, "
    "CAST(NULL AS DOUBLE) AS match_probability, CAST(NULL AS INTEGER) AS seq "
    "FROM (SELECT 1 AS x) AS one WHERE x = 0"
)


def empty_links() -> pl.DataFrame:
    """Return a links frame with no rows."""
    return pl.DataFrame(schema=LINK_SCHEMA)


def nhs_step(config: LinkConfig) -> MatchKey | None:
    """Return the step-1 key (NHS number and its partners), or None when disabled."""
    if not config.nhs_number_partner:
        return None
    name = "_and_".join(("nhs_number", *config.nhs_number_partner))
    pairs = (("nhs_number", "nhs_number"), *((c, c) for c in config.nhs_number_partner))
    return MatchKey(name=name, on=pairs)


def cascade_steps(config: LinkConfig) -> list[MatchKey]:
    """Return every deterministic step in the order they run."""
    if not config.cascade_enabled:
        return []
    first = nhs_step(config)
    return ([first] if first else []) + list(config.match_keys)


def source_pairs(
    sources: Sequence[str], config: LinkConfig, known: str | None = None
) -> list[tuple[str, str]]:
    """Return the source pairs to link: within each source that holds duplicates, then across.

    The ``known`` source (a person index: its persons are decided) is linked to the others only.
    """
    within = [(s, s) for s in sources if not config.one_per_person(s) and s != known]
    return within + [(a, b) for i, a in enumerate(sources) for b in sources[i + 1 :]]


FORENAME = "forename"
FORENAME_CANONICAL = "forename_canonical"
HOUSEHOLD = "household"
PROPERTY_COLUMNS = frozenset({"household", "uprn"})
"""Token columns of a home (:mod:`safelink.uprn`): two people share them."""


def twin_guard(key: MatchKey, available: Collection[str]) -> str | None:
    """SQL over ``l`` and ``r``: the twin rule for ``key``, or None when it has nothing to guard.

    Two records that agree on surname, date of birth and address but have different full
    forenames are different people (twins). A key that reads a column derived from the
    forename (initial, phonetic codes), or a home (``household``, ``uprn``), without the full
    forename would link them; so a pair it finds must also have equal full forename tokens, a
    full forename missing on either side, or equal canonical forenames (``Bill`` and
    ``William``) where the tokens carry them. Any other key without the full forename, where
    the tokens carry a household, must not join two records of one household with different
    forenames (siblings, spouses): household agreement with a forename disagreement is two
    people. A key on the NHS number is left alone: the number names one person.
    """
    columns = {c for pair in key.on for c in pair}
    derived = any(c.startswith(f"{FORENAME}_") and c != FORENAME_CANONICAL for c in columns)
    whole = {(FORENAME, FORENAME), (FORENAME_CANONICAL, FORENAME_CANONICAL)} & set(key.on)
    if whole or FORENAME not in available:
        return None
    name = quote(FORENAME)
    tests = [f"l.{name} IS NULL", f"r.{name} IS NULL", f"l.{name} = r.{name}"]
    if FORENAME_CANONICAL in available:
        canonical = quote(FORENAME_CANONICAL)
        tests.append(f"l.{canonical} = r.{canonical}")
    if derived or columns & PROPERTY_COLUMNS:
        return "(" + " OR ".join(tests) + ")"
    if HOUSEHOLD not in available or ("nhs_number", "nhs_number") in key.on:
        return None  # an NHS number names one person, whoever else lives there
    if columns & {FORENAME, FORENAME_CANONICAL}:
        return None  # the key compares whole forenames itself (reversed names too)
    home = quote(HOUSEHOLD)
    apart = [f"l.{home} IS NULL", f"r.{home} IS NULL", f"l.{home} <> r.{home}"]
    return "(" + " OR ".join(apart + tests) + ")"


def candidates_sql(
    key: MatchKey,
    *,
    same: bool,
    exclude: tuple[bool, bool],
    available: Collection[str] = (),
) -> str:
    """The SQL of one step's candidate pairs over ``{lhs}``, ``{rhs}`` (and ``{done}``).

    ``lhs`` and ``rhs`` are the records of the two sources (``node`` and token columns, the
    ``available`` ones); ``exclude`` leaves out the left, the right records with a pair in
    ``done`` (``node_l``, ``node_r``). Within one source (``same``) a pair is listed once,
    smaller node first. A key on forename-derived columns keeps the twin rule
    (:func:`twin_guard`).
    """
    orientations = [key.on]
    if any(a != b for a, b in key.on):
        orientations.append(tuple((b, a) for a, b in key.on))
    unlinked = (
        "(SELECT x.* FROM {%s} AS x LEFT JOIN {done} AS d ON d.%s = x.node WHERE d.%s IS NULL)"
    )
    left = unlinked % ("lhs", "node_l", "node_l") if exclude[0] else "{lhs}"
    right = unlinked % ("rhs", "node_r", "node_r") if exclude[1] else "{rhs}"
    guard = twin_guard(key, available)
    joins = []
    for pairs in orientations:
        on = " AND ".join(
            [f"l.{quote(a)} = r.{quote(b)}" for a, b in pairs] + ([guard] if guard else [])
        )
        joins.append(
            f"SELECT l.node AS node_l, r.node AS node_r FROM {left} AS l JOIN {right} AS r ON {on}"  # noqa: S608
        )
    found = " UNION ".join(joins)
    if same:
        found = (
            "SELECT DISTINCT least(node_l, node_r) AS node_l, greatest(node_l, node_r) AS node_r "  # noqa: S608
            f"FROM ({found}) AS found WHERE node_l <> node_r"
        )
    return found


def unique_sql(pairs: str, *, left: bool, right: bool) -> str:
    """The SQL keeping the pairs of ``pairs`` whose records appear in no other pair.

    ``left`` checks the left record, ``right`` the right one.
    """
    kept = " AND ".join(
        [c for c, wanted in (("n_l = 1", left), ("n_r = 1", right)) if wanted] or ["TRUE"]
    )
    return (
        "SELECT node_l, node_r FROM (SELECT node_l, node_r, "  # noqa: S608
        "count(*) OVER (PARTITION BY node_l) AS n_l, count(*) OVER (PARTITION BY node_r) AS n_r "
        f"FROM ({pairs}) AS pairs) AS counted WHERE {kept}"
    )


def _step_links_sql(pairs: str, key: MatchKey, sequence: int) -> str:
    return (
        f"SELECT CAST(node_l AS BIGINT) AS node_l, CAST(node_r AS BIGINT) AS node_r, "  # noqa: S608
        f"CAST({literal(key.name)} AS VARCHAR) AS step, CAST(NULL AS DOUBLE) AS match_weight, "
        f"CAST(1.0 AS DOUBLE) AS match_probability, CAST({sequence} AS INTEGER) AS seq "
        f"FROM ({pairs}) AS step_pairs"
    )


def run_cascade(
    backend: Backend,
    records: Any,
    config: LinkConfig,
    sources: Sequence[str],
    known: str | None = None,
    columns: Collection[str] = (),
) -> tuple[Any, dict[str, float]]:
    """Run the deterministic steps.

    Args:
        backend: the engine to run on.
        records: every record (``node``, ``source``, token columns), a table of ``backend``.
        config: the link settings.
        sources: source names in a fixed (sorted) order.
        known: a source never linked within itself (a person index).
        columns: the token columns ``records`` holds (the twin rule reads the full and
            canonical forenames when they are there).

    Returns:
        The links (``node_l``, ``node_r`` (smaller first within a source), ``step``,
        ``match_weight`` null, ``match_probability`` 1.0 and :data:`SEQUENCE`), a
        materialised table of ``backend``, and the seconds each step took.

    """
    steps = cascade_steps(config)
    timings: dict[str, float] = {}
    found: list[Any] = []
    by_source = {
        s: run_query(
            backend,
            f"SELECT * FROM {{records}} WHERE source = {literal(s)}",  # noqa: S608
            records=records,
        )
        for s in sources
    }
    sequence = 0
    for left_source, right_source in source_pairs(sources, config, known):
        same = left_source == right_source
        # A record links to at most one record of a source that holds one per person: in
        # each step, only records not yet linked into it, and only where the key is unique.
        one = (
            not same and config.one_per_person(right_source),
            not same and config.one_per_person(left_source),
        )
        done: Any = None
        for key in steps:
            stage(f"link: {key.name} ({left_source} with {right_source})")
            tick = time.perf_counter()
            tables = {"lhs": by_source[left_source], "rhs": by_source[right_source]}
            excluded = (one[0] and done is not None, one[1] and done is not None)
            pairs = candidates_sql(key, same=same, exclude=excluded, available=columns)
            if any(excluded):
                tables["done"] = done
            if any(one):
                pairs = unique_sql(pairs, left=one[0], right=one[1])
            step = backend.materialise(
                run_query(backend, _step_links_sql(pairs, key, sequence), **tables)
            )
            sequence += 1
            found.append(step)
            if any(one):
                if done is None:
                    done = backend.materialise(
                        run_query(backend, "SELECT node_l, node_r FROM {step}", step=step)
                    )
                else:
                    done = backend.materialise(
                        run_query(
                            backend,
                            "SELECT node_l, node_r FROM {step} "
                            "UNION ALL SELECT node_l, node_r FROM {done}",
                            step=step,
                            done=done,
                        )
                    )
            timings[key.name] = timings.get(key.name, 0.0) + time.perf_counter() - tick
    if not found:
        return backend.materialise(backend.query(_EMPTY_LINKS, {})), timings
    names = {f"s{i}": table for i, table in enumerate(found)}
    union = " UNION ALL ".join(f"SELECT * FROM {{{name}}}" for name in names)  # noqa: S608
    if not config.every_source_one_per_person(sources):
        # A pair not kept one-to-one may be found twice (by two keys): keep the first step.
        union = (
            "SELECT node_l, node_r, step, match_weight, match_probability, seq FROM ("  # noqa: S608
            "SELECT *, row_number() OVER (PARTITION BY node_l, node_r ORDER BY seq) AS first "
            f"FROM ({union}) AS every_link) AS ranked WHERE first = 1"
        )
    return backend.materialise(run_query(backend, union, **names)), timings


def residual(
    backend: Backend,
    records: Any,
    cascade: Any,
    sources: Sequence[str],
    columns: Sequence[str],
) -> list[Any]:
    """Return the records still lacking a link to some other source, one table per source.

    Args:
        backend: the engine to run on.
        records: every record (``node``, ``source``, token columns).
        cascade: the cascade's links.
        sources: source names in order.
        columns: the token columns to keep (after ``node``).

    Returns:
        One materialised table per source: ``node`` and ``columns``, ordered by ``node``.
    """
    kept = ", ".join(["node", *(quote(c) for c in columns)])
    linked = backend.materialise(
        run_query(
            backend,
            "SELECT node FROM (SELECT e.node, count(DISTINCT s.source) AS reached FROM ("  # noqa: S608
            "SELECT node_l AS node, node_r AS other FROM {cascade} "
            "UNION ALL SELECT node_r AS node, node_l AS other FROM {cascade}) AS e "
            "JOIN {records} AS s ON s.node = e.other GROUP BY e.node) AS reach "
            f"WHERE reached >= {len(sources) - 1}",
            records=records,
            cascade=cascade,
        )
    )
    # The few unlinked nodes are chosen first, then their rows (wide) are taken, in one pass.
    return [
        backend.materialise(
            run_query(
                backend,
                f"SELECT {kept} FROM {{records}} WHERE node IN (SELECT r.node FROM {{records}} "  # noqa: S608
                "AS r LEFT JOIN {linked} AS l ON l.node = r.node WHERE l.node IS NULL AND "
                f"r.source = {literal(s)}) ORDER BY node",
                records=records,
                linked=linked,
            )
        )
        for s in sources
    ]


__all__ = [
    "LINK_SCHEMA",
    "SEQUENCE",
    "cascade_steps",
    "empty_links",
    "nhs_step",
    "residual",
    "run_cascade",
    "source_pairs",
    "twin_guard",
    "unique_sql",
]
