"""``kg build`` on bad input: exit code 2, one line naming the input, no traceback, --out untouched."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import main

DATA = Path(__file__).parent / "data" / "source"
SKG = rdflib.Namespace("https://w3id.org/summit-kg/ontology#")


def previous_build(out: Path) -> dict[str, bytes]:
    """Put a previous build in ``out`` and return what it holds, to compare afterwards."""
    out.mkdir()
    (out / "kg.ttl").write_text("# the previous build\n", encoding="utf-8")
    (out / "notes.txt").write_bytes(b"kept\n")
    return contents(out)


def contents(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def build(*arguments: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, ["build", *arguments], input=stdin)


def assert_refused(result, *, names: str) -> str:
    """The build failed as a user error: exit 2, one ``kg:`` line naming the input, no traceback."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"kg: {names}"), lines[0]
    return lines[0]


BAD_INPUTS = [
    ("missing.wiki", "no such file or directory"),
    ("no-wikitext", "directory has no wikitext files"),
    ("empty.wiki", "is empty"),
    ("blank.wiki", "is empty"),
    ("not-utf8.wiki", "is not UTF-8 (byte 0xB3 at offset 3)"),
    ("utf16.wiki", "is UTF-16"),
    ("binary.wiki", "is binary data (NUL byte at offset 8)"),
    ("empty.xml", "is empty"),
    ("malformed.xml", "at line 3, column 14"),
    ("truncated.xml", "at line 71, column 0"),  # found only after its first page was read
    ("truncated.xml.bz2", "ends early (truncated)"),
    ("not-bzip2.xml.bz2", "cannot be decompressed"),
    ("not-export.xml", "not a MediaWiki export"),
    ("bad-sidecar.wiki", "unreadable sidecar"),
]


@pytest.mark.parametrize(("name", "expected"), BAD_INPUTS)
def test_bad_input_exits_2_with_one_line_and_leaves_out_untouched(tmp_path, name, expected):
    out = tmp_path / "out"
    before = previous_build(out)
    result = build(str(DATA / name), "--out", str(out))
    names = str(DATA / "bad-sidecar.meta.json") if name == "bad-sidecar.wiki" else str(DATA / name)
    line = assert_refused(result, names=names)
    assert expected in line
    assert contents(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]  # no temporary left behind


def test_good_input_before_a_bad_one_is_not_published(tmp_path):
    out = tmp_path / "out"
    before = previous_build(out)
    result = build(str(DATA / "article.wiki"), str(DATA / "binary.wiki"), "--out", str(out))
    assert_refused(result, names=str(DATA / "binary.wiki"))
    assert contents(out) == before


def test_empty_directory(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = build(str(empty), "--out", str(tmp_path / "out"))
    assert_refused(result, names=str(empty))
    assert not (tmp_path / "out").exists()


def test_empty_stdin(tmp_path):
    result = build("-", "--out", str(tmp_path / "out"), stdin=b"")
    assert_refused(result, names="<stdin>: is empty")
    assert not (tmp_path / "out").exists()


def test_text_with_no_wikitext_structure_is_refused(tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("just a sentence, no markup, no lead term, nothing to build\n", encoding="utf-8")
    before = previous_build(tmp_path / "out")
    result = build(str(plain), "--out", str(tmp_path / "out"))
    assert_refused(result, names=str(plain))
    assert contents(tmp_path / "out") == before


def source_articles(out: Path) -> set[str]:
    graph = rdflib.Graph().parse(out / "kg.ttl", format="turtle")
    return {unquote(str(article)) for article in graph.subjects(rdflib.RDF.type, SKG.SourceArticle)}


def test_export_with_bad_pages_builds_the_others_and_reports_the_skipped(tmp_path):
    out = tmp_path / "out"
    result = build(str(DATA / "export.xml"), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert source_articles(out) == {
        "https://zh.wikipedia.org/wiki/甲峰会",
        "https://zh.wikipedia.org/wiki/乙峰会",
        "https://zh.wikipedia.org/wiki/己峰会",
    }
    for skipped in ("空白峰会", "丙峰会", "丁峰会", "戊峰会"):
        assert skipped in result.output
    assert "Traceback" not in result.output


def test_compressed_export_builds_the_same_articles(tmp_path):
    plain = build(str(DATA / "export.xml"), "--out", str(tmp_path / "plain"))
    compressed = build(str(DATA / "export.xml.bz2"), "--out", str(tmp_path / "compressed"))
    assert plain.exit_code == 0, plain.output
    assert compressed.exit_code == 0, compressed.output
    assert source_articles(tmp_path / "compressed") == source_articles(tmp_path / "plain")


def test_failed_build_after_a_good_one_keeps_the_good_one(tmp_path):
    out = tmp_path / "out"
    good = build(str(DATA / "article.wiki"), "--out", str(out))
    assert good.exit_code == 0, good.output
    before = contents(out)
    bad = build(str(DATA / "truncated.xml.bz2"), "--out", str(out))
    assert_refused(bad, names=str(DATA / "truncated.xml.bz2"))
    assert contents(out) == before


def test_compressed_export_on_stdin_builds_and_reports_skipped_pages(tmp_path):
    result = build("-", "--out", str(tmp_path / "out"), stdin=(DATA / "export.xml.bz2").read_bytes())
    assert result.exit_code == 0, result.output
    assert len(source_articles(tmp_path / "out")) == 3
    assert "skipped <stdin>#空白峰会: revision has no text" in result.output
