"""``wikidata_diff`` against the fixture endpoint plus a few statements Wikidata "holds"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fixtures.wikidata.graphs import linked_graph
from fixtures.wikidata.server import serve
from kg.wikidata import Politeness
from kg.wikidata.quickstatements import Value, ValueKind, conflicts_csv, our_statements, quickstatements, wikidata_diff

HELD = Path(__file__).parent / "fixtures" / "wikidata" / "statements.ttl"
QUICK = Politeness(min_interval=0, backoff=0.01, timeout=5)
ARTICLE = '"https://zh.wikipedia.org/w/index.php?title=%E6%9C%9D%E9%9F%A9%E9%A6%96%E8%84%91%E4%BC%9A%E6%99%A4&oldid=48000000"'
RETRIEVED = "S813\t+2026-11-26T00:00:00Z/11"


@pytest.fixture(scope="module")
def diff(tmp_path_factory):
    with serve(tmp_path_factory.mktemp("store"), HELD) as url:
        return wikidata_diff(linked_graph(), endpoint=url, cache_dir=tmp_path_factory.mktemp("cache"), politeness=QUICK)


def test_statements_are_made_only_between_linked_entities():
    made = {(s.item, s.prop, s.value.text) for s in our_statements(linked_graph())}
    assert ("Q999999001", "P710", "Q21001") in made
    assert not [s for s in our_statements(linked_graph()) if s.entity.endswith("Kim_Dae-jung")]  # not linked
    assert {("Q10665", "P570", "2011"), ("Q18808", "P17", "Q423"), ("Q21001", "P39", "Q6296418")} <= made


def test_lacking_statements_are_written_with_the_article_and_the_cited_source(diff):
    text = quickstatements(diff, retrieved=dt.date(2026, 11, 26))
    lines = text.splitlines()
    assert f"Q999999001\tP710\tQ21001\tS4656\t{ARTICLE}\t{RETRIEVED}" in lines
    assert f'Q999999001\tP710\tQ21001\tS854\t"https://example.org/news/1"\t{RETRIEVED}' in lines
    assert f"Q999999001\tP582\t+2018-09-20T00:00:00Z/11\tS4656\t{ARTICLE}\t{RETRIEVED}" in lines
    assert f"Q21001\tP39\tQ6296418\tS4656\t{ARTICLE}\t{RETRIEVED}" in lines
    assert all(line.count("\t") % 2 == 0 for line in lines)


def test_statements_already_there_are_not_written_even_at_another_precision(diff):
    present = {(s.item, s.prop) for s in diff.present}
    assert present == {("Q10665", "P570"), ("Q999999001", "P580")}
    assert "\tP570\t" not in quickstatements(diff, retrieved=dt.date(2026, 11, 26))


def test_a_contradiction_is_never_written_but_listed(diff):
    [conflict] = diff.conflicts
    assert (conflict.statement.item, conflict.statement.prop, conflict.statement.value.text, conflict.theirs) == ("Q18808", "P17", "Q423", ("Q884",))
    assert "Q18808\tP17" not in quickstatements(diff, retrieved=dt.date(2026, 11, 26))
    assert conflicts_csv(diff, linked_graph()).splitlines()[1].startswith("Q18808,P17,Q423,Q884,https://w3id.org/summit-kg/id/place/Pyongyang,平壤,")


def test_output_is_deterministic(diff, tmp_path):
    with serve(tmp_path / "store", HELD) as url:
        again = wikidata_diff(linked_graph(), endpoint=url, cache_dir=tmp_path / "cache", politeness=QUICK)
    assert quickstatements(again, retrieved=dt.date(2026, 11, 26)) == quickstatements(diff, retrieved=dt.date(2026, 11, 26))


@pytest.mark.parametrize(
    "value, written",
    [
        (Value(ValueKind.TIME, "2011", 9), "+2011-00-00T00:00:00Z/9"),
        (Value(ValueKind.TIME, "2000-06-13", 11), "+2000-06-13T00:00:00Z/11"),
        (Value(ValueKind.STRING, '1 "a"'), "\"1 'a'\""),
        (Value(ValueKind.ITEM, "Q5"), "Q5"),
    ],
)
def test_values_in_quickstatements_syntax(value, written):
    assert value.quickstatements() == written
