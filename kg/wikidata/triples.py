"""The links as RDF: ``owl:sameAs`` plus one ``skg:WikidataLink`` node saying why.

Each link node is minted from the entity and the item, so it is the same across runs.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, XSD

from kg.export import new_graph
from kg.vocab import SKG, WD, Minter
from kg.wikidata.link import Links


def links_graph(links: Links, *, minter_base: str) -> Graph:
    """A graph of the links of ``links``, with link nodes under ``minter_base``."""
    minter = Minter(minter_base)
    graph = new_graph()
    for link in links.links:
        entity, item = URIRef(link.entity), WD[link.qid]
        node = minter.hashed("link", link.entity, link.qid)
        graph.add((entity, OWL.sameAs, item))
        graph.add((node, RDF.type, SKG.WikidataLink))
        graph.add((node, SKG.linkSubject, entity))
        graph.add((node, SKG.linkTarget, item))
        graph.add((node, SKG.score, Literal(str(link.score), datatype=XSD.decimal)))
        graph.add((node, SKG.linkMethod, Literal(link.method.value)))
        graph.add((node, SKG.linkEvidence, Literal(link.evidence)))
        if link.source:
            graph.add((node, PROV.wasDerivedFrom, URIRef(link.source)))
    return graph
