"""The server under hostile requests: framing, SSRF, crashes in the engine, and load."""

from __future__ import annotations

import socket
from pathlib import Path
from urllib.parse import quote

import pytest

from kg.server.app import App, request, running
from kg.server.settings import Settings

DATA = Path(__file__).parent / "data" / "query"
FILES = (DATA / "fixture.trig", DATA / "hostile.ttl")


@pytest.fixture(scope="module")
def app():
    application = App(Settings(query_timeout=3.0, result_limit=100, port=0), data=FILES)
    yield application
    application.close()


def raw_exchange(url: str, data: bytes) -> bytes:
    """Send ``data`` on one connection and read until the server closes it (or 5 s pass)."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as connection:
        connection.sendall(data)
        received = b""
        try:
            while chunk := connection.recv(65536):
                received += chunk
        except TimeoutError:
            received += b"<timeout: the connection stayed open>"
    return received


def test_a_body_framed_twice_is_refused_and_the_connection_closed(app):
    body = b"query=ASK%7B%7D"
    smuggled = (
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
        + b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\nGET /void HTTP/1.1\r\nHost: x\r\n\r\n"
    )
    with running(app) as url:
        answer = raw_exchange(url, smuggled)
    assert answer.startswith((b"HTTP/1.0 400", b"HTTP/1.1 400")), answer[:200]
    assert answer.count(b" HTTP/1.") == 0 and answer.count(b"HTTP/1.") == 1, "the smuggled second request was answered"
    assert b"<timeout" not in answer


def test_one_framing_is_still_served(app):
    body = b"query=ASK%7B%7D"
    chunked = (
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        b"Accept: application/sparql-results+json\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
        + b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n"
    )
    with running(app) as url:
        answer = raw_exchange(url, chunked)
    assert answer.startswith(b"HTTP/1.1 200") and b'"boolean":true' in answer.replace(b" ", b"")


def test_service_hidden_from_the_old_check_is_refused_on_every_path(app):
    hidden = "SELECT * { # comment\rSERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    for path in ("/sparql?query=" + quote(hidden), "/sparql?format=html&query=" + quote(hidden)):
        reply = request(app, path, accept="application/sparql-results+json")
        assert reply.status == 400 and b"SERVICE" in reply.body
