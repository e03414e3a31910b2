"""The RDF representations of a described resource: one table of media types, names and writers.

Every RDF format rdflib reads is offered, so ``rdflib.Graph().parse(url, format=F)`` gets
something it can parse for each ``F``: N-Triples is listed first because it is a subset of
Turtle, TriG, N3 and N-Quads (a client that accepts all of them equally, as rdflib does for
``nquads``, gets a document each of those parsers reads). JSON-LD is compacted with the
project's published context and names it by its address on this server.

    >>> [r.name for r in REPRESENTATIONS][:4]
    ['nt', 'ttl', 'jsonld', 'rdf']
    >>> by_name("turtle").media_type
    'text/turtle'
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pyoxigraph import RdfFormat, Triple, serialize
from rdflib import Dataset, Graph
from rdflib.plugins.serializers.jsonld import Converter
from rdflib.plugins.shared.jsonld.context import Context

from kg.export import context
from kg.query import minted_tags as _with_minted_tags
from kg.vocab import PREFIXES


@dataclass(frozen=True)
class Representation:
    """One way of writing a resource's triples."""

    name: str  # the ?format= name shown in links
    media_type: str  # what the Content-Type says
    accepts: tuple[str, ...]  # media types in Accept that select it (the first is media_type)
    aliases: tuple[str, ...] = ()  # other ?format= names
    writer: str = ""  # a pyoxigraph RdfFormat name, or "rdflib:NAME", or "" for the HTML page


REPRESENTATIONS: tuple[Representation, ...] = (
    Representation("nt", "application/n-triples", ("application/n-triples", "text/plain"), ("ntriples", "n-triples"), "N_TRIPLES"),
    Representation("ttl", "text/turtle", ("text/turtle", "application/x-turtle"), ("turtle",), "TURTLE"),
    Representation("jsonld", "application/ld+json", ("application/ld+json", "application/json"), ("json-ld", "json"), "rdflib:json-ld"),
    Representation("rdf", "application/rdf+xml", ("application/rdf+xml", "application/xml", "text/xml"), ("xml", "rdfxml"), "RDF_XML"),
    Representation("html", "text/html", ("text/html", "application/xhtml+xml"), (), ""),
    Representation("n3", "text/n3", ("text/n3", "text/rdf+n3"), (), "N3"),
    Representation("trig", "application/trig", ("application/trig",), (), "TRIG"),
    Representation("nq", "application/n-quads", ("application/n-quads",), ("nquads",), "N_QUADS"),
    Representation("trix", "application/trix", ("application/trix",), (), "rdflib:trix"),
    Representation("hext", "application/hex+x-ndjson", (), ("hextuples",), "rdflib:hext"),
)

#: Our prefixes as the engine's writers take them (made once, not for each answer).
_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}

#: The formats a page links to as alternates (the ones people ask for by name).
LINKED = ("ttl", "jsonld", "nt", "rdf")


def offers() -> list[str]:
    """Every media type a described resource answers to, in the server's order of preference."""
    return [media for r in REPRESENTATIONS for media in r.accepts]


def by_media_type(media_type: str) -> Representation:
    return next(r for r in REPRESENTATIONS if media_type in r.accepts)


def by_name(name: str) -> Representation | None:
    """The representation a ``?format=`` value names, or None."""
    name = name.lower()
    return next((r for r in REPRESENTATIONS if name == r.name or name in r.aliases), None)


def write(triples: Sequence[Triple], representation: Representation, *, context_url: str) -> bytes:
    """``triples`` written as ``representation`` (not the HTML page), language tags as minted."""
    if representation.writer.startswith("rdflib:"):
        fmt = representation.writer.removeprefix("rdflib:")
        graph = Dataset() if fmt == "trix" else Graph(bind_namespaces="none")  # TriX writes graphs of a dataset
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        graph.parse(data=_with_minted_tags(serialize(list(triples), format=RdfFormat.N_TRIPLES)), format="nt")
        if fmt == "json-ld":
            return jsonld(graph, context_url=context_url)
        return graph.serialize(format=fmt, encoding="utf-8")
    rdf_format = getattr(RdfFormat, representation.writer)
    prefixes = None if rdf_format in (RdfFormat.N_TRIPLES, RdfFormat.N_QUADS) else _PREFIXES
    return _with_minted_tags(serialize(list(triples), format=rdf_format, prefixes=prefixes), xml=rdf_format == RdfFormat.RDF_XML)


def jsonld(graph: Graph, *, context_url: str | None) -> bytes:
    """``graph`` as JSON-LD compacted with the published context, naming it by ``context_url``.

    With ``context_url=None`` the context is written inline (a page's embedded data, which
    a reader parses without fetching anything).
    """
    # what rdflib's serializer computes (its arguments as it passes them, the context read once), without
    # writing it and reading it back
    document = Converter(_context_terms(), (False,), False).convert(graph)
    graph_key = _context_terms().get_key("@graph")
    if isinstance(document, list):
        document = {graph_key: document}
    if isinstance(document.get(graph_key), list):  # its nodes in a fixed order (rdflib's follows the process's string hashing)
        document[graph_key] = sorted(document[graph_key], key=_node_order)
    said = json.dumps(context_url) if context_url is not None else _context_text()
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
    if any(key < "@context" for key in document):  # the context would not come first: written whole
        document["@context"] = json.loads(said)
        return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
    # the context, written once, goes first, as sort_keys puts it (writing it each time was most of a page's time)
    rest = text[1:-1].rstrip()
    return ("{\n  \"@context\": " + said + ("," + rest if rest else "") + "\n}").encode("utf-8")


def _node_order(node: dict) -> str:
    return json.dumps(node, ensure_ascii=False, sort_keys=True)


@lru_cache(maxsize=1)
def _context() -> dict:
    return context()


@lru_cache(maxsize=1)
def _context_terms() -> Context:
    """The context as rdflib reads it (its terms), read once: rdflib only looks terms up in it."""
    return Context(_context())


@lru_cache(maxsize=1)
def _context_text() -> str:
    """The context as it is written inside a document, one level deep."""
    return json.dumps(_context(), ensure_ascii=False, indent=2, sort_keys=True).replace("\n", "\n  ")


def embedded(triples: Sequence[Triple]) -> bytes:
    """``triples`` as JSON-LD with the context inline, for a page's ``<script type="application/ld+json">``.

    Inline, so a reader of the page gets the same triples as the Turtle without fetching anything.
    """
    graph = Graph(bind_namespaces="none")
    graph.parse(data=_with_minted_tags(serialize(list(triples), format=RdfFormat.N_TRIPLES)), format="nt")
    return jsonld(graph, context_url=None)
