"""The dataset description: VoID and DCAT for ``{base}dataset``, computed from the graph itself.

It says what the data is (title, counts, classes and properties used, example summits),
where it came from (the source articles) and on what terms it may be reused: CC BY-SA 4.0
with attribution to the Wikipedia articles, as their licence requires. The pipeline puts
it into the default graph of the dataset and into void.ttl.
"""

from __future__ import annotations

import re
from collections import Counter

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, RDFS, VOID
from rdflib.term import Node

from kg.export import new_graph
from kg.vocab import CC, CC_BY_SA_4, PREFIXES, SKG, Minter, article_title

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
ATTRIBUTION = "Wikipedia contributors"
FORMATS = tuple(
    URIRef(f"http://www.w3.org/ns/formats/{name}") for name in ("Turtle", "JSON-LD", "N-Triples", "TriG")
)


def describe(dataset: Dataset, *, base: str, endpoint: str | None = None) -> Graph:
    """The VoID/DCAT description of the named graphs of ``dataset`` (its default graph is left out).

    ``base`` is the IRI base of the entities; the description is about ``{base}dataset``.
    ``endpoint``, when the graph is served, becomes ``void:sparqlEndpoint``.

        >>> graph = describe(Dataset(), base="https://example.org/id/")
        >>> int(graph.value(URIRef("https://example.org/id/dataset"), VOID.triples))
        0
    """
    data = _named_graphs(dataset)
    node = URIRef(f"{base}dataset")
    minter = Minter(base)
    graph = new_graph()
    graph.bind("formats", "http://www.w3.org/ns/formats/")
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

    articles = sorted(set(data.subjects(RDF.type, SKG.SourceArticle)), key=str)
    titles = []
    for article in articles:
        title = _title(data, article)
        titles.append(title)
        graph.add((node, DCTERMS.source, article))
        graph.add((node, PROV.wasDerivedFrom, article))
        graph.add((node, CC.attributionURL, article))
        graph.add((article, DCTERMS.title, Literal(title)))
        graph.add((article, DCTERMS.license, CC_BY_SA_4))
        graph.add((article, DCTERMS.creator, Literal(ATTRIBUTION)))
    if titles:
        graph.add((node, DCTERMS.rights, Literal(_rights(titles), lang="en")))

    graph.add((node, VOID.triples, Literal(len(data))))
    graph.add((node, VOID.distinctSubjects, Literal(len(set(data.subjects(unique=True))))))
    classes = Counter(cls for _, cls in set(data.subject_objects(RDF.type)))
    graph.add((node, VOID.entities, Literal(sum(classes.values()))))
    graph.add((node, VOID.classes, Literal(len(classes))))
    for cls, count in sorted(classes.items(), key=lambda item: str(item[0])):
        partition = _partition(minter, "class", cls)
        graph.add((node, VOID.classPartition, partition))
        graph.add((partition, VOID["class"], cls))
        graph.add((partition, VOID.entities, Literal(count)))
    properties = Counter(predicate for _, predicate, _ in data)
    graph.add((node, VOID.properties, Literal(len(properties))))
    for prop, count in sorted(properties.items(), key=lambda item: str(item[0])):
        partition = _partition(minter, "property", prop)
        graph.add((node, VOID.propertyPartition, partition))
        graph.add((partition, VOID.property, prop))
        graph.add((partition, VOID.triples, Literal(count)))
    for vocabulary in _vocabularies(classes, properties):
        graph.add((node, VOID.vocabulary, vocabulary))
    for summit in data.subjects(RDF.type, SKG.Summit):
        graph.add((node, VOID.exampleResource, summit))
    return graph


def _partition(minter: Minter, kind: str, term: Node) -> URIRef:
    """``{base}dataset/class-skg-Summit``; a digest for a term outside our prefixes."""
    for prefix, namespace in PREFIXES.items():
        local = str(term)[len(str(namespace)):]
        if str(term).startswith(str(namespace)) and re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", local):
            return minter.entity("dataset", f"{kind}-{prefix}-{local}")
    return minter.hashed("dataset", kind, str(term))


def _named_graphs(dataset: Dataset) -> Graph:
    """The distinct triples of every named graph: the data, without any earlier description."""
    union = Graph()
    for subject, predicate, obj, name in dataset.quads((None, None, None, None)):
        if name is not None and name != DATASET_DEFAULT_GRAPH_ID:
            union.add((subject, predicate, obj))
    return union


def _title(data: Graph, article: Node) -> str:
    """An article's title as the graph gives it, else the last segment of its IRI."""
    for predicate in (DCTERMS.title, SKG.title, RDFS.label):
        value = data.value(article, predicate)
        if value is not None:
            return str(value)
    found = article_title(str(article))
    return found[1] if found else str(article)


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
