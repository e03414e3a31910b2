"""Meeting tables: one summit per row with a day-precise date, rowspan spread, footnotes ignored."""

import pytest

from kg.extract import extract
from kg.model import Kind, Page, Prop
from kg.wikitext import parse

TABLE = """'''甲乙首脑会晤'''是甲国与乙国领导人的会晤。
== 历次会晤 ==
{| class="wikitable"
|+ 历次会晤
! 日期 !! 地点 !! 甲方领导人 !! 乙方领导人 !! 成果
|-
| 2001年7月16日 || {{flagicon|USA}} [[美国]][[华盛顿哥伦比亚特区|华盛顿]] || rowspan="2" | [[张三]] || [[李四]] || 《[[甲乙联合声明]]》<ref>注：[[王五]]亦出席。</ref>
|-
| {{Start date|2003|5|8}}至{{End date|2003|5|9}} || [[北京]][[人民大会堂]] || 主席赵六 || 签署《经济合作协定》
|-
| 2005年9月 || [[上海]] || [[张三]] || [[李四]] ||
|}
"""


def summits_of(text):
    extraction = extract(parse(Page(text=text, origin="t", title="甲乙首脑会晤")))
    facts = extraction.facts
    out = {}
    for entity in extraction.entities:
        if entity.id.kind is not Kind.SUMMIT:
            continue
        about = [f for f in facts if f.subject == entity.id]

        def values(prop):
            return {f.value.key if hasattr(f.value, "key") else f.value for f in about if f.prop is prop}

        (start,) = values(Prop.START_DATE)
        out[start.isoformat()] = {"end": min(values(Prop.END_DATE)).isoformat(),
                                  "participants": values(Prop.PARTICIPANT), "venue": values(Prop.VENUE),
                                  "outcomes": values(Prop.OUTCOME)}
    return out, extraction


def roles_of_the_summits(text):
    """(a summit's first day, who, the office he held there) of each role the table's article gives."""
    _, extraction = summits_of(text)
    agent = {f.subject: f.value.key for f in extraction.facts if f.prop is Prop.AGENT}
    summit_of = {f.value: f.subject for f in extraction.facts if f.prop is Prop.HAS_PARTICIPATION}
    start = {f.subject: f.value.isoformat() for f in extraction.facts if f.prop is Prop.START_DATE}
    return {(start[summit_of[f.subject]], agent[f.subject], f.value.key) for f in extraction.facts
            if f.prop is Prop.ROLE}


def test_a_row_with_a_day_is_a_summit_and_rowspan_carries_its_cell_down():
    found, _ = summits_of(TABLE)
    assert sorted(found) == ["2001-07-16", "2003-05-08"]
    assert found["2001-07-16"]["participants"] == {"张三", "李四"}
    assert found["2003-05-08"]["participants"] == {"张三", "赵六"}  # 张三 from the rowspan above
    assert found["2003-05-08"]["end"] == "2003-05-09"  # date templates in a cell


def test_places_are_big_to_small_and_documents_come_from_the_outcome_cell():
    found, extraction = summits_of(TABLE)
    assert found["2001-07-16"]["venue"] == {"华盛顿哥伦比亚特区"}
    assert found["2003-05-08"]["venue"] == {"人民大会堂"}
    contained = {(f.subject.key, f.value.key) for f in extraction.facts if f.prop is Prop.LOCATED_IN}
    assert ("人民大会堂", "北京") in contained
    assert found["2001-07-16"]["outcomes"] == {"甲乙联合声明"}
    assert found["2003-05-08"]["outcomes"] == {"经济合作协定"}


def test_footnotes_in_cells_are_ignored_and_a_month_only_row_is_an_issue():
    found, extraction = summits_of(TABLE)
    assert all("王五" not in s["participants"] for s in found.values())
    assert any("2005年9月" in issue.message and "no day" in issue.message for issue in extraction.issues)


def test_a_table_without_a_date_column_lists_no_meetings():
    text = TABLE.replace("! 日期 !!", "! 备注 !!")
    found, _ = summits_of(text)
    assert found == {}


def test_a_table_with_no_header_is_no_error():
    text = "'''甲'''。\n{|\n| 2001年7月16日 || [[张三]] || [[李四]]\n|}\n"
    found, extraction = summits_of(text)
    assert found == {}


def test_a_plain_town_after_a_state_in_a_place_cell_lies_in_it_a_building_after_it_does_not():
    text = """'''甲乙总理会晤'''是[[马来西亚]]与[[日本]]领导人的会晤机制。
== 历史 ==
2014年4月9日，[[张三]]在[[东山省]][[西林市]]同[[李四]]举行会晤。
== 一览 ==
{| class="wikitable"
! 日期 !! 地点 !! 甲方 !! 乙方
|-
| 2014年4月9日 || 东山西林 || [[张三]] || [[李四]]
|-
| 2015年11月21日 || 马来西亚某都 || [[张三]] || [[李四]]
|-
| 2016年5月2日 || 日本某宫 || [[张三]] || [[李四]]
|-
| 2017年6月3日 || 印度尼西亚[[某岛]] || [[张三]] || [[李四]]
|}
"""
    found, extraction = summits_of(text)
    contained = {(f.subject.key, f.value.key) for f in extraction.facts if f.prop is Prop.LOCATED_IN}
    assert found["2015-11-21"]["venue"] == {"某都"} and ("某都", "马来西亚") in contained  # the capital, in the state
    assert found["2016-05-02"]["venue"] == {"日本某宫"}  # a building's name may begin with its state's
    assert found["2014-04-09"]["venue"] == {"西林市"} and ("西林市", "东山省") in contained  # the article's own links
    assert found["2017-06-03"]["venue"] == {"某岛"} and ("某岛", "印度尼西亚共和国") in contained  # no 印度 in it
    assert "东山西林" not in {key for facts in found.values() for key in facts["venue"]}


def test_a_visit_told_as_the_time_of_something_else_is_not_the_country_of_the_tables_rows():
    text = """'''甲乙总理会晤'''是甲国与乙国总理的会晤机制，于2013年4月[[李四]]访华期间正式启动。
== 一览 ==
{| class="wikitable"
! 日期 !! 地点 !! 甲方 !! 乙方
|-
| 2013年4月9日 || [[某城]] || [[张三]] || [[李四]]
|}
"""
    found, extraction = summits_of(text)
    assert found["2013-04-09"]["venue"] == {"某城"}
    assert not any(f.value.key == "中华人民共和国" for f in extraction.facts if f.prop in (Prop.VENUE, Prop.LOCATED_IN))
    found, extraction = summits_of(text.replace("于2013年4月[[李四]]访华期间正式启动", "记录[[李四]]历次访华"))
    assert ("某城", "中华人民共和国") in {(f.subject.key, f.value.key) for f in extraction.facts if f.prop is Prop.LOCATED_IN}


def test_a_plain_place_is_read_big_to_small_and_a_host_flag_gives_the_country():
    text = ("'''甲乙会晤'''\n== 历次 ==\n{| class=\"wikitable\"\n! 日期 !! 地点 !! 甲方 !! 乙方\n|-\n"
            "| 2001年7月16日 || [[莫斯科]][[克里姆林宫]] || 主席张三 || 总统李四\n|-\n"
            "| 2015年5月8日 || 莫斯科克里姆林宫 || 主席张三 || 总统李四\n|-\n"
            "| 2016年3月31日 || 华盛顿会议中心 || 主席张三 || 总统李四\n|}\n"
            "[[华盛顿]]是美国首都。\n")
    found, extraction = summits_of(text)
    assert found["2015-05-08"]["venue"] == {"克里姆林宫"}  # named so elsewhere in the article
    contained = {(f.subject.key, f.value.key) for f in extraction.facts if f.prop is Prop.LOCATED_IN}
    assert ("克里姆林宫", "莫斯科") in contained


def test_a_hall_written_after_a_known_venue_and_its_town_lies_in_the_venue():
    text = ("'''甲乙会晤'''\n== 历次 ==\n{| class=\"wikitable\"\n! 日期 !! 地点 !! 甲方 !! 乙方\n|-\n"
            "| 2018年7月13日 || 北京人民大会堂东大厅 || 主席张三 || 总统李四\n|}\n")
    found, extraction = summits_of(text)
    assert found["2018-07-13"]["venue"] == {"东大厅"}
    contained = {(f.subject.key, f.value.key) for f in extraction.facts if f.prop is Prop.LOCATED_IN}
    assert {("东大厅", "人民大会堂"), ("人民大会堂", "北京")} <= contained


def test_a_venue_written_after_its_town_is_also_called_without_it():
    text = ("'''甲乙会晤'''\n== 历次 ==\n{| class=\"wikitable\"\n! 日期 !! 地点 !! 甲方 !! 乙方\n|-\n"
            "| 2023年3月16日 || [[某都]] || 主席张三 || 总统李四\n|-\n"
            "| 2024年9月6日 || 某都总统府 || 主席张三 || 总统李四\n|}\n")
    found, extraction = summits_of(text)
    assert found["2024-09-06"]["venue"] == {"某都总统府"}
    (venue,) = [e for e in extraction.entities if e.id.key == "某都总统府"]
    assert "总统府" in {label.text for label in venue.alt_labels}


def test_a_caption_naming_two_leaders_gives_each_rows_participants():
    text = """'''甲国领导人访问乙国'''是指甲国领导人[[张三]]应乙国主席[[李四]]邀请对乙国的访问。
== 会晤列表 ==
{| class="wikitable"
|+ 张三与[[李四]]的会晤
! 次序 !! 日期 !! 地点 !! 备注
|-
| 1 || 2018年3月25日－28日 || [[某城]] || 首次出访
|-
| 2 || 2019年1月7日－10日 || [[某城]] ||
|}
"""
    found, _ = summits_of(text)
    assert set(found) == {"2018-03-25", "2019-01-07"}
    assert all(summit["participants"] == {"张三", "李四"} for summit in found.values())


def test_a_delegation_under_participants_is_not_the_leaders_the_hosts_field_names():
    text = ("{{Infobox event\n| date = {{Start date|2018|7|16}}\n| venue = [[某府]]\n"
            "| organisers = 甲国总统 [[张三]]<br />乙国总统 [[李四]]\n"
            "| participants = '''甲国代表团成员：'''<br />国务卿 [[王五]]<br />国家安全顾问 [[赵六]]\n}}\n"
            "'''2018年甲乙峰会'''是甲国总统[[张三]]与乙国总统[[李四]]的高峰会。\n")
    extraction = extract(parse(Page(text=text, origin="t", title="2018年甲乙峰会")))
    participants = {f.value.key for f in extraction.facts if f.prop is Prop.PARTICIPANT}
    assert participants == {"张三", "李四"}


def test_a_bare_name_in_a_row_takes_the_office_the_prose_gives_on_that_day():
    text = """'''张三访问乙国'''是指甲国最高领导人[[张三]]对乙国的访问。
== 会晤列表 ==
{| class="wikitable"
|+ 张三与[[李四]]的会晤
! 次序 !! 日期 !! 地点
|-
| 1 || 2018年3月25日－28日 || [[某城]]
|-
| 2 || 2025年9月2日－4日 || [[某城]]
|}
== 2018年 ==
应乙国主席李四邀请，时任甲国劳动党委员长张三于2018年3月25日至28日访问乙国。
== 2025年 ==
2025年9月2日，甲国劳动党总书记张三抵达某城。
"""
    _, extraction = summits_of(text)
    agent = {f.subject: f.value.key for f in extraction.facts if f.prop is Prop.AGENT}
    summit_of = {f.value: f.subject for f in extraction.facts if f.prop is Prop.HAS_PARTICIPATION}
    start = {f.subject: f.value.isoformat() for f in extraction.facts if f.prop is Prop.START_DATE}
    roles = {(start[summit_of[f.subject]], f.value.key) for f in extraction.facts
             if f.prop is Prop.ROLE and agent.get(f.subject) == "张三"}
    assert roles == {("2018-03-25", "甲国劳动党委员长"), ("2025-09-02", "甲国劳动党总书记")}


def test_a_rows_visit_spans_the_talks_told_on_one_of_its_days_and_a_cell_numbers_it():
    text = """'''张三访问乙国'''是指甲国领导人[[张三]]应乙国主席[[李四]]邀请对乙国的访问。
== 会晤列表 ==
{| class="wikitable"
|+ 张三与[[李四]]的会晤
! 日期 !! 地点 !! 形式
|-
| 2019年1月7日－10日 || [[某城]] || 第四次会晤
|}
== 2019年1月 ==
2019年1月7日，张三抵达某城。8日下午，李四与张三在[[某堂]]举行会谈。
"""
    found, extraction = summits_of(text)
    assert set(found) == {"2019-01-07"} and found["2019-01-07"]["end"] == "2019-01-10"
    assert {f.value for f in extraction.facts if f.prop is Prop.ORDINAL} == {4}


HOSTS_ONLY = """'''张三访问乙国'''指甲国领导人[[张三]]历次到乙国的访问。
== 访问列表 ==
{| class="wikitable"
|+ 张三历次访问乙国
! 次序 !! 日期 !! 会谈地点 !! 乙方领导人 !! 途经城市 !! 备注
|-
| 1 || 2000年5月29日－31日 || [[某城]] || [[李四]] || [[某城]] ||
|-
| 2 || 2004年4月19日－21日 || — || [[王五]] || — ||
|-
| — || 2011年8月25日起 || — || — || 乙国东北 || 途经
|}
"""


def test_a_column_of_one_sides_hosts_met_the_visitor_the_caption_names():
    found, _ = summits_of(HOSTS_ONLY)
    assert set(found) == {"2000-05-29", "2004-04-19"}  # a row with no host is no meeting
    assert found["2000-05-29"]["participants"] == {"张三", "李四"}
    assert found["2004-04-19"]["participants"] == {"张三", "王五"}


def test_without_a_caption_the_visitor_is_the_one_leader_the_first_sentence_names():
    found, _ = summits_of(HOSTS_ONLY.replace("|+ 张三历次访问乙国\n", ""))
    assert found["2000-05-29"]["participants"] == {"张三", "李四"}


def test_a_column_of_people_that_is_no_sides_takes_no_visitor():
    found, _ = summits_of(HOSTS_ONLY.replace("乙方领导人", "主要参与者"))
    assert found == {}


def test_columns_headed_by_states_hold_each_sides_leader():
    text = """'''某模式'''是法国、德国与俄罗斯领导人的会谈机制。
== 峰会列表 ==
{| class="wikitable"
! 次序 !! 日期 !! 地点 !! 法国 !! 德国 !! 俄罗斯 !! 备注
|-
| 1 || 2014年6月6日 || [[某城]] || rowspan="2" | [[张三]] || rowspan="3" | [[李四]] || [[王五]]（当选总统） ||
|-
| 2 || 2015年2月11日－12日 || [[某城]] || 王五 ||
|-
| 3 || 2016年 || [[某城]] || [[赵六]] || 王五 ||
|}
"""
    found, _ = summits_of(text)
    assert set(found) == {"2014-06-06", "2015-02-11"}
    assert found["2015-02-11"]["participants"] == {"张三", "李四", "王五"}


