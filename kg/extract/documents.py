"""What was signed or issued at a summit, as the text names it.

A document is named as :mod:`kg.extract.document_names` reads a sentence or a cell (in 《…》 or
「…」, linked, unquoted after a signing verb or before a signing ceremony, or by its kind alone).
It is the summit's when the text says it
was signed, issued or approved (签署, 发表, 批准了《…路线图》 by the leaders; not ``甲国议会批准《…》``, a
legislature's later ratification; its instruments of ratification exchanged at the meeting, ``出席了互换《…》批准书的仪式``,
not a treaty exchanged, ``互换《…条约》``, signed before, but a memorandum or an agreement whose texts are exchanged there
(``两国国防部交换了《…谅解备忘录》``, ``交换了关于…合作的谅解备忘录``); 会议的成果之一《…》, 成果文件《…》, or a clause listing what
the clause before says was signed: ``签署了12项合作文件，包括《…》和《…》``) and dates it to the summit's days, or
does not date it at all:

- the text before the end of the document's clause gives its time: a day (the day after
  the summit still counts: 会后…次日发表), a month or a year (``1987年12月，双方签署…`` is
  not of a summit in 1985; a month without its year opening the sentence is in the year its paragraph is in:
  ``同年12月，…签署《…》`` is not of a summit that June); a day said to come after the meeting (``会议后的9月17日``) is
  the meeting's; a year inside a document's name (``关于2030年前…的联合声明``) or one that
  frames a time (``2030年前``, ``1980年代``) dates nothing, nor, in a sentence that opens with a day without its year,
  one heading a phrase that describes something by when it happened (``1月15日，甲首度访问2007年复交的乙国，…签署联合公报``,
  ``…；乙表示，2014年丙访问乙国时…``); a day without its year is read
  in the year its paragraph is in, else in each year the summit's days touch (``2月14日``
  of a visit from 12月16日 to 2月17日), a day by its number alone (``18日，两国发表联合声明``) in
  the month its paragraph told; a part of a sentence after ``；`` that gives a time
  is at that time (``1966年1月10日…签署《甲》；1972年，…签署《乙》``), a day by its number alone
  in the month the sentence told before it (``2005年4月26日，…；29日下午，…发布《…》``); something done before
  the visit began (``在…抵达东京前数小时``, ``访问前夕``, ``会谈前一天``) is not of it; a sentence that gives
  no time but says it goes on (``当天下午``, ``会后``)
  (``12月19日上午…。当天下午，《…》签字仪式举行``) is at the last time its paragraph told, and so is
  any that gives none where the sentence that told it began with it (``2024年9月6日，甲再度访问乙国…。
  双方签署…备忘录`` is not of a meeting in 2023; a time inside a sentence, ``此次会晤为1987年12月签署的
  《…》铺平了道路``, is not where the account has got to, nor is one in a sentence that says what
  something just told is: ``该庄园是某人1830年辞世之处``); one right
  after it that speaks of the document (``该协议于2014年9月签署``) dates it too;
- a kind alone the text says is a titled one (``发表了一份联合声明，即《某城宣言》``) is that one, not a second;
- a plan word inside a quoted project's name (``签署了「某铁路计划」贷款换文及《…》``) tells no plan;
- a document that is not signed there: negated (``未发表联合声明``, ``未就是否发表…达成一致``,
  ``《…》最终未能签署``), planned (``双方原定于…签署《…》``, ``《…》原定于…签署``; a plan in a name
  before it is none: ``签订了《甲执行计划》和《乙议定书》``), wished, opposed or put off however far its verb
  is from the wish (``希望当年在某会议上签署《…》``, ``重申反对以现有文本签署《…》``, ``暂停签署《…》``), aimed
  at (``重申年内缔结《…》的目标``), one a state joins or leaves (``未加入《…》的国家``), one in what a document
  the sentence opens with says (``声明写明，…缔结和平条约…``, ``《某城宣言》指出，…进而签署…``), initialed (``草签了《…》``), an earlier one
  referred to, confirmed or welcomed, or an article of it cited (``重申遵守《上海公报》``, ``适用《…条约》第五条``, ``再确认《…》``, ``表示欢迎《…》``,
  ``互换《…》的批准文本``; not texts exchanged as they are
  signed, ``签署并交换《…》文本``), ``《…》缔结40周年``, ``重申…此前发表的
  《…》``, ``落实…上次会晤时签署的《…》``; not ``根据此次签署的《…》``), a
  later one (``为翌年的《…》铺平道路``), one signed a number of years before the meeting (``20年前某人曾…来华签署…``,
  ``他前一年访问某国时…共同签署联合公报``), a deal companies sign (``双方企业签署了…商业协议``, and what it includes: ``，其中包括…的合同``; not ``两国政府和企业``), one under negotiation (``…协定扩围谈判``, ``…条约缔结谈判``),
  a topic of the talks (``就欧洲安全、《…条约》和经济合作等问题签署了…``), one the sides take a stance
  on (``重申对《…》的承诺``, ``对…《…》的签订表示欢迎``; not ``对签署《…》表示欢迎``), a document by its kind
  alone that one side issued (``日本政府另发表新闻公报``), or one issued with someone who is none
  of the summit's participants (``次日，甲在[[某城]]同[[丙国总理]][[丙]]发表了《…》``);
- title marks that name a newspaper or an article (``据《京乡新闻》``, ``发表题为《…》的
  署名文章``; but ``发表了题为《…》的联合声明`` titles a document) name no document, nor a book quoted (``引用《论语》``): a name that does not
  end in a document's word needs its own clause to say it was signed or issued; a name
  given as the basis of something (``在三个《联合公报》的原则基础上``, ``在国际法和《联合国宪章》宗旨和
  原则基础上``) is an earlier one.

A list the sentence before introduces as what was signed or exchanged (``会谈签署的四项协议为：``,
``双方交换了以下合作文件：`` then one 《…》 a line) names that summit's documents: each item that begins with a name, or is a
name by what it is (``* 条约的议定书；``), however long, with a note after it (``* 关于发展乙国基础设施的协议，为…敞开大门；``;
not one counted, ``* 20多个政治文件和合作协议，涉及…``); an item that tells a signing is read as a sentence
(``* 两国签署《…》，决定互派大使。``); an item that names none (``* 欧洲安全：…``) does
not end it. A statement by its kind alone is the summit's where both sides issued it
(``两国首脑在会谈后发表声明``) or speak through it (``两国首脑在联合声明中确认…``, ``两国于21日发表的联合声明对…表示满意``;
what they say in it dates nothing of it; not one side's, ``乙方在联合声明中承诺…``). What the account of a section tells after it has gone on to another meeting, of
other participants, is that meeting's alone, not an earlier one's whose days it fits as well (see
:func:`documents_of_the_meeting_told_last`). In an article about one summit that tells of others too, what
its lead or a section of its own account (not 背景, 后续 ...) says was signed is the summit
its first sentence dates. A
meeting table's outcome cell needs no verb, nor its item that is a name written bare (``甲乙首脑联合声明``;
not ``未达成协议``), and an infobox's outcome names bare ones after a verb (``签署甲乙社会保障协定``); an annex issued with a document (``宣言另附有作为附件的
《行动计划》``) is one too; an infobox of the document (``{{Infobox treaty}}``, ``{{Infobox document}}``) names the summit on
whose days it was signed (see :func:`kg.extract.document_passes.documents_of_treaty_boxes`); and a sentence anywhere in the prose that dates a
document to one summit's days and no other's names that summit's (a table's row the prose
tells of: see :func:`kg.extract.document_passes.documents_by_their_days`), as a table's row that makes no
summit of its own names the documents of the one summit the prose tells on its day
(:func:`kg.extract.table_series.rows_give_their_documents`); its note cell (备注) names a document only where
it says it was signed or issued (``通宵谈判，达成《新明斯克协议》``, ``发表共同声明``).

Two names of one document become one node (:mod:`kg.extract.same_document`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from kg.extract.dates import chinese_number, find_dates, find_year_months
from kg.extract.document_names import (CLAUSE, DOCUMENT_ENDINGS, DOCUMENT_WORDS, EXCHANGED, EXCHANGED_KINDS,
                                       EXCHANGING, GENERIC_DOCUMENT, GENERIC_KINDS, LATER, NEGATED, NOT_HERE_AFTER, NOT_HERE_BEFORE, SIGNED, SOUGHT, SOUGHT_WORDS,
                                       document_names, end_of_clause, named_here, not_a_document, one_on_each_topic,
                                       other_names, start_of_clause, unquoted_names)
from kg.extract.narrative import (ASIDE, TITLE_MARKS, Told, bare_days, day_numbers, documents_years_blanked,
                                  month_opening, next_about, recalled_years_blanked, times_in, told_after, year_of)
from kg.extract.ordinals import the_defined_summit, the_summit_of_its_month
from kg.extract.phrases import NEXT_DAY
from kg.extract.reading import Reading
from kg.extract.scripts import to_hans, to_hant
from kg.extract.text import Sentence
from kg.model import EntityId, Kind, Label, Prop
from kg.wikitext import Section

#: A clause that lists what the clause before says was signed (…，包括《甲》、《乙》和《丙》).
_LISTED_AFTER = re.compile(r"^(其中)?(包括|包含|有|如|即|分别是|分别为)([^，,。；;]*[、和与及])?$")
#: Before a name in its clause: an annex of a document (宣言另附有作为附件的《行动计划》).
_ANNEX_BEFORE = re.compile(r"(宣言|声明|条约|协定|协议|公报|文件)[^，,。；;《》]{0,4}(附有|附带|附)[^，,。；;《》]{0,6}$")
#: The years a name gives last, in a parenthesis (《甲乙共同行动计划（2031—2035年）》): the name ends in the word before them.
_ITS_YEARS = re.compile(r"[（(][^（）()]*[0-9][^（）()]*[）)]$")
#: Right before a name: it is named as the meeting's outcome (会议的结果之一《…》).
_OUTCOME_BEFORE = re.compile(r"(成果|结果)(文件)?(之一)?(是|为|包括|有)?$")


#: A statement by its kind alone that both sides issued (两国首脑在会谈后发表声明): one of that
#: summit's own; one side's (白宫发表声明) is not.
_BOTH_SIDES = r"(?:双方|两国|两人|二人|两位领导人|两国领导人|两国首脑|两国元首|三国领导人|三方)"
_BOTH_SIDES_STATEMENT = re.compile(_BOTH_SIDES + r"(?P<between>[^，,。；;]{0,10}?)(?:共同)?(?:发表|发布|宣读)了?(?:一份|一项)?"
                                   r"(?P<w>声明)(?=[，,。；;：:]|$)")
#: A statement by its kind alone through which both sides say something (两国首脑在联合声明中确认…, 三方在共同声明中表示…,
#: 两国于21日发表的联合声明对…表示满意): they issued it; one side's words (中方在联合声明中承诺) are not.
_BOTH_SIDES_SAY_IN = re.compile(_BOTH_SIDES + r"(?:在(?:一份|其)?|(?P<between>[^，,。；;]{0,12}?)(?:发表|发布)的)"
                                r"(?P<w>" + GENERIC_KINDS + r")中?(?:确认|表示|重申|强调|同意|宣布|指出|承诺|明确|写入|对|称)")
_SIGNING = re.compile(r"签署|签订|签定|缔结|签字")
#: Before a verb in its clause: a negated one it is listed with (双方没有签署协议或发布共同声明: neither).
_NEGATED_LIST = re.compile("(?:" + NEGATED.pattern + r")[^，,。；;]*(?:或|和|及|与|、)$")
#: A name that is a topic of the talks: 就…《…》…等问题, 讨论了…协议、…等议题 (before and after it in its clause).
_TOPIC_BEFORE = re.compile(r"(就|讨论|商讨|探讨|谈及|谈到)[^，,。；;签发达通]*$")
_TOPIC_AFTER = re.compile(r"^[^，,。；;]*?(问题|议题|事宜)"
                          r"|^(?:谈判)?(?:已经|已)?达成了?(?:实质|原则|基本|框架)性?(?:协议|共识|一致)"  # 就《甲协定》达成实质协议
                          r"|^的[^，,。；;《》]{0,12}?(?:发表|发布|签署|签订)")  # 就《甲条约》的主要条款发表联合声明: what it is about
#: Right before a signing verb: one side's government or side alone (日本政府另, 美方).
_ONE_SIDE = re.compile(r"(?P<who>[\u4e00-\u9fff]{1,4}?)(政府|方面|方)(另外?|也|亦|则|还|随即|随后|单独|单方面)*$")
_BOTH = re.compile(r"[两双各三四五]|共同|联合|有关|相关|对|和|与|同|及|、")
_JOINED = re.compile(r"和|与|同|及|、")
#: Before a name in its sentence: a plan (双方原定于…签署《…》), an expectation (双方预计在访问期间签署…协议)
#: or a proposal (甲在会上提议，两国于年底前缔结和平条约; not 在甲的提议下签署, done).
_PLANNED = re.compile(r"原定|原拟|计划|拟于|准备|预定|打算|有望|将于|预计|预期|提议(?!下)|建议(?!下)|呼吁")
#: In a clause: it is to be done, not done (双方将签署…并发表声明).
_PLANNED_HERE = re.compile(r"将|拟|计划|准备|打算|有望|可能")
#: Before a name in its clause: its signing is wished, opposed or put off, however far the verb is from the wish
#: (希望当年在某会议上签署《…》, 重申反对以现有文本签署《…》, 宣布暂停签署《…》): not done.
_WISHED_BEFORE = re.compile(r"(希望|期望|期待|盼望|寻求|争取|力争|反对|暂停|推迟|搁置|中止|拒绝)[^，,。；;]*?"
                            r"(签署|签订|签定|缔结|签字)[^，,。；;]{0,4}$")
#: After a name: its signing is what the sides aim at (重申年内缔结《…》的目标): not done.
_AIMED_AFTER = re.compile(r"^的(目标|计划|意向|愿望|设想|前景)")
#: Before a name in its sentence: it came before the visit (在甲抵达某都前数小时，…签署了…, 访问前夕).
_EARLIER = re.compile(r"(抵达|到达|访问|访华|出访|启程|动身)[^，,。；;]{0,8}?前(?!往|进|来|去|任|身)|前夕|前一[天日]")
#: After 前夕 in its sentence: talks held then (在某组织峰会开幕前夕，甲、乙、丙三国领导人举行三方会谈，随后签署了《…》):
#: the eve is the time of those talks, and what is signed after them is theirs.
_TALKS_HELD = re.compile(r"举行[^，,。；;]{0,8}(?:会谈|会晤|峰会|会面)")


def _told_earlier(sentence_before: str) -> bool:
    """Whether the sentence says what it names came before the meeting (访问前夕，…发表《…》), not on
    the eve of another gathering at talks it tells (某峰会前夕，甲与乙举行会谈，签署了《…》)."""
    earlier = _EARLIER.search(sentence_before)
    return earlier is not None and not (earlier[0] == "前夕" and _TALKS_HELD.search(sentence_before, earlier.end()))


#: Before a name in its clause: one referred to, or one signed before (重申…此前发表的《…》).
_REFERRED_TO = re.compile(r"(遵守|重申|根据|依据|按照|依照|落实|履行|恪守|援引|引用|基于|纪念|回顾|继承|此前|以前|先前|早前|之前|过去|曾经?)"
                          r"[^，,。；;《》]*的$")
#: Around a name: an earlier one a document follows (继《甲乙协定》之后签署的第二个协定).
_FOLLOWS_BEFORE, _FOLLOWS_AFTER = re.compile(r"继$"), re.compile(r"^[》」』]?(之后|以后)")


def _one_it_follows(before: str, after: str) -> bool:
    return bool(_FOLLOWS_BEFORE.search(before) and _FOLLOWS_AFTER.match(after))


_THIS_TIME = re.compile(r"此次|本次|这次|此行|会上|会后|期间|当天|同日")
#: Before a name in its clause: a legislature ratifies it (甲国议会批准《…》), a later act than its signing;
#: leaders who approve it at their meeting (三国元首…批准了《…路线图》) issue it there.
_RATIFIED = re.compile(r"(议会|国会|议院|人大|常委会|杜马|最高苏维埃|最高人民会议|立法会)[^，,。；;]{0,12}批准[^，,。；;]*$")
#: A name joined to the ones before it as their common name (两个文件总称《丙》).
_COMMON_NAME = re.compile(r"(总称|合称|统称)(为)?$")
#: What ends a part of a sentence that tells a time of its own (1966年…签署《甲》；1972年，…《乙》).
_PART = re.compile(r"[；;]")
#: Words that tell a sentence goes on at the time told before it (当天下午，…签字; 张三同日签署…; 此访期间，…签署:
#: the visit just told).
GOES_ON = re.compile(r"当天|当日|同日|同天|是日|当晚|当夜|隔日|同年|当年|同月|当月|随后|其后|之后|此后|稍后|此访|此次访问|这次访问|"
                     + NEXT_DAY
                     + r"|上午|下午|中午|晚上|晚间|傍晚|凌晨|早晨|(会|会谈|会晤|会议|峰会)(结束)?后")
#: A sentence that begins with its time (2024年9月6日，…; 5月7日上午，…): the time its paragraph has reached.
_OPENS_WITH_A_TIME = re.compile(r"[0-9]{4}年|[0-9]{1,2}月[0-9]{1,2}日")
#: A sentence that says what something just told is (该庄园是…1830年辞世之处, 这是…继1971年…之后首位…): an aside,
#: whose times are not where the account has got to.
_AN_ASIDE = re.compile(r"^(?:这|该|此)[\u4e00-\u9fff]{0,4}?(?:也|曾|则|正)?(?:是|为|系)(?![0-9])")
#: A sentence that introduces a list of the outcomes (会谈签署的四项协议为：, 会议成果包括：).
_INTRODUCES = re.compile(r"(签署|签订|发表|通过|达成|缔结|成果|结果|文件)[^。；]*[：:]$")
#: A sentence that introduces a list of documents exchanged (双方交换了以下合作文件：).
_EXCHANGED_LIST = re.compile(EXCHANGING.pattern + r"了?[^，,。；;]*文件[：:]$")
#: A sentence that says when the document just named was signed (该协议于2014年9月签署, not
#: 该条约于1988年6月1日生效, which dates its coming into force).
REFERS_BACK = re.compile(r"^(该|此|这份|这项|这一|上述)(协议|协定|条约|声明|宣言|公报|文件|备忘录|议定书|纪要|纲要|宪章|公约)"
                          r"[^，,。；;]*(签署|签订|签定|缔结|签字|发表|发布|通过)")
#: Right before a name and right after it: its instruments of ratification are exchanged (互换《甲乙条约》批准书的仪式),
#: not sought or refused (同意尽快互换, 未交换).
_INSTRUMENTS_EXCHANGED = re.compile(r"(?<!尽快)(?<!早日)(?<!尽早)(?<!未)(?<!没有)(?<!不)(?:互换|交换)了?$")
_INSTRUMENTS = re.compile(r"^的?批准书")
#: A list item that is a document named by what it is, no more (条约的议定书；, 关于某隧道建设的换文), or with its
#: day or a note in a parenthesis after it (关于某事合作的协定（6月21日）).
_DESCRIBED_ITEM = re.compile(r"^(?P<n>[^，,。；;：:《》「」“”()（）\s]{1,40}?(?:"
                             + "|".join(sorted(DOCUMENT_WORDS + ("换文",), key=len, reverse=True)) + r"))"
                             r"(?:[（(][^（）()]{1,20}[）)])?(?P<note>[，,][^。；;]+)?[；;。.，,]?$")
#: What makes such an item no name: a count (20多个政治文件和合作协议), or a verb that tells what was done
#: (双方达成延长签证的协议): a sentence.
_NO_ITEM_NAME = re.compile(r"项(?!目)|份|个|些|系列|多(?!边)|等|各|" + SIGNED.pattern)
#: The heading of a section that lists what a meeting signed or issued (== 成果 ==, == 签署文件 ==).
_OUTCOMES_HEADING = re.compile(r"^(主要|会议|会谈|会晤|峰会|访问)?(成果|成果文件|签署(的)?文件)$")
_BACKGROUND = re.compile(r"^(背景|历史背景|起源|前因|缘起|历史|筹备|准备)")


def outcomes(reading: Reading, summit: EntityId, sentences, span: tuple[date, date]) -> None:
    """Records as the summit's outcomes the documents these sentences say were signed or
    issued at it (see the module's rules)."""
    sentences = list(sentences)
    # Whether a later sentence of the same paragraph may tell outcomes: the only ones that read the time the
    # paragraph has reached, so it is worked out only up to the last of them (most paragraphs have none).
    read_on, later = [False] * len(sentences), False
    for i in range(len(sentences) - 1, -1, -1):
        read_on[i], sentence = later, sentences[i]
        later = (later or _may_tell_outcomes(sentence.hans)) and i > 0 and sentences[i - 1].paragraph == \
            sentence.paragraph and sentences[i - 1].passage is sentence.passage
    told: Told | None = None  # the last time the paragraph gave
    opened = False  # whether the sentence that gave it began with it (2024年9月6日，…)
    listed: Sentence | None = None  # the sentence that introduced the list of outcomes being read
    for i, sentence in enumerate(sentences):
        before = sentences[i - 1] if i else None
        if before is None or before.paragraph != sentence.paragraph or before.passage is not sentence.passage:
            told, opened = None, False
            listed = listed if listed is not None and listed is before else None  # 签署了以下文件： then a list
        if listed is not None and not (TITLE_MARKS.match(sentence.hans) or _an_item(reading, sentence)):
            listed = None  # the list ended
        if listed is None and _opens_an_outcomes_section(reading, sentence, before):
            listed = sentence  # == 成果 == then a list: the heading introduces it
        following = next_about(sentences, i, REFERS_BACK)
        an_item_named = listed is not None and _listed_outcomes(reading, summit, sentence, listed)  # * 《甲乙协定》
        if not an_item_named and _may_tell_outcomes(sentence.hans):
            sentence_outcomes(reading, summit, sentence, span, told, opened, following)
            if listed is None and _INTRODUCES.search(sentence.hans) and \
                    _of_the_days(sentence.hans, len(sentence.hans), span, told, opened):
                listed = sentence
        elif listed is None and not an_item_named and _INTRODUCES.search(sentence.hans) and sentence.heading \
                and _OUTCOMES_HEADING.match(to_hans(sentence.heading).strip()) \
                and _of_the_days(sentence.hans, len(sentence.hans), span, told, opened):
            listed = sentence  # == 成果 == …统计为20份文件，…其中包括： then a list: the section's outcomes
        if not read_on[i] or _AN_ASIDE.match(sentence.hans):
            continue  # 该庄园是某人1830年辞世之处: the account has not got to 1830
        hans = deadlines_blanked(sentence.hans)  # 于2002年12月31日前将库存减至…: by then, no time told
        own = times_in(hans, span, year_of(hans, told.year if told else None))
        if own.times or own.after_the_meeting:
            opened = _OPENS_WITH_A_TIME.match(hans) is not None
        told = told_after(hans, span, told)


#: A time something is to be done by (协定要求双方在2033年以前开始…，并于2039年12月31日前将…): a deadline, not a
#: time the account has got to; not 前往, 前来 (于2039年10月16日前往乙国 goes on that day).
_DEADLINE = re.compile(r"(?<=[于在])(?:[0-9]{4}年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?|底|末|年底)?|[0-9]{1,2}月[0-9]{1,2}日)"
                       r"(?=(?:之|以)?前(?![往来去赴夕]))")


def deadlines_blanked(hans: str) -> str:
    """The sentence with the times things are to be done by blanked (``协定要求…于2039年12月31日前将…``): the
    sentence after it (``同日，两人还签署了《…》``) goes on at the time told before, not at the deadline."""
    return _DEADLINE.sub(lambda m: "〃" * len(m.group()), hans) if "前" in hans else hans


@lru_cache(maxsize=4096)  # a sentence is read once for each summit whose outcomes are sought
def _may_tell_outcomes(hans: str) -> bool:
    """Whether a sentence says something was signed, exchanged or issued, or names outcomes or
    annexes: only such a sentence is read by :func:`sentence_outcomes`."""
    return bool(SIGNED.search(hans) or EXCHANGED.search(hans) or re.search(r"成果|结果|附", hans)
                or _EXCHANGED_LIST.search(hans) or _BOTH_SIDES_SAY_IN.search(hans))


def sentence_outcomes(reading: Reading, summit: EntityId, sentence: Sentence, span: tuple[date, date],
                       told: Told | None, opened: bool, following: Sentence | None) -> None:
    registry = reading.registry
    skip_until = -1
    named: list[EntityId] = []
    for start, end, name, article in document_names(sentence):
        if start < skip_until:
            continue  # another name of the document before it, given in its parenthesis
        if not _said_signed(sentence.hans, start, end) or not _of_the_days(sentence.hans, end, span, told, opened) \
                or _with_another(reading, summit, sentence, start) or _a_gatherings(reading, summit, sentence.hans, start):
            continue
        if following is not None and not _of_the_days(following.hans, 0, span):
            continue  # 该协议于2014年9月签署: the next sentence dates it to other days
        if re.fullmatch(GENERIC_KINDS, to_hans(name)):  # 《联合公报》: named by its kind alone
            generic_document(reading, summit, name, (sentence.evidence(),))
            continue
        if _COMMON_NAME.search(sentence.hans[:start]):
            for other in named:
                reading.index.merge(other.key, name)
            reading.index.prefer(name)
        document = registry.named(Kind.DOCUMENT, name, article=article)
        registry.fact(summit, Prop.OUTCOME, document, evidence=(sentence.evidence(),))
        registry.evidence(document, sentence.evidence())
        named.append(document)
        skip_until = other_names(reading, document, sentence, end)
    for match in GENERIC_DOCUMENT.finditer(sentence.hans):
        if "《" in sentence.hans[max(0, match.start() - 1):match.start()] or _TITLED_AFTER.match(sentence.hans, match.end()) or \
                NEGATED.search(sentence.hans[max(0, match.start() - 4):match.end()]) or \
                _NEGATED_LIST.search(sentence.hans, start_of_clause(sentence.hans, match.start()), match.start()) or \
                by_one_side(sentence.hans[start_of_clause(sentence.hans, match.start()):match.start()]) or \
                _SOUGHT_RIGHT_BEFORE.search(sentence.hans, 0, match.start()) or \
                one_on_each_topic(sentence.hans, match) or not _of_the_days(sentence.hans, match.end(), span, told, opened) or \
                _SIGNED_BEFORE.search(sentence.hans, start_of_clause(sentence.hans, match.start()), match.start("w")) or \
                match["said"] and _PLANNED.search(sentence.hans, start_of_clause(sentence.hans, match.start()), match.start()) or \
                _a_gatherings(reading, summit, sentence.hans, match.start("w")):
            continue  # 双方原定在会后发表的联合声明中宣布…: what was to be said in one planned
        generic_document(reading, summit, sentence.text[match.start("w"):match.end("w")],
                         (sentence.evidence(),))
    for match in _BOTH_SIDES_STATEMENT.finditer(sentence.hans):
        if not NEGATED.search(match.group()) and not _PLANNED_HERE.search(match["between"]) and \
                _of_the_days(sentence.hans, match.end(), span, told, opened):
            generic_document(reading, summit, sentence.text[match.start("w"):match.end("w")], (sentence.evidence(),))
    for match in _BOTH_SIDES_SAY_IN.finditer(sentence.hans):  # what they say in it dates nothing of it (确认…2018年开工)
        if not _PLANNED.search(match["between"] or "") and \
                _of_the_days(sentence.hans[:match.end("w")], match.end("w"), span, told, opened):
            generic_document(reading, summit, sentence.text[match.start("w"):match.end("w")], (sentence.evidence(),))


#: Right after a kind: the title of that document (发表联合声明《甲乙伙伴关系：某城提案》), or the words that say what
#: its title is (发表了一份长达三页的联合声明，即《某城对话与和平联合宣言》; （即《…》）), which name it.
_TITLED_AFTER = re.compile(r"(?:[，,（(]?(?:即|亦即|也就是))?《")


def _with_another(reading: Reading, summit: EntityId, sentence: Sentence, start: int) -> bool:
    """Whether the clause of a name says a participant issued it with someone who is none of the
    summit's participants (``次日，甲在[[某城]]同[[丙国总理]][[丙]]发表了《甲丙联合声明》``): another
    meeting's, as is a clause that opens with the partner (``…，随后飞往某城，与丙签署了…``); not ministers who sign in
    the leaders' presence (``甲国部长丁与乙国部长戊签署了…``). A
    clause that opens with the pair (``甲在某城与丙举行会谈，双方发表《甲丙联合声明》``) is read with the clause before."""
    registry = reading.registry
    clause_start = start_of_clause(sentence.hans, start)
    if _THE_PAIR.match(sentence.hans, clause_start) and clause_start:  # 甲与丙举行会谈，双方发表《…》
        clause_start = start_of_clause(sentence.hans, clause_start - 1)
    participants = {p.key for p in registry.facts_about(summit, Prop.PARTICIPANT) if isinstance(p, EntityId)}
    if not participants:
        return False
    for spot in sentence.spots_in(clause_start, start):
        partner = _PARTNER_BEFORE.search(sentence.hans, clause_start, spot.start)
        if partner is not None and registry.is_a(spot.surface, Kind.PERSON) and spot.key not in participants \
                and (any(s.key in participants for s in sentence.spots_in(clause_start, partner.start()))
                     or partner.start() == clause_start):  # …，与丙签署了《…》: the sentence's subject with 丙
            return True
    return False


def _a_gatherings(reading: Reading, summit: EntityId, hans: str, start: int) -> bool:
    """Whether the document named at ``start`` is what a gathering of more sides than the summit's signed
    or adopted (the summit one of two on its sidelines, or a visit over its days): the subject of its verb is
    the gathering's sides (``成员国领导人签署《…》``, ``甲和其他19个国家的代表共同签署《…》``; uncounted, more than
    two), or the gathering itself where the sentence counts its sides (``33国领导人与会，会议通过《…》``); the
    sentence's opening subject where the verb's clause has none (``会议一致同意…，通过了《…》``), or, for a summit
    of two, the gathering a clause before says one of them attends (``普京出席某组织第四次峰会，峰会通过了《…》``).
    Not a meeting of two called so (``两国总理年度会议发表…``), nor three leaders' document at a meeting of three."""
    participants = {p.key for p in reading.registry.facts_about(summit, Prop.PARTICIPANT) if isinstance(p, EntityId)}
    before = _outside_names(hans[start_of_clause(hans, start):start])
    verb = _SIGNING_VERB.search(before)  # the clause's first: 各成员国元首签署并发表《…》
    if verb is None or len(participants) < 2:
        return False
    subject = _ADVERBIAL_AFTER.sub("", before[:verb.start()]) or _ADVERBIAL_AFTER.sub("", _OPENING_SUBJECT.match(hans)["s"])
    if _THE_TWO.search(subject):
        return False
    if len(participants) == 2 and _A_GATHERING.fullmatch(subject) and \
            _ATTENDS_A_GATHERING.search(hans, 0, start_of_clause(hans, start)):
        return True  # 普京出席某组织第四次峰会，峰会通过了《某城宣言》: the gathering he attended adopted it, not the two
    sides = _MANY_SIDES.fullmatch(subject)
    if sides is not None:
        return len(participants) < _how_many(sides)
    if _A_GATHERING.fullmatch(subject) is None:
        return False
    counted = [m for m in _SIDES_NAMED.finditer(hans, 0, start) if m["n"] or m["m"]]
    signed = _SIDES_SIGNED.search(hans, 0, start_of_clause(hans, start))  # 成员国领导人签署《甲》…，会议发表了《乙》
    return len(participants) < _how_many(counted[-1]) if counted else signed is not None and len(participants) < _how_many(signed)


def _how_many(sides: re.Match) -> int:
    """How many sides the words name (``33国领导人``: 33; ``成员国领导人``: more than two)."""
    written = sides["n"] or sides["m"]
    return (chinese_number(written) if written else None) or 3


_SIGNING = r"签署|签订|签定|缔结|发表|发布|通过"
_SIGNING_VERB = re.compile(_SIGNING)
#: Between a subject and its verb: where and how it was done (在开幕式上, 一致, 共同).
_WHERE_AND_HOW = r"(?:在[^，,。；;在]{1,12}?[上中]?)?(?:一致|共同|最终|正式|还|并|也|随后|同时|又|均|都)*"
_ADVERBIAL_AFTER = re.compile(_WHERE_AND_HOW + r"了?$")
#: The subject a sentence opens with, after the time it opens with (12月5日，会议一致同意…): to its first verb.
_OPENING_SUBJECT = re.compile(r"^(?:[^，,。；;]{0,14}[日月年时]，)?(?P<s>[^，,。；;]*?)(?=同意|决定|签署|签订|发表|发布|通过|宣布|[，,。；;]|$)")
#: The sides of a gathering of many (成员国领导人, 各成员国元首, 各国领导人, 33国领导人和政府代表, 与会各方).
_SIDES = (r"(?:其他|其余|各)?(?:成员国|与会各[方国]|与会国家?|各国|(?P<n>[三四五六七八九十]|[0-9]{1,3})[国方]"
          r"|(?P<m>[三四五六七八九十0-9]{1,3})个国家)"
          r"的?(?:领导人|元首|首脑|代表|政府首脑)?(?:和政府代表|和代表)?")
#: A gathering's sides as a subject, alone or after others (甲和其他19个国家的代表, 包括甲在内的各国领导人).
_MANY_SIDES = re.compile(r"(?:[^，,。；;]{0,12}?(?:和|与|及|、|在内的))?" + _SIDES)
_SIDES_NAMED = re.compile(_SIDES)
#: A clause whose subject is a gathering's sides, signing (…，成员国领导人签署…).
_SIDES_SIGNED = re.compile(r"(?:^|(?<=[，,；;]))" + _MANY_SIDES.pattern + _WHERE_AND_HOW + "(?:" + _SIGNING + ")")
#: A gathering as a subject: the meeting itself (会议, 拉共体第七届首脑会议); not leaders who attend it (出席会议).
_A_GATHERING = re.compile(r"[^，,。；;出参主举召]{0,14}?(?:会议|峰会|首脑会议|全体会议|大会)")


#: A clause telling a leader attends a gathering (出席在某城举行的某组织第四次峰会, 参加某会议).
_ATTENDS_A_GATHERING = re.compile(r"(?:出席|参加)了?[^，,。；;]{2,30}?(?:峰会|首脑会议|会议|大会)(?=[，,]|$)")
#: A meeting of the two sides, however it is called (两国总理年度会议, 双边会议).
_THE_TWO = re.compile(r"两国|双方|双边|两人|二人")


#: A clause that opens with the pair the clause before named (甲在某城与丙举行会谈，双方发表《…》): they issued it.
_THE_PAIR = re.compile(r"(?:会谈后|会后|随后)?(?:双方|两人|二人|两国)")
#: Right before a person in a clause (an office between): the one a document was issued with (同[[丙国总理]]).
_PARTNER_BEFORE = re.compile(r"(?:同|与|跟)(?:[^，,。；;《》同与跟]{0,10})$")


def _an_item(reading: Reading, sentence: Sentence) -> bool:
    """Whether the sentence is an item of a wikitext list (its line begins with * or #)."""
    text, at = reading.document.text, sentence.span_of(0, 0).start
    return reading.document.text[text.rfind("\n", 0, at) + 1:at].lstrip().startswith(("*", "#"))


def _opens_an_outcomes_section(reading: Reading, sentence: Sentence, before: Sentence | None) -> bool:
    """Whether the sentence is a list's first item right under a heading that names the meeting's
    outcomes (``== 成果 ==`` then ``* 《甲乙协定》``, a line each): the heading introduces the list as a
    sentence ending in a colon does (会谈签署的四项协议为：)."""
    heading = sentence.heading
    return bool(heading and _OUTCOMES_HEADING.match(to_hans(heading).strip()) and _an_item(reading, sentence)
                and (before is None or before.section is not sentence.section))


def _listed_outcomes(reading: Reading, summit: EntityId, item: Sentence, introduction: Sentence) -> bool:
    """An item of a list the sentence before introduced as the outcomes (会谈签署的四项协议为：
    then one 《…》 a line), or a heading did (``== 成果 ==``): the name it begins with, after who signed it
    or a renewal if the item gives them (``甲国某部与乙国某部《…》``, ``续签《…》``), with its other names,
    and the names listed right after it (``《甲乙海关协定》、《某港合作备忘录》和《某河议定书》``).
    Whether the item named one (one that tells a signing, ``两国签署《…》``, is read as a sentence)."""
    registry = reading.registry
    evidence = (item.evidence(),) if introduction is item else (item.evidence(), introduction.evidence())
    described = _DESCRIBED_ITEM.match(item.hans)
    if described is not None and _told_not_named(described):
        described = None  # * 双方达成延长签证的协议，有效期…: what was done, told
    if described is not None:  # 条约的议定书；: the item is the name
        if re.fullmatch(GENERIC_KINDS, described["n"]):
            generic_document(reading, summit, item.text[:described.end("n")], evidence)
            return True
        document = registry.named(Kind.DOCUMENT, item.text[:described.end("n")])
        registry.fact(summit, Prop.OUTCOME, document, evidence=evidence)
        registry.evidence(document, item.evidence())
        return True
    at = None  # where the names read so far end
    for start, end, name, article in document_names(item):
        if at is None and (start != 0 and not _SIGNATORIES.fullmatch(item.hans[:start])
                           or not named_here(item.hans, start, end)):
            return False
        if at is not None and not _LISTED_NEXT.fullmatch(item.hans, at, start):
            break  # 《甲乙协定》（某人称其为《…》）: no name of the list
        if re.fullmatch(GENERIC_KINDS, to_hans(name)):
            generic_document(reading, summit, name, evidence)
            at = end
            continue
        document = registry.named(Kind.DOCUMENT, name, article=article)
        registry.fact(summit, Prop.OUTCOME, document, evidence=evidence)
        registry.evidence(document, item.evidence())
        at = other_names(reading, document, item, end)
    return at is not None


#: Between two names an item lists (《甲》、《乙》和《丙》), after the first one's parenthesis if it has one.
_LISTED_NEXT = re.compile(r"[）)]?(?:、|和|与|及|以及)")


#: What an item may give before the name it begins with: who signed it, each an organ of a state or a
#: company (``甲国外交部与乙国外交部《…》``, ``甲国政府与某银行《…》``), or that it was signed anew
#: (``续签2031年《…》``): the item is still that name.
_ORGAN = r"[^，,。；;：:《》「」“”]{1,30}?(?:部|政府|局|署|委员会|公司|银行|集团|机构|中心|协会|基金)"
_SIGNATORIES = re.compile(rf"(?:{_ORGAN}(?:与|和|同|及|、))+{_ORGAN}|续签(?:了)?(?:[0-9]{{4}}年)?")


def _told_not_named(described: re.Match) -> bool:
    """Whether an item read as a name by what it is, long or with a note after it, tells what was done
    or counts documents instead (``双方达成延长签证的协议，有效期…``, ``20多个政治文件和合作协议，涉及…``)."""
    long = len(described["n"]) > _SHORT_ITEM
    return bool((long or described["note"]) and _NO_ITEM_NAME.search(described["n"]))


#: How long an item read as a name may be with no more asked of it (条约的议定书；): 16 characters and its document word.
_SHORT_ITEM = 20


def generic_document(reading: Reading, summit: EntityId, name: str, evidence) -> EntityId:
    """A document named by its kind alone: the summit's own, keyed by the summit."""
    registry = reading.registry
    document = registry.unnamed(Kind.DOCUMENT, f"{summit.key}-{to_hans(name)}")
    registry.label(document, Label(to_hans(name), "zh-Hans"), preferred=True)
    registry.label(document, Label(to_hant(name), "zh-Hant"), preferred=True)
    registry.fact(summit, Prop.OUTCOME, document, evidence=evidence)
    registry.evidence(document, *evidence)
    return document


def _an_earlier_one(before: str) -> bool:
    """Whether the words before a name make it one signed before (``重申双方此前发表的《…》``,
    ``落实2009年签署的《…》``, ``两国此前已批准《…》``), not this time (``根据此次签署的《…》``)."""
    referred = _REFERRED_TO.search(before)
    return bool(referred and not _THIS_TIME.search(referred.group())) or _DONE_EARLIER.search(before) is not None


#: Right before a name: its signing told as done before (两国此前已批准《…》, 双方早已签署《…》).
_DONE_EARLIER = re.compile(r"(?:此前|之前|先前|早前|早已|业已)(?:已经?|曾经?)?(?:签署|签订|批准|通过|发表|达成|缔结)了?$")


def _a_topic(before: str, after: str) -> bool:
    """Whether a name in its clause is a topic of the talks, not a document signed
    (``就欧洲安全、《反弹道导弹条约》和经济合作等问题签署了五项联合声明``), what they agreed on in
    substance, to be signed later (``双方宣布就[[甲乙经济伙伴关系协定]]达成实质协议``), or what a statement
    issued is about (``并就[[甲乙条约]]的主要条款发表联合声明``: the statement is issued, not the treaty)."""
    return bool(_TOPIC_BEFORE.search(before) and _TOPIC_AFTER.match(after))


def by_one_side(before: str) -> bool:
    """Whether the clause before a signing verb makes one side alone its subject
    (``日本政府另发表新闻公报``, ``美方发表声明``), or each side its own (``而是各自发表新闻公报``):
    a document named by its kind alone is then not the summit's (one named in full may be:
    ``中方公布了《…成果清单》``)."""
    if _EACH_ITS_OWN.search(before):
        return True
    who = _ONE_SIDE.search(before)
    return bool(who and not _BOTH.search(who["who"]) and not _JOINED.search(before[:who.start("who")]))


#: Right before a signing verb: each side issued its own (双方…各自发表新闻公报).
_EACH_ITS_OWN = re.compile(r"各自(?:另外?|也|亦|则|还|单独)*$")
_SOUGHT_RIGHT_BEFORE = re.compile(SOUGHT_WORDS + "$")


@lru_cache(maxsize=4096)  # a sentence's names are read once for each summit whose outcomes are sought
def _said_signed(hans: str, start: int, end: int) -> bool:
    """Whether the clause says this document was signed or issued here."""
    clause_start = max((m.end() for m in CLAUSE.finditer(hans, 0, start)), default=0)
    before, after = hans[clause_start:start], hans[end:]
    sentence_before = _terms_emptied(_outside_names(_unquoted_emptied(hans, start)))
    verb = SIGNED.search(hans, end, end_of_clause(hans, end))
    to_its_verb = _outside_names(hans[end:verb.start()]) if verb else ""  # 《甲》原定于…签署, 《甲》最终未能签署
    if _PLANNED.search(to_its_verb) or NEGATED.search(hans[end:verb.end()] if verb else ""):
        return False
    if verb is None and _IN_FORCE.search(_outside_names(hans[end:end_of_clause(hans, end)])):
        return False  # 《甲》和《乙》同时生效: its clause tells it came into force, not that it was signed (not 实施 of 《…实施计划》)
    if _instruments_exchanged(before, after) and not _PLANNED.search(sentence_before):
        return True  # 互换《甲乙条约》批准书: the exchange of its instruments of ratification is done at the meeting
    if _concluded_by_exchange(hans[start:end], sentence_before) and not (
            NEGATED.search(before) or NOT_HERE_AFTER.match(after) or _PLANNED.search(sentence_before)
            or _told_earlier(sentence_before)):
        return True  # 两国国防部交换了《甲乙国防合作谅解备忘录》: its texts exchanged at the meeting conclude it
    if _SIGNED_BEFORE.search(before) or clause_start and _YEARS_AGO.fullmatch(
            hans, start_of_clause(hans, clause_start - 1), clause_start - 1) and _DONE.search(before):
        return False  # 20年前某人曾以大臣身份来华签署《…》, 44年前，两国领导人在此达成《…》: done before the meeting
    if _BY_COMPANIES.search(before) or clause_start and _LISTED_AFTER.search(before) and \
            _BY_COMPANIES.search(hans, start_of_clause(hans, clause_start - 1), clause_start):
        return False  # 双方企业签署了总额逾70亿美元的商业协议(，其中包括…的合同): deals of companies the leaders may witness
    if NEGATED.search(before) or NOT_HERE_BEFORE.search(before) or _RATIFIED.search(before) or LATER.search(before) or \
            SOUGHT.search(before) or _SOUGHT_RIGHT_BEFORE.search(before) or \
            _told_earlier(sentence_before) or _an_earlier_one(before) or \
            NOT_HERE_AFTER.match(after) or _PLANNED.search(sentence_before) or not_a_document(hans, start, end) or \
            _a_topic(before, after) or _one_it_follows(before, after) or _a_stance_on(before) or \
            _WISHED_BEFORE.search(before) or _AIMED_AFTER.match(after) or _what_a_document_says(hans, start) or \
            _the_subject_of_what_it_says(before, after) or _defined_undated(hans, before, after) or \
            _in_what_a_statement_says(hans, start, end):
        return False
    if _ANNEX_BEFORE.search(before):
        return True  # 宣言另附有作为附件的《行动计划》: issued with it
    if _LISTED_AFTER.search(before) and (SIGNED.search(hans[:clause_start]) or EXCHANGED.search(hans[:clause_start])):
        return True  # 双方签署了12项合作文件，包括《…》和《…》
    if _INITIALED.search(before):
        return False  # 草签了《甲》: initialed, to be signed later
    if hans[start] == "「":  # a quoted name: its own clause says it was signed
        return bool(SIGNED.search(before) or _OUTCOME_BEFORE.search(before))
    if not _ITS_YEARS.sub("", hans[start:end].strip("《》")).endswith(DOCUMENT_ENDINGS):  # …行动计划（2031—2035年）: a plan
        return bool(SIGNED.search(before) or _OUTCOME_BEFORE.search(before))
    return bool(SIGNED.search(hans) or _OUTCOME_BEFORE.search(before))


def _the_subject_of_what_it_says(before: str, after: str) -> bool:
    """Whether a name opens its clause as the subject of what the document says (``《宣言》确认…，强调通过友好协商…``,
    ``《某城宣言》指出…``): its content is told, not its signing; a signing word further on is the content's
    (通过 of ``通过友好协商``)."""
    return not before and _IT_SAYS_AFTER.match(after) is not None


def _defined_undated(hans: str, before: str, after: str) -> bool:
    """Whether a name opens its clause to say what the document is, in a sentence that gives no time
    (``《宣言》是甲国与乙国在某问题上签署的首份政治文件``): a definition of one told elsewhere, not a signing at
    the time the paragraph has reached; a definition that dates it (``《甲》是…于2033年5月1日签署的宣言``) does."""
    return not before and _IS_AFTER.match(after) is not None and _A_TIME.search(hans) is None


_IS_AFTER = re.compile(r"^(?:是|为|系)")
_A_TIME = re.compile(r"[0-9]{4}年|[0-9]{1,2}月[0-9]{1,2}日")


#: Right after a name that opens its clause: what the document says (《宣言》确认…, 《条约》规定…).
_IT_SAYS_AFTER = re.compile(r"^(?:中|里)?(?:确认|指出|写明|写道|载明|表示|强调|称|规定|宣布|提出|明确|承诺|重申|呼吁|要求)")


def _what_a_document_says(hans: str, start: int) -> bool:
    """Whether a name is in what a document the sentence opens with says (``声明写明，双方认识到…缔结和平条约…``,
    ``《某城宣言》指出，…进而签署甲乙和平条约``), up to the part's end (``；双方还签署了…``): content, not signed."""
    says = _IT_SAYS_OPENING.match(hans)
    return bool(says and says.end() <= start and not _PART.search(hans, says.end(), start))


def _in_what_a_statement_says(hans: str, start: int, end: int) -> bool:
    """Whether a name is in what a statement issued earlier in the sentence says (``甲国总统府次日发表声明称，双方同意…，
    张三还提出丙国须重返《某协议》``, ``…发表声明表示，…并就《某协议》交换意见``), up to the part's end, where the
    name's own clause tells no signing (not ``声明称，两国当天签署了《甲乙协定》``): the statement's words, and
    its 发表 is no issuing of the document named."""
    says = _ISSUED_SAYING.search(hans, 0, start)
    if says is None or _PART.search(hans, says.end(), start):
        return False
    return not (SIGNED.search(hans, start_of_clause(hans, start), start) or SIGNED.search(hans, end, end_of_clause(hans, end)))


#: A statement issued and what it says (发表声明称，…; 发布新闻公报表示：…): the words after it are its content.
_ISSUED_SAYING = re.compile(r"(?:发表|发布|发出)了?(?:一份|一项)?[^，,。；;《》]{0,6}?(?:声明|公报|新闻稿)中?"
                            r"(?:称|表示|说|指出|强调|写道)[，,：:]")


#: A sentence that opens with what a document says (声明写明，…; 《甲宣言》指出，…; 公报称：…).
_IT_SAYS_OPENING = re.compile(r"^(?:该|此|这份)?(?:《[^《》]+》|(?:联合|共同)?(?:声明|宣言|公报)|协议|协定|条约)中?"
                              r"(?:指出|写明|写道|载明|表示|强调|称|规定|宣布|提出|明确)[，,：:]")


def _a_stance_on(before: str) -> bool:
    """Whether the words before a name in its clause make it what the sides take a stance on, not what
    they sign (``重申对《甲条约》的承诺``, ``对甲乙建交和《甲丙条约》的签订表示欢迎``): 对 with no signing verb
    after it (``对签署《…》表示欢迎`` is of a signing)."""
    before = _outside_names(before)  # 签署了《关于对所得避免双重征税的协定》、《…》: 对 of a name before it
    stances = list(_STANCE.finditer(before))  # the last one is the one the name is the object of
    return bool(stances) and not SIGNED.search(before, stances[-1].end())


#: The word that opens what a clause takes a stance on (对《…》表示欢迎, 重申对《…》的承诺, 对于《…》的立场).
_STANCE = re.compile(r"对(?:于)?(?!话|外|华|方|手|面|岸|等)")


def _instruments_exchanged(before: str, after: str) -> bool:
    """Whether the words around a name say its instruments of ratification are exchanged
    (``出席了互换《甲乙条约》批准书的仪式``): an act of the meeting, its outcome; unlike a document
    exchanged (``互换《…》``, signed before) or one ratified (``《…》批准``), which are not."""
    return bool(_INSTRUMENTS_EXCHANGED.search(before) and _INSTRUMENTS.match(after))


def _concluded_by_exchange(name: str, before: str) -> bool:
    """Whether a memorandum or an agreement is named right after a verb of exchanging, or in a list
    after it (``交换了《甲乙国防合作谅解备忘录》``, ``交换了关于某站合作的谅解备忘录``; ``before``: the words
    before it with the names emptied): its texts exchanged at the meeting conclude it; unlike a treaty's
    (``互换《甲乙条约》``, its ratification) or an exchange sought (``同意尽快交换``)."""
    return name.strip("《》「」").endswith(EXCHANGED_KINDS) and _EXCHANGED_BEFORE.search(before) is not None


#: A verb of exchanging right before a name, or before the names listed before it (交换了《》和).
_EXCHANGED_BEFORE = re.compile(EXCHANGING.pattern + r"了?(?:《》(?:、|和|与|及|以及))*$")


def _outside_names(text: str) -> str:
    """The words of a text with the names in its title marks emptied: a plan or a time the
    sentence tells is in its own words, not in a name it lists before (``签订了《甲执行计划》、
    《乙议定书》``: 乙 is signed, not planned)."""
    return _A_NAME.sub("《》", text) if "《" in text else text


#: A term in quotes, no clause in it (「某某铁路计划」, “某某计划”): a name, as Traditional texts quote a project's.
_QUOTED_TERM = re.compile(r"「[^「」，,。；;：:]{1,20}」|“[^“”，,。；;：:]{1,20}”")


def _terms_emptied(text: str) -> str:
    """The words of a text with the terms it quotes emptied: a plan word in a project's name is no plan told
    (``签署了「某某铁路计划」日圆贷款换文及《甲乙社会保障协定》``: signed, not planned)."""
    return _QUOTED_TERM.sub("「」", text) if "「" in text or "“" in text else text


def _unquoted_emptied(hans: str, start: int) -> str:
    """The words before ``start`` with the unquoted names listed in them emptied, as title
    marks (``签署了《甲协定》、甲文化协定两年执行计划和乙议定书``: 乙 is signed, not planned)."""
    text = hans[:start]
    for name_start, name_end in sorted(unquoted_names(hans), reverse=True):
        if name_end <= start:
            text = text[:name_start] + "《》" + text[name_end:]
    return text


_A_NAME = re.compile(r"《[^《》]*》")
#: A signing, an issuing or an agreement reached, told as done (签署, 发表, 达成).
_DONE = re.compile(r"签署|签订|签定|缔结|签字|发表|发布|达成")
#: Before a signing verb in a name's clause: it was done before the meeting, at a time told from it (20年前某人曾以
#: 外交大臣身份来华签署…, 他前一年访问某国时与某人共同签署…, 去年6月签署…, 44年前…就是在此达成《…》); not 曾 alone, which a day may date
#: (签字所用的桌子曾在1979年3月26日…签署《…》时使用: of the meeting that day).
_SIGNED_BEFORE = re.compile(r"(?:(?<![0-9])[0-9]{1,2}年前|[一二三四五六七八九十两几数多]+年前|前一年|去年|前年|上一年)"
                            r"[^，,。；;]*?(?:" + _DONE.pattern + r")[^，,。；;]*$")
#: A clause that is a time told from the meeting back (44年前，…; 他说，20多年前，…): what the next one says was signed
#: was signed then.
_YEARS_AGO = re.compile(r"(?:[0-9]{1,3}|[一二三四五六七八九十两几数]+)多?年(?:以)?前")
#: Before a name in its clause: companies sign it (双方企业签署了…商业协议, 甲国石油公司与乙国公司签订…协议, 甲国国家石油
#: 公司还与乙方签署了…), a deal of theirs, not a document of the summit; not governments with companies (两国政府和企业签署了…).
_BY_COMPANIES = re.compile(r"(?<!政府和)(?<!政府与)(?<!部门和)(?<!部门与)(?<!政府及)(?:企业|公司)(?:之间|间)?"
                           r"(?:还|也|亦|另|则|共同)*(?:(?:与|同|和)[^，,。；;与同和]{1,8}?)?(?:签署|签订|签定)")
#: Right before a name: it was initialed (并草签了《甲》), not signed.
_INITIALED = re.compile(r"草签了?$")
#: After a name in its clause: it came into force (《甲协定》同时生效), signed before.
_IN_FORCE = re.compile(r"生效|施行|实施")
#: An undated clause said to be on the day told before (同日, 当天): not the day after another summit.
_SAME_DAY = re.compile(r"同日|当天|当日")


def _of_the_days(hans: str, end: int, span: tuple[date, date], told: Told | None = None, opened: bool = False) -> bool:
    """Whether the text up to the end of this clause dates what it says to the summit's
    days (the day after included, unless the text says it was the same day as one told: 同日,
    当天, or the clause is dated only by the time its paragraph told: ``9月24日上午，甲与丙举行
    会谈。…会后，双方发表《…》`` is of the 24th's talks, not of a meeting on the 23rd), or does not
    date it; an undated one that says it goes on at the time told before it (当天, 同日, 下午 ...) is dated by the time its paragraph
    told last (``told``), and so is any undated one where the sentence that told it began
    with it (``opened``: 2024年9月6日，…). The year of an earlier document named after it in
    its clause dates nothing of it (``签署了…协定、落实2008年所签引渡条约的文书``)."""
    hans = recalled_years_blanked(hans[:end] + documents_years_blanked(hans[end:]))
    stop = next((m.start() for m in CLAUSE.finditer(hans, _past_its_parenthesis(hans, end))), len(hans))
    year = year_of(hans[:stop], told.year if told else None)
    part = max((m.end() for m in _PART.finditer(hans, 0, end)), default=0)  # 1966年…《甲》；1972年，…《乙》
    own = times_in(hans[part:stop], span, year)
    if not own.times and not own.after_the_meeting and part:  # 4月26日，…；29日下午，…发布《…》
        own = Told(bare_days(hans[part:stop], times_in(hans[:part], span, year)), False, year)
    if not own.times and not own.after_the_meeting:
        own = times_in(hans[:stop], span, year)
    if not own.times and not own.after_the_meeting:
        own = Told(bare_days(hans[:stop], told), False, year)  # 18日，两国发表联合声明: the month told
    if not own.times and not own.after_the_meeting:
        own = Told(month_opening(hans[part:stop], year, span), False, year)  # 同年12月，…签署《…》: that month
    inherited = False  # dated by the paragraph's time alone, not by the clause's own
    if not own.times and not own.after_the_meeting and told is not None and (opened or GOES_ON.search(hans[:stop])):
        own, inherited = told, True
    if own.after_the_meeting:
        return True
    next_day = span[1] + timedelta(days=1) if not (_SAME_DAY.search(hans[:stop]) or inherited) else span[1]
    numbers = day_numbers(hans[part:stop]) if not own.times else set()
    if numbers:  # 19日，…签署《…》 in a paragraph that told no month: a day of that number
        return any((span[0] + timedelta(days=i)).day in numbers for i in range((next_day - span[0]).days + 1))
    return not own.times or any(start <= next_day and span[0] <= last for start, last in own.times)


def _past_its_parenthesis(hans: str, end: int) -> int:
    """Where a name's clause goes on after the parenthesis right after it (``《甲乙宣言》（英语：…，简称…）是…于2002年
    11月4日签署的``): a comma inside it ends no clause."""
    if not hans.startswith(("（", "("), end):
        return end
    closed = _CLOSING.search(hans, end)
    return closed.end() if closed else end


_CLOSING = re.compile(r"[）)]")


def documents_of_the_meeting_told_last(reading: Reading, found) -> None:
    """A document the account tells after it has gone on to another meeting is that meeting's, not an
    earlier one's whose days it fits as well: each summit reads what is signed from its own sentence to
    the end of its section, so where a later sentence of the section tells a meeting of other
    participants (``5月9日，甲乙丙三国领导人举行会议。当天下午，甲与丙举行会谈。会后，两国总理见证签署《…》``,
    ``同日，甲、乙与丁举行三方峰会，发表三方联合声明`` after 甲乙's talks that day), what both read from
    a sentence after it, or from its own sentence after the meeting is told, is the later meeting's alone;
    not what its sentence names before it (``会议发表了《…》，随后甲与丙举行会谈``). ``found``: the
    summits one section told."""
    registry = reading.registry
    told = [summit for summit in found if summit.anchor is not None]
    if len(told) < 2:
        return
    outcomes_of = {summit.id: [] for summit in told}
    for fact in registry.facts_of(Prop.OUTCOME):
        if fact.subject in outcomes_of:
            outcomes_of[fact.subject].append(fact)
    for summit in told:
        at = summit.anchor.evidence().span
        later = [other for other in told if other.anchor.evidence().span.start > at.start
                 and set(other.participants) != set(summit.participants)]
        for fact in outcomes_of[summit.id] if later else ():
            said = {evidence.span for evidence in fact.evidence}
            if any(_told_there(reading, other, fact.value, said & {e.span for theirs in outcomes_of[other.id]
                                                                    for e in theirs.evidence})
                   for other in later):
                registry.drop_one(summit.id, Prop.OUTCOME, fact.value)
                if fact.value.key.startswith(f"{summit.id.key}-"):  # a kind alone, keyed by the summit: no one's now
                    registry.forget(fact.value)


def _told_there(reading: Reading, meeting, document: EntityId, spans) -> bool:
    """Whether a sentence the meeting's outcome was read from (``spans``) comes after the sentence that
    tells the meeting, or is that sentence and names the document after the meeting: after the first
    of its participants the sentence names, or its first word for a meeting (``他出席了…峰会，双方签署了…``;
    not ``会谈后，两国交换了…``, the talks told before)."""
    anchor = meeting.anchor
    at = anchor.evidence().span
    if any(span.start > at.start for span in spans):
        return True
    if at not in spans:
        return False
    hans = anchor.hans
    names = {to_hans(name) for name in reading.registry.surfaces(document)} | {document.key.rsplit("-", 1)[-1]}
    named = [hans.find(name) for name in names if name and name in hans]
    people = [spot.start for spot in anchor.spots if spot.key in meeting.participants]
    told = min(people) if people else next((m.start() for m in _A_MEETING.finditer(hans)), None)
    return bool(named) and told is not None and told < min(named)


#: A word for a meeting (峰会, 会谈): where a sentence that names none of its participants tells it; not the
#: meeting told before, after which the sentence goes on (会谈后，两国交换了…).
_A_MEETING = re.compile(r"(?:峰会|会谈|会晤|会议|会见|会面)(?!(?:结束)?后)")


def documents_of_the_subject(reading: Reading, start: date, end: date, summit: EntityId) -> None:
    """In an article about one summit, what is signed or issued in any section but its
    background is that summit's (a 成果 section far from the date)."""
    for section, sentences in reading.by_section.items():
        if not is_background(section):
            outcomes(reading, summit, sentences, (start, end))
    outcomes(reading, summit, reading.lead, (start, end))


def documents_of_the_definition(reading: Reading, summits) -> None:
    """In an article about one summit that tells of others too, what its lead, or a section
    of its own account (not its background or aftermath: 背景, 后续 ...), says was signed or
    issued is its own summit's (the one on the days its first sentence gives)."""
    summit, by_its_month = the_defined_summit(reading, summits), False
    if summit is None:
        summit, by_its_month = the_summit_of_its_month(reading, summits), True
    if summit is None:
        return
    outcomes(reading, summit.id, reading.lead, (summit.start, summit.end))
    for section, sentences in reading.by_section.items():
        if not ASIDE.match(to_hans(section.heading).strip()) and not _another_time(section, summit) \
                and not _another_meetings_account(summit, summits, sentences) \
                and not (by_its_month and _another_year_told(sentences, summit)):
            outcomes(reading, summit.id, sentences, (summit.start, summit.end))


def _another_year_told(sentences, summit) -> bool:
    """Whether a section tells a year the summit is not in (``== 成果 ==¶2031年，两国签署《…》。¶5月8日，…``): a
    summit its first sentence dates by its month alone has no day to tell its own account by there."""
    return any(not summit.start.year <= y.year <= summit.end.year
               for sentence in sentences for y in find_year_months(sentence.hans))


def _another_meetings_account(summit, summits, sentences) -> bool:
    """Whether a section is the account of another meeting, of other participants, and not of the
    defined summit: the other one is told in it and the defined one is not (a tour's ``=== 丙国 ===``
    telling 甲's talks with 丙 the day after the defined summit with 乙 ended): what it says was signed is
    that meeting's, read by its own account."""
    told = {id(sentence) for sentence in sentences}
    if summit.anchor is None or id(summit.anchor) in told:
        return False
    return any(other is not summit and other.anchor is not None and id(other.anchor) in told
               and set(other.participants) != set(summit.participants) for other in summits)


def _another_time(section: Section, summit) -> bool:
    """A section whose heading names a year the summit is not in (=== 2019年 ===), or days other than
    its own: before them, or from after its first day to past its last (``=== 乙国（3月24日－26日）===``
    after a summit of 3月21日－24日: the next stop's account, though its first day is the summit's last)."""
    heading = to_hans(section.heading)
    if any(not summit.start.year <= y.year <= summit.end.year for y in find_year_months(heading)):
        return True
    return any(day.end < summit.start or summit.start < day.start and summit.end < day.end
               for day in find_dates(heading, year=summit.start.year))


def is_background(section: Section) -> bool:
    return bool(_BACKGROUND.match(to_hans(section.heading).strip()))


# ------------------------------------------------------------------ one node per document


# ------------------------------------------------------------------ table cells


# ------------------------------------------------------------------ an infobox of the document


# ------------------------------------------------------------------ dated anywhere


