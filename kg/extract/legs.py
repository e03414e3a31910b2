"""A visit's legs and its leaders' arrivals: the days each stop of a visit or tour spans.

A tour is told by its legs: a section headed by a state (``=== 巴西 ===``, ``访问巴西``) or a day
(``=== 11月12日 ===``), a leg told in prose (``随后，甲前往乙国进行国事访问``), a leader arriving on a day
(``11月10日，甲抵达某城``). The meetings a leg tells are one summit of that leg, dated by the days
its heading, its prose or the arrivals give; the lead's visit (``甲于2008年5月6日至10日对乙国进行国事访问``)
gives the year and the span a leg without days of its own falls in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from kg.extract.dates import DateRange, find_dates, find_year_months
from kg.extract.joining import SIGNING, SummitFound, fold_with_people
from kg.extract.meeting_clauses import ACCEPTED, relative_days
from kg.extract.people import People
from kg.extract.phrases import CLAUSE, MEETING, NEXT_DAY, NOT_TOP, VISIT_WORDS
from kg.extract.reading import Reading
from kg.extract.roles import titles_before, written_before
from kg.extract.scripts import to_hans
from kg.extract.text import Sentence, Spot
from kg.model import Kind, Prop
from kg.wikitext import Section


#: After a day: a leader arriving (``19日当地时间下午1时35分许，甲乘专机抵达某城``).
_ARRIVES = re.compile(r"[^。；]{0,40}?(?:抵达|飞抵|到达|抵|降落)(?!制|触|前)")
#: The word of arriving alone: where a search of :data:`_ARRIVES` from a place ends (its first match starts
#: as far back as 40 characters allow, and its lazy run stops at the first word of arriving from there, the
#: first from that place), found without trying each of those 40 characters at every place of the sentence.
_ARRIVAL_WORD = re.compile(r"(?:抵达|飞抵|到达|抵|降落)(?!制|触|前)")


def first_year(sentences) -> int | None:
    for sentence in sentences:
        for found in find_dates(sentence.hans):
            if found.year_given:
                return found.start.year
    return None


#: Days listed one after another (4月27日和5月26日), and a word that they met on each (两度, 先后).
_DAYS_JOINED = re.compile(r"\s*(?:和|及|与|、|以及)\s*")


_ON_EACH = re.compile(r"两度|两次|三度|三次|先后|分别")


def days_of_each(hans: str, dates, meeting) -> bool:
    """Whether the day is listed right after another day of the sentence in a clause that says they
    met on each (``甲与乙于4月27日和5月26日两度在某地会晤``): a meeting of its own, not the clause's one."""
    before = next((d for d in reversed(dates) if d.stop <= meeting.at), None)
    if before is None or not _DAYS_JOINED.fullmatch(hans[before.stop:meeting.at]):
        return False
    stop = CLAUSE.search(hans, meeting.stop)
    return _ON_EACH.search(hans, meeting.stop, stop.start() if stop else len(hans)) is not None


def over_the_leg(reading: Reading, summit: SummitFound, leg: DateRange, people: People | None = None,
                 state: str | None = None) -> SummitFound:
    """A meeting on a day of the leg its section's heading gives is the summit of that leg's visit,
    which spans its days (the conventions: a visit during which the leaders meet is one summit); not
    one with the leader of a third side (``14日，甲在某都与丙国总统及乙国王储三人会面``), nor, in a leg
    headed by its ``state`` (a key), one of two sides neither of which is that state (``=== 乙国 ===¶
    21日，甲在乙都同丙国总统举行会谈``): a summit of its own day, the visitor's with a third state's leader."""
    if not (leg.start <= summit.start and summit.end <= leg.end) or (summit.start, summit.end) == (leg.start, leg.end):
        return summit
    sides = {people.sides.get(p) for p in summit.participants} - {None} if people is not None else set()
    if len(sides) > 2 or (state is not None and len(sides) == 2 and state not in sides):
        return summit
    for prop, day in ((Prop.START_DATE, leg.start), (Prop.END_DATE, leg.end)):
        reading.registry.drop(summit.id, prop)
        reading.registry.fact(summit.id, prop, day, evidence=(summit.anchor.evidence(),))
    return replace(summit, start=leg.start, end=leg.end)


def one_summit_per_leg(reading: Reading, people: People, summits: list[SummitFound], leg: DateRange) -> list[SummitFound]:
    """The meetings of one leg's section with the same sides (``=== 乙国（3月24日－26日）===``: the
    talks of the 25th, the signing the two witness that afternoon) are that leg's one summit, as the
    visit's: a summit each state's leg of a tour, not one a sentence."""
    out: list[SummitFound] = []
    for summit in summits:
        into = next((s for s in out if (s.start, s.end) == (summit.start, summit.end) == (leg.start, leg.end)
                     and not (s.one_of_several or summit.one_of_several)
                     and set(s.participants) & set(summit.participants)
                     and _no_other_side(people, s, summit) and _no_other_side(people, summit, s)), None)
        if into is None:
            out.append(summit)
            continue
        out[out.index(into)] = fold_with_people(reading, people, summit, into)
    return out


def _no_other_side(people: People, summit: SummitFound, other: SummitFound) -> bool:
    """Whether no one ``other`` names beyond ``summit`` stands for a side ``summit`` lacks (a side
    the text does not give is none)."""
    sides = {people.sides.get(p) for p in summit.participants} - {None}
    return all(people.sides.get(p) in sides | {None} for p in other.participants if p not in summit.participants)


