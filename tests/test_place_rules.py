"""Rules of how real articles write where a meeting was held, each on a small hand-made article."""

import pytest

from kg.extract import extract
from kg.model import Kind, Page, Prop
from kg.wikitext import parse


def read(text, title="甲乙会晤"):
    extraction = extract(parse(Page(text=text, origin="t", title=title)))
    facts = extraction.facts
    inside = {}
    for fact in facts:
        if fact.prop is Prop.LOCATED_IN:
            inside.setdefault(fact.subject.key, set()).add(fact.value.key)
    summits = {}
    for entity in extraction.entities:
        if entity.id.kind is Kind.SUMMIT:
            about = [f for f in facts if f.subject == entity.id]
            start = next(f.value for f in about if f.prop is Prop.START_DATE).isoformat()
            summits[start] = [chain(f.value.key, inside) for f in about if f.prop is Prop.VENUE]
    return summits


def chain(key, inside):
    """The venue and the places it lies in, small to big (the first container each time)."""
    out = [key]
    while inside.get(out[-1]) and len(out) < 8:
        out.append(sorted(inside[out[-1]])[0])
    return out


def box(venue, cities="", country=""):
    return ("{{Infobox summit meeting\n| date = {{Start date|2005|4|29}}\n"
            f"| venue = {venue}\n| cities = {cities}\n| host_country = {country}\n"
            "| participants = [[张三]]<br>[[李四]]\n}}\n"
            "'''甲乙会晤'''是甲国总统[[张三]]与乙国总理[[李四]]的会晤。\n")


def test_a_named_tail_after_a_linked_place_is_a_place_inside_it():
    assert read(box("[[人民大会堂]]福建厅", "[[北京]]")) == {"2005-04-29": [["福建厅", "人民大会堂", "北京"]]}


def test_a_bare_kind_of_building_makes_one_name_with_the_link_inside_it_but_not_inside_a_state():
    assert read(box("[[某城]]饭店")) == {"2005-04-29": [["某城饭店", "某城"]]}
    assert read(box("[[某村]]城堡")) == {"2005-04-29": [["某村城堡", "某村"]]}
    assert read(box("[[美国]]大使馆")) == {"2005-04-29": [["美国大使馆"]]}


def test_a_seat_named_by_its_kind_right_after_its_town_or_state_makes_one_name_with_it():
    def talks(where):
        return read(f"'''甲乙会晤'''。\n2037年12月8日，甲国首相[[张三]]{where}同乙国首相[[李四]]举行会谈。")

    assert talks("在[[某都]]王宫") == {"2037-12-08": [["某都王宫", "某都"]]}
    assert talks("在芬兰政府总理府") == {"2037-12-08": [["芬兰政府总理府"]]}
    assert talks("抵达[[某都]]，在芬兰总理府") == {"2037-12-08": [["芬兰总理府", "某都"]]}
    # the kind alone, or after 的, names the town's building of that kind: no one name with the town
    assert talks("抵达[[某都]]，在王宫") == {"2037-12-08": [["王宫 (某都)", "某都"]]}
    assert talks("在[[某都]]的王宫") == {"2037-12-08": [["王宫 (某都)", "某都"]]}


def test_the_seat_a_welcome_is_held_at_holds_the_talks_after_it_not_its_hall_nor_a_banquet():
    def day(text):
        return read(f"'''甲乙会晤'''。\n2036年6月19日上午，{text}")

    assert day("乙国首相[[李四]]在[[某都]]首相署为甲国总理[[张三]]举行欢迎仪式，两人随后举行会谈。") == {
        "2036-06-19": [["首相署", "某都"]]}
    assert day("甲国总理[[张三]]在[[某都]]的首相署与乙国首相[[李四]]举行会谈。") == {"2036-06-19": [["首相署", "某都"]]}
    # the hall of the welcome, and the palace of a banquet, hold no talks
    assert day("乙国首相[[李四]]在[[某宫]]北大厅为甲国总理[[张三]]举行欢迎仪式，两人随后举行会谈。") == {
        "2036-06-19": [["某宫"]]}
    assert day("甲国总理[[张三]]抵达[[某都]]，同乙国首相[[李四]]举行会谈。当晚，李四在某都王宫为张三举行国宴。") == {
        "2036-06-19": [["某都"]]}


def test_a_venue_after_a_side_of_a_plain_town_lies_in_the_last_link():
    assert read(box("[[甲国]][[某边疆区]]乙城附近甲城休养地")) == {"2005-04-29": [["甲城休养地", "某边疆区", "甲国"]]}


def test_a_side_after_a_place_is_no_place():
    assert read(box("[[板门店]]北侧")) == {"2005-04-29": [["板门店"]]}


def test_a_state_written_plainly_before_the_first_link_holds_it():
    assert read(box("美国[[旧金山]]斐洛里庄园")) == {
        "2005-04-29": [["斐洛里庄园", "旧金山", "美利坚合众国"]]}


TABLE = ("'''甲乙会议列表'''列出甲国与乙国领导人的会议。\n== 列表 ==\n"
         "{| class=\"wikitable\"\n! 名称 !! 城市 !! 国家 !! 日期 !! 主要参与者\n|-\n"
         "| 第一次会议 || [[魁北克市|魁北克]] || {{flag|Canada|1921}} || 1943年8月11日－24日 || [[张三]]、[[李四]]\n|-\n"
         "| 第二次会议 || [[卡萨布兰卡]] || {{flagicon|Morocco}} [[法属摩洛哥]] || 1943年1月14日－24日 "
         "|| [[张三]]、[[李四]]\n|}\n")


def test_a_city_column_lies_in_the_country_column_of_its_row():
    found = read(TABLE, title="甲乙会议列表")
    assert found["1943-08-11"] == [["魁北克市", "加拿大"]]


def test_a_country_column_names_one_country_its_link_before_its_flag():
    found = read(TABLE, title="甲乙会议列表")
    assert found["1943-01-14"] == [["卡萨布兰卡", "法属摩洛哥"]]


HEAD = "'''甲乙会晤'''是[[甲国]]与[[乙国]]领导人的会晤。\n== 经过 ==\n"


def test_a_topic_after_the_place_is_no_place():
    text = HEAD + "2019年6月13日，甲国总统[[张三]]与乙国总理[[李四]]在[[某山庄]]就[[丙国]]问题举行会谈。"
    assert read(text) == {"2019-06-13": [["某山庄"]]}


def test_a_character_of_a_name_does_not_start_the_place():
    text = HEAD + "2019年6月13日，甲国总统[[文在寅]]和乙国总理[[李四]]于[[某村]]南侧的[[和平之家]]举行会晤。"
    assert read(text) == {"2019-06-13": [["和平之家", "某村"]]}


def test_each_date_of_a_sentence_takes_the_place_said_in_its_own_stretch():
    text = HEAD + ("此后两国领导人于2024年10月在[[丙国]][[某城]]出席多边峰会期间会晤，2025年8月31日乙国总理[[李四]]"
                   "赴[[天津]]出席论坛期间，甲国总统[[张三]]在[[天津迎宾馆]]会见李四。")
    assert read(text) == {"2025-08-31": [["天津迎宾馆", "天津"]]}


def test_the_place_after_the_occasion_a_meeting_is_told_in_is_its_own():
    text = HEAD + "1985年3月12日，甲国总理[[张三]]与乙国总书记[[李四]]在出席[[王五]]葬礼期间于[[某都]]会晤。"
    assert read(text) == {"1985-03-12": [["某都"]]}
    text = HEAD + "2019年6月30日，甲国总统[[张三]]在访问乙国期间与乙国总统[[李四]]在[[某村]]会面。"
    assert read(text) == {"2019-06-30": [["某村", "乙国"]]}  # not only the state visited
    text = HEAD + "2005年4月4日，甲国总统[[张三]]曾在[[某革命]]后首次在[[某宫]]同乙国总统[[李四]]会谈。"
    assert read(text) == {"2005-04-04": [["某宫"]]}


def test_a_meeting_told_back_with_its_day_was_held_where_its_sentence_says():
    text = HEAD + "2022年3月4日，甲国总统[[张三]]曾在[[某宫]]与乙国总统[[李四]]会晤，双方同意加强合作。"
    assert read(text) == {"2022-03-04": [["某宫"]]}
    text = HEAD + "1941年8月9日至12日，甲国总统[[张三]]和乙国首相[[李四]]曾在[[某地]][[某湾]]的军舰上举行会晤。"
    assert read(text) == {"1941-08-09": [["某湾", "某地"]]}


def test_a_place_the_leaders_had_met_at_before_the_day_told_is_not_its_meetings():
    text = HEAD + "2019年6月30日，甲国总统[[张三]]与乙国总统[[李四]]会晤，两人曾在[[某城]]举行首次会谈。"
    assert read(text) == {"2019-06-30": []}


def test_a_name_a_leader_returns_a_visit_to_or_goes_on_to_is_a_place_of_the_visit_phrase():
    text = HEAD + "2013年9月3日，乙国总统[[李四]]回访[[乙都]]，与甲国总统[[张三]]举行会谈。"
    assert read(text) == {"2013-09-03": [["乙都"]]}
    text = HEAD + "2023年10月25日，乙国总统[[李四]]转往[[甲国]][[甲都]]进行国事访问，同甲国埃米尔[[张三]]举行会谈。"
    assert read(text) == {"2023-10-25": [["甲都", "甲国"]]}


def test_a_site_flown_to_before_the_talks_is_their_place_but_not_a_stop_moved_on_to_after_them():
    text = HEAD + "1954年6月25日，甲国总理[[张三]]飞往[[乙都]]的[[某宫]]，同乙国总理[[李四]]会谈。"
    assert read(text) == {"1954-06-25": [["某宫", "乙都"]]}
    text = HEAD + ("1954年6月25日至28日，甲国总理[[张三]]访问[[乙都]]，与乙国总理[[李四]]举行多次会谈；"
                   "张三随后转赴[[丙都]]，与[[丙国]]总理[[王五]]会谈。")
    assert read(text) == {"1954-06-25": [["乙都"]]}  # 转赴: the next stop's talks, with another side


def test_a_person_a_leader_returns_a_visit_to_is_no_place():
    text = HEAD + "2013年9月1日，甲国总统[[王五]]卸任。2013年9月3日，乙国总统[[李四]]回访[[王五]]，与甲国总统[[张三]]举行会谈。"
    assert read(text) == {"2013-09-03": []}


def test_a_place_before_the_occasion_stays_when_what_follows_names_none():
    text = HEAD + "2018年5月24日，甲国总统[[张三]]在[[某城]]出席峰会期间与乙国总统[[李四]]在会上举行会谈。"
    assert read(text) == {"2018-05-24": [["某城"]]}
    text = HEAD + "2018年5月24日，甲国总统[[张三]]在[[某城]]于5月24日与乙国总统[[李四]]举行会谈。"
    assert read(text) == {"2018-05-24": [["某城"]]}


def test_a_meeting_told_with_no_place_of_its_own_is_where_its_leaders_attended_what_the_sentence_tells():
    text = HEAD + "[[某城]]位于[[乙国]]东部。"
    told = text + "2036年5月29日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]共同出席纪念活动。"
    assert read(told) == {"2036-05-29": [["某城", "乙国"]]}
    told = text + "2036年5月29日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]共同出席纪念活动，两人在[[某墓]]前献花。"
    assert read(told) == {"2036-05-29": []}  # two places: the meeting's is not said
    told = text + "2036年11月11日下午，甲国总理[[张三]]在[[某城]]出席第九次甲乙领导人会议，会议由乙国首相[[李四]]主持。"
    assert read(told) == {"2036-11-11": [["某城", "乙国"]]}
    told = text + "2036年5月29日，甲国总统[[张三]]与乙国总理[[李四]]在[[某宫]]举行会谈，此前两人在[[某城]]共同出席纪念活动。"
    assert read(told) == {"2036-05-29": [["某宫"]]}  # the talks' own place
    told = text + "2036年5月29日，甲国总统[[张三]]访问[[乙都]]，与乙国总理[[李四]]会谈，并在[[某城]]出席纪念活动。"
    assert read(told) == {"2036-05-29": [["乙都"]]}  # the town visited for the talks
    told = text + "2036年5月29日，甲国总统[[张三]]与乙国总理[[李四]]会晤，两人曾在[[某城]]共同出席纪念活动。"
    assert read(told) == {"2036-05-29": []}  # an earlier time's


def test_a_meeting_told_with_no_place_of_its_own_is_in_the_one_town_its_sentence_visits():
    text = HEAD + "[[甲都]]位于[[甲国]]北部。[[丙都]]位于[[丙国]]。"
    told = text + "2036年4月12日，乙国总统[[李四]]访问[[甲都]]，这是他首次访问该国，两国总统同意落实合作协议。"
    assert read(told) == {"2036-04-12": [["甲都", "甲国"]]}
    told = text + "2036年10月22日，乙国总统[[李四]]对[[甲都]]进行了为期一天的访问，与甲国总统[[张三]]就合作达成共识。"
    assert read(told) == {"2036-10-22": [["甲都", "甲国"]]}
    told = text + "2036年4月12日，乙国总统[[李四]]在[[丙都]]出席论坛后访问[[甲都]]，两国总统同意落实合作协议。"
    assert read(told) == {"2036-04-12": []}  # a place told before the town


def test_a_state_written_before_its_office_is_a_side_not_another_state_the_visit_goes_to():
    text = HEAD + "2036年12月7日至8日，甲国总统[[张三]]对[[越南]]进行为期两天的访问，与越南总理[[李四]]举行会谈，{}。"
    assert read(text.format("这是芬兰国家元首首次访问越南")) == {"2036-12-07": [["越南社会主义共和国"]]}
    assert read(text.format("双方讨论了芬兰局势")) == {"2036-12-07": []}


def test_an_audience_with_a_monarch_or_a_pope_was_held_where_its_sentence_says():
    text = HEAD + "2037年3月2日，甲国首相[[张三]]在[[乙都]]觐见乙国国王[[李四]]，并出席国王设的午宴。"
    assert read(text) == {"2037-03-02": [["乙都"]]}
    text = HEAD + "2037年12月1日，甲国第一书记[[张三]]在[[乙都]]晋见教宗[[李四]]。"
    assert read(text) == {"2037-12-01": [["乙都"]]}
    text = HEAD + "2037年12月1日，甲国第一书记[[张三]]晋见教宗[[李四]]，两人曾在[[乙都]]会面。"
    assert read(text) == {"2037-12-01": []}  # an earlier time's


def test_a_year_that_begins_a_linked_name_is_no_date_ending_the_meetings_stretch():
    text = HEAD + ("2025年8月15日，甲国总统[[张三]]与乙国总理[[李四]]在[[甲国]][[某州]][[某城]]市[[某联合基地]]"
                   "举行首次面对面会晤（[[2025年甲乙峰会]]），但未达成协议。")
    assert read(text) == {"2025-08-15": [["某联合基地", "某城", "某州", "甲国"]]}


def test_the_airport_a_leader_lands_at_holds_no_venue_met_at_that_evening():
    text = HEAD + "2018年6月10日，乙国总理[[李四]]抵达[[甲国]][[某机场]]，当晚在[[某府]]会见甲国总统[[张三]]。"
    assert read(text) == {"2018-06-10": [["某府", "甲国"]]}


def test_a_place_named_after_a_city_of_the_article_lies_in_it_but_not_a_state_of_that_name():
    text = HEAD + ("2019年6月13日，乙国总理[[李四]]抵达[[华盛顿]]，甲国总统[[张三]]在[[华盛顿会议中心]]会见李四。"
                   "李四随后前往[[华盛顿州]]。")
    found = read(text)
    assert found == {"2019-06-13": [["华盛顿会议中心", "华盛顿"]]}


PLACE_ARTICLE = ("'''某营'''是甲国总统的休假地，位于[[甲国]][[某州]][[某县]]{{link-en|某山公园|Some Mountain Park}}内。\n"
                 "== 著名事件 ==\n"
                 "* 2008年4月18日，乙国总统[[李四]]与甲国总统[[张三]]在某营举行首脑会谈。\n"
                 "* 2009年5月1日，丙国总统[[王五]]与甲国总统[[张三]]在某营举行首脑会谈。\n")


def test_the_place_an_article_is_about_lies_where_its_lead_says_and_is_the_venue_said_there():
    found = read(PLACE_ARTICLE, title="某营")
    assert found["2008-04-18"] == [["某营", "某山公园", "某县", "某州", "甲国"]]


def test_summits_held_at_the_place_an_article_is_about_are_no_series_of_that_place():
    extraction = extract(parse(Page(text=PLACE_ARTICLE, origin="t", title="某营")))
    assert not [e for e in extraction.entities if e.id.kind is Kind.SERIES]
    assert any(e.id.kind is Kind.PLACE and e.id.key == "某营" for e in extraction.entities)


def test_a_finer_place_said_later_of_the_same_meeting_is_its_venue():
    text = HEAD + ("第一次峰会于1985年11月19日至20日在[[日内瓦]]举行，两人首日在日内瓦湖畔的[[丰泉宫]]会面，"
                   "甲国总统[[张三]]与乙国总理[[李四]]握手。")
    assert read(text) == {"1985-11-19": [["丰泉宫", "日内瓦"]]}


def test_a_date_inside_the_held_at_phrase_is_its_own():
    text = HEAD + "两国首脑的第5次会晤于2018年9月18日至20日在[[乙国]][[某城]]举行，甲国总统[[张三]]与乙国总理[[李四]]会谈。"
    assert read(text) == {"2018-09-18": [["某城", "乙国"]]}


def test_a_city_with_and_without_shi_is_one_city():
    text = HEAD + ("2018年4月27日，甲国总统[[张三]]与乙国总理[[李四]]在[[武汉]][[东湖宾馆]]举行会晤。"
                   "[[武汉市]]为此封闭了道路。")
    assert read(text) == {"2018-04-27": [["东湖宾馆", "武汉市"]]}


def test_a_flag_before_the_states_own_name_in_another_time_is_no_second_place():
    assert read(box("", "", "{{flagicon|Germany}} [[盟军占领下的德国|德国苏占区]]")) == {
        "2005-04-29": [["盟军占领下的德国"]]}


def test_the_owner_of_a_venue_is_no_place():
    text = HEAD + "2019年6月13日，甲国总统[[张三]]与乙国总理[[李四]]在属于[[阿迦汗]]的[[某宫]]首次会面。"
    assert read(text) == {"2019-06-13": [["某宫"]]}


ONE = ("{{Infobox summit meeting\n| date = {{Start date|2024|5|16}}－{{End date|2024|5|17}}\n"
       "| cities = [[北京]]\n| host_country = {{PRC}}\n| participants = [[张三]]<br>[[李四]]\n}}\n"
       "'''2024年张三访华'''是甲国总统[[张三]]于2024年5月16日至17日对中国进行的国事访问。\n== 经过 ==\n")


def test_a_place_the_prose_gives_inside_the_infobox_city_is_the_venue():
    text = ONE + "16日，主席[[李四]]在广场为张三举行欢迎仪式，随后两国元首在[[人民大会堂]]举行会谈。"
    found = read(text, title="2024年张三访华")
    assert found == {"2024-05-16": [["人民大会堂", "北京", "中华人民共和国"]]}


def test_a_place_the_prose_gives_elsewhere_does_not_replace_the_infobox_venue():
    text = ONE + "16日，两国元首在[[某城]][[某宾馆]]举行会谈。"
    assert read(text, title="2024年张三访华") == {"2024-05-16": [["北京", "中华人民共和国"]]}


def test_a_well_known_venue_the_text_does_not_place_lies_where_the_gazetteer_says_as_an_inference():
    text = HEAD + ("2022年2月4日，甲国总统[[张三]]与乙国总理[[李四]]在[[中南海]][[瀛台]]举行会谈。"
                   "会谈后，李四前往北京郊外参观。")
    assert read(text) == {"2022-02-04": [["瀛台", "中南海", "北京"]]}
    extraction = extract(parse(Page(text=text, origin="t", title="甲乙会晤")))
    inferred = {(f.subject.key, f.value.key) for f in extraction.facts
                if f.prop is Prop.LOCATED_IN and f.inference is not None}
    assert inferred == {("中南海", "北京")}  # 瀛台 in 中南海 is the text's own


def test_the_gazetteers_town_of_a_venue_stays_only_where_the_text_names_it_or_a_state_it_gives_holds_it():
    """``在[[白宫]]会谈`` in an article that never writes Washington places the talks at the White House
    alone; the town stays where the article names it anywhere, or where the visit's state goes on from it."""
    said = HEAD + "2036年3月4日，乙国总理[[李四]]在[[白宫]]同甲国总统[[张三]]举行会谈。"
    assert read(said) == {"2036-03-04": [["白宫"]]}
    named = said + "次日，李四离开华盛顿回国。"  # near miss: the town is the article's own
    assert read(named) == {"2036-03-04": [["白宫", "华盛顿"]]}
    visit = ("'''2036年李四访美'''是乙国总理[[李四]]于2036年3月3日至5日对[[美国]]进行的正式访问。\n== 经过 ==\n"
             "3月4日，甲国总统[[张三]]在[[白宫]]同李四举行会谈。\n")
    assert read(visit, title="2036年李四访美") == {"2036-03-03": [["白宫", "华盛顿", "美利坚合众国"]]}
    cited = said.replace("举行会谈。", "举行会谈。<ref>{{cite news|title=李四抵达华盛顿}}</ref>")
    assert read(cited) == {"2036-03-04": [["白宫"]]}  # a cited headline is no text of the article's


def test_a_visits_itinerary_is_no_venue_the_place_said_of_the_meeting_in_one_of_its_stops_is():
    text = ("{{Infobox event\n| date = {{Start date|2015|9|22}}－{{End date|2015|9|28}}\n"
            "| location = [[某港]]、[[华盛顿]]、[[某城]]\n| participants = [[张三]]<br>[[李四]]\n}}\n"
            "'''2015年张三访美'''是甲国主席[[张三]]于2015年9月22日至28日对[[美国]]进行的国事访问。"
            "访美期间，张三出席论坛，前往[[白宫]]会见总统[[李四]]。\n")
    assert read(text, title="2015年张三访美") == {"2015-09-22": [["白宫", "华盛顿", "美利坚合众国"]]}  # the visited state


def test_a_visits_talks_told_in_another_stop_of_its_itinerary_were_held_in_that_stop():
    text = ("{{Infobox event\n| date = {{Start date|2003|10|22}}－{{End date|2003|10|24}}\n"
            "| location = [[某港]]、[[某都]]\n| participants = [[张三]]<br>[[李四]]\n}}\n"
            "'''2003年张三访问乙国'''是甲国主席[[张三]]于2003年10月22日至24日对[[乙国]]进行的国事访问。\n"
            "== 经过 ==\n10月22日，张三抵达某港，乙国总理[[李四]]到机场迎接。\n\n"
            "10月24日，张三前往某都。当天下午，张三同李四在某都举行会谈。\n")
    title = "2003年张三访问乙国"
    assert read(text, title=title) == {"2003-10-22": [["某都"]]}  # not the first stop
    not_a_stop = text.replace("在某都举行会谈", "在[[某镇]]举行会谈")  # a town the box does not list
    assert read(not_a_stop, title=title) == {"2003-10-22": [["某港"]]}
    held_in_the_first = text.replace("到机场迎接。", "到机场迎接。当晚，李四在[[某港宾馆]]为张三举行晚宴。")
    assert read(held_in_the_first, title=title) == {"2003-10-22": [["某港宾馆", "某港"]]}  # the first stop holds their dinner
    someone_else = text.replace("张三同李四在某都举行会谈", "张三同乙国议长[[王五]]在某都举行会谈")  # not the pair's talks
    assert read(someone_else, title=title) == {"2003-10-22": [["某港"]]}


