"""A read-only linked-data server: SPARQL 1.1 Protocol, entity pages, the dataset description.

A plain WSGI application (stdlib + pyoxigraph) served by waitress. Routes:

- ``/`` the summits; ``/id/{kind}/{key}`` the entity ``{base}{kind}/{key}`` as HTML,
  Turtle, JSON-LD or N-Triples (content negotiation, or ``?format=``); ``/void`` the
  dataset description;
- ``/sparql`` the SPARQL 1.1 Protocol (GET, POST urlencoded or ``application/sparql-query``),
  a service description without a query, the query page in a browser. Updates are
  refused (403), other methods get 405. CORS is open: the data is public.

pyoxigraph cannot interrupt a running query from another thread, so queries run in
worker processes: a query that outlives the time limit is stopped by ending its worker,
which is replaced in the background. Results larger than the limit are refused.

    >>> app = App(Settings(), data=(Path("tests/data/query/fixture.trig"),))
    >>> request(app, "/void", accept="text/turtle").status
    200
"""

from __future__ import annotations

import io
import multiprocessing
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, unquote_to_bytes, urlsplit

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    RdfFormat,
    Store,
    Triple,
    parse,
    parse_query_results,
    serialize,
)

from kg.errors import ConfigError, QueryError
from kg.pages import (
    EntityView,
    Link,
    Script,
    Statement,
    SummitItem,
    TableView,
    entity_page,
    error_page,
    index_page,
    pick_label,
    query_href,
    query_page,
)
from kg.query import (
    Boolean,
    GraphFormat,
    ResultFormat,
    Triples,
    execute,
    named_queries,
    short,
    write_graph,
    write_results,
)
from kg.store import default_graph_triples, graph_names, load_store, triples_about, triples_pointing_at
from kg.vocab import DEFAULT_BASE

SKG = "https://w3id.org/summit-kg/ontology#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
DCT_TITLE = NamedNode("http://purl.org/dc/terms/title")
OWL_SAME_AS = NamedNode("http://www.w3.org/2002/07/owl#sameAs")
DERIVED_FROM = NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
SUPPORTED_BY = NamedNode(SKG + "supportedBy")
VOID_DATASET = NamedNode("http://rdfs.org/ns/void#Dataset")
WIKIDATA = "http://www.wikidata.org/entity/"

MAX_BODY = 1_000_000  # bytes of a POSTed query


# --- settings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Setting:
    """One server setting: its name, default and meaning, and what values it accepts."""

    name: str
    default: object
    help: str
    check: Callable[[object], bool]
    expected: str  # what check accepts, for the error message


#: The one table that drives ``kg serve``'s options and help, the docs, and validation.
SETTINGS: tuple[Setting, ...] = (
    Setting("host", "127.0.0.1", "Address to listen on.", lambda v: bool(str(v).strip()), "a host name or address"),
    Setting("port", 8000, "Port to listen on (0: any free port).", lambda v: 0 <= int(v) <= 65535, "0–65535"),
    Setting(
        "base", DEFAULT_BASE, "IRI base of the entities; {base}{kind}/{key} is served at /id/{kind}/{key}.",
        lambda v: str(v).startswith(("http://", "https://")) and str(v).endswith("/"), "an http(s) IRI ending in /",
    ),
    Setting("query_timeout", 10.0, "Seconds a SPARQL query may run before it is stopped.", lambda v: 0 < float(v) <= 3600, "0 < seconds ≤ 3600"),
    Setting("result_limit", 10_000, "Most rows or triples one query may return.", lambda v: int(v) >= 1, "a positive integer"),
    Setting("allow_service", False, "Allow SERVICE calls from queries to remote endpoints.", lambda v: isinstance(v, bool), "true or false"),
    Setting("workers", 2, "Query worker processes (queries running at once).", lambda v: 1 <= int(v) <= 64, "1–64"),
)


@dataclass(frozen=True)
class Settings:
    """The server's settings; see :data:`SETTINGS` for their meaning and defaults.

    Raises :class:`~kg.errors.ConfigError` when a value is out of range.
    """

    host: str = "127.0.0.1"
    port: int = 8000
    base: str = DEFAULT_BASE
    query_timeout: float = 10.0
    result_limit: int = 10_000
    allow_service: bool = False
    workers: int = 2

    def __post_init__(self) -> None:
        for setting in SETTINGS:
            value = getattr(self, setting.name)
            try:
                accepted = setting.check(value)
            except (TypeError, ValueError):
                accepted = False
            if not accepted:
                option = "--" + setting.name.replace("_", "-")
                raise ConfigError(f"{option} {value!r} is not valid; expected {setting.expected}")


