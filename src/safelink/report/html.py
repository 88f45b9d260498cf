"""The self-contained HTML report: one offline page, inline CSS and inline SVG, no script.

The page is built from JSON-ready documents that are already safe to share (a release
manifest, a linkage report, a scan summary, a disclosure report): names, counts, rates and
key ids. Every text is escaped; the page refers to nothing outside itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any

from safelink.infra import io
from safelink.report.charts import bar_chart, histogram, waterfall_chart

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d232b;
background:#f6f7f9}
main{max-width:980px;margin:0 auto;padding:24px}
h1{font-size:1.6em;margin:.2em 0}h2{margin-top:1.6em;border-bottom:2px solid #d9dde3}
section{background:#fff;border:1px solid #e1e4e8;border-radius:8px;padding:4px 20px 16px;
margin:16px 0}
table{border-collapse:collapse;margin:8px 0;font-size:.93em}
th,td{border-bottom:1px solid #e6e8eb;padding:4px 10px;text-align:left;vertical-align:top}
th{background:#f0f2f5}td.num{text-align:right;font-variant-numeric:tabular-nums}
.pass{color:#0b6b2c;font-weight:600}.fail{color:#b3261e;font-weight:600}
.badge{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600}
.badge.pass{background:#ddf3e4}.badge.fail{background:#fbe3e1}
.chart .lbl{font-size:12px;fill:#333}.chart .val{font-size:12px;fill:#1d232b}
.chart .thr{font-size:12px;fill:#b3261e}.chart .axis{stroke:#555}
.kv td:first-child{color:#555}small{color:#666}code{font-size:.9em}
"""


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return '<span class="pass">yes</span>' if value else "no"
    if isinstance(value, float):
        return f'<td class="num">{value:,.4g}</td>'
    if isinstance(value, int):
        return f'<td class="num">{value:,}</td>'
    if value is None:
        return "<td>-</td>"
    return f"<td>{escape(str(value))}</td>"


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, caption: str = "") -> str:
    """An HTML table with escaped cells (numbers right-aligned).

    Args:
        headers: column titles.
        rows: the rows.
        caption: an optional caption.

    Returns:
        The markup.
    """
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for value in row:
            cell = _cell(value)
            cells.append(cell if cell.startswith("<td") else f"<td>{cell}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _badge(passed: bool, yes: str = "PASS", no: str = "FAIL") -> str:
    return (
        f'<span class="badge pass">{yes}</span>'
        if passed
        else f'<span class="badge fail">{no}</span>'
    )


def page(title: str, sections: Sequence[str], *, subtitle: str = "") -> str:
    """Wrap sections into a whole offline HTML page.

    Args:
        title: the page title.
        sections: section markup, in order.
        subtitle: a line under the title.

    Returns:
        The HTML document.
    """
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body><main>"
        f"<h1>{escape(title)}</h1><p><small>{escape(subtitle)}</small></p>"
        + "".join(sections)
        + "</main></body></html>\n"
    )


def _section(anchor: str, heading: str, body: str) -> str:
    return f'<section id="{anchor}"><h2>{escape(heading)}</h2>{body}</section>'


def detection_section(detection: Mapping[str, Any]) -> str:
    """Detection findings: the release gate over released columns and any extract scans."""
    gate = detection.get("release_gate") or {}
    parts = []
    if gate:
        parts.append(
            "<p>Identifier gate over every released column: "
            + _badge(bool(gate.get("passed")))
            + "</p>"
        )
        findings = (gate.get("findings") or {}).get("columns", [])
        rows = [
            (
                c["column"],
                (c.get("finding") or {}).get("entity", "none"),
                bool((c.get("finding") or {}).get("direct")),
                (c.get("finding") or {}).get("share"),
                (c.get("finding") or {}).get("confidence", "-"),
            )
            for c in findings
        ]
        parts.append(table(["column", "finding", "direct", "share", "confidence"], rows))
        reviewed = gate.get("reviewed") or {}
        if reviewed:
            overruled = set(gate.get("overruled") or [])
            parts.append("<p>Columns the IG lead reviewed and judged to identify no one:</p>")
            parts.append(
                table(
                    ["column", "reason", "detector's finding overruled"],
                    [(c, reason, c in overruled) for c, reason in reviewed.items()],
                )
            )
        tokens = gate.get("token_columns") or {}
        exact = gate.get("exact_id_matches") or {}
        parts.append(
            f"<p>Values like linkage tokens: <b>{sum(tokens.values()):,}</b>; values equal to a "
            f"linkage-unit id: <b>{sum(exact.values()):,}</b>.</p>"
        )
    for scan in detection.get("extracts") or []:
        extract_rows = [
            (
                c["column"],
                (c.get("finding") or {}).get("entity", "-"),
                bool((c.get("finding") or {}).get("direct")),
                (c.get("finding") or {}).get("confidence", "-"),
            )
            for c in scan.get("columns", [])
        ]
        parts.append(
            table(
                ["column", "finding", "direct", "confidence"],
                extract_rows,
                caption=f"Extract {scan.get('source', '')}: {scan.get('rows', 0):,} rows",
            )
        )
    return _section("detection", "Detection findings", "".join(parts) or "<p>No scans.</p>")


