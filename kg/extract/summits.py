"""Summits out of prose: one per dated sentence about a meeting, with what the text says of it.

A section's *anchor* is a sentence that names a meeting (会晤, 会谈, 峰会 ...) and gives a
day-precise date (``2000年6月13日至15日``; ``4月27日`` takes its year from the heading).
From the anchor and its paragraph come the ordinal, the venue chain (``在新加坡的香格里拉大酒店
举行``: the hotel in Singapore), the participants with their offices, and from the whole section the
documents signed (《…》 or a linked name ending in 宣言, 协议 ...). What the section does not
say is taken, and marked as inferred, from the lead (a more specific venue), from the cited
sources' titles and the section's government (participants), or from who held power on
a side at the time (a successor named elsewhere in the article).

A tour's legs and its leaders' arrivals, which date the meetings a leg tells, are read by
:mod:`kg.extract.legs`; one meeting found twice (the lead and a section, a table's row and the prose)
is joined into one summit by :mod:`kg.extract.joining`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from kg.extract.dates import DateRange, chinese_number, find_dates, find_year_months
from kg.extract.documents import documents_of_the_definition, documents_of_the_subject, outcomes
from kg.extract.ordinals import REFERS_BACK, number_the_defined_summit, ordinal_in, ordinal_of_the_subject
from kg.extract.participants import (QUALIFIES, Participant, a_party, below_the_top, citations_of,
                                     bare_office_holders, from_administration, from_citation_titles,
                                     from_leaders_in_office, from_the_bare_office, from_the_pronoun,
                                     from_the_sentences_before, from_the_subject,
                                     meets_officials_only, met_one_by_one, received_together, record_participants,
                                     sends_someone, stated_participants, subject_pair, written_below_the_top)
from kg.extract.people import People, titles_in, written_titles
from kg.extract.phrases import (CLAUSE, DURING_THE_VISIT, HELD_AT, MEETING, MULTILATERAL, NOT_TOP, ORDINAL,
                                PRESS_CONFERENCE)
from kg.extract.containment import finer_venue, located_within
from kg.extract.joining import (GOES_ON, SIGNING, SummitFound, a_row_and_its_account, fill_from_neighbours, join_mentions,
                                one_meeting_told_in_parts, one_span_each, several_of_one_visit)
from kg.extract.legs import (Arrival, VisitTold, arrivals_told, day_of_the_heading, days_of_each, first_year,
                             from_the_arrivals, heading_leg, heading_time, in_the_state_of_the_heading,
                             leg_told_in_prose, one_summit_per_leg, over_the_leg, the_leads_visit, visit_told, year_above,
                             year_of_the_leads_month)
from kg.extract.places import held_at_chain, held_at_phrases, joins_chain, meeting_chains, said_of_other_days, visited_chain
from kg.extract.reading import Reading
from kg.extract.roles import written_before
from kg.extract.scripts import script_of, to_hans, to_hant
from kg.extract.registry import digest
from kg.extract.sources import Sources
from kg.extract.text import Sentence, Spot
from kg.extract.venues import town_arrived_at_before
from kg.model import EntityId, Evidence, Inference, Kind, Label, Prop, Severity, Span
from kg.wikitext import Section

#: A meeting said to happen: "A与B会晤", "举行会谈", "进行了会谈", "见面".
_MEETING_VERB = re.compile(r"(与|和|同|跟).{1,30}?(举行|进行了?|展开)?(会晤|会谈|会面|会见|见面|峰会|闭门会议|交换了?意见|共进(?:工作)?[早午晚]餐)|举行.{0,6}(会晤|会谈|峰会|首脑会议|领导人会议|高峰会议)"
                           r"|(会晤|会谈|会面|会见)了?|接待了?(?:到访|来访)")  # 在某宫接待到访的乙国总统
NOT_HELD = re.compile(r"中断|取消|推迟|延期|未能|拒绝|商定|计划|留待|将于|将在|拟于|准备|筹备|提议|邀请|原拟|希望|致函|致电|致信"
                      r"|(?:将|决定)(?=(?:分别|先后)?(?:同|与|和|跟|会晤|会见|会谈|出席|赴|访问|前往|举行))"  # 还将分别同…会晤
                      r"|考虑(?!到)"  # 正考虑在某地与乙会面 (not 考虑到安全因素，两人在某地会面)
                      r"|原定(?![0-9一二三四五六七八九十两半]+个?(?:分钟|小时|天|日))"  # 原定35分钟的会谈: a length, no plan
                      r"|是否|磋商|商讨|协商|期望|期待|寄望|盼|有意(?![思义])|简报|吹风会|愿(?:与|同|和|跟|意)"
                      r"|电话|通话|视频|视讯|定于|预定|宣布|同意|表示愿|愿意|告吹|搁置|无法|不便|未定|可能|预计|有望|或将|呼吁"
                      r"|解读|回顾|回忆|透露|撰文|评论|报道|记者会|(?<!未)公布"
                      r"|认为|主张|建议|讨论"  # 与会者认为，与乙国领导人举行会谈有助于…: an opinion of a meeting
                      r"|不想|不愿|不打算|应(?=在|于)"  # 他不想举行毫无意义的会面; 双方应在稍后的日期举行会晤
                      r"|没有|并未|未曾|从未|未(?=安排|与|同|和|跟|会见|会晤|会面|举行)")  # 访问中没有安排甲与乙会面
#: A clause with no subject of its own, going on with the one before (…，与乙会面).
_CONTINUES = re.compile(r"^(与|同|和|跟|并与|并同|再与|并)")
#: A clause with no subject of its own that opens on what it goes on to do (…将于7月访问乙国，会晤乙国总统;
#: …访问乙国，出席在某城举行的首脑会议): the meeting or gathering of a plan the clause before tells
#: (:data:`_PLANNED`). Verbs that take whom or what they meet: not 会谈/会面, which begin a clause
#: that tells of the meeting (…未能达成协议，会谈提前结束), nor a meeting the clause dates by (会见时…).
_GOES_ON_TO = re.compile(r"^(?:并|再|还)?(?:会晤|会见|拜会|出席|参加)(?!后|中|时|期间|结束|之|持续|进行|气氛)")
#: A clause that tells a plan (将于, 拟, 原定): not only one that undoes something (未能达成协议).
_PLANNED = re.compile(r"将|拟|计划|准备|原定|预定|定于")
#: Of NOT_HELD, the words that undo a meeting even when written after it (会晤…后因故取消);
#: the others only speak of a meeting that comes after them (计划…会晤, not 会谈中邀请…访日).
NOT_HELD_AFTER = re.compile(r"中断|取消|推迟|延期|未能(?!达成|取得|签署|签订|就)|告吹|搁置|无法|未定|记者会|(?<!未)公布|事宜"
                            r"|以视频(?:方式|形式)|通过视频|以线上(?:方式|形式)"  # 会议因疫情以视频方式举行: no one met
                            r"|(?:会谈|会晤|会议)(?:结果|内容|情况)")  # 发表会谈结果: telling of it, not holding it
#: Talks below the leaders, named by their level (高级别会谈, 工作会谈, 外长会谈): no summit.
LOWER_TALKS = re.compile(r"(高级别|部长级|副部长级|次长级|外长|实务|军事|将军级|红十字|特使|专家级?)"
                         r"(会谈|会晤|会议|磋商|会面)"
                         r"|工作层(会谈|会晤|会议|磋商|会面)|工作(会谈|会议|磋商)")  # 工作会晤: the leaders' own, working meeting
_ACCEPTED = re.compile(r"应[^，,；;。]{0,30}?邀请?|在[^，,；;。]{0,30}?的?邀请下")
#: A clause that moves someone to the meeting: the clauses after it may say they met.
_VISIT = re.compile(r"访问|访华|访美|访苏|访俄|访日|访朝|访韩|出访|抵达|到访|前往|来到|飞抵|赴|应邀|邀请|出席|率团|率领|接待|款待")
#: A sentence about the people the one before named, as its subject (两人随后…, 三位领导人在…).
_BACK_SUBJECT = re.compile(r"^(?:两人|二人|双方|三人|(?:两|三|四)(?:位|国)(?:领导人|元首|首脑))")
#: After a year and month, a clause reaching from it to now (2021年12月就任总理以来): a span, not a time told.
_SINCE = re.compile(r"[^，。；,]{0,12}?以来")
#: A time told as that of a plan (下一次峰会将于2030年11月在某城举行, 甲将在2030年访问乙国): the
#: text does not move to it, so the days told after it keep the year the text had reached.
_PLANNED_FOR = re.compile(r"(?:将|拟|计划)(?:于|在)$")
#: Leaders signing together, told with them as its subject (甲与乙在某城签署《…》, 两国元首签署);
#: not a treaty signed by them (由甲和乙…签署), nor one side signing on its own.
_SIGNED_TOGETHER = re.compile(r"[^由，。；]*?(?:[与和及跟]|同(?![日天时年月意样期]))[^，。；、由]{1,30}?"
                              r"(?:共同|一同|一起)?(?:签署|签订|签字|签约)"
                              r"|[^由，。；]*?(?P<back>两国(?:元首|首脑|领导人|总理|总统|首相)|双方领导人|二人|两人)[^，。；由]{0,30}?"
                              r"(?:共同|一同|一起)?(?:签署|签订|签字|签约)")
#: What a date's clause may hold beside the date and still say nothing of its own (1月22日中午，…).
_BARE_TIME = re.compile(r"(?:\s|于|在|是|日|当地时间|[上下中]午|凌晨|清晨|早上|早晨|傍晚|晚上|晚间|晚|\d+[时点](?:\d+分)?|许|左右)*")
#: A clause that only says who came along or where the leader went (甲在两国外长陪同下，…;
#: 甲亲自前往某城，…), or that a signing ceremony was held (签约仪式在某厅举行，…): what the
#: leader did there, and who signed, is in the next.
_ATTENDED = re.compile(r"在[^，。；]{1,20}?(?:陪同|见证|陪伴|注视)下$|(?:前往|抵达|飞抵|到达|来到|赴)[^，。；]{1,15}$"
                       r"|(?:签字|签约|签署)仪式[^，。；]{0,20}?举行$")

#: A paragraph that opens going on from the one before (随后，两国元首举行会谈): of the day that one told.
_OPENS_GOING_ON = re.compile(r"(?:随后|其后|接着|紧接着|随即)")
#: A sentence that goes on right after the meeting told before it, on its day (会晤结束后，甲随即前往会见丙).
_RIGHT_AFTER = re.compile(r"^(?:会晤|会谈|会面|会见|峰会)(?:结束)?后")
_SIDELINES = re.compile(r"期间|场边|间隙|之机|之际|双边|会议前|峰会前|峰会后|会见|会晤|出席")
#: After a gathering's name: an office of it, held by a leader who meets (欧盟委员会主席乙, 联合国秘书长丙).
_ITS_OFFICE = re.compile(r"(?:委员会|理事会)?(?:主席|秘书长)")


def _a_gathering(clause: str) -> bool:
    """Whether a clause names a gathering of many states, not only one of its offices."""
    return any(not _ITS_OFFICE.match(clause, m.end()) for m in MULTILATERAL.finditer(clause))


#: Words that refer back to the two sides introduced before (两人会面, 双方会谈).
BACK_REFERENCE = re.compile(r"两人|二人|双方|两国元首|两国领导人|两位领导人|两位元首|此次会晤|这次会谈|两国首脑")
MAIN_TEMPLATES = ("main", "主条目", "主條目", "主题条目", "details", "further")
_BACKGROUND = re.compile(r"^(背景|历史背景|起源|前因|缘起|历史|筹备|准备)")
_SIDE_MARK = re.compile(r"^(一方|一侧|方面|侧)")


@dataclass(frozen=True)
class LeadVenue:
    """A venue the lead gives for the summits of some years (and months)."""

    times: tuple[tuple[int, int | None], ...]
    chain: tuple[Spot, ...]
    clause: Sentence


def extract_summits(reading: Reading, people: People, sources: Sources, *,
                    around: SummitFound | None = None, tabled: tuple[SummitFound, ...] = ()
                    ) -> tuple[SummitFound, ...]:
    """The summits of the prose; ``around`` is the summit an infobox states, which the
    prose's mentions of the same days join (their documents and ordinal go to it);
    ``tabled`` are the rows of meeting tables, joined to the prose's summits of their days."""
    lead_venues = _lead_venues(reading)
    tabled_spans = _meeting_table_spans(reading)  # rows read as sentences infer no one
    found: list[SummitFound] = []
    year = around.start.year if around is not None else first_year(reading.lead)
    told_year = year or next((m.year for s in reading.lead for m in find_year_months(s.hans)), None)
    last_day: date | None = None  # the last day the sections gave, for the next one's bare days
    lead_visit = the_leads_visit(reading) if around is None else None
    for section, section_sentences in reading.by_section.items():
        carried = last_day if last_day is not None and last_day.year == told_year else None
        reached, day = _find_in(reading, people, sources, section, section_sentences, lead_venues, found, year,
                                around, tabled_spans, carried, lead_visit)
        if not _a_background(section):  # the past a background tells: the sections after it go on from before it
            year = reached
        last_day = day or last_day
    if around is None:  # the lead tells of the summits too: an article about one may say it all there
        in_sections = list(found)
        _find_in(reading, people, sources, None, reading.lead, lead_venues, found, None, tabled=tabled_spans)
        found[:] = in_sections + join_mentions(reading, people, in_sections, found[len(in_sections):])
    else:  # the lead of a boxed summit may tell of a meeting on other days (此前，甲于3月2日在某城同乙会谈)
        found[:] = found + join_mentions(reading, people, found, _apart_in_the_lead(
            reading, people, sources, lead_venues, tabled_spans, found, around))
    found[:] = found + join_mentions(reading, people, found, list(tabled))
    found[:] = one_meeting_told_in_parts(reading, people, several_of_one_visit(reading, people, found))
    from kg.extract.visits import one_summit_per_visit  # visits.py builds on this module
    summits = fill_from_neighbours(reading, people, one_summit_per_visit(reading, people, one_span_each(reading, found), around))
    summits = tuple(a_row_and_its_account(reading, people, list(summits), tabled_spans))
    if around is None and len(summits) > 1:  # an article about one summit may tell of others too
        documents_of_the_definition(reading, summits)
        number_the_defined_summit(reading, summits)
    from kg.extract.tables import rows_number_their_summits  # tables.py builds on this module
    rows_number_their_summits(reading, summits)
    _one_summit_per_ordinal(reading, summits + ((around,) if around else ()))
    if around is None:
        if len(summits) == 1:
            documents_of_the_subject(reading, summits[0].start, summits[0].end, summits[0].id)
            _number_of_the_subject(reading, summits[0])
        return summits
    documents_of_the_subject(reading, around.start, around.end, around.id)
    around = _meetings_of_the_visit(reading, people, around)
    kept = [around]
    boxed_venue = [v for v in reading.registry.facts_about(around.id, Prop.VENUE)][:1]
    venue = boxed_venue[0] if boxed_venue else None
    for summit in summits:
        if summit.id == around.id:  # the prose found the infobox's summit itself: its days stand
            reading.registry.keep_only(around.id, Prop.START_DATE, around.start)
            reading.registry.keep_only(around.id, Prop.END_DATE, around.end)
            venue = finer_venue(reading, venue, reading.registry.facts_about(around.id, Prop.VENUE))
            continue
        if _a_meeting_apart(people, summit, around):
            kept.append(summit)
        elif summit.start <= around.end and around.start <= summit.end:
            reading.registry.move(summit.id, around.id, Prop.OUTCOME)
            if not reading.registry.has_fact(around.id, Prop.ORDINAL):
                reading.registry.move(summit.id, around.id, Prop.ORDINAL)
            finer = finer_venue(reading, venue, reading.registry.facts_about(summit.id, Prop.VENUE))
            if finer != venue:  # the prose says where in the infobox's place they met
                reading.registry.move(summit.id, around.id, Prop.VENUE)
                venue = finer
            reading.registry.forget(summit.id)
        elif _told_within(summit, around) and not _a_meeting_apart(people, summit, around) \
                and not _two_before_or_after_a_gathering(people, summit, around):
            reading.registry.forget(summit.id)  # its talks are the summit's: the box's days stand
        else:
            kept.append(summit)
    if venue is not None:
        venue = _finer_in_prose(reading, around, venue)
        reading.registry.keep_only(around.id, Prop.VENUE, venue)
    return tuple(kept)


