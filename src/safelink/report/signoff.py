"""The parts of a release report an IG lead signs from: what was checked, codebook, data quality.

Rendered from the manifest's ``disclosure.assessment``, ``codebook`` and ``data_quality``
(:mod:`safelink.release.assessment`): names, counts and settings only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from safelink.report.html import _badge, _section, table


def checked_part(assessment: Mapping[str, Any]) -> str:
    """What the disclosure PASS was measured on and against (beside the badge).

    Args:
        assessment: the manifest's ``disclosure.assessment``.

    Returns:
        The markup (empty when the manifest has no assessment).
    """
    if not assessment:
        return ""

    def names(values: Sequence[str]) -> str:
        return ", ".join(values) if values else "none"

    rows: list[tuple[str, Any]] = [
        ("profile", assessment.get("profile")),
        ("quasi-identifiers (classes formed on)", names(assessment.get("quasi_identifiers", []))),
        ("sensitive attributes (l, t measured on)", names(assessment.get("sensitive", []))),
        ("person column (k counts persons)", assessment.get("person")),
        (
            "reference date for ages",
            assessment.get("reference_date") or "none (no age is computed from a date of birth)",
        ),
    ]
    thresholds = assessment.get("thresholds") or {}
    rows += [(t["meaning"], t["value"]) for t in thresholds.values()]
    others = assessment.get("other_columns") or []
    rows.append(("released columns assessed as neither", names([o["column"] for o in others])))
    parts = [
        '<div id="checked"><p>'
        + _badge(bool(assessment.get("passed")))
        + " <b>What was checked, and against what</b></p>",
        table(["checked", "against"], rows),
    ]
    warnings = assessment.get("warnings") or []
    if warnings:
        parts.append(
            '<p class="fail">Warning: high-cardinality columns assessed as neither</p><ul>'
            + "".join(f"<li>{escape(w)}</li>" for w in warnings)
            + "</ul>"
        )
    parts.append(
        table(
            ["column", "distinct values", "distinct share", "warning"],
            [
                (o["column"], o["distinct"], o["distinct_share"], "yes" if o["warning"] else "-")
                for o in others
            ],
            caption="Released columns assessed as neither quasi-identifier nor sensitive",
        )
        + "</div>"
    )
    return "".join(parts)


def codebook_section(codebook: Sequence[Mapping[str, Any]]) -> str:
    """Every released column: type, role, coding and generalisation."""
    if not codebook:
        return ""
    rows = [(c["column"], c["type"], c["role"], c["coding"], c["generalisation"]) for c in codebook]
    return _section(
        "codebook",
        "Codebook",
        table(["column", "type", "role", "coding", "generalisation"], rows),
    )


def data_quality_section(sources: Sequence[Mapping[str, Any]]) -> str:
    """Per source and identifier: accepted, missing, rejected by reason (masked shapes)."""
    if not sources:
        return ""
    rows = []
    for source in sources:
        if not source.get("columns"):
            rows.append((source["source"], "no pseudonymise summary found", "", "", "", ""))
        for column in source.get("columns", []):
            reasons = ", ".join(f"{r}: {n:,}" for r, n in column["rejected"].items()) or "-"
            shapes = "; ".join(
                ", ".join(f"{shape!r}: {n:,}" for shape, n in by_shape.items())
                for by_shape in (column.get("rejected_shapes") or {}).values()
            )
            rows.append(
                (
                    source["source"],
                    f"{column['column']} ({column['kind']})",
                    column["accepted"],
                    column["missing"],
                    reasons,
                    shapes or "-",
                )
            )
    body = table(
        ["source", "identifier", "accepted", "missing", "rejected (by reason)",
         "rejected shapes (9 digit, A letter)"],
        rows,
    )  # fmt: skip
    return _section("data-quality", "Data quality of the identifiers", body)
