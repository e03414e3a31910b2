"""SPARQL queries answered by worker processes, within the server's time and size limits.

pyoxigraph cannot interrupt a running query from another thread, so each query runs in
a worker process; one that outlives the time limit is ended and replaced in the background.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import NamedNode, Store

from kg.errors import QueryError
from kg.server.negotiation import negotiate
from kg.query import Boolean, GraphFormat, ResultFormat, Triples, execute, write_graph, write_results
from kg.server.settings import Settings
from kg.store import load_store


@dataclass(frozen=True)
class Reply:
    """An HTTP answer."""

    status: int
    media_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()



TEXT = "text/plain; charset=utf-8"


def text_reply(status: int, message: str) -> Reply:
    """A plain-text reply, for errors."""
    return Reply(status, TEXT, (message + "\n").encode("utf-8"))


@dataclass(frozen=True)
class QueryRequest:
    """A SPARQL query to answer, with how the client wants the answer."""

    sparql: str
    accept: str
    format: str | None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


#: The ``format=`` / ``output=`` names clients send, for each kind of result.
_RESULT_NAMES = {"json": ResultFormat.JSON, "xml": ResultFormat.XML, "csv": ResultFormat.CSV, "tsv": ResultFormat.TSV}
_GRAPH_NAMES = {
    "turtle": GraphFormat.TURTLE, "ttl": GraphFormat.TURTLE, "n3": GraphFormat.TURTLE,
    "json-ld": GraphFormat.JSON_LD, "jsonld": GraphFormat.JSON_LD, "json": GraphFormat.JSON_LD,
    "n-triples": GraphFormat.N_TRIPLES, "nt": GraphFormat.N_TRIPLES, "ntriples": GraphFormat.N_TRIPLES,
    "xml": GraphFormat.RDF_XML, "rdf": GraphFormat.RDF_XML, "rdfxml": GraphFormat.RDF_XML,
}
_RESULT_TYPES = {
    "application/sparql-results+json": ResultFormat.JSON, "application/json": ResultFormat.JSON,
    "application/sparql-results+xml": ResultFormat.XML, "application/xml": ResultFormat.XML, "text/xml": ResultFormat.XML,
    "text/csv": ResultFormat.CSV, "text/tab-separated-values": ResultFormat.TSV,
}
_GRAPH_TYPES = {
    "text/turtle": GraphFormat.TURTLE, "application/x-turtle": GraphFormat.TURTLE, "text/n3": GraphFormat.TURTLE,
    "application/ld+json": GraphFormat.JSON_LD, "application/json": GraphFormat.JSON_LD,
    "application/n-triples": GraphFormat.N_TRIPLES, "text/plain": GraphFormat.N_TRIPLES,
    "application/rdf+xml": GraphFormat.RDF_XML, "application/xml": GraphFormat.RDF_XML,
}


def choose_result_format(request: QueryRequest) -> ResultFormat:
    if request.format and request.format.lower() in _RESULT_NAMES:
        return _RESULT_NAMES[request.format.lower()]
    offer = negotiate(request.accept, list(_RESULT_TYPES))
    return _RESULT_TYPES.get(offer or "", ResultFormat.JSON)


def choose_graph_format(request: QueryRequest) -> GraphFormat:
    if request.format and request.format.lower() in _GRAPH_NAMES:
        return _GRAPH_NAMES[request.format.lower()]
    offer = negotiate(request.accept, list(_GRAPH_TYPES))
    return _GRAPH_TYPES.get(offer or "", GraphFormat.TURTLE)


def answer_query(store: Store, request: QueryRequest, settings: Settings) -> Reply:
    """The reply to one SPARQL query (what a worker process computes)."""
    try:
        result = execute(
            store,
            request.sparql,
            max_results=settings.result_limit,
            allow_service=settings.allow_service,
            default_graphs=[NamedNode(g) for g in request.default_graphs],
            named_graphs=[NamedNode(g) for g in request.named_graphs],
        )
        if isinstance(result, Triples):
            graph_format = choose_graph_format(request)
            return Reply(200, with_charset(graph_format.media_type), write_graph(result, graph_format))
        result_format = choose_result_format(request)
        if isinstance(result, Boolean) and result_format in (ResultFormat.CSV, ResultFormat.TSV):
            result_format = ResultFormat.JSON
        return Reply(200, with_charset(result_format.media_type), write_results(result, result_format))
    except QueryError as error:
        return text_reply(400, str(error))
    except ValueError as error:  # a graph name that is not an IRI
        return text_reply(400, f"bad graph IRI in the request: {error}")


def with_charset(media_type: str) -> str:
    """``media_type`` with ``; charset=utf-8`` unless it names a charset."""
    return media_type if "charset" in media_type else media_type + "; charset=utf-8"


# --- worker processes ----------------------------------------------------------------------


def _work(connection, data: tuple[Path, ...], settings: Settings) -> None:
    """A worker process: load the data once, then answer queries until the pipe closes."""
    store = load_store(data)
    connection.send("ready")
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(answer_query(store, request, settings))


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: object


class QueryPool:
    """Worker processes that answer SPARQL queries within the time limit.

    A worker that is still busy when the limit is reached is ended and replaced in the
    background; the client gets a 503 that says so. Workers start on the first query.
    """

    def __init__(self, data: tuple[Path, ...], settings: Settings) -> None:
        self._data = data
        self._settings = settings
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._started = False
        self._lock = threading.Lock()
        self._all: set[_Worker] = set()
        self._restocking: list[threading.Thread] = []
        self._closed = False

    def _start_worker(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_work, args=(child, self._data, self._settings), daemon=True)
        process.start()
        child.close()
        try:
            ready = parent.poll(120) and parent.recv() == "ready"
        except (EOFError, OSError):
            ready = False
        if not ready:
            process.kill()
            process.join(5)
            raise QueryError("a query worker process could not start or load the data; see the server's error output")
        worker = _Worker(process, parent)
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        self._stop(worker)
        thread = threading.Thread(target=self._restock, daemon=True)
        self._restocking.append(thread)
        thread.start()

    def _restock(self) -> None:
        if not self._closed:
            self._idle.put(self._start_worker())

    def _stop(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(5)
        worker.connection.close()
        with self._lock:
            self._all.discard(worker)

    def run(self, request: QueryRequest) -> Reply:
        """The reply to ``request``; a 503 when it ran out of time or no worker was free."""
        timeout = self._settings.query_timeout
        with self._lock:
            start = not self._started
            self._started = True
        if start:
            try:
                for _ in range(self._settings.workers):
                    self._idle.put(self._start_worker())
            except QueryError as error:
                with self._lock:
                    self._started = False
                return text_reply(503, str(error))
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            return text_reply(503, f"all {self._settings.workers} query workers stayed busy for {timeout:g} s; try again later")
        try:
            worker.connection.send(request)
            if worker.connection.poll(timeout):
                reply = worker.connection.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            self._replace(worker)
            return text_reply(500, "the query worker died; the query may have exhausted memory")
        self._replace(worker)
        return text_reply(
            503, f"the query ran longer than {timeout:g} s, the limit here, and was stopped; add LIMIT or narrow the query"
        )

    def close(self) -> None:
        """End every worker."""
        self._closed = True
        for thread in self._restocking:
            thread.join(120)
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            self._stop(worker)
