"""``safelink pseudonymise``: split an extract into keyed tokens and content."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from safelink.cli._common import (
    ENCODING_HELP,
    EngineOption,
    QuietOption,
    SparkConfOption,
    SparkMasterOption,
    check_encoding_option,
    console,
    input_hashes,
    open_keys,
    print_json,
    spark_conf,
    with_encoding,
)
from safelink.config import load_config
from safelink.engines import Engine
from safelink.infra.audit import audited
from safelink.keys import Keyring
from safelink.pseudonymise import RunSummary, pseudonymise_file


def pseudonymise_command(
    input_path: Annotated[Path, typer.Argument(metavar="INPUT", help="CSV or Parquet extract.")],
    config: Annotated[Path, typer.Option("--config", "-c", help="Job config (YAML).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output directory.")],
    source: Annotated[str | None, typer.Option(help="Which source of the config.")] = None,
    key_file: Annotated[Path | None, typer.Option(help="Key file (default: config's).")] = None,
    csv: Annotated[bool, typer.Option("--csv", help="Write CSV instead of Parquet.")] = False,
    encoding: Annotated[
        str | None,
        typer.Option(
            help=ENCODING_HELP + " Overrides the source's 'encoding' in the config.",
            callback=check_encoding_option,
        ),
    ] = None,
    engine: EngineOption = Engine.LOCAL,
    spark_master: SparkMasterOption = None,
    spark_settings: SparkConfOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    quiet: QuietOption = False,
) -> None:
    """Pseudonymise INPUT into SOURCE.tokens.parquet and SOURCE.content.parquet."""
    job = with_encoding(load_config(config), source, encoding)
    keys = open_keys(job, key_file)
    arguments = {"input": input_path.name, "source": source, "output": str(output)}
    with audited(
        job.audit_log,
        "pseudonymise",
        arguments=arguments,
        inputs=input_hashes([input_path]),
        key_ids={"link": keys.namespace_key("link").key_id},
    ) as outputs:
        summary = pseudonymise_file(
            input_path,
            job,
            keys,
            output,
            source=source,
            output_format="csv" if csv else "parquet",
            engine=engine,
            spark_master=spark_master,
            spark_conf=spark_conf(spark_settings),
            progress=not (as_json or quiet),
        )
        outputs.update(summary.outputs)
    if as_json:
        print_json(summary.to_dict())
    elif not quiet:
        project = (
            keys.key_id if isinstance(keys, Keyring) else None
        )  # a provider has no project key
        console.print(summary_table(summary, project_key_id=project))
        shapes = shape_table(summary)
        if shapes is not None:
            console.print(shapes)


def summary_table(summary: RunSummary, *, project_key_id: str | None = None) -> Table:
    """A terminal table of a run summary (counts only).

    The title names the key the tokens were made under (the project's linkage key, whose id
    goes into the tokens file) and, when given, the project key it derives from.
    """
    title = f"{summary.source}: {summary.rows:,} rows; tokens under linkage key {summary.key_id}"
    if project_key_id is not None:
        title += f" (from project key {project_key_id})"
    table = Table(
        "column",
        "kind",
        "tokens",
        "accepted",
        "missing",
        "rejected (by reason)",
        "accepted with a warning",
        title=title,
    )
    for column in summary.columns:
        reasons = ", ".join(f"{r}: {n:,}" for r, n in column.rejected.items()) or "-"
        warnings = ", ".join(f"{w}: {n:,}" for w, n in column.warnings.items()) or "-"
        table.add_row(
            column.column,
            column.kind,
            str(len(column.token_columns)),
            f"{column.accepted:,}",
            f"{column.missing:,}",
            reasons,
            warnings,
        )
    return table


def shape_table(summary: RunSummary) -> Table | None:
    """Rejected values by masked shape (``9999``, ``AA99 9AA``): never a value; None if none."""
    rows = [
        (column.column, reason, shape, count)
        for column in summary.columns
        for reason, shapes in column.rejected_shapes.items()
        for shape, count in shapes.items()
    ]
    if not rows:
        return None
    table = Table(
        "column", "reason", "shape (9 digit, A letter)", "values",
        title=f"{summary.source}: rejected values by masked shape (the commonest per reason)",
    )  # fmt: skip
    for column, reason, shape, count in rows:
        # Text cells: a shape keeps the value's punctuation, never read as rich markup.
        table.add_row(Text(column), Text(reason), Text(repr(shape)), f"{count:,}")
    return table


def register(app: typer.Typer) -> None:
    """Add the ``pseudonymise`` command to the CLI."""
    app.command("pseudonymise")(pseudonymise_command)
