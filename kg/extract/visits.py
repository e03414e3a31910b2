"""A visit is one summit: the meetings its visitor has on its days are that summit.

"甲于2008年5月6日至10日对乙国进行国事访问" gives a visit's days; the talks with 乙国's leaders
on 5月7日 and the meeting with its monarch on 5月8日, told wherever in the article, are the
one summit of that visit, which spans the visit's days (the conventions: "A state visit
during which the leaders meet is one summit spanning the visit's dates"). A visit told from its
first day and its length ("11月16日，甲抵达某城，开始对乙国进行为期两天的国事访问") spans the days
counted, but for a meeting whose own day is written apart from the length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from kg.extract.dates import DateRange, chinese_number, find_dates, find_year_months
from kg.extract.ordinals import number_the_visit
from kg.extract.people import People, titles_in
from kg.extract.phrases import DURING_THE_VISIT, PLANNED_FOR, VISIT_WORDS
from kg.extract.reading import Reading
from kg.extract.joining import SummitFound, fold_with_people
from kg.extract.boxed_summit import BACKGROUND, a_sides_top, days_told
from kg.extract.legs import heading_time
from kg.extract.scripts import to_hans
from kg.wikitext import Section
from kg.extract.meeting_clauses import ACCEPTED, not_held
from kg.extract.narrative import YEAR_FRAME, asides_blanked
from kg.extract.participants import QUALIFIES, add_participants, bare_office_holders
from kg.extract.roles import written_before
from kg.extract.table_rows import meeting_tables
from kg.extract.text import Sentence
from kg.model import Kind, Prop

_CLAUSE = re.compile(r"[，,；;：:]")
#: A year without its month that opens a sentence (2024年适逢两国建交50周年, 2031年，…): the text has reached it, not
#: a year named inside one (重走甘地1893年被逐下火车之路) or one that frames a time (2013年以来).
_A_YEAR_OPENS = re.compile(r"(?P<year>[0-9]{4})年(?![0-9]{1,2}月|" + YEAR_FRAME.pattern.lstrip("^") + ")")
#: The longest stay still read as one visit (毛泽东 stayed two months in Moscow).
_LONGEST = timedelta(days=92)
#: How far the meetings of a visit given from its first day only (于…起) are looked for.
_OPEN_STAY = timedelta(days=14)
#: A visit's length told after its first day (开始为期两天的国事访问, 对越南为期四天的正式访问, 作两天的访问,
#: 为期四天三夜的正式访问, 为期3天的访华之旅), in days: the visit spans them from that day.
_LASTING = re.compile(r"(?:为期|作)(?P<n>[0-9一二三四五六七八九十两]{1,3})天(?:[0-9一二三四五六七八九十两]{1,3}夜)?的?"
                      r"[^，,。；;]{0,8}?(?:访问|之行|之旅|行程)")
#: A visit's length told at its end (18日，甲结束为期两天的访问): the day told before it is the visit's last, not its first.
_ENDS = "结束"
#: Words after a month that make it the month of what came before a visit (2031年6月就任后首次访华).
_SINCE = re.compile(r"后|以来|之后")
#: A visit to several states at once, by their count (访问中东三国, 对东南亚三国进行访问): a tour.
_SEVERAL_STATES = re.compile(r"[两二三四五六七八九十]国")


@dataclass(frozen=True)
class Visit:
    start: date
    end: date
    visitors: frozenset[str]  # person keys the visit's sentence names
    sentence: Sentence
    open: bool = False  # given from its first day only (于9月22日起…访问): it ends with its last meeting
    visited: frozenset[str] = frozenset()  # state keys the visit's clause names (对乙国进行国事访问): the hosts' side
    lasting: bool = False  # given from its first day and its length (开始为期两天的国事访问): its end is counted, not written
    month_only: bool = False  # given by its month (于2031年5月对乙国进行正式访问。访问期间，…): it spans its meetings


def one_summit_per_visit(reading: Reading, people: People, summits: list[SummitFound],
                         boxed: SummitFound | None = None) -> list[SummitFound]:
    """Folds the summits of each visit's days that its visitor took part in into one, which
    spans the visit's days (an infobox's summit, ``boxed``, or a table row's keeps its own days)."""
    out = list(summits)
    spanned: set = set()  # summits a visit's days were given to: a longer visit around it is a tour
    for visit in sorted(_visits(reading, people), key=lambda v: (v.end - v.start, v.start)):
        if boxed is not None and visit.start <= boxed.end and boxed.start <= visit.end and not _the_next_leg(visit, boxed):
            continue  # the infobox's summit: its account's meetings join it as extract_summits says
        members = [s for s in out if visit.start <= s.start and s.end <= visit.end and set(s.participants) & visit.visitors
                   and s.id not in spanned and not (visit.lasting and _its_own_days_told(reading, visit, s))
                   and not _with_a_third_state(reading, people, visit, s)]
        members = [s for s in members if not _a_gathering_of_more(people, s, members)]
        if not members or _hosts_of_several_states(people, visit, members):
            continue
        if visit.month_only and len(members) < 2:
            continue  # one meeting keeps its own days
        if visit.open:
            visit = replace(visit, end=max(s.end for s in members))
        if visit.month_only:
            visit = replace(visit, start=min(s.start for s in members), end=max(s.end for s in members))
        stated = [s for s in members if s.anchor is None]
        first = stated[0] if stated else max(members, key=lambda s: (len(s.participants), -s.start.toordinal()))
        keeps_its_days = bool(stated)  # decided before folding, which gives ``first`` new participants
        for other in members:
            if other.id == first.id or not set(other.participants) & set(first.participants) \
                    or not _sides_agree(people, first, other, visit.visited):
                continue
            first = fold_with_people(reading, people, other, first)
            out.remove(other)
        if keeps_its_days:  # an infobox's or a row's days stand
            reading.registry.keep_only(first.id, Prop.START_DATE, first.start)
            reading.registry.keep_only(first.id, Prop.END_DATE, first.end)
        else:
            for prop, day in ((Prop.START_DATE, visit.start), (Prop.END_DATE, visit.end)):
                reading.registry.drop(first.id, prop)
                reading.registry.fact(first.id, prop, day, evidence=(visit.sentence.evidence(),) + (
                    (first.anchor.evidence(),) if first.anchor is not None else ()))
            first = replace(first, start=visit.start, end=visit.end)
        number_the_visit(reading, first.id, visit.sentence)  # 对法国进行第三次国事访问
        spanned.update(s.id for s in members)  # those it did not take keep their own days
        out[[s.id for s in out].index(first.id)] = first
    return out


