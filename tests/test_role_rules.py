"""Rules of how articles give people their offices, each on a small hand-made article."""

from kg.extract import extract
from kg.model import Kind, Page, Prop
from kg.wikitext import parse

from conftest import roles_by_day

HEAD = "'''甲乙会晤'''是[[甲国]]与[[乙国]]领导人的会晤。\n== 经过 ==\n"


def _extract(text, title="甲乙会晤"):
    return extract(parse(Page(text=text, origin="t", title=title)))


def people(text, title="甲乙会晤"):
    return {e.id.key for e in _extract(text, title).entities if e.id.kind is Kind.PERSON}


def _offices(text):
    """{person: offices} as the people pass reads them from ``HEAD + text``."""
    from kg.extract.entities import type_names
    from kg.extract.people import read_people
    from kg.extract.reading import read

    reading = read(parse(Page(text=HEAD + text, origin="t", title="甲乙会晤")))
    type_names(reading)
    return read_people(reading).offices


def test_a_gloss_in_brackets_after_an_office_is_no_part_of_it():
    text = HEAD + "1991年7月30日，甲国总统[[张三]]与乙国部长会议主席（政府首脑）[[李四]]在[[某城]]举行会谈。"
    assert ("李四", "乙国部长会议主席") in roles_by_day(text)["1991-07-30"]


def test_a_holders_word_after_the_state_is_no_part_of_the_office():
    text = HEAD + "1991年7月30日，美国新任总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会谈。"
    assert ("张三", "美利坚合众国总统") in roles_by_day(text)["1991-07-30"]



def test_a_meeting_told_without_offices_takes_the_office_the_text_gives_nearest_in_time():
    text = HEAD + ("2018年3月25日，乙国党委员长[[李四]]与甲国总统[[张三]]在[[某城]]举行会谈。\n== 后续 ==\n"
                   "2021年1月10日，乙国党总书记李四在某城发表讲话。2025年9月2日，李四再次访问甲国，与张三在[[某城]]会谈。")
    roles = roles_by_day(text)
    assert ("李四", "乙国党委员长") in roles["2018-03-25"]
    assert {o for p, o in roles["2025-09-02"] if p == "李四"} == {"乙国党总书记"}


def test_a_sources_title_gives_an_office_dated_by_its_publication():
    text = HEAD + ("2010年5月3日，乙国领导人[[李四]]访问甲国，与甲国总统[[张三]]在[[某城]]会谈。"
                   "<ref>{{cite news |title=乙国党总书记李四访问甲国 |date=2010-05-04}}</ref>")
    assert {o for p, o in roles_by_day(text)["2010-05-03"] if p == "李四"} == {"乙国党总书记"}  # not the description
    later = text + "\n== 后续 ==\n2011年5月20日，李四再次访问甲国，与张三在[[某城]]会谈。"
    assert {o for p, o in roles_by_day(later)["2011-05-20"] if p == "李四"} == {"乙国党总书记"}  # an office before a description


def test_a_leader_met_after_leaving_for_an_honorary_office_makes_no_summit():
    text = ("'''张李会'''是甲党主席[[李四]]与乙党总书记[[张三]]于2005年4月29日在[[某城]]举行的会谈。\n== 后续 ==\n"
            "2006年4月16日，张三在[[某城]]会见李四及参加论坛的人士。"
            "<ref>{{cite news |title=张三会见甲党荣誉主席李四 |date=2006-04-16}}</ref>")
    found = roles_by_day(text, title="张李会")
    assert "2005-04-29" in found and "2006-04-16" not in found


def test_a_description_is_no_office_beside_an_office_proper():
    text = ("'''甲乙峰会'''是甲国总统[[张三]]与乙国共产党总书记[[李四]]之间的一次首脑会议，"
            "于1986年10月11日至12日在[[某城]]举行。\n== 背景 ==\n"
            "为了打开僵局，乙国领导人李四和甲国总统张三于1986年10月11日至12日在某城举行会晤。")
    roles = roles_by_day(text, title="甲乙峰会")["1986-10-11"]
    assert {o for p, o in roles if p == "李四"} == {"乙国共产党总书记"}
    alone = HEAD + "1986年10月11日，乙国领导人[[李四]]和甲国总统[[张三]]在[[某城]]举行会晤。"
    assert ("李四", "乙国领导人") in roles_by_day(alone)["1986-10-11"]  # the only title given stays


def test_a_former_leader_is_no_top_leader():
    text = HEAD + "1997年10月31日，甲国主席[[张三]]在[[某宾馆]]会见乙国前总统[[王五]]并共进早餐。"
    assert roles_by_day(text) == {}
    assert "王五" in people(text)  # still a person, only no summit's participant


def test_a_family_name_and_furen_in_brackets_after_a_leaders_name_is_her_own_name():
    text = ("'''甲乙会谈'''是甲国首相[[玛丽·某某|玛丽·某甲]]（某甲夫人）于1982年9月22日起对乙国的访问。"
            "访问期间，某甲夫人与乙国总理[[李四]]举行会谈，并于9月24日在[[某城]][[某会堂]]与乙国主席[[王五]]会谈。")
    extraction = _extract(text, title="甲乙会谈")
    participants = {f.value.key for f in extraction.facts if f.prop is Prop.PARTICIPANT}
    assert "玛丽·某某" in participants and "某甲夫人" not in participants
    assert not any(e.id.key == "某甲夫人" for e in extraction.entities)
    # a title before a spouse's name stays a title: 某乙夫人[[某丙]] is 某丙, the spouse
    spouse = HEAD + "1961年6月3日，甲国总统[[约翰·某乙]]与乙国总理[[李四]]在[[某城]]会谈。某乙夫人[[某丙·某乙]]随行。"
    found = {f.value.key for f in _extract(spouse).facts if f.prop is Prop.PARTICIPANT}
    assert found == {"约翰·某乙", "李四"}


def test_a_family_name_and_furen_as_a_links_label_is_her_own_name_unlinked_too():
    text = ("'''甲乙会谈'''是甲国首相[[玛丽·某甲|-{zh-hans:某甲; zh-hant:某岬;}-夫人]]与乙国领导人的会谈。\n== 经过 ==\n"
            "1982年9月，某甲夫人以甲国首相身份访问乙国，24日在[[某会堂]]与乙国主席[[王五]]会谈。")
    roles = roles_by_day(text, title="甲乙会谈")["1982-09-24"]
    assert ("玛丽·某甲", "甲国首相") in roles and ("王五", "乙国主席") in roles
    # a spouse's 夫人 after a family name stays the spouse's: 某乙夫人 is not 约翰·某乙
    spouse = HEAD + "1961年6月3日，甲国总统[[约翰·某乙|某乙]]与乙国总理[[李四]]在[[某城]]会谈，某乙夫人随行。"
    assert {p for p, _ in roles_by_day(spouse)["1961-06-03"]} == {"约翰·某乙", "李四"}


TABLE = ("'''甲乙丙会议'''是甲国、乙国与丙国领导人的会议。\n== 历次会议 ==\n"
         "{| class=\"wikitable\"\n! 次序 !! 日期 !! 地点 !! 甲国国家主席 !! 乙国总理 !! 丙国总统\n|-\n"
         "| 第一次 || 2014年9月11日 || [[某城]] || rowspan=\"2\" | [[张三]] || rowspan=\"2\" | [[李四]] || [[王五]]\n|-\n"
         "| 第二次 || 2015年7月9日 || [[某镇]] || [[赵六]]\n|}\n")


def test_a_column_headed_by_an_office_holds_its_holders_and_a_state_head_column_is_no_place():
    found = roles_by_day(TABLE, title="甲乙丙会议")
    assert ("张三", "甲国国家主席") in found["2015-07-09"]  # a cell spread from the row above
    assert ("赵六", "丙国总统") in found["2015-07-09"]


def test_an_office_a_tables_column_gives_is_the_persons_on_other_days_too():
    text = TABLE + "== 双边会晤 ==\n2015年7月8日，张三与赵六在[[某镇]]举行双边会谈。\n"
    assert roles_by_day(text, title="甲乙丙会议")["2015-07-08"] == {("张三", "甲国国家主席"), ("赵六", "丙国总统")}


def test_a_family_name_written_alone_is_the_leaders_not_his_spouses():
    text = HEAD + ("1972年5月22日，甲国总统[[约翰·某乙]]抵达[[某城]]，第一夫人[[某丙·某乙]]亦随行。"
                   "1972年5月23日，某乙与乙国总理[[李四]]在[[某城]]举行会谈。")
    found = {f.value.key for f in _extract(text).facts if f.prop is Prop.PARTICIPANT}
    assert found == {"约翰·某乙", "李四"}
    assert "某乙" not in people(text)


def test_a_name_kept_from_conversion_is_titled_by_the_office_before_it():
    text = ("'''甲乙会谈'''是[[甲国总统]]-{[[张三·某某]]}-于2016年10月18日至21日应乙国主席[[李四]]邀请对乙国进行的国事访问。"
            "\n== 经过 ==\n10月20日，李四在[[某会堂]]与张三·某某举行会谈。")
    roles = roles_by_day(text, title="甲乙会谈")["2016-10-18"]
    assert ("张三·某某", "甲国总统") in roles


def test_the_office_of_a_passives_agent_is_cut_at_the_passive_word():
    for text in ("1973年10月31日，甲国总理[[张三]]在[[某城]]获乙国党主席[[李四]]接见。",
                 "1973年10月31日，甲国总理[[张三]]在[[某城]]受乙国党主席[[李四]]接见。"):
        positions = {e.id.key for e in _extract(HEAD + text).entities if e.id.kind is Kind.POSITION}
        assert "乙国党主席" in positions and not any("某城" in key for key in positions)


def test_a_states_chair_written_guojia_zhuxi_is_the_states_chair():
    text = HEAD + "2014年9月11日，越南国家主席[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈。"
    assert ("张三", "越南社会主义共和国主席") in roles_by_day(text)["2014-09-11"]
    # an office headed 国家主席 in a table's column is the same office as the prose's
    table = TABLE.replace("甲国国家主席 ", "越南国家主席 ") + "== 双边会晤 ==\n2015年7月8日，越南国家主席张三与赵六在[[某镇]]举行双边会谈。\n"
    assert {o for p, o in roles_by_day(table, title="甲乙丙会议")["2015-07-08"] if p == "张三"} == {"越南社会主义共和国主席"}


def test_an_office_a_person_is_said_to_take_up_is_theirs_from_then():
    text = HEAD + ("2016年4月，乙国党领导人[[李四]]出任新设立的乙国国务资政。"
                   "2016年8月18日，甲国总统[[张三]]在[[某城]]同李四举行会谈。")
    roles = roles_by_day(text)["2016-08-18"]
    assert {o for p, o in roles if p == "李四"} == {"乙国国务资政"}  # the office proper, not the description
    # the verb's time and manner words before it, an office cut at 后 and at 成为
    later = HEAD + ("2012年11月，[[李四]]当选乙国党总书记成为最高领导人后首次出访。"
                    "2013年3月22日，甲国总统[[张三]]在[[某城]]同乙国领导人李四举行会谈。")
    assert {o for p, o in roles_by_day(later)["2013-03-22"] if p == "李四"} == {"乙国党总书记"}
    # a bare office word taken up is the office as the text gives it, where it gives no fuller one
    bare = HEAD + "2016年4月，乙国党领导人[[李四]]出任总理。2016年8月18日，甲国总统[[张三]]在[[某城]]同李四举行会谈。"
    assert {o for p, o in roles_by_day(bare)["2016-08-18"] if p == "李四"} == {"总理"}


def test_offices_a_copula_gives_a_list_of_names_are_each_names():
    lead = ("'''乙国领导人访甲'''指乙国领导人[[王五]]历次对甲国的访问，会谈对象先后为甲国共产党中央总书记、"
            "国家主席[[张三]]和[[李四]]。\n== 经过 ==\n")
    text = lead + "2004年4月19日，王五访问甲国，李四同王五在[[某城]]举行会谈。"
    roles = {o for p, o in roles_by_day(text, title="乙国领导人访甲")["2004-04-19"] if p == "李四"}
    assert roles and roles <= {"甲国共产党中央总书记", "国家主席"}
    # without the copula the office is the first name's alone (甲国总统张三和李四出席晚宴)
    alone = text.replace("会谈对象先后为", "出席晚宴的有")
    assert {o for p, o in roles_by_day(alone, title="乙国领导人访甲")["2004-04-19"] if p == "李四"} == set()


def test_a_meeting_of_heads_of_state_gives_a_leader_his_states_office_before_his_partys():
    text = ("'''乙国总统访甲'''指乙国总统[[王五]]历次对甲国的访问，会谈对象为国家主席[[赵六]]和[[张三]]。\n== 经过 ==\n"
            "1992年12月17日，王五访问甲国。甲国共产党中央总书记张三和国务院总理[[李四]]也分别与王五会谈。\n"
            "1996年4月24日，张三同王五在[[某城]]会谈，两国元首签署联合声明。\n")
    roles = roles_by_day(text, title="乙国总统访甲")
    assert {o for p, o in roles["1996-04-24"] if p == "张三"} == {"国家主席"}
    # told as a meeting of the two, not of heads of state: the office given first
    talks = roles_by_day(text.replace("两国元首", "双方"), title="乙国总统访甲")
    assert {o for p, o in talks["1996-04-24"] if p == "张三"} == {"甲国共产党中央总书记"}


def test_a_supreme_leader_is_an_office_and_its_holder_a_participant():
    text = HEAD + ("2016年1月22日，甲国主席[[张三]]在[[某城]]同伊朗总统[[李四]]举行会谈，"
                   "张三还会见了伊朗最高领袖[[王五]]。")
    roles = roles_by_day(text)["2016-01-22"]
    assert ("王五", "伊朗最高领袖") in roles


