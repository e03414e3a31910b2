"""How zh.wikipedia states a meeting's number in its series, each rule on small hand-made text.

summit-conventions.md: an ordinal only "where the text states the position of this meeting
in its series (第三次, 首次, 第二度); 'the first meeting of these two leaders' is no series
ordinal"."""

import pytest

from kg.extract import extract
from kg.extract.ordinals import ordinal_in
from kg.model import Kind, Page, Prop
from kg.wikitext import parse

HEAD = "'''甲乙会晤'''是[[甲国]]与[[乙国]]领导人的会晤。\n== 经过 ==\n"
BOX = ("{{Infobox summit meeting\n| date = {{Start date|1945|7|17}}至{{End date|1945|8|2}}\n"
       "| participants = [[张三]]<br>[[李四]]\n}}\n")


def ordinals(text, title="甲乙会晤"):
    extraction = extract(parse(Page(text=text, origin="t", title=title)))
    out = {}
    for entity in extraction.entities:
        if entity.id.kind is Kind.SUMMIT:
            about = [f for f in extraction.facts if f.subject == entity.id]
            start = next(f.value for f in about if f.prop is Prop.START_DATE)
            out[start.isoformat()] = {f.value for f in about if f.prop is Prop.ORDINAL}
    return out


@pytest.mark.parametrize("hans, number", [
    ("两人在某城举行第三次会晤", 3),
    ("是2018年5月26日下午3时至5时，由张三和李四在某城举行的、历史上的第4次首脑会谈", 4),
    ("朝韩首脑的第5次会晤、同年第3次会晤", 5),
    ("两人自1985年以来的第四次会晤", 4),  # a since-frame does not undo a counted number
    ("这是他继2013年第二次以国家元首身份访问甲国，也是他个人第五次访问甲国", 2),  # counted in an office
    ("两国领导人的首次非正式会晤", 1),
    ("两人举行了战后首次甲乙首脑会晤", 1),
    ("张三与李四首次举行非正式会晤", 1),  # 首次 with a verb before the series it names
    ("这是两党领导人首度会晤，为1949年以后两党党首的第四次会见", 4),
    ("该会议于2014年6月6日首次举行，由四国领袖会面", 1),  # the series named, then first held
    ("张三对乙国进行第三次国事访问", 3),  # state visits: each one the host's head of state receives
    ("张三第四次对乙国进行国事访问", 4),
    ("4月27日，双方在某城举行第三次甲乙首脑会谈", 3),  # a day without its year, the series named
    ("6月17日，两国总理在某城举行第九轮甲乙总理年度会晤", 9),  # rounds of a series it names
    ("某城峰会是某某联盟第五届首脑会议", 5),  # a session of the series named before it
    ("这是他第三次以甲党总书记、国家主席身份访问乙国", 3),  # counted in the offices it names
    ("他作为总统第二次访问乙国", 2),  # the office named before the number
    ("这是两国领导人的第一次非正式会晤", 1),  # 第一次 naming its series, as 首次 does
    ("这是两党高层的第一次正式会谈", 1),
    ("某城会议亦称第一次某城会议", 1),  # the name of a series
    ("4月11日，张三在某宫与李四举行「张李七会」", 7),  # the count inside the series' quoted name
    ("媒体称之为“甲乙三会”", 3),
])
def test_a_number_that_places_the_meeting_in_its_series(hans, number):
    assert ordinal_in(hans) == number


