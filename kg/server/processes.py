"""``kg serve``'s processes: the data loaded once, one listening socket, several HTTP processes.

pyoxigraph holds Python's interpreter lock while it plans and runs a query, so one process
answers queries on one core at a time. The server therefore runs ``processes`` HTTP
processes (one per core by default, at most 8), forked from this one once it has imported
the application (rdflib, its SPARQL parser, granian, werkzeug and our modules), loaded the
data and bound the listening socket: what it holds then, the modules and data in memory too,
is shared by every HTTP process page by page (copy-on-write), not held once by each.
This process runs no thread of its own and no engine thread: the on-disk store is written by
a forked child (:meth:`~kg.server.data.ServedData.load_apart`), so a fork carries all there
is. Data of at most ``--in-memory-quads`` quads is loaded here into memory as well, one copy
for all the HTTP processes; larger data each opens read-only from disk (the data is held
once, on disk and in the shared page cache). Each builds its :class:`~kg.server.app.App` with
its share of the query workers, and answers on the shared socket. The limits on queries with
the workers (per client, in all) are counted in shared memory
(:class:`~kg.server.admission.Admission`), so they hold for the server as a whole. No
process of multiprocessing's resource tracker runs beside them: nothing here is spawned.

An HTTP process answers cheap queries itself (:func:`kg.query_guard.check_query`), so,
like a query worker, it may open no IP socket (:func:`kg.sandbox.deny_network`, installed
before it starts a thread) unless ``--allow-service`` is given: a SERVICE call the guard
misread cannot reach out from it either. It accepts connections on the socket its parent bound.

The parent waits for Ctrl-C, SIGTERM or SIGHUP, then stops the HTTP processes and removes
the served directory; an HTTP process that dies is replaced, and so is one that has answered
and then stayed idle for ``--process-idle`` seconds, with no client's connection open (it stops accepting, then
ends itself, having answered what it had accepted; connections it had not accepted wait for the others; one it
accepted as it stopped is answered, a new process taking its place at once): what its reads kept (RocksDB's
block cache and table readers of its own, which pyoxigraph gives no size; the pages of the copy in
memory it wrote as it read; its response cache) is given back, and the new one shares this process's
pages again, the copy in memory too, which this process keeps for that. A signal that comes while the
server is still starting (loading a large file) stops the start, and what it made is
removed too. An HTTP process ends when its parent does, even one killed outright (Linux).
Each holds the served directory's keeper (:attr:`ServedData.keeper`): when the parent is
killed outright, at any point, its janitor removes the directory once the parent and every
HTTP process have ended, so no run leaves one behind.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from kg.errors import KgError
from kg.sandbox import deny_network
from kg.server.data import ServedData
from kg.server.forker import Forker
from kg.server.heap import give_back, on_a_new_heap
from kg.server.http import bind
from kg.server.naming import HTTP_NAME, name_process
from kg.server.admission import Admission
from kg.server.settings import Settings

_FORK = multiprocessing.get_context("fork")
#: An HTTP process that ends sooner than this after its start could not start: the server stops.
STARTUP_SECONDS = 30.0
#: The signals that stop the server.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
#: The exit status of an HTTP process that ended because it stayed idle (``--process-idle``): replaced at once.
RETIRED = 3
#: Seconds between the parent's looks at its HTTP processes (one that retired is replaced within this).
WATCH_SECONDS = 0.25
#: Seconds between an HTTP process's looks at the connections it still holds once it accepts no more.
DRAIN_SECONDS = 0.25


def process_count(settings: Settings) -> int:
    """How many HTTP processes serve: the setting, or one per core (at most 8) when it is 0."""
    return settings.processes or min(os.cpu_count() or 1, 8)


def worker_shares(workers: int, processes: int) -> list[int]:
    """The query workers of each HTTP process: ``workers`` spread evenly, at least one each.

    >>> worker_shares(2, 2), worker_shares(5, 2), worker_shares(1, 3)
    ([1, 1], [3, 2], [1, 1, 1])
    """
    return [max(1, workers // processes + (index < workers % processes)) for index in range(processes)]


class _Interrupted(BaseException):
    """A stop signal came while the server was starting."""


class _Stop:
    """What the stop signals do: while the server starts, interrupt it (an exception, so that
    what was made is removed on the way out); once it serves, end its wait. A second signal
    never interrupts the clean-up the first one began."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.starting = True
        for signum in STOP_SIGNALS:
            signal.signal(signum, self._on_signal)

    def _on_signal(self, signum, frame) -> None:
        self.event.set()
        if self.starting:
            self.starting = False
            raise _Interrupted


