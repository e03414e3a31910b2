"""A meeting's number in its series, as a sentence states it.

Only a number that places *this meeting* among meetings of its kind is an ordinal
(``第三次会晤``, ``第4次首脑会谈``, ``首次非正式会晤``):

- ``第N次``/``第N度`` counts the meeting word that follows it (会晤, 会谈, 会见, 峰会, 会议 ...),
  ``第N轮`` only where it names the series (``第九轮中澳总理年度会晤``, not a summit's
  ``第一轮会谈``), ``第N届`` only the series named before it (``…联盟第五届首脑会议``, not
  ``第十二届南盟首脑会议``; but a summit of three or more sides told held somewhere under a name that numbers
  it, ``首届甲乙丙峰会在某都举行``, is that session, and a meeting of two on its sidelines,
  ``在第七次甲乙丙领导人会议期间与乙会谈``, is not),
  not a multilateral gathering's sessions (``二十国集团领导人第十七次峰会``,
  ``第十七次二十国集团领导人峰会``; the European Union meeting one partner is a series of two:
  ``第二十四次甲国—欧盟领导人会晤``) nor a standing mechanism's (``经济高层对话机制第二次会议``);
  a count of visits (``第二次访华``, ``第九次访问俄罗斯``) is one only when it counts the visits
  made in an office (``第二次以国家元首身份访问美国``, ``第三次以中共中央总书记、国家主席身份访问
  越南``, ``作为总统第二次访华``) or state visits, each received by the host's head of state
  (``第三次国事访问``), not a person's visits nor a person's attendance (``第四次出席某峰会``);
- a count of a day's sessions (``第一次会谈于中午12时开始``, ``12月24日，…举行第二次会谈``
  in an account told day by day) or within the year the text is at (``同年第3次``,
  ``当年的第三次``, ``今年以来的第三次``) or a stretch of time (``七个多月内的第三次``) is no series
  ordinal, nor is a meeting discussed or hoped for (``希望明年举行第二次甲丙首脑会谈``), a speech at
  one (``第二度在某议会联席会议发表演说``) or a gathering attended on a visit (``出席第七次甲乙丙
  领导人会议并对乙国进行正式访问``), and one within a year named
  (``又称2018年第3次南北韩首脑会谈``) only where the text gives no other;
- a count before the name the meetings of two go by (``「二度胡吴会」``, ``三度习马会``), or inside
  it where the name is quoted (``「川文七会」``), is this meeting's number in that series;
- ``首次`` is the first of a series only when it names the series (``首次非正式会晤``,
  ``首次美苏首脑会晤``, or its sides and leaders before it: ``南北韩两国领导人首次面对面会谈``,
  ``两个德国政府首脑之间的首次会晤``), and a bare ``第一次`` is none after only the two who meet
  (``两人之间的第一次会晤``, ``两国元首的第一次会晤``): "the first meeting of these two leaders" (``两人首次会面``,
  ``举行首次会晤``, ``与乙举行首次首脑会谈``) is no series ordinal, nor is a first since a break or within a term
  (``1949年以来…首次``, ``自2019年4月以来的第一次``, ``上任后…首次``, ``任内的第一次``,
  ``维也纳峰会之后…的第一次会晤``, ``袭击后…的第一次会晤``); a
  first after an event that began the series is (``战后首次``), and so is a series said
  to be first held (``该会议于2014年6月6日首次举行``).

An article about one summit named as a session of its own series (``首届甲乙峰会``, where its
lead's first sentence gives that name; not ``第一届东亚峰会``, a gathering of many states) is
that session; else it numbers it where its lead, a sentence dated to its days, the
sentence after that one (a meeting counted in its series anywhere there before a visit counted
in an office: ``第十二次甲乙年度峰会``, not ``第四次以首相身份访问乙国``), or an undated clause of its own account (``江泽民在会谈中说，这是他和
总统先生第五次会晤``, not in its background or aftermath) states the number; so does one that
tells of other summits too, for the summit its first sentence dates. A summit nothing has
numbered (a table's row) takes the number a sentence anywhere in the prose states of a
meeting it dates to that summit's days and no other's; a table's numbered row that made no summit of
its own (a list of visits naming no leaders) numbers the one summit the prose tells on the row's days.

>>> ordinal_in("两人在华盛顿举行他们3年来的第三次会晤")
3
>>> ordinal_in("朝韩首脑的第5次会晤、同年第3次会晤"), ordinal_in("2018年第2次朝韩首脑会谈")
(5, None)
>>> ordinal_in("2018年第2次朝韩首脑会谈", within_a_year=True)
2
>>> ordinal_in("两国领导人的首次非正式会晤"), ordinal_in("雷根与戈巴契夫在丰泉宫首次会面")
(1, None)
"""

from __future__ import annotations

import re
from functools import lru_cache
from datetime import date, timedelta

from kg.extract.dates import chinese_number, find_dates, find_year_months
from kg.extract.names import state_names
from kg.extract.narrative import ASIDE, YEAR_FRAME, next_about, year_of
from kg.extract.phrases import GATHERINGS
from kg.extract.reading import Reading
from kg.extract.scripts import to_hans
from kg.extract.text import CLAUSE_OR_COLON_BREAK, Sentence, clause_start_past_colon
from kg.model import Prop, Severity

_MEETINGS = r"会晤|会谈|会面|会见|见面|峰会|高峰会议?|首脑会议|最高级会议|会议"
_VISITS = r"访问|访华|访美|访苏|访俄|访日|访朝|访韩|访印|出访"
#: The consultations of two governments, which their heads of government chair (第三轮甲乙政府磋商, 政府间磋商).
_CONSULTATIONS = r"政府间?磋商"
_NTH = re.compile(rf"第(?P<n>[0-9一二三四五六七八九十两百]+)(?P<counter>次|度|轮|届)"
                  rf"(?P<between>[^，,。；;：:、第]{{0,12}}?)(?P<noun>{_MEETINGS}|{_VISITS}|{_CONSULTATIONS})")
