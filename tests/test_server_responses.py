"""Answers kept for requests asked again (kg.server.responses): the same bytes, never stale, bounded."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import quote, unquote_to_bytes

import pytest

from kg.server.app import App
from kg.server.responses import Answer, Answers
from kg.server.settings import Settings

DATA = Path(__file__).parent / "data" / "query" / "fixture.trig"
JSON = "application/sparql-results+json"
ROH = "/id/person/" + quote("卢武铉")


@pytest.fixture(scope="module")
def app():
    application = App(Settings(port=0), data=(DATA,))
    yield application
    application.close()


def call(app: App, path: str, *, accept: str = "text/turtle", method: str = "GET", **headers: str):
    """One WSGI request: (status line, headers as a dict, body)."""
    target, _, query = path.partition("?")
    environ = {"REQUEST_METHOD": method, "PATH_INFO": unquote_to_bytes(target).decode("latin-1"), "QUERY_STRING": query, "HTTP_ACCEPT": accept,
               "REMOTE_ADDR": "127.0.0.1", "wsgi.input": io.BytesIO(b""), **headers}
    started = {}

    def start_response(status, response_headers, exc_info=None):
        started["status"], started["headers"] = status, dict(response_headers)

    body = b"".join(app(environ, start_response))
    return started["status"], started["headers"], body


def test_a_request_asked_again_gets_the_kept_answer_byte_for_byte(app):
    path = "/sparql?query=" + quote("SELECT ?s WHERE { ?s a <https://w3id.org/summit-kg/ontology#Summit> }")
    first = call(app, path, accept=JSON)
    hits = app.answers.hits
    again = call(app, path, accept=JSON)
    assert first[0] == "200 OK" and again == first
    assert app.answers.hits == hits + 1


def test_each_accept_header_has_its_own_answer(app):
    turtle = call(app, ROH, accept="text/turtle")
    triples = call(app, ROH, accept="application/n-triples")
    assert turtle[1]["Content-Type"].startswith("text/turtle") and triples[1]["Content-Type"].startswith("application/n-triples")
    assert turtle[1]["ETag"] != triples[1]["ETag"]
    assert call(app, ROH, accept="text/turtle") == turtle


def test_a_kept_answer_still_answers_304_and_head(app):
    status, headers, body = call(app, "/void")
    assert status == "200 OK" and body
    status, not_modified, empty = call(app, "/void", HTTP_IF_NONE_MATCH=headers["ETag"])
    assert status == "304 Not Modified" and empty == b"" and not_modified["ETag"] == headers["ETag"]
    assert "Content-Length" not in not_modified
    status, head_headers, empty = call(app, "/void", method="HEAD")
    assert status == "200 OK" and empty == b"" and head_headers["Content-Length"] == str(len(body))


def test_a_query_whose_answer_changes_each_run_is_never_kept(app):
    path = "/sparql?query=" + quote("SELECT (STRUUID() AS ?u) WHERE {}")
    first, second = call(app, path, accept=JSON), call(app, path, accept=JSON)
    assert first[0] == second[0] == "200 OK"
    assert first[2] != second[2], "STRUUID() gave the same answer twice: it was kept"


def test_errors_are_answered_each_time_not_kept(app):
    kept = len(app.answers)
    assert call(app, "/id/person/nobody")[0].startswith("404")
    assert call(app, "/sparql?query=" + quote("SELECT WHERE"), accept=JSON)[0].startswith("400")
    assert len(app.answers) == kept


def test_the_kept_answers_stay_within_their_bound():
    answers = Answers(max_bytes=64 * 1024)
    for number in range(200):
        key = (f"/id/thing/{number}", "", "text/turtle", "")
        assert answers.keep(key, Answer("200 OK", [("Content-Type", "text/turtle")], b"x" * 1000, '"t"'))
    assert answers.bytes <= answers.max_bytes and 0 < len(answers) < 200
    assert answers.get(("/id/thing/199", "", "text/turtle", "")) is not None  # the newest stay,
    assert answers.get(("/id/thing/0", "", "text/turtle", "")) is None  # the least recently used went first
    assert not answers.keep(("/big", "", "", ""), Answer("200 OK", [], b"x" * 10_000))  # over an eighth of the bound


def test_no_answer_is_kept_when_the_cache_is_off():
    application = App(Settings(port=0, response_cache=0), data=(DATA,))
    try:
        call(application, "/void")
        call(application, "/void")
        assert len(application.answers) == 0 and application.answers.hits == 0
    finally:
        application.close()


def test_a_page_asked_for_by_many_at_once_is_made_once(monkeypatch):
    """The others wait for the first and read what it kept (at 500 pages the summits' page costs
    about 2 s of CPU, and made by each of 24 clients at once it starved every other request)."""
    import threading
    import time

    fresh = App(Settings(port=0), data=(DATA,))
    made, index = [], fresh._index

    def slow_index(request):
        made.append(request.path)
        time.sleep(0.5)  # long enough that the other requests arrive while it is made
        return index(request)

    monkeypatch.setattr(fresh, "_index", slow_index)
    try:
        answers: list[tuple] = []
        clients = [threading.Thread(target=lambda: answers.append(call(fresh, "/", accept="text/html"))) for _ in range(6)]
        for client in clients:
            client.start()
        for client in clients:
            client.join(60)
        assert len(answers) == 6 and {status for status, _, _ in answers} == {"200 OK"}
        assert len({body for _, _, body in answers}) == 1
        assert made == ["/"], made
        assert fresh.answers._making == {}  # nothing left behind
    finally:
        fresh.close()
