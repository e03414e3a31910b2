"""A sentence's meeting clause and its day: which clause tells leaders meeting, and when.

Read one sentence at a time: the clause with a meeting verb (``甲与乙举行会谈``, ``会见了``, ``接待到访的…``)
and the date that governs it (``5月14日``, ``次日``, ``当天下午``, a bare ``15日`` in the month the text has
reached, a day only a cited source gives); leaders signing together (``两国元首签署…``) as their meeting;
and what is no meeting held (:func:`not_held`: a plan, a cancellation, a call, talks below the leaders
such as ``高级别会谈``, a welcome told without talks).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from kg.extract.dates import THAT_YEAR_WORDS, DateRange, YearMonth, find_dates, find_year_months
from kg.extract.participants import QUALIFIES, citations_of
from kg.extract.phrases import (CLAUSE, DURING_THE_VISIT, GATHERINGS, HELD_AT, MEETING, MOVED_ON_THAT_DAY, MULTILATERAL,
                                NEXT_DAY, NOT_TOP, ORDINAL, PRESS_CONFERENCE, VISIT_WORDS)
from kg.extract.reading import Reading
from kg.extract.roles import written_before
from kg.extract.sources import Sources
from kg.extract.text import Sentence
from kg.model import Kind, Prop


#: A meeting said to happen: "A与B会晤", "举行会谈", "进行了会谈", "见面".
_MEETING_VERB = re.compile(r"(与|和|同|跟).{1,30}?(举行|进行了?|展开)?(会晤|会谈|晤谈|会面|会见|见面|峰会|闭门会议|交换了?意见|共进(?:工作)?[早午晚]餐)"
                           r"|(与|和|同|跟)[^，。；]{1,30}?举行了?(?:工作)?[早午晚]餐会"  # 与乙举行早餐会: a meal the two held
                           r"|举行.{0,6}(会晤|会谈|晤谈|峰会|首脑会议|领导人会议|高峰会议)"
                           r"|(会晤|会谈|晤谈|会面|会见|觐见|晋见|谒见|接见)了?|接待了?(?:到访|来访)"  # 在某宫接待到访的乙国总统
                           r"|在[^，。；]{1,16}?接待(?!规格|工作|单位|人员|处|[^，。；]{0,12}?(?:各国|与会|来宾|代表团|记者))"  # 甲在某宫接待乙
                           r"|(?:受到|获)[^，。；]{0,30}?接见")  # 在某都受到国王某某的接见: received in audience


#: After 推迟: by how long, or to what hour of the day (会谈推迟约两小时才开始, 推迟至6时才开始): a meeting held late, not put off.
_HELD_LATE = r"(?![^，。；]{0,3}?[0-9一二三四五六七八九十两半百]+个?多?(?:小时|分钟|钟头)|至[^，。；]{0,8}?时)"

NOT_HELD = re.compile(r"中断|取消|推迟" + _HELD_LATE + r"|延期|未能|拒绝|商定|计划|留待|将于|将在|拟于|准备|筹备|提议|邀请|原拟|希望|致函|致电|致信"
                      r"|(?:将|决定)(?=(?:分别|先后)?(?:同|与|和|跟|会晤|会见|会谈|出席|赴|访问|前往|举行))"  # 还将分别同…会晤
                      r"|考虑(?!到)"  # 正考虑在某地与乙会面 (not 考虑到安全因素，两人在某地会面)
                      r"|正在?(?:协调|安排|筹划)"  # 甲正协调于11月访问乙国之际与丙会谈; 双方正在安排两人会面的细节
                      r"|原定(?![0-9一二三四五六七八九十两半]+个?多?(?:分钟|小时|天|日))"  # 原定35分钟的会谈, 原定一个多小时: a length
                      r"|是否|磋商|商讨|协商|期望|期待|寄望|盼|有意(?![思义])|简报|吹风会|愿(?:与|同|和|跟|意)"
                      r"|电话|通话|视频|视讯|定于|预定|宣布|同意|表示愿|愿意|告吹|搁置|无法|不便|未定|可能|预计|有望|或将|呼吁"
                      r"|解读|回顾|回忆|透露|撰文|评论|报道|记者会(?!(?:结束)?(?:之)?后)|(?<!未)公布"  # not 甲在记者会后会见乙: a time
                      r"|认为|主张|建议|讨论"  # 与会者认为，与乙国领导人举行会谈有助于…: an opinion of a meeting
                      r"|否认|酝酿"  # 但否认正在酝酿首脑峰会: a meeting denied or in the making
                      r"|不想|不愿|不打算|应(?=在|于)"  # 他不想举行毫无意义的会面; 双方应在稍后的日期举行会晤
                      r"|没有|并未|未曾|从未|未(?=安排|与|同|和|跟|会见|会晤|会面|举行)")  # 访问中没有安排甲与乙会面


#: A clause with no subject of its own, going on with the one before (…，与乙会面).
_CONTINUES = re.compile(r"^(与|同|和|跟|并与|并同|再与|并)")
#: A clause telling what came right after the one before, on its day (…为乙举行欢迎仪式，随后两国元首举行会谈;
#: …在下车处迎候，两国元首随后举行会谈).
_NEXT_THEN = re.compile(r"^(?:两国(?:元首|领导人|首脑|总理|总统)|两位领导人|两人|二人|双方|三方)?(?:随后|随即|旋即|继而)"
                        r"(?=[^，,；;。]*?(?:会谈|会晤|会见|会面))")  # talks, not 随后两人共进晚餐


#: A clause with no subject of its own that opens on what it goes on to do (…将于7月访问乙国，会晤乙国总统;
#: …访问乙国，出席在某城举行的首脑会议): the meeting or gathering of a plan the clause before tells
#: (:data:`_PLANNED`). Verbs that take whom or what they meet: not 会谈/会面, which begin a clause
#: that tells of the meeting (…未能达成协议，会谈提前结束), nor a meeting the clause dates by (会见时…).
_GOES_ON_TO = re.compile(r"^(?:并|再|还)?(?:会晤|会见|拜会|出席|参加)(?!后|中|时|期间|结束|之|持续|进行|气氛)")


#: A clause opening on a day told from the one before (…原定于14日启程，14日、15日在某城会晤…; 将于20日抵达某城，次日与乙会面):
#: after a plan's clause, it goes on with the plan.
_OPENS_ON_A_DAY = re.compile(r"^(?:\d{1,2}[日号]|" + NEXT_DAY + r"|当天|当日)")


#: A plan undone in its own clause (原定的出访推迟): the days told after it are not the plan's.
_PUT_OFF = re.compile(r"推迟" + _HELD_LATE + r"|延期|取消|中断|告吹|搁置")


#: A put-off told in the clause that goes on to the day it was held at last (推迟的访法行程最终于某年9月20日至22日举行,
#: 两度推迟后于某年10月1日至2日在某城举行): the meeting put off was held then; the put-off word undoes nothing.
#: Not one put off to a day (推迟至9月), nor one held by video (…最终于某日以视频方式举行: :data:`NOT_HELD_AFTER`).
_PUT_OFF_THEN_HELD = re.compile(r"(?:推迟|延期)(?=(?:后|之后|的)?[^，,；;。：:]{0,12}?(?:最终|终于|最后|后|之后)于"
                                r"[^，,；;。：:]{0,20}?\d{1,2}[日号][^，,；;。：:]{0,24}?(?:举行|成行|召开))")


#: A date's clause that says something was held on it and ends on a colon (访问最终于某年9月20日至22日举行：甲…，乙…并与其
#: 会谈): the clauses after the colon tell what was held, on the date's days.
_TOLD_AFTER_A_COLON = re.compile(r"[^，,；;。]*?(?:举行|进行|成行)[：:]")


#: A clause that tells a plan (将于, 拟, 原定): not only one that undoes something (未能达成协议).
_PLANNED = re.compile(r"将|拟|计划|准备|原定|预定|定于")


#: Of NOT_HELD, the words that undo a meeting even when written after it (会晤…后因故取消);
#: the others only speak of a meeting that comes after them (计划…会晤, not 会谈中邀请…访日).
NOT_HELD_AFTER = re.compile(r"中断|取消|推迟" + _HELD_LATE + r"|延期|未能(?!达成|取得|签署|签订|就)|告吹|搁置|无法|未定|记者会(?!(?:结束)?(?:之)?后)|(?<!未)公布|事宜"
                            r"|以(?:视频|视讯|视像)(?:方式|形式)|通过(?:视频|视讯|视像)|以线上(?:方式|形式)"  # 会议因疫情以视频方式举行: no one met
                            r"|(?:会谈|会晤|会议)(?:结果|内容|情况)"  # 发表会谈结果: telling of it, not holding it
                            r"|(?:会谈|会晤|会面|峰会)(?:并|也|则|都)?(?:没有|并未|没能|未|不会)(?:如期)?举行(?!记者|新闻|联合)"  # 称会谈没有举行
                            r"|(?:会谈|会晤|会面|往来)(?:就此|从此|自此)(?:终止|结束|告终|中止)")  # 乙遇害，两人之间的会晤就此终止


#: A clause after the meeting's saying the leaders talked by video (会谈如期举行，两人各自在本国通过视频连线交谈):
#: the meeting told was no meeting in person. Not something else done by video after it (会谈后，两人以视频连线方式
#:共同出席某港开港仪式).
_TALKED_BY_VIDEO = re.compile(r"(?:通过|以|透过|经由)(?:视频|视讯|视像)(?:连线|会议)?(?:方式|形式)?[^，,；;。]{0,4}?"
                              r"(?:交谈|会谈|会晤|对话|通话|交流)")


#: Of :data:`NOT_HELD_AFTER`, the words telling of a meeting (发表会谈结果, 会谈内容未予公开): after a clause
#: that told the meeting held, they speak of what was said at it.
_TELLING_OF_IT = re.compile(r"(?:会谈|会晤|会议)(?:结果|内容|情况)")
#: A clause opening on what the meeting a clause before told was about (甲与乙举行会谈，讨论两国经济合作，并会见丙): the
#: clause after it goes on with the visit, not with a plan (宣布将讨论…，并与乙会晤).
_WHAT_IT_TALKED_OF = re.compile(r"(?:讨论|商讨|磋商)")
#: A clause after a meeting told that opens on what was talked of there (…会谈，讨论了某峰会的筹备).
_WHAT_IT_WENT_INTO = re.compile(r"(?:双方|两人|二人|两国元首)?(?:还|并|主要|重点|着重)?(?:讨论|商讨|谈及|谈到|探讨)了")


#: A document's name (《甲乙首脑会谈共同声明》): its words tell no meeting held or undone.
_A_DOCUMENTS_NAME = re.compile(r"《[^《》]*》")
#: Right after a meeting word: the press conference the leaders held when it ended (会谈并召开联合记者会, 会谈和联合记者会, 会晤后举行联合
#: 记者会, 会谈，并共同出席记者会): the meeting's own, told as held; not a press conference where a meeting was only
#: spoken of (白宫在记者会上宣布两人将会晤), which no meeting word comes right before.
_ITS_PRESS_CONFERENCE = re.compile(r"(?<=会谈|会晤|会面)(?:(?:后|之后|结束后)?[，,]?(?:并|随后|还)?(?:共同|一同|一起)?"
                                   r"(?:召开|举行|出席)了?|[和及])(?:联合|共同)?(?:记者会|新闻发布会|记者招待会)")


#: Talks below the leaders, named by their level (高级别会谈, 工作会谈, 外长会谈): no summit.
LOWER_TALKS = re.compile(r"(高级别|部长级|副部长级|次长级|外长|实务|军事|将军级|红十字|特使|专家级?)"
                         r"(会谈|会晤|会议|磋商|会面)"
                         r"|工作层(会谈|会晤|会议|磋商|会面)|工作(会谈|会议|磋商)")  # 工作会晤: the leaders' own, working meeting


#: An invitation taken up (应乙国主席李四邀请, 在李四的邀请下): the one named in it is the host; the hosts of a tour
#: who invite together are listed with 、, each as long as one (应乙国总统李四、丙国总统王五、丁国总理赵六邀请).
ACCEPTED = re.compile(r"应(?:[^，,；;。、]{1,30}?、)*?[^，,；;。、]{0,30}?邀请?|在[^，,；;。]{0,30}?的?邀请下")


#: A clause that moves someone to the meeting: the clauses after it may say they met (…返回某国，在某城与乙会谈:
#: back to a state the tour passed through); or keeps them where the meeting is (于5月31日在乙国短暂停留，会见乙国总理).
_VISIT = re.compile(r"访问|停留|逗留|访华|访美|访苏|访俄|访日|访朝|访韩|出访|抵达|到访|前往|来到|飞抵|飞往|赴|返回|返抵|应邀|邀请|出席|率团|率领"
                    r"|接待|款待")


#: Leaders signing together, told with them as its subject (甲与乙在某城签署《…》, 两国元首签署);
#: not a treaty signed by them (由甲和乙…签署), nor one side signing on its own.
_SIGNED_TOGETHER = re.compile(r"[^由，。；]*?(?:[与和及跟]|同(?![日天时年月意样期]))[^，。；、由]{1,30}?"
                              r"(?:共同|一同|一起)?(?:签署|签订|签字|签约)"
                              r"|[^由，。；]*?(?P<back>两国(?:元首|首脑|领导人|总理|总统|首相)|双方领导人|二人|两人)[^，。；由]{0,30}?"
                              r"(?:共同|一同|一起)?(?:签署|签订|签字|签约)")


#: What a date's clause may hold beside the date and still say nothing of its own (1月22日中午，…;
#: 7月30日下午4时（当地时间），…; 直到1970年8月12日，…才…: the day at last, what was done then in the next clause).
_BARE_TIME = re.compile(r"(?:\s|直到|直至|于|在|是|日|同年|[（(]当地时间[）)]|当地时间|[上下中]午|凌晨|清晨|早上|早晨|傍晚|晚上|晚间|晚|\d+[时点](?:\d+分)?|许|左右)*")


#: A clause that only says who came along or where the leader went (甲在两国外长陪同下，…;
#: 甲亲自前往某城，…), or that a signing ceremony was held (签约仪式在某厅举行，…): what the
#: leader did there, and who signed, is in the next.
_ATTENDED = re.compile(r"在[^，。；]{1,20}?(?:陪同|见证|陪伴|注视)下$|(?:前往|抵达|飞抵|到达|来到|赴)[^，。；]{1,15}$"
                       r"|(?:签字|签约|签署)仪式[^，。；]{0,20}?举行$")


#: A sentence that dates its meeting by a gathering's days alone, written at its start (峰会期间，甲会见了乙;
#: 峰会闭幕后，甲与乙举行会谈; 当天下午，甲在峰会期间会见了乙; 峰会当天，…): no day of its own, the gathering's.
#: Not a visit's days (访问期间) nor the meeting's own (会谈期间).
ON_A_GATHERINGS_DAYS = re.compile(r"^(?:(?:当天|当日|同日)?(?:[上下中]午|晚上?|晚间)?，)?[^，。；0-9]{0,12}?"
                                  r"(?:(?:峰会|首脑会议|领导人会议)(?:闭幕|结束)?(?:期间|后|场边|间隙|当天|当日)"
                                  r"|(?:三方|三边|四方|多边)(?:会谈|会晤|会议)(?:开始|举行)?前(?!夕))")  # 三方会谈前，甲与乙…


#: In a clause naming a gathering, what tells a meeting on its sidelines (峰会期间会见乙, 在峰会间隙举行双边会谈).
_SIDELINES = re.compile(r"期间|场边|间隙|之机|之际|前夕|双边|会议前|峰会前|峰会后|会见|会晤")
#: A gathering's own name, from the body's name to the word that names its session (金砖国家领导人第十七次会晤,
#: 二十国集团领导人峰会): its 会晤 tells no meeting on its sidelines.
_GATHERINGS_NAME = re.compile(rf"(?:{GATHERINGS})(?:(?!期间|场边|间隙|之机|之际|前夕|举行|会见|会谈|会面)[^，,；;。：:、与同和跟在]){{0,16}}?"
                              r"(?:峰会|会晤|首脑会议|领导人会议|会议)")
#: A leader meeting another in the clause: a meeting word after a word that joins the two (在某宫与乙共进晚餐, 同乙举行会谈).
_WITH_ANOTHER = re.compile(r"(?:[与跟向]|同(?![日天时年月意样期]))[^，,；;。]{1,30}?(?:" + MEETING.pattern + ")")
#: A bloc joined to one partner by a dash (中国—东盟领导人会议, 甲国—欧盟峰会): a meeting of two sides, attended.
_PARTNER_AND_BLOC = re.compile(rf"[—－–-](?:{GATHERINGS})|(?:{GATHERINGS})[—－–-]")


#: One side's leader holding the meeting with the other's (甲同乙、丙共同主持…, 甲与乙举行…): a partner's meeting with a
#: bloc so told is the two sides' summit, not a session of the bloc that its members attend.
_HELD_WITH = re.compile(r"(?:与|同|跟)[^，。；]{1,60}?(?:共同主持|主持|举行)")  # the other side's two or three, titled


def _on_its_sidelines(clause: str) -> bool:
    """Whether a clause naming a gathering tells more than the gathering: a meeting on its sidelines, outside the
    gathering's own name (``甲在峰会期间会见乙``, ``出席某峰会后，在某宫与乙共进晚餐``), a visit made with it
    (``出席某峰会并对乙国进行国事访问``), a bloc's meeting with one partner attended (``出席第五次甲国—东盟领导人会议``);
    not one who only attends it (``甲出席在某城举行的金砖国家领导人第十七次会晤``, ``某峰会在某城举行，乙应邀出席``)."""
    masked = _GATHERINGS_NAME.sub(lambda m: "　" * len(m.group()), clause)
    return bool(_SIDELINES.search(masked) or _WITH_ANOTHER.search(masked) or VISIT_WORDS.search(masked)
                or ("出席" in masked and _PARTNER_AND_BLOC.search(clause)))


#: After a gathering's name: an office of it, held by a leader who meets (欧盟委员会主席乙, 联合国秘书长丙).
_ITS_OFFICE = re.compile(r"(?:委员会|理事会)?(?:主席|秘书长)")


#: Attending what the clause goes on to name (邀请甲出席次年的某城峰会): a gathering, not two leaders' meeting.
_TO_ATTEND = re.compile(r"(?:出席|参加|列席)[^，,；;。]{0,16}$")


def a_gathering(clause: str) -> bool:
    """Whether a clause names a gathering of many states, not only one of its offices."""
    return any(not _ITS_OFFICE.match(clause, m.end()) for m in MULTILATERAL.finditer(clause))


#: The bare word for a meeting as its clause's subject, held or opened at a place (会晤在某中心举行, 峰会在某城开幕).
_HELD_AS_THE_SUBJECT = re.compile(r"(?:^|[，,])(?:本次|此次|这次|本届)?(?:会晤|峰会|首脑会议|领导人会议|会议)(?:在|于)[^，,；;。]{1,30}?"
                                  r"(?:举行|开幕|召开)")


def a_bodys_gathering(subject: str) -> bool:
    """Whether what an article is about, as its title and box name it, is a gathering of a body of many states
    (金砖国家领导人第九次会晤, 某年二十国集团某城峰会), not a bloc's meeting with one partner (甲国—某联盟峰会),
    which is the two sides' summit."""
    return a_gathering(subject) and not _PARTNER_AND_BLOC.search(subject)


