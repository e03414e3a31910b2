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


def escaped_quote_services(port: int) -> list[str]:
    """SERVICE calls behind a quote written as an escape inside a string: the engine reads
    ``\\u0022`` as a quote inside the string, which goes on; a reader that expands escapes
    first (the grammar says to; rdflib does) ends the string there and takes what follows,
    SERVICE included, for a second string. Both passed the guard as cheap, to run in-process."""
    target = f"<http://127.0.0.1:{port}/sparql>"
    return [
        f"SELECT * {{ <http://x/s> <http://x/p> \"a\\u0022, ' \" . SERVICE {target} {{ ?s ?p ?o }} # '\n }}",
        f"SELECT * {{ <http://x/s> <http://x/p> 'b\\u0027, \" ' . SERVICE {target} {{ ?s ?p ?o }} # \"\n }}",
    ]


def _store_with_quoted_values():
    """A store in which the strings those queries name exist, so that the engine goes on to the SERVICE."""
    from pyoxigraph import Literal, NamedNode, Quad, Store

    store = Store()
    for value in ("a\", ' ", "b', \" "):
        store.add(Quad(NamedNode("http://x/s"), NamedNode("http://x/p"), Literal(value)))
    return store


@pytest.mark.parametrize("which", range(2))
def test_an_escaped_quote_hides_no_service(listener, which):
    port, connected = listener
    query = escaped_quote_services(port)[which]
    with pytest.raises(QueryError, match="SERVICE calls .* disabled"):
        check_query(query)
    with pytest.raises(QueryError, match="SERVICE calls .* disabled"):
        execute(_store_with_quoted_values(), query)
    assert connected == []


def test_the_engine_does_call_the_service_an_escaped_quote_hides(listener):
    """What the test above refuses is a real SERVICE call to the engine (so it cannot pass by
    refusing something harmless): run unguarded, it connects."""
    port, connected = listener
    try:
        list(_store_with_quoted_values().query(escaped_quote_services(port)[0]))
    except OSError:
        pass  # the listener hangs up without an answer
    assert connected


def test_a_keyword_glued_to_a_prefixed_name_is_read_as_the_engine_reads_it(listener):
    """The engine reads SERVICEex:x as SERVICE ex:x (its keywords need no break after them)."""
    port, connected = listener
    query = f"PREFIX ex: <http://127.0.0.1:{port}/> SELECT * {{ SERVICEex:sparql {{ ?s ?p ?o }} }}"
    assert read(query).has_service
    with pytest.raises(QueryError, match="SERVICE calls .* disabled"):
        execute(_store_with_quoted_values(), query)
    assert connected == []


def test_a_shape_hides_no_work_from_the_cheap_verdict():
    """The part an escaped quote hides from a reader that expands escapes first is code to the
    engine: here a product of everything with everything. Read as a string it made the query
    one constant-anchored triple, cheap, run in the server's own process without isolation;
    read as the engine reads it, it is not cheap, and runs where the time limit can stop it."""
    query = "SELECT * { <http://x/s> <http://x/p> \"a\\u0022, ' \" . ?a ?b ?c . ?d ?e ?f # '\n }"
    assert _store_with_quoted_values().query(query).variables  # the engine reads it as a query
    assert check_query(query).cheap is False
    assert check_query("SELECT * { <http://x/s> <http://x/p> \"a\\u0022, ' \" . ?s ?p ?o }").cheap is False


def test_escapes_in_strings_and_iris_are_values_like_any_other():
    """A query with escapes in its values is read, and shares its shape, like one without."""
    plain = check_query("SELECT ?o WHERE { <http://x/a> <http://x/p> ?o . ?o ?q 'it s' }")
    escaped = check_query("SELECT ?o WHERE { <http://x/\\u0061> <http://x/p> ?o . ?o ?q 'it\\u0027s' }")
    assert plain.problem is None and escaped.problem is None and plain.cheap and escaped.cheap
    assert read("SELECT * { <http://x/\\u0061'> ?p \"x\" }").words == frozenset({"SELECT"})


# --- the parser's stack ------------------------------------------------------------------------


class _Held:
    """Something a caller of the guard holds in a local."""


