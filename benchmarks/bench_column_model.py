"""The learned column classifier, judged honestly: leave-one-corpus-out, and scan speed.

Run: ``.venv/bin/python benchmarks/bench_column_model.py`` (about 2 minutes).

For each of the 8 labelled column corpora (the dev corpus, seeds 7 and 11 as one fold, and
held-out 1 to 7; never held-out 8) the model is trained on the other 7 and scores the left-out
one. Printed per corpus and pooled: recall and precision of direct-identifier columns for the
rules alone, the model alone and rules OR model, at the threshold chosen by these runs (the
highest pooled recall of rules OR model with pooled precision at least 0.95). The rules were
tuned on every one of these corpora, so their figures here are flattering; the model's
left-out figures are the fair ones. Then the time of ``scan`` over the dev corpus (seed 7,
5,000-value samples as ``scan`` defaults to) with and without the learned opinion.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _column_corpora import (
    CORPORA,
    PRECISION_GOAL,
    choose_threshold,
    load_columns,
    loco_probabilities,
    scores,
)
from tests.detect.corpus import make_corpus

from safelink.detect import scan
from safelink.detect.learned import load_column_model


def _cell(found: np.ndarray, truth: np.ndarray) -> str:
    recall, precision, missed, extra = scores(found, truth)
    return f"{recall:.3f} / {precision:.3f} ({missed} missed, {extra} extra)"


def _timing(repeats: int = 3) -> tuple[float, float]:
    frame, _ = make_corpus(seed=7)
    scan(frame, learned=False)  # the engine and the weights are loaded once, outside the timing
    scan(frame, learned=True)
    best = {}
    for learned in (False, True):
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            scan(frame, learned=learned)
            times.append(time.perf_counter() - start)
        best[learned] = min(times)
    return best[False], best[True]


def main() -> None:
    """Print the leave-one-corpus-out table and the scan timing."""
    columns = load_columns(lambda name: print(f"features: {name}", file=sys.stderr))
    p = loco_probabilities(columns)
    threshold = choose_threshold(columns, p)
    shipped = load_column_model().threshold
    print(f"threshold chosen by leave-one-corpus-out: {threshold:.2f} (shipped: {shipped:.2f})")
    print(f"goal: pooled precision >= {PRECISION_GOAL}; recall/precision of direct columns")
    header = ("corpus", "columns", "direct", "rules alone", "model alone (LOCO)",
              "rules OR model (LOCO)")  # fmt: skip
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name in (*CORPORA, "pooled"):
        held = np.ones(len(p), bool) if name == "pooled" else columns.corpus == name
        truth = columns.direct[held]
        model = p[held] >= threshold
        cells = (
            name,
            str(int(held.sum())),
            str(int(truth.sum())),
            _cell(columns.rules[held], truth),
            _cell(model, truth),
            _cell(columns.rules[held] | model, truth),
        )
        print("| " + " | ".join(cells) + " |")
    rules, learned = _timing()
    print(
        f"scan of the dev corpus (52 columns x 2,000 rows): rules alone {rules:.2f} s, "
        f"with the learned opinion {learned:.2f} s ({learned / rules - 1:+.0%})"
    )


if __name__ == "__main__":
    main()
