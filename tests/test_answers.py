"""``kg query`` keeps what it printed and answers the same query over the same files from there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import answers
from kg.cli import main
from kg.cli import query as query_cli

FIXTURE = Path(__file__).parent / "data" / "query" / "fixture.trig"


def ask(*args: str):
    return CliRunner().invoke(main, ["query", *args])


@pytest.fixture
def data(tmp_path: Path) -> Path:
    copy = tmp_path / "kg.trig"
    shutil.copyfile(FIXTURE, copy)
    return copy


def test_the_same_query_over_the_same_files_is_answered_from_the_answer_kept(tmp_path, data, monkeypatch):
    kept = tmp_path / "answers"
    first = ask("labels", "--data", str(data), "--format", "csv", "--answers", str(kept))
    assert first.exit_code == 0, first.output
    assert len(list(kept.glob("*.answer"))) == 1
    monkeypatch.setattr(query_cli, "load_store", lambda paths: pytest.fail("the store was loaded again"))
    again = ask("labels", "--data", str(data), "--format", "csv", "--answers", str(kept))
    assert again.exit_code == 0 and again.stdout_bytes == first.stdout_bytes


def test_another_format_parameter_or_query_is_asked_again(tmp_path, data):
    kept = tmp_path / "answers"
    table = ask("labels", "--data", str(data), "--answers", str(kept)).output
    for other in (["--format", "tsv"], ["--param", "lang=en"], []):
        spec = "summits" if not other else "labels"
        assert ask(spec, "--data", str(data), "--answers", str(kept), *other).exit_code == 0
    assert len(list(kept.glob("*.answer"))) == 4
    assert ask("labels", "--data", str(data), "--answers", str(kept)).output == table


def test_changed_data_is_asked_again(tmp_path, data):
    kept = tmp_path / "answers"
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/summit-kg/ontology#Summit> }"
    assert ask(count, "--data", str(data), "--format", "csv", "--answers", str(kept)).output.split() == ["n", "5"]
    text = data.read_text(encoding="utf-8")
    data.write_text(text + "\n<urn:x:one-more> a <https://w3id.org/summit-kg/ontology#Summit> .\n", encoding="utf-8")
    assert ask(count, "--data", str(data), "--format", "csv", "--answers", str(kept)).output.split() == ["n", "6"]


def test_a_query_whose_answer_differs_from_run_to_run_is_asked_each_time(tmp_path, data):
    kept = tmp_path / "answers"
    for function in ("NOW()", "rand()", "UUID()", "STRUUID()", "BNODE()"):
        result = ask(f"SELECT ?v WHERE {{ BIND({function} AS ?v) }}", "--data", str(data), "--answers", str(kept))
        assert result.exit_code == 0, result.output
    assert not list(kept.glob("*.answer"))


def test_no_cache_asks_again(tmp_path, data, monkeypatch):
    kept = tmp_path / "answers"
    assert ask("summits", "--data", str(data), "--answers", str(kept)).exit_code == 0
    loaded = []
    real = query_cli.load_store
    monkeypatch.setattr(query_cli, "load_store", lambda paths: loaded.append(paths) or real(paths))
    assert ask("summits", "--data", str(data), "--answers", str(kept), "--no-cache").exit_code == 0
    assert len(loaded) == 1


def test_answers_that_cannot_be_kept_or_read_are_asked_again(tmp_path, data):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory", encoding="utf-8")
    for _ in range(2):
        result = ask("summits", "--data", str(data), "--answers", str(blocked / "answers"))
        assert result.exit_code == 0 and "(5 rows)" in result.output
    assert blocked.read_text(encoding="utf-8") == "not a directory"


def test_a_missing_file_is_still_said_in_one_line(tmp_path):
    result = ask("summits", "--data", str(tmp_path / "none.trig"), "--answers", str(tmp_path / "answers"))
    assert result.exit_code != 0 and "none.trig: no such RDF file" in result.output
    assert not (tmp_path / "answers").exists()


def test_the_least_recently_used_answers_go_first(tmp_path, monkeypatch):
    import os

    monkeypatch.setattr(answers, "MOST_KEPT", 2)
    kept = answers.AnswerCache(tmp_path)
    for number, key in enumerate(("a", "b"), start=1):
        kept.put(key, key.encode())
        os.utime(tmp_path / f"{key}.answer", ns=(number, number))  # used long ago, a before b
    assert kept.get("a") == b"a"  # used again: b is now the least recent
    kept.put("c", b"c")
    assert kept.get("b") is None and kept.get("a") == b"a" and kept.get("c") == b"c"


def test_an_answer_longer_than_the_limit_is_not_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(answers, "LONGEST", 3)
    kept = answers.AnswerCache(tmp_path)
    kept.put("k", b"four")
    assert kept.get("k") is None


def test_the_modules_that_write_an_answer_are_in_its_key(monkeypatch):
    """What the modules of the answer's key import from kg is in the key too, or changes no answer."""
    import ast

    package = Path(answers.__file__).resolve().parent
    # messages, the network switch, --timeout's default, the reader of JSON-LD's context (its file is in the key)
    # and the fork a build answers the named queries in
    answerless = {"errors.py", "sandbox.py", "server/settings.py", "export.py", "pool.py"}
    for name in answers.WRITERS:
        assert (package / name).is_file(), name
        if not name.endswith(".py"):
            continue
        for node in ast.walk(ast.parse((package / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kg."):
                module = node.module.removeprefix("kg.").replace(".", "/")
                imported = f"{module}.py" if (package / f"{module}.py").is_file() else f"{module}/__init__.py"
                assert imported in answers.WRITERS or imported in answerless, f"{name} imports {node.module}"
    key = answers.answer_key("ASK {}", "json", [FIXTURE])
    monkeypatch.setattr(answers, "_writers_digest", lambda: "another version")
    assert answers.answer_key("ASK {}", "json", [FIXTURE]) != key


# --- answers a build keeps beside its files ----------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A build of several articles as a corpus's is, with the answers the process after it keeps."""
    from conftest import ARTICLES, CORPUS_ARTICLE, corpus_build_with_its_answers

    return corpus_build_with_its_answers([str(CORPUS_ARTICLE), str(ARTICLES)], tmp_path_factory.mktemp("built") / "out")


def test_a_build_keeps_each_named_querys_answer_in_every_format_beside_its_files(built):
    from kg.query import named_queries

    kept = sorted((built / ".kg-published" / "current" / answers.PRECOMPUTED).glob("*.answer"))
    assert len(kept) == len(named_queries()) * len(answers.OUTPUTS)


def test_a_kept_answer_is_what_asking_again_prints(built):
    """Each named query's kept answer, in every format, is the bytes asking the engine again over
    the published kg.trig gives (a SELECT is answered once and written in the other formats)."""
    from kg.query import Output, execute, named_queries, render, written_format
    from kg.store import load_store

    trig = built / "kg.trig"
    store = load_store([trig])
    for query in named_queries():
        for output in map(Output, answers.OUTPUTS):
            kept = answers.precomputed(answers.answer_key(query.text, output.value, [trig]), [trig])
            asked = render(execute(store, query.text, written_as=written_format(output)), output)
            assert kept == asked, (query.name, output)


def test_the_first_asking_after_a_build_loads_no_store(built, tmp_path, monkeypatch):
    monkeypatch.setattr(query_cli, "load_store", lambda paths: pytest.fail("the store was loaded"))
    first = ask("labels", "--data", str(built / "kg.trig"), "--format", "json", "--answers", str(tmp_path / "kept"))
    assert first.exit_code == 0 and b'"bindings"' in first.stdout_bytes
    assert not (tmp_path / "kept").exists()  # nothing asked, so nothing kept anew


def test_kept_answers_serve_only_the_build_they_answer(built, tmp_path):
    from kg.query import resolve

    trig = built / "kg.trig"
    key = answers.answer_key(resolve("summits").text, "json", [trig])
    assert answers.precomputed(key, [trig]) is not None
    assert answers.precomputed(key, [trig, built / "kg.ttl"]) is None  # other files: another answer
    assert answers.precomputed(answers.answer_key(resolve("summits").text, "json", [built / "kg.nt"]),
                               [built / "kg.nt"]) is None
    copy = tmp_path / "kg.trig"
    shutil.copyfile(trig, copy)  # the same bytes elsewhere: not the build's file
    assert answers.precomputed(answers.answer_key(resolve("summits").text, "json", [copy]), [copy]) is None


def test_a_new_build_publishes_new_answers_and_the_old_ones_go_with_their_files(tmp_path):
    from conftest import CORPUS_ARTICLE, corpus_build_with_its_answers
    from kg.query import resolve

    out = corpus_build_with_its_answers([str(CORPUS_ARTICLE)], tmp_path / "out")
    before = answers.answer_key(resolve("summits").text, "csv", [out / "kg.trig"])
    corpus_build_with_its_answers([str(CORPUS_ARTICLE)], out)
    after = answers.answer_key(resolve("summits").text, "csv", [out / "kg.trig"])
    assert before != after and answers.precomputed(before, [out / "kg.trig"]) is None
    assert answers.precomputed(after, [out / "kg.trig"]) is not None


def test_a_small_build_answers_nothing_ahead(tmp_path):
    from conftest import CORPUS_ARTICLE
    from kg import pipeline

    pipeline.build([str(CORPUS_ARTICLE)], out=tmp_path / "out")
    assert not (tmp_path / "out" / ".kg-published" / "current" / answers.PRECOMPUTED).exists()


def test_an_edit_rebuilt_in_place_keeps_the_answers_of_its_files_a_little_later(tmp_path, monkeypatch):
    """The build after an edit leaves the answering to a process of its own (kg.answers.answer_later),
    started for the version it published; that process keeps the new files' answers beside them,
    the bytes asking again gives. (Here it is run and waited for, at the test's own priority.)"""
    import subprocess
    import sys

    from conftest import ARTICLES, CORPUS_ARTICLE
    from kg import pipeline
    from kg.query import Output, execute, named_queries, render, written_format
    from kg.store import load_store

    monkeypatch.setattr(pipeline, "OTHER_CORE_FROM", 1)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in [CORPUS_ARTICLE, *sorted(ARTICLES.glob("*.wiki"))[:3]]:
        shutil.copy(path, corpus / path.name)
    out, cache = tmp_path / "out", tmp_path / "cache"
    pipeline.build([str(corpus)], out=out, cache_dir=cache)
    page = sorted(corpus.glob("*.wiki"))[1]
    text = page.read_text(encoding="utf-8")
    page.write_text(text[: len(text) * 2 // 3], encoding="utf-8")
    started = []
    monkeypatch.setattr(answers, "answer_later", started.append)
    edited = pipeline.build([str(corpus)], out=out, cache_dir=cache)
    assert edited.incremental
    trig = out / "kg.trig"
    assert started == [trig.resolve().parent]  # the version the edit published
    queries = named_queries()
    keys = {(query.name, output): answers.answer_key(query.text, output.value, [trig])
            for query in queries for output in map(Output, answers.OUTPUTS)}
    assert all(answers.precomputed(key, [trig]) is None for key in keys.values())  # nothing answered ahead
    subprocess.run([sys.executable, "-m", "kg.answers", str(started[0])], check=True, timeout=600,
                   cwd=Path(answers.__file__).parent.parent)
    store = load_store([trig])
    for query in queries:
        for output in map(Output, answers.OUTPUTS):
            asked = render(execute(store, query.text, written_as=written_format(output)), output)
            assert answers.precomputed(keys[query.name, output], [trig]) == asked, (query.name, output)


def test_answering_later_runs_in_a_process_this_one_does_not_wait_for(tmp_path, monkeypatch):
    import time

    from kg.query import named_queries

    monkeypatch.setattr(answers, "LATER_NICENESS", 0)  # the test's own priority: a loaded machine still runs it
    version = tmp_path / "v"
    version.mkdir()
    shutil.copyfile(FIXTURE, version / answers.ANSWERED)
    trig = version / answers.ANSWERED
    keys = [answers.answer_key(query.text, "json", [trig]) for query in named_queries()]
    began = time.monotonic()
    answers.answer_later(version)
    assert time.monotonic() - began < 5  # started, not waited for
    while any(answers.precomputed(key, [trig]) is None for key in keys) and time.monotonic() - began < 300:
        time.sleep(0.2)
    assert all(answers.precomputed(key, [trig]) is not None for key in keys)


# --- the other parameters users ask, kept by a process after the build ----------------------


def test_a_corpus_build_answers_nothing_itself_and_leaves_every_answer_to_a_process_after_it(tmp_path, monkeypatch):
    """The named queries' answers, default parameters and others, are no part of the build's own
    work (issue 15: 17 s of CPU at a million triples): it starts the process that keeps them,
    for the version it published, and returns without them."""
    from conftest import CORPUS_ARTICLE
    from kg import pipeline

    monkeypatch.setattr(pipeline, "OTHER_CORE_FROM", 1)
    monkeypatch.setattr(answers, "ANSWERED_AHEAD_FROM", 1)
    started = []
    monkeypatch.setattr(answers, "answer_later", lambda directory, **options: started.append((directory, options)))
    pipeline.build([str(CORPUS_ARTICLE)], out=tmp_path / "out")
    version = (tmp_path / "out" / "kg.trig").resolve().parent
    assert started == [(version, {})]  # its default parameters' answers too
    assert not (version / answers.PRECOMPUTED).exists()


def test_the_process_after_a_build_keeps_each_query_with_the_other_parameters_users_ask(built, tmp_path, monkeypatch):
    """What a build's later process keeps (here run and waited for) is, for each named query bound
    with each other value of kg.query.ANSWERED_AHEAD and each output, the bytes asking the engine
    gives; asked for the other parameters only (ahead), it keeps none of the defaults; and kg query
    reads them back without a store."""
    import subprocess
    import sys

    from kg.query import Output, answered_ahead, bind, execute, named_queries, render, resolve, written_format
    from kg.store import load_store

    version = tmp_path / "v"
    version.mkdir()
    trig = version / answers.ANSWERED
    shutil.copyfile(built / "kg.trig", trig)
    texts = [text for query in named_queries() for text in answered_ahead(query)]
    assert len(texts) >= 40 and len(set(texts)) == len(texts)
    subprocess.run([sys.executable, "-m", "kg.answers", str(version), "0", answers.AHEAD_ONLY], check=True, timeout=600,
                   cwd=Path(answers.__file__).parent.parent)
    store = load_store([trig])
    for text in texts:
        for output in map(Output, answers.OUTPUTS):
            asked = render(execute(store, text, written_as=written_format(output)), output)
            assert answers.precomputed(answers.answer_key(text, output.value, [trig]), [trig]) == asked, (text, output)
    assert all(answers.precomputed(answers.answer_key(query.text, "json", [trig]), [trig]) is None
               for query in named_queries())  # asked for the others only
    monkeypatch.setattr(query_cli, "load_store", lambda paths: pytest.fail("the store was loaded"))
    read = ask("labels", "--param", "lang=zh-Hans", "--data", str(trig), "--format", "csv",
               "--answers", str(tmp_path / "kept"))
    assert read.exit_code == 0, read.output
    labels = bind(resolve("labels"), {"lang": "zh-Hans"})
    assert labels in texts
    assert read.stdout_bytes == render(execute(store, labels, written_as=written_format(Output.CSV)), Output.CSV)