def test_a_venue_field_finer_than_the_place_the_prose_gives_stays():
    text = ("{{Infobox summit meeting\n| date = {{Start date|2019|10|11}}－{{End date|2019|10|12}}\n"
            "| venues = [[某古迹群]]\n| cities = [[某城]]、[[某镇]]\n| participants = [[张三]]<br>[[李四]]\n}}\n"
            "'''某镇会晤'''是甲国主席[[张三]]与乙国总理[[李四]]于2019年10月11日至12日的会晤。"
            "会晤主要在某城以南约60公里的滨海城镇[[某镇]]举行。\n")
    assert read(text, title="某镇会晤") == {"2019-10-11": [["某古迹群", "某城"]]}


def test_the_state_a_leader_visits_holds_the_city_they_meet_in():
    text = HEAD + "1973年6月18日至25日，乙国总理[[李四]]访问[[甲国]]，在[[某都]]与甲国总统[[张三]]举行会晤。"
    assert read(text) == {"1973-06-18": [["某都", "甲国"]]}


def test_the_place_a_leader_visits_to_meet_is_the_venue():
    moscow = HEAD + "1988年5月29日至6月2日，甲国总统[[张三]]访问[[某都]]，与乙国总理[[李四]]举行会晤。"
    chennai = HEAD + "2019年10月11日，甲国总统[[张三]]赴[[乙国]][[某港]]，与乙国总理[[李四]]举行第二次非正式会晤。"
    assert read(moscow) == {"1988-05-29": [["某都"]]}
    assert read(chennai)["2019-10-11"] == [["某港", "乙国"]]


def test_a_gathering_named_in_the_held_at_phrase_is_no_place():
    text = HEAD + ("甲国总统[[张三]]和乙国总理[[李四]]曾于2017年7月7日在[[丙国]][[汉堡]][[二十国集团]]峰会期间举行首次会晤。"
                   "2019年6月28日，甲国总统[[张三]]与乙国总理[[李四]]在[[丁国]][[大阪]][[二十国集团]]峰会期间再次会晤。")
    assert read(text) == {"2017-07-07": [["汉堡", "丙国"]], "2019-06-28": [["大阪", "丁国"]]}


def test_a_well_known_venue_written_plainly_is_read_and_the_hall_of_a_ceremony_is_not_the_venue():
    venue = ONE + "16日，两国元首在人民大会堂举行会谈。"
    ceremony = ONE + "16日，主席[[李四]]在人民大会堂[[北大厅]]为张三举行欢迎仪式，随后两国元首举行会谈。"
    assert read(venue, title="2024年张三访华") == {"2024-05-16": [["人民大会堂", "北京", "中华人民共和国"]]}
    assert read(ceremony, title="2024年张三访华") == {"2024-05-16": [["北京", "中华人民共和国"]]}


def test_a_venue_written_plainly_after_the_last_place_of_the_phrase_lies_in_it():
    text = HEAD + "2023年11月15日，甲国总统[[张三]]与乙国总理[[李四]]在[[乙国]][[某城]]甲庄园举行会晤。"
    assert read(text) == {"2023-11-15": [["甲庄园", "某城", "乙国"]]}


def test_words_that_join_a_chain_stand_between_a_city_and_the_plain_venue_in_it():
    far = HEAD + ("2011年8月24日，甲国总统[[张三]]在[[某共和国]]首府[[某城]]郊外的甲军事基地"
                  "与乙国总理兼国防委员会委员长、乙国劳动党中央委员会总书记[[李四]]会晤。")
    island = HEAD + "2019年4月25日，甲国总统[[张三]]与乙国总理[[李四]]在[[乙国]][[某城]]（某别名）[[某岛]]上的[[某大学]]举行会谈。"
    city = HEAD + "2023年4月7日，甲国总统[[张三]]在[[某省]]某城市[[甲园]]同乙国总理[[李四]]举行非正式会晤。[[某城]]为此封路。"
    assert read(far) == {"2011-08-24": [["甲军事基地", "某城", "某共和国"]]}
    assert read(island) == {"2019-04-25": [["某大学", "某岛", "某城", "乙国"]]}
    assert read(city) == {"2023-04-07": [["甲园", "某城", "某省"]]}


def test_a_plain_name_after_de_that_runs_into_a_venue_is_part_of_its_name():
    text = HEAD + ("2002年10月25日，甲国总统[[张三]]与乙国总理[[李四]]在[[甲国]][[某州]][[某镇]]的张三私人牧场举行会晤。")
    assert read(text) == {"2002-10-25": [["张三私人牧场", "某镇", "某州", "甲国"]]}


def test_a_venue_named_in_corner_quotes_after_its_kind_is_the_venue():
    quoted = HEAD + ("2016年12月15日，乙国总理[[李四]]访问甲国，当晚在[[某县]][[某市]]的温泉旅馆「甲山庄」"
                     "与甲国总统[[张三]]会谈。")
    double = HEAD + "2016年12月15日，甲国总统[[张三]]与乙国总理[[李四]]在[[某市]]郊外的度假村“乙湖山庄”举行会晤。"
    assert read(quoted) == {"2016-12-15": [["甲山庄", "某市", "某县", "甲国"]]}
    assert read(double) == {"2016-12-15": [["乙湖山庄", "某市"]]}


def test_a_venue_written_as_a_persons_own_is_the_venue_not_the_person():
    text = HEAD + "2016年5月6日，甲国总统[[张三]]前往[[某城]]，在乙国总理[[李四]]的总统官邸与其会谈。"
    ceremony = HEAD + ("2003年2月25日，甲国总统[[张三]]在[[某城]]出席[[李四]]的总统就职典礼后与其举行首脑会谈。"
                       "2004年7月21日，甲国总统[[张三]]与乙国总统[[李四]]在[[乙城]]会谈。")
    assert read(text) == {"2016-05-06": [["总统官邸 (某城)", "某城"]]}
    assert read(ceremony)["2003-02-25"] == [["某城"]]  # no place of his: the ceremony's


def test_no_plain_venue_of_a_ceremony_a_count_or_a_stand_in():
    ceremony = HEAD + "2018年6月19日，乙国总理[[李四]]在[[某堂]]北大厅举行欢迎仪式，随后与甲国总统[[张三]]举行会谈。"
    count = HEAD + "2005年2月24日，甲国总统[[张三]]与乙国总理[[李四]]在[[丙国]]首都[[某城]]一处山顶城堡会晤。"
    assert read(ceremony) == {"2018-06-19": [["某堂"]]}
    assert read(count) == {"2005-02-24": [["某城", "丙国"]]}


def test_a_lead_dated_to_the_day_gives_its_place_to_that_days_meeting_only():
    text = ("'''2017年甲乙会晤'''是甲国总统[[张三]]与乙国总理[[李四]]于2017年7月7日在[[丙国]][[某城]]举行的会晤。\n"
            "== 后续 ==\n7月8日，甲国总统[[张三]]在峰会期间会见了丁国总理[[王五]]。\n")
    assert read(text, title="2017年甲乙会晤") == {"2017-07-07": [["某城", "丙国"]], "2017-07-08": []}


def test_the_last_stop_before_the_meeting_holds_its_venue():
    text = HEAD + ("2025年10月29日，甲国总统[[张三]]飞抵[[某港]]，随后前往[[亚太经合组织]]峰会举办地[[某城]]，"
                   "在[[某城博物馆]]与乙国总统[[李四]]会晤。")
    assert read(text) == {"2025-10-29": [["某城博物馆", "某城"]]}


def test_the_place_of_the_talks_said_as_such_is_the_venue():
    text = ("{{Infobox summit meeting\n| date = {{Start date|2019|4|25}}\n| venue = [[某大学]]\n| cities = [[某城]]\n"
            "| participants = [[张三]]<br>[[李四]]\n}}\n"
            "'''甲乙会晤'''是甲国总统[[张三]]与乙国总理[[李四]]的会晤。\n== 经过 ==\n"
            "4月25日，两人握手后开始会谈。会谈地点为某大学的体育楼（S楼）。\n")
    assert read(text) == {"2019-04-25": [["体育楼", "某大学", "某城"]]}


VISIT_BOX = ("{{Infobox summit meeting\n| date = {{Start date|2018|3|25}}－{{End date|2018|3|28}}\n"
             "| cities = [[某城]]\n| participants = [[张三]]<br>[[李四]]\n}}\n")


def test_the_state_the_visit_of_the_lead_goes_to_holds_the_place_of_its_meeting():
    said = VISIT_BOX + ("'''2018年李四访问越南'''是乙国总理[[李四]]于2018年3月25日至28日对[[越南]]进行的非正式访问。\n"
                        "== 经过 ==\n26日，甲国总统[[张三]]与李四在[[某城]][[某宾馆]]举行会谈。\n")
    short = VISIT_BOX + ("'''2018年李四访华'''是乙国总理[[李四]]2018年3月25日至28日的访华。\n"
                         "== 经过 ==\n26日，甲国总统[[张三]]与李四在[[某城]][[某堂]]举行会谈。\n")
    assert read(said, title="2018年李四访问越南") == {"2018-03-25": [["某宾馆", "某城", "越南社会主义共和国"]]}
    assert read(short, title="2018年李四访华") == {"2018-03-25": [["某堂", "某城", "中华人民共和国"]]}


def test_no_visited_state_from_a_linked_title_or_a_tour_of_several_states():
    title = VISIT_BOX + ("'''2018年李四出访'''是乙国总理[[李四]]2018年3月25日至28日出席论坛（见[[2018年李四访华]]）。\n"
                         "== 经过 ==\n26日，甲国总统[[张三]]与李四在[[某城]][[某堂]]举行会谈。\n")
    tour = VISIT_BOX + ("'''2018年李四出访'''是乙国总理[[李四]]于2018年3月25日至28日对[[意大利]]、[[摩纳哥]]和[[法国]]"
                        "进行的国事访问。\n== 经过 ==\n26日，甲国总统[[张三]]与李四在[[某城]][[某宫]]举行会谈。\n")
    assert read(title, title="2018年李四出访") == {"2018-03-25": [["某堂", "某城"]]}
    assert read(tour, title="2018年李四出访") == {"2018-03-25": [["某宫", "某城"]]}


def test_the_place_of_a_ceremony_said_in_the_meetings_sentence_is_not_its_venue():
    text = HEAD + ("2014年6月6日，登陆70周年纪念仪式在某镇的[[某海滩]]举行，甲国总统[[张三]]与乙国总理[[李四]]出席并会面。")
    assert read(text) == {"2014-06-06": []}


def test_a_place_said_of_the_summit_itself_is_the_venue_inside_the_state_the_lead_gives():
    text = ("'''甲乙峰会'''是甲国总统[[张三]]与乙国总理[[李四]]于1989年12月2日－3日在[[马耳他]]召开的一次会议。\n"
            "== 经过 ==\n原定峰会在[[某舰]]上举行，但风暴打乱了安排。峰会最终在停泊于[[某城]]港湾的[[某号]]上举行。\n"
            "== 后续 ==\n1991年7月30日，甲国总统[[张三]]与乙国总理[[李四]]在[[某都]]举行峰会。\n")
    assert read(text, title="甲乙峰会")["1989-12-02"] == [["某号", "某城", "马耳他共和国"]]


def test_the_room_of_a_ceremony_is_not_the_venue_the_building_is():
    text = HEAD + "2023年3月21日，乙国总理[[李四]]在[[某宫]][[某大厅]]为张三举行欢迎仪式，随后甲国总统[[张三]]与李四举行会谈。"
    assert read(text) == {"2023-03-21": [["某宫"]]}


FLAG_TABLE = ("'''甲乙会晤列表'''列出甲国总统[[张三]]与乙国总理[[李四]]的会晤。\n== 列表 ==\n"
              "{| class=\"wikitable\"\n! 日期 !! 地点 !! 备注\n|-\n"
              "| 2008年12月13日 || {{flagicon|JPN}} [[某城]] || 首次会晤\n|-\n"
              "| 2009年10月10日 || {{flag|JPN}} [[乙城]] || 第二次会晤\n|}\n")


def test_a_flag_drawn_without_a_name_is_no_place_but_a_flag_with_its_name_is():
    found = read(FLAG_TABLE, title="甲乙会晤列表")
    assert found["2008-12-13"] == [["某城"]]  # {{flagicon}} draws a flag beside the name: decoration
    assert found["2009-10-10"] == [["乙城", "日本国"]]  # {{flag}} writes 日本 after the flag


def test_a_flag_alone_in_a_field_that_asks_for_the_country_is_the_country():
    assert read(box("", "[[某城]]", "{{flagicon|JPN}}")) == {"2005-04-29": [["某城", "日本国"]]}
    assert read(box("{{flagicon|JPN}} [[某城]]")) == {"2005-04-29": [["某城"]]}


def test_a_visit_dated_in_any_sentence_puts_its_meeting_in_the_visited_state():
    said = HEAD + ("== 后续 ==\n2019年11月4日至6日，乙国总理[[李四]]第二次对[[越南]]进行国事访问。"
                   "5日晚，甲国总统[[张三]]在[[某城]][[某园]]会见李四。\n")
    of = said.replace("对[[越南]]进行国事访问", "开始对[[越南]]的国事访问")
    assert read(said) == {"2019-11-04": [["某园", "某城", "越南社会主义共和国"]]}
    assert read(of) == {"2019-11-04": [["某园", "某城", "越南社会主义共和国"]]}


def test_no_visited_state_for_a_meeting_the_visitor_is_not_at():
    text = HEAD + ("== 后续 ==\n2019年11月4日至6日，丙国总理[[王五]]对[[越南]]进行国事访问。"
                   "5日晚，甲国总统[[张三]]在[[某城]][[某园]]会见乙国总理[[李四]]。\n")
    assert read(text) == {"2019-11-05": [["某园", "某城"]]}


def test_a_visit_begun_on_the_meetings_first_day_puts_it_in_the_state_but_not_one_ended():
    begun = HEAD + ("== 后续 ==\n2002年9月17日，甲国总统[[张三]]抵达[[某都]]，成为首位访问[[越南]]的甲国总统，"
                    "当天与乙国总理[[李四]]在[[某宾馆]]举行会谈。\n")
    ended = HEAD + ("== 后续 ==\n2002年9月17日，甲国总统[[张三]]结束对[[越南]]的访问，"
                    "前往[[某城]]，与乙国总理[[李四]]在[[某宾馆]]会谈。\n")
    assert read(begun)["2002-09-17"][0][-1] == "越南社会主义共和国"
    assert not any("越南社会主义共和国" in chain for chain in read(ended)["2002-09-17"])


VISITS_TABLE = ("'''张三访华'''指甲国领导人[[张三]]历次访华。\n== 访问列表 ==\n{| class=\"wikitable\"\n"
                "|+ 张三历次访华\n! 次序 !! 日期 !! 会谈地点 !! 乙方领导人 !! 备注\n|-\n"
                "| 1 || 2000年5月29日－31日 || [[某城]] || [[李四]] ||\n|-\n"
                "| — || 2019年6月20日－21日 || {{flagicon|PRK}} [[乙城]] || [[李四]] || 李四回访\n|}\n")


def test_a_row_flagged_with_another_state_does_not_lie_in_the_state_the_visits_went_to():
    found = read(VISITS_TABLE, title="张三访华")
    assert found["2000-05-29"] == [["某城", "中华人民共和国"]]
    assert found["2019-06-20"] == [["乙城"]]  # the flag names no place, but says it is not China


def test_a_row_that_writes_out_the_visited_state_puts_its_place_in_it_but_not_a_rows_short_label():
    rows = ("'''甲乙会晤列表'''列出甲国总统[[张三]]与乙国总理[[李四]]的会晤。\n== 列表 ==\n"
            "{| class=\"wikitable\"\n! 日期 !! 地点 !! 性质 !! 备注\n|-\n"
            "| 2014年9月17日－19日 || {{flagicon|IND}} [[某邦]]等 || 张三国事访问印度 || 同李四散步\n|-\n"
            "| 2015年5月14日－16日 || {{flagicon|CHN}} [[某城]] || 李四访华 || 张三在某城会见李四\n|}\n")
    found = read(rows, title="甲乙会晤列表")
    assert found["2014-09-17"] == [["某邦", "印度共和国"]]
    assert found["2015-05-14"] == [["某城"]]


def test_a_site_after_a_town_and_a_comma_in_a_cell_lies_in_it_but_a_stop_after_a_dunhao_does_not():
    rows = ("'''甲乙会晤列表'''列出甲国总统[[张三]]与乙国总理[[李四]]的会晤。\n== 列表 ==\n"
            "{| class=\"wikitable\"\n! 日期 !! 地点 !! 备注\n|-\n"
            "| 2005年4月16日－18日 || [[某都]]，[[某宫]] || 首次会晤\n|-\n"
            "| 2015年12月25日 || 乙城，李四私人住所 || 第二次会晤\n|-\n"
            "| 2016年6月29日 || [[丙城]]、[[某馆]] || 第三次会晤\n|}\n")
    found = read(rows, title="甲乙会晤列表")
    assert found["2005-04-16"] == [["某宫", "某都"]]
    assert found["2015-12-25"] == [["李四私人住所", "乙城"]]
    assert found["2016-06-29"] == [["某馆"]]  # 、 lists two stops: the finer one, in no town said


def test_a_site_a_leader_goes_to_is_the_venue_in_the_town_the_paragraph_last_reached():
    text = HEAD + ("2004年1月4日，甲国总理[[张三]]赴[[某都]]出席多边峰会，在开幕式后与乙国总理[[李四]]举行会谈。"
                   "次日（1月5日），张三前往总统官邸，与乙国总统[[王五]]闭门会谈约一小时。\n")
    apart = text.replace("。次日", "。\n\n次日")
    assert read(text)["2004-01-05"] == [["总统官邸 (某都)", "某都"]]
    assert read(apart)["2004-01-05"] == [["总统官邸"]]  # another paragraph: the town is not said


def test_a_venue_field_that_names_the_town_then_a_comma_and_the_site_is_one_chain():
    assert read(box("[[乙国]][[某城]]，某城大饭店")) == {"2005-04-29": [["某城大饭店", "某城", "乙国"]]}
    assert read(box("[[某城]]，[[某宫]]")) == {"2005-04-29": [["某宫", "某城"]]}


def test_a_seat_or_headquarters_written_plainly_is_the_venue():
    text = HEAD + "2023年12月12日，甲国总统[[张三]]在[[某都]]甲党中央驻地同乙国总理[[李四]]举行会谈。"
    assert read(text) == {"2023-12-12": [["甲党中央驻地", "某都"]]}


def test_a_region_word_or_a_kind_of_place_between_a_state_and_a_city_keeps_them_one_chain():
    far_east = HEAD + "1974年11月23日，甲国总统[[张三]]同乙国总理[[李四]]在[[越南]]远东的[[某港]]举行工作会晤。"
    visited = HEAD + "2016年9月2日，甲国总统[[张三]]访问[[越南]]远东城市[[某港]]与乙国总理[[李四]]会谈。"
    assert read(far_east) == {"1974-11-23": [["某港", "越南社会主义共和国"]]}
    assert read(visited) == {"2016-09-02": [["某港", "越南社会主义共和国"]]}


def test_a_well_known_building_said_later_of_the_same_days_meeting_is_finer_than_its_city():
    text = HEAD + ("2025年7月15日上午，甲国总统[[张三]]在[[北京]]会见乙国总理[[李四]]；"
                   "当天下午，甲国总理[[王五]]在人民大会堂同李四举行年度会晤。")
    assert read(text)["2025-07-15"] == [["人民大会堂", "北京"]]


def test_the_hall_a_following_sentence_names_as_the_meetings_is_the_venue_in_the_town():
    text = HEAD + ("1970年5月21日，乙国总理[[李四]]回访甲国，与甲国总统[[张三]]在[[丙城]]举行第二次首脑会晤。"
                   "两人从火车站驱车前往会场丙城宫殿饭店（Schlosshotel），沿途民众围观。\n")
    other_day = text.replace("两人从火车站", "5月22日，两人从火车站")
    assert read(text) == {"1970-05-21": [["丙城宫殿饭店", "丙城", "甲国"]]}  # 回访甲国: the town in the state
    assert read(other_day)["1970-05-21"] == [["丙城", "甲国"]]  # another day's hall


def test_the_hall_the_account_names_on_the_summits_day_refines_the_town_of_the_lead():
    text = ("'''丙城会晤'''是甲国总理[[张三]]与乙国总理[[李四]]于1970年3月19日在[[乙国]]城市[[丙城]]举行的会晤。\n"
            "== 背景 ==\n1970年1月，两人互通信件。\n== 会晤经过 ==\n"
            "3月19日上午9时26分，张三乘坐专列抵达丙城火车总站，李四在站台迎接。"
            "两人随后前往车站对面的会场丙城甲饭店（Erfurter Hof）。\n")
    other_day = text.replace("两人随后前往", "3月20日，两人前往")
    assert read(text, title="丙城会晤") == {"1970-03-19": [["丙城甲饭店", "丙城", "乙国"]]}
    assert read(other_day, title="丙城会晤")["1970-03-19"] == [["丙城", "乙国"]]  # another day's hall


def test_the_talks_told_on_a_day_of_the_visit_are_held_finer_than_the_visited_state():
    visit = ("'''2008年李四访问越南'''是乙国总理[[李四]]于2008年5月6日至10日对[[越南]]进行的国事访问，"
             "其间与甲国总统[[张三]]举行会谈。\n== 访问行程 ==\n=== 5月6日 ===\n6日，李四抵达[[某港]]。\n"
             "=== 5月7日 ===\n7日上午，李四参观[[某寺]]。随后甲国总统[[张三]]在[[某城]][[某官邸]]同李四举行正式会谈。\n")
    found = read(visit, title="2008年李四访问越南")
    assert found == {"2008-05-06": [["某官邸", "某城", "越南社会主义共和国"]]}
    # a ceremony's place, a place after the visit's days, or the background's meetings are not the talks'
    ceremony = visit.replace("同李四举行正式会谈", "为李四举行欢迎仪式")
    later = visit.replace("=== 5月7日 ===\n7日上午", "=== 5月17日 ===\n5月17日上午")
    aside = visit.replace("=== 5月7日 ===", "== 背景 ==")
    assert read(ceremony, title="2008年李四访问越南")["2008-05-06"] == [["越南社会主义共和国"]]
    for text in (later, aside):  # no talks told on its days: the town reached on its first day
        assert read(text, title="2008年李四访问越南")["2008-05-06"] == [["某港", "越南社会主义共和国"]]


