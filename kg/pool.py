"""Work on a stream of items in worker processes, results given back in the items' order.

Each worker is a forked process that runs ``work`` on one item at a time, with the next
already waiting in its pipe; a worker that dies (a crash in native code, the out-of-memory
killer) or overruns ``deadline`` seconds on one item is killed and replaced, that item's
result is ``lost(item, why)`` and the item waiting behind it goes to the new worker: one bad
item never takes the others down. Items are read from the stream only as workers free
up, so memory holds at most a few items and results whatever the order forces to wait::

    >>> list(in_order([1, 2, 3], lambda n: n * n, jobs=2, deadline=10, lost=lambda n, why: None))
    [1, 4, 9]

:func:`elsewhere` runs one piece of work in a forked process while this one goes on (a
build's last steps on the other core), its result waited for when it is needed;
:func:`leave_behind` starts a module's work in a process that outlives this one (what a build
leaves for after it), which :func:`lower_priority` puts below the user's next commands.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import ForkingPickler as _ForkingPickler
from pathlib import Path
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_CONTEXT = multiprocessing.get_context("fork")  # workers inherit the loaded code: no re-import
_PACKAGE = Path(__file__).resolve().parent


def leave_behind(module: str, *arguments: str) -> None:
    """``python -m module arguments`` started in a session of its own (a Ctrl-C to this one does not reach it),
    its output dropped, not waited for: work a command leaves for after it (the named queries' answers, the
    raw store's load). Nothing is said if it cannot start: what it would keep is worked out when asked for."""
    import subprocess

    try:
        subprocess.Popen([sys.executable, "-m", module, *arguments], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                         cwd=_PACKAGE.parent)
    except OSError:
        pass


def lower_priority(niceness: int) -> None:
    """This process at ``niceness``, and, where the kernel groups processes by session to share the CPU
    (``sched_autogroup``), its session's group too: a process started in a session of its own (after a
    build, to keep what the next command needs) shares the CPU as a whole session would otherwise,
    whatever its own niceness, against the builds and queries the user runs meanwhile."""
    os.nice(niceness)
    try:
        with open("/proc/self/autogroup", "w", encoding="ascii") as group:
            group.write(str(niceness))
    except OSError:  # no autogroups here, or not allowed: the process's niceness alone
        pass


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def in_order(items: Iterable[Item], work: Callable[[Item], Result], *, jobs: int, deadline: float,
             lost: Callable[[Item, str], Result], ready: Callable[[Item], Result | None] | None = None
             ) -> Iterator[Result]:
    """``work(item)`` for every item, computed in ``jobs`` processes, yielded in order.

    ``ready(item)``, when given, is asked first, in this process: an item it has a result
    for (not None) goes to no worker. Whatever ``items`` raises while being read
    propagates once the workers are stopped.
    """
    pool = _Pool(work, max(1, jobs))
    try:
        yield from pool.run(iter(items), deadline=deadline, lost=lost, ready=ready)
    finally:
        pool.close()


@dataclass
class _Worker(Generic[Item]):
    process: multiprocessing.process.BaseProcess
    connection: Connection
    tasks: deque[tuple[int, Item]] = field(default_factory=deque)  # the one it works on first, then those queued
    started: float = 0.0  # when the first of its tasks began (as this process knows it)


#: Tasks a worker holds at once: the one it works on and the next, already in its pipe. With one
#: task each, a worker that sends a result waits for this process to take it, merge it and read the
#: next page before it has work again (at 3,000 pages the pages used 1.82–1.87 of the two cores, in
#: build_timeline.py); with a second waiting, it starts that one as it sends.
_DEPTH = 2
#: The largest task (pickled) queued behind another: a send the pipe cannot hold at once would block
#: this process until the busy worker reads it, a page's time or, were it stuck, for ever. A larger
#: task waits for an idle worker. A socket pair's buffer holds about 200 KiB here.
_QUEUED_BYTES = 64 * 1024


@dataclass
class _Pool(Generic[Item, Result]):
    work: Callable[[Item], Result]
    jobs: int
    workers: list[_Worker] = field(default_factory=list)

    def run(self, items: Iterator[Item], *, deadline: float, lost: Callable[[Item, str], Result],
            ready: Callable[[Item], Result | None] | None = None) -> Iterator[Result]:
        done: dict[int, Result] = {}
        sent = given = 0
        exhausted = False
        waiting: tuple[Item, bytes] | None = None  # an item read while no worker could take it, and its task pickled
        while not exhausted or given < sent:
            while not exhausted and len(done) + self._held() < (_DEPTH + 1) * self.jobs:
                if waiting is None:
                    item = next(items, _END)
                    if item is _END:
                        exhausted = True
                        break
                    result = ready(item) if ready is not None else None
                    if result is not None:
                        done[sent] = result
                        sent += 1
                        continue
                    waiting = item, bytes(_ForkingPickler.dumps((sent, item)))
                worker = self._taking(len(waiting[1]))
                if worker is None:
                    break
                self._send(worker, sent, *waiting)
                sent, waiting = sent + 1, None
            for sequence, result in self._collect(deadline, lost):
                done[sequence] = result
            while given in done:
                yield done.pop(given)
                given += 1

    def close(self) -> None:
        for worker in self.workers:
            worker.connection.close()
            if worker.process.is_alive():
                worker.process.kill()
            worker.process.join()
        self.workers.clear()

    def _taking(self, size: int) -> _Worker | None:
        """An idle worker (started if there are fewer than ``jobs``), else one with room to queue
        a task of ``size`` bytes behind its own, the least loaded first; None when none can take it."""
        for worker in self.workers:
            if not worker.tasks:
                return worker
        if len(self.workers) < self.jobs:
            self.workers.append(self._start())
            return self.workers[-1]
        if size > _QUEUED_BYTES:
            return None
        return min((worker for worker in self.workers if len(worker.tasks) < _DEPTH),
                   key=lambda worker: len(worker.tasks), default=None)

    def _held(self) -> int:
        return sum(len(worker.tasks) for worker in self.workers)

    def _start(self) -> _Worker:
        parent, child = _CONTEXT.Pipe()
        process = _CONTEXT.Process(target=_serve, args=(self.work, child, parent), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def _send(self, worker: _Worker, sequence: int, item: Item, task: bytes) -> None:
        if not worker.tasks:
            worker.started = time.monotonic()
        worker.tasks.append((sequence, item))
        try:
            worker.connection.send_bytes(task)
        except OSError:  # it died since: its pipe's end says so when next waited on (_collect)
            pass

    def _collect(self, deadline: float, lost: Callable[[Item, str], Result]) -> Iterator[tuple[int, Result]]:
        """Waits for at least one busy worker to finish, die or overrun; yields what ended."""
        busy = [worker for worker in self.workers if worker.tasks]
        if not busy:
            return
        first_due = min(worker.started for worker in busy) + deadline
        ready = wait([worker.connection for worker in busy], timeout=max(0.0, first_due - time.monotonic()))
        for worker in busy:
            if worker.connection in ready:
                try:
                    _, result = worker.connection.recv()
                except (EOFError, OSError):
                    sequence, item = worker.tasks.popleft()
                    yield sequence, lost(item, self._replace(worker, "the worker process died"))
                    continue
                sequence, _ = worker.tasks.popleft()
                worker.started = time.monotonic()  # its next task, if it has one, began about now
                yield sequence, result
            elif time.monotonic() - worker.started >= deadline:
                sequence, item = worker.tasks.popleft()
                self._replace(worker, "")
                yield sequence, lost(item, f"took longer than {deadline:g} s")

    def _replace(self, worker: _Worker, why: str) -> str:
        """Kills ``worker``, starts another in its place (given the tasks queued behind the one that
        ended, which the old one never began), and says how the old one ended."""
        worker.connection.close()
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        code = worker.process.exitcode
        if why and code is not None and code < 0:
            why += f" (signal {signal.Signals(-code).name})"
        elif why and code:
            why += f" (exit code {code})"
        fresh = self._start()
        worker.process, worker.connection = fresh.process, fresh.connection
        worker.started = time.monotonic()
        for task in worker.tasks:
            try:
                worker.connection.send(task)
            except OSError:  # it died at once: its pipe's end says so when next waited on
                break
        return why


_END = object()
#: A worker's collector thresholds: an item (a page) makes tens of thousands of objects that
#: live until its result is sent, so Python's default (a collection every 700 allocations,
#: about 500 a hundred pages, 3 % of a page's CPU) mostly walks objects still in use; every
#: 10,000 is about 10 a hundred pages (1.0–1.1 ms of a synthetic page's CPU), every 50,000
#: about one (0.5 ms: what a page holds at once seldom reaches it), for no more memory. What
#: sets one off is what the pages leave behind (the per-process caches: about 600 objects a
#: page), and each walks the page in hand too (65–90 ms at 50,000): every 200,000, a worker's
#: 1,500 pages of the 3,000-page corpus spend 0.44 s in the collector, not 1.09 (2 collections,
#: not 15), for 13 MiB more at most (222 against 209).
_WORKER_GC = (200_000, 10, 10)


def elsewhere(work: Callable[..., Any], *arguments: Any) -> Callable[[], Any]:
    """``work(*arguments)`` started in a forked process; the function returned waits for its
    result. Whatever the work raises is raised there; a process that cannot be started, or
    dies, has the work done in this process instead."""
    for stream in (sys.stdout, sys.stderr):  # what waits in a buffer is written once, not once per process
        stream.flush()
    receiving, sending = _CONTEXT.Pipe(duplex=False)
    process = _CONTEXT.Process(target=_send_result, args=(work, arguments, sending), daemon=True)
    try:
        process.start()
    except OSError:
        receiving.close()
        sending.close()
        return lambda: work(*arguments)
    sending.close()

    def result() -> Any:
        try:
            done, value = receiving.recv()
        except (EOFError, OSError):
            done, value = None, None
        finally:
            receiving.close()
            process.join()
        if done is None:
            return work(*arguments)
        if not done:
            raise value
        return value

    return result


def _send_result(work: Callable[..., Any], arguments: tuple, sending: Connection) -> None:
    gc.freeze()  # what the fork inherited outlives the work: the cyclic GC need not scan it (nor copy its pages)
    try:
        value = work(*arguments)
    except BaseException as error:  # noqa: BLE001 - given back to the parent, which raises it
        sending.send((False, error))
        return
    sending.send((True, value))


def _serve(work: Callable, connection: Connection, parent_end: Connection) -> None:
    """A worker's loop: one task in, one result out, until the parent closes the pipe."""
    parent_end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    gc.freeze()  # what the fork inherited lives as long as the worker: the cyclic GC need not scan it per item
    gc.set_threshold(*_WORKER_GC)
    while True:
        try:
            sequence, item = connection.recv()
        except (EOFError, OSError):
            return
        connection.send((sequence, work(item)))
