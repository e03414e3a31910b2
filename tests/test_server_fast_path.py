"""What makes kg serve fast keeps its answers: the engine-written cheap answers, the shared limits."""

from __future__ import annotations

import io
import multiprocessing
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from pyoxigraph import Store

from kg.server.data import ServedData
from kg.server.query_pool import Admission, QueryRequest, answer_directly, answer_query
from kg.server.settings import Settings

DATA = Path(__file__).parent / "data" / "query"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
QUERIES = [
    "SELECT ?s WHERE { ?s a <https://w3id.org/summit-kg/ontology#Summit> }",
    "ASK { ?s a <https://w3id.org/summit-kg/ontology#Summit> }",
    f"SELECT ?s ?l WHERE {{ ?s a <https://w3id.org/summit-kg/ontology#Person> ; <{LABEL}> ?l }}",
]
ACCEPTS = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
           "text/tab-separated-values", "text/turtle", "*/*"]


@pytest.fixture(scope="module", params=["as the app holds it (in memory)", "on disk"])
def store(request):
    served = ServedData.load((DATA / "fixture.trig",))
    yield served.store if request.param.startswith("as") else Store.read_only(str(served.store_path))
    served.close()


@pytest.mark.parametrize("sparql", QUERIES)
@pytest.mark.parametrize("accept", ACCEPTS)
def test_an_engine_written_answer_is_the_careful_answer_byte_for_byte(store, sparql, accept):
    request = QueryRequest(sparql, accept, None)
    careful = answer_query(store, request, Settings())
    direct = answer_directly(store, request, Settings(), deadline=time.monotonic() + 5)
    if careful.status != 200:  # a 406 is left to the careful way, which says why
        assert direct is None
        return
    assert direct is not None and (direct.media_type, direct.body) == (careful.media_type, careful.body)


def test_tags_are_written_as_minted_in_engine_written_answers(store):
    request = QueryRequest(QUERIES[2], "application/sparql-results+json", None)
    body = answer_directly(store, request, Settings(), deadline=time.monotonic() + 5).body
    assert b'"xml:lang":"zh-Hant"' in body and b'"zh-hant"' not in body


def test_past_the_result_limit_or_the_deadline_the_careful_way_answers(store):
    request = QueryRequest(QUERIES[2], "application/sparql-results+json", None)
    assert answer_directly(store, request, Settings(result_limit=3), deadline=time.monotonic() + 5) is None
    assert answer_query(store, request, Settings(result_limit=3)).status == 400
    assert answer_directly(store, request, Settings(), deadline=time.monotonic() - 1) is None


def _enter(admission: Admission, client: str, answers) -> None:
    answers.put(admission.enter(client) is None)


def test_the_limits_hold_across_the_servers_processes():
    context = multiprocessing.get_context("spawn")
    admission = Admission(Settings(client_queries=1, workers=1), context=context)
    answers = context.Queue()
    child = context.Process(target=_enter, args=(admission, "10.0.0.1", answers))
    child.start()
    child.join(60)
    assert answers.get(timeout=10) is True  # the other process holds 10.0.0.1's one query
    refused = admission.enter("10.0.0.1")
    assert refused is not None and refused.status == 429
    assert admission.enter("10.0.0.2") is None  # 2 in flight for 1 worker: the capacity is reached
    assert admission.enter("10.0.0.3").status == 503
    admission.leave("10.0.0.1")
    assert admission.enter("10.0.0.1") is None


def test_a_result_within_the_row_limit_is_engine_written_whatever_its_length(store):
    request = QueryRequest(QUERIES[0], "application/sparql-results+json", None)
    careful = answer_query(store, request, Settings(result_limit=5))
    direct = answer_directly(store, request, Settings(result_limit=5), deadline=time.monotonic() + 5)
    assert careful.status == 200 and len(careful.body) > 5 * 20  # five summits, far more bytes than rows
    assert direct is not None and direct.body == careful.body
    assert answer_directly(store, request, Settings(result_limit=4), deadline=time.monotonic() + 5) is None


#: GETs of /sparql: the commonest (one query, a client that accepts data) and their neighbours that
#: the short way must leave to the general one (another parameter, a body, a page, no acceptable format).
SHORT_WAY = [
    *[(f"query={quote(sparql)}", accept, True) for sparql in [*QUERIES, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3",
                                                           "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 2", "SELECT WHERE {"]
      for accept in [*ACCEPTS, "", "application/json", "text/csv;q=0.5, application/sparql-results+xml"]],
    (f"query={quote(QUERIES[0])}", "text/html", False),
    (f"query={quote(QUERIES[0])}", "image/png", False),
    (f"query={quote(QUERIES[0])}&format=csv", "*/*", False),
    (f"query={quote(QUERIES[0])}&query={quote(QUERIES[1])}", "*/*", False),
    (f"query={quote(QUERIES[0])}&default-graph-uri=x", "*/*", False),
    ("", "*/*", False),
]


@pytest.fixture(scope="module")
def app():
    from kg.server.app import App

    app = App(Settings(in_memory_quads=0), data=(DATA / "fixture.trig",))
    yield app
    app.close()


@pytest.mark.parametrize("query_string,accept,short", SHORT_WAY)
def test_a_query_read_the_short_way_gets_the_general_ways_answer(app, query_string, accept, short):
    from kg.server.app import _read_request

    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/sparql", "QUERY_STRING": query_string, "HTTP_ACCEPT": accept,
               "REMOTE_ADDR": "127.0.0.1", "wsgi.input": io.BytesIO(b"")}
    assert (app._query_by_get(dict(environ)) is not None) == short
    assert app.handle(dict(environ)) == app._sparql(_read_request(dict(environ)))
    assert app._query_by_get({**environ, "CONTENT_LENGTH": "5", "wsgi.input": io.BytesIO(b"x=1&y")}) is None