# --- requests and replies ------------------------------------------------------------------


@dataclass(frozen=True)
class Reply:
    """An HTTP answer."""

    status: int
    media_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


_REASONS = {
    200: "OK", 204: "No Content", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 406: "Not Acceptable", 413: "Content Too Large", 415: "Unsupported Media Type",
    500: "Internal Server Error", 503: "Service Unavailable",
}
_TEXT = "text/plain; charset=utf-8"
_HTML = "text/html; charset=utf-8"


def _text(status: int, message: str) -> Reply:
    return Reply(status, _TEXT, (message + "\n").encode("utf-8"))


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


def weighted(header: str | None) -> list[str]:
    """The values of an ``Accept``-style header, best first (q=0 dropped).

    >>> weighted("text/html;q=0.5, application/json, */*;q=0")
    ['application/json', 'text/html']
    """
    ranked = []
    for position, part in enumerate((header or "").split(",")):
        value, *params = [p.strip() for p in part.split(";")]
        quality = 1.0
        for param in params:
            if param.lower().startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if value and quality > 0:
            ranked.append((-quality, position, value.lower()))
    return [value for _, _, value in sorted(ranked)]


def negotiate(accept: str | None, offers: Sequence[str]) -> str | None:
    """The offer the client prefers most; the first offer when it accepts anything or says nothing.

    >>> negotiate("application/ld+json, text/html;q=0.9", ["text/html", "application/ld+json"])
    'application/ld+json'
    """
    wanted = weighted(accept) or ["*/*"]
    for media_range in wanted:
        for offer in offers:
            kind = offer.split("/")[0]
            if media_range in (offer, "*/*", f"{kind}/*"):
                return offer
    return None


def reader_script(*, lang_param: str | None, accept_language: str | None) -> Script:
    """The script to label things in: ``?lang=`` first, then the first Chinese language accepted.

    zh-Hant, zh-TW, zh-HK and zh-MO mean Traditional; other Chinese tags Simplified.

    >>> reader_script(lang_param=None, accept_language="en;q=0.5, zh-TW")
    <Script.TRADITIONAL: 'zh-Hant'>
    """
    for tag in ([lang_param] if lang_param else []) + weighted(accept_language):
        tag = tag.lower()
        if tag.startswith(("zh-hant", "zh-tw", "zh-hk", "zh-mo")):
            return Script.TRADITIONAL
        if tag.startswith("zh"):
            return Script.SIMPLIFIED
    return Script.SIMPLIFIED


def _choose_result_format(request: QueryRequest) -> ResultFormat:
    if request.format and request.format.lower() in _RESULT_NAMES:
        return _RESULT_NAMES[request.format.lower()]
    offer = negotiate(request.accept, list(_RESULT_TYPES))
    return _RESULT_TYPES.get(offer or "", ResultFormat.JSON)


def _choose_graph_format(request: QueryRequest) -> GraphFormat:
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
            graph_format = _choose_graph_format(request)
            return Reply(200, _with_charset(graph_format.media_type), write_graph(result, graph_format))
        result_format = _choose_result_format(request)
        if isinstance(result, Boolean) and result_format in (ResultFormat.CSV, ResultFormat.TSV):
            result_format = ResultFormat.JSON
        return Reply(200, _with_charset(result_format.media_type), write_results(result, result_format))
    except QueryError as error:
        return _text(400, str(error))
    except ValueError as error:  # a graph name that is not an IRI
        return _text(400, f"bad graph IRI in the request: {error}")


