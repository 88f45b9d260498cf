"""Waterfalls of a few scored pairs: how each comparison moved the match weight, tokens only.

A Splink-style waterfall starts at the prior (the weight of two random records matching), adds
each comparison's partial match weight (log2 of its Bayes factor, and of its term-frequency
adjustment where the comparison has one) and ends at the pair's match weight. An IG lead sees
how the model reached a decision without seeing any value: the report names each comparison's
level (``Exact match on surname``, ``soundex agrees``), never a token, a value or a record id.

The pairs are chosen, not drawn: the scored pairs are put in bands of match weight around the
threshold (:data:`BANDS`), and from each band the pair whose hash of its two record numbers
(:func:`pair_hash_sql`; records are numbered in (source, record_id) order) is smallest. The
choice is one SQL query over the predictions on the engine that scored them, so every engine
chooses the same pairs. The partial weights are Splink's own (``gamma_*``, ``mw_*`` and
``mw_tf_adj_*`` of ``linker.inference.score_pairs`` on the linker that scored every pair, with
the term-frequency tables of that scoring), so they add up to the pair's match weight.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import polars as pl

from safelink.engines.backend import Backend, run_query

if TYPE_CHECKING:
    from safelink.link.splink_db import SplinkDatabase

#: The bands of match weight, as offsets from the threshold weight: (name, lowest offset).
#: A pair falls in the first band whose lowest offset it reaches; the last takes the rest.
BANDS: tuple[tuple[str, float], ...] = (
    ("strong match", 10.0),
    ("match", 2.0),
    ("near the threshold", -2.0),
    ("non-match", -10.0),
    ("clear non-match", -math.inf),
)
CHOSEN_BY = (
    "One scored pair per band of match weight (strong match: 10 or more above the threshold; "
    "match: 2 to 10 above; near the threshold: within 2; non-match: 2 to 10 below; clear "
    "non-match: more than 10 below), the pair whose hash of its two record numbers is smallest: "
    "chosen by a fixed rule, not drawn at random, so every engine and every run on the same "
    "inputs shows the same pairs. Tokens only: no value, token or record id is shown."
)
"""The report's one line on how the pairs were chosen."""
_MULTIPLIERS = (1_103_515_245, 48_271)
_MODULUS = 2_147_483_647
_TF_LEVEL = "term-frequency adjustment"


def pair_hash_sql(left: str, right: str) -> str:
    """The pair's hash as SQL over two BIGINT record numbers (``left`` < ``right``).

    Arithmetic, not a library's hash function, so it is the same in every engine and version
    (the hash :mod:`safelink.link.estimate` samples links by).
    """
    first, second = _MULTIPLIERS
    return f"(({left} * {first} + {right} * {second}) % {_MODULUS})"


def choose_pairs_sql(table: str, threshold_weight: float) -> str:
    """The query choosing the waterfall's pairs from a predictions table (DuckDB dialect).

    Gives, per band, every pair whose hash is the band's smallest (``band``, ``h``, ``node_l``,
    ``node_r``, ``match_weight``, ``match_probability``); ties are broken by the caller.
    """
    weight = "round(match_weight, 6)"
    cases = " ".join(
        f"WHEN {weight} >= {threshold_weight + low!r} THEN {i}"
        for i, (_, low) in enumerate(BANDS[:-1])
    )
    lo = "least(CAST(unique_id_l AS BIGINT), CAST(unique_id_r AS BIGINT))"
    hi = "greatest(CAST(unique_id_l AS BIGINT), CAST(unique_id_r AS BIGINT))"
    return (
        "WITH keyed AS (SELECT node_l, node_r, match_weight, match_probability, band, "  # noqa: S608
        f"{pair_hash_sql('node_l', 'node_r')} AS h FROM ("
        f"SELECT {lo} AS node_l, {hi} AS node_r, match_weight, match_probability, "
        f"CASE {cases} ELSE {len(BANDS) - 1} END AS band FROM {table}) AS banded), "
        "firsts AS (SELECT band, min(h) AS h FROM keyed GROUP BY band) "
        "SELECT k.band, k.h, k.node_l, k.node_r, k.match_weight, k.match_probability "
        "FROM keyed AS k JOIN firsts AS f ON f.band = k.band AND f.h = k.h"
    )


def level_labels(trained: dict[str, Any]) -> dict[str, dict[int, str]]:
    """Each comparison's level label by its comparison vector value (``gamma``).

    Splink numbers a comparison's levels from the top, down to 0, skipping null levels, which
    are all -1 (their labels are joined: they weigh nothing).
    """
    labels: dict[str, dict[int, str]] = {}
    for comparison in trained.get("comparisons", []):
        levels = comparison.get("comparison_levels", [])
        counter = sum(1 for level in levels if not level.get("is_null_level")) - 1
        by_gamma: dict[int, list[str]] = {}
        for level in levels:
            label = str(level.get("label_for_charts") or level.get("sql_condition"))
            if level.get("is_null_level"):
                by_gamma.setdefault(-1, []).append(label)
            else:
                by_gamma.setdefault(counter, []).append(label)
                counter -= 1
        labels[str(comparison.get("output_column_name"))] = {
            gamma: " / ".join(names) for gamma, names in by_gamma.items()
        }
    return labels