@dataclass(frozen=True)
class Arrival:
    """A leader arriving on a day, as a paragraph tells it (``11月10日，甲抵达某城``)."""

    day: date
    paragraph: int
    people: frozenset[str]  # person keys named in the clause that arrives
    visit: bool = False  # the sentence has the leader begin or pay a visit to the host's state (开始对乙国进行国事访问)


#: How many days before a meeting an arrival told in its paragraph begins its visit ...
_ARRIVED_BEFORE = timedelta(days=1)
#: ... and an arrival that says it begins a visit to the host (抵达某城，并对乙国进行国事访问; 次日晚…家宴; 13日…会谈).
_VISIT_BEGUN_BEFORE = timedelta(days=3)


#: After arriving, a gathering the leader comes to attend (出席…论坛, 参加…峰会).
_TO_ATTEND = re.compile(r"出席|参加|论坛|峰会|会议|纪念|庆典|阅兵|葬礼|就职")
#: After arriving, the visit the leader begins or pays to the host's state besides the gathering attended
#: (``抵达某城，开始对乙国进行国事访问，并将出席…峰会``, ``抵达某城，出席…会议，并对乙国进行国事访问``).
_AND_A_VISIT_TO_THE_HOST = re.compile(r"(?:对|开始)[^，,。；;]{0,12}?(?:国事|正式|工作)访问")


def _come_to_attend_only(hans: str, start: int, stop: int) -> bool:
    """Whether the words after an arrival tell a gathering come to (``抵达北京，出席…高峰论坛``) and no visit to the
    host's state besides (``…，并对乙国进行国事访问``): a leader on a state, official or working visit to the
    host is on a visit, whatever gathering he attends in its days."""
    return bool(_TO_ATTEND.search(hans, start, stop)) and not _AND_A_VISIT_TO_THE_HOST.search(hans, start, stop)


#: In a meeting's own sentence, an occasion the visitor came for (一同观看阅兵；当天下午…会谈), or a
#: gathering it is held on the sidelines of (甲在某城出席峰会期间会见乙). Not a monument he lays a wreath at
#: (向某纪念碑献花圈, 参观某纪念馆): a place, no commemoration come for.
OCCASION = re.compile(r"论坛|纪念(?![碑馆堂])|庆典|阅兵|葬礼|就职典礼|(?:出席|参加)[^，。；]{0,24}期间")


def arrivals_told(reading: Reading, sentence: Sentence, dates: list[DateRange]) -> list[Arrival]:
    """The leaders the sentence has arrive on one of its days (``甲于11月10日抵达某城``,
    ``2018年10月27日，甲再度抵达乙国``): who is named from the day's clause to the word of arriving.
    A leader come to attend a gathering (``抵达北京，出席…高峰论坛``) is not on a visit to its host."""
    out = []
    for told in dates:
        came = _ARRIVES.match(sentence.hans, told.stop) if told.start == told.end else None
        if came is None:
            continue
        then = next((d.at for d in dates if d.at >= came.end()), len(sentence.hans))  # up to the next day told
        if _come_to_attend_only(sentence.hans, came.end(), then):
            continue
        begin = max((m.end() for m in CLAUSE.finditer(sentence.hans, 0, told.at)), default=0)
        people = frozenset(spot.key for spot in sentence.spots if begin <= spot.start < came.end()
                           and reading.registry.is_a(spot.surface, Kind.PERSON))
        if people:
            out.append(Arrival(told.start, sentence.paragraph, people,
                               _AND_A_VISIT_TO_THE_HOST.search(sentence.hans, came.end(), then) is not None))
    return out


def arrival_in(reading: Reading, sentence: Sentence, dates: list[DateRange]) -> Arrival | None:
    """The one day the sentence gives, when it has leaders arrive on it (``3月2日，甲抵达某都``,
    ``3月21日，甲结束…后，…于当天抵达某都``): who is named before the word of arriving. Not a leader
    come to attend a gathering (``抵达某城，出席…峰会``)."""
    days = {d.start for d in dates}
    if len(days) != 1 or any(d.end != d.start for d in dates):
        return None
    came = _ARRIVAL_WORD.search(sentence.hans, dates[0].stop)  # where _ARRIVES.search would end
    if came is None or _come_to_attend_only(sentence.hans, came.end(), len(sentence.hans)):
        return None
    people = frozenset(spot.key for spot in sentence.spots if spot.start < came.end()
                       and reading.registry.is_a(spot.surface, Kind.PERSON))
    return Arrival(dates[0].start, sentence.paragraph, people) if people else None


#: At a sentence's start, its subject written as a pronoun (他与乙会谈后…).
_OPENS_WITH_A_PRONOUN = re.compile(r"^[他她](?![们国人方])")


#: Right before the one met, past his office (甲同乙国总统乙举行会谈, 甲在某城与乙会晤).
_WITH = ("与", "同", "和", "跟")


