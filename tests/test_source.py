"""kg.source: SOURCE arguments → Page / SkippedPage values, and the InputErrors of bad inputs."""

from __future__ import annotations

import bz2
import doctest
import hashlib
import io
from pathlib import Path

import pytest

import kg.source
from kg.errors import InputError
from kg.model import Page, SkippedPage
from kg.source import default_corpus, read_export, read_sidecar, read_sources

DATA = Path(__file__).parent / "data" / "source"
BUNDLED = Path(__file__).parent.parent / "corpus" / "zhwiki-inter-korean-summits.wiki"


def read(*specs: str | Path, stdin: bytes | None = None) -> list[Page | SkippedPage]:
    stream = None if stdin is None else io.BytesIO(stdin)
    return list(read_sources([str(spec) for spec in specs], stdin=stream))


def pages(items: list[Page | SkippedPage]) -> list[Page]:
    return [item for item in items if isinstance(item, Page)]


def skipped(items: list[Page | SkippedPage]) -> list[SkippedPage]:
    return [item for item in items if isinstance(item, SkippedPage)]


def input_error(*specs: str | Path, stdin: bytes | None = None) -> str:
    with pytest.raises(InputError) as caught:
        read(*specs, stdin=stdin)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_docstring_examples_run():
    result = doctest.testmod(kg.source)
    assert result.attempted >= 3
    assert result.failed == 0


# --- wikitext files, directories, stdin ---------------------------------------------------


def test_wikitext_file_with_sidecar_takes_title_wiki_and_language_from_it():
    [page] = read(DATA / "article.wiki")
    assert page.title == "甲峰会"
    assert page.wiki == "zh.wikipedia.org"
    assert page.language == "zh"
    assert page.origin == str(DATA / "article.wiki")
    assert page.text == (DATA / "article.wiki").read_text(encoding="utf-8")
    assert page.revision_id is None and page.timestamp is None


def test_wikitext_file_without_sidecar_has_no_title(tmp_path):
    article = tmp_path / "lone.wikitext"
    article.write_text("'''峰会'''", encoding="utf-8")
    [page] = read(article)
    assert page == Page(text="'''峰会'''", origin=str(article))
    assert page.title is None


def test_utf8_byte_order_mark_is_dropped_and_crlf_kept():
    [page] = read(DATA / "crlf-bom.wiki")
    assert page.text == "'''峰会'''\r\n== A ==\r\ntext\r\n"


def test_directory_reads_wikitext_files_in_name_order_each_with_its_sidecar():
    items = read(DATA / "corpus")
    assert [Path(page.origin).name for page in pages(items)] == ["a.wiki", "b.txt", "c.wikitext"]
    first, second, _ = items
    assert (first.title, first.wiki, first.language) == ("A", "en.wikipedia.org", "en")
    assert (second.title, second.wiki) == (None, "zh.wikipedia.org")


def test_no_specs_reads_the_bundled_article_with_its_title():
    [page] = read()
    assert default_corpus() == BUNDLED.parent.resolve()
    assert page.title == "朝韩首脑会晤"
    assert page.origin == str(BUNDLED.resolve())
    assert page.sha256 == hashlib.sha256(BUNDLED.read_bytes()).hexdigest()


def test_sources_are_read_in_the_order_given():
    items = read(DATA / "export-0.3.xml", DATA / "article.wiki")
    assert [page.title for page in pages(items)] == ["Inter-Korean summits", "Ratio: a summit", "甲峰会"]


def test_stdin_wikitext():
    [page] = read("-", stdin="'''峰会'''\n".encode())
    assert page == Page(text="'''峰会'''\n", origin="<stdin>")


def test_stdin_export_plain_and_compressed_is_told_apart_by_its_first_bytes():
    plain = (DATA / "export.xml").read_bytes()
    from_file = [(page.title, page.revision_id) for page in pages(read(DATA / "export.xml"))]
    for data in (plain, bz2.compress(plain)):
        items = read("-", stdin=data)
        assert [(page.title, page.revision_id) for page in pages(items)] == from_file
        assert all(item.origin.startswith("<stdin>#") for item in items)