@pytest.mark.parametrize("header", ["法国方面 !! 德国方面", "法国 !! 德国"])
def test_columns_headed_by_a_states_side_hold_its_leader(header):
    """``以色列方面 !! 德国方面``, as ``法国 !! 德国``: each column holds that side's leader, though the text gives him no
    office anywhere (the lead names the offices alone: 由甲国总理与乙国总理共同主持); not a column of another word
    ending so (``合作方面``)."""
    text = f"""'''某磋商'''是法国与德国两国政府的定期联合会议，由[[法国总理]]与[[德国总理]]共同主持。
== 历次磋商 ==
{{| class="wikitable"
! 届次 !! 日期 !! 地点 !! {header} !! 备注
|-
| 1 || 2033年3月17日 || [[某城]] || [[张三]] || [[李四]] || 首次
|-
| 2 || 2035年1月18日 || [[某都]] || 张三 || 李四 ||
|}}
"""
    found, _ = summits_of(text)
    assert set(found) == {"2033-03-17", "2035-01-18"}
    assert found["2035-01-18"]["participants"] == {"张三", "李四"}
    found, _ = summits_of(text.replace(header, "合作方面 !! 成效方面"))
    assert found == {}


@pytest.mark.parametrize("header", ["甲国总理 !! 欧盟", "甲国领导人 !! 欧盟方面", "甲国总理 !! 加共体方面"])
def test_a_column_headed_by_a_union_of_states_holds_that_sides_leaders(header):
    """A partner's summits with a union of states (``加拿大 !! 欧盟``, ``加共体方面``): the union's column holds its side's
    leaders, as a state's column does; not a column headed by some other body (``某委员会``)."""
    text = f"""'''甲国—欧盟峰会'''是甲国与欧洲联盟之间的领导人定期会晤机制。
== 历次峰会 ==
{{| class="wikitable"
! 届次 !! 日期 !! 地点 !! {header} !! 主要成果
|-
| 第16届 || 2034年10月30日 || [[某都]] || [[张三]] || [[李四]]<br />[[王五]] || 发表联合宣言
|-
| 第17届 || 2036年7月17日－18日 || [[某城]] || 张三 || 赵六<br />王五 ||
|}}
"""
    found, _ = summits_of(text)
    assert set(found) == {"2034-10-30", "2036-07-17"}
    assert found["2036-07-17"]["participants"] == {"张三", "赵六", "王五"}
    found, _ = summits_of(text.replace(header.split(" !! ")[1], "某委员会"))
    assert found == {}


@pytest.mark.parametrize("body", ["某民族权力机构", "某解放阵线"])
def test_a_bodys_name_after_the_office_in_brackets_is_no_third_person_of_the_pair(body):
    """``法国总统（[[某民族权力机构]]主席）张三与教宗李四之间的多次会面``, the body's office taken up later (接替王五出任
    某民族权力机构主席): a body's name (机构, 阵线) is no person's, so the lead still names the one pair each row of a table
    naming no one is of."""
    text = f"""'''张三与教宗李四会晤'''是指[[法国总统]]（[[{body}]]主席）[[张三]]与[[教宗]][[李四]]之间的多次会面。
== 背景 ==
张三于2031年1月接替[[王五]]出任{body}主席。
== 历次会晤 ==
{{| class="wikitable"
! 日期 !! 地点 !! 要点
|-
| 2033年10月17日 || [[某宫]] || 邀请教宗访问
|-
| 2035年5月16日 || [[某宫]] || 协议文本达成一致
|}}
"""
    found, _ = summits_of(text)
    assert {day: s["participants"] for day, s in found.items()} == {
        "2033-10-17": {"张三", "李四"}, "2035-05-16": {"张三", "李四"}}

def test_a_rows_visit_holds_a_meeting_the_prose_tells_on_its_days():
    text = HOSTS_ONLY + """== 历次访问 ==
2000年5月29日至31日，张三访问乙国，由总理赵六会见并陪同参观。
"""
    found, _ = summits_of(text)
    assert set(found) == {"2000-05-29", "2004-04-19"}  # the premier's meeting is no summit of its own
    assert found["2000-05-29"]["participants"] == {"张三", "李四"}


def test_an_office_of_a_description_or_of_one_day_is_not_carried_to_a_bare_name():
    text = """'''某模式'''是法国与德国领导人的会谈机制。
== 峰会列表 ==
{| class="wikitable"
! 次序 !! 日期 !! 地点 !! 法国 !! 德国
|-
| 1 || 2014年6月6日 || [[某城]] || [[张三]] || [[李四]]
|-
| 2 || 2015年2月11日 || [[某城]] || 张三 || 李四
|}
== 2014 ==
2014年6月6日，法国领导人张三与德国当选总统李四在某城会谈。
"""
    _, extraction = summits_of(text)
    summit_of = {f.value: f.subject for f in extraction.facts if f.prop is Prop.HAS_PARTICIPATION}
    start = {f.subject: f.value.isoformat() for f in extraction.facts if f.prop is Prop.START_DATE}
    roles = {(start[summit_of[f.subject]], f.value.key) for f in extraction.facts if f.prop is Prop.ROLE}
    assert ("2014-06-06", "德国当选总统") in {(day, role.replace("德意志联邦共和国", "德国")) for day, role in roles}
    assert not {role for day, role in roles if day == "2015-02-11"}  # said of 2014 only


def test_a_time_word_before_an_office_is_not_part_of_it():
    text = """'''某模式'''是甲国与乙国领导人的会谈机制。
== 峰会列表 ==
{| class="wikitable"
! 次序 !! 日期 !! 地点 !! 法国 !! 德国
|-
| 1 || 2014年10月17日 || [[某城]] || [[张三]] || [[李四]]
|}
== 2014 ==
2014年6月6日，各国领导人共进午餐，其间[[甲国总统]]张三与[[乙国总理]]李四短暂会谈。
"""
    _, extraction = summits_of(text)
    roles = {f.value.key for f in extraction.facts if f.prop is Prop.ROLE}
    assert "甲国总统" in roles and not any(role.startswith("其间") for role in roles)


def test_a_cell_of_several_stops_gives_the_most_precise_inside_the_cells_flag():
    text = """'''张三与李四会晤列表'''列出甲国主席[[张三]]与乙国总统[[李四]]的会晤。
== 会晤列表 ==
{| class="wikitable"
|+ 张三与李四的会晤
! 日期 !! 地点 !! 备注
|-
| 2018年1月8日－10日 || {{flag|PRC}} [[某城]]、乙城[[某宾馆]] ||
|-
| 2019年3月25日－26日 || {{flag|FRA}} [[甲城]]、[[丙城]][[某宫]] ||
|}
"""
    found, extraction = summits_of(text)
    assert found["2018-01-08"]["venue"] == {"某宾馆"}
    assert found["2019-03-25"]["venue"] == {"某宫"}
    contained = {(f.subject.key, f.value.key) for f in extraction.facts if f.prop is Prop.LOCATED_IN}
    assert ("某宫", "丙城") in contained and ("丙城", "法兰西共和国") in contained


def test_a_row_naming_no_country_lies_in_the_one_the_visits_went_to():
    text = HOSTS_ONLY.replace("|-\\n| 2 ||", "|-\\n| 2 ||")
    found, extraction = summits_of(text.replace("历次访问乙国", "历次访华"))
    venues = {f.subject: f.value.key for f in extraction.facts if f.prop is Prop.VENUE}
    contained = {(f.subject.key, f.value.key) for f in extraction.facts if f.prop is Prop.LOCATED_IN}
    assert ("某城", "中华人民共和国") in contained
    assert "中华人民共和国" in venues.values()  # the row with no place: the country alone
    found, extraction = summits_of(text.replace("历次访问乙国", "与李四的会晤").replace("到乙国的访问", "的会晤"))
    assert not any(f.value.key == "中华人民共和国" for f in extraction.facts if f.prop in (Prop.VENUE, Prop.LOCATED_IN))
    found, extraction = summits_of(text.replace("历次访问乙国", "历次参访法门寺").replace("到乙国的访问", "的参访"))
    assert not any(f.value.key == "法兰西共和国" for f in extraction.facts if f.prop in (Prop.VENUE, Prop.LOCATED_IN))


def test_a_note_saying_who_else_took_part_adds_them_but_not_a_minister():
    text = """'''张三与李四会晤列表'''列出甲国主席[[张三]]与乙国总统[[李四]]的会晤。丙国总理[[王五]]、丁国外交部长[[赵六]]。
== 会晤列表 ==
{| class="wikitable"
|+ 张三与李四的会晤
! 日期 !! 地点 !! 备注
|-
| 2019年3月25日－26日 || [[某城]] || 王五、赵六参加某城会谈
|-
| 2020年3月25日 || [[某城]] || 王五原定出席会谈
|}
"""
    found, _ = summits_of(text)
    assert found["2019-03-25"]["participants"] == {"张三", "李四", "王五"}
    assert found["2020-03-25"]["participants"] == {"张三", "李四"}


def test_an_explanatory_note_saying_who_else_attended_adds_them_a_citation_does_not():
    text = """'''甲乙首脑会晤'''是甲国与乙国领导人的会晤。
== 历次会晤 ==
{| class="wikitable"
! 日期 !! 地点 !! 甲方领导人 !! 乙方领导人 !! 成果
|-
| 1955年7月18日至23日 || [[某城]] || [[张三]] || [[李四]] || 四国首脑会议<ref group="注">丙国首相[[王五]]、丁国总理[[赵六]]亦出席。</ref>
|-
| 1960年5月16日 || [[某城]] || [[张三]] || [[李四]] || 会议破裂<ref>注：[[孙七]]亦出席。</ref>
|}
{{reflist|group=注}}
"""
    found, _ = summits_of(text)
    assert found["1955-07-18"]["participants"] == {"张三", "李四", "王五", "赵六"}
    assert found["1960-05-16"]["participants"] == {"张三", "李四"}


def test_representatives_in_a_row_are_no_leaders():
    text = """'''某会议列表'''列出同盟国的会议。
== 会议列表 ==
{| class="wikitable"
! 名称 !! 城市 !! 日期 !! 主要参与者
|-
| 第一次会议 || [[某城]] || 1941年9月24日 || [[张三]]、[[李四]]、王五及8个流亡政府
|-
| 第二次会议 || [[某城]] || 1943年8月11日－24日 || [[赵六]]、[[孙七]]，[[周八]]代表甲国
|}
"""
    found, _ = summits_of(text)
    assert set(found) == {"1943-08-11"}
    assert found["1943-08-11"]["participants"] == {"赵六", "孙七"}


def test_a_note_cell_gives_the_documents_it_says_were_signed_or_issued():
    text = """'''某模式'''是法国与德国领导人的会谈机制。
== 峰会列表 ==
{| class="wikitable"
! 次序 !! 日期 !! 地点 !! 法国 !! 德国 !! 备注
|-
| 1 || 2015年2月11日－12日 || [[某城]] || [[张三]] || [[李四]] || 通宵谈判，达成《[[某城协议]]》
|-
| 2 || 2019年12月9日 || [[某城]] || 张三 || 李四 || 时隔三年重启；发表共同声明
|-
| 3 || 2020年12月9日 || [[某城]] || 张三 || 李四 || 双方重申遵守《某城协议》；《甲乙宣言》发表一周年
|-
| 4 || 2021年1月9日 || [[某城]] || 张三 || 李四 || rowspan="2" | 签署《某城条约》
|-
| 5 || 2022年1月9日 || [[某城]] || 张三 || 李四
|}
"""
    found, _ = summits_of(text)
    assert found["2015-02-11"]["outcomes"] == {"某城协议"}
    assert len(found["2019-12-09"]["outcomes"]) == 1
    assert found["2020-12-09"]["outcomes"] == set()
    assert found["2021-01-09"]["outcomes"] == {"某城条约"}
    assert found["2022-01-09"]["outcomes"] == set()  # the note is the row's it is written in


ROWS_THAT_ARE_NO_MEETING = """'''甲乙首脑会晤'''是甲国与乙国领导人的会晤。
== 历次会晤 ==
{| class="wikitable"
! 日期 !! 地点 !! 甲方 !! 乙方 !! 形式 !! 备注
|-
| 2011年5月31日至6月1日 || [[某城]] || [[张三]] || [[李四]] || 国事访问 ||
|-
| 2012年5月31日 || — || [[张三]] || [[李四]] || 电话会谈 ||
|-
| {{dts|2013|5|20}} || — || [[张三]] || [[李四]] || 视频会晤 ||
|-
| 2014年5月20日 || [[某城]] || [[张三]] || [[李四]] || 峰会 || 原定举行，后因故取消
|-
| 2015年5月20日 || [[某城]] || [[王五]] || [[赵六]] || 外长会谈 ||
|-
| 2016年7月1日 || 视频会议 || [[张三]] || [[李四]] || ||
|}
"""


def test_a_row_of_a_call_a_cancelled_meeting_or_ministers_talks_is_no_summit():
    found, extraction = summits_of(ROWS_THAT_ARE_NO_MEETING)
    assert set(found) == {"2011-05-31"} and found["2011-05-31"]["end"] == "2011-06-01"  # across months
    said = [issue.message for issue in extraction.issues if "no summit made" in issue.message]
    assert any("电话" in m for m in said) and any("取消" in m for m in said) and any("外长会谈" in m for m in said)
    assert any("视频会议" in m for m in said)  # a 地点 cell that names a video link, not a place


def test_a_year_in_a_column_of_its_own_dates_the_days_of_the_next():
    text = """'''甲乙首脑会晤'''是甲国与乙国领导人的会晤。
== 历次会晤 ==
{| class="wikitable"
! 年份 !! 日期 !! 地点 !! 甲方 !! 乙方
|-
| rowspan="2" | 2011年 || 5月20日－26日 || [[某城]] || [[张三]] || [[李四]]
|-
| 8月25日 || [[某城]] || [[张三]] || [[李四]]
|-
| 2012 || 5月31日至6月1日 || [[某城]] || [[张三]] || [[李四]]
|-
| 2013 || 5月 || [[某城]] || [[张三]] || [[李四]]
|}
"""
    found, _ = summits_of(text)
    assert {start: s["end"] for start, s in found.items()} == {
        "2011-05-20": "2011-05-26", "2011-08-25": "2011-08-25", "2012-05-31": "2012-06-01"}


def test_an_office_in_brackets_after_a_name_is_its_role_as_the_article_names_it():
    text = """'''甲乙首脑会晤'''是甲国与乙国领导人的会晤。2011年，乙国当选总统[[李四]]就职。
== 历次会晤 ==
{| class="wikitable"
! 日期 !! 地点 !! 与会领导人
|-
| 2011年5月20日 || [[某城]] || [[张三]]（甲国总统）、[[李四]]（当选总统）
|-
| 2012年5月20日 || [[某城]] || 王五（国务院副总理）、[[李四]]
|}
"""
    found, extraction = summits_of(text)
    assert set(found) == {"2011-05-20", "2012-05-20"}  # the row's bracket says who they were, it drops no one
    roles = {f.value.key for f in extraction.facts if f.prop is Prop.ROLE}
    assert {"甲国总统", "乙国当选总统", "国务院副总理"} <= roles and "当选总统" not in roles


def test_a_column_of_visitors_met_the_host_the_caption_names_and_an_absent_one_is_none():
    text = """'''李四会见外国领导人列表'''列出乙国主席[[李四]]会见的外国领导人。
== 列表 ==
{| class="wikitable"
|+ 李四会见的外国领导人
! 日期 !! 地点 !! 来访领导人
|-
| 2011年5月20日 || [[某城]] || [[张三]]
|-
| 2012年5月20日 || [[某城]] || [[王五]]（未出席）
|}
"""
    found, _ = summits_of(text)
    assert set(found) == {"2011-05-20"} and found["2011-05-20"]["participants"] == {"张三", "李四"}


