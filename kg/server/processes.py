"""``kg serve``'s processes: the data loaded once, one listening socket, several HTTP processes.

pyoxigraph holds Python's interpreter lock while it plans and runs a query, so one process
answers queries on one core at a time. The server therefore runs ``processes`` HTTP
processes (one per core by default, at most 8), started after this one has loaded the files into the on-disk
store (:mod:`kg.server.data`) and bound the listening socket. They are spawned, not
forked: this process has run the engine, whose threads a fork would not carry. Each opens
the store read-only (the data is held once, on disk and
in the shared page cache), builds its :class:`~kg.server.app.App` with its share of the
query workers, and answers on the shared socket. The limits on queries with the workers
(per client, in all) are counted in shared memory (:class:`~kg.server.query_pool.Admission`),
so they hold for the server as a whole.

The parent waits for Ctrl-C or SIGTERM, then stops the HTTP processes and removes the
store; an HTTP process that dies is replaced.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from kg.errors import KgError
from kg.server.data import ServedData
from kg.server.http import bind
from kg.server.query_pool import Admission
from kg.server.settings import Settings

_SPAWN = multiprocessing.get_context("spawn")
#: An HTTP process that ends sooner than this after its start could not start: the server stops.
STARTUP_SECONDS = 30.0


def process_count(settings: Settings) -> int:
    """How many HTTP processes serve: the setting, or one per core (at most 8) when it is 0."""
    return settings.processes or min(os.cpu_count() or 1, 8)


def worker_shares(workers: int, processes: int) -> list[int]:
    """The query workers of each HTTP process: ``workers`` spread evenly, at least one each.

    >>> worker_shares(2, 2), worker_shares(5, 2), worker_shares(1, 3)
    ([1, 1], [3, 2], [1, 1, 1])
    """
    return [max(1, workers // processes + (index < workers % processes)) for index in range(processes)]


def serve(settings: Settings, paths: tuple[Path, ...], *, announce: Callable[[Settings], None]) -> None:
    """Serve ``paths`` until Ctrl-C or SIGTERM; ``announce`` is called with the final settings
    (the port the server got) once the socket listens.

    Raises :class:`~kg.errors.InputError` when a file cannot be loaded,
    :class:`~kg.errors.ConfigError` when the address cannot be bound, and
    :class:`~kg.errors.KgError` when an HTTP process ends within :data:`STARTUP_SECONDS`
    of its start (it could not start: what it said is on the error output).
    """
    served = ServedData.load(paths)
    served.store = None  # the parent answers nothing: it lets go of the store
    gc.collect()
    try:
        sock, settings = bind(settings)
        admission = Admission(settings, context=_SPAWN)
        shares = worker_shares(settings.workers, process_count(settings))
        stopped = threading.Event()
        signal.signal(signal.SIGTERM, lambda signum, frame: stopped.set())
        signal.signal(signal.SIGINT, lambda signum, frame: stopped.set())

        started: dict[int, float] = {}

        def start(index: int) -> multiprocessing.process.BaseProcess:
            process = _SPAWN.Process(
                target=_http_process, name=f"kg-serve-http-{index + 1}",
                args=(settings, paths, served.directory, sock, admission, shares[index]),
            )
            process.start()
            started[index] = time.monotonic()
            return process

        processes = [start(index) for index in range(len(shares))]
        announce(settings)
        try:
            while not stopped.wait(1.0):
                for index, process in enumerate(processes):
                    if process.is_alive() or stopped.is_set():
                        continue
                    if time.monotonic() - started[index] < STARTUP_SECONDS:
                        raise KgError(f"HTTP process {index + 1} of kg serve ended as it started (exit status "
                                      f"{process.exitcode}); see its error output above")
                    print(f"kg serve: HTTP process {index + 1} ended (exit status {process.exitcode}); starting another",
                          file=sys.stderr, flush=True)
                    processes[index] = start(index)
        finally:
            _stop(processes)
            sock.close()
    finally:
        served.close()


def _stop(processes: list[multiprocessing.process.BaseProcess]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(15)
        if process.is_alive():
            process.kill()
            process.join()


def _http_process(settings: Settings, paths: tuple[Path, ...], directory: Path, sock, admission: Admission, workers: int) -> None:
    """One HTTP process: the store read-only, an App, granian on the shared socket until SIGTERM."""
    from kg.server.app import App, create_server  # here: the parent needs none of the app

    stopped = threading.Event()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    signal.signal(signal.SIGTERM, lambda signum, frame: stopped.set())
    app = App(settings, data=paths, served=ServedData.open(directory), admission=admission, workers=workers)
    try:
        server = create_server(app, sock=sock)
        server.start()
        stopped.wait()
        server.close()
    finally:
        app.close()