def talks_of_the_arrived(reading: Reading, sentence: Sentence, arrival: Arrival | None, *,
                         met_that_day: bool = False) -> bool:
    """Whether a sentence with no day of its own, in the paragraph that had leaders arrive on a
    day, opens with one of them and tells him meeting someone named after 与/同 (``3月2日，甲抵达某都。
    甲同乙国总统乙举行会谈``, ``…。他在某宫与乙会晤``): a tour's stop told arrival first, its talks on
    the day of arriving as the paragraph tells it. Or, while the paragraph has told no meeting that day
    (``met_that_day``), opens with the host who receives him (:func:`_the_host_receives`); once it has,
    one opening with someone else (``乙国总理丙也会见了甲``) is another meeting of the stay. Not one telling
    no meeting with someone (``甲赞成在船上会面``, ``她此前刚在某城接待来访的丙``)."""
    if arrival is None or arrival.paragraph != sentence.paragraph:
        return False
    people = [spot for spot in sentence.spots if reading.registry.is_a(spot.surface, Kind.PERSON)]
    opens = bool(_OPENS_WITH_A_PRONOUN.match(sentence.hans)) and not (people and people[0].start == 0) \
        or bool(people) and people[0].start == 0 and people[0].key in arrival.people
    return opens and any(_met_with(sentence, spot) for spot in people if spot.key not in arrival.people) \
        or not met_that_day and _the_host_receives(sentence, people, arrival)


#: Before the host who opens a sentence, past his office: a part of the day or what it comes after
#: (中午，乙在某府与甲会晤; 随后，乙…; 仪式结束后，乙与甲举行会谈), nothing the host did. Not the evening
#: (当晚，乙在官邸与甲非正式会谈): a dinner or a talk of its own, apart from the talks of the visit.
_LEAD_IN = re.compile(r"(?:(?:[上中下]午|随后|其后|接着|随即|仪式(?:结束)?后)[，,]?)?")


#: Between the lead-in and the host's office, his other offices (塞内加尔总统、非洲联盟轮值主席乙).
_OTHER_OFFICES = re.compile(r"(?:[^，,；;：:、。]{1,16}、)*")


#: The host receiving the one who arrived in his own clause: a meeting word, or a welcome the talks
#: may follow (乙在某宫为其举行欢迎仪式，随后两人举行会谈).
_RECEIVES = re.compile(MEETING.pattern + r"|接待|迎接|欢迎仪式")


#: The clause after the host's welcome, telling the talks of the two (随后两人举行会谈, 两人随即举行会谈).
_THE_TWO_GO_ON = re.compile(r"(?:随后|随即|其后|接着)?(?:两人|二人|双方|两国元首|两国领导人)")


#: The one who arrived, written as the host's object (为其, 会见了他).
_THE_ARRIVED_AS_A_PRONOUN = re.compile(r"其|[他她](?![们国人方])")


#: A sentence telling the host's meeting of another time (乙此前曾与甲会晤, 乙后来接待甲).
_ANOTHER_TIME = re.compile(r"此前|之前|以前|早前|先前|曾|上次|此后|后来|日后|次年|翌年|多年")


def _the_host_receives(sentence: Sentence, people: list[Spot], arrival: Arrival) -> bool:
    """Whether a sentence with no day of its own, after one that had a leader arrive, opens with a top
    leader of the other side who receives him in his own clause (``7月19日，甲抵达某都。乙国总统乙在总统府
    会见甲``; ``中午，乙在总统官邸与甲举行会晤``), or welcomes him and the two then hold talks
    (``乙迎接了他，两人随即举行会谈``): the stop's talks, on the day of arriving, told from the host's side.
    Not one below the top (``外长丙在机场迎接甲``), a meeting of another time (``乙此前曾与甲会晤``), nor
    where the host only goes along with him (``乙陪同甲参观某馆；丙会见甲``)."""
    if not people or people[0].key in arrival.people:
        return False
    host, hans = people[0], sentence.hans
    office = written_before(sentence, host)
    opening = hans[:host.start - len(office)]
    lead_in = _LEAD_IN.match(opening)
    if _OTHER_OFFICES.fullmatch(opening, lead_in.end()) is None or NOT_TOP.search(opening, lead_in.end()):
        return False
    stop = CLAUSE.search(hans, host.end)
    end = stop.start() if stop else len(hans)
    told = _RECEIVES.search(hans, host.end, end)
    if told is None or _ANOTHER_TIME.search(hans, host.end, told.end()):
        return False
    named = any(spot.key in arrival.people and spot.start < end for spot in people[1:]) \
        or _THE_ARRIVED_AS_A_PRONOUN.search(hans, host.end, end) is not None
    if MEETING.match(hans, told.start()):
        return named
    after = hans[end + 1:]
    return named and _THE_TWO_GO_ON.match(after) is not None and MEETING.search(after.split("，")[0]) is not None


def _met_with(sentence: Sentence, spot: Spot) -> bool:
    """Whether the name is the one met with, a meeting word after it in its clause (``与乙会晤``)."""
    before = sentence.hans[:spot.start - len(written_before(sentence, spot))]
    stop = CLAUSE.search(sentence.hans, spot.end)
    end = stop.start() if stop else len(sentence.hans)
    return before.endswith(_WITH) and MEETING.search(sentence.hans, spot.end, end) is not None


def _the_visits_first_talks(came: Arrival, summit: SummitFound, summits: list[SummitFound]) -> bool:
    """Whether a summit is the first its arrived leader holds within three days of an arrival that began a visit,
    in its paragraph or a later one of its section (``11日，甲抵达某城，并对乙国进行国事访问。¶13日，两国元首举行会谈``);
    not one after another summit of the leader's held since (a third side's leader met on the visit's days)."""
    return came.paragraph <= summit.anchor.paragraph and came.day < summit.start <= came.day + _VISIT_BEGUN_BEFORE \
        and not any(other.id != summit.id and came.day < other.start < summit.start and came.people & set(other.participants)
                    for other in summits)


