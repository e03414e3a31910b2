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
is joined into one summit by :mod:`kg.extract.joining`. Which clause of a sentence tells a meeting and on
which day is read by :mod:`kg.extract.meeting_clauses`; how long a visit goes on by
:mod:`kg.extract.visit_days`; where the anchor places its summit by :mod:`kg.extract.summit_venue`; an
infobox's summit and the prose's meetings around it by :mod:`kg.extract.boxed_summit`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from kg.extract.boxed_summit import (BACKGROUND, SAME_VISIT, a_meeting_apart, a_sides_top, sides_the_box_flags, finer_in_prose, meetings_of_the_visit,
                                     met_during_the_visit, told_within, two_before_or_after_a_gathering)
from kg.extract.containment import finer_venue
from kg.extract.dates import DateRange, chinese_number, find_dates, find_year_months
from kg.extract.documents import (documents_of_the_definition, documents_of_the_meeting_told_last, documents_of_the_subject,
                                  outcomes)
from kg.extract.infobox import days_of_the_box, summit_infoboxes
from kg.extract.joining import (GOES_ON, SummitFound, a_row_and_its_account, fill_from_neighbours, join_mentions,
                                one_meeting_told_in_parts, one_span_each, several_of_one_visit)
from kg.extract.leg_rows import legs_span_their_rows
from kg.extract.legs import (ARRIVING, Arrival, LegTold, VisitTold, a_tours_days, arrival_in, arrivals_told, day_of_leaving,
                             legs_run_to_the_next, state_of_the_leg, talks_of_the_arrived, day_of_the_heading,
                             days_of_each, first_year,
                             from_the_arrivals, heading_is_the_next_day, heading_leg, heading_time,
                             in_the_state_of_the_heading,
                             leg_from_its_arrival, leg_told_in_prose, one_summit_per_leg, over_the_leg, the_leads_visit,
                             visit_told, year_above, year_of_the_leads_month, year_the_lead_defines)
from kg.extract.meeting_clauses import (CALL, DAY_ONLY, ON_A_GATHERINGS_DAYS, TOOK_OFFICE, WELCOMES, another_later_that_day, bare_day,
                                        day_after_the_subject,
                                        dated_by_citation, days_of_the_month,
                                        a_bodys_gathering, a_gathering, meeting_clause, not_held, only_a_banquet, only_a_welcome, opens_from_the_last_day,
                                        relative_days, the_gathering_held,
                                        signing_clause,
                                        welcomed_by_a_leader, who_met)
from kg.extract.ordinals import (REFERS_BACK, number_of_a_summit_held, number_the_defined_summit, ordinal_in,
                                 ordinal_of_the_subject, series_number_in)
from kg.extract.participants import (Participant, QUALIFIES, a_party, below_the_top, citations_of, from_administration,
                                     from_citation_titles, from_leaders_in_office, from_the_bare_office,
                                     from_the_pronoun, from_the_holders_before, from_the_office_both_hold, from_the_sentences_before, from_the_subject,
                                     meets_officials_only, met_one_by_one, told_in_another_year, received_together, record_participants,
                                     sends_someone, stated_participants, subject_pair, written_below_the_top)
from kg.extract.one_by_one import OneByOne
from kg.extract.people import People, written_titles
from kg.extract.phrases import CLAUSE, DURING_THE_VISIT, MEETING, NOT_TOP, OPENS_GOING_ON, PLANNED_FOR
from kg.extract.reading import Reading
from kg.extract.registry import digest
from kg.extract.roles import written_before
from kg.extract.scripts import script_of, to_hans, to_hant
from kg.extract.sources import Sources
from kg.extract.summit_venue import talks_held_after_the_welcome, venue_of_the_anchor, venues_of_the_lead
from kg.extract.table_rows import meeting_tables
from kg.extract.table_series import rows_number_their_summits, years_of_the_numbered_rows
from kg.extract.visited_states import days_of_the_visit_box
from kg.extract.text import Sentence
from kg.extract.visits_abroad import year_of_the_list
from kg.extract.visit_days import (A_GATHERING_NEXT, end_of_the_visit, from_the_talks_begun, goes_on_to, over_the_visit,
                                   the_visit_going_on, to_the_days_told_after, to_the_last_day_together, to_the_leaving)
from kg.model import EntityId, Evidence, Inference, Kind, Label, Prop, Severity, Span
from kg.wikitext import Section


#: A sentence about the people the one before named, as its subject (两人随后…, 三位领导人在…).
_BACK_SUBJECT = re.compile(r"^(?:两人|二人|双方|三人|(?:两|三|四)(?:位|国)(?:领导人|元首|首脑))")
#: After a year and month, a clause reaching from it to now (2021年12月就任总理以来): a span, not a time told.
_SINCE = re.compile(r"[^，。；,]{0,12}?以来")
#: Or a clause opened by 自 before the year and closed by 后 (自2031年两国关系正常化后，…): a span from then on too.
_FROM_THEN = re.compile(r"(?:自从|自|从)$")
_ON_FROM_IT = re.compile(r"[^，。；,]{0,16}?(?:以来|以后|之后|后)(?=[，,])")
#: A sentence opening on a span reaching to now (甲担任主席以来，先后与乙、丙会晤; 自2031年以来…; 近年来…): of those
#: years, not of the day the sentence before told.
_A_PERIOD_OPENS = re.compile(r"^[^，。；,]{0,16}?(?:以来|至今|年来)[，,]")

#: A sentence telling of the visit the article is about, by the visit itself (此访前一天, 此次访华前, 甲此行先后访问…,
#: 访美前不久), not after it (此访之后): of that visit's time, whatever past year the account before it had reached.
_THIS_VISIT = re.compile(r"(?:此访|此行|(?:此次|这次|本次)(?:访问|出访|访[\u4e00-\u9fff]))(?!之?后|以后)")
#: Or by its eve (访华前夕, 访问前夕, 访美前不久): the visit the paragraph told last, where it told one with its year
#: (2039年2月，甲首次访问乙国。访问前夕，…), else the article's.
_ON_THE_EVE = re.compile(r"访[\u4e00-\u9fff](?:前不久|前夕)")


def _the_lists_intro(sentences, index: int) -> list[Sentence]:
    """The sentence introducing the list whose item the ``index``-th sentence is (``甲、乙和丙多次举行三方峰会：¶* 某日，三国
    元首在某城会晤；¶* 某日，三国元首再次在某城会晤；``), more than the sentence before: each item's 三国元首 are the ones
    it names. Nothing where the sentence opens no line, or the lines before it lead to no sentence ending on a colon, or
    where that sentence is one of the two before it, which the caller reads anyway."""
    at = index
    while at > 0 and _opens_a_line(sentences[at]) and sentences[at - 1].paragraph == sentences[index].paragraph:
        at -= 1
        if sentences[at].hans.rstrip().endswith(("：", ":")):
            return [sentences[at]] if at < index - 2 else []
    return []


def _opens_a_line(sentence: Sentence) -> bool:
    text, at = sentence.passage.text, sentence.start - 1
    while at >= 0 and text[at] == " ":  # the list's marker, read as a space
        at -= 1
    return at >= 0 and text[at] == "\n"


def _no_box_disagrees(reading: Reading, visit: VisitTold) -> bool:
    """Whether the article's visit box gives the days of the visit the lead told, or gives none."""
    return days_of_the_visit_box(reading) in (None, (visit.days.start, visit.days.end))


def _on_a_day_the_lead_tells(reading: Reading, sentence: Sentence) -> list[DateRange]:
    """The days without a year a sentence tells that the lead tells with their year (``…于2033年12月15日在某都共同
    发表`` … ``== 发表 ==¶12月15日，…``): of the lead's year, as the article's own day, before any source dated on
    that day of a later year (an anniversary's piece) is asked."""
    told = {(d.start.month, d.start.day): d.start.year
            for s in reading.lead for d in find_dates(s.hans) if d.year_given}
    for year in sorted(set(told.values())):
        found = find_dates(sentence.hans, year=year)
        if any(not d.year_given and told.get((d.start.month, d.start.day)) == year for d in found):
            return found  # each day it tells, of that year (10月22日，…；10月23日，…)
    return []


def _a_visit_with_its_year_before(sentences: list[Sentence], i: int) -> bool:
    """Whether the paragraph told a visit with its year before the ``i``-th sentence (``2034年5月，甲再度访问乙国。…
    此访期间，…。同年8月31日，…``): its 此访 is that visit, and the account stays in its year."""
    paragraph = sentences[i].paragraph
    for j in range(i - 1, -1, -1):
        if sentences[j].paragraph != paragraph:
            return False
        if "访" in sentences[j].hans and find_year_months(sentences[j].hans):
            return True
    return False


#: An aside on the visit (这是他…, 此为…, 这也是…), and a time in it that someone took office at
#: (这是他2023年3月上任后首次访马, 这是安瓦尔2022年11月就任总理后首次访华).
_AN_ASIDE = re.compile(r"(?:这|此)也?(?:是|为)")
#: How a linked event's name ends (某城空袭, 某国会袭击事件, 以哈战争): a date written right before it is its day.
_EVENT = re.compile(r"(?:空袭|袭击|事件|战争|战役|政变|革命|地震|海啸|惨案|屠杀|起义)$")


def _an_events_day(sentence: Sentence, day: DateRange) -> bool:
    """Whether ``day`` is written right before a linked event's name, as its day, not a meeting's
    (向2031年2月19日[[某城空袭]]遇难者纪念碑献花，并就…举行会谈: the talks are not of 2031)."""
    return any(spot.start == day.stop and spot.link is not None and _EVENT.search(spot.hans) for spot in sentence.spots)