def _apart_in_the_lead(reading: Reading, people: People, sources: Sources, lead_venues, tabled_spans,
                       found: list[SummitFound], around: SummitFound) -> list[SummitFound]:
    """The meetings the lead of a boxed summit tells on days wholly outside the box's (a visit
    the leader paid just before: 此前，他于3月2日在某城同乙举行了会谈). Only the lead's sentences
    dated wholly outside the box's days are read (the rest tell the box's own summit, which the box
    and the sections give), and a meeting they still date within those days is taken back."""
    year = around.start.year
    outside = [sentence for sentence in reading.lead
               if (dates := find_dates(sentence.hans, year=year))
               and all(d.end < around.start or around.end < d.start for d in dates)]
    told: list[SummitFound] = []
    _find_in(reading, people, sources, None, outside, lead_venues, told, year, tabled=tabled_spans)
    kept = {s.id for s in found} | {around.id}
    apart = []
    for summit in told:
        if summit.id in kept:
            continue  # the same IRI as a summit found already: its facts are that summit's
        if summit.end < around.start or around.end < summit.start:
            apart.append(summit)
        else:
            reading.registry.forget(summit.id)
    return apart


def _a_meeting_apart(people: People, summit: SummitFound, around: SummitFound) -> bool:
    """Whether a meeting on the boxed summit's days is not the box's: it has a side the box
    does not (甲 receiving a third state's leader during 乙's visit, 甲 meeting the leaders
    of the region together), or the box is a gathering of three sides or more and this a
    meeting of two told as such (a bilateral on its sidelines: 两国元首举行会谈, 分别同…会谈)."""
    sides = {people.sides.get(p) for p in around.participants} - {None}
    theirs = {people.sides.get(p) for p in summit.participants} - {None}
    if len(sides) >= 2 and theirs - sides:
        return True
    bilateral = summit.one_of_several or (summit.anchor is not None and _BILATERAL.search(summit.anchor.hans))
    return len(sides) >= 3 and len(summit.participants) == 2 and bool(bilateral)


def _two_before_or_after_a_gathering(people: People, summit: SummitFound, around: SummitFound) -> bool:
    """Whether two leaders meet on a day before or after the boxed gathering of three sides or
    more (甲 receiving the first leader to arrive the day before the summit): a summit of their own."""
    sides = {people.sides.get(p) for p in around.participants} - {None}
    return len(sides) >= 3 and len(summit.participants) == 2 and not (around.start <= summit.start <= around.end)


#: Words that make a meeting one of two sides (两国元首举行会谈, 双边会晤, 一对一).
_BILATERAL = re.compile(r"两国(?:元首|领导人|首脑)|双边|一对一")


#: How far from the box's days an account of the same visit may tell a meeting of its leaders.
_SAME_VISIT = timedelta(days=30)


