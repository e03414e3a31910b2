"""How many queries each client, and all clients, have with the query workers: counted in shared memory.

Its own module, with nothing but the standard library, because ``kg serve``'s parent
process makes the counters (and shares them with its HTTP processes) and holds none of the
application.
"""

from __future__ import annotations

import ctypes
import hashlib
import multiprocessing

from kg.reply import Reply
from kg.server.settings import Settings

#: The media type of the server's plain-text answers (its errors, and these).
TEXT = "text/plain; charset=utf-8"


def in_flight_limit(settings: Settings) -> int:
    """Most queries with the workers at once, running or waiting: one waiting per worker.

    Past it a query gets 503 at once instead of holding a server thread while it waits,
    so expensive queries can never take every thread from pages and cheap queries.
    """
    return 2 * settings.workers


class Admission:
    """How many queries each client address, and all clients, have with the query workers.

    Counted in shared memory under one lock, so that the HTTP processes of one server
    (started with this, :mod:`kg.server.processes`) share the limits: a client may
    have :attr:`Settings.client_queries` queries running or waiting (more get 429), all
    clients :func:`in_flight_limit` (more get 503 at once).

    >>> admission = Admission(Settings(client_queries=1, workers=1))
    >>> admission.enter("10.0.0.1") is None, admission.enter("10.0.0.1").status
    (True, 429)
    >>> admission.leave("10.0.0.1"); admission.enter("10.0.0.1") is None
    True
    """

    def __init__(self, settings: Settings, *, context=None) -> None:
        context = context or multiprocessing.get_context()
        self._settings = settings
        self._capacity = in_flight_limit(settings)
        slots = 4 * self._capacity  # more than can be in use: each in-flight query holds at most one
        self._lock = context.Lock()
        self._keys = context.RawArray(ctypes.c_uint64, slots)
        self._counts = context.RawArray(ctypes.c_int32, slots)
        self._total = context.RawValue(ctypes.c_int32, 0)

    def enter(self, client: str) -> Reply | None:
        """Count a query of ``client`` in; a 429 or 503 reply instead when a limit is reached."""
        limit, key = self._settings.client_queries, _key(client)
        with self._lock:
            slot = self._slot(key)
            if client and self._counts[slot] >= limit:
                return Reply(429, TEXT, f"this client already has {limit} queries running or waiting here; "
                                        "wait for them to finish\n".encode(), (("Retry-After", "2"),))
            if self._total.value >= self._capacity:
                return Reply(503, TEXT, f"all {self._settings.workers} query workers are busy and as many queries wait "
                                        "for them; try again later\n".encode(), (("Retry-After", "5"),))
            self._keys[slot] = key
            self._counts[slot] += 1
            self._total.value += 1
        return None

    def leave(self, client: str) -> None:
        """Count a query of ``client`` out (it was answered)."""
        key = _key(client)
        with self._lock:
            slot = self._slot(key)
            if self._counts[slot] > 0:
                self._counts[slot] -= 1
                self._total.value -= 1

    def _slot(self, key: int) -> int:
        """The slot counting ``key``, or a free one (the lock is held)."""
        free = None
        for slot in range(len(self._keys)):
            if self._counts[slot] > 0 and self._keys[slot] == key:
                return slot
            if free is None and self._counts[slot] == 0:
                free = slot
        return free if free is not None else 0  # cannot happen: more slots than queries in flight


def _key(client: str) -> int:
    return int.from_bytes(hashlib.blake2b(client.encode(), digest_size=8).digest(), "big")
