"""``safelink demo``: run the whole pipeline on bundled synthetic data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from safelink.cli._common import console, print_json
from safelink.cli.link import report_tables
from safelink.cli.pseudonymise import summary_table
from safelink.demo import run_demo


def demo_command(
    output: Annotated[
        Path, typer.Option("-o", "--output", help="New directory for the demo.")
    ] = Path("demo-output"),
    people: Annotated[int, typer.Option(min=100, max=1_000_000, help="Synthetic people.")] = 2_000,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 7,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Generate synthetic extracts and run safelink end to end on them."""
    result = run_demo(output, people=people, seed=seed)
    if as_json:
        print_json(
            {
                "out_dir": str(result.out_dir),
                "key_id": result.key_id,
                "pseudonymised": {k: v.to_dict() for k, v in result.pseudonymised.items()},
                "linkage": result.linkage.to_dict(),
                "timings": result.timings,
            }
        )
        return
    for summary in result.pseudonymised.values():
        console.print(summary_table(summary))
    for table in report_tables(result.linkage):
        console.print(table)
    console.print(f"demo key id {result.key_id}; outputs in {result.out_dir}")


def register(app: typer.Typer) -> None:
    """Add the ``demo`` command to the CLI."""
    app.command("demo")(demo_command)