def the_gathering_held(hans: str, clause: tuple[int, int], subject: str) -> bool:
    """Whether a clause tells the gathering its article is about held, by a bare 会晤 or 峰会 (``10月9日上午，会晤在
    某会展中心举行。甲主持，乙、丙、丁等出席`` in an article titled 某组织领导人第九次会晤): the gathering of
    many states the title names, not a meeting of two sides."""
    return a_bodys_gathering(subject) and _HELD_AS_THE_SUBJECT.search(hans[clause[0]:clause[1]]) is not None


#: A day with no month (15日, 3号下午); not a house number of a street (唐宁街10号, 某路2号) nor one written
#: right after a name (某某马格7号总理官邸): a bare 号 day follows no other word than 于, 在, 至... or none.
DAY_ONLY = re.compile(r"(?<![月\d街路道巷弄])(?:(?=\d{1,2}\s*日)|(?<=[于在至到和及与、从自起当])|(?<![\u4e00-\u9fff]))"
                      r"(?P<d>\d{1,2})\s*[日号](?P<part>上午|下午|晚|中午|早|凌晨)?")


#: Right after a meeting word: something about meetings, not one (会谈日程, 会晤细节), or
#: what an earlier one left (落实某地会谈达成的协议, 会晤成果, 会谈精神, 自会晤以来), or what their meetings
#: mostly are (两人…立场相近，会晤多围绕某组织展开: of meetings in general).
_ABOUT = re.compile(r"(日程|安排|细节|事宜|结果|内容|情况|议程|计划|达成的|所达成|成果|精神|以来"
                    r"|(?:大多|多半|往往|通常|一般|常常|多)(?:围绕|集中|聚焦|涉及|以))")


