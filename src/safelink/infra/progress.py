"""Progress for long steps: a bar on a terminal, a line every so often otherwise (logs, CI).

Progress goes to standard error, so JSON on standard output stays clean, and it carries
counts only, never a value. Steps take a :class:`Progress` (or None for silence) and call
:meth:`Progress.advance` as work completes.
"""

from __future__ import annotations

import sys
import time
from contextvars import ContextVar, Token
from types import TracebackType
from typing import TextIO

#: Seconds between progress lines when standard error is not a terminal.
LINE_INTERVAL = 30.0

#: The progress display open in this context, which :func:`stage` tells what is under way.
_ACTIVE: ContextVar[Progress | None] = ContextVar("safelink_progress", default=None)


def stage(label: str) -> None:
    """Say which stage of a long step is under way (``link: probabilistic model``).

    Shown by the :class:`Progress` open in this context (``safelink run``'s, or ``link``'s),
    if any; otherwise nothing happens, so a step calls it whether or not anyone watches.
    """
    shown = _ACTIVE.get()
    if shown is not None:
        shown.describe(label)


class Progress:
    """Counts work done out of a known total and shows it on standard error.

    Use as a context manager::

        with Progress(total, "scan note") as progress:
            for batch in batches:
                ...
                progress.advance(len(batch))
    """

    def __init__(
        self,
        total: int | None,
        label: str,
        *,
        stream: TextIO | None = None,
        interval: float | None = None,
    ) -> None:
        """Show progress of ``total`` units of ``label`` on ``stream`` (default stderr).

        ``total`` None: not known in advance (rows streamed from a CSV); the count is shown
        alone. Off a terminal, a line every ``interval`` seconds (default
        :data:`LINE_INTERVAL`).
        """
        self.total = None if total is None else max(total, 0)
        self.label = label
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.interval = LINE_INTERVAL if interval is None else interval
        self._started = time.monotonic()
        self._last_line = self._started
        self._bar: object | None = None
        self._task: object | None = None
        self._token: Token[Progress | None] | None = None

    def __enter__(self) -> Progress:
        """Start the bar (on a terminal)."""
        if self.stream.isatty():
            from rich.console import Console
            from rich.progress import Progress as Bar

            bar = Bar(transient=True, console=Console(file=self.stream, highlight=False))
            bar.start()
            self._task = bar.add_task(self.label, total=self.total)
            self._bar = bar
        self._token = _ACTIVE.set(self)
        return self

    def describe(self, label: str) -> None:
        """Say what is being done now (``run``: the step under way); counts go on."""
        self.label = label
        if self._bar is not None:
            self._bar.update(self._task, description=label)  # type: ignore[attr-defined]
        else:
            self._maybe_line()

    def advance(self, units: int) -> None:
        """Record ``units`` more done."""
        self.done += units
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done)  # type: ignore[attr-defined]
            return
        self._maybe_line()

    def _maybe_line(self) -> None:
        now = time.monotonic()
        if now - self._last_line >= self.interval:
            self._last_line = now
            self._line()

    def _line(self) -> None:
        if self.total is None:
            count = f"{self.done:,}" if self.done else "under way"
        else:
            share = f" ({self.done / self.total:.0%})" if self.total else ""
            count = f"{self.done:,} of {self.total:,}{share}"
        elapsed = time.monotonic() - self._started
        print(
            f"safelink: {self.label}: {count}, {elapsed:.0f} s",
            file=self.stream,
            flush=True,
        )

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Stop the bar; off a terminal, say the step finished if it took a while."""
        if self._token is not None:
            _ACTIVE.reset(self._token)
        if self._bar is not None:
            self._bar.stop()  # type: ignore[attr-defined]
        elif kind is None and time.monotonic() - self._started >= self.interval:
            self._line()


__all__ = ["LINE_INTERVAL", "Progress", "stage"]