def from_the_arrivals(reading: Reading, summits: list[SummitFound], arrivals: list[Arrival]) -> list[SummitFound]:
    """A meeting the day after its paragraph has one of its leaders arrive is of the visit that
    began then (``11月10日，甲抵达某城，11日与乙举行会谈``: 10–11), as are the section's other meetings
    of that leader that day: the conventions date a visit during which the leaders meet from its
    first day. An arrival that says it begins a visit to the host (``11日，甲抵达某城，并对乙国进行国事访问…。¶13日上午，
    两国元首举行会谈``) so dates the meetings of the section's later paragraphs within three days of it. Not where the
    meeting's sentence tells an occasion come for (``一同观看阅兵；当天下午，
    甲与乙举行会谈``), where the day of arriving holds a meeting of its own (``5日抵达，当晚与乙会晤``), nor
    a signing told alone (it is on its day, and joins the day's talks)."""
    begun: dict[date, tuple[date, frozenset[str]]] = {}  # a meeting's day -> the day its visit began, who came
    for summit in summits:
        for came in arrivals:
            if summit.anchor is None or OCCASION.search(summit.anchor.hans) or not came.people & set(summit.participants):
                continue
            if came.paragraph == summit.anchor.paragraph and came.day < summit.start <= came.day + _ARRIVED_BEFORE \
                    or came.visit and _the_visits_first_talks(came, summit, summits):
                begun[summit.start] = (came.day, came.people)
    out = []
    for summit in summits:
        day, people = begun.get(summit.start, (None, frozenset()))
        signing = summit.anchor is not None and SIGNING.search(summit.anchor.hans) and not MEETING.search(summit.anchor.hans)
        if day is None or signing or not people & set(summit.participants) or any(
                other.start <= day <= other.end and set(other.participants) & set(summit.participants)
                for other in summits):
            out.append(summit)
            continue
        reading.registry.drop(summit.id, Prop.START_DATE)
        reading.registry.fact(summit.id, Prop.START_DATE, day, evidence=(summit.anchor.evidence(),)
                              if summit.anchor is not None else ())
        out.append(replace(summit, start=day))
    return out


@dataclass(frozen=True)
class VisitTold:
    """The days of a visit told, and the paragraph that told them."""

    days: DateRange
    paragraph: int
    tour: bool = False  # the lead's visit to several states (先后访问甲国、乙国和丙国): no one summit's days


#: After a single day, the visit made to a state on it, in the day's own clause (于9月3日对乙国进行的正式访问): not a
#: visit told after a comma (9月12日，某发言人宣布…将于…进行访问), of another day, nor the visit's name (10月13日是
#: 访华行程的第一天). The visit's kind may be long (进行的未经事先宣布的访问).
_ONE_DAYS_VISIT = re.compile(r"[^，,；;。0-9０-９]{0,6}?(?:对|赴)[^，,；;。0-9０-９]{1,12}?进行[^，,；;。0-9０-９]{0,10}?(?:"
                             + VISIT_WORDS.pattern + ")")


def visit_told(sentence: Sentence, dates: list[DateRange], before: VisitTold | None) -> VisitTold | None:
    """The visit a later 访问期间 of the paragraph is of: the days the sentence gives a visit
    (``1月22日至23日，甲对乙国进行访问``; one day too, ``于9月3日对乙国进行的访问``), or the day it has a leader
    arrive (``1月19日，甲抵达某城``: the visit begins then); else the visit before, while the sentences of its
    paragraph tell days within it (``22日，甲抵达某城。访问期间，…``)."""
    told = next((d for d in dates if VISIT_WORDS.search(sentence.hans, d.stop)
                 and (d.end > d.start or _ONE_DAYS_VISIT.match(sentence.hans, d.stop))), None)
    if told is not None:
        return VisitTold(told, sentence.paragraph)
    if before is not None and before.paragraph == sentence.paragraph \
            and all(before.days.start <= d.start and d.end <= before.days.end for d in dates):
        return before
    if len(dates) == 1 and _ARRIVES.match(sentence.hans, dates[0].stop):
        return VisitTold(DateRange(dates[0].start, dates[0].start, 0, 0, True), sentence.paragraph)
    return None


#: A count of the states a visit goes to (访问非洲四国, 对东南亚三国进行访问): a tour; not ``两国``, the two sides, nor a
#: group a gathering is named after (二十国集团, 七国集团).
_STATES_COUNTED = re.compile(r"(?<![一二三四五六七八九十百])[三四五六七八九十]国(?!集团)")


