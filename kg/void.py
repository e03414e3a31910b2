"""The dataset description: VoID and DCAT for ``{base}dataset``, computed from the graph itself.

It says what the data is (title, counts, classes and properties used, example summits),
where it came from (the source articles) and on what terms it may be reused: CC BY-SA 4.0
with attribution to the Wikipedia articles, as their licence requires. The pipeline puts
it into the default graph of the dataset and into void.ttl; void.ttl alone also lists the
published files (:func:`distributions`), which cannot describe their own size and checksum.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal as PyLiteral
from pyoxigraph import NamedNode, QueryResultsFormat, RdfFormat, Store, Triple, serialize
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, RDFS, VOID, XSD
from rdflib.term import Node

from kg.export import new_graph
from kg.vocab import CC, CC_BY_SA_4, CONTEXT_IRI, PREFIXES, SKG, SPDX, Minter, article_title

TITLES = {
    "en": "Summit KG: summit meetings from Wikipedia",
    "zh-Hans": "首脑会晤知识图谱",
    "zh-Hant": "首腦會晤知識圖譜",
}
DESCRIPTION = (
    "Summit meetings, their dates, participants, venues and outcome documents, extracted from "
    "Chinese Wikipedia articles and published as linked data. Every node names the article it "
    "came from (prov:wasDerivedFrom)."
)
SHARED_DESCRIPTION = (
    "The named graph of what two or more source articles say, each triple once; every other named "
    "graph holds what one article alone says. The articles behind a node are its prov:wasDerivedFrom, "
    "stated in each article's own graph."
)
ATTRIBUTION = "Wikipedia contributors"
FORMATS = tuple(
    URIRef(f"http://www.w3.org/ns/formats/{name}") for name in ("Turtle", "JSON-LD", "N-Triples", "TriG")
)
_TYPE = str(RDF.type)
_SUMMIT = str(SKG.Summit)
_SOURCE_ARTICLE = str(SKG.SourceArticle)
_TITLES = {str(DCTERMS.title), str(SKG.title), str(RDFS.label)}
#: Where a media type's IANA registration is: dcat:mediaType names it by this IRI.
MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"


@dataclass
class Stats:
    """What the description counts, over the named graphs of a build (its default graph left out)."""

    triples: int = 0  # distinct triples
    subjects: int = 0  # distinct subjects
    classes: Counter = field(default_factory=Counter)  # class IRI → distinct subjects typed with it
    properties: Counter = field(default_factory=Counter)  # property IRI → distinct triples
    summits: set[str] = field(default_factory=set)
    articles: dict[str, str] = field(default_factory=dict)  # source article IRI → its title
    shared: int = 0  # triples of the shared graph


def stats_of(store: Store, base: str) -> Stats:
    """The counts of the named graphs of ``store``, SPARQL over it."""
    subjects = _number(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    properties = _counted(store, "SELECT ?term (COUNT(*) AS ?n) WHERE { "
                                 "SELECT DISTINCT ?s ?term ?o WHERE { GRAPH ?g { ?s ?term ?o } } } GROUP BY ?term")
    return _stats(store, base, subjects=subjects, properties=properties)


def published_stats(store: Store, *, base: str) -> tuple[Stats, list[str]]:
    """The counts :func:`stats_of` gives, of a store whose named graphs hold each distinct triple
    once (after :func:`kg.rdf.publish_shared_once`), and the subjects of its named graphs, each
    once, as N-Triples writes them (what :func:`kg.export.write_store` writes the files by).

    There a property's distinct triples are its quads: counted without the table of every
    triple that ``DISTINCT`` makes (at 3,000 pages 0.5 s of CPU against 2.1), and the distinct
    subjects are counted as they are listed, once for the counts and the files."""
    answer = store.query("SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } }")
    subjects = answer.serialize(format=QueryResultsFormat.TSV).decode("utf-8").split("\n")[1:-1]
    properties = _counted(store, "SELECT ?term (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?term ?o } } GROUP BY ?term")
    return _stats(store, base, subjects=len(subjects), properties=properties), subjects


def _stats(store: Store, base: str, *, subjects: int, properties: Counter) -> Stats:
    """The counts of the named graphs of ``store``, given its distinct subjects and each property's distinct triples."""
    stats = Stats(subjects=subjects, properties=properties)
    stats.classes = _counted(store, "SELECT ?term (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?term } } GROUP BY ?term")
    # every distinct triple has one predicate, an IRI: the distinct triples are the properties' sum, not counted again
    stats.triples = sum(properties.values())
    summits = f"SELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?s a <{SKG.Summit}> }} }}"
    stats.summits = {row["s"].value for row in store.query(summits)}
    stats.articles = dict(_articles(store))
    stats.shared = shared_size(store, base=base)
    return stats


