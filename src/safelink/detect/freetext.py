"""Free-text scanning: every row of a notes column through the Presidio analyzer.

Rows are analysed once per distinct text. In the pattern tier, rows that cannot hold any
pattern-tier entity (no digit, no ``@``, no title, role or relationship word, no run of
capitalised words) are skipped by one vectorised regex; the model tier analyses every
distinct row, in spaCy batches. Texts longer than :data:`WINDOW` characters are analysed in
overlapping windows, so a 1 MB cell costs time in proportion to its length and never hangs a
regex.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

import polars as pl
from presidio_analyzer import AnalyzerEngine, RecognizerResult

from safelink.detect.engine import LANGUAGE, ModelNlpEngine
from safelink.detect.names import MAY_HOLD_CUE
from safelink.detect.own import OwnTerms
from safelink.infra.progress import Progress

#: Entities reported in free text (plain dates are left out: they are not identifiers).
FREE_TEXT_ENTITIES = (
    "ADDRESS", "CHI_NUMBER", "DATE_OF_BIRTH", "EMAIL_ADDRESS", "HOSPITAL_NUMBER", "LOCATION",
    "NHS_NUMBER", "NI_NUMBER", "ORGANIZATION", "PERSON", "PHONE_NUMBER", "POSTCODE", "UPRN",
    "UK_DRIVING_LICENCE", "UK_PASSPORT", "UK_VEHICLE_REGISTRATION",
)  # fmt: skip
WINDOW = 10_000


def _ignore(units: int) -> None:
    """Progress nobody watches."""


_JOIN_CHARS = 20_000
# Between joined rows: more characters than the birth-date window (40) and more words than the
# context window (6: Presidio's context skips punctuation, so marks alone let one row's "UPRN"
# raise the next row's number). The words match no recogniser.
_SEPARATOR = "\n" + " ." * 30 + " x" * 8 + "\n"
_OVERLAP = 200
# Joined chunks whose matches are validated together (about 640,000 characters).
_CHUNKS_PER_BATCH = 32
_MAY_HOLD = rf"\d|@|[A-Z][A-Za-z'\-]+ +[A-Z][A-Za-z]|{MAY_HOLD_CUE}"


@runtime_checkable
class _Batched(Protocol):
    """A recogniser that can find and validate the matches of many texts at once."""

    def prepare(self, texts: Sequence[str]) -> None: ...

    def release(self) -> None: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class FreeTextFinding:
    """Counts of rows holding each entity type in one free-text column (no values).

    Attributes:
        column: the column name.
        rows: rows in the column. analysed: distinct non-empty texts analysed.
        rows_with: rows holding at least one entity of each type.
        rows_with_own: of those, rows where the row's own identifier of that type was found
            (row-aware redaction; empty when it was not used).
        redacted: whether a redacted copy was made.
    """

    column: str
    rows: int
    analysed: int
    rows_with: dict[str, int] = field(default_factory=dict)
    rows_with_own: dict[str, int] = field(default_factory=dict)
    redacted: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for JSON."""
        return {
            "column": self.column,
            "rows": self.rows,
            "analysed": self.analysed,
            "rows_with": dict(sorted(self.rows_with.items())),
            "rows_with_own": dict(sorted(self.rows_with_own.items())),
            "redacted": self.redacted,
        }


def analyse_texts(
    engine: AnalyzerEngine, texts: Sequence[str], *, prefilter: bool = True
) -> list[list[RecognizerResult]]:
    """The engine's finds in each text, as :func:`scan_text` gets them.

    With ``prefilter``, texts no pattern can match are skipped on the pattern tier.
    """
    distinct = pl.Series(list(dict.fromkeys(texts)), dtype=pl.String)
    chosen = _candidates(distinct, engine, prefilter=prefilter)
    by_text = dict(zip(chosen, _analyse(engine, chosen), strict=True))
    return [by_text.get(t, []) for t in texts]


def _candidates(distinct: pl.Series, engine: AnalyzerEngine, *, prefilter: bool) -> list[str]:
    """The distinct texts worth analysing.

    On the pattern tier with ``prefilter``, those some pattern could match; otherwise every
    non-blank one.
    """
    if prefilter and not isinstance(engine.nlp_engine, ModelNlpEngine):
        return distinct.filter(distinct.str.contains(_MAY_HOLD).fill_null(False)).to_list()
    return distinct.filter(distinct.str.strip_chars().str.len_chars() > 0).to_list()


def _analyse(
    engine: AnalyzerEngine, texts: Sequence[str], advance: Callable[[int], None] = _ignore
) -> list[list[RecognizerResult]]:
    supported = set(engine.get_supported_entities(LANGUAGE))
    entities = [e for e in FREE_TEXT_ENTITIES if e in supported]
    model = isinstance(engine.nlp_engine, ModelNlpEngine)
    results: list[list[RecognizerResult]] = []
    short = [t for t in texts if len(t) <= WINDOW]
    by_text: dict[str, list[RecognizerResult]] = {}
    if model and short:
        for text, artifacts in engine.nlp_engine.process_batch(short, LANGUAGE, batch_size=128):
            by_text[text] = engine.analyze(
                text, language=LANGUAGE, entities=entities, nlp_artifacts=artifacts
            )
            advance(1)
    if not model:
        by_text.update(_analyse_joined(engine, short, entities, advance))
    for text in texts:
        if text in by_text:
            results.append(by_text[text])
            continue
        if len(text) <= WINDOW:
            results.append(engine.analyze(text, language=LANGUAGE, entities=entities))
        else:
            results.append(_analyse_long(engine, text, entities))
        advance(1)
    return results


