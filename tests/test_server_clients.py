"""The server as the clients people use see it: raw HTTP requests, rdflib for every format, caches."""

from __future__ import annotations

import hashlib
import html
import json
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.server.app import App, running
from kg.server.settings import Settings

DATA = Path(__file__).parent / "data" / "query"
FILES = (DATA / "fixture.trig",)
SKG = "https://w3id.org/summit-kg/ontology#"
ROH = "/id/person/" + quote("卢武铉")
SELECT = f"SELECT ?s WHERE {{ ?s a <{SKG}Summit> }}"
CONSTRUCT = f"CONSTRUCT {{ ?s a <{SKG}Summit> }} WHERE {{ ?s a <{SKG}Summit> }}"
JENA_SELECT_ACCEPT = "application/sparql-results+xml, */*;q=0.1"


@pytest.fixture(scope="module")
def base_url():
    app = App(Settings(port=0), data=FILES)
    with running(app) as url:
        yield url
    app.close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, headers: dict[str, str] | None = None, *, follow: bool = True):
    """(status, headers, body) of a GET, errors included; Accept only when given (urllib sends none)."""
    opener = urllib.request.build_opener() if follow else urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers or {}), timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


# --- /sparql never answers a page to a client that asked for results ------------------------------


@pytest.mark.parametrize(
    "accept, media_type",
    [(None, "application/sparql-results+json"), ("*/*", "application/sparql-results+json"),
     (JENA_SELECT_ACCEPT, "application/sparql-results+xml"), ("text/html", "text/html"),
     ("text/html;q=0.5, application/sparql-results+json", "application/sparql-results+json"),
     ("text/csv", "text/csv"), ("application/*", "application/sparql-results+json")],
)
def test_select_accept_cases(base_url, accept, media_type):
    status, headers, body = fetch(base_url + "/sparql?" + urlencode({"query": SELECT}), {"Accept": accept} if accept else None)
    assert status == 200 and headers["Content-Type"].startswith(media_type)
    assert "Accept" in headers["Vary"]
    if media_type == "application/sparql-results+json":
        assert len(json.loads(body)["results"]["bindings"]) == 5


@pytest.mark.parametrize(
    "accept, media_type",
    [(None, "text/turtle"), ("*/*", "text/turtle"), ("application/rdf+xml, */*;q=0.1", "application/rdf+xml"),
     ("text/plain", "application/n-triples"), ("text/html", "text/html")],
)
def test_construct_accept_cases(base_url, accept, media_type):
    status, headers, body = fetch(base_url + "/sparql?" + urlencode({"query": CONSTRUCT}), {"Accept": accept} if accept else None)
    assert status == 200 and headers["Content-Type"].startswith(media_type)
    if media_type == "text/turtle":
        assert len(rdflib.Graph().parse(data=body, format="turtle")) == 5


def test_ask_with_anything_gets_a_boolean(base_url):
    status, headers, body = fetch(base_url + "/sparql?" + urlencode({"query": "ASK {}"}), {"Accept": "*/*"})
    assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}


def test_sparql_406_when_nothing_offered_is_accepted(base_url):
    status, headers, body = fetch(base_url + "/sparql?" + urlencode({"query": SELECT}), {"Accept": "image/png"})
    assert status == 406 and b"application/sparql-results+json" in body


@pytest.mark.parametrize(
    "query, accept",
    [(SELECT, "text/turtle"), (SELECT, "application/ld+json"), (CONSTRUCT, "text/csv"),
     (CONSTRUCT, "application/sparql-results+json"), ("ASK {}", "text/csv"), ("ASK {}", "text/tab-separated-values")],
)
def test_sparql_406_when_the_query_form_has_no_format_the_client_accepts(base_url, query, accept):
    """A format only another query form has is no answer: 406 saying what this form is written as."""
    status, headers, body = fetch(base_url + "/sparql?" + urlencode({"query": query}), {"Accept": accept})
    assert status == 406 and "Accept" in headers["Vary"] and headers["Content-Type"].startswith("text/plain")
    offered = "text/turtle" if query is CONSTRUCT else "application/sparql-results+json"
    assert offered.encode() in body and (b"text/csv" not in body or query is SELECT)