def shared_size(store: Store, *, base: str) -> int:
    """The triples of the shared graph (what two or more articles say)."""
    shared = NamedNode(str(Minter(base).entity("dataset", "shared")))
    return sum(1 for _ in store.quads_for_pattern(None, None, None, shared))


def contribution(subject: str, triples: Iterable[Triple], *, shared: int) -> Stats:
    """What one subject's distinct triples (over every named graph) add to :class:`Stats`,
    as :func:`stats_of` counts them; ``shared`` of them are in the shared graph."""
    found = Stats(shared=shared)
    titles, article = [], False
    for triple in triples:
        found.triples += 1
        predicate = triple.predicate.value
        found.properties[predicate] += 1
        if predicate == _TYPE and isinstance(triple.object, NamedNode):
            found.classes[triple.object.value] = 1
            article = article or triple.object.value == _SOURCE_ARTICLE
            if triple.object.value == _SUMMIT:
                found.summits.add(subject)
        elif predicate in _TITLES and isinstance(triple.object, PyLiteral):
            titles.append(triple.object.value)
    found.subjects = 1 if found.triples else 0
    if article:
        found.articles[subject] = min(titles) if titles else _title_of(subject)
    return found


def add(stats: Stats, other: Stats, sign: int = 1) -> None:
    """Adds ``other`` into ``stats`` (takes it away with ``sign`` -1)."""
    stats.triples += sign * other.triples
    stats.subjects += sign * other.subjects
    stats.shared += sign * other.shared
    for mine, theirs in ((stats.classes, other.classes), (stats.properties, other.properties)):
        for key, count in theirs.items():
            mine[key] += sign * count
            if not mine[key]:
                del mine[key]
    if sign > 0:
        stats.summits |= other.summits
        stats.articles.update(other.articles)
    else:
        stats.summits -= other.summits
        for article in other.articles:
            stats.articles.pop(article, None)


def describe(data: Dataset | Store, *, base: str, endpoint: str | None = None) -> Graph:
    """The VoID/DCAT description of the named graphs of ``data`` (its default graph is left out).

    ``data`` is the build's store (one named graph per article), or an rdflib dataset;
    the counts are SPARQL over it. ``base`` is the IRI base of the entities; the
    description is about ``{base}dataset``. ``endpoint``, when the graph is served,
    becomes ``void:sparqlEndpoint``.

        >>> graph = describe(Dataset(), base="https://example.org/id/")
        >>> int(graph.value(URIRef("https://example.org/id/dataset"), VOID.triples))
        0
    """
    store = data if isinstance(data, Store) else _store_of(data)
    return description(stats_of(store, base=base), base=base, endpoint=endpoint)


def description(stats: Stats, *, base: str, endpoint: str | None = None) -> Graph:
    """The VoID/DCAT description that ``stats`` (of a build's named graphs) gives."""
    graph = new_graph()
    graph.bind("formats", "http://www.w3.org/ns/formats/")
    for triple in _described(stats, base=base, endpoint=endpoint):
        graph.add(triple)
    return graph


