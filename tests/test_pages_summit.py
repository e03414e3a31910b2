"""Pages a person would rather read: the summit page as a summary, on the bundled article's build."""

from __future__ import annotations

import html
import re
from urllib.parse import quote

import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.server.app import App, request
from kg.server.settings import Settings

SKG = "https://w3id.org/summit-kg/ontology#"


@pytest.fixture(scope="module")
def app(bundled_build):
    _, out = bundled_build
    application = App(Settings(), data=(out / "kg.trig",))
    yield application
    application.close()


def summit_paths(app) -> list[str]:
    index = request(app, "/").body.decode()
    return [html.unescape(p).split("?")[0] for p in re.findall(r'<tr class="summit"><td>[^<]*</td><td><a href="([^"]+)"', index)]


def page(app, path: str, **headers) -> str:
    reply = request(app, path, **headers)
    assert reply.status == 200
    return reply.body.decode()


def test_the_2007_summit_reads_like_a_summary(app):
    second = summit_paths(app)[1]
    text = page(app, second + "?lang=zh-Hans")
    summary = re.search(r'<table class="summary">(.*?)</table>', text, re.S)[1]
    assert "2007-10-02 – 2007-10-04" in summary
    assert re.search(r"百花园国宾馆</a> ‹ <a[^>]*>平壤</a> ‹ <a[^>]*>朝鲜民主主义人民共和国", summary)  # venue chain
    assert re.search(r"卢武铉</a> — <a[^>]*>大韩民国总统", summary) and re.search(r"金正日</a> — <a[^>]*>朝鲜劳动党总书记", summary)
    assert "北南关系发展与和平繁荣宣言" in summary
    assert "（第 2 次）" in summary and 'rel="prev"' in summary and 'rel="next"' in summary
    prev, nxt = re.search(r'rel="prev" href="([^"]+)"', summary)[1], re.search(r'rel="next" href="([^"]+)"', summary)[1]
    assert prev.startswith(summit_paths(app)[0]) and nxt.startswith(summit_paths(app)[2])


def test_the_articles_sentences_quote_each_fact_highlighted_and_linked_to_its_section(app):
    text = page(app, summit_paths(app)[1])
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", text, re.S)
    assert quotes
    marked = {fact: set() for fact in ("participant", "venue", "outcome", "date", "role")}
    for quote in quotes:
        for fact, words in re.findall(r'<mark class="([a-z]+)" title="[^"]+">([^<]+)</mark>', quote):
            marked.setdefault(fact, set()).add(words)
    assert {"卢武铉", "金正日"} <= marked["participant"] and "平壤" in marked["venue"]
    assert "北南关系发展与和平繁荣宣言" in marked["outcome"] and "2007年10月2日" in marked["date"]
    sections = re.findall(r'<footer>.*?<a href="(https://zh\.wikipedia\.org/wiki/[^"#]+#[^"]+)">([^<]+)</a>', text)
    assert any(name == "2007年南北首脑会谈" for _, name in sections)


def test_citations_are_listed_where_the_summit_has_them(app):
    pages = [page(app, p) for p in summit_paths(app)]
    cited = [re.search(r'<ol class="citations">(.*?)</ol>', p, re.S) for p in pages]
    assert any(cited)
    for found in filter(None, cited):
        assert re.search(r'<li id="cite-\d+"><a href="https?://[^"]+">[^<]+</a>', found[1])


def test_no_page_shows_an_opaque_participation_or_span_id(app):
    for path in summit_paths(app):
        text = page(app, path)
        shown = re.findall(r">([^<>]*)</a>", text)
        assert not any(re.match(r"(participation|span|statement)/", s) for s in shown), path
        statements = re.search(r'<table class="outgoing">(.*?)</table>', text, re.S)[1]
        assert "参与记录" in statements and "skg:hasParticipation" in statements  # the ontology's label, then its name


def test_summit_pages_embed_the_same_triples_as_their_turtle(app):
    for path in summit_paths(app):
        text = page(app, path)
        data = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)[1]
        turtle = request(app, path + "?format=ttl").body
        assert isomorphic(rdflib.Graph().parse(data=data, format="json-ld"), rdflib.Graph().parse(data=turtle, format="turtle"))


def test_every_entity_page_embeds_the_same_triples_as_its_turtle(app):
    """Not only the summits: each IRI of the build that has a page (people, places, documents,
    participations, evidence, the dataset, ...) embeds exactly what its Turtle says."""
    from pyoxigraph import NamedNode

    base = "https://w3id.org/summit-kg/id/"
    subjects = sorted({q.subject.value for q in app.store if isinstance(q.subject, NamedNode) and q.subject.value.startswith(base)})
    assert len(subjects) > 100
    for iri in subjects:
        path = "/id/" + iri[len(base):]
        text = page(app, path, accept="text/html")
        data = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)[1]
        turtle = request(app, path + "?format=ttl").body
        assert isomorphic(rdflib.Graph().parse(data=data, format="json-ld"), rdflib.Graph().parse(data=turtle, format="turtle")), path