#: Around a span of days: a gathering attended that was held on them (出席4月12日至13日举行的某某峰会, 出席20日至21日在某城
#: 举行的某某会议).
_ATTENDS_BEFORE = re.compile(r"(?:出席|参加)了?$")
_HELD_ON_THEM = re.compile(r"(?:在[^，,。；;]{1,16}?)?(?:举行|召开)的")


def _a_gatherings_days(hans: str, days: DateRange) -> bool:
    """Whether a span of days is written as the days of a gathering attended, between 出席 and ``举行的`` and its name
    (``4月12日，甲抵达某都，出席4月12日至13日举行的某某峰会。抵达当日，甲同乙举行会晤``): the gathering's days, not a
    meeting's; a single day so written may be the meeting's (出席5日举行的欢迎仪式后与乙会谈)."""
    return days.end > days.start and bool(_ATTENDS_BEFORE.search(hans, 0, days.at)) \
        and _HELD_ON_THEM.match(hans, days.stop) is not None


#: After a span of days, in its sentence: the many leaders met in a series of meetings on them (同多国领导人举行的一系列双边
#: 会晤, 与美国、英国等国领导人举行的一系列会谈), or meetings told as a series or by their count (开展系列双边会晤,
#: 举行20余场双边会见).
_A_SERIES_OF_MEETINGS = re.compile(r"(?:与|同)(?:多国|各国|多位|[^，,。；;]{0,24}?等国)(?:领导人|元首|首脑)[^，,。；;]{0,4}?举行的?一系列"
                                   r"|(?:开展|举行|进行)了?(?:一)?系列(?:双边)?(?:会晤|会见|会谈)"
                                   r"|(?:开展|举行|进行)了?[0-9一二三四五六七八九十两]+余?场(?:双边)?(?:会晤|会见|会谈)")


def _a_series_days(hans: str, days: DateRange) -> bool:
    """Whether a span of days is written as the days over which the subject met many leaders in a series of
    meetings (``甲于6月28日至29日出席某峰会期间，同多国领导人举行的一系列双边会晤``): the gathering's days, which
    date each meeting of the series only as the text tells it, not one meeting of the first leader told."""
    return days.end > days.start and _A_SERIES_OF_MEETINGS.search(hans, days.stop) is not None


def _goes_on_with_a_call(sentences: list[Sentence], i: int) -> bool:
    """Whether the sentence before, in the paragraph, tells a call (``甲同乙通电话。两国元首就…深入交换意见``): a
    sentence of the two that follows it with no day of its own goes on with the call, no meeting."""
    return i > 0 and sentences[i - 1].paragraph == sentences[i].paragraph and CALL.search(sentences[i - 1].hans) is not None


#: The words for taking an office (就任, 上任, 当选 …).
_TAKING_OFFICE = "就任|上任|当选|就职|出任|上台|继任|履新"
_TOOK_OFFICE_THEN = re.compile(rf"[^，。；,]{{0,6}}?(?:{_TAKING_OFFICE})")
#: A time someone had taken an office at, told in a clause before their name (已于2031年10月改任乙国主席的丙于1月25日…):
#: the text does not move to it.
_HAD = re.compile(r"(?:已|早已|已经)于?$")
_HAD_TAKEN_OFFICE = re.compile(rf"[^，。；,]{{0,6}}?(?:{_TAKING_OFFICE}|改任|升任)[^，。；,]{{0,16}}?的")


#: A day something is to be done by (并于2039年12月31日前将库存减半, 须在2039年底以前完成): a deadline, no time the account
#: has reached; the days told after it keep the year and the day the text had.
_BY_A_DAY = re.compile(r"(?:之|以)?前(?![往来去赴])")


#: A clause going on at once from what was told before it (``两人随即举行会谈``, ``甲随即前往某宫``).
_GOES_ON_AT_ONCE = re.compile(r"(?:^|[，,；])[^，,。；]{0,12}?随即")


def _named_then_going_on(sentence: Sentence) -> bool:
    """Whether a sentence opens on the name of the one it tells of and goes on at once (``甲随即前往某岛，与乙举行会谈``):
    what it tells follows from the day the paragraph before reached, as a paragraph opening on ``随后`` does."""
    first = sentence.spots[0] if sentence.spots else None
    return first is not None and first.start == 0 and OPENS_GOING_ON.match(sentence.hans, first.end) is not None


def _within_a_visit(visit: VisitTold | None, day: date | None) -> bool:
    """Whether the account is inside the days of a visit told before (``5月2日至6日，甲访问乙国。¶甲于3日在某宫同乙
    会谈``): its talks are of the visit, whose days the visit's own reading gives, not of the day told after a
    subject and 于."""
    return visit is not None and day is not None and visit.days.start < visit.days.end \
        and visit.days.start <= day <= visit.days.end


def _one_by_one_on_a_tour(reading: Reading, sentence: Sentence, visit: VisitTold | None, told: Sentence | None) -> bool:
    """Whether a sentence tells the leaders met one by one on the days of a visit its paragraph told to several states
    (``于4月16日至27日先后访问甲国、乙国、丙国和丁国…访问期间，他分别与四国总统A、B、C和D举行会谈``): each is a stop's
    meeting, on that stop's days, not the tour's."""
    return visit is not None and told is not None and met_one_by_one(reading, sentence) is not None \
        and a_tours_days(reading, told, visit.days)


def _month_the_sentence_before_went_on_to(before: Sentence, sentence: Sentence) -> int | None:
    """The year of the month the sentence before ends on, where this one, in its paragraph, opens with a day
    of that month written without its year (``2010年6月李四出任总理后，于2011年3月首次访美。3月7日，李四…``: 2011,
    not the 2010 the sentence before opened with); no day written after that month in the sentence before."""
    if before.paragraph != sentence.paragraph:
        return None
    months = [m for m in find_year_months(before.hans) if m.month is not None and not _SINCE.match(before.hans, m.stop)]
    if len(months) < 2 or months[-1].year == months[0].year \
            or any(d.at >= months[-1].stop for d in find_dates(before.hans, year=months[-1].year)):
        return None
    first = next(iter(find_dates(sentence.hans, year=months[-1].year)), None)
    if first is None or first.year_given or first.at > 2 or first.start.month != months[-1].month:
        return None
    return months[-1].year


def _after_the_day_told(hans: str, month, year: int | None) -> bool:
    """Whether a year and month are written after the day that opens the sentence, in the year the text had reached
    (``3月31日，甲在某城会见乙，开场时说…——两人上一次会面是在2022年11月的某峰会期间``): the time of an aside on the
    past, not the day's; the day keeps the year the text had."""
    if year is None:
        return False
    first = next(iter(find_dates(hans, year=year)), None)
    return first is not None and not first.year_given and first.at <= 2 and first.stop <= month.at


def _a_deadline(hans: str, day) -> bool:
    """Whether a date is a deadline (``于2039年12月31日前将…``): 于 or 在 before it, 前 after it (not 前往, 前来:
    ``于2039年10月16日前往乙国`` goes on that day)."""
    return hans[:day.at].endswith(("于", "在")) and _BY_A_DAY.match(hans, day.stop) is not None


def _took_office_in_an_aside(hans: str, month) -> bool:
    """Whether a year told in an aside is when someone took office (``李四于6月18日至20日访问乙国，这是他
    2023年3月上任后首次访乙``): the text does not move to it, so the days told before and after it keep
    the year the text had reached (2024年…，李四于6月18日…: 2024). So too a time someone had taken office at, told
    in a clause before their name (``2033年1月，…。已于2032年10月改任乙国主席的李四于1月25日飞抵某都``: 2033)."""
    opens = max((c.end() for c in CLAUSE.finditer(hans, 0, month.at)), default=0)
    return _AN_ASIDE.match(hans, opens) is not None and _TOOK_OFFICE_THEN.match(hans, month.stop) is not None \
        or _HAD.search(hans, 0, month.at) is not None and _HAD_TAKEN_OFFICE.match(hans, month.stop) is not None


def _an_aside_of_years_before(sentence: Sentence, year: int | None, dated_paragraph: int | None) -> bool:
    """Whether a sentence inside a paragraph that has told a day goes back to an earlier year with no meeting of
    its own (…7月8日，两人前往某城…。某城在历史上…，1945年5月7日某军又在此签署投降书，因而此举具有象征意义): an
    aside on the past; the account stays in the year it had reached, which a later 同年 is of. Not the past a leader
    recalls (甲在致辞中回顾，他曾于1995年9月…): what someone says is told as they say it, and left as it was read."""
    if year is None or dated_paragraph != sentence.paragraph or MEETING.search(sentence.hans):
        return False
    spans = [(m.at, m.year) for m in find_year_months(sentence.hans)] \
        + [(d.at, d.start.year) for d in find_dates(sentence.hans) if d.year_given]
    return bool(spans) and all(y < year and not _RECALLED.search(sentence.hans, 0, at) for at, y in spans)


#: A sentence saying who or what came last before (上一位访华的甲国总理是2030年1月访问某都的乙; 此前…的最近一次访问，
#: 是…): an aside on an earlier time; the account stays in the year it had reached.
_THE_ONE_BEFORE = re.compile(r"^[^，。；]{0,12}?(?:上一位|上一次|上次|前一位|前一次|最近一次)[^，。；]{0,24}?[，,]?是")


