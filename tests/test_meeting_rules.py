"""Rules of how real articles write about meetings, each on a small hand-made article."""

import pytest
from conftest import roles_by_day

from kg.extract import extract
from kg.model import Kind, Page, Prop
from kg.wikitext import parse

HEAD = "'''甲乙会晤'''是[[甲国]]与[[乙国]]领导人的会晤。\n== 经过 ==\n"


def summits(text, title="甲乙会晤"):
    extraction = extract(parse(Page(text=text, origin="t", title=title)))
    out = {}
    for entity in extraction.entities:
        if entity.id.kind is Kind.SUMMIT:
            about = [f for f in extraction.facts if f.subject == entity.id]
            start = next(f.value for f in about if f.prop is Prop.START_DATE)
            out[start.isoformat()] = {
                "end": next(f.value for f in about if f.prop is Prop.END_DATE).isoformat(),
                "participants": {f.value.key for f in about if f.prop is Prop.PARTICIPANT},
                "ordinal": {f.value for f in about if f.prop is Prop.ORDINAL},
                "venue": {f.value.key for f in about if f.prop is Prop.VENUE},
            }
    return out


def participants_of_each_summit(text, title="甲乙会晤"):
    extraction = extract(parse(Page(text=text, origin="t", title=title)))
    return [{fact.value.key for fact in extraction.facts if fact.subject == entity.id and fact.prop is Prop.PARTICIPANT}
            for entity in extraction.entities if entity.id.kind is Kind.SUMMIT]


def test_meeting_verbs_beyond_held_at():
    text = HEAD + "2019年6月13日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]会面。"
    assert set(summits(text)) == {"2019-06-13"}


@pytest.mark.parametrize("held", ["第九届甲乙领导人非正式会议", "甲乙领导人年度会议"])
def test_a_leaders_informal_or_yearly_meeting_held_by_two_is_a_summit(held):
    """``举行第九届甲乙领导人非正式会议``: a series' meeting named with 非正式 or 年度 between 领导人 and 会议 is the leaders'
    meeting, as 领导人会议 is."""
    text = HEAD + f"2039年4月9日，甲国总理[[张三]]与乙国首相[[李四]]在[[某城]]举行{held}。"
    assert {day: s["participants"] for day, s in summits(text).items()} == {"2039-04-09": {"张三", "李四"}}


def test_attending_a_gatherings_leaders_informal_meeting_is_no_meeting_of_that_day():
    text = HEAD + ("2039年11月18日上午，甲国总理[[张三]]抵达[[某城]]出席亚太经合组织领导人非正式会议。"
                   "19日晚，张三与乙国总统[[李四]]在会议期间举行双边会谈。")
    assert {day: s["end"] for day, s in summits(text).items()} == {"2039-11-19": "2039-11-19"}


@pytest.mark.parametrize("sentence", [
    "2019年6月13日，甲国总统[[张三]]致函乙国总理[[李四]]，希望两人能在不久之后会面。",
    "2019年6月13日，甲国总统[[张三]]与乙国总理[[李四]]通电话，商定在某城会晤。",
    "2019年6月13日，白宫表示，甲国总统[[张三]]与乙国总理[[李四]]会谈的时间未定。",
    "2019年6月13日，甲国总统[[张三]]与乙国总理[[李四]]原定在[[某城]]举行会晤，后因故取消。",
    "2019年6月13日，[[某宫]]证实甲国总统[[张三]]决定与乙国总理[[李四]]会面。",
    "2019年6月13日，甲国总统[[张三]]发推表示正考虑在[[某城]]与乙国总理[[李四]]会面。",
    "2019年6月13日，甲国总统[[张三]]在[[某宫]]表示，他不想与乙国总理[[李四]]举行一场毫无意义的会面。",
    "2019年6月13日，甲国总统[[张三]]发表声明，称他与乙国总理[[李四]]应在稍后的日期举行会晤。",
    "2019年6月13日，某报称甲国总统[[张三]]正协调于7月访问丙国之际首度与乙国总理[[李四]]举行会谈。",
    "2019年6月13日，两国团队正在安排甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]会面的细节。",
])
def test_plans_letters_and_calls_are_no_summit(sentence):
    assert summits(HEAD + sentence) == {}


def test_two_days_joined_by_and_are_one_meetings_span():
    text = HEAD + "2031年3月9日和10日，甲国总统[[张三]]在[[某城]]同乙国总理[[李四]]举行非正式会晤。"
    assert {day: s["end"] for day, s in summits(text).items()} == {"2031-03-09": "2031-03-10"}


@pytest.mark.parametrize("sentence", [
    "甲国总统[[张三]]于2018年11月11日和12日先后在[[某城]]和[[某都]]与乙国总理[[李四]]举行会谈。",
    "甲国总统[[张三]]分别于2018年11月11日和12日在[[某城]]与乙国总理[[李四]]举行会谈。",
    "甲国总统[[张三]]于2018年11月11日和13日在[[某城]]与乙国总理[[李四]]举行会谈。",
])
def test_two_days_joined_by_and_each_its_own_or_apart_are_not_one_span(sentence):
    assert {day: s["end"] for day, s in summits(HEAD + sentence).items()} == {"2018-11-11": "2018-11-11"}


def _ends(text):
    return {day: s["end"] for day, s in summits(HEAD + text).items()}


def test_a_summit_told_on_its_last_day_spans_from_the_day_its_talks_began():
    began = ("1966年1月4日，甲乙双方在[[某城]]展开谈判。\n\n"
             "1月10日下午，在首脑会议的最后一次会谈中，甲国总理[[张三]]和乙国总统[[李四]]签署了宣言。")
    assert _ends(began) == {"1966-01-04": "1966-01-10"}
    opened = "首脑会谈于1998年10月15日在[[某宫]]正式开始。\n\n10月23日下午，甲国总理[[张三]]和乙国总统[[李四]]在[[某宫]]签署备忘录。"
    assert _ends(opened) == {"1998-10-15": "1998-10-23"}
    held = ("1956年10月13日至19日，甲国代表团和乙国代表团在[[某城]]举行了谈判。\n\n"
            "10月19日，甲国总理[[张三]]与乙国总统[[李四]]在[[某宫]]签署了《共同宣言》。")
    assert _ends(held) == {"1956-10-13": "1956-10-19"}


def test_talks_of_officials_long_before_or_ended_before_are_not_the_summits():
    began = ("1966年1月4日，甲乙双方在[[某城]]展开谈判。\n\n"
             "1月10日下午，在首脑会议的最后一次会谈中，甲国总理[[张三]]和乙国总统[[李四]]签署了宣言。")
    assert _ends(began.replace("甲乙双方", "两国外长")) == {"1966-01-10": "1966-01-10"}
    assert _ends(began.replace("1月10日下午", "1月25日下午")) == {"1966-01-25": "1966-01-25"}
    held = ("1956年10月13日至17日，甲国代表团和乙国代表团在[[某城]]举行了谈判。\n\n"
            "10月19日，甲国总理[[张三]]与乙国总统[[李四]]在[[某宫]]签署了《共同宣言》。")
    assert _ends(held) == {"1956-10-19": "1956-10-19"}


def test_a_date_that_is_another_events_is_not_the_meetings():
    text = HEAD + ("由于[[丙国]]与[[丁国]]于1941年4月13日在[[某城]]签订《中立条约》，丙国尚未参战，"
                   "甲国总统[[张三]]不便与乙国总理[[李四]]直接会面。")
    assert summits(text) == {}


def test_talks_below_the_top_and_envoys_are_no_summit():
    vice = HEAD + "2019年6月13日，甲国副总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会谈。"
    envoy = HEAD + ("2019年6月13日，乙国总理[[李四]]特使、乙国副总理[[王五]]在[[某城]]会见甲国总统[[张三]]，"
                    "转达李四的问候。")
    assert summits(vice) == {}
    assert summits(envoy) == {}


def test_a_secretary_of_the_party_secretariat_书记处_who_welcomes_a_visitor_is_no_party_to_the_talks():
    text = HEAD + ("2031年6月28日上午，乙国主席[[李四]]一行的专机降落[[某机场]]，甲党中央政治局委员、书记处常务书记[[王五]]等"
                   "到机场迎接。随后，甲党中央总书记[[张三]]在[[某府]]为李四举行欢迎仪式，两人举行会谈。")
    assert meetings(text) == [("2031-06-28", frozenset({"张三", "李四"}))]
    secretary = HEAD + "2031年6月28日，甲党中央书记处常务书记[[王五]]在[[某城]]会见乙国主席[[李四]]。"
    assert meetings(secretary) == []


@pytest.mark.parametrize("sentence", [
    "2015年12月28日下午，两国外长在[[某城]]举行会谈。甲国总理[[张三]]向乙国总统[[李四]]表示歉意。",
    "7月20日，两党代表团举行第九次会谈。甲国领导人[[张三]]表示，乙国领导人[[李四]]的立场不变。",
])
def test_talks_told_as_held_by_those_below_the_leaders_are_no_summit(sentence):
    assert summits(HEAD + sentence.replace("7月20日", "2015年7月20日")) == {}


def test_the_leaders_talks_with_the_ministers_beside_them_are_a_summit():
    text = HEAD + "2015年12月28日，甲国总统[[张三]]在两国外长陪同下与乙国总统[[李四]]在[[某城]]举行会谈。"
    assert summits(text)["2015-12-28"]["participants"] == {"张三", "李四"}


def test_the_day_someone_took_office_said_of_whom_a_leader_met_is_not_the_meetings_day():
    text = HEAD + "2025年10月31日，甲国主席[[张三]]在[[某城]]出席会议期间会见10月21日新就任的乙国首相[[李四]]。"
    assert set(summits(text)) == {"2025-10-31"}


def test_with_japan_同日本_is_no_same_day_同日():
    text = ("'''张三访日'''是印度总理[[张三]]对[[日本]]的访问。\n== 经过 ==\n"
            "1988年12月19日，张三在[[某城]]同日本首相[[李四]]举行会谈。")
    assert summits(text, title="张三访日")["1988-12-19"]["participants"] == {"张三", "李四"}


def test_a_numbered_meeting_of_japans_第N次日_is_no_next_day_次日():
    text = ("'''张三访乙'''是日本首相[[张三]]对[[乙国]]的访问。\n== 背景 ==\n"
            "2031年3月19日，张三首次访问乙国，在[[某城]]与乙国总理[[李四]]举行第14次日乙年度首脑会谈，双方发表联合声明。\n"
            "2032年9月17日，张三在[[某都]]与乙国总统[[王五]]举行首次日乙首脑会谈。")
    found = summits(text, title="张三访乙")
    assert set(found) == {"2031-03-19", "2032-09-17"}
    assert found["2031-03-19"]["participants"] == {"张三", "李四"} and found["2031-03-19"]["ordinal"] == {14}
    assert found["2032-09-17"]["participants"] == {"张三", "王五"} and found["2032-09-17"]["ordinal"] == {1}


def test_a_next_day_次日_after_a_clause_is_still_the_day_after():
    text = ("'''张三访乙'''是日本首相[[张三]]对[[乙国]]的访问。\n== 经过 ==\n"
            "2031年5月6日，张三在[[某城]]与乙国总理[[李四]]举行会谈，次日与乙国总统[[王五]]会晤。")
    assert set(summits(text, title="张三访乙")) == {"2031-05-06", "2031-05-07"}


def test_the_writer_of_a_letter_read_out_is_not_at_the_meeting():
    text = HEAD + ("2020年1月15日，甲国总统[[张三]]与乙国代表[[李四]]在[[某宫]]签署并交换协议文本，"
                   "李四宣读了乙国主席[[王五]]致张三的信件。")
    assert summits(text) == {}


def test_a_meeting_proposed_and_then_told_as_lasting_so_long_was_held():
    text = HEAD + ("1999年11月28日，甲国总统[[张三]]在[[某城]]出席会议时向乙国首相[[李四]]提议共进早餐，"
                   "两人的早餐会持续约一小时，主要谈及经济问题。")
    assert summits(text)["1999-11-28"]["participants"] == {"张三", "李四"}
    proposed = text.replace("两人的早餐会持续约一小时，", "")
    assert summits(proposed) == {}


def test_what_the_leaders_agreed_at_their_talks_of_another_meeting_does_not_undo_the_talks():
    text = HEAD + ("2015年12月2日，甲国主席[[张三]]在[[某城]]同乙国总统[[李四]]举行会谈，"
                   "两国元首同意以某论坛峰会为新起点，推动两国关系发展。")
    assert summits(text)["2015-12-02"]["participants"] == {"张三", "李四"}
    planned = HEAD + "2015年12月2日，甲国主席[[张三]]表示，两国元首同意在[[某城]]与乙国总统[[李四]]举行会谈。"
    assert summits(planned) == {}


def test_a_meeting_planned_after_the_talks_told_takes_none_of_its_people_into_them():
    text = HEAD + ("6月30日上午，乙国总统[[王五]]在[[某宫]]与甲国总统[[张三]]举行会谈，持续大约一个小时；"
                   "会后王五在联合记者会上宣布，张三和丙国领导人[[李四]]同意在[[某村]]会面。").replace("6月30日", "2019年6月30日")
    assert summits(text)["2019-06-30"]["participants"] == {"王五", "张三"}


def test_a_spouse_and_a_shared_surname_are_not_the_leader():
    text = ("'''甲乙会晤'''\n== 经过 ==\n1961年6月3日，甲国总统[[约翰·甘迺迪]]与乙国总理[[尼基塔·赫鲁雪夫]]"
            "在[[维也纳]]举行会谈。甘迺迪夫人[[贾桂琳·甘迺迪]]随行。")
    found = summits(text)
    assert found["1961-06-03"]["participants"] == {"约翰·甘迺迪", "尼基塔·赫鲁雪夫"}


def test_a_day_under_a_heading_takes_the_infobox_year_not_a_late_citations():
    text = ("{{Infobox summit meeting\n| date = {{Start date|1985|11|19}}–{{End date|1985|11|20}}\n"
            "| venue = [[丰泉宫]]\n| cities = [[日内瓦]]\n"
            "| participants = {{flagicon|USA}} [[隆纳·雷根]]<br>{{flagicon|USSR}} [[米哈伊尔·戈巴契夫]]\n}}\n"
            "'''1985年日内瓦峰会'''是美国总统[[隆纳·雷根]]与苏共中央总书记[[米哈伊尔·戈巴契夫]]的首次会晤。\n"
            "== 11月19日 ==\n11月19日，雷根与戈巴契夫在丰泉宫首次会面。"
            "<ref>{{cite news |title=Reagan and Gorbachev meet |date=2016-11-19}}</ref>\n")
    found = summits(text, title="1985年日内瓦峰会")
    assert list(found) == ["1985-11-19"]
    assert found["1985-11-19"]["end"] == "1985-11-20"  # the infobox's days stand
    # summit-conventions.md: "the first meeting of these two leaders" is no series ordinal
    assert found["1985-11-19"]["ordinal"] == set()


def test_a_day_in_a_section_of_its_own_is_the_leads_day_not_an_anniversary_citations():
    """``于2033年12月15日在某都共同发表`` in the lead, and a section of its own telling ``12月15日，…`` with a source
    dated on that day of a later year (an anniversary's piece): the lead's day, not the source's."""
    text = ("'''某宣言'''是甲国首相[[张三]]与乙国总理[[李四]]于2033年12月15日在[[某都]]共同发表的宣言。\n"
            "== 会晤 ==\n2033年12月3日，张三赴[[某堡]]，与李四举行会晤。\n"
            "== 发表 ==\n12月15日，李四飞抵某都，于当天与张三共同签署并发表宣言。"
            "<ref>{{cite news |title=How the declaration unfolded |date=2063-12-15}}</ref>\n")
    assert {day for day, _ in meetings(text, "某宣言")} == {"2033-12-03", "2033-12-15"}

def test_offices_of_two_sides_title_no_one_and_a_place_stays_a_place():
    text = ("'''中美元首安纳伯格庄园会晤'''\n== 经过 ==\n2013年6月7日至8日，中国国家主席[[习近平]]与美国总统"
            "[[贝拉克·奥巴马]]在[[加利福尼亚州]]的[[安纳伯格庄园]]举行会晤。")
    found = summits(text, title="中美元首安纳伯格庄园会晤")
    assert found["2013-06-07"]["venue"] == {"安纳伯格庄园"}


def test_one_number_said_of_two_meetings_is_left_out():
    text = HEAD + ("2001年5月3日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行第二次会晤。\n"
                   "2003年5月3日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行第二次会晤。")
    found = summits(text)
    assert set(found) == {"2001-05-03", "2003-05-03"}
    assert all(s["ordinal"] == set() for s in found.values())


PAIR = ("'''张李峰会'''是指甲国总统[[张三]]与乙国总理[[李四]]在2001年至2003年间举行的两次首脑会晤。\n"
        "== 第一次峰会 ==\n")


def test_two_people_referred_back_to_are_the_two_the_article_is_about():
    text = PAIR + "2001年5月3日，两人在[[某城]]举行会晤。"
    found = summits(text, title="张李峰会")
    assert found["2001-05-03"]["participants"] == {"张三", "李四"}


def test_a_meeting_table_without_a_people_column_takes_the_articles_two_leaders():
    text = PAIR + ('{| class="wikitable"\n! 次序 !! 日期 !! 地点 !! 成果\n|-\n'
                   "| 1 || 2001年5月3日 || [[某城]] || 《联合声明》\n|}\n")
    found = summits(text, title="张李峰会")
    assert found["2001-05-03"]["participants"] == {"张三", "李四"}
    assert found["2001-05-03"]["ordinal"] == {1}


def test_a_caption_of_a_pairs_meetings_makes_a_person_of_the_name_no_office_types():
    text = ("'''张三与某僧会晤'''是指甲国总统[[张三]]与[[某教]]首领[[某僧]]的历次会面。\n== 历次会晤 ==\n"
            '{| class="wikitable"\n|+ 张三与某僧历次会晤\n! 次序 !! 日期 !! 地点 !! 议题\n|-\n'
            "| 1 || 2011年3月5日 || [[某寺]] || 和平\n|-\n"
            "| 2 || 2014年9月8日 || [[某寺]] || 环境\n|}\n")
    found = summits(text, title="张三与某僧会晤")
    assert found["2011-03-05"]["participants"] == {"张三", "某僧"}
    assert found["2014-09-08"]["ordinal"] == {2}


def test_a_series_table_without_people_takes_the_attendees_its_numbered_section_names():
    text = ("'''甲丙峰会'''是[[甲国总统]]与丙地区各国领导人之间的峰会。\n== 历届峰会 ==\n"
            '{| class="wikitable"\n! 届次 !! 日期 !! 地点 !! 主要成果\n|-\n'
            "| 首届 || 2001年5月3日－4日 || [[某城]] || 《联合宣言》\n|-\n"
            "| 第二届 || 2003年6月8日 || [[某城]] || 联合声明\n|}\n"
            "== 首届峰会 ==\n首届峰会于2001年5月在某城举行。出席的包括乙国总理[[李四]]、丁国总统[[王五]]等领导人；"
            "[[丙地区论坛]]秘书长[[赵六]]则以观察员身份与会。4日，甲国总统[[张三]]向与会领导人发表讲话。\n"
            "== 第二届峰会 ==\n乙国发言人[[钱七]]宣布峰会将举行。6月8日，[[张三]]在某宫接待了各国领导人，"
            "与会者包括[[丙地区论坛]]主席、乙国总理[[李四]]。丁国总统[[王五]]未出席。\n")
    found = summits(text, title="甲丙峰会")
    assert found["2001-05-03"]["participants"] == {"张三", "李四", "王五"}
    assert found["2001-05-03"]["ordinal"] == {1}
    assert found["2003-06-08"]["participants"] == {"张三", "李四"}
    assert found["2003-06-08"]["ordinal"] == {2}


def test_a_multilateral_gathering_and_words_about_a_meeting_are_no_summit():
    gathering = PAIR + "2001年5月3日，两国领导人赴[[某城]]出席金砖国家领导人第三次会晤。"
    speaking = PAIR + "乙国驻甲国大使[[王五]]2001年5月4日在某城解读会晤成果时称，两位领导人共举行7场活动。"
    assert summits(gathering, title="张李峰会") == {}
    assert summits(speaking, title="张李峰会") == {}


@pytest.mark.parametrize("name", ["海湾阿拉伯国家合作委员会", "海湾合作委员会"])
def test_a_session_of_the_gulf_cooperation_council_is_a_gathering_no_summit_of_those_attending(name):
    text = HEAD + (f"2031年12月9日下午，首届甲国－{name}峰会在[[某城]]举行。"
                   "丁国王储[[赵六]]主持峰会，乙国埃米尔[[李四]]、丙国国王[[王五]]出席。")
    assert summits(text) == {}


THIRD_SESSION = ("{{Infobox summit\n| name = 甲组织第三次峰会\n| date = {{Start date|2033|5|6}}\n"
             "| cities = [[某城]]\n| chair = [[张三]]\n}}\n"
             "''''甲组织第三次峰会''''于2033年5月6日在[[甲国]]的[[某城]]举行。\n== 峰会 ==\n"
             "5月6日，第三次峰会在某城举行。")


def test_the_heads_a_sentence_lists_as_attending_a_gathering_are_its_participants():
    text = THIRD_SESSION + "出席峰会的有[[甲国总统]][[张三]]、[[乙国总统]][[李四]]、[[丙国总理]][[王五]]以及委员会秘书长[[赵六]]。"
    found = summits(text, title="甲组织第三次峰会")
    assert found["2033-05-06"]["participants"] == {"张三", "李四", "王五"}


@pytest.mark.parametrize("listed", [
    "出席峰会的有[[甲国总统]][[张三]]、[[乙国]]外长[[李四]]、[[丙国]]副总理[[王五]]。",  # one head, the rest below the top
    "陪同出席的有[[甲国总统]][[张三]]、[[乙国总统]][[李四]]、[[丙国总理]][[王五]]。",  # those who went along
])
def test_a_list_of_officials_or_of_those_going_along_names_no_participants(listed):
    assert summits(THIRD_SESSION + listed, title="甲组织第三次峰会") == {}


def test_a_plain_name_in_a_people_column_is_a_participant():
    text = HEAD + ('{| class="wikitable"\n! 日期 !! 地点 !! 甲方 !! 乙方\n|-\n'
                   "| 1975年12月1日至5日 || 甲国 || 毛泽东、邓小平 || [[李四]]\n|}\n")
    found = summits(text)
    assert found["1975-12-01"]["participants"] == {"毛泽东", "邓小平", "李四"}


def outcomes(text, title="甲乙会晤"):
    extraction = extract(parse(Page(text=text, origin="t", title=title)))
    labels = {e.id: {label.text for label in e.labels if label.language == "zh-Hans"} for e in extraction.entities}
    return {next(iter(labels.get(f.value) or {f.value.key})) for f in extraction.facts if f.prop is Prop.OUTCOME}


def test_documents_in_a_results_section_far_from_the_date_belong_to_the_articles_summit():
    text = ("{{Infobox summit meeting\n| date = {{Start date|1972|5|22}}–{{End date|1972|5|30}}\n"
            "| participants = [[理查德·尼克松]]<br>[[列昂尼德·勃列日涅夫]]\n}}\n"
            "'''1972年莫斯科峰会'''是美国总统[[理查德·尼克松]]与苏共中央总书记[[列昂尼德·勃列日涅夫]]的会晤。\n"
            "== 背景 ==\n1963年，两国签署《部分禁止核试验条约》。\n"
            "== 成果 ==\n两人签署《限制进攻性战略武器临时协定》，会后发表联合公报。\n")
    assert outcomes(text, title="1972年莫斯科峰会") == {"限制进攻性战略武器临时协定", "联合公报"}


def test_a_document_dated_outside_the_summit_is_not_its_outcome():
    text = HEAD + ("2001年5月3日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤。"
                   "2004年6月1日，两国外长签署《边界协定》。")
    assert outcomes(text) == set()


def test_a_joint_statement_named_by_its_kind_is_each_summits_own():
    text = HEAD + ("2001年5月3日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤，会后发表联合声明。\n"
                   "2003年5月3日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤，会后发表联合声明。")
    extraction = extract(parse(Page(text=text, origin="t", title="甲乙会晤")))
    statements = {f.value for f in extraction.facts if f.prop is Prop.OUTCOME}
    assert len(statements) == 2  # two summits, two statements: not one node shared by both


def roles_of(text, title="甲乙会晤"):
    extraction = extract(parse(Page(text=text, origin="t", title=title)))
    agent = {f.subject: f.value.key for f in extraction.facts if f.prop is Prop.AGENT}
    return {(agent[f.subject], f.value.key) for f in extraction.facts if f.prop is Prop.ROLE and f.subject in agent}


def test_a_body_linked_before_an_office_word_is_no_participant_but_part_of_the_office():
    text = ("{{Infobox summit meeting\n| date = {{Start date|2007|10|2}}–{{End date|2007|10|4}}\n"
            "| participants = [[大韩民国总统]][[卢武铉]]<br />[[朝鲜民主主义人民共和国国防委员会|国防委员会]]委员长[[金正日]]\n}}\n"
            "'''2007年朝韩首脑会晤'''是两国领导人的会晤。\n")
    found = summits(text, title="2007年朝韩首脑会晤")
    assert found["2007-10-02"]["participants"] == {"卢武铉", "金正日"}
    assert ("金正日", "国防委员会委员长") in roles_of(text, title="2007年朝韩首脑会晤")


def test_an_office_is_not_read_across_another_name():
    text = HEAD + "2019年10月11日，中国国家主席[[习近平]]应印度总理[[纳伦德拉·莫迪]]邀请在[[金奈]]举行会晤。"
    roles = roles_of(text)
    assert roles == {("习近平", "中华人民共和国主席"), ("纳伦德拉·莫迪", "印度共和国总理")}  # 国家主席: the state's 主席


def test_a_gathering_is_no_summit_but_a_meeting_on_its_sidelines_is():
    gathering = HEAD + "2012年5月18日至19日，八国集团峰会在[[某城]]举行，八国领导人举行圆桌会谈。"
    sidelines = HEAD + "2016年9月3日，甲国总统[[张三]]在[[某城]]会见前来出席二十国集团领导人峰会的乙国总理[[李四]]。"
    assert summits(gathering) == {}
    assert set(summits(sidelines)) == {"2016-09-03"}


@pytest.mark.parametrize("attended", [
    "2034年7月6日至7日，甲国总理[[张三]]出席在[[某城]]举行的[[金砖国家领导人第三十次会晤]]。在领导人合影中，东道主乙国总统[[李四]]站在张三身旁。",
    "2034年11月18日至19日，二十国集团领导人峰会在[[某城]]举行，甲国总理[[张三]]与乙国总统[[李四]]应邀出席。",
    "2034年7月10日，甲国总理[[张三]]抵达[[某城]]，出席北约峰会，乙国总统[[李四]]也出席。",
])
def test_leaders_who_only_attend_a_gathering_named_a_meeting_are_no_summit(attended):
    assert summits(HEAD + attended) == {}


@pytest.mark.parametrize("told", [
    "2034年7月6日，甲国总理[[张三]]出席[[金砖国家领导人第三十次会晤]]后，在[[某宫]]与乙国总统[[李四]]共进晚餐。",
    "2034年7月6日，甲国总理[[张三]]赴[[某城]]出席金砖国家领导人第三十次会晤前夕，同乙国总统[[李四]]举行会谈。",
    "2034年7月6日，甲国总理[[张三]]在[[某城]]出席金砖国家领导人第三十次会晤期间会见乙国总统[[李四]]。",
])
def test_a_meeting_told_beside_the_gathering_attended_is_a_summit(told):
    assert {day: s["participants"] for day, s in summits(HEAD + told).items()} == {"2034-07-06": {"张三", "李四"}}


def test_a_gathering_named_in_what_was_said_at_a_meeting_does_not_make_it_the_gathering():
    said = HEAD + ("2012年8月30日，甲国总统[[张三]]与乙国总统[[李四]]举行单独会谈，张三祝贺李四当选，"
                   "李四则表示甲国担任轮值主席国是不结盟运动的机遇。")
    assert {day: s["participants"] for day, s in summits(said).items()} == {"2012-08-30": {"张三", "李四"}}
    gathering = HEAD + "2012年8月30日，甲国总统[[张三]]与乙国总统[[李四]]出席不结盟运动首脑会议，会议通过了宣言。"
    assert summits(gathering) == {}


@pytest.mark.parametrize("late", ["会谈推迟约两小时才开始", "会谈推迟111分钟才开始", "会谈推迟至6时才开始"])
def test_talks_begun_hours_late_were_held(late):
    text = HEAD + f"2019年6月29日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈，因张三日程延误，{late}。"
    assert set(summits(text)) == {"2019-06-29"}
    put_off = text.replace(late, "会谈推迟到下个月举行")
    assert summits(put_off) == {}


def test_a_leader_written_after_his_office_on_the_day_told_meets_that_day():
    told = HEAD + ("2025年4月26日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]出席葬礼前举行会谈。"
                   "[[丙国总统]][[王五]]当日亦在场边与李四会谈。")
    assert [(s["start"], sorted(s["participants"])) for s in _all_summits(told)] == [
        ("2025-04-26", ["张三", "李四"]), ("2025-04-26", ["李四", "王五"])]
    published = told.replace("[[丙国总统]][[王五]]当日亦在场边与李四会谈。", "[[丙国总统]][[王五]]于当日发表声明。")
    assert [(s["start"], sorted(s["participants"])) for s in _all_summits(published)] == [("2025-04-26", ["张三", "李四"])]


def _all_summits(text):
    extraction = extract(parse(Page(text=text, origin="t", title="甲乙会晤")))
    out = []
    for entity in extraction.entities:
        if entity.id.kind is Kind.SUMMIT:
            about = [f for f in extraction.facts if f.subject == entity.id]
            out.append({"start": next(f.value for f in about if f.prop is Prop.START_DATE).isoformat(),
                        "participants": {f.value.key for f in about if f.prop is Prop.PARTICIPANT}})
    return sorted(out, key=lambda s: (s["start"], sorted(s["participants"])))


def test_delegates_in_a_people_column_are_not_leaders():
    text = HEAD + ('{| class="wikitable"\n! 日期 !! 地点 !! 与会者\n|-\n'
                   "| 1941年6月12日 || [[伦敦]] || 英国、4个[[自治领]]、[[自由法国]]及8个[[流亡政府]]的代表\n|}\n")
    assert summits(text) == {}


def test_a_press_conference_about_the_talks_is_no_meeting():
    text = HEAD + "5月26日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]会谈。\n5月27日，张三在某城召开记者会公布会谈内容。"
    text = text.replace("== 经过 ==", "== 2018年 ==")
    assert set(summits(text)) == {"2018-05-26"}


def test_an_ordinal_in_the_heading_frames_the_summit_under_it():
    text = PAIR.replace("== 第一次峰会 ==", "== 第二次峰会：某城 ==") + \
        "1986年10月11日至12日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤。"
    found = summits(text, title="张李峰会")
    assert found["1986-10-11"]["ordinal"] == {2}


def test_the_title_is_never_bold_text_inside_an_infobox():
    text = "{{Infobox event\n| title = '''盒中粗体'''\n}}\n'''甲乙会晤'''是两国领导人的会晤。\n"
    assert parse(Page(text=text, origin="t")).title == "甲乙会晤"


def test_a_summit_held_at_someones_invitation_is_held():
    text = HEAD + "1978年9月6日，在甲国总统[[张三]]的邀请下，甲国总统[[张三]]与乙国总理[[李四]]在[[某营]]举行最高级会议。"
    assert set(summits(text)) == {"1978-09-06"}


def test_a_plan_spoken_of_inside_a_meeting_does_not_undo_the_meeting():
    text = HEAD + "2018年9月12日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会谈，李四在会谈中邀请张三访问乙国。"
    assert set(summits(text)) == {"2018-09-12"}


def test_the_chairman_of_a_council_of_ministers_is_a_head_of_government():
    text = HEAD + "1959年9月25日，苏联部长会议主席[[尼基塔·赫鲁晓夫]]与美国总统[[德怀特·艾森豪威尔]]在[[戴维营]]举行会谈。"
    assert summits(text)["1959-09-25"]["participants"] == {"尼基塔·赫鲁晓夫", "德怀特·艾森豪威尔"}


def test_a_month_of_a_year_sets_the_year_of_the_days_after_it():
    text = HEAD + ("2001年5月3日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤。\n"
                   "2006年4月，李四再度访问甲国。4月16日上午，甲国总统[[张三]]在[[某城]]会见乙国总理[[李四]]。")
    assert set(summits(text)) == {"2001-05-03", "2006-04-16"}


VISIT = ("{{Infobox event\n| date = {{Start date|2023|3|20}}–{{End date|2023|3|22}}\n"
         "| participants = [[张三]]<br>[[李四]]\n}}\n"
         "'''2023年张三访问乙国'''是甲国主席[[张三]]对乙国的国事访问，乙国总统[[李四]]与其会谈。\n"
         "== 行程 ==\n=== 3月20日 ===\n3月20日，张三抵达[[某城]]。当天下午，张三会见乙国总统李四。\n"
         "=== 3月21日 ===\n21日上午，张三在[[政府大厦]]会见乙国总理[[王五]]。\n"
         "当天，乙国议会议长[[赵六]]会见张三。\n")


def test_a_visit_told_day_by_day_takes_in_the_top_leaders_met_on_its_days():
    found = summits(VISIT, title="2023年张三访问乙国")
    assert set(found) == {"2023-03-20"}
    assert found["2023-03-20"]["end"] == "2023-03-22"
    assert found["2023-03-20"]["participants"] == {"张三", "李四", "王五"}  # not the legislature's chair


#: A boxed visit told day by day between real states (whose side each leader is), its last days' accounts to fill.
HOSTS_VISIT = ("{{Infobox summit meeting\n| date = {{Start date|2033|5|6}}–{{End date|2033|5|8}}\n"
               "| participants = [[张三]]<br>[[李四]]\n}}\n"
               "'''2033年张三访问法国'''是德国总理[[张三]]对[[法国]]的国事访问。\n"
               "== 行程 ==\n=== 5月6日 ===\n5月6日，张三抵达[[巴黎]]。当天下午，法国总统[[李四]]同张三举行会谈。\n"
               "=== {heading} ===\n{account}\n")


def _hosts_visit(heading, account):
    text = HOSTS_VISIT.replace("{heading}", heading).replace("{account}", account)
    return summits(text, title="2033年张三访问法国")["2033-05-06"]["participants"]


@pytest.mark.parametrize("account, joined", [
    ("7日，张三分别会见了法国总理[[王五]]和国民议会议长[[赵六]]。", {"王五"}),  # the hosts' leaders, met in turn
    ("7日，张三先后同法国总理[[王五]]、国民议会议长[[赵六]]举行会谈。", {"王五"}),
    ("7日，张三分别会见了西班牙首相[[王五]]和意大利总理[[赵六]]。", set()),  # third states' leaders: meetings of their own
])
def test_the_hosts_leaders_a_visitor_meets_in_turn_take_part_in_the_visit(account, joined):
    assert _hosts_visit("5月7日", account) == {"张三", "李四"} | joined


@pytest.mark.parametrize("heading, joined", [("5月8日", {"王五"}), ("5月9日", set())])
def test_next_day_opening_a_section_headed_by_its_day_is_that_day(heading, joined):
    """``=== 5月8日 ===\n次日，…``: the heading says which day the 次日 of the account before is."""
    assert _hosts_visit(heading, "次日，法国总理[[王五]]会见张三。") == {"张三", "李四"} | joined


@pytest.mark.parametrize("account, joined", [("在巴黎期间，法国总理[[王五]]也与张三晤谈。", {"王五"}),
                                             ("在巴黎期间，国民议会议长[[赵六]]也与张三晤谈。", set())])
def test_talks_written_晤谈_on_a_visits_days_take_the_top_leader_into_it(account, joined):
    assert _hosts_visit("5月7日", account) == {"张三", "李四"} | joined


KINGS_VISIT = ("{{Infobox event\n| date = {{Start date|2023|3|20}}–{{End date|2023|3|22}}\n"
               "| participants = [[张三]]<br>[[李四]]\n}}\n"
               "'''2023年张三访问乙国'''是甲国国王[[张三]]对乙国的国事访问，乙国总统[[李四]]与其会谈。\n"
               "== 行程 ==\n3月20日，张三抵达[[某城]]。当天下午，乙国总统李四会见张三。\n\n"
               "在某城期间，国王还会见了乙国总理[[王五]]。\n")


def test_a_visitor_told_by_his_office_alone_meets_whom_the_sentence_names():
    found = summits(KINGS_VISIT, title="2023年张三访问乙国")
    assert found["2023-03-20"]["participants"] == {"张三", "李四", "王五"}


@pytest.mark.parametrize("change", [
    ("国王还会见了", "丙国国王还会见了"),  # another state's king
    ("国王还会见了", "某某国王还会见了"),  # a title that is part of a longer name
    ("国王还会见了", "国王特使还会见了"),  # the king's envoy
    ("乙国总统[[李四]]与其会谈。", "乙国总统[[李四]]与其会谈。丁国国王[[孙七]]亦来访。"),  # two kings: no one
])
def test_an_office_word_that_is_not_the_visitors_alone_stands_for_no_one(change):
    found = summits(KINGS_VISIT.replace(*change), title="2023年张三访问乙国")
    assert "王五" not in found["2023-03-20"]["participants"]


def test_a_meeting_after_the_visits_days_does_not_join_it():
    later = VISIT + "== 后续 ==\n同年9月5日，张三在[[某城]]会见乙国总统李四。\n"
    later_day = VISIT.replace("21日上午", "25日上午")
    assert summits(later, title="2023年张三访问乙国")["2023-03-20"]["participants"] == {"张三", "李四", "王五"}
    assert summits(later_day, title="2023年张三访问乙国")["2023-03-20"]["participants"] == {"张三", "李四"}


def test_the_lead_of_a_boxed_visit_tells_a_meeting_on_other_days():
    before = VISIT.replace("乙国总统[[李四]]与其会谈。\n", "乙国总统[[李四]]与其会谈。这是张三的首次出访：此前，"
                           "他于3月18日在[[某都]]同丙国总统[[孙七]]举行了会谈。\n")
    found = summits(before, title="2023年张三访问乙国")
    assert set(found) == {"2023-03-18", "2023-03-20"}
    assert found["2023-03-18"]["participants"] == {"张三", "孙七"}
    assert found["2023-03-20"]["participants"] == {"张三", "李四", "王五"}  # the box's own summit as before


@pytest.mark.parametrize("sentence, person, office", [
    ("2019年6月13日，[[中华人民共和国]]国家主席[[张三]]与乙国总理[[李四]]会谈。", "张三", {"中华人民共和国主席"}),
    ("2019年6月13日，冷战时期[[中华人民共和国]]主席[[张三]]与乙国总理[[李四]]会谈。", "张三", {"中华人民共和国主席"}),
    ("2019年6月13日，[[乙国]]总理[[李四]]前往白宫会见总统[[张三]]。", "张三", {"总统"}),  # the bare word after the verb
])
def test_an_office_is_read_whole_and_never_across_a_verb_or_a_time(sentence, person, office):
    assert {o for p, o in roles_of(HEAD + sentence) if p == person} == office


@pytest.mark.parametrize("sentence", [
    "甲国国家安全顾问[[王五]]于2019年6月13日会见李四，讨论会晤细节。",
    "2019年6月13日至14日，甲国情报院院长[[王五]]以总统特使身份访问乙国，磋商首脑会谈事宜。",
    "6月13日，甲国统一部长官[[王五]]与乙国和平统一委员会委员长[[赵六]]率团在[[某城]]会谈。",
    "2019年6月13日，两国在[[某城]]举行高级别会谈，讨论落实首脑会晤的成果。",
    "甲国总统[[张三]]表示，将在2019年6月13日于[[某城]]举行的二十国集团峰会期间与乙国总理[[李四]]会晤。",
])
def test_talks_of_officials_and_meetings_still_to_come_are_no_summit(sentence):
    text = ("'''甲乙会晤'''是甲国总统[[张三]]与乙国总理[[李四]]于2019年的会晤。\n== 背景 ==\n2019年，" + sentence)
    assert summits(text) == {}


def test_a_conference_held_with_its_days_is_a_meeting():
    text = ("'''某城会议'''是甲国总统[[张三]]和乙国总理[[李四]]于1989年12月2日－3日在[[某城]]召开的一次会议。")
    assert set(summits(text, title="某城会议")) == {"1989-12-02"}


def test_a_host_receiving_leaders_for_a_leaders_meeting_is_a_summit():
    text = HEAD + ("2023年8月18日，甲国总统[[张三]]在[[某营]]接待乙国总理[[李四]]和丙国总统[[王五]]，"
                   "举行三国领导人会议。")
    assert summits(text)["2023-08-18"]["participants"] == {"张三", "李四", "王五"}


def test_a_year_said_in_passing_does_not_date_the_days_after_it():
    text = HEAD + ("1989年12月2日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会谈。\n"
                   "李四记得1986年在[[某岛]]住在船上。12月3日，张三与李四在[[某城]]再次举行会谈。")
    told = summits(text)  # the next day's talks of the same two: one summit over both days
    assert set(told) == {"1989-12-02"} and told["1989-12-02"]["end"] == "1989-12-03"


def test_a_regional_variant_inside_the_full_name_is_not_replaced_twice():
    text = ("{{NoteTA|1=zh-cn:艾森豪威尔; zh-tw:艾森豪;}}\n'''甲乙会晤'''\n== 经过 ==\n"
            "1959年9月25日，乙国总理[[李四]]与甲国总统[[德怀特·艾森豪威尔|艾森豪威尔]]在[[某营]]举行会谈。")
    assert summits(text)["1959-09-25"]["participants"] == {"李四", "德怀特·艾森豪威尔"}


def test_days_told_relative_to_the_last_one_date_their_meetings_and_bind_their_own_people():
    text = HEAD + ("2025年9月2日，甲国总统[[张三]]抵达[[某城]]。\n"
                   "3日，张三与乙国总理[[李四]]、丙国总统[[王五]]一同观看阅兵；当天下午，张三在[[某馆]]与王五举行会谈。")
    found = summits(text)
    assert found["2025-09-03"]["participants"] == {"张三", "王五"}  # not 李四, who only watched


def test_a_street_number_after_the_day_is_no_day_of_its_own():
    """A house number written with 号 (某街8号, 某路12号) is where they met, not a bare day told
    after the meeting's: the meeting's clause runs on past it. A bare 号 day after the
    meeting's is still another day."""
    street = HEAD + "2008年4月3日，甲国总理[[张三]]与乙国首相[[李四]]在[[某城]]柳树街8号官邸举行会谈。"
    assert summits(street)["2008-04-03"]["participants"] == {"张三", "李四"}
    road = HEAD + "2008年4月3日，甲国总理[[张三]]抵达[[某城]]，在和平路12号宾馆与乙国首相[[李四]]会晤。"
    assert summits(road)["2008-04-03"]["participants"] == {"张三", "李四"}
    later = HEAD + "2008年4月3日，甲国总理[[张三]]抵达[[某城]]；5号，张三与乙国首相[[李四]]在[[某宫]]会晤。"
    assert set(summits(later)) == {"2008-04-05"}


def test_a_day_mentioned_inside_a_clause_is_not_a_new_meeting_day():
    text = HEAD + ("2018年5月26日，甲国总统[[张三]]与乙国总理[[李四]]在[[某阁]]举行了事前未公布的第二次会面。"
                   "会晤由官方于当晚宣布，张三于次日上午发表会谈结果。")
    assert set(summits(text)) == {"2018-05-26"}


@pytest.mark.parametrize("length", ["原定35分钟的会谈持续了两个多小时", "原定一个多小时的会谈应李四要求延长"])
def test_a_planned_length_and_something_else_held_there_are_no_plan(length):
    text = HEAD + (f"2017年7月7日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行首次会晤，{length}。\n"
                   "2019年6月28日，两人在[[某城]]再次会晤，李四邀请张三出席次年在[[某都]]举行的纪念活动。")
    assert set(summits(text)) == {"2017-07-07", "2019-06-28"}


def test_whoever_speaks_after_the_meeting_does_not_lead_it():
    text = ("'''甲乙会晤'''是甲国总统[[张三]]与乙国总理[[李四]]的会晤。\n== 经过 ==\n"
            "2023年11月15日，两国元首在[[某庄园]]举行会晤；会晤前，甲国驻乙国大使[[王五]]称双方要重回共识。")
    assert set(summits(text)) == {"2023-11-15"}


def test_a_third_sides_leader_met_during_a_visit_is_a_summit_of_its_own():
    text = ("'''张三访问乙国'''是指甲国领导人[[张三]]对乙国的访问。\n== 会晤列表 ==\n"
            "{| class=\"wikitable\"\n|+ 张三与[[李四]]的会晤\n! 次序 !! 日期 !! 地点\n|-\n"
            "| 1 || 2025年9月2日－4日 || [[某城]]\n|}\n"
            "== 2025年9月 ==\n2025年9月2日，甲国总统张三抵达[[某城]]，乙国主席李四会见张三。"
            "3日下午，张三在[[某馆]]与丙国总统[[王五]]进行会谈。\n")
    found = summits(text, title="张三访问乙国")
    assert found["2025-09-02"]["participants"] == {"张三", "李四"}
    assert found["2025-09-03"]["participants"] == {"张三", "王五"}


def test_meetings_told_in_the_account_of_a_boxed_summit_are_that_summit():
    text = ("{{Infobox summit meeting\n| date = {{Start date|1959|9|25}}–{{End date|1959|9|27}}\n"
            "| participants = [[张三]]<br>[[李四]]\n}}\n"
            "'''某营会谈'''是甲国总统[[张三]]与乙国主席[[李四]]于1959年9月25日至27日在[[某营]]的会谈。\n"
            "== 背景 ==\n1955年7月18日，张三与李四在[[某城]]举行会晤。\n"
            "== 抵达 ==\n9月15日，李四抵达[[某基地]]。当天下午，两人在[[某宫]]会谈近两个小时。\n")
    assert set(summits(text, title="某营会谈")) == {"1955-07-18", "1959-09-25"}


def test_a_box_of_ministers_the_article_titles_below_the_top_is_no_summit():
    text = ("{{Infobox event\n| date = {{Start date|2023|6|18}}－{{End date|2023|6|19}}\n"
            "| participants = [[王五]]<br />[[赵六]]、[[钱七]]\n}}\n"
            "'''2023年王五访问乙国'''是指甲国国务卿[[王五]]对乙国的访问。\n== 经过 ==\n"
            "乙国国务委员兼外长[[赵六]]与王五会谈。乙国外事办主任[[钱七]]会见王五。"
            "当天下午，乙国主席[[李四]]在[[某堂]]会见王五。\n")
    assert summits(text, title="2023年王五访问乙国") == {}


def test_a_meeting_referred_back_to_on_an_arrival_day_is_not_held_that_day():
    text = ("{{Infobox event\n| date = {{Start date|2018|7|16}}\n"
            "| participants = 甲国总统 [[张三]]<br />乙国总统 [[李四]]\n}}\n"
            "'''2018年甲乙峰会'''是甲国总统[[张三]]与乙国总统[[李四]]的高峰会。\n== 背景 ==\n"
            "张三在结束访问丙国后于7月15日飞抵[[某城]]，出发前他表示对这次会晤期望很低。\n")
    assert set(summits(text, title="2018年甲乙峰会")) == {"2018-07-16"}


def test_a_date_at_the_head_of_a_sentence_rules_all_its_clauses():
    text = HEAD + ("2019年6月30日下午，甲国总统[[张三]]在[[某村]]与乙国总理[[李四]]握手，并跨过分界线；"
                   "两人其后在[[某屋]]举行约50分钟的闭门会谈，丙国总统[[王五]]亦加入。")
    assert summits(text)["2019-06-30"]["participants"] == {"张三", "李四", "王五"}


@pytest.mark.parametrize("sentence", [
    "9月17日，秘书室长[[赵六]]公布行程，甲国总统[[张三]]将于18日至20日访问乙国，除18日下午的首轮会谈外，19日将再举行会谈。",
    "10月15日，两国再次举行高级别会谈，敲定各领域的会谈日程。",
    "2000年3月9日，甲国总统[[张三]]发表宣言，表示准备帮助乙国，并愿与乙国总理[[李四]]会晤。",
    "4月4日，白宫官员在简报会上介绍，6日下午两国元首将交流，7日两位元首继续会谈。",
    "4月28日，甲党中央政治局常委[[王五]]会见了乙党访问团全体成员，两党工作机构负责人进行了会谈。",
    "9月24日，甲国外交大臣[[王五]]在[[某城]]与乙国总理李四会谈。",
])
def test_itineraries_schedules_and_wishes_are_no_meeting(sentence):
    text = ("'''甲乙会晤'''是甲国总统[[张三]]与乙国总理[[李四]]于2018年的会晤。\n== 背景 ==\n2018年，" + sentence)
    assert summits(text) == {}


def test_a_meeting_told_in_the_background_takes_the_offices_the_article_gives_its_leaders():
    # the conventions: the office held at the time, as the text gives it; the background's own
    # sentence names none, so the article's offices for them stand (published as inferred)
    text = ("'''2018年甲乙峰会'''是甲国总统[[张三]]与乙国总理[[李四]]的会晤。\n== 背景 ==\n"
            "2017年7月7日，张三和李四在[[某城]]举行首次会晤。\n")
    roles = roles_of(text, title="2018年甲乙峰会")
    assert roles == {("张三", "甲国总统"), ("李四", "乙国总理")}


@pytest.mark.parametrize("later", [
    "1991年7月30日，张三与已成为首任[[乙国总统]]的李四在[[某城]]举行峰会。",
    "1991年7月30日，张三与时任乙国总统的李四在[[某城]]举行会谈。",
])
def test_an_office_before_de_is_the_office_the_person_holds_then(later):
    text = (HEAD + "1989年12月2日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤。\n== 后续 ==\n" + later)
    roles = roles_by_day(text)
    assert ("李四", "乙国总理") in roles["1989-12-02"]
    assert ("李四", "乙国总统") in roles["1991-07-30"]  # not 首任乙国总统: which holder is no office


def test_leaders_titled_only_before_de_make_a_summit():
    text = HEAD + "1991年7月30日，时任甲国总统的[[张三]]与时任乙国总理的[[李四]]在[[某城]]举行会谈。"
    assert summits(text)["1991-07-30"]["participants"] == {"张三", "李四"}
    assert roles_by_day(text)["1991-07-30"] == {("张三", "甲国总统"), ("李四", "乙国总理")}


def test_a_bare_office_after_the_name_titles_the_person_but_an_office_before_de_is_the_next_names():
    after = HEAD + "1991年7月30日，[[张三]]总统与[[李四]]总理在[[某城]]举行会谈。"
    assert summits(after)["1991-07-30"]["participants"] == {"张三", "李四"}
    vice = HEAD + "1991年7月30日，甲国总统[[张三]]与时任乙国副总理的[[李四]]在[[某城]]举行会谈。"
    assert summits(vice) == {}  # the office before 的 is 李四's, and it is below the top


def test_a_party_or_an_ordinal_before_an_office_is_the_holders_not_the_offices():
    text = HEAD + "1991年7月30日，第44任甲国总统[[张三]]与民主党乙国总理[[李四]]在[[某城]]举行会谈。"
    assert roles_by_day(text)["1991-07-30"] == {("张三", "甲国总统"), ("李四", "乙国总理")}


def test_an_article_about_a_document_names_no_series_after_it():
    text = ("'''《甲乙联合声明》'''是[[甲国]]与[[乙国]]于1972年9月29日签署的联合声明。\n== 经过 ==\n"
            "1972年9月25日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会谈，签署《[[甲乙联合声明]]》。\n"
            "1980年5月27日，张三与李四在[[某城]]再次会谈。")
    extraction = extract(parse(Page(text=text, origin="t", title="甲乙联合声明")))
    assert len([e for e in extraction.entities if e.id.kind is Kind.SUMMIT]) == 2
    assert not [f for f in extraction.facts if f.prop is Prop.IN_SERIES]


STATE_VISIT = ("'''2015年张三访问乙国'''是指甲国国家主席[[张三]]应乙国女王[[王五]]的邀请，"
         "于2015年10月19日至23日对[[乙国]]进行的国事访问。\n== 行程 ==\n")


def test_a_days_heading_dates_the_meetings_told_under_it():
    text = STATE_VISIT + ("=== 10月21日 ===\n21日，张三在[[某城]]同乙国首相[[李四]]举行会谈。\n"
                    "=== 10月22日 ===\n下午，张三抵达[[某庄园]]，李四在下车处迎接，两人随后举行小范围会晤。\n")
    found = summits(text, title="2015年张三访问乙国")
    assert list(found) == ["2015-10-19"]  # both days' meetings are the visit's one summit
    assert found["2015-10-19"]["end"] == "2015-10-23"
    assert found["2015-10-19"]["participants"] == {"张三", "李四"}


def test_a_day_heading_without_a_year_is_of_the_heading_above_or_the_lead_not_of_the_background():
    text = ("'''张李会晤'''是甲国总统[[张三]]与乙国总理[[李四]]于2017年4月6日的会晤。\n"
            "== 背景 ==\n1998年，张三曾访问乙国。\n== 经过 ==\n=== 4月6日 ===\n当天下午，张三与李四在[[某城]]举行会谈。\n")
    assert set(summits(text, title="张李会晤")) == {"2017-04-06"}


def test_every_meeting_of_a_visit_is_one_summit_spanning_the_visit():
    text = HEAD + ("2008年5月6日至10日，甲国总统[[张三]]对[[日本]]进行国事访问。7日，张三与日本首相[[李四]]在[[某城]]举行会谈。"
                   "8日，张三在[[某宫]]会见日本天皇[[王五]]。")  # real states: whose side each leader is
    found = summits(text)
    assert list(found) == ["2008-05-06"]
    assert found["2008-05-06"]["end"] == "2008-05-10"
    assert found["2008-05-06"]["participants"] == {"张三", "李四", "王五"}


def test_a_host_leader_whose_state_the_text_leaves_unsaid_is_met_within_the_visit():
    text = HEAD + ("2008年4月9日至12日，甲国总理[[张三]]对[[日本]]进行正式访问。10日，张三与日本首相[[李四]]在[[某城]]举行会谈。"
                   "12日，国家主席[[王五]]在[[某岛]]会见张三。")  # 国家主席 of no state the text names
    found = summits(text)
    assert list(found) == ["2008-04-09"]
    assert found["2008-04-09"]["participants"] == {"张三", "李四", "王五"}


def test_the_visited_states_premier_met_one_by_one_joins_the_visit_its_head_named_by_office_alone():
    text = HEAD + ("2007年11月25日至27日，甲国总统[[张三]]对[[日本]]进行国事访问。26日，国家主席[[李四]]在[[某宫]]"
                   "同张三举行会谈。同日，张三还分别与国会议长[[王五]]、日本首相[[赵六]]会见会谈。")  # real states: sides
    found = summits(text)
    assert list(found) == ["2007-11-25"]  # 李四's side unsaid, 赵六's the state visited: the visit's host
    assert found["2007-11-25"]["participants"] == {"张三", "李四", "赵六"}


def test_a_meeting_told_as_of_the_visits_days_is_the_visits_summit_with_its_talks():
    text = ("'''张三访日'''是印度总理[[张三]]对[[日本]]的访问。\n== 经过 ==\n"  # real states: whose side each leader is
            "1988年12月19日，印度总理[[张三]]抵达某城，开始对日本的正式访问。当天，张三同日本首相[[李四]]举行会谈。"
            "\n\n访问期间，日本天皇[[王五]]专门会见张三。")
    found = summits(text, title="张三访日")  # two summits of that day would leave one of the two meetings' people
    assert found["1988-12-19"]["participants"] == {"张三", "李四", "王五"}


def test_a_meeting_told_as_of_the_stay_in_a_town_of_the_visit_is_the_visits_summit():
    text = ("'''张三访日'''是印度总理[[张三]]对[[日本]]的访问。\n== 经过 ==\n"  # real states: whose side each leader is
            "2016年8月30日至9月6日，印度总理张三对日本进行正式访问。8月31日，日本首相[[李四]]在[[某宫]]同张三举行会谈。"
            "\n\n在某城期间，日本天皇[[王五]]会见张三。")
    found = summits(text, title="张三访日")
    assert list(found) == ["2016-08-30"]
    assert found["2016-08-30"]["participants"] == {"张三", "李四", "王五"}


@pytest.mark.parametrize("opening", ["在峰会期间", "在此期间", "在任期间", "在中国停留期间"])
def test_the_days_of_a_gathering_or_a_term_are_no_stay_in_a_town_of_the_visit(opening):
    text = ("'''张三访日'''是印度总理[[张三]]对[[日本]]的访问。\n== 经过 ==\n"
            "2016年8月30日至9月6日，印度总理张三对日本进行正式访问。8月31日，日本首相[[李四]]在[[某宫]]同张三举行会谈。"
            f"\n\n{opening}，日本天皇[[王五]]会见张三。")
    assert all("王五" not in summit["participants"] for summit in summits(text, title="张三访日").values())


TABLED_VISIT = ("'''张三与李四会晤'''是指[[中国]]主席[[张三]]与[[意大利]]总统[[李四]]之间的历次会晤。\n\n"
                "== 会晤列表 ==\n{| class=\"wikitable\"\n|-\n! 次序 !! 日期 !! 地点 !! 性质\n|-\n"
                "| 1 || 2017年2月21日－26日 || [[某城]] || 李四对中国进行国事访问\n|}\n\n"
                "== 历次会晤 ==\n2017年2月21日至26日，李四应张三邀请对中国进行国事访问。2月22日，张三在[[某宫]]同李四举行会谈。")


def test_a_premier_met_on_a_day_of_a_tabled_visit_took_part_in_the_visit():
    found = summits(TABLED_VISIT + "2月23日，李四会见了中国总理[[王五]]。", title="张三与李四会晤")
    assert found["2017-02-21"]["participants"] == {"张三", "李四", "王五"}


def test_a_leader_received_along_with_an_official_below_the_top_is_met_all_the_same():
    text = TABLED_VISIT + "2月23日，李四会见了中国总理[[王五]]和全国人大常委会委员长[[赵六]]。"
    assert summits(text, title="张三与李四会晤")["2017-02-21"]["participants"] == {"张三", "李四", "王五"}


@pytest.mark.parametrize("others", ["、议长[[赵六]]和外长[[孙七]]", "和议长[[赵六]]", "、议长[[赵六]]、外长[[孙七]]"])
def test_a_leader_met_with_officials_below_the_top_listed_after_him_is_met_all_the_same(others):
    text = HEAD + f"2033年5月6日，甲国总统[[张三]]抵达某都，在[[某宫]]与乙国总统[[李四]]{others}会谈。"
    assert summits(text)["2033-05-06"]["participants"] == {"张三", "李四"}


def test_the_one_met_listed_after_below_the_top_officials_is_still_no_summit():
    text = HEAD + "2033年5月6日，甲国总统[[张三]]在某都与乙国议长[[赵六]]和外长[[孙七]]会谈。"
    assert "2033-05-06" not in summits(text)


def test_the_chairman_of_a_consultative_conference_is_below_the_top():
    text = TABLED_VISIT + "2月23日，李四会见了全国政协主席[[赵六]]。"
    assert summits(text, title="张三与李四会晤")["2017-02-21"]["participants"] == {"张三", "李四"}


def test_a_tour_of_several_states_spans_none_of_its_meetings():
    text = HEAD + ("2019年3月21日至26日，甲国总统[[张三]]对[[意大利]]、[[摩纳哥]]和[[法国]]进行国事访问。"
                   "3月25日，张三与法国总理[[李四]]在[[某城]]举行会谈。")
    found = summits(text)
    assert list(found) == ["2019-03-25"] and found["2019-03-25"]["end"] == "2019-03-25"


@pytest.mark.parametrize("visit", [
    "2008年5月6日至10日，德国总理[[张三]]对[[日本]]进行国事访问。",  # the office before the name: the visitor's own
    "2008年5月6日至10日，德国总理[[张三]]应日本首相[[李四]]邀请对[[日本]]进行国事访问。",  # the host's, who invites
    "德国总理[[张三]]于2008年1月在[[柏林]]就职。2008年5月6日至10日，张三率德国代表团对[[日本]]进行国事访问。",
])
def test_the_visitors_own_state_written_in_the_visits_clause_is_no_state_visited(visit):
    text = HEAD + visit + "7日，张三与日本首相[[李四]]在[[某城]]举行会谈。8日，张三在[[某宫]]会见日本天皇[[王五]]。"
    found = summits(text)  # real states: whose side each leader is
    assert list(found) == ["2008-05-06"] and found["2008-05-06"]["end"] == "2008-05-10"
    assert found["2008-05-06"]["participants"] == {"张三", "李四", "王五"}


def test_a_visitor_whose_own_state_is_written_still_tours_the_states_he_names():
    text = HEAD + ("2008年5月6日至10日，德国总理[[张三]]对[[日本]]和[[韩国]]进行国事访问。"
                   "7日，张三与日本首相[[李四]]在[[某城]]举行会谈。")
    found = summits(text)
    assert list(found) == ["2008-05-07"] and found["2008-05-07"]["end"] == "2008-05-07"


def test_a_tour_whose_states_follow_its_verb_spans_none_of_its_meetings():
    text = HEAD + ("甲国总统[[张三]]于2019年3月21日至26日出访[[意大利]]、[[摩纳哥]]及[[法国]]。"
                   "3月22日，张三与意大利总理[[王五]]在[[某城]]举行会谈。3月25日，张三与法国总理[[李四]]在[[某镇]]举行会谈。")
    found = summits(text)
    assert sorted(found) == ["2019-03-22", "2019-03-25"] and found["2019-03-25"]["end"] == "2019-03-25"


def test_the_meetings_of_one_legs_section_are_that_legs_one_summit():
    text = ("'''张三出访'''是甲国总统[[张三]]于2019年3月21日至27日出访[[意大利]]和[[法国]]的行程。\n"
            "== 背景 ==\n2019年1月，意大利总统[[李四]]访问甲国时当面发出邀请。\n== 行程 ==\n"
            "=== 意大利（3月21日－24日）===\n22日上午，张三前往[[某宫]]出席欢迎仪式，颁赠李四总统[[某玉勋章|某玉大勋章]]，"
            "随后与李四举行会谈。\n\n23日上午，张三与李四在[[某湖]]再次会晤。\n"
            "=== 法国（3月24日－27日）===\n25日，张三与法国总统[[王五]]举行会谈。\n")
    extraction = extract(parse(Page(text=text, origin="t", title="张三出访")))
    days = sorted((f.subject.key, f.value.isoformat()) for f in extraction.facts if f.prop is Prop.START_DATE)
    assert [day for _, day in days].count("2019-03-21") == 1 and len(days) == 2  # one summit each state's leg


def test_a_legs_days_told_in_its_sections_prose_date_its_meetings():
    text = ("'''张三出访'''是甲国总统[[张三]]于2019年3月对[[德国]]和[[法国]]进行的国事访问。\n== 行程 ==\n"
            "=== 德国 ===\n3月21日至23日，张三对德国进行国事访问。张三同德国总统[[李四]]举行会谈。\n"
            "=== 访问法国 ===\n3月24日至27日，张三对法国进行国事访问。张三与法国总统[[王五]]举行会谈。\n")
    extraction = extract(parse(Page(text=text, origin="t", title="张三出访")))
    starts = sorted(f.value.isoformat() for f in extraction.facts if f.prop is Prop.START_DATE)
    ends = sorted(f.value.isoformat() for f in extraction.facts if f.prop is Prop.END_DATE)
    assert starts == ["2019-03-21", "2019-03-24"] and ends == ["2019-03-23", "2019-03-27"]


@pytest.mark.parametrize("lead, first", [
    # the lead's days are a tour's (several states in its visit's clause), the gathering it attends then no summit:
    # the first leg's talks keep their own day
    ("于2033年7月19日至24日对[[加纳]]、[[肯尼亚]]和[[埃及]]进行国事访问，并出席在[[另城]]举行的金砖国家领导人第二十五次会晤。",
     ("2033-07-19", "2033-07-19")),
    ("于2033年7月19日至24日对非洲三国进行国事访问，并出席在[[另城]]举行的金砖国家领导人第二十五次会晤。",
     ("2033-07-19", "2033-07-19")),
    # near-miss: one state visited, the gathering on its days: the visit's days are its summit's
    ("于2033年7月19日至24日对[[加纳]]进行国事访问，并出席在[[另城]]举行的金砖国家领导人第二十五次会晤。",
     ("2033-07-19", "2033-07-24")),
    # near-miss: a group named by its count (二十国集团) is no count of states visited
    ("于2033年7月19日至24日赴[[另城]]出席二十国集团领导人第三十次峰会并对[[加纳]]进行国事访问。",
     ("2033-07-19", "2033-07-24")),
])
def test_a_tours_days_in_the_lead_date_none_of_its_meetings(lead, first):
    text = ("'''张三出访'''是甲国总统[[张三]]" + lead + "\n== 行程 ==\n"
            "=== 加纳 ===\n7月19日，张三同加纳总统[[李四]]在[[某都]]举行会谈。\n")
    found = summits(text, title="张三出访")
    assert (first[0], found[first[0]]["end"]) == first


LEGS_BY_ARRIVAL = ("'''张三出访'''是甲国总统[[张三]]于2019年3月对[[加纳]]、[[肯尼亚]]和[[埃及]]进行的国事访问。\n== 行程 ==\n"
        "=== 加纳 ===\n2019年3月21日，张三抵达[[某都]]，开始对加纳进行国事访问。22日，张三同加纳总统[[李四]]举行会谈。"
        "会后，张三参观了某港。23日，张三结束对加纳的访问，离开某都。\n"
        "=== 肯尼亚 ===\n3月23日，张三抵达[[另城]]。当天，张三同肯尼亚总统[[王五]]举行会谈。\n\n"
        "3月24日，张三在肯尼亚议会发表演讲。\n"
        "=== 埃及 ===\n3月26日，张三结束对肯尼亚的访问，抵达[[某港]]，开始对埃及进行国事访问。"
        "27日，张三与埃及总统[[赵六]]会谈。当天，张三参观了金字塔。\n")


def test_a_legs_section_that_opens_with_the_arrival_dates_its_summit_to_the_departure():
    found = summits(LEGS_BY_ARRIVAL, title="张三出访")
    assert {day: (s["end"], s["participants"]) for day, s in found.items()} == {
        "2019-03-21": ("2019-03-23", {"张三", "李四"}),  # to the day he leaves (结束对加纳的访问)
        "2019-03-23": ("2019-03-26", {"张三", "王五"}),  # to the day the next leg tells him end it
        "2019-03-26": ("2019-03-27", {"张三", "赵六"}),  # to the last day its section tells
    }


@pytest.mark.parametrize("opening, end", [
    # the next leg opens on a bare day, of the month the leg began in, ending the visit before it
    ("24日，张三结束对加纳的访问，抵达[[某港]]。当天，张三与埃及总统[[赵六]]会谈。", "2031-03-24"),
    # near-miss: the next leg opens on its arrival alone, no leaving told: the leg keeps the days its section tells
    ("24日，张三抵达[[某港]]。当天，张三与埃及总统[[赵六]]会谈。", "2031-03-22"),
])
def test_a_leg_ends_on_the_bare_day_the_next_legs_section_opens_by_ending_it(opening, end):
    text = ("'''张三出访'''是甲国总统[[张三]]于2031年3月对[[加纳]]和[[埃及]]进行的国事访问。\n== 行程 ==\n"
            "=== 加纳 ===\n2031年3月21日，张三抵达[[某都]]，开始对加纳进行国事访问。22日，张三同加纳总统[[李四]]举行会谈。\n"
            "=== 埃及 ===\n" + opening + "\n")
    assert summits(text, title="张三出访")["2031-03-21"]["end"] == end


@pytest.mark.parametrize("leaving, end", [
    # the leg's section has the visitor end the visit it tells (结束访问, no state named): the leg's last day
    ("23日，张三结束访问，24日上午返回某都。", "2031-03-23"),
    # near-miss: no leaving told: the leg runs to the last day its section tells
    ("23日，张三参观[[某港]]，24日上午前往某都。", "2031-03-24"),
])
def test_a_leg_ends_on_the_day_its_section_has_the_visitor_end_the_visit(leaving, end):
    text = ("'''张三出访'''是甲国总统[[张三]]于2031年3月对[[加纳]]和[[埃及]]进行的国事访问。\n== 行程 ==\n"
            "=== 埃及 ===\n2031年3月18日，张三抵达[[另城]]，开始对埃及进行国事访问。19日，张三与埃及总统[[赵六]]会谈。\n"
            "=== 加纳 ===\n2031年3月21日，张三抵达[[某都]]，开始对加纳进行国事访问。22日，张三同加纳总统[[李四]]举行会谈。"
            + leaving + "\n")
    assert summits(text, title="张三出访")["2031-03-21"]["end"] == end


def test_a_meeting_with_a_third_sides_leader_on_a_leg_keeps_its_own_day():
    text = ("'''张三出访'''是法国总统[[张三]]于2019年3月对[[加纳]]和[[埃及]]进行的国事访问。\n== 行程 ==\n"
            "=== 加纳 ===\n2019年3月21日，张三抵达[[某都]]，开始对加纳进行国事访问。22日，张三同加纳总统[[李四]]举行会谈。"
            "23日，张三在某都与埃及总统[[王五]]及加纳总统李四三人会面。24日，张三结束对加纳的访问。\n")
    found = summits(text, title="张三出访")
    assert {day: (s["end"], s["participants"]) for day, s in found.items()} == {
        "2019-03-21": ("2019-03-24", {"张三", "李四"}),
        "2019-03-23": ("2019-03-23", {"张三", "李四", "王五"}),  # three sides: a summit of its own day
    }


def test_a_visitors_talks_with_a_third_states_leader_on_a_leg_keep_their_own_day():
    # the leg's host state's summit spans the leg; the talks with another state's leader held there are one of their own day
    text = ("'''张三出访'''是法国总统[[张三]]于2031年5月20日至23日先后访问[[加纳]]和[[埃及]]的行程。\n== 行程 ==\n"
            "=== 加纳 ===\n5月20日，张三抵达[[某都]]，加纳总统[[李四]]到机场迎接。当天，两国元首在总统府举行会谈。\n\n"
            "5月21日，张三在某都与埃及总统[[王五]]举行双边会谈。\n"
            "=== 埃及 ===\n5月22日上午，张三结束对加纳的访问，抵达[[另城]]。当天，张三同[[赵六]]总理举行会谈。\n")
    found = summits(text, title="张三出访")
    assert {day: (s["end"], s["participants"]) for day, s in found.items() if day <= "2031-05-21"} == {
        "2031-05-20": ("2031-05-22", {"张三", "李四"}),
        "2031-05-21": ("2031-05-21", {"张三", "王五"}),  # Egypt's leader met in Ghana: not the Ghana leg's summit
    }


def test_a_leg_headed_by_a_states_taiwan_name_is_that_states_leg():
    # 衣索比亞, 沙烏地阿拉伯: the names Taiwan writes are the states' (kg/data/states.tsv), so a heading
    # naming one heads a leg, and the lead naming two of them is a tour, not one visit over all its days
    text = ("'''張三出訪'''是甲國總統[[張三]]於2031年2月14日至18日對[[沙烏地阿拉伯]]和[[衣索比亞]]進行的訪問。\n"
            "== 行程 ==\n=== 沙烏地阿拉伯 ===\n2月15日，張三與沙烏地阿拉伯國王[[李四]]舉行會談。\n"
            "=== 衣索比亞 ===\n2月16日，張三與衣索比亞總理[[王五]]舉行會談。\n")
    found = summits(text, title="張三出訪")
    assert {day: s["participants"] for day, s in found.items()} == {
        "2031-02-15": {"张三", "李四"}, "2031-02-16": {"张三", "王五"}}


def test_a_meeting_told_as_of_a_tours_days_is_not_dated_by_the_whole_tour():
    # 访问期间 of a visit to one state dates a meeting by its days; of a tour of several, by no one summit's
    text = ("'''张三出访'''是甲国总统[[张三]]于2031年5月20日至23日先后访问[[加纳]]、[[埃及]]和[[肯尼亚]]的行程。\n"
            "== 评价 ==\n访问期间，张三与埃及总统[[王五]]举行会谈。\n")
    assert summits(text, title="张三出访") == {}
    one = ("'''张三访问埃及'''是甲国总统[[张三]]于2031年5月20日至23日对[[埃及]]进行的国事访问。\n"
           "== 行程 ==\n访问期间，张三与埃及总统[[王五]]举行会谈。\n")
    assert {day: (s["end"], s["participants"]) for day, s in summits(one, title="张三访问埃及").items()} == {
        "2031-05-20": ("2031-05-23", {"张三", "王五"})}


@pytest.mark.parametrize("led, found", [
    ("率[[德国]]党政代表团对[[埃及]]进行的访问", {"2031-05-20": ("2031-05-23", {"张三", "王五"})}),  # his own state's delegation
    ("率[[德國]]政府代表團對[[埃及]]進行的訪問", {"2031-05-20": ("2031-05-23", {"张三", "王五"})}),
    ("率团对[[德国]]和[[埃及]]进行的访问", {}),  # near-miss: two states visited, a tour
])
def test_the_state_of_the_delegation_a_visitor_leads_is_his_own_not_a_stop_of_a_tour(led, found):
    text = (f"'''张三访问埃及'''是甲国总统[[张三]]于2031年5月20日至23日{led}。\n"
            "== 经过 ==\n访问期间，张三与埃及总统[[王五]]举行会谈。\n")
    assert {day: (s["end"], s["participants"]) for day, s in summits(text, title="张三访问埃及").items()} == found


def test_the_hosts_who_invite_a_tour_together_are_its_hosts_not_the_visitors_side():
    # four hosts listed with 、 run longer than one invitation: each is still a host, whose state is visited
    text = ("{{Infobox event\n| date = {{Start date|2031|5|18}}－{{End date|2031|5|26}}\n"
            "| location = {{BRA}}[[巴西利亚]]<br>{{COL}}[[波哥大]]<br>{{PER}}[[利马]]<br>{{CHL}}[[圣地亚哥]]\n"
            "| participants = {{flagicon|BRA}} [[李老四]]<br>{{flagicon|COL}} [[钱小七]]<br>{{flagicon|PER}} [[王老五]]"
            "<br>{{flagicon|CHL}} [[赵小六]]\n}}\n"
            "'''张三出访'''是指甲国总理[[张三]]应[[巴西总统]][[李老四]]、[[哥伦比亚总统]][[钱小七]]、[[秘鲁总统]][[王老五]]、"
            "[[智利总统]][[赵小六]]邀请，于2031年5月18日至26日对[[巴西]]、[[哥伦比亚]]、[[秘鲁]]和[[智利]]进行的正式访问。\n"
            "== 行程 ==\n=== 巴西 ===\n5月19日，张三与李老四举行会谈。\n=== 哥伦比亚 ===\n5月21日，张三与钱小七举行会谈。\n"
            "=== 秘鲁 ===\n5月22日，张三与王老五举行会谈。\n=== 智利 ===\n5月25日，张三与赵小六举行会谈。\n")
    assert {day: s["participants"] for day, s in summits(text, title="张三出访").items()} == {
        "2031-05-19": {"张三", "李老四"}, "2031-05-21": {"张三", "钱小七"}, "2031-05-22": {"张三", "王老五"},
        "2031-05-25": {"张三", "赵小六"}}


def test_one_state_visited_at_the_invitation_of_its_leaders_listed_is_one_visit():
    # near-miss: the hosts who invite listed with 、 are of the one state visited, which spans the visit's days
    text = ("'''张三访问巴西'''是甲国总理[[张三]]应[[巴西]]联邦共和国总统[[李四]]、副总统[[王五]]邀请，"
            "于2031年5月18日至26日对[[巴西]]进行正式访问。\n== 行程 ==\n"
            "5月19日，张三与巴西总统李四举行会谈。5月22日，张三在某城与李四再次会晤。\n")
    assert {day: (s["end"], s["participants"]) for day, s in summits(text, title="张三访问巴西").items()} == {
        "2031-05-18": ("2031-05-26", {"张三", "李四"})}


def test_a_crown_prince_who_is_also_a_deputy_prime_minister_is_a_top_leader():
    # 王储 alone is a top office (who may rule in all but name); 兼副首相 after it does not make him a deputy
    held = summits(HEAD + "2031年2月19日，甲国王储兼副首相、国防大臣[[张三]]在某都与乙国总理[[李四]]举行会谈。")
    assert held["2031-02-19"]["participants"] == {"张三", "李四"}
    assert summits(HEAD + "2031年2月19日，甲国副王储兼国防大臣[[张三]]在某都与乙国总理[[李四]]举行会谈。") == {}
    assert summits(HEAD + "2031年2月19日，甲国副首相[[张三]]在某都与乙国总理[[李四]]举行会谈。") == {}


def test_a_japanese_leader_of_a_three_character_name_is_written_by_his_two_character_family_name():
    # 日本首相[[石破茂]] … 石破在某城与乙国总理会谈: 石破 is 石破茂, as 小泉 is 小泉纯一郎
    text = ("'''甲乙会晤'''是[[日本首相]][[某破茂]]于2031年1月9日至10日访问[[乙国]]时的会晤。\n== 经过 ==\n"
            "1月9日傍晚，某破茂抵达[[某都]]。\n\n10日上午，某破在某都与乙国总理[[李四]]举行会谈。\n")
    assert {day: s["participants"] for day, s in summits(text).items()} == {"2031-01-09": {"某破茂", "李四"}}  # the visit's days
    # near-miss: two such names the text links share the two characters: 某破 stays no one's
    two = text.replace("1月9日傍晚，某破茂抵达[[某都]]。", "1月9日傍晚，某破茂与日本首相[[某破高]]一同抵达[[某都]]。")
    assert all("某破茂" not in s["participants"] or "李四" not in s["participants"] for s in summits(two).values())


def test_both_sides_of_a_meeting_with_one_below_the_top_are_not_the_articles_pair():
    """``国防部长王五于7月7日再次与李四会谈，双方同意…``: 双方 are the minister and the one he met, not the two leaders the
    article is about; the minister's talks make no summit."""
    text = ("'''2032年张三与李四通话'''是指2032年7月8日[[甲国]][[甲国总理|看守总理]][[张三]]与[[乙国总统]][[李四]]之间的"
            "电话交谈。\n== 背景 ==\n甲乙之间的安全接触由国防部长[[王五]]负责维持。\n== 通话 ==\n"
            "[[丙国]]总统[[赵六]]访问中东前夕，王五于7月7日在[[某城]]再次与李四会谈，双方同意继续就安全事务保持协调。")
    assert meetings(text, "2032年张三与李四通话") == []
    # nor is a leader who allowed the minister's meeting (此次会面得到张三批准) one who met
    approved = text.replace("\n== 通话 ==\n", "2031年12月28日，李四前往王五位于[[某镇]]的家中与其会面，此次会面得到张三批准。"
                                               "\n== 通话 ==\n")
    assert meetings(approved, "2032年张三与李四通话") == []
    assert meetings(approved.replace("得到张三批准", "得到批准"), "2032年张三与李四通话") == []

def test_a_meeting_whose_other_party_is_below_the_top_is_no_summit():
    assert summits(HEAD + "1971年7月9日，甲国总理[[周甲]]同乙国总统国家安全事务助理[[基乙]]进行了会谈。") == {}
    assert summits(HEAD + "1971年7月9日，甲国总理[[周甲]]会见乙国总统特使[[基乙]]。") == {}
    # a state secretary (乙国内政部国务秘书某某): a ministry's official
    assert summits(HEAD + "2031年10月19日，乙国内政部国务秘书[[基乙]]在[[某城]]与甲国总统[[周甲]]会面。") == {}
    assert set(summits(HEAD + "2031年10月19日，乙国总理[[基乙]]在[[某城]]与甲国总统[[周甲]]会面。")) == {"2031-10-19"}
    escorted = summits(HEAD + "1971年7月9日，甲国总理[[周甲]]在乙国国务卿[[基乙]]陪同下与乙国总统[[尼丙]]会谈。")
    assert escorted["1971-07-09"]["participants"] == {"周甲", "尼丙"}


def test_a_number_in_an_account_told_day_by_day_counts_sessions_not_the_series():
    text = ("'''张李会晤'''是甲国总统[[张三]]与乙国总理[[李四]]于2013年6月7日至8日在[[某庄园]]举行的会晤。\n"
            "== 经过 ==\n=== 6月7日 ===\n7日下午，张三与李四在主楼客厅举行第一次会晤。\n")
    found = summits(text, title="张李会晤")
    assert found["2013-06-07"]["ordinal"] == set()


def test_each_clause_of_a_visit_sentence_takes_the_day_it_begins_with():
    text = HEAD + ("2025年12月3日至5日，甲国总统[[张三]]第四次对乙国进行国事访问，4日在[[某城]]与乙国主席[[李四]]会谈，"
                   "5日两人在[[某堰]]举行非正式会晤。")
    found = summits(text)  # a visit to one state: its meetings are one summit, which spans it
    assert list(found) == ["2025-12-03"] and found["2025-12-03"]["end"] == "2025-12-05"


def test_the_day_after_a_subject_dates_its_clause():
    text = HEAD + ("2004年5月22日，甲国首相[[张三]]再度访问某城，这是他继2002年9月17日签署宣言后第二次访问。"
                   "张三当天上午抵达某城机场，由乙国副外长[[赵六]]迎接，随后前往[[某宾馆]]与乙国领导人[[李四]]会谈。")
    assert summits(text)["2004-05-22"]["participants"] == {"张三", "李四"}


def test_a_meeting_on_the_occasion_of_a_gathering_is_on_its_sidelines():
    text = HEAD + "2008年7月7日，甲国总统[[张三]]在[[某城]]利用八国峰会之机，与乙国总统[[李四]]举行了会谈。"
    assert set(summits(text)) == {"2008-07-07"}


def test_a_name_before_an_office_and_an_envoy_is_the_office_holders():
    text = HEAD + ("其后甲国部长[[王五]]以[[张三]]总统特使身份访问某城。"
                   "2007年10月2日，张三访问某城，与乙国国防委员长[[李四]]举行首脑会谈。")
    assert summits(text)["2007-10-02"]["participants"] == {"张三", "李四"}


def test_a_relative_named_to_say_who_met_is_not_the_one_who_met():
    text = HEAD + "2000年7月19日，乙国总统[[普丙]]访问甲国，与甲国主席[[李四]]、[[王五]]之父[[张三]]的同僚举行会谈。"
    assert "王五" not in summits(text)["2000-07-19"]["participants"]


def test_a_short_name_belongs_to_the_one_link_that_is_not_named_otherwise():
    text = ("'''甲乙会晤'''是[[甲国总统]][[唐纳德·特朗普]]与[[乙国总统]][[弗拉基米尔·普京]]的会晤。\n== 经过 ==\n"
            "[[梅拉尼娅·特朗普|梅拉尼娅]]随行。2017年7月8日，特朗普在[[某城]]会见了[[丙国首相]][[特蕾莎·梅]]。\n"
            "[[Category:唐纳德·特朗普]]\n")
    assert summits(text)["2017-07-08"]["participants"] == {"唐纳德·特朗普", "特蕾莎·梅"}


@pytest.mark.parametrize("sentence", [
    "1961年2月11日，甲国总统[[张三]]召集专家，与会者一致认为，与乙国总理[[李四]]举行非正式的会谈有助于了解他。",
    "1971年7月15日，两国同时发布公告，宣布甲国总统[[张三]]将于1972年5月之前访问乙国，与乙国总理[[李四]]会面。",
])
def test_opinions_and_announced_plans_are_no_meeting(sentence):
    assert summits(HEAD + sentence) == {}


def test_every_meeting_a_sentence_tells_and_a_day_of_the_month_it_named():
    text = HEAD + ("2008年5月，乙国主席[[吴丙]]率团访问甲国，当月28日在[[某城]]与甲国总统[[张三]]会面；"
                   "2009年5月26日，张三再度在[[某城]]会见吴丙。")
    assert set(summits(text)) == {"2008-05-28", "2009-05-26"}


def test_a_later_sentence_about_another_time_lends_no_one_to_the_meeting():
    text = HEAD + ("2017年11月11日，甲国总统[[张三]]在[[某城]]出席亚太经济合作会议期间与安某进行约45分钟的会谈。"
                   "2018年5月，乙国总理[[李四]]访问甲国。")
    assert summits(text) == {}  # 安某 is no one the article names; 李四's visit is another time


def test_a_bare_surname_is_not_the_one_whose_label_qualifies_it():
    text = ("'''甲乙会晤'''是[[甲国总统]][[乔治·沃克·布希]]与[[乙国总统]][[弗拉基米尔·普京]]的会晤。\n== 后续 ==\n"
            "2007年7月1日，普京到访[[乔治·赫伯特·沃克·布希|老布希]]的家。"
            "2005年2月24日，布希与普京在[[某城]]会晤。\n")
    assert summits(text)["2005-02-24"]["participants"] == {"乔治·沃克·布希", "弗拉基米尔·普京"}


def test_an_office_of_a_states_own_body_gives_the_side():
    text = HEAD + ("2023年4月5日至7日，乙国总统[[马丙]]对[[中国]]进行国事访问。6日，国务院总理[[李四]]在[[某堂]]会见马丙。"
                   "7日，中国国家主席[[习甲]]在[[某园]]同马丙举行非正式会晤。")
    found = summits(text)
    assert list(found) == ["2023-04-05"] and found["2023-04-05"]["participants"] == {"马丙", "李四", "习甲"}


def test_a_visits_days_without_a_year_take_the_year_the_text_reached():
    text = HEAD + ("1972年9月25日，甲国首相[[田丙]]访问[[中国]]，与中国总理[[周丁]]举行会谈。"
                   "9月27日，田丙与周丁在[[某城]]再次会谈。据某网整理，田丙此次访华的时间为9月25日至30日。")
    found = summits(text)
    assert list(found) == ["1972-09-25"] and found["1972-09-25"]["end"] == "1972-09-30"


@pytest.mark.parametrize("opening, span", [
    ("2031年适逢两国建交50周年。", ("2031-06-18", "2031-06-20")),  # a year without its month opens the sentence
    ("两国于2013年以来多次互访。", ("2031-06-19", "2031-06-19")),  # near-miss: a year that frames a time
    ("此后直到2013年两国再无互访。", ("2031-06-19", "2031-06-19")),  # near-miss: a year inside the sentence
])
def test_a_year_without_its_month_opening_a_sentence_is_the_year_a_visits_days_are_in(opening, span):
    text = HEAD + ("2030年5月，两国外长会晤。" + opening + "应甲国总理[[张三]]邀请，乙国总理[[李四]]于6月18日至20日对甲国进行正式访问，"
                   "6月18日晚抵达[[某城]]。2031年6月19日上午，张三在[[某府]]为李四举行欢迎仪式，两人随后举行会谈。")
    found = summits(text)
    assert list(found) == [span[0]] and found[span[0]]["end"] == span[1]


def _spans(text):
    """Each summit's days and participants, summits that begin on one day kept apart."""
    extraction = extract(parse(Page(text=text, origin="t", title="甲乙会晤")))
    out = set()
    for entity in extraction.entities:
        if entity.id.kind is Kind.SUMMIT:
            about = [f for f in extraction.facts if f.subject == entity.id]
            days = tuple(next(f.value.isoformat() for f in about if f.prop is p) for p in (Prop.START_DATE, Prop.END_DATE))
            out.add(days + (frozenset(f.value.key for f in about if f.prop is Prop.PARTICIPANT),))
    return out


def test_a_meeting_with_a_third_states_leader_on_a_visits_first_day_is_no_part_of_that_visit():
    # the states are real (kg/data/states.tsv), so each leader's side is known: 王五 is of neither 南非 nor 印度
    text = HEAD + ("2031年7月7日清晨，印度总理[[张三]]抵达莫桑比克首都[[某都]]，与莫桑比克总统[[王五]]举行会谈。"
                   "7月7日至9日，张三访问[[南非]]，8日在[[某城]]与南非总统[[李四]]举行会谈。")
    assert _spans(text) == {("2031-07-07", "2031-07-07", frozenset({"张三", "王五"})),
                            ("2031-07-07", "2031-07-09", frozenset({"张三", "李四"}))}
    # near-miss: the visited state's own leader met on the visit's first day is of that visit's summit
    hosts = text.replace("莫桑比克首都[[某都]]，与莫桑比克总统[[王五]]", "南非首都[[某都]]，与南非总统[[李四]]")
    assert _spans(hosts) == {("2031-07-07", "2031-07-09", frozenset({"张三", "李四"}))}
    # near-miss: the visit's first visit word is the visit ended; the state visited is named after it
    ended = HEAD + ("2031年7月7日至9日，印度总理[[张三]]在结束对[[莫桑比克]]的访问后转往[[某城]]，对[[南非]]进行国事访问。"
                    "8日，南非总统[[李四]]与张三举行会谈。")
    assert _spans(ended) == {("2031-07-07", "2031-07-09", frozenset({"张三", "李四"}))}


def test_a_japanese_leader_is_written_by_his_family_name_after_a_titled_mention():
    text = HEAD + ("2004年5月22日，日本首相[[小泉纯一郎]]再度访问[[平壤]]。"
                   "小泉当天上午抵达平壤，随后前往[[某宾馆]]与朝鲜领导人[[李四]]会谈。")
    assert summits(text)["2004-05-22"]["participants"] == {"小泉纯一郎", "李四"}
    from kg.extract.reading import read
    untitled = read(parse(Page(text=HEAD + "2004年5月22日，[[开罗宣言]]发表。[[开罗]]当天下雨。", origin="t", title="x")))
    assert untitled.index.key("开罗") != untitled.index.key("开罗宣言")  # no office titles it: no family name


def test_a_japanese_leader_linked_untitled_is_written_by_his_family_name_after_a_titled_unlinked_mention():
    # 继[[某山一郎]]访问之后 … 日本首相某山一郎率团 … 某山与乙国总理会谈: the link says it is a name, the office whose
    text = HEAD + ("此访是继2033年[[某山一郎]]访问乙国之后，日本首相再度到访乙国。\n\n"
                   "2033年10月，日本首相某山一郎率团访问[[某都]]。10月19日，某山与乙国总理[[李四]]举行会谈。")
    assert {day: s["participants"] for day, s in summits(text).items()} == {"2033-10-19": {"某山一郎", "李四"}}
    # near-miss: the office before the unlinked name is a person's, not a state's (王六总统某山大学之行)
    place = text.replace("日本首相某山一郎率团访问[[某都]]", "[[王六]]总统某山一郎之行到访[[某都]]")
    assert summits(place) == {}


def test_a_date_written_before_a_linked_events_name_is_that_events_day_not_the_meetings():
    # 向2031年2月19日[[某城空袭]]遇难者纪念碑献花，并就…举行会谈: the talks are not of 2031-02-19
    text = HEAD + ("2035年11月16日，甲国总统[[张三]]在[[某城]]与乙国总理[[李四]]一同向2031年2月19日[[某城空袭]]"
                   "遇难者纪念碑献花，并就防务合作举行会谈。")
    assert summits(text) == {}
    # near-miss: a date before a linked place is the meeting's own
    place = HEAD + "2035年11月16日[[某城]]，甲国总统[[张三]]与乙国总理[[李四]]举行会谈。"
    assert {day: s["participants"] for day, s in summits(place).items()} == {"2035-11-16": {"张三", "李四"}}


def test_a_persons_father_named_by_kinship_is_a_person_and_an_office_as_shenfen_in_either_spelling():
    text = HEAD + "2000年7月19日，乙国总统[[普丙]]以乙国总统身分访问甲国，与时任甲国最高领导人、甲国主席[[李四]]之父[[张三]]举行会谈。"
    assert summits(text)["2000-07-19"]["participants"] == {"张三", "普丙"}
    assert ("普丙", "乙国总统") in roles_by_day(text)["2000-07-19"]


def test_an_office_begins_at_its_state_not_at_the_verb_or_subject_before_it():
    received = HEAD + "1991年7月30日，甲国总统[[张三]]在[[某营]]接待乙国首相[[李四]]，两人举行会谈。"
    assert roles_by_day(received)["1991-07-30"] == {("张三", "甲国总统"), ("李四", "乙国首相")}
    # a state the gazetteer knows, inside the run: the office begins at it
    listed = HEAD + "1991年7月30日，两国在[[某城]]举行峰会。与会的两国首脑有美国总统[[张三]]及乙国总理[[李四]]。"
    assert roles_by_day(listed)["1991-07-30"] == {("张三", "美利坚合众国总统"), ("李四", "乙国总理")}


def test_a_state_whose_name_holds_a_conjunction_still_titles_its_leader():
    text = HEAD + "1991年7月30日，甲国总统[[张三]]与埃及总统[[李四]]在[[某城]]举行会谈。"
    assert ("李四", "埃及总统") in roles_by_day(text)["1991-07-30"]  # 及 in 埃及 is no conjunction


def test_what_a_sentence_goes_on_to_say_of_a_call_is_no_meeting():
    text = HEAD + "2018年3月19日，甲国总统[[张三]]与乙国总理[[李四]]通电话表示祝贺，双方确认将落实[[某城]]会谈达成的协议。"
    assert summits(text) == {}
    later = HEAD + "2018年3月19日，甲国总统[[张三]]与乙国总理[[李四]]通电话；4月5日，两人在[[某城]]举行会谈。"
    assert "2018-04-05" in summits(later)  # a clause with its own day is its own


def test_a_handshake_at_a_regional_bodys_summit_is_no_meeting_of_two_sides():
    text = HEAD + "2002年1月5日，在[[某城]]举行的第11届[[南亚区域合作联盟]]首脑会议上，甲国总统[[张三]]致辞后走到乙国总理[[李四]]座位旁主动握手。"
    assert summits(text) == {}


def test_a_visit_to_the_state_whose_leader_invited_it_is_one_visit_not_a_tour():
    text = ("'''某访问'''是[[张三]]的访问。\n== 经过 ==\n"
            "2023年12月12日至13日，甲国主席[[张三]]应越共中央总书记[[李四]]和[[越南]]国家主席[[王五]]邀请对越南进行国事访问。"
            "12日下午，张三在[[某城]]同李四举行会谈。13日上午，张三在某城同王五举行会谈。")
    found = summits(text, title="某访问")
    assert list(found) == ["2023-12-12"] and found["2023-12-12"]["end"] == "2023-12-13"


def test_a_meeting_told_as_during_the_visit_before_is_on_that_visits_days():
    text = ("'''某访问'''是甲国总统[[张三]]于1977年11月19日至21日对[[乙国]]进行的访问。"
            "访问期间，张三与乙国总理[[李四]]举行会谈。\n")
    found = summits(text, title="某访问")
    assert found == {"1977-11-19": {"end": "1977-11-21", "participants": {"张三", "李四"}, "ordinal": set(),
                                    "venue": found["1977-11-19"]["venue"]}}
    undated = "'''某访问'''是甲国总统[[张三]]对[[乙国]]进行的访问。访问期间，张三与乙国总理[[李四]]举行会谈。\n"
    assert summits(undated, title="某访问") == {}  # no days said: no summit


BACKGROUND_VISIT = ("'''某会晤'''是甲国总统[[张三]]与乙国总理[[李四]]于2010年5月3日在[[某城]]举行的会晤。\n== 背景 ==\n"
                    "乙国总理李四曾于2006年2月19日至23日对[[甲国]]进行国事访问。{}\n")


def test_talks_told_after_a_visits_days_are_held_on_them():
    """An undated sentence of the paragraph that told a visit of several days tells its talks:
    a summit over the visit's days."""
    found = summits(BACKGROUND_VISIT.format("张三在[[某都]]同李四举行正式会谈。"), title="某会晤")
    assert found == {"2006-02-19": {"end": "2006-02-23", "participants": {"张三", "李四"}, "ordinal": set(),
                                    "venue": {"某都"}},
                     "2010-05-03": {"end": "2010-05-03", "participants": {"张三", "李四"}, "ordinal": set(),
                                    "venue": {"某城"}}}


def test_the_people_of_talks_told_after_a_visit_keep_the_offices_those_two_sentences_write():
    """Not the office the article gives them elsewhere (甲国总统 in the lead, of 2010)."""
    roles = roles_by_day(BACKGROUND_VISIT.format("张三在[[某都]]同李四举行正式会谈。"), title="某会晤")
    assert roles["2006-02-19"] == {("李四", "乙国总理")}
    roles = roles_by_day(BACKGROUND_VISIT.format("甲国主席张三于19日在[[某都]]同李四举行正式会谈。"), title="某会晤")
    assert roles["2006-02-19"] == {("李四", "乙国总理"), ("张三", "甲国主席")}  # 19日: the visit's first day


@pytest.mark.parametrize("after", ["此前，张三曾在[[某都]]同李四举行会谈。", "张三曾在[[某都]]同李四举行会谈。",
                                   "后来，张三在[[某都]]同李四举行会谈。", "张三在[[某都]]出席了一场展览。",
                                   "此访之后不到一个月，张三便与李四会晤。", "这是两人首次会晤。",
                                   "张三说，他同李四的会晤十分成功。", "张三在会谈中邀请李四次年访问甲国。"])
def test_a_sentence_after_a_visit_at_another_time_or_without_talks_is_not_its_summit(after):
    assert list(summits(BACKGROUND_VISIT.format(after), title="某会晤")) == ["2010-05-03"]


def test_a_later_day_of_the_visit_told_in_a_clause_is_that_days_meeting_of_the_visit():
    """Its day is read from the one the account reached (the visit's), and its meeting is the visit's summit."""
    found = summits(BACKGROUND_VISIT.format("张三同李四会谈后，21日专程前往[[某港]]，同李四举行非正式会晤。"),
                    title="某会晤")
    assert {day: (s["end"], s["participants"]) for day, s in found.items()} == {
        "2006-02-19": ("2006-02-23", {"张三", "李四"}), "2010-05-03": ("2010-05-03", {"张三", "李四"})}


def test_both_of_them_are_the_two_the_sentence_before_names():
    text = (HEAD + "峰会开幕式前，甲国总统[[张三]]与乙国主席[[李四]]握手并短暂交谈。"
            "4月11日，两人在峰会期间举行了历时1小时的会晤。\n")
    text = text.replace("== 经过 ==", "== 2015年 ==")
    assert summits(text)["2015-04-11"]["participants"] == {"张三", "李四"}
    three = text.replace("与乙国主席[[李四]]", "与乙国主席[[李四]]、丙国总理[[王五]]")
    assert "2015-04-11" not in summits(three)  # three named before: 两人 is not known to be which two


@pytest.mark.parametrize("both", ["两国总统", "两位总统", "两国总理", "两位总理", "两国首相"])
def test_both_holders_of_one_office_are_the_two_the_sentence_before_names(both):
    """``两国总统``, ``两位总理``: the office both who met hold stands for them, as ``两人`` does
    (``…甲国总统张三与乙国总统李四在某城会晤。2033年9月3日，两国总统又在某岛举行会晤``)."""
    text = (HEAD + "2031年6月23日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]会晤。"
            f"2033年9月3日，{both}又在[[某岛]]举行会晤。\n")
    assert summits(text)["2033-09-03"]["participants"] == {"张三", "李四"}
    three = text.replace("与乙国总统[[李四]]", "与乙国总统[[李四]]、丙国总统[[王五]]")
    assert "2033-09-03" not in summits(three)  # three named before: not known to be which two


@pytest.mark.parametrize("talks", ["欢迎仪式结束后，两国总理举行会谈。", "随后，两国总理举行会谈。", "仪式后，两人随即举行会谈。"])
def test_both_sides_opening_a_clause_are_the_two_told_before_not_those_told_after(talks):
    """``欢迎仪式结束后，两国总理举行会谈``: both sides, the subject of a clause after a time or what went before,
    are the two the sentence before names (the host welcoming, the visitor), not the two the next sentence names
    (``访问期间，甲还拜会了乙国总书记丙``); a meeting told with no subject reads the next sentence as before."""
    text = (HEAD + "2033年5月6日下午，乙国总理[[李四]]在[[某都]]主持仪式，欢迎甲国总理[[张三]]来访。" + talks
            + "访问期间，张三还拜会了乙国总书记[[王五]]，出席企业圆桌会议。\n")
    assert {"张三", "李四"} <= summits(text)["2033-05-06"]["participants"]
    no_subject = text.replace(talks, "欢迎仪式结束后，举行了会谈。")
    assert "李四" not in summits(no_subject)["2033-05-06"]["participants"]


@pytest.mark.parametrize("occasion", ["出席上海合作组织峰会期间", "利用出席亚太经济合作组织领导人非正式会议之机，在某城",
                                      "在二十国集团峰会间隙"])
def test_both_of_them_meeting_on_a_gatherings_sidelines_are_the_two_told_before(occasion):
    text = (HEAD + "2022年6月29日，甲国总统[[张三]]与乙国总统[[李四]]在[[某都]]会晤。"
            f"2022年9月15日，两人又在[[某城]]{occasion}举行会晤。\n")
    assert summits(text)["2022-09-15"]["participants"] == {"张三", "李四"}


def test_both_of_them_meeting_on_a_gatherings_sidelines_are_the_pair_the_article_is_about():
    text = ("'''张三访问乙国'''是指甲国总统[[张三]]应乙国总统[[李四]]邀请，于2023年2月9日至10日对[[乙国]]进行的访问。\n"
            "== 后续 ==\n同年9月20日，两人在[[某城]]出席联合国大会期间再次会晤，共同发起倡议。\n")
    assert summits(text)["2023-09-20"]["participants"] == {"张三", "李四"}


@pytest.mark.parametrize("told", ["两人出席上海合作组织峰会", "两人在[[某城]]出席二十国集团峰会期间发表讲话"])
def test_both_of_them_at_a_gathering_with_no_meeting_of_their_own_are_no_summit(told):
    text = HEAD + f"2022年6月29日，甲国总统[[张三]]与乙国总统[[李四]]在[[某都]]会晤。2022年9月15日，{told}。\n"
    assert set(summits(text)) == {"2022-06-29"}


def test_a_companion_named_before_the_stop_is_not_the_other_party():
    text = HEAD + ("1967年6月16日，甲国总理[[张三]]与外长[[王五]]在[[某城]]停留七小时，同乙国总统[[李四]]会谈了两个多小时。")
    assert summits(text)["1967-06-16"]["participants"] == {"张三", "李四"}
    met = HEAD + "1967年6月16日，甲国总理[[张三]]与外长[[王五]]会面，再同乙国总统[[李四]]会面。"
    assert set(summits(met)) <= {"1967-06-16"}  # 王五 met 张三 first: that meeting is no summit
    assert "王五" not in summits(met).get("1967-06-16", {}).get("participants", set())


def test_leaders_working_meeting_is_theirs_but_working_talks_are_below_them():
    text = HEAD + "1974年11月23日至24日，甲国总统[[张三]]同乙国总书记[[李四]]在[[某城]]举行工作会晤。"
    assert summits(text)["1974-11-23"]["end"] == "1974-11-24"
    talks = HEAD + "1974年11月23日，两国代表在[[某城]]举行工作会谈。"
    assert summits(talks) == {}


def test_a_bare_day_after_a_month_is_that_months_day():
    text = HEAD + "2011年8月，甲国总统[[张三]]乘专列访问[[乙国]]，23日在[[某城]]与乙国总统[[李四]]举行会谈。"
    assert set(summits(text)) == {"2011-08-23"}


def test_an_infobox_office_in_brackets_after_a_name_is_that_persons():
    text = ("{{Infobox summit meeting\n| date = {{Start date|2016|12|15}}\n"
            "| participants = [[张三]]（[[甲国内阁总理大臣|内阁总理大臣]]）<br />[[李四]]（[[乙国总统|总统]]）\n}}\n"
            "'''甲乙会谈'''是两国领导人的会谈。\n")
    found = summits(text, title="甲乙会谈")
    assert found["2016-12-15"]["participants"] == {"张三", "李四"}  # the office is no participant
    assert roles_of(text, title="甲乙会谈") == {("张三", "甲国内阁总理大臣"), ("李四", "乙国总统")}


def test_a_day_agreed_for_a_later_visit_is_no_meeting_day_whatever_follows():
    text = HEAD + ("2016年9月2日，甲国首相[[张三]]在[[某城]]与乙国总统[[李四]]会谈，两人商定李四于12月15日访问[[甲国]]；"
                   "这是两人的第14次会谈。")
    assert set(summits(text)) == {"2016-09-02"}


def test_a_foreign_name_whose_last_part_is_one_character_is_written_short_with_the_part_before():
    from kg.extract.names import short_form
    assert short_form("穆罕默德·阿尤布·汗") == "阿尤布·汗" and short_form("唐纳德·特朗普") == "特朗普"
    text = ("'''甲乙宣言'''是甲国总理[[张三·李]]和乙国总统[[王五·阿尤布·汗]]签署的宣言。\n== 经过 ==\n"
            "1966年1月10日，张三·李和阿尤布·汗在[[某城]]举行会谈。")
    assert summits(text, title="甲乙宣言")["1966-01-10"]["participants"] == {"张三·李", "王五·阿尤布·汗"}


def test_a_visit_given_from_its_first_day_ends_with_its_last_meeting():
    text = ("'''某访问'''是英国首相[[张三]]于1982年9月22日起对[[中国]]进行的正式访问。\n== 经过 ==\n"
            "9月22日，张三与中国总理[[李四]]举行会谈。9月24日，张三与中国主席[[王五]]在[[某城]]会谈。\n")
    found = summits(text, title="某访问")
    assert list(found) == ["1982-09-22"] and found["1982-09-22"]["end"] == "1982-09-24"


def _facts_of_each_summit(text, title):
    """The facts about each summit the text gives, one list a summit."""
    extraction = extract(parse(Page(text=text, origin="t", title=title)))
    return [[f for f in extraction.facts if f.subject == entity.id]
            for entity in extraction.entities if entity.id.kind is Kind.SUMMIT]


def _keys(about, prop):
    return frozenset(f.value.key for f in about if f.prop is prop)


def _start(about):
    return next(f.value for f in about if f.prop is Prop.START_DATE).isoformat()


def meetings(text, title="甲乙会晤"):
    """Every summit as (start, participants): several may share a day."""
    return [(_start(about), _keys(about, Prop.PARTICIPANT)) for about in _facts_of_each_summit(text, title)]


def test_a_host_meeting_leaders_one_by_one_holds_a_summit_with_each():
    text = HEAD + ("2023年5月18日，中国国家主席[[张三]]在[[某宾馆]]分别同吉尔吉斯斯坦总统[[李四]]、"
                   "塔吉克斯坦总统[[王五]]举行会谈。")
    assert set(meetings(text)) == {("2023-05-18", frozenset({"张三", "李四"})), ("2023-05-18", frozenset({"张三", "王五"}))}
    assert summits(text)["2023-05-18"]["venue"] == {"某宾馆"}  # 在某宾馆分别同…: the place ends at 分别


def test_a_list_of_those_met_one_by_one_goes_on_after_a_comma_and_one_below_the_top_holds_no_summit():
    text = HEAD + ("2021年9月23日，甲国总理[[张三]]在[[某城]]分别会见了乙国副总统[[李四]]，"
                   "以及同样前来开会的丙国总理[[王五]]和丁国总理[[赵六]]。")
    assert set(meetings(text)) == {("2021-09-23", frozenset({"张三", "王五"})),
                                   ("2021-09-23", frozenset({"张三", "赵六"}))}


def test_a_host_meeting_many_leaders_named_in_a_list_after_meets_each_on_their_own():
    text = HEAD + ("2022年12月8日，甲国主席[[张三]]还会见了前来[[某城]]出席峰会的多国领导人，"
                   "其中包括乙国总统[[李四]]和丙国总统[[王五]]。")
    assert set(meetings(text)) == {("2022-12-08", frozenset({"张三", "李四"})),
                                   ("2022-12-08", frozenset({"张三", "王五"}))}


def test_a_host_written_as_a_pronoun_meeting_leaders_one_by_one_is_the_subject_of_the_sentence_before():
    text = HEAD + ("2019年11月25日，甲国总统[[张三]]在[[某城]]先后同乙国总理[[李四]]和丙国总统[[王五]]举行双边会谈。"
                   "26日，他又分别会见了丁国总理[[赵六]]和戊国总理[[钱七]]。")
    found = set(meetings(text))
    assert ("2019-11-26", frozenset({"张三", "赵六"})) in found
    assert ("2019-11-26", frozenset({"张三", "钱七"})) in found
    assert not any("赵六" in people and "钱七" in people for _, people in found)
    visit = HEAD + ("2019年12月18日晚，甲国首相[[张三]]抵达[[某城]]。"
                    "12月19日上午，她出席欢迎仪式，先后同乙国总理[[李四]]和乙国主席[[王五]]会晤。")
    assert meetings(visit) == [("2019-12-18", frozenset({"张三", "李四", "王五"}))]  # 她 in a clause before: the visit's


def test_leaders_listed_after_a_colon_are_met_one_by_one():
    text = HEAD + ("2034年9月2日，甲国主席[[张三]]在[[某宾馆]]先后会见三国领导人："
                   "乙国总统[[李四]]、丙国总理[[王五]]、丁国总统[[赵六]]。")
    assert set(meetings(text)) == {("2034-09-02", frozenset({"张三", "李四"})),
                                   ("2034-09-02", frozenset({"张三", "王五"})),
                                   ("2034-09-02", frozenset({"张三", "赵六"}))}
    together = HEAD + ("2034年9月2日，甲国主席[[张三]]在[[某宾馆]]会见三国领导人："
                       "乙国总统[[李四]]、丙国总理[[王五]]、丁国总统[[赵六]]。")
    assert ("2034-09-02", frozenset({"张三", "李四"})) not in meetings(together)  # no 先后: not met one by one


def test_a_host_meeting_leaders_in_a_row_meets_each_on_their_own():
    text = HEAD + ("2034年9月5日下午，甲国主席[[张三]]在[[某城]]会见乙国总统[[李四]]。"
                   "当晚，张三又连续会见丙国总理[[王五]]、丁国首相[[赵六]]和戊国总统[[钱七]]。")
    found = set(meetings(text))
    assert {("2034-09-05", frozenset({"张三", other})) for other in ("王五", "赵六", "钱七")} <= found
    assert not any("王五" in people and "赵六" in people for _, people in found)


def test_leaders_listed_after_the_clause_with_state_and_office_are_met_one_by_one():
    text = HEAD + ("2014年11月22日，中国国家主席[[张三]]在[[某城]]分别与前来的两国领导人举行会见，"
                   "即斐济总统阿卡努、汤加首相图西纳。")
    assert set(meetings(text)) == {("2014-11-22", frozenset({"张三", "阿卡努"})),
                                   ("2014-11-22", frozenset({"张三", "图西纳"}))}


def test_unlinked_names_count_only_in_a_list_of_leaders_written_alike():
    from kg.extract.reading import listed_leaders
    listed = parse(Page(text="会见斐济总统阿卡努、汤加首相图西纳和萨摩亚总理[[李四]]。", origin="t", title="t"))
    assert listed_leaders(listed) == {"阿卡努", "图西纳"}
    alone = parse(Page(text="斐济总统阿卡努抵达某城。美国总统[[张三]]在日内瓦、瑞士总统李四在伯尔尼。", origin="t", title="t"))
    assert listed_leaders(alone) == set()  # a name alone is no list; 张三在日内瓦 is no name


def test_the_hosts_premier_met_on_the_same_day_is_part_of_the_visit_but_not_the_speaker():
    text = HEAD + ("2019年3月1日，越南国家主席[[李四]]在[[河内]]为朝鲜国务委员长[[张三]]举行欢迎仪式，两人随后举行会谈；"
                   "张三当天又分别会见越南总理[[王五]]和越南国会主席[[赵六]]。")
    assert meetings(text) == [("2019-03-01", frozenset({"张三", "李四", "王五"}))]


def test_an_office_of_a_states_body_later_in_a_list_is_of_the_state_named_before_it():
    """政府总理, 国家主席 name no state: after 越南国家主席张三和 (or a party's office of that state) in a list of the
    people met, the office is that state's, so its holder is a side of the visit; a body's office below the top
    (国会主席) is given the state too, and is no participant still."""
    talks = "2033年10月20日，甲国总统[[张三]]在[[某城]]同越南国家主席[[李四]]举行会谈；"
    text = HEAD + talks + "同日，张三还分别会见了越共中央总书记[[王五]]、政府总理[[赵六]]和国会主席[[孙七]]。"
    assert meetings(text) == [("2033-10-20", frozenset({"张三", "李四", "王五", "赵六"}))]
    listed = HEAD + talks + "同日，张三还分别会见了越南国家主席[[王五]]和政府总理[[赵六]]。"
    assert meetings(listed) == [("2033-10-20", frozenset({"张三", "李四", "王五", "赵六"}))]
    assert ("赵六", "政府总理") in roles_by_day(listed)["2033-10-20"]  # the office as the text writes it


def test_bilaterals_told_on_a_gatherings_eve_and_days_are_summits_of_their_own():
    text = ("{{Infobox summit meeting\n| date = {{Start date|2023|5|18}}－{{End date|2023|5|19}}\n"
            "| participants = [[张三]]、[[李四]]、[[王五]]、[[赵六]]\n}}\n"
            "'''某峰会'''由国家主席[[张三]]主持，哈萨克斯坦总统[[李四]]、吉尔吉斯斯坦总统[[王五]]和"
            "塔吉克斯坦总统[[赵六]]出席。\n== 经过 ==\n"
            "2023年5月17日，李四抵达[[某城]]，当日，两国元首张三和李四举行会谈。\n"
            "5月18日，张三在[[某宾馆]]分别同王五、赵六举行会谈。\n")
    found = meetings(text, title="某峰会")
    assert ("2023-05-18", frozenset({"张三", "李四", "王五", "赵六"})) in found
    assert {m for m in found if len(m[1]) == 2} == {
        ("2023-05-17", frozenset({"张三", "李四"})), ("2023-05-18", frozenset({"张三", "王五"})),
        ("2023-05-18", frozenset({"张三", "赵六"}))}


@pytest.mark.parametrize("sentence", [
    "2016年4月2日，甲国政府宣布总统[[张三]]将于同年9月访问乙国，会晤乙国总理[[李四]]并出席某论坛。",
    "2016年4月2日，乙国总理[[李四]]在记者会上宣布甲国总统[[张三]]将于同年9月上旬访问乙国，出席在[[某城]]举行的两国首脑会议。",
])
def test_a_clause_going_on_to_meet_goes_on_with_the_plan_before_it(sentence):
    assert summits(HEAD + sentence) == {}


def test_a_clause_telling_how_the_meeting_went_is_no_plan_after_a_failure():
    text = HEAD + "2019年2月27日，甲国总统[[张三]]与乙国主席[[李四]]在[[某城]]会谈，但双方未能达成协议，会谈提前结束。"
    assert set(summits(text)) == {"2019-02-27"}


def test_a_visit_announced_goes_on_being_a_plan_in_the_clauses_after():
    text = HEAD + ("2025年6月13日，外交部宣布中国国家主席[[张三]]将应哈萨克斯坦总统[[李四]]邀请，于6月16日至18日赴[[某城]]出席峰会；"
                   "峰会期间张三还将分别同各国领导人会晤。")
    assert meetings(text) == []


def test_three_leaders_the_sentence_before_named_meet_on_its_day():
    text = HEAD + ("2019年3月3日，丙国总统[[王五]]与乙国总理[[李四]]抵达[[某城]]进行正式访问，甲国总统[[张三]]到机场迎接。"
                   "三位领导人在[[某宫]]举行三方会晤；王五当日返国。")
    assert meetings(text) == [("2019-03-03", frozenset({"张三", "李四", "王五"}))]


def test_a_meeting_right_after_the_one_told_before_is_on_its_day():
    text = HEAD + ("2017年7月7日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]举行会晤，双方同意停火将于7月9日生效。"
                   "会晤结束后，李四随即前往会见丙国首相[[王五]]。")
    assert set(meetings(text)) == {("2017-07-07", frozenset({"张三", "李四"})), ("2017-07-07", frozenset({"李四", "王五"}))}


def test_a_meeting_right_after_the_one_told_before_is_on_its_day_whatever_day_a_sentence_between_names():
    """``会晤结束后，…随即前往会见丙`` is on the meeting's day, not on a later day a sentence between names (停火将于7月9日
    生效)."""
    text = HEAD + ("2035年7月7日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]举行会晤。停火将于7月9日中午起生效。"
                   "会晤结束后，李四随即前往会见丙国首相[[王五]]。")
    assert set(meetings(text)) == {("2035-07-07", frozenset({"张三", "李四"})), ("2035-07-07", frozenset({"李四", "王五"}))}


@pytest.mark.parametrize("going_on", ["张三随即前往", "张三随后前往", "随即，张三前往"])
def test_a_paragraph_opening_on_its_subject_going_on_at_once_is_of_the_day_told_before(going_on):
    """A paragraph that opens on the one it tells of going on at once (``¶甲随即前往某岛，与乙举行会谈``) is of the day the
    paragraph before reached, as one opening on ``随后`` is; not one that moves on to another time (``甲此后前往``), and
    not after a paragraph that told no day."""
    text = HEAD + ("2034年11月22日，甲国总统[[张三]]的专机降落[[某城]]，受到盛大欢迎。\n\n"
                   f"{going_on}[[某岛]]上的宾馆，与乙国总统[[李四]]举行会谈。")
    assert meetings(text) == [("2034-11-22", frozenset({"张三", "李四"}))]
    assert meetings(text.replace(going_on, "张三此后前往")) == []
    assert meetings(text.replace("2034年11月22日，", "")) == []



@pytest.mark.parametrize("part", ["下午", "中午", "上午10时"])
def test_a_paragraph_opening_on_a_part_of_the_day_is_of_the_day_the_paragraph_before_told(part):
    """A paragraph that opens on a part of the day and no day (``¶下午，甲在某宫与乙举行会谈``) goes on with the day the
    paragraph before told (``3日上午，甲抵达某都``), as one opening on ``随后`` does; not after a paragraph that told no day."""
    text = HEAD + ("2034年10月9日上午，甲国首相[[张三]]乘专机抵达[[某都]]，随即前往某陵园献花。\n\n"
                   f"{part}，张三在[[某宫]]与乙国总统[[李四]]举行了约两小时的首脑会谈。")
    assert meetings(text) == [("2034-10-09", frozenset({"张三", "李四"}))]
    assert meetings(text.replace("2034年10月9日上午，", "")) == []

def test_a_year_in_a_clause_from_then_on_is_no_year_the_account_reaches():
    """``自2021年两国关系正常化后，…`` is a span from then on, not a time the account moves to: a later ``同年`` is of the
    year the paragraph is in (``2035年是两国建交55周年``); a year told as a time is (``2021年，两国关系正常化``)."""
    text = ("'''2035年张三访问乙国'''是甲国主席[[张三]]于2035年10月31日至11月2日对[[乙国]]进行的国事访问。\n== 背景 ==\n"
            "2035年是两国建交55周年。自2021年两国关系正常化后，两国领导人先后确定了十六字方针。\n\n"
            "同年7月18日至22日，乙国主席[[李四]]对甲国进行正式友好访问。18日李四抵达[[某都]]，当天张三为其举行欢迎仪式，"
            "随后两国元首举行会谈。")
    assert {day for day, _ in meetings(text, "2035年张三访问乙国")} == {"2035-07-18"}
    told = text.replace("自2021年两国关系正常化后，", "2021年，两国关系正常化。")
    assert {day for day, _ in meetings(told, "2035年张三访问乙国")} == {"2021-07-18"}


def test_a_sentence_on_the_last_one_before_keeps_the_year_the_account_is_in():
    """``上一位访华的甲国总理是2030年1月访问北京的王五`` is an aside on an earlier visit: the days told after it
    (``乙国总统赵六于5月5日抵达北京``) are of the year the account is in, not of that visit's."""
    text = ("'''2036年张三访华'''是指甲国总理[[张三]]于2036年5月6日至10日对[[中华人民共和国]]进行的正式访问。\n== 背景 ==\n"
            "张三原定于2035年夏季访华，但行程推迟；此后又因2036年全国两会而再度延后。"
            "上一位访华的甲国总理是2030年1月访问北京的[[王五]]。\n\n"
            "应中国国家主席[[李四]]邀请，乙国总统[[赵六]]于5月5日抵达北京。6日，李四在[[人民大会堂]]同赵六举行会谈。")
    assert ("2036-05-05", frozenset({"李四", "赵六"})) in meetings(text, "2036年张三访华")
    told = text.replace("上一位访华的甲国总理是2030年1月访问北京的[[王五]]。", "2030年1月，甲国总理[[王五]]访问北京。")
    assert ("2030-05-05", frozenset({"李四", "赵六"})) in meetings(told, "2036年张三访华")

def test_this_visit_after_a_visit_its_paragraph_told_with_its_year_is_that_visit():
    """``2034年5月，甲再度访问乙国。…此访期间，…。同年8月31日，…``: 此访 is the visit the paragraph told with its year,
    not the article's, and the account stays in 2034; in a paragraph that told none, 此访 is the article's visit."""
    text = ("'''2031年甲访问乙国'''是甲国总统[[张三]]于2031年11月21日至23日对[[乙国]]进行的国事访问。\n== 经过 ==\n"
            "11月21日，乙国总理[[李四]]在[[某都]]同张三举行会谈。\n== 后续 ==\n"
            "2034年5月，张三再度访问乙国。此访期间，双方在撤军仪式的安排上出现分歧。"
            "同年8月31日，张三与李四在[[某城]]举行会晤。")
    assert {day for day, _ in meetings(text, "2031年甲访问乙国")} == {"2031-11-21", "2034-08-31"}
    told_none = text.replace("张三再度访问乙国。", "两国关系紧张。\n\n").replace("8月31日", "11月22日")
    assert {day for day, _ in meetings(told_none, "2031年甲访问乙国")} == {"2031-11-21"}  # of the article's visit

def test_talks_the_lead_tells_after_a_visit_of_one_day_are_on_that_day():
    """``'''…'''是甲国总理张三于2032年2月15日对乙国进行的访问。张三在某宫同乙国总统李四会谈约四小时``: the lead's talks
    are of the visit's one day; not of a tour of several days and states the lead tells (each leg's talks have days of
    their own, which the account gives)."""
    text = ("'''2032年张三访问乙国'''是甲国总理[[张三]]于2032年2月15日对[[乙国]]进行的访问。"
            "张三在[[某宫]]同乙国总统[[李四]]会谈约四小时，会后两人举行了联合记者会。")
    assert meetings(text, "2032年张三访问乙国") == [("2032-02-15", frozenset({"张三", "李四"}))]
    tour = text.replace("2月15日对[[乙国]]", "2月15日至18日对[[乙国]]和[[丙国]]")
    assert meetings(tour, "2032年张三访问乙国") == []

def test_three_heads_in_each_item_of_a_list_are_the_three_its_intro_names():
    """``2031年起，甲、乙和丙国总统丁多次举行三方峰会：¶* 某日，三国元首在某城举行首次峰会；¶* …；¶* 某日，三国元首再次在
    某城会晤；``: each item's 三国元首 are the three the list's intro names, however far down the list; not where the sentence
    before the items ends on no colon."""
    intro = "2031年起，甲国总统[[张三]]、乙国总统[[李四]]和丙国总统[[王五]]多次举行三方峰会：\n"
    items = ("* 2031年11月22日，三国元首在[[某城]]举行首次峰会；\n* 2032年4月4日，三国元首在[[某都]]会晤；\n"
             "* 2032年9月7日，三国元首在[[某港]]会晤；\n* 2033年2月14日，三国元首再次在某城会晤。\n")
    found = summits(HEAD + intro + items)
    assert set(found) == {"2031-11-22", "2032-04-04", "2032-09-07", "2033-02-14"}
    assert found["2033-02-14"]["participants"] == {"张三", "李四", "王五"}
    assert "2033-02-14" not in summits(HEAD + intro.replace("：", "。") + items)

def test_the_eve_of_a_visit_is_of_the_visit_its_paragraph_told_with_its_year():
    """``访问前夕`` after a sentence telling a visit of its own year (``2039年2月，李四首次访问乙国。访问前夕，…``) is that
    visit's eve, and the days told after it are of its year; not the article's visit's, as ``此次访问`` is."""
    text = ("'''2036年张三访华'''是乙国总统[[张三]]于2036年6月21日至26日对[[甲国]]进行的国事访问。\n== 经过 ==\n"
            "2036年6月22日，甲国主席[[李四]]同张三举行会谈。\n== 后续 ==\n"
            "2039年2月，李四首次访问乙国。访问前夕，张三对记者说，李四的访问将掀开两国关系新篇章。"
            "2月13日，李四抵达[[某都]]，张三在机场迎接。当天，两国元首在某都举行会谈。")
    assert set(meetings(text, "2036年张三访华")) == {("2036-06-21", frozenset({"张三", "李四"})),
                                                  ("2039-02-13", frozenset({"张三", "李四"}))}


def test_a_bare_day_opening_a_sentence_after_a_month_is_of_that_month_and_the_visitor_named_before_met_the_host():
    """``2035年10月，乙国国王甲对丙国进行国事访问。16日下午，丙国主席乙为国王举行欢迎仪式，随后两国元首举行会谈``: the 16th
    of that October, not of the month a paragraph before reached; the two heads are the king the sentence before names
    and the host the sentence names."""
    text = HEAD + ("2033年4月7日，甲国主席[[张三]]同乙国首相[[王五]]举行会谈。\n\n"
                   "2035年10月，乙国国王[[某某五世]]和王后[[某后]]对甲国进行国事访问。16日下午，张三在[[某宫]]"
                   "为国王举行欢迎仪式，随后两国元首举行会谈。")
    assert set(meetings(text)) == {("2033-04-07", frozenset({"张三", "王五"})),
                                   ("2035-10-16", frozenset({"张三", "某某五世"}))}


def test_a_days_heading_is_of_the_year_of_the_month_the_lead_gives_the_visit():
    """A lead that dates its visit by month alone (``于2033年12月对乙国进行的为期三天的国事访问``) gives the year of the
    account's day headings (``=== 12月10日 ===``); a sentence under one that moves on to a later time (``此后，甲转赴丙国，
    与丙会晤``) is not of the heading's day."""
    text = ("'''2033年张三访问乙国'''是甲国总统[[张三]]于2033年12月对[[乙国]]进行的为期三天的国事访问。\n"
            "== 访问经过 ==\n=== 12月10日 ===\n10日，乙国主席[[李四]]同张三举行会谈。\n\n"
            "此后，张三转赴[[丙国]]，与丙国总理[[王五]]举行会晤。\n")
    assert meetings(text, "2033年张三访问乙国") == [("2033-12-10", frozenset({"张三", "李四"}))]


def test_a_day_without_its_year_is_of_the_later_year_a_month_before_it_names():
    """``2031年11月某会议后，甲于2032年1月出访，1月16日在某城与乙会谈``: the 16th is of 2032, the year the sentence went on
    to, not of its first."""
    text = HEAD + "2031年11月某会议重启和谈后，甲国总统[[张三]]于2032年1月出访，1月16日在[[某城]]与乙国总统[[李四]]会谈。"
    assert meetings(text) == [("2032-01-16", frozenset({"张三", "李四"}))]


def test_one_who_comes_along_with_a_leader_to_his_meeting_is_no_participant():
    """``甲在王储乙陪同下抵达某宫，与丙举行会晤``: 乙 came along; the meeting is 甲's and 丙's."""
    text = HEAD + ("2035年2月11日中午，甲国国王[[张三]]在王储[[李四]]陪同下抵达[[某宫]]，与乙国总统[[王五]]举行约两小时的会晤。")
    assert meetings(text) == [("2035-02-11", frozenset({"张三", "王五"}))]


def test_a_linked_name_visiting_a_place_and_meeting_a_leader_there_is_a_person():
    """A name the article links with no office anywhere, opening a clause on its visit and meeting a leader in the clause
    after (``甲多访问[[某都]]，与刚就任不久的乙国总理李四会谈``), is a person: the one visiting meets him; not where the
    clause after meets no one (``甲多访问某都时，听说…``)."""
    text = ("'''2034年王五访问乙国'''是甲国总统[[王五]]对乙国的访问。\n== 背景 ==\n此访被视为两国在[[阿明·甲多|甲多]]执政后"
            "的转折。2033年8月26日，甲多访问[[某都]]，与刚就任不久的乙国总理[[李四]]会谈。")
    assert meetings(text) == [("2033-08-26", frozenset({"阿明·甲多", "李四"}))]
    assert meetings(text.replace("访问[[某都]]，与刚就任不久的", "访问[[某都]]时，听说刚就任不久的")) == []

def test_a_leader_written_by_the_given_name_alone_is_that_leader():
    text = HEAD + ("2019年3月3日，丙国总统[[李四]]与乙国总理[[王五]]抵达[[某城]]，"
                   "甲国总统[[阿图·贝凯莱]]的政府为其举行仪式，阿图到机场迎接。三位领导人在[[某宫]]举行三方会晤。")
    assert meetings(text) == [("2019-03-03", frozenset({"阿图·贝凯莱", "李四", "王五"}))]
    from kg.extract.names import NameIndex, variant_rules
    from kg.extract.reading import _given_names
    inside = parse(Page(text="[[约翰·甲乙]]与[[林登·约翰逊|约翰逊]]会面，谈克什米尔问题，阿图在场。[[阿图·贝凯莱]]",
                        origin="t", title="t"))
    assert _given_names(inside, NameIndex.build(variant_rules(inside), inside.links)) == {"阿图": "阿图·贝凯莱"}


@pytest.mark.parametrize("linked", ["[[阿图·贝凯莱·德萨]]", "[[阿图·贝凯莱·德萨|阿图·贝凯莱]]"])
def test_a_given_name_of_a_link_written_with_a_shorter_text_is_that_leader(linked):
    """``[[阿图·贝凯莱·德萨|阿图·贝凯莱]]`` … ``阿图抵达某城``: the link's target and text are one person's names, so
    their one given name is his, not shared by two."""
    text = HEAD + (f"2039年7月8日，甲国总理{linked}抵达[[某城]]，受到乙国总统[[李四]]在机场的热烈欢迎。"
                   "阿图与李四当天举行会谈。")
    assert meetings(text) == [("2039-07-08", frozenset({"阿图·贝凯莱·德萨", "李四"}))]


def test_a_leader_written_by_the_given_name_before_his_office_is_that_leader():
    """News writes a host by his given name and office (``与佐科总统举行会谈``, ``同萨勒曼国王会谈``): the
    linked name it begins. Not where another linked name has it as a later part (``[[王五·本·阿图]]``):
    阿图 alone may be either."""
    text = HEAD + ("2019年3月2日，乙国总统[[阿图·贝凯莱]]发表讲话。\n\n"
                   "2019年3月3日，甲国总理[[李四]]抵达[[某城]]，当天下午与阿图总统举行会谈。")
    assert meetings(text) == [("2019-03-03", frozenset({"阿图·贝凯莱", "李四"}))]
    assert meetings(text.replace("发表讲话", "与[[王五·本·阿图]]发表讲话")) == []


@pytest.mark.parametrize("sentence", [
    "2033年5月3日，乙国总统[[张三]]在[[某宫]]会见通甲。",
    "2033年5月3日，乙国总统[[张三]]会见了通甲总理。",
    "2033年5月3日，乙国总统[[张三]]在[[某宫]]迎接来访的通甲，随后两人举行会谈。",
    "2033年5月3日，乙国总统[[张三]]与通甲进行会谈。",
    "2033年5月3日，通甲访乙，与乙国总统[[张三]]在[[某宫]]会谈。",
])
def test_a_given_name_written_alone_after_a_verb_of_meeting_is_that_leader(sentence):
    """The one met is written right after the verb of meeting or welcoming (``会见了通甲``, ``迎接来访的通甲``) and goes
    on to what they did (``与通甲进行会谈``), by the given name alone where custom names him so (Thailand, Laos,
    Indonesia: ``[[通甲·某乙]]`` … ``会见通甲``), or it opens a clause on his visit, as news shortens it (``通甲访乙``,
    ``访日``, ``访华``). Not inside a longer name after the same verb (``会见通甲拉``)."""
    lead = "'''甲乙会晤'''是甲国总理[[通甲·某乙]]对[[乙国]]的访问。\n== 经过 ==\n"
    assert meetings(lead + sentence) == [("2033-05-03", frozenset({"张三", "通甲·某乙"}))]
    from kg.extract.names import NameIndex, variant_rules
    from kg.extract.reading import _given_names
    inside = parse(Page(text="乙国总统会见通甲拉，会见了通甲某。[[通甲·某乙]]", origin="t", title="t"))
    assert _given_names(inside, NameIndex.build(variant_rules(inside), inside.links)) == {}


def test_a_monarch_or_prelate_written_without_the_regnal_number_is_the_linked_one():
    """A name with a regnal number is written without it after its first mention (``[[某甲三世]]`` … ``某甲在某宫与乙
    会谈``), whatever office the lead lists before the link (``甲国首任总统、甲国正教会大主教``). Not where the name is
    never written alone, nor where another linked name begins with it (``[[某甲四世]]``: 某甲 alone may be either)."""
    text = ("'''2034年甲访问乙国'''是[[甲国]]首任总统、甲国正教会大主教[[某甲三世]]于2034年6月5日至9日对[[乙国]]"
            "进行的国事访问。访问期间，某甲在[[某宫]]与乙国总统[[某乙]]举行了两轮会谈。")
    assert meetings(text) == [("2034-06-05", frozenset({"某甲三世", "某乙"}))]
    from kg.extract.names import NameIndex, variant_rules
    from kg.extract.reading import _names_without_their_number
    for written, found in ((text, {"某甲": "某甲三世"}), (text + "其父[[某甲四世]]未随行。", {}),
                           (text.replace("访问期间，某甲在", "访问期间，某甲三世在"), {})):
        document = parse(Page(text=written, origin="t", title="t"))
        assert _names_without_their_number(document, NameIndex.build(variant_rules(document), document.links)) == found


def test_the_office_both_hold_is_the_two_the_article_gives_it():
    """``两国总统在某城签订了《…》`` in a paragraph of its own, the two named sections before (``[[美国总统]][[张三]]与
    [[法国总统]][[李四]]``): the two the article writes with that office, one for each side. Not where a side has had
    two holders of it (``法国总统[[王五]]`` too): the office then names no two people."""
    text = ("'''某城条约'''是[[美国]]与[[法国]]于2033年签订的双边条约。\n== 背景 ==\n"
            "[[美国总统]][[张三]]与[[法国总统]][[李四]]自2031年起多次通电话，讨论边界问题。\n== 签订 ==\n"
            "2033年5月4日，两国总统在[[某城]]签订了《某城条约》。\n")
    assert meetings(text, "某城条约") == [("2033-05-04", frozenset({"张三", "李四"}))]
    two_holders = text.replace("讨论边界问题。", "讨论边界问题。2032年，[[法国总统]][[王五]]就任。")
    assert meetings(two_holders, "某城条约") == []


def test_a_leader_written_by_the_family_name_between_his_given_names_and_his_mothers_is_that_leader():
    """A Spanish or Portuguese name is written by the father's family name, a middle part of the
    linked name (``[[安德烈斯·曼努埃尔·洛佩斯·奥夫拉多尔]]`` … ``洛佩斯抵达某城``). Not a middle part of an
    Arabic name, the father's own name (``[[塔米姆·本·哈马德·阿勒萨尼]]``: 哈马德 is another man)."""
    lead = "'''甲乙会晤'''是甲国总统[[胡安·卡洛斯·甲列斯·乙多尔]]对[[乙国]]的访问。\n== 经过 ==\n"
    text = lead + "2022年5月6日，甲列斯抵达[[某城]]，同乙国总统[[李四]]会晤。"
    assert meetings(text) == [("2022-05-06", frozenset({"胡安·卡洛斯·甲列斯·乙多尔", "李四"}))]
    assert meetings(text.replace("胡安·卡洛斯·甲列斯·乙多尔", "塔米姆·本·甲列斯·阿勒萨尼")) == []


def test_a_leader_written_by_the_second_half_of_a_double_family_name_is_that_leader():
    """A double family name is written by its second half after a first full mention
    (``[[马哈茂德·甲迪-乙贾德]]`` … ``乙贾德抵达某城``). Not a half that is a state's name (阿曼 is Oman),
    nor one another linked person is named by (that person's), nor the half of a name with 本, the father's name."""
    lead = "'''甲乙会晤'''是甲国总统[[马哈茂德·甲迪-乙贾德]]对[[乙国]]的访问。\n== 经过 ==\n"
    text = lead + "2034年5月6日，乙贾德抵达[[某城]]，同乙国总统[[李四]]会晤。"
    assert meetings(text) == [("2034-05-06", frozenset({"马哈茂德·甲迪-乙贾德", "李四"}))]
    assert meetings(text.replace("乙贾德", "阿曼")) == []
    assert meetings(text.replace("甲迪-乙贾德", "本·阿卜杜勒-乙贾德")) == []
    shared = text.replace("[[李四]]会晤。", "[[李四]]会晤。[[王五·乙贾德]]出席。")  # 乙贾德 is 王五's own short name
    assert meetings(shared) == [("2034-05-06", frozenset({"王五·乙贾德", "李四"}))]


def test_the_chairman_of_a_revolutionary_command_council_is_a_top_leader():
    """``革命指挥委员会主席`` heads a state ruled by its council (利比亚, 伊拉克): a top leader, read as one office
    (指 of 指挥 is no 是指). A legislature's committee chairman (国会外交委员会主席) stays none."""
    text = HEAD + "2035年1月12日，甲国总统[[张三]]在[[某城]]与乙国革命指挥委员会主席[[李四]]会晤。"
    assert meetings(text) == [("2035-01-12", frozenset({"张三", "李四"}))]
    assert meetings(text.replace("革命指挥委员会主席", "国会外交委员会主席")) == []


@pytest.mark.parametrize("office", ["国家和平与发展委员会主席", "国家恢复法律和秩序委员会主席"])
def test_the_chairman_of_a_juntas_council_named_with_and_is_a_top_leader(office):
    """A junta's council that heads the state, its name holding 与 or 和 (``国家和平与发展委员会主席``), is one
    office, not two joined, and a top one; a development committee's chairman alone stays none."""
    text = HEAD + f"2036年9月8日，甲国总统[[张三]]在[[某城]]与乙国{office}[[李四]]会谈。"
    assert meetings(text) == [("2036-09-08", frozenset({"张三", "李四"}))]
    assert meetings(text.replace(office, "发展委员会主席")) == []


@pytest.mark.parametrize("told, day", [
    ("14日傍晚，李四在[[某某马格7号]]总理官邸同甲国总统[[张三]]会晤。", "2037-03-14"),  # a house number after a name
    ("7号上午，李四在[[某宫]]同甲国总统[[张三]]会晤。", "2037-03-07"),  # a bare 号 day opening the clause is a day
])
def test_a_house_number_after_a_name_is_no_day_of_the_month(told, day):
    text = HEAD + "2037年3月1日，乙国总理[[李四]]抵达[[某城]]，开始为期两周的访问。" + told
    assert list(summits(text)) == [day]

@pytest.mark.parametrize("minister, met", [
    ("与丙国国务卿[[王五]]", {"张三", "李四"}),  # one of three parties: the two leaders still met
    ("", {"张三", "李四"}),
])
def test_a_ministers_part_in_a_meeting_of_three_leaves_the_leaders_meeting(minister, met):
    """A minister who is one party of a meeting of three (``甲、乙与丙国国务卿丁举行三方会谈``) is left out, and the
    two leaders still met; a minister who is the other party of a meeting of two is no summit."""
    text = HEAD + f"2038年11月13日，甲国总理[[张三]]、乙国国王[[李四]]{minister}在[[某城]]王宫举行三方会谈。"
    assert meetings(text) == [("2038-11-13", frozenset(met))]
    assert meetings(HEAD + "2038年11月13日，甲国总理[[张三]]与丙国国务卿[[王五]]在[[某城]]王宫举行会谈。") == []


@pytest.mark.parametrize("kind", ["正式访问", "未经事先宣布的访问", "为期一天的工作访问"])
def test_a_one_day_visit_whose_kind_is_written_long_gives_its_talks_that_day(kind):
    """``于2038年6月18日对乙国首都某城进行的未经事先宣布的访问。访问期间，甲与乙国国王李四举行会谈``: the talks of a
    visit of one day, however long the words for its kind."""
    text = ("'''2038年张三访问乙国'''是指[[甲国总理]][[张三]]于2038年6月18日对[[乙国]]首都[[某城]]进行的" + kind + "。"
            "访问期间，张三与乙国国王[[李四]]举行会谈。\n")
    assert meetings(text, title="2038年张三访问乙国") == [("2038-06-18", frozenset({"张三", "李四"}))]

@pytest.mark.parametrize("second", ["会谈", "签署了两国贸易协定"])
def test_a_move_to_another_town_the_same_day_tells_another_meeting_there(second):
    """``…，当天与乙会谈，随后又于同日飞往丙城，与丙签署了…``: two meetings of one day, each with its own partner, town
    and documents; not one summit of three."""
    text = HEAD + ("2035年8月26日上午，甲国总统[[张三]]离开某城前往[[乙城]]，当天与乙国总统[[李四]]会谈，"
                   f"随后又于同日飞往[[丙城]]，与丙国总统[[王五]]{second}。")
    found = summits_and_places(text)
    assert found == [("2035-08-26", frozenset({"张三", "李四"}), frozenset({"乙城"})),
                     ("2035-08-26", frozenset({"张三", "王五"}), frozenset({"丙城"}))]

GATHERING_SECTIONS = """'''2035年甲乙峰会'''于2035年12月19日至20日在[[某城]]举行。
== 经过 ==
=== 会前 ===
2035年12月18日，甲国总理[[张三]]与丙国总统[[王五]]在某城会谈。
=== 会议 ===
OPENED，20日上午举行领导人会议。
=== 会后 ===
当天下午，张三又在某城与乙国总统[[李四]]举行双边会谈。
"""

@pytest.mark.parametrize("visit", [
    "[[张三]]总统应[[李四]]主席邀请对乙国进行国事访问，同李四举行会谈",
    "[[张三]]总统应[[李四]]主席的邀请对乙国进行国事访问，同李四举行会谈",
    "甲国总统[[张三]]应乙国主席[[李四]]邀请对乙国进行国事访问，同李四举行会谈",  # the office before each name
])
def test_a_leader_written_before_his_office_who_accepts_an_invitation_is_a_leader(visit):
    """``张三总统应李四主席邀请…``: each name is a leader's, as an office written after it says; neither is only a word."""
    text = HEAD + f"2038年5月13日至16日，{visit}。"
    assert meetings(text) == [("2038-05-13", frozenset({"张三", "李四"}))]


BOXED_VISIT = """{{Infobox diplomatic visit
| name          = 2036年李四访问甲国
| date          = BOX
| location      = {{USA}}[[某都]][[某宫]]
| visitor       = {{flagicon|ITA}} [[李四]]（乙国总理）
| host          = {{flagicon|USA}} [[张三]]（甲国总统）
| type          = 正式访问
}}
'''2036年李四访问甲国'''是[[乙国总理]][[李四]]于2036年10月18日对[[甲国]]进行的正式访问。[[甲国总统]][[张三]]在[[某宫]]以全套欢迎仪式接待李四。

== 背景 ==
李四于2034年2月出任总理。同年3月27日，张三访问[[某城]]，与李四举行会谈。

2036年9月12日，某宫发言人宣布，张三将于10月18日接待李四进行正式访问，两人将讨论难民危机等议题。当时李四正为12月举行的公投奔走。

== 访问经过 ==
李四于17日在[[另城]]出席活动后启程。

18日上午，张三在某宫为李四举行欢迎仪式。随后，张三与李四在某厅举行双边会谈。
"""


@pytest.mark.parametrize("box_date, day", [
    ("2036年10月18日", "2036-10-18"),  # the box's month, not the month of the announcement before
    ("2036年9月18日", "2036-09-18"),  # near miss: the box's own month is the announcement's
])
def test_a_bare_day_of_a_visits_account_is_of_the_month_its_box_dates(box_date, day):
    """A visit's box dates it (``| date = 2036年10月18日``); a background last dates the announcement (``9月12日，…宣布，
    甲将于10月18日接待乙``); then ``== 访问经过 ==¶乙于17日…¶18日上午，…会谈``: the account's bare days are of the month
    the box gives, not of the announcement's."""
    assert [start for start, _ in meetings(BOXED_VISIT.replace("BOX", box_date), title="2036年李四访问甲国")] == [
        "2034-03-27", day]


@pytest.mark.parametrize("opened", ["会议19日开幕", "本届峰会19日开幕"])
def test_a_gathering_named_right_before_its_day_gives_the_day_a_later_section_goes_on_from(opened):
    """``会议19日开幕，20日上午举行领导人会议`` gives its days after the gathering's name, the way news writes them, so the
    next section's ``当天下午`` is the 20th, not the day the section before it told."""
    text = GATHERING_SECTIONS.replace("OPENED", opened)
    assert meetings(text, title="2035年甲乙峰会") == [("2035-12-18", frozenset({"张三", "王五"})),
                                                   ("2035-12-20", frozenset({"张三", "李四"}))]


def test_a_move_that_day_in_a_sentence_without_a_day_of_its_own_dates_nothing():
    """``访问期间，甲会晤了乙，随后当天转往丙国``: the sentence gives no day, so its 当天 is none the sentence before gave
    (``10月7日，某地发生冲突``)."""
    text = HEAD + "2035年8月7日，某地发生冲突。访问期间，甲国总统[[张三]]会晤了乙国总统[[李四]]，随后当天转往[[丙国]]。"
    assert "2035-08-07" not in summits(text)


def summits_and_places(text, title="甲乙会晤"):
    """Every summit as (start, participants, venues), sorted by its participants."""
    return sorted(((_start(about), _keys(about, Prop.PARTICIPANT), _keys(about, Prop.VENUE))
                   for about in _facts_of_each_summit(text, title)), key=lambda s: sorted(s[1]))


def test_a_document_signed_in_a_clause_that_opens_with_another_partner_is_that_meetings():
    text = HEAD + ("2035年8月26日，甲国总统[[张三]]在[[乙城]]与乙国总统[[李四]]会谈，随后又于同日飞往[[丙城]]，"
                   "与丙国总统[[王五]]签署了《甲丙贸易协定》。")
    extraction = extract(parse(Page(text=text, origin="t", title="甲乙会晤")))
    outcomes = {}
    for fact in extraction.facts:
        if fact.prop is Prop.PARTICIPANT:
            outcomes.setdefault(fact.subject, {"who": set(), "signed": set()})["who"].add(fact.value.key)
    for fact in extraction.facts:
        if fact.prop is Prop.OUTCOME and fact.subject in outcomes:
            outcomes[fact.subject]["signed"].add(fact.value.key)
    assert sorted((sorted(o["who"]), sorted(o["signed"])) for o in outcomes.values()) == [
        (["张三", "李四"], []), (["张三", "王五"], ["甲丙贸易协定"])]


def test_a_leader_written_by_a_one_character_family_name_on_its_own_is_that_leader():
    """A one-character family name is written alone after a first full mention (``[[玛丽·桐]]`` … ``桐在某城同乙
    举行会谈``), and found only where written on its own: not inside a word (``桐乡``), not before a character that
    makes a word of it (``桐于``), nor where two linked names end with it."""
    lead = "'''甲乙会晤'''是甲国首相[[玛丽·桐]]对[[乙国]]的访问。\n== 经过 ==\n"
    text = lead + "2036年8月28日，桐在[[某城]]同乙国总统[[李四]]举行会谈。"
    assert meetings(text) == [("2036-08-28", frozenset({"玛丽·桐", "李四"}))]
    assert meetings(text.replace("，桐在", "，桐乡代表在")) == []
    assert meetings(text.replace("桐在[[某城]]同", "桐于[[某城]]同")) == []
    assert meetings(text.replace("[[李四]]举行会谈。", "[[李四]]举行会谈。[[约翰·桐]]出席。")) == []


def test_a_day_without_its_year_is_of_the_month_the_sentence_before_went_on_to():
    """``2031年6月李四出任乙国总理，于2032年3月首次访问甲国。3月7日，李四与张三会晤``: 7 March 2032, the month the
    sentence before ends on, not 2031, the year it opens with. Not where this day's month is another (6月7日 stays
    in 2031), nor where the sentence before goes on to a day after its later month."""
    text = HEAD + ("== 背景 ==\n2031年6月[[李四]]出任乙国总理后，于2032年3月首次以总理身份访问甲国。"
                   "3月7日，李四在[[某宫]]与甲国总统[[张三]]会晤。")
    assert meetings(text) == [("2032-03-07", frozenset({"张三", "李四"}))]
    assert meetings(text.replace("3月7日，", "6月7日，")) == [("2031-06-07", frozenset({"张三", "李四"}))]


def test_a_given_name_written_alone_before_a_verb_or_after_whom_for_is_that_leader():
    text = HEAD + ("乙国主席[[通甲·某乙]]应邀访问甲国。\n\n"
                   "2031年8月9日，甲国总统[[张三]]在[[某城]]同通甲举行会谈。")
    assert meetings(text) == [("2031-08-09", frozenset({"张三", "通甲·某乙"}))]
    from kg.extract.names import NameIndex, variant_rules
    from kg.extract.reading import _given_names
    welcomed = parse(Page(text="甲国为通甲举行欢迎仪式。[[通甲·某乙]]", origin="t", title="t"))
    assert _given_names(welcomed, NameIndex.build(variant_rules(welcomed), welcomed.links)) == {"通甲": "通甲·某乙"}
    inside = parse(Page(text="通甲举之事。甲国为通甲某举行仪式。[[通甲·某乙]]", origin="t", title="t"))
    assert _given_names(inside, NameIndex.build(variant_rules(inside), inside.links)) == {}


def test_one_who_accompanies_a_leader_to_the_talks_is_no_party_to_them():
    text = HEAD + "2020年8月25日，约旦国王[[张三]]在[[某城]]与埃及总统[[李四]]举行会谈，约旦王储[[王五]]陪同出席。"
    attending = HEAD + "2020年8月25日，约旦国王[[张三]]在[[某城]]与埃及总统[[李四]]举行会谈，伊拉克总理[[王五]]亦出席。"
    assert meetings(text) == [("2020-08-25", frozenset({"张三", "李四"}))]
    assert meetings(attending) == [("2020-08-25", frozenset({"张三", "李四", "王五"}))]


def test_a_third_named_after_both_sides_met_is_none_of_them():
    before = HEAD + "2018年7月8日，甲国总理[[李四]]抵达[[某城]]，与乙国总统[[王五]]举行会晤。"
    third = before + "7月24日，两国领导人又一同访问[[丙国]]，在[[某都]]会晤，丙国王储[[张三]]向二人授予勋章。"
    named = before + "7月24日，李四再次抵达[[某都]]，两人随即会晤，王五表示欢迎。"  # one of the two named before
    assert meetings(third) == [("2018-07-08", frozenset({"李四", "王五"})), ("2018-07-24", frozenset({"李四", "王五"}))]
    assert meetings(named) == [("2018-07-08", frozenset({"李四", "王五"})), ("2018-07-24", frozenset({"李四", "王五"}))]


def test_a_short_name_going_on_with_a_regnal_number_is_another_monarch():
    other = HEAD + ("沙特王储[[阿卜杜·本·某乙]]。2017年2月26日，马来西亚最高元首阿卜杜五世在[[某宫]]"
                    "与沙特国王[[李四]]举行会见。")
    short = HEAD + ("沙特王储[[阿卜杜·本·某乙]]。2017年2月26日，沙特王储阿卜杜在[[某宫]]"
                    "与马来西亚最高元首[[李四]]举行会见。")
    assert meetings(other) == []  # 阿卜杜五世 is not 阿卜杜·本·某乙, written short
    assert meetings(short) == [("2017-02-26", frozenset({"阿卜杜·本·某乙", "李四"}))]


def test_the_chair_of_an_advisory_commission_is_no_adviser():
    chair = HEAD + "1984年12月19日，中共中央顾问委员会主任[[张三]]在[[某厅]]会见乙国首相[[李四]]。"
    adviser = HEAD + "1984年12月19日，甲国国家安全顾问[[张三]]在[[某厅]]会见乙国首相[[李四]]。"
    assert meetings(chair) == [("1984-12-19", frozenset({"张三", "李四"}))]
    assert meetings(adviser) == []


def test_he_or_she_who_met_is_the_subject_of_the_sentence_before():
    text = HEAD + "2019年3月3日，乙国总理[[李四]]抵达[[某城]]。3月4日，他同甲国总统[[张三]]在[[某宫]]举行会谈。"
    assert meetings(text) == [("2019-03-03", frozenset({"张三", "李四"}))]  # of the visit from the arrival
    others = HEAD + "2019年3月3日，乙国总理[[李四]]抵达[[某城]]。3月4日，他们同甲国总统[[张三]]在[[某宫]]举行会谈。"
    assert meetings(others) == []  # 他们: more than the one the sentence before names


def test_a_linked_name_that_meets_a_person_is_a_person_but_not_the_place_they_meet_at():
    text = HEAD + ("2016年6月23日，[[张三]]在[[某城]]同乙国总统[[李四]]举行会晤。"
                   "2016年9月2日，乙国总统李四在[[某港]]与[[王五]]会谈。")
    extraction = extract(parse(Page(text=text, origin="t", title="甲乙会晤")))
    people = {e.id.key for e in extraction.entities if e.id.kind is Kind.PERSON}
    assert {"张三", "李四"} <= people and "某港" not in people
    assert ("2016-06-23", frozenset({"张三", "李四"})) in meetings(text)


def test_a_column_headed_by_a_states_president_is_of_people_not_places():
    from kg.extract.table_rows import _COLUMNS
    role = next(name for name, pattern in _COLUMNS if pattern.search("中国国家主席") and name != "country")
    assert role == "people"
    assert next(name for name, pattern in _COLUMNS if pattern.search("举办国家")) == "place"


def test_a_box_about_a_meeting_called_off_and_a_candidates_meeting_are_no_summit():
    box = ("{{Infobox event\n| title = 2017年甲国总统访乙取消事件\n| date = 2017年1月26日\n"
           "| participants = [[张三]]、[[李四]]\n| outcome = 原定1月31日的两国元首会晤取消\n}}\n"
           "'''2017年甲国总统访乙取消事件'''是指甲国总统[[张三]]宣布取消与乙国总统[[李四]]的会晤。\n")
    assert meetings(box, title="2017年甲国总统访乙取消事件") == []
    candidate = HEAD + "2016年8月31日，共和党候选人[[张三]]飞抵[[某城]]，与乙国总统[[李四]]在总统府私下会晤。"
    assert meetings(candidate) == []


def test_a_year_and_month_reaching_to_now_moves_the_text_to_no_other_year():
    text = ("'''2024年甲访乙'''是指甲国总理[[张三]]于2024年4月14日至16日对[[乙国]]进行的正式访问。"
            "这是张三2021年12月就任总理以来第二次访问乙国。4月16日，乙国总统[[李四]]在[[某宾馆]]会见张三。\n")
    assert [m[0] for m in meetings(text, title="2024年甲访乙")] == ["2024-04-14"]


def test_a_bare_day_told_by_local_time_is_the_days_day():
    text = HEAD + ("=== 6月13日：某城 ===\n2024年6月12日下午，甲国总理[[张三]]乘包机离开[[甲城]]。当地时间13日上午，张三抵达[[某城]]。"
                   "当天下午，张三在[[某府]]同乙国总理[[李四]]举行会谈。\n")
    assert [m[0] for m in meetings(text)] == ["2024-06-13"]


TOUR = """{{Infobox event
| title        = 张三三国之行
| date         = {{Start date|2016|1|19}}－{{End date|2016|1|23}}
| location     = {{flagicon|USA}} [[某城]]<br />{{flagicon|FRA}} [[另城]]<br />{{flagicon|JPN}} [[第三城]]
| participants = [[张三]]、[[李四]]、[[王五]]、[[赵六]]
}}
'''张三三国之行'''是甲国国家主席[[张三]]2016年1月对三国的访问。
== 乙国 ==
2016年1月19日当地时间下午，张三乘专机抵达[[某城]]，乙国王储到机场迎接。访问期间，张三在某城同乙国国王[[李四]]举行会谈。
== 丙国 ==
1月22日至23日，张三对丙国进行此行最后一站的访问。22日，张三抵达[[第三城]]。访问期间，张三同丙国总统[[赵六]]举行会谈。
"""


def test_a_box_of_a_tour_makes_no_summit_and_each_stop_is_one_from_its_days():
    """A box listing one stop a line, each with its state's flag, is of a tour: each stop's
    meeting is a summit of its own. 访问期间 is of the visit its paragraph told: by its days
    (1月22日至23日, through 22日，…抵达), or by the day the leader arrived."""
    found = summits(TOUR, title="张三三国之行")
    assert {day: summit["end"] for day, summit in found.items()} == {"2016-01-19": "2016-01-19",
                                                                     "2016-01-22": "2016-01-23"}
    assert found["2016-01-19"]["participants"] == {"张三", "李四"}
    assert found["2016-01-22"]["participants"] == {"张三", "赵六"}


GULF_TOUR = """{{Infobox event
| title        = 张三海湾之行
| date         = {{Start date|2023|7|17}}－{{End date|2023|7|19}}
| location     = {{flagicon|QAT}} [[某城]]、{{flagicon|UAE}} [[另城]]、{{flagicon|Kuwait}} [[第三城]]
| participants = [[张三]]、[[李四]]、[[赵六]]
}}
'''张三海湾之行'''是甲国总统[[张三]]2023年7月对海湾国家的访问。
== 乙国 ==
7月17日，张三抵达[[某城]]，乙国埃米尔[[李四]]在某宫为其举行欢迎仪式，两人随后会谈。
== 丙国 ==
7月18日，张三抵达[[另城]]，丙国总统[[赵六]]在总统府同张三举行会谈。
"""


def test_a_box_whose_stops_fly_the_flags_of_gulf_and_african_states_is_of_a_tour():
    """{{flagicon|QAT}}, {{flagicon|UAE}}, {{flagicon|Kuwait}} (IOC/ISO codes and English names, as
    the box of a tour writes them one stop after another with 、) are three states: the box is of a
    tour, each stop's meeting a summit of its own dated by its stop."""
    found = summits(GULF_TOUR, title="张三海湾之行")
    assert {day: summit["end"] for day, summit in found.items()} == {"2023-07-17": "2023-07-17",
                                                                     "2023-07-18": "2023-07-18"}
    assert found["2023-07-17"]["participants"] == {"张三", "李四"}
    assert found["2023-07-18"]["participants"] == {"张三", "赵六"}


@pytest.mark.parametrize("location", ["[[卡塔尔]]、[[科威特]]", "[[卡塔尔]][[某城]]<br />[[科威特]][[另城]]"])
def test_a_box_naming_a_state_a_stop_without_flags_is_of_a_tour(location):
    """A box listing the states it went to, linked, one an entry (``[[智利]]、[[秘鲁]]``), or each stop
    with its state (``[[菲律宾]][[马尼拉]]、[[马来西亚]][[布城]]``): a tour, each stop a summit of its own."""
    text = GULF_TOUR.replace("{{flagicon|QAT}} [[某城]]、{{flagicon|UAE}} [[另城]]、{{flagicon|Kuwait}} [[第三城]]",
                             location)
    found = summits(text, title="张三海湾之行")
    assert {day: (summit["end"], summit["participants"]) for day, summit in found.items()} == {
        "2023-07-17": ("2023-07-17", {"张三", "李四"}), "2023-07-18": ("2023-07-18", {"张三", "赵六"})}


@pytest.mark.parametrize("location", ["[[卡塔尔]][[某城]]、[[另城]]", "[[某城]]、[[另城]]"])
def test_a_box_naming_towns_of_one_state_or_none_is_one_summit_over_its_days(location):
    """Several towns, of one state linked or of none (``[[卡塔尔]][[某城]]、[[另城]]``): a visit, not a tour."""
    text = GULF_TOUR.replace("{{flagicon|QAT}} [[某城]]、{{flagicon|UAE}} [[另城]]、{{flagicon|Kuwait}} [[第三城]]",
                             location)
    found = summits(text, title="张三海湾之行")
    assert {day: summit["end"] for day, summit in found.items()} == {"2023-07-17": "2023-07-19"}


def test_a_box_with_the_flag_of_one_gulf_state_is_one_summit_over_its_days():
    """One stop, one flag ({{flagicon|QAT}} [[某城]]): a visit, not a tour; its meetings are the box's summit."""
    text = GULF_TOUR.replace("{{flagicon|QAT}} [[某城]]、{{flagicon|UAE}} [[另城]]、{{flagicon|Kuwait}} [[第三城]]",
                             "{{flagicon|QAT}} [[某城]]")
    found = summits(text, title="张三海湾之行")
    assert {day: summit["end"] for day, summit in found.items()} == {"2023-07-17": "2023-07-19"}


def test_a_box_whose_stops_fly_the_flags_of_pacific_states_is_of_a_tour():
    """{{MHL}}, {{TUV}}, {{PLW}} (country codes of the Pacific, Latin American and European states, as
    the box of a tour writes them one stop a line): three states, a tour, each stop a summit of its own;
    one such flag is one stop, a visit whose meetings are the box's summit."""
    stops = "{{MHL}}[[某城]]<br />{{TUV}}[[另城]]<br />{{PLW}}[[第三城]]"
    text = GULF_TOUR.replace("{{flagicon|QAT}} [[某城]]、{{flagicon|UAE}} [[另城]]、{{flagicon|Kuwait}} [[第三城]]", stops)
    found = summits(text, title="张三海湾之行")
    assert {day: (summit["end"], summit["participants"]) for day, summit in found.items()} == {
        "2023-07-17": ("2023-07-17", {"张三", "李四"}), "2023-07-18": ("2023-07-18", {"张三", "赵六"})}
    one = summits(text.replace(stops, "{{MHL}}[[某城]]"), title="张三海湾之行")
    assert {day: (summit["end"], summit["participants"]) for day, summit in one.items()} == {
        "2023-07-17": ("2023-07-19", {"张三", "李四", "赵六"})}


def test_a_box_of_stops_in_several_states_on_one_day_is_the_summit_of_that_day():
    """A box of one day ({{Start date|2023|12|6}}) listing two stops with their flags: its day is
    the summit's, not a tour's span its stops would each be dated within."""
    text = GULF_TOUR.split("== 丙国 ==")[0].replace("{{Start date|2023|7|17}}－{{End date|2023|7|19}}",
                                                     "{{Start date|2023|7|17}}")
    found = summits(text, title="张三海湾之行")
    assert {day: summit["end"] for day, summit in found.items()} == {"2023-07-17": "2023-07-17"}


@pytest.mark.parametrize("sentence", [
    "2019年6月13日，甲国总理[[张三]]在某城会见乙国总督[[李四]]，转达乙国主席[[王五]]的问候。",
    "2019年6月13日，甲国总理[[张三]]在某城会见乙国总督[[李四]]，并递交乙国主席[[王五]]的亲笔信。",
])
def test_a_leader_whose_greetings_are_passed_on_is_no_participant(sentence):
    assert summits(HEAD + sentence)["2019-06-13"]["participants"] == {"张三", "李四"}


def test_a_leader_greeted_from_afar_is_no_participant():
    """转达对张三的问候: the greetings go to someone absent, who is no party to the talks."""
    text = HEAD + "2019年6月13日，甲国主席[[张三]]同他举行会谈，请他转达对乙国总统[[李四]]和[[王五]]总理的问候。"
    assert all("李四" not in summit["participants"] for summit in summits(text).values())


@pytest.mark.parametrize("office", ["国务院台办主任", "某市委书记", "某省委书记"])
def test_directors_and_local_party_secretaries_are_below_the_top(office):
    text = HEAD + f"2019年6月13日，{office}[[王五]]在某城会见甲国总统[[张三]]。"
    assert summits(text) == {}


def test_leaders_signing_together_meet():
    """Two leaders told signing together on a day meet to do it: a summit of the two the
    clause names (no one inferred), or of the two it refers back to (两国元首)."""
    named = HEAD + "1974年5月16日，甲国总理[[张三]]与乙国总理[[李四]]签署《某协定》。"
    assert summits(named)["1974-05-16"]["participants"] == {"张三", "李四"}
    back = HEAD + ("1994年9月，甲国主席[[张三]]对乙国进行回访，受到乙国总统[[李四]]欢迎。"
                   "9月3日，两国元首在[[某城]]签署《某协定》。")
    assert summits(back)["1994-09-03"]["participants"] == {"张三", "李四"}


def test_a_visit_told_by_what_the_leaders_agreed_is_a_meeting():
    """A dated visit whose meeting is told by the visitor and the host agreeing together,
    no meeting word (甲访问某城，与乙达成共识): they met on the visit's day."""
    agreed = HEAD + ("2015年3月2日，甲国总统[[张三]]对[[某城]]进行了为期一天的访问，"
                     "与乙国总统[[李四]]就边界问题达成共识。")
    assert summits(agreed)["2015-03-02"]["participants"] == {"张三", "李四"}
    back = HEAD + ("2015年3月2日，甲国总统[[张三]]访问[[某城]]，这是他首次访问乙国，两国总统同意落实《某协定》。"
                   "乙国总统[[李四]]表示欢迎。")
    assert "2015-03-02" in summits(back)


#: An article that gives its leaders' offices in its lead, and tells an earlier meeting in 背景.
_BACKGROUND = ("'''甲乙会晤'''是甲国总统[[张三]]与乙国总理[[李四]]于2020年5月4日在[[某都]]举行的会晤。\n"
               "== 背景 ==\n")


def test_a_visit_told_by_what_the_leaders_signed_is_a_meeting_with_the_offices_it_writes():
    """A dated visit whose meeting is told by the visitor and the one named after 与 signing
    together, no meeting word (甲访问某城，与乙签署《…》): they met on the visit's days. Told in
    passing, it keeps only the offices its own sentence writes, none from the lead."""
    bare = _BACKGROUND + "1996年7月29日至30日，[[张三]]访问[[某城]]，与[[李四]]签署《某合作纪要》。"
    found = summits(bare)["1996-07-29"]
    assert (found["participants"], found["end"]) == ({"张三", "李四"}, "1996-07-30")
    assert "1996-07-29" not in roles_by_day(bare)
    written = _BACKGROUND + "1996年7月29日，甲国总统[[张三]]访问乙国，在[[某城]]与[[李四]]共同签署《某合作纪要》。"
    assert roles_by_day(written)["1996-07-29"] == {("张三", "甲国总统")}


@pytest.mark.parametrize("sentence", [
    "1996年7月29日，甲国外长[[王五]]访问[[某城]]，与乙国外长[[赵六]]签署《某议定书》。",  # ministers
    "1996年7月29日，甲国总统[[张三]]访问[[某城]]，与乙国外长[[赵六]]签署《某议定书》。",  # the host a minister
    "1996年7月29日，[[张三]]宣布将访问[[某城]]，与[[李四]]签署《某合作纪要》。",  # a plan
    "1996年7月29日，[[张三]]计划访问[[某城]]，与[[李四]]签署《某合作纪要》。",  # a plan
])
def test_no_meeting_of_a_visit_signing_below_the_top_or_planned(sentence):
    assert "1996-07-29" not in summits(_BACKGROUND + sentence)


def test_a_return_visit_is_a_meeting_with_the_one_whose_visit_it_returns():
    """A leader's return visit made on a day (乙回访甲国; 乙访问甲国，这是对甲访问乙国的回访), no
    meeting word: the two leaders meet on it, as on the visit it returns."""
    before = "1996年7月8日，[[张三]]访问乙国，与乙国总理[[李四]]举行会谈。\n\n"
    returned = _BACKGROUND + before + "7月14日，乙国总理[[李四]]回访甲国，与甲国总统[[张三]]就边界问题交换看法。"
    assert summits(returned)["1996-07-14"]["participants"] == {"张三", "李四"}
    said_so = _BACKGROUND + "1996年7月14日，乙国总理[[李四]]访问甲国，这是对甲国总统[[张三]]当年访问乙国的回访。"
    assert summits(said_so)["1996-07-14"]["participants"] == {"张三", "李四"}


@pytest.mark.parametrize("sentence", [
    "7月14日，乙国总理[[李四]]邀请甲国总统[[张三]]回访乙国。",  # an invitation
    "7月14日，两国宣布乙国总理[[李四]]将回访甲国，与甲国总统[[张三]]交换看法。",  # a plan
    "7月14日，乙国外长[[王五]]回访甲国，与甲国总统[[张三]]交换看法。",  # a minister
])
def test_no_meeting_of_a_return_visit_invited_planned_or_below_the_top(sentence):
    before = "1996年7月8日，[[张三]]访问乙国，与乙国总理[[李四]]举行会谈。\n\n"
    assert "1996-07-14" not in summits(_BACKGROUND + before + sentence)


def test_leaders_attending_something_together_meet():
    """Two leaders told attending something together (甲与乙在某镇共同出席某仪式; 当天，两人一同出席…),
    no meeting word: they met there that day."""
    together = _BACKGROUND + "1996年9月11日，[[张三]]与[[李四]]在边境小镇[[某镇]]共同出席口岸重新开放仪式。"
    assert summits(together)["1996-09-11"]["participants"] == {"张三", "李四"}
    back = _BACKGROUND + ("1996年9月10日是两国建交30周年纪念日。当天，甲国总统[[张三]]和乙国总理[[李四]]"
                          "在[[某城]]一同出席纪念音乐会。")
    assert summits(back)["1996-09-10"]["participants"] == {"张三", "李四"}


@pytest.mark.parametrize("sentence", [
    "1996年9月11日，[[张三]]与[[李四]]以视频方式共同出席口岸重新开放仪式。",  # by video
    "1996年9月11日，甲国外长[[王五]]与乙国外长[[赵六]]在[[某镇]]共同出席口岸重新开放仪式。",  # ministers
    "1996年9月11日，两国宣布[[张三]]将与[[李四]]在[[某镇]]共同出席口岸重新开放仪式。",  # a plan
])
def test_no_meeting_of_ministers_a_plan_or_a_video_attended_together(sentence):
    assert "1996-09-11" not in summits(_BACKGROUND + sentence)


@pytest.mark.parametrize("sentence", [
    "2015年3月2日，甲国总统[[张三]]访问[[某城]]，与乙国外长[[李四]]就边界问题达成共识。",  # a minister
    "2015年3月2日，甲国外长[[张三]]访问[[某城]]，与乙国总统[[李四]]达成共识。",  # the visitor a minister
    "2015年3月2日，甲国总统[[张三]]宣布将访问[[某城]]，与乙国总统[[李四]]达成共识。",  # a plan
])
def test_no_meeting_of_a_visit_agreeing_below_the_top_or_planned(sentence):
    assert summits(HEAD + sentence) == {}


@pytest.mark.parametrize("sentence", [
    "《某条约》由甲国总统[[张三]]和乙国总理[[李四]]于1987年12月8日在[[某城]]签署。",  # the treaty's, not a meeting told
    "1987年12月8日，甲国总统[[张三]]签署法案，乙国总理[[李四]]表示欢迎。",  # one signs
    "1987年12月8日，甲国总统[[张三]]同日签署决议，同意与乙国签署《某条约》。",  # 同日 is no "with"
])
def test_no_meeting_of_signers_where_they_did_not_sign_together(sentence):
    assert summits(HEAD + sentence) == {}


def test_a_linked_name_met_and_described_by_an_office_is_a_person():
    text = HEAD + ("2008年7月7日，甲国总统[[张三]]在[[某城]]利用八国峰会之机，"
                   "与刚就任乙国总统不到两个月的[[李四]]举行了一个多小时的会谈。")
    assert summits(text)["2008-07-07"]["participants"] == {"张三", "李四"}


def test_two_people_and_their_two_states_teams_stay_people():
    text = HEAD + ("2019年6月13日，甲国总统[[张三]]抵达[[某城]]。6月14日，张三与[[李四]]两国团队"
                   "在某城举行会谈。乙国总统李四表示欢迎。")
    assert summits(text)["2019-06-13"]["participants"] == {"张三", "李四"}  # of the visit from the arrival


def test_two_states_told_with_their_pair_are_states():
    extraction = extract(parse(Page(text=HEAD + "[[丙国]]与[[丁国]]两国于2019年建交。", origin="t",
                                    title="甲乙会晤")))
    countries = {e.id.key for e in extraction.entities if e.id.kind is Kind.COUNTRY}
    assert {"丙国", "丁国"} <= countries


def test_one_by_one_meetings_of_the_sentences_subject():
    text = HEAD + ("2017年11月11日下午，甲国主席[[张三]]在[[某城]]出席峰会后，在下榻的酒店先后会见"
                   "乙国总统[[李四]]和丙国总理[[王五]]。")
    extraction = extract(parse(Page(text=text, origin="t", title="甲乙会晤")))
    meetings = sorted(sorted(f.value.key for f in extraction.facts if f.subject == e.id and f.prop is Prop.PARTICIPANT)
                      for e in extraction.entities if e.id.kind is Kind.SUMMIT)
    assert meetings == [["张三", "李四"], ["张三", "王五"]]


def test_a_leaders_envoy_named_with_the_leaders_office_meets_for_no_summit():
    text = HEAD + ("2018年2月8日，甲国主席[[张三]]主席特别代表、政治局常委[[王五]]在[[某城]]会见乙国总统[[李四]]。")
    assert summits(text) == {}


def test_a_visit_to_several_states_by_their_count_is_a_tour():
    text = HEAD + ("2025年5月13日至16日，甲国总统[[张三]]访问中东三国。\n\n"
                   "5月13日，张三抵达[[某城]]，与乙国总统[[李四]]举行会谈。\n\n"
                   "5月15日，张三抵达[[另城]]，与丙国总统[[王五]]举行会谈。")
    told = summits(text)
    assert set(told) == {"2025-05-13", "2025-05-15"}
    assert told["2025-05-13"]["end"] == "2025-05-13"


def test_an_emir_is_an_office():
    text = HEAD + "2025年5月14日，甲国总统[[张三]]同乙国埃米尔[[李四]]在[[某城]]举行会谈。"
    assert summits(text)["2025-05-14"]["participants"] == {"张三", "李四"}


@pytest.mark.parametrize("name", ["{{tsl|en|Li Si|李四}}", "-{李四}-"])
def test_a_name_in_a_translated_link_or_kept_from_conversion_is_a_name(name):
    text = HEAD + f"2019年6月13日，甲国总统[[张三]]与乙国总理{name}在[[某城]]举行会谈。"
    assert summits(text)["2019-06-13"]["participants"] == {"张三", "李四"}


def test_a_regional_form_the_notes_give_is_the_linked_persons_name():
    text = ("{{noteTA\n|1=zh-cn:李肆; zh-tw:李四;\n}}\n'''甲乙會晤'''是[[甲國]]與[[乙國]]領導人的會晤。\n== 經過 ==\n"
            "[[乙國總統]][[李四]]於2017年就任。2018年5月26日，甲國總理[[張三]]在[[某城]]同李肆總統舉行會談。")
    assert summits(text)["2018-05-26"]["participants"] == {"张三", "李肆"}  # keyed by the zh-cn form


def test_a_candidate_is_below_the_top_though_the_article_gives_him_an_office():
    text = ("'''甲乙會談'''是[[甲國總統]][[張三]]與[[乙國總統]][[李四]]的會談。\n== 背景 ==\n"
            "2024年9月27日，李四曾在[[某城]]與時任共和黨總統候選人張三會面。")
    assert summits(text) == {}


def test_the_same_leaders_meeting_again_the_next_day_is_one_summit():
    text = HEAD + ("2008年4月5日，甲国总统[[张三]]抵达[[某城]]，当晚在官邸与乙国总统[[李四]]进行非正式会晤；"
                   "6日上午，两人在某城举行会谈。")
    told = summits(text)
    assert list(told) == ["2008-04-05"] and told["2008-04-05"]["end"] == "2008-04-06"


def test_days_told_one_after_another_from_a_bare_day_are_each_their_own():
    text = HEAD + ("=== 乙国 ===\n1974年1月9日至11日，甲国首相[[张三]]对乙国进行正式访问。"
                   "9日他前往[[某宫]]签名致意；10日张三与乙国总理[[李四]]会谈，双方确认加强两国关系。")
    assert {day: (s["end"], s["participants"]) for day, s in summits(text).items()} == {
        "1974-01-09": ("1974-01-11", {"张三", "李四"})}
    said = text.replace("9日他前往[[某宫]]签名致意；10日张三与乙国总理[[李四]]会谈", "9日他对记者表示，10日将与乙国总理[[李四]]会谈")
    assert summits(said) == {}


def test_the_same_leaders_again_on_a_day_already_told_are_the_same_summit():
    text = HEAD + ("2019年10月11日至12日，甲国主席[[张三]]在[[某城]]同乙国总理[[李四]]举行非正式会晤。"
                   "11日，两国领导人在[[某寺]]边走边谈；12日上午，两人继续举行会晤。")
    assert {day: s["end"] for day, s in summits(text).items()} == {"2019-10-11": "2019-10-12"}


def test_a_visit_reported_as_planned_gives_the_visit_no_days():
    text = ("'''甲国总统访问乙国'''是甲国总统[[张三]]于2016年3月20日至22日对[[乙国]]进行的访问。\n== 背景 ==\n"
            "2015年4月11日，张三与乙国主席[[李四]]在[[某城]]举行会晤。\n== 经过 ==\n"
            "2016年2月17日，某台报道称张三计划于3月21日至22日访问乙国。\n\n"
            "3月21日，张三在[[某宫]]同乙国主席李四举行会谈。")
    assert {day: s["end"] for day, s in summits(text, title="甲国总统访问乙国").items()} == {
        "2015-04-11": "2015-04-11", "2016-03-20": "2016-03-22"}


def test_a_host_meeting_others_on_the_next_day_keeps_two_summits():
    text = HEAD + ("2008年4月5日，甲国总统[[张三]]在[[某城]]与乙国总统[[李四]]举行会谈；"
                   "6日，张三又与丙国总理[[王五]]举行会谈。")
    assert set(summits(text)) == {"2008-04-05", "2008-04-06"}


def test_leaders_signing_after_a_clause_of_who_came_along_meet():
    text = HEAD + ("1970年12月7日，甲国总理[[张三]]前往纪念碑献花。\n\n"
                   "当天晚上，张三在双方外交部长的陪同下，与乙国总理[[李四]]共同签署了《某城条约》。")
    assert summits(text)["1970-12-07"]["participants"] == {"张三", "李四"}


def test_a_leader_who_went_to_a_city_and_signed_there_with_its_leader_met_him():
    text = HEAD + "1970年8月12日，甲国总理[[张三]]亲自前往[[某城]]，与乙国总理[[李四]]签署《某城条约》。"
    assert summits(text)["1970-08-12"]["participants"] == {"张三", "李四"}


def test_leaders_signing_after_a_date_with_its_time_of_day_meet():
    text = HEAD + "2019年1月22日中午，甲国总理[[张三]]和乙国总统[[李四]]在[[某城]]的市政厅签署《某城条约》。"
    assert summits(text)["2019-01-22"]["participants"] == {"张三", "李四"}


def test_leaders_signing_after_a_date_with_local_time_in_brackets_meet():
    text = HEAD + "2003年3月4日上午10时（当地时间），甲国总统[[张三]]和乙国总统[[李四]]在[[某城]]签署了停火协议。"
    assert summits(text)["2003-03-04"]["participants"] == {"张三", "李四"}


def test_a_name_written_as_an_inline_conversion_is_read_in_its_simplified_form():
    text = HEAD + ("[[乙国总统]][[王·李四|-{zh-hans:李四; zh-tw:李肆;}-]]于2012年就任。"
                   "2013年4月29日，甲国首相[[张三]]在[[某城]]与-{zh-hans:李四; zh-hk:李四; zh-tw:李肆;}-举行会谈。")
    assert summits(text)["2013-04-29"]["participants"] == {"张三", "王·李四"}  # the link's person, by its label's form


def test_a_bare_day_under_a_place_heading_is_of_the_month_the_account_reached():
    text = ("'''2014年张三访问乙国'''是指甲国主席[[张三]]于2014年11月出席峰会后，于11月17日至19日对[[乙国]]进行的国事访问。\n"
            "== 背景 ==\n1972年两国建交。2014年11月，两国分别主办峰会。11月14日晚，张三抵达[[某港]]出席峰会。\n"
            "== 访问经过 ==\n=== 某城 ===\n峰会结束后，张三前往[[某城]]。"
            "17日上午，张三同乙国总理[[李四]]在[[议会大厦]]举行会谈。\n")
    found = summits(text, title="2014年张三访问乙国")
    assert list(found) == ["2014-11-17"]
    assert found["2014-11-17"]["end"] == "2014-11-19"  # the visit's days, its year from 2014年11月
    assert found["2014-11-17"]["participants"] == {"张三", "李四"}


def test_a_bare_day_is_not_put_in_a_month_of_another_year_or_before_the_last_day():
    other_year = ("'''张三访问乙国'''是指甲国主席[[张三]]于2014年11月对[[乙国]]进行的国事访问。\n"
                  "== 背景 ==\n1972年12月21日，两国建交。\n== 经过 ==\n"
                  "25日上午，张三同乙国总理[[李四]]在[[某城]]举行会谈。\n")
    earlier = ("'''张三访问乙国'''是指甲国主席[[张三]]于2014年11月对[[乙国]]进行的国事访问。\n"
               "== 背景 ==\n2014年11月20日，张三出席峰会。\n== 经过 ==\n"
               "17日上午，张三同乙国总理[[李四]]在[[某城]]举行会谈。\n")
    assert summits(other_year, title="张三访问乙国") == {}
    assert summits(earlier, title="张三访问乙国") == {}


def test_those_listed_as_sitting_in_on_the_talks_are_not_the_two_who_met():
    text = (PAIR + "2001年5月2日，张三抵达[[某城]]。\n== 5月3日 ==\n"
            "3日上午，两人在[[某宾馆]]开始正式会谈。参加会谈的甲方人员有外长[[王五]]和总统顾问[[赵六]]；"
            "乙方有总参谋长[[钱七]]。\n")
    found = summits(text, title="张李峰会")
    assert found["2001-05-03"]["participants"] == {"张三", "李四"}


def test_a_meeting_of_several_days_in_the_lead_holds_the_sections_days():
    text = ("'''张李峰会'''是甲国总统[[张三]]与乙国总理[[李四]]于2001年5月3日至6日在[[某城]]举行的会晤。"
            "5月6日，两人在[[某宫]]签署了《某条约》。\n"
            "== 5月4日 ==\n4日上午，两人在[[某使馆]]开始正式会谈。\n"
            "== 5月6日 ==\n签约前，两人举行了一次秘密会谈。\n")
    found = summits(text, title="张李峰会")
    assert list(found) == ["2001-05-03"]
    assert found["2001-05-03"]["end"] == "2001-05-06"


def test_a_visitor_the_lead_calls_his_countrys_leader_is_a_top_leader_whatever_his_office():
    lead = ("'''张三访问乙国'''是指2001年5月3日至8日，时任甲国副总理[[张三]]应乙国总理[[李四]]的邀请对[[乙国]]进行的正式访问。"
            "{}访问期间，张三同李四在[[某宫]]举行会谈。\n== 经过 ==\n张三参观了[[某城]]。\n")
    called = lead.format("这是甲国领导人首次正式访问乙国。")
    plain = lead.format("这是张三首次正式访问乙国。")
    assert summits(called, title="张三访问乙国")["2001-05-03"]["participants"] == {"张三", "李四"}
    assert summits(plain, title="张三访问乙国") == {}  # a vice-premier's talks: no summit


def test_during_the_visit_in_a_section_is_of_the_visit_the_lead_tells():
    text = ("'''张三访问乙国'''是指甲国总统[[张三]]于2001年5月3日至8日对[[乙国]]进行的国事访问。\n"
            "== 经过 ==\n访问期间，张三同乙国总理[[李四]]在[[某宫]]举行会谈。\n")
    found = summits(text, title="张三访问乙国")
    assert list(found) == ["2001-05-03"]
    assert found["2001-05-03"]["end"] == "2001-05-08"


def test_a_meeting_the_text_says_was_not_arranged_is_no_summit():
    text = HEAD + "2019年6月13日，甲国总统[[张三]]访问乙国，访问中没有安排张三与乙国主席[[李四]]会面。"
    assert summits(text) == {}


LEGS = ("'''张三访问乙丙两国'''是指时任甲国副总理[[张三]]于1978年11月5日至12日对乙丙两国进行的正式访问。\n"
        "== 经过 ==\n=== 乙国（11月5日至9日） ===\n11月5日，张三抵达[[某城]]{leader}。"
        "在与乙国总理[[李四]]的会谈中，张三谈及边界问题。\n"
        "=== 丙国（11月9日至12日） ===\n11月9日，张三抵达[[另城]]<ref>{{{{cite news |title=回忆录 |date=2015-03-23}}}}</ref>。"
        "当天下午，丙国总理[[王五]]与张三在[[某宫]]举行会谈。\n")


def test_a_leg_of_a_tour_its_heading_dates_is_one_summit_over_its_days():
    found = summits(LEGS.format(leader="，成为首位访问乙国的甲国领导人"), title="张三访问乙丙两国")
    assert {day: (s["end"], s["participants"]) for day, s in found.items()} == {
        "1978-11-05": ("1978-11-09", {"张三", "李四"}),  # the talks the leg tells undated: of its days
        "1978-11-09": ("1978-11-12", {"张三", "王五"}),  # a day of the leg: its visit's days
    }


def test_a_day_in_the_visit_the_lead_dates_is_of_its_year_not_the_year_a_later_source_suggests():
    found = summits(LEGS.format(leader="，成为首位访问乙国的甲国领导人"), title="张三访问乙丙两国")
    assert "1978-11-09" in found and not any(day.startswith("2014") for day in found)


def test_a_leader_the_text_calls_the_first_of_his_country_to_visit_is_a_top_leader():
    assert summits(LEGS.format(leader=""), title="张三访问乙丙两国") == {}  # a vice-premier's talks
    clause = LEGS.format(leader="，这是甲国主要领导人的首次出访")
    assert set(summits(clause, title="张三访问乙丙两国")) == {"1978-11-05", "1978-11-09"}


def test_a_leg_of_a_tour_is_held_in_the_state_its_heading_names_not_one_the_lead_lists():
    text = ("'''1978年张三访问三国'''是指甲国总统[[张三]]于1978年11月5日至14日对[[老挝]]、[[缅甸]]和[[泰国]]进行的正式访问。\n"
            "== 经过 ==\n=== 缅甸（11月9日至12日） ===\n在与总理[[李四]]的会谈中，张三谈及边界问题。\n")
    found = summits(text, title="1978年张三访问三国")
    assert found["1978-11-09"]["end"] == "1978-11-12"
    assert [venue[:2] for venue in found["1978-11-09"]["venue"]] == ["缅甸"]


@pytest.mark.parametrize("sentence", [
    "2006年4月6日，国务委员[[张三]]在[[某城]]会见乙国国王特使王五，表示甲国总统[[李四]]不久将对乙国进行国事访问。",
    "2006年4月25日，甲国总统[[李四]]在乙国国王[[孙七]]陪同下在[[某城]]分别会见了乙国参议院议长王五和众议院议长赵六。",
])
def test_a_leader_meeting_officials_named_by_their_office_alone_is_no_summit(sentence):
    text = HEAD + "2006年4月24日，甲国总统[[李四]]同乙国国王[[孙七]]在[[某城]]举行会谈。" + sentence
    assert {day: summit["end"] for day, summit in summits(text).items()} == {"2006-04-24": "2006-04-24"}


def test_a_chairman_of_state_affairs_is_a_top_leader_a_state_councillor_is_not():
    chairman = HEAD + "2019年6月20日，甲国国务委员长[[张三]]同乙国主席[[李四]]在[[某城]]举行会谈。"
    councillor = HEAD + "2019年6月20日，甲国国务委员[[张三]]同乙国主席[[李四]]在[[某城]]举行会谈。"
    assert set(summits(chairman)) == {"2019-06-20"}
    assert summits(councillor) == {}


def test_a_meeting_told_to_follow_right_after_is_on_the_day_its_paragraph_told():
    text = HEAD + ("2019年6月13日上午，甲国总统[[张三]]抵达[[某城]]。乙国总理[[李四]]在机场迎接张三，并陪同他参观了[[某馆]]。"
                   "张三与李四随后在[[某宫]]举行会谈。\n\n乙国总理[[李四]]与甲国总统[[张三]]在[[某宫]]举行会谈。")
    found = summits(text)
    assert list(found) == ["2019-06-13"]
    assert found["2019-06-13"]["participants"] == {"张三", "李四"}



def test_the_visitors_next_meeting_right_after_with_the_same_sides_other_leader_is_the_same_summit():
    text = HEAD + ("2024年6月13日，甲国总理[[张三]]抵达[[某城]]。当天下午，张三在[[某府]]会见老挝国家主席[[李四]]。"
                   "随后，张三在某府同老挝总理[[王五]]举行会谈。")
    found = summits(text)
    assert list(found) == ["2024-06-13"]
    assert found["2024-06-13"]["participants"] == {"张三", "李四", "王五"}


def test_talks_a_statement_leaves_for_later_are_no_summit():
    text = HEAD + ("2017年1月27日，甲国总统[[张三]]与老挝国家主席[[李四]]通电话约一小时。老挝国家主席办公室随后发表声明说，"
                   "两国元首承认在边境问题上存在分歧，同意不在公开场合谈论此事，留待双边会谈时设法解决。")
    assert summits(text) == {}


def test_meetings_told_one_by_one_after_a_day_are_of_that_day():
    text = HEAD + ("当地时间2023年8月18日，甲国总统[[张三]]在[[某庄园]]与乙国首相[[李四]]、丙国总统[[王五]]举行三边峰会，"
                   "三位领导人随后共进午餐。张三还分别同李四、王五举行了双边会谈。")
    assert sorted(meetings(text)) == sorted([("2023-08-18", frozenset({"张三", "李四", "王五"})),
                                             ("2023-08-18", frozenset({"张三", "李四"})),
                                             ("2023-08-18", frozenset({"张三", "王五"}))])
    told_later = text.replace("张三还分别", "2023年9月，张三还分别")  # a month, no day: no meetings of a day
    assert meetings(told_later) == [("2023-08-18", frozenset({"张三", "李四", "王五"}))]


def test_meetings_one_by_one_before_all_of_them_meet_are_that_meeting():
    text = HEAD + ("2036年10月31日，甲国总统[[张三]]、乙国总理[[李四]]和丙国总统[[王五]]在[[某城]]会面。"
                   "张三先后与李四、王五分别会谈，随后三人举行三方会谈。")
    assert meetings(text) == [("2036-10-31", frozenset({"张三", "李四", "王五"}))]
    apart = text.replace("，随后三人举行三方会谈", "")  # no meeting of all after them: each two's is a summit
    assert sorted(meetings(apart)) == sorted([("2036-10-31", frozenset({"张三", "李四", "王五"})),
                                              ("2036-10-31", frozenset({"张三", "李四"})),
                                              ("2036-10-31", frozenset({"张三", "王五"}))])


def test_meetings_one_by_one_each_held_alone_before_all_meet_are_summits_of_their_own():
    row = ("{| class=\"wikitable\"\n! 日期 !! 地点 !! 东道主 !! 与会者\n|-\n"
           "| 2036年10月31日 || [[某城]] || [[张三]] || [[李四]]、[[王五]]\n|}\n")
    text = HEAD + row + ("2036年10月31日，甲国总统[[张三]]先后与乙国总理[[李四]]、丙国总统[[王五]]单独会谈，"
                         "随后三位领导人举行三方会谈。")
    assert sorted(meetings(text)) == sorted([("2036-10-31", frozenset({"张三", "李四", "王五"})),
                                             ("2036-10-31", frozenset({"张三", "李四"})),
                                             ("2036-10-31", frozenset({"张三", "王五"}))])
    parts = text.replace("单独会谈", "分别会谈")  # not said to be alone: the first part of the meeting of all
    assert meetings(parts) == [("2036-10-31", frozenset({"张三", "李四", "王五"}))]


def test_meetings_one_by_one_before_the_boxed_three_meet_are_the_boxs_summit():
    text = ("{{Infobox summit meeting\n| date = {{Start date|2036|6|4}}\n| participants = [[张三]]<br>[[李四]]<br>[[王五]]\n}}\n"
            "'''2036年某城峰会'''是[[美国总统]][[张三]]、[[以色列总理]][[李四]]与[[巴勒斯坦]]总理[[王五]]"
            "于2036年6月4日在[[某城]]举行的三方会晤。\n== 峰会 ==\n"
            "6月4日，张三抵达[[某城]]，在[[某宫]]分别会见李四和王五，再举行三方会谈。\n")
    assert meetings(text, title="2036年某城峰会") == [("2036-06-04", frozenset({"张三", "李四", "王五"}))]
    apart = text.replace("，再举行三方会谈", "")  # bilaterals on a gathering of three sides: summits of their own
    assert len(meetings(apart, title="2036年某城峰会")) == 3


def test_a_closed_door_meeting_with_a_leader_is_a_summit():
    text = HEAD + "2024年12月2日，甲国总统[[张三]]在[[丙国]]短暂停留，与丙国总理[[王五]]举行闭门会议。"
    assert meetings(text) == [("2024-12-02", frozenset({"张三", "王五"}))]


def test_a_leader_receiving_a_visiting_leader_holds_a_summit():
    received = HEAD + "2023年11月30日，甲国总统[[张三]]在[[某宫]]接待到访的乙国总统[[李四]]，并承诺访问乙国。"
    assert meetings(received) == [("2023-11-30", frozenset({"张三", "李四"}))]
    promised = HEAD + "2023年11月30日，甲国总统[[张三]]的秘书长表示，乙国总统[[李四]]将以高规格接待张三。"
    assert meetings(promised) == []


def test_a_meeting_the_day_after_its_paragraph_has_the_visitor_arrive_is_of_the_visit_from_then():
    text = HEAD + ("2016年11月10日，甲国总理[[张三]]抵达[[某城]]，11日与乙国首相[[李四]]举行年度峰会，"
                   "12日张三参观[[某厂]]。")
    assert {day: s["end"] for day, s in summits(text).items()} == {"2016-11-10": "2016-11-11"}
    gathering = text.replace("抵达[[某城]]，", "抵达[[某城]]出席论坛，")  # come to a gathering: not a visit to its host
    assert {day: s["end"] for day, s in summits(gathering).items()} == {"2016-11-11": "2016-11-11"}
    two_days = text.replace("11日与", "12日与").replace("12日张三", "13日张三")  # not the next day
    assert {day: s["end"] for day, s in summits(two_days).items()} == {"2016-11-12": "2016-11-12"}


@pytest.mark.parametrize("arrived, start", [
    # a state visit begun on arriving, a gathering to attend besides: the visit's first day
    ("2035年6月23日傍晚，甲国主席[[张三]]抵达[[某城]]，开始对乙国进行国事访问，并将出席在[[另城]]举行的某某峰会。", "2035-06-23"),
    ("2035年6月23日中午，甲国主席[[张三]]抵达[[某城]]，出席某某组织峰会，并对乙国进行国事访问。", "2035-06-23"),
    # near-miss: a gathering come to, no visit to the host besides
    ("2035年6月23日傍晚，甲国主席[[张三]]抵达[[某城]]，出席某某峰会。", "2035-06-24"),
    ("2035年6月23日傍晚，甲国主席[[张三]]抵达[[某城]]，出席某某峰会，并将访问[[另城]]。", "2035-06-24"),
])
def test_an_arrival_that_begins_a_visit_besides_a_gathering_dates_the_visit(arrived, start):
    text = HEAD + arrived + "24日下午，张三在某城同乙国总理[[李四]]举行会谈。"
    assert list(summits(text)) == [start]


@pytest.mark.parametrize("attended, end", [
    # the span between 出席 and 举行的 is the gathering's days: the talks on the day of arrival are of that day
    ("出席4月12日至13日举行的某某峰会", "2037-04-12"),
    ("出席12日至13日在[[某都]]举行的某某会议", "2037-04-12"),
])
def test_the_days_of_a_gathering_attended_are_not_a_meetings(attended, end):
    text = HEAD + ("== 美国 ==\n2037年4月12日，甲国主席[[张三]]抵达[[某都]]，" + attended + "。"
                   "抵达当日，张三在某都同乙国总统[[李四]]举行会晤。\n")
    assert {day: s["end"] for day, s in summits(text).items()} == {"2037-04-12": end}


@pytest.mark.parametrize("hans, gatherings", [
    ("甲出席4月12日至13日举行的某某峰会", True),
    ("甲出席了4月20日至21日在某城举行的某某会议", True),
    # near-misses: a single day, a span that is the leader's own (并于…出席), a span not of a gathering held
    ("甲出席4月12日举行的欢迎仪式", False),
    ("甲并于4月12日至13日出席某某峰会", False),
    ("甲出席4月12日至13日的访问活动", False),
])
def test_a_span_written_as_a_gatherings_days(hans, gatherings):
    from kg.extract.dates import find_dates
    from kg.extract.summits import _a_gatherings_days

    assert any(_a_gatherings_days(hans, d) for d in find_dates(hans, year=2037)) is gatherings


@pytest.mark.parametrize("talks, start, arrived_only", [
    ("13日上午，乙国总统[[李四]]为张三举行欢迎仪式，随后两国元首举行会谈。", "2036-09-11", "2036-09-13"),  # a later paragraph
    ("14日上午，乙国总统[[李四]]为张三举行欢迎仪式，随后两国元首举行会谈。", "2036-09-11", "2036-09-14"),  # three days on
    # near-miss: talks more than three days after the arrival are of their own day
    ("15日上午，乙国总统[[李四]]为张三举行欢迎仪式，随后两国元首举行会谈。", "2036-09-15", "2036-09-15"),
])
def test_an_arrival_that_says_it_begins_a_visit_dates_its_talks_of_the_next_days(talks, start, arrived_only):
    text = HEAD + ("2036年9月11日中午，甲国主席[[张三]]抵达[[某城]]，出席某某组织峰会，并对乙国进行国事访问。\n\n"
                   + talks)
    assert list(summits(text)) == [start]
    # near-miss: an arrival that says no visit dates only the meetings of its paragraph's next day
    assert list(summits(text.replace("，出席某某组织峰会，并对乙国进行国事访问", ""))) == [arrived_only]


def test_a_wreath_laid_at_a_monument_before_the_talks_is_no_occasion_the_visit_came_for():
    """``8日，他向[[某纪念碑]]献花圈，并在[[某宫]]与乙举行会谈``: a monument (纪念碑, 纪念馆, 纪念堂) is a place the
    visitor honours, not a commemoration come to, so the talks the day after he arrived are of the visit
    begun then; a commemoration attended (出席纪念活动) still is."""
    text = HEAD + ("2022年5月7日晚，甲国总统[[张三]]抵达[[某城]]。8日，他向[[某纪念碑]]献花圈，"
                   "并在[[某宫]]与乙国主席[[李四]]举行会谈。")
    assert {day: s["end"] for day, s in summits(text).items()} == {"2022-05-07": "2022-05-08"}
    attended = text.replace("向[[某纪念碑]]献花圈", "出席独立纪念活动")
    assert {day: s["end"] for day, s in summits(attended).items()} == {"2022-05-08": "2022-05-08"}


def test_a_host_titled_by_his_states_office_and_then_a_chair_he_holds_for_a_term_is_a_leader():
    """``加纳总统、[[某联盟]]轮值主席[[李四]]迎接了他，两人随即举行会谈``: the chair a leader holds for a term
    (轮值主席) titles no one, but the state's office listed before it is his: the stop's talks are a summit.
    The chair alone makes no leader."""
    text = ("'''张三访问加纳'''是甲国总理[[张三]]于2022年5月22日至24日对[[加纳]]进行的访问。\n== 行程 ==\n"
            "=== 加纳（5月22日） ===\n5月22日下午，张三抵达加纳首都[[某都]]，开始其首次非洲之行。"
            "加纳总统、[[某联盟]]轮值主席[[李四]]迎接了他，两人随即举行会谈。\n")
    assert meetings(text, title="张三访问加纳") == [("2022-05-22", frozenset({"张三", "李四"}))]
    assert meetings(text.replace("加纳总统、", ""), title="张三访问加纳") == []


def test_a_meeting_where_the_leader_stops_over_is_held_there():
    text = ("'''甲访问乙国'''是甲国总统[[张三]]于2024年12月2日至4日对[[乙国]]进行的访问。\n== 经过 ==\n"
            "2024年12月2日，前往乙国途中，张三在[[丙国]]短暂停留，与丙国总理[[王五]]举行闭门会议。")
    assert summits(text, title="甲访问乙国")["2024-12-02"]["venue"] == {"丙国"}


def test_a_leader_receiving_a_visiting_minister_is_no_summit_whoever_the_sources_titles_name():
    text = HEAD + ("甲国主席[[张三]]曾多次访问乙国。\n\n"
                   "2022年5月26日，乙国总理[[李四]]在[[某城]]总理府会见到访的甲国国务委员兼外长[[王五]]"
                   "<ref>{{cite news |title=李四今访甲国 将会见张三 |date=2023-07-09}}</ref>。\n")
    assert summits(text) == {}
    the_leader = text.replace("到访的甲国国务委员兼外长[[王五]]", "到访的甲国主席张三")
    assert set(summits(the_leader)) == {"2022-05-26"}


def test_a_leader_sending_someone_does_not_meet_whom_the_one_sent_meets():
    text = HEAD + ("1972年5月2日至5日，甲国总统[[张三]]派遣情报部部长王五秘密访问[[某城]]，"
                   "与乙国官员赵六会谈，王五并会见了乙国首相[[李四]]。\n")
    assert summits(text) == {}
    himself = text.replace("派遣情报部部长王五秘密访问", "秘密访问").replace("王五并", "并")
    assert set(summits(himself)) == {"1972-05-02"}


def test_a_meeting_held_for_a_reason_considered_is_held():
    text = HEAD + "2019年6月13日，考虑到安全因素，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]会面。"
    assert set(summits(text)) == {"2019-06-13"}


def test_a_paragraph_opening_with_going_on_is_of_the_day_the_paragraph_before_told():
    text = HEAD + ("2001年7月，甲国主席[[张三]]对乙国进行国事访问。7月16日上午，乙国总统[[李四]]在[[某宫]]举行仪式，"
                   "热烈欢迎张三。\n\n随后两国元首在某宫举行会谈。张三表示，此行要与李四共同规划两国关系。\n")
    assert set(summits(text)) == {"2001-07-16"}
    a_new_account = text.replace("随后两国元首", "两国元首")  # no word going on: the paragraph is not of that day
    assert summits(a_new_account) == {}


def test_leaders_exchanging_views_with_each_other_meet():
    text = HEAD + "2019年6月13日，甲国总统[[张三]]在[[某城]]与乙国总理[[李四]]就两国关系交换了意见。"
    assert summits(text)["2019-06-13"]["participants"] == {"张三", "李四"}
    by_phone = text.replace("在[[某城]]与乙国总理[[李四]]", "与乙国总理[[李四]]通电话，")
    assert summits(by_phone) == {}


@pytest.mark.parametrize("meal", ["共进晚餐", "共进工作午餐"])
def test_leaders_dining_together_meet(meal):
    text = HEAD + f"2025年9月12日，甲国总统[[张三]]在[[某城]]与乙国总理[[李四]]{meal}。"
    assert summits(text)["2025-09-12"]["participants"] == {"张三", "李四"}
    proposed = text.replace(f"与乙国总理[[李四]]{meal}", f"提议与乙国总理[[李四]]{meal}")
    assert summits(proposed) == {}


def test_two_leaders_meeting_the_day_before_a_gathering_of_three_meet_on_their_own():
    box = ("{{Infobox summit meeting\n| date = {{Start date|2023|5|18}}–{{End date|2023|5|19}}\n"
           "| participants = [[张三]]<br>[[李四]]<br>[[王五]]\n}}\n"
           "'''甲乙丙峰会'''是[[法国]]总统[[张三]]、[[德国]]总理[[李四]]与[[意大利]]总理[[王五]]的会晤。\n== 经过 ==\n")
    text = box + "=== 5月17日 ===\n李四是首位抵达[[某城]]的元首。5月17日，张三与李四举行会谈，并共同签署两国联合声明。\n"
    assert set(summits(text, title="甲乙丙峰会")) == {"2023-05-17", "2023-05-18"}
    two_sides = text.replace("<br>[[王五]]", "").replace("与[[意大利]]总理[[王五]]", "")
    assert set(summits(two_sides, title="甲乙丙峰会")) == {"2023-05-18"}  # the visit's own talks


@pytest.mark.parametrize("sentence", [
    # the talks failed to reach an agreement: they were held all the same
    "2019年6月13日至14日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会谈，会谈未能达成协议。",
    # a meeting to come is what they talked about, not what they did
    "2019年6月13日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]再次举行会谈，就即将举行的多边峰会交换意见。",
])
def test_a_meeting_that_failed_or_spoke_of_another_was_held(sentence):
    assert set(summits(HEAD + sentence)) == {"2019-06-13"}


def test_a_meeting_agreed_on_as_a_topic_is_not_held():
    text = HEAD + ("2019年6月5日，甲乙两国就6月18日至20日在[[某城]]举行甲国总统[[张三]]与乙国总理[[李四]]的"
                   "首脑会晤达成一致。")
    assert summits(text) == {}


@pytest.mark.parametrize("sentence", [
    # a delegation received: the leader who sent it is named, not met
    "2019年6月13日，甲国总统[[张三]]在[[某宫]]会见乙国高级别代表团并共进午餐。代表团称乙国总理[[李四]]重视两国关系。",
    # officials met as a group
    "2019年6月13日，乙国总理[[李四]]在[[某城]]与甲国官员会面。这是甲国总统[[张三]]上任以来李四首次与甲方会面。",
])
def test_a_leader_meeting_a_delegation_or_officials_is_no_summit(sentence):
    assert summits(HEAD + sentence) == {}


def test_what_was_said_at_a_meeting_with_envoys_is_of_no_summit():
    text = ("'''甲乙关系'''是[[甲国]]与[[乙国]]的关系。\n== 经过 ==\n=== 2019年6月13日 ===\n"
            "当晚，乙国总理[[李四]]在[[某城]]会见甲国特使团。会见时，李四称赞甲国总统[[张三]]为两国关系所作的努力。")
    assert summits(text) == {}


def test_a_leader_whose_word_is_carried_to_a_meeting_is_not_at_it():
    text = HEAD + ("2019年6月13日，乙国总理[[李四]]在[[某城]]会见甲国总理[[赵六]]，"
                   "听取赵六转达的甲国总统[[张三]]有关会晤的意愿。")
    assert summits(text)["2019-06-13"]["participants"] == {"李四", "赵六"}


def test_two_linked_names_meeting_each_other_on_a_day_are_people():
    text = ("'''甲乙宣言'''是[[甲国]]与[[乙国]]的宣言。\n== 背景 ==\n此前两次首脑会晤分别是2000年6月13日至15日"
            "[[甲某]]与[[乙某]]在[[某城]]举行的会晤，以及2007年10月2日至4日[[甲某]]与[[丙某]]在[[某城]]举行的会晤。")
    found = summits(text)
    assert found["2000-06-13"]["participants"] == {"甲某", "乙某"}
    assert found["2007-10-02"]["participants"] == {"甲某", "丙某"}


def test_the_people_received_together_are_one_side_and_no_summit():
    text = HEAD + ("[[李四]]与乙国外长[[赵六]]多次会谈。2019年6月13日晚，[[丙某]]在[[某宫]]住处会见甲国总统[[张三]]、"
                   "[[李四]]和[[王五]]，会见约1小时。")
    assert summits(text) == {}


def test_a_leaders_meeting_held_by_video_is_no_summit():
    text = HEAD + "2020年8月24日，甲乙第三次领导人会议因疫情以视频方式举行。甲国总统[[张三]]与乙国总理[[李四]]共同主持会议。"
    assert summits(text) == {}


def test_days_listed_in_one_clause_that_met_on_each_are_a_summit_each():
    text = HEAD + "2018年，甲国总统[[张三]]与乙国总理[[李四]]于4月27日和5月26日两度在[[某城]]会晤，前者签署了《某城宣言》。"
    assert set(summits(text)) == {"2018-04-27", "2018-05-26"}


@pytest.mark.parametrize("told", [
    "1981年5月6日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行首脑会议。在持续12天的会议后，两国签署了《某纲要》。",
    "甲国总统[[张三]]与乙国总理[[李四]]自1981年5月6日起在[[某城]]举行首脑会谈，经过十二天的谈判，两国签署了《某纲要》。",
    "1981年5月6日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会谈。這次會談持續了12天。",
    "1981年5月6日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]开始举行首脑会谈。\n\n"
    "谈判几乎破裂。经过十二天的艰苦努力，双方达成协定。",
])
def test_a_meeting_told_on_its_first_day_ends_when_its_length_says(told):
    found = summits(HEAD + told)
    assert list(found) == ["1981-05-06"] and found["1981-05-06"]["end"] == "1981-05-17"


def test_a_length_told_after_another_day_is_of_that_days_meeting():
    text = HEAD + ("1981年5月6日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]会面。"
                   "5月8日，张三与丙国总统[[王五]]举行为期两天的会谈。")
    assert summits(text)["1981-05-06"]["end"] == "1981-05-06"


GATHERING = ("'''2019年某城峰会'''是多国领导人于2019年9月9日至10日在[[某城]]举行的峰会。\n"
             "== 峰会 ==\n9月9日，峰会在某城开幕。\n")
SIDELINES = "== 双边会晤 ==\n9月8日，甲国总统[[张三]]在[[某城]]与乙国总理[[李四]]举行会谈。"


def test_the_year_of_a_planned_event_is_not_the_year_the_text_has_reached():
    text = GATHERING + "峰会于10日闭幕，下一次峰会将于2020年11月在[[某港]]举行。\n" + SIDELINES
    assert set(summits(text, "2019年某城峰会")) == {"2019-09-08"}


def test_the_years_a_background_tells_do_not_run_on_into_the_sections_after_it():
    text = GATHERING.replace("== 峰会 ==", "== 背景 ==\n在2015年某港峰会上，各国同意由某城主办本届峰会。\n== 峰会 ==") + SIDELINES
    assert set(summits(text, "2019年某城峰会")) == {"2019-09-08"}


def test_a_meeting_on_the_sidelines_of_a_gathering_is_not_of_a_visit_begun_the_day_before():
    text = GATHERING + ("== 会见 ==\n甲国总理[[张三]]于9月8日晚抵达[[某城]]。\n"
                        "* 9月9日下午，张三在某城出席峰会期间会见乙国总理[[李四]]。")
    found = summits(text, "2019年某城峰会")
    assert list(found) == ["2019-09-09"] and found["2019-09-09"]["end"] == "2019-09-09"


def test_leaders_signing_at_a_ceremony_told_held_in_the_clause_before_met():
    text = HEAD + "当地时间2019年1月22日中午，签约仪式在[[某城]]市政厅举行，甲国总理[[张三]]与乙国总统[[李四]]在仪式上签署条约。"
    assert summits(text)["2019-01-22"]["participants"] == {"张三", "李四"}


def test_a_leader_holding_an_office_of_a_gathering_meets_as_any_other():
    text = HEAD + "2014年10月17日早上，甲国总统[[张三]]和欧盟委员会主席[[李四]]在[[某城]]举行工作早餐会。"
    assert summits(text)["2014-10-17"]["participants"] == {"张三", "李四"}


def test_a_signing_joins_the_days_talks_whose_visitor_a_pronoun_tells():
    text = HEAD + ("2019年12月18日晚，英国首相[[李四]]抵达[[北京]]。\n\n"
                   "19日上午，中方在[[某宫]]为她举行欢迎仪式，她随后先后与中国国家主席[[王五]]和[[赵六]]会晤。"
                   "当日下午，签字仪式在某宫西大厅举行，中国国务院总理[[张三]]和李四分别代表本国政府在《某声明》上签字。")
    found = summits(text)
    assert list(found) == ["2019-12-19"] and {"王五", "张三", "李四"} <= found["2019-12-19"]["participants"]


def test_a_column_of_whom_a_visitor_met_holds_names_written_before_their_office():
    text = ("'''张三出访'''是指[[甲国]]总理[[张三]]出访乙国、丙国。\n== 日程 ==\n"
            '{| class="wikitable"\n|+ 张三出访日程\n! 国家 !! 日期 !! 会谈对象 !! 地点\n|-\n'
            "| 乙国 || 1970年3月2日－5日 || 李四总统 || 某城\n|-\n"
            "| 丙国 || 1970年3月6日 || 王五·赵六国王 || 另城\n|}\n")
    found = summits(text, title="张三出访")
    assert found["1970-03-02"]["participants"] == {"张三", "李四"}
    assert found["1970-03-06"]["participants"] == {"张三", "王五·赵六"}
    roles = roles_by_day(text, title="张三出访")
    assert ("李四", "总统") in roles["1970-03-02"]
    assert ("王五·赵六", "国王") in roles["1970-03-06"]


def test_a_column_of_one_sides_leaders_in_talks_lists_hosts_of_the_visitor_two_by_two():
    text = ("'''张三访问乙国'''是指[[甲国]]总理[[张三]]在任期间对[[乙国]]的访问。\n== 列表 ==\n"
            '{| class="wikitable"\n! 次序 !! 日期 !! 地点 !! 乙方主要会谈领导人 !! 备注\n|-\n'
            "| 1 || 2011年4月5日－7日 || 某城 || [[李四]]、[[王五]] || 参观工厂\n|-\n"
            "| 2 || 2013年6月1日－2日 || 另城 || 王五 || \n|}\n")
    found = summits(text, title="张三访问乙国")
    assert found["2011-04-05"]["participants"] == {"张三", "李四", "王五"}
    assert found["2013-06-01"]["participants"] == {"张三", "王五"}


@pytest.mark.parametrize("sentence", [
    "2019年6月13日，甲国总统[[张三]]与乙国总理[[李四]]在峰会前夕再次通电话。",
    "2021年7月6日，乙国总理[[李四]]有意访问甲国，并盼与甲国总统[[张三]]举行首次会谈。",
])
def test_a_call_told_by_the_summit_it_came_before_and_a_meeting_hoped_for_are_no_summit(sentence):
    assert summits(HEAD + sentence) == {}


def test_a_former_leader_met_is_no_summit():
    former = HEAD + "1981年11月2日中午，乙国总理[[李四]]会见了已卸任甲国首相的[[张三]]。"
    serving = HEAD + "1981年11月2日中午，乙国总理[[李四]]会见了甲国首相[[张三]]。"
    assert summits(former) == {}
    assert set(summits(serving)) == {"1981-11-02"}


def test_a_press_conference_held_after_the_meeting_neither_undoes_it_nor_gives_its_venue():
    text = HEAD + ("2002年3月22日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]会晤，"
                   "两人在[[某宫]]举行记者会，宣布合作。")
    assert summits(text)["2002-03-22"]["venue"] == {"某城"}


def test_the_dead_whose_funeral_a_leader_attended_is_not_at_the_meeting():
    text = HEAD + "1989年2月26日，甲国总理[[张三]]在[[某城]]会见了参加[[某和天皇]]葬礼后来访的丙国总统[[李四]]。"
    assert summits(text)["1989-02-26"]["participants"] == {"张三", "李四"}


def test_the_top_leaders_a_sentence_lists_as_attending_right_after_the_meeting_took_part():
    told = HEAD + "2016年3月23日上午，甲国总理[[张三]]与乙国总理[[李四]]在[[某城]]共同主持某河合作首次会晤。"
    listed = told + "[[丙国总理]][[王五]]、丁国首相[[赵六]]和[[戊国副总统]][[钱七]]出席。"
    elsewhere = told + "[[丙国总理]][[王五]]、丁国首相[[赵六]]出席了欢迎宴会。"
    assert summits(listed)["2016-03-23"]["participants"] == {"张三", "李四", "王五", "赵六"}
    assert summits(elsewhere)["2016-03-23"]["participants"] == {"张三", "李四"}


def test_the_top_leaders_a_sentence_lists_as_attending_the_signing_right_after_it_took_part():
    told = HEAD + "2001年5月9日，甲国总统[[张三]]与乙国总统[[李四]]在[[某宫]]正式签署和约。"
    witnesses = told + "[[丙国总理]][[王五]]和丁国首相[[赵六]]出席签字仪式，作为见证人在和约上签字。"
    banquet = told + "[[丙国总理]][[王五]]和丁国首相[[赵六]]出席签字仪式后的宴会。"
    assert summits(witnesses)["2001-05-09"]["participants"] == {"张三", "李四", "王五", "赵六"}
    assert summits(banquet)["2001-05-09"]["participants"] == {"张三", "李四"}


SIGNED = HEAD + "2001年5月9日，甲国总统[[张三]]与乙国总统[[李四]]在[[某宫]]正式签署和约"


@pytest.mark.parametrize("witnessed, added", [
    ("，丙国国王[[王五]]和丁国总统[[赵六]]出席见证。", {("王五", "丙国国王"), ("赵六", "丁国总统")}),
    ("，丙国总统[[王五]]出席并在和约上签字见证。", {("王五", "丙国总统")}),
    ("。作为东道主，丙国总统[[王五]]主持了签字仪式。", {("王五", "丙国总统")}),
    ("，宣布两国边界问题获得解决。丙国总统[[王五]]以及[[赵六]]的私人代表[[钱七]]亦在文件上签字。", {("王五", "丙国总统")}),
])
def test_the_top_leaders_told_witnessing_a_signing_took_part_in_it(witnessed, added):
    """Leaders at the top told witnessing a signing (出席见证, 主持了签字仪式, signing it too), in its sentence
    or the next, took part in the signing's summit, each with the office written there."""
    text = SIGNED + witnessed
    assert summits(text)["2001-05-09"]["participants"] == {"张三", "李四"} | {who for who, _ in added}
    assert roles_of(text) == {("张三", "甲国总统"), ("李四", "乙国总统")} | added


def test_a_witness_written_bare_takes_the_office_the_article_gives_him():
    text = (HEAD + "和约由丙国总统[[王五]]斡旋达成。\n\n"
            "2001年5月9日，甲国总统[[张三]]与乙国总统[[李四]]在[[某宫]]签署和约，王五作为见证人在和约上签字。")
    assert summits(text)["2001-05-09"]["participants"] == {"张三", "李四", "王五"}
    assert ("王五", "丙国总统") in roles_of(text)


@pytest.mark.parametrize("witnessed", [
    "，丙国王储[[王五]]和丁国外长[[赵六]]出席见证。",  # below the top: a crown prince, a minister
    "，丙国总统[[王五]]作为见证人出席。",  # attending as a witness and no more: a mediator in the room
    "，丙国总统[[王五]]出席了签字仪式后的宴会。",
    "。2002年3月1日，丙国总统[[王五]]出席见证了另一协定的签署。",  # another day's signing
])
def test_those_below_the_top_or_only_attending_or_at_another_signing_do_not_take_part(witnessed):
    assert summits(SIGNED + witnessed)["2001-05-09"]["participants"] == {"张三", "李四"}


@pytest.mark.parametrize("sentence, met", [
    ("甲国总统[[张三]]在[[王五]]访乙50周年之际对乙国进行国事访问，并与乙国总统[[李四]]会谈。", {"张三", "李四"}),
    ("甲国总统[[张三]]与乙国总理[[李四]]共同出席纪念[[王五]]演说五十周年的活动。", {"张三", "李四"}),
    ("甲国总统[[张三]]与乙国总理[[李四]]、丙国总统[[王五]]出席建交50周年庆典并举行会谈。",
     {"张三", "李四", "王五"}),  # an anniversary its holder attends
])
def test_the_one_whose_anniversary_a_meeting_remembers_is_not_at_it(sentence, met):
    assert summits(HEAD + "2014年4月10日，" + sentence)["2014-04-10"]["participants"] == met


def test_a_clause_saying_again_which_day_it_was_does_not_part_the_day_from_its_meeting():
    text = HEAD + ("2018年5月29日，乙国总统[[李四]]访问甲国，与甲国总统[[张三]]会晤。"
                   "同年7月15日，即2018年某杯决赛当天，张三在[[某城]]与李四会晤。")
    assert set(summits(text)) == {"2018-05-29", "2018-07-15"}



def test_a_tables_row_and_the_account_of_the_same_meeting_are_one_summit():
    text = ("'''丙国－丁国关系'''是指[[丙国]]与[[丁国]]之间的双边关系。\n== 高层往来 ==\n"
            "2014年[[李四]]就任[[芬兰总统]]以来多次访问丹麦。下表列出[[丹麦]]首相[[张三]]与[[芬兰]]总统李四的会晤。\n"
            '{| class="wikitable"\n|+ 张三与李四会晤列表\n! 日期 !! 地点 !! 形式 !! 备注\n|-\n'
            "| 2014年12月23日 || [[某城]] || 会谈 || 李四首次以总统身份来访\n|-\n"
            "| 2018年9月1日 || 某城 || 会谈 || 李四来访出席[[某论坛峰会]]\n|-\n"
            "| 2024年5月29日 || 某城 || 会谈 || 李四来访出席某论坛第十届部长级会议开幕式并进行国事访问\n|-\n"
            "| 2025年6月1日 || 某城 || 会谈 || 李四再次来访\n|}\n"
            "== 2024年 ==\n5月29日下午，张三在某城同李四会谈。\n")
    extraction = extract(parse(Page(text=text, origin="t", title="丙国－丁国关系")))
    days = [f.value.isoformat() for f in extraction.facts if f.prop is Prop.START_DATE and f.subject.kind is Kind.SUMMIT]
    assert sorted(days) == ["2014-12-23", "2018-09-01", "2024-05-29", "2025-06-01"]


def test_a_column_of_mediators_adds_them_to_the_pair_the_article_is_about():
    text = ("'''张三与李四会晤'''是指[[甲国总统]][[张三]]与[[乙国总理]][[李四]]之间的一系列会晤。\n== 列表 ==\n"
            '{| class="wikitable"\n! 次序 !! 日期 !! 地点 !! 斡旋方 !! 成果\n|-\n'
            "| 1 || 2019年3月2日 || [[某城]] || [[丙组织]]共同主席国 || —\n|-\n"
            "| 2 || 2021年5月6日 || [[另城]] || [[王五]]、[[赵六]] || 三方声明\n|}\n")
    found = summits(text, title="张三与李四会晤")
    assert found["2019-03-02"]["participants"] == {"张三", "李四"}
    assert found["2021-05-06"]["participants"] == {"张三", "李四", "王五", "赵六"}


@pytest.mark.parametrize("header", ["主持或斡旋方", "斡旋/主办方", "主持方"])
def test_a_column_of_who_hosted_or_mediated_adds_them_to_the_pair_the_article_is_about(header):
    text = ("'''张三与李四会晤'''是指[[甲国总统]][[张三]]与[[乙国总统]][[李四]]在2031年至2036年间的一系列会晤。\n== 列表 ==\n"
            f'{{| class="wikitable"\n! 日期 !! 地点 !! {header} !! 备注\n|-\n'
            "| 2031年3月2日 || [[某城]] || [[丙组织]]共同主席 || 会谈约四小时\n|-\n"
            "| 2033年5月6日 || [[另城]] || 丙国总统[[王五]] || 发表联合声明\n|}\n")
    found = summits(text, title="张三与李四会晤")
    if header == "主持方":  # who chaired: one of the pair, or a third; the column alone does not say the row is the pair's
        assert "2031-03-02" not in found
    else:
        assert found["2031-03-02"]["participants"] == {"张三", "李四"}
        assert found["2033-05-06"]["participants"] == {"张三", "李四", "王五"}


@pytest.mark.parametrize("header, others", [("其他参加者", {"王五"}), ("其余与会领导人", {"王五"}),
                                            ("参加者", None)])  # all who took part: the pair is not the article's to add
def test_a_column_of_the_others_who_took_part_adds_them_to_the_pair_the_article_is_about(header, others):
    text = ("'''张三与李四会晤'''是指[[甲国总统]][[张三]]与[[乙国总理]][[李四]]之间的历次会面。\n== 列表 ==\n"
            f'{{| class="wikitable"\n! 日期 !! 地点 !! 名称 !! {header}\n|-\n'
            "| 2032年3月2日－4日 || [[某城]] || 某城会议 ||\n|-\n"
            "| 2033年5月6日 || [[另城]] || 另城会议 || [[丙国总统]][[王五]]\n|}\n")
    found = summits(text, title="张三与李四会晤")
    if others is None:
        assert found == {}  # a row of one name: fewer than two leaders
    else:
        assert found["2032-03-02"]["participants"] == {"张三", "李四"}
        assert found["2033-05-06"]["participants"] == {"张三", "李四"} | others


def test_a_column_of_one_sides_hosts_headed_by_who_met_the_visitor_lists_them():
    text = ("'''张三访问乙国'''是指[[甲国]]总理[[张三]]对[[乙国]]的历次访问。\n== 列表 ==\n"
            '{| class="wikitable"\n! 次序 !! 日期 !! 地点 !! 乙方主要会见者 !! 性质\n|-\n'
            "| 1 || 2001年4月5日－7日 || [[某城]] || [[李四]]、[[王五]] || 正式访问\n|-\n"
            "| 2 || 2003年6月1日 || 另城 || 王五 || 工作访问\n|}\n")
    found = summits(text, title="张三访问乙国")
    assert found["2001-04-05"]["participants"] == {"张三", "李四", "王五"}
    assert found["2003-06-01"]["participants"] == {"张三", "王五"}


def test_a_column_of_one_sides_hosts_headed_by_the_meeting_they_had_lists_them():
    text = ("'''张三访问乙国'''是指[[甲国]]总理[[张三]]对[[乙国]]的历次访问。\n== 列表 ==\n"
            '{| class="wikitable"\n! 日期 !! 地点 !! 会见的乙方领导人 !! 备注\n|-\n'
            "| 2001年4月5日－7日 || [[某城]] || [[李四]]、[[王五]] || 正式访问\n|-\n"
            "| 2003年6月1日 || 另城 || 王五 || 工作访问\n|}\n")
    found = summits(text, title="张三访问乙国")
    assert found["2001-04-05"]["participants"] == {"张三", "李四", "王五"}
    assert found["2003-06-01"]["participants"] == {"张三", "王五"}
    found = summits(text.replace("会见的乙方领导人", "会谈的中国领导人"), title="张三访问乙国")
    assert found["2003-06-01"]["participants"] == {"张三", "王五"}


def test_a_rows_town_gives_way_to_the_site_inside_it_where_the_prose_tells_the_same_meeting():
    text = ("'''张三访问乙国'''是指[[甲国]]总理[[张三]]对[[乙国]]的历次访问。\n== 列表 ==\n"
            '{| class="wikitable"\n! 次序 !! 日期 !! 地点 !! 乙方主要会见者 !! 性质\n|-\n'
            "| 1 || 2001年4月5日 || [[某城]] || [[李四]]、[[王五]] || 正式访问\n|-\n"
            "| 2 || 2003年6月1日 || [[另城]] || 王五 || 工作访问\n|}\n"
            "== 2001年 ==\n2001年4月5日，李四在[[某城]]的[[某宫]]会见张三。\n")
    found = summits(text, title="张三访问乙国")
    assert found["2001-04-05"]["participants"] == {"张三", "李四", "王五"}
    assert found["2001-04-05"]["venue"] == {"某宫"}
    assert found["2003-06-01"]["venue"] == {"另城"}


def test_a_day_takes_the_year_of_the_report_cited_not_of_a_preview_cited_beside_it():
    text = HEAD + ("6月12日，甲国总统[[张三]]在[[某城]]同乙国总统[[李四]]举行会谈"
                   "<ref>{{cite news |title=张三本周访问乙国 |date=2019-06-09}}</ref>"
                   "<ref>{{cite news |title=张三访问乙国成果丰硕 |date=2019-06-16}}</ref>。\n")
    assert set(summits(text)) == {"2019-06-12"}


def test_a_day_cited_only_to_a_preview_published_days_before_it_is_of_the_previews_year():
    preview = HEAD + ("9月23日，甲国总理[[张三]]在[[某城]]同乙国总统[[李四]]举行会谈"
                      "<ref>{{cite news |title=张三明日将会见李四 |date=2021-09-21}}</ref>。\n")
    report = HEAD + ("12月28日，甲国总理[[张三]]在[[某城]]同乙国总统[[李四]]举行会谈"
                     "<ref>{{cite news |title=回顾张三与李四的会谈 |date=2022-01-05}}</ref>。\n")
    assert set(summits(preview)) == {"2021-09-23"}
    assert set(summits(report)) == {"2021-12-28"}  # published after the day: of the year before


@pytest.mark.parametrize("sentence", [
    "1998年10月18日，某基金会董事长[[王五]]在[[某城]]与乙国主席[[李四]]会面。",
    "1998年10月14日，某协会会长[[赵六]]在[[某城]]与某基金会董事长[[王五]]会晤。",
])
def test_the_head_of_a_society_or_a_foundation_holds_no_summit(sentence):
    assert summits(HEAD + sentence) == {}


def test_the_heads_an_article_is_about_hold_a_summit_together_only():
    head = "'''王赵会谈'''是某基金会董事长[[王五]]与某协会会长[[赵六]]的会谈。\n== 经过 ==\n"
    together = "2031年4月2日，王五与赵六在[[某城]]举行会谈。"
    with_a_leader = "2036年10月8日，王五在[[某城]]与乙国主席[[李四]]会面。"
    assert set(summits(head + together, title="王赵会谈")) == {"2031-04-02"}
    assert set(summits(head + together + with_a_leader, title="王赵会谈")) == {"2031-04-02"}


@pytest.mark.parametrize("said", ["李四缺席，会晤未能举行", "因疫情取消，未举行", "已取消"])
def test_a_table_cell_saying_the_meeting_was_not_held_undoes_its_row_whatever_its_column(said):
    """``李四缺席，会晤未能举行``, or a clause of its own (``因某疫情取消，未举行``) in any column: no summit; not a clause
    of something else called off (``原定的晚宴取消``), whose meeting was held."""
    text = ("'''甲乙会晤'''是[[甲国]]与[[乙国]]领导人的会晤。\n== 历次会晤 ==\n{| class=\"wikitable\"\n"
            "! 次序 !! 日期 !! 地点 !! 与会者 !! 成果\n|-\n"
            "| 1 || 2021年3月2日 || [[某城]] || [[张三]]、[[李四]] || 联合声明\n|-\n"
            f"| — || 2022年5月6日 || [[另城]] || [[张三]]、[[李四]] || {said}\n|}}\n")
    assert set(summits(text)) == {"2021-03-02"}
    assert set(summits(text.replace(said, "会谈后原定的晚宴取消"))) == {"2021-03-02", "2022-05-06"}


def test_those_a_meeting_follows_as_its_precedent_did_not_take_part():
    text = HEAD + ("2000年6月13日，韩国总统[[王五]]与朝鲜国防委员长[[钱七]]在[[某城]]会晤。"
                   "2007年10月2日，韩国总统[[赵六]]与钱七在某城会晤。\n\n"
                   "2018年9月18日至20日，韩国总统[[张三]]访问某城，与朝鲜国务委员长[[李四]]举行会晤，"
                   "成为继王五、赵六之后第三位在任内访问某城的韩国总统。")  # real states: whose side each is
    assert summits(text)["2018-09-18"]["participants"] == {"张三", "李四"}


def test_a_name_in_what_is_said_at_the_meeting_is_no_participant():
    before = HEAD + "1971年，乙国总理[[王五]]访问甲国。\n\n"
    assert summits(before + "2021年3月4日，甲国主席[[张三]]在某城会见乙国总理[[李四]]，"
                   "称今年恰逢王五首次访问甲国五十周年。")["2021-03-04"]["participants"] == {"张三", "李四"}
    assert summits(before + "2021年3月4日，甲国主席[[张三]]在某城会见乙国总理[[李四]]，张三说，「饮水思源」，"
                   "甲国人民不会忘记王五。")["2021-03-04"]["participants"] == {"张三", "李四"}


def test_a_column_of_whom_a_tour_mainly_met_lists_the_hosts_of_its_one_visitor():
    text = ("'''张三出访'''是指[[甲国]]总理[[张三]]出访乙国、丙国。\n== 日程 ==\n"
            '{| class="wikitable"\n|+ 访问日程\n! 国家 !! 日期 !! 主要会见者 !! 成果\n|-\n'
            "| 乙国 || 1970年3月2日－5日 || [[李四]]总统 || 《联合声明》\n|-\n"
            "| 丙国 || 1970年3月6日 || 国王[[王五]] || \n|}\n")
    found = summits(text, title="张三出访")
    assert found["1970-03-02"]["participants"] == {"张三", "李四"}
    assert found["1970-03-06"]["participants"] == {"张三", "王五"}


def test_the_chairman_of_a_revolutionary_council_that_rules_a_state_is_its_top_leader():
    council = HEAD + "1970年3月6日，甲国总理[[张三]]与缅甸革命委员会主席[[李四]]在[[某城]]举行会谈。"
    assert summits(council)["1970-03-06"]["participants"] == {"张三", "李四"}


def test_a_leader_welcoming_the_visitor_on_arrival_meets_him_that_day():
    text = HEAD + "2019年3月3日，甲国总统[[张三]]抵达[[某城]]，乙国总理[[李四]]到机场迎接。"
    assert meetings(text) == [("2019-03-03", frozenset({"张三", "李四"}))]


@pytest.mark.parametrize("sentence", [
    "2019年3月3日，甲国总统[[张三]]抵达[[某城]]，乙国外长[[王五]]到机场迎接。",
    "2019年3月3日，甲国代表团返抵[[某城]]，甲国总统[[张三]]、总理[[李四]]等到机场迎接。",
    "2019年3月3日，甲国总统[[张三]]在会场门口迎接各国领导人，乙国总理[[李四]]与他握手。",
])
def test_an_officials_welcome_or_a_welcome_of_all_the_guests_is_no_meeting(sentence):
    assert meetings(HEAD + sentence) == []


@pytest.mark.parametrize("sentence, end", [
    ("2019年3月3日，甲国总统[[张三]]抵达[[某城]]，乙国总理[[李四]]到机场迎接。6日，张三结束访问。", "2019-03-06"),
    ("2019年3月3日，甲国总统[[张三]]抵达[[某城]]，乙国总理[[李四]]到机场迎接；3月5日，两国元首签署联合声明。",
     "2019-03-05"),
    ("2019年3月3日，甲国总统[[张三]]抵达[[某城]]，乙国总理[[李四]]到机场迎接。3月5日，张三参观[[某馆]]。", "2019-03-03"),
    ("2019年3月3日，甲国总统[[张三]]抵达[[某城]]，乙国总理[[李四]]到机场迎接。访问期间，张三还参观了[[某馆]]，"
     "5日举行告别宴会，6日结束访问。", "2019-03-06"),
])
def test_a_welcome_on_arrival_begins_the_visit_which_spans_to_its_end_told_in_the_paragraph(sentence, end):
    found = summits(HEAD + sentence)
    assert set(found) == {"2019-03-03"}
    assert found["2019-03-03"]["end"] == end


def test_a_later_welcome_on_the_same_visit_is_no_summit_of_its_own():
    text = HEAD + ("2019年3月3日，甲国总统[[张三]]抵达[[某城]]，乙国总理[[李四]]到机场迎接。\n\n"
                   "3月6日，张三抵达[[另城]]，李四亲自到码头迎接。")
    assert set(summits(text)) == {"2019-03-03"}


def test_a_welcome_on_the_eve_of_a_gathering_the_visitor_came_for_is_no_summit_of_its_own():
    text = HEAD + ("2019年3月3日晚，甲国总统[[张三]]抵达[[某城]]，乙国总理[[李四]]到机场迎接。\n\n"
                   "3月4日，第三届某某峰会在某城举行，张三出席。")
    assert "2019-03-03" not in summits(text)


def test_a_welcome_on_arrival_is_not_held_where_the_next_event_of_its_sentence_is():
    text = HEAD + ("2019年3月3日，甲国总统[[张三]]抵达[[某城]]，乙国总理[[李四]]到机场迎接，"
                   "两人一同出席在[[某体育场]]举行的集会。")
    assert "某体育场" not in summits(text)["2019-03-03"]["venue"]


def test_talks_later_in_the_section_are_of_the_visit_a_welcome_began():
    text = HEAD + ("2019年3月3日，甲国总统[[张三]]抵达[[某城]]，乙国总理[[李四]]到机场迎接。\n\n"
                   "3月7日，张三与李四在[[另城]]举行会谈。")
    found = summits(text)
    assert set(found) == {"2019-03-03"}
    assert found["2019-03-03"]["end"] == "2019-03-07"


def test_those_named_after_the_welcome_did_not_meet():
    text = HEAD + "2019年3月3日，甲国总统[[张三]]抵达[[某城]]，乙国总理[[李四]]到机场迎接，并让其女儿、日后的乙国总统[[李五]]出面接待。"
    assert summits(text)["2019-03-03"]["participants"] == {"张三", "李四"}


def test_talks_in_the_welcomes_paragraph_fold_into_the_visit_it_spans():
    text = HEAD + "2019年3月3日，甲国总统[[张三]]抵达[[某城]]，乙国总理[[李四]]到机场迎接。5日，张三与李四举行会谈。"
    found = summits(text)
    assert set(found) == {"2019-03-03"}
    assert found["2019-03-03"]["end"] == "2019-03-05"


VISIT_LEAD = ("'''2019年张三访问乙国'''是指[[甲国总统]][[张三]]应[[乙国总理]][[李四]]邀请，"
              "于2019年3月对[[乙国]]进行的正式访问。\n")


def test_a_welcome_at_a_lodging_is_held_in_the_town_the_visitor_arrived_at_not_the_leads_state():
    arrived = "== 抵达 ==\n2019年3月3日晚，张三乘专机抵达[[某岛]]。\n"
    welcome = "== 会谈 ==\n2019年3月3日晚，李四在下榻的酒店迎接张三，并举行欢迎晚宴。\n"
    assert summits(VISIT_LEAD + arrived + welcome)["2019-03-03"]["venue"] == {"某岛"}
    assert summits(VISIT_LEAD + welcome)["2019-03-03"]["venue"] == set()


def test_a_welcome_writing_one_sides_office_carries_none_from_the_lead_to_the_other():
    later = "== 后续 ==\n2021年5月6日，[[丙国总统]][[王五]]抵达[[某城]]，李四到机场迎接。\n"
    assert roles_by_day(VISIT_LEAD + later)["2021-05-06"] == {("王五", "丙国总统")}
    bare = "== 后续 ==\n2021年5月6日，[[王五]]抵达[[某城]]，李四到机场迎接。\n"
    assert ("李四", "乙国总理") in roles_by_day(VISIT_LEAD + "丙国总统王五。\n" + bare).get("2021-05-06", set())


def test_a_welcome_writing_the_hosts_office_carries_the_leads_office_to_the_one_welcomed_after_it():
    # 乙国总理李四在某酒店迎接张三: the sentence writes the host's office and names the visitor only as the one
    # welcomed, no side bare beside it: 张三's office from the lead is carried
    after = "== 后续 ==\n2033年5月6日晚，乙国总理李四在下榻的[[某酒店]]迎接张三。\n"
    assert roles_by_day(VISIT_LEAD + after) == {"2033-05-06": {("张三", "甲国总统"), ("李四", "乙国总理")}}
    # near-misses: the visitor named bare before the welcome (张三抵达某城，…迎接), or the host, beside the
    # other side's office gets none from the lead
    before = "== 后续 ==\n2033年5月6日，张三抵达[[某城]]，乙国总理李四到机场迎接。\n"
    assert roles_by_day(VISIT_LEAD + before) == {"2033-05-06": {("李四", "乙国总理")}}
    host = "== 后续 ==\n2033年5月6日，甲国总统张三抵达[[某城]]，李四到机场迎接。\n"
    assert roles_by_day(VISIT_LEAD + host) == {"2033-05-06": {("张三", "甲国总统")}}


def test_a_signing_told_alone_after_the_talks_of_a_welcomed_visit_is_of_that_visit():
    text = HEAD + ("2019年3月3日，甲国总统[[张三]]抵达[[某城]]，乙国总理[[李四]]到机场迎接。\n\n"
                   "张三随后访问了[[另城]]。3月5日，两国元首在[[另城]]举行会谈。3月8日，张三与李四在[[某宫]]签署联合声明。")
    assert set(summits(text)) == {"2019-03-03"}


def test_a_later_welcome_on_the_same_visit_tells_how_long_the_visit_goes_on():
    text = HEAD + ("2019年3月3日，甲国总统[[张三]]抵达[[某城]]，乙国总理[[李四]]到机场迎接。\n\n"
                   "3月6日，张三抵达[[另城]]，李四亲自到码头迎接；8日，张三离开乙国。")
    found = summits(text)
    assert set(found) == {"2019-03-03"}
    assert found["2019-03-03"]["end"] == "2019-03-08"


def test_a_welcome_on_the_first_day_of_the_boxed_visit_leaves_the_boxs_days_standing():
    text = ("{{Infobox event\n| title = 甲乙会晤\n| participants = [[张三]]、[[李四]]\n"
            "| date = {{Start date|2019|3|3}}－{{End date|2019|3|20}}\n}}\n"
            "'''甲乙会晤'''是[[甲国]]总统[[张三]]对[[乙国]]的访问。\n== 经过 ==\n"
            "2019年3月3日，甲国总统[[张三]]抵达[[某城]]，乙国总理[[李四]]到机场迎接。"
            "此后数日，双方在某城举行会谈。3月9日，张三离开乙国前往[[丙国]]。")
    found = summits(text)
    assert found["2019-03-03"]["end"] == "2019-03-20"  # the box's end, not the day the paragraph's visitor left


def test_a_pronoun_met_after_a_named_leader_stands_for_the_one_the_sentence_before_names():
    text = HEAD + "1982年9月，乙国总理[[李四]]访问甲国。9月24日，甲国总统[[张三]]在[[某宫]]与她会谈。"
    assert summits(text) == {"1982-09-24": {"end": "1982-09-24", "participants": {"张三", "李四"},
                                            "ordinal": set(), "venue": {"某宫"}}}
    later = HEAD + "1982年9月，丙国总理[[王五]]访问甲国。9月24日，乙国总理[[李四]]抵达某城，甲国总统[[张三]]在[[某宫]]与他会谈。"
    assert summits(later)["1982-09-24"]["participants"] == {"张三", "李四"}  # 他 is 李四, named in its own sentence


def test_the_pope_named_after_his_title_is_a_leader_met():
    text = HEAD + "2007年3月13日，甲国总统[[张三]]在[[某城]]与教宗[[某济各]]会面。"
    assert summits(text) == {"2007-03-13": {"end": "2007-03-13", "participants": {"张三", "某济各"},
                                            "ordinal": set(), "venue": {"某城"}}}


def test_the_popes_word_alone_is_the_one_pope_the_article_links():
    """``[[教宗]]`` written alone for the pope of the day is the one pope the article links (``[[某济各 (教宗)|某济各]]``):
    its talks told with the word alone are his; an article linking two popes leaves the word alone."""
    text = (HEAD + "甲国总统[[张三]]多次与[[教宗]][[某济各 (教宗)|某济各]]会面。\n\n"
            "2034年11月26日，张三再访[[梵蒂冈]]，与教宗在[[宗座宫]]会谈约一小时。")
    assert summits(text)["2034-11-26"]["participants"] == {"张三", "某济各"}
    two = text.replace("会面。", "会面，此前也曾会见[[某笃十六世 (教宗)|某笃十六世]]。")
    assert "2034-11-26" not in summits(two)  # the word alone names no one of the two, so no leader met


def test_a_meeting_in_what_someone_wrote_online_is_no_meeting_of_that_day():
    """``张三当天在推特上写道，与李四会面是一生的荣幸``: what follows 写道 is what he wrote, as after 表示 or 称, not a
    meeting held on the day last named."""
    text = (HEAD + "2035年5月24日，甲国总统[[张三]]在[[某城]]与乙国总统[[李四]]会谈。"
            "随后张三于5月26日飞往[[某镇]]出席峰会。张三当天在推特上写道，与李四会面是“一生的荣幸”。")
    assert set(summits(text)) == {"2035-05-24"}
    said = text.replace("写道", "表示")
    assert set(summits(said)) == {"2035-05-24"}


def test_a_linked_name_ending_in_a_regnal_number_is_a_person_met():
    text = HEAD + "2003年11月5日，甲国总统[[张三]]在[[某城]]与[[某某二世]]会晤。"
    assert summits(text)["2003-11-05"]["participants"] == {"张三", "某某二世"}



#: A visit told in one paragraph (real states: whose side each leader is).
_VISIT = "2021年5月6日，德国总理[[张三]]对[[法国]]进行正式访问。当天，法国总统[[李四]]在[[某城]]会见张三。"


@pytest.mark.parametrize("later", ["访问期间，法国总理[[王五]]同张三举行会谈。", "张三同时与法国总理[[王五]]会谈。",
                                   "访问期间，张三还同法国总理[[王五]]会晤。", "访问期间，法国总理[[王五]]同他举行会谈。"])
def test_talks_told_later_in_a_visits_paragraph_take_their_top_leader_into_its_summit(later):
    text = HEAD + _VISIT + later
    assert summits(text)["2021-05-06"]["participants"] == {"张三", "李四", "王五"}
    assert ("王五", "法兰西共和国总理") in roles_by_day(text)["2021-05-06"]


@pytest.mark.parametrize("later", ["2023年秋，法国总理[[王五]]同张三会面。", "此访之后不到一个月，张三便与法国总理[[王五]]会晤。",
                                   "访问期间，张三还同西班牙首相[[王五]]会晤。"])
def test_talks_of_another_time_or_a_third_side_stay_apart_from_the_visit(later):
    assert summits(HEAD + _VISIT + later)["2021-05-06"]["participants"] == {"张三", "李四"}



#: A visit told day by day, its talks on the 7th (real states: whose side each leader is).
_STATE_VISIT = "德国总理[[张三]]于2021年5月6日至8日对[[法国]]进行国事访问。7日，张三与法国总理[[王五]]在[[某城]]举行会谈。"


@pytest.mark.parametrize("welcome", ["次日，法国总统[[李四]]在[[某宫]]为张三举行隆重的欢迎仪式。",
                                     "当晚，法国总统[[李四]]在[[某宫]]为张三夫妇举行欢迎晚宴。",
                                     "当晚，法国总统[[李四]]为他举行欢迎宴会。"])
def test_a_hosts_welcome_ceremony_on_a_visits_days_takes_the_host_into_it(welcome):
    text = HEAD + _STATE_VISIT + welcome
    assert summits(text)["2021-05-06"]["participants"] == {"张三", "王五", "李四"}
    assert ("李四", "法兰西共和国总统") in roles_by_day(text)["2021-05-06"]


@pytest.mark.parametrize("welcome", ["当晚，张三在[[某馆]]为法国总统[[李四]]举行欢迎宴会。",  # 张三 hosts: 李四 is its guest
                                     "当晚，法国总统[[李四]]在[[某宫]]设国宴款待张三。",  # a banquet alone: a host who holds no talks
                                     "2021年6月2日，法国总统[[李四]]为张三举行欢迎仪式。"])
def test_the_one_a_welcome_is_for_a_banquet_alone_and_a_welcome_after_the_visit_take_no_one_into_it(welcome):
    assert summits(HEAD + _STATE_VISIT + welcome)["2021-05-06"]["participants"] == {"张三", "王五"}


def test_a_tours_leg_runs_from_its_arrival_to_the_day_it_leaves():
    text = ("'''张三出访'''是甲国总统[[张三]]于2019年3月21日至28日对[[德国]]、[[法国]]和[[意大利]]进行的国事访问。\n== 行程 ==\n"
            "=== 德国 ===\n3月21日，张三抵达[[柏林]]，开始对德国进行国事访问。22日，张三同德国总统[[李四]]举行会谈。\n"
            "=== 法国 ===\n3月23日晚，张三抵达[[巴黎]]。24日上午，张三与法国总统[[王五]]举行会谈。"
            "25日，张三结束对法国的访问，前往意大利。\n"
            "=== 意大利 ===\n3月26日，张三抵达[[罗马]]，27日与意大利总理[[赵六]]举行会谈。28日，张三离开罗马回国。\n")
    extraction = extract(parse(Page(text=text, origin="t", title="张三出访")))
    starts = sorted(f.value.isoformat() for f in extraction.facts if f.prop is Prop.START_DATE)
    ends = sorted(f.value.isoformat() for f in extraction.facts if f.prop is Prop.END_DATE)
    assert starts == ["2019-03-21", "2019-03-23", "2019-03-26"]  # each leg from the day its section has it arrive
    assert ends == ["2019-03-22", "2019-03-25", "2019-03-28"]  # to the day it leaves, else its section's last day

def test_a_leg_of_a_boxed_tour_runs_from_its_arrival_to_the_day_it_leaves():
    """Inside a tour an infobox dates as a whole (``{{Start date|…}}－{{End date|…}}``), the first leg's
    talks are not the box's summit: they run from the leg's arrival to the day it has the leader leave
    (``22日下午，张三离开柏林，前往法国``), which legs.legs_run_to_the_next reads where the section's own
    reading of its arrival gives way to the box."""
    text = ("{{Infobox event\n| title = 张三出访\n| date = {{Start date|2019|3|21}}－{{End date|2019|3|28}}\n"
            "| location = [[柏林]]<br />[[巴黎]]<br />[[罗马]]\n| type = [[国事访问]]\n"
            "| participants = [[张三]]<br />[[李四]]<br />[[王五]]<br />[[赵六]]\n}}\n"
            "'''张三出访'''是甲国总统[[张三]]于2019年3月21日至28日对[[德国]]、[[法国]]和[[意大利]]进行的国事访问。\n"
            "== 行程 ==\n=== 德国 ===\n3月21日，张三抵达德国[[柏林]]，开始对德国进行国事访问。当天下午，德国总统[[李四]]"
            "迎接张三，随后两国元首举行会谈。\n\n3月22日上午，张三在[[某中心]]发表演讲。22日下午，张三离开柏林，前往法国。\n"
            "=== 法国 ===\n3月22日晚，张三抵达[[巴黎]]，开始对法国进行国事访问。23日，张三与法国总统[[王五]]举行会谈。"
            "25日，张三离开巴黎，前往意大利。\n"
            "=== 意大利 ===\n3月26日，张三抵达[[罗马]]，当天与意大利总理[[赵六]]举行会谈。28日，张三离开罗马回国。\n")
    extraction = extract(parse(Page(text=text, origin="t", title="张三出访")))
    starts = {f.subject.key: f.value.isoformat() for f in extraction.facts if f.prop is Prop.START_DATE}
    ends = {f.subject.key: f.value.isoformat() for f in extraction.facts if f.prop is Prop.END_DATE}
    assert ("2019-03-21", "2019-03-22") in {(starts[key], ends.get(key)) for key in starts}


def test_the_two_leaders_a_meeting_refers_back_to_are_those_told_before_it_not_after():
    """``两国领导人在某城举行会谈`` names the two the sentence before it told (the visitor arriving, the
    host meeting him), not a companion of a later day (``9月14日，甲在丙国总理某陪同下参观``), whom a
    cited source's title may name too."""
    text = ("'''林默访问戊国'''是甲国总统[[林默]]于2027年9月12日至15日对[[戊国]]进行的国事访问。\n== 行程 ==\n"
            "9月12日，林默抵达[[戊都]]，戊国总统[[高原]]到机场迎接。两国领导人在戊都举行会谈"
            "<ref>{{cite news |title=林默总统在石川总理陪同下参观某港 |date=2027-09-15}}</ref>。"
            "9月14日，林默在戊国总理[[石川]]陪同下参观[[某港]]。\n")
    assert summits(text, title="林默访问戊国")["2027-09-12"]["participants"] == {"林默", "高原"}


_MONTH_LEAD = "'''林默出访'''是甲国总统[[林默]]于2027年9月对[[戊国]]和[[己国]]进行的国事访问。\n"


@pytest.mark.parametrize("lead", [_MONTH_LEAD, _MONTH_LEAD.replace("于2027年9月", "于2027年9月至10月")])
def test_days_without_a_year_are_of_the_month_the_lead_dates_the_visit_in(lead):
    """A visit the lead dates by its month alone (``于2027年9月对戊国…进行的国事访问``) gives its year to
    the days its sections tell without one, past a background of an earlier year."""
    text = (lead + "== 背景 ==\n2025年，戊国总统[[高原]]访问甲国。\n== 访问戊国 ==\n"
            "9月12日，林默抵达[[戊都]]，高原到机场迎接。两国元首随后在戊都举行会谈。\n")
    assert set(summits(text, title="林默出访")) == {"2027-09-12"}


def test_a_visit_the_lead_dates_by_its_month_alone_makes_no_summit_of_a_plan():
    text = (_MONTH_LEAD + "== 背景 ==\n2025年，戊国总统[[高原]]访问甲国。\n== 访问戊国 ==\n"
            "9月12日，林默原定在[[戊都]]与高原举行会谈，后因故取消。\n")
    assert summits(text, title="林默出访") == {}


_TOUR = ("'''奥马尔南巡'''是甲国总统[[塔里克·奥马尔]]于2031年3月对[[乙国]]和[[丙国]]进行的国事访问。\n"
         "== 访问乙国 ==\n3月2日，奥马尔抵达[[乙都]]，开始对乙国进行国事访问。奥马尔在总统府同[[乙国总统]][[卡洛斯·门多萨]]"
         "举行会谈，两国元首签署联合声明。\n== 访问丙国 ==\n3月6日，奥马尔抵达[[丙都]]，这是丙国独立以来首位到访的甲国元首。{}\n")


def test_talks_told_after_the_arrival_without_a_day_are_on_the_day_of_arriving():
    """A tour's stop told arrival first (``3月2日，甲抵达某都``), then its talks in a sentence of their own
    with no day, opening with the visitor or his pronoun (``甲在总统府同乙国总统乙举行会谈``): the talks
    are on the day the paragraph has him arrive."""
    found = summits(_TOUR.format("他在议会大厦与[[丙国总理]][[维克多·萨拉斯]]会晤。"), title="奥马尔南巡")
    assert {day: found[day]["participants"] for day in found} == {
        "2031-03-02": {"塔里克·奥马尔", "卡洛斯·门多萨"}, "2031-03-06": {"塔里克·奥马尔", "维克多·萨拉斯"}}


@pytest.mark.parametrize("sentence", [
    "奥马尔表示希望与[[丙国总理]][[维克多·萨拉斯]]举行会谈。",  # a wish, no meeting held
    "奥马尔同[[丙国外长]][[马里奥·鲁伊斯]]举行会谈。",  # a minister, below the top
    "奥马尔同[[丙国总理]][[维克多·萨拉斯]]通电话。",  # a call
    "[[丙国总理]][[维克多·萨拉斯]]此前曾与奥马尔会晤。",  # opening with another, of another time
])
def test_a_sentence_after_the_arrival_that_tells_no_talks_of_the_visitor_makes_no_summit(sentence):
    assert set(summits(_TOUR.format(sentence), title="奥马尔南巡")) == {"2031-03-02"}


@pytest.mark.parametrize("sentence", [
    "[[丙国总理]][[维克多·萨拉斯]]在总理府会见奥马尔，两人共同出席签字仪式。",
    "[[丙国总理]][[维克多·萨拉斯]]在总理府为其举行欢迎仪式，随后两人举行会谈。",
    "[[丙国总理]][[维克多·萨拉斯]]迎接了他，两人随即举行会谈。",
    "中午，[[丙国总理]][[维克多·萨拉斯]]在总理府与奥马尔举行会晤。",
])
def test_talks_told_after_the_arrival_from_the_hosts_side_are_on_the_day_of_arriving(sentence):
    """A tour's stop told arrival first, then, in a sentence with no day, the host receiving the visitor
    (``乙国总统乙在总统府会见甲``, ``乙为其举行欢迎仪式，随后两人举行会谈``): the talks are on the day the
    paragraph has him arrive."""
    found = summits(_TOUR.format(sentence), title="奥马尔南巡")
    assert {day: found[day]["participants"] for day in found} == {
        "2031-03-02": {"塔里克·奥马尔", "卡洛斯·门多萨"}, "2031-03-06": {"塔里克·奥马尔", "维克多·萨拉斯"}}


@pytest.mark.parametrize("sentence", [
    "[[丙国外长]][[马里奥·鲁伊斯]]在机场会见奥马尔。",  # below the top
    "[[丙国总理]][[维克多·萨拉斯]]在机场迎接奥马尔。",  # a welcome, no talks told
    "[[丙国总理]][[维克多·萨拉斯]]此前曾在某城会见奥马尔。",  # another time
    "[[丙国总理]][[维克多·萨拉斯]]陪同奥马尔参观[[某馆]]；[[丙国外长]][[马里奥·鲁伊斯]]会见奥马尔。",  # only goes along
    "当晚，[[丙国总理]][[维克多·萨拉斯]]在官邸与奥马尔共进晚餐。",  # the evening's dinner, apart
])
def test_a_sentence_after_the_arrival_opening_with_another_that_tells_no_hosts_talks_makes_no_summit(sentence):
    assert set(summits(_TOUR.format(sentence), title="奥马尔南巡")) == {"2031-03-02"}


def test_once_the_day_of_arriving_told_its_talks_another_host_receiving_the_visitor_is_no_summit_of_that_day():
    told = ("[[丙国总统]][[费尔南多·罗哈斯]]当天下午在总统府会见奥马尔。"
            "[[丙国总理]][[维克多·萨拉斯]]在总理府会见奥马尔。")
    found = summits(_TOUR.format(told), title="奥马尔南巡")
    assert {day: found[day]["participants"] for day in found} == {
        "2031-03-02": {"塔里克·奥马尔", "卡洛斯·门多萨"}, "2031-03-06": {"塔里克·奥马尔", "费尔南多·罗哈斯"}}


TWO_STATES_TOUR = ("'''2019年张三访问西非两国'''是甲国总理[[张三]]于2019年3月9日至10日对[[加纳]]和[[多哥]]的访问。\n"
        "== 行程 ==\n=== 加纳（3月9日） ===\n3月9日，张三抵达[[阿克拉]]，同加纳总统[[李四]]举行会谈。\n")


@pytest.mark.parametrize("word", ["次日", "翌日"])
def test_the_next_day_opening_a_section_headed_by_its_day_is_that_day(word):
    text = TWO_STATES_TOUR + f"=== 多哥（3月10日） ===\n{word}上午，张三飞抵[[洛美]]，随后与多哥总统[[王五]]举行会谈。\n"
    found = summits(text, title="2019年张三访问西非两国")
    assert found["2019-03-10"]["participants"] == {"张三", "王五"}
    assert "2019-03-11" not in found


def test_the_next_day_told_after_the_headings_day_is_the_day_after_it():
    text = TWO_STATES_TOUR + ("=== 多哥（3月10日） ===\n3月10日，张三抵达[[洛美]]，出席欢迎晚宴。"
                   "次日上午，张三与多哥总统[[王五]]举行会谈。\n")  # not the section's opening: counts from its day
    found = summits(text, title="2019年张三访问西非两国")
    assert found["2019-03-10"]["end"] == "2019-03-11"  # the stay runs from arrival to the talks the day after


ONCE_SPEAKER = ("'''甲乙会晤'''是[[甲国]]总统[[张三]]与[[乙国]]总统[[李四]]于2017年4月5日在[[某城]]举行的会晤。\n"
                "== 背景 ==\n{then}2013年4月6日，张三在[[某岛]]同李四举行会谈。\n"
                "== 经过 ==\n2017年4月5日，张三与李四在[[某城]]举行会谈。")


def test_an_office_held_then_says_nothing_of_a_later_meeting():
    # 时任: the text says 李四 was speaker in 2010; in 2013 he met 张三 as the president the lead calls him
    text = ONCE_SPEAKER.format(then="2010年3月，时任乙国议长的李四访问甲国，同张三首次见面。")
    assert {day: summit["participants"] for day, summit in summits(text).items()} == {
        "2013-04-06": {"张三", "李四"}, "2017-04-05": {"张三", "李四"}}


def test_an_office_not_said_to_be_held_then_is_the_nearest_in_time():
    # no 时任: 乙国议长 in 2010 is nearer to 2013 than the lead's 总统 in 2017, so the talks are a speaker's
    text = ONCE_SPEAKER.format(then="2010年3月，乙国议长李四访问甲国，同张三首次见面。")
    assert set(summits(text)) == {"2017-04-05"}


def test_the_sentence_before_of_another_year_lends_no_office():
    text = ("'''甲乙会晤'''是[[甲国]]总统[[张三]]于2024年5月8日对[[乙国]]进行的国事访问，同乙国总理[[李四]]举行会谈。\n"
            "== 背景 ==\n2009年，时任甲国副总统的张三曾访问乙国。2023年10月17日上午，张三在[[某城]]会见乙国总理李四。")
    assert set(summits(text)) == {"2023-10-17", "2024-05-08"}


def test_a_successor_whose_side_no_office_gives_takes_no_predecessor_from_the_neighbours():
    # 张三 and 王五, whose sides no office gives (国家主席, 继任的国务委员会主席), stand for the two sides at the
    # 2028 talks: the summits before and after, whose 古巴 is 王五's predecessor 李四, add no one to them
    text = ("'''张三访问古巴'''是国家主席[[张三]]对[[古巴]]的访问。\n== 背景 ==\n"
            "2036年11月22日，时任国家主席[[张三]]抵达[[哈瓦那]]，随即同古巴国务委员会主席[[李四]]举行会谈。"
            "2028年11月，张三再度访问古巴，并于18日在哈瓦那同继任的国务委员会主席[[王五]]举行会谈。\n"
            "== 后续 ==\n2030年5月3日，中国国家主席[[赵六]]在[[某城]]会见古巴国务委员会主席[[李四]]。")
    assert {day: summit["participants"] for day, summit in summits(text, "张三访问古巴").items()} == {
        "2036-11-22": {"张三", "李四"}, "2028-11-18": {"张三", "王五"}, "2030-05-03": {"赵六", "李四"}}


def test_meetings_told_one_by_one_on_a_tour_of_places_visited_in_turn_are_not_on_its_first_day():
    tour = HEAD + ("2031年9月26日，甲国首相[[张三]]从[[某都]]启程，先后访问[[乙国]]、[[丙国]]和[[丁国]]，"
                   "分别同乙国总统[[李四]]、丙国首相[[王五]]和丁国总理[[赵六]]会谈。")
    assert summits(tour) == {}
    one_town = HEAD + "2031年9月26日，甲国首相[[张三]]在[[某都]]分别同乙国总统[[李四]]、丙国首相[[王五]]会谈。"
    assert set(summits(one_town)) == {"2031-09-26"}


def test_a_welcome_on_a_day_of_the_visit_takes_no_leader_from_the_neighbours():
    # 李四 alone welcomes 张三 on the visit's first day: part of the visit, not a meeting 张三 is filled into
    # from the meetings before and after; a meeting of 李四 alone apart from the visit (6月1日) still is
    text = ("'''张三访问德国'''是[[法国]]总统[[张三]]应[[德国]]总统[[赵六]]和总理[[李四]]邀请，"
            "于2024年5月8日至10日对德国进行的国事访问。\n"
            "== 背景 ==\n2023年10月17日，张三在[[某城]]会见来访的德国总理李四。\n"
            "== 行程 ==\n=== 5月8日 ===\n5月8日晚，张三乘专机抵达[[某都]]。李四夫妇、外长[[王五]]等到机场迎接。\n"
            "=== 5月9日 ===\n5月9日上午，张三先后同赵六和李四举行会谈。\n"
            "== 后续 ==\n2024年6月1日，李四在[[某镇]]举行会谈。2024年7月8日，李四访问法国，张三在[[某宾馆]]同他举行会谈。")
    assert {day: (summit["end"], summit["participants"]) for day, summit in summits(text, "张三访问德国").items()} == {
        "2023-10-17": ("2023-10-17", {"张三", "李四"}),
        "2024-05-08": ("2024-05-10", {"张三", "李四", "赵六"}),
        "2024-06-01": ("2024-06-01", {"张三", "李四"}),
        "2024-07-08": ("2024-07-08", {"张三", "李四"}),
    }


@pytest.mark.parametrize("text, end", [
    ("2019年5月24日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈。\n\n"
     "25日，张三前往[[另城]]，26日结束对乙国的访问。", "2019-05-26"),
    ("2019年5月24日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈。26日上午，张三离开某城回国。", "2019-05-26"),
    ("2019年5月24日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈。\n\n"
     "5月25日，张三参观[[某馆]]。\n\n5月26日，张三结束访问回国。", "2019-05-26"),
    # the guest takes leave of the host (辞行), or the host of the guest: the visit's last act
    ("2019年5月24日，甲国总理[[张三]]前往[[某村]]，与乙国总理[[李四]]举行会谈。\n\n"
     "张三在某村留宿一夜，第二天清晨用过早点后向李四辞行。", "2019-05-25"),
    ("2019年5月24日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会谈。\n\n"
     "5月26日上午，乙国国王[[王五]]前往[[某馆]]向张三辞行。", "2019-05-26"),
])
def test_a_summit_of_a_visit_spans_to_the_day_its_visitor_goes_home(text, end):
    found = summits(HEAD + text)
    assert set(found) == {"2019-05-24"}
    assert found["2019-05-24"]["end"] == end


@pytest.mark.parametrize("text, day", [
    # a tour's next stop comes first: the visit to 乙国 is over
    ("2019年5月24日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈。25日，张三抵达[[丙国]]。28日，张三结束访问回国。",
     "2019-05-24"),
    # going home more than a week later
    ("2019年5月2日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈。5月20日，张三结束访问回国。", "2019-05-02"),
    # a stay of several days elsewhere comes first
    ("2019年5月24日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈。5月25日至26日：张三过境[[丙国]]，26日返抵甲国。",
     "2019-05-24"),
    # talks on an occasion the visitor came for
    ("2019年5月24日，甲国总统[[张三]]出席纪念活动，并于仪式后与乙国总统[[李四]]在[[某城]]举行会谈。25日，张三结束欧洲之行。",
     "2019-05-24"),
    # someone else goes home
    ("2019年5月24日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈。26日，丙国总理[[王五]]结束访问回国。",
     "2019-05-24"),
    # a farewell more than a week later is of another stay
    ("2019年5月2日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈。5月20日，张三向李四辞行。", "2019-05-02"),
])
def test_a_summit_keeps_its_day_where_no_going_home_of_its_visit_follows(text, day):
    assert summits(HEAD + text)[day]["end"] == day


@pytest.mark.parametrize("going, end", [
    # the going home told by the arrival back: the day of the journey, the visit ended on the day told before it
    ("25日，张三前往[[另城]]参观。27日上午，张三返抵甲国。", "2031-05-25"),
    ("25日，张三前往[[另城]]参观。27日，张三结束访问返抵甲国。", "2031-05-25"),
    ("25日，张三前往[[另城]]参观，26日结束对乙国的访问，27日返抵甲国。", "2031-05-26"),
    # near-miss: the going home told by the leaving (回国): that day is the visit's last
    ("25日，张三前往[[另城]]参观。27日，张三结束访问回国。", "2031-05-27"),
    # near-miss: back home on the night of the talks: the summit keeps its day
    ("当晚，张三返抵甲国。", "2031-05-24"),
])
def test_a_visit_told_going_home_by_the_arrival_back_ends_the_day_before(going, end):
    text = HEAD + "2031年5月24日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈。\n\n" + going
    assert summits(text)["2031-05-24"]["end"] == end


RETURN = "2019年5月24日，日本首相[[张三]]与韩国总统[[李四]]在[[某城]]举行会谈。"  # real states: whose side each is


@pytest.mark.parametrize("going, end", [
    ("张三于26日中午搭乘专机返回日本。", "2019-05-26"),  # the subject, 于 and its day: a return to his own state
    ("张三于26日返回[[某镇]]。", "2019-05-24"),  # near-miss: a return to a town is no going home
    ("李四于26日返回日本。", "2019-05-24"),  # near-miss: a return to a state that is not the one named's own
])
def test_a_summit_of_a_visit_spans_to_the_day_its_visitor_returns_to_his_own_state(going, end):
    assert summits(HEAD + RETURN + going)["2019-05-24"]["end"] == end


GATHERING_BOX = ("{{Infobox event\n| title = 某组织峰会\n| date = {{Start date|2023|11|11}}\n| location = [[某城]]\n"
                 "| participants = 某组织成员国领导人\n}}\n'''某组织峰会'''于2023年11月11日在[[某城]]举行。\n")


def test_a_meeting_told_on_a_gatherings_days_alone_is_of_the_boxed_gatherings_day():
    text = GATHERING_BOX + ("== 峰会 ==\n各国领导人在峰会上发言。\n\n=== 甲乙领导人会晤 ===\n"
                            "当天下午，甲国总统[[张三]]在峰会期间会见了乙国总理[[李四]]。\n")
    after = GATHERING_BOX + "== 场边会晤 ==\n峰会闭幕后，甲国总统[[张三]]在[[某城]]与乙国总理[[李四]]举行会谈。\n"
    assert {day: (s["end"], s["participants"]) for day, s in summits(text, title="某组织峰会").items()} == {
        "2023-11-11": ("2023-11-11", {"张三", "李四"})}
    assert {day: (s["end"], s["participants"]) for day, s in summits(after, title="某组织峰会").items()} == {
        "2023-11-11": ("2023-11-11", {"张三", "李四"})}


def test_a_meeting_on_a_gatherings_days_alone_is_of_the_day_its_paragraph_told():
    text = HEAD + ("2014年9月29日，第四届某组织峰会在[[某城]]举行，五国元首签署联合声明。"
                   "峰会结束后，甲国总统[[张三]]与乙国总理[[李四]]举行双边会晤。\n")
    assert {day: s["participants"] for day, s in summits(text).items()} == {"2014-09-29": {"张三", "李四"}}


@pytest.mark.parametrize("sentence", [
    "访问期间，甲国总统[[张三]]会见了乙国总理[[李四]]。",  # a visit's days, not a gathering's
    "会谈期间，甲国总统[[张三]]向乙国总理[[李四]]赠送礼物。",  # the talks' own days
])
def test_a_visits_or_a_meetings_days_are_no_gathering_to_date_by(sentence):
    text = GATHERING_BOX + "== 场边会晤 ==\n" + sentence + "\n"
    assert summits(text, title="某组织峰会") == {}


def test_a_meeting_on_a_gatherings_days_with_no_day_told_nor_boxed_is_no_summit():
    text = HEAD + "2014年，第四届某组织峰会在[[某城]]举行。峰会期间，甲国总统[[张三]]会见了乙国总理[[李四]]。\n"
    assert summits(text) == {}


def test_the_gatherings_declaration_is_not_its_sideline_meetings():
    text = GATHERING_BOX + "== 闭幕 ==\n峰会当天闭幕，通过《某宣言》。\n" + (
        "== 场边会晤 ==\n峰会闭幕后，甲国总统[[张三]]在[[某城]]与乙国总理[[李四]]举行会谈。\n")
    extraction = extract(parse(Page(text=text, origin="t", title="某组织峰会")))
    assert {day for day in summits(text, title="某组织峰会")} == {"2023-11-11"}
    assert [f for f in extraction.facts if f.prop is Prop.OUTCOME] == []


def _people(text):
    extraction = extract(parse(Page(text=text, origin="t", title="甲乙会晤")))
    return {e.id.key for e in extraction.entities if e.id.kind is Kind.PERSON}


def test_a_linked_short_name_met_past_the_place_or_the_time_is_a_person():
    past_the_place = HEAD + "[[李四]]时期，李四曾于2019年5月4日在[[某城]]与[[王五|王某]]会谈。"
    past_the_time = HEAD + ("甲国总统[[张三]]出席晚宴。"
                            "[[赵六]]曾在[[某革命]]后于2005年4月4日在[[某宫]]同张三总统会谈。")
    assert meetings(past_the_place) == [("2019-05-04", frozenset({"李四", "王五"}))]
    assert meetings(past_the_time) == [("2005-04-04", frozenset({"赵六", "张三"}))]


def test_a_linked_short_name_a_subjectless_clause_meets_is_a_person():
    text = HEAD + "2017年1月14日，甲国总统[[张三]]再次访问[[乙国]]，在[[某城]]总理府同[[李四|李某]]举行会谈。"
    assert meetings(text) == [("2017-01-14", frozenset({"张三", "李四"}))]


@pytest.mark.parametrize("sentence", [
    "2017年1月14日，甲国总统[[张三]]再次访问[[乙国]]，在[[某城]]同[[某大学]]校长举行会谈。",  # the one met is its head
    "2017年1月14日，甲国总统[[张三]]再次访问[[乙国]]，并参观了[[某馆]]与[[李四]]故居。",  # no meeting
])
def test_a_linked_name_near_a_meeting_but_not_met_is_no_person(sentence):
    assert not {"某大学", "李四"} & _people(HEAD + sentence)


def test_a_title_linked_before_the_name_met_is_no_person():
    text = HEAD + "2017年5月24日，甲国总统[[张三]]在[[某宫]]与[[教宗]][[李四]]举行会面。"
    assert "教宗" not in _people(text)


def test_a_leader_named_bare_who_receives_the_visitor_apart_from_the_talks_takes_part():
    told = HEAD + ("2001年5月3日至6日，甲国总理[[张三]]访问乙国，同乙国总理[[李四]]举行会谈，"
                   "[[王五]]于5月4日在[[某堂]]会见了他。")
    assert summits(told)["2001-05-03"]["participants"] == {"张三", "李四", "王五"}
    named = HEAD + ("2001年5月3日，甲国总理[[张三]]访问乙国，同乙国总理[[李四]]举行会谈，[[王五]]会见了张三。")
    assert summits(named)["2001-05-03"]["participants"] == {"张三", "李四", "王五"}


def test_a_bare_name_receiving_beside_a_spouse_or_receiving_no_person_is_not_made_a_participant():
    beside = HEAD + ("2001年5月3日，甲国总理[[张三]]访问乙国，同乙国总理[[李四]]举行会谈。"
                     "5月4日，李四与夫人[[赵六]]在[[某堂]]会见了张三。")
    assert summits(beside)["2001-05-03"]["participants"] == {"张三", "李四"}
    nobody = HEAD + ("2001年5月3日，甲国总理[[张三]]访问乙国，同乙国总理[[李四]]举行会谈，"
                     "[[王五]]会见了他们的随员。")
    assert summits(nobody)["2001-05-03"]["participants"] == {"张三", "李四"}


@pytest.mark.parametrize("sentence, start, end", [
    ("2006年9月29日，乙国总理[[李四]]在[[某宫]]接待甲国总统[[张三]]，两国领导人重申合作。", "2006-09-29", "2006-09-29"),
    ("1962年7月2日至8日，甲国总统[[张三]]对乙国进行国事访问，乙国总理[[李四]]在[[某城]]隆重接待了他。",
     "1962-07-02", "1962-07-08"),
    ("三个月后的8月18日，甲国总统[[张三]]到访乙国，乙国总理[[李四]]在某城以北约60公里的[[某宫]]招待张三，两人长谈3个小时。",
     "2018-08-18", "2018-08-18"),
    ("2019年8月19日，即[[二十国集团]]峰会召开前夕，乙国总理[[李四]]在[[某堡]]接待甲国总统[[张三]]，两人交换意见。",
     "2019-08-19", "2019-08-19"),
])
def test_a_host_receiving_the_visitor_meets_him(sentence, start, end):
    text = HEAD + "2018年5月，两国关系升温。" + sentence
    assert meetings(text) == [(start, frozenset({"张三", "李四"}))]
    assert summits(text)[start]["end"] == end


@pytest.mark.parametrize("sentence", [
    "2019年3月3日，甲国总统[[张三]]抵达[[某城]]，受到乙国外长[[王五]]的接待。",
    "2019年3月3日，乙国总理[[李四]]在记者招待会上说，甲国总统[[张三]]是他接待的首位外国元首。",
    "2019年3月3日，乙国总理[[李四]]在[[某城]]接待前来参加[[某论坛]]的各国领导人，甲国总统[[张三]]亦在其中。",
    "2019年3月3日，乙国总理[[李四]]表示计划在[[某城]]接待甲国总统[[张三]]。",
])
def test_a_banquet_a_press_conference_a_reception_of_all_or_planned_is_no_host_receiving_a_visitor(sentence):
    assert meetings(HEAD + sentence) == []


@pytest.mark.parametrize("sentence, day", [
    ("2019年3月3日，甲国总统[[张三]]抵达[[某城]]，当晚乙国总理[[李四]]设宴款待张三。", "2019-03-03"),
    ("2035年1月9日，甲国总统[[张三]]对乙国进行工作访问，乙国总理[[李四]]在私邸设午宴款待。", "2035-01-09"),
    ("2034年3月24日中午，乙国总理[[李四]]及其家人在[[某城]]寓所设家宴款待甲国总统[[张三]]一家。", "2034-03-24"),
    ("乙国总理[[李四]]曾于2033年9月访问甲国，甲国总统[[张三]]于2033年9月26日晚间在[[某宫]]以国宴款待。", "2033-09-26"),
    ("2033年10月，乙国总理[[李四]]访问甲国，甲国总统[[张三]]于10月26日在[[某宫]]为他举行国宴。", "2033-10-26"),
])
def test_a_leader_giving_the_visiting_leader_a_meal_meets_him(sentence, day):
    """A host's meal for the visitor (设宴款待, 设午宴款待, 设家宴款待, 以国宴款待, 为他举行国宴) is their meeting that day when the
    sentence tells no talks: the two sat at one table."""
    assert meetings(HEAD + sentence) == [(day, frozenset({"张三", "李四"}))]


@pytest.mark.parametrize("sentence", [
    "2036年3月3日，甲国总统[[张三]]抵达[[某城]]，当晚乙国外长[[王五]]设宴款待张三。",  # a minister's dinner
    "2036年3月3日，乙国总理[[李四]]在[[某城]]设宴款待出席[[某论坛]]的各国领导人，甲国总统[[张三]]亦在其中。",
    "2036年3月3日，乙国政府宣布，乙国总理[[李四]]将设宴款待来访的甲国总统[[张三]]。",  # announced
    "2036年3月3日，甲国总统[[张三]]表示，乙国总理[[李四]]计划以国宴款待他。",  # planned
    "2036年3月3日，乙国总理[[李四]]为出席[[某论坛]]的各国领导人举行欢迎宴会，甲国总统[[张三]]亦在其中。",
])
def test_a_ministers_dinner_a_gatherings_banquet_or_one_planned_is_no_meeting(sentence):
    assert meetings(HEAD + sentence) == []


def test_a_hosts_meal_on_a_visit_whose_account_goes_on_to_talks_is_no_meeting_of_its_own():
    text = HEAD + ("2034年9月11日，甲国主席[[张三]]抵达[[某城]]，对乙国进行国事访问。次日晚，乙国总统[[李四]]设家宴款待张三。\n\n"
                   "13日上午，李四为张三举行欢迎仪式，随后两国元首举行会谈。")
    found = summits(text)
    assert set(found) == {"2034-09-11"} and found["2034-09-11"]["end"] == "2034-09-13"


@pytest.mark.parametrize("sentence, day", [
    ("2014年4月7日，甲国总理[[张三]]与乙国首相[[李四]]在[[某城]]举行首脑会谈，宣布两国协定谈判达成实质性协议，"
     "并发表《甲乙首脑会谈共同声明》。", "2014-04-07"),
    ("2014年2月7日，甲国总统[[张三]]在[[某城]]同乙国总统[[李四]]举行一对一会谈，会谈内容未予公开。", "2014-02-07"),
    ("1990年6月8日，甲国总理[[张三]]再赴[[某宫]]，与乙国总统[[李四]]共进晚宴并会谈，"
     "为即将举行的[[北大西洋公约组织|北约]]峰会作准备。", "1990-06-08"),
])
def test_what_a_sentence_says_after_the_meeting_of_something_else_does_not_undo_it(sentence, day):
    assert meetings(HEAD + sentence) == [(day, frozenset({"张三", "李四"}))]


@pytest.mark.parametrize("sentence", [
    "2014年4月7日，甲国总理[[张三]]宣布将与乙国首相[[李四]]举行会谈，并发表《甲乙首脑会谈共同声明》。",
    "2014年2月7日，甲国总统[[张三]]与乙国总统[[李四]]原定举行会谈，后因故取消，会谈内容未定。",
    "1990年6月8日，甲国总理[[张三]]表示，将在即将举行的[[北大西洋公约组织|北约]]峰会期间与乙国总统[[李四]]会谈。",
])
def test_a_meeting_planned_or_called_off_stays_undone_whatever_the_sentence_says_after_it(sentence):
    assert meetings(HEAD + sentence) == []


def test_a_states_office_written_after_an_office_is_no_persons_name():
    text = HEAD + ("2006年9月29日，时任[[美国总统]][[张三]]在[[白宫]]接待乙国总统[[李四]]。"
                   "张三被称为首位在白宫接待乙国元首的[[美国总统]]。")
    assert "美国总统" not in _people(text)
    assert meetings(text) == [("2006-09-29", frozenset({"张三", "李四"}))]


def test_a_year_an_aside_gives_for_taking_office_is_no_time_the_text_moves_to():
    text = HEAD + ("2024年为两国建交50周年。应乙国总理[[李四]]邀请，甲国总理[[张三]]于6月18日至20日对乙国进行正式访问，"
                   "这是他2023年3月上任后首次访乙。19日上午，张三与李四举行会谈。\n\n"
                   "同年9月20日，甲国主席[[王五]]在[[某城]]同乙国国王[[赵六]]举行会谈。")
    assert sorted(s for s, _ in meetings(text)) == ["2024-06-18", "2024-09-20"]  # the visit's days, in 2024
    assert summits(text)["2024-06-18"]["end"] == "2024-06-20"
    told = text.replace("这是他2023年3月上任后首次访乙", "他于2023年3月上任")  # no aside: the text moves to 2023
    assert sorted(s[:7] for s, _ in meetings(told)) == ["2023-06", "2023-09"]


def test_a_town_written_before_its_government_palace_is_no_person_but_a_leader_before_his_government_is():
    """``[[某城]][[政府宫]]`` is the palace in the town, not the town's leader's government (``[[王五]]政府``)."""
    palace = HEAD + "2016年2月2日，甲国总统[[张三]]访问乙国，乙国总统[[李四]]在[[某城]][[政府宫]]接待了张三，两人举行会谈。"
    assert "某城" not in _people(palace)
    government = HEAD + "2016年2月2日，[[王五]]政府的甲国总统[[张三]]与乙国总统[[李四]]举行会谈。"
    assert "王五" in _people(government)


@pytest.mark.parametrize("sentences, end", [
    ("2004年11月16日，甲国主席[[张三]]抵达[[某城]]，开始对[[乙国]]进行为期两天的国事访问。张三同乙国总统[[李四]]举行会谈。",
     ("2004-11-16", "2004-11-17")),
    ("2025年7月8日，甲国总统[[张三]]开始对[[乙国]]进行为期三天的国事访问。7月10日，张三与乙国首相[[李四]]在[[某城]]举行会谈。",
     ("2025-07-08", "2025-07-10")),
    ("1967年1月28日，甲国总统[[张三]]抵达[[某城]]作四天访问。次日，张三同乙国总书记[[李四]]在[[某别墅]]举行会谈。",
     ("1967-01-28", "1967-01-31")),
    # the talks told in the length's own sentence are the visit's too (a welcome alone there keeps its day: below)
    ("2034年5月3日，甲国总统[[张三]]抵达[[某城]]，开始对[[乙国]]为期两天的访问，并与乙国总统[[李四]]会晤。",
     ("2034-05-03", "2034-05-04")),
    ("2034年1月28日，甲国总统[[张三]]抵达[[某城]]作四天访问，当天即同乙国总书记[[李四]]在[[某别墅]]进行了会谈。",
     ("2034-01-28", "2034-01-31")),
])
def test_a_visit_told_from_its_first_day_and_its_length_is_the_summit_of_its_talks(sentences, end):
    found = summits(HEAD + sentences)
    assert [(start, found[start]["end"]) for start in found] == [end]
    assert found[end[0]]["participants"] == {"张三", "李四"}


@pytest.mark.parametrize("heading, span", [
    # the section's heading names the year its visit's days without one are of
    ("=== 2033年：乙国 ===", ("2033-04-11", "2033-04-14")),
    # near-miss: a heading naming none leaves the year the text reached (the section before's): no visit of 2033
    ("=== 乙国 ===", ("2033-04-14", "2033-04-14")),
])
def test_a_visits_days_are_of_the_year_its_sections_heading_names(heading, span):
    text = ("'''张三出访列表'''列出甲国总统[[张三]]的出访。\n== 出访 ==\n=== 2031年：丙国 ===\n"
            "2031年8月12日至19日，张三对[[丙国]]进行国事访问。8月13日，张三与丙国总统[[王五]]在[[某港]]会谈。\n"
            + heading + "\n张三于4月11日至14日在[[乙国]]进行国事访问。2033年4月14日，张三与乙国总统[[李四]]在[[某城]]举行会谈。\n")
    found = summits(text, title="张三出访列表")
    assert (span[0], found[span[0]]["end"]) == span


def test_a_backgrounds_past_does_not_move_the_year_of_the_visits_after_it():
    text = ("'''张三访问乙国'''是甲国总理[[张三]]于2034年2月10日至12日对[[乙国]]进行的访问。\n== 背景 ==\n"
            "2033年11月，乙国总统[[李四]]当选后，张三前往[[某城]]会见李四。\n== 经过 ==\n"
            "2月10日，张三与李四在[[某宫]]举行会谈。\n== 后续 ==\n"
            "同年11月5日至7日，李四对[[甲国]]进行访问。11月6日，李四与张三在[[某馆]]举行会谈。\n")
    found = summits(text, title="张三访问乙国")
    assert ("2034-11-05", found["2034-11-05"]["end"]) == ("2034-11-05", "2034-11-07")


@pytest.mark.parametrize("visit, span", [
    # the visitor named by a pronoun, the sentence before naming him: the visit's days are the summit's
    ("2035年初，甲国总统[[张三]]再次当选连任。6月2日至4日，他访问[[乙国]]。", ("2035-06-02", "2035-06-04")),
    # near-miss: the sentence before is another paragraph's: whom the pronoun stands for is not told there
    ("2035年初，甲国总统[[张三]]再次当选连任。\n\n6月2日至4日，他访问[[乙国]]。", ("2035-06-04", "2035-06-04")),
])
def test_a_visitor_named_by_a_pronoun_is_the_one_the_sentence_before_names(visit, span):
    text = HEAD + visit + "6月4日上午，乙国主席[[李四]]在[[某宫]]会见张三。"
    found = summits(text)
    assert (span[0], found[span[0]]["end"]) == span


@pytest.mark.parametrize("sentences, day", [
    # the meeting told in the sentence that gives the length: dated by the day written
    ("2018年7月14日，甲国总统[[张三]]抵达[[某城]]，开始为期三天的访问，乙国总理[[李四]]在机场迎接并与他一同检阅仪仗队。",
     "2018-07-14"),
    # a length told at the visit's end: the day is its last, not its first
    ("2018年9月18日，甲国总理[[张三]]同乙国领导人[[李四]]在[[某城]]举行会谈，随后结束为期两天的访问回国。", "2018-09-18"),
])
def test_a_length_counts_no_days_past_a_day_the_meeting_is_written_on(sentences, day):
    found = summits(HEAD + sentences)
    assert [(start, found[start]["end"]) for start in found] == [(day, day)]


def test_a_month_told_as_a_plans_does_not_move_the_year_of_the_visits_after_it():
    text = HEAD + ("2004年11月，甲国主席[[张三]]出访乙国。11月10日，张三在[[某港]]会见丙国总理[[王五]]，"
                   "王五表示丙国总统将于2005年1月访华。\n\n"
                   "11月16日，张三抵达[[某城]]，开始对[[乙国]]进行为期两天的国事访问。张三同乙国总统[[李四]]举行会谈。")
    found = summits(text)
    assert {start: found[start]["end"] for start in found} == {"2004-11-10": "2004-11-10", "2004-11-16": "2004-11-17"}


def test_a_meeting_tables_day_stands_against_a_visits_length():
    text = PAIR + ('{| class="wikitable"\n! 次序 !! 日期 !! 地点 !! 成果\n|-\n'
                   "| 1 || 2024年9月5日 || [[某城]] || 《联合声明》\n|}\n"
                   "== 历次会晤 ==\n张三在访问[[丙国]]后，于2024年9月4日抵达[[某城]]进行为期两天的访问。"
                   "9月5日，李四在[[某楼]]为张三举行欢迎仪式，随后两人举行会谈。\n")
    found = summits(text, title="张李峰会")
    assert {start: found[start]["end"] for start in found} == {"2024-09-05": "2024-09-05"}


@pytest.mark.parametrize("sentences, end", [
    ("1990年7月15日，甲国总理[[张三]]赴[[某城]]同乙国总统[[李四]]会谈，翌日两人一同飞往[[某村]]继续会谈。",
     ("1990-07-15", "1990-07-16")),
    ("1955年12月15日，甲国总理[[张三]]抵达[[某城]]，与乙国国王[[李四]]会谈。12月18日，双方签署议定书。",
     ("1955-12-15", "1955-12-18")),
    ("1938年9月22日，甲国首相[[张三]]在[[某城]]与乙国元首[[李四]]举行第二轮会谈。会谈一度中断，双方以书信往来；"
     "23日深夜会谈恢复，一直持续到9月24日凌晨。", ("1938-09-22", "1938-09-24")),
    ("1968年7月28日，两国宣布将在[[某镇]]举行会谈。会谈于7月29日开始，甲国总书记[[张三]]与乙国第一书记[[李四]]率团出席。"
     "会谈原定一天，最终延长至8月1日。", ("1968-07-29", "1968-08-01")),
])
def test_a_summit_goes_on_to_a_later_day_its_leaders_sign_or_talk_again(sentences, end):
    found = summits(HEAD + sentences)
    assert [(start, found[start]["end"]) for start in found] == [end]
    assert found[end[0]]["participants"] == {"张三", "李四"}


@pytest.mark.parametrize("sentences, days", [
    # one of them quoting the other the next day: no meeting
    ("1963年1月22日，甲国总理[[张三]]与乙国总统[[李四]]在[[某城]]签署条约。"
     "次日，张三发表电视讲话，说：“乙国总统李四把签订这项条约称为一项事件。”", {"1963-01-22": "1963-01-22"}),
    # the next day's meeting is with someone else: a summit of its own
    ("2019年4月11日下午，甲国总理[[张三]]会见乙国总理[[李四]]，双方谈及合作；4月12日下午又会见了丙国总理[[王五]]，"
     "双方同意加快建设。", {"2019-04-11": "2019-04-11", "2019-04-12": "2019-04-12"}),
    # what the talks agreed to extend, not the talks
    ("1968年7月29日，甲国总书记[[张三]]与乙国第一书记[[李四]]在[[某镇]]举行会谈，两人同意将停火延长至8月1日。",
     {"1968-07-29": "1968-07-29"}),
    # a day told in passing, not opening a clause
    ("1938年9月22日，甲国首相[[张三]]在[[某城]]与乙国元首[[李四]]会谈，两人同意在9月24日前一同拟定方案。",
     {"1938-09-22": "1938-09-22"}),
])
def test_a_later_day_without_the_leaders_together_ends_nothing(sentences, days):
    found = summits(HEAD + sentences)
    assert {start: found[start]["end"] for start in found} == days


def test_a_family_name_two_relatives_share_is_the_one_the_first_sentence_links():
    text = ("'''张丙访问乙国'''是[[甲国总理]][[张丙·某甲]]于2016年8月30日至9月6日对[[乙国]]进行的访问。\n"
            "== 背景 ==\n1973年，某甲的父亲、时任甲国总理[[张乙·某甲]]访问乙国。\n"
            "== 经过 ==\n2016年8月31日，某甲在[[某堂]]与乙国总理[[李四]]举行会谈。\n")
    assert summits(text, "张丙访问乙国")["2016-08-30"]["participants"] == {"张丙·某甲", "李四"}


def test_a_family_name_two_relatives_share_is_the_one_the_infobox_lists_as_a_leader():
    text = ("{{Infobox summit meeting\n| date = 1998年1月21日至25日\n"
            "| participants = [[李四]]<br>[[王丙·某乙]]\n}}\n"
            "'''李四访问甲国'''是乙国领导人[[李四]]对[[甲国]]的访问。\n"
            "== 后续 ==\n2012年3月26日，[[王丁·某乙]]在[[某宫]]会见丙国领导人[[赵五]]。\n"
            "== 背景 ==\n1996年11月19日，某乙在[[某城]]与李四会谈。\n")
    assert summits(text, "李四访问甲国")["1996-11-19"]["participants"] == {"王丙·某乙", "李四"}


def test_a_family_name_two_relatives_share_stays_no_ones_where_the_article_names_both_or_neither():
    both = ("'''甲乙会晤'''是[[甲国总统]][[张丙·某甲]]与其弟[[张丁·某甲]]的会晤。\n"
            "== 经过 ==\n2016年8月31日，某甲在[[某堂]]与乙国总理[[李四]]举行会谈。\n")
    neither = ("'''甲乙会晤'''是[[甲国]]与[[乙国]]领导人的会晤。\n== 背景 ==\n[[张丙·某甲]]与[[张丁·某甲]]是兄弟。\n"
               "== 经过 ==\n2016年8月31日，某甲在[[某堂]]与乙国总理[[李四]]举行会谈。\n")
    assert summits(both) == summits(neither) == {}


def test_a_venue_the_text_states_takes_the_place_of_the_town_arrived_at():
    text = ("'''张三访问乙国'''是[[甲国总理]][[张三]]于1998年4月26日至28日应[[乙国主席]][[李四]]邀请对[[乙国]]进行的访问。\n"
            "== 经过 ==\n4月26日晚，张三抵达[[某城]]，李四亲自到机场迎接。两人随即共同为新航站楼揭幕。\n"
            "4月27日上午，张三前往[[某宫]]出席欢迎仪式，两国领导人随后举行了会谈。\n")
    found = summits(text, "张三访问乙国")
    assert list(found) == ["1998-04-26"] and found["1998-04-26"]["venue"] == {"某宫"}


def test_a_linked_name_written_without_its_last_parts_is_the_linked_ones():
    text = HEAD.replace("== 经过 ==", "乙国王储[[阿某·本·乙某·阿勒丙]]和乙国国王[[阿某·本·丁某]]曾访问甲国。\n== 经过 ==") + (
        "2016年2月11日，阿某·本·乙某在[[某城]]与甲国总理[[李四]]举行会谈。\n")
    assert summits(text)["2016-02-11"]["participants"] == {"阿某·本·乙某·阿勒丙", "李四"}


def test_a_name_two_linked_names_begin_with_is_neither_ones():
    text = HEAD.replace("== 经过 ==", "乙国王储[[阿某·本·乙某·阿勒丙]]和乙国国王[[阿某·本·乙某·阿勒丁]]曾访问甲国。\n== 经过 ==") + (
        "2016年2月11日，阿某·本·乙某在[[某城]]与甲国总理[[李四]]举行会谈。\n")
    assert summits(text) == {}


@pytest.mark.parametrize("sentence", [
    "2025年1月4日，甲国总理[[张三]]飞抵[[某城]]，与时任乙国当选总统[[李四]]会面。",
    "2024年11月29日，甲国总理[[张三]]飞往[[某城]]，与时任当选总统的[[李四]]共进晚餐。",
    "2018年12月28日下午，甲国总理[[张三]]在[[某城]]会见时为当选总统的[[李四]]，两人举行会谈。",
    "2024年12月9日，甲国总理[[张三]]再赴[[某庄园]]，与已当选、尚未就职的[[李四]]会面。",
    "2024年7月11日，甲国总理[[张三]]转赴[[某庄园]]，与正在竞选总统的[[李四]]会面。",
])
def test_a_meeting_with_a_leader_not_yet_in_office_is_no_summit(sentence):
    assert summits(HEAD + sentence) == {}


def test_a_leader_elected_and_in_office_or_told_elected_after_the_meeting_still_meets():
    new = HEAD + "2025年1月24日，甲国总理[[张三]]在[[某城]]会见新当选的乙国总统[[李四]]。"
    after = HEAD + "2025年1月24日，甲国总理[[张三]]在[[某城]]会见乙国总统[[李四]]，祝贺他当选总统。"
    assert summits(new)["2025-01-24"]["participants"] == {"张三", "李四"}
    assert summits(after)["2025-01-24"]["participants"] == {"张三", "李四"}


def test_a_leader_told_out_of_office_before_the_meeting_is_no_top_leader():
    before = HEAD + "1989年12月1日，甲国总统[[张三]]在[[某城]]与乙国总统[[李四]]会晤。\n\n"
    left = before + "张三卸任后仍与李四保持私人友谊。2002年10月19日，他在[[某城]]再次与李四会面。"
    still = before + "张三仍与李四保持私人友谊。2002年10月19日，他在[[某城]]再次与李四会面。"
    assert set(summits(left)) == {"1989-12-01"}
    assert summits(still)["2002-10-19"]["participants"] == {"张三", "李四"}


@pytest.mark.parametrize("sentence", [
    "2020年6月26日，甲国总统[[张三]]与乙国总统[[李四]]的会谈如期举行，两人各自在本国通过视频连线交谈。",
    "2020年6月26日，甲国总统[[张三]]与乙国总统[[李四]]举行会谈，双方透过视讯连线对话。",
])
def test_talks_told_as_held_by_video_are_no_summit(sentence):
    assert summits(HEAD + sentence) == {}


def test_something_else_done_by_video_after_the_talks_does_not_undo_them():
    text = HEAD + ("2024年11月14日，甲国总统[[张三]]同乙国总统[[李四]]在[[某宫]]举行会谈。"
                   "会谈后，两国元首以视像连线方式共同出席某港开港仪式。")
    assert summits(text)["2024-11-14"]["participants"] == {"张三", "李四"}


def test_a_box_whose_venue_is_a_video_link_is_no_summit():
    box = ("{{Infobox summit\n| name = 第二次甲乙领导人会晤\n| date = 2022年4月1日\n| venue = VENUE\n"
           "| participants = [[张三]]<br />[[李四]]\n}}\n"
           "'''第二次甲乙领导人会晤'''是甲国总理[[张三]]同乙国总理[[李四]]举行的会晤。\n")
    assert meetings(box.replace("VENUE", "视频方式"), title="第二次甲乙领导人会晤") == []
    assert meetings(box.replace("VENUE", "[[某宫]]"), title="第二次甲乙领导人会晤") == [
        ("2022-04-01", frozenset({"张三", "李四"}))]


@pytest.mark.parametrize("sentence", [
    "甲国总统[[张三]]原定于2015年11月14日启程，14日、15日在[[某城]]会晤乙国总统[[李四]]，16日在[[另城]]会见丙国总统[[王五]]。",
    "按照原定日程，甲国总统[[张三]]将于2015年2月20日下午抵达[[某城]]，次日与乙国总统[[李四]]会面。",
    "2023年5月22日，甲国总统[[张三]]在[[某城]]举行记者会，称与乙国总统[[李四]]的会谈没有举行是因为李四没有来到约定的地点。",
])
def test_the_days_of_a_plan_told_on_and_a_meeting_said_not_held_are_no_summit(sentence):
    assert summits(HEAD + sentence) == {}


def test_a_meeting_held_on_a_day_after_a_plan_put_off_is_held():
    text = HEAD + ("2015年11月14日，甲国总统[[张三]]原定的出访推迟，"
                   "16日他在[[某城]]会晤乙国总统[[李四]]。")
    assert summits(text)["2015-11-16"]["participants"] == {"张三", "李四"}


def test_a_box_dated_by_its_plan_is_no_summit():
    box = ("{{Infobox event\n| title = 2017年甲国总理访乙\n| date = DATE\n"
           "| participants = [[张三]]、[[李四]]\n}}\n'''2017年甲国总理访乙'''是甲国总理[[张三]]对乙国的访问。\n")
    assert meetings(box.replace("DATE", "原定{{Start date|2017|2|20}}－21日"), title="2017年甲国总理访乙") == []
    assert meetings(box.replace("DATE", "{{Start date|2017|2|20}}－21日"), title="2017年甲国总理访乙") == [
        ("2017-02-20", frozenset({"张三", "李四"}))]


def test_the_one_met_on_another_day_the_sentence_tells_is_not_at_this_days_meeting():
    text = HEAD + ("2022年2月7日，甲国总统[[张三]]在[[某城]]同乙国总统[[李四]]会谈逾五小时，"
                   "次日即2月8日飞抵[[某都]]会见丙国总统[[王五]]。")
    found = summits(text)  # 张三, who went on to the 8th, stays; 李四 met him on the 7th only
    assert {day: s["participants"] for day, s in found.items()} == {
        "2022-02-07": {"张三", "李四"}, "2022-02-08": {"张三", "王五"}}


def test_a_body_or_a_pronoun_that_met_both_on_their_days_leaves_the_sentences_people_as_they_were():
    text = HEAD + "甲国代表团于2023年6月16日在[[某城]]会见乙国总统[[李四]]，6月17日在[[某都]]会见丙国总统[[王五]]。"
    found = summits(text)  # no one named for the body's side: the rule does not take the other day's one away
    assert found["2023-06-16"]["participants"] == {"李四", "王五"}
    pronoun = HEAD + ("2023年5月，丙国总统[[王五]]出访多国。"
                      "5月14日，他在[[某城]]同甲国总统[[张三]]共进晚餐；5月15日，他前往[[某庄园]]同乙国首相[[李四]]会谈。")
    found = summits(pronoun)  # 他 names no one: the sentence's people stay together, as before
    assert {day: (s["end"], s["participants"]) for day, s in found.items()} == {
        "2023-05-14": ("2023-05-15", {"王五", "张三", "李四"})}


def test_a_successor_named_after_the_one_he_followed_is_the_one_who_met():
    text = HEAD + "2017年4月27日，乙国总统[[李四]]对甲国进行工作访问，在[[某宫]]与甲国前总统[[王五]]的继任者[[张三]]举行会谈。"
    assert summits(text)["2017-04-27"]["participants"] == {"李四", "张三"}
    later = HEAD + ("2017年4月27日，乙国总统[[李四]]对甲国进行工作访问，在[[某宫]]与甲国总统[[王五]]举行会谈，"
                    "王五后来成为[[张三]]的继任者。")  # 王五 met him; 张三 is whom he followed later
    assert summits(later)["2017-04-27"]["participants"] == {"李四", "王五"}


def test_the_visitor_meeting_the_same_sides_other_leader_later_that_day_is_the_same_summit():
    talks = "2018年6月21日下午，老挝总理[[王五]]在[[某堂]]同甲国总理[[张三]]举行会谈。"
    same = HEAD + talks + "同日，老挝国家主席[[李四]]在[[某宾馆]]会见张三。\n"
    other = HEAD + talks + "同日，张三在[[某宾馆]]会见越南总统[[赵六]]。\n"
    assert meetings(same) == [("2018-06-21", frozenset({"张三", "王五", "李四"}))]
    assert set(meetings(other)) == {("2018-06-21", frozenset({"张三", "王五"})),
                                    ("2018-06-21", frozenset({"张三", "赵六"}))}
    later = HEAD + talks + "当天晚些时候，张三前往[[另城]]与老挝国家主席[[李四]]会谈。\n"
    assert set(meetings(later)) == {("2018-06-21", frozenset({"张三", "王五"})),
                                    ("2018-06-21", frozenset({"张三", "李四"}))}


@pytest.mark.parametrize("sentence, participants", [
    ("2002年4月23日，首届某海峰会在[[某城]]举行，[[张三]]与[[李四]]、[[王五]]等沿岸国家元首出席。", {"张三", "李四", "王五"}),
    ("2002年4月23日，[[张三]]、[[李四]]等两国领导人在[[某城]]举行会谈。", {"张三", "李四"}),
])
def test_names_listed_before_the_leaders_they_are_are_people(sentence, participants):
    assert summits(HEAD + sentence)["2002-04-23"]["participants"] == participants


def test_a_list_of_states_or_a_place_in_the_lists_words_names_no_leader():
    text = HEAD + ("2002年4月23日，甲国总统[[张三]]在[[某城]]与乙国总理[[李四]]会谈，[[丙地]]、[[丁地]]等国元首也出席了峰会，"
                   "[[某岛]]岛主赵六等社群领袖到场，[[青川]]、[[白水]]等地领导人和[[某会]]、[[某校]]等单位领导人到机场迎接。")
    extraction = extract(parse(Page(text=text, origin="t", title="甲乙会晤")))
    people = {e.id.key for e in extraction.entities if e.id.kind is Kind.PERSON}
    assert people == {"张三", "李四"}
    assert summits(text)["2002-04-23"]["participants"] == {"张三", "李四"}


@pytest.mark.parametrize("after", [
    "，双方签署了合作文件，并会见了乙国国民议会议长王五",  # one of them meets an official after the talks
    "，甲国议会议长[[王五]]、甲国政协主席[[赵六]]分别会见了他",  # officials meet the visitor, one by one
    "，甲国外长[[王五]]和乙国外长[[赵六]]在座",  # ministers sit in
])
def test_leaders_talks_stand_when_a_clause_after_them_tells_officials_meeting_one_of_them(after):
    text = HEAD + f"2016年7月7日，甲国总统[[张三]]在[[某府]]与乙国总统[[李四]]举行会谈{after}。"
    assert meetings(text) == [("2016-07-07", frozenset({"张三", "李四"}))]


@pytest.mark.parametrize("sentence", [
    "2016年7月7日，甲国总理[[张三]]在[[某府]]同乙国总统助理[[李四]]举行会谈，并共进午餐。",  # the other party is an official
    "2016年7月7日，甲国总统[[张三]]在[[某府]]，会见了乙国参议院议长王五，双方签署了合作文件。",  # whom he met: an official
    "2016年7月7日，乙国总统[[李四]]还会见了甲国议会议长[[王五]]，并在[[某港]]会见了某市市长[[赵六]]。",  # 会见了 named officials
])
def test_an_official_in_the_meetings_own_clause_still_makes_it_no_summit(sentence):
    assert meetings(HEAD + sentence) == []


_LATER = "'''甲乙关系'''是[[甲国]]与[[乙国]]的关系。\n== 后续 ==\n2031年3月，甲国总统[[张三]]访问乙国。\n"


@pytest.mark.parametrize("sentence", [
    "当地时间3月21日（星期五），张三与乙国总理[[李四]]在[[某宫]]会晤。",
    "当地时间3月21日上午，张三乘车抵达[[某中心]]，乙国总统[[李四]]在下车处迎候并举行欢迎仪式，两国元首随后举行会谈。",
])
def test_a_day_told_by_its_clock_opens_the_sentence_as_a_bare_day_does(sentence):
    text = _LATER + sentence
    assert {day: s["participants"] for day, s in summits(text).items()} == {"2031-03-21": {"张三", "李四"}}


def test_a_day_after_anything_else_before_it_does_not_open_the_sentence():
    text = _LATER + "宣布停火后的3月21日（星期五），张三发表讲话，两国元首曾于去年会晤。"
    assert summits(text) == {}


def test_talks_told_right_after_a_welcome_are_that_days_meeting():
    text = _LATER + "* 乙国：3月21日上午，张三在[[某堂]]为乙国总统[[李四]]举行欢迎仪式，随后两国元首举行会谈。"
    assert {day: s["participants"] for day, s in summits(text).items()} == {"2031-03-21": {"张三", "李四"}}


def test_a_clause_after_a_welcome_that_goes_on_to_no_meeting_tells_none():
    text = _LATER + "* 乙国：3月21日上午，张三在[[某堂]]为乙国总统[[李四]]举行欢迎仪式，两国元首曾于去年会晤。"
    assert summits(text) == {}


def test_a_meeting_someone_says_they_held_is_not_held_on_the_day_they_say_so():
    # 10月28日，甲表示，他与乙进行了长时间会谈: the talks were before; the day is the saying's
    said = HEAD + "2018年10月28日，甲国总理[[张三]]在社交媒体上表示，他与乙国国王[[李四]]进行了长时间会谈。"
    assert summits(said) == {}
    # what is said after the meeting the clause tells leaves it on its day
    told = HEAD + "2018年10月28日，甲国总理[[张三]]在[[某城]]与乙国国王[[李四]]举行会谈，张三表示，会谈富有成果。"
    assert set(summits(told)) == {"2018-10-28"}


def test_a_day_told_after_the_clauses_subject_and_yu_is_the_meeting_day():
    text = HEAD + ("2031年3月21日，甲国总理[[张三]]访问[[丙国]]。\n\n"
                   "结束访问后，张三于22日返回乙国，在[[某都]]与乙国总理[[李四]]举行会谈，23日上午回国。")
    assert {day: (s["end"], s["participants"]) for day, s in summits(text).items()} == {
        "2031-03-22": ("2031-03-22", {"张三", "李四"})}


def test_a_plans_day_told_after_its_subject_and_yu_is_no_meeting_day():
    text = HEAD + ("2031年3月21日，甲国总理[[张三]]访问[[丙国]]。\n\n"
                   "结束访问后，张三将于22日返回乙国，在[[某都]]与乙国总理[[李四]]举行会谈。")
    assert summits(text) == {}


@pytest.mark.parametrize("opening, days", [
    ("张三于22日下午抵达[[某都]]后，立即与乙国总统[[李四]]举行会谈。", {"2031-03-21", "2031-03-22"}),
    ("甲国总理[[张三]]于22日抵达[[某都]]，同乙国总统[[李四]]举行会谈。", {"2031-03-21", "2031-03-22"}),
    ("张三将于22日抵达[[某都]]，同乙国总统[[李四]]举行会谈。", {"2031-03-21"}),  # near-miss: a plan
])
def test_a_day_told_after_the_sentences_own_subject_and_yu_is_the_meeting_day(opening, days):
    text = HEAD + "2031年3月21日，甲国总理[[张三]]在[[某城]]同丙国总统[[王五]]会谈。\n\n" + opening
    found = summits(text)
    assert set(found) == days
    if "2031-03-22" in days:
        assert found["2031-03-22"]["participants"] == {"张三", "李四"}


def test_a_clause_day_after_a_sentence_with_no_date_is_of_the_month_the_account_reached():
    text = HEAD + ("2031年1月9日至11日，甲国总理[[张三]]对乙国进行正式访问。"
                   "张三先在[[某宫]]签名致意，10日与乙国总理[[李四]]会谈。")
    assert {day: s["end"] for day, s in summits(text).items()} == {"2031-01-09": "2031-01-11"}


def test_a_clause_day_after_a_month_the_sentence_names_is_that_months():
    text = HEAD + ("2024年11月22日，甲国总统[[张三]]同乙国主席[[王五]]在[[某都]]举行会谈。\n\n"
                   "2028年11月，张三再度访问乙国，并于18日在[[某都]]同乙国主席[[李四]]举行会谈。")
    assert "2024-11-18" not in summits(text)


@pytest.mark.parametrize("sentence, day", [
    ("2031年2月7日，甲国总统[[张三]]出席[[某运动会]]开幕式，并于当天在[[某城]]同乙国总统[[李四]]举行会谈。", "2031-02-07"),
    ("2031年11月，甲国总统[[张三]]再度访问乙国，并于18日在[[某城]]同乙国总统[[李四]]举行会谈。", "2031-11-18"),
])
def test_a_meeting_told_going_on_from_the_clause_before_并于当天_并于N日_is_of_that_day(sentence, day):
    assert {d: (s["end"], s["participants"]) for d, s in summits(HEAD + sentence).items()} == {
        day: (day, {"张三", "李四"})}


@pytest.mark.parametrize("sentence", [
    "2031年11月，甲国总统[[张三]]再度访问乙国，并将于18日在[[某城]]同乙国总统[[李四]]举行会谈。",
    "2031年2月7日，甲国总统[[张三]]出席[[某运动会]]开幕式，并于当天发表讲话。乙国总统[[李四]]也出席了开幕式。",
])
def test_a_plan_or_no_meeting_going_on_from_the_clause_before_is_no_summit(sentence):
    assert summits(HEAD + sentence) == {}


@pytest.mark.parametrize("sentence, day", [
    ("2031年6月22日，甲国总理[[张三]]在[[某都]]欢迎乙国总理[[李四]]，两人同意加强合作。", "2031-06-22"),
    ("2031年3月9日，乙国总理[[李四]]首度访问甲国，甲国总理[[张三]]在[[某宫]]前广场以军礼欢迎。", "2031-03-09"),
])
def test_a_leader_welcoming_the_visitor_in_person_欢迎_meets_him_that_day(sentence, day):
    assert {d: (s["end"], s["participants"]) for d, s in summits(HEAD + sentence).items()} == {
        day: (day, {"张三", "李四"})}


@pytest.mark.parametrize("sentence", [
    "2031年6月22日，甲国总理[[张三]]对乙国总理[[李四]]宣布的停火表示欢迎。",
    "2031年6月22日，乙国总理[[李四]]抵达[[某都]]，甲国外长[[王五]]到机场欢迎。",
    "2031年6月22日，甲国总理[[张三]]在[[某宫]]为与会各国领导人举行欢迎晚宴，乙国总理[[李四]]出席。",
    "2031年8月30日，甲国国安局长[[王五]]在[[某宫]]晋见乙国国王[[李四]]。",
])
def test_a_welcome_said_of_something_a_banquet_or_an_officials_welcome_or_audience_is_no_summit(sentence):
    assert summits(HEAD + sentence) == {}


def test_a_meeting_over_two_days_told_again_on_its_second_is_one_summit():
    text = HEAD + ("2031年10月11日至12日，甲国总统[[张三]]在[[某城]]同乙国总理[[李四]]举行非正式会晤。"
                   "11日，两国领导人在[[某寺]]边走边谈；12日上午，两人继续举行会晤。")
    assert {day: s["end"] for day, s in summits(text).items()} == {"2031-10-11": "2031-10-12"}


NEXT_LEG = ("'''甲国总理访问东南亚'''是甲国总理[[张三]]2031年1月对[[乙国]]和[[丙国]]的访问。\n"
           "== 访问行程 ==\n=== 乙国 ===\n1月16日，张三抵达[[某都]]，同乙国总理[[李四]]举行会谈。\n"
           "=== 丙国 ===\n")


def test_a_section_opening_on_the_next_day_goes_on_from_the_day_the_section_before_told():
    text = NEXT_LEG + "翌日，张三转赴[[某城]]，在丙国总理府与丙国总理[[王五]]举行会谈。\n"
    assert {day: s["participants"] for day, s in summits(text, title="甲国总理访问东南亚").items()} == {
        "2031-01-16": {"张三", "李四"}, "2031-01-17": {"张三", "王五"}}


def test_a_section_opening_on_the_next_day_without_a_meeting_takes_no_day_from_before():
    text = NEXT_LEG + "翌日，张三抵达[[某城]]，丙国总理[[王五]]等政府高官到场迎接。\n"
    assert set(summits(text, title="甲国总理访问东南亚")) == {"2031-01-16"}


def test_the_same_days_other_meeting_opening_the_next_section_is_of_the_visit():
    head = ("'''甲国总理访问老挝'''是甲国总理[[张三]]2018年6月对老挝的访问。\n== 访问经过 ==\n"
            "=== 会见国家主席 ===\n6月21日，老挝国家主席[[李四]]在[[某宾馆]]会见张三。\n=== 另一会谈 ===\n")
    same = head + "同日下午，老挝总理[[王五]]在[[某堂]]同张三举行会谈。\n"
    other = head + "同日下午，张三在[[某堂]]会见越南总统[[赵六]]。\n"
    assert meetings(same, title="甲国总理访问老挝") == [("2018-06-21", frozenset({"张三", "李四", "王五"}))]
    assert set(meetings(other, title="甲国总理访问老挝")) == {("2018-06-21", frozenset({"张三", "李四"})),
                                                      ("2018-06-21", frozenset({"张三", "赵六"}))}


@pytest.mark.parametrize("sentence", [
    "== 背景 ==\n此前，甲国总理[[张三]]曾于2031年3月9日在[[某宫]]觐见乙国国王[[李四]]，并出席国王设的午宴。",
    "== 背景 ==\n此前，甲国总理[[张三]]曾于2031年3月9日在[[某宫]]晉見乙國國王[[李四]]。",
])
def test_an_audience_with_a_monarch_觐见_晋见_is_a_meeting(sentence):
    """觐见/晋见/谒见: one received in audience by a monarch, a pope or a senior leader meets them in person."""
    found = summits("'''甲乙关系'''是[[甲国]]与[[乙国]]的关系。\n" + sentence, title="甲乙关系")
    assert {day: (s["end"], s["participants"]) for day, s in found.items()} == {
        "2031-03-09": ("2031-03-09", {"张三", "李四"})}


def test_an_audience_with_a_title_written_before_the_name_and_a_partys_first_has_no_extra_person_nor_ordinal():
    """[[教宗]][[李四]]: the title the article also calls its subject by, no second person; 甲党领导人首次会见:
    the first of one side's leaders, no series ordinal."""
    text = ("'''1979年教宗访问甲国'''是[[教宗]][[王五]]的访问。\n== 背景 ==\n"
            "此前，甲党第一书记[[张三]]曾于2031年3月9日在[[某宫]]晋见[[教宗]][[李四]]，是甲党领导人首次会见教宗。\n"
            "== 经过 ==\n2032年6月2日，[[教宗]]抵达[[某城]]。")
    found = summits(text, title="1979年教宗访问甲国")
    assert found["2031-03-09"]["participants"] == {"张三", "李四"}
    assert found["2031-03-09"]["ordinal"] == set()


def test_an_audience_in_a_capacity_below_the_top_is_no_summit():
    text = ("'''甲乙关系'''是[[甲国]]与[[乙国]]的关系。\n== 背景 ==\n"
            "同年9月，甲国总统[[张三]]邀请乙国总统[[李四]]访问甲国。"
            "张三本人曾于2031年10月20日至24日以总统当选人身分访问乙国并晋见李四。")
    assert summits(text, title="甲乙关系") == {}


def test_visiting_a_mausoleum_拜谒_or_an_envoys_audience_is_no_summit():
    text = ("'''甲乙关系'''是[[甲国]]与[[乙国]]的关系。\n== 背景 ==\n"
            "2031年3月9日，甲国总理[[张三]]在[[某城]]拜谒[[某陵]]。"
            "2031年3月10日，甲国驻乙国大使[[王五]]在[[某宫]]觐见乙国国王[[李四]]。")
    assert summits(text, title="甲乙关系") == {}


@pytest.mark.parametrize("sentence", [
    "2031年11月6日，教宗[[李四]]在[[某宫]]接见甲国总统[[张三]]，双方讨论了地区局势。",
    "2031年11月6日，乙国国王[[李四]]当晚在[[某城]]接见甲国总统[[张三]]。",
])
def test_a_leader_receiving_another_接见_meets_him(sentence):
    """接见: a pope or a monarch receiving a visiting head of state meets him in person, as 会见 does; the one
    received (受到…接见, 获…接见) already did."""
    found = summits("'''甲乙关系'''是[[甲国]]与[[乙国]]的关系。\n== 经过 ==\n" + sentence, title="甲乙关系")
    assert {day: (s["end"], s["participants"]) for day, s in found.items()} == {
        "2031-11-06": ("2031-11-06", {"张三", "李四"})}


@pytest.mark.parametrize("sentence", [
    "2031年11月6日，乙国国王[[李四]]在[[某宫]]接见了甲国外长[[王五]]。",
    "2031年11月6日，乙国国王[[李四]]在[[某宫]]接见了甲国代表团。",
])
def test_a_leader_receiving_a_minister_or_a_delegation_接见_is_no_summit(sentence):
    found = summits("'''甲乙关系'''是[[甲国]]与[[乙国]]的关系。\n== 经过 ==\n" + sentence, title="甲乙关系")
    assert found == {}


def test_a_popes_office_after_a_states_president_in_one_list_is_no_office_of_that_state():
    """``法国总统张三与教宗李四``: a bare 总理 after 法国总统张三与 would be France's; 教宗 is the Holy See's, so the two who
    met are of two sides, not one state's leaders (which meet in no summit)."""
    text = ("'''张三与教宗李四会晤'''是指法国总统[[张三]]与教宗[[李四]]之间的会面。\n== 经过 ==\n"
            "2031年5月16日，张三在[[梵蒂冈]]与李四会谈。")
    found = summits(text, title="张三与教宗李四会晤")
    assert {day: s["participants"] for day, s in found.items()} == {"2031-05-16": {"张三", "李四"}}


@pytest.mark.parametrize("text, wanted", [
    (HEAD + "2034年4月25日晚，甲国总统[[张三]]抵达[[乙都]]，开始对[[乙国]]的访问。访问期间，乙国国王[[赵六]]在王宫接见张三。"
     "4月26日，乙国首相[[李四]]在首相府会见张三。\n", {"2034-04-25": ("2034-04-26", ["张三", "李四", "赵六"])}),
    (HEAD + "2035年10月28日，甲国总理[[张三]]与乙国总理[[李四]]在[[乙都]]举行会晤。访问期间，张三还会见了乙国总统[[赵六]]。\n",
     {"2035-10-28": ("2035-10-28", ["张三", "李四", "赵六"])}),
    ("'''2039年张三访问乙国'''是指甲国总理[[张三]]于2039年10月31日至11月4日对[[乙国]]进行的国事访问。访问期间，张三与乙国"
     "总理[[李四]]举行会谈，并获乙国主席[[赵六]]接见。\n== 经过 ==\n10月31日，张三抵达[[乙都]]。\n",
     {"2039-10-31": ("2039-11-04", ["张三", "李四", "赵六"])}),  # the lead's: the visit its first sentence defines
])
def test_a_top_leader_met_during_the_visit_takes_part_in_it(text, wanted):
    title = text[3:text.index("'''", 3)] if text.startswith("'''") else "甲乙会晤"
    assert {day: (s["end"], sorted(s["participants"])) for day, s in summits(text, title=title).items()} == wanted


@pytest.mark.parametrize("sentence", [
    "峰会期间，张三还会见了丙国总统[[赵六]]。",  # a gathering's days: a meeting of its own
    "外交部表示，访问期间张三将会见乙国总统[[赵六]]。",  # planned
    "访问期间，他先后同乙国安全会议秘书[[王五]]、乙国总统[[赵六]]举行会谈。",  # one by one: meetings of their own
])
def test_a_meeting_during_the_visit_not_told_held_with_it_adds_no_one(sentence):
    text = HEAD + "2035年10月28日，甲国总理[[张三]]与乙国总理[[李四]]在[[乙都]]举行会晤。" + sentence + "\n"
    assert {day: sorted(s["participants"]) for day, s in summits(text).items()} == {"2035-10-28": ["张三", "李四"]}


@pytest.mark.parametrize("sentence, expected", [
    # who did not come is not at what the sentence tells
    ("2031年4月10日晚，甲国总统[[张三]]在[[某城]]为各国首脑举行欢迎晚宴，乙国总统[[李四]]与甲国总统张三会面，"
     "丙国总统[[王五]]和丁国总统[[赵六]]没有出席。", {"张三", "李四"}),
    ("2031年4月10日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈，丙国总统[[王五]]缺席会谈。", {"张三", "李四"}),
    # near-miss: a thing missed, and the meeting held instead
    ("2031年4月10日，丙国总统[[王五]]未出席峰会，而是在[[某城]]与甲国总统[[张三]]举行会谈。", {"王五", "张三"}),
])
def test_a_leader_the_sentence_says_did_not_attend_takes_no_part(sentence, expected):
    assert summits(HEAD + sentence + "\n")["2031-04-10"]["participants"] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("2034年6月2日下午，甲国总统[[张三]]在[[某宫]]会见乙国总统[[李四]]，两国元首出席了协定签署仪式；"
     "当晚，他又同丙国总理[[王五]]举行晚宴会谈。", [["张三", "李四"], ["张三", "王五"]]),
    ("2034年6月2日下午，甲国总统[[张三]]会见乙国总统[[李四]]；当晚又会见丙国总理[[王五]]。",
     [["张三", "李四"], ["张三", "王五"]]),
    ("2034年6月2日，甲国总统[[张三]]在[[某宫]]与乙国总统[[李四]]举行会谈；当天下午，张三还会见了丙国总理[[王五]]。",
     [["张三", "李四"], ["张三", "王五"]]),
    # near-misses: after a comma the evening goes on with the meeting told; a later hour with no meeting in it
    ("2034年6月2日，甲国总统[[张三]]与乙国总统[[李四]]举行会谈，晚上两国元首还共进晚餐。", [["张三", "李四"]]),
    ("2034年6月2日，甲国总统[[张三]]与乙国总统[[李四]]举行会谈；当晚，张三又出席了欢迎宴会。", [["张三", "李四"]]),
])
def test_a_clause_after_a_semicolon_on_a_later_hour_with_又_还_is_another_meeting_of_that_day(sentence, expected):
    found = meetings(HEAD + sentence + "\n")
    assert sorted(sorted(people) for day, people in found) == expected and {day for day, _ in found} == {"2034-06-02"}


def test_a_sentence_with_no_date_and_a_later_hour_with_又_tells_two_meetings_of_the_day_the_account_reached():
    text = HEAD + ("2035年10月6日，某共同体首次会议在[[某城]]召开。会前，丙国总统[[王五]]在[[某堡]]与甲国总统[[张三]]、"
                   "乙国总理[[李四]]会面；当晚，张三又与丁国总统[[赵六]]举行会晤。\n")
    assert sorted((day, sorted(people)) for day, people in meetings(text)) == [
        ("2035-10-06", ["张三", "李四", "王五"]), ("2035-10-06", ["张三", "赵六"])]


def test_a_later_meeting_of_the_day_after_a_semicolon_is_not_held_where_the_clause_before_was():
    text = HEAD + ("2034年6月2日下午，甲国总统[[张三]]在[[某宫]]会见乙国总统[[李四]]；当晚，他又同丙国总理[[王五]]举行晚宴会谈。"
                   "\n")
    extraction = extract(parse(Page(text=text, origin="t", title="甲乙会晤")))
    venues = {frozenset(f.value.key for f in extraction.facts if f.subject == entity.id and f.prop is Prop.PARTICIPANT):
              {f.value.key for f in extraction.facts if f.subject == entity.id and f.prop is Prop.VENUE}
              for entity in extraction.entities if entity.id.kind is Kind.SUMMIT}
    assert venues == {frozenset({"张三", "李四"}): {"某宫"}, frozenset({"张三", "王五"}): set()}


@pytest.mark.parametrize("lead, day", [
    ("在2035年两度前往[[乙都]]与乙国总统[[李四]]举行的会晤。", "2035-05-06"),
    # near-misses: a lead of two years, and one of none, leave the day to its source (published weeks before: the year before)
    ("在2034年和2035年两度前往[[乙都]]与乙国总统[[李四]]举行的会晤。", "2034-05-06"),
    ("两度前往[[乙都]]与乙国总统[[李四]]举行的会晤。", "2034-05-06"),
])
def test_a_day_cited_to_a_preview_weeks_before_is_of_the_one_year_the_lead_gives(lead, day):
    text = ("'''张三访问乙都'''是指[[甲国总理]][[张三]]" + lead + "\n== 首次会晤 ==\n"
            "5月6日，张三与李四在[[某宫]]会谈<ref>{{cite news |title=张三将访问乙都 |date=2035-03-25}}</ref>。\n")
    assert list(summits(text, title="张三访问乙都")) == [day]


CALL_VISIT = ("'''2034年张三访问乙国'''是甲国总理[[张三]]于2034年5月6日至8日对[[乙国]]进行的正式访问。\n"
              "== 经过 ==\n2034年5月6日，张三抵达[[某城]]。7日，乙国总理[[李四]]同张三举行会谈。"
              "当日下午，她拜会乙国总统[[王五]]和副总统[[赵六]]，随后出席晚宴。\n")


def test_a_courtesy_call_on_a_head_on_a_visits_days_joins_its_summit():
    found = summits(CALL_VISIT, title="2034年张三访问乙国")
    assert found == {"2034-05-06": {"end": "2034-05-08", "participants": {"张三", "李四", "王五"},
                                    "ordinal": set(), "venue": {"乙国"}}}  # not the vice-president


def test_a_courtesy_call_off_the_visits_days_by_someone_else_or_in_another_state_joins_no_one():
    later = CALL_VISIT.replace("当日下午，她拜会", "9月2日，她拜会")
    minister = CALL_VISIT.replace("当日下午，她拜会", "当日下午，甲国外长[[孙七]]拜会")
    abroad = CALL_VISIT.replace("当日下午，她拜会乙国总统", "当日下午，她转往[[新加坡]]，拜会总统")
    emperor = CALL_VISIT.replace("她拜会乙国总统[[王五]]", "她拜会[[王五]]天皇")
    for text in (later, minister, abroad, emperor):
        assert summits(text, title="2034年张三访问乙国")["2034-05-06"]["participants"] == {"张三", "李四"}


BODYS_GATHERING = ("'''{title}'''于2035年9月3日至5日在[[某城]]举行。\n== 会晤 ==\n9月4日上午，会晤在[[某会展中心]]举行。"
                   "甲国总统[[张三]]主持，乙国总统[[李四]]、丙国总理[[王五]]、丁国总统[[赵六]]等出席。\n\n9月5日，张三会见李四。\n")


@pytest.mark.parametrize("title, days", [
    ("金砖国家领导人第二十次会晤", {"2035-09-05"}),  # the bare 会晤 held is the gathering the title names
    # near-misses: a bloc's meeting with one partner, and a meeting of four states no body holds, are summits
    ("甲国—东盟峰会", {"2035-09-04", "2035-09-05"}),
    ("甲乙丙丁四国峰会", {"2035-09-04", "2035-09-05"}),
])
def test_the_bare_meeting_word_held_in_an_article_about_a_bodys_gathering_is_that_gathering(title, days):
    assert set(summits(BODYS_GATHERING.format(title=title), title=title)) == days


@pytest.mark.parametrize("sentence, days", [
    # the 16th's talks open on their own day after an official's meeting of the 15th: led by 张三, not the official
    ("2034年6月15日，[[甲国外交部长|外长]][[王五]]在某城会见乙国总统[[李四]]；6月16日，甲国总统[[张三]]在[[某宫]]与李四举行会谈。",
     {"2034-06-16"}),
    # near-miss: the official is the subject of the whole sentence, meeting on the next day
    ("2034年6月15日，[[甲国外交部长|外长]][[王五]]抵达某城，并于6月16日与乙国总统[[李四]]举行会谈。", set()),
])
def test_a_later_days_clause_of_its_own_is_led_by_whom_it_names_not_by_the_official_of_the_clause_before(sentence, days):
    assert set(summits(HEAD + sentence)) == days


def _outcomes_by_day(text, title):
    extraction = extract(parse(Page(text=text, origin="t", title=title)))
    days = {f.subject: f.value.isoformat() for f in extraction.facts if f.prop is Prop.START_DATE}
    out = {day: set() for subject, day in days.items() if subject.kind is Kind.SUMMIT}
    for fact in extraction.facts:
        if fact.prop is Prop.OUTCOME and fact.subject in days:
            out[days[fact.subject]].add(fact.value.key)
    return out


@pytest.mark.parametrize("title, outcome", [
    ("金砖国家领导人第二十次会晤", set()),  # the gathering's declaration, not the sideline meeting's
    ("张三李四某城会晤", {"某城宣言"}),  # near-miss: the article's own summit on the days its lead gives
])
def test_what_a_bodys_gathering_adopts_is_not_the_meeting_on_its_sidelines(title, outcome):
    text = (f"'''{title}'''于2035年9月4日在[[某城]]举行。会议通过《某城宣言》。\n== 背景 ==\n"
            "2034年5月1日，甲国总统[[张三]]在[[某都]]会见丙国总理[[王五]]。\n== 会见 ==\n"
            "2035年9月4日，张三在某城会见乙国总统[[李四]]。\n")
    assert _outcomes_by_day(text, title) == {"2034-05-01": set(), "2035-09-04": outcome}


LISTED_TOWNS = ("'''2034年张三访问乙国'''是[[甲国总理]][[张三]]于2034年3月8日至11日对[[乙国]]进行的正式访问。"
                "访问期间，张三与[[乙国总理]][[李四]]举行会谈。\n== 经过 ==\n")


@pytest.mark.parametrize("body", [
    "2034年3月8日至11日，张三访问乙国，先后到访[[某城]]、[[乙城]]和[[丙都]]；3月10日，两国总理在丙都[[某宫]]举行会谈。",
    "2034年3月8日，张三抵达[[某城]]、[[乙城]]和[[丙都]]；3月10日，两国总理在丙都[[某宫]]举行会谈。",
])
def test_each_name_listed_after_a_town_reached_is_a_town_and_no_holder_of_the_joint_office(body):
    found = summits(LISTED_TOWNS + body + "\n", title="2034年张三访问乙国")
    assert found["2034-03-08"]["participants"] == {"张三", "李四"}


def test_names_listed_after_the_town_past_a_comma_are_still_the_people_met():
    body = "2034年3月10日，张三抵达[[某城]]，与乙国总理[[李四]]和[[王五]]举行会谈。"
    found = summits(LISTED_TOWNS.replace("访问期间，张三与[[乙国总理]][[李四]]举行会谈。", "") + body + "\n",
                    title="2034年张三访问乙国")
    assert found["2034-03-08"]["participants"] == {"张三", "李四", "王五"}


def test_a_session_of_the_european_political_community_is_a_gathering_no_summit_of_its_host_and_a_guest():
    text = HEAD + "2035年7月18日，甲国首相[[张三]]在[[某宫]]主持第四届欧洲政治共同体峰会，乙国总统[[李四]]应邀出席。"
    assert summits(text) == {}


def test_a_meeting_on_the_sidelines_of_the_european_political_community_is_a_summit():
    text = HEAD + "2035年7月18日，甲国首相[[张三]]在[[某宫]]出席欧洲政治共同体峰会期间与乙国总统[[李四]]举行会谈。"
    assert summits(text)["2035-07-18"]["participants"] == {"张三", "李四"}


def test_the_one_before_the_first_since_did_it_before_and_is_no_participant():
    text = HEAD + ("2035年7月19日，乙国总统[[李四]]在[[某宫]]与甲国首相[[张三]]会谈，并向甲国内阁发表讲话，"
                   "成为自2031年丙国总统[[王五]]以来首位向甲国内阁发表讲话的外国领导人。")
    assert summits(text)["2035-07-19"]["participants"] == {"张三", "李四"}


def test_one_named_after_the_first_since_of_a_meeting_is_still_a_participant():
    text = HEAD + "2035年7月19日，乙国总统[[李四]]在[[某宫]]与甲国首相[[张三]]和丙国总统[[王五]]会谈，这是三国领导人自2031年以来首次会晤。"
    assert summits(text)["2035-07-19"]["participants"] == {"张三", "李四", "王五"}


BOX_WITH_A_DEPUTY = ("{{Infobox event\n| date = {{Start date|2035|2|28}}\n"
                     "| participants = [[张三]]、[[李四]]、[[王五]]\n}}\n"
                     "'''2035年张三与李四会晤'''是甲国总统[[张三]]与乙国总统[[李四]]于2035年2月28日在[[某宫]]举行的会晤。"
                     "甲国副总统[[王五]]在场。\n")


@pytest.mark.parametrize("deputy", ["甲国副总统", "甲国副总理兼外长"])
def test_a_deputy_a_summit_box_lists_is_no_participant(deputy):
    text = BOX_WITH_A_DEPUTY.replace("甲国副总统[[王五]]", f"{deputy}[[王五]]")
    assert summits(text, title="2035年张三与李四会晤")["2035-02-28"]["participants"] == {"张三", "李四"}


def test_one_a_summit_box_lists_at_the_top_stays_a_participant():
    text = BOX_WITH_A_DEPUTY.replace("甲国副总统[[王五]]在场", "丙国总统[[王五]]在场")
    assert summits(text, title="2035年张三与李四会晤")["2035-02-28"]["participants"] == {"张三", "李四", "王五"}




LEG_AFTER_THE_BOX = ("{{Infobox event\n| title = 2035年张三访问越南\n| date = 2035年7月24日至26日\n"
                     "| participants = [[张三]]<br />[[李四]]\n}}\n"
                     "'''2035年张三访问越南'''是法国总统[[张三]]于2035年7月24日至26日对[[越南]]进行的访问。\n"
                     "== 行程 ==\n7月25日，越南国家主席[[李四]]同张三举行会谈。\n"
                     "== 后续 ==\n结束越南之行后，张三于7月26日至28日访问[[老挝]]。7月27日，张三与老挝总理[[王五]]举行会谈。\n")


def test_a_visit_begun_on_the_boxed_visits_last_day_is_the_next_legs_summit_over_its_days():
    found = summits(LEG_AFTER_THE_BOX, title="2035年张三访问越南")
    assert {day: s["end"] for day, s in found.items()} == {"2035-07-24": "2035-07-26", "2035-07-26": "2035-07-28"}


def test_a_visit_sharing_more_than_its_first_day_with_the_boxed_visits_is_left_to_the_box():
    overlapping = LEG_AFTER_THE_BOX.replace("于7月26日至28日访问", "于7月25日至28日访问")
    found = summits(overlapping, title="2035年张三访问越南")
    assert {day: s["end"] for day, s in found.items()} == {"2035-07-24": "2035-07-26", "2035-07-27": "2035-07-27"}


def test_leaders_of_two_states_a_host_also_met_in_one_list_are_met_each_on_their_own():
    text = HEAD + ("2033年7月27日，甲国首相[[张三]]在[[某城]]与乙国总理[[李四]]举行会谈。"
                   "同日他还会见了[[牙买加]]总理[[王五]]和[[斐济]]总理[[赵六]]。")
    found = set(meetings(text))
    assert ("2033-07-27", frozenset({"张三", "王五"})) in found
    assert ("2033-07-27", frozenset({"张三", "赵六"})) in found
    assert not any("王五" in people and "赵六" in people for _, people in found)


def test_a_leader_a_host_also_met_named_bare_in_the_list_holds_the_office_written_before_his_name_elsewhere():
    """``同日他还会见了牙买加总理王五、赵六和斐济总理孙七`` with 赵六 written ``加拿大总理[[赵六]]`` earlier: three states'
    leaders, three meetings; written earlier only as a guest (no office), the list stays one meeting."""
    text = HEAD + ("2033年7月26日，甲国首相[[张三]]在[[某城]]与[[加拿大]]总理[[赵六]]举行会谈。"
                   "2033年7月27日，张三在某城与丙国总理[[李四]]举行会谈。"
                   "同日他还会见了[[牙买加]]总理[[王五]]、赵六和[[斐济]]总理[[孙七]]。")
    found = set(meetings(text))
    assert {("2033-07-27", frozenset({"张三", other})) for other in ("王五", "赵六", "孙七")} <= found
    bare = text.replace("与[[加拿大]]总理[[赵六]]举行会谈", "与[[赵六]]举行会谈")
    assert not any(day == "2033-07-27" and people == frozenset({"张三", "赵六"}) for day, people in meetings(bare))


def test_leaders_of_one_state_a_host_also_met_in_one_list_are_not_met_one_by_one():
    text = HEAD + ("2033年7月27日，甲国首相[[张三]]在[[某城]]与丙国总统[[李四]]举行会谈。"
                   "同日他还会见了[[乙国]]国王[[王五]]和[[乙国]]总理[[赵六]]。")
    found = meetings(text)
    assert any("王五" in people for _, people in found)
    assert all(("王五" in people) == ("赵六" in people) for _, people in found)  # one meeting of them both


def test_the_first_day_the_box_gives_stands_when_an_arrival_told_the_day_before_moved_it():
    """A box's summit the prose tells too, whose visitor the prose has arrive the day before the talks: the box's
    first day stands, and the summit keeps one first day (a summit with none is refused by the shapes)."""
    text = ("{{Infobox summit meeting\n| name = 2034年某城峰会\n| date = {{Start date|2034|5|31}}－{{End date|2034|6|3}}\n"
            "| participants = [[张三]]<br>[[李四]]\n}}\n"
            "'''2034年某城峰会'''是[[甲国总统]][[张三]]与[[乙国总统]][[李四]]于2034年5月31日至6月3日在[[某城]]举行的会晤。\n"
            "== 会谈 ==\n5月30日，李四抵达某城。5月31日，张三在[[某宫]]为李四举行欢迎仪式，两国领导人随即开始会谈。\n")
    found = summits(text, title="2034年某城峰会")
    assert found["2034-05-31"]["end"] == "2034-06-03"
    extraction = extract(parse(Page(text=text, origin="t", title="2034年某城峰会")))
    for entity in extraction.entities:
        if entity.id.kind is Kind.SUMMIT:
            assert sum(f.subject == entity.id and f.prop is Prop.START_DATE for f in extraction.facts) == 1


@pytest.mark.parametrize("deadline, days", [
    ("并于2039年12月31日前将库存减半", {"2034-06-01"}),  # a deadline: 同日 is the signing's day
    ("并于2039年12月31日将库存减半", {"2034-06-01", "2039-12-31"}),  # near-miss: a day told, no 前
    ("，张三并于2039年12月31日前往乙国与李四再次会谈", {"2034-06-01", "2039-12-31"}),  # near-miss: 前往 goes that day
])
def test_a_day_something_is_to_be_done_by_is_no_day_the_account_reaches(deadline, days):
    text = (HEAD + "2034年6月1日，甲国总统[[张三]]与乙国总统[[李四]]在[[某宫]]签署《甲乙某某协定》。"
            f"协定要求双方{deadline}。同日，两人还签署了《甲乙贸易协定》。")
    assert set(summits(text)) == days


INVITED = ("'''2033年某城峰会'''是多国领导人于2033年9月9日至10日在[[某城]]举行的峰会。\n== 会晤 ==\n=== 甲乙会晤 ===\n"
           "9月9日，甲国总统[[张三]]与乙国总统[[李四]]举行会晤。张三在会晤中邀请李四于2034年5月访问甲国。\n"
           "=== 甲丙会晤 ===\n9月10日，甲国总统[[张三]]与丙国总理[[王五]]举行会谈。")


def test_the_year_an_invitation_asks_a_guest_to_come_in_is_not_the_year_the_text_has_reached():
    assert set(summits(INVITED, "2033年某城峰会")) == {"2033-09-09", "2033-09-10"}


def test_the_year_of_a_visit_made_at_an_invitation_is_the_year_the_text_has_reached():
    text = HEAD + "乙国总统[[李四]]应甲国总统[[张三]]邀请于2034年5月访问甲国。\n5月4日，两人在[[某城]]举行会谈。"
    assert set(summits(text)) == {"2034-05-04"}


def test_talks_told_after_the_arrival_are_on_the_day_of_arriving():
    text = HEAD + ("2035年10月28日下午，甲国总统[[张三]]乘专机飞抵[[某城]]。"
                   "抵达后，张三与乙国总统[[李四]]会面，双方谈及某问题。")
    assert summits(text)["2035-10-28"]["participants"] == {"张三", "李四"}
    plans = HEAD + ("2035年10月28日下午，甲国总统[[张三]]乘专机飞抵[[某城]]。"
                    "抵达后，张三表示希望将来与乙国总统[[李四]]会面。")
    assert summits(plans) == {}


def test_a_meeting_right_after_a_press_conference_is_held():
    text = HEAD + "2033年5月5日下午，甲国主席[[张三]]在联合记者会结束后，随即会见乙国总理[[李四]]。"
    after = HEAD + "2033年5月5日下午，甲国主席[[张三]]举行记者会后会见了乙国总理[[李四]]。"
    assert summits(after)["2033-05-05"]["participants"] == {"张三", "李四"}
    assert summits(text)["2033-05-05"]["participants"] == {"张三", "李四"}
    spoken_of = HEAD + "2033年5月5日下午，甲国主席[[张三]]在联合记者会上谈及会见乙国总理[[李四]]。"
    assert summits(spoken_of) == {}


def test_a_leader_met_as_the_incoming_holder_in_an_earlier_year_meets_as_the_holder_later():
    text = HEAD.replace("== 经过 ==\n", "== 背景 ==\n2031年11月，甲国总理[[张三]]前往某城会见乙国当选总统[[李四]]。\n== 经过 ==\n") \
        + "2032年2月10日，张三与李四在[[某宫]]举行会谈。"
    assert summits(text)["2032-02-10"]["participants"] == {"张三", "李四"}
    same_year = HEAD + "2031年11月，甲国总理[[张三]]前往某城会见乙国当选总统[[李四]]。\n2031年12月10日，张三与李四在[[某宫]]举行会谈。"
    assert "2031-12-10" not in summits(same_year)  # near-miss: still the president-elect that year


def test_a_sentence_opening_on_the_evening_of_the_day_told_is_of_that_day():
    text = HEAD + "2033年6月2日下午，甲国总统[[张三]]乘专机抵达[[某城]]。当晚，张三与乙国总统[[李四]]在[[某宫]]举行会谈。"
    assert summits(text)["2033-06-02"]["participants"] == {"张三", "李四"}
    informal = HEAD + "2033年6月2日下午，甲国总统[[张三]]乘专机抵达[[某城]]。当晚，乙国总统[[李四]]在官邸与张三非正式会谈。"
    assert summits(informal) == {}  # near-miss: an evening's informal talk, which the visit's talks place
    banquet = HEAD + ("2033年6月2日，甲国总统[[张三]]与乙国总理[[李四]]在[[某宫]]举行会谈。"
                      "当晚，张三出席欢迎宴会，乙国总统[[王五]]也会见了他。")
    assert summits(banquet)["2033-06-02"]["participants"] == {"张三", "李四"}  # near-miss: a greeting at the banquet


POPE_TITLE = "2034年张三与某某会晤"
POPE_BOX = ("{{Infobox summit\n| name = 2034年张三与某某会晤\n| date = {{Start date|2034|5|6}}\n| venue = [[宗座宫]]\n"
            "| participants = [[张三]]<br />[[教宗某某]]\n}}\n'''2034年张三与某某会晤'''是[[美国总统]][[张三]]与"
            "[[天主教]][[教宗]][[某某]]于2034年5月6日在[[梵蒂冈]][[宗座宫]]举行的会面。\n"
            "== 会晤 ==\n5月6日上午，张三抵达宗座宫，与教宗私下会晤约一小时。\n== 同日其他会晤 ==\n")


def test_a_pope_is_a_side_of_his_own_so_a_states_leader_met_that_day_holds_a_meeting_apart():
    text = POPE_BOX + "同日下午，张三前往[[某宫]]会见[[意大利总统]][[李四]]。"
    assert set(meetings(text, title=POPE_TITLE)) == {("2034-05-06", frozenset({"张三", "教宗某某"})),
                                                     ("2034-05-06", frozenset({"张三", "李四"}))}
    again = POPE_BOX + "同日下午，张三再次与[[教宗]]会晤。"
    assert set(meetings(again, title=POPE_TITLE)) == {("2034-05-06", frozenset({"张三", "教宗某某"}))}  # near-miss: the box's sides


@pytest.mark.parametrize("after", ["欢迎仪式后", "仪式结束后"])
def test_a_sentence_opening_after_the_ceremony_the_paragraph_told_is_of_its_day(after):
    ceremony = "2033年6月2日，甲国总统[[张三]]在[[某宫]]东门外广场举行仪式，欢迎乙国总统[[李四]]对甲国进行国事访问。"
    text = HEAD + ceremony + f"{after}，两国元首在某宫举行会谈。"
    assert summits(text)["2033-06-02"]["participants"] == {"张三", "李四"}
    visit = HEAD + ceremony + f"{after}，李四前往[[某馆]]参观。"
    assert summits(visit) == {}  # near-miss: what follows the ceremony is no meeting


def test_a_ceremony_in_an_article_about_a_bodys_gathering_does_not_date_the_talks_after_it():
    text = ("'''金砖国家领导人第三十一次会晤'''于2033年6月1日至3日在[[某城]]举行。\n\n== 双边活动 ==\n"
            "2033年6月2日，甲国总统[[张三]]在[[某宫]]东门外广场举行仪式，欢迎乙国总统[[李四]]对甲国进行国事访问。"
            "欢迎仪式后，两国元首举行会谈。")
    assert "2033-06-02" not in summits(text, title="金砖国家领导人第三十一次会晤")  # the visit's days are not the ceremony's


@pytest.mark.parametrize("opening", ["两国元首随后", "随后两国元首", "双方随后"])
def test_a_paragraph_going_on_from_the_one_before_is_of_its_day_and_its_two(opening):
    welcomed = HEAD + "2034年6月17日，甲国总统[[张三]]抵达[[某都]]。乙国总统[[李四]]在机场迎接张三。\n\n"
    met = summits(welcomed + f"{opening}举行会谈，决定建立伙伴关系。")
    assert {day: s["participants"] for day, s in met.items()} == {"2034-06-17": {"张三", "李四"}}
    assert summits(welcomed + "两国元首多次举行会谈，决定建立伙伴关系。") == {}  # near-miss: it goes on from no one day


@pytest.mark.parametrize("met", ["并会见乙国总理[[王五]]", "并与乙国总理[[王五]]会面"])
def test_what_the_talks_were_about_does_not_make_the_next_clause_a_plan(met):
    held = HEAD + f"2035年4月11日，甲国总统[[张三]]抵达[[某都]]，与乙国总统[[李四]]举行会谈，讨论两国经济合作，{met}。"
    assert {day: s["participants"] for day, s in summits(held).items()} == {"2035-04-11": {"张三", "李四"}}
    planned = HEAD + "2035年4月11日，甲国总统[[张三]]表示，两国将讨论经济合作，并与乙国总统[[李四]]会晤。"
    assert summits(planned) == {}  # near-miss: no meeting told before the discussion, which is a plan's


def test_a_summit_spans_the_visits_days_a_later_sentence_gives_with_days_alone():
    arrived = HEAD + "2036年5月7日，甲国总统[[张三]]抵达[[某都]]，乙国总统[[李四]]在机场迎接张三。两国元首随后举行会谈。"
    assert {d: s["end"] for d, s in summits(arrived + "访问于7日至8日进行。").items()} == {"2036-05-07": "2036-05-08"}
    assert {d: s["end"] for d, s in summits(arrived + "访问于9日至10日进行。").items()} == {"2036-05-07": "2036-05-07"}  # not its day


@pytest.mark.parametrize("deadline, days", [
    ("并于2039年12月31日前将库存减半", {"2034-05-31"}),  # a deadline: 同日 is the signing's day, of the lead's year
    ("并于2039年12月31日将库存减半", {"2034-05-31", "2039-12-31"}),  # near-miss: a day told, no 前
])
def test_a_deadline_is_no_day_the_account_reaches_where_its_days_take_the_leads_year(deadline, days):
    text = ("'''某城峰会'''是甲国总统[[张三]]与乙国总统[[李四]]于2034年5月31日至6月3日在某城举行的首脑会谈。\n== 会谈 ==\n"
            f"6月1日，两国元首在某宫签署了《甲乙某某协定》。协定要求双方{deadline}。同日，两人还签署了《甲乙贸易协定》。")
    assert set(summits(text, title="某城峰会")) == days


HALL_BOX = ("{{Infobox summit meeting\n| name = 2036年张三访问德国\n| date = {{Start date|2036|4|2}}－{{End date|2036|4|5}}\n"
            "| cities = [[某都]]\n| participants = [[张三]]<br />[[李四]]\n}}\n"
            "'''2036年张三访问德国'''是[[法国总统]][[张三]]于2036年4月2日至5日对[[德国]]进行的正式访问，其间与[[德国总理]]"
            "[[李四]]会谈。\n== 行程 ==\n4月4日，张三在某都会见[[意大利总理]][[王五]]。\n\n")


@pytest.mark.parametrize("day, hall", [("4月3日", {"某宫"}), ("4月4日", {"某都"})])
def test_the_two_sides_talks_on_a_day_no_other_summit_holds_are_the_boxed_summits(day, hall):
    """``两国领导人在某宫举行会谈`` on a day of the box that no other summit of those days holds (a third state's
    leader met on another day) is the box's talks, and the box is held in that hall; on the day the other summit holds,
    the two sides may be either pair's and the box keeps its town."""
    found = summits(HALL_BOX + f"{day}，两国领导人在[[某宫]]举行会谈。\n", title="2036年张三访问德国")
    assert found["2036-04-02"]["end"] == "2036-04-05"
    assert found["2036-04-04"]["participants"] == {"张三", "王五"}
    assert found["2036-04-02"]["venue"] == hall


ARRIVED_ON_THE_DAY = "2034年8月14日，甲国总统[[张三]]抵达乙国首都[[某城]]，出席某博览会开幕式。"


@pytest.mark.parametrize("opening", ["上午，", "中午，", "下午3时，", "上午"])
def test_a_sentence_opening_on_a_part_of_the_day_is_of_the_day_its_paragraph_told(opening):
    """``…抵达某城。中午，甲与乙会晤``: a sentence opening on a part of the day and no date goes on with the day its
    paragraph told, and so does a paragraph opening so (``¶下午，…``, as one opening on 随后 does); not after a
    paragraph that told no day (the near-miss)."""
    met = f"{opening}张三与乙国总统[[李四]]会晤。"
    assert {d: s["participants"] for d, s in summits(HEAD + ARRIVED_ON_THE_DAY + met).items()} \
        == {"2034-08-14": {"张三", "李四"}}
    assert {d: s["participants"] for d, s in summits(HEAD + ARRIVED_ON_THE_DAY + "\n\n" + met).items()} \
        == {"2034-08-14": {"张三", "李四"}}
    assert summits(HEAD + ARRIVED_ON_THE_DAY.replace("2034年8月14日，", "") + "\n\n" + met) == {}


SIGNED_ON_THE_LEG = ("'''甲国总统出访'''是甲国总统[[张三]]2033年11月对[[乙国]]和[[智利]]的访问。\n"
                     "== 访问行程 ==\n=== 乙国 ===\n11月16日，张三在[[某城]]同乙国总统[[李四]]举行会谈。\n"
                     "=== 智利 ===\n11月17日晚，张三抵达[[某都]]，开始对智利的访问。访问期间，{signed}签署了5项合作协议。"
                     "18日上午，张三参观了某港。随后智利总统[[王五]]陪同张三前往机场，张三结束访问，启程回国。\n")


def test_the_two_heads_signing_on_a_legs_visit_days_is_its_summit():
    found = summits(SIGNED_ON_THE_LEG.format(signed="两国元首"), title="甲国总统出访")
    assert found["2033-11-17"]["participants"] == {"张三", "王五"}
    assert found["2033-11-17"]["end"] == "2033-11-18"
    below = summits(SIGNED_ON_THE_LEG.format(signed="两国外长"), title="甲国总统出访")
    assert "2033-11-17" not in below


def test_meeting_the_press_or_saying_the_talks_went_well_is_no_meeting():
    from datetime import date

    from kg.extract.dates import DateRange
    from kg.extract.meeting_clauses import meeting_clause
    day = DateRange(date(2037, 5, 6), date(2037, 5, 6), 0, 0, False)  # the day a day's heading gives
    assert meeting_clause("会后张三在乙国驻甲国大使馆会见记者，称会谈具建设性。", day) is None
    assert meeting_clause("会后张三在乙国驻甲国大使馆会见了中外媒体。", day) is None
    assert meeting_clause("会后张三在乙国驻甲国大使馆会见李四，称会谈具建设性。", day) is not None


def test_received_in_audience_by_a_king_is_a_meeting_where_it_says():
    text = HEAD + "== 2034年 ==\n2034年12月4日，甲国总统[[张三]]首次访问乙国，在[[乙都]]受到国王[[李四]]的接见。\n"
    found = summits(text)
    assert found["2034-12-04"]["participants"] == {"张三", "李四"} and found["2034-12-04"]["venue"] == {"乙都"}
    extraction = extract(parse(Page(text=text, origin="t", title="甲乙会晤")))
    offices = {f.value.key for f in extraction.facts if f.prop is Prop.ROLE}
    assert "国王" in offices and not any(o.startswith("到") for o in offices)


def test_an_adviser_received_is_no_meeting_of_the_leader_he_advises():
    text = HEAD + ("== 2034年 ==\n2034年3月30日，[[张三]]的首席外交顾问[[王五]]在[[乙都]]获乙国总统[[李四]]接见。"
                   "甲国总统张三表示欢迎。\n")
    assert "2034-03-30" not in summits(text)


def test_a_section_opening_after_leaving_on_that_day_is_of_the_last_day_told():
    lead = "'''2033年张三与某宗会晤'''是甲国总统[[张三]]与[[某宗]]的会面。\n== 会晤 ==\n2033年5月6日，某宗在[[某宫]]接见张三。\n"
    text = lead + "== 同日其他会晤 ==\n离开某宫后，张三当天下午前往[[乙宫]]会见乙国总统[[李四]]。\n"
    assert ("2033-05-06", frozenset({"张三", "李四"})) in meetings(text, title="2033年张三与某宗会晤")
    text = lead + "== 其他会晤 ==\n离开某宫后，张三前往[[乙宫]]会见乙国总统[[李四]]。\n"  # no day said: none taken
    assert not any(met == {"张三", "李四"} for _, met in meetings(text, title="2033年张三与某宗会晤"))


@pytest.mark.parametrize("later, met", [
    ("7日转赴[[某都]]，与丙国主席[[王五]]和丙国总理[[赵六]]交换意见。", {"张三", "王五", "赵六"}),  # 张三 left out: he met them
    ("7日，丙国主席[[王五]]与丙国总理[[赵六]]在[[某都]]会谈。", {"王五", "赵六"}),  # its own subject
])
def test_a_clause_opening_on_whom_its_subject_met_has_the_sentences_subject(later, met):
    text = HEAD + "2031年5月6日，甲国总统[[张三]]在[[某城]]与乙国总理[[李四]]举行会谈；" + later + "\n"
    assert summits(text)["2031-05-07"]["participants"] == met


_GATHERING = ("'''2033年甲乙特别首脑会议'''是甲国与乙方于2033年12月16日至18日在[[某城]]举行的特别首脑会议。"
              "会议由甲国首相[[张三]]与乙国总统[[李四]]共同主持。\n== 与会者 ==\n据甲国外务省公布的名单，出席会议的有：{list}\n")


@pytest.mark.parametrize("listed, joined", [
    ("丙国国王[[王五]]、丁国总理[[赵六]]、戊国总统[[孙七]]，某组织秘书长[[周八]]亦出席。", {"王五", "赵六", "孙七"}),
    ("丙国外长[[王五]]、丁国外长[[赵六]]和某组织秘书长[[周八]]。", set()),  # below the top: none of the leaders
])
def test_a_list_of_who_attended_the_gathering_the_article_defines_adds_its_heads(listed, joined):
    found = summits(_GATHERING.replace("{list}", listed), title="2033年甲乙特别首脑会议")
    assert found["2033-12-16"]["participants"] == {"张三", "李四"} | joined


CROWN_PRINCES_VISIT = ("'''2036年王五访问甲国'''是乙国王储[[王五]]于2036年2月19日至20日对[[甲国]]进行的国事访问。\n"
                       "== 经过 ==\n2036年2月20日上午，甲国总统[[赵六]]为王储举行欢迎仪式。同日，甲国总理[[张三]]与王储在[[某宫]]举行会谈。\n")


def test_a_crown_prince_told_by_his_title_alone_is_the_one_the_article_names_so():
    found = summits(CROWN_PRINCES_VISIT, title="2036年王五访问甲国")
    assert {"张三", "王五"} <= found["2036-02-19"]["participants"]
    other = CROWN_PRINCES_VISIT.replace("甲国总理[[张三]]与王储", "甲国总理[[张三]]与丙国王储")  # another state's
    assert not any({"张三", "王五"} <= s["participants"] for s in summits(other, title="2036年王五访问甲国").values())


def test_a_visit_begun_on_the_last_day_of_a_boxed_visit_and_going_past_it_is_the_tours_next_stop():
    text = ("{{Infobox summit meeting\n| date = {{Start date|2038|4|2}}－{{End date|2038|4|5}}\n| cities = [[乙都]]\n"
            "| participants = {{flagicon|FRA}} [[张三]]<br />{{flagicon|GER}} [[李四]]\n}}\n"
            "'''2038年张三访问德国'''是法国总统[[张三]]于2038年4月2日至5日对[[德国]]进行的正式访问。"
            "访问期间，张三同德国领导人[[李四]]签署了《[[甲乙友好条约]]》。\n"
            "== 访问行程 ==\n4月3日，张三与李四在[[某宫]]举行会谈。\n\n4月5日，张三结束访问，离开[[乙都]]飞往[[丙都]]。\n"
            "== 后续 ==\n4月{}，张三访问[[英国]]，同首相[[王五]]在伦敦会谈。\n")
    found = summits(text.format("5日至7日"), title="2038年张三访问德国")
    assert found["2038-04-05"]["participants"] == {"张三", "王五"}  # the next stop, past the box's days
    within = summits(text.format("4日至5日"), title="2038年张三访问德国")  # within the box's days: the box's
    assert not any(s["participants"] == {"张三", "王五"} for s in within.values())


@pytest.mark.parametrize("welcome", ["7日上午，法国总统[[李四]]在[[某宫]]为张三举行隆重的欢迎仪式。随后，法国总理[[王五]]与张三举行会谈。",
                                     "7日上午，法国总统[[李四]]在[[某宫]]为张三举行正式欢迎仪式，王五出席。同日，王五与张三在[[某馆]]举行会谈。"])
def test_a_head_who_welcomes_before_the_talks_another_of_the_side_holds_that_day_only_welcomes(welcome):
    text = HEAD + "德国总理[[张三]]于2031年5月6日至8日对[[法国]]进行国事访问，法国总理[[王五]]到机场迎接。" + welcome
    assert summits(text)["2031-05-06"]["participants"] == {"张三", "王五"}


@pytest.mark.parametrize("welcome", ["7日上午，法国总统[[李四]]在[[某宫]]为张三举行隆重的欢迎仪式。随后，李四与张三举行会谈。",
                                     "7日上午，法国总统[[李四]]在[[某宫]]为张三举行隆重的欢迎仪式。8日，法国总理[[王五]]与张三举行会谈。"])
def test_a_head_who_welcomes_and_holds_the_talks_or_whose_premier_talks_another_day_takes_part(welcome):
    text = HEAD + "德国总理[[张三]]于2031年5月6日至8日对[[法国]]进行国事访问，法国总理[[王五]]到机场迎接。" + welcome
    assert "李四" in summits(text)["2031-05-06"]["participants"]


@pytest.mark.parametrize("banquet", ["当晚，王五总统在某府设国宴款待李四。", "当晚，李四出席王五总统举行的国宴。"])
def test_a_head_named_after_the_talks_only_for_the_banquet_he_gives_is_no_participant(banquet):
    text = HEAD + ("2033年4月4日，乙国总统[[李四]]抵达[[某城]]，开始为期三天的国事访问。\n\n5日上午，甲国总统[[王五]]和甲国总理[[张三]]"
                   "在[[某府]]为李四举行正式欢迎仪式。李四随后前往[[某宫]]，与张三举行首脑会谈。会谈后，两国签署了五项谅解备忘录。" + banquet)
    assert summits(text)["2033-04-04"]["participants"] == {"李四", "张三"}
    talked = text.replace("与张三举行首脑会谈", "与王五、张三举行首脑会谈")  # one who met before the banquet stays
    assert summits(talked)["2033-04-04"]["participants"] == {"李四", "张三", "王五"}


def test_a_banquet_host_in_the_meetings_sentence_is_dropped_where_others_meet_but_not_where_they_meet_after():
    apart = HEAD + "2034年1月27日，乙国总统[[李四]]抵达[[某城]]，甲国国王[[王五]]在[[某宫]]设国宴欢迎，当日下午李四与甲国总理[[张三]]举行会谈。"
    assert summits(apart)["2034-01-27"]["participants"] == {"李四", "张三"}
    pair = HEAD + "2034年1月27日晚，甲国总理[[张三]]在[[某宫]]设宴欢迎乙国总统[[李四]]；28日，两人在[[某城]]举行会谈。"
    assert summits(pair)["2034-01-27"]["participants"] == {"张三", "李四"}


def _participant_sets(text, title):
    extraction = extract(parse(Page(text=text, origin="t", title=title)))
    return sorted(sorted(f.value.key for f in extraction.facts if f.subject == entity.id and f.prop is Prop.PARTICIPANT)
                  for entity in extraction.entities if entity.id.kind is Kind.SUMMIT)


_PAIR = "'''张三与李四会晤'''是指[[土耳其]]总统[[张三]]与[[沙特阿拉伯]]王储[[李四]]之间的会晤。\n== 经过 ==\n2035年7月17日，张三抵达[[吉达]]。"


def test_top_leaders_of_one_side_met_in_turn_are_one_summit():
    text = _PAIR + "同日，他先后与沙特阿拉伯国王[[王五]]及王储兼首相李四在[[某宫]]会谈。"
    assert _participant_sets(text, "张三与李四会晤") == [["张三", "李四", "王五"]]


@pytest.mark.parametrize("met", ["卡塔尔埃米尔[[赵六]]", "沙特阿拉伯外交大臣[[赵六]]"])
def test_leaders_of_several_sides_or_one_below_the_top_met_in_turn_are_each_met_on_their_own(met):
    text = _PAIR + f"同日，他先后与沙特阿拉伯国王[[王五]]及{met}在[[某宫]]会谈。"
    assert ["张三", "李四", "王五"] not in _participant_sets(text, "张三与李四会晤")
    assert ["张三", "王五"] in _participant_sets(text, "张三与李四会晤")


def test_a_summit_of_a_side_no_office_gives_in_a_tour_of_several_takes_no_leader_from_the_neighbours():
    # 赵六's side (巴新) is not read, but he stands for the side the summit has besides 日本: the leaders of the tour's
    # other states (新西兰, 澳大利亚), each of whom met 张三 before and after it, are not added
    tour = ("'''张三访问大洋洲'''是[[日本]]首相[[张三]]对[[新西兰]]、[[澳大利亚]]和[[巴布亚新几内亚]]的访问。\n== 经过 ==\n"
            "2036年7月7日，张三在[[奥克兰]]同新西兰总理[[李四]]举行会谈。\n\n2036年7月8日，张三同澳大利亚总理[[王五]]举行会谈。\n\n"
            "2036年7月10日，张三抵达[[莫尔兹比港]]，当天下午在国会大厦同巴新总理[[赵六]]举行会谈。\n\n"
            "2037年3月24日，新西兰总理李四访问日本，在东京同张三举行会谈。\n\n2038年1月14日，张三再次访问澳大利亚，同王五举行会谈。")
    assert summits(tour, "张三访问大洋洲")["2036-07-10"]["participants"] == {"张三", "赵六"}


def test_a_leg_elsewhere_in_a_series_of_two_leaders_takes_no_leader_from_the_neighbours():
    # 张三 and 李四 meet before and after; on the way to the second meeting 张三 first visits 泰国 and meets its premier 赵六,
    # whose side the article does not give: 赵六 stands for the side missing, 李四 is not added to that meeting
    series = ("'''张三与李四会晤'''是指[[美国总统]][[张三]]与[[缅甸总统]][[李四]]的三次会晤。\n== 经过 ==\n"
              "2034年3月5日，张三在[[某城]]同李四举行会谈。\n\n"
              "张三于2035年11月18日先访问[[泰国]]，在[[曼谷]]同总理[[赵六]]会谈。11月19日，张三抵达[[仰光]]，同李四会面。\n\n"
              "2036年5月20日，张三在[[某宫]]会晤李四。")
    found = summits(series, "张三与李四会晤")
    assert found["2035-11-18"]["participants"] == {"张三", "赵六"}
    # near miss: a meeting naming one side's leader alone still takes the other side's from the neighbours
    alone = series.replace("同总理[[赵六]]会谈", "举行会谈")
    assert summits(alone, "张三与李四会晤")["2035-11-18"]["participants"] == {"张三", "李四"}


def test_one_named_with_no_office_of_a_state_stands_for_the_side_the_neighbours_would_fill():
    # 王五 is written with no state's office (``同王五主席``): his side is not read, but he stands for the side
    # missing beside 张三, and 李四, who stood for it at the meetings before and after, is not added as a third
    text = ("'''张三与李四会晤'''是指[[法国]]总统[[张三]]与[[德国]]总理[[李四]]的会晤。\n== 经过 ==\n"
            "2031年5月3日，法国总统张三访问德国，同德国总理李四举行会谈。\n\n"
            "2033年9月4日，张三在[[某城]]同[[王五]]主席举行会谈。\n\n"
            "2035年7月8日，德国总理李四访问法国，同张三举行会谈。")
    assert summits(text, "张三与李四会晤")["2033-09-04"]["participants"] == {"张三", "王五"}
    # near miss: a meeting naming one side's leader alone still takes the other side's from the neighbours
    alone = text.replace("同[[王五]]主席举行会谈", "举行会谈")
    assert summits(alone, "张三与李四会晤")["2033-09-04"]["participants"] == {"张三", "李四"}


def _delegation_box(participants):
    return ("{{Infobox event\n| date = {{Start date|2039|9|30}}－{{End date|2039|10|4}}\n| type = 党政代表团正式访问\n"
            f"| participants = {participants}\n}}}}\n"
            "'''2039年张三访问乙国'''是指甲国领导人[[张三]]于2039年9月30日至10月4日率党政代表团对乙国进行的访问。\n"
            "== 经过 ==\n到达当天晚上，张三在[[某堂]]与乙国主席[[李四]]开始会谈。\n")


def test_a_box_of_a_delegations_visit_its_leaders_head_is_their_summit():
    found = summits(_delegation_box("[[张三]]<br />[[李四]]、[[王五]]"), title="2039年张三访问乙国")
    assert found["2039-09-30"]["participants"] == {"张三", "李四", "王五"}


def test_a_box_of_a_delegations_visit_that_lists_officials_is_no_summit_of_its_own():
    assert summits(_delegation_box("[[张三]]<br />[[王五]]（外交部长）"), title="2039年张三访问乙国") == {}


@pytest.mark.parametrize("aside", ["这是李四于同年10月1日就任首相后首次与张三会晤。",
                                   "2038年10月1日李四就职后，同年11月两人在[[某城]]晚宴上进行了简短交谈。"])
def test_the_day_someone_took_office_told_before_a_meeting_since_is_no_meetings_day(aside):
    text = HEAD + "2038年11月16日，甲国主席[[张三]]在[[某城]]同乙国首相[[李四]]举行会谈。" + aside
    assert set(summits(text)) == {"2038-11-16"}


def test_a_meeting_on_the_day_someone_took_office_is_that_days():
    text = HEAD + "2038年10月1日，乙国首相[[李四]]就任当天即在[[某城]]同甲国主席[[张三]]举行会谈。"
    assert set(summits(text)) == {"2038-10-01"}


def test_a_banquet_host_stays_where_the_sentence_goes_on_with_the_office_both_who_met_hold():
    premiers = HEAD + ("2035年5月25日，乙国总理[[李四]]抵达[[某城]]，甲国总理[[张三]]当晚在[[某宫]]设宴款待；26日，"
                       "两国总理在某城举行会谈。27日，李四结束访问回国。")
    assert summits(premiers)["2035-05-25"]["participants"] == {"张三", "李四"}
    other = premiers.replace("26日，两国总理在某城举行会谈", "26日，李四与甲国总统[[王五]]在某城举行会谈")  # the host only dines him
    assert summits(other)["2035-05-25"]["participants"] == {"李四", "王五"}



def test_talks_the_two_sides_coordinate_before_holding_them_are_a_summit():
    text = HEAD + "2019年6月13日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会谈，双方同意协调立场。"
    assert set(summits(text)) == {"2019-06-13"}


@pytest.mark.parametrize("official", ["来访的中共中央对外联络部部长[[王五]]", "日本自民党干事长[[王五]]",
                                      "出席两国外交磋商的中国外交部部长助理[[王五]]"])
def test_a_leader_receiving_an_official_the_text_links_holds_no_summit(official):
    text = ("'''张三李四会晤'''是[[智利]]与[[中国]]领导人的会晤。\n== 经过 ==\n"
            "2033年3月2日，智利总统[[张三]]在[[某城]]与中国国家主席[[李四]]举行会谈。\n\n"
            f"2034年5月6日，张三在[[某城]]会见{official}，王五表示愿推动两国关系。\n\n"
            "2035年7月8日，张三与李四在[[某都]]举行会晤。")
    assert set(summits(text)) == {"2033-03-02", "2035-07-08"}


def test_a_leader_receiving_a_linked_leader_still_holds_a_summit():
    text = ("'''张三李四会晤'''是[[智利]]与[[中国]]领导人的会晤。\n== 经过 ==\n"
            "2033年3月2日，智利总统[[张三]]在[[某城]]与中国国家主席[[李四]]举行会谈。\n\n"
            "2034年5月6日，张三在[[某城]]会见来访的中国总理[[王五]]，王五表示愿推动两国关系。\n\n"
            "2035年7月8日，张三与李四在[[某都]]举行会晤。")
    assert summits(text)["2034-05-06"]["participants"] == {"张三", "王五"}


@pytest.mark.parametrize("talks", ["当天，两国总理在[[某府]]举行会谈。", "两位总理随后在[[某府]]举行会谈。"])
def test_the_two_written_by_the_office_both_hold_are_the_two_the_sentence_before_names(talks):
    text = ("'''张三访问孟加拉国'''是中国总理[[张三]]对[[孟加拉国]]的访问。\n== 经过 ==\n"
            "2034年4月7日下午，张三飞抵[[达卡]]，开始为期两天的正式访问，孟加拉国总理[[李四]]在舷梯旁迎候。" + talks)
    assert summits(text)["2034-04-07"]["participants"] == {"张三", "李四"}


def test_the_two_holders_as_the_object_of_a_meeting_are_not_the_two_named_before():
    text = ("'''张三访问孟加拉国'''是中国总理[[张三]]对[[孟加拉国]]的访问。\n== 经过 ==\n"
            "2034年4月7日下午，张三飞抵[[达卡]]，孟加拉国总理[[李四]]在舷梯旁迎候。"
            "当天，王五在[[某府]]会见两国总理。")
    assert all("王五" not in s["participants"] for s in summits(text).values())


def test_a_paragraph_opening_on_the_visit_goes_on_from_the_two_the_paragraph_before_ended_on():
    text = ("'''张三访华'''是韩国总统[[张三]]对[[中华民国]]的访问。\n== 经过 ==\n"
            "2034年11月27日，张三飞抵[[台北]]。总统[[李四]]亲率外交部长[[王五]]等至机场迎接。张三与李四在舷梯旁握手良久。\n\n"
            "访问期间，两位总统在[[台北]]举行会谈。")
    assert summits(text)["2034-11-27"]["participants"] == {"张三", "李四"}


def test_a_leader_receiving_one_the_text_calls_his_countrys_leader_holds_a_summit_whatever_his_office():
    text = ("'''王五访问智利'''是指时任中国国务院副总理[[王五]]于2034年5月5日至8日对[[智利]]进行的正式访问。"
            "这是中国领导人首次正式访问智利。\n== 经过 ==\n"
            "5月6日，智利总统[[张三]]在[[某城]]会见来访的中国国务院副总理[[王五]]。")
    assert summits(text)["2034-05-05"]["participants"] == {"张三", "王五"}


def test_the_two_holders_meeting_again_on_a_day_of_their_own_are_the_two_the_meeting_before_names():
    text = ("'''张三李四会晤'''是[[俄罗斯]]与[[乌克兰]]领导人的会晤。\n== 经过 ==\n"
            "2033年6月23日，乌克兰总统[[李四]]与俄罗斯总统[[张三]]在[[某城]]会晤，签署《某某协议》。"
            "2034年9月3日，两国总统又在[[某镇]]举行会晤。")
    assert summits(text)["2034-09-03"]["participants"] == {"张三", "李四"}


def test_a_list_of_one_years_visits_dates_its_sections_days_in_that_year():
    text = ("'''张三2034年出访列表'''列出甲国总理[[张三]]2034年的出国访问。张三于2033年11月24日就任。\n"
            "== 访问经过 ==\n=== 乙国 ===\n3月4日，张三与乙国总统[[李四]]举行会谈。\n")
    assert set(summits(text, "张三2034年出访列表")) == {"2034-03-04"}
    untitled = text.replace("张三2034年出访列表", "张三出访列表")
    assert set(summits(untitled, "张三出访列表")) == {"2033-03-04"}  # no year of the list: the lead's runs on


@pytest.mark.parametrize("sentence", [
    "2033年11月6日，甲国总统[[张三]]与乙国总理[[李四]]在[[某馆]]举行首脑会谈并召开联合记者会。",
    "2033年11月6日，甲国总统[[张三]]抵达[[某城]]，与乙国总理[[李四]]会谈后举行联合记者会。",
    "2033年11月6日，甲国总统[[张三]]在[[某宫]]与乙国总理[[李四]]举行会谈，并共同出席记者会。",
])
def test_the_press_conference_the_leaders_held_after_their_meeting_is_its_own(sentence):
    assert set(summits(HEAD + sentence)) == {"2033-11-06"}


def test_a_press_conference_that_only_speaks_of_a_meeting_tells_none_held():
    sentence = "2033年11月6日，某宫在记者会上宣布甲国总统[[张三]]将与乙国总理[[李四]]会谈。"
    assert summits(HEAD + sentence) == {}


def test_a_signing_told_after_until_that_day_is_the_leaders_meeting():
    sentence = "直到2034年8月12日，甲国总理[[张三]]才在[[某城]]与乙国总理[[李四]]签署《某某条约》，两国关系由此进入新阶段。"
    assert {day: s["participants"] for day, s in summits(HEAD + sentence).items()} == {"2034-08-12": {"张三", "李四"}}


def test_until_that_day_with_no_signing_together_is_no_meeting():
    sentence = "直到2034年8月12日，甲国总理[[张三]]仍在[[某城]]等待乙国议会批准《某某条约》。"
    assert summits(HEAD + sentence) == {}


@pytest.mark.parametrize("sentence", [
    "2035年5月19日，甲国总统[[张三]]在[[某城]]会见乙国总统[[李四]]，并表示某进程外长会将在甲国举行。",
    "2035年5月19日，甲国总统[[张三]]在[[某城]]与乙国总统[[李四]]举行会谈，双方同意继续互访，并确认将在安全领域进行战略沟通。",
])
def test_a_plan_of_something_else_after_the_meeting_told_leaves_it_held(sentence):
    assert set(summits(HEAD + sentence)) == {"2035-05-19"}


def test_a_meeting_planned_after_the_meeting_told_is_still_a_plan():
    sentence = "2035年5月19日，甲国总统[[张三]]致函乙国总统[[李四]]，并表示两人将在某城会晤。"
    assert summits(HEAD + sentence) == {}


@pytest.mark.parametrize("office", ["苏联人民委员会主席", "苏维埃社会主义共和国联盟人民委员会主席", "甲国国家管理委员会主席"])
def test_the_chairman_of_a_council_that_is_the_government_is_a_top_leader(office):
    sentence = f"2037年8月12日，{office}[[张三]]在[[某宫]]与乙国首相[[李四]]举行会谈。"
    assert {day: s["participants"] for day, s in summits(HEAD + sentence).items()} == {"2037-08-12": {"张三", "李四"}}


@pytest.mark.parametrize("office", ["甲国计划委员会主席", "甲国人民委员会主席"])
def test_the_chairman_of_a_committee_or_a_peoples_council_beside_the_president_is_below_the_top(office):
    sentence = f"2037年8月12日，{office}[[张三]]在[[某宫]]与乙国首相[[李四]]举行会谈。"
    assert summits(HEAD + sentence) == {}


def test_a_visit_planned_after_a_meeting_told_is_still_planned():
    sentence = "2035年9月13日，甲国总统[[张三]]的特使在[[某城]]会见乙国总统[[李四]]，转达关切；乙国方面随后确认张三将于10月进行国事访问。"
    assert summits(HEAD + sentence) == {}


HOSTS_OTHER_LEADER = """'''张三访问智利'''是指[[芬兰总理]][[张三]]对[[智利]]的访问。
== 2035年 ==
2035年10月9日上午，张三抵达[[圣地亚哥]]，智利总理[[李四]]在机场迎接。张三在[[拉莫内达宫]]与李四会晤后表示希望加强合作。张三随后还会见了总统[[王五]]。
== 2037年 ==
2037年10月29日，张三与总理[[赵六]]举行正式会谈。张三当天会见总统[[孙七]]时表示两国关系坚实。
== 2038年 ==
2038年3月2日，张三抵达圣地亚哥。同日，张三与智利总理[[郑十]]举行会谈，双方同意促进经济合作；张三还分别与总统[[冯十一]]和参议院议长[[陈十二]]会谈。
== 2039年 ==
2039年5月4日，张三抵达圣地亚哥，与智利总理[[周八]]举行会谈。张三当天还会见了秘鲁总统[[吴九]]。
"""


def test_a_leader_met_by_a_bare_office_on_the_days_of_the_talks_is_of_the_visit():
    """The visitor meeting, on the days of the talks the paragraph told, one named by a bare office alone
    (``张三随后还会见了总统王五``, ``张三与总理赵六举行正式会谈。张三当天会见总统孙七时表示``, ``…；张三还分别与总统
    冯十一和…会谈``): the office is the visited state's, the meeting part of the visit's one summit; a leader whose
    office names a state (``当天还会见了秘鲁总统吴九``) met a summit of its own."""
    found = sorted((s, v["end"], v["participants"]) for s, v in summits(HOSTS_OTHER_LEADER, "张三访问智利").items())
    assert found[:3] == [("2035-10-09", "2035-10-09", {"张三", "李四", "王五"}),
                         ("2037-10-29", "2037-10-29", {"张三", "赵六", "孙七"}),
                         ("2038-03-02", "2038-03-02", {"张三", "郑十", "冯十一"})]  # met one by one, the talks' day
    listed = extract(parse(Page(text=HOSTS_OTHER_LEADER, origin="t", title="张三访问智利")))
    of_2039 = [e for e in listed.entities if e.id.kind is Kind.SUMMIT and e.id.key.startswith("2039-05-04")]
    assert len(of_2039) == 2


_MONTH_VISIT = ("'''2033年张三访问乙国'''是指甲国总理[[张三]]于2033年5月对[[乙国]]进行的正式访问。访问期间，乙国总理[[王五]]"
                "于5月7日同张三举行会谈，乙国主席[[李四]]于5月8日会见张三。\n== 经过 ==\n"
                "2033年5月7日，王五在[[某宫]]同张三举行会谈。\n\n2033年5月8日，李四在某宫会见张三。\n")


def test_a_visit_dated_by_its_month_is_one_summit_from_its_first_meeting_to_its_last():
    assert {(day, s["end"], frozenset(s["participants"])) for day, s in summits(_MONTH_VISIT).items()} == {
        ("2033-05-07", "2033-05-08", frozenset({"张三", "王五", "李四"}))}


@pytest.mark.parametrize("lead", [
    # the month of taking office, not of the visit
    "'''2033年张三访问乙国'''是甲国总理[[张三]]的一次访问，这是张三2033年5月就任后首次访问[[乙国]]。访问期间，乙国总理[[王五]]"
    "于5月7日同张三举行会谈，乙国主席[[李四]]于5月8日会见张三。",
    # a tour of three states in that month
    "'''2033年张三访问乙国'''是指甲国总理[[张三]]于2033年5月对[[乙国]]进行的正式访问，是其乙国、[[丙国]]、[[丁国]]三国之行的首站。"
    "访问期间，乙国总理[[王五]]于5月7日同张三举行会谈，乙国主席[[李四]]于5月8日会见张三。",
    # no sentence of the paragraph tells the visit's meetings as such
    "'''2033年张三访问乙国'''是指甲国总理[[张三]]于2033年5月对[[乙国]]进行的正式访问。乙国总理[[王五]]"
    "于5月7日同张三举行会谈，乙国主席[[李四]]于5月8日会见张三。",
])
def test_a_month_not_the_visits_or_a_tours_keeps_each_meeting_on_its_day(lead):
    text = _MONTH_VISIT.replace(_MONTH_VISIT.split("\n== 经过")[0], lead)
    assert {(day, s["end"]) for day, s in summits(text).items()} == {("2033-05-07", "2033-05-07"),
                                                                      ("2033-05-08", "2033-05-08")}


@pytest.mark.parametrize("opening, found", [
    # a span reaching to now: the meetings of those years, none on the day before
    ("张三担任甲国总统以来，先后与乙国总统[[李四]]、总理[[王五]]会晤。", set()),
    # the day the sentence before told goes on
    ("随后，张三先后与乙国总统[[李四]]、总理[[王五]]会晤。", {"2033-11-05"}),
])
def test_a_sentence_opening_on_a_span_to_now_is_not_of_the_day_before(opening, found):
    text = HEAD + "2033年11月5日，甲国总统[[张三]]抵达[[某城]]，出席签字仪式。" + opening
    assert set(summits(text)) == found


@pytest.mark.parametrize("sentence, found", [
    # someone makes a plan known: the day is the announcement's, the meetings named after it the plan's
    ("2034年3月8日，[[某宫]]一名官员证实甲国总统[[张三]]与乙国总统[[李四]]将会面，但未透露具体时间和地点。", set()),
    ("2034年3月8日，乙国政府确认甲国总统[[张三]]将于周日启程访问乙国，行程包括会见乙国总统[[李四]]。", set()),
    ("2034年3月8日，甲国外交部发表通告，宣布甲国总理[[张三]]将访问乙国，礼节性拜会乙国总统[[李四]]，"
     "并与乙国总理[[王五]]举行会谈。", set()),
    # near misses: the talks told first, what the leaders announced at them after; a later day of the sentence
    ("2034年3月8日，甲国总统[[张三]]与乙国总统[[李四]]举行会谈，双方宣布两国将建立战略伙伴关系。", {"2034-03-08"}),
    ("2034年3月8日，[[某宫]]宣布甲国总统[[张三]]将访问乙国；3月10日，张三与乙国总统[[李四]]在[[某城]]会谈。",
     {"2034-03-10"}),
])
def test_a_sentence_opening_on_a_plan_made_known_tells_no_meeting_held(sentence, found):
    assert set(summits(HEAD + sentence)) == found


@pytest.mark.parametrize("after, found", [
    # the clause after the plan tells it held on its day
    ("；4月9日，两人如期在某宫会晤。", {"2033-04-09"}),
    # held as planned is not said: the plan alone
    ("。", set()),
    # said not held as planned
    ("；但会晤未能如期举行。", set()),
])
def test_a_meeting_announced_then_told_held_as_planned_is_a_summit(after, found):
    text = HEAD + "2033年3月，某宫宣布甲国总统[[张三]]将于4月9日在[[某宫]]接待乙国总统[[李四]]，讨论两国合作" + after
    assert set(summits(text)) == found


@pytest.mark.parametrize("opening, found", [
    # how long after the sentence before: the date still opens the sentence and rules its clauses
    ("一个月后的10月9日下午，", {"2033-10-09"}),
    ("两天后的10月9日，", {"2033-10-09"}),
    # how long after, but no day: the talks have none
    ("一个月后，", set()),
])
def test_a_date_opening_its_sentence_after_how_long_since_rules_the_talks_after_it(opening, found):
    text = HEAD + ("2033年9月，乙国总统[[李四]]来华出席[[某峰会]]。" + opening +
                   "甲国主席[[张三]]在[[某宫]]广场举行仪式，欢迎李四对甲国进行国事访问，随后两国元首举行会谈。")
    assert set(summits(text)) == found


@pytest.mark.parametrize("stay, found", [
    # a stay on the way: the meeting told in the clause after it is of its day
    ("张三于5月31日在[[乙国]]短暂停留，会见乙国总理[[李四]]。", {"2033-05-31"}),
    ("张三于5月31日在[[乙国]]逗留，会见乙国总理[[李四]]。", {"2033-05-31"}),
    # the clause of the day says something of its own: no meeting of that day
    ("张三于5月31日在[[乙国]]发表演讲，会见乙国总理[[李四]]的计划未能实现。", set()),
])
def test_a_stay_told_on_its_day_dates_the_meeting_told_after_it(stay, found):
    text = HEAD + "2033年5月30日，甲国总理[[张三]]抵达[[丙国]]。\n\n" + stay
    assert set(summits(text)) == found


def _typed_people(text):
    """The names the first pass types as people in ``text``."""
    from kg.extract.entities import type_names
    from kg.extract.reading import read

    reading = read(parse(Page(text=text, origin="t", title="甲乙会晤")))
    type_names(reading)
    return {spot.surface for sentence in reading.all_sentences() for spot in sentence.spots
            if reading.registry.is_a(spot.surface, Kind.PERSON)}


def test_a_linked_name_met_on_the_day_told_before_is_a_person_but_not_an_office_or_a_title():
    day = HEAD + "2033年5月3日，甲国总统[[张三]]抵达[[某城]]，与乙国总理[[李四]]举行会谈。"
    met = day + "同日下午，张三在[[某酒店]]与[[王五]]会面。"
    assert "王五" in _typed_people(met)
    assert ("2033-05-03", frozenset({"张三", "王五"})) in meetings(met)
    assert "王五" not in _typed_people(day + "张三曾在[[某酒店]]与[[王五]]会面。")  # no day: no meeting to read
    titled = _typed_people(day + "同日下午，张三在[[某酒店]]与[[丙国外交部长官]][[王五]]会谈。")
    assert "丙国外交部长官" not in titled  # a title written before a name


def test_a_linked_name_written_short_that_meets_a_person_on_a_day_is_a_person():
    """[[阿明·甲多]] linked once with no office, then written short (甲多) as the one who meets a leader."""
    linked = HEAD + "[[阿明·甲多]]生于[[某城]]。\n\n"
    met = linked + "2034年3月8日，甲多在[[某城]]与乙国总理[[李四]]举行会谈。"
    assert "甲多" in _typed_people(met)
    assert ("2034-03-08", frozenset({"阿明·甲多", "李四"})) in meetings(met)
    # near miss: a call, no meeting; the short form stays untyped and nothing is made
    called = linked + "2034年3月8日，甲多与乙国总理[[李四]]通电话。"
    assert "甲多" not in _typed_people(called)
    assert not meetings(called)
    # near miss: an envoy, titled so where the article links him, signing with a leader
    envoy = (HEAD + "甲国特别代表[[阿明·甲多]]曾多次访问[[某城]]。\n\n"
             "2035年2月9日，甲多与乙国总理[[李四]]在[[某城]]签署《某某协议》。")
    assert "甲多" not in _typed_people(envoy)
    assert not meetings(envoy)


def test_a_linked_name_that_chairs_or_holds_a_summit_with_a_person_is_a_person():
    chaired = HEAD + ("2034年6月1日至2日，第二次甲乙特别峰会在[[某城]]举行，"
                      "由[[张三]]与时任乙方轮值主席国丙国总理[[李四]]共同主持。")
    assert "张三" in _typed_people(chaired)
    assert ("2034-06-01", frozenset({"张三", "李四"})) in meetings(chaired)
    held = HEAD + "2036年2月27日，[[张三]]与乙国总统[[李四]]在[[某城]]举行甲乙政府间峰会，双方同意重启谈判。"
    assert ("2036-02-27", frozenset({"张三", "李四"})) in meetings(held)
    seat = HEAD + "2035年7月9日，乙国总理[[李四]]在某都[[某府]]与甲国总理[[张三]]共同主持第五轮政府磋商。"
    assert "某府" not in _typed_people(seat)  # the place they chair in


def test_a_linked_name_that_holds_talks_with_him_is_a_person_but_not_with_them():
    text = HEAD + "2037年3月23日晚，乙国总统[[李四]]抵达[[某都]]，开始国事访问，[[张三]]于24日同他举行会谈。"
    assert "张三" in _typed_people(text)
    group = HEAD + "2037年3月23日晚，乙国代表团抵达[[某都]]，[[某部]]于24日同他们举行会谈。"
    assert "某部" not in _typed_people(group)


def test_a_linked_name_that_meets_one_described_before_their_office_is_a_person():
    text = HEAD + "2038年5月30日，[[张三]]在[[某堂]]同来华国事访问的[[乙国总统]][[李四]]举行会谈。"
    assert "张三" in _typed_people(text)
    assert ("2038-05-30", frozenset({"张三", "李四"})) in meetings(text)
    seen = HEAD + "2038年5月30日，[[某团]]在[[某堂]]观看了来华国事访问的[[乙国总统]][[李四]]的演出。"
    assert "某团" not in _typed_people(seen)  # no meeting with the one described


_FLAGGED_VISIT = ("{{Infobox event\n| title = 2034年张三访问马尔代夫\n"
                  "| date = {{Start date|2034|6|8}}－{{End date|2034|6|9}}\n| location = {{MDV}}[[马累]]\n"
                  "| participants = {{flagicon|IND}} [[张三]]<br />{{flagicon|MDV}} [[李四]]\n}}\n"
                  "'''2034年张三访问马尔代夫'''是指[[印度总理]][[张三]]于2034年6月8日至9日对[[马尔代夫]]进行的国事访问。\n"
                  "== 行程 ==\n6月8日，张三抵达马累，受到李四总统的欢迎。当天，两国领导人在总统府举行会谈。\n"
                  "== 后续 ==\n6月9日，张三抵达[[科伦坡]]。当天，他在总统府与[[斯里兰卡总统]][[王五]]举行会谈。\n")


def test_a_meeting_on_the_boxed_visits_last_day_with_a_third_states_leader_is_apart_when_the_host_has_only_a_flag():
    """The box flags its host (``{{flagicon|MDV}} [[李四]]``) whom the text writes with no state (``李四总统``): the
    talks on the visit's last day with a third state's president (``与斯里兰卡总统王五举行会谈``) have a side the box has
    not, a summit of their own; without the flags, the box's sides are not known and the talks stay the box's."""
    found = summits(_FLAGGED_VISIT, title="2034年张三访问马尔代夫")
    assert found["2034-06-09"]["participants"] == {"张三", "王五"}
    assert found["2034-06-08"]["participants"] == {"张三", "李四"}
    unflagged = _FLAGGED_VISIT.replace("{{flagicon|IND}} ", "").replace("{{flagicon|MDV}} ", "")
    assert "2034-06-09" not in summits(unflagged, title="2034年张三访问马尔代夫")


def test_talks_told_during_a_one_day_visit_the_lead_defines_are_of_its_day():
    """``…于2034年9月3日对乙国进行的正式访问。访问期间，张三与乙国总统李四举行会谈``: 访问期间 is the one day the
    visit was; a visit told with no day leaves the talks undated."""
    text = ("'''2034年张三访问乙国'''是指[[甲国总统]][[张三]]于2034年9月3日对[[蒙古国]]进行的正式访问。"
            "访问期间，张三与[[蒙古国总统]][[李四]]在[[乌兰巴托]]举行会谈。\n")
    assert summits(text, title="2034年张三访问乙国") == {
        "2034-09-03": {"end": "2034-09-03", "participants": {"张三", "李四"}, "ordinal": set(), "venue": {"乌兰巴托"}}}
    undated = text.replace("于2034年9月3日对", "对")
    assert summits(undated, title="2034年张三访问乙国") == {}
    announced = text.replace("是指[[甲国总统]][[张三]]于2034年9月3日对[[蒙古国]]进行的正式访问",
                             "是指2034年8月28日，乙国外交部宣布，[[甲国总统]][[张三]]将对[[蒙古国]]进行正式访问")
    assert "2034-08-28" not in summits(announced, title="2034年张三访问乙国")  # the day of the announcement, not the visit


def test_talks_opening_after_the_ceremony_the_sentence_before_told_are_of_its_day_in_a_background_too():
    """``== 背景 ==`` ``11月17日，张三出席李四的就职典礼。典礼结束后，张三与李四举行会谈``: the ceremony's day; a
    sentence before it that tells no ceremony gives its day to nothing after 典礼结束后."""
    text = ("'''2035年张三访问乙国'''是指[[甲国总统]][[张三]]对[[乙国]]的访问。\n== 背景 ==\n"
            "2034年11月17日，张三前往[[某城]]出席[[乙国总统]][[李四]]的就职典礼。典礼结束后，张三与李四举行会谈。\n")
    assert "2034-11-17" in summits(text, title="2035年张三访问乙国")
    no_ceremony = text.replace("出席[[乙国总统]][[李四]]的就职典礼", "参观[[某馆]]").replace("与李四", "与[[乙国总统]][[李四]]")
    assert "2034-11-17" not in summits(no_ceremony, title="2035年张三访问乙国")


def test_a_meeting_told_then_what_it_announced_and_went_on_to_discuss_is_held():
    """``张三与李四举行会谈，宣布建立战略伙伴关系，并就反恐合作交换意见``: 宣布 tells what the meeting announced, not a plan
    the clause after goes on with; ``…，宣布张三将于5月访问乙国，并与李四会面`` is one."""
    text = HEAD + ("2034年3月4日，[[张三]]与[[巴基斯坦总统]][[李四]]在[[总统府]]举行会谈，宣布建立战略伙伴关系，"
                   "并就反恐合作交换意见。")
    assert summits(text)["2034-03-04"]["participants"] == {"张三", "李四"}
    plan = HEAD + "2034年3月4日，两国外长举行会谈，宣布[[张三]]将于5月访问乙国，并与[[巴基斯坦总统]][[李四]]会面。"
    assert summits(plan) == {}


def test_a_box_of_one_leaders_bilateral_meetings_with_several_makes_no_summit_of_them_all():
    """``| type = 双边会见`` with three leaders in the box: each pair met on its own, as the sections tell, not the three
    together; a box of the same three that is no list of bilaterals is one meeting of them all."""
    text = ("{{Infobox event\n| title = 2034年峰会期间张三双边会见\n| date = {{Start date|2034|9|9}}－{{End date|2034|9|10}}\n"
            "| location = [[新德里]]\n| type = 双边会见\n| participants = [[张三]]、[[李四]]、[[王五]]\n}}\n"
            "'''2034年峰会期间张三双边会见'''是指[[甲国总理]][[张三]]于2034年9月出席峰会期间举行的双边会见。\n"
            "== 9月9日 ==\n2034年9月9日，张三在新德里会见[[意大利总理]][[李四]]。\n"
            "== 9月10日 ==\n2034年9月10日，张三在新德里会见[[英国首相]][[王五]]。\n")
    found = summits(text, title="2034年峰会期间张三双边会见")
    assert {day: s["participants"] for day, s in found.items()} == {
        "2034-09-09": {"张三", "李四"}, "2034-09-10": {"张三", "王五"}}
    together = text.replace("双边会见", "三方会晤")
    assert any(s["participants"] == {"张三", "李四", "王五"} for s in summits(together, title="2034年峰会期间张三三方会晤").values())


def test_a_visit_put_off_and_held_at_last_on_its_days_is_a_summit():
    text = HEAD + ("== 后续 ==\n推迟的访乙行程最终于2034年9月20日至22日举行：甲国国王[[张三]]对乙国进行国事访问，"
                   "乙国总统[[李四]]在[[某都]]为其举行欢迎仪式并与其会谈。")
    assert summits(text)["2034-09-20"]["end"] == "2034-09-22"
    assert summits(text)["2034-09-20"]["participants"] == {"张三", "李四"}
    put_off_to = text.replace("最终于2034年9月20日至22日举行：", "推迟至2034年9月20日至22日：")
    assert summits(put_off_to) == {}
    by_video = HEAD + "原定的峰会一再推迟，最终于2034年9月20日以视频方式举行，甲国国王[[张三]]与乙国总统[[李四]]会谈。"
    assert summits(by_video) == {}


def test_two_named_in_their_own_meeting_clause_met_though_a_third_then_met_each_one_by_one():
    text = ("'''2034年某都峰会'''是甲国、乙国与丙国领导人的会晤。\n== 经过 ==\n"
            "2034年7月19日，甲国总统[[张三]]、乙国总统[[李四]]与丙国总统[[王五]]在[[某都]]举行三方会谈。"
            "当天，张三与王五在某都举行会晤，讨论粮食运输问题；丁国最高领袖[[赵六]]也分别会见了张三和王五。\n")
    found = meetings(text, title="2034年某都峰会")
    assert ("2034-07-19", frozenset({"张三", "王五"})) in found
    assert ("2034-07-19", frozenset({"张三", "赵六"})) in found and ("2034-07-19", frozenset({"王五", "赵六"})) in found
    only_one_by_one = text.replace("当天，张三与王五在某都举行会晤，讨论粮食运输问题；", "当天，")
    assert ("2034-07-19", frozenset({"张三", "王五"})) not in meetings(only_one_by_one, title="2034年某都峰会")


def test_an_aside_on_an_earlier_year_inside_a_paragraph_does_not_move_the_year_a_later_同年_reads():
    aside = ("'''2035年张三访问乙国'''是甲国总理[[张三]]于2035年7月2日至8日对乙国进行的访问。\n== 访问 ==\n"
             "7月8日，乙国总统[[李四]]与张三在[[某城]]举行会谈。某城在历史上屡遭战火，"
             "2031年5月7日丙军又在此签署停战书，因而此举具有象征意义。\n"
             "== 后续 ==\n同年9月4日至9日，李四对甲国进行回访，在[[某都]]同张三举行会谈。\n")
    found = meetings(aside, title="2035年张三访问乙国")
    assert ("2035-09-04", frozenset({"张三", "李四"})) in found
    assert not any(day.startswith("2031") for day, _ in found)
    told = aside.replace("某城在历史上屡遭战火，2031年5月7日", "\n\n2031年5月7日，")  # a paragraph of its own: the account moves
    assert ("2031-09-04", frozenset({"张三", "李四"})) in meetings(told, title="2035年张三访问乙国")
    recalled = aside.replace("某城在历史上屡遭战火，2031年5月7日丙军又在此", "张三在致辞中回顾，他曾于2031年5月7日在此")
    assert ("2035-09-04", frozenset({"张三", "李四"})) not in meetings(recalled, title="2035年张三访问乙国")


def test_a_meeting_named_by_its_number_of_sides_三方会议_is_a_meeting_of_those_named():
    text = HEAD + "2033年2月27日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]与丙国总统[[王五]]举行三方会议。"
    assert meetings(text) == [("2033-02-27", frozenset({"张三", "李四", "王五"}))]
    a_forum = text.replace("举行三方会议", "出席三方合作论坛")  # a forum attended: no meeting word
    assert meetings(a_forum) == []


def test_a_three_sides_meeting_of_leaders_is_a_summit_and_of_ministers_is_none():
    text = HEAD + "2034年11月22日，甲国总统[[张三]]、乙国总统[[李四]]和丙国总统[[王五]]在[[某城]]举行三方会议。"
    assert summits(text)["2034-11-22"]["participants"] == {"张三", "李四", "王五"}
    ministers = HEAD + "2034年11月22日，甲国外长[[张三]]、乙国外长[[李四]]和丙国外长[[王五]]在[[某城]]举行三方会议。"
    assert summits(ministers) == {}


_FOUR = ("'''甲乙丙丁峰会'''是[[甲国总统]][[张三]]、[[乙国总理]][[李四]]、[[丙国总统]][[王五]]和[[丁国总统]][[赵六]]"
         "于2034年12月9日在[[甲国]][[某城]][[某宫]]举行的四国峰会。\n== 峰会 ==\n12月9日下午，李四、王五、赵六陆续抵达某宫，"
         "张三举行仪式欢迎三国领导人。四国领导人随后举行正式会谈。\n\n")


def test_two_leaders_bilateral_beside_their_gathering_on_its_day_is_a_summit_of_its_own():
    found = _people_of_each(_FOUR + "当天，王五与赵六在某宫举行了双边会谈。\n")
    assert {frozenset(s) for s in found} == {frozenset({"张三", "李四", "王五", "赵六"}), frozenset({"王五", "赵六"})}
    again = _people_of_each(_FOUR + "当天，王五与赵六在某宫举行了会谈。\n")  # no word of its own: the gathering told again
    assert [frozenset(s) for s in again] == [frozenset({"张三", "李四", "王五", "赵六"})]


def test_a_sentence_opening_after_the_gatherings_talks_is_of_their_day():
    found = _people_of_each(_FOUR + "四方会谈之后，王五与赵六在某宫举行了两人的首次双边会谈。\n")
    assert frozenset({"王五", "赵六"}) in {frozenset(s) for s in found}


def _people_of_each(text, title="甲乙丙丁峰会"):
    """The participants of each summit the article gives, one set a summit (several may share a day)."""
    extraction = extract(parse(Page(text=text, origin="t", title=title)))
    agent = {}
    for f in extraction.facts:
        if f.prop is Prop.PARTICIPANT:
            agent.setdefault(f.subject, set()).add(f.value.key)
    return [agent[s] for s in sorted(agent, key=lambda e: e.key)]


_THREE_BOXED = ("{{Infobox event\n| title = 甲乙丙峰会\n| date = {{Start date|2035|7|19}}\n| location = [[某城]]\n}}\n"
                "'''甲乙丙峰会'''是[[甲国总统]][[张三]]、[[乙国总统]][[李四]]和[[丙国总统]][[王五]]于2035年7月19日在[[某城]]"
                "举行的三方会谈。\n== 峰会 ==\n7月19日，李四抵达某城。当天，三国元首举行三方会谈。\n\n")


def test_the_meetings_listed_under_a_sentence_giving_the_gatherings_day_are_each_of_that_day():
    listed = _THREE_BOXED + ("=== 双边会晤 ===\n峰会当天，三国领导人还分别举行会晤：\n* 李四与王五会晤，双方讨论了经贸合作。\n"
                             "* 张三与李四举行会谈。\n")
    found = {frozenset(s) for s in _people_of_each(listed, title="甲乙丙峰会")}
    assert found == {frozenset({"张三", "李四", "王五"}), frozenset({"李四", "王五"}), frozenset({"张三", "李四"})}
    quoted = _THREE_BOXED + "=== 双边会晤 ===\n峰会当天，李四表示：\n* 两国愿与王五举行会谈。\n"  # a quote, no list of meetings
    assert {frozenset(s) for s in _people_of_each(quoted, title="甲乙丙峰会")} == {frozenset({"张三", "李四", "王五"})}


def test_rows_under_a_bilaterals_heading_on_a_boxed_gatherings_day_are_meetings_of_their_own():
    table = ('{| class="wikitable"\n! 日期 !! 会晤 !! 地点 !! 备注\n|-\n| 7月19日 || 张三－李四 || 某城 || 会晤\n'
             '|-\n| 7月19日 || 李四－王五 || 某城 || 会谈\n|}\n')
    apart = _THREE_BOXED + "== 双边会晤 ==\n峰会期间，各国领导人还举行了多场会晤：\n" + table
    assert {frozenset(s) for s in _people_of_each(apart, title="甲乙丙峰会")} == {
        frozenset({"张三", "李四", "王五"}), frozenset({"张三", "李四"}), frozenset({"李四", "王五"})}
    folded = _THREE_BOXED + "== 会晤 ==\n峰会期间，各国领导人还举行了多场会晤：\n" + table
    assert {frozenset(s) for s in _people_of_each(folded, title="甲乙丙峰会")} == {frozenset({"张三", "李四", "王五"})}


_TWO_HOSTS = ("'''2036年张三访问意大利和韩国'''是指[[德国总理]][[张三]]应[[意大利总理]][[李四]]、[[韩国总统]][[王五]]邀请，"
              "于2036年3月22日至29日对两国进行的正式访问，其间举行了第五轮[[德意总理年度会晤]]。\n"
              "== 访问行程 ==\n=== 意大利 ===\n3月22日，张三抵达[[罗马]]，李四到机场迎接。访问期间，两国总理在罗马举行第五轮德意总理年度会晤。\n"
              "=== 韩国 ===\n3月26日，张三抵达[[首尔]]，开始对韩国的正式访问。27日，张三同王五总统举行会谈。"
              "3月29日，张三结束访问回国。\n")


def test_a_visit_to_both_states_whose_leaders_invited_it_is_a_tour_each_stop_a_summit():
    found = _all_summits(_TWO_HOSTS)  # the series the lead names is no holder of 两国总理 either
    assert [(s["start"], sorted(s["participants"])) for s in found] == [
        ("2036-03-22", ["张三", "李四"]), ("2036-03-26", ["张三", "王五"])]  # no meeting of the three, nor a series as one
    one = _TWO_HOSTS.replace("[[意大利总理]][[李四]]、[[韩国总统]][[王五]]邀请", "[[日本首相]][[李四]]邀请")
    assert summits(one, title="2036年张三访问意大利和韩国")["2036-03-22"]["end"] == "2036-03-29"  # one host: the lead's visit


def test_the_three_a_sentence_names_after_its_time_are_the_three_named_before():
    text = HEAD + ("2032年2月8日，[[法国总统]][[张三]]赴[[柏林]]，与[[德国总理]][[李四]]及[[波兰总统]][[王五]]举行会谈。"
                   "2033年6月12日晚，三人又在[[巴黎]][[某宫]]会晤。")
    assert summits(text)["2033-06-12"]["participants"] == {"张三", "李四", "王五"}
    two = text.replace("及[[波兰总统]][[王五]]", "")
    assert "2033-06-12" not in summits(two)  # 三人 of two named: no one to take


def test_a_leader_receiving_another_at_a_place_meets_him():
    text = ("'''2035年李四访问德国'''是[[法国总统]][[李四]]应[[德国总理]][[张三]]邀请于2035年5月2日对[[德国]]进行的访问。\n"
            "== 背景 ==\n2034年7月17日，张三在[[柏林]]接待李四，表示德国支持法国的欧盟进程，双方讨论了地区前景。\n")
    assert summits(text, title="2035年李四访问德国")["2034-07-17"]["participants"] == {"张三", "李四"}
    staff = text.replace("在[[柏林]]接待李四", "在[[柏林]]出席晚宴，接待工作由李四的办公室负责")
    assert "2034-07-17" not in summits(staff, title="2035年李四访问德国")


SERIES_AT_A_GATHERING = (
    "'''2036年某峰会期间张三双边会晤'''是指甲国总统[[张三]]于2036年6月28日至29日在[[某城]]出席某峰会期间，"
    "同乙国、丙国等国领导人举行的一系列双边会晤。\n== 6月28日 ==\n6月28日下午，张三与乙国总统[[李四]]在某城举行会晤。\n"
    "== 6月29日 ==\n6月29日，张三与丙国总理[[王五]]举行会谈。\n")


def test_the_days_of_a_series_of_meetings_with_many_leaders_date_none_of_them():
    found = summits(SERIES_AT_A_GATHERING, title="2036年某峰会期间张三双边会晤")
    assert {start: (v["end"], v["participants"]) for start, v in found.items()} == {
        "2036-06-28": ("2036-06-28", {"张三", "李四"}), "2036-06-29": ("2036-06-29", {"张三", "王五"})}


def test_a_series_of_talks_of_two_leaders_over_days_is_one_summit_of_them():
    text = ("'''2036年张三李四会谈'''是指甲国总统[[张三]]于2036年6月28日至29日在[[某城]]与乙国总统[[李四]]举行的一系列会谈。\n"
            "== 经过 ==\n6月28日下午，张三与李四在某城举行会谈。\n")
    assert {s: v["end"] for s, v in summits(text, title="2036年张三李四会谈").items()} == {"2036-06-28": "2036-06-29"}


def test_a_meeting_of_three_states_on_a_visits_day_is_apart_from_the_visits_talks():
    # the states are real (kg/data/states.tsv), so each leader's side is known from the lead's offices; the visit
    # names a town, no state
    lead = "'''甲乙会晤'''是[[印度总理]][[张三]]与[[伊朗总统]][[李四]]的会晤。\n== 背景 ==\n"
    text = lead + ("2036年5月22日至23日，张三访问[[德黑兰]]，与李四举行会谈。"
                   "5月23日，张三、李四与[[阿富汗总统]][[王五]]在德黑兰共同见证三国部长签署《甲乙丙三方协定》。")
    assert _spans(text) == {("2036-05-22", "2036-05-23", frozenset({"张三", "李四"})),
                            ("2036-05-23", "2036-05-23", frozenset({"张三", "李四", "王五"}))}
    # near-miss: the third named is of the host's side: two sides, one visit, one summit
    hosts = text.replace("[[阿富汗总统]][[王五]]", "[[伊朗最高领袖]][[王五]]")
    assert {(a, b) for a, b, _ in _spans(hosts)} == {("2036-05-22", "2036-05-23")}



def test_the_bare_days_after_a_year_told_in_a_sentence_of_no_years_section_are_of_that_year():
    text = ("'''甲乙关系'''是[[甲国]]与[[乙国]]的关系。\n== 背景 ==\n"
            "就任后，甲国总统[[张三]]于2037年2月15日在[[某宫]]与乙国总理[[李四]]举行会谈；"
            "5月3日，丙国总统[[王五]]访问某宫，与张三举行首次会晤。")
    got = summits(text, title="甲乙关系")
    assert set(got) == {"2037-02-15", "2037-05-03"}
    assert got["2037-02-15"]["participants"] == {"张三", "李四"}
    assert got["2037-05-03"]["participants"] == {"张三", "王五"}
    # near-miss: the second day is a plan's, told as one: no meeting of that day
    planned = text.replace("5月3日，丙国总统[[王五]]访问某宫，与张三举行首次会晤", "丙国总统[[王五]]将于5月3日访问某宫")
    assert set(summits(planned, title="甲乙关系")) == {"2037-02-15"}



def test_a_year_and_month_told_after_the_day_opening_the_sentence_do_not_date_that_day():
    text = ("'''甲乙会晤列表'''列出甲国主席[[张三]]与乙国总理[[李四]]的会晤。\n== 2038年正式访问 ==\n"
            "3月31日，张三在[[某城]]会见李四，开场时说很高兴再次会面——两人上一次会面是在2037年11月的某峰会期间。")
    assert set(summits(text, title="甲乙会晤列表")) == {"2038-03-31"}
    # near-miss: the year and month written before the day date it
    before = text.replace("3月31日，张三在[[某城]]会见李四，开场时说很高兴再次会面——两人上一次会面是在2037年11月的某峰会期间。",
                          "2037年11月，两国宣布建交。3月31日，张三在[[某城]]会见李四。")
    assert set(summits(before, title="甲乙会晤列表")) == {"2037-03-31"}


def test_a_linked_name_that_arrives_on_a_visit_is_a_person_a_pronoun_after_may_stand_for():
    text = HEAD + "2031年12月18日，[[张三]]（又译张叁）于傍晚抵达[[某城]]。19日，他在[[某堂]]与国家主席[[李四]]会晤。"
    assert summits(text)["2031-12-18"]["participants"] == {"张三", "李四"}
    official = "国务院副总理、某对话中方牵头人[[张三]]。\n\n2031年12月18日，[[张三]]于傍晚抵达[[某城]]。"
    for crafts in ("[[某某号]]于傍晚抵达[[某城]]。", "[[某某代表团]]于傍晚抵达[[某城]]。", "[[甲国总理]]于傍晚抵达[[某城]]。", official):
        extraction = extract(parse(Page(text=HEAD + "2031年12月18日，" + crafts, origin="t", title="甲乙会晤")))
        assert not any(e.id.kind is Kind.PERSON for e in extraction.entities), crafts


def test_two_leaders_chairing_a_commissions_session_together_meet():
    text = HEAD + "2031年12月20日，乙国总统[[李四]]访问[[某都]]，与甲国总统[[张三]]共同主持甲乙高级别合作委员会第五次会议。"
    assert summits(text)["2031-12-20"]["participants"] == {"张三", "李四"}
    press = HEAD + "2031年12月20日，乙国总统[[李四]]访问[[某都]]，与甲国总统[[张三]]共同主持记者会。"
    assert summits(press) == {}


def test_the_two_exchanging_views_after_a_call_go_on_with_the_call():
    lead = "'''张三与李四通话列表'''列出[[法国总统]][[张三]]与[[德国总统]][[李四]]在任期内进行的电话通话和视频会晤。\n"
    call = lead + "2031年2月11日上午，张三同李四通电话。两国元首就双边关系和重大国际地区问题深入交换意见。"
    assert summits(call, title="张三与李四通话列表") == {}
    met = HEAD + "2031年2月11日上午，甲国总统[[张三]]抵达[[某城]]，乙国总统[[李四]]到机场迎接。两国元首就双边关系深入交换意见。"
    assert set(summits(met)) == {"2031-02-11"}


def test_a_summit_denied_or_in_the_making_is_no_summit():
    text = HEAD + "2031年3月26日，甲国总理[[张三]]表示将继续同乙国总统[[李四]]保持联系，但否认正在酝酿首脑峰会。"
    assert summits(text) == {}
    held = HEAD + "2031年3月26日，甲国总理[[张三]]同乙国总统[[李四]]举行首脑会谈，双方否认存在分歧。"
    assert set(summits(held)) == {"2031-03-26"}


def test_a_visitor_meeting_in_turn_one_states_head_and_its_premier_written_bare_holds_one_summit():
    text = HEAD + ("2031年3月1日，国家主席[[李四]]接见记者；同日[[法国总理]][[王五]]出席会议。\n\n"
                   "2031年4月1日，甲国总理[[张三]]对[[巴黎]]进行一日短访，分别与李四和王五会见、会谈。")
    found = summits(text)
    assert {day: s["participants"] for day, s in found.items()} == {"2031-04-01": {"张三", "李四", "王五"}}
    two_states = text.replace("国家主席[[李四]]", "[[德国总统]][[李四]]")
    assert {frozenset(p) for _, p in meetings(two_states)} == {frozenset({"张三", "李四"}), frozenset({"张三", "王五"})}


def test_two_after_a_pronoun_joined_to_the_one_it_met_are_the_pronouns_one_and_that_one():
    text = HEAD + ("2032年5月16日晚，甲国总统[[张三]]抵达[[某都]]，这是他第六次访问乙国。当晚，他与乙国总理[[李四]]在[[某饭店]]"
                   "共进晚餐。17日，两人在[[某府]]举行会谈，会后共同会见记者。")
    assert {frozenset(s["participants"]) for s in _all_summits(text)} == {frozenset({"张三", "李四"})}
    # near-miss: the pronoun dines alone, joined to no one: the two are not told
    alone = text.replace("他与乙国总理[[李四]]在[[某饭店]]共进晚餐", "他在[[某饭店]]会见乙国总理[[李四]]的顾问")
    assert all(len(s["participants"]) < 2 or "李四" not in s["participants"] for s in _all_summits(alone))


def test_a_journey_naming_no_state_whose_days_meet_two_states_leaders_is_a_tour_each_leg_its_own_days():
    # the states are real (kg/data/states.tsv), so each leader's side is known
    text = ("'''2032年张三出访'''是[[印度总理]][[张三]]于2032年5月14日至20日进行的出访。\n== 行程 ==\n=== 南非 ===\n"
            "5月14日，张三自[[新德里]]启程，15日抵达[[比勒陀利亚]]。15日，张三在[[某府]]与[[南非总统]][[李四]]会晤。"
            "16日上午，张三参观[[某神庙]]，当天下午离开比勒陀利亚。\n=== 莫桑比克 ===\n"
            "5月16日晚，张三抵达[[马普托]]。17日，张三在[[某宫]]与[[莫桑比克总统]][[王五]]举行会谈。\n")
    assert _spans(text) == {("2032-05-14", "2032-05-16", frozenset({"张三", "李四"})),
                            ("2032-05-16", "2032-05-17", frozenset({"张三", "王五"}))}
    # near-miss: a journey whose days meet one state's leader only is one visit, spanning the journey's days
    one_state = text.replace("[[莫桑比克总统]][[王五]]", "[[南非总统]][[李四]]").replace("=== 莫桑比克 ===", "=== 开普敦 ===")
    assert _spans(one_state) == {("2032-05-14", "2032-05-20", frozenset({"张三", "李四"}))}


def test_an_invitation_to_talks_whose_sentence_tells_what_came_after_them_was_held():
    text = HEAD + "2033年2月4日，丙国首相[[王五]]邀请甲国总统[[张三]]与乙国总统[[李四]]赴丙国会谈，三人会后发表联合声明。"
    assert {day: s["participants"] for day, s in summits(text).items()} == {"2033-02-04": {"张三", "李四", "王五"}}
    # near-miss: what was to come after the talks tells no talks held
    planned = text.replace("三人会后发表联合声明", "会后将发表联合声明")
    assert summits(planned) == {}


def test_one_who_comes_along_with_the_leader_is_no_party_the_leader_meets():
    along = HEAD + ("2034年10月21日，乙国国王[[李四]]访问甲国，甲国总统[[张三]]在[[某府]]以军礼欢迎，"
                    "随后偕副总统[[王五]]与其双边会晤。")
    assert {day: s["participants"] for day, s in summits(along).items()} == {"2034-10-21": {"张三", "李四"}}
    travels = HEAD + "2034年2月10日，甲国总理[[张三]]与外交部长[[王五]]前往[[某都]]，乙国总统[[李四]]在会谈中表示愿意合作。"
    assert {day: s["participants"] for day, s in summits(travels).items()} == {"2034-02-10": {"张三", "李四"}}
    # near-miss: the official is the one the leader met
    assert summits(HEAD + "2034年2月10日，乙国总统[[李四]]与甲国外交部长[[王五]]在[[某都]]举行会谈。") == {}


VISIT_BOX_OF_PEOPLE = """{{{{Infobox diplomatic visit
| name  = 2034年张三访问乙国
| guest = [[张三]]（[[甲国总理]]）
| host  = {host}
| date  = {{{{Start date|2034|8|7}}}}－{{{{End date|2034|8|9}}}}
}}}}
'''2034年张三访问乙国'''是甲国总理张三于2034年8月7日至9日对[[乙国]]进行的访问。

== 经过 ==
8月8日上午，李四以隆重军礼欢迎张三。随后李四偕同副总统[[王五]]在[[某府]]与张三举行双边会晤。
"""


@pytest.mark.parametrize("host, met", [
    ("[[李四]]<br />{{乙国}}总统", {"张三", "李四"}),  # the name over a line of its office
    ("乙国总统[[李四]]", {"张三", "李四"}),  # its office before it
    ("[[李四]]（乙国总统）", {"张三", "李四"}),  # in brackets after it
    ("[[李四]]", set()),  # a name with no office: the box says nothing of what it is
])
def test_a_visit_boxs_host_written_with_an_office_is_a_person(host, met):
    """The host a visit's box names with an office (``| host = [[李四]]<br />{{乙国}}总统``) is a person, though the prose
    names him only bare, leading an official along (``李四偕同副总统王五…与张三举行双边会晤``)."""
    found = summits(VISIT_BOX_OF_PEOPLE.format(host=host), title="2034年张三访问乙国")
    assert {p for s in found.values() for p in s["participants"]} == met


@pytest.mark.parametrize("state", ["[[圣文森特和格林纳丁斯]]", "[[聖文森及格瑞那丁]]", "[[圣基茨和尼维斯]]", "[[摩纳哥]]"])
def test_a_small_states_leader_written_with_its_office_meets_as_that_states(state):
    """The leader of a small state whose name holds a conjunction (``圣文森特和格林纳丁斯``, ``聖文森及格瑞那丁``): its
    office is the state's (``…总理``), not cut at the conjunction into a place's (``格林纳丁斯总理``)."""
    text = (f"'''2035年张三访问乙国'''是{state}总理[[张三]]对[[乙国]]的访问。\n== 经过 ==\n"
            "2035年5月6日，张三在[[某都]]与乙国总统[[李四]]举行会谈。")
    extraction = extract(parse(Page(text=text, origin="t", title="2035年张三访问乙国")))
    roles = {f.value.key for f in extraction.facts if f.prop is Prop.ROLE}
    assert any(role.endswith("总理") and len(role) > 4 and not role.startswith(("格林纳丁斯", "尼维斯", "格瑞那丁"))
               for role in roles), roles


def test_an_office_held_besides_does_not_make_a_leader_an_official():
    """``兼任司法部长的张三``: an office he holds besides the one he is known by, which the article need not write
    (``张三于…对甲国的访问``); the treaty he signed on the day of the talks does not make him an official, and the talks
    stay a summit."""
    text = ("'''2036年张三访问甲国'''是[[张三]]于2036年3月4日至6日对[[甲国]]的访问。\n== 经过 ==\n"
            "3月5日，甲国总统[[李四]]与张三举行会谈。两国当日签署了三项条约，其中《引渡条约》由甲国司法部长[[王五]]"
            "与兼任司法部长的张三签署。")
    found = summits(text, title="2036年张三访问甲国")
    assert [s["participants"] for s in found.values()] == [{"张三", "李四"}]


@pytest.mark.parametrize("sentence, met", [
    ("2035年2月4日至11日，甲国总统[[张三]]与乙国首相[[李四]]、丙国领导人[[王五]]在[[某地]]举行[[某地会议]]。",
     {"张三", "李四", "王五"}),
    ("2035年2月4日，甲国总统[[张三]]与乙国首相[[李四]]通电话，商定举行某地会议。", None),
])
def test_leaders_holding_a_conference_together_meet(sentence, met):
    """Leaders joined by 与 who hold a conference (``甲与乙、丙在某地举行某地会议``) meet at it; a call that agrees to
    hold one is no meeting."""
    found = summits("'''某会'''是某某。\n== 背景 ==\n" + sentence, title="某会")
    assert ([s["participants"] for s in found.values()] if met else found) == ([met] if met else {})


@pytest.mark.parametrize("named, held", [("第二十一次中国—欧盟领导人会晤", True), ("[[第二十一次中国—东盟领导人会议]]", True),
                                         ("第二十一次欧盟峰会", False)])
def test_a_partners_meeting_with_a_bloc_named_by_its_number_is_a_summit(named, held):
    """A partner's meeting with a bloc, chaired together (``共同主持第二十一次中国—欧盟领导人会晤``): the two sides'
    summit, told in a 后续 like any other; the bloc's own gathering (``欧盟峰会``) is none."""
    text = ("'''第二十次中国—某联盟领导人会晤'''于2034年7月16日在[[北京]]举行。\n== 会晤 ==\n"
            "7月16日上午，国务院总理[[张三]]在[[人民大会堂]]同某联盟理事会主席[[李四]]举行会晤。\n== 后续 ==\n"
            f"2035年4月9日，张三在[[布鲁塞尔]]同李四共同主持{named}，双方再次发表联合声明。")
    found = summits(text, title="第二十次中国—某联盟领导人会晤")
    assert ("2035-04-09" in found) is held


def test_a_partners_meeting_with_a_blocs_two_leaders_titled_at_length_is_a_summit():
    """``与某联盟轮值主席国乙国总理李四和某联盟委员会主席王五举行[[甲国—某联盟峰会]]``: the bloc's side named by two
    long titles between 与 and 举行 still holds the meeting with the partner, no gathering of the bloc's own."""
    text = ("'''2036年张三访问丙国'''是甲国总统[[张三]]于2036年6月22日对[[丙国]]进行的访问。\n== 背景 ==\n"
            "6月21日，张三在[[某城]]与欧盟轮值主席国乙国联邦总理[[李四]]和[[欧盟委员会主席]][[王五·某某·某某某]]"
            "举行[[甲国—欧盟峰会]]。")
    found = summits(text, title="2036年张三访问丙国")
    assert found["2036-06-21"]["participants"] == {"张三", "李四", "王五·某某·某某某"}


@pytest.mark.parametrize("sentence, met", [
    ("当天早上，他与即将卸任的乙国总统[[李四]]举行早餐会叙旧。", True),  # about to leave office: still in it
    ("当天中午，张三与乙国总统[[李四]]举行午餐会。", True),
    ("当天早上，他与乙国外长[[李四]]举行早餐会。", False),  # a minister: no leaders' meeting
    ("当天中午，张三出席乙国总统[[李四]]为各国来宾举行的午餐会。", False),  # a meal for all, no meeting of two
])
def test_a_meal_two_leaders_hold_is_a_meeting_and_leaving_office_soon_is_still_in_it(sentence, met):
    text = ("'''2033年张三出访乙国'''是甲国总统[[张三]]于2033年8月13日出访[[乙国]]的行程。\n== 乙国 ==\n"
            "8月14日，张三在乙国展开访问行程。" + sentence)
    found = summits(text, title="2033年张三出访乙国")
    assert any({"张三", "李四"} <= s["participants"] for s in found.values()) is met


def test_two_who_hold_a_conference_again_meet():
    """``两人再度在某地举行会议``: the two the article is about hold a conference of their own."""
    text = ("'''第一次某地会议'''是甲国总统[[张三]]与乙国首相[[李四]]于2033年8月17日至24日在[[某地]]举行的会议。\n"
            "== 后续 ==\n2034年9月12日至16日，两人再度在[[某城堡]]举行会议，史称第二次某地会议。")
    found = summits(text, title="第一次某地会议")
    assert found["2034-09-12"]["participants"] == {"张三", "李四"} and found["2034-09-12"]["end"] == "2034-09-16"


@pytest.mark.parametrize("sentence, held", [
    ("2033年5月2日一早，张三前往乙国政府大楼会见李四，就两国合作交换意见；随后邀请李四在[[某舰]]上共进早餐。", True),
    ("2033年5月2日，张三邀请李四在[[某舰]]上共进早餐。", False),  # an invitation alone: a plan
])
def test_an_invitation_acted_on_next_does_not_undo_the_meeting_told(sentence, held):
    text = HEAD.replace("领导人的会晤。", "领导人甲国总统[[张三]]与乙国总统[[李四]]的会晤。") + sentence
    assert bool(summits(text)) is held


def test_a_boxed_meeting_the_lead_says_was_held_by_video_is_no_summit():
    box = ("{{Infobox event\n| title = 第二十二次甲乙领导人会晤\n| date = {{Start date|2036|6|22}}\n"
           "| participants = [[张三]]、[[李四]]\n}}\n")
    lead = "'''第二十二次甲乙领导人会晤'''于2036年6月22日{how}举行。甲国总理[[张三]]同乙国总统[[李四]]举行会晤。\n"
    assert summits(box + lead.format(how="以视频方式"), title="第二十二次甲乙领导人会晤") == {}
    assert list(summits(box + lead.format(how="在[[某城]]"), title="第二十二次甲乙领导人会晤")) == ["2036-06-22"]


@pytest.mark.parametrize("office", ["俄罗斯国家杜马主席", "国际奥委会主席"])
def test_a_speaker_or_the_head_of_a_body_met_is_no_summit(office):
    text = HEAD + f"2036年8月26日，甲国主席[[张三]]在[[某城]]会见{office}[[李四]]。"
    assert summits(text) == {}



@pytest.mark.parametrize("sentence", [
    "甲国总统[[张三]]于2035年5月6日分别会见了乙国总理[[李四]]和丙国总统[[王五]]。",
    "在会见丁国国王[[赵六]]之前，张三于2035年5月6日先后在[[某舰]]上会见了乙国总理[[李四]]和丙国总统[[王五]]。",
])
def test_a_day_told_in_the_clause_of_meetings_one_by_one_dates_each(sentence):
    """The day written in the clause before its ``分别``/``先后`` (``张三于5月6日分别会见了李四和王五``, ``先后在某舰上会见了``):
    each meeting told one by one is a summit of that day."""
    text = "'''某会'''是甲国总统[[张三]]的会晤。\n== 经过 ==\n" + sentence
    extraction = extract(parse(Page(text=text, origin="t", title="某会")))
    met = [sorted(f.value.key for f in extraction.facts if f.subject == e.id and f.prop is Prop.PARTICIPANT)
           for e in extraction.entities if e.id.kind is Kind.SUMMIT]
    assert sorted(met) == [["张三", "李四"], ["张三", "王五"]]


@pytest.mark.parametrize("day, dated", [("4月10日", "2034-04-10"), ("5月2日", "2035-05-02")])
def test_a_day_of_the_month_the_lead_dates_is_of_its_year_whatever_a_later_source(day, dated):
    """A lead dating its subject by a month (``于2034年4月出席某论坛年会前后``): a day of that month its account gives
    without a year is of the lead's year, though the source cited for it is of a year later; a day of another month
    is left to its source."""
    text = ("'''某论坛2034年年会期间张三双边会见'''是指甲国主席[[张三]]于2034年4月出席[[某论坛]]2034年年会前后举行的一系列"
            "双边会见。\n== 会见经过 ==\n"
            f"{day}，张三还在[[某镇]]会见了乙国总理[[李四]]<ref>{{{{cite news |title=李四与张三会面 |date=2035-05-29}}}}</ref>。")
    assert list(summits(text, title="某论坛2034年年会期间张三双边会见")) == [dated]


def test_a_pronoun_opening_the_sentence_is_who_met_in_its_later_clause_on_a_time_of_its_own():
    """``他在某城接受欢迎，当天下午与乙举行会晤``, ``他于3日抵达某城，翌日…并与乙举行会谈``: the meeting's clause has a
    time of its own and leaves its subject out; the one who met is the sentence's subject, the pronoun, which
    stands for the one the sentence before names."""
    later = HEAD + ("2033年11月，乙国总理[[李四]]就任后，于12月20日飞往甲国。"
                    "他在[[某城]]接受传统仪式的欢迎，当天下午与甲国总统[[张三]]举行会晤。")
    assert summits(later)["2033-12-20"]["participants"] == {"张三", "李四"}
    next_day = HEAD + ("乙国总统[[李四]]即对甲国进行国事访问。"
                       "他于2034年3月27日抵达[[某城]]，下榻某宾馆，翌日在[[某宫]]出席欢迎仪式，并与甲国主席[[张三]]举行会谈。")
    assert summits(next_day)["2034-03-28"]["participants"] == {"张三", "李四"}
    # near miss: the later clause names its own subject, a minister: no summit of 李四's
    minister = HEAD + ("乙国总统[[李四]]即对甲国进行国事访问。"
                       "他于2034年3月27日抵达[[某城]]，翌日甲国外长[[王五]]与乙国外长[[赵六]]举行会谈。")
    assert not any("李四" in s["participants"] for s in summits(minister).values())
    # near miss: the day inside the clause is when someone took office, not a time the clause opens on
    inner = HEAD + ("甲国总统[[张三]]于2036年5月29日访问丙国。"
                    "2036年5月31日，他在途中停留[[某城]]，会见甫于5月10日就任[[乙国总理]]的[[李四]]。")
    assert "2036-05-10" not in summits(inner)


def test_a_pronoun_stands_for_the_one_named_before_a_sentence_naming_him_by_a_pronoun_too():
    """``甲于…访问某国。这是他就任后首次访问该国。访问期间，他同乙举行会谈``: the sentence just before names no
    one but by the same pronoun; the one it stands for is named in the sentence before that."""
    text = HEAD + ("乙国总统[[李四]]于2035年10月25日至26日对甲国进行正式访问。这是他就任总统后首次访问甲国。"
                   "访问期间，他在[[某城]]同甲国总统[[张三]]举行会谈。")
    assert any(s["participants"] == {"张三", "李四"} for s in summits(text).values())
    # near miss: the sentence between names someone else, a minister, whom the pronoun stands for: no summit
    other = HEAD + ("乙国总统[[李四]]于2035年10月25日对甲国进行正式访问。乙国外长[[王五]]随行，这是他首次访问甲国。"
                    "10月26日，他在[[某城]]同甲国总统[[张三]]举行会谈。")
    assert summits(other) == {}


@pytest.mark.parametrize("opening, day", [
    ("此次访问前，张三先访问了[[丙国]]。", "2035-06-03"),
    ("张三此行先后访问[[丙国]]和乙国。", "2035-06-03"),
    ("访乙前不久，张三出席了[[某论坛]]。", "2035-06-03"),
    ("张三先访问了[[丙国]]。", "2032-06-03"),  # near miss: no word of the visit the article is about
    ("此访之后，张三访问了[[丙国]]。", "2032-06-03"),  # near miss: after the visit, no time of its own
])
def test_a_background_telling_of_the_articles_visit_is_of_its_year(opening, day):
    """A background that has reached a past year (2032年11月…) and then tells of the visit the article is about
    (此次访问前, 张三此行, 访乙前不久) is back in that visit's year: its days without a year are of 2035."""
    text = ("'''2035年张三访问乙国'''是指甲国总统[[张三]]于2035年6月5日至7日对[[乙国]]进行的国事访问。\n== 背景 ==\n"
            "2032年11月，乙国总统[[李四]]曾访问甲国。\n\n" + opening
            + "6月3日，张三在[[丙都]]同丙国总统[[王五]]举行会谈。")
    assert meetings(text) == [(day, frozenset({"张三", "王五"}))]


@pytest.mark.parametrize("sentence, met", [
    ("2033年8月5日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]出席某管道奠基仪式。", True),
    ("2033年8月5日，甲国总统[[张三]]抵达乙国，与乙国总统[[李四]]一起为某管道奠基。", True),
    ("2033年8月5日，甲国总理[[张三]]与乙国总理[[李四]]在[[某城]]共同见证某铁路的通车。", True),
    ("2033年8月5日，甲国总统[[张三]]在[[某城]]出席某管道奠基仪式，乙国总统[[李四]]发来贺电。", False),  # one attended
    ("2033年8月5日，甲国总统[[张三]]宣布将与乙国总统[[李四]]在[[某城]]出席某管道奠基仪式。", False),  # a plan
    ("2033年8月5日，甲国总统[[张三]]与乙国总统[[李四]]通电话，商定一起为某管道奠基。", False),  # a call
])
def test_two_leaders_at_one_ceremony_or_laying_a_stone_together_met(sentence, met):
    """甲与乙在某城出席某仪式, 与乙一起为某管道奠基, 甲与乙共同见证…: both were there, so they met."""
    assert meetings(HEAD + sentence) == ([("2033-08-05", frozenset({"张三", "李四"}))] if met else [])


def test_an_emperor_is_a_top_leader():
    """``甲国皇帝某某`` (as a monarch of an empire is written): an office at the top, as 国王 and 天皇 are, so
    the name it stands before is a person who met."""
    text = ("'''2037年张三访问乙国'''是甲国皇帝[[某某·张三|张三]]于2037年4月6日至23日对[[乙国]]进行的国事访问。\n"
            "== 经过 ==\n4月6日，张三乘专列抵达[[某城]]，乙国天皇[[李四]]亲率皇族在车站月台迎接。")
    assert meetings(text, "2037年张三访问乙国") == [("2037-04-06", frozenset({"某某·张三", "李四"}))]
    assert meetings(text.replace("甲国皇帝", "甲国使节"), "2037年张三访问乙国") == []


def test_a_council_of_peoples_commissars_chairman_who_is_also_a_commissar_is_a_top_leader():
    """``[[苏联人民委员会主席]]兼[[苏联外交人民委员部|外交人民委员]]张三``: both offices are read, so the one at the
    top makes him a leader who met; a people's commissar alone (外交人民委员张三) is a minister, below the top."""
    text = ("'''2037年张三访问乙国'''，指[[苏联人民委员会主席]]兼[[苏联外交人民委员部|外交人民委员]][[张三]]于2037年"
            "11月12日至14日对[[乙国]]进行的访问。\n== 经过 ==\n11月12日下午，乙国元首[[李四]]在[[某府]]接见张三，两人举行会谈。")
    assert meetings(text, "2037年张三访问乙国") == [("2037-11-12", frozenset({"张三", "李四"}))]
    minister = text.replace("[[苏联人民委员会主席]]兼[[苏联外交人民委员部|外交人民委员]]", "苏联外交人民委员")
    assert meetings(minister, "2037年张三访问乙国") == []


def test_a_supreme_commanders_title_names_a_person():
    """``乙城王储兼乙国武装部队副最高统帅[[某某]]``: 统帅 ends an office, so the name after it is a person's (the
    crown prince's, who may rule in all but name), and the given name he is written by after it is his too."""
    text = ("'''张三与穆甲·本·乙德会谈'''，是指甲国首相[[张三]]与[[乙城]]王储兼[[乙国]]武装部队副最高统帅"
            "[[穆甲·本·乙德]]之间的会谈。\n== 经过 ==\n2038年2月26日，张三在[[某府]]与穆甲会谈。")
    assert meetings(text, "张三与穆甲·本·乙德会谈") == [("2038-02-26", frozenset({"张三", "穆甲·本·乙德"}))]
    assert meetings(text.replace("武装部队副最高统帅", "武装部队副最高统"), "张三与穆甲·本·乙德会谈") == []


def test_a_given_name_two_linked_leaders_share_is_the_one_the_title_names():
    """Two linked names begin with one given name (``[[穆甲·本·乙德·阿勒丙]]``, ``[[穆甲·本·丁德·阿勒戊]]``); the
    text writing 穆甲 alone means the article's subject, whose later part the title writes. Where the title
    writes neither's, 穆甲 stays no one's."""
    text = ("'''张三与穆甲·本·乙德会谈'''，是指甲国首相[[张三]]与乙国王储[[穆甲·本·乙德·阿勒丙]]之间的会谈。"
            "乙国总理[[穆甲·本·丁德·阿勒戊]]也曾访问甲国。\n== 经过 ==\n2038年3月5日，穆甲在[[某府]]与张三会谈。")
    assert meetings(text, "张三与穆甲·本·乙德会谈") == [("2038-03-05", frozenset({"张三", "穆甲·本·乙德·阿勒丙"}))]
    from kg.extract.names import NameIndex, variant_rules
    from kg.extract.reading import _given_names
    for title, given in (("张三与穆甲·本·乙德会谈", {"穆甲": "穆甲·本·乙德·阿勒丙"}), ("张三的会谈", {})):
        document = parse(Page(text=text.replace("张三与穆甲·本·乙德会谈", title), origin="t", title=title))
        assert _given_names(document, NameIndex.build(variant_rules(document), document.links)) == given


def test_talks_during_the_visit_before_a_day_another_act_is_dated_are_on_the_visits_days():
    """``访问期间，甲与乙多次晤谈，并于9月1日在某城发表演说``: the talks (晤谈, a word of meeting) are of the
    visit's days; the day the clause after gives is the speech's. Not where no talks come before it."""
    lead = ("'''2038年张三访问乙国'''是[[甲国总统]][[张三]]于2038年8月30日至9月2日对[[乙国]]进行的国事访问。")
    text = lead + "访问期间，张三与乙国国家元首[[李四]]多次晤谈，并于9月1日在[[某城]]发表演说。"
    summit = summits(text, "2038年张三访问乙国")
    assert {day: (s["end"], s["participants"]) for day, s in summit.items()} == {
        "2038-08-30": ("2038-09-02", {"张三", "李四"})}
    no_talks = lead + "访问期间，张三参观了乙国国家元首[[李四]]的故居，并于9月1日在[[某城]]发表演说。"
    assert summits(no_talks, "2038年张三访问乙国") == {}


def test_a_day_of_the_same_month_is_of_the_month_the_sentence_before_named():
    """``甲于2035年11月就任总理。同月18日，他在某城…同乙举行会谈``: 同月 is the month the sentence before named;
    not where that sentence is in another paragraph, which names no month for it."""
    text = HEAD + ("== 背景 ==\n[[张三]]于2035年11月就任甲国总理。同月18日，他在[[某城]]同乙国首相[[李四]]举行会谈。")
    assert meetings(text) == [("2035-11-18", frozenset({"张三", "李四"}))]
    apart = text.replace("就任甲国总理。同月", "就任甲国总理。\n\n同月")
    assert meetings(apart) == []


@pytest.mark.parametrize("after", ["李四在会上邀请张三出席次年的某城峰会", "讨论了反恐和某城峰会的筹备"])
def test_an_invitation_to_a_gathering_or_its_preparation_talked_of_after_the_meeting_leaves_it_held(after):
    """After the talks told, an invitation to attend a gathering (邀请甲出席次年的某城峰会) or what was talked of
    (讨论了某峰会的筹备) is no plan of these talks. An invitation to meet again stays a plan only where no talks
    were told before it."""
    sentence = f"2035年5月19日，甲国总统[[张三]]在[[某城]]同乙国首相[[李四]]会谈约70分钟，{after}。"
    assert meetings(HEAD + sentence) == [("2035-05-19", frozenset({"张三", "李四"}))]
    assert meetings(HEAD + "2035年5月19日，甲国总统[[张三]]邀请乙国首相[[李四]]出席次年的某城峰会。") == []


def test_the_names_listed_after_an_office_written_for_several_each_hold_it():
    """``分别与三国总统[[甲]]、[[乙]]和[[丙]]举行会谈`` in the lead of a tour: each name of the list holds the office written
    before it for several states, so each is a person, and a stop's account naming one by the family name alone finds
    him; the lead's meetings one by one are each a stop's, on that stop's days, not the tour's."""
    text = ("'''2037年张三出访'''是指[[甲国总统]][[张三]]于2037年4月16日至25日先后访问[[秘鲁]]、[[智利]]和[[巴西]]的"
            "出访活动。访问期间，张三分别与三国总统[[某甲·王一]]、[[某乙·赵二]]和[[某丙·孙三]]举行会谈。\n== 行程 ==\n"
            "=== 秘鲁（4月16日—18日） ===\n17日，张三出席王一在[[某府]]举行的欢迎仪式，两国元首随后举行会谈。\n"
            "=== 智利（4月19日—21日） ===\n20日，张三在[[某宫]]与赵二举行会谈。\n"
            "=== 巴西（4月22日—25日） ===\n23日，张三在[[某殿]]与孙三举行会谈。\n")
    found = {day: (s["end"], s["participants"]) for day, s in summits(text, "2037年张三出访").items()}
    assert found == {"2037-04-16": ("2037-04-18", {"张三", "某甲·王一"}), "2037-04-19": ("2037-04-21", {"张三", "某乙·赵二"}),
                     "2037-04-22": ("2037-04-25", {"张三", "某丙·孙三"})}


def test_a_pronoun_signing_with_a_named_leader_stands_for_the_one_named_before():
    """``2039年3月，乙国总统李四对甲国进行国事访问。3月3日，他在某院发表讲话，当天并在某宫与张三签署了…宣言``: the signers
    the clause names met, 他 being the one the sentence before names. An official named before (外长) signs no summit."""
    text = ("'''2037年张三访问乙国'''是[[甲国首相]][[张三]]对[[乙国]]的访问。\n== 后续 ==\n"
            "2039年3月，乙国总统[[李四]]对甲国进行国事访问。3月3日，他在[[某院]]发表讲话，当天并在[[某宫]]与张三签署了"
            "两国《战略伙伴关系宣言》。")
    assert meetings(text, "2037年张三访问乙国") == [("2039-03-03", frozenset({"张三", "李四"}))]
    official = text.replace("乙国总统[[李四]]对甲国进行国事访问", "乙国外长[[李四]]对甲国进行访问")
    assert meetings(official, "2037年张三访问乙国") == []


def test_talks_and_a_joint_press_conference_are_the_talks_held():
    """``10日与乙在某宫举行会谈和联合记者会``: the press conference is the talks' own, told with 和; not a plan of talks and a
    press conference called off (原定举行会谈和记者会，后因故取消)."""
    text = HEAD + "乙国总统[[李四]]于2038年4月9日晚抵达[[某都]]，10日与甲国总统[[张三]]在[[某宫]]举行会谈和联合记者会。"
    assert meetings(text) == [("2038-04-09", frozenset({"张三", "李四"}))]
    called_off = HEAD + "2038年4月10日，甲国总统[[张三]]与乙国总统[[李四]]原定在[[某宫]]举行会谈和记者会，后因故取消。"
    assert meetings(called_off) == []


@pytest.mark.parametrize("sentence", [
    "2038年5月31日傍晚，甲国总理[[张三]]抵达[[某城]]。当晚，他与乙国总理[[李四]]一同在[[某中心]]参观某展，随后发表演说。",
    "2038年5月31日，甲国总理[[张三]]与乙国总理[[李四]]一起视察[[某港]]。",
])
def test_two_leaders_visiting_a_place_together_met(sentence):
    """他与乙一同在某中心参观某展, 与乙一起视察某港: both were there together, as at a ceremony; not one leader
    visiting with someone who is no leader (与夫人一起参观)."""
    assert meetings(HEAD + sentence) == [("2038-05-31", frozenset({"张三", "李四"}))]
    assert meetings(HEAD + "2038年5月31日，甲国总理[[张三]]与夫人一起参观[[某港]]。") == []


def test_talks_after_a_visit_told_before_a_later_day_of_a_statement_are_on_the_visits_days():
    """``甲于…1月11日至12日对乙国进行正式访问。甲在某城与乙会谈，两国于1月12日发表共同声明``: the talks, told with no day
    of their own, are of the visit's days; the later day is the statement's. Not talks told in a paragraph of their
    own, which the visit's days are not said of."""
    text = HEAD.replace("经过", "背景") + ("甲国首相[[张三]]于2033年1月11日至12日对[[乙国]]进行正式访问。"
                                          "张三在[[某城]]与乙国总统[[李四]]会谈，两国于1月12日发表共同声明。")
    assert {day: s["end"] for day, s in summits(text).items()} == {"2033-01-11": "2033-01-12"}
    assert summits(text.replace("正式访问。张三", "正式访问。\n\n张三")) == {}


@pytest.mark.parametrize("box, host, met", [
    ("Infobox visit", "乙国总统[[李四]]", {"张三", "李四"}),  # a box named for a visit alone
    ("Infobox state visit", "乙國總統[[李四]]", {"张三", "李四"}),
    ("Infobox event", "乙国总统[[李四]]", set()),  # no visit's box: its host field is no one's
])
def test_a_visit_boxs_host_is_read_whatever_the_visit_box_is_called(box, host, met):
    """``{{Infobox visit}}`` and ``{{Infobox state visit}}`` are a visit's box as ``{{Infobox diplomatic visit}}`` is: the
    host they write with an office is a person, though the prose names him bare. Not an event's box."""
    text = VISIT_BOX_OF_PEOPLE.replace("Infobox diplomatic visit", box).format(host=host)
    found = summits(text, title="2034年张三访问乙国")
    assert {p for s in found.values() for p in s["participants"]} == met


@pytest.mark.parametrize("office, below", [
    ("甲党中央副主席和甲国国务院总理", False),  # heads the government
    ("甲国副总理和外长", True),
    ("甲国副总统兼外长", True),
    ("外交和国防委员会主席", False),  # 和 inside one body's name, no two offices
])
def test_offices_joined_by_and_are_each_weighed(office, below):
    """``以中共中央副主席和国务院总理的身份``: two offices joined by 和 (or 及, 、) after an office word are each his, one of
    them at the top; 和 inside a body's name joins no offices."""
    from kg.extract.phrases import held_below_the_top
    assert held_below_the_top(office) is below


def test_two_leaders_after_sentences_naming_one_each_are_those_two():
    """``9月15日，乙在某宫为甲举行欢迎仪式。乙在致辞中说…。甲仅简短致辞。随后两国领导人在某室单独会谈``: each of the two
    sentences before names one, together the two the words count. Not where they name three."""
    text = HEAD + ("2036年9月15日，乙国总统[[李四]]在[[某宫]]南草坪为甲国总理[[张三]]举行欢迎仪式。"
                   "李四在致辞中说，两国“已经结下纽带”。张三仅简短致辞。随后两国领导人在[[某室]]单独会谈约半小时。")
    assert meetings(text) == [("2036-09-15", frozenset({"张三", "李四"}))]
    three = text.replace("张三仅简短致辞", "丙国总理[[王五]]与张三仅简短致辞")
    assert ("2036-09-15", frozenset({"张三", "李四"})) not in meetings(three)


@pytest.mark.parametrize("other, met", [("甲国国会", False), ("乙国政府", False), ("李四", True)])
def test_a_body_a_box_lists_beside_a_leader_is_no_participant(other, met):
    text = ("{{Infobox event\n| title = 2033年张三出访乙国受阻事件\n| date = 2033年8月4日\n| location = [[某都]]\n"
            f"| participants = [[张三]]、{other}\n}}}}\n"
            "'''2033年张三出访乙国受阻事件'''是指2033年8月[[甲国总统]][[张三]]计划前往[[乙国]]，但其出访申请遭否决的事件。\n")
    found = summits(text, title="2033年张三出访乙国受阻事件")
    assert ("2033-08-04" in found) is met


def test_a_time_someone_had_taken_office_at_told_before_their_name_sets_no_year():
    text = ("'''张三与李四会晤'''是指[[甲国总统]][[张三]]与[[乙国]]领导人[[李四]]的历次会晤。\n== 经过 ==\n"
            "2033年1月，张三以安全为由取消出席在[[某城]]举行的某峰会。"
            "峰会结束后，已于2032年10月改任[[乙国主席]]的李四于1月25日飞抵[[某都]]，张三在机场与李四会晤。\n")
    assert list(summits(text, title="张三与李四会晤")) == ["2033-01-25"]  # not 2032's: the office taken then


def test_leaders_of_an_earlier_generation_a_readout_recalls_are_not_the_two_who_met():
    text = ("'''张三与乙国总统会晤'''是指[[甲国主席]][[张三]]与[[乙国总统]][[李四]]举行的历次会晤。\n== 背景 ==\n"
            "乙国开国总统[[王五]]多次访问甲国。\n== 2033年 ==\n"
            "2033年9月，李四来访出席某论坛峰会。9月1日，张三在[[某宫]]会见李四。张三强调，两国友谊历久弥坚。"
            "李四表示，乙甲友好是乙国开国总统王五和[[赵六]]主席等两国老一辈领导人亲手缔造的。"
            "会见后，两国元首共同见证了双边合作文件的签署。\n")
    # one summit, not a second of 李四 and the founder 王五 he recalled (summits() keeps one summit a day)
    assert participants_of_each_summit(text, title="张三与乙国总统会晤") == [{"张三", "李四"}]


@pytest.mark.parametrize("chaired", ["在[[某都]]主持第二届某某峰会", "在[[某都]]某宫主持召开第二届某某峰会"])
def test_a_leader_chairing_a_summit_at_a_place_tells_the_summit_held(chaired):
    """乙国总理丙在某都主持第二届峰会，丁、戊等与会: the summit held there, as 峰会在某都举行 tells it."""
    text = ("'''某某进程'''是甲国发起的外交倡议。\n== 历届峰会 ==\n"
            f"2035年8月27日，乙国总理[[赵一]]{chaired}，丙国总理[[钱二]]、丁国总统[[孙三]]等与会。\n")
    assert {day: s["participants"] for day, s in summits(text, title="某某进程").items()} == {
        "2035-08-27": {"赵一", "钱二", "孙三"}}


@pytest.mark.parametrize("by_video", ["在[[某都]]以视频方式主持第二届某某峰会，丙国总理[[钱二]]、丁国总统[[孙三]]等与会",
                                      "在[[某都]]主持第二届某某峰会，丙国总理[[钱二]]、丁国总统[[孙三]]以视频方式出席"])
def test_a_leader_chairing_a_summit_the_others_join_by_video_holds_none(by_video):
    text = f"'''某某进程'''是甲国发起的外交倡议。\n== 历届峰会 ==\n2035年8月27日，乙国总理[[赵一]]{by_video}。\n"
    assert summits(text, title="某某进程") == {}


THREE_WAY_BOX = ("{{Infobox summit meeting\n| name = 第九届某洲领导人峰会\n| date = 2034年3月5日\n| cities = [[某都]]\n"
                 "| participants = [[赵一鸣]]<br>[[李小河]]<br>[[王中林]]\n}}\n"
                 "'''第九届某洲领导人峰会'''于2034年3月5日在[[某都]]举行，法国总统[[赵一鸣]]、美国总统[[李小河]]和"
                 "加拿大总理[[王中林]]出席。\n== 经过 ==\n3月5日，李小河抵达某都。")


def test_a_bilateral_before_the_three_way_talks_and_one_on_the_sidelines_are_each_a_summit():
    """三方会谈前，甲与乙举行了双边会谈；丙亦在峰会间隙与乙单独会晤: two meetings of that day beside the three's."""
    text = THREE_WAY_BOX + ("三方会谈前，赵一鸣与李小河举行了双边会谈；王中林亦在峰会间隙与李小河单独会晤，两人讨论了能源问题。"
                            "随后三国领导人举行三方会谈。\n")
    assert sorted(map(sorted, participants_of_each_summit(text, title="第九届某洲领导人峰会"))) == sorted(map(sorted, [
        {"赵一鸣", "李小河"}, {"赵一鸣", "李小河", "王中林"}, {"李小河", "王中林"}]))


def test_a_bilateral_on_the_eve_of_the_three_way_talks_is_not_of_their_day():
    text = THREE_WAY_BOX + "三方会谈前夕，赵一鸣与李小河举行了双边会谈。\n"
    assert participants_of_each_summit(text, title="第九届某洲领导人峰会") == [{"赵一鸣", "李小河", "王中林"}]


def test_leaders_of_one_state_meeting_an_envoy_the_names_do_not_reach_are_no_summit():
    """9月20日，中国国务院总理丙会见了她；9月27日，国家主席丁会见她母子: a summit is of two sides."""
    text = ("'''2035年某国总统访华'''是某国总统[[孙大江]]对中国的访问。\n== 背景 ==\n"
            "2034年9月，总统夫人[[周小燕]]以总统特别代表身份访华。9月20日，中国国务院总理[[赵一鸣]]会见了她；"
            "9月27日，中国共产党中央委员会主席[[钱中海]]在[[长沙]]会见她母子。\n")
    assert summits(text, title="2035年某国总统访华") == {}


def test_a_partys_chairman_and_a_leader_of_the_state_its_name_gives_are_two_sides():
    text = ("'''2035年甲乙会面'''是两党领导人的会面。\n== 经过 ==\n2035年4月29日，中共中央总书记[[赵一鸣]]在[[北京]]"
            "人民大会堂会见中国国民党主席[[钱中海]]，双方举行会谈。\n")
    assert {day: s["participants"] for day, s in summits(text, title="2035年甲乙会面").items()} == {
        "2035-04-29": {"赵一鸣", "钱中海"}}


def test_the_leaders_of_two_communities_of_one_state_are_two_sides():
    """``塞浦路斯总统、希腊族领导人甲与塞浦路斯土耳其族领导人乙``: the two communities' leaders meet as two sides, though
    both offices begin with the one state's name."""
    text = ("'''2036年某岛联合声明'''是塞浦路斯总统、希腊族领导人[[赵一鸣]]与塞浦路斯土耳其族领导人[[钱中海]]"
            "会晤时通过的联合声明。\n== 经过 ==\n2036年2月11日，赵一鸣与钱中海在[[某城]]会晤，并对联合声明文本表示同意。\n")
    assert {day: s["participants"] for day, s in summits(text, title="2036年某岛联合声明").items()} == {
        "2036-02-11": {"赵一鸣", "钱中海"}}


def test_a_date_after_次年_is_of_the_year_after_the_one_the_text_is_in():
    """``2031年11月，…将出席次年5月9日的纪念活动。¶9日上午，…会谈``: 次年 gives the year as plainly as 2032年 would, and
    the account goes on in it (not the May of 2031, before the sentence's own November)."""
    from kg.extract.dates import find_dates
    assert [d.start.isoformat() for d in find_dates("将出席次年5月9日的纪念活动", year=2031)] == ["2032-05-09"]
    assert [d.start.isoformat() for d in find_dates("一年后的11月16日下午，两人又会面", year=2031)] == ["2032-11-16"]
    text = HEAD + ("2031年11月，甲国总理[[张三]]宣布接受乙国总统[[李四]]的邀请，将出席次年5月9日的纪念活动。\n\n"
                   "9日上午，张三在[[某宫]]与李四会谈。")
    assert {day: s["participants"] for day, s in summits(text).items()} == {"2032-05-09": {"张三", "李四"}}


def test_the_other_of_a_pair_the_lead_names_meeting_is_a_person_without_an_office():
    """``[[甲国总理]][[张三]]与[[李四]]之间的会面``: 李四, whom the text gives no office (he is known without one), is the
    other of the pair the article's meetings are of."""
    text = ("'''张三与李四会晤'''是指[[甲国总理]][[张三]]与[[李四]]之间的会面。\n== 经过 ==\n"
            "2031年5月13日，张三在[[某宫]]与李四会晤。")
    assert {day: s["participants"] for day, s in summits(text, title="张三与李四会晤").items()} == {
        "2031-05-13": {"张三", "李四"}}


def test_a_meeting_under_a_heading_of_the_time_after_one_left_office_is_no_summit():
    """``=== 李四卸任期间 ===``: what the section tells of 李四 is of a former leader, no summit; the same meeting
    under a heading of his term is one."""
    head = ("'''张三与李四会晤'''是指[[甲国总理]][[张三]]与乙国总统[[李四]]之间的会面。\n== {} ==\n"
            "2034年3月8日，张三前往[[某庄园]]与李四会晤。")
    assert summits(head.format("李四卸任期间"), title="张三与李四会晤") == {}
    assert set(summits(head.format("李四第一任期"), title="张三与李四会晤")) == {"2034-03-08"}


@pytest.mark.parametrize("opening, held", [
    ("根据公布的日程，甲国主席[[张三]]将于7月5日抵达[[某城]]开始访问；", False),
    ("7月5日，甲国主席[[张三]]抵达[[某城]]开始访问；", True),
])
def test_a_schedules_clause_going_on_to_meet_is_of_the_plan(opening, held):
    """``…将于7月5日抵达某城开始访问；10日下午转赴某都，会晤乙国总统丙``: the clause with no subject of its own goes on
    with the plan's days, not a meeting held; told as done, it is one."""
    text = HEAD + "2039年6月底，甲国外交部宣布张三出访。" + opening + "10日下午转赴[[某都]]，会晤乙国总统[[李四]]。"
    assert ("2039-07-10" in summits(text)) is held


def test_meetings_said_to_end_with_a_death_hold_none_that_day():
    """``2039年8月15日，李四在政变中遇害，两人之间的会晤就此终止``: the day their meetings ended, none held."""
    text = ("'''张三与李四会晤'''是指甲国总理[[张三]]与乙国总统[[李四]]之间的会晤。\n== 经过 ==\n"
            "2038年2月6日，张三与李四在[[某城]]会晤。\n\n2039年8月15日，李四在政变中遇害，两人之间的会晤就此终止。")
    assert set(summits(text, title="张三与李四会晤")) == {"2038-02-06"}


@pytest.mark.parametrize("attended, held", [
    ("乙国总理[[李四]]应邀与其他成员国领导人一同出席", False),
    ("乙国总理[[李四]]应邀与张三一同出席", True),
])
def test_attending_with_a_group_of_leaders_is_no_meeting_with_the_host(attended, held):
    """``张三在某府宣誓连任，李四应邀与其他成员国领导人一同出席``: a ceremony of many; with the host himself, a meeting."""
    text = HEAD + f"2039年5月30日，甲国总理[[张三]]在[[某府]]宣誓连任，{attended}。"
    assert ("2039-05-30" in summits(text)) is held


def test_a_date_after_当年_is_of_the_year_its_sentence_named_last():
    """``2031年起，…。首相上一次访问是在2036年：当年11月18日，…``: 当年 is the year the sentence named, not the one the
    text had reached."""
    text = HEAD + ("2031年起，甲国移民开始移居乙国。甲国首相上一次正式访问乙国是在2036年：当年11月18日，[[张三]]在[[某府]]"
                   "与乙国总统[[李四]]举行会谈。")
    assert set(summits(text)) == {"2036-11-18"}


def test_a_bare_day_after_a_sentence_opening_on_同年_and_a_month_is_of_that_month():
    """``同年11月，甲赴某城…。14日下午，…``: the month the sentence before opened on, not the one the paragraph before
    reached."""
    text = HEAD + ("2034年6月，乙国总统[[李四]]对甲国进行国事访问。28日下午，甲国主席[[张三]]同他举行会谈。\n\n"
                   "同年11月，张三赴[[某城]]对乙国进行国事访问。14日下午，张三与李四举行会谈。")
    assert set(summits(text)) == {"2034-06-28", "2034-11-14"}


def test_an_office_alone_after_与_names_no_one_by_the_word_after_it():
    """``甲国主席张三与乙国总统之间举行的一系列会晤``: 之间 is no name of the office's holder, so the lead names one
    leader, whom each row of the table of the other side's presidents met."""
    text = ("'''张三与乙国总统会晤'''是指中国国家主席[[张三]]与[[秘鲁总统]]之间举行的一系列双边会晤。\n== 历次会晤 ==\n"
            "{| class=\"wikitable\"\n! 日期 !! 地点 !! 秘鲁总统 !! 场合\n|-\n"
            "| 2033年4月6日 || [[某堂]] || [[李四]] || 国事访问\n|}\n")
    assert {day: s["participants"] for day, s in summits(text, title="张三与乙国总统会晤").items()} == {
        "2033-04-06": {"张三", "李四"}}


@pytest.mark.parametrize("then", ["随后飞往[[某城]]，与丙国总统[[王五]]会谈", "随后飞往[[某城]]，在[[某宫]]与丙国总统[[王五]]会谈",
                                  "随后又于同日飞往[[某城]]，在[[某宫]]与丙国总统[[王五]]会谈"])
def test_flying_on_to_another_city_after_a_meeting_is_another_meeting_that_day(then):
    """``先在某都同乙会晤，随后飞往某城，与丙会谈``: flying on is a move to another place that day, as 随后又于同日飞往
    is; what the clauses after it tell there is another meeting."""
    text = HEAD + f"2036年8月25日，甲国总理[[张三]]先在[[某都]]同乙国总统[[李四]]会晤，{then}。"
    assert sorted(map(sorted, participants_of_each_summit(text))) == [["张三", "李四"], ["张三", "王五"]]


def test_a_mission_led_to_meet_a_leader_is_no_person():
    """``甲率[[某洲和平使团]]在某城与乙会谈``: a mission or a delegation is a group sent, not one of those who met."""
    text = HEAD + "2039年6月17日，甲国总统[[张三]]率[[某洲领导人和平使团]]在[[某城]]同乙国总统[[李四]]会谈。"
    assert {day: s["participants"] for day, s in summits(text).items()} == {"2039-06-17": {"张三", "李四"}}


def test_a_meeting_recalled_in_the_talks_places_none_of_them():
    """``两国元首举行会谈；张三在会谈中回顾了前一年7月两人在某国的会面``: the place of the meeting recalled, not this one's."""
    text = HEAD + ("2039年1月7日，甲国主席[[张三]]与乙国总统[[李四]]上午举行约一小时会谈，张三在会谈中回顾了"
                   "前一年7月两人在[[丙国]]的会面。")
    assert "丙国" not in summits(text)["2039-01-07"]["venue"]


def test_a_table_row_of_a_gathering_both_attended_is_no_meeting_of_theirs():
    """A row of one pair's meetings whose note says they both attended a gathering of many states
    (``…出席的多边峰会，两人均与会``), and no meeting of theirs there: no summit."""
    text = ("'''张三与李四会晤'''是指甲国总统[[张三]]与乙国总统[[李四]]之间的会晤。\n== 会晤列表 ==\n"
            "{| class=\"wikitable\"\n! 日期 !! 地点 !! 场合 !! 备注\n|-\n"
            "| 2038年5月31日 || [[某都]] || 正式访问 || 两国总统举行会谈\n|-\n"
            "| 2038年8月8日—9日 || [[某城]] || [[某河峰会]] || 某河流域八国领导人出席的多边峰会，两人均与会。\n|}\n")
    assert set(summits(text, title="张三与李四会晤")) == {"2038-05-31"}


def test_what_a_pairs_meetings_mostly_are_is_no_meeting():
    """``乙于2039年1月1日就任…。两人立场相近，会晤多围绕某组织展开``: meetings in general, not one on the day just told."""
    text = ("'''张三与李四会晤'''是指[[甲国总统]][[张三]]与[[乙国总统]][[李四]]之间的会晤。李四于2039年1月1日就任乙国总统。"
            "两人在多个议题上立场相近，会晤多围绕[[某河合作组织]]展开。\n")
    assert summits(text, title="张三与李四会晤") == {}


def test_another_states_visitor_met_on_a_visits_day_is_none_of_its_participants():
    """``会谈当天下午，张三还在某堂会见了首次访华的丙国总理王五``: another visit's guest, met apart, not one of this visit's."""
    text = ("{{Infobox event\n| title = 2039年李四国事访问中国\n| date = {{Start date|2039|4|8}}（元首会谈）\n"
            "| participants = [[李四]]（乙国联邦主席）<br />[[张三]]（中国国家主席）\n}}\n"
            "'''2039年李四国事访问中国'''，是指2039年4月[[乙国联邦主席]][[李四]]对[[中华人民共和国]]进行的国事访问。\n"
            "== 访问经过 ==\n4月8日上午，[[中华人民共和国主席|国家主席]][[张三]]在[[某堂]]同李四举行会谈。\n\n"
            "会谈当天下午，张三还在某堂会见了首次访华的[[丙国总理]][[王五]]。\n")
    assert participants_of_each_summit(text, title="2039年李四国事访问中国") == [{"张三", "李四"}]


def test_who_invites_a_leader_on_a_visit_is_a_person():
    """``甲于某日应[[张三]]邀请对中国进行国事访问，…两国元首在某城举行会谈``: the host who invites is a person, and met him."""
    text = HEAD + ("[[乙国总统]][[李四]]于2039年7月17日至18日应[[张三]]邀请对中国进行国事访问。"
                   "两国元首在[[某城]]举行会谈。")
    assert {day: s["participants"] for day, s in summits(text).items()} == {"2039-07-17": {"张三", "李四"}}


def test_a_row_names_bare_one_the_article_writes_only_below_the_top():
    """``甲多、乙多、王多`` in a row's people cell, 王多 the 聯合國秘書長 who brought them together (the lead: 在[[聯合國秘書長]]
    [[科林·王多]]斡旋下): no leader of a side, and no participant."""
    text = ("'''甲乙首腦會晤'''，是指2032年至2036年間，[[甲國總統]][[保羅·甲多]]與[[乙國總統]][[奧盧·乙多]]在"
            "[[聯合國秘書長]][[科林·王多]]斡旋下，為落實[[某法院]]關於[[某半島]]歸屬的判決而舉行的一系列三方首腦會晤。\n\n"
            "{| class=\"wikitable\"\n! 次 !! 日期 !! 地點 !! 與會者 !! 主要成果\n|-\n"
            "| 第一次 || 2032年9月5日 || [[某城]] || 甲多、乙多、王多 || 兩國總統承諾尊重判決\n|}\n")
    assert {day: s["participants"] for day, s in summits(text, title="甲乙首腦會晤").items()} == {
        "2032-09-05": {"保罗·甲多", "奥卢·乙多"}}


def test_a_visit_to_another_state_after_the_leads_is_not_in_the_leads_state():
    """The lead: ``张三于6月18日至19日对冰岛进行的国事访问``; later: ``19日至20日，张三对挪威进行国事访问，同挪威首相会谈``:
    that visit's days are its own (19日至20日, of the month told), and its town is not in the lead's state."""
    text = ("'''2039年张三访问冰岛'''是指[[中华人民共和国主席|中国国家主席]][[张三]]于2039年6月18日至19日对[[冰岛]]进行的"
            "国事访问。\n== 后续 ==\n张三离开某都后，于6月19日下午飞抵[[乙城]]。[[挪威首相]][[李四]]亲自到机场迎接。"
            "19日至20日，张三对挪威进行国事访问，同李四首相举行会谈。\n")
    found = summits(text, title="2039年张三访问冰岛")
    assert found["2039-06-19"]["end"] == "2039-06-20" and "冰岛" not in found["2039-06-19"]["venue"]


def test_the_days_of_a_gathering_a_meeting_prepares_for_are_no_meeting():
    """``…同乙举行双边会晤，…，为同年8月8日至9日在某都举行的某河峰会作准备``: a gathering to come, not held that day."""
    text = HEAD + ("2039年7月8日，甲国总统[[张三]]飞抵[[某城]]，同乙国总统[[李四]]举行双边会晤，随后两人共同出席某会议闭幕式，"
                   "为同年8月8日至9日在[[某都]]举行的[[某河峰会]]作准备。")
    assert set(summits(text)) == {"2039-07-08"}


def test_a_host_at_the_door_who_took_no_part_is_no_participant():
    """``丙在别墅正门前迎接甲和乙并与两人合影，但并未参加会谈``: the host who opens the clause took no part; 甲 and 乙,
    named inside it, met."""
    text = HEAD + ("2039年6月16日，甲乙首脑会晤在[[某城]]的[[某别墅]]举行，丙国联邦主席[[王五]]在别墅正门前迎接甲国总统[[张三]]"
                   "和乙国总统[[李四]]并与两人合影，但并未参加会谈。")
    assert {day: s["participants"] for day, s in summits(text).items()} == {"2039-06-16": {"张三", "李四"}}


def test_a_bare_day_after_a_month_written_alone_is_of_that_month():
    """``2035年5月就任的乙于7月访问甲国，20日在某室与甲会谈``: the 20th of July, the month written last, not of May."""
    text = HEAD + "2035年5月就任的[[乙国总统]][[布大成]]于7月访问甲国，20日在[[某室]]与[[甲国总统]][[欧明]]会谈。"
    assert set(summits(text)) == {"2035-07-20"}