def test_a_supreme_leader_written_as_the_supreme_religious_or_spiritual_leader_is_that_office():
    for office in ("伊朗最高宗教领袖", "伊朗最高精神领袖"):
        text = HEAD + f"2034年6月13日，甲国首相[[张三]]在[[某城]]会见{office}[[王五]]。"
        assert roles_by_day(text) == {"2034-06-13": {("张三", "甲国首相"), ("王五", office)}}
    # a religious leader who is not the supreme one holds no office that makes the meeting a summit
    assert roles_by_day(HEAD + "2034年6月13日，甲国首相[[张三]]在[[某城]]会见伊朗宗教领袖[[王五]]。") == {}


def test_a_bare_office_later_in_a_list_is_of_the_state_named_before_it():
    text = HEAD + "1954年6月28日，甲国总理[[张三]]访问缅甸，与缅甸总统[[李四]]、总理[[王五]]在[[某城]]会面。"
    roles = roles_by_day(text)["1954-06-28"]
    assert ("王五", "缅甸联邦共和国总理") in roles and ("李四", "缅甸联邦共和国总统") in roles
    # a bare office not in a list gives no state: 会见总理王五
    alone = HEAD + "1954年6月28日，甲国主席[[张三]]在[[某城]]会见总理[[王五]]。"
    assert not any(p == "王五" and o.endswith("总理") and o != "总理" for p, o in roles_by_day(alone).get("1954-06-28", ()))


def test_a_bare_office_written_with_the_name_is_the_role_where_the_text_gives_no_fuller_one():
    before = HEAD + "2025年8月23日，乙国总统[[李四]]抵达[[某城]]，与首相[[张三]]举行会谈。"
    assert ("张三", "首相") in roles_by_day(before)["2025-08-23"]
    # which holder (新任) is no part of the office, bare or not
    new = HEAD + "2025年10月30日，新任首相[[张三]]在[[某城]]与乙国总统[[李四]]举行会谈。"
    assert ("张三", "首相") in roles_by_day(new)["2025-10-30"]
    # an office the text gives in full elsewhere is the one: the bare word gives no second role
    full = HEAD + "2025年10月30日，乙国总统[[李四]]在[[某城]]与张三首相举行会谈。2026年，甲国首相[[张三]]访问某地。"
    assert {o for p, o in roles_by_day(full)["2025-10-30"] if p == "张三"} == {"甲国首相"}


def test_a_persons_inauguration_gives_the_office_taken_up():
    text = HEAD + "2008年2月25日，甲国首相[[张三]]在[[某城]]与乙国领导人[[李四]]会谈。此前张三出席了李四的总统就职典礼。"
    assert ("李四", "总统") in roles_by_day(text)["2008-02-25"]
    sworn = text.replace("总统就职典礼", "总统宣誓就职仪式")
    assert ("李四", "总统") in roles_by_day(sworn)["2008-02-25"]


def test_words_that_hold_another_persons_name_are_no_title():
    text = ("1964年1月9日，乙国总统[[李四]]在[[某城]]会见甲国总理[[张三]]和副总理[[王五]]。"
            "<ref>{{cite news |title=张三总理王五副总理到达某城 |date=1964-01-10}}</ref>")
    assert _offices(text)["王五"] == ("副总理",)  # not 张三总理


def test_two_leaders_names_before_liangguo_stay_people():
    text = HEAD + ("2024年12月2日，甲国总统[[张三]]抵达[[某城]]，同乙国总统[[李四]]会谈。"
                   "12月3日，张三与李四两国团队在[[某宫]]举行双边会晤。")
    assert {"张三", "李四"} <= people(text)
    assert ("李四", "乙国总统") in roles_by_day(text)["2024-12-02"]


def test_an_issue_between_an_office_and_an_envoy_is_no_titled_person():
    text = HEAD + ("2018年10月27日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈，"
                   "甲国总统[[某国内战|某国问题]]特使[[王五]]陪同。")
    assert "某国内战" not in people(text)
    assert {p for p, _ in roles_by_day(text)["2018-10-27"]} == {"张三", "李四"}


def test_a_visit_is_no_person_an_office_is_written_before_or_after():
    text = HEAD + ("2021年5月6日，甲国总统[[张三]]抵达[[某城]]，对乙国进行[[国事访问]]，并与乙国女王[[李四]]会谈。"
                   "张三当面转达女王的[[正式访问]]邀请，这是张三对乙国进行[[工作访问]]之后，也是他以总统身份首次访问乙国。")
    assert not {"国事访问", "正式访问", "工作访问"} & people(text)
    assert {p for p, _ in roles_by_day(text)["2021-05-06"]} == {"张三", "李四"}


def test_a_states_one_character_abbreviation_before_an_office_is_the_state():
    text = HEAD + ("2022年11月4日，德国总理[[张三]]访问乙国，在[[某城]]同乙国主席[[李四]]会谈。"
                   "<ref>{{cite news |title=德总理张三抵达某城 |date=2022-11-04}}</ref>"
                   "\n== 后续 ==\n2024年4月16日，张三再次在[[某城]]同李四会谈。<ref>{{cite news |title=德总理张三再访 |date=2024-04-16}}</ref>")
    roles = roles_by_day(text)
    assert {o for p, o in roles["2022-11-04"] if p == "张三"} == {"德意志联邦共和国总理"}  # one office, not 德总理 beside it
    assert {o for p, o in roles["2024-04-16"] if p == "张三"} == {"德意志联邦共和国总理"}


def test_an_office_before_a_list_the_verb_goes_to_one_by_one_is_each_names():
    text = HEAD + ("2000年6月13日，乙国党总书记[[王五]]在[[某城]]与甲国总统[[张三]]会晤。"
                   "王五先后与甲国总统张三、[[李四]]会晤。\n== 后续 ==\n2007年10月2日，李四与王五在[[某城]]会晤。")
    assert ("李四", "甲国总统") in roles_by_day(text)["2007-10-02"]
    # without such a verb the office is the first name's alone
    alone = text.replace("先后与", "与")
    assert not any(p == "李四" for p, _ in roles_by_day(alone).get("2007-10-02", ()))
    # an office held then (时任) is each name's too
    then = text.replace("先后与甲国总统张三", "分别与时任甲国总统张三")
    assert ("李四", "甲国总统") in roles_by_day(then)["2007-10-02"]


def test_an_office_taken_up_a_while_ago_in_the_clause_before_the_name_is_the_names():
    text = HEAD + "2008年7月7日，甲国总统[[张三]]在[[某城]]与刚就任乙国总统不到两个月的[[李四]]举行会谈。"
    assert ("李四", "乙国总统") in roles_by_day(text)["2008-07-07"]
    # a clause that says something else of the office names none (在乙国总统府工作多年的李四)
    other = HEAD + "2008年7月7日，甲国总统[[张三]]在[[某城]]会见在乙国总统府工作多年的[[李四]]。"
    assert not any(p == "李四" for p, _ in roles_by_day(other).get("2008-07-07", ()))


def test_two_bare_offices_joined_by_jian_after_a_name_are_both_the_names():
    text = HEAD + ("1950年1月22日，甲国主席[[王五]]和[[张三]]在[[某宫]]同乙国领导人[[李四]]举行会谈。"
                   "2月14日，甲方由张三总理兼外长签字。")
    assert ("张三", "总理") in roles_by_day(text)["1950-01-22"]


def test_an_office_before_a_kinship_said_of_the_name_is_the_names():
    text = HEAD + "2000年7月19日，甲国总统[[张三]]访问乙国，与时任乙国总理、[[王五]]之父[[李四]]在[[某城]]举行会谈。"
    assert ("李四", "乙国总理") in roles_by_day(text)["2000-07-19"]


def test_a_link_whose_label_is_an_inline_conversion_names_its_target_by_the_form_shown():
    text = ("'''甲乙会晤'''是[[甲国总统]][[张三·某某|-{zh-hans:某某; zh-hk:某某; zh-tw:某乙;}-]]与乙国总理[[李四]]"
            "举行的一系列会谈。\n== 经过 ==\n2013年4月29日，李四访问甲国，与某某在[[某城]]举行会谈。")
    assert roles_by_day(text)["2013-04-29"] == {("张三·某某", "甲国总统"), ("李四", "乙国总理")}


def test_the_head_of_a_society_or_a_foundation_holds_an_office():
    text = ("'''张李会谈'''是甲方[[某基金会]]（某会）董事长[[张三]]与乙方[[某协会]]（某协）会长[[李四]]"
            "于1993年4月27日在[[某城]]举行的会谈。")
    assert roles_by_day(text, title="张李会谈")["1993-04-27"] == {("张三", "董事长"), ("李四", "会长")}


def test_a_time_word_before_an_office_is_no_part_of_it():
    text = "1993年4月27日，甲国总统[[张三]]在[[某城]]会见乙国总理[[李四]]。此后乙国外长[[王五]]访问甲国。"
    assert _offices(text)["王五"] == ("乙国外长",)  # not 此后乙国外长


def test_one_office_written_for_the_two_named_before_it_is_each_ones():
    told = _offices("2008年10月28日，[[张三]]与[[李四]]在[[某城]]举行会谈，会后两国总理签署了联合公报。")
    assert told == {"张三": ("总理",), "李四": ("总理",)}
    # what the meeting they hold is of: 中俄总理, two states' one-character abbreviations (here in a source's title)
    source = _offices("2008年10月28日，[[张三]]与[[李四]]在[[某城]]举行会谈。"
                      "<ref>{{cite news |title=张三同李四举行中俄总理第十三次定期会晤 |date=2008-10-28}}</ref>")
    assert source == {"张三": ("总理",), "李四": ("总理",)}
    # a sentence that names no one: the two of the sentence before it in the paragraph
    before = _offices("2002年8月21日，乙国总理[[李四]]抵达[[某城]]。当天，[[张三]]在某城举行仪式欢迎李四。"
                      "两国总理于22日在某城举行会谈。")
    assert before["张三"] == ("总理",)
    # the object of a verb (见证两国总理签署), or as many names as it says not before it: other holders
    assert _offices("2008年10月28日，[[张三]]与[[李四]]在[[某城]]举行会谈，会后两人共同见证两国总理签署了公报。") == {}
    assert _offices("2008年10月28日，[[张三]]、[[李四]]与[[王五]]在[[某城]]举行会谈，会后两国总理签署了公报。") == {}
    # the two titled with another office in the sentence are not the office's holders
    other = _offices("2008年10月28日，甲国主席[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈，会后两国总理签署了公报。")
    assert other == {"张三": ("甲国主席",), "李四": ("乙国总统",)}


def test_an_office_is_cited_by_the_earliest_sentence_that_gives_it():
    # a table's row names two bare; the office a sentence of 2008 gives says nothing of 2004, a source of 2004 does
    text = ("'''甲乙总理会晤'''是甲国总理与乙国总理之间的会晤机制。\n== 历次会晤 ==\n"
            "{| class=\"wikitable\"\n! 次序 !! 日期 !! 地点 !! 甲方 !! 乙方\n|-\n"
            "| 1 || 2004年9月24日 || [[某城]] || [[张三]] || [[李四]]"
            "<ref>{{cite news |title=张三与李四会晤 两国总理签署公报 |date=2004-09-25}}</ref>\n|-\n"
            "| 2 || 2008年10月28日 || [[某镇]] || 张三 || 李四\n|}\n"
            "== 第二次 ==\n2008年10月28日，张三与李四在某镇举行会谈，会后两国总理签署了公报。\n")
    assert roles_by_day(text, title="甲乙总理会晤")["2004-09-24"] == {("张三", "总理"), ("李四", "总理")}


def test_a_verb_that_receives_lists_or_sends_the_titled_name_is_no_part_of_its_office():
    # the run before the name starts with a state, but the state is the receiver's, not the office's
    assert _offices("同一周内，中国还迎来巴基斯坦总理[[张三]]。") == {"张三": ("巴基斯坦伊斯兰共和国总理",)}
    assert _offices("会谈时乙方有外长[[李四]]在座。") == {"李四": ("外长",)}
    assert _offices("他的地位仅次于兼任委员长的[[王五]]。") == {"王五": ("委员长",)}
    assert _offices("随后同日本首相[[赵六]]会谈。") == {"赵六": ("日本国首相",)}  # 同日 here is no time word


def test_a_bare_office_only_one_state_has_names_the_state_and_its_holder():
    # 天皇 is Japan's alone: 王仁天皇 is a person on Japan's side, met during the visit to Japan
    text = ("'''甲乙会晤'''是[[甲国]]与[[日本]]领导人的会晤。\n== 经过 ==\n"
            "2008年5月6日至10日，甲国主席[[张三]]对[[日本]]进行国事访问。"
            "7日上午，[[王仁]]天皇为张三举行欢迎仪式，两人随后会见。随后张三在[[某城]]同日本首相[[李四]]举行会谈。")
    assert roles_by_day(text) == {"2008-05-06": {("王仁", "天皇"), ("张三", "甲国主席"), ("李四", "日本国首相")}}


def test_an_office_after_jian_that_names_no_state_is_of_the_state_before_it():
    # 阿联酋总统兼总理: the premier of the same state, not a bare 总理 of no state's
    text = "2038年7月20日，甲国总统[[张三]]在[[某城]]会见阿联酋总统兼总理[[李四]]。"
    assert _offices(text)["李四"] == ("阿拉伯联合酋长国总统", "阿拉伯联合酋长国总理")


def test_of_offices_joined_by_jian_a_participant_meets_in_the_first_at_the_top():
    # 乙国国务委员会主席兼部长会议主席李四: the office he is named by first; the one after 兼 he holds besides
    text = HEAD + "2036年3月21日，甲国总统[[张三]]在[[某城]]同古巴国务委员会主席兼部长会议主席[[李四]]举行会谈。"
    assert {o for p, o in roles_by_day(text)["2036-03-21"] if p == "李四"} == {"古巴共和国国务委员会主席"}
    # the first below the top (乙国国防部长兼总理): the top one after it
    lower_first = HEAD + "2036年5月2日，甲国总统[[张三]]在[[某城]]与泰国国防部长兼总理[[李四]]举行会谈。"
    assert {o for p, o in roles_by_day(lower_first)["2036-05-02"] if p == "李四"} == {"泰王国总理"}
    # an office listed with 、 before another is not joined by 兼: the one right before the name stays his
    listed = HEAD + "2036年6月2日，越共中央总书记、国家主席[[李四]]在[[某城]]会见甲国总统[[张三]]。"
    assert ("李四", "国家主席") in roles_by_day(listed)["2036-06-02"]


