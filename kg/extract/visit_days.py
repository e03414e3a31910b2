"""How long a visit goes on: the days after its arrival or welcome that are still the same visit.

A visit told from its arrival or welcome (``甲于5月14日抵达某城，开始国事访问``) goes on over the days the
text tells after it until it ends (``16日结束访问``, ``离开某城``) or a gathering begins (``随后出席峰会``);
a meeting the visit goes on to (``…访问乙国，会晤乙国总统``) is dated within it. A summit of a visit however
told spans to the day, within a week, its section has the visitor go home (``26日结束对乙国的访问``, ``离开某城回国``,
``甲于7日中午搭乘专机返回甲国``: a return to his own state).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from kg.extract.dates import DateRange, find_dates
from kg.extract.joining import SIGNING, SummitFound
from kg.extract.legs import OCCASION
from kg.extract.meeting_clauses import a_gathering, bare_day, day_after_its_subject, not_held, relative_days
from kg.extract.phrases import MEETING, NOT_TOP
from kg.extract.reading import Reading
from kg.extract.text import Sentence
from kg.model import Kind, Prop


#: Words that refer back to the two sides introduced before (两人会面, 双方会谈).
BACK_REFERENCE = re.compile(r"两人|二人|双方|两国元首|两国领导人|两位领导人|两位元首|此次会晤|这次会谈|两国首脑")


#: A clause telling the visitor leave or end the visit (``9日结束访问``, ``随后结束对乙国的访问``,
#: ``14日峰会结束后，甲离开某城``, ``当天下午离韩``).
_VISIT_ENDS = re.compile(r"结束[^，。；]{0,12}访问|离开|离[韩华境]")


#: How long after the welcome a day may end the visit it began.
_A_VISIT_AT_MOST = timedelta(days=31)


def over_the_visit(reading: Reading, summit: SummitFound, end: date) -> SummitFound:
    """A host's welcome on arrival (``1月2日，甲抵达某城，乙到机场迎接``) begins the visit, which is the
    summit: it spans to the day :func:`end_of_the_visit` gives."""
    reading.registry.drop(summit.id, Prop.END_DATE)
    reading.registry.fact(summit.id, Prop.END_DATE, end, evidence=(summit.anchor.evidence(),)
                          if summit.anchor is not None else ())
    return replace(summit, end=end)


def _people_of(reading: Reading, sentence: Sentence, clause: tuple[int, int]) -> set[str]:
    return {spot.key for spot in sentence.spots if clause[0] <= spot.start < clause[1]
            and reading.registry.is_a(spot.surface, Kind.PERSON)}


def the_visit_going_on(reading: Reading, sentence: Sentence, clause: tuple[int, int], day: date,
                       found: list[SummitFound]) -> SummitFound | None:
    """The summit of the section's that a welcome goes on: one with someone the welcome names, begun
    on or before its day within a month (``21日，甲抵达某城，乙到机场迎接…25日，甲抵达某岛，乙亲自到码头
    迎接``): the visit begun on the 21st goes on, the later welcome is no summit of its own."""
    named = _people_of(reading, sentence, clause)
    return next((other for other in reversed(found) if other.start <= day <= other.start + _A_VISIT_AT_MOST
                 and named & set(other.participants)), None)


#: A gathering told by its number or its kind (第三届…, …论坛, 中国—中亚峰会), beside those :func:`a_gathering` names.
_A_GATHERING_HELD = re.compile(r"第[0-9一二三四五六七八九十百]+届|论坛|峰会")


#: What :func:`end_of_the_visit` gives when the next day it tells is a gathering's.
A_GATHERING_NEXT = date.min


def end_of_the_visit(reading: Reading, welcome: Sentence, clause: tuple[int, int], start: date,
                     sentences: list[Sentence], index: int, year: int | None) -> date | None:
    """The last day after a welcome on arrival, in its paragraph, whose clause tells the visit go on to
    its end: the visitor leaving (``9日结束访问``, ``14日峰会结束后，甲离开某城``), or the two meeting or
    signing again (named, or ``两国元首``); reading stops at a day before the welcome or more than a
    month after it. :data:`A_GATHERING_NEXT` where the paragraph tells no leaving and the paragraph
    of the next later day the section tells names a gathering (``22日，…随后两人共同主持第三届峰会``):
    the visitor came for it, and the welcome is no summit of its own."""
    named = _people_of(reading, welcome, clause)
    end, day, leaves = None, start, False
    paragraph = sentences[index].paragraph
    for at, sentence in enumerate(sentences[index:], index):
        dates = find_dates(sentence.hans, year=year or start.year)
        dates = sorted(dates + relative_days(sentence.hans, dates, day) + _days_after_an_undated_clause(sentence.hans, dates, day),
                       key=lambda d: d.at)
        for told in dates:
            if told.start < start or told.start > start + _A_VISIT_AT_MOST:
                return end
            day = told.start
            if told.start == start:
                continue
            if sentence.paragraph != paragraph:  # the next day told after the welcome's paragraph
                told_then = " ".join(s.hans for s in sentences[at:] if s.paragraph == sentence.paragraph)
                gathering = a_gathering(told_then) or _A_GATHERING_HELD.search(told_then)
                return A_GATHERING_NEXT if not leaves and gathering else end
            stop = next((d.at for d in dates if d.at > told.at), len(sentence.hans))
            said = sentence.hans[told.at:stop]
            again = BACK_REFERENCE.search(said) or any(
                spot.key in named for spot in sentence.spots if told.at <= spot.start < stop)
            leaves = leaves or _VISIT_ENDS.search(said) is not None
            if _VISIT_ENDS.search(said) or again and (MEETING.search(said) or SIGNING.search(said)):
                end = told.start
    return end


def goes_on_to(reading: Reading, found: list[SummitFound], going: SummitFound, end: date | None) -> None:
    """A later welcome on a visit going on (``25日下午，甲抵达某岛，乙亲自到码头迎接；…29日，甲离开乙国``)
    tells in its paragraph how long the visit goes on: the visit's summit spans to that day."""
    if end is None or end is A_GATHERING_NEXT or end <= going.end:
        return
    at = next(i for i, s in enumerate(found) if s.id == going.id)
    found[at] = over_the_visit(reading, going, end)


