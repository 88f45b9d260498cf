"""``release``, ``verify``, ``approve``, ``encrypt``, ``decrypt``, ``run`` and ``audit``."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from safelink.attacks import audit_tokens
from safelink.cli._common import QuietOption, console, open_keys, passphrase, print_json
from safelink.config import load_config
from safelink.errors import ConfigError, InputError, VerificationError
from safelink.infra.progress import Progress
from safelink.keys import DeliveryKey, Keyring, SigningKey, require_project
from safelink.pipeline import run_job
from safelink.release import (
    approve,
    decrypt_bundle,
    decrypt_file,
    encrypt_bundle,
    encrypt_file,
    release,
    release_settings,
    verify,
    verify_audit_log,
)
from safelink.release.delivery import SEALED_SUFFIX


def _public_key(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the public key ({exc.strerror}).") from exc


def release_command(
    config: Annotated[Path, typer.Option("--config", "-c", help="Job config (YAML).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="New release directory.")],
    recipient: Annotated[str | None, typer.Option(help="Who the release is for.")] = None,
    key_file: Annotated[Path | None, typer.Option(help="Project key file.")] = None,
    signing_key: Annotated[Path | None, typer.Option(help="Signing key file.")] = None,
    links: Annotated[Path | None, typer.Option(help="links.parquet from 'link'.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    quiet: QuietOption = False,
) -> None:
    """Build, check, sign and write a release bundle (passphrase from SAFELINK_PASSPHRASE)."""
    job = load_config(config)
    signing_path = signing_key or release_settings(job).signing_key
    key_path = key_file or job.key_file
    if signing_path is None or key_path is None:
        raise ConfigError(["give key_file and release.signing_key (or the options)"], str(config))
    secret = passphrase()
    keys = Keyring.open(key_path, passphrase=secret)
    signer = SigningKey.open(signing_path, passphrase=secret)
    require_project(keys, job.project)
    require_project(signer, job.project)
    with Progress(None, "release") if not (as_json or quiet) else contextlib.nullcontext():
        result = release(
            config,
            output,
            keys=keys,
            signing_key=signer,
            recipient=recipient,
            links=links,
        )
    if as_json:
        print_json({"out_dir": str(result.out_dir), "files": dict(result.files)})
        return
    if quiet:
        return
    console.print(
        f"release for {result.recipient}: {result.rows_out:,} of {result.rows_in:,} "
        f"records in {result.out_dir}; report {result.report_path}"
    )


def verify_command(
    release_dir: Annotated[Path, typer.Argument(metavar="RELEASE_DIR", help="Release bundle.")],
    public_key: Annotated[Path, typer.Option(help="The TTP's .signing.pub file.")],
    audit_log: Annotated[
        Path | None,
        typer.Option(help="The project's audit log: check it holds this release's entry."),
    ] = None,
    require_approvals: Annotated[
        bool, typer.Option(help="Fail unless every data owner has approved (a final release).")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Check a release's signature, file hashes, disclosure and identifiers (exit 0 if all pass)."""
    key = _public_key(public_key)
    report = verify(release_dir, key, audit_log=audit_log, require_approvals=require_approvals)
    if as_json:
        print_json(report.to_dict())
    else:
        table = Table("check", "result", "detail", title=f"Verification of {release_dir}")
        for check in report.checks:
            mark = "[green]PASS[/green]" if check.passed else "[red]FAIL[/red]"
            table.add_row(check.name, mark, check.detail)
        console.print(table)
        approvals = Table("owner", "approved", "detail", title="Data owners' approvals")
        for approval in report.approvals:
            mark = "[green]yes[/green]" if approval.valid else "[red]no[/red]"
            approvals.add_row(f"{approval.owner} ({approval.name})", mark, approval.detail)
        console.print(approvals)
        console.print(f"final: {'yes' if report.final else 'no (not every owner approved)'}")
    if not report.ok:
        names = ", ".join(c.name for c in report.failures)
        raise VerificationError(f"{release_dir}: verification failed ({names}).")


