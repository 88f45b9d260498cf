"""``safelink scan``: which columns hold identifiers, and which free text leaks them."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from safelink.audit import audited
from safelink.cli._common import (
    ENCODING_HELP,
    check_encoding_option,
    console,
    input_hashes,
    print_json,
)
from safelink.detect import render_table, scan, write_draft_config
from safelink.io import write_json

#: Exit code of ``--fail-on direct`` when a direct identifier is present.
GATE_EXIT_CODE = 3


class OutputFormat(StrEnum):
    """How the report is printed."""

    TABLE = "table"
    JSON = "json"


class DetectionTier(StrEnum):
    """Which detectors run."""

    PATTERN = "pattern"
    MODEL = "model"


class FailOn(StrEnum):
    """What makes ``scan`` exit non-zero."""

    DIRECT = "direct"


def scan_command(
    input_path: Annotated[Path, typer.Argument(metavar="INPUT", help="CSV or Parquet extract.")],
    sample: Annotated[int, typer.Option(help="Values sampled per column (seeded).")] = 5_000,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="table or json.")
    ] = OutputFormat.TABLE,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the JSON report here.")
    ] = None,
    draft_config: Annotated[
        Path | None, typer.Option(help="Write a draft job config (YAML).")
    ] = None,
    fail_on: Annotated[
        FailOn | None, typer.Option(help="Exit 3 if any direct identifier is found.")
    ] = None,
    free_text: Annotated[
        list[str] | None, typer.Option(help="Scan every row of this column.")
    ] = None,
    redact_to: Annotated[
        Path | None, typer.Option(help="Write redacted free text (CSV/Parquet).")
    ] = None,
    audit_log: Annotated[
        Path | None, typer.Option(help="Append this run to the project's audit log.")
    ] = None,
    encoding: Annotated[
        str | None, typer.Option(help=ENCODING_HELP, callback=check_encoding_option)
    ] = None,
    tier: Annotated[
        DetectionTier,
        typer.Option(help="pattern (no model) or model (adds the spaCy pipeline for names)."),
    ] = DetectionTier.PATTERN,
    model: Annotated[
        str | None,
        typer.Option(help="The model tier's spaCy pipeline: package name or folder."),
    ] = None,
    row_aware: Annotated[
        bool,
        typer.Option(
            help="Also redact, in each row's free text, that row's own identifiers (its name, "
            "date of birth, NHS number, ...)."
        ),
    ] = True,
    key_column: Annotated[
        str | None,
        typer.Option(
            help="Column copied into --redact-to so it joins back (default record_id, else "
            "the row number)."
        ),
    ] = None,
) -> None:
    """Scan INPUT for identifiers: column findings, free-text counts, never values."""
    written = [path for path in (output, draft_config, redact_to) if path is not None]
    arguments = {
        "sample": sample,
        "free_text_columns": len(free_text or ()),
        "fail_on": fail_on,
        "outputs": len(written),
        "tier": tier.value,
        "row_aware": row_aware,
    }
    with audited(
        audit_log, "scan", arguments=arguments, inputs=input_hashes([input_path])
    ) as outputs:
        report = scan(
            input_path,
            sample=sample,
            free_text=free_text or (),
            redact_to=redact_to,
            encoding=encoding or "utf-8",
            tier=tier.value,
            model=model,
            row_aware=row_aware,
            key_column=key_column,
            progress=True,
        )
        if output is not None:
            write_json(report.to_dict(), output)
        if draft_config is not None:
            write_draft_config(report, draft_config, input_path=str(input_path))
        outputs.update(input_hashes(written))
    if output_format is OutputFormat.JSON:
        print_json(report.to_dict())
    else:
        console.print(render_table(report))
    if fail_on is FailOn.DIRECT and report.has_direct:
        print(
            f"safelink: direct identifiers in {', '.join(report.direct_columns)}", file=sys.stderr
        )
        raise typer.Exit(GATE_EXIT_CODE)


def register(app: typer.Typer) -> None:
    """Add the ``scan`` command to the CLI."""
    app.command("scan")(scan_command)
