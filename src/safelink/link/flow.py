"""One linkage run, step by step, on any backend.

The same twelve steps run on every engine, in this order, each through the
:class:`~safelink.engines.backend.Backend` (SQL in DuckDB's dialect, transpiled per engine):

1. the link settings;
2. loading the inputs into the backend's tables (:mod:`safelink.link.inputs`);
3. the input checks (keys, sources, columns);
4. the records, numbered 0.. in (source, record_id) order;
5. the deterministic cascade (:mod:`safelink.link.cascade`);
6. the probabilistic model on the residual (:mod:`safelink.link.probabilistic`; Splink
   through the database the backend calls for);
7. the candidates at or above the threshold;
8. dropping candidates within a source that holds one record per person;
9. persons: connected components of every link (the backend's own
   :meth:`~safelink.engines.backend.Backend.components`), merged best first on the driver
   where a component breaks a constraint (:func:`safelink.link.cluster.constrain`);
10. every accepted link (cascade, then probabilistic), less those a constraint refused;
11. person ids and each record's strongest link, collected in node order;
12. the quality report (:func:`safelink.link.quality.linkage_report`).

The driver holds the probabilistic candidates above the threshold (at most about one per
residual record), the cascade's links, the links of components that break a constraint and the
per-record result (one row per record).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from safelink.engines.backend import Backend, run_query
from safelink.engines.sql import literal, quote
from safelink.errors import LinkageError
from safelink.infra.progress import stage
from safelink.link import cluster, estimate, inputs
from safelink.link.cascade import LINK_SCHEMA, SEQUENCE, cascade_steps, residual, run_cascade
from safelink.link.config import LinkConfig
from safelink.link.probabilistic import (
    ModelResult,
    probability_to_weight,
    run_splink,
    skipped_model,
)
from safelink.link.quality import LinkageReport, linkage_report
from safelink.pseudonymise import RECORD_ID

PROBABILISTIC = "probabilistic"
"""The step name of links the model accepted."""
KNOWN = "person_index"
"""The step name of the links that join a person index's records of one person."""


@dataclass(frozen=True, slots=True)
class Known:
    """Records whose persons are decided already (a person index), linked to the others only.

    Attributes:
        source: their source name in this run.
        tokens: ``record_id``, ``person_id`` and token columns, one row per record.
        key_id: the link key id their tokens were made under.
    """

    source: str
    tokens: pl.DataFrame
    key_id: str | None


@dataclass(frozen=True, slots=True)
class LinkageResult:
    """The outcome of :func:`safelink.link.link`.

    Attributes:
        links: one row per record: ``source``, ``record_id``, ``person_id``, ``step`` (the
            strongest step that linked it; null when unlinked), ``match_weight`` and
            ``match_probability`` (of its best probabilistic link; 1.0 for deterministic).
            A polars DataFrame; pandas when :func:`safelink.link.link` was given pandas.
        report: the linkage-quality report.

    """

    links: Any
    report: LinkageReport


def _probabilistic(
    backend: Backend,
    records: Any,
    cascade: Any,
    settings: LinkConfig,
    names: Sequence[str],
    columns: Sequence[str],
    timings: dict[str, float],
    known: str | None,
) -> ModelResult:
    tick = time.perf_counter()
    prob = settings.probabilistic
    if not prob.enabled:
        return skipped_model(probability_to_weight(prob.threshold), "disabled in the config")
    if settings.every_source_one_per_person([n for n in names if n != known]):
        # A known source (a person index) is linked to the others only: link_only suits it.
        frames = residual(backend, records, cascade, names, columns)
        if known is not None:
            at = names.index(known)
            frames[at] = _blocked_with_new(backend, frames, at, prob.blocking)
        result = run_splink(frames, prob, link_type="link_only", backend=backend)
    else:
        kept = ", ".join(["node", *(quote(c) for c in columns)])
        frame = backend.materialise(
            run_query(backend, f"SELECT {kept} FROM {{records}} ORDER BY node", records=records)  # noqa: S608
        )
        result = run_splink([frame], prob, link_type="dedupe_only", backend=backend)
    timings["step_probabilistic_seconds"] = time.perf_counter() - tick
    timings.update({f"probabilistic_{k}": v for k, v in result.timings.items()})
    return result


