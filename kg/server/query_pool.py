"""SPARQL queries answered within the server's time, size and fairness limits.

pyoxigraph cannot interrupt a running query from another thread, so a query that may run
long runs in a worker process; one that outlives the time limit is ended and replaced in
the background. A query that is refused (SERVICE, too deep, does not parse) never reaches
a worker, and a *cheap* one (see :func:`kg.query_guard.check_query`) is answered in the
server's own process within a short budget, so it never waits behind expensive ones.

Fairness: each client address may have :attr:`Settings.client_queries` queries with the
workers at once (more get 429), and a query waits at most :attr:`Settings.queue_wait`
seconds for a worker busy with another query to come free (then 503), and for one that is
starting as long as it starts. A worker the engine crashes is replaced, and the client told
what the crash means: 413 when the query ran out of memory (a result too large), 400 when
the engine could not cope with its shape (too complex).
"""

from __future__ import annotations

import os
import signal
import queue
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache
from multiprocessing.connection import Connection
from pathlib import Path

from pyoxigraph import NamedNode, QueryBoolean, QuerySolutions, Store

from kg.errors import QueryError, QueryTimeout
from kg.sandbox import deny_network
from kg.reply import Reply
from kg.query import Boolean, GraphFormat, ResultFormat, Triples, execute, minted_case, minted_tags, write_graph, write_results
from kg.server.admission import TEXT, Admission, in_flight_limit  # noqa: F401 - the pool's limits, here for its users
from kg.server.forker import Adopted, Forker
from kg.server.naming import WORKER_NAME, name_process
from kg.server.settings import Settings



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
#: What an ASK result is offered in: JSON and XML only.
_BOOLEAN_OFFERS = {media: fmt for media, fmt in _RESULT_TYPES.items() if fmt in (ResultFormat.JSON, ResultFormat.XML)}
_GRAPH_TYPES = {
    "text/turtle": GraphFormat.TURTLE, "application/x-turtle": GraphFormat.TURTLE, "text/n3": GraphFormat.TURTLE,
    "application/ld+json": GraphFormat.JSON_LD, "application/json": GraphFormat.JSON_LD,
    "application/n-triples": GraphFormat.N_TRIPLES, "text/plain": GraphFormat.N_TRIPLES,
    "application/rdf+xml": GraphFormat.RDF_XML, "application/xml": GraphFormat.RDF_XML,
}


def choose_result_format(request: QueryRequest, *, boolean: bool = False) -> ResultFormat | None:
    """The results format ``format=`` names, else the best the client accepts; None when it
    accepts none (a 406). An ASK result (``boolean``) is offered in JSON and XML only."""
    return _result_format(request.format, request.accept, boolean)


@lru_cache(maxsize=1024)
def _result_format(named: str | None, accept: str, boolean: bool) -> ResultFormat | None:
    """Remembered: clients send the same few Accept headers, and each query asks."""
    from kg.server.negotiation import negotiate  # here: a query worker is told the formats (it holds no werkzeug)

    if named and named.lower() in _RESULT_NAMES:
        return _RESULT_NAMES[named.lower()]
    offers = _result_offers(boolean=boolean)
    offer = negotiate(accept, tuple(offers))
    return offers[offer] if offer is not None else None


def _result_offers(*, boolean: bool) -> dict[str, ResultFormat]:
    return _BOOLEAN_OFFERS if boolean else _RESULT_TYPES


def choose_graph_format(request: QueryRequest) -> GraphFormat | None:
    """The RDF format ``format=`` names, else the best the client accepts; None when it accepts none (a 406)."""
    from kg.server.negotiation import negotiate  # here: a query worker is told the formats (it holds no werkzeug)

    if request.format and request.format.lower() in _GRAPH_NAMES:
        return _GRAPH_NAMES[request.format.lower()]
    offer = negotiate(request.accept, tuple(_GRAPH_TYPES))
    return _GRAPH_TYPES[offer] if offer is not None else None