def test_a_vice_president_who_is_prime_minister_holds_one_role_of_the_state_before_it():
    # 乙国副总统兼总理: one role, as 王储兼首相 is (he heads the government), of 乙国, and he is a top leader
    text = HEAD + "2034年7月20日，甲国总统[[张三]]在[[某城]]会见阿联酋副总统兼总理[[李四]]。"
    assert ("李四", "阿拉伯联合酋长国副总统兼总理") in roles_by_day(text)["2034-07-20"]
    # a deputy premier who is foreign minister holds two offices, both below the top: no summit of his
    lower = HEAD + "2034年7月20日，甲国总统[[张三]]在[[某城]]会见阿联酋副总理兼外长[[李四]]。"
    assert "2034-07-20" not in roles_by_day(lower)


def test_the_head_of_the_government_administration_council_is_chinas_premier_under_either_name():
    # 政务院总理 (1949–1954) is written with or without the state: 中华人民共和国政务院总理, called 政务院总理 too
    text = HEAD + "2033年6月28日，中华人民共和国政务院总理[[张三]]在[[某城]]同乙国总理[[李四]]举行会谈。"
    assert ("张三", "中华人民共和国政务院总理") in roles_by_day(text)["2033-06-28"]
    assert "政务院总理" in _labels(text, "中华人民共和国政务院总理")


def test_an_office_written_as_left_is_no_office_the_person_holds():
    # 前总统 is what he was: a meeting told by description keeps it rather than take that word
    text = ("'''甲乙会面'''是甲国领导人[[张三]]与乙国领导人[[李四]]于2015年11月7日在[[某城]]举行的会面。\n== 后续 ==\n"
            "2024年4月10日，已卸任的前总统张三在[[某城]]参观。")
    assert ("张三", "甲国领导人") in roles_by_day(text)["2015-11-07"]


def test_a_russian_name_with_and_without_its_patronymic_is_one_person():
    # the same man, linked once with his patronymic and once without
    text = ("'''甲乙会晤'''是1991年7月30日，美国总统[[张三]]与苏联总统[[伊万·彼得罗维奇·某夫]]在[[某城]]举行的会晤。\n"
            "== 后续 ==\n1992年2月1日，张三在[[某城]]会见俄罗斯总统[[伊万·某夫]]。")
    assert people(text) == {"张三", "伊万·彼得罗维奇·某夫"}
    # his family name written alone is his too, not a name two people share
    alone = text + "1990年9月9日，张三和某夫在[[某城]]举行会晤。"
    assert people(alone) == {"张三", "伊万·彼得罗维奇·某夫"}
    assert {p for p, _ in roles_by_day(alone)["1990-09-09"]} == {"张三", "伊万·彼得罗维奇·某夫"}
    # another middle part tells two people apart (a father and his son)
    assert {"乔治·沃克·某什", "乔治·赫伯特·沃克·某什"} <= people(
        HEAD + "1991年7月30日，美国总统[[乔治·沃克·某什]]与苏联总统[[李四]]在[[某城]]会谈。"
               "1989年，美国总统[[乔治·赫伯特·沃克·某什]]访问苏联。")


def test_a_states_name_of_an_earlier_time_is_the_state_not_a_participant():
    text = HEAD + ("1960年1月28日，甲国总理[[张三]]和[[缅甸联邦]]总统[[李四]]在[[某城]]签订协定。"
                   "1961年10月13日，张三与李四签订了甲国和[[缅甸联邦社会主义共和国|缅甸联邦]]之间的议定书。")
    found = roles_by_day(text)
    assert ("李四", "缅甸联邦共和国总统") in found["1960-01-28"]
    assert "缅甸联邦" not in people(text) and "缅甸联邦社会主义共和国" not in people(text)


def test_the_european_commissions_president_is_a_leader_at_a_summit():
    text = HEAD + "2024年5月6日，甲国总统[[张三]]在[[某宫]]同乙国主席[[李四]]、[[欧盟委员会主席]][[王五]]举行三方会晤。"
    assert ("王五", "欧盟委员会主席") in roles_by_day(text)["2024-05-06"]
    # a state's own committee's chair stays below the top: 甲国国会某委员会主席
    below = HEAD + "2024年5月6日，甲国总统[[张三]]在[[某宫]]会见乙国议会外事委员会主席[[王五]]。"
    assert "2024-05-06" not in roles_by_day(below)


def test_a_name_said_to_take_up_a_states_office_is_a_person_holding_it_and_the_office_is_named_as_written():
    text = ("{{Infobox event\n| title = 甲乙会晤\n| date = 2018年4月23日－25日\n"
            "| participants = [[李四]]、[[张三]]\n}}\n"
            "'''甲乙会晤'''是[[法国总统]][[李四]]于2018年4月23日至25日对[[美国]]进行的国事访问。"
            "这是[[张三]]就任[[美国总统]]后首位到访的外国元首。\n")
    assert ("张三", "美利坚合众国总统") in roles_by_day(text)["2018-04-23"]
    office = next(e for e in _extract(text).entities if e.id.kind is Kind.POSITION and e.id.key == "美利坚合众国总统")
    assert "美国总统" in {label.text for label in office.labels + office.alt_labels}
    # a meeting's chair taken up names no state's office: no person is made of that
    chair = HEAD + "1955年11月16日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]会谈，[[王五]]担任主席。"
    assert "王五" not in people(chair)


def test_the_office_taken_up_runs_past_a_conjunction_inside_a_states_name():
    text = HEAD + ("[[张三]]于2014年就任埃及总统后，多次与苏丹总统[[李四]]会晤。[[王五]]于2012年当选中华人民共和国主席。\n"
                   "2018年3月19日，张三与李四在[[某城]]举行会谈。2019年5月6日，张三与王五在[[某城]]举行会谈。")
    roles = roles_by_day(text)
    assert ("张三", "埃及总统") in roles["2018-03-19"]  # 及 and 和 are no conjunctions there
    assert ("王五", "中华人民共和国主席") in roles["2019-05-06"]


def test_a_first_name_linked_people_share_written_with_one_ones_office_word_is_that_ones():
    text = HEAD + ("2025年1月23日，甲国王储兼首相[[穆罕默德·某甲]]与乙国总统[[张三]]通电话。"
                   "5月15日，张三抵达[[某城]]，[[丙国总统]][[穆罕默德·某乙]]出席欢迎仪式。"
                   "9月12日，张三在[[某镇]]与[[丁国总理]][[穆罕默德·某丙|穆罕默德]]共进晚餐。"
                   "11月18日，穆罕默德王储访问乙国，张三在[[某宫]]与他举行会谈。")
    extraction = _extract(text)
    day = {f.subject: f.value.isoformat() for f in extraction.facts if f.prop is Prop.START_DATE}
    met = {f.value.key for f in extraction.facts if f.prop is Prop.PARTICIPANT and day.get(f.subject) == "2025-11-18"}
    assert "穆罕默德·某甲" in met and "穆罕默德·某丙" not in met
    # the first name alone is still the one the link's label names
    assert "穆罕默德·某丙" in {f.value.key for f in extraction.facts
                               if f.prop is Prop.PARTICIPANT and day.get(f.subject) == "2025-09-12"}


def test_a_seat_of_government_before_an_office_is_who_says_so_not_the_offices_body():
    text = HEAD + "2018年3月8日，白宫证实美国总统[[张三]]决定与乙国总理[[李四]]会面。2018年6月12日，张三与李四在[[某城]]举行会谈。"
    assert {o for p, o in roles_by_day(text)["2018-06-12"] if p == "张三"} == {"美利坚合众国总统"}


def test_a_meetings_co_chair_is_no_office():
    text = ("'''甲乙丙会议'''是甲国、乙国与丙国领导人的会议。\n== 背景 ==\n2014年，甲国总理[[张三]]提出倡议。\n"
            "== 双边会晤 ==\n2016年3月24日，张三与乙国总统[[李四]]在[[某城]]举行双边会谈。\n"
            "== 历次会议 ==\n{| class=\"wikitable\"\n! 次序 !! 日期 !! 地点 !! 共同主席 !! 形式\n|-\n"
            "| 首次 || 2016年3月23日 || [[某城]] || 张三、李四 || 面对面\n|}\n")
    roles = roles_by_day(text, title="甲乙丙会议")
    assert roles["2016-03-24"] == {("张三", "甲国总理"), ("李四", "乙国总统")}
    assert ("张三", "甲国总理") in roles["2016-03-23"]  # the table's row: not its column's header
    assert not any(o.endswith("共同主席") for p, o in roles["2016-03-23"])
    said = HEAD + "2016年3月23日，[[张三]]与[[李四]]在[[某城]]会谈，张三担任共同主席。"
    assert not any(o.endswith("主席") for p, o in roles_by_day(said).get("2016-03-23", ()))



def test_an_office_in_brackets_after_a_name_is_the_persons():
    box = ("{{Infobox treaty\n| name = 某城条约\n| date_signed = 1970年12月7日\n"
           "| signatories = [[张三]]（联邦德国总理）<br />[[李四]]（乙国部长会议主席）\n}}\n")
    text = box + HEAD + "1970年12月7日，张三与乙国总统李四在[[某城]]签署条约并举行会谈。"
    roles = roles_by_day(text)["1970-12-07"]
    assert ("张三", "德意志联邦共和国总理") in roles
    office = next(e for e in _extract(text).entities if e.id.key == "德意志联邦共和国总理")
    assert "联邦德国总理" in {label.text for label in office.labels + office.alt_labels}  # as the box writes it
    prose = HEAD + "1970年12月7日，[[张三]]（时任甲国总理）与[[李四]]（乙国总统）在[[某城]]举行会谈。"
    assert roles_by_day(prose)["1970-12-07"] == {("张三", "甲国总理"), ("李四", "乙国总统")}


def test_a_name_a_links_label_gives_one_person_is_no_other_persons_last_name():
    # a son's last name is his father's name (某甲·本·某乙), which the father's link shows (|某乙)
    text = ("{{Infobox summit meeting\n| date = 2022年12月8日\n| participants = [[张三]]<br />"
            "[[某乙·本·某丙|某乙]]<br />[[某甲·本·某乙]]\n}}\n" + HEAD
            + "2022年12月8日，甲国主席[[张三]]应乙国国王[[某乙·本·某丙|某乙]]邀请访问乙国，同乙国首相[[某甲·本·某乙]]在[[某城]]举行会谈。")
    assert {p for p, _ in roles_by_day(text)["2022-12-08"]} >= {"张三", "某乙·本·某丙", "某甲·本·某乙"}
    # a city shown by a link's label is not the surname of a person linked elsewhere
    city = HEAD + ("2018年4月24日，甲国总统[[张三]]在[[某国首都特区|某城]]与乙国总统[[李四]]举行会谈，"
                   "并参观了[[王五·某城]]故居。")
    from kg.extract.reading import read

    index = read(parse(Page(text=city, origin="t", title="甲乙会晤"))).index
    assert index.key("某城") == "某国首都特区" and index.key("王五·某城") == "王五·某城"


def test_a_linked_name_a_place_word_stands_before_is_no_person_who_met():
    text = HEAD + "2016年9月2日，甲国首相[[张三]]访问乙国远东城市[[某某斯托克]]与乙国总统[[李四]]会谈。"
    assert {p for p, _ in roles_by_day(text)["2016-09-02"]} == {"张三", "李四"}
    assert "某某斯托克" not in people(text)


def test_offices_listed_before_a_name_are_all_its_holders():
    offices = _offices("2024年10月22日，甲国总统[[张三]]在[[某城]]会见了乙国人民革命党中央总书记、国家主席[[李四]]。")
    assert offices["李四"] == ("乙国人民革命党中央总书记", "国家主席")  # the first one listed first
    # a list of names is no list of offices: 张三's office is no 李四's
    assert _offices("2024年10月22日，甲国总统[[张三]]、乙国总理[[李四]]在[[某城]]会晤。")["李四"] == ("乙国总理",)


def test_an_office_only_won_is_not_what_its_holder_held_on_the_day():
    from datetime import date

    from kg.extract.entities import type_names
    from kg.extract.people import offices_at, read_people
    from kg.extract.reading import read

    text = HEAD + "2008年4月6日，甲国总统[[张三]]在[[某城]]与乙国当选总统、第一副总理[[李四]]举行会谈。"
    reading = read(parse(Page(text=text, origin="t", title="甲乙会晤")))
    type_names(reading)
    people = read_people(reading)
    assert offices_at(people, "李四", date(2008, 4, 6)) == ("第一副总理",)
    assert offices_at(people, "张三", date(2008, 4, 6)) == ("甲国总统",)


def test_a_tables_row_naming_a_host_the_prose_mention_of_its_days_does_not_is_the_summit():
    text = ("'''李四访华'''指[[德国]]领导人[[李四]]历次到[[中国]]的访问，会谈对象先后为中国共产党中央总书记、"
            "国家主席[[张三]]和[[赵六]]。\n"
            "== 访问列表 ==\n{| class=\"wikitable\"\n|+ 李四历次访华\n! 次序 !! 日期 !! 会谈地点 !! 中方领导人 !! 备注\n|-\n"
            "| 1 || 2001年1月15日－20日 || [[某城]][[某会堂]] || 张三 || 在某港参观4天\n|}\n"
            "== 经过 ==\n2001年1月15日至20日，李四再度访华，先在某港参观访问4天，由国务院总理[[王五]]会见并陪同参观。"
            "随后，张三同李四在某城某会堂举行会谈。\n")
    found = roles_by_day(text, title="李四访华")
    assert {p for p, _ in found["2001-01-15"]} == {"张三", "李四"}


