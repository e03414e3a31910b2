"""A read-only linked-data server: SPARQL 1.1 Protocol, entity pages, the dataset description.

A plain WSGI application (stdlib + pyoxigraph) served by granian (:mod:`kg.server.http`). Routes:

- ``/`` the summits; ``/id/{kind}/{key}`` the entity ``{base}{kind}/{key}`` as HTML,
  Turtle, JSON-LD or N-Triples (content negotiation, or ``?format=``); ``/void`` the
  dataset description;
- ``/reconcile`` the W3C Reconciliation Service API v0.2 (:mod:`kg.reconcile`);
- ``/sparql`` the SPARQL 1.1 Protocol (GET, POST urlencoded or ``application/sparql-query``),
  a service description without a query, the query page in a browser. Updates are
  refused (403), other methods get 405. CORS is open: the data is public.

Queries are read before they run (:mod:`kg.query_guard`): refused ones never reach the
engine, cheap ones are answered here, the rest run in worker processes
(:mod:`kg.server.query_pool`) so the time limit can stop them; results larger than the
limit are refused. The data is one on-disk store (:mod:`kg.server.data`). Settings: :mod:`kg.server.settings`; content
negotiation: :mod:`kg.server.negotiation`.

    >>> app = App(Settings(), data=(Path("tests/data/query/fixture.trig"),))
    >>> request(app, "/void", accept="text/turtle").status
    200
"""

from __future__ import annotations

import hashlib
import io
import os
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import NamedTuple
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, unquote_to_bytes, urlencode, urlsplit

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    RdfFormat,
    Triple,
    parse,
    parse_query_results,
    serialize,
)

from werkzeug.http import http_date, is_resource_modified

from kg.scripts import to_hans
from kg.server import heap, representations
from kg.server.negotiation import negotiate, reader_language, reader_script
from kg.query import minted_case
from kg.server.overview import INDEX_ROWS, element_id, kept_name, network, summit_rows
from kg.server.pictures import Leader, Meeting, TimelineItem, network_svg, timeline_svg
from kg.server.summary import summarize
from kg.server.vocabulary import borrowed_labels, load_vocabulary
from kg.server.published import CONTEXT_PATH, published, published_dumps
from kg.server.pages import (
    Alternate,
    EntityView,
    Link,
    Script,
    Statement,
    SummitItem,
    TableView,
    entity_page,
    error_page,
    index_page,
    network_page,
    ontology_page,
    person_links,
    summit_summary,
    timeline_page,
    pick_label,
    query_href,
    query_page,
)
from kg.query import GraphFormat, ResultFormat, named_queries, short
from kg.errors import QueryError, QueryTimeout
from kg.query_guard import check_query
from kg.server.built import BuiltAnswers
from kg.server.data import OVERVIEW_TRIPLES_NAME, ServedData
from kg.server.forker import Forker
from kg.server.form import minted_quote, parse_params
from kg.server.query_pool import (
    CHEAP_BUDGET,
    Admission,
    TEXT,
    in_flight_limit,
    QueryPool,
    QueryRequest,
    Reply,
    answer_directly,
    answer_query,
    choose_graph_format,
    text_reply,
    with_charset,
)
from kg.server.responses import Answer, Answers, Key
from kg.server.settings import Settings
from kg.server.http import Server, bind
from kg.reconcile.service import Reconciliation, is_reconcile_path
from kg.store import default_graph_triples, graph_names, triples_about

SKG = "https://w3id.org/summit-kg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_ALT_LABEL = NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
DCT_TITLE = NamedNode("http://purl.org/dc/terms/title")
OWL_SAME_AS = NamedNode("http://www.w3.org/2002/07/owl#sameAs")
DERIVED_FROM = NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
SUPPORTED_BY = NamedNode(SKG + "supportedBy")
PARTICIPANT = NamedNode(SKG + "participant")
VOID_DATASET = NamedNode("http://rdfs.org/ns/void#Dataset")
VOID_SPARQL_ENDPOINT = NamedNode("http://rdfs.org/ns/void#sparqlEndpoint")
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
SPDX = "http://spdx.org/rdf/terms#"
XSD = "http://www.w3.org/2001/XMLSchema#"
WIKIDATA = "http://www.wikidata.org/entity/"

#: What the index, the timeline and the network show, as a query anyone can run on /sparql. Each of a
#: summit's properties is a branch of a union, not an OPTIONAL of its own: their rows are not multiplied
#: (labels × venues × participants × their labels), the same triples in half the time at 2,000 pages.
OVERVIEW = f"""PREFIX skg: <{SKG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
CONSTRUCT {{
  ?summit a skg:Summit ; rdfs:label ?label ; skg:startDate ?start ; skg:endDate ?end ; skg:venue ?venue ; skg:participant ?person .
  ?venue rdfs:label ?venueLabel . ?person rdfs:label ?personLabel .
}} WHERE {{
  ?summit a skg:Summit .
  OPTIONAL {{
    {{ ?summit rdfs:label ?label }} UNION {{ ?summit skg:startDate ?start }} UNION {{ ?summit skg:endDate ?end }}
    UNION {{ ?summit skg:venue ?venue OPTIONAL {{ ?venue rdfs:label ?venueLabel }} }}
    UNION {{ ?summit skg:participant ?person OPTIONAL {{ ?person rdfs:label ?personLabel }} }}
  }}
}}"""

MAX_BODY = 1_000_000  # bytes of a POSTed query
#: Server threads beyond those the worker queries may hold: pages, cheap queries and requests whose
#: body is still arriving (each holds a thread while it trickles in) have these. Threads start on demand.
CHEAP_THREADS = 64


