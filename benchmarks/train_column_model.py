"""Train the learned column classifier and write its weights (package data).

Run: ``.venv/bin/python benchmarks/train_column_model.py [--out PATH]`` (about 90 s).

Every labelled column corpus (the dev corpus, seeds 7 and 11, and held-out 1 to 7; never
held-out 8) is classified by the rules and turned into features (no value is kept). The
flagging threshold is chosen from leave-one-corpus-out runs only: the highest pooled recall of
rules OR model with pooled precision at least 0.95. The model is then fitted on every corpus
and written to ``src/safelink/detect/data/column_model.json``. Deterministic: the corpora are
seeded, the fit is Newton's method from zero weights.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _column_corpora import choose_threshold, fit, load_columns, loco_probabilities

from safelink.infra.atomic import atomic_path

WEIGHTS = Path(__file__).resolve().parents[1] / "src/safelink/detect/data/column_model.json"


def main() -> None:
    """Train on every corpus and write the weights."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=WEIGHTS, help="where to write the weights")
    args = parser.parse_args()
    if not args.out.parent.is_dir():
        sys.exit(f"{args.out.parent} is not a directory; create it or choose another --out.")
    columns = load_columns(lambda name: print(f"features: {name}", file=sys.stderr))
    threshold = choose_threshold(columns, loco_probabilities(columns))
    model = fit(columns, threshold=threshold)
    with atomic_path(args.out, mode=0o644) as temporary:
        temporary.write_text(model.to_json(), encoding="utf-8")
    print(f"{args.out}: {len(columns.direct)} columns, threshold {threshold:.2f}")


if __name__ == "__main__":
    main()
