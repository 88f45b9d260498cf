"""The typer application: one module per command group, each with ``register(app)``.

A command parses arguments, calls one public function and prints. A :class:`SafelinkError`
becomes one line on stderr and its exit code; a usage error (unknown option or command, a
missing or bad value) prints the usage line and the problem and exits 2, as click does; any
other exception is a bug, reported without its message (which might hold data) and with exit
code 70.
"""

from __future__ import annotations

import importlib
import sys
from typing import Annotated, Any, NoReturn

import typer
import typer.main

from safelink._version import __version__
from safelink.errors import SafelinkError

#: Exit code of a bug (an exception that is neither a SafelinkError nor a usage error).
INTERNAL_ERROR_EXIT_CODE = 70
#: Exit code of a run interrupted by Ctrl-C (128 + SIGINT, as shells report it).
INTERRUPTED_EXIT_CODE = 130
_INTERRUPTED = "safelink: interrupted; no partial output was kept"

# Where click's exception classes live. typer up to 0.2x raises click's own; later versions
# vendor click as ``typer._click`` and raise its copies, which are not subclasses of click's.
# Both are looked for, so that a typer upgrade cannot turn every usage error into exit 70.
_CLICK_EXCEPTION_MODULES = ("click.exceptions", "typer._click.exceptions", "typer.exceptions")

app = typer.Typer(
    name="safelink",
    help="Privacy-preserving record linkage for trusted third parties.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _show_version(value: bool) -> None:
    if value:
        print(f"safelink {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Privacy-preserving record linkage for trusted third parties."""


def _register_commands() -> None:
    from safelink.cli import config as config_cli
    from safelink.cli import (
        demo,
        disclosure,
        governance,
        keys,
        owners,
        pseudonymise,
        scan,
        spark,
        surrogate,
    )
    from safelink.cli import link as link_cli
    from safelink.cli import release as release_cli

    for module in (
        keys,
        config_cli,
        scan,
        pseudonymise,
        link_cli,
        disclosure,
        surrogate,
        release_cli,
        governance,
        owners,
        spark,
        demo,
    ):
        module.register(app)


_register_commands()


def _exception_classes(name: str) -> tuple[type[BaseException], ...]:
    """The classes called ``name`` in click and in typer's copy of click, whichever exist."""
    found: list[type[BaseException]] = []
    for module_name in _CLICK_EXCEPTION_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        candidate = getattr(module, name, None)
        if isinstance(candidate, type) and issubclass(candidate, BaseException):
            found.append(candidate)
    return tuple(found)


def _is_click_exception(exc: BaseException) -> bool:
    """Whether ``exc`` is an error click shows to the user (a usage error, a bad file...).

    By class, from click and from typer's vendored click; and by click's interface (``show()``
    and an integer ``exit_code``) in case a later typer moves the classes again.
    """
    if isinstance(exc, _exception_classes("ClickException")):
        return True
    return callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int)


def _context_for(args: list[str]) -> Any:
    """A click context for the (sub)command that ``args`` name, for its usage line."""
    command: Any = typer.main.get_command(app)
    context = command.make_context("safelink", [], resilient_parsing=True)
    for arg in args:
        if not hasattr(command, "get_command"):
            break  # a command, not a group: its usage line is the one
        if arg.startswith("-"):
            continue
        sub = command.get_command(context, arg)
        if sub is None:
            break
        context = sub.make_context(arg, [], parent=context, resilient_parsing=True)
        command = sub
    return context


def _show(exc: Exception) -> None:
    """Show a click error, with the usage line of its command even where click gives none.

    click's parser raises some usage errors (an option given without its value) without the
    context that prints the usage line; the command is then found again from the arguments.
    """
    if isinstance(exc, _exception_classes("UsageError")) and getattr(exc, "ctx", None) is None:
        try:
            context = _context_for(sys.argv[1:])
            exc.ctx, exc.cmd = context, context.command  # type: ignore[attr-defined]
        except Exception:  # noqa: S110 - the problem is still shown, without the usage line
            pass
    exc.show()  # type: ignore[attr-defined]


def _exit_code(exc: BaseException, default: int) -> int:
    code = getattr(exc, "exit_code", default)
    return code if isinstance(code, int) else default


def _fail(message: str, code: int) -> NoReturn:
    print(message, file=sys.stderr)
    sys.exit(code)


def main() -> None:
    """Run the CLI, turning safelink errors into one line on stderr and an exit code.

    Exit codes: 0 success (and ``--help``, ``--version``); 1 to 3 a :class:`SafelinkError`'s
    code; 2 a usage error; 130 interrupted; 70 a bug.
    """
    from safelink.cli._common import fit_console

    fit_console()
    try:
        # Without standalone mode, typer returns the code of a ``typer.Exit`` instead of
        # exiting, and raises usage errors and aborts to be handled here. The program name is
        # fixed so that usage lines say "safelink" however it was started.
        code = app(prog_name="safelink", standalone_mode=False)
    except SafelinkError as exc:
        _fail(f"safelink: error: {exc}", exc.exit_code)
    except KeyboardInterrupt:
        _fail(_INTERRUPTED, INTERRUPTED_EXIT_CODE)
    except Exception as exc:
        if _is_click_exception(exc):
            # The usage line, a hint to --help and the problem, on stderr (click's format).
            _show(exc)
            sys.exit(_exit_code(exc, 2))
        if isinstance(exc, (typer.Exit, *_exception_classes("Exit"))):
            sys.exit(_exit_code(exc, 0))
        if isinstance(exc, (typer.Abort, *_exception_classes("Abort"))):
            _fail("safelink: aborted", 1)
        # A bug: never echo its message, it might hold data.
        _fail(
            f"safelink: internal error ({type(exc).__name__}); please report it. "
            "No data values are shown for privacy.",
            INTERNAL_ERROR_EXIT_CODE,
        )
    if code == INTERRUPTED_EXIT_CODE:
        # typer >= 0.2x turns Ctrl-C into ``Exit(130)``, returned here like any exit code.
        _fail(_INTERRUPTED, INTERRUPTED_EXIT_CODE)
    if isinstance(code, int) and code != 0:
        sys.exit(code)
