"""What kg serve's processes hold: no module they do not use, no index before it is asked for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.server.app import App, request
from kg.server.settings import Settings

DATA = Path(__file__).parent / "data" / "query" / "fixture.trig"


def modules_after(statement: str) -> set[str]:
    """The modules a fresh interpreter holds after ``statement`` (and whether OpenCC's s2tw was made)."""
    probe = (f"{statement}\nimport sys\nfrom kg import scripts\n"
             "print(' '.join(sys.modules)); print('s2tw' if scripts._s2tw.cache_info().currsize else '')")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_an_http_process_holds_no_extraction_nor_the_traditional_dictionaries():
    """The server reads Simplified names (OpenCC's t2s, 3 MB), never the extraction (mwparserfromhell
    and every rule) nor the Traditional dictionaries (s2tw, 42 MB) that only the extraction uses."""
    held = modules_after("import kg.server.app")
    assert "kg.server.app" in held and "kg.scripts" in held
    assert not {name for name in held if name.startswith("kg.extract")}
    assert "mwparserfromhell" not in held and "s2tw" not in held


def test_the_serving_parent_holds_no_http_server_nor_query_machinery_until_it_serves():
    """``kg serve --get`` and the CLI's other commands import none of the server's machinery: the
    parent imports the application only when it serves, to fork the HTTP processes that share it."""
    held = modules_after("import kg.cli.serve")
    assert "kg.server.processes" in held
    assert not held & {"granian", "werkzeug", "kg.query", "kg.server.app", "kg.server.query_pool", "pyparsing"}
    assert "rdflib" not in held


def test_a_query_worker_holds_none_of_rdflib_nor_werkzeug():
    """A query worker answers what its HTTP process has read and negotiated already (kg.query_guard,
    the formats): it imports none of rdflib (17 MB) nor its SPARQL parser (10 MB more), which it used
    to read each query again with, nor werkzeug (10 MB), which it negotiated the Accept header with."""
    held = modules_after("from kg.server.query_pool import _work")
    assert "kg.server.query_pool" in held and "kg.query" in held
    assert not {name for name in held if name.split(".")[0] in ("rdflib", "pyparsing", "werkzeug")}


def test_a_worker_runs_a_query_without_reading_it_again(monkeypatch):
    """``checked``: the guard's verdict is not asked for again (in a worker it would import rdflib's parser)."""
    import pyoxigraph

    from kg import query

    def refuse(*args, **kwargs):
        raise AssertionError("read again")

    monkeypatch.setattr(query, "check_query", refuse)
    store = pyoxigraph.Store()
    assert query.execute(store, "ASK {}", checked=True) == query.Boolean(True)
    with pytest.raises(AssertionError, match="read again"):
        query.execute(store, "ASK {}")


def test_the_reconciliation_index_is_built_when_first_asked_for():
    app = App(Settings(), data=(DATA,))
    try:
        assert app._reconciliation is None
        assert request(app, "/void", accept="text/turtle").status == 200
        assert app._reconciliation is None
        assert request(app, "/reconcile", accept="application/json").status == 200
        assert app._reconciliation is not None and app._reconciliation.index is not None
    finally:
        app.close()


def test_the_overview_pages_embed_data_made_once(monkeypatch):
    """Every summit's data embedded in /, /timeline and /network (45 MB and 1.2 s at 500 pages) is
    made on the first of them and kept: the pages are the same as when each made it again."""
    from kg.server import app as app_module

    app = App(Settings(response_cache=0), data=(DATA,))
    try:
        first = {path: request(app, path).body for path in ("/", "/timeline", "/network", "/?lang=zh-Hant")}
        made = []
        real = app_module.representations.embedded
        monkeypatch.setattr(app_module.representations, "embedded", lambda triples: made.append(1) or real(triples))
        again = {path: request(app, path).body for path in first}
        assert again == first and not made
        app._overview_made = None
        assert request(app, "/").body == first["/"] and made == [1]  # made again, the same page
    finally:
        app.close()


def test_the_overview_a_server_s_parent_made_is_what_the_app_embeds():
    from kg.server.app import overview

    app = App(Settings(response_cache=0), data=(DATA,))
    try:
        alternates, embedded = overview(app.store)
        assert embedded.encode() in request(app, "/").body
        given = App(Settings(response_cache=0), data=(DATA,), made=(alternates, '{"@id": "made-by-the-parent"}'))
        try:
            page = request(given, "/").body
            assert b"made-by-the-parent" in page and embedded.encode() not in page
        finally:
            given.close()
    finally:
        app.close()


def test_the_process_that_loads_a_server_s_data_makes_what_the_overview_pages_embed():
    """Made there (1.2 s and 45 MB at its peak at 500 pages), not in each HTTP process, which kept
    about 20 MB of it for good: the same text an app makes for itself."""
    from kg.server.app import overview
    from kg.server.data import ServedData

    served = ServedData.load_apart((DATA,), in_memory_quads=0)
    app = App(Settings(response_cache=0), data=(DATA,))
    try:
        assert served.store is None and served.overview == overview(app.store)[1]
    finally:
        app.close()
        served.close()


def test_an_http_process_answers_the_overview_s_data_from_what_the_loading_process_wrote():
    """Not from the store: reading every summit's dates, venue, participants and labels filled about 20 MB
    of each HTTP process's own block cache at 500 pages. The same bytes in every format; the app here
    has an empty store, so only the file written by the process that loaded the data can give them."""
    from pyoxigraph import Store

    from kg.server import representations
    from kg.server.data import ServedData

    served = ServedData.load_apart((DATA,), in_memory_quads=0)
    app = App(Settings(response_cache=0), data=(DATA,))
    given = App(Settings(response_cache=0), data=(DATA,), served=ServedData.open(served.directory, store=Store()))
    try:
        for representation in representations.REPRESENTATIONS:
            if representation.writer:
                for path in ("/", "/timeline", "/network"):
                    answer = request(app, f"{path}?format={representation.name}")
                    assert answer.status == 200 and answer.body
                    assert request(given, f"{path}?format={representation.name}") == answer
    finally:
        given.close()
        app.close()
        served.close()


class _CountedStore:
    """A store that counts what is read of it."""

    def __init__(self, store) -> None:
        self.store, self.reads = store, []

    def query(self, *args, **kwargs):
        self.reads.append(args[0][:40])
        return self.store.query(*args, **kwargs)

    def quads_for_pattern(self, *pattern):
        self.reads.append(pattern)
        return self.store.quads_for_pattern(*pattern)


def test_the_overview_pages_read_what_the_loading_process_wrote():
    """Not the store: every summit's dates, venue, participants, countries and labels filled 17–20 MB of
    each HTTP process's own block cache at 500 pages for each of /, /timeline and /network. The answers
    as the engine gave them in the loading process, participants and labels from the overview's triples:
    the same pages in each script; only the labels of countries and sides are looked up in the store."""
    from kg.server.app import overview_alternates
    from kg.server.data import ServedData

    served = ServedData.load_apart((DATA,), in_memory_quads=0)
    app = App(Settings(response_cache=0), data=(DATA,))
    given = App(Settings(response_cache=0), data=(DATA,), served=ServedData.open(served.directory, in_memory_quads=0),
                made=(overview_alternates(), served.overview))  # as a server's HTTP process is given it
    given.store = counted = _CountedStore(given.store)
    try:
        for page in ("/", "/timeline", "/network"):
            for lang in ("", "?lang=zh-Hant", "?lang=en", "?lang=zh-Hans"):
                answer = request(app, page + lang)
                assert answer.status == 200 and (b"<svg" in answer.body or b"<li" in answer.body)
                assert request(given, page + lang) == answer
            if page == "/":
                assert counted.reads == []
        assert not [read for read in counted.reads if isinstance(read, str)]  # no query asked of the store
    finally:
        given.close()
        app.close()
        served.close()


def test_the_overview_is_the_same_text_whichever_process_makes_it():
    """Its nodes in a fixed order: rdflib's order follows the string hashing, which differs between
    processes, so the page of one server run (or of one HTTP process) differed from the next's."""
    import os

    probe = ("import sys; from pyoxigraph import RdfFormat, Store; from kg.server.app import overview; store = Store(); "
             f"store.load(path={str(DATA)!r}, format=RdfFormat.TRIG); sys.stdout.write(overview(store)[1])")
    texts = {subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(texts) == 1


def test_a_query_worker_left_idle_ends_and_the_next_query_starts_another():
    """An idle query worker holds about 28 MB (a new interpreter and its own block cache of the store):
    it ends once idle for ``worker_idle`` seconds, and the next query that needs one starts another."""
    from urllib.parse import quote

    app = App(Settings(response_cache=0, workers=1, worker_idle=0.5), data=(DATA,))
    count = "/sparql?query=" + quote("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")  # not cheap: a worker answers
    again = "/sparql?query=" + quote("SELECT (COUNT(*) AS ?m) { ?s ?p ?o }")
    try:
        assert request(app, count, accept="application/sparql-results+json").status == 200
        (first,) = app.pool._all
        first.process.wait(60)  # ended by the pool, idle (TimeoutExpired if it is kept)
        assert request(app, again, accept="application/sparql-results+json").status == 200
        (second,) = app.pool._all
        assert second is not first and second.process.poll() is None
    finally:
        app.close()


def test_the_bound_on_quads_held_in_memory_counts_every_graph():
    from pyoxigraph import DefaultGraph, NamedNode, Quad, Store

    from kg.server.data import more_quads_than

    store = Store()
    assert not more_quads_than(store, 0)
    node = NamedNode("https://example.org/a")
    store.extend([Quad(node, node, node, DefaultGraph()), Quad(node, node, node, NamedNode("https://example.org/g1")),
                  Quad(node, node, NamedNode("https://example.org/b"), NamedNode("https://example.org/g2"))])
    assert [more_quads_than(store, bound) for bound in (0, 1, 2, 3, 4)] == [True, True, True, False, False]
