"""From pairwise links to persons, with a person id that does not depend on record order.

Where every source is de-duplicated, probabilistic links are accepted one-to-one per pair of
sources (best first; ties broken by node), after the cascade's links, which are one-to-one
already. Persons are then the connected components of the accepted links (each backend's
:meth:`~safelink.engines.backend.Backend.components`). A person's id is ``psn_`` and the first
20 hex digits of the SHA-256 of its members' sorted node numbers joined by newlines. Nodes
are numbered from the tokens (:func:`safelink.link.inputs.records`), so the same extracts give
the same ids in any row order and whatever record ids pseudonymise drew.

Everything but the greedy one-to-one pass is SQL run by the backend; the greedy pass runs on
the driver over the candidates above the threshold (at most about one per residual record).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from safelink.engines.backend import Backend, full_sql, run_query
from safelink.engines.sql import literal
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

_DECIDED = """
WITH ends AS (
    SELECT node_l AS node, node_r AS other FROM {cascade}
    UNION ALL SELECT node_r AS node, node_l AS other FROM {cascade}
),
taken AS (
    SELECT DISTINCT e.node, s.source AS other_source
    FROM ends AS e JOIN {records} AS s ON s.node = e.other
)
SELECT c.node_l, c.node_r, c.match_weight, c.match_probability,
    sl.source AS source_l, sr.source AS source_r
FROM {candidates} AS c
JOIN {records} AS sl ON sl.node = c.node_l
JOIN {records} AS sr ON sr.node = c.node_r
LEFT JOIN taken AS tl ON tl.node = c.node_l AND tl.other_source = sr.source
LEFT JOIN taken AS tr ON tr.node = c.node_r AND tr.other_source = sl.source
WHERE tl.node IS NULL AND tr.node IS NULL
"""


def undecided(
    backend: Backend, candidates: pl.DataFrame, cascade: Any, records: Any
) -> pl.DataFrame:
    """Drop candidates where a record already has a cascade link into the other's source.

    Args:
        backend: the engine to run on.
        candidates: scored pairs at or above the threshold (``node_l``, ``node_r``,
            ``match_weight``, ``match_probability``), on the driver.
        cascade: the cascade's links (a table of ``backend``).
        records: every record (``node``, ``source``, ...).

    Returns:
        The candidates kept, with ``source_l`` and ``source_r``, on the driver.
    """
    schema = {
        **dict(candidates.schema),
        "source_l": pl.String(),
        "source_r": pl.String(),
    }
    if candidates.is_empty():
        return pl.DataFrame(schema=schema)
    kept = run_query(
        backend,
        _DECIDED,
        candidates=backend.table(
            candidates.select("node_l", "node_r", "match_weight", "match_probability")
        ),
        cascade=cascade,
        records=records,
    )
    return backend.collect(kept).cast(schema)  # type: ignore[arg-type]


def one_to_one(candidates: pl.DataFrame) -> pl.DataFrame:
    """Accept candidate links best first, skipping any that would break one-to-one.

    Args:
        candidates: scored links no record of which has a link into the other's source yet
            (:func:`undecided`): ``node_l``, ``node_r``, ``match_weight``,
            ``match_probability``, ``source_l``, ``source_r``.

    Returns:
        The accepted links (``node_l``, ``node_r``, ``match_weight``, ``match_probability``),
        ordered by node.

    """
    columns = ["node_l", "node_r", "match_weight", "match_probability"]
    if candidates.is_empty():
        return candidates.select(columns)
    ordered = candidates.sort(
        ["match_probability", "match_weight", "node_l", "node_r"],
        descending=[True, True, False, False],
    )
    taken: set[tuple[int, str]] = set()
    keep: list[bool] = []
    for left, right, source_l, source_r in ordered.select(
        "node_l", "node_r", "source_l", "source_r"
    ).iter_rows():
        a, b = (left, source_r), (right, source_l)
        if a in taken or b in taken:
            keep.append(False)
            continue
        taken.add(a)
        taken.add(b)
        keep.append(True)
    return ordered.filter(pl.Series(keep)).sort("node_l", "node_r").select(columns)


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


def per_record(backend: Backend, records: Any, links: Any, order: Sequence[str]) -> pl.DataFrame:
    """Persons and each record's strongest link, one row per record in node order.

    Args:
        backend: the engine to run on.
        records: every record (``node``, ``source``, ``record_id``, ...).
        links: every accepted link (``node_l``, ``node_r``, ``step``, ``match_weight``,
            ``match_probability``), a table of ``backend``.
        order: step names, strongest first.

    Returns:
        ``source``, ``record_id``, ``person_id``, ``step`` (null when unlinked),
        ``match_weight`` and ``match_probability``, on the driver.
    """
    labels = backend.components(
        run_query(backend, "SELECT node_l, node_r FROM {links}", links=links)
    )
    nodes = run_query(backend, "SELECT node, source, record_id FROM {records}", records=records)
    sql = full_sql(backend)
    table = run_query(sql, _per_record_sql(order), records=nodes, labels=labels, links=links)
    return sql.collect(table).cast(PER_RECORD_SCHEMA)  # type: ignore[arg-type]


__all__ = ["PER_RECORD_SCHEMA", "one_to_one", "per_record", "undecided"]
