"""Free-text detection scored on labelled notes: recall per label and precision, per tier.

Tiers, measured in the same run on the same notes:
  * ``pattern``: the regex recognisers only (no model, no row awareness);
  * ``pattern+row``: plus each row's own identifiers (row-aware redaction);
  * ``model+row``: plus the spaCy pipeline (people, places, organisations);
  * ``presidio``: Presidio's own default analyzer (its predefined recognisers with the same
    spaCy pipeline), the peer, for comparison.
Corpora: the held-out notes (``tests/detect/heldout/notes.py``, made by a helper that never
saw the detector; never tuned on) and our own (``tests/detect/notes_corpus.py``, and
``tests/detect/mentions_corpus.py`` for other people named in the ways issue #19 lists).

    .venv/bin/python benchmarks/eval_freetext.py            # both corpora, ~1-2 min
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.detect.notes_corpus import NOTE_IDENTIFIERS

from safelink.detect import build_engine
from safelink.detect.evaluate import find_spans, score_spans
from safelink.detect.model import pipeline_available

COLUMNS = NOTE_IDENTIFIERS


def _corpora() -> dict[str, tuple[pl.DataFrame, list[dict[str, object]]]]:
    from tests.detect.heldout.notes import make_heldout_notes
    from tests.detect.mentions_corpus import make_mention_notes
    from tests.detect.notes_corpus import make_notes

    return {
        "held-out": make_heldout_notes(),
        "own": make_notes(),
        "own-mentions": make_mention_notes(),
    }


def main() -> None:
    """Score every tier on every corpus and print one JSON line per (corpus, tier)."""
    pattern = build_engine()
    model = build_engine(tier="model") if pipeline_available() else None
    only = set(sys.argv[1:])
    for corpus, (frame, labels) in _corpora().items():
        if only and corpus not in only:
            continue
        texts = frame["note"].to_list()
        own = (frame, {c: k for c, k in COLUMNS.items() if c in frame.columns})
        tiers = {
            "pattern": (pattern, None),
            "pattern+row": (pattern, own),
            **({"model+row": (model, own)} if model is not None else {}),
        }
        for tier, (engine, own_from) in tiers.items():
            start = time.perf_counter()
            found = find_spans(texts, engine, own_from)
            seconds = time.perf_counter() - start
            scores = score_spans(texts, labels, found).to_dict()
            rate = len(texts) / seconds
            print(json.dumps({"corpus": corpus, "tier": tier, "rows_per_s": round(rate), **scores}))


if __name__ == "__main__":
    main()