_FIRST = re.compile(rf"(?:首次|首度)(?:举行|进行|召开|展开)?了?(?P<between>[^，,。；;：:、]{{0,8}}?)"
                    rf"(?P<noun>{_MEETINGS})")
#: What makes a 首次 meeting the first of a series: the series named (非正式, 首脑 ...).
_SERIES = re.compile(r"非正式|首脑|领导人|元首|高峰|最高级")
#: Right before 首次: the leaders of a series' sides (两国领导人, 政府首脑之间的).
_LEADERS_BEFORE = re.compile(r"(最高|主要)?(领导人|元首|首脑|政府首脑)(之间)?的?$")
#: Right before a bare 第一次: only the two who meet (两人之间的, 两国元首的, 两国政府首脑的), no series.
_THESE_TWO = re.compile(r"(两人|二人|两位|双方|两国(?:最高)?(?:政府)?(?:领导人|元首|首脑))(?:之间|间)?的?$")
#: Words that make the sides named before the leaders more than one (两岸执政党, 国共两党, 各党).
_TWO_OR_MORE = re.compile(r"两|双|各|与|和|及|、")
#: Words before the leaders that name no side (这次会谈是, 两国, 两个, 双方 ...).
_NOT_A_SIDE = re.compile(r"这|此|次|是|也|为|乃|会谈|会晤|两国|两个|两位|两|二|双方|国家|政府|的|之间")
#: A count within a year named (2018年第2次; 继2013年第二次 counts on from 2013) ...
_WITHIN_A_YEAR = re.compile(r"(?P<after>继)?[0-9]{4}年(内|度)?的?$")
#: ... or within the year the text is at (同年第3次, 当年的第三次, 年内第二次).
_WITHIN_THE_YEAR = re.compile(r"([同今该当本]年|年内|年度)(以来)?的?$")
#: ... or within a stretch of time (七个多月内的第三次, 不到三周内的第二次): how often in it.
_WITHIN_A_STRETCH = re.compile(r"[0-9一二三四五六七八九十两几数半]+多?个?多?(?:年|月|周|星期|天)(?:之)?内的?$")
#: Right before the number in its clause: a meeting discussed or hoped for (讨论第二次甲丙首脑会谈,
#: 希望在翌年初举行第二次甲丙首脑会谈), another than the one told.
_SPOKEN_OF = re.compile(r"(?:讨论|商讨|商议|希望|期待|期望)[^，,。；;：:]{0,10}$")
#: Right after the meeting word: what one does there (第二度在某国议会联席会议发表演说), which it counts.
_DONE_THERE = re.compile(r"上?(?:发表|演说|演讲|讲话|致辞)")
#: Right before the number: a gathering attended (出席第七次甲乙丙领导人会议) ...
_ATTENDED = re.compile(r"(?:出席|参加)了?(?:[^，,。；;第出参]{1,20}?(?:举行|召开)的)?$")  # 出席7月7日在某城举行的第四次…
#: After a numbered session: the days of it on which one meets someone (…会议期间与乙举行会谈): a meeting on its
#: sidelines, which the session's number does not count.
_ON_ITS_SIDELINES = re.compile(r"(?:期间|间隙|之际)[^，,。；;]{0,12}?(?:与|同|和)")
#: ... or one whose sides are a state and a group of states (出席第四次甲国—某某国家领导人会晤): the gathering's number.
_A_GROUP_OF_STATES = re.compile(r"[—－‐–-][\u4e00-\u9fff]{1,6}国家")
#: ... in a sentence that tells a visit besides (…并对乙国进行正式访问): the gathering's number.
_AND_A_VISIT = re.compile(rf"并[^，,。；;]{{0,12}}?(?:{_VISITS})")
#: A first since a break: 六十年来, 1949年以来, 就任后, 时隔七年, 分裂55年后, 大战结束后, since a taking of office or an
#: event however it is told (某人就任美国总统后…的首次正式会谈, 即位后首次, 两国新政府成立后首次, 冲突爆发后…首次), or
#: within a term (习近平任内的第一次会面).
_SINCE = re.compile(r"以来|年来|多来|月来|就任后|上任后|时隔|任内|任期内"
                    r"|(峰会|会晤|会谈|会面|会议|通话|袭击|事件|危机|交恶|冲突|失败|中断|结束)(之|以)?后"
                    r"|(?:就任|就职|上任|即位|继位|当选|成立|执政|爆发|风波|失去)[^，,。；;首第]{0,8}?(?:之|以)?后")
#: Between 第N轮 and its meeting word: the series the rounds are of (第九轮甲乙总理年度会晤), not
#: a summit's rounds of talks (第一轮会谈, 第二轮会谈 are its sessions).
_ROUNDS_OF_A_SERIES = re.compile(r"年度|定期|首脑|领导人|元首|总理|总统|高峰|最高级")
#: A visit counted in an office (以国家元首身份, 作为总统), or a count of state visits, each
#: of which the host's head of state receives (第三次国事访问, 第四次对中国进行国事访问).
_IN_OFFICE = re.compile(r"身份|作为|国事")
#: A visit counted in the offices it names, however many (第三次以甲党总书记、国家主席身份访问乙国).
_NTH_IN_OFFICE = re.compile(rf"第(?P<n>[0-9一二三四五六七八九十两]+)(?:次|度)以[^，,。；;：:第]{{1,24}}?身份(?:对[^，,。；;：:]{{1,8}}进行)?"
                            rf"(?:国事|正式)?(?:{_VISITS})")