#: Words of someone recalling or saying (回顾, 回忆, 表示, 说): the past told after them is theirs.
_RECALLED = re.compile(r"回顾|回忆|忆及|追忆|提到|表示|(?<![演游小学])说|(?<![简名号])称|指出")


#: A sentence opening right after a ceremony the paragraph told on its day (…甲举行仪式欢迎乙。欢迎仪式后，两国元首举行
#: 会谈; 仪式结束后，甲与乙举行会谈; 甲出席乙的就职典礼。典礼结束后，…): of that day. Not in an article about a body's
#: gathering, where a state visit told beside it is dated by the days the visit was announced for, which the ceremony's day is not.
_AFTER_A_CEREMONY = re.compile(r"^[^，,。；]{0,6}?(?:仪式|典礼)(?:结束)?后[，,]")
#: A sentence opening on a part of the day and no date (…甲抵达某都。中午，甲在某宫会见乙; 下午3时，甲同乙会谈):
#: that part of the day the paragraph told. Not the evening, whose dinners and informal talks are apart from the visit's
#: talks (:func:`~kg.extract.meeting_clauses.relative_days` reads 当晚).
_A_PART_OF_THAT_DAY = re.compile(r"^(?:[上中下]午)(?:\d{1,2}[时点](?:\d{1,2}分)?(?:许|左右)?)?(?![0-9]|的)")


#: A ceremony told (欢迎仪式, 就职典礼).
_A_CEREMONY = re.compile(r"仪式|典礼")


def _after_the_ceremony_just_told(sentences, i: int) -> bool:
    """Whether the sentence opens right after a ceremony the sentence before it told with its day (``11月17日，甲出席乙的
    就职典礼。典礼结束后，甲与乙举行会谈``): of that day, in a background's account too."""
    return i > 0 and _AFTER_A_CEREMONY.match(sentences[i].hans) is not None \
        and _A_CEREMONY.search(sentences[i - 1].hans) is not None


def _in_the_box(day: date, around: SummitFound | None) -> bool:
    """Whether a day is one of the boxed summit's: the box's own reading (:mod:`kg.extract.boxed_summit`) takes the
    talks told on its days, so a sentence opening on a part of such a day (``下午，甲同乙会谈``) needs no day of its own."""
    return around is not None and around.start <= day <= around.end


#: A sentence introducing the meetings its paragraph lists next, one an item (峰会当天，三国领导人还分别举行双边会晤：¶
#: * 甲与乙会晤…¶* 丙与甲举行会谈。): each item is of the day it gives.
_INTRODUCES_MEETINGS = re.compile(r"(?:会晤|会谈|会见|会面)[^，,。；]{0,8}[：:]$")
#: A sentence that goes on right after the meeting told before it, on its day (会晤结束后，甲随即前往会见丙; 四方会谈之后，
#: 乙与丙举行双边会谈).
_RIGHT_AFTER = re.compile(r"^(?:[三四五六]方|多边|正式)?(?:会晤|会谈|会面|会见|峰会)(?:结束)?之?后")
#: The opening of a sentence that moves on to a later time (此后，甲转赴丙国): not the day its section's heading gives.
_LATER_ON = re.compile(r"^(?:此后|其后|后来|次年|翌年|多年后)")


def _in_the_year_gone_on_to(hans: str, day: DateRange) -> DateRange:
    """A day without its year, of the later year a month the sentence names before it gives (``2031年11月某会议后，甲于
    2032年1月出访，1月16日在某城与乙会谈``: 2032), not of the sentence's first year."""
    if day.year_given:
        return day
    later = next((m.year for m in reversed(find_year_months(hans[:day.at])) if m.month is not None), day.start.year)
    if later <= day.start.year:
        return day
    try:
        shift = later - day.start.year
        return DateRange(day.start.replace(year=later), day.end.replace(year=day.end.year + shift),
                         day.at, day.stop, False)
    except ValueError:  # 2月29日 of a year without it
        return day


#: The opening of a sentence that moves to another time than the visit told before it (此前, 后来, 次年).
_ANOTHER_TIME = re.compile(r"^(?:在此之前|此前|之前|早在|此后|其后|之后|后来|次年|翌年|同年|当年|多年后|[^，。；]{0,6}?(?:之后|以后)"
                           r"|[^，。；]{0,12}?曾(?:于|在|经|与|同|多次)|(?:这|此)也?(?:是|为))")
#: Words that report speech or a view: a meeting named after them is talked of, not held (江泽民说：…同克林顿进行会晤).
_SAID = re.compile(r"说|表示|称|认为|指出|强调")
#: Right after a meeting word: the meeting as the time or thing something else is of (在会谈中说, 新加坡会晤的共识).
_A_MEETINGS = re.compile(r"中|时|开头|期间|的")


MAIN_TEMPLATES = ("main", "主条目", "主條目", "主题条目", "details", "further")


def extract_summits(reading: Reading, people: People, sources: Sources, *,
                    around: SummitFound | None = None, tabled: tuple[SummitFound, ...] = ()
                    ) -> tuple[SummitFound, ...]:
    """The summits of the prose; ``around`` is the summit an infobox states, which the
    prose's mentions of the same days join (their documents and ordinal go to it);
    ``tabled`` are the rows of meeting tables, joined to the prose's summits of their days."""
    lead_venues = venues_of_the_lead(reading)
    tabled_spans = _meeting_table_spans(reading)  # rows read as sentences infer no one
    subject = _subject_of(reading)
    found: list[SummitFound] = []
    year = around.start.year if around is not None else year_of_the_list(reading) \
        or first_year(reading.lead) or year_of_the_leads_month(reading) or year_the_lead_defines(reading)
    told_year = year or next((m.year for s in reading.lead for m in find_year_months(s.hans)), None)
    last_day: date | None = None  # the last day the sections gave, for the next one's bare days
    lead_visit = the_leads_visit(reading) if around is None else None
    boxed = days_of_the_box(reading)  # a gathering's box too, whose days date a meeting on its sidelines
    legs: list[LegTold] = []  # the sections of a tour's legs, each headed by its state
    numbered_years = years_of_the_numbered_rows(reading)  # === 第四次会议 === of the table's 第四次 row
    visit_boxed = days_of_the_visit_box(reading)  # a visit's box: the month its account's bare days are of
    for order, (section, section_sentences) in enumerate(reading.by_section.items()):
        carried = last_day if last_day is not None and last_day.year == told_year else None
        before = len(found)
        number = ordinal_in(to_hans(section.heading)) if section is not None and numbered_years else None
        reached, day, told = _find_in(reading, people, sources, section, section_sentences, lead_venues, found,
                                      numbered_years.get(number, year), around, tabled_spans, carried, lead_visit,
                                      boxed, subject, visit_boxed)
        documents_of_the_meeting_told_last(reading, found[before:])
        if told is not None and (leg_state := state_of_the_leg(reading, section)) is not None:
            legs.append(LegTold(order, section.level, *told, before, len(found), leg_state))
        if not _a_background(section):  # the past a background tells: the sections after it go on from before it
            year = reached
        last_day = day or last_day
    legs_run_to_the_next(reading, people, found, legs)
    if around is None:  # the lead tells of the summits too: an article about one may say it all there
        in_sections = list(found)
        _find_in(reading, people, sources, None, reading.lead, lead_venues, found, None, tabled=tabled_spans,
                 subject=subject)
        found[:] = in_sections + join_mentions(reading, people, in_sections, found[len(in_sections):],
                                               frozenset(s.id for s in tabled))
    else:  # the lead of a boxed summit may tell of a meeting on other days (此前，甲于3月2日在某城同乙会谈)
        found[:] = found + join_mentions(reading, people, found, _apart_in_the_lead(
            reading, people, sources, lead_venues, tabled_spans, found, around, subject), frozenset(s.id for s in tabled))
    found[:] = found + join_mentions(reading, people, found, list(tabled), boxed=around.id if around is not None else None)
    found[:] = one_meeting_told_in_parts(reading, people, several_of_one_visit(reading, people, found),
                                         around.id if around is not None else None)
    from kg.extract.visits import one_summit_per_visit  # visits.py builds on this module
    summits = fill_from_neighbours(reading, people, one_summit_per_visit(reading, people, one_span_each(reading, found), around))
    summits = tuple(a_row_and_its_account(reading, people, list(summits), tabled_spans))
    summits = met_during_the_visit(reading, people, summits)
    if around is None and len(summits) > 1 and not a_bodys_gathering(subject):
        # an article about one summit may tell of others too; a body's gathering is none of them (its documents, its number)
        documents_of_the_definition(reading, summits)
        number_the_defined_summit(reading, summits)
    rows_number_their_summits(reading, summits)
    _one_summit_per_ordinal(reading, summits + ((around,) if around else ()), around)
    summits = legs_span_their_rows(reading, summits)  # once numbered: a leg's days make no summit the lead's
    if around is None:
        if len(summits) == 1 and not _on_a_gatherings_days(summits[0]):  # the subject is the gathering, not it
            documents_of_the_subject(reading, summits[0].start, summits[0].end, summits[0].id)
            _number_of_the_subject(reading, summits[0])
        return summits
    documents_of_the_subject(reading, around.start, around.end, around.id)
    around = meetings_of_the_visit(reading, people, around)
    kept = [around]
    flagged = sides_the_box_flags(reading.registry, around)
    boxed_venue = [v for v in reading.registry.facts_about(around.id, Prop.VENUE)][:1]
    venue = boxed_venue[0] if boxed_venue else None
    for summit in summits:
        if summit.id == around.id:  # the prose found the infobox's summit itself: its days stand
            for prop, day in ((Prop.START_DATE, around.start), (Prop.END_DATE, around.end)):
                _the_boxs_day_stands(reading.registry, around.id, prop, day)
            venue = finer_venue(reading, venue, reading.registry.facts_about(around.id, Prop.VENUE))
            continue
        if a_meeting_apart(people, summit, around, flagged):
            kept.append(summit)
        elif summit.start <= around.end and around.start <= summit.end:
            reading.registry.move(summit.id, around.id, Prop.OUTCOME)
            if not reading.registry.has_fact(around.id, Prop.ORDINAL):
                reading.registry.move(summit.id, around.id, Prop.ORDINAL)
            finer = finer_venue(reading, venue, reading.registry.facts_about(summit.id, Prop.VENUE)) \
                if _of_the_boxs_sides(people, summit, around) else venue
            if finer != venue:  # the prose says where in the infobox's place they met
                reading.registry.move(summit.id, around.id, Prop.VENUE)
                venue = finer
            reading.registry.forget(summit.id)
        elif told_within(summit, around) and not a_meeting_apart(people, summit, around, flagged) \
                and not two_before_or_after_a_gathering(people, summit, around):
            reading.registry.forget(summit.id)  # its talks are the summit's: the box's days stand
        else:
            kept.append(summit)
    if venue is not None:
        venue = finer_in_prose(reading, people, around, venue)
        reading.registry.keep_only(around.id, Prop.VENUE, venue)
    return tuple(kept)