def _told_within(summit: SummitFound, around: SummitFound) -> bool:
    """Whether a meeting the article tells in its own account of the summit (not its
    background or aftermath), of the summit's own leaders, within weeks of its days, is part
    of that summit's visit: 赫鲁晓夫 arriving on 9月15日 and talking at the White House that
    afternoon, for the Camp David talks of 9月25日至27日."""
    if summit.section is None or summit.anchor is None:
        return False
    heading = to_hans(summit.section.heading).strip()
    if _BACKGROUND.match(heading) or _LATER_SECTIONS.match(heading) or find_year_months(heading):
        return False
    near = around.start - _SAME_VISIT <= summit.start and summit.end <= around.end + _SAME_VISIT
    return near and set(summit.participants) <= set(around.participants)


#: Offices of a side's top leaders: a head of state, of government, of the ruling party.
HEAD_OFFICES = ("总统", "总理", "首相", "国王", "女王", "天皇", "总书记", "元首", "大统领", "主席", "委员长")
#: Top-sounding offices that are not a side's top (a legislature's chair, a region's).
_NOT_HEAD = re.compile(r"人大|常委会|常务委员会|政协|议会|议院|国会|党团|参议|众议|自治区|省|市")
_DAY_ONLY = re.compile(r"(?<![月\d])(?P<d>\d{1,2})\s*[日号](?P<part>上午|下午|晚|中午|早|凌晨)?")
_NEXT_DAY = re.compile(r"^(次日|翌日|第二天)")
#: Right after a meeting word: something about meetings, not one (会谈日程, 会晤细节), or
#: what an earlier one left (落实某地会谈达成的协议, 会晤成果, 会谈精神, 自会晤以来).
_ABOUT = re.compile(r"(日程|安排|细节|事宜|结果|内容|情况|议程|计划|达成的|所达成|成果|精神|以来)")
#: A call: what the clauses after it in its sentence say was done on the call, not at a meeting.
_CALL = re.compile(r"通电话|通话|电话会谈|视频会晤|视频通话|视讯")
#: Right before a meeting word: the meeting is one the text has told already (这次会晤).
_REFERENCE = re.compile(r"(这次|此次|本次|该次|那次|这场|此番)$")
_SAME_DAY = re.compile(r"当天|当日(?!本)|同日(?!本)|同一天|次日|翌日|第二天")  # not 同日本首相: with Japan's premier
_MONTHS_DAY = re.compile(r"(?:当月|同月|本月|该月)(?P<d>\d{1,2})[日号]")
#: Words that report what someone said: the days after them are of a schedule, not of what was done.
_REPORTED = re.compile(r"介绍|表示|宣布|声称|透露|公布|指出|报道|预告|称")
#: Before 当天 in its clause, a word that makes it an object's day, not the clause's (于次日, 发表于当天).
_HEAD_VERB = re.compile(r"[于在到至从]|发表|宣布|签署|举行|表示")
_LATER_SECTIONS = re.compile(r"^(后续|反应|评价|影响|回应|各方反应|国际反应|争议|意义)")
_MET = re.compile(r"会见|会晤|会谈|见面|会面")


def _meetings_of_the_visit(reading: Reading, people: People, around: SummitFound) -> SummitFound:
    """A visit told day by day is one summit: whoever the visit's side meets on its days, in
    the office of a side's top leader (``21日上午，甲会见乙国总理丙``, ``当天，总理丙同甲举行
    会见``), takes part in it. Days are read as the account gives them: a heading's day, a
    day with no month (``21日``), ``当天`` and ``次日`` after the day before."""
    added: dict[str, Participant] = {}
    sentences: list[Sentence] = []
    for section, section_sentences in reading.by_section.items():
        heading = to_hans(section.heading)
        if _BACKGROUND.match(heading.strip()) or _LATER_SECTIONS.match(heading.strip()):
            continue
        day = next(iter(find_dates(heading, year=around.start.year)), None)
        current = day.start if day else None
        for sentence in section_sentences:
            current = _day_of(sentence.hans, current, around.start.year)
            if current is None or not (around.start <= current <= around.end):
                continue
            if not _MET.search(sentence.hans) or not_held(sentence.hans):
                continue
            several = met_one_by_one(reading, sentence)  # met one by one: meetings of their own
            keys = {spot.key: spot.surface for spot in sentence.spots
                    if reading.registry.is_a(spot.surface, Kind.PERSON) and not QUALIFIES.match(sentence.hans[spot.end:])
                    and not (several and spot.key in several.others)}
            if not (set(keys) | set(bare_office_holders(people, sentence))) & set(around.participants):
                continue  # 在京期间，国王还会见了乙: the visitor told by his office alone
            sides = {people.sides.get(p) for p in around.participants} - {None}
            for key, surface in keys.items():
                if key in around.participants or key in added or not _a_sides_top(reading, people, sentence, key):
                    continue
                if len(sides) >= 2 and people.sides.get(key) not in sides | {None}:
                    continue  # a third state's leader: a meeting of its own
                person = added.setdefault(key, Participant(key, surface, stated=True))
                person.evidence.append(sentence.evidence())
                sentences.append(sentence)
    if not added:
        return around
    record_participants(reading, people, around.id, added, sentences)
    return replace(around, participants=tuple(sorted(around.participants + tuple(added))))


def _day_of(hans: str, current: date | None, year: int) -> date | None:
    """The day a sentence of a day-by-day account is about, given the day before it."""
    dates = find_dates(hans, year=year)
    if dates:
        return dates[0].start
    if current is not None:
        match = _DAY_ONLY.search(hans)
        if match and match.start() < 4:
            try:
                return current.replace(day=int(match["d"]))
            except ValueError:
                return None
        if _NEXT_DAY.match(hans):
            return current + timedelta(days=1)
    return current


def _a_sides_top(reading: Reading, people: People, sentence: Sentence, key: str) -> bool:
    """Whether the offices the sentence (else the article) gives the person are a side's top."""
    offices = list(titles_in(sentence, reading, key)) or list(people.offices.get(key, ()))
    return bool(offices) and all(office.endswith(HEAD_OFFICES) and not NOT_TOP.search(office)
                                 and not _NOT_HEAD.search(office) for office in offices)


#: Whom a meeting is with, written right after its place: ``在某宫与[乙]会面`` (up to the meeting word).
_MET_AFTER_THE_PLACE = re.compile(r"[^，,；;。与同和跟]{0,6}?(?:分别|先后)?(?:与|同|和|跟)(?P<whom>[^，,；;。]{1,30}?)"
                                  r"(?:举行|进行)?了?(?:会谈|会晤|会见|会面)")
#: The one met written as one of the pair already told (与他, 同她, 与两人), or as a leader (与该国总统).
_ONE_OF_THE_PAIR = re.compile(r"[他她]|两人|二人|双方|对方|总统|总理|首相|主席|国王|女王|元首|领导人")


def _met_someone_else(reading: Reading, sentence: Sentence, after: int, summit: SummitFound) -> bool:
    """Whether the meeting placed at ``after`` is, as written right after the place, with someone
    the text names by a linked word that is no person's name, nor by a pronoun or a leader's office
    (``3月6日，甲飞抵某城，在某长老的住所与这位年逾九旬的[[大长老]]会面``): one participant meeting
    someone else, not the summit's talks. An unlinked name (同卢拉举行会谈) is taken as one of them."""
    said = _MET_AFTER_THE_PLACE.match(sentence.hans, after)
    if said is None or _ONE_OF_THE_PAIR.search(said["whom"]):
        return False
    named = [spot for spot in sentence.spots if said.start("whom") <= spot.start < said.end("whom")]
    return bool(named) and not any(spot.key in summit.participants or reading.registry.is_a(spot.surface, Kind.PERSON)
                                   for spot in named)


def _clause_around(hans: str, start: int, end: int) -> str:
    low = max((m.end() for m in CLAUSE.finditer(hans, 0, start)), default=0)
    high = next((m.start() for m in CLAUSE.finditer(hans, end)), len(hans))
    return hans[low:high]


def _finer_in_prose(reading: Reading, around: SummitFound, venue: EntityId) -> EntityId:
    """In an article about one summit, a sentence of the lead or a section (not its
    background) that says where the meeting was held, with no date outside its days
    (``会晤主要在金奈以南约60公里的滨海城镇马马拉普拉姆举行``), gives a place inside the
    infobox's venue: the more precise venue. When the infobox lists an itinerary
    (``[[西雅图]]、[[华盛顿]]``), a place said of the meeting in any of its stops is the venue
    (``前往白宫会见…``)."""
    from kg.extract.infobox import listed_places, summit_infoboxes  # the infobox reads summits: import late

    boxes = summit_infoboxes(reading)
    listed = [EntityId(Kind.PLACE, key) for key in (listed_places(reading, boxes[0]) if boxes else [])]
    sections = [s for section, s in reading.by_section.items() if not _BACKGROUND.match(to_hans(section.heading).strip())]
    for sentence in [s for group in [reading.lead, *sections] for s in group]:
        if not MEETING.search(sentence.hans) or not_held(sentence.hans) \
                or not _same_days(sentence, (around.start, around.end)):
            continue
        chain = next((c for c in meeting_chains(reading, sentence)
                      if MEETING.search(_clause_around(sentence.hans, c[0].start, c[-1].end))), ())
        if not chain:
            continue  # 在克里姆林宫乔治大厅为…举行欢迎仪式，随后…会谈: the hall is the ceremony's
        if _met_someone_else(reading, sentence, chain[-1].end, around):
            continue  # 甲飞抵某城，在某长老的住所与这位长老会面: one of them meeting another, not the summit's talks
        place = _record_chain(reading, chain, sentence)
        if place is None or place.key == venue.key:
            continue
        itinerary = venue.key in {other.key for other in listed}  # the box's venue is one stop of several
        if finer_venue(reading, venue, [place]) == place or itinerary and any(
                finer_venue(reading, other, [place]) == place for other in listed if place.key != other.key != venue.key):
            reading.registry.fact(around.id, Prop.VENUE, place, evidence=(sentence.evidence(),))
            return place
    return venue


