"""``safelink return``, ``discrepancies`` and ``subject``: results back to the data's owners."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from safelink.cli._common import console, open_keys, print_json
from safelink.config import load_config
from safelink.errors import ConfigError, InputError, KeyringError
from safelink.keys import Keyring
from safelink.owners import (
    DEFAULT_THRESHOLD,
    discrepancy_report,
    erase_subject,
    return_file,
    subject_lookup,
)

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
        typer.Option(
            help="Project key file: 'not known' sex codes then never disagree (standalone "
            "sex tokens; in the default date_of_birth_sex composite they never do)."
        ),
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
    pairs = report.summary["sex_pairs"]
    console.print(
        f"sex compared by {report.summary['sex_compared_by']}: {pairs['compared']} pairs of "
        f"linked records compared, {pairs['not_compared']} could not be (their dates of birth "
        "differ, or a sex or date of birth is missing)"
    )


def subject_command(
    context: typer.Context,
    config: ConfigOption,
    tokens: Annotated[
        list[Path], typer.Option(help="Every source's SOURCE.tokens.parquet (repeatable).")
    ],
    links: LinksOption,
    index: Annotated[Path | None, typer.Option(help="The person index, if one is kept.")] = None,
    release: Annotated[
        list[Path] | None, typer.Option(help="A release bundle to look in (repeatable).")
    ] = None,
    erase: Annotated[
        bool, typer.Option("--erase", help="Erase: out of the index and every later release.")
    ] = False,
    erasures: Annotated[
        Path | None, typer.Option(help="The erasure register (needed with --erase).")
    ] = None,
    key_file: Annotated[Path | None, typer.Option(help="Key file (default: config's).")] = None,
    audit_log: AuditLogOption = None,
    as_json: JsonOption = False,
) -> None:
    """Find (or --erase) the person whose NHS number is read from stdin or a prompt."""
    if context.args:
        raise InputError(
            "the NHS number is never given on the command line (it would stay in the shell "
            "history and process list): run the command and type it when asked, or redirect "
            "it from a file (< request.txt)."
        )
    if erase and (erasures is None or index is None):
        raise ConfigError(["--erase needs --index and --erasures"], "arguments")
    job = load_config(config)
    keys = open_keys(job, key_file)
    if not isinstance(keys, Keyring):
        raise KeyringError("subject requests need the project key file, not a provider's key.")
    nhs_number = _read_nhs_number()
    common: dict[str, Any] = {
        "keys": keys, "tokens": tokens, "links": links, "releases": release or [],
        "audit_log": audit_log,
    }  # fmt: skip
    if erase:
        assert index is not None and erasures is not None
        report = erase_subject(job, nhs_number, index=index, erasures=erasures, **common)
    else:
        report = subject_lookup(job, nhs_number, index=index, **common)
    if as_json:
        print_json(report.to_dict())
        return
    if not report.persons:
        console.print("no record holds this NHS number")
    for person in report.persons:
        table = Table("held in", "records", title=f"person {person.person_id}")
        for source, count in person.sources.items():
            table.add_row(source, str(count))
        for source, count in person.index_records.items():
            table.add_row(f"{source} (person index)", str(count))
        for entry in person.releases:
            table.add_row(f"release {entry['release_id']} to {entry['recipient']}", "-")
        console.print(table)
    if report.erased:
        console.print("erased: removed from the person index and added to the erasure register")


def _read_nhs_number() -> str:
    """One NHS number from a hidden prompt on a terminal, else the first line of stdin."""
    if sys.stdin.isatty():
        return getpass.getpass("NHS number (not shown): ")
    line = sys.stdin.readline().strip()
    if not line:
        raise InputError(
            "no NHS number on standard input: run on a terminal to be prompted, or redirect "
            "it from a file (< request.txt)."
        )
    return line


def _print_counts(title: str, label: str, counts: dict[str, Any]) -> None:
    table = Table(label, "yes", "no", title=title)
    for name, shown in counts.items():
        table.add_row(name, str(shown["yes"]), str(shown["no"]))
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add ``return``, ``discrepancies`` and ``subject`` to the CLI."""
    app.command("return")(return_command)
    app.command("discrepancies")(discrepancies_command)
    # Extra arguments are collected, not refused by click, whose message would echo them.
    app.command("subject", context_settings={"allow_extra_args": True})(subject_command)
