"""The document model: every section, link, ref and template of the bundled article, and odd markup."""

from __future__ import annotations

import dataclasses
import random
from functools import lru_cache
from pathlib import Path

import pytest

from kg import wikitext
from kg.model import Page
from kg.wikitext import parse, passage

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "zhwiki-inter-korean-summits.wiki"


@pytest.fixture(scope="module")
def document():
    return parse(Page(text=CORPUS.read_text(encoding="utf-8"), origin=str(CORPUS)))


def test_sections_form_a_tree_with_spans(document):
    tree = [(s.level, s.heading, [c.heading for c in s.subsections]) for s in document.sections]
    assert tree == [
        (2, "金大中政府（1998－2003）", ["2000年朝韓首腦歷史性會晤"]),
        (2, "盧武鉉政府（2003－2008）", ["2007年南北首脑会谈"]),
        (2, "中斷（2008－2017）", []),
        (2, "文在寅政府 （2017－）", ["2018年4月南北首脑会谈", "2018年5月南北首脑会谈", "2018年9月南北首脑会谈"]),
        (2, "参考文献", []),
        (2, "外部链接", []),
        (2, "参见", []),
    ]
    text = document.text
    for section in document.all_sections():
        assert text[section.span.start:].startswith("==")
        assert section.heading in text[section.span.start:section.body.start]
        assert section.span.start < section.body.start <= section.body.end <= section.span.end
    assert document.lead.start == 0 and text[document.lead.end:].startswith("== 金大中政府")


def test_every_wikilink_is_kept_with_its_span(document):
    text = document.text
    assert len(document.links) == 48  # the 2 category links are counted apart
    assert text.count("[[") == len(document.links) + len(document.categories)
    for link in document.links:
        raw = text[link.span.start:link.span.end]
        assert raw.startswith("[[") and raw.endswith("]]") and link.target in raw
    targets = [link.target for link in document.links]
    assert targets.count("平壤") == 2 and "三八线" in targets
    crossing = next(link for link in document.links if link.target == "三八线")
    assert crossing.label == "北緯38度線"


def test_every_template_with_its_parameters_nested_ones_included(document):
    names = [t.name for t in document.templates]
    assert names == ["noteTA", "Infobox East Asian", "lang", "各地中文名", "Main", "lang", "lang", "Main",
                     "Main", "cite web", "cite web", "cite web", "main", "cite web", "main", "Reflist",
                     "Portal box", "Inter-Korean summits"]
    infobox = document.templates_named("infobox east asian")[0]
    assert infobox.get("hangul") == "북남수뇌상봉" and infobox.get("rr2") == "Nambuk Jeongsang-hoedam"
    portal = document.templates_named("portal box")[0]
    assert [p.value for p in portal.params] == ["朝鲜半岛", "北朝鲜", "韩国"]
    nested = [t for t in document.templates if t.nested_in == "ref"]
    assert len(nested) == 4 and all(t.key == "cite web" for t in nested)
    for template in document.templates:
        assert document.text[template.span.start:template.span.end].startswith("{{")


def test_refs_categories_and_external_links(document):
    assert len(document.refs) == 4 and not any(ref.reuse for ref in document.refs)
    assert document.refs[0].templates[0].get("publisher") == "韓聯社"
    assert document.refs[0].templates[0].get("archivedate") == "2018年4月27日"
    assert [c.name for c in document.categories] == ["朝鮮半島南北關係", "政府会议"]
    plain_links = [link for link in document.external_links if link.title]
    assert [link.title for link in plain_links][:1] == ["历史上的6月13日 金大中访问朝鲜"]
    assert len(plain_links) == 4
    assert document.title == "朝韩首脑会晤"  # the bold lead term, as no title was given
    assert document.issues == ()


def test_passage_keeps_offsets_links_and_languages(document):
    section = document.sections[0].subsections[0]
    text = passage(document, section.body)
    assert text.text.strip().startswith("2000年6月13日至15日，第一次朝韩首脑会晤在平壤举行")
    for mention in text.mentions:
        span = text.source_span(mention.start, mention.end)
        assert text.text[mention.start:mention.end] in document.text[span.start:span.end]
    languages = {run.language: text.text[run.start:run.end] for run in text.langs}
    assert languages == {"en": "June 15th North-South Joint Declaration", "ko": "6·15 남북 공동선언"}