def a_tours_days(reading: Reading, sentence: Sentence, days: DateRange) -> bool:
    """Whether the span of days a sentence gives is a visit's to several states, named or counted in the clause
    of its visit's word (``于7月19日至28日对甲国、乙国和丙国进行国事访问``, ``于4月29日至5月2日先后访问甲国、乙国和
    丙国``, ``对非洲四国进行访问``): a tour's days, of no one gathering its sentence tells attended
    (``…，并出席在某城举行的金砖国家领导人第十次会晤``), whose summit would take in the tour's first stop.
    The state of a delegation the visitor leads (``率甲国代表团``) or of an office written before a name (``甲国总统张三``,
    ``应乙国总统李四邀请``) is a leader's, no stop."""
    visit = VISIT_WORDS.search(sentence.hans, days.stop)
    if days.end <= days.start or visit is None:
        return False
    stop = CLAUSE.search(sentence.hans, visit.end())
    stop = stop.start() if stop else len(sentence.hans)
    titled = [(spot.start - len(written_before(sentence, spot)), spot.start) for spot in sentence.spots
              if days.stop <= spot.start < stop and reading.registry.is_a(spot.surface, Kind.PERSON)]
    states = {spot.key for spot in sentence.spots if days.stop <= spot.start < stop
              and reading.index.is_state(spot.surface) and not a_delegations_state(sentence, spot)
              and not any(begin <= spot.start < name for begin, name in titled)}
    return len(states) > 1 or _STATES_COUNTED.search(sentence.hans, days.stop, stop) is not None \
        or _BOTH_HOSTS.search(sentence.hans, days.stop, stop) is not None and _invited_by_several(reading, sentence)


#: The two states a visit goes to, counted (对两国进行的正式访问, 访问两国): a tour where its hosts are of two states.
_BOTH_HOSTS = re.compile(r"(?:对|访问|出访)两国")


def _invited_by_several(reading: Reading, sentence: Sentence) -> bool:
    """Whether the leaders whose invitation the sentence tells are of two states or more (``应甲国总理张三、乙国总理李四
    邀请``): the two a later ``两国`` counts are theirs, each host of a stop."""
    invited = ACCEPTED.search(sentence.hans)
    if invited is None:
        return False
    hosts = [spot for spot in sentence.spots if invited.start() <= spot.start < invited.end()
             and reading.registry.is_a(spot.surface, Kind.PERSON)]
    return len({title.state for spot in hosts for title in titles_before(sentence, spot, reading.index)
                if title.state is not None}) > 1


#: After a state's name: the delegation it names (甲国党政代表团, 甲國政府代表團), the visitors' own.
_ITS_DELEGATION = re.compile(r"[^\W\d_a-zA-Z对于向赴访]{0,4}?代表[团團]")


def a_delegations_state(sentence: Sentence, spot: Spot) -> bool:
    """Whether a state is named as the one a delegation is of (``张三于2033年5月6日至10日率甲国党政代表团对乙国进行
    访问``): the visitors' own state, which they lead there, not a state visited; not one named before a visit's
    word (``张三率团访问乙国``: 乙国 is visited)."""
    return _ITS_DELEGATION.match(sentence.hans, spot.end) is not None


#: The states of a tour counted, not named (``应甲、乙和丙邀请，于…对三国进行的正式访问``).
_SEVERAL_STATES = re.compile(r"[^，,；;。]{0,4}?对(?:[两二三四五六七八九十]|[这该上述]{1,2}[两二三四五六七八九十])国")


def the_leads_visit(reading: Reading) -> VisitTold | None:
    """The one visit of several days the lead's first paragraph tells (``于1979年1月28日至2月5日
    对美国进行的正式访问``), if it tells exactly one; a state whose delegation the visitor leads is his own,
    not a stop of a tour; a visit to states it counts (``对三国进行的``) is a tour."""
    told = []
    year = None
    for sentence in [s for s in reading.lead if reading.lead and s.paragraph == reading.lead[0].paragraph]:
        months = [m for m in find_year_months(sentence.hans) if m.month is not None]
        year = months[0].year if months else year
        dates = find_dates(sentence.hans, year=year)
        if (visit := visit_told(sentence, dates, None)) is not None and visit.days.end > visit.days.start:
            states = {spot.key for spot in sentence.spots if spot.start >= visit.days.stop and reading.index.is_state(spot.surface)
                      and not a_delegations_state(sentence, spot)}
            counted = _SEVERAL_STATES.match(sentence.hans, visit.days.stop) is not None
            told.append(replace(visit, tour=len(states) > 1 or counted))
    return told[0] if len(told) == 1 else None


def year_above(reading: Reading, section: Section | None, around: SummitFound | None) -> int | None:
    """The year a heading's day without one is of: a heading above it gives it (== 2018年 ==),
    else the summit the article boxes, else the first year of the lead (an account of the
    article's own visit; a month of it, where the lead gives no day: ``于2033年12月对乙国进行的为期三天的国事访问``),
    never the year the 背景 before it reached."""
    if section is None:
        return None
    above = [s for s in reading.by_section if s.level < section.level and s.span.start <= section.span.start < s.span.end]
    for outer in sorted(above, key=lambda s: -s.level):
        year, _ = heading_time(outer)
        if year is not None:
            return year
    return around.start.year if around is not None else first_year(reading.lead) or next(
        (m.year for sentence in reading.lead[:1] for m in find_year_months(sentence.hans) if m.month is not None), None)


def day_of_the_heading(section: Section | None, year: int | None) -> date | None:
    """The day a section's heading gives (``=== 10月21日 ===``, ``第二天（5月7日）``), if it is one."""
    if section is None or year is None:
        return None
    days = find_dates(to_hans(section.heading), year=year)
    return days[0].start if len(days) == 1 and days[0].start == days[0].end else None


#: A day told as the one after the last (``次日``, ``翌日``, ``第二天``).
_THE_NEXT_DAY = re.compile(NEXT_DAY)