def _days_after_an_undated_clause(hans: str, dates: list[DateRange], day: date) -> list[DateRange]:
    """In an account of a visit, the bare days of a sentence that opens with no day (``访问期间，甲还参观
    了某馆，8日举行告别宴会，9日结束访问``): days of the month last told, read as :func:`relative_days`
    reads them after a day the sentence tells."""
    if dates:
        return []
    own = {d.at for d in relative_days(hans, dates, day)}
    return [d for d in relative_days(hans, [DateRange(day, day, 0, 0, False)], day) if d.at > 0 and d.at not in own
            and bare_day(hans, d.at) is not None]


#: A clause telling the visitor end the visit and go home (``26日结束对乙国的访问``, ``8日上午，甲离开某城回国``,
#: ``随后启程回国``, ``当天返抵某都``, ``结束乙国之行``), or the guest and the host taking leave of each other (``第二天清晨
#: 向乙辞行``, ``8日上午，乙前往迎宾馆向甲辞行``: the farewell is the visit's last act); not leaving a town for the next one of
#: the visit (``离开某城前往某镇``).
_GOES_HOME = re.compile(r"结束[^，。；]{0,16}(?:访问|之行)|回国|返抵|返回国内|辞行")


#: A going home told by the arrival back (``9日上午，甲返抵甲国``, ``27日，甲结束访问返抵甲国``): the day of the
#: journey home, not one of the visit's.
_BACK_HOME = re.compile(r"返抵")


#: A return somewhere (``7日中午搭乘专机返回日本``): going home where the place is the own state of someone named before it.
_RETURNS = re.compile(r"返回")


#: A clause telling the visitor arrive somewhere: the stay the summit was of is over (a tour's next stop).
_ARRIVES_ELSEWHERE = re.compile(r"抵达|飞抵|到达")


#: How many days after a summit's last one the visit it is of may end.
_A_STAY_AT_MOST = timedelta(days=7)