@pytest.mark.parametrize("hans", [
    "2018年第2次甲乙首脑会谈",  # counts the meetings of one year
    "同年第3次会晤",
    "张三与李四在某城首次会面",  # the first meeting of these two leaders
    "两人在某城举行首次会晤",
    "这是1949年以来两岸领导人首次会面",  # a first since a break
    "这是自1989年以来两国元首间的首次正式会晤",
    "这是他个人第五次访问甲国",  # a person's visits, not meetings
    "他个人第五次访问甲国",
    "张三出席二十国集团领导人第十七次峰会",  # a gathering's sessions
    "李四应邀出席亚太经合组织第三十次领导人非正式会议",
    "李四出席亚太经济合作组织第三十次领导人非正式会议",  # a gathering by its full name
    "张三出席东南亚国家联盟第四十次峰会",
    "张三赴某城出席第二次非洲联盟特别峰会",  # a gathering's full name after the number
    "两人举行了当年的第三次会晤",
    "张三第三次访华",
    "这也是他自担任国家主席以来第九次访问乙国",
    "12月2日早晨风暴加剧，乙方把第一次会谈改到邮轮上",  # a session of a day told day by day
    "中国共产党第十八次全国代表大会后",  # a congress, not a meeting
    "张三就任后首次出访",
    "这是双方自2019年4月以来的第一次会晤",  # a first since a break
    "也是张三任内两国领导人的第一次会面",  # a first within a term
    "提出年内举行甲乙经济高层对话机制第二次会议等建议",  # a mechanism's sessions
    "张三与乙国副总统王五共同主持甲乙合作论坛第二次会议",  # a body's session chaired with another, not the two who met
    "这是李四1月20日就任乙国总统后甲乙两国首脑的首次正式会谈",  # a first since a taking of office, told with words between
    "访问期间，他在某城出席第四次甲国—某某国家领导人会晤，并会见了乙国总理李四",  # a gathering of a state and a group
    "其间张三出席在某城举行的第四次甲国—某某国家领导人会晤",
    "并出席7月7日在某都举行的第七次甲国—某某国家领导人会晤",
    "这是张三即位后首次与元首级贵宾会谈",
    "两国新政府成立后首次元首会晤",
    "这是某风波后两国领导人首次正式会晤",  # a first since an event
    "甲乙高级别合作委员会第七次会议在某都举行",  # a body's session, no co-chairs
    "12月24日，张三和李四举行第二次会谈，会谈长达五个小时",  # the talks of a visit told day by day
    "两人举行第一轮会谈，着重讨论安全问题",  # the rounds of one summit's talks
    "第十二届某盟首脑会议开幕式后，两人会谈16分钟",  # a gathering's session
    "这是某城峰会之后两国领导人的第一次会晤",  # a first since an event
    "这是袭击后两国高层的第一次会晤",
    "这是两国元首今年以来的第三次会晤",  # a count within the year
    "张三出席第十七次二十国集团领导人峰会",  # a gathering's session, named after the number
    "此次会议是第三届某某首脑会议",  # a body's name between 届 and its meeting: a gathering's session
    "张三第四次出席某城峰会",  # a person's attendance
    "第二届亚欧会议首脑会议在某城开幕",
    "张三访问某城，与李四举行两人之间的第一次会晤",  # 第一次 is 首次: the first meeting of these two
    "这是两国元首的第一次会晤",
    "是两人的第一次最高级会谈",  # words that say it is a summit name no series
    "四国同意在某城召开第二次世界大战结束后的首次首脑会议",  # a war's name; a first after it ended
    "两国首脑举行了第一次世界大战期间的会议",  # a war's name
    "这是两国交恶以来，两国政府首脑的第一次会谈",  # only the two who meet, by their office
    "23日，两人在某宫举行第二次会谈，主题是边界",  # a day by its number alone: a visit told day by day
    "同年3月5日，张三访问某城，在某宫与李四举行首次首脑会谈",  # the first summit of these two
    "张三同李四进行了首次领导人会晤",
])
def test_numbers_that_are_no_series_ordinal(hans):
    assert ordinal_in(hans) is None


@pytest.mark.parametrize("hans", [
    "这是两位元首七个多月内的第三次会晤",  # how often within a stretch of time
    "这是两人在不到三周内的第二次会面",
    "两人在某城会谈，张三重申希望在明年举行第二次甲丙首脑会谈",  # a meeting hoped for
    "两人会谈，讨论第二次甲丙首脑会谈",  # a meeting discussed
    "访问期间，张三并第二度在乙国议会联席会议发表演说",  # a speech at a meeting
    "张三于5月8日至11日赴乙国出席第七次甲乙丙领导人会议并对乙国进行正式访问",  # a gathering attended
])
def test_numbers_that_count_something_else_than_this_meeting(hans):
    assert ordinal_in(hans) is None


def test_a_place_named_conference_in_a_table_is_not_numbered():
    assert ordinal_in("第二次华盛顿会议", meetings_only=True) is None
    assert ordinal_in("第二次非正式会晤", meetings_only=True) == 2


def test_the_sentence_after_the_dated_one_may_give_the_number():
    text = HEAD + ("1945年7月17日至8月2日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤。"
                   "这是战争期间两国首脑举行的第三次会晤。")
    assert ordinals(text) == {"1945-07-17": {3}}


def test_an_article_about_one_summit_takes_the_number_of_a_sentence_giving_its_days():
    text = BOX + ("'''甲乙会议'''是甲国与乙国的会议。\n== 背景 ==\n"
                  "两国为了处理战后问题，于1945年7月17日至8月2日在[[某城]]举行会议。这是两国首脑举行的第三次会议。\n")
    assert ordinals(text, title="甲乙会议") == {"1945-07-17": {3}}


