"""Linking the bundled article's real graph against the Wikidata fixture.

Every fixture item the graph has an entity for is linked; nothing absent from the fixture
is (金大中, 盧武鉉, 李明博, 板門店, 和平之家, 統一閣, 百花園國賓館, the declarations, the
summits and the series have no verified id and must stay unlinked, never guessed).
"""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import OWL, RDF

from conftest import jsonld_graph
from fixtures.wikidata.server import serve
from kg.cli import main
from kg.vocab import SKG, WD
from kg.wikidata import Method, Politeness, link_entities
from kg.wikidata.quickstatements import quickstatements, wikidata_diff
from kg.wikidata.subjects import read_graph

QUICK = Politeness(min_interval=0, backoff=0.01, timeout=10)
EXPECTED = {  # our Simplified label → item, for every fixture item the graph has an entity for
    "金正日": "Q10665", "金正恩": "Q56226", "文在寅": "Q21001", "朴槿惠": "Q138048",
    "平壤": "Q18808", "朝鲜半岛": "Q483134", "朝鲜民主主义人民共和国": "Q423", "大韩民国": "Q884",
    "诺贝尔和平奖": "Q35637", "大韩民国总统": "Q6296418", "朝鲜劳动党总书记": "Q707631",
    "朝鲜战争": "Q8663", "朝鲜最高领导人": "Q56876342",  # every fixture item the article names
}
NEVER = ("金大中", "卢武铉", "李明博", "板门店", "和平之家", "统一阁", "百花园国宾馆")


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    with serve(tmp_path_factory.mktemp("store")) as url:
        yield url


@pytest.fixture(scope="module")
def build(bundled_build):
    _, out = bundled_build
    return out


@pytest.fixture(scope="module")
def links(build, endpoint, tmp_path_factory):
    return link_entities(read_graph(build / "kg.trig"), endpoint=endpoint, cache_dir=tmp_path_factory.mktemp("cache"), politeness=QUICK)


def test_every_fixture_entity_of_the_article_is_linked_and_nothing_else(links):
    assert {link.label: link.qid for link in links.links} == EXPECTED


def test_entities_without_a_verified_id_stay_unlinked(links, build):
    unlinked = {u.label for u in links.unlinked}
    assert set(NEVER) <= unlinked
    graph = read_graph(build / "kg.trig")
    for cls in (SKG.Summit, SKG.Document, SKG.SummitSeries):
        for entity in graph.subjects(RDF.type, cls):
            assert str(entity) in {u.entity for u in links.unlinked}


def test_variant_script_titles_link_by_sitelink(links):
    by_label = {link.label: link for link in links.links}
    assert by_label["诺贝尔和平奖"].method is Method.SITELINK  # the article links 諾貝爾和平獎
    assert "[[诺贝尔和平奖]]" in by_label["诺贝尔和平奖"].evidence
    assert all(link.method is not Method.REVIEW for link in links.links)


def test_build_with_link_publishes_the_links_in_every_output(build, endpoint, tmp_path):
    out = tmp_path / "linked"
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--link", "--endpoint", endpoint, "--cache", str(tmp_path / "cache")])
    assert result.exit_code == 0, result.output
    for name, fmt in (("kg.ttl", "turtle"), ("kg.nt", "nt"), ("kg.jsonld", "json-ld")):
        graph = jsonld_graph(out / name) if fmt == "json-ld" else Graph().parse(out / name, format=fmt)
        assert {str(o) for o in graph.objects(None, OWL.sameAs)} == {str(WD[q]) for q in EXPECTED.values()}, name
        assert len(set(graph.subjects(RDF.type, SKG.WikidataLink))) == len(EXPECTED), name


def test_build_with_link_and_endpoint_down_publishes_without_links(tmp_path):
    out = tmp_path / "unlinked"
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--link", "--endpoint", "http://127.0.0.1:9/sparql", "--cache", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "no Wikidata links" in result.output
    assert not list(Graph().parse(out / "kg.ttl", format="turtle").objects(None, OWL.sameAs))


def test_quickstatements_for_the_article(build, links, endpoint, tmp_path):
    from kg.wikidata import links_graph

    graph = read_graph(build / "kg.trig")
    for triple in links_graph(links, minter_base="https://w3id.org/summit-kg/id/"):
        graph.add(triple)
    diff = wikidata_diff(graph, endpoint=endpoint, cache_dir=tmp_path, politeness=QUICK)
    text = quickstatements(diff, retrieved=dt.date(2026, 11, 26))
    assert "Q10665\tP570\t+2011-00-00T00:00:00Z/9\tS4656\t" in text  # 金正日 died in 2011
    assert not diff.conflicts
    assert all(line.split("\t")[0] in EXPECTED.values() for line in text.splitlines())
