"""``safelink keys``: create, list, rotate and export project keys."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from safelink.cli._common import (
    EXPORT_PASSPHRASE_ENV,
    JobOption,
    audit_log_of,
    console,
    key_file_path,
    passphrase,
    print_json,
)
from safelink.errors import KeyringError, OutputError
from safelink.infra.audit import audited
from safelink.infra.io import sha256_file
from safelink.keys import (
    DEFAULT_SCRYPT_N,
    DeliveryKey,
    KeyFileEntry,
    Keyring,
    SigningKey,
    list_key_files,
    public_key_path,
    require_project,
)

keys_app = typer.Typer(help="Create, list, rotate and export project keys.", no_args_is_help=True)

KeysDir = Annotated[Path, typer.Option("--keys-dir", help="Directory holding key files.")]
Project = Annotated[str, typer.Option("--project", help="Project name.")]
AuditLog = Annotated[
    Path | None, typer.Option("--audit-log", help="Append this command to the project's audit log.")
]


def _private_directory(keys_dir: Path) -> Path:
    """Create a missing key directory with mode 0700 (an existing one is checked on use)."""
    try:
        keys_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{keys_dir}: cannot create the key directory ({exc.strerror}).") from exc
    return keys_dir


@keys_app.command("init")
def init(
    project: Project,
    keys_dir: KeysDir = Path("keys"),
    scrypt_n: Annotated[int, typer.Option(help="scrypt cost (power of two).")] = DEFAULT_SCRYPT_N,
    audit_log: AuditLog = None,
    job: JobOption = None,
) -> None:
    """Create a project key (256-bit, wrapped under a passphrase from SAFELINK_PASSPHRASE)."""
    audit_log = audit_log_of(audit_log, job)
    secret = passphrase(confirm=True)
    with audited(audit_log, "keys init", arguments={"project": project}) as outputs:
        path = key_file_path(_private_directory(keys_dir), project)
        ring = Keyring.create(path, project=project, passphrase=secret, scrypt_n=scrypt_n)
        outputs[ring.path.name] = sha256_file(ring.path)
    console.print(f"created {ring.path} for project {project!r}")
    console.print(key_ids_text(ring))


@keys_app.command("list")
def list_(
    keys_dir: KeysDir = Path("keys"),
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """List key files: project, versions, key ids and status (never key material).

    A file that cannot be read is listed with its problem beside the good ones; the command
    then exits with code 2 so that scripts notice.
    """
    entries = list_key_files(keys_dir)
    if as_json:
        print_json([entry.to_dict() for entry in entries])
    elif entries:
        console.print(_table(entries, keys_dir))
        for entry in entries:
            if entry.problem is not None:
                console.print(Text(f"problem: {entry.problem}"))
    else:
        console.print(Text(f"no key files in {keys_dir}"))
    bad = sum(entry.problem is not None for entry in entries)
    if bad:
        raise KeyringError(
            f"{bad} of {len(entries)} key files in {keys_dir} cannot be used; each is listed "
            "with its problem, and the others as usual."
        )


def key_ids_text(ring: Keyring) -> Text:
    """Which key id is which: the project key's, and its link subkey's (in tokens files)."""
    return Text(
        f"project key id {ring.key_id} (in manifests and the audit log)\n"
        f"link subkey id {ring.namespace_key('link').key_id} (in tokens files and exports)"
    )


def _table(entries: list[KeyFileEntry], keys_dir: Path) -> Table:
    table = Table(
        "file", "project", "purpose", "version", "key id", "status", "created",
        title=Text(f"key files in {keys_dir}"),
    )  # fmt: skip
    for entry in entries:
        # Text cells: header fields are shown as written, never read as rich markup.
        if entry.problem is not None:
            table.add_row(Text(entry.path.name), "", "", "", "", Text("unusable", "red"), "")
        for v in entry.versions:
            cells = (entry.path.name, entry.project, entry.purpose, v.version, v.key_id)
            table.add_row(*(Text(str(cell)) for cell in (*cells, v.status, v.created)))
    return table


@keys_app.command("rotate")
def rotate(
    project: Project,
    keys_dir: KeysDir = Path("keys"),
    audit_log: AuditLog = None,
    job: JobOption = None,
) -> None:
    """Add a new active key version; the old one is kept, retired, for verification."""
    audit_log = audit_log_of(audit_log, job)
    secret = passphrase()
    ring = Keyring.open(key_file_path(keys_dir, project), passphrase=secret)
    require_project(ring, project)
    with audited(
        audit_log, "keys rotate", arguments={"project": project}, key_ids={"retired": ring.key_id}
    ) as outputs:
        version = ring.rotate(passphrase=secret)
        outputs[ring.path.name] = sha256_file(ring.path)
    console.print(f"project {project!r}: version {version.version} active")
    console.print(key_ids_text(ring))


@keys_app.command("export")
def export(
    project: Project,
    provider: Annotated[str, typer.Option("--for", help="The data provider's name.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the export.")],
    keys_dir: KeysDir = Path("keys"),
    audit_log: AuditLog = None,
    force: Annotated[bool, typer.Option("--force", help="Replace OUTPUT if it exists.")] = False,
    job: JobOption = None,
) -> None:
    """Export the linkage key for a provider, wrapped under SAFELINK_EXPORT_PASSPHRASE."""
    audit_log = audit_log_of(audit_log, job)
    ring = Keyring.open(key_file_path(keys_dir, project), passphrase=passphrase())
    require_project(ring, project)
    export_secret = passphrase(env=EXPORT_PASSPHRASE_ENV, confirm=True, label="export passphrase")
    with audited(
        audit_log,
        "keys export",
        arguments={"project": project, "provider": provider},
        key_ids={"link": ring.namespace_key("link").key_id},
    ) as outputs:
        exported = ring.export_namespace(
            output, provider=provider, passphrase=export_secret, force=force
        )
        outputs[output.name] = sha256_file(output)
    console.print(f"wrote {output}: link key for {provider!r} ({exported!r})")


def _create_pair(
    kind: type[SigningKey] | type[DeliveryKey], keys_dir: Path, name: str, project: str,
    scrypt_n: int,
) -> None:  # fmt: skip
    if not name or not name.replace("_", "").replace("-", "").isalnum() or len(name) > 64:
        raise KeyringError("invalid key name: use 1-64 letters, digits, '-' and '_'.")
    key = kind.create(
        _private_directory(keys_dir) / f"{name}.{kind.PURPOSE}.key",
        project=project,
        passphrase=passphrase(confirm=True),
        scrypt_n=scrypt_n,
    )
    console.print(
        f"created {key.path} and {public_key_path(key.path)} (public), key id {key.key_id}"
    )


@keys_app.command("init-signing")
def init_signing(
    project: Project,
    keys_dir: KeysDir = Path("keys"),
    scrypt_n: Annotated[int, typer.Option(help="scrypt cost (power of two).")] = DEFAULT_SCRYPT_N,
    name: Annotated[
        str | None,
        typer.Option(help="File name NAME.signing.key (default: the project; a data owner's id)."),
    ] = None,
) -> None:
    """Create an Ed25519 signing key (the TTP's, or a data owner's) and its public key (.pub)."""
    _create_pair(SigningKey, keys_dir, name or project, project, scrypt_n)


@keys_app.command("init-delivery")
def init_delivery(
    name: Annotated[
        str, typer.Option(help="The recipient's name (the file is NAME.delivery.key).")
    ],
    project: Project,
    keys_dir: KeysDir = Path("keys"),
    scrypt_n: Annotated[int, typer.Option(help="scrypt cost (power of two).")] = DEFAULT_SCRYPT_N,
) -> None:
    """Create a recipient's X25519 delivery key (wrapped) and its public key (.pub) for senders."""
    _create_pair(DeliveryKey, keys_dir, name, project, scrypt_n)


def register(app: typer.Typer) -> None:
    """Add the ``keys`` command group to the CLI."""
    app.add_typer(keys_app, name="keys")