#: A call: what the clauses after it in its sentence say was done on the call, not at a meeting.
CALL = re.compile(r"通电话|通话|电话会谈|视频会晤|视频通话|视讯")


#: Right before a meeting word: the meeting is one the text has told already (这次会晤).
_REFERENCE = re.compile(r"(这次|此次|本次|该次|那次|这场|此番)$")


_SAME_DAY = re.compile(r"当天|当日(?!本)|同日(?!本)|同一天|" + NEXT_DAY)  # not 同日本首相: with Japan's premier


#: A clause opening on a later hour of the day its sentence told and on 又, 还 or 再 (…会见乙；当晚，他又同丙举行晚宴
#:会谈; …会见乙；当晚又会见丙; …举行闭门会议；当天下午，甲还会见了丙): another meeting of that day, not more of the first.
_LATER_THAT_DAY_AGAIN = re.compile(r"(?P<time>当晚|(?:当天|当日|同日)?(?:晚上|晚间|傍晚|下午|中午)|同日晚|当日晚)[，,]?"
                                   r"[^，,；;。]{0,4}?(?:又|还|再)(?=[^，,；;。]*?(?:同|与|和|跟|会见|会晤|会谈))")


#: A clause telling someone also met another on a gathering's sidelines (…；丙亦在峰会间隙与乙单独会晤): a meeting of its
#: own that day, its time word the sidelines.
_ALSO_ON_THE_SIDELINES = re.compile(r"[^，,；;。]{0,12}?(?:亦|也|另)(?P<time>在[^，,；;。]{0,12}?(?:间隙|期间|场边))"
                                    r"[^，,；;。]*?(?:同|与|和|跟)[^，,；;。]*?(?:会见|会晤|会谈|会面)")


def another_later_that_day(hans: str, at: int) -> re.Match | None:
    """The time word of a clause at ``at`` that tells another meeting later on its sentence's day
    (``…；当晚，他又同丙举行晚宴会谈``) or on the sidelines of that day's gathering (``…；丙亦在峰会间隙与乙单独会晤``),
    written after ``；``, or after ``，`` where it moves on to another place that
    day (``…当天与乙会谈，随后又于同日飞往某城，与丙签署…``); not the first clause, nor one after ``，`` that
    may go on with the meeting told (``…举行会谈，晚上两国元首还共进晚餐``)."""
    if at > 0 and hans[at - 1] in "；;":
        return _LATER_THAT_DAY_AGAIN.match(hans, at) or _ALSO_ON_THE_SIDELINES.match(hans, at)
    return MOVED_ON_THAT_DAY.match(hans, at) if at > 0 and hans[at - 1] in "，," else None


_MONTHS_DAY = re.compile(r"(?:当月|同月|本月|该月)(?P<d>\d{1,2})[日号]")


#: Words that report what someone said: the days after them are of a schedule, not of what was done.
_REPORTED = re.compile(r"介绍|表示|宣布|声称|透露|公布|指出|报道|预告|称")


#: A clause that ends in someone's saying (甲在社交媒体上表示, 甲对记者说, 甲在推特上写道): the clauses after it are what was said.
#: Not a speech given (发表演说, 进行游说) nor a name (简称).
_SAYS = re.compile(r"(?:表示|(?<![演游小学])说|指出|强调|写道|(?<![简名号])称)$")


#: Before 当天 in its clause, a word that makes it an object's day, not the clause's (于次日, 发表于当天).
_HEAD_VERB = re.compile(r"[于在到至从]|发表|宣布|签署|举行|表示")
#: Before a day in its clause, the clause's own subject and 于 (岸田于22日返回某国, 两国总理于22日在某城举行会晤):
#: the day is the clause's. Not a day before the one the sentence tells (巴罗佐已于27日抵达).
_ITS_SUBJECT_THEN = re.compile(r"(?P<head>[^，,；;：:。已]{0,4}?)于")
#: 于 going on with the subject of the clause before (…出席某开幕式，并于当天会见乙; …再度访问乙国，并于18日…): the
#: day of that clause, told of the one the clause before tells (its 当天 is the sentence's day, not a day of an object).
_GOES_ON_THEN = re.compile(r"(?:并|又|还|随后|随即)于")

#: Whoever did it, written as a head's office and the name after it (丙国总统王五, 国务院总理李四).
_AN_OFFICE_AND_NAME = re.compile(r"[^，,；;。]{0,8}?(?:总统|总理|首相|主席|国王|女王|埃米尔|总书记)[^，,；;。的]{1,6}")
#: A sentence's subject written as an office and a name, then 于 (乙国总统李四于25日…).
_OFFICE_AND_NAME_THEN = re.compile(_AN_OFFICE_AND_NAME.pattern + "于")


#: A sentence opening on the evening of the day the account reached (当晚，甲与丙会晤; not 当晚，…又…, which
#: :func:`another_later_that_day` reads after a clause of that day).
_THAT_EVENING = re.compile(r"(?:当晚|当夜)(?=[，,])")
#: An evening's informal talks (当晚，乙在官邸与甲非正式会谈): a talk of its own beside the visit's talks, which
#: place it (as legs.py reads it too); the evening gives them no day.
_INFORMAL = "非正式"
#: A meal the evening is told by (共进晚餐, 早餐会): no talks of its own.
_A_MEAL = re.compile(r"共进(?:工作)?[早午晚]餐|早餐会")


def _met_that_evening(hans: str) -> re.Match | None:
    """The evening a sentence opens on when the clause it opens tells a meeting (``当晚，甲在某宫与丙会晤，…``);
    not one whose meeting is told only in a later clause (``当晚，甲出席欢迎宴会，丙也会见了他``: a banquet's
    greeting), nor an informal talk or a meal (``当晚，丙在官邸与甲共进晚餐``: the evening's dinner, apart from the
    visit's talks)."""
    evening = _THAT_EVENING.match(hans)
    if evening is None or _INFORMAL in hans:
        return None
    clause = CLAUSE.search(hans, evening.end() + 1)
    meeting = MEETING.search(hans, evening.end(), clause.start() if clause else len(hans))
    return evening if meeting is not None and not _A_MEAL.fullmatch(meeting[0]) else None


#: Right after a day with no month: the last day of its span (19日至20日, 19日—20日), also of no month.
_TO_A_BARE_DAY = re.compile(r"\s*(?:至|到|—|－|–|-)\s*(?P<d>\d{1,2})\s*[日号]")


