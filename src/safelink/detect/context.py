"""Presidio's context rule, answered from an index of the text's words instead of a scan.

A pattern match scored low (a 10-digit number that passes modulus 11) is raised when a
context word ("NHS", "DOB", "UPRN") is among the words just before it. Presidio's
``LemmaContextAwareEnhancer`` decides that by deep-copying every result and, for each one,
walking the token list and testing membership in a list of every keyword of the text: cheap on
a sentence, but on the pattern tier's batches of joined rows it was half the cost of a scan.

:class:`ContextEnhancer` gives the same answers (the tests compare it with Presidio's) from a
:class:`ContextIndex` built once per text: token ends for a binary search, and the positions
of keyword tokens, so the words around a match are a slice. On the pattern tier the index is
built straight from the regex tokeniser (:class:`LazyArtifacts`), and no spaCy ``Doc`` is
made at all unless something else asks for the tokens.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import (
    ContextAwareEnhancer,
    LemmaContextAwareEnhancer,
)
from presidio_analyzer.nlp_engine import NlpArtifacts

# Words (letters and digits; "_" separates, so "nhs_number" gives the context word "nhs"),
# and single punctuation marks.
WORD = re.compile(r"[^\W_]+|[^\w\s]|_")


class ContextIndex:
    """The words of one text, indexed for context look-ups.

    Attributes:
        ends: each token's end offset (for the token a match starts in).
        lemmas: each token's lower-cased lemma.
        keywords: positions of the tokens that count as context words (not punctuation or a
            stop word), ascending.
    """

    __slots__ = ("ends", "keywords", "lemmas")

    def __init__(self, ends: list[int], lemmas: list[str], keywords: list[int]) -> None:
        self.ends = ends
        self.lemmas = lemmas
        self.keywords = keywords

    @classmethod
    def from_text(cls, text: str) -> ContextIndex:
        """Index ``text`` as the pattern tier tokenises it (words are keywords, marks not)."""
        ends: list[int] = []
        lemmas: list[str] = []
        keywords: list[int] = []
        for position, match in enumerate(WORD.finditer(text)):
            word = match.group()
            ends.append(match.end())
            lemmas.append(word.lower())
            if word.isalnum():
                keywords.append(position)
        return cls(ends, lemmas, keywords)

    @classmethod
    def from_artifacts(cls, artifacts: NlpArtifacts) -> ContextIndex:
        """Index any engine's artifacts, with Presidio's own keyword rule."""
        if isinstance(artifacts, LazyArtifacts):
            return artifacts.context_index()
        tokens: Any = artifacts.tokens
        starts: list[int] = list(artifacts.tokens_indices)
        ends = [start + len(token) for start, token in zip(starts, tokens, strict=True)]
        lemmas = [lemma.lower() for lemma in artifacts.lemmas]
        wanted = set(artifacts.keywords)
        return cls(ends, lemmas, [i for i, lemma in enumerate(lemmas) if lemma in wanted])

    def around(self, start: int, before: int, after: int) -> set[str] | None:
        """The context words of a match starting at ``start``, as Presidio collects them.

        The token holding ``start`` and up to ``before`` keywords before it (``before + 1``
        keywords in all, counting backwards from that token), and the first ``after + 1``
        keywords from that token on. None when no token holds ``start``.
        """
        token = bisect.bisect_right(self.ends, start)
        if token >= len(self.ends):
            return None
        upto = bisect.bisect_right(self.keywords, token)
        backward = self.keywords[max(0, upto - before - 1) : upto]
        since = bisect.bisect_left(self.keywords, token)
        forward = self.keywords[since : since + after + 1]
        return {self.lemmas[i] for i in (*backward, *forward)}


class LazyArtifacts(NlpArtifacts):
    """Pattern-tier NLP artifacts that tokenise only when asked.

    The pattern tier's recognisers never read tokens and :class:`ContextEnhancer` reads a
    :class:`ContextIndex`, so a scan makes neither a spaCy ``Doc`` nor Presidio's keyword list;
    both are made on first access for any other reader.
    """

    def __init__(self, text: str, nlp_engine: Any, language: str) -> None:
        # NlpArtifacts.__init__ is not called: it would tokenise at once.
        self.entities = []
        self.scores = []
        self.nlp_engine = nlp_engine
        self._text = text
        self._language = language
        self._index: ContextIndex | None = None

    def context_index(self) -> ContextIndex:
        """The text's context index (built once)."""
        if self._index is None:
            self._index = ContextIndex.from_text(self._text)
        return self._index

    def __getattr__(self, name: str) -> Any:
        # Only reached for attributes not yet set: the eager artifacts' fields.
        if name in ("tokens", "tokens_indices", "lemmas", "keywords"):
            full = self.nlp_engine.tokenise(self._text, self._language)
            for field in ("tokens", "tokens_indices", "lemmas", "keywords"):
                setattr(self, field, getattr(full, field))
            return getattr(full, name)
        raise AttributeError(name)


class ContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer, whole-word mode, answered from a context index.

    Results are raised in place (they are this analysis's own objects) rather than copied.
    """

    def __init__(
        self,
        context_similarity_factor: float = 0.35,
        min_score_with_context_similarity: float = 0.4,
        context_prefix_count: int = 5,
        context_suffix_count: int = 0,
    ) -> None:
        super().__init__(
            context_similarity_factor=context_similarity_factor,
            min_score_with_context_similarity=min_score_with_context_similarity,
            context_prefix_count=context_prefix_count,
            context_suffix_count=context_suffix_count,
            context_matching_mode="whole_word",
        )

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        """Raise the score of each result with one of its recogniser's context words near it.

        Args:
            text: the analysed text.
            raw_results: the recognisers' results (changed in place).
            nlp_artifacts: the NLP engine's artifacts for ``text``.
            recognizers: the recognisers that ran.
            context: extra context words given with the request.

        Returns:
            ``raw_results``, with raised scores.
        """
        if nlp_artifacts is None:
            return raw_results
        by_id = {recogniser.id: recogniser for recogniser in recognizers}
        extra = {word.lower() for word in context or ()}
        index: ContextIndex | None = None
        for result in raw_results:
            metadata = result.recognition_metadata or {}
            recogniser = by_id.get(metadata.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
            if recogniser is None or not recogniser.context:
                continue
            if metadata.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY):
                continue
            if index is None:
                index = ContextIndex.from_artifacts(nlp_artifacts)
            words = index.around(result.start, self.context_prefix_count,
                                 self.context_suffix_count)  # fmt: skip
            if words is None and index.ends:  # as Presidio: a match outside every token
                raise ValueError("matched text not found among the tokens")
            found = (words or set()) | extra  # no tokens at all: only the request's words
            supportive = next((c for c in recogniser.context if c.lower() in found), "")
            if supportive:
                score = max(result.score + self.context_similarity_factor,
                            self.min_score_with_context_similarity)  # fmt: skip
                result.score = min(score, ContextAwareEnhancer.MAX_SCORE)
                if result.analysis_explanation is not None:
                    result.analysis_explanation.set_supportive_context_word(supportive)
                    result.analysis_explanation.set_improved_score(result.score)
        return raw_results


__all__ = ["WORD", "ContextEnhancer", "ContextIndex", "LazyArtifacts"]
