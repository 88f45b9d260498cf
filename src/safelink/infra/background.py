"""Producing an iterator's items on a background thread, a bounded number ahead.

Reading and parsing the next batch of an extract (Arrow's CSV parser, polars conversions)
releases the GIL for most of its time, so it can run on the other core while the caller works
on the current batch. :func:`prefetch` keeps at most ``depth`` items waiting (bounded memory),
raises the producer's exception on the caller's thread at the point the item would have come,
and stops the producer (closing the iterator) if the caller stops early. :func:`map_ordered`
runs a function over items on a few threads at once and yields the results in order.
"""

from __future__ import annotations

import queue
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_POLL_SECONDS = 0.05


@dataclass(frozen=True, slots=True)
class _Item(Generic[T]):
    value: T


@dataclass(frozen=True, slots=True)
class _Failed:
    error: BaseException


_DONE = None


def prefetch(items: Iterable[T], *, depth: int = 1) -> Generator[T, None, None]:
    """Yield ``items`` in order, produced on a background thread up to ``depth`` ahead.

    Args:
        items: any iterable; it is iterated (and, if a generator, closed) on the thread.
        depth: items that may wait for the caller (at least 1).

    Yields:
        The items of ``items``, in order. Close the generator (``contextlib.closing``) when
        leaving early, so that the thread stops at once rather than when it is collected.

    Raises:
        Whatever iterating ``items`` raised, on the caller's thread, after the items before it.

    """
    waiting: queue.Queue[_Item[T] | _Failed | None] = queue.Queue(maxsize=max(depth, 1))
    stop = threading.Event()

    def offer(entry: _Item[T] | _Failed | None) -> bool:
        while not stop.is_set():
            try:
                waiting.put(entry, timeout=_POLL_SECONDS)
            except queue.Full:
                continue
            return True
        return False

    def produce() -> None:
        iterator = iter(items)
        try:
            for value in iterator:
                if not offer(_Item(value)):
                    return
            offer(_DONE)
        except BaseException as exc:  # handed to the caller's thread
            offer(_Failed(exc))
        finally:
            close = getattr(iterator, "close", None)
            if close is not None:
                close()

    thread = threading.Thread(target=produce, name="safelink-prefetch", daemon=True)
    thread.start()
    try:
        while (entry := waiting.get()) is not _DONE:
            if isinstance(entry, _Failed):
                raise entry.error
            yield entry.value
    finally:
        stop.set()
        thread.join()


def map_ordered(
    function: Callable[[T], R], items: Iterable[T], *, workers: int = 2
) -> Generator[R, None, None]:
    """Yield ``function(item)`` for each of ``items`` in order, up to ``workers`` at once.

    Each call runs on a worker thread (useful where ``function`` spends its time in code that
    releases the GIL: polars, Arrow, the native HMAC); at most ``workers`` items are taken
    from ``items`` ahead of the one yielded, so memory stays bounded.

    Raises:
        Whatever a call raised, on the caller's thread, in the place of its result; the calls
        not yet started are cancelled.

    """
    with ThreadPoolExecutor(max(workers, 1), thread_name_prefix="safelink-batch") as pool:
        running: deque[Future[R]] = deque()
        try:
            for item in items:
                running.append(pool.submit(function, item))
                if len(running) >= workers:
                    yield running.popleft().result()
            while running:
                yield running.popleft().result()
        finally:
            for call in running:
                call.cancel()
