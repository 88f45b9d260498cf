"""``safelink link``: link tokens files into persons and report the linkage quality."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from safelink.cli._common import (
    EngineOption,
    QuietOption,
    SparkConfOption,
    SparkMasterOption,
    console,
    input_hashes,
    print_json,
    spark_conf,
)
from safelink.config import load_config
from safelink.config._link import enumerable_warning
from safelink.engines import Engine
from safelink.infra.audit import audited
from safelink.link import LinkageReport, link_files
from safelink.link.inputs import content_files, refuse_content_as_tokens


def link_command(
    tokens: Annotated[list[Path], typer.Argument(metavar="TOKENS...", help="Tokens files (2+).")],
    config: Annotated[Path, typer.Option("--config", "-c", help="Job config (YAML).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output directory.")],
    truth: Annotated[
        Path | None, typer.Option(help="Truth file: source, record_id, person_id.")
    ] = None,
    content: Annotated[
        list[Path] | None,
        typer.Option(
            help="SOURCE.content.parquet files, or their folder, for the bias table (TTP-side "
            "only); repeat for several files."
        ),
    ] = None,
    engine: EngineOption = Engine.LOCAL,
    spark_master: SparkMasterOption = None,
    spark_settings: SparkConfOption = None,
    index: Annotated[
        Path | None,
        typer.Option(
            help="Person index file: known persons keep their ids; updated with this delivery "
            "(a path that does not exist starts one)."
        ),
    ] = None,
    erasures: Annotated[
        Path | None,
        typer.Option(help="Erasure register: erased persons are not added back to the index."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    quiet: QuietOption = False,
) -> None:
    """Link TOKENS files into links.parquet and linkage_report.json in OUTPUT."""
    refuse_content_as_tokens(tokens)
    by_source = content_files(content or [])
    job = load_config(config)
    warning = enumerable_warning(job.link.enumerable_columns())
    if warning is not None:
        print(f"safelink: warning: {config}: {warning}", file=sys.stderr)
    known_index = [index] if index is not None and index.exists() else []
    with audited(
        job.audit_log,
        "link",
        arguments={
            "output": str(output),
            "truth": bool(truth),
            "content": bool(content),
            "engine": engine,
            "index": str(index) if index is not None else None,
            "erasures": str(erasures) if erasures is not None else None,
        },
        inputs=input_hashes([*tokens, *known_index]),
    ) as outputs:
        result = link_files(
            tokens,
            job,
            output,
            truth=truth,
            content=by_source,
            engine=engine,
            spark_master=spark_master,
            spark_conf=spark_conf(spark_settings),
            index=index,
            erasures=erasures,
            progress=not (as_json or quiet),
        )
        written = [output / "links.parquet", output / "linkage_report.json"]
        outputs.update(input_hashes([*written, *([index] if index is not None else [])]))
    if as_json:
        print_json(result.report.to_dict())
    elif not quiet:
        for table in report_tables(result.report):
            console.print(table)


def report_tables(report: LinkageReport) -> list[Table]:
    """Terminal tables of a linkage report (counts and rates only)."""
    sources = Table("source", "records", "linked", "match rate", title="Records by source")
    for row in report.sources:
        sources.add_row(
            row["source"], f"{row['records']:,}", f"{row['linked']:,}", _pct(row["match_rate"])
        )
    steps = Table("step", "links", "precision (truth)", title="Links by step")
    measured = {s["step"]: s["precision"] for s in (report.truth or {}).get("steps", [])}
    for row in report.steps:
        steps.add_row(row["step"], f"{row['links']:,}", _pct(measured.get(row["step"])))
    model = report.model
    quality = Table("measure", "value", title="Quality")
    quality.add_row(
        "threshold (probability / weight)",
        f"{model['threshold_match_probability']} / {model['threshold_match_weight']}",
    )
    quality.add_row("model-estimated precision (probabilistic)", _pct(model["estimated_precision"]))
    quality.add_row("model-estimated recall (probabilistic)", _pct(model["estimated_recall"]))
    estimates = report.estimates
    if estimates and not estimates.get("skipped"):
        quality.add_row("estimated precision (every step)", _pct(estimates["estimated_precision"]))
        quality.add_row("estimated recall (every step)", _pct(estimates["estimated_recall"]))
        if estimates["recall_below_floor"]:
            quality.add_row(
                f"[bold red]estimated recall under the floor ({_pct(estimates['recall_floor'])})",
                f"[bold red]about {estimates['expected_missed_links']:,.0f} links missed",
            )
    refused = report.constraints.get("refused_links", {})
    for constraint, count in refused.items():
        quality.add_row(f"links refused: {constraint.replace('_', ' ')}", f"{count:,}")
    if report.truth:
        for name in ("precision", "recall", "f1"):
            quality.add_row(f"measured {name} (truth)", _pct(report.truth[name]))
    tables = [sources, steps, quality]
    if report.index:
        persons = Table("measure", "value", title="Person index")
        for name, value in report.index.items():
            persons.add_row(name.replace("_", " "), f"{value:,}")
        tables.append(persons)
    if report.bias:
        bias = Table(
            "group", "source", "value", "records", "match rate", title="Match rate by group"
        )
        for row in report.bias:
            records = row["records"] if isinstance(row["records"], str) else f"{row['records']:,}"
            bias.add_row(
                row["group"], row["source"], str(row["value"]), records, _pct(row["match_rate"])
            )
        tables.append(bias)
    return tables


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.2f}%"


def register(app: typer.Typer) -> None:
    """Add the ``link`` command to the CLI."""
    app.command("link")(link_command)