def test_a_session_of_a_day_told_day_by_day_is_no_series_number():
    text = BOX + ("'''甲乙会议'''是甲国与乙国的会议。\n== 经过 ==\n"
                  "7月17日，第一次会谈于中午12时在[[某城]]开始，[[张三]]与[[李四]]讨论了战后问题。\n")
    assert ordinals(text, title="甲乙会议") == {"1945-07-17": set()}


def test_a_lead_sentence_dated_to_another_meeting_gives_it_no_number():
    text = BOX + ("'''甲乙会议'''是甲国与乙国于1945年7月17日至8月2日举行的会议。"
                  "1947年5月3日，两国首脑在[[某城]]举行第二次会议。\n")
    assert ordinals(text, title="甲乙会议")["1945-07-17"] == set()


def test_a_table_cell_that_numbers_the_meeting():
    text = ("'''张李峰会'''是指甲国总统[[张三]]与乙国总理[[李四]]举行的会晤。\n== 列表 ==\n"
            '{| class="wikitable"\n! 日期 !! 地点 !! 性质\n|-\n'
            "| 2018年4月27日 || [[某城]] || 第一次非正式会晤\n|-\n"
            "| 2019年10月11日 || [[某镇]] || 第二次非正式会晤\n|}\n")
    assert ordinals(text, title="张李峰会") == {"2018-04-27": {1}, "2019-10-11": {2}}


def test_a_count_within_a_year_only_where_the_text_gives_no_other():
    only = BOX + "'''甲乙会议'''又称'''1945年第3次甲乙首脑会谈'''，于1945年7月17日至8月2日举行。\n"
    both = BOX + ("'''甲乙会议'''又称'''1945年第2次甲乙首脑会谈'''。"
                  "它是1945年7月17日至8月2日举行的、历史上的第4次首脑会谈。\n")
    assert ordinals(only, title="甲乙会议") == {"1945-07-17": {3}}
    assert ordinals(both, title="甲乙会议") == {"1945-07-17": {4}}


def test_the_account_of_one_summit_may_say_it_is_the_nth_in_an_undated_sentence():
    text = BOX + ("'''甲乙会议'''是甲国与乙国于1945年7月17日至8月2日举行的会议。\n== 某城 ==\n"
                  "当天上午，两国首脑在某宫会谈。张三在会谈中说，这是他和李四第五次会晤，但这次意义不同。\n"
                  "== 后续 ==\n张三后来说，这是两人第六次会晤。\n")
    assert ordinals(text, title="甲乙会议") == {"1945-07-17": {5}}


def test_an_article_about_one_summit_that_tells_of_others_numbers_its_own():
    text = ("'''甲乙会'''（又称乙甲会）指2015年5月4日上午10时，时任甲党主席[[张三]]与乙党总书记[[李四]]在[[某城]][[某堂]]的会晤。"
            "这是2009年以来两党领导人首度会晤，为1949年以后两党党首的第四次会见。\n"
            "== 背景 ==\n2005年4月26日，甲党主席[[王五]]率团抵达某城；4月29日，王五与乙党总书记李四在某堂会面。\n"
            "== 经过 ==\n2015年5月4日上午，李四在某堂外迎接张三一行，两人发表约10分钟谈话后进入闭门会谈。\n")
    assert ordinals(text, title="甲乙会") == {"2005-04-29": set(), "2015-05-04": {4}}


def test_a_visit_numbered_in_its_own_sentence_numbers_the_summit_of_its_days():
    text = ("'''张李会晤'''是指甲国主席[[张三]]与乙国总统[[李四]]的历次会晤。\n== 2024年 ==\n"
            "2024年5月5日至7日，张三对乙国进行第三次国事访问，5日抵达[[某都]]，乙国总理王五赴机场迎接。"
            "6日下午，张三在某都[[某宫]]同李四举行会谈。\n"
            "== 2025年 ==\n2025年12月3日至5日，李四对甲国进行国事访问，4日在[[某城]]与张三会谈。\n")
    assert ordinals(text, title="张李会晤") == {"2024-05-05": {3}, "2025-12-03": set()}


def test_the_prose_numbers_a_summit_a_table_gives_by_its_days():
    text = ("'''张李会晤'''是指甲国总统[[张三]]与乙国总理[[李四]]的历次会晤。\n== 列表 ==\n"
            '{| class="wikitable"\n! 日期 !! 地点 !! 性质\n|-\n'
            "| 2019年11月4日－6日 || [[某城]] || 国事访问\n|-\n"
            "| 2020年8月9日－10日 || [[某镇]] || 首脑会议\n|-\n"
            "| 2021年3月2日 || [[某港]] || 工作访问\n|}\n"
            "== 历史 ==\n张三于2019年再度访问乙国。11月4日至6日，张三第二次对乙国进行国事访问。\n\n"
            "2020年8月的某镇峰会是某某联盟第五届首脑会议。\n\n"
            "2021年，张三在一年内第三次访问乙国。\n")
    assert ordinals(text, title="张李会晤") == {"2019-11-04": {2}, "2020-08-09": {5}, "2021-03-02": set()}