def test_a_meeting_during_a_gathering_is_held_where_the_paragraph_says_the_gathering_was():
    during = HEAD + ("2015年4月，乙国首次出席在[[某城]]举行的第七届某洲国家首脑会议。"
                     "4月11日，甲国总统[[张三]]与乙国总理[[李四]]在峰会期间举行了会晤。\n")
    opened = HEAD + ("1998年4月2日，第二届某某会议首脑会议在[[某城]]开幕，当天甲国总统[[张三]]与乙国总理[[李四]]举行会谈。\n")
    assert read(during) == {"2015-04-11": [["某城"]]}
    assert read(opened) == {"1998-04-02": [["某城"]]}
    # a meeting not said to be during it, or a gathering of another paragraph, is not placed there
    apart = during.replace("在峰会期间", "再次")
    other = during.replace("会议。4月11日", "会议。\n\n4月11日")
    assert read(apart) == {"2015-04-11": []}
    assert read(other) == {"2015-04-11": []}


def test_a_visit_invited_or_planned_is_no_visit_whose_state_holds_the_meeting():
    invited = HEAD + ("1998年4月2日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会谈，张三并邀请李四于秋季访问[[越南]]。\n")
    made = HEAD + ("1998年4月2日，应甲国总统[[张三]]邀请访问[[越南]]的乙国总理[[李四]]与张三在[[某城]]举行会谈。\n")
    assert read(invited) == {"1998-04-02": [["某城"]]}
    assert read(made) == {"1998-04-02": [["某城", "越南社会主义共和国"]]}


def test_a_visit_promised_wished_or_considered_is_no_visit_whose_state_holds_the_meeting():
    """``拜登在白宫接待到访的洛伦索，并承诺访问安哥拉``: the promise is of a later visit, not this one."""
    promised = HEAD + "2033年11月30日，甲国总统[[张三]]在[[某城]]接待到访的乙国总理[[李四]]，并承诺访问[[越南]]。\n"
    assert read(promised) == {"2033-11-30": [["某城"]]}
    for word in ("答应", "有意", "愿意", "考虑"):
        assert read(promised.replace("承诺", word)) == {"2033-11-30": [["某城"]]}
    made = promised.replace("，并承诺访问[[越南]]", "，李四此行访问[[越南]]")  # a visit told as made
    assert read(made) == {"2033-11-30": [["某城", "越南社会主义共和国"]]}


def test_an_office_holders_residence_between_a_city_and_the_venues_name_keeps_one_chain():
    text = HEAD + "2024年11月20日，乙国总理[[李四]]在[[某都]]总统官邸[[某宫]]与甲国总统[[张三]]举行会谈。"
    assert read(text) == {"2024-11-20": [["某宫", "某都"]]}


def test_the_seat_of_an_office_named_by_its_kind_between_a_city_and_the_buildings_name_keeps_one_chain():
    """``在[[某都]]总统府[[某宫]]``, ``在某国首都[[某都]]的总理府[[某楼]]``: the building is that seat, in the town."""
    seat = HEAD + "2036年1月15日，乙国总理[[李四]]在[[某都]]总统府[[某宫]]与甲国总统[[张三]]举行会谈。"
    assert read(seat) == {"2036-01-15": [["某宫", "某都"]]}
    after_of = seat.replace("在[[某都]]总统府[[某宫]]", "在[[某都]]的总理府[[某楼]]")
    assert read(after_of) == {"2036-01-15": [["某楼", "某都"]]}
    # something else between them keeps them apart: the building is not said to be in the town
    apart = seat.replace("在[[某都]]总统府[[某宫]]", "在[[某都]]外交部[[某宫]]")
    assert read(apart) == {"2036-01-15": [["某宫"]]}
    alone = seat.replace("总统府[[某宫]]", "总统府")  # no building named after it: the seat is the venue
    assert read(alone) == {"2036-01-15": [["某都总统府", "某都"]]}


def test_a_residence_named_by_its_kind_between_a_city_and_the_buildings_name_keeps_one_chain():
    """``在其位于[[某城]]的官邸[[某楼]]``, ``在[[某城]]总理寓所[[某楼]]``: the building is that residence, in the town."""
    text = HEAD + "2036年1月15日，甲国总理[[张三]]在其位于[[某城]]的官邸[[某楼]]与乙国总统[[李四]]举行会谈。"
    assert read(text) == {"2036-01-15": [["某楼", "某城"]]}
    kept = text.replace("的官邸[[某楼]]", "总理寓所[[某楼]]")
    assert read(kept) == {"2036-01-15": [["某楼", "某城"]]}
    other = text.replace("的官邸[[某楼]]", "的办公室[[某楼]]")  # no residence or seat between: not said to be in the town
    assert read(other) == {"2036-01-15": [["某楼"]]}


def containers(text):
    """place key → the keys of the places the extraction puts it in."""
    inside = {}
    for fact in extract(parse(Page(text=text, origin="t", title="甲乙会晤"))).facts:
        if fact.prop is Prop.LOCATED_IN:
            inside.setdefault(fact.subject.key, set()).add(fact.value.key)
    return inside


def test_the_gazetteers_city_stands_between_a_well_known_venue_and_the_state_the_text_puts_it_in():
    found = containers(box("[[人民大会堂]]", "", "[[中华人民共和国]]"))
    assert "北京" in found["人民大会堂"] and found["北京"] == {"中华人民共和国"}
    # a city the text puts in another state does not
    other = containers(box("[[人民大会堂]]", "", "[[越南]]") + "[[北京]]位于[[日本]]。\n")
    assert found["人民大会堂"] >= {"中华人民共和国"} and other["人民大会堂"] == {"越南社会主义共和国"}


def test_the_visit_the_lead_defines_places_its_meeting_placed_nowhere_else_in_the_visited_state():
    lead = ("'''李四访问越南'''是乙国总理[[李四]]于1977年11月19日至21日对[[越南]]进行的访问。"
            "访问期间，李四在某议会发表演说，并与甲国总统[[张三]]举行会谈。\n")
    assert read(lead, title="李四访问越南") == {"1977-11-19": [["越南社会主义共和国"]]}
    # a visit told in a later section places the talks its own sentence tells (the text says where)
    later = HEAD + "== 访问 ==\n1977年11月19日至21日，乙国总理[[李四]]对[[越南]]进行访问，并与甲国总统[[张三]]举行会谈。\n"
    assert read(later) == {"1977-11-19": [["越南社会主义共和国"]]}


def test_a_stop_somewhere_holds_the_meeting_its_sentence_tells_during_it():
    stop = HEAD + "1967年6月16日，甲国总理[[张三]]在[[某城]]停留七小时，同乙国总统[[李四]]会谈了两个多小时。"
    own = HEAD + "1967年6月16日，甲国总理[[张三]]在[[某城]]停留七小时，同乙国总统[[李四]]在[[某镇]]会谈。"
    assert read(stop) == {"1967-06-16": [["某城"]]}
    assert read(own) == {"1967-06-16": [["某镇"]]}


def test_a_gathering_attended_somewhere_holds_the_meeting_told_right_after_it_with_no_named_place():
    during = HEAD + "2022年12月8日，甲国主席[[张三]]在[[某都]]出席[[首届某峰会]]期间，会见了前来出席峰会的乙国总统[[李四]]。"
    lodging = HEAD + ("2017年11月11日下午，甲国主席[[张三]]在[[丙国]][[某港]]出席[[某领导人非正式会议]]后，"
                      "在下榻的酒店会见乙国总统[[李四]]。")
    local = HEAD + ("2022年11月13日，甲国总统[[张三]]与乙国总统[[李四]]在[[丙国]][[某都]]出席[[某系列峰会]]期间，"
                    "在当地一间酒店举行首脑会谈。")
    own = HEAD + "2022年12月8日，甲国主席[[张三]]在[[某都]]出席[[首届某峰会]]期间，在[[某宫]]会见乙国总统[[李四]]。"
    assert read(during) == {"2022-12-08": [["某都"]]}
    assert read(lodging) == {"2017-11-11": [["某港", "丙国"]]}
    assert read(local) == {"2022-11-13": [["某都", "丙国"]]}
    assert read(own) == {"2022-12-08": [["某宫"]]}  # a place named in the meeting's clause is its own


def test_a_region_between_a_state_and_its_port_keeps_the_chain_one():
    text = HEAD + "1998年12月3日，甲国总统[[张三]]与乙国首相[[李四]]在[[甲国]][[某地]]地区的港口城市[[某港]]举行会晤。"
    assert read(text) == {"1998-12-03": [["某港", "某地", "甲国"]]}


def test_a_hospital_or_a_study_at_the_end_of_the_phrase_is_the_venue():
    hospital = HEAD + "1998年11月23日，甲国主席[[张三]]与乙国总统[[李四]]在[[某城]]中央门诊医院举行了会晤。"
    study = HEAD + "1973年10月13日晚，甲国主席[[张三]]在[[某园]]游泳池书房会见乙国总理[[李四]]。"
    assert read(hospital) == {"1998-11-23": [["中央门诊医院", "某城"]]}
    assert read(study) == {"1973-10-13": [["游泳池书房", "某园"]]}
    # a bare kind of room is no name of its own
    bare = HEAD + "1967年6月23日，甲国总理[[张三]]与乙国总统[[李四]]在[[某宅]]的书房举行会谈。"
    assert read(bare) == {"1967-06-23": [["某宅"]]}


def test_a_town_of_the_reference_gazetteer_written_without_a_link_is_a_place():
    # 北京 holds 人民大会堂 in kg/data/venues.tsv: reference data about the world, not about an article
    text = HEAD + "2017年5月16日，乙国总理[[李四]]来华出席某论坛，甲国主席[[张三]]在北京会见了她。"
    assert read(text) == {"2017-05-16": [["北京"]]}


def test_where_the_leaders_sign_or_begin_their_talks_is_where_they_meet():
    signed = HEAD + "1963年1月22日，甲国总理[[张三]]与乙国总统[[李四]]在[[某城]]签署了《甲乙合作条约》。"
    begun = HEAD + "1966年1月4日，甲国总理[[张三]]与乙国总统[[李四]]在[[某城]]展开会谈。"
    assert read(signed) == {"1963-01-22": [["某城"]]}
    assert read(begun) == {"1966-01-04": [["某城"]]}
    # a document described by where it was signed is an earlier one; the talks' place comes first
    earlier = HEAD + "1985年11月19日，甲国总统[[张三]]与乙国总理[[李四]]会晤，重申在[[某港]]签署的《某港公报》。"
    talks = HEAD + "1991年7月30日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]举行峰会，并在[[某宫]]签署《某条约》。"
    assert read(earlier) == {"1985-11-19": []}
    assert read(talks) == {"1991-07-30": [["某城"]]}


def test_a_note_cell_that_says_where_the_leaders_signed_gives_the_venue():
    table = ("'''甲乙峰会列表'''列出甲国与乙国领导人的峰会。\n== 列表 ==\n"
             "{| class=\"wikitable\"\n! 日期 !! 地点 !! 主要参与者 !! 备注\n|-\n"
             "| 1991年7月30日至31日 || [[乙国]][[某都]] || [[张三]]、[[李四]] || 在[[某宫]]签署国际条约\n|}\n")
    found = read(table, title="甲乙峰会列表")
    assert found["1991-07-30"][0][:2] == ["某宫", "某都"]


def test_a_place_said_of_an_earlier_time_is_not_the_meetings():
    text = HEAD + ("2008年7月7日，甲国总统[[张三]]在某湖利用某峰会之机，与乙国总统[[李四]]举行了会谈，"
                   "再次令人想起七年前在[[某国]]的首次会面。")
    assert read(text) == {"2008-07-07": []}


def test_a_gathering_somewhere_and_the_meeting_on_its_occasion():
    text = HEAD + "2008年7月7日，甲国总统[[张三]]在[[某国]][[某湖]]利用某峰会之机，与乙国总统[[李四]]举行了会谈。"
    assert read(text) == {"2008-07-07": [["某湖", "某国"]]}



def test_a_tour_told_a_state_a_section_places_the_sections_meeting_in_that_state():
    tour = ("'''张三之行'''是甲国主席[[张三]]于2016年1月19日至23日对[[越南]]、[[老挝]]的访问。\n"
            "== 越南 ==\n1月19日，[[张三]]在[[某都]]同越南国家主席[[李四]]举行会谈。\n"
            "== 反应 ==\n=== 老挝 ===\n2016年1月25日，老挝国家主席[[王五]]在[[某港]]会见越南国家主席[[李四]]。\n")
    found = read(tour, title="张三之行")
    assert found["2016-01-19"] == [["某都", "越南社会主义共和国"]]
    assert found["2016-01-25"] == [["某港"]]  # a section of reactions names no state the meeting lies in


def test_a_tour_told_the_visit_to_a_state_a_section_places_the_sections_meeting_in_that_state():
    tour = ("'''张三之行'''是甲国主席[[张三]]于2038年1月19日至23日对[[越南]]、[[老挝]]的访问。\n"
            "== 访问越南 ==\n1月19日，[[张三]]在[[某都]]同越南国家主席[[李四]]举行会谈。\n"
            "== 訪問老撾 ==\n1月21日，[[张三]]在[[某城]]同老挝国家主席[[王五]]举行会谈。\n"
            "== 访问经过 ==\n1月23日，[[张三]]在[[某港]]同老挝总理[[赵六]]举行会谈。\n")
    found = read(tour, title="张三之行")
    assert found["2038-01-19"] == [["某都", "越南社会主义共和国"]]
    assert found["2038-01-21"] == [["某城", "老挝人民民主共和国"]]  # the heading in Traditional script
    assert found["2038-01-23"] == [["某港"]]  # a heading of the visit's account names no state


def test_a_visit_to_a_state_of_another_name_or_time_places_its_meeting_in_that_state():
    visit = "2034年9月5日，甲国总统[[张三]]对{}进行国事访问，与国王[[李四]]举行会谈。"
    assert read(visit.format("史瓦帝尼")) == {"2034-09-05": [["斯威士兰王国"]]}  # Eswatini, as Taiwan writes it
    assert read(visit.format("斯威士兰")) == {"2034-09-05": [["斯威士兰王国"]]}
    assert read(visit.format("捷克斯洛伐克")) == {"2034-09-05": [["捷克斯洛伐克社会主义共和国"]]}
    tour = "2034年9月5日，甲国总统[[张三]]先后访问[[乙国]]、捷克斯洛伐克和[[丙国]]，在[[某城]]与国王[[李四]]举行会谈。"
    assert read(tour) == {"2034-09-05": [["某城"]]}  # a tour of three states: no one of them holds the meeting


def test_meetings_told_one_a_list_item_after_the_sentence_that_says_where_they_were_held():
    text = HEAD + ("== 会谈 ==\n甲国主席[[张三]]在[[某堂]]分别同两国元首举行会谈：\n"
                   "* '''乙国'''：5月29日下午，[[张三]]同乙国总统[[李四]]举行会谈。\n"
                   "* '''丙国'''：5月30日下午，[[张三]]同丙国总统[[王五]]在[[某馆]]举行会谈。\n")
    found = read(text.replace("== 经过 ==\n", "== 经过 ==\n2024年5月28日，某论坛开幕。\n"))
    assert found["2024-05-29"] == [["某堂"]]
    assert found["2024-05-30"] == [["某馆"]]  # its own place first


def test_a_visit_to_a_site_or_one_proposed_for_next_time_puts_no_meeting_in_a_state():
    text = HEAD + ("2025年10月30日，甲国总统[[张三]]在[[某城]]出席峰会期间与日本首相[[李四]]举行会谈，"
                   "张三提出下次访日时前往[[某县]]。\n\n"
                   "2026年1月13日，张三抵达[[某港]]，下午在[[某市]]与李四会谈；两人共同参访[[法隆寺]]。")
    found = read(text)
    assert found["2025-10-30"] == [["某城"]]  # 下次访日: a visit proposed, not the one of the meeting
    assert all("法兰西共和国" not in c for c in found["2026-01-13"])  # 参访法隆寺 visits a temple, not France


def test_a_visit_whose_talks_are_told_at_no_place_was_held_in_the_town_reached_on_its_first_day():
    text = HEAD + ("2016年1月22日至23日，甲国主席[[张三]]对[[伊朗]]进行国事访问。22日，张三抵达[[某都]]，"
                   "在[[某都机场]]受到迎接。访问期间，张三同伊朗总统[[李四]]举行会谈。")
    assert read(text) == {"2016-01-22": [["某都", "伊朗"]]}
    arrived_at_a_site = text.replace("抵达[[某都]]，在[[某都机场]]受到迎接", "抵达[[某宾馆]]")
    assert read(arrived_at_a_site) == {"2016-01-22": [["伊朗"]]}  # a site reached is no town: the state visited


def test_a_place_reached_written_right_after_its_town_lies_in_it():
    text = ("'''甲国主席访问塞尔维亚'''是甲国主席[[张三]]于2024年5月7日至8日对[[塞尔维亚]]进行的国事访问。\n"
            "== 经过 ==\n=== 5月7日 ===\n7日晚，张三抵达[[某都]]。\n=== 5月8日 ===\n"
            "8日上午，张三乘车抵达某都[[某大厦]]，塞尔维亚总统[[李四]]在下车处迎接。\n\n"
            "欢迎仪式后，张三与李四在某大厦举行会谈。")  # another paragraph: not the town reached before it
    assert read(text) == {"2024-05-07": [["某大厦", "某都", "塞尔维亚共和国"]]}


def test_where_a_treaty_box_says_it_was_signed_is_the_venue_of_the_summit_of_its_day():
    box = ("{{Infobox treaty\n| name = 甲乙合作条约\n| date_signed = {{Start date|1963|1|22}}\n"
           "| location_signed = {{flagicon|FRA}} [[法国]][[某都]][[某宫]]\n}}\n")
    text = box + ("'''甲乙合作条约'''是甲国总统[[张三]]与乙国总理[[李四]]签署的双边条约。\n== 签署 ==\n"
                  "1963年1月22日，张三与李四在[[某都]]签署了条约。\n")
    assert read(text, title="甲乙合作条约") == {"1963-01-22": [["某宫", "某都", "法兰西共和国"]]}
    elsewhere = text.replace("在[[某都]]签署了条约", "在[[某山庄]]举行会谈并签署了条约")
    assert read(elsewhere, title="甲乙合作条约") == {"1963-01-22": [["某山庄"]]}  # the text places the talks elsewhere


def _venues_by_participants(text):
    extraction = extract(parse(Page(text=text, origin="t", title="甲乙会晤")))
    out = {}
    for summit in (e.id for e in extraction.entities if e.id.kind is Kind.SUMMIT):
        about = [f for f in extraction.facts if f.subject == summit]
        who = frozenset(f.value.key for f in about if f.prop is Prop.PARTICIPANT)
        out[who] = {f.value.key for f in about if f.prop is Prop.VENUE}
    return out


def test_a_meeting_placed_nowhere_was_held_where_its_days_meetings_one_after_another_were():
    text = HEAD + ("=== 2014年11月22日 ===\n11月22日，甲国主席[[张三]]在[[某城]]先后举行两场双边会谈。\n\n"
                   "双边会见结束后，张三同乙国总理[[李四]]、丙国总理[[王五]]举行集体会晤。")
    assert _venues_by_participants(text)[frozenset({"张三", "李四", "王五"})] == {"某城"}
    one_meeting = HEAD + ("=== 2014年11月22日 ===\n11月22日，甲国主席[[张三]]在[[某城]]同乙国总理[[李四]]举行会谈。\n\n"
                          "当天下午，张三同丙国总理[[王五]]举行会晤。")
    assert _venues_by_participants(one_meeting)[frozenset({"张三", "王五"})] == set()  # one meeting's place only


def test_a_stops_meeting_is_not_held_in_the_town_the_next_leg_reaches_that_evening():
    """A tour told a leg a section (``=== 第一天：乙国（5月7日） ===``, ``=== 第二天：丙国（5月8日） ===``): the town
    the next leg's section has the leader reach on the stop's day (``张三于5月7日晚抵达[[某都]]``) is the next
    stop's, not the place of the stop's own talks; a section headed by a day alone goes on with the same stop."""
    text = ("'''张三访问两国'''是甲国总统[[张三]]于2022年5月7日至8日对[[伯利兹]]和[[古巴]]进行的工作访问。\n== 行程 ==\n"
            "=== 第一天：伯利兹（5月7日） ===\n5月7日，张三抵达伯利兹，与伯利兹总理[[李四]]举行私人会晤。"
            "当天16时，张三起飞前往古巴。\n"
            "=== 第二天：古巴（5月8日） ===\n张三于5月7日晚抵达[[某都]]。8日，他在[[某宫]]与古巴国家主席[[王五]]举行会谈。\n")
    stop = frozenset({"张三", "李四"})
    assert _venues_by_participants(text)[stop] == {"伯利兹"}
    assert _venues_by_participants(text.replace("第二天：古巴（5月8日）", "第二天（5月8日）"))[stop] == {"某都"}


def test_a_days_meeting_is_not_held_in_the_town_reached_after_its_own_sentence_told_the_leaders_meeting():
    """A stop on the way (``途中在[[巴拿马]]停留…随后两人举行双边会谈``) is over once its sentence tells the
    talks: the town reached after it that day (``当晚…抵达巴拉圭首都[[某都]]``) is the next stop's. Not after a
    welcome alone, where the talks are told after the town reached (``乙到机场迎接。甲随后抵达…[[某城]]``)."""
    text = ("'''张三出访'''是指甲国总统[[张三]]于2008年8月率团前往[[巴拉圭]]，出席该国新任总统的就职典礼。\n== 行程 ==\n"
            "8月13日，张三飞往南美，途中在[[巴拿马]]停留约两小时。巴拿马总统[[李四]]到机场迎接，随后两人举行双边会谈。"
            "当晚11时40分，张三抵达巴拉圭首都[[某都]]。\n")
    met = frozenset({"张三", "李四"})
    assert _venues_by_participants(text)[met] == set()
    welcomed = text.replace("到机场迎接，随后两人举行双边会谈。当晚11时40分，张三抵达巴拉圭首都[[某都]]。",
                            "到机场迎接。张三随后抵达巴拿马首都[[某城]]。当天，张三同李四举行会谈。")
    assert _venues_by_participants(welcomed)[met] == {"某城"}


def test_a_meeting_of_one_day_placed_nowhere_was_held_in_the_town_a_participant_reached_that_day():
    text = HEAD + "2024年5月26日中午，乙国总理[[李四]]抵达[[某都]]机场。当天，甲国总统[[张三]]与李四举行双边会谈。"
    assert read(text) == {"2024-05-26": [["某都"]]}
    the_next_day = text.replace("当天，", "5月27日，")  # the visit from the arrival (conventions)
    assert read(the_next_day) == {"2024-05-26": [["某都"]]}
    days_later = text.replace("当天，", "5月29日，")
    assert read(days_later) == {"2024-05-29": []}


def test_a_meeting_of_one_day_placed_only_in_the_state_of_its_leg_was_held_in_the_town_reached_that_day():
    text = ("'''张三访问两国'''是指甲国主席[[张三]]于2006年4月下旬对[[丙国]]和[[加纳]]进行的国事访问。\n"
            "== 行程 ==\n=== 加纳 ===\n2006年4月26日，张三乘坐的专机抵达[[某都]]国际机场，加纳总统[[李四]]在舷梯下迎接。"
            "当天，张三同李四举行会谈。\n")
    assert read(text, title="张三访问两国") == {"2006-04-26": [["某都", "加纳共和国"]]}  # not the state alone