def serve(settings: Settings, paths: tuple[Path, ...], *, announce: Callable[[Settings], None]) -> None:
    """Serve ``paths`` until Ctrl-C, SIGTERM or SIGHUP; ``announce`` is called with the final
    settings (the port the server got) once the socket listens.

    Raises :class:`~kg.errors.InputError` when a file cannot be loaded,
    :class:`~kg.errors.ConfigError` when the address cannot be bound, and
    :class:`~kg.errors.KgError` when an HTTP process ends within :data:`STARTUP_SECONDS`
    of its start (it could not start: what it said is on the error output). Whatever the
    way out, the served directory is removed.
    """
    stop = _Stop()
    try:
        tempfile.gettempdir()  # its first call writes a probe file and removes it in a finally: a signal is an exception by now
        _serve(settings, paths, announce=announce, stop=stop)
    except _Interrupted:
        pass  # stopped as asked, before it served


def _serve(settings: Settings, paths: tuple[Path, ...], *, announce: Callable[[Settings], None], stop: _Stop) -> None:
    _import_the_application()  # before the fork: the HTTP processes share its modules' memory
    served = ServedData.load_apart(paths, in_memory_quads=settings.in_memory_quads,
                                   store_cache=Path(settings.store_cache) if settings.store_cache else None)
    processes: list[multiprocessing.process.BaseProcess] = []
    replaced: list[multiprocessing.process.BaseProcess] = []  # draining still, a new one in their place
    sock = None
    try:
        sock, settings = bind(settings)
        admission = Admission(settings, context=_FORK)
        shares = worker_shares(settings.workers, process_count(settings))
        started: dict[int, float] = {}
        #: set by HTTP process ``index`` once it has stopped accepting connections but still holds a client's
        #: (see :func:`_http_process`): another takes its place at once, and it ends once its clients have gone
        draining = _FORK.RawArray("b", len(shares))
        # made once by the process that loaded the data, not in each HTTP process (nor here: its garbage stayed)
        made = (import_module("kg.server.app").overview_alternates(), served.overview)
        give_back()  # what the loading freed
        gc.freeze()  # what is here now is never collected: the HTTP processes' collections leave its pages shared

        def start(index: int) -> multiprocessing.process.BaseProcess:
            process = _FORK.Process(
                target=_http_process, name=f"kg-serve-http-{index + 1}",
                args=(settings, paths, served, sock, admission, shares[index], os.getpid(), made,
                      retire_after(settings, index, len(shares)), draining, index),
            )
            draining[index] = 0
            process.start()
            started[index] = time.monotonic()
            return process

        for index in range(len(shares)):
            processes.append(start(index))
        if served.store is not None and not settings.process_idle:  # the HTTP processes share its pages now; one
            served.store = None  # started later loads a copy of its own from the on-disk store: this process, which
            give_back(collect=False)  # answers nothing, holds none (the pages the HTTP processes share stay theirs)
        stop.starting = False  # from here a signal ends the wait below
        if stop.event.is_set():
            return
        announce(settings)
        while not stop.event.wait(WATCH_SECONDS):
            replaced = [process for process in replaced if process.is_alive()]  # each waited for once it has ended
            for index, process in enumerate(processes):
                if stop.event.is_set():
                    continue
                if process.is_alive():
                    if draining[index]:  # it accepts no more: one that does takes its place now
                        replaced.append(process)
                        processes[index] = start(index)
                    continue
                if process.exitcode == RETIRED:  # idle: a new one shares all this process holds again
                    processes[index] = start(index)
                    continue
                if time.monotonic() - started[index] < STARTUP_SECONDS:
                    raise KgError(f"HTTP process {index + 1} of kg serve ended as it started (exit status "
                                  f"{process.exitcode}); see its error output above")
                print(f"kg serve: HTTP process {index + 1} ended (exit status {process.exitcode}); starting another",
                      file=sys.stderr, flush=True)
                processes[index] = start(index)
    finally:
        stop.starting = False  # a signal now must not interrupt the clean-up
        _stop([*processes, *replaced])
        if sock is not None:
            sock.close()
        served.close()


