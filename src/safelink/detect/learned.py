"""The learned second opinion: a logistic regression over column features, beside the rules.

The rules (:mod:`safelink.detect.columns`) were tuned round by round on labelled corpora and
miss about one direct-identifier column in eight on each new one. This model, trained on every
labelled column corpus (``benchmarks/train_column_model.py``), reads a column's header, value
shape and a little of what the rules saw (the subject and free-text counts, not their verdict,
which a model only learns to copy: :mod:`safelink.detect.column_features`) and gives the
probability that it holds a direct identifier. A column the rules do not find direct but the
model puts at or above its threshold (chosen by leave-one-corpus-out runs only) becomes a
finding for review: entity ``DIRECT_IDENTIFIER``, confidence ``medium``, never ``high``. Only
structured columns are judged (:func:`in_scope`): free text stays the rules' call.

At run time the weights are only loaded (``detect/data/column_model.json``): no training, no
network. Fitting (:func:`fit_column_model`) is deterministic: Newton's method from zero weights.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from safelink.detect.column_features import FEATURE_NAMES
from safelink.detect.column_model import REVIEW_ENTITY, ColumnFinding, review_finding
from safelink.detect.headers import header_entities
from safelink.errors import VerificationError

#: The finding's entity when only the learned classifier flags a column.
LEARNED_ENTITY = REVIEW_ENTITY
#: The shipped weights (package data).
WEIGHTS_FILE = "column_model.json"
#: Fewest sampled values the model judges: its corpora hold thousands of rows per column, and a
#: handful of values says too little about a column's shape.
MIN_VALUES = 20
_FORMAT = 1
_MIN_SCALE = 0.1


@dataclass(frozen=True, slots=True)
class ColumnModel:
    """A fitted logistic regression over standardised column features.

    Attributes:
        features: the feature names, in vector order (must equal ``FEATURE_NAMES``).
        mean: each feature's training mean. scale: its standard deviation (at least 0.1).
        weights: one weight per standardised feature. bias: the intercept.
        threshold: the probability at or above which a column is flagged.
        l2: the ridge penalty it was fitted with.
        trained_on: what it was trained on (corpus name to columns and direct columns).
    """

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    threshold: float
    l2: float
    trained_on: dict[str, Any]

    def probability(self, features: np.ndarray) -> np.ndarray:
        """P(direct identifier) for each row of a feature matrix (or one vector)."""
        z = ((features - self.mean) / self.scale) @ self.weights + self.bias
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)

    def with_threshold(self, threshold: float) -> ColumnModel:
        """The same model flagging at another threshold."""
        return ColumnModel(self.features, self.mean, self.scale, self.weights, self.bias,
                           threshold, self.l2, self.trained_on)  # fmt: skip

    def to_json(self) -> str:
        """The model as JSON text (floats written exactly, so a reload is identical)."""
        data = {
            "format": _FORMAT,
            "model": "logistic regression (L2), Newton's method, standardised features",
            "threshold": self.threshold,
            "l2": self.l2,
            "trained_on": self.trained_on,
            "bias": self.bias,
            "features": [
                {"name": n, "mean": float(m), "scale": float(s), "weight": float(w)}
                for n, m, s, w in zip(
                    self.features, self.mean, self.scale, self.weights, strict=True
                )
            ],
        }
        return json.dumps(data, indent=1, sort_keys=False) + "\n"


def model_from_json(text: str) -> ColumnModel:
    """Read a model written by :meth:`ColumnModel.to_json`.

    Raises:
        VerificationError: the file is not a model of this version's features.
    """
    try:
        data = json.loads(text)
        rows = data["features"]
        names = tuple(str(r["name"]) for r in rows)
        model = ColumnModel(
            features=names,
            mean=np.array([float(r["mean"]) for r in rows]),
            scale=np.array([float(r["scale"]) for r in rows]),
            weights=np.array([float(r["weight"]) for r in rows]),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            l2=float(data["l2"]),
            trained_on=dict(data["trained_on"]),
        )
        fmt = data["format"]
    except (ValueError, KeyError, TypeError) as exc:
        raise VerificationError(
            f"the learned column model is unreadable ({type(exc).__name__}); reinstall safelink "
            "or retrain it with benchmarks/train_column_model.py."
        ) from exc
    if fmt != _FORMAT or names != FEATURE_NAMES:
        raise VerificationError(
            "the learned column model was trained on other features than this version computes; "
            "retrain it with benchmarks/train_column_model.py."
        )
    return model


def in_scope(finding: ColumnFinding | None, sampled: int) -> bool:
    """Whether the model judges a column (trains on it, and may flag it if the rules do not).

    Not free text the rules read (their entity counts over the rows outrank a shape: their
    trap rules clear notes with order numbers or a recurring eponym), nor a row counter, nor a
    column of fewer than :data:`MIN_VALUES` sampled values.
    """
    if sampled < MIN_VALUES:
        return False
    return finding is None or finding.entity not in ("FREE_TEXT", "ROW_COUNTER")


@lru_cache(maxsize=1)
def load_column_model() -> ColumnModel:
    """The shipped model (read once per process).

    Raises:
        VerificationError: the shipped weights are unreadable or for other features.
    """
    text = (resources.files("safelink.detect") / "data" / WEIGHTS_FILE).read_text("utf-8")
    return model_from_json(text)


def fit_column_model(
    features: np.ndarray,
    direct: np.ndarray,
    *,
    l2: float = 1.0,
    threshold: float = 0.5,
    iterations: int = 30,
    trained_on: dict[str, Any] | None = None,
) -> ColumnModel:
    """Fit the L2-regularised logistic regression (deterministic: Newton from zero).

    Args:
        features: one row per column, ``len(FEATURE_NAMES)`` columns.
        direct: 1 for a direct-identifier column, else 0.
        l2: the ridge penalty on the standardised weights (not on the intercept).
        threshold: the flagging threshold to store.
        iterations: Newton steps (it converges in well under 30).
        trained_on: a summary of the training data to store.

    Returns:
        The fitted model.
    """
    mean = features.mean(axis=0)
    # A floor on the scale: a feature set in a handful of training columns (hashes, say)
    # would otherwise be blown up to dozens of deviations and decide a column alone.
    scale = np.maximum(features.std(axis=0), _MIN_SCALE)
    x = np.hstack([(features - mean) / scale, np.ones((features.shape[0], 1))])
    y = direct.astype(np.float64)
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    w = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1.0 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w = w - step
        if float(np.max(np.abs(step))) < 1e-10:
            break
    return ColumnModel(
        features=FEATURE_NAMES,
        mean=mean,
        scale=scale,
        weights=w[:-1],
        bias=float(w[-1]),
        threshold=threshold,
        l2=l2,
        trained_on=trained_on or {},
    )


def second_opinion(
    name: str,
    features: np.ndarray,
    *,
    finding: ColumnFinding | None = None,
    model: ColumnModel | None = None,
) -> ColumnFinding | None:
    """A finding for a column the rules did not find direct but the model flags, else None.

    Args:
        name: the column header.
        features: the column's features (:func:`safelink.detect.column_features.column_features`).
        finding: the rules' finding, if any (named in the evidence; its free-text counts kept).
        model: the model to use (default: the shipped one).

    Returns:
        A ``DIRECT_IDENTIFIER`` finding at ``medium`` confidence, or None.
    """
    chosen = model if model is not None else load_column_model()
    p = float(chosen.probability(features))
    if p < chosen.threshold:
        return None
    evidence = [f"learned classifier: looks like a direct identifier column, p={p:.2f}; review"]
    hits, _, subject = header_entities(name)
    if hits:
        evidence.append(f"the header suggests {hits[0]}")
    if finding is not None:
        evidence.append(f"the rules found {finding.entity} ({finding.confidence})")
    return review_finding(
        name,
        evidence,
        subject="staff" if subject == "staff" else "person",
        entities=None if finding is None else finding.entities,
    )
