"""``kg extract`` on a page the extractor fails on: one line naming it, no traceback, the other pages still read."""

from __future__ import annotations

from click.testing import CliRunner

import kg.cli.extract as extract_command
from kg.cli import main

PAGE = "'''甲乙会晤'''是[[甲国]]总统[[张三]]与[[乙国]]总统[[李四]]于2033年5月4日在[[某城]]举行的会晤。\n"


def _export(*titles: str) -> str:
    pages = "".join(f"<page><title>{title}</title><ns>0</ns><id>{number}</id><revision><id>{number}</id>"
                    f"<text xml:space=\"preserve\">{PAGE}</text></revision></page>\n"
                    for number, title in enumerate(titles, 1))
    return f'<mediawiki xml:lang="zh"><siteinfo><sitename>Wikipedia</sitename></siteinfo>\n{pages}</mediawiki>\n'


def _failing_on(title: str, real):
    def extract(document):
        if title in document.page.origin:
            raise TypeError("argument of type 'NoneType' is not iterable")
        return real(document)
    return extract


def test_a_page_the_extractor_fails_on_is_one_line_and_the_others_are_read(tmp_path, monkeypatch):
    source = tmp_path / "export.xml"
    source.write_text(_export("甲乙会晤", "丙丁会晤"), encoding="utf-8")
    monkeypatch.setattr(extract_command, "extract_document", _failing_on("丙丁", extract_command.extract_document))
    result = CliRunner().invoke(main, ["extract", str(source)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    assert result.stderr.splitlines() == [
        f"kg: {source}#丙丁会晤: failed while extracting it (TypeError: argument of type 'NoneType' is not "
        "iterable); please report it with this page"]
    assert "张三" in result.stdout


def test_every_page_failing_is_exit_two(tmp_path, monkeypatch):
    source = tmp_path / "one.wiki"
    source.write_text(PAGE, encoding="utf-8")
    monkeypatch.setattr(extract_command, "extract_document", _failing_on("one.wiki", extract_command.extract_document))
    result = CliRunner().invoke(main, ["extract", str(source)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert len(result.stderr.splitlines()) == 1 and str(source) in result.stderr