def _with_charset(media_type: str) -> str:
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
                return _text(503, str(error))
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            return _text(503, f"all {self._settings.workers} query workers stayed busy for {timeout:g} s; try again later")
        try:
            worker.connection.send(request)
            if worker.connection.poll(timeout):
                reply = worker.connection.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            self._replace(worker)
            return _text(500, "the query worker died; the query may have exhausted memory")
        self._replace(worker)
        return _text(
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


# --- the application -----------------------------------------------------------------------


_ENTITY_TYPES = {
    "text/html": None,
    "text/turtle": GraphFormat.TURTLE,
    "application/ld+json": GraphFormat.JSON_LD,
    "application/n-triples": GraphFormat.N_TRIPLES,
}
_ENTITY_NAMES = {"html": "text/html", "ttl": "text/turtle", "turtle": "text/turtle", "jsonld": "application/ld+json",
                 "json-ld": "application/ld+json", "nt": "application/n-triples", "n-triples": "application/n-triples"}
#: The pages run no script and load nothing; a label that slipped past escaping still could not.
_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'"
_CORS = (
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS"),
    ("Access-Control-Allow-Headers", "Accept, Content-Type, Accept-Language"),
)


@dataclass(frozen=True)
class _Request:
    method: str
    path: str
    params: dict[str, list[str]]
    accept: str
    accept_language: str
    content_type: str
    body: bytes
    host: str


class App:
    """The WSGI application over the files ``data`` (see the module docstring for routes)."""

    def __init__(self, settings: Settings, *, data: tuple[Path, ...]) -> None:
        self.settings = settings
        self.store = load_store(data)
        self.pool = QueryPool(data, settings)

    def close(self) -> None:
        """End the query workers."""
        self.pool.close()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        reply = self.handle(environ)
        status = f"{reply.status} {_REASONS.get(reply.status, 'Unknown')}"
        headers = [("Content-Type", reply.media_type), ("Content-Length", str(len(reply.body))), *_CORS, *reply.headers]
        headers.append(("X-Content-Type-Options", "nosniff"))
        if reply.media_type.startswith("text/html"):
            headers.append(("Content-Security-Policy", _PAGE_POLICY))
        start_response(status, headers)
        return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [reply.body]

    def handle(self, environ: dict) -> Reply:
        """The reply to one WSGI request."""
        if int(environ.get("CONTENT_LENGTH") or 0) > MAX_BODY:
            return _text(413, f"the request body is larger than {MAX_BODY} bytes; send a shorter query")
        request = _read_request(environ)
        if request.method == "OPTIONS":
            return Reply(204, _TEXT, b"", (("Access-Control-Max-Age", "86400"),))
        if request.path == "/sparql":
            return self._sparql(request)
        if request.method not in ("GET", "HEAD"):
            return Reply(405, _TEXT, b"this server is read-only\n", (("Allow", "GET, HEAD, OPTIONS"),))
        if request.path == "/":
            return self._index(request)
        if request.path == "/void":
            return self._void(request)
        if request.path.startswith("/id/"):
            return self._entity(request)
        return self._not_found(request, f"nothing at {request.path}; the summits are listed at /")

    # --- pages

    def _script(self, request: _Request) -> Script:
        return reader_script(lang_param=_first(request.params, "lang"), accept_language=request.accept_language)

    def _not_found(self, request: _Request, message: str) -> Reply:
        if negotiate(request.accept, ["text/html", "text/plain"]) == "text/html":
            return Reply(404, _HTML, error_page("404 Not Found", message).encode("utf-8"))
        return _text(404, message)

    def _label(self, node: NamedNode | BlankNode, script: Script) -> str | None:
        for predicate in (RDFS_LABEL, DCT_TITLE):
            labels = [q.object for q in self.store.quads_for_pattern(node, predicate, None, None) if isinstance(q.object, Literal)]
            if labels:
                return pick_label(labels, script)
        return None

    def local_href(self, iri: str) -> str | None:
        """The local address of an entity IRI under the base, or None for others."""
        if iri.startswith(self.settings.base) and len(iri) > len(self.settings.base):
            return "/id/" + iri[len(self.settings.base):]
        return None

    def _term_link(self, term, script: Script) -> Link:
        if isinstance(term, NamedNode):
            href = self.local_href(term.value)
            label = self._label(term, script) if href else None
            if href is not None:
                return Link(label or unquote(href[len("/id/"):]), href + f"?lang={script.value}")
            return Link(unquote(short(term)), term.value)  # a Wikipedia address reads better decoded
        if isinstance(term, Literal):
            if term.language:
                return Link(term.value, None, "@" + term.language)
            datatype = short(term.datatype)
            return Link(term.value, None, "" if datatype == "xsd:string" else datatype)
        return Link(str(term))

    def _index(self, request: _Request) -> Reply:
        script = self._script(request)
        summits = []
        rows = self.store.query(
            f"""SELECT ?summit ?start ?end ?venue WHERE {{
                ?summit a <{SKG}Summit> . OPTIONAL {{ ?summit <{SKG}startDate> ?start }}
                OPTIONAL {{ ?summit <{SKG}endDate> ?end }} OPTIONAL {{ ?summit <{SKG}venue> ?venue }}
            }} ORDER BY ?start ?summit""",
            use_default_graph_as_union=True,
        )
        for row in rows:
            summit = row["summit"]
            start, end = (row["start"].value if row["start"] else ""), (row["end"].value if row["end"] else "")
            dates = start if end in ("", start) else f"{start} – {end}"
            people = sorted({q.object for q in self.store.quads_for_pattern(summit, NamedNode(SKG + "participant"), None, None)}, key=str)
            summits.append(
                SummitItem(
                    self._term_link(summit, script),
                    dates,
                    self._term_link(row["venue"], script) if row["venue"] else None,
                    tuple(self._term_link(p, script) for p in people),
                )
            )
        page = index_page(summits, script=script, title="Summit KG")
        return Reply(200, _HTML, page.encode("utf-8"), (("Vary", "Accept-Language"),))

    def _entity(self, request: _Request) -> Reply:
        iri = self._iri_of(request.path)
        subject = NamedNode(iri)
        outgoing = triples_about(self.store, subject)
        incoming = triples_pointing_at(self.store, subject)
        if not outgoing and not incoming:
            return self._not_found(request, f"no entity {iri} in this graph")
        return self._describe(request, subject, outgoing, incoming)

    def _iri_of(self, path: str) -> str:
        """The entity IRI of a local ``/id/…`` path (WSGI gives it decoded; re-encode as minted)."""
        rest = path[len("/id/"):].encode("latin-1").decode("utf-8", errors="replace")
        kind, slash, key = rest.partition("/")
        encoded = quote(kind, safe="-_.~()") + slash + quote(key, safe="-_.~()")
        return self.settings.base + encoded

    def _describe(self, request: _Request, subject: NamedNode, outgoing, incoming) -> Reply:
        wanted = _ENTITY_NAMES.get((_first(request.params, "format") or "").lower())
        media_type = wanted or negotiate(request.accept, list(_ENTITY_TYPES))
        if media_type is None:
            return _text(406, "this resource is available as " + ", ".join(_ENTITY_TYPES))
        vary = (("Vary", "Accept, Accept-Language"),)
        graph_format = _ENTITY_TYPES[media_type]
        if graph_format is not None:
            body = write_graph(Triples(tuple(sorted(set(outgoing) | set(incoming), key=str))), graph_format)
            return Reply(200, _with_charset(graph_format.media_type), body, vary)
        script = self._script(request)
        outgoing = tuple(t for t in outgoing if t.subject == subject)  # /void's RDF has more than its page
        view = EntityView(
            iri=subject.value,
            title=self._label(subject, script) or short(subject),
            types=tuple(self._term_link(t.object, script) for t in outgoing if t.predicate == RDF_TYPE),
            outgoing=tuple(
                Statement(self._term_link(t.predicate, script), self._term_link(t.object, script))
                for t in outgoing if t.predicate != RDF_TYPE
            ),
            incoming=tuple(Statement(self._term_link(t.predicate, script), self._term_link(t.subject, script)) for t in incoming),
            sources=self._sources(outgoing, script),
            same_as=tuple(
                Link(short(t.object), t.object.value) for t in outgoing
                if t.predicate == OWL_SAME_AS and isinstance(t.object, NamedNode) and t.object.value.startswith(WIKIDATA)
            ),
            script=script,
        )
        path = urlsplit(request.path).path
        representations = tuple(Link(name, f"{path}?format={name}") for name in ("ttl", "jsonld", "nt"))
        return Reply(200, _HTML, entity_page(view, representations=representations).encode("utf-8"), vary)

    def _sources(self, outgoing: Sequence[Triple], script: Script) -> tuple[Link, ...]:
        links = []
        for triple in outgoing:
            if triple.predicate == DERIVED_FROM and isinstance(triple.object, NamedNode):
                links.append(Link(unquote(triple.object.value), triple.object.value, "article"))
            elif triple.predicate == SUPPORTED_BY and isinstance(triple.object, NamedNode):
                details = {t.predicate.value: t.object for t in triples_about(self.store, triple.object)}
                url, title = details.get(SKG + "url"), details.get(SKG + "title")
                text = title.value if isinstance(title, Literal) else short(triple.object)
                links.append(Link(text, url.value if url is not None else self.local_href(triple.object.value), "citation"))
        return tuple(sorted(set(links), key=lambda link: (link.note, link.text)))

    def _void(self, request: _Request) -> Reply:
        datasets = sorted({q.subject for q in self.store.quads_for_pattern(None, RDF_TYPE, VOID_DATASET, None)}, key=str)
        datasets = [d for d in datasets if isinstance(d, NamedNode)]
        if not datasets:
            return self._not_found(request, "this graph has no void:Dataset description")
        # kg.trig keeps the whole description (partitions too) in its default graph
        description = default_graph_triples(self.store) if graph_names(self.store) else ()
        if not any(t.object == VOID_DATASET for t in description):
            description = tuple(sorted({t for d in datasets for t in triples_about(self.store, d)}, key=str))
        return self._describe(request, datasets[0], description, ())

    # --- SPARQL

    def _sparql(self, request: _Request) -> Reply:
        if request.method not in ("GET", "HEAD", "POST"):
            return Reply(405, _TEXT, b"the SPARQL endpoint answers GET and POST\n", (("Allow", "GET, HEAD, POST, OPTIONS"),))
        params = dict(request.params)
        content_type = request.content_type.split(";")[0].strip().lower()
        if request.method == "POST":
            if content_type == "application/sparql-update":
                return _text(403, "this endpoint is read-only: SPARQL Update is refused")
            if content_type == "application/sparql-query":
                params["query"] = [request.body.decode("utf-8", errors="replace")]
            elif content_type == "application/x-www-form-urlencoded":
                for name, values in parse_qs(request.body.decode("utf-8", errors="replace"), keep_blank_values=True).items():
                    params.setdefault(name, []).extend(values)
            else:
                return _text(415, "POST a query as application/sparql-query or application/x-www-form-urlencoded")
        if "update" in params:
            return _text(403, "this endpoint is read-only: SPARQL Update is refused")
        queries = params.get("query", [])
        if len(queries) > 1:
            return _text(400, "give exactly one query parameter")
        output = _first(params, "format") or _first(params, "output") or _first(params, "results")
        if not queries:
            if output is None and negotiate(request.accept, ["text/html", "text/turtle"]) == "text/html":
                return self._query_page(query=None, reply=None)
            return self._service_description(request)
        sparql = queries[0]
        html = output == "html" or (output is None and negotiate(request.accept, ["text/html", "application/sparql-results+json"]) == "text/html")
        query_request = QueryRequest(
            sparql=sparql,
            accept="application/sparql-results+json, application/n-triples" if html else request.accept,
            format=None if html else output,
            default_graphs=tuple(params.get("default-graph-uri", [])),
            named_graphs=tuple(params.get("named-graph-uri", [])),
        )
        reply = self.pool.run(query_request)
        return self._query_page(query=sparql, reply=reply, script=self._script(request)) if html else reply

    def _query_page(self, *, query: str | None, reply: Reply | None, script: Script = Script.SIMPLIFIED) -> Reply:
        examples = tuple(Link(f"{q.name}: {q.title}", query_href(q.text)) for q in named_queries())
        text = query if query is not None else next((q.text for q in named_queries() if q.name == "summits"), "")
        table, message, status = None, None, 200
        if reply is not None and reply.status != 200:
            message, status = reply.body.decode("utf-8", errors="replace").strip(), reply.status
        elif reply is not None:
            table = self._table(reply, script)
        page = query_page(query=text, examples=examples, table=table, message=message)
        return Reply(status, _HTML, page.encode("utf-8"))

    def _table(self, reply: Reply, script: Script) -> TableView:
        if reply.media_type.startswith("application/n-triples"):
            triples = [t for t in parse(reply.body, format=RdfFormat.N_TRIPLES)]
            rows = tuple(tuple(self._term_link(term, script) for term in (t.subject, t.predicate, t.object)) for t in triples)
            return TableView(("subject", "predicate", "object"), rows)
        results = parse_query_results(reply.body, format=QueryResultsFormat.JSON)
        if isinstance(results, QueryBoolean):
            return TableView(("boolean",), ((Link("true" if bool(results) else "false"),),))
        variables = [v.value for v in results.variables]
        rows = tuple(tuple(self._term_link(row[v], script) if row[v] is not None else Link("") for v in variables) for row in results)
        return TableView(tuple(variables), rows)

    def _service_description(self, request: _Request) -> Reply:
        sd = "http://www.w3.org/ns/sparql-service-description#"
        service = BlankNode("service")
        triples = [
            Triple(service, RDF_TYPE, NamedNode(sd + "Service")),
            Triple(service, NamedNode(sd + "endpoint"), _endpoint(request.host)),
            Triple(service, NamedNode(sd + "supportedLanguage"), NamedNode(sd + "SPARQL11Query")),
            Triple(service, NamedNode(sd + "feature"), NamedNode(sd + "UnionDefaultGraph")),
        ]
        for result_format in ResultFormat:
            triples.append(Triple(service, NamedNode(sd + "resultFormat"), NamedNode(result_format.value.iri)))
        for graph_format in GraphFormat:
            triples.append(Triple(service, NamedNode(sd + "resultFormat"), NamedNode(graph_format.value.iri)))
        graph_format = _choose_graph_format(QueryRequest("", request.accept, _first(request.params, "format")))
        body = serialize(triples, format=graph_format.value, prefixes={"sd": sd} if graph_format is not GraphFormat.N_TRIPLES else None)
        return Reply(200, _with_charset(graph_format.media_type), body)


def _read_request(environ: dict) -> _Request:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length) if length > 0 else b""
    raw_query = environ.get("QUERY_STRING", "").encode("latin-1").decode("utf-8", errors="replace")
    return _Request(
        method=environ.get("REQUEST_METHOD", "GET").upper(),
        path=environ.get("PATH_INFO", "/") or "/",
        params=parse_qs(raw_query, keep_blank_values=True),
        accept=environ.get("HTTP_ACCEPT", ""),
        accept_language=environ.get("HTTP_ACCEPT_LANGUAGE", ""),
        content_type=environ.get("CONTENT_TYPE", ""),
        body=body,
        host=environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME', 'localhost')}:{environ.get('SERVER_PORT', '80')}",
    )