def relative_days(hans: str, dates: list[DateRange], day: date | None, *, subjects_day: bool = False) -> list[DateRange]:
    """Days an account gives relative to the last one (``3日，…``, ``当天下午``, ``次日``): each
    is the day before it in the text, the sentence's own dates first; with ``subjects_day``, also
    a day told after the sentence's own subject and 于 (:func:`day_after_the_subject`)."""
    out: list[DateRange] = []
    if (evening := _met_that_evening(hans)) is not None and day is not None and not dates:
        out.append(DateRange(day, day, evening.start(), evening.end(), False))  # 当晚，甲与丙会晤: the day told
    match = bare_day(hans, 0)
    if match and day is not None and not dates:
        last = _TO_A_BARE_DAY.match(hans, match.end()) if not match["part"] else None  # 19日至20日，甲对乙国进行访问
        try:
            first = day.replace(day=int(match["d"]))
            to = day.replace(day=int(last["d"])) if last is not None else first
            out.append(DateRange(first, to if to >= first else first, match.start(), (last or match).end(), False))
        except ValueError:
            pass
    if subjects_day and (match := day_after_the_subject(hans)) and day is not None and not dates:
        try:  # 张三于25日抵达某都后，立即与乙国总统李四会谈: of the month the account had reached
            out.append(DateRange(day.replace(day=int(match["d"])), day.replace(day=int(match["d"])),
                                 match.start(), match.end(), False))
        except ValueError:
            pass
    for clause in CLAUSE.finditer(hans):  # "…3日至5日访问乙国，4日在某城与丙会谈，5日…": each clause's day
        if (match := day_of_the_clause(hans, clause.end())) is None:
            continue
        before = [d for d in dates + out if d.stop <= clause.end()]  # 9日…；10日…: after a bare day too
        if before:
            base = before[-1].end
        elif dates or any(m.month is not None for m in find_year_months(hans[:clause.end()])):
            continue  # 2008年11月，甲访问乙国，18日…: the month the sentence names (days_of_the_month)
        else:
            base = day  # 结束访问后，甲于22日返回乙国: of the month the account had reached
        if base is None or _REPORTED.search(hans, before[0].stop if before else 0, clause.end()):
            continue  # 介绍，6日…将…: a schedule told
        try:
            when = base.replace(day=int(match["d"]))
        except ValueError:
            continue
        out.append(DateRange(when, when, match.start(), match.end(), False))
    for clause in CLAUSE.finditer(hans):  # 6月2日下午，甲会见乙；当晚，他又同丙会谈: that day's, later
        if (later := another_later_that_day(hans, clause.end())) is None:
            continue
        before = [d for d in dates + out if d.stop <= clause.end()]
        base = before[-1].end if before else day  # 会前，甲与乙会面；当晚，两人又…: of the day the account had reached
        if base is None or not before and later.re is MOVED_ON_THAT_DAY:
            continue  # …会晤了乙，随后当天转往丙国: a move on a day the sentence does not give
        if not before:  # …its first clause too, which the later hour goes on from
            out.append(DateRange(base, base, 0, 0, False))
        if not _SAME_DAY.match(hans, later.start()):  # 当天下午: the day 当天 gives, below
            out.append(DateRange(base, base, later.start("time"), later.end("time"), False))
    for word in _SAME_DAY.finditer(hans):
        head = hans[max((m.end() for m in CLAUSE.finditer(hans, 0, word.start())), default=0):word.start()]
        if (_HEAD_VERB.search(head) or len(head) > 5 and not _AN_OFFICE_AND_NAME.fullmatch(head)) \
                and not _GOES_ON_THEN.fullmatch(head):  # …出席某开幕式，并于当天会见乙: the sentence's day
            continue  # a clause that starts with it, or with whoever did it (小泉当天…, 丙国总统王五当日…), not 于次日发表…
        before = [d for d in dates + out if d.stop <= word.start()]
        base = before[-1].start if before else day
        if base is None:
            continue
        when = base + timedelta(days=1) if word.group() in ("次日", "翌日", "第二天") else base
        out.append(DateRange(when, when, word.start(), word.end(), False))
    return out


#: A sentence's subject, then 于 and the day it did what it tells (甲于7日…, 甲于当地时间4日下午…): a few words, no
#: time or clause of their own.
_WHO_THEN_ON = re.compile(r"[^，,；;。：:0-9年月日]{1,8}?于")


def day_after_its_subject(hans: str, dates: list[DateRange], day: date | None) -> list[DateRange]:
    """The bare day a sentence with no date of its own tells after its subject and 于 (``甲于7日中午搭乘专机
    返回甲国``), in the month of the day the account reached before it; none where the sentence opens with its
    day (:func:`relative_days` reads that) or names no subject first (``据报道，7日…``)."""
    subject = _WHO_THEN_ON.match(hans)
    match = bare_day(hans, subject.end()) if subject and not dates and day is not None else None
    if match is None:
        return []
    try:
        when = day.replace(day=int(match["d"]))
    except ValueError:
        return []
    return [DateRange(when, when, match.start(), match.end(), False)]


#: Whose clock a bare day is told by (当地时间13日上午): no part of the day itself.
_CLOCK = re.compile(r"(?:当地时间|北京时间|当地|[\u4e00-\u9fff]{2,4}时间)?")


def opens_from_the_last_day(hans: str) -> bool:
    """Whether a sentence opens on a day told from the last one the text gave (``翌日，…``, ``同日，…``,
    ``当天下午，…``), which a section may open on: the day its heading's place was reached is the one
    after the last the section before told (``=== 乙国 ===¶翌日，甲转赴某都，与乙举行会谈``); or gives that
    day right after its subject, once it has left the place the text was at (``离开某城后，甲当天下午前往某宫会见乙``)."""
    return _SAME_DAY.match(hans) is not None or _LEFT_THEN_THAT_DAY.match(hans) is not None


#: A sentence opening on leaving the place the account was at, then its subject on that day (离开某城后，甲当天下午…).
_LEFT_THEN_THAT_DAY = re.compile(r"(?:离开|告别)[^，,。；;]{1,20}?(?:后|之后)[，,]?[^，,。；;]{1,12}?(?:当天|当日(?!本)|同日(?!本))")


def bare_day(hans: str, at: int) -> re.Match | None:
    """A day with no month at ``at`` (``13日``), after whose clock it is told if the text says."""
    return DAY_ONLY.match(hans, _CLOCK.match(hans, at).end())


#: A gathering named as a sentence's subject right before its day (会议19日开幕, 本届峰会20日闭幕), the way news writes it.
_A_GATHERING_ON = re.compile(r"(?:本届|此次|这次|该次)?(?:峰会|会议|大会|论坛|首脑会议)(?=\d{1,2}日)")


def day_after_the_subject(hans: str) -> re.Match | None:
    """The day with no month a sentence opens with after its subject and 于: a short name (``张三于25日抵达某都``)
    or an office and a name (``乙国总统李四于25日下午抵达某都后…``), or right after a gathering (``会议19日开幕``);
    not a plan's (``张三将于25日…``), nor one after a verb (``会谈于25日举行``: the sentence's own clause reads it)."""
    subject = _ITS_SUBJECT_THEN.match(hans) or _OFFICE_AND_NAME_THEN.match(hans)
    if subject is None and (gathering := _A_GATHERING_ON.match(hans)) is not None:
        return DAY_ONLY.match(hans, gathering.end())  # 会议19日开幕，20日上午举行领导人会议
    if subject is None or _PLANNED.search(hans, 0, subject.end()) or _HEAD_VERB.search(hans, 0, subject.end() - 1):
        return None
    return DAY_ONLY.match(hans, subject.end())


def day_of_the_clause(hans: str, at: int) -> re.Match | None:
    """The day with no month a clause at ``at`` gives: the one it opens on (``13日，…``), or the one told
    after its subject and 于 (``岸田于22日返回某国``), or going on from the clause before (``…再度访问乙国，
    并于18日同乙会谈``); not a plan's day (``将于22日``, ``…将于11日与乙会谈，两人于13日…``), nor an
    object's (``发表于22日``)."""
    if (opening := bare_day(hans, at)) is not None:
        return opening
    subject = _ITS_SUBJECT_THEN.match(hans, at)
    if subject is None or _PLANNED.search(hans, 0, subject.end()) or _HEAD_VERB.search(subject["head"]):
        return None
    return DAY_ONLY.match(hans, subject.end())


#: A sentence opening on a month of the year the text is in (同年11月，甲赴某城…。14日下午，…): its bare days are that month's.
_THAT_YEARS_MONTH = re.compile(rf"(?:{THAT_YEAR_WORDS})(?P<m>\d{{1,2}})月(?![0-9]{{1,2}}[日号])")


def days_of_the_month(hans: str, year: int | None, before: str = "") -> list[DateRange]:
    """``2008年5月，…当月28日…``, ``2011年8月，甲访问乙国，23日在某城…``: a day of the month
    the sentence last named (a clause's bare day, when no full date came before it); a 同月 or 当月 day
    the sentence names no month before is of the last one ``before``, the sentence before it in its
    paragraph, named (``甲于2015年11月就任总理。同月18日，他…``), and so is the bare day it opens on (``2035年10月，甲对乙国
    进行国事访问。16日下午，…``; ``同年11月，…。14日下午，…``, of the year the text is in)."""
    out: list[DateRange] = []
    bare = [m for clause in CLAUSE.finditer(hans) if (m := day_of_the_clause(hans, clause.end()))
            and not find_dates(hans[:clause.end()], year=year or 2000)]
    opens = [m for m in find_year_months(before) if m.at == 0 and m.month is not None] or (  # 2035年10月，甲访问乙国。
        [YearMonth(year, int(said["m"]), 0, said.end())] if year and (said := _THAT_YEARS_MONTH.match(before)) else [])
    opening = day_of_the_clause(hans, 0) if opens and not find_dates(before, year=opens[0].year) else None  # 16日下午
    for match in list(_MONTHS_DAY.finditer(hans)) + bare + ([opening] if opening else []):
        months = [m for m in find_year_months(hans[:match.start()]) if m.month is not None] \
            or [m for m in (find_year_months(before) if match.re is _MONTHS_DAY else ()) if m.month is not None] \
            or (opens if match is opening else [])
        if not months:
            continue
        month = months[-1].month
        if match.re is not _MONTHS_DAY and months[-1].stop <= match.start():  # 2035年5月就任的甲于7月访问乙国，20日…: July's
            alone = [m["m"] for m in _A_MONTH_ALONE.finditer(hans, months[-1].stop, match.start())]
            month = int(alone[-1]) if alone else month
        try:
            when = date(months[-1].year, month, int(match["d"]))
        except ValueError:
            continue
        out.append(DateRange(when, when, match.start(), match.end(), False))
    return out


