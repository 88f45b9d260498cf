"""Seeded training samples and blocked-pair counts: the same records and pairs on every engine."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import polars as pl

from safelink.engines.backend import Backend, DuckDBBackend, run_query
from safelink.engines.sql import quote
from safelink.errors import LinkageError
from safelink.link.config import ProbabilisticSettings
from safelink.link.splink_db import local_frames, table_sizes

_MIN_RECORDS = 50


_SAMPLE_MODULUS = 2_147_483_647  # 2^31 - 1: every product below stays inside 64 bits


_SAMPLE_MULTIPLIERS = (1_103_515_245, 48_271)


_SAMPLE_SHIFTS = (16, 13)


def sample_order_key(value: Any, offset: Any, xor_shift: Callable[[Any, int], Any]) -> Any:
    """The training sample's order key of ``value``, for any engine's integer expressions.

    ``h = ((value mod P) * A + offset) mod P; h ^= h >> 16; h = h * B mod P; h ^= h >> 13``
    with P = 2^31 - 1, all in 64-bit integers without overflow, so Python, polars and Spark
    compute the same keys. The multiplications spread consecutive values; the xor-shifts make
    the key non-linear, so the smallest keys are not a regular lattice of node numbers.

    Args:
        value: a Python int or an engine's 64-bit integer expression (the node number).
        offset: the seed term (:func:`sample_seed_offset`).
        xor_shift: the engine's ``h ^ (h >> n)`` for non-negative ``h``.
    """
    first, second = _SAMPLE_MULTIPLIERS
    key = (value % _SAMPLE_MODULUS * first + offset) % _SAMPLE_MODULUS
    key = xor_shift(key, _SAMPLE_SHIFTS[0])
    key = key * second % _SAMPLE_MODULUS
    return xor_shift(key, _SAMPLE_SHIFTS[1])


def sample_seed_offset(settings: ProbabilisticSettings) -> int:
    """The seed term of the order key: the seed through the same mix.

    Mixed, so that nearby seeds (1 and 2) offset the keys by unrelated amounts and pick
    unrelated samples.
    """
    return int(sample_order_key(settings.seed, 0, lambda key, n: key ^ (key >> n)))


def sample_key_sql(settings: ProbabilisticSettings) -> str:
    """The training sample's order key of ``node`` (:func:`sample_order_key`) as a SQL query.

    Over a table ``{t}`` with ``node`` (BIGINT); gives ``node`` and ``k``.
    """
    modulus = _SAMPLE_MODULUS
    first, second = _SAMPLE_MULTIPLIERS
    shift_1, shift_2 = _SAMPLE_SHIFTS
    offset = sample_seed_offset(settings)
    mixed = f"((CAST(node AS BIGINT) % {modulus}) * {first} + {offset}) % {modulus}"
    # One operation a stage: sqlglot drops the brackets of xor(...) * n when writing Spark's
    # ``^``, which binds more loosely than ``*`` there.
    return (
        f"SELECT node, xor(h, h >> {shift_2}) AS k FROM ("  # noqa: S608
        f"SELECT node, (g * {second}) % {modulus} AS h FROM ("
        f"SELECT node, xor(h, h >> {shift_1}) AS g FROM ("
        f"SELECT node, {mixed} AS h FROM {{t}}) AS one) AS two) AS three"
    )


def training_sample(
    frames: Sequence[Any],
    settings: ProbabilisticSettings,
    *,
    backend: Backend | None = None,
    sizes: Sequence[int] | None = None,
) -> list[pl.DataFrame] | None:
    """The records to train on when a source's residual exceeds ``max_training_records``.

    Each larger source keeps the ``max_training_records`` records with the smallest order key
    (:func:`sample_order_key`; ties by node), in node order, selected by the backend's engine,
    so only the sample reaches the driver. Sampling each source independently keeps the share
    of true matches among record pairs (the model's prior) the same in expectation.

    Args:
        frames: the residual records, one table per source (``node`` plus token columns).
        settings: the probabilistic settings.
        backend: the engine (default: DuckDB on this machine).
        sizes: the records in each table, when known.

    Returns:
        The sampled frames (smaller sources whole), collected, or None when every source is
        within the limit (train on all).
    """
    backend = backend if backend is not None else DuckDBBackend()
    limit = settings.max_training_records
    sizes = list(sizes) if sizes is not None else table_sizes(backend, frames)
    if all(size <= limit for size in sizes):
        return None
    chosen = []
    for frame, size in zip(frames, sizes, strict=True):
        if size <= limit:
            chosen.append(local_frames(backend, [frame])[0])
            continue
        sql = (
            "SELECT t.* FROM {t} AS t JOIN ("  # noqa: S608
            f"SELECT node FROM ({sample_key_sql(settings)}) AS keyed ORDER BY k, node LIMIT {limit}"
            ") AS s ON s.node = t.node ORDER BY t.node"
        )
        chosen.append(backend.collect(run_query(backend, sql, t=backend.table(frame))))
    return chosen


def twice_blocked_pairs(keyed: str, squared: str, link_type: str) -> str:
    """Twice the pairs one blocking key gives, as SQL over two integer columns.

    ``keyed`` is the number of residual records with the key (all sources), ``squared`` the sum
    over sources of the square of each source's number. Across sources (``link_only``) that is
    ``keyed^2 - squared``; within and across (``dedupe_only``, ``link_and_dedupe``) it is
    ``keyed^2 - keyed``.
    """
    return f"{keyed} * {keyed} - {squared if link_type == 'link_only' else keyed}"


def blocked_pairs(
    frames: Sequence[Any],
    settings: ProbabilisticSettings,
    link_type: str,
    *,
    backend: Backend | None = None,
) -> list[dict[str, Any]]:
    """Count the candidate pairs each prediction blocking rule gives, from key frequencies.

    Cheap (one group-by per rule and source, run by the backend; one number per rule reaches
    the driver), so it runs before any pair is made. A pair two rules both find counts under
    each, as each rule's join makes it before Splink drops repeats: the total measures the
    work of blocking, not the distinct pairs scored.

    Returns:
        One ``{"rule": [columns], "pairs": n}`` per rule, in the config's order.
    """
    backend = backend if backend is not None else DuckDBBackend()
    tables = {f"f{i}": backend.table(frame) for i, frame in enumerate(frames)}
    rows = []
    for rule in settings.blocking:
        columns = list(rule)
        keys = ", ".join(quote(c) for c in columns)
        present = " AND ".join(f"{quote(c)} IS NOT NULL" for c in columns)
        counts = " UNION ALL ".join(
            f"SELECT {keys}, count(*) AS n FROM {{{name}}} WHERE {present} GROUP BY {keys}"  # noqa: S608
            for name in tables
        )
        twice = twice_blocked_pairs("keyed", "sq", link_type)
        sql = (
            f"SELECT CAST(coalesce(sum({twice}), 0) AS BIGINT) AS twice FROM ("  # noqa: S608
            f"SELECT sum(n) AS keyed, sum(n * n) AS sq FROM ({counts}) AS counts "
            f"GROUP BY {keys}) AS keyed"
        )
        twice_count = backend.collect(run_query(backend, sql, **tables))["twice"][0]
        rows.append({"rule": columns, "pairs": int(twice_count or 0) // 2})
    return rows


def check_blocked_pairs(rows: Sequence[dict[str, Any]], settings: ProbabilisticSettings) -> None:
    """Stop before scoring when the blocking rules put forward more pairs than allowed.

    Raises:
        LinkageError: the total exceeds ``link.probabilistic.max_blocked_pairs``; names the
            largest rule (column names and counts only).
    """
    total = sum(row["pairs"] for row in rows)
    if total <= settings.max_blocked_pairs:
        return
    largest = max(rows, key=lambda row: row["pairs"])
    raise LinkageError(
        f"the blocking rules put forward {total:,} candidate pairs, more than "
        f"link.probabilistic.max_blocked_pairs ({settings.max_blocked_pairs:,}); the largest, "
        f"{largest['rule']}, gives {largest['pairs']:,}. Add a column to the largest rules "
        "in link.probabilistic.blocking (for example [date_of_birth, surname_nysiis]), or "
        "raise max_blocked_pairs if this machine or cluster can score that many."
    )