#: Right before the number: the office its visits are counted in (作为总统第二次访华).
_IN_OFFICE_BEFORE = re.compile(r"(以[^，,。；;：:]{1,16}身份|作为[^，,。；;：:]{1,8})$")
#: Between the number and its meeting word: a person's attendance (第四次出席某峰会).
_ATTENDS = re.compile(r"出席|参加|参与|列席")
#: Just before the number: a standing body or mechanism, whose sessions it counts
#: (中日经济高层对话机制第二次会议).
_BODY = re.compile(r"(机制|对话|委员会|理事会|联委会|论坛|磋商)$")
#: A series named and then said to be first held (该会议于2014年6月6日首次举行).
_FIRST_HELD = re.compile(rf"(?P<series>(该|此|这一?)(?:{_MEETINGS})|(?:{_MEETINGS})(?=机制))"
                         r"[^，,。；;：:]{0,20}?(?:首次|首度|第一次)(?:举行|召开)")
#: A count (二度, 三度) before the name a series of meetings goes by, two names and 会 (「二度胡吴会」,
#: 三度习马会): the meeting's number in that series.
_NTH_OF_A_NAME = re.compile(r"(?<![第0-9一二三四五六七八九十百])(?P<n>[二三四五六七八九十])度[「“『]?"
                            r"(?P<name>[\u4e00-\u9fff]{2}会)(?![谈晤见议面])")
#: The name a series of meetings goes by with their count inside it, quoted (「甲乙七会」, the
#: seventh meeting of the two the media call 甲乙会): the meeting's number in that series.
_NAME_WITH_ITS_COUNT = re.compile(r"[「“『](?P<name>[\u4e00-\u9fff]{2})(?P<n>[二三四五六七八九十]{1,2})会[」”』]")
#: Between 首次 and its meeting word: words that only say the meeting is a summit (首次首脑会谈).
_SUMMIT_WORDS_ONLY = re.compile(r"(首脑|元首|最高级|高峰|领导人)+")
#: Right before 首次: a meeting with one person held (与乙举行, 同乙进行了), the two who meet.
_WITH_ONE_PERSON = re.compile(r"(?:与|同|和)[^，,。；;与同和]{1,12}(?:举行|进行)了?$")
#: Right after the number: a war it names (第二次世界大战结束后的首次首脑会议), no meeting's count.
_A_WAR = re.compile(r"(世界)?大战|[\u4e00-\u9fff]{0,3}(战争|内战)")
#: Between 第一次 and its meeting word after only the two who meet: words that say the meeting
#: is a summit (两人的第一次最高级会谈), which name no series of its own.
_A_SUMMIT_ONLY = re.compile(r"(最高级|首脑|高峰|正式)*")
#: A day told without its year, or by its number alone, first in its sentence (12月24日，…; 23日，…):
#: an account day by day.
_DAY_FIRST = re.compile(r"^(?<![0-9年])(?:[0-9]{1,2}月)?[0-9]{1,2}日")
#: The summits of gatherings by their own names, whose number counts the gathering's sessions
#: (第十届亚欧首脑会议, 第九届美洲国家首脑会议), and a gathering whose full name ends in 会议
#: (亚洲相互协作与信任措施会议第九次峰会; GATHERINGS knows it by its short name, 亚信): not in GATHERINGS,
#: where a name holding 首脑会议 or 会议 would make the sentence's meeting the gathering's.
_GATHERINGS_SUMMITS = r"亚欧首脑|美洲国家首脑|亚洲相互协作与信任措施会议"
#: The community of a continent's states, whose number counts its own sessions (某都出席拉共体第八届首脑会议):
#: a gathering of many states, attended on a visit, whose number is none of a summit of two.
_COMMUNITIES = r"拉共体|拉丁美洲和加勒比国家共同体"
#: A gathering of many states, or the summit of one by its own name.
_ANY_GATHERING = rf"{GATHERINGS}|{_GATHERINGS_SUMMITS}|{_COMMUNITIES}"
#: Just before the number: a gathering of many states, whose sessions it counts
#: (二十国集团领导人第十七次峰会, 亚太经合组织第三十次领导人非正式会议).
_GATHERING = re.compile(rf"({_ANY_GATHERING})[^，,。；;：:]{{0,8}}$")
#: The European Union as one side of a pair, joined to its partner by a dash (甲国—欧盟, 欧盟－甲国).
_THE_UNION = re.compile(r"欧盟|欧洲联盟")
_DASH = r"[—－‐–-]"
_THE_UNION_AND_A_PARTNER = re.compile(rf"[\u4e00-\u9fff]{{1,6}}{_DASH}(?:{_THE_UNION.pattern})"
                                      rf"|(?:{_THE_UNION.pattern}){_DASH}[\u4e00-\u9fff]{{1,6}}?(?=领导人|首脑|定期|峰会|会晤|会议|$)")
_DAY_WITHOUT_YEAR = re.compile(r"(?<![0-9年])[0-9]{1,2}月[0-9]{1,2}日")
_YEAR = re.compile(r"[0-9]{4}年")
#: A time of day in the number's clause: it counts the sessions of a day (第一次会谈于中午12时开始).
_TIME_OF_DAY = re.compile(r"上午|中午|下午|午后|晚上|晚间|傍晚|当晚|凌晨|早晨|早上|清晨|[0-9一二三四五六七八九十]+(时|点)")
#: Right before the number: the stretch it counts over runs from an event or a taking of office
#: (自乙复任以来的第二次会谈, 甲就任后的第三次首脑会谈): the meetings of years, never a day's sessions.
_SINCE_AN_EVENT = re.compile(r"(?:以来|就任后|上任后|就职后|执政后|当选后)的?$")


@lru_cache(maxsize=4096)  # two in five are asked again of the same sentence, by several rules
def ordinal_in(hans: str, *, meetings_only: bool = False, within_a_year: bool = False, visits: bool = True) -> int | None:
    """The number of the meeting a Simplified sentence states, else ``None``.

    ``meetings_only``: count meetings (会晤, 会谈, 峰会 ...) and not 会议 or visits, as a
    table cell naming conferences by place (第二次华盛顿会议) must be read.
    ``within_a_year``: read only a count within one year (``2018年第3次``), the number to
    fall back on where the text gives no other.
    ``visits``: read a count of visits too (``第四次以首相身份访问乙国``), else meetings alone.
    """
    found = sorted((at, number) for at, number, yearly, visit in _candidates_kept(hans, meetings_only)
                   if yearly == within_a_year and (visits or not visit))
    return found[0][1] if found else None


