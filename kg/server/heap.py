"""Memory given back to the system after a request that used much of it.

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