def _endpoint(host: str) -> NamedNode:
    """The endpoint's own address, from the Host header when that makes a valid IRI."""
    try:
        return NamedNode(f"http://{host}/sparql")
    except ValueError:
        return NamedNode("http://localhost/sparql")


def _first(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    return values[0] if values else None




# --- running -------------------------------------------------------------------------------


def request(app: App, path: str, *, method: str = "GET", accept: str = "text/html", body: bytes = b"",
            content_type: str = "", accept_language: str = "") -> Reply:
    """Answer one request in-process (``kg serve --get``, and tests)."""
    target = urlsplit(path)
    raw_path = target.path.encode("utf-8")
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": unquote_to_bytes(raw_path).decode("latin-1"),
        "QUERY_STRING": target.query,
        "HTTP_ACCEPT": accept,
        "HTTP_ACCEPT_LANGUAGE": accept_language,
        "CONTENT_TYPE": content_type,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
    }
    return app.handle(environ)


def create_server(app: App):
    """A waitress server for ``app`` bound to the settings' host and port (not yet running)."""
    import waitress.server

    return waitress.server.create_server(
        app, host=app.settings.host, port=app.settings.port, threads=max(4, app.settings.workers + 2), ident="summit-kg"
    )


@contextmanager
def running(app: App) -> Iterator[str]:
    """Serve ``app`` from a background thread while the block runs; yields its base URL.

    For notebooks and tests; the server stops when the block ends (the workers stay
    with ``app``: call :meth:`App.close`).
    """
    server = create_server(app)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://{app.settings.host}:{server.effective_port}"
    finally:
        server.close()
        server.task_dispatcher.shutdown()
        thread.join(10)