def retire_after(settings: Settings, index: int, processes: int) -> float:
    """Seconds HTTP process ``index`` of ``processes`` may stay idle before it ends to be replaced
    (0: never): ``--process-idle``, a little longer for each next process, so that they are not all
    replaced at once.

    >>> [retire_after(Settings(process_idle=60), index, 2) for index in range(2)]
    [60.0, 75.0]
    """
    return settings.process_idle * (1 + index / (2 * processes))


def _import_the_application() -> None:
    """Import what the HTTP processes run, rdflib's SPARQL parser (the query guard's) and granian too."""
    import_module("kg.server.app")
    import_module("rdflib.plugins.sparql")
    import_module("kg.server.http").preload()


def _stop(processes: list[multiprocessing.process.BaseProcess]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(15)
        if process.is_alive():
            process.kill()
            process.join()


def _http_process(settings: Settings, paths: tuple[Path, ...], served: ServedData, sock, admission: Admission,
                  workers: int, parent: int, made, retire: float, draining, index: int) -> None:
    """One HTTP process: the data (the copy in memory its parent loaded, or the store read-only), an
    App (with the overview pages' data when its parent made it), granian on the shared socket until
    SIGTERM (sent by the parent, or by the kernel when the parent has ended), or until it has answered
    and then stayed idle ``retire`` seconds (0: never), when it ends with :data:`RETIRED`: what its reads
    kept (RocksDB's block cache and table readers, the response cache, the heap's leftovers) is given
    back, and the parent forks a new one, which shares its pages again. When a connection was accepted
    as it stopped accepting (:meth:`~kg.server.http.Server.stop_if_idle`), it says so in ``draining[index]``,
    so that the parent forks the new one at once, answers that connection, and ends once it is closed."""
    from kg.server.app import App, create_server  # imported by the parent already: shared

    stopped = threading.Event()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda signum, frame: stopped.set())
    _end_with(parent)
    name_process(HTTP_NAME)
    if not settings.allow_service:
        deny_network()  # cheap queries run here, not in a worker: this process, too, may open no IP socket
    forker = _forker()  # before the store is opened and any thread starts

    def make() -> App:
        # no copy in memory: the loading process found more than --in-memory-quads quads, so the store
        # is read from disk without counting them again (250,000 read from disk: 5 s an HTTP process)
        mine = ServedData.open(served.directory, served.keeper, loaded=served.loaded, in_memory_quads=0, store=served.store)
        return App(settings, data=paths, served=mine, admission=admission, workers=workers, made=made, forker=forker)

    app = on_a_new_heap(make)  # the store opened and the application made: 3–5 MB less of its own at 500 pages
    retired = told = False
    try:
        server = create_server(app, sock=sock)
        server.start()
        while not stopped.wait(DRAIN_SECONDS if server.draining else retire / 4 if retire else None):
            if server.stop_if_idle(retire):  # refused while a request is answered or a client holds a connection
                retired = True
                break
            if server.draining and not told:  # once: the parent clears it for the process it starts in this place
                draining[index] = 1
                told = True
        server.close()  # once the requests accepted before the stop are answered
    finally:
        app.close()  # the served directory is the parent's to remove, or its janitor's once we have ended
        if forker is not None:
            forker.close()
    if retired:
        sys.exit(RETIRED)


def _forker() -> Forker | None:
    """What forks this HTTP process's query workers, sharing its pages (:mod:`kg.server.forker`);
    None where it cannot be (they start as new interpreters)."""
    try:
        return Forker()
    except OSError as error:
        print(f"kg serve: {error}; query workers start as new interpreters", file=sys.stderr, flush=True)
        return None


def _end_with(parent: int) -> None:
    """Have the kernel send this process SIGTERM when ``parent`` ends (Linux; elsewhere nothing)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it ended before the request was made
        os.kill(os.getpid(), signal.SIGTERM)
