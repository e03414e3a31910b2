"""The network switch the engine lacks: a sandboxed thread opens no IP socket, so SERVICE cannot reach out."""

from __future__ import annotations

import platform
import socket
import subprocess
import sys
import threading

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.machine().lower() not in ("x86_64", "aarch64"),
    reason="seccomp filters are installed on Linux x86-64 and AArch64 only",
)

PROBE = """
import socket, sys, pyoxigraph
from kg.sandbox import deny_network
assert deny_network()
try:
    socket.socket()
    sys.exit("an IP socket was made")
except PermissionError:
    pass
socket.socketpair()  # local pipes still work
try:
    list(pyoxigraph.Store().query("SELECT * {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"))
except OSError:
    pass
"""


def test_a_sandboxed_process_cannot_reach_a_service_even_past_the_guard():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(3)
    connected = []

    def accept():
        try:
            connection, _ = server.accept()
            connected.append(connection)
        except OSError:
            pass

    thread = threading.Thread(target=accept)
    thread.start()
    done = subprocess.run([sys.executable, "-c", PROBE.format(port=server.getsockname()[1])], capture_output=True, text=True, timeout=60)
    thread.join()
    server.close()
    assert done.returncode == 0, done.stderr
    assert connected == [], "the engine reached the SERVICE address"


def test_kg_query_runs_the_engine_in_a_sandboxed_thread(monkeypatch):
    from pathlib import Path

    from kg import query
    from kg.store import load_store

    seen = []
    monkeypatch.setattr(query, "deny_network", lambda: seen.append(threading.current_thread().name))
    store = load_store([Path(__file__).parent / "data" / "query" / "fixture.trig"])
    query.execute_within(5, store, "ASK { ?s ?p ?o }")
    assert seen == ["kg-query"]