def _described(stats: Stats, *, base: str, endpoint: str | None = None) -> list[tuple[Node, Node, Node]]:
    node = URIRef(f"{base}dataset")
    minter = Minter(base)
    graph = _Triples()
    for cls in (VOID.Dataset, DCAT.Dataset):
        graph.add((node, RDF.type, cls))
    for language, title in TITLES.items():
        graph.add((node, DCTERMS.title, Literal(title, lang=language)))
    graph.add((node, DCTERMS.description, Literal(DESCRIPTION, lang="en")))
    graph.add((node, DCTERMS.license, CC_BY_SA_4))
    graph.add((node, CC.license, CC_BY_SA_4))
    graph.add((node, CC.attributionName, Literal(ATTRIBUTION)))
    graph.add((node, VOID.uriSpace, Literal(base)))
    for fmt in FORMATS:
        graph.add((node, VOID.feature, fmt))
    if endpoint:
        graph.add((node, VOID.sparqlEndpoint, URIRef(endpoint)))

    titles = []
    for iri, title in sorted(stats.articles.items()):
        article = URIRef(iri)
        titles.append(title)
        graph.add((node, DCTERMS.source, article))
        graph.add((node, PROV.wasDerivedFrom, article))
        graph.add((node, CC.attributionURL, article))
        graph.add((article, DCTERMS.title, Literal(title)))
        graph.add((article, DCTERMS.license, CC_BY_SA_4))
        graph.add((article, DCTERMS.creator, Literal(ATTRIBUTION)))
    if titles:
        graph.add((node, DCTERMS.rights, Literal(_rights(titles), lang="en")))
    shared = minter.entity("dataset", "shared")
    if stats.shared:
        graph.add((node, VOID.subset, shared))
        graph.add((shared, RDF.type, VOID.Dataset))
        graph.add((shared, DCTERMS.description, Literal(SHARED_DESCRIPTION, lang="en")))

    graph.add((node, VOID.triples, Literal(stats.triples)))
    graph.add((node, VOID.distinctSubjects, Literal(stats.subjects)))
    classes = Counter({URIRef(cls): count for cls, count in stats.classes.items()})
    properties = Counter({URIRef(prop): count for prop, count in stats.properties.items()})
    graph.add((node, VOID.entities, Literal(sum(classes.values()))))
    graph.add((node, VOID.classes, Literal(len(classes))))
    for cls, count in sorted(classes.items(), key=lambda item: str(item[0])):
        partition = _partition(minter, "class", cls)
        graph.add((node, VOID.classPartition, partition))
        graph.add((partition, VOID["class"], cls))
        graph.add((partition, VOID.entities, Literal(count)))
    graph.add((node, VOID.properties, Literal(len(properties))))
    for prop, count in sorted(properties.items(), key=lambda item: str(item[0])):
        partition = _partition(minter, "property", prop)
        graph.add((node, VOID.propertyPartition, partition))
        graph.add((partition, VOID.property, prop))
        graph.add((partition, VOID.triples, Literal(count)))
    for vocabulary in _vocabularies(classes, properties):
        graph.add((node, VOID.vocabulary, vocabulary))
    for summit in sorted(stats.summits):
        graph.add((node, VOID.exampleResource, URIRef(summit)))
    return graph


class _Triples(list):
    def add(self, triple: tuple[Node, Node, Node]) -> None:
        self.append(triple)


def site(base: str) -> str:
    """Where a build whose entities are under ``base`` puts its other resources (``data/…``):
    ``base`` without its last ``id/``.

        >>> site("https://w3id.org/summit-kg/id/"), site("https://example.org/kg/")
        ('https://w3id.org/summit-kg/', 'https://example.org/kg/')
    """
    return base[: -len("id/")] if base.endswith("/id/") else base


def distributions(files: Sequence[tuple[Path, str]], *, base: str,
                  digests: dict[str, tuple[int, str]] | None = None) -> Graph:
    """``void:dataDump`` and a ``dcat:Distribution`` for each published file, given as (path, media type).

    Each file is downloaded from ``{site}data/NAME`` (see :func:`site`; the w3id rules send
    that to ``kg serve``'s ``/data/NAME``), never from an address a request named. A
    distribution says the file's media type, size in bytes and SHA-256 (``spdx:checksum``,
    as DCAT 3 does); the JSON-LD file also the context it names. The nodes are blank, with
    labels from the file names, so the same files give the same triples. ``digests`` gives
    the size and SHA-256 of files by name, computed as they were written (the others are read).
    """
    dataset = URIRef(f"{base}dataset")
    graph = new_graph()
    graph.bind("spdx", SPDX)
    for path, media_type in files:
        url = URIRef(f"{site(base)}data/{path.name}")
        label = re.sub(r"[^A-Za-z0-9]+", "-", path.name)
        distribution, checksum = BNode(f"distribution-{label}"), BNode(f"checksum-{label}")
        size, checksum_value = (digests or {}).get(path.name) or _digest(path)
        graph.add((dataset, VOID.dataDump, url))
        graph.add((dataset, DCAT.distribution, distribution))
        for predicate, obj in (
            (RDF.type, DCAT.Distribution), (DCTERMS.title, Literal(path.name)), (DCAT.downloadURL, url),
            (DCAT.mediaType, URIRef(MEDIA_TYPES + media_type)), (DCTERMS["format"], Literal(media_type)),
            (DCAT.byteSize, Literal(str(size), datatype=XSD.nonNegativeInteger)), (SPDX.checksum, checksum),
        ):
            graph.add((distribution, predicate, obj))
        if media_type == "application/ld+json":
            graph.add((distribution, DCTERMS.conformsTo, URIRef(CONTEXT_IRI)))
        graph.add((checksum, RDF.type, SPDX.Checksum))
        graph.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        graph.add((checksum, SPDX.checksumValue, Literal(checksum_value, datatype=XSD.hexBinary)))
    return graph