@dataclass(frozen=True)
class Formats:
    """What the answer to a request is written in, for each kind of answer; None where the
    client accepts none of its formats (a 406)."""

    results: ResultFormat | None  # a SELECT's
    boolean: ResultFormat | None  # an ASK's
    graph: GraphFormat | None  # a CONSTRUCT's or a DESCRIBE's

    @classmethod
    def negotiated(cls, request: QueryRequest) -> Formats:
        """The formats ``request`` asks for (its ``format=``, else its Accept header).

        >>> formats = Formats.negotiated(QueryRequest("ASK {}", "text/csv", None))
        >>> formats.results.name, formats.boolean, formats.graph
        ('CSV', None, None)
        >>> import pickle; pickle.loads(pickle.dumps(formats)) == formats
        True
        """
        return cls(choose_result_format(request), choose_result_format(request, boolean=True),
                   choose_graph_format(request))

    def for_results(self, *, boolean: bool) -> ResultFormat | None:
        return self.boolean if boolean else self.results

    def __reduce__(self):  # sent to a worker by the formats' names: their values, pyoxigraph's, do not pickle
        return _named_formats, tuple(None if f is None else f.name for f in (self.results, self.boolean, self.graph))


def _named_formats(results: str | None, boolean: str | None, graph: str | None) -> Formats:
    return Formats(results and ResultFormat[results], boolean and ResultFormat[boolean], graph and GraphFormat[graph])


def _not_acceptable(what: str, offers: dict) -> Reply:
    return text_reply(406, f"{what} is written as {', '.join(offers)}; the request's Accept allows none of them")


#: Seconds a cheap query may take in the server's own process before it is handed to a worker.
CHEAP_BUDGET = 0.5


def answer_query(store: Store, request: QueryRequest, settings: Settings, *, deadline: float | None = None,
                 checked: bool = False, formats: Formats | None = None) -> Reply:
    """The reply to one SPARQL query (what a worker process computes, or the server for a cheap one);
    ``checked``: :func:`~kg.query_guard.check_query` has accepted it already (see :func:`~kg.query.execute`);
    ``formats``: what the request's Accept header and ``format=`` were negotiated to (else they are here).

    Raises :class:`~kg.errors.QueryTimeout` when ``deadline`` (a :func:`time.monotonic`
    instant) passes while the answer is read.
    """
    try:
        result = execute(
            store,
            request.sparql,
            max_results=settings.result_limit,
            allow_service=settings.allow_service,
            default_graphs=[NamedNode(g) for g in request.default_graphs],
            named_graphs=[NamedNode(g) for g in request.named_graphs],
            deadline=deadline,
            checked=checked,
        )
        formats = formats or Formats.negotiated(request)
        if isinstance(result, Triples):
            graph_format = formats.graph
            if graph_format is None:
                return _not_acceptable("a CONSTRUCT or DESCRIBE result", _GRAPH_TYPES)
            return Reply(200, with_charset(graph_format.media_type), write_graph(result, graph_format))
        boolean = isinstance(result, Boolean)
        result_format = formats.for_results(boolean=boolean)
        if result_format is None:
            return _not_acceptable("an ASK result" if boolean else "a SELECT result", _result_offers(boolean=boolean))
        if boolean and result_format in (ResultFormat.CSV, ResultFormat.TSV):  # format=csv: CSV cannot hold one
            result_format = ResultFormat.JSON
        return Reply(200, with_charset(result_format.media_type), write_results(result, result_format))
    except QueryTimeout:
        raise
    except QueryError as error:
        return text_reply(400, str(error))
    except ValueError as error:  # a graph name that is not an IRI
        return text_reply(400, f"bad graph IRI in the request: {error}")
    except MemoryError:
        return _TOO_LARGE


