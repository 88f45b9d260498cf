"""Column detection on the sixth held-out corpus (``tests/detect/heldout6``): a development set.

Made by a helper who never read the detector, its tests or the other corpora, from a trap list
(``TRAPS.md``) written before the generators, while held-out 5's misses were being fixed (the
helper glimpsed one commit subject giving held-out 5's aggregate scores, nothing more). Blind
until issue 19's sixth round, scored only as aggregates, once before the fifth round and once
after: recall 0.878 then 0.892, precision 0.942 then 0.943, for direct identifiers (74
columns); staff names 3 of 6 both times.

Released as a development set at the sixth round: its eight misses and four false positives
were looked at, grouped by cause and fixed by general rules tested on other variants
(``test_detect_column_rules6.py``): recall 0.892 -> 1.000, precision 0.943 -> 1.000, staff
names 3 -> 6 of 6. These are development figures now (a seventh blind corpus is the honest
measure); the floors guard against regressions.
"""

from __future__ import annotations

from tests.detect.heldout6.columns import make_heldout6_columns
from tests.detect.scoring import direct_scores, scan_corpus


def test_heldout6_columns_direct_identifiers() -> None:
    columns, labels = make_heldout6_columns()
    report = scan_corpus(columns)
    found = set(report.direct_columns)
    recall, precision = direct_scores(found, labels)
    print(f"held-out 6 columns: recall {recall:.3f}, precision {precision:.3f}")
    # Blind: 0.878 / 0.942 before round 5, 0.892 / 0.943 after; 1.000 / 1.000 after round 6.
    assert recall >= 0.99 and precision >= 0.99


def test_heldout6_staff_names_found_as_direct_identifiers() -> None:
    columns, labels = make_heldout6_columns()
    report = scan_corpus(columns)
    staff = {c for c, label in labels.items() if label["category"] == "s"}
    assert staff <= set(report.direct_columns)  # 3 of 6 before and after round 5; 6 after round 6