def heading_is_the_next_day(hans: str, told: DateRange, heading_day: date) -> DateRange:
    """A section headed by its day (``=== 尼日尔（5月23日） ===``, ``=== 1月17日 ===``) whose text opens
    with ``次日``/``翌日`` counts from the section before: that next day is the heading's, not the one
    after it."""
    if _THE_NEXT_DAY.fullmatch(hans, told.at, told.stop) and told.start == heading_day + timedelta(days=1):
        return DateRange(heading_day, heading_day, told.at, told.stop, told.year_given)
    return told


def in_the_state_of_the_heading(reading: Reading, section: Section, summits: list[SummitFound]) -> None:
    """A section headed with a state alone (``=== 乙国 ===``, ``=== 乙国（11月9日至12日） ===``) tells
    a leg of a tour there: a meeting it tells with no place of its own is held in that state."""
    state = _HEADING_NOTE.sub("", to_hans(section.heading)).strip()
    if not state or not reading.registry.is_a(state, Kind.COUNTRY):
        return
    for summit in summits:
        if summit.anchor is not None and not reading.registry.has_fact(summit.id, Prop.VENUE):
            reading.registry.fact(summit.id, Prop.VENUE, reading.registry.named(Kind.COUNTRY, state),
                                  evidence=(summit.anchor.evidence(),))


#: What a heading adds in brackets after its subject (its days: 乙国（11月9日至12日）).
_HEADING_NOTE = re.compile(r"[（(][^）)]*[）)]")


def heading_leg(section: Section | None, year: int | None, lead_visit: VisitTold | None) -> DateRange | None:
    """The days a section's heading gives a leg of a visit or tour (``=== 乙国（11月9日至12日） ===``),
    in the year the text has reached, or the lead's visit's when they fall in it; a span of a
    month at most."""
    if section is None:
        return None
    heading = to_hans(section.heading)
    for told in (lead_visit.days.start.year if lead_visit else None, year):
        days = find_dates(heading, year=told) if told is not None else []
        if len(days) != 1 or not days[0].start < days[0].end <= days[0].start + _A_MONTH:
            continue
        if told == year or lead_visit.days.start <= days[0].start and days[0].end <= lead_visit.days.end:
            return days[0]
    return None


_A_MONTH = timedelta(days=31)


#: A heading of a state's leg alone, or of the visit to it (``=== 乙国 ===``, ``== 访问乙国 ==``).
_VISIT_HEADING = re.compile(r"^(?:访问|出访|对)?(?P<state>[^（(]+?)(?:之行|访问)?$")


def year_of_the_leads_month(reading: Reading) -> int | None:
    """The year of the first month the lead gives (``于1978年8月对乙国…进行的访问``)."""
    return next((m.year for s in reading.lead for m in find_year_months(s.hans) if m.month is not None), None)


def year_the_lead_defines(reading: Reading) -> int | None:
    """The one year the lead's first sentence gives, alone, to what it defines (``是指甲国总理张三在2025年
    两度前往某都与乙国总统李四举行的会晤``): the year of the days its account gives without one."""
    years = {m.year for m in find_year_months(reading.lead[0].hans) if m.month is None} if reading.lead else set()
    return years.pop() if len(years) == 1 else None


def leg_told_in_prose(reading: Reading, section: Section | None, sentences: list[Sentence],
                       year: int | None) -> DateRange | None:
    """The days of a state's leg whose heading gives none (``=== 乙国 ===``, ``== 访问乙国 ==``), as its
    section's first dated sentence tells them: the span of a visit to that state
    (``11月11日至15日，甲对乙国进行国事访问``), a month at most."""
    first = _first_dated_of_a_states_leg(reading, section, sentences, year)
    if first is None:
        return None
    told = find_dates(first.hans, year=year)[0]
    if told.end > told.start:
        span_ok = VISIT_WORDS.search(first.hans, told.stop) and _leg_state(reading, section) in first.hans
        return told if span_ok and told.end <= told.start + _A_MONTH else None
    return None


def leg_from_its_arrival(reading: Reading, section: Section | None, sentences: list[Sentence],
                         year: int | None, keeps_its_days: SummitFound | None = None) -> DateRange | None:
    """The days of a state's leg whose heading gives none and whose section opens with a day alone
    and the visitor arriving (``4月27日，甲抵达某都，开始对乙国进行国事访问``): from that day to the one
    the visitor leaves (``29日，甲结束对乙国的国事访问``, or the next leg opening so:
    ``=== 丙国 ===¶3月29日，甲结束对乙国的访问，抵达丙都``), else to the last day the section tells of the
    leg (the conventions date a visit from arrival to departure as the text tells them). A summit the
    article's infobox states (``keeps_its_days``) keeps its own days: the leg ends the day before it."""
    first = _first_dated_of_a_states_leg(reading, section, sentences, year)
    if first is None:
        return None
    told = find_dates(first.hans, year=year)[0]
    opening = " ".join(s.hans for s in sentences if s.paragraph == first.paragraph and s.start >= first.start)
    if told.end > told.start or not _BEGINS_A_STAY.search(opening, told.stop):
        return None  # the leg's days begin with its arrival (4日上午，甲离开某都。…当地时间4日下午抵达某城)
    end = _day_the_leg_ends(sentences, told.start, year) \
        or _left_as_the_next_leg_begins(reading, section, year, told.start) or _last_day_told(sentences, told.start, year)
    if keeps_its_days is not None and told.start < keeps_its_days.start <= (end or told.start):
        end = keeps_its_days.start - timedelta(days=1)  # the summit the article boxes keeps its own days
    if keeps_its_days is not None and keeps_its_days.start <= told.start <= keeps_its_days.end:
        return None
    return DateRange(told.start, end, told.at, told.stop, told.year_given) if end and end > told.start else None