def overview(store) -> tuple[tuple[Alternate, ...], str]:
    """The data the overview pages show (every summit, its dates, venue and participants) as embedded
    JSON-LD, and the same CONSTRUCT on /sparql in each format as the pages' alternates.

    At 500 pages it is 15,000 triples, 1.2 s of CPU and 45 MB at its peak (rdflib's JSON-LD), of
    which an HTTP process that made it kept about 20 MB for good: an app makes it once; a server's
    process that loads the data makes it once for all the HTTP processes (see
    :meth:`~kg.server.data.ServedData.load_apart`).
    """
    return overview_alternates(), representations.embedded(overview_triples(store)).decode("utf-8")


def overview_triples(store) -> tuple[Triple, ...]:
    """The triples the overview pages show (:data:`OVERVIEW`), in the order of their N-Triples."""
    return tuple(sorted(store.query(OVERVIEW, use_default_graph_as_union=True), key=str))


def _participants_and_labels(triples: Iterable[Triple]) -> tuple[dict, dict]:
    """From the overview's triples: each summit's participants, in IRI order, and each node's literal
    labels (``rdfs:label``).

    The overview holds every participant of each summit and every label of each summit, venue and
    participant (:data:`OVERVIEW`; a blank node keeps the store's id through its N-Triples), so
    these are what the store gives, and a label picked from them is the one picked from the store.
    """
    participants: dict = {}
    labels: dict = {}
    for triple in triples:
        if triple.predicate == PARTICIPANT:
            participants.setdefault(triple.subject, set()).add(triple.object)
        elif triple.predicate == RDFS_LABEL and isinstance(triple.object, Literal):
            labels.setdefault(triple.subject, []).append(triple.object)
    return {summit: sorted(people, key=str) for summit, people in participants.items()}, labels


def overview_alternates() -> tuple[Alternate, ...]:
    """The overview pages' alternates: their CONSTRUCT on /sparql in each linked format."""
    href = "/sparql?query=" + quote(OVERVIEW, safe="") + "&format="
    return tuple(
        Alternate(r.media_type, href + r.name) for r in representations.REPRESENTATIONS if r.name in representations.LINKED
    )


# --- requests and replies ------------------------------------------------------------------


_REASONS = {
    200: "OK", 204: "No Content", 301: "Moved Permanently", 304: "Not Modified", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
    429: "Too Many Requests",
    405: "Method Not Allowed", 406: "Not Acceptable", 413: "Content Too Large", 415: "Unsupported Media Type",
    500: "Internal Server Error", 503: "Service Unavailable",
}
_TEXT = TEXT
_HTML = "text/html; charset=utf-8"
#: The headers a 304 leaves out: it has no body.
_BODY_HEADERS = ("Content-Type", "Content-Length")


# --- the application -----------------------------------------------------------------------


#: What /sparql answers, in its order of preference: results, then graphs, a page last,
#: so a client that accepts anything (``*/*``, no Accept, Jena's ``…, */*;q=0.1``) gets data.
_SPARQL_OFFERS = (
    "application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values",
    "application/json", "application/xml", "text/xml",
    "text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml", "text/plain",
    "text/html", "application/xhtml+xml",
)
_PAGE_TYPES = ("text/html", "application/xhtml+xml")
#: How long a cache may keep an answer before it revalidates (the data changes only on a rebuild).
_CACHE_CONTROL = "public, max-age=600"
#: The pages run no script and load nothing; a label that slipped past escaping still could not.
_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'"
_CORS = (
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS"),
    ("Access-Control-Allow-Headers", "Accept, Content-Type, Accept-Language"),
)


class _Request(NamedTuple):
    """A request's fields as the app reads them (a named tuple: made for each request, in half the
    time a frozen dataclass takes, which sets each field through ``object.__setattr__``)."""

    method: str
    path: str
    params: dict[str, list[str]]
    accept: str
    accept_language: str
    content_type: str
    body: bytes
    client: str  # the client's address: fairness between clients is counted by it