TAGGED = 'SELECT ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label FILTER(lang(?label) = "zh-hant") }'
TAGGED_GRAPH = TAGGED.replace("SELECT ?label", "CONSTRUCT { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }")


@pytest.mark.parametrize(
    "query, accept, minted, lowered",
    [(TAGGED, "application/sparql-results+json", '"xml:lang":"zh-Hant"', '"zh-hant"'),
     (TAGGED, "application/sparql-results+xml", 'xml:lang="zh-Hant"', 'xml:lang="zh-hant"'),
     (TAGGED, "text/tab-separated-values", '"@zh-Hant', '"@zh-hant'),
     (TAGGED_GRAPH, "application/ld+json", '"@language":"zh-Hant"', '"zh-hant"'),
     (TAGGED_GRAPH, "text/turtle", '"@zh-Hant', '@zh-hant'),
     (TAGGED_GRAPH, "application/rdf+xml", 'xml:lang="zh-Hant"', 'xml:lang="zh-hant"')],
)
def test_sparql_answers_write_language_tags_as_minted(base_url, query, accept, minted, lowered):
    """Oxigraph lower-cases tags; every results and RDF format of /sparql writes zh-Hant as it was minted."""
    status, _, body = fetch(base_url + "/sparql?" + urlencode({"query": query}), {"Accept": accept})
    text = body.decode()
    assert status == 200 and minted in text and lowered not in text


def test_sparqlwrapper_json_results_keep_the_minted_tag(base_url):
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(base_url + "/sparql")
    client.setReturnFormat(JSON)
    client.setQuery(TAGGED)
    bindings = client.queryAndConvert()["results"]["bindings"]
    assert bindings and {b["label"]["xml:lang"] for b in bindings} == {"zh-Hant"}