def _analyse_joined(
    engine: AnalyzerEngine,
    texts: Sequence[str],
    entities: list[str],
    advance: Callable[[int], None] = _ignore,
) -> dict[str, list[RecognizerResult]]:
    # Presidio's per-call overhead dominates short rows, so the pattern tier analyses many rows
    # in one call. The separator is longer than any context window (40 characters, 6 words)
    # and no pattern can match across it, so each row is judged as if alone. The recognisers
    # that can (``prepare``) find and validate the matches of a group of calls at once.
    found: dict[str, list[RecognizerResult]] = {}
    chunks = _chunks(texts)
    batched = [r for r in engine.registry.recognizers if isinstance(r, _Batched)]
    for first in range(0, len(chunks), _CHUNKS_PER_BATCH):
        group = chunks[first : first + _CHUNKS_PER_BATCH]
        joined = [_SEPARATOR.join(chunk) for chunk in group]
        try:
            for recogniser in batched:
                recogniser.prepare(joined)
            for chunk, text in zip(group, joined, strict=True):
                found.update(_split_results(engine, chunk, text, entities))
                advance(len(chunk))
        finally:
            for recogniser in batched:
                recogniser.release()
    return found


def _chunks(texts: Sequence[str]) -> list[list[str]]:
    """Rows grouped into chunks of about :data:`_JOIN_CHARS` characters."""
    chunks: list[list[str]] = []
    start = 0
    while start < len(texts):
        chunk: list[str] = []
        size = 0
        while start < len(texts) and size < _JOIN_CHARS:
            chunk.append(texts[start])
            size += len(texts[start]) + len(_SEPARATOR)
            start += 1
        chunks.append(chunk)
    return chunks


def _split_results(
    engine: AnalyzerEngine, chunk: list[str], joined: str, entities: list[str]
) -> dict[str, list[RecognizerResult]]:
    """Analyse the joined rows of one chunk and give each row its own results."""
    offsets, position = [], 0
    for text in chunk:
        offsets.append(position)
        position += len(text) + len(_SEPARATOR)
    per_row: list[list[RecognizerResult]] = [[] for _ in chunk]
    for result in engine.analyze(joined, language=LANGUAGE, entities=entities):
        row = bisect.bisect_right(offsets, result.start) - 1
        if result.end <= offsets[row] + len(chunk[row]):
            result.start -= offsets[row]
            result.end -= offsets[row]
            per_row[row].append(result)
    return dict(zip(chunk, per_row, strict=True))


def _analyse_long(engine: AnalyzerEngine, text: str, entities: list[str]) -> list[RecognizerResult]:
    found: list[RecognizerResult] = []
    for start in range(0, len(text), WINDOW - _OVERLAP):
        for result in engine.analyze(
            text[start : start + WINDOW], language=LANGUAGE, entities=entities
        ):
            result.start += start
            result.end += start
            found.append(result)
    return found


def redact(text: str, results: Iterable[RecognizerResult]) -> str:
    """Replace each found entity with ``<ENTITY>``.

    Overlapping finds are replaced together, by the entity of the best-scored one: every
    character any recogniser found is removed (keeping only the best of "Tom" and "Tom
    Baines" would leave part of a name).
    """
    merged: list[tuple[int, int, RecognizerResult]] = []
    for result in sorted(results, key=lambda r: (r.start, -r.end)):
        if merged and result.start < merged[-1][1]:
            start, end, best = merged[-1]
            better = (result.score, result.end - result.start) > (best.score, best.end - best.start)
            merged[-1] = (start, max(end, result.end), result if better else best)
        else:
            merged.append((result.start, result.end, result))
    for start, end, best in reversed(merged):
        text = text[:start] + f"<{best.entity_type}>" + text[end:]
    return text


