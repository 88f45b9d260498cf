"""``scan``: classify an extract's columns and scan its free text, offline."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import polars as pl
from presidio_analyzer import AnalyzerEngine

from safelink.detect.columns import (
    ClassifySettings,
    ColumnProfile,
    classify_column,
    classify_sampled,
)
from safelink.detect.engine import Tier, build_engine
from safelink.detect.findings import ScanReport
from safelink.detect.freetext import FreeTextFinding, count_entities, scan_text
from safelink.detect.own import OWN_ENTITIES, own_terms
from safelink.detect.sampled import sample_file
from safelink.errors import InputError
from safelink.identifiers import Identifier
from safelink.infra.io import read_frame, to_polars, write_csv_safe, write_parquet


@lru_cache(maxsize=4)
def _engine(tier: Tier, model: str | None, manifest: str | None) -> AnalyzerEngine:
    return build_engine(
        tier=tier, model=model, manifest=None if manifest is None else Path(manifest)
    )


def scan(
    data: Any,
    *,
    sample: int = 5_000,
    seed: int = 0,
    min_share: float = 0.8,
    header_min_share: float = 0.5,
    free_text: Sequence[str] = (),
    redact_to: Path | str | None = None,
    tier: Tier = "pattern",
    model: str | Path | None = None,
    manifest: Path | str | None = None,
    encoding: str = "utf-8",
    delimiter: str = ",",
    row_aware: bool = True,
    key_column: str | None = None,
    progress: bool = False,
    learned: bool = True,
) -> ScanReport:
    """Find the columns of an extract that hold identifiers, and identifiers in free text.

    Args:
        data: a polars or pandas DataFrame, or the path of a CSV or Parquet file.
        sample: values sampled per column for classification (seeded).
        seed: the sampling seed.
        min_share: share of values that must match to flag a column on values alone.
        header_min_share: the share needed when the column header names the identifier.
        free_text: columns whose every row is scanned (free-text columns found by shape are
            analysed on a sample only).
        redact_to: write the ``free_text`` columns here with entities replaced by
            ``<ENTITY>`` (CSV or Parquet by suffix).
        tier: ``"pattern"`` (no model) or ``"model"`` (adds a spaCy pipeline).
        model: the model tier's pipeline: package name or data directory.
        manifest: the pipeline's SHA-256 manifest (default: the pinned one).
        encoding: text encoding of a CSV input.
        delimiter: field separator of a CSV input.
        row_aware: also find, in each row's free text, the identifiers that row's own
            identifier columns hold (its person's name, date of birth, NHS number, ...; the
            columns this scan finds as person identifiers).
        key_column: the column copied into the redacted file so it joins back to the extract
            (default ``record_id`` when present, else the row number as ``row``).
        progress: show the free-text scan's progress on standard error.
        learned: ask the learned classifier about the columns the rules do not find direct; a
            column it flags is a ``DIRECT_IDENTIFIER`` finding at medium confidence, for review.

    Returns:
        The scan report (no values; masked examples only).

    Raises:
        InputError: the input cannot be read, a named column is missing or a setting is bad.
        OutputError: the redacted copy cannot be written.
        VerificationError: the model tier's pipeline fails its manifest check.

    Example:
        >>> report = safelink.scan(frame, sample=2_000)  # doctest: +SKIP
        >>> report.direct_columns  # doctest: +SKIP
    """
    _check_settings(sample, min_share, header_min_share, tier)
    settings = ClassifySettings(
        sample=sample,
        seed=seed,
        min_share=min_share,
        header_min_share=header_min_share,
        learned=learned,
    )
    report_settings = {
        "sample": sample,
        "seed": seed,
        "min_share": min_share,
        "header_min_share": header_min_share,
        "tier": tier,
        "row_aware": row_aware,
        "learned": learned,
    }
    if isinstance(data, (str, Path)) and not free_text and redact_to is None:
        # Only samples are classified: the file is streamed, never held (flat in its rows).
        drawn = sample_file(Path(data), settings, encoding=encoding, delimiter=delimiter)
        engine = _engine(tier, None if model is None else str(model),
                         None if manifest is None else str(manifest))  # fmt: skip
        return ScanReport(
            source=str(data),
            rows=drawn.rows,
            columns=tuple(
                classify_sampled(c, settings, lambda rows: count_entities(rows, engine))
                for c in drawn.columns
            ),
            settings=report_settings,
        )
    if isinstance(data, (str, Path)):
        frame = read_frame(Path(data), encoding=encoding, delimiter=delimiter)
        source = str(data)
    else:
        frame = to_polars(data)
        source = "<frame>"
    missing = [c for c in free_text if c not in frame.columns]
    if missing:
        raise InputError(
            f"{source}: free-text column(s) {missing} not found; the input has {frame.columns}."
        )
    if redact_to is not None and not free_text:
        raise InputError("redact_to needs at least one free-text column (free_text=[...]).")
    key = _key(frame, key_column, source) if redact_to is not None else None
    engine = _engine(tier, None if model is None else str(model),
                     None if manifest is None else str(manifest))  # fmt: skip
    profiles = tuple(
        classify_column(
            name, frame.get_column(name), settings, lambda rows: count_entities(rows, engine)
        )
        for name in frame.columns
    )
    texts: list[FreeTextFinding] = []
    redacted: dict[str, pl.Series] = {}
    identifiers = _own_columns(profiles, exclude=free_text) if row_aware and free_text else {}
    own = own_terms(frame, identifiers) if identifiers else None
    for name in free_text:
        finding, copy = scan_text(
            frame.get_column(name),
            engine,
            redacted=redact_to is not None,
            own=own,
            progress=progress,
        )
        texts.append(finding)
        if copy is not None:
            redacted[name] = copy
    if redact_to is not None and key is not None:
        joined = [key] if key.name not in redacted else []
        _write_redacted(pl.DataFrame([*joined, *redacted.values()]), Path(redact_to))
    return ScanReport(
        source=source,
        rows=frame.height,
        columns=profiles,
        free_text=tuple(texts),
        settings=report_settings,
    )


def _own_columns(
    profiles: Sequence[ColumnProfile], *, exclude: Sequence[str]
) -> dict[str, Identifier]:
    """The columns found to hold a person's identifiers a note may repeat."""
    return {
        p.column: p.finding.kind
        for p in profiles
        if p.finding is not None
        and p.finding.detected
        and p.finding.subject == "person"
        and p.finding.kind in OWN_ENTITIES
        and p.column not in exclude
    }


