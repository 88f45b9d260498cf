"""``safelink surrogate``: keyed fake values and per-person date shifts for a file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from safelink.cli._common import (
    ENCODING_HELP,
    check_encoding_option,
    console,
    input_hashes,
    passphrase,
    print_json,
)
from safelink.errors import KeyringError
from safelink.infra.audit import audited
from safelink.keys import Keyring, ProviderKey, open_key_source
from safelink.surrogate import SurrogateRun, load_surrogate_config, surrogate_file


def surrogate_command(
    input_path: Annotated[Path, typer.Argument(metavar="INPUT", help="CSV or Parquet file.")],
    config: Annotated[Path, typer.Option("--config", "-c", help="Surrogate config (YAML).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output data file.")],
    key_file: Annotated[Path | None, typer.Option(help="Key file (default: config's).")] = None,
    audit_log: Annotated[
        Path | None, typer.Option(help="Append this run to this audit log (default: config's).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    encoding: Annotated[
        str, typer.Option(help=ENCODING_HELP, callback=check_encoding_option)
    ] = "utf-8",
) -> None:
    """Replace identifiers in INPUT by keyed surrogates and shift dates per person."""
    settings = load_surrogate_config(config)
    path = key_file or settings.key_file
    if path is None:
        raise KeyringError("no key file: pass --key-file or set 'key_file' in the config.")
    keys = open_key_source(path, passphrase=passphrase())
    record = output.with_name(output.name + ".surrogate.json")
    with audited(
        audit_log or settings.audit_log,
        "surrogate",
        arguments={"columns": len(settings.columns), "dates": settings.dates is not None},
        inputs=input_hashes([input_path, config]),
        key_ids=_key_ids(keys),
    ) as outputs:
        run = surrogate_file(input_path, settings, keys, output, encoding=encoding)
        outputs.update(input_hashes([output, record]))
    if as_json:
        print_json(run.to_dict())
    else:
        console.print(summary_table(run))


def _key_ids(keys: Keyring | ProviderKey) -> dict[str, str]:
    # The namespace key's id only; a provider export without it fails in the run (audited).
    try:
        return {"surrogate": keys.namespace_key("surrogate").key_id}
    except KeyringError:
        return {}


def summary_table(run: SurrogateRun) -> Table:
    """A terminal table of a surrogate run (counts only)."""
    table = Table("column", "kind", "changed", "missing", "shared surrogates", title="surrogates")
    for report in run.columns:
        table.add_row(
            report.column,
            report.kind,
            f"{report.cells_changed:,}",
            f"{report.missing:,}",
            f"{report.collisions.shared_surrogates:,}",
        )
    if run.dates is not None:
        for column in run.dates.columns:
            table.add_row(column, "date shift", "", "", "")
    return table


def register(app: typer.Typer) -> None:
    """Add the ``surrogate`` command to the app."""
    app.command("surrogate")(surrogate_command)
