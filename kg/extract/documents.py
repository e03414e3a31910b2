"""What was signed or issued at a summit, as the text names it.

A document is named in 《…》, in 「…」 where the quoted words end in a document word and
its clause says it was signed (``簽署「甲乙漁業協定」``; Traditional texts quote names so, and
speech too: ``「這一次沒有達成協議」``), as a linked name ending in a document word (宣言, 协议 ...),
unquoted after a signing verb (``签订中美科技合作协定和文化协定``, ``签署了卫生、医学教育和科学
领域的政府间合作协议，以及修建…公路桥的协议``, or listed after a titled one: ``签署了《甲协定》、甲文化协定
两年执行计划和乙议定书``; modifiers alone before the document word are a description: ``重要合作协议``, ``会谈后发表的甲乙联合声明重申…``; a measure before it is no part
of it: ``签署一项为期十年的经济合作协定``), unquoted before the signing ceremony its leaders attended
(``共同出席了关于…谅解备忘录的签字仪式``), or by its kind alone
(``会后发表联合声明``, ``共同签署两国联合声明``, counted or not: ``发表五项联合声明``; not one on each topic its clause names,
``就甲、乙问题发表了三个联合声明``, which are unnamed; nor a kind its title follows, ``发表联合声明《…》``,
which is the titled one). It is the summit's when the text says it
was signed, issued or approved (签署, 发表, 批准了《…路线图》 by the leaders; not ``甲国议会批准《…》``, a
legislature's later ratification; 会议的成果之一《…》, 成果文件《…》, or a clause listing what
the clause before says was signed: ``签署了12项合作文件，包括《…》和《…》``) and dates it to the summit's days, or
does not date it at all:

- the text before the end of the document's clause gives its time: a day (the day after
  the summit still counts: 会后…次日发表), a month or a year (``1987年12月，双方签署…`` is
  not of a summit in 1985; a month without its year opening the sentence is in the year its paragraph is in:
  ``同年12月，…签署《…》`` is not of a summit that June); a day said to come after the meeting (``会议后的9月17日``) is
  the meeting's; a year inside a document's name (``关于2030年前…的联合声明``) or one that
  frames a time (``2030年前``, ``1980年代``) dates nothing; a day without its year is read
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
  《…》铺平了道路``, is not where the account has got to); one right
  after it that speaks of the document (``该协议于2014年9月签署``) dates it too;
- a document that is not signed there: negated (``未发表联合声明``, ``未就是否发表…达成一致``,
  ``《…》最终未能签署``), planned (``双方原定于…签署《…》``, ``《…》原定于…签署``; a plan in a name
  before it is none: ``签订了《甲执行计划》和《乙议定书》``), initialed (``草签了《…》``), an earlier one
  referred to, confirmed or welcomed, or an article of it cited (``重申遵守《上海公报》``, ``适用《…条约》第五条``, ``再确认《…》``, ``表示欢迎《…》``,
  ``互换《…》的批准文本``; not texts exchanged as they are
  signed, ``签署并交换《…》文本``), ``《…》缔结40周年``, ``重申…此前发表的
  《…》``, ``落实…上次会晤时签署的《…》``; not ``根据此次签署的《…》``), a
  later one (``为翌年的《…》铺平道路``), one under negotiation (``…协定扩围谈判``, ``…条约缔结谈判``),
  a topic of the talks (``就欧洲安全、《…条约》和经济合作等问题签署了…``), a document by its kind
  alone that one side issued (``日本政府另发表新闻公报``), or one issued with someone who is none
  of the summit's participants (``次日，甲在[[某城]]同[[丙国总理]][[丙]]发表了《…》``);
- title marks that name a newspaper or an article (``据《京乡新闻》``, ``发表题为《…》的
  署名文章``; but ``发表了题为《…》的联合声明`` titles a document) name no document, nor a book quoted (``引用《论语》``): a name that does not
  end in a document's word needs its own clause to say it was signed or issued; a name
  given as the basis of something (``在三个《联合公报》的原则基础上``, ``在国际法和《联合国宪章》宗旨和
  原则基础上``) is an earlier one.

A list the sentence before introduces as what was signed (``会谈签署的四项协议为：`` then
one 《…》 a line) names that summit's documents: each item that begins with a name, or is a
name by what it is (``* 条约的议定书；``); an item that names none (``* 欧洲安全：…``) does
not end it. A statement by its kind alone is the summit's where both sides issued it
(``两国首脑在会谈后发表声明``). In an article about one summit that tells of others too, what
its lead or a section of its own account (not 背景, 后续 ...) says was signed is the summit
its first sentence dates. A
meeting table's outcome cell needs no verb, nor its item that is a name written bare (``甲乙首脑联合声明``;
not ``未达成协议``), and an infobox's outcome names bare ones after a verb (``签署甲乙社会保障协定``); an annex issued with a document (``宣言另附有作为附件的
《行动计划》``) is one too; an infobox of the document (``{{Infobox treaty}}``, ``{{Infobox document}}``) names the summit on
whose days it was signed (see :func:`documents_of_treaty_boxes`); and a sentence anywhere in the prose that dates a
document to one summit's days and no other's names that summit's (a table's row the prose
tells of: see :func:`documents_by_their_days`); its note cell (备注) names a document only where
it says it was signed or issued (``通宵谈判，达成《新明斯克协议》``, ``发表共同声明``).

Two names of one document become one node: ``《甲》（又称《乙》）`` (or 「乙」), ``（即《乙》）``, ``《甲》，简称《乙》``,
``《甲》，即《乙》``,
``《甲》和《乙》…总称《丙》``, a short form of a summit's other document
(``《中俄关于X的联合声明》`` of ``《中华人民共和国和俄罗斯联邦关于X的联合声明》``, ``《中美联合声明》``
of ``《中华人民共和国和美利坚合众国联合声明》``), and a
document named by its kind alone where the summit has one of that kind named in full, and
one only described after a signing verb (``签署了全部销毁两国中程导弹的条约``) where the
summit has one of that kind by name, and a name that ends the summit's one other name it ends
(``《某城宣言》`` of ``《甲乙第二次会议某城宣言》``); and one name each side writes with itself first
(``…构建甲乙命运共同体的联合声明`` and ``…构建乙甲命运共同体的联合声明``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kg.extract.dates import find_dates, find_year_months
from kg.extract.entries import cell_chains, entries_in
from kg.extract.narrative import (ASIDE, TITLE_MARKS, Told, bare_days, day_numbers, month_opening, next_about, times_in,
                                  told_after, year_of)
from kg.extract.ordinals import the_defined_summit
from kg.extract.reading import Reading
from kg.extract.scripts import script_of, to_hans, to_hant
from kg.extract.text import Sentence
from kg.model import EntityId, Evidence, Kind, Label, Prop
from kg.wikitext import Section

SIGNED = re.compile(r"签署|签订|发表|通过|发布|达成|缔结|签字|公布|签定|宣读|批准")
#: A clause that lists what the clause before says was signed (…，包括《甲》、《乙》和《丙》).
_LISTED_AFTER = re.compile(r"^(其中)?(包括|包含|有|如|即|分别是|分别为)([^，,。；;]*[、和与及])?$")
#: Before a name in its clause: an annex of a document (宣言另附有作为附件的《行动计划》).
_ANNEX_BEFORE = re.compile(r"(宣言|声明|条约|协定|协议|公报|文件)[^，,。；;《》]{0,4}(附有|附带|附)[^，,。；;《》]{0,6}$")
#: Right before a name: it is named as the meeting's outcome (会议的结果之一《…》).
_OUTCOME_BEFORE = re.compile(r"(成果|结果)(文件)?(之一)?(是|为|包括|有)?$")
DOCUMENT_WORDS = ("宣言", "声明", "协议", "协议书", "公报", "条约", "协定", "纪要", "备忘录", "议定书", "联合声明")
#: Documents named by their kind alone (会后发表联合声明): one of that summit's own.
GENERIC_KINDS = r"联合声明|联合公报|共同声明|联合宣言|新闻公报|会谈纪要|[三四]方(?:联合)?声明"
#: A count before a kind (发表两份联合声明, 发表五项联合声明): statements of that kind, one of the summit's own.
#: Not one on each of the topics its clause names (就南亚问题、…发表了三个联合声明): those are unnamed.
_COUNT = r"(?P<count>[一两二三四五六七八九十0-9]{1,3}(?:份|项|个|篇))?"
#: A measure of a document before its name or kind (长达99条的联合声明, 为期十年的经济合作协定): no part of it.
_MEASURE = r"(?:长达|价值|总值|总额|为期|金额)[^，,。；;的《》]{1,12}的"
_MEASURED = re.compile(r"(?:[一两二三四五六七八九十0-9]{1,3}(?:份|项|个|篇))?" + _MEASURE)
_GENERIC_DOCUMENT = re.compile(rf"(?:签署|签订|发表|发布|通过|公布|宣读)了?{_COUNT}(?:{_MEASURE})?"
                               rf"(?:会谈|两国|双方|三国|三方)?"
                               rf"(?P<w>{GENERIC_KINDS})")  # 共同签署两国联合声明: the sides' statement


def _one_on_each_topic(hans: str, match: re.Match) -> bool:
    """Whether a kind alone is counted (``三个联合声明``) after the topics of its clause (``就…``)."""
    count = match["count"]
    return bool(count) and count[0] not in "一1" and "就" in hans[_clause_start(hans, match.start()):match.start()]
#: A statement by its kind alone that both sides issued (两国首脑在会谈后发表声明): one of that
#: summit's own; one side's (白宫发表声明) is not.
_BOTH_SIDES_STATEMENT = re.compile(r"(?:双方|两国|两人|二人|两位领导人|两国领导人|两国首脑|两国元首|三国领导人|三方)"
                                   r"(?P<between>[^，,。；;]{0,10}?)(?:共同)?(?:发表|发布|宣读)了?(?:一份|一项)?"
                                   r"(?P<w>声明)(?=[，,。；;：:]|$)")
#: What the meeting issued, told as what it is (会谈后发表的甲乙联合声明重申…): a verb before a name; not before
#: a kind alone (根据会后发表的联合声明, often another account's word for the meeting's statement).
_ISSUED_AFTER = r"(?:会|会谈|会晤|会议|峰会)(?:结束)?后(?:共同)?(?:签署|签订|发表|发布)的"
#: Verbs after which a name may stand without title marks (签订甲乙科技合作协定, 发表联合公报和关于…的联合声明).
_SIGNING_OR_ISSUING = re.compile(_ISSUED_AFTER + r"|签署|签订|签定|缔结|签字|发表|发布")
_SIGNING = re.compile(r"签署|签订|签定|缔结|签字")
_NEGATED = re.compile(r"(未|没有|没|不|无法|拒绝)(能|曾|会|得|再)?(共同|正式)?(签署|签订|签定|发表|发布|通过|达成|缔结|公布)"
                      r"|是否(共同|正式)?(签署|签订|签定|发表|发布|通过|达成|缔结|公布)")  # 未就是否发表联合声明达成一致
#: Before a verb in its clause: a negated one it is listed with (双方没有签署协议或发布共同声明: neither).
_NEGATED_LIST = re.compile("(?:" + _NEGATED.pattern + r")[^，,。；;]*(?:或|和|及|与|、)$")
#: Right after a name in its clause: it was not signed or issued (``《甲宣言》未签署``, ``《甲》最终未能签署``).
_NEGATED_AFTER = re.compile(r"^[^，,。；;《》]{0,6}?(?:" + _NEGATED.pattern + ")")
#: Before a name: the document is an earlier or a later one, not signed here (重申遵守《…》,
#: 再确认《…》, 表示欢迎《…》: one the sides confirm or welcome was signed before, or by others).
_NOT_HERE_BEFORE = re.compile(r"(遵守|遵循|重申|确认|欢迎|支持|赞赏|根据|依据|按照|依照|落实|履行|恪守|援引|引用|引述|基于|纪念"
                              r"|(?<!签署并)(?<!签订并)(?<!签字并)(?:互换了?|交换了?))$")  # not 签署并交换《…》文本: just signed
#: Title marks that name no document: a newspaper, a broadcaster, an article's title
#: (据《京乡新闻》, 在《劳动新闻》发表题为《…》的署名文章).
_MEDIA = re.compile(r"(新闻|日报|晚报|早报|时报|邮报|周报|画报|周刊|杂志|通讯社|电视台|电台)$")
#: After a title: the document it is the title of (题为《共创未来》的联合声明).
_TITLE_OF_A_DOCUMENT = re.compile(r"^的(" + "|".join(("联合声明", "共同声明", "联合公报", "联合宣言", "宣言", "声明", "公报")) + ")")
_ARTICLE_TITLE = re.compile(r"(题为|题目为|文章|社论|一文|一书|著作)$")
#: A name that is a topic of the talks: 就…《…》…等问题, 讨论了…协议、…等议题 (before and after it in its clause).
_TOPIC_BEFORE = re.compile(r"(就|讨论|商讨|探讨|谈及|谈到)[^，,。；;签发达通]*$")
_TOPIC_AFTER = re.compile(r"^[^，,。；;]*?(问题|议题|事宜)")
#: Right before a signing verb: one side's government or side alone (日本政府另, 美方).
_ONE_SIDE = re.compile(r"(?P<who>[\u4e00-\u9fff]{1,4}?)(政府|方面|方)(另外?|也|亦|则|还|随即|随后|单独|单方面)*$")
_BOTH = re.compile(r"[两双各三四五]|共同|联合|有关|相关|对|和|与|同|及|、")
_JOINED = re.compile(r"和|与|同|及|、")
#: Before a name in its sentence: a plan (双方原定于…签署《…》), an expectation (双方预计在访问期间签署…协议)
#: or a proposal (甲在会上提议，两国于年底前缔结和平条约; not 在甲的提议下签署, done).
_PLANNED = re.compile(r"原定|原拟|计划|拟于|准备|预定|打算|有望|将于|预计|预期|提议(?!下)|建议(?!下)|呼吁")
#: In a clause: it is to be done, not done (双方将签署…并发表声明).
_PLANNED_HERE = re.compile(r"将|拟|计划|准备|打算|有望|可能")
#: Before a name in its sentence: it came before the visit (在甲抵达某都前数小时，…签署了…, 访问前夕).
_EARLIER = re.compile(r"(抵达|到达|访问|访华|出访|启程|动身)[^，,。；;]{0,8}?前(?!往|进|来|去|任|身)|前夕|前一[天日]")
#: Before a name in its clause: one referred to, or one signed before (重申…此前发表的《…》).
_REFERRED_TO = re.compile(r"(遵守|重申|根据|依据|按照|依照|落实|履行|恪守|援引|引用|基于|纪念|回顾|继承|此前|以前|先前|早前|之前|过去|曾经?)"
                          r"[^，,。；;《》]*的$")
_THIS_TIME = re.compile(r"此次|本次|这次|此行|会上|会后|期间|当天|同日")
#: Before a name in its clause: a legislature ratifies it (甲国议会批准《…》), a later act than its signing;
#: leaders who approve it at their meeting (三国元首…批准了《…路线图》) issue it there.
_RATIFIED = re.compile(r"(议会|国会|议院|人大|常委会|杜马|最高苏维埃|最高人民会议|立法会)[^，,。；;]{0,12}批准[^，,。；;]*$")
#: Before a name in its clause: it came later (埃以双方并在第二年正式签署了《…》, 为翌年的《…》).
_LATER = re.compile(r"翌年|次年|第二年|隔年|来年|后来|日后|此后|多年后|数年后")
#: After a name: an anniversary, a ratification, a negotiation, a document of it
#: (《生物武器公约》议定书: the name only qualifies another), or an article of it cited
#: (适用《甲乙安保条约》第五条, 《宪章》第2条的原则: a text in force, referred to).
_NOT_HERE_AFTER = re.compile(r"^[^，,。；;《》]{0,6}?(原则|基础|精神)上|^(的)?((缔结|签署|签订|签字)?[0-9一二三四五六七八九十]+周年|以来|批准|(缔结|签署|签订|扩围)?谈判|磋商|议定书|修正案|附件"
                             r"|原则|基础|精神|规定|框架内|第[0-9一二三四五六七八九十百、]+条)")
#: A name joined to the ones before it as their common name (两个文件总称《丙》).
_COMMON_NAME = re.compile(r"(总称|合称|统称)(为)?$")
_CLAUSE = re.compile(r"[，,。；;：:]")
#: What ends a part of a sentence that tells a time of its own (1966年…签署《甲》；1972年，…《乙》).
_PART = re.compile(r"[；;]")
#: Another name given after a comma: 《甲》，简称《乙》.
_ALSO_LISTED = re.compile(r"(?:、|和|或)[《「“](?P<t>[^《》「」“”]+)[》」”]")
_ALSO_CALLED = re.compile(r"[，,]?(简称|又称|亦称|也称|全称|通称|俗称|或称|即)(为)?[《「“](?P<t>[^《》「」“”]+)[》」”]")
#: Another name inside a parenthesis, in title marks or quotes (（又称「乙」）).
_NAMED_INSIDE = re.compile(r"[《「“](?P<t>[^《》「」“”]+)[》」”]")
#: A name in quotes that ends in a document word (签署「甲乙协定」, 发表「联合声明」): Traditional
#: texts quote names so; other quotes are speech.
_QUOTED_NAME = re.compile(r"「(?P<t>[^「」《》]{2,40}?(?:" + "|".join(sorted(DOCUMENT_WORDS, key=len, reverse=True)) + r"))」")
#: A name in quotes right before a document's kind is its title (发布「两岸和平发展共同愿景」新闻公报).
_QUOTED_TITLE = re.compile(r"「(?P<t>[^「」《》]{2,40}?)」(?=" + GENERIC_KINDS + ")")
#: A name that ends in none of these is a document only when its own clause says it was
#: signed or issued (签署《…》), not when a verb elsewhere does (引用《论语》).
DOCUMENT_ENDINGS = DOCUMENT_WORDS + ("宪章", "纲要", "清单", "愿景", "文件", "公约", "章程", "公告", "共识", "规划", "计划",
                                     "方案", "倡议", "路线图", "框架", "决议", "换文", "照会", "谅解")
#: Words that tell a sentence goes on at the time told before it (当天下午，…签字; 普京同日签署…).
_GOES_ON = re.compile(r"当天|当日|同日|同天|是日|当晚|当夜|次日|翌日|隔日|同年|当年|同月|当月|随后|其后|之后|此后|稍后"
                      r"|上午|下午|中午|晚上|晚间|傍晚|凌晨|早晨|(会|会谈|会晤|会议|峰会)(结束)?后")
#: A sentence that begins with its time (2024年9月6日，…; 5月7日上午，…): the time its paragraph has reached.
_OPENS_WITH_A_TIME = re.compile(r"[0-9]{4}年|[0-9]{1,2}月[0-9]{1,2}日")
#: A sentence that introduces a list of the outcomes (会谈签署的四项协议为：, 会议成果包括：).
_INTRODUCES = re.compile(r"(签署|签订|发表|通过|达成|缔结|成果|结果|文件)[^。；]*[：:]$")
#: A sentence that says when the document just named was signed (该协议于2014年9月签署, not
#: 该条约于1988年6月1日生效, which dates its coming into force).
_REFERS_BACK = re.compile(r"^(该|此|这份|这项|这一|上述)(协议|协定|条约|声明|宣言|公报|文件|备忘录|议定书|纪要|纲要|宪章|公约)"
                          r"[^，,。；;]*(签署|签订|签定|缔结|签字|发表|发布|通过)")
_ITEM_SEPARATORS = re.compile(r"[、，,；;]")
#: A list item that is a document named by what it is, no more (条约的议定书；).
_DESCRIBED_ITEM = re.compile(r"^(?P<n>[^，,。；;：:《》「」“”()（）\s]{1,16}?(?:"
                             + "|".join(sorted(DOCUMENT_WORDS, key=len, reverse=True)) + r"))[；;。.，,]?$")
_BACKGROUND = re.compile(r"^(背景|历史背景|起源|前因|缘起|历史|筹备|准备)")
#: Unquoted names after a signing verb: a run of name characters ending in a document word.
#: A hyphen may join its parts (S-400防空导弹系统协议, 甲－乙边界协定), and quotation marks a term
#: inside it (关于共同推进“某某倡议”建设的谅解备忘录).
_UNQUOTED = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·][\u4e00-\u9fffA-Za-z0-9·、\-－“”]*?(?:"
                       + "|".join(sorted(DOCUMENT_WORDS, key=len, reverse=True)) + ")")
_JOINS = re.compile(r"和|与|及|以及|、")
#: A name in title marks where a list of names goes on (签署了《甲协定》、乙协定两年执行计划和丙议定书).
_TITLED = re.compile(r"《[^《》]+》")
#: An unquoted item of such a list: name characters to a word of what was signed that a join,
#: the clause's end or 等 follows (甲协定两年执行计划、; 丙议定书和).
_LISTED_AFTER_A_TITLE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·][\u4e00-\u9fffA-Za-z0-9·\-－]*?(?:"
                                   + "|".join(sorted(DOCUMENT_ENDINGS, key=len, reverse=True))
                                   + r")(?=、|和|与|及|以及|等|[，,。；;]|$)")
#: An unquoted name of what a document is about (关于结束甲协定谈判的意向声明, 关于共同推进“某某倡议”建设的
#: 谅解备忘录): a document word inside it is its subject's; the name ends at the document word after its 的.
_ABOUT = re.compile(r"关于[\u4e00-\u9fffA-Za-z0-9·、“”]*?的[\u4e00-\u9fffA-Za-z0-9·“”]*?(?:"
                    + "|".join(sorted(DOCUMENT_WORDS, key=len, reverse=True)) + r")(?=[^\u4e00-\u9fffA-Za-z0-9·]|和|与|及|以|为|$)")
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]")
#: What may follow a name: a join, a verb that goes on about it (…协定，为…; …协定以…), or the
#: 等 that ends a list (签署甲乙合拍协议等合作文件).
_NAME_ENDS = re.compile(r"和|与|及|以|为|等")
#: What makes an unquoted phrase a description, not a name (两项有关…的协定, 双边协议).
#: 共同 of 命运共同体, or right after 关于 (关于共同推进…的备忘录), is a name's word.
_NOT_A_NAME = re.compile(r"项|份|个|些|系列|多|等|各|并|(?<!关于)共同(?!体)|正式|分别|签|发表|" + GENERIC_KINDS)
#: What a name may not begin with: a word that makes it a description (有关…的协定, 上述协议).
_NOT_A_NAME_START = re.compile(r"^(有关|相关|上述|以上|这|该|此|其|有|两|三|几|数|一|的)")  # 签订的边界条约: a description
#: Right after a name the meeting issued (会后发表的甲乙联合声明重申…): what the document says.
_IT_SAYS = re.compile(r"重申|提及|提到|表示|强调|指出|称|宣布|写|中|未|则|也|还|确认")
#: A comma that goes on with the list of names (…合作协议，以及修建…的协议).
_LIST_GOES_ON = re.compile(r"[，,](以及|及|和)")
_MODIFIERS = ("双边", "多边", "相关", "有关", "合作", "框架", "上述", "重要", "若干", "该", "此", "这", "新", "临时", "国际",
              "正式", "最终", "全面")
#: Words before a document word that are modifiers alone, however many (重要合作协议, 双边合作协定): a description.
_ONLY_MODIFIERS = re.compile("(?:" + "|".join(_MODIFIERS) + ")+")


def outcomes(reading: Reading, summit: EntityId, sentences, span: tuple[date, date]) -> None:
    """Records as the summit's outcomes the documents these sentences say were signed or
    issued at it (see the module's rules)."""
    sentences = list(sentences)
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
        following = next_about(sentences, i, _REFERS_BACK)
        if listed is not None:
            _listed_outcomes(reading, summit, sentence, listed)
        elif SIGNED.search(sentence.hans) or re.search(r"成果|结果|附", sentence.hans):
            _sentence_outcomes(reading, summit, sentence, span, told, opened, following)
            if _INTRODUCES.search(sentence.hans) and _of_the_days(sentence.hans, len(sentence.hans), span, told, opened):
                listed = sentence
        own = times_in(sentence.hans, span, year_of(sentence.hans, told.year if told else None))
        if own.times or own.after_the_meeting:
            opened = _OPENS_WITH_A_TIME.match(sentence.hans) is not None
        told = told_after(sentence.hans, span, told)


def _sentence_outcomes(reading: Reading, summit: EntityId, sentence: Sentence, span: tuple[date, date],
                       told: Told | None, opened: bool, following: Sentence | None) -> None:
    registry = reading.registry
    skip_until = -1
    named: list[EntityId] = []
    for start, end, name, article in document_names(sentence):
        if start < skip_until:
            continue  # another name of the document before it, given in its parenthesis
        if not _said_signed(sentence.hans, start, end) or not _of_the_days(sentence.hans, end, span, told, opened) \
                or _with_another(reading, summit, sentence, start):
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
        skip_until = _other_names(reading, document, sentence, end)
    for match in _GENERIC_DOCUMENT.finditer(sentence.hans):
        if "《" in sentence.hans[max(0, match.start() - 1):match.start()] or _TITLED_AFTER.match(sentence.hans, match.end()) or \
                _NEGATED.search(sentence.hans[max(0, match.start() - 4):match.end()]) or \
                _NEGATED_LIST.search(sentence.hans, _clause_start(sentence.hans, match.start()), match.start()) or \
                by_one_side(sentence.hans[_clause_start(sentence.hans, match.start()):match.start()]) or \
                _SOUGHT_RIGHT_BEFORE.search(sentence.hans, 0, match.start()) or \
                _one_on_each_topic(sentence.hans, match) or not _of_the_days(sentence.hans, match.end(), span, told, opened):
            continue
        generic_document(reading, summit, sentence.text[match.start("w"):match.end("w")],
                         (sentence.evidence(),))
    for match in _BOTH_SIDES_STATEMENT.finditer(sentence.hans):
        if not _NEGATED.search(match.group()) and not _PLANNED_HERE.search(match["between"]) and \
                _of_the_days(sentence.hans, match.end(), span, told, opened):
            generic_document(reading, summit, sentence.text[match.start("w"):match.end("w")], (sentence.evidence(),))


#: Right after a kind: the title of that document (发表联合声明《甲乙伙伴关系：某城提案》), which names it.
_TITLED_AFTER = re.compile(r"《")


def _with_another(reading: Reading, summit: EntityId, sentence: Sentence, start: int) -> bool:
    """Whether the clause of a name says a participant issued it with someone who is none of the
    summit's participants (``次日，甲在[[某城]]同[[丙国总理]][[丙]]发表了《甲丙联合声明》``): another
    meeting's; not ministers who sign in the leaders' presence (``甲国部长丁与乙国部长戊签署了…``)."""
    registry = reading.registry
    clause_start = _clause_start(sentence.hans, start)
    participants = {p.key for p in registry.facts_about(summit, Prop.PARTICIPANT) if isinstance(p, EntityId)}
    if not participants:
        return False
    for spot in sentence.spots_in(clause_start, start):
        partner = _PARTNER_BEFORE.search(sentence.hans, clause_start, spot.start)
        if partner is not None and registry.is_a(spot.surface, Kind.PERSON) and spot.key not in participants \
                and any(s.key in participants for s in sentence.spots_in(clause_start, partner.start())):
            return True
    return False


#: Right before a person in a clause (an office between): the one a document was issued with (同[[丙国总理]]).
_PARTNER_BEFORE = re.compile(r"(?:同|与|跟)(?:[^，,。；;《》同与跟]{0,10})$")


def _an_item(reading: Reading, sentence: Sentence) -> bool:
    """Whether the sentence is an item of a wikitext list (its line begins with * or #)."""
    text, at = reading.document.text, sentence.span_of(0, 0).start
    return reading.document.text[text.rfind("\n", 0, at) + 1:at].lstrip().startswith(("*", "#"))


def _listed_outcomes(reading: Reading, summit: EntityId, item: Sentence, introduction: Sentence) -> None:
    """An item of a list the sentence before introduced as the outcomes (会谈签署的四项协议为：
    then one 《…》 a line): the name it begins with, with its other names."""
    registry = reading.registry
    described = _DESCRIBED_ITEM.match(item.hans)
    if described is not None:  # 条约的议定书；: the item is the name
        if re.fullmatch(GENERIC_KINDS, described["n"]):
            generic_document(reading, summit, item.text[:described.end("n")], (item.evidence(), introduction.evidence()))
            return
        document = registry.named(Kind.DOCUMENT, item.text[:described.end("n")])
        registry.fact(summit, Prop.OUTCOME, document, evidence=(item.evidence(), introduction.evidence()))
        registry.evidence(document, item.evidence())
        return
    for start, end, name, article in document_names(item):
        if start != 0:
            break
        if not named_here(item.hans, start, end):
            break
        if re.fullmatch(GENERIC_KINDS, to_hans(name)):
            generic_document(reading, summit, name, (item.evidence(), introduction.evidence()))
            break
        document = registry.named(Kind.DOCUMENT, name, article=article)
        registry.fact(summit, Prop.OUTCOME, document, evidence=(item.evidence(), introduction.evidence()))
        registry.evidence(document, item.evidence())
        _other_names(reading, document, item, end)
        break


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
    ``落实2009年签署的《…》``), not this time (``根据此次签署的《…》``)."""
    referred = _REFERRED_TO.search(before)
    return bool(referred and not _THIS_TIME.search(referred.group()))


def _a_topic(before: str, after: str) -> bool:
    """Whether a name in its clause is a topic of the talks, not a document signed
    (``就欧洲安全、《反弹道导弹条约》和经济合作等问题签署了五项联合声明``)."""
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
#: Right before a signing verb in its clause: the signing is sought, not done (同意推动早日签署《…》);
#: right before a name, the document is (三方就推进《…》谈判达成一致).
_SOUGHT_WORDS = r"(?:早日|尽快|尽早|近期|争取|力争|推动|推进|期待|希望|期望|寻求|决定|致力于?)(?:早日|尽快|尽早|近期)?"
_SOUGHT = re.compile(_SOUGHT_WORDS + r"(?:签署|签订|签定|缔结|达成|完成|发表)[^，,。；;]{0,4}$")
_SOUGHT_RIGHT_BEFORE = re.compile(_SOUGHT_WORDS + "$")


def _said_signed(hans: str, start: int, end: int) -> bool:
    """Whether the clause says this document was signed or issued here."""
    clause_start = max((m.end() for m in _CLAUSE.finditer(hans, 0, start)), default=0)
    before, after = hans[clause_start:start], hans[end:]
    sentence_before = _outside_names(_unquoted_emptied(hans, start))
    verb = SIGNED.search(hans, end, _clause_end(hans, end))
    to_its_verb = _outside_names(hans[end:verb.start()]) if verb else ""  # 《甲》原定于…签署, 《甲》最终未能签署
    if _PLANNED.search(to_its_verb) or _NEGATED.search(hans[end:verb.end()] if verb else ""):
        return False
    if verb is None and _IN_FORCE.search(hans, end, _clause_end(hans, end)):
        return False  # 《甲》和《乙》同时生效: its clause tells it came into force, not that it was signed
    if _NEGATED.search(before) or _NOT_HERE_BEFORE.search(before) or _RATIFIED.search(before) or _LATER.search(before) or \
            _SOUGHT.search(before) or _SOUGHT_RIGHT_BEFORE.search(before) or \
            _EARLIER.search(sentence_before) or _an_earlier_one(before) or \
            _NOT_HERE_AFTER.match(after) or _PLANNED.search(sentence_before) or _not_a_document(hans, start, end) or \
            _a_topic(before, after):
        return False
    if _ANNEX_BEFORE.search(before):
        return True  # 宣言另附有作为附件的《行动计划》: issued with it
    if _LISTED_AFTER.search(before) and SIGNED.search(hans[:clause_start]):
        return True  # 双方签署了12项合作文件，包括《…》和《…》
    if _INITIALED.search(before):
        return False  # 草签了《甲》: initialed, to be signed later
    if hans[start] == "「":  # a quoted name: its own clause says it was signed
        return bool(SIGNED.search(before) or _OUTCOME_BEFORE.search(before))
    if not hans[start:end].strip("《》").endswith(DOCUMENT_ENDINGS):
        return bool(SIGNED.search(before) or _OUTCOME_BEFORE.search(before))
    return bool(SIGNED.search(hans) or _OUTCOME_BEFORE.search(before))


def _outside_names(text: str) -> str:
    """The words of a text with the names in its title marks emptied: a plan or a time the
    sentence tells is in its own words, not in a name it lists before (``签订了《甲执行计划》、
    《乙议定书》``: 乙 is signed, not planned)."""
    return _A_NAME.sub("《》", text) if "《" in text else text


def _unquoted_emptied(hans: str, start: int) -> str:
    """The words before ``start`` with the unquoted names listed in them emptied, as title
    marks (``签署了《甲协定》、甲文化协定两年执行计划和乙议定书``: 乙 is signed, not planned)."""
    text = hans[:start]
    for name_start, name_end in sorted(unquoted_names(hans), reverse=True):
        if name_end <= start:
            text = text[:name_start] + "《》" + text[name_end:]
    return text


_A_NAME = re.compile(r"《[^《》]*》")
#: Right before a name: it was initialed (并草签了《甲》), not signed.
_INITIALED = re.compile(r"草签了?$")
#: After a name in its clause: it came into force (《甲协定》同时生效), signed before.
_IN_FORCE = re.compile(r"生效|施行|实施")
#: An undated clause said to be on the day told before (同日, 当天): not the day after another summit.
_SAME_DAY = re.compile(r"同日|当天|当日")


def _of_the_days(hans: str, end: int, span: tuple[date, date], told: Told | None = None, opened: bool = False) -> bool:
    """Whether the text up to the end of this clause dates what it says to the summit's
    days (the day after included, unless the text says it was the same day as one told: 同日,
    当天), or does not date it; an undated one that says it goes
    on at the time told before it (当天, 同日, 下午 ...) is dated by the time its paragraph
    told last (``told``), and so is any undated one where the sentence that told it began
    with it (``opened``: 2024年9月6日，…)."""
    stop = next((m.start() for m in _CLAUSE.finditer(hans, end)), len(hans))
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
    if not own.times and not own.after_the_meeting and told is not None and (opened or _GOES_ON.search(hans[:stop])):
        own = told
    if own.after_the_meeting:
        return True
    next_day = span[1] + timedelta(days=1) if not _SAME_DAY.search(hans[:stop]) else span[1]
    numbers = day_numbers(hans[part:stop]) if not own.times else set()
    if numbers:  # 19日，…签署《…》 in a paragraph that told no month: a day of that number
        return any((span[0] + timedelta(days=i)).day in numbers for i in range((next_day - span[0]).days + 1))
    return not own.times or any(start <= next_day and span[0] <= last for start, last in own.times)


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
    summit = the_defined_summit(reading, summits)
    if summit is None:
        return
    outcomes(reading, summit.id, reading.lead, (summit.start, summit.end))
    for section, sentences in reading.by_section.items():
        if not ASIDE.match(to_hans(section.heading).strip()) and not _another_time(section, summit):
            outcomes(reading, summit.id, sentences, (summit.start, summit.end))


def _another_time(section: Section, summit) -> bool:
    """A section whose heading names a year the summit is not in (=== 2019年 ===)."""
    return any(not summit.start.year <= y.year <= summit.end.year for y in find_year_months(to_hans(section.heading)))


def is_background(section: Section) -> bool:
    return bool(_BACKGROUND.match(to_hans(section.heading).strip()))


def document_names(sentence: Sentence):
    """(start, end, name, linked article) of each document the sentence names, in the
    order it names them."""
    return sorted(_document_names(sentence), key=lambda found: found[0])


def _document_names(sentence: Sentence):
    taken: list[tuple[int, int]] = []
    for match in TITLE_MARKS.finditer(sentence.hans):
        inner = sentence.spots_in(match.start("t"), match.end("t"))
        link = next((s for s in inner if s.link and s.start == match.start("t") and s.end == match.end("t")), None)
        name = link.link.link.target if link else sentence.text[match.start("t"):match.end("t")]
        taken.append((match.start(), match.end()))
        yield match.start(), match.end(), name, link.link.link.target if link else None
    for match in (*_QUOTED_NAME.finditer(sentence.hans), *_QUOTED_TITLE.finditer(sentence.hans)):
        if not any(a <= match.start() < b for a, b in taken):
            taken.append((match.start(), match.end()))
            yield match.start(), match.end(), sentence.text[match.start("t"):match.end("t")], None
    for spot in sentence.spots:
        if spot.link and spot.hans.endswith(DOCUMENT_WORDS) and \
                not any(a <= spot.start < b for a, b in taken):
            taken.append((spot.start, spot.end))
            yield spot.start, spot.end, spot.link.link.target, spot.link.link.target
    for start, end in (*unquoted_names(sentence.hans), *ceremony_names(sentence.hans)):
        if not any(a < end and start < b for a, b in taken):
            taken.append((start, end))
            yield start, end, sentence.text[start:end], None


def unquoted_names(hans: str):
    """(start, end) of the names written without 《》 after a signing or issuing verb, joined by
    和, 与, 及, 、 (``签订中美科技合作协定和文化协定``, ``发表联合公报和关于…的联合声明``: a kind
    alone in the list is read apart; a name of what it is about ends at the document word after
    its 的: ``签署了关于结束某协定谈判的意向声明``); a description is no name (``两项有关裁军问题的协定``,
    ``双边协议``)."""
    for verb in _SIGNING_OR_ISSUING.finditer(hans):
        at = verb.end() + (hans[verb.end():verb.end() + 1] == "了")
        stop = _clause_end(hans, at)
        measured = _MEASURED.match(hans, at, stop)
        at = measured.end() if measured else at  # 签署一项为期十年的经济合作协定: the name is after its measure
        after_a_title = False
        while at < stop:
            titled = _TITLED.match(hans, at, stop)  # 签署了《甲协定》、乙计划和丙协定: the titled one is read apart
            if titled is not None:
                join = _JOINS.match(hans, titled.end(), stop)
                if join is None:
                    break
                at, after_a_title = join.end(), True
                continue
            match = _UNQUOTED.match(hans, at, stop)
            if after_a_title:
                match = _LISTED_AFTER_A_TITLE.match(hans, at, stop) or match
            if match is not None and hans.startswith("关于", at) and _NAME_CHAR.match(hans, match.end()) \
                    and not _NAME_ENDS.match(hans, match.end()):
                match = _ABOUT.match(hans, at, stop) or match  # 关于结束甲协定谈判的意向声明: the words to its 的 are its own
            if match is None or _NAME_CHAR.match(hans, match.end()) and not _NAME_ENDS.match(hans, match.end()) \
                    and not (verb.group().endswith("的") and _IT_SAYS.match(hans, match.end())):
                break  # the document word ends no name here (…协定书的)
            name = match.group()
            join = _LIST_GOES_ON.match(hans, match.end()) or _JOINS.match(hans, match.end(), stop)
            if re.fullmatch(GENERIC_KINDS, name):  # a kind alone is read apart: 发表联合公报和关于…的联合声明
                if join is None:
                    break
                at = join.end()
                continue
            if not (_a_name(name) if name.endswith(DOCUMENT_WORDS) else _a_listed_name(name)):
                break
            yield match.start(), match.end()
            join = _LIST_GOES_ON.match(hans, match.end()) or _JOINS.match(hans, match.end(), stop)
            if join is None:
                break
            at = join.end()
            stop = max(stop, _clause_end(hans, at))


def _a_listed_name(name: str) -> bool:
    """Whether an unquoted item of a list after a titled name, ending in another word of what
    was signed (``中美文化协定两年执行计划``), names one: not a description (``有关计划``)."""
    return not (_NOT_A_NAME.search(name) or _NOT_A_NAME_START.match(name)) and len(name) >= 6


def ceremony_names(hans: str):
    """(start, end) of the names written without 《》 between a verb of attending and the signing
    ceremony they name (``两国元首共同出席了关于成立甲乙工作组谅解备忘录的签字仪式``, ``出席甲乙铁路项目
    共同融资协议签字仪式``): the ceremony is the signing; a description is none (``出席两项合作协议的签字仪式``,
    ``出席合作文件签字仪式``)."""
    for match in _CEREMONY.finditer(hans):
        name = match["n"]
        if not (re.fullmatch(GENERIC_KINDS, name) or _NOT_A_NAME_START.match(name) or _COUNTED.search(name)
                or len(name) < 6):
            yield match.start("n"), match.end("n")


#: A name between a verb of attending and a signing ceremony (出席…协议的签字仪式).
_CEREMONY = re.compile(r"(?:出席|参加|见证|举行|主持)了?(?P<n>[\u4e00-\u9fffA-Za-z0-9·\-－]+?(?:"
                       + "|".join(sorted(DOCUMENT_WORDS, key=len, reverse=True)) + r"))的?(?:签字|签署)仪式")
#: Words that make a phrase a description of documents, not a name (两项, 多份, 系列, 等).
_COUNTED = re.compile(r"项(?!目)|份|个|些|系列|多|等|各")


def _clause_start(hans: str, at: int) -> int:
    return max((m.end() for m in _CLAUSE.finditer(hans, 0, at)), default=0)


def _clause_end(hans: str, at: int) -> int:
    return next((m.start() for m in _CLAUSE.finditer(hans, at)), len(hans))


def _other_names(reading: Reading, document: EntityId, sentence: Sentence, end: int) -> int:
    """``《甲》（又称《乙》，{{lang|en|…}}、{{lang|ko|…}}）``: 乙 and the en/ko names; after the name
    or its parenthesis, ``，简称《乙》、《丙》``: 乙 and 丙.

    Returns where the other names end (``end`` when there are none).
    """
    called = _ALSO_CALLED.match(sentence.hans, end)
    if called is None and sentence.text.startswith(("（", "("), end):
        closed = _parenthesis(reading, document, sentence, end)
        called = _ALSO_CALLED.match(sentence.hans, closed + 1)  # 《甲》（外文名），简称《乙》
        if called is None:
            return closed
    if called is None:
        return end
    at = called.end()
    for more in [called] + list(_more_names(sentence.hans, at)):  # 《甲》，简称《乙》、《丙》
        text = sentence.text[more.start("t"):more.end("t")]
        reading.registry.label(document, Label(text, script_of(text)))
        reading.index.merge(document.key, text)
        at = more.end()
    reading.index.prefer(document.key)
    return at


def _more_names(hans: str, at: int):
    """The names listed right after another name of a document (``简称《乙》、《丙》``)."""
    while (more := _ALSO_LISTED.match(hans, at)) is not None:
        yield more
        at = more.end()


def _parenthesis(reading: Reading, document: EntityId, sentence: Sentence, end: int) -> int:
    """The names in the parenthesis right after a document's name; where it closes."""
    rest = sentence.text[end:]
    depth, stop = 0, len(rest)
    for i, char in enumerate(rest):
        depth += char in "（("
        depth -= char in "）)"
        if depth == 0:
            stop = i
            break
    inside = (end + 1, end + stop)
    hans_inside = sentence.hans[inside[0]:inside[1]]
    for match in _NAMED_INSIDE.finditer(hans_inside):
        text = sentence.text[inside[0] + match.start("t"):inside[0] + match.end("t")]
        reading.registry.label(document, Label(text, script_of(text)))
        reading.index.merge(document.key, text)
        reading.index.prefer(document.key)  # the name the text gives first stays the key
    offset = sentence.start
    for run in sentence.passage.langs:
        if inside[0] <= run.start - offset and run.end - offset <= inside[1]:
            text = sentence.passage.text[run.start:run.end]
            reading.registry.label(document, Label(text, run.language), preferred=True)
    return inside[1]