class App:
    """The WSGI application over the files ``data`` (see the module docstring for routes)."""

    def __init__(self, settings: Settings, *, data: tuple[Path, ...], served: ServedData | None = None,
                 admission: Admission | None = None, workers: int | None = None,
                 made: tuple[tuple[Alternate, ...], str] | None = None, forker: Forker | None = None) -> None:
        """``served``: the files already loaded (by :mod:`kg.server.processes`), else they are
        loaded here; ``admission`` and ``workers``: the query limits shared with other HTTP
        processes and this one's share of the query workers (see :class:`QueryPool`);
        ``made``: what the overview pages embed (:func:`overview`), made already; ``forker``:
        what forks the query workers (:mod:`kg.server.forker`), else each is a new interpreter."""
        self.settings = settings
        #: the port asked for (settings.port becomes the one got when this is 0)
        self.port = settings.port
        self.data = served if served is not None else ServedData.load(data, in_memory_quads=settings.in_memory_quads)
        self.store = self.data.store
        self.pool = QueryPool(self.data.store_path, self.data.logs, settings, admission=admission, workers=workers,
                              forker=forker)
        self.vocabulary = load_vocabulary()
        #: The published files served at /data/NAME: the data files and the build's other outputs beside them.
        self.dumps = published_dumps(data)
        self._digests: dict[Path, tuple[int, str]] = {}  # each dump's size and SHA-256, once asked for
        self._reconciliation: Reconciliation | None = None  # its index is built when first asked for
        self._reconciliation_lock = threading.Lock()
        #: When the data last changed: the newest of the files served (Last-Modified), to the second.
        newest = max((path.stat().st_mtime for path in data), default=0.0)
        self.modified = datetime.fromtimestamp(int(newest), tz=timezone.utc) if newest else None
        self.last_modified = http_date(self.modified) if self.modified else ""
        self._languages: tuple[str, ...] | None = None  # the labels' language tags, once asked for
        self._overview_made = made  # what the overview pages embed, once asked for
        self.built = BuiltAnswers(data)  # the named queries' answers the build kept beside these files
        #: answers kept for requests asked again (the data does not change while the server runs)
        self.answers = Answers(max_bytes=settings.response_cache * 1024 * 1024)

    def reconciliation(self) -> Reconciliation:
        """The reconciliation service, its index of every entity built on the first request for it
        (each HTTP process would otherwise hold one from its start, whether asked or not)."""
        with self._reconciliation_lock:
            if self._reconciliation is None:
                self._reconciliation = Reconciliation(self.store, base=self.settings.base, root=self.settings.root)
            return self._reconciliation

    def close(self) -> None:
        """End the query workers and remove the served store."""
        self.pool.close()
        self.data.close()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        key = self.answers.key(environ)
        answer = self.answers.get(key) if key is not None else None
        if answer is None and key is not None and key[0] != "/sparql" and not is_reconcile_path(key[0]):
            with self.answers.alone(key):  # a page asked for by many at once is made once (queries are
                answer = self.answers.get(key)  # not: the workers' limits are per client, and they may wait)
                if answer is None:
                    answer = self._made(environ, key)
        elif answer is None:
            answer = self._made(environ, key)
        if answer.etag is not None and ("HTTP_IF_NONE_MATCH" in environ or "HTTP_IF_MODIFIED_SINCE" in environ):
            if not is_resource_modified(environ, etag=answer.etag, last_modified=self.modified):
                start_response("304 Not Modified", [h for h in answer.headers if h[0] not in _BODY_HEADERS])
                return [b""]
        start_response(answer.status, answer.headers)
        return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [answer.body]

    def _made(self, environ: dict, key: Key | None) -> Answer:
        """The answer to ``environ``, made now, and kept for ``key`` when it may be."""
        started = time.monotonic()  # not the thread's CPU time: a system call, 3 µs a request (6 % of Oxigraph's)
        reply = self.handle(environ)
        answer = self._finish(environ, reply)
        if time.monotonic() - started >= heap.TRIM_AFTER:  # a page of every summit: give back what making it freed
            heap.give_back()
        if key is not None and reply.status == 200 and not is_reconcile_path(key[0]):
            self.answers.keep(key, answer, query=_sparql_text(key) if key[0] == "/sparql" else None)
        return answer

    def _finish(self, environ: dict, reply: Reply) -> Answer:
        """``reply`` as sent: its headers, and for a successful GET or HEAD an ETag (the hash of its
        body and media type, so each representation has its own), Last-Modified (when the data
        files last changed) and Cache-Control."""
        headers = [("Content-Type", reply.media_type), ("Content-Length", str(len(reply.body))), *_CORS, *reply.headers]
        etag = None
        if reply.status == 200 and environ.get("REQUEST_METHOD", "GET").upper() in ("GET", "HEAD"):
            etag = hashlib.sha256(reply.media_type.encode() + b"\0" + reply.body).hexdigest()[:32]
            headers += [("ETag", f'"{etag}"'), ("Cache-Control", _CACHE_CONTROL)]
            if self.modified is not None:
                headers.append(("Last-Modified", self.last_modified))
        headers.append(("X-Content-Type-Options", "nosniff"))
        if reply.media_type.startswith("text/html"):
            headers.append(("Content-Security-Policy", _PAGE_POLICY))
        return Answer(f"{reply.status} {_REASONS.get(reply.status, 'Unknown')}", headers, reply.body, etag)

    def handle(self, environ: dict) -> Reply:
        """The reply to one WSGI request."""
        if environ.get("PATH_INFO") == "/sparql" and (quick := self._query_by_get(environ)) is not None:
            return quick
        if is_reconcile_path(environ.get("PATH_INFO", "")):
            return self.reconciliation().handle(environ)  # its own limits and its own 400s
        if int(environ.get("CONTENT_LENGTH") or 0) > MAX_BODY:
            return text_reply(413, f"the request body is larger than {MAX_BODY} bytes; send a shorter query")
        request = _read_request(environ)
        if len(request.body) > MAX_BODY:  # a chunked body, whose length no header said
            return text_reply(413, f"the request body is larger than {MAX_BODY} bytes; send a shorter query")
        if request.method == "OPTIONS":
            return Reply(204, _TEXT, b"", (("Access-Control-Max-Age", "86400"),))
        if request.path == "/sparql":
            return self._sparql(request)
        if request.method not in ("GET", "HEAD"):
            return Reply(405, _TEXT, b"this server is read-only\n", (("Allow", "GET, HEAD, OPTIONS"),))
        if request.path in ("/", "/timeline", "/network"):
            data = self._overview_data(request)
            if data is not None:  # a client that asked for data, not a page
                return data
        if request.path == "/":
            return self._index(request)
        if request.path in ("/void", "/.well-known/void"):
            return self._void(request)
        if request.path.startswith("/id/"):
            return self._entity(request)
        if request.path == "/ontology":
            return self._ontology(request)
        if request.path == "/timeline":
            return self._timeline(request)
        if request.path == "/network":
            return self._network(request)
        if request.path.startswith("/data/") and request.path[len("/data/"):] in self.dumps:
            dump = self.dumps[request.path[len("/data/"):]]
            return Reply(200, with_charset(dump.media_type), dump.path.read_bytes())
        file = published(request.path)
        if file is not None:
            return Reply(200, with_charset(file.media_type), file.body)
        return self._not_found(request, f"nothing at {request.path}; the summits are listed at /")

    # --- pages

    def _script(self, request: _Request) -> Script:
        return reader_script(lang_param=_first(request.params, "lang"), accept_language=request.accept_language)

    def _lang(self, request: _Request) -> str:
        """The language of the page chrome (zh-Hans, zh-Hant or en)."""
        return reader_language(lang_param=_first(request.params, "lang"), accept_language=request.accept_language)

    def _not_found(self, request: _Request, message: str) -> Reply:
        if negotiate(request.accept, ["text/plain", *_PAGE_TYPES]) in _PAGE_TYPES:
            return Reply(404, _HTML, error_page("404 Not Found", message).encode("utf-8"), (("Vary", "Accept"),))
        return _vary(text_reply(404, message))

    def _label(self, node: NamedNode | BlankNode, script: Script) -> str | None:
        for predicate in (RDFS_LABEL, DCT_TITLE):
            labels = [q.object for q in self.store.quads_for_pattern(node, predicate, None, None) if isinstance(q.object, Literal)]
            if labels:
                return pick_label(labels, script)
        return None

    def _described_label(self, node: NamedNode, script: Script) -> str | None:
        """A name for a node that has no label of its own, from what it says (never its opaque id).

        A participation is its person and office, a text span its words, a statement its triple.
        """
        def first(predicate: str):
            return next((q.object for q in self.store.quads_for_pattern(node, NamedNode(predicate), None, None)), None)

        def name(term) -> str:
            if isinstance(term, Literal):
                return term.value
            labels = self.vocabulary.labels(term.value)
            return (pick_label(labels, script) if labels else self._label(term, script)) or unquote(short(term))

        agent = first(SKG + "agent")
        if agent is not None:
            role = first(SKG + "role")
            return name(agent) + (f" · {name(role)}" if role is not None else "")
        text = first(SKG + "text")
        if isinstance(text, Literal):
            return "“" + (text.value if len(text.value) <= 40 else text.value[:40] + "…") + "”"
        parts = [first(RDF + p) for p in ("subject", "predicate", "object")]
        if all(part is not None for part in parts):
            return " — ".join(name(part) for part in parts)
        return None

    def _endpoint(self) -> NamedNode:
        """The endpoint's public address, from the settings: never from the Host header."""
        return NamedNode(self.settings.endpoint)

    def local_href(self, iri: str) -> str | None:
        """The local address of an entity IRI under the base, or None for others."""
        if iri.startswith(self.settings.base) and len(iri) > len(self.settings.base):
            return "/id/" + iri[len(self.settings.base):]
        return None

    def _term_link(self, term, script: Script, lang: str = "", labels: dict | None = None) -> Link:
        """How a term shows on a page: local nodes by label in the reader's script, ontology terms by their label.

        ``labels``: every ``rdfs:label`` of some nodes (:func:`_participants_and_labels`), read there
        instead of in the store; a node not in it is looked up in the store."""
        if isinstance(term, NamedNode):
            term_labels = self.vocabulary.labels(term.value)
            if term_labels:  # an ontology term: its label (English for an English reader), linked to its documentation
                english = [label for label in term_labels if label.language == "en"] if lang == "en" else []
                label = pick_label(english or term_labels, script) or short(term)
                return Link(label, "/ontology#" + term.value.rpartition("#")[2], short(term))
            borrowed = borrowed_labels(term.value)
            if borrowed:  # a term of another vocabulary in words, linked to where it is defined
                english = [label for label in borrowed if label.language == "en"] if lang == "en" else []
                return Link(pick_label(english or borrowed, script) or short(term), term.value, short(term))
            href = self.local_href(term.value)
            if href is None:
                label = None
            elif labels is not None and term in labels:
                label = pick_label(labels[term], script)
            else:
                label = self._label(term, script) or self._described_label(term, script)
            if href is not None:
                return Link(label or unquote(href[len("/id/"):]), href + f"?lang={lang or script.value}")  # the reader's choice stays
            return Link(unquote(short(term)), term.value)  # a Wikipedia address reads better decoded
        if isinstance(term, Literal):
            if term.language:
                return Link(term.value, None, "@" + minted_case(term.language))
            datatype = short(term.datatype)
            return Link(term.value, None, "" if datatype == "xsd:string" else datatype)
        return Link(str(term))

    def _index(self, request: _Request) -> Reply:
        script, lang = self._script(request), self._lang(request)
        summits = []
        participants, labels = _participants_and_labels(self._overview_triples())
        for row in self._ask(INDEX_ROWS):
            summit = row["summit"]
            start, end = (row["start"].value if row["start"] else ""), (row["end"].value if row["end"] else "")
            dates = start if end in ("", start) else f"{start} – {end}"
            people = participants.get(summit, ())
            summits.append(
                SummitItem(
                    self._term_link(summit, script, lang, labels),
                    dates,
                    self._term_link(row["venue"], script, lang, labels) if row["venue"] else None,
                    tuple(self._term_link(p, script, lang, labels) for p in people),
                )
            )
        alternates, data = self._overview()
        page = index_page(summits, script=script, title="Summit KG", lang=lang, alternates=alternates, data=data)
        return Reply(200, _HTML, page.encode("utf-8"), (("Vary", "Accept, Accept-Language"),))

    def _entity(self, request: _Request) -> Reply:
        iri = self._iri_of(request.path)
        subject = NamedNode(iri)
        outgoing = {quad.triple for quad in self.store.quads_for_pattern(subject, None, None, None)}
        incoming = {quad.triple for quad in self.store.quads_for_pattern(None, None, subject, None)}
        if not outgoing and not incoming:
            minted = self._minted(iri)
            if minted is not None:
                query = urlencode(request.params, doseq=True)
                location = self.local_href(minted.value) + (f"?{query}" if query else "")
                return Reply(301, _TEXT, f"{location}\n".encode(), (("Location", location),))
            return self._not_found(request, f"no entity {iri} in this graph")
        return self._describe(request, subject, outgoing, incoming)

    def _minted(self, iri: str) -> NamedNode | None:
        """The entity a name in another script or variant means: its Simplified key, else a label or alias of that kind."""
        kind, _, key = iri[len(self.settings.base):].partition("/")
        name = unquote(key).replace("_", " ")
        if not name:
            return None
        candidate = NamedNode(self.settings.base + kind + "/" + quote("_".join(to_hans(name).split()), safe="-_.~()"))
        if candidate.value != iri and next(self.store.quads_for_pattern(candidate, None, None, None), None) is not None:
            return candidate
        prefix = self.settings.base + kind + "/"
        forms = [Literal(form, language=tag) if tag else Literal(form)
                 for form in dict.fromkeys((name, to_hans(name))) for tag in self._label_languages()]
        found = sorted(  # a lookup in the store's index for the name in each language the labels use, not a scan
            (quad.predicate != RDFS_LABEL, quad.subject.value)
            for form in forms for quad in self.store.quads_for_pattern(None, None, form, None)
            if quad.predicate in (RDFS_LABEL, SKOS_ALT_LABEL) and isinstance(quad.subject, NamedNode)
            and quad.subject.value.startswith(prefix)
        )
        return NamedNode(found[0][1]) if found else None  # a label before an alias

    def _label_languages(self) -> tuple[str, ...]:
        """The language tags the labels and aliases use ("" for none), read once: the data does not change."""
        if self._languages is None:
            rows = self.store.query(
                f"SELECT DISTINCT (LANG(?label) AS ?tag) WHERE {{ {{ ?s <{RDFS_LABEL.value}> ?label }} "
                f"UNION {{ ?s <{SKOS_ALT_LABEL.value}> ?label }} }}", use_default_graph_as_union=True)
            self._languages = tuple(sorted({row["tag"].value for row in rows if row["tag"] is not None}))
        return self._languages

    def _iri_of(self, path: str) -> str:
        """The entity IRI of a local ``/id/…`` path (WSGI gives it decoded; re-encode as minted)."""
        rest = path[len("/id/"):].encode("latin-1").decode("utf-8", errors="replace")
        kind, slash, key = rest.partition("/")
        encoded = minted_quote(kind) + slash + minted_quote(key)
        return self.settings.base + encoded

    def _representation(self, request: _Request) -> representations.Representation | Reply:
        """The representation ``?format=`` names or the Accept header prefers; a 400 or 406 reply when none."""
        named = _first(request.params, "format")
        if named is not None:
            representation = representations.by_name(named)
            if representation is None:
                names = ", ".join(r.name for r in representations.REPRESENTATIONS)
                return text_reply(400, f"unknown format={named}; use one of {names}")
            return representation
        media_type = negotiate(request.accept, representations.offers())
        if media_type is None:
            return _vary(text_reply(406, "this resource is available as " + ", ".join(representations.offers())))
        return representations.by_media_type(media_type)

    def _describe(self, request: _Request, subject: NamedNode, outgoing, incoming) -> Reply:
        representation = self._representation(request)
        if isinstance(representation, Reply):
            return representation
        document = self.local_href(subject.value) or quote(urlsplit(request.path).path.encode("latin-1"), safe="/")
        headers = (("Vary", "Accept, Accept-Language"), ("Link", _links(document)))
        triples = tuple(sorted({*outgoing, *incoming}, key=str))
        if representation.writer:
            body = representations.write(triples, representation, context_url=self.context_url())
            return Reply(200, with_charset(representation.media_type), body, headers)
        script, lang = self._script(request), self._lang(request)
        outgoing = tuple(sorted((t for t in outgoing if t.subject == subject), key=str))  # /void's RDF has more than its page
        incoming = tuple(sorted(incoming, key=str))
        view = EntityView(
            iri=subject.value,
            title=self._label(subject, script) or short(subject),
            types=tuple(self._term_link(t.object, script, lang) for t in outgoing if t.predicate == RDF_TYPE),
            outgoing=tuple(
                Statement(self._term_link(t.predicate, script, lang), self._term_link(t.object, script, lang))
                for t in outgoing if t.predicate != RDF_TYPE
            ),
            incoming=tuple(Statement(self._term_link(t.predicate, script, lang), self._term_link(t.subject, script, lang)) for t in incoming),
            sources=self._sources(outgoing, script),
            same_as=tuple(
                Link(short(t.object), t.object.value) for t in outgoing
                if t.predicate == OWL_SAME_AS and isinstance(t.object, NamedNode) and t.object.value.startswith(WIKIDATA)
            ),
            script=script,
            lang=lang,
        )
        summary = ""
        if any(t.predicate == RDF_TYPE and t.object == NamedNode(SKG + "Summit") for t in outgoing):
            facts = summarize(
                self.store, subject, link=lambda node: self._term_link(node, script, lang),
                fact_label=lambda iri: self._term_link(NamedNode(iri), script, lang).text,
            )
            summary = summit_summary(facts, lang=view.lang)
        elif any(t.predicate == RDF_TYPE and t.object == NamedNode(SKG + "Person") for t in outgoing):
            key = quote(unquote(subject.value.rpartition("/")[2]))
            summary = person_links(
                view.title, network_href=f"/network?person={key}&lang={view.lang}",
                timeline_href=self._person_timeline(subject, view.lang), lang=view.lang,
            )
        page = entity_page(
            view, representations=_formats(document), alternates=_alternates(document),
            data=representations.embedded(triples).decode("utf-8"), summary=summary,
        )
        return Reply(200, _HTML, page.encode("utf-8"), headers)

    def _timeline(self, request: _Request) -> Reply:
        """Every summit by date, drawn as SVG; ``?country=KEY`` keeps the summits that country took part in or hosted."""
        script, lang = self._script(request), self._lang(request)
        rows = summit_rows(self.store, self._ask)
        labels = _participants_and_labels(self._overview_triples())[1]
        wanted = _first(request.params, "country") or None  # an empty choice is every country
        countries = sorted({c for row in rows for c in row.countries}, key=lambda c: self._term_link(c, script).text)
        selected = next((c for c in countries if unquote(c.value.rpartition("/")[2]) == wanted or c.value == wanted), None)
        if wanted is not None and selected is None:  # a name in the other script, or another name of one
            named = self._minted(self.settings.base + "country/" + quote("_".join(wanted.split()), safe="-_.~()"))
            selected = named if named in countries else None
        if wanted is not None and selected is None:
            return self._not_found(request, f"no summit involves a country {wanted!r}; the countries are listed at /timeline")
        items = [
            TimelineItem(
                self._term_link(row.summit, script, "", labels).text, self._term_link(row.summit, script, lang, labels).href or "",
                row.date, tuple(self._term_link(p, script, "", labels).text for p in row.participants),
            )
            for row in rows if selected is None or selected in row.countries
        ]
        choices = [
            Link(self._term_link(c, script).text, f"/timeline?country={quote(unquote(c.value.rpartition('/')[2]))}&lang={lang}", c.value)
            for c in countries
        ]
        alternates, data = self._overview()
        page = timeline_page(timeline_svg(items), countries=choices, selected=selected.value if selected else None, lang=lang,
                             alternates=alternates, data=data)
        return Reply(200, _HTML, page.encode("utf-8"), (("Vary", "Accept, Accept-Language"),))

    def _overview_data(self, request: _Request) -> Reply | None:
        """What an overview page shows, for a client that prefers RDF to the page (None: the page)."""
        representation = self._representation(request)
        if isinstance(representation, Reply):
            return representation
        if not representation.writer:
            return None
        body = representations.write(self._overview_triples(), representation, context_url=self.context_url())
        headers = (("Vary", "Accept, Accept-Language"),
                   ("Link", ", ".join(f'<{a.href}>; rel="alternate"; type="{a.media_type}"' for a in self._overview()[0])))
        return Reply(200, with_charset(representation.media_type), body, headers)

    def _ask(self, query: str) -> Iterable:
        """The answer to one of the overview pages' queries (:data:`~kg.server.overview.KEPT`): as the
        process that loaded the data had the engine write it beside the store, else asked of the store.
        Asked of the store, every summit's dates, venue, participants and countries fill about 10–20 MB
        of each HTTP process's own block cache at 500 pages, kept."""
        try:
            written = (self.data.loaded / kept_name(query)).read_bytes()
        except OSError:
            return self.store.query(query, use_default_graph_as_union=True)
        return parse_query_results(written, format=QueryResultsFormat.JSON)

    def _overview_triples(self) -> tuple[Triple, ...]:
        """The overview's triples (:func:`overview_triples`): as the process that loaded the data wrote them
        beside the store (:data:`~kg.server.data.OVERVIEW_TRIPLES_NAME`), else read from the store. Read
        from the store they are every summit's dates, venue, participants and labels: at 500 pages about
        20 MB of each HTTP process's own block cache, kept (the answer, 2.9 MB of N-Triples, is kept too)."""
        try:
            written = (self.data.loaded / OVERVIEW_TRIPLES_NAME).read_bytes()
        except OSError:
            return overview_triples(self.store)
        return tuple(quad.triple for quad in parse(written, format=RdfFormat.N_TRIPLES))

    def _overview(self) -> tuple[tuple[Alternate, ...], str]:
        """What the overview pages embed (:func:`overview`), made once: the data does not change while
        the server runs (two threads may make it at once: the same text, kept once)."""
        if self._overview_made is None:
            self._overview_made = overview(self.store)
        return self._overview_made

    def _network(self, request: _Request) -> Reply:
        """Who met whom, drawn as SVG; ``?person=KEY`` puts one leader in focus."""
        script, lang = self._script(request), self._lang(request)
        rows = summit_rows(self.store, self._ask)
        graph = network(self.store, rows, self._ask)
        labels = _participants_and_labels(self._overview_triples())[1]
        wanted = _first(request.params, "person")
        focus = None
        if wanted is not None:
            focus = next((p for p in graph.counts if unquote(p.value.rpartition("/")[2]) == wanted), None)
            if focus is None:
                return self._not_found(request, f"no leader {wanted!r} took part in a summit here; see /network")
        leaders = [
            Leader(element_id(p.value), self._term_link(p, script, "", labels).text, self._term_link(p, script, lang, labels).href or "", n,
                   self._term_link(graph.sides[p], script).text if p in graph.sides else "—")
            for p, n in graph.counts.items()
        ]
        meetings = [Meeting(element_id(a.value), element_id(b.value), n) for (a, b), n in graph.meetings.items()]
        svg = network_svg(leaders, meetings, focus=element_id(focus.value) if focus else None)
        alternates, data = self._overview()
        page = network_page(svg, lang=lang, alternates=alternates, data=data)
        return Reply(200, _HTML, page.encode("utf-8"), (("Vary", "Accept, Accept-Language"),))

    def _person_timeline(self, person: NamedNode, lang: str) -> str:
        """The timeline of the country a person stood for (all summits when none is known)."""
        side = next((q.object for p in self.store.quads_for_pattern(None, NamedNode(SKG + "agent"), person, None)
                     for q in self.store.quads_for_pattern(p.subject, NamedNode(SKG + "side"), None, None)), None)
        if side is None:
            return f"/timeline?lang={lang}"
        return f"/timeline?country={quote(unquote(side.value.rpartition('/')[2]))}&lang={lang}"

    def _ontology(self, request: _Request) -> Reply:
        """The ontology: its documentation page, or its triples in any RDF format."""
        representation = self._representation(request)
        if isinstance(representation, Reply):
            return representation
        headers = (("Vary", "Accept, Accept-Language"), ("Link", _links("/ontology")))
        triples = self.vocabulary.triples
        if representation.writer:
            body = representations.write(triples, representation, context_url=self.context_url())
            return Reply(200, with_charset(representation.media_type), body, headers)
        page = ontology_page(
            self.vocabulary, lang=self._lang(request), alternates=_alternates("/ontology"),
            data=representations.embedded(triples).decode("utf-8"),
        )
        return Reply(200, _HTML, page.encode("utf-8"), headers)

    def context_url(self) -> str:
        """The address of the published JSON-LD context on this server (its public address)."""
        return self.settings.root + CONTEXT_PATH

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
        served = (Triple(datasets[0], VOID_SPARQL_ENDPOINT, self._endpoint()),  # the dataset is served here
                  *self._distributions(datasets[0]))
        return self._describe(request, datasets[0], tuple(description) + served, ())

    def _distributions(self, dataset: NamedNode) -> list[Triple]:
        """``void:dataDump`` and a ``dcat:Distribution`` for each published file this server serves."""
        triples = []
        for number, (name, dump) in enumerate(sorted(self.dumps.items()), start=1):
            url = NamedNode(f"{self.settings.root}/data/{quote(name)}")
            distribution = BlankNode(f"distribution{number}")  # no IRI of its own that would not dereference
            triples += [
                Triple(dataset, NamedNode(VOID + "dataDump"), url),
                Triple(dataset, NamedNode(DCAT + "distribution"), distribution),
                Triple(distribution, RDF_TYPE, NamedNode(DCAT + "Distribution")),
                Triple(distribution, NamedNode(DCAT + "downloadURL"), url),
                Triple(distribution, NamedNode(DCAT + "mediaType"), NamedNode("https://www.iana.org/assignments/media-types/" + dump.media_type)),
                Triple(distribution, NamedNode(DCT + "format"), Literal(dump.media_type)),
                Triple(distribution, NamedNode(DCT + "title"), Literal(name)),
                *self._file_facts(distribution, dump.path, label=f"checksum{number}"),
            ]
            if dump.media_type == "application/ld+json":  # kg.jsonld is compacted with the published context
                triples.append(Triple(distribution, NamedNode(DCT + "conformsTo"), NamedNode(self.context_url())))
        return triples

    def _file_facts(self, distribution: BlankNode, path: Path, *, label: str) -> list[Triple]:
        """A served file's size and SHA-256, as the build's void.ttl gives them (read once per file, a
        piece at a time: the files of 500 pages are 60 MB and more each, which a read whole would
        have the process hold at once, and keep much of)."""
        if path not in self._digests:
            with path.open("rb") as file:
                self._digests[path] = (os.fstat(file.fileno()).st_size, hashlib.file_digest(file, "sha256").hexdigest())
        size, digest = self._digests[path]
        checksum = BlankNode(label)
        return [
            Triple(distribution, NamedNode(DCAT + "byteSize"), Literal(str(size), datatype=NamedNode(XSD + "nonNegativeInteger"))),
            Triple(distribution, NamedNode(SPDX + "checksum"), checksum),
            Triple(checksum, RDF_TYPE, NamedNode(SPDX + "Checksum")),
            Triple(checksum, NamedNode(SPDX + "algorithm"), NamedNode(SPDX + "checksumAlgorithm_sha256")),
            Triple(checksum, NamedNode(SPDX + "checksumValue"), Literal(digest, datatype=NamedNode(XSD + "hexBinary"))),
        ]

    # --- SPARQL

    def _sparql(self, request: _Request) -> Reply:
        if request.method not in ("GET", "HEAD", "POST"):
            return Reply(405, _TEXT, b"the SPARQL endpoint answers GET and POST\n", (("Allow", "GET, HEAD, POST, OPTIONS"),))
        params = dict(request.params)
        content_type = request.content_type.split(";")[0].strip().lower()
        if request.method == "POST":
            if content_type == "application/sparql-update":
                return text_reply(403, "this endpoint is read-only: SPARQL Update is refused")
            if content_type == "application/sparql-query":
                params["query"] = [request.body.decode("utf-8", errors="replace")]
            elif content_type == "application/x-www-form-urlencoded":
                for name, values in parse_params(request.body.decode("utf-8", errors="replace")).items():
                    params.setdefault(name, []).extend(values)
            else:
                return text_reply(415, "POST a query as application/sparql-query or application/x-www-form-urlencoded")
        if "update" in params:
            return text_reply(403, "this endpoint is read-only: SPARQL Update is refused")
        queries = params.get("query", [])
        if len(queries) > 1:
            return text_reply(400, "give exactly one query parameter")
        output = _first(params, "format") or _first(params, "output") or _first(params, "results")
        best = negotiate(request.accept, _SPARQL_OFFERS)
        if output is None and best is None:
            return _vary(text_reply(406, "the SPARQL endpoint answers " + ", ".join(_SPARQL_OFFERS)))
        html = output == "html" or (output is None and best in _PAGE_TYPES)
        if not queries:
            if html:
                return _vary(self._query_page(query=None, reply=None))
            return _vary(self._service_description(request))
        sparql = queries[0]
        query_request = QueryRequest(
            sparql=sparql,
            accept="application/sparql-results+json, application/n-triples" if html else request.accept,
            format=None if html else output,
            default_graphs=tuple(params.get("default-graph-uri", [])),
            named_graphs=tuple(params.get("named-graph-uri", [])),
        )
        reply = self._answer(query_request, client=request.client)
        return _vary(self._query_page(query=sparql, reply=reply, script=self._script(request)) if html else reply)

    def _query_by_get(self, environ: dict) -> Reply | None:
        """What :meth:`_sparql` answers to the commonest request, read the short way: a GET with no body
        whose only parameter is one ``query``, from a client that accepts data (not the query page).
        None for any other request (the general way reads it). Most requests to an endpoint are
        these, and the general way's reading (the request's fields, its every parameter, the
        query page's choice) cost a computed small SELECT about a sixth of its time."""
        if environ.get("REQUEST_METHOD") != "GET" or environ.get("CONTENT_LENGTH", "") not in ("", "0") \
                or "HTTP_TRANSFER_ENCODING" in environ:
            return None
        params = parse_params(environ.get("QUERY_STRING", "").encode("latin-1").decode("utf-8", errors="replace"))
        queries = params.get("query")
        if len(params) != 1 or queries is None or len(queries) != 1:
            return None
        accept = environ.get("HTTP_ACCEPT", "")
        if negotiate(accept, _SPARQL_OFFERS) in (None, *_PAGE_TYPES):
            return None
        return _vary(self._answer(QueryRequest(queries[0], accept, None), client=environ.get("REMOTE_ADDR", "")))

    def _answer(self, query: QueryRequest, *, client: str) -> Reply:
        """A query refused by reading it never runs; a cheap one runs here, the rest in the workers."""
        try:
            verdict = check_query(query.sparql, allow_service=self.settings.allow_service)
        except QueryError as error:
            return text_reply(400, str(error))
        if (built := self.built.reply(query, self.settings)) is not None:  # a named query the build answered
            return built
        if verdict.cheap:
            deadline = time.monotonic() + CHEAP_BUDGET
            direct = answer_directly(self.store, query, self.settings, deadline=deadline)
            if direct is not None:
                return direct
            try:
                return answer_query(self.store, query, self.settings, deadline=deadline)
            except QueryTimeout:
                pass  # not so cheap after all: the workers can stop it
            except MemoryError:
                return text_reply(413, "the result is too large to hold; add LIMIT or narrow the query")
        return self.pool.run(query, client=client)

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
            Triple(service, NamedNode(sd + "endpoint"), self._endpoint()),
            Triple(service, NamedNode(sd + "supportedLanguage"), NamedNode(sd + "SPARQL11Query")),
            Triple(service, NamedNode(sd + "feature"), NamedNode(sd + "UnionDefaultGraph")),
        ]
        for result_format in ResultFormat:
            triples.append(Triple(service, NamedNode(sd + "resultFormat"), NamedNode(result_format.value.iri)))
        for graph_format in GraphFormat:
            triples.append(Triple(service, NamedNode(sd + "resultFormat"), NamedNode(graph_format.value.iri)))
        graph_format = choose_graph_format(QueryRequest("", request.accept, _first(request.params, "format"))) or GraphFormat.TURTLE
        body = serialize(triples, format=graph_format.value, prefixes={"sd": sd} if graph_format is not GraphFormat.N_TRIPLES else None)
        return Reply(200, with_charset(graph_format.media_type), body)


