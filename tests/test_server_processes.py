"""``kg serve``'s processes: HTTP processes forked from a parent that runs no thread, query workers
forked beside each (by its forker) and adopted by it, and nothing else beside them (no resource tracker)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

from kg.server.naming import FORKER_NAME, HTTP_NAME, WORKER_NAME

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process tree in /proc")

DATA = Path(__file__).parent / "data" / "query" / "fixture.trig"
KG = [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--data", str(DATA), "--port", "0"]


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def comm(pid: int) -> str:
    return Path(f"/proc/{pid}/comm").read_text().strip()


def _serve(*options: str) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen([*KG, "--processes", "2", *options], stderr=subprocess.PIPE, text=True, start_new_session=True)
    banner = process.stderr.readline()
    port = re.search(r"http://127\.0\.0\.1:(\d+)/", banner)
    assert port, banner
    deadline = time.monotonic() + 60  # each names itself once forked
    while len(_http_processes(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    return process, f"http://127.0.0.1:{port[1]}"


def _end(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _http_processes(pid: int) -> set[int]:
    found = set()
    for child in children(pid):
        try:
            if comm(child) == HTTP_NAME:
                found.add(child)
        except OSError:
            continue  # ended meanwhile
    return found


@pytest.fixture
def server():
    process, url = _serve("--workers", "2", "--response-cache", "0")
    yield process, url
    _end(process)


def test_the_parent_forks_its_http_processes_and_runs_no_thread_nor_tracker(server):
    process, url = server
    query = quote("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # not cheap: a worker starts
    with urllib.request.urlopen(f"{url}/sparql?query={query}", timeout=120) as answer:
        assert answer.status == 200
    below = children(process.pid)
    http = [pid for pid in below if comm(pid) == HTTP_NAME]
    assert len(http) == 2
    others = [Path(f"/proc/{pid}/cmdline").read_bytes() for pid in below if pid not in http]
    assert all(b"kg-serve-janitor" in cmdline for cmdline in others), others  # no resource tracker, no loader left
    assert len(list(Path(f"/proc/{process.pid}/task").iterdir())) == 1  # what it forks carries all there is
    below_http = {pid: parent for parent in http for pid in children(parent)}
    workers = [pid for pid in below_http if comm(pid) == WORKER_NAME]
    forkers = [pid for pid in below_http if comm(pid) == FORKER_NAME]
    assert workers and sorted(below_http[pid] for pid in forkers) == sorted(http)  # a forker each, nothing else
    assert len(workers) + len(forkers) == len(below_http)
    for worker in workers:  # forked, sharing its HTTP process's pages, not a new interpreter, and its HTTP process's child
        assert Path(f"/proc/{worker}/cmdline").read_bytes() == Path(f"/proc/{below_http[worker]}/cmdline").read_bytes()


def test_a_worker_killed_is_replaced_and_the_next_query_answered(server):
    process, url = server
    query = quote("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    with urllib.request.urlopen(f"{url}/sparql?query={query}", timeout=120) as answer:
        assert answer.status == 200
    killed = 0
    for parent in children(process.pid):
        for worker in children(parent):
            if comm(worker) == WORKER_NAME:
                os.kill(worker, signal.SIGKILL)
                killed += 1
    statuses = []

    def ask() -> int:
        try:
            with urllib.request.urlopen(f"{url}/sparql?query={query}", timeout=120) as answer:
                return answer.status
        except urllib.error.HTTPError as error:
            return error.code

    # each HTTP process meets its dead worker once (the kernel decides which process takes a
    # request, so it may take many requests for both to meet theirs: twelve once went to one), then starts another
    while len(statuses) < 60 and sum(status != 200 for status in statuses) < killed:
        statuses.append(ask())
    assert set(statuses) <= {200, 400, 413, 503}, statuses
    assert sum(status != 200 for status in statuses) <= killed, statuses
    assert [ask() for _ in range(3)] == [200, 200, 200], statuses


def _replaced_within(pid: int, first: set[int], seconds: float) -> set[int]:
    """The HTTP processes once one of ``first`` has been replaced, or after ``seconds``: as many as
    ``first`` again, not the moment between one ending and its replacement being named."""
    deadline = time.monotonic() + seconds
    now = _http_processes(pid)
    while (now == first or len(now) != len(first)) and time.monotonic() < deadline:
        time.sleep(0.1)
        now = _http_processes(pid)
    return now


@pytest.mark.parametrize("where", [("--in-memory-quads", "0"), ()], ids=["read from disk", "held in memory"])
def test_an_idle_http_process_is_replaced_and_the_new_one_answers_the_same(where):
    process, url = _serve(*where, "--process-idle", "1")
    ask = f"{url}/sparql?query=" + quote("SELECT ?s ?o WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o } ORDER BY ?s ?o")
    try:
        first = _http_processes(process.pid)
        assert len(first) == 2
        with urllib.request.urlopen(ask, timeout=120) as answer:
            before = answer.read()
        now = _replaced_within(process.pid, first, 30)
        assert len(now) == 2 and now != first  # the one that answered ended, idle, and a new one took its place
        assert len(first - now) == 1  # the one that never answered stays
        answers = set()
        for _ in range(6):  # each process answers some (the kernel decides which)
            with urllib.request.urlopen(ask, timeout=120) as answer:
                answers.add(answer.read())
        assert answers == {before} and b'"bindings":[{' in before.replace(b' ', b'').replace(b'\n', b'')
        assert process.poll() is None
    finally:
        _end(process)
