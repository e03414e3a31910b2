"""The rules extraction is made of, each on the forms Chinese Wikipedia writes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kg.extract import extract
from kg.extract.dates import chinese_decimal, find_dates, find_year_months, parse_date, year_range
from kg.extract.names import Label, NameIndex, VariantRule, strip_disambiguator
from kg.model import Inference, Kind, Page, Prop
from kg.wikitext import parse


@pytest.mark.parametrize("text, year, expected", [
    ("2000年6月13日至15日，", None, [("2000-06-13", "2000-06-15")]),
    ("4月27日，韩朝双方", 2018, [("2018-04-27", "2018-04-27")]),
    ("2019年2月27日－28日", None, [("2019-02-27", "2019-02-28")]),
    ("2018年4月30日至5月2日", None, [("2018-04-30", "2018-05-02")]),
    ("2018年12月31日至2019年1月2日", None, [("2018-12-31", "2019-01-02")]),
    ("於２０１８年９月１８日至２０日", None, [("2018-09-18", "2018-09-20")]),
    ("二〇〇〇年六月十三日", None, [("2000-06-13", "2000-06-13")]),
    ("5月26日舉行", None, []),  # no year anywhere: not a date we can publish
    ("2月30日", 2019, []),  # no such day
    ("金正日亦於2011年去世", None, []),  # a year is not a day
    ("2031年3月9日和10日，", None, [("2031-03-09", "2031-03-10")]),  # two days that follow each other: one span
    ("1973年7月31日及8月1日，", None, [("1973-07-31", "1973-08-01")]),
    ("6月1日和2日两天，", 2013, [("2013-06-01", "2013-06-02")]),
    ("8月9日和13日，", 2018, [("2018-08-09", "2018-08-09")]),  # days apart: the first alone, a bare day is none
    ("3月9日和4月2日两度", 2031, [("2031-03-09", "2031-03-09"), ("2031-04-02", "2031-04-02")]),
    ("2018年12月8日和12月20日", None, [("2018-12-08", "2018-12-08")]),  # the second has no year of its own
    ("11月11日和12日先后前往", 2022, [("2022-11-11", "2022-11-11")]),  # one event each day
    ("分别于11月25日和26日与", 2023, [("2023-11-25", "2023-11-25")]),
    # a day after a date written with its year is of that year, not of the year the text had reached
    ("其中1961年6月访华。甲于1963年4月12日抵达某城；4月20日，两国元首签署", 1961,
     [("1963-04-12", "1963-04-12"), ("1963-04-20", "1963-04-20")]),
    ("4月20日，甲回顾了1963年4月12日的访问", 1961, [("1961-04-20", "1961-04-20"), ("1963-04-12", "1963-04-12")]),
])
def test_dates(text, year, expected):
    assert [(r.start.isoformat(), r.end.isoformat()) for r in find_dates(text, year=year)] == expected


def test_years_months_and_ranges():
    assert [(y.year, y.month) for y in find_year_months("2000年與2007年於平壤；2018年4月於")] == [
        (2000, None), (2007, None), (2018, 4)]
    assert year_range("金大中政府（1998－2003）") == (1998, 2003)
    assert year_range("文在寅政府 （2017－）") == (2017, None)
    assert parse_date("2018年4月27日") == date(2018, 4, 27) and parse_date("2018-03-06") == date(2018, 3, 6)
    assert parse_date("April 2018") is None
    assert chinese_decimal("260万") == Decimal(2600000) and chinese_decimal("四") == Decimal(4)
    assert chinese_decimal("2.5亿") == Decimal("250000000.0")


def test_names_fold_scripts_variants_and_disambiguators():
    rules = [VariantRule((Label("特朗普", "zh-Hans"), Label("川普", "zh-Hant-TW")))]
    index = NameIndex.build(rules, [])
    assert index.key("川普") == index.key("特朗普") == "特朗普"
    assert index.key("北韓") == index.key("北朝鲜") == "朝鲜民主主义人民共和国"
    assert index.key("南韓") == "大韩民国" and index.key("中華民國") == "中华民国"
    assert strip_disambiguator("香格里拉大酒店 (新加坡)") == "香格里拉大酒店"
    assert strip_disambiguator("金正恩（政治人物）") == "金正恩"


@pytest.mark.parametrize("forms, written, key", [
    # a variant that ends the canonical form (the family name alone): the full name written is not grown by it
    ((("戴甲·卡乙", "zh-Hans"), ("卡乙", "zh-Hant-HK")), "戴甲·卡乙", "戴甲·卡乙"),
    ((("戴甲·卡乙", "zh-Hans"), ("卡乙", "zh-Hant-HK")), "卡乙", "戴甲·卡乙"),
    ((("戴甲·卡乙", "zh-Hans"), ("卡乙", "zh-Hant-HK")), "英国首相戴甲·卡乙", "英国首相戴甲·卡乙"),
    # near-miss: a variant longer than the canonical form written at the same place is still the variant
    ((("艾丙", "zh-Hans"), ("艾丙威丁", "zh-Hant-TW")), "艾丙威丁", "艾丙"),
    ((("艾丙威丁", "zh-Hans"), ("艾丙", "zh-Hant-TW")), "艾丙", "艾丙威丁"),
])
def test_a_variant_inside_the_canonical_form_written_in_full_is_not_replaced(forms, written, key):
    index = NameIndex.build([VariantRule(tuple(Label(text, tag) for text, tag in forms))], [])
    assert index.normal(written) == key


def _article(body: str):
    return extract(parse(Page(text="'''测试会晤'''是两国领导人的会晤。\n" + body, origin="case", title="测试会晤")))


def _facts(extraction, prop):
    return [f for f in extraction.facts if f.prop is prop]


def test_a_meeting_needs_a_day_and_a_participant():
    nothing = _article("== 背景 ==\n2001年，两国计划于5月3日在[[某城]]举行会晤，但会晤最终取消。\n")
    assert not [e for e in nothing.entities if e.id.kind is Kind.SUMMIT]
    one = _article("== 2001年 ==\n2001年5月3日，第一次会晤在[[某城]]举行，甲国总统[[张三]]与乙国主席[[李四]]会谈。\n")
    [summit] = [e for e in one.entities if e.id.kind is Kind.SUMMIT]
    assert {f.value.key for f in _facts(one, Prop.PARTICIPANT)} == {"张三", "李四"}
    assert [f.value for f in _facts(one, Prop.ORDINAL)] == [1]
    assert [f.value.key for f in _facts(one, Prop.VENUE)] == ["某城"]


def test_roles_are_the_offices_written_before_the_name():
    one = _article("== 2001年 ==\n2001年5月3日，第一次会晤在[[某城]]举行，"
                   "甲国总统兼乙党主席[[张三]]与时任乙国总理[[李四]]会谈。\n")
    roles = {f.value.key for f in _facts(one, Prop.ROLE)}
    assert roles == {"甲国总统", "乙党主席", "乙国总理"}


def test_a_local_government_is_a_places_not_a_leaders():
    one = _article("== 2001年 ==\n2001年5月3日，甲国总统[[张三]]在[[某城]]与乙国主席[[李四]]会谈，"
                   "次日与[[某某省]]政府领导人会面。\n")
    people = {e.id.key for e in one.entities if e.id.kind is Kind.PERSON}
    assert "某某省" not in people and {"张三", "李四"} <= people


def test_documents_and_their_other_names():
    one = _article("== 2001年 ==\n2001年5月3日，第一次会晤在[[某城]]举行，甲国总统[[张三]]与乙国主席[[李四]]会谈，"
                   "会后签署了《某城宣言》（又称《五三宣言》，{{lang|en|Moucheng Declaration}}）"
                   "和[[两国友好协定]]。\n")
    outcomes = {f.value.key for f in _facts(one, Prop.OUTCOME)}
    assert outcomes == {"某城宣言", "两国友好协定"}
    declaration = next(e for e in one.entities if e.id.key == "某城宣言")
    assert ("Moucheng Declaration", "en") in {(l.text, l.language) for l in declaration.labels}
    assert "五三宣言" in {l.text for l in declaration.alt_labels}


def test_a_venue_chain_nests_places_and_a_side_marker_names_the_state():
    one = _article("== 2001年 ==\n2001年5月3日，第一次会晤在[[板门店]][[韩国]]一方的[[某楼]]举行，"
                   "甲国总统[[张三]]与乙国主席[[李四]]会谈。\n")
    located = {(f.subject.key, f.value.key) for f in _facts(one, Prop.LOCATED_IN)}
    assert located == {("某楼", "板门店"), ("某楼", "大韩民国")}
    assert [f.value.key for f in _facts(one, Prop.VENUE)] == ["某楼"]


def test_a_participant_named_only_in_the_cited_title_is_marked_inferred():
    one = _article("== 2001年 ==\n2001年5月3日，第一次会晤在[[某城]]举行，甲国总统[[张三]]与乙国主席[[李四]]会谈。\n"
                   "=== 2002年 ===\n2002年6月4日，双方在[[某城]]举行第2次会晤。"
                   "<ref>{{cite web|url=http://x.test/a|title=张三今在某城会晤李四|date=2002-06-04}}</ref>\n")
    inferred = {(f.value.key, f.inference) for f in _facts(one, Prop.PARTICIPANT) if f.inference}
    assert inferred == {("张三", Inference.CITATION_TITLE), ("李四", Inference.CITATION_TITLE)}


def test_a_meeting_with_one_named_participant_makes_no_summit_but_says_so():
    one = _article("== 2001年 ==\n2001年5月3日，甲国总统[[张三]]在[[某城]]举行会晤。\n")
    assert not [e for e in one.entities if e.id.kind is Kind.SUMMIT]
    assert not [e for e in one.entities if e.id.kind is Kind.PARTICIPATION]
    assert not [f for f in one.facts if f.prop is Prop.PARTICIPANT]
    assert any("one participant only" in issue.message for issue in one.issues)


def test_a_leader_inferred_in_office_from_a_death_shows_the_sentence_of_the_death():
    """A side nobody in the meeting's sentence stands for is taken by whoever held power there then; a
    tenure known only from a death (``某人于2013年3月病逝``) is shown by that sentence, or the shapes refuse
    the inferred participant (and the article with it)."""
    text = ("'''测试会晤'''是指[[哥伦比亚总统]][[胡安·桑多]]与[[委内瑞拉总统]][[乌戈·查维]]在2010年举行的一系列会晤。\n\n"
            "== 历次会晤 ==\n2010年11月2日，桑多对委内瑞拉进行首次正式访问，在[[某宫]]举行会晤，签署《某宣言》。\n\n"
            "== 后续 ==\n查维于2013年3月病逝，王五继任总统。\n")
    extraction = extract(parse(Page(text=text, origin="case", title="测试会晤")))
    [in_office] = [f for f in _facts(extraction, Prop.PARTICIPANT) if f.inference is Inference.LEADER_IN_OFFICE]
    assert in_office.value.key == "乌戈·查维"
    assert [e.text for e in in_office.evidence] and all("病逝" in e.text for e in in_office.evidence)


@pytest.mark.parametrize("name, kind", [
    ("某盟", Kind.ORGANIZATION), ("甲国政府", Kind.ORGANIZATION), ("明斯克小组", Kind.ORGANIZATION),
    ("某某勋章", Kind.AWARD), ("某某奖章", Kind.AWARD),
    ("张三", Kind.PERSON), ("盟一郎", Kind.PERSON),  # a body's word inside a name, not at its end, is no body's
])
def test_a_name_written_as_a_bodys_or_an_awards_is_typed_so_whichever_rule_takes_it_for_a_person(name, kind):
    from kg.extract.registry import Registry

    assert Registry(NameIndex.build((), ())).named(Kind.PERSON, name).kind is kind


def test_a_body_in_a_tables_column_of_leaders_is_no_participant_and_leaves_no_participation():
    """``非盟主席、乙国总统李四`` in a row's column: the body's name before its chair's office is no one who met."""
    text = ("'''甲乙会晤'''是[[甲国]]与[[乙国]]领导人的会晤。\n== 经过 ==\n"
            '{| class="wikitable"\n! 届次 !! 日期 !! 地点 !! 甲方 !! 乙方\n|-\n'
            "| 第一届 || 2031年4月8日－9日 || [[甲国]][[某城]] || 总理[[张三]] || [[某盟]]主席、乙国总统[[李四]]\n|}\n"
            "2031年4月9日，峰会在[[某体育场]]举行，张三主持会议，乙国总统李四、丙国总统[[王五]]出席。\n")
    extraction = extract(parse(Page(text=text, origin="t", title="甲乙会晤")))

    kinds = {entity.id.key: entity.id.kind for entity in extraction.entities}
    agents = [fact.value.key for fact in extraction.facts if fact.prop is Prop.AGENT]
    participations = [entity.id for entity in extraction.entities if entity.id.kind is Kind.PARTICIPATION]
    assert kinds["某盟"] is Kind.ORGANIZATION
    assert sorted(agents) == ["张三", "李四", "王五"]
    assert len(participations) == 3  # each with its agent: none of the body's is left behind
    assert not any(fact.prop is Prop.PARTICIPANT and fact.value.key == "某盟" for fact in extraction.facts)