def to_the_leaving(reading: Reading, summits: list[SummitFound], sentences: list[Sentence], year: int | None,
                   boxed: SummitFound | None = None, sides: dict[str, str] | None = None) -> list[SummitFound]:
    """A summit of a visit spans to the day, after its own and within a week, the section later has one of
    its leaders end the visit (``5月24日，甲与乙举行会谈。…25日，甲前往某城，26日结束对乙国的访问``: to the 26th)
    or return to their own state (``甲于7日中午搭乘专机返回甲国``, ``sides`` giving each person's state; not ``返回某城``),
    the conventions dating a visit during which the leaders meet by its days. Not where another summit of
    one of its leaders comes first (a tour's next stop), an arrival elsewhere or a stay of several days after it,
    a summit of a gathering's days or on an occasion the visitor came for (``出席纪念活动，并于仪式后与乙会谈``),
    nor the summit the article boxes (``boxed``: its box's days stand, and a summit before it ends before them).
    The section's sentences are read once (:class:`_LaterDays`), and each summit looked up in them."""
    out = list(summits)
    later = _LaterDays(reading, sentences, out, sides or {})
    for at, summit in enumerate(out):
        if summit.anchor is None or a_gathering(summit.anchor.hans) or OCCASION.search(summit.anchor.hans) \
                or boxed is not None and summit.id == boxed.id:
            continue
        index = later.index_of(summit.anchor)
        end = _day_of_going_home(later, summit, index, year) if index is not None else None
        if end is not None and (boxed is None or not summit.start < boxed.start <= end):
            out[at] = over_the_visit(reading, summit, end)
    return out


@dataclass(frozen=True)
class _Moves:
    """What a sentence tells of the visitor moving on: where it tells a going home (``26日结束对乙国的访问``),
    if it does, and whether it tells an arrival elsewhere before that (anywhere, when it tells none)."""

    home: int | None  # where the going home is told
    back: int | None  # where the going home is told by the arrival back (返抵), if it is: the visit ended before
    arrives: bool  # an arrival elsewhere before it: a tour's next stop, the stay is over
    of_a_gathering: bool  # the sentence names a gathering: the days it tells are the gathering's
    named: frozenset[str]  # the people the sentence names before the going home


class _LaterDays:
    """A section's sentences as :func:`_day_of_going_home` reads them for each of its summits: each
    sentence's days, where it tells a going home or an arrival, and the summits it tells, read once for
    the section instead of once for each summit (summits × sentences). A sentence's days are read
    with the day the account has reached before it (``次日``, a bare ``26日``) and the year running:
    read again only for another day or year, which the summits of a section seldom bring."""

    def __init__(self, reading: Reading, sentences: list[Sentence], summits: list[SummitFound],
                 sides: dict[str, str]) -> None:
        self.reading, self.sentences, self.summits, self.sides = reading, sentences, summits, sides
        self._index: dict[int, int] | None = None  # a sentence's place in the section, by its id
        self._told_in: dict[int, list[SummitFound]] | None = None  # a sentence's summits, by its id
        self._days: dict[tuple[int, int, date], list[DateRange]] = {}
        self._moves: dict[int, _Moves] = {}

    def index_of(self, sentence: Sentence) -> int | None:
        """Where a summit's sentence is in the section (found once for all the section's summits)."""
        if self._index is None:
            self._index = {}
            for i, each in enumerate(self.sentences):
                self._index.setdefault(id(each), i)
        return self._index.get(id(sentence))

    def told_in(self, i: int) -> list[SummitFound]:
        """The summits the ``i``-th sentence tells (their days, sides and sentence: what is read of them)."""
        if self._told_in is None:
            self._told_in = {}
            for summit in self.summits:
                if summit.anchor is not None:
                    self._told_in.setdefault(id(summit.anchor), []).append(summit)
        return self._told_in.get(id(self.sentences[i]), [])

    def days(self, i: int, year: int, day: date) -> list[DateRange]:
        """The days the ``i``-th sentence tells, in their order, read as :func:`end_of_the_visit` reads them."""
        key = (i, year, day)
        found = self._days.get(key)
        if found is None:
            hans = self.sentences[i].hans
            dates = find_dates(hans, year=year)
            found = self._days[key] = sorted(dates + relative_days(hans, dates, day) + _days_after_an_undated_clause(
                hans, dates, day) + day_after_its_subject(hans, dates, day), key=lambda d: d.at)
        return found

    def moves(self, i: int) -> _Moves:
        """What the ``i``-th sentence tells of the visitor going home or arriving elsewhere."""
        found = self._moves.get(i)
        if found is None:
            sentence = self.sentences[i]
            home = _GOES_HOME.search(sentence.hans) or self._home_returned_to(sentence)
            at = home.start() if home is not None else len(sentence.hans)
            found = self._moves[i] = _Moves(
                home.start() if home is not None else None,
                back.start() if home is not None and (back := _BACK_HOME.search(sentence.hans, home.start())) else None,
                _ARRIVES_ELSEWHERE.search(sentence.hans, 0, at) is not None,
                home is not None and a_gathering(sentence.hans),
                frozenset(spot.key for spot in sentence.spots if home is not None and spot.start < at
                          and self.reading.registry.is_a(spot.surface, Kind.PERSON)))
        return found

    def _home_returned_to(self, sentence: Sentence) -> re.Match | None:
        """A return (``返回``) to a state right after it that is the own state of someone the sentence
        names before it (``甲于7日中午搭乘专机返回甲国``): going home. Not a return to a town (``返回某城``) or
        to a state of no one named before it (``甲和乙返回丙国``, 丙国 the host's)."""
        for back in _RETURNS.finditer(sentence.hans):
            there = next((spot for spot in sentence.spots if spot.start == back.end()), None)
            if there is None or not self.reading.index.is_state(there.surface):
                continue
            named = {self.sides.get(spot.key) for spot in sentence.spots if spot.start < back.start()
                     and self.reading.registry.is_a(spot.surface, Kind.PERSON)}
            if there.key in named:
                return back
        return None


