"""The ontology as the server shows it: every term of ``ontology/skg.ttl`` as plain data.

Served at ``/ontology`` (where ``https://w3id.org/summit-kg/ontology#Term`` points): an
HTML page with each term's labels in en, zh-Hans and zh-Hant, its comment, domain,
range and alignments, anchored by the term's local name; or the ontology's own triples
in any RDF format by content negotiation.

    >>> summit = next(t for t in load_vocabulary().terms if t.name == "Summit")
    >>> summit.kind, summit.labels["en"], summit.labels["zh-Hant"]
    ('class', 'summit', '首腦會晤')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse

from kg.validate import default_ontology

ONTOLOGY = "https://w3id.org/summit-kg/ontology"
NS = ONTOLOGY + "#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_OWL = "http://www.w3.org/2002/07/owl#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_KINDS = {
    _OWL + "Class": "class", _OWL + "ObjectProperty": "object property",
    _OWL + "DatatypeProperty": "datatype property", _OWL + "AnnotationProperty": "annotation property",
}
#: Predicates that align a term with another vocabulary, as the page names them.
ALIGNMENTS = {
    _RDFS + "subClassOf": "rdfs:subClassOf", _RDFS + "subPropertyOf": "rdfs:subPropertyOf",
    _OWL + "equivalentClass": "owl:equivalentClass", _OWL + "equivalentProperty": "owl:equivalentProperty",
    _SKOS + "exactMatch": "skos:exactMatch", _SKOS + "closeMatch": "skos:closeMatch",
    _SKOS + "broadMatch": "skos:broadMatch", _SKOS + "narrowMatch": "skos:narrowMatch", _SKOS + "relatedMatch": "skos:relatedMatch",
}
LANGUAGES = ("en", "zh-Hans", "zh-Hant")
#: Words for the terms of other vocabularies that every entity page shows (in English as their
#: own vocabularies label them, and in both Chinese scripts), so a statement table reads in
#: words like the ontology's own terms; the page still names each term beside its word.
BORROWED: dict[str, dict[str, str]] = {
    _RDFS + "label": {"en": "label", "zh-Hans": "名称", "zh-Hant": "名稱"},
    _SKOS + "altLabel": {"en": "alternative label", "zh-Hans": "别名", "zh-Hant": "別名"},
    "http://www.w3.org/ns/prov#wasDerivedFrom": {"en": "was derived from", "zh-Hans": "来源", "zh-Hant": "來源"},
    _OWL + "sameAs": {"en": "same as", "zh-Hans": "等同于", "zh-Hant": "等同於"},
    _RDF + "type": {"en": "type", "zh-Hans": "类型", "zh-Hant": "類型"},
    "http://purl.org/dc/terms/title": {"en": "title", "zh-Hans": "标题", "zh-Hant": "標題"},
}


def borrowed_labels(iri: str) -> tuple[Literal, ...]:
    """The words :data:`BORROWED` has for another vocabulary's term (empty for other IRIs).

    >>> [label.value for label in borrowed_labels("http://www.w3.org/2000/01/rdf-schema#label")]
    ['label', '名称', '名稱']
    """
    return tuple(Literal(text, language=tag) for tag, text in BORROWED.get(iri, {}).items())


@dataclass(frozen=True)
class Term:
    """One class or property of the ontology."""

    iri: str
    name: str  # the local name, the page's anchor
    kind: str  # class, object property, datatype property, annotation property
    labels: dict[str, str]  # language tag (as minted) → label
    comment: str
    domain: tuple[str, ...]
    range: tuple[str, ...]
    alignments: tuple[tuple[str, str], ...]  # (predicate as prefixed name, IRI)


@dataclass(frozen=True)
class Vocabulary:
    """The ontology's header, its terms in page order, and its triples."""

    title: str
    comment: str
    version: str
    terms: tuple[Term, ...]
    triples: tuple[Triple, ...]

    def labels(self, iri: str) -> tuple[Literal, ...]:
        """The labels of a term, for labelling properties on pages (empty for other IRIs).

        Looked up in an index made on the first call: a page asks for every link it shows
        (a summit's at 500 pages, about 35 calls), and the index was made again for each.
        """
        return self._labels.get(iri, ())

    @cached_property
    def _labels(self) -> dict[str, tuple[Literal, ...]]:
        return {term.iri: tuple(Literal(text, language=tag) for tag, text in term.labels.items()) for term in self.terms}


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The shipped ontology, read once."""
    path = default_ontology()
    triples = tuple(sorted(parse(path=str(path), format=RdfFormat.TURTLE), key=str))
    about: dict[str, list[Triple]] = {}
    for triple in triples:
        if isinstance(triple.subject, NamedNode):
            about.setdefault(triple.subject.value, []).append(triple)
    minted = _minted_tags(path.read_text(encoding="utf-8"))
    terms = []
    for iri, facts in about.items():
        kinds = [_KINDS[t.object.value] for t in facts if t.predicate.value == _RDF + "type" and t.object.value in _KINDS]
        if not iri.startswith(NS) or not kinds:
            continue
        terms.append(Term(
            iri=iri,
            name=iri[len(NS):],
            kind=kinds[0],
            labels={minted.get(t.object.language, t.object.language): t.object.value for t in facts
                    if t.predicate.value == _RDFS + "label" and isinstance(t.object, Literal)},
            comment=" ".join(t.object.value for t in facts if t.predicate.value == _RDFS + "comment"),
            domain=tuple(sorted(t.object.value for t in facts if t.predicate.value == _RDFS + "domain" and isinstance(t.object, NamedNode))),
            range=tuple(sorted(t.object.value for t in facts if t.predicate.value == _RDFS + "range" and isinstance(t.object, NamedNode))),
            alignments=tuple(sorted((ALIGNMENTS[t.predicate.value], t.object.value) for t in facts
                                    if t.predicate.value in ALIGNMENTS and isinstance(t.object, NamedNode))),
        ))
    order = {"class": 0, "object property": 1, "datatype property": 2, "annotation property": 3}
    terms.sort(key=lambda term: (order[term.kind], term.name.lower()))
    header = {t.predicate.value: t.object.value for t in about.get(ONTOLOGY, []) if isinstance(t.object, Literal)
              and (t.object.language in ("", "en") or not t.object.language)}
    return Vocabulary(
        title=header.get(_RDFS + "label", "Summit KG ontology"),
        comment=header.get(_RDFS + "comment", ""),
        version=header.get(_OWL + "versionInfo", ""),
        terms=tuple(terms),
        triples=triples,
    )


def _minted_tags(text: str) -> dict[str, str]:
    """Lower-cased tag → the tag as written in the file (Oxigraph lower-cases them)."""
    return {tag.lower(): tag for tag in re.findall(r'"@([A-Za-z]+(?:-[A-Za-z0-9]+)*)', text)}