def test_a_town_landed_in_driven_into_or_moved_on_to_holds_the_meeting_of_that_day():
    """``降落在[[某都]]某空军基地``, ``专列驶抵[[某都]]车站``, ``转抵[[某都]]``: the town reached, as after 抵达. Not a
    town written before a dash and another (``降落在[[某都]]－[[某城]]的某机场``): the airport of both."""
    text = ("'''张三访问两国'''是指甲国主席[[张三]]于2006年4月下旬对[[丙国]]和[[加纳]]进行的国事访问。\n"
            "== 行程 ==\n=== 加纳 ===\n2006年4月26日，张三乘坐的专机降落在[[某都]]某空军基地，加纳总统[[李四]]在舷梯下迎接。"
            "当天，张三同李四举行会谈。\n")
    assert read(text, title="张三访问两国") == {"2006-04-26": [["某都", "加纳共和国"]]}
    driven = text.replace("乘坐的专机降落在[[某都]]某空军基地", "的专列驶抵[[某都]]车站")
    assert read(driven, title="张三访问两国") == {"2006-04-26": [["某都", "加纳共和国"]]}
    moved_on = text.replace("张三乘坐的专机降落在[[某都]]某空军基地", "张三结束对丙国的访问，转抵[[某都]]")
    assert read(moved_on, title="张三访问两国") == {"2006-04-26": [["某都", "加纳共和国"]]}
    twin = text.replace("[[某都]]某空军基地", "[[某都]]－[[某城]]的某机场")
    assert read(twin, title="张三访问两国") == {"2006-04-26": [["加纳共和国"]]}


def test_the_town_a_tour_reaches_as_its_first_or_last_stop_holds_the_meeting_of_that_day():
    """``抵达首站某国首都[[某都]]``, ``抵达此行最后一站…``: a tour's stop written between the verb and the
    town's state, the town reached all the same. Not one left (``离开首站…``)."""
    text = ("'''张三访问两国'''是指甲国主席[[张三]]于2006年4月下旬对[[丙国]]和[[加纳]]进行的国事访问。\n"
            "== 行程 ==\n=== 加纳 ===\n2006年4月26日，张三抵达首站加纳首都[[某都]]。当天下午，他会晤加纳总统[[李四]]。\n")
    assert read(text, title="张三访问两国") == {"2006-04-26": [["某都", "加纳共和国"]]}
    last = text.replace("抵达首站", "抵达此行最后一站")
    assert read(last, title="张三访问两国") == {"2006-04-26": [["某都", "加纳共和国"]]}
    left = text.replace("抵达首站", "离开首站")
    assert read(left, title="张三访问两国") == {"2006-04-26": [["加纳共和国"]]}


def test_the_town_gone_on_to_after_reaching_another_holds_the_meeting_of_that_day():
    """``抵达[[某都]]，随即前往某都以南的[[某城]]``: the town he went on to holds the talks told after it, not the
    one he landed in, nor the one its way is told from; where he only landed, the town he landed in."""
    text = HEAD + ("2020年10月20日，甲国首相[[张三]]抵达[[某都]]，随即前往某都以南的[[某城]]。"
                   "当天下午，他在[[某宫]]与乙国总统[[李四]]举行会谈。")
    assert read(text) == {"2020-10-20": [["某宫", "某城"]]}
    assert read(text.replace("某都以南的[[某城]]", "[[某城]]")) == {"2020-10-20": [["某宫", "某城"]]}
    assert read(text.replace("，随即前往某都以南的[[某城]]", "")) == {"2020-10-20": [["某宫", "某都"]]}
    assert read(text.replace("随即前往某都以南的[[某城]]", "参观了[[某城]]")) == {"2020-10-20": [["某宫", "某都"]]}


def test_a_visits_summit_of_a_few_days_placed_nowhere_was_held_in_the_town_reached():
    text = HEAD + ("2001年6月25日至28日，甲国总理[[张三]]应邀访问乙国。抵达[[某都]]机场后，张三发表讲话。"
                   "访问期间，张三与乙国总理[[李四]]共举行了三次会谈。")
    assert read(text) == {"2001-06-25": [["某都"]]}  # its days: 25 to 28, in the town he reached
    a_long_stay = text.replace("6月25日至28日", "6月15日至28日")
    assert read(a_long_stay) == {"2001-06-15": []}


def test_a_legs_summit_is_held_in_the_town_reached_not_at_the_lodging_of_a_later_day():
    text = ("'''张三访问两国'''是指甲国主席[[张三]]于2006年4月下旬对[[丙国]]和[[加纳]]进行的国事访问。\n"
            "== 行程 ==\n=== 加纳 ===\n2006年4月27日，张三抵达加纳首都[[某都]]，开始对加纳进行国事访问。"
            "28日，加纳总统[[李四]]在总统府前为张三举行欢迎仪式，随后两国元首举行会谈。\n\n"
            "4月29日，张三在下榻的饭店会见了某学院师生。当天，张三结束对加纳的访问，离开某都回国。\n")
    assert read(text, title="张三访问两国") == {"2006-04-27": [["某都", "加纳共和国"]]}  # 27 to 29, not 下榻的饭店


def test_the_freedom_house_lies_in_panmunjom_by_the_gazetteer():
    text = HEAD + "2019年6月30日，甲国总统[[张三]]与乙国领导人[[李四]]在自由之家举行会谈。两人随后在板门店散步。"
    assert read(text) == {"2019-06-30": [["自由之家", "板门店"]]}


def test_a_meeting_told_during_a_summit_of_more_leaders_was_held_at_its_venue():
    text = HEAD + ("2019年12月9日，甲国总统[[张三]]、乙国总理[[李四]]、丙国总统[[王五]]和丁国总统[[赵六]]在[[某都]][[某宫]]举行四国峰会。"
                   "四国领导人在会议期间举行了多场双边会见，王五与赵六并在某都举行了两人的首次面对面会谈。")
    found = _venues_by_participants(text)
    assert found[frozenset({"王五", "赵六"})] == {"某宫"}  # 某都's 某宫, the summit's


def test_a_gathering_attended_at_the_place_is_no_part_of_it():
    text = ("'''甲乙总理会晤'''是[[甲国总理]][[张三]]与[[乙国总理]][[李四]]之间的会晤机制，1997年两国总理在[[某城]]签署协定。\n"
            "== 其他会面 ==\n"
            "2025年11月17日，张三在[[某都]]出席[[某城合作组织]]成员国总理理事会会议期间与李四会面。\n")
    assert read(text, title="甲乙总理会晤") == {"2025-11-17": [["某都"]]}


def test_a_leader_who_goes_somewhere_to_sign_with_the_other_meets_there():
    text = ("'''甲乙条约'''是甲国与乙国签署的条约。\n== 背景 ==\n"
            "1970年8月12日，[[甲国总理]][[张三]]亲自前往[[某都]]，与乙国部长会议主席[[李四]]签署《[[甲乙条约]]》。\n")
    assert read(text, title="甲乙条约") == {"1970-08-12": [["某都"]]}


def test_a_place_of_a_month_told_back_by_a_speaker_is_not_the_meetings():
    text = (HEAD + "2019年12月23日，甲国总统[[张三]]与乙国总理[[李四]]会晤。"
            "张三在会见李四时表示，今年6月两人在[[某城]]会晤，一致同意推动两国关系；李四则表达了关切。")
    assert read(text) == {"2019-12-23": []}
    text = HEAD + "2019年12月23日，甲国总统[[张三]]与乙国总理[[李四]]会晤，两人曾在[[某城]]会面。"
    assert read(text) == {"2019-12-23": []}


def test_an_inline_conversion_in_a_place_field_reads_as_its_shown_form_not_as_two_items():
    assert read(box("[[甲国]][[某边疆区]]-{zh-hans:乙城; zh-hant:乙市;}-附近甲城休养地")) == {
        "2005-04-29": [["甲城休养地", "某边疆区", "甲国"]]}


def test_a_town_gone_to_after_the_talks_of_its_sentence_is_not_where_the_day_s_meeting_was():
    text = HEAD + ("2024年5月26日，甲国总统[[张三]]与乙国总理[[李四]]举行双边会谈。"
                   "当天，李四先在[[某都]]与丙国总统[[王五]]会谈，随后前往[[某城]]。")
    assert read(text) == {"2024-05-26": []}
    arrived = text.replace("先在[[某都]]与丙国总统[[王五]]会谈，随后前往[[某城]]", "抵达[[某城]]")
    assert read(arrived) == {"2024-05-26": [["某城"]]}


def test_an_old_city_written_after_its_state_lies_in_it():
    text = HEAD + "2022年9月15日，甲国总统[[张三]]与乙国总理[[李四]]在[[乌兹别克斯坦]]古城[[某城]]举行会谈。"
    assert read(text) == {"2022-09-15": [["某城", "乌兹别克斯坦共和国"]]}


def test_an_embassy_lies_in_the_state_its_name_says_in_the_town_the_article_places_there():
    text = ("'''甲乙会晤'''是甲国总统[[张三]]与乙国总书记[[李四]]的会晤。\n== 经过 ==\n"
            "1979年6月16日，张三与李四在[[美国驻瑞士大使馆|美国大使馆]]举行会谈。\n{more}")
    assert read(text.format(more="== 背景 ==\n[[某城]]位于[[瑞士]]西部。\n")) \
        == {"1979-06-16": [["美国驻瑞士大使馆", "某城", "瑞士联邦"]]}
    assert read(text.format(more="")) == {"1979-06-16": [["美国驻瑞士大使馆", "瑞士联邦"]]}


def test_a_towns_meeting_was_held_where_the_welcome_ceremony_before_its_talks_was():
    text = HEAD + ("2023年5月7日至8日，甲国总统[[张三]]访问[[某都]]，与乙国总理[[李四]]举行会晤。\n\n"
                   "5月7日，张三抵达某都；当天下午，乙国总理[[李四]]在[[某府]]为张三举行欢迎仪式，随后两人举行会谈。")
    assert read(text) == {"2023-05-07": [["某府", "某都"]]}
    next_sentence = text.replace("，随后两人举行会谈。", "。欢迎仪式后，两人举行会谈。")
    assert read(next_sentence) == {"2023-05-07": [["某府", "某都"]]}
    own_place = text.replace("随后两人举行会谈", "随后两人在[[某厅]]举行会谈")  # the talks' own place
    assert read(own_place)["2023-05-07"] != [["某府", "某都"]]
    no_talks = text.replace("随后两人举行会谈", "随后两人共进晚餐")
    assert read(no_talks) == {"2023-05-07": [["某都"]]}


def test_the_talks_follow_the_welcome_after_what_the_ceremony_holds():
    text = HEAD + ("2023年5月7日至8日，甲国总统[[张三]]访问[[某都]]，与乙国总理[[李四]]举行会晤。\n\n"
                   "5月7日，张三抵达某都。乙国总理[[李四]]在[[某广场]]为张三举行欢迎仪式，鸣礼炮21响，"
                   "三军仪仗队列队。欢迎仪式后，两人举行会谈。")
    assert read(text) == {"2023-05-07": [["某广场", "某都"]]}  # the town reached in the sentence before
    told = text.replace("举行欢迎仪式", "举行仪式，欢迎张三访问乙国")  # 举行仪式，欢迎…: a welcome ceremony
    assert read(told) == {"2023-05-07": [["某广场", "某都"]]}
    elsewhere = text.replace("三军仪仗队列队", "随后前往某馆参观")  # another place before the talks
    assert read(elsewhere) == {"2023-05-07": [["某都"]]}


def test_the_talks_the_visitor_goes_to_from_the_welcome_he_attends_were_held_where_it_was():
    text = HEAD + ("2023年5月7日至8日，甲国总统[[张三]]访问[[某都]]，与乙国总理[[李四]]举行会晤。\n\n"
                   "5月7日，张三抵达某都；当天下午，张三在[[某宫]]出席欢迎仪式，并与李四举行约40分钟的会谈。")
    assert read(text) == {"2023-05-07": [["某宫", "某都"]]}
    straight = text.replace("，并与李四举行约40分钟的会谈", "，同乙国总理李四举行会谈")
    assert read(straight) == {"2023-05-07": [["某宫", "某都"]]}
    joined = text.replace("出席欢迎仪式，并与李四举行约40分钟的会谈", "出席欢迎仪式并与李四会谈")
    assert read(joined) == {"2023-05-07": [["某宫", "某都"]]}
    own_place = text.replace("并与李四举行", "并与李四在[[某厅]]举行")  # the talks' own place, not the welcome's
    assert read(own_place)["2023-05-07"] != [["某宫", "某都"]]
    no_talks = text.replace("并与李四举行约40分钟的会谈", "随后发表演讲")
    assert read(no_talks) == {"2023-05-07": [["某都"]]}


def test_talks_the_pair_holds_right_after_the_hosts_welcome_were_held_where_it_was():
    text = HEAD + ("2023年5月7日至8日，甲国总统[[张三]]访问[[某都]]，与乙国总理[[李四]]举行会晤。\n\n"
                   "5月7日，张三抵达某都；当天下午，乙国总理[[李四]]在[[某府]]为张三举行欢迎仪式，两国元首举行单独会谈。")
    assert read(text) == {"2023-05-07": [["某府", "某都"]]}
    at_once = text.replace("两国元首举行单独会谈", "两人随即举行会谈")
    assert read(at_once) == {"2023-05-07": [["某府", "某都"]]}
    same_day = text.replace("两国元首举行单独会谈", "同日两国元首在[[某厅]]举行会谈")  # 同日: no partner, a place of its own
    assert read(same_day)["2023-05-07"] != [["某府", "某都"]]


def test_a_towns_meeting_whose_talks_have_no_place_was_held_where_the_host_gave_the_banquet():
    text = HEAD + ("2014年8月30日，乙国总理[[李四]]抵达[[甲城]]，同甲国首相[[张三]]举行会谈。"
                   "当晚，张三在[[某馆]]为李四举行非正式晚宴。")
    assert read(text) == {"2014-08-30": [["某馆", "甲城"]]}
    feast = HEAD + ("1978年5月20日上午，甲国总统[[张三]]乘专机抵达[[乙都]]，乙国主席[[李四]]到机场迎接，"
                    "当晚在[[某议事堂]]举行盛大宴会欢迎张三。")
    assert read(feast) == {"1978-05-20": [["某议事堂", "乙都"]]}
    own_place = text.replace("同甲国首相", "在[[某宫]]同甲国首相")  # the talks' own place
    assert read(own_place) == {"2014-08-30": [["某宫", "甲城"]]}
    next_day = text.replace("当晚", "9月5日晚")  # a banquet of another day
    assert read(next_day) == {"2014-08-30": [["甲城"]]}
    guests = text.replace("为李四举行非正式晚宴", "举行宴会，欢迎出席论坛的各国贵宾")  # a gathering's guests, not the visitor
    assert read(guests) == {"2014-08-30": [["甲城"]]}


def test_a_lodging_with_no_town_of_its_own_names_no_venue():
    text = HEAD + "2023年5月7日，甲国总统[[张三]]访问[[某都]]，当晚在下榻的饭店同乙国总理[[李四]]举行会谈。"
    assert read(text) == {"2023-05-07": [["某都"]]}  # the town it lies in
    own_town = HEAD + "2023年5月7日，甲国总统[[张三]]在[[某都]]下榻饭店同乙国总理[[李四]]举行会谈。"
    assert read(own_town) == {"2023-05-07": [["下榻饭店", "某都"]]}  # the phrase gives its town: a venue



def test_an_infobox_venue_lies_in_the_listed_city_that_holds_it_not_the_first():
    # 白宫 lies in 华盛顿 by the reference gazetteer; 某港 only names another stop of the visit
    assert read(box("[[白宫]]", "[[某港]]、[[华盛顿]]")) == {"2005-04-29": [["白宫", "华盛顿"]]}
    # a venue no listed city is known to hold stays in the first, as before
    assert read(box("[[某宫]]", "[[某港]]、[[某城]]")) == {"2005-04-29": [["某宫", "某港"]]}


def test_a_site_placed_only_in_the_state_lies_in_the_capital_reached_before_it():
    text = HEAD + ("2025年5月14日下午，甲国总统[[张三]]飞抵芬兰首都[[某都]]，这是甲国总统首次对芬兰进行国事访问。"
                   "芬兰总统[[李四]]在[[某国际机场]]迎接张三，两人随后在[[某宫]]举行会谈。")
    assert read(text) == {"2025-05-14": [["某宫", "某都", "芬兰共和国"]]}


def test_a_town_reached_written_after_where_in_its_state_it_lies_holds_the_site_met_at():
    """抵达芬兰西南部城市某都 (芬兰红海之滨城市…): the state, where in it the town lies, what the town is;
    the town holds the site placed only in the state."""
    for part in ("西南部", "波罗的海之滨"):
        text = HEAD + (f"2025年5月14日下午，甲国总统[[张三]]飞抵芬兰{part}城市[[某都]]，这是甲国总统首次对芬兰进行国事访问。"
                       "芬兰总统[[李四]]在[[某国际机场]]迎接张三，两人随后在[[某宫]]举行会谈。")
        assert read(text) == {"2025-05-14": [["某宫", "某都", "芬兰共和国"]]}


def test_a_town_after_a_state_and_more_than_where_in_it_is_no_town_reached():
    """抵达芬兰后会见了某城市[[某都]]市长: the words between the state and the town are no part of the state."""
    text = HEAD + ("2025年5月14日下午，甲国总统[[张三]]飞抵芬兰后会见了来自城市[[某都]]的代表。"
                   "芬兰总统[[李四]]在[[某国际机场]]迎接张三，两人随后在[[某宫]]举行会谈。")
    assert read(text) == {"2025-05-14": [["芬兰共和国"], ["某宫"]]}


def test_a_town_reached_after_its_state_holds_the_site_met_at_that_day():
    text = HEAD + ("2013年3月24日，甲国主席[[张三]]抵达芬兰[[某都]]，开始对芬兰进行国事访问。"
                   "当天下午，张三抵达总统府，芬兰总统[[李四]]来到总统府院门迎接，随后两国元首举行会谈。")
    assert read(text) == {"2013-03-24": [["总统府 (某都)", "某都", "芬兰共和国"]]}


def test_a_town_reached_on_another_day_does_not_hold_a_site_placed_in_a_state():
    text = HEAD + ("2023年5月21日上午，甲国总统[[张三]]赴[[某城]]出席多边峰会。"
                   "2023年8月18日，张三与乙国总统[[李四]]在芬兰[[某山营]]举行会谈。")
    assert read(text) == {"2023-08-18": [["某山营", "芬兰共和国"]]}


def test_a_body_whose_seat_is_visited_holds_no_place():
    text = HEAD + ("2014年5月7日，甲国总理[[张三]]访问了[[某联盟]]总部，在[[某联盟会议中心]]发表演讲，并出席在[[某城]]举行的论坛，"
                   "同乙国总统[[李四]]举行会谈。")
    assert read(text) == {"2014-05-07": [["某城"]]}


def test_where_a_leader_met_the_press_the_day_after_is_not_the_venue_of_the_talks():
    text = ("'''甲乙会晤'''是[[甲国]]与[[乙国]]领导人的会晤。\n== 经过 ==\n"
            "2018年1月9日，甲国总统[[张三]]与乙国总理[[李四]]举行会谈；10日张三离开前在[[某使馆]]举行记者会。")
    assert read(text)["2018-01-09"] == []


def test_a_town_a_held_at_phrase_writes_after_its_state_lies_in_it_in_any_sentence():
    # the summit's own sentence names the town alone; a later sentence, telling no summit, holds it in the state
    text = HEAD + ("2009年11月18日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤。\n\n"
                   "这是双方第一次在[[瑞士]][[某城]]举行会议，议题是能源问题。")
    assert read(text) == {"2009-11-18": [["某城", "瑞士联邦"]]}
    no_state = text.replace("[[瑞士]][[某城]]", "[[某城]]")
    assert read(no_state) == {"2009-11-18": [["某城"]]}


def test_a_name_in_quotes_before_its_kind_is_the_venue_even_before_an_adverb_of_the_meeting():
    text = HEAD + "1999年8月25日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]附近的“湖畔”疗养院举行会晤。"
    assert read(text) == {"1999-08-25": [["“湖畔”疗养院", "某城"]]}
    first = text.replace("附近的“湖畔”疗养院举行会晤", "“湖畔”宾馆先举行小范围会晤")
    assert read(first) == {"1999-08-25": [["“湖畔”宾馆", "某城"]]}
    not_a_kind = text.replace("“湖畔”疗养院", "“湖畔”")  # a quoted word alone names no venue
    assert read(not_a_kind) == {"1999-08-25": [["某城"]]}


def test_a_town_written_after_its_state_after_any_at_lies_in_it():
    # 发表 is no verb of a held-at phrase: the 在 alone says where, and the town lies in the state before it
    text = HEAD + ("2009年11月18日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤。\n\n"
                   "乙国的第一份宣言也是在[[瑞士]]首都[[某城]]发表的。")
    assert read(text) == {"2009-11-18": [["某城", "瑞士联邦"]]}
    no_at = text.replace("也是在[[瑞士]]首都[[某城]]发表的", "也与[[瑞士]]首都[[某城]]有关")
    assert read(no_at) == {"2009-11-18": [["某城"]]}


def test_a_site_gone_to_holds_the_talks_of_the_next_clause():
    text = HEAD + "2023年5月7日，甲国总统[[张三]]前往[[某都]]的[[某宫]]，与乙国总理[[李四]]举行会谈。"
    assert read(text) == {"2023-05-07": [["某宫", "某都"]]}
    own_place = text.replace("与乙国总理[[李四]]举行会谈", "随后在[[某馆]]与乙国总理[[李四]]举行会谈")
    assert read(own_place)["2023-05-07"] != [["某宫", "某都"]]  # the talks' own place


def test_a_partner_word_that_begins_a_venues_name_does_not_end_the_place():
    text = HEAD + "2023年5月7日下午，甲国总统[[张三]]在[[某都]]和平大厦会见乙国总理[[李四]]。"
    assert read(text) == {"2023-05-07": [["和平大厦", "某都"]]}  # 和 of 和平大厦, not "and"
    partner = HEAD + "2023年5月7日下午，甲国总统[[张三]]在[[某都]]和乙国总理[[李四]]会谈。"
    assert read(partner) == {"2023-05-07": [["某都"]]}


def test_a_partner_word_that_begins_a_venues_name_does_not_end_the_place_before_the_partner():
    text = HEAD + "2034年3月9日晚，甲国总统[[张三]]在[[某都]]和平大厦同乙国总理[[李四]]举行会谈。"
    assert read(text) == {"2034-03-09": [["和平大厦", "某都"]]}  # 同 ends the place, not the 和 of 和平大厦
    partner = HEAD + "2034年3月9日晚，甲国总统[[张三]]在[[某都]]和乙国总理[[李四]]举行会谈后同丙国官员座谈。"
    assert read(partner) == {"2034-03-09": [["某都"]]}  # 和 begins no venue's name: the partner


def test_who_came_along_after_zai_is_no_place_and_the_place_reached_after_it_is_the_meetings():
    text = HEAD + "2036年6月2日下午，甲国总统[[张三]]在夫人[[王五]]陪同下抵达首相官邸与乙国总理[[李四]]会晤。"
    assert read(text) == {"2036-06-02": [["首相官邸"]]}  # not 王五, who came along
    at_a_place = text.replace("在夫人[[王五]]陪同下抵达首相官邸", "在[[某宫]]")
    assert read(at_a_place) == {"2036-06-02": [["某宫"]]}