def test_a_rows_town_holds_the_building_the_account_of_the_same_meeting_gives():
    """A table's row (``甲国某城``) and the prose's account of the meeting (``在某体育场举行``) are one
    summit at the building, which lies in the row's town; the account's building is no longer placed nowhere."""
    text = ("'''第三届甲乙论坛峰会'''于2031年10月26日至29日在[[甲国]][[某城]]举行。\n== 历届峰会 ==\n"
            '{| class="wikitable"\n! 届次 !! 日期 !! 地点 !! 甲方 !! 乙方\n|-\n'
            "| 第三届 || 2031年10月26日－29日 || [[甲国]][[某城]] || 总理[[张三]] || 乙国总统[[李四]]\n|}\n"
            "== 会议 ==\n10月29日，首脑级峰会在[[某体育场]]举行，张三主持会议，乙国总统李四、丙国总统[[王五]]出席。\n")
    extraction = extract(parse(Page(text=text, origin="t", title="第三届甲乙论坛峰会")))

    venues = [fact.value.key for fact in extraction.facts if fact.prop is Prop.VENUE]
    within = sorted((fact.subject.key, fact.value.key) for fact in extraction.facts if fact.prop is Prop.LOCATED_IN)
    assert venues == ["某体育场"]
    assert within == [("某体育场", "某城"), ("某城", "甲国")]


