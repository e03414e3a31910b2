"""How zh.wikipedia names what was signed or issued at a summit, each rule on small hand-made text.

summit-conventions.md: documents are "what was signed or issued at that summit, wherever in
the article it is named (lead, body, infobox `outcome`, a 成果 section)"."""

import pytest

from kg.extract import extract
from kg.extract.document_names import ceremony_names, cell_documents, unquoted_names
from kg.model import Kind, Page, Prop
from kg.wikitext import parse

HEAD = "'''甲乙会晤'''是[[甲国]]与[[乙国]]领导人的会晤。\n== 经过 ==\n"
MEETING = "1985年11月19日至20日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤。"
BOX = ("{{Infobox summit meeting\n| date = {{Start date|2023|3|20}}至{{End date|2023|3|22}}\n"
       "| participants = [[张三]]<br>[[李四]]\n| outcome = 《甲乙关于深化伙伴关系的联合声明》\n}}\n")


def _summits(text, title):
    """Each summit's start date and facts, with every entity's Simplified label (its key when it has
    none) and every name it has (its key and labels)."""
    extraction = extract(parse(Page(text=text, origin="t", title=title)))
    names = {e.id: {e.id.key} | {label.text for label in e.labels + e.alt_labels} for e in extraction.entities}
    shown = {e.id: next((label.text for label in e.labels if label.language == "zh-Hans"), e.id.key)
             for e in extraction.entities}
    for entity in extraction.entities:
        if entity.id.kind is Kind.SUMMIT:
            about = [f for f in extraction.facts if f.subject == entity.id]
            start = next(f.value for f in about if f.prop is Prop.START_DATE)
            yield start.isoformat(), about, shown, names


def documents(text, title="甲乙会晤"):
    """start date → the names of the summit's documents (every label, Simplified keys)."""
    return {start: [(shown[f.value], names[f.value]) for f in about if f.prop is Prop.OUTCOME]
            for start, about, shown, names in _summits(text, title)}


def keys(found):
    """start date → the Simplified name of each document."""
    return {day: {name for name, _ in docs} for day, docs in found.items()}


def test_a_document_signed_at_the_summit_is_its_outcome():
    found = documents(HEAD + MEETING + "会晤结束时，双方签署《甲乙和平协定》。")
    assert keys(found) == {"1985-11-19": {"甲乙和平协定"}}


def test_a_day_by_its_number_alone_in_a_paragraph_that_told_no_month_is_a_day_of_that_number():
    text = HEAD + ("2018年4月27日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤，签署了《某城宣言》。\n\n"
                   "2018年9月18日至20日，甲国总统[[张三]]访问[[乙城]]，与乙国总理[[李四]]举行会晤。\n\n"
                   "19日，两国国防部长在两国首脑见证下签署《某城宣言军事领域协议》。\n")
    assert keys(documents(text)) == {"2018-04-27": {"某城宣言"}, "2018-09-18": {"某城宣言军事领域协议"}}


def test_texts_exchanged_right_after_they_are_signed_are_the_summits():
    found = documents(HEAD + MEETING + "会谈后，两人签署并交换《某城共同宣言》文本。")
    assert keys(found) == {"1985-11-19": {"某城共同宣言"}}


@pytest.mark.parametrize("sentence", [
    "1987年12月，双方在[[某都]]签署《中程核力量条约》。",  # another month: another meeting's
    "1945年，两国发表《某某公告》。",  # another year
    "这是甲国继《甲丙自由贸易协定》之后签署的第二个自由贸易协定。",  # an earlier one it follows
    "会谈在最后一刻破裂，但为翌年的《中程核力量条约》铺平了道路，后于次年签署。",  # a later one
    "双方重申遵守《上海公报》，并签署了新的文件。",  # an earlier one referred to
    "双方在会晤期间互换了《中程核力量条约》的批准文本。",  # ratified, signed before
    "此行正值《甲乙和平友好条约》缔结40周年。",  # an anniversary
    "双方就[[信息技术协定]]扩围谈判达成一致。",  # under negotiation
    "峰会未取得具体成果，双方未发表联合声明。",  # negated
    "美方事前表示不会发表联合声明。",
    "埃以双方并在第二年正式签署了《和平条约》。",  # a later one
    "双方原定于中午共进午餐，并于下午2时签署《某城宣言》。然而午餐迟迟未开始。",  # a plan
    "访问前夕，张三在乙国《劳动新闻》发表题为《传承友谊，续写新篇章》的署名文章。",  # a newspaper, an article
    "据《京乡新闻》报道，双方签署了文件。",
    "双方同意在三个《甲乙联合公报》的原则基础上处理两国关系，并发表讲话。",  # earlier ones, the basis of this one
    "张三在宴会上引用《论语》称赞李四，双方就声明的内容达成协议。",  # a book quoted, not a document
    "直到最后一刻，双方仍未就是否发表联合声明达成一致。",  # whether to issue one: not issued
    "双方就某地安全、《某某条约》和经济合作等问题签署了五项联合声明。",  # a topic of the talks
    "会谈的焦点是[[甲乙和平条约]]缔结谈判。",  # a treaty under negotiation
    "甲国政府另发表新闻公报。",  # one side's, by its kind alone
    "双方将签署关系条约并向媒体发表声明。",  # to be done
    "在张三抵达某城前数小时，甲国农业部长与乙国局长签署了恢复大米出口的协议。",  # before the visit
    "双方支持在国际法和《联合国宪章》宗旨和原则基础上恢复和平的努力，并发表讲话。",  # the basis of something
    "双方重申遵守两国此前发表的《甲乙联合声明》。",  # one issued before, referred to
    "双方同意继续落实两国领导人上次会晤时签署的《甲乙合作协定》。",
    "两国外长于会谈前一天签署了《甲乙领事协定》。",  # the day before
    "据报道，双方预计在访问期间签署价值逾百亿元、以能源领域为主的协议。",  # expected
    "张三在会上提议，两国于年底前“不设先决条件”缔结和平条约。",  # proposed
    "双方还就推进《区域经济伙伴关系协定》和甲乙自由贸易协定谈判达成一致。",  # pursued
    "会晤主要交换意见，双方没有签署协议或发布共同声明。",  # neither, the negation over its list
    "两国元首在某宫举行会谈，讨论了[[甲乙核协议]]、某地问题和贸易等议题，张三并在议会发表演讲。",  # a topic discussed
    "两国确认遵循《联合国宪章》，以和平方式解决国际纠纷，并发表讲话。",  # an earlier one followed
    "双方尽快举行谈判缔结条约；《甲乙捕鱼协定》和《海上营救协定》同时生效。",  # came into force
    "双方还同意近期签订航空和海运协定，互派留学生。",  # to be signed soon
    "张三表示，自去年6月签署国家间条约以来，两国关系全面发展。",  # signed before, referred to
    "两国领导人在会后表示欢迎《丙丁宣言》，并发表讲话。",  # others' document welcomed
    "两人再确认《甲乙某城宣言》为两国关系的基础，并发表讲话。",  # an earlier one confirmed
])
def test_documents_not_signed_at_the_summit_are_not_its_outcome(sentence):
    assert documents(HEAD + MEETING + sentence) == {"1985-11-19": []}


def test_a_year_inside_a_name_or_framing_a_time_dates_nothing():
    text = HEAD + MEETING + "双方签署《关于2030年前甲乙经济合作的联合声明》，致力于2030年前提升贸易额。"
    assert keys(documents(text)) == {"1985-11-19": {"关于2030年前甲乙经济合作的联合声明"}}


def test_a_later_clause_does_not_date_the_document():
    text = HEAD + MEETING + "会议通过并发表的《某城会议公报》，声明三国将于4月25日在[[某港]]召开会议。"
    assert keys(documents(text)) == {"1985-11-19": {"某城会议公报"}}


def test_a_day_said_to_come_after_the_meeting_is_the_meetings():
    text = HEAD + ("1978年9月6日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤。"
                   "在持续12天的会议后的9月17日，双方签署了《关于实现和平的纲要协议》。")
    assert keys(documents(text)) == {"1978-09-06": {"关于实现和平的纲要协议"}}


def test_a_document_named_as_the_meetings_result():
    text = HEAD + MEETING + "会议的结果之一《[[甲乙协定]]》将某地划归乙国。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙协定"}}


def test_unquoted_names_after_a_signing_verb():
    text = HEAD + MEETING + "双方签订甲乙科技合作协定和文化协定。张三与李四签署了太空合作协定，为后来的计划铺平了道路。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙科技合作协定", "文化协定", "太空合作协定"}}


def test_unquoted_names_listed_after_a_titled_one():
    text = HEAD + MEETING + "同日，双方签署了《甲乙核能合作协定》、甲乙文化协定三年执行计划、甲乙教育交流议定书和甲乙渔业协定。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙核能合作协定", "甲乙文化协定三年执行计划", "甲乙教育交流议定书",
                                                    "甲乙渔业协定"}}


def test_an_unquoted_name_about_a_quoted_term():
    text = HEAD + MEETING + "次日，两国政府签署了关于共同推进“甲乙走廊”建设的谅解备忘录。"
    assert keys(documents(text)) == {"1985-11-19": {"关于共同推进“甲乙走廊”建设的谅解备忘录"}}


def test_a_month_told_without_its_year_dates_the_document_to_that_month():
    text = HEAD + ("1985年6月14日，甲国总统[[张三]]在[[某城]]会见乙国总理[[李四]]。"
                   "同年12月，李四对甲国进行国事访问，两国领导人签署《甲乙世纪合作战略》。")
    assert keys(documents(text)) == {"1985-06-14": set()}


@pytest.mark.parametrize("sentence", [
    "1985年初，甲国与丙国签署《甲丙边界协定》，乙国对此表示关切。",  # the year's first months: before the meeting
    "1985年上半年，甲国与丙国签署了谅解备忘录。",
])
def test_a_part_of_a_year_dates_the_document_to_those_months_not_the_whole_year(sentence):
    text = HEAD + "1985年11月19日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤。" + sentence
    assert keys(documents(text)) == {"1985-11-19": set()}


@pytest.mark.parametrize("sentence", [
    "1985年底，双方签署《甲乙贸易协定》。",  # the year's last months: the meeting's
    "1985年下半年，两人签署《甲乙贸易协定》。",
    "他于1985年初次访问乙国，两人签署《甲乙贸易协定》。",  # 初次: the first time, no part of the year
])
def test_a_part_of_a_year_that_holds_the_meeting_dates_the_document_to_it(sentence):
    text = HEAD + "1985年11月19日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤。" + sentence
    assert keys(documents(text)) == {"1985-11-19": {"甲乙贸易协定"}}


def test_a_kind_issued_as_what_the_sides_say_in_it_is_the_summits():
    text = HEAD + ("1985年11月19日至20日，甲国总统[[张三]]再度访问乙国，与乙国总理[[李四]]在[[某城]]会谈，"
                   "双方在20日发表的联合公报中同意于次年重开边境口岸。")
    assert keys(documents(text)) == {"1985-11-19": {"联合公报"}}


@pytest.mark.parametrize("sentence", [
    "双方重申1972年发表的联合声明中确立的各项原则。",  # an earlier one's, by its year
    "双方原定在会后发表的联合声明中宣布重开口岸，但因分歧未能发表。",  # planned, never issued
])
def test_a_kind_said_in_that_is_not_issued_at_the_meeting_is_none_of_its(sentence):
    assert keys(documents(HEAD + MEETING + sentence)) == {"1985-11-19": set()}


def test_an_article_of_a_treaty_cited_is_no_document_signed():
    text = HEAD + MEETING + "双方发表联合声明，重申某岛适用《甲乙安保条约》第五条。"
    assert keys(documents(text)) == {"1985-11-19": {"联合声明"}}


@pytest.mark.parametrize("hans", ["双方签署了两项有关裁军问题的协定和七项双边协议", "双方签署双边协议", "在某宫签署国际条约",
                                  "两国元首签署并发表联合声明", "双方签署《甲乙协定》", "于某日在某城签订的边界条约",
                                  "双方签署了重要合作协议", "两国签署双边合作协定"])
def test_descriptions_and_kinds_are_no_unquoted_name(hans):
    assert list(unquoted_names(hans)) == []


def test_a_document_by_its_kind_alone_yields_to_one_named_in_full():
    text = HEAD + MEETING + "会谈后，两国元首签署并发表联合声明。两国元首共同签署《甲乙关于深化伙伴关系的联合声明》。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙关于深化伙伴关系的联合声明"}}


def test_a_kind_alone_said_of_the_sides_is_the_summits():
    text = HEAD + MEETING + "当日，两国元首举行会谈，并共同签署两国联合声明，重申致力于构建命运共同体。"
    assert keys(documents(text)) == {"1985-11-19": {"联合声明"}}


def test_an_unquoted_title_about_a_community_is_a_name_and_each_sides_order_is_one_document():
    text = HEAD + MEETING + ("会谈后，双方发表了关于进一步加强伙伴关系、深入构建甲乙命运共同体的联合声明。"
                             "会晤期间，双方发表了关于进一步加强伙伴关系、深入构建乙甲命运共同体的联合声明；两国还签署了多项合作文件。")
    found = documents(text)
    assert keys(found) == {"1985-11-19": {"关于进一步加强伙伴关系、深入构建甲乙命运共同体的联合声明"}}
    (_, names), = found["1985-11-19"]
    assert "关于进一步加强伙伴关系、深入构建乙甲命运共同体的联合声明" in names


def test_a_kind_in_title_marks_is_a_kind_alone():
    text = HEAD + MEETING + "两国发表《甲乙联合公报》（又称《某城公报》）。11月20日，《联合公报》在某饭店发表。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙联合公报"}}


def test_a_document_by_its_kind_alone_read_out_after_the_talks():
    text = HEAD + MEETING + "会谈结束后，由甲国发言人宣读会谈新闻公报。"
    assert keys(documents(text)) == {"1985-11-19": {"新闻公报"}}


def test_short_and_full_names_of_one_statement_are_one_document():
    text = BOX + ("'''甲乙会谈'''是甲国与乙国于2023年3月20日至22日的会谈。\n== 成果 ==\n"
                  "访问期间，两国元首签署并发表《甲国和乙国联邦关于深化伙伴关系的联合声明》。\n")
    found = documents(text, title="甲乙会谈")
    assert len(found["2023-03-20"]) == 1
    assert {"甲乙关于深化伙伴关系的联合声明", "甲国和乙国联邦关于深化伙伴关系的联合声明"} <= found["2023-03-20"][0][1]


def test_another_name_given_later_folds_into_the_first():
    text = (BOX.replace("《甲乙关于深化伙伴关系的联合声明》", "《[[某城宣言]]》")
            + "'''甲乙会谈'''是甲国与乙国于2023年3月20日至22日的会谈。\n== 成果 ==\n"
            "会议最后签署了《甲乙三国某城宣言》（即《[[某城宣言]]》）。\n")
    found = documents(text, title="甲乙会谈")
    assert len(found["2023-03-20"]) == 1 and {"甲乙三国某城宣言", "某城宣言"} <= found["2023-03-20"][0][1]


def test_short_names_listed_after_a_foreign_name_are_one_document():
    text = HEAD + MEETING + ("会晤期间双方签署了《甲国和乙国友好合作互助条约》（{{lang|en|Treaty of Friendship}}），"
                             "简称《甲乙友好合作互助条约》、《甲乙友好互助条约》。")
    (document,) = documents(text)["1985-11-19"]
    assert {"甲乙友好合作互助条约", "甲乙友好互助条约"} <= document[1]


def test_a_name_written_bare_that_ends_a_documents_short_name_is_that_document():
    text = HEAD + MEETING + ("会晤期间双方签署了《甲国政府和乙国政府科学技术合作协定》（简称《甲乙科技合作协定》）。"
                             "两人随后签署了科技合作协定和文化协定。")
    assert keys(documents(text)) == {"1985-11-19": {"甲国政府和乙国政府科学技术合作协定", "文化协定"}}