def _sides_of(people: People, summit: SummitFound) -> set:
    return {people.sides.get(p) for p in summit.participants} - {None}


def _a_gathering_of_more(people: People, summit: SummitFound, members: list[SummitFound]) -> bool:
    """Whether a meeting on a visit's days brings in sides beyond the visit's own two, which another meeting of
    those days gives (``5月22日至23日，甲访问乙国，与乙举行会谈`` and ``5月23日，甲、乙与丙国总统丁共同见证…三方协定``;
    the visitor's talks with the host and then a meeting of six leaders at the host's office): a gathering of its own
    on the visit's days, which keeps its own day and people, not the visit's summit."""
    sides = _sides_of(people, summit)
    return len(sides) >= 3 and any(len(two := _sides_of(people, other)) == 2 and two < sides for other in members)


def _hosts_of_several_states(people: People, visit: Visit, members: list[SummitFound]) -> bool:
    """Whether a journey whose sentence names no state visited (``甲于11月14日至20日进行的出访``) has its visitor meet,
    on its days, the leaders of two states, each alone (乙国总统 on the 15th, 丙国总理 on the 17th): a tour of those
    states, each leg's talks a summit of their own days, not one visit spanning the journey."""
    if visit.visited:
        return False
    own = {people.sides.get(v) for v in visit.visitors}
    hosts = {frozenset(sides) for s in members if len(sides := _sides_of(people, s) - own) == 1}
    return len(hosts) > 1


def _the_next_leg(visit: Visit, boxed: SummitFound) -> bool:
    """Whether a visit the text dates shares only its first day with the boxed visit's last one: the visitor
    flew on that day (``结束对乙国的访问后，甲于5月6日至8日访问丙国``, the box 5月4日至6日), and its
    meetings are that next visit's, not the boxed one's."""
    return boxed.start < visit.start == boxed.end < visit.end


