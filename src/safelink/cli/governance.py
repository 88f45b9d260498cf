"""``safelink purge`` (expired outputs, retired keys) and ``paperwork`` (annex, register)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from safelink.cli._common import console, passphrase, print_json
from safelink.config import load_config
from safelink.errors import ConfigError
from safelink.governance.paperwork import write_paperwork
from safelink.governance.retention import purge
from safelink.keys import Keyring


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError([f"--as-of must be an ISO date (YYYY-MM-DD), not {value!r}"]) from exc


def purge_command(
    config: Annotated[Path, typer.Option("--config", "-c", help="Job config (YAML).")],
    work_dir: Annotated[
        Path | None, typer.Argument(metavar="WORK_DIR", help="The job's work directory.")
    ] = None,
    path: Annotated[
        list[Path] | None, typer.Option("--path", help="Another output (e.g. a person index).")
    ] = None,
    as_of: Annotated[str | None, typer.Option(help="Judge expiry on this date (ISO).")] = None,
    retire_key: Annotated[
        bool, typer.Option(help="Retire the project key version and destroy its secret.")
    ] = False,
    dry_run: Annotated[bool, typer.Option(help="List what would be deleted; delete nothing.")] = (
        False
    ),
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Delete expired outputs (tokens, content, links, index, releases); everything audited."""
    job = load_config(config)
    keys, secret = None, None
    if retire_key:
        if job.key_file is None:
            raise ConfigError(["--retire-key needs the config's key_file"], str(config))
        secret = passphrase()
        keys = Keyring.open(job.key_file, passphrase=secret)
    report = purge(
        job, work_dir, paths=path or (), as_of=_date(as_of), keys=keys, passphrase=secret,
        dry_run=dry_run,
    )  # fmt: skip
    if as_json:
        print_json(report.to_dict())
        return
    table = Table("output", "state", title=f"Retention on {report.as_of} (agreement ends "
                  f"{report.expires})")  # fmt: skip
    for name in report.removed:
        table.add_row(name, "would delete" if report.dry_run else "deleted")
    for name, until in report.kept.items():
        table.add_row(name, f"kept until {until}")
    console.print(table)
    if report.destroyed_key:
        console.print(f"key {report.destroyed_key} retired and destroyed")


def paperwork_command(
    config: Annotated[Path, typer.Option("--config", "-c", help="Job config (YAML).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the documents.")] = (
        Path("paperwork")
    ),
) -> None:
    """Write the data-flow annex (DPIA, agreement) and a public-register entry from the job."""
    written = write_paperwork(load_config(config), output)
    for name, path in written.items():
        console.print(f"wrote {name}: {path}")


def register(app: typer.Typer) -> None:
    """Add the ``purge`` and ``paperwork`` commands to the CLI."""
    app.command("purge")(purge_command)
    app.command("paperwork")(paperwork_command)