def test_a_verb_of_taking_up_an_office_before_it_is_no_part_of_it():
    # 再次就任总统的李四, 1982年出任首相的李四: the office taken up; 当选总统 is still the president-elect's, who is
    # not in office yet: a meeting with him alone is no summit (the conventions; test_meeting_rules)
    for taken, office in (("再次就任总统", "总统"), ("1982年11月出任首相", "首相")):
        text = HEAD + f"2019年2月17日，甲国总理[[张三]]在[[某城]]会见{taken}的[[李四]]。"
        assert roles_by_day(text) == {"2019-02-17": {("张三", "甲国总理"), ("李四", office)}}
    assert roles_by_day(HEAD + "2019年2月17日，甲国总理[[张三]]在[[某城]]会见当选总统的[[李四]]。") == {}


def test_new_between_a_state_and_its_office_is_no_part_of_it():
    # 南非新总统, and a source's title 李四当选南非新总统: the state's office
    said = "2019年2月17日，甲国总理[[张三]]在[[某城]]会见南非新总统[[李四]]。"
    titled = ("2019年2月17日，甲国总理[[张三]]在[[某城]]会见[[李四]]。"
              "<ref>{{cite news|title=李四当选南非新总统|date=2019-01-04}}</ref>")
    for text in (said, titled):
        assert roles_by_day(HEAD + text) == {"2019-02-17": {("张三", "甲国总理"), ("李四", "南非共和国总统")}}
    # 新 that begins a state's name is the state's (新西兰总理)
    text = HEAD + "2019年2月17日，甲国总理[[张三]]在[[某城]]会见新西兰总理[[李四]]。"
    assert roles_by_day(text) == {"2019-02-17": {("张三", "甲国总理"), ("李四", "新西兰总理")}}


def test_a_rank_joined_to_an_office_by_jian_is_one_role_with_it():
    # 王储兼首相: the crown prince who heads the government, not a bare prime minister
    text = HEAD + "2022年12月7日，甲国主席[[张三]]在[[某城]]会见沙特王储兼首相[[李四]]。"
    assert {o for p, o in roles_by_day(text)["2022-12-07"] if p == "李四"} == {"沙特阿拉伯王国王储兼首相"}


def test_an_arabic_name_is_written_short_as_its_own_first_part_not_its_fathers():
    # 某甲·本·某乙: 某甲, son of 某乙; the text calls him 某甲 (not 某乙, his father's name)
    text = HEAD + ("2022年12月7日，甲国主席[[张三]]抵达[[某城]]，[[某甲·本·某乙]]到机场迎接。"
                   "12月8日，张三在某城王宫同乙国王储兼首相某甲举行会谈。")
    assert ("某甲·本·某乙", "乙国王储兼首相") in roles_by_day(text)["2022-12-07"]


def test_an_abbreviation_written_with_guo_before_an_office_names_its_state():
    text = HEAD + "2023年10月18日，甲国总统[[张三]]在[[某城]]与以国总理[[李四]]举行会谈。"
    assert ("李四", "以色列国总理") in roles_by_day(text)["2023-10-18"]
    # 以 alone is a preposition: 以总理身份 names no state
    text = HEAD + "2023年10月18日，[[李四]]以总理身份在[[某城]]与甲国总统[[张三]]举行会谈。"
    assert not any(o.startswith("以色列") for _, o in roles_by_day(text)["2023-10-18"])


def test_a_link_to_a_body_labelled_with_its_heads_office_names_the_office():
    # [[某国务委员会|…委员长]]: the label is the office its holder holds, not the council
    from kg.extract.reading import read

    text = HEAD + ("2018年9月18日，甲国总统[[张三]]和[[乙国国务委员会|乙国国务委员会委员长]][[李四]]在[[某城]]会面，"
                   "[[乙国外交部|外交部长]][[王五]]陪同。")
    index = read(parse(Page(text=text, origin="t", title="甲乙会晤"))).index
    assert index.key("乙国国务委员会委员长") != index.key("乙国国务委员会")
    assert index.key("外交部长") != index.key("乙国外交部")
def test_a_bare_office_after_a_name_then_what_its_holder_does_titles_the_name():
    # 李四总理举行会谈, 王五主席设宴招待: the office is the name's, whatever verb follows it
    text = HEAD + "2019年3月23日，甲国主席[[张三]]在[[某城]]同[[李四]]总理举行会谈。"
    assert ("李四", "总理") in roles_by_day(text)["2019-03-23"]
    assert "王五" in people(HEAD + "1964年1月9日，甲国总理[[张三]]抵达[[某城]]，[[王五]]主席当天设宴招待。")


def test_a_minister_called_daichen_holds_an_office_below_the_top():
    # 国防大臣: the defence minister met the premier as no top leader; a crown prince who was defence minister
    # too did as a top leader (王储 is at the top, 兼副首相 and 、国防大臣 after it do not bring him below it)
    text = HEAD + ("2014年3月，时任乙国国防大臣的[[李四]]访问甲国，甲国总理[[张三]]于3月14日在[[某城]]会见了他。"
                   "\n== 后续 ==\n2017年3月16日，乙国国王李四访问甲国，与张三在[[某城]]举行会谈。")
    found = roles_by_day(text)
    assert "2014-03-14" not in found and "2017-03-16" in found
    crown_prince = roles_by_day(text.replace("时任乙国国防大臣", "时任乙国王储兼副首相、国防大臣"))
    assert "2014-03-14" in crown_prince and "2017-03-16" in crown_prince


def test_a_military_rank_after_a_linked_name_makes_a_person_without_an_office():
    # 政府首脑 is no office word and the signing no meeting word: only the rank says 李四 is a person
    text = HEAD + "1977年9月7日，由甲国总统[[张三]]与乙国政府首脑[[李四]]将军在[[某城]]签署条约。"
    assert "李四" in people(text)
    # 将 (will) before a word starting with 军, and a force's generals, name no person
    others = HEAD + "1977年9月7日，[[某委员会]]将军事合作列为重点，[[乙国陆军]]将军们出席。"
    assert not {"某委员会", "乙国陆军"} & people(others)


def test_a_body_before_its_seat_is_no_place():
    # the venue's gloss names whose seat the building is: the building is the place, not the body
    text = HEAD + "1977年9月7日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]的[[某大楼]]（[[某组织]]总部）签署条约。"
    places = {e.id.key for e in _extract(text).entities if e.id.kind is Kind.PLACE}
    assert "某大楼" in places and "某组织" not in places


def test_a_monarchs_linked_name_ending_in_the_title_is_a_person_holding_it():
    text = HEAD + ("1978年10月23日，甲国总理[[张三]]在[[某城]]会见了[[某和天皇|某仁天皇]]。"
                   "次日，张三又会见[[乙国国王]][[李四]]。")
    roles = roles_by_day(text)
    assert ("某和天皇", "天皇") in roles["1978-10-23"]
    assert ("李四", "乙国国王") in roles["1978-10-24"]
    assert "乙国国王" not in people(text)


def test_a_bare_office_after_a_bodys_name_is_the_bodys_office_not_a_persons():
    text = HEAD + "1987年9月7日，[[张三]]以[[甲国统一党|统一党]]总书记和国家元首身份访问乙国，在[[某城]]与乙国总理[[李四]]举行会谈。"
    assert people(text) == {"张三", "李四"}


def test_a_states_body_office_is_named_without_the_state_too():
    text = HEAD + "2001年7月26日，[[老挝]][[老挝国防委员会|国防委员会委员长]][[张三]]与乙国总统[[李四]]在[[某城]]会谈。"
    labels = {label.text for entity in _extract(text).entities if entity.id.kind is Kind.POSITION
              and entity.id.key == "老挝人民民主共和国国防委员会委员长" for label in entity.labels + entity.alt_labels}
    assert "国防委员会委员长" in labels


def test_a_bare_office_after_a_chambers_name_is_the_chambers_office_not_a_persons():
    text = HEAD + "2001年3月4日，甲国总理[[张三]]在[[某城]]与乙国总理[[李四]]举行会谈。次年，张三出任[[甲国参议院|参议院]]主席。"
    assert people(text) == {"张三", "李四"}


def test_the_capacity_of_one_visit_is_not_every_rows_office():
    text = ("'''张三访问乙国'''是指[[甲国]]领导人[[张三]]对[[乙国]]的历次访问。\n== 列表 ==\n"
            '{| class="wikitable"\n! 日期 !! 地点 !! 会见的乙方领导人 !! 备注\n|-\n'
            "| 2001年4月5日 || [[某城]] || [[李四]] || 正式访问\n|-\n"
            "| 2009年6月1日 || [[某城]] || [[王五]] || 正式访问\n|}\n"
            "== 再次访问 ==\n张三以甲国总统身份再次访问乙国。\n")
    held = roles_by_day(text, title="张三访问乙国")
    assert not {office for day in held.values() for person, office in day if person == "张三"}



def test_an_office_written_as_left_after_the_state_is_no_office_carried_to_a_later_day():
    # 甲国前首相张三: what he was, not an office to carry to a meeting, though written nearest in time
    from datetime import date
    from kg.extract.entities import type_names
    from kg.extract.people import main_office, read_people
    from kg.extract.reading import read

    text = HEAD + ("2010年5月3日，甲国首相[[张三]]与乙国主席[[李四]]在[[某城]]会谈。\n== 后续 ==\n"
                   "2024年11月30日，甲国前首相张三宣布将访问乙国。")
    reading = read(parse(Page(text=text, origin="t", title="甲乙会晤")))
    type_names(reading)
    people = read_people(reading)
    assert "前" not in (main_office(people, "张三", date(2024, 12, 2)) or "")


def test_the_popes_title_before_his_name_is_his_office_whatever_church_is_written_before_it():
    text = HEAD + "1991年7月30日，甲国总统[[张三]]在[[某城]]会见[[天主教]][[教宗]][[某某二世]]，两人举行会谈。"
    assert ("某某二世", "罗马教宗") in roles_by_day(text)["1991-07-30"]


def _labels(text, key, title="甲乙会晤"):
    """The labels of the entity keyed ``key`` that ``text`` makes."""
    entity = next(e for e in _extract(text, title).entities if e.id.key == key)
    return {label.text for label in entity.labels + entity.alt_labels}


def test_the_popes_word_written_alone_for_him_gives_him_the_office():
    text = ("'''某某二世访问甲国'''是[[教宗]][[某某二世]]对[[甲国]]的访问。\n== 经过 ==\n"
            "1998年1月21日下午，教宗抵达[[某城]]，甲国总统[[张三]]在机场迎接。"
            "1月22日，教宗在[[某宫]]与张三举行正式会谈。")
    assert roles_by_day(text, "某某二世访问甲国")["1998-01-21"] == {("教宗", "罗马教宗"), ("张三", "甲国总统")}
    assert "教宗" in _labels(text, "罗马教宗", "某某二世访问甲国")


def test_a_boxs_pope_is_given_his_office_where_the_text_also_writes_the_word_alone_for_him():
    text = ("{{Infobox event\n| date = {{Start date|1979|6|2}}－{{End date|1979|6|10}}\n"
            "| participants = 教宗[[某某二世]]<br />甲国总统[[张三]]\n}}\n"
            "'''某某二世访问甲国'''是[[教宗]][[某某二世]]对[[甲国]]的访问。\n== 经过 ==\n"
            "6月2日上午，教宗抵达[[某城]]。随后，教宗在[[某宫]]同张三会晤。")
    assert roles_by_day(text, "某某二世访问甲国")["1979-06-02"] == {("某某二世", "罗马教宗"), ("张三", "甲国总统")}


def test_the_popes_word_before_a_room_names_no_place():
    text = HEAD + ("2009年7月10日，甲国总统[[张三]]在[[某城]]与[[教宗]][[某某十六世]]会晤，"
                   "会晤在[[某宫]]教宗私人图书馆进行。")
    assert not any(e.id.key == "教宗" and e.id.kind is Kind.PLACE for e in _extract(text).entities)


def test_a_link_to_the_popes_article_titled_with_his_office_names_the_person_the_rest_names():
    from kg.extract.reading import read

    text = ("'''甲乙会晤'''是[[甲国]]总统[[张三]]与[[教宗某某二世]]的会晤。\n== 经过 ==\n"
            "1991年7月30日，张三在[[某城]]会见[[某某二世]]，两人举行会谈。")
    assert read(parse(Page(text=text, origin="t", title="甲乙会晤"))).index.same("教宗某某二世", "某某二世")


def test_the_popes_title_linked_alone_names_no_office_but_its_holder():
    text = ("'''甲乙会晤'''是[[甲国]]总统[[张三]]与[[教宗]]的会晤。\n== 经过 ==\n"
            "1991年7月30日，[[张三]]在[[某城]]与[[教宗]]举行会谈。")
    assert all(e.id.kind is not Kind.POSITION for e in _extract(text).entities if e.id.key == "教宗")


def test_an_office_written_as_left_with_yuan_is_not_what_a_box_gives_its_participant():
    text = ("{{Infobox summit meeting\n| date = {{Start date|2024|6|19}}\n| participants = [[张三]]<br>[[李四]]\n}}\n"
            "'''甲乙会晤'''是甲国总统[[张三]]对[[乙国]]的访问。\n== 背景 ==\n"
            "2024年5月22日，原公安部长[[李四]]当选为乙国国家主席。")
    offices = {office for person, office in roles_by_day(text)["2024-06-19"] if person == "李四"}
    assert offices and not any(office.startswith("原") for office in offices)


def test_an_office_written_as_incoming_is_the_office_itself_at_a_meeting_the_text_dates_later():
    text = HEAD + ("2001年3月10日，甲国总统[[张三]]与乙国总理[[王五]]在[[某城]]会谈。\n== 后续 ==\n"
                   "乙国下任总理[[李四]]原计划于2004年访问甲国，后推迟。2005年6月8日，李四访问甲国，与张三在[[某城]]会谈。")
    roles = roles_by_day(text)
    assert {o for p, o in roles["2005-06-08"] if p == "李四"} == {"乙国总理"}


def test_an_office_a_headline_shortens_yields_to_the_full_one():
    text = ("'''甲乙会晤'''是[[甲国]]与[[丙利亚]]领导人的会晤<ref>{{cite news |title=丙总统张三抵达某城 |date=2023-05-19}}</ref>。"
            "丙利亚总统[[张三]]出席。\n== 经过 ==\n"
            "2023年5月19日，张三在[[某城]]与甲国总理[[李四]]举行会谈。\n")
    assert roles_by_day(text)["2023-05-19"] == {("张三", "丙利亚总统"), ("李四", "甲国总理")}