def linkage_section(linkage: Mapping[str, Any] | None) -> str:
    """Linkage cascade and quality: match rates, links per step, weights, bias."""
    if not linkage:
        return _section("linkage", "Linkage", "<p>No linkage report was given.</p>")
    parts = []
    sources = linkage.get("sources") or []
    parts.append(
        bar_chart(
            [(s["source"], float(s.get("match_rate") or 0.0)) for s in sources],
            title="Match rate by source",
            percent=True,
        )
    )
    parts.append(
        table(
            ["source", "records", "linked", "match rate"],
            [(s["source"], s["records"], s["linked"], _pct(s.get("match_rate"))) for s in sources],
        )
    )
    steps = linkage.get("steps") or []
    parts.append("<h3>Linkage cascade</h3>")
    parts.append(
        bar_chart(
            [(s["step"], float(s.get("records_linked", s.get("links", 0)))) for s in steps],
            title="Records linked per step",
            value_label="records",
        )
    )
    parts.append(
        table(
            ["step", "links", "records linked"],
            [(s["step"], s.get("links"), s.get("records_linked")) for s in steps],
        )
    )
    weights = linkage.get("weights") or {}
    model = linkage.get("model") or {}
    bins = [(b["from"], b["to"], b["pairs"]) for b in weights.get("bins", [])]
    parts.append("<h3>Match-weight distribution</h3>")
    parts.append(
        histogram(
            bins,
            title="Match weight of scored pairs, with the threshold",
            threshold=weights.get("threshold_match_weight"),
            x_label="match weight",
            y_label="pairs",
            log_counts=True,
        )
    )
    rows = [
        ("threshold (probability)", model.get("threshold_match_probability")),
        ("threshold (weight)", model.get("threshold_match_weight")),
        ("residual records scored", model.get("residual_records")),
        ("records the model was trained on", model.get("training_records")),
        (
            "pairs put forward by the blocking rules (summed over rules)",
            sum(row["pairs"] for row in model.get("blocked_pairs", [])),
        ),
        ("pairs scored", model.get("scored_pairs")),
        ("links accepted (probabilistic)", model.get("accepted_links")),
        ("model-estimated precision", _pct(model.get("estimated_precision"))),
        ("model-estimated recall", _pct(model.get("estimated_recall"))),
    ]
    truth = linkage.get("truth")
    if truth:
        rows += [
            (f"measured {m} (truth)", _pct(truth.get(m))) for m in ("precision", "recall", "f1")
        ]
    parts.append(table(["measure", "value"], rows))
    parts += _estimates_part(linkage.get("estimates") or {})
    parts += _constraints_part(linkage.get("constraints") or {})
    parts += _parameters_part(model.get("parameters") or [])
    parts += _waterfall_part(linkage.get("waterfall") or {})
    if linkage.get("index"):
        parts.append("<h3>Person index</h3>")
        parts.append(
            table(
                ["measure", "value"],
                [(k.replace("_", " "), v) for k, v in linkage["index"].items()],
            )
        )
    bias = linkage.get("bias") or []
    if bias:
        parts.append("<h3>Match rate by group (bias)</h3>")
        parts.append(
            table(
                ["group", "source", "value", "records", "match rate"],
                [
                    (b["group"], b["source"], b["value"], b["records"], _pct(b.get("match_rate")))
                    for b in bias
                ],
            )
        )
    return _section("linkage", "Linkage cascade and quality", "".join(parts))


