"""Helpers shared by the command modules: passphrases, key files, encodings, output."""

from __future__ import annotations

import dataclasses
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from safelink.config import JobConfig, load_config
from safelink.engines import Engine
from safelink.errors import InputError, KeyringError
from safelink.infra.io import sha256_file, sha256_tree
from safelink.infra.text_encoding import canonical_encoding
from safelink.keys import Keyring, ProviderKey, open_key_source, require_project

PASSPHRASE_ENV = "SAFELINK_PASSPHRASE"  # noqa: S105 - a variable name
EXPORT_PASSPHRASE_ENV = "SAFELINK_EXPORT_PASSPHRASE"  # noqa: S105

console = Console(stderr=False, highlight=False)

#: Width of tables written to a pipe or a file (no terminal to fit): wide enough that a table
#: keeps one line per row instead of wrapping into narrow columns. ``COLUMNS`` overrides it.
PIPED_WIDTH = 200


def fit_console() -> None:
    """Fit tables to the output: the terminal's width, or :data:`PIPED_WIDTH` when piped."""
    if not console.is_terminal and not os.environ.get("COLUMNS"):
        console.width = PIPED_WIDTH


def passphrase(
    *, env: str = PASSPHRASE_ENV, confirm: bool = False, label: str = "passphrase"
) -> str:
    """Read a passphrase from the environment or, on a terminal, a prompt (never an argument)."""
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise KeyringError(
            f"no {label}: set {env} in the environment or run on a terminal to be prompted."
        )
    first = getpass.getpass(f"safelink {label}: ")
    if confirm and getpass.getpass(f"repeat the {label}: ") != first:
        raise KeyringError(f"the two {label}s differ; run the command again.")
    return first


#: ``--job`` of the commands that take no job config otherwise (keys, scan, check,
#: anonymise): the job config whose top-level ``audit_log:`` records the command.
JobOption = Annotated[
    Path | None,
    typer.Option(
        "--job",
        help="The job config (YAML): its audit_log: records this command, as for pseudonymise, "
        "link and release.",
    ),
]


def audit_log_of(audit_log: Path | None, job: Path | None) -> Path | None:
    """The audit log a command appends to: ``--audit-log``, else the job config's ``audit_log:``.

    Raises:
        ConfigError: the job config is invalid.
    """
    if audit_log is not None or job is None:
        return audit_log
    return load_config(job).audit_log


def key_file_path(keys_dir: Path, project: str) -> Path:
    """Where a project's key file lives: ``KEYS_DIR/PROJECT.key``."""
    return keys_dir / f"{project}.key"


def open_keys(config: JobConfig, key_file: Path | None) -> Keyring | ProviderKey:
    """Open the key file given on the command line, or the one the config names.

    Raises:
        WrongProject: the key file belongs to another project than the config's.
    """
    path = key_file or config.key_file
    if path is None:
        raise KeyringError("no key file: pass --key-file or set 'key_file' in the config.")
    keys = open_key_source(path, passphrase=passphrase())
    require_project(keys, config.project)
    return keys


def input_hashes(paths: list[Path]) -> dict[str, str]:
    """SHA-256 of each existing input, by name, for the audit log.

    A directory (a Spark tokens directory) is named with a trailing ``/`` and hashed over its
    files (:func:`~safelink.infra.io.sha256_tree`).
    """
    hashes = {path.name: sha256_file(path) for path in paths if path.is_file()}
    hashes.update({f"{path.name}/": sha256_tree(path) for path in paths if path.is_dir()})
    return hashes


def print_json(document: Any) -> None:
    """Print a JSON document to stdout."""
    print(json.dumps(document, indent=2, sort_keys=True, default=str))


#: The ``--engine`` option of every command that can run on Spark: choices checked by typer
#: (a usage error, exit 2), availability by :func:`safelink.engines.choose_engine`.
EngineOption = Annotated[
    Engine,
    typer.Option(
        "--engine", help="Where to run: local (polars/DuckDB) or spark (PySpark).",
        case_sensitive=False,
    ),
]  # fmt: skip
SparkMasterOption = Annotated[
    str | None, typer.Option("--spark-master", help="Spark master URL (default: local[*]).")
]


def spark_conf(values: list[str] | None) -> dict[str, str]:
    """``--spark-conf KEY=VALUE`` options as Spark settings (a bad one is a usage error).

    Raises:
        typer.BadParameter: a value is not ``spark.NAME=VALUE``.
    """
    settings: dict[str, str] = {}
    for item in values or []:
        name, equals, value = item.partition("=")
        name = name.strip()
        if not equals or not name.startswith("spark.") or not value:
            raise typer.BadParameter(
                f"{item.split('=')[0]!r} is not a Spark setting; give KEY=VALUE with a key "
                "starting spark., e.g. --spark-conf spark.executor.memory=4g"
            )
        settings[name] = value
    return settings


def _check_spark_conf(values: list[str] | None) -> list[str] | None:
    spark_conf(values)
    return values


#: ``--quiet`` on every command that shows progress: no progress and no summary, errors only.
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress and no summary; errors only.")
]

#: ``--spark-conf KEY=VALUE`` (repeatable) on every command that can run on Spark.
SparkConfOption = Annotated[
    list[str] | None,
    typer.Option(
        "--spark-conf",
        metavar="KEY=VALUE",
        help="A Spark setting for the session (repeatable), e.g. spark.executor.memory=4g or "
        "spark.archives=safelink-env.tar.gz#environment (see `safelink spark pack`).",
        callback=_check_spark_conf,
    ),
]

#: Help of the ``--encoding`` option of every command that reads an extract.
ENCODING_HELP = "Text encoding of a CSV input, e.g. utf-8, cp1252, latin-1 (default: utf-8)."


def check_encoding_option(value: str | None) -> str | None:
    """Validate ``--encoding`` while parsing, so that a bad name is a usage error (exit 2)."""
    if value is None:
        return None
    try:
        return canonical_encoding(value)
    except InputError as exc:
        raise typer.BadParameter(str(exc)) from exc


def with_encoding(config: JobConfig, source: str | None, encoding: str | None) -> JobConfig:
    """The job config with ``--encoding`` (when given) set on the source being read."""
    if encoding is None:
        return config
    chosen = config.source(source)
    sources = {**config.sources, chosen.name: dataclasses.replace(chosen, encoding=encoding)}
    return dataclasses.replace(config, sources=sources)