def test_a_short_name_in_title_marks_that_ends_a_documents_name_is_that_document_whatever_its_kind():
    text = ("'''甲乙领导人会晤'''是甲国与乙国领导人的定期会晤。\n== 历次会晤 ==\n{| class=\"wikitable\"\n"
            "! 次序 !! 日期 !! 地点 !! 出席者 !! 主要成果\n|-\n"
            "| 1 || 2033年1月10日 || [[某城]] || [[张三]]、[[李四]] || 《五年行动计划（2033—2037）》、《某城宣言》\n|}\n"
            "== 经过 ==\n2033年1月10日，甲国总理[[张三]]在[[某城]]与乙国总统[[李四]]举行会晤。"
            "会议发表了《甲乙合作五年行动计划（2033—2037）》和《甲乙合作第一次领导人会议某城宣言》。\n")
    assert keys(documents(text, title="甲乙领导人会晤")) == {
        "2033-01-10": {"甲乙合作五年行动计划", "甲乙合作第一次领导人会议某城宣言"}}


def test_a_short_name_in_title_marks_that_ends_no_other_name_stays_its_own_document():
    text = HEAD + MEETING.replace("1985年", "2033年") + "会议发表了《甲乙合作五年行动计划》和《文化交流三年行动计划》。"
    assert keys(documents(text)) == {"2033-11-19": {"甲乙合作五年行动计划", "文化交流三年行动计划"}}


def test_a_document_called_by_a_word_of_its_name_and_its_kind_is_that_document():
    text = HEAD + ("2034年3月1日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]会晤，"
                   "双方签署《甲国与乙国互助总纲协定》。两人随后正式签署互助协定。")
    (document,) = documents(text)["2034-03-01"]
    assert {"甲国与乙国互助总纲协定", "互助协定"} <= document[1]


@pytest.mark.parametrize("signed, wanted", [
    # two of the kind hold the word: which one it is, is unknown
    ("《甲国与乙国互助总纲协定》和《甲国与乙国互助执行协定》", {"甲国与乙国互助总纲协定", "甲国与乙国互助执行协定", "互助协定"}),
    # a name that holds the short one whole cites it: another document
    ("《关于互助协定执行安排的协定》", {"关于互助协定执行安排的协定", "互助协定"}),
])
def test_a_word_and_a_kind_stays_its_own_document_where_no_one_name_holds_it(signed, wanted):
    text = HEAD + f"2034年3月1日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]会晤，双方签署{signed}。两人随后正式签署互助协定。"
    assert keys(documents(text)) == {"2034-03-01": wanted}


def test_a_word_and_a_kind_listed_in_one_sentence_with_the_name_that_holds_the_word_is_another_document():
    text = HEAD + ("2034年3月1日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]会晤，"
                   "双方签署了某港合作协定以及某港合作计划框架协定。")
    assert keys(documents(text)) == {"2034-03-01": {"某港合作协定", "某港合作计划框架协定"}}


def test_documents_with_a_common_name_are_one():
    text = HEAD + MEETING + "会议结束时，双方签署《某城会议议定书》并发表《某城会议公报》，两个文件总称《某城协定》。"
    found = documents(text)
    assert len(found["1985-11-19"]) == 1
    assert {"某城会议议定书", "某城会议公报", "某城协定"} <= found["1985-11-19"][0][1]


@pytest.mark.parametrize("cell, wanted", [
    ("再确认《甲乙某城宣言》；发表联合声明", [("联合声明", True)]),  # an earlier one confirmed
    ("发表联合公报，同意重开谈判", [("联合公报", True)]),
    ("联合公报、《关于限制战略武器的联合声明》", [("关于限制战略武器的联合声明", False), ("联合公报", True)]),
    ("《甲乙关于深化合作、倡导共赢的联合声明》", [("甲乙关于深化合作、倡导共赢的联合声明", False)]),
    ("双方重申遵守《上海公报》", []),
    ("与卡特会谈5次；签订中美科技合作协定和文化协定", [("中美科技合作协定", False), ("文化协定", False)]),
    ("就南亚问题发表了三个联合声明", []),  # one on each topic, none named
    ("发表五项联合声明", [("联合声明", True)]),  # counted, by its kind alone
    ("发表关于南亚问题、《生物武器公约》议定书等联合声明", []),  # a name that qualifies another
    ("未达成协议，《某城宣言》未签署", []),  # said after its name not to have been signed
    ("《甲乙共同宣言》最终未能签署；发表《某城声明》", [("某城声明", False)]),
    ("决定缔结新的基本条约", []),  # decided on, not yet signed
])
def test_what_an_outcome_cell_names(cell, wanted):
    assert cell_documents(cell) == wanted


def test_a_list_introduced_as_what_was_signed():
    text = HEAD + MEETING + ("\n== 成果 ==\n会谈签署的三项协议为：\n* 《甲乙贸易协议》\n"
                             "* 《甲乙文化协议》（乙方称《乙甲文化协议》）\n* 《某城共同协议》\n其中《某城共同协议》规定了议题。\n")
    found = documents(text)
    assert keys(found) == {"1985-11-19": {"甲乙贸易协议", "甲乙文化协议", "某城共同协议"}}
    assert {"甲乙文化协议", "乙甲文化协议"} <= dict(found["1985-11-19"])["甲乙文化协议"]


def test_a_list_right_under_an_outcomes_heading_names_what_was_signed():
    text = HEAD + MEETING + ("\n== 成果 ==\n* 《甲乙防务协定》\n* 《甲乙联合公报》\n"
                             "* 两国同意每年举行一次会晤。\n\n== 后续 ==\n两国关系有所改善。\n")
    assert keys(documents(text)) == {"1985-11-19": {"甲乙防务协定", "甲乙联合公报"}}


def test_a_listed_document_named_by_what_it_is_may_give_its_day_in_a_parenthesis():
    text = HEAD + MEETING + ("\n== 成果 ==\n会谈签署的两项协议为：\n* 《甲乙贸易协议》（11月19日）\n"
                             "* 关于和平利用原子能合作的协定（11月20日）\n")
    assert keys(documents(text)) == {"1985-11-19": {"甲乙贸易协议", "关于和平利用原子能合作的协定"}}


def test_a_listed_document_named_by_what_it_is_may_be_long_and_have_a_note_after_it():
    text = HEAD + MEETING + ("\n== 成果 ==\n访问期间两国签署了多项文件，包括：\n"
                             "* 关于发展乙国基础设施的协议，为甲国企业参与重建敞开大门；\n"
                             "* 联合生产125毫米炮弹的协议；\n"
                             "* 甲国向乙国出售自行迫击炮、战车和防空系统的协议<ref name=\"a\"/>。\n"
                             "\n== 后续 ==\n两国关系有所改善。\n")
    assert keys(documents(text)) == {"1985-11-19": {"关于发展乙国基础设施的协议", "联合生产125毫米炮弹的协议",
                                                    "甲国向乙国出售自行迫击炮、战车和防空系统的协议"}}


@pytest.mark.parametrize("item", [
    "* 20多个政治文件和合作协议，涉及金额近300亿美元\n",  # counted: no name
    "* 双方达成延长商务和学生签证的协议，有效期分别为10年和5年；\n",  # what was done, told
])
def test_a_listed_item_with_a_note_that_counts_or_tells_names_no_document(item):
    text = HEAD + MEETING + "\n== 成果 ==\n* 《甲乙防务协定》\n" + item
    assert keys(documents(text)) == {"1985-11-19": {"甲乙防务协定"}}


def test_a_listed_item_that_tells_a_signing_is_read_as_a_sentence():
    text = HEAD + MEETING + ("\n== 成果 ==\n* 两国签署《关于建立外交关系的换文》，决定互派大使。\n"
                             "* 1986年10月7日，第一批士兵回国。\n")
    assert keys(documents(text)) == {"1985-11-19": {"关于建立外交关系的换文"}}


def test_a_list_introduced_as_what_was_exchanged():
    text = HEAD + MEETING + ("\n在两国首脑见证下，双方交换了以下合作文件<ref name=\"pw\"/>：\n"
                             "* 《甲乙铁路延伸计划换文》及贷款契约\n* 《关于救灾活动的安排》\n* 《农业合作备忘录》\n"
                             "\n访问期间，张三还与企业界举行会谈。\n")
    assert keys(documents(text)) == {"1985-11-19": {"甲乙铁路延伸计划换文", "关于救灾活动的安排", "农业合作备忘录"}}


def test_a_list_of_views_exchanged_names_no_document():
    text = HEAD + MEETING + ("\n双方就以下问题交换了意见：\n* 甲乙边境协定的落实\n* 《某城议定书》的执行\n")
    assert keys(documents(text)) == {"1985-11-19": set()}


def test_a_title_inside_a_documents_title_is_also_written_in_title_marks():
    found = documents(HEAD + MEETING + "会晤结束时，双方发表《纪念〈甲乙友好条约〉签署十周年联合声明》。")
    assert keys(found) == {"1985-11-19": {"纪念〈甲乙友好条约〉签署十周年联合声明"}}
    assert "纪念《甲乙友好条约》签署十周年联合声明" in dict(found["1985-11-19"])["纪念〈甲乙友好条约〉签署十周年联合声明"]


def test_a_clause_that_lists_some_of_what_was_signed_names_them_as_the_verb_does():
    text = HEAD + MEETING + ("会晤后，双方签署了12项合作文件，其中包括乙国牛肉输甲议定书和某港综合开发的合作备忘录。"
                             "两国讨论了多个问题，包括边界协定。")
    assert keys(documents(text)) == {"1985-11-19": {"乙国牛肉输甲议定书", "某港综合开发的合作备忘录"}}


@pytest.mark.parametrize("sentence, wanted", [
    ("会晤后，双方签署了包括甲乙过境运输协定在内的10项协议。", {"甲乙过境运输协定"}),
    ("会晤期间，双方达成包括建立全面伙伴关系协定在内的6份政府间合作文件。", {"建立全面伙伴关系协定"}),
    ("会晤后，双方签署了包括贸易和气候变化等议题在内的6项协议。", set()),  # topics, no document
    ("会晤后，双方签署了包括甲方向乙方供应某矿的长期合同在内的5项文件。", set()),  # what it does: a description
    ("两国讨论了包括甲乙过境运输协定在内的多个问题。", set()),  # discussed, not signed
])
def test_what_a_signing_names_as_included_in_its_count_is_one_of_the_documents(sentence, wanted):
    assert keys(documents(HEAD + MEETING + sentence)) == {"1985-11-19": wanted}


def test_what_is_signed_during_this_visit_is_the_visits_just_told():
    head = "'''2035年张三访问乙国'''是指甲国总理[[张三]]于2035年12月2日至5日对[[乙国]]进行的正式访问。\n\n== 背景 ==\n"
    told = ("他首次出任总理期间，于2031年3月20日至27日对乙国进行为期一周的正式访问，3月21日上午乙国总理[[李四]]在某城与他"
            "举行会谈，乙国主席[[王五]]当天下午在[[某堂]]会见张三。此访期间两国签署了包括甲乙过境运输协定在内的10项协议。"
            "2033年6月19日至24日，张三第二次以总理身份访问乙国，王五在某城会见了他，双方签署了关于建设某铁路的谅解备忘录。\n")
    found = keys(documents(head + told, title="2035年张三访问乙国"))
    assert found["2031-03-20"] == {"甲乙过境运输协定"}  # this visit: the one told before, not the later one
    assert found["2033-06-19"] == {"关于建设某铁路的谅解备忘录"}


@pytest.mark.parametrize("sentence, wanted", [
    ("会晤后，两国总统签署了一项长期战略合作协议。", {"长期战略合作协议"}),
    ("会晤后，双方改为签署一份防务联合公报。", {"防务联合公报"}),
    ("会晤后，双方签署了一份谅解备忘录。", set()),  # one of a kind, unnamed
    ("会晤后，双方签署了一项涵盖能源安全和工业增长的协议。", set()),  # what it covers: a description
])
def test_one_document_counted_before_its_name_is_named_after_the_count(sentence, wanted):
    assert keys(documents(HEAD + MEETING + sentence)) == {"1985-11-19": wanted}


def test_the_sides_a_document_is_between_are_no_part_of_its_name():
    text = HEAD + MEETING + "会晤后，双方签署了两国政府间的电视合拍协议。"
    assert keys(documents(text)) == {"1985-11-19": {"电视合拍协议"}}


def test_documents_counted_by_a_number_of_are_described_not_named():
    text = HEAD + MEETING + "会晤期间，两国政府还签署了关于经济技术合作的若干协定。"
    assert keys(documents(text)) == {"1985-11-19": set()}


def test_a_signing_ceremony_of_kinds_of_document_names_none():
    text = HEAD + MEETING + "会晤后，两国元首出席了双边协定和谅解备忘录的签署仪式。"
    assert keys(documents(text)) == {"1985-11-19": set()}


@pytest.mark.parametrize("sentence, wanted", [
    ("会晤期间，两国领导人出席了互换《甲乙和平友好条约》批准书的仪式。", {"甲乙和平友好条约"}),
    ("会晤期间，两国外长互换了《甲乙和平友好条约》。", set()),  # a document exchanged: signed before
    ("会晤期间，两国同意尽快互换《甲乙和平友好条约》批准书。", set()),  # sought, not done
])
def test_instruments_of_ratification_exchanged_at_the_meeting_are_its_outcome(sentence, wanted):
    assert keys(documents(HEAD + MEETING + sentence)) == {"1985-11-19": wanted}


@pytest.mark.parametrize("sentence, wanted", [
    ("会谈后，两国国防部交换了《甲乙国防合作谅解备忘录》，双方还同意加强合作。", {"甲乙国防合作谅解备忘录"}),
    ("会谈后，双方发表《甲乙联合声明》，并交换了关于[[某站]]合作的谅解备忘录。", {"甲乙联合声明", "关于某站合作的谅解备忘录"}),
    ("会谈后，两国交换了涉及甲、乙领域的四份[[谅解备忘录]]，其中包括《甲乙半导体伙伴关系协议》。", {"甲乙半导体伙伴关系协议"}),
    ("会谈后，两国交换了涉及甲、乙领域的四份谅解备忘录。", set()),  # counted, not named
    ("会晤期间，两国外长互换了《甲乙和平友好条约》。", set()),  # a treaty: its ratification, signed before
    ("会晤期间，双方同意尽快交换《甲乙合作谅解备忘录》。", set()),  # sought, not done
    ("双方外长就核燃料交换问题达成初步协议。", set()),  # an exchange as a noun: no document exchanged
])
def test_a_memorandum_or_an_agreement_exchanged_at_the_meeting_is_its_outcome(sentence, wanted):
    assert keys(documents(HEAD + MEETING + sentence)) == {"1985-11-19": wanted}


@pytest.mark.parametrize("sentence, wanted", [
    ("在两国元首见证下，双方企业签署了总额逾70亿美元的商业协议。", set()),
    ("会晤期间，甲国石油公司与乙国公司签署《甲乙炼油项目协议》。", set()),
    ("会晤期间，两国政府和企业签署了《甲乙投资协定》。", {"甲乙投资协定"}),  # governments sign it too
    ("会晤期间，双方签署了由甲国财团承建某港码头的谅解备忘录。", {"由甲国财团承建某港码头的谅解备忘录"}),  # companies it is about
])
def test_a_deal_companies_sign_during_the_meeting_is_not_its_outcome(sentence, wanted):
    assert keys(documents(HEAD + MEETING + sentence)) == {"1985-11-19": wanted}


@pytest.mark.parametrize("sentence, wanted", [
    ("他指出，20年前张三曾以外交大臣身份来访签署甲乙建交公报，为两国关系作出了贡献。", set()),
    ("张三致词时回顾，该小组正是他前一年访问乙国时与李四共同签署联合公报后成立的。", set()),
    ("双方签署了关于2030年前合作的联合声明。", {"关于2030年前合作的联合声明"}),  # a year inside its name
    ("签字所用的桌子曾在1985年11月19日张三与李四签署《甲乙和约》时使用。", {"甲乙和约"}),  # 曾 and the day: that day's
])
def test_a_document_signed_a_number_of_years_before_the_meeting_is_not_its_outcome(sentence, wanted):
    assert keys(documents(HEAD + MEETING + sentence)) == {"1985-11-19": wanted}


