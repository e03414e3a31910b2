"""Hostile answers from a Wikidata endpoint: one LinkError line each, nothing bad cached."""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import LinkError
from kg.wikidata.endpoint import Endpoint, Politeness

QUERY = "SELECT ?item WHERE { ?item ?p ?o } LIMIT 1"
GOOD = b'{"head":{"vars":["item"]},"results":{"bindings":[{"item":{"type":"uri","value":"http://www.wikidata.org/entity/Q1"}}]}}'


@contextmanager
def answering(reply):
    """A loopback server that reads one request per connection and calls ``reply(connection)``."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            with connection:
                connection.settimeout(2)
                try:
                    connection.recv(65536)
                    reply(connection)
                    connection.shutdown(socket.SHUT_WR)
                    while connection.recv(65536):  # drain what the client sent: closing unread data resets
                        pass
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}/sparql"
    finally:
        stop.set()
        thread.join(5)
        server.close()


def raw(data: bytes):
    return lambda connection: connection.sendall(data)


def http(body: bytes, *, status: str = "200 OK", headers: str = "Content-Type: application/sparql-results+json\r\n") -> bytes:
    return f"HTTP/1.1 {status}\r\n{headers}Content-Length: {len(body)}\r\n\r\n".encode() + body


def endpoint(url: str, cache: Path, **politeness) -> Endpoint:
    return Endpoint(url=url, cache_dir=cache, politeness=Politeness(tries=2, backoff=0.01, min_interval=0, **politeness))


@pytest.mark.parametrize(
    "answer, words",
    [
        (raw(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: 500\r\n\r\n{\"head\""), "broken HTTP answer"),
        (raw(b"HTTP/1.1 abc\r\n\r\n"), "broken HTTP answer"),
        (raw(b"\x00\xff garbage, not HTTP at all\r\n\r\n"), "broken HTTP answer"),
        (raw(http(b"", status="503 Service Unavailable", headers="Retry-After: \xc2\xb2\r\n")), "HTTP 503"),
        (raw(http(b"[" * 100_000 + b"]" * 100_000)), "not SPARQL JSON"),
        (raw(http(b'{"results": {"bindings": [{"item": {"type": "uri"}}]}}')), "not SPARQL JSON"),
    ],
)
def test_a_bad_answer_is_one_link_error_and_is_not_cached(tmp_path, answer, words):
    with answering(answer) as url:
        with pytest.raises(LinkError, match=words) as raised:
            endpoint(url, tmp_path / "cache").select(QUERY, ("item",))
    assert "\n" not in str(raised.value)
    assert not list((tmp_path / "cache").rglob("*.json")), "a bad answer was cached"


def test_a_good_answer_after_a_bad_one_is_used(tmp_path):
    with answering(raw(http(b'{"results": {"bindings": [{"item": {"type": "uri"}}]}}'))) as url:
        with pytest.raises(LinkError):
            endpoint(url, tmp_path / "cache").select(QUERY, ("item",))
    with answering(raw(http(GOOD))) as url:
        rows = endpoint(url, tmp_path / "cache").select(QUERY, ("item",))
    assert str(rows[0][0]) == "http://www.wikidata.org/entity/Q1"


def test_the_timeout_bounds_the_whole_answer_not_each_read(tmp_path):
    def trickle(connection):
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: 100\r\n\r\n")
        for _ in range(15):
            connection.sendall(b" ")
            time.sleep(0.2)

    with answering(trickle) as url:
        started = time.monotonic()
        with pytest.raises(LinkError, match="within 1 s"):
            Endpoint(url=url, cache_dir=tmp_path, politeness=Politeness(timeout=1, tries=1, min_interval=0)).select(QUERY, ("item",))
    assert time.monotonic() - started < 4


@pytest.mark.parametrize("url", ["http://127.0.0.1 :9/sparql", "htp://x/sparql", "http://127.0.0.1:port/sparql", "http://x/spa\trql"])
def test_a_bad_endpoint_url_is_one_line(tmp_path, url):
    result = CliRunner().invoke(main, ["link", "--endpoint", url, "--data", str(tmp_path / "none.trig")])
    assert result.exit_code == 2 and result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


def test_stray_spaces_around_the_endpoint_are_dropped(tmp_path):
    assert endpoint("  http://127.0.0.1:9/sparql \n", tmp_path).url == "http://127.0.0.1:9/sparql"
    with pytest.raises(LinkError, match="without spaces"):
        endpoint("http://127.0.0.1:9/spa rql", tmp_path)


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n\x00\x00binary", b"entity,qid,accept\n\xff\xfe,Q1,yes\n"])
def test_a_binary_accept_file_is_one_line(tmp_path, content):
    accepted = tmp_path / "review.csv"
    accepted.write_bytes(content)
    result = CliRunner().invoke(main, ["link", "--offline", "--accept", str(accepted), "--data", str(tmp_path / "none.trig")])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "review.csv" in result.output and len(result.output.strip().splitlines()) == 1