def test_a_table_under_a_years_heading_takes_its_year_for_days_without_one():
    text = """'''甲乙首脑会晤'''是甲国与乙国领导人的会晤。
== 2011年 ==
{| class="wikitable"
! 日期 !! 地点 !! 甲方 !! 乙方
|-
| 5月20日－26日 || [[某城]] || [[张三]] || [[李四]]
|-
| 2012年1月3日 || [[某城]] || [[张三]] || [[李四]]
|}
== 会晤 ==
{| class="wikitable"
! 日期 !! 地点 !! 甲方 !! 乙方
|-
| 8月25日 || [[某城]] || [[张三]] || [[李四]]
|}
"""
    found, _ = summits_of(text)
    assert set(found) == {"2011-05-20", "2012-01-03"}  # a heading without a year dates nothing


def roles_by_person(extraction):
    agent = {f.subject: f.value.key for f in extraction.facts if f.prop is Prop.AGENT}
    out = {}
    for f in extraction.facts:
        if f.prop is Prop.ROLE and f.subject in agent:
            out.setdefault(agent[f.subject], set()).add(f.value.key)
    return out


def test_a_column_headed_by_an_office_gives_each_of_its_people_that_office():
    text = """'''甲乙丙领导人会议'''是甲国、乙国、丙国三国领导人会议。
== 历次会议 ==
{| class="wikitable"
! 次序 !! 日期 !! 举办地 !! 甲国总理 !! 乙国首相 !! 丙国领导人
|-
| 第一次 || 2008年12月13日 || [[某城]] || rowspan="2" | [[张三]] || [[李四]] || [[王五]]
|-
| 第二次 || 2009年10月10日 || [[某城]] || [[赵六]] || 孙七（总统）
|}
"""
    found, extraction = summits_of(text)
    assert found["2009-10-10"]["participants"] == {"张三", "赵六", "孙七"}  # three sides, one spread down
    roles = roles_by_person(extraction)
    assert roles["张三"] == {"甲国总理"} and roles["李四"] == roles["赵六"] == {"乙国首相"}
    assert roles["孙七"] == {"总统"}  # the row's own bracket; 丙国领导人 describes, it is no office
    assert "王五" not in roles


def test_a_host_column_holds_the_host_who_met_the_others():
    text = """'''甲乙丙峰会'''是三国领导人的峰会。[[乔治·W·张]]是甲国总统。
== 历届峰会 ==
{| class="wikitable"
! 年份 !! 日期 !! 地点 !! 东道主 !! 其他与会领袖
|-
| 2005 || 3月23日 || [[某城]] || [[乔治·W·张]] || [[李四]]、[[王五]]
|-
| 2006 || 3月31日 || [[某镇]] || 李四 || 乔治·W·张、王五
|}
"""
    found, _ = summits_of(text)
    assert found["2005-03-23"]["participants"] == {"乔治·W·张", "李四", "王五"}
    assert found["2006-03-31"]["participants"] == {"乔治·W·张", "李四", "王五"}  # a known name needs no link


def test_a_leader_the_prose_took_for_a_place_is_a_person_where_the_row_gives_an_office():
    text = """'''甲乙首脑会晤'''是甲国与乙国领导人的会晤。
== 会晤列表 ==
{| class="wikitable"
! 日期 !! 地点 !! 甲方 !! 乙方
|-
| 2014年5月27日 || [[某城]] || [[张三]]（总理） || [[李四]]（总理）
|-
| 2015年12月25日 || [[某镇]] || 张三（总理） || 李四（总理）
|}
== 经过 ==
2015年12月25日，张三突然前往李四的私人住所。
"""
    found, extraction = summits_of(text)
    assert found["2014-05-27"]["participants"] == found["2015-12-25"]["participants"] == {"张三", "李四"}
    assert not any(e.id.kind is Kind.PLACE and e.id.key == "李四" for e in extraction.entities)


def test_a_site_after_a_comma_lies_in_the_place_before_it():
    text = """'''甲乙首脑会晤'''是甲国与乙国领导人的会晤。
== 会晤列表 ==
{| class="wikitable"
! 日期 !! 地点 !! 甲方 !! 乙方
|-
| 2005年4月16日 || {{flagicon|USA}} [[某城]]，[[某宫]] || [[张三]] || [[李四]]
|-
| 2004年1月5日 || 某城，总统官邸 || [[张三]] || [[李四]]
|-
| 2006年1月5日 || [[某城]]，[[某镇]] || [[张三]] || [[李四]]
|}
"""
    found, extraction = summits_of(text)
    contained = {(f.subject.key, f.value.key) for f in extraction.facts if f.prop is Prop.LOCATED_IN}
    assert found["2005-04-16"]["venue"] == {"某宫"} and ("某宫", "某城") in contained
    assert found["2004-01-05"]["venue"] == {"总统官邸 (某城)"} and ("总统官邸 (某城)", "某城") in contained
    assert ("某镇", "某城") not in contained  # two towns after a comma are two stops, not one in the other


NOTES = """'''甲乙丙峰会'''是甲国总统、乙国总理和丙国总统的三边峰会。
== 历届峰会 ==
{| class="wikitable"
! 年份 !! 日期 !! 地点 !! 东道主 !! 其他与会领袖 !! 备注
|-
| 2009 || 8月9日－10日 || [[某城]] || [[张三]] || [[李四]]、[[王五]] || 第五届<ref group="注">三国领袖于8月9日陆续抵达某城。根据日程，张三将于9日下午分别与李四和王五举行双边会谈。</ref>
|-
| 2010 || colspan="3" | 未举行 || 原定由乙国主办
|-
| 2016 || 6月29日 || [[某镇]] || [[李四]] || [[张三]]、[[王五]] || <ref group="注">峰会前一日（6月28日），李四与王五举行了双边会谈，乙国宣布取消签证要求。</ref>
|-
| 2023 || 1月10日 || [[某村]] || [[王五]] || [[张三]]、[[李四]] || <ref group="注">1月9日，张三先与王五举行双边会谈。</ref><ref group="注">1月10日，三人在某宫会谈。</ref><ref>赵六与张三举行会谈，{{cite news |title=2023年1月8日}}</ref>
|}
"""


def test_a_bare_ordinal_in_a_note_column_numbers_the_rows_meeting():
    _, extraction = summits_of(NOTES)
    start = {f.subject: f.value.isoformat() for f in extraction.facts if f.prop is Prop.START_DATE}
    numbered = {start[f.subject]: f.value for f in extraction.facts if f.prop is Prop.ORDINAL}
    assert numbered == {"2009-08-09": 5}


def test_the_number_a_rows_own_cell_gives_its_meeting_stays_over_the_one_the_prose_says_of_the_meeting_before():
    """A row's 形式 cell numbers its meeting (甲乙丙三国元首第七次会晤); the prose of that day goes on to the
    meeting before it (三国元首第六次会晤于某年在某城举行): its number is not this summit's, which would hold two."""
    text = ("'''2035年甲国领导人双边会见'''是指[[甲国]]国家主席[[张三]]于2035年9月在[[某城]]出席纪念活动期间举行的双边会见。\n\n"
            "== 会见列表 ==\n{| class=\"wikitable\"\n! 日期 !! 会见对象 !! 形式\n|-\n"
            "| 9月2日 || 乙国总统[[李四]] || 会谈\n|-\n"
            "| 9月3日 || 乙国总统[[李四]]、丙国总统[[王五]] || 甲乙丙三国元首第七次会晤\n|}\n\n"
            "== 经过 ==\n9月3日，张三在[[某宫]]同李四、王五举行甲乙丙三国元首第七次会晤。"
            "三国元首第六次会晤于2034年7月在[[另城]]举行。\n")
    extraction = extract(parse(Page(text=text, origin="t", title="2035年甲国领导人双边会见")))
    start = {f.subject: f.value.isoformat() for f in extraction.facts if f.prop is Prop.START_DATE}
    numbered = [(start[f.subject], f.value) for f in extraction.facts if f.prop is Prop.ORDINAL]
    assert numbered == [("2035-09-03", 7)]


def test_a_note_telling_a_meeting_of_the_rows_leaders_on_another_day_is_a_summit_of_its_own():
    found, _ = summits_of(NOTES)
    assert found["2016-06-28"]["participants"] == {"李四", "王五"}  # the visa news after it is not of the talks
    assert found["2023-01-09"]["participants"] == {"张三", "王五"}
    assert set(found) == {"2009-08-09", "2016-06-28", "2016-06-29", "2023-01-09", "2023-01-10"}
    # the 2009 note is a schedule (将于), the 2023 talks on the row's day are the row's, and a
    # citation is no note; a row not held gives nothing


def test_a_bare_name_takes_the_office_given_last_before_its_row_or_in_the_capacity_said():
    text = """'''法德会晤'''列出法国与德国领导人的会晤。
== 会晤列表 ==
{| class="wikitable"
! 次序 !! 日期 !! 地点 !! 法方 !! 德方
|-
| 1 || 2014年6月6日 || [[某城]] || [[张三]] || [[李四]]（当选总统）
|-
| 2 || 2014年10月17日 || [[某城]] || 张三 || 李四
|-
| 3 || 2015年2月11日 || [[某镇]] || 张三 || 李四
|-
| 4 || 2016年2月11日 || [[某村]] || [[王五]] || 李四
|}
== 经过 ==
2014年6月6日，法国总理张三与德国当选总统李四会谈。
2014年10月17日，张三与德国总统李四会谈。
2016年2月11日，王五应李四邀请访问德国，这是他首次以法国社会党第一书记身份出访。
"""
    roles = roles_of_the_summits(text)
    assert ("2015-02-11", "李四", "德意志联邦共和国总统") in roles  # still president: 当选总统 was of its day only
    assert ("2015-02-11", "张三", "法兰西共和国总理") in roles
    assert ("2016-02-11", "王五", "法国社会党第一书记") in roles  # 李四 is German: the office is not his
    assert not any(day == "2015-02-11" and who == "李四" and "当选" in office for day, who, office in roles)


def test_an_office_the_article_gives_only_for_a_later_day_is_not_carried_back_to_a_row():
    text = """'''法德会晤'''列出法国与德国领导人的会晤。
== 会晤列表 ==
{| class="wikitable"
! 日期 !! 地点 !! 法方 !! 德方
|-
| 2016年6月29日 || [[某城]] || [[张三]] || [[李四]]
|}
== 其后 ==
2024年5月16日，法国总理张三表示将争取再次会晤。
"""
    _, extraction = summits_of(text)
    assert not any(f.prop is Prop.ROLE for f in extraction.facts)  # 2024's office says nothing of 2016
    _, extraction = summits_of(text.replace("2024年5月16日", "2015年5月16日"))
    assert any(f.prop is Prop.ROLE and f.value.key == "法兰西共和国总理" for f in extraction.facts)


def test_a_bare_name_with_no_dated_office_takes_the_office_the_article_gives_nearest_its_row():
    text = """'''甲乙总理会晤'''是甲国与乙国总理的定期会晤。
== 会晤列表 ==
{| class="wikitable"
! 次序 !! 日期 !! 地点 !! 甲方 !! 乙方
|-
| 1 || 2013年10月22日 || [[某城]] || [[张三]] || [[李四]]
|}
== 2008年 ==
2008年，张三访问乙国。访问期间，张三还会见了乙国总统李四。
== 2013年 ==
张三与李四举行会谈<ref>{{cite news |title=张三与乙国总理李四举行会谈 |date=2013-10-22}}</ref>。
"""
    _, extraction = summits_of(text)
    roles = {f.value.key for f in extraction.facts if f.prop is Prop.ROLE}
    assert roles == {"乙国总理"}  # a source of the row's year calls him premier; 2008's president is no longer


def test_a_cell_saying_only_not_held_in_any_column_makes_no_summit():
    text = """'''张三与李四会晤列表'''列出甲国主席[[张三]]与乙国总统[[李四]]的会晤。
== 会晤列表 ==
{| class="wikitable"
|+ 张三与李四的会晤
! 日期 !! 地点 !! 成果
|-
| 2018年1月8日 || [[某城]] || 《某宣言》
|-
| 2019年3月25日 || colspan="2" | 取消（因疫情）
|-
| 2020年3月25日 || [[某镇]] || 取消关税
|}
"""
    found, _ = summits_of(text)
    assert set(found) == {"2018-01-08", "2020-03-25"}  # 取消关税 is an outcome, not a cancellation


def test_an_office_header_with_a_gloss_and_a_cell_of_two_known_names():
    text = """'''甲乙丙会议'''是日本首相[[张三]]、甲国总统[[李四]]和乙国总理[[王五]]的会议。
== 历次会议 ==
{| class="wikitable"
! 日期 !! 地点 !! 日本首相<br />（内阁总理大臣） !! 其他与会领导人
|-
| 2008年12月13日 || [[某城]] || [[张三]] || 李四与王五
|}
"""
    found, extraction = summits_of(text)
    assert found["2008-12-13"]["participants"] == {"张三", "李四", "王五"}
    assert roles_by_person(extraction)["张三"] == {"日本国首相"}  # the gloss in brackets is no part of it


def test_a_plain_place_cell_beginning_with_a_state_is_read_big_to_small_inside_it():
    text = """'''甲乙穿梭外交'''是[[日本]]与[[大韩民国|韩国]]领导人互访的机制。
== 历史 ==
2004年7月21日，[[张三]]抵达[[某岛]]，在[[某镇市]]的一家酒店与[[李四]]会谈。
== 一览 ==
{| class="wikitable"
! 日期 !! 地点 !! 韩国领导人 !! 日本领导人
|-
| 2004年7月21日 || 韩国某岛某镇 || [[李四]] || [[张三]]
|-
| 2008年4月20日 || 日本东京 || [[李四]] || [[张三]]
|-
| 2009年1月11日 || 美国驻某国大使馆 || [[李四]] || [[张三]]
|}
"""
    found, extraction = summits_of(text)
    contained = {(f.subject.key, f.value.key) for f in extraction.facts if f.prop is Prop.LOCATED_IN}
    assert found["2004-07-21"]["venue"] == {"某镇市"}  # 某镇 is the article's [[某镇市]]
    assert {("某镇市", "某岛"), ("某岛", "大韩民国")} <= contained
    assert found["2008-04-20"]["venue"] == {"东京"} and ("东京", "日本国") in contained  # the gazetteer's town
    assert found["2009-01-11"]["venue"] == {"美国驻某国大使馆"}  # an embassy is not in its own state


def test_a_linked_office_then_a_plain_name_is_that_person_holding_it_down_a_rowspan():
    text = """'''甲乙首脑会谈'''是甲国与乙国最高领导人之间的会晤，[[甲国委员长]][[张三]]与[[乙国总统]][[李四]]共会晤两次。
== 历次会晤 ==
{| class="wikitable"
! 次序 !! 日期 !! 地点 !! 甲国领导人 !! 乙国领导人 !! 成果
|-
| 1 || 2018年6月12日 || [[某城]] || rowspan="2" | [[甲国委员长|委员长]]张三 || rowspan="2" | [[乙国总统|总统]]李四 || 签署《[[某城联合声明]]》
|-
| 2 || 2019年2月27日－28日 || [[某都]] || 未达成协议
|}
"""
    found, extraction = summits_of(text)
    assert found["2018-06-12"]["participants"] == found["2019-02-27"]["participants"] == {"张三", "李四"}
    roles = roles_by_person(extraction)
    assert roles["张三"] == {"甲国委员长"} and roles["李四"] == {"乙国总统"}


