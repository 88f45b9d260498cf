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
8. where sources are de-duplicated, dropping candidates a cascade link decided, and greedy
   one-to-one acceptance on the driver (:mod:`safelink.link.cluster`);
9. every accepted link (cascade, then probabilistic);
10. connected components (the backend's own :meth:`~safelink.engines.backend.Backend.components`);
11. person ids and each record's strongest link, collected in node order;
12. the quality report (:func:`safelink.link.quality.linkage_report`).

The driver holds the probabilistic candidates above the threshold (at most about one per
residual record), the cascade's links and the per-record result (one row per record).
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from safelink.engines.backend import Backend, run_query
from safelink.engines.sql import quote
from safelink.link import cluster, inputs
from safelink.link.cascade import LINK_SCHEMA, SEQUENCE, cascade_steps, residual, run_cascade
from safelink.link.config import LinkConfig
from safelink.link.probabilistic import (
    ModelResult,
    probability_to_weight,
    run_splink,
    skipped_model,
)
from safelink.link.quality import LinkageReport, linkage_report

PROBABILISTIC = "probabilistic"
"""The step name of links the model accepted."""


@dataclass(frozen=True, slots=True)
class LinkageResult:
    """The outcome of :func:`safelink.link.link`.

    Attributes:
        links: one row per record: ``source``, ``record_id``, ``person_id``, ``step`` (the
            strongest step that linked it; null when unlinked), ``match_weight`` and
            ``match_probability`` (of its best probabilistic link; 1.0 for deterministic).
        report: the linkage-quality report.

    """

    links: pl.DataFrame
    report: LinkageReport


def _probabilistic(
    backend: Backend,
    records: Any,
    cascade: Any,
    settings: LinkConfig,
    names: Sequence[str],
    columns: Sequence[str],
    timings: dict[str, float],
) -> ModelResult:
    tick = time.perf_counter()
    prob = settings.probabilistic
    if not prob.enabled:
        return skipped_model(probability_to_weight(prob.threshold), "disabled in the config")
    if settings.deduplicated:
        frames = residual(backend, records, cascade, names, columns)
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


def run_link(
    backend: Backend,
    tokens: Sequence[Any],
    settings: LinkConfig,
    *,
    truth: Any,
    content: Mapping[str, Any] | None,
    sources: Sequence[str] | None,
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

    Returns:
        The per-record links and the quality report.

    Raises:
        LinkageError: the inputs cannot be linked, or the model cannot be fitted.
        InputError: an input cannot be read.
    """
    started = time.perf_counter()
    loaded = inputs.load_inputs(backend, tokens, sources)
    columns = inputs.check_inputs(loaded, settings)
    timings: dict[str, float] = {}
    records = inputs.records(backend, loaded, columns)
    names = sorted({i.source for i in loaded})
    timings["load_seconds"] = time.perf_counter() - started
    cascade, step_times = run_cascade(backend, records, settings, names)
    timings.update({f"step_{k}_seconds": v for k, v in step_times.items()})
    model = _probabilistic(backend, records, cascade, settings, names, columns, timings)
    tick = time.perf_counter()
    candidates = model.pairs.filter(pl.col("match_probability") >= settings.probabilistic.threshold)
    if settings.deduplicated:
        accepted = cluster.one_to_one(cluster.undecided(backend, candidates, cascade, records))
    else:
        accepted = candidates
    accepted = accepted.select(
        "node_l", "node_r", pl.lit(PROBABILISTIC).alias("step"), "match_weight", "match_probability"
    ).cast(LINK_SCHEMA)  # type: ignore[arg-type]
    link_columns = ", ".join(LINK_SCHEMA)
    cascade_links = backend.collect(
        run_query(
            backend,
            f"SELECT {link_columns} FROM {{cascade}} ORDER BY {SEQUENCE}, node_l, node_r",  # noqa: S608
            cascade=cascade,
        )
    ).cast(LINK_SCHEMA)  # type: ignore[arg-type]
    links = pl.concat([cascade_links, accepted])
    every_link = cascade
    if accepted.height:
        every_link = run_query(
            backend,
            f"SELECT {link_columns} FROM {{cascade}} "  # noqa: S608
            f"UNION ALL SELECT {link_columns} FROM {{accepted}}",
            cascade=cascade,
            accepted=backend.table(accepted),
        )
    order = [s.name for s in cascade_steps(settings)] + [PROBABILISTIC]
    per_record = cluster.per_record(backend, records, backend.materialise(every_link), order)
    timings["cluster_seconds"] = time.perf_counter() - tick
    report = linkage_report(
        per_record=per_record,
        links=links,
        accepted=accepted,
        model=model,
        settings=settings,
        order=order,
        truth=truth,
        content=content,
        key_id=next((i.key_id for i in loaded if i.key_id), None),
        timings=timings,
        started=started,
    )
    return LinkageResult(links=per_record, report=report)


__all__ = ["PROBABILISTIC", "LinkageResult", "run_link"]