def test_service_description_for_any_client_and_the_page_for_a_browser(base_url):
    status, headers, _ = fetch(base_url + "/sparql", {"Accept": "*/*"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle") and "Accept" in headers["Vary"]
    status, headers, _ = fetch(base_url + "/sparql", {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert headers["Content-Type"].startswith("text/html")


# --- entity IRIs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "accept, media_type",
    [(None, "application/n-triples"), ("*/*", "application/n-triples"), ("text/plain", "application/n-triples"),
     ("application/rdf+xml", "application/rdf+xml"), ("text/turtle", "text/turtle"), ("application/ld+json", "application/ld+json"),
     ("application/json", "application/ld+json"), ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html")],
)
def test_entity_accept_cases(base_url, accept, media_type):
    status, headers, body = fetch(base_url + ROH, {"Accept": accept} if accept else None)
    assert status == 200 and headers["Content-Type"].startswith(media_type)
    assert headers["Vary"] == "Accept, Accept-Language"
    assert not body.lstrip().startswith(b"<!DOCTYPE") or media_type == "text/html"


@pytest.mark.parametrize(
    "path, accept, media_type",
    [(ROH, "text/turtle;charset=utf-8", "text/turtle"),
     (ROH, 'application/ld+json; profile="http://www.w3.org/ns/json-ld#compacted"', "application/ld+json"),
     (ROH, "application/rdf+xml; charset=UTF-8, */*;q=0.1", "application/rdf+xml"),
     ("/sparql?" + urlencode({"query": SELECT}), "application/sparql-results+json; charset=utf-8", "application/sparql-results+json"),
     ("/sparql?" + urlencode({"query": SELECT}), "text/csv; header=present", "text/csv"),
     ("/sparql?" + urlencode({"query": CONSTRUCT}), "text/turtle; charset=utf-8", "text/turtle")],
)
def test_a_media_range_with_parameters_still_matches(base_url, path, accept, media_type):
    """charset= or a JSON-LD profile in Accept is no reason for a 406 (it was one)."""
    status, headers, _ = fetch(base_url + path, {"Accept": accept})
    assert status == 200 and headers["Content-Type"].startswith(media_type) and "Accept" in headers["Vary"]


def test_a_browser_preferring_xhtml_gets_its_404_as_a_page(base_url):
    status, headers, _ = fetch(base_url + "/nowhere", {"Accept": "application/xhtml+xml"})
    assert status == 404 and headers["Content-Type"].startswith("text/html") and "Accept" in headers["Vary"]


def test_entity_406(base_url):
    status, _, body = fetch(base_url + ROH, {"Accept": "image/png"})
    assert status == 406 and b"text/turtle" in body


def _reference(base_url: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=fetch(base_url + ROH + "?format=nt")[2], format="nt")


@pytest.mark.parametrize("rdf_format", ["xml", "n3", "turtle", "ttl", "nt", "ntriples", "nt11", "nquads", "trig", "trix", "json-ld"])
def test_rdflib_parses_the_entity_in_every_format(base_url, rdf_format):
    reference = _reference(base_url)
    assert len(reference) >= 5
    if rdf_format in ("nquads", "trig", "trix"):
        graph = rdflib.Dataset().parse(base_url + ROH, format=rdf_format)
        graph = rdflib.Graph() + graph.default_graph if len(graph.default_graph) else rdflib.Graph() + graph
    else:
        graph = rdflib.Graph().parse(base_url + ROH, format=rdf_format)
    assert isomorphic(graph, reference)


def test_hextuples_by_name(base_url):
    graph = rdflib.Graph().parse(data=fetch(base_url + ROH + "?format=hext")[2], format="hext")
    assert isomorphic(graph, _reference(base_url))


def test_json_ld_names_the_published_context(base_url):
    status, headers, body = fetch(base_url + ROH, {"Accept": "application/ld+json"})
    assert json.loads(body)["@context"] == base_url + "/contexts/skg.jsonld"
    status, headers, body = fetch(base_url + "/contexts/skg.jsonld")
    assert status == 200 and headers["Content-Type"].startswith("application/ld+json")
    assert json.loads(body)["@context"]["@vocab"] == SKG


def test_link_header_lists_alternates_and_describedby(base_url):
    _, headers, _ = fetch(base_url + ROH, {"Accept": "text/html"})
    link = headers["Link"]
    from kg.server.representations import REPRESENTATIONS

    assert len(REPRESENTATIONS) == 10
    for representation in REPRESENTATIONS:  # every format the IRI is served in, the page too
        assert f'<{ROH}?format={representation.name}>; rel="alternate"; type="{representation.media_type}"' in link
        status, served, _ = fetch(base_url + ROH + "?format=" + representation.name)
        assert status == 200 and served["Content-Type"].startswith(representation.media_type)
    assert f'<{ROH}?format=ttl>; rel="describedby"' in link
    page = fetch(base_url + ROH, {"Accept": "text/html"})[2].decode()
    assert all(f'<link rel="alternate" type="{r.media_type}" href="{ROH}?format={r.name}">' in page
               for r in REPRESENTATIONS if r.media_type != "text/html")


def test_etag_last_modified_and_304(base_url):
    status, headers, body = fetch(base_url + ROH, {"Accept": "text/turtle"})
    etag, modified = headers["ETag"], headers["Last-Modified"]
    assert status == 200 and etag.startswith('"') and "max-age" in headers["Cache-Control"]
    status, again, body = fetch(base_url + ROH, {"Accept": "text/turtle", "If-None-Match": etag})
    assert status == 304 and body == b"" and again["ETag"] == etag
    status, _, _ = fetch(base_url + ROH, {"Accept": "text/turtle", "If-Modified-Since": modified})
    assert status == 304
    other = fetch(base_url + ROH, {"Accept": "application/rdf+xml", "If-None-Match": etag})
    assert other[0] == 200 and other[1]["ETag"] != etag  # each representation has its own tag


def test_a_name_in_the_other_script_redirects_to_the_minted_iri(base_url):
    status, headers, _ = fetch(base_url + "/id/person/" + quote("盧武鉉") + "?lang=zh-Hant", follow=False)
    assert status == 301 and headers["Location"] == ROH + "?lang=zh-Hant"
    status, headers, body = fetch(base_url + "/id/person/" + quote("盧武鉉"), {"Accept": "text/turtle"})
    assert status == 200 and "盧武鉉" in body.decode()
    assert fetch(base_url + "/id/person/" + quote("无此人"), follow=False)[0] == 404


@pytest.mark.parametrize("name, mark", [("ttl", '"盧武鉉"@zh-Hant'), ("nt", '"盧武鉉"@zh-Hant'), ("rdf", 'xml:lang="zh-Hant"'),
                                        ("jsonld", '"zh-Hant": "盧武鉉"')])
def test_language_tags_are_written_as_minted(base_url, name, mark):
    assert mark in fetch(base_url + ROH + f"?format={name}")[2].decode()


# --- the vocabulary and the dataset description --------------------------------------------------

ONTOLOGY_FILE = Path(__file__).parent.parent / "ontology" / "skg.ttl"


def test_ontology_page_documents_every_term(base_url):
    status, headers, body = fetch(base_url + "/ontology", {"Accept": "text/html"})
    page = body.decode()
    ontology = rdflib.Graph().parse(ONTOLOGY_FILE)
    terms = {s for s in ontology.subjects(rdflib.RDF.type, None) if str(s).startswith(SKG)}
    assert len(terms) > 50
    for term in terms:
        name = str(term)[len(SKG):]
        section = re.search(rf'<section class="term" id="{name}">(.*?)</section>', page, re.S)
        assert section, name
        for label in ontology.objects(term, rdflib.RDFS.label):
            assert f'<li lang="{label.language}">' in section[1] and str(label) in section[1], (name, label)
        for comment in ontology.objects(term, rdflib.RDFS.comment):
            assert html.escape(str(comment)) in section[1]
    participant = re.search(r'<section class="term" id="participant">(.*?)</section>', page, re.S)[1]
    assert 'href="#Summit"' in participant and 'href="#Person"' in participant  # domain, range
    assert "http://www.wikidata.org/prop/direct/P710" in participant and "owl:equivalentProperty" in participant


def test_every_term_has_labels_in_english_and_both_scripts():
    ontology = rdflib.Graph().parse(ONTOLOGY_FILE)
    for term in {s for s in ontology.subjects(rdflib.RDF.type, None) if str(s).startswith(SKG)}:
        assert {label.language for label in ontology.objects(term, rdflib.RDFS.label)} == {"en", "zh-Hans", "zh-Hant"}, term


@pytest.mark.parametrize("accept, rdf_format", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")])
def test_ontology_by_negotiation_is_the_ontology_file(base_url, accept, rdf_format):
    graph = rdflib.Graph().parse(base_url + "/ontology", format=rdf_format)
    assert isomorphic(graph, rdflib.Graph().parse(ONTOLOGY_FILE))


def embedded_graph(page: str) -> rdflib.Graph:
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1]
    return rdflib.Graph().parse(data=data, format="json-ld")


@pytest.mark.parametrize("path", [ROH, "/id/summit/s1", "/ontology", "/void"])
def test_pages_embed_the_same_triples_as_their_turtle(base_url, path):
    page = fetch(base_url + path, {"Accept": "text/html"})[2].decode()
    turtle = rdflib.Graph().parse(data=fetch(base_url + path + "?format=ttl")[2], format="turtle")
    assert len(turtle) > 3 and isomorphic(embedded_graph(page), turtle)
    for name, media_type in (("ttl", "text/turtle"), ("jsonld", "application/ld+json"), ("nt", "application/n-triples")):
        assert f'<link rel="alternate" type="{media_type}" href="' in page and f'?format={name}">' in page


def test_void_names_a_dump_and_distribution_for_each_published_file(tmp_path):
    for name in ("kg.trig", "kg.ttl", "void.ttl"):
        (tmp_path / name).write_bytes((DATA / "fixture.trig").read_bytes() if name == "kg.trig" else b"")
    app = App(Settings(port=0), data=(tmp_path / "kg.trig",))
    try:
        with running(app) as url:
            void = rdflib.Graph().parse(data=fetch(url + "/.well-known/void", {"Accept": "text/turtle"})[2], format="turtle")
            dataset = rdflib.URIRef("https://w3id.org/summit-kg/id/dataset")
            dumps = sorted(str(o) for o in void.objects(dataset, rdflib.VOID.dataDump))
            assert dumps == [f"{url}/data/{name}" for name in ("kg.trig", "kg.ttl", "void.ttl")]
            distributions = list(void.objects(dataset, rdflib.DCAT.distribution))
            assert len(distributions) == 3
            spdx = rdflib.Namespace("http://spdx.org/rdf/terms#")
            for distribution in distributions:
                download = str(void.value(distribution, rdflib.DCAT.downloadURL))
                status, headers, body = fetch(download)
                assert status == 200 and headers["Content-Type"].startswith(str(void.value(distribution, rdflib.DCTERMS.format)))
                assert int(void.value(distribution, rdflib.DCAT.byteSize)) == len(body)  # as the build's void.ttl says them
                checksum = void.value(distribution, spdx.checksum)
                assert str(void.value(checksum, spdx.checksumValue)) == hashlib.sha256(body).hexdigest()
    finally:
        app.close()


@pytest.mark.parametrize(
    "query, language, html_lang, word",
    [("", "zh-CN", "zh-Hans", "数据集"), ("", "zh-TW", "zh-Hant", "資料集"), ("", "en-GB, zh;q=0.5", "en", "Dataset"),
     ("?lang=en", "zh-TW", "en", "Dataset"), ("?lang=zh-Hant", "en", "zh-Hant", "資料集")],
)
def test_page_chrome_in_the_readers_language(base_url, query, language, html_lang, word):
    page = fetch(base_url + "/" + query, {"Accept": "text/html", "Accept-Language": language})[2].decode()
    assert f'<html lang="{html_lang}">' in page and f">{word}</a>" in page
    assert all(f'href="?lang={code}"' in page for code in ("zh-Hans", "zh-Hant", "en"))


@pytest.mark.parametrize("lang, label, derived", [("zh-Hans", "名称", "来源"), ("zh-Hant", "名稱", "來源"), ("en", "label", "was derived from")])
def test_statement_tables_name_other_vocabularies_terms_in_words(base_url, lang, label, derived):
    """rdfs:label and prov:wasDerivedFrom read as words in the reader's language, the term named beside."""
    page = fetch(base_url + ROH + f"?lang={lang}", {"Accept": "text/html"})[2].decode()
    assert f'<a href="http://www.w3.org/2000/01/rdf-schema#label">{label}</a> <span class="note">rdfs:label</span>' in page
    assert f'<a href="http://www.w3.org/ns/prov#wasDerivedFrom">{derived}</a> <span class="note">prov:wasDerivedFrom</span>' in page


def test_language_tags_on_pages_are_shown_as_minted(base_url):
    page = fetch(base_url + ROH, {"Accept": "text/html"})[2].decode()
    assert "@zh-Hant" in page and "@zh-hant" not in page


@pytest.mark.parametrize("path, accept", [("/nowhere", "*/*"), (ROH, "image/png"), ("/sparql?query=ASK%7B%7D", "image/png")])
def test_negotiated_errors_say_vary_and_never_answer_html_to_anything(base_url, path, accept):
    status, headers, body = fetch(base_url + path, {"Accept": accept})
    assert status in (404, 406) and "Accept" in headers["Vary"] and headers["Content-Type"].startswith("text/plain")


def test_sparqlwrapper_with_its_defaults_gets_results_and_graphs(base_url):
    from SPARQLWrapper import SPARQLWrapper

    client = SPARQLWrapper(base_url + "/sparql")  # no return format chosen: SPARQLWrapper's own Accept
    client.setQuery(SELECT)
    assert len(client.queryAndConvert().getElementsByTagName("result")) == 5  # SPARQL XML, parsed
    client.setQuery("ASK { ?s ?p ?o }")
    assert client.queryAndConvert().getElementsByTagName("boolean")[0].firstChild.data == "true"
    client.setQuery(CONSTRUCT)
    assert len(client.queryAndConvert()) == 5  # RDF/XML, parsed by rdflib
    client.setQuery(f"DESCRIBE <https://w3id.org/summit-kg{ROH}>")
    labels = {str(o) for o in client.queryAndConvert().objects(None, rdflib.RDFS.label)}
    assert {"卢武铉", "盧武鉉"} <= labels


@pytest.mark.parametrize("form, query", [("SELECT", SELECT), ("ASK", "ASK { ?s ?p ?o }"), ("CONSTRUCT", CONSTRUCT),
                                         ("DESCRIBE", f"DESCRIBE <https://w3id.org/summit-kg{ROH}>")])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_every_return_format_and_method_gets_something_it_can_convert(base_url, form, query, method):
    """Whatever return format a SPARQLWrapper user picks, even one the query form cannot have,
    SPARQLWrapper's own Accept gets an answer of that form that it converts."""
    import warnings

    from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

    results = form in ("SELECT", "ASK")
    for return_format in (JSON, XML, CSV, TSV, TURTLE, N3, JSONLD, RDFXML):
        client = SPARQLWrapper(base_url + "/sparql")
        client.setQuery(query)
        client.setMethod(method)
        client.setReturnFormat(return_format)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SPARQLWrapper warns when a format does not suit the query form
            answer = client.query()
            media_type = answer.info()["content-type"]
            converted = answer.convert()
        assert media_type.startswith(("application/sparql-results", "text/csv", "text/tab-separated-values") if results
                                     else ("text/turtle", "application/ld+json", "application/rdf+xml")), (return_format, media_type)
        assert converted is not None and (results or len(converted) > 0), return_format


def test_the_readers_language_choice_follows_the_links(base_url):
    page = fetch(base_url + "/?lang=en", {"Accept": "text/html"})[2].decode()
    links = re.findall(r'href="(/id/[^"]+)"', page)
    assert links and all(link.endswith("?lang=en") for link in links)
    summit = fetch(base_url + html.unescape(links[0]), {"Accept": "text/html"})[2].decode()
    assert '<html lang="en">' in summit


@pytest.mark.parametrize("path", ["/", "/timeline", "/network"])
@pytest.mark.parametrize("accept, media_type", [("text/plain", "application/n-triples"), ("*/*", "application/n-triples"),
                                                ("text/turtle", "text/turtle"), ("text/html", "text/html")])
def test_overview_pages_give_data_to_data_clients(base_url, path, accept, media_type):
    status, headers, body = fetch(base_url + path, {"Accept": accept})
    assert status == 200 and headers["Content-Type"].startswith(media_type) and "Accept" in headers["Vary"]
    if media_type != "text/html":
        graph = rdflib.Graph().parse(data=body, format="nt" if "n-triples" in media_type else "turtle")
        assert len(set(graph.subjects(rdflib.RDF.type, rdflib.URIRef(SKG + "Summit")))) == 5