def _apart_in_the_lead(reading: Reading, people: People, sources: Sources, lead_venues, tabled_spans,
                       found: list[SummitFound], around: SummitFound, subject: str) -> list[SummitFound]:
    """The meetings the lead of a boxed summit tells on days wholly outside the box's (a visit
    the leader paid just before: 此前，他于3月2日在某城同乙举行了会谈). Only the lead's sentences
    dated wholly outside the box's days are read (the rest tell the box's own summit, which the box
    and the sections give), and a meeting they still date within those days is taken back."""
    year = around.start.year
    outside = [sentence for sentence in reading.lead
               if (dates := find_dates(sentence.hans, year=year))
               and all(d.end < around.start or around.end < d.start for d in dates)]
    told: list[SummitFound] = []
    _find_in(reading, people, sources, None, outside, lead_venues, told, year, tabled=tabled_spans, subject=subject)
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


def _number_of_the_subject(reading: Reading, summit: SummitFound) -> None:
    """An article about one summit numbers it in its lead, before any section does."""
    numbered = ordinal_of_the_subject(reading, summit.start, summit.end)
    if numbered:
        reading.registry.drop(summit.id, Prop.ORDINAL)
        reading.registry.fact(summit.id, Prop.ORDINAL, numbered[0], evidence=(numbered[1].evidence(),))


def _one_summit_per_ordinal(reading: Reading, summits, around: SummitFound | None = None) -> None:
    """Two summits the text numbers alike: 首次 stays with the earlier one; any other number
    said of two is dropped from both, with an issue (a guess would break the series). A meeting
    within the days of the summit an infobox states is that summit (``7月10日，第三十届甲乙峰会在某都举行``
    in an article about a visit of 8 to 10 July that its lead says held it): the number stays with the box's."""
    registry = reading.registry
    by_number: dict[int, list[SummitFound]] = {}
    unique = {s.id: s for s in summits}.values()
    for summit in sorted(unique, key=lambda s: (s.start, s.id.key)):
        for number in registry.facts_about(summit.id, Prop.ORDINAL):
            by_number.setdefault(number, []).append(summit)
    for number, claimants in by_number.items():
        if around is not None and any(s.id == around.id for s in claimants):
            within = [s for s in claimants if s.id != around.id and around.start <= s.start and s.end <= around.end]
            for summit in within:
                registry.drop(summit.id, Prop.ORDINAL)
            claimants = [s for s in claimants if s not in within]
        if len(claimants) < 2:
            continue
        losers = claimants[1:] if number == 1 else claimants
        for summit in losers:
            registry.drop(summit.id, Prop.ORDINAL)
        reading.note(f"the text numbers {len(claimants)} meetings as no. {number} "
                     f"({', '.join(s.start.isoformat() for s in claimants)}); "
                     + ("kept on the earliest" if number == 1 else "left out of all"), None, Severity.WARNING)


def _a_background(section) -> bool:
    return section is not None and BACKGROUND.match(to_hans(section.heading).strip()) is not None


def _the_leads_month(reading: Reading) -> tuple[int, int] | None:
    """The one year and month the lead's first paragraph dates its subject by when it gives no day
    (``…于2018年4月出席某论坛年会前后…举行的一系列双边会见``), worked out once a page (each section asks)."""
    remembered = reading.index.remembered
    if _the_leads_month not in remembered:
        first = [s for s in reading.lead if s.paragraph == reading.lead[0].paragraph] if reading.lead else []
        months = {(m.year, m.month) for s in first for m in find_year_months(s.hans) if m.month is not None}
        dated = any(d.year_given for s in first for d in find_dates(s.hans))
        remembered[_the_leads_month] = months.pop() if len(months) == 1 and not dated else None
    return remembered[_the_leads_month]