#: A month written alone after the sentence's year and month (…于7月访问乙国): the month of the bare days after it.
_A_MONTH_ALONE = re.compile(r"(?<![0-9年])(?P<m>1[0-2]|[1-9])月(?![0-9]{1,2}[日号]|份?[0-9])")


def _date_clause(hans: str, when) -> tuple[list[int], int] | None:
    """Where the sentence's clauses start, and which one the date is in; None when the text
    before the date in its clause makes it a plan's day (两人商定乙于12月15日访问某地), whatever
    the clauses after it tell."""
    starts = [0] + [m.end() for m in CLAUSE.finditer(hans)] + [len(hans) + 1]
    index = max(i for i, at in enumerate(starts[:-1]) if at <= when.at)
    clause = _PUT_OFF_THEN_HELD.sub(lambda m: "　" * len(m.group()), hans[starts[index]:starts[index + 1] - 1])
    return None if NOT_HELD.search(ACCEPTED.sub("", clause[:when.at - starts[index]])) else (starts, index)


#: After a day: the day someone took office, said of whom the clause names (会见10月21日新就任的首相乙), not a
#: day the text moves to.
TOOK_OFFICE = re.compile(r"[^，。；的]{0,4}?(?:就任|上任|当选|就职|继任|出任|履新)的")


#: After a day: someone taking office on it, and the time from then (石破茂于同年10月1日就任首相后首次与乙会晤,
#: 2022年5月10日甲就职后，同年6月两人…交谈): the day of the office taken up, not of a meeting.
_SINCE_TAKING_OFFICE = re.compile(r"[^，,。；;的]{0,8}?(?:就任|上任|当选|就职|继任|出任|履新|上台)[^，,。；;]{0,8}?(?:后|以后|之后|以来)")


#: A clause that says again which day the one before gave (即某杯决赛当天, 即峰会召开的第二天, 即某峰会召开前夕).
_RESTATES_THE_DAY = re.compile(r"^即(?!将)[^，,；;。]*?(?:当天|当日|那天|之日|第[二三四]天|前夕|前一[天日])$")


#: What may stand before a date that opens its sentence: whose clock it is told by (当地时间9月15日上午，…), or how
#: long after what was told before it came (一个月后的10月9日下午，…; 两天后的9月15日，…).
_CLOCK_ONLY = re.compile(r"\s*(?:当地时间|北京时间|[（(]当地时间[）)]|[0-9一二三四五六七八九十两半几数]{1,3}个?(?:天|日|周|星期|月|年)后的)?\s*")


#: A date's clause telling what something was done to prepare (为…作准备, 为…进行筹备): a time to come, no meeting held.
_PREPARED_FOR = re.compile(r"为[^，。；,;]{1,40}?(?:(?:作|做)了?准备|进行筹备|筹备)")


@lru_cache(maxsize=4096)  # asked twice of each date of a sentence (summits._find_in)
def meeting_clause(hans: str, when) -> tuple[int, int] | None:
    """Where the meeting the date is the date of is told, if it is: a meeting word in the
    date's own clause, or in the next one when the date's clause is the date alone
    (``2000年6月13日，…会晤``), with a place it is held at or a number it has (举行, 在…会面,
    第二次, 首次). Returns the clauses' bounds in ``hans``."""
    clauses = _date_clause(hans, when)
    if clauses is None or _SINCE_TAKING_OFFICE.match(hans, when.stop):
        return None
    starts, index = clauses
    begin, end = starts[index], starts[index + 1] - 1
    if any(m.start() <= when.at < m.end() for m in _PREPARED_FOR.finditer(hans, begin, end)):
        return None  # …会晤，为同年8月8日至9日在某城举行的某峰会作准备: the day of a gathering to come
    last = hans[begin:end]
    topic = _CLOCK_ONLY.fullmatch(hans, 0, when.at) is not None or (  # "6月30日下午，A…；两人其后…会谈": the date rules the sentence
        _SAME_DAY.fullmatch(hans[when.at:when.stop]) is not None and len(hans[:when.at]) <= 5
        and not CLAUSE.search(hans[:when.at]))  # as 当天 does after whoever the sentence is about (小泉当天…)
    restated: list[tuple[int, int]] = []  # clauses that only say again which day it is
    for stop in range(index + 2, min(index + (8 if topic else 5), len(starts))):  # the clauses after, up to another date
        bare = len(last.replace(hans[when.at:when.stop], "").strip(" 于在是日上下午晚间")) <= 6
        following = hans[starts[stop - 1]:starts[stop] - 1]
        if another_later_that_day(hans, starts[stop - 1]) is not None:
            break  # …会见乙；当晚，他又同丙会谈: another meeting, told from its own time
        if _RESTATES_THE_DAY.match(following):
            end = starts[stop] - 1
            restated.append((starts[stop - 1], end))
            continue  # 同年7月15日，即某杯决赛当天，甲与乙会晤: the same day said again, not another
        if not (bare or topic or _VISIT.search(last) or _CONTINUES.match(following) or _NEXT_THEN.match(following)
                or _TOLD_AFTER_A_COLON.fullmatch(hans, starts[index], starts[index + 1])):
            break  # the date's clause says something of its own (not 甲于6月16日在某城停留，同乙会谈)
        last = following
        if any(not TOOK_OFFICE.match(last, d.stop) for d in find_dates(last, year=when.start.year)) \
                or _SAME_DAY.search(last) or DAY_ONLY.search(last):
            break  # another day's clause
        if NOT_HELD.search(last) and _MEETING_VERB.search(hans, begin, end):
            break  # …举行会谈；会后甲宣布，乙和丙同意会面: the meeting told, then another one planned
        if _SAYS.search(hans, begin, starts[stop - 1] - 1):
            break  # 10月28日，甲在社交媒体上表示，他与乙进行了长时间会谈: what was said that day, not done
        end = starts[stop] - 1
    clause = "".join("　" if any(a <= at < b for a, b in restated) else hans[at] for at in range(begin, end)) \
        if restated else hans[begin:end]  # 即某峰会召开前夕: the day's gathering, no meeting of the clause
    said = [m for m in MEETING.finditer(clause) if not _lower(clause, m) and not _ABOUT.match(clause, m.end())
            and not _THE_PRESS.match(clause, m.end()) and not _SAYS.search(clause, 0, m.start())]
    if not said:  # no meeting word, or only talks below the leaders (两韩举行高级别会谈)
        return (begin, end) if _welcomed_in_person(clause) or _done_together(clause) or _received(clause) \
            or _attended_with(clause) \
            or _a_banquet_given(clause) and not MEETING.search(hans, end) else None
    if all(_REFERENCE.search(clause[:m.start()]) for m in said) and not HELD_AT.search(clause):
        return None  # 飞抵赫尔辛基，表示对这次会晤期望很低: the meeting is told elsewhere, not on this day
    told = CLAUSE.search(clause, said[0].end())  # the clauses after the meeting's own tell what was said at it
    gathering = clause[:told.start() if told else len(clause)]
    if a_gathering(gathering) and not (_PARTNER_AND_BLOC.search(gathering) and _HELD_WITH.search(gathering)) \
            and not _on_its_sidelines(clause):
        return None  # the gathering itself, not a meeting of two sides on its sidelines (nor 甲同乙共同主持中国—某联盟领导人会晤)
    if HELD_AT.search(clause) or ORDINAL.search(clause) or _MEETING_VERB.search(clause) or _LASTED.search(clause) \
            or _CHAIRED.search(clause) and not NOT_HELD_AFTER.search(hans):
        return begin, end
    return None


#: A leader chairing a summit at a place (乙国总理丙在某都某宫主持第二届峰会, 甲在某城主持召开某某首脑会议): the summit
#: held there, as 峰会在某都举行 tells it; not where its sentence has a word of NOT_HELD_AFTER
#: (甲在某都主持峰会，乙、丙以视频方式出席: the others joined by video).
_CHAIRED = re.compile(r"在[^，,；;。]{1,24}?主持(?:召开|举行)?了?[^，,；;。]{0,24}?(?:峰会|首脑会议|领导人会议)")


#: Right after a meeting word: the press met (会见记者, 会见了中外媒体), no leader. Right before one, a
#: saying (:data:`_SAYS`: ``称会谈具建设性``): the meeting is what was said about, told elsewhere.
_THE_PRESS = re.compile(r"了?(?:中外|在场|随行|各国)?(?:记者|媒体|传媒|新闻界)")


#: Leaders meeting each other: not a gathering held (举行的领导人会议上，…).
_MET = re.compile(r"会晤|会谈|会面|会见|见面|接见|拜会|觐见|晋见|谒见")


