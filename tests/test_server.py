"""The linked-data server: pages and negotiation in-process, the SPARQL protocol over HTTP."""

from __future__ import annotations

import dataclasses
import json
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from click.testing import CliRunner
from pyoxigraph import RdfFormat, parse
from SPARQLWrapper import CSV, JSON, POST, SPARQLWrapper, TURTLE, XML
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.errors import ConfigError
from kg.server.negotiation import negotiate, reader_script, weighted
from kg.server.app import App, request, running
from kg.server.settings import SETTINGS, Settings
from kg.server.pages import Script

DATA = Path(__file__).parent / "data" / "query"
FILES = (DATA / "fixture.trig", DATA / "hostile.ttl")
SKG = "https://w3id.org/summit-kg/ontology#"
ROH = "/id/person/%E5%8D%A2%E6%AD%A6%E9%93%89"  # 卢武铉 / 盧武鉉
KIM_DJ = "/id/person/%E9%87%91%E5%A4%A7%E4%B8%AD"  # 金大中
SUMMITS = f"SELECT ?s WHERE {{ ?s a <{SKG}Summit> }} ORDER BY ?s"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.fixture(scope="module")
def app():
    application = App(Settings(query_timeout=2.0, result_limit=100, port=0), data=FILES)
    yield application
    application.close()


@pytest.fixture(scope="module")
def base_url(app):
    with running(app) as url:
        yield url


def text(reply) -> str:
    return reply.body.decode("utf-8")


# --- settings --------------------------------------------------------------------------------


def test_settings_table_matches_the_settings_fields():
    assert [s.name for s in SETTINGS] == [f.name for f in dataclasses.fields(Settings)]
    assert [s.default for s in SETTINGS] == [f.default for f in dataclasses.fields(Settings)]


@pytest.mark.parametrize(
    "change, option",
    [({"port": 70000}, "--port"), ({"query_timeout": 0}, "--query-timeout"), ({"result_limit": 0}, "--result-limit"),
     ({"base": "urn:x:"}, "--base"), ({"workers": 0}, "--workers"), ({"host": " "}, "--host")],
)
def test_bad_settings_are_config_errors_naming_the_option(change, option):
    with pytest.raises(ConfigError, match=option):
        Settings(**change)