def _number_of_the_subject(reading: Reading, summit: SummitFound) -> None:
    """An article about one summit numbers it in its lead, before any section does."""
    numbered = ordinal_of_the_subject(reading, summit.start, summit.end)
    if numbered:
        reading.registry.drop(summit.id, Prop.ORDINAL)
        reading.registry.fact(summit.id, Prop.ORDINAL, numbered[0], evidence=(numbered[1].evidence(),))


def _one_summit_per_ordinal(reading: Reading, summits) -> None:
    """Two summits the text numbers alike: 首次 stays with the earlier one; any other number
    said of two is dropped from both, with an issue (a guess would break the series)."""
    registry = reading.registry
    by_number: dict[int, list[SummitFound]] = {}
    unique = {s.id: s for s in summits}.values()
    for summit in sorted(unique, key=lambda s: (s.start, s.id.key)):
        for number in registry.facts_about(summit.id, Prop.ORDINAL):
            by_number.setdefault(number, []).append(summit)
    for number, claimants in by_number.items():
        if len(claimants) < 2:
            continue
        losers = claimants[1:] if number == 1 else claimants
        for summit in losers:
            registry.drop(summit.id, Prop.ORDINAL)
        reading.note(f"the text numbers {len(claimants)} meetings as no. {number} "
                     f"({', '.join(s.start.isoformat() for s in claimants)}); "
                     + ("kept on the earliest" if number == 1 else "left out of all"), None, Severity.WARNING)


def _a_background(section) -> bool:
    return section is not None and _BACKGROUND.match(to_hans(section.heading).strip()) is not None


def _find_in(reading, people, sources, section, section_sentences, lead_venues, found,
             running_year: int | None, around: SummitFound | None = None, tabled: tuple[Span, ...] = (),
             carried: date | None = None, lead_visit: VisitTold | None = None) -> tuple[int | None, date | None]:
    """Finds the summits of one section; returns the year the text has reached and the
    last day it gave.

    A day without a year (``11月19日``) takes, in this order: the heading's year, the
    infobox summit's year when the day falls in its days, the year of the visit the lead
    dates (``于1978年11月5日至14日对…进行的访问``) when it falls in it, the year of the source cited
    for it, and last the year the text had reached before. A day without a month at the
    start of a sentence (``17日上午，…``) in a section whose heading and text gave no day
    yet is of ``carried``'s month, the last day the sections before gave in the year the
    article is about, when it is not before that day: an account of a visit told place by
    place (``=== 堪培拉 ===``) goes on with the days of the month it started in. A section's
    ``访问期间`` with no visit told in its paragraph is of ``lead_visit``, the visit the lead
    tells.
    """
    year, month = heading_time(section) if section is not None else (None, None)
    heading_day = day_of_the_heading(section, year or year_above(reading, section, around))  # === 10月21日 ===
    day: date | None = heading_day  # the last day the section's text gave
    visit: VisitTold | None = None  # the visit the paragraph told (于…至…对乙国进行的访问, …抵达某城)
    dated_before = None  # the paragraph of the sentence before, when that sentence gave a day
    told_in = None  # the paragraph of the last sentence that gave a day (not in a background's account)
    background = _a_background(section)
    met_on: date | None = None  # the day of the last meeting the section told
    if heading_day is not None and year is None:
        year = heading_day.year  # its days without a year are of the heading's
    leg = heading_leg(section, year or running_year, lead_visit) \
        or leg_told_in_prose(reading, section, section_sentences,
                              year or running_year or year_above(reading, section, around) or year_of_the_leads_month(reading))
    before = len(found)
    arrivals: list[Arrival] = []  # leaders arriving on a day the section told (10日，甲抵达某城)
    for i, sentence in enumerate(section_sentences):
        at = sentence.span_of(0, 0).start
        in_table = any(span.start <= at < span.end for span in tabled)  # a row: only what its cells say
        months = [m for m in find_year_months(sentence.hans) if (m.month is not None or m.at <= 2)
                  and not _SINCE.match(sentence.hans, m.stop)  # 2021年12月就任总理以来: no time the text moves to
                  and not _PLANNED_FOR.search(sentence.hans, 0, m.at)]
        if months and (year is None or months[0].year != year):
            year = months[0].year  # "2006年4月，…4月16日", "1986年，…": the days that follow are of that year
        dates = find_dates(sentence.hans, year=year)
        explicit = [d for d in dates if d.year_given and not _PLANNED_FOR.search(sentence.hans, 0, d.at)]
        if explicit:
            year = explicit[-1].start.year
        dates = [d for d in dates if not _TOOK_OFFICE.match(sentence.hans, d.stop)]
        date_basis = None
        if not dates and year is None:  # "12月1日" under a heading without a year
            dates = _within(find_dates(sentence.hans, year=around.start.year), around) if around else []
            if not dates and lead_visit is not None:  # 11月12日 in a section of the visit the lead dates
                dates = [d for d in find_dates(sentence.hans, year=lead_visit.days.start.year)
                         if lead_visit.days.start <= d.start <= lead_visit.days.end]
            if not dates:
                dates, date_basis = _dated_by_citation(reading, sources, sentence)
            if not dates and running_year is not None:
                dates = find_dates(sentence.hans, year=running_year)
        if day is None and not dates and carried is not None and (bare := _bare_day(sentence.hans, 0)) \
                and int(bare["d"]) >= carried.day:
            day = carried  # 17日上午，… under a heading of a place: the month the account had reached
        dates = sorted(dates + _relative_days(sentence.hans, dates, day) + _days_of_the_month(sentence.hans, year),
                       key=lambda d: d.at)
        if not dates and (visit or lead_visit) is not None and DURING_THE_VISIT.match(sentence.hans) and leg is None:
            days = (visit or lead_visit).days  # 访问期间，甲与乙举行会谈: on the visit's days (of the lead's, in a section)
            dates = [DateRange(days.start, days.end, 0, 0, True)]
        opens_going_on = i > 0 and told_in == section_sentences[i - 1].paragraph != sentence.paragraph \
            and _OPENS_GOING_ON.match(sentence.hans)  # …7月16日上午，甲举行仪式欢迎乙。¶随后两国元首举行会谈
        if day is not None and (dated_before == sentence.paragraph and _BACK_SUBJECT.match(sentence.hans)
                                or (told_in == sentence.paragraph or opens_going_on) and not dates and not months
                                and (GOES_ON.search(sentence.hans) or met_one_by_one(reading, sentence) is not None)):
            dates = [DateRange(day, day, 0, 0, False)] + dates  # 3日，甲与乙抵达某城。三位领导人举行会晤: that day
        elif met_on is not None and _RIGHT_AFTER.match(sentence.hans):
            dates = [DateRange(met_on, met_on, 0, 0, False)] + dates  # 会晤结束后，甲随即前往会见丙: the meeting's day
        dated_before = sentence.paragraph if dates else None
        if dates and not background:  # the day a 随后 goes on from: one day told (not a visit's span)
            told_in = sentence.paragraph if all(d.start == d.end for d in dates) else None
        visit = visit_told(sentence, dates, visit)
        arrivals += arrivals_told(reading, sentence, dates)
        if not dates and heading_day is not None and day is not None:
            dates = [DateRange(day, day, 0, 0, False)]  # under a day's heading, a sentence is of the day last given
        if dates:  # the day the next sentence's 当天 is: the one heading this sentence, else its last
            day = dates[0].start if not sentence.hans[:dates[0].at].strip() else dates[-1].start
        if not dates and leg is not None:  # === 乙国（11月9日至12日） ===: 在与乙国总理的会谈中… is of those days
            dates = [DateRange(leg.start, leg.end, 0, 0, True)]
        if not_held(sentence.hans) or (i > 0 and _DURING_IT.match(sentence.hans) and _of_officials_told_before(
                reading, section_sentences[i - 1], sentence)):
            continue
        told: list[tuple[int, int, date]] = []  # each meeting the sentence tells, once (…当月28日会面；2009年5月26日再度会见)
        several = met_one_by_one(reading, sentence)
        for meeting in dates:
            clause = _meeting_clause(sentence.hans, meeting)
            if clause is not None and not _welcomed_by_a_leader(reading, sentence, clause):
                clause = None  # 外长丙到机场迎接: an official's welcome, no meeting of leaders
            named = False  # a signing whose signers the clause names: only they met
            if clause is None and (signing := _signing_clause(sentence.hans, meeting)) is not None:
                clause, named = signing
            if clause is None or any((a < clause[1] and clause[0] < b and not days_of_each(sentence.hans, dates, meeting))
                                     or when == meeting.start for a, b, when in told):
                continue  # a clause told already, or a day told already: one summit a day a sentence
            if several is not None and clause[0] < several.end and several.begin < clause[1]:
                continue  # the meetings told one by one, below
            welcome = _only_a_welcome(sentence.hans, clause)  # 甲抵达某城，乙到机场迎接: the visit it begins
            visit_end = _end_of_the_visit(reading, sentence, clause, meeting.start, section_sentences, i, year) \
                if welcome else None
            if welcome and (visit_end is _A_GATHERING_NEXT or date_basis is not None and meeting.start.year != running_year):
                continue  # a welcome a source's date alone dates in another year than the text has reached
            if welcome and (going := _the_visit_going_on(reading, sentence, clause, meeting.start, found[before:])) is not None:
                if around is None or going.id != around.id:  # the boxed visit's days stand
                    _goes_on_to(reading, found, going, visit_end)  # …25日，甲抵达某岛，乙亲自到码头迎接…29日，甲离开乙国
                continue  # 25日，甲抵达某岛，乙亲自到码头迎接 on the visit begun on the 21st
            if welcome:  # 乙到机场迎接，并让其女儿丙出面接待: those named after the welcome did not meet
                clause = (clause[0], _WELCOMES.search(sentence.hans, *clause).end())
            told.append((*clause, meeting.start))
            summit = _summit(reading, people, sources, section, section_sentences, i, meeting, lead_venues,
                             date_basis, clause, infer=not in_table and not named, numbered=heading_day is None,
                             set_aside=several.others if several else ())
            if around is not None and summit is not None and summit.start < around.start <= (visit_end or summit.end):
                visit_end = around.start - timedelta(days=1)  # the summit the article boxes keeps its own days
            if around is not None and summit is not None and summit.id == around.id:
                visit_end = None  # the welcome on the boxed visit's first day: the box's days stand
            if summit is not None and visit_end is not None and summit.end < visit_end:
                summit = _over_the_visit(reading, summit, visit_end)
            if summit is not None and all(s.id != summit.id for s in found):
                found.append(summit)
            if summit is not None:
                met_on = summit.start
        meeting = next((d for d in reversed(dates) if d.at <= several.begin), None) if several else None
        for pair in several.pairs() if several and meeting else ():
            summit = _summit(reading, people, sources, section, section_sentences, i, meeting, lead_venues,
                             date_basis, (several.begin, several.end), infer=False, numbered=False, only=pair)
            if summit is not None and all(s.id != summit.id for s in found):
                found.append(replace(summit, one_of_several=True))
    found[before:] = from_the_arrivals(reading, found[before:], arrivals)
    if leg is not None:
        found[before:] = one_summit_per_leg(reading, people, [over_the_leg(reading, summit, leg)
                                                               for summit in found[before:]], leg)
    if section is not None:
        in_the_state_of_the_heading(reading, section, found[before:])
    return year or running_year, day