def test_a_number_column_counting_rounds_numbers_each_rows_meeting():
    text = """'''甲乙总理年度会晤'''是甲国总理与乙国总理之间的定期会晤机制。
== 历次会晤 ==
{| class="wikitable"
! 次序 !! 日期 !! 地点 !! 甲方 !! 乙方
|-
| 第一轮 || 2013年4月9日 || [[某城]] || [[张三]] || [[李四]]
|-
| 第十轮 || 2025年7月15日 || [[某镇]] || [[王五]] || [[李四]]
|}
"""
    _, extraction = summits_of(text)
    start = {f.subject: f.value.isoformat() for f in extraction.facts if f.prop is Prop.START_DATE}
    numbered = {start[f.subject]: f.value for f in extraction.facts if f.prop is Prop.ORDINAL}
    assert numbered == {"2013-04-09": 1, "2025-07-15": 10}


def test_a_rounds_column_headed_lunci_numbers_each_rows_meeting_but_a_column_of_notes_does_not():
    text = """'''甲乙政府磋商'''是甲國總理與乙國總理之間的定期磋商機制。
== 歷次磋商 ==
{| class="wikitable"
! 輪次 !! 日期 !! 地點 !! 甲方 !! 乙方
|-
| 首輪 || 2033年4月9日 || [[某城]] || [[張三]] || [[李四]]
|-
| 第二輪 || 2035年7月15日 || [[某鎮]] || [[王五]] || [[李四]]
|}
"""
    _, extraction = summits_of(text)
    start = {f.subject: f.value.isoformat() for f in extraction.facts if f.prop is Prop.START_DATE}
    numbered = {start[f.subject]: f.value for f in extraction.facts if f.prop is Prop.ORDINAL}
    assert numbered == {"2033-04-09": 1, "2035-07-15": 2}
    _, unnumbered = summits_of(text.replace("! 輪次 !!", "! 備註 !!").replace("| 首輪 ||", "| 會談 ||")
                               .replace("| 第二輪 ||", "| 會談 ||"))
    assert len({f.subject for f in unnumbered.facts if f.prop is Prop.START_DATE}) == 2
    assert not [f for f in unnumbered.facts if f.prop is Prop.ORDINAL]


def test_a_row_dated_by_a_month_alone_numbers_the_one_meeting_the_prose_tells_in_that_month():
    text = """'''甲乙总理年度会晤'''是甲国总理与乙国总理之间的定期会晤机制。
== 历史 ==
2023年11月4日至7日，乙国总理[[李四]]对甲国进行正式访问。11月6日，甲国总理[[张三]]在[[某城]]同李四举行年度会晤。

2024年5月，张三再次会见李四。
== 历次会晤 ==
{| class="wikitable"
! 次序 !! 日期 !! 地点 !! 甲方 !! 乙方
|-
| 第一轮 || 2013年4月9日 || [[某城]] || [[张三]] || [[李四]]
|-
| 第八轮 || 2023年11月 || 某城 || 张三 || 李四
|-
| 第九轮 || 2024年5月 || 某镇 || 张三 || 李四
|}
"""
    _, extraction = summits_of(text)
    start = {f.subject: f.value.isoformat() for f in extraction.facts if f.prop is Prop.START_DATE}
    numbered = {start[f.subject]: f.value for f in extraction.facts if f.prop is Prop.ORDINAL}
    assert numbered["2013-04-09"] == 1
    assert [n for day, n in numbered.items() if day.startswith("2023-11")] == [8]
    assert 9 not in numbered.values()  # no meeting told with a day in that month


def test_a_list_mark_inside_brackets_does_not_split_the_cell():
    text = """'''甲乙会'''是甲党前主席[[张三]]与乙党总书记[[李四]]的会谈。
== 历次会面 ==
{| class="wikitable"
! 次序 !! 日期 !! 地点 !! 领导人
|-
| 第一次 || 2013年2月25日 || [[某城]] || 张三（甲党荣誉主席）、李四（乙党总书记）
|-
| 第二次 || 2014年2月18日 || [[某城]] || 张三、李四（乙党总书记、国家主席）
|-
| 第三次 || 2015年9月1日 || [[某城]] || 张三(甲党荣誉主席, 前副总统)、[[李四]]
|}
"""
    found, extraction = summits_of(text)
    assert set(found) == {"2013-02-25", "2014-02-18", "2015-09-01"}  # the offices' 、 lists no one
    roles = {f.value.key for f in extraction.facts if f.prop is Prop.ROLE}
    assert "乙党总书记" in roles and not any("、" in role for role in roles)  # the first office listed
    assert found["2014-02-18"]["participants"] == {"张三", "李四"}
    assert found["2015-09-01"]["participants"] == {"张三", "李四"}


def test_two_rows_of_one_day_inside_a_visit_fold_into_one_summit_that_keeps_the_rows_day():
    # the rows' summits, both stated by a row, fold into one; a row's days stand (the fold gave the
    # first one a new participant, and it was then dated by the visit from a sentence it did not have)
    text = """'''2031年林默访问戊国'''是丙国总统[[林默]]于2031年4月21日至25日对戊国进行的国事访问。

== 会晤 ==
{| class="wikitable"
! 日期 !! 地点 !! 丙方 !! 戊方
|-
| 2031年4月22日 || 戊都 || [[林默]] || 戊国总统[[高原]]
|-
| 2031年4月22日 || 戊都 || [[林默]] || 戊国总理[[石川]]
|}
"""
    found, _ = summits_of(text)
    assert set(found) == {"2031-04-22"}
    assert found["2031-04-22"]["end"] == "2031-04-22"
    assert found["2031-04-22"]["participants"] == {"林默", "高原", "石川"}


def test_an_office_glued_to_a_long_name_in_parts_is_no_part_of_the_name():
    text = """'''甲乙首脑会晤'''是甲国与乙国领导人的会晤。
== 历次会晤 ==
{| class="wikitable"
! 日期 !! 地点 !! 甲方领导人 !! 乙方领导人
|-
| 2023年4月22日 || [[某城]] || [[张三]] || 总统马塞洛·某雷贝·德某萨
|-
| 2023年4月25日 || [[某城]] || [[张三]] || 总统马某·某乙
|}
"""
    found, _ = summits_of(text)
    assert found["2023-04-22"]["participants"] == {"张三", "马塞洛·某雷贝·德某萨"}  # eleven characters, the office cut off
    assert found["2023-04-25"]["participants"] == {"张三", "马某·某乙"}


CAME_AS = """'''张三访问乙国'''是甲国首相[[张三]]对[[乙国]]的访问。
== 概览 ==
{| class="wikitable"
|+ 张三访问乙国一览
! 次序 !! 日期 !! 地点 !! 乙方领导人 !! 身分 !! 要点
|-
| 1 || 2022年4月9日 || [[某城]] || [[李四]] || 甲国首相 || 会谈
|-
| 2 || 2022年8月24日 || [[某城]] || [[李四]] || 甲国看守首相 || 会谈
|-
| — || 2023年1月22日 || [[某城]] || [[李四]] || 前首相 || 私人访问
|-
| — || 2024年11月24日 || [[某城]] || [[李四]] || || 以外长身份访问
|}
"""


def test_a_row_whose_visitor_came_out_of_office_or_below_the_top_is_no_summit():
    found, _ = summits_of(CAME_AS)
    assert set(found) == {"2022-04-09", "2022-08-24"}  # a caretaker is still in office
    assert found["2022-08-24"]["participants"] == {"张三", "李四"}


@pytest.mark.parametrize("standing", ["前首相、某党首相候选人", "前首相/总理候选人"])
def test_a_row_listing_its_visitors_standings_one_out_of_office_is_no_summit(standing):
    """``前总统、共和党总统候选人``: a cell listing the standings the visitor came in; one below the top or out of office
    makes the row no summit, as it alone would."""
    found, _ = summits_of(CAME_AS.replace("|| 前首相 ||", f"|| {standing} ||"))
    assert set(found) == {"2022-04-09", "2022-08-24"}


def test_a_list_in_a_clause_of_a_rows_note_tells_no_standing():
    """``同意由两国外长、外交秘书恢复接触``: a list inside a clause, not the standings the visitor came in."""
    found, _ = summits_of(CAME_AS.replace("|| 前首相 ||", "|| 同意由两国外长、外交秘书恢复接触 ||"))
    assert set(found) == {"2022-04-09", "2022-08-24", "2023-01-22"}


MET_ONE_SIDE = """'''张三访问乙国'''是指甲国总理[[张三]]任内对[[乙国]]的访问。
== 主要访问 ==
{| class="wikitable"
! 日期 !! 地点 !! 会晤对象 !! 备注
|-
| 2006年1月16日 || [[某城]] || 总统[[李四]] || 首次访问
|-
| 2007年1月21日 || [[某镇]] || 总统李四 ||
|}
"""


def test_a_column_of_whom_the_visitor_met_holds_the_hosts_of_the_one_leader_the_article_is_about():
    found, _ = summits_of(MET_ONE_SIDE)
    assert {day: summit["participants"] for day, summit in found.items()} == {
        "2006-01-16": {"张三", "李四"}, "2007-01-21": {"张三", "李四"}}


def test_a_column_headed_by_one_states_office_holds_the_hosts_of_the_visitor_the_caption_names():
    text = MET_ONE_SIDE.replace("! 日期 !! 地点 !! 会晤对象 !! 备注", "|+ 张三与法国总统的会谈\n! 日期 !! 地点 !! 法国总统 !! 备注") \
        .replace("总统[[李四]]", "[[李四]]").replace("总统李四", "[[王五]]")
    found, _ = summits_of(text)
    assert {day: summit["participants"] for day, summit in found.items()} == {
        "2006-01-16": {"张三", "李四"}, "2007-01-21": {"张三", "王五"}}


def test_a_column_of_all_who_met_or_of_an_office_below_a_states_top_takes_no_visitor():
    for header in ("与会者", "法国副总统"):
        found, _ = summits_of(MET_ONE_SIDE.replace("会晤对象", header))
        assert found == {}, header


def test_the_number_column_of_one_tours_stops_numbers_no_meeting_that_of_a_series_does():
    tour = """'''张三出访'''是指甲国总统[[张三]]2024年12月对乙国和丙国的访问。
== 行程 ==
{| class="wikitable"
! 次序 !! 日期 !! 地点 !! 会晤对象
|-
| 1 || 2024年12月3日—4日 || [[某城]] || 总统[[李四]]
|-
| 2 || 2024年12月5日 || [[某镇]] || 总理[[王五]]
|}
"""
    _, extraction = summits_of(tour)
    start = {f.subject: f.value.isoformat() for f in extraction.facts if f.prop is Prop.START_DATE}
    assert sorted(start.values()) == ["2024-12-03", "2024-12-05"]
    assert [f for f in extraction.facts if f.prop is Prop.ORDINAL] == []
    _, extraction = summits_of(tour.replace("2024年12月5日", "2025年12月5日"))  # a year apart: a series
    start = {f.subject: f.value.isoformat() for f in extraction.facts if f.prop is Prop.START_DATE}
    numbered = {start[f.subject]: f.value for f in extraction.facts if f.prop is Prop.ORDINAL}
    assert numbered == {"2024-12-03": 1, "2025-12-05": 2}


def test_the_capacity_a_visitor_came_in_on_one_day_is_not_carried_to_later_rows():
    text = """'''张三与乙国总统会谈'''是指甲国领导人[[张三]]任内与乙国总统的会谈。
== 会谈列表 ==
{| class="wikitable"
! 日期 !! 地点 !! 会谈对象 !! 性质
|-
| 1961年11月14日 || [[某城]] || [[李四]] || 张三以甲国总理身份访问
|-
| 1965年5月17日 || [[某城]] || [[王五]] || 国事访问
|}
"""
    roles = roles_of_the_summits(text)
    assert {(day, who) for day, who, _ in roles} == {("1961-11-14", "张三")}
    assert roles == {("1961-11-14", "张三", "甲国总理")}


ROUND_OF_TALKS = """'''2034年甲国总理就职典礼'''是指甲国总理[[张三]]于2034年5月6日在[[某都]]宣誓就职的仪式，[[丙国]]前总统[[孙七]]出席。
== 双边会谈 ==
5月7日，甲国总理[[张三]]在某都同出席典礼的各国领导人分别举行会谈：
{| class="wikitable"
! 日期 !! 国家 !! 会谈对象
|-
| 5月7日 || 乙国 || [[乙国总统|总统]][[李四]]
|-
| 5月7日 || 丁国 || [[丁国总理|总理]][[王五]]
|}
"""


def meetings_of(text):
    """{(first day, who met)} of the summits the article gives, two of one day apart."""
    _, extraction = summits_of(text)

    def about(entity, prop):
        return {f.value for f in extraction.facts if f.subject == entity.id and f.prop is prop}

    return {(min(about(e, Prop.START_DATE)).isoformat(), frozenset(p.key for p in about(e, Prop.PARTICIPANT)))
            for e in extraction.entities if e.id.kind is Kind.SUMMIT}


def test_a_table_of_days_without_a_year_is_of_the_year_of_the_days_the_lead_dates():
    assert meetings_of(ROUND_OF_TALKS) == {("2034-05-07", frozenset({"张三", "李四"})),
                                           ("2034-05-07", frozenset({"张三", "王五"}))}


def test_a_row_far_from_the_days_the_lead_dates_takes_no_year_from_it():
    text = ROUND_OF_TALKS.replace("| 5月7日 || 乙国", "| 11月20日 || 乙国").replace("5月7日，甲国总理", "甲国总理")
    found = meetings_of(text)
    assert found == {("2034-05-07", frozenset({"张三", "王五"}))}


def test_a_sentence_before_the_table_that_tells_no_meeting_names_no_visitor():
    found = meetings_of(ROUND_OF_TALKS.replace("5月7日，甲国总理[[张三]]在某都同出席典礼的各国领导人分别举行会谈：",
                                               "下表列出出席甲国总理[[张三]]就职典礼的各国领导人："))
    assert found == set()


def test_the_one_leader_a_sentence_ending_in_a_colon_names_met_each_host_of_the_table_after_it():
    text = ROUND_OF_TALKS.replace("| 5月7日 ||", "| 2034年5月7日 ||")  # the first sentence names two people
    assert meetings_of(text) == {("2034-05-07", frozenset({"张三", "李四"})), ("2034-05-07", frozenset({"张三", "王五"}))}


def test_rows_that_place_their_meeting_nowhere_were_held_where_the_sentence_introducing_the_table_says():
    text = ROUND_OF_TALKS.replace("同出席典礼", "[[某宫]]同出席典礼").replace("! 日期 !! 国家 !! 会谈对象", "! 日期 !! 备注 !! 会谈对象")
    found, _ = summits_of(text)
    assert found["2034-05-07"]["venue"] == {"某宫"}


def test_a_row_that_places_its_meeting_keeps_its_own_place():
    text = ROUND_OF_TALKS.replace("同出席典礼", "[[某宫]]同出席典礼").replace("! 日期 !! 国家 !! 会谈对象", "! 日期 !! 地点 !! 会谈对象")
    text = text.replace("| 5月7日 || 乙国 ||", "| 5月7日 || [[某馆]] ||").replace("| 5月7日 || 丁国 ||", "| 5月7日 || [[某馆]] ||")
    found, _ = summits_of(text)
    assert found["2034-05-07"]["venue"] == {"某馆"}