def approve_command(
    bundle: Annotated[Path, typer.Argument(metavar="BUNDLE", help="Release bundle.")],
    owner: Annotated[str, typer.Option("--as", help="The data owner's id (governance.owners).")],
    key: Annotated[Path, typer.Option(help="The owner's own signing key file.")],
    public_key: Annotated[
        Path | None,
        typer.Option(help="The TTP's .signing.pub: check the manifest's signature first."),
    ] = None,
    audit_log: Annotated[Path | None, typer.Option(help="Record the approval here.")] = None,
) -> None:
    """Approve a release as a data owner: sign its manifest (passphrase: SAFELINK_PASSPHRASE)."""
    ttp = _public_key(public_key) if public_key is not None else None
    signer = SigningKey.open(key, passphrase=passphrase())
    path = approve(bundle, owner, signer, ttp_public_key=ttp, audit_log=audit_log)
    console.print(f"{owner} approved {bundle} with key {signer.key_id}: {path}")


def encrypt_command(
    path: Annotated[Path, typer.Argument(metavar="PATH", help="A release bundle, or a file.")],
    to: Annotated[Path, typer.Option("--to", help="The recipient's .delivery.pub file.")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Default: PATH.tar.sealed / PATH.sealed.")
    ] = None,
) -> None:
    """Encrypt a release bundle (or a token file) to its recipient's delivery key."""
    public = _public_key(to)
    if path.is_dir():
        written = encrypt_bundle(path, output or Path(f"{path}.tar{SEALED_SUFFIX}"), public)
    else:
        written = encrypt_file(path, output or Path(f"{path}{SEALED_SUFFIX}"), public)
    console.print(f"encrypted {path} to {written}")


