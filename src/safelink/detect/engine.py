"""A Presidio ``AnalyzerEngine`` for UK health and social care that never touches the network.

Presidio's default set-up loads (and, when missing, downloads) ``en_core_web_lg`` and its
email recogniser asks ``tldextract`` for a public-suffix list, which it fetches from the
internet. Neither happens here:

* the **pattern tier** (default) uses :class:`PatternNlpEngine`, a few lines of regex
  tokenisation that feed Presidio's context enhancer with lower-cased words, and only the
  recognisers in :mod:`safelink.detect.recognisers` (including a network-free email
  recogniser);
* the **model tier** adds a spaCy pipeline for PERSON, LOCATION and ORGANIZATION, loaded by
  :func:`safelink.detect.model.load_pipeline` from its data directory after checking every
  file against a pinned SHA-256 manifest.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine
from presidio_analyzer.predefined_recognizers import SpacyRecognizer
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from safelink.detect.context import WORD, ContextEnhancer, LazyArtifacts
from safelink.detect.names import refine_person_spans
from safelink.detect.recognisers import pattern_recognisers

Tier = Literal["pattern", "model"]
LANGUAGE = "en"
#: Results below this score are not reported in free text.
DEFAULT_SCORE_THRESHOLD = 0.5
#: spaCy labels mapped to Presidio entity names (others are ignored).
MODEL_LABELS = {
    "PERSON": "PERSON",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "ORG": "ORGANIZATION",
}


class PatternNlpEngine(NlpEngine):
    """An NLP engine with no model: regex tokens and lower-cased words as lemmas.

    Enough for Presidio's context enhancer ("NHS number 943 476 5919" boosts the number),
    without loading or downloading any spaCy pipeline.
    """

    engine_name = "safelink_pattern"
    is_available = True

    def __init__(self) -> None:
        self._vocab = Vocab()
        self._loaded = False

    def load(self) -> None:
        """Mark the engine loaded (nothing to load)."""
        self._loaded = True

    def is_loaded(self) -> bool:
        """Return whether :meth:`load` ran."""
        return self._loaded

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        """Artifacts for ``text`` that tokenise it only if asked (no entities)."""
        return LazyArtifacts(text, self, language)

    def tokenise(self, text: str, language: str) -> NlpArtifacts:
        """Tokenise ``text`` into words and punctuation (no entities)."""
        matches = list(WORD.finditer(text))
        words = [m.group() for m in matches]
        spaces = [
            i + 1 < len(matches) and matches[i + 1].start() > m.end() for i, m in enumerate(matches)
        ]
        doc = Doc(self._vocab, words=words, spaces=spaces)
        return NlpArtifacts(
            entities=[],
            tokens=doc,
            tokens_indices=[m.start() for m in matches],
            lemmas=[w.lower() for w in words],
            nlp_engine=self,
            language=language,
        )

    def process_batch(
        self,
        texts: Iterable[Any],
        language: str,
        batch_size: int = 1,
        n_process: int = 1,
        as_tuples: bool = False,
        **kwargs: Any,
    ) -> Iterator[Any]:
        """Process texts one by one (the tokeniser has no batch speed-up)."""
        for item in texts:
            if as_tuples:
                text, context = item
                yield str(text), self.process_text(str(text), language), context
            else:
                yield str(item), self.process_text(str(item), language)

    def is_stopword(self, word: str, language: str) -> bool:
        """No stop-word list: every word can be context."""
        return False

    def is_punct(self, word: str, language: str) -> bool:
        """Return whether ``word`` is punctuation only."""
        return bool(word) and not any(c.isalnum() for c in word)

    def get_supported_entities(self) -> list[str]:
        """No entities come from the NLP engine itself."""
        return []

    def get_supported_languages(self) -> list[str]:
        """English only."""
        return [LANGUAGE]


class ModelNlpEngine(PatternNlpEngine):
    """An NLP engine over an already-loaded spaCy pipeline (see :mod:`safelink.detect.model`).

    Entities are relabelled to Presidio's names (PERSON, LOCATION, ORGANIZATION).
    """

    engine_name = "safelink_model"

    def __init__(self, nlp: Any) -> None:
        super().__init__()
        self.nlp = nlp

    def _artifacts(self, doc: Doc, language: str) -> NlpArtifacts:
        entities = [
            Span(doc, ent.start, ent.end, label=MODEL_LABELS[ent.label_])
            for ent in doc.ents
            if ent.label_ in MODEL_LABELS and ent.label_ != "PERSON"
        ]
        # The model's people, corrected by the name rules (titles, places, lone role words).
        people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
        for start, end in dict.fromkeys(refine_person_spans(doc.text, people)):
            span = doc.char_span(start, end, label="PERSON", alignment_mode="expand")
            if span is not None:
                entities.append(span)
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[t.idx for t in doc],
            lemmas=[t.lemma_ or t.text.lower() for t in doc],
            nlp_engine=self,
            language=language,
        )

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        """Run the pipeline on one text."""
        return self._artifacts(self.nlp(text), language)

    def process_batch(
        self,
        texts: Iterable[Any],
        language: str,
        batch_size: int = 64,
        n_process: int = 1,
        as_tuples: bool = False,
        **kwargs: Any,
    ) -> Iterator[Any]:
        """Run the pipeline over many texts with spaCy's ``nlp.pipe``."""
        if as_tuples:
            pairs = list(texts)
            docs = self.nlp.pipe([str(t) for t, _ in pairs], batch_size=batch_size)
            for (text, context), doc in zip(pairs, docs, strict=True):
                yield str(text), self._artifacts(doc, language), context
            return
        items = [str(t) for t in texts]
        for text, doc in zip(items, self.nlp.pipe(items, batch_size=batch_size), strict=True):
            yield text, self._artifacts(doc, language)

    def is_stopword(self, word: str, language: str) -> bool:
        """Use the pipeline's stop-word list."""
        return bool(self.nlp.vocab[word].is_stop)

    def get_supported_entities(self) -> list[str]:
        """Presidio entities the pipeline yields."""
        return sorted(set(MODEL_LABELS.values()))