def test_a_prime_minister_who_serves_under_a_president_heading_the_government_is_no_top_leader():
    # 国务总理: the premier of a state whose president heads the government, met at a round of talks
    text = ROUND_OF_TALKS.replace("[[丁国总理|总理]][[王五]]", "[[丁国国务总理|国务总理]][[王五]]")
    assert meetings_of(text) == {("2034-05-07", frozenset({"张三", "李四"}))}



def test_a_host_named_only_as_sworn_in_meets_each_guest_of_a_table_of_guests():
    text = """'''2034年张三宣誓就职典礼'''是指[[张三]]于2034年5月26日在[[甲都]]宣誓就任第9任[[甲国总理]]的仪式。
== 双边会谈 ==
5月27日，张三在[[甲都]][[某宫]]同出席典礼的各国领导人分别举行双边会谈：
{| class="wikitable"
! 日期 !! 国家 !! 会谈对象
|-
| 5月27日 || {{flag|乙国}} || [[乙国总统|总统]][[李四]]
|-
| 5月27日 || {{flag|丙国}} || [[丙国总理|总理]][[王五]]
|}
"""
    found, _ = summits_of(text)
    assert found["2034-05-27"]["participants"] in ({"张三", "李四"}, {"张三", "王五"})
    extraction = extract(parse(Page(text=text, origin="t", title="2034年张三宣誓就职典礼")))
    pairs = {frozenset(f.value.key for f in extraction.facts if f.prop is Prop.PARTICIPANT and f.subject == s)
             for s in {f.subject for f in extraction.facts if f.prop is Prop.PARTICIPANT}}
    assert pairs == {frozenset({"张三", "李四"}), frozenset({"张三", "王五"})}
    assert "甲都" not in {e.id.key for e in extraction.entities if e.id.kind is Kind.PERSON}  # where he was sworn in


def test_a_name_before_an_inauguration_with_no_office_taken_is_no_host():
    text = """'''2034年某城典礼'''是指[[张三]]于2034年5月26日在[[甲都]]出席的就任仪式。
== 双边会谈 ==
5月27日，张三在[[甲都]][[某宫]]同出席典礼的各国领导人分别举行双边会谈：
{| class="wikitable"
! 日期 !! 国家 !! 会谈对象
|-
| 5月27日 || {{flag|乙国}} || [[乙国总统|总统]][[李四]]
|}
"""
    extraction = extract(parse(Page(text=text, origin="t", title="2034年某城典礼")))
    assert "张三" not in {e.id.key for e in extraction.entities if e.id.kind is Kind.PERSON}


def test_a_row_of_a_list_of_trips_naming_several_states_is_a_tour_not_one_meeting():
    text = """'''张三出访列表'''列出甲国总统[[张三]]的出国访问。
== 出访一览 ==
{| class="wikitable"
! 次序 !! 日期 !! 访问国家 !! 会晤元首
|-
| 1 || 2034年6月4日－12日 || {{FRA}}、{{GER}} || 法国总统李四、德国总理王五
|-
| 2 || 2035年3月8日－10日 || {{ITA}} || 意大利总理赵六
|-
| 3 || 2036年5月2日 || {{ESP}}、{{POR}} || 西班牙首相孙七、葡萄牙总理周八
|}
"""
    found, _ = summits_of(text)
    assert "2034-06-04" not in found  # two states over nine days: each state's meeting has its own days
    assert found["2035-03-08"]["participants"] == {"张三", "赵六"}  # one state: the row is that visit
    assert "2036-05-02" in found  # one day: a meeting of the leaders the row names, not a tour's span


def test_a_row_of_a_visit_to_attend_a_gathering_of_many_states_is_no_summit():
    text = """'''张三访问乙国列表'''列出甲国总理[[张三]]对[[乙国]]的访问。
== 历次访问 ==
{| class="wikitable"
! 次序 !! 日期 !! 地点 !! 会晤对象 !! 备注
|-
| 1 || 2033年7月7日－9日 || [[某城]] || 首相[[李四]] || 出席[[第40届八国集团首脑会议|八国集团某城峰会]]
|-
| 2 || 2034年3月9日－10日 || [[乙都]] || 首相[[李四]] || 正式访问
|-
| 3 || 2035年5月26日－27日 || [[某镇]] || 首相[[李四]] || 出席七国集团峰会期间举行双边会谈
|}
"""
    found, _ = summits_of(text)
    assert "2033-07-07" not in found  # the gathering itself: no meeting of two
    assert found["2034-03-09"]["participants"] == {"张三", "李四"}
    assert found["2035-05-26"]["participants"] == {"张三", "李四"}  # talks on its sidelines: a meeting of two


def test_a_state_a_flag_names_in_a_place_cell_has_all_its_names_a_town_only_its_own():
    text = ("'''甲乙会晤'''\n== 历次 ==\n{| class=\"wikitable\"\n! 日期 !! 地点 !! 甲方 !! 乙方\n|-\n"
            "| 2034年4月2日 || {{JPN}}[[某滨市|某滨]] || 主席张三 || 总统李四\n|}\n")
    found, extraction = summits_of(text)
    assert found["2034-04-02"]["venue"] == {"某滨市"}
    names = {e.id.key: {label.text for label in e.labels + e.alt_labels} for e in extraction.entities}
    assert {"日本国", "日本"} <= names["日本国"]  # the flag's state, by its full name and its short one
    assert names["某滨市"] == {"某滨市", "某濱市", "某滨"}  # a town keeps only the names it is written by


YEARS_VISITS = """'''张三2034年出访列表'''列出甲国总理[[张三]]2034年的出国访问。
== 出访一览 ==
{| class="wikitable"
! 日期 !! 国家 !! 会谈对象 !! 备注
|-
| 3月4日－5日 || [[乙国]] || 总统[[李四]] || [[某城]]
|-
| 6月 || [[丙国]] || 总理[[王五]] ||
|}
"""


def years_visits_of(text, title):
    extraction = extract(parse(Page(text=text, origin="t", title=title)))
    starts = {f.subject: f.value.isoformat() for f in extraction.facts if f.prop is Prop.START_DATE}
    return {starts[f.subject]: set() for f in extraction.facts if f.prop is Prop.START_DATE} | {
        day: {f.value.key for f in extraction.facts if f.prop is Prop.PARTICIPANT and starts.get(f.subject) == day}
        for day in starts.values()}


def test_a_titles_one_year_dates_the_days_of_a_table_written_without_one():
    found = years_visits_of(YEARS_VISITS, "张三2034年出访列表")
    assert set(found) == {"2034-03-04"} and found["2034-03-04"] == {"张三", "李四"}  # a month alone dates nothing


def test_a_title_of_no_year_or_of_two_years_dates_no_table_day():
    assert years_visits_of(YEARS_VISITS.replace("2034年", ""), "张三出访列表") == {}
    two = YEARS_VISITS.replace("2034年", "2033年至2034年")
    assert years_visits_of(two, "张三2033年至2034年出访列表") == {}


def test_a_header_shared_with_notes_is_one_sides_when_one_of_its_parts_is():
    text = HOSTS_ONLY.replace("乙方领导人", "会晤领导人 / 备注")
    found, _ = summits_of(text)
    assert found["2000-05-29"]["participants"] == {"张三", "李四"}
    found, _ = summits_of(HOSTS_ONLY.replace("乙方领导人", "主要参与者／备注"))
    assert found == {}  # neither part is a side's


def test_a_column_of_the_leaders_met_holds_the_hosts_of_the_one_visitor():
    text = HOSTS_ONLY.replace("乙方领导人", "会见的领导人")
    found, _ = summits_of(text)
    assert found["2000-05-29"]["participants"] == {"张三", "李四"}
    assert summits_of(HOSTS_ONLY.replace("乙方领导人", "出席的领导人"))[0] == {}  # who attended: no side's


def test_a_lead_dating_days_of_the_titles_year_leaves_the_title_no_say_over_the_table():
    took_office = YEARS_VISITS.replace("2034年的出国访问", "于2033年11月5日就任后在2034年的出国访问")
    assert set(years_visits_of(took_office, "张三2034年出访列表")) == {"2034-03-04"}  # days of another year
    over_a_range = YEARS_VISITS.replace("2034年的出国访问", "于2034年9月4日至5日的出国访问")
    assert years_visits_of(over_a_range, "张三2034年出访列表") == {}  # the lead's days date the table alone
    near = YEARS_VISITS.replace("2034年的出国访问", "于2034年3月4日至5日的出国访问")
    assert years_visits_of(near, "张三2034年出访列表") == {"2034-03-04": {"张三", "李四"}}  # a row of the lead's days


NOTES_ONLY = """'''张三2035年出访列表'''列出甲国总统[[张三]]2035年的出国访问。
== 出访一览 ==
{| class="wikitable"
! 日期 !! 国家 !! 城市 !! 性质 !! 主要活动
|-
| 3月17日－19日 || [[乙国]] || [[某都]] || 正式访问 || 3月19日在[[某宫]]与乙国总统[[李四]]会谈
|-
| 6月27日－29日 || [[丙国]] || [[某城]] || 多边会议 || 出席[[二十国集团]]峰会；6月28日与丙国总理[[王五]]会晤
|-
| 10月2日－4日 || [[丁国]] || [[某镇]] || 正式访问 || 参观[[某馆]]，丁国总统[[赵六]]陪同
|}
"""


def test_a_note_saying_whom_the_one_visitor_met_names_the_host_of_the_row():
    found = years_visits_of(NOTES_ONLY, "张三2035年出访列表")
    assert found["2035-03-17"] == {"张三", "李四"}  # a visit: the row's days
    assert found["2035-06-28"] == {"张三", "王五"}  # at a gathering: the meeting's own day
    assert not any(day.startswith("2035-10") for day in found)  # a note of no meeting names no host


def test_a_note_of_a_table_of_two_leaders_meetings_adds_no_host():
    text = NOTES_ONLY.replace("列出甲国总统[[张三]]2035年的出国访问", "列出甲国总统[[张三]]与乙国总统[[孙七]]2035年的会晤")
    found = years_visits_of(text, "张三2035年出访列表")
    assert "李四" not in found.get("2035-03-17", set())


def test_a_row_and_the_proses_meeting_of_one_day_are_one_summit_over_the_rows_days_not_the_visit_before():
    text = """'''张三2035年出访列表'''列出甲国总统[[张三]]2035年的出国访问。
== 出访一览 ==
{| class="wikitable"
! 日期 !! 国家 !! 城市 !! 性质 !! 主要活动
|-
| 9月4日－6日 || [[乙国]] || [[某都]] || 国事访问 || 与乙国总统[[李四]]会谈
|-
| 9月6日－7日 || [[丙国]] || [[某城]] || 国事访问 || 会晤丙国总统[[王五]]
|}
== 经过 ==
9月4日，张三抵达乙国。5日，张三与乙国总统李四会谈。6日，张三转往丙国，会晤丙国总统王五。
"""
    found = years_visits_of(text, "张三2035年出访列表")
    assert found == {"2035-09-04": {"张三", "李四"}, "2035-09-06": {"张三", "王五"}}


def test_a_lead_mention_that_is_also_a_table_row_keeps_the_rows_summit_whole():
    """A visit the lead tells and a table's first row gives (one IRI: the same days and people), with talks told in a
    section: joining the lead's mention to the section's talks must not forget the row's summit with it (it was left
    with its start date alone, and the page refused by the shapes)."""
    text = """{{Infobox diplomatic visit
| name = 2033年张三访问乙国
| date = {{Start date|2033|5|11}}－{{End date|2033|5|15}}
| location = [[乙都]]、[[丙城]]
| host = [[李四]]
| guest = [[张三]]
}}
'''2033年张三访问乙国'''是指[[甲国总统]][[张三]]应[[乙国主席]][[李四]]邀请，于2033年5月11日至15日对[[乙国]]进行的国事访问。访问期间，两国元首在[[乙宫]]举行会谈，并签署了《甲乙联合声明》。

== 行程 ==
{| class="wikitable"
! 日期 !! 地点 !! 活动
|-
| 5月11日 || 乙都 || 抵达乙都
|-
| 5月12日 || 乙都 || 乙宫欢迎仪式；与李四会谈
|-
| 5月15日 || 丙城 || 结束访问
|}

== 会谈 ==
5月12日上午，李四在乙宫为张三举行欢迎仪式。随后，张三与李四在乙宫举行会谈。
"""
    extraction = extract(parse(Page(text=text, origin="t", title="2033年张三访问乙国")))
    summits = [e.id for e in extraction.entities if e.id.kind is Kind.SUMMIT]
    assert len(summits) == 1
    about = {(f.prop, str(getattr(f.value, "key", f.value))) for f in extraction.facts if f.subject == summits[0]}
    assert {(Prop.START_DATE, "2033-05-11"), (Prop.END_DATE, "2033-05-15"),
            (Prop.PARTICIPANT, "张三"), (Prop.PARTICIPANT, "李四")} <= about


MINISTERS = """'''甲乙丙三方外长对话'''是甲国、乙国和丙国外交部长之间的对话机制。
== 历次对话 ==
{| class="wikitable"
! 次序 !! 日期 !! 地点 !! 甲方 !! 乙方 !! 丙方
|-
| 第一次 || 2033年12月26日 || [[某城]] || 张三 || [[李四]] || [[王五]]
|-
| 第二次 || 2034年12月15日 || [[某都]] || 张三 || [[李四]] || [[王五]]
|}
"""


def test_the_table_of_an_article_about_a_ministers_meeting_lists_no_summit():
    extraction = extract(parse(Page(text=MINISTERS, origin="t", title="甲乙丙三方外长对话")))
    assert [e for e in extraction.entities if e.id.kind is Kind.SUMMIT] == []
    leaders = MINISTERS.replace("外长对话", "领导人会晤").replace("外交部长", "领导人")
    extraction = extract(parse(Page(text=leaders, origin="t", title="甲乙丙三方领导人会晤")))
    assert len([e for e in extraction.entities if e.id.kind is Kind.SUMMIT]) == 2


def test_a_column_of_offices_beside_a_column_of_people_gives_each_rows_office():
    text = """'''甲国领导人访问乙国列表'''列出甲国领导人对乙国的访问。
== 列表 ==
{| class="wikitable"
! 日期 !! 甲方领导人 !! 职务 !! 乙方领导人 !! 地点
|-
| 2033年6月22日 || [[张三]] || 国家主席 || [[李四]] || [[某城]]
|-
| 2035年4月2日 || [[王五]] || 外交部长 || [[李四]] || [[某城]]
|}
"""
    roles = roles_of_the_summits(text)
    assert ("2033-06-22", "张三", "国家主席") in roles
    assert not any(who == "王五" for _, who, _ in roles)  # a minister beside his name: no top office


def test_an_office_column_after_no_column_of_people_gives_no_office():
    text = """'''张三访问乙国列表'''列出甲国总统[[张三]]对乙国的访问。
== 列表 ==
{| class="wikitable"
! 日期 !! 身份 !! 乙方领导人 !! 地点
|-
| 2033年6月22日 || 外交部长 || [[李四]] || [[某城]]
|}
"""
    assert ("2033-06-22", "张三", "外交部长") not in roles_of_the_summits(text)