def test_a_tables_row_that_makes_no_summit_gives_its_documents_to_the_summit_of_its_day():
    text = ("'''甲乙领导人会晤'''是甲国与乙国领导人的定期会晤。\n== 历次会晤 ==\n{| class=\"wikitable\"\n"
            "! 次序 !! 日期 !! 地点 !! 甲方出席者 !! 乙方出席者 !! 主要成果\n|-\n"
            "| 1 || 2012年4月26日 || [[某城]] || [[张三]] || [[李四]] || 《甲乙合作某城纲要》\n|-\n"
            "| 2 || 2015年11月24日 || [[乙城]] || [[张三]] || — || 《甲乙合作乙城纲要》、《甲乙合作中期规划》\n|}\n"
            "== 经过 ==\n2015年11月24日，甲国总理[[张三]]在[[乙城]]与乙国总统[[王五]]举行会晤。\n")
    assert keys(documents(text, title="甲乙领导人会晤")) == {
        "2012-04-26": {"甲乙合作某城纲要"}, "2015-11-24": {"甲乙合作乙城纲要", "甲乙合作中期规划"}}


def test_a_day_without_its_year_in_a_visit_across_the_new_year():
    box = (BOX.replace("{{Start date|2023|3|20}}至{{End date|2023|3|22}}", "{{Start date|1949|12|16}}至{{End date|1950|2|17}}")
           .replace("| outcome = 《甲乙关于深化伙伴关系的联合声明》\n", ""))
    text = box + ("'''甲乙会谈'''是[[张三]]于1949年12月16日至1950年2月17日对乙国的访问。\n== 签约 ==\n"
                  "2月14日，双方签订《甲乙友好条约》和《关于某港的协定》。\n")
    assert keys(documents(text, title="甲乙会谈")) == {"1949-12-16": {"甲乙友好条约", "关于某港的协定"}}


def test_an_undated_sentence_goes_on_at_the_time_its_paragraph_told():
    text = HEAD + MEETING + ("会晤期间双方签署了《甲乙贸易协定》。\n== 后续 ==\n"
                             "1987年12月7日，张三抵达乙国某都。当天下午，《甲乙中程条约》签字仪式举行。\n")
    assert keys(documents(text))["1985-11-19"] == {"甲乙贸易协定"}


def test_the_next_sentence_may_date_the_document():
    text = HEAD + MEETING + "1985年的会谈促成了《甲乙停火协议》的签署。该协议于1986年9月签署，规定了停火条款。"
    assert documents(text) == {"1985-11-19": []}


def test_another_name_given_after_a_comma():
    text = HEAD + MEETING + "会谈后双方签署《甲国政府和乙国政府联合声明》，简称《甲乙联合声明》。"
    found = documents(text)
    assert len(found["1985-11-19"]) == 1
    assert {"甲国政府和乙国政府联合声明", "甲乙联合声明"} <= found["1985-11-19"][0][1]


def test_a_statement_named_short_by_its_sides_and_in_full_is_one():
    text = HEAD + MEETING + "双方随后发表《甲乙联合声明》。11月20日，两国在某城发表《甲国和乙国联合声明》。"
    found = documents(text)
    assert len(found["1985-11-19"]) == 1
    assert {"甲乙联合声明", "甲国和乙国联合声明"} <= found["1985-11-19"][0][1]


def test_a_statement_of_another_subject_is_not_folded_into_the_short_name():
    text = HEAD + MEETING + "双方发表《甲乙联合声明》和《甲乙元首气候变化联合声明》。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙联合声明", "甲乙元首气候变化联合声明"}}


def test_names_with_a_phrase_after_a_signing_verb_and_a_list_going_on_after_a_comma():
    hans = "双方政府还签署了卫生、医学教育和科学领域的政府间合作协议，以及修建某江边境公路桥的协议。"
    assert [hans[a:b] for a, b in unquoted_names(hans)] == ["卫生、医学教育和科学领域的政府间合作协议", "修建某江边境公路桥的协议"]


@pytest.mark.parametrize("hans", ["双方签署了有关裁军问题的协定", "双方签署了新的协议", "双方签署了上述协议"])
def test_descriptions_that_begin_as_descriptions_are_no_name(hans):
    assert list(unquoted_names(hans)) == []


def test_a_document_described_after_a_signing_verb_is_the_one_of_its_kind_named():
    text = HEAD + MEETING + "双方签署《甲乙中程导弹条约》。下午，两人在某厅签署了全部销毁两国中程导弹的条约。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙中程导弹条约"}}


def test_the_lead_of_an_article_about_one_summit_that_tells_of_others_names_its_documents():
    text = ("'''甲乙会谈'''是指甲国总统[[张三]]应乙国主席[[李四]]邀请，于2023年4月5日至7日对乙国进行的国事访问。"
            "访问期间，李四在某都与张三会谈后，又于4月7日在[[某城]]同张三举行非正式会晤。两国发表《甲乙联合宣言》。\n"
            "== 经过 ==\n4月6日，乙国总理[[王五]]会见张三。李四与张三举行会谈。\n"
            "== 后续 ==\n2024年5月6日，李四在[[某都]]同张三举行会谈。\n")
    found = keys(documents(text, title="甲乙会谈"))
    assert "甲乙联合宣言" in found["2023-04-05"] and found["2024-05-06"] == set()


def test_a_note_cell_names_what_it_says_was_signed():
    text = ("'''张李峰会'''是指甲国总统[[张三]]与乙国总理[[李四]]举行的会晤。\n== 列表 ==\n"
            '{| class="wikitable"\n! 日期 !! 地点 !! 性质 !! 备注\n|-\n'
            "| 2018年4月27日 || [[某城]] || 第一次非正式会晤 || 通宵谈判16小时，达成《某城协议》\n|-\n"
            "| 2019年10月11日 || [[某镇]] || 第二次非正式会晤 || 双方重申遵守《某城协议》；见《某报》报道\n|-\n"
            "| 2020年5月3日 || [[某港]] || 第三次非正式会晤 || 时隔一年重启；发表共同声明\n|}\n")
    assert keys(documents(text, title="张李峰会")) == {"2018-04-27": {"某城协议"}, "2019-10-11": set(),
                                                        "2020-05-03": {"共同声明"}}


@pytest.mark.parametrize("note", ["《甲乙联合声明》发表40周年", "见《某报》报道", "联合声明"])
def test_a_note_that_says_nothing_was_signed_names_no_document(note):
    assert cell_documents(note, said=True) == []


def test_a_next_sentence_that_dates_its_coming_into_force_does_not_date_its_signing():
    text = HEAD + MEETING + "会晤结束时，双方签署《甲乙中程导弹条约》。该条约于1988年6月1日生效。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙中程导弹条约"}}


def test_a_sentence_that_does_not_say_it_goes_on_is_not_dated_by_the_one_before():
    text = HEAD + MEETING + "此次会晤为1987年12月签署的《甲乙中程导弹条约》铺平了道路。峰会结束时双方发表《甲乙联合声明》。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙联合声明"}}


def test_an_undated_sentence_is_at_the_time_its_paragraph_began_with():
    text = HEAD + MEETING + ("会晤期间双方签署了《甲乙贸易协定》。\n== 后续 ==\n"
                             "* 1987年12月，两国外长在某都会面。双方签署《甲乙中程条约》。\n"
                             "* 1985年11月20日，两国外长在某城会面。双方发表《甲乙联合声明》。\n")
    assert keys(documents(text)) == {"1985-11-19": {"甲乙贸易协定", "甲乙联合声明"}}  # 1987 its paragraph began with: not this meeting's


def test_a_description_among_several_documents_of_its_kind_by_name_is_left_out():
    text = HEAD + MEETING + ("三国签订了承认某国独立的宣言。会议最后签署了《甲乙某城宣言》，并发表了《关于某国的宣言》。")
    assert keys(documents(text)) == {"1985-11-19": {"甲乙某城宣言", "关于某国的宣言"}}


def test_a_list_goes_on_past_items_that_name_no_document():
    text = HEAD + MEETING + ("\n== 成果 ==\n会晤期间双方签署或发表了以下文件：\n"
                             "* 某地安全：张三在会上重申立场；\n"
                             "* 《甲乙限制武器条约》，即《某城条约》，有效期至1990年；\n"
                             "* 条约的议定书；\n* 《关于某城谈判原则的联合声明》；\n* 《甲乙联合公报》。\n")
    found = documents(text)
    assert keys(found) == {"1985-11-19": {"甲乙限制武器条约", "条约的议定书", "关于某城谈判原则的联合声明", "甲乙联合公报"}}
    assert {"甲乙限制武器条约", "某城条约"} <= dict(found["1985-11-19"])["甲乙限制武器条约"]


def test_a_part_of_a_sentence_after_a_semicolon_tells_its_own_time():
    text = HEAD + ("1966年1月4日至10日，甲国总理[[张三]]与乙国总统[[李四]]在[[某城]]举行会晤。"
                   "1966年1月10日下午，两人签署《某城宣言》；1972年，甲乙两国领导人在某镇举行会谈，并签署《某镇协定》。")
    found = keys(documents(text))
    assert "某城宣言" in found["1966-01-04"] and not any("某镇协定" in names for names in found.values())


def test_a_statement_both_sides_issued_by_its_kind_alone():
    text = HEAD + MEETING + "两国首脑在会谈后发表声明，同意启动磋商。白宫另发表声明。"
    assert keys(documents(text)) == {"1985-11-19": {"声明"}}


@pytest.mark.parametrize("sentence, wanted", [
    ("两国首脑在联合声明中确认高铁计划力争1988年开工。", "联合声明"),  # what they say in it dates nothing of it
    ("三方在共同声明中表示，将进一步合作。", "共同声明"),
    ("两国于11月20日发表的联合声明对条约的执行情况表示满意。", "联合声明"),
    ("会后，张三宣读了两国的联合声明。", "联合声明"),
])
def test_a_statement_by_its_kind_alone_that_the_sides_speak_through(sentence, wanted):
    assert keys(documents(HEAD + MEETING + sentence)) == {"1985-11-19": {wanted}}


@pytest.mark.parametrize("sentence", [
    "乙方在联合声明中承诺保护当地居民的利益。",  # one side's words
    "1987年12月，两国在联合声明中表示将继续合作。",  # another year's statement
    "甲方发表的声明称，双方同意合作。",  # one side's, not by a kind of both
    "双方原定在会后发表的联合声明中宣布建交。",  # planned
])
def test_a_statement_one_side_or_another_time_speaks_through_is_not_the_summits(sentence):
    assert keys(documents(HEAD + MEETING + sentence)) == {"1985-11-19": set()}


def test_a_section_of_its_own_account_names_the_documents_of_an_article_that_tells_of_others():
    text = ("'''甲乙会谈'''是指甲国总统[[张三]]应乙国主席[[李四]]邀请，于2022年10月30日至11月2日对乙国进行的访问。"
            "10月31日，李四在某都与张三会谈。\n"
            "== 成果 ==\n访问期间，两国共同发表了《关于深化甲乙伙伴关系的联合声明》。\n"
            "== 后续 ==\n2023年6月25日，李四在[[某都]]同张三举行会谈；双方发表《甲乙联合新闻公报》。\n")
    found = keys(documents(text, title="甲乙会谈"))
    assert found["2022-10-30"] == {"关于深化甲乙伙伴关系的联合声明"}
    assert "关于深化甲乙伙伴关系的联合声明" not in found["2023-06-25"]


def test_a_day_by_its_number_alone_is_in_the_month_its_paragraph_told():
    text = HEAD + ("2005年4月16日，甲国总统[[张三]]抵达[[某城]]，开始对乙国的访问，当晚与乙国总理[[李四]]会晤。"
                   "17日，两人在某宫会谈两小时；18日，两国在某城发表联合声明。"
                   "2006年9月16日，张三与李四在[[某港]]举行会晤，共同宣布重启谈判。")
    found = keys(documents(text))
    assert found["2006-09-16"] == set() and "联合声明" in found["2005-04-16"]


def test_a_document_issued_after_the_meeting_just_told_is_of_its_time():
    text = HEAD + ("2015年11月1日下午，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤。两国领导人会后发表联合宣言。"
                   "2024年5月26日，张三与李四在[[某都]]举行会晤。")
    assert keys(documents(text)) == {"2015-11-01": {"联合宣言"}, "2024-05-26": set()}


TREATY_BOX = ("{{Infobox treaty\n| name = 甲乙共同宣言\n| long_name = 甲乙共同宣言——面向新世纪的伙伴关系\n"
              "| date_signed = {{Start date|1998|10|8}}\n| signatories = [[张三]]<br />[[李四]]\n}}\n")


def test_an_infobox_of_the_document_names_the_summit_of_its_day():
    text = TREATY_BOX + ("《'''甲乙共同宣言——面向新世纪的伙伴关系'''》（{{lang-ja|甲乙共同宣言；新たな}}；{{lang-ko|공동선언}}），"
                         "简称'''甲乙共同宣言'''，是1998年10月8日甲国首相[[张三]]与乙国总统[[李四]]在[[某都]]举行首脑会谈后发表的文件。\n"
                         "== 背景 ==\n1998年4月2日，甲国首相[[王五]]与李四在[[某城]]举行会谈。\n"
                         "== 内容 ==\n宣言另附有作为附件的《行动计划》。\n")
    found = documents(text, title="甲乙共同宣言")
    assert found["1998-04-02"] == [] and len(found["1998-10-08"]) == 2
    names = [names for _, names in found["1998-10-08"]]
    assert {"甲乙共同宣言", "甲乙共同宣言——面向新世纪的伙伴关系"} <= names[0] | names[1] and "行动计划" in names[0] | names[1]


def test_an_infobox_whose_long_name_lists_documents_names_each():
    box = TREATY_BOX.replace("甲乙共同宣言——面向新世纪的伙伴关系", "《关于某地和平的纲要》和《关于签订和约的纲要》")
    text = box + "1998年10月5日至8日，甲国首相[[张三]]与乙国总统[[李四]]在[[某都]]举行会谈。\n"
    assert keys(documents(text, title="某都协议")) == {"1998-10-05": {"关于某地和平的纲要", "关于签订和约的纲要"}}


def test_the_leads_bold_name_of_a_document_is_another_name_of_the_boxs_document():
    box = TREATY_BOX.replace("| long_name = 甲乙共同宣言——面向新世纪的伙伴关系\n", "")
    text = box + ("'''甲乙睦邻宣言'''是甲国与乙国于1998年10月8日发表的宣言。\n== 签署 ==\n"
                  "1998年10月8日，甲国首相[[张三]]与乙国总统[[李四]]在[[某都]]举行会谈，签署了甲乙睦邻宣言。\n")
    found = documents(text, title="甲乙睦邻宣言")
    assert [names for _, names in found["1998-10-08"]] == [{"甲乙共同宣言", "甲乙睦邻宣言"}]


def test_the_leads_bold_name_of_no_document_names_none_of_the_box():
    box = TREATY_BOX.replace("| long_name = 甲乙共同宣言——面向新世纪的伙伴关系\n", "")
    text = box + ("'''1998年张三访问乙国'''是甲国首相[[张三]]于1998年10月8日对乙国的访问。\n== 经过 ==\n"
                  "1998年10月8日，甲国首相[[张三]]与乙国总统[[李四]]在[[某都]]举行会谈。\n")
    found = documents(text, title="1998年张三访问乙国")
    assert [names for _, names in found["1998-10-08"]] == [{"甲乙共同宣言"}]