def series_number_in(hans: str) -> int | None:
    """The number a Simplified sentence of an account told day by day states of its meeting, only
    where the words before the meeting word name the series it counts, by its sides or its rank
    (``6月2日，第四次甲乙丙领导人会议在某都举行``, ``第二次“甲+乙”峰会在某城举行``); not a bare count of the
    day's talks (``下午，甲与乙举行第一次会谈``, ``第三次单独会谈``), the visit's sessions."""
    found = sorted((at, number) for at, number, yearly, visit in _candidates_kept(hans, False) if not yearly and not visit)
    if not found:
        return None
    at, number = found[0]
    nth = _NTH.match(hans, at)
    return number if nth is None or _SERIES.search(nth["between"]) or nth["noun"] == "峰会" else None


def _clause_of(hans: str, at: int) -> str:
    start = clause_start_past_colon(hans, at)
    end = next((m.start() for m in CLAUSE_OR_COLON_BREAK.finditer(hans, at)), len(hans))
    return hans[start:end]


def _a_session(hans: str, at: int) -> bool:
    """Whether the number at ``at`` counts a day's sessions: a time of day in its clause
    (第一次会谈于中午12时开始), or before it in a sentence that tells a day without its
    year, as an account told day by day does (12月2日早晨风暴加剧，苏方把第一次会谈…); not a count
    since an event (``6日上午，甲与乙举行会谈，这是两人自乙复任以来的第二次会谈``), which counts meetings."""
    if _SINCE_AN_EVENT.search(hans[:at]):
        return False
    if _TIME_OF_DAY.search(_clause_of(hans, at)):
        return True
    return bool(_TIME_OF_DAY.search(hans[:at]) and _DAY_WITHOUT_YEAR.search(hans) and not _YEAR.search(hans))


@lru_cache(maxsize=4096)  # one sentence's are asked by ordinal_in with other options and by series_number_in
def _candidates_kept(hans: str, meetings_only: bool) -> tuple[tuple[int, int, bool, bool], ...]:
    return tuple(_candidates(hans, meetings_only))


def _candidates(hans: str, meetings_only: bool):
    for match in _NTH.finditer(hans):
        if _a_session(hans, match.start()) or _A_WAR.match(match["between"]):
            continue
        if match["noun"] == "会谈" and not _SERIES.search(match["between"]) and _DAY_FIRST.match(hans) \
                and not _YEAR.search(hans) and not _SINCE_AN_EVENT.search(hans[:match.start()]):
            continue  # 12月24日，甲和乙举行第二次会谈: the talks of a visit told day by day
        if _WITHIN_THE_YEAR.search(hans[:match.start()]) or _counts_something_else(hans, match):
            continue
        year = _WITHIN_A_YEAR.search(hans[:match.start()])
        yearly = bool(year and not year["after"])
        if _GATHERING.search(hans[:match.start()]) or _BODY.search(hans[:match.start()]) and not _co_chaired(hans, match) or \
                _names_a_gathering(match["between"]):  # 第十七次二十国集团领导人峰会
            continue
        consultations = match["noun"].endswith("磋商")  # 政府磋商, 政府间磋商
        if consultations and not _names_a_pair(match["between"]):
            continue  # 第二轮磋商 of a body, not the consultations of a pair's governments
        if match["counter"] == "轮" and not (_ROUNDS_OF_A_SERIES.search(match["between"]) or consultations) or \
                match["counter"] == "届" and match["between"] and not _names_a_pair(match["between"]):
            continue  # 第二轮会谈: a session; 第十二届某盟首脑会议: a gathering's session (below)
        if _ATTENDS.search(match["between"]):
            continue  # 第四次出席某峰会: a person's attendance
        number = chinese_number(match["n"])
        before = hans[clause_start_past_colon(hans, match.start()):match.start()]
        if number == 1 and _SINCE.search(before):
            continue  # 自2019年4月以来的第一次会晤: a first since a break
        if number == 1 and match["counter"] in "次度" and _A_SUMMIT_ONLY.fullmatch(match["between"]) \
                and _THESE_TWO.search(before):
            continue  # 两人之间的第一次会晤, 两人的第一次最高级会谈: the first meeting of these two leaders
        in_office = _IN_OFFICE.search(match["between"]) or _IN_OFFICE_BEFORE.search(hans[:match.start()])
        if re.fullmatch(_VISITS, match["noun"]) and (meetings_only or not in_office):
            continue
        if meetings_only and match["noun"] == "会议":
            continue
        if number:
            yield match.start(), number, yearly, bool(re.fullmatch(_VISITS, match["noun"]))
    if not meetings_only:
        for match in _NTH_IN_OFFICE.finditer(hans):  # 第三次以中共中央总书记、国家主席身份访问越南
            if chinese_number(match["n"]) and not any(m.start() == match.start() for m in _NTH.finditer(hans)):
                yield match.start(), chinese_number(match["n"]), False, True
    for match in _NTH_OF_A_NAME.finditer(hans) if "度" in hans else ():  # 媒体称之为「二度胡吴会」
        yield match.start(), chinese_number(match["n"]), False, False
    for match in _NAME_WITH_ITS_COUNT.finditer(hans):  # 举行「甲乙七会」
        if chinese_number(match["n"]):
            yield match.start(), chinese_number(match["n"]), False, False
    for match in _FIRST.finditer(hans):
        before = hans[clause_start_past_colon(hans, match.start()):match.start()]
        if _SINCE.search(before) or not (_SERIES.search(match["between"]) or _sides_named(before)
                                         and not re.search(r"为|就|关于", match["between"])):
            continue
        if meetings_only and match["noun"] == "会议" or _first_of_these_two(before, match["between"]):
            continue
        yield match.start(), 1, False, False
    for match in _FIRST_HELD.finditer(hans) if "首次" in hans or "首度" in hans or "第一次" in hans else ():
        if not _SINCE.search(hans[clause_start_past_colon(hans, match.start()):match.end()]):
            yield match.start(), 1, False, False