#: A sentence telling what was said at the meeting just told (会见时，…; 会谈中，…).
_DURING_IT = re.compile(r"(?:在)?(?:会见|会谈|会晤|会面)(?:时|中|期间|过程中)")


def _of_officials_told_before(reading: Reading, before: Sentence, sentence: Sentence) -> bool:
    """Whether the sentence before, in the same paragraph, tells a leader meeting officials
    below the top (``甲会见乙国特使团。会见时，…``): what was said at it is of no summit either."""
    return before.paragraph == sentence.paragraph and MEETING.search(before.hans) is not None \
        and meets_officials_only(reading, before, None)


def _meeting_table_spans(reading: Reading) -> tuple[Span, ...]:
    from kg.extract.tables import meeting_tables  # tables.py builds on this module
    return tuple(table.span for table, _ in meeting_tables(reading))


def _relative_days(hans: str, dates: list[DateRange], day: date | None) -> list[DateRange]:
    """Days an account gives relative to the last one (``3日，…``, ``当天下午``, ``次日``): each
    is the day before it in the text, the sentence's own dates first."""
    out: list[DateRange] = []
    match = _bare_day(hans, 0)
    if match and day is not None and not dates:
        try:
            out.append(DateRange(day.replace(day=int(match["d"])), day.replace(day=int(match["d"])),
                                 match.start(), match.end(), False))
        except ValueError:
            pass
    for clause in CLAUSE.finditer(hans):  # "…3日至5日访问乙国，4日在某城与丙会谈，5日…": each clause's day
        match = _bare_day(hans, clause.end())
        before = [d for d in dates if d.stop <= clause.end()]
        if match and before and not _REPORTED.search(hans, before[0].stop, clause.end()):  # 介绍，6日…将…: a schedule told
            try:
                when = before[-1].end.replace(day=int(match["d"]))
            except ValueError:
                continue
            out.append(DateRange(when, when, match.start(), match.end(), False))
    for word in _SAME_DAY.finditer(hans):
        head = hans[max((m.end() for m in CLAUSE.finditer(hans, 0, word.start())), default=0):word.start()]
        if len(head) > 5 or _HEAD_VERB.search(head):
            continue  # a clause that starts with it, or with whoever did it (小泉当天…), not 于次日发表…
        before = [d for d in dates + out if d.stop <= word.start()]
        base = before[-1].start if before else day
        if base is None:
            continue
        when = base + timedelta(days=1) if word.group() in ("次日", "翌日", "第二天") else base
        out.append(DateRange(when, when, word.start(), word.end(), False))
    return out


#: Whose clock a bare day is told by (当地时间13日上午): no part of the day itself.
_CLOCK = re.compile(r"(?:当地时间|北京时间|当地|[\u4e00-\u9fff]{2,4}时间)?")


def _bare_day(hans: str, at: int) -> re.Match | None:
    """A day with no month at ``at`` (``13日``), after whose clock it is told if the text says."""
    return _DAY_ONLY.match(hans, _CLOCK.match(hans, at).end())


def _days_of_the_month(hans: str, year: int | None) -> list[DateRange]:
    """``2008年5月，…当月28日…``, ``2011年8月，甲访问乙国，23日在某城…``: a day of the month
    the sentence last named (a clause's bare day, when no full date came before it)."""
    out: list[DateRange] = []
    bare = [m for clause in CLAUSE.finditer(hans) if (m := _DAY_ONLY.match(hans, clause.end()))
            and not find_dates(hans[:clause.end()], year=year or 2000)]
    for match in list(_MONTHS_DAY.finditer(hans)) + bare:
        months = [m for m in find_year_months(hans[:match.start()]) if m.month is not None]
        if not months:
            continue
        try:
            when = date(months[-1].year, months[-1].month, int(match["d"]))
        except ValueError:
            continue
        out.append(DateRange(when, when, match.start(), match.end(), False))
    return out


def _within(dates, around: SummitFound):
    """The days near enough the boxed summit's to be told in its account (its visit)."""
    return [d for d in dates if around.start - _SAME_VISIT <= d.start <= around.end + _SAME_VISIT]


def _date_clause(hans: str, when) -> tuple[list[int], int] | None:
    """Where the sentence's clauses start, and which one the date is in; None when the text
    before the date in its clause makes it a plan's day (两人商定乙于12月15日访问某地), whatever
    the clauses after it tell."""
    starts = [0] + [m.end() for m in CLAUSE.finditer(hans)] + [len(hans) + 1]
    index = max(i for i, at in enumerate(starts[:-1]) if at <= when.at)
    return None if NOT_HELD.search(_ACCEPTED.sub("", hans[starts[index]:when.at])) else (starts, index)


#: After a day: the day someone took office, said of whom the clause names (会见10月21日新就任的首相乙), not a
#: day the text moves to.
_TOOK_OFFICE = re.compile(r"[^，。；的]{0,4}?(?:就任|上任|当选|就职|继任|出任|履新)的")


#: A clause that says again which day the one before gave (即某杯决赛当天, 即峰会召开的第二天).
_RESTATES_THE_DAY = re.compile(r"^即(?!将)[^，,；;。]*?(?:当天|当日|那天|之日|第[二三四]天)$")


def _meeting_clause(hans: str, when) -> tuple[int, int] | None:
    """Where the meeting the date is the date of is told, if it is: a meeting word in the
    date's own clause, or in the next one when the date's clause is the date alone
    (``2000年6月13日，…会晤``), with a place it is held at or a number it has (举行, 在…会面,
    第二次, 首次). Returns the clauses' bounds in ``hans``."""
    clauses = _date_clause(hans, when)
    if clauses is None:
        return None
    starts, index = clauses
    begin, end = starts[index], starts[index + 1] - 1
    last = hans[begin:end]
    topic = not hans[:when.at].strip() or (  # "6月30日下午，A…；两人其后…会谈": the date rules the sentence
        _SAME_DAY.fullmatch(hans[when.at:when.stop]) is not None and len(hans[:when.at]) <= 5
        and not CLAUSE.search(hans[:when.at]))  # as 当天 does after whoever the sentence is about (小泉当天…)
    for stop in range(index + 2, min(index + (8 if topic else 5), len(starts))):  # the clauses after, up to another date
        bare = len(last.replace(hans[when.at:when.stop], "").strip(" 于在是日上下午晚间")) <= 6
        following = hans[starts[stop - 1]:starts[stop] - 1]
        if _RESTATES_THE_DAY.match(following):
            end = starts[stop] - 1
            continue  # 同年7月15日，即某杯决赛当天，甲与乙会晤: the same day said again, not another
        if not (bare or topic or _VISIT.search(last) or _CONTINUES.match(following)):
            break  # the date's clause says something of its own (not 甲于6月16日在某城停留，同乙会谈)
        last = following
        if any(not _TOOK_OFFICE.match(last, d.stop) for d in find_dates(last, year=when.start.year)) \
                or _SAME_DAY.search(last) or _DAY_ONLY.search(last):
            break  # another day's clause
        if NOT_HELD.search(last) and _MEETING_VERB.search(hans, begin, end):
            break  # …举行会谈；会后甲宣布，乙和丙同意会面: the meeting told, then another one planned
        end = starts[stop] - 1
    clause = hans[begin:end]
    said = [m for m in MEETING.finditer(clause) if not _lower(clause, m) and not _ABOUT.match(clause, m.end())]
    if not said:  # no meeting word, or only talks below the leaders (两韩举行高级别会谈)
        return (begin, end) if _welcomed_in_person(clause) else None
    if all(_REFERENCE.search(clause[:m.start()]) for m in said) and not HELD_AT.search(clause):
        return None  # 飞抵赫尔辛基，表示对这次会晤期望很低: the meeting is told elsewhere, not on this day
    if _a_gathering(clause) and not _SIDELINES.search(clause):
        return None  # the gathering itself, not a meeting of two sides on its sidelines
    if HELD_AT.search(clause) or ORDINAL.search(clause) or _MEETING_VERB.search(clause) or _LASTED.search(clause):
        return begin, end
    return None