def _find_in(reading, people, sources, section, section_sentences, lead_venues, found,
             running_year: int | None, around: SummitFound | None = None, tabled: tuple[Span, ...] = (),
             carried: date | None = None, lead_visit: VisitTold | None = None,
             boxed: tuple[date, date] | None = None, subject: str = "",
             visit_boxed: tuple[date, date] | None = None) -> tuple[int | None, date | None, tuple[date | None, date | None, bool, tuple[date, ...]] | None]:
    """Finds the summits of one section; returns the year the text has reached, the
    last day it gave, and, when its heading gives the section no leg's days of its own, the
    first day its text gives, the last it has a leader leave on, whether that first day's
    sentence has a leader arrive, and the days it gives (a tour's leg, ``legs.py``).

    A day without a year (``11月19日``) takes, in this order: the heading's year, the
    infobox summit's year when the day falls in its days, the year of the visit the lead
    dates (``于1978年11月5日至14日对…进行的访问``) when it falls in it, the lead's year when the lead dates
    its subject by a month alone (``于2018年4月出席…``) and the day falls in that month, the year of the source
    cited for it, and last the year the text had reached before. A day without a month at the
    start of a sentence (``17日上午，…``) in a section whose heading and text gave no day
    yet is of ``carried``'s month, the last day the sections before gave in the year the
    article is about, when it is not before that day: an account of a visit told place by
    place (``=== 堪培拉 ===``) goes on with the days of the month it started in. A section's
    ``访问期间`` with no visit told in its paragraph is of ``lead_visit``, the visit the lead
    tells. A meeting told on a gathering's days alone (``峰会期间，甲会见了乙``) is of the day its
    paragraph told, else, in a section that told no day yet, of the days ``boxed``, the infobox's.
    ``subject`` is what the article is about (:func:`_subject_of`): a meeting held in an article about
    a body's gathering may be that gathering. ``visit_boxed``: the days a visit's box gives, whose month a bare day
    opening the account is of when it falls near them.
    """
    year, month = heading_time(section) if section is not None else (None, None)
    lead_month = _the_leads_month(reading) if around is None else None
    heading_day = day_of_the_heading(section, year or year_above(reading, section, around))  # === 10月21日 ===
    day: date | None = heading_day  # the last day the section's text gave
    visit: VisitTold | None = None  # the visit the paragraph told (于…至…对乙国进行的访问, …抵达某城)
    visit_met = False  # whether the sentence telling that visit tells a meeting too (由总理乙会见)
    visit_sentence: Sentence | None = None  # that sentence
    dated_before = None  # the paragraph of the sentence before, when that sentence gave a day
    dated_paragraph = None  # the paragraph of the last sentence that gave a day
    told_in = None  # the paragraph of the last sentence that gave a day (not in a background's account)
    background = _a_background(section)
    met_on: date | None = None  # the day of the last meeting the section told
    if heading_day is not None and year is None:
        year = heading_day.year  # its days without a year are of the heading's
    leg_year = year or running_year or year_above(reading, section, around) or year_of_the_leads_month(reading)
    leg = heading_leg(section, year or running_year, lead_visit) \
        or leg_told_in_prose(reading, section, section_sentences, leg_year)
    arrived = leg_from_its_arrival(reading, section, section_sentences, leg_year, around) if leg is None else None
    leg = leg or arrived  # 4月27日，甲抵达某都，开始对乙国进行国事访问…29日，甲结束对乙国的访问
    before = len(found)
    opens: date | None = None  # the first day the section's text gives
    leaves: date | None = None  # the last day it has a leader leave (结束对乙国的访问)
    arrives = False  # whether the sentence giving that first day has a leader arrive
    days_told: list[date] = []  # the last day of each date the section's text gives
    arrivals: list[Arrival] = []  # leaders arriving on a day the section told (10日，甲抵达某城)
    landed: Arrival | None = None  # the arrival the paragraph last told, while it tells that day
    listing: tuple[int, date] | None = None  # the paragraph and day of a sentence introducing a list of meetings
    visits_year = around.start.year if around is not None else lead_visit.days.start.year if lead_visit is not None \
        else first_year(reading.lead)  # the year of the visit the article is about
    for i, sentence in enumerate(section_sentences):
        of_the_visit: Sentence | None = None  # the sentence telling the visit whose talks this undated one tells
        at = sentence.span_of(0, 0).start
        in_table = any(span.start <= at < span.end for span in tabled)  # a row: only what its cells say
        months = [m for m in find_year_months(sentence.hans) if (m.month is not None or m.at <= 2)
                  and not _SINCE.match(sentence.hans, m.stop)  # 2021年12月就任总理以来: no time the text moves to
                  and not (_FROM_THEN.search(sentence.hans, 0, m.at) and _ON_FROM_IT.match(sentence.hans, m.stop))
                  and not PLANNED_FOR.search(sentence.hans, 0, m.at) and not _took_office_in_an_aside(sentence.hans, m)]
        aside = _an_aside_of_years_before(sentence, year or running_year or (around.start.year if around else None)
                                          or (lead_visit.days.start.year if lead_visit else None), dated_paragraph) \
            or _THE_ONE_BEFORE.match(sentence.hans) is not None
        if months and (year is None or months[0].year != year) and not aside \
                and not _after_the_day_told(sentence.hans, months[0], year):
            year = months[0].year  # "2006年4月，…4月16日", "1986年，…": the days that follow are of that year
        elif not months and i and (went_on := _month_the_sentence_before_went_on_to(section_sentences[i - 1], sentence)):
            year = went_on  # 2010年6月…，于2011年3月首次访美。3月7日，…: the month the account went on to
        elif not months and visits_year is not None and not any(d.year_given for d in find_dates(sentence.hans)) \
                and (_THIS_VISIT.search(sentence.hans) or _ON_THE_EVE.search(sentence.hans) and not (
                    i and section_sentences[i - 1].paragraph == sentence.paragraph
                    and find_year_months(section_sentences[i - 1].hans))) \
                and not _a_visit_with_its_year_before(section_sentences, i):
            year = visits_year  # ¶2031年…。¶此次访华前，甲先访问了乙国。6月2日，…: the days of the article's visit's year
        dates = [_in_the_year_gone_on_to(sentence.hans, d) for d in find_dates(sentence.hans, year=year)
                 if not _a_deadline(sentence.hans, d)]
        if year is None and (given := next((d for d in dates if d.year_given), None)) is not None:
            # 他于2017年2月15日…会谈；3月14日…；5月3日，乙访问…: the days told after a full date, going on from it, are of
            # its year (not a day before it, 抵达某都，5月4日在广场…, which the account does not go on to)
            dates = [d for d in find_dates(sentence.hans, year=given.start.year) if not _a_deadline(sentence.hans, d)
                     and (d.year_given or d.at > given.at and d.start >= given.end)]
        explicit = [d for d in dates if d.year_given and not PLANNED_FOR.search(sentence.hans, 0, d.at)]
        if explicit and not aside:
            year = explicit[-1].start.year
        dates = [d for d in dates if not TOOK_OFFICE.match(sentence.hans, d.stop) and not _an_events_day(sentence, d)]
        date_basis = None
        if not dates and year is None:  # "12月1日" under a heading without a year
            dates = _within(find_dates(sentence.hans, year=around.start.year), around) if around else []
            if not dates and lead_visit is not None:  # 11月12日 in a section of the visit the lead dates
                dates = [d for d in find_dates(sentence.hans, year=lead_visit.days.start.year)
                         if lead_visit.days.start <= d.start <= lead_visit.days.end]
            if not dates and lead_month is not None:  # 4月10日 in an account of the lead's 于2018年4月出席…
                dates = [d for d in find_dates(sentence.hans, year=lead_month[0]) if (d.start.year, d.start.month) == lead_month]
            if not dates:  # 12月15日 in a section of its own, of the lead's 于2033年12月15日…发表: not a source's anniversary
                dates = _on_a_day_the_lead_tells(reading, sentence)
            if not dates:
                dates, date_basis = dated_by_citation(reading, sources, sentence, running_year)
            if not dates and running_year is not None:
                dates = find_dates(sentence.hans, year=running_year)
            dates = [d for d in dates if not _a_deadline(sentence.hans, d)]  # 于2039年12月31日前: by then, no day told
        dates = [d for d in dates if not _a_gatherings_days(sentence.hans, d)  # 出席4月12日至13日举行的某某峰会
                 and not _a_series_days(sentence.hans, d)]  # 于28日至29日…同多国领导人举行的一系列双边会晤
        if day is None and not dates and not background and visit_boxed is not None \
                and (bare := bare_day(sentence.hans, 0) or day_after_the_subject(sentence.hans)) \
                and _near_the_box(visit_boxed, int(bare["d"])):
            day = visit_boxed[0]  # 甲于17日…¶18日上午，… of a visit boxed 2036年10月18日: the box's month, not a plan's before
        if day is None and not dates and carried is not None and ((bare := bare_day(sentence.hans, 0)
                                                                            or day_after_the_subject(sentence.hans))
                                                                  and int(bare["d"]) >= carried.day
                                                                  or opens_from_the_last_day(sentence.hans)
                                                                  and MEETING.search(sentence.hans)):
            day = carried  # 17日上午，… (翌日，…与乙会谈) under a heading of a place: the month (the day) the account had reached
        opens_a_paragraph = i == 0 or section_sentences[i - 1].paragraph != sentence.paragraph
        relative = relative_days(sentence.hans, dates, day,  # ¶张三于25日抵达某都后，立即与李四会谈
                                 subjects_day=opens_a_paragraph and not _within_a_visit(visit, day))
        if heading_day is not None and opens is None:  # === 5月23日 ===¶次日上午，…: the day after the last section's
            relative = [heading_is_the_next_day(sentence.hans, d, heading_day) for d in relative]
        said_before = section_sentences[i - 1].hans if i and not opens_a_paragraph else ""  # 同月18日's month
        monthly = days_of_the_month(sentence.hans, year, before=said_before)
        relative = [d for d in relative if not any(m.at == d.at for m in monthly)]  # ¶2035年10月，…。16日: October's
        dates = sorted(dates + relative + monthly, key=lambda d: d.at)
        if opens is None and dates:
            opens, arrives = dates[0].start, ARRIVING.search(sentence.hans) is not None
        leaves = day_of_leaving(sentence.hans, dates, day) or leaves
        days_told += [d.end for d in dates]
        if (visit or lead_visit) is not None and DURING_THE_VISIT.match(sentence.hans) and leg is None \
                and not (visit or lead_visit).tour \
                and not _one_by_one_on_a_tour(reading, sentence, visit, visit_sentence) \
                and (not dates or MEETING.search(sentence.hans, 0, dates[0].at)):  # a tour's days are no one meeting's
            # 访问期间，甲与乙举行会谈: on the visit's days (of the lead's, in a section); so too the talks before a
            # day another clause gives its own act (访问期间，甲与乙多次晤谈，并于9月1日在某城发表演说)
            days = (visit or lead_visit).days
            dates = [DateRange(days.start, days.end, 0, 0, True)] + dates
        elif (not dates or MEETING.search(sentence.hans, 0, dates[0].at)) and not months and leg is None \
                and not visit_met and _talks_of_the_visit(sentence, visit, in_the_lead=section is None) \
                and (section is not None or _no_box_disagrees(reading, visit)):
            # 甲于…至…访问乙国。甲同乙举行会谈 (，两国于12日发表共同声明: the later day the statement's); the lead's visit
            # of one day, where a visit's box dates it, only on the box's days (else the text disagrees with itself)
            dates = [DateRange(visit.days.start, visit.days.end, 0, 0, True)] + dates
            of_the_visit = visit_sentence  # its people keep the offices it and the visit's sentence write
        opens_going_on = i > 0 and told_in == section_sentences[i - 1].paragraph != sentence.paragraph \
            and (OPENS_GOING_ON.match(sentence.hans) or _named_then_going_on(sentence)  # …甲举行仪式欢迎乙。¶随后两国元首举行会谈
                 or _A_PART_OF_THAT_DAY.match(sentence.hans) is not None)  # 3日上午，甲抵达某都。¶下午，甲与乙会谈
        if dates:  # 3月2日，甲抵达某都。当晚，…: the arrival holds while the paragraph tells its day
            landed = arrival_in(reading, sentence, dates) or (landed if landed is not None and all(
                d.start == d.end == landed.day for d in dates) else None)
        # 会晤结束后，甲随即前往会见丙: the meeting's day, not the last day told
        after_the_meeting = met_on is not None and _RIGHT_AFTER.match(sentence.hans) is not None
        if day is not None and not after_the_meeting and (
                dated_before == sentence.paragraph and (_BACK_SUBJECT.match(sentence.hans)
                                                        and not _goes_on_with_a_call(section_sentences, i)
                                                        or _after_the_ceremony_just_told(section_sentences, i)
                                                        and not a_bodys_gathering(subject))
                or (told_in == sentence.paragraph or opens_going_on) and not dates and not months
                and not _A_PERIOD_OPENS.match(sentence.hans)
                and (GOES_ON.search(sentence.hans) or _GOES_ON_AT_ONCE.search(sentence.hans)
                     or met_one_by_one(reading, sentence) is not None
                     or _AFTER_A_CEREMONY.match(sentence.hans) and not a_bodys_gathering(subject)
                     or _A_PART_OF_THAT_DAY.match(sentence.hans) is not None and not _in_the_box(day, around)
                     or landed is not None and day == landed.day
                     and talks_of_the_arrived(reading, sentence, landed, met_that_day=met_on == day))):
            dates = [DateRange(day, day, 0, 0, False)] + dates  # 3日，甲与乙抵达某城。三位领导人举行会晤: that day
        elif after_the_meeting or day is not None and _RIGHT_AFTER.match(sentence.hans):
            # 会晤结束后，甲随即前往会见丙: the meeting's day; or the day told last, of the talks a box's reading takes
            dates = [DateRange(met_on or day, met_on or day, 0, 0, False)] + dates
        elif not dates and ON_A_GATHERINGS_DAYS.match(sentence.hans):
            dates = _the_gatherings_days(day if told_in == sentence.paragraph else None, None if day else boxed)
        dated_before = sentence.paragraph if dates else None
        dated_paragraph = sentence.paragraph if dates else dated_paragraph
        if dates and not background:  # the day a 随后 goes on from: one day told (not a visit's span)
            told_in = sentence.paragraph if all(d.start == d.end for d in dates) else None
        if (told_now := visit_told(sentence, dates, visit)) is not visit and told_now is not None:
            visit_met, visit_sentence = MEETING.search(sentence.hans) is not None, sentence
        visit = told_now
        arrivals += arrivals_told(reading, sentence, dates)
        if not dates and listing is not None and listing[0] == sentence.paragraph:
            dates = [DateRange(listing[1], listing[1], 0, 0, False)]  # an item of the day's list of meetings
        listing = (sentence.paragraph, dates[0].start) if len(dates) == 1 and dates[0].start == dates[0].end \
            and _INTRODUCES_MEETINGS.search(sentence.hans) else listing
        if not dates and heading_day is not None and day is not None and not _LATER_ON.match(sentence.hans):
            dates = [DateRange(day, day, 0, 0, False)]  # under a day's heading, a sentence is of the day last given
        if dates:  # the day the next sentence's 当天 is: the one heading this sentence, else its last
            day = dates[0].start if not sentence.hans[:dates[0].at].strip() else dates[-1].start
        if not dates and leg is not None and (arrived is None or DURING_THE_VISIT.match(sentence.hans)):
            # === 乙国（11月9日至12日） ===: 在与乙国总理的会谈中… is of those days (not a day's sentence that goes on)
            dates = [DateRange(leg.start, leg.end, 0, 0, True)]
        if not dates:
            continue  # no day: no meeting to find (whether it was held, and met one by one, not asked)
        if not_held(sentence.hans) or (i > 0 and _DURING_IT.match(sentence.hans) and _of_officials_told_before(
                reading, section_sentences[i - 1], sentence)):
            continue
        told: list[tuple[int, int, date]] = []  # each meeting the sentence tells, once (…当月28日会面；2009年5月26日再度会见)
        several = met_one_by_one(reading, sentence)
        days_clauses = [(d.start, found_clause) for d in dates
                        if (found_clause := meeting_clause(sentence.hans, d)
                            or _the_signings_clause(signing_clause(sentence.hans, d))) is not None]
        for meeting in dates:
            clause = meeting_clause(sentence.hans, meeting)
            if clause is not None and a_tours_days(reading, sentence, meeting):
                continue  # 于7月19日至28日对甲国、乙国和丙国进行国事访问，并出席某某峰会 (其间举行了…会晤): a tour's days, no one meeting's
            if clause is not None and not welcomed_by_a_leader(reading, sentence, clause):
                clause = None  # 外长丙到机场迎接: an official's welcome, no meeting of leaders
            if clause is not None and the_gathering_held(sentence.hans, clause, subject):
                clause = None  # 会晤在某会展中心举行 in an article about a gathering of many: the gathering itself
            if clause is not None and only_a_banquet(sentence.hans, clause) \
                    and any(MEETING.search(later.hans) for later in section_sentences[i + 1:]):
                clause = None  # 次日晚，乙设家宴款待甲。13日，两国元首举行会谈: the talks the account goes on to are the meeting
            named = as_written = False  # a signing whose signers the clause names: only they met
            if clause is None and (signing := signing_clause(sentence.hans, meeting)) is not None:
                clause, named, as_written = signing
            later = clause is not None and another_later_that_day(sentence.hans, clause[0]) is not None  # …；当晚又会见丙
            if clause is None or any((a < clause[1] and clause[0] < b and not days_of_each(sentence.hans, dates, meeting))
                                     or when == meeting.start and not later for a, b, when in told):
                continue  # a clause told already, or a day told already: one summit a day a sentence
            if several is not None and clause[0] < several.end and several.begin < clause[1]:
                continue  # the meetings told one by one, below
            welcome = only_a_welcome(sentence.hans, clause)  # 甲抵达某城，乙到机场迎接: the visit it begins
            visit_end = end_of_the_visit(reading, sentence, clause, meeting.start, section_sentences, i, year) \
                if welcome else None
            if welcome and (visit_end is A_GATHERING_NEXT or date_basis is not None and meeting.start.year != running_year):
                continue  # a welcome a source's date alone dates in another year than the text has reached
            if welcome and (going := the_visit_going_on(reading, sentence, clause, meeting.start, found[before:])) is not None:
                if around is None or going.id != around.id:  # the boxed visit's days stand
                    goes_on_to(reading, found, going, visit_end)  # …25日，甲抵达某岛，乙亲自到码头迎接…29日，甲离开乙国
                continue  # 25日，甲抵达某岛，乙亲自到码头迎接 on the visit begun on the 21st
            if welcome:  # 乙到机场迎接，并让其女儿丙出面接待: those named after the welcome did not meet
                clause = (clause[0], WELCOMES.search(sentence.hans, *clause).end())
            told.append((*clause, meeting.start))
            elsewhere = tuple(other for when, other in days_clauses  # 7日，甲同乙会谈，8日会见丙: 乙 is the 7th's
                              if (when != meeting.start or later or clause[1] <= other[0]
                                  and another_later_that_day(sentence.hans, other[0]) is not None)
                              and (other[1] <= clause[0] or clause[1] <= other[0]))  # …，随后又于同日飞往某城，与丙…
            summit = _summit(reading, people, sources, section, section_sentences, i, meeting, lead_venues,
                             date_basis, clause, infer=not in_table and not named, numbered=heading_day is None,
                             set_aside=_met_one_by_one_only(sentence, several, clause), offices_as_written=as_written,
                             written_in_the_visit=of_the_visit, elsewhere=elsewhere, signers_named=named)
            if around is not None and summit is not None and summit.start < around.start <= (visit_end or summit.end):
                visit_end = around.start - timedelta(days=1)  # the summit the article boxes keeps its own days
            if around is not None and summit is not None and summit.id == around.id:
                visit_end = None  # the welcome on the boxed visit's first day: the box's days stand
            if summit is not None and visit_end is not None and summit.end < visit_end:
                summit = over_the_visit(reading, summit, visit_end)
            earlier = next((s for s in found if summit is not None and s.id == summit.id), None)
            if earlier is not None and i > 0 and earlier.anchor is section_sentences[i - 1]:
                talks_held_after_the_welcome(reading, summit.id, earlier.anchor, sentence)  # …欢迎仪式。随后，两人在某宫会谈
            if summit is not None and earlier is None:
                found.append(summit)
            if summit is not None:
                met_on = summit.start
        # the day told before the meetings: before their clause, or one day in it (甲于5月6日分别会见了乙和丙)
        meeting = next((d for d in reversed(dates) if d.at <= several.begin or d.start == d.end
                        and several.clause <= d.at < several.said), None) if several else None
        if meeting is not None and meeting.start == meeting.end and sum(d.at <= several.begin for d in dates) == 1 \
                and _LEGS_IN_TURN.search(sentence.hans, meeting.stop, several.end):
            meeting = None  # 26日，甲启程，先后访问乙国、丙国和丁国，分别同…会谈: each on its leg's day, not given
        for pair in _meetings_of(reading, people, sentence, several) if several and meeting else ():
            summit = _summit(reading, people, sources, section, section_sentences, i, meeting, lead_venues,
                             date_basis, (several.begin, several.end), infer=False, numbered=False, only=pair)
            if summit is not None and all(s.id != summit.id for s in found):
                found.append(replace(summit, one_of_several=True))
    found[before:] = from_the_arrivals(reading, found[before:], arrivals)
    if leg is None and not background:
        found[before:] = to_the_leaving(reading, found[before:], section_sentences, year or running_year, around, people.sides)
        found[before:] = to_the_last_day_together(reading, found[before:], section_sentences, around)
        found[before:] = to_the_days_told_after(reading, found[before:], section_sentences, around)
        found[before:] = from_the_talks_begun(reading, found[before:], section_sentences, around)
    if leg is not None:
        state = state_of_the_leg(reading, section)
        found[before:] = one_summit_per_leg(reading, people, [over_the_leg(reading, summit, leg, people, state)
                                                               for summit in found[before:]], leg)
    if section is not None:
        in_the_state_of_the_heading(reading, section, found[before:])
    return year or running_year, day, (opens, leaves, arrives, tuple(days_told)) \
        if leg is None and not background else None