def test_a_numbered_row_of_visits_that_names_no_leaders_numbers_the_summit_the_prose_tells_on_its_days():
    lead = "'''李四访问甲国'''是指乙国总理[[李四]]对[[甲国]]的历次访问。\n== 访问列表 ==\n"
    table = ('{| class="wikitable"\n! 次序 !! 日期 !! 地点 !! 性质 !! 主要活动\n|-\n'
             "| 1 || 2034年11月1日—2日 || [[某都]] || 正式访问 || 张三会见；发表联合声明\n|-\n"
             "| 2 || 2036年6月4日—8日 || [[某城]]、某都 || 正式访问 || 张三会见\n|}\n")
    prose = ("== 历次访问 ==\n2034年11月1日至2日，李四对甲国进行正式访问。访问期间，甲国主席[[张三]]在某都[[某堂]]会见李四。\n\n"
             "2036年6月4日至8日，李四再次访问甲国，7日下午，张三在某堂同李四举行会谈。\n")
    assert ordinals(lead + table + prose, title="李四访问甲国") == {"2034-11-01": {1}, "2036-06-04": {2}}
    # a conference's sessions (第2届): a meeting on its sidelines those days is no session of it
    sessions = table.replace("! 次序", "! 届次").replace("| 1 ||", "| 第1届 ||").replace("| 2 ||", "| 第2届 ||")
    assert ordinals(lead + sessions + prose, title="李四访问甲国") == {"2034-11-01": set(), "2036-06-04": set()}
    # the stops of one tour, numbered in their order: no series
    tour = table.replace("2036年6月4日—8日", "2034年11月5日")
    assert ordinals(lead + tour + prose, title="李四访问甲国") == {"2034-11-01": set(), "2036-06-04": set()}


@pytest.mark.parametrize("hans, number", [
    ("这次会谈是半岛分裂以后南北两国领导人首次面对面会谈", 1),  # the series' sides named before 首次
    ("是两个甲国政府首脑之间的首次会晤", 1),
    ("两国元首首次会晤，一致同意建立对话", None),  # these two only
    ("这是张三和李四两国领导人首次会晤", None),  # two persons
    ("这是甲乙丙领导人首次专为三边会议聚首", None),  # 会议 is no meeting of theirs here
])
def test_a_first_of_the_series_its_sides_name(hans, number):
    assert ordinal_in(hans) == number


def test_the_sentence_after_may_give_the_number_on_a_sources_word():
    text = HEAD + ("1999年2月20日，甲国总理[[张三]]抵达[[某城]]，与乙国总理[[李四]]举行会谈。"
                   "据某台统计，这是甲乙最高领导人之间的第十次会晤。\n\n"
                   "2001年7月14日，张三与李四在[[某镇]]举行会晤。")
    assert ordinals(text) == {"1999-02-20": {10}, "2001-07-14": set()}


@pytest.mark.parametrize("after, number", [
    ("据某社统计，包括张三首个任期在内，这是两人的第十二次会谈。", 12),  # the source's count, a clause of what it includes
    ("张三在会谈中说，这是两人的第五次会谈，两国关系坚如磐石。", 5),  # one of them says it at the talks
    ("李四在会晤中表示，这是甲国总理时隔九年访问乙国，也是两人的第四次首脑会谈。", 4),
    ("张三在会谈中说，这是他第二次访问乙国。", None),  # his own visits: no series
    ("张三在会谈中说，两人的第五次会谈将在明年举行。", None),  # it does not speak of the meeting just told
])
def test_the_sentence_after_may_give_the_number_in_a_speakers_or_a_sources_words(after, number):
    text = ("'''甲乙首脑会谈'''是[[甲国]]总理与[[乙国]]总统之间的一系列会谈。\n== 历次会谈 ==\n"
            "=== 2031年 ===\n2031年4月2日，甲国总理[[张三]]访问[[某城]]，与乙国总统[[李四]]举行会谈。\n"
            "=== 2033年 ===\n2033年6月25日，张三与李四在[[另城]]出席某会议期间会谈约40分钟。" + after + "\n")
    assert ordinals(text, title="甲乙首脑会谈") == {"2031-04-02": set(), "2033-06-25": {number} if number else set()}