# ------------------------------------------------------------------ one node per document


def one_document_each(reading: Reading, summits) -> None:
    """Folds the names of one document into one node: names merged after a node was made
    for each (an infobox's 《乙》, then the prose's 《甲》（即《乙》）), a summit's short and
    full names of one statement, and a summit's document named by its kind alone where it
    has one of that kind named in full (or the same kind twice), and one name written by each
    side with itself first (中越, 越中)."""
    registry = reading.registry
    registry.refold(Kind.DOCUMENT)
    quoted = {to_hans(m["t"]) for sentence in reading.all_sentences() for m in TITLE_MARKS.finditer(sentence.hans)}
    quoted |= {m["t"] for m in TITLE_MARKS.finditer(to_hans(reading.document.text))}
    for summit in summits:
        documents = [d for d in registry.facts_about(summit, Prop.OUTCOME) if isinstance(d, EntityId)]
        named = [d for d in documents if d.kind is Kind.DOCUMENT and registry.kind_of(d.key) is Kind.DOCUMENT]
        for short, full in _short_and_full(named):
            registry.fold(short, full)
        for description, full in _described_and_named(named, quoted):
            if full is None:  # several of its kind by name: which one it describes is unknown
                registry.drop_one(summit, Prop.OUTCOME, description)
            else:
                registry.fold(description, full)
        for short, full in _tail_of_a_name(reading, named, quoted):
            registry.fold(short, full)
        for other, first in _each_side_first(named):
            registry.fold(other, first)
        named_words = {to_hans(name) for d in named for name in (d.key, *registry.surfaces(d))}
        seen: set[str] = set()
        for document in documents:
            word = next(iter(re.findall(GENERIC_KINDS, document.key)), None) if document not in named else None
            if word is None:
                continue
            if word in seen or any(name.endswith(word) for name in named_words):
                registry.forget(document)
            seen.add(word)


