"""``safelink config``: the job config's JSON Schema, for editors and other tools."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from safelink.config import config_schema
from safelink.infra.atomic import atomic_path

config_app = typer.Typer(help="Work with job configs.", no_args_is_help=True)

#: The schema describes settings, never data or keys: anyone may read it.
_PUBLIC_FILE_MODE = 0o644


@config_app.command("schema")
def schema_command(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the schema to this file (default: stdout)."),
    ] = None,
) -> None:
    """Print the JSON Schema of a job config (point an editor's YAML support at it)."""
    text = json.dumps(config_schema(), indent=2, sort_keys=True) + "\n"
    if output is None:
        print(text, end="")
        return
    with atomic_path(output, mode=_PUBLIC_FILE_MODE) as temporary:
        temporary.write_text(text, encoding="utf-8")


def register(app: typer.Typer) -> None:
    """Add the ``config`` command group to the CLI."""
    app.add_typer(config_app, name="config")