@pytest.mark.parametrize("title, lead, number", [
    ("首届甲乙峰会", "'''首届甲乙峰会'''于2001年5月3日至4日在[[某城]]举行，甲国总统[[张三]]与乙国总统[[李四]]会晤。", 1),
    ("第三届甲国－乙国首脑会议", "'''第三届甲国－乙国首脑会议'''于2001年5月3日在[[某城]]举行，甲国总统[[张三]]与乙国总统[[李四]]会晤。", 3),
    # a session of a gathering of many states numbers no summit's series
    ("首届东亚峰会", "'''首届东亚峰会'''期间，2001年5月3日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]会晤。", None),
    ("第五届亚欧首脑会议", "'''第五届亚欧首脑会议'''于2001年5月3日在[[某城]]举行，甲国总统[[张三]]与乙国总统[[李四]]会晤。", None),
    ("第四届美洲国家首脑会议", "'''第四届美洲国家首脑会议'''于2001年5月3日在[[某城]]举行，甲国总统[[张三]]与乙国总统[[李四]]会晤。", None),
    # the lead does not give the name: the title alone says nothing of the text's summit
    ("首届甲乙峰会", "2001年5月3日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]会晤。", None),
])
def test_an_article_named_as_a_session_of_its_series_numbers_its_summit(title, lead, number):
    found = ordinals(lead + "\n", title=title)
    assert found == {"2001-05-03": {number} if number else set()}


@pytest.mark.parametrize("hans, number", [
    ("5月26日下午3时30分，张三在某堂与李四举行会谈，媒体称之为「二度张李会」", 2),  # not a day's session
    ("两人三度张李会", 3),
    ("张三二度访华", None),  # a count of visits, no meeting's name
    ("张三二度会见李四", None),  # no series named
])
def test_a_count_before_the_name_the_meetings_of_two_go_by(hans, number):
    assert ordinal_in(hans) == number


def test_an_undated_nth_after_another_day_told_in_its_paragraph_is_not_the_subject_s_number():
    text = ("'''第四届某城论坛'''于2018年9月11日至13日在[[某城]]举行。\n== 双边会晤 ==\n=== 甲乙 ===\n"
            "9月10日，乙国总统[[李四]]抵达某城。甲国首相[[张三]]当天下午抵达，傍晚与李四举行会谈。"
            "据统计，这是两人的第22次会谈。\n=== 丙乙 ===\n"
            "9月11日下午，丙国主席[[王五]]抵达某城。当天下午4时半，王五同李四举行会晤。\n")
    found = ordinals(text, title="第四届某城论坛")
    assert found["2018-09-11"] == set()


@pytest.mark.parametrize("hans, number", [
    ("第二十四次甲国—欧盟领导人会晤在某城举行", 24),  # the union meets one partner: a series of two sides
    ("第25次甲国—欧盟定期首脑会议于2018年7月17日在某城举行", 25),
    ("张三与李四在某城举行第3次欧盟－乙国峰会", 3),
    ("第五次非盟—欧盟峰会在某城举行", None),  # two gatherings of many states
    ("张三出席第十二次欧盟峰会", None),  # the union's own sessions
])
def test_the_european_union_and_one_partner_are_a_series_of_two(hans, number):
    assert ordinal_in(hans) == number


def test_a_tables_number_column_numbers_its_rows_meeting_over_what_the_prose_counts():
    text = ("'''张三与李四会晤列表'''列出[[甲国]]总统[[张三]]与[[乙国]]总理[[李四]]的会晤。\n== 列表 ==\n"
            '{| class="wikitable"\n! 次序 !! 日期 !! 地点 !! 领导人 !! 场合\n|-\n'
            "| 1 || 2014年11月10日 || [[某城]] || 张三、李四 || 某会议\n|-\n"
            "| 2 || 2015年4月22日 || [[另城]] || 张三、李四 || 李四出席第一次某某峰会前\n|-\n"
            "| 3 || 2016年9月5日 || 某城 || 张三、李四 || 某论坛\n|}\n"
            "== 经过 ==\n2016年9月5日，张三在某城会见李四，这是两人约两年来首次面对面会谈。\n"
            "2017年3月1日，张三在某城会见李四，这是张三第三次访问乙国。\n")
    found = ordinals(text, title="张三与李四会晤列表")
    assert found["2015-04-22"] == {2}
    assert found["2016-09-05"] == {3}
    assert found["2017-03-01"] == set()


def test_a_meeting_counted_in_its_series_before_a_visit_counted_in_office():
    text = ("'''2017年张三访问乙国'''是甲国首相[[张三]]于2017年9月13日至14日对[[乙国]]进行的访问。"
            "这是张三第四次以首相身份访问乙国。\n== 经过 ==\n2017年9月13日，张三与乙国总理[[李四]]在[[某城]]会谈，"
            "两国总理举行了第十二次甲乙年度峰会。\n")
    assert ordinals(text, title="2017年张三访问乙国") == {"2017-09-13": {12}}


