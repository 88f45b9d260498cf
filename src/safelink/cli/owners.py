"""``safelink return``, ``discrepancies`` and ``subject``: results back to the data's owners."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from safelink.cli._common import console, open_keys, print_json
from safelink.config import load_config
from safelink.keys import Keyring
from safelink.owners import DEFAULT_THRESHOLD, discrepancy_report, return_file

ConfigOption = Annotated[Path, typer.Option("--config", "-c", help="Job config (YAML).")]
LinksOption = Annotated[Path, typer.Option("--links", help="links.parquet from 'link'.")]
ContentOption = Annotated[
    list[Path],
    typer.Option(help="SOURCE.content.parquet files, or the folder holding them (repeatable)."),
]
RecordKeyOption = Annotated[
    str, typer.Option("--record-key", help="The owner's own record key (a content column).")
]
ThresholdOption = Annotated[
    int,
    typer.Option(min=1, help="Counts below this are suppressed in the summary (default 10)."),
]
AuditLogOption = Annotated[
    Path | None, typer.Option("--audit-log", help="Audit log (default: the config's).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]


def return_command(
    source: Annotated[str, typer.Argument(metavar="SOURCE", help="The data owner's source.")],
    config: ConfigOption,
    links: LinksOption,
    content: ContentOption,
    record_key: RecordKeyOption,
    output: Annotated[Path, typer.Option("-o", "--output", help="Return file (.csv/.parquet).")],
    flag: Annotated[
        list[str] | None,
        typer.Option(help="NAME=EXPRESSION, e.g. known=linked(social_care) (repeatable)."),
    ] = None,
    column: Annotated[
        list[str] | None, typer.Option(help="Another of the owner's own columns (repeatable).")
    ] = None,
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    audit_log: AuditLogOption = None,
    as_json: JsonOption = False,
) -> None:
    """Write SOURCE's return file: its record keys and the agreed flags (audited)."""
    result = return_file(
        load_config(config),
        source,
        output,
        links=links,
        content=content,
        record_key=record_key,
        flags=flag or [],
        columns=column or [],
        threshold=threshold,
        audit_log=audit_log,
    )
    summary = {**result.summary, "output": str(result.path), "sha256": result.sha256}
    if as_json:
        print_json(summary)
        return
    _print_counts(
        f"return for {source}: {summary['records']} records in {result.path}",
        "flag",
        result.summary["flags"],
    )


def discrepancies_command(
    source: Annotated[str, typer.Argument(metavar="SOURCE", help="The data owner's source.")],
    config: ConfigOption,
    links: LinksOption,
    tokens: Annotated[
        list[Path], typer.Option(help="Every source's SOURCE.tokens.parquet (repeatable).")
    ],
    content: ContentOption,
    record_key: RecordKeyOption,
    output: Annotated[Path, typer.Option("-o", "--output", help="Report file (.csv/.parquet).")],
    key_file: Annotated[
        Path | None,
        typer.Option(help="Project key file: 'not known' sex codes then never disagree."),
    ] = None,
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    audit_log: AuditLogOption = None,
    as_json: JsonOption = False,
) -> None:
    """Write SOURCE's discrepancy report: its records whose linked partners disagree."""
    job = load_config(config)
    keys = open_keys(job, key_file) if key_file is not None else None
    report = discrepancy_report(
        job,
        source,
        output,
        links=links,
        tokens=tokens,
        content=content,
        record_key=record_key,
        keys=keys if isinstance(keys, Keyring) else None,
        threshold=threshold,
        audit_log=audit_log,
    )
    summary = {**report.summary, "output": str(report.path), "sha256": report.sha256}
    if as_json:
        print_json(summary)
        return
    table = Table("kind", "records", title=f"discrepancies for {source} in {report.path}")
    for kind, shown in report.summary["kinds"].items():
        table.add_row(kind.replace("_", " "), str(shown))
    console.print(table)


def _print_counts(title: str, label: str, counts: dict[str, Any]) -> None:
    table = Table(label, "yes", "no", title=title)
    for name, shown in counts.items():
        table.add_row(name, str(shown["yes"]), str(shown["no"]))
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add ``return``, ``discrepancies`` and ``subject`` to the CLI."""
    app.command("return")(return_command)
    app.command("discrepancies")(discrepancies_command)