def _short_and_full(named: list[EntityId]):
    """Pairs (short, full) of a summit's documents that are one: the same subject from
    关于 on, the short one's issuers a subsequence of the full one's (中俄 of
    中华人民共和国和俄罗斯联邦, or none); or the same kind issued by the same sides, the
    short one naming each side by its first character (中美联合声明 of
    中华人民共和国和美利坚合众国联合声明, 中日 of 中华人民共和国政府和日本国政府)."""
    out = []
    for short in named:
        for full in named:
            if short == full or len(short.key) >= len(full.key):
                continue
            if "关于" in short.key and "关于" in full.key:
                s_head, s_tail = short.key.split("关于", 1)
                f_head, f_tail = full.key.split("关于", 1)
                if s_tail == f_tail and len(s_tail) >= 8 and _subsequence(s_head, f_head):
                    out.append((short, full))
                    break
            elif _same_sides_and_kind(short.key, full.key):
                out.append((short, full))
                break
    return out


def _each_side_first(named: list[EntityId]):
    """Pairs (other, first) of a summit's documents that are one, each side naming itself
    first: the same name but for two sides' one-character names swapped (``…构建中越命运共同体的
    联合声明`` and ``…构建越中命运共同体的联合声明``); the one named first stays."""
    out = []
    folded: set[EntityId] = set()
    for i, first in enumerate(named):
        for other in named[i + 1:]:
            a, b = first.key, other.key
            if first in folded or other in folded or len(a) != len(b) or len(a) < 8:
                continue
            differ = [j for j in range(len(a)) if a[j] != b[j]]
            if len(differ) == 2 and differ[1] == differ[0] + 1 and a[differ[0]] == b[differ[1]] \
                    and a[differ[1]] == b[differ[0]] and a.endswith(DOCUMENT_WORDS):
                out.append((other, first))
                folded.add(other)
    return out