def _key(frame: pl.DataFrame, key_column: str | None, source: str) -> pl.Series:
    """The column that joins the redacted copy back to its extract."""
    if key_column is not None:
        if key_column not in frame.columns:
            raise InputError(
                f"{source}: key column {key_column!r} not found; the input has {frame.columns}."
            )
        return frame.get_column(key_column)
    if "record_id" in frame.columns:
        return frame.get_column("record_id")
    return pl.Series("row", range(frame.height), dtype=pl.Int64)


def _check_settings(sample: int, min_share: float, header_min_share: float, tier: str) -> None:
    problems = []
    if sample < 1:
        problems.append("sample must be at least 1")
    if not 0 < min_share <= 1 or not 0 < header_min_share <= 1:
        problems.append("min_share and header_min_share must be in (0, 1]")
    if tier not in ("pattern", "model"):
        problems.append(f"tier must be 'pattern' or 'model', not {tier!r}")
    if problems:
        raise InputError("scan settings: " + "; ".join(problems) + ".")


def _write_redacted(frame: pl.DataFrame, destination: Path) -> None:
    if destination.suffix.lower() in (".parquet", ".pq"):
        write_parquet(frame, destination)
    elif destination.suffix.lower() == ".csv":
        write_csv_safe(frame, destination)
    else:
        raise InputError(f"{destination}: the redacted copy must be a .csv or .parquet file.")
