"""Detection scored on the second held-out corpora (``tests/detect/heldout2``).

Made blind, like the first: its author never read the detector, the first corpora or any
output of the detector, and wrote the list of traps (``TRAPS.md``) before the generators. It
was made while the detector was being improved on the first corpora and our own, and scored
only before and after those changes (aggregates). Since the third held-out corpora arrived
(``heldout3``, now the blind measure) it is a development set: its misses were looked at and
fixed by general rules. The floors guard against regressions.
"""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from safelink.detect import build_engine
from safelink.detect.evaluate import find_spans, score_spans
from safelink.detect.model import pipeline_available
from tests.detect.heldout2.columns import make_heldout2_columns
from tests.detect.heldout2.notes import make_heldout2_notes
from tests.detect.notes_corpus import NOTE_IDENTIFIERS
from tests.detect.scoring import direct_scores, scan_corpus

_OWN = {
    "name": "SELF_NAME",
    "date_of_birth": "SELF_DOB",
    "nhs_number": "SELF_NHS",
    "postcode": "SELF_POSTCODE",
    "address": "SELF_ADDRESS",
    "phone": "SELF_PHONE",
    "email": "SELF_EMAIL",
}


def heldout2_notes() -> tuple[pl.DataFrame, list[dict[str, Any]]]:
    """The notes as the first corpus's shape: a frame and span labels (own or other)."""
    return heldout_notes(make_heldout2_notes())


def heldout_notes(rows: list[dict[str, Any]]) -> tuple[pl.DataFrame, list[dict[str, Any]]]:
    """Held-out notes (rows with the person's columns, ``note`` and ``spans``) as a frame
    and span labels in the first corpus's shape (own or other)."""
    frame = pl.DataFrame(
        {
            "record_id": [f"r{i:05d}" for i in range(len(rows))],
            **{c: [r[c] for r in rows] for c in ("forename", "surname", "date_of_birth")},
            **{c: [r[c] for r in rows] for c in ("nhs_number", "postcode", "phone", "note")},
            "address_line": [r["address"] for r in rows],
        }
    )
    labels = [
        {
            "row": i,
            "start": span["start"],
            "end": span["end"],
            "label": _OWN[span["label"]]
            if span["own"]
            else ("OTHER_PERSON" if span["label"] == "name" else f"OTHER_{span['label'].upper()}"),
        }
        for i, row in enumerate(rows)
        for span in row["spans"]
    ]
    return frame, labels


def test_heldout2_columns_direct_identifiers() -> None:
    columns, labels = make_heldout2_columns()
    report = scan_corpus(columns)
    found = set(report.direct_columns)
    recall, precision = direct_scores(found, labels)
    print(f"held-out 2 columns: recall {recall:.3f}, precision {precision:.3f}")
    # First scored 0.822 / 0.902 (blind); 0.956 / 1.000 once used as a development set;
    # 0.978 / 1.000 after the rules from held-out 3's misses; 1.000 / 1.000 after held-out 5's
    # (UPRNs without a header by AddressBase's ranges).
    assert recall >= 0.99 and precision >= 0.99


def test_heldout2_row_aware_redaction() -> None:
    frame, labels = heldout2_notes()
    texts = frame["note"].to_list()
    own = (frame, NOTE_IDENTIFIERS)
    plain = score_spans(texts, labels, find_spans(texts, build_engine()))
    aware = score_spans(texts, labels, find_spans(texts, build_engine(), own))
    print("held-out 2 pattern", plain.to_dict())
    print("held-out 2 pattern+row", aware.to_dict())
    # First scored: own DOB, NHS, postcode, phone, email 1.00, name 0.904, address 0.898;
    # other people's names 0.747 (pattern tier); precision 0.976. After held-out 3's rules
    # (pet and short forms, initials, abbreviated and shortened addresses): name 0.991,
    # address 1.00, other people 0.757, precision 0.977. Fourth round (initials before a
    # surname, sign-offs such as "Entered by", Irish and Welsh particles, a numbered ward
    # after a name): other people 1.000, precision 0.976.
    for label in ("SELF_DOB", "SELF_NHS", "SELF_POSTCODE", "SELF_PHONE", "SELF_EMAIL"):
        assert aware.recall[label] >= 0.99, label
    assert aware.recall["SELF_NAME"] >= 0.98 and aware.recall["SELF_ADDRESS"] >= 0.99
    assert plain.recall["OTHER_PERSON"] >= 0.99
    assert aware.precision >= 0.96


@pytest.mark.skipif(not pipeline_available(), reason="model tier pipeline not installed")
def test_heldout2_model_tier_other_people() -> None:
    frame, labels = heldout2_notes()
    texts = frame["note"].to_list()
    scores = score_spans(
        texts, labels, find_spans(texts, build_engine(tier="model"), (frame, NOTE_IDENTIFIERS))
    )
    print("held-out 2 model+row", scores.to_dict())
    # First scored 0.801 recall of other people's names, 0.929 personal precision; 0.812 and
    # 0.932 after held-out 3's rules; 1.000 and 0.932 after the fourth round's.
    assert scores.recall["OTHER_PERSON"] >= 0.99
    assert scores.precision_personal >= 0.92