def _tail_of_a_name(reading: Reading, named: list[EntityId], quoted: set[str]):
    """Pairs (short, full) of a summit's documents that are one: a name, bare or in title marks,
    that ends the one other name of the summit's it ends (``签订边界条约`` of
    ``《中华人民共和国和缅甸联邦边界条约》``, a table's ``《某城宣言》`` of the prose's
    ``《甲乙合作第二次领导人会议某城宣言》``), or one of its other names (``签署了科技合作协定`` of
    ``《甲乙两国政府科学技术合作协定》（简称《甲乙科技合作协定》）``)."""
    out = []
    for short in named:
        if len(short.key) < 4 or not short.key.endswith(DOCUMENT_WORDS):
            continue
        longer = [d for d in named if d != short and (d.key in quoted or "的" not in d.key)  # not 签订的边界条约
                  and any(len(name) > len(short.key) and name.endswith(short.key)
                          for name in {d.key} | {q for q in quoted if reading.index.key(q) == d.key})]
        if len(longer) == 1:
            out.append((short, longer[0]))
    return out


def _described_and_named(named: list[EntityId], quoted: set[str]):
    """Pairs (description, name) of a summit's documents that are one: a document the text
    only describes (签署了全部销毁两国中程和短程核导弹的条约, never in title marks) and the
    one document of that kind the summit has by name (its 条约); (description, None) where
    it has several of that kind by name."""
    def described(document: EntityId) -> bool:
        return "的" in document.key and not document.key.startswith("关于") and document.key not in quoted

    out = []
    for description in filter(described, named):
        kind = next(w for w in sorted(DOCUMENT_WORDS, key=len, reverse=True) if description.key.endswith(w)) \
            if description.key.endswith(DOCUMENT_WORDS) else None
        same_kind = [d for d in named if kind and d.key.endswith(kind) and not described(d)]
        if same_kind:
            out.append((description, same_kind[0] if len(same_kind) == 1 else None))
    return out


