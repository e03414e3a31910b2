"""Scoring and deciding with plain values: no endpoint involved."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kg.wikidata.candidates import Item
from kg.wikidata.link import Candidate, Link, Unlinked, decide
from kg.wikidata.names import Name
from kg.wikidata.score import Method, assess
from kg.wikidata.subjects import Kind, Subject


def subject(kind=Kind.PERSON, *names, start=None, end=None):
    return Subject("urn:ours", kind, tuple(names), (), None, start, end)


def test_label_in_the_other_script_with_the_right_type():
    fit = assess(subject(Kind.PERSON, Name("盧武鉉", "zh-Hant")), Item("Q1", labels=(Name("卢武铉", "zh"),), classes=frozenset({"Q5"})), sitelink=None)
    assert (fit.method, fit.score, fit.clash) == (Method.LABEL, Decimal("0.900"), None)


def test_every_further_language_that_agrees_adds_to_the_score():
    ours = subject(Kind.PERSON, Name("文在寅", "zh-Hans"), Name("문재인", "ko"), Name("Moon Jae-in", "en"))
    item = Item("Q1", labels=(Name("文在寅", "zh"), Name("문재인", "ko"), Name("Moon Jae-in", "en")), classes=frozenset({"Q5"}))
    assert assess(ours, item, sitelink=None).score == Decimal("1.000")


def test_alias_scores_below_label():
    ours = subject(Kind.COUNTRY, Name("大韓民國", "zh-Hant"))
    item = Item("Q884", aliases=(Name("大韓民國", "zh"),), classes=frozenset({"Q6256"}))
    fit = assess(ours, item, sitelink=None)
    assert (fit.method, fit.score) == (Method.ALIAS, Decimal("0.800"))


def test_type_clash_rules_a_candidate_out_even_with_a_sitelink():
    fit = assess(subject(Kind.PERSON, Name("平壤", "zh-Hans")), Item("Q18808", labels=(Name("平壤", "zh"),), types=frozenset({"Q515"}), classes=frozenset({"Q515"})), sitelink="平壤")
    assert fit.score == Decimal(0)
    assert fit.clash == "type clash: our Person, item is P31 Q515"


def test_subclass_of_an_accepted_class_fits():
    item = Item("Q2", labels=(Name("某国", "zh"),), types=frozenset({"Q3624078"}), classes=frozenset({"Q3624078", "Q6256"}))
    assert assess(subject(Kind.COUNTRY, Name("某国", "zh-Hans")), item, sitelink=None).clash is None


def test_untyped_item_is_linked_by_sitelink_or_exact_label_but_not_by_alias_alone():
    ours = subject(Kind.AWARD, Name("諾貝爾和平獎", "zh-Hant"))
    by_sitelink = assess(ours, Item("Q35637", labels=(Name("诺贝尔和平奖", "zh"),)), sitelink="诺贝尔和平奖")
    by_label = assess(ours, Item("Q35637", labels=(Name("诺贝尔和平奖", "zh"),)), sitelink=None)
    by_alias = assess(ours, Item("Q35637", aliases=(Name("诺贝尔和平奖", "zh"),)), sitelink=None)
    assert (by_sitelink.score, by_label.score, by_alias.score) == (Decimal("0.900"), Decimal("0.810"), Decimal("0.720"))
    assert "P31 unknown" in by_sitelink.evidence


def test_dates_that_disagree_rule_a_summit_out_and_dates_that_agree_help():
    ours = subject(Kind.SUMMIT, Name("2000年朝韩首脑会晤", "zh-Hans"), start=dt.date(2000, 6, 13), end=dt.date(2000, 6, 15))
    same = Item("Q9", labels=(Name("2000年朝韩首脑会晤", "zh"),), classes=frozenset({"Q1072326"}), start=dt.date(2000, 6, 13), end=dt.date(2000, 6, 15))
    other = Item("Q8", labels=(Name("2000年朝韩首脑会晤", "zh"),), classes=frozenset({"Q1072326"}), start=dt.date(2007, 10, 2))
    assert assess(ours, same, sitelink=None).score == Decimal("0.950")
    assert assess(ours, other, sitelink=None).clash == "date clash: our start 2000-06-13, item 2007-10-02"


def test_no_name_in_common_is_no_candidate():
    fit = assess(subject(Kind.PERSON, Name("金大中", "zh-Hans")), Item("Q1", labels=(Name("金正日", "zh"),), classes=frozenset({"Q5"})), sitelink=None)
    assert (fit.method, fit.score) == (None, Decimal(0))


def fitted(qid, score, clash=None):
    from kg.wikidata.score import Fit

    return Item(qid, labels=(Name(qid, "en"),)), Fit(Decimal(score), Method.LABEL, "evidence", clash)


def test_decide_links_a_clear_winner():
    decision = decide(subject(Kind.PERSON, Name("x", "en")), [fitted("Q1", "0.9"), fitted("Q2", "0.7")], min_score=0.8)
    assert isinstance(decision, Link) and decision.qid == "Q1"


def test_decide_never_guesses_between_close_candidates():
    decision = decide(subject(Kind.PERSON, Name("x", "en")), [fitted("Q1", "0.9"), fitted("Q2", "0.85")], min_score=0.8)
    assert isinstance(decision, list) and {c.qid for c in decision} == {"Q1", "Q2"}
    assert all(isinstance(c, Candidate) and c.reason == "ambiguous: Q1 0.9, Q2 0.85" for c in decision)


@pytest.mark.parametrize("min_score, reason", [(0.95, "below 0.95"), (0.5, None)])
def test_decide_respects_the_threshold(min_score, reason):
    decision = decide(subject(Kind.PERSON, Name("x", "en")), [fitted("Q1", "0.9")], min_score=min_score)
    if reason:
        assert [c.reason for c in decision] == [reason]
    else:
        assert isinstance(decision, Link)


def test_decide_with_nothing_found_leaves_the_entity_unlinked():
    assert isinstance(decide(subject(Kind.PERSON, Name("x", "en")), [], min_score=0.8), Unlinked)


def test_the_examples_in_the_score_docstrings_run():
    import doctest

    import kg.wikidata.score

    outcome = doctest.testmod(kg.wikidata.score)
    assert outcome.attempted > 0 and outcome.failed == 0