def _clause_end(hans: str, at: int) -> int:
    found = _CLAUSE.search(hans, at)
    return found.start() if found else len(hans)


def _sides_agree(people: People, first: SummitFound, other: SummitFound, visited: frozenset[str] = frozenset()) -> bool:
    """Whether everyone ``other`` names beyond ``first`` stands for a side ``first`` has, for the
    state visited (``甲于5月6日至8日对乙国进行国事访问``: 乙国总理丙, met on the 7th, is a host even
    where ``first`` names 乙国's president by his office alone, 国家主席丁), or for none the text
    gives (``4月12日，国家主席丙会见甲``: the host's head of state, his state left unsaid)."""
    sides = {people.sides.get(p) for p in first.participants} - {None}
    return all(people.sides.get(p) in sides | visited | {None} for p in other.participants if p not in first.participants)


def _with_a_third_state(reading: Reading, people: People, visit: Visit, summit: SummitFound) -> bool:
    """Whether a summit on a visit's days names someone of a state its sentence does not name at all, nor
    the visitors' own (``7月7日至9日，甲访问乙国``, and on the 7th 甲 met 丙国总统 in 丙国 before going on): not
    that visit's. Any state the sentence names may be the one visited (``6月19日至20日，甲在结束对丙国的访问
    后转往某城，对乙国进行国事访问``: the first visit word is the visit ended)."""
    if not visit.visited:
        return False
    named = {spot.key for spot in visit.sentence.spots if reading.index.is_state(spot.surface)}
    known = visit.visited | named | {people.sides.get(v) for v in visit.visitors} | {None}
    return any(people.sides.get(p) not in known for p in summit.participants)


def _states_visited(reading: Reading, sentence: Sentence, after: int, visit: re.Match) -> frozenset[str]:
    """The states named from a visit's days to the end of its word's clause, the states visited
    (``于11月25日至27日对乙国进行国事访问``, ``于5月6日至8日访问乙国``)."""
    end = _clause_end(sentence.hans, visit.end())
    return frozenset(spot.key for spot in sentence.spots
                     if after <= spot.start < end and reading.index.is_state(spot.surface))


def _states_named(reading: Reading, sentence: Sentence, after: int, visit: re.Match) -> frozenset[str]:
    """The states named from a visit's days to the end of its word's clause, but for the state of an
    office written before a name (``德国总理张三``, ``应乙国主席李四邀请``): that is the holder's state."""
    end = _clause_end(sentence.hans, visit.end())
    titled = [(spot.start - len(written_before(sentence, spot)), spot.start) for spot in sentence.spots
              if reading.registry.is_a(spot.surface, Kind.PERSON)]
    return frozenset(spot.key for spot in sentence.spots if after <= spot.start < end and reading.index.is_state(spot.surface)
                     and not any(begin <= spot.start < name for begin, name in titled))


def _own_states(reading: Reading, people: People, sentence: Sentence, visit: re.Match) -> frozenset[str]:
    """The states the article gives the visitors named before a visit's word (``2008年5月6日至10日，张三率
    德国代表团对日本进行国事访问``, 张三 a German chancellor): a visitor's own state is no state visited.
    Not the host's, who invites (``应日本首相李四邀请``)."""
    hosts = [(m.start(), m.end()) for m in ACCEPTED.finditer(sentence.hans, 0, visit.start())]
    return frozenset(people.sides[spot.key] for spot in sentence.spots if spot.start < visit.start()
                     and spot.key in people.sides and reading.registry.is_a(spot.surface, Kind.PERSON)
                     and not any(begin <= spot.start < end for begin, end in hosts))


