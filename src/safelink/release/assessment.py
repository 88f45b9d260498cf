"""What a release's checks were made against, for the IG lead: assessment, codebook, data quality.

Three manifest sections, each counts and names only (never a data value):

- ``disclosure.assessment``: the profile and its thresholds (k, suppression limit, l, t, ...),
  the reference date for ages, the quasi-identifiers and sensitive attributes the PASS was
  measured on, and every other released column, assessed as neither, with a warning where
  its many distinct values (an exact cost, a timestamp) could single a person out.
- ``codebook``: every released column, its type, its role, its coding (sex codes harmonised
  to the NHS Data Dictionary's, ISO dates) and its generalisation (the hierarchy level).
- ``data_quality``: per source and identifier column, values accepted, missing and rejected
  by reason (with masked shapes), from the pseudonymise run summaries beside the content files.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import polars as pl

from safelink.disclosure import Anonymised, DisclosureConfig
from safelink.disclosure.hierarchies import generalised_name
from safelink.errors import InputError
from safelink.release.settings import PERSON

#: A released column assessed as neither quasi-identifier nor sensitive gets a warning when
#: more than this share of its non-missing values are distinct, and it has more than
#: :data:`HIGH_CARDINALITY_MIN` distinct values.
HIGH_CARDINALITY_SHARE = 0.5
HIGH_CARDINALITY_MIN = 20

#: What each harmonising normaliser codes a column as.
CODINGS = {
    "sex": "NHS Data Dictionary codes: 1 male, 2 female, 9 indeterminate, X not known "
    "(harmonised across sources)",
    "date": "ISO 8601 date, YYYY-MM-DD (harmonised across sources)",
}
_THRESHOLDS = (
    ("k", "k-anonymity (persons per class, at least)"),
    ("max_suppression", "share of rows that may be suppressed (at most)"),
    ("max_prosecutor_risk", "highest prosecutor risk (at most; default 1/k)"),
    ("l", "l-diversity of each sensitive attribute (at least)"),
    ("l_kind", "l-diversity kind"),
    ("t", "t-closeness of each sensitive attribute (at most)"),
    ("alpha", "(alpha, k)-anonymity bound"),
    ("beta", "beta-likeness bound"),
    ("delta", "delta-disclosure bound"),
)


def generalised_renames(
    transformations: Sequence[Mapping[str, Any]], columns: Sequence[str]
) -> dict[str, str]:
    """Released columns to rename for what they hold after generalisation (``age`` -> ``age_band``).

    The last generalisation of each column decides
    (:func:`~safelink.disclosure.hierarchies.generalised_name`); a name already taken, or
    given to two columns, is not used (the column keeps its own).

    Args:
        transformations: the steps applied, as recorded (``action``, ``column``, ``hierarchy``,
            ``level``).
        columns: the released columns.

    Returns:
        Old name -> new name, for the columns that change.
    """
    last: dict[str, str] = {}
    for step in transformations:
        column = step.get("column")
        if step.get("action") == "generalise" and isinstance(column, str) and column in columns:
            last[column] = generalised_name(column, step.get("hierarchy"), step.get("level"))
    wanted = {old: new for old, new in last.items() if new != old}
    taken = Counter(wanted.values())
    return {
        old: new
        for old, new in wanted.items()
        if taken[new] == 1 and (new not in columns or wanted.get(new, new) != new)
    }


def assessment(
    config: DisclosureConfig,
    data: pl.DataFrame,
    *,
    passed: bool,
    person: str,
    transformations: Sequence[Mapping[str, Any]] = (),
    renames: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """What the disclosure PASS (or FAIL) was measured on and against.

    Args:
        config: the disclosure config the release was checked with.
        data: the released data.
        passed: whether the disclosure check passed.
        person: the released person pseudonym column.
        transformations: the steps applied; a date-of-birth generalisation records the
            reference date it took ages at, shown when the config sets none.
        renames: released columns renamed after generalisation (old -> new).

    Returns:
        A JSON-ready dict: profile, thresholds, reference date, quasi-identifiers, sensitive
        attributes and the other columns (with distinct counts and warnings).
    """
    profile = config.profile
    thresholds = {
        name: {"value": getattr(profile, name), "meaning": meaning}
        for name, meaning in _THRESHOLDS
        if getattr(profile, name) is not None and (name != "l_kind" or profile.l is not None)
    }
    named = dict(renames or {})
    quasi = [named.get(q, q) for q in config.quasi_identifiers]
    sensitive = [named.get(s, s) for s in config.sensitive]
    assessed = {*quasi, *sensitive, person}
    others = [_other_column(data, name) for name in data.columns if name not in assessed]
    return {
        "passed": passed,
        "profile": profile.name,
        "thresholds": thresholds,
        "reference_date": _reference_date(config, transformations),
        "quasi_identifiers": quasi,
        "sensitive": sensitive,
        "renamed": named,
        "person": person,
        "other_columns": others,
        "warnings": [o["warning"] for o in others if o["warning"]],
    }


def _reference_date(
    config: DisclosureConfig, transformations: Sequence[Mapping[str, Any]]
) -> str | None:
    """The date ages were computed at: the config's, else the one a step recorded."""
    if config.reference_date is not None:
        return config.reference_date.isoformat()
    for step in transformations:
        reference = (step.get("parameters") or {}).get("reference")
        if step.get("action") == "generalise" and reference:
            return str(reference)
    return None


