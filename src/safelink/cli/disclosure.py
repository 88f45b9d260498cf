"""``safelink check`` and ``safelink anonymise``: disclosure control from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from safelink.cli._common import (
    ENCODING_HELP,
    EngineOption,
    JobOption,
    SparkConfOption,
    SparkMasterOption,
    audit_log_of,
    check_encoding_option,
    input_hashes,
    spark_conf,
)
from safelink.disclosure import DisclosureReport, anonymise_file, check_file
from safelink.engines import Engine
from safelink.errors import DisclosureRiskError
from safelink.infra.audit import audited


def _print(report: DisclosureReport, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2, sort_keys=True, default=str))
        return
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table("measure", "value", title=f"disclosure check: {report.profile.name}")
        for name, value in report.lines():
            table.add_row(name, value)
        Console().print(table)
        return
    for name, value in report.lines():
        typer.echo(f"{name}: {value}")


def _raise_if_failed(report: DisclosureReport) -> None:
    if not report.passed:
        raise DisclosureRiskError(
            f"the data do not meet profile {report.profile.name!r}: " + "; ".join(report.failures)
        )


def register(app: typer.Typer) -> None:
    """Add the ``check`` and ``anonymise`` commands to the app."""

    @app.command("check")
    def check_command(
        input: Path = typer.Argument(..., help="CSV or Parquet file to check."),  # noqa: B008
        config: Path = typer.Option(..., "--config", help="Disclosure config (YAML)."),  # noqa: B008
        engine: EngineOption = Engine.LOCAL,
        spark_master: SparkMasterOption = None,
        spark_settings: SparkConfOption = None,
        audit_log: Path | None = typer.Option(  # noqa: B008
            None, "--audit-log", help="Append this command to the project's audit log."
        ),
        job: JobOption = None,
        as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
        encoding: str = typer.Option(
            "utf-8", "--encoding", help=ENCODING_HELP, callback=check_encoding_option
        ),
    ) -> None:
        """Check data against a release profile; exit 3 when it is not met."""
        with audited(
            audit_log_of(audit_log, job),
            "check",
            arguments={"input": input.name, "config": config.name, "engine": engine},
            inputs=input_hashes([input, config]),
        ):
            report = check_file(
                input,
                config=config,
                engine=engine,
                spark_master=spark_master,
                spark_conf=spark_conf(spark_settings),
                encoding=encoding,
            )
            _print(report, as_json)
            _raise_if_failed(report)

    @app.command("anonymise")
    def anonymise_command(
        input: Path = typer.Argument(..., help="CSV or Parquet file to anonymise."),  # noqa: B008
        config: Path = typer.Option(..., "--config", help="Disclosure config (YAML)."),  # noqa: B008
        output: Path = typer.Option(..., "-o", "--output", help="Output data file."),  # noqa: B008
        as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
        audit_log: Path | None = typer.Option(  # noqa: B008
            None, "--audit-log", help="Append this run to the project's audit log."
        ),
        job: JobOption = None,
        encoding: str = typer.Option(
            "utf-8", "--encoding", help=ENCODING_HELP, callback=check_encoding_option
        ),
    ) -> None:
        """Apply a config's transformations; write the data and a JSON record of what was done."""
        record = output.with_name(output.name + ".disclosure.json")
        with audited(
            audit_log_of(audit_log, job),
            "anonymise",
            arguments={"input": input.name, "config": config.name, "output": output.name},
            inputs=input_hashes([input, config]),
        ) as outputs:
            result = anonymise_file(input, config=config, output=output, encoding=encoding)
            _print(result.report, as_json)
            _raise_if_failed(result.report)
            outputs.update(input_hashes([output, record]))