def answer_directly(store: Store, request: QueryRequest, settings: Settings, *, deadline: float) -> Reply | None:
    """The reply to a cheap SELECT or ASK written by the engine itself, or None when that cannot
    be decided here (then :func:`answer_query` answers, row by row).

    The engine streams the results into the body with no Python per row; the rows are then
    counted from above (:func:`_most_rows`). A result that may hold more than
    ``result_limit`` rows, a body past :data:`DIRECT_BYTES`, a query past ``deadline``, a
    graph result and anything the engine refuses go the careful way: the limit and the
    messages stay exact.
    """
    if request.default_graphs or request.named_graphs:
        return None
    try:
        answer = store.query(request.sparql, use_default_graph_as_union=True)
    except (SyntaxError, OSError, RuntimeError, ValueError):
        return None
    if not isinstance(answer, (QuerySolutions, QueryBoolean)):
        return None
    boolean = isinstance(answer, QueryBoolean)
    result_format = choose_result_format(request, boolean=boolean)
    if result_format is None:
        return None  # a 406, said the careful way
    if boolean and result_format in (ResultFormat.CSV, ResultFormat.TSV):
        result_format = ResultFormat.JSON
    engine_format, media_type = _WRITTEN[result_format]
    body = _Body(DIRECT_BYTES, deadline)
    try:
        answer.serialize(body, format=engine_format)
    except Exception:  # noqa: BLE001 - too long, too late, or the engine's own error: answered the careful way
        return None
    text = b"".join(body.parts)
    if not boolean and _most_rows(text, result_format) > settings.result_limit:
        return None  # perhaps past the limit: the careful way counts exactly and says so
    return Reply(200, media_type, _minted(text, result_format))


#: Most bytes of a result the server writes by itself; a longer one is left to the careful way.
DIRECT_BYTES = 16 * 1024 * 1024


def _most_rows(text: bytes, result_format: ResultFormat) -> int:
    """At least as many as the rows in ``text``, a SELECT result as the engine writes it.

    Every row but the first follows a ``},{`` (JSON) or starts a ``<result>`` (XML, where
    a ``<`` in a value is escaped), every row ends a line (CSV, TSV, after the header); a
    value holding these only makes the count larger, never smaller.

    >>> _most_rows(b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"a"}},{"s":{"type":"uri","value":"b"}}]}}', ResultFormat.JSON)
    2
    """
    if result_format is ResultFormat.JSON:
        return text.count(b"},{") + 1
    if result_format is ResultFormat.XML:
        return text.count(b"<result>")
    return text.count(b"\n")


#: What a result must hold for :func:`~kg.query.minted_tags` to change it: an ``xml:lang`` key
#: (JSON), attribute (XML), or a string followed by a tag (TSV; CSV has no tags but is read alike).
_TAG_MARKS = {ResultFormat.JSON: b'"xml:lang"', ResultFormat.XML: b"xml:lang"}


def _minted(body: bytes, result_format: ResultFormat) -> bytes:
    r"""``body`` with language tags as minted, like :func:`~kg.query.write_results` (skipped when it holds none).

    The engine writes SPARQL JSON without spaces, so in JSON each tag is the value of a
    ``"xml:lang":"…"`` that no string value can hold (its quotes would be escaped): each
    distinct tag is put back by one replacement, not by a regular expression's callback per
    tag (a fifth of a small query's time here): the body is split at each ``"xml:lang":"`` and each
    piece's tag (up to its first quote) written again as minted, not found by a pattern and put
    back by a replacement of the whole body for each (5.5 → 3 µs for a result of four rows).

    >>> _minted(b'{"o":{"type":"literal","value":"\\"xml:lang\\":\\"zh-hant\\"","xml:lang":"zh-hant"}}', ResultFormat.JSON)
    b'{"o":{"type":"literal","value":"\\"xml:lang\\":\\"zh-hant\\"","xml:lang":"zh-Hant"}}'
    """
    if _TAG_MARKS.get(result_format, b'"@') not in body:
        return body
    if result_format is not ResultFormat.JSON:
        return minted_tags(body, xml=result_format is ResultFormat.XML)
    pieces = body.split(_JSON_LANG_KEY)
    for index in range(1, len(pieces)):
        tag, quote, rest = pieces[index].partition(b'"')
        if quote:
            minted = _minted_tag(tag)
            if minted != tag:
                pieces[index] = minted + quote + rest
    return _JSON_LANG_KEY.join(pieces)


#: What precedes a language tag in SPARQL JSON results as the engine writes them.
_JSON_LANG_KEY = b'"xml:lang":"'


@lru_cache(maxsize=256)
def _minted_tag(tag: bytes) -> bytes:
    return minted_case(tag.decode()).encode()


