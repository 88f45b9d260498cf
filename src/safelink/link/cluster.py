"""From pairwise links to persons, with a person id that does not depend on record order.

Persons are the connected components of the links (each backend's
:meth:`~safelink.engines.backend.Backend.components`), except where a component would break a
constraint: two records of a source that holds one record per person, or two different
NHS-number tokens. There the links are merged best first (cascade links in step order, then
probabilistic links by weight) and a link that would break a constraint is refused
(:func:`constrain`). A person's id is ``psn_`` and the first
20 hex digits of the SHA-256 of its members' sorted node numbers joined by newlines. Nodes
are numbered from the tokens (:func:`safelink.link.inputs.records`), so the same extracts give
the same ids in any row order and whatever record ids pseudonymise drew.

Everything but the best-first merge is SQL run by the backend; the merge runs on the driver
over the links of the components that break a constraint only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from safelink.engines.backend import Backend, full_sql, run_query
from safelink.engines.sql import literal
from safelink.link.cascade import SEQUENCE
from safelink.pseudonymise import RECORD_ID

PER_RECORD_SCHEMA = {
    "source": pl.String(),
    RECORD_ID: pl.String(),
    "person_id": pl.String(),
    "step": pl.String(),
    "match_weight": pl.Float64(),
    "match_probability": pl.Float64(),
}
"""The columns and types of the per-record links (:attr:`LinkageResult.links`)."""

#: Why a link was refused, by constraint (the report's names).
ONE_RECORD_PER_PERSON = "one_record_per_person"
DIFFERENT_NHS_NUMBERS = "different_nhs_numbers"
REFUSED_SCHEMA = {
    "node_l": pl.Int64(),
    "node_r": pl.Int64(),
    "step": pl.String(),
    "constraint": pl.String(),
}
"""The columns and types of the links a constraint refused."""

_CONFLICTED = """
SELECT c.label FROM {labels} AS c JOIN {members} AS m ON m.node = c.node GROUP BY c.label
HAVING count(CASE WHEN m.source IN (ONE_PER_PERSON) THEN 1 END)
    > count(DISTINCT CASE WHEN m.source IN (ONE_PER_PERSON) THEN m.source END)
    OR count(DISTINCT m.nhs) > 1