def test_a_crown_prince_is_titled_by_his_rank_and_meets_as_his_side():
    text = HEAD + "2021年12月12日，以色列总理[[李四]]抵达[[某城]]，与阿布扎比王储[[张三]]举行会谈。"
    deputy = HEAD + "2021年12月12日，以色列总理[[李四]]抵达[[某城]]，与沙特副王储[[张三]]举行会谈。"
    assert roles_by_day(text) == {"2021-12-12": {("张三", "阿布扎比王储"), ("李四", "以色列国总理")}}
    assert roles_by_day(deputy) == {}  # a deputy crown prince is below the top


def test_a_rank_written_alone_and_with_an_office_held_with_it_is_the_two_together():
    from kg.extract.entities import type_names
    from kg.extract.people import first_office_held, read_people
    from kg.extract.reading import read

    def first(text):
        reading = read(parse(Page(text=HEAD + text, origin="t", title="甲乙会晤")))
        type_names(reading)
        return first_office_held(read_people(reading), "张三")

    assert first("2022年12月8日，沙特王储[[张三]]在[[某宫]]迎接乙国主席[[李四]]。"
                 "随后，李四在某宫同沙特王储兼首相张三举行会谈。") == ("沙特阿拉伯王国王储兼首相",)
    assert first("2022年12月8日，沙特王储[[张三]]在[[某宫]]迎接乙国主席[[李四]]。"
                 "随后，李四在某宫同沙特国防大臣张三举行会谈。") == ("沙特阿拉伯王国王储",)  # another office: not joined


def test_a_short_state_office_is_read_beside_the_full_office_only():
    from kg.extract.roles import shortened_from
    assert shortened_from("叙总统", ("叙总统", "叙利亚总统")) == "叙利亚总统"
    assert shortened_from("丙总统", ("丙利亚总理", "丙利亚总统")) == "丙利亚总统"
    assert shortened_from("叙总统", ("叙总统",)) is None  # alone, it stays as written
    assert shortened_from("总统", ("美国总统",)) is None  # a bare office word cuts no state
    assert shortened_from("副总统", ("叙利亚副总统",)) is None  # 副 is no state's first character


def test_an_audience_verb_before_a_title_is_no_part_of_it():
    # 晋见/觐见/谒见/拜见: the subject's audience with the titled name, as 会见 is
    for verb in ("晋见", "觐见", "谒见", "拜见"):
        text = HEAD + f"1974年1月14日，甲国总理[[张三]]在[[某城]]{verb}乙国国王[[李四]]，双方举行会谈。"
        assert roles_by_day(text)["1974-01-14"] == {("张三", "甲国总理"), ("李四", "乙国国王")}, verb
    # the verb cuts a title only where it stands before it: an office of its own is kept whole
    text = HEAD + "1974年1月14日，甲国总理[[张三]]在[[某城]]会见乙国国王[[李四]]，双方举行会谈。"
    assert roles_by_day(text)["1974-01-14"] == {("张三", "甲国总理"), ("李四", "乙国国王")}


def test_the_holders_of_an_office_the_subject_met_in_turn_are_titled_by_it():
    lead = "'''张三与乙国总理会晤'''是指甲国总统[[张三]]与历任[[乙国总理]]举行的会晤。\n"
    body = ("== 2001年 ==\n2001年5月3日，张三在[[某城]]与[[李四]]举行会谈。\n"
            "== 2005年 ==\n2005年6月1日，张三在某城与[[王五]]举行会谈。\n"
            "== 其他 ==\n2003年2月4日，[[赵六]]在某城与李四举行会谈。\n")
    roles = roles_by_day(lead + body, title="张三与乙国总理会晤")
    assert roles["2001-05-03"] == {("张三", "甲国总统"), ("李四", "乙国总理")}
    assert roles["2005-06-01"] == {("张三", "甲国总统"), ("王五", "乙国总理")}
    assert "2003-02-04" not in roles  # a holder's meeting without the subject: the series' office says nothing of it
    # an office the lead only names as the other side's, not as held in turn (与乙国总理举行的会晤), titles no one
    generic = "'''张三与乙国总理会晤'''是指甲国总统[[张三]]与[[乙国总理]]举行的会晤。\n"
    assert roles_by_day(generic + body, title="张三与乙国总理会晤")["2001-05-03"] == {("张三", "甲国总统")}


def test_the_holders_of_the_offices_a_series_is_defined_between_are_titled_by_them():
    # the lead defines the series as meetings between two states' offices: a bare office word one of them ends
    # with is that office, and the one participant the text gives no office holds the office left
    lead = "'''冰马领导人会议'''是[[冰岛总理]]与[[马耳他总统]]之间的年度会晤机制，由两国轮流主办。\n== 历届 ==\n"
    body = ("2031年5月3日，[[李四]]与总理[[张三]]在[[某城]]举行会谈。\n"
            "2033年6月1日，[[王五]]与[[赵六]]在某城举行会谈。\n")
    roles = roles_by_day(lead + body, title="冰马领导人会议")
    assert roles["2031-05-03"] == {("张三", "冰岛总理"), ("李四", "马耳他共和国总统")}
    assert "2033-06-01" not in roles  # two without an office: which holds which the text does not say
    # 和 joins the list, but not within a state's name (马耳他共和国)
    joined = lead.replace("[[冰岛总理]]与[[马耳他总统]]", "[[冰岛总理]]和[[马耳他共和国总统]]")
    assert roles_by_day(joined + body, title="冰马领导人会议")["2031-05-03"] == {("张三", "冰岛总理"), ("李四", "马耳他共和国总统")}
    # a person named among them makes the lead a person's meetings, not the offices'
    named = "'''冰马领导人会议'''是冰岛总理[[张三]]与[[马耳他总统]]之间的年度会晤机制，由两国轮流主办。\n== 历届 ==\n"
    assert roles_by_day(named + body, title="冰马领导人会议")["2031-05-03"] == {("张三", "冰岛总理")}


def _office_names(text, office):
    """The Simplified names the extraction gives the office keyed ``office`` (labels and alternative labels)."""
    entity = next(e for e in _extract(text).entities if e.id.kind is Kind.POSITION and e.id.key == office)
    return {label.text for label in entity.labels + entity.alt_labels if label.language == "zh-Hans"}


def test_a_bare_office_word_written_for_the_holder_of_a_fuller_office_names_that_office():
    # 张三总理, 以总理身份, 出任总理: the article writes his office 总理 too, as well as 甲国总理
    for written in ("张三总理亲自到机场迎接李四", "张三以总理身份会见李四", "1970年张三出任总理后会见李四"):
        text = HEAD + f"1971年9月16日，甲国总理[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈。{written}。"
        assert roles_by_day(text)["1971-09-16"] == {("张三", "甲国总理"), ("李四", "乙国总统")}, written
        assert _office_names(text, "甲国总理") == {"甲国总理", "总理"}, written
    # a bare word the fuller office does not end with is an office of its own, and names no other
    text = HEAD + "1971年9月16日，甲国总理[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈。李四总统亲自到机场迎接张三。"
    assert _office_names(text, "甲国总理") == {"甲国总理"}
    assert _office_names(text, "乙国总统") == {"乙国总统", "总统"}
    # nor does it name the office of a deputy (副总统 is no 总统)
    text = HEAD + "1971年9月16日，甲国副总统[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈。张三总统亲自到机场迎接李四。"
    assert _office_names(text, "甲国副总统") == {"甲国副总统"}


def test_the_head_of_a_government_written_with_the_governments_name_is_named_so_within_the_state():
    # 中国国务院总理, 越南政府总理, 联邦德国联邦总理: the office also goes by the government's name alone
    text = HEAD + "2005年4月9日，中国国务院总理[[张三]]与越南政府总理[[李四]]在[[某城]]举行会谈。"
    assert roles_by_day(text)["2005-04-09"] == {("张三", "中华人民共和国国务院总理"), ("李四", "越南社会主义共和国政府总理")}
    assert _office_names(text, "中华人民共和国国务院总理") == {"中华人民共和国国务院总理", "中国国务院总理", "国务院总理"}
    assert _office_names(text, "越南社会主义共和国政府总理") == {"越南社会主义共和国政府总理", "越南政府总理", "政府总理"}
    # a government of another kind is no part of the office's own name (临时政府总理 is not 政府总理)
    text = HEAD + "2005年4月9日，中国国务院总理[[张三]]与越南临时政府总理[[李四]]在[[某城]]举行会谈。"
    assert "政府总理" not in _office_names(text, "越南社会主义共和国临时政府总理")


def test_a_states_chair_written_guojia_zhuxi_is_named_so_within_the_state():
    # 越南国家主席: the state's chair also goes by 国家主席 alone, as 国务院总理 does by its body's name
    text = HEAD + "2034年4月9日，越南国家主席[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈。"
    assert _office_names(text, "越南社会主义共和国主席") == {"越南社会主义共和国主席", "越南国家主席", "国家主席"}
    # the chair written without 国家 (越南主席) is not called so
    text = HEAD + "2034年4月9日，越南主席[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈。"
    assert "国家主席" not in _office_names(text, "越南社会主义共和国主席")


def test_an_office_taken_up_again_is_the_office_held_after_it():
    # 重任总统, 再度出任, 第二次出任: taking up again, as 就任 is; the office written as held then (时任) before it
    # is no longer his at a later meeting
    for again in ("2012年李四重任总统", "李四2012年底再度出任总统", "李四于2012年第二次出任总统"):
        text = HEAD + (f"2011年3月24日，时任乙国总理的[[李四]]在[[某城]]与甲国总理[[张三]]举行会谈。{again}。\n"
                       "== 后续 ==\n2015年9月21日，张三在某城与李四会晤。")
        assert {o for p, o in roles_by_day(text)["2015-09-21"] if p == "李四"} == {"总统"}, again
    # no taking up: a burden (身负重任) is no office, and the office held then is the only one the text gives
    text = HEAD + ("2011年3月24日，时任乙国总理的[[李四]]在[[某城]]与甲国总理[[张三]]举行会谈。2012年李四身负重任出访。\n"
                   "== 后续 ==\n2015年9月21日，张三在某城与李四会晤。")
    assert {o for p, o in roles_by_day(text)["2015-09-21"] if p == "李四"} == {"乙国总理"}


def test_a_rows_office_given_last_before_its_day_yields_to_one_the_text_gives_since():
    # 2012年，时任乙国总理李四 is the last office a dated sentence gives before a row of 2019, but a source of 2016
    # calls him 乙国总统: he held that since, and the office nearest the row's day is his
    rows = ("'''李四访问甲国'''是指[[乙国]]领导人[[李四]]对[[甲国]]的历次访问。\n== 列表 ==\n"
            '{| class="wikitable"\n! 日期 !! 地点 !! 甲方领导人 !! 备注\n|-\n'
            "| 2012年4月8日 || [[某城]] || [[张三]] || 正式访问\n|-\n"
            "| 2019年7月2日 || [[某城]] || 张三 || 会谈\n|}\n"
            "== 经过 ==\n2012年4月8日，时任乙国总理李四访问甲国，与张三在某城会谈。")
    since = "<ref>{{cite news |title=乙国总统李四会见甲国客人 |date=2016-09-03}}</ref>"
    held = roles_by_day(rows + since + "\n", title="李四访问甲国")
    assert {o for p, o in held["2019-07-02"] if p == "李四"} == {"乙国总统"}
    assert {o for p, o in held["2012-04-08"] if p == "李四"} == {"乙国总理"}
    # a bare office written for two at once (甲乙两国总统) is read onto names that may not hold it: no change of office
    joint = "2016年9月3日，李四表示希望与丙国和丁国两国总统会面。"
    held = roles_by_day(rows + joint + "\n", title="李四访问甲国")
    assert {o for p, o in held["2019-07-02"] if p == "李四"} == {"乙国总理"}


def test_a_monarchs_title_after_a_states_name_is_the_states_office():
    # 文莱苏丹, 阿曼苏丹: the sultan who reigns, so that the meeting with him is a summit
    for written, office in (("[[文莱苏丹]]", "文莱达鲁萨兰国苏丹"), ("阿曼苏丹", "阿曼苏丹国苏丹")):
        text = HEAD + f"2019年11月24日，甲国总统[[张三]]在[[某城]]同{written}[[李四]]举行会谈。"
        assert roles_by_day(text) == {"2019-11-24": {("张三", "甲国总统"), ("李四", office)}}
    assert "文莱苏丹" in _labels(HEAD + "2019年11月24日，甲国总统[[张三]]在[[某城]]同文莱苏丹[[李四]]举行会谈。",
                                 "文莱达鲁萨兰国苏丹")
    # alone 苏丹 is a state (Sudan), after no state's name a part of a name (南苏丹, 努尔苏丹): no office
    for written in ("苏丹", "南苏丹"):
        assert roles_by_day(HEAD + f"2019年11月24日，甲国总统[[张三]]在[[某城]]同{written}[[李四]]举行会谈。") == {}
    text = HEAD + "2019年11月24日，甲国总统[[张三]]在[[努尔苏丹]][[李四]]宫同乙国总统[[王五]]举行会谈。"
    assert roles_by_day(text) == {"2019-11-24": {("张三", "甲国总统"), ("王五", "乙国总统")}}


def test_a_span_of_years_dates_the_offices_its_sentence_gives_from_its_first_year():
    # 2021—2026年任期: the sentence tells of the time from 2021, though its years read the span's last
    from kg.extract.entities import type_names
    from kg.extract.people import read_people
    from kg.extract.reading import read

    def years(sentence):
        reading = read(parse(Page(text=HEAD + sentence, origin="t", title="甲乙会晤")))
        type_names(reading)
        return read_people(reading).office_years[("李四", "乙国主席")]

    assert years("此访是[[张三]]在2021—2026年任期内的首次出访，应乙国主席[[李四]]邀请进行。") == {2021, 2026}
    assert years("此访是[[张三]]在2026年的首次出访，应乙国主席[[李四]]邀请进行。") == {2026}


