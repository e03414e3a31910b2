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
    answerless = {"errors.py", "sandbox.py", "server/settings.py", "export.py"}
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