def test_every_setting_is_in_the_help_and_the_docs():
    from kg.cli import main

    help_text = CliRunner().invoke(main, ["serve", "--help"]).output
    docs = (Path(__file__).parent.parent / "queries" / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        option = "--" + setting.name.replace("_", "-")
        assert option in help_text, option
        assert option in docs, f"queries/README.md does not document {option}"


# --- negotiation -----------------------------------------------------------------------------


def test_weighted_and_negotiate():
    assert weighted("a/b;q=0.1, c/d, e/f;q=0") == ["c/d", "a/b"]
    offers = ["text/html", "text/turtle"]
    assert negotiate("text/turtle;q=0.9, text/html;q=0.8", offers) == "text/turtle"
    assert negotiate("*/*", offers) == "text/html"
    assert negotiate("", offers) == "text/html"
    assert negotiate("image/png", offers) is None


@pytest.mark.parametrize(
    "lang, header, script",
    [(None, "zh-TW,zh;q=0.8", Script.TRADITIONAL), (None, "zh-CN", Script.SIMPLIFIED), (None, "en", Script.SIMPLIFIED),
     ("zh-Hant", "zh-CN", Script.TRADITIONAL), (None, "en, zh-HK;q=0.5", Script.TRADITIONAL), (None, "zh-Hant;q=0", Script.SIMPLIFIED)],
)
def test_reader_script(lang, header, script):
    assert reader_script(lang_param=lang, accept_language=header) is script


# --- pages in-process ------------------------------------------------------------------------


def test_index_lists_the_five_summits_with_participant_links(app):
    page = text(request(app, "/"))
    assert page.count('<tr class="summit">') == 5
    assert f'href="{KIM_DJ}?lang=zh-Hans"' in page


@pytest.mark.parametrize(
    "accept, media_type, rdf_format",
    [("text/turtle", "text/turtle", RdfFormat.TURTLE), ("application/ld+json", "application/ld+json", RdfFormat.JSON_LD),
     ("application/n-triples", "application/n-triples", RdfFormat.N_TRIPLES)],
)
def test_entity_content_negotiation(app, accept, media_type, rdf_format):
    reply = request(app, ROH, accept=accept)
    assert reply.status == 200 and reply.media_type.startswith(media_type)
    body = reply.body
    if rdf_format is RdfFormat.JSON_LD:  # the published context is named by its address: fetch it as a client would
        document = json.loads(body)
        assert document["@context"].endswith("/contexts/skg.jsonld")
        document["@context"] = json.loads(request(app, "/contexts/skg.jsonld").body)["@context"]
        body = json.dumps(document).encode()
    triples = list(parse(body, format=rdf_format))
    assert any(t.predicate.value == SKG + "participant" for t in triples)  # incoming links too
    assert ("Vary", "Accept, Accept-Language") in reply.headers


def test_entity_format_parameter_and_406(app):
    assert request(app, ROH + "?format=nt", accept="text/html").media_type.startswith("application/n-triples")
    assert request(app, ROH, accept="image/png").status == 406


def test_entity_page_in_the_readers_script(app):
    assert "<h1>盧武鉉</h1>" in text(request(app, ROH, accept_language="zh-TW"))
    assert "<h1>卢武铉</h1>" in text(request(app, ROH, accept_language="zh-CN"))
    assert "<h1>卢武铉</h1>" in text(request(app, ROH + "?lang=zh-Hans", accept_language="zh-TW"))


def test_entity_page_links_wikidata_sources_and_incoming(app):
    page = text(request(app, KIM_DJ))
    assert 'href="http://www.wikidata.org/entity/Q14347"' in page
    assert 'href="https://zh.wikipedia.org/wiki/%E6%9C%9D%E9%9F%A9%E9%A6%96%E8%84%91%E4%BC%9A%E6%99%A4"' in page
    assert 'class="incoming"' in page and 'href="/id/summit/s1?lang=zh-Hans"' in page
    summit = text(request(app, "/id/summit/s3"))
    assert 'href="http://example.org/news/1"' in summit  # the citation, under Sources


def test_entity_page_escapes_everything(app):
    page = text(request(app, "/id/person/mallory"))
    assert "<script>" not in page and "<img" not in page
    assert 'href="javascript' not in page.lower()  # a javascript: IRI is shown as text, never linked
    assert "Wikidata:" not in page  # only Wikidata items are offered as Wikidata links
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "Mallory &amp; &quot;friends&quot;" in text(request(app, "/id/person/mallory?lang=zh-Hant"))


def test_unknown_entity_and_path_are_404(app):
    assert request(app, "/id/person/nobody").status == 404
    assert request(app, "/nothing", accept="text/plain").body == b"nothing at /nothing; the summits are listed at /\n"


def test_void_serves_the_dataset_description(app):
    reply = request(app, "/void", accept="text/turtle")
    assert reply.status == 200
    assert b"void:Dataset" in reply.body and b"creativecommons.org/licenses/by-sa/4.0" in reply.body
    assert b"void:sparqlEndpoint <http://127.0.0.1:0/sparql>" in reply.body  # where it is served (no --public-url)


def test_read_only_methods_and_cors(app):
    put = request(app, ROH, method="PUT")
    assert put.status == 405 and ("Allow", "GET, HEAD, OPTIONS") in put.headers
    assert request(app, "/sparql", method="DELETE").status == 405
    assert request(app, "/sparql", method="OPTIONS").status == 204


def test_query_page_and_html_results(app):
    page = text(request(app, "/sparql"))
    assert '<form method="get" action="/sparql"' in page and "summits-of-person" in page
    results = text(request(app, "/sparql?format=html&query=" + quote(SUMMITS)))
    assert results.count("<tr><td>") == 5 and 'href="/id/summit/s5?lang=zh-Hans"' in results


def test_service_description(app):
    reply = request(app, "/sparql", accept="text/turtle")
    assert reply.status == 200 and b"sd:SPARQL11Query" in reply.body and b"SPARQL_Results_JSON" in reply.body


def test_serve_get_prints_one_answer():
    from kg.cli import main

    args = ["serve", *sum((["--data", str(f)] for f in FILES), []), "--store-cache", "", "--get", "/void",
            "--accept", "application/n-triples"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "<http://rdfs.org/ns/void#Dataset>" in result.output
    missing = CliRunner().invoke(main, ["serve", "--data", str(FILES[0]), "--store-cache", "", "--get", "/id/person/nobody"])
    assert missing.exit_code == 2 and "answered 404" in missing.output


# --- the SPARQL protocol over HTTP -----------------------------------------------------------


def sparql(base_url: str, query: str, return_format=JSON, method=None) -> SPARQLWrapper:
    client = SPARQLWrapper(base_url + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(return_format)
    if method:
        client.setMethod(method)
    client.setTimeout(30)
    return client


def test_sparqlwrapper_select_get_and_post(base_url):
    for method in (None, POST):
        bindings = sparql(base_url, SUMMITS, method=method).queryAndConvert()["results"]["bindings"]
        assert [b["s"]["value"].rsplit("/", 1)[1] for b in bindings] == ["s1", "s2", "s3", "s4", "s5"]


def test_sparqlwrapper_ask_xml_and_csv(base_url):
    assert sparql(base_url, f"ASK {{ ?s a <{SKG}Summit> }}").queryAndConvert()["boolean"] is True
    document = sparql(base_url, SUMMITS, XML).queryAndConvert()
    assert len(document.getElementsByTagName("result")) == 5
    csv = sparql(base_url, SUMMITS, CSV).queryAndConvert().decode("utf-8")
    assert csv.splitlines()[0] == "s" and len(csv.splitlines()) == 6


def test_sparqlwrapper_construct(base_url):
    query = f"CONSTRUCT {{ ?s a <{SKG}Summit> }} WHERE {{ ?s a <{SKG}Summit> }}"
    turtle = sparql(base_url, query, TURTLE).queryAndConvert()
    assert len(list(parse(turtle, format=RdfFormat.TURTLE))) == 5
    graph = sparql(base_url, query, XML).queryAndConvert()  # SPARQLWrapper's default: RDF/XML into rdflib
    assert len(graph) == 5


def test_sparqlwrapper_bad_query_is_400(base_url):
    with pytest.raises(QueryBadFormed):
        sparql(base_url, "SELECT * WHERE { ?s ?p }").queryAndConvert()


def post(base_url: str, body: bytes, content_type: str, accept: str = "application/sparql-results+json"):
    outgoing = urllib.request.Request(base_url + "/sparql", data=body, method="POST",
                                      headers={"Content-Type": content_type, "Accept": accept})
    try:
        with urllib.request.urlopen(outgoing, timeout=30) as response:
            return response.status, response.read(), response.headers  # names in any case, as HTTP says
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


def test_post_sparql_query_body_with_cors(base_url):
    status, body, headers = post(base_url, SUMMITS.encode(), "application/sparql-query")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 5
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_updates_are_refused(base_url):
    update = b"INSERT DATA { <http://a> <http://b> <http://c> }"
    assert post(base_url, update, "application/sparql-update")[0] == 403
    assert post(base_url, urlencode({"update": update}).encode(), "application/x-www-form-urlencoded")[0] == 403
    status, body, _ = post(base_url, urlencode({"query": update}).encode(), "application/x-www-form-urlencoded")
    assert status == 400 and b"read-only" in body


def test_service_is_refused(base_url):
    status, body, _ = post(base_url, b"SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "application/sparql-query")
    assert status == 400 and b"SERVICE" in body


def test_result_limit_is_a_clear_400(base_url):
    status, body, _ = post(base_url, b"SELECT * { ?s ?p ?o }", "application/sparql-query")
    assert status == 400 and b"more than 100 rows" in body


def test_time_limit_answers_503_then_recovers(base_url):
    started = time.monotonic()
    status, body, _ = post(base_url, SLOW.encode(), "application/sparql-query")
    elapsed = time.monotonic() - started
    assert status == 503 and b"longer than 2 s" in body
    assert elapsed < 6, f"the time limit took {elapsed:.1f} s to answer"
    deadline = time.monotonic() + 30
    while True:  # the killed worker is replaced in the background
        status, body, _ = post(base_url, SUMMITS.encode(), "application/sparql-query")
        if status == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 5


def test_pages_forbid_scripts_over_http(base_url):
    page = urllib.request.Request(base_url + "/id/person/mallory", headers={"Accept": "text/html"})
    with urllib.request.urlopen(page, timeout=30) as response:
        assert "default-src 'none'" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_entity_over_http_with_accept(base_url):
    outgoing = urllib.request.Request(base_url + ROH, headers={"Accept": "text/turtle"})
    with urllib.request.urlopen(outgoing, timeout=30) as response:
        assert response.headers["Content-Type"].startswith("text/turtle")
        assert "盧武鉉" in response.read().decode("utf-8")


def test_oversized_post_is_413(app):
    from kg.server.app import MAX_BODY

    reply = request(app, "/sparql", method="POST", body=b"#" * (MAX_BODY + 1), content_type="application/sparql-query")
    assert reply.status == 413


def test_kg_serve_runs_a_real_server_until_interrupted():
    import re
    import signal
    import subprocess
    import sys

    command = [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--port", "0", "--data", str(FILES[0])]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        banner = process.stderr.readline()
        port = re.search(r"http://127\.0\.0\.1:(\d+)/", banner)
        assert port, banner + process.stderr.read() if process.poll() is not None else banner
        answer = sparql(f"http://127.0.0.1:{port[1]}", SUMMITS).queryAndConvert()
        assert len(answer["results"]["bindings"]) == 5
        process.send_signal(signal.SIGINT)
        assert process.wait(20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_pick_label_prefers_the_script_then_the_other_then_english():
    from pyoxigraph import Literal

    from kg.server.pages import pick_label

    labels = [Literal("Roh", language="en"), Literal("盧武鉉", language="zh-Hant"), Literal("卢武铉", language="zh-Hans")]
    assert pick_label(labels, Script.TRADITIONAL) == "盧武鉉"
    assert pick_label(labels[:2], Script.SIMPLIFIED) == "盧武鉉"
    assert pick_label(labels[:1], Script.SIMPLIFIED) == "Roh"
    assert pick_label([Literal("x", language="zh-Hant-HK")], Script.TRADITIONAL) == "x"
    assert pick_label([], Script.SIMPLIFIED) is None


def test_void_serves_the_whole_default_graph_of_a_trig_build(tmp_path):
    description = (
        "<https://w3id.org/summit-kg/id/dataset> a <http://rdfs.org/ns/void#Dataset> ;"
        ' <http://purl.org/dc/terms/title> "首脑会晤知识图谱"@zh-Hans, "首腦會晤知識圖譜"@zh-Hant ;'
        " <http://rdfs.org/ns/void#propertyPartition> <https://w3id.org/summit-kg/id/dataset/p> ."
        " <https://w3id.org/summit-kg/id/dataset/p> <http://rdfs.org/ns/void#triples> 5 ."
    )
    trig = tmp_path / "kg.trig"
    trig.write_text(description + " <http://example.org/g> { <http://example.org/s> <http://example.org/p> 1 . }", encoding="utf-8")
    turtle = tmp_path / "kg.ttl"
    turtle.write_text(description + " <http://example.org/s> <http://example.org/p> 1 .", encoding="utf-8")
    for path, partition_included in ((trig, True), (turtle, False)):
        application = App(Settings(), data=(path,))
        reply = request(application, "/void", accept="application/n-triples")
        assert (b"<https://w3id.org/summit-kg/id/dataset/p> <http://rdfs.org/ns/void#triples>" in reply.body) is partition_included
        assert b"http://example.org/s" not in reply.body
    page = text(request(application, "/void?lang=zh-Hant"))
    assert "<h1>首腦會晤知識圖譜</h1>" in page


def test_html_results_of_ask_and_construct(app):
    ask = text(request(app, "/sparql?format=html&query=" + quote(f"ASK {{ ?s a <{SKG}Summit> }}")))
    assert "<th>boolean</th>" in ask and "<td>true</td>" in ask
    construct = text(request(app, "/sparql?format=html&query=" + quote(f"CONSTRUCT {{ ?s a <{SKG}Summit> }} WHERE {{ ?s a <{SKG}Summit> }}")))
    assert construct.count("<tr><td>") == 5 and "<th>subject</th>" in construct
    error = request(app, "/sparql?format=html&query=" + quote("SELECT * {"))
    assert error.status == 400 and 'class="error"' in text(error)


@pytest.mark.parametrize("path", ["/sparql", "/void"])
def test_the_host_header_never_writes_our_links(path):
    import io

    public = App(Settings(public_url="https://kg.example.org/base/"), data=FILES)
    for host in ("bad host<>", "evil.example.com"):
        environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "HTTP_ACCEPT": "application/n-triples",
                   "HTTP_HOST": host, "wsgi.input": io.BytesIO()}
        reply = public.handle(environ)
        assert reply.status == 200 and b"<https://kg.example.org/base/sparql>" in reply.body
        assert b"evil" not in reply.body and b"localhost" not in reply.body