def _estimates_part(estimates: Mapping[str, Any]) -> list[str]:
    """Estimated precision and recall of every step, flagged under the recall floor."""
    if not estimates or estimates.get("skipped"):
        return []
    low = bool(estimates.get("recall_below_floor"))
    flag = (
        f"<p>{_badge(False, no='LOW RECALL')} The estimated recall is under the floor of "
        f"{_pct(estimates.get('recall_floor'))}: about {estimates.get('expected_missed_links'):,} "
        "true links are estimated missed.</p>"
        if low
        else ""
    )
    overall = [
        ("estimated precision (every step)", _pct(estimates.get("estimated_precision"))),
        ("estimated recall (every step)", _pct(estimates.get("estimated_recall"))),
        ("expected false links", estimates.get("expected_false_links")),
        ("expected missed links", estimates.get("expected_missed_links")),
        ("recall floor", _pct(estimates.get("recall_floor"))),
    ]
    steps = [
        (row["step"], row["links"], row["sampled"], _pct(row.get("estimated_precision")))
        for row in estimates.get("steps", [])
    ]
    return [
        "<h3>Estimated quality of the whole flow</h3>",
        "<p>The trained model scores a seeded sample of each deterministic step's links; "
        "these are estimates, not measurements (pairs no blocking rule compared are not "
        "counted).</p>",
        flag,
        table(["measure", "value"], overall),
        table(["step", "links", "links scored", "estimated precision"], steps),
    ]


def _constraints_part(constraints: Mapping[str, Any]) -> list[str]:
    """The clustering constraints and the links each refused."""
    if not constraints:
        return []
    rows = [
        ("sources with one record per person", ", ".join(constraints["one_record_per_person"])),
        ("different NHS numbers kept apart", constraints["keep_apart_different_nhs_numbers"]),
        *(
            (f"links refused: {name.replace('_', ' ')}", count)
            for name, count in constraints["refused_links"].items()
        ),
    ]
    return ["<h3>Clustering constraints</h3>", table(["constraint", "value"], rows)]


def _parameters_part(parameters: Sequence[Mapping[str, Any]]) -> list[str]:
    """The trained m and u probability and weight of each comparison level."""
    levels = [row for row in parameters if "comparison" in row]
    if not levels:
        return []
    return [
        "<h3>Model parameters (m and u per comparison level)</h3>",
        table(
            ["comparison", "level", "m", "u", "match weight"],
            [
                (
                    row["comparison"],
                    row["level"],
                    _probability(row.get("m_probability")),
                    _probability(row.get("u_probability")),
                    None if row.get("match_weight") is None else round(row["match_weight"], 2),
                )
                for row in levels
            ],
        ),
    ]


def _waterfall_part(waterfall: Mapping[str, Any]) -> list[str]:
    """A waterfall chart per chosen pair: prior, each comparison's weight, match weight."""
    pairs = waterfall.get("pairs") or []
    if not pairs:
        return []
    parts = [
        '<h3 id="waterfall">Waterfall of a few scored pairs</h3>',
        f'<p class="note">{escape(str(waterfall.get("chosen_by", "")))}</p>',
    ]
    for pair in pairs:
        steps = [("prior (two random records)", pair.get("prior_match_weight") or 0.0)]
        steps += [
            (f"{row['comparison']}: {row['level']}", row.get("match_weight") or 0.0)
            for row in pair.get("comparisons", [])
        ]
        title = (
            f"Pair {pair['pair']} ({pair['band']}): match weight {pair['match_weight']:.2f}, "
            f"probability {_probability(pair.get('match_probability'))}"
        )
        parts.append(f"<h4>{escape(title)}</h4>")
        parts.append(
            waterfall_chart(steps, title=title, threshold=waterfall.get("threshold_match_weight"))
        )
    return parts


def _probability(value: Any) -> str:
    return "-" if value is None else f"{value:.4g}"