#: Before a body's session in its clause: the two leaders who met chair it together (两国领导人共同主持了甲乙高级别
#: 合作委员会第七次会议; 甲和乙举行会谈后，共同主持了…): their meeting is that session.
_CO_CHAIRED_BY_THE_TWO = re.compile(r"(?:(?:两国|两位|双方)(?:领导人|元首|首脑|总统|总理)|两人|二人|(?:会谈|会晤|会面)(?:结束)?后[，,])"
                                    r"[^，,。；;]{0,16}?共同主持了?[^，,。；;]{0,30}$")


def _co_chaired(hans: str, match: re.Match) -> bool:
    """Whether a standing body's numbered session (``…委员会第七次会议``) is chaired together by the two who met
    (``两国领导人在某都共同主持了甲乙高级别战略合作委员会第七次会议``, ``…举行一对一会谈后，共同主持了…``): the
    summit is that session, and its number the summit's; not a session one of them chairs with another
    (``甲与乙国副总统丙共同主持某论坛第二次会议``), nor one a body holds alone."""
    return match["noun"] == "会议" and _CO_CHAIRED_BY_THE_TWO.search(hans[:match.start()]) is not None


def _first_of_these_two(before: str, between: str) -> bool:
    """Whether a 首次 whose words before its meeting word only say it is a summit follows a
    meeting with one person (``甲与乙举行首次首脑会谈``): the first summit of these two leaders,
    no series ordinal; not where the sides are named (``首次甲乙首脑会晤``)."""
    return bool(_SUMMIT_WORDS_ONLY.fullmatch(between) and _WITH_ONE_PERSON.search(before))


def _names_a_gathering(between: str) -> bool:
    """Whether the words between a number and its meeting word name a gathering of many states,
    whose sessions it counts (``第十七次二十国集团领导人峰会``); not the European Union meeting one
    partner, the two joined by a dash (``第二十四次甲国—欧盟领导人会晤``, ``第25次甲国—欧盟定期首脑
    会议``): the union's presidents meet the partner's leader, a series of two sides."""
    pair = _THE_UNION_AND_A_PARTNER.search(between)
    if pair and not re.search(_ANY_GATHERING, _THE_UNION.sub("", pair.group())):
        between = between[:pair.start()] + between[pair.end():]
    return bool(re.search(_ANY_GATHERING, between))


#: After the sides of a pair's series, the words that say what its meetings are (年度, 领导人非正式, 政府间, 高级别).
_PAIR_SERIES_WORDS = re.compile(r"(?:年度|定期|领导人|首脑|元首|政府间|政府|高级别|高层|非正式)*$")
#: States' customary one-character abbreviations, two of which name a pair (英法, 印俄, 葡巴, 新马); not
#: 阿 or 非, which name a region (中阿, 中非: gatherings of many states), nor 欧, the Union or a continent.
_ONE_CHARACTER_STATES = "中美俄苏德法英日韩朝越澳菲泰蒙印加意埃土古沙哈缅柬葡巴新马西荷比以"


def _names_a_pair(between: str) -> bool:
    """Whether the words between ``第N届`` and its meeting word name a series of two states, by
    their abbreviations (``第三十七届甲乙峰会`` written 英法, 印俄, 新马领导人非正式) or their names joined by a
    dash (``第十三届甲国—乙国峰会``): the meetings of the pair's leaders, numbered in their series; not a
    gathering (``第十二届南盟首脑会议``) nor a state and a region (``第二届中国—中亚峰会``)."""
    sides = _PAIR_SERIES_WORDS.sub("", between, count=1)
    if len(sides) == 2 and sides[0] != sides[1] and all(c in _ONE_CHARACTER_STATES for c in sides):
        return True
    names = re.split(_DASH, sides)
    return len(names) == 2 and names[0] != names[1] and all(name in state_names() for name in names)


def _counts_something_else(hans: str, match: re.Match) -> bool:
    """Whether a ``第N次`` counts something other than this meeting's place in its series:
    how often within a stretch of time (``两人七个多月内的第三次会晤``), a meeting discussed or
    hoped for (``希望在翌年初举行第二次甲丙首脑会谈``), what one does at a meeting
    (``第二度在某国议会联席会议发表演说``), a meeting on a session's sidelines (``在第七次甲乙丙领导人会议期间
    与乙举行会谈``), or a gathering attended on a visit
    (``赴乙国出席第七次甲乙丙领导人会议并对乙国进行正式访问``: the gathering's number), or attended where its
    sides are a state and a group of states (``在某城出席第四次甲国—某某国家领导人会晤``)."""
    before = hans[:match.start()]
    return bool(_WITHIN_A_STRETCH.search(before) or _SPOKEN_OF.search(before[clause_start_past_colon(hans, match.start()):])
                or _DONE_THERE.match(hans, match.end()) or _ON_ITS_SIDELINES.match(hans, match.end())
                or _ATTENDED.search(before) and (_AND_A_VISIT.search(hans, match.end())
                                                 or _A_GROUP_OF_STATES.search(match["between"])))


def _sides_named(before: str) -> bool:
    """Whether the words right before 首次 name the series by its sides and their leaders
    (``南北韩两国领导人首次…会谈``, ``两个德国政府首脑之间的首次会晤``), not only these two
    (``两国元首首次会晤``, ``两位领导人首次会晤``) or two persons (``甲和乙两国领导人``); the
    meeting word is then the next one (not ``首次专为三边会议聚首``)."""
    rank = _LEADERS_BEFORE.search(before)
    if rank is None:
        return False
    written = re.search(r"[\u4e00-\u9fff]*$", before[:rank.start()]).group()
    if written.endswith("党") and not _TWO_OR_MORE.search(written):
        return False  # 是甲国共产党领导人首次会见…: one party's leaders, one side (not 两岸执政党, 国共两党)
    sides = _NOT_A_SIDE.sub("", written)
    return len(sides) >= 2 and not re.search(r"和|与|同|及|、", sides)