def test_the_prose_names_the_documents_of_a_summit_a_table_gives_by_its_days():
    text = ("'''张李会晤'''是指甲国总理[[张三]]与乙国总理[[李四]]的历次会晤。\n== 列表 ==\n"
            '{| class="wikitable"\n! 日期 !! 地点 !! 性质\n|-\n'
            "| 1988年12月28日－31日 || [[某都]] || 某盟首脑会议期间\n|-\n"
            "| 1989年7月16日 || [[某城]] || 访问\n|}\n"
            "== 历次会晤 ==\n1988年12月28日晚，张三抵达某都，由李四在机场迎接。"
            "12月31日下午，两国签订了《互不攻击对方核设施》和《加强双边文化交流》两个协定。"
            "1990年1月，两国签署《某某议定书》。\n")
    assert keys(documents(text, title="张李会晤")) == {
        "1988-12-28": {"互不攻击对方核设施", "加强双边文化交流"}, "1989-07-16": set()}


def test_names_in_quotes_as_traditional_texts_write_them():
    text = HEAD + MEETING + ("會談後，雙方簽署「甲乙漁業協定」，並發表《甲乙聯合公報》（又稱「某城公報」）。"
                             "張三說，但「這一次沒有達成協議」。")
    found = documents(text)
    assert keys(found) == {"1985-11-19": {"甲乙渔业协定", "甲乙联合公报"}}
    assert "某城公報" in dict(found["1985-11-19"])["甲乙联合公报"]


@pytest.mark.parametrize("sentence", [
    "《甲乙和平协定》原定于会晤期间签署，后因分歧推迟。",  # planned, said after the name
    "《甲乙和平协定》最终未能签署。",  # negated, said after the name
])
def test_what_is_said_between_a_name_and_its_verb(sentence):
    assert documents(HEAD + MEETING + sentence) == {"1985-11-19": []}


def test_a_name_given_as_the_meetings_outcome_document():
    text = HEAD + MEETING + "此次会晤的成果文件《甲乙某城宣言》确认了双方的共识。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙某城宣言"}}


def test_a_document_referred_to_as_signed_this_time_is_the_summits():
    text = HEAD + MEETING + "双方同意根据此次签署的《甲乙合作协定》推进合作。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙合作协定"}}


def test_a_clause_that_lists_what_the_clause_before_says_was_signed():
    text = HEAD + MEETING + "双方共签署了12项合作文件，包括《甲乙合作未来十年展望》和《甲乙文化交流计划》。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙合作未来十年展望", "甲乙文化交流计划"}}


def test_a_title_of_a_statement_names_it():
    text = HEAD + MEETING + "会晤期间，双方发表了题为《共创未来》的联合声明。张三发表了题为《和平之路》的署名文章。"
    assert keys(documents(text)) == {"1985-11-19": {"共创未来"}}


def test_an_unquoted_name_after_an_issuing_verb_beside_a_kind_alone():
    text = HEAD + MEETING + "会后发表联合公报和关于限制战略武器的联合声明，双方初步商定限额。"
    assert keys(documents(text)) == {"1985-11-19": {"联合公报", "关于限制战略武器的联合声明"}}


def test_a_document_the_leaders_approve_at_the_meeting_is_its_outcome_not_one_a_legislature_ratifies():
    approved = HEAD + "2015年7月9日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤，批准了《甲乙两国合作中期路线图》。"
    ratified = HEAD + "2015年7月9日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤，甲国议会同日批准《甲乙和平条约》。"
    assert keys(documents(approved)) == {"2015-07-09": {"甲乙两国合作中期路线图"}}
    assert keys(documents(ratified)) == {"2015-07-09": set()}
    assert cell_documents("批准《甲乙两国合作中期路线图》", said=True) == [("甲乙两国合作中期路线图", False)]


def test_a_day_by_its_number_after_a_semicolon_is_in_the_month_its_sentence_told():
    text = ("'''甲乙会晤'''是[[甲国]]与[[乙国]]领导人的会晤。\n== 背景 ==\n"
            "2005年4月26日，乙国总理[[李四]]率团访问甲国；29日下午，甲国总统[[张三]]与李四在[[某堂]]会面并会谈，"
            "会后两人共同发布《甲乙和平发展共同愿景》。\n== 经过 ==\n"
            "2005年5月12日，张三与乙国总统[[王五]]在[[某堂]]举行会谈。\n")
    found = keys(documents(text))
    assert found["2005-04-29"] == {"甲乙和平发展共同愿景"} and found["2005-05-12"] == set()


def test_a_kind_alone_counted_is_one_of_the_summits_own():
    text = HEAD + MEETING + "会谈后，双方发表两份联合声明。"
    assert keys(documents(text)) == {"1985-11-19": {"联合声明"}}
    topics = HEAD + MEETING + "会谈后，双方就边界问题和经济合作发表两份联合声明。"
    assert keys(documents(topics)) == {"1985-11-19": set()}


def test_a_document_of_the_same_day_as_a_later_meeting_is_not_the_day_befores():
    text = HEAD + ("5月30日下午，甲国主席[[张三]]同乙国总统[[李四]]举行会谈。"
                   "5月31日上午，[[张三]]同丙国总统[[王五]]举行会谈。"
                   "同日下午，[[张三]]同丁国国王[[赵六]]举行会谈，两国当天发表《甲丁联合声明》。")
    found = keys(documents(text.replace("== 经过 ==\n", "== 经过 ==\n2024年5月28日，某论坛开幕。\n")))
    assert found.get("2024-05-30") == set()


@pytest.mark.parametrize("sentence", [
    "双方没有签署联合声明，而是各自发表新闻公报。",  # each side its own: no document of the summit
    "双方同意推动早日签署[[甲乙伙伴关系协定]]。",  # a signing sought, not done
    "两国领导人希望尽快签署《甲乙和平协定》。",
    "双方同意推动尽快发表联合声明。",
])
def test_a_document_each_side_issued_alone_or_whose_signing_is_sought_is_not_the_summits(sentence):
    assert documents(HEAD + MEETING + sentence) == {"1985-11-19": []}


def test_a_document_is_of_the_meetings_its_paragraph_told_before_it_not_of_one_told_after():
    text = HEAD + ("2022年7月19日，甲国总统[[张三]]与乙国总统[[李四]]、丙国总统[[王五]]在[[某城]]举行三方会谈。"
                   "三方会后发表联合声明。当天，李四与王五在某城举行会晤。")
    extraction = extract(parse(Page(text=text, origin="t", title="甲乙会晤")))
    found = {}
    for summit in (e.id for e in extraction.entities if e.id.kind is Kind.SUMMIT):
        about = [f for f in extraction.facts if f.subject == summit]
        who = frozenset(f.value.key for f in about if f.prop is Prop.PARTICIPANT)
        found[who] = {f.value.key.rsplit("-", 1)[-1] for f in about if f.prop is Prop.OUTCOME}  # a kind alone: per summit
    assert found == {frozenset({"张三", "李四", "王五"}): {"联合声明"}, frozenset({"李四", "王五"}): set()}


def test_a_name_never_in_title_marks_that_ends_the_summits_full_name_is_that_document():
    text = ("'''《甲国和乙国边界条约》'''是甲国和乙国于1960年10月1日在[[某城]]签订的边界条约。\n== 签订 ==\n"
            "1960年10月1日，甲国总理[[张三]]与乙国总理[[李四]]在某城签订边界条约。")
    assert keys(documents(text, title="甲国和乙国边界条约")) == {"1960-10-01": {"甲国和乙国边界条约"}}


def test_a_name_in_quotes_right_before_a_documents_kind_is_its_title():
    text = HEAD + MEETING + "双方发布「甲乙和平发展共同愿景」新闻公报。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙和平发展共同愿景"}}
    speech = HEAD + MEETING + "张三说「这是新的开始」。"
    assert keys(documents(speech)) == {"1985-11-19": set()}


def test_a_plan_in_a_name_listed_before_makes_the_names_after_it_no_plan():
    text = HEAD + MEETING + "访问期间，双方签订了《甲乙文化协定执行计划》、《工业合作议定书》和《科学情报合作议定书》。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙文化协定执行计划", "工业合作议定书", "科学情报合作议定书"}}


def test_a_tables_name_that_ends_the_proses_full_name_is_that_document():
    text = (HEAD + "2018年1月10日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行第二次领导人会议。"
            "会议发表了《甲乙合作第二次领导人会议某城宣言》。\n\n"
            "{| class=\"wikitable\"\n! 届次 !! 日期 !! 地点 !! 出席领导人 !! 成果\n|-\n"
            "| 第二次 || 2018年1月10日 || 某城 || 张三、李四 || 《某城宣言》\n|}\n")
    found = documents(text)
    assert keys(found) == {"2018-01-10": {"甲乙合作第二次领导人会议某城宣言"}}
    assert "某城宣言" in found["2018-01-10"][0][1]


def test_a_document_initialed_is_not_signed():
    text = HEAD + MEETING + "访问期间，双方签订了《甲乙文化协定》，并草签了《甲乙核能合作协定》。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙文化协定"}}


def test_an_infobox_document_names_the_summit_of_the_day_it_was_made():
    box = ("{{Infobox document\n| document_name = 甲乙两国总理联合声明\n| date_created = 1954年6月28日\n"
           "| signers = [[张三]]<br />[[李四]]\n}}\n")
    text = box + ("'''甲乙两国总理联合声明'''是甲国总理[[张三]]与乙国总理[[李四]]发表的联合声明。\n== 经过 ==\n"
                  "1954年6月25日至28日，甲国总理[[张三]]访问[[某都]]，与乙国总理[[李四]]举行会谈。\n")
    assert keys(documents(text, title="甲乙两国总理联合声明")) == {"1954-06-25": {"甲乙两国总理联合声明"}}


def test_a_document_issued_with_someone_who_did_not_meet_at_the_summit_is_not_its():
    text = HEAD + MEETING + "次日，张三在[[某港]]同[[丙国总理]][[王五]]发表了《甲丙两国总理联合声明》。"
    assert keys(documents(text)) == {"1985-11-19": set()}
    with_the_other = HEAD + MEETING + "次日，张三在某城同[[乙国总理]][[李四]]发表了《甲乙两国总理联合声明》。"
    assert keys(documents(with_the_other)) == {"1985-11-19": {"甲乙两国总理联合声明"}}


def test_an_unquoted_name_about_a_document_ends_at_the_document_word_after_its_de():
    hans = "双方部长签署了关于结束甲乙自由贸易协定谈判的意向声明和文化协定"
    assert [hans[a:b] for a, b in unquoted_names(hans)] == ["关于结束甲乙自由贸易协定谈判的意向声明", "文化协定"]
    text = HEAD + MEETING + "在两国领导人见证下，甲国部长[[王五]]与乙国部长[[赵六]]签署了关于结束甲乙自由贸易协定谈判的意向声明。"
    assert keys(documents(text)) == {"1985-11-19": {"关于结束甲乙自由贸易协定谈判的意向声明"}}


@pytest.mark.parametrize("cell, wanted", [
    ("三方声明", [("三方声明", True)]),
    ("四方联合声明（甲国向边境派遣观察员）", [("四方联合声明", True)]),
])
def test_a_statement_of_three_or_four_parties_is_a_document_of_its_kind(cell, wanted):
    assert cell_documents(cell) == wanted


@pytest.mark.parametrize("cell, wanted", [
    ("甲乙首脑联合声明", [("甲乙首脑联合声明", False)]),
    ("联合公报；甲乙渔业争端休战协议", [("甲乙渔业争端休战协议", False), ("联合公报", True)]),
    ("《甲乙贸易协定》、防务装备及技术转让协定", [("甲乙贸易协定", False), ("防务装备及技术转让协定", False)]),
    ("两项合作协议", []),  # a description
    ("双边协议", []),
    ("未达成协议", []),  # says none was reached
    ("无具体协议", []),
])
def test_an_outcome_cells_item_that_is_a_name_without_title_marks(cell, wanted):
    assert cell_documents(cell) == wanted


def test_an_infobox_outcome_names_a_document_without_title_marks_after_a_signing_verb():
    box = BOX.replace("《甲乙关于深化伙伴关系的联合声明》", "同意设立热线机制；签署甲乙社会保障协定")
    text = box + "'''甲乙会谈'''是甲国与乙国于2023年3月20日至22日的会谈。\n"
    assert keys(documents(text, title="甲乙会谈")) == {"2023-03-20": {"甲乙社会保障协定"}}


@pytest.mark.parametrize("hans, wanted", [
    ("双方签署甲乙合拍协议等合作文件", ["甲乙合拍协议"]),  # 等 ends the list
    ("两国签署S-300防空系统政府间协议", ["S-300防空系统政府间协议"]),  # a hyphen joins a name's parts
    ("两国签订甲国－乙国陆地边界协定", ["甲国－乙国陆地边界协定"]),
])
def test_unquoted_names_ended_by_deng_or_joined_by_a_hyphen(hans, wanted):
    assert [hans[a:b] for a, b in unquoted_names(hans)] == wanted


def test_a_name_between_attending_and_its_signing_ceremony_is_signed_there():
    text = HEAD + MEETING + "会谈后，两人共同出席了关于设立甲乙联合工作组谅解备忘录的签字仪式。"
    assert keys(documents(text)) == {"1985-11-19": {"关于设立甲乙联合工作组谅解备忘录"}}


@pytest.mark.parametrize("hans", ["会谈后两人出席两项合作协议的签字仪式", "两国元首出席合作文件签字仪式",
                                  "他出席了签字仪式"])
def test_a_ceremony_of_described_documents_names_none(hans):
    assert list(ceremony_names(hans)) == []


def test_a_name_the_meeting_issued_told_as_what_it_is():
    text = HEAD + MEETING + "会谈后发表的甲乙联合声明重申了两国的伙伴关系。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙联合声明"}}


@pytest.mark.parametrize("sentence, wanted", [
    ("双方签署一项为期十年的经济合作协定。", {"经济合作协定"}),
    ("会后双方发表了长达50条的联合声明。", {"联合声明"}),
])
def test_a_measure_before_a_name_or_kind_is_no_part_of_it(sentence, wanted):
    assert keys(documents(HEAD + MEETING + sentence)) == {"1985-11-19": wanted}


def test_a_kind_followed_by_its_title_is_the_titled_document():
    text = HEAD + MEETING + "会晤后，双方发表联合声明《迈向共同繁荣：某城倡议》。"
    assert keys(documents(text)) == {"1985-11-19": {"迈向共同繁荣：某城倡议"}}


def test_the_year_of_an_earlier_document_is_no_time_the_paragraph_goes_on_at():
    """``落实1979年所签贸易协定的议定书``: 1979 is the time of the document it names, not of the
    sentence; the next sentence is still told on the meeting's day."""
    text = HEAD + MEETING + "双方签署了三项文件，包括落实1979年所签贸易协定的议定书。会谈后双方发表《甲乙联合公报》。"
    assert "甲乙联合公报" in keys(documents(text))["1985-11-19"]


def test_the_year_of_an_earlier_document_named_after_a_name_does_not_date_it():
    """``签署了甲乙渔业协定、落实1979年所签贸易协定的文书``: the year belongs to the name after it."""
    text = HEAD + MEETING + "会谈后，双方签署了甲乙渔业协定、落实1979年所签贸易协定的文书等四项文件。"
    assert "甲乙渔业协定" in keys(documents(text))["1985-11-19"]


def test_a_document_issued_after_the_meeting_a_paragraph_tells_is_not_the_days_before():
    text = HEAD + ("2021年9月23日，甲国总理[[张三]]在[[某城]]会见乙国总理[[李四]]。\n\n"
                   "9月24日上午，甲国总理[[张三]]与丙国总统[[王五]]举行会谈。双方讨论了贸易问题。"
                   "会后，双方发表《甲丙联合声明》。")
    assert keys(documents(text)) == {"2021-09-23": set(), "2021-09-24": {"甲丙联合声明"}}


def test_a_name_history_gives_a_document_is_another_name_of_it():
    """``签订甲乙合作条约，史称《某宫条约》``: one treaty, named as history knows it."""
    text = HEAD + "1963年1月22日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]签订甲乙合作条约，史称《某宫条约》。"
    found = documents(text)["1963-01-22"]
    assert len(found) == 1 and {"甲乙合作条约", "某宫条约"} <= found[0][1]


