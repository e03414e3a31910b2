"""``kg serve``'s processes: HTTP processes forked from a parent that runs no thread, query workers
started as new interpreters, and nothing else beside them (no resource tracker)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

from kg.server.naming import HTTP_NAME, WORKER_NAME

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


@pytest.fixture
def server():
    process = subprocess.Popen([*KG, "--processes", "2", "--workers", "2", "--response-cache", "0"], stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    banner = process.stderr.readline()
    port = re.search(r"http://127\.0\.0\.1:(\d+)/", banner)
    assert port, banner
    yield process, f"http://127.0.0.1:{port[1]}"
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


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
    workers = [pid for parent in http for pid in children(parent)]
    assert workers and all(comm(pid) == WORKER_NAME for pid in workers)


def test_a_worker_killed_is_replaced_and_the_next_query_answered(server):
    process, url = server
    query = quote("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    with urllib.request.urlopen(f"{url}/sparql?query={query}", timeout=120) as answer:
        assert answer.status == 200
    killed = 0
    for parent in children(process.pid):
        for worker in children(parent):
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
    # request, so it may take several requests for both to meet theirs), then starts another
    while len(statuses) < 12 and sum(status != 200 for status in statuses) < killed:
        statuses.append(ask())
    assert set(statuses) <= {200, 400, 413, 503}, statuses
    assert sum(status != 200 for status in statuses) <= killed, statuses
    assert [ask() for _ in range(3)] == [200, 200, 200], statuses
