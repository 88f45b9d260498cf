from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from safelink.infra.background import prefetch


def test_prefetch_yields_every_item_in_order_from_another_thread():
    threads: set[str] = set()

    def numbers() -> Iterator[int]:
        for n in range(100):
            threads.add(threading.current_thread().name)
            yield n

    assert list(prefetch(numbers(), depth=2)) == list(range(100))
    assert threads == {"safelink-prefetch"}


def test_prefetch_raises_the_producers_error_after_the_items_before_it():
    def failing() -> Iterator[int]:
        yield 1
        yield 2
        raise ValueError("line 3 is malformed")

    seen = []
    with pytest.raises(ValueError, match="line 3 is malformed"):
        for n in prefetch(failing()):
            seen.append(n)
    assert seen == [1, 2]


def test_prefetch_stays_bounded_and_closes_the_producer_when_the_caller_stops():
    made: list[int] = []
    closed = threading.Event()

    def endless() -> Iterator[int]:
        try:
            n = 0
            while True:
                made.append(n)
                yield n
                n += 1
        finally:
            closed.set()

    items = prefetch(endless(), depth=1)
    assert next(items) == 0
    time.sleep(0.3)  # room for the producer to run ahead, were it unbounded
    assert len(made) <= 3  # the item taken, one waiting, one offered
    items.close()
    assert closed.wait(5)