def test_the_result_field_of_a_meetings_box_gives_its_documents():
    """``| result = 双方外长签署秘密的《某城议定书》``: an English box's result is its outcome."""
    box = ("{{Infobox meeting\n| date = 1940年10月23日\n| participants = [[张三]]<br />[[李四]]\n"
           "| result = 甲国未参战；双方外长签署秘密的《某城议定书》\n}}\n")
    found = documents(box + "'''某城会晤'''是甲国领导人[[张三]]与乙国领导人[[李四]]于1940年10月23日在[[某城]]举行的会晤。")
    assert keys(found) == {"1940-10-23": {"某城议定书"}}


def test_a_document_whose_signing_the_leaders_witness_is_the_summits():
    """``两人共同见证甲乙海关合作协定的签署``: the signing they witness is the summit's, as a signing ceremony is."""
    found = documents(HEAD + MEETING + "当天下午，两人共同见证甲乙海关合作协定的签署。")
    assert keys(found) == {"1985-11-19": {"甲乙海关合作协定"}}

def test_a_section_headed_by_the_next_stops_days_is_not_the_defined_summits():
    """A tour defined by its days whose sections are its stops (``=== 汤加（3月24日－26日）===``): what the
    next stop's section says was signed is not the first stop's, though its first day is that one's last."""
    text = ("'''南洋之旅'''是[[甲国总统]][[张三]]于2019年3月21日至26日出访[[斐济]]及[[汤加]]的行程。\n"
            "== 行程 ==\n=== 斐济（3月21日－24日）===\n3月21日下午，张三从[[甲都]]启程，当晚抵达斐济。\n\n"
            "22日，张三与[[斐济总统]][[李大明]]举行会谈。当晚两人共同见证两国外长签署《甲乙海巡合作协定》。\n\n"
            "=== 汤加（3月24日－26日）===\n24日晚间，张三抵达汤加。25日上午，张三前往汤加政府大楼出席欢迎仪式，"
            "随后与[[汤加总统]][[王小强]]举行双边会谈。当天下午，两人共同见证《甲丙渔业合作协定》的签署。\n")
    assert keys(documents(text, title="南洋之旅")) == {"2019-03-21": {"甲乙海巡合作协定"}, "2019-03-24": {"甲丙渔业合作协定"}}


def test_a_document_the_pair_issued_with_someone_else_in_the_clause_before_is_not_the_summits():
    """``张三在丙城与丙国总统王五举行会谈，双方发表《甲丙联合声明》``: 双方 are the pair the clause before
    names, one of them no participant of the day before's summit; the statement is not that summit's."""
    text = HEAD + MEETING + "次日，张三在[[丙城]]与丙国总统[[王五]]举行会谈，双方发表《甲丙联合声明》。"
    assert "甲丙联合声明" not in keys(documents(text))["1985-11-19"]


def test_a_name_after_a_count_of_one_is_the_summits():
    """``签署了一份关于某海渔业合作的联合声明``: one document counted before its name, which is the name."""
    found = documents(HEAD + MEETING + "会谈后，双方签署了一份关于某海渔业合作的联合声明。")
    assert keys(found) == {"1985-11-19": {"关于某海渔业合作的联合声明"}}


def test_a_year_in_an_aside_is_not_where_the_account_has_got_to():
    """``该庄园是王五1830年辞世之处``: a sentence that says what something just told is gives a year that
    moves the account nowhere; the statement the sentence after issues 随后 is the meeting's."""
    text = HEAD + ("2010年8月10日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]的某庄园会晤。该庄园是英雄[[王五]]1830年"
                   "辞世之处。会晤持续约四个小时，两人随后发表联合声明。")
    assert keys(documents(text)) == {"2010-08-10": {"联合声明"}}


def test_a_year_that_opens_a_sentence_is_where_the_account_has_got_to():
    """``2011年，两国外长会晤。两人随后签署《…》``: a sentence that tells what happened in another year,
    not what something is, moves the account there; what is signed 随后 is not the meeting's."""
    text = HEAD + ("2010年8月10日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]会晤。2011年，两国外长在[[乙城]]会晤。"
                   "两人随后签署《甲乙渔业协定》。")
    assert keys(documents(text)) == {"2010-08-10": set()}


@pytest.mark.parametrize("sentence", [
    "会谈后，双方发表《甲乙联合声明》，重申对《不扩散核武器条约》的承诺。",  # a commitment to an earlier one
    "会谈后，双方发表《甲乙联合声明》，对甲丙建交和《甲丙和平友好条约》的签订表示欢迎。",  # another pair's, welcomed
])
def test_a_document_the_sides_take_a_stance_on_is_not_the_summits(sentence):
    """``重申对《…》的承诺``, ``对…《…》的签订表示欢迎``: what 对 makes the object of a stance, with no signing
    verb after it in its clause, was signed before or by others; the statement the sentence issues is the summit's."""
    assert keys(documents(HEAD + MEETING + sentence)) == {"1985-11-19": {"甲乙联合声明"}}


def test_a_document_whose_signing_the_sides_welcome_is_the_summits():
    """``两国元首对签署《…》表示欢迎``: a signing verb between 对 and the name; the signing is of the meeting."""
    found = documents(HEAD + MEETING + "会谈后，两国元首对签署《甲乙渔业协定》表示欢迎。")
    assert keys(found) == {"1985-11-19": {"甲乙渔业协定"}}


def test_a_name_listed_after_one_that_holds_dui_is_signed():
    """``签署了《关于对所得避免双重征税的协定》、《甲乙文化协定执行计划》``: the 对 is inside the name before it."""
    found = documents(HEAD + MEETING + "会谈后，双方签署了《甲乙关于对所得避免双重征税的协定》、《甲乙文化协定执行计划》。")
    assert keys(found) == {"1985-11-19": {"甲乙关于对所得避免双重征税的协定", "甲乙文化协定执行计划"}}


def test_a_document_agreed_in_substance_is_not_signed_at_the_summit():
    agreed = HEAD + ("2014年4月7日，甲国总理[[张三]]在访问乙国期间与乙国总理[[李四]]在[[某城]]举行会谈，双方宣布就"
                     "[[甲乙经济伙伴关系协定]]达成实质协议，并发表《甲乙首脑会谈共同声明》。")
    signed = agreed.replace("双方宣布就[[甲乙经济伙伴关系协定]]达成实质协议", "双方签署了[[甲乙经济伙伴关系协定]]")
    assert keys(documents(agreed)) == {"2014-04-07": {"甲乙首脑会谈共同声明"}}
    assert keys(documents(signed)) == {"2014-04-07": {"甲乙经济伙伴关系协定", "甲乙首脑会谈共同声明"}}


def documents_by_meeting(text, title="甲乙会晤"):
    """(start date, its participants) → the Simplified names of the summit's documents (two
    summits on one day apart)."""
    out = {}
    for start, about, shown, _ in _summits(text, title):
        people = "、".join(sorted(shown[f.value] for f in about if f.prop is Prop.PARTICIPANT))
        out[(start, people)] = {shown[f.value] for f in about if f.prop is Prop.OUTCOME}
    return out


THREE_MET = "2018年5月9日上午，甲国总理[[张三]]、乙国总统[[李四]]和丙国首相[[王五]]在[[某城]]举行三国领导人会议。"


def test_what_is_signed_after_the_account_goes_on_to_another_meeting_is_that_meetings():
    text = HEAD + THREE_MET + "当天下午，张三与王五举行会谈。会谈后，两国总理共同见证签署《甲丙社会保障协定》。\n"
    assert documents_by_meeting(text) == {("2018-05-09", "张三、李四、王五"): set(),
                                          ("2018-05-09", "张三、王五"): {"甲丙社会保障协定"}}


def test_a_statement_the_sentence_telling_the_later_meeting_names_after_it_is_that_meetings():
    text = HEAD + ("2022年7月19日，甲国总统[[张三]]与乙国总统[[李四]]在[[某城]]举行会谈。"
                   "同日，张三、李四与丙国总统[[王五]]举行三方峰会，就某国问题发表三方联合声明。\n")
    assert documents_by_meeting(text) == {("2022-07-19", "张三、李四"): set(),
                                          ("2022-07-19", "张三、李四、王五"): {"三方联合声明"}}


@pytest.mark.parametrize("told", [
    # named before the later meeting in its sentence: the first meeting's
    "会议发表了《甲乙丙联合宣言》，随后张三与王五举行双边会谈。",
    # the later meeting is on other days, which the document is not of
    "5月14日，张三与王五在[[乙城]]举行会谈。三国领导人5月9日发表的《甲乙丙联合宣言》强调合作。",
])
def test_what_the_first_meeting_issued_stays_its_own(told):
    found = documents_by_meeting(HEAD + THREE_MET + told + "\n")
    assert found[("2018-05-09", "张三、李四、王五")] == {"甲乙丙联合宣言"}


def test_an_aside_clause_in_a_year_of_its_own_does_not_set_the_year_a_bare_day_is_in():
    text = HEAD + ("== 乙国 ==\n2016年6月1日，甲国总统[[张三]]抵达[[某都]]，开始对乙国的国事访问，这是继2000年[[王五]]之后甲国总统首次访问乙国。"
                   "3日，她在[[某宫]]与乙国总理[[李四]]举行会谈，双方发表了纪念甲乙建交130周年的联合声明。\n")
    assert keys(documents(text)) == {"2016-06-03": {"纪念甲乙建交130周年的联合声明"}}


def test_a_bare_day_is_in_the_month_its_paragraph_told_last_in_the_text():
    """A sentence that tells a month before the visit's days (``2034年3月就任后，…于6月4日至8日访问``) has got to the
    visit's days: a bare ``8日`` after it is of June, not of the month the office was taken up in."""
    text = HEAD + ("2034年3月再度就任总理后，乙国总理[[李四]]应甲国总理[[张三]]邀请，于6月4日至8日对甲国进行正式访问。"
                   "7日，张三在[[某堂]]同李四举行会谈。8日，两国发表联合声明。\n")
    assert keys(documents(text)) == {"2034-06-04": {"联合声明"}}
    # near miss: where a month is told after the visit's days (``…6月4日至6日访问甲国，9月又访问丙国``), a bare day is of it
    later = text.replace("于6月4日至8日对甲国进行正式访问。", "于6月4日至6日对甲国进行正式访问，9月又访问丙国。")
    assert keys(documents(later.replace("7日，张三", "5日，张三"))) == {"2034-06-04": set()}


def test_the_years_a_titled_plan_runs_in_brackets_after_it_date_nothing():
    """``签署了《甲乙三年战略合作计划》（2034—2036年），…，并发表联合声明``: the bracketed years are how the text names the
    plan, not a time the sentence is at; both documents are the meeting's. A year the clause itself gives
    (``2036年，双方发表联合声明``) still dates what follows it."""
    meeting = HEAD + "2034年1月25日，甲国总统[[张三]]抵达[[某城]]，随后与乙国总理[[李四]]在[[某宫]]举行会谈。\n\n"
    text = meeting + "会谈后，双方签署了《甲乙三年战略合作计划》（2034—2036年），涵盖国防等领域，并发表联合声明。\n"
    assert keys(documents(text)) == {"2034-01-25": {"甲乙三年战略合作计划", "联合声明"}}
    later = meeting + "会谈后，双方签署了《甲乙三年战略合作计划》；2036年，两国发表联合声明。\n"
    assert keys(documents(later)) == {"2034-01-25": {"甲乙三年战略合作计划"}}


@pytest.mark.parametrize("signed, names", [
    ("会谈后，两国元首共同见证签署共建“某某之路”合作规划等多项合作文件。", {"共建“某某之路”合作规划"}),
    ("双方签署了防务合作备忘录和避免双重征税协定修订议定书等七份文件。", {"防务合作备忘录", "避免双重征税协定修订议定书"}),
    # near misses: topics before the count (农村开发等十项合作文件), a plan word alone with modifiers (合作规划等多项文件)
    ("双方签署了农村开发等十项合作文件。", set()),
    ("双方签署了合作规划等多项文件。", set()),
])
def test_the_last_name_before_the_count_of_all_signed_is_a_document(signed, names):
    """``签署…X等N项文件``: the name before the count of all is one of the documents, whatever word of what was signed
    ends it (…合作规划) and whatever document word is inside it (…协定修订议定书)."""
    text = HEAD + "2034年1月25日，甲国总统[[张三]]抵达[[某城]]，随后与乙国总理[[李四]]在[[某宫]]举行会谈。" + signed + "\n"
    assert keys(documents(text)) == {"2034-01-25": names}


def test_the_clause_that_says_what_the_subject_is_is_no_aside():
    text = ("'''甲乙会谈'''，是甲国总统[[张三]]与乙国总理[[李四]]于1985年11月19日在[[某城]]举行的会晤。"
            "双方签署了《甲乙和平协定》。\n")
    assert keys(documents(text, title="甲乙会谈")) == {"1985-11-19": {"甲乙和平协定"}}


@pytest.mark.parametrize("sentence", [
    "两人还表示，希望当年在某组织的首脑会议上签署[[欧洲常规裁军协定]]。",  # wished, however far the verb
    "张三赞扬李四的领导力，但重申反对以现有文本签署[[甲乙自由贸易协定]]。",  # opposed
    "此访正值乙国因政府暂停签署[[甲乙联系国协定]]而爆发抗议之际。",  # suspended
    "双方重申年内缔结《甲乙全面经济合作协定》的目标。",  # a goal
    "这是甲国首次与未加入《不扩散核武器条约》的国家缔结此类协定。",  # a treaty one has not joined
    "声明写明，双方认识到缔结[[和平条约]]将有助于睦邻友好，并同意继续进行谈判。",  # what a document says
])
def test_a_document_wished_opposed_aimed_at_joined_or_said_in_another_is_not_the_summits(sentence):
    assert keys(documents(HEAD + MEETING + sentence)) == {"1985-11-19": set()}


def test_what_a_declaration_says_is_signed_later_names_no_document_of_the_summit():
    text = HEAD + MEETING + ("双方发表了《某城宣言》。"
                             "《某城宣言》指出，双方同意早日解决领土问题，进而签署甲乙和平友好条约。")
    assert keys(documents(text)) == {"1985-11-19": {"某城宣言"}}


@pytest.mark.parametrize("sentence, wanted", [
    ("双方希望加强合作，并签署了《甲乙文化协定》。", {"甲乙文化协定"}),  # the wish is another clause's
    ("双方签署了《甲乙投资协定》，反对保护主义。", {"甲乙投资协定"}),
    ("声明写明双方将加强合作；双方还签署了《甲乙科技合作协定》。", {"甲乙科技合作协定"}),  # the part after ；
    ("双方签署《甲乙合作计划》的目的是加强合作。", {"甲乙合作计划"}),  # a purpose, not a goal of signing later
])
def test_a_wish_or_a_documents_words_in_another_part_leave_a_signing_done(sentence, wanted):
    assert keys(documents(HEAD + MEETING + sentence)) == {"1985-11-19": wanted}


def test_a_treatys_short_name_by_its_sides_and_its_full_name_are_one():
    text = HEAD + MEETING + ("访问期间，张三同李四签署了《甲乙友好合作条约》。"
                             "11月20日，两人签署了为期25年的《甲国和乙国共和国友好合作条约》。")
    found = documents(text)
    assert len(found["1985-11-19"]) == 1
    assert {"甲乙友好合作条约", "甲国和乙国共和国友好合作条约"} <= found["1985-11-19"][0][1]


def test_a_treaty_of_other_sides_is_not_folded_into_the_short_name():
    text = HEAD + MEETING + "访问期间，双方签署了《甲乙友好合作条约》和《甲国和丙国友好合作条约》。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙友好合作条约", "甲国和丙国友好合作条约"}}


def test_what_followed_the_meeting_told_before_is_not_the_next_meetings():
    text = HEAD + ("2023年3月21日，甲国首相[[张三]]与乙国总统[[李四]]在[[某都]]举行会谈。\n\n"
                   "两国领导人会后发表《甲乙特别伙伴关系联合声明》。\n\n"
                   "3月22日，张三在[[另都]]与丙国总理[[王五]]举行会谈。\n")
    assert documents_by_meeting(text) == {("2023-03-21", "张三、李四"): {"甲乙特别伙伴关系联合声明"},
                                          ("2023-03-22", "张三、王五"): set()}