def _blocked_with_new(
    backend: Backend, frames: Sequence[Any], at: int, rules: Sequence[Sequence[str]]
) -> Any:
    """The known records of ``frames[at]`` that some blocking rule pairs with a new record.

    Only these can be scored, so the model's work grows with the delivery, not the index.
    """
    others = {f"n{i}": frame for i, frame in enumerate(frames) if i != at}
    new = " UNION ALL ".join(f"SELECT * FROM {{{name}}}" for name in others)  # noqa: S608
    matched = " UNION ".join(
        f"SELECT k.node FROM {{known}} AS k JOIN (SELECT DISTINCT {', '.join(map(quote, rule))} "  # noqa: S608
        f"FROM ({new}) AS n_all) AS n ON "
        + " AND ".join(f"k.{quote(c)} = n.{quote(c)}" for c in rule)
        for rule in rules
    )
    return backend.materialise(
        run_query(
            backend,
            f"SELECT * FROM {{known}} WHERE node IN ({matched}) ORDER BY node",  # noqa: S608
            known=frames[at],
            **others,
        )
    )


def _with_known(settings: LinkConfig, sources: Sequence[str], known: str) -> LinkConfig:
    """``settings`` with the known source declared as holding several records per person."""
    if known in sources:
        raise LinkageError(
            f"{known!r} is the person index's source name; give the extract another source name."
        )
    named = {s: settings.one_per_person(s) for s in sources if not settings.unnamed_sources([s])}
    return dataclasses.replace(settings, one_record_per_person={**named, known: False})


_KNOWN_LINKS = """
WITH members AS (
    SELECT r.node, k.person_id FROM {records} AS r
    JOIN {persons} AS k ON k.record_id = r.record_id WHERE r.source = SOURCE
),
firsts AS (SELECT person_id, min(node) AS first FROM members GROUP BY person_id)
SELECT f.first AS node_l, m.node AS node_r, STEP AS step,
    CAST(NULL AS DOUBLE) AS match_weight, CAST(1.0 AS DOUBLE) AS match_probability,
    CAST(-1 AS INTEGER) AS seq
FROM members AS m JOIN firsts AS f ON f.person_id = m.person_id WHERE m.node <> f.first
"""


def _with_known_links(backend: Backend, cascade: Any, records: Any, known: Known) -> Any:
    """The cascade's links and the links joining each known person's records (first)."""
    sql = _KNOWN_LINKS.replace("SOURCE", literal(known.source)).replace("STEP", literal(KNOWN))
    persons = backend.table(known.tokens.select(RECORD_ID, "person_id"))
    joined = run_query(backend, sql, records=records, persons=persons)
    return backend.materialise(
        run_query(
            backend,
            "SELECT * FROM {joined} UNION ALL SELECT * FROM {cascade}",
            joined=joined,
            cascade=cascade,
        )
    )


def _without(links: pl.DataFrame, refused: pl.DataFrame) -> pl.DataFrame:
    """``links`` less the ``refused`` ones (the same nodes and step), order kept."""
    if refused.is_empty():
        return links
    return links.join(refused, on=["node_l", "node_r", "step"], how="anti", maintain_order="left")


def _across_or_within_duplicates(
    backend: Backend, candidates: pl.DataFrame, records: Any, one_per_person: Sequence[str]
) -> pl.DataFrame:
    """Drop candidate pairs within a source that holds one record per person."""
    if candidates.is_empty() or not one_per_person:
        return candidates
    sources = backend.collect(
        run_query(
            backend,
            "SELECT node, source FROM {records} WHERE node IN (SELECT node_l FROM {c}) "
            "OR node IN (SELECT node_r FROM {c})",
            records=records,
            c=backend.table(candidates.select("node_l", "node_r")),
        )
    ).cast({"node": pl.Int64})
    left = sources.rename({"node": "node_l", "source": "source_l"})
    right = sources.rename({"node": "node_r", "source": "source_r"})
    tagged = candidates.join(left, on="node_l", how="left", maintain_order="left").join(
        right, on="node_r", how="left", maintain_order="left"
    )
    within = (pl.col("source_l") == pl.col("source_r")) & pl.col("source_l").is_in(
        list(one_per_person)
    )
    return tagged.filter(~within).drop("source_l", "source_r")


