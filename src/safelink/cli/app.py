"""The typer application: one module per command group, each with ``register(app)``.

A command parses arguments, calls one public function and prints. A :class:`SafelinkError`
becomes one line on stderr and its exit code; any other exception is a bug, reported without
its message (which might hold data) and with exit code 70.
"""

from __future__ import annotations

import sys

import typer

from safelink.errors import SafelinkError

app = typer.Typer(
    name="safelink",
    help="Privacy-preserving record linkage for trusted third parties.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register_commands() -> None:
    from safelink.cli import demo, disclosure, keys, pseudonymise, scan, surrogate
    from safelink.cli import link as link_cli
    from safelink.cli import release as release_cli

    for module in (keys, scan, pseudonymise, link_cli, disclosure, surrogate, release_cli, demo):
        module.register(app)


_register_commands()


def main() -> None:
    """Run the CLI, turning safelink errors into one line on stderr and an exit code."""
    try:
        # Without standalone mode, typer returns the code of a ``typer.Exit`` instead of exiting.
        code = app(standalone_mode=False)
    except SafelinkError as exc:
        print(f"safelink: error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except typer.Abort:
        print("safelink: aborted", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("safelink: interrupted; no partial output was kept", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # a bug: never echo its message, it might hold data
        import click

        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Exit):
            sys.exit(exc.exit_code)
        print(
            f"safelink: internal error ({type(exc).__name__}); please report it. "
            "No data values are shown for privacy.",
            file=sys.stderr,
        )
        sys.exit(70)
    if isinstance(code, int) and code != 0:
        sys.exit(code)