def _other_column(data: pl.DataFrame, name: str) -> dict[str, Any]:
    column = data.get_column(name)
    present = column.len() - column.null_count()
    distinct = int(column.drop_nulls().n_unique())
    share = distinct / present if present else 0.0
    warning = None
    if distinct > HIGH_CARDINALITY_MIN and share > HIGH_CARDINALITY_SHARE:
        warning = (
            f"{name}: {distinct:,} distinct values in {present:,} rows, assessed as neither "
            "quasi-identifier nor sensitive; an exact value can single a person out: make it "
            "a quasi-identifier, generalise it (bands), or drop it"
        )
    return {"column": name, "distinct": distinct, "distinct_share": round(share, 4),
            "warning": warning}  # fmt: skip


def codebook(
    data: pl.DataFrame,
    config: DisclosureConfig,
    transformations: Sequence[Mapping[str, Any]],
    *,
    person: str,
    source: str,
    renames: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Every released column: its type, role, coding and generalisation.

    Args:
        data: the released data.
        config: the disclosure config (roles).
        transformations: the manifest's transformations (harmonise, generalise, ...).
        person: the released person pseudonym column.
        source: the column naming each record's source.
        renames: released columns renamed after generalisation (old -> new).

    Returns:
        One JSON-ready dict per released column, in the release's order.
    """
    named = dict(renames or {})
    coding: dict[str, str] = {}
    generalised: dict[str, str] = {}
    for step in transformations:
        column = step.get("column")
        if not isinstance(column, str):
            continue
        column = named.get(column, column)
        if step.get("action") == "harmonise":
            coding[column] = CODINGS.get(str(step.get("normaliser")), "harmonised")
        elif step.get("action") == "generalise":
            generalised[column] = f"{step.get('hierarchy')} hierarchy, level {step.get('level')}"
            if column != step.get("column"):
                generalised[column] += f" (named {step.get('column')!r} before)"
        elif step.get("action") in ("surrogate", "shift_dates", "round", "top_code"):
            generalised.setdefault(column, str(step.get("action")).replace("_", " "))
    coding[person] = "pseudonym per person for this recipient (p_ + 24 hex digits)"
    coding[source] = "the data provider the record came from"
    entries = []
    for name, dtype in data.schema.items():
        entries.append(
            {
                "column": name,
                "type": str(dtype),
                "role": _role(name, config, person, named),
                "coding": coding.get(name, "as provided"),
                "generalisation": generalised.get(name, "none"),
            }
        )
    return entries


def _role(name: str, config: DisclosureConfig, person: str, renames: Mapping[str, str]) -> str:
    if name == person:
        return "person pseudonym"
    if name in {renames.get(q, q) for q in config.quasi_identifiers}:
        return "quasi-identifier"
    if name in {renames.get(s, s) for s in config.sensitive}:
        return "sensitive attribute"
    return "other (neither)"


def data_quality(content: Mapping[str, Path]) -> list[dict[str, Any]]:
    """Per source and identifier column: accepted, missing, rejected by reason.

    Read from each content file's ``SOURCE.summary.json`` (written beside it by
    ``safelink pseudonymise``); a source without one is listed as unknown.

    Args:
        content: source -> its content file.

    Returns:
        One JSON-ready dict per source.

    Raises:
        InputError: a summary file exists but is not a pseudonymise summary.
    """
    sources: list[dict[str, Any]] = []
    for source, path in content.items():
        summary_path = path.with_name(f"{source}.summary.json")
        if not summary_path.is_file():
            sources.append({"source": source, "summary": None, "columns": []})
            continue
        try:
            document = json.loads(summary_path.read_text(encoding="utf-8"))
            columns = [
                {
                    "column": str(c["column"]),
                    "kind": str(c["kind"]),
                    "rows": int(c["rows"]),
                    "accepted": int(c["accepted"]),
                    "missing": int(c["missing"]),
                    "rejected": {str(r): int(n) for r, n in c["rejected"].items()},
                    "rejected_shapes": c.get("rejected_shapes", {}),
                }
                for c in document["columns"]
            ]
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(
                f"{summary_path}: not a safelink pseudonymise summary; remove it or "
                "pseudonymise the source again."
            ) from exc
        sources.append(
            {
                "source": source,
                # No hash: a summary holds its run's timings, so its bytes change every run.
                "summary": {"file": summary_path.name},
                "rows": int(document.get("rows", 0)),
                "columns": columns,
            }
        )
    return sources


def class_sizes(data: pl.DataFrame, quasi: Sequence[str]) -> list[dict[str, int]]:
    """Distribution of equivalence-class sizes in persons: size -> number of classes."""
    present = [q for q in quasi if q in data.columns]
    if not present or data.is_empty():
        return []
    sizes = data.group_by(present).agg(pl.col(PERSON).n_unique().alias("size"))
    counted = sizes.group_by("size").agg(pl.len().alias("classes")).sort("size")
    return [
        {"size": int(r["size"]), "classes": int(r["classes"])}
        for r in counted.iter_rows(named=True)
    ]


def information_loss(result: Anonymised, rows_in: int, columns: Sequence[str]) -> dict[str, Any]:
    """Rows suppressed and cells changed by the disclosure steps, as shares of ``rows_in``."""
    suppressed = sum(t.rows_suppressed for t in result.report.transformations)
    changed: dict[str, int] = {}
    for step in result.report.transformations:
        if step.column:
            changed[step.column] = changed.get(step.column, 0) + step.cells_changed
    return {
        "rows_in": rows_in,
        "rows_suppressed": suppressed,
        "rows_suppressed_share": round(suppressed / rows_in, 6) if rows_in else 0.0,
        "cells_changed_share": {
            c: round(n / rows_in, 6) if rows_in else 0.0 for c, n in sorted(changed.items())
        },
        "columns_released": list(columns),
    }


def renamed_check_config(
    check_document: dict[str, Any], renames: Mapping[str, str]
) -> dict[str, Any]:
    """The re-check config with renamed columns under their released names."""
    named = dict(check_document)
    for key in ("quasi_identifiers", "sensitive"):
        named[key] = [renames.get(c, c) for c in check_document[key]]
    named["ordered"] = {renames.get(c, c): v for c, v in check_document["ordered"].items()}
    return named