def test_a_leader_called_by_her_family_name_and_madam_right_after_her_office_is_herself():
    told = _article("== 背景 ==\n乙国总统[[丙丁·某乙]]是该国首位女总统。\n"
                    "== 2033年 ==\n2033年4月8日下午，甲国总理[[张三]]在[[某城]]同[[乙国总统]]某乙夫人举行会谈。\n")
    assert {f.value.key for f in _facts(told, Prop.PARTICIPANT)} == {"张三", "丙丁·某乙"}
    spouse = _article("== 背景 ==\n乙国总统[[丙丁·某乙]]曾多次访问甲国。\n"
                      "== 2033年 ==\n2033年4月8日下午，甲国总理[[张三]]在[[某城]]同乙国总统[[李四]]举行会谈，"
                      "随后会见了某乙夫人。\n")
    assert "丙丁·某乙" not in {f.value.key for f in _facts(spouse, Prop.PARTICIPANT)}
    named_wife = _article("== 背景 ==\n乙国总统[[丙丁·某乙]]曾多次访问甲国。\n"
                          "== 2033年 ==\n2033年4月8日下午，甲国总理[[张三]]在[[某城]]同乙国总理[[李四]]举行会谈，"
                          "随后会见了乙国总统某乙夫人某戊。\n")
    assert "丙丁·某乙" not in {f.value.key for f in _facts(named_wife, Prop.PARTICIPANT)}


