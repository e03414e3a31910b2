"""The entities of our graph that can be linked, read into plain values.

An entity is linkable when it is typed with one of the classes of :class:`Kind`; its
names are its ``rdfs:label`` and ``skos:altLabel`` literals, its titles the zh.wikipedia
articles it has as ``skg:mainArticle``, and a summit brings its dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from kg.errors import InputError
from kg.jsonld_guard import offline
from kg.vocab import SKG
from kg.vocab import article_title as vocab_article_title  # (wiki, title); ours keeps zh titles only
from kg.wikidata.names import Name

ZHWIKI_HOST = "zh.wikipedia.org"


class Kind(Enum):
    """Our classes that have Wikidata counterparts; the value is the ``skg:`` local name."""

    PERSON = "Person"
    COUNTRY = "Country"
    PLACE = "Place"
    SUMMIT = "Summit"
    SERIES = "SummitSeries"
    DOCUMENT = "Document"
    ORGANIZATION = "Organization"
    AWARD = "Award"
    POSITION = "Position"
    EVENT = "Event"


@dataclass(frozen=True)
class Subject:
    """One entity of our graph, as the linker sees it."""

    iri: str
    kind: Kind
    names: tuple[Name, ...]  # labels first, then alternative labels; each sorted
    titles: tuple[str, ...]  # zh.wikipedia titles of its main articles
    source: str | None  # the article it was derived from
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def label(self) -> str:
        """A name for people to read: the first Simplified label, else the first name, else the IRI."""
        for name in self.names:
            if name.lang.lower() in ("zh-hans", "zh-cn", "zh"):
                return name.text
        return self.names[0].text if self.names else self.iri


def read_graph(*paths: Path) -> Graph:
    """The union graph of build files (``kg.trig``, ``links.ttl``, ``.nt``, ``.jsonld``, ``.nq``).

    Raises InputError when a file is missing or is not RDF.
    """
    formats = {".trig": "trig", ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".nq": "nquads"}
    dataset = Dataset(default_union=True)
    for path in paths:
        if not path.is_file():
            raise InputError(f"{path}: no such build file; run `kg build` (and `kg link`) first, or pass its path")
        try:
            if path.suffix == ".jsonld":  # no remote context fetched; the published one from the shipped copy
                dataset.parse(data=offline(path.read_bytes(), origin=str(path)), format="json-ld")
            else:
                dataset.parse(path, format=formats.get(path.suffix, "trig"))
        except InputError:
            raise
        except Exception as error:  # rdflib raises many parser-specific classes
            raise InputError(f"{path}: not readable as RDF ({type(error).__name__}); rebuild it") from error
    return dataset


def union_of(graph: Graph) -> Graph:
    """``graph`` itself, or for a Dataset that does not read as the union of its graphs, that union."""
    if isinstance(graph, Dataset) and not graph.default_union:
        union = Graph()
        for s, p, o, _ in graph.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return graph


def article_title(iri: str) -> str | None:
    """The title of a zh.wikipedia article IRI (``_`` read as a space), or ``None`` for another site."""
    found = vocab_article_title(iri)
    return found[1] if found and found[0] == ZHWIKI_HOST else None


def _kind(graph: Graph, iri: URIRef) -> Kind | None:
    types = set(graph.objects(iri, RDF.type))
    for kind in Kind:  # Country before Place: the more specific class wins
        if SKG[kind.value] in types:
            return kind
    return None


def _date(graph: Graph, iri: URIRef, predicate: URIRef) -> dt.date | None:
    values = sorted(str(value) for value in graph.objects(iri, predicate) if isinstance(value, Literal))
    if not values:
        return None
    try:
        return dt.date.fromisoformat(values[0])
    except ValueError:
        return None


def _names(graph: Graph, iri: URIRef, predicate: URIRef) -> list[Name]:
    return sorted(
        Name(str(value), value.language)
        for value in graph.objects(iri, predicate)
        if isinstance(value, Literal) and value.language
    )


def subjects(graph: Graph) -> tuple[Subject, ...]:
    """Every linkable entity of ``graph`` (of all its named graphs, for a Dataset), sorted by IRI."""
    graph = union_of(graph)
    found = []
    for iri in sorted({s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}):
        kind = _kind(graph, iri)
        if kind is None:
            continue
        titles = sorted({t for a in graph.objects(iri, SKG.mainArticle) if (t := article_title(str(a)))})
        sources = sorted(str(s) for s in graph.objects(iri, PROV.wasDerivedFrom))
        found.append(
            Subject(
                iri=str(iri),
                kind=kind,
                names=tuple(_names(graph, iri, RDFS.label) + _names(graph, iri, SKOS.altLabel)),
                titles=tuple(titles),
                source=sources[0] if sources else None,
                start=_date(graph, iri, SKG.startDate),
                end=_date(graph, iri, SKG.endDate),
            )
        )
    return tuple(found)