def run_link(
    backend: Backend,
    tokens: Sequence[Any],
    settings: LinkConfig,
    *,
    truth: Any,
    content: Mapping[str, Any] | None,
    sources: Sequence[str] | None,
    known: Known | None = None,
) -> LinkageResult:
    """Link ``tokens`` on ``backend`` (see the module docstring for the steps).

    Args:
        backend: the engine to run on.
        tokens: tokens files, pseudonymisation results or frames (see
            :mod:`safelink.link.inputs`).
        settings: the link settings.
        truth: optional ground truth (path or frame).
        content: optional content frames or files by source (bias table).
        sources: source names for plain frames.
        known: a person index's records: never linked within themselves, each person's records
            joined by the strongest links (step :data:`KNOWN`); its rows are in the result.

    Returns:
        The per-record links and the quality report.

    Raises:
        LinkageError: the inputs cannot be linked, or the model cannot be fitted.
        InputError: an input cannot be read.
    """
    started = time.perf_counter()
    loaded = inputs.load_inputs(backend, tokens, sources)
    if known is not None:
        settings = _with_known(settings, [i.source for i in loaded], known.source)
        loaded.append(inputs.known_input(backend, known.tokens, known.source, known.key_id))
    settings = settings.for_columns(inputs.shared_columns(loaded))
    columns = inputs.check_inputs(loaded, settings)
    timings: dict[str, float] = {}
    records = inputs.records(backend, loaded, columns)
    names = sorted({i.source for i in loaded})
    timings["load_seconds"] = time.perf_counter() - started
    known_source = known.source if known is not None else None
    cascade, step_times = run_cascade(backend, records, settings, names, known_source, columns)
    timings.update({f"step_{k}_seconds": v for k, v in step_times.items()})
    if known is not None:
        cascade = _with_known_links(backend, cascade, records, known)
    stage("link: probabilistic model")
    model = _probabilistic(
        backend, records, cascade, settings, names, columns, timings, known_source
    )
    stage("link: clusters and constraints")
    tick = time.perf_counter()
    one_per_person = [n for n in names if settings.one_per_person(n)]
    candidates = model.pairs.filter(pl.col("match_probability") >= settings.probabilistic.threshold)
    candidates = _across_or_within_duplicates(
        backend, candidates, records, [*one_per_person, *([known_source] if known_source else [])]
    )
    candidates = candidates.select(
        "node_l", "node_r", pl.lit(PROBABILISTIC).alias("step"), "match_weight", "match_probability"
    ).cast(LINK_SCHEMA)  # type: ignore[arg-type]
    link_columns = ", ".join(LINK_SCHEMA)
    every_link = cascade
    if candidates.height:
        every_link = backend.materialise(
            run_query(
                backend,
                f"SELECT {link_columns}, {SEQUENCE} FROM {{cascade}} "  # noqa: S608
                f"UNION ALL SELECT {link_columns}, CAST(NULL AS INTEGER) AS {SEQUENCE} "
                "FROM {candidates}",
                cascade=cascade,
                candidates=backend.table(candidates),
            )
        )
    order = [s.name for s in cascade_steps(settings)] + [PROBABILISTIC]
    if known is not None:
        order = [KNOWN, *order]
    persons = cluster.constrain(
        backend,
        records,
        every_link,
        order,
        one_per_person=one_per_person,
        keep_apart_nhs=settings.keep_apart_different_nhs_numbers,
    )
    refused = persons.refused
    accepted_link = every_link
    if refused.height:
        accepted_link = backend.materialise(
            run_query(
                backend,
                f"SELECT {', '.join('k.' + c for c in LINK_SCHEMA)} FROM {{links}} AS k "  # noqa: S608
                "LEFT JOIN {refused} AS x ON x.node_l = k.node_l AND x.node_r = k.node_r "
                "AND x.step = k.step WHERE x.node_l IS NULL",
                links=every_link,
                refused=backend.table(refused),
            )
        )
    cascade_links = backend.collect(
        run_query(
            backend,
            f"SELECT {link_columns} FROM {{cascade}} ORDER BY {SEQUENCE}, node_l, node_r",  # noqa: S608
            cascade=cascade,
        )
    ).cast(LINK_SCHEMA)  # type: ignore[arg-type]
    cascade_links = _without(cascade_links, refused)
    accepted = _without(candidates, refused).sort("node_l", "node_r")
    links = pl.concat([cascade_links, accepted])
    per_record = cluster.per_record(backend, records, accepted_link, persons.labels, order)
    timings["cluster_seconds"] = time.perf_counter() - tick
    stage("link: whole-flow estimates and report")
    estimates = estimate.whole_flow(
        backend,
        records,
        columns,
        links,
        refused,
        model,
        order,
        probabilistic=PROBABILISTIC,
        recall_floor=settings.recall_floor,
    )
    report = linkage_report(
        per_record=per_record,
        links=links,
        accepted=accepted,
        model=model,
        settings=settings,
        order=order,
        refused=refused,
        estimates=estimates,
        truth=truth,
        content=content,
        key_id=next((i.key_id for i in loaded if i.key_id), None),
        timings=timings,
        started=started,
    )
    return LinkageResult(links=per_record, report=report)


__all__ = ["KNOWN", "PROBABILISTIC", "Known", "LinkageResult", "run_link"]
