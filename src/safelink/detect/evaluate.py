"""Scoring free-text detection against span labels (recall per label, precision overall).

Used by the held-out evaluation (``tests/detect/heldout``) and ``benchmarks/eval_freetext.py``.
A labelled span counts as found when every letter and digit in it is covered by found spans
(redaction that leaves part of an identifier has not found it). A found span is correct when
it overlaps a labelled span.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl
from presidio_analyzer import AnalyzerEngine, RecognizerResult

from safelink.detect.freetext import analyse_texts
from safelink.detect.own import own_terms
from safelink.identifiers import Identifier

#: Entities a scan may redact that are not personal identifiers (places, organisations).
NOT_PERSONAL = frozenset({"LOCATION", "ORGANIZATION"})


@dataclass(frozen=True, slots=True)
class SpanScores:
    """Recall per label and precision of what was found.

    Attributes:
        recall: label -> share of its spans wholly covered.
        spans: label -> number of labelled spans.
        precision: share of found spans overlapping a labelled span.
        precision_personal: the same, leaving out places and organisations.
        found: found spans by entity.
    """

    recall: dict[str, float]
    spans: dict[str, int]
    precision: float
    precision_personal: float
    found: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form, rounded."""
        return {
            "recall": {k: round(v, 4) for k, v in sorted(self.recall.items())},
            "spans": dict(sorted(self.spans.items())),
            "precision": round(self.precision, 4),
            "precision_personal": round(self.precision_personal, 4),
            "found": dict(sorted(self.found.items())),
        }


def find_spans(
    texts: Sequence[str],
    engine: AnalyzerEngine | None,
    own_from: tuple[pl.DataFrame, Mapping[str, Identifier]] | None = None,
) -> list[list[RecognizerResult]]:
    """What a scan finds in each text: the engine's finds, plus each row's own identifiers.

    ``own_from`` is the rows and their identifier columns (name -> kind), row for row.
    """
    found: list[list[RecognizerResult]] = [[] for _ in texts]
    if engine is not None:
        found = [list(r) for r in analyse_texts(engine, texts)]
    if own_from is not None:
        frame, columns = own_from
        for row, terms in enumerate(own_terms(frame, columns)):
            found[row].extend(terms.find(texts[row]))
    return found


def score_spans(
    texts: Sequence[str],
    labels: Sequence[Mapping[str, Any]],
    found: Sequence[Sequence[RecognizerResult]],
) -> SpanScores:
    """Score ``found`` (per text) against ``labels`` (``row``, ``start``, ``end``, ``label``)."""
    covered = [bytearray(len(t)) for t in texts]
    for row, results in enumerate(found):
        for r in results:
            covered[row][r.start : r.end] = b"\x01" * (r.end - r.start)
    hits: dict[str, int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    by_row: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for label in labels:
        row, start, end = int(label["row"]), int(label["start"]), int(label["end"])
        by_row[row].append((start, end))
        totals[label["label"]] += 1
        text = texts[row]
        if all(covered[row][i] for i in range(start, end) if text[i].isalnum()):
            hits[label["label"]] += 1
    correct = personal_correct = personal = 0
    counts: dict[str, int] = defaultdict(int)
    for row, results in enumerate(found):
        for r in results:
            counts[r.entity_type] += 1
            hit = any(r.start < e and s < r.end for s, e in by_row.get(row, ()))
            correct += hit
            if r.entity_type not in NOT_PERSONAL:
                personal += 1
                personal_correct += hit
    total_found = sum(counts.values())
    return SpanScores(
        recall={k: hits[k] / n for k, n in totals.items()},
        spans=dict(totals),
        precision=correct / total_found if total_found else 1.0,
        precision_personal=personal_correct / personal if personal else 1.0,
        found=dict(counts),
    )


__all__ = ["NOT_PERSONAL", "SpanScores", "find_spans", "score_spans"]