def who_met(hans: str, clause: tuple[int, int] | None) -> tuple[int, int]:
    """The part of a meeting's clauses that tells who met: up to the end of the first piece naming the
    meeting (``甲国总理张三同乙国总统助理李四会谈``), not the pieces after it, which tell others meeting
    someone of it or sitting in (``…举行会谈，并会见了议长丙``, ``…，议长丙分别会见了他``, ``…，外长丁在座``).

    >>> h = "当天，甲与乙举行会谈，并会见了议长丙。"
    >>> h[slice(*who_met(h, (0, len(h) - 1)))]
    '当天，甲与乙举行会谈'
    """
    begin, end = clause if clause is not None else (0, len(hans))
    said = _MET.search(hans, begin, end)
    stop = CLAUSE.search(hans, said.end(), end) if said is not None else None
    return begin, stop.start() if stop is not None else end


#: Leaders attending something together (甲与乙在某城共同出席某仪式, 两人一同出席…), witnessing it together (甲与乙共同见证
#: …的签署), laying a stone together (与乙一起为某管道奠基) or visiting a place together (他与乙一同在某中心参观某展,
#: 两人一起视察某港): they met there. Not with a group (丙应邀与其他成员国领导人一同出席: a ceremony of many).
_ATTENDED_TOGETHER = re.compile(r"(?:(?:[与和跟]|同(?![日天时年月意样期]))(?!其他|其它|其余|各国|多国|多位|众多)[^，。；、]{1,30}?"
                                r"|(?:两人|二人|两国(?:元首|领导人|总理|总统|首脑))"
                                r"[^，。；]{0,20}?)(?:共同|一同|一起)(?:在[^，。；]{1,20}?)?"
                                r"(?:出席|参加|见证|参观|视察|游览|考察|为[^，。；]{1,20}?奠基)")
#: One leader attending a ceremony with the other (甲与乙在某城出席某工程奠基仪式; not 甲参与…), not a signing's, whose
#: signers the sentence may name apart (甲与乙出席签字仪式，外长丙与丁签署…).
_ATTENDED_WITH = re.compile(r"(?:(?<!参)与|跟|同(?![日天时年月意样期]))[^，。；、]{1,30}?出席(?![^，。；]{0,30}?签)[^，。；]{0,30}?仪式")


#: A leader's return visit (乙回访甲国, 乙对甲国进行回访, 也是对甲访华的回访): the one whose visit it
#: returns is its host.
_RETURNED = re.compile(r"回访(?!的?(?:邀请|计划|日期|时间|事宜))")


def _done_together(clause: str) -> bool:
    """Whether a clause with no meeting word tells leaders meeting by what they did: a return visit
    made (``7月14日，乙回访某都``: they meet on it, as on the visit it returns), or attending something
    together, not a gathering of many (``甲与乙共同出席某仪式``). Not one invited to or planned
    (``乙邀请甲回访``, ``宣布甲将与乙共同出席``): a word of :data:`NOT_HELD` before it in the clause; nor
    one done apart (``以视频方式共同出席``): a word of :data:`NOT_HELD_AFTER` anywhere in it."""
    done = _RETURNED.search(clause) or (None if a_gathering(clause) else _ATTENDED_TOGETHER.search(clause))
    return done is not None and not NOT_HELD.search(ACCEPTED.sub("", clause[:done.start()])) \
        and not NOT_HELD_AFTER.search(clause)


def _attended_with(clause: str) -> bool:
    """Whether a clause with no meeting word tells one leader attending a ceremony with the other (``甲与乙在某城出席
    某管道奠基仪式``), not planned (a word of :data:`NOT_HELD` before it) nor done apart (:data:`NOT_HELD_AFTER`)."""
    done = None if a_gathering(clause) else _ATTENDED_WITH.search(clause)
    return done is not None and not NOT_HELD.search(ACCEPTED.sub("", clause[:done.start()])) \
        and not NOT_HELD_AFTER.search(clause)


#: A host receiving a visitor in person (乙在白宫接待甲, 乙在巴黎隆重接待了他, 乙在某堡招待甲): they meet.
#: Not a banquet given for them (设宴招待, 以国宴款待: 款待 is a meal's), a press conference (记者招待会), the
#: reception a visitor is said to have had (受到乙的接待), nor what a reception was like or whom it was the
#: first of (接待的首位外国元首, 接待规格, 接待礼仪).
_RECEIVES = re.compile(r"(?<![宴的])(?:接待|招待)了?(?![的时规礼标会])")


def _received(clause: str) -> bool:
    """Whether a clause with no meeting word tells a host receiving the visitor (``…访问乙国，乙在某城接待了他``,
    ``乙在某宫招待甲，两人长谈3个小时``): the leaders meet that day, as at talks, a gathering told before as the
    time (``即某峰会召开前夕，乙在某堡接待甲``) or not. Not guests received all together (接待各国领导人,
    接待出席峰会的领导人, 接待与会贵宾), nor a reception planned (计划在某城接待甲, 乙将以高规格接待甲): a word
    of :data:`NOT_HELD` or :data:`_PLANNED` before it in the clause."""
    received = _RECEIVES.search(clause)
    if received is None or a_gathering(clause[received.end():]) or _MANY_GUESTS.search(clause, received.end()):
        return False
    before = ACCEPTED.sub("", clause[:received.start()])
    return not NOT_HELD.search(before) and not _PLANNED.search(before)


#: A host giving the visitor a meal (乙设宴款待甲, 乙在某宫设国宴招待, 乙在私邸设午宴款待, 乙以国宴款待, 乙举行家宴
#: 款待甲, 两人共进晚宴, 乙在白宫为他举行国宴): the two sit at one table, so they meet that day. Not where the sentence goes on with talks
#: (乙设国宴欢迎，当日下午甲与丙举行会谈; …设宴款待；26日，甲与丙举行会谈: the talks are the visit's meeting, the host
#: only dines him; a later sentence of the section telling talks, read in summits._find_in), a gathering's banquet
#: for its guests (设宴款待出席峰会的各国领导人, 为与会各国领导人举行欢迎晚宴), nor one announced or planned (宣布乙将设宴款待甲,
#: 计划以国宴款待): a word of :data:`NOT_HELD` or :data:`_PLANNED` before it in the clause. A minister's dinner
#: (外长丙设宴款待甲) finds no two leaders, and the participants stage makes no summit of it.
_BANQUET_GIVEN = re.compile(r"设[午晚家国]?宴(?:款待|招待|欢迎)|以[午晚家国]宴(?:款待|招待)|(?:举行|设)家宴|共进[午晚]宴"
                           r"|为[^，,。；;、]{1,12}?举行(?:盛大的?)?(?:国宴|欢迎宴会|欢迎晚宴)")


def _a_banquet_given(clause: str) -> bool:
    """Whether a clause with no meeting word tells a host giving the visitor a meal (``当晚，乙设宴款待甲``)."""
    banquet = _BANQUET_GIVEN.search(clause)
    if banquet is None or a_gathering(clause) or _MANY_GUESTS.search(clause, banquet.start()):
        return False
    before = ACCEPTED.sub("", clause[:banquet.start()])
    return not NOT_HELD.search(before) and not _PLANNED.search(before) and not NOT_HELD_AFTER.search(clause)


#: A host meeting the visitor on arrival (乙到机场迎接, 乙在总统府门外迎接甲, 乙亲自前往机场迎接), or welcoming him
#: in person (乙在某都欢迎甲, 乙在总统府前广场以军礼欢迎): they meet. Not a welcome said of something (对…表示欢迎),
#: received (受到…的欢迎, 热烈欢迎), written (欢迎词) or a ceremony's or a banquet's (欢迎仪式, 举行仪式欢迎, 欢迎宴会),
#: which a visit's day-by-day account tells before the talks it is part of.
WELCOMES = re.compile(r"迎接|(?<!表示)(?<!热烈)(?<!的)(?<!仪式)欢迎(?![词辞信函宴会晚午酒仪])")


#: Guests welcomed all together (迎接各国领导人, 迎接与会贵宾): a gathering's opening, no meeting of two.
_MANY_GUESTS = re.compile(r"各(?:国|成员国|位)|贵宾|嘉宾|来宾|与会")


def _welcomed_in_person(clause: str) -> bool:
    """Whether a clause with no meeting word tells a host welcoming the visitor in person
    (``3日，甲抵达某城，乙到机场迎接``): the leaders meet that day, as at talks. Not at a
    gathering's opening (乙在会场迎接出席峰会的各国领导人): the gathering is no meeting of two."""
    welcome = WELCOMES.search(clause)
    return welcome is not None and not a_gathering(clause) and not _MANY_GUESTS.search(clause, welcome.end())


def only_a_banquet(hans: str, clause: tuple[int, int]) -> bool:
    """Whether the clause tells a meeting by a host's meal alone, no meeting word (``当晚，乙设宴款待甲``)."""
    return MEETING.search(hans, *clause) is None and _BANQUET_GIVEN.search(hans, *clause) is not None \
        and WELCOMES.search(hans, *clause) is None


def only_a_welcome(hans: str, clause: tuple[int, int]) -> bool:
    """Whether the clause tells a meeting by a welcome alone, no meeting word (``乙到机场迎接``)."""
    return MEETING.search(hans, *clause) is None and WELCOMES.search(hans, *clause) is not None


