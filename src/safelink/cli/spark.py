"""``safelink spark``: give a Spark cluster's executors safelink's environment, and prove it."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from safelink.cli._common import (
    SparkConfOption,
    SparkMasterOption,
    console,
    print_json,
    spark_conf,
)

spark_app = typer.Typer(
    help="Prepare and check a Spark cluster for the Spark engine.", no_args_is_help=True
)


@spark_app.command("pack")
def pack(
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The archive to write (.tar.gz).")
    ] = Path("safelink-env.tar.gz"),
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude",
            metavar="PACKAGE",
            help="Leave a top-level package out (repeatable), e.g. spacy: executors never "
            "run detection. PySpark and py4j are always left out.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Pack this virtualenv, safelink included, for the executors (spark.archives)."""
    from safelink.engines.spark_env import pack_environment

    summary = pack_environment(output, exclude=exclude or [])
    if as_json:
        print_json(dataclasses.asdict(summary))
        return
    megabytes = summary.size_bytes / 1e6
    console.print(f"wrote {summary.path} ({summary.files:,} files, {megabytes:,.0f} MB)")
    console.print("Run Spark commands with:")
    settings = " ".join(f"--spark-conf {k}={v}" for k, v in summary.settings.items())
    console.print(f"  {settings}", soft_wrap=True)
    console.print(
        "Every node needs the base Python this virtualenv was made from, at the same path."
    )


@spark_app.command("check")
def check(
    spark_master: SparkMasterOption = None,
    spark_settings: SparkConfOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Start a session and prove the executors can run this safelink (exit 2 if not)."""
    from safelink.engines.spark import spark_session
    from safelink.engines.spark_env import at_rest_warnings, check_executors, driver_environment

    session = spark_session(spark_master, config=spark_conf(spark_settings), warn_at_rest=False)
    try:
        executor = check_executors(session)
        master = str(session.sparkContext.master)
        warnings = at_rest_warnings(dict(session.sparkContext.getConf().getAll()))
    finally:
        session.stop()
    driver = driver_environment()
    if as_json:
        print_json(
            {
                "master": master,
                "driver": dataclasses.asdict(driver),
                "executor": dataclasses.asdict(executor),
                "warnings": warnings,
            }
        )
        return
    table = Table(title=f"Spark executors at {master}: they can run this safelink")
    table.add_column("")
    table.add_column("driver")
    table.add_column("executor")
    table.add_row("Python", driver.python, executor.python)
    table.add_row("Python version", driver.python_version, executor.python_version)
    for name in driver.versions:
        table.add_row(name, driver.versions[name] or "yes", executor.versions.get(name) or "yes")
    code = [(environment.fingerprint or "")[:12] for environment in (driver, executor)]
    table.add_row("safelink code", *code)
    table.add_row("native HMAC", str(driver.native_hmac), str(executor.native_hmac))
    console.print(table)
    for warning in warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}", soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add the ``spark`` command group to the app."""
    app.add_typer(spark_app, name="spark")
