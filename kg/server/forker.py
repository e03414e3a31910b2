"""Query workers forked from a process kept single-threaded for it, not started as new interpreters.

A new interpreter holds a dozen megabytes of its own: Python, pyoxigraph and the modules it
imports, which an HTTP process holds already. An HTTP process cannot fork a worker itself: it
runs threads (granian's, the query pool's), and a fork carries only the thread that calls it
(a lock another thread held stays held in the child for good). So, before it starts a thread
or opens the store, it forks a *forker* (:class:`Forker`): a process that only waits for
requests, sharing the HTTP process's pages (the modules, and what the server's parent made).
For each worker the forker forks a child that forks the worker and ends at once: the worker,
orphaned, is adopted by the HTTP process, which made itself a subreaper
(``PR_SET_CHILD_SUBREAPER``). So the HTTP process waits for the worker as for a child of its
own: the worker's exit status (which tells a query that ran out of memory, 413, from one the
engine failed on, 400) and its kill at the time limit are the HTTP process's, not relayed, and
its process id cannot be another's until the HTTP process has waited for it.

A worker opens the store and answers in a thread of its own, not its first, so that what the
engine allocates lands on a new heap, not between the pages it shares
(:func:`~kg.server.heap.on_a_new_heap`: 16 MB of its own at 500 pages, 33 without, 26 for a
new interpreter).
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback

from kg.server.heap import on_a_new_heap
from kg.server.naming import FORKER_NAME, WORKER_NAME, name_process

_PR_SET_PDEATHSIG, _PR_SET_CHILD_SUBREAPER = 1, 36
#: Bytes of a process id sent back by the forker (0: the fork failed).
_PID_BYTES = 8


class Forker:
    """A process forked now, single-threaded, that forks query workers for this one (Linux).

    Make it before this process starts any thread. Raises :class:`OSError` when this platform
    cannot adopt orphans (then start workers as new interpreters).
    """

    def __init__(self) -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        if not sys.platform.startswith("linux") or libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
            raise OSError("this system cannot hand a forked worker to its HTTP process")
        self._lock = threading.Lock()
        self._control, its = socket.socketpair()
        parent = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:  # the forker: never returns
            code = 1
            try:
                self._control.close()
                libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
                if os.getppid() == parent:
                    _fork_workers(its)
                code = 0
            except BaseException:  # noqa: BLE001 - said on the error output; the HTTP process starts new interpreters
                traceback.print_exc()
            finally:
                os._exit(code)
        its.close()

    def start(self, stderr_path: str) -> tuple[Adopted, socket.socket]:
        """A new query worker, its error output going to ``stderr_path``, and this end of a socket
        pair to it (the worker runs :func:`kg.server.query_pool.worker_main` on the other).

        Raises :class:`OSError` when the forker is gone or could not fork.
        """
        mine, its = socket.socketpair()
        try:
            with open(stderr_path, "wb") as stderr, self._lock:
                socket.send_fds(self._control, [b"w"], [its.fileno(), stderr.fileno()])
                pid = int.from_bytes(_receive(self._control, _PID_BYTES), "little")
        except BaseException:
            mine.close()
            raise
        finally:
            its.close()
        if not pid:
            mine.close()
            raise OSError("the forker could not fork a query worker")
        return Adopted(pid), mine

    def close(self) -> None:
        """End the forker (it ends with this process too)."""
        self._control.close()
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


class Adopted:
    """A query worker this process adopted: what :class:`subprocess.Popen` offers of one, by its id."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        #: its exit status once waited for (negative: the signal that ended it), else None
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                done, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:
                # Waited for already elsewhere (the forker answers only once the worker's first parent has
                # ended, so the worker, running or a zombie, is this process's child): its status is lost.
                # Say a failure of no known cause, not the kill that would read as running out of memory.
                self.returncode = 1
                return self.returncode
            if done:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"query worker {self.pid}", timeout)
            time.sleep(0.005)
        return self.returncode

    def kill(self) -> None:
        if self.poll() is None:  # not yet waited for: the id is still the worker's
            os.kill(self.pid, signal.SIGKILL)


def _close_channels(*, but: int) -> None:
    """Close the pipes and sockets this process was forked with (the listening socket, the pipes its HTTP
    process's parent watches it by) but ``but`` and the standard streams: a worker holds none of them.
    Each stays held by an object of the HTTP process's that lives as long as the worker does (never
    collected, so it never closes another file given the same number)."""
    for name in os.listdir("/proc/self/fd"):
        descriptor = int(name)
        if descriptor <= 2 or descriptor == but:
            continue
        try:
            if os.readlink(f"/proc/self/fd/{name}").startswith(("pipe:", "socket:")):
                os.close(descriptor)
        except OSError:
            continue  # the directory's own descriptor, closed meanwhile


def _receive(control: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        part = control.recv(size - len(data))
        if not part:
            raise OSError("the forker has ended")
        data += part
    return data


def _fork_workers(control: socket.socket) -> None:
    """The forker's loop: for each request (a worker's end of its socket pair and its error output),
    fork a child that forks the worker and ends, and send back the worker's id; until the HTTP process
    closes its end."""
    name_process(FORKER_NAME)
    while True:
        try:
            message, descriptors, _, _ = socket.recv_fds(control, 1, 2)
        except OSError:  # its HTTP process has ended
            return
        if not message:
            return
        connection, stderr = descriptors
        reader, writer = os.pipe()
        try:
            middle = os.fork()
        except OSError:
            middle = -1
        if middle == 0:  # the child between: forks the worker, says its id, ends; the worker is orphaned
            try:
                worker = os.fork()
                if worker == 0:
                    os.close(reader)
                    os.close(writer)
                    control.close()
                    _be_worker(connection, stderr)
                os.write(writer, worker.to_bytes(_PID_BYTES, "little"))
            finally:
                os._exit(0)
        os.close(writer)
        pid = int.from_bytes(os.read(reader, _PID_BYTES) or bytes(_PID_BYTES), "little") if middle > 0 else 0
        if middle > 0:
            os.waitpid(middle, 0)  # once it has ended, the worker is the HTTP process's
        for descriptor in (reader, connection, stderr):
            os.close(descriptor)
        control.sendall(pid.to_bytes(_PID_BYTES, "little"))


def _be_worker(connection: int, stderr: int) -> None:
    """Become a query worker on ``connection``, writing errors to ``stderr``; never returns."""
    code = 1
    try:
        os.dup2(stderr, 2)
        os.close(stderr)
        _close_channels(but=connection)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        name_process(WORKER_NAME)
        from kg.server.query_pool import worker_main

        on_a_new_heap(lambda: worker_main(connection))  # see the module's docstring
        code = 0
    except BaseException:  # noqa: BLE001 - said on its error output, which its HTTP process reads
        traceback.print_exc()
    finally:
        sys.stderr.flush()
        os._exit(code)

