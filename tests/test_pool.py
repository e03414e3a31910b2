"""Worker processes keep the items' order; what the parent already has goes to no worker."""

from __future__ import annotations

import os

from kg.pool import in_order


def pid(item: int) -> int:
    return os.getpid()


def test_results_come_in_the_items_order_from_other_processes() -> None:
    results = list(in_order(range(12), lambda n: (n, os.getpid()), jobs=2, deadline=30, lost=lambda n, why: None))

    assert [n for n, _ in results] == list(range(12))
    assert os.getpid() not in {worker for _, worker in results}


def test_an_item_the_parent_has_a_result_for_goes_to_no_worker() -> None:
    results = list(in_order(range(10), pid, jobs=2, deadline=30, lost=lambda n, why: None,
                            ready=lambda n: f"ready {n}" if n % 3 == 0 else None))

    assert [results[n] for n in (0, 3, 6, 9)] == ["ready 0", "ready 3", "ready 6", "ready 9"]
    assert all(isinstance(results[n], int) and results[n] != os.getpid() for n in (1, 2, 4, 5, 7, 8))


def test_when_every_item_is_ready_no_worker_is_started(monkeypatch) -> None:
    from kg import pool

    monkeypatch.setattr(pool._Pool, "_start", lambda self: (_ for _ in ()).throw(AssertionError("a worker started")))

    assert list(in_order(range(5), pid, jobs=2, deadline=30, lost=lambda n, why: None, ready=str)) == list("01234")


def test_a_worker_that_dies_loses_only_its_item() -> None:
    def work(n: int) -> int:
        if n == 2:
            os._exit(3)
        return n * n

    results = list(in_order(range(5), work, jobs=2, deadline=30, lost=lambda n, why: why))

    assert results[:2] == [0, 1] and results[3:] == [9, 16]
    assert results[2].startswith("the worker process died") and "exit code 3" in results[2]


def test_a_worker_collects_its_garbage_less_often_than_python_would() -> None:
    """A page's objects live until its result is sent: a worker's collector waits for thousands
    of them, not Python's 700, and leaves what the fork inherited alone."""
    import gc

    from kg import pool

    seen = list(in_order(range(2), lambda n: (gc.get_threshold(), gc.get_freeze_count() > 0), jobs=1, deadline=30,
                         lost=lambda n, why: None))

    assert seen == [(pool._WORKER_GC, True)] * 2
    assert pool._WORKER_GC[0] > gc.get_threshold()[0]


def test_the_item_queued_behind_one_that_kills_its_worker_is_not_lost() -> None:
    """One worker holds the item it works on and the next: the next goes to the worker started in its place."""
    def work(n: int) -> int:
        if n == 1:
            os._exit(3)
        return n * n

    results = list(in_order(range(4), work, jobs=1, deadline=30, lost=lambda n, why: why))

    assert results[0] == 0 and results[2:] == [4, 9]
    assert results[1].startswith("the worker process died")


def test_the_item_queued_behind_one_that_overruns_is_not_lost() -> None:
    import time

    def work(n: int) -> int:
        if n == 0:
            time.sleep(60)
        return n

    started = time.monotonic()
    results = list(in_order(range(3), work, jobs=1, deadline=1, lost=lambda n, why: why))

    assert results[0] == "took longer than 1 s" and results[1:] == [1, 2]
    assert time.monotonic() - started < 30


def test_an_item_too_big_to_queue_waits_for_an_idle_worker() -> None:
    """A task larger than a pipe holds at once is sent only to a worker that reads it at once."""
    from kg import pool

    big = "字" * pool._QUEUED_BYTES
    items = ["a", big, "b", big, "c"]

    assert list(in_order(items, len, jobs=1, deadline=30, lost=lambda n, why: None)) == [1, len(big), 1, len(big), 1]
