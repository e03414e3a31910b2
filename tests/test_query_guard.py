"""SERVICE, nesting and length are refused by reading the query, before any engine runs it."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest

from kg.errors import QueryError
from kg.query import execute
from kg.query_guard import MAX_DEPTH, check_query, read
from kg.store import load_store

FIXTURE = Path(__file__).parent / "data" / "query" / "fixture.trig"


@pytest.fixture
def listener():
    """A loopback socket that records whether anything connected to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.5)
    connected = []

    def accept():
        try:
            connection, _ = server.accept()
            connected.append(connection.recv(1000))
            connection.close()
        except OSError:
            pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], connected
    thread.join(2)
    server.close()


def hidden_services(port: int) -> list[str]:
    """SERVICE calls the old regex check let through, and the plain one."""
    target = f"<http://127.0.0.1:{port}/sparql>"
    return [
        f"SELECT * {{ SERVICE {target} {{ ?s ?p ?o }} }}",
        f"SELECT * {{ # a comment ended by a carriage return\rSERVICE {target} {{ ?s ?p ?o }} }}",
        f"PREFIX a: <http://x/> SELECT * {{ ?s a:b\\#c ?o . SERVICE {target} {{ ?s ?p ?o }} }}",
        f"SELECT * {{ ?s ?p ?o FILTER EXISTS {{ \\u0053ERVICE {target} {{ ?s ?p ?o }} }} }}",
        f"SELECT * {{ {{ SELECT * {{ SERVICE SILENT {target} {{ ?s ?p ?o }} }} }} }}",
    ]


@pytest.mark.parametrize("which", range(5))
def test_no_service_reaches_out(listener, which):
    port, connected = listener
    store = load_store([FIXTURE])
    with pytest.raises(QueryError, match="SERVICE calls .* disabled"):
        execute(store, hidden_services(port)[which])
    assert connected == []


def test_the_lexer_follows_the_grammar_terminals():
    assert read("SELECT * { # comment\rSERVICE <http://x/> {} }").has_service
    assert read("PREFIX a: <http://x/> SELECT * { ?s a:b\\#c ?o . SERVICE <http://y/> {} }").has_service
    assert not read("SELECT * { ?s ?p '''SERVICE\r''' } # SERVICE").has_service
    assert not read('SELECT * { ?s <http://x/#SERVICE> "a\\"SERVICE" }').has_service
    assert read("INSERT DATA { <a> <b> <c> }").looks_like_update


def test_deep_nesting_is_refused_before_it_runs():
    deep = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000
    with pytest.raises(QueryError, match="too complex"):
        check_query(deep)
    check_query("SELECT * WHERE " + "{" * MAX_DEPTH + " ?s ?p ?o " + "}" * MAX_DEPTH)


def test_overlong_queries_are_refused():
    with pytest.raises(QueryError, match="characters long"):
        check_query("SELECT * { ?s ?p ?o } #" + "x" * 200_000)


def test_what_rdflib_cannot_read_does_not_run():
    with pytest.raises(QueryError, match="does not parse"):
        check_query("SELECT * { ?s ?p ?o ")


def test_allowed_service_is_still_bounded():
    check_query("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }", allow_service=True)
    with pytest.raises(QueryError, match="too complex"):
        check_query("SELECT * " + "{" * 100 + "}" * 100, allow_service=True)


def test_queries_read_from_many_threads_at_once_get_the_same_verdicts():
    from concurrent.futures import ThreadPoolExecutor

    queries = [f"SELECT ?s{i} WHERE {{ ?s{i} a <http://x/C{i}> ; <http://x/p> ?o{i} }} LIMIT {i + 1}" for i in range(40)]
    with ThreadPoolExecutor(8) as pool:
        verdicts = list(pool.map(check_query, queries))
    assert all(v.problem is None and v.cheap for v in verdicts)


def test_an_internal_failure_of_rdflibs_parser_sends_the_query_to_an_isolated_worker(monkeypatch):
    """Seen once under load: rdflib's parser raised SystemError on a plain query. The lexer's
    reading (no SERVICE, not too deep) stands; the query is not refused, and not run in-process."""
    import rdflib.plugins.sparql.parser as rdflib_parser

    from kg.query_guard import _parsed_verdict, _verdict, check_query

    def broken(text):
        raise SystemError("error return without exception set")

    monkeypatch.setattr(rdflib_parser, "parseQuery", broken)
    _verdict.cache_clear()
    _parsed_verdict.cache_clear()
    query = "SELECT ?s WHERE { ?s a <urn:x:Thing> } # an internal failure"
    verdict = check_query(query)
    assert verdict.problem is None and verdict.cheap is False
    with pytest.raises(Exception, match="SERVICE"):
        check_query("SELECT * { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } } # internal failure")


def test_queries_that_differ_only_in_their_values_are_parsed_once(monkeypatch):
    """The same shape (IRIs, strings and comments aside) gets the same verdict without rdflib
    parsing it again; a value holding SERVICE is part of the shape; a query that does not
    parse is told where in its own text."""
    import rdflib.plugins.sparql.parser as rdflib_parser

    from kg.query_guard import _parsed_verdict

    parsed = []
    original = rdflib_parser.parseQuery
    monkeypatch.setattr(rdflib_parser, "parseQuery", lambda text: parsed.append(text) or original(text))
    _parsed_verdict.cache_clear()
    for name in ("a", "b", "c"):
        verdict = check_query(f"SELECT ?p ?o WHERE {{ <http://x/{name}> ?p ?o . ?o ?q '{name}' }} # asked for {name}")
        assert verdict.problem is None and verdict.cheap
    assert len(parsed) == 1 and "http://x/" not in parsed[0]
    check_query("SELECT ?p ?o WHERE { <http://x/service> ?p ?o . ?o ?q 'a' }")  # SERVICE in a value: kept
    assert "<http://x/service>" in parsed[-1]
    assert not check_query("SELECT * WHERE { <http://x/a> ?p ?o . <http://x/b> ?q ?r }").cheap  # two unjoined parts
    with pytest.raises(QueryError, match=r"line 2"):
        check_query("SELECT ?o WHERE { <http://x/a-long-name> ?p ?o \n FILTER( }")
