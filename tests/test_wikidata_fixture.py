"""The Wikidata fixture is the spec's table, and says what the tests rely on."""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import RDFS, SKOS

from fixtures.wikidata.build_fixture import DEFAULT_SPEC, FIXTURE, SCHEMA, WD, WDT, fixture_turtle


def test_committed_fixture_is_built_from_the_spec():
    assert FIXTURE.read_text(encoding="utf-8") == fixture_turtle(DEFAULT_SPEC.read_text(encoding="utf-8"))


def test_fixture_has_items_labels_aliases_types_and_sitelinks():
    graph = Graph().parse(FIXTURE, format="turtle")
    assert len(set(graph.subjects(WDT.P31, None))) == 11  # four of the fifteen have no P31
    assert len(set(graph.subjects(SCHEMA.about, None))) == 15
    assert (WD.Q423, RDFS.label, Literal("北韓", lang="zh-tw")) in graph
    assert (WD.Q423, SKOS.altLabel, Literal("朝鮮民主主義人民共和國", lang="zh")) in graph
    assert (WD.Q8684, RDFS.label, Literal("首爾", lang="zh-hant")) in graph
    assert (WD.Q10665, WDT.P31, WD.Q5) in graph
    [article] = graph.subjects(SCHEMA.about, WD.Q707631)
    assert graph.value(article, SCHEMA.name) == Literal("朝鲜劳动党总书记", lang="zh")
    assert not list(graph.subjects(None, Literal("金大中", lang="zh")))