# --- pictures --------------------------------------------------------------------------------------


def svg_of(text: str) -> str:
    return re.search(r"<svg .*?</svg>", text, re.S)[0]


def test_timeline_draws_every_summit_by_year_as_svg_without_script(app):
    text = page(app, "/timeline")
    svg = svg_of(text)
    assert "<script" not in svg.lower() and "<script" not in text.split("</head>")[1].lower()
    linked = re.findall(r'<a href="(/id/summit/[^"?]+)', svg)
    assert linked == summit_paths(app)  # every summit, in date order
    years = [int(y) for y in re.findall(r">(\d{4})</text>", svg)]
    assert years[0] == 2000 and years[-1] >= 2018
    positions = [float(y) for y in re.findall(r'<circle cx="\d+" cy="([\d.]+)"', svg)]
    assert positions == sorted(positions) and positions[1] - positions[0] > positions[3] - positions[2]  # spaced by time


def test_timeline_filters_by_country_on_the_server(app):
    text = page(app, "/timeline?lang=zh-Hans")
    choices = re.findall(r'<a href="(/timeline\?country=[^"]+)"[^>]*>([^<]+)</a>', text)
    assert {name for _, name in choices} == {"大韩民国", "朝鲜民主主义人民共和国"}
    for href, _ in choices:
        assert len(re.findall(r"<circle", svg_of(page(app, html.unescape(href))))) == 5  # every summit here had both sides
    assert request(app, "/timeline?country=nowhere").status == 404
    traditional = svg_of(page(app, "/timeline?country=" + quote("大韓民國") + "&lang=zh-Hant"))  # the name as a zh-Hant reader writes it
    assert len(re.findall(r"<circle", traditional)) == 5
    assert len(re.findall(r"<circle", svg_of(page(app, "/timeline?country=")))) == 5  # an empty choice is every country


def test_network_joins_leaders_who_met_with_how_often(app):
    svg = svg_of(page(app, "/network?lang=zh-Hans"))
    assert "<script" not in svg.lower()
    leaders = dict(re.findall(r'<g id="(n[0-9a-f]+)"[^>]*>.*?<text[^>]*>([^<]+)</text>', svg, re.S))
    assert set(leaders.values()) == {"金大中", "金正日", "卢武铉", "文在寅", "金正恩"}
    assert sorted(re.findall(r">×(\d+)</text>", svg)) == ["1", "1", "3"]  # 2000, 2007, and 2018 three times
    assert all(href.startswith("/id/person/") for href in re.findall(r'<a href="([^"]+)"><g', svg))


def test_person_pages_link_the_pictures_and_the_network_focuses_them(app):
    person = page(app, "/id/person/%E6%96%87%E5%9C%A8%E5%AF%85?lang=zh-Hans")  # 文在寅
    links = re.search(r'<p class="pictures">(.*?)</p>', person, re.S)[1]
    network_href = html.unescape(re.search(r'href="(/network\?person=[^"]+)"', links)[1])
    assert re.search(r'href="/timeline\?country=', links)
    focused = svg_of(page(app, network_href))
    assert 'stroke="#000"' in focused and focused.count('opacity="0.3"') == 3  # 文在寅 and 金正恩 stand out
    assert 'href="/timeline"' in page(app, "/") and 'href="/network"' in page(app, "/")


def test_each_quote_carries_the_citations_its_sentence_has(app):
    text = page(app, summit_paths(app)[2])  # 2018-04-27: its sentences cite Yonhap and HK01
    numbers = [int(n) for n in re.findall(r'<sup class="ref"><a href="#cite-(\d+)">', text)]
    listed = re.findall(r'<li id="cite-(\d+)">', text)
    assert numbers and set(numbers) <= {int(n) for n in listed}


def test_overview_pages_embed_what_they_show_and_link_it_in_every_format(app):
    for path in ("/", "/timeline", "/network"):
        text = page(app, path)
        alternates = dict(re.findall(r'<link rel="alternate" type="([^"]+)" href="([^"]+)">', text))
        assert set(alternates) == {"text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"}
        data = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)[1]
        turtle = request(app, html.unescape(alternates["text/turtle"]), accept="text/turtle")
        assert turtle.status == 200 and turtle.media_type.startswith("text/turtle")
        embedded = rdflib.Graph().parse(data=data, format="json-ld")
        assert len(embedded) > 20 and isomorphic(embedded, rdflib.Graph().parse(data=turtle.body, format="turtle"))