def test_a_gulf_rulers_given_name_then_crown_prince_titles_the_person():
    # 李四王储会见了张三: a Gulf ruler's given name, then his title (穆罕默德王储), as a king's (萨勒曼国王)
    text = HEAD + ("2019年3月23日，甲国总统[[张三]]抵达乙国，[[李四·本·王五]]到机场迎接。"
                   "当天，李四王储在[[某城]]会见了张三，两人举行会谈。")
    assert ("李四·本·王五", "王储") in roles_by_day(text)["2019-03-23"]


def test_a_town_then_crown_prince_is_the_towns_crown_prince_not_a_person():
    # [[某城]]王储[[李四·本·王五]]: the emirate's crown prince; the town no person, whatever comes after
    text = HEAD + "2019年3月23日，甲国总统[[张三]]在[[某城]]同[[某城]]王储[[李四·本·王五]]举行会谈。"
    assert "某城" not in people(text) and "李四·本·王五" in people(text)


def test_the_capacity_someone_acted_in_later_is_no_office_at_an_earlier_meeting():
    # 以特使身份 in 2035 is what he acted as then, as 时任 says: the lead's 乙国首相 is his office at the 2031 talks
    lead = "'''甲乙会晤'''是指甲国总理[[张三]]与[[乙国首相]][[李四]]之间的会谈。\n== 经过 ==\n"
    text = lead + ("2031年6月12日，李四在某城与张三会谈。\n\n"
                   "2035年3月，已卸任的李四以特使身份访问甲国，出席纪念活动。")
    assert roles_by_day(text)["2031-06-12"] == {("张三", "甲国总理"), ("李四", "乙国首相")}
    # near-miss: the capacity written in the meeting's own year is his office there
    same_year = lead + "2031年6月12日，李四以乙国首相身份在某城与张三会谈。"
    assert ("李四", "乙国首相") in roles_by_day(same_year)["2031-06-12"]


def _short_names_read(text, short):
    """The keys the reading gives each mention of ``short`` written alone in ``HEAD + text``, in order."""
    from kg.extract.reading import read

    reading = read(parse(Page(text=HEAD + text, origin="t", title="甲乙会晤")))
    return [spot.key for sentence in reading.all_sentences() for spot in sentence.spots if spot.hans == short]


def test_a_short_name_two_people_share_is_the_one_the_office_written_with_it_names():
    text = ("张三曾与乙国总统[[穆罕默德·本·某甲·阿勒某丁]]通电话，会见某城王储穆罕默德·本·某甲。\n"
            "2015年8月16日，张三访问乙国，会见乙国副总统兼总理、某城酋长[[穆罕默德·本·某乙·阿勒某丙]]。"
            "2019年8月23日，穆罕默德王储在某城会见张三。2023年7月15日，穆罕默德总统在总统府与张三会谈。")
    assert _short_names_read(text, "穆罕默德") == ["穆罕默德·本·某甲·阿勒某丁"]  # 穆罕默德王储: not the one named last
    assert _short_names_read(text, "穆罕默德总统") == ["穆罕默德·本·某甲·阿勒某丁"]  # not the 副总统's
    # one of them written with no office may have held it too (a father and a son, presidents in turn)
    father = ("2018年8月12日，乙国总统某甲与[[张三]]会谈。[[古尔班·某甲]]之子、"
              "乙国总统[[谢尔达尔·某甲]]于2022年6月29日与张三会谈。")
    assert _short_names_read(father, "某甲") == ["某甲"]


def test_a_short_name_two_people_share_written_with_no_office_is_the_one_named_last_before_it():
    text = ("2023年12月6日，张三抵达某城，[[乙国总统]][[穆罕默德·本·某甲·阿勒某丁]]在总统府外迎接，两人举行会谈。"
            "穆罕默德称两国关系密切。张三随后飞往某镇，与[[丙国王储]][[穆罕默德·本·某乙]]会谈。穆罕默德接受了邀请。")
    assert _short_names_read(text, "穆罕默德") == ["穆罕默德·本·某甲·阿勒某丁", "穆罕默德·本·某乙"]
    # before either is named, it stays no one's
    assert _short_names_read("穆罕默德称两国关系密切。" + text, "穆罕默德")[0] == "穆罕默德"


def test_an_office_below_the_top_given_only_in_another_year_is_not_carried_to_a_summit():
    # 乙国国防部长 in 2031 is what 李四 held on his way up: at a summit of 2035 the text says nothing of his
    # office, and the lead's 乙国总统 is the office carried to it, though the minister's is nearer in time
    from datetime import date

    from kg.extract.entities import type_names
    from kg.extract.people import main_office, read_people
    from kg.extract.reading import read

    def carried(text, day):
        reading = read(parse(Page(text=text, origin="t", title="甲乙会晤")))
        type_names(reading)
        return main_office(read_people(reading), "李四", day)

    lead = "'''甲乙会晤'''是指甲国总统[[张三]]与[[乙国总统]][[李四]]之间的会晤。\n== 背景 ==\n"
    text = lead + "李四在担任乙国国防部长期间，曾于2031年访问甲国。"
    assert carried(text, date(2035, 11, 2)) == "乙国总统"
    # near-misses: in the minister's own year the office the text dates nearest is his; a top office
    # dated in another year is carried however far in time
    assert carried(text, date(2031, 11, 2)) == "乙国国防部长"
    top = lead + "2031年，乙国总理李四访问甲国。"
    assert carried(top, date(2035, 11, 2)) == "乙国总理"


def test_a_rows_office_below_the_top_of_an_earlier_year_is_not_carried_to_a_later_row():
    # the last dated sentence before the row of 2035 makes 李四 defence minister in 2031: the row of 2035 takes
    # the lead's office; the row of 2031, of the minister's own year, keeps it
    rows = ("'''李四访问甲国'''是指[[乙国总统]][[李四]]对[[甲国]]的历次访问。\n== 列表 ==\n"
            '{| class="wikitable"\n! 日期 !! 地点 !! 甲方领导人 !! 备注\n|-\n'
            "| 2031年4月8日 || [[某城]] || [[张三]] || 正式访问\n|-\n"
            "| 2035年7月2日 || [[某城]] || 张三 || 会谈\n|}\n"
            "== 经过 ==\n2031年2月12日，时任乙国国防部长的李四访问甲国。\n")
    assert roles_by_day(rows, title="李四访问甲国") == {"2031-04-08": {("李四", "乙国国防部长")},
                                                        "2035-07-02": {("李四", "乙国总统")}}


def test_offices_listed_as_the_capacity_are_each_the_persons_office_then():
    # 以A、B的身份: both offices are 李四's at that visit, as 以A身份 alone would be
    text = HEAD + ("2033年4月18日至26日，[[李四]]以乙国党中央委员会总书记、乙国主席的身份，率代表团对甲国进行正式访问。"
                   "4月19日，甲国总理[[张三]]与李四在[[某城]]举行会谈。")
    assert roles_by_day(text) == {"2033-04-18": {("张三", "甲国总理"), ("李四", "乙国党中央委员会总书记")}}
    assert _offices(text[len(HEAD):])["李四"] == ("乙国党中央委员会总书记", "乙国主席")
    # near-miss: a list whose parts are not each an office (one office's name holding 、) gives none
    ministry = HEAD + ("2033年4月18日，[[李四]]以乙国环境、自然保护部部长身份访问甲国。"
                       "4月19日，甲国总理[[张三]]与李四在[[某城]]举行会谈。")
    assert "李四" not in _offices(ministry[len(HEAD):])


def test_offices_listed_as_the_capacity_of_one_visit_are_not_carried_to_a_later_row():
    # the capacities of 2033 are what 李四 came as then: a row of 2037 the text tells nothing of takes no office
    rows = ("'''李四访问甲国'''是指乙国领导人[[李四]]对[[甲国]]的历次访问。\n== 列表 ==\n"
            '{| class="wikitable"\n! 日期 !! 地点 !! 甲方领导人 !! 备注\n|-\n'
            "| 2033年4月18日 || [[某城]] || [[张三]] || 正式访问\n|-\n"
            "| 2037年7月2日 || [[某城]] || 张三 || 会谈\n|}\n"
            "== 经过 ==\n2033年4月18日，李四以乙国党中央委员会总书记、乙国主席的身份访问甲国。\n")
    roles = roles_by_day(rows, title="李四访问甲国")
    assert {o for p, o in roles["2033-04-18"] if p == "李四"} == {"乙国党中央委员会总书记", "乙国主席"}
    assert not {o for p, o in roles.get("2037-07-02", ()) if p == "李四"}


def test_another_name_in_brackets_after_a_leaders_full_name_is_his_own_name():
    told = "是甲国元首。2033年5月5日，某丙与乙国总理[[李四]]在[[某城]]会谈。"
    for bracket in ("（又译某丙）", "（又譯'''某丙'''、某丁）", "（简称某丙）", "（通称某丙，某地译作「某戊」）", "（某丙）"):
        roles = roles_by_day(HEAD + "[[甲国总统]][[约翰·某乙]]" + bracket + told)["2033-05-05"]
        assert ("约翰·某乙", "甲国总统") in roles, bracket
    # without the bracket 某丙 is no one's name
    assert roles_by_day(HEAD + "[[甲国总统]][[约翰·某乙]]" + told) == {}


def test_a_bracket_after_a_name_that_is_no_name_stays_no_name():
    from kg.extract.names import other_names_in_brackets

    def named(text):
        return other_names_in_brackets(parse(Page(text=HEAD + text, origin="t", title="甲乙会晤")))

    assert named("[[约翰·某乙]]（又译某丙、某丁）访问乙国，某丙说。") == {"某丙": "约翰·某乙", "某丁": "约翰·某乙"}
    assert named("[[约翰·某乙]]（某丙）访问乙国，某丙说。") == {"某丙": "约翰·某乙"}
    assert named("[[约翰·某乙]]（甲国总统）访问乙国，甲国总统说。") == {}  # an office
    assert named("[[约翰·某乙]]（主持）访问乙国，会议由他主持。") == {}  # a note
    assert named("[[约翰·某乙]]（某丙）访问乙国。") == {}  # a bare word the text never uses again
    assert named("[[某城]]（某丙）有会议，某丙说。") == {}  # bare, after no person's dotted name


def test_another_name_in_brackets_after_the_name_in_its_own_language():
    told = "是甲国元首。2033年5月5日，某丙与乙国总理[[李四]]在[[某城]]会谈。"
    for bracket in ("（{{lang|de|Jan Mou}}，又译某丙）", "（Jan Mou，又译某丙）"):
        roles = roles_by_day(HEAD + "[[甲国总统]][[约翰·某乙]]" + bracket + told)["2033-05-05"]
        assert ("约翰·某乙", "甲国总统") in roles, bracket
    # a foreign name alone, then a note, is no name
    assert roles_by_day(HEAD + "[[甲国总统]][[约翰·某乙]]（Jan Mou，2031年）" + told) == {}



#: A visit of several days, then its talks, neither writing the visitor's office.
_VISIT = "2033年5月3日至5日，[[张三]]对乙国进行正式访问。张三在[[某城]]同乙国总统[[李四]]举行会谈。"


def test_the_talks_of_a_visit_take_the_office_its_paragraph_writes():
    text = HEAD + _VISIT + "访问期间，甲国总理张三还参观了[[某厂]]。"
    assert ("张三", "甲国总理") in roles_by_day(text)["2033-05-03"]


def test_the_talks_of_a_visit_take_no_office_written_undated_elsewhere():
    text = HEAD + "甲国总理[[张三]]出身军旅。\n\n" + _VISIT
    assert not {o for p, o in roles_by_day(text)["2033-05-03"] if p == "张三"}


def test_the_talks_of_a_visit_take_the_office_the_text_gives_only_in_that_year():
    text = HEAD + "2033年初，甲国总理[[张三]]宣布将出访。\n\n" + _VISIT
    assert ("张三", "甲国总理") in roles_by_day(text)["2033-05-03"]


def test_the_talks_of_a_visit_take_no_office_the_text_gives_in_another_year():
    text = HEAD + "2031年，甲国总理[[张三]]宣布将出访。\n\n" + _VISIT
    assert not {o for p, o in roles_by_day(text)["2033-05-03"] if p == "张三"}


def _party_leaders_meetings(ref):
    """A party's leader titled in full at one meeting, and a later meeting told bare, its source's title
    giving him an office as a headline writes it (``ref``)."""
    return roles_by_day(HEAD + "2033年3月25日，乙共中央总书记[[李四]]与甲国总统[[张三]]在[[某城]]举行会谈。\n== 后续 ==\n"
                        "2036年5月20日，李四再次访问甲国，与张三在[[某城]]会谈。"
                        "<ref>{{cite news |title=%s |date=2036-05-21}}</ref>" % ref)


def test_a_partys_office_written_without_its_central_committee_is_the_committees():
    roles = _party_leaders_meetings("乙共总书记李四访问甲国")
    assert {o for p, o in roles["2036-05-20"] if p == "李四"} == {"乙共中央总书记"}


def test_a_deputys_office_of_the_central_committee_is_another_office():
    roles = roles_by_day(HEAD + "2033年3月25日，乙党中央副主席[[李四]]与甲国总统[[张三]]在[[某城]]举行会谈。\n== 后续 ==\n"
                         "2036年5月20日，李四再次访问甲国，与张三在[[某城]]会谈。"
                         "<ref>{{cite news |title=乙党主席李四访问甲国 |date=2036-05-21}}</ref>")
    assert {o for p, o in roles["2036-05-20"] if p == "李四"} == {"乙党主席"}