def test_a_visits_site_lies_in_the_one_town_reached_on_an_earlier_day_of_its_account():
    text = ("'''2014年张三访问乙国'''是甲国主席[[张三]]于2014年7月21日至23日对[[乙国]]首都[[某都]]进行的国事访问。\n"
            "== 经过 ==\n=== 7月21日 ===\n21日晚，张三乘专机抵达某都[[某国际机场]]，乙国副主席[[王五]]到机场迎接。\n\n"
            "=== 7月22日 ===\n22日，乙国主席[[李四]]在[[某宫 (乙国)|某宫]]为张三举行欢迎仪式，随后两国元首举行会谈。\n")
    assert read(text, title="2014年张三访问乙国") == {"2014-07-21": [["某宫", "某都", "乙国"]]}
    two_towns = text.replace("到机场迎接。", "到机场迎接。当晚，张三转赴[[某港]]。")  # which of them: neither
    assert read(two_towns, title="2014年张三访问乙国") == {"2014-07-21": [["某宫"]]}


def test_a_days_meeting_in_an_aftermath_was_held_in_the_town_a_participant_reached_the_evening_before():
    text = HEAD + ("2018年8月20日，甲国总统[[张三]]在[[某宫]]同乙国总理[[李四]]举行会谈。\n== 后续 ==\n"
                   "2019年4月24日晚，李四乘专机抵达[[某都]]，出席某论坛。4月25日，张三会见李四。")
    assert read(text)["2019-04-25"] == [["某都"]]
    someone_else = text.replace("李四乘专机抵达", "丙国总理[[王五]]乘专机抵达")  # not who met
    assert read(someone_else)["2019-04-25"] == []
    days_later = text.replace("4月25日，", "4月28日，")
    assert read(days_later)["2019-04-28"] == []


def test_a_meeting_was_held_in_the_town_its_own_sentence_says_a_leader_reached_before_the_talks():
    text = HEAD + ("== 后续 ==\n2017年1月12日，甲国总统[[张三]]抵达[[某都]]，成为首位访问[[越南]]的甲国元首，"
                   "随即与越南总理[[李四]]举行峰会。")
    assert read(text) == {"2017-01-12": [["某都", "越南社会主义共和国"]]}
    gone_on_after = HEAD + ("== 后续 ==\n2017年1月12日，甲国总统[[张三]]访问[[越南]]，与越南总理[[李四]]举行会谈，"
                            "随后前往[[某城]]。")  # the town gone to after the talks is not theirs
    assert read(gone_on_after) == {"2017-01-12": [["越南社会主义共和国"]]}


def test_meetings_of_a_day_were_held_where_an_undated_sentence_before_them_says_all_were_held_one_by_one():
    text = HEAD + ("=== 会见各国领导人 ===\n访问乙国期间，甲国主席[[张三]]在[[某城]]同专程前来的各国领导人分别会晤。"
                   "2013年6月1日，张三会见了丙国总理[[王五]]。")
    assert _venues_by_participants(text)[frozenset({"张三", "王五"})] == {"某城"}
    one_meeting = text.replace("同专程前来的各国领导人分别会晤", "同乙国总理[[李四]]举行会谈")
    assert _venues_by_participants(one_meeting)[frozenset({"张三", "王五"})] == set()  # one meeting's place only


def test_a_tour_of_several_states_gives_its_tables_rows_no_one_visited_state():
    text = ("'''1970年张三出访'''是[[甲国]]总理[[张三]]于1970年3月对[[老挝]]、[[泰国]]和[[越南]]进行的国事访问。\n"
            "== 日程 ==\n"
            '{| class="wikitable"\n|+ 访问日程\n! 国家 !! 日期 !! 会谈对象 !! 地点\n|-\n'
            "| {{flagcountry|Nowhere}} || 1970年3月2日－5日 || [[李四]]总统 || [[某城]]\n|}\n")
    assert read(text, title="1970年张三出访") == {"1970-03-02": [["某城"]]}


def test_a_well_known_venues_name_in_quotes_after_another_place_is_a_nickname_not_that_venue():
    text = HEAD + "1978年8月21日下午，甲国主席[[张三]]在[[乙国]]“白宫”同乙国总统[[李四]]会面交谈。"
    assert read(text) == {"1978-08-21": [["乙国"]]}  # not the White House in Washington
    its_town = HEAD + "1978年8月21日下午，甲国主席[[张三]]在[[华盛顿]]“白宫”同乙国总统[[李四]]会面交谈。"
    assert read(its_town) == {"1978-08-21": [["白宫", "华盛顿"]]}


def test_two_capitals_palaces_of_one_generic_name_are_two_places_each_in_its_own_town():
    text = ("'''甲乙丙会晤'''是[[甲国]]总统[[张三]]对[[乙国]]与[[丙国]]的访问。\n== 经过 ==\n"
            "2016年5月2日，张三在[[乙都]][[国家宫 (乙国)|国家宫]]同乙国总统[[李四]]举行会谈。"
            "2016年5月5日，张三在[[丙都]][[國家宮 (丙國)|國家宮]]同丙国总统[[王五]]举行会谈。")
    assert read(text, title="甲乙丙会晤") == {"2016-05-02": [["国家宫 (乙国)", "乙都"]],
                                             "2016-05-05": [["国家宫 (丙国)", "丙都"]]}


def test_a_generic_building_linked_by_its_state_lies_in_the_town_reached_before_the_state():
    text = ("'''甲国主席访问芬兰'''是甲国主席[[张三]]于2030年6月4日至6日对[[芬兰]]进行的国事访问。\n== 行程 ==\n"
            "=== 6月4日 ===\n4日下午，张三乘专机抵达[[某都]]。\n=== 6月5日 ===\n"
            "5日上午，芬兰总统[[李四]]在[[总统府 (芬兰)|总统府]]庭院为张三举行欢迎仪式，随后两国元首举行会谈。")
    assert read(text, title="甲国主席访问芬兰") == {"2030-06-04": [["总统府 (芬兰共和国)", "某都", "芬兰共和国"]]}


def test_an_unlinked_generic_building_is_the_building_of_the_town_the_text_puts_it_in():
    text = ("'''甲乙丙会晤'''是[[甲国]]总统[[张三]]对[[乙国]]与[[丙国]]的访问。\n== 经过 ==\n"
            "2016年5月2日，张三抵达[[乙都]]。当天下午，张三在总统府同乙国总统[[李四]]举行会谈。"
            "2016年5月5日，张三抵达[[丙都]]。当天下午，张三在总统府同丙国总统[[王五]]举行会谈。")
    assert read(text, title="甲乙丙会晤") == {"2016-05-02": [["总统府 (乙都)", "乙都"]],
                                             "2016-05-05": [["总统府 (丙都)", "丙都"]]}
    other = ("'''甲丁会晤'''是[[甲国]]总统[[张三]]对[[丁国]]的访问。\n== 经过 ==\n"
             "2017年6月2日，张三抵达[[丁都]]。当天下午，张三在总统府同丁国总统[[赵六]]举行会谈。")
    assert read(other, title="甲丁会晤") == {"2017-06-02": [["总统府 (丁都)", "丁都"]]}  # not 乙都's palace


def test_an_unlinked_generic_building_in_the_town_of_the_one_the_article_links_is_that_building():
    text = ("'''甲乙会晤'''是[[甲国]]总统[[张三]]对[[乙国]]的访问。\n== 经过 ==\n"
            "2016年5月2日，张三抵达[[乙都]]。当天下午，张三在总统府同乙国总统[[李四]]举行会谈。\n"
            "== 总统府 ==\n[[总统府 (乙国)|总统府]]位于[[乙都]]。")
    assert read(text, title="甲乙会晤") == {"2016-05-02": [["总统府 (乙国)", "乙都"]]}


def test_an_independence_palace_is_a_generic_building_of_its_town():
    text = ("'''甲乙丙会晤'''是[[甲国]]总统[[张三]]对[[乙国]]与[[丙国]]的访问。\n== 经过 ==\n"
            "2016年5月2日，张三抵达[[乙都]]。当天下午，张三在独立宫同乙国总统[[李四]]举行会谈。"
            "2016年5月5日，张三抵达[[丙都]]。当天下午，张三在独立宫同丙国总统[[王五]]举行会谈。")
    assert read(text, title="甲乙丙会晤") == {"2016-05-02": [["独立宫 (乙都)", "乙都"]],
                                             "2016-05-05": [["独立宫 (丙都)", "丙都"]]}


def test_a_name_before_its_home_is_the_owner_no_place():
    text = ("'''甲乙会晤'''是甲国总统[[张三]]与乙国总理[[李四]]的会晤。\n== 经过 ==\n"
            "1991年7月30日，张三抵达[[某城]]，在[[王五]]的住所与李四会面。")
    assert all("王五" not in venue for venues in read(text).values() for chain in venues for venue in chain)


def test_a_place_where_one_leader_met_someone_else_on_the_visits_days_is_not_the_visits_venue():
    text = ("{{Infobox event\n| date = {{Start date|2015|9|22}}－{{End date|2015|9|28}}\n"
            "| location = [[某港]]、[[某城]]\n| participants = [[张三]]<br>[[李四]]\n}}\n"
            "'''2015年张三访乙'''是甲国主席[[张三]]于2015年9月22日至28日对[[乙国]]进行的国事访问。\n== 经过 ==\n"
            "9月23日，张三飞抵某城，在[[某寺]]与这位年逾九旬的[[大长老]]会面。"
            "9月24日，张三返回某港，在[[某港]][[某宫]]与乙国总统[[李四]]举行会谈。\n")
    assert read(text, title="2015年张三访乙") == {"2015-09-22": [["某宫", "某港"]]}


def test_a_place_the_text_meets_at_stays_a_place_when_a_citation_names_it_as_publisher():
    text = HEAD + ("2016年5月2日，甲国总统[[张三]]与乙国总统[[李四]]在[[某宫]]举行会谈。"
                   "<ref>{{cite web |url=http://example.org/1 |title=两国元首会谈 |publisher=[[某宫]]}}</ref>\n")
    assert read(text) == {"2016-05-02": [["某宫"]]}


def test_the_end_of_a_list_of_stops_names_no_place():
    assert read(box("", "[[某城]]等地")) == {"2005-04-29": [["某城"]]}
    assert read(box("某城等地")) == {"2005-04-29": [["某城"]]}


def test_a_town_reached_right_after_its_state_lies_in_it_when_nothing_else_types_it():
    text = HEAD + ("2018年7月14日，乙国总统[[李四]]抵达芬兰首都[[某都]]，开始为期三天的国事访问，"
                   "[[张三]]总理在机场迎接并与他一同检阅仪仗队。")
    assert read(text) == {"2018-07-14": [["某都", "芬兰共和国"]]}


def test_a_later_sections_visit_places_the_talks_its_own_sentence_tells_in_the_state_visited():
    text = ("'''甲乙会晤'''是[[甲国]]与[[乙国]]领导人的会晤。\n== 背景 ==\n"
            "2013年6月27日至30日，乙国总统[[李四]]对芬兰进行国事访问，与芬兰总统[[张三]]举行会谈。\n"
            "== 后续 ==\n2014年7月1日至5日，张三对瑞典进行访问。7月3日，张三与李四举行会谈。\n")
    assert read(text) == {"2013-06-27": [["芬兰共和国"]], "2014-07-01": [["瑞典王国"]]}
    tour = ("'''甲乙会晤'''是[[甲国]]与[[乙国]]领导人的会晤。\n== 背景 ==\n1973年9月26日，甲国总理[[张三]]从某都启程，"
            "先后访问[[法国]]、[[英国]]和[[西德]]，分别同法国总统[[李四]]、英国首相[[王五]]和西德总理[[赵六]]会谈。\n")
    assert read(tour) == {}  # a tour of several states: its meetings are on its legs' days, which it does not give


def test_a_visit_box_naming_one_town_places_the_visit_placed_only_in_the_state_there():
    box = ("{{Infobox diplomatic visit\n| date = {{Start date|2024|9|2}}－{{End date|2024|9|3}}\n| location = LOC\n}}\n"
           "'''张三访问芬兰'''是甲国总统[[张三]]于2024年9月2日至3日对[[芬兰]]进行的国事访问。"
           "访问期间，张三同芬兰总统[[李四]]举行会谈。\n")
    assert read(box.replace("LOC", "{{FIN}}[[某都]]"), title="张三访问芬兰") == {"2024-09-02": [["某都", "芬兰共和国"]]}
    assert read(box.replace("LOC", "[[某都]]"), title="张三访问芬兰") == {"2024-09-02": [["某都", "芬兰共和国"]]}
    # stops of which the talks' one is unknown place nothing finer than the state
    assert read(box.replace("LOC", "[[某都]]、[[某城]]"), title="张三访问芬兰") == {"2024-09-02": [["芬兰共和国"]]}
    assert read(box.replace("LOC", "{{FIN}}[[某都]]等地"), title="张三访问芬兰") == {"2024-09-02": [["芬兰共和国"]]}


def test_a_legs_summit_is_in_the_town_reached_though_a_later_day_is_at_the_lodging():
    text = ("'''张三出访'''是甲国总统[[张三]]于2019年3月21日至27日对[[德国]]和[[法国]]进行的国事访问。\n== 行程 ==\n"
            "=== 德国 ===\n3月21日，张三抵达德国首都[[柏林]]，开始对德国进行国事访问。22日，张三同德国总统[[李四]]举行会谈。"
            "23日，张三在下榻的饭店会见了某学院师生。当天，张三结束对德国的访问，前往法国。\n"
            "=== 法国 ===\n3月24日，张三抵达[[巴黎]]，开始对法国进行国事访问。25日，张三与法国总统[[王五]]举行会谈。"
            "26日，张三离开巴黎回国。\n")
    found = read(text, title="张三出访")
    assert found["2019-03-21"][0][0] == "柏林"  # the lodging of the 23rd names no place: the town reached


TOWN_BOX = ("{{Infobox event\n| title = 张三访问乙国\n| date = {{Start date|2011|3|4}}－{{End date|2011|3|6}}\n"
            "| location = [[乙国]][[某都]]\n| type = 国事访问\n| participants = [[张三]]<br />[[李四]]<br />[[王五]]\n}}\n"
            "'''张三访问乙国'''是甲国总统[[张三]]于2011年3月4日至6日对[[乙国]]进行的国事访问。\n"
            "== 经过 ==\n3月4日，张三乘专机抵达某都，乙国总统[[李四]]到机场迎接。\n")


def test_a_visit_placed_in_its_town_was_held_in_the_building_its_days_tell_the_talks_in():
    def venue(day):
        return read(TOWN_BOX + day + "\n", title="张三访问乙国")["2011-03-04"]

    assert venue("3月5日，张三会见乙国总统李四，随后在总理府同乙国总理[[王五]]举行会谈。") == [["总理府 (某都)", "某都", "乙国"]]
    assert venue("3月5日下午，张三在[[翠湖宫]]同乙国总统李四举行会谈。") == [["翠湖宫", "某都", "乙国"]]
    assert venue("3月5日，两国元首在[[翠湖宫]]举行会谈。") == [["翠湖宫", "某都", "乙国"]]  # the two sides named as such
    # talks in two buildings: the town holds both
    assert venue("3月5日，张三在总理府同乙国总理[[王五]]举行会谈。当晚，张三在总统府同李四会见。") == [["某都", "乙国"]]
    # a minister's meeting, a meeting with others, a call: not the summit's talks
    assert venue("3月5日，乙国外长[[赵六]]在[[翠湖宫]]与张三、李四会面。") == [["某都", "乙国"]]
    assert venue("3月5日，张三在[[翠湖宫]]会见了当地华侨代表。") == [["某都", "乙国"]]
    assert venue("3月5日，张三在[[翠湖宫]]同李四通电话。") == [["某都", "乙国"]]


def test_a_visit_placed_in_its_town_was_held_in_the_building_its_leaders_sign_in_together():
    def venue(day):
        return read(TOWN_BOX + day + "\n", title="张三访问乙国")["2011-03-04"]

    assert venue("3月6日，两国元首在[[翠湖宫]]签署《甲乙联合声明》。") == [["翠湖宫", "某都", "乙国"]]
    assert venue("3月6日，张三与李四在[[翠湖宫]]签署两国联合声明。") == [["翠湖宫", "某都", "乙国"]]
    # ministers signing, or a document described by where it was signed: not the leaders there
    assert venue("3月6日，两国外长在[[翠湖宫]]签署合作协定。") == [["某都", "乙国"]]
    assert venue("3月6日，张三与李四重申在[[翠湖宫]]签署的《甲乙条约》。") == [["某都", "乙国"]]
    # talks the sentence places elsewhere come first
    assert venue("3月6日，张三与李四在[[湖滨饭店]]举行会晤，并在[[翠湖宫]]签署《甲乙条约》。") == [["湖滨饭店", "某都", "乙国"]]


def test_a_visit_whose_days_tell_its_talks_in_two_buildings_of_its_town_was_held_in_the_town():
    lead = "'''张三访问乙国'''是甲国总统[[张三]]于2011年3月4日至6日对[[乙国]]首都[[某都]]进行的国事访问。\n== 经过 ==\n"
    first = "3月4日，张三抵达某都。当天下午，张三在某都[[翠湖宫]]会见乙国总统[[李四]]。"
    assert read(lead + first + "3月5日，张三在[[湖滨饭店]]同乙国总理[[王五]]举行会谈。\n", title="张三访问乙国") == {
        "2011-03-04": [["某都"]]}
    # the same building again, a room that may lie in it, or someone else met in another: the building stays
    for day in ("3月5日，张三在[[翠湖宫]]同乙国总理[[王五]]举行会谈。", "3月5日，张三前往东厅与乙国总理[[王五]]会谈。",
                "3月5日，张三在[[湖滨饭店]]会见了某大学校长[[赵六]]。"):
        assert read(lead + first + day + "\n", title="张三访问乙国") == {"2011-03-04": [["翠湖宫", "某都"]]}


def test_a_town_reached_for_a_meeting_of_its_own_holds_no_place_of_a_later_meeting():
    tour = HEAD + ("2017年7月23日，甲国总统[[张三]]抵达[[甲城]]，与乙国国王[[李四]]举行会谈；"
                   "随后他访问[[丙国]]，并于7月24日在[[丁城]]与丙国总统[[王五]]会谈。")
    before = HEAD + ("1975年7月28日至29日，甲国总统[[张三]]在前往[[甲城]]出席欧洲首脑会议前访问了[[乙国]]，"
                     "在[[乙城]]同乙国总统[[李四]]会谈。")
    assert read(tour) == {"2017-07-23": [["甲城"]], "2017-07-24": [["丁城"]]}  # not 丁城 in 甲城
    assert read(before) == {"1975-07-28": [["乙城"]]}  # not 乙城 in 甲城
    # near-misses: the visit that leads straight to the meeting holds its place
    visit = HEAD + "1970年5月21日，乙国总理[[李四]]回访[[越南]]，与甲国总统[[张三]]在[[丙城]]举行第二次首脑会晤。"
    framed = HEAD + ("2014年3月22日，甲国总统[[张三]]抵达[[甲城]]，开始对[[乙国]]进行国事访问，"
                     "当晚在[[某宫]]同乙国国王[[李四]]会谈。")
    assert read(visit) == {"1970-05-21": [["丙城", "越南社会主义共和国"]]}
    assert read(framed) == {"2014-03-22": [["某宫", "甲城"]]}


def test_a_place_reached_after_the_meetings_day_is_the_next_days_not_the_container_of_the_first():
    text = HEAD + ("2022年2月7日，甲国总统[[张三]]在[[某宫]]同乙国总统[[李四]]会谈，"
                   "次日即2月8日飞抵[[丙城]]会见丙国总统[[王五]]。")
    assert read(text) == {"2022-02-07": [["某宫"]], "2022-02-08": [["丙城"]]}


def test_a_day_without_its_year_in_a_later_clause_is_a_date_of_its_own_unless_the_first_spans_it():
    text = HEAD + ("2017年7月23日，甲国总统[[张三]]与乙国国王[[李四]]举行会谈；"
                   "7月24日，张三在[[丁城]]与丙国总统[[王五]]会谈。")
    assert read(text) == {"2017-07-23": [], "2017-07-24": [["丁城"]]}  # 丁城 is the next day's place
    span = HEAD + ("2024年5月8日至10日，甲国总统[[张三]]对[[越南]]进行国事访问，"
                   "5月9日在[[某城]]同越南国家主席[[李四]]举行会谈。")
    assert read(span) == {"2024-05-08": [["某城", "越南社会主义共和国"]]}


def test_a_visit_that_lists_several_states_is_a_tour_that_places_no_meeting_in_the_first():
    listed = ("'''2009年张三出访'''：2009年1月27日至2月2日，甲国总理[[张三]]出访[[瑞士]]、[[德国]]和[[西班牙]]。"
              "\n== 经过 ==\n1月29日，张三在[[某城]]与乙国总统[[李四]]举行会谈。\n")
    assert read(listed, title="2009年张三出访") == {"2009-01-29": [["某城"]]}  # not 某城 in 瑞士
    # near-miss: a visit to one state places the meeting in it
    one = ("'''2023年张三出访'''是甲国总统[[张三]]于2023年2月8日至9日进行的一次访问，访问[[法国]]。\n"
           "== 经过 ==\n2月8日晚，张三在[[某城]][[某宫]]同法国总统[[李四]]会面。\n")
    assert read(one, title="2023年张三出访") == {"2023-02-08": [["某宫", "某城", "法兰西共和国"]]}


def test_each_town_a_visit_lists_right_after_its_state_lies_in_that_state():
    tour = ("'''2023年张三出访'''是甲国总统[[张三]]于2023年2月8日至9日进行的一次欧洲之行，"
            "先后访问[[英国]][[伦敦]]、[[法国]][[巴黎]]和[[比利时]][[布鲁塞尔]]。\n"
            "== 经过 ==\n2月8日晚，张三抵达[[巴黎]]，在[[某宫]]同法国总统[[李四]]会面。\n")
    assert read(tour, title="2023年张三出访") == {"2023-02-08": [["某宫", "巴黎", "法兰西共和国"]]}  # not in 英国


def test_the_town_reached_on_a_visits_first_day_holds_its_site_told_on_a_later_day():
    lead = ("'''2016年张三访问芬兰'''是甲国国王[[张三]]于2016年11月18日至19日对[[芬兰]]进行的国事访问。\n== 经过 ==\n")
    meets = "11月19日，张三在[[某宫]]会见芬兰总统[[王五]]。访问期间，张三同芬兰总理[[李四]]举行会谈。\n"
    same_paragraph = lead + "11月18日，张三抵达[[某都]]。" + meets
    assert read(same_paragraph, title="2016年张三访问芬兰") == {"2016-11-18": [["某宫", "某都", "芬兰共和国"]]}
    next_paragraph = lead + "11月18日，张三乘专机抵达[[某都]]，芬兰总统王五在舷梯前迎候。\n\n" + meets
    assert read(next_paragraph, title="2016年张三访问芬兰") == {"2016-11-18": [["某宫", "某都", "芬兰共和国"]]}
    # a town reached on a day before the visit's own: the site stays only in the state
    before_the_visit = lead + "9月18日，张三抵达[[某都]]出席论坛。" + meets
    assert read(before_the_visit, title="2016年张三访问芬兰") == {"2016-11-18": [["某宫", "芬兰共和国"]]}
    months_before = lead + "2016年4月14日，张三抵达[[某都]]出席论坛。\n\n" + meets
    assert read(months_before, title="2016年张三访问芬兰") == {"2016-11-18": [["某宫", "芬兰共和国"]]}