SIDELINES = ("'''2033年某城峰会'''于2033年6月14日在[[某城]]举行。\n== 场边会晤 ==\n"
             "2033年6月12日至14日，甲国主席[[张三]]对[[乙国]]进行国事访问，并与乙国总统[[李四]]举行会谈。\n== 峰会 ==\n")


@pytest.mark.parametrize("text", [
    SIDELINES + "6月14日，成员国领导人签署《某城宣言》，会议发表了《某城新闻公报》。\n",  # its sides sign, then it issues
    SIDELINES + "6月14日，峰会闭幕，包括张三在内的各国领导人在闭幕式上共同签署《某城宣言》。\n",  # its sides
    ("'''2034年张三访问乙国'''是甲国总统[[张三]]于2034年1月22日至25日对[[乙国]]的正式访问。\n== 访问 ==\n"
     "1月23日，张三与乙国总统[[李四]]在[[乙都]]举行会晤。\n\n"
     "1月24日，[[丙组织]]第七届首脑会议在乙都举行，33国领导人与会，会议通过《乙都宣言》。\n"),  # it adopts, its sides counted
])
def test_a_gatherings_document_is_not_the_meeting_of_two_over_its_days(text):
    found = keys(documents(text, title=text[3:text.index("'''", 3)]))
    assert list(found.values()) == [set()]


@pytest.mark.parametrize("text, wanted", [
    ("'''甲乙丙峰会'''于2033年6月14日在[[某城]]举行。\n== 经过 ==\n2033年6月14日，甲国总统[[张三]]、乙国总统[[李四]]与"
     "丙国总统[[王五]]在[[某城]]举行三方会晤，三国领导人签署《某城宣言》。\n", {"2033-06-14": {"某城宣言"}}),  # three of three
    ("'''甲乙会议'''于2033年6月14日在[[某城]]举行。\n== 经过 ==\n2033年6月14日，甲国总理[[张三]]与乙国总理[[李四]]在"
     "[[某城]]举行会谈。两国总理年度会议通过了《甲乙合作规划》。\n", {"2033-06-14": {"甲乙合作规划"}}),  # a meeting of two
    (SIDELINES + "6月14日，与会领导人交换意见。会议发表了《某城新闻公报》。\n",
     {"2033-06-12": {"某城新闻公报"}}),  # no sides counted or signing in its sentence: the meeting may be the two's
])
def test_a_meetings_document_whose_signers_are_its_own_sides_stays_its(text, wanted):
    assert keys(documents(text, title=text[3:text.index("'''", 3)])) == wanted


@pytest.mark.parametrize("cell, wanted", [
    ("签署某型导弹采购合同", [("某型导弹采购合同", False)]),  # a contract is a document
    ("签署3.5亿英镑贷款协议", [("贷款协议", False)]),  # what it is worth is no part of its name
    ("约40亿欧元合同", []),  # a sum alone names none
    ("签署购买货轮、渔业合作等合同", []),  # a description
])
def test_a_contract_and_a_deal_by_what_it_is_worth(cell, wanted):
    assert cell_documents(cell) == wanted


def test_what_companies_sign_is_not_the_summits_nor_what_its_list_includes():
    text = HEAD + MEETING + "在两国领导人见证下，双方企业签署了总额逾30亿美元的商业协议，其中包括甲国某公司向乙国航空公司出售客机的合同。"
    assert keys(documents(text)) == {"1985-11-19": set()}
    by_governments = HEAD + MEETING + "两国政府签署了5项协议，其中包括某港租赁合同。"
    assert keys(documents(by_governments)) == {"1985-11-19": {"某港租赁合同"}}


VISIT_BOX = ("{{Infobox diplomatic visit\n| name = 2034年张三访问乙国\n| date = 2034年3月6日－8日\n"
             "| participants = [[张三]]<br />[[李四]]\n| outcome = 《甲乙联合声明》；签署3项协议，包括某港租赁合同\n}}\n")
VISIT = "'''2034年张三访问乙国'''是甲国总统[[张三]]于2034年3月6日至8日对乙国的国事访问。\n== 经过 ==\n"


def test_a_visits_infobox_names_what_the_one_summit_of_its_days_signed():
    text = VISIT_BOX + VISIT + "2034年3月7日，张三与乙国总理[[李四]]在[[某都]]举行会谈。\n"
    assert keys(documents(text, title="2034年张三访问乙国")) == {"2034-03-06": {"甲乙联合声明", "某港租赁合同"}}


def test_a_visits_infobox_names_no_document_of_a_tour_of_several_summits():
    box = VISIT_BOX.replace("2034年3月6日－8日", "2034年4月27日－5月2日")
    text = box + HEAD + ("2034年4月27日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤。\n\n"
                         "2034年5月1日，甲国总统[[张三]]与丙国总统[[王五]]在[[丙都]]举行会晤。\n")
    assert keys(documents(text)) == {"2034-04-27": set(), "2034-05-01": set()}


def test_a_tours_infobox_names_a_document_of_the_stop_whose_days_the_prose_names_it_on():
    box = ("{{Infobox event\n| date = 2034年4月27日－5月2日\n| location = {{FRA}}[[某城]]<br />{{GER}}[[丙都]]\n"
           "| participants = [[张三]]<br />[[李四]]<br />[[王五]]\n| outcome = 签署《甲乙基本合作协定》\n}}\n")
    text = box + HEAD + ("2034年4月27日，甲国总统[[张三]]与法国总理[[李四]]在[[某城]]举行会晤。当晚，两国外长就"
                         "《甲乙基本合作协定》举行磋商。\n\n"
                         "2034年5月1日，甲国总统[[张三]]与德国总统[[王五]]在[[丙都]]举行会晤。\n")
    found = keys(documents(text))
    assert found["2034-04-27"] == {"甲乙基本合作协定"} and found["2034-05-01"] == set()
    unnamed = text.replace("当晚，两国外长就《甲乙基本合作协定》举行磋商。", "")  # the prose names it nowhere
    assert keys(documents(unnamed)) == {"2034-04-27": set(), "2034-05-01": set()}


def test_a_visits_infobox_names_no_later_document_and_shortens_none_into_another():
    box = VISIT_BOX.replace("《甲乙联合声明》；签署3项协议，包括某港租赁合同",
                            "为翌年的《[[甲乙合作条约]]》奠定基础；关于购买某型战机的政府间谅解备忘录")
    text = box + VISIT + "2034年3月7日，张三与乙国总理[[李四]]在[[某都]]举行会谈，签署了关于乙国购买某型战机的政府间谅解备忘录。\n"
    assert keys(documents(text, title="2034年张三访问乙国")) == {"2034-03-06": {"关于乙国购买某型战机的政府间谅解备忘录"}}


def test_a_visits_infobox_that_shortens_a_documents_name_gives_it_that_name_too():
    box = VISIT_BOX.replace("《甲乙联合声明》；签署3项协议，包括某港租赁合同", "签署3项协议，包括某港一期租赁合同")
    text = box + VISIT + "2034年3月7日，张三与乙国总理[[李四]]在[[某都]]举行会谈，签署了包括[[某港]]某港一期租赁合同在内的3项协议。\n"
    found = documents(text, title="2034年张三访问乙国")
    assert keys(found) == {"2034-03-06": {"某港某港一期租赁合同"}}
    assert "某港一期租赁合同" in dict(found["2034-03-06"])["某港某港一期租赁合同"]


@pytest.mark.parametrize("sentence", [
    "在1990年代《甲乙和平协议》签署后，两国关系一度回暖。",  # the time since it was signed
    "自《甲乙停战协定》签订以来，两国领导人从未会晤。",
    "张三在[[某城议定书]]通过10周年之际前往某城发表演讲。",  # an anniversary
])
def test_a_document_signed_before_the_time_a_sentence_tells_is_not_the_summits(sentence):
    assert keys(documents(HEAD + MEETING + sentence)) == {"1985-11-19": set()}


def test_a_document_signed_and_then_told_of_is_the_summits():
    text = HEAD + MEETING + "会谈后，双方签署《甲乙和平协议》后共同会见记者。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙和平协议"}}


def test_a_statement_of_three_parties_issued_is_named_by_its_whole_kind():
    three = ("1985年11月19日，甲国总统[[张三]]、乙国总理[[李四]]与丙国总统[[王五]]在[[某城]]举行三方会晤，"
             "就某地局势发表三方联合声明。")
    assert keys(documents(HEAD + three)) == {"1985-11-19": {"三方联合声明"}}
    two = HEAD + MEETING + "会谈后，双方发表联合声明。"  # the sides before the kind are no part of it
    assert keys(documents(two)) == {"1985-11-19": {"联合声明"}}


MEETING_2033 = "2033年5月8日至9日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤。"


def test_a_listed_item_may_name_who_signed_it_or_that_it_was_renewed_before_its_name():
    text = HEAD + MEETING_2033 + ("\n== 签署文件 ==\n会谈后，两国元首见证签署以下文件：\n"
                                  "* 甲国交通部与乙国国土交通部《交通合作备忘录》\n"
                                  "* 甲国政府与[[某城银行]]《某港贷款协议》\n"
                                  "* 续签2031年《文化合作谅解备忘录》\n")
    assert keys(documents(text)) == {"2033-05-08": {"交通合作备忘录", "某港贷款协议", "文化合作谅解备忘录"}}


def test_a_listed_item_that_tells_what_the_sides_do_with_a_document_names_none():
    text = HEAD + MEETING_2033 + ("\n== 签署文件 ==\n会谈后，两国元首见证签署以下文件：\n"
                                  "* 《甲乙贸易协议》\n* 甲乙坚守和积极实践《某城宣言》\n")
    assert keys(documents(text)) == {"2033-05-08": {"甲乙贸易协议"}}


@pytest.mark.parametrize("sentence, wanted", [
    ("会谈后，两国于9日发表共同新闻公报。", {"共同新闻公报"}),
    ("会谈后，双方发表联合新闻公报。", {"联合新闻公报"}),
    ("会谈后，甲国政府另发表新闻公报。", set()),  # one side's
])
def test_a_joint_press_communique_by_its_kind_alone_is_the_summits(sentence, wanted):
    assert keys(documents(HEAD + MEETING_2033 + sentence)) == {"2033-05-08": wanted}


def test_a_listed_exchange_of_notes_named_by_what_it_is_about():
    text = HEAD + MEETING_2033 + ("\n== 签署文件 ==\n此访期间两国共签署3项协议，主要包括：\n"
                                  "* 《甲乙经济技术合作谅解备忘录》\n* 关于某城附近某隧道建设的换文\n"
                                  "* 对2031年换文所划界线作出调整；\n")
    assert keys(documents(text)) == {"2033-05-08": {"甲乙经济技术合作谅解备忘录", "关于某城附近某隧道建设的换文"}}


VISIT_BOX_2033 = ("{{Infobox summit meeting\n| date = {{Start date|2033|6|22}}－{{End date|2033|6|26}}\n"
             "| participants = [[张三]]<br>[[李四]]\n}}\n'''2033年张三访问乙国'''是指甲国总统[[张三]]于2033年6月22日至26日"
             "对乙国进行的国事访问。\n== 访问行程 ==\n6月24日下午，李四在某城同张三举行会谈。")


@pytest.mark.parametrize("said, wanted", [
    ("李四宣布乙方决定对甲国公民实施20日单方面免签。", {"甲乙行动计划"}),  # a number of days, no day
    ("李四宣布乙方决定自15日起对甲国公民实施免签政策。", set()),  # the 15th: the sentence after goes on then
])
def test_a_number_of_days_is_no_day_the_account_goes_on_at(said, wanted):
    text = VISIT_BOX_2033 + said + "会谈后，双方共同发表了《甲乙行动计划》。"
    assert keys(documents(text, title="2033年张三访问乙国")) == {"2033-06-22": wanted}


def test_a_plans_years_in_brackets_after_its_name_are_part_of_a_name_of_it():
    found = documents(VISIT_BOX_2033 + "会谈后，双方共同发表了《甲乙行动计划（2034—2037年）》。", title="2033年张三访问乙国")
    assert keys(found) == {"2033-06-22": {"甲乙行动计划"}}
    assert "甲乙行动计划（2034—2037年）" in dict(found["2033-06-22"])["甲乙行动计划"]
    found = documents(HEAD + MEETING_2033 + "会谈后，双方发表了《甲乙联合声明 (2033年)》。")
    assert "甲乙联合声明 (2033年)" not in dict(found["2033-05-08"])["甲乙联合声明"]  # one year: a disambiguator


@pytest.mark.parametrize("said, wanted", [
    ("张三在致辞中宣布，到2040年将对乙国的援助增至10亿美元。", {"甲乙峰会联合宣言"}),  # a target year
    ("张三在致辞中回顾，2031年两国首次举行会晤。", set()),  # a time told: the sentence after goes on then
])
def test_a_year_something_is_to_be_done_by_is_no_time_the_account_goes_on_at(said, wanted):
    text = HEAD + MEETING_2033 + said + "会后，张三与李四共同发表《甲乙峰会联合宣言》。"
    assert keys(documents(text)) == {"2033-05-08": wanted}


@pytest.mark.parametrize("said, wanted", [
    ("2033年5月8日，在[[某组织峰会]]开幕前夕，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会谈，"
     "两国随后签署了《甲乙渔业协定》。", {"甲乙渔业协定"}),  # the eve of another gathering: the talks' time
    (MEETING_2033 + "会晤前夕，两国外长签署了《甲乙渔业协定》。", set()),  # the eve of the meeting: before it
])
def test_talks_on_the_eve_of_another_gathering_sign_what_follows_them(said, wanted):
    assert keys(documents(HEAD + said)) == {"2033-05-08": wanted}


@pytest.mark.parametrize("said, wanted", [
    ("双方签署了互免签证协定。", {"互免签证协定"}),  # 签 of 签证: a visa, no verb
    ("双方签署了甲国向某港项目提供贷款的协定。", {"甲国向某港项目提供贷款的协定"}),  # 项 of 项目: a project, no count
    ("双方签署了两项合作协定。", set()),  # a count: a description
])
def test_a_visa_or_a_project_in_an_unquoted_name_is_part_of_it(said, wanted):
    assert keys(documents(HEAD + MEETING_2033 + said)) == {"2033-05-08": wanted}


TOUR_2033 = ("'''2033年张三出访乙国和丙国'''是甲国总统[[张三]]于2033年5月7日至11日对乙国和丙国进行的正式访问。\n== 行程 ==\n"
             "=== 乙国 ===\n5月7日至9日，张三访问乙国。5月8日，张三在[[某城]]与乙国总统[[李四]]举行会谈。{}\n"
             "=== 丙国 ===\n5月10日至11日，张三访问丙国。5月10日，张三在[[某镇]]与丙国总统[[王五]]会谈，"
             "双方就渔业合作达成共识，并签署了《甲丙渔业协定》。\n")


@pytest.mark.parametrize("said, wanted", [
    ("", set()),  # 丙国's section tells only the meeting with 王五: its signing is that meeting's
    ("会谈后，两人签署了《甲乙航运协定》。", {"甲乙航运协定"}),  # the defined summit's own section
])
def test_a_section_that_tells_only_another_meeting_gives_the_defined_summit_nothing(said, wanted):
    found = keys(documents(TOUR_2033.format(said), title="2033年张三出访乙国和丙国"))
    assert found == {"2033-05-07": wanted, "2033-05-10": {"甲丙渔业协定"}}


def test_a_statement_named_by_its_sides_and_its_kind_is_the_one_about_something_of_those_sides():
    text = HEAD + MEETING_2033 + ("会谈后，双方发表了《甲乙关于建立某某伙伴关系的联合宣言》。"
                                  "5月9日，《甲乙联合宣言》全文在某城发表。")
    found = documents(text)
    assert len(found["2033-05-08"]) == 1
    assert {"甲乙联合宣言", "甲乙关于建立某某伙伴关系的联合宣言"} <= found["2033-05-08"][0][1]


