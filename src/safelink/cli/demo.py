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
    people: Annotated[
        int, typer.Option(min=1_000, max=1_000_000, help="Synthetic people (k=5 needs 1,000+).")
    ] = 2_000,
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
                "release": str(result.release.out_dir),
                "report": str(result.release.report_path),
                "approvals": {k: str(v) for k, v in result.approvals.items()},
                "sealed": str(result.sealed),
                "timings": result.timings,
                "addresses": result.addresses,
            }
        )
        return
    for summary in result.pseudonymised.values():
        console.print(summary_table(summary))
    for source, counts in result.addresses.items():
        console.print(address_line(source, counts))
    for table in report_tables(result.linkage):
        console.print(table)
    release = result.release
    console.print(
        f"release for {release.recipient}: {release.rows_out:,} of {release.rows_in:,} records "
        f"in {release.out_dir}\nreport: {release.report_path}\n"
        f"approved by {', '.join(result.approvals)} (approvals/ in the bundle)\n"
        f"encrypted for the recipient: {result.sealed}\n"
        f"verify it: safelink verify {release.out_dir} --public-key "
        f"{result.out_dir / 'keys' / 'demo.signing.pub'} --require-approvals "
        f"--audit-log {result.out_dir / 'audit' / 'demo.audit.jsonl'}"
    )


def address_line(source: str, counts: dict[str, int]) -> str:
    """One line: a source's addresses resolved to UPRNs and unresolved by reason."""
    resolved = counts.get("resolved", 0)
    unresolved = {k: v for k, v in counts.items() if k != "resolved" and v}
    total = resolved + sum(unresolved.values())
    reasons = ", ".join(f"{k} {v:,}" for k, v in unresolved.items()) or "none"
    return (
        f"{source}: {resolved:,} of {total:,} addresses resolved to UPRNs; "
        f"unresolved by reason: {reasons}"
    )


def register(app: typer.Typer) -> None:
    """Add the ``demo`` command to the CLI."""
    app.command("demo")(demo_command)