#: A host meeting the visitor on arrival (乙到机场迎接, 乙在总统府门外迎接甲, 乙亲自前往机场迎接): they meet.
_WELCOMES = re.compile(r"迎接")
#: Guests welcomed all together (迎接各国领导人, 迎接与会贵宾): a gathering's opening, no meeting of two.
_MANY_GUESTS = re.compile(r"各(?:国|成员国|位)|贵宾|嘉宾|来宾|与会")


def _welcomed_in_person(clause: str) -> bool:
    """Whether a clause with no meeting word tells a host welcoming the visitor in person
    (``3日，甲抵达某城，乙到机场迎接``): the leaders meet that day, as at talks. Not at a
    gathering's opening (乙在会场迎接出席峰会的各国领导人): the gathering is no meeting of two."""
    welcome = _WELCOMES.search(clause)
    return welcome is not None and not _a_gathering(clause) and not _MANY_GUESTS.search(clause, welcome.end())


def _only_a_welcome(hans: str, clause: tuple[int, int]) -> bool:
    """Whether the clause tells a meeting by a welcome alone, no meeting word (``乙到机场迎接``)."""
    return MEETING.search(hans, *clause) is None and _WELCOMES.search(hans, *clause) is not None


#: A clause telling the visitor leave or end the visit (``9日结束访问``, ``随后结束对乙国的访问``,
#: ``14日峰会结束后，甲离开某城``, ``当天下午离韩``).
_VISIT_ENDS = re.compile(r"结束[^，。；]{0,12}访问|离开|离[韩华境]")

#: How long after the welcome a day may end the visit it began.
_A_VISIT_AT_MOST = timedelta(days=31)


def _over_the_visit(reading: Reading, summit: SummitFound, end: date) -> SummitFound:
    """A host's welcome on arrival (``1月2日，甲抵达某城，乙到机场迎接``) begins the visit, which is the
    summit: it spans to the day :func:`_end_of_the_visit` gives."""
    reading.registry.drop(summit.id, Prop.END_DATE)
    reading.registry.fact(summit.id, Prop.END_DATE, end, evidence=(summit.anchor.evidence(),)
                          if summit.anchor is not None else ())
    return replace(summit, end=end)


def _people_of(reading: Reading, sentence: Sentence, clause: tuple[int, int]) -> set[str]:
    return {spot.key for spot in sentence.spots if clause[0] <= spot.start < clause[1]
            and reading.registry.is_a(spot.surface, Kind.PERSON)}


def _the_visit_going_on(reading: Reading, sentence: Sentence, clause: tuple[int, int], day: date,
                        found: list[SummitFound]) -> SummitFound | None:
    """The summit of the section's that a welcome goes on: one with someone the welcome names, begun
    on or before its day within a month (``21日，甲抵达某城，乙到机场迎接…25日，甲抵达某岛，乙亲自到码头
    迎接``): the visit begun on the 21st goes on, the later welcome is no summit of its own."""
    named = _people_of(reading, sentence, clause)
    return next((other for other in reversed(found) if other.start <= day <= other.start + _A_VISIT_AT_MOST
                 and named & set(other.participants)), None)


#: A gathering told by its number or its kind (第三届…, …论坛, 中国—中亚峰会), beside those :func:`_a_gathering` names.
_A_GATHERING_HELD = re.compile(r"第[0-9一二三四五六七八九十百]+届|论坛|峰会")

#: What :func:`_end_of_the_visit` gives when the next day it tells is a gathering's.
_A_GATHERING_NEXT = date.min


def _end_of_the_visit(reading: Reading, welcome: Sentence, clause: tuple[int, int], start: date,
                      sentences: list[Sentence], index: int, year: int | None) -> date | None:
    """The last day after a welcome on arrival, in its paragraph, whose clause tells the visit go on to
    its end: the visitor leaving (``9日结束访问``, ``14日峰会结束后，甲离开某城``), or the two meeting or
    signing again (named, or ``两国元首``); reading stops at a day before the welcome or more than a
    month after it. :data:`_A_GATHERING_NEXT` where the paragraph tells no leaving and the paragraph
    of the next later day the section tells names a gathering (``22日，…随后两人共同主持第三届峰会``):
    the visitor came for it, and the welcome is no summit of its own."""
    named = _people_of(reading, welcome, clause)
    end, day, leaves = None, start, False
    paragraph = sentences[index].paragraph
    for at, sentence in enumerate(sentences[index:], index):
        dates = find_dates(sentence.hans, year=year or start.year)
        dates = sorted(dates + _relative_days(sentence.hans, dates, day) + _days_after_an_undated_clause(sentence.hans, dates, day),
                       key=lambda d: d.at)
        for told in dates:
            if told.start < start or told.start > start + _A_VISIT_AT_MOST:
                return end
            day = told.start
            if told.start == start:
                continue
            if sentence.paragraph != paragraph:  # the next day told after the welcome's paragraph
                told_then = " ".join(s.hans for s in sentences[at:] if s.paragraph == sentence.paragraph)
                gathering = _a_gathering(told_then) or _A_GATHERING_HELD.search(told_then)
                return _A_GATHERING_NEXT if not leaves and gathering else end
            stop = next((d.at for d in dates if d.at > told.at), len(sentence.hans))
            said = sentence.hans[told.at:stop]
            again = BACK_REFERENCE.search(said) or any(
                spot.key in named for spot in sentence.spots if told.at <= spot.start < stop)
            leaves = leaves or _VISIT_ENDS.search(said) is not None
            if _VISIT_ENDS.search(said) or again and (MEETING.search(said) or SIGNING.search(said)):
                end = told.start
    return end


def _goes_on_to(reading: Reading, found: list[SummitFound], going: SummitFound, end: date | None) -> None:
    """A later welcome on a visit going on (``25日下午，甲抵达某岛，乙亲自到码头迎接；…29日，甲离开乙国``)
    tells in its paragraph how long the visit goes on: the visit's summit spans to that day."""
    if end is None or end is _A_GATHERING_NEXT or end <= going.end:
        return
    at = next(i for i, s in enumerate(found) if s.id == going.id)
    found[at] = _over_the_visit(reading, going, end)


def _days_after_an_undated_clause(hans: str, dates: list[DateRange], day: date) -> list[DateRange]:
    """In an account of a visit, the bare days of a sentence that opens with no day (``访问期间，甲还参观
    了某馆，8日举行告别宴会，9日结束访问``): days of the month last told, read as :func:`_relative_days`
    reads them after a day the sentence tells."""
    if dates:
        return []
    own = {d.at for d in _relative_days(hans, dates, day)}
    return [d for d in _relative_days(hans, [DateRange(day, day, 0, 0, False)], day) if d.at > 0 and d.at not in own
            and _bare_day(hans, d.at) is not None]


def _welcomed_by_a_leader(reading: Reading, sentence: Sentence, clause: tuple[int, int]) -> bool:
    """Whether a welcome told with no meeting word (see :func:`_welcomed_in_person`) is a leader's
    welcoming a visitor the clause names: someone named before 迎接 in its part of the clause, by
    no office below the top, and someone else named in the clause (``甲抵达某城，乙到机场迎接``).
    Not an official's welcome (``外长丙到机场迎接``) nor a delegation's (``代表团返抵某城，乙到机场迎接``)."""
    begin, end = clause
    welcome = _WELCOMES.search(sentence.hans, begin, end)
    if welcome is None or MEETING.search(sentence.hans, begin, end):
        return True  # a meeting word tells the meeting: the welcome is no matter
    part = max((m.end() for m in CLAUSE.finditer(sentence.hans, begin, welcome.start())), default=begin)
    people = [spot for spot in sentence.spots if begin <= spot.start < end
              and reading.registry.is_a(spot.surface, Kind.PERSON) and not QUALIFIES.match(sentence.hans[spot.end:])]
    hosts = [spot for spot in people if part <= spot.start < welcome.start()
             and not NOT_TOP.search(written_before(sentence, spot))]
    return bool(hosts) and any(spot.key not in {host.key for host in hosts} for spot in people)


def _signing_clause(hans: str, when) -> tuple[tuple[int, int], bool] | None:
    """The date's clause when it tells leaders signing together (``1974年5月16日，甲与乙签署
    《…》``, ``9月3日，两国元首在莫斯科签署``): they meet to sign. Returns the clause's bounds and
    whether it names the signers (then only they sign, none is inferred), or refers back to them."""
    clauses = _date_clause(hans, when)
    if clauses is None:
        return None
    starts, index = clauses
    begin, end = starts[index], starts[index + 1] - 1
    told = when.stop
    if _BARE_TIME.fullmatch(hans[begin:end].replace(hans[when.at:when.stop], "")) and index + 2 < len(starts):
        told, end = starts[index + 1], starts[index + 2] - 1  # 1974年5月16日，甲与乙签署…: the clause after a bare date
    signed = _SIGNED_TOGETHER.match(hans, told, end)
    at = starts.index(told) if told in starts else index
    if signed is None and _ATTENDED.search(hans, told, end) and at + 2 < len(starts):
        told, end = starts[at + 1], starts[at + 2] - 1  # 甲在两国外长陪同下，与乙共同签署…: the clause after
        signed = _SIGNED_TOGETHER.match(hans, told, end)
    return ((begin, end), signed["back"] is None) if signed else None


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


def _dated_by_citation(reading: Reading, sources: Sources, sentence: Sentence):
    """A day without a year takes the year of the source cited for it: the last such day
    on or before the source's publication date. A source that reports the day in its own
    year comes first: one published before it (a preview cited beside the report, 6月9日's
    for 6月12日's arrival) does not put the day a year back."""
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
        return find_dates(sentence.hans, year=published.year - 1), citation
    return [], None