def _read_request(environ: dict) -> _Request:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    if length > 0:
        body = environ["wsgi.input"].read(length)
    elif environ.get("HTTP_TRANSFER_ENCODING", "").strip().lower() == "chunked":
        body = environ["wsgi.input"].read(MAX_BODY + 1)  # one byte more than allowed tells it is too long
    else:
        body = b""
    raw_query = environ.get("QUERY_STRING", "").encode("latin-1").decode("utf-8", errors="replace")
    return _Request(
        method=environ.get("REQUEST_METHOD", "GET").upper(),
        path=environ.get("PATH_INFO", "/") or "/",
        params=parse_params(raw_query),
        accept=environ.get("HTTP_ACCEPT", ""),
        accept_language=environ.get("HTTP_ACCEPT_LANGUAGE", ""),
        content_type=environ.get("CONTENT_TYPE", ""),
        body=body,
        client=environ.get("REMOTE_ADDR", ""),
    )


def _sparql_text(key: tuple[str, str, str, str]) -> str:
    """The query a kept /sparql GET asked (empty for the service description or the query page)."""
    raw_query = key[1].encode("latin-1").decode("utf-8", errors="replace")
    return " ".join(parse_qs(raw_query).get("query", []))


def _vary(reply: Reply) -> Reply:
    """``reply`` saying that it depends on the Accept header."""
    return Reply(reply.status, reply.media_type, reply.body, (*reply.headers, ("Vary", "Accept")))


