"""``kg publish``: Graph Store Protocol requests, and a round trip through a real Oxigraph server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from click.testing import CliRunner
from SPARQLWrapper import JSON, SPARQLWrapper

from kg.errors import ConfigError, PublishError
from kg.publish import HttpResponse, publish, send_with_urllib
from kg.store import load_store

FIXTURE = Path(__file__).parent / "data" / "query" / "fixture.trig"
ARTICLE = "https://zh.wikipedia.org/wiki/%E6%9C%9D%E9%9F%A9%E9%A6%96%E8%84%91%E4%BC%9A%E6%99%A4"
SKG = "https://w3id.org/summit-kg/ontology#"


class Recorder:
    """A Graph Store that answers every request with one status and remembers them."""

    def __init__(self, status: int = 204, body: bytes = b"") -> None:
        self.requests = []
        self.status, self.body = status, body

    def __call__(self, request):
        self.requests.append(request)
        return HttpResponse(self.status, self.body)


@pytest.fixture(scope="module")
def store():
    return load_store([FIXTURE])


def test_one_put_per_graph_plus_the_default_graph(store):
    recorder = Recorder()
    uploads = publish(store, endpoint="http://127.0.0.1:1/store", send=recorder)
    assert [(r.method, unquote(r.url)) for r in recorder.requests] == [
        ("PUT", "http://127.0.0.1:1/store?default"),
        ("PUT", f"http://127.0.0.1:1/store?graph={ARTICLE}"),
    ]
    assert recorder.requests[1].url.endswith("graph=" + quote(ARTICLE, safe=""))
    assert all(r.content_type == "application/n-triples" for r in recorder.requests)
    assert [u.triples for u in uploads] == [6, len(store) - 6]


def test_one_graph_and_append(store):
    recorder = Recorder(status=201)
    uploads = publish(store, endpoint="http://h/store?x=1", graph="http://example.org/g", append=True, send=recorder)
    assert [(r.method, r.url) for r in recorder.requests] == [("POST", "http://h/store?x=1&graph=http%3A%2F%2Fexample.org%2Fg")]
    assert uploads[0].status == 201 and uploads[0].triples == len(store)


def test_refusal_and_bad_options_are_config_errors(store):
    with pytest.raises(PublishError, match="refused the default graph with 403: read only"):
        publish(store, endpoint="http://h/store", send=Recorder(403, b"read only\n"))
    with pytest.raises(ConfigError, match="not an http"):
        publish(store, endpoint="ftp://h/store", send=Recorder())
    with pytest.raises(ConfigError, match="not an absolute IRI"):
        publish(store, endpoint="http://h/store", graph="no iri", send=Recorder())


def test_unreachable_endpoint_is_a_config_error(store):
    with pytest.raises(PublishError, match="cannot reach the endpoint"):
        publish(store, endpoint=f"http://127.0.0.1:{free_port()}/store", send=send_with_urllib)


# --- a real Oxigraph server ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).parent / "oxigraph"
    return str(beside_python) if beside_python.exists() else shutil.which("oxigraph")


@pytest.fixture()
def oxigraph(tmp_path):
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server (PyPI package oxigraph, the test extra) is not installed")
    port = free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "store"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):  # up to 10 s
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"oxigraph exited: {process.stderr.read().decode(errors='replace')}")
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph did not answer within 10 s")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def ask_oxigraph(url: str, query: str):
    client = SPARQLWrapper(url + "/query")
    client.setQuery(query)
    client.setReturnFormat(JSON)
    return client.queryAndConvert()


def count_summits(url: str, graph: str) -> int:
    answer = ask_oxigraph(url, f"SELECT (COUNT(?s) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s a <{SKG}Summit> }} }}")
    return int(answer["results"]["bindings"][0]["n"]["value"])


def test_publish_into_oxigraph_and_query_back(oxigraph):
    from kg.cli import main

    result = CliRunner().invoke(main, ["publish", "--endpoint", oxigraph + "/store", "--data", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert "(default graph): 6 triples" in result.output
    assert count_summits(oxigraph, ARTICLE) == 5
    dataset = ask_oxigraph(oxigraph, "ASK { <https://w3id.org/summit-kg/id/dataset> a <http://rdfs.org/ns/void#Dataset> }")
    assert dataset["boolean"] is True
    # publishing again replaces rather than duplicates
    assert CliRunner().invoke(main, ["publish", "--endpoint", oxigraph + "/store", "--data", str(FIXTURE)]).exit_code == 0
    total = ask_oxigraph(oxigraph, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ARTICLE}> {{ ?s ?p ?o }} }}")
    assert int(total["results"]["bindings"][0]["n"]["value"]) == len(load_store([FIXTURE])) - 6


def test_publish_into_one_named_graph(oxigraph):
    from kg.cli import main

    graph = "http://example.org/summits"
    result = CliRunner().invoke(main, ["publish", "--endpoint", oxigraph + "/store", "--graph", graph, "--data", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert count_summits(oxigraph, graph) == 5


def test_publish_refused_by_a_read_only_path_exits_2(oxigraph):
    from kg.cli import main

    result = CliRunner().invoke(main, ["publish", "--endpoint", oxigraph + "/query", "--data", str(FIXTURE)])
    assert result.exit_code == 2
    assert "refused" in result.output and "Traceback" not in result.output