_KIND = re.compile(rf"({GENERIC_KINDS})$")
#: What joins the sides' names in a document's full name (中华人民共和国和美利坚合众国).
_SIDES_JOIN = "和与同"


def _same_sides_and_kind(short: str, full: str) -> bool:
    kind = _KIND.search(short)
    if kind is None or "关于" in short or not full.endswith(kind.group()) or "关于" in full:
        return False
    sides = short[:kind.start()]
    if not 2 <= len(sides) <= 4 or not all(_NAME_CHAR.match(c) for c in sides):
        return False
    pattern = re.escape(sides[0]) + ".*?" + "".join(f"[{_SIDES_JOIN}]{re.escape(c)}.*?" for c in sides[1:])
    return bool(re.fullmatch(pattern, full[:-len(kind.group())]))


def _subsequence(short: str, full: str) -> bool:
    chars = iter(full)
    return all(c in chars for c in short)


# ------------------------------------------------------------------ table cells


def named_here(hans: str, start: int, end: int) -> bool:
    """Whether the 《…》 name at ``start:end`` of a list (a cell, an infobox field) names a
    document of this summit, not an earlier, a later or another one it qualifies."""
    clause_start = max((m.end() for m in _CLAUSE.finditer(hans, 0, start)), default=0)
    before = hans[clause_start:start]
    return not (_NEGATED.search(before) or _NOT_HERE_BEFORE.search(before) or _LATER.search(before)
                or _NOT_HERE_AFTER.match(hans[end:]) or _NEGATED_AFTER.match(hans[end:])
                or _not_a_document(hans, start, end))