def test_an_office_a_series_lead_gives_is_called_as_the_lead_writes_it():
    # the key names the state in full (马耳他共和国总统); the lead writes 马耳他总统, and so may a reader
    lead = "'''冰马领导人会议'''是[[冰岛总理]]与[[马耳他总统]]之间的年度会晤机制，由两国轮流主办。\n== 历届 ==\n"
    text = lead + "2031年5月3日，[[李四]]与总理[[张三]]在[[某城]]举行会谈。\n"
    assert ("李四", "马耳他共和国总统") in roles_by_day(text, title="冰马领导人会议")["2031-05-03"]
    assert "马耳他总统" in _office_names(text, "马耳他共和国总统")
    # an office the text gives its holder itself is called as the text writes it there, not as the lead does
    # (a lead writing the state by another name than its common one, which the full name is called by too)
    other = "'''冰韩领导人会议'''是[[冰岛总理]]与[[南韩总统]]之间的年度会晤机制，由两国轮流主办。\n== 历届 ==\n"
    written = other + "2031年5月3日，大韩民国总统[[李四]]与总理[[张三]]在[[某城]]举行会谈。\n"
    assert "南韩总统" not in _office_names(written, "大韩民国总统")


def test_an_office_taken_up_on_a_day_without_its_year_is_the_takers():
    meeting = "2033年5月19日，乙国总统[[李四]]在[[某城]]与[[张三]]举行会谈。"
    sworn = HEAD + "2033年5月甲国举行大选，张三于5月10日宣誓就任第7任首相。" + meeting
    assert ("张三", "首相") in roles_by_day(sworn)["2033-05-19"]  # the day says when; the oath and the ordinal say how
    on_the_day = HEAD + "2033年5月甲国举行大选，张三于10日就任首相。" + meeting
    assert ("张三", "首相") in roles_by_day(on_the_day)["2033-05-19"]
    # a day followed by another verb gives no office
    left = HEAD + "2033年5月甲国举行大选，张三于5月10日宣布辞去首相。" + meeting
    assert not {o for p, o in roles_by_day(left).get("2033-05-19", ()) if p == "张三"}


def test_a_summits_chair_taken_up_is_no_office():
    text = HEAD + ("2034年3月，乙国总统[[张三]]访问甲国。2034年11月19日，甲国总理[[李四]]在[[某城]]出席峰会后"
                   "与担任峰会主席的张三举行会谈。")
    roles = {o for p, o in roles_by_day(text)["2034-11-19"] if p == "张三"}
    assert roles == {"乙国总统"}  # the chair is the meeting's, held for its term: his office is the state's
    # a council's chair is an office (部长会议主席), summit or not
    council = HEAD + "2034年11月19日，甲国总理[[李四]]在[[某城]]与乙国部长会议主席[[张三]]举行会谈。"
    assert ("张三", "乙国部长会议主席") in roles_by_day(council)["2034-11-19"]


def test_a_leader_taking_an_official_along_is_no_part_of_the_officials_title():
    text = HEAD + "2035年5月19日，甲国总理[[张三]]偕外交部长[[王五]]抵达[[某城]]，与乙国总统[[李四]]举行会谈。"
    assert _offices(text)["王五"] == ("外交部长",)  # not 张三偕外交部长
    led = HEAD + "2035年5月19日，甲国总理[[张三]]率外交部长[[王五]]抵达[[某城]]，与乙国总统[[李四]]举行会谈。"
    assert _offices(led)["王五"] == ("外交部长",)
    # without the joining word the run is the title
    plain = HEAD + "2035年5月19日，甲国外交部长[[王五]]抵达[[某城]]，与乙国总统[[李四]]举行会谈。"
    assert _offices(plain)["王五"] == ("甲国外交部长",)



def test_an_office_named_for_a_group_of_states_is_the_bare_office():
    # 两国总理张三与李四: each holds his own state's 总理; 东道国总统: the host state's, as the holder's other offices tell
    text = HEAD + "2034年3月8日，两国总理[[张三]]与[[李四]]在[[某城]]举行会谈。"
    assert roles_by_day(text)["2034-03-08"] >= {("张三", "总理")}
    host = HEAD + ("2034年3月8日，甲国总统[[张三]]访问乙国，在[[某城]]与乙国总统[[李四]]会谈。"
                   "次日，东道国总统李四主持了某峰会。")
    assert {o for p, o in roles_by_day(host)["2034-03-08"] if p == "李四"} == {"乙国总统"}
    # a state's own office keeps its state: 甲国总理张三 is no bare 总理
    near = HEAD + "2034年3月8日，甲国总理[[张三]]与乙国总理[[李四]]在[[某城]]举行会谈。"
    assert ("张三", "甲国总理") in roles_by_day(near)["2034-03-08"]


def test_an_office_written_with_its_state_and_without_is_called_by_both():
    # 越南最高元首李四 and 最高元首李四: the state's office, called as the text also calls it, with no state
    text = HEAD + ("2035年4月2日，最高元首[[李四]]发表讲话。"
                   "2035年6月1日，越南最高元首李四在[[某城]]与甲国总统[[张三]]会谈。")
    office = "越南社会主义共和国最高元首"
    assert ("李四", office) in roles_by_day(text)["2035-06-01"]

    def called(key):
        return {label.text for entity in _extract(text).entities if entity.id.kind is Kind.POSITION
                and entity.id.key == key for label in entity.labels + entity.alt_labels}

    assert "最高元首" in called(office)
    # the shorter name written for someone else is no name of his: another office, as far as the text says
    other = HEAD + ("2035年4月2日，最高元首[[王五]]发表讲话。"
                    "2035年6月1日，越南最高元首[[李四]]在[[某城]]与甲国总统[[张三]]会谈。")
    assert "最高元首" not in {label.text for entity in _extract(other).entities if entity.id.kind is Kind.POSITION
                          and entity.id.key == office for label in entity.labels + entity.alt_labels}


def test_a_top_office_listed_before_a_lower_one_is_the_office_held_at_the_meeting():
    # 某国总理、外交大臣李四: the premier who is his own foreign minister meets 张三 as premier
    text = HEAD + "2036年2月5日，甲国总统[[张三]]在[[某城]]会见沙特总理、外交大臣[[李四]]。"
    assert {o for p, o in roles_by_day(text)["2036-02-05"] if p == "李四"} == {"沙特阿拉伯王国总理"}
    crown_prince = HEAD + "2036年2月5日，甲国总统[[张三]]在[[某城]]会见沙特王储兼副首相、国防大臣[[李四]]。"
    assert {o for p, o in roles_by_day(crown_prince)["2036-02-05"] if p == "李四"} == {"沙特阿拉伯王国王储"}
    # every office listed below the top: a minister's meeting, no summit
    assert roles_by_day(HEAD + "2036年2月5日，甲国总统[[张三]]在[[某城]]与沙特副首相、国防大臣[[李四]]会谈。") == {}


def test_an_office_written_with_its_states_full_name_is_called_by_its_common_name_too():
    # 法兰西共和国总统张三: the office of 法国总统, which Chinese writes either way, as it writes the state
    text = HEAD + "2036年5月4日，[[法兰西共和国总统]][[张三]]在[[某城]]与乙国总理[[李四]]举行会谈。"
    office = "法兰西共和国总统"
    assert ("张三", office) in roles_by_day(text)["2036-05-04"]

    def called(text, key):
        return {label.text for entity in _extract(text).entities if entity.id.kind is Kind.POSITION
                and entity.id.key == key for label in entity.labels + entity.alt_labels}

    assert "法国总统" in called(text, office)
    # written with the common name already: no other name is made up for it
    from kg.extract.scripts import to_hans
    near = HEAD + "2036年5月4日，法国总统[[张三]]在[[某城]]与乙国总理[[李四]]举行会谈。"
    assert {to_hans(name) for name in called(near, office)} <= {"法国总统", office}
    # a state the gazetteer gives no shorter name of its own: its office is called only as written
    roc = HEAD + "2036年5月4日，[[中华民国总统]][[张三]]在[[某城]]与乙国总理[[李四]]举行会谈。"
    assert {to_hans(name) for name in called(roc, "中华民国总统")} == {"中华民国总统"}


def test_a_states_full_name_written_in_the_other_order_is_the_state():
    # 多民族玻利维亚国 and 玻利维亚多民族国: one state's full name, written either way round
    text = HEAD + "2037年9月6日，[[多民族玻利维亚国]]总统[[张三]]在[[某城]]与乙国总统[[李四]]举行会谈。"
    assert ("张三", "玻利维亚多民族国总统") in roles_by_day(text)["2037-09-06"]
    # 多民族 before another state's name makes no Bolivia of it
    near = HEAD + "2037年9月6日，多民族厄瓜多尔总统[[张三]]在[[某城]]与乙国总统[[李四]]举行会谈。"
    assert not {o for p, o in roles_by_day(near).get("2037-09-06", ()) if p == "张三" and "玻利维亚" in o}


def test_new_before_a_bare_office_says_the_holder_is_new_and_the_office_is_the_word():
    # 上任的新总理李四: 新 is no part of the office, which is the bare 总理, as written without 新 (总理李四)
    text = (HEAD + "2034年5月23日，[[李四]]就任乙国总理。"
            "2034年6月9日，甲国总统[[张三]]抵达[[某城]]，与同年5月上任的新总理李四共进晚餐，两人举行会谈。")
    assert roles_by_day(text)["2034-06-09"] == {("张三", "甲国总统"), ("李四", "总理")}
    # near-miss: 新 within a state's short name (巴新总理, Papua New Guinea's) stays the state's
    png = HEAD + "2034年6月9日，甲国总统[[张三]]在[[某城]]会见巴新总理[[李四]]。"
    assert ("李四", "巴新总理") in roles_by_day(png)["2034-06-09"]


def test_the_office_before_a_name_that_takes_up_another_is_the_one_left():
    # 副总统李四继任总统: told with the visit, the vice-presidency is what he left, not an office he held at it
    text = ("'''李四访问甲国'''是乙国总统[[李四]]于2035年12月1日至5日对[[甲国]]进行的访问。\n== 经过 ==\n"
            "2035年12月1日，李四抵达[[某城]]，甲国主席[[张三]]同他举行会谈。2034年8月，乙国总统王五辞职，副总统李四继任总统。")
    assert roles_by_day(text)["2035-12-01"] == {("张三", "甲国主席"), ("李四", "乙国总统")}
    # near-miss: written with no office taken up (副总统李四出席), the office before the name is his
    kept = text.replace("副总统李四继任总统", "副总统李四出席")
    assert ("李四", "副总统") in roles_by_day(kept)["2035-12-01"]


def test_a_bare_office_written_with_a_signer_is_his_where_the_article_gives_him_nothing_fuller():
    # 同李四总理签署 on a visit told in passing: 总理 is written with him and is all the article gives him
    lead = "'''1973年张三访问乙国'''是甲国领导人[[张三]]于1973年5月18日至22日对[[乙国]]进行的访问。\n== 后续 ==\n"
    signed = "张三于1978年5月4日至7日再次访问乙国，同[[李四]]总理签署了为期25年的《某合作协定》。"
    assert roles_by_day(lead + signed)["1978-05-04"] == {("李四", "总理")}
    # near-miss: where the article gives him a fuller office (乙国总理李四), that one is his, not the bare word
    fuller = lead + "1977年，乙国总理[[李四]]访问甲国。" + signed.replace("[[李四]]", "李四")
    assert roles_by_day(fuller)["1978-05-04"] == {("李四", "乙国总理")}


def test_the_capacity_a_person_came_in_on_a_day_the_clause_dates_is_his_office_then():
    # 李四于2036年6月26日首次以总统身份访问甲国: the capacity written after the day he came
    text = ("'''甲乙会晤'''是[[甲国]]与[[乙国]]领导人的会晤。\n== 后续 ==\n"
            "[[李四]]于2036年6月26日首次以总统身份访问甲国，当天在[[某城]]与甲国总理[[张三]]举行会谈。")
    assert ("李四", "总统") in roles_by_day(text)["2036-06-26"]
    # near-miss: a capacity after another name is that one's (李四于…与王五以特使身份): not 李四's
    other = text.replace("首次以总统身份访问甲国，当天", "访问甲国，").replace("与甲国总理[[张三]]", "与甲国总理[[张三]]以特使身份")
    assert not any(who == "李四" and office.endswith("特使") for who, office in roles_by_day(other).get("2036-06-26", ()))


def test_a_place_listed_after_the_place_of_a_meeting_is_no_person_who_meets():
    text = HEAD + ("[[张三]]是甲国总统。2033年7月15日，张三在[[某都]]举行会议。"
                   "2033年7月16日，[[李四]]在某都和[[某高地]]与张三会晤。")
    found = people(text)
    assert "某高地" not in found and {"张三", "李四"} <= found
    # near miss: a name joined to a person, not to the place after 在, still meets
    near = HEAD + ("[[张三]]是甲国总统。2033年7月15日，张三在[[某都]]举行会议。"
                   "2033年7月16日，[[李四]]和[[王五]]与张三会晤。")
    assert "王五" in people(near)


def test_a_bodys_rotating_chair_in_a_table_cell_is_an_office_not_a_name_and_office():
    table = ("'''甲非论坛'''是甲国与非洲国家的峰会。\n== 历届 ==\n{| class=\"wikitable\"\n"
             "! 届次 !! 日期 !! 地点 !! 甲方 !! 非方\n|-\n"
             "| 第一届 || 2034年8月18日 || [[某都]] || 总统[[张三]] || 某盟轮值主席、丙国总统[[李四]]\n|}\n")
    found = people(table)
    assert "某盟轮值" not in found and "李四" in found
    near = table.replace("某盟轮值主席、丙国总统[[李四]]", "王五主席、丙国总统[[李四]]")
    assert "王五" in people(near)  # a name and the bare office after it, as a list writes whom someone met


def test_a_joint_office_after_the_states_listed_is_of_their_unnamed_holders():
    text = HEAD + ("[[张三]]是丙国总统。2035年9月4日，张三与乙国总统雷某在[[某城]]共同主持首届某某峰会，"
                   "[[马绍尔群岛]]、[[基里巴斯]]、[[瑙鲁]]三国总统出席。")
    assert "某城" not in people(text)
    # near miss: a joint office with no states before it is of the people the sentence names
    near = HEAD + "2035年9月4日，[[张三]]与[[李四]]在某城举行会谈，会后两国总统签署了公报。"
    assert {"张三", "李四"} <= people(near)