@pytest.mark.parametrize(
    "text, check",
    [
        ("'''甲'''是{{未闭合|参数", lambda d: d.issues and "unclosed template" in d.issues[0].message),
        ("<ref>{{cite web|title={{lang|en|Nested}}|url=http://x.test}}</ref>",
         lambda d: [t.name for t in d.templates] == ["lang", "cite web"]
         and d.refs[0].templates[-1].get("title") == "Nested"),
        ("'''甲'''<nowiki>[[不是链接]]</nowiki>[[是链接]]", lambda d: [l.target for l in d.links] == ["是链接"]),
        ("'''甲'''<!-- [[注释里]] -->[[正文]]", lambda d: [l.target for l in d.links] == ["正文"]),
        ("'''甲'''\r\n== 一 ==\r\n[[乙]]\r\n== 二 ==\r\n", lambda d: [s.heading for s in d.sections] == ["一", "二"]
         and d.links[0].target == "乙"),
        ("[[甲]]<ref name=\"a\">{{cite web|url=http://a.test|title=A}}</ref>正文<ref name=\"a\" />",
         lambda d: [r.reuse for r in d.refs] == [False, True] and d.refs[1].name == "a"),
        ("[[甲]]<ref name>{{cite web|url=http://a.test|title=A}}</ref>正文",  # a name without a value: no name
         lambda d: len(d.refs) == 1 and d.refs[0].name is None and not d.refs[0].reuse),
        ("{{Infobox summit meeting|date={{start date|2018|6|12}}}}",
         lambda d: d.templates[0].name == "start date" and d.templates[0].nested_in == "Infobox summit meeting"),
    ],
)
def test_odd_markup_is_parsed_leniently(text, check):
    document = parse(Page(text=text, origin="case"))
    assert check(document)


def test_every_template_and_link_round_trips_to_its_source_text(document):
    """Spans are exact: re-parsing the text a span covers gives the same element back."""
    for link in document.links:
        again = parse(Page(text=document.text[link.span.start:link.span.end], origin="span"))
        assert [l.target for l in again.links] == [link.target]
    for template in document.templates:
        again = parse(Page(text=document.text[template.span.start:template.span.end], origin="span"))
        assert again.templates[-1].name == template.name


REALISTIC = sorted((CORPUS.parent.parent / "tests" / "data" / "realistic").glob("*.wiki"))
ODD_TOKENS = ["{{", "}}", "[[", "]]", "{{a|", "<ref>", "</ref>", "'''", "''", "\n== X ==\n", "\n=", "{|", "|}",
              "\n|-\n", "<!--", "-->", "<nowiki>", "<div>", "</div>", "\n*", "\n:", "&amp;", "{{lang|en|", "\n"]


def _mutated(text: str, seed: int, tokens: list[str] = ODD_TOKENS, most: int = 10) -> str:
    pick = random.Random(seed)
    for _ in range(pick.randint(1, most)):
        at = pick.randrange(len(text) + 1)
        if pick.random() < 0.7:
            text = text[:at] + pick.choice(tokens) + text[at:]
        else:
            text = text[:at] + text[at + pick.randint(1, 200):]
    return text


def test_a_passage_read_from_the_pages_parse_is_the_passage_parsed_on_its_own():
    """The lead and each section's body are rendered from the page's own parse, not parsed
    again; they must be what parsing their text alone gives, on real and mangled pages."""
    texts = [CORPUS.read_text(encoding="utf-8")] + [path.read_text(encoding="utf-8") for path in REALISTIC]
    texts += [_mutated(texts[seed % len(texts)], seed) for seed in range(150)]
    from_parse = 0
    for number, text in enumerate(texts):
        document = parse(Page(text=text, origin=f"page {number}"))
        alone = dataclasses.replace(document, nodes=None)  # no nodes: every passage is parsed on its own
        for span in [document.lead] + [s.body for s in document.all_sections()]:
            from_parse += wikitext._whole_nodes(document, span) is not None
            assert passage(document, span) == passage(alone, span), f"page {number}, {span}"
    assert from_parse > 1000