def welcomed_by_a_leader(reading: Reading, sentence: Sentence, clause: tuple[int, int]) -> bool:
    """Whether a welcome told with no meeting word (see :func:`_welcomed_in_person`) is a leader's
    welcoming a visitor the clause names: someone named before 迎接 in its part of the clause, by
    no office below the top, and someone else named in the clause (``甲抵达某城，乙到机场迎接``).
    Not an official's welcome (``外长丙到机场迎接``) nor a delegation's (``代表团返抵某城，乙到机场迎接``)."""
    begin, end = clause
    welcome = WELCOMES.search(sentence.hans, begin, end)
    if welcome is None or MEETING.search(sentence.hans, begin, end):
        return True  # a meeting word tells the meeting: the welcome is no matter
    part = max((m.end() for m in CLAUSE.finditer(sentence.hans, begin, welcome.start())), default=begin)
    people = [spot for spot in sentence.spots if begin <= spot.start < end
              and reading.registry.is_a(spot.surface, Kind.PERSON) and not QUALIFIES.match(sentence.hans[spot.end:])]
    hosts = [spot for spot in people if part <= spot.start < welcome.start()
             and not NOT_TOP.search(written_before(sentence, spot))]
    return bool(hosts) and any(spot.key not in {host.key for host in hosts} for spot in people)


class Signing(NamedTuple):
    """A meeting told by what its leaders did together, no meeting word: the clauses' bounds, whether
    they name the leaders (then only they met, none is inferred), and whether each keeps only the
    office the text writes for them (a visit's signing, told in passing: no office from elsewhere)."""
    clause: tuple[int, int]
    named: bool
    offices_as_written: bool = False


def _the_visits_days_only(hans: str, begin: int, end: int) -> bool:
    """Whether a clause is the visit's days alone (``访问期间，两国元首签署了…``, dated by the visit the text
    told before it): like a bare date, it leaves the telling to the clause after. Only a visit of several
    days is read so: a one-day visit's meeting is the one its day's sentences tell already."""
    during = DURING_THE_VISIT.match(hans, begin, end)
    return during is not None and during.end() == end


def signing_clause(hans: str, when) -> Signing | None:
    """The date's clause when it tells leaders signing together (``1974年5月16日，甲与乙签署
    《…》``, ``9月3日，两国元首在莫斯科签署``): they meet to sign. See :class:`Signing`."""
    clauses = _date_clause(hans, when)
    if clauses is None:
        return None
    starts, index = clauses
    begin, end = starts[index], starts[index + 1] - 1
    told = when.stop
    days_only = _the_visits_days_only(hans, begin, end) and when.end > when.start  # 访问期间，两国元首签署…
    if (_BARE_TIME.fullmatch(hans[begin:end].replace(hans[when.at:when.stop], "")) or days_only) and index + 2 < len(starts):
        told, end = starts[index + 1], starts[index + 2] - 1  # 1974年5月16日，甲与乙签署…: the clause after a bare date
    signed = _SIGNED_TOGETHER.match(hans, told, end)
    at = starts.index(told) if told in starts else index
    if signed is None and _ATTENDED.search(hans, told, end) and at + 2 < len(starts):
        told, end = starts[at + 1], starts[at + 2] - 1  # 甲在两国外长陪同下，与乙共同签署…: the clause after
        signed = _SIGNED_TOGETHER.match(hans, told, end)
    at = starts.index(told) if told in starts else index
    if signed is None and (agreed := _agreed_on_the_visit(hans, starts, at, told, end)) is not None:
        (_, end), signed = agreed  # 甲访问某城，与乙达成共识: the visit's meeting, told by what they agreed
        if signed.re is _SIGNED_ON_THE_VISIT:
            return Signing((begin, end), True, offices_as_written=True)  # 甲访问某城，与乙签署《…》
    return Signing((begin, end), signed["back"] is None) if signed else None


#: A clause telling a leader's visit made (甲访问某城, 甲对某城进行了为期一天的访问) or a place reached (又于同日飞往某城),
#: not one planned (将访问).
_VISITED = re.compile(r"(?:访问|进行了?[^，。；]{0,12}?访问|飞往|飞抵|抵达|到达|前往|转赴)[^，。；]{0,15}$")


#: Leaders agreeing together (与乙就…达成共识, 同乙达成协议, 两国总统同意…): what they agreed tells they met.
_AGREED_TOGETHER = re.compile(r"(?:并|还)?(?:[与跟]|同(?![日天时年月意样期]))[^，。；、由就]{1,30}?(?:就[^，。；]{0,80}?)?"
                              r"(?:达成了?(?:共识|一致|协议)|一致同意|同意)"
                              r"|(?P<back>两国(?:元首|首脑|领导人|总理|总统|首相)|双方领导人)(?:一致)?(?:同意|达成)")


#: The visitor and the one named after 与/同 signing, told in the clause after the visit's with no
#: subject of its own (…访问某城，与乙签署《…》; …，在某城与乙共同签署…).
_SIGNED_ON_THE_VISIT = re.compile(r"(?:并|还|随后)?(?:在[^，。；与同和]{1,20}?)?(?:[与跟]|同(?![日天时年月意样期]))"
                                  r"[^，。；、由]{1,30}?(?:共同|一同|一起)?(?:签署|签订|签字|签约)")


#: A clause said of the visit in passing (这是他首次访问该国): the visit's next clause may come after it.
_AN_ASIDE = re.compile(r"这是|此为|也是")


def _agreed_on_the_visit(hans: str, starts: list[int], at: int, told: int, end: int
                         ) -> tuple[tuple[int, int], re.Match] | None:
    """The clause after a dated visit's clause (past an aside) when it tells the visitor and the
    one named after 与/同 agreeing or signing together, or the two leaders agreeing
    (``2013年4月12日，甲访问某城，这是他首次访问该国，两国总统同意…``, ``…访问某城，与乙签署《…》``):
    they met on the visit. Not a plan's visit (将访问), nor where either is below the top
    (与乙国外长丙达成共识)."""
    if not _VISITED.search(hans, told, end) or _PLANNED.search(hans, told, end) or NOT_TOP.search(hans, told, end):
        return None
    for after in range(at + 1, min(at + 3, len(starts) - 1)):
        clause = (starts[after], starts[after + 1] - 1)
        agreed = _AGREED_TOGETHER.match(hans, *clause) or _SIGNED_ON_THE_VISIT.match(hans, *clause)
        if agreed is not None:
            return None if NOT_TOP.search(hans, clause[0], agreed.end()) else (clause, agreed)
        if not _AN_ASIDE.match(hans, clause[0]):
            return None
    return None


#: Who met, named by their level below the leaders (两国外长在某城举行会谈, 两党代表团举行第九次会谈).
_LOWER_SUBJECT = re.compile(r"(?:两|三|四|双方|[两三四]方)(?:国|党)?的?(?:外长|外交部长|外相|外交部门|官员|高官|谈判代表"
                            r"|(?<=党)代表团)")


#: Between such a subject and the meeting word: the leaders are there too (在两国外长陪同下, 以…为首的).
_LEADERS_TOO = re.compile(r"陪同|见证|陪伴|领导人|元首|首脑|总统|总理|首相|主席|国王|总书记|为首|率领")


def _lower(clause: str, meeting: re.Match) -> bool:
    """Whether a meeting word names talks below the leaders (高级别会谈), or its clause says they
    were held by those below (两国外长在某城举行会谈)."""
    if any(m.start() <= meeting.start() and meeting.end() <= m.end() + 2 for m in LOWER_TALKS.finditer(clause)):
        return True
    subjects = list(_LOWER_SUBJECT.finditer(clause, 0, meeting.start()))
    return bool(subjects) and not _LEADERS_TOO.search(clause, subjects[-1].end(), meeting.start())


def dated_by_citation(reading: Reading, sources: Sources, sentence: Sentence, reached: int | None = None):
    """A day without a year takes the year of the source cited for it: the last such day
    on or before the source's publication date. A source that reports the day in its own
    year comes first: one published before it (a preview cited beside the report, 6月9日's
    for 6月12日's arrival) does not put the day a year back. Cited alone, a source published
    days before the day (``9月23日，甲在某城会见乙`` citing a source of 2021-09-22) previews it in its
    own year; one published longer before tells the day of the year before, unless the text has
    ``reached`` the source's year already (a preview weeks ahead, cited under 2025's account)."""
    dated = []
    for citation in citations_of(sources, [sentence]):
        published = next((v for v in reading.registry.facts_about(citation, Prop.PUBLICATION_DATE)
                          if isinstance(v, date)), None)
        if published is not None and (dates := find_dates(sentence.hans, year=published.year)):
            dated.append((dates, published, citation))
    for dates, published, citation in dated:
        if dates[0].start <= published:
            return dates, citation
    for dates, published, citation in dated[:1]:
        if dates[0].start - published <= _A_PREVIEW_AHEAD:
            return dates, citation  # a source published on 9月22日 for 9月23日: a preview of the next day
        if reached == published.year:
            return dates, citation  # 2025年…¶5月6日，甲与乙会谈 citing a source of 2025-03-25: a preview
        return find_dates(sentence.hans, year=published.year - 1), citation
    return [], None


#: How far ahead of its publication a source cited for a day may tell it as coming (a preview):
#: a day further on is of the year before.
_A_PREVIEW_AHEAD = timedelta(days=14)


#: A meeting the clause's own meeting is about (就…即将举行的峰会交换意见, 就…会晤进行讨论): its topic,
#: from 就 up to the meeting word the clause ends on, says nothing of whether they met.
_TOPIC = re.compile(r"就[^，,；;。]*?(?=(?:举行|进行了?|展开)?(?:会谈|会晤|交换了?意见)[^，,；;会晤谈]*$)")


