"""What a pseudonymisation run records: counts per column (never values) that add across batches."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import polars as pl

from safelink._version import __version__


@dataclass(frozen=True, slots=True, kw_only=True)
class ColumnSummary:
    """What happened to one identifier column (counts only, never values)."""

    column: str
    kind: str
    token_columns: tuple[str, ...]
    rows: int
    missing: int
    rejected: Mapping[str, int]
    warnings: Mapping[str, int] = field(default_factory=dict)
    """Accepted values worth a second look, by kind (NHS numbers in never-issued or
    unallocated ranges)."""
    rejected_shapes: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    """Per reason, the commonest masked shapes of the rejected values and their counts
    (:func:`safelink.normalise.rules.value_shape`: ``9999: 3,031``); never a value."""

    @property
    def accepted(self) -> int:
        """Values that produced a token."""
        return self.rows - self.missing - sum(self.rejected.values())


@dataclass(frozen=True, slots=True, kw_only=True)
class RunSummary:
    """The record of a pseudonymisation run, saved as JSON beside its outputs."""

    source: str
    rows: int
    key_id: str
    token_length: int
    columns: tuple[ColumnSummary, ...]
    content_columns: tuple[str, ...]
    timings: Mapping[str, float] = field(default_factory=dict)
    outputs: Mapping[str, str] = field(default_factory=dict)
    safelink_version: str = __version__
    opt_outs: Mapping[str, Any] | None = None
    """The opt-out list applied (its SHA-256, entries, key id) and the records it dropped;
    None when the job has no opt-out list."""
    expires: str | None = None
    """The date the outputs expire (the job's agreement end, ISO), when the job has
    governance: ``safelink purge`` deletes them after it."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (``opt_outs`` and ``expires`` only when they apply)."""
        document = asdict(self)
        for column, summary in zip(document["columns"], self.columns, strict=True):
            column["accepted"] = summary.accepted
        for optional in ("opt_outs", "expires"):
            if document[optional] is None:
                del document[optional]
        return document

    def to_frame(self) -> pl.DataFrame:
        """One row per identifier column: rows, accepted, missing, rejected (counts only).

        A polars DataFrame (``.to_pandas()`` for pandas); rejected values by reason are in
        :meth:`to_dict`.
        """
        return pl.DataFrame(
            [
                {"column": c.column, "kind": c.kind, "rows": c.rows, "accepted": c.accepted,
                 "missing": c.missing, "rejected": sum(c.rejected.values())}
                for c in self.columns
            ],
            schema={"column": pl.String, "kind": pl.String, "rows": pl.Int64,
                    "accepted": pl.Int64, "missing": pl.Int64, "rejected": pl.Int64},
        )  # fmt: skip

    def rejected_total(self) -> int:
        """Total rejected values over all identifier columns."""
        return sum(sum(c.rejected.values()) for c in self.columns)


#: Masked shapes kept per rejection reason in a run summary: the commonest ones.
SHAPES_PER_REASON = 5


def commonest_shapes(counts: Mapping[tuple[str, str], int]) -> dict[str, dict[str, int]]:
    """Per reason, the :data:`SHAPES_PER_REASON` commonest masked shapes with their counts.

    Args:
        counts: ``(reason, shape) -> count`` over a whole run.

    Returns:
        ``reason -> {shape: count}``, reasons sorted, shapes by count then shape.
    """
    by_reason: dict[str, list[tuple[int, str]]] = {}
    for (reason, shape), count in counts.items():
        by_reason.setdefault(reason, []).append((-count, shape))
    return {
        reason: {shape: -negative for negative, shape in sorted(pairs)[:SHAPES_PER_REASON]}
        for reason, pairs in sorted(by_reason.items())
    }


@dataclass(slots=True)
class TokenCounts:
    """What a tokeniser saw, per identifier column (counts only, never values).

    Mergeable, so that the counts of many batches, or of many Spark tasks, add up to the
    run's: :meth:`merge` is associative and commutative.
    """

    rows: int = 0
    opted_out: int = 0
    missing: dict[str, int] = field(default_factory=dict)
    rejected: dict[str, dict[str, int]] = field(default_factory=dict)
    warnings: dict[str, dict[str, int]] = field(default_factory=dict)
    shapes: dict[str, dict[tuple[str, str], int]] = field(default_factory=dict)

    def merge(self, other: TokenCounts) -> TokenCounts:
        """Add ``other``'s counts into these (in place) and return them."""
        self.rows += other.rows
        self.opted_out += other.opted_out
        _add(self.missing, other.missing)
        for mine, theirs in (
            (self.rejected, other.rejected),
            (self.warnings, other.warnings),
            (self.shapes, other.shapes),
        ):
            for name, counts in theirs.items():
                _add(mine.setdefault(name, {}), counts)
        return self


def _add(into: dict[Any, int], counts: Mapping[Any, int]) -> None:
    for key, count in counts.items():
        into[key] = into.get(key, 0) + count