def scan_text(
    values: pl.Series,
    engine: AnalyzerEngine,
    *,
    redacted: bool = False,
    prefilter: bool = True,
    own: Sequence[OwnTerms] | None = None,
    progress: bool = False,
) -> tuple[FreeTextFinding, pl.Series | None]:
    """Scan every row of a free-text column.

    Args:
        values: the column.
        engine: an analyzer from :func:`safelink.detect.engine.build_engine`.
        redacted: also return a copy with entities replaced by ``<ENTITY>``.
        prefilter: skip rows no pattern-tier recogniser can match (ignored for the model tier).
        own: each row's own identifiers (:func:`safelink.detect.own.own_terms`), searched
            for in that row's text as well (row-aware redaction).
        progress: show progress on standard error (a bar on a terminal).

    Returns:
        The per-entity row counts and, when asked, the redacted column (same length/order).
    """
    text = values.cast(pl.String)
    counts = text.alias("text").drop_nulls().value_counts(name="n")
    distinct = counts.get_column("text")
    texts = _candidates(distinct, engine, prefilter=prefilter)
    if progress:
        with Progress(len(texts), f"scan {text.name}: distinct texts") as shown:
            results = _analyse(engine, texts, shown.advance)
    else:
        results = _analyse(engine, texts)
    if own is not None:
        return _scan_rows(text, dict(zip(texts, results, strict=True)), own, redacted=redacted)
    rows_with: dict[str, int] = {}
    weight = dict(zip(distinct.to_list(), counts.get_column("n").to_list(), strict=True))
    for original, found in zip(texts, results, strict=True):
        for entity in {r.entity_type for r in found}:
            rows_with[entity] = rows_with.get(entity, 0) + int(weight[original])
    finding = FreeTextFinding(
        column=text.name, rows=text.len(), analysed=len(texts), rows_with=rows_with,
        redacted=redacted,
    )  # fmt: skip
    if not redacted:
        return finding, None
    mapping = {t: redact(t, found) for t, found in zip(texts, results, strict=True) if found}
    if not mapping:
        return finding, text
    table = pl.DataFrame(
        {"k": list(mapping), "v": list(mapping.values())}, schema={"k": pl.String, "v": pl.String}
    )
    joined = pl.DataFrame({"k": text}).join(table, on="k", how="left", maintain_order="left")
    out = joined.select(pl.coalesce("v", "k").alias(text.name)).to_series()
    return finding, out


def _scan_rows(
    text: pl.Series,
    by_text: dict[str, list[RecognizerResult]],
    own: Sequence[OwnTerms],
    *,
    redacted: bool,
) -> tuple[FreeTextFinding, pl.Series | None]:
    """Row by row: the patterns' finds for the text plus the row's own identifiers."""
    if len(own) != text.len():
        raise ValueError(f"own terms for {len(own)} rows, but the column has {text.len()}")
    rows_with: dict[str, int] = {}
    rows_with_own: dict[str, int] = {}
    out: list[str | None] = []
    for value, terms in zip(text.to_list(), own, strict=True):
        if value is None:
            out.append(None)
            continue
        own_found = terms.find(value)
        found = by_text.get(value, []) + own_found
        for entity in {r.entity_type for r in found}:
            rows_with[entity] = rows_with.get(entity, 0) + 1
        for entity in {r.entity_type for r in own_found}:
            rows_with_own[entity] = rows_with_own.get(entity, 0) + 1
        out.append(redact(value, found) if found else value)
    finding = FreeTextFinding(
        column=text.name, rows=text.len(), analysed=len(by_text), rows_with=rows_with,
        rows_with_own=rows_with_own, redacted=redacted,
    )  # fmt: skip
    return finding, pl.Series(text.name, out, dtype=pl.String) if redacted else None


#: A name in at least this many sampled rows recurs; when only this few names recur, they
#: name a service, a place or a template ("Dr Gray's", a clinic named after its founder).
_RECURRING_ROWS = 3
_FEW_RECURRING = 2
#: The pseudo-entity counting rows whose only names recur (not a direct identifier).
RECURRING_NAME = "RECURRING_NAME"
_TITLES = re.compile(r"\b(?:mr|mrs|ms|miss|mx|dr|prof|sr|rev|sir|dame)\b|'s\b|[^\w ]")


def count_entities(values: pl.Series, engine: AnalyzerEngine) -> dict[str, int]:
    """Rows of ``values`` holding each entity type (used on a sample during classification).

    People are named with variety: a free-text column whose names are one or two recurring
    ones, each in :data:`_RECURRING_ROWS` rows or more, names a place, a service or a
    template after someone ("at Dr Gray's", "Mrs Jones Memory Clinic"). Rows holding only
    those are counted as :data:`RECURRING_NAME`, not ``PERSON``; any other name counts.
    """
    texts = [t for t in values.to_list() if t is not None]
    rows_with: dict[str, int] = {}
    people: list[set[str]] = []
    for text, found in zip(texts, analyse_texts(engine, texts), strict=True):
        for entity in {r.entity_type for r in found}:
            rows_with[entity] = rows_with.get(entity, 0) + 1
        people.append(
            {_person_key(text[r.start : r.end]) for r in found if r.entity_type == "PERSON"}
        )
    rows_by_name: dict[str, int] = {}
    for names in people:
        for key in names:
            rows_by_name[key] = rows_by_name.get(key, 0) + 1
    recurring = {key for key, rows in rows_by_name.items() if rows >= _RECURRING_ROWS}
    if recurring and len(recurring) <= _FEW_RECURRING:
        varied = sum(1 for names in people if names - recurring)
        rows_with[RECURRING_NAME] = sum(1 for names in people if names and names <= recurring)
        if varied:
            rows_with["PERSON"] = varied
        else:
            rows_with.pop("PERSON", None)
    return rows_with


def _person_key(name: str) -> str:
    """A name as compared across rows: lower case, without titles, possessives or marks."""
    return " ".join(_TITLES.sub(" ", name.lower()).split())