def build_engine(
    *,
    tier: Tier = "pattern",
    model: str | Path | None = None,
    manifest: Path | None = None,
) -> AnalyzerEngine:
    """Build an offline Presidio analyzer for UK identifiers.

    Args:
        tier: ``"pattern"`` (no model) or ``"model"`` (adds spaCy PERSON/LOCATION/ORG).
        model: for the model tier, an installed pipeline package name or a data directory
            (default :data:`safelink.detect.model.DEFAULT_PIPELINE`).
        manifest: a SHA-256 manifest (JSON) for the pipeline; default: the pinned one.

    Returns:
        An ``AnalyzerEngine`` whose recognisers never use the network.

    Raises:
        InputError: the pipeline is missing or unreadable.
        VerificationError: the pipeline's files do not match the manifest.
    """
    recognisers = pattern_recognisers()
    nlp_engine: NlpEngine
    if tier == "model":
        from safelink.detect.model import DEFAULT_PIPELINE, load_pipeline

        nlp_engine = ModelNlpEngine(load_pipeline(model or DEFAULT_PIPELINE, manifest=manifest))
        recognisers.append(
            SpacyRecognizer(
                supported_language=LANGUAGE,
                supported_entities=nlp_engine.get_supported_entities(),
            )
        )
    else:
        nlp_engine = PatternNlpEngine()
    nlp_engine.load()
    registry = RecognizerRegistry(recognizers=recognisers, supported_languages=[LANGUAGE])
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=[LANGUAGE],
        default_score_threshold=DEFAULT_SCORE_THRESHOLD,
        # Context words match whole words (Presidio's default, substrings, lets "pas" fire on
        # "passed" and "unit" on "community"); on the model tier they match lemmas.
        context_aware_enhancer=ContextEnhancer(
            context_similarity_factor=0.35, min_score_with_context_similarity=0.5
        ),
    )
