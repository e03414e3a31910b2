"""A treaty's or a declaration's infobox tells its signing: a summit of its own where the
text tells none on that day (summit-conventions.md: a signing of leaders is a summit)."""

import pytest

from kg.extract import extract
from kg.model import Kind, Page, Prop
from kg.wikitext import parse


def box(signatories, witnesses="", day="{{Start date|1997|5|14}}"):
    return ("{{Infobox treaty\n| name = 甲乙睦邻宣言\n| date_signed = " + day + "\n"
            "| location_signed = [[甲国]][[某都]][[某宫]]\n| signatories = " + signatories + "\n"
            + (f"| witnesses = {witnesses}\n" if witnesses else "") + "}}\n")


TOP = "甲国总统[[王甲]]<br />乙国总理[[赵乙]]"
LEAD = "'''甲乙睦邻宣言'''是[[甲国]]与[[乙国]]之间的一份宣言。\n== 背景 ==\n两国长期存在边界争端，经过多年谈判后达成一致。\n"
MET = "签字仪式前，王甲与赵乙在某宫举行了会谈。\n"


def summits(text):
    """start date → (participants, venues, documents) by their keys."""
    extraction = extract(parse(Page(text=text, origin="t", title="甲乙睦邻宣言")))
    out = {}
    for entity in extraction.entities:
        if entity.id.kind is Kind.SUMMIT:
            about = [f for f in extraction.facts if f.subject == entity.id]
            start = next(f.value for f in about if f.prop is Prop.START_DATE)
            out[start.isoformat()] = tuple(
                {f.value.key for f in about if f.prop is prop} for prop in (Prop.PARTICIPANT, Prop.VENUE, Prop.OUTCOME))
    return out


def test_the_signing_of_two_leaders_the_box_gives_is_a_summit_with_its_day_place_and_document():
    found = summits(box(TOP) + LEAD + MET)
    assert found == {"1997-05-14": ({"王甲", "赵乙"}, {"某宫"}, {"甲乙睦邻宣言"})}


def test_a_head_of_state_who_witnessed_the_signing_took_part():
    found = summits(box(TOP, "丙国总统[[孙丙]]") + LEAD + MET)
    assert found["1997-05-14"][0] == {"王甲", "赵乙", "孙丙"}


@pytest.mark.parametrize("signatories, text", [
    ("甲国外交部长[[钱丁]]<br />乙国外交部长[[周戊]]", "签字仪式前，钱丁与周戊在某宫举行了会谈。"),  # ministers sign
    (TOP, MET + "1997年5月14日，两国领导人通过视频连线签署了该宣言。"),  # by video
    (TOP, MET + "两国领导人分别在各自首都签署了该宣言。"),  # apart
    ("[[王甲]]", MET),  # one signatory
    (TOP, "1997年5月14日，王甲与赵乙签署该宣言。"),  # the text tells a signing, never a meeting
])
def test_no_summit_from_a_signing_of_ministers_by_video_apart_of_one_or_never_met(signatories, text):
    assert summits(box(signatories) + LEAD + text) == {}


def test_a_summit_the_text_tells_on_the_signing_day_is_kept_and_no_second_one_made():
    text = box(TOP) + LEAD + MET + "1997年5月13日至14日，甲国总统[[王甲]]与乙国总理[[赵乙]]在[[某都]]举行会谈。\n"
    assert list(summits(text)) == ["1997-05-13"]


@pytest.mark.parametrize("signing, witnesses", [
    # others witness it: a king at the top, who takes part (participants.witnesses_of_the_signing)
    ("1997年5月14日，宣言在某宫签署。宣言由王甲与赵乙签字，丙国国王[[孙丙]]出席见证。", {"孙丙"}),
    ("1997年5月14日，宣言在某宫签署。宣言由王甲与赵乙签字，丙国外长[[孙丙]]出席见证。", set()),
    ("1997年5月14日，签字仪式在某宫举行。王甲和赵乙在宣言上签字。签字后，两位领导人交换了文本，并热情握手。", set()),  # they shake hands
    ("5月14日，王甲与赵乙在某宫签署宣言。访问期间，王甲同丙国总统[[孙丙]]会晤。", set()),  # one of them meets another leader
    ("1997年5月14日，签字仪式在某宫举行，由王甲主持。王甲和赵乙共同签署宣言。", set()),  # they sign it jointly
])
def test_a_signing_the_section_of_its_day_tells_attended_witnessed_or_with_a_handshake_is_a_summit(signing, witnesses):
    found = summits(box(TOP) + LEAD + "== 签署 ==\n" + signing + "\n")
    assert found == {"1997-05-14": ({"王甲", "赵乙"} | witnesses, {"某宫"}, {"甲乙睦邻宣言"})}


@pytest.mark.parametrize("text", [
    "== 签署 ==\n1997年5月14日，王甲和赵乙在某宫举行仪式，签署了宣言。\n",  # a ceremony of theirs alone
    "== 签署 ==\n1997年5月14日，王甲和赵乙在某宫举行仪式，签署了宣言。\n== 批准 ==\n"
    "王甲于1998年1月28日签署批准法律，赵乙于2月2日签署，外交部长[[钱丁]]等出席。\n",  # attended: another day's signing
    "== 签署 ==\n1997年5月14日，宣言在某宫签署，丙国国王[[孙丙]]出席见证。\n",  # the signers not named there
    "== 签署 ==\n1997年5月14日，王甲和赵乙在各自的首都分别签署了宣言，随后共同签署的文本交换生效。\n",  # apart
])
def test_no_summit_where_no_section_of_the_signing_day_tells_the_two_signers_before_others(text):
    assert summits(box(TOP) + LEAD + text) == {}


def test_what_the_treatys_article_lists_as_signed_with_it_is_the_signings():
    text = box(TOP) + LEAD + MET + ("== 内容 ==\n与宣言同时签署的文件还包括：\n* 《甲乙贸易与航行条约》\n"
                                    "* 《甲乙边境一体化协定》\n== 影响 ==\n宣言之后，甲国又同丙国签订《甲丙条约》。\n")
    assert summits(text)["1997-05-14"][2] == {"甲乙睦邻宣言", "甲乙贸易与航行条约", "甲乙边境一体化协定"}
