"""Detection scored on the third held-out corpora (``tests/detect/heldout3``): the blind measure.

Made blind by a helper who never read the detector, the other corpora or any detector output,
from a trap list (``TRAPS.md``) written before the generators. When it arrived, the second
held-out corpora became a development set (the detector's misses there were looked at and
fixed by general rules); this one was scored only before and after those changes, as
aggregates. Nobody tunes on it; the floors, at its first scores after the changes, guard
against regressions.
"""

from __future__ import annotations

import polars as pl
import pytest

from safelink.detect import build_engine, scan
from safelink.detect.evaluate import find_spans, score_spans
from safelink.detect.model import pipeline_available
from tests.detect.heldout3.columns import make_heldout3_columns
from tests.detect.heldout3.notes import make_heldout3_notes
from tests.detect.notes_corpus import NOTE_IDENTIFIERS
from tests.detect.test_detect_heldout2 import heldout_notes


def test_heldout3_columns_direct_identifiers() -> None:
    columns, labels = make_heldout3_columns()
    report = scan(pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String)), sample=2_000)
    found = set(report.direct_columns)
    truth = {c for c, label in labels.items() if label["direct"]}
    recall = len(found & truth) / len(truth)
    precision = len(found & truth) / len(found)
    print(f"held-out 3 columns: recall {recall:.3f}, precision {precision:.3f}")
    assert recall >= 0.64 and precision >= 0.92  # scored 0.600 / 0.923 before, 0.650 / 0.929 after


def test_heldout3_row_aware_redaction() -> None:
    frame, labels = heldout_notes(make_heldout3_notes())
    texts = frame["note"].to_list()
    aware = score_spans(texts, labels, find_spans(texts, build_engine(), (frame, NOTE_IDENTIFIERS)))
    print("held-out 3 pattern+row", aware.to_dict())
    # Scored: own DOB, NHS, postcode, phone, email 1.00, name 0.807, address 0.730; other
    # people's names 0.678; precision 0.998.
    for label in ("SELF_DOB", "SELF_NHS", "SELF_POSTCODE", "SELF_PHONE", "SELF_EMAIL"):
        assert aware.recall[label] >= 0.99, label
    assert aware.recall["SELF_NAME"] >= 0.79 and aware.recall["SELF_ADDRESS"] >= 0.72
    assert aware.recall["OTHER_PERSON"] >= 0.66
    assert aware.precision >= 0.99


@pytest.mark.skipif(not pipeline_available(), reason="model tier pipeline not installed")
def test_heldout3_model_tier_other_people() -> None:
    frame, labels = heldout_notes(make_heldout3_notes())
    texts = frame["note"].to_list()
    engine = build_engine(tier="model")
    scores = score_spans(texts, labels, find_spans(texts, engine, (frame, NOTE_IDENTIFIERS)))
    print("held-out 3 model+row", scores.to_dict())
    # Scored 0.844 recall of other people's names, 0.977 personal precision.
    assert scores.recall["OTHER_PERSON"] >= 0.83
    assert scores.precision_personal >= 0.96