def test_a_numbered_summit_of_several_sides_held_somewhere_takes_the_number_its_name_carries():
    text = HEAD + ("2031年5月9日，第二届甲乙丙峰会在[[某都]]举行，甲国总统[[张三]]与乙国总理[[李四]]、"
                   "丙国总统[[王五]]共同出席。\n\n"
                   "2031年6月9日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行第三届甲乙丙峰会。\n")
    found = ordinals(text)
    assert found["2031-05-09"] == {2}
    assert found["2031-06-09"] == set()  # two leaders only: no session of three sides


def test_a_bilateral_on_the_sidelines_of_a_numbered_session_is_not_that_session():
    text = HEAD + ("2031年5月9日，第七次甲乙丙领导人会议在[[某都]]举行，甲国总统[[张三]]与乙国总理[[李四]]、"
                   "丙国总统[[王五]]共同出席。\n\n"
                   "2031年5月10日，甲国总统[[张三]]在第七次甲乙丙领导人会议期间与乙国总理[[李四]]举行会谈。\n")
    found = ordinals(text)
    assert found["2031-05-09"] == {7}
    assert found["2031-05-10"] == set()


@pytest.mark.parametrize("hans, number", [
    ("6日中午，张三与李四举行首脑会谈，这是两人自李四复任以来的第二次会谈", 2),
    ("8月6日上午，两国首脑在某宫举行张三就任后的第三次首脑会谈", 3),
    ("6日中午，张三与李四举行第二次会谈", None),  # a day's second session
    ("8月6日上午，两国首脑在某宫举行第三次首脑会谈", None),
])
def test_a_count_since_an_event_counts_meetings_not_a_days_sessions(hans, number):
    assert ordinal_in(hans) == number


def test_a_day_told_without_its_year_keeps_a_count_since_an_event():
    text = HEAD + ("2031年8月5日晚，乙国总统[[李四]]抵达[[某都]]，开始对甲国进行访问。"
                   "6日中午，甲国总统[[张三]]在某宫与李四举行首脑会谈，这是两人自李四复任以来的第二次会谈。\n\n"
                   "2032年3月5日晚，乙国总统[[李四]]抵达[[某都]]。"
                   "6日中午，甲国总统[[张三]]在某宫与李四举行第二次会谈。\n")
    found = ordinals(text)
    assert found["2031-08-05"] == {2}
    assert found["2032-03-05"] == set()


def test_an_account_day_by_day_numbers_a_meeting_by_the_series_it_names():
    text = ("{{Infobox event\n| date = {{Start date|2031|6|1}}－{{End date|2031|6|4}}\n"
            "| participants = {{flagicon|BRA}} [[张三]]<br />{{flagicon|COL}} [[李四]]\n}}\n"
            "'''2031年张三访问哥伦比亚'''是巴西总统[[张三]]于2031年6月1日至4日对[[哥伦比亚]]进行的正式访问。\n"
            "== 行程 ==\n=== 6月2日 ===\n"
            "6月2日，第四次巴哥秘领导人会议在[[某都]]举行，张三与哥伦比亚总统[[李四]]、秘鲁总统[[王五]]共同出席。\n"
            "=== 6月3日 ===\n6月3日下午，张三与李四在[[某城]]举行第一次会谈。\n")
    found = ordinals(text, title="2031年张三访问哥伦比亚")
    assert found["2031-06-02"] == {4}  # the series named by its sides and rank
    assert found["2031-06-01"] == set()  # the day's first talks: a session of the visit


@pytest.mark.parametrize("name, number", [
    ("第二十届甲国—欧盟峰会", 20),  # the union and one partner: a series of two
    ("第二十届欧盟峰会", None),  # the union alone: a gathering of its members
])
def test_an_article_named_as_a_session_of_the_union_and_one_partner(name, number):
    text = ("{{Infobox summit meeting\n| name = " + name + "\n| date = {{Start date|2033|2|3}}\n"
            "| participants = [[张三]]<br>[[李四]]\n}}\n'''" + name + "'''于2033年2月3日在[[某都]]举行。"
            "甲国总统[[张三]]和欧洲理事会主席[[李四]]出席峰会。\n")
    assert ordinals(text, title=name) == {"2033-02-03": {number} if number else set()}


@pytest.mark.parametrize("hans, number", [
    ("张三出席在某都举行的亚洲相互协作与信任措施会议第九次峰会，并对乙国进行国事访问", None),  # the gathering's session
    ("张三出席在某都举行的亚信第九次峰会，并对乙国进行国事访问", None),  # its short name, known before
    ("张三与李四在某都举行第五次甲乙峰会，并对乙国进行国事访问", 5),
])
def test_a_gathering_known_by_its_full_name_counts_its_own_sessions(hans, number):
    assert ordinal_in(hans) == number


