"""``safelink keys``: create, list, rotate and export project keys."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from safelink.audit import audited
from safelink.cli._common import (
    EXPORT_PASSPHRASE_ENV,
    console,
    key_file_path,
    passphrase,
    print_json,
)
from safelink.io import sha256_file
from safelink.keys import DEFAULT_SCRYPT_N, Keyring, SigningKey, list_key_files, public_key_path

keys_app = typer.Typer(help="Create, list, rotate and export project keys.", no_args_is_help=True)

KeysDir = Annotated[Path, typer.Option("--keys-dir", help="Directory holding key files.")]
Project = Annotated[str, typer.Option("--project", help="Project name.")]
AuditLog = Annotated[
    Path | None, typer.Option("--audit-log", help="Append this command to the project's audit log.")
]


@keys_app.command("init")
def init(
    project: Project,
    keys_dir: KeysDir = Path("keys"),
    scrypt_n: Annotated[int, typer.Option(help="scrypt cost (power of two).")] = DEFAULT_SCRYPT_N,
    audit_log: AuditLog = None,
) -> None:
    """Create a project key (256-bit, wrapped under a passphrase from SAFELINK_PASSPHRASE)."""
    secret = passphrase(confirm=True)
    with audited(audit_log, "keys init", arguments={"project": project}) as outputs:
        ring = Keyring.create(
            key_file_path(keys_dir, project), project=project, passphrase=secret, scrypt_n=scrypt_n
        )
        outputs[ring.path.name] = sha256_file(ring.path)
    console.print(f"created {ring.path} for project {project!r}, key id {ring.key_id}")


@keys_app.command("list")
def list_(
    keys_dir: KeysDir = Path("keys"),
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """List key files: project, versions, key ids and status (never key material)."""
    rows = [
        {
            "file": str(path),
            "project": header["project"],
            "purpose": header["purpose"],
            "versions": header["versions"],
        }
        for path, header in list_key_files(keys_dir)
    ]
    if as_json:
        print_json(rows)
        return
    table = Table("file", "project", "purpose", "version", "key id", "status", "created")
    for row in rows:
        for v in row["versions"]:
            table.add_row(
                row["file"],
                row["project"],
                row["purpose"],
                str(v["version"]),
                v["key_id"],
                v["status"],
                v["created"],
            )
    console.print(table if rows else f"no key files in {keys_dir}")


@keys_app.command("rotate")
def rotate(project: Project, keys_dir: KeysDir = Path("keys"), audit_log: AuditLog = None) -> None:
    """Add a new active key version; the old one is kept, retired, for verification."""
    secret = passphrase()
    ring = Keyring.open(key_file_path(keys_dir, project), passphrase=secret)
    with audited(
        audit_log, "keys rotate", arguments={"project": project}, key_ids={"retired": ring.key_id}
    ) as outputs:
        version = ring.rotate(passphrase=secret)
        outputs[ring.path.name] = sha256_file(ring.path)
    console.print(f"project {project!r}: version {version.version} active, key id {version.key_id}")


@keys_app.command("export")
def export(
    project: Project,
    provider: Annotated[str, typer.Option("--for", help="The data provider's name.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the export.")],
    keys_dir: KeysDir = Path("keys"),
    audit_log: AuditLog = None,
) -> None:
    """Export the linkage key for a provider, wrapped under SAFELINK_EXPORT_PASSPHRASE."""
    ring = Keyring.open(key_file_path(keys_dir, project), passphrase=passphrase())
    export_secret = passphrase(env=EXPORT_PASSPHRASE_ENV, confirm=True, label="export passphrase")
    with audited(
        audit_log,
        "keys export",
        arguments={"project": project, "provider": provider},
        key_ids={"link": ring.namespace_key("link").key_id},
    ) as outputs:
        exported = ring.export_namespace(output, provider=provider, passphrase=export_secret)
        outputs[output.name] = sha256_file(output)
    console.print(f"wrote {output}: link key for {provider!r} ({exported!r})")


@keys_app.command("init-signing")
def init_signing(
    project: Project,
    keys_dir: KeysDir = Path("keys"),
    scrypt_n: Annotated[int, typer.Option(help="scrypt cost (power of two).")] = DEFAULT_SCRYPT_N,
) -> None:
    """Create the TTP's Ed25519 release-signing key (wrapped) and its public key (.pub)."""
    key = SigningKey.create(
        keys_dir / f"{project}.signing.key",
        project=project,
        passphrase=passphrase(confirm=True),
        scrypt_n=scrypt_n,
    )
    console.print(
        f"created {key.path} and {public_key_path(key.path)} (public), key id {key.key_id}"
    )


def register(app: typer.Typer) -> None:
    """Add the ``keys`` command group to the CLI."""
    app.add_typer(keys_app, name="keys")
