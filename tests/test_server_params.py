"""The server reads a request's parameters as the standard library does, and small data from memory."""

from __future__ import annotations

import random
from pathlib import Path
from urllib.parse import parse_qs, quote

import pytest
from pyoxigraph import NamedNode, Quad

from kg.server import data
from kg.server.app import App, request
from kg.server.data import ServedData
from kg.server.form import minted_quote, parse_params
from kg.server.settings import Settings

DATA = Path(__file__).parent / "data" / "query" / "fixture.trig"


def test_parameters_are_read_as_parse_qs_reads_them():
    """Generated query strings: escapes good and broken, '+', '=', '&', line breaks, other scripts."""
    rng = random.Random(15)
    alphabet = "%%%%=&&+ \t_aZ09fF\r\n;#?é\x7f\x00" + "0123456789abcdefABCDEF"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        if rng.random() < 0.3:
            value = "".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(0, 6)))
            text += "=" + quote(value, safe=rng.choice(["", "/", "=+&"]))
        assert parse_params(text) == parse_qs(text, keep_blank_values=True), repr(text)


def test_path_parts_are_quoted_as_quote_quotes_them():
    """Generated texts: ASCII (safe and not), other scripts, the replacement character, the empty text."""
    rng = random.Random(18)
    alphabet = "-_.~()/%+ aZ09\x00\x7f\x80é·李\ufffd\U0001F600"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert minted_quote(text) == quote(text, safe="-_.~()"), repr(text)
    every = "".join(map(chr, range(0x3000)))
    assert minted_quote(every) == quote(every, safe="-_.~()")


def test_a_real_query_is_read_whole():
    sparql = 'SELECT ?p ?o WHERE { <https://w3id.org/summit-kg/id/person/李四> ?p ?o FILTER(?o != "a+b=c%") }'
    assert parse_params("query=" + quote(sparql) + "&format=json") == {"query": [sparql], "format": ["json"]}


def _writable(store) -> bool:
    try:
        store.add(Quad(NamedNode("http://example.org/s"), NamedNode("http://example.org/p"), NamedNode("http://example.org/o")))
    except (OSError, RuntimeError):  # the engine: 'only possible on read-write instances'
        return False
    return True


@pytest.mark.parametrize("bound, in_memory", [(data.IN_MEMORY_QUADS, True), (10, False), (0, False)])
def test_the_app_reads_small_data_from_memory_and_larger_data_from_disk(bound, in_memory):
    served = ServedData.load((DATA,), in_memory_quads=bound)
    try:
        assert len(served.store) == len(data.Store.read_only(str(served.store_path))) > 10
        assert _writable(served.store) is in_memory  # the on-disk copy is opened read-only; a copy in memory is the app's own
    finally:
        served.close()


@pytest.mark.parametrize("bound, in_memory", [(None, True), (0, False)])
def test_in_memory_quads_decides_what_the_app_reads(bound, in_memory):
    settings = Settings() if bound is None else Settings(in_memory_quads=bound)
    app = App(settings, data=(DATA,))
    try:
        assert _writable(app.store) is in_memory
        assert request(app, "/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D", accept="application/sparql-results+json").status == 200
    finally:
        app.close()


def test_the_setting_s_default_is_the_bound_the_loaders_default_to():
    assert Settings().in_memory_quads == data.IN_MEMORY_QUADS


@pytest.mark.parametrize("bound, in_memory", [(data.IN_MEMORY_QUADS, True), (10, False), (0, False)])
def test_a_server_s_parent_loads_small_data_in_memory_and_another_process_writes_the_store(bound, in_memory):
    served = ServedData.load_apart((DATA,), in_memory_quads=bound)
    try:
        on_disk = data.Store.read_only(str(served.store_path))  # written and closed by the child
        assert (served.store is not None) is in_memory
        if in_memory:
            assert len(served.store) == len(on_disk) > 10 and _writable(served.store)
    finally:
        served.close()
    assert not served.directory.exists()


def test_a_file_the_loading_process_cannot_read_is_said_and_leaves_nothing(tmp_path, monkeypatch):
    import tempfile

    from kg.errors import InputError

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(InputError, match="broken.ttl: not valid Turtle"):
        ServedData.load_apart((broken,))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.ttl"]