@pytest.mark.parametrize("hans, number", [
    ("两国总理在某都举行第十二届德意峰会", 12),  # a pair by two states' customary abbreviations
    ("张三与李四举行第九届日澳年度峰会", 9),  # ... and words on what its meetings are
    ("张三出席第五届泰越领导人非正式峰会", 5),
    ("张三与李四在某都举行第二十届加拿大—墨西哥峰会", 20),  # two states' names joined by a dash
    ("张三出席第三届日本—中亚峰会", None),  # a state and a region: a gathering of many
    ("张三出席第四届中非峰会", None),  # 非 names a continent
    ("张三出席第十届里海峰会", None),  # a sea's states, no pair
    ("张三出席第十届某盟首脑会议", None),
])
def test_a_session_numbered_in_a_pairs_series_names_its_two_states(hans, number):
    assert ordinal_in(hans) == number


def test_a_numbered_meeting_within_a_boxed_visit_s_days_numbers_the_visit():
    text = ("{{Infobox event\n| date = {{Start date|2034|7|8}}－{{End date|2034|7|10}}\n"
            "| participants = {{flagicon|GER}} [[张三]]<br />{{flagicon|ITA}} [[李四]]\n}}\n"
            "'''2034年张三访问意大利'''是德国总统[[张三]]于2034年7月8日至10日对[[意大利]]进行的国事访问。"
            "访问期间，张三与意大利总理[[李四]]共同出席第十二届德意峰会。\n"
            "== 行程 ==\n=== 7月10日 ===\n10日，第十二届德意峰会在[[某都]]举行，李四迎接张三。\n")
    assert ordinals(text, title="2034年张三访问意大利") == {"2034-07-08": {12}}


def test_a_session_of_a_community_of_states_attended_on_a_visit_numbers_no_summit():
    text = ("{{Infobox event\n| date = 2035年1月22日－25日\n"
            "| participants = {{flagicon|BRA}} [[张三]]<br />{{flagicon|ARG}} [[李四]]\n}}\n"
            "'''2035年张三访问阿根廷'''是巴西总统[[张三]]的出访。2035年1月22日至25日，张三访问[[阿根廷]]，"
            "其间在[[某都]]出席拉共体第九届首脑会议。\n"
            "== 行程 ==\n1月24日，拉共体第九届首脑会议在某都举行，张三与阿根廷总统[[李四]]出席。\n")
    found = ordinals(text, title="2035年张三访问阿根廷")
    assert found and all(numbers == set() for numbers in found.values())


@pytest.mark.parametrize("hans, number", [
    ("2036年6月20日，张三与李四在某都共同主持第六轮德意政府磋商", 6),  # a pair's governments, chaired by their heads
    ("张三与李四举行第三次德国—意大利政府磋商", 3),
    ("2036年10月5日，两人在某都共同主持第三轮德印政府间磋商", 3),  # intergovernmental consultations, as written too
    ("两国代表团在某都举行第十一轮磋商", None),  # rounds of talks, no pair's governments named
    ("两国代表团在某都举行第十一轮政府间磋商", None),  # no pair named
    ("张三主持第二轮某省政府磋商", None),
])
def test_a_round_of_a_pairs_government_consultations_is_numbered(hans, number):
    assert ordinal_in(hans) == number


@pytest.mark.parametrize("hans", [
    "访问期间，两国领导人在某都共同主持了甲国—乙国高级别战略合作委员会第七次会议",
    "张三和李四在总理府举行会谈后，共同主持了高级别战略合作委员会第七次会议",
])
def test_a_bodys_session_the_two_leaders_chair_together_is_their_meetings_number(hans):
    assert ordinal_in(hans) == 7


def test_a_gathering_of_a_state_and_a_group_of_states_held_keeps_its_number():
    assert ordinal_in("7月7日，第七次甲国—某某国家领导人会晤在某都举行") == 7


def test_a_session_numbered_after_the_leaders_of_its_sides():
    lead = ("'''甲乙丙三国元首首届峰会'''于2031年12月14日在[[某都]]举行，甲国总统[[张三]]、乙国总统[[李四]]"
            "与丙国总统[[王五]]出席。\n")
    assert ordinals(lead, title="甲乙丙三国元首首届峰会") == {"2031-12-14": {1}}
    text = HEAD + ("2031年12月14日，甲国总统[[张三]]在[[某都]]主持甲乙丙三国元首首届峰会，与乙国总统[[李四]]和"
                   "丙国总统[[王五]]会晤。\n\n"
                   "2033年5月9日，甲国总统[[张三]]在[[另城]]出席甲乙丙三国元首第二届峰会期间与乙国总统[[李四]]会谈。\n")
    found = ordinals(text)
    assert found["2031-12-14"] == {1}
    assert found["2033-05-09"] == set()  # a session attended, a meeting of two on its sidelines


