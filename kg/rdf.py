"""The only place triples are made: one article's extraction → its named graph.

Every entity gets its class, its labels, ``prov:wasDerivedFrom`` the article and
``skg:evidence`` the text spans it came from; every fact a triple; every inferred fact
also an ``skg:InferredStatement`` saying how and from what. The article itself carries
its provenance (title, language, revision, SHA-256), licence, citations, external links,
categories and see-also links.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import date
from decimal import Decimal

from pyoxigraph import BlankNode, DefaultGraph, NamedNode, Quad, Store
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from rdflib.plugins.serializers.nt import _quoteLiteral  # the N-Triples serialiser's own literals: the same bytes
from rdflib.term import Node

from kg.model import Article, Entity, EntityId, Evidence, Extraction, Fact, Kind, Label, Url, Year
from kg.vocab import CC_BY_SA_4, DEFAULT_BASE, SKG, Minter, article_iri

CLASSES: dict[Kind, tuple[URIRef, ...]] = {
    Kind.SUMMIT: (SKG.Summit,),
    Kind.SERIES: (SKG.SummitSeries,),
    Kind.PERSON: (SKG.Person,),
    Kind.PLACE: (SKG.Place,),
    Kind.COUNTRY: (SKG.Country, SKG.Place),
    Kind.DOCUMENT: (SKG.Document,),
    Kind.ORGANIZATION: (SKG.Organization,),
    Kind.POSITION: (SKG.Position,),
    Kind.PARTICIPATION: (SKG.Participation,),
    Kind.ADMINISTRATION: (SKG.Administration, SKG.Period),
    Kind.PERIOD: (SKG.Period,),
    Kind.AWARD: (SKG.Award,),
    Kind.AWARD_RECEIPT: (SKG.AwardReceipt,),
    Kind.GIFT: (SKG.Gift,),
    Kind.CROSSING: (SKG.Crossing,),
    Kind.EVENT: (SKG.Event,),
    Kind.CITATION: (SKG.Citation,),
    Kind.WEBLINK: (SKG.ExternalLink,),
}


def article_of(extraction: Extraction) -> URIRef:
    """The IRI of the article an extraction came from; it also names its graph."""
    return article_iri(extraction.source.wiki, extraction.source.title)


def settle_labels(store: Store) -> None:
    """One ``rdfs:label`` per language per node across all articles' graphs of ``store``.

    Two articles may name the same node differently (a summit after each article's own
    title); the label that sorts first is kept and the others become ``skos:altLabel``
    in the graphs that gave them, whatever order the articles were read in. Only the
    nodes with two labels in one language are looked at (a SPARQL group over the store).
    """
    label, alt = NamedNode(str(RDFS.label)), NamedNode(str(SKOS.altLabel))
    clashes = store.query(f"SELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?s <{RDFS.label}> ?l }} }} "
                          f"GROUP BY ?s (LANG(?l)) HAVING (COUNT(DISTINCT ?l) > 1)")
    for subject in [row["s"] for row in clashes]:
        by_language: dict[str, list[Quad]] = defaultdict(list)
        for quad in store.quads_for_pattern(subject, label, None, None):
            if isinstance(quad.graph_name, NamedNode):
                by_language[quad.object.language or ""].append(quad)
        for quads in by_language.values():
            keep = min(quad.object.value for quad in quads)
            for quad in quads:
                if quad.object.value != keep:
                    store.remove(quad)
                    store.add(Quad(quad.subject, alt, quad.object, quad.graph_name))


def shared_graph(base: str = DEFAULT_BASE) -> NamedNode:
    """The named graph that holds, once, every triple two or more articles state."""
    return NamedNode(str(Minter(base).entity("dataset", "shared")))


def publish_shared_once(store: Store, *, base: str = DEFAULT_BASE,
                        among: Iterable[NamedNode | BlankNode] | None = None) -> NamedNode:
    """Moves every triple that two or more named graphs of ``store`` state into :func:`shared_graph`.

    A country, a position or a summit named by many articles would otherwise be described
    once per article, and a query over the union of the graphs would meet each of its
    triples once per article (N² work for N articles). After this each distinct triple is
    in exactly one graph: an article's own graph keeps what only that article says, the
    shared graph what several say. Provenance stays with the articles: each of them keeps
    its ``prov:wasDerivedFrom`` and evidence spans of the nodes it described, which no
    other article states. The default graph (the dataset description) is left as it is.
    Run it after labels are settled and links added, before the description is written.

    The triples are found by a SPARQL group over the store and moved quad by quad: they are
    few (1,325 of 353,000 at 1,000 pages), and the same move as one SPARQL update joined the
    group with every quad of the store again (about half of its time). ``among``, when given,
    holds every subject that two or more named graphs state (more does no harm): the triples
    are then found among their quads alone, not by a group of every quad of the store (at
    3,000 pages 546 subjects of 150,220, their 182,161 quads of 1,172,813: 0.4 s of CPU against
    2.4).
    """
    shared = shared_graph(base)
    if among is None:
        several = store.query("SELECT ?s ?p ?o WHERE { GRAPH ?any { ?s ?p ?o } } GROUP BY ?s ?p ?o "
                              "HAVING (COUNT(?any) > 1)")
        triples = [(row["s"], row["p"], row["o"]) for row in several]
    else:
        triples = []
        for subject in among:
            graphs: dict[tuple, int] = defaultdict(int)
            for quad in store.quads_for_pattern(subject, None, None, None):
                if not isinstance(quad.graph_name, DefaultGraph):
                    graphs[quad.predicate, quad.object] += 1
            triples.extend((subject, predicate, obj) for (predicate, obj), count in graphs.items() if count > 1)
    for subject, predicate, obj in triples:
        for quad in list(store.quads_for_pattern(subject, predicate, obj, None)):
            if not isinstance(quad.graph_name, DefaultGraph):  # GRAPH ?g: the named graphs only
                store.remove(quad)
        store.add(Quad(subject, predicate, obj, shared))
    return shared


def to_graph(extraction: Extraction, *, minter: Minter) -> Graph:
    """The graph of one article, in rdflib's plain in-memory store (no named graphs, no
    prefixes: a page's graph is validated and written as N-Triples, and fills about twice
    as fast as in the store that keeps contexts)."""
    graph = Graph(store="SimpleMemory", bind_namespaces="none")
    for triple in page_triples(extraction, minter=minter):
        graph.add(triple)
    return graph


def page_triples(extraction: Extraction, *, minter: Minter) -> Triples:
    """The triples of one article, as :func:`to_graph` holds them but without a graph
    around them (a build's page is screened, validated and written from these; about
    half the cost of filling rdflib's store)."""
    triples = Triples()
    writer = _Writer(triples, minter, extraction)
    writer.article()
    for entity in extraction.entities:
        writer.entity(entity)
    for fact in extraction.facts:
        writer.fact(fact)
    return triples


class Triples:
    """A set of triples iterated in the order rdflib's plain in-memory store gives them
    (subjects as first added, then their predicates, then their objects), so that what is
    read from it (a validation report, N-Triples lines) is what that store would give::

        >>> triples = Triples()
        >>> triples.add((URIRef("urn:a"), RDFS.label, Literal("甲")))
        >>> triples.add((URIRef("urn:b"), RDFS.label, Literal("乙")))
        >>> triples.add((URIRef("urn:a"), RDFS.comment, Literal("丙")))
        >>> [str(o) for _, _, o in triples], len(triples)
        (['甲', '丙', '乙'], 3)
    """

    def __init__(self) -> None:
        #: subject → predicate → value → the triple's N-Triples line once made (None before):
        #: a line asked for again is read where the triple is, not looked up by the triple
        #: (whose literal rdflib hashes in Python, three times a line)
        self._by_subject: dict = {}

    def lines(self, written: Callable[[Literal], Node] | None = None) -> list[str]:
        """Each triple's N-Triples line (with its newline), in order, as rdflib's serialiser
        writes it; with ``written``, each literal object as ``written`` gives it (IRIs and blank
        nodes are written as they are). A line is made once per triple, however often it is asked for."""
        lines, names = [], {}
        for subject, predicates in self._by_subject.items():
            for predicate, values in predicates.items():
                for value, line in values.items():
                    if written is not None and isinstance(value, Literal) and (other := written(value)) is not value:
                        lines.append(_row(subject, predicate, other, names))
                        continue
                    if line is None:  # an existing key's value replaced: the dict's order is kept
                        line = values[value] = _row(subject, predicate, value, names)
                    lines.append(line)
        return lines

    def add(self, triple: tuple) -> None:
        subject, predicate, value = triple
        self._by_subject.setdefault(subject, {}).setdefault(predicate, {}).setdefault(value, None)  # a line made stays

    def remove(self, triple: tuple) -> None:
        """Takes out one triple (all three terms given), as the store does: its subject keeps its place."""
        subject, predicate, value = triple
        self._by_subject.get(subject, {}).get(predicate, {}).pop(value, None)

    def __contains__(self, triple: tuple) -> bool:
        subject, predicate, value = triple
        return value in self._by_subject.get(subject, {}).get(predicate, ())

    def __iter__(self):
        for subject, predicates in self._by_subject.items():
            for predicate, values in predicates.items():
                for value in values:
                    yield subject, predicate, value

    def __len__(self) -> int:
        return sum(len(values) for predicates in self._by_subject.values() for values in predicates.values())

    def by_subject(self) -> Mapping[Node, Mapping[Node, Collection[Node]]]:
        """The triples as each subject's predicates and each predicate's values (not to be changed)."""
        return self._by_subject

    def graph(self) -> Graph:
        """The same triples in rdflib's plain in-memory store, in the same order."""
        graph = Graph(store="SimpleMemory", bind_namespaces="none")
        for triple in self:
            graph.add(triple)
        return graph


# The terms a page's writer uses, made once: an attribute of an rdflib namespace makes (and checks) a new URIRef each time.
_TYPE, _LABEL, _ALT_LABEL = RDF.type, RDFS.label, SKOS.altLabel
_DERIVED_FROM, _INTEGER = PROV.wasDerivedFrom, XSD.integer
_EVIDENCE, _TEXT_SPAN, _START, _END, _TEXT, _SECTION = (SKG.evidence, SKG.TextSpan, SKG.startOffset, SKG.endOffset,
                                                        SKG.text, SKG.sectionHeading)
_INFERRED, _STATEMENT, _SUBJECT, _PREDICATE, _OBJECT = (SKG.InferredStatement, RDF.Statement, RDF.subject,
                                                        RDF.predicate, RDF.object)
_METHOD, _BASED_ON, _SUPPORTED_BY, _MAIN_ARTICLE = SKG.inferenceMethod, SKG.basedOn, SKG.supportedBy, SKG.mainArticle
_CLASSES = {kind.value: classes for kind, classes in CLASSES.items()}
_PROPERTIES: dict[str, URIRef] = {}


def _row(subject: Node, predicate: Node, value: Node, names: dict[Node, str]) -> str:
    """rdflib's N-Triples line of a triple (``_nt_row``), each IRI's or blank node's text made
    once in ``names``: rdflib checks an IRI each time it writes one (an invalid IRI raises as it does there)."""
    first = names.get(subject)
    if first is None:
        first = names[subject] = subject.n3()
    second = names.get(predicate)
    if second is None:
        second = names[predicate] = predicate.n3()
    if isinstance(value, Literal):
        return f"{first} {second} {_quoteLiteral(value)} .\n"
    third = names.get(value)
    if third is None:
        third = names[value] = value.n3()
    return f"{first} {second} {third} .\n"


class _Writer:
    """Writes one extraction's triples. What a page names many times (an entity's IRI, an
    evidence span and its triples, a property) is made once per page: the same triples, added in the same order."""

    def __init__(self, graph: Graph | Triples, minter: Minter, extraction: Extraction) -> None:
        self.graph = graph
        self.minter = minter
        self.extraction = extraction
        self.article_iri = article_of(extraction)
        self.wiki = extraction.source.wiki
        self._iris: dict[EntityId, URIRef] = {}
        self._spans: dict[Evidence, URIRef] = {}

    def iri(self, entity: EntityId) -> URIRef:
        found = self._iris.get(entity)
        if found is None:
            found = self._iris[entity] = _minted(self.minter, entity.kind.value, entity.key)
        return found

    def article(self) -> None:
        g, a, source = self.graph, self.article_iri, self.extraction.source
        g.add((a, _TYPE, SKG.SourceArticle))
        g.add((a, DCTERMS.title, Literal(source.title, lang=source.language)))
        g.add((a, DCTERMS.language, Literal(source.language)))
        g.add((a, DCTERMS.license, CC_BY_SA_4))
        g.add((a, DCTERMS.publisher, Literal(source.wiki)))
        g.add((a, SKG.sha256, Literal(source.sha256)))
        if source.revision_id is not None:
            g.add((a, SKG.revisionId, Literal(source.revision_id, datatype=_INTEGER)))
        if source.timestamp:
            g.add((a, SKG.revisionTimestamp, Literal(source.timestamp, datatype=XSD.dateTime)))
        cites, external = SKG.cites, SKG.externalLink
        for entity in self.extraction.entities:
            if entity.id.kind is Kind.CITATION:
                g.add((a, cites, self.iri(entity.id)))
            elif entity.id.kind is Kind.WEBLINK:
                g.add((a, external, self.iri(entity.id)))
        if self.extraction.categories:
            category = SKG.category
            for name in self.extraction.categories:
                g.add((a, category, article_iri(self.wiki, f"Category:{name}")))
        if self.extraction.see_also:
            see_also = SKG.seeAlso
            for title in self.extraction.see_also:
                g.add((a, see_also, article_iri(self.wiki, title)))

    def entity(self, entity: Entity) -> None:
        add, node = self.graph.add, self.iri(entity.id)
        for cls in _CLASSES[entity.id.kind.value]:
            add((node, _TYPE, cls))
        add((node, _DERIVED_FROM, self.article_iri))
        for label in entity.labels:
            add((node, _LABEL, _text(label)))
        for label in entity.alt_labels:
            add((node, _ALT_LABEL, _text(label)))
        if entity.main_article:
            add((node, _MAIN_ARTICLE, article_iri(self.wiki, entity.main_article)))
        for evidence in entity.evidence:
            add((node, _EVIDENCE, self.span(evidence)))

    def span(self, evidence: Evidence) -> URIRef:
        node = self._spans.get(evidence)
        if node is not None:  # its triples are in the graph already
            return node
        add = self.graph.add
        node = self._spans[evidence] = self.minter.hashed("span", str(self.article_iri), str(evidence.span.start),
                                                          str(evidence.span.end))
        add((node, _TYPE, _TEXT_SPAN))
        add((node, _DERIVED_FROM, self.article_iri))
        add((node, _START, _literal(evidence.span.start, _INTEGER)))
        add((node, _END, _literal(evidence.span.end, _INTEGER)))
        add((node, _TEXT, _literal(evidence.text)))
        if evidence.section:
            add((node, _SECTION, _literal(evidence.section)))
        return node

    def fact(self, fact: Fact) -> None:
        add = self.graph.add
        predicate = _PROPERTIES.get(fact.prop.value)
        if predicate is None:
            predicate = _PROPERTIES[fact.prop.value] = SKG[fact.prop.value]
        subject, value = self.iri(fact.subject), self.value(fact.value)
        add((subject, predicate, value))
        if fact.inference is None:
            for evidence in fact.evidence:
                add((subject, _EVIDENCE, self.span(evidence)))
            return
        statement = self.minter.hashed("statement", str(subject), str(predicate), str(value), fact.inference.value)
        add((statement, _TYPE, _INFERRED))
        add((statement, _TYPE, _STATEMENT))
        add((statement, _SUBJECT, subject))
        add((statement, _PREDICATE, predicate))
        add((statement, _OBJECT, value))
        add((statement, _METHOD, _literal(fact.inference.value)))
        add((statement, _DERIVED_FROM, self.article_iri))
        for evidence in fact.evidence:
            add((statement, _EVIDENCE, self.span(evidence)))
        for basis in fact.basis:
            add((statement, _BASED_ON, self.iri(basis)))
            if basis.kind is Kind.CITATION:
                add((statement, _SUPPORTED_BY, self.iri(basis)))

    def value(self, value) -> URIRef | Literal:
        if isinstance(value, EntityId):
            return self.iri(value)
        if isinstance(value, Article):
            return article_iri(self.wiki, value.title)
        if isinstance(value, Url):
            return _literal(value.value, XSD.anyURI)
        if isinstance(value, Year):
            return _literal(f"{value.value:04d}", XSD.gYear)
        if isinstance(value, Label):
            return _text(value)
        if isinstance(value, bool):
            raise TypeError("facts carry no booleans")
        if isinstance(value, int):
            return _literal(value, _INTEGER)
        if isinstance(value, Decimal):
            return Literal(value, datatype=XSD.decimal)
        if isinstance(value, date):
            return _literal(value, XSD.date)
        return _literal(str(value))


def _text(label: Label) -> Literal:
    return _literal(label.text, language=label.language)


#: The entity IRIs a process's pages minted last, by base, kind and key: an entity named again by
#: another page (a country, a position, a leader) is not minted again (its key escaped, the IRI checked).
_MINTED: dict[tuple[str, str, str], URIRef] = {}
#: Most IRIs kept (a few MB a worker); when full they are forgotten, and the next are kept.
_MINTED_KEPT = 50_000


def _minted(minter: Minter, kind: str, key: str) -> URIRef:
    """``minter.entity(kind, key)``, the one minted before for the same base, kind and key when there is one."""
    found = _MINTED.get((minter.base, kind, key))
    if found is None:
        if len(_MINTED) >= _MINTED_KEPT:
            _MINTED.clear()
        found = _MINTED[minter.base, kind, key] = minter.entity(kind, key)
    return found


#: The literals a process's pages wrote last, by their value's type, value, datatype and language: a
#: literal read again (an offset, a date, a name, a section's heading; about half of a corpus's) is
#: not made again by rdflib (its lexical form, its Python value and their checks: about 10 µs each).
_LITERALS: dict[tuple, Literal] = {}
#: Most literals kept (at most about 20 MB a worker); when full they are forgotten, and the next are kept.
_LITERALS_KEPT = 50_000


def _literal(value: str | int | date, datatype: URIRef | None = None, *, language: str | None = None) -> Literal:
    """``Literal(value, datatype=datatype, lang=language)``, the one made before for the same
    value (of a type whose equal values have one lexical form: not a Decimal) when there is one."""
    key = (value.__class__, value, datatype, language)
    found = _LITERALS.get(key)
    if found is None:
        if len(_LITERALS) >= _LITERALS_KEPT:
            _LITERALS.clear()
        found = _LITERALS[key] = _new_literal(value, datatype, language)
    return found


#: The language tags rdflib has read and kept as they are given (a tag is checked once a process).
_LANGUAGES: set[str] = set()


def _new_literal(value: str | int | date, datatype: URIRef | None, language: str | None) -> Literal:
    """``Literal(value, datatype=datatype, lang=language)``: a text without a datatype (in a language
    rdflib has read before) and an xsd:integer of an int are made as rdflib makes them, without
    its checks and conversions (4.6 and 9.2 µs each; about 90 a page): the same text, language,
    datatype and value (``tests/test_rdf.py`` holds the two ways to each other); anything else by rdflib."""
    kind = value.__class__
    if kind is str and datatype is None and (language is None or language in _LANGUAGES):
        made = str.__new__(Literal, value)
        made._language, made._datatype, made._value, made._ill_typed = language, None, value, None
        return made
    if kind is int and datatype is _INTEGER and language is None:
        made = str.__new__(Literal, value)  # its decimal digits, as rdflib's lexical form of an int
        made._language, made._datatype, made._value, made._ill_typed = None, datatype, value, None
        return made
    made = Literal(value, lang=language, datatype=datatype)
    if kind is str and datatype is None and language is not None and made.language == language:
        _LANGUAGES.add(language)  # valid, and kept as given
    return made