def decrypt_command(
    sealed: Annotated[Path, typer.Argument(metavar="SEALED", help="An encrypted file.")],
    key: Annotated[Path, typer.Option(help="Your .delivery.key file.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="New bundle directory or file.")],
) -> None:
    """Decrypt a sealed bundle (NAME.tar.sealed: into a directory) or file (passphrase env)."""
    delivery = DeliveryKey.open(key, passphrase=passphrase())
    if sealed.name.endswith(f".tar{SEALED_SUFFIX}"):
        decrypt_bundle(sealed, output, delivery)
    else:
        decrypt_file(sealed, output, delivery)
    console.print(f"decrypted {sealed} to {output}")


def run_command(
    config: Annotated[Path, typer.Argument(metavar="CONFIG", help="Job config (YAML).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Work directory.")] = Path(
        "safelink-run"
    ),
    recipient: Annotated[str | None, typer.Option(help="Who the release is for.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    quiet: QuietOption = False,
) -> None:
    """Run the whole flow: scan, pseudonymise, link and release (SAFELINK_PASSPHRASE)."""
    job = load_config(config)
    signing_path = release_settings(job).signing_key
    if signing_path is None or job.key_file is None:
        raise ConfigError(["'run' needs key_file and release.signing_key"], str(config))
    secret = passphrase()
    keys = Keyring.open(job.key_file, passphrase=secret)
    signer = SigningKey.open(signing_path, passphrase=secret)
    require_project(keys, job.project)
    require_project(signer, job.project)
    result = run_job(
        config,
        output,
        keys=keys,
        signing_key=signer,
        recipient=recipient,
        progress=not (as_json or quiet),
    )
    if as_json:
        print_json(result.to_dict())
    elif not quiet:
        console.print(run_summary_table(result.summary()))


def run_summary_table(summary: dict[str, Any]) -> Table:
    """The end of ``safelink run``: counts per source and step, k, suppression, where, verify."""
    table = Table("measure", "value", title="safelink run: summary")
    for source, row in summary["records_by_source"].items():
        table.add_row(f"records: {source}", f"{row['records']:,} ({row['linked']:,} linked)")
    for step, links in summary["links_by_step"].items():
        table.add_row(f"links: {step}", f"{links:,}")
    table.add_row("persons (linkage)", f"{summary['persons']:,}")
    table.add_row("persons released", f"{summary['persons_released']:,}")
    table.add_row("k reached", str(summary["k_reached"]))
    table.add_row("rows released", f"{summary['rows_released']:,}")
    table.add_row("rows suppressed", f"{summary['rows_suppressed']:,}")
    # Text cells: paths are shown as written, never read as rich markup.
    table.add_row("release", Text(summary["release"]))
    table.add_row("report", Text(summary["report"]))
    table.add_row("verify it", Text(summary["verify_command"]))
    return table


audit_app = typer.Typer(help="The project's hash-chained audit log.", no_args_is_help=True)


@audit_app.command("verify")
def audit_verify_command(
    log: Annotated[Path, typer.Argument(metavar="LOG", help="The audit log (.jsonl).")],
    expected_head: Annotated[
        str | None, typer.Option(help="A head hash recorded elsewhere (catches truncation).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Check the audit log's hash chain (exit 4 when broken, 2 when LOG is missing)."""
    result = verify_audit_log(log, expected_head=expected_head)
    if as_json:
        print_json(result.to_dict())
    else:
        state = "[green]intact[/green]" if result.chain_intact else "[red]BROKEN[/red]"
        found = ""
        if result.expected_head_found is not None:
            found = ", expected head " + (
                "found" if result.expected_head_found else "[red]NOT FOUND[/red]"
            )
        console.print(f"{log}: {result.entries} entries, chain {state}, head {result.head}{found}")
        for problem in result.problems:
            console.print(f"  - {problem}")
    if not result.chain_intact:
        raise VerificationError(f"{log}: the audit log's chain is broken.")
    if not result.ok:
        raise VerificationError(
            f"{log}: the chain is intact but holds no entry with the expected head: the log "
            "was cut short, rewritten or replaced after that head was recorded."
        )


@audit_app.command("tokens")
def audit_tokens_command(
    tokens: Annotated[Path, typer.Argument(metavar="TOKENS_FILE", help="A *.tokens.parquet.")],
    config: Annotated[
        Path | None,
        typer.Option("--config", "-c", help="Job config: with it, the attack is scored."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Report what an attacker holding TOKENS_FILE could learn (figures only)."""
    keys = open_keys(load_config(config), None) if config is not None else None
    audit = audit_tokens(tokens, keys=keys)
    if as_json:
        print_json(audit.to_dict())
        return
    exposure = Table(
        "token column",
        "distinct",
        "commonest share",
        "enumerable",
        title=f"{tokens}: {audit.rows:,} rows",
    )
    for column in audit.columns:
        exposure.add_row(
            column.column,
            f"{column.distinct:,}",
            f"{column.top_share:.2%}",
            "yes" if column.enumerable else "no",
        )
    attacks = Table(
        "name column",
        "records guessed right",
        "top-20 tokens right",
        title="Rank-matching frequency attack",
    )
    for attack in audit.frequency_attacks:
        share = (
            "-" if attack.records_correct_share is None else f"{attack.records_correct_share:.1%}"
        )
        attacks.add_row(attack.column, share, str(attack.top20_tokens_correct or "-"))
    costs = Table(
        "identifier",
        "candidates",
        "seconds (1 core)",
        title=f"Dictionary attack if the key leaked ({audit.hmac_per_second:,.0f} HMAC/s)",
    )
    for cost in audit.dictionary_costs:
        costs.add_row(cost.identifier, f"{cost.candidates:,}", f"{cost.seconds_one_core:,.3f}")
    tables = [exposure, attacks, costs]
    if audit.column_attacks:
        recovered = Table(
            "token column",
            "distinct",
            "frequency alignment",
            "graph matching",
            title="Records whose value each attack recovers (public-like distributions)",
        )
        for result in audit.column_attacks:
            recovered.add_row(
                result.column,
                f"{result.distinct:,}",
                _share(result.frequency_recovered),
                _share(result.graph_recovered),
            )
        tables.append(recovered)
    if audit.address_exposures:
        groups = Table(
            "address column",
            "distinct",
            "records sharing a token",
            "largest group",
            title="Address tokens: households and streets",
        )
        for group in audit.address_exposures:
            groups.add_row(
                group.column,
                f"{group.distinct:,}",
                f"{group.shared_share:.1%}",
                f"{group.largest_group:,}",
            )
        tables.append(groups)
    if audit.bloom_exposures:
        blooms = Table(
            "Bloom column", "distinct", "commonest share", "bits set", title="Bloom encodings"
        )
        for bloom in audit.bloom_exposures:
            blooms.add_row(
                bloom.column,
                f"{bloom.distinct:,}",
                f"{bloom.top_share:.1%}",
                f"{bloom.mean_fill:.1%}",
            )
        tables.append(blooms)
    for table in tables:
        console.print(table)


def _share(value: float | None) -> str:
    return "- (no key)" if value is None else f"{value:.1%}"


def register(app: typer.Typer) -> None:
    """Add ``release``, ``verify``, ``approve``, ``encrypt``, ``decrypt``, ``run``, ``audit``."""
    app.command("release")(release_command)
    app.command("verify")(verify_command)
    app.command("approve")(approve_command)
    app.command("encrypt")(encrypt_command)
    app.command("decrypt")(decrypt_command)
    app.command("run")(run_command)
    app.add_typer(audit_app, name="audit")