@pytest.mark.parametrize("said, wanted", [
    ("会谈后，双方发表了《甲乙联合宣言》和《甲乙关于某问题的联合宣言》。",  # listed together: two
     {"甲乙联合宣言", "甲乙关于某问题的联合宣言"}),
    ("会谈后，双方发表了《甲乙关于某问题的联合宣言》。5月9日，双方又发表了《甲丙联合宣言》。",  # other sides
     {"甲丙联合宣言", "甲乙关于某问题的联合宣言"}),
])
def test_a_statement_by_its_sides_stays_apart_from_one_about_something_listed_with_it_or_of_other_sides(said, wanted):
    assert keys(documents(HEAD + MEETING_2033 + said)) == {"2033-05-08": wanted}


YEARLESS_2033 = ("'''2033年张三访问乙国'''是指甲国总统[[张三]]于2033年5月对乙国进行的国事访问。"
                 "5月8日，乙国总理[[李四]]在[[某城]]与张三举行会谈。\n== 成果 ==\n{}5月8日，两国发表《甲乙联合声明》。\n"
                 "== 后续 ==\n2035年6月2日，李四在[[某镇]]与张三再次会谈。\n")


@pytest.mark.parametrize("before, wanted", [
    ("", {"甲乙联合声明"}),  # no year in its section: the day is the summit's, in its year
    ("2031年，两国签署《甲乙建交公报》。\n\n", set()),  # its section gave a year: the day may be of that year
])
def test_a_day_without_its_year_in_a_section_that_gave_none_dates_a_document_to_the_summit_of_that_day(before, wanted):
    found = keys(documents(YEARLESS_2033.format(before), title="2033年张三访问乙国"))
    assert found == {"2033-05-08": wanted, "2035-06-02": set()}


@pytest.mark.parametrize("said, wanted", [
    ("会晤后，两国发表联合声明，宣布建交。\n\n两国领导人在会晤后发表声明，承诺加强合作。", 1),  # one statement, two kind words
    ("会晤后，两国发表联合声明，并发表联合公报。", 2),  # a communiqué is no statement: two documents
])
def test_a_summits_statements_by_their_kinds_alone_are_one(said, wanted):
    assert len(documents(HEAD + MEETING_2033 + said)["2033-05-08"]) == wanted


@pytest.mark.parametrize("said, wanted", [
    # the sides a name opens with are whose bodies signed it: the name is what follows them
    ("会谈后，两国元首出席了三项合作文件的签字仪式，包括两国商会贸易促进协定、两国官方媒体交流谅解备忘录和某港建设合作协定。",
     {"商会贸易促进协定", "媒体交流谅解备忘录", "某港建设合作协定"}),
    ("会谈后，两国元首出席了两国商会贸易促进协定的签字仪式。", {"商会贸易促进协定"}),
    # the governments a formal name is between are part of it (甲国政府和乙国政府关于…的协议)
    ("会谈后，两国元首出席了两国政府间关于某桥建设合作的协议的签字仪式。", {"两国政府间关于某桥建设合作的协议"}),
    ("会谈后，两国签署了两国合作协定。", set()),  # the sides and a modifier: a description, no name
])
def test_the_two_sides_before_a_name_are_no_part_of_it_unless_its_governments_are_between_them(said, wanted):
    assert keys(documents(HEAD + MEETING_2033 + said)) == {"2033-05-08": wanted}


@pytest.mark.parametrize("said, wanted", [
    # the years a name gives last, in a parenthesis: it is a plan all the same, and its signing is witnessed
    ("会谈后，两国元首共同见证《甲乙共同行动计划（2034—2038年）》以及经贸等领域合作文件的签署。", {"甲乙共同行动计划"}),
    ("会谈后，两国元首共同见证《甲乙共同行动计划（草案）》的签署。", set()),  # no years: the name ends in no kind
    ("会谈后，两国元首谈到《甲乙共同行动计划（2034—2038年）》。", set()),  # no signing: no outcome
])
def test_a_name_that_ends_in_its_years_in_a_parenthesis_ends_in_the_kind_before_them(said, wanted):
    assert keys(documents(HEAD + MEETING_2033 + said)) == {"2033-05-08": wanted}


@pytest.mark.parametrize("said, wanted", [
    ("双方签署有效期至2038年的甲乙军事合作协定。", {"甲乙军事合作协定"}),  # how long it holds: no part of its name
    ("双方签署有效期为十年的甲乙军事合作协定。", {"甲乙军事合作协定"}),
    ("双方签署有效期为十年的协定。", set()),  # its kind alone after the measure: no name
])
def test_how_long_a_document_holds_before_its_name_is_no_part_of_it(said, wanted):
    text = HEAD + "2033年5月8日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]会晤，" + said
    assert keys(documents(text)) == {"2033-05-08": wanted}


@pytest.mark.parametrize("said, wanted", [
    # a point between digits is the name's, as a version's (3.0版): the name goes on past it
    ("会谈后，二人签署了关于启动甲乙伙伴关系3.0版的联合声明。", {"关于启动甲乙伙伴关系3.0版的联合声明"}),
    ("会谈后，二人签署了甲乙伙伴关系3.0版联合声明。", {"甲乙伙伴关系3.0版联合声明"}),
    ("会谈后，二人签署了甲乙伙伴关系3.版联合声明。", set()),  # no digit after the point: no version, no name
])
def test_a_point_between_digits_goes_on_with_a_name(said, wanted):
    assert keys(documents(HEAD + MEETING_2033 + said)) == {"2033-05-08": wanted}


def _row_and_prose(cell, prose):
    return ("'''甲乙领导人会晤'''是甲国与乙国领导人的定期会晤。\n== 历次会晤 ==\n{| class=\"wikitable\"\n"
            "! 次序 !! 日期 !! 地点 !! 出席者 !! 主要成果\n|-\n"
            f"| 1 || 2034年6月3日 || [[某城]] || [[张三]]、[[李四]] || {cell}\n|}}\n"
            f"== 经过 ==\n2034年6月3日，甲国总理[[张三]]在[[某城]]与乙国总统[[李四]]举行会晤，{prose}\n")


@pytest.mark.parametrize("cell, prose, wanted", [
    # a table's cell leaves out the sides the prose's name of the subject gives: one statement
    ("签署关于深化伙伴关系的联合声明", "二人签署了关于深化两国伙伴关系的联合声明。", 1),
    ("签署关于深化伙伴关系的联合声明", "二人签署了关于深化双方伙伴关系的联合声明。", 1),
    # other words than the sides: two statements
    ("签署关于深化伙伴关系的联合声明", "二人签署了关于深化两国经贸伙伴关系的联合声明。", 2),
])
def test_a_subject_written_with_and_without_the_sides_names_one_document(cell, prose, wanted):
    assert len(documents(_row_and_prose(cell, prose), title="甲乙领导人会晤")["2034-06-03"]) == wanted


@pytest.mark.parametrize("said, wanted", [
    # the first of its kind the sides signed: no part of the name, which follows it
    ("会谈后，两国签署了首份甲乙防务合作协定。", {"甲乙防务合作协定"}),
    ("会谈后，两国签署了五项文件，其中包括两国首份海事合作谅解备忘录以及某港建设合作协议。",
     {"海事合作谅解备忘录", "某港建设合作协议"}),
    ("会谈后，两国签署了首份协定。", set()),  # its kind alone after it: no name
])
def test_the_first_of_its_kind_before_a_name_is_no_part_of_it(said, wanted):
    assert keys(documents(HEAD + MEETING_2033 + said)) == {"2033-05-08": wanted}


@pytest.mark.parametrize("item, wanted", [
    # an item listing several names: each one is what was signed, also after the first one's note
    ("* 《甲乙海关协定》、《某港合作备忘录》和《某河议定书》\n", {"甲乙海关协定", "某港合作备忘录", "某河议定书"}),
    ("* 《甲乙海关协定》（由两国部长签署）和《某港合作备忘录》\n", {"甲乙海关协定", "某港合作备忘录"}),
    # a name the item gives after other words is no item of the list
    ("* 《甲乙海关协定》，取代了《甲乙旧海关协定》\n", {"甲乙海关协定"}),
])
def test_an_item_that_lists_several_names_names_each(item, wanted):
    text = HEAD + MEETING_2033 + "\n== 成果 ==\n会谈后，双方签署了多项协议，其中包括：\n" + item
    assert keys(documents(text)) == {"2033-05-08": wanted}


@pytest.mark.parametrize("said, wanted", [
    # a box's title and subtitle, the prose's title alone: one statement
    ("会谈后，双方发表《某城精神》。", 1),
    # the prose's subtitle alone: one statement
    ("会谈后，双方发表《甲乙联合声明》。", 1),
    # another name, one the whole holds but neither part is: two documents
    ("会谈后，双方发表《某城精神宣言》。", 2),
])
def test_a_title_and_subtitle_and_a_part_alone_name_one_document(said, wanted):
    box = (BOX.replace("{{Start date|2023|3|20}}至{{End date|2023|3|22}}", "{{Start date|2036|3|20}}至{{End date|2036|3|22}}")
           .replace("《甲乙关于深化伙伴关系的联合声明》", "《某城精神：甲乙联合声明》"))
    text = box + HEAD + "2036年3月20日至22日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤。" + said
    assert len(documents(text)["2036-03-20"]) == wanted


MONTH_VISIT = ("'''2033年张三访问乙国'''是指甲国总理[[张三]]于2033年7月出席某运动会开幕式并对[[乙国]]进行的访问。\n"
               "== 会见 ==\n2033年7月28日上午，乙国主席[[李四]]在[[某城]]会见甲国总理张三。\n\n"
               "== 成果 ==\n访问期间，两国发表《甲国和乙国关于建立战略伙伴关系的联合声明》。\n\n"
               "== 后续 ==\n2035年11月4日，乙国总理[[王五]]在[[乙城]]会见甲国总理[[赵六]]。\n")


def test_an_article_defined_by_the_month_of_its_visit_gives_its_outcomes_section_to_the_summit_of_that_month():
    found = documents(MONTH_VISIT, "2033年张三访问乙国")
    assert keys(found) == {"2033-07-28": {"甲国和乙国关于建立战略伙伴关系的联合声明"}, "2035-11-04": set()}


def test_a_month_that_holds_several_summits_defines_none_of_them():
    tour = MONTH_VISIT.replace("== 成果 ==", "2033年7月30日，甲国总理张三在[[丙城]]会见丙国总统[[钱七]]。\n\n== 成果 ==")
    found = documents(tour, "2033年张三访问乙国")
    assert keys(found) == {"2033-07-28": set(), "2033-07-30": set(), "2035-11-04": set()}


@pytest.mark.parametrize("said, wanted", [
    ("双方还在新闻发布会前起草了甲乙文化合作谅解备忘录。", []),  # a press conference: no verb of issuing
    ("双方在会谈后发布甲乙文化合作谅解备忘录。", ["甲乙文化合作谅解备忘录"]),
])
def test_a_press_conference_issues_no_name_written_after_it(said, wanted):
    assert [said[a:b] for a, b in unquoted_names(said)] == wanted



def test_a_deadline_in_what_a_document_requires_is_no_time_the_account_reaches():
    text = HEAD + ("2033年6月1日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤，签署了《甲乙化学武器协定》。"
                   "协定要求双方在2035年以前开始销毁化学武器，并于2039年12月31日前将库存减半。"
                   "同日，两人还签署了《甲乙贸易协定》。")
    assert keys(documents(text)) == {"2033-06-01": {"甲乙化学武器协定", "甲乙贸易协定"}}


def test_a_day_something_is_to_be_done_by_is_blanked_but_not_a_day_one_leaves_on():
    from kg.extract.documents import deadlines_blanked
    assert deadlines_blanked("并于2039年12月31日前将库存减半") == "并于〃〃〃〃〃〃〃〃〃〃〃前将库存减半"
    assert deadlines_blanked("张三于2039年10月16日前往乙国") == "张三于2039年10月16日前往乙国"  # went that day


def test_a_treaty_a_statement_is_about_is_no_document_signed():
    text = HEAD + MEETING + "会晤结束时，两人签署了《甲乙贸易协定》，并就[[甲乙裁军条约]]的主要条款发表联合声明。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙贸易协定", "联合声明"}}


def test_an_undated_paragraph_of_a_years_section_names_that_years_summits_documents():
    text = ("'''甲乙领导人年度会议'''是[[甲国]]与[[乙国]]领导人的年度会议。\n"
            "== 历次会议 ==\n{| class=\"wikitable\"\n! 届次 !! 日期 !! 地点 !! 甲国总理 !! 乙国总理 !! 主要成果\n|-\n"
            "| 第一届 || 2033年10月11日—13日 || [[某城]] || [[张三]] || [[李四]] || 签署一揽子协议\n|-\n"
            "| 第二届 || 2034年6月3日 || [[乙城]] || [[张三]] || [[李四]] || 讨论氢能合作\n|}\n"
            "== 2033年 ==\n2033年10月11日，张三宣布李四将于本月11日至13日访问某城。\n\n"
            "两国总理共同见证了一系列协议的签署，包括《甲乙军事训练谅解备忘录》以及科学创新备忘录。\n"
            "== 2034年至2035年 ==\n2034年6月3日，张三宣布李四将于本月访问乙城。\n\n"
            "两国总理签署了《甲乙数字经济协定》。\n")
    found = keys(documents(text, "甲乙领导人年度会议"))
    assert found["2033-10-11"] == {"甲乙军事训练谅解备忘录", "科学创新备忘录"}
    assert "甲乙数字经济协定" not in found.get("2034-06-03", set())  # a section of two years: which one is unknown


@pytest.mark.parametrize("hans, wanted", [
    ("会谈后，两国元首共同见证了甲乙经济技术合作协定以及粮食、旅游等领域合作文件的签署", ["甲乙经济技术合作协定"]),
    ("两国元首共同见证了两国政府海运合作协定以及渔业等领域合作文件的签署", ["两国政府海运合作协定"]),  # the governments
    ("会谈后，两人出席两国政府航空运输协定、互免签证等合作文件签字仪式", ["两国政府航空运输协定"]),
    ("两国元首共同见证了两国政府合作协议等多项合作文件的签署", []),  # the sides and a modifier alone
    ("两国元首共同见证了两国政府间协议等文件的签署", []),  # the sides alone
    ("会谈后，两人共同见证了双边合作文件的签署", []),
    ("两国元首共同见证了“某路”建设合作规划等双边合作文件的签署", ["“某路”建设合作规划"]),
    ("两人共同见证某桥完成衔接，以及甲乙经济特区谅解备忘录的签署", ["甲乙经济特区谅解备忘录"]),
    ("两人见证了四份谅解备忘录和意向书的签署", []),  # counted, and a kind alone
    ("两人出席了双边协定和谅解备忘录的签署仪式", []),  # kinds alone
    ("两人见证了能源、电力、航空等领域合作文件的签署", []),  # a description
])
def test_names_listed_before_the_signing_a_leader_witnessed(hans, wanted):
    assert [hans[a:b] for a, b in ceremony_names(hans)] == wanted


def test_a_name_opening_what_the_document_says_is_no_signing():
    text = HEAD + MEETING + ("会晤结束时，双方签署《甲乙和平协定》。\n== 内容 ==\n"
                             "《宣言》确认两国致力于和平，强调通过友好协商解决争议。《条约》是两国签署的首份政治文件。\n")
    assert keys(documents(text)) == {"1985-11-19": {"甲乙和平协定"}}


def test_a_definition_that_dates_the_document_dates_it():
    text = ("'''甲乙宣言'''是一份宣言。\n== 签署 ==\n" + MEETING +
            "《甲乙宣言》是甲国与乙国于1985年11月20日签署的政治文件。\n")
    assert keys(documents(text, "甲乙宣言")) == {"1985-11-19": {"甲乙宣言"}}