#: A meeting agreed on as a topic (就…举行首脑会晤达成一致): planned, not held.
_AGREED_ON = re.compile(r"就[^，,；;。]*?(?:会晤|会谈|峰会|首脑会议|会面)[^，,；;。]{0,8}?(?:达成(?:一致|共识|协议)|取得一致)")


#: What leaders agree on or say they wish for at a meeting (两国元首同意…, 双方表示愿…): of another meeting.
_AGREED_AT_IT = re.compile(r"同意|商定|表示愿|愿(?:与|同|和|跟|意)|希望|期待|期望|决定|宣布|呼吁")


#: A clause with no subject of its own going on to meet (…转赴某都，会晤乙国总统丙; …，并同丙会谈): the clause before's
#: subject, whose plan it goes on with.
_GOES_ON_TO_MEET = re.compile(r"^(?:并|再|随后|随即)?(?:与|同|跟|会晤|会见|拜会|接见)")


#: A clause opening on what those who met did after it (三人会后发表联合声明, 会谈后双方签署…), not on what they were to
#: do (会后将发表…): the meeting the clauses before told was held, whatever invitation or plan they told it by.
_AFTER_IT = re.compile(r"(?:[两三四五]人|双方|各方|三方|四方|[两三四五]国(?:领导人|元首|首脑))?(?:会后|会谈后|会晤后|峰会后|会谈结束后|会晤结束后)"
                       r"(?![^，,；;。]{0,6}?(?:将|拟|计划|准备|预计))[^，,；;。]{0,6}?(?:发表|签署|签订|举行|共同|会见记者)")
#: Before a meeting word, an invitation to it (甲邀请乙与丙赴某国会谈): told held where a clause after it tells what came after it.
_INVITED_TO_IT = re.compile(r"邀请")
#: A sentence that opens, before any meeting is told, on someone making a plan known (某宫证实两人将会面;
#: 乙国政府确认甲将于周日启程访问乙国，行程包括会见乙; 某部发表通告，宣布甲将访问乙国，礼节性拜会乙，并与丙举行会谈):
#: the day it gives is the day of the announcement, and every meeting named after it, up to a clause that
#: opens on another day or on what was then done (…；3月10日，两人会谈; 随后…), is the plan's.
_ANNOUNCES_A_PLAN = re.compile(r"(?:宣布|确认|证实|通告|宣称|声称)[^，,；;。]*?(?:将|拟|计划|准备|预定|定于)")
#: A clause that leaves the announcement: it opens on a day, or on what came next.
_LEAVES_THE_ANNOUNCEMENT = re.compile(r"^(?:\d{1,2}月)?\d{1,2}[日号]|^(?:" + NEXT_DAY + r"|当天|当日|当晚|随后|随即|其后|之后|会后)")
#: A later clause telling the meeting planned held as planned (宣布甲将于4月9日接待乙；4月9日，两人如期会晤).
_HELD_AS_PLANNED = re.compile(r"(?<![未没不能法有])(?:如期|如约|按计划|按原计划)")  # not 未能如期举行
#: A meeting said to have lasted so long (三人的早餐会持续约一小时): it took place, whatever a clause
#: before said of it being proposed (甲向乙提议共进早餐).
_LASTED = re.compile(r"(?:会晤|会谈|会面|会见|早餐会|午餐会|晚餐会|餐会)[^，,；;。]{0,4}?(?:持续|历时|长达|进行了)了?"
                     r"(?:约|近|逾|超过)?[0-9一二三四五六七八九十两半]+个?多?(?:小时|分钟|钟头)")


#: A clause after a meeting told, opening on what was done next, an invitation (随后邀请乙在某舰上共进早餐).
_INVITED_THEN = re.compile(r"^(?:随后|接着|其后|之后|会后)(?:又|还)?邀请")


@lru_cache(maxsize=4096)  # a sentence is asked about twice a page
def not_held(hans: str) -> bool:
    """Whether the clauses that speak of the meeting say it did not take place (or not yet). What the sentence
    says after a clause that told the leaders meeting does not undo it when it speaks of something else: the
    words of a document's name (``并发表《甲乙首脑会谈共同声明》``), what was said at it (``会谈内容未予公开``), a
    gathering to come (``为即将举行的某峰会作准备``)."""
    hans = _ITS_PRESS_CONFERENCE.sub("", _A_DOCUMENTS_NAME.sub("《》", hans))
    hans = _PUT_OFF_THEN_HELD.sub("", hans)
    clauses = [_TOPIC.sub("", ACCEPTED.sub("", c)) for c in re.split(r"[，,；;]", hans)]  # 应…邀请: an invitation taken up
    if _AGREED_ON.search(hans):
        return True
    told = False  # a clause before told the leaders meeting (甲同乙举行会谈，…)
    planned = False  # the clause before told a plan, or went on with one by its day (原定于14日启程，14日…，16日…)
    announced = False  # the sentence opened on a plan made known (某宫证实两人将会面): its meetings are the plan's
    for i, clause in enumerate(clauses):
        opens_on_a_day = _OPENS_ON_A_DAY.match(clause) is not None
        held = HELD_AT.search(clause)
        if held and (clause[held.end():held.end() + 1] == "的" or PRESS_CONFERENCE.match(clause, held.end())):
            held = None  # 在莫斯科举行的纪念活动, 两人在某宫举行记者会: something else held there
        meeting = MEETING.search(clause) or held
        announced = announced and not _LEAVES_THE_ANNOUNCEMENT.match(clause)
        plan = None if told else _ANNOUNCES_A_PLAN.search(clause)
        announced = announced or plan is not None and (meeting is None or plan.start() < meeting.start())
        if meeting and announced and not any(
                _LASTED.search(c) or _HELD_AS_PLANNED.search(c) and MEETING.search(c) for c in clauses[i + 1:]):
            return True  # 乙国政府确认甲将于周日启程访伊，行程包括会见乙: the announcement's day, no meeting held
        if meeting and planned and (opens_on_a_day or _GOES_ON_TO_MEET.match(clause)) and not told:
            return True  # 鲁哈尼原定于11月14日启程，14日、15日在某城会晤…: the plan's days, told on; …；10日下午转赴某都，
            # 会晤乙国总统丙: the plan's subject going on to meet, in a clause of its own
        planned = bool(_PLANNED.search(clause) and NOT_HELD.search(clause) and not _PUT_OFF.search(clause)) \
            or (planned and opens_on_a_day)
        if meeting and any(not (told and _TELLING_OF_IT.fullmatch(m.group())) for m in NOT_HELD_AFTER.finditer(clause)):
            return True  # not 甲同乙举行会谈，会谈内容未予公开: what was said at the meeting told
        if meeting and told and MEETING.search(clause) is None and VISIT_WORDS.search(clause) is None:
            meeting = None  # 甲会见乙，并表示某外长会将在某城举行: after the meeting told, something else held or planned
            # (not a visit: 确认乙将于10月进行国事访问 plans the leaders' meeting)
        if meeting and NOT_HELD.search(clause[:meeting.end()]) and not any(
                _LASTED.search(c) or _HELD_AS_PLANNED.search(c) and MEETING.search(c) for c in clauses[i + 1:]) \
                and not (_INVITED_TO_IT.search(clause[:meeting.start()]) and any(_AFTER_IT.match(c) for c in clauses[i + 1:])):
            if told and _AGREED_AT_IT.search(clause[:meeting.end()]):
                continue  # 甲同乙举行会谈，…；两国元首同意以某峰会为新起点: what they agreed at the meeting told
            if told and (a_gathering(clause) or _TO_ATTEND.search(clause, 0, meeting.start())):
                continue  # 甲与乙共进晚宴并会谈，为即将举行的某峰会作准备; 乙在会上邀请甲出席次年的某城峰会: a gathering
                # to come, which one attends, not this meeting
            if told and _WHAT_IT_WENT_INTO.match(clause):
                continue  # 甲与乙会谈约70分钟，讨论了反恐和某城峰会的筹备: what the meeting told talked of
            if told and _INVITED_THEN.match(clause):
                continue  # 甲会见乙…；随后邀请乙在某舰上共进早餐: what he did next that day, no plan of the meeting told
            return True
        if told and _TALKED_BY_VIDEO.search(clause):
            return True  # 会谈如期举行，两人各自在本国通过视频连线交谈: the talks told were held by video
        told_before, told = told, told or bool(meeting and _MEETING_VERB.search(clause)) or bool(_AFTER_IT.match(clause))
        if meeting and i > 0 and (_CONTINUES.match(clause) or clause.startswith("于")
                                  or _GOES_ON_TO.match(clause) and _PLANNED.search(clauses[i - 1])) \
                and NOT_HELD.search(clauses[i - 1]) and not (told_before and (_WHAT_IT_TALKED_OF.match(clauses[i - 1])
                                                                            or not _PLANNED.search(clauses[i - 1]))):
            return True  # 宣布甲将于5月前访问乙国，与乙国主席会面; 宣布甲将应邀，于6月16日赴…: it goes on with the plan
            # (not 甲与乙举行会谈，宣布建立战略伙伴关系，并就…交换意见: what the meeting told did, no plan)
        if meeting and CALL.search(clause, meeting.end()):
            return True  # 甲与乙在峰会前夕通电话: the meeting word tells when they called
        call = next((j for j in range(i - 1, -1, -1) if CALL.search(clauses[j])), None)
        if meeting and call is not None and not any(re.search(r"\d[日号]", c) for c in clauses[call + 1:i + 1]):
            return True  # 甲与乙通电话表示祝贺，双方确认…会谈: the sentence goes on with the call, up to another day
    return False
