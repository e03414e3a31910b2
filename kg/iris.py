"""The IRIs every process may need, as plain strings: the entities' base, the context's IRI, the prefixes we publish.

Its own module, with no rdflib, so that the processes that only read, query and write
with pyoxigraph (``kg serve``'s parent and its query workers, ``kg query``) do not
import rdflib (about 17 MB of memory and 0.1 s in each). :mod:`kg.vocab` makes its
rdflib namespaces from these strings, and a test holds the two to each other.

    >>> PREFIX_IRIS["skg"]
    'https://w3id.org/summit-kg/ontology#'
"""

from __future__ import annotations

#: The base under which entity IRIs are minted (``{base}{kind}/{key}``).
DEFAULT_BASE = "https://w3id.org/summit-kg/id/"
#: The stable IRI of the published JSON-LD context (contexts/skg.jsonld) that kg.jsonld names;
#: our readers answer it from the shipped copy, never from the network.
CONTEXT_IRI = "https://w3id.org/summit-kg/contexts/skg.jsonld"

#: Prefixes declared in every serialisation, in this order, with their namespace IRIs.
PREFIX_IRIS: dict[str, str] = {
    "skg": "https://w3id.org/summit-kg/ontology#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dct": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "void": "http://rdfs.org/ns/void#",
    "schema": "https://schema.org/",
    "cc": "http://creativecommons.org/ns#",
    "wd": "http://www.wikidata.org/entity/",
    "wdt": "http://www.wikidata.org/prop/direct/",
}
