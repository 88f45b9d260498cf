"""Column detection on the fifth held-out corpus (``tests/detect/heldout5``).

Made by a helper who never read the detector, its tests or the other corpora, from a trap list
(``TRAPS.md``) written before the generators, while held-out 4's misses were being fixed. It
was the blind measure of issue 19's fourth round, scored only as aggregates: recall 0.811
before that round and 0.851 after, precision 1.000 both, for direct identifiers (74 columns).
It was released as a development set in the fifth round (a sixth blind corpus is scored by the
lead): its eleven misses were looked at, grouped by cause and fixed by general rules, each
tested on its own synthetic examples in ``test_detect_column_rules5.py`` (never its column
names or values): 0.851 / 1.000 -> 0.986 / 1.000. Left: passport numbers as nine bare digits
under a header that says nothing. The floors, at the scores after, guard against regressions.
"""

from __future__ import annotations

from tests.detect.heldout5.columns import make_heldout5_columns
from tests.detect.scoring import direct_scores, scan_corpus


def test_heldout5_columns_direct_identifiers() -> None:
    columns, labels = make_heldout5_columns()
    report = scan_corpus(columns)
    found = set(report.direct_columns)
    recall, precision = direct_scores(found, labels)
    print(f"held-out 5 columns: recall {recall:.3f}, precision {precision:.3f}")
    # Blind: 0.811 / 1.000, then 0.851 / 1.000; as a development set: 0.986 / 1.000.
    assert recall >= 0.98 and precision >= 0.99


def test_heldout5_staff_names_are_direct_identifiers() -> None:
    columns, labels = make_heldout5_columns()
    report = scan_corpus(columns)
    staff = {c for c, label in labels.items() if label["category"] == "s"}
    assert staff and staff <= set(report.direct_columns)