def _visits(reading: Reading, people: People) -> list[Visit]:
    """Spans of days the text says someone visited for (``于…至…对乙国进行国事访问``,
    ``2025年12月3日至5日，甲第四次对乙国进行国事访问``), never a visit planned or called off."""
    out: list[Visit] = []
    year = None  # the year the text has reached: 田中此次访华的时间为9月25日至30日
    sentences = reading.all_sentences()
    opening = {id(told[0]): section for section, told in reading.by_section.items() if told}
    before_the_past: int | None = None  # the year reached before a background section, which its past does not move
    for at, sentence in enumerate(sentences):
        if (section := opening.get(id(sentence))) is not None:
            year, before_the_past = _year_at_the_section(section, year, before_the_past)
        months = [m for m in find_year_months(asides_blanked(sentence.hans)) if m.month is not None
                  and not PLANNED_FOR.search(sentence.hans, 0, m.at)]  # 乙将于2005年1月访华: the text stays in its year
        # …于6月18日至20日对乙国进行访问，这是他2033年3月上任后首次访乙: an aside's year, not the visit's
        if months:  # 于2014年11月出席…后，于11月17日至19日对乙国进行国事访问: the days are of that year
            year = months[0].year
        elif opened_by := _A_YEAR_OPENS.match(sentence.hans):  # 2024年适逢建交50周年。…于6月18日至20日对乙国…访问
            year = int(opened_by["year"])
        dates = find_dates(sentence.hans, year=year)
        year = next((d.start.year for d in reversed(dates) if d.year_given), year)
        if not_held(sentence.hans):
            continue
        if not dates and months and (month := _the_month_of_a_visit(reading, people, sentence, months, sentences[at + 1:at + 4])):
            out.append(month)
        for i, span in enumerate(dates):
            if PLANNED_FOR.search(sentence.hans, 0, span.at):
                continue  # 报道称甲计划于3月21日至22日访问乙国: a plan's days
            stop = dates[i + 1].at if i + 1 < len(dates) else len(sentence.hans)
            lasting = _days_it_lasts(sentence.hans, span, stop)
            opened = not lasting and span.end == span.start and sentence.hans.startswith("起", span.stop)
            if lasting:
                span = replace(span, end=span.start + timedelta(days=lasting - 1))
            elif opened:
                span = replace(span, end=span.start + _OPEN_STAY)
            if span.end <= span.start or span.end - span.start > _LONGEST:
                continue
            begin = max((m.end() for m in _CLAUSE.finditer(sentence.hans, 0, span.at)), default=0)
            visit = VISIT_WORDS.search(sentence.hans, span.stop, stop) or VISIT_WORDS.search(sentence.hans, begin, span.at)
            if visit is None:
                continue
            if _a_tour(reading, people, sentence, span.stop, visit, _clause_end(sentence.hans, visit.end())):
                continue
            if visitors := _people_before(reading, sentence, max(visit.start(), span.at)) \
                    or _the_one_the_pronoun_is(reading, sentence, sentences[at - 1] if at else None, visit.start()):
                out.append(Visit(span.start, span.end, visitors, sentence, open=opened,
                                 visited=_states_visited(reading, sentence, span.stop, visit), lasting=bool(lasting)))
    return out


def _year_at_the_section(section: Section, year: int | None, before_the_past: int | None) -> tuple[int | None, int | None]:
    """The year the text has reached as a section opens, and the one a background section was opened at (else None):
    the year its heading names (``=== 2033年：乙国 ===``: ``甲于4月11日至14日在乙国进行国是访问`` is of 2033), else the
    year reached before the background section just read, whose past (``2031年11月，甲在…会见乙``) does not carry into
    the account after it (``== 后续 ==¶同年11月5日至7日，乙对甲国进行访问``: the year the article is about)."""
    if before_the_past is not None:
        year = before_the_past
    before_the_past = year if BACKGROUND.match(to_hans(section.heading).strip()) else None
    return heading_time(section)[0] or year, before_the_past