def _the_signings_clause(signing) -> tuple[int, int] | None:
    """The clause of a signing told (:func:`signing_clause`), if one is."""
    return signing[0] if signing is not None else None


def _of_the_boxs_sides(people: People, summit: SummitFound, around: SummitFound) -> bool:
    """Whether everyone a meeting on the boxed summit's days names is one of the box's people or of their sides:
    where they met is where the box's summit was held. Not a meeting with someone the article gives no office
    (``同日下午，甲在某酒店与[[丙]]会面``): that place is another meeting's."""
    sides = {people.sides.get(p) for p in around.participants} - {None}
    return all(p in around.participants or people.sides.get(p) in sides for p in summit.participants)


def _the_boxs_day_stands(registry, summit, prop: Prop, day) -> None:
    """The first or last day the infobox gives its summit stands against the prose's: the other days are
    forgotten, and where a reading since moved the box's own day (an arrival told the day before the talks),
    the box's day takes their place, with their evidence: a summit never left without it."""
    told = registry.facts_recorded(summit, prop)
    others = [fact for fact in told if fact.value != day]
    if others and len(others) == len(told):
        registry.fact(summit, prop, day, evidence=tuple(e for fact in others for e in fact.evidence))
    registry.keep_only(summit, prop, day)


def _subject_of(reading: Reading) -> str:
    """What the article is about, as its title and its summit box's name write it."""
    boxes = summit_infoboxes(reading)
    named = next((p.value for p in boxes[0].params if p.name.strip() == "name"), "") if boxes else ""
    return to_hans(f"{reading.document.title or ''} {named}")


