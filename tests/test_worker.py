"""A page's sorted N-Triples lines (kg.worker), against the plain way of sorting them."""

from __future__ import annotations

from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from conftest import ARTICLES
from kg import rdf, worker
from kg.export import as_written
from kg.extract import extract
from kg.model import Page
from kg.vocab import DEFAULT_BASE, Minter
from kg.wikitext import parse


def _plainly_sorted(triples: rdf.Triples) -> bytes:
    """The distinct lines as bytes, each without its newline, sorted, then joined with one each."""
    lines = "".join(triples.lines(as_written)).encode().splitlines()
    return b"".join(line + b"\n" for line in sorted(set(filter(None, lines))))


def test_the_lines_are_the_distinct_lines_sorted_by_their_bytes():
    for path in sorted(ARTICLES.glob("*.wiki")):
        extraction = extract(parse(Page(path.read_text(encoding="utf-8"), origin=path.name)))
        triples = rdf.page_triples(extraction, minter=Minter(DEFAULT_BASE))
        assert worker._sorted_ntriples(triples) == _plainly_sorted(triples), path.name


def test_literals_are_written_as_turtle_shorthand_gives_them_and_lines_that_share_a_start_sort_as_bytes():
    triples = rdf.Triples()
    subject, predicate = URIRef("urn:a"), URIRef("urn:p")
    for value in (Literal(Decimal(4)), Literal("4", datatype=XSD.decimal), Literal("乙"), Literal("乙 甲"),
                  Literal("a\nb"), Literal("a\\"), Literal("é", lang="fr"), URIRef("urn:a-b"), URIRef("urn:a")):
        triples.add((subject, predicate, value))
    sorted_lines = worker._sorted_ntriples(triples)
    assert sorted_lines == _plainly_sorted(triples)
    assert b'"4.0"^^<http://www.w3.org/2001/XMLSchema#decimal>' in sorted_lines