def test_stdin_wikitext_that_starts_like_bzip2_is_still_wikitext():
    [page] = read("-", stdin=b"BZh9 is not a compressed stream")
    assert page.text == "BZh9 is not a compressed stream"


# --- XML exports ------------------------------------------------------------------------


def test_export_yields_main_namespace_pages_with_provenance_and_skips_bad_pages():
    items = read(DATA / "export.xml")
    origin = str(DATA / "export.xml")
    assert [(page.title, page.revision_id, page.timestamp) for page in pages(items)] == [
        ("甲峰会", 1001, "2024-05-01T08:30:00Z"),
        ("乙峰会", 2002, "2024-06-01T12:00:00Z"),  # the last of its two revisions
        ("己峰会", 6001, "2024-09-01T00:00:00Z"),
    ]
    first = pages(items)[0]
    assert first.origin == f"{origin}#甲峰会"
    assert (first.wiki, first.language) == ("zh.wikipedia.org", "zh")
    assert first.text.startswith("'''甲峰会'''是一次[[首脑会晤]]。<ref>{{cite web|url=")
    assert [(item.origin, item.reason) for item in skipped(items)] == [
        (f"{origin}#甲会晤", "is a redirect to 甲峰会"),
        (f"{origin}#空白峰会", "revision has no text"),
        (f"{origin}#丙峰会", "revision text was deleted (suppressed); export another revision"),
        (f"{origin}#丁峰会", "revision timestamp 'yesterday' is not ISO 8601"),
        (f"{origin}#戊峰会", "content model 'json' is not wikitext"),
    ]
    assert "Talk:甲峰会" not in {page.title for page in pages(items)}


def test_compressed_export_gives_the_same_pages():
    plain = read(DATA / "export.xml")
    compressed = read(DATA / "export.xml.bz2")
    assert [(page.title, page.text, page.revision_id) for page in pages(compressed)] == [
        (page.title, page.text, page.revision_id) for page in pages(plain)
    ]
    assert len(skipped(compressed)) == len(skipped(plain))


def test_old_export_schema_without_ns_elements_uses_the_namespace_list():
    items = read(DATA / "export-0.3.xml")
    assert [page.title for page in pages(items)] == ["Inter-Korean summits", "Ratio: a summit"]
    assert {(page.wiki, page.language) for page in pages(items)} == {("en.wikipedia.org", "en")}
    assert skipped(items) == []


def export(*pages_xml: str) -> io.BytesIO:
    xml = '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/">' + "".join(pages_xml) + "</mediawiki>"
    return io.BytesIO(xml.encode("utf-8"))


def test_export_without_siteinfo_uses_page_defaults():
    stream = export("<page><title>T</title><ns>0</ns><revision><id>5</id><text>x</text></revision></page>")
    [page] = read_export(stream, origin="e.xml")
    assert page == Page(text="x", origin="e.xml#T", title="T", revision_id=5)


@pytest.mark.parametrize(
    ("page_xml", "origin", "reason"),
    [
        ("<page><ns>0</ns><revision><text>x</text></revision></page>", "e.xml#page 1", "page has no title"),
        ("<page><title>T</title><ns>0</ns></page>", "e.xml#T", "page has no revision"),
        (
            "<page><title>T</title><ns>0</ns><revision><id>r1</id><text>x</text></revision></page>",
            "e.xml#T",
            "revision id 'r1' is not a number",
        ),
        (
            "<page><title>T</title><ns>0</ns><revision><text>  \n </text></revision></page>",
            "e.xml#T",
            "revision has no text",
        ),
    ],
)
def test_one_bad_page_is_skipped_and_the_next_page_still_read(page_xml, origin, reason):
    good = "<page><title>Good</title><ns>0</ns><revision><text>ok</text></revision></page>"
    items = list(read_export(export(page_xml, good), origin="e.xml"))
    assert items == [SkippedPage(origin=origin, reason=reason), Page(text="ok", origin="e.xml#Good", title="Good")]


