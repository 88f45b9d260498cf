"""Column detection on the tenth held-out corpus (``tests/detect/heldout10``): the blind measure.

Made by a helper who never read the detector, its tests, the README's Detect section or any
other corpus, from a trap list (``TRAPS.md``) written before the generators (new systems:
audiology, podiatry, diabetic eye screening, transfusion, child immunisation, smoking
cessation, drug and alcohol services, interpreters, patient transport, CHC panels, blue
badges, council tax reduction, care leavers, equipment loans, PALS, procurator fiscal
referrals; identifiers inside longer codes, padded, with line breaks; columns blank but one).
Scored blind only as aggregates, once on the code before issue 19's eighth round and once after
it: recall 0.945 (69 of 73 direct-identifier columns) and precision 0.986 (one false alarm)
both times; staff names 6 of 6. Then released as a development set: one cause of its misses
generalised (NHS numbers inside longer codes, found by the check digit of the ten digits they
carry; variants in ``test_detect_embedded.py``): 0.959 / 0.986. The ninth round's review of
columns the scan could not place (``test_detect_unplaced.py``) holds its other three misses and
one kind-None column (a single code in 2,000 rows): 1.000 / 0.973. The floors guard against
regressions.
"""

from __future__ import annotations

from tests.detect.heldout10.columns import make_heldout10_columns
from tests.detect.scoring import direct_scores, scan_corpus


def test_heldout10_columns_direct_identifiers() -> None:
    columns, labels = make_heldout10_columns()
    report = scan_corpus(columns)
    found = set(report.direct_columns)
    recall, precision = direct_scores(found, labels)
    print(f"held-out 10 columns: recall {recall:.3f}, precision {precision:.3f}")
    # Blind: 0.945 / 0.986 before and after round 8; 0.959 / 0.986 as a development set, then
    # 1.000 / 0.973 with the review of unplaced columns.
    assert recall >= 0.99 and precision >= 0.97


def test_heldout10_staff_names_found_as_direct_identifiers() -> None:
    columns, labels = make_heldout10_columns()
    report = scan_corpus(columns)
    staff = {c for c, label in labels.items() if label["category"] == "s"}
    assert len(staff & set(report.direct_columns)) >= 6  # 6 of 6 at the first score