def _weight(value: Any) -> float | None:
    """A match weight, rounded; None where it has none (JSON has no infinity)."""
    if value is None or not math.isfinite(value):
        return None
    return round(float(value), 9)


def _records(backend: Backend, frames: Sequence[Any], nodes: Sequence[int]) -> pl.DataFrame:
    """The residual records numbered ``nodes``, from whichever table holds each."""
    wanted = backend.table(pl.DataFrame({"node": sorted(nodes)}, schema={"node": pl.Int64}))
    parts = [
        backend.collect(
            run_query(
                backend,
                "SELECT f.* FROM {f} AS f JOIN {w} AS w ON w.node = f.node ORDER BY f.node",
                f=backend.table(frame),
                w=wanted,
            )
        )
        for frame in frames
    ]
    return pl.concat(parts, how="vertical_relaxed")


def _steps(row: dict[str, Any], labels: dict[str, dict[int, str]]) -> list[dict[str, Any]]:
    """One step per comparison, and one per term-frequency adjustment, from Splink's columns."""
    steps = []
    for comparison, by_gamma in labels.items():
        gamma = row.get(f"gamma_{comparison}")
        steps.append(
            {
                "comparison": comparison,
                "level": by_gamma.get(int(gamma), "?") if gamma is not None else "?",
                "match_weight": _weight(row.get(f"mw_{comparison}")),
            }
        )
        if row.get(f"mw_tf_adj_{comparison}"):  # a level with term frequencies, adjusted
            steps.append(
                {
                    "comparison": comparison,
                    "level": _TF_LEVEL,
                    "match_weight": _weight(row[f"mw_tf_adj_{comparison}"]),
                }
            )
    return steps


def pair_waterfalls(
    backend: Backend,
    database: SplinkDatabase,
    linker: Any,
    predictions: str,
    frames: Sequence[Any],
    trained: dict[str, Any],
    threshold_weight: float,
) -> list[dict[str, Any]]:
    """The waterfall of each chosen pair (see the module docstring), strongest band first.

    Args:
        backend: the engine the residual records are on.
        database: the Splink database that scored the pairs.
        linker: the Splink linker that scored them (its term-frequency tables included).
        predictions: the predictions' table name, as ``database.sql`` knows it.
        frames: the residual records, one table per source (``node`` plus tokens).
        trained: the trained model (Splink settings JSON): the prior and the level labels.
        threshold_weight: the threshold as a match weight (the bands are around it).

    Returns:
        Per pair: ``pair`` (1..), ``band``, ``prior_match_weight``, ``comparisons`` (each
        ``comparison``, ``level``, ``match_weight``), ``match_weight`` and
        ``match_probability`` (the pair's own, from the predictions). Tokens only.
    """
    candidates = database.sql(choose_pairs_sql(predictions, threshold_weight))
    if candidates.is_empty():
        return []
    chosen = (
        candidates.with_columns(pl.col("node_l", "node_r").cast(pl.Int64))
        .sort("band", "h", "node_l", "node_r")
        .unique("band", keep="first", maintain_order=True)
    )
    records = _records(backend, frames, [*chosen["node_l"], *chosen["node_r"]])
    table = database.register([records], name="waterfall")[0]
    scored = linker.inference.score_pairs(table, table)
    rows = database.sql(f"SELECT * FROM {scored.physical_name}")  # noqa: S608
    rows = rows.select(
        pl.col("unique_id_l").cast(pl.Int64).alias("node_l"),
        pl.col("unique_id_r").cast(pl.Int64).alias("node_r"),
        pl.col("^(gamma|mw)_.*$"),
    )
    by_pair = {(r["node_l"], r["node_r"]): r for r in rows.iter_rows(named=True)}
    labels = level_labels(trained)
    prior = trained.get("probability_two_random_records_match")
    prior_weight = (
        _weight(math.log2(prior / (1.0 - prior)))
        if isinstance(prior, float) and 0 < prior < 1
        else None
    )
    pairs = []
    for number, pick in enumerate(chosen.iter_rows(named=True), start=1):
        row = by_pair.get((pick["node_l"], pick["node_r"]), {})
        pairs.append(
            {
                "pair": number,
                "band": BANDS[int(pick["band"])][0],
                "prior_match_weight": prior_weight,
                "comparisons": _steps(row, labels),
                "match_weight": round(float(pick["match_weight"]), 9),
                "match_probability": round(float(pick["match_probability"]), 9),
            }
        )
    return pairs


def waterfall_table(
    pairs: Sequence[dict[str, Any]], threshold_weight: float, skipped: str | None = None
) -> dict[str, Any]:
    """The report's ``waterfall`` section: how the pairs were chosen, the threshold, the pairs.

    ``skipped`` says why there are no pairs when the probabilistic step did not run.
    """
    return {
        "skipped": skipped,
        "chosen_by": CHOSEN_BY,
        "threshold_match_weight": round(threshold_weight, 4),
        "pairs": [dict(pair) for pair in pairs],
    }


__all__ = [
    "BANDS",
    "CHOSEN_BY",
    "choose_pairs_sql",
    "level_labels",
    "pair_hash_sql",
    "pair_waterfalls",
    "waterfall_table",
]