def test_a_column_headed_by_the_chairs_word_names_the_meetings_chair_not_an_office():
    text = """'''甲乙丙首脑会议'''是甲国、乙国与丙国领导人的定期会议。
== 历届会议 ==
{| class="wikitable"
! 届次 !! 日期 !! 地点 !! 主席
|-
| 1 || 2033年11月6日 || [[某城]] || [[张三]]
|-
| 2 || 2034年10月29日 || [[某市]] || [[李四]]
|}
=== 第一次会议 ===
2033年11月6日，第一次会议在某城举行，甲国总理[[张三]]主持，乙国总统[[李四]]和丙国首相[[王五]]出席。
=== 第二次会议 ===
2034年10月29日，第二次会议在某市举行，乙国总统李四担任主席，张三和王五出席。
"""
    roles = roles_of_the_summits(text)
    assert not any(office == "主席" for _, _, office in roles)
    assert ("2033-11-06", "张三", "甲国总理") in roles
    assert ("2034-10-29", "李四", "乙国总统") in roles


def test_columns_of_the_incoming_and_the_outgoing_chair_name_leaders_who_met():
    """A regional body's summits listed with the chair each handed over (``接任主席 !! 卸任主席``): the outgoing chair
    is a leader still, whose term in the chair ends, not one who has left his state's office (卸任总统)."""
    text = """'''某共同体首脑会议'''是某共同体成员国领导人的年度会议。
== 历届会议 ==
{| class="wikitable"
! 届次 !! 日期 !! 地点 !! 接任主席 !! 卸任主席
|-
| 第34届 || 2034年8月17日—18日 || [[某城]] || [[张三]] || [[李四]]
|-
| 第35届 || 2035年8月17日—18日 || [[某市]] || [[王五]] || 张三
|}
"""
    found, _ = summits_of(text)
    assert found["2034-08-17"]["participants"] == {"张三", "李四"}
    assert found["2035-08-17"]["participants"] == {"王五", "张三"}
    assert summits_of(text.replace("卸任主席\n", "卸任总统\n"))[0] == {}


def test_a_lead_saying_who_met_each_time_gives_the_people_of_each_row():
    """``甲在每次访问中都与乙国的乙、丙和丁举行会谈`` in the lead, and a table of the visits with no column of people: each
    row's meeting is of those four. Not where the lead names no such each time (a row names no one then)."""
    text = """'''张三访问乙国'''是指甲国总统[[张三]]在2031年至2032年间对乙国进行的两次访问。张三在每次访问中都与乙国总书记[[李四]]、乙国总理[[王五]]和乙国主席[[赵六]]举行会谈。
== 访问一览 ==
{| class="wikitable"
! 序号 !! 日期 !! 地点 !! 性质
|-
| 1 || 2031年3月1日—2日 || [[某都]] || 秘密访问
|-
| 2 || 2032年10月11日—13日 || [[某都]] || 正式友好访问
|}
"""
    found, _ = summits_of(text)
    assert {start: summit["participants"] for start, summit in found.items()} == {
        "2031-03-01": {"张三", "李四", "王五", "赵六"}, "2032-10-11": {"张三", "李四", "王五", "赵六"}}
    assert summits_of(text.replace("在每次访问中都与", "曾与"))[0] == {}


def test_a_bare_office_after_a_name_in_a_cell_is_the_office_of_a_states_body_the_prose_gives():
    text = """'''王五2033年出访列表'''列出[[丙国首相]][[王五]]于2033年的出国访问。
== 出访一览 ==
{| class="wikitable"
! 日期 !! 国家 !! 城市 !! 性质 !! 会晤领导人 / 备注
|-
| 3月29日－4月1日 || [[甲国]] || [[某城]] || 正式访问 || 张三主席、李四总理
|-
| 5月3日－4日 || [[乙国]] || [[某市]] || 正式访问 || 赵六总理
|}
=== 甲国 ===
3月29日至4月1日，王五对甲国进行正式访问。3月31日下午，[[甲国国家主席|国家主席]][[张三]]在[[某宫]]会见王五；4月1日欢迎仪式后，[[甲国国务院总理|国务院总理]][[李四]]同王五举行会谈。
=== 乙国 ===
5月3日至4日，王五对乙国进行正式访问，与[[赵六]]举行会谈。
"""
    extraction = extract(parse(Page(text=text, origin="t", title="王五2033年出访列表")))
    agent = {f.subject: f.value.key for f in extraction.facts if f.prop is Prop.AGENT}
    summit_of = {f.value: f.subject for f in extraction.facts if f.prop is Prop.HAS_PARTICIPATION}
    start = {f.subject: f.value.isoformat() for f in extraction.facts if f.prop is Prop.START_DATE}
    roles = {(start[summit_of[f.subject]], agent[f.subject], f.value.key) for f in extraction.facts
             if f.prop is Prop.ROLE}
    assert {office for _, who, office in roles if who == "张三"} == {"国家主席"}  # not a 主席 of nothing besides
    assert ("2033-05-03", "赵六", "总理") in roles  # no office of a body in the prose: the cell's word stays


def _summits_listed(text, title):
    """Each summit as (start, end, participants), sorted: two summits of one day both show."""
    extraction = extract(parse(Page(text=text, origin="t", title=title)))
    out = []
    for summit in (e.id for e in extraction.entities if e.id.kind is Kind.SUMMIT):
        about = [f for f in extraction.facts if f.subject == summit]
        (start,) = {f.value.isoformat() for f in about if f.prop is Prop.START_DATE}
        (end,) = {f.value.isoformat() for f in about if f.prop is Prop.END_DATE}
        out.append((start, end, frozenset(f.value.key for f in about if f.prop is Prop.PARTICIPANT)))
    return sorted(out, key=lambda s: (s[0], sorted(s[2])))


VISITS_TABLE_AND_ACCOUNTS = """'''张三访问智利'''是指[[芬兰总理]][[张三]]自2034年就任以来对[[智利]]进行的历次访问。

== 背景 ==
2035年1月，[[李四]]当选智利总统。2月16日，李四与张三在[[赫尔辛基]]举行会谈。

== 历次访问 ==
{| class="wikitable"
! 次序 !! 日期 !! 地点 !! 会见的智方领导人
|-
| 1 || 2035年3月13日—14日 || [[圣地亚哥]]、[[瓦尔帕莱索]] || 总统李四、总理[[王五]]
|-
| 2 || 2037年5月11日—12日 || 圣地亚哥 || 总统李四、总理王五
|}

=== 2035年 ===
2035年3月13日，张三在结束对[[秘鲁]]的访问后抵达圣地亚哥。当天，他与李四总统在圣地亚哥总统府举行会谈，两国签署了《某协定》。\
同日下午，张三在智利国会发表演讲，并与总理王五会谈。14日，张三在瓦尔帕莱索会见了阿根廷总统[[赵六]]。

=== 2037年 ===
2037年5月11日，张三启程对智利进行为期两天的访问。抵达当晚，他分别会见了李四总统和王五总理。12日，张三出席一场庆典并发表演讲。
"""


def test_a_rows_visit_the_prose_told_the_first_meeting_of_holds_the_others_of_its_days():
    """A visits table's row of several days whose first meeting the prose tells too (the row's summit, one IRI)
    holds the prose's other meetings of its people on those days, an office written bare (``与总理王五会谈``,
    ``分别会见了李四总统和王五总理``): one summit of the visit, not a second of the same day; a third
    state's leader met on those days (``会见了阿根廷总统赵六``) is a summit of its own."""
    found = _summits_listed(VISITS_TABLE_AND_ACCOUNTS, "张三访问智利")
    assert found == [("2035-02-16", "2035-02-16", {"张三", "李四"}),
                     ("2035-03-13", "2035-03-14", {"张三", "李四", "王五"}),
                     ("2035-03-14", "2035-03-14", {"张三", "赵六"}),
                     ("2037-05-11", "2037-05-12", {"张三", "李四", "王五"})]


ROW_NAMING_MORE_THAN_THE_FIRST_TALKS = """'''张三访问智利'''是指[[芬兰总理]][[张三]]自2034年上任以来对[[智利]]进行的历次访问。

== 历次访问 ==
{| class="wikitable"
! 次序 !! 日期 !! 地点 !! 会见的智方领导人 !! 主要成果
|-
| 1 || 2035年4月2日 || 圣地亚哥 || 李四总统 || 
|-
| 2 || 2036年2月13日－14日 || [[圣地亚哥]]、[[瓦尔帕莱索]] || 李四总统；[[王五]] || 《某协定》
|}

=== 2035年 ===
2035年4月2日，张三访问智利，在圣地亚哥同智利总统[[李四]]会谈。

=== 2036年 ===
2036年2月13日，张三启程对智利和[[秘鲁]]进行访问。当天抵达圣地亚哥后，李四总统在机场迎接，两人相互拥抱，张三接受了仪仗队致敬。两国领导人随后举行会谈，见证签署了《某协定》。

14日，张三在瓦尔帕莱索出席一场论坛并发表演讲，会见了王五。同日，他还会见了阿根廷总统[[赵六]]。当天下午张三前往[[利马]]。
"""


def test_a_rows_visit_that_takes_the_proses_first_talks_holds_the_next_days_meeting_too():
    """A row naming more of the host's leaders than the prose's first talks (``李四总统；王五``; the talks told
    with 李四 alone are the row's summit) holds the prose's meeting with the other on the visit's next day
    (``14日，…会见了王五``); a third state's leader met that day (``会见了阿根廷总统赵六``) is a summit of its own."""
    found = _summits_listed(ROW_NAMING_MORE_THAN_THE_FIRST_TALKS, "张三访问智利")
    assert found == [("2035-04-02", "2035-04-02", {"张三", "李四"}),
                     ("2036-02-13", "2036-02-14", {"张三", "李四", "王五"}),
                     ("2036-02-14", "2036-02-14", {"张三", "赵六"})]


ITINERARY_OF_THE_LEADS_VISIT = """'''2034年张三访问智利'''是指[[芬兰总理]][[张三]]于2034年7月3日至8日对[[智利]]进行的正式访问。访问期间，[[智利总统]][[李四]]和[[智利总理]][[王五]]分别与他会见、会谈。

== 访问行程 ==
{| class="wikitable"
|-
! 日期 !! 地点 !! 活动
|-
| 7月3日 || [[赫尔辛基]] || 张三率团启程
|-
| 7月4日 || [[圣地亚哥]] || 抵达圣地亚哥；李四于当天会见张三
|-
| 7月5日 || 圣地亚哥[[拉莫内达宫]] || 与王五举行会谈；两国签署3项合作协定
|-
| 7月8日 || — || 结束访问
|}

7月5日，王五同张三举行会谈。
"""

SIDELINES_OF_THE_LEADS_GATHERING = """'''2034年圣地亚哥峰会'''是2034年7月3日至5日在[[圣地亚哥]]举行的某组织峰会。

== 双边会晤 ==
{| class="wikitable"
! 日期 !! 地点 !! 领导人
|-
| 7月4日 || 圣地亚哥 || [[芬兰总理]][[张三]]、[[智利总统]][[李四]]
|}
"""


def test_a_row_of_a_day_of_the_visit_the_lead_dates_is_that_visit_over_its_days():
    """A table of the lead's visit day by day (``7月4日 || 某城 || 抵达某城；李四于当天会见张三``, its days written
    without a year, within the visit's ``于2034年7月3日至8日…进行的正式访问``): each row's meeting is of the visit, one
    summit over the visit's days with everyone the rows and the prose say met, not a summit of the row's day;
    a table of a gathering's meetings, whose lead tells no visit, keeps each row's own day."""
    assert _summits_listed(ITINERARY_OF_THE_LEADS_VISIT, "2034年张三访问智利") == [
        ("2034-07-03", "2034-07-08", {"张三", "李四", "王五"})]
    assert _summits_listed(SIDELINES_OF_THE_LEADS_GATHERING, "2034年圣地亚哥峰会") == [
        ("2034-07-04", "2034-07-04", {"张三", "李四"})]


ROUNDS_OF_SIDES = """'''{title}'''是[[芬兰]]、[[智利]]和[[秘鲁]]三国{who}之间的定期对话机制，始于2033年。

== 历次对话 ==
{{| class="wikitable"
|-
! 次序 !! 日期 !! 地点 !! 芬方 !! 智方 !! 秘方
|-
| 第一次 || 2033年12月26日 || [[赫尔辛基]] || [[张三]] || [[李四]] || [[王五]]
|-
| 第二次 || 2034年12月15日 || [[圣地亚哥]] || 张三 || 李四 || 王五
|}}
"""


def test_the_rounds_of_a_meeting_of_ministers_that_the_title_names_are_no_summits():
    """A title naming a meeting of ministers (``三方外长对话``): its table of rounds, whose columns of sides name
    each side's minister, gives no summit; the same table in an article about its leaders' meetings does."""
    ministers = ROUNDS_OF_SIDES.format(title="芬兰—智利—秘鲁三方外长对话", who="外交部长")
    assert _summits_listed(ministers, "芬兰—智利—秘鲁三方外长对话") == []
    leaders = ROUNDS_OF_SIDES.format(title="芬兰—智利—秘鲁三方领导人会晤", who="领导人")
    assert [(start, people) for start, _, people in _summits_listed(leaders, "芬兰—智利—秘鲁三方领导人会晤")] == [
        ("2033-12-26", {"张三", "李四", "王五"}), ("2034-12-15", {"张三", "李四", "王五"})]


ROW_OF_ONE_SIDE_AND_THE_ACCOUNT = """'''张三与李四会晤'''是指[[芬兰总统]][[张三]]与[[智利]]领导人[[李四]]之间的历次会晤。

== 历次会晤 ==
{| class="wikitable"
|-
! 日期 !! 地点 !! 智方领导人 !! 主要内容
|-
| 2035年7月22日 || [[圣地亚哥]] || 王五（总统） || 会谈，签署三项协定；访问期间另会见李四总理
|-
| 2035年9月25日 || 圣地亚哥 || 李四（总理） || 会见，讨论能源合作
|}

=== 2035年 ===
2035年7月22日，张三抵达圣地亚哥，同就职不久的[[王五]]总统会谈，双方签署三项新协定。张三还与李四总理会谈。

9月25日，李四在圣地亚哥会见张三，讨论能源合作。
"""

ROW_OF_ONE_SIDE_AND_A_THIRD_STATE = """'''张三与李四会晤'''是指[[芬兰总统]][[张三]]与[[智利]]领导人[[李四]]之间的历次会晤。

== 历次会晤 ==
{| class="wikitable"
|-
! 日期 !! 地点 !! 智方领导人 !! 主要内容
|-
| 2036年3月3日 || [[圣地亚哥]] || [[王五]]（总统） || 会谈；另会见[[李四]]总理
|}

=== 2036年 ===
2036年3月3日，张三在[[利马]]会见了秘鲁总统[[赵六]]。
"""


def test_a_row_naming_one_sides_leaders_is_the_proses_meeting_of_its_day_that_names_them_too():
    """A table's row read as a sentence names only the hosts (``王五（总统） || 会谈…；访问期间另会见李四总理``: the
    visitor the table is about left out); the prose's account of that day naming them and the visitor (``张三…同王五
    总统会谈…。张三还与李四总理会谈``) is the same meeting, one summit; a row whose people the prose's meeting of its
    day does not name, with a third state's leader (``张三在利马会见了秘鲁总统赵六``), is another."""
    assert _summits_listed(ROW_OF_ONE_SIDE_AND_THE_ACCOUNT, "张三与李四会晤") == [
        ("2035-07-22", "2035-07-22", {"张三", "李四", "王五"}), ("2035-09-25", "2035-09-25", {"张三", "李四"})]
    assert _summits_listed(ROW_OF_ONE_SIDE_AND_A_THIRD_STATE, "张三与李四会晤") == [
        ("2036-03-03", "2036-03-03", {"张三", "赵六"}), ("2036-03-03", "2036-03-03", {"李四", "王五"})]