#: A numbered session of a summit by its own name (首届甲乙丙峰会, 第二届“甲—乙”峰会, 第七次甲乙丙领导人会议).
_NUMBERED_SUMMIT = re.compile(r"(?:首届|第(?P<n>[0-9一二三四五六七八九十两百]+)[届次])(?P<series>[^，,。；;：:（(、]{2,24}?)"
                              r"(?:峰会|首脑会议|领导人会议)")
#: In that name: a body of many states as one side (甲国－某国家合作委员会峰会), a gathering of its members.
_A_BODY_OF_STATES = re.compile(r"委员会|理事会|组织|联盟|共同体")
#: Right after that name: it is held somewhere (…峰会在某都举行, …峰会终于在某地召开).
_HELD_AFTER = re.compile(r"[^，,。；;：:]{0,4}?在[^，,。；;：:]{1,24}?(?:举行|召开)")
#: Right before it: a place holds it (六国元首在某都举行首届甲—乙峰会).
_HELD_BEFORE = re.compile(r"在[^，,。；;：:]{1,24}?(?:举行|召开)了?$")
#: A session a place holds or one of its leaders chairs there, numbered after the leaders of its sides (甲在某都主持
#: 甲乙丙三国元首首届峰会): the sentence's meeting is that session.
_HELD_AFTER_ITS_LEADERS = re.compile(r"(?<=在)[^，,。；;：:]{1,24}?(?:举行|召开|主持)了?(?P<series>[^，,。；;：:（(]{2,30}?(?:元首|领导人|首脑))"
                                     r"(?:首届|第(?P<n>[0-9一二三四五六七八九十两百]+)[届次])(?:峰会|首脑会议|领导人会议)")


def number_of_a_summit_held(hans: str) -> int | None:
    """The number a summit of several sides has in its own name where the sentence tells it
    held somewhere (``5月9日，第七次甲乙丙领导人会议在某都举行，甲与乙、丙共同出席``, ``六国元首
    在某都举行首届甲—乙峰会``), or after the leaders of its sides where one of them chairs it there (``甲在某都主持
    甲乙丙三国元首首届峰会``): the sentence's meeting is that session. Not a gathering of many
    states (``第十二届南盟首脑会议``) or of a body's members (``首届甲国－某国家合作委员会峰会``), whose
    sessions are no summits' series, nor a session only
    attended (``出席第七次甲乙丙领导人会议``). The caller gives it only to a meeting of three or more:
    a bilateral on its sidelines is a summit of its own, not the session."""
    for match in (*_NUMBERED_SUMMIT.finditer(hans), *_HELD_AFTER_ITS_LEADERS.finditer(hans)):
        if _names_a_gathering(match["series"]) or _A_BODY_OF_STATES.search(match["series"]) \
                or _GATHERING.search(hans[:match.start()]):
            continue
        if match.re is _HELD_AFTER_ITS_LEADERS or _HELD_AFTER.match(hans, match.end()) or \
                _HELD_BEFORE.search(hans[clause_start_past_colon(hans, match.start()):match.start()]):
            number = chinese_number(match["n"]) if match["n"] else 1
            if number:
                return number
    return None


#: A sentence that speaks of the meeting just told (这是…, 此次会晤…, 该会议…, 据某台统计，这是…).
REFERS_BACK = re.compile(r"^(据[^，,。]{1,24}(统计|报道|报导|介绍)[，,](?:[^，,。；;]{1,16}在内[，,])?"
                         r"|[^，,。；;：:「“]{1,16}?在(?:会谈|会晤|会见|讲话|致辞|记者会)[^，,。；;]{0,4}?中(?:说|表示|称|指出)[，,：:]?)?"
                         r"(这|此|该|本)(是|次|场|一|为|届)")


def the_defined_summit(reading: Reading, summits):
    """In an article whose first sentence defines it as one meeting or visit on given days
    (``习朱会指2015年5月4日…的会晤``, ``…于2023年4月5日至7日对中国进行的国事访问``), the one
    of its summits that spans most of those days, however many others it tells of; else ``None``."""
    days = [d for d in find_dates(_first_sentence(reading.lead)) if d.year_given]
    if not days:
        return None
    start, end = days[0].start, days[0].end
    overlaps = sorted(((min(end, s.end) - max(start, s.start)).days, i) for i, s in enumerate(summits)
                      if s.start <= end and start <= s.end)
    if not overlaps or len(overlaps) > 1 and overlaps[-1][0] == overlaps[-2][0]:
        return None
    return summits[overlaps[-1][1]]  # the one that spans most of those days


#: What makes a month a frame, not a time (2031年7月以来首次); not 来 of a visitor coming (2031年7月来华).
_MONTH_FRAME = re.compile(r"以来|以后|以前|之前|之后|前(?!往|来|去)|后|起|间")