#: What a table's cells hold besides words, and what may turn a cell's first line into a construct.
CELL_TOKENS = ODD_TOKENS + ["|", "||", "!!", "\n|", "\n!", "; ", ": ", "*", "#", "=", "----", "| rowspan=\"2\" |", "<br>",
                            "[http://a.b c]", "-{", "}-", "&nbsp;", "{{flagicon|X}}"]


@lru_cache(maxsize=1)
def _tabled_documents() -> tuple:
    """The realistic pages with tables, and 100 pages mangled inside their tables, parsed."""
    tabled = [text for text in (path.read_text(encoding="utf-8") for path in REALISTIC) if "{|" in text]
    texts = list(tabled)
    for seed in range(100):
        pick, text = random.Random(seed), tabled[seed % len(tabled)]
        table = text.index("{|")
        for _ in range(pick.randint(1, 10)):
            at = min(len(text), table + pick.randrange(3000))
            text = text[:at] + pick.choice(CELL_TOKENS) + text[at:]
        texts.append(text)
    return tuple(parse(Page(text=text, origin=f"page {number}")) for number, text in enumerate(texts))


def test_a_cells_passage_read_from_the_pages_parse_is_the_cell_parsed_on_its_own():
    """A table cell's words are rendered from the page's parse unless its text alone reads
    otherwise; on the tables of real pages and of pages mangled inside their tables, every
    cell's passage is what parsing its text alone gives."""
    from_parse = 0
    for number, document in enumerate(_tabled_documents()):
        alone = dataclasses.replace(document, nodes=None)  # no nodes: every passage is parsed on its own
        for cell in (cell for table in document.tables for row in table.rows for cell in row):
            from_parse += wikitext._cell_nodes(document, cell.span) is not None
            assert passage(document, cell.span) == passage(alone, cell.span), f"page {number}, {cell.span}"
    assert from_parse > 2000


def test_a_rows_passage_read_from_the_pages_parse_is_the_row_parsed_on_its_own():
    """A table row's words (from its first cell's content to its last's: the evidence of the
    summit a row gives) are rendered from its cells' nodes and the markup between them unless
    its text alone reads otherwise; on the same pages every row's passage is what parsing its
    text alone gives."""
    from_parse = 0
    for number, document in enumerate(_tabled_documents()):
        alone = dataclasses.replace(document, nodes=None)
        for row in document.nodes.rows:
            from_parse += wikitext._row_pieces(document, row) is not None
            assert passage(document, row) == passage(alone, row), f"page {number}, {row}"
    assert from_parse > 1000


def test_a_row_is_read_from_its_cells_in_the_pages_parse():
    """The row's cell markup reads as words, its links, templates and footnotes as in its cells."""
    document = parse(Page(text="{|\n|-\n| [[甲]] || 乙 ||style=\"text-align:center\"| 丙\n"
                               "| {{flagicon|X}} 丁<ref>{{cite web|title=戊}}</ref>\n|}\n", origin="case"))
    (span,) = document.nodes.rows
    assert wikitext._row_pieces(document, span) is not None
    read = passage(document, span)
    assert read == passage(dataclasses.replace(document, nodes=None), span)
    assert read.text == " 甲 || 乙 ||style=\"text-align:center\"| 丙\n|  丁\n"
    assert [read.text[m.start:m.end] for m in read.mentions] == ["甲"] and len(read.refs) == 1


@pytest.mark.parametrize("row", [
    "| [[甲\n| 乙]]",  # a link left open in a cell
    "| 甲 [[乙\n| 丙]] 丁",
    "| 见http://a.test || 乙",  # a bare URL
    "| [http://a.test 甲\n| 乙]",
    "| -{甲\n| 乙}-",  # an inline conversion
])
def test_a_row_whose_cells_leave_markup_open_is_parsed_on_its_own(row):
    """A cell whose words hold markup characters may leave open what the next cell closes
    once the row is read alone, so such a row is parsed on its own (no row seen read
    differently from its cells, mangled or not: the guard is kept as a cell's)."""
    document = parse(Page(text="{|\n|-\n" + row + "\n|}\n", origin="case"))
    (span,) = document.nodes.rows
    assert len(document.nodes.rows[span]) == 2 and wikitext._row_pieces(document, span) is None
    assert passage(document, span) == passage(dataclasses.replace(document, nodes=None), span)


