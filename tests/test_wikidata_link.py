"""Linking against a real local SPARQL server (Oxigraph) loaded with the Wikidata fixture."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF

from fixtures.wikidata.graphs import SOURCE, small_graph
from fixtures.wikidata.server import recording_server, serve, silent_server
from kg.errors import LinkError
from kg.vocab import SKG, WD, Minter
from kg.wikidata import Method, Politeness, link_entities, links_graph

QUICK = Politeness(min_interval=0, backoff=0.01, timeout=5)
PERSON = "https://w3id.org/summit-kg/id/person/"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    with serve(tmp_path_factory.mktemp("wikidata-store")) as url:
        yield url


@pytest.fixture(scope="module")
def linked(endpoint, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    return link_entities(small_graph(), endpoint=endpoint, cache_dir=cache, politeness=QUICK), cache


def by_entity(links):
    return {link.entity: link for link in links.links}


def test_title_in_the_other_script_links_by_sitelink(linked):
    links, _ = linked
    link = by_entity(links)[str(Minter().entity("organization", "WPK General Secretary"))]
    assert (link.qid, link.method) == ("Q707631", Method.SITELINK)
    assert "[[朝鲜劳动党总书记]]" in link.evidence


def test_person_with_sitelink_and_type_scores_full(linked):
    link = by_entity(linked[0])[PERSON + "Kim_Jong-il"]
    assert (link.qid, link.method, link.score) == ("Q10665", Method.SITELINK, Decimal("1.000"))
    assert "P31 Q5 fits Person" in link.evidence


def test_name_found_only_as_an_alias_links_by_alias(linked):
    link = by_entity(linked[0])[str(Minter().entity("country", "DPRK"))]
    assert (link.qid, link.method) == ("Q423", Method.ALIAS)
    assert '"朝鮮民主主義人民共和國"@zh' in link.evidence


def test_type_clash_is_never_linked_but_kept_for_review(linked):
    links, _ = linked
    iri = PERSON + "Pyongyang_person"
    assert iri not in by_entity(links)
    [candidate] = [c for c in links.candidates if c.entity == iri]
    assert candidate.qid == "Q18808"
    assert candidate.reason.startswith("type clash: our Person")


@pytest.mark.parametrize("iri", [PERSON + "Roh_Moo-hyun", "https://w3id.org/summit-kg/id/summit/2000"])
def test_entity_absent_from_wikidata_stays_unlinked(linked, iri):
    links, _ = linked
    assert iri not in by_entity(links)
    assert not [c for c in links.candidates if c.entity == iri]
    assert [u.reason for u in links.unlinked if u.entity == iri] == ["no item has its zh.wikipedia title or any of its names"]


def test_second_run_asks_nothing(tmp_path):
    with serve(tmp_path / "store") as url:
        first = link_entities(small_graph(), endpoint=url, cache_dir=tmp_path / "cache", politeness=QUICK)
    # the server is gone now: a run that asked anything would fail
    again = link_entities(small_graph(), endpoint=url, cache_dir=tmp_path / "cache", politeness=QUICK)
    assert first.queries_asked > 0
    assert (again.queries_asked, again.queries_cached) == (0, first.queries_asked)
    assert (again.links, again.candidates, again.unlinked) == (first.links, first.candidates, first.unlinked)


def test_offline_uses_the_cache_alone(linked, endpoint):
    first, cache = linked
    offline = link_entities(small_graph(), endpoint=endpoint, cache_dir=cache, offline=True, politeness=QUICK)
    assert offline.queries_asked == 0
    assert offline.links == first.links


def test_offline_without_cache_says_what_to_do(endpoint, tmp_path):
    with pytest.raises(LinkError, match="offline and the cache .* has no answer .* run once without --offline"):
        link_entities(small_graph(), endpoint=endpoint, cache_dir=tmp_path, offline=True, politeness=QUICK)


def test_endpoint_down_raises_one_clear_error(tmp_path):
    with silent_server() as url:
        down = url  # the listener is closed when the block ends: connections are refused
    with pytest.raises(LinkError, match=r"unreachable .* after 2 tries; try again later, or use --offline"):
        link_entities(small_graph(), endpoint=down, cache_dir=tmp_path, politeness=Politeness(min_interval=0, backoff=0.01, tries=2))


def test_slow_endpoint_times_out_with_a_clear_error(tmp_path):
    started = time.monotonic()
    with silent_server() as url, pytest.raises(LinkError, match=r"no answer within 0.5 s after 2 tries"):
        link_entities(small_graph(), endpoint=url, cache_dir=tmp_path, politeness=Politeness(min_interval=0, backoff=0.01, tries=2, timeout=0.5))
    assert time.monotonic() - started < 10


def test_failure_halfway_keeps_the_answers_already_received(endpoint, tmp_path):
    """Nothing lost: what was cached before the endpoint went away is reused offline."""
    graph = small_graph()
    link_entities(graph, endpoint=endpoint, cache_dir=tmp_path, politeness=QUICK)
    answers = sorted(tmp_path.rglob("*.json"))
    assert answers
    bigger = small_graph()
    bigger.add((URIRef(PERSON + "Extra"), RDF.type, SKG.Person))
    bigger.add((URIRef(PERSON + "Extra"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("某人", lang="zh-Hans")))
    with pytest.raises(LinkError):
        link_entities(bigger, endpoint=endpoint, cache_dir=tmp_path, offline=True, politeness=QUICK)
    assert sorted(tmp_path.rglob("*.json")) == answers


def test_graph_is_not_modified(endpoint, tmp_path):
    graph = small_graph()
    before = len(graph)
    link_entities(graph, endpoint=endpoint, cache_dir=tmp_path, politeness=QUICK)
    assert len(graph) == before


def test_links_graph_says_why(linked):
    links, _ = linked
    graph = links_graph(links, minter_base="https://example.org/kg/")
    kim = URIRef(PERSON + "Kim_Jong-il")
    assert (kim, OWL.sameAs, WD.Q10665) in graph
    node = URIRef(str(Minter("https://example.org/kg/").hashed("link", str(kim), "Q10665")))
    assert node.startswith("https://example.org/kg/link/")
    assert graph.value(node, RDF.type) == SKG.WikidataLink
    assert graph.value(node, SKG.linkSubject) == kim
    assert graph.value(node, SKG.linkTarget) == WD.Q10665
    assert graph.value(node, SKG.score) == Literal("1.000", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))
    assert str(graph.value(node, SKG.linkMethod)) == "sitelink"
    assert "zhwiki sitelink [[金正日]]" in str(graph.value(node, SKG.linkEvidence))
    assert graph.value(node, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")) == SOURCE
    assert len(set(graph.subjects(OWL.sameAs, None))) == len(links.links)


def test_links_graph_is_byte_identical_across_runs(linked, endpoint, tmp_path):
    links, _ = linked
    again = link_entities(small_graph(), endpoint=endpoint, cache_dir=tmp_path, politeness=QUICK)
    first = links_graph(links, minter_base="https://w3id.org/summit-kg/id/").serialize(format="turtle")
    second = links_graph(again, minter_base="https://w3id.org/summit-kg/id/").serialize(format="turtle")
    assert first == second
    assert Graph().parse(data=first, format="turtle").isomorphic(links_graph(links, minter_base="https://w3id.org/summit-kg/id/"))


def test_requests_name_us_and_are_paced(tmp_path):
    from kg.wikidata.endpoint import USER_AGENT, Endpoint

    with recording_server(answers=2) as (url, requests):
        client = Endpoint(url=url, cache_dir=tmp_path, politeness=Politeness(min_interval=0.3, backoff=0.01))
        started = time.monotonic()
        client.select("SELECT * WHERE { ?s ?p ?o }", ("s",))
        client.select("ASK {}", ())
        elapsed = time.monotonic() - started
    assert len(requests) == 2 and elapsed >= 0.3
    assert f"User-Agent: {USER_AGENT}".encode() in requests[0]
    assert requests[0].startswith(b"POST /sparql")
    assert USER_AGENT.startswith("SummitKG/") and "https://" in USER_AGENT


def test_an_endpoint_that_refuses_the_query_fails_at_once(endpoint, tmp_path):
    started = time.monotonic()
    with pytest.raises(LinkError, match=r"rejected a query \(EndPointNotFound\); check the endpoint URL"):
        link_entities(small_graph(), endpoint=endpoint.replace("/query", "/nowhere"), cache_dir=tmp_path, politeness=Politeness(min_interval=0, backoff=5))
    assert time.monotonic() - started < 5  # no retry for a 404


def test_entities_in_named_graphs_of_a_dataset_are_read(linked, endpoint, tmp_path):
    from rdflib import Dataset

    dataset = Dataset()  # not a default-union view: entities live in the article's named graph
    named = dataset.graph(SOURCE)
    for triple in small_graph():
        named.add(triple)
    links = link_entities(dataset, endpoint=endpoint, cache_dir=tmp_path, politeness=QUICK)
    assert links.links == linked[0].links


def test_the_examples_in_the_link_docstrings_run():
    import doctest

    import kg.wikidata.link

    outcome = doctest.testmod(kg.wikidata.link)
    assert outcome.attempted > 0 and outcome.failed == 0


def test_a_damaged_cache_entry_is_asked_again_or_named_offline(endpoint, tmp_path):
    first = link_entities(small_graph(), endpoint=endpoint, cache_dir=tmp_path, politeness=QUICK)
    damaged = sorted(tmp_path.rglob("*.json"))[0]
    damaged.write_text("{not json", encoding="utf-8")
    with pytest.raises(LinkError, match=r"damaged cache entry \(JSONDecodeError\); delete it and run once without --offline"):
        link_entities(small_graph(), endpoint=endpoint, cache_dir=tmp_path, offline=True, politeness=QUICK)
    again = link_entities(small_graph(), endpoint=endpoint, cache_dir=tmp_path, politeness=QUICK)
    assert (again.queries_asked, again.links) == (1, first.links)


@pytest.mark.parametrize("status", [429, 500, 503])
def test_a_busy_endpoint_is_asked_again_after_a_pause(tmp_path, status):
    from kg.wikidata.endpoint import Endpoint

    with recording_server(answers=2, statuses=(status,)) as (url, requests):
        client = Endpoint(url=url, cache_dir=tmp_path, politeness=Politeness(min_interval=0, backoff=0.2))
        started = time.monotonic()
        assert client.select("SELECT * WHERE { ?s ?p ?o }", ("s",)) == ()
        assert time.monotonic() - started >= 0.2
    assert (len(requests), client.asked) == (2, 2)