def test_a_visits_site_lies_in_the_town_its_section_is_headed_by():
    text = ("'''2018年张三访问芬兰'''是甲国总统[[张三]]于2018年2月15日至17日对[[芬兰]]进行的国事访问。\n"
            "== 行程 ==\n=== 第一天：抵达某港 ===\n2月15日晚，张三乘专机抵达[[某港]]。\n"
            "=== 第三天：某都会谈 ===\n2月17日上午，张三抵达[[某都]]。\n\n当天，芬兰总理[[李四]]与张三在[[某宫]]举行会谈。\n")
    assert read(text, title="2018年张三访问芬兰") == {"2018-02-15": [["某宫", "某都", "芬兰共和国"]]}
    # a heading that names no town, or two: the two towns reached leave the site in the state
    for heading in ("第三天：会谈", "第三天：某都与某港"):
        other = text.replace("第三天：某都会谈", heading)
        assert read(other, title="2018年张三访问芬兰") == {"2018-02-15": [["某宫", "芬兰共和国"]]}


def test_where_the_two_sides_issue_their_joint_statement_is_where_they_meet():
    visit = "2014年7月3日至4日，甲国主席[[张三]]对[[芬兰]]进行国事访问，与芬兰总统[[李四]]举行会谈，"
    assert read(HEAD + visit + "两国在[[某都]]发表《甲芬联合声明》。") == {"2014-07-03": [["某都", "芬兰共和国"]]}
    assert read(HEAD + visit + "双方在[[某都]]发表联合公报。") == {"2014-07-03": [["某都", "芬兰共和国"]]}
    # a speech given somewhere, or a statement described by where it was issued: no place of the talks
    assert read(HEAD + visit + "并在[[某城]]发表演讲。") == {"2014-07-03": [["芬兰共和国"]]}
    assert read(HEAD + visit + "重申两国在[[某城]]发表的《甲芬联合声明》。") == {"2014-07-03": [["芬兰共和国"]]}


def test_a_later_day_that_names_the_town_reached_keeps_it_as_the_visits_town():
    lead = "'''1963年张三访问芬兰'''是甲国主席[[张三]]于1963年5月10日至16日对[[芬兰]]进行的国事访问。\n== 经过 ==\n"
    text = lead + ("5月10日，张三抵达[[某都]]。访问期间，张三同芬兰总统[[李四]]举行会谈。"
                   "16日，双方在某都发表《张三主席和李四总统联合声明》。\n")
    assert read(text, title="1963年张三访问芬兰") == {"1963-05-10": [["某都", "芬兰共和国"]]}
    # a later day told in another town: which of the two held the talks is not said
    elsewhere = text.replace("双方在某都发表", "双方在[[某港]]发表")
    assert read(elsewhere, title="1963年张三访问芬兰") == {"1963-05-10": [["芬兰共和国"]]}


def test_a_visits_list_is_read_alike_for_where_its_towns_lie_and_which_states_it_visits():
    """One reading of a visit's list (``kg.extract.listed_states``): a state followed by its town
    and a venue in it, ``、以及`` before the last state; each town lies in the state right before
    it, and the tour visits no one of the states alone."""
    tour = ("'''2023年张三出访'''是甲国总统[[张三]]于2023年2月8日至9日进行的一次欧洲之行，"
            "先后访问[[英国]][[伦敦]][[某宫]]、[[法国]][[巴黎]]、以及[[比利时]][[布鲁塞尔]]。\n"
            "== 经过 ==\n2月8日晚，张三在[[某城]]同法国总统[[李四]]会面。\n")
    extraction = extract(parse(Page(text=tour, origin="t", title="2023年张三出访")))
    inside = {(f.subject.key, f.value.key) for f in extraction.facts if f.prop is Prop.LOCATED_IN}
    assert inside == {("伦敦", "大不列颠及北爱尔兰联合王国"), ("巴黎", "法兰西共和国"), ("布鲁塞尔", "比利时王国")}
    assert read(tour, title="2023年张三出访") == {"2023-02-08": [["某城"]]}  # a tour: not 某城 in 英国


def test_talks_with_someone_else_on_a_visits_days_do_not_place_another_summit_of_those_days():
    text = ("{{Infobox event\n| title = 2013年张三访问加纳\n| date = {{Start date|2013|5|31}}－{{End date|2013|6|2}}\n"
            "| location = {{GHA}}[[某都]]\n| participants = {{flagicon|CHN}} [[张三]]<br />{{flagicon|GHA}} [[赵六]]<br />"
            "{{flagicon|GHA}} [[李四]]\n}}\n"
            "'''2013年张三访问加纳'''是指中国国家主席[[张三]]于2013年5月31日至6月2日对[[加纳]]进行的国事访问。\n== 行程 ==\n"
            "5月31日晚，张三抵达某都[[某机场]]，受到[[加纳总统]]赵六和总理李四的迎接。\n\n=== 会谈 ===\n"
            "6月1日，张三会见赵六总统，随后在总理府同[[加纳总理|加纳总理]][[李四]]举行会谈。\n\n=== 会见 ===\n"
            "访问加纳期间，张三在某都同专程前来的各国家领导人分别会晤。6月1日和2日两天，张三先后会见了"
            "[[格林纳达]]总理[[周八]]和[[牙买加]]总理[[郑十]]。\n")
    assert _venues_by_participants(text) == {
        frozenset({"张三", "赵六", "李四"}): {"总理府 (某都)"},  # its own talks, in its town
        frozenset({"张三", "周八"}): {"某都"},  # on those days too, but the talks at 总理府 are with 李四
        frozenset({"张三", "郑十"}): {"某都"},
    }


def test_a_state_named_as_taiwan_writes_it_is_the_state_mainland_writing_names():
    # one node for 沙烏地阿拉伯 (Taiwan) and 沙特阿拉伯 (mainland), as for 南韩 and 韩国: an IRI stable across variants
    def state_keys(text):
        extraction = extract(parse(Page(text=text, origin="t", title="甲乙会晤")))
        return {e.id.key for e in extraction.entities if e.id.kind is Kind.COUNTRY}

    taiwan = state_keys("'''甲乙會晤'''是2031年5月20日[[甲國]]總統[[張三]]與[[沙烏地阿拉伯]]國王[[李四]]在[[利雅德]]舉行的會晤。")
    mainland = state_keys("'''甲乙会晤'''是2031年5月20日[[甲国]]总统[[张三]]与[[沙特阿拉伯]]国王[[李四]]在[[利雅得]]举行的会晤。")
    assert "沙特阿拉伯王国" in taiwan and "沙特阿拉伯王国" in mainland


def test_a_meeting_in_the_state_a_visit_goes_on_to_is_in_that_state_not_the_one_visited():
    # 在对乙国进行访问期间前往丙国: the meeting is in the state reached (a city-state: its own town)
    lead = "'''甲乙会晤'''是[[甲国]]与[[乙国]]领导人的会晤。\n== 经过 ==\n"
    went_on = read(lead + "2031年6月5日，甲国总统[[张三]]在对[[马来西亚]]进行正式访问期间前往[[新加坡]]，会见新加坡总理[[李四]]。")
    assert went_on == {"2031-06-05": [["新加坡共和国"]]}
    vatican = read(lead + "2031年6月5日，甲国总统[[张三]]在对[[意大利]]进行正式访问期间前往[[梵蒂冈]]，会见教宗[[李四]]。\n\n"
                   "2032年3月2日，张三在访问意大利期间于梵蒂冈[[宗座宫]]再次会见李四。")
    assert vatican["2031-06-05"] == [["梵蒂冈城国"]]
    assert all("意大利共和国" not in place for places in vatican.values() for place in places)  # the Vatican is no part of Italy
    stayed = read(lead + "2031年6月5日，甲国总统[[张三]]在对[[马来西亚]]进行正式访问期间会见马来西亚总理[[李四]]。")
    assert stayed == {"2031-06-05": [["马来西亚"]]}  # near-miss: no state reached, the state visited


def test_the_talks_right_after_a_welcome_at_a_building_are_held_where_the_sentence_says_they_are():
    text = HEAD + ("2014年3月26日，乙国总统[[李四]]在[[某院]]广场为甲国主席[[张三]]举行欢迎仪式，"
                   "两国元首随后在[[某宫]]举行会谈。")
    assert read(text) == {"2014-03-26": [["某宫"]]}
    attended = HEAD + ("2024年6月19日，甲国总统[[张三]]与乙国领导人[[李四]]共同出席在[[某广场]]举行的欢迎仪式，"
                       "随后在[[某都]]甲山迎宾馆举行会谈。")
    assert read(attended) == {"2024-06-19": [["甲山迎宾馆", "某都"]]}


def test_a_welcome_ground_keeps_the_talks_told_in_its_own_clause_or_held_in_the_same_building():
    met_there = HEAD + ("1984年12月19日，甲国首相[[张三]]出席乙方在[[某堂]]东门外广场举行的欢迎仪式，先后同[[李四]]、"
                        "[[王五]]会晤；下午，李四在[[某厅]]会见张三。")
    assert read(met_there) == {"1984-12-19": [["某堂"]]}
    same_building = HEAD + ("2018年11月20日，乙国总统[[李四]]在[[某都]][[某府]]前草坪为甲国主席[[张三]]举行欢迎仪式，"
                            "两国元首随后在[[某府]]举行会谈。")
    assert read(same_building) == {"2018-11-20": [["某府", "某都"]]}
    in_a_town = HEAD + ("2019年10月14日，乙国国王[[李四]]在[[某都]]为甲国总统[[张三]]举行欢迎仪式，"
                        "随后两人在[[某宫]]举行会谈。")
    assert read(in_a_town) == {"2019-10-14": [["某宫", "某都"]]}  # the town holds the talks too


def test_a_host_greeting_the_visitor_at_a_place_holds_the_talks_that_follow_with_no_place_of_their_own():
    # 乙在某宫迎接甲并与其举行会谈: the palace, in the town reached
    arrived = "'''甲乙会晤'''。\n2023年7月17日，甲国总统[[张三]]抵达[[乙都]]，乙国总统[[李四]]在{}。"
    assert read(arrived.format("萨拉姆宫迎接并与其举行会谈")) == {"2023-07-17": [["萨拉姆宫", "乙都"]]}
    assert read(arrived.format("[[某宫]]正门迎接张三，两人先举行约一小时的私人会谈")) == {"2023-07-17": [["某宫", "乙都"]]}
    # near-misses: an airport holds no talks; talks placed elsewhere; a greeting with no talks after it
    assert read(arrived.format("机场迎接张三，两人随后举行会谈")) == {"2023-07-17": [["乙都"]]}
    assert read(arrived.format("某宫迎接张三，两人随后在[[某厅]]举行会谈")) == {"2023-07-17": [["某厅", "乙都"]]}
    assert read(arrived.format("萨拉姆宫迎接张三")) == {"2023-07-17": [["乙都"]]}
    assert read(arrived.format("[[乙都]]湖畔的「某酒店」迎接张三，两人共进午餐并会谈")) == {"2023-07-17": [["乙都"]]}  # a town
    # the talks' own clause names no place: the state the lead says was visited still holds them
    lead = "'''2016年李四访问意大利'''是乙国国王[[李四]]于2016年3月对[[意大利]]进行的正式访问。\n== 经过 ==\n3月15日，意大利总统[[张三]]在"
    assert read(lead + "[[某宫]]大厅迎接李四，两人随后举行扩大会谈。") == {"2016-03-15": [["意大利共和国"], ["某宫"]]}
    assert read(lead + "[[某宫]]与李四举行会谈。") == {"2016-03-15": [["某宫"]]}


def test_a_day_told_after_a_semicolon_takes_no_place_of_the_day_before():
    def tour(second):
        return read("'''甲国首相东南亚之行'''。\n== 2037年 ==\n11月16日，甲国首相[[张三]]在[[乙都]]与乙国首相[[李四]]举行会谈，"
                    f"并会见乙国国王[[赵六]]{second}与丙国主席[[王五]]举行会谈，当晚回国。")

    assert tour("；17日转赴[[丙都]]，") == {"2037-11-16": [["乙都"]], "2037-11-17": [["丙都"]]}
    assert tour("；17日，") == {"2037-11-16": [["乙都"]], "2037-11-17": []}
    # a day told on in the same account, after a comma, is still in the place told
    assert tour("，17日又") == {"2037-11-16": [["乙都"]], "2037-11-17": [["乙都"]]}


def test_what_a_sentence_tells_before_its_first_day_frames_every_day_after_a_semicolon():
    text = ("'''甲乙会晤'''。\n== 2037年 ==\n会晤前后，甲国总理[[张三]]在[[某都]]密集会见与会领导人：4月11日下午会见乙国总理"
            "[[李四]]；4月12日下午又会见了丙国总理[[王五]]。")
    assert read(text) == {"2037-04-11": [["某都"]], "2037-04-12": [["某都"]]}


def test_a_place_of_another_meeting_asked_for_or_talked_of_is_not_the_meetings():
    text = (HEAD + "2033年6月20日，甲国总统[[张三]]在[[某都]]会晤到访的乙国总理[[李四]]。"
            "两人讨论了贸易问题；李四并请张三在[[某城]]某峰会期间会见丙国总统[[王五]]时提出此事。")
    assert read(text) == {"2033-06-20": []}  # not 某城: the meeting asked for
    text = (HEAD + "2034年9月2日，甲国总统[[张三]]同乙国总理[[李四]]举行会谈。"
            "双方还就年内在[[丙国]]举行[[某会议]]交换了意见。")
    assert read(text) == {"2034-09-02": []}
    text = (HEAD + "2035年11月5日，甲国总统[[张三]]同乙国总理[[李四]]举行会谈，"
            "张三并请求乙方支持同年12月在[[某都]]举行的某特别峰会。")
    assert read(text) == {"2035-11-05": []}


def test_a_meeting_held_at_an_invitation_or_on_a_topic_is_held_where_it_says():
    text = HEAD + "2036年3月4日，甲国总统[[张三]]应乙国总理[[李四]]邀请在[[某都]]会晤。"
    assert read(text) == {"2036-03-04": [["某都"]]}
    text = HEAD + "2037年5月6日，甲国总统[[张三]]与乙国总理[[李四]]就边界问题在[[某城]]举行会谈。"
    assert read(text) == {"2037-05-06": [["某城"]]}


def test_a_place_of_the_meeting_the_one_told_is_counted_from_is_not_its():
    text = (HEAD + "2036年4月26日，甲国总统[[张三]]与乙国总理[[李四]]在[[某殿]]内交谈约15分钟，"
            "这是两人在[[某宫]]争吵后的首次会面。")
    assert read(text) == {"2036-04-26": []}  # not 某宫: the quarrel's
    text = (HEAD + "2037年10月30日，甲国总统[[张三]]与乙国总理[[李四]]举行会晤，"
            "这是两人自2035年在[[某城]]某峰会期间会面后的首次面对面会晤。")
    assert read(text) == {"2037-10-30": []}


def test_a_meeting_held_after_another_event_at_its_place_is_held_there():
    text = HEAD + "2038年3月2日，甲国总统[[张三]]在[[某城]]举行新政府成立后的首次会晤，会见乙国总理[[李四]]。"
    assert read(text) == {"2038-03-02": [["某城"]]}


def test_a_leg_of_a_tour_told_after_its_days_is_not_the_place_of_the_meeting_of_those_days():
    text = (HEAD + "2031年5月31日至6月8日，甲国总统[[张三]]对[[乙国]]、[[丙国]]、[[丁国]]三国进行国事访问，"
            "并赴[[戊国]][[某州]][[某庄园]]同戊国总统[[王五]]举行会晤。")
    assert read(text) == {}  # the tour's days are none of the meeting's: no summit, so no place either
    text = (HEAD + "2032年7月19日至28日，甲国总统[[张三]]对[[乙国]]、[[丙国]]和[[丁国]]进行国事访问，"
            "出席在[[某城]]举行的某峰会，其间同乙国总统[[李四]]举行会谈。")
    assert read(text) == {"2032-07-19": []}


def test_the_place_a_visit_to_one_state_tells_after_its_days_is_the_meetings():
    text = HEAD + "2033年7月19日至21日，甲国总统[[张三]]对[[乙国]]进行国事访问，并在[[某城]]同乙国总统[[李四]]举行会谈。"
    assert read(text) == {"2033-07-19": [["某城"]]}


def test_a_ceremony_attended_somewhere_after_the_talks_does_not_place_them():
    text = (HEAD + "2034年9月4日，甲国总统[[张三]]抵达[[某都]]，当天与乙国总统[[李四]]进行了会谈，"
            "晚间出席在[[某镇]]的[[某堡]]举行的国宴。")
    assert read(text) == {"2034-09-04": [["某都"]]}


def test_a_meeting_at_a_banquet_attended_is_held_there():
    text = HEAD + "2035年9月4日，甲国总统[[张三]]出席在[[某堡]]举行的国宴上与乙国总统[[李四]]会晤。"
    assert read(text) == {"2035-09-04": [["某堡"]]}


def test_a_towns_name_written_plainly_after_a_linked_state_in_a_place_cell_is_the_town_in_the_state():
    def cell(where):
        return read("'''甲乙会晤'''是甲国总统[[张三]]与乙国总理[[李四]]的会晤。\n"
                    "{| class=\"wikitable\"\n! 日期 !! 地点 !! 备注\n|-\n"
                    f"| 2034年3月5日 || {where} || 张三与李四会谈\n|}}\n")

    assert cell("[[比利时]]某城") == {"2034-03-05": [["某城", "比利时王国"]]}
    # a building or a kind of place makes one name with the state: not a town in it
    assert cell("[[比利时]]大使馆") == {"2034-03-05": [["比利时大使馆"]]}
    assert cell("[[比利时]]王宫") == {"2034-03-05": [["比利时王宫"]]}


def test_a_plain_venue_on_the_shore_of_a_linked_lake_or_river_lies_by_it():
    def talks(where):
        return read(f"'''甲乙会晤'''。\n2036年5月9日，甲国总理[[张三]]{where}同乙国总理[[李四]]举行会谈。")

    assert talks("在[[白鹭湖]]畔的青松宾馆") == {"2036-05-09": [["青松宾馆", "白鹭湖"]]}
    assert talks("在[[白鹭河]]畔青松宾馆") == {"2036-05-09": [["青松宾馆", "白鹭河"]]}
    # a linked town on the shore keeps its own chain: the river holds no town
    assert talks("在[[白鹭河]]畔的[[某城]]") == {"2036-05-09": [["某城"]]}


def test_a_towns_centre_is_a_side_of_the_town_and_a_hotel_there_no_venue_of_its_own():
    def talks(where):
        return read(f"'''甲乙会晤'''。\n2036年5月9日，甲国总理[[张三]]{where}同乙国总理[[李四]]举行会谈。")

    assert talks("在[[某城]]市中心的青松大厦") == {"2036-05-09": [["青松大厦", "某城"]]}
    assert talks("在[[某城]]市中心的一家酒店") == {"2036-05-09": [["某城"]]}


def test_a_town_a_box_places_the_visit_in_alone_is_a_place_whatever_the_prose_writes_after_it():
    from kg.extract import extract
    from kg.wikitext import parse as parse_page

    def visit(location):
        text = ("{{Infobox diplomatic visit\n| date = {{Start date|2034|5|6}}－{{End date|2034|5|8}}\n"
                f"| location = {location}\n}}}}\n"
                "'''2034年张三访问乙国'''是甲国总统[[张三]]于2034年5月6日至8日对[[乙国]]进行的国事访问。\n"
                "5月7日，张三在[[某都]]同乙国总统[[李四]]举行会谈，双方表示尊重[[某都]]政府的立场。\n")
        people = {e.id.key for e in extract(parse_page(Page(text=text, origin="t", title="2034年张三访问乙国"))).entities
                  if e.id.kind is Kind.PERSON}
        return read(text, title="2034年张三访问乙国"), people

    # [[某都]]政府: the seat stands for the government; the box gives 某都 alone as the visit's town
    assert visit("[[某都]]") == ({"2034-05-06": [["某都"]]}, {"张三", "李四"})
    assert visit("[[某都]]，总统府")[1] == {"张三", "李四"}
    # a link with more words in its entry may be a person's name (李四's residence): no place by the box
    assert "李四" in visit("[[李四]]私邸")[1]


def test_a_central_asian_state_by_its_short_name_but_not_a_soviet_republics_body_of_that_name():
    def talks(where):
        return read(f"'''甲乙会晤'''。\n2034年3月5日，甲国总理[[张三]]{where}同乙国总理[[李四]]举行会谈。")

    # zh-tw writes the state without -斯坦 (哈薩克, 烏茲別克, 塔吉克)
    assert talks("在哈萨克") == {"2034-03-05": [["哈萨克斯坦共和国"]]}
    assert talks("在烏茲別克首都[[某城]]") == {"2034-03-05": [["某城", "乌兹别克斯坦共和国"]]}
    # a Soviet republic's council or soviet is a body of that republic, not today's state
    assert talks("在乌兹别克部长会议大楼") == {"2034-03-05": [["乌兹别克部长会议大楼"]]}
    assert talks("在塔吉克最高苏维埃大厦") == {"2034-03-05": [["塔吉克最高苏维埃大厦"]]}


def test_the_lead_placing_a_visits_talks_in_its_town_gives_way_to_the_building_its_days_tell_them_in():
    text = ("{{Infobox event\n| title = 张三访问乙国\n| date = {{Start date|2034|5|6}}－{{End date|2034|5|9}}\n"
            "| location = [[乙国]][[某都]]、[[某港]]\n| type = 国事访问\n| participants = [[张三]]<br />[[李四]]\n}}\n"
            "'''张三访问乙国'''是甲国总统[[张三]]于2034年5月6日至9日对[[乙国]]进行的国事访问。"
            "访问期间，张三于5月7日在某都与乙国总统[[李四]]举行会谈。\n== 经过 ==\n=== 5月7日 ===\n")

    def venue(day):
        return read(text + day + "\n", title="张三访问乙国")["2034-05-06"]

    assert venue("当天中午，张三与李四在[[翠湖宫]]举行小范围会谈。") == [["翠湖宫", "某都", "乙国"]]
    # the day's talks told again in the state only: the town
    assert venue("当天中午，张三与李四在乙国举行小范围会谈。") == [["某都", "乙国"]]
    # talks in two buildings of the town: the town holds both
    assert venue("当天中午，张三与李四在[[翠湖宫]]举行会谈。当晚，张三在[[松园]]同李四会见。") == [["某都", "乙国"]]



def test_a_welcome_whose_sentence_names_no_town_was_held_in_the_one_town_the_visit_reached():
    def venue(location, reached):
        text = ("{{Infobox event\n| title = 张三访问乙国\n| date = {{Start date|2033|6|17}}－{{End date|2033|6|20}}\n"
                f"| location = {location}\n| type = 正式访问\n| participants = [[张三]]<br />[[李四]]\n}}}}\n"
                "'''张三访问乙国'''是甲国总理[[张三]]于2033年6月17日至20日对[[乙国]]进行的正式访问。\n== 访问行程 ==\n"
                f"=== 6月17日 ===\n张三于6月17日抵达{reached}，开始为期4天的访问。\n=== 6月19日 ===\n"
                "6月19日傍晚，乙国总理李四在[[翠湖府]]为张三举行欢迎仪式，随后两人举行会谈。\n")
        return read(text, title="张三访问乙国")["2033-06-17"]

    assert venue("[[乙国]][[某都]]", "某都") == [["翠湖府", "某都", "乙国"]]
    # a box listing several towns: the visit may have gone on to another
    assert venue("[[乙国]][[某都]]、[[某港]]", "某都") == [["某都", "乙国"]]
    # the town reached is not the one the summit is placed in
    assert venue("[[乙国]][[某都]]", "某港") == [["某都", "乙国"]]


