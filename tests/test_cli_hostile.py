"""Hostile input to the commands: one line, a documented exit code, never a traceback."""

from __future__ import annotations

import time
from pathlib import Path

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
    started = time.monotonic()
    line = one_line_error(invoke("query", PRODUCT, "--data", str(FIXTURE), "--timeout", "1"))
    assert "longer than 1 s" in line and time.monotonic() - started < 5


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
