"""`kg serve` under load: throughput beside Oxigraph's own server, and fairness under attack.

Two measurements on one data file (``build/kg.trig`` if it exists, else the test fixture),
loopback only, each bounded in time:

1. **Throughput** (issue 15): requests per second from ``kg serve`` and from Oxigraph's own
   server (``oxigraph serve-read-only``, the ``oxigraph`` wheel) on the same data, side by
   side, with the ratio: a SELECT of every summit, an entity's statements (a SELECT), its
   description (Turtle; Oxigraph answers the same CONSTRUCT) and its HTML page (``kg serve``
   only: Oxigraph has none). Each is measured *repeated* (the same request every time: after
   the first, ``kg serve`` answers from its response cache) and, but for the summits,
   *varied* (each request for the next of up to 2,000 entities, against a ``kg serve`` with
   ``--response-cache 0``, so every answer is computed as if asked for the first time).
   Beside each rate, the CPU time the server spent a request (summed over its processes,
   from /proc): on a shared machine the rates swing with the other load, and a server with
   more threads gets more of the cores, while the CPU a request costs stays put; its ratio is
   the rate ratio two idle cores would give. Beside them pyoxigraph answering the summits
   in-process with no HTTP at all, the floor.
   Then the memory each server holds: the resident set (RSS) and the proportional set (PSS:
   shared pages divided among the processes sharing them) summed over the server's
   processes (kg serve's parent, HTTP processes, their forkers and query workers), once the index page
   has been asked for as a browser does and a query has started a worker, and again at rest, once kg serve's idle workers have ended
   (``--worker-idle``, 10 s by default) and its idle HTTP processes reading from disk have been
   replaced by new ones (``--process-idle``, 60 s; at most 150 s are waited; an earlier code's
   processes that stay are measured as they are then), with each kind of process's PSS. Measured with ``wrk`` when it is installed (``make bench``
   installs it), else with a Python client (slower: then the client is the limit, and the
   ratio says less).
2. **Fairness** (issue 12): 32 clients, each from its own loopback address, for
   ``--seconds``; 8 loop a cartesian-product query, 24 loop pages, ``/void`` and small
   lookups. Prints p50/p95/max latency and status counts per group; the target is the
   24's p95 under 1 s and no 5xx except the expensive queries' own 503s.

0. **Start-up** (issue 15): seconds from ``kg serve``'s start to its first answer, three ways one
   after the other: keeping no store (``--store-cache ''``: the files loaded into a store for the
   run, as before the store cache), with an empty store cache (loaded, and kept), and again over the
   same files (the kept store opened, nothing loaded).

    python benchmarks/serve_load.py [--data FILE | --pages N] [--seconds 20] [--before CHECKOUT] [--in-memory-quads N]

``--before CHECKOUT`` (a checkout of earlier code, e.g. from ``git archive``) has that
code's ``kg serve`` take its turns beside this one's, for a before/after in the same minutes.

``--in-memory-quads N`` is given to each ``kg serve``, this code's and the earlier code's (their
HTTP processes hold data of up to N quads in memory; 0: read from the on-disk store).

``--pages N`` serves a synthetic corpus of N pages (``benchmarks/corpus_scale.py``'s
generator, built with ``kg build``) instead of the last build.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pyoxigraph

ROOT = Path(__file__).resolve().parent.parent
FALLBACK = ROOT / "tests" / "data" / "query" / "fixture.trig"
BIN = Path(sys.executable).parent
SKG = "https://w3id.org/summit-kg/ontology#"
SMALL = f"SELECT ?s WHERE {{ ?s a <{SKG}Summit> }}"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
JSON = "application/sparql-results+json"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited early ({process.returncode})")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing listened on port {port} within {seconds:g} s")


class Server:
    """A server process on a free loopback port, ended when the block ends."""

    def __init__(self, argv: list[str], port: int) -> None:
        self.port = port
        self.started = time.monotonic()
        self.ready: float | None = None  # seconds from its start to its first answer
        self.process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)

    def __enter__(self) -> Server:
        try:
            wait_for(self.port, self.process)
            for _ in range(4):  # the socket may listen before the processes behind it answer: one real answer each
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
                connection.request("GET", "/")
                connection.getresponse().read()
                connection.close()
                self.ready = self.ready or time.monotonic() - self.started
        except BaseException:  # a server that never answered is stopped too, not left running
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def kg_serve(data: Path, code: Path | None = None, **options: str) -> Server:
    """``kg serve`` of this checkout, or of the checkout ``code`` (its kg package read first)."""
    port = free_port()
    program = [str(BIN / "kg")] if code is None else [
        sys.executable, "-c", f"import sys; sys.path.insert(0, {str(code)!r}); from kg.cli import run; run()"]
    argv = [*program, "serve", "--data", str(data), "--port", str(port)]
    for name, value in options.items():
        argv += ["--" + name.replace("_", "-"), value]
    return Server(argv, port)


def oxigraph_serve(data: Path, directory: Path) -> Server:
    oxigraph = shutil.which("oxigraph", path=str(BIN)) or shutil.which("oxigraph")
    if oxigraph is None:
        raise SystemExit("no oxigraph server binary: pip install oxigraph (the test extra has it)")
    subprocess.run([oxigraph, "load", "--location", str(directory), "--file", str(data)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port = free_port()
    return Server([oxigraph, "serve-read-only", "--location", str(directory), "--bind", f"127.0.0.1:{port}",
                   "--union-default-graph"], port)


# --- throughput --------------------------------------------------------------------------


def rate(server: Server, paths: list[str], accept: str, seconds: float) -> tuple[float, float]:
    """Successful GETs a second, each request for the next of ``paths`` in turn (one path: the
    same request again and again), and the server's CPU time a request (µs, all its processes):
    wrk with 8 connections, or 8 Python clients."""
    before = cpu_seconds(server.process.pid)
    answered = _answered(server.port, paths, accept, seconds)
    spent = cpu_seconds(server.process.pid) - before
    return answered / seconds, spent / max(answered, 1) * 1e6


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of process ``pid`` and its descendants (Linux /proc), in seconds."""
    ticks = 0
    for process in [pid, *descendants(pid)]:
        try:
            fields = Path(f"/proc/{process}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def _answered(port: int, paths: list[str], accept: str, seconds: float) -> int:
    if shutil.which("wrk"):
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(_WRK_SCRIPT.replace("PATHS", ",\n".join(_lua_string(path) for path in paths)))
        try:
            out = subprocess.run(["wrk", "-t2", "-c8", f"-d{seconds:g}s", "-H", f"Accept: {accept}", "-s", script.name,
                                  f"http://127.0.0.1:{port}"], capture_output=True, text=True, check=True).stdout
        finally:
            os.unlink(script.name)
        non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        total = int(re.search(r"(\d+) requests in", out)[1])
        if non_2xx:
            print(f"  ({non_2xx[1]} of {total} answers from {paths[0][:60]}… were not 200; counted out)")
        return total - int(non_2xx[1] if non_2xx else 0)
    counts = Counter()
    deadline = time.monotonic() + seconds

    def client(index: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        turn = index * 7919
        while time.monotonic() < deadline:
            connection.request("GET", paths[turn % len(paths)], headers={"Accept": accept})
            turn += 1
            response = connection.getresponse()
            response.read()
            counts[response.status] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counts[200]


#: wrk's request generator: the paths in turn, each thread from its own place in the list.
_WRK_SCRIPT = """
local paths = {
PATHS
}
local threads = 0
function setup(thread) thread:set("offset", threads * 7919); threads = threads + 1 end
local turn = 0
function request()
  turn = turn + 1
  return wrk.format(nil, paths[((offset or 0) + turn) % #paths + 1])
end
"""


def _lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def in_process_rate(data: Path, seconds: float) -> float:
    store = pyoxigraph.Store()
    store.load(path=data, format=pyoxigraph.RdfFormat.from_extension(data.suffix.lstrip(".")))
    count, deadline = 0, time.monotonic() + seconds
    while time.monotonic() < deadline:
        store.query(SMALL, use_default_graph_as_union=True).serialize(format=pyoxigraph.QueryResultsFormat.JSON)
        count += 1
    return count / seconds


def entities(data: Path, most: int = 2000) -> list[str]:
    """Up to ``most`` entity IRIs that have a local page (``…/id/…``) and take part in a summit or
    are one, in a fixed shuffled order; the first is the benchmark's repeated entity."""
    store = pyoxigraph.Store()
    store.load(path=data, format=pyoxigraph.RdfFormat.from_extension(data.suffix.lstrip(".")))
    rows = store.query(f"SELECT DISTINCT ?e WHERE {{ {{ ?s <{SKG}participant> ?e }} UNION {{ ?e a <{SKG}Summit> }} "
                       f"UNION {{ ?e <{SKG}venue> ?x }} }} ORDER BY ?e", use_default_graph_as_union=True)
    found = [row["e"].value for row in rows if "/id/" in row["e"].value]
    first = next(iter(store.query(f"SELECT ?p WHERE {{ ?s <{SKG}participant> ?p }} ORDER BY ?p LIMIT 1",
                                  use_default_graph_as_union=True)))["p"].value
    rest = [e for e in found if e != first]
    random.Random(15).shuffle(rest)
    return [first, *rest[: most - 1]]


def describe(entity: str) -> str:
    return f"CONSTRUCT {{ <{entity}> ?p ?o . ?s ?q <{entity}> }} WHERE {{ {{ <{entity}> ?p ?o }} UNION {{ ?s ?q <{entity}> }} }}"


def statements(entity: str) -> str:
    return f"SELECT ?p ?o WHERE {{ <{entity}> ?p ?o }}"


def memory(pid: int) -> tuple[float, float]:
    """RSS and PSS in MB, summed over process ``pid`` and its descendants (Linux /proc)."""
    rss = pss = 0.0
    for process in [pid, *descendants(pid)]:
        try:
            status = Path(f"/proc/{process}/status").read_text()
            rollup = Path(f"/proc/{process}/smaps_rollup").read_text()
        except OSError:
            continue  # ended meanwhile
        rss += int(re.search(r"VmRSS:\s+(\d+)", status)[1]) / 1024
        pss += int(re.search(r"Pss:\s+(\d+)", rollup)[1]) / 1024
    return rss, pss


def descendants(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
        for child in children:
            found += [child, *descendants(child)]
    return found


#: What is measured: (label, accept, kg serve's paths, Oxigraph's paths or None), for the repeated
#: request (one path) and the varied one (a different entity each request).
def _cases(every: list[str]) -> list[tuple[str, str, str, list[str], list[str] | None]]:
    def local(entity: str) -> str:
        return "/id/" + entity.split("/id/", 1)[1]

    one = every[:1]
    return [
        ("every summit, a SELECT", "repeated", JSON, ["/sparql?query=" + quote(SMALL)], ["/query?query=" + quote(SMALL)]),
        ("an entity's statements, a SELECT", "repeated", JSON, ["/sparql?query=" + quote(statements(e)) for e in one],
         ["/query?query=" + quote(statements(e)) for e in one]),
        ("an entity's statements, a SELECT", "varied", JSON, ["/sparql?query=" + quote(statements(e)) for e in every],
         ["/query?query=" + quote(statements(e)) for e in every]),
        ("an entity's description, Turtle", "repeated", "text/turtle", [local(e) for e in one],
         ["/query?query=" + quote(describe(e)) for e in one]),
        ("an entity's description, Turtle", "varied", "text/turtle", [local(e) for e in every],
         ["/query?query=" + quote(describe(e)) for e in every]),
        ("an entity's HTML page", "repeated", "text/html", [local(e) for e in one], None),
        ("an entity's HTML page", "varied", "text/html", [local(e) for e in every], None),
    ]


def startup(data: Path, options: dict[str, str]) -> None:
    """Print ``kg serve``'s time to its first answer keeping no store, then with an empty store cache, then
    with the store that start kept."""
    with tempfile.TemporaryDirectory(prefix="serve-load-stores-") as stores:
        took = []
        for store_cache in ("", stores, stores):
            with kg_serve(data, store_cache=store_cache, **options) as server:
                took.append(server.ready)
    print(f"kg serve's start-up, to its first answer: {took[0]:.1f} s keeping no store (--store-cache ''), "
          f"{took[1]:.1f} s with an empty store cache (the store loaded and kept), {took[2]:.1f} s over the same "
          f"files again (the kept store opened); load {os.getloadavg()[0]:.1f}")


def throughput(data: Path, seconds: float, before: Path | None = None, options: dict[str, str] | None = None) -> None:
    every = entities(data)
    triples = sum(1 for _ in pyoxigraph.parse(path=data, format=pyoxigraph.RdfFormat.from_extension(data.suffix.lstrip("."))))
    print(f"throughput, median of 3 rounds of {seconds:g} s each, servers taking turns, 8 connections ({'wrk' if shutil.which('wrk') else 'Python client'}); "
          f"data {data} ({triples:,} quads); 'repeated': the same request each time, answered from kg serve's response "
          f"cache after the first; 'varied': each request for the next of {len(every):,} entities, kg serve with its "
          "response cache off (--response-cache 0), so every answer is computed; Oxigraph keeps no answers")
    rounds = 3
    cases = _cases(every)
    options = options or {}
    with tempfile.TemporaryDirectory() as directory, oxigraph_serve(data, Path(directory) / "oxigraph") as oxigraph, \
            kg_serve(data, store_cache="", **options) as kg, kg_serve(data, response_cache="0", store_cache="", **options) as kg_uncached, \
            _maybe(before and kg_serve(data, before, **options)) as old, \
            _maybe(before and kg_serve(data, before, response_cache="0", **options)) as old_uncached:
        print(f"kg serve's start-up, to its first answer (the data loaded into its store): "
              f"{kg.ready:.1f} s, {kg_uncached.ready:.1f} s (the two started one after the other; load "
              f"{os.getloadavg()[0]:.1f})")
        # the servers run at once and take turns, a short run each, so that the machine's other load
        # (it is shared) falls on all alike; the median of the rounds is reported
        runs: dict[tuple[int, str], list[float]] = {}
        for _ in range(rounds):
            for index, (_, kind, accept, ours, theirs) in enumerate(cases):
                server = kg if kind == "repeated" else kg_uncached
                runs.setdefault((index, "kg"), []).append(rate(server, ours, accept, seconds))
                if old is not None:
                    runs.setdefault((index, "before"), []).append(rate(old if kind == "repeated" else old_uncached, ours, accept, seconds))
                if theirs is not None:
                    runs.setdefault((index, "ox"), []).append(rate(oxigraph, theirs, accept, seconds))
        ox_memory = memory(oxigraph.process.pid)
        kg_memory, kg_kinds = warm_memory(kg), memory_by_kind(kg.process.pid)
        old_memory, old_kinds = (warm_memory(old), memory_by_kind(old.process.pid)) if old is not None else (None, None)
        rest(kg)
        kg_rest, kg_rest_kinds = memory(kg.process.pid), memory_by_kind(kg.process.pid)
        old_rest, old_rest_kinds = (memory(old.process.pid), memory_by_kind(old.process.pid)) if old is not None else (None, None)
    floor = in_process_rate(data, seconds)
    print(f"{'':44}{'req/s':>28}{'server CPU µs a request':>32}")
    print(f"{'':44}{'kg serve':>10}{'oxigraph':>10}{'ratio':>8}{'kg serve':>12}{'oxigraph':>10}{'ratio':>10}   target ≥ 0.50")
    for index, (label, kind, _, _, theirs) in enumerate(cases):
        ours, our_cpu = (statistics.median(values) for values in zip(*runs[index, "kg"]))
        if theirs is None:
            print(f"{label + ', ' + kind:44}{ours:10.0f}{'—':>10}{'':8}{our_cpu:12.0f}{'—':>10}")
            if before is not None:  # no ratio, but the earlier code's figures beside these
                was, was_cpu = (statistics.median(values) for values in zip(*runs[index, "before"]))
                print(f"{'  the code before':44}{was:10.0f}{'':10}{'':8}{was_cpu:12.0f}")
            continue
        other, other_cpu = (statistics.median(values) for values in zip(*runs[index, "ox"]))
        print(f"{label + ', ' + kind:44}{ours:10.0f}{other:10.0f}{ours / other:8.2f}{our_cpu:12.0f}{other_cpu:10.0f}{other_cpu / our_cpu:10.2f}")
        if before is not None:
            was, was_cpu = (statistics.median(values) for values in zip(*runs[index, "before"]))
            print(f"{'  the code before':44}{was:10.0f}{'':10}{was / other:8.2f}{was_cpu:12.0f}{'':10}{other_cpu / was_cpu:10.2f}")
    print("(the CPU ratio is Oxigraph's CPU a request over kg serve's: the rate ratio two idle cores would give,"
          " steadier than req/s on a shared machine)")
    print(f"{'every summit, pyoxigraph in-process':44}{floor:10.0f}  (no HTTP: the engine's own floor, queries/s)")
    for when, ours, kinds, was, was_kinds in (("a query worker started", kg_memory, kg_kinds, old_memory, old_kinds),
                                               ("at rest", kg_rest, kg_rest_kinds, old_rest, old_rest_kinds)):
        print(f"memory, {when}:")
        print(f"{'  RSS summed (MB)':44}{ours[0]:10.0f}{ox_memory[0]:10.0f}{ours[0] / ox_memory[0]:8.1f}")
        print(f"{'  PSS summed (MB)':44}{ours[1]:10.0f}{ox_memory[1]:10.0f}{ours[1] / ox_memory[1]:8.1f}   {kinds}")
        if was is not None:
            print(f"{'    the code before: RSS, PSS summed (MB)':44}{was[0]:10.0f}{was[1]:10.0f}{'':8}   {was_kinds}")


def warm_memory(server: Server) -> tuple[float, float]:
    """RSS and PSS summed over ``server``'s processes once the index page has been asked for as a browser
    does (four times, each on a connection of its own, so that each HTTP process is likely to make it:
    the first requests asked for RDF) and a query has started a worker."""
    for _ in range(4):
        page = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
        page.request("GET", "/", headers={"Accept": "text/html"})
        page.getresponse().read()
        page.close()
    warm = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
    warm.request("GET", "/sparql?query=" + quote("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"), headers={"Accept": JSON})
    warm.getresponse().read()
    return memory(server.process.pid)


def memory_by_kind(pid: int) -> str:
    """PSS in MB of each of ``pid``'s processes, by kind: the parent, the HTTP processes, their forkers (each
    forks its HTTP process's query workers) and the query workers; what is left of the sum (the janitor's
    shell) is a few hundred kB."""
    kinds: dict[str, list[float]] = {}
    for process in [pid, *descendants(pid)]:
        try:
            name = Path(f"/proc/{process}/comm").read_text().strip()
            rollup = Path(f"/proc/{process}/smaps_rollup").read_text()
        except OSError:
            continue  # ended meanwhile
        kind = "parent" if process == pid else {"kg-serve-http": "HTTP", "kg-serve-fork": "forkers", "kg-serve-query": "workers"}.get(name)
        if kind is not None:
            kinds.setdefault(kind, []).append(int(re.search(r"Pss:\s+(\d+)", rollup)[1]) / 1024)
    return ", ".join(f"{kind} {'+'.join(f'{pss:.0f}' for pss in sizes)}" for kind, sizes in kinds.items())


def rest(server: Server, seconds: float = 150) -> None:
    """Wait until ``server`` has no query worker left (its idle workers end) and each of its HTTP processes
    has been replaced by a new one (``--process-idle``: an idle one that has answered is), at most ``seconds``."""
    deadline = time.monotonic() + seconds
    busy = set(http_processes(server.process.pid))
    while time.monotonic() < deadline and ("workers" in memory_by_kind(server.process.pid)
                                           or busy & set(http_processes(server.process.pid))):
        time.sleep(1)


def http_processes(pid: int) -> list[int]:
    """The HTTP processes among ``pid``'s children."""
    found = []
    for child in descendants(pid):
        try:
            if Path(f"/proc/{child}/comm").read_text().strip() == "kg-serve-http":
                found.append(child)
        except OSError:
            continue  # ended meanwhile
    return found


def _maybe(server: Server | None):
    """``server``'s block, or a block that gives None."""
    return server if server is not None else contextlib.nullcontext()


# --- fairness ----------------------------------------------------------------------------


def fairness(data: Path, seconds: float) -> bool:
    with kg_serve(data, store_cache="") as kg:
        entity = entities(data, most=1)[0]
        cheap_paths = [
            "/id/" + entity.split("/id/", 1)[1], "/void", "/",
            "/sparql?query=" + quote(SMALL),
            "/sparql?query=" + quote(f"SELECT ?p ?o WHERE {{ <{entity}> ?p ?o }}"),
        ]
        expensive_path = "/sparql?query=" + quote(CARTESIAN)
        results: dict[str, list[tuple[float, int]]] = {"expensive": [], "others": []}
        lock = threading.Lock()
        deadline = time.monotonic() + seconds

        def client(index: int) -> None:
            group = "expensive" if index < 8 else "others"
            source = (f"127.0.0.{10 + index}", 0)  # one address per client: fairness is per address
            connection = http.client.HTTPConnection("127.0.0.1", kg.port, timeout=60, source_address=source)
            turn = index
            while time.monotonic() < deadline:
                path = expensive_path if group == "expensive" else cheap_paths[turn % len(cheap_paths)]
                turn += 1
                started = time.monotonic()
                try:
                    connection.request("GET", path, headers={"Accept": JSON if "sparql" in path else "text/html"})
                    response = connection.getresponse()
                    response.read()
                    status = response.status
                    if response.getheader("Connection", "").lower() == "close":
                        connection.close()
                except (OSError, http.client.HTTPException):
                    status = 599  # the connection failed: counted as a server error
                    connection.close()
                with lock:
                    results[group].append((time.monotonic() - started, status))
                if group == "expensive" and status in (429, 503):
                    time.sleep(0.05)

        threads = [threading.Thread(target=client, args=(i,)) for i in range(32)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    print(f"\nfairness: 32 clients for {seconds:g} s, 8 looping a cartesian product, 24 looping pages, /void and lookups")
    ok = True
    for group, samples in results.items():
        latencies = sorted(latency for latency, _ in samples)
        statuses = Counter(status for _, status in samples)
        p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else float("nan")
        print(f"  {group:10} {len(samples):6} requests  p50 {statistics.median(latencies) * 1000:7.1f} ms  "
              f"p95 {p95 * 1000:7.1f} ms  max {latencies[-1] * 1000:7.1f} ms  statuses {dict(sorted(statuses.items()))}")
        if group == "others":
            server_errors = sum(n for status, n in statuses.items() if status >= 500)
            ok &= p95 < 1.0 and server_errors == 0
        else:
            ok &= all(status in (200, 429, 503) for status in statuses)
    print(f"  target (others' p95 < 1 s, no 5xx but the expensive queries' own 503s): {'met' if ok else 'NOT met'}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = ROOT / "build" / "kg.trig"
    parser.add_argument("--data", type=Path, default=default if default.is_file() else FALLBACK)
    parser.add_argument("--pages", type=int, default=0, help="serve a synthetic corpus of this many pages instead")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the fairness run (0: skip)")
    parser.add_argument("--rate-seconds", type=float, default=3.0, help="length of each throughput run (0: skip)")
    parser.add_argument("--before", type=Path, help="a checkout of earlier code whose kg serve takes turns with this one's")
    parser.add_argument("--in-memory-quads", type=int, help="kg serve's --in-memory-quads (default: its own)")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up measurement")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; {time.strftime('%Y-%m-%d')}")
    with tempfile.TemporaryDirectory(prefix="serve-load-") as work:
        data = synthetic_build(args.pages, Path(work)) if args.pages else args.data
        options = {} if args.in_memory_quads is None else {"in_memory_quads": str(args.in_memory_quads)}
        if not args.no_startup:
            startup(data, options)
        if args.rate_seconds > 0:
            throughput(data, args.rate_seconds, args.before, options)
        if args.seconds > 0:
            fairness(data, args.seconds)


def synthetic_build(pages: int, work: Path) -> Path:
    """``kg build`` of a synthetic corpus of ``pages`` pages (see benchmarks/corpus_scale.py); its kg.trig."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus_scale import synthetic_export

    export = work / "corpus.xml"
    export.write_text(synthetic_export(pages), encoding="utf-8")
    started = time.monotonic()
    built = subprocess.run([str(BIN / "kg"), "build", str(export), "--out", str(work / "out")],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    data = work / "out" / "kg.trig"
    if built.returncode not in (0, 1) or not data.is_file():  # 1: written, with pages that did not conform set aside
        raise SystemExit(f"kg build of the synthetic corpus failed (exit status {built.returncode})")
    print(f"built a synthetic corpus of {pages} pages in {time.monotonic() - started:.0f} s")
    return data


if __name__ == "__main__":
    main()