def _day_of_going_home(later: _LaterDays, summit: SummitFound, index: int, year: int | None) -> date | None:
    """The day a sentence after the summit's has one of its leaders go home, read as :func:`end_of_the_visit`
    reads days; None once a day is told past the week, before the summit, or of another summit of its leaders."""
    day, year = summit.start, year or summit.start.year
    sides = set(summit.participants)
    for i in range(index + 1, len(later.sentences)):
        dates = later.days(i, year, day)
        if any(d.start < summit.start or d.start > summit.end + _A_STAY_AT_MOST
               or d.start > summit.end and d.end > d.start for d in dates):
            return None  # 8月19日至20日：甲过境某城: a stay of its own after the summit's
        if any(other.id != summit.id and other.start > summit.start and set(other.participants) & sides
               for other in later.told_in(i)):
            return None
        reached, day = day, dates[-1].start if dates else day
        moves = later.moves(i)
        if moves.arrives:
            return None
        if moves.home is None or moves.of_a_gathering:
            continue
        told = [d for d in dates if d.stop <= moves.home]
        leaving = told[-1].end if told else day
        if moves.back is not None:  # 5月6日，甲转赴某城…。5月8日上午，甲返抵甲国: the visit ended on the 6th
            arrival = [d for d in dates if d.stop <= moves.back]
            leaving = arrival[-2].end if len(arrival) > 1 else reached if arrival else day
        if leaving > summit.end and (not moves.named or moves.named & sides):
            return leaving
        return None
    return None


#: What a day opens a clause after (``，12日两人一同…``): not a day a clause tells in passing (``在10月1日前撤出``).
_OPENS_A_CLAUSE = "，,；;。：:"
#: Right before a day: the talks told before it went on until then (会谈原定一天，最终延长至8月1日; 会谈恢复，一直持续到9月24日凌晨).
_LASTS_UNTIL = re.compile(r"(?:持续|延长|延续|进行)(?:到|至)$")
#: What a clause extends, if it tells of a plan or an agreement, is not the talks.
_NOT_THE_TALKS = re.compile(r"将|同意|决定|要求|停火|期限|协议|条约")
_CLAUSE_MARK = re.compile(r"[，,；;：:]")
#: A clause telling the leaders' talks going on (``翌日两人一同飞往某地，在某村继续会谈``, ``23日深夜会谈恢复``).
_TALKS_GO_ON = re.compile(r"继续会谈|继续会晤|会谈恢复|恢复会谈|会谈继续")


#: A visit's days told with days alone (访问于5日至6日进行, 行程自3日至7日): of the month the account has reached.
_VISITS_BARE_DAYS = re.compile(r"(?:访问|行程)(?:于|自|从)(?P<a>\d{1,2})日(?:至|到)(?P<b>\d{1,2})日")


