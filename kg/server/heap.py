"""Memory given back to the system after a request that used much of it, and taken on a new heap where sharing costs.

A page of every summit (1.5 s of CPU at 500 pages) left an HTTP process holding about 70 MB
more for good, the bytes of the page kept in its response cache being a few of them: the
rdflib graph its embedded JSON-LD was made with is a web of reference cycles, freed only by
a full collection, which a process that allocates little may not run for hours; and glibc
keeps what a process frees for its next allocations. So after a request that took
:data:`TRIM_AFTER` seconds or more the cycles are collected (in an HTTP process only
what it made itself is walked: its parent froze what it held before the fork) and the free
pages returned with ``malloc_trim``: a few milliseconds, nothing beside such a request.
"""

from __future__ import annotations

import ctypes
import gc
import threading
from collections.abc import Callable
from typing import TypeVar

_T = TypeVar("_T")

#: Seconds a request must have taken before the memory it freed is given back.
TRIM_AFTER = 0.05

try:
    _TRIM = ctypes.CDLL(None).malloc_trim
except (OSError, AttributeError):  # not glibc: nothing to ask
    _TRIM = None


def give_back(*, collect: bool = True) -> None:
    """Free what only reference cycles hold (unless ``collect`` is false) and return the free memory
    of this process's heaps to the system (glibc; elsewhere the cycles only)."""
    if collect:
        gc.collect()
    if _TRIM is not None:
        _TRIM(0)


def on_a_new_heap(call: Callable[[], _T]) -> _T:
    """``call()``, run in a thread of its own, and what it returned (or raised).

    glibc gives a new thread a new heap (an arena), so what ``call`` allocates lands on new
    pages, not in the free gaps of the heap a forked process was born with, where each write
    copies a whole page it shares with its parent: a query worker forked beside an HTTP process
    holding 500 pages in memory kept 35 MB of its own after counting every quad, 15 this way.

    >>> on_a_new_heap(lambda: threading.current_thread() is threading.main_thread())
    False
    """
    done: list = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            done.append(call())
        except BaseException as error:  # noqa: BLE001 - raised again below, in the caller's thread
            failed.append(error)

    thread = threading.Thread(target=run, name="kg-new-heap")
    thread.start()
    thread.join()
    if failed:
        raise failed[0]
    return done[0]
