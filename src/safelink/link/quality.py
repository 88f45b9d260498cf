"""The linkage-quality report: match rates, model estimates, weights, truth and bias tables.

Everything here is counts and rates; no token, record id or data value is ever reported.
"""

from __future__ import annotations

import math
import resource
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from safelink.errors import LinkageError
from safelink.identifiers import Identifier
from safelink.infra import io
from safelink.link.cluster import DIFFERENT_NHS_NUMBERS, ONE_RECORD_PER_PERSON
from safelink.link.config import LinkConfig
from safelink.link.waterfall import waterfall_table
from safelink.normalise import normalise
from safelink.pseudonymise import RECORD_ID

if TYPE_CHECKING:
    from safelink.link.probabilistic import ModelResult

_CONSTRAINTS = (ONE_RECORD_PER_PERSON, DIFFERENT_NHS_NUMBERS)
AGE_BANDS = ((0, 17, "0-17"), (18, 39, "18-39"), (40, 64, "40-64"), (65, 79, "65-79"))


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkageReport:
    """The linkage-quality report (JSON-ready through :meth:`to_dict`).

    Attributes:
        sources: per source: records, records linked to another source, match rate.
        steps: per step: links made and records they linked.
        model: the probabilistic model's own estimates (precision, recall, threshold).
        weights: match-weight histogram of every scored pair, with the threshold.
        truth: measured precision, recall and F1 (pairwise) when a truth file was given.
        bias: match rate by group (sex, age band, ...) per source.
        key_id: the key id every input was made with.
        constraints: which sources hold one record per person, whether different NHS numbers
            are kept apart, and the links each constraint refused (in all and per step).
        estimates: the estimated precision and recall of the whole flow, every step
            included (:mod:`safelink.link.estimate`), flagged under the recall floor.
        index: with a person index: persons kept, new, merged and split, records added.
        timings: seconds per step, and the peak memory.
        waterfall: a few chosen scored pairs, each from the prior through every comparison's
            partial match weight to its match weight (:mod:`safelink.link.waterfall`); level
            names and weights only, no token, value or record id.

    """

    sources: list[dict[str, Any]]
    steps: list[dict[str, Any]]
    model: dict[str, Any]
    weights: dict[str, Any]
    truth: dict[str, Any] | None
    bias: list[dict[str, Any]]
    key_id: str | None
    constraints: dict[str, Any] = field(default_factory=dict)
    estimates: dict[str, Any] = field(default_factory=dict)
    index: dict[str, Any] | None = None
    timings: dict[str, float] = field(default_factory=dict)
    waterfall: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as a JSON-ready dict."""
        return asdict(self)

    def to_frame(self) -> pl.DataFrame:
        """Links by step as a polars DataFrame (``.to_pandas()`` for pandas).

        Columns: ``step``, ``links``, ``records_linked`` and, with a truth file,
        ``precision`` (measured).
        """
        measured = {s["step"]: s["precision"] for s in (self.truth or {}).get("steps", [])}
        rows = [
            {
                "step": row["step"],
                "links": row["links"],
                "records_linked": row.get("records_linked"),
                "precision": measured.get(row["step"]),
            }
            for row in self.steps
        ]
        schema = {"step": pl.String, "links": pl.Int64, "records_linked": pl.Int64,
                  "precision": pl.Float64}  # fmt: skip
        return pl.DataFrame(rows, schema=schema)


def source_table(records: pl.DataFrame, linked: pl.Series) -> list[dict[str, Any]]:
    """Count records and the match rate per source (``linked``: bool per record, same order)."""
    frame = records.select("source").with_columns(linked.alias("linked"))
    table = frame.group_by("source", maintain_order=True).agg(
        pl.len().alias("records"), pl.col("linked").sum().alias("linked")
    )
    return [
        {
            "source": row["source"],
            "records": int(row["records"]),
            "linked": int(row["linked"]),
            "match_rate": _rate(row["linked"], row["records"]),
        }
        for row in table.iter_rows(named=True)
    ]


def step_table(links: pl.DataFrame, order: Sequence[str]) -> list[dict[str, Any]]:
    """Links and records linked per step, in cascade order."""
    rows = []
    for step in order:
        chosen = links.filter(pl.col("step") == step)
        records = pl.concat([chosen["node_l"], chosen["node_r"]]).n_unique() if chosen.height else 0
        rows.append({"step": step, "links": chosen.height, "records_linked": records})
    return rows


def model_table(
    accepted: pl.DataFrame,
    expected_below: float,
    scored_pairs: int,
    threshold: float,
    threshold_weight: float,
    skipped: str | None,
    *,
    residual_records: int = 0,
    training_records: int = 0,
    blocked_pairs: Sequence[dict[str, Any]] = (),
    em_rules_skipped: Sequence[Sequence[str]] = (),
    parameters: Sequence[dict[str, Any]] = (),
) -> dict[str, Any]:
    """Return the model's own estimate of precision and recall of the probabilistic step.

    ``residual_records`` and ``training_records`` say how many records were scored and how
    many the model was trained on (fewer when the residual was sampled for training);
    ``blocked_pairs`` how many candidate pairs each blocking rule put forward;
    ``em_rules_skipped`` the training rules whose EM stopped (a probability underflowed);
    ``parameters`` the trained m and u probabilities and weight of each comparison level
    (probabilities only: no token or value).
    """
    probabilities = (
        accepted["match_probability"] if accepted.height else pl.Series([], dtype=pl.Float64)
    )
    expected_true = float(probabilities.sum()) if accepted.height else 0.0
    precision = expected_true / accepted.height if accepted.height else None
    recall_base = expected_true + expected_below
    return {
        "skipped": skipped,
        "residual_records": residual_records,
        "training_records": training_records,
        "threshold_match_probability": threshold,
        "threshold_match_weight": round(threshold_weight, 4),
        "blocked_pairs": [dict(row) for row in blocked_pairs],
        "em_rules_skipped": [list(rule) for rule in em_rules_skipped],
        "parameters": [_rounded(row) for row in parameters],
        "scored_pairs": scored_pairs,
        "accepted_links": accepted.height,
        "estimated_precision": _round(precision),
        "estimated_recall": _round(expected_true / recall_base if recall_base else None),
        "expected_false_links": round(accepted.height - expected_true, 2),
        "expected_missed_links": round(expected_below, 2),
    }


def constraint_table(
    refused: pl.DataFrame, settings: LinkConfig, sources: Sequence[str], order: Sequence[str]
) -> dict[str, Any]:
    """The constraints clustering kept and the links each refused, in all and per step."""
    by_step = [
        {
            "step": step,
            **{
                name: refused.filter(
                    (pl.col("step") == step) & (pl.col("constraint") == name)
                ).height
                for name in _CONSTRAINTS
            },
        }
        for step in order
    ]
    return {
        "one_record_per_person": [s for s in sources if settings.one_per_person(s)],
        "keep_apart_different_nhs_numbers": settings.keep_apart_different_nhs_numbers,
        "refused_links": {
            name: refused.filter(pl.col("constraint") == name).height for name in _CONSTRAINTS
        },
        "refused_by_step": [row for row in by_step if any(row[n] for n in _CONSTRAINTS)],
    }


def weight_table(histogram: pl.DataFrame, threshold_weight: float) -> dict[str, Any]:
    """Return the match-weight distribution (bins of width 1) and the threshold."""
    return {
        "threshold_match_weight": round(threshold_weight, 4),
        "bins": [
            {"from": float(row["bin"]), "to": float(row["bin"]) + 1, "pairs": int(row["pairs"])}
            for row in histogram.iter_rows(named=True)
            if row["bin"] is not None and math.isfinite(row["bin"])
        ],
    }


def _pair_count(frame: pl.DataFrame, keys: Sequence[str]) -> int:
    sizes = frame.group_by(keys).agg(pl.len().alias("n"))
    return int(sizes.select((pl.col("n") * (pl.col("n") - 1) // 2).sum()).item() or 0)


def truth_table(
    assigned: pl.DataFrame, truth: pl.DataFrame, links: pl.DataFrame, nodes: pl.DataFrame
) -> dict[str, Any]:
    """Pairwise precision, recall and F1 against the truth, overall and per step.

    Args:
        assigned: ``source``, ``record_id``, ``person_id`` (predicted) per record.
        truth: ``source``, ``record_id``, ``person_id`` (true).
        links: accepted links (``node_l``, ``node_r``, ``step``).
        nodes: ``node``, ``source``, ``record_id``.

    """
    truth = truth.select(
        pl.col("source").cast(pl.String),
        pl.col("record_id").cast(pl.String),
        pl.col("person_id").cast(pl.String).alias("true_person"),
    )
    joined = assigned.join(truth, on=["source", "record_id"], how="left")
    unmatched = joined["true_person"].null_count()
    # Records without truth are their own true person (no true pairs).
    joined = joined.with_columns(
        pl.coalesce("true_person", pl.lit("~") + pl.col("source") + ":" + pl.col("record_id"))
    )
    predicted = _pair_count(joined, ["person_id"])
    actual = _pair_count(joined, ["true_person"])
    correct = _pair_count(joined, ["person_id", "true_person"])
    precision = correct / predicted if predicted else None
    recall = correct / actual if actual else None
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision is not None and recall is not None and precision + recall
        else None
    )
    true_of = (
        nodes.select("node", "source", "record_id")
        .join(truth, on=["source", "record_id"], how="left")
        .select("node", "true_person")
    )
    per_link = (
        links.join(
            true_of.rename({"node": "node_l", "true_person": "t_l"}), on="node_l", how="left"
        )
        .join(true_of.rename({"node": "node_r", "true_person": "t_r"}), on="node_r", how="left")
        .with_columns((pl.col("t_l") == pl.col("t_r")).fill_null(False).alias("correct"))
    )
    steps = per_link.group_by("step", maintain_order=True).agg(
        pl.len().alias("links"), pl.col("correct").mean().alias("precision")
    )
    return {
        "pairs_predicted": predicted,
        "pairs_true": actual,
        "pairs_correct": correct,
        "precision": _round(precision),
        "recall": _round(recall),
        "f1": _round(f1),
        "records_without_truth": int(unmatched),
        "steps": [
            {"step": r["step"], "links": int(r["links"]), "precision": _round(r["precision"])}
            for r in steps.iter_rows(named=True)
        ],
    }


def _band(values: pl.Series) -> pl.Series:
    numbers = values.cast(pl.Float64, strict=False)
    frame = pl.DataFrame({"v": numbers})
    expr: Any = pl.when(pl.col("v").is_null()).then(pl.lit("unknown"))
    for _low, high, label in AGE_BANDS:
        expr = expr.when(pl.col("v") <= high).then(pl.lit(label))
    return frame.select(expr.otherwise(pl.lit("80+")).alias("group")).to_series()


#: Bias-table labels of the normalised sex codes (NHS Data Dictionary).
SEX_GROUPS = {"1": "male", "2": "female", "9": "indeterminate", "X": "not known"}


def _sex_groups(raw: pl.Series) -> pl.Series:
    """Sex codes normalised across sources, as words; unrecognised or missing: unknown."""
    codes = normalise(Identifier.SEX, raw.cast(pl.String)).values
    return codes.replace_strict(SEX_GROUPS, default="unknown", return_dtype=pl.String).alias(
        "group"
    )


def bias_table(
    groups: Mapping[str, Mapping[str, str]],
    content: Mapping[str, pl.DataFrame],
    assigned: pl.DataFrame,
    linked: pl.Series,
) -> list[dict[str, Any]]:
    """Match rate by group value per source, from the content files' grouping columns.

    A group named ``age_band`` (or any numeric column) is banded: 0-17, 18-39, 40-64, 65-79,
    80+. A group named ``sex`` is normalised (``F``, ``Female`` and ``2`` are one group), so
    the sources' codings compare. Groups with fewer than 10 records are shown as ``<10``
    rather than counted, so the report cannot single anyone out.
    """
    rows: list[dict[str, Any]] = []
    frame = assigned.select("source", "record_id").with_columns(linked.alias("linked"))
    for group, by_source in groups.items():
        for source, column in by_source.items():
            if source not in content:
                continue
            values = content[source].select(
                pl.col("record_id").cast(pl.String), pl.col(column).alias("raw")
            )
            numeric = values["raw"].dtype.is_numeric()
            if group == "sex":
                labels = _sex_groups(values["raw"])
            elif group == "age_band" or numeric:
                labels = _band(values["raw"])
            else:
                labels = values["raw"].cast(pl.String).fill_null("unknown").alias("group")
            values = values.select("record_id").with_columns(labels.alias("group"))
            table = (
                frame.filter(pl.col("source") == source)
                .join(values, on="record_id", how="left")
                .with_columns(pl.col("group").fill_null("unknown"))
                .group_by("group")
                .agg(pl.len().alias("records"), pl.col("linked").sum().alias("linked"))
                .sort("group")
            )
            for row in table.iter_rows(named=True):
                small = row["records"] < 10
                rows.append(
                    {
                        "group": group,
                        "source": source,
                        "value": row["group"],
                        "records": "<10" if small else int(row["records"]),
                        "linked": None if small else int(row["linked"]),
                        "match_rate": None if small else _rate(row["linked"], row["records"]),
                    }
                )
    return rows


def _rounded(row: dict[str, Any]) -> dict[str, Any]:
    """A parameter row with its floats to 9 significant digits (the same on every engine)."""
    return {k: float(f"{v:.9g}") if isinstance(v, float) else v for k, v in row.items()}


def _rate(numerator: float, denominator: float) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 5)


def _content_frames(
    content: Mapping[str, Any] | None, settings: LinkConfig
) -> dict[str, pl.DataFrame]:
    if not content or not settings.bias:
        return {}
    wanted: dict[str, set[str]] = {}
    for by_source in settings.bias.values():
        for source, column in by_source.items():
            wanted.setdefault(source, set()).add(column)
    frames = {}
    for source, columns in wanted.items():
        if source not in content:
            continue
        item = content[source]
        names = [RECORD_ID, *sorted(columns)]
        frame = (
            io.read_frame(Path(item), columns=names)
            if isinstance(item, str | Path)
            else io.to_polars(item)
        )
        missing = [c for c in names if c not in frame.columns]
        if missing:
            raise LinkageError(
                f"content of source {source!r} lacks column(s) {missing} named in link.bias; "
                "fix the config or pass the right content file."
            )
        frames[source] = frame.select(names)
    return frames


def read_frame(item: Any) -> pl.DataFrame:
    """A frame given as a path (CSV or Parquet) or as a frame of any kind."""
    if isinstance(item, str | Path):
        return io.read_frame(Path(item))
    return io.to_polars(item)


def peak_mib() -> float:
    """The process's peak memory (resident set high-water mark) in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def linkage_report(
    *,
    per_record: pl.DataFrame,
    links: pl.DataFrame,
    accepted: pl.DataFrame,
    model: ModelResult,
    settings: LinkConfig,
    order: Sequence[str],
    refused: pl.DataFrame,
    estimates: dict[str, Any],
    truth: Any,
    content: Mapping[str, Any] | None,
    key_id: str | None,
    timings: dict[str, float],
    started: float,
) -> LinkageReport:
    """Assemble the quality report from a linkage's results.

    Args:
        per_record: one row per record in node order (``source``, ``record_id``, ...).
        links: every accepted link (cascade then probabilistic), by node.
        accepted: the accepted probabilistic links.
        model: the probabilistic step's result.
        settings: the link settings.
        order: the steps in the order they ran.
        refused: the links a constraint refused (``node_l``, ``node_r``, ``step``,
            ``constraint``).
        estimates: the whole flow's estimates (:func:`safelink.link.estimate.whole_flow`).
        truth: optional ground truth (path or frame).
        content: optional content frames or files by source (bias table).
        key_id: the link key id of the inputs.
        timings: seconds per phase so far (total and peak memory are added).
        started: when the linkage started (``time.perf_counter``).
    """
    linked = per_record["step"].is_not_null()
    truth_report = None
    if truth is not None:
        nodes = per_record.select("source", RECORD_ID).with_row_index("node")
        truth_report = truth_table(
            per_record.select("source", RECORD_ID, "person_id"),
            read_frame(truth),
            links,
            nodes.with_columns(pl.col("node").cast(pl.Int64)),
        )
    bias = bias_table(settings.bias, _content_frames(content, settings), per_record, linked)
    timings["total_seconds"] = time.perf_counter() - started
    timings["peak_memory_mib"] = peak_mib()
    return LinkageReport(
        sources=source_table(per_record, linked),
        steps=step_table(links, order),
        model=model_table(
            accepted,
            model.expected_matches_below,
            model.scored_pairs,
            settings.probabilistic.threshold,
            model.threshold_weight,
            model.skipped,
            residual_records=model.residual_records,
            training_records=model.training_records,
            blocked_pairs=model.blocked_pairs,
            em_rules_skipped=model.em_rules_skipped,
            parameters=model.parameters,
        ),
        weights=weight_table(model.histogram, model.threshold_weight),
        truth=truth_report,
        bias=bias,
        key_id=key_id,
        estimates=estimates,
        constraints=constraint_table(
            refused, settings, per_record["source"].unique(maintain_order=True).to_list(), order
        ),
        timings={k: round(v, 3) for k, v in timings.items()},
        waterfall=waterfall_table(model.waterfall, model.threshold_weight, model.skipped),
    )
