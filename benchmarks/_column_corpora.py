"""The labelled column corpora as features, and leave-one-corpus-out runs of the learned model.

Shared by ``train_column_model.py`` (which fits and writes the shipped weights) and
``bench_column_model.py`` (which prints the figures). The corpora are the dev corpus (seeds 7
and 11, one fold: same columns, other values) and held-out 1 to 7; ``tests/detect/heldout8`` is
never read. Each column is classified by the rules exactly as ``scan(frame, sample=2_000)``
does (pattern tier), then turned into features; no value leaves this process.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.detect.corpus import make_corpus

from safelink.detect.column_model import ClassifySettings
from safelink.detect.columns import describe_column
from safelink.detect.engine import build_engine
from safelink.detect.freetext import count_entities
from safelink.detect.learned import ColumnModel, fit_column_model, in_scope

#: The corpora, in fold order ("heldout" is held-out 1). Never heldout8.
CORPORA = ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
           "heldout7")  # fmt: skip
#: The scoring tests' sample size.
SAMPLE = 2_000
#: The ridge penalty (standardised features).
L2 = 30.0
#: The pooled leave-one-corpus-out precision the flagging threshold must keep.
PRECISION_GOAL = 0.95
#: The share of the model's added columns (the rules' misses it flags) that must be right.
REVIEW_PRECISION = 0.5


@dataclass(frozen=True)
class Columns:
    """Every labelled column as features, with its corpus, label and the rules' verdict."""

    corpus: np.ndarray  # corpus name per column
    column: np.ndarray  # column name per column
    features: np.ndarray  # one row per column
    direct: np.ndarray  # the label (bool)
    rules: np.ndarray  # whether the rules found the column direct (bool)
    scope: np.ndarray  # whether the model judges the column (learned.in_scope)


def _frames(name: str) -> list[tuple[pl.DataFrame, Mapping[str, bool]]]:
    if name == "dev":
        out = []
        for seed in (7, 11):
            frame, labels = make_corpus(seed=seed)
            out.append((frame, {c: label.direct for c, label in labels.items()}))
        return out
    suffix = name.removeprefix("heldout")
    module = importlib.import_module(f"tests.detect.{name}.columns")
    columns, labels = getattr(module, f"make_heldout{suffix}_columns")()
    frame = (
        columns
        if isinstance(columns, pl.DataFrame)
        else pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))
    )
    return [(frame, {c: bool(label["direct"]) for c, label in labels.items()})]


def load_columns(progress: Callable[[str], None] | None = None) -> Columns:
    """Classify every corpus column with the rules alone and compute its features."""
    settings = ClassifySettings(sample=SAMPLE, learned=False)
    engine = build_engine(tier="pattern")

    def analyse(rows: pl.Series) -> dict[str, int]:
        return count_entities(rows, engine)

    corpus: list[str] = []
    column: list[str] = []
    rows: list[np.ndarray] = []
    direct: list[bool] = []
    rules: list[bool] = []
    scope: list[bool] = []
    for name in CORPORA:
        for frame, labels in _frames(name):
            for header in frame.columns:
                values = frame.get_column(header)
                profile, vector = describe_column(header, values, settings, analyse)
                f = profile.finding
                rows.append(vector)
                corpus.append(name)
                column.append(header)
                direct.append(labels[header])
                rules.append(f is not None and f.direct and f.detected)
                scope.append(in_scope(f, profile.sampled))
        if progress is not None:
            progress(name)
    return Columns(
        corpus=np.array(corpus),
        column=np.array(column),
        features=np.vstack(rows),
        direct=np.array(direct),
        rules=np.array(rules),
        scope=np.array(scope),
    )


def trained_on(columns: Columns) -> dict[str, Any]:
    """In-scope columns and direct columns per corpus (stored with the weights)."""
    return {
        name: {
            "columns": int((columns.scope & (columns.corpus == name)).sum()),
            "direct": int((columns.scope & columns.direct & (columns.corpus == name)).sum()),
        }
        for name in CORPORA
    }


def fit(columns: Columns, mask: np.ndarray | None = None, threshold: float = 0.5) -> ColumnModel:
    """Fit the model on the in-scope columns selected by ``mask`` (all by default)."""
    chosen = columns.scope if mask is None else mask & columns.scope
    return fit_column_model(
        columns.features[chosen],
        columns.direct[chosen],
        l2=L2,
        threshold=threshold,
        trained_on=trained_on(columns),
    )


def loco_probabilities(columns: Columns) -> np.ndarray:
    """Each column's probability from a model trained on the other corpora (0: out of scope)."""
    out = np.zeros(len(columns.direct))
    for name in CORPORA:
        held = columns.corpus == name
        judged = held & columns.scope
        out[judged] = fit(columns, ~held).probability(columns.features[judged])
    return out


def scores(found: np.ndarray, truth: np.ndarray) -> tuple[float, float, int, int]:
    """Recall, precision, misses and false alarms of direct-identifier columns."""
    hits = int((found & truth).sum())
    recall = hits / max(int(truth.sum()), 1)
    precision = hits / max(int(found.sum()), 1)
    return recall, precision, int((truth & ~found).sum()), int((found & ~truth).sum())


def choose_threshold(columns: Columns, probabilities: np.ndarray) -> float:
    """The threshold with the highest pooled LOCO recall of rules OR model, within two limits.

    Pooled precision at least :data:`PRECISION_GOAL`, and at least :data:`REVIEW_PRECISION`
    of the columns the model adds to the rules' direct identifiers: each one is a finding for
    review, and a threshold that buys one more column with a dozen wrong ones is not worth it.
    Among thresholds with equal recall, the highest (fewest columns for review).
    """
    best = (-1.0, 1.0)
    for t in np.round(np.arange(0.05, 1.0, 0.01), 2):
        added = ~columns.rules & (probabilities >= t)
        found = columns.rules | added
        recall, precision, _, _ = scores(found, columns.direct)
        right = int((added & columns.direct).sum())
        if right < REVIEW_PRECISION * int(added.sum()) or precision < PRECISION_GOAL:
            continue
        if (recall, t) > best:
            best = (recall, float(t))
    return best[1]
