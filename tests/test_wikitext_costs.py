"""Costs of reading wikitext grow with the page, not with its square (nesting, size).

Work is counted, not timed: the characters handed to mwparserfromhell's tokenizer and
the passes over a document's refs, which is where the cost used to be quadratic
(3,000 nested ``{{a|`` took 97 s; the bundled article repeated to 2 MB, 77 s).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kg import wikitext, wikitree
from kg.model import Page

ARTICLE = next((Path(wikitext.__file__).parent / "corpus").glob("*.wiki")).read_text(encoding="utf-8")


@pytest.fixture
def tokenized(monkeypatch):
    """How many characters kg.wikitext hands to mwparserfromhell's tokenizer."""
    counted = [0]
    real = wikitree.tokens

    def counting(text):
        counted[0] += len(text)
        return real(text)

    monkeypatch.setattr(wikitree, "tokens", counting)
    return counted


def read_everything(text: str) -> wikitext.Document:
    document = wikitext.parse(Page(text=text, origin="costs"))
    for section in document.all_sections():
        wikitext.passage(document, section.body)
    wikitext.passage(document, document.lead)
    return document


@pytest.mark.parametrize("opening, closing", [("{{a|", "}}"), ("[[a|", "]]"), ("<b>", "</b>"), ("<ref>", "</ref>")])
def test_deep_nesting_is_parsed_a_bounded_number_of_times(tokenized, opening, closing):
    text = opening * 3000 + "x" + closing * 3000
    read_everything(text)
    assert tokenized[0] <= 20 * len(text), f"{tokenized[0]:,} characters tokenized for a {len(text):,}-character page"


def test_a_long_page_is_tokenized_in_proportion_to_its_size(tokenized):
    small, large = ARTICLE * 2, ARTICLE * 8
    read_everything(small)
    for_small, tokenized[0] = tokenized[0], 0
    read_everything(large)
    assert tokenized[0] <= 4.5 * for_small


class _CountingRefs(tuple):
    passes = 0

    def __iter__(self):
        type(self).passes += 1
        return super().__iter__()


def test_passages_look_refs_up_without_a_pass_over_all_of_them():
    document = wikitext.parse(Page(text=ARTICLE * 4, origin="costs"))
    counting = dataclasses.replace(document, refs=_CountingRefs(document.refs))
    _CountingRefs.passes = 0
    sections = counting.all_sections()
    for section in sections:
        wikitext.passage(counting, section.body)
    assert len(sections) > 10 and _CountingRefs.passes <= 1


def test_a_thousand_unclosed_openers_are_kept_as_text_with_an_issue(monkeypatch):
    # mwparserfromhell looks for each unclosed opener's end through the rest of the page:
    # a fuzzed 40 KB article with 1,000 of them took 13 s to parse, now they are made inert
    handed = []
    real = wikitree.tokens
    monkeypatch.setattr(wikitree, "tokens", lambda text: handed.append(text) or real(text))
    text = ARTICLE + "".join(f"{{{{a|{i} <ref>r{i} 文字" for i in range(1000))
    document = read_everything(text)
    assert document.text == text and len(document.markup) == len(text)
    assert handed[0].count("{{") - handed[0].count("}}") <= wikitext.MAX_UNCLOSED + ARTICLE.count("{{")
    assert any("unclosed" in issue.message and "2000" in issue.message for issue in document.issues)
    assert [s.heading for s in document.all_sections()] == [s.heading for s in wikitext.parse(Page(text=ARTICLE, origin="costs")).all_sections()]


def test_a_bold_lead_left_open_over_the_page_is_not_its_title_nor_parsed_again(tokenized):
    # a fuzzed article: its bold title's closing quotes lost among 1,000 unclosed citations, so the
    # bold ran over 35 KB of them, parsed again as the title and again as that title's name (5 s)
    opened = ARTICLE.index("'''") + 3
    text = ARTICLE[:opened] + "朝韩首脑会晤" + "<ref>{{cite web|url=http://x|title=" * 1000 + ARTICLE[opened:]
    document = wikitext.parse(Page(text=text, origin="costs"))
    assert document.title == "costs"  # the origin's stem, as with no bold lead term
    assert tokenized[0] <= 1.2 * len(text), f"{tokenized[0]:,} characters tokenized for a {len(text):,}-character page"