def _talks_of_the_visit(sentence: Sentence, visit: VisitTold | None, *, in_the_lead: bool = False) -> bool:
    """Whether an undated sentence tells the talks of the visit of several days its paragraph
    told before it (``2006年2月19日至23日，甲应邀对乙国进行国事访问。乙同甲举行正式会谈``), or, in the lead, of
    the visit of one day it told (``…是甲于2032年2月15日对乙国进行的访问。甲在某宫同乙会谈``; the lead's visit of
    several days is often a tour, whose talks each leg's days date): they were
    held on the visit's days, unless the sentence moves to another time (``此前，甲曾同乙会谈``,
    ``此访之后，…``), gives a later day of the visit (``7日专程南下某城``), is an aside (``这是两人首次会晤``),
    or only talks of a meeting (``甲在会谈中说``, ``落实某城会晤的共识``). The caller asks it only where the sentence telling the visit tells no meeting of
    its own, whose summit the visit's is (``…访华，由总理丙会见并陪同参观。随后，…``)."""
    if visit is None or visit.paragraph != sentence.paragraph or _ANOTHER_TIME.match(sentence.hans) \
            or (visit.days.end == visit.days.start) != in_the_lead:
        return False
    if any(int(day["d"]) != visit.days.start.day for day in DAY_ONLY.finditer(sentence.hans)):
        return False  # …会谈后，7日专程南下某城，同乙举行非正式会晤: a later day of the visit, told on its own
    said = _SAID.search(sentence.hans)
    before = said.start() if said else len(sentence.hans)  # 甲说：…同乙进行会晤: a meeting talked of
    return any(not _A_MEETINGS.match(sentence.hans, met.end()) for met in MEETING.finditer(sentence.hans, 0, before))


#: Between a day and the meetings told one by one after it, places visited in turn (先后访问乙国、丙国和丁国，分别同
#: …会谈): each meeting is on the day of its own leg, which the text does not give, not on that day (a departure's).
_LEGS_IN_TURN = re.compile(r"(?:先后|相继|依次)(?:访问|出访|前往|到访)[^，,。；;]*?[、和与及]")


def _on_a_gatherings_days(summit: SummitFound) -> bool:
    """Whether a summit is a meeting told on a gathering's days alone (``峰会闭幕后，甲与乙举行会谈``)."""
    return summit.anchor is not None and ON_A_GATHERINGS_DAYS.match(summit.anchor.hans) is not None


#: How many days off a visit's boxed days its account's first bare day may be (the visitor's departure the day before).
_NEAR_THE_BOX = timedelta(days=3)


def _near_the_box(boxed: tuple[date, date], day: int) -> bool:
    """Whether a day of the month, read in the box's first month, is one of the boxed days or a few days off them."""
    try:
        return boxed[0] - _NEAR_THE_BOX <= boxed[0].replace(day=day) <= boxed[1] + _NEAR_THE_BOX
    except ValueError:
        return False


def _the_gatherings_days(told: date | None, boxed: tuple[date, date] | None) -> list[DateRange]:
    """The days of a meeting told on a gathering's days alone: the day its paragraph told (``某年11月11日，
    某峰会在某城举行。峰会期间，甲会见了乙``), else the days of the article's infobox."""
    if told is not None:
        return [DateRange(told, told, 0, 0, False)]
    return [DateRange(boxed[0], boxed[1], 0, 0, False)] if boxed else []


#: A sentence telling what was said at the meeting just told (会见时，…; 会谈中，…).
_DURING_IT = re.compile(r"(?:在)?(?:会见|会谈|会晤|会面)(?:时|中|期间|过程中)")


def _of_officials_told_before(reading: Reading, before: Sentence, sentence: Sentence) -> bool:
    """Whether the sentence before, in the same paragraph, tells a leader meeting officials
    below the top (``甲会见乙国特使团。会见时，…``): what was said at it is of no summit either."""
    return before.paragraph == sentence.paragraph and MEETING.search(before.hans) is not None \
        and meets_officials_only(reading, before, None)


def _meeting_table_spans(reading: Reading) -> tuple[Span, ...]:
    return tuple(table.span for table, _ in meeting_tables(reading))


def _within(dates, around: SummitFound):
    """The days near enough the boxed summit's to be told in its account (its visit)."""
    return [d for d in dates if around.start - SAME_VISIT <= d.start <= around.end + SAME_VISIT]


#: The head of a society or a foundation (海基会董事长, 海协会会长): a body's, not a side's top leader.
_HEADS_A_BODY = re.compile(r"董事长|会长")


def _heads_of_a_body(reading: Reading, participants: dict[str, Participant]) -> set[str]:
    """Drops the people the article titles only as heads of a society or a foundation
    (``某基金会董事长甲在某城与乙国主席乙会面``): a semi-official body's head meeting a leader,
    or another such head, holds no summit. Returns whom it dropped. Not the two an article
    about their meeting is about (``张李会谈是某基金会董事长张三与某协会会长李四…举行的会谈``):
    a meeting that is the article's subject counts whatever their rank; their meeting with someone else does
    not (``1998年10月18日，张三与乙国主席丙会面``: the head of a body meeting a leader)."""
    subject = {key for key, _, _ in subject_pair(reading)} if MEETING.search(to_hans(reading.document.title or "")) \
        else set()
    if not subject <= set(participants):
        subject = set()
    dropped = set()
    for key in [k for k in participants if k not in subject]:
        titles = [to_hans(title) for title in written_titles(reading, key)]
        if titles and all(_HEADS_A_BODY.search(title) for title in titles):
            del participants[key]
            dropped.add(key)
    return dropped


#: The fewest participants of a session of a summit numbered by its own name: a meeting of two held
#: on its sidelines is a summit of its own, which the session's number does not count.
_SIDES_OF_A_SESSION = 3


def _met_one_by_one_only(sentence: Sentence, several: OneByOne | None, clause: tuple[int, int]) -> tuple[str, ...]:
    """Of the people a sentence has met one by one in another clause, those the meeting clause does not name itself:
    they are not its own. Those it names are (当天，甲与乙举行会晤…；丙也分别会见了甲和乙: 甲 and 乙 met each other too)."""
    if several is None:
        return ()
    named = {spot.key for spot in sentence.spots if clause[0] <= spot.start < clause[1]}
    return tuple(key for key in several.others if key not in named)