def _leg_state(reading: Reading, section: Section | None) -> str | None:
    """The state a section's heading names alone (``=== 乙国 ===``, ``== 访问乙国 ==``), if it does."""
    if section is None:
        return None
    heading = _VISIT_HEADING.match(_HEADING_NOTE.sub("", to_hans(section.heading)).strip())
    state = heading["state"] if heading else None
    return state if state and (reading.registry.is_a(state, Kind.COUNTRY) or reading.index.is_state(state)) else None


def _first_dated_of_a_states_leg(reading: Reading, section: Section | None, sentences: list[Sentence],
                                 year: int | None) -> Sentence | None:
    """The first sentence with a day in a section headed by a state alone."""
    if year is None or not sentences or _leg_state(reading, section) is None:
        return None
    return next((s for s in sentences if find_dates(s.hans, year=year)), None)


#: After a leg's first day: the visitor arriving or beginning the visit (``3月24日，甲抵达某城，开始对乙国
#: 进行国事访问``; ``4月24日上午，甲离开某城前往乙国。当天，刚刚抵达某都的甲…``).
_BEGINS_A_STAY = re.compile(r"抵达|飞抵|到达|前往|开始[^，。；]{0,12}访问")


#: The longest a state's leg of a tour is read to go on from its first day.
_A_LEG_AT_MOST = timedelta(days=10)


def _days_told(sentences: list[Sentence], year: int, day: date | None = None) -> list[tuple[DateRange, str]]:
    """Each day a section tells, in order, with what its text says up to the next day told: a bare
    ``25日`` or ``当天`` read from the day before it (``day`` for the first: the day the account had
    reached before the section), a sentence with no day of its own going on with the day its paragraph
    last told (``7月7日，甲与乙举行会谈。会后，甲结束对乙国的访问``)."""
    out: list[tuple[DateRange, str]] = []
    paragraph = None
    for sentence in sentences:
        dates = find_dates(sentence.hans, year=year)
        dates = sorted(dates + relative_days(sentence.hans, dates, day), key=lambda d: d.at)
        if dates and dates[0].at > 0 and out and sentence.paragraph == paragraph:
            out[-1] = (out[-1][0], out[-1][1] + sentence.hans[:dates[0].at])
        if not dates and out and sentence.paragraph == paragraph:
            out[-1] = (out[-1][0], out[-1][1] + sentence.hans)
        for i, told in enumerate(dates):
            stop = dates[i + 1].at if i + 1 < len(dates) else len(sentence.hans)
            out.append((told, sentence.hans[told.at:stop]))
            day, paragraph = told.start, sentence.paragraph
    return out


def _within_the_leg(sentences: list[Sentence], start: date, year: int) -> list[tuple[DateRange, str]]:
    """The days a leg's section tells from its first day, up to one before it or long after it."""
    out = []
    for told, said in _days_told(sentences, year):
        if told.start < start or told.start > start + _A_LEG_AT_MOST:
            break
        out.append((told, said))
    return out


def _day_the_leg_ends(sentences: list[Sentence], start: date, year: int) -> date | None:
    """The first day after a leg's first one on which its section tells the visitor leave
    (``25日下午，甲离开某城，前往丙国``; ``29日，甲结束对乙国的国事访问``)."""
    return next((told.start for told, said in _within_the_leg(sentences, start, year)
                 if told.start > start and _LEAVES.search(said)), None)


def _last_day_told(sentences: list[Sentence], start: date, year: int) -> date | None:
    """The last day a leg's section tells (``4月26日，甲抵达某都…4月27日，甲在乙国议会发表演讲``): the
    visit goes on over the days told of it."""
    return max((told.start for told, _ in _within_the_leg(sentences, start, year)), default=None)


def _left_as_the_next_leg_begins(reading: Reading, section: Section, year: int, start: date) -> date | None:
    """The day the next state's leg opens by telling the visitor leave the one before
    (``=== 丙国 ===¶3月29日，甲结束对乙国的访问，从某城乘专机抵达丙都``), within a few days of its first.
    A bare day opening it (``=== 丙国 ===¶26日，甲结束对乙国的访问…``) is of the month the leg began in."""
    sections = list(reading.by_section)
    following = next((s for s in sections[sections.index(section) + 1:] if s.level <= section.level), None)
    if following is None or following.level != section.level or _leg_state(reading, following) is None:
        return None
    days = _days_told(list(reading.by_section[following]), year, start)
    if days and start < days[0][0].start <= start + _A_LEG_AT_MOST and _LEAVES.search(days[0][1]):
        return days[0][0].start
    return None


def heading_time(section: Section) -> tuple[int | None, int | None]:
    for found in find_year_months(to_hans(section.heading)):
        return found.year, found.month
    return None, None


#: A leader leaving a leg (``结束对乙国的国事访问``, ``启程回国``, ``离开某城，前往丙国``; ``9日，甲结束访问``: the visit
#: the leg tells): what ends a leg's days (_day_the_leg_ends, _left_as_the_next_leg_begins) and the leaving told below.
_LEAVES = re.compile(r"结束(?:了)?对[^，。；]{1,24}?(?:访问|之行)|结束(?:了)?访问|启程回国|离开[^，。；]{1,16}?(?:回国|[，,]?前往)")

