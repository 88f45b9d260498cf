"""Column detection on the twenty-first held-out corpus (``tests/detect/heldout21``), released.

Made by a helper who never read the detector, its tests, the README's Detect section or any
other corpus, from ``tests/detect/heldout_brief.md`` (helper commit a750217) with new systems
(independent and third-sector providers: electronic call monitoring, agency timesheets,
helplines, advocacy, Healthwatch, CQC notifications, whistleblowing, hospice at home, charity
grants, faith-group outreach, essential care givers' visits, care-worker recruitment, LPA
contacts); its closing report named no trap. Scored blind, as aggregates only: recall /
precision 0.933 / 0.959 (staff 5 of 6) on the code before issue 19's eleventh round, 0.947 /
0.959 on the round's rules from held-out 18. Then released for development: 0.987 / 0.974
(left: Korean given names with a lower-case syllable under a whole-name header; extensions
under ``phone``, held by the learned opinion; offices' addresses in notes). The floors guard
against regressions.
"""

from __future__ import annotations

from tests.detect.heldout21 import make_heldout21_columns
from tests.detect.scoring import direct_scores, scan_corpus


def test_heldout21_columns_direct_identifiers() -> None:
    columns, labels = make_heldout21_columns()
    report = scan_corpus(columns)
    found = set(report.direct_columns)
    recall, precision = direct_scores(found, labels)
    print(f"held-out 21 columns: recall {recall:.3f}, precision {precision:.3f}")
    # Blind: 0.933 / 0.959 before round 11, 0.947 / 0.959 on its held-out 18 rules.
    # Developed on: 0.987 / 0.974.
    assert recall >= 0.98 and precision >= 0.97


def test_heldout21_staff_names_found_as_direct_identifiers() -> None:
    columns, labels = make_heldout21_columns()
    report = scan_corpus(columns)
    staff = {c for c, label in labels.items() if label["category"] == "s"}
    assert len(staff & set(report.direct_columns)) >= 6  # 5 of 6 blind, 6 of 6 now