def the_summit_of_its_month(reading: Reading, summits):
    """In an article whose first sentence dates the visit by its month alone (``…是指甲国总理于2031年7月来华
    出席某会开幕式并进行的访问``), the one summit held in that month; none where it holds several (a tour), where
    the sentence gives a day, or where the month frames a time (``2031年7月以来首次``)."""
    first = _first_sentence(reading.lead)
    if any(d.year_given for d in find_dates(first)):
        return None
    months = [m for m in find_year_months(first) if m.month is not None and not _MONTH_FRAME.match(first[m.stop:])]
    if not months:
        return None
    start = date(months[0].year, months[0].month, 1)
    end = date(start.year + start.month // 12, start.month % 12 + 1, 1) - timedelta(days=1)
    held = [s for s in summits if s.start <= end and start <= s.end]
    return held[0] if len(held) == 1 else None


def _first_sentence(lead) -> str:
    """The lead's first sentence to its 。, however many clauses it was read as
    (``《甲》（{{lang|ja|…；}}…）是1998年10月8日…发表的文件。``)."""
    out = []
    for sentence in lead:
        if sentence.paragraph != lead[0].paragraph:
            break
        out.append(sentence.hans)
        if sentence.hans.endswith(("。", "！", "？")):
            break
    return "".join(out)


def number_the_defined_summit(reading: Reading, summits) -> None:
    """An article about one summit that tells of others too numbers its own summit as an
    article about it alone would (see :func:`ordinal_of_the_subject`), where nothing
    else has numbered it."""
    summit = the_defined_summit(reading, summits)
    if summit is None or reading.registry.has_fact(summit.id, Prop.ORDINAL):
        return
    numbered = ordinal_of_the_subject(reading, summit.start, summit.end)
    if numbered:
        reading.registry.fact(summit.id, Prop.ORDINAL, numbered[0], evidence=(numbered[1].evidence(),))


def number_the_visit(reading: Reading, summit, said_in: Sentence) -> None:
    """A summit that spans a visit's days takes the number the visit's sentence gives it
    (``…对乙国进行第三次国事访问，5日抵达某都``), where nothing else has numbered it."""
    if reading.registry.has_fact(summit, Prop.ORDINAL):
        return
    number = ordinal_in(said_in.hans)
    if number:
        reading.registry.fact(summit, Prop.ORDINAL, number, evidence=(said_in.evidence(),))


def ordinal_of_the_subject(reading: Reading, start: date, end: date) -> tuple[int, Sentence] | None:
    """In an article about one summit: the number its lead gives it (a lead sentence dated
    to other days speaks of another meeting; a meeting counted in its series wherever these
    sentences state one before a visit counted), else the number stated by a sentence that
    dates the summit with its year (not a day of an account told day by day, whose
    ``第一次会谈`` is a session), or by the sentence after it that speaks of it
    (``…举行会议。这是…第三次会议``)."""
    named = _numbered_by_its_name(reading)
    if named:
        return named
    parts = [(reading.lead, True)] + [(sentences, False) for sentences in reading.by_section.values()]
    for within_a_year in (False, True):
        found = _subject_ordinal(parts, start, end, within_a_year, visits=False) or \
            _subject_ordinal(parts, start, end, within_a_year)  # a meeting counted before a visit counted
        if found:
            return found
    return _said_of_it(reading, start, end)


#: An article's name that numbers its summit in its series: 首届/第N届, the series, a meeting word
#: (首届甲乙峰会, 第三届甲国－乙国首脑会议).
_NUMBERED_NAME = re.compile(r"^(?:首届|第(?P<n>[0-9一二三四五六七八九十两百]+)届)(?P<series>[^，,。；;：:（(]{2,24}?)"
                            r"(?:峰会|高峰会议?|首脑会议|首脑会晤|领导人会议|领导人会晤|元首会晤)$")


#: An article's name that numbers its summit after the leaders of its sides (甲乙丙三国元首首届峰会, 甲乙领导人第二届峰会).
_NUMBERED_AFTER_ITS_LEADERS = re.compile(r"^(?P<series>[^，,。；;：:（(]{2,30}?(?:元首|领导人|首脑))(?:首届|第(?P<n>[0-9一二三四五六七八九十两百]+)届)"
                                         r"(?:峰会|高峰会议?|首脑会议|首脑会晤|领导人会议|领导人会晤)$")


def _numbered_by_its_name(reading: Reading) -> tuple[int, Sentence] | None:
    """An article whose name numbers the session of a series of its own (``首届甲乙峰会``,
    ``第二届甲国－乙国首脑会议``, or after the leaders of its sides: ``甲乙丙三国元首首届峰会``) numbers its summit so, where the lead's first sentence gives
    that name; not a session of a gathering of many states (``第一届东亚峰会``), whose
    sessions are no summits' series, but the European Union meeting one partner, joined to it by a
    dash, is a series of two (``第二十届甲国—欧盟峰会``)."""
    name = to_hans(reading.document.title or "").strip()
    match = _NUMBERED_NAME.match(name) or _NUMBERED_AFTER_ITS_LEADERS.match(name)
    if match is None or _names_a_gathering(name) or not reading.lead \
            or name not in reading.lead[0].hans:
        return None
    number = chinese_number(match["n"]) if match["n"] else 1
    return (number, reading.lead[0]) if number else None


#: A clause that speaks of the meeting being told (江泽民在会谈中说，这是他和总统先生第五次会晤).
_THIS_ONE = re.compile(r"(?:^|[，,：:])((这|此|本)(次|场)?(会晤|会谈|会面|峰会|访问)?(是|为|乃))")


def _said_of_it(reading: Reading, start: date, end: date) -> tuple[int, Sentence] | None:
    """A clause of the article's own account (its lead, or a section that is not its
    background or aftermath) that says this meeting is the Nth, in a sentence that gives
    no time of its own: the subject's number; not where its paragraph last told another
    day (``9月10日，甲与乙举行会谈。…这是两人的第22次会谈``, in an article about 11 to 13
    September): that day's meeting is the Nth."""
    parts = [reading.lead] + [sentences for section, sentences in reading.by_section.items()
                              if not ASIDE.match(to_hans(section.heading).strip())]
    for sentences in parts:
        paragraph, told = None, ()
        for sentence in sentences:
            if sentence.paragraph != paragraph:
                paragraph, told = sentence.paragraph, ()
            told = find_dates(sentence.hans, year=start.year) or told
            this = _THIS_ONE.search(sentence.hans)
            if this is None or find_dates(sentence.hans, year=2000) or find_year_months(sentence.hans):
                continue
            if told and not any(d.start <= end and start <= d.end for d in told):
                continue
            number = ordinal_in(sentence.hans[this.start(1):])
            if number:
                return number, sentence
    return None


def _subject_ordinal(parts, start: date, end: date, within_a_year: bool, visits: bool = True) -> tuple[int, Sentence] | None:
    for sentences, lead in parts:
        for i, sentence in enumerate(sentences):
            days = find_dates(sentence.hans, year=start.year)
            on_the_days = any(d.start <= end and start <= d.end and (lead or d.year_given) for d in days)
            if not on_the_days and (days or not lead):
                continue
            number = ordinal_in(sentence.hans, within_a_year=within_a_year, visits=visits)
            following = next_about(sentences, i, REFERS_BACK)
            if number is None and following is not None:
                number, sentence = ordinal_in(following.hans, within_a_year=within_a_year, visits=visits), following
            if number:
                return number, sentence
    return None


def number_by_their_days(reading: Reading, summits) -> None:
    """A summit nothing has numbered takes the number a sentence anywhere in the article
    states of a meeting it dates to that summit's days and to no other summit's (a table's
    row numbered in the prose: ``11月4日至6日，甲第二次对乙国进行国事访问``; the prose of a
    series: ``2009年8月的某城峰会是…第五届首脑会议``), or that the sentence right after it states
    (``这是…第十次会晤``); not a table's row, whose cells the table reader reads. The first time the sentence gives is the meeting's; a day without
    its year is read in the year its paragraph is in; a number another summit has, or one said
    of two summits, numbers none."""
    registry = reading.registry
    taken = {number for summit in summits for number in registry.facts_about(summit.id, Prop.ORDINAL)}
    tables = [table.span for table in reading.document.tables]  # a row is numbered by what its cells say
    claims: dict[int, dict] = {}  # number -> the summit it is said of -> (the sentence dating it, the one saying it)
    parts = [(reading.lead, None)] + [(sentences, section) for section, sentences in reading.by_section.items()]
    for sentences, section in parts:
        heading_year = year_of(to_hans(section.heading), None) if section is not None else None
        year = heading_year
        for i, sentence in enumerate(sentences):
            if i and sentences[i - 1].paragraph != sentence.paragraph:
                year = heading_year
            said_in = sentence
            number = ordinal_in(sentence.hans)
            following = next_about(sentences, i, REFERS_BACK)
            if number is None and following is not None:
                number, said_in = ordinal_in(following.hans), following
            when = _first_time(sentence.hans, year)
            year = year_of(sentence.hans, year)
            if not number or number in taken or when is None or \
                    any(t.start <= sentence.span_of(0, 0).start < t.end for t in tables):
                continue
            on_those_days = {s.id for s in summits if s.start <= when[1] and when[0] <= s.end}
            if len(on_those_days) == 1:
                claims.setdefault(number, {}).setdefault(on_those_days.pop(), (sentence, said_in))
    for number, claimed in claims.items():
        if len(claimed) == 1:  # one number said of two meetings numbers neither
            (summit, said), = claimed.items()
            if not registry.has_fact(summit, Prop.ORDINAL):
                registry.fact(summit, Prop.ORDINAL, number, evidence=tuple(dict.fromkeys(s.evidence() for s in said)))
    from kg.extract.table_series import numbered_days, numbered_months  # table_series.py builds on this module

    months = [(*_month(year, month), number, evidence) for year, month, number, evidence in numbered_months(reading)]
    _number_by_rows(reading, summits, months)
    _number_by_rows(reading, summits, numbered_days(reading))


def _number_by_rows(reading: Reading, summits, rows) -> None:
    """Each meeting table's numbered row that made no summit of its own, as (first day, last
    day, number, evidence), numbers the one summit the text tells starting within its days,
    where nothing has numbered it and no other summit has that number: a row dated by a month
    alone (``第八轮 || 2023年11月``), or by its days where it names no two leaders (``1 ||
    2031年11月1日—2日 || 某都 || 正式访问``)."""
    registry = reading.registry
    for first, last, number, evidence in rows:
        in_them = {s.id for s in summits if first <= s.start <= last}
        taken = {n for s in summits for n in registry.facts_about(s.id, Prop.ORDINAL)}
        if len(in_them) == 1 and number not in taken:
            (summit,) = in_them
            if not registry.has_fact(summit, Prop.ORDINAL):
                registry.fact(summit, Prop.ORDINAL, number, evidence=evidence)


def _first_time(hans: str, year: int | None) -> tuple[date, date] | None:
    """The first days (or month) a sentence gives, with its year or in ``year``."""
    days = [d for d in find_dates(hans, year=year or 1) if d.year_given or year]
    months = [m for m in find_year_months(hans) if m.month is not None and not YEAR_FRAME.match(hans[m.stop:])]
    first = min([(d.at, (d.start, d.end)) for d in days[:1]] + [(m.at, _month(m.year, m.month)) for m in months[:1]],
                default=None)
    return first[1] if first else None


def _month(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def one_number_each(reading: Reading) -> None:
    """A summit numbered twice (``第二十四次甲乙领导人会晤于某日举行`` … ``这是…后两国领导人首次面对面举行会晤``) keeps
    the one number that is not 首次's, where there is one: 首次 says "first" in many ways that place nothing in a series,
    a stated count does. Else it keeps none: a summit has one place in its series (the shapes allow one), and a
    guess would misplace it. Each is said in an issue."""
    registry = reading.registry
    numbers: dict = {}
    for fact in registry.facts_of(Prop.ORDINAL):
        numbers.setdefault(fact.subject, set()).add(fact.value)
    for summit, told in numbers.items():
        if len(told) < 2:
            continue
        counted = sorted(told - {1})
        if len(counted) == 1:
            registry.keep_only(summit, Prop.ORDINAL, counted[0])
        else:
            registry.drop(summit, Prop.ORDINAL)
        reading.note(f"the text numbers the summit {summit.key} as {' and '.join(map(str, sorted(told)))}; "
                     + (f"kept {counted[0]}, the count it states" if len(counted) == 1 else "left out"),
                     None, Severity.WARNING)