def test_a_comma_in_the_parenthesis_after_a_name_does_not_end_its_clause():
    text = HEAD + ("2033年11月11日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤，会议发表《甲乙联合声明》。\n"
                   "《甲乙海洋宣言》（英语：Declaration on the Sea，简称DOS）是两国于2032年11月4日签署的政治文件。\n")
    assert keys(documents(text)) == {"2033-11-11": {"甲乙联合声明"}}


@pytest.mark.parametrize("sentence", [
    "张三指出，44年前，两国领导人就是在某宾馆达成《甲乙公报》，开启了关系正常化进程。",  # a time told back, its own clause
    "此外，甲国国家石油公司还与乙方签署了上游油气勘探合作保密协议。",  # a company's deal with a side
])
def test_what_was_done_years_before_or_by_a_company_with_a_side_is_not_the_summits(sentence):
    assert keys(documents(HEAD + MEETING + "会晤结束时，双方签署《甲乙和平协定》。" + sentence)) == \
        {"1985-11-19": {"甲乙和平协定"}}


@pytest.mark.parametrize("sentence", [
    "同日，张三出席在某城举行的某组织第四次峰会，峰会通过了《某城宣言》。",  # the gathering one of the two attended
    "同日，张三出席某组织某城峰会，各成员国元首签署并发表《某城宣言》。",  # its members, before their first verb
])
def test_what_a_gathering_one_of_the_two_attends_adopts_is_not_their_summits(sentence):
    text = HEAD + MEETING + "会晤结束时，双方签署《甲乙和平协定》。" + sentence
    assert keys(documents(text)) == {"1985-11-19": {"甲乙和平协定"}}


def test_a_document_the_sides_had_approved_before_is_not_the_summits():
    text = HEAD + MEETING + "会晤结束时，双方签署《甲乙和平协定》。两国此前已批准《2030年经贸合作路线图》。"
    assert keys(documents(text)) == {"1985-11-19": {"甲乙和平协定"}}


MEETING_2034 = "2034年6月5日至6日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会晤。"


def test_a_name_that_leaves_out_words_of_the_summits_other_name_of_its_kind_is_that_document():
    text = HEAD + MEETING_2034 + ("会谈后，两人签署在第三国出现紧急情况下保护彼此国民的谅解备忘录。"
                                  "次日，两国签署了甲乙有关装备品与技术转移的政府间协定。\n"
                                  "== 成果 ==\n* 在第三国保护彼此国民的谅解备忘录\n* 装备品及技术转移协定\n")
    names = sorted((sorted(names) for _, names in documents(text)["2034-06-05"]), key=len)
    assert len(names) == 2
    assert {"在第三国保护彼此国民的谅解备忘录", "在第三国出现紧急情况下保护彼此国民的谅解备忘录"} <= set(names[0] + names[1])
    assert any({"装备品及技术转移协定", "甲乙有关装备品与技术转移的政府间协定"} <= set(n) for n in names)
    assert any({"在第三国保护彼此国民的谅解备忘录", "在第三国出现紧急情况下保护彼此国民的谅解备忘录"} <= set(n) for n in names)


def test_a_name_that_leaves_out_words_stays_its_own_where_a_sentence_lists_both():
    text = HEAD + MEETING_2034 + "会谈后，双方签署了某港技术合作协定和某港技术合作计划框架协定。"
    assert keys(documents(text)) == {"2034-06-05": {"某港技术合作协定", "某港技术合作计划框架协定"}}


def test_a_title_in_a_parenthesis_after_another_in_an_outcome_cell_is_its_other_name():
    box = BOX.replace("《甲乙关于深化伙伴关系的联合声明》", "签署《甲国—乙国友好合作条约》（《某城条约》）")
    text = box + "'''甲乙会谈'''是甲国与乙国于2023年3月20日至22日的会谈。\n"
    found = documents(text, title="甲乙会谈")
    (document,) = found["2023-03-20"]
    assert {"甲国—乙国友好合作条约", "某城条约"} <= document[1]


def test_two_titles_listed_in_an_outcome_cell_stay_two_documents():
    box = BOX.replace("《甲乙关于深化伙伴关系的联合声明》", "签署《甲国—乙国友好合作条约》、《某城条约》")
    text = box + "'''甲乙会谈'''是甲国与乙国于2023年3月20日至22日的会谈。\n"
    assert keys(documents(text, title="甲乙会谈")) == {"2023-03-20": {"甲国—乙国友好合作条约", "某城条约"}}


def test_a_kind_alone_that_the_text_says_is_a_titled_document_is_that_one():
    text = HEAD + MEETING_2034 + "会后，两国发表了一份长达三页的联合声明，即《某城对话与和平联合宣言》。"
    assert keys(documents(text)) == {"2034-06-05": {"某城对话与和平联合宣言"}}


def test_a_kind_alone_with_no_title_after_it_is_the_summits_own():
    text = HEAD + MEETING_2034 + "会后，两国发表了一份长达三页的联合声明，同意在某城再次会晤。"
    assert keys(documents(text)) == {"2034-06-05": {"联合声明"}}


def test_a_plan_word_in_a_quoted_project_name_is_no_plan():
    text = HEAD + MEETING_2034 + "会后两国在两位领导人见证下签署了「某城通勤铁路计划」贷款换文及《甲乙社会保障协定》。"
    assert keys(documents(text)) == {"2034-06-05": {"甲乙社会保障协定"}}


def test_a_plan_told_outside_quotes_is_still_a_plan():
    text = HEAD + MEETING_2034 + "两国计划于年内签署「某城通勤铁路」贷款换文及《甲乙社会保障协定》。"
    assert documents(text) == {"2034-06-05": []}


@pytest.mark.parametrize("hans, name", [
    ("双方并发表关于共同解决首都人口过密和老龄化等社会课题的政府间协商文件。", "关于共同解决首都人口过密和老龄化等社会课题的政府间协商文件"),
    ("两国发布了关于稳定和发展双边关系的五点共识。", "关于稳定和发展双边关系的五点共识"),
])
def test_an_unquoted_name_about_a_topic_ends_at_its_kind_and_its_topics_etc_is_its_own(hans, name):
    assert [hans[a:b] for a, b in unquoted_names(hans)] == [name]


@pytest.mark.parametrize("hans", ["双方达成了关于甲乙问题的共识", "会谈后双方签署了关于甲乙合作的文件",
                                  "双方签署了关于某海问题、反恐合作等6项声明"])
def test_a_consensus_or_papers_about_a_topic_and_a_counted_list_are_no_name(hans):
    assert list(unquoted_names(hans)) == []


def test_an_outcome_cell_names_a_statement_about_a_topic_with_etc_in_it():
    assert cell_documents("关于战略稳定等问题的联合声明") == [("关于战略稳定等问题的联合声明", False)]
    assert cell_documents("战略稳定等联合声明") == []


def test_a_quoted_title_the_text_says_a_statement_bears_names_it():
    text = HEAD + MEETING_2034 + "會議期間雙方簽署了一份題為「深化、多樣化和制度化甲乙夥伴關係」的聯合聲明。"
    assert keys(documents(text)) == {"2034-06-05": {"深化、多样化和制度化甲乙伙伴关系"}}


def test_a_quoted_term_a_statement_is_about_is_not_its_title():
    text = HEAD + MEETING_2034 + "會議期間雙方發表了支持「某某走廊」的聯合聲明。"
    assert "某某走廊" not in keys(documents(text)).get("2034-06-05", set())


def test_a_linked_short_name_with_a_dash_between_the_sides_is_the_full_name_it_leaves_words_out_of():
    box = BOX.replace("《甲乙关于深化伙伴关系的联合声明》", "《甲国政府和乙国政府自由贸易协定》")
    text = box + ("'''甲乙会谈'''是甲国与乙国于2023年3月20日至22日的会谈。访问期间，两国签署了"
                  "[[甲国—乙国自由贸易协定|自由贸易协定]]。\n")
    (document,) = documents(text, title="甲乙会谈")["2023-03-20"]
    assert {"甲国政府和乙国政府自由贸易协定", "甲国—乙国自由贸易协定"} <= document[1]


def test_a_short_name_two_full_names_hold_stays_its_own():
    text = HEAD + MEETING_2034 + ("会谈后，两国签署了关于甲国购买战斗机的政府间协议谅解备忘录。次日，两国签署了关于乙国购买潜艇的政府间协议"
                                  "谅解备忘录。\n== 成果 ==\n* 政府间谅解备忘录\n")
    assert len(documents(text)["2034-06-05"]) == 3


def test_a_bare_name_a_parenthesis_calls_a_titled_one_is_its_other_name():
    text = HEAD + MEETING_2034 + ("6月5日，双方签署了《甲乙关于某河西岸的临时协议》（即'''某城第二号协议'''）。"
                                  "次日，两人出席仪式，庆祝签署某城第二号协议。")
    (document,) = documents(text)["2034-06-05"]
    assert {"甲乙关于某河西岸的临时协议", "某城第二号协议"} <= document[1]


def test_a_parenthesis_that_describes_a_titled_one_gives_no_other_name():
    text = HEAD + MEETING_2034 + "6月5日，双方签署了《甲乙关于某河西岸的临时协议》（即两国第二份协议）。"
    (document,) = documents(text)["2034-06-05"]
    assert "两国第二份协议" not in document[1]


def test_a_year_describing_something_by_when_it_happened_does_not_date_a_sentence_that_opens_with_a_bare_day():
    from kg.extract.narrative import recalled_years_blanked

    assert "2031" not in recalled_years_blanked("1月15日，张三首度访问2031年复交的乙国，与李四会面")
    assert "2031" not in recalled_years_blanked("6月20日上午，张三会见李四；李四表示，2031年张三访问乙国时两国建立了伙伴关系")
    # the sentence opens with its own year, or the year is no phrase's (a plan's time): it stands
    assert "2031" in recalled_years_blanked("2031年1月15日，张三访问2031年复交的乙国")
    assert "2035" in recalled_years_blanked("1月15日，两国同意于2035年举行下届峰会")
    assert "2033" in recalled_years_blanked("4月2日，双方同时签署2033年至2035年行动计划")


def test_a_recalled_year_in_the_sentence_does_not_move_the_document_to_that_year():
    head = "'''张三出访列表'''列出甲国总统[[张三]]的出访。\n== 出访 ==\n=== 2033年 ===\n"
    text = head + ("1月14日，张三出席某国总统的就职典礼。1月15日，张三首度访问2031年复交的[[乙国]]，与乙国总理[[李四]]"
                   "会面并签署联合公报，18日上午返国。\n")
    assert keys(documents(text, title="张三出访列表")) == {"2033-01-15": {"联合公报"}}
    told = head + ("6月20日上午，张三在[[某堂]]会见乙国总理[[李四]]；李四表示，2031年张三访问乙国时两国建立了伙伴关系。"
                   "同日，双方发表《甲乙联合成果声明》。\n")
    assert keys(documents(told, title="张三出访列表")) == {"2033-06-20": {"甲乙联合成果声明"}}
    # a sentence that opens with the year it tells of: the document signed then is that time's, not the summit's
    then = told.replace("同日，双方发表《甲乙联合成果声明》。", "\n2031年张三访问乙国时，两国签署了《甲乙伙伴关系宣言》。")
    assert keys(documents(then, title="张三出访列表")) == {"2033-06-20": set()}


@pytest.mark.parametrize("sentence, wanted", [
    # what a statement issued earlier in the sentence says: its words, not a signing
    ("次日，甲国总统府发表声明称，双方同意加强合作，张三还提出丙国须重返[[丙核协议]]。", set()),
    ("甲国外交部29日发表声明表示，双方同意加强合作，并就[[丙核协议]]和丁国局势交换意见。", set()),
    # the name's own clause tells its signing: the statement reports it
    ("会后，甲国总统府发表声明称，两国元首当天签署了《甲乙贸易协定》。", {"甲乙贸易协定"}),
    # a part after the statement's words is the sentence's own again
    ("会谈后甲国发表声明称，两国同意扩大合作；两国还签署了《甲乙渔业协定》。", {"甲乙渔业协定"}),
])
def test_a_name_in_what_a_statement_says_is_no_signing(sentence, wanted):
    assert keys(documents(HEAD + MEETING + sentence)) == {"1985-11-19": wanted}


@pytest.mark.parametrize("sentence, wanted", [
    # a quoted name ending in a word of a signed text, its own clause signing it
    ("访问期间双方还签署「甲乙经贸合作路线图」等多份合作文件。", {"甲乙经贸合作路线图"}),
    ("同日，两国内阁举行联席会谈，双方签署一份「创新公约」，涵盖交通运输等领域的合作。", {"创新公约"}),
    # a project's name quoted before more words, a plan adopted, a signing in another clause: none
    ("两国签署了「某某铁路规划」贷款换文。", set()),
    ("峰会通过「某洋计划」。", set()),
    ("双方签署了渔业协定，张三称「甲乙合作路线图」仍在商讨。", {"渔业协定"}),
])
def test_a_quoted_name_of_a_signed_text_that_its_clause_signs(sentence, wanted):
    assert keys(documents(HEAD + MEETING + sentence)) == {"1985-11-19": wanted}


def test_a_document_only_described_is_called_by_its_kind_too():
    # 发表了旨在…的联合声明, never in title marks: a statement about something, named by its kind (联合声明)
    text = HEAD + "2033年6月4日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]会谈，会后发表了旨在推动两国核能合作的联合声明。"
    [(shown, names)] = documents(text)["2033-06-04"]
    assert "联合声明" in names and shown == "旨在推动两国核能合作的联合声明"
    # near miss: a name in title marks is a title, not a description: it is not also called by its kind alone
    titled = HEAD + "2033年6月4日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]会谈，会后发表了《推动两国核能合作的联合声明》。"
    [(_, names)] = documents(titled)["2033-06-04"]
    assert "联合声明" not in names


MEETING_2037 = "2037年12月13日，甲国总统[[张三]]与乙国总理[[李四]]在[[某城]]举行会谈。"


def test_names_signed_one_after_another_before_a_plans_name_are_all_signed():
    """``签署《甲合作谅解备忘录》《乙技术实施计划及某合作谅解备忘录》``: 实施 inside the next name says nothing of the ones
    before it coming into force; a clause that says they came into force (《甲协定》和《乙协定》同时生效) still signs none."""
    signed = HEAD + MEETING_2037 + "会谈后，两国领导人出席签署仪式，签署《甲合作谅解备忘录》《乙技术实施计划及某合作谅解备忘录》。"
    assert keys(documents(signed)) == {"2037-12-13": {"甲合作谅解备忘录", "乙技术实施计划及某合作谅解备忘录"}}
    in_force = HEAD + MEETING_2037 + "《甲协定》和《乙协定》同时生效。"
    assert keys(documents(in_force)) == {"2037-12-13": set()}


def test_a_list_an_outcomes_section_introduces_by_a_count_is_of_its_summit():
    """``== 成果 ==`` ``…的统计为20份文件，涉及…等领域，其中包括：`` then one item a line: no signing verb introduces the
    list, the section does; an item with a link in it (``* 在[[某城]]市设立某区的协议。``) is a name as one without is."""
    text = HEAD + MEETING + ("\n== 成果 ==\n某通讯社的统计为20份文件，涉及旅游、农业等领域，其中包括：\n"
                             "* 关于成立甲乙商务理事会的协议；\n* 在[[某城]]市设立自由贸易区的协议。\n")
    assert sorted(keys(documents(text))["1985-11-19"]) == ["关于成立甲乙商务理事会的协议", "在某城市设立自由贸易区的协议"]


def test_a_list_item_with_a_link_in_it_is_a_name_of_its_own():
    """``* 在[[某城]]市设立某区的协议。`` beside ``* 关于成立某理事会的协议；``: two documents named, not one described
    twice (the link is part of the name, as the reader sees it)."""
    text = HEAD + MEETING + ("\n== 成果 ==\n会谈签署的两项协议为：\n"
                             "* 关于成立甲乙商务理事会的协议；\n* 在[[某城]]市设立自由贸易区的协议。\n")
    assert sorted(keys(documents(text))["1985-11-19"]) == ["关于成立甲乙商务理事会的协议", "在某城市设立自由贸易区的协议"]