@pytest.mark.parametrize("series, number", [
    ("芬兰—智利政府间峰会", 5),  # intergovernmental: still the pair's series
    ("芬兰—智利高级别会议", 5),
    ("芬兰—南美国家政府间峰会", None),  # a state and a group of states: a gathering's number
])
def test_a_pairs_numbered_intergovernmental_or_high_level_session_is_its_ordinal(series, number):
    """``第五届意大利—阿尔及利亚政府间峰会在某城举行``: the words that say what the pair's meetings are (政府间, 高级别)
    do not hide the two states the session's name is of."""
    text = HEAD + (f"2035年7月23日，第五届{series}在[[某别墅]]举行。甲国总理[[张三]]在别墅迎接乙国总统[[李四]]，"
                   "两人先举行双边会谈，随后共同主持全体会议。")
    assert ordinals(text)["2035-07-23"] == ({number} if number else set())


INDEXED_LIST = ("'''甲国总统与乙国国王会晤列表'''列出历任[[甲国]]总统与[[乙国]]国王的会晤。\n== 列表 ==\n"
                '{| class="wikitable"\n! HEADER !! 甲国总统 !! 乙国国王 !! 日期 !! 地点 !! 备注\n|-\n'
                "| 1 || [[张三]] || [[李四]] || 2035年2月14日 || [[某城]] || 正式访问\n|-\n"
                "| 2 || [[王五]] || [[赵六]] || 2037年1月30日 || [[某都]] || 国事访问\n|-\n"
                "| 3 || [[王五]] || [[赵六]] || 2038年6月21日 || [[某都]] || 第二次会晤\n|}\n")


@pytest.mark.parametrize("header, numbers", [
    ("#", {"2035-02-14": set(), "2037-01-30": set(), "2038-06-21": {2}}),  # an index: only the notes number
    ("序号", {"2035-02-14": set(), "2037-01-30": set(), "2038-06-21": {2}}),
    ("次序", {"2035-02-14": {1}, "2037-01-30": {2}, "2038-06-21": {3}}),  # the series' order: each row's number
])
def test_a_column_that_indexes_a_lists_rows_numbers_no_meeting(header, numbers):
    """A number column headed 序号 or # indexes the rows of a list (here of several pairs of leaders), not each
    meeting's place in a series: a row is numbered only by what its cells say (``第二次会晤``)."""
    assert ordinals(INDEXED_LIST.replace("HEADER", header), title="甲国总统与乙国国王会晤列表") == numbers


def test_the_index_of_a_table_of_one_pairs_meetings_is_each_meetings_place_in_their_series():
    """A 序号 column in a table of the meetings of the pair the lead names (no column of people): each row's index is
    that meeting's place among the pair's meetings."""
    text = ("'''张三与李四会晤'''是指甲国总统[[张三]]与乙国总理[[李四]]的历次会晤。\n== 列表 ==\n"
            '{| class="wikitable"\n! 序号 !! 日期 !! 地点 !! 场合\n|-\n'
            "| 1 || 2035年11月2日 || [[某城]] || 国事访问\n|-\n"
            "| 2 || 2036年8月24日 || [[某都]] || 正式访问\n|}\n")
    assert ordinals(text, title="张三与李四会晤") == {"2035-11-02": {1}, "2036-08-24": {2}}


@pytest.mark.parametrize("told, kept", [({24, 1}, {24}), ({3, 4}, set()), ({1, 3, 4}, set()), ({5}, {5})])
def test_a_summit_numbered_twice_keeps_the_count_stated_else_none(told, kept):
    """Two sentences of one summit may number it apart (``第二十四次甲乙领导人会晤于某日举行`` … ``这是…后两国领导人首次
    面对面举行会晤``): it keeps the one count that is not 首次's, else none, and says so; never two, which the shapes
    refuse and which would cost the page."""
    from kg.extract.ordinals import one_number_each
    from kg.extract.reading import read
    reading = read(parse(Page(text=HEAD, origin="t", title="甲乙会晤")))
    summit = reading.registry.unnamed(Kind.SUMMIT, "2034-12-07-x")
    for number in sorted(told):
        reading.registry.fact(summit, Prop.ORDINAL, number)
    one_number_each(reading)
    assert set(reading.registry.facts_about(summit, Prop.ORDINAL)) == kept
    assert any("numbers the summit" in issue.message for issue in reading.issues) == (len(told) > 1)
