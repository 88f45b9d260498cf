"""Column-level precision and recall for direct identifiers on the labelled corpus."""

from __future__ import annotations

import polars as pl
import pytest

from safelink.detect import scan
from tests.detect.corpus import Label, make_corpus

RECALL_FLOOR = 0.99
PRECISION_FLOOR = 0.99  # 1.00 on both seeds (with staff names direct)


def _figures(frame: pl.DataFrame, labels: dict[str, Label]) -> tuple[float, float, list[str]]:
    report = scan(frame, sample=2_000)
    detected = set(report.direct_columns)
    truth = {c for c, label in labels.items() if label.direct}
    tp = len(detected & truth)
    recall = tp / len(truth)
    precision = tp / len(detected) if detected else 0.0
    wrong = sorted(detected ^ truth)
    return recall, precision, wrong


def test_corpus_has_forty_columns_with_traps(corpus: tuple[pl.DataFrame, dict[str, Label]]) -> None:
    frame, labels = corpus
    assert frame.width >= 40
    assert set(labels) == set(frame.columns)
    assert sum(not label.direct for label in labels.values()) >= 15


@pytest.mark.parametrize("seed", [7, 11])
def test_scan_corpus_direct_identifiers_meets_precision_recall_floors(seed: int) -> None:
    frame, labels = make_corpus(seed=seed)
    recall, precision, wrong = _figures(frame, labels)
    print(f"seed {seed}: direct-identifier columns recall {recall:.3f}, precision {precision:.3f}")
    assert recall >= RECALL_FLOOR, f"missed or extra: {wrong}"
    assert precision >= PRECISION_FLOOR, f"missed or extra: {wrong}"


def test_scan_corpus_identifier_kinds_match_labels(
    corpus: tuple[pl.DataFrame, dict[str, Label]],
) -> None:
    frame, labels = corpus
    report = scan(frame, sample=2_000)
    wrong = []
    for profile in report.columns:
        label = labels[profile.column]
        finding = profile.finding
        found = (
            finding.kind
            if finding and finding.detected and finding.subject in ("person", "staff")
            else None
        )
        if label.kind is not None and found != label.kind:
            wrong.append(profile.column)
    print(
        f"identifier kinds: {len(wrong)} of "
        f"{sum(x.kind is not None for x in labels.values())} wrong"
    )
    assert wrong == []


def test_scan_ten_digit_traps_not_flagged_as_nhs(
    corpus: tuple[pl.DataFrame, dict[str, Label]],
) -> None:
    frame, _ = corpus
    report = scan(frame.select("order_id", "event_timestamp", "lab_accession"))
    assert report.direct_columns == ()
    assert all(p.finding is None or not p.finding.detected for p in report.columns)
