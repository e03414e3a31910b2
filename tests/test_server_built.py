"""kg serve answers a named query from the answers the build kept beside its files (issue 15)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from kg import answers
from kg.query import named_queries
from kg.server.app import App, request
from kg.server.built import BuiltAnswers
from kg.server.query_pool import QueryRequest, answer_query
from kg.server.settings import Settings
from kg.store import load_store

ACCEPTS = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A build of several articles as a corpus's is, with the answers the process after it keeps."""
    from conftest import ARTICLES, CORPUS_ARTICLE, corpus_build_with_its_answers

    return corpus_build_with_its_answers([str(CORPUS_ARTICLE), str(ARTICLES)], tmp_path_factory.mktemp("served") / "out")


@pytest.fixture(scope="module")
def app(built):
    application = App(Settings(port=0, result_limit=100_000), data=(built / "kg.trig",))
    yield application
    application.close()


def _selects_and_asks():
    return [query for query in named_queries() if "\nCONSTRUCT" not in query.text]


def test_a_named_query_is_answered_from_the_build_with_the_bytes_a_worker_gives(app, built, monkeypatch):
    store = load_store([built / "kg.trig"])
    monkeypatch.setattr(app.pool, "run", lambda *a, **k: pytest.fail("a worker was asked"))
    checked = 0
    for query in _selects_and_asks():
        for accept in ACCEPTS[:2] if "\nASK" in query.text else ACCEPTS:  # an ASK answer has no CSV or TSV: a 406
            served = request(app, "/sparql?query=" + quote(query.text), accept=accept)
            worker = answer_query(store, QueryRequest(query.text, accept, None), app.settings)
            assert (served.status, served.media_type, served.body) == \
                (worker.status, worker.media_type, worker.body), (query.name, accept)
            checked += served.status == 200
    assert checked >= 40


def test_a_named_query_with_other_parameters_users_ask_is_answered_from_what_the_process_after_the_build_kept(
        app, built, monkeypatch):
    from kg.query import answered_ahead

    answers._answer_published((built / "kg.trig").resolve().parent, defaults=False)  # what answer_later's process does
    store = load_store([built / "kg.trig"])
    monkeypatch.setattr(app.pool, "run", lambda *a, **k: pytest.fail("a worker was asked"))
    checked = 0
    for query in _selects_and_asks():
        for text in answered_ahead(query):
            served = request(app, "/sparql?query=" + quote(text), accept=ACCEPTS[0])
            worker = answer_query(store, QueryRequest(text, ACCEPTS[0], None), app.settings)
            assert (served.status, served.media_type, served.body) == \
                (worker.status, worker.media_type, worker.body), (query.name, text)
            checked += served.status == 200
    assert checked >= 40


def test_another_query_or_graphs_chosen_go_to_the_engine(built):
    summits = next(query for query in named_queries() if query.name == "summits")
    kept = BuiltAnswers((built / "kg.trig",))
    settings = Settings(result_limit=100_000)
    assert kept.reply(QueryRequest(summits.text, "text/csv", None), settings) is not None
    assert kept.reply(QueryRequest(summits.text + " ", "text/csv", None), settings) is None  # not the text answered
    assert kept.reply(QueryRequest(summits.text, "text/csv", None, default_graphs=("https://example.org/g",)),
                      settings) is None


def test_the_result_limit_holds_for_a_kept_answer(built):
    store = load_store([built / "kg.trig"])
    kept = BuiltAnswers((built / "kg.trig",))
    labels = next(query for query in named_queries() if query.name == "labels")
    settings = Settings(result_limit=3)
    reply = kept.reply(QueryRequest(labels.text, "application/sparql-results+json", None), settings)
    assert reply is not None and reply.status == 400
    assert reply.body == answer_query(store, QueryRequest(labels.text, "application/json", None), settings).body


def test_files_that_are_not_a_builds_kg_trig_have_no_kept_answers(built, tmp_path):
    import shutil

    copy = tmp_path / "kg.trig"
    shutil.copyfile(built / "kg.trig", copy)  # the same bytes elsewhere: not the build's file
    summits = next(query for query in named_queries() if query.name == "summits")
    settings = Settings(result_limit=100_000)
    assert BuiltAnswers((copy,)).reply(QueryRequest(summits.text, "text/csv", None), settings) is None
    assert BuiltAnswers((built / "kg.trig", built / "kg.ttl")).reply(
        QueryRequest(summits.text, "text/csv", None), settings) is None
    assert answers.precomputed(answers.answer_key(summits.text, "csv", [built / "kg.trig"]),
                               [built / "kg.trig"]) is not None


#: Pages of an answer: the first rows, some in the middle, the last ones and past the end, OFFSET alone.
PAGES = ("\nLIMIT 3", "\nLIMIT 4 OFFSET 5", "\noffset 2 limit 1", " LIMIT 10 OFFSET 50", "\nOFFSET 100000 LIMIT 5",
         "\nOFFSET 7", "\nLIMIT 0")


def test_a_page_of_a_named_query_is_cut_from_the_kept_answer_with_the_bytes_a_worker_gives(app, built, monkeypatch):
    """A named query with LIMIT and OFFSET after its text is a page of the answer the build kept:
    the rows asked for, cut from it, byte for byte what the engine gives for that text."""
    store = load_store([built / "kg.trig"])
    monkeypatch.setattr(app.pool, "run", lambda *a, **k: pytest.fail("a worker was asked"))
    checked = 0
    for query in _selects_and_asks():
        if "\nASK" in query.text:
            continue
        for page in PAGES:
            for accept in ACCEPTS:
                served = request(app, "/sparql?query=" + quote(query.text + page), accept=accept)
                worker = answer_query(store, QueryRequest(query.text + page, accept, None), app.settings)
                assert (served.status, served.media_type, served.body) == \
                    (worker.status, worker.media_type, worker.body), (query.name, page, accept)
                checked += served.status == 200
    assert checked >= 10 * len(PAGES) * len(ACCEPTS)


def test_a_page_within_the_result_limit_is_answered_where_the_whole_answer_is_refused(built):
    store = load_store([built / "kg.trig"])
    kept = BuiltAnswers((built / "kg.trig",))
    labels = next(query for query in named_queries() if query.name == "labels")
    settings = Settings(result_limit=3)
    whole = kept.reply(QueryRequest(labels.text, "text/csv", None), settings)
    assert whole.status == 400 and b"a page at a time (LIMIT 3 OFFSET" in whole.body
    for page, status in (("LIMIT 3 OFFSET 6", 200), ("LIMIT 4", 400), ("OFFSET 2", 400)):
        reply = kept.reply(QueryRequest(f"{labels.text}{page}", "text/csv", None), settings)
        worker = answer_query(store, QueryRequest(f"{labels.text}{page}", "text/csv", None), settings)
        assert (reply.status, reply.body) == (status, worker.body), page
    assert kept.reply(QueryRequest(f"{labels.text}LIMIT 3 OFFSET 6 ", "text/csv", None), settings) is not None
    assert kept.reply(QueryRequest(f"{labels.text}# LIMIT 3", "text/csv", None), settings) is None