SIDES_NAMED_BY_THEIR_OFFICES = """'''芬智秘三方会晤'''是指[[芬兰总统]]与[[智利总统]]、秘鲁领导人就某问题举行的一系列三方会晤。

== 历次会晤 ==
{| class="wikitable"
|-
! 日期 !! 地点 !! 芬方 !! 智方 !! 秘方 !! 成果
|-
| 2033年6月20日 || [[某城]] || [[张三]] || [[李四]] || [[王五]] || 联合声明
|}

=== 2033年 ===
2033年5月1日，智利总统李四与秘鲁总理王五通电话。
"""


def _roles_of(text, title):
    from conftest import roles_by_day

    return roles_by_day(text, title)


def test_a_side_column_under_a_series_of_offices_gives_its_person_the_sides_office():
    """``芬方 || [[张三]]`` under a first sentence that says the meetings are 芬兰总统's with others: 张三, given no office
    anywhere, met as 芬兰总统; the others keep the offices the prose gives them, and a side the sentence names by a
    description (秘鲁领导人) gives none."""
    roles = _roles_of(SIDES_NAMED_BY_THEIR_OFFICES, "芬智秘三方会晤")["2033-06-20"]
    assert ("张三", "芬兰共和国总统") in roles
    assert ("李四", "智利共和国总统") in roles and not any(p == "王五" and o.endswith("领导人") for p, o in roles)
    # a row of bare names, the text giving none of them an office: no office read onto anyone
    bare = SIDES_NAMED_BY_THEIR_OFFICES.split("=== 2033年 ===")[0]
    assert not _roles_of(bare, "芬智秘三方会晤").get("2033-06-20")
    # a column naming a side the sentence gives no office: none
    other = SIDES_NAMED_BY_THEIR_OFFICES.replace("! 日期 !! 地点 !! 芬方", "! 日期 !! 地点 !! 丁方")
    assert not any(p == "张三" for p, _ in _roles_of(other, "芬智秘三方会晤")["2033-06-20"])


MONARCHS_TABLE = """'''甲国国王会见乙国总统列表'''列出甲国国王与乙国总统的会见。
== 会见一览 ==
{| class="wikitable"
! 日期 !! 甲国国王 !! 乙国总统 !! 地点 !! 备注
|-
| 2034年4月24日 || [[张三]] || [[李四]] || 王宫 || 国宴
|-
| 2037年11月6日 || 张三 || [[王五]] || 王宫 || 工作访问
|}
"""


def test_a_column_headed_by_a_monarchs_title_holds_one_side_of_each_rows_meeting():
    """A list of a monarch's meetings heads his column with his title (``天皇``, ``甲国国王``, ``教宗``), not with
    ``领导人``: each row is a summit of him and the other column's leader. A header merely beginning with the
    title (``国王寿辰``) is no column of people."""
    found, _ = summits_of(MONARCHS_TABLE)
    assert {day: summit["participants"] for day, summit in found.items()} == {
        "2034-04-24": {"张三", "李四"}, "2037-11-06": {"张三", "王五"}}
    found, _ = summits_of(MONARCHS_TABLE.replace("甲国国王 !!", "国王寿辰 !!"))
    assert all("张三" not in summit["participants"] for summit in found.values())


def test_a_column_headed_by_whom_the_visitor_met_and_their_office_gives_that_office():
    text = """'''甲国总统访问乙国列表'''列出甲国总统对乙国的访问。
== 访问列表 ==
{| class="wikitable"
! 次序 !! 总统 !! 日期 !! 地点 !! 会晤的乙国总统 !! 备注
|-
| 1 || [[张三]] || 2033年6月14日 || [[某城]] || [[李四]] || 远东之行的一站
|-
| 2 || [[王五]] || 2036年10月23日 || [[某城]] || [[赵六]] || 出席峰会
|}
"""
    _, extraction = summits_of(text)
    roles = roles_by_person(extraction)
    assert roles["李四"] == roles["赵六"] == {"乙国总统"}  # not 会晤的乙国总统
    assert roles["张三"] == {"总统"}
    describing = text.replace("会晤的乙国总统", "会晤的乙国领导人")
    assert "李四" not in roles_by_person(summits_of(describing)[1])  # a describing header is no office


def test_a_boxed_visits_itinerary_row_of_its_first_day_is_the_boxs_summit_not_folded_into_the_talks_row():
    text = ("{{Infobox event\n| title = 2036年张三访问乙国\n| date = {{Start date|2036|5|28}}－{{End date|2036|6|1}}\n"
            "| location = {{CHN}}[[北京市|北京]]\n| participants = {{flagicon|TUN}} [[张三]]<br />{{flagicon|CHN}} [[李四]]\n}}\n"
            "'''2036年张三访问乙国'''是指[[突尼斯总统]][[张三]]应[[中华人民共和国主席|中国国家主席]][[李四]]邀请，"
            "于2036年5月28日至6月1日对[[中华人民共和国]]进行的[[国事访问]]。\n== 行程 ==\n"
            '{| class="wikitable"\n|-\n! 日期 !! 地点 !! 活动\n|-\n| 5月28日 || 北京 || 抵达北京，开始国事访问\n'
            "|-\n| 5月31日 || [[人民大会堂]] || 欢迎仪式；与李四举行会谈\n|-\n| 6月1日 || 北京 || 结束访问\n|}\n\n"
            "5月31日上午，李四在人民大会堂为张三举行欢迎仪式，随后两国元首举行会谈。\n")
    found, _ = summits_of(text)
    assert list(found) == ["2036-05-28"] and found["2036-05-28"]["participants"] == {"张三", "李四"}


LEGS = """'''2034年张三访问尼泊尔不丹'''是甲国总统[[张三]]于2034年3月5日至10日对[[尼泊尔]]和[[不丹]]进行的访问。
== 行程 ==
{| class="wikitable"
! 日期 !! 国家 !! 会谈对象
|-
| 3月5日－8日 || 尼泊尔 || 总统[[李四]]
|-
| 3月8日－10日 || 不丹 || 首相[[王五]]
|}
=== 尼泊尔 ===
3月5日晚，张三抵达尼泊尔首都加德满都。6日，张三与尼泊尔总统李四举行会谈。
=== 不丹 ===
3月8日，张三抵达不丹首都廷布，当天与不丹首相王五举行会谈。
"""


def test_a_tours_row_dated_by_a_range_gives_its_legs_days_to_the_summit_of_its_host():
    found, _ = summits_of(LEGS)
    assert {start: (v["end"], v["participants"]) for start, v in found.items()} == {
        "2034-03-05": ("2034-03-08", {"张三", "李四"}),  # the prose told the arrival and the talks (5–6)
        "2034-03-08": ("2034-03-10", {"张三", "王五"}),  # the prose told the day of the talks only
    }


def test_a_row_of_the_whole_tour_widens_no_legs_summit():
    """A row listing the tour's states, over the tour's days, holds the talks of both legs: it is no leg."""
    tour_row = LEGS.replace("| 3月5日－8日 || 尼泊尔 || 总统[[李四]]\n|-\n| 3月8日－10日 || 不丹 || 首相[[王五]]\n",
                            "| 3月5日－10日 || [[尼泊尔]]、[[不丹]] || 总统[[李四]]、首相[[王五]]\n")
    found, _ = summits_of(tour_row)
    assert {start: v["end"] for start, v in found.items()} == {"2034-03-05": "2034-03-06", "2034-03-08": "2034-03-08"}


@pytest.mark.parametrize("header", ["会谈、会见对象", "会见和会谈对象", "会见、会谈的法国领导人"])
def test_a_column_headed_by_two_words_of_meeting_joined_holds_whom_the_visitor_met(header):
    found, _ = summits_of(MET_ONE_SIDE.replace("会晤对象", header))
    assert {day: summit["participants"] for day, summit in found.items()} == {
        "2006-01-16": {"张三", "李四"}, "2007-01-21": {"张三", "李四"}}


@pytest.mark.parametrize("header", ["主要会谈对象", "乙方会谈对象", "乙方主要会见对象"])
def test_a_column_of_whom_the_visitor_met_may_say_they_were_the_main_ones_or_of_which_side(header):
    text = MET_ONE_SIDE.replace("2006年1月16日", "2036年1月16日").replace("2007年1月21日", "2037年1月21日")
    found, _ = summits_of(text.replace("会晤对象", header))
    assert {day: summit["participants"] for day, summit in found.items()} == {
        "2036-01-16": {"张三", "李四"}, "2037-01-21": {"张三", "李四"}}


def test_a_column_of_the_main_topics_of_the_talks_holds_no_people():
    text = MET_ONE_SIDE.replace("2006年1月16日", "2036年1月16日").replace("2007年1月21日", "2037年1月21日")
    found, _ = summits_of(text.replace("会晤对象", "主要会谈议题"))
    assert found == {}


def test_two_words_of_meeting_joined_before_a_count_head_no_column_of_people():
    found, _ = summits_of(MET_ONE_SIDE.replace("会晤对象", "会谈、会见次数"))
    assert found == {}


GATHERINGS_ROWS = """'''甲国总理访乙列表'''列出[[甲国]]总理对[[乙国]]的访问。
== 列表 ==
{| class="wikitable"
! 总理 !! 日期 !! 访问城市 !! 会谈对象 !! 备注
|-
| [[张三]] || 2033年6月9日－10日 || [[某城]] || 主席[[李四]] || 出席二十国集团某城峰会，9日与李四会晤
|-
| 张三 || 2034年8月31日－9月1日 || [[某镇]] || 主席李四 || 出席二十国集团某镇峰会，31日与李四会晤
|-
| 张三 || 2035年5月14日－16日 || [[某都]] || 主席李四 || 国事访问，15日与李四会谈
|}
"""


def test_a_row_of_a_visit_to_a_gathering_is_dated_by_the_day_its_note_gives_the_meeting_even_without_a_month():
    found, _ = summits_of(GATHERINGS_ROWS)
    assert {day: summit["end"] for day, summit in found.items()} == {
        "2033-06-09": "2033-06-09", "2034-08-31": "2034-08-31", "2035-05-14": "2035-05-16"}  # a visit keeps its days


TOUR_TABLE_OF_LEGS = """'''2036年张三欧洲之行'''是[[芬兰总统]][[张三]]于2036年3月21日至26日对[[智利]]、[[秘鲁]]和[[厄瓜多尔]]进行的国事访问。

== 行程 ==
{{| class="wikitable"
|-
! 日期 !! 国家 !! 城市 !! 会谈对象
|-
| 3月21日－24日 || 智利 || [[圣地亚哥]] || 总统[[李四]]
|-
| 3月24日 || 秘鲁 || [[利马]] || 总统[[王五]]
|-
| 3月24日－26日 || 厄瓜多尔 || [[基多]] || 总统[[赵六]]
|-
| {when} || 芬兰 || [[赫尔辛基]] || 总理[[钱七]]
|}}
"""


def test_a_tour_tables_legs_of_several_days_without_a_year_are_the_leads_and_each_row_its_own_summit():
    """A tour's table whose legs are written as days without a year (``3月21日－24日``), within the days the lead
    dates (``于2036年3月21日至26日对甲、乙和丙进行的国事访问``): each leg is a summit over its days, and a one-day leg
    on the last day of one and the first of the next (``3月24日``) stays a summit of its own, a row of its own
    table. A row's days far from the lead's (``11月2日－4日``) date nothing."""
    legs = [("2036-03-21", "2036-03-24", {"张三", "李四"}), ("2036-03-24", "2036-03-24", {"张三", "王五"}),
            ("2036-03-24", "2036-03-26", {"张三", "赵六"})]
    assert _summits_listed(TOUR_TABLE_OF_LEGS.format(when="11月2日－4日"), "2036年张三欧洲之行") == legs
    assert _summits_listed(TOUR_TABLE_OF_LEGS.format(when="3月26日"), "2036年张三欧洲之行") == legs + [
        ("2036-03-26", "2036-03-26", {"张三", "钱七"})]


ENVOYS_ITINERARY = """'''2034年张三出使乙国'''是甲国副总统[[张三]]于2034年8月12日至16日，以总统[[王五]]特使身份率团{what}的行程。

== 行程 ==
{{| class="wikitable"
! 日期 !! 地点 !! 行程
|-
| 8月12日 || [[某城]] || 下午启程
|-
| 8月14日 || [[乙都]] || 上午抵达；接受市钥
|-
| 8月15日 || 乙都 || 出席典礼
|}}
"""


def test_an_itinerary_of_a_ceremony_names_no_pair_in_whose_ceremony_it_was():
    """The first sentence names whose inauguration the visitor came to (``出席乙国新任总统李四（Li Si）及副总统赵六就职典礼
    的行程``): a ceremony's, not a pair's meetings, so an itinerary table of no people makes no summit of each day; a
    first sentence naming whom the visitor met (``与乙国新任总统李四（Li Si）及副总统赵六会晤``) still gives the pair."""
    came_to = "出席[[乙国]]新任总统[[李四]]（Li Si）及副总统赵六就职典礼"
    assert _summits_listed(ENVOYS_ITINERARY.format(what=came_to), "2034年张三出使乙国") == []
    met = "前往[[乙国]]与新任总统[[李四]]（Li Si）及副总统赵六会晤"
    assert [people for _, _, people in _summits_listed(ENVOYS_ITINERARY.format(what=met), "2034年张三出使乙国")] == [
        {"张三", "李四"}] * 3


def test_a_town_written_before_dengdi_stays_a_place_though_the_next_cell_names_leaders():
    """``[[某京]]等地 || 甲国领导人``: 等地 ends a list of places; the leaders are the next cell's, and
    the town is a place in every row that names it."""
    text = """'''乙国总理访问甲国列表'''列出乙国总理对[[法国]]进行的访问。
== 访问列表 ==
{| class="wikitable"
! 总理 !! 日期 !! 访问地点 !! 会谈对象
|-
| [[张三]] || 2033年4月5日－7日 || [[某京]]、[[丙京]] || 总统[[李四]]
|-
| [[王五]] || 2034年10月 || [[某京]]等地 || 法国领导人
|}
"""
    found, extraction = summits_of(text)
    assert found["2033-04-05"]["venue"] == {"某京"}
    assert not any(e.id.key == "某京" for e in extraction.entities if e.id.kind is Kind.PERSON)
    # a list of names that ends in the leaders they are still names people
    found, extraction = summits_of(text.replace("[[某京]]等地 || 法国领导人", "[[赵六]]、[[孙七]]等法国领导人 ||"))
    assert {"赵六", "孙七"} <= {e.id.key for e in extraction.entities if e.id.kind is Kind.PERSON}


def test_of_a_rows_stops_the_town_the_other_visits_share_holds_the_talks_not_a_one_off_first_stop():
    """``[[某港]]、[[某都]]``, 某港 listed in this row alone and 某都 in the others: the visit began at 某港 and met
    its hosts in 某都, the stop the visits share. A first stop other visits make too stays the place."""
    text = """'''乙国总理访问法国列表'''列出乙国总理对[[法国]]进行的访问。
== 访问列表 ==
{| class="wikitable"
! 总理 !! 日期 !! 访问地点 !! 会谈对象
|-
| [[张三]] || 2033年4月5日－7日 || [[某都]] || 总统[[李四]]
|-
| [[张三]] || 2034年6月1日－3日 || [[某港]]、[[某都]] || 总统[[李四]]
|-
| [[王五]] || 2035年9月9日－11日 || [[丙城]]、[[某都]] || 总统[[李四]]
|-
| [[王五]] || 2036年3月2日－4日 || [[丙城]] || 总统[[李四]]
|}
"""
    found, _ = summits_of(text)
    assert found["2034-06-01"]["venue"] == {"某都"}
    assert found["2035-09-09"]["venue"] == {"丙城"}  # near-miss: 丙城 is listed in another row too