def disclosure_section(
    disclosure: Mapping[str, Any], renames: Mapping[str, str] | None = None
) -> str:
    """Disclosure results: pass/fail, k and risk, class sizes, suppression, information loss.

    ``renames`` (old -> new) labels a generalised column by its released name (``age_band``).
    """
    named = dict(renames or {})
    report = (disclosure.get("report") or {}).get("report") or {}
    parts = [
        "<p>Profile <b>"
        + escape(str((report.get("profile") or {}).get("name", "?")))
        + "</b>: "
        + _badge(bool(report.get("passed")))
        + "</p>"
    ]
    failures = report.get("failures") or []
    if failures:
        parts.append("<ul>" + "".join(f"<li>{escape(f)}</li>" for f in failures) + "</ul>")
    from safelink.report.signoff import checked_part  # it builds on this module's tables

    parts.append(checked_part(disclosure.get("assessment") or {}))
    k = report.get("k_anonymity") or {}
    risk = report.get("risk") or {}
    useful = report.get("utility") or {}
    parts.append(
        table(
            ["measure", "value"],
            [
                ("k (persons)", k.get("k")),
                ("equivalence classes", k.get("classes")),
                ("highest prosecutor risk", risk.get("prosecutor_max")),
                (
                    "mean prosecutor risk per record",
                    risk.get("prosecutor_mean_per_record", risk.get("prosecutor_mean")),
                ),
                ("mean prosecutor risk per class", risk.get("prosecutor_mean_per_class")),
                ("sample uniques", risk.get("sample_uniques")),
                ("marketer risk", risk.get("marketer")),
                ("average class size (rows)", useful.get("average_class_size")),
                ("C_avg (average class size / k)", useful.get("c_avg")),
                ("discernibility", useful.get("discernibility")),
                ("classification metric", useful.get("classification_metric")),
            ],
        )
    )
    sizes = disclosure.get("class_sizes") or []
    parts.append("<h3>Equivalence-class sizes (persons)</h3>")
    parts.append(_class_size_chart(sizes))
    loss = disclosure.get("information_loss") or {}
    parts.append("<h3>Suppression and information loss</h3>")
    parts.append(
        table(
            ["measure", "value"],
            [
                ("records before protection", loss.get("rows_in")),
                ("records suppressed", loss.get("rows_suppressed")),
                ("share suppressed", _pct(loss.get("rows_suppressed_share"))),
            ],
        )
    )
    changed = loss.get("cells_changed_share") or {}
    if changed:
        parts.append(
            bar_chart(
                [(named.get(c, c), float(v)) for c, v in changed.items()],
                title="Share of cells generalised per column",
                percent=True,
            )
        )
    steps = report.get("transformations") or []
    parts.append(
        table(
            ["action", "column", "level", "cells changed", "rows suppressed"],
            [
                (
                    t.get("action"),
                    t.get("column"),
                    t.get("level"),
                    t.get("cells_changed"),
                    t.get("rows_suppressed"),
                )
                for t in steps
            ],
            caption="Transformations applied",
        )
    )
    return _section("disclosure", "Disclosure control", "".join(parts))


def _class_size_chart(sizes: Sequence[Mapping[str, Any]]) -> str:
    grouped: dict[str, int] = {}
    edges = ((1, 1), (2, 4), (5, 9), (10, 19), (20, 49), (50, 99))
    for item in sizes:
        size, classes = int(item["size"]), int(item["classes"])
        label = next((f"{a}-{b}" if a != b else str(a) for a, b in edges if a <= size <= b), "100+")
        grouped[label] = grouped.get(label, 0) + classes
    order = [f"{a}-{b}" if a != b else str(a) for a, b in edges] + ["100+"]
    items = [(f"size {label}", float(grouped[label])) for label in order if label in grouped]
    return bar_chart(items, title="Classes by size (persons)", value_label="classes")


def _pct(value: Any) -> str:
    return "-" if value is None else f"{100 * float(value):.2f}%"