def to_the_days_told_after(reading: Reading, summits: list[SummitFound], sentences: list[Sentence],
                           boxed: SummitFound | None = None) -> list[SummitFound]:
    """A summit spans the days a later sentence of its paragraph gives the visit with days alone, when its own
    day is among them (``3月5日，甲抵达某都…两国元首随后举行会谈。访问于5日至6日进行``: to the 6th, of the
    summit's month). Not the summit the article boxes, whose box's days stand."""
    out = list(summits)
    for at, summit in enumerate(out):
        if summit.anchor is None or boxed is not None and summit.id == boxed.id:
            continue
        later = [s for s in sentences if s.paragraph == summit.anchor.paragraph and s.passage is summit.anchor.passage
                 and s.start > summit.anchor.start]
        told = next((m for s in later if (m := _VISITS_BARE_DAYS.search(s.hans))), None)
        if told is None or not int(told["a"]) <= summit.start.day <= int(told["b"]) or summit.start != summit.end:
            continue
        try:
            end = summit.start.replace(day=int(told["b"]))
        except ValueError:
            continue
        if end > summit.end:
            out[at] = over_the_visit(reading, summit, end)
    return out


def to_the_last_day_together(reading: Reading, summits: list[SummitFound], sentences: list[Sentence],
                             boxed: SummitFound | None = None) -> list[SummitFound]:
    """A summit spans to the last later day, within a week, its paragraph tells its leaders signing or meeting
    again (``15日，甲抵达某城，与乙会谈。18日，双方签署议定书``: to the 18th) or its talks going on (``翌日两人一同
    飞往某村继续会谈``, ``会谈一度中断；23日深夜会谈恢复``): one meeting over those days. Not a summit on a
    gathering's days, nor the one the article boxes, whose box's days stand; nor the two only going somewhere
    together (``12日两人一同参观某厂``)."""
    out = list(summits)
    for at, summit in enumerate(out):
        if summit.anchor is None or boxed is not None and summit.id == boxed.id:
            continue
        index = next((i for i, s in enumerate(sentences) if s is summit.anchor), None)
        end = _last_day_together(reading, summit, out, sentences, index) if index is not None else None
        if end is not None and end > summit.end:
            out[at] = over_the_visit(reading, summit, end)
    return out


#: What a clause quotes (称：“…”): words said, not done.
_QUOTED = re.compile(r"“[^”]*(?:”|$)|「[^」]*(?:」|$)")


def _last_day_together(reading: Reading, summit: SummitFound, summits: list[SummitFound], sentences: list[Sentence],
                       index: int) -> date | None:
    """The last day after the summit's, in its paragraph, a clause opens with whose words (quotes aside) name two
    of its leaders, and no one else, signing, or tell them (``两人``, ``双方``) meeting or signing, or its talks
    going on. Reading stops at a day before the summit's or more than a week after its last, at a
    gathering told before (``峰会期间，甲会见乙，次日两人共同出席…``), at the day of another summit of its leaders
    and at a sentence one is told in."""
    end, day = None, summit.start
    for sentence in sentences[index:]:
        if sentence.paragraph != summit.anchor.paragraph:
            break
        if sentence is not summit.anchor and any(other.anchor is sentence and other.id != summit.id
                                                 and set(other.participants) & set(summit.participants) for other in summits):
            break
        dates = find_dates(sentence.hans, year=summit.start.year)
        dates = [d for d in sorted(dates + relative_days(sentence.hans, dates, day)
                                   + _days_after_an_undated_clause(sentence.hans, dates, day), key=lambda d: d.at)
                 if d.at == 0 or sentence.hans[d.at - 1] in _OPENS_A_CLAUSE  # not 要求在10月1日前撤出
                 or _LASTS_UNTIL.search(sentence.hans, 0, d.at)]
        if sentence is summit.anchor:
            dates = dates[1:]  # the summit's own day (次日（1月5日），甲与乙会谈: no day after the one before)
        for i, told in enumerate(dates):
            if told.start < summit.start or told.start > (end or summit.end) + _A_STAY_AT_MOST:
                return end
            day = told.start
            if told.start <= (end or summit.end):
                continue
            if a_gathering(sentence.hans[:told.at]) or any(
                    other.id != summit.id and other.start == told.start and set(other.participants) & set(summit.participants)
                    for other in summits):
                return end  # 11日会见乙，12日又会见丙: the day of another meeting of its leaders
            stop = dates[i + 1].at if i + 1 < len(dates) else len(sentence.hans)
            said = _QUOTED.sub("", sentence.hans[told.at:stop])
            quoted = [(m.start() + told.at, m.end() + told.at) for m in _QUOTED.finditer(sentence.hans, told.at, stop)]
            people = {spot.key for spot in sentence.spots if told.at <= spot.start < stop
                      and not any(a <= spot.start < b for a, b in quoted) and reading.registry.is_a(spot.surface, Kind.PERSON)}
            if people - set(summit.participants):
                continue  # 12日又会见了丙国总理丁: another meeting
            both = BACK_REFERENCE.search(said) is not None  # 两人, 双方: with each other
            clause = max((m.end() for m in _CLAUSE_MARK.finditer(sentence.hans, 0, told.at)), default=0)
            lasted = _LASTS_UNTIL.search(sentence.hans, 0, told.at) and MEETING.search(sentence.hans, 0, told.at) \
                and not _NOT_THE_TALKS.search(sentence.hans, clause, told.at)  # 两人同意将停火延长至8月1日
            if lasted or _TALKS_GO_ON.search(said) or (both or len(people) >= 2) and SIGNING.search(said) or both and MEETING.search(said):
                end = told.start  # not 甲在乙陪同下会见了某院议长: the two named, meeting others
    return end