class _Body:
    """Where the engine writes a result: stops it past ``limit`` bytes or ``deadline``."""

    def __init__(self, limit: int, deadline: float) -> None:
        self.parts: list[bytes] = []
        self.left, self.deadline = limit, deadline

    def write(self, data: bytes) -> int:
        self.left -= len(data)
        if self.left < 0 or time.monotonic() > self.deadline:
            raise QueryTimeout("the answer is longer or later than the server answers by itself")
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def with_charset(media_type: str) -> str:
    """``media_type`` with ``; charset=utf-8`` unless it names a charset."""
    return media_type if "charset" in media_type else media_type + "; charset=utf-8"


#: Each results format as the engine names it, and its media type as sent (read once: an enum's value costs a call).
_WRITTEN = {result_format: (result_format.value, with_charset(result_format.media_type)) for result_format in ResultFormat}


_TOO_LARGE = text_reply(413, "the query needed more memory than a query may have here (its result or an intermediate "
                             "one is too large); add LIMIT or narrow the query")
_TOO_COMPLEX = text_reply(400, "the query is too complex for the engine (it failed on the query's shape); simplify it")


# --- worker processes ----------------------------------------------------------------------


def worker_main(descriptor: int) -> None:
    """A query worker's program (see :data:`_WORKER_PROGRAM`): what it is to open comes first over the
    connection ``descriptor`` (one end of a socket pair), then the queries."""
    connection = Connection(descriptor)
    directory, settings = connection.recv()
    name_process(WORKER_NAME)
    _work(connection, directory, settings)


def _work(connection, directory: str, settings: Settings) -> None:
    """A worker process: open the served store read-only, then answer queries until the connection closes.

    Its queries come from its HTTP process, which has read each one (:func:`~kg.query_guard.check_query`)
    and negotiated the formats of its answer (:class:`Formats`) before handing it over: the worker
    reads no query and no Accept header again, so it holds none of rdflib nor werkzeug.
    """
    from pyoxigraph import Store

    store = Store.read_only(directory)
    _limit_memory(settings.worker_memory)  # after opening and loading: the cap is for queries, not for starting
    if not settings.allow_service:
        deny_network()  # the engine has no federation switch: this process may open no IP socket
    connection.send("ready")
    while True:
        try:
            request, formats = connection.recv()
        except (EOFError, OSError):
            return
        try:
            reply = answer_query(store, request, settings, checked=True, formats=formats)
        except MemoryError:
            reply = _TOO_LARGE
        except Exception as error:  # noqa: BLE001 - a panic in the engine (pyo3's PanicException) is a BaseException
            reply = _engine_failure(error)
        except BaseException as error:  # noqa: BLE001
            if isinstance(error, (KeyboardInterrupt, SystemExit)):
                raise
            reply = _engine_failure(error)
        connection.send(reply)


#: How a query worker starts without a forker (:mod:`kg.server.forker`): a new interpreter given one end of a
#: socket pair. Not forked: its HTTP process runs threads, which a fork would not carry; not multiprocessing's
#: spawn either, which starts its resource tracker (a process of 13 MB) beside the server.
_WORKER_PROGRAM = "import sys; from kg.server.query_pool import worker_main; worker_main(int(sys.argv[1]))"


def _start_program(stderr_path: str) -> tuple[subprocess.Popen, Connection]:
    """A new query worker process, its error output going to ``stderr_path``, and the connection to it."""
    mine, its = socket.socketpair()
    code = str(Path(__file__).resolve().parents[2])  # the kg it runs is its HTTP process's, wherever that came from
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (code, os.environ.get("PYTHONPATH"))))}
    try:
        with open(stderr_path, "wb") as stderr:
            process = subprocess.Popen([sys.executable, "-c", _WORKER_PROGRAM, str(its.fileno())], pass_fds=(its.fileno(),),
                                       stdin=subprocess.DEVNULL, stderr=stderr, env=environment)
    except BaseException:
        mine.close()
        raise
    finally:
        its.close()
    return process, Connection(mine.detach())


