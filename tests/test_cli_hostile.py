"""Hostile input to the commands: one line, a documented exit code, never a traceback."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

FIXTURE = Path(__file__).parent / "data" / "query" / "fixture.trig"
PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def one_line_error(result, *, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if line.startswith("kg: ")]
    assert len(lines) == 1, result.output
    return lines[0]


def test_kg_query_stops_at_its_time_limit():
    """The limit is the query's CPU time (ten times that of wall time at most): the product of
    four patterns would run for hours."""
    started = time.monotonic()
    line = one_line_error(invoke("query", PRODUCT, "--data", str(FIXTURE), "--timeout", "1"))
    assert "more than 1 s (of CPU time, or 10 s of wall time)" in line and time.monotonic() - started < 15


def test_a_query_is_stopped_by_its_own_cpu_time_not_by_the_wall_clock(monkeypatch):
    """A query that waits (as one does on a machine busy with other work) uses no CPU time."""
    from kg import query

    def waiting(*args, **kwargs):
        time.sleep(0.6)
        return query.Boolean(True)

    monkeypatch.setattr(query, "execute", waiting)
    assert query.execute_within(0.2, None, "ASK {}") == query.Boolean(True)
    with pytest.raises(query.QueryTimeout, match="0.05 s"):  # and ten times its limit of wall time at most
        query.execute_within(0.05, None, "ASK {}")


def test_kg_query_has_the_servers_limit_by_default():
    from kg.server.settings import Settings

    help_text = invoke("query", "--help").output
    assert "--timeout" in help_text and f"{Settings.query_timeout:g}" in help_text


def test_a_query_file_that_is_not_utf8_is_one_line(tmp_path):
    query = tmp_path / "latin1.rq"
    query.write_bytes('SELECT * { ?s ?p "caf\xe9" }'.encode("latin-1"))
    line = one_line_error(invoke("query", str(query), "--data", str(FIXTURE)))
    assert "latin1.rq" in line and "UTF-8" in line


def test_kg_query_refuses_a_hidden_service():
    line = one_line_error(invoke("query", "SELECT * { # x\rSERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "--data", str(FIXTURE)))
    assert "SERVICE" in line


# --- nothing reaches out from validate and export ------------------------------------------


@pytest.fixture
def listener():
    """A loopback port that records whether anything connected to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.3)
    connected = []

    def accept():
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            connected.append(True)
            connection.close()

    stop = threading.Event()
    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], connected
    stop.set()
    thread.join(5)
    server.close()


@pytest.mark.parametrize("command", ["validate", "export"])
@pytest.mark.parametrize("context", ['"http://127.0.0.1:{port}/context.jsonld"',
                                     '["http://127.0.0.1:{port}/context.jsonld", {{"x": "http://x/"}}]',
                                     '{{"@import": "http://127.0.0.1:{port}/context.jsonld"}}'])
def test_jsonld_never_fetches_a_remote_context(tmp_path, listener, command, context):
    port, connected = listener
    data = tmp_path / "remote.jsonld"
    data.write_text('{"@context": ' + context.format(port=port) + ', "@id": "http://x/a", "http://x/p": "v"}', encoding="utf-8")
    args = [command, str(data)] + (["--format", "nt"] if command == "export" else [])
    line = one_line_error(invoke(*args))
    assert "remote.jsonld" in line and "fetched" in line
    assert connected == []


@pytest.mark.parametrize("command", ["validate", "export"])
def test_deeply_nested_jsonld_is_one_line(tmp_path, command):
    data = tmp_path / "deep.jsonld"
    data.write_text('{"@id": "http://x/a", "http://x/p": ' + "[" * 5000 + '"v"' + "]" * 5000 + "}", encoding="utf-8")
    args = [command, str(data)] + (["--format", "nt"] if command == "export" else [])
    line = one_line_error(invoke(*args))
    assert "deep.jsonld" in line and "nested" in line


@pytest.mark.parametrize("command", ["validate", "export"])
def test_a_language_map_key_that_is_no_language_tag_is_one_line(tmp_path, command):
    """Under ``@container: @language`` every key is taken for a language; a key no tag can be
    (found by ``make fuzz``: a property name, 14 letters) would be written as ``"…"@wasDerivedFrom``,
    which no N-Triples parser reads back."""
    data = tmp_path / "keys.jsonld"
    data.write_text('{"@context": {"label": {"@id": "http://x/label", "@container": "@language"}}, '
                    '"@id": "http://x/a", "label": {"zh-Hant": "甲", "wasDerivedFrom": "乙"}}', encoding="utf-8")
    args = [command, str(data)] + (["--format", "nt", "--out", str(tmp_path / "out.nt")] if command == "export" else [])
    line = one_line_error(invoke(*args))
    assert "keys.jsonld" in line and "'wasDerivedFrom' is not a language tag" in line
    assert not (tmp_path / "out.nt").exists()


def test_a_language_map_with_proper_tags_is_read(tmp_path):
    data = tmp_path / "keys.jsonld"
    data.write_text('{"@context": {"label": {"@id": "http://x/label", "@container": "@language"}}, '
                    '"@id": "http://x/a", "label": {"zh-Hant": "甲", "en": "A"}}', encoding="utf-8")
    result = invoke("export", str(data), "--format", "nt", "--out", str(tmp_path / "out.nt"))
    assert result.exit_code == 0, result.output
    assert sorted((tmp_path / "out.nt").read_text(encoding="utf-8").splitlines()) == [
        '<http://x/a> <http://x/label> "A"@en .', '<http://x/a> <http://x/label> "甲"@zh-Hant .']


def test_shacl_sparql_cannot_call_service(tmp_path, listener):
    port, connected = listener
    shapes = tmp_path / "shapes"
    shapes.mkdir()
    (shapes / "remote.ttl").write_text(f"""
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:Shape a sh:NodeShape ; sh:targetClass ex:C ;
  sh:sparql [ sh:select "SELECT $this WHERE {{ # hidden\\rSERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}" ] .
""", encoding="utf-8")
    data = tmp_path / "data.ttl"
    data.write_text("<http://example.org/a> a <http://example.org/C> .\n", encoding="utf-8")
    line = one_line_error(invoke("validate", str(data), "--shapes", str(shapes)))
    assert "SERVICE" in line
    assert connected == []


ILL_TYPED = """<https://w3id.org/summit-kg/id/summit/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/summit-kg/ontology#Summit> .
<https://w3id.org/summit-kg/id/summit/a> <https://w3id.org/summit-kg/ontology#startDate> "2018-13-45"^^<http://www.w3.org/2001/XMLSchema#date> .
<https://w3id.org/summit-kg/id/summit/a> <https://w3id.org/summit-kg/ontology#ordinal> "abc"^^<http://www.w3.org/2001/XMLSchema#integer> .
"""


@pytest.mark.parametrize("args", [["validate"], ["export", "--format", "jsonld"], ["query", "summits", "--data"]])
def test_ill_typed_literals_print_no_traceback(tmp_path, args):
    import subprocess
    import sys

    data = tmp_path / "ill.nt"
    data.write_text(ILL_TYPED, encoding="utf-8")
    kg = Path(sys.executable).with_name("kg")
    done = subprocess.run([str(kg), *args, str(data)], capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1, 2)
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr[-2000:]


@pytest.mark.parametrize("endpoint", ["http://127.0.0.1 :9/store", "http://127.0.0.1:port/store", "http://x/st\tore"])
def test_kg_publish_with_a_bad_endpoint_url_is_one_line(endpoint):
    line = one_line_error(invoke("publish", "--endpoint", endpoint, "--data", str(FIXTURE)))
    assert "--endpoint" in line
