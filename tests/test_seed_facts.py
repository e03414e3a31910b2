"""What the graph of the bundled article must say (docs/spec/seed-facts.md), asked in SPARQL over kg.ttl."""

from __future__ import annotations

import pytest
from rdflib import Graph

PREFIXES = """
PREFIX skg: <https://w3id.org/summit-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@pytest.fixture(scope="module")
def graph(bundled_build):
    _, out = bundled_build
    return Graph().parse(out / "kg.ttl")


def ask(graph: Graph, query: str):
    return list(graph.query(PREFIXES + query))


def hans(graph: Graph, node) -> str:
    return next(str(o) for o in graph.objects(node, graph.namespace_manager.expand_curie("rdfs:label"))
                if o.language == "zh-Hans")


SUMMITS = [
    # ordinal, start, end, participants (zh-Hans), venue, place it lies in, outcomes, main article
    (1, "2000-06-13", "2000-06-15", {"金大中", "金正日"}, "百花园国宾馆", "平壤", {"北南共同宣言"}, "2000年朝韓首腦會晤"),
    (2, "2007-10-02", "2007-10-04", {"卢武铉", "金正日"}, "百花园国宾馆", "平壤", {"北南关系发展与和平繁荣宣言"},
     "2007年朝韩首脑会晤"),
    (3, "2018-04-27", "2018-04-27", {"文在寅", "金正恩"}, "和平之家", "板门店", {"板门店宣言"}, "2018年4月南北韓高峰會"),
    (4, "2018-05-26", "2018-05-26", {"文在寅", "金正恩"}, "统一阁", "板门店", set(), "2018年5月朝韩首脑会晤"),
    (5, "2018-09-18", "2018-09-20", {"文在寅", "金正恩"}, "平壤", None,
     {"平壤共同宣言", "旨在履行历史性的板门店宣言的军事领域协议书"}, "2018年9月南北韓首腦會談"),
]


def test_exactly_five_summits(graph):
    rows = ask(graph, "SELECT ?s WHERE { ?s a skg:Summit }")
    assert len(rows) == 5


@pytest.mark.parametrize("ordinal, start, end, people, venue, container, outcomes, main", SUMMITS)
def test_summit_strict_facts(graph, ordinal, start, end, people, venue, container, outcomes, main):
    rows = ask(graph, f"""
        SELECT ?s WHERE {{ ?s a skg:Summit ; skg:ordinal {ordinal} ;
                            skg:startDate "{start}"^^xsd:date ; skg:endDate "{end}"^^xsd:date }}""")
    assert len(rows) == 1, f"summit {ordinal} on {start}–{end}"
    summit = rows[0][0]
    found = {str(r[0]) for r in ask(graph, f"""SELECT ?n WHERE {{ <{summit}> skg:participant ?p .
        ?p a skg:Person ; rdfs:label ?n FILTER(lang(?n) = "zh-Hans") }}""")}
    assert found == people
    venues = ask(graph, f"""SELECT ?n ?c WHERE {{ <{summit}> skg:venue ?v . ?v a skg:Place ;
        rdfs:label ?n FILTER(lang(?n) = "zh-Hans")
        OPTIONAL {{ ?v skg:locatedIn ?in . ?in rdfs:label ?c FILTER(lang(?c) = "zh-Hans") }} }}""")
    assert {str(r[0]) for r in venues} == {venue}
    if container:
        assert container in {str(r[1]) for r in venues}
    documents = {str(r[0]) for r in ask(graph, f"""SELECT ?n WHERE {{ <{summit}> skg:outcome ?d .
        ?d a skg:Document ; rdfs:label ?n FILTER(lang(?n) = "zh-Hans") }}""")}
    assert documents == outcomes
    articles = {str(r[0]) for r in ask(graph, f"SELECT ?a WHERE {{ <{summit}> skg:mainArticle ?a }}")}
    from urllib.parse import quote
    assert articles == {"https://zh.wikipedia.org/wiki/" + quote(main)}


def test_one_node_per_entity_whatever_the_script(graph):
    for name in ("卢武铉", "板门店", "朝鲜民主主义人民共和国", "大韩民国", "金正日"):
        rows = ask(graph, f'SELECT DISTINCT ?e WHERE {{ ?e rdfs:label "{name}"@zh-Hans }}')
        assert len(rows) == 1, name
    roh = ask(graph, 'SELECT ?t WHERE { ?e rdfs:label "卢武铉"@zh-Hans ; rdfs:label ?t FILTER(lang(?t)="zh-Hant") }')
    assert [str(r[0]) for r in roh] == ["盧武鉉"]
    dprk = {(str(r[0]), r[0].language) for r in ask(graph,
            'SELECT ?n WHERE { ?e rdfs:label "朝鲜民主主义人民共和国"@zh-Hans ; skos:altLabel ?n }')}
    assert ("北韓", "zh-Hant-TW") in dprk and ("朝鲜", "zh-Hans") in dprk


def test_every_summit_person_place_document_has_both_scripts_and_provenance(graph):
    rows = ask(graph, """SELECT ?e WHERE {
        VALUES ?c { skg:Summit skg:Person skg:Place skg:Document } ?e a ?c .
        FILTER NOT EXISTS { ?e rdfs:label ?h FILTER(lang(?h) = "zh-Hans") }
      } """) + ask(graph, """SELECT ?e WHERE {
        VALUES ?c { skg:Summit skg:Person skg:Place skg:Document } ?e a ?c .
        FILTER NOT EXISTS { ?e rdfs:label ?t FILTER(lang(?t) = "zh-Hant") } }""") + ask(graph, """
        SELECT ?e WHERE { ?e a ?c FILTER(STRSTARTS(STR(?c), STR(skg:)) && ?c != skg:SourceArticle)
        FILTER NOT EXISTS { ?e prov:wasDerivedFrom ?a } }""")  # the article is the source itself
    assert rows == []


def test_inferred_facts_say_how(graph):
    rows = {(int(r[0]), str(r[1]), str(r[2])) for r in ask(graph, """
        SELECT ?o ?m ?n WHERE { ?st a skg:InferredStatement ; rdf:subject ?s ; rdf:predicate ?p ;
            rdf:object ?x ; skg:inferenceMethod ?m . ?s skg:ordinal ?o .
            ?x rdfs:label ?n FILTER(lang(?n) = "zh-Hans")
            FILTER(?p IN (skg:venue, skg:participant)) }""")}
    assert (1, "lead-paragraph", "百花园国宾馆") in rows
    assert (2, "lead-paragraph", "百花园国宾馆") in rows
    assert (4, "citation-title", "金正恩") in rows and (4, "section-administration", "文在寅") in rows
    assert (5, "leader-in-office", "金正恩") in rows
    assert not any(o == 3 for o, _, _ in rows)  # the third summit's section says it all


def test_roles_at_the_time(graph):
    rows = {(int(r[0]), str(r[1]), str(r[2])) for r in ask(graph, """
        SELECT ?o ?p ?r WHERE { ?s skg:ordinal ?o ; skg:hasParticipation ?x .
            ?x skg:agent ?a ; skg:role ?role . ?a rdfs:label ?p FILTER(lang(?p) = "zh-Hans")
            ?role skos:altLabel|rdfs:label ?r }""")}
    assert (1, "金大中", "韩国总统") in rows and (2, "卢武铉", "韩国总统") in rows and (3, "文在寅", "韩国总统") in rows
    assert (1, "金正日", "朝鲜劳动党总书记") in rows and (1, "金正日", "国防委员长") in rows
    assert (3, "金正恩", "朝鮮國務委員長") in rows


def test_beyond_the_table(graph):
    admin = {(str(r[0]), str(r[1]), str(r[2]) if r[2] else None) for r in ask(graph, """
        SELECT ?l ?a ?b WHERE { ?p a skg:Period ; skg:leader ?x ; skg:startYear ?a OPTIONAL { ?p skg:endYear ?b }
            ?x rdfs:label ?l FILTER(lang(?l) = "zh-Hans") }""")}
    assert admin >= {("金大中", "1998", "2003"), ("卢武铉", "2003", "2008"), ("文在寅", "2017", None),
                      ("李明博", "2008", "2017"), ("朴槿惠", "2008", "2017")}
    assert ask(graph, """ASK { ?r a skg:AwardReceipt ; skg:recipient ?p ; skg:year "2000"^^xsd:gYear ;
        skg:award ?a ; skg:forEvent ?s . ?s skg:ordinal 1 . ?p rdfs:label "金大中"@zh-Hans .
        ?a rdfs:label "諾貝爾和平獎"@zh-Hant }""")[0] is True
    assert ask(graph, """ASK { ?p rdfs:label "金正日"@zh-Hans ; skg:deathYear "2011"^^xsd:gYear ;
        skg:succeededBy ?q . ?q rdfs:label "金正恩"@zh-Hans }""")[0] is True
    gifts = {(str(r[0]), str(r[1])) for r in ask(graph, """SELECT ?g ?i WHERE { ?x a skg:Gift ; skg:giver ?p ;
        rdfs:label ?i FILTER(lang(?i) = "zh-Hans") ?p rdfs:label ?g FILTER(lang(?g) = "zh-Hans") }""")}
    assert gifts == {("金正日", "松茸"), ("卢武铉", "韩剧"), ("卢武铉", "韩国电影"), ("卢武铉", "茶具"), ("卢武铉", "屏风")}
    assert ask(graph, """ASK { ?g a skg:Gift ; skg:quantity 4.0 ; skg:unit "吨" ; skg:monetaryValue 2600000.0 ;
        skg:currency "USD" }""")[0] is True
    assert ask(graph, """ASK { ?c a skg:Crossing ; skg:agent ?p ; skg:crossed ?l ; skg:mode ?m .
        ?p rdfs:label "卢武铉"@zh-Hans . ?l rdfs:label "三八线"@zh-Hans }""")[0] is True


def test_the_series_has_every_name(graph):
    names = {(str(r[0]), r[0].language) for r in ask(graph, """SELECT ?n WHERE { ?s a skg:SummitSeries .
        { ?s rdfs:label ?n } UNION { ?s skos:altLabel ?n } }""")}
    for expected in [("韩朝首脑会晤", "zh-Hans"), ("朝韩首脑会晤", "zh-Hans-CN"), ("南北韓高峰會", "zh-Hant-TW"),
                     ("南北韓首腦會談", "zh-Hant-HK"), ("inter-Korean summit", "en"), ("북남수뇌상봉", "ko-KP"),
                     ("남북정상회담", "ko-KR"), ("北南首腦相逢", "ko-Hani-KP"), ("南北頂上會談", "ko-Hani-KR"),
                     ("Buknam Sunoe-sangbong", "ko-Latn-KP"), ("Nampuk Ch'ŏngsang-hoetam", "ko-Latn-KR")]:
        assert expected in names
    assert len(ask(graph, "SELECT ?s WHERE { ?s skg:inSeries ?x }")) == 5


def test_sources_links_categories_see_also(graph):
    citations = ask(graph, """SELECT ?u ?t ?d ?a ?au ?ad ?pub WHERE { ?art skg:cites ?c . ?c skg:url ?u ;
        skg:title ?t ; skg:publicationDate ?d ; skg:accessDate ?a ; skg:publisher ?p .
        ?p rdfs:label ?pub FILTER(lang(?pub) = "zh-Hant")
        OPTIONAL { ?c skg:archiveURL ?au ; skg:archiveDate ?ad } }""")
    assert len(citations) == 4
    assert all(str(r[2]).startswith("2018-") for r in citations)
    assert sum(1 for r in citations if r[4] is not None) == 3
    assert {str(r[6]) for r in citations} == {"韓聯社", "香港01"}
    assert len(ask(graph, "SELECT ?l WHERE { ?a skg:externalLink ?l . ?l skg:url ?u ; skg:title ?t }")) == 4
    assert len(ask(graph, "SELECT ?c WHERE { ?a skg:category ?c }")) == 2
    assert len(ask(graph, "SELECT ?c WHERE { ?a skg:seeAlso ?c }")) == 3
    supported = ask(graph, "SELECT ?c WHERE { ?s skg:ordinal 4 ; skg:supportedBy ?c }")
    assert len(supported) == 1


def test_summits_point_at_their_sentences(graph, bundled_build):
    build, _ = bundled_build
    text = (build.extractions[0].source.origin and open(build.extractions[0].source.origin, encoding="utf-8").read())
    rows = ask(graph, """SELECT ?o ?a ?b ?h WHERE { ?s skg:ordinal ?o ; skg:evidence ?e .
        ?e skg:startOffset ?a ; skg:endOffset ?b ; skg:sectionHeading ?h }""")
    starts = {int(r[0]): text[int(r[1]):int(r[2])] for r in rows}
    assert "2000年6月13日至15日" in starts[1] and "第4次" in starts[4]
    assert {int(r[0]) for r in rows} == {1, 2, 3, 4, 5}
