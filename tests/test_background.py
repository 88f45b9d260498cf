from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from safelink.infra.background import map_ordered, prefetch


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


def test_map_ordered_yields_results_in_order_computing_on_worker_threads():
    threads: set[str] = set()

    def slow_square(n: int) -> int:
        threads.add(threading.current_thread().name)
        time.sleep(0.002 * (n % 3))  # later items often finish first
        return n * n

    assert list(map_ordered(slow_square, range(30), workers=2)) == [n * n for n in range(30)]
    assert threads and all(name.startswith("safelink-batch") for name in threads)


def test_map_ordered_takes_at_most_workers_items_ahead_of_the_one_yielded():
    taken: list[int] = []

    def items() -> Iterator[int]:
        for n in range(10):
            taken.append(n)
            yield n

    seen = []
    for result in map_ordered(lambda n: n, items(), workers=2):
        seen.append(result)
        assert len(taken) <= len(seen) + 1  # the one yielded and one more in flight
    assert seen == list(range(10))


def test_map_ordered_raises_a_calls_error_in_its_place_and_starts_no_more():
    started: list[int] = []

    def fails_on_three(n: int) -> int:
        started.append(n)
        if n == 3:
            raise ValueError("batch 3 is malformed")
        return n

    seen = []
    with pytest.raises(ValueError, match="batch 3 is malformed"):
        for result in map_ordered(fails_on_three, range(100), workers=2):
            seen.append(result)
    assert seen == [0, 1, 2]
    assert max(started) <= 4