#: A meeting the clause's own meeting is about (就…即将举行的峰会交换意见, 就…会晤进行讨论): its topic,
#: from 就 up to the meeting word the clause ends on, says nothing of whether they met.
_TOPIC = re.compile(r"就[^，,；;。]*?(?=(?:举行|进行了?|展开)?(?:会谈|会晤|交换了?意见)[^，,；;会晤谈]*$)")
#: A meeting agreed on as a topic (就…举行首脑会晤达成一致): planned, not held.
_AGREED_ON = re.compile(r"就[^，,；;。]*?(?:会晤|会谈|峰会|首脑会议|会面)[^，,；;。]{0,8}?(?:达成(?:一致|共识|协议)|取得一致)")


#: What leaders agree on or say they wish for at a meeting (两国元首同意…, 双方表示愿…): of another meeting.
_AGREED_AT_IT = re.compile(r"同意|商定|表示愿|愿(?:与|同|和|跟|意)|希望|期待|期望|决定|宣布|呼吁")
#: A meeting said to have lasted so long (三人的早餐会持续约一小时): it took place, whatever a clause
#: before said of it being proposed (甲向乙提议共进早餐).
_LASTED = re.compile(r"(?:会晤|会谈|会面|会见|早餐会|午餐会|晚餐会|餐会)[^，,；;。]{0,4}?(?:持续|历时|长达|进行了)了?"
                     r"(?:约|近|逾|超过)?[0-9一二三四五六七八九十两半]+个?多?(?:小时|分钟|钟头)")


@lru_cache(maxsize=4096)  # a sentence is asked about twice a page
def not_held(hans: str) -> bool:
    """Whether the clauses that speak of the meeting say it did not take place (or not yet)."""
    clauses = [_TOPIC.sub("", _ACCEPTED.sub("", c)) for c in re.split(r"[，,；;]", hans)]  # 应…邀请: an invitation taken up
    if _AGREED_ON.search(hans):
        return True
    told = False  # a clause before told the leaders meeting (甲同乙举行会谈，…)
    for i, clause in enumerate(clauses):
        held = HELD_AT.search(clause)
        if held and (clause[held.end():held.end() + 1] == "的" or PRESS_CONFERENCE.match(clause, held.end())):
            held = None  # 在莫斯科举行的纪念活动, 两人在某宫举行记者会: something else held there
        meeting = MEETING.search(clause) or held
        if meeting and NOT_HELD_AFTER.search(clause):
            return True
        if meeting and NOT_HELD.search(clause[:meeting.end()]) and not any(_LASTED.search(c) for c in clauses[i + 1:]):
            if told and _AGREED_AT_IT.search(clause[:meeting.end()]):
                continue  # 甲同乙举行会谈，…；两国元首同意以某峰会为新起点: what they agreed at the meeting told
            return True
        told = told or bool(meeting and _MEETING_VERB.search(clause))
        if meeting and i > 0 and (_CONTINUES.match(clause) or clause.startswith("于")
                                  or _GOES_ON_TO.match(clause) and _PLANNED.search(clauses[i - 1])) \
                and NOT_HELD.search(clauses[i - 1]):
            return True  # 宣布甲将于5月前访问乙国，与乙国主席会面; 宣布甲将应邀，于6月16日赴…: it goes on with the plan
        if meeting and _CALL.search(clause, meeting.end()):
            return True  # 甲与乙在峰会前夕通电话: the meeting word tells when they called
        call = next((j for j in range(i - 1, -1, -1) if _CALL.search(clauses[j])), None)
        if meeting and call is not None and not any(re.search(r"\d[日号]", c) for c in clauses[call + 1:i + 1]):
            return True  # 甲与乙通电话表示祝贺，双方确认…会谈: the sentence goes on with the call, up to another day
    return False


#: The head of a society or a foundation (海基会董事长, 海协会会长): a body's, not a side's top leader.
_HEADS_A_BODY = re.compile(r"董事长|会长")


def _heads_of_a_body(reading: Reading, participants: dict[str, Participant]) -> set[str]:
    """Drops the people the article titles only as heads of a society or a foundation
    (``某基金会董事长甲在某城与乙国主席乙会面``): a semi-official body's head meeting a leader,
    or another such head, holds no summit. Returns whom it dropped. Not the two an article
    about their meeting is about (``张李会谈是某基金会董事长张三与某协会会长李四…举行的会谈``):
    a meeting that is the article's subject counts whatever their rank."""
    subject = {key for key, _, _ in subject_pair(reading)} if MEETING.search(to_hans(reading.document.title or "")) \
        else set()
    dropped = set()
    for key in [k for k in participants if k not in subject]:
        titles = [to_hans(title) for title in written_titles(reading, key)]
        if titles and all(_HEADS_A_BODY.search(title) for title in titles):
            del participants[key]
            dropped.add(key)
    return dropped


def _summit(reading, people, sources, section, sentences, index, when, lead_venues,
            date_basis: EntityId | None = None, clause: tuple[int, int] | None = None,
            infer: bool = True, numbered: bool = True, set_aside: tuple[str, ...] = (),
            only: tuple[str, ...] = ()) -> SummitFound | None:
    """``infer``: whether people the sentence does not name may be inferred (not for a
    table row read as a sentence: the row itself is read by tables.py). ``numbered``:
    whether a number the sentence gives is the meeting's in its series (not in an account
    told day by day, where 第一次会晤 is the first session of the day's talks).
    ``set_aside``: people the sentence names as met in other meetings, one by one;
    ``only``: the people of one of those meetings."""
    registry = reading.registry
    anchor = sentences[index]
    paragraph = [s for s in sentences if s.paragraph == anchor.paragraph and s.start >= anchor.start]
    participants = stated_participants(reading, anchor, paragraph if infer else [], clause)
    for key in [k for k in participants if k in set_aside or (only and k not in only)]:
        del participants[key]
    near = sentences[max(0, index - 1):index + 1]
    dropped = below_the_top(reading, people, participants, near, when.start)  # before inferring: not one of the pair
    cited = citations_of(sources, [anchor] + paragraph)
    period = people.periods.get(section)
    if infer:
        from_citation_titles(reading, participants, cited, anchor)
        from_administration(reading, people, participants, period, section)
        from_leaders_in_office(reading, people, participants, when.start)
        from_the_sentences_before(reading, participants, anchor, sentences[max(0, index - 2):index])
        from_the_pronoun(reading, participants, anchor, clause, sentences[max(0, index - 1):index])
        from_the_bare_office(people, participants, anchor, clause)
        from_the_subject(reading, participants, anchor, paragraph, section)
    dropped |= below_the_top(reading, people, participants, near, when.start)
    dropped |= _heads_of_a_body(reading, participants)
    said = MEETING.search(anchor.hans)
    before = said.start() if said else len(anchor.hans)
    first = next((spot.key for spot in anchor.spots if spot.start < before and (reading.registry.is_a(spot.surface, Kind.PERSON)
                  or NOT_TOP.search(written_before(anchor, spot))) and not QUALIFIES.match(anchor.hans[spot.end:])),
                 None)  # the first person named, or the first name an official's title stands before
    if first in dropped or (first is not None and (written_below_the_top(reading, anchor, first)
                                                   or sends_someone(anchor, first))) \
            or any(a_party(anchor, key, clause) for key in dropped) or meets_officials_only(reading, anchor, clause):
        # 特使张三会见李四, 国家安全顾问张三会见李四: the one who met is not a top leader
        reading.note(f"the meeting on {when.start.isoformat()} is led by {first}, not a top leader; no summit made",
                     anchor.span_of(0, 0).start)
        return None
    if not participants:
        reading.note(f"a meeting on {when.start.isoformat()} names no participant; no summit made",
                     anchor.span_of(0, 0).start)
        return None
    if received_together(reading, anchor, clause, participants):
        reading.note(f"the meeting on {when.start.isoformat()} names only whom it received, one side; "
                     "no summit made", anchor.span_of(0, 0).start)
        return None
    keys = tuple(sorted(participants))
    summit = registry.unnamed(Kind.SUMMIT, f"{when.start.isoformat()}-{digest(keys)}")
    evidence = anchor.evidence()
    registry.evidence(summit, evidence)
    dated = dict(inference=Inference.CITATION_DATE, basis=(date_basis,)) if date_basis else {}
    end, told_long = _end_of_its_length(anchor, sentences[index:], when)
    registry.fact(summit, Prop.START_DATE, when.start, evidence=(evidence,), **dated)
    registry.fact(summit, Prop.END_DATE, end, evidence=tuple(dict.fromkeys((evidence, told_long.evidence()))), **dated)
    number, said_in = _ordinal_said(anchor, paragraph) if numbered else (None, anchor)
    if number:
        registry.fact(summit, Prop.ORDINAL, number, evidence=tuple(dict.fromkeys((evidence, said_in.evidence()))))
    elif section is not None and (number := ordinal_in(to_hans(section.heading))):  # === 第二次峰会：雷克雅未克 ===
        heading = Evidence(Span(section.span.start, section.body.start), section.heading.strip(), section.heading.strip())
        registry.fact(summit, Prop.ORDINAL, number, evidence=(heading, evidence))
    _names(reading, summit, section)
    if period is not None:
        registry.fact(summit, Prop.DURING_PERIOD, period, evidence=(evidence,))
    for citation in citations_of(sources, list(sentences)):  # every citation of its section
        registry.fact(summit, Prop.SUPPORTED_BY, citation)
    welcome_ends = clause[1] if clause is not None and _only_a_welcome(anchor.hans, clause) else None
    _venue(reading, summit, anchor, when.start, lead_venues, when.at, welcome_ends, set(participants))
    record_participants(reading, people, summit, participants, [anchor] + paragraph,
                        welcome=anchor if welcome_ends is not None else None)
    outcomes(reading, summit, sentences, (when.start, end))
    return SummitFound(summit, section, when.start, end, anchor, keys)


