"""kg.iris's plain strings are kg.vocab's namespaces, and rdflib's for the vocabularies it names."""

from __future__ import annotations

from rdflib.namespace import DCAT, DCTERMS, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD

from kg import iris, vocab


def test_the_prefixes_are_vocab_s_namespaces_in_the_same_order():
    assert list(vocab.PREFIXES) == list(iris.PREFIX_IRIS)
    assert {name: str(namespace) for name, namespace in vocab.PREFIXES.items()} == iris.PREFIX_IRIS
    assert vocab.DEFAULT_BASE == iris.DEFAULT_BASE and vocab.CONTEXT_IRI == iris.CONTEXT_IRI


def test_the_well_known_prefixes_are_rdflib_s_namespaces():
    known = {"rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD, "skos": SKOS, "prov": PROV, "dct": DCTERMS,
             "dcat": DCAT, "void": VOID}
    assert {name: iris.PREFIX_IRIS[name] for name in known} == {name: str(ns) for name, ns in known.items()}