VISITS_ABROAD = """'''张三2034年出访列表'''列出[[甲国总理]][[张三]]2034年的出国访问。
== 出访一览 ==
{| class="wikitable"
! 日期 !! 国家 !! 会谈对象 !! 备注
|-
| 3月4日 || [[乙国]] || 总统[[李四]] || [[某城]]
|-
| 6月8日 || [[丙国]] || 总理[[王五]] || [[某都]]
|}
== 丙国 ==
6月8日，张三在某都与丙国总理王五会谈。
"""


def test_the_first_sentences_office_of_a_leaders_visits_abroad_is_his_at_the_first_visit_only():
    roles = roles_by_day(VISITS_ABROAD, "张三2034年出访列表")
    assert ("张三", "甲国总理") in roles["2034-03-04"]
    assert not any(who == "张三" for who, _ in roles["2034-06-08"])
    assert ("王五", "丙国总理") in roles["2034-06-08"]  # the host keeps his own
    written = VISITS_ABROAD.replace("6月8日，张三在", "6月8日，甲国总理张三在")
    assert ("张三", "甲国总理") in roles_by_day(written, "张三2034年出访列表")["2034-06-08"]  # a visit's own words


def test_the_office_of_one_tours_first_sentence_holds_at_each_of_its_stops():
    text = VISITS_ABROAD.replace("2034年的出国访问", "2034年就任后的首次出国访问")
    roles = roles_by_day(text, "张三2034年出访列表")
    assert ("张三", "甲国总理") in roles["2034-06-08"]


def test_a_sentence_telling_the_time_before_it_dates_an_office_held_then():
    # 当时 writes no year of its own: the deputy's office is of the year the sentence before told, not of a row of 2036
    rows = ('{| class="wikitable"\n! 日期 !! 地点 !! 甲方 !! 乙方\n|-\n| 2031年10月26日 || [[某城]] || [[张三]] || [[王五]]\n'
            '|-\n| 2036年11月13日 || [[某城]] || 张三 || [[李四]]\n|}\n== 经过 ==\n'
            '2031年10月26日，甲国总统张三在某城与乙国总统王五会晤。')
    text = HEAD + rows + "当时副总统李四也参与接待。"
    assert not {o for p, o in roles_by_day(text)["2036-11-13"] if p == "李四"}
    # near miss: the year told before is another section's: nothing dates the office, which is carried
    apart = HEAD + rows + "\n== 背景 ==\n当时副总统李四也参与接待。"
    assert {o for p, o in roles_by_day(apart)["2036-11-13"] if p == "李四"} == {"副总统"}


def test_an_office_taken_up_on_a_later_day_is_not_held_at_a_meeting_before_it():
    # 时任 dates the crown prince's office to 2031 only; 李四 takes up 总统 on 2032-05-14: not his in February
    text = HEAD + ("2031年8月31日，甲国总统[[张三]]与时任乙国王储[[李四]]通电话。\n"
                   "2032年2月14日，张三访问乙国，与李四在[[某城]]会谈。\n"
                   "同年5月13日，乙国总统王五逝世，李四于次日当选总统。\n"
                   "2032年5月17日，张三前往某城吊唁，并与李四总统举行会谈。")
    roles = roles_by_day(text)
    assert {o for p, o in roles["2032-02-14"] if p == "李四"} == {"乙国王储"}
    assert {o for p, o in roles["2032-05-17"] if p == "李四"} == {"总统"}
    # near miss: taken up before the meeting (同年1月13日): the office taken up is the one held at it
    earlier = roles_by_day(text.replace("同年5月13日", "同年1月13日"))
    assert {o for p, o in earlier["2032-02-14"] if p == "李四"} == {"总统"}


def test_as_near_in_time_an_office_itself_comes_before_the_one_won():
    # 2031年1月当选乙国总统的李四 and a source of 2031 calling him 乙国总统: at a meeting in March he is the president
    text = HEAD + ("2031年1月当选乙国总统的[[李四]]于3月25日至29日访问甲国。"
                   "<ref>{{cite news |title=甲国总统张三同乙国总统李四举行会谈 |date=2031-03-26}}</ref>\n"
                   '{| class="wikitable"\n! 日期 !! 地点 !! 甲方 !! 乙方\n|-\n| 2031年3月26日 || [[某城]] || [[张三]] || 李四\n|}')
    assert {o for p, o in roles_by_day(text)["2031-03-26"] if p == "李四"} == {"乙国总统"}
    # near miss: the office won the only one the text gives: nothing else to prefer, and no office is made up
    alone = text.replace("乙国总统李四举行会谈", "来宾举行会谈")
    assert not {o for p, o in roles_by_day(alone).get("2031-03-26", ()) if p == "李四"} - {"当选乙国总统"}


def test_as_near_in_time_the_office_taken_up_last_before_a_meeting_comes_first():
    text = HEAD + ("2031年7月11日，甲国主席[[李四]]访问乙国，与乙国总统[[张三]]会谈。\n"
                   "2031年8月3日，李四当选甲共中央总书记。9月10日至13日，张三访问甲国，与李四在[[某城]]会谈。")
    assert {o for p, o in roles_by_day(text)["2031-09-10"] if p == "李四"} == {"甲共中央总书记"}
    # near miss: taken up after the meeting (10月3日): the office the text gave him before
    later = roles_by_day(text.replace("8月3日", "10月3日"))
    assert {o for p, o in later["2031-09-10"] if p == "李四"} == {"甲国主席"}
    # near miss: 就任…后 tells the time since, not the day of taking up (是李四就任总书记后首次访问)
    since = text.replace("2031年8月3日，李四当选甲共中央总书记。", "2031年8月3日，李四访问丙国，是李四就任甲共中央总书记后首次出访。")
    assert {o for p, o in roles_by_day(since)["2031-09-10"] if p == "李四"} == {"甲国主席"}


def test_a_bare_office_after_a_name_is_not_the_deputys_or_the_one_won():
    # 副总统张三继任美国总统, then 张三总统 at a meeting: 总统 is his 美国总统, not the 副总统 that ends in it
    text = HEAD + ("1994年8月，[[副总统]][[张三]]继任美国总统。\n== 访问 ==\n"
                   "2031年12月2日，甲国主席[[李四]]在某城会见了张三总统。")
    assert {o for p, o in roles_by_day(text)["2031-12-02"] if p == "张三"} == {"美利坚合众国总统"}
    # nor one won (当选乙国总统的张三): the bare word as written
    won = HEAD + ("当选乙国总统的[[张三]]于2030年访问甲国。\n== 访问 ==\n"
                  "2031年12月2日，甲国主席[[李四]]在某城会见了张三总统。")
    assert {o for p, o in roles_by_day(won)["2031-12-02"] if p == "张三"} == {"总统"}
    # near miss: his only office the state's (美国总统张三): the bare word is that office
    plain = HEAD + ("1994年8月，美国总统[[张三]]访问丙国。\n== 访问 ==\n"
                    "2031年12月2日，甲国主席[[李四]]在某城会见了张三总统。")
    assert {o for p, o in roles_by_day(plain)["2031-12-02"] if p == "张三"} == {"美利坚合众国总统"}


def test_an_office_told_taken_up_only_in_later_years_is_not_carried_back():
    rows = ('{| class="wikitable"\n! 日期 !! 地点 !! 甲方 !! 乙方\n|-\n| 2033年6月11日 || [[某城]] || [[张三]] || [[李四]]\n'
            '|-\n| 2036年8月17日 || [[某城]] || 张三 || 李四\n|}\n== 经过 ==\n2033年6月11日，甲国总统张三在某城会见李四。')
    text = HEAD + rows + "2036年4月，李四出任乙国国务资政。"
    roles = roles_by_day(text)
    assert not {o for p, o in roles["2033-06-11"] if p == "李四"}  # taken up in 2036: not his in 2033
    assert {o for p, o in roles["2036-08-17"] if p == "李四"} == {"乙国国务资政"}
    # near miss: the office only written with his name in 2036, not told taken up then: carried as before
    written = roles_by_day(HEAD + rows + "2036年4月，乙国国务资政李四访问丙国。")
    assert {o for p, o in written["2033-06-11"] if p == "李四"} == {"乙国国务资政"}


def test_chinas_premier_is_the_state_councils_whether_or_not_the_text_names_the_council():
    # 中国总理张三 and 中国国务院总理张三: one office, the premier of the State Council
    bare = HEAD + "2035年6月18日，甲国总统[[李四]]在[[某城]]会见中国总理[[张三]]。"
    full = HEAD + "2035年6月18日，甲国总统[[李四]]在[[某城]]会见中国国务院总理[[张三]]。"
    assert ("张三", "中华人民共和国国务院总理") in roles_by_day(bare)["2035-06-18"]
    assert ("张三", "中华人民共和国国务院总理") in roles_by_day(full)["2035-06-18"]
    # another state's premier keeps the bare word, and China's vice-premier is the council's too
    other = HEAD + "2035年6月18日，甲国总统[[李四]]在[[某城]]会见泰国总理[[张三]]。"
    assert ("张三", "泰王国总理") in roles_by_day(other)["2035-06-18"]
    assert _offices("2035年6月18日，中国副总理[[王五]]在[[某城]]发表讲话。")["王五"] == ("中华人民共和国国务院副总理",)


def test_a_crown_princes_deputy_post_joined_by_jian_is_one_he_holds_besides():
    # 王储兼副首相: the rank is the office he meets in, the deputy's post (副首相, 第一副首相) held besides
    text = HEAD + "2034年3月6日，甲国总统[[张三]]在[[某城]]会见沙特王储兼第一副首相[[李四]]。"
    assert {o for p, o in roles_by_day(text)["2034-03-06"] if p == "李四"} == {"沙特阿拉伯王国王储"}
    # near miss: 王储兼首相 heads the government, one role with its rank
    heads = HEAD + "2034年3月6日，甲国总统[[张三]]在[[某城]]会见沙特王储兼首相[[李四]]。"
    assert {o for p, o in roles_by_day(heads)["2034-03-06"] if p == "李四"} == {"沙特阿拉伯王国王储兼首相"}


def test_an_office_carried_is_not_a_lower_post_the_same_sentence_lists_with_a_top_one():
    # 时任王储兼副首相、国防大臣的李四: carried to the talks, he met as crown prince, not as defence minister
    text = HEAD + ("2033年2月19日至20日，时任王储兼副首相、国防大臣的[[李四]]对甲国进行访问，"
                   "甲国总理[[张三]]亲赴机场迎接。两人在[[某宫]]举行会谈。")
    assert {o for p, o in roles_by_day(text)["2033-02-19"] if p == "李四"} == {"王储"}
    # near miss: the offices are kept where both are at the top (王储兼首相: one role, the government's head)
    heads = text.replace("王储兼副首相、国防大臣", "王储兼首相")
    assert {o for p, o in roles_by_day(heads)["2033-02-19"] if p == "李四"} == {"王储兼首相"}


def test_an_office_stated_at_a_summit_told_twice_leaves_no_other_carried_to_it():
    # the box and the lead state 李四's office at the talks; the prose's telling carries the one a sentence
    # of other days gives him (时任法国当选总统李四): the office stated is his at the meeting, the carried one not
    text = ("{{Infobox event\n| title = 2035年张三访问乙国\n| date = {{Start date|2035|4|17}}\n| location = 乙国[[某城]]\n"
            "| participants = [[张三]]<br />[[李四]]\n}}\n"
            "'''2035年张三访问乙国'''是指[[甲国总理]][[张三]]于2035年4月17日对乙国进行的工作访问。"
            "访问期间，张三在[[某宫]]与法国总统[[李四]]举行会谈。\n"
            "== 背景 ==\n2035年1月4日，张三曾飞抵[[某城]]，与时任法国当选总统李四会面。\n"
            "== 会谈 ==\n4月17日中午，张三抵达某宫，与李四举行会谈。\n")
    assert {o for p, o in roles_by_day(text)["2035-04-17"] if p == "李四"} == {"法兰西共和国总统"}
    # near miss: an office stated without its state's name (临时政府总统) may be any of his: the carried one stays
    bare = text.replace("与法国总统[[李四]]举行会谈", "与临时政府总统[[李四]]举行会谈")
    assert {o for p, o in roles_by_day(bare)["2035-04-17"] if p == "李四"} == {"临时政府总统", "法兰西共和国当选总统"}


def test_an_office_taken_by_then_before_de_is_the_office_held():
    text = HEAD + "2034年5月8日，甲国主席[[张三]]在[[某宫]]同已任乙国总统的[[李四]]举行会谈。"
    assert roles_by_day(text)["2034-05-08"] == {("张三", "甲国主席"), ("李四", "乙国总统")}  # not 已任乙国总统
    former = HEAD + "2034年5月8日，甲国主席[[张三]]在[[某宫]]同已卸任乙国总统的[[李四]]举行会谈。"
    assert ("李四", "乙国总统") not in roles_by_day(former).get("2034-05-08", set())  # 已卸任: out of office


def test_a_gulf_rulers_given_name_then_sultan_titles_the_person():
    """``李四苏丹在某宫接见张三``: a Gulf ruler's given name, then 苏丹 (the title written after it, as 国王 and 埃米尔 are);
    after a name with no dots 苏丹 stays the state Sudan (``[[某城]]苏丹``: no one's title)."""
    text = HEAD + ("乙国前任苏丹为[[李四·本·王五]]。\n\n2038年2月11日，李四苏丹在[[某宫]]接见甲国总理[[张三]]，两人举行会谈。")
    assert ("李四·本·王五", "苏丹") in roles_by_day(text)["2038-02-11"]
    assert "某城" not in people(HEAD + "2038年2月11日，甲国总理[[张三]]抵达[[某城]]苏丹港。")


def test_a_crown_princes_rank_before_another_states_office_joined_by_jian_is_his_role():
    """``[[某城]]王储兼乙国武装部队副最高统帅[[李四·本·王五]]``: the office after 兼 names a state, but the crown prince's
    rank before it is the same man's, the one he meets in; not the deputy's post alone."""
    text = HEAD + "2038年4月30日，甲国首相[[张三]]在[[某宫]]与[[某城]]王储兼[[乙国]]武装部队副最高统帅[[李四·本·王五]]会谈。"
    assert ("李四·本·王五", "某城王储") in roles_by_day(text)["2038-04-30"]