def summary_section(manifest: Mapping[str, Any]) -> str:
    """The release at a glance: who, when, rows, files and key ids."""
    rows = manifest.get("rows") or {}
    tool = manifest.get("tool") or {}
    facts = [
        ("project", manifest.get("project")),
        ("recipient", manifest.get("recipient")),
        ("created", manifest.get("created")),
        ("created by", manifest.get("created_by")),
        ("tool", f"{tool.get('name', 'safelink')} {tool.get('version', '')}"),
        ("config SHA-256", (manifest.get("config") or {}).get("sha256")),
        ("records in", rows.get("in")),
        ("records released", rows.get("out")),
        ("persons released", rows.get("persons_out")),
        ("columns released", ", ".join(manifest.get("columns") or [])),
    ]
    facts += [(f"key id ({role})", kid) for role, kid in (manifest.get("key_ids") or {}).items()]
    return _section("summary", "Release summary", table(["fact", "value"], facts))


def governance_section(manifest: Mapping[str, Any]) -> str:
    """What the release is covered by: purpose, agreement, lawful bases, owners, opt-outs."""
    record = manifest.get("governance")
    if not isinstance(record, Mapping):
        return _section("governance", "Governance", "<p>No governance recorded.</p>")
    agreement = record.get("agreement") or {}
    facts = [
        ("purpose", record.get("purpose")),
        ("agreement", agreement.get("id")),
        ("agreement ends (outputs expire)", record.get("expires")),
        ("checked on", f"{record.get('checked_on')} ({record.get('checked_on_from')})"),
        ("recipient", record.get("recipient")),
        ("permitted columns", ", ".join(record.get("permitted_columns") or [])),
    ]
    owners = record.get("owners") or {}
    sources = [
        (
            name,
            (owners.get(source.get("owner")) or {}).get("name", source.get("owner")),
            source.get("lawful_basis"),
            source.get("legal_gateway"),
        )
        for name, source in (record.get("sources") or {}).items()
    ]
    opt_outs = manifest.get("opt_outs") or {}
    dropped = opt_outs.get("records_dropped_by_source") or {}
    parts = [
        table(["fact", "value"], facts),
        table(["source", "data owner", "lawful basis", "legal gateway"], sources),
        table(
            ["source", "records dropped (opted out)"],
            sorted(dropped.items()),
            caption="Opt-outs (counts only)" if dropped else "No opt-out list applied",
        ),
    ]
    return _section("governance", "Governance", "".join(parts))


def render_release_report(manifest: Mapping[str, Any]) -> str:
    """Render a release's report.html from its manifest (no data values are needed).

    Args:
        manifest: the release manifest (as written to ``manifest.json``).

    Returns:
        The HTML document.
    """
    from safelink.release.manifest import renamed_columns
    from safelink.report.signoff import codebook_section, data_quality_section

    title = f"safelink release: {manifest.get('project', '')} for {manifest.get('recipient', '')}"
    return page(
        title,
        [
            summary_section(manifest),
            governance_section(manifest),
            data_quality_section(manifest.get("data_quality") or []),
            detection_section(manifest.get("detection") or {}),
            linkage_section(manifest.get("linkage")),
            disclosure_section(manifest.get("disclosure") or {}, renamed_columns(manifest)),
            codebook_section(manifest.get("codebook") or []),
        ],
        subtitle="Offline report: counts, rates and key ids only; no identifiers or data values.",
    )


def render_linkage_report(report: Mapping[str, Any]) -> str:
    """Render a linkage report (``linkage_report.json``) as its own page."""
    return page("safelink linkage report", [linkage_section(report)])


def render_scan_report(scan: Any) -> str:
    """Render a detection scan (a ScanReport or its summary) as its own page (no examples)."""
    from safelink.release.manifest import finding_summary

    summary = finding_summary(scan) if hasattr(scan, "to_dict") else scan
    return page("safelink detection report", [detection_section({"extracts": [summary]})])


def render_disclosure_report(anonymised_record: Mapping[str, Any]) -> str:
    """Render a disclosure record (``Anonymised.record()``) as its own page."""
    return page("safelink disclosure report", [disclosure_section({"report": anonymised_record})])


def write_report(html: str, destination: Path | str) -> Path:
    """Write an HTML report atomically.

    Raises:
        OutputError: the file cannot be written.
    """
    destination = Path(destination)
    with io.atomic_path(destination) as temporary:
        temporary.write_text(html, encoding="utf-8")
    return destination