"""
_TRUSTED_NHS = """
WITH disputed AS (
    SELECT nhs_number FROM {records} WHERE nhs_number IS NOT NULL
    GROUP BY nhs_number HAVING count(DISTINCT date_of_birth) > 1
)
SELECT r.node, r.source, CASE WHEN d.nhs_number IS NULL THEN r.nhs_number END AS nhs
FROM {records} AS r LEFT JOIN disputed AS d ON d.nhs_number = r.nhs_number
"""


@dataclass(frozen=True, slots=True)
class Persons:
    """Persons after the constraints: each linked node's label and the links refused.

    Attributes:
        labels: ``node``, ``label`` (a table of the backend) for every node with an accepted
            link; a label is the smallest node of its person.
        refused: the links a constraint refused (``node_l``, ``node_r``, ``step``,
            ``constraint``), on the driver.
    """

    labels: Any
    refused: pl.DataFrame


def constrain(
    backend: Backend,
    records: Any,
    links: Any,
    order: Sequence[str],
    *,
    one_per_person: Sequence[str],
    keep_apart_nhs: bool,
) -> Persons:
    """Group records into persons, never breaking a constraint; best links first.

    A person holds at most one record of each source in ``one_per_person``. With
    ``keep_apart_nhs``, records with different NHS-number tokens (of the tokens never seen with
    two dates of birth: :func:`_members`) are never joined by a chain of links or by a link
    within one source; a link directly between two sources' records that disagree is judged by
    its own evidence (:func:`_across_providers`). Links are merged best first: cascade
    links in step order (then by source pair and node), then probabilistic links by match
    probability and weight (then by node); a link that would join two records a constraint
    keeps apart is refused. Only the components of all links that break a constraint are
    merged one link at a time on the driver (their links are few); every other component is
    a person as it stands, which merging best first would give too.

    Args:
        backend: the engine to run on.
        records: every record (``node``, ``source``, token columns).
        links: every candidate link (``node_l``, ``node_r``, ``step``, ``match_weight``,
            ``match_probability``, :data:`~safelink.link.cascade.SEQUENCE` (null for
            probabilistic links)), a table of ``backend``.
        order: step names, strongest first.
        one_per_person: the sources that hold at most one record per person.
        keep_apart_nhs: keep records with different NHS-number tokens apart.

    Returns:
        The persons' labels and the refused links.
    """
    labels = backend.materialise(
        backend.components(run_query(backend, "SELECT node_l, node_r FROM {links}", links=links))
    )
    sql = full_sql(backend)
    members = _members(backend, records, keep_apart_nhs=keep_apart_nhs)
    sources = ", ".join(literal(s) for s in one_per_person) or "NULL"
    conflicted = sql.materialise(
        run_query(
            sql, _CONFLICTED.replace("ONE_PER_PERSON", sources), labels=labels, members=members
        )
    )
    if sql.collect(run_query(sql, "SELECT count(*) AS n FROM {c}", c=conflicted))["n"][0] == 0:
        return Persons(labels=labels, refused=pl.DataFrame(schema=REFUSED_SCHEMA))
    within = "JOIN {labels} AS c ON c.node = KEY JOIN {conflicted} AS b ON b.label = c.label"
    contested_members = sql.collect(
        run_query(
            sql,
            "SELECT m.node, m.source, m.nhs FROM {members} AS m "  # noqa: S608
            + within.replace("KEY", "m.node"),
            members=members,
            labels=labels,
            conflicted=conflicted,
        )
    )
    contested = sql.collect(
        run_query(
            sql,
            f"SELECT k.node_l, k.node_r, k.step, k.match_weight, k.match_probability, "  # noqa: S608
            f"k.{SEQUENCE} AS seq FROM {{links}} AS k " + within.replace("KEY", "k.node_l"),
            links=links,
            labels=labels,
            conflicted=conflicted,
        )
    )
    relabel, refused = _merge_best_first(contested, contested_members, order, set(one_per_person))
    merged = run_query(
        sql,
        "SELECT c.node, coalesce(n.label, c.label) AS label FROM {labels} AS c "
        "LEFT JOIN {relabel} AS n ON n.node = c.node",
        labels=labels,
        relabel=sql.table(relabel),
    )
    if sql is backend:
        return Persons(labels=backend.materialise(merged), refused=refused)
    return Persons(labels=backend.table(sql.collect(merged)), refused=refused)


def _members(backend: Backend, records: Any, *, keep_apart_nhs: bool) -> Any:
    """Each record's ``node``, ``source`` and the NHS-number token that keeps it apart.

    The token is null without ``keep_apart_nhs``, and where the same NHS-number token comes
    with two different date-of-birth tokens: such a number is wrong on one of its records
    (usually another person's number, as tracing errors are), so it keeps no one apart.
    """
    columns = backend.collect(
        run_query(backend, "SELECT * FROM {records} LIMIT 0", records=records)
    ).columns
    if not keep_apart_nhs or "nhs_number" not in columns:
        return backend.materialise(
            run_query(
                backend,
                "SELECT node, source, CAST(NULL AS VARCHAR) AS nhs FROM {records}",
                records=records,
            )
        )
    if "date_of_birth" not in columns:
        return backend.materialise(
            run_query(
                backend, "SELECT node, source, nhs_number AS nhs FROM {records}", records=records
            )
        )
    return backend.materialise(run_query(backend, _TRUSTED_NHS, records=records))


def _across_providers(left: tuple[str, str | None], right: tuple[str, str | None]) -> bool:
    """Whether a link joins two sources' records that both carry an NHS number.

    Providers trace NHS numbers independently, so where two of them disagree on the very
    records a link joins, the link's own evidence decides (one of them is often wrong); a
    disagreement within one provider, or between records the link does not join (a chain), keeps
    the records apart.
    """
    (source_l, nhs_l), (source_r, nhs_r) = left, right
    return source_l != source_r and nhs_l is not None and nhs_r is not None


def _merge_best_first(
    links: pl.DataFrame,
    members: pl.DataFrame,
    order: Sequence[str],
    one_per_person: set[str],
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Union-find over ``links`` best first; return (``node``, ``label``) and refused links."""
    rank = {step: i for i, step in enumerate(order)}
    ordered = links.with_columns(
        pl.col("step").replace_strict(rank, default=len(order)).alias("rank")
    ).sort(
        ["rank", "seq", "match_probability", "match_weight", "node_l", "node_r"],
        descending=[False, False, True, True, False, False],
        nulls_last=True,
    )
    parent: dict[int, int] = {}
    sources: dict[int, set[str]] = {}
    numbers: dict[int, set[str]] = {}
    own: dict[int, tuple[str, str | None]] = {}
    for node, source, nhs in members.select("node", "source", "nhs").iter_rows():
        parent[node] = node
        own[node] = (source, nhs)
        sources[node] = {source} if source in one_per_person else set()
        numbers[node] = {nhs} if nhs is not None else set()

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    refused: list[tuple[int, int, str, str]] = []
    for left, right, step in ordered.select("node_l", "node_r", "step").iter_rows():
        a, b = root(left), root(right)
        if a == b:
            continue
        if sources[a] & sources[b]:
            refused.append((left, right, step, ONE_RECORD_PER_PERSON))
            continue
        apart = numbers[a] and numbers[b] and numbers[a].isdisjoint(numbers[b])
        if apart and not _across_providers(own[left], own[right]):
            refused.append((left, right, step, DIFFERENT_NHS_NUMBERS))
            continue
        small, large = (a, b) if a < b else (b, a)
        parent[large] = small
        sources[small] |= sources.pop(large)
        numbers[small] |= numbers.pop(large)
    labels = pl.DataFrame(
        {"node": list(parent), "label": [root(n) for n in parent]},
        schema={"node": pl.Int64(), "label": pl.Int64()},
    )
    return labels, pl.DataFrame(refused, schema=REFUSED_SCHEMA, orient="row")


_PER_RECORD = """
WITH labelled AS (
    SELECT r.node, r.source, r.record_id, coalesce(c.label, r.node) AS label
    FROM {records} AS r LEFT JOIN {labels} AS c ON c.node = r.node
),
persons AS (
    SELECT label, 'psn_' || substr(sha256(array_to_string(
        list_sort(list(CAST(node AS VARCHAR))), chr(10))), 1, 20) AS person_id
    FROM labelled GROUP BY label
),
ends AS (
    SELECT node_l AS node, step, match_weight, match_probability FROM {links}
    UNION ALL SELECT node_r AS node, step, match_weight, match_probability FROM {links}
),
ranked AS (
    SELECT node, step, match_weight, match_probability, row_number() OVER (
        PARTITION BY node ORDER BY STEP_RANK,
        match_probability DESC, match_weight DESC NULLS LAST
    ) AS strongest
    FROM ends
)
SELECT l.source, l.record_id, p.person_id, b.step, b.match_weight, b.match_probability
FROM labelled AS l
JOIN persons AS p ON p.label = l.label
LEFT JOIN (SELECT * FROM ranked WHERE strongest = 1) AS b ON b.node = l.node
ORDER BY l.node
"""


def _per_record_sql(order: Sequence[str]) -> str:
    """The per-record query, steps ranked in ``order`` (strongest first)."""
    cases = " ".join(f"WHEN {literal(step)} THEN {i}" for i, step in enumerate(order))
    return _PER_RECORD.replace("STEP_RANK", f"CASE step {cases} ELSE {len(order)} END")


def per_record(
    backend: Backend, records: Any, links: Any, labels: Any, order: Sequence[str]
) -> pl.DataFrame:
    """Persons and each record's strongest link, one row per record in node order.

    Args:
        backend: the engine to run on.
        records: every record (``node``, ``source``, ``record_id``, ...).
        links: every accepted link (``node_l``, ``node_r``, ``step``, ``match_weight``,
            ``match_probability``), a table of ``backend``.
        labels: each linked node's person label (:attr:`Persons.labels`).
        order: step names, strongest first.

    Returns:
        ``source``, ``record_id``, ``person_id``, ``step`` (null when unlinked),
        ``match_weight`` and ``match_probability``, on the driver.
    """
    nodes = run_query(backend, "SELECT node, source, record_id FROM {records}", records=records)
    sql = full_sql(backend)
    table = run_query(sql, _per_record_sql(order), records=nodes, labels=labels, links=links)
    return sql.collect(table).cast(PER_RECORD_SCHEMA)  # type: ignore[arg-type]


__all__ = [
    "DIFFERENT_NHS_NUMBERS",
    "ONE_RECORD_PER_PERSON",
    "PER_RECORD_SCHEMA",
    "REFUSED_SCHEMA",
    "Persons",
    "constrain",
    "per_record",
]