#: Talks told beginning (``双方在某城展开谈判``, ``首脑会谈于10月15日在某宫正式开始``), or held over days
#: (``10月13日至19日，两国代表团在某城举行了谈判``).
_TALKS_BEGIN = re.compile(r"(?:展开|开始|开启)了?(?:首脑)?(?:谈判|会谈)|(?:谈判|会谈|首脑会议)[^，,；;。]{0,24}?(?:正式)?开始(?!前|时)")
_TALKS_HELD = re.compile(r"举行了?(?:首脑)?(?:谈判|会谈)")
#: How long before a summit's day its talks may have begun.
_TALKS_AT_MOST = timedelta(days=14)


def from_the_talks_begun(reading: Reading, summits: list[SummitFound], sentences: list[Sentence],
                         boxed: SummitFound | None = None) -> list[SummitFound]:
    """A summit told on the day its talks end (``1月10日，甲和乙在最后一次会谈中签署了宣言``) spans from the day,
    within two weeks before, an earlier paragraph of its section has the talks begin (``1月4日，双方在某城展开
    谈判``, ``首脑会谈于10月15日正式开始``) or be held over days to its own (``10月13日至19日，两国代表团在某城举行
    了谈判``): one meeting over those days. Only the first summit of its leaders after that day; not talks of
    officials (``两国外长于…开始谈判``), planned, or of a gathering; nor the summit the article boxes."""
    out = list(summits)
    for at, summit in enumerate(out):
        if summit.anchor is None or boxed is not None and summit.id == boxed.id:
            continue
        index = next((i for i, s in enumerate(sentences) if s is summit.anchor), None)
        begun = _talks_begun(sentences[:index], summit) if index else None
        if begun is None or any(other.id != summit.id and begun <= other.start < summit.start
                                and set(other.participants) & set(summit.participants) for other in out):
            continue
        reading.registry.drop(summit.id, Prop.START_DATE)
        reading.registry.fact(summit.id, Prop.START_DATE, begun, evidence=(summit.anchor.evidence(),))
        out[at] = replace(summit, start=begun)
    return out


def _talks_begun(before: list[Sentence], summit: SummitFound) -> date | None:
    """The day a sentence of an earlier paragraph than the summit's has its talks begin (the last such)."""
    for sentence in reversed(before):
        if sentence.paragraph == summit.anchor.paragraph or not_held(sentence.hans) or a_gathering(sentence.hans):
            continue
        begins = _TALKS_BEGIN.search(sentence.hans)
        held = begins is None and _TALKS_HELD.search(sentence.hans)
        if begins is None and not held or NOT_TOP.search(sentence.hans, 0, (begins or held).start()):
            continue
        for told in find_dates(sentence.hans, year=summit.start.year):
            if summit.start - _TALKS_AT_MOST <= told.start < summit.start and (not held or told.end == summit.start):
                return told.start
    return None