def _summit(reading, people, sources, section, sentences, index, when, lead_venues,
            date_basis: EntityId | None = None, clause: tuple[int, int] | None = None,
            infer: bool = True, numbered: bool = True, set_aside: tuple[str, ...] = (),
            only: tuple[str, ...] = (), offices_as_written: bool = False,
            written_in_the_visit: Sentence | None = None,
            elsewhere: tuple[tuple[int, int], ...] = (), signers_named: bool = False) -> SummitFound | None:
    """``infer``: whether people the sentence does not name may be inferred (not for a
    table row read as a sentence: the row itself is read by tables.py). ``numbered``:
    whether a number the sentence gives is the meeting's in its series (not in an account
    told day by day, where 第一次会晤 is the first session of the day's talks, unless the words
    before its meeting word name the series: 第四次甲乙丙领导人会议).
    ``set_aside``: people the sentence names as met in other meetings, one by one;
    ``only``: the people of one of those meetings. ``offices_as_written``: each participant keeps
    only the office the sentences write for them, none the article gives elsewhere; so do the people of talks
    ``written_in_the_visit`` tells the days of (甲于…至…访问乙国。甲同乙举行会谈), with the offices that sentence writes.
    ``elsewhere``: the clauses of the sentence that tell other days' meetings, whose ones met are theirs.
    ``signers_named``: a signing whose clause names its signers, only they met; one of them may be named by a pronoun
    (``3月3日，他在某宫与乙签署了…``), which stands for the one the sentence before names."""
    registry = reading.registry
    anchor = sentences[index]
    paragraph = [s for s in sentences if s.paragraph == anchor.paragraph and s.start >= anchor.start]
    before = [s for s in sentences[:index] if s.paragraph == anchor.paragraph and s.passage is anchor.passage]
    participants = stated_participants(reading, anchor, paragraph if infer else [], clause, elsewhere, before)
    if only or signers_named:  # 26日，他又分别会见了乙和丙: the host is the one 他 stands for
        from_the_pronoun(reading, participants, anchor, clause, sentences[max(0, index - 1):index])
    for key in [k for k in participants if k in set_aside or (only and k not in only)]:
        del participants[key]
    near = [s for s in sentences[max(0, index - 1):index] if not told_in_another_year(s, when.start)] + [anchor]
    dropped = below_the_top(reading, people, participants, near, when.start)  # before inferring: not one of the pair
    cited = citations_of(sources, [anchor] + paragraph)
    period = people.periods.get(section)
    if infer:  # 两人, 双方: the two the sentences before name, before any a source's title names
        from_the_sentences_before(reading, participants, anchor, [*_the_lists_intro(sentences, index),
                                                                  *sentences[max(0, index - 2):index]])
        from_citation_titles(reading, participants, cited, anchor)
        from_administration(reading, people, participants, period, section)
        from_leaders_in_office(reading, people, participants, when.start)
        from_the_pronoun(reading, participants, anchor, clause, sentences[max(0, index - 2):index])
        from_the_bare_office(people, participants, anchor, clause)
        from_the_subject(reading, participants, anchor, paragraph, section, stood_for=dropped)
        from_the_holders_before(reading, participants, anchor, sentences[max(0, index - 2):index])
        from_the_office_both_hold(people, participants, anchor)
    dropped |= below_the_top(reading, people, participants, near, when.start)
    dropped |= _heads_of_a_body(reading, participants)
    if only and len(participants) < 2:  # 分别会见了副总统丙，以及乙国总理丁: the one met is below the top
        reading.note(f"one of the meetings told one by one on {when.start.isoformat()} is with someone below "
                     "the top; no summit made", anchor.span_of(0, 0).start)
        return None
    opens, said = _the_clauses_meeting(anchor.hans, clause, when)
    before = said.start() if said else len(anchor.hans)
    first = next((spot.key for spot in anchor.spots if opens <= spot.start < before and (reading.registry.is_a(spot.surface, Kind.PERSON)
                  or NOT_TOP.search(written_before(anchor, spot))) and not QUALIFIES.match(anchor.hans[spot.end:])),
                 None)  # the first person named, or the first name an official's title stands before
    own = who_met(anchor.hans, clause)  # not a clause after it: …举行会谈，并会见了议长丙
    if first in dropped or (first is not None and (written_below_the_top(reading, anchor, first)
                                                   or sends_someone(anchor, first))) \
            or any(a_party(anchor, key, own) for key in dropped) or meets_officials_only(reading, anchor, own):
        # 特使张三会见李四, 国家安全顾问张三会见李四: the one who met is not a top leader
        reading.note(f"the meeting on {when.start.isoformat()} is led by {first}, not a top leader; no summit made",
                     anchor.span_of(0, 0).start)
        return None
    if not participants:
        reading.note(f"a meeting on {when.start.isoformat()} names no participant; no summit made",
                     anchor.span_of(0, 0).start)
        return None
    if _of_one_state(people, participants):
        reading.note(f"the meeting on {when.start.isoformat()} names leaders of one state only; no summit made",
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
    # a day's account counts its talks (第一次会谈), but not the series it names (第四次甲乙丙领导人会议)
    number, said_in = _ordinal_said(anchor, paragraph) if numbered else (series_number_in(anchor.hans), anchor)
    if not number and numbered and len(participants) >= _SIDES_OF_A_SESSION:  # 第七次甲乙丙领导人会议在某都举行
        number, said_in = number_of_a_summit_held(anchor.hans), anchor
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
    welcome_ends = clause[1] if clause is not None and only_a_welcome(anchor.hans, clause) else None
    venue_of_the_anchor(reading, summit, anchor, when.start, lead_venues, when.at, welcome_ends, set(participants))
    record_participants(reading, people, summit, participants, [anchor] + paragraph,
                        welcome=anchor if welcome_ends is not None else None,
                        as_written=offices_as_written or written_in_the_visit is not None,
                        written_also=(written_in_the_visit,) if written_in_the_visit is not None else (),
                        of_its_year=written_in_the_visit is not None and not offices_as_written)
    outcomes(reading, summit, [s for s in sentences if not _after_an_earlier_meeting(s, anchor)], (when.start, end))
    return SummitFound(summit, section, when.start, end, anchor, keys)


def _of_one_state(people: People, participants) -> bool:
    """Whether all who met hold offices of one state (9月20日，甲国总理丙会见了她；9月27日，甲国主席丁会见她母子, of
    an envoy 她 the names do not reach): a summit is of two sides; not where one's state is unknown, nor where their
    offices are of two parties or communities (中共中央总书记 and 中国国民党主席, 某国希腊族领导人 and 某国土耳其族领导人: a
    party's or a community's side need not be the state its name gives)."""
    sides = {people.sides.get(key) for key in participants}
    parties = {party.group(0) for key in participants for office in people.offices.get(key, ())
               if (party := _PARTY_OR_COMMUNITY.search(to_hans(office).replace("中共", "中国共产党")))}
    return len(participants) >= 2 and len(sides) == 1 and None not in sides and len(parties) < 2


#: The party an office is of (中国共产党中央委员会主席, 中国国民党主席), or the community (塞浦路斯土耳其族领导人, 希腊族
#: 领导人): the two communities of one state meet as two sides, as two parties do.
_PARTY_OR_COMMUNITY = re.compile(r"[\u4e00-\u9fff]+?(?:党|族)")


def _meetings_of(reading: Reading, people: People, sentence: Sentence, several: OneByOne) -> tuple[tuple[str, ...], ...]:
    """The meetings a clause tells one by one: one each of those met (``分别会见密克罗尼西亚总统乙、萨摩亚总理丙``),
    but a single one where all of them are top leaders of one side and the host of another (``他先后与乙国国王丙及王储兼
    首相丁在某宫会谈``, ``先后与乙国总统丙和总理丁会面``): the visit's talks with that side's leaders in turn, one summit.
    Not where one met is below the top (``分别会见总理丙和人大常委会委员长丁``): each meeting is read on its own."""
    sides = {people.sides.get(key) for key in several.others}
    hosts = {people.sides.get(key) for key in several.hosts}
    if len(sides) == 1 and None not in sides and None not in hosts and not sides & hosts \
            and all(a_sides_top(reading, people, sentence, key) for key in several.others):
        return (tuple(sorted(several.hosts + several.others)),)
    if _one_sides_heads(reading, people, sentence, several):
        return (tuple(sorted(several.hosts + several.others)),)
    return several.pairs()


#: The head of state and the head of government of one state, by the offices written bare (国家主席 and 国务院总理,
#: 总统 and 总理): the two a visitor meets in turn on one visit.
_HEAD_OF_STATE = ("主席", "总统", "国王", "女王", "天皇", "苏丹", "埃米尔")
_HEAD_OF_GOVERNMENT = ("总理", "首相")


def _one_sides_heads(reading: Reading, people: People, sentence: Sentence, several: OneByOne) -> bool:
    """Whether a visitor met in turn two people only, one the head of state and the other the head of
    government, at least one of them of a state the article gives and the other of no other state (``甲对某都进行
    一日短访，分别与乙和丙会见、会谈``, 国家主席乙 written with no state): that state's two leaders met on one
    visit, one summit (the conventions: a state visit's talks are one summit), not one with each."""
    if len(several.others) != 2 or not all(a_sides_top(reading, people, sentence, key) for key in several.others):
        return False
    sides = {people.sides.get(key) for key in several.others}
    hosts = {people.sides.get(key) for key in several.hosts}
    known = sides - {None}
    if len(known) != 1 or known & hosts:
        return False
    offices = [list(people.offices.get(key, ())) for key in several.others]
    heads = [any(to_hans(o).endswith(_HEAD_OF_STATE) for o in each) for each in offices]
    governs = [any(to_hans(o).endswith(_HEAD_OF_GOVERNMENT) for o in each) for each in offices]
    return (heads[0] and governs[1] or heads[1] and governs[0]) and not (all(heads) or all(governs))


def _the_clauses_meeting(hans: str, clause: tuple[int, int] | None, when: DateRange) -> tuple[int, re.Match | None]:
    """Where the one who met is looked for, and the meeting word it ends at: in the clause that tells the meeting
    when it opens on its own day after another day's and names one (``6月15日，某国外长丙会见甲；6月16日，甲与乙
    举行会谈``: the 16th's talks are led by 甲, not by the official of the clause before), else from the start of
    the sentence (``外长丙于6月15日抵达，并在次日与乙会谈``: the one who met is the sentence's subject)."""
    if clause is not None and 0 < clause[0] == when.at and find_dates(hans[:clause[0]], year=when.start.year) \
            and (said := MEETING.search(hans, clause[0], clause[1])) is not None:
        return clause[0], said
    return 0, MEETING.search(hans)


#: A sentence opening on what came after the meeting just told (两国领导人会后发表《…》, 会谈结束后，…).
_AFTER_THE_MEETING = re.compile(r"^[^，,；;。]{0,8}?(?:会后|(?:会谈|会晤|会面|峰会)(?:结束)?后)")


def _after_an_earlier_meeting(sentence: Sentence, anchor: Sentence) -> bool:
    """Whether a sentence a paragraph before the anchor's tells what followed the meeting told before it
    (``…同日，甲与乙在某都举行会谈。¶两国领导人会后发表《…》。¶甲于22日返回丙国，与丁举行会谈``): the
    documents it names are that meeting's, not those of the one the anchor tells after it."""
    return sentence.passage is anchor.passage and sentence.paragraph < anchor.paragraph \
        and _AFTER_THE_MEETING.match(sentence.hans) is not None


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


