"""The review file: written from Links, judged by a person, fed back."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from kg.errors import LinkError
from kg.wikidata.link import Candidate, Link, Links, Unlinked
from kg.wikidata.review import COLUMNS, accept, read_review, review_csv
from kg.wikidata.score import Method

SRC = "https://zh.wikipedia.org/wiki/x"
LINKS = Links(
    links=(Link("urn:a", "金正日", "Q10665", Decimal("1.000"), Method.SITELINK, "zhwiki sitelink [[金正日]]", SRC),),
    candidates=(
        Candidate("urn:b", "平壤", "Q18808", "平壤", "capital", Decimal("0.000"), Method.LABEL, "label", "type clash: our Person, item is P31 Q515"),
        Candidate("urn:c", "诺贝尔和平奖", "Q35637", "诺贝尔和平奖", "", Decimal("0.765"), Method.LABEL, "label; P31 unknown", "below 0.8"),
    ),
    unlinked=(
        Unlinked("urn:b", "平壤", "for review", SRC),
        Unlinked("urn:c", "诺贝尔和平奖", "for review", SRC),
        Unlinked("urn:d", "金大中", "no item has its zh.wikipedia title or any of its names", SRC),
    ),
)


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_review_file_lists_candidates_and_entities_without_any():
    written = rows(review_csv(LINKS))
    assert [(r["entity"], r["qid"], r["score"]) for r in written] == [("urn:b", "Q18808", "0.000"), ("urn:c", "Q35637", "0.765"), ("urn:d", "", "")]
    assert written[0]["reason"].startswith("type clash") and written[0]["description"] == "capital"
    assert written[0]["item_url"] == "https://www.wikidata.org/wiki/Q18808"
    assert list(written[0]) == list(COLUMNS)


def judged(tmp_path, edit):
    written = rows(review_csv(LINKS))
    edit(written)
    path = tmp_path / "review.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(written)
    return path


def test_accepted_rows_become_review_links(tmp_path):
    def edit(written):
        written[1]["accept"] = "yes"
        written[2]["qid"], written[2]["accept"] = "Q00000", ""
    path = judged(tmp_path, edit)
    decisions = read_review(path)
    assert [(d.entity, d.qid, d.row) for d in decisions] == [("urn:c", "Q35637", 3)]
    result = accept(LINKS, decisions, origin="review.csv")
    link = {x.entity: x for x in result.links}["urn:c"]
    assert (link.method, link.score, link.source) == (Method.REVIEW, Decimal("1.000"), SRC)
    assert link.evidence == "accepted by a reviewer in review.csv (was 0.765: label; P31 unknown)"
    assert [c.entity for c in result.candidates] == ["urn:b"]
    assert "urn:c" not in {u.entity for u in result.unlinked}


def test_a_typed_in_qid_links_an_entity_that_had_no_candidate(tmp_path):
    def edit(written):
        written[2]["qid"], written[2]["accept"] = "q12345", "x"
    result = accept(LINKS, read_review(judged(tmp_path, edit)), origin="r.csv")
    assert {x.entity: x.qid for x in result.links}["urn:d"] == "Q12345"


def test_accepted_row_without_a_valid_qid_is_refused_with_its_line(tmp_path):
    def edit(written):
        written[2]["accept"] = "yes"
    with pytest.raises(LinkError, match=r"review.csv:4: accepted row needs an entity and a Q-id like Q42"):
        read_review(judged(tmp_path, edit))


def test_two_items_for_one_entity_are_refused(tmp_path):
    def edit(written):
        written[0]["accept"] = "yes"
        written.append(dict(written[0], qid="Q1"))
    with pytest.raises(LinkError, match="urn:b accepted as both Q18808 .line 2. and Q1; keep one"):
        read_review(judged(tmp_path, edit))


def test_a_file_that_is_not_a_review_file_is_refused(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(LinkError, match="not a review file, columns accept, entity, qid missing"):
        read_review(path)
    with pytest.raises(LinkError, match="cannot read the review file"):
        read_review(tmp_path / "missing.csv")


def test_a_decision_about_an_unknown_entity_is_refused(tmp_path):
    def edit(written):
        written[2]["entity"], written[2]["qid"], written[2]["accept"] = "urn:zzz", "Q5", "yes"
    with pytest.raises(LinkError, match="urn:zzz is not an entity of this build"):
        accept(LINKS, read_review(judged(tmp_path, edit)), origin="r.csv")
