"""Query workers forked by a forker (kg.server.forker): adopted by the process that asked for them,
which waits for them as for its own children, so their exit status and their kill are its own."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="adopts orphans (Linux)")

#: Run in a new interpreter: a forker must be made before its process starts a thread.
PROGRAM = textwrap.dedent("""
    import os, signal, sys, tempfile
    from multiprocessing.connection import Connection
    from pyoxigraph import Store
    from kg.server.forker import Forker
    from kg.server.query_pool import Formats, QueryRequest
    from kg.server.settings import Settings

    directory = tempfile.mkdtemp()
    Store(directory + "/store").flush()
    forker = Forker()
    process, mine = forker.start(directory + "/worker.log")
    connection = Connection(mine.detach())
    connection.send((directory + "/store", Settings()))
    print("ready" if connection.recv() == "ready" else "not ready")
    request = QueryRequest("ASK {}", "application/sparql-results+json", None)
    connection.send((request, Formats.negotiated(request)))
    print(connection.recv().status)
    print("adopted" if open(f"/proc/{process.pid}/stat").read().rsplit(")", 1)[1].split()[1] == str(os.getpid()) else "not adopted")
    print(process.poll())
    process.kill()
    print(process.wait(60))
    second, its = forker.start(directory + "/worker2.log")
    print("another" if second.pid != process.pid else "the same")
    its = Connection(its.detach())
    its.send((directory + "/store", Settings()))
    assert its.recv() == "ready"
    its.close()  # the worker ends when its connection does, with status 0
    print(second.wait(60))
    forker.close()
""")


def test_a_forked_worker_answers_is_adopted_and_its_exit_status_is_its_own():
    done = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["ready", "200", "adopted", "None", str(-9), "another", "0"], done.stderr


def test_a_worker_whose_status_is_lost_is_not_read_as_out_of_memory():
    """A process that is not (or no longer) this one's child has no status to wait for: it is a
    failure of no known cause, which the client hears as a query the worker could not answer
    (400), not as the kill that means the query ran out of memory (413)."""
    from kg.server.forker import Adopted
    from kg.server.query_pool import crash_reply

    lost = Adopted(1)  # init: never a child of the test's process
    assert lost.poll() == 1
    assert crash_reply(lost.returncode, "").status == 400


@pytest.mark.parametrize("last_words", [
    "memory allocation of 1073741824 bytes failed",  # the engine's Rust
    "terminate called after throwing an instance of 'std::bad_alloc'\n  what():  std::bad_alloc",  # its RocksDB
    "OSError: [Errno 12] Cannot allocate memory",
])
def test_a_worker_that_aborts_for_want_of_memory_is_413_whichever_language_said_so(last_words):
    from kg.server.query_pool import crash_reply

    assert crash_reply(-6, last_words).status == 413
    assert crash_reply(-6, "thread 'main' panicked at src/lib.rs: index out of bounds").status == 400