def test_a_visits_talks_told_on_going_to_a_later_stop_of_its_itinerary_were_held_at_that_stop():
    text = ("{{Infobox event\n| date = {{Start date|2034|5|11}}－{{End date|2034|5|14}}\n"
            "| location = [[某港]]、[[某镇]]、[[某都]]\n| participants = [[张三]]<br>[[李四]]\n}}\n"
            "'''2034年张三访问智利'''是芬兰总统[[张三]]于2034年5月11日至14日对[[智利]]进行的国事访问。\n"
            "== 经过 ==\n5月11日，张三抵达[[某港]]，在某港出席侨胞座谈会。\n\n"
            "13日，张三前往[[某都]]，与智利总统[[李四]]举行会谈。\n")
    title = "2034年张三访问智利"
    assert read(text, title=title) == {"2034-05-11": [["某都", "智利共和国"]]}  # not the first stop, where he met others
    not_a_stop = text.replace("前往[[某都]]", "前往[[某村]]")  # a town the box does not list
    assert read(not_a_stop, title=title) == {"2034-05-11": [["某港", "智利共和国"]]}
    someone_else = text.replace("与智利总统[[李四]]", "与智利参议长[[王五]]")  # not the pair's talks
    assert read(someone_else, title=title) == {"2034-05-11": [["某港", "智利共和国"]]}
    a_tour_of_three = text.replace("[[李四]]\n}}", "[[李四]]<br>[[赵六]]\n}}").replace(
        "对[[智利]]进行的国事访问。", "对[[智利]]和[[秘鲁]]进行的国事访问，会见了秘鲁总统[[赵六]]。")  # one host of a tour's box
    assert read(a_tour_of_three, title=title) == {"2034-05-11": [["某港"]]}


def test_a_visits_talks_told_on_a_later_day_at_no_place_were_held_in_the_town_reached_by_that_day():
    text = HEAD + ("2033年9月6日至15日，甲国总理[[张三]]访问乙国。\n=== 抵达 ===\n"
                   "9月6日上午，张三飞抵[[某港]]。7日中午，张三经[[某镇]]抵达[[某都]]。\n"
                   "=== 会谈 ===\n9月7日，乙国主席[[李四]]同张三举行会谈。\n")
    assert read(text) == {"2033-09-06": [["某都"]]}  # reached on the talks' day, not the first day's town
    on_the_first_day = text.replace("9月7日，乙国主席", "9月6日，乙国主席")
    assert read(on_the_first_day) == {"2033-09-06": [["某港"]]}


def test_a_day_that_begins_the_name_of_the_airport_reached_is_no_day_of_the_text():
    """``抵达[[某都]]二月四日国际机场``, ``抵达某都“2月4日国际机场”``: an airport named after a day; the town reached
    that day holds the talks told after it. A day followed by 在 and a place is a day all the same."""
    text = ("'''张三访问两国'''是指甲国主席[[张三]]于2035年5月对[[丙国]]和[[加纳]]进行的访问。\n"
            "== 行程 ==\n=== 加纳 ===\n应加纳总统[[李四]]邀请，张三于当地时间2035年5月8日下午乘专机抵达[[某都]]二月四日国际机场，"
            "开始对加纳进行正式访问。访问期间，张三同李四举行会谈。\n")
    assert read(text, title="张三访问两国") == {"2035-05-08": [["某都", "加纳共和国"]]}
    quoted = text.replace("二月四日国际机场", "“2月4日国际机场”")
    assert read(quoted, title="张三访问两国") == {"2035-05-08": [["某都", "加纳共和国"]]}
    another_day = text.replace("抵达[[某都]]二月四日国际机场", "抵达[[某都]]，5月4日在广场")
    assert read(another_day, title="张三访问两国") == {"2035-05-08": [["加纳共和国"]]}


def test_a_town_the_article_links_elsewhere_written_plainly_before_a_known_venue_in_a_cell_holds_it():
    def rows(cell, town="[[某都]]"):
        return ("'''甲乙会晤列表'''列出甲国总理[[张三]]与乙国总统[[李四]]的会晤。\n== 会晤 ==\n"
                f"峰会结束后，张三转往首都{town}进行国事访问。2035年7月8日，李四在总统官邸[[某宫]]接待张三，两人举行会谈。\n"
                "== 列表 ==\n{| class=\"wikitable\"\n! 日期 !! 地点 !! 备注\n|-\n"
                f"| 2035年7月8日 || {cell} || 国事访问\n|}}\n")

    def found(cell, town="[[某都]]"):
        return read(rows(cell, town), title="甲乙会晤列表")["2035-07-08"]

    assert found("巴西某都某宫") == [["某宫", "某都", "巴西联邦共和国"]]
    assert found("某都某宫") == [["某宫", "某都"]]
    # the town never linked, or a venue the article names nowhere else: no split of the cell's name
    assert ["巴西某都某宫"] in found("巴西某都某宫", town="某都")
    assert ["巴西某都和平大厦"] in found("巴西某都和平大厦")


def test_a_generic_seat_the_talks_were_held_at_lies_in_the_town_the_visit_was_placed_in():
    """``28日和29日，张三与李四在总统府举行了数轮会谈`` in a visit placed in 某都: the kind of building alone
    names that town's one, the finer venue. A building with a name of its own is the venue of the talks told on the
    visit's days (the paragraph's bare days are in the month the account reached before it), inside the town."""
    def venue(talks):
        text = ("{{Infobox event\n| title = 张三访问乙国\n| date = {{Start date|2036|6|27}}－{{End date|2036|6|29}}\n"
                "| location = [[乙国]][[某都]]\n| type = 正式访问\n| participants = [[张三]]<br />[[李四]]\n}}\n"
                "'''张三访问乙国'''是甲国总理[[张三]]于2036年6月27日至29日对[[乙国]]进行的正式访问。\n== 经过 ==\n"
                "2036年6月27日，张三抵达某都，李四到机场迎接。\n\n"
                f"28日和29日，张三与李四{talks}举行了数轮会谈。\n")
        return read(text, title="张三访问乙国")["2036-06-27"]

    assert venue("在总统府") == [["总统府 (某都)", "某都", "乙国"]]
    assert venue("在总理官邸") == [["总理官邸 (某都)", "某都", "乙国"]]
    assert venue("在翠湖宫") == [["翠湖宫", "某都", "乙国"]]
    assert venue("") == [["某都", "乙国"]]


def test_the_hyderabad_house_lies_in_new_delhi_by_the_gazetteer():
    text = HEAD + "2034年4月2日，甲国总理[[张三]]与印度总理[[李四]]在新德里海德拉巴宫会谈。"
    assert read(text) == {"2034-04-02": [["海德拉巴宫", "新德里"]]}  # the town known, split off the venue's name


@pytest.mark.parametrize("then", ["随后，两国总理在", "两国总理随后在", "随后，两人在", "两人随后在"])
def test_talks_told_after_a_welcome_at_a_generic_seat_are_held_at_another_building_of_its_town(then):
    """``乙方在某都[[总统府 (乙国)|总统府]]广场为甲举行欢迎仪式…随后两人在[[某宫]]会谈``: the welcome's seat gives way to
    the talks' building when the text or the gazetteer puts that building in the seat's town, not inside the seat;
    the talks' sentence, naming both who met (两人, 两国总理) and so telling the summit again, leaves it so."""
    def venue(hall):
        text = ("'''张三访问印度'''是指甲国总理[[张三]]于2034年3月5日至8日对[[印度]]进行的正式访问。\n== 经过 ==\n"
                "3月7日上午，印方在新德里[[总统府 (印度)|总统府]]广场为张三举行欢迎仪式，印度总理[[李四]]到场迎接。"
                f"{then}{hall}举行会谈。\n")
        return read(text, title="张三访问印度")["2034-03-05"]

    assert venue("[[海得拉巴宫]]") == [["海得拉巴宫", "新德里", "印度共和国"]]
    # a building placed nowhere else: a hall of the seat, as before
    assert venue("[[翠湖宫]]") == [["翠湖宫", "总统府 (印度共和国)", "新德里", "印度共和国"]]



def test_a_meeting_told_as_the_same_days_after_talks_held_in_a_town_was_held_in_that_town():
    """``7月27日，甲在首都[[某都]]与乙举行会谈。同日他还会见了丙国总统丁``: the second meeting of the day, placed
    nowhere but in the leg's state, was held in the town of the first. Not one told of another day (``7月29日``),
    nor after a sentence between them (``…举行会谈。两国签署…。同日，…``)."""
    def venues(then):
        text = ("'''张三访问两国'''是指甲国首相[[张三]]于2035年7月下旬对[[加纳]]和[[丙国]]进行的正式访问。\n"
                "== 行程 ==\n=== 加纳 ===\n2035年7月27日，张三在首都[[某都]]与加纳总统[[李四]]举行会谈。"
                f"{then}他还会见了[[多哥]]总统[[王五]]。\n")
        extraction = extract(parse(Page(text=text, origin="t", title="张三访问两国")))
        facts = extraction.facts
        inside = {f.subject.key: {f.value.key} for f in facts if f.prop is Prop.LOCATED_IN}
        summits = {f.subject for f in facts if f.subject.kind is Kind.SUMMIT}
        return sorted((next(f.value for f in facts if f.subject == s and f.prop is Prop.START_DATE).isoformat(),
                       [chain(f.value.key, inside) for f in facts if f.subject == s and f.prop is Prop.VENUE])
                      for s in summits)

    assert venues("同日") == [("2035-07-27", [["某都", "加纳共和国"]])] * 2
    assert venues("当天") == [("2035-07-27", [["某都", "加纳共和国"]])] * 2
    # talks told two sentences before: the day may have moved on
    apart = venues("张三表示两国友谊深厚。同日")
    assert ("2035-07-27", [["加纳共和国"]]) in apart and ("2035-07-27", [["某都", "加纳共和国"]]) in apart
    # another day: the town of the talks before does not hold it
    assert venues("7月29日，") == [("2035-07-27", [["某都", "加纳共和国"]]), ("2035-07-29", [["加纳共和国"]])]


def _one_day_visit(location, account, days="{{Start date|2037|2|7}}"):
    return read("{{Infobox event\n| title = 甲乙会晤\n| date = " + days + "\n"
                f"| location = {location}\n| participants = [[张三]]<br>[[李四]]\n}}}}\n"
                "'''甲乙会晤'''是[[甲国首相]][[张三]]于2037年2月对[[泰国]]进行的访问。\n== 经过 ==\n" + account)


def test_talks_told_with_no_day_in_the_account_of_a_one_day_visit_are_its_talks():
    """A one-day visit whose account tells the talks in a paragraph that gives no day
    (``在[[某都]]，甲拜会国王。甲与乙在[[某府]]举行会谈``) was held where those talks were, also where the box
    gives a flag before the town (``| location = {{甲国旗}} [[某都]]``). Not a visit of several days: the
    talks may be of any of them."""
    talks = "2月7日上午，张三启程。\n\n在[[某都]]，张三拜会国王。[[张三]]与[[李四]]在[[乙国总理府]]举行会谈。"
    assert _one_day_visit("[[某都]]", talks) == {"2037-02-07": [["乙国总理府", "某都"]]}
    assert _one_day_visit("{{THA}} [[某都]]", talks) == {"2037-02-07": [["乙国总理府", "某都", "泰王国"]]}
    several = "{{Start date|2037|2|7}}－{{End date|2037|2|9}}"
    assert _one_day_visit("[[某都]]", talks, days=several) == {"2037-02-07": [["某都"]]}


def test_a_place_held_at_before_a_long_list_of_leaders_met_together_is_the_meetings():
    """``在[[某都]]同甲国总统张三、乙国总理李四、丙国首相王五…等领导人举行集体会晤``: the partners listed one
    after another, each with the office, run longer than one partner's name and title ever does, and the
    place before them is still the meeting's. Not one partner and a long topic (``同乙就…举行会谈``): the
    words after the partner word are no list, and no place is read."""
    def venue(partners):
        text = ("'''甲乙会晤'''。\n2036年11月16日，甲国主席[[赵六]]在[[某都]]同" + partners + "举行集体会晤。")
        return read(text)

    leaders = "、".join(f"{state}部长会议主席[[{name}]]" for state, name in
                       [("乙国", "李四"), ("丙国", "王五"), ("丁国", "孙七"), ("戊国", "周八"), ("己国", "吴九"),
                        ("庚国", "郑十"), ("辛国", "冯一"), ("壬国", "陈二")])
    assert venue(leaders + "等八国领导人") == {"2036-11-16": [["某都"]]}
    topic = ("两国在能源交通农业渔业旅游教育卫生文化体育科技环保海洋气候变化防灾减灾以及人员往来等广泛领域深化务实合作的"
             "具体举措和未来十年双边关系发展的总体规划与路线图以及共同关心的国际和地区问题深入交换意见并")
    assert venue("乙国部长会议主席[[李四]]就" + topic) == {"2036-11-16": []}


def test_a_place_after_the_subjects_at_is_no_person_of_an_office_said_after_it():
    text = HEAD + "2037年5月11日，乙国总理[[张三]]在[[某都]]首次以总理身份与甲国总理[[李四]]举行双边会谈。"
    assert _venues_by_participants(text) == {frozenset({"张三", "李四"}): {"某都"}}
    # a name after a 在 that opens the clause is the one the office is said of: 王五 came as the president
    text = HEAD + "2037年5月11日，在[[王五]]以总统身份访问乙国期间，乙国总理[[李四]]与王五举行会谈。"
    assert frozenset({"王五", "李四"}) in _venues_by_participants(text)


def test_a_stay_in_a_town_holds_the_meetings_told_during_it():
    text = HEAD + "2037年2月6日，甲国主席[[张三]]抵达乙国出席开幕式。在[[某城]]期间，张三还会见了丙国总统[[李四]]。"
    assert _venues_by_participants(text)[frozenset({"张三", "李四"})] == {"某城"}
    # the stay of a visit or a gathering is a time, not a place: the state arrived in holds the meeting
    for during in ("在峰会期间", "在访问期间"):
        text = HEAD + f"2037年2月6日，甲国主席[[张三]]抵达乙国出席开幕式。{during}，张三还会见了丙国总统[[李四]]。"
        assert _venues_by_participants(text)[frozenset({"张三", "李四"})] == {"乙国"}


def test_a_site_gone_to_before_the_talks_holds_no_town_of_them():
    def talks(before):
        return read(f"'''甲乙会晤'''。\n2037年6月23日，甲国总统[[张三]]{before}，随后在[[某都]]主席府与乙国主席[[李四]]举行会谈。")

    assert talks("首先前往[[某某陵]]拜谒并献花") == {"2037-06-23": [["主席府", "某都"]]}
    assert talks("首先前往[[某纪念馆]]参观") == {"2037-06-23": [["主席府", "某都"]]}
    # a state gone to holds the town of the talks that follow
    assert talks("回访[[乙国]]") == {"2037-06-23": [["主席府", "某都", "乙国"]]}



STOPS = ("'''赵甲出访列表'''列出甲国总统[[赵甲]]的出国访问。\n== 2036年 ==\n"
         "2036年3月21日，赵甲抵达[[乙城]]，与乙国总统[[张三]]会晤；24日转赴[[丙城]]，25日与丙国总统[[李四]]举行会谈，"
         "26日上午离开丙城；26日在[[冰岛]]出席会议，并与冰岛总统[[王五]]举行双边会谈。")


def test_each_stop_of_a_semicolon_joined_tour_holds_the_meeting_told_after_reaching_it():
    found = read(STOPS, "赵甲出访列表")
    assert found["2036-03-21"][0][0] == "乙城"
    assert found["2036-03-25"][0][0] == "丙城"  # moved on: not where the meeting of the 21st was
    assert found["2036-03-26"][0][-1] == "冰岛"  # 26日在冰岛出席…: the day's account opens there


def test_a_place_held_at_before_the_date_holds_its_meeting_when_the_visitor_stayed():
    text = ("'''赵甲出访列表'''列出甲国总统[[赵甲]]的出国访问。\n== 2036年 ==\n"
            "2036年3月21日，赵甲抵达[[乙城]]，与乙国总统[[张三]]会晤，23日又与乙国总理[[李四]]举行会谈。")
    found = read(text, "赵甲出访列表")
    assert found["2036-03-23"][0][0] == "乙城"


def test_a_city_whose_name_begins_like_a_short_state_is_no_visit_to_that_state():
    def visit(words):
        return read("'''甲乙会晤'''是甲国总理[[张三]]与乙国总理[[李四]]的会晤。\n\n"
                    f"2033年5月6日，[[张三]]{words}，与[[李四]]举行会谈。\n")
    assert visit("到访华沙") == {"2033-05-06": []}  # Warsaw, not China (访华)
    assert visit("到访[[华沙]]") == {"2033-05-06": [["华沙"]]}
    assert visit("到访华盛顿") == {"2033-05-06": [["华盛顿"]]}
    assert visit("访德黑兰") == {"2033-05-06": []}  # Tehran, not Germany (访德)
    assert visit("访华") == {"2033-05-06": [["中华人民共和国"]]}  # the short name itself
    assert visit("访日") == {"2033-05-06": [["日本国"]]}


def test_the_state_a_leader_goes_back_to_or_visits_holds_the_town_of_the_meeting_that_follows():
    back = HEAD + "2037年3月22日，甲国首相[[张三]]返回波兰，在[[某都]]与波兰总理[[李四]]举行会谈。"
    assert read(back) == {"2037-03-22": [["某都", "波兰共和国"]]}
    received = HEAD + "2037年12月4日，甲国总统[[张三]]首次访问巴林，在[[某都]]受到国王[[李四]]的接见。"
    assert read(received) == {"2037-12-04": [["某都", "巴林王国"]]}
    # the state gone back to before a meeting told in a sentence of its own holds nothing of it
    apart = HEAD + "2037年3月22日，甲国首相[[张三]]返回波兰。同日，他在[[某都]]与波兰总理[[李四]]举行会谈。"
    assert read(apart) == {"2037-03-22": [["某都"]]}
    # the lodging a leader goes back to is where he stays, no place he visits: the state he is in holds the talks
    lodging = ("'''甲乙会晤'''是[[甲国]]与[[乙国]]领导人的会晤。两国此前曾在[[某都]]举行会谈。\n== 经过 ==\n"
               "2037年11月21日，正在波兰出席会议的甲国首相[[张三]]，利用会议的间隙，返回某都下榻饭店同波兰总理[[李四]]举行会晤。")
    assert read(lodging) == {"2037-11-21": [["波兰共和国"]]}
    # met on the way home, passing through a town: not in the state gone back to
    on_the_way = HEAD + "2037年4月13日，甲国总统[[张三]]由美国返回波兰途经[[某港]]时，与乙国总统[[李四]]会晤。"
    assert "波兰共和国" not in [name for chain in read(on_the_way)["2037-04-13"] for name in chain]


def test_a_legs_meeting_placed_only_in_its_state_was_held_in_the_town_its_section_reached():
    tour = ("'''张三访问两国'''是指甲国总统[[张三]]于2036年2月14日至18日对[[埃及]]和[[加纳]]进行的访问。\n"
            "== 行程 ==\n=== 加纳 ===\n15日晚，张三离开[[某城]]，抵达加纳首都[[某都]]，由加纳外长到机场迎接。\n\n"
            "2036年2月16日上午，张三参观纪念馆。随后，他在加纳政府所在地与加纳总统[[李四]]举行会谈。\n")
    assert read(tour, title="张三访问两国") == {"2036-02-16": [["某都", "加纳共和国"]]}
    # a section that reaches two towns by the meeting's day: which one held it is not told
    two = tour.replace("由加纳外长到机场迎接。", "由加纳外长到机场迎接。次日清晨，张三前往[[另一城]]。")
    assert read(two, title="张三访问两国") == {"2036-02-16": [["加纳共和国"]]}
    # the leader goes on somewhere before the talks: the place he went to may lie outside the town
    gone = tour.replace("随后，他在加纳政府所在地与", "随后，他乘直升机前往加纳总统官邸，与")
    assert read(gone, title="张三访问两国") == {"2036-02-16": [["加纳共和国"]]}



def test_a_sea_written_before_a_town_is_what_the_town_lies_by_not_its_container():
    def talks(where):
        return read(f"'''甲乙会晤'''。\n2035年5月3日，甲国总统[[张三]]抵达{where}，与乙国总统[[李四]]举行会谈。")

    assert talks("[[丙海]]城市[[某港]]") == {"2035-05-03": [["某港"]]}
    assert talks("[[埃及]][[丙海]]沿岸城市[[某港]]") == {"2035-05-03": [["某港", "埃及"]]}
    assert talks("埃及[[丙海]]之滨城市[[某港]]") == {"2035-05-03": [["某港", "埃及"]]}
    # near-miss: a town whose own name ends in 海, written with its suffix, still holds what follows it
    assert talks("[[丙海]]市[[某宾馆]]") == {"2035-05-03": [["某宾馆", "丙海"]]}


def test_a_town_a_place_cell_writes_after_its_state_or_region_lies_there_for_the_prose_too():
    def text(cell, where="在[[某都]]"):
        return ("'''甲乙会晤'''。\n== 列表 ==\n{| class=\"wikitable\"\n! 日期 !! 地点 !! 备注\n|-\n"
                f"| 2034年3月1日 || {cell} || 筹备会议\n|}}\n== 经过 ==\n"
                f"2034年5月6日，甲国总统[[张三]]{where}同乙国总理[[李四]]举行会谈。\n")

    assert read(text("芬兰[[某都]]")) == {"2034-05-06": [["某都", "芬兰共和国"]]}
    assert read(text("[[某某省]][[某都]]")) == {"2034-05-06": [["某都", "某某省"]]}
    # near-misses: a list of stops is no chain, and a town the text puts in another state stays there
    assert read(text("芬兰、[[某都]]")) == {"2034-05-06": [["某都"]]}
    assert read(text("芬兰[[某都]]", "在[[瑞典]][[某都]]")) == {"2034-05-06": [["某都", "瑞典王国"]]}


def test_a_regions_capital_lies_in_the_region_whatever_the_sentence_tells_of_it():
    text = ("'''甲乙会晤'''。\n2036年4月2日，甲国总统[[张三]]访问[[某某邦]]首府[[某城]]，首站受到欢迎。"
            "次日，[[张三]]在[[某城]]同乙国总理[[李四]]举行会谈。\n")
    assert read(text) == {"2036-04-03": [["某城", "某某邦"]]}
    # near-miss: a region and a town written with other words between them are no capital and its region
    assert read(text.replace("首府[[某城]]", "和[[某城]]")) == {"2036-04-03": [["某城"]]}


