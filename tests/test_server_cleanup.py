"""``kg serve`` leaves nothing behind: stopped by a signal, stopped while starting, failing to
start, or its parent killed outright; and an unknown entity is found absent by index lookups."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from kg.server.app import App, request
from kg.server.settings import Settings

DATA = Path(__file__).parent / "data" / "query" / "fixture.trig"
KG = [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--data", str(DATA), "--processes", "1"]
#: Seconds to wait for what must happen (a line, an answer, an exit, a directory gone): each wait ends
#: when it happens, so this only bounds a failure; it is long because a shared machine under heavy load
#: (a dozen test suites on two cores) takes a minute or more to start Python, a server and a worker.
PATIENCE = 300


def start(tmp_path: Path, *options: str) -> subprocess.Popen:
    """``kg serve`` with its temporary files in ``tmp_path`` (TMPDIR), in a session of its own."""
    return subprocess.Popen([*KG, *options], stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env={**os.environ, "TMPDIR": str(tmp_path)})


def left_behind(tmp_path: Path) -> list[str]:
    return sorted(path.name for path in tmp_path.iterdir())


def served_port(process: subprocess.Popen) -> int:
    """The port of the banner line (lines before it, from the server's other processes, are passed over)."""
    said = []
    for line in process.stderr:  # ends when the process does: then the banner never came
        said.append(line)
        port = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if port:
            return int(port[1])
    raise AssertionError(f"kg serve ended ({process.wait()}) without its banner: {''.join(said)!r}")


def a_query_for_the_workers(port: int) -> None:
    """A query that is not cheap, so a worker process starts (and writes its log file)."""
    with socket.create_connection(("127.0.0.1", port), timeout=PATIENCE) as connection:
        query = quote("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        connection.sendall(f"GET /sparql?query={query} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        while len(answer) < 12 and (chunk := connection.recv(64)):  # the status line may come in pieces
            answer += chunk
        assert answer.startswith(b"HTTP/1.1 200"), answer


def ended(process: subprocess.Popen, seconds: float = PATIENCE) -> int:
    try:
        return process.wait(seconds)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wait_until(condition, seconds: float = PATIENCE) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stopped_server_removes_everything_it_made(tmp_path, signum):
    process = start(tmp_path, "--port", "0")
    a_query_for_the_workers(served_port(process))
    assert left_behind(tmp_path), "the served store and the workers' logs should be in TMPDIR while it runs"
    process.send_signal(signum)
    assert ended(process) == 0
    assert left_behind(tmp_path) == []


def test_a_server_stopped_while_it_starts_removes_what_it_made(tmp_path):
    process = start(tmp_path, "--port", "0")
    loading = lambda: any(name.startswith("kg-serve-") for name in left_behind(tmp_path))  # noqa: E731
    assert wait_until(lambda: loading() or process.poll() is not None), "the load never began"
    process.send_signal(signal.SIGTERM)  # still loading or starting its HTTP process, most likely
    assert ended(process) in (0, -signal.SIGTERM)
    assert left_behind(tmp_path) == []


def test_a_server_that_cannot_start_removes_what_it_made(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        process = start(tmp_path, "--port", str(taken.getsockname()[1]))
        assert ended(process) == 2
    assert "cannot listen there" in process.stderr.read()
    assert left_behind(tmp_path) == []


def test_the_http_processes_end_and_clean_up_when_the_parent_is_killed(tmp_path):
    process = start(tmp_path, "--port", "0")
    port = served_port(process)
    a_query_for_the_workers(port)
    os.kill(process.pid, signal.SIGKILL)  # no clean-up of its own
    process.wait()
    assert wait_until(lambda: left_behind(tmp_path) == []), left_behind(tmp_path)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()  # nothing answers there any more


def test_a_process_killed_outright_after_loading_leaves_no_served_directory(tmp_path):
    """Its janitor removes it (before: a kg serve killed while it stopped, its HTTP processes already
    gone, left its directory in /tmp; benchmarks/serve_load.py kills a server that is slow to stop)."""
    loader = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from kg.server.data import ServedData; "
         "served = ServedData.load((Path(sys.argv[1]),)); print(served.directory, flush=True); time.sleep(600)", str(DATA)],
        stdout=subprocess.PIPE, text=True, start_new_session=True, env={**os.environ, "TMPDIR": str(tmp_path)})
    try:
        directory = Path(loader.stdout.readline().strip())
        assert directory.parent == tmp_path and (directory / "store").is_dir()
    finally:
        os.killpg(loader.pid, signal.SIGKILL)  # no clean-up of its own
        loader.wait()
    assert wait_until(lambda: left_behind(tmp_path) == []), left_behind(tmp_path)


def test_a_load_interrupted_closes_the_store_before_removing_its_directory(monkeypatch):
    """A stop signal lands where the loading spends its time, in the bulk load; the traceback's frames
    held the store open while its directory was removed, and its threads could write into it (a run
    left a directory of a few files behind)."""
    from pyoxigraph import Store

    from kg.server import data

    real_load, real_rmtree, seen = data._load, shutil.rmtree, []

    def interrupted(store, path):
        real_load(store, path)
        raise KeyboardInterrupt  # as the stop signal's handler raises, when the bulk load returns

    def rmtree(path, *args, **kwargs):
        try:
            Store(str(Path(path) / "store"))  # takes the store's lock: fails while the loading one is open
            seen.append("closed")
        except OSError as error:
            seen.append(str(error))
        real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(data, "_load", interrupted)
    monkeypatch.setattr(data.shutil, "rmtree", rmtree)
    with pytest.raises(KeyboardInterrupt):
        data.ServedData.load((DATA,))
    assert seen == ["closed"]


class _NoScans:
    """A store that refuses to read every triple of a predicate or every triple at all."""

    def __init__(self, store) -> None:
        self._store = store

    def quads_for_pattern(self, subject, predicate, object, graph_name=None):
        assert subject is not None or object is not None, f"a scan of {predicate}"
        return self._store.quads_for_pattern(subject, predicate, object, graph_name)

    def query(self, *args, **kwargs):
        raise AssertionError("a query where lookups do")


def test_an_unknown_entity_is_a_404_found_by_index_lookups_not_a_scan_of_the_labels():
    app = App(Settings(port=0), data=(DATA,))
    try:
        app._label_languages()  # read once, when the first unknown name is asked for
        app.store = _NoScans(app.store)
        assert request(app, "/id/person/" + quote("无此人"), accept="text/turtle").status == 404
        for name in ("inter-Korean_summit", "南北韓首腦會談"):  # an English label, a Hong Kong alias: their entity
            moved = request(app, "/id/series/" + quote(name), accept="text/turtle")
            assert moved.status == 301 and dict(moved.headers)["Location"] == "/id/series/inter-korean", name
    finally:
        app.close()
