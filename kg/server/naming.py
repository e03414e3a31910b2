"""What ``kg serve``'s processes are called where ``ps`` and ``top`` look (``/proc/PID/comm``).

An HTTP process is forked from the server's parent, and a query worker from a forker beside it (or runs
``python -c …`` outside ``kg serve``): they share a command line, their names tell them apart.
"""

from __future__ import annotations

import ctypes

#: The name of an HTTP process.
HTTP_NAME = "kg-serve-http"
#: The name of a query worker.
WORKER_NAME = "kg-serve-query"
#: The name of the process that forks an HTTP process's query workers (:mod:`kg.server.forker`).
FORKER_NAME = "kg-serve-fork"


def name_process(name: str) -> None:
    """Call this process ``name`` (Linux: at most 15 bytes are kept; elsewhere nothing)."""
    try:
        ctypes.CDLL(None).prctl(15, name.encode()[:15])  # PR_SET_NAME
    except (OSError, AttributeError):
        pass
