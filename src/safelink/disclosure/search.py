"""Minimal generalisation: the least-lossy levels that meet a profile's criteria.

The lattice has one node per combination of levels (one level per quasi-identifier). The
target is a list of criteria (:mod:`safelink.disclosure.criteria`), the same list
:func:`~safelink.disclosure.check` judges, so whatever the search returns, the check passes.

Suppression, as ARX does it: at a node, the records of every class that violates at least one
criterion (too small, too few or too uneven sensitive values, too far from the table's
distribution, over the risk cap) are suppressed, and the node *satisfies* when they are at
most ``max_suppression`` of all rows and some class is kept. t-closeness compares each class
with the whole released table, which suppression changes (ARX compares with the input data;
``check`` measures the release, and the search must agree with it): so once classes are
suppressed, the classes left are measured again against the table they now form, and any
that violate it are suppressed too, until none does. ``anonymise`` then suppresses exactly
those records (:meth:`Frame.suppress <safelink.disclosure.frame.Frame.suppress>`, the same
rounds).

Monotonicity (each criterion's ``monotonic``): with k-anonymity, distinct l-diversity and
the risk cap only, a node that satisfies has only satisfying generalisations, and a node that
fails has only failing specialisations. Entropy and recursive l-diversity, t-closeness,
(alpha, k)-anonymity, beta-likeness and delta-disclosure do not have that property once
suppression (or a person column) is involved, so the search never infers their verdict: it
evaluates them on every node it keeps (and beta-likeness and delta-disclosure, like
t-closeness, against the table left after suppression).

Exact search (up to ``exact_limit`` nodes, i.e. about six quasi-identifiers): every node is
evaluated bottom-up, level by level of the lattice, each node's class table rolled up from the
smallest already-computed table of a node directly below it (a vectorised polars group-by on
integer codes; tables shrink fast as levels rise, so most nodes cost milliseconds). The loss is
not monotone once suppression is counted (a coarser node may suppress fewer records), so
nodes are not pruned by satisfaction; for non-uniform entropy they are pruned by a lower
bound (the loss before suppression, which only grows with the levels) against the best found,
so the optimum and the runners-up are still exact, whatever the criteria. The criteria are
evaluated monotonic (cheap) ones first, and a node's evaluation stops as soon as its
suppression is over the limit.

Heuristic (larger lattices): greedy bottom-up. From the bottom node, repeatedly take the
one-level step that removes the most suppression per bit of added loss until the node
satisfies; then try to lower each quasi-identifier again while it still satisfies. The result
cannot be lowered by one level, but is not guaranteed optimal; it is marked so. When every
criterion is monotonic, a node below one that failed is known to fail and is not evaluated,
and no node below the result satisfies; with other criteria one might.

Information loss of a node, with suppressed records counted as fully generalised (``*``):

- non-uniform entropy (bits): ``sum over records and columns of log2(N_g / N_v)``, where
  ``N_v`` counts the record's original value and ``N_g`` its generalised value in the data;
  also given relative to suppressing everything (0 = nothing lost, 1 = all lost);
- discernibility: ``sum over kept classes of size**2 + suppressed * N``.

Beside them, each candidate carries the other utility metrics of
:mod:`safelink.disclosure.utility`: the average class size and ``C_avg`` (normalised by the
k of a k-anonymity criterion), the distinct values of each quasi-identifier before and after,
and, given a ``target`` column, the classification metric.

The search measures classes with missing values as a value of their own. A wildcard policy
makes classes larger, which k-anonymity, distinct l and the risk cap only gain from; for the
other criteria ``anonymise`` suppresses by the wildcard classes themselves, and its report
says whether the suppression stayed within the profile's limit.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple

import numpy as np
import polars as pl

from safelink.disclosure.counts import DATA
from safelink.disclosure.criteria import (
    Criterion,
    DistinctL,
    EntropyL,
    KAnonymity,
    RecursiveCL,
    violating,
)
from safelink.disclosure.equivalence import (
    ROWS,
    prepare,
)
from safelink.disclosure.hierarchies import Hierarchy
from safelink.disclosure.lattice import COUNT, Lattice, Node
from safelink.disclosure.utility import QuasiIdentifierUtility
from safelink.engines.backend import Backend, PolarsBackend, SparkBackend
from safelink.engines.sql import quote
from safelink.errors import DisclosureRiskError, InputError


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """One combination of levels and what it costs.

    Attributes:
        levels: quasi-identifier to level name.
        node: the level indices, in quasi-identifier order.
        suppressed_rows: rows that must be suppressed at this node.
        suppressed_share: the same, as a share of all rows.
        non_uniform_entropy: information loss in bits.
        relative_loss: non-uniform entropy relative to suppressing every value.
        discernibility: the discernibility metric.
        classes: equivalence classes kept.
        average_class_size: rows kept per class kept.
        c_avg: ``average_class_size / k`` (None without a k-anonymity criterion).
        classification_metric: the share of rows a per-class majority vote on the target
            gets wrong, suppressed rows counting as wrong (None without a target).
        quasi_identifiers: distinct values per quasi-identifier, before and after.
    """

    levels: Mapping[str, str]
    node: tuple[int, ...]
    suppressed_rows: int
    suppressed_share: float
    non_uniform_entropy: float
    relative_loss: float
    discernibility: float
    classes: int
    average_class_size: float = 0.0
    c_avg: float | None = None
    classification_metric: float | None = None
    quasi_identifiers: Mapping[str, QuasiIdentifierUtility] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        out = asdict(self)
        out["levels"] = dict(self.levels)
        out["node"] = list(self.node)
        out["quasi_identifiers"] = {q: asdict(v) for q, v in self.quasi_identifiers.items()}
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchResult:
    """The chosen levels, the runners-up and how the search went.

    Attributes:
        best: the least-lossy satisfying node.
        runners_up: the next best satisfying nodes, best first.
        metric: ``"entropy"`` or ``"discernibility"``: what was minimised.
        optimal: True when the whole lattice was searched (exact), False for the heuristic.
        lattice_size: nodes in the lattice.
        evaluated: nodes whose class table was computed.
        seconds: wall time.
        target: the k, l, suppression limit and every criterion searched for.
    """

    best: Candidate
    runners_up: tuple[Candidate, ...]
    metric: str
    optimal: bool
    lattice_size: int
    evaluated: int
    seconds: float
    target: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "best": self.best.to_dict(),
            "runners_up": [c.to_dict() for c in self.runners_up],
            "metric": self.metric,
            "optimal": self.optimal,
            "lattice_size": self.lattice_size,
            "evaluated": self.evaluated,
            "seconds": round(self.seconds, 3),
            "target": dict(self.target),
        }


class _Stats(NamedTuple):
    """How a node fares: whether it satisfies, what it suppresses and what it loses."""

    passed: bool
    suppressed: int
    entropy: float
    discernibility: float
    classes: int
    distinct: tuple[int, ...] = ()
    wrong: float = 0.0


def _evaluate(
    lattice: Lattice,
    table: pl.DataFrame,
    node: Node,
    criteria: Sequence[Criterion],
    limit: int,
    *,
    count_all: bool = False,
) -> _Stats:
    """Suppressed rows, non-uniform entropy, discernibility and classes kept at a node.

    A node that suppresses more than ``limit`` rows (or every row) fails; its losses are not
    computed (inf). Unless ``count_all``, evaluation stops once the limit is passed, so the
    suppressed count of a failing node is then only a lower bound.
    """
    classes = lattice.class_table(table)
    rows = classes.classes[ROWS]
    failing = pl.Series([False] * classes.height, dtype=pl.Boolean)
    for criterion in criteria:
        failing = failing | criterion.violations(classes).fill_null(True)
        if not count_all and int(rows.filter(failing).sum()) > limit:
            return _Stats(False, int(rows.filter(failing).sum()), np.inf, np.inf, 0)
    suppressed = int(rows.filter(failing).sum())
    # Classes compared with the whole table: measure what is left against what is left.
    relative = [c for c in criteria if c.compares_with_table]
    keys = lattice.keys
    while relative and suppressed <= limit and failing.any() and not failing.all():
        kept = classes.classes.filter(~failing).select(keys)
        left = lattice.class_table(table.join(kept, on=keys, how="semi"))
        again = violating(left, relative)
        if not again.any():
            break
        newly = left.classes.filter(again).select(*keys, pl.lit(True).alias("__new"))
        marked = classes.classes.select(keys).join(
            newly, on=keys, how="left", maintain_order="left"
        )
        failing = failing | marked["__new"].fill_null(False)
        suppressed = int(rows.filter(failing).sum())
    if suppressed > limit or bool(failing.all()):
        return _Stats(False, suppressed, np.inf, np.inf, 0)
    bad = classes.classes.filter(failing)
    good = classes.classes.filter(~failing)
    entropy = lattice.bound(node)
    if suppressed:
        log_n = np.log2(lattice.rows)
        weights = bad[ROWS].to_numpy().astype(np.float64)
        for index, level in enumerate(node):
            counts = lattice.counts[index][level][bad[f"c{index}"].to_numpy()]
            entropy += float((weights * (log_n - np.log2(counts))).sum())
    rows_kept = good[ROWS].to_numpy().astype(np.float64)
    discernibility = float((rows_kept**2).sum()) + suppressed * float(lattice.rows)
    distinct = tuple(good[key].n_unique() for key in keys)
    wrong = float(suppressed)
    if lattice.target is not None:
        kept = table.join(good.select(keys), on=keys, how="semi")
        per = kept.group_by([*keys, lattice.target]).agg(pl.col(COUNT).sum())
        majority = per.group_by(keys).agg(pl.col(COUNT).max())
        wrong += float(rows_kept.sum()) - float(majority[COUNT].sum())
    return _Stats(True, suppressed, entropy, discernibility, good.height, distinct, wrong)


def minimal_generalisation(
    data: Any,
    hierarchies: Mapping[str, Hierarchy],
    *,
    criteria: Sequence[Criterion] | None = None,
    k: int | None = None,
    l: int | None = None,  # noqa: E741
    sensitive: str | None = None,
    person: str | None = None,
    max_suppression: float = 0.05,
    metric: str = "entropy",
    runners_up: int = 5,
    exact_limit: int = 20_000,
    target: str | None = None,
) -> SearchResult:
    """Find the least-lossy levels meeting every criterion within a suppression limit.

    Args:
        data: a pandas or polars DataFrame.
        hierarchies: one hierarchy per quasi-identifier (the keys are the quasi-identifiers).
        criteria: what every kept class must meet (e.g. ``profile.criteria(config)``);
            without it, ``KAnonymity(k)`` and, with ``l``, ``DistinctL(sensitive, l)``.
        k: the k-anonymity target when no criteria are given (default 5).
        l: optional distinct l-diversity target for ``sensitive`` (no criteria given).
        sensitive: the sensitive attribute for ``l``.
        person: a person id column: classes and frequencies count persons.
        max_suppression: the share of rows that may be suppressed (0 to 1).
        metric: ``"entropy"`` (non-uniform entropy) or ``"discernibility"``.
        runners_up: how many next-best nodes to report.
        exact_limit: lattices up to this many nodes are searched exactly.
        target: a column for the classification metric of each candidate (utility).

    Returns:
        A :class:`SearchResult`.

    Raises:
        InputError: bad arguments, columns or hierarchies, or a criterion that cannot be
            measured on the data.
        DisclosureRiskError: no node meets the criteria, even everything generalised.

    Example::

        profile = builtin_profile("tre")
        result = minimal_generalisation(df, hierarchies, criteria=profile.criteria(config))
    """
    started = time.perf_counter()
    problems = []
    if criteria is not None and (k is not None or l is not None or sensitive is not None):
        problems.append("give criteria, or k (and l with a sensitive attribute), not both")
    if criteria is None:
        k = 5 if k is None else k
        if isinstance(k, bool) or not isinstance(k, int) or k < 2:
            problems.append(f"k={k!r}: use k >= 2")
        if l is not None and (l < 2 or sensitive is None):
            problems.append("l needs l >= 2 and a sensitive attribute")
    elif not criteria:
        problems.append("no criteria given: name at least one")
    if not 0.0 <= max_suppression <= 1.0:
        problems.append("max_suppression must be between 0 and 1")
    if metric not in ("entropy", "discernibility"):
        problems.append(f"metric {metric!r}: use 'entropy' or 'discernibility'")
    if not hierarchies:
        problems.append("no hierarchies given: one per quasi-identifier is needed")
    if problems:
        raise InputError("minimal generalisation: " + "; ".join(problems) + ".")
    if criteria is None:
        criteria = [KAnonymity(k or 5)]
        if l is not None and sensitive is not None:
            criteria.append(DistinctL(sensitive, l))
    names = [c.name for c in criteria]
    target_settings: dict[str, Any] = {
        "k": next((c.k for c in criteria if isinstance(c, KAnonymity)), None),
        "l": next(
            (c.l for c in criteria if isinstance(c, DistinctL | EntropyL | RecursiveCL)), None
        ),
        "max_suppression": max_suppression,
        "person": person is not None,
        "criteria": names,
    }
    # cheap, monotonic criteria first: a node over the limit is seen to fail sooner
    criteria = sorted(criteria, key=lambda c: not c.monotonic)
    attributes = list(dict.fromkeys(a for c in criteria for a in c.attributes))
    measured = [*attributes, *([target] if target and target not in attributes else [])]
    counted = _counted(data, list(hierarchies), sensitive=measured, person=person)
    unmet = [p for p in (c.problem(counted.schema) for c in criteria) if p]
    if unmet:
        raise InputError("minimal generalisation: " + "; ".join(unmet) + ".")
    lattice = Lattice(counted, hierarchies, person=person, sensitive=attributes, target=target)
    limit = int(max_suppression * lattice.rows)
    size = int(np.prod(lattice.sizes))
    if size <= exact_limit:
        keep = runners_up + 1 if metric == "entropy" else None
        results, evaluated = _exact(lattice, criteria, limit, keep)
    else:
        results, evaluated = _greedy(lattice, criteria, limit)
    if not results:
        raise DisclosureRiskError(
            f"no combination of hierarchy levels meets {', '.join(names)} with at most "
            f"{max_suppression:.1%} of rows suppressed; allow more suppression or add coarser "
            "levels."
        )

    def loss(item: tuple[Node, _Stats]) -> tuple[float, int]:
        node, stats = item
        return (stats.entropy if metric == "entropy" else stats.discernibility, sum(node))

    ranked = sorted(results.items(), key=loss)
    k_target = target_settings["k"]
    candidates = [
        _candidate(lattice, node, stats, k_target) for node, stats in ranked[: runners_up + 1]
    ]
    return SearchResult(
        best=candidates[0],
        runners_up=tuple(candidates[1:]),
        metric=metric,
        optimal=size <= exact_limit,
        lattice_size=size,
        evaluated=evaluated,
        seconds=time.perf_counter() - started,
        target=target_settings,
    )


def _counted(
    data: Any, quasi: Sequence[str], *, sensitive: Sequence[str], person: str | None
) -> pl.DataFrame:
    """The data's distinct (quasi-identifiers, person, sensitive) rows with their counts.

    Validated and counted on the engine the data live on (one SQL group-by: polars locally,
    Spark for a Spark DataFrame); the search reads only this table.
    """
    columns = list(dict.fromkeys([*quasi, *([person] if person else []), *sensitive]))
    if type(data).__module__.startswith("pyspark."):
        from safelink.engines.spark_disclosure_check import prepare_spark

        frame: Any = prepare_spark(data, quasi, sensitive=sensitive, person=person)
        backend: Backend = SparkBackend(frame.sparkSession)
    else:
        frame = prepare(data, quasi, sensitive=sensitive, person=person)
        backend = PolarsBackend()
    keys = ", ".join(quote(c) for c in columns)
    sql = f"SELECT {keys}, COUNT(*) AS {quote(COUNT)} FROM {DATA} GROUP BY {keys}"  # noqa: S608
    return backend.collect(backend.query(sql, {DATA: backend.table(frame)}))


def _candidate(lattice: Lattice, node: Node, stats: _Stats, k: int | None) -> Candidate:
    kept = lattice.rows - stats.suppressed
    size = kept / stats.classes
    before = [int((counts[0] > 0).sum()) for counts in lattice.counts]
    return Candidate(
        levels={
            q: lattice.hierarchies[q].levels[level]
            for q, level in zip(lattice.quasi, node, strict=True)
        },
        node=node,
        suppressed_rows=stats.suppressed,
        suppressed_share=stats.suppressed / lattice.rows,
        non_uniform_entropy=stats.entropy,
        relative_loss=stats.entropy / lattice.full_loss if lattice.full_loss else 0.0,
        discernibility=stats.discernibility,
        classes=stats.classes,
        average_class_size=size,
        c_avg=size / k if k else None,
        classification_metric=stats.wrong / lattice.rows if lattice.target else None,
        quasi_identifiers={
            q: QuasiIdentifierUtility(distinct_before=b, distinct_after=a)
            for q, b, a in zip(lattice.quasi, before, stats.distinct, strict=True)
        },
    )


def _exact(
    lattice: Lattice, criteria: Sequence[Criterion], limit: int, keep: int | None
) -> tuple[dict[Node, _Stats], int]:
    """Evaluate the lattice bottom-up, each node rolled up from a cached node directly below.

    With ``keep`` (entropy metric), a node is skipped when the entropy of its generalised
    values alone (a lower bound: suppression only adds loss) is no better than the
    ``keep``-th best found so far. Every level of a hierarchy loses at least as much as the
    one below, so a skipped node's generalisations are skipped too and no table is missed.
    """
    nodes = sorted(itertools.product(*(range(s) for s in lattice.sizes)), key=sum)
    bottom = nodes[0]
    tables: dict[Node, pl.DataFrame] = {bottom: lattice.base}
    results: dict[Node, _Stats] = {}
    evaluated = 0
    height = 0
    best: list[float] = []
    for node in nodes:
        if keep is not None and len(best) >= keep and lattice.bound(node) >= best[keep - 1]:
            continue
        if sum(node) > height + 1:  # keep only the two heights roll-ups draw on
            tables = {n: t for n, t in tables.items() if sum(n) >= sum(node) - 1}
            height = sum(node) - 1
        below = [(*node[:i], node[i] - 1, *node[i + 1 :]) for i in range(len(node)) if node[i] > 0]
        source = min(
            (n for n in below if n in tables), key=lambda n: tables[n].height, default=bottom
        )
        table = tables[source] if source == node else lattice.roll_up(tables[source], source, node)
        tables[node] = table
        stats = _evaluate(lattice, table, node, criteria, limit)
        evaluated += 1
        if stats.passed:
            results[node] = stats
            best = sorted([*best, stats.entropy])[: keep or 1]
    return results, evaluated


def _greedy(
    lattice: Lattice, criteria: Sequence[Criterion], limit: int
) -> tuple[dict[Node, _Stats], int]:
    """Greedy bottom-up climb, then lower each level while the node still satisfies.

    With only monotonic criteria, a node at or below one that failed fails too, so it is not
    evaluated.
    """
    monotonic = all(c.monotonic for c in criteria)
    failed: list[Node] = []

    def known_to_fail(node: Node) -> bool:
        return monotonic and any(all(a <= b for a, b in zip(node, f, strict=True)) for f in failed)

    def note(node: Node, stats: _Stats) -> None:
        if monotonic and not stats.passed:
            failed.append(node)

    node: Node = tuple(0 for _ in lattice.sizes)
    table = lattice.base
    stats = _evaluate(lattice, table, node, criteria, limit, count_all=True)
    note(node, stats)
    evaluated = 1
    results: dict[Node, _Stats] = {}
    while not stats.passed:
        best: tuple[float, Node, pl.DataFrame, _Stats] | None = None
        for i, top in enumerate(lattice.sizes):
            if node[i] + 1 >= top:
                continue
            step = (*node[:i], node[i] + 1, *node[i + 1 :])
            rolled = lattice.roll_up(table, node, step)
            step_stats = _evaluate(lattice, rolled, step, criteria, limit, count_all=True)
            note(step, step_stats)
            evaluated += 1
            added = lattice.bound(step) - lattice.bound(node)
            gain = (stats.suppressed - step_stats.suppressed) / max(added, 1e-9)
            if best is None or gain > best[0]:
                best = (gain, step, rolled, step_stats)
        if best is None:
            return results, evaluated
        _, node, table, stats = best
    results[node] = stats
    improved = True
    while improved:
        improved = False
        for i in range(len(node)):
            if node[i] == 0:
                continue
            lower = (*node[:i], node[i] - 1, *node[i + 1 :])
            if known_to_fail(lower):
                continue
            lower_table = lattice.roll_up(lattice.base, (0,) * len(node), lower)
            lower_stats = _evaluate(lattice, lower_table, lower, criteria, limit)
            note(lower, lower_stats)
            evaluated += 1
            if lower_stats.passed:
                node, stats, improved = lower, lower_stats, True
                results[node] = stats
    return results, evaluated