def _formats(document: str) -> tuple[Link, ...]:
    """Links to a resource's formats, for the page's 'also as' line."""
    return tuple(Link(name, f"{document}?format={name}") for name in representations.LINKED)


def _alternates(document: str) -> tuple[Alternate, ...]:
    """The ``<link rel="alternate">`` elements of a page, one per format it is also served in."""
    return tuple(
        Alternate(r.media_type, f"{document}?format={r.name}") for r in representations.REPRESENTATIONS if r.writer
    )


@lru_cache(maxsize=1024)
def _links(document: str) -> str:
    """The Link header of a described resource: each format as an alternate, Turtle as its description."""
    links = [
        f'<{document}?format={r.name}>; rel="alternate"; type="{r.media_type}"' for r in representations.REPRESENTATIONS
    ]
    links.append(f'<{document}?format=ttl>; rel="describedby"; type="text/turtle"')
    return ", ".join(links)


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



def create_server(app: App, *, sock: socket.socket | None = None) -> Server:
    """An HTTP server for ``app`` (:mod:`kg.server.http`) on ``sock``, a listening socket, or on
    one bound to the settings' host and port; not yet started.

    Raises :class:`~kg.errors.ConfigError` when the address cannot be bound.
    """
    if sock is None:
        sock, app.settings = bind(app.settings, port=app.port)
    return Server(app, sock=sock, threads=in_flight_limit(app.settings) + CHEAP_THREADS)


@contextmanager
def running(app: App) -> Iterator[str]:
    """Serve ``app`` from granian's threads while the block runs; yields its base URL.

    For notebooks and tests; the server stops when the block ends (the workers stay
    with ``app``: call :meth:`App.close`).
    """
    server = create_server(app)
    server.start()
    try:
        yield f"http://{app.settings.host}:{server.port}"
    finally:
        server.close()
