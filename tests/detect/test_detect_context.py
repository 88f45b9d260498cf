"""Context words: the indexed enhancer answers as Presidio's, and never across joined rows."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts

from safelink.detect import build_engine
from safelink.detect.engine import LANGUAGE, PatternNlpEngine
from safelink.detect.freetext import FREE_TEXT_ENTITIES, analyse_texts
from safelink.detect.model import pipeline_available
from safelink.detect.recognisers import pattern_recognisers

CONTEXT_ROWS = [
    "NHS number 943 476 5919 confirmed.",
    "943 476 5919 (NHS) quoted",
    "UPRN: 100023336956, property reference checked",
    "Property reference ... , ; : 100023336956",
    "MRN A1234567 and hospital no. 7654321",
    "Tel (0113) 496 0000 or +44 7700 900123; mobile: 07700900456",
    "nhs_number=9434765919",
    "Passport 123456789 seen, vehicle reg AB51 ABC, DVLA MORGA607054SM9IJ",
    "lives at 12 Mill Lane, LS1 4AP",
    "9434765919",
    "",
]


class _EagerPatternEngine(PatternNlpEngine):
    """The pattern tier's tokens made up front, as Presidio's own enhancer needs them."""

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        return self.tokenise(text, language)


def _presidio_engine() -> AnalyzerEngine:
    nlp = _EagerPatternEngine()
    nlp.load()
    return AnalyzerEngine(
        registry=RecognizerRegistry(recognizers=pattern_recognisers(), supported_languages=["en"]),
        nlp_engine=nlp,
        supported_languages=["en"],
        default_score_threshold=0.0,
        context_aware_enhancer=LemmaContextAwareEnhancer(
            context_similarity_factor=0.35,
            min_score_with_context_similarity=0.5,
            context_matching_mode="whole_word",
        ),
    )


def _summary(results: Any) -> list[tuple[str, int, int, float]]:
    return sorted((r.entity_type, r.start, r.end, round(r.score, 6)) for r in results)


def test_context_enhancer_pattern_tier_scores_as_presidios(
    corpus: tuple[pl.DataFrame, Any],
) -> None:
    frame, _ = corpus
    ours = build_engine()
    ours.default_score_threshold = 0.0  # compare every candidate, not only reported ones
    theirs = _presidio_engine()
    rows = [*CONTEXT_ROWS, *frame["case_notes"].head(200).to_list()]
    for text in rows:
        got = ours.analyze(text, language=LANGUAGE, entities=list(FREE_TEXT_ENTITIES))
        want = theirs.analyze(text, language=LANGUAGE, entities=list(FREE_TEXT_ENTITIES))
        assert _summary(got) == _summary(want)


@pytest.mark.skipif(not pipeline_available(), reason="model tier pipeline not installed")
def test_context_enhancer_model_tier_scores_as_presidios() -> None:
    ours = build_engine(tier="model")
    theirs = build_engine(tier="model")
    theirs.context_aware_enhancer = LemmaContextAwareEnhancer(
        context_similarity_factor=0.35,
        min_score_with_context_similarity=0.5,
        context_matching_mode="whole_word",
    )
    for text in CONTEXT_ROWS:
        got = ours.analyze(text, language=LANGUAGE, score_threshold=0.0)
        want = theirs.analyze(text, language=LANGUAGE, score_threshold=0.0)
        assert _summary(got) == _summary(want)


def test_analyse_texts_context_word_in_previous_row_does_not_count() -> None:
    engine = build_engine()
    rows = ["Seen at 2pm, UPRN", "100023336956 noted", "Seen at 3pm, MRN", "A1234567 seen"]
    joined = analyse_texts(engine, rows)
    alone = [engine.analyze(t, language=LANGUAGE, entities=list(FREE_TEXT_ENTITIES)) for t in rows]
    assert [_summary(r) for r in joined] == [_summary(r) for r in alone]
    assert joined[1] == [] and joined[3] == []


def test_pattern_tier_artifacts_tokenise_on_demand() -> None:
    artifacts = build_engine().nlp_engine.process_text("NHS no: 943 476 5919", LANGUAGE)
    assert artifacts.lemmas == ["nhs", "no", ":", "943", "476", "5919"]
    assert artifacts.keywords == ["nhs", "no", "943", "476", "5919"]
    assert [t.text for t in artifacts.tokens][:2] == ["NHS", "no"]