def test_the_officials_of_a_government_met_are_no_leader_named_by_it():
    told = _article("== 2034年 ==\n2034年5月3日，甲国总统[[张三]]抵达[[某城]]，会见[[某某邦]]政府官员。"
                    "5月4日，张三在[[某都]]与乙国总理[[李四]]会谈。\n")
    assert "某某邦" not in {f.value.key for f in _facts(told, Prop.PARTICIPANT)}
    assert {"张三", "李四"} <= {f.value.key for f in _facts(told, Prop.PARTICIPANT)}


def test_the_chair_of_a_forum_named_is_no_person():
    text = ("'''甲乙会晤'''是[[甲国]]与[[乙国]]领导人的会晤。\n== 经过 ==\n2036年9月25日，甲国总统[[张三]]在[[某宫]]会见了"
            "[[乙国总理]][[李四]]，与会者包括[[某某岛国论坛]]主席、丙国总理[[王五]]。\n")
    one = extract(parse(Page(text=text, origin="t", title="甲乙会晤")))
    assert "某某岛国论坛" not in {e.id.key for e in one.entities if e.id.kind is Kind.PERSON}
    person = text.replace("[[某某岛国论坛]]主席", "[[赵六]]主席")  # a linked name before the office is its holder
    assert "赵六" in {e.id.key for e in extract(parse(Page(text=person, origin="t", title="甲乙会晤"))).entities
                     if e.id.kind is Kind.PERSON}


def test_a_treatys_linked_name_whose_members_leaders_are_met_is_no_person():
    text = ("'''甲乙会晤'''是[[甲国]]与[[乙国]]领导人的会晤。\n== 经过 ==\n2036年11月16日，甲国总统[[张三]]在[[某城]]"
            "与乙国总理[[李四]]会谈。同日，张三还与[[某某伙伴关系协定]]其他成员国领导人会面。\n")
    one = extract(parse(Page(text=text, origin="t", title="甲乙会晤")))
    people = {e.id.key for e in one.entities if e.id.kind is Kind.PERSON}
    assert people == {"张三", "李四"}
    named = text.replace("[[某某伙伴关系协定]]其他成员国领导人", "[[王五]]")  # a linked name met so is a person
    assert "王五" in {e.id.key for e in extract(parse(Page(text=named, origin="t", title="甲乙会晤"))).entities
                     if e.id.kind is Kind.PERSON}