def _not_a_document(hans: str, start: int, end: int) -> bool:
    """A newspaper or an article's title in title marks."""
    name = hans[start:end].strip("《》")
    titled = _ARTICLE_TITLE.search(hans[:start]) and not _TITLE_OF_A_DOCUMENT.match(hans[end:])
    return bool(_MEDIA.search(name) or titled)


def cell_documents(text: str, *, said: bool = False) -> list[tuple[str, bool]]:
    """(name, by its kind alone) of each document an outcome cell names: 《…》 names (a
    cell needs no verb) unless referred to as earlier ones (``重申遵守《上海公报》``),
    unquoted names after a signing verb, and kinds alone written as an item of their own
    or after a verb (``联合公报、《…》``, ``发表联合公报，同意…``).

    ``said``: the cell is a note, not an outcome column's: it names a document only where
    its clause says it was signed or issued (``通宵谈判，达成《某城协议》``, ``发表五项联合声明``)."""
    hans = to_hans(text)
    out: list[tuple[str, bool]] = []
    taken: list[tuple[int, int]] = []
    for match in TITLE_MARKS.finditer(hans):
        taken.append((match.start(), match.end()))
        clause = hans[max((m.end() for m in _CLAUSE.finditer(hans, 0, match.start())), default=0):match.start()]
        if said and not SIGNED.search(clause):
            continue
        if named_here(hans, match.start(), match.end()):
            name = text[match.start("t"):match.end("t")]
            out.append((name, bool(re.fullmatch(GENERIC_KINDS, to_hans(name)))))
    for start, end in unquoted_names(hans):
        if not any(a < end and start < b for a, b in taken):
            taken.append((start, end))
            if not _SOUGHT.search(hans, _clause_start(hans, start), start):  # 决定缔结新的基本条约: not yet
                out.append((text[start:end], False))
    if not said:
        for start, end in _named_items(hans):
            if not any(a < end and start < b for a, b in taken):
                taken.append((start, end))
                out.append((text[start:end], False))
    for match in re.finditer(GENERIC_KINDS, hans):
        if any(a <= match.start() < b for a, b in taken):
            continue
        item_start = max((m.end() for m in _ITEM_SEPARATORS.finditer(hans, 0, match.start())), default=0)
        item = hans[item_start:match.start()].strip()
        verb = _GENERIC_DOCUMENT.search(hans, item_start, match.end())
        if item == "" and not said or verb and not _one_on_each_topic(hans, verb) and \
                not _NEGATED.search(hans[item_start:match.end()]):
            out.append((text[match.start():match.end()], True))
    return out


