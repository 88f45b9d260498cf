"""The scan report: findings per column and per free-text column, never the values."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import polars as pl
from rich.table import Table

from safelink.detect.columns import DIRECT_TEXT_ENTITIES, ColumnFinding, ColumnProfile
from safelink.detect.freetext import FreeTextFinding


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanReport:
    """What a scan found.

    Attributes:
        source: the file scanned, or ``"<frame>"``.
        rows: rows in the input.
        columns: one profile per column, in input order.
        free_text: full-row scans of the free-text columns asked for.
        settings: the sampling and threshold settings used.
    """

    source: str
    rows: int
    columns: tuple[ColumnProfile, ...]
    free_text: tuple[FreeTextFinding, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def findings(self) -> tuple[ColumnFinding, ...]:
        """Every column finding (including low-confidence hints)."""
        return tuple(p.finding for p in self.columns if p.finding is not None)

    @property
    def direct_columns(self) -> tuple[str, ...]:
        """Columns detected (high or medium confidence) as holding a direct identifier."""
        columns = {f.column for f in self.findings if f.direct and f.detected}
        columns |= {
            f.column for f in self.free_text if any(e in DIRECT_TEXT_ENTITIES for e in f.rows_with)
        }
        return tuple(p.column for p in self.columns if p.column in columns)

    @property
    def has_direct(self) -> bool:
        """Whether any direct identifier was detected (the release gate)."""
        return bool(self.direct_columns)

    def to_frame(self) -> pl.DataFrame:
        """One row per column: what was found, how sure, and whether it is direct.

        No examples, masked or not: counts, shares and names only (``.to_pandas()`` for
        pandas).
        """
        rows = []
        for p in self.columns:
            f = p.finding
            rows.append(
                {
                    "column": p.column,
                    "non_empty": p.non_empty,
                    "entity": None if f is None else f.entity,
                    "kind": None if f is None or f.kind is None else str(f.kind),
                    "direct": bool(f is not None and f.direct and f.detected),
                    "share": None if f is None else f.share,
                    "confidence": None if f is None else str(f.confidence),
                }
            )
        schema = {"column": pl.String, "non_empty": pl.Int64, "entity": pl.String,
                  "kind": pl.String, "direct": pl.Boolean, "share": pl.Float64,
                  "confidence": pl.String}  # fmt: skip
        return pl.DataFrame(rows, schema=schema)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for JSON: counts, shares, evidence and masked examples only."""
        return {
            "source": self.source,
            "rows": self.rows,
            "settings": self.settings,
            "direct_columns": list(self.direct_columns),
            "columns": [
                {
                    "column": p.column,
                    "dtype": p.dtype,
                    "non_empty": p.non_empty,
                    "sampled": p.sampled,
                    "free_text": p.free_text,
                    "finding": None if p.finding is None else p.finding.to_dict(),
                }
                for p in self.columns
            ],
            "free_text": [f.to_dict() for f in self.free_text],
        }


def _identifies(finding: ColumnFinding) -> str:
    if finding.identifies == "direct":
        return "direct" if finding.detected else "direct? (low confidence)"
    if finding.identifies == "quasi":
        return "quasi (indirect)" if finding.detected else "quasi? (low confidence)"
    return ""


def render_table(report: ScanReport) -> Table:
    """A rich table of the findings (masked examples only)."""
    table = Table(
        "column",
        "finding",
        "identifies",
        "share",
        "confidence",
        "examples",
        "evidence",
        title=f"{report.source}: {report.rows:,} rows, {len(report.columns)} columns",
    )
    for profile in report.columns:
        f = profile.finding
        if f is None:
            table.add_row(
                profile.column, "-", "", "", "", "", "free text" if profile.free_text else ""
            )
            continue
        table.add_row(
            f.column,
            f.entity + ("" if f.subject == "person" else f" ({f.subject})"),
            _identifies(f),
            f"{f.share:.0%}",
            f.confidence,
            ", ".join(f.examples),
            "; ".join(f.evidence),
        )
    for text in report.free_text:
        counts = ", ".join(f"{e}: {n:,}" for e, n in sorted(text.rows_with.items())) or "none"
        table.add_row(
            text.column,
            "FREE_TEXT (all rows)",
            "direct" if text.column in report.direct_columns else "",
            "",
            "",
            "",
            f"rows with {counts}",
        )
    return table