def _digest(path: Path) -> tuple[int, str]:
    """A file's size and SHA-256, read a few MiB at a time."""
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 22):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def _store_of(dataset: Dataset) -> Store:
    """The named graphs of an rdflib dataset in a store."""
    store = Store()
    for context in dataset.graphs():
        if context.identifier != DATASET_DEFAULT_GRAPH_ID and len(context):
            store.bulk_load(context.serialize(format="nt", encoding="utf-8"), RdfFormat.N_TRIPLES,
                            to_graph=NamedNode(str(context.identifier)))
    return store


def _number(store: Store, query: str) -> int:
    return int(next(iter(store.query(query)))["n"].value)


def _counted(store: Store, query: str) -> Counter:
    """``?term`` → ``?n`` of a grouped count, the terms as IRI strings."""
    return Counter({row["term"].value: int(row["n"].value) for row in store.query(query)
                    if isinstance(row["term"], NamedNode)})


def _title_of(article: str) -> str:
    """An article's title from its IRI, when no graph gives one."""
    parsed = article_title(article)
    return parsed[1] if parsed else article


def _articles(store: Store) -> list[tuple[str, str]]:
    """Every source article, sorted, with its title (as the graph gives it, else from its IRI)."""
    query = f"""SELECT ?a (MIN(STR(?t)) AS ?title) WHERE {{
        GRAPH ?g {{ ?a a <{SKG.SourceArticle}> }}
        OPTIONAL {{ GRAPH ?h {{ ?a <{DCTERMS.title}>|<{SKG.title}>|<{RDFS.label}> ?t }} }}
    }} GROUP BY ?a"""
    found = []
    for row in store.query(query):
        article = row["a"].value
        found.append((article, row["title"].value if row["title"] is not None else _title_of(article)))
    return sorted(found)


def _partition(minter: Minter, kind: str, term: Node) -> URIRef:
    """``{base}dataset/class-skg-Summit``; a digest for a term outside our prefixes."""
    for prefix, namespace in PREFIXES.items():
        local = str(term)[len(str(namespace)):]
        if str(term).startswith(str(namespace)) and re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", local):
            return minter.entity("dataset", f"{kind}-{prefix}-{local}")
    return minter.hashed("dataset", kind, str(term))


def _rights(titles: list[str]) -> str:
    named = ", ".join(f"“{title}”" for title in titles)
    return (
        f"Derived from the Wikipedia article{'s' if len(titles) > 1 else ''} {named} by {ATTRIBUTION}, "
        "under CC BY-SA 4.0; reuse must credit them and share alike."
    )


def _vocabularies(classes: Counter, properties: Counter) -> list[URIRef]:
    """The namespaces of PREFIXES that the classes and properties used belong to."""
    used = {str(term) for term in (*classes, *properties)}
    return [
        URIRef(str(namespace))
        for namespace in sorted({str(ns) for ns in PREFIXES.values()})
        if any(term.startswith(namespace) for term in used)
    ]


def description_lines(stats: Stats, *, base: str, endpoint: str | None = None) -> list[str]:
    """The description of ``stats`` as the sorted N-Triples lines a build publishes in its default graph."""
    from kg.turtle import canonical_lines

    triples = [Triple(*(_oxigraph(term) for term in triple)) for triple in _described(stats, base=base, endpoint=endpoint)]
    return canonical_lines(serialize(triples, format=RdfFormat.N_TRIPLES))


def _oxigraph(term: Node):
    """An rdflib IRI or literal as pyoxigraph's."""
    if isinstance(term, URIRef):
        return NamedNode(str(term))
    if term.language:
        return PyLiteral(str(term), language=term.language)
    return PyLiteral(str(term), datatype=NamedNode(str(term.datatype))) if term.datatype else PyLiteral(str(term))
