"""``safelink scan``: which columns hold identifiers, and which free text leaks them."""

from __future__ import annotations

import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from safelink.cli._common import (
    ENCODING_HELP,
    JobOption,
    audit_log_of,
    check_encoding_option,
    console,
    input_hashes,
    print_json,
)
from safelink.config import load_yaml, parse_link_config
from safelink.config._link import enumerable_warning
from safelink.detect import ScanReport, render_table, scan, write_draft_config
from safelink.detect.draft import write_draft_job
from safelink.infra.audit import audited
from safelink.infra.io import write_json

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


def draft_warning(path: Path | str) -> str | None:
    """The warning for a written draft whose ``link:`` section reads enumerable token columns.

    Args:
        path: the draft config just written.

    Returns:
        One line naming the columns and the fix (:func:`safelink.config._link.enumerable_warning`);
        None when the draft has no ``link:`` section or it reads none.
    """
    document = load_yaml(Path(path))
    section = document.get("link") if isinstance(document, dict) else None
    if not isinstance(section, dict):
        return None
    return enumerable_warning(parse_link_config(section).enumerable_columns())


def scan_command(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            metavar="INPUT...",
            help="CSV or Parquet extracts; with several, --draft-config writes one job.",
        ),
    ],
    sample: Annotated[int, typer.Option(help="Values sampled per column (seeded).")] = 5_000,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="table or json.")
    ] = OutputFormat.TABLE,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the JSON report here.")
    ] = None,
    draft_config: Annotated[
        Path | None,
        typer.Option(help="Write a draft job config (YAML): one runnable job for all INPUTs."),
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
    job: JobOption = None,
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
    learned: Annotated[
        bool,
        typer.Option(
            help="Ask the learned classifier about the columns the rules do not find direct "
            "(a column it flags is a DIRECT_IDENTIFIER finding, for review)."
        ),
    ] = True,
) -> None:
    """Scan INPUTs for identifiers: column findings, free-text counts, never values."""
    if len(inputs) > 1 and (free_text or redact_to or key_column):
        raise typer.BadParameter(
            "--free-text, --redact-to and --key-column take one INPUT; scan each extract alone.",
            param_hint="INPUT",
        )
    audit_log = audit_log_of(audit_log, job)
    names = source_names(inputs)
    written = [path for path in (output, draft_config, redact_to) if path is not None]
    arguments = {
        "sample": sample,
        "inputs": len(inputs),
        "free_text_columns": len(free_text or ()),
        "fail_on": fail_on,
        "outputs": len(written),
        "tier": tier.value,
        "row_aware": row_aware,
        "learned": learned,
    }
    with audited(audit_log, "scan", arguments=arguments, inputs=input_hashes(inputs)) as outputs:
        reports = {
            name: scan(
                path,
                sample=sample,
                free_text=free_text or (),
                redact_to=redact_to,
                encoding=encoding or "utf-8",
                tier=tier.value,
                model=model,
                row_aware=row_aware,
                key_column=key_column,
                learned=learned,
                progress=output_format is OutputFormat.TABLE,  # none with --format json
            )
            for name, path in zip(names, inputs, strict=True)
        }
        document = _document(reports)
        if output is not None:
            write_json(document, output)
        if draft_config is not None and len(inputs) == 1:
            write_draft_config(reports[names[0]], draft_config, input_path=str(inputs[0]))
        elif draft_config is not None:
            write_draft_job(reports, dict(zip(names, inputs, strict=True)), draft_config)
        outputs.update(input_hashes(written))
    warning = draft_warning(draft_config) if draft_config is not None else None
    if warning is not None:
        print(f"safelink: warning: {draft_config}: {warning}", file=sys.stderr)
    if output_format is OutputFormat.JSON:
        print_json(document)
    else:
        for report in reports.values():
            console.print(render_table(report))
    direct = [f"{n}: {c}" for n, r in reports.items() for c in r.direct_columns]
    if fail_on is FailOn.DIRECT and direct:
        print(f"safelink: direct identifiers in {', '.join(direct)}", file=sys.stderr)
        raise typer.Exit(GATE_EXIT_CODE)


def source_names(inputs: list[Path]) -> list[str]:
    """A source name per input: its file stem, made unique (``a``, ``a_2``) and YAML-safe."""
    names: list[str] = []
    for path in inputs:
        stem = re.sub(r"[^A-Za-z0-9_]+", "_", path.stem).strip("_") or "source"
        name, n = stem, 1
        while name in names:
            n += 1
            name = f"{stem}_{n}"
        names.append(name)
    return names


def _document(reports: dict[str, ScanReport]) -> dict[str, Any]:
    """The JSON report: one scan's document, or ``{"reports": {source: document}}``."""
    if len(reports) == 1:
        return next(iter(reports.values())).to_dict()
    return {"reports": {name: report.to_dict() for name, report in reports.items()}}


def register(app: typer.Typer) -> None:
    """Add the ``scan`` command to the CLI."""
    app.command("scan")(scan_command)