class CountingStream(io.RawIOBase):
    """A byte stream that remembers how much of itself has been read."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self._data.readinto(buffer)
        self.consumed += count
        return count


def test_export_is_streamed_page_by_page_not_loaded_whole():
    body = "'''峰会'''" + "会晤。" * 2000
    page_xml = "<page><title>P{}</title><ns>0</ns><revision><text>{}</text></revision></page>"
    data = export(*(page_xml.format(number, body) for number in range(100))).getvalue()
    stream = CountingStream(data)
    items = read_export(stream, origin="big.xml")
    first = next(items)
    assert first.title == "P0"
    assert stream.consumed < len(data) / 4
    assert sum(1 for _ in items) == 99
    assert stream.consumed == len(data)


def test_truncated_export_yields_the_pages_before_the_cut_then_raises_with_line_and_column():
    items = read_sources([str(DATA / "truncated.xml")])
    assert next(items).title == "甲峰会"
    with pytest.raises(InputError) as caught:
        list(items)
    assert str(caught.value) == (
        f"{DATA / 'truncated.xml'}: XML export is truncated or malformed at line 71, column 0 "
        "(no element found); re-download or re-export it"
    )


# --- whole inputs that cannot be read ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("empty.wiki", "is empty"),
        ("empty.xml", "is empty"),
        ("blank.wiki", "is empty"),
        ("not-utf8.wiki", "is not UTF-8 (byte 0xB3 at offset 3); re-save it as UTF-8"),
        ("utf16.wiki", "is UTF-16, not UTF-8"),
        ("binary.wiki", "is binary data (NUL byte at offset 8)"),
        ("malformed.xml", "truncated or malformed at line 3, column 14 (mismatched tag)"),
        ("not-export.xml", "is XML but not a MediaWiki export (root <rss>)"),
        ("truncated.xml.bz2", "compressed export ends early (truncated); re-download it"),
        ("not-bzip2.xml.bz2", "cannot be decompressed"),
        ("no-wikitext", "directory has no wikitext files (*.wiki, *.wikitext, *.txt)"),
        ("missing.wiki", "no such file or directory; check the path"),
    ],
)
def test_unreadable_input_is_one_line_naming_the_input(name, expected):
    message = input_error(DATA / name)
    assert message.startswith(f"{DATA / name}: ")
    assert expected in message


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("bad-sidecar", "unreadable sidecar (Expecting property name"),
        ("typo-sidecar", "unknown sidecar key 'titel'; use title, wiki, language"),
    ],
)
def test_bad_sidecar_names_the_sidecar(name, expected):
    message = input_error(DATA / f"{name}.wiki")
    assert message.startswith(f"{DATA / name}.meta.json: ")
    assert expected in message


def test_sidecar_values_must_be_non_empty_strings(tmp_path):
    (tmp_path / "a.wiki").write_text("x", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"title": 3}', encoding="utf-8")
    with pytest.raises(InputError, match="sidecar 'title' must be a non-empty string"):
        read_sidecar(tmp_path / "a.wiki")
    (tmp_path / "a.meta.json").write_text('["title"]', encoding="utf-8")
    with pytest.raises(InputError, match="sidecar is not a JSON object"):
        read_sidecar(tmp_path / "a.wiki")


def test_empty_stdin():
    assert input_error("-", stdin=b"") == "<stdin>: is empty; pass a wikitext article"


def test_stdin_left_as_a_terminal_is_refused_instead_of_waiting():
    class Terminal(io.BytesIO):
        def isatty(self) -> bool:
            return True

    with pytest.raises(InputError, match="^<stdin>: is a terminal; pipe"):
        list(read_sources(["-"], stdin=Terminal(b"")))


def test_stdin_given_twice():
    assert "given more than once" in input_error("-", "-", stdin=b"x")


def test_empty_directory(tmp_path):
    assert input_error(tmp_path).startswith(f"{tmp_path}: directory has no wikitext files")


def test_missing_paths_are_found_before_any_page_is_read():
    with pytest.raises(InputError, match="missing.wiki: no such file"):
        read_sources([str(DATA / "article.wiki"), str(DATA / "missing.wiki")])
