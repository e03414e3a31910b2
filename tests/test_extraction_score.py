"""The ratchet on extraction quality: each bundled corpus's recorded recall and precision
(``benchmarks/extraction-floor.json`` for the realistic corpus,
``benchmarks/extraction-floor-heldout.json`` for the held-out one) are a floor no change may lower.

After a change that raises the figures, record them with ``make score-record``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import extraction_score as scorecard  # noqa: E402


@pytest.fixture(scope="module", params=sorted(scorecard.BUNDLED), ids=lambda path: path.name)
def corpus(request):
    return request.param


@pytest.fixture(scope="module")
def scores(corpus):
    from kg.pool import default_jobs

    return scorecard.score_corpus(corpus=corpus, jobs=default_jobs())  # a thousand builds: on every core


@pytest.fixture(scope="module")
def floor(corpus):
    return json.loads(scorecard.BUNDLED[corpus][0].read_text(encoding="utf-8"))


def test_no_fact_found_before_is_lost(scores, floor):
    now = {line for s in scores for line in s.found}
    lost = sorted(set(floor["found"]) - now)
    assert not lost, "facts the recorded floor found and this change lost:\n" + "\n".join(lost)


@pytest.mark.parametrize("rate", ["recall", "precision"])
def test_totals_do_not_fall(scores, floor, rate):
    total = scorecard.totals(scores)
    fallen = {fact: (recorded, getattr(total[fact], rate)) for fact, recorded in floor[rate].items()
              if (getattr(total[fact], rate) or 0.0) < recorded - 1e-9}
    assert not fallen, f"{rate} fell below the recorded floor (recorded, now): {fallen}"


@pytest.mark.parametrize("corpus, least", [(scorecard.CORPUS, 24), (scorecard.HELDOUT, 12)])
def test_every_gold_article_exists_and_follows_the_format(corpus, least):
    gold = scorecard.load_gold(corpus)
    assert len(gold) >= least
    assert {p.name for p in corpus.glob("*.wiki")} == set(gold), "every article has gold, every gold an article"
    for file, article in gold.items():
        assert (corpus / file).is_file(), file
        assert article["kind"] in ("single", "series", "negative"), file
        assert (article["kind"] == "negative") == (not article["summits"]), file
        for summit in article["summits"]:
            assert summit["start"] <= summit["end"], file
            assert isinstance(summit["participants"], list), file


def test_names_fold_scripts_dots_and_spaces():
    assert scorecard.fold("隆納·雷根") == scorecard.fold("隆纳雷根")
    assert scorecard.fold("Roh Moo-hyun") == "rohmoohyun"
    assert not scorecard.names_match(frozenset({scorecard.fold("里根")}), ["戈尔巴乔夫"])


def test_summits_match_by_overlapping_days_one_to_one():
    from datetime import date

    def summit(start, end):
        return scorecard.Extracted("x", date.fromisoformat(start), date.fromisoformat(end), None, [], [], [], {})

    gold = [{"start": "2000-01-01", "end": "2000-01-03"}, {"start": "2000-01-03", "end": "2000-01-03"}]
    long, day = summit("2000-01-01", "2000-01-03"), summit("2000-01-03", "2000-01-03")
    pairs = scorecard._match(gold, [day, long])
    assert [e for _, e in pairs] == [long, day]
    assert scorecard._match(gold, [summit("2000-02-01", "2000-02-01")]) == [(gold[0], None), (gold[1], None)]


def test_every_article_of_the_corpus_is_published(scores):
    """An article the shapes refuse is an extractor's fault (a fact with nothing to show for it,
    a series that is a document): every corpus article must build."""
    refused = [f"{s.file}: {s.note}" for s in scores if s.note != "published"]
    assert not refused, "\n".join(refused)