def test_a_cell_whose_first_line_would_start_a_list_or_a_rule_alone_is_parsed_on_its_own():
    """In the row ``| 1 ||; 甲 ||---- 乙``, the page reads ``; 甲`` and ``---- 乙`` as words;
    alone they are a list's term and a rule, as the cell's passage reads them."""
    document = parse(Page(text="{|\n|-\n| 1 ||; [[甲]] ||---- 总理[[乙]]\n|}\n", origin="case"))
    cells = document.tables[0].rows[0]
    assert [wikitext._cell_nodes(document, cell.span) is not None for cell in cells] == [True, False, False]
    alone = dataclasses.replace(document, nodes=None)
    assert [passage(document, cell.span) for cell in cells] == [passage(alone, cell.span) for cell in cells]
    assert [passage(document, cell.span).text for cell in cells] == [" 1 ", " 甲 ", "\n 总理乙\n"]


def test_a_cell_whose_bold_or_italics_hold_markup_is_parsed_on_its_own():
    """Found by mangling a table: after templates left open in the row before, the page's parse
    and the cell's own read ``'':'[[波茨坦会议]]'''`` differently, so the cell is parsed alone."""
    text = ("{| class=\"wikitable\"\n| [[大西洋会议]]<br />（RIVIERA） || {{flagicon| 1941年8月9日 || 《[[大西洋宪章]]》；"
            "提{{lang|en|议召开援苏会议\n| '':'[[波茨坦会议]]''' || [[波茨坦]] || {{flagicon|Germany}} [[德国]]\n|}")
    document = parse(Page(text=text, origin="case"))
    alone = dataclasses.replace(document, nodes=None)
    cells = [cell for row in document.tables[0].rows for cell in row]
    styled = next(cell for cell in cells if "''" in text[cell.span.start:cell.span.end])
    assert wikitext._cell_nodes(document, styled.span) is None
    assert [passage(document, cell.span) for cell in cells] == [passage(alone, cell.span) for cell in cells]


def test_a_passage_with_bold_or_italics_is_parsed_on_its_own():
    """mwparserfromhell resolves '' and ''' over all the text it is given: here the page's
    parse and the lead's own read the broken bold differently, so the lead is parsed alone."""
    document = parse(Page(text="'''甲乙''</ref>'，又稱'''丙丁\n== Z ==\n'''，是指[[戊]]。\n", origin="case"))
    assert wikitext._whole_nodes(document, document.lead) is None
    assert passage(document, document.lead) == passage(dataclasses.replace(document, nodes=None), document.lead)
    assert passage(document, document.lead).text == "'甲乙</ref>'，又稱'''丙丁\n"


def test_a_passage_whose_bold_and_italics_hold_words_alone_is_read_from_the_pages_parse():
    """Bold or italics around words without markup closes at its own ticks whatever follows,
    so such a lead (most leads: ``'''甲乙会晤'''``) is rendered from the page's parse."""
    text = "'''甲乙会晤'''，又称''丙丁''，是[[戊]]之会。\n== Z ==\n'''，是指[[戊]]。\n"
    document = parse(Page(text=text, origin="case"))
    assert wikitext._whole_nodes(document, document.lead) is not None
    assert passage(document, document.lead) == passage(dataclasses.replace(document, nodes=None), document.lead)
    assert passage(document, document.lead).text == "甲乙会晤，又称丙丁，是戊之会。\n"
    broken = parse(Page(text="'''甲乙'''，又称'''丙丁\n== Z ==\n'''，是指[[戊]]。\n", origin="case"))
    assert wikitext._whole_nodes(broken, broken.lead) is None