def _the_month_of_a_visit(reading: Reading, people: People, sentence: Sentence, months, after) -> Visit | None:
    """A visit the text dates by its month alone, whose meetings a sentence of its paragraph soon after opens on
    (``甲于2031年5月对乙国进行正式访问。访问期间，乙国总理丙于5月7日同甲举行会谈，乙国主席丁于8日会见甲``): the
    meetings of its days, told wherever in the article, are one summit from the first to the last. Not where
    the sentence names a day (its days are read as written), nor a tour of several states, nor a month not the
    visit's (``于2031年6月就任后首次访问乙国``)."""
    if not any(later.passage is sentence.passage and later.paragraph == sentence.paragraph
               and DURING_THE_VISIT.match(later.hans) for later in after):
        return None
    month = months[0]
    visit = VISIT_WORDS.search(sentence.hans, month.stop, _clause_end(sentence.hans, month.stop))
    if visit is None or PLANNED_FOR.search(sentence.hans, 0, month.at) or not sentence.hans.endswith("于", 0, month.at) \
            or _SINCE.search(sentence.hans, month.stop, visit.start()):
        return None  # 这是甲2031年6月就任总统后首次访问乙国: the month of something else
    if _a_tour(reading, people, sentence, month.stop, visit, len(sentence.hans)):
        return None  # 是其甲国、乙国、丙国三国之行的首站: a month of several states' meetings
    if not (visitors := _people_before(reading, sentence, month.at)):
        return None
    first = date(month.year, month.month, 1)
    last = (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
    return Visit(first, last, visitors, sentence, visited=_states_visited(reading, sentence, month.stop, visit),
                 month_only=True)


def _a_tour(reading: Reading, people: People, sentence: Sentence, after: int, visit: re.Match, until: int) -> bool:
    """Whether the visit the sentence tells from ``after`` is a tour: of several states named in its word's clause
    (``对甲国、乙国和丙国进行国事访问``, ``出访甲国、乙国及丙国``; not ``应乙国主席邀请对乙国…``, one state twice, nor the
    visitor's own), or of several counted before ``until`` (``访问中东三国``)."""
    return len(_states_named(reading, sentence, after, visit) - _own_states(reading, people, sentence, visit)) > 1 \
        or _SEVERAL_STATES.search(sentence.hans, after, until) is not None


def _people_before(reading: Reading, sentence: Sentence, at: int) -> frozenset[str]:
    """The people the sentence names before ``at``: the visitors of the visit told from there."""
    return frozenset(spot.key for spot in sentence.spots if spot.start < at and reading.registry.is_a(spot.surface, Kind.PERSON))


def _the_one_the_pronoun_is(reading: Reading, sentence: Sentence, before: Sentence | None, at: int) -> frozenset[str]:
    """The visitor a sentence names by a pronoun alone before its visit's word (``6月2日至4日，他访问乙国``,
    ``他首次出任总理期间，于…对乙国进行正式访问``): the person the sentence just before, in its paragraph, names first,
    its subject (``2033年初甲再次当选连任。``). Not where that sentence names no one."""
    if before is None or before.passage is not sentence.passage or before.paragraph != sentence.paragraph \
            or not _HIM_OR_HER.search(sentence.hans, 0, at):
        return frozenset()
    subject = next((spot for spot in before.spots if reading.registry.is_a(spot.surface, Kind.PERSON)
                    and not QUALIFIES.match(before.hans[spot.end:])), None)
    return frozenset({subject.key}) if subject is not None else frozenset()


def _days_it_lasts(hans: str, span: DateRange, stop: int) -> int | None:
    """How many days a visit begun on a day the text gives alone goes on, told before the next day
    (``11月16日，甲抵达某城，开始对乙国进行为期两天的国事访问``: two, the 16th and 17th); None where the
    day is its end (``18日，甲结束为期两天的访问回国``) or the text tells no length."""
    if span.end != span.start or "为期" not in hans and "作" not in hans:
        return None
    lasting = _LASTING.search(hans, span.stop, stop)
    if lasting is None or _ENDS in hans[span.stop:lasting.start()]:
        return None
    return chinese_number(lasting["n"])


def _its_own_days_told(reading: Reading, visit: Visit, summit: SummitFound) -> bool:
    """Whether a summit on the days of a visit given by its length is dated by what is told of it alone: a
    welcome the sentence that gives the length tells, and no talks (``7月14日，甲抵达某城，开始为期三天的访问，乙在机场
    迎接``: the 14th; but ``…开始对乙国为期两天的访问，并与乙会晤``, ``…作四天访问，当天即同乙…进行了会谈`` are the
    visit's talks, its summit spanning the days counted), or on the days a row of a meeting table gives
    (``| 2024年9月5日 || 某城 ||``): a day written stands against a day counted."""
    if summit.anchor is visit.sentence:
        return _TALKS.search(visit.sentence.hans) is None
    rows = [table.span for table, _ in meeting_tables(reading)]
    return any(any(d.start == summit.start and d.end == summit.end for d in find_dates(sentence.hans))
               for sentence in reading.all_sentences()
               if any(row.start <= sentence.span_of(0, 0).start < row.end for row in rows))


#: A meeting word of a clause that tells of talks (同他举行会谈, 还同某人会晤, 会见某人).
_TALKS = re.compile(r"会谈|会晤|会见|会面")
#: Words that tell talks of the same days as more of the visit (甲还同丙会晤, 甲同时与丙会谈).
_ALSO = re.compile(r"还|同时|也|亦")
#: A quotation's end the sentence before left at the start of this one (…再次访华。”访问期间，…).
_CLOSING_QUOTES = "”」』’\""
#: A year written in a sentence (2023年秋).
_YEAR = re.compile(r"(?<!\d)(\d{4})年")
#: The visitor written as a pronoun in the clause of the later talks (丙同他举行会谈).
_HIM_OR_HER = re.compile(r"(?<![其])[他她](?![们国人方乡])")


def others_met_on_its_days(reading: Reading, people: People, summits) -> None:
    """The talks a visit's paragraph tells after the meeting that made its summit, on the summit's
    days (``甲于某日访问乙国，乙国主席丙会见甲。访问期间，乙国总理丁同甲举行会谈``, ``甲同时与总理丁
    会谈``, ``甲还同总书记丁会晤``): a side's top leader, of a side already at the summit, who meets
    one of its participants (or ``他``/``她`` for one) takes part in it. A clause's talks with
    someone who holds a meeting of his own with them on those days stay that meeting."""
    for summit in summits:
        if summit.anchor is None:
            continue
        added: dict[str, str] = {}
        for sentence in _the_rest_of_its_paragraph(reading, summit):
            if _another_time(sentence.hans, summit):
                break  # another day's account, or another year's (2023年秋，丙同甲会面)
            if not_held(sentence.hans):
                continue
            for key, surface in _met_in_a_clause(reading, sentence, summit).items():
                if key not in added and _of_its_sides(people, summit, key) and a_sides_top(reading, people, sentence, key) \
                        and not _a_meeting_of_its_own(summits, summit, key):
                    added[key] = surface
                    add_participants(reading, people, summit.id, {key: surface}, sentence)


def _of_its_sides(people: People, summit: SummitFound, key: str) -> bool:
    """Whether the text gives ``key`` a side, one of the summit's where the text gives each of its
    participants one (a third state's leader met on the visit's days holds a meeting of his own)."""
    sides = [people.sides.get(other) for other in summit.participants]
    side = people.sides.get(key)
    return side is not None and (side in sides or None in sides)


def _another_time(hans: str, summit: SummitFound) -> bool:
    """Whether a sentence tells of a day outside the summit's days or of another year."""
    return any(not summit.start <= day.start <= summit.end for day in find_dates(hans, year=summit.start.year)) \
        or any(not summit.start.year <= int(year) <= summit.end.year for year in _YEAR.findall(hans))


def _the_rest_of_its_paragraph(reading: Reading, summit: SummitFound) -> list[Sentence]:
    """The sentences of the summit's anchor's paragraph from the anchor on."""
    anchor = summit.anchor
    return [s for s in reading.all_sentences() if s.passage is anchor.passage and s.paragraph == anchor.paragraph
            and s.start >= anchor.start]


def _met_in_a_clause(reading: Reading, sentence: Sentence, summit: SummitFound) -> dict[str, str]:
    """The people (key → surface) a clause of talks told as more of the visit (in a sentence that
    opens ``访问期间``, or with ``还``/``同时`` before its meeting word) names besides the summit's
    participants, where it names one of them or a pronoun for one (``访问期间，丁同甲举行会谈``,
    ``甲还同丁会晤``, ``丁同时同他举行会谈``)."""
    hans, out = sentence.hans, {}
    bounds = [0] + [m.end() for m in _CLAUSE.finditer(hans)] + [len(hans) + 1]
    for begin, end in zip(bounds, bounds[1:]):
        clause = hans[begin:end]
        talks = _TALKS.search(clause)
        if talks is None or not (DURING_THE_VISIT.match(hans.lstrip(_CLOSING_QUOTES)) or _ALSO.search(clause, 0, talks.start())):
            continue
        people = [spot for spot in sentence.spots if begin <= spot.start < end
                  and reading.registry.is_a(spot.surface, Kind.PERSON) and not QUALIFIES.match(hans[spot.end:])]
        if any(spot.key in summit.participants for spot in people) or _HIM_OR_HER.search(clause):
            out.update((spot.key, spot.surface) for spot in people if spot.key not in summit.participants)
    return out


def _a_meeting_of_its_own(summits, summit: SummitFound, key: str) -> bool:
    """Whether another summit on days of ``summit`` has ``key`` with one of its participants."""
    return any(other.id != summit.id and key in other.participants and set(other.participants) & set(summit.participants)
               and other.start <= summit.end and summit.start <= other.end for other in summits)


#: A host's welcome of a visitor named as such (为甲举行欢迎仪式, 为甲夫妇举行隆重欢迎宴会); not a banquet
#: alone (设国宴款待甲, 设宴欢迎), which a head of state who holds no talks gives too.
_WELCOME = re.compile(r"举行了?(?:隆重的?|盛大的?|正式的?)?欢迎(?:仪式|宴会|晚宴)")


#: Before the one welcomed (为甲举行欢迎仪式): whom the welcome is for, not who gives it.
_FOR = "为"


def hosts_who_welcome_the_visitor(reading: Reading, people: People, summits) -> None:
    """A host's welcome ceremony or welcome banquet for the visitor on a visit's days (``次日，乙国总统丙
    在某宫为甲举行隆重的欢迎仪式``, ``中午，女王在某宫花园举行欢迎仪式``): the host, a side's
    top leader written by name or by a head's office alone whose holder the article names, takes part in
    the visit's summit. Days are read as an account gives them (``28日晚``, ``当晚``), section by section."""
    telling = _sections_telling(reading, _WELCOME)
    for summit in summits:
        if summit.end <= summit.start:
            continue  # a visit spans days
        for section, sentences in telling:
            told = list(days_told(section, sentences, summit.start.year))
            for sentence, current in told:
                welcome = _WELCOME.search(sentence.hans)
                if welcome and current is not None and summit.start <= current <= summit.end \
                        and not not_held(sentence.hans):
                    talks = [s for s, day in told if day == current and s.start >= sentence.start]
                    _host_joins(reading, people, summits, summit, sentence, welcome, talks)


def _sections_telling(reading: Reading, pattern: re.Pattern) -> list:
    """The sections (with their sentences) of which a sentence matches ``pattern``: read once, not once a
    summit. Each section's days are read from its own heading on, so one telling none adds no one to any."""
    return [(section, sentences) for section, sentences in reading.by_section.items()
            if any(pattern.search(sentence.hans) for sentence in sentences)]


def _host_joins(reading: Reading, people: People, summits, summit: SummitFound, sentence: Sentence, welcome,
                day: list[Sentence]) -> None:
    """The host named in the welcome's clause before its words (not the one it is ``为``) joins the summit,
    but not one whose side's talks that day someone else of the side holds (:func:`_talks_held_by_another`)."""
    hans = sentence.hans
    begin = max((m.end() for m in _CLAUSE.finditer(hans, 0, welcome.start())), default=0)
    named = {spot.key: spot.surface for spot in sentence.spots if begin <= spot.start < welcome.start()
             and reading.registry.is_a(spot.surface, Kind.PERSON) and not QUALIFIES.match(hans[spot.end:])
             and not hans.endswith(_FOR, 0, spot.start - len(written_before(sentence, spot)))}
    named.update((key, key) for key in bare_office_holders(people, sentence, begin, welcome.start()) if key not in named)
    for key, surface in named.items():
        if key not in summit.participants and _of_its_sides(people, summit, key) \
                and a_sides_top(reading, people, sentence, key) and not _a_meeting_of_its_own(summits, summit, key) \
                and not _talks_held_by_another(reading, people, key, sentence, welcome.end(), day):
            add_participants(reading, people, summit.id, {key: surface}, sentence)


#: A meeting word of the talks a welcome ceremony goes before (随后，丁与甲举行会谈; 与丁举行首脑会谈).
_TALKS_WORD = re.compile(r"会谈|会晤|会见|会面")


def _talks_held_by_another(reading: Reading, people: People, host: str, sentence: Sentence, after: int,
                           day: list[Sentence]) -> bool:
    """Whether the talks of the welcome's day, told after it (in its sentence or the day's sentences after),
    are held by another leader of the welcoming host's side (``乙国总统丙在总统府为甲举行欢迎仪式。随后，总理丁与甲
    举行会谈``, ``…举行正式欢迎仪式，丁出席。同日，丁与甲在某宫举行会谈``): the head of state only welcomes, the
    one who holds the talks is the side's principal. A clause naming the host too (``丙与甲举行会谈``) is his."""
    side = people.sides.get(host)
    if side is None:
        return False
    for told in day:
        start = after if told is sentence else 0
        for talks in _TALKS_WORD.finditer(told.hans, start):
            begin = max((m.end() for m in _CLAUSE.finditer(told.hans, start, talks.start())), default=start)
            named = {spot.key for spot in told.spots if begin <= spot.start < talks.start()
                     and reading.registry.is_a(spot.surface, Kind.PERSON) and not QUALIFIES.match(told.hans[spot.end:])}
            if host in named:
                return False
            if any(key != host and people.sides.get(key) == side and a_sides_top(reading, people, told, key)
                   for key in named):
                return True
    return False


#: A courtesy call on someone (拜会国王某某, 禮節性拜會總統某某, 先后拜会总统某某和总理某某): the one called on is met.
_CALLS_ON = re.compile(r"拜会了?")
#: A head who is the state's symbol, whom a visitor calls on beside the talks (前往皇居拜会某某天皇): the gold
#: leaves him out of a visit's summit where he only receives the call.
_A_SYMBOL = "天皇"


def heads_called_on(reading: Reading, people: People, summits) -> None:
    """A courtesy call a participant pays on the summit's days on a head of one of its sides, told
    anywhere in the article (``当日下午，她拜会乙国总统丙``, ``7日，甲前往某宫拜会国王丙``): the one called
    on, a side's top by the office the text gives, takes part in the summit. Not a call someone else of
    the party pays (``乙国外长丁拜会丙``), nor on those below the top (副总统, 议长), a spouse (王后) or an
    emperor who is his state's symbol (``拜会丙天皇``)."""
    telling = _sections_telling(reading, _CALLS_ON)
    for summit in summits:
        for section, sentences in telling:
            for sentence, current in days_told(section, sentences, summit.start.year):
                if current is None or not summit.start <= current <= summit.end or not_held(sentence.hans):
                    continue
                for call in _CALLS_ON.finditer(sentence.hans):
                    _called_on_joins(reading, people, summits, summit, sentence, call)


def _called_on_joins(reading: Reading, people: People, summits, summit: SummitFound, sentence: Sentence, call) -> None:
    """Those named after the call's word in its clause join the summit, where the clause before it names one
    of its participants (or ``他``/``她`` for one) or no one: the caller is of the summit."""
    hans = sentence.hans
    begin = max((m.end() for m in _CLAUSE.finditer(hans, 0, call.start())), default=0)
    end = _clause_end(hans, call.end())
    callers = [spot.key for spot in sentence.spots if begin <= spot.start < call.start()
               and reading.registry.is_a(spot.surface, Kind.PERSON)]
    if callers and not set(callers) & set(summit.participants) and not _HIM_OR_HER.search(hans, begin, call.start()):
        return
    named = {spot.key: spot.surface for spot in sentence.spots if call.end() <= spot.start < end
             and reading.registry.is_a(spot.surface, Kind.PERSON) and not QUALIFIES.match(hans[spot.end:])}
    sides = {people.sides.get(key) for key in summit.participants}
    elsewhere = any(reading.index.is_state(spot.surface) and spot.key not in sides for spot in sentence.spots)
    for key, surface in named.items():
        side = people.sides.get(key)  # a head written by office alone (拜会国王某某): of the side visited, in no other state
        if key not in summit.participants and (side is None and not elsewhere or _of_its_sides(people, summit, key)) \
                and a_sides_top(reading, people, sentence, key) and not _a_meeting_of_its_own(summits, summit, key) \
                and not any(office.endswith(_A_SYMBOL) for office in titles_in(sentence, reading, key)):
            add_participants(reading, people, summit.id, {key: surface}, sentence)