TOUR_LEAVING_ON_THE_ROWS_LAST_DAY = """'''甲国总统访问越南'''列出[[甲国]]总统对[[越南]]的访问。
== 列表 ==
{| class="wikitable"
! 日期 !! 甲国总统 !! 越方会谈对象 !! 地点
|-
| 2034年10月20日—22日 || [[张三]] || 国家主席[[李四]] || [[河内]]
|}
== 2034年 ==
2034年10月20日，张三启程开始东南亚三国之行。21日上午，张三与越南国家主席李四在河内举行会谈。
22日，张三离开越南，飞往[[柬埔寨]]首都[[金边]]，并与首相[[王五]]举行会谈。
"""


def test_a_rows_visit_does_not_hold_the_next_legs_meeting_told_on_its_last_day_in_a_third_state():
    """The row's days end on the day the visitor flies on to a third state (``离开越南，飞往柬埔寨…与首相王五举行
    会谈``): that meeting, with someone the text gives no side, is the next leg's summit, not the row's visit's."""
    found = _summits_listed(TOUR_LEAVING_ON_THE_ROWS_LAST_DAY, "甲国总统访问越南")
    assert found == [("2034-10-20", "2034-10-22", {"张三", "李四"}), ("2034-10-22", "2034-10-22", {"张三", "王五"})]


def test_a_rows_visit_holds_a_meeting_of_its_last_day_in_its_own_state():
    text = TOUR_LEAVING_ON_THE_ROWS_LAST_DAY.replace("张三离开越南，飞往[[柬埔寨]]首都[[金边]]，并与首相[[王五]]举行会谈",
                                                     "张三在河内与首相[[王五]]举行会谈")
    found = _summits_listed(text, "甲国总统访问越南")
    assert found == [("2034-10-20", "2034-10-22", {"张三", "李四", "王五"})]


VISITS_TO_A_FORUM = """'''张三访问乙国'''是指甲国总统[[张三]]对[[乙国]]的访问。
== 访问列表 ==
{| class="wikitable"
! 次序 !! 日期 !! 地点 !! 性质 !! 主要会见对象
|-
| 1 || 2035年10月28日－29日 || [[某城]] || 出席第三届乙国－某洲论坛峰会 || 总统[[李四]]
|-
| 2 || 2036年9月1日－3日 || 某城 || 国事访问 || 总理[[王五]]
|}
== 2035年 ==
2035年10月28日下午，张三抵达某城出席论坛峰会，与乙国总统李四会晤。
"""


def test_a_row_of_a_visit_to_attend_a_forum_is_no_summit_over_its_days():
    """A forum is of many parties (``出席第三届乙国－某洲论坛峰会``): the row's days are the forum's, and the meeting
    with the host is the prose's, of its own day; a row of a state visit is the visit's summit."""
    found = _summits_listed(VISITS_TO_A_FORUM, "张三访问乙国")
    assert found == [("2035-10-28", "2035-10-28", {"张三", "李四"}), ("2036-09-01", "2036-09-03", {"张三", "王五"})]


BILATERALS_OF_AN_EVENT = """'''2034年某会议期间张三双边会见'''是指甲国主席[[张三]]于2034年11月在[[某城]]主持某会议前后，同出席会议的多国领导人举行的一系列双边会见。
== 会见一览 ==
{| class="wikitable"
! 日期 !! 对方领导人 !! 职务 !! 地点
|-
| 11月9日 || [[李四]] || 乙国总统 || 某城
|-
| 11月10日－11日 || [[王五]] || 丙国总理 || 某城
|}
"""


def test_a_tables_days_without_a_year_are_of_the_one_year_the_title_and_first_sentence_name():
    found = _summits_listed(BILATERALS_OF_AN_EVENT, "2034年某会议期间张三双边会见")
    assert found == [("2034-11-09", "2034-11-09", {"张三", "李四"}), ("2034-11-10", "2034-11-11", {"张三", "王五"})]


@pytest.mark.parametrize("title, lead", [
    ("2033年至2034年某会议期间张三双边会见", "于2034年11月"),  # a title of two years
    ("2034年某会议期间张三双边会见", "于2033年当选后，于2034年11月"),  # the first sentence tells another year first
])
def test_a_tables_days_without_a_year_are_not_dated_by_a_title_of_two_years_or_a_first_sentence_telling_another(
        title, lead):
    text = BILATERALS_OF_AN_EVENT.replace("2034年某会议期间张三双边会见", title).replace("于2034年11月", lead)
    assert _summits_listed(text, title) == []


def test_a_schedules_days_without_a_year_are_not_dated_by_the_title():
    """A table of the days' doings (``日期 !! 地点 !! 活动``), no column of whom was met, is left to the prose."""
    text = BILATERALS_OF_AN_EVENT.replace("! 日期 !! 对方领导人 !! 职务 !! 地点", "! 日期 !! 活动 !! 备注 !! 地点") \
        .replace("[[李四]] || 乙国总统", "与乙国总统[[李四]]简短会见 || ").replace("[[王五]] || 丙国总理", "与丙国总理[[王五]]会谈 || ")
    assert _summits_listed(text, "2034年某会议期间张三双边会见") == []



PAIR_TABLE = """'''张三与李四会晤'''是指[[甲国总统]][[张三]]与乙国领导人[[李四]]之间的历次会晤。
== 历次会晤 ==
{| class="wikitable"
! 日期 !! 地点 !! 会晤者 !! 备注
|-
| 2034年4月2日 || [[某都]] || LEADER || 首次访问
|}
"""


@pytest.mark.parametrize("leader, met", [
    ("[[李四]]（总理）", {"张三", "李四"}),  # one of the pair: the other is the article's other
    ("[[王五]]（总理）", set()),  # someone else: the row is not said to be the pair's
])
def test_a_row_of_a_pairs_meetings_naming_one_of_them_is_the_pairs(leader, met):
    """In an article of two leaders' meetings (``张三与李四会晤是指…``), a row naming one of the pair alone
    (``2034年4月2日 || 某都 || 李四（总理）``) is their meeting; not a row naming a third leader alone."""
    found, _ = summits_of(PAIR_TABLE.replace("LEADER", leader))
    assert {p for s in found.values() for p in s["participants"]} == met


GUESTS_TABLE = """'''2036年某论坛双边会见'''是甲国主席[[张三]]在某论坛期间的双边会见。
== 会见 ==
{| class="wikitable"
! 日期 !! 国家 !! 会见对象 !! 职务 !! 地点
|-
| 2036年11月1日 || {{flagicon|Gabon}} [[加蓬]] || [[李四]] || 总统 || [[某堂]]
|-
| 2036年11月2日 || {{flagicon|Comoros}} [[科摩罗]] || [[王五]] || 总统 || SECOND
|}
"""


@pytest.mark.parametrize("second, inside", [
    ("[[某堂]]", set()),  # one hall beside two states: each state is the one met's, not the hall's
    ("[[某馆]]", {"加蓬共和国"}),  # a place of its own each row: the row's state is where it lies
])
def test_a_state_column_beside_one_hall_for_many_states_is_the_guests(second, inside):
    """A host's meetings in one hall with the leaders of many states (``加蓬 || 李四 || 总统 || 某堂``, ``科摩罗 || 王五 ||
    总统 || 某堂``): the 国家 column names each one met's state; the hall lies in neither."""
    _, extraction = summits_of(GUESTS_TABLE.replace("SECOND", second))
    located = {f.value.key for f in extraction.facts if f.prop is Prop.LOCATED_IN and f.subject.key == "某堂"}
    assert located == inside


STATES_PAIR_TABLE = """'''张三与李四会晤'''是指[[苏联]]领导人[[张三]]与[[STATE]]总统、[[STATE共产党]]主席[[李四]]在2033年至2036年间举行的一系列会晤。
== 会晤列表 ==
{| class="wikitable"
! 时间 !! 地点 !! 场合
|-
| 2033年9月22日－25日 || [[某都]] || 张三访问STATE
|}
"""


@pytest.mark.parametrize("state", ["南斯拉夫", "北越", "罗得西亚"])
def test_a_state_of_earlier_times_linked_in_the_lead_is_a_state_not_a_third_leader(state):
    """A state of earlier times (``[[南斯拉夫]]``) is in the gazetteer: the lead names two leaders, not three, so a
    table of their meetings that names neither in a row is theirs."""
    text = STATES_PAIR_TABLE.replace("STATE", state)
    assert _summits_listed(text, "张三与李四会晤") == [("2033-09-22", "2033-09-25", frozenset({"张三", "李四"}))]


CONSULTATIONS = """'''芬兰—冰岛年度领导人磋商'''（BRACKETED），是[[芬兰]]与[[冰岛]]之间最高层级的双边机制，由芬兰总理与[[冰岛总统]][[李四]]主持。
== 历次磋商 ==
{| class="wikitable"
! 届次 !! 日期 !! 地点 !! 芬兰总理 !! 备注
|-
| 第1次 || 2035年8月26日 || [[某城]] || [[张三]] ||
|-
| 第2次 || 2036年3月16日 || [[某都]] || [[王五]] || 签署换文
|}
"""


@pytest.mark.parametrize("bracketed", [
    "{{lang-fi|Vuosittainen johtajien neuvottelu}}；{{lang-en|Annual Leaders' Consultation}}，简称'''ALC'''",
    "英语：Annual Leaders' Consultation",
])
def test_a_semicolon_inside_the_leads_brackets_does_not_end_its_first_clause(bracketed):
    """The lead's first sentence is split into clauses at ``；``, but not at one inside its brackets (``（芬兰语：…；
    英语：…）``): the sentence still names the one leader who chairs every round with the column's office holder."""
    text = CONSULTATIONS.replace("BRACKETED", bracketed)
    assert _summits_listed(text, "芬兰—冰岛年度领导人磋商") == [
        ("2035-08-26", "2035-08-26", frozenset({"张三", "李四"})),
        ("2036-03-16", "2036-03-16", frozenset({"王五", "李四"}))]


INVITED_VISITORS_TABLE = """'''2036年张三访问乙国'''是指[[甲国总理]][[张三]]INVITED于2036年6月18日至21日对[[乙国]]进行的正式访问。
== 会晤一览 ==
{| class="wikitable"
! 日期 !! 地点 !! 会晤对象 !! 内容
|-
| 2036年6月19日 || [[某都]] || [[乙国总统]][[王五]] || 会见
|}
"""


@pytest.mark.parametrize("invited", ["应[[乙国总理]][[李四]]邀请，", "应乙国总理[[李四]]和丙国政府邀请，", ""])
def test_the_one_who_invited_the_visitor_is_not_the_visitor_of_a_table_of_whom_he_met(invited):
    """A table of whom a visit met (``会晤对象``) is the visitor's: the one leader the first sentence names, but for
    the one who invited him (``应乙国总理李四邀请``), who is no second visitor."""
    text = INVITED_VISITORS_TABLE.replace("INVITED", invited)
    assert _summits_listed(text, "2036年张三访问乙国") == [("2036-06-19", "2036-06-19", frozenset({"张三", "王五"}))]


TOUR_BY_STATES_TABLE = """'''2036年张三访问乙国和丙国'''是指[[甲国总理]][[张三]]应[[乙国总理]][[李四]]和[[丙国总统]][[王五]]邀请，于2036年6月24日至28日对STATES进行的正式访问。
== 行程 ==
{| class="wikitable"
! 国家 !! 日期 !! 会谈对象
|-
| [[乙国]] || 6月24日－25日 || 李四总理
|-
| [[丙国]] || 6月26日－28日 || 王五总统
|}
"""


@pytest.mark.parametrize("states", ["两国", "上述两国"])
def test_the_legs_of_a_tour_the_lead_counts_keep_their_own_days(states):
    """A lead's visit to states it counts (``对两国进行的正式访问``, the states named only among those who invited) is
    a tour: each leg of its table is dated by its own days, not widened to the tour's."""
    text = TOUR_BY_STATES_TABLE.replace("STATES", states)
    assert _summits_listed(text, "2036年张三访问乙国和丙国") == [
        ("2036-06-24", "2036-06-25", frozenset({"张三", "李四"})),
        ("2036-06-26", "2036-06-28", frozenset({"张三", "王五"}))]


NUMBERED_SESSIONS = """'''甲乙高级别合作委员会'''是[[甲国]]与[[乙国]]政府首脑共同主持的机制。委员会于2031年设立。截至2039年，委员会共举行了三次会议。
== 历次会议 ==
{| class="wikitable"
! 届次 !! 日期 !! 地点 !! 甲方 !! 乙方
|-
| 第一次 || 2031年5月14日 || [[某城]] || 总理[[张三]] || 总理[[李四]]
|-
| 第二次 || 2035年3月8日 || [[某都]] || 总理[[张三]] || 总理[[李四]]
|-
| 第三次 || 2039年2月11日 || [[某城]] || 总理[[王五]] || 总理[[李四]]
|}
=== HEADING ===
第二次会议于3月8日在某都举行，正值某危机高峰。张三和李四先举行一对一会谈，随后举行扩大会谈。
"""


@pytest.mark.parametrize("heading, day", [
    ("第二次会议", "2035-03-08"),  # the section the table's 第二次 row is: that row's year
    ("第二次会议（某都）", "2035-03-08"),
])
def test_a_section_headed_by_a_rows_number_tells_its_days_in_that_rows_year(heading, day):
    """A series article whose table numbers its rows (``第二次 || 2035年3月8日``) and then tells each session in a section
    of its own (``=== 第二次会议 ===¶第二次会议于3月8日…``): the section's days without a year are of its row's year,
    not of the year the table's last row reached (no second meeting on 2039-03-08)."""
    found = _summits_listed(NUMBERED_SESSIONS.replace("HEADING", heading), "甲乙高级别合作委员会")
    assert found == [("2031-05-14", "2031-05-14", frozenset({"张三", "李四"})), (day, day, frozenset({"张三", "李四"})),
                     ("2039-02-11", "2039-02-11", frozenset({"王五", "李四"}))]


def test_a_note_that_is_who_attended_or_chaired_the_rows_gathering_adds_them():
    """丙国总统王五出席；李四提前离会, 王五主持, 王五首次出席: a clause that is who came, and no more."""
    text = """'''甲乙首脑会晤'''是甲国总理[[张三]]与乙国总统[[李四]]的会晤。
== 历次会晤 ==
{| class="wikitable"
! 日期 !! 地点 !! 性质 !! 备注
|-
| 2033年8月20日 || [[某城]] || 第三届某洲领导人峰会 || 丙国总统[[王五]]出席；李四因飓风提前离会
|-
| 2034年4月21日 || [[某都]] || 第四届某洲领导人峰会 || 王五主持
|-
| 2035年8月9日 || [[某镇]] || 双边会谈 || 峰会前夕举行
|-
| 2036年4月2日 || [[某市]] || 第五届某洲领导人峰会 || 丙国外长[[孙七]]出席
|}
"""
    found, _ = summits_of(text)
    assert {day: s["participants"] for day, s in found.items()} == {
        "2033-08-20": {"张三", "李四", "王五"}, "2034-04-21": {"张三", "李四", "王五"},
        "2035-08-09": {"张三", "李四"}, "2036-04-02": {"张三", "李四"}}