#: An outcome cell's item that says there was none (未达成协议, 无联合声明).
_NO_ITEM = re.compile(r"未|无|没|不")
#: What separates the items of an outcome cell (联合声明；甲乙休战协议).
_CELL_ITEMS = re.compile(r"[^、，,；;\n]+")


def _named_items(hans: str):
    """(start, end) of each item of an outcome cell that is a name and nothing else, written
    without title marks (``甲乙首脑联合声明``, ``联合声明；甲乙争端休战协议``): the cell needs
    no verb; a description is none (``两项合作协议``, ``双边协议``), nor what says one was or was not
    reached (``未达成协议``: the verbs' readers read it)."""
    for item in _CELL_ITEMS.finditer(hans):
        start, end = item.start() + len(item.group()) - len(item.group().lstrip()), \
            item.end() - len(item.group()) + len(item.group().rstrip())
        if _UNQUOTED.fullmatch(hans, start, end) and _a_name(hans[start:end]) and \
                not SIGNED.search(hans, start, end) and not _NO_ITEM.match(hans, start, end):
            yield start, end


def _a_name(name: str) -> bool:
    """Whether words that end in a document word name one, not describe it (``两项有关…的协定``,
    ``重要合作协议``: modifiers alone)."""
    core = name[:-max(len(w) for w in DOCUMENT_WORDS if name.endswith(w))]
    return not (re.fullmatch(GENERIC_KINDS, name) or _NOT_A_NAME.search(core) or _NOT_A_NAME_START.match(name)
                or len(core) < 2 or _ONLY_MODIFIERS.fullmatch(core) or core.endswith("的") and len(core) < 6)