def _engine_failure(error: BaseException) -> Reply:
    print(f"kg serve worker: the engine failed on a query: {type(error).__name__}: {error}", file=sys.stderr, flush=True)
    return _TOO_COMPLEX


def _limit_memory(megabytes: int) -> None:
    """Cap this process's address space at what it holds now plus ``megabytes``, so a runaway
    query fails here and not the machine.

    The cap counts from what the worker has reserved once started, not from zero: a started
    worker reserves 600 MB to over a gigabyte of address space (libraries, and 64 MB for each
    of glibc's allocation arenas, whose number depends on how its threads met while it
    started), so a cap from zero could leave a new worker no room. Then the first thread it
    starts for a query fails as it begins, and Python's ``Thread.start`` waits for it forever
    (seen: a replacement worker that never answered until the time limit).
    """
    try:
        import resource

        limit = _address_space() + megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass  # not on this platform: the timeout still bounds the query


def _address_space() -> int:
    """Bytes of address space this process holds (Linux; raises OSError elsewhere)."""
    with open("/proc/self/statm", "rb") as file:
        return int(file.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


#: What a worker's last words say, lower-cased, when it died for want of memory: Rust's allocation failure,
#: C++'s (``terminate called after throwing an instance of 'std::bad_alloc'``), Python's, and errno 12.
_OUT_OF_MEMORY = ("memory allocation", "bad_alloc", "memoryerror", "out of memory", "cannot allocate memory")


def crash_reply(exitcode: int | None, stderr_tail: str) -> Reply:
    """What a worker's death means for the client, from its exit status and last words.

    Both of the engine's languages abort when an allocation fails under the worker's memory cap:
    its Rust says ``memory allocation of … failed``, the C++ of its storage (RocksDB) ends on an
    uncaught ``std::bad_alloc`` (seen in a fresh-clone CI run, answered 400 before it was read here).

    >>> crash_reply(-6, "memory allocation of 1073741824 bytes failed").status
    413
    >>> crash_reply(-11, "").status
    400
    """
    if any(sign in stderr_tail.lower() for sign in _OUT_OF_MEMORY):
        return _TOO_LARGE
    if exitcode == -signal.SIGKILL:  # not us: the kernel's OOM killer
        return _TOO_LARGE
    return _TOO_COMPLEX


#: Most seconds a new worker may take to start and open the store before it is given up.
WORKER_START_SECONDS = 120


@dataclass(eq=False)
class _Worker:
    process: subprocess.Popen | Adopted
    connection: Connection
    stderr_path: str
    #: when it last came free (:func:`time.monotonic`): an idle worker ends after ``worker_idle`` seconds
    idle_since: float = field(default_factory=time.monotonic)

    def last_words(self) -> str:
        try:
            with open(self.stderr_path, "rb") as file:
                file.seek(0, os.SEEK_END)
                file.seek(max(0, file.tell() - 4096))
                return file.read().decode("utf-8", errors="replace")
        except OSError:
            return ""


class QueryPool:
    """Worker processes that answer SPARQL queries within the time limit, fairly.

    A worker that is still busy when the limit is reached is ended and replaced in the
    background; the client gets a 503 that says so. Workers start when a query finds none free
    (up to the pool's number), and one left idle for :attr:`Settings.worker_idle` seconds ends:
    each holds about 16 MB of its own (forked: the store's block cache and what it wrote), which a
    server that answers only pages and cheap queries, most of the time, need not keep.
    """

    def __init__(self, store: Path, logs: Path, settings: Settings, *, admission: Admission | None = None,
                 workers: int | None = None, forker: Forker | None = None) -> None:
        """``store``: the on-disk store the workers open read-only; ``logs``: where their error output goes
        (a directory its owner removes; each worker's file is removed when the worker ends); ``forker``: what
        forks the workers (``kg serve``'s HTTP processes), else each is a new interpreter."""
        self._forker = forker
        self._directory = str(store)
        self._logs = str(logs)
        self._settings = settings
        #: the limits on queries with the workers; shared with the server's other HTTP processes when given
        self._admission = admission if admission is not None else Admission(settings)
        #: this pool's worker processes: the setting, or this HTTP process's share of it
        self._workers = workers or settings.workers
        #: workers free for a query, or the error of one that could not start in place of another
        self._idle: queue.Queue[_Worker | QueryError] = queue.Queue()
        self._lock = threading.Lock()
        self._all: set[_Worker] = set()
        #: workers running or starting (at most ``_workers``), counted under ``_lock``
        self._live = 0
        #: replacements starting in the background (:meth:`_replace`), counted under ``_lock``
        self._starting = 0
        self._restocking: list[threading.Thread] = []
        self._closed = False
        self._closing = threading.Event()
        self._retiring: threading.Thread | None = None

    def _start_worker(self) -> _Worker:
        descriptor, stderr_path = tempfile.mkstemp(dir=self._logs, prefix="worker-", suffix=".log")
        os.close(descriptor)
        try:
            process, connection = self._start_process(stderr_path)
        except OSError as error:
            raise QueryError(f"a query worker process could not start ({error}); see the server's error output") from None
        try:
            connection.send((self._directory, self._settings))
            ready = connection.poll(WORKER_START_SECONDS) and connection.recv() == "ready"
        except (EOFError, OSError):
            ready = False
        if not ready:
            process.kill()
            _reap(process)
            connection.close()
            raise QueryError("a query worker process could not start or open the data; see the server's error output")
        worker = _Worker(process, connection, stderr_path)
        with self._lock:
            self._all.add(worker)
        return worker

    def _start_process(self, stderr_path: str) -> tuple[subprocess.Popen | Adopted, Connection]:
        """A worker forked by the forker, or, without one (or once it is gone), a new interpreter."""
        if self._forker is not None:
            try:
                process, mine = self._forker.start(stderr_path)
                return process, Connection(mine.detach())
            except OSError as error:
                print(f"kg serve: {error}; query workers start as new interpreters from now on", file=sys.stderr, flush=True)
                self._forker = None
        return _start_program(stderr_path)

    def _replace(self, worker: _Worker | None) -> None:
        """End ``worker`` (when given) and start another in the background."""
        if worker is not None:
            self._stop(worker)
        with self._lock:
            self._live += 1
            self._starting += 1
        thread = threading.Thread(target=self._restock, daemon=True)
        with self._lock:
            self._restocking = [*(t for t in self._restocking if t.is_alive()), thread]
        thread.start()

    def _restock(self) -> None:
        """Put a new worker in the idle queue; or, when it cannot start, the error, so that the
        request that takes it is told at once (and the next request tries again), not after
        waiting its whole ``queue_wait`` for a worker that never comes."""
        try:
            if self._closed:
                with self._lock:
                    self._live -= 1
                return
            try:
                self._idle.put(self._start_worker())
            except QueryError as error:
                with self._lock:
                    self._live -= 1
                print(f"kg serve: {error}", file=sys.stderr, flush=True)
                self._idle.put(error)
        finally:
            with self._lock:
                self._starting -= 1

    def _stop(self, worker: _Worker) -> None:
        worker.process.kill()
        _reap(worker.process)
        worker.connection.close()
        with self._lock:
            if worker in self._all:
                self._all.discard(worker)
                self._live -= 1
        try:
            os.unlink(worker.stderr_path)
        except OSError:
            pass

    def _take(self, wait: float) -> _Worker | QueryError | None:
        """A free worker: an idle one, else a new one while the pool has fewer than its number,
        else the first to come free within ``wait`` seconds, or later while a replacement is still
        starting (None when none did).

        Raises :class:`~kg.errors.QueryError` when a new worker cannot start.
        """
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            start = self._live < self._workers and not self._closed
            if start:
                self._live += 1
        if start:
            try:
                worker = self._start_worker()
            except QueryError:
                with self._lock:
                    self._live -= 1
                raise
            self._retire_when_idle()
            return worker
        try:
            return self._idle.get(timeout=wait)
        except queue.Empty:
            pass
        return self._take_starting()

    def _take_starting(self) -> _Worker | QueryError | None:
        """The worker a replacement starting in the background puts free, waited for as long as a
        worker may take to start (None when none is starting, or another request took it).

        ``queue_wait`` bounds the wait for workers busy with other queries, not for one that is
        starting: on a loaded machine a replacement (for a worker that died or overran the time
        limit) took more than the 2 s of ``queue_wait`` to start, and the next query, which would
        have waited for a worker it started itself, got 503 with no worker busy.
        """
        deadline = time.monotonic() + WORKER_START_SECONDS
        while True:
            with self._lock:
                starting = self._starting and not self._closed
            try:  # looked at once more when none is starting: one may have come free as the last started
                return self._idle.get(timeout=min(0.1, max(0.0, deadline - time.monotonic())) if starting else 0)
            except queue.Empty:
                if not starting or time.monotonic() >= deadline:
                    return None

    def _retire_when_idle(self) -> None:
        """Start the thread that ends workers idle for ``worker_idle`` seconds (once; none when 0)."""
        idle = self._settings.worker_idle
        with self._lock:
            if self._retiring is not None or not idle:
                return
            self._retiring = threading.Thread(target=self._retire, args=(idle,), daemon=True, name="kg-retire-workers")
        self._retiring.start()

    def _retire(self, idle: float) -> None:
        while not self._closing.wait(idle / 4):
            kept = []
            while True:
                try:
                    kept.append(self._idle.get_nowait())
                except queue.Empty:
                    break
            now = time.monotonic()
            for worker in kept:
                if isinstance(worker, _Worker) and now - worker.idle_since >= idle:
                    self._stop(worker)  # the next query that finds none free starts another
                else:
                    self._idle.put(worker)

    def run(self, request: QueryRequest, *, client: str = "") -> Reply:
        """The reply to ``request`` from ``client`` (its address): 429 when that client has
        too many queries here already, 503 when no worker came free in time or the query
        ran out of time. The caller has had :func:`~kg.query_guard.check_query` accept the
        query: the worker runs it without reading it again."""
        refused = self._admission.enter(client)
        if refused is not None:
            return refused
        try:
            return self._run(request)
        finally:
            self._admission.leave(client)

    def _run(self, request: QueryRequest) -> Reply:
        wait, timeout = self._settings.queue_wait, self._settings.query_timeout
        try:
            worker = self._take(wait)
        except QueryError as error:
            return text_reply(503, str(error))
        if worker is None:
            return Reply(503, TEXT, f"all {self._settings.workers} query workers stayed busy for {wait:g} s; "
                                    "try again later\n".encode(), (("Retry-After", "5"),))
        if isinstance(worker, QueryError):  # a replacement could not start: try again, for the next request
            self._replace(None)
            return Reply(503, TEXT, f"{worker}\n".encode(), (("Retry-After", "5"),))
        try:
            worker.connection.send((request, Formats.negotiated(request)))
            if worker.connection.poll(timeout):
                reply = worker.connection.recv()
                if reply.status == 413:  # it ran out of memory: what it holds now is no start for another query
                    self._replace(worker)
                else:
                    worker.idle_since = time.monotonic()
                    self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            _reap(worker.process)
            last_words = worker.last_words()
            reply = crash_reply(worker.process.returncode, last_words)
            words = last_words.strip().splitlines()
            telling = [line for line in words if any(sign in line.lower() for sign in _OUT_OF_MEMORY)] or words[-1:]
            said = f": {telling[0][:200]}" if telling else ", saying nothing"
            print(f"kg serve: a query worker died (exit status {worker.process.returncode}{said}); answered {reply.status}",
                  file=sys.stderr, flush=True)
            self._replace(worker)
            return reply
        self._replace(worker)
        return text_reply(
            503, f"the query ran longer than {timeout:g} s, the limit here, and was stopped; add LIMIT or narrow the query"
        )

    def close(self) -> None:
        """End every worker."""
        self._closed = True
        self._closing.set()
        for thread in [*self._restocking, *filter(None, [self._retiring])]:
            thread.join(120)
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            self._stop(worker)


def _reap(process: subprocess.Popen | Adopted) -> None:
    """Wait up to 5 s for ``process`` to end (it was killed, or its connection broke)."""
    try:
        process.wait(5)
    except subprocess.TimeoutExpired:
        pass