@pytest.fixture
def without_cyclic_gc():
    import gc

    gc.collect()
    gc.disable()
    yield
    gc.enable()


def test_reading_a_query_keeps_nothing_of_its_caller(without_cyclic_gc):
    """pyparsing's failed alternatives leave reference cycles through the frames of the parse;
    parsed apart, they do not reach the caller's frame and its locals."""
    import weakref

    from kg import query_guard

    query_guard._verdict.cache_clear()
    query_guard._parsed_verdict.cache_clear()

    def caller() -> weakref.ref:
        held = _Held()
        check_query("SELECT ?s WHERE { ?s ?p ?o FILTER NOT EXISTS { ?s a ?c } } ORDER BY ?s")
        return weakref.ref(held)

    assert caller()() is None


def test_a_store_is_free_once_the_cross_article_checks_return(tmp_path, monkeypatch, without_cyclic_gc):
    """The checks read the shapes' SPARQL the first time they run in a process; the store they
    were given is closed with its last reference, so its directory opens again."""
    from pyoxigraph import RdfFormat, Store

    from kg import query_guard, validate

    monkeypatch.setattr(validate, "_GATES", {})  # read the gate again, as a fresh process would
    query_guard._verdict.cache_clear()
    query_guard._parsed_verdict.cache_clear()
    directory = tmp_path / "store"
    store = Store(str(directory))
    store.load(path=FIXTURE, format=RdfFormat.TRIG)
    assert validate.cross_article(store) == ()
    del store
    Store(str(directory))  # raises OSError (the lock) while a handle stays referenced


#: What may stand glued before SERVICE, and what the engine then reads: true or false (a term),
#: a number whose exponent the lexer reads as a word (1e5SERVICE is 1e5, then SERVICE), a dot.
GLUED_BEFORE = ["true", "false", "1e5", "1.5E3", "+1e5", "1", "true."]


@pytest.mark.parametrize("before", GLUED_BEFORE)
@pytest.mark.parametrize("service", ["SERVICE{target}{{}}", "SERVICEex:sparql{{}}", "serviceSILENTex:sparql{{}}"])
def test_a_keyword_glued_after_a_term_is_refused_and_the_engine_does_call_it(listener, before, service):
    """Each spelling is a real SERVICE call to the engine (checked with the guard out of the way),
    and the guard refuses it."""
    port, connected = listener
    target = f"<http://127.0.0.1:{port}/sparql>"
    query = (f"PREFIX ex: <http://127.0.0.1:{port}/> SELECT * {{ ?s ?p "
             f"{before}{service.format(target=target)} }}")
    with pytest.raises(QueryError, match="SERVICE calls .* disabled"):
        check_query(query)
    try:
        list(_store_with_quoted_values().query(query))
    except OSError:
        pass  # the listener hangs up without an answer
    assert connected


@pytest.mark.parametrize("prefix", ["myservice", "xservice", "webservices2", "aservice"])
def test_a_prefix_that_only_holds_the_word_service_is_a_name(listener, prefix):
    """A prefix whose name holds SERVICE after other letters is read by the engine as a name, in
    every position a name may take; the query runs and reaches nothing."""
    port, connected = listener
    declared = f"PREFIX {prefix}: <http://127.0.0.1:{port}/> "
    for pattern in ("?s ?p {p}:x {{}}", "?s {p}:x ?o", "{p}:x ?p ?o", "?s ?p true{p}:x {{}}", "?s ?p ?o, {p}:x {{}}"):
        query = declared + "SELECT * { " + pattern.format(p=prefix) + " }"
        assert check_query(query).problem is None
        try:
            list(_store_with_quoted_values().query(query))
        except SyntaxError:
            pass  # true then a name: not SPARQL to the engine either
    assert connected == []


@pytest.mark.parametrize("prefix", ["serviceable", "SERVICEex", "trueservice", "true.service", "e5service", "e-5service"])
def test_a_prefix_the_engine_may_read_as_service_is_refused(prefix):
    with pytest.raises(QueryError, match="SERVICE calls .* disabled"):
        check_query(f"PREFIX {prefix}: <http://x/> SELECT * {{ ?s ?p {prefix}:x }}")