def test_a_towns_meeting_was_held_in_the_building_a_participant_goes_to_right_before_it():
    def venue(told):
        text = ("{{Infobox event\n| title = 张三访问乙国\n| date = {{Start date|2036|3|9}}－{{End date|2036|3|10}}\n"
                "| location = [[乙国]][[某都]]\n| type = 正式访问\n| participants = [[张三]]<br />[[李四]]\n}}\n"
                "'''张三访问乙国'''是甲国总理[[张三]]于2036年3月9日至10日对[[乙国]]进行的正式访问。\n== 访问行程 ==\n"
                "3月9日，张三抵达某都，开始为期两天的访问。\n\n" + told + "\n")
        return read(text, title="张三访问乙国")["2036-03-09"]

    assert venue("3月10日上午，张三乘车抵达某都的[[世界会议中心]]，李四在下车处热情迎候并举行盛大欢迎仪式，"
                 "两国元首随后举行正式会谈。") == [["世界会议中心", "某都", "乙国"]]
    assert venue("3月10日晚，张三抵达[[某都]][[翠湖宫]]，李四在宫外迎接并与他握手，随后为他举行工作晚宴。") \
        == [["翠湖宫", "某都", "乙国"]]
    assert venue("3月10日下午5时许，张三的车队抵达首相官邸，李四夫妇冒雨在门前迎候。") == [["首相官邸", "某都", "乙国"]]
    assert venue("3月10日，张三随即前往总统府，出席欢迎仪式并拜会李四总统。") == [["总统府 (某都)", "某都", "乙国"]]
    assert venue("3月10日，张三前往总理府松涛大厦拜会李四。") == [["松涛大厦", "某都", "乙国"]]
    # near misses: a leader alone at a welcome, an air base one lands at, a meeting told before the going,
    # the talks' own place, something else done there
    assert venue("3月10日，张三随即前往总统府，出席欢迎仪式。") == [["某都", "乙国"]]
    assert venue("3月10日，张三前往联邦大厦，出席联邦委员会举行的迎接仪式。") == [["某都", "乙国"]]
    assert venue("3月10日，张三抵达某都松林空军基地，李四到场迎接。") == [["某都", "乙国"]]
    assert venue("3月10日，张三在某都会见了李四，随后前往某联盟总部，与李四会谈。") == [["某都", "乙国"]]
    assert venue("3月10日，张三前往松涛国家官邸，李四在松园接待张三，两人举行会谈。")[0][0] != "松涛国家官邸"
    assert venue("3月10日，张三前往某某陵献花，随后与李四举行会谈。") == [["某都", "乙国"]]


def test_a_visits_summit_placed_in_the_state_only_was_held_where_the_welcome_before_its_talks_was():
    def venue(told):
        text = ("'''张三访问智利'''是甲国总理[[张三]]于2037年4月9日至11日对[[智利]]进行的国事访问，"
                "其间与智利总统[[李四]]举行会谈。\n== 访问经过 ==\n4月9日晚，张三抵达智利。\n\n" + told + "\n")
        return read(text, title="张三访问智利")["2037-04-09"]

    assert venue("4月10日上午，智利总统[[李四]]在[[某都]]主席府主持了正式欢迎仪式，两人随后举行会谈。") \
        == [["主席府", "某都", "智利共和国"]]
    assert venue("4月10日上午，张三在[[某都]][[松涛宫]]接受正式欢迎仪式，随后与智利总统[[李四]]举行会谈。") \
        == [["松涛宫", "某都", "智利共和国"]]
    # near misses: no talks follow the welcome; the talks name a place of their own
    assert venue("4月10日上午，智利总统[[李四]]在[[某都]]主席府主持了正式欢迎仪式。") == [["智利共和国"]]
    assert venue("4月10日上午，智利总统[[李四]]在[[某都]]主席府主持了正式欢迎仪式，两人随后在[[松涛宫]]举行会谈。")[0][0] \
        == "松涛宫"


def test_a_venue_written_inside_a_towns_own_suffix_is_the_venue_not_the_words_before_it():
    text = HEAD + "2033年5月7日，[[张三]]与[[李四]]在[[某都]]市内的总理府举行会谈。"
    assert read(text) == {"2033-05-07": [["总理府 (某都)", "某都"]]}
    # a bare kind after 市内 names no venue of its own: the town
    assert read(text.replace("市内的总理府", "市内酒店")) == {"2033-05-07": [["某都"]]}


_LANDED = ("{{Infobox event\n| date = {{Start date|2034|3|5}}－{{End date|2034|3|8}}\n| location = [[某都]]\n"
           "| participants = [[张三]]<br>[[王五]]\n}}\n"
           "'''2034年甲访问乙国'''是指[[甲国总统]][[张三]]于2034年3月5日至8日对[[乙国]]进行的访问。\n"
           "== 行程 ==\n3月5日下午，张三的专机降落[[某都国际机场]]，[[乙国总理]][[李四]]在舷梯下迎接，"
           "两人随后在机场贵宾室进行了简短会晤。张三随即前往[[某宫]]，出席欢迎仪式并与[[乙国总统]][[王五]]举行会谈。\n")


def test_a_brief_meeting_in_the_airports_room_on_landing_is_not_where_the_visits_talks_were():
    """``两人随后在机场贵宾室进行了简短会晤。甲随即前往某宫，…举行会谈``: the visit's summit was held at the palace the
    visitor went to, not in the airport's room he was met in on landing; told alone, the room places nothing finer
    than the visit's state."""
    (venues,) = read(_LANDED, title="2034年甲访问乙国").values()
    assert [v[0] for v in venues] == ["某宫"]
    alone = _LANDED.replace("张三随即前往[[某宫]]，出席欢迎仪式并与[[乙国总统]][[王五]]举行会谈。", "")
    assert all("机场贵宾室" not in v for v in read(alone, title="2034年甲访问乙国").values() for v in v)



BARE_DAY_VISIT = ("{{Infobox event\n| title = 2034年张三访问丙国\n| date = {{Start date|2034|7|16}}－{{End date|2034|7|18}}\n"
                  "| location = [[某都]]\n}}\n"
                  "'''2034年张三访问丙国'''是甲国总理[[张三]]于2034年7月16日至18日对[[某都]]进行的正式访问。\n")
BARE_DAY_WELCOME = "17日，丙国总统[[李四]]在[[某宫]]为张三举行正式欢迎仪式，鸣礼炮21响。随后李四与张三举行会谈。\n"


def test_a_paragraph_opening_with_a_bare_day_goes_on_in_the_month_the_account_reached_before_it():
    text = BARE_DAY_VISIT + ("== 经过 ==\n=== 抵达 ===\n7月16日，张三抵达[[某都]]，部长在机场迎接。\n=== 会谈 ===\n"
                             + BARE_DAY_WELCOME)
    assert read(text, title="2034年张三访问丙国") == {"2034-07-16": [["某宫", "某都"]]}


def test_a_bare_day_after_a_month_told_only_in_the_background_is_no_day_of_the_visit():
    text = BARE_DAY_VISIT + "== 背景 ==\n2034年7月16日，甲国外交部宣布张三将访问丙国。\n== 经过 ==\n" + BARE_DAY_WELCOME
    assert ["某宫", "某都"] not in read(text, title="2034年张三访问丙国").get("2034-07-16", [])


def test_a_gatherings_hall_the_lead_gives_is_not_the_venue_of_the_meetings_on_its_sidelines():
    text = ("'''2035年某城峰会'''即二十国集团领导人第九十次峰会，于2035年6月28日至29日在[[甲国]][[某城]]的[[某会议中心]]举行。\n"
            "== 场边会晤 ==\n6月28日，甲国总统[[张三]]与乙国总理[[李四]]举行会谈。\n\n6月29日，张三与丙国总统[[王五]]举行会谈。\n")
    assert read(text, title="2035年某城峰会") == {"2035-06-28": [["某城", "甲国"]], "2035-06-29": [["某城", "甲国"]]}


def test_meetings_years_apart_the_lead_places_in_one_building_keep_it():
    text = ("'''甲乙首脑会晤'''是甲国与乙国领导人的会晤，2031年和2035年的会晤都在[[甲国]][[某城]]的[[某宾馆]]举行。\n"
            "== 经过 ==\n2031年6月28日，甲国总统[[张三]]与乙国总理[[李四]]举行会谈。\n\n"
            "2035年6月29日，张三与乙国总理[[王五]]举行会谈。\n")
    found = read(text, title="甲乙首脑会晤")
    assert len(found) == 2 and all(chains and chains[0][0] == "某宾馆" for chains in found.values())


def test_a_summit_held_at_the_building_the_lead_gives_keeps_its_bilaterals_there():
    text = ("'''2035年某营峰会'''是甲国总统[[张三]]、乙国总理[[李四]]与丙国总统[[王五]]于2035年6月28日在[[甲国]][[某州]]的"
            "[[某营]]举行的三边首脑会议。\n== 经过 ==\n6月28日，三国领导人举行三边会谈。张三还分别同李四、王五举行了双边会谈。\n")
    extraction = extract(parse(Page(text=text, origin="t", title="2035年某营峰会")))
    venues = [f.value.key for f in extraction.facts if f.prop is Prop.VENUE]
    assert len(venues) >= 2 and set(venues) == {"某营"}


def _visit_of_talks_and_a_call(second):
    return ("{{Infobox event\n| title = 2036年张三访问乙国\n| date = {{Start date|2036|3|4}}－{{End date|2036|3|6}}\n"
            "| venue = [[某堂]]\n| cities = [[某都]]\n| participants = [[张三]]<br />[[李四]]<br />[[王五]]\n}}\n"
            "'''2036年张三访问乙国'''是甲国总统[[张三]]于2036年3月4日至6日对乙国的国事访问。\n== 经过 ==\n"
            "3月4日，张三抵达某都。\n\n5日下午，乙国总理[[李四]]在[[某堂]]同张三举行会谈。\n\n"
            f"6日上午，乙国总统[[王五]]在[[某宾馆]]{second}。\n")


def test_a_visit_placed_where_its_formal_talks_were_keeps_that_building_beside_a_call_paid_in_another():
    assert read(_visit_of_talks_and_a_call("会见张三"), title="2036年张三访问乙国") == {"2036-03-04": [["某堂", "某都"]]}


def test_a_visit_whose_days_tell_formal_talks_in_two_buildings_is_held_in_their_town():
    assert read(_visit_of_talks_and_a_call("同张三举行会谈"), title="2036年张三访问乙国") == {"2036-03-04": [["某都"]]}


def test_a_town_the_lead_gives_a_gathering_stays_the_town_of_the_meetings_on_its_sidelines():
    text = ("'''2035年某城峰会'''即五国领导人第九次会晤，于2035年6月28日至29日在[[甲国]][[甲省]][[某城]]举行。\n"
            "== 场边会晤 ==\n6月28日，甲国总统[[张三]]与乙国总理[[李四]]举行会谈。\n\n6月29日，张三与丙国总统[[王五]]举行会谈。\n")
    found = read(text, title="2035年某城峰会")
    assert [v[0] for venues in found.values() for v in venues] == ["某城", "某城"]


def test_a_gatherings_box_naming_one_town_places_the_meetings_of_its_days_told_with_no_place():
    def text(location, day="5月20日"):
        return ("{{Infobox event\n| title = 2036年张三出席某峰会\n| date = {{Start date|2036|5|20}}－{{End date|2036|5|21}}\n"
                f"| location = {location}\n| type = 峰会场边双边会谈\n}}}}\n"
                "'''2036年张三出席某峰会'''是指甲国总统[[张三]]于2036年5月20日至21日亲赴乙国某城，出席某峰会"
                "并在峰会场边与多国领导人举行的一系列双边会谈。\n== 行程 ==\n"
                f"2036年{day}，张三在峰会场边会见丙国总理[[李四]]。\n")

    assert read(text("{{FIN}}[[某城]]")) == {"2036-05-20": [["某城", "芬兰共和国"]]}
    assert read(text("[[某城]]")) == {"2036-05-20": [["某城"]]}
    # near-misses: a meeting on a day outside the box's, and stops of which the meeting's one is unknown
    assert read(text("{{FIN}}[[某城]]", day="5月23日")) == {"2036-05-23": []}
    assert read(text("{{FIN}}[[某城]]、[[另一城]]")) == {"2036-05-20": []}
    # a box naming its leader (| participants = [[张三]]及各国领导人) places his meetings only
    led = text("{{FIN}}[[某城]]").replace("| type =", "| participants = [[张三]]及各国领导人\n| type =")
    assert read(led) == {"2036-05-20": [["某城", "芬兰共和国"]]}
    others = led.replace("张三在峰会场边会见丙国总理[[李四]]", "丁国总统[[王五]]在峰会场边会见丙国总理[[李四]]")
    assert read(others) == {"2036-05-20": []}


def test_a_town_a_gatherings_name_is_written_with_holds_the_meeting_told_during_it():
    def talks(attended):
        return read(f"'''甲乙会晤'''。\n== 经过 ==\n2037年5月8日，甲国总统[[张三]]在出席{attended}期间同乙国首相[[李四]]会晤。")

    assert talks("[[二十国集团]][[某城]]峰会") == {"2037-05-08": [["某城"]]}
    assert talks("[[南非]][[某城]]二十国集团峰会") == {"2037-05-08": [["某城", "南非共和国"]]}
    # near-misses: a body's name before the gathering's word, and the states of a gathering's sides
    assert talks("[[某组织]]峰会") == {"2037-05-08": []}
    assert talks("[[中国]]—[[丁国]]峰会") == {"2037-05-08": []}


def test_a_gathering_named_by_its_town_holds_the_meeting_told_during_it_where_the_article_names_the_town():
    text = ("'''甲乙会晤'''。\n== 经过 ==\n2037年5月7日，甲国总统[[张三]]抵达[[某城]]。\n\n"
            "2037年6月6日，张三和乙国总统[[李四]]在出席[[某城国际经济论坛]]期间举行会谈。")
    assert read(text)["2037-06-06"] == [["某城"]]
    # near-miss: a gathering the meeting came after, not during
    assert read(text.replace("期间举行会谈", "后举行会谈"))["2037-06-06"] == []


def test_the_host_chairs_the_meeting_where_it_is_held():
    def chaired(where):
        return read(f"'''甲乙会晤'''。\n== 经过 ==\n2037年5月12日，甲国总统[[张三]]{where}第八次甲乙丙领导人会议，乙国总理[[李四]]出席。")

    assert chaired("在[[某城]]主持") == {"2037-05-12": [["某城"]]}
    assert chaired("在[[某城]]主持召开") == {"2037-05-12": [["某城"]]}
    # near-miss: chaired from afar
    assert chaired("在[[某城]]以视频方式主持").get("2037-05-12", []) == []


def test_a_summit_boxs_town_in_its_host_state_holds_the_meetings_of_its_days_told_with_no_place():
    def text(day="11月10日", host="{{KSA}}"):
        return ("{{Infobox summit meeting\n| host_country = " + host + "\n"
                "| date = {{Start date|2036|11|10}}－{{End date|2036|11|11}}\n| cities = [[某都]]\n}}\n"
                "'''第九届甲乙国家首脑会议'''是甲乙两地区国家领导人的会议。\n== 双边会晤 ==\n"
                f"2036年{day}，甲国总统[[张三]]会见乙国总统[[李四]]。\n")

    assert read(text(), title="第九届甲乙国家首脑会议") == {"2036-11-10": [["某都", "沙特阿拉伯王国"]]}
    # near-miss: a meeting on a day outside the box's
    assert read(text("11月14日"), title="第九届甲乙国家首脑会议") == {"2036-11-14": []}


def test_a_site_named_after_another_town_of_the_article_lies_in_that_town_not_the_one_reached():
    """``抵达[[某都]]…移驾[[丙京宫]]``, the box listing [[丙京]] as a stop: the palace is 丙京's, in the state of the
    town reached; a site named after no town of the article lies in the town reached."""
    text = ("{{Infobox event\n| title = 张三访问印度尼西亚\n| date = {{Start date|2036|11|8}}－{{End date|2036|11|10}}\n"
            "| location = {{IDN}}[[某都]]、[[丙京]]\n| participants = [[张三]]<br />[[李四]]\n}}\n"
            "'''张三访问印度尼西亚'''是甲国总统[[张三]]于2036年11月8日至10日对[[印度尼西亚]]进行的国事访问。\n"
            "== 经过 ==\n11月8日，张三抵达[[某都]]。下午，张三移驾[[丙京宫|丙京总统府]]，出席官方欢迎仪式，"
            "并与印度尼西亚总统[[李四]]举行会谈。\n")
    assert read(text, title="张三访问印度尼西亚") == {"2036-11-08": [["丙京宫", "丙京", "印度尼西亚共和国"]]}
    assert read(text.replace("[[丙京宫|丙京总统府]]", "[[松涛宫]]"), title="张三访问印度尼西亚") \
        == {"2036-11-08": [["松涛宫", "某都", "印度尼西亚共和国"]]}


def test_a_meal_shared_or_views_exchanged_with_a_partner_is_held_where_the_phrase_says():
    """``在[[某宫]]与乙共进晚餐``, ``在[[某宫]]与乙交换意见``: the two met there, as ``在[[某宫]]与乙会谈`` says;
    an atmosphere is no place (``在友好的气氛中与乙交换意见``)."""
    told = "'''甲乙会晤'''。\n2037年5月3日晚，甲国总统[[张三]]{}与乙国总理[[李四]]{}。\n"
    assert read(told.format("在[[某宫]]", "共进晚餐")) == {"2037-05-03": [["某宫"]]}
    assert read(told.format("在[[某宫]]", "交换意见")) == {"2037-05-03": [["某宫"]]}
    assert read(told.format("在友好的气氛中", "交换意见")) == {"2037-05-03": []}


def test_a_venue_written_on_a_seas_shore_or_by_a_town_is_named_without_the_side():
    """``[[某海]]之滨的松涛官邸``: the residence on the shore, in no sea; ``[[某城]]西郊的松涛官邸``, ``[[某城]]附近的乙镇``
    (a place field): the place by the town, counted in it. A side alone (``[[某城]]附近``) names no place."""
    told = "'''甲乙会晤'''。\n2037年5月3日晚，甲国总统[[张三]]在{}与乙国总理[[李四]]会谈。\n"
    assert read(told.format("[[某海]]之滨的松涛官邸")) == {"2037-05-03": [["松涛官邸"]]}
    assert read(told.format("[[某城]]西郊的松涛官邸")) == {"2037-05-03": [["松涛官邸", "某城"]]}
    assert read(box("[[某城]]附近的乙镇")) == {"2005-04-29": [["乙镇", "某城"]]}
    assert read(box("[[某城]]郊外的乙庄园")) == {"2005-04-29": [["乙庄园", "某城"]]}
    assert read(box("[[某城]]附近")) == {"2005-04-29": [["某城"]]}


def test_a_call_paid_on_the_host_or_the_host_receiving_the_visitor_is_held_where_its_phrase_says():
    """``在[[某宫]]礼节性拜会乙``, ``在[[某宫]]接见甲``: the meeting is a call or an audience, held there; a place
    the leader is accompanied in is no place of the call (``在夫人陪同下拜会乙``)."""
    told = "'''甲乙会晤'''。\n2037年5月3日，甲国总统[[张三]]{}。\n"
    assert read(told.format("在[[某宫]]礼节性拜会乙国总统[[李四]]，两人随后举行会谈")) == {"2037-05-03": [["某宫"]]}
    assert read(told.format("在[[某宫]]接见乙国总理[[李四]]，两人随后举行会谈")) == {"2037-05-03": [["某宫"]]}
    assert read(told.format("在夫人[[王五]]陪同下拜会乙国总统[[李四]]并与其会谈")) == {"2037-05-03": []}


def test_a_rows_itinerary_gives_way_to_the_stop_its_account_tells_the_talks_in():
    text = ("'''张三出访列表'''列出甲国总理[[张三]]的出访。\n== 列表 ==\n"
            "{| class=\"wikitable\"\n! 日期 !! 地点 !! 会晤领导人 !! 备注\n|-\n"
            "| 2034年1月8日－9日 || [[某港]]、[[某都]] || 乙国总统[[李四]] || 签署合作文件\n|}\n"
            "== 2034年访问乙国 ==\n2034年1月8日，乙国总统[[李四]]到某港机场迎接张三，两人乘车穿过市区。"
            "9日，两人在乙国首都某都举行会谈，签署合作文件。\n")
    title = "张三出访列表"
    assert read(text, title=title) == {"2034-01-08": [["某都"]]}  # not the first stop, where the visit began
    # near misses: talks only planned there, with someone else, or told in the first stop too leave the first stop
    planned = text.replace("9日，两人在", "9日，两人原定在")
    assert read(planned, title=title) == {"2034-01-08": [["某港"]]}
    a_speaker = text.replace("某都举行会谈", "某都同议长[[王五]]举行会谈")
    assert read(a_speaker, title=title) == {"2034-01-08": [["某港"]]}
    also_first = text.replace("两人乘车穿过市区", "两人在某港举行会谈")
    assert read(also_first, title=title) == {"2034-01-08": [["某港"]]}



_WENT_TO_TALK = ("{{Infobox event\n| date = {{Start date|2036|3|5}}－{{End date|2036|3|7}}\n| location = [[某都]]\n"
                 "| participants = [[张三]]<br>[[王五]]\n}}\n"
                 "'''2036年甲访问乙国'''是指[[甲国总统]][[张三]]于2036年3月5日至7日对[[乙国]]进行的访问，会见了乙国总统[[王五]]。\n"
                 "== 行程 ==\n3月5日下午，张三抵达[[某都]]。3月6日上午，张三前往翠湖宫与其举行会谈。\n")


def test_the_building_gone_to_in_the_clause_of_the_meeting_held_there_is_the_venue():
    """``前往某宫与其举行会谈``, ``前往某宫礼节性拜会乙``, ``前往某府觐见国王乙``: Chinese joins the going and the
    meeting held there in one clause, with no comma between, as readily as in two; the building is the venue, in
    the town of the visit."""
    def venues(text):
        return list(read(text, title="2036年甲访问乙国").values())
    assert venues(_WENT_TO_TALK) == [[["翠湖宫", "某都"]]]
    for meeting in ("礼节性拜会[[乙国总统]][[王五]]", "觐见[[乙国国王]][[王五]]"):
        assert venues(_WENT_TO_TALK.replace("与其举行会谈", meeting)) == [[["翠湖宫", "某都"]]], meeting
    # near misses: a memorial visited for a wreath; an airport; a going planned, not made
    for other in ("前往[[英雄纪念碑]]与其一同献花", "前往[[某都国际机场]]与其举行会谈", "原定前往翠湖宫与其举行会谈",
                  "原定前往翠湖宫，与其举行会谈"):
        found = venues(_WENT_TO_TALK.replace("前往翠湖宫与其举行会谈", other))
        assert all(v[0] in ("某都", "乙国") for chains in found for v in chains), (other, found)


@pytest.mark.parametrize("flag, state", [
    ("{{flag|YUG}}", "南斯拉夫社会主义联邦共和国"),  # a state of earlier times, by its code
    ("{{flag|Zaire}}", "刚果民主共和国"),  # a state by the name it had then: the state it became
])
def test_a_flag_of_a_state_of_earlier_times_writes_that_state(flag, state):
    table = FLAG_TABLE.replace("{{flag|JPN}}", flag)
    assert read(table, title="甲乙会晤列表")["2009-10-10"] == [["乙城", state]]