#: A meeting's length told in days (在持续12天的会议后, 经过五天的谈判, 会谈持续了三天, 为期两天的会晤).
_TALKS = r"(?:首脑会议|首脑会谈|会议|会谈|会晤|峰会|谈判|磋商|努力)"
_LONG = re.compile(r"(?:持续|历时|经过|经历|为期)了?(?P<n>[0-9一二三四五六七八九十两]+)(?P<u>天|日|周|个星期|星期)"
                   r"的[^，,；;。]{0,4}?" + _TALKS
                   + r"|" + _TALKS + r"[^，,；;。]{0,4}?(?:持续|历时|长达)了?(?P<m>[0-9一二三四五六七八九十两]+)"
                   r"(?P<v>天|日|周|个星期|星期)")
_LENGTH_WORDS = re.compile(r"持续|历时|经过|经历|为期|长达")  # tried first: the length regex only where one occurs


def _end_of_its_length(anchor: Sentence, after: list[Sentence], when: DateRange) -> tuple[date, Sentence]:
    """The last day of a meeting told on its first day alone, when the anchor or a sentence after it
    in its section tells how many days it lasted (``9月6日，甲乙丙举行会议。在持续12天的会议后，…``,
    a paragraph on what was said between them): the length counts the first day. A day given
    between the meeting's and the length is of another meeting, whose length it is."""
    told = next(((i, long) for i, sentence in enumerate(after) if when.start == when.end
                 and _LENGTH_WORDS.search(sentence.hans) and (long := _LONG.search(sentence.hans))), None)
    if told is None:
        return when.end, anchor
    i, long = told
    between = [anchor.hans[when.stop:long.start() if i == 0 else len(anchor.hans)]] \
        + [s.hans[:long.start() if j == i else len(s.hans)] for j, s in enumerate(after[1:i + 1], 1)]
    if any(find_dates(text, year=when.start.year) for text in between):
        return when.end, anchor  # …。7日，甲又与丙举行为期两天的会谈: another meeting's length
    days = chinese_number(long["n"] or long["m"]) or 1
    days *= 1 if (long["u"] or long["v"]) in ("天", "日") else 7
    return when.start + timedelta(days=days - 1), after[i]


def _ordinal_said(anchor: Sentence, paragraph: list[Sentence]) -> tuple[int | None, Sentence]:
    """The number the anchor gives the meeting, or the sentence after it that speaks of the
    meeting just told (``…举行会议。这是…第三次会议``)."""
    following = next((s for s in paragraph if s.start > anchor.start), None)
    said = [anchor] + ([following] if following is not None and REFERS_BACK.match(following.hans) else [])
    for within_a_year in (False, True):  # 2018年第3次 only where no other number is given
        for sentence in said:
            number = ordinal_in(sentence.hans, within_a_year=within_a_year)
            if number:
                return number, sentence
    return None, anchor


# ------------------------------------------------------------------ names, venue, documents


def _names(reading: Reading, summit: EntityId, section: Section | None) -> None:
    registry = reading.registry
    if section is None:  # the article is about this summit: subject.py names it
        title = reading.document.title
        registry.label(summit, Label(to_hans(title), "zh-Hans"), preferred=True)
        registry.label(summit, Label(to_hant(title), "zh-Hant"), preferred=True)
        return
    main = next((t for t in reading.document.templates
                 if t.key in MAIN_TEMPLATES and section.body.start <= t.span.start < section.body.end
                 and t.get("1")), None)
    heading = section.heading.strip()
    name = main.get("1") if main else heading
    named = not registry.has_preferred_label(summit)  # an infobox named it after the article
    registry.label(summit, Label(to_hans(name), "zh-Hans"), preferred=named)
    registry.label(summit, Label(to_hant(name), "zh-Hant"), preferred=named)
    if main:
        reading.registry.unnamed(Kind.SUMMIT, summit.key, article=main.get("1"))
        registry.label(summit, Label(main.get("1"), script_of(main.get("1"))))
    registry.label(summit, Label(heading, script_of(heading)))


def _venue(reading: Reading, summit: EntityId, anchor: Sentence, when: date, lead_venues,
           at: int | None = None, welcome_ends: int | None = None, participants=()) -> None:
    """Records where the summit the anchor tells was held: its held-at phrase or the state visited,
    or the lead's venue of its days. ``welcome_ends``: where the clause of a welcome on arrival ends
    (``甲抵达某城，乙到机场迎接，两人一同出席在某体育场举行的集会``): a place held at after it is the next
    event's, not the welcome's."""
    registry = reading.registry
    chain = held_at_chain(reading, anchor, at)
    if chain and welcome_ends is not None and chain[0].start >= welcome_ends:
        chain = ()
    visited = visited_chain(reading, anchor, at)
    if welcome_ends is not None and not chain and not visited:
        _welcome_in_the_town_arrived_at(reading, summit, anchor, welcome_ends, when, participants)
        return
    venue = _record_chain(reading, chain or visited, anchor) if chain or visited else None
    if chain and visited:  # 回访美国，在华盛顿与…会晤: Washington in the United States
        outer = _record_chain(reading, visited, anchor)
        top = registry.named(registry.kind_of(chain[0].surface) or Kind.PLACE, chain[0].surface)
        if outer is not None and top.kind is Kind.PLACE and not registry.has_fact(top, Prop.LOCATED_IN) \
                and not located_within(reading.registry, outer, top):
            registry.fact(top, Prop.LOCATED_IN, outer, evidence=(anchor.evidence(),))
    for lead in lead_venues:
        if not any(year == when.year and (month is None or month == when.month) for year, month in lead.times) \
                or said_of_other_days(lead.clause, lead.chain[0].start, when):
            continue
        lead_venue = _record_chain(reading, lead.chain, lead.clause)
        if lead_venue is None:
            continue
        if venue is None or located_within(reading.registry, lead_venue, venue):
            if venue != lead_venue:
                registry.fact(summit, Prop.VENUE, lead_venue, evidence=(lead.clause.evidence(), anchor.evidence()),
                              inference=Inference.LEAD_PARAGRAPH)
                return
    if venue is not None:
        registry.fact(summit, Prop.VENUE, venue, evidence=(anchor.evidence(),))


def _welcome_in_the_town_arrived_at(reading: Reading, summit: EntityId, anchor: Sentence, upto: int,
                                    when: date, participants) -> None:
    """A welcome on arrival whose clause gives no town (``乙在下榻的酒店迎接甲``) was held in the town
    the visitor last arrived at on or before its day, as its section or the one before tells it
    (``19日晚，甲抵达某岛``); nowhere where none is told, not in the lead's country of the visit."""
    town = town_arrived_at_before(reading, anchor, upto, when, participants)
    if town is not None:
        reading.registry.fact(summit, Prop.VENUE, town, evidence=(anchor.evidence(),), inference=Inference.BACK_REFERENCE)


def _record_chain(reading: Reading, chain: tuple[Spot, ...], sentence: Sentence) -> EntityId | None:
    """``某村 甲国 一方 某楼``: each place lies in the one before; a state marked 一方 holds the next."""
    registry = reading.registry
    evidence = (sentence.evidence(),)
    places = [registry.named(registry.kind_of(s.surface) or Kind.PLACE, s.surface) for s in chain]
    container: EntityId | None = None
    side: EntityId | None = None
    for i, (spot, place) in enumerate(zip(chain, places)):
        between = sentence.hans[chain[i - 1].end:spot.start] if i else ""
        if i and not joins_chain(between) and not _SIDE_MARK.match(between):
            container, side = None, None
        is_side = place.kind is Kind.COUNTRY and bool(_SIDE_MARK.match(sentence.hans[spot.end:]))
        if is_side:
            side = place
            continue
        for outer in (container, side):
            if outer is not None and outer != place:
                registry.fact(place, Prop.LOCATED_IN, outer, evidence=evidence)
        container, side = place, None
    return container if container is not None else (places[-1] if places else None)


def _lead_venues(reading: Reading) -> tuple[LeadVenue, ...]:
    out: list[LeadVenue] = []
    for clause in reading.lead:
        previous_end = 0
        for match in held_at_phrases(clause):
            times = tuple((t.year, t.month) for t in find_year_months(clause.hans[previous_end:match.start()]))
            chain = tuple(s for s in clause.spots_in(match.start("w"), match.end("w"))
                          if reading.registry.is_a(s.surface, Kind.PLACE, Kind.COUNTRY))
            if times and chain and not _states_listed(reading, clause, chain):
                out.append(LeadVenue(times, chain, clause))
            previous_end = match.end()
    return tuple(out)


def _states_listed(reading: Reading, clause: Sentence, chain: tuple[Spot, ...]) -> bool:
    """Whether the chain lists states one after another (``对甲国、乙国和丙国进行访问``): a tour, which
    gives its meetings no venue (``在甲国某城、乙国某城举行``: each state holds its own city)."""
    return any(reading.registry.is_a(a.surface, Kind.COUNTRY) and reading.registry.is_a(b.surface, Kind.COUNTRY)
               and _LISTED.fullmatch(clause.hans[a.end:b.start]) for a, b in zip(chain, chain[1:]))


_LISTED = re.compile(r"[、，,]|和|及|与|以及")


def _same_days(sentence: Sentence, span: tuple[date, date]) -> bool:
    found = [d for d in find_dates(sentence.hans, year=span[0].year)]
    return not found or any(d.start <= span[1] + timedelta(days=1) and span[0] <= d.end for d in found)