# ------------------------------------------------------------------ an infobox of the document


_TREATY_BOX = re.compile(r"^(infobox\s*)?(treaty|document|条约|條約|协定|宣言|文件)(\s*信息框|\s*资讯框)?$")


def documents_of_treaty_boxes(reading: Reading, summits) -> None:
    """An infobox of a treaty or a declaration (``{{Infobox treaty}}``: name, long_name,
    date_signed; ``{{Infobox document}}``: document_name, date_created) names a document signed on its day: the outcome of the summit whose days
    hold that day (the day after included), where exactly one does. Its name and long name
    are one document's, unless the long name lists several in title marks (``《甲》和《乙》``,
    of which the name is the common name): then those are the documents."""
    registry = reading.registry
    for box in reading.document.templates:
        if box.nested_in is not None or not _TREATY_BOX.match(to_hans(box.key)):
            continue
        signed = [d for d in find_dates(box.get("date_signed") or box.get("date_created") or "") if d.year_given]
        if not signed:
            continue
        day = signed[0].start
        on_that_day = [s for s in summits if s.start <= day <= s.end + timedelta(days=1)]
        if len(on_that_day) != 1:
            continue
        name = (box.get("name") or box.get("document_name") or "").strip()
        long_name = (box.get("long_name") or "").strip()
        listed = [m["t"] for m in TITLE_MARKS.finditer(long_name)]
        names = [[n] for n in listed] if len(listed) > 1 else [[n for n in (name, long_name.strip("《》")) if n]]
        evidence = Evidence(box.span, f"{{{{{box.name}}}}}", None)
        for same in filter(None, names):
            document = registry.named(Kind.DOCUMENT, same[0])
            for other in same[1:]:
                registry.label(document, Label(other, script_of(other)))
                reading.index.merge(document.key, other)
            registry.fact(on_that_day[0].id, Prop.OUTCOME, document, evidence=(evidence,))
            registry.evidence(document, evidence)
        signed_at = next((p for p in box.params if p.name in _SIGNED_AT_FIELDS and p.value.strip()), None)
        if signed_at is not None:
            _venue_signed(reading, on_that_day[0].id, signed_at.span, evidence)


#: The field of a treaty's infobox that says where it was signed.
_SIGNED_AT_FIELDS = ("location_signed", "place_signed")


def _venue_signed(reading: Reading, summit: EntityId, span, evidence: Evidence) -> None:
    """The place a treaty's infobox says it was signed (``location_signed = [[法国]][[巴黎]][[爱丽舍宫]]``),
    big to small, is the venue of the summit of its day, where the summit is placed nowhere
    else or at a place of that chain (the prose's 巴黎); not where the text places the summit
    elsewhere (a treaty signed in the capital after talks at a retreat)."""
    registry = reading.registry
    entries = entries_in(reading, span)
    if len(entries) != 1:
        return  # several places: which one held the meeting is unknown
    places = [registry.named(Kind.COUNTRY if reading.index.is_state(name) else Kind.PLACE, name, article=article)
              for name, article in cell_chains(reading, entries)[0]]
    places = [p for p in places if p.kind in (Kind.PLACE, Kind.COUNTRY)]
    if not places or places[-1].kind is Kind.COUNTRY:
        return
    venues = [v for v in registry.facts_about(summit, Prop.VENUE) if isinstance(v, EntityId)]
    if len(venues) > 1 or venues and venues[0].key not in {p.key for p in places}:
        return
    for outer, inner in zip(places, places[1:]):
        if inner.kind is Kind.PLACE and inner != outer:
            registry.fact(inner, Prop.LOCATED_IN, outer, evidence=(evidence,))
    registry.fact(summit, Prop.VENUE, places[-1], evidence=(evidence,))
    registry.keep_only(summit, Prop.VENUE, places[-1])


# ------------------------------------------------------------------ dated anywhere


def documents_by_their_days(reading: Reading, summits) -> None:
    """A document a sentence anywhere in the prose dates to one summit's days, and to no
    other summit's, is that summit's (a table's row whose documents the prose names:
    ``1988年12月28日晚，甲抵达某都……12月31日下午，两国签订了《…》、《…》和《…》三个协定``); a
    sentence that gives no time of its own is left to the readers of its summit's account.
    Not a table's row, whose cells the table reader reads."""
    tables = [table.span for table in reading.document.tables]
    parts = [reading.lead] + list(reading.by_section.values())
    for sentences in parts:
        told: Told | None = None
        for i, sentence in enumerate(sentences):
            if i and (sentences[i - 1].paragraph != sentence.paragraph or sentences[i - 1].passage is not sentence.passage):
                told = None
            when = _own_times(sentence.hans, told)
            if when and SIGNED.search(sentence.hans) and \
                    not any(t.start <= sentence.span_of(0, 0).start < t.end for t in tables):
                on_those_days = {s.id: s for s in summits
                                 if any(start <= s.end + timedelta(days=1) and s.start <= last for start, last in when)}
                if len(on_those_days) == 1:
                    (summit,) = on_those_days.values()
                    _sentence_outcomes(reading, summit.id, sentence, (summit.start, summit.end), told, False,
                                       next_about(sentences, i, _REFERS_BACK))
            told = told_after(sentence.hans, (date.min, date.min), told)


def documents_of_the_meeting_told(reading: Reading, summits) -> None:
    """Meetings of one day told one after another in a paragraph (``…举行三方会谈。三方会后发表联合
    声明。当天，甲与乙举行会晤；丙也分别会见了甲和乙``): a document a sentence names is of the
    meetings told at or before it, not of one the paragraph tells only after it."""
    registry = reading.registry
    sentences = reading.all_sentences()
    where = {id(s): i for i, s in enumerate(sentences)}
    at_span = {s.evidence().span: i for i, s in enumerate(sentences)}
    told = [(s, where[id(s.anchor)]) for s in summits if s.anchor is not None and id(s.anchor) in where]
    said: dict[tuple, list[int | None]] = {}
    for fact in registry.facts_of(Prop.OUTCOME):
        said.setdefault((fact.subject, fact.value), []).extend(at_span.get(e.span) for e in fact.evidence or (None,))
    for summit, at in told:
        anchor = summit.anchor
        earlier = [a for other, a in told if other is not summit and other.start == summit.start and a < at
                   and other.anchor.paragraph == anchor.paragraph and other.anchor.passage is anchor.passage]
        if not earlier:
            continue
        for document in [d for d in registry.facts_about(summit.id, Prop.OUTCOME) if isinstance(d, EntityId)]:
            places = said.get((summit.id, document), [None])
            if all(i is not None and min(earlier) <= i < at and sentences[i].paragraph == anchor.paragraph
                   for i in places):
                registry.drop_one(summit.id, Prop.OUTCOME, document)


def _own_times(hans: str, told: Told | None) -> tuple[tuple[date, date], ...]:
    """The days a sentence gives, with their years or in the year its paragraph told, by
    their number alone in the month it told, or the days it told where the sentence says it
    goes on at them (当天下午); a year or a month alone is too wide."""
    year = year_of(hans, told.year if told else None)
    if year is None:
        return ()
    days = tuple(t for t in times_in(hans, (date(year, 1, 1), date(year, 1, 1)), year).times if (t[1] - t[0]).days < 28)
    if not days and told is not None and _GOES_ON.search(hans):  # 当天下午5时30分，《…》签字仪式举行
        days = tuple(t for t in told.times if (t[1] - t[0]).days < 28)
    return days or bare_days(hans, told)