#: A sentence having the leader arrive at a leg (``3月21日，甲抵达某城，开始对乙国进行国事访问``).
ARRIVING = re.compile(r"抵达|飞抵|到达|开始对")

#: The most days a leg of a tour spans.
_LONGEST_LEG = timedelta(days=10)


@dataclass(frozen=True)
class LegTold:
    """A section of a tour's leg headed by its state alone (``=== 乙国 ===``): where it stands among
    the sections, the first day its text gives, the day it has the leader leave, whether that first
    day's sentence has the leader arrive, the days its text gives, and the summits it told
    (``found[first:stop]``)."""

    order: int  # the section's place among the article's sections
    level: int
    opens: date | None
    leaves: date | None
    arrives: bool
    days: tuple[date, ...]
    first: int
    stop: int
    state: str | None = None  # the key of the state its heading names


def state_of_the_leg(reading: Reading, section: Section | None) -> str | None:
    """The key of the state a section's heading names alone, or first of the places it visits there
    (``=== 乙国 ===``, ``== 访问乙国 ==``, ``=== 乙国和某组织总部 ===``)."""
    if section is None:
        return None
    heading = _VISIT_HEADING.match(_HEADING_NOTE.sub("", to_hans(section.heading)).strip())
    state = re.split(r"和|与|及|、", heading["state"])[0].strip() if heading else ""
    named = state and (reading.registry.is_a(state, Kind.COUNTRY) or reading.index.is_state(state))
    return reading.index.key(state) if named else None


def day_of_leaving(hans: str, dates: list[DateRange], day: date | None) -> date | None:
    """The day a sentence has the leader leave a leg (``11日下午，甲结束对乙国的正式访问启程回国``):
    the last day it gives before the words of leaving, else the day the text had reached
    (``7月7日，甲与乙会谈。会后，甲结束对乙国的访问``)."""
    leaving = _LEAVES.search(hans)
    if leaving is None:
        return None
    told = [d for d in dates if d.stop <= leaving.start()]
    return told[-1].end if told else day if not dates else None


def legs_run_to_the_next(reading: Reading, people: People, found: list[SummitFound], legs: list[LegTold]) -> None:
    """A tour told a state's section at a time (``=== 乙国 ===``/``=== 丙国 ===``, each opening on the
    day the leader arrives there: ``5月6日，甲抵达某城，开始对乙国进行正式访问``) has each leg span
    the days its section tells, from that arrival to the day it has the leader leave
    (``8日，甲结束对乙国的访问``), else to the last day it gives before the next leg's arrival;
    a leg begins on the day the one before has the leader fly on to it (``会后，甲结束对乙国的访问，
    当晚飞抵丙国首都``). A meeting of two leaders a leg's section tells within those days is that leg's
    summit (the conventions: a visit during which the leaders meet is one summit, on the visit's
    dates as the text gives them). A section that opens on no arrival, and a visit of one leg, are
    left as they are."""
    spans = [(_start_of_the_leg(leg, legs[i - 1] if i > 0 else None),
              _end_of_the_leg(leg, legs[i + 1] if i + 1 < len(legs) else None)) for i, leg in enumerate(legs)]
    for i, (leg, (start, end)) in reversed(list(enumerate(zip(legs, spans)))):  # folding moves those after
        in_a_tour = (i > 0 and _follows(legs[i - 1], leg)) or (i + 1 < len(legs) and _follows(leg, legs[i + 1]))
        if not in_a_tour or start is None or end is None or not start < end <= start + _LONGEST_LEG \
                or leg.first == leg.stop:
            continue
        days = DateRange(start, end, 0, 0, True)
        found[leg.first:leg.stop] = one_summit_per_leg(reading, people, [
            over_the_leg(reading, summit, days, people, leg.state) if len(summit.participants) == _TWO_LEADERS else summit
            for summit in found[leg.first:leg.stop]], days)


#: A leg's summit is the visitor's with its host: a meeting of more is one of its own day.
_TWO_LEADERS = 2


def _follows(leg: LegTold, following: LegTold | None) -> bool:
    return following is not None and following.level == leg.level and following.order == leg.order + 1


def _start_of_the_leg(leg: LegTold, before: LegTold | None) -> date | None:
    """The day a leg begins: the day its section has the leader arrive, or the day the leg before it
    has the leader leave for it when that is earlier (``会后，甲结束对乙国的访问，当晚飞抵丙国首都``)."""
    if before is not None and _follows(before, leg) and before.leaves is not None and leg.opens is not None \
            and before.opens is not None and before.opens < before.leaves < leg.opens:
        return before.leaves
    return leg.opens if leg.arrives else None


def _end_of_the_leg(leg: LegTold, following: LegTold | None) -> date | None:
    """The day a leg ends: the day its section has the leader leave (``25日下午，甲离开某城，前往
    丙国``), else the last day its section gives, up to the next leg's arrival."""
    if leg.opens is None:
        return None
    if leg.leaves is not None and leg.leaves > leg.opens:
        return leg.leaves
    until = following.opens if _follows(leg, following) and following.opens is not None else leg.opens + _LONGEST_LEG
    told = [day for day in leg.days if leg.opens <= day <= until]
    return max(told) if told else None
