"""kg.wikitree: the tree built from mwparserfromhell's tokens is the library's own, node for
node, on real and mangled pages; its plain text is strip_code's; the library is asked for
what the builder does not build."""

from __future__ import annotations

from html import unescape
from pathlib import Path

import mwparserfromhell
from mwparserfromhell.wikicode import Wikicode

from kg import wikitext, wikitree
from tests.test_wikitext import _mutated

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "corpus").glob("*.wiki")) + sorted((ROOT / "tests" / "data" / "realistic").glob("*.wiki"))
#: Markup of every kind the tokenizer reads, cut and put anywhere.
MARKUP = ["{{", "}}", "[[", "]]", "{{a|", "|", "=", "<ref>", "</ref>", '<ref name="a"/>', "<ref name = 'b c'>",
          "'''", "''", "\n== X ==\n", "\n=", "{|", "|}", "\n|-\n", "\n!", "||", '\n| rowspan="2" |', "<!--", "-->",
          "<nowiki>", "</nowiki>", "<div>", "</div>", "<br>", "<br/>", "<b>", "</b>", "<span  style=x>", "\n*",
          "\n#", "\n:", "\n;", "----", "&amp;", "&#20013;", "&#x4E2D;", "&nbsp", "{{lang|en|", "{{{1|x}}}",
          "[http://a.b t]", "[http://a.b]", "http://a.b/c ", "[//a.b t]", "\n", " "]


def _texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in PAGES]
    return texts + [_mutated(texts[seed % len(texts)], seed, MARKUP, 30) for seed in range(120)]


def _assert_same(ours: wikitree.Code, library: Wikicode) -> int:
    """``ours`` is ``library`` node for node, part for part, text for text; returns the nodes seen."""
    assert ours.source == str(library) and ours.sources == [str(node) for node in library.nodes]
    assert wikitree.strip(ours) == library.strip_code(normalize=True, collapse=True), ours.source
    seen = len(ours.nodes)
    for mine, theirs in zip(ours.nodes, library.nodes, strict=True):
        assert type(mine).__name__ == type(theirs).__name__, mine.source
        for part in ("name", "title", "text", "contents", "url", "default", "tag"):
            code = getattr(theirs, part, None)
            if isinstance(code, Wikicode):
                seen += _assert_same(getattr(mine, part), code)
            elif part in ("text", "title", "default") and hasattr(mine, part) and type(mine) is not wikitree.Text:
                assert getattr(mine, part) is None and code is None
        if isinstance(theirs, mwparserfromhell.nodes.Template):
            for param, other in zip(mine.params, theirs.params, strict=True):
                assert param.showkey == other.showkey and param.source == str(other)
                seen += _assert_same(param.name, other.name) + _assert_same(param.value, other.value)
        if isinstance(theirs, mwparserfromhell.nodes.Tag):
            assert (mine.wiki_markup, mine.self_closing) == (theirs.wiki_markup, theirs.self_closing)
            for attribute, other in zip(mine.attributes, theirs.attributes, strict=True):
                assert attribute.source == str(other)
                seen += _assert_same(attribute.name, other.name)
                assert (attribute.value is None) == (other.value is None)
                seen += _assert_same(attribute.value, other.value) if other.value is not None else 0
        if isinstance(theirs, mwparserfromhell.nodes.ExternalLink):
            assert mine.brackets == theirs.brackets
    return seen


def test_the_tree_is_the_librarys_node_for_node():
    seen = sum(_assert_same(wikitree.parse(text), mwparserfromhell.parse(text)) for text in _texts())
    assert seen > 50_000


def test_a_library_tree_copied_is_the_tree_built():
    for text in _texts()[::8]:
        _assert_same(wikitree.copied(mwparserfromhell.parse(text)), mwparserfromhell.parse(text))


def test_what_the_builder_does_not_build_the_library_parses(monkeypatch):
    def unbuilt(self):
        raise wikitree._Unbuilt("as if")

    text = PAGES[0].read_text(encoding="utf-8")
    monkeypatch.setattr(wikitree._Builder, "build", unbuilt)
    _assert_same(wikitree.parse(text), mwparserfromhell.parse(text))


def _library_plain(code: Wikicode) -> str:
    """``kg.wikitext.plain`` as it read the library's tree: the fragment parsed again, each
    template that shows text replaced by its text, then strip_code."""
    mw = mwparserfromhell.nodes
    if all(isinstance(node, mw.Text) for node in code.nodes):
        return " ".join(unescape(str(code)).split())
    if any(isinstance(node, mw.Template) and wikitext._shows_text(wikitree.copied(Wikicode([node])).nodes[0])
           for node in code.nodes):
        code = mwparserfromhell.parse(str(code))
        for template in [node for node in code.nodes if isinstance(node, mw.Template)]:
            ours = wikitree.copied(Wikicode([template])).nodes[0]
            shown = wikitext._date_text(ours)
            if shown is not None:
                code.replace(template, shown)
            elif (position := wikitext._text_param(ours)) is not None:
                code.replace(template, str(template.get(str(position)).value))
    return " ".join(unescape(code.strip_code(normalize=True, collapse=True)).split()).strip()


def test_the_plain_text_of_a_fragment_is_what_the_library_gives():
    """Every fragment of real and mangled pages, templates that show text ({{lang}}, dates) among them."""
    texts = _texts()[::2] + ["甲{{lang|en|[[b|c]] &amp; d}}乙{{Start date|2018|9|18}}丙{{lang-ko|{{lang|ja|x}}}}",
                             "[[甲&ampx]] {{t|a&ltb\n\n\n c|d=&amp;&copy2}} <ref>乙&amp&#20013; &nbsp</ref>"]
    shown = 0
    for text in texts:
        ours, theirs = wikitree.parse(text), mwparserfromhell.parse(text)
        pairs = [(ours, theirs)]
        while pairs:
            mine, library = pairs.pop()
            assert wikitext.plain(mine) == _library_plain(library), mine.source
            shown += any(type(node) is wikitree.Template and wikitext._shows_text(node) for node in mine.nodes)
            for node, other in zip(mine.nodes, library.nodes):
                for part in ("name", "title", "text", "contents"):
                    if isinstance(getattr(other, part, None), Wikicode):
                        pairs.append((getattr(node, part), getattr(other, part)))
                for param, other_param in zip(getattr(node, "params", ()), getattr(other, "params", ())):
                    pairs.append((param.value, other_param.value))
    assert shown > 50
